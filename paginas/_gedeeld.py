"""What every page shares: cached resources and tables, the frame around the pages, small render helpers.

Not a page itself (``app.py`` lists the pages). All logic lives in :mod:`collectief.dashboard`; this module only
caches it for Streamlit and draws the common parts.

Caching: the NLP pipeline, the catalogues and the de-identifier are ``st.cache_resource`` (loaded once per
process). Tables are ``st.cache_data`` keyed on the database path and two version strings that name its content
(:func:`collectief.dashboard.analyseversie`, :func:`collectief.dashboard.besluitversie`), so a cached table never
outlives the data it was made from, and a filter change never re-runs the NLP.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from collectief import dashboard
from collectief.catalogue import laad_catalogus
from collectief.store import Store
from collectief.suppress import K, veilig_aantal

ALLE_WIJKEN = "Alle wijken"


# ---- resources ----------------------------------------------------------------------------------------------
@st.cache_resource(show_spinner=False)
def catalogus() -> tuple:
    return laad_catalogus()


@st.cache_resource(show_spinner=False)
def aanbod() -> Any:
    from collectief.aanbod import laad_aanbod

    return laad_aanbod()


@st.cache_resource(show_spinner=False)
def pipeline() -> Any:
    from collectief.nlp import laad_pipeline

    return laad_pipeline()


@st.cache_resource(show_spinner=False)
def scrubber() -> Any:
    from collectief.privacy import Scrubber

    scrubber = Scrubber()
    scrubber.scrub("Mw. Jansen belt over de huurtoeslag.")  # loads deduce's tables now, not halfway an import
    return scrubber


# ---- cached data (keys: database path + content versions) -----------------------------------------------------
@st.cache_data(show_spinner=False, max_entries=2)
def _basis(db: str, versie: str) -> dashboard.Basis:
    basis = dashboard.laad_basis(Path(db), versie)
    if basis is None:
        raise RuntimeError(f"De analyse voor {db} ontbreekt of is verouderd; laad de pagina opnieuw.")
    return basis


@st.cache_data(show_spinner=False, max_entries=4)
def _stand(db: str, versie: str, bversie: str) -> dashboard.Stand:
    with Store(db) as store:
        besluiten = store.besluiten()
    return dashboard.maak_stand(_basis(db, versie), besluiten)


@st.cache_data(show_spinner=False, max_entries=4)
def _keuzes(db: str, versie: str) -> dict[str, Any]:
    keuzes = dashboard.keuzes(Path(db), versie)
    if keuzes is None:
        raise RuntimeError(f"De analyse voor {db} ontbreekt of is verouderd; laad de pagina opnieuw.")
    return keuzes


@st.cache_data(show_spinner=False, max_entries=32)
def _tabellen(db: str, versie: str, bversie: str, van: str | None, tot: str | None, wijk: str | None) -> Any:
    return dashboard.tabellen(_stand(db, versie, bversie), dashboard.Filter(van, tot, wijk), aanbod())


@st.cache_data(show_spinner=False, max_entries=32)
def _overzicht(db: str, versie: str, bversie: str, van: str | None, tot: str | None, wijk: str | None) -> Any:
    filter = dashboard.Filter(van, tot, wijk)
    return dashboard.overzicht(
        Path(db), versie, bversie, filter, lambda: _tabellen(db, versie, bversie, van, tot, wijk)
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _tijdwinst(
    db: str, versie: str, bversie: str, van: str | None, tot: str | None, wijk: str | None, aannames: str
) -> pd.DataFrame:
    stand = _stand(db, versie, bversie)
    aannames_ = dashboard.aannames_uit(json.loads(aannames))
    return dashboard.tijdwinst_tabel(stand, dashboard.Filter(van, tot, wijk), aannames_)


@st.cache_data(show_spinner=False, max_entries=64)
def _schatting(
    db: str, versie: str, bversie: str, van: str | None, tot: str | None, wijk: str | None, thema_id: str, aannames: str
) -> dict[str, Any]:
    from collectief.tijdwinst import formule_in_woorden

    stand = _stand(db, versie, bversie)
    s = dashboard.tijdwinst_schatting(
        stand, dashboard.Filter(van, tot, wijk), thema_id, dashboard.aannames_uit(json.loads(aannames))
    )
    return {
        "formule": formule_in_woorden(s),
        "tijdwinst": s.tijdwinst,
        "hulpvragen": s.hulpvragen,
        "uren_nu": s.uren_nu,
        "kosten": s.kosten,
    }


@st.cache_data(show_spinner=False, max_entries=4)
def _effecten(db: str, versie: str, bversie: str) -> tuple:
    with Store(db) as store:
        gestart = store.gestart_aanbod()
    return dashboard.effecten(_stand(db, versie, bversie), gestart, aanbod())


@st.cache_data(show_spinner=False, max_entries=4)
def _besluiten(db: str, bversie: str) -> pd.DataFrame:
    with Store(db) as store:
        return store.besluiten()


@st.cache_data(show_spinner=False, max_entries=8)
def _verslag(
    db: str,
    versie: str,
    bversie: str,
    van: str | None,
    tot: str | None,
    wijk: str | None,
    voorbeeld: bool,
    datum: dt.date,
) -> tuple[str, str]:
    stand = _stand(db, versie, bversie)
    tabel = _tabellen(db, versie, bversie, van, tot, wijk)
    blokken = dashboard.sessieverslag(
        stand, tabel, _besluiten(db, bversie), _effecten(db, versie, bversie), datum, voorbeeld
    )
    return dashboard.verslag_markdown(blokken), dashboard.verslag_html(blokken, f"Maandsessie {datum:%d-%m-%Y}")


@st.cache_data(show_spinner=False, max_entries=8)
def _rapport(db: str, versie: str, bversie: str, van: str | None, tot: str | None, wijk: str | None,
             bron: str, datum: dt.date) -> tuple[str, str]:  # fmt: skip
    with Store(db) as store:
        gestart = store.gestart_aanbod()
    filter = dashboard.Filter(van, tot, wijk)
    return dashboard.rapport(_stand(db, versie, bversie), filter, gestart, aanbod(), bron=bron, gemaakt=datum)


@st.cache_data(show_spinner=False, max_entries=8)
def _csv(db: str, versie: str, bversie: str, van: str | None, tot: str | None, wijk: str | None, naam: str) -> bytes:
    stand = _stand(db, versie, bversie)
    tabel = _tabellen(db, versie, bversie, van, tot, wijk)
    return dashboard.csv_bestand(naam, stand, tabel, _besluiten(db, bversie))


# ---- the context a page works in ------------------------------------------------------------------------------
@dataclass(frozen=True)
class Context:
    """Which database is shown, its versions, and the filter chosen in the sidebar."""

    db: str
    voorbeeld: bool
    versie: str
    bversie: str
    filter: dashboard.Filter
    keuzes: dict[str, Any]

    @property
    def sleutel(self) -> tuple[str, str, str, str | None, str | None, str | None]:
        f = self.filter
        return (self.db, self.versie, self.bversie, f.van, f.tot, f.wijk)


def context() -> Context:
    """The context set by the frame (``app.py``) for this run."""
    return st.session_state["_context"]


def tabellen(ctx: Context) -> dashboard.Tabellen:
    return _tabellen(*ctx.sleutel)


def overzicht(ctx: Context) -> dashboard.Overzicht:
    return _overzicht(*ctx.sleutel)


def stand(ctx: Context) -> dashboard.Stand:
    return _stand(ctx.db, ctx.versie, ctx.bversie)


def tijdwinst(ctx: Context, aannames: dict[str, Any]) -> pd.DataFrame:
    return _tijdwinst(*ctx.sleutel, json.dumps(aannames, sort_keys=True))


def schatting(ctx: Context, thema_id: str, aannames: dict[str, Any]) -> dict[str, Any]:
    return _schatting(*ctx.sleutel, thema_id, json.dumps(aannames, sort_keys=True))


def effecten(ctx: Context) -> tuple:
    return _effecten(ctx.db, ctx.versie, ctx.bversie)


def besluiten(ctx: Context) -> pd.DataFrame:
    return _besluiten(ctx.db, ctx.bversie)


def verslag(ctx: Context) -> tuple[str, str]:
    return _verslag(*ctx.sleutel, ctx.voorbeeld, dt.date.today())


def rapport(ctx: Context) -> tuple[str, str]:
    bron = "voorbeeldgegevens (synthetisch)" if ctx.voorbeeld else f"eigen gegevens ({ctx.keuzes['aantal']} hulpvragen)"
    return _rapport(*ctx.sleutel, bron, dt.date.today())


def csv_bestand(ctx: Context, naam: str) -> bytes:
    """One CSV, made when it is downloaded (``st.download_button`` with a function as data)."""
    return _csv(*ctx.sleutel, naam)


def analyseer_zo_nodig(store: Store) -> str:
    """Run (and keep) the analysis when the data changed, with a progress bar; returns the data version."""
    versie = dashboard.analyseversie(store, catalogus())
    if not dashboard.analyse_bewaard(store.pad, versie):
        balk = st.progress(0.0, text="Analyse voorbereiden ...")
        dashboard.maak_analyse(store, versie, catalogus(), pipeline, voortgang=lambda d, t: balk.progress(d, text=t))
        balk.empty()
    return versie


def zaai_zo_nodig(store: Store) -> None:
    """Fill the sample database the first time, with a progress bar."""
    if store.aantal_hulpvragen():
        return
    balk = st.progress(0.0, text="Eenmalige voorbereiding: herkenning van persoonsgegevens laden (± 10 seconden) ...")
    try:
        dashboard.zaai_voorbeeld(store, scrubber(), voortgang=lambda d, t: balk.progress(min(d, 1.0), text=t))
    except Exception as fout:  # shown in Dutch; the app cannot go on without data
        balk.empty()
        st.error(f"De voorbeeldgegevens konden niet worden ingelezen: {fout}")
        st.stop()
    balk.empty()


_MAAND_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def maandlabel(maand: str) -> str:
    """'2026-03' → 'mrt 2026'."""
    p = pd.Period(maand, freq="M")
    return f"{_MAAND_KORT[p.month - 1]} {p.year}"


def _filter_zijbalk(keuzes: dict[str, Any]) -> dashboard.Filter:
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
                format_func=maandlabel,
                help="De maanden waarover geteld wordt. De trend vergelijkt met de maanden ervoor.",
            )
        elif maanden:
            van = tot = maanden[0]
        if st.session_state.get("wijk") not in wijken:
            st.session_state["wijk"] = ALLE_WIJKEN
        wijk = st.selectbox("Wijk", wijken, key="wijk")
    return dashboard.Filter(van, tot, None if wijk == ALLE_WIJKEN else wijk)


def frame() -> Context:
    """Choose the database, prepare it when needed, draw the sidebar; store and return the page context."""
    db, voorbeeld = dashboard.actieve_db(st.session_state.get("bron"))
    with Store(db) as store:
        if voorbeeld:
            zaai_zo_nodig(store)
        versie = analyseer_zo_nodig(store)
        bversie = dashboard.besluitversie(store)
    keuzes = _keuzes(str(db), versie)
    filter = _filter_zijbalk(keuzes)
    with st.sidebar:
        st.divider()
        if voorbeeld:
            st.caption("Gegevens: **voorbeeld** (synthetisch). Eigen export inlezen: pagina Gegevens.")
        else:
            st.caption(f"Gegevens: eigen database ({keuzes['aantal']} hulpvragen).")
        st.caption(f"NLP-pijplijn: {keuzes['pipeline']}")
        st.caption(f"Aantallen onder de {K} worden niet getoond (<{K}). Alles blijft op deze computer.")
    ctx = Context(str(db), voorbeeld, versie, bversie, filter, keuzes)
    st.session_state["_context"] = ctx
    return ctx


# ---- render helpers ---------------------------------------------------------------------------------------------
def kop(titel: str, ctx: Context, tabel: dashboard.Tabellen | dashboard.Overzicht | None = None) -> None:
    st.title(titel)
    if tabel is not None:
        st.caption(f"{tabel.periode[:1].upper()}{tabel.periode[1:]} · {tabel.wijk}")
    if ctx.voorbeeld:
        st.info("U bekijkt de **voorbeeldgegevens** (synthetische hulpvragen). Lees eigen gegevens in via *Gegevens*.")


def aantal(n: int | None) -> str:
    return "onbekend" if n is None else veilig_aantal(n, K)


def getal(x: float) -> str:
    """4.5 → '4,5'; 15.0 → '15' (as collectief.tijdwinst.getal, without importing the statistics it needs)."""
    tekst = f"{round(x, 1):.1f}".rstrip("0").rstrip(".")
    return "0" if tekst in ("-0", "") else tekst.replace(".", ",")


def uren(x: float | None) -> str:
    return "–" if x is None else f"{getal(x)} uur"


_MD_TEKENS = str.maketrans({c: "\\" + c for c in "\\`*_{}[]()<>#+-.!|$~"})


def platte_tekst(tekst: str) -> str:
    """A note as Markdown that shows exactly its characters (no headings, links or formulas from '#', '[', '$')."""
    return " ".join(str(tekst).split()).translate(_MD_TEKENS)


# ---- actions (button callbacks: they run before the page is drawn again) -------------------------------------
def bewaar_besluit() -> None:
    """Store the decision filled in on the Maandsessie page; the outcome is shown once as a message."""
    from collectief.decisions import splitsing

    ctx = context()
    s = st.session_state
    actie = s.get("ms_actie")
    thema_id = s.get("ms_thema")
    if actie == "hernoemen":
        waarde = s.get("ms_naam", "")
    elif actie == "samenvoegen":
        waarde = s.get("ms_doel", "")
    elif actie == "afsplitsen":
        waarde = splitsing(s.get("ms_trefwoord", ""), s.get("ms_nieuwe_naam", ""))
    else:
        waarde = None
    with Store(ctx.db) as store:
        fout = dashboard.neem_besluit(store, stand(ctx), thema_id, actie, waarde, s.get("ms_notitie", ""))
    if fout:
        s["ms_melding"] = ("fout", f"Niet opgeslagen: {fout}")
        return
    s["ms_melding"] = ("ok", "Besluit opgeslagen; het geldt vanaf nu voor elke analyse.")
    for sleutel in ("ms_naam", "ms_trefwoord", "ms_nieuwe_naam", "ms_notitie"):
        s[sleutel] = ""


def markeer_gestart(thema_id: str, aanbod: str, wijk: str | None, sleutel: str) -> None:
    """Store that the team started an offer (from a Voorstellen card)."""
    ctx = context()
    s = st.session_state
    start = s.get(f"start_{sleutel}") or dt.date.today()
    notitie = (s.get(f"notitie_{sleutel}") or "").strip() or None
    with Store(ctx.db) as store:
        store.markeer_gestart(thema_id, aanbod, start, wijk=wijk, notitie=notitie)
    s["vs_melding"] = f"'{aanbod}' is gemarkeerd als gestart op {start:%d-%m-%Y}."


def melding(sleutel: str) -> None:
    """Show (once) the message a callback left under ``sleutel``."""
    waarde = st.session_state.pop(sleutel, None)
    if not waarde:
        return
    soort, tekst = waarde if isinstance(waarde, tuple) else ("ok", waarde)
    (st.error if soort == "fout" else st.success)(tekst)
