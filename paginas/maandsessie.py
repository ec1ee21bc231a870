"""Maandsessie: the team renames, merges, splits off or dismisses themes, with a note; and a printable summary."""

import re

import pandas as pd
import streamlit as st

from collectief.decisions import ACTIE_NAMEN, lees_splitsing, treffers
from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.tabellen(ctx)
ui.kop("Maandsessie", ctx, t)
st.markdown(
    "Bespreek welke vragen terugkomen, geef thema's een naam die het team herkent, voeg samen wat bij elkaar hoort "
    "en wijs af wat geen thema is. Besluiten worden bewaard en gelden voor elke volgende analyse."
)

st.dataframe(
    t.themas[["Thema", "Hulpvragen", "Huishoudens", "Trend", "Terugkerend", "Opkomend", "Besluiten van het team"]],
    hide_index=True,
    width="stretch",
)

st.subheader("Besluit nemen")
ui.melding("ms_melding")
namen = dict(zip(t.themas["thema_id"], t.themas["Thema"], strict=True))
aantallen = dict(zip(t.themas["thema_id"], t.themas["Hulpvragen"], strict=True))
opties = list(t.themas["thema_id"])
if st.session_state.get("ms_thema") not in opties:
    st.session_state.pop("ms_thema", None)
thema_id = st.selectbox(
    "Thema", opties, key="ms_thema", format_func=lambda i: f"{namen[i]} ({aantallen[i]} hulpvragen)"
)
LABELS = {
    "hernoemen": "Hernoemen",
    "samenvoegen": "Samenvoegen met een ander thema",
    "afsplitsen": "Afsplitsen op een trefwoord",
    "afwijzen": "Afwijzen (naar Overig)",
}
actie = st.radio("Wat besluit het team?", list(LABELS), format_func=LABELS.get, key="ms_actie", horizontal=True)
if actie == "hernoemen":
    st.text_input("Nieuwe naam", key="ms_naam", placeholder="bijvoorbeeld: Vervoer en regiotaxi")
elif actie == "samenvoegen":
    anderen = [i for i in opties if i not in (thema_id, "overig")]
    if st.session_state.get("ms_doel") not in anderen:
        st.session_state.pop("ms_doel", None)
    st.selectbox(
        "Samenvoegen met",
        anderen,
        key="ms_doel",
        format_func=namen.get,
        help="De hulpvragen van het gekozen thema gaan naar dit thema.",
    )
elif actie == "afsplitsen":
    links, rechts = st.columns(2)
    trefwoord = links.text_input(
        "Trefwoord",
        key="ms_trefwoord",
        placeholder="bijvoorbeeld: scootmobiel",
        help="Hulpvragen in dit thema met een woord dat zo begint, krijgen een eigen thema.",
    )
    rechts.text_input("Naam van het nieuwe thema", key="ms_nieuwe_naam", placeholder="bijvoorbeeld: Vervoer")
    if trefwoord and len(trefwoord.strip()) >= 3:
        stand = ui.stand(ctx)
        teksten = stand.hulpvragen.loc[stand.hulpvragen["thema_id"] == thema_id, "tekst"]
        st.caption(
            f"In alle gegevens: {ui.aantal(sum(treffers(teksten, trefwoord.strip())))} hulpvragen van dit thema "
            "bevatten dit woord."
        )
else:
    st.caption("De hulpvragen van dit thema gaan naar Overig: ze blijven geteld en zichtbaar, maar niet als thema.")
st.text_area("Notitie", key="ms_notitie", placeholder="Waarom? Bijvoorbeeld: afgesproken in het teamoverleg van ...")
st.button("Besluit opslaan", type="primary", key="ms_opslaan", on_click=ui.bewaar_besluit)

st.subheader("Besluiten tot nu toe")
besluiten = ui.besluiten(ctx)
if len(besluiten):
    stand = ui.stand(ctx)

    def _waarde(rij: pd.Series) -> str:
        if rij["actie"] == "samenvoegen":
            return f"met {stand.naam(rij['waarde'])}"
        if rij["actie"] == "afsplitsen":
            trefwoord, naam = lees_splitsing(rij["waarde"])
            return f"'{trefwoord}' → {naam}"
        return rij["waarde"] or ""

    overzicht = pd.DataFrame(
        {
            "Datum": besluiten["tijdstip"].str[:10],
            "Thema": [stand.naam(i) if i not in stand.themas else stand.themas[i].naam for i in besluiten["thema_id"]],
            "Besluit": besluiten["actie"].map(ACTIE_NAMEN),
            "Waarde": besluiten.apply(_waarde, axis=1),
            "Notitie": besluiten["notitie"].fillna(""),
        }
    )
    st.dataframe(overzicht, hide_index=True, width="stretch")
    for regel in stand.overgeslagen:
        st.warning(regel)
else:
    st.caption("Nog geen besluiten.")

st.subheader("Samenvatting van de sessie")
markdown, html = ui.verslag(ctx)
links, rechts = st.columns(2)
links.download_button(
    "Samenvatting om te printen (HTML)",
    html,
    "maandsessie.html",
    "text/html",
    on_click="ignore",
    icon=":material/print:",
)
rechts.download_button("Samenvatting (Markdown)", markdown, "maandsessie.md", "text/markdown", on_click="ignore")
with st.container(border=True):
    st.markdown(re.sub(r"^(#+) ", r"##\1 ", markdown, flags=re.MULTILINE))  # smaller headings on screen
