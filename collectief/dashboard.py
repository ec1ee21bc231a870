"""Model and controller of the dashboard: plain functions, no Streamlit, so they can be tested and timed alone.

The Streamlit pages (``app.py``, ``pages/``) only render what these functions return. The flow:

1. **Databases.** The team's own data live in the database of :func:`collectief.store.standaard_db_pad`
   (``$COLLECTIEF_DB`` or the per-user data folder). The synthetic sample lives in its own database beside it,
   ``voorbeeld.sqlite`` (:func:`voorbeeld_db_pad`), seeded from ``data/sample/`` the first time it is needed
   (:func:`zaai_voorbeeld`), so sample rows never mix with real ones and decisions made while trying the sample
   never touch the team's themes. Until the team imports its own export, the dashboard shows the sample.
2. **Analysis, once per data version.** Finding themes takes tens of seconds, so its result is kept in a folder
   beside the database (``<db>.analyse/``: theme ids per hulpvraag, the themes, the theme model; no note
   texts) and reused until the data, the catalogue or the NLP set-up change (:func:`analyseversie`). A new
   analysis starts from the previous theme model, so discovered themes keep their ids and the team's decisions
   about them keep applying. Nothing here needs spaCy or scikit-learn until an analysis really runs.
3. **Decisions** of the monthly session are applied to that result (:mod:`collectief.decisions`) →
   :class:`Stand`.
4. **A filter** (period and wijk) turns the :class:`Stand` into the small tables the pages show
   (:func:`tabellen`), every count passed through the small-cell rule (k = 5) and examples only for themes with
   at least k households.

Version strings (:func:`analyseversie`, :func:`besluitversie`) name the content of the database, so a cache keyed
on them (the Streamlit layer's ``st.cache_data``) never serves stale tables.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import logging
import math
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from collectief.decisions import ACTIES, Besluit, besluiten_uit, controleer, pas_toe
from collectief.errors import CollectiefFout
from collectief.records import OVERIG, SCRUB_CATEGORIEEN, ImportRapport, Thema
from collectief.store import Store, standaard_db_pad
from collectief.suppress import K, als_tekst, onderdruk

if TYPE_CHECKING:
    from collectief.aanbod import Aanbodcatalogus
    from collectief.actie import Effect, Plan
    from collectief.analysis import Analyse
    from collectief.nlp import Pipeline
    from collectief.privacy import Scrubber
    from collectief.proposals import Voorstel
    from collectief.recurrence import Herhalingsanalyse
    from collectief.tijdwinst import Aannames, Schatting, Teamaannames

__all__ = [
    "CSV_NAMEN",
    "MAX_UPLOAD_MB",
    "TYPES",
    "VOORBEELD_CSV",
    "Basis",
    "Filter",
    "Kerncijfers",
    "Overzicht",
    "Sessieverslag",
    "Stand",
    "Tabellen",
    "Uploadcontrole",
    "Uploaduitkomst",
    "aannames_uit",
    "actieve_db",
    "analyse_bewaard",
    "analyseversie",
    "besluitversie",
    "controleer_upload",
    "csv_bestand",
    "effecten",
    "importeer_upload",
    "importverslag",
    "keuzes",
    "laad_basis",
    "maak_analyse",
    "maak_stand",
    "neem_besluit",
    "overzicht",
    "overzicht_uit",
    "plan_uit",
    "raad_koppeling",
    "rapport",
    "sessieverslag",
    "standaardfilter",
    "tabellen",
    "tijdwinst_schatting",
    "tijdwinst_tabel",
    "verslag_html",
    "verslag_markdown",
    "voorbeeld_db_pad",
    "voorbereiden",
    "zaai_voorbeeld",
]

log = logging.getLogger(__name__)

#: Bump when the kept analysis changes shape, so old folders are analysed again.
ANALYSE_FORMAAT = 2
SEED = 0
MIN_GROOTTE = 8
#: The largest upload the dashboard reads: about 130,000 notes of average length. Bigger exports are split by
#: period (re-importing overlapping rows adds nothing) or imported with ``collectief import``.
MAX_UPLOAD_MB = 40
TYPES = ("csv", "txt", "xlsx")
VOORBEELD_CSV = Path(__file__).resolve().parents[1] / "data" / "sample" / "hulpvragen.csv"
VOORBEELD_DB = "voorbeeld.sqlite"
# Same name as collectief.nlp.MODEL_OMGEVINGSVARIABELE; repeated so that reading a version needs no spaCy import.
_MODEL_VARIABELE = "COLLECTIEF_SPACY_MODEL"

Voortgang = Callable[[float, str], None]


def _stil(_deel: float, _tekst: str) -> None:
    return None


# ---- databases ---------------------------------------------------------------------------------------------
def voorbeeld_db_pad(eigen: Path | None = None) -> Path:
    """The sample's database: ``voorbeeld.sqlite`` in the folder of the team's own database."""
    return (eigen or standaard_db_pad()).with_name(VOORBEELD_DB)


def actieve_db(keuze: str | None = None) -> tuple[Path, bool]:
    """The database to show and whether it is the sample.

    ``keuze`` is ``"eigen"``, ``"voorbeeld"`` or ``None`` (the team's own data when there are any, else the sample).
    """
    eigen = standaard_db_pad()
    if keuze == "voorbeeld":
        return voorbeeld_db_pad(eigen), True
    if keuze == "eigen":
        return eigen, False
    if eigen.exists():
        with Store(eigen) as store:
            if store.aantal_hulpvragen():
                return eigen, False
    return voorbeeld_db_pad(eigen), True


def zaai_voorbeeld(
    store: Store, scrubber: Scrubber | None = None, voortgang: Voortgang | None = None
) -> ImportRapport | None:
    """Import the synthetic sample into an empty database (scrubbed like any export); ``None`` if not needed.

    Raises :class:`~collectief.errors.CollectiefFout` when the sample file is missing (an installed package
    without the repository's ``data/`` folder).
    """
    if store.aantal_hulpvragen():
        return None
    from collectief.importer import importeer

    voortgang = voortgang or _stil
    if not VOORBEELD_CSV.is_file():
        raise CollectiefFout("E001", bestand=VOORBEELD_CSV)
    voortgang(0.0, "Voorbeeldgegevens inlezen en persoonsgegevens verwijderen ...")
    return importeer(
        VOORBEELD_CSV,
        store,
        scrubber=scrubber,
        voortgang=lambda deel: voortgang(deel, "Voorbeeldgegevens inlezen en persoonsgegevens verwijderen ..."),
    )


def voorbereiden(
    eigen: Path | None = None,
    catalogus: Sequence[Thema] | None = None,
    scrubber: Scrubber | None = None,
    voortgang: Voortgang | None = None,
) -> Path:
    """One-time set-up for the dashboard (e.g. from ``collectief voorbereiden``): import the sample into its own
    database when that is empty and analyse it, so that the first page opens at once. Returns the database."""
    from collectief.catalogue import laad_catalogus
    from collectief.nlp import laad_pipeline

    catalogus = laad_catalogus() if catalogus is None else catalogus
    pad = voorbeeld_db_pad(eigen)
    with Store(pad) as store:
        zaai_voorbeeld(store, scrubber, voortgang)
        versie = analyseversie(store, catalogus)
        if not analyse_bewaard(pad, versie):
            maak_analyse(store, versie, catalogus, laad_pipeline, voortgang)
    return pad


# ---- versions ------------------------------------------------------------------------------------------------
def _nlp_kenmerk() -> str:
    """Which spaCy pipeline an analysis would use, without loading spaCy."""
    gevraagd = os.environ.get(_MODEL_VARIABELE) or "nl_core_news_sm"
    if Path(gevraagd).exists():
        return f"pad:{Path(gevraagd).resolve()}"
    try:
        aanwezig = importlib.util.find_spec(gevraagd) is not None
    except (ImportError, ValueError):
        aanwezig = False
    return f"{gevraagd}:{'ja' if aanwezig else 'nee'}"


#: The modules whose code decides the themes: when one changes, kept analyses are made again.
_THEMA_MODULES = ("analysis.py", "features.py", "matching.py", "nlp.py", "normalise.py", "themes.py")


def _motor_kenmerk() -> str:
    """A fingerprint of the theme engine's code (reading a few small files, no imports)."""
    h = hashlib.sha1()
    for naam in _THEMA_MODULES:
        try:
            h.update((Path(__file__).parent / naam).read_bytes())
        except OSError:
            h.update(naam.encode())
    return h.hexdigest()


def analyseversie(store: Store, catalogus: Sequence[Thema]) -> str:
    """Names what an analysis of this database depends on: its hulpvragen, the catalogue, the NLP set-up and the
    theme engine's code."""
    batches = store.batches()
    laatste = int(batches["id"].max()) if len(batches) else 0
    kenmerk = repr((ANALYSE_FORMAAT, SEED, MIN_GROOTTE, K, _nlp_kenmerk(), _motor_kenmerk(), tuple(catalogus)))
    return f"{store.aantal_hulpvragen()}-{laatste}-{hashlib.sha1(kenmerk.encode()).hexdigest()[:12]}"


def besluitversie(store: Store) -> str:
    """Names the team's decisions and started offers in this database."""
    delen = []
    for tabel in (store.besluiten(), store.gestart_aanbod()):
        delen.append(f"{len(tabel)}.{int(tabel['id'].max()) if len(tabel) else 0}")
    return "-".join(delen)


# ---- the analysis, kept beside the database --------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Basis:
    """The theme engine's result for one data version, before the team's decisions.

    ``hulpvragen``: one row per stored hulpvraag, ``rij`` being its database id (columns ``rij``, ``id``,
    ``datum``, ``wijk``, ``huishouden``, ``minuten``, ``tekst``, ``thema_id``, ``thema``, ``score``,
    ``signaal``). ``themas``: every theme of the analysis by id.
    """

    hulpvragen: pd.DataFrame
    themas: dict[str, Thema]
    pipeline: str
    meldingen: tuple[str, ...]
    versie: str
    gemaakt: str


def _analysemap(db: Path) -> Path:
    return db.with_name(db.name + ".analyse")


def _lees_meta(db: Path) -> dict[str, Any] | None:
    try:
        return json.loads((_analysemap(db) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def analyse_bewaard(db: Path, versie: str) -> bool:
    """Whether the analysis for this data version is kept beside the database."""
    meta = _lees_meta(db)
    return meta is not None and meta.get("versie") == versie


def keuzes(db: Path, versie: str) -> dict[str, Any] | None:
    """What the frame needs before any table: months, wijken, count, NLP pipeline and notes of the analysis.

    Read from the kept analysis alone (no hulpvragen), or ``None`` when it is missing or out of date.
    """
    meta = _lees_meta(db)
    if meta is None or meta.get("versie") != versie:
        return None
    sleutels = ("maanden", "wijken", "aantal", "pipeline", "meldingen")
    return {k: tuple(meta[k]) if isinstance(meta[k], list) else meta[k] for k in sleutels}


def invoerframe(store: Store) -> pd.DataFrame:
    """The stored hulpvragen as the analysis's input frame; ``rij`` is the database id (as in the CLI)."""
    from collectief.analysis import invoer_uit_database

    return invoer_uit_database(store)


def _thema_json(t: Thema) -> dict[str, Any]:
    return {
        "id": t.id,
        "naam": t.naam,
        "beschrijving": t.beschrijving,
        "trefwoorden": list(t.trefwoorden),
        "individueel": t.individueel,
        "bron": t.bron,
    }


def _thema_uit(d: Mapping[str, Any]) -> Thema:
    return Thema(
        id=d["id"],
        naam=d["naam"],
        beschrijving=d.get("beschrijving", ""),
        trefwoorden=tuple(d.get("trefwoorden", ())),
        individueel=bool(d.get("individueel", False)),
        bron=d.get("bron", "catalogus"),
    )


def _schrijf_atomair(pad: Path, schrijf: Callable[[Path], None]) -> None:
    tijdelijk = pad.with_name(pad.name + ".nieuw")
    schrijf(tijdelijk)
    os.replace(tijdelijk, pad)


def maak_analyse(
    store: Store,
    versie: str,
    catalogus: Sequence[Thema],
    pipeline: Pipeline | Callable[[], Pipeline] | None = None,
    voortgang: Voortgang | None = None,
) -> Analyse:
    """Run the theme engine on the whole database and keep the result beside it, under ``versie``.

    ``pipeline`` is the loaded NLP pipeline, or a function that loads it (only called now). The previous
    analysis's theme model (if any) is passed on, so discovered themes keep their ids.
    """
    from collectief.analysis import analyseer
    from collectief.themes import ThemaModel

    voortgang = voortgang or _stil
    begin = time.perf_counter()
    voortgang(0.02, "Hulpvragen uit de database lezen ...")
    invoer = invoerframe(store)
    map_ = _analysemap(store.pad)
    vorige = None
    if (map_ / "model.json").is_file():
        try:
            vorige = ThemaModel.laad(map_ / "model.json", catalogus)
        except CollectiefFout:
            log.warning("Het vorige themamodel in %s kon niet worden gelezen; er wordt opnieuw begonnen.", map_)
    voortgang(0.1, "Taalmodel laden ...")
    geladen = pipeline() if callable(pipeline) else pipeline
    voortgang(
        0.2,
        f"Thema's bepalen in {len(invoer)} hulpvragen (woorden herkennen, thema's toekennen en ontdekken); dit "
        "gebeurt eenmalig per nieuwe gegevens en kan een minuut duren ...",
    )
    analyse = analyseer(invoer, catalogus, seed=SEED, min_grootte=MIN_GROOTTE, k=K, vorige=vorige,
                        pipeline=geladen, cache=store)  # fmt: skip
    voortgang(0.9, "Resultaat bewaren ...")
    map_.mkdir(parents=True, exist_ok=True)
    labels = analyse.hulpvragen[["rij", "thema_id", "score", "signaal"]].astype(
        {"rij": "int64", "thema_id": str, "score": float, "signaal": str}
    )
    _schrijf_atomair(map_ / "labels.parquet", lambda p: labels.to_parquet(p, index=False))
    _schrijf_atomair(map_ / "model.json", analyse.model.opslaan)
    datums = invoer["datum"].dropna()
    maanden = []
    if len(datums):
        reeks = pd.period_range(datums.min().to_period("M"), datums.max().to_period("M"), freq="M")
        maanden = [str(p) for p in reeks]
    for oud in map_.glob("overzicht-*.json"):  # made from the previous data
        oud.unlink(missing_ok=True)
    meta = {
        "versie": versie,
        "aantal": len(invoer),
        "maanden": maanden,
        "wijken": sorted({str(w) for w in invoer["wijk"].dropna() if str(w).strip()}),
        "gemaakt": dt.datetime.now().isoformat(timespec="seconds"),
        "pipeline": analyse.pipeline,
        "meldingen": list(analyse.meldingen),
        "themas": [_thema_json(t) for t in analyse.model.themas_],
        "seconden": round(time.perf_counter() - begin, 1),
    }
    _schrijf_atomair(
        map_ / "meta.json", lambda p: p.write_text(json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8")
    )
    voortgang(1.0, "Analyse klaar.")
    return analyse


def laad_basis(db: Path, versie: str) -> Basis | None:
    """The kept analysis of ``db`` joined to its hulpvragen, or ``None`` when it is missing or out of date."""
    meta = _lees_meta(db)
    if meta is None or meta.get("versie") != versie:
        return None
    try:
        labels = pd.read_parquet(_analysemap(db) / "labels.parquet")
    except (OSError, ValueError):
        return None
    with Store(db) as store:
        df = invoerframe(store)
    df = df.merge(labels, on="rij", how="left", validate="one_to_one")
    if df["thema_id"].isna().any():
        return None
    themas = {d["id"]: _thema_uit(d) for d in meta["themas"]}
    df["thema"] = df["thema_id"].map(lambda t: themas[t].naam if t in themas else "Overig")
    return Basis(df, themas, meta["pipeline"], tuple(meta["meldingen"]), versie, meta["gemaakt"])


# ---- the team's decisions applied --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Stand:
    """The analysis with the team's decisions applied: what every page starts from.

    ``maanden``: every month from the first to the last in the data (``"2026-09"``); ``wijken``: sorted.
    """

    hulpvragen: pd.DataFrame
    themas: dict[str, Thema]
    toelichting: dict[str, tuple[str, ...]]
    overgeslagen: tuple[str, ...]
    pipeline: str
    meldingen: tuple[str, ...]
    maanden: tuple[str, ...]
    wijken: tuple[str, ...]

    def naam(self, thema_id: str) -> str:
        thema = self.themas.get(thema_id)
        return thema.naam if thema is not None else ("Overig" if thema_id == OVERIG else thema_id)


def maak_stand(basis: Basis, besluiten: pd.DataFrame) -> Stand:
    """Apply the stored decisions (``Store.besluiten()``) to an analysis."""
    toegepast = pas_toe(basis.hulpvragen, basis.themas, besluiten_uit(besluiten))
    df = toegepast.hulpvragen
    datums = df["datum"].dropna()
    maanden: tuple[str, ...] = ()
    if len(datums):
        reeks = pd.period_range(datums.min().to_period("M"), datums.max().to_period("M"), freq="M")
        maanden = tuple(str(p) for p in reeks)
    wijken = tuple(sorted(str(w) for w in df["wijk"].dropna().unique() if str(w).strip()))
    return Stand(
        hulpvragen=df,
        themas=dict(toegepast.themas),
        toelichting=dict(toegepast.toelichting),
        overgeslagen=toegepast.overgeslagen,
        pipeline=basis.pipeline,
        meldingen=basis.meldingen,
        maanden=maanden,
        wijken=wijken,
    )


def neem_besluit(
    store: Store, stand: Stand, thema_id: str, actie: str, waarde: str | None, notitie: str | None
) -> str | None:
    """Store one decision of the team, after checking it; returns why it was refused (Dutch) or ``None``."""
    if actie not in ACTIES:
        return f"Onbekende actie '{actie}'."
    besluit = Besluit(id=0, thema_id=thema_id, actie=actie, waarde=(waarde or "").strip() or None,
                      notitie=(notitie or "").strip() or None)  # fmt: skip
    reden = controleer(besluit, stand.themas, set(stand.hulpvragen["thema_id"]))
    if reden is None and actie == "afsplitsen":
        from collectief.decisions import lees_splitsing, treffers

        trefwoord, _ = lees_splitsing(besluit.waarde)
        teksten = stand.hulpvragen.loc[stand.hulpvragen["thema_id"] == thema_id, "tekst"]
        if not any(treffers(teksten, trefwoord)):
            reden = f"geen enkele hulpvraag van dit thema bevat een woord dat begint met '{trefwoord}'"
    if reden is not None:
        return reden[:1].upper() + reden[1:] + "."
    store.voeg_besluit_toe(thema_id, actie, besluit.waarde, besluit.notitie)
    return None


# ---- filter and tables ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Filter:
    """Period (``van``/``tot`` as ``"2026-09"``, inclusive) and wijk (``None``: all)."""

    van: str | None = None
    tot: str | None = None
    wijk: str | None = None

    @property
    def maanden(self) -> int:
        if self.van is None or self.tot is None:
            return 3
        return max(1, (pd.Period(self.tot, freq="M") - pd.Period(self.van, freq="M")).n + 1)


def standaardfilter(stand: Stand, maanden: int = 3) -> Filter:
    """The last ``maanden`` months of the data, all wijken."""
    if not stand.maanden:
        return Filter()
    return Filter(stand.maanden[max(0, len(stand.maanden) - maanden)], stand.maanden[-1], None)


def _gefilterd(stand: Stand, filter: Filter) -> pd.DataFrame:
    # Months before the period stay in: the trend compares the period with the months before it.
    df = stand.hulpvragen
    if filter.wijk:
        df = df[df["wijk"] == filter.wijk]
    return df.reset_index(drop=True)


@dataclass(frozen=True)
class Kerncijfers:
    """Key figures for the period (raw: show them with :func:`~collectief.suppress.veilig_aantal`)."""

    hulpvragen: int
    huishoudens: int | None
    themas: int
    terugkerend: int
    individueel: int
    opkomend: int
    tijdwinst: tuple[float, float, float] | None
    tijdwinst_themas: int


@dataclass(frozen=True, eq=False)
class Tabellen:
    """What the pages show for one filter. Display tables are already suppressed (``"<5"``).

    ``themas``: one row per theme (display columns, plus ``thema_id``); ``per_maand``: ``thema_id``, ``thema``,
    ``maand`` (timestamp), ``aantal`` (``<NA>`` below k); ``per_wijk``: theme × wijk as text; ``voorbeelden``:
    up to 3 scrubbed notes per theme with at least k households in the period.
    """

    filter: Filter
    periode: str
    wijk: str
    kerncijfers: Kerncijfers
    herhaling: Herhalingsanalyse
    themas: pd.DataFrame
    per_maand: pd.DataFrame
    per_wijk: pd.DataFrame
    voorbeelden: dict[str, tuple[str, ...]]
    voorstellen: tuple[Voorstel, ...]
    opkomend: tuple[str, ...]
    k: int = K

    def voorstellen_tabel(self) -> pd.DataFrame:
        from collectief.proposals import voorstellen_tabel

        return voorstellen_tabel(self.voorstellen)


def _soort(thema: Thema | None, thema_id: str) -> str:
    from collectief.actie import is_individueel

    if thema_id == OVERIG:
        return "overig"
    if is_individueel(thema):
        return "individuele opvolging"
    if thema_id.startswith("afgesplitst_"):
        return "door het team afgesplitst"
    return {"catalogus": "bekend thema", "ontdekt": "ontdekt in de gegevens"}.get(thema.bron if thema else "", "")


def tabellen(stand: Stand, filter: Filter, aanbod: Aanbodcatalogus | None = None, k: int = K) -> Tabellen:
    """Every table the pages show for one period and wijk, small counts suppressed."""
    plan = plan_uit(stand, filter, None, aanbod, None, k)  # recurrence and proposals come from the one plan
    df = plan.hulpvragen
    herhaling, voorstellen = plan.herhaling, plan.voorstellen

    maand = df["datum"].dt.to_period("M")
    in_venster = maand.isin(herhaling.venster) if herhaling.venster else pd.Series(True, index=df.index)
    venster_df = df[in_venster]
    huishoudens_bekend = bool(df["huishouden"].notna().any())

    opkomend = []
    rijen = []
    voorbeelden: dict[str, tuple[str, ...]] = {}
    for h in herhaling.themas:
        thema = stand.themas.get(h.thema_id)
        nieuw = h.basis_maanden > 0 and h.basis_hulpvragen == 0 and h.hulpvragen >= k
        is_opkomend = h.thema_id != OVERIG and h.hulpvragen >= k and (h.trend == "stijgend" or nieuw)
        if is_opkomend:
            opkomend.append(h.thema_id)
        wijk = ""
        if h.wijk is not None and (h.wijk_hulpvragen or 0) >= k:
            wijk = f"{h.wijk} ({math.floor(100 * (h.wijk_aandeel or 0))}%)"
        rijen.append(
            {
                "thema_id": h.thema_id,
                "Thema": stand.naam(h.thema_id),
                "Hulpvragen": h.hulpvragen,
                "Huishoudens": h.huishoudens if h.huishoudens is not None else h.hulpvragen,
                "Per maand": f"{h.per_maand_recent:.1f}".replace(".", ",") if h.hulpvragen >= k else "",
                "Trend": h.trend.label,
                "Terugkerend": "ja" if h.terugkerend else "nee",
                "Opkomend": ("nieuw ★" if nieuw else "opkomend ↑") if is_opkomend else "",
                "Vooral in wijk": wijk,
                "Seizoen": ", ".join(h.seizoen),
                "Soort": _soort(thema, h.thema_id),
                "Besluiten van het team": " ".join(stand.toelichting.get(h.thema_id, ())),
            }
        )
        if h.thema_id == OVERIG:
            continue
        leden = venster_df[venster_df["thema_id"] == h.thema_id]
        n_huishoudens = leden["huishouden"].dropna().nunique() if huishoudens_bekend else len(leden)
        if n_huishoudens >= k:
            gekozen = leden.sort_values(["score", "rij"], ascending=[False, True])["tekst"].drop_duplicates().head(3)
            voorbeelden[h.thema_id] = tuple(gekozen)
    themas = als_tekst(pd.DataFrame(rijen), ["Hulpvragen", "Huishoudens"], k)
    if not huishoudens_bekend:
        themas["Huishoudens"] = "onbekend"  # the export has no household column: nothing to count

    per_maand = herhaling.per_maand.copy()
    if len(per_maand):
        per_maand = onderdruk(per_maand, ["aantal", "huishoudens"], k)
        per_maand["thema"] = per_maand["thema_id"].map(stand.naam)
        per_maand["maand"] = per_maand["maand"].dt.to_timestamp()
    per_wijk = pd.DataFrame()
    if len(herhaling.per_wijk):
        draai = herhaling.per_wijk.pivot_table(index="thema_id", columns="wijk", values="aantal", aggfunc="sum")
        volgorde = [h.thema_id for h in herhaling.themas if h.thema_id in draai.index]
        draai = draai.reindex(volgorde).fillna(0).astype("int64")
        per_wijk = als_tekst(draai.reset_index(), [c for c in draai.columns], k)
        per_wijk.insert(0, "Thema", per_wijk["thema_id"].map(stand.naam))
        per_wijk = per_wijk.drop(columns="thema_id")
        per_wijk.columns.name = None

    # Tijdwinst potential: each theme's one number (its best group offer), summed where it saves time.
    totaal = plan.tijdwinst_totaal
    tijdwinst, n_themas = totaal if totaal is not None else (None, 0)
    terugkerend = herhaling.terugkerend
    individueel = sum(1 for h in terugkerend if _soort(stand.themas.get(h.thema_id), h.thema_id).startswith("indiv"))
    kerncijfers = Kerncijfers(
        hulpvragen=len(venster_df),
        huishoudens=int(venster_df["huishouden"].dropna().nunique()) if huishoudens_bekend else None,
        themas=sum(1 for h in herhaling.themas if h.thema_id != OVERIG and h.hulpvragen > 0),
        terugkerend=len(terugkerend),
        individueel=individueel,
        opkomend=len(opkomend),
        tijdwinst=tijdwinst,
        tijdwinst_themas=n_themas,
    )
    return Tabellen(
        filter=filter,
        periode=herhaling.periode,
        wijk=filter.wijk or "alle wijken",
        kerncijfers=kerncijfers,
        herhaling=herhaling,
        themas=themas,
        per_maand=per_maand,
        per_wijk=per_wijk,
        voorbeelden=voorbeelden,
        voorstellen=voorstellen,
        opkomend=tuple(opkomend),
        k=k,
    )


# ---- the first page, kept on disk --------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Overzicht:
    """What the Overzicht page shows, in plain values (suppressed like :class:`Tabellen`).

    Kept beside the database (JSON) per data version, decisions, filter and code, so that a freshly started
    dashboard shows its first page without loading the recurrence and proposal machinery.
    ``beste``: up to three (offer, theme, expected tijdwinst per month) with positive tijdwinst.
    """

    periode: str
    wijk: str
    k: int
    kerncijfers: Kerncijfers
    themas: pd.DataFrame
    opkomend: tuple[str, ...]
    beste: tuple[tuple[str, str, float], ...]


#: The modules and data whose change makes a kept Overzicht stale (besides the data and the decisions).
_UITVOER_BESTANDEN = ("aanbod.py", "actie.py", "dashboard.py", "decisions.py", "proposals.py", "recurrence.py",
                      "suppress.py", "tijdwinst.py", "waarden.py", "data/aanbod.toml", "data/minuten.toml")  # fmt: skip


def overzicht_uit(tabel: Tabellen) -> Overzicht:
    """The Overzicht values of a set of tables."""
    beste = [
        (v.aanbod, v.thema, float(v.tijdwinst_verwacht))
        for v in tabel.voorstellen
        if v.soort == "collectief" and v.tijdwinst_verwacht is not None and v.tijdwinst_verwacht > 0
    ]
    return Overzicht(tabel.periode, tabel.wijk, tabel.k, tabel.kerncijfers, tabel.themas.copy(), tabel.opkomend,
                     tuple(beste[:3]))  # fmt: skip


def _overzicht_pad(db: Path, versie: str, bversie: str, filter: Filter, k: int) -> Path:
    h = hashlib.sha1(repr((versie, bversie, filter, k)).encode())
    for naam in _UITVOER_BESTANDEN:
        try:
            h.update((Path(__file__).parent / naam).read_bytes())
        except OSError:
            h.update(naam.encode())
    return _analysemap(db) / f"overzicht-{h.hexdigest()[:20]}.json"


def overzicht(
    db: Path, versie: str, bversie: str, filter: Filter, maak: Callable[[], Tabellen], k: int = K
) -> Overzicht:
    """The Overzicht for this database state and filter: read from disk, else made with ``maak()`` and kept."""
    pad = _overzicht_pad(db, versie, bversie, filter, k)
    try:
        data = json.loads(pad.read_text(encoding="utf-8"))
        return Overzicht(
            periode=data["periode"],
            wijk=data["wijk"],
            k=int(data["k"]),
            kerncijfers=Kerncijfers(**{**data["kerncijfers"], "tijdwinst": _tupel(data["kerncijfers"]["tijdwinst"])}),
            themas=pd.DataFrame(data["themas"], columns=data["kolommen"]),
            opkomend=tuple(data["opkomend"]),
            beste=tuple((a, t, float(w)) for a, t, w in data["beste"]),
        )
    except (OSError, ValueError, KeyError, TypeError):
        pass
    uit = overzicht_uit(maak())
    kc = uit.kerncijfers
    data = {
        "periode": uit.periode,
        "wijk": uit.wijk,
        "k": uit.k,
        "kerncijfers": {veld: getattr(kc, veld) for veld in Kerncijfers.__dataclass_fields__},
        "kolommen": list(uit.themas.columns),
        "themas": uit.themas.astype(object).where(uit.themas.notna(), None).values.tolist(),
        "opkomend": list(uit.opkomend),
        "beste": [list(b) for b in uit.beste],
    }
    try:
        if pad.parent.is_dir():
            _schrijf_atomair(pad, lambda p: p.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8"))
    except OSError:
        log.warning("Het overzicht kon niet worden bewaard in %s.", pad.parent)
    return uit


def _tupel(waarde: Any) -> tuple[float, float, float] | None:
    return None if waarde is None else (float(waarde[0]), float(waarde[1]), float(waarde[2]))


# ---- tijdwinst ------------------------------------------------------------------------------------------------
def aannames_uit(waarden: Mapping[str, Any]) -> Aannames:
    """:class:`~collectief.tijdwinst.Aannames` from plain values (as the sliders give them).

    Raises ``ValueError`` with a Dutch message when they do not fit together (e.g. laag > hoog).
    """
    from collectief.tijdwinst import Aannames

    waarden = dict(waarden)
    if "minuten_per_thema" in waarden:
        basis = dict(Aannames().minuten_per_thema)
        basis.update({str(k): float(v) for k, v in dict(waarden["minuten_per_thema"]).items()})
        waarden["minuten_per_thema"] = basis
    if "min_metingen" in waarden:
        waarden["min_metingen"] = int(waarden["min_metingen"])
    return Aannames(**waarden)


def tijdwinst_schatting(
    stand: Stand, filter: Filter, thema_id: str, aannames: Aannames, *, wijk: str | None = None
) -> Schatting:
    """The tijdwinst estimate for one theme over the filter's period (and wijk)."""
    from collectief.tijdwinst import schatting_voor_thema

    df = _gefilterd(stand, filter)
    return schatting_voor_thema(df, thema_id, aannames, maanden=filter.maanden, peilmaand=filter.tot, wijk=wijk)


def tijdwinst_tabel(stand: Stand, filter: Filter, aannames: Aannames, k: int = K) -> pd.DataFrame:
    """Hours now and tijdwinst per month for every theme, for display: no figure for a theme below k questions.

    Columns: ``thema_id``, ``Thema``, ``Hulpvragen``, ``Per maand``, ``Minuten``, ``Minuten uit``, ``Uren nu``,
    ``Kosten``, ``Tijdwinst laag``, ``Tijdwinst verwacht``, ``Tijdwinst hoog`` (hours per month, NaN where not
    applicable: ``overig``, individual follow-up, or a small count).
    """
    from collectief.actie import is_individueel
    from collectief.tijdwinst import tijdwinst_per_thema

    df = _gefilterd(stand, filter)
    tabel = tijdwinst_per_thema(df, aannames, themas=stand.themas, maanden=filter.maanden, peilmaand=filter.tot)
    klein = tabel["hulpvragen"] < k
    geen_aanbod = tabel["thema_id"].map(lambda t: t == OVERIG or is_individueel(stand.themas.get(t)))
    cijfers = ["per_maand", "uren_nu", "kosten", "tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog"]
    tabel.loc[klein, cijfers] = math.nan
    tabel.loc[geen_aanbod, ["kosten", "tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog"]] = math.nan
    uit = pd.DataFrame(
        {
            "thema_id": tabel["thema_id"],
            "Thema": tabel["thema_id"].map(stand.naam),
            "Hulpvragen": tabel["hulpvragen"],
            "Per maand": tabel["per_maand"].round(1),
            "Minuten": tabel["minuten"].round(0),
            "Minuten uit": tabel["minuten_bron"].map({"gegevens": "gegevens", "standaard": "aanname"}),
            "Uren nu": tabel["uren_nu"].round(1),
            "Kosten": tabel["kosten"].round(1),
            "Tijdwinst laag": tabel["tijdwinst_laag"].round(1),
            "Tijdwinst verwacht": tabel["tijdwinst_verwacht"].round(1),
            "Tijdwinst hoog": tabel["tijdwinst_hoog"].round(1),
        }
    )
    return als_tekst(uit, ["Hulpvragen"], k)


# ---- started offers ---------------------------------------------------------------------------------------
def effecten(
    stand: Stand, gestart: pd.DataFrame, aanbod: Aanbodcatalogus | None = None, k: int = K
) -> tuple[Effect, ...]:
    """The effect of every started offer (``Store.gestart_aanbod()``) on its theme, months before vs after.

    The same comparison as the session report's (:func:`collectief.actie.effecten_van`), on the team's view.
    """
    from collectief.actie import effecten_van

    return effecten_van(
        stand.hulpvragen,
        gestart,
        aanbod,
        stand.naam,
        in_gegevens=set(stand.hulpvragen["thema_id"]),
        k=k,
    )


# ---- uploads --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Uploadcontrole:
    """Whether an uploaded file can be imported. ``melding`` (Dutch) says why not; when only the text column is
    not recognised, ``koppeling_nodig`` is set too and ``kolommen`` holds the file's column names to choose from.
    ``koppeling`` is the column mapping found (field → column name) when the file can be imported."""

    melding: str | None = None
    koppeling_nodig: bool = False
    kolommen: tuple[str, ...] = ()
    koppeling: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.melding is None


@dataclass(frozen=True)
class Uploaduitkomst:
    """The result of importing an upload: the report, or a Dutch message (then nothing was stored)."""

    controle: Uploadcontrole
    rapport: ImportRapport | None = None

    @property
    def melding(self) -> str | None:
        return self.controle.melding


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}".replace(".", ",")


def _vooraf(naam: str, grootte: int) -> str | None:
    """Checks that need no reading: size and file type."""
    naam = Path(naam).name or "bestand"
    if grootte > MAX_UPLOAD_MB * 1_000_000:
        return (
            f"Het bestand '{naam}' is {_mb(grootte)} MB; het dashboard leest bestanden tot {MAX_UPLOAD_MB} MB "
            "(ruim 100.000 hulpvragen). Exporteer een kortere periode, bijvoorbeeld per kwartaal, en lees de delen "
            "na elkaar in: hulpvragen die al in de database staan, worden herkend en niet dubbel geteld. Een groter "
            "bestand kan ook in één keer worden ingelezen met de opdracht: collectief import BESTAND."
        )
    extensie = Path(naam).suffix.lower()
    if extensie not in {"." + t for t in TYPES}:
        wat = (
            "een oud Excel-bestand (.xls); sla het in Excel op als 'Excel-werkmap (.xlsx)'"
            if extensie == ".xls"
            else f"extensie '{extensie or '(geen)'}'"
        )
        return str(CollectiefFout("E007", bestand=naam, wat=wat))
    return None


def raad_koppeling(kolommen: Sequence[str]) -> dict[str, str]:
    """A first guess for the column mapping: the column whose name starts with a known alias, per field."""
    import unicodedata

    from collectief.intake import ALIASSEN

    def normaal(naam: str) -> str:
        tekst = unicodedata.normalize("NFKD", naam)
        return "".join(c for c in tekst if not unicodedata.combining(c)).strip().lower()

    gok: dict[str, str] = {}
    for veld, aliassen in ALIASSEN.items():
        for kolom in kolommen:
            if kolom not in gok.values() and any(normaal(kolom).startswith(a) for a in aliassen):
                gok[veld] = kolom
                break
    return gok


def _in_tijdelijk_bestand(naam: str, data: bytes, map_: Path) -> Path:
    pad = map_ / (Path(naam).name or "upload.csv")
    pad.write_bytes(data)
    return pad


def controleer_upload(naam: str, data: bytes, koppeling: Mapping[str, str] | None = None) -> Uploadcontrole:
    """Check an uploaded file without storing anything: a Dutch message for every file that cannot be used."""
    from collectief.intake import open_export

    melding = _vooraf(naam, len(data))
    if melding:
        return Uploadcontrole(melding)
    with tempfile.TemporaryDirectory(prefix="collectief-upload-") as map_:
        pad = _in_tijdelijk_bestand(naam, data, Path(map_))
        try:
            export = open_export(pad, koppeling)
        except CollectiefFout as fout:
            kolommen = tuple(fout.details.get("koppen", ())) if fout.code == "E004" else ()
            if kolommen:
                return Uploadcontrole(
                    f"In '{Path(naam).name}' is geen kolom met de tekst van de hulpvraag herkend. Kies hieronder "
                    "welke kolom de tekst bevat (en eventueel welke kolommen datum, wijk, huishouden en tijd "
                    "bevatten).",
                    koppeling_nodig=True,
                    kolommen=kolommen,
                )
            return Uploadcontrole(str(fout))
        except Exception as fout:  # never a traceback for the user: name the problem, store nothing
            log.warning("Upload niet leesbaar: %s", type(fout).__name__)
            return Uploadcontrole(
                f"Het bestand '{Path(naam).name}' kon niet worden gelezen ({type(fout).__name__}). Controleer of het "
                "een CSV-export of Excel-werkmap (.xlsx) is en exporteer het zo nodig opnieuw."
            )
        return Uploadcontrole(koppeling=dict(export.kolommen))


def importeer_upload(
    naam: str,
    data: bytes,
    store: Store,
    koppeling: Mapping[str, str] | None = None,
    scrubber: Scrubber | None = None,
    voortgang: Callable[[float], None] | None = None,
) -> Uploaduitkomst:
    """Check, scrub and store an uploaded export as one transaction; a Dutch message instead of any error.

    The raw file exists only for the duration of the import, in a private temporary folder.
    """
    from collectief.importer import importeer

    controle = controleer_upload(naam, data, koppeling)
    if not controle.ok:
        return Uploaduitkomst(controle)
    map_ = Path(tempfile.mkdtemp(prefix="collectief-upload-"))
    try:
        pad = _in_tijdelijk_bestand(naam, data, map_)
        rapport = importeer(pad, store, koppeling=koppeling, scrubber=scrubber, voortgang=voortgang)
    except CollectiefFout as fout:
        return Uploaduitkomst(Uploadcontrole(str(fout)))
    except Exception as fout:
        log.warning("Import mislukt: %s", type(fout).__name__)
        return Uploaduitkomst(
            Uploadcontrole(
                f"Het inlezen van '{Path(naam).name}' is mislukt ({type(fout).__name__}); er is niets opgeslagen. "
                "Controleer het bestand en probeer het opnieuw."
            )
        )
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    if rapport.geaccepteerd == 0:
        return Uploaduitkomst(
            Uploadcontrole(
                f"In '{Path(naam).name}' staat geen enkele bruikbare hulpvraag ({rapport.afgewezen} rijen afgewezen). "
                "Controleer of de juiste kolom als tekst is gekozen."
            ),
            rapport,
        )
    return Uploaduitkomst(controle, rapport)


# ---- session report and exports -----------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Sessieverslag:
    """The summary of a monthly session: page 1 of the session report (:mod:`collectief.report`) for the filter."""

    plan: Plan
    gemaakt: dt.date
    team: str | None = None


def sessieverslag(
    stand: Stand,
    tabel: Tabellen,
    besluiten: pd.DataFrame,
    gestart: Sequence[Effect] = (),
    datum: dt.date | None = None,
    voorbeeld: bool = False,
    team: str | None = None,
) -> Sessieverslag:
    """The printable summary of a monthly session: the session report's first page, rendered by
    :func:`verslag_markdown` / :func:`verslag_html` (one report model for both documents). ``besluiten`` are
    already applied in ``stand``; the plan carries what the team decided."""
    from dataclasses import replace

    plan = plan_uit(stand, tabel.filter, None, None, None, tabel.k)
    meldingen = plan.meldingen
    if voorbeeld:
        meldingen = ("Dit verslag gaat over de synthetische voorbeeldgegevens, niet over echte hulpvragen.", *meldingen)
    plan = replace(plan, effecten=tuple(gestart), meldingen=tuple(meldingen))
    return Sessieverslag(plan, datum or dt.date.today(), team)


def verslag_markdown(verslag: Sessieverslag) -> str:
    """The session summary as Markdown (every data value escaped)."""
    from collectief.report import rapport_markdown

    return rapport_markdown(verslag.plan, gemaakt=verslag.gemaakt, team=verslag.team, bijlage=False)


def verslag_html(verslag: Sessieverslag, titel: str | None = None) -> str:
    """The session summary as a self-contained, printable HTML page. The document names itself
    ("Verslag maandsessie <team>, <periode>"); ``titel`` is accepted for older callers and not used."""
    from collectief.report import rapport_html

    return rapport_html(verslag.plan, gemaakt=verslag.gemaakt, team=verslag.team, bijlage=False)


def plan_uit(
    stand: Stand,
    filter: Filter,
    gestart: pd.DataFrame | None = None,
    aanbod: Aanbodcatalogus | None = None,
    aannames: Teamaannames | None = None,
    k: int = K,
) -> Plan:
    """The plan (:func:`collectief.actie.plan_van`) for the filter, on the analysis with the team's decisions."""
    from collectief.actie import Periode, plan_van
    from collectief.decisions import Toegepast

    toegepast = Toegepast(stand.hulpvragen, stand.themas, stand.toelichting, stand.overgeslagen)
    periode = Periode(filter.van, filter.tot)
    return plan_van(toegepast, aannames, gestart, periode, filter.wijk, k, catalogus=aanbod,
                    pipeline=stand.pipeline, meldingen=stand.meldingen)  # fmt: skip


def rapport(
    stand: Stand,
    filter: Filter,
    gestart: pd.DataFrame,
    aanbod: Aanbodcatalogus | None = None,
    *,
    bron: str | None = None,
    gemaakt: dt.date | None = None,
    aannames: Teamaannames | None = None,
    team: str | None = None,
) -> tuple[str, str]:
    """The session report of :mod:`collectief.report` (Markdown, printable HTML) for the filter, with the team's
    decisions applied (its names, merges, split-off and dismissed themes)."""
    from collectief.report import rapport_html, rapport_markdown

    plan = plan_uit(stand, filter, gestart, aanbod, aannames)
    gemaakt = gemaakt or dt.date.today()
    return (
        rapport_markdown(plan, bron=bron, gemaakt=gemaakt, team=team),
        rapport_html(plan, bron=bron, gemaakt=gemaakt, team=team),
    )


def _csv(df: pd.DataFrame) -> bytes:
    # The one CSV writer (';', UTF-8 with BOM, decimal comma, ja/nee, formulas neutralised).
    from collectief.export import csv_bytes

    return csv_bytes(df)


#: The CSV downloads, in the order the Export page lists them.
CSV_NAMEN = ("themas.csv", "thema_per_maand.csv", "thema_per_wijk.csv", "voorstellen.csv", "tijdwinst.csv",
             "besluiten.csv", "hulpvragen.csv")  # fmt: skip


def csv_bestand(
    naam: str, stand: Stand, tabel: Tabellen, besluiten: pd.DataFrame, aannames: Aannames | None = None
) -> bytes:
    """One CSV download (``;``-separated, UTF-8 with BOM, for Excel); every breakdown suppressed (k = 5).

    ``naam`` is one of :data:`CSV_NAMEN`. ``tijdwinst.csv`` uses ``aannames`` (default: the standard ones).
    """
    k = tabel.k
    if naam in ("themas.csv", "voorstellen.csv", "hulpvragen.csv"):
        # The same files, under the same names, as 'collectief analyse' writes (collectief.export).
        from collectief.export import bestanden

        return bestanden(plan_uit(stand, tabel.filter, None, None, None, k))[naam]
    if naam == "thema_per_maand.csv":
        if not len(tabel.per_maand):
            return _csv(pd.DataFrame(columns=["thema_id", "thema"]))
        draai = tabel.herhaling.per_maand.pivot_table(index="thema_id", columns="maand", values="aantal", aggfunc="sum")
        draai.columns = [str(c) for c in draai.columns]
        per_maand = als_tekst(draai.reset_index(), list(draai.columns), k)
        per_maand.insert(1, "thema", per_maand["thema_id"].map(stand.naam))
        return _csv(per_maand)
    if naam == "thema_per_wijk.csv":
        return _csv(tabel.per_wijk)
    if naam == "tijdwinst.csv":
        from collectief.tijdwinst import Aannames

        return _csv(tijdwinst_tabel(stand, tabel.filter, aannames or Aannames(), k))
    if naam == "besluiten.csv":
        return _csv(besluiten)
    raise ValueError(f"onbekend exportbestand '{naam}'")


def importverslag(batch: Mapping[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored report of one import (a row of ``Store.batches()``): rejected rows with their reason, and the
    personal data removed per category."""
    try:
        afwijzingen = json.loads(batch.get("afwijzingen") or "[]")
        gescrubd = json.loads(batch.get("gescrubd") or "{}")
    except ValueError:
        afwijzingen, gescrubd = [], {}
    # Stored as the number a person sees (the Excel row or editor line), as the terminal shows it.
    afgewezen = pd.DataFrame({"Rij": [int(r) for r, _ in afwijzingen], "Reden": [str(x) for _, x in afwijzingen]})
    verwijderd = pd.DataFrame(
        {
            "Soort": [SCRUB_CATEGORIEEN.get(c, c.lower()) for c in sorted(gescrubd)],
            "Verwijderd": [gescrubd[c] for c in sorted(gescrubd)],
        }
    )
    return afgewezen, verwijderd
