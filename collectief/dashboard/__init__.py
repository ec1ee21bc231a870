"""The dashboard layer: what the Streamlit pages (``app.py``, ``paginas/``) show, split by job.

* :mod:`.werkruimte` — which database is shown, its content versions, the theme analysis kept beside it;
* :mod:`.stand` — the analysis with the team's decisions applied, and the sidebar's filter;
* :mod:`.tabellen` — the tables for one filter, from the plan (small counts suppressed);
* :mod:`.plan` — the backend's one plan for the team's view and the filter; the team's assumptions;
* :mod:`.sessie` — the monthly session: decisions with undo, all notes of a theme, changes since last month;
* :mod:`.upload` — checking and importing an uploaded export;
* :mod:`.uitvoer` — the one printable session report and the CSV downloads (from the backend);
* :mod:`.weergave` — Dutch numbers, month names and escaping for the screen;
* :mod:`.ui` — the only module that imports Streamlit: caching, the frame, callbacks.

Layers (enforced by ``tests/test_lagen.py``): collectief's core modules never import this package; these modules
never import ``collectief.cli``; pages import only this package (plus streamlit, pandas, altair).
This module re-exports the plain (Streamlit-free) API, except the names of its submodules.
"""

from collectief.dashboard.plan import groepsaanbod, maak_plan, periode_van
from collectief.dashboard.sessie import (
    Actie,
    Notities,
    besluitenlijst,
    maak_ongedaan,
    neem_besluit,
    notities,
    veranderingen,
)
from collectief.dashboard.stand import Filter, Stand, gefilterd, maak_stand, standaardfilter
from collectief.dashboard.tabellen import Kerncijfers, Tabellen, Thematype, thematype
from collectief.dashboard.uitvoer import CSV_NAMEN, csv_bestand, rapport
from collectief.dashboard.upload import (
    MAX_UPLOAD_MB,
    TYPES,
    Uploadcontrole,
    Uploaduitkomst,
    controleer_upload,
    importeer_upload,
    importverslag,
    raad_koppeling,
)
from collectief.dashboard.werkruimte import (
    VOORBEELD_CSV,
    Basis,
    Bron,
    aannameversie,
    actieve_db,
    analyse_bewaard,
    analyseversie,
    besluitversie,
    invoerframe,
    keuzes,
    laad_basis,
    maak_analyse,
    teamaannames_uit,
    voorbeeld_db_pad,
    voorbereiden,
    zaai_voorbeeld,
)

__all__ = [
    "CSV_NAMEN",
    "MAX_UPLOAD_MB",
    "TYPES",
    "VOORBEELD_CSV",
    "Actie",
    "Basis",
    "Bron",
    "Filter",
    "Kerncijfers",
    "Notities",
    "Stand",
    "Tabellen",
    "Thematype",
    "Uploadcontrole",
    "Uploaduitkomst",
    "aannameversie",
    "actieve_db",
    "analyse_bewaard",
    "analyseversie",
    "besluitenlijst",
    "besluitversie",
    "controleer_upload",
    "csv_bestand",
    "gefilterd",
    "groepsaanbod",
    "importeer_upload",
    "importverslag",
    "invoerframe",
    "keuzes",
    "laad_basis",
    "maak_analyse",
    "maak_ongedaan",
    "maak_plan",
    "maak_stand",
    "neem_besluit",
    "notities",
    "periode_van",
    "raad_koppeling",
    "rapport",
    "standaardfilter",
    "teamaannames_uit",
    "thematype",
    "veranderingen",
    "voorbeeld_db_pad",
    "voorbereiden",
    "zaai_voorbeeld",
]
