"""Export: the session report (Markdown and printable HTML) and the tables as CSV for Excel."""

import re

import streamlit as st

from collectief import dashboard
from paginas import _gedeeld as ui

ctx = ui.context()
t = ui.tabellen(ctx)
ui.kop("Export", ctx, t)

st.subheader("Rapport voor de maandsessie")
st.caption(
    "Eén pagina met de terugkerende thema's, de uitsplitsing per wijk en maand, de voorstellen met tijdwinst, "
    "individuele opvolging, het effect van gestart aanbod en de aannames; met de besluiten van het team verwerkt."
)
markdown, html = ui.rapport(ctx)
links, rechts = st.columns(2)
links.download_button(
    "Rapport om te printen (HTML)",
    html,
    "rapport_maandsessie.html",
    "text/html",
    on_click="ignore",
    icon=":material/print:",
    key="ex_html",
)
rechts.download_button(
    "Rapport (Markdown)", markdown, "rapport_maandsessie.md", "text/markdown", on_click="ignore", key="ex_md"
)
with st.expander("Rapport bekijken"):
    st.markdown(re.sub(r"^(#+) ", r"##\1 ", markdown, flags=re.MULTILINE))

st.subheader("Tabellen (CSV voor Excel)")
st.caption(
    f"Puntkomma-gescheiden, UTF-8. In elke uitsplitsing staat '<{t.k}' voor minder dan {t.k}. De hulpvragen zijn "
    "vooraf ontdaan van persoonsgegevens."
)
BESCHRIJVING = {
    "themas.csv": "Thema's in de periode: aantallen, trend, wijk, seizoen, besluiten",
    "thema_per_maand.csv": "Hulpvragen per thema per maand",
    "thema_per_wijk.csv": "Hulpvragen per thema per wijk in de periode",
    "voorstellen.csv": "Voorstellen met uitleg, partners en tijdwinst",
    "tijdwinst.csv": "Tijdwinst per thema met de standaardaannames",
    "besluiten.csv": "Besluiten van het team",
    "hulpvragen.csv": "Elke hulpvraag met zijn thema (gescrubde tekst)",
}
for naam in dashboard.CSV_NAMEN:
    kolom1, kolom2 = st.columns([2, 3])
    # The file is made on the click, not on every visit (the list of hulpvragen can be large).
    kolom1.download_button(naam, lambda naam=naam: ui.csv_bestand(ctx, naam), naam, "text/csv", on_click="ignore",
                           key=f"ex_{naam}", icon=":material/download:")  # fmt: skip
    kolom2.caption(BESCHRIJVING.get(naam, ""))
