"""The collectief dashboard: ``streamlit run app.py`` (or ``python3.11 tasks.py app``).

This file is the frame around the pages: :func:`collectief.dashboard.ui.frame` picks the database (the team's own,
or the synthetic sample until there is one), prepares it once (sample import, theme analysis; with a progress
bar) and draws the sidebar filter; then the chosen page runs. Pages live in ``paginas/`` and only render what
:mod:`collectief.dashboard` returns.

The folder is deliberately not called ``pages/``: with a ``pages/`` folder beside this file, Streamlit starts a
fresh server in its legacy multipage mode and runs a page script on its own, without this frame, until some
session has called ``st.navigation`` (a deep link such as ``/themas`` as the first request then fails).
Do not add a ``pages/`` folder here.
"""

import streamlit as st

from collectief.dashboard import ui

st.set_page_config(page_title="collectief: terugkerende hulpvragen", page_icon="🤝", layout="wide")

PAGINAS = [
    st.Page("paginas/gegevens.py", title="Gegevens", icon=":material/upload_file:", url_path="gegevens"),
    st.Page("paginas/overzicht.py", title="Overzicht", icon=":material/dashboard:", url_path="overzicht", default=True),
    st.Page("paginas/themas.py", title="Thema's", icon=":material/category:", url_path="themas"),
    st.Page("paginas/maandsessie.py", title="Maandsessie", icon=":material/groups:", url_path="maandsessie"),
    st.Page("paginas/voorstellen.py", title="Voorstellen", icon=":material/lightbulb:", url_path="voorstellen"),
    st.Page("paginas/tijdwinst.py", title="Tijdwinst", icon=":material/schedule:", url_path="tijdwinst"),
    st.Page("paginas/export.py", title="Export", icon=":material/download:", url_path="export"),
]

pagina = st.navigation(PAGINAS)
ui.frame()
pagina.run()
