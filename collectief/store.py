"""The embedded SQLite store: scrubbed hulpvragen, import batches, and the team's decisions.

Only scrubbed text reaches this module. A hulpvraag is identified by a key that makes re-importing the same
export a no-op: the export's own id column when it has one, otherwise a hash of the scrubbed row and how
often that same row occurred before it in the file (so two genuinely identical rows both stay).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pandas as pd

from collectief.errors import CollectiefFout
from collectief.records import Hulpvraag, ImportRapport

__all__ = ["DB_OMGEVINGSVARIABELE", "Store", "standaard_db_pad"]

DB_OMGEVINGSVARIABELE = "COLLECTIEF_DB"
SCHEMA_VERSIE = 1

_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_versie (versie INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS batches (
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
);
CREATE TABLE IF NOT EXISTS hulpvragen (
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
);
CREATE INDEX IF NOT EXISTS hulpvragen_datum ON hulpvragen(datum);
CREATE TABLE IF NOT EXISTS thema_besluiten (
    id INTEGER PRIMARY KEY,
    thema_id TEXT NOT NULL,
    actie TEXT NOT NULL CHECK (actie IN ('hernoemen', 'samenvoegen', 'afsplitsen', 'afwijzen')),
    waarde TEXT,
    notitie TEXT,
    tijdstip TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS gestart_aanbod (
    id INTEGER PRIMARY KEY,
    thema_id TEXT NOT NULL,
    wijk TEXT,
    aanbod TEXT NOT NULL,
    startdatum TEXT NOT NULL,
    notitie TEXT,
    tijdstip TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS nlp_cache (
    sleutel TEXT PRIMARY KEY,    -- hash of pipeline name + scrubbed text
    lemmas TEXT NOT NULL
);
"""


def standaard_db_pad() -> Path:
    """The database path: ``$COLLECTIEF_DB`` when set, else ``collectief.sqlite`` in the per-user data folder."""
    if omgeving := os.environ.get(DB_OMGEVINGSVARIABELE):
        return Path(omgeving).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("collectief", appauthor=False)) / "collectief.sqlite"


def _sleutel(h: Hulpvraag, eerder: dict[str, int]) -> str:
    if h.bron_id:
        return "id:" + h.bron_id
    inhoud = "\x1f".join(str(v) if v is not None else "" for v in (h.datum, h.wijk, h.huishouden, h.minuten, h.tekst))
    basis = hashlib.sha256(inhoud.encode("utf-8")).hexdigest()
    n = eerder.get(basis, 0)
    eerder[basis] = n + 1
    return f"h:{basis}:{n}"


class Store:
    """A SQLite database file holding what must last between sessions."""

    def __init__(self, pad: str | Path | None = None) -> None:
        self.pad = Path(pad) if pad is not None else standaard_db_pad()
        try:
            self.pad.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.pad, isolation_level=None, check_same_thread=False)
            self._conn.execute("PRAGMA foreign_keys = ON")
            self._conn.execute("PRAGMA journal_mode = WAL")
            self._conn.executescript(_SCHEMA)
            if self._conn.execute("SELECT COUNT(*) FROM schema_versie").fetchone()[0] == 0:
                self._conn.execute("INSERT INTO schema_versie VALUES (?)", (SCHEMA_VERSIE,))
        except (sqlite3.Error, OSError) as fout:
            raise CollectiefFout("E008", bestand=self.pad, wat=str(fout)) from None

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transactie(self) -> Iterator[_Import]:
        """One import as one transaction: everything is written, or (on any error) nothing is."""
        self._conn.execute("BEGIN IMMEDIATE")
        try:
            yield _Import(self._conn)
        except BaseException:
            self._conn.execute("ROLLBACK")
            raise
        else:
            self._conn.execute("COMMIT")

    def aantal_hulpvragen(self) -> int:
        return self._conn.execute("SELECT COUNT(*) FROM hulpvragen").fetchone()[0]

    def hulpvragen(self) -> pd.DataFrame:
        """All stored hulpvragen as a DataFrame (``datum`` as datetime64, ``minuten`` as float)."""
        df = pd.read_sql_query(
            "SELECT id, rij, bron_id, datum, wijk, huishouden, minuten, tekst, batch_id FROM hulpvragen ORDER BY id",
            self._conn,
        )
        df["datum"] = pd.to_datetime(df["datum"], format="%Y-%m-%d", errors="coerce")
        df["minuten"] = df["minuten"].astype(float)
        return df

    def batches(self) -> pd.DataFrame:
        return pd.read_sql_query("SELECT * FROM batches ORDER BY id", self._conn)

    # Decisions of the monthly session and started offers: written by later stages, stored here.
    def voeg_besluit_toe(self, thema_id: str, actie: str, waarde: str | None = None, notitie: str | None = None) -> int:
        try:
            cur = self._conn.execute(
                "INSERT INTO thema_besluiten (thema_id, actie, waarde, notitie, tijdstip) VALUES (?, ?, ?, ?, ?)",
                (thema_id, actie, waarde, notitie, _nu()),
            )
        except sqlite3.IntegrityError:
            raise ValueError(f"onbekende actie '{actie}'") from None
        return int(cur.lastrowid or 0)

    def besluiten(self) -> pd.DataFrame:
        return pd.read_sql_query("SELECT * FROM thema_besluiten ORDER BY id", self._conn)

    def trek_besluit_in(self, besluit_id: int) -> bool:
        """Undo a decision of the team (it is removed); ``False`` when there is no such decision."""
        cur = self._conn.execute("DELETE FROM thema_besluiten WHERE id = ?", (int(besluit_id),))
        return cur.rowcount > 0

    def markeer_gestart(
        self, thema_id: str, aanbod: str, startdatum: dt.date, wijk: str | None = None, notitie: str | None = None
    ) -> int:
        cur = self._conn.execute(
            "INSERT INTO gestart_aanbod (thema_id, wijk, aanbod, startdatum, notitie, tijdstip) VALUES (?,?,?,?,?,?)",
            (thema_id, wijk, aanbod, startdatum.isoformat(), notitie, _nu()),
        )
        return int(cur.lastrowid or 0)

    def gestart_aanbod(self) -> pd.DataFrame:
        df = pd.read_sql_query("SELECT * FROM gestart_aanbod ORDER BY id", self._conn)
        df["startdatum"] = pd.to_datetime(df["startdatum"], format="%Y-%m-%d")
        return df

    def nlp_cache_lees(self, sleutels: list[str]) -> dict[str, str]:
        gevonden: dict[str, str] = {}
        for i in range(0, len(sleutels), 500):
            deel = sleutels[i : i + 500]
            plek = ",".join("?" * len(deel))
            gevonden.update(
                self._conn.execute(f"SELECT sleutel, lemmas FROM nlp_cache WHERE sleutel IN ({plek})", deel)
            )
        return gevonden

    def nlp_cache_schrijf(self, paren: Iterable[tuple[str, str]]) -> None:
        with self._conn:
            self._conn.executemany("INSERT OR IGNORE INTO nlp_cache (sleutel, lemmas) VALUES (?, ?)", paren)


class _Import:
    """Writes one import batch inside an open transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._eerder: dict[str, int] = {}
        self.nieuw = 0
        self.al_aanwezig = 0
        self.batch_id = int(
            conn.execute(
                "INSERT INTO batches (bestand, tijdstip, data_rijen, geaccepteerd, afgewezen, nieuw, al_aanwezig,"
                " gescrubd, afwijzingen, kolommen) VALUES ('', ?, 0, 0, 0, 0, 0, '{}', '[]', '{}')",
                (_nu(),),
            ).lastrowid
            or 0
        )

    def schrijf(self, hulpvragen: Iterable[Hulpvraag]) -> None:
        rijen = [
            (
                _sleutel(h, self._eerder),
                self.batch_id,
                h.rij,
                h.bron_id,
                h.datum.isoformat() if h.datum else None,
                h.wijk,
                h.huishouden,
                h.minuten,
                h.tekst,
            )
            for h in hulpvragen
        ]
        voor = self._conn.total_changes
        self._conn.executemany(
            "INSERT OR IGNORE INTO hulpvragen (sleutel, batch_id, rij, bron_id, datum, wijk, huishouden, minuten,"
            " tekst) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            rijen,
        )
        nieuw = self._conn.total_changes - voor
        self.nieuw += nieuw
        self.al_aanwezig += len(rijen) - nieuw

    def sluit(self, rapport: ImportRapport) -> None:
        self._conn.execute(
            "UPDATE batches SET bestand=?, data_rijen=?, geaccepteerd=?, afgewezen=?, nieuw=?, al_aanwezig=?,"
            " gescrubd=?, afwijzingen=?, kolommen=? WHERE id=?",
            (
                rapport.bestand,
                rapport.data_rijen,
                rapport.geaccepteerd,
                rapport.afgewezen,
                self.nieuw,
                self.al_aanwezig,
                json.dumps(rapport.gescrubd.per_categorie, sort_keys=True),
                json.dumps([[a.rij, a.reden] for a in rapport.afwijzingen], ensure_ascii=False),
                json.dumps(rapport.kolommen, ensure_ascii=False),
                self.batch_id,
            ),
        )


def _nu() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
