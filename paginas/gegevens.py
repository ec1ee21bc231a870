"""Gegevens: which data are shown, upload of an export (CSV/XLSX) with column mapping, the import report."""

import pandas as pd
import streamlit as st

from collectief import dashboard
from collectief.cli import rapport_tekst
from collectief.intake import VELDEN
from collectief.store import Store, standaard_db_pad
from paginas import _gedeeld as ui

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


def kies_bron() -> None:
    # A plain key, not the widget's own: it must survive pages on which the radio is not drawn.
    st.session_state["bron"] = st.session_state["bron_keuze"]


def toon_rapport(rapport) -> None:
    kolommen = st.columns(4)
    kolommen[0].metric("Gegevensrijen", rapport.data_rijen)
    kolommen[1].metric("Geaccepteerd", rapport.geaccepteerd)
    kolommen[2].metric("Afgewezen", rapport.afgewezen)
    kolommen[3].metric("Nieuw opgeslagen", rapport.nieuw_opgeslagen)
    if rapport.afwijzingen:
        st.markdown("**Afgewezen rijen**")
        st.dataframe(
            pd.DataFrame(
                {"Rij": [a.rij + 1 for a in rapport.afwijzingen], "Reden": [a.reden for a in rapport.afwijzingen]}
            ),
            hide_index=True,
            width="stretch",
        )
    with st.expander("Volledig importverslag (ook verwijderde persoonsgegevens per soort)", expanded=True):
        st.text(rapport_tekst(rapport))


with Store(ctx.db) as store:
    batches = store.batches()
    aantal = store.aantal_hulpvragen()
eigen = standaard_db_pad()
eigen_aantal = 0
if eigen.exists():
    with Store(eigen) as store:
        eigen_aantal = store.aantal_hulpvragen()

st.subheader("Nu getoond")
kolommen = st.columns([1, 3])
kolommen[0].metric("Hulpvragen", aantal)
kolommen[1].caption(
    f"{'Voorbeeldgegevens (synthetisch)' if ctx.voorbeeld else 'Eigen gegevens'} in {ctx.db}. "
    "Thema's worden eenmalig per nieuwe gegevens bepaald en daarna bewaard."
)
if eigen_aantal:
    st.radio(
        "Welke gegevens tonen?",
        ["eigen", "voorbeeld"],
        index=1 if ctx.voorbeeld else 0,
        format_func={"eigen": f"Eigen gegevens ({eigen_aantal} hulpvragen)", "voorbeeld": "Voorbeeldgegevens"}.get,
        key="bron_keuze",
        on_change=kies_bron,
        horizontal=True,
    )
if len(batches):
    st.markdown("**Ingelezen bestanden**")
    st.dataframe(
        pd.DataFrame(
            {
                "Bestand": batches["bestand"],
                "Ingelezen op": batches["tijdstip"].str[:16].str.replace("T", " "),
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
        afgewezen, verwijderd = dashboard.importverslag(batch)
        with st.expander(f"Importverslag van {batch['bestand']} ({str(batch['tijdstip'])[:10]})"):
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
    f"Export kiezen (CSV of XLSX, tot {dashboard.MAX_UPLOAD_MB} MB)",
    key="upload",
    help="Een grotere export: lees hem in delen in (bijvoorbeeld per kwartaal) of gebruik 'collectief import'.",
)
if bestand is not None:
    data = bestand.getvalue()
    controle = dashboard.controleer_upload(bestand.name, data)
    koppeling = None
    if controle.koppeling_nodig:
        st.warning(controle.melding)
        gok = dashboard.raad_koppeling(controle.kolommen)
        kolommen = st.columns(3)
        koppeling = {}
        for i, veld in enumerate(VELDEN):
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
            controle = dashboard.controleer_upload(bestand.name, data, koppeling)
    if not controle.ok and not controle.koppeling_nodig:
        st.error(controle.melding)
    elif controle.ok:
        st.success(
            "Herkende kolommen: " + ", ".join(f"{veld} ← '{kolom}'" for veld, kolom in controle.koppeling.items())
        )
        if st.button("Inlezen en analyseren", type="primary", key="inlezen"):
            balk = st.progress(0.0, text="Herkenning van persoonsgegevens laden (eenmalig, ± 10 seconden) ...")
            scrubber = ui.scrubber()
            with Store(eigen) as store:
                uitkomst = dashboard.importeer_upload(
                    bestand.name,
                    data,
                    store,
                    koppeling,
                    scrubber,
                    voortgang=lambda deel: balk.progress(deel, text="Inlezen en persoonsgegevens verwijderen ..."),
                )
                balk.empty()
                if uitkomst.melding:
                    st.error(uitkomst.melding)
                else:
                    ui.analyseer_zo_nodig(store)
                    st.session_state["laatste_import"] = uitkomst.rapport
                    st.session_state["bron"] = "eigen"
                    st.rerun()
