"""Gegevens: which data are shown, upload of an export (CSV/XLSX) with column choice, the import reports, and the
technical details (NLP pipeline, versions): this is the only page that shows them."""

import pandas as pd
import streamlit as st

from collectief.dashboard import ui, upload, werkruimte
from collectief.dashboard import weergave as w

ctx = ui.context()
ui.kop("Gegevens", ctx)

VELD_LABELS = {
    "tekst": "Tekst van de hulpvraag (verplicht)",
    "datum": "Datum",
    "wijk": "Wijk of gebied",
    "huishouden": "Huishouden of cliëntnummer",
    "minuten": "Tijdsbesteding (minuten of uren)",
    "id": "Vraagnummer",
}
GEEN = "(niet gebruiken)"


def toon_rapport(rapport) -> None:
    kolommen = st.columns(4)
    kolommen[0].metric("Gegevensrijen", rapport.data_rijen)
    kolommen[1].metric("Geaccepteerd", rapport.geaccepteerd)
    kolommen[2].metric("Afgewezen", rapport.afgewezen)
    kolommen[3].metric("Nieuw opgeslagen", rapport.nieuw_opgeslagen)
    afgewezen, waarschuwingen, verwijderd = upload.rapporttabellen(rapport)
    if len(afgewezen):
        st.markdown("**Afgewezen rijen, met de reden**")
        st.dataframe(afgewezen, hide_index=True, width="stretch")
    if len(waarschuwingen):
        st.markdown("**Waarschuwingen (de rij is wel gebruikt)**")
        st.dataframe(waarschuwingen, hide_index=True, width="stretch")
    st.markdown("**Verwijderde persoonsgegevens per soort**")
    if len(verwijderd):
        st.dataframe(verwijderd, hide_index=True)
    else:
        st.caption("Geen persoonsgegevens gevonden.")


batches = ctx.batches()
eigen_aantal = ctx.eigen_aantal()

st.subheader("Nu getoond")
kolommen = st.columns([1, 3])
kolommen[0].metric("Hulpvragen", ctx.keuzes["aantal"])
kolommen[1].caption(
    f"{'Voorbeeldgegevens (synthetisch)' if ctx.voorbeeld else 'Eigen gegevens'} in {w.md(ctx.db)}. "
    "Thema's worden eenmalig per nieuwe gegevens bepaald en daarna bewaard."
)
if eigen_aantal:
    st.radio(
        "Welke gegevens tonen?",
        list(werkruimte.Bron),
        index=1 if ctx.voorbeeld else 0,
        format_func={
            werkruimte.Bron.EIGEN: f"Eigen gegevens ({eigen_aantal} hulpvragen)",
            werkruimte.Bron.VOORBEELD: "Voorbeeldgegevens",
        }.get,
        key="bron_keuze",
        on_change=ui.kies_bron,
        horizontal=True,
    )
if len(batches):
    st.markdown("**Ingelezen bestanden**")
    st.dataframe(
        pd.DataFrame(
            {
                "Bestand": batches["bestand"],
                "Ingelezen op": [pd.Timestamp(t).strftime("%d-%m-%Y %H:%M") for t in batches["tijdstip"]],
                "Rijen": batches["data_rijen"],
                "Geaccepteerd": batches["geaccepteerd"],
                "Afgewezen": batches["afgewezen"],
                "Nieuw": batches["nieuw"],
                "Al aanwezig": batches["al_aanwezig"],
            }
        ),
        hide_index=True,
        width="stretch",
    )
    for batch in batches.to_dict("records")[::-1]:
        afgewezen, verwijderd = upload.importverslag(batch)
        datum = pd.Timestamp(batch["tijdstip"]).strftime("%d-%m-%Y")
        with st.expander(f"Importverslag van {batch['bestand']} ({datum})"):
            st.markdown(
                f"{batch['data_rijen']} gegevensrijen: {batch['geaccepteerd']} geaccepteerd "
                f"({batch['nieuw']} nieuw, {batch['al_aanwezig']} al aanwezig), {batch['afgewezen']} afgewezen."
            )
            if len(afgewezen):
                st.markdown("**Afgewezen rijen, met de reden**")
                st.dataframe(afgewezen, hide_index=True, width="stretch")
            st.markdown("**Verwijderde persoonsgegevens per soort**")
            if len(verwijderd):
                st.dataframe(verwijderd, hide_index=True)
            else:
                st.caption("Geen persoonsgegevens gevonden.")

laatste = st.session_state.get("laatste_import")
if laatste is not None:
    st.success(f"'{laatste.bestand}' is ingelezen en geanalyseerd.")
    toon_rapport(laatste)

st.subheader("Eigen export inlezen")
st.markdown(
    "Een export uit het registratiesysteem: CSV (ook met puntkomma's en Excel-tekens) of een Excel-werkmap (.xlsx), "
    "één rij per hulpvraag. Namen, adressen, telefoonnummers, BSN en andere persoonsgegevens worden verwijderd "
    "vóórdat iets wordt opgeslagen of getoond. Alles blijft op deze computer. Dezelfde hulpvragen nog eens inlezen "
    "voegt niets dubbel toe."
)
bestand = st.file_uploader(
    f"Export kiezen ({upload.SOORTEN}, tot {upload.MAX_UPLOAD_MB} MB)",
    key="upload",
    help="Een grotere export: lees hem in delen in (bijvoorbeeld per kwartaal) of gebruik 'collectief import'.",
)
if bestand is not None:
    data = bestand.getvalue()
    blad = st.session_state.get("upload_blad")
    with st.spinner("Bestand controleren ..."):
        controle = upload.controleer_upload(bestand.name, data, blad=blad)
    if blad and blad not in controle.bladen:  # another file: its own sheets
        blad = None
        st.session_state.pop("upload_blad", None)
        controle = upload.controleer_upload(bestand.name, data)
    koppeling = None
    if len(controle.bladen) > 1:
        st.selectbox(
            "Werkblad",
            controle.bladen,
            index=controle.bladen.index(controle.blad) if controle.blad in controle.bladen else 0,
            key="upload_blad",
            help="Het werkblad met de hulpvragen; standaard het eerste blad met een tabel met hulpvragen.",
        )
    if controle.ok and controle.kandidaten:
        # Several columns could hold a field: the team chooses (the intake's first choice is preselected).
        koppeling = dict(controle.koppeling)
        for veld, opties in controle.kandidaten.items():
            redenen = dict(opties)
            koppeling[veld] = st.radio(
                f"Welke kolom is '{VELD_LABELS.get(veld, veld)}'?",
                [k for k, _ in opties],
                format_func=lambda k, r=redenen: r[k],
                key=f"kandidaat_{veld}",
            )
        if koppeling != controle.koppeling:
            controle = upload.controleer_upload(bestand.name, data, koppeling, blad)
    if controle.koppeling_nodig:
        st.info(
            "De kolomnamen van dit bestand zijn niet allemaal op naam herkend. Kies hieronder welke kolom de tekst "
            "van de hulpvraag bevat (en eventueel datum, wijk, huishouden en tijd); een eerste keuze is ingevuld."
        )
        gok = upload.raad_koppeling(controle.kolommen)
        kolommen = st.columns(3)
        koppeling = {}
        for i, veld in enumerate(upload.VELDEN):
            opties = [GEEN, *controle.kolommen]
            keuze = kolommen[i % 3].selectbox(
                VELD_LABELS.get(veld, veld),
                opties,
                index=opties.index(gok[veld]) if veld in gok else 0,
                key=f"kolom_{veld}",
            )
            if keuze != GEEN:
                koppeling[veld] = keuze
        if "tekst" in koppeling:
            controle = upload.controleer_upload(bestand.name, data, koppeling)
        if not controle.ok:
            # Only while no usable mapping is chosen: never above columns that are recognised.
            st.warning(controle.melding)
    if not controle.ok and not controle.koppeling_nodig:
        st.error(controle.melding)
    elif controle.ok:
        st.success(
            "Herkende kolommen: " + ", ".join(f"{veld} ← '{w.md(kolom)}'" for veld, kolom in controle.koppeling.items())
        )
        if st.button("Inlezen en analyseren", type="primary", key="inlezen"):
            balk = st.progress(0.0, text="Herkenning van persoonsgegevens laden (eenmalig, ± 10 seconden) ...")
            uitkomst = ui.importeer(
                bestand.name,
                data,
                koppeling,
                lambda deel: balk.progress(deel, text="Inlezen en persoonsgegevens verwijderen ..."),
                blad=blad,
            )
            balk.empty()
            if uitkomst.melding:
                st.error(uitkomst.melding)
            else:
                st.session_state["laatste_import"] = uitkomst.rapport
                st.session_state["bron"] = werkruimte.Bron.EIGEN
                st.rerun()

st.subheader("Technische gegevens")
st.caption("Voor wie het dashboard beheert; voor de sessie is dit niet nodig.")
st.dataframe(pd.DataFrame(werkruimte.technische_gegevens(ctx.keuzes), columns=["Onderdeel", "Waarde"]), hide_index=True)
for melding in ctx.keuzes["meldingen"]:
    st.info(melding)
