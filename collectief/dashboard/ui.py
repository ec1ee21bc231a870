"""The Streamlit layer of the dashboard: cached resources and tables, the frame around the pages, button
callbacks and small render helpers. Pages (``paginas/``) import this module and :mod:`~collectief.dashboard`'s
plain modules, and nothing else from collectief.

Caching follows Streamlit's guidance: the NLP pipeline, the catalogues and the de-identifier are
``st.cache_resource`` (loaded once per process). The analysis, the team's view and the tables are kept too, keyed
on the database path and version strings that name its content (:func:`~collectief.dashboard.werkruimte.analyseversie`,
:func:`~collectief.dashboard.werkruimte.besluitversie`), so a cached table never outlives the data it was made
from, and a filter change never re-runs the NLP. Cached functions read only their arguments and other cached
functions with the same key parts. The large ones (analysis, view, tables, plan) are ``st.cache_resource``: they
are frozen records that no page changes, and copying 100,000 rows through pickle on every rerun (what
``st.cache_data`` does) would cost more than the page itself; small results are ``st.cache_data``.
"""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from collectief import aannames_opslag
from collectief.aanbod import Aanbodcatalogus, laad_aanbod
from collectief.catalogue import laad_catalogus
from collectief.dashboard import plan, sessie, uitvoer, upload, weergave, werkruimte
from collectief.dashboard import tabellen as tab
from collectief.dashboard.stand import Filter, Stand, maak_stand
from collectief.dashboard.werkruimte import Bron
from collectief.decisions import Actie, splitsing
from collectief.records import Thema
from collectief.store import Store
from collectief.suppress import K
from collectief.tijdwinst import Teamaannames

__all__ = [
    "ALLE_WIJKEN",
    "Context",
    "bewaar_besluit",
    "context",
    "frame",
    "getalveld",
    "kop",
    "maak_ongedaan",
    "markeer_gestart",
    "melding",
]

ALLE_WIJKEN = "Alle wijken"


# ---- resources ----------------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def catalogus() -> tuple[Thema, ...]:
    return tuple(laad_catalogus())


@st.cache_resource(show_spinner=False)
def aanbod() -> Aanbodcatalogus:
    return laad_aanbod()


@st.cache_resource(show_spinner=False)
def pipeline() -> Any:
    from collectief.nlp import laad_pipeline  # loads spaCy: only when an analysis really runs

    return laad_pipeline()


@st.cache_resource(show_spinner=False)
def scrubber() -> Any:
    from collectief.privacy import Scrubber  # loads deduce: only when a file is really imported

    scrubber = Scrubber()
    scrubber.scrub("Mw. Jansen belt over de huurtoeslag.")  # loads deduce's tables now, not halfway an import
    return scrubber


# ---- cached data (keys: database path + content versions) -----------------------------------------------------
_OUD = "De analyse voor deze gegevens ontbreekt of is verouderd; laad de pagina opnieuw."


@st.cache_resource(show_spinner=False, max_entries=2)
def _basis(db: str, versie: str) -> werkruimte.Basis:
    basis = werkruimte.laad_basis(Path(db), versie)
    if basis is None:
        raise RuntimeError(_OUD)
    return basis


@st.cache_data(show_spinner=False, max_entries=4)
def _besluiten(db: str, bversie: str) -> pd.DataFrame:
    """The decisions in force (what every figure depends on)."""
    with Store(db) as store:
        return werkruimte.geldende_besluiten(store.besluiten())


@st.cache_data(show_spinner=False, max_entries=4)
def _alle_besluiten(db: str, hversie: str) -> pd.DataFrame:
    """Every decision, undone ones included (the history)."""
    with Store(db) as store:
        return store.besluiten()


@st.cache_data(show_spinner=False, max_entries=4)
def _besluitenlijst(db: str, versie: str, hversie: str) -> pd.DataFrame:
    """The history as Maandsessie lists it, each decision described with the names at its place in it."""
    alle = _alle_besluiten(db, hversie)
    return sessie.besluitenlijst(maak_stand(_basis(db, versie), alle), alle)


@st.cache_data(show_spinner=False, max_entries=4)
def _gestart(db: str, bversie: str) -> pd.DataFrame:
    with Store(db) as store:
        return store.gestart_aanbod()


@st.cache_resource(show_spinner=False, max_entries=4)
def _stand(db: str, versie: str, bversie: str) -> Stand:
    return maak_stand(_basis(db, versie), _besluiten(db, bversie))


@st.cache_data(show_spinner=False, max_entries=4)
def _keuzes(db: str, versie: str) -> dict[str, Any]:
    keuzes = werkruimte.keuzes(Path(db), versie)
    if keuzes is None:
        raise RuntimeError(_OUD)
    return keuzes


@st.cache_resource(show_spinner=False, max_entries=32)
def _tabellen(
    db: str, versie: str, bversie: str, aversie: str, van: str | None, tot: str | None, wijk: str | None
) -> tab.Tabellen:
    filter = Filter(van, tot, wijk)
    team = werkruimte.teamaannames_uit(aversie)
    p = plan.maak_plan(_stand(db, versie, bversie), filter, team, _gestart(db, bversie), aanbod())
    return tab.tabellen(p, filter)


@st.cache_data(show_spinner=False, max_entries=8)
def _rapport(
    db: str,
    versie: str,
    bversie: str,
    aversie: str,
    van: str | None,
    tot: str | None,
    wijk: str | None,
    bron: str,
    datum: dt.date,
) -> tuple[str, str]:
    return uitvoer.rapport(_tabellen(db, versie, bversie, aversie, van, tot, wijk), bron=bron, gemaakt=datum)


@st.cache_data(show_spinner=False, max_entries=8)
def _csv(
    db: str,
    versie: str,
    bversie: str,
    aversie: str,
    van: str | None,
    tot: str | None,
    wijk: str | None,
    hversie: str,
    naam: str,
) -> bytes:
    stand = _stand(db, versie, bversie)
    tabel = _tabellen(db, versie, bversie, aversie, van, tot, wijk)
    return uitvoer.csv_bestand(naam, stand, tabel, _besluitenlijst(db, versie, hversie))


@st.cache_resource(show_spinner=False, max_entries=64)
def _notities(
    db: str,
    versie: str,
    bversie: str,
    van: str | None,
    tot: str | None,
    wijk: str | None,
    thema_id: str,
    zoek: str,
    pagina: int,
) -> sessie.Notities:
    return sessie.notities(_stand(db, versie, bversie), Filter(van, tot, wijk), thema_id, zoek, pagina)


# ---- the context a page works in ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Context:
    """Which database is shown, its versions (data; decisions in force and started offers; the team's assumptions;
    ``hversie``: every decision, undone ones included), and the filter chosen in the sidebar. Every table a page
    reads comes through here, cached on these values."""

    db: str
    voorbeeld: bool
    versie: str
    bversie: str
    aversie: str
    filter: Filter
    keuzes: dict[str, Any]
    hversie: str = ""

    @property
    def sleutel(self) -> tuple[str, str, str, str, str | None, str | None, str | None]:
        f = self.filter
        return (self.db, self.versie, self.bversie, self.aversie, f.van, f.tot, f.wijk)

    @property
    def akenmerk(self) -> str:
        """A short name for the stored assumptions, for widget keys (a form shows what is stored)."""
        return f"{zlib.crc32(self.aversie.encode()):08x}"

    def tabellen(self) -> tab.Tabellen:
        """Every table for the filter, from the one plan (a Dutch message when it takes more than half a second)."""
        with st.spinner("Bezig: de cijfers voor deze periode en wijk worden berekend ..."):
            return _tabellen(*self.sleutel)

    def stand(self) -> Stand:
        """The analysis with the team's decisions applied."""
        return _stand(self.db, self.versie, self.bversie)

    def team(self) -> Teamaannames:
        """The team's own assumptions as stored."""
        return werkruimte.teamaannames_uit(self.aversie)

    def besluiten(self) -> pd.DataFrame:
        """The team's decisions as the team reads them (:func:`~collectief.dashboard.sessie.besluitenlijst`)."""
        return _besluitenlijst(self.db, self.versie, self.hversie)

    def rapport(self) -> tuple[str, str]:
        """The one printable session report (Markdown, HTML)."""
        aantal = self.keuzes["aantal"]
        bron = "voorbeeldgegevens (synthetisch)" if self.voorbeeld else f"eigen gegevens ({aantal} hulpvragen)"
        with st.spinner("Bezig: het verslag wordt gemaakt ..."):
            return _rapport(*self.sleutel, bron, dt.date.today())

    def csv_bestand(self, naam: str) -> bytes:
        """One CSV, made when it is downloaded (``st.download_button`` with a function as data)."""
        return _csv(*self.sleutel, self.hversie, naam)

    def notities(self, thema_id: str, zoek: str, pagina: int) -> sessie.Notities:
        """One page of a theme's scrubbed notes."""
        with st.spinner("Bezig: notities zoeken ..."):
            return _notities(self.db, self.versie, self.bversie, *self.sleutel[4:], thema_id, zoek, pagina)

    def veranderingen(self) -> pd.DataFrame:
        """What changed since last month (:func:`~collectief.dashboard.sessie.veranderingen`)."""
        return sessie.veranderingen(self.stand(), self.filter, frozenset(self.tabellen().opkomend))

    def batches(self) -> pd.DataFrame:
        """The imports into the shown database."""
        with Store(self.db) as store:
            return store.batches()

    def eigen_aantal(self) -> int:
        """How many hulpvragen the team's own database holds (0 when there is none)."""
        eigen = werkruimte.standaard_db_pad()
        if not eigen.exists():
            return 0
        with Store(eigen) as store:
            return store.aantal_hulpvragen()


def context() -> Context:
    """The context set by the frame (``app.py``) for this run."""
    return st.session_state["_context"]


# ---- the frame -----------------------------------------------------------------------------------------------
def analyseer_zo_nodig(store: Store) -> str:
    """Run (and keep) the analysis when the data changed, with a progress bar; returns the data version."""
    versie = werkruimte.analyseversie(store, catalogus())
    if not werkruimte.analyse_bewaard(store.pad, versie):
        balk = st.progress(0.0, text="Analyse voorbereiden ...")
        werkruimte.maak_analyse(store, versie, catalogus(), pipeline, voortgang=lambda d, t: balk.progress(d, text=t))
        balk.empty()
    return versie


def zaai_zo_nodig(store: Store) -> None:
    """Fill the sample database the first time, with a progress bar."""
    if store.aantal_hulpvragen():
        return
    balk = st.progress(0.0, text="Eenmalige voorbereiding: herkenning van persoonsgegevens laden (± 10 seconden) ...")
    try:
        werkruimte.zaai_voorbeeld(store, scrubber(), voortgang=lambda d, t: balk.progress(min(d, 1.0), text=t))
    except Exception as fout:  # shown in Dutch; the app cannot go on without data
        balk.empty()
        st.error(f"De voorbeeldgegevens konden niet worden ingelezen: {fout}")
        st.stop()
    balk.empty()


def _filter_zijbalk(keuzes: dict[str, Any]) -> Filter:
    maanden = list(keuzes["maanden"])
    wijken = [ALLE_WIJKEN, *keuzes["wijken"]]
    van = tot = None
    with st.sidebar:
        st.markdown("**Filter**")
        if len(maanden) > 1:
            # The key names the months on offer, so a stored choice never refers to months another database lacks.
            van, tot = st.select_slider(
                "Periode",
                options=maanden,
                value=(maanden[max(0, len(maanden) - 3)], maanden[-1]),
                key=f"periode-{maanden[0]}-{maanden[-1]}",
                format_func=weergave.maandlabel,
                help="De maanden waarover geteld wordt. De trend vergelijkt met de maanden ervoor.",
            )
        elif maanden:
            van = tot = maanden[0]
        if st.session_state.get("wijk") not in wijken:
            st.session_state["wijk"] = ALLE_WIJKEN
        wijk = st.selectbox("Wijk", wijken, key="wijk")
    return Filter(van, tot, None if wijk == ALLE_WIJKEN else wijk)


#: Streamlit's own English texts replaced or hidden (they are not configurable), by the structure of its elements
#: and never by their text: the uploader's button ('Upload'), its size line ('40MB per file'), the overlay while a
#: file is dragged over it ('Drag and drop a file here': the one plain div of the drop zone), its error line, the
#: "Press Enter to apply" hint under text fields, and the "Running..." widget (our pages say in Dutch what they are
#: doing, with st.spinner or a progress bar). ``tests/test_browser.py`` drags a file over the zone to check it.
_STIJL = f"""
<style>
[data-testid="stFileUploaderDropzone"] button * {{ display: none; }}
[data-testid="stFileUploaderDropzone"] button::after {{ content: "Bestand kiezen"; }}
[data-testid="stFileUploaderDropzoneInstructions"] > * {{ display: none; }}
[data-testid="stFileUploaderDropzoneInstructions"]::after {{
  content: "Sleep een bestand hierheen of kies het · {upload.SOORTEN}, tot {upload.MAX_UPLOAD_MB} MB";
  font-size: 0.85rem; opacity: 0.7; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid]) > * {{ display: none; }}
[data-testid="stFileUploaderDropzone"] > div:not([data-testid])::after {{
  content: "Laat het bestand hier los"; font-size: 0.85rem; font-weight: 800; }}
[data-testid="stFileChip"] [role="alert"] {{ display: none; }}
[data-testid="stFileChip"][aria-invalid="true"]::after {{
  content: "Dit bestand kan niet worden gebruikt ({upload.SOORTEN}, tot {upload.MAX_UPLOAD_MB} MB)";
  font-size: 0.8rem; }}
[data-testid="InputInstructions"] {{ display: none; }}
[data-testid="stStatusWidget"] {{ visibility: hidden; }}
</style>
"""


def frame() -> Context:
    """Choose the database, prepare it when needed, draw the sidebar; store and return the page context."""
    st.html(_STIJL)
    db, voorbeeld = werkruimte.actieve_db(st.session_state.get("bron"))
    with Store(db) as store:
        if voorbeeld:
            zaai_zo_nodig(store)
        versie = analyseer_zo_nodig(store)
        bversie = werkruimte.besluitversie(store)
        hversie = werkruimte.geschiedenisversie(store)
        aversie = werkruimte.aannameversie(store)
    keuzes = _keuzes(str(db), versie)
    filter = _filter_zijbalk(keuzes)
    with st.sidebar:
        st.divider()
        if voorbeeld:
            st.caption("Gegevens: **voorbeeld** (synthetisch). Eigen export inlezen: pagina Gegevens.")
        else:
            st.caption(f"Gegevens: eigen database ({keuzes['aantal']} hulpvragen).")
        st.caption(f"Aantallen onder de {K} worden niet getoond (<{K}). Alles blijft op deze computer.")
    ctx = Context(str(db), voorbeeld, versie, bversie, aversie, filter, keuzes, hversie)
    st.session_state["_context"] = ctx
    return ctx


# ---- render helpers ---------------------------------------------------------------------------------------------
def kop(titel: str, ctx: Context, tabel: Any = None) -> None:
    """The page title, the period and wijk shown, and a note when the sample is shown."""
    st.title(titel)
    if tabel is not None:
        st.caption(f"{tabel.periode[:1].upper()}{tabel.periode[1:]} · {weergave.md(tabel.wijk)}")
    if ctx.voorbeeld:
        st.info("U bekijkt de **voorbeeldgegevens** (synthetische hulpvragen). Lees eigen gegevens in via *Gegevens*.")


def melding(sleutel: str) -> None:
    """Show (once) the message a callback left under ``sleutel``."""
    waarde = st.session_state.pop(sleutel, None)
    if not waarde:
        return
    soort, tekst = waarde if isinstance(waarde, tuple) else ("ok", waarde)
    (st.error if soort == "fout" else st.success)(tekst)


def kies_bron() -> None:
    """Callback of the Gegevens page's choice between own data and the sample."""
    # A plain key, not the widget's own: it must survive pages on which the radio is not drawn.
    st.session_state["bron"] = Bron(st.session_state["bron_keuze"])


# ---- actions (button callbacks: they run before the page is drawn again) -------------------------------------
def bewaar_besluit() -> None:
    """Store the decision filled in on the Maandsessie page; the outcome is shown once as a message."""
    ctx = context()
    s = st.session_state
    actie = Actie(s.get("ms_actie") or Actie.HERNOEMEN)
    thema_id = s.get("ms_thema")
    if actie is Actie.HERNOEMEN:
        waarde = s.get("ms_naam", "")
    elif actie is Actie.SAMENVOEGEN:
        waarde = s.get("ms_doel", "")
    elif actie is Actie.AFSPLITSEN:
        waarde = splitsing(s.get("ms_trefwoord", ""), s.get("ms_nieuwe_naam", ""))
    else:
        waarde = None
    with st.spinner("Besluit opslaan en thema's bijwerken ..."), Store(ctx.db) as store:
        fout = sessie.neem_besluit(store, ctx.stand(), thema_id, actie, waarde, s.get("ms_notitie", ""))
    if fout:
        s["ms_melding"] = ("fout", f"Niet opgeslagen: {fout}")
        return
    s["ms_melding"] = ("ok", "Besluit opgeslagen; het geldt vanaf nu voor elke analyse.")
    for sleutel in ("ms_naam", "ms_trefwoord", "ms_nieuwe_naam", "ms_notitie"):
        s[sleutel] = ""


def maak_ongedaan(besluit_id: int) -> None:
    """Undo one decision (from the list on the Maandsessie page)."""
    ctx = context()
    with Store(ctx.db) as store:
        st.session_state["ms_melding"] = ("ok", sessie.maak_ongedaan(store, ctx.stand(), besluit_id))


def markeer_gestart(thema_id: str, aanbod: str, wijk: str | None, sleutel: str) -> None:
    """Store that the team started an offer (from a Voorstellen card)."""
    ctx = context()
    s = st.session_state
    start = s.get(f"start_{sleutel}") or dt.date.today()
    notitie = (s.get(f"notitie_{sleutel}") or "").strip() or None
    with Store(ctx.db) as store:
        store.markeer_gestart(thema_id, aanbod, start, wijk=wijk, notitie=notitie)
    s["vs_melding"] = f"'{aanbod}' is gemarkeerd als gestart op {start:%d-%m-%Y}."


def bewaar_aanbod(aanbod_id: str, sleutel: str) -> None:
    """Store the team's assumptions for one offer, from the Tijdwinst page's form (percentages for reach)."""
    ctx = context()
    s = st.session_state
    velden = {veld: float(s[f"{sleutel}_{veld}"]) for veld in plan.AANBOD_VELDEN if f"{sleutel}_{veld}" in s}
    for veld in ("bereik_laag", "bereik_verwacht", "bereik_hoog"):
        if veld in velden:
            velden[veld] /= 100
    if not velden.get("bereik_laag", 0) <= velden.get("bereik_verwacht", 0) <= velden.get("bereik_hoog", 1):
        s["tw_melding"] = ("fout", "Niet opgeslagen: het bereik moet oplopen (laag ≤ verwacht ≤ hoog).")
        return
    try:
        with Store(ctx.db) as store:
            aannames_opslag.bewaar_aanbod(store, aanbod_id, **velden)
    except ValueError as fout:
        s["tw_melding"] = ("fout", f"Niet opgeslagen: {fout}")
        return
    s["tw_melding"] = ("ok", "Aannames opgeslagen; alle pagina's en het rapport rekenen er nu mee.")


def bewaar_minuten(thema_id: str, sleutel: str) -> None:
    """Store the team's minutes per hulpvraag for one theme, from the Tijdwinst page."""
    ctx = context()
    try:
        with Store(ctx.db) as store:
            aannames_opslag.bewaar_minuten(store, thema_id, float(st.session_state[sleutel]))
    except ValueError as fout:
        st.session_state["tw_melding"] = ("fout", f"Niet opgeslagen: {fout}")
        return
    st.session_state["tw_melding"] = ("ok", "Minuten opgeslagen; alle pagina's en het rapport rekenen er nu mee.")


def herstel_aanname(soort: str, sleutel: str) -> None:
    """Forget the team's own value(s) for an offer (``soort='aanbod'``) or a theme (``'minuten'``)."""
    with Store(context().db) as store:
        aannames_opslag.wis(store, soort, sleutel)
    st.session_state["tw_melding"] = ("ok", "Terug naar de standaardaanname.")


# ---- widgets --------------------------------------------------------------------------------------------------
def getalveld(
    plek: Any,
    label: str,
    minimum: float,
    maximum: float,
    waarde: float,
    stap: float,
    key: str,
    *,
    geheel: bool = False,
    help: str | None = None,
) -> Any:
    """A number field that shows no needless decimal point: whole numbers as ``2`` (a whole-number field when
    ``geheel`` and the value is whole), else the shortest form (``%g``: ``0.5``, ``1.5``, ``2``) instead of ``2.0``.
    ``plek`` is where it goes (``st`` or a column)."""
    if geheel and float(waarde).is_integer():
        return plek.number_input(
            label, int(minimum), int(maximum), int(waarde), max(1, int(stap)), key=key, format="%d", help=help
        )
    return plek.number_input(
        label, float(minimum), float(maximum), float(waarde), float(stap), key=key, format="%g", help=help
    )


# ---- shared views ---------------------------------------------------------------------------------------------
def toon_notities(ctx: Context, thema_id: str, sleutel: str) -> None:
    """All scrubbed notes of a theme in the period, searchable and paged (Thema's and Maandsessie pages)."""
    links, rechts = st.columns([3, 1])
    zoek = links.text_input(
        "Zoeken in de notities",
        key=f"{sleutel}_zoek",
        placeholder="bijvoorbeeld: scootmobiel",
        help="Vindt woorden die zo beginnen, zonder op hoofdletters of accenten te letten.",
    )
    pagina_sleutel = f"{sleutel}_pagina"
    eerste = ctx.notities(thema_id, zoek, 1)
    if eerste.verborgen:
        st.caption(eerste.verborgen)
        return
    pagina = 1
    if eerste.paginas > 1:
        if st.session_state.get(pagina_sleutel, 1) > eerste.paginas:
            st.session_state[pagina_sleutel] = 1
        pagina = rechts.number_input(f"Pagina (van {eerste.paginas})", 1, eerste.paginas, key=pagina_sleutel)
    notities = ctx.notities(thema_id, zoek, int(pagina)) if pagina != 1 else eerste
    if not notities.totaal:
        st.caption("Geen notities met dit woord.")
        return
    van = (notities.pagina - 1) * 25 + 1
    st.caption(
        f"Notities {van}–{van + len(notities.tabel) - 1} van {notities.totaal}, nieuwste eerst; vooraf ontdaan "
        "van persoonsgegevens."
    )
    st.dataframe(
        notities.tabel,
        hide_index=True,
        width="stretch",
        column_config={"Hulpvraag": st.column_config.TextColumn(width="large")},
    )


def importeer(
    naam: str, data: bytes, koppeling: dict[str, str] | None, voortgang: Any, blad: str | None = None
) -> upload.Uploaduitkomst:
    """Import an uploaded export into the team's own database and analyse it (Gegevens page)."""
    with Store(werkruimte.standaard_db_pad()) as store:
        uitkomst = upload.importeer_upload(naam, data, store, koppeling, scrubber(), voortgang=voortgang, blad=blad)
        if uitkomst.melding is None:
            analyseer_zo_nodig(store)
    return uitkomst
