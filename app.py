"""The collectief dashboard: ``streamlit run app.py`` (or ``python3.11 tasks.py app``).

This file is the frame around the pages: it picks the database (the team's own, or the synthetic sample until
there is one), prepares it once (sample import, theme analysis; with a progress bar), draws the sidebar filter
and runs the chosen page. Pages live in ``pages/`` and only render what :mod:`collectief.dashboard` returns.
"""

import streamlit as st

from pages import _gedeeld as ui

st.set_page_config(page_title="collectief: terugkerende hulpvragen", page_icon="🤝", layout="wide")

PAGINAS = [
    st.Page("pages/gegevens.py", title="Gegevens", icon=":material/upload_file:", url_path="gegevens"),
    st.Page("pages/overzicht.py", title="Overzicht", icon=":material/dashboard:", url_path="overzicht", default=True),
    st.Page("pages/themas.py", title="Thema's", icon=":material/category:", url_path="themas"),
    st.Page("pages/maandsessie.py", title="Maandsessie", icon=":material/groups:", url_path="maandsessie"),
    st.Page("pages/voorstellen.py", title="Voorstellen", icon=":material/lightbulb:", url_path="voorstellen"),
    st.Page("pages/tijdwinst.py", title="Tijdwinst", icon=":material/schedule:", url_path="tijdwinst"),
    st.Page("pages/export.py", title="Export", icon=":material/download:", url_path="export"),
]

pagina = st.navigation(PAGINAS)
ui.frame()
pagina.run()
