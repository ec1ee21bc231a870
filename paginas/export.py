"""Export: the one printable session report and the tables as CSV for Excel."""

import re

import streamlit as st

from collectief.dashboard import ui, uitvoer

ctx = ui.context()
t = ctx.tabellen()
ui.kop("Export", ctx, t)

st.subheader("Verslag van de maandsessie")
st.caption(
    "Het document om te printen voor de sessie (hetzelfde als op de pagina Maandsessie): een samenvatting op één "
    "pagina met de kerncijfers, terugkerende thema's, voorstellen met tijdwinst en de besluiten van het team; "
    "daarna een bijlage met de uitsplitsing per wijk en maand, het effect van gestart aanbod en de aannames."
)
markdown, html = ctx.rapport()
links, rechts = st.columns(2)
links.download_button(
    "Verslag om te printen (HTML)",
    html,
    "verslag_maandsessie.html",
    "text/html",
    on_click="ignore",
    icon=":material/print:",
    key="ex_html",
)
rechts.download_button(
    "Verslag (Markdown)", markdown, "verslag_maandsessie.md", "text/markdown", on_click="ignore", key="ex_md"
)
with st.expander("Verslag bekijken"):
    st.markdown(re.sub(r"^(#+) ", r"##\1 ", markdown, flags=re.MULTILINE))

st.subheader("Tabellen (CSV voor Excel)")
st.caption(
    f"Puntkomma-gescheiden, UTF-8, decimale komma. In elke uitsplitsing staat '<{t.k}' voor minder dan {t.k}. De "
    "hulpvragen zijn vooraf ontdaan van persoonsgegevens. Dezelfde bestanden maakt ook 'collectief analyse'."
)
BESCHRIJVING = {
    "themas.csv": "Thema's in de periode: aantallen, trend, wijk, seizoen, tijdwinst, besluiten",
    "thema_per_maand.csv": "Hulpvragen per thema per maand",
    "thema_per_wijk.csv": "Hulpvragen per thema per wijk in de periode",
    "voorstellen.csv": "Voorstellen met uitleg, partners en tijdwinst",
    "tijdwinst.csv": "Tijdwinst per thema met de aannames van het team",
    "besluiten.csv": "Besluiten van het team",
    "hulpvragen.csv": "Elke hulpvraag met zijn thema (tekst zonder persoonsgegevens)",
}
for naam in uitvoer.CSV_NAMEN:
    kolom1, kolom2 = st.columns([2, 3])
    # The file is made on the click, not on every visit (the list of hulpvragen can be large).
    kolom1.download_button(
        naam,
        lambda naam=naam: ctx.csv_bestand(naam),
        naam,
        "text/csv",
        on_click="ignore",
        key=f"ex_{naam}",
        icon=":material/download:",
    )
    kolom2.caption(BESCHRIJVING.get(naam, ""))
