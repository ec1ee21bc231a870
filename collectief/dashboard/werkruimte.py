"""The dashboard's workspace: which database is shown, the versions that name its content, and the theme
analysis kept beside it.

* **Databases.** The team's own data live in the database of :func:`collectief.store.standaard_db_pad`
  (``$COLLECTIEF_DB`` or the per-user data folder). The synthetic sample lives in its own database beside it,
  ``voorbeeld.sqlite`` (:func:`voorbeeld_db_pad`), seeded from ``data/sample/`` the first time it is needed
  (:func:`zaai_voorbeeld`), so sample rows never mix with real ones and decisions made while trying the sample
  never touch the team's themes. Until the team imports its own export, the dashboard shows the sample.
* **Analysis, once per data version.** Finding themes takes tens of seconds, so its result is kept in a folder
  beside the database (``<db>.analyse/``: theme ids per hulpvraag, the themes, the theme model; no note
  texts) and reused until the data, the catalogue or the NLP set-up change (:func:`analyseversie`). A new
  analysis starts from the previous theme model, so discovered themes keep their ids and the team's decisions
  about them keep applying. Nothing here loads spaCy or scikit-learn until an analysis really runs (the
  imports inside :func:`maak_analyse` and :func:`voorbereiden` are deliberate; :mod:`collectief.analysis`
  itself imports the NLP only inside ``analyseer``). Seed and minimum theme size are the facade's own defaults
  (:data:`collectief.analysis.SEED`, :data:`~collectief.analysis.MIN_GROOTTE`), not repeated here.
* **Versions** (:func:`analyseversie`, :func:`besluitversie`) name the content of the database, so a cache keyed
  on them never serves stale tables.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import importlib.util
import json
import logging
import os
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from collectief import aannames_opslag
from collectief.analysis import MIN_GROOTTE, SEED, invoer_uit_database
from collectief.catalogue import laad_catalogus
from collectief.errors import CollectiefFout
from collectief.records import ImportRapport, Thema
from collectief.store import Store, standaard_db_pad
from collectief.suppress import K
from collectief.tijdwinst import Teamaannames

if TYPE_CHECKING:
    from collectief.analysis import Analyse
    from collectief.nlp import Pipeline
    from collectief.privacy import Scrubber

__all__ = [
    "MIN_GROOTTE",
    "SEED",
    "VOORBEELD_CSV",
    "Basis",
    "Bron",
    "aannameversie",
    "actieve_db",
    "analyse_bewaard",
    "analysemap",
    "analyseversie",
    "besluitversie",
    "geldende_besluiten",
    "geschiedenisversie",
    "invoerframe",
    "keuzes",
    "laad_basis",
    "maak_analyse",
    "schrijf_atomair",
    "teamaannames_uit",
    "technische_gegevens",
    "voorbeeld_db_pad",
    "voorbereiden",
    "zaai_voorbeeld",
]

log = logging.getLogger(__name__)

#: Bump when the kept analysis changes shape, so old folders are analysed again.
ANALYSE_FORMAAT = 2
VOORBEELD_CSV = Path(__file__).resolve().parents[2] / "data" / "sample" / "hulpvragen.csv"
VOORBEELD_DB = "voorbeeld.sqlite"
# Same name as collectief.nlp.MODEL_OMGEVINGSVARIABELE; repeated so that reading a version needs no spaCy import.
_MODEL_VARIABELE = "COLLECTIEF_SPACY_MODEL"
_PAKKET = Path(__file__).resolve().parents[1]

Voortgang = Callable[[float, str], None]


class Bron(StrEnum):
    """Which data the dashboard shows: the team's own database or the synthetic sample."""

    EIGEN = "eigen"
    VOORBEELD = "voorbeeld"


def _stil(_deel: float, _tekst: str) -> None:
    return None


# ---- databases ---------------------------------------------------------------------------------------------
def voorbeeld_db_pad(eigen: Path | None = None) -> Path:
    """The sample's database: ``voorbeeld.sqlite`` in the folder of the team's own database."""
    return (eigen or standaard_db_pad()).with_name(VOORBEELD_DB)


def actieve_db(keuze: Bron | str | None = None) -> tuple[Path, bool]:
    """The database to show and whether it is the sample.

    ``keuze`` is a :class:`Bron` or ``None`` (the team's own data when there are any, else the sample).
    """
    eigen = standaard_db_pad()
    if keuze == Bron.VOORBEELD:
        return voorbeeld_db_pad(eigen), True
    if keuze == Bron.EIGEN:
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


#: The modules and shipped data files that decide the themes, their names and the safety flags: when one
#: changes, kept analyses are made again.
_THEMA_BESTANDEN = (
    "analysis.py",
    "begrippen.py",
    "benoemen.py",
    "features.py",
    "inbedding.py",
    "matching.py",
    "nlp.py",
    "normalise.py",
    "themes.py",
    "veiligheid.py",
    "veiligheid_model.py",
    "data/begrippen.toml",
    "data/generieke_woorden.txt",
    "data/veiligheid.toml",
    "data/veiligheid_training.tsv.gz",
    "data/woordsoorten.tsv.gz",
)


def _motor_kenmerk() -> str:
    """A fingerprint of the theme engine's code (reading a few small files, no imports)."""
    h = hashlib.sha1()
    for naam in _THEMA_BESTANDEN:
        try:
            h.update((_PAKKET / naam).read_bytes())
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


def aannameversie(store: Store) -> str:
    """The team's own tijdwinst assumptions in this database, as a text that is both their version (a cache key)
    and their content (:func:`teamaannames_uit` reads it back), so a cached table keyed on it never lies."""
    team = aannames_opslag.lees(store)
    return json.dumps(
        {"minuten": dict(team.minuten), "aanbod": {a: dict(v) for a, v in team.aanbod.items()}},
        sort_keys=True,
        ensure_ascii=False,
    )


def teamaannames_uit(aversie: str) -> Teamaannames:
    """The team's assumptions from :func:`aannameversie`'s text."""
    data = json.loads(aversie or "{}")
    return Teamaannames(minuten=data.get("minuten", {}), aanbod=data.get("aanbod", {}))


def technische_gegevens(keuzes: Mapping[str, Any]) -> list[tuple[str, str]]:
    """What the Gegevens page shows about the machinery (and no other page): NLP pipeline and versions."""

    def versie(pakket: str) -> str:
        try:
            return metadata.version(pakket)
        except metadata.PackageNotFoundError:
            return "niet geïnstalleerd"

    regels = [("NLP-pijplijn", str(keuzes.get("pipeline", "")))]
    regels += [(f"Versie van {p}", versie(p)) for p in ("collectief", "spacy", "deduce", "scikit-learn", "streamlit")]
    regels.append(("Analyse gemaakt", str(keuzes.get("gemaakt", "")).replace("T", " ")))
    return regels


def _kenmerk(*tabellen: pd.DataFrame) -> str:
    h = hashlib.sha1()
    for tabel in tabellen:
        h.update(tabel.to_csv(index=False).encode())
    return h.hexdigest()[:16]


def geldende_besluiten(tabel: pd.DataFrame) -> pd.DataFrame:
    """The decisions in force: the store's table (:meth:`~collectief.store.Store.besluiten`) without the undone."""
    if "ingetrokken" not in tabel.columns:
        return tabel
    return tabel[tabel["ingetrokken"].isna()].reset_index(drop=True)


def besluitversie(store: Store) -> str:
    """Names, by their content, what every figure depends on besides the data: the team's decisions in force and
    the started offers. A decision undone gives the version from before it back (its tables can be reused); a
    decision taken again has a new id, so a new version."""
    return _kenmerk(geldende_besluiten(store.besluiten()), store.gestart_aanbod())


def geschiedenisversie(store: Store) -> str:
    """Names every decision the team took, undone ones included (the history the Maandsessie page lists)."""
    return _kenmerk(store.besluiten())


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


def analysemap(db: Path) -> Path:
    """The folder beside ``db`` that holds its kept analysis."""
    return db.with_name(db.name + ".analyse")


def _lees_meta(db: Path) -> dict[str, Any] | None:
    try:
        return json.loads((analysemap(db) / "meta.json").read_text(encoding="utf-8"))
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
    sleutels = ("maanden", "wijken", "aantal", "pipeline", "meldingen", "gemaakt")
    return {k: tuple(meta[k]) if isinstance(meta[k], list) else meta[k] for k in sleutels}


def invoerframe(store: Store) -> pd.DataFrame:
    """The stored hulpvragen as the analysis's input frame, as the CLI reads them; ``rij`` is the database id."""
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


def schrijf_atomair(pad: Path, schrijf: Callable[[Path], None]) -> None:
    """Write a file through ``schrijf`` under a temporary name, then put it in place in one step."""
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
    map_ = analysemap(store.pad)
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
    analyse = analyseer(
        invoer, catalogus, seed=SEED, min_grootte=MIN_GROOTTE, k=K, vorige=vorige, pipeline=geladen, cache=store
    )
    voortgang(0.9, "Resultaat bewaren ...")
    map_.mkdir(parents=True, exist_ok=True)
    labels = analyse.hulpvragen[["rij", "thema_id", "score", "signaal"]].astype(
        {"rij": "int64", "thema_id": str, "score": float, "signaal": str}
    )
    schrijf_atomair(map_ / "labels.parquet", lambda p: labels.to_parquet(p, index=False))
    schrijf_atomair(map_ / "model.json", analyse.model.opslaan)
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
    schrijf_atomair(
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
        labels = pd.read_parquet(analysemap(db) / "labels.parquet")
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
