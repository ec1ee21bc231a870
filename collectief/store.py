"""The embedded SQLite store: scrubbed hulpvragen, import batches, and the team's decisions.

Only scrubbed text reaches this module.

Identity. A stored hulpvraag is known by a fingerprint of what it holds: the export's id (when the export has an
id column), date, wijk, household pseudonym and scrubbed note. So importing the same export again, renamed or
re-saved, adds nothing; another export whose ids collide with stored ones (a second team, a new year that
restarts its numbering) adds its rows, and the import counts how many ids collided. Rows without an id also
count how often the same row occurred before it in the same import, so two genuinely identical rows both stay.

Households. Only a keyed hash is stored (HMAC-SHA256 with a random key kept in this database's ``meta`` table,
written as ``hh-`` and 12 hex digits): the same household gives the same pseudonym within one database, so
households can be counted, and a name in a household column is never stored in clear.

Safety. Before anything is written, the file is checked to be ours (SQLite ``application_id``, or the marker
table of schema 1) and not newer than this code. The schema version is SQLite's ``user_version``; changes are
ordered migrations, each in its own transaction. The journal is WAL, so an analysis reads a consistent snapshot
while an import writes; a second writer waits (``wachttijd``) and then gets a clear message. Every SQLite or
file-system fault leaves as one :class:`~collectief.errors.CollectiefFout` with a Dutch message, and the database
as it was.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import hmac
import json
import os
import re
import secrets
import shutil
import sqlite3
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from functools import wraps
from pathlib import Path
from typing import ParamSpec, TypeVar

import pandas as pd

from collectief.errors import CollectiefFout
from collectief.records import Afwijzing, Hulpvraag, ImportRapport

__all__ = [
    "APPLICATION_ID",
    "DB_OMGEVINGSVARIABELE",
    "GEWEIGERD_REDEN",
    "SCHEMA_VERSIE",
    "Store",
    "pseudoniem",
    "standaard_db_pad",
    "veilige_reden",
]

DB_OMGEVINGSVARIABELE = "COLLECTIEF_DB"
#: The schema this code writes. Older databases are migrated; a newer one is refused untouched.
SCHEMA_VERSIE = 4
#: SQLite ``application_id`` of a collectief database ("Clct"): a foreign SQLite file is told apart by it.
APPLICATION_ID = 0x436C6374
#: How long a writer waits for another one (seconds) before it gives up with a message.
WACHTTIJD = 60.0
#: The reason given to a row that the database's schema refused (a constraint): never "al aanwezig".
GEWEIGERD_REDEN = "de database weigerde deze rij (het databaseschema staat haar niet toe); niet opgeslagen"

_SQLITE_KOP = b"SQLite format 3\x00"
_HUISHOUDEN_SLEUTEL = "huishouden_sleutel"

# Schema 1, as the store wrote it before versioning (no user_version; a schema_versie table holding 1).
_SCHEMA_1 = (
    "CREATE TABLE IF NOT EXISTS schema_versie (versie INTEGER NOT NULL)",
    """CREATE TABLE IF NOT EXISTS batches (
    id INTEGER PRIMARY KEY,
    bestand TEXT NOT NULL,
    tijdstip TEXT NOT NULL,
    data_rijen INTEGER NOT NULL,
    geaccepteerd INTEGER NOT NULL,
    afgewezen INTEGER NOT NULL,
    nieuw INTEGER NOT NULL,
    al_aanwezig INTEGER NOT NULL,
    gescrubd TEXT NOT NULL,      -- JSON: removed personal data per category
    afwijzingen TEXT NOT NULL,   -- JSON: [[rij, reden], ...]
    kolommen TEXT NOT NULL       -- JSON: field -> column name in the file
)""",
    """CREATE TABLE IF NOT EXISTS hulpvragen (
    id INTEGER PRIMARY KEY,
    sleutel TEXT NOT NULL UNIQUE,
    batch_id INTEGER NOT NULL REFERENCES batches(id),
    rij INTEGER NOT NULL,
    bron_id TEXT,
    datum TEXT,
    wijk TEXT,
    huishouden TEXT,
    minuten REAL,
    tekst TEXT NOT NULL          -- scrubbed
)""",
    "CREATE INDEX IF NOT EXISTS hulpvragen_datum ON hulpvragen(datum)",
    """CREATE TABLE IF NOT EXISTS thema_besluiten (
    id INTEGER PRIMARY KEY,
    thema_id TEXT NOT NULL,
    actie TEXT NOT NULL CHECK (actie IN ('hernoemen', 'samenvoegen', 'afsplitsen', 'afwijzen')),
    waarde TEXT,
    notitie TEXT,
    tijdstip TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS gestart_aanbod (
    id INTEGER PRIMARY KEY,
    thema_id TEXT NOT NULL,
    wijk TEXT,
    aanbod TEXT NOT NULL,
    startdatum TEXT NOT NULL,
    notitie TEXT,
    tijdstip TEXT NOT NULL
)""",
    """CREATE TABLE IF NOT EXISTS nlp_cache (
    sleutel TEXT PRIMARY KEY,    -- hash of pipeline name + scrubbed text
    lemmas TEXT NOT NULL
)""",
)


def standaard_db_pad() -> Path:
    """The database path: ``$COLLECTIEF_DB`` when set, else ``collectief.sqlite`` in the per-user data folder."""
    if omgeving := os.environ.get(DB_OMGEVINGSVARIABELE):
        return Path(omgeving).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("collectief", appauthor=False)) / "collectief.sqlite"


# ---- pseudonyms and fingerprints ------------------------------------------------------------------------------
def pseudoniem(sleutel: bytes, waarde: str) -> str:
    """The keyed hash of a household value: 'hh-' and 12 hex digits (48 bits).

    Case, width and runs of white space do not matter ('C 1001' and 'c1001 ' differ, 'Jan  Jansen' and
    'jan jansen' do not). The same key and value always give the same pseudonym.
    """
    genormaliseerd = " ".join(unicodedata.normalize("NFKC", waarde).split()).casefold()
    return "hh-" + hmac.new(sleutel, genormaliseerd.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


def _vingerafdruk(bron_id: str | None, datum: str | None, wijk: str | None, huishouden: str | None, tekst: str) -> str:
    velden = (bron_id or "", datum or "", wijk or "", huishouden or "", tekst)
    return hashlib.sha256("\x1f".join(velden).encode("utf-8")).hexdigest()


class _Sleutels:
    """Identity keys of one import: 'v2:id:<fingerprint>' with an export id, else 'v2:rij:<fingerprint>:<n>'."""

    def __init__(self) -> None:
        self._eerder: dict[str, int] = {}

    def sleutel(self, bron_id: str | None, datum: str | None, wijk: str | None, hh: str | None, tekst: str) -> str:
        afdruk = _vingerafdruk(bron_id, datum, wijk, hh, tekst)
        if bron_id:
            return f"v2:id:{afdruk}"
        n = self._eerder.get(afdruk, 0)
        self._eerder[afdruk] = n + 1
        return f"v2:rij:{afdruk}:{n}"


# ---- reasons without cell content -----------------------------------------------------------------------------
_CITAAT = re.compile(r"'[^']*'|\"[^\"]*\"|\u2018[^\u2019]*\u2019|\u201c[^\u201d]*\u201d")
_ALGEMENE_REDENEN = (
    ("ongeldige datum", "ongeldige datum: de datum kon niet worden gelezen"),
    ("tijdsbesteding", "tijdsbesteding kon niet worden gelezen; rij wel gebruikt, zonder tijd"),
)


def veilige_reden(reden: str) -> str:
    """A rejection reason or warning as it may be stored: without the cell content it quoted.

    Reasons name the field and the problem. A reason that quotes a value (as the intake of schema 1 did:
    ``datum '31-02-2026' bestaat niet``) gets the generic reason for its field, or the quote replaced.
    """
    if not _CITAAT.search(reden):
        return reden
    for begin, algemeen in _ALGEMENE_REDENEN:
        if reden.lower().startswith(begin):
            return algemeen
    return _CITAAT.sub("(waarde niet bewaard)", reden)


def _redenen_json(afwijzingen: Iterable[Afwijzing]) -> str:
    # The row number a person sees (Excel row or editor line), the same one the terminal and afgewezen.csv show.
    return json.dumps([[a.getoond, veilige_reden(a.reden)] for a in afwijzingen], ensure_ascii=False)


# ---- migrations ----------------------------------------------------------------------------------------------
def _naar_1(conn: sqlite3.Connection) -> None:
    """A new database: schema 1 exactly as before versioning, so every database walks the same path."""
    for opdracht in _SCHEMA_1:
        conn.execute(opdracht)
    conn.execute("INSERT INTO schema_versie SELECT 1 WHERE NOT EXISTS (SELECT 1 FROM schema_versie)")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _naar_2(conn: sqlite3.Connection) -> None:
    """Keys include the source's content; households become keyed hashes; stored reasons lose cell content."""
    # Overwrite what is deleted or replaced (names in households, cells in reasons) instead of leaving it in free
    # pages of the file.
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("CREATE TABLE meta (sleutel TEXT PRIMARY KEY, waarde TEXT NOT NULL)")
    sleutel = secrets.token_bytes(32)
    conn.execute("INSERT INTO meta VALUES (?, ?)", (_HUISHOUDEN_SLEUTEL, sleutel.hex()))
    conn.execute("ALTER TABLE batches ADD COLUMN waarschuwingen TEXT NOT NULL DEFAULT '[]'")
    conn.execute("ALTER TABLE batches ADD COLUMN id_botsingen INTEGER NOT NULL DEFAULT 0")
    conn.execute("ALTER TABLE batches ADD COLUMN geweigerd INTEGER NOT NULL DEFAULT 0")
    for batch_id, afwijzingen in conn.execute("SELECT id, afwijzingen FROM batches").fetchall():
        try:
            paren = json.loads(afwijzingen or "[]")
        except ValueError:
            paren = []
        # Schema 1 stored the 0-based data row; from schema 2 on the number a person sees is stored.
        schoon = [[int(rij) + 1, veilige_reden(str(reden))] for rij, reden in paren]
        schoon_json = json.dumps(schoon, ensure_ascii=False)
        conn.execute("UPDATE batches SET afwijzingen = ? WHERE id = ?", (schoon_json, batch_id))
    sleutels: dict[int, _Sleutels] = {}
    rijen = conn.execute("SELECT id, batch_id, bron_id, datum, wijk, huishouden, tekst FROM hulpvragen ORDER BY id")
    for id_, batch_id, bron_id, datum, wijk, huishouden, tekst in rijen.fetchall():
        hh = pseudoniem(sleutel, huishouden) if huishouden is not None else None
        nieuw = sleutels.setdefault(batch_id, _Sleutels()).sleutel(bron_id, datum, wijk, hh, tekst)
        conn.execute("UPDATE hulpvragen SET sleutel = ?, huishouden = ? WHERE id = ?", (nieuw, hh, id_))
    conn.execute("CREATE INDEX hulpvragen_bron_id ON hulpvragen(bron_id)")
    conn.execute("DROP TABLE schema_versie")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _naar_3(conn: sqlite3.Connection) -> None:
    """The team's own tijdwinst assumptions (see :mod:`collectief.aannames_opslag`)."""
    conn.execute(
        """CREATE TABLE aannames (
            soort    TEXT NOT NULL CHECK (soort IN ('minuten', 'aanbod')),
            sleutel  TEXT NOT NULL,
            veld     TEXT NOT NULL,
            waarde   REAL NOT NULL,
            tijdstip TEXT NOT NULL,
            PRIMARY KEY (soort, sleutel, veld)
        )"""
    )


def _naar_4(conn: sqlite3.Connection) -> None:
    """An undone decision is kept, marked with the time it was undone: the session's history stays readable and a
    decision id is never used twice."""
    conn.execute("ALTER TABLE thema_besluiten ADD COLUMN ingetrokken TEXT")


#: Ordered: (the version a step brings the database to, the step). Each step runs in its own transaction.
_MIGRATIES: tuple[tuple[int, Callable[[sqlite3.Connection], None]], ...] = (
    (1, _naar_1),
    (2, _naar_2),
    (3, _naar_3),
    (4, _naar_4),
)


# ---- faults as Dutch messages --------------------------------------------------------------------------------
_BEZIG, _VERGRENDELD, _ALLEEN_LEZEN, _IOFOUT, _BESCHADIGD, _VOL, _NIET_OPENEN, _GEEN_DB = 5, 6, 8, 10, 11, 13, 14, 26


def _als_melding(pad: Path, fout: BaseException) -> CollectiefFout:
    """One Dutch message for an SQLite or file-system fault on the database at ``pad``."""
    if isinstance(fout, sqlite3.Error):
        code = (getattr(fout, "sqlite_errorcode", 0) or 0) & 0xFF
        if code in (_BEZIG, _VERGRENDELD):
            return CollectiefFout("E042", bestand=pad)
        if code == _VOL:
            return CollectiefFout("E043", bestand=pad)
        if code == _ALLEEN_LEZEN or (code == _NIET_OPENEN and not _schrijfbaar(pad)):
            return CollectiefFout("E044", bestand=pad)
        if code == _IOFOUT:
            # SQLite does not pass errno on; a nearly full file system tells what it was.
            return CollectiefFout("E043" if _bijna_vol(pad) else "E045", bestand=pad)
        if code in (_BESCHADIGD, _GEEN_DB):
            return CollectiefFout("E046", bestand=pad)
        return CollectiefFout("E008", bestand=pad, wat=f"SQLite-fout {getattr(fout, 'sqlite_errorname', code)}")
    if isinstance(fout, OSError):
        if fout.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            return CollectiefFout("E043", bestand=pad)
        if fout.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return CollectiefFout("E044", bestand=pad)
        return CollectiefFout("E008", bestand=pad, wat=fout.strerror or type(fout).__name__)
    raise TypeError(fout)


def _bijna_vol(pad: Path) -> bool:
    try:
        return shutil.disk_usage(pad.parent).free < 1024 * 1024
    except OSError:
        return False


def _schrijfbaar(pad: Path) -> bool:
    map_ = pad.parent if pad.parent.exists() else pad.parent.parent
    return os.access(map_, os.W_OK) and (not pad.exists() or os.access(pad, os.W_OK))


_P = ParamSpec("_P")
_T = TypeVar("_T")


def _met_melding(methode: Callable[_P, _T]) -> Callable[_P, _T]:
    """Turn an SQLite fault inside a Store method into its Dutch message."""

    @wraps(methode)
    def omhulsel(*args: _P.args, **kwargs: _P.kwargs) -> _T:
        try:
            return methode(*args, **kwargs)
        except sqlite3.Error as fout:
            store = args[0]
            assert isinstance(store, Store)
            store._rollback()
            raise _als_melding(store.pad, fout) from None

    return omhulsel


class Store:
    """A SQLite database file holding what must last between sessions.

    Opening checks that the file is a collectief database (or a new, empty file) before anything is written, then
    migrates an older schema. ``wachttijd``: seconds a write waits while another process writes.
    """

    def __init__(self, pad: str | Path | None = None, wachttijd: float = WACHTTIJD) -> None:
        self.pad = Path(pad) if pad is not None else standaard_db_pad()
        self._conn: sqlite3.Connection | None = None
        self._wachttijd_ms = int(max(wachttijd, 0.0) * 1000)
        try:
            _controleer_kop(self.pad)
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(
                self.pad, isolation_level=None, check_same_thread=False, timeout=max(wachttijd, 0.0)
            )
            self._controleer_eigenaar()
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self._conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                self._conn.execute("PRAGMA journal_mode = WAL")
            self._migreer()
            self._hh_sleutel = bytes.fromhex(
                self._conn.execute("SELECT waarde FROM meta WHERE sleutel = ?", (_HUISHOUDEN_SLEUTEL,)).fetchone()[0]
            )
        except CollectiefFout:
            self.close()
            raise
        except (sqlite3.Error, OSError) as fout:
            self._rollback()
            self.close()
            raise _als_melding(self.pad, fout) from None

    # ---- opening ----
    def _controleer_eigenaar(self) -> None:
        """Refuse a foreign or newer database; only reads happen here."""
        conn = self._verbinding
        app = conn.execute("PRAGMA application_id").fetchone()[0]
        versie = conn.execute("PRAGMA user_version").fetchone()[0]
        namen = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        tabellen = {r[0] for r in namen}
        if app == APPLICATION_ID:
            if versie > SCHEMA_VERSIE:
                raise CollectiefFout("E041", bestand=self.pad, versie=versie, bekend=SCHEMA_VERSIE)
            return
        if app == 0 and not tabellen:
            return  # a new, empty database
        if app == 0 and versie == 0 and self._schema_1_markering(tabellen):
            return  # written by the store before schema versioning
        raise CollectiefFout("E040", bestand=self.pad, wat="er staan tabellen van een ander programma in")

    def _schema_1_markering(self, tabellen: set[str]) -> bool:
        if not {"schema_versie", "batches", "hulpvragen"} <= tabellen:
            return False
        return self._verbinding.execute("SELECT versie FROM schema_versie").fetchall() == [(1,)]

    def _versie(self) -> int:
        conn = self._verbinding
        versie = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if versie == 0 and conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'schema_versie'").fetchone():
            return 1
        return versie

    def _migreer(self) -> None:
        conn = self._verbinding
        versie = self._versie()
        for doel, stap in _MIGRATIES:
            if versie >= doel:
                continue
            conn.execute("BEGIN IMMEDIATE")
            # Another process may have migrated while this one waited for the lock.
            if self._versie() < doel:
                stap(conn)
                conn.execute(f"PRAGMA user_version = {doel}")
            conn.execute("COMMIT")
            versie = doel

    @property
    def verbinding(self) -> sqlite3.Connection:
        """The open connection, for the modules that keep their own table in this database (aannames_opslag)."""
        return self._verbinding

    @property
    def _verbinding(self) -> sqlite3.Connection:
        if self._conn is None:
            raise CollectiefFout("E008", bestand=self.pad, wat="de database is al gesloten")
        return self._conn

    def _rollback(self) -> None:
        # SQLite rolls back by itself on some faults (a full disk); a second ROLLBACK would then fail.
        if self._conn is not None and self._conn.in_transaction:
            with suppress(sqlite3.Error):
                self._conn.execute("ROLLBACK")

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def schema_versie(self) -> int:
        return self._versie()

    def pseudoniem(self, huishouden: str) -> str:
        """The stored form of a household value in this database."""
        return pseudoniem(self._hh_sleutel, huishouden)

    # ---- writing an import ----
    @contextmanager
    def transactie(self) -> Iterator[_Import]:
        """One import as one transaction: everything is written, or (on any error) nothing is.

        Waits up to ``wachttijd`` for another writer; SQLite faults leave as their Dutch message.
        """
        conn = self._verbinding
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as fout:
            raise _als_melding(self.pad, fout) from None
        try:
            yield _Import(conn, self._hh_sleutel)
            conn.execute("COMMIT")
        except sqlite3.Error as fout:
            self._rollback()
            raise _als_melding(self.pad, fout) from None
        except BaseException:
            self._rollback()
            raise

    def controleer_schrijven(self) -> None:
        """Take the write lock and give it back at once, waiting up to ``wachttijd`` for another writer.

        An import calls this before its slow start (loading the scrubber), so a running import or a read-only
        place is told at once, not after that wait.
        """
        conn = self._verbinding
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("ROLLBACK")
        except sqlite3.Error as fout:
            self._rollback()
            raise _als_melding(self.pad, fout) from None

    @contextmanager
    def momentopname(self) -> Iterator[Store]:
        """Reads inside this block see one consistent state, even while another process imports."""
        conn = self._verbinding
        conn.execute("BEGIN")
        try:
            yield self
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    # ---- reading ----
    @_met_melding
    def aantal_hulpvragen(self) -> int:
        return self._verbinding.execute("SELECT COUNT(*) FROM hulpvragen").fetchone()[0]

    @_met_melding
    def hulpvragen(self) -> pd.DataFrame:
        """All stored hulpvragen as a DataFrame (``datum`` as datetime64, ``minuten`` as float).

        ``huishouden`` holds pseudonyms ('hh-...'): fit for counting distinct households, nothing more.
        """
        df = pd.read_sql_query(
            "SELECT id, rij, bron_id, datum, wijk, huishouden, minuten, tekst, batch_id FROM hulpvragen ORDER BY id",
            self._verbinding,
        )
        df["datum"] = pd.to_datetime(df["datum"], format="%Y-%m-%d", errors="coerce")
        df["minuten"] = df["minuten"].astype(float)
        return df

    @_met_melding
    def batches(self) -> pd.DataFrame:
        return pd.read_sql_query("SELECT * FROM batches ORDER BY id", self._verbinding)

    # Decisions of the monthly session and started offers: written by later stages, stored here.
    @_met_melding
    def voeg_besluit_toe(self, thema_id: str, actie: str, waarde: str | None = None, notitie: str | None = None) -> int:
        try:
            cur = self._verbinding.execute(
                "INSERT INTO thema_besluiten (thema_id, actie, waarde, notitie, tijdstip) VALUES (?, ?, ?, ?, ?)",
                (thema_id, actie, waarde, notitie, _nu()),
            )
        except sqlite3.IntegrityError:
            raise ValueError(f"onbekende actie '{actie}'") from None
        return int(cur.lastrowid or 0)

    @_met_melding
    def besluiten(self) -> pd.DataFrame:
        return pd.read_sql_query("SELECT * FROM thema_besluiten ORDER BY id", self._verbinding)

    @_met_melding
    def trek_besluit_in(self, besluit_id: int) -> bool:
        """Undo a decision of the team: it stays in the table (the history), marked with the time it was undone
        (``ingetrokken``), and no longer applies. ``False`` when there is no such decision in force."""
        cur = self._verbinding.execute(
            "UPDATE thema_besluiten SET ingetrokken = ? WHERE id = ? AND ingetrokken IS NULL", (_nu(), int(besluit_id))
        )
        return cur.rowcount > 0

    @_met_melding
    def markeer_gestart(
        self, thema_id: str, aanbod: str, startdatum: dt.date, wijk: str | None = None, notitie: str | None = None
    ) -> int:
        cur = self._verbinding.execute(
            "INSERT INTO gestart_aanbod (thema_id, wijk, aanbod, startdatum, notitie, tijdstip) VALUES (?,?,?,?,?,?)",
            (thema_id, wijk, aanbod, startdatum.isoformat(), notitie, _nu()),
        )
        return int(cur.lastrowid or 0)

    @_met_melding
    def gestart_aanbod(self) -> pd.DataFrame:
        df = pd.read_sql_query("SELECT * FROM gestart_aanbod ORDER BY id", self._verbinding)
        df["startdatum"] = pd.to_datetime(df["startdatum"], format="%Y-%m-%d")
        return df

    @_met_melding
    def nlp_cache_lees(self, sleutels: list[str]) -> dict[str, str]:
        gevonden: dict[str, str] = {}
        for i in range(0, len(sleutels), 500):
            deel = sleutels[i : i + 500]
            plek = ",".join("?" * len(deel))
            gevonden.update(
                self._verbinding.execute(f"SELECT sleutel, lemmas FROM nlp_cache WHERE sleutel IN ({plek})", deel)
            )
        return gevonden

    def nlp_cache_schrijf(self, paren: Iterable[tuple[str, str]]) -> None:
        """Keep lemmas for next time. Only a speed-up: when the database cannot be written now (an import is
        running, a read-only place, a full disk), nothing is kept and the analysis goes on."""
        conn = self._verbinding
        # Not worth waiting for: an analysis during a long import would otherwise stand still for ``wachttijd``.
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            conn.execute("BEGIN IMMEDIATE")
            # The cache's own key is its primary key: OR IGNORE only skips lemmas that are already kept.
            conn.executemany("INSERT OR IGNORE INTO nlp_cache (sleutel, lemmas) VALUES (?, ?)", paren)
            conn.execute("COMMIT")
        except sqlite3.Error:
            self._rollback()
        finally:
            conn.execute(f"PRAGMA busy_timeout = {self._wachttijd_ms}")


class _Import:
    """Writes one import batch inside an open transaction."""

    def __init__(self, conn: sqlite3.Connection, hh_sleutel: bytes) -> None:
        self._conn = conn
        self._hh_sleutel = hh_sleutel
        self._sleutels = _Sleutels()
        self.nieuw = 0
        self.al_aanwezig = 0
        #: New rows whose export id was already stored with other content (another team, a new year).
        self.id_botsingen = 0
        #: Rows the database's schema refused: reported as rejected, never as "al aanwezig".
        self.geweigerd: list[Afwijzing] = []
        self.batch_id = int(
            conn.execute(
                "INSERT INTO batches (bestand, tijdstip, data_rijen, geaccepteerd, afgewezen, nieuw, al_aanwezig,"
                " gescrubd, afwijzingen, kolommen) VALUES ('', ?, 0, 0, 0, 0, 0, '{}', '[]', '{}')",
                (_nu(),),
            ).lastrowid
            or 0
        )

    def _bestaande_ids(self, ids: set[str]) -> set[str]:
        lijst, gevonden = sorted(ids), set()
        for i in range(0, len(lijst), 500):
            deel = lijst[i : i + 500]
            plek = ",".join("?" * len(deel))
            rijen = self._conn.execute(f"SELECT DISTINCT bron_id FROM hulpvragen WHERE bron_id IN ({plek})", deel)
            gevonden.update(r[0] for r in rijen)
        return gevonden

    def schrijf(self, hulpvragen: Iterable[Hulpvraag]) -> None:
        lijst = list(hulpvragen)
        bekende_ids = self._bestaande_ids({h.bron_id for h in lijst if h.bron_id})
        for h in lijst:
            hh = pseudoniem(self._hh_sleutel, h.huishouden) if h.huishouden is not None else None
            datum = h.datum.isoformat() if h.datum else None
            sleutel = self._sleutels.sleutel(h.bron_id, datum, h.wijk, hh, h.tekst)
            try:
                # Only a true duplicate (the same key) is skipped; any other constraint raises.
                cur = self._conn.execute(
                    "INSERT INTO hulpvragen (sleutel, batch_id, rij, bron_id, datum, wijk, huishouden, minuten, tekst)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sleutel) DO NOTHING",
                    (sleutel, self.batch_id, h.rij, h.bron_id, datum, h.wijk, hh, h.minuten, h.tekst),
                )
            except sqlite3.IntegrityError:
                self.geweigerd.append(Afwijzing(h.rij, GEWEIGERD_REDEN, h.bron_id))
                continue
            if cur.rowcount == 1:
                self.nieuw += 1
                if h.bron_id:
                    if h.bron_id in bekende_ids:
                        self.id_botsingen += 1
                    bekende_ids.add(h.bron_id)
            else:
                self.al_aanwezig += 1

    def sluit(self, rapport: ImportRapport) -> None:
        self._conn.execute(
            "UPDATE batches SET bestand=?, data_rijen=?, geaccepteerd=?, afgewezen=?, nieuw=?, al_aanwezig=?,"
            " gescrubd=?, afwijzingen=?, kolommen=?, waarschuwingen=?, id_botsingen=?, geweigerd=? WHERE id=?",
            (
                rapport.bestand,
                rapport.data_rijen,
                rapport.geaccepteerd,
                rapport.afgewezen,
                self.nieuw,
                self.al_aanwezig,
                json.dumps(rapport.gescrubd.per_categorie, sort_keys=True),
                _redenen_json(rapport.afwijzingen),
                json.dumps(rapport.kolommen, ensure_ascii=False),
                _redenen_json(rapport.waarschuwingen),
                self.id_botsingen,
                len(self.geweigerd),
                self.batch_id,
            ),
        )


def _controleer_kop(pad: Path) -> None:
    """Refuse a file that is not SQLite at all, before SQLite opens it (an empty or missing file is fine)."""
    try:
        if not pad.exists() or pad.stat().st_size == 0:
            return
        if pad.is_dir():
            raise CollectiefFout("E040", bestand=pad, wat="het is een map")
        with pad.open("rb") as f:
            kop = f.read(len(_SQLITE_KOP))
    except OSError as fout:
        raise _als_melding(pad, fout) from None
    if kop != _SQLITE_KOP:
        raise CollectiefFout("E040", bestand=pad, wat="het is geen SQLite-database")


def _nu() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
