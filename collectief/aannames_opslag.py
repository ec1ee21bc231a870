"""The team's own tijdwinst assumptions, kept in the database beside the hulpvragen.

One table, ``aannames``: per theme the minutes per hulpvraag (``soort = 'minuten'``, ``sleutel`` the theme id,
``veld = 'minuten'``) and per offer the values the team changed (``soort = 'aanbod'``, ``sleutel`` the offer id,
``veld`` one of :data:`collectief.tijdwinst.AANBOD_VELDEN`). :func:`lees` turns them into
:class:`~collectief.tijdwinst.Teamaannames` for :func:`collectief.actie.maak_plan`; every page, the report and
the CLI then use them at once.

The table belongs to the store's schema (migration 3 in :mod:`collectief.store`); reading it writes nothing, so an
analysis can read it while an import runs.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from collectief.store import Store
from collectief.tijdwinst import AANBOD_VELDEN, Teamaannames

__all__ = ["bewaar_aanbod", "bewaar_minuten", "lees", "wis", "wis_alles"]


def _verbinding(store: Store) -> sqlite3.Connection:
    return store.verbinding


@contextmanager
def _transactie(store: Store) -> Iterator[sqlite3.Connection]:
    """One write as one transaction (the store's connection runs in autocommit mode)."""
    conn = _verbinding(store)
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


def _nu() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _getal(waarde: float) -> float:
    if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not math.isfinite(waarde):
        raise ValueError(f"Een aanname moet een getal zijn, niet {waarde!r}.")
    return float(waarde)


def lees(store: Store) -> Teamaannames:
    """The team's assumptions as stored (empty when none were changed)."""
    rijen = _verbinding(store).execute("SELECT soort, sleutel, veld, waarde FROM aannames ORDER BY 1, 2, 3").fetchall()
    minuten: dict[str, float] = {}
    aanbod: dict[str, dict[str, float]] = {}
    for soort, sleutel, veld, waarde in rijen:
        if soort == "minuten":
            minuten[sleutel] = float(waarde)
        elif veld in AANBOD_VELDEN:
            aanbod.setdefault(sleutel, {})[veld] = float(waarde)
    return Teamaannames(minuten=minuten, aanbod=aanbod)


def bewaar_minuten(store: Store, thema_id: str, minuten: float) -> None:
    """Store the minutes per hulpvraag for a theme (any theme id: catalogue, discovered or the team's own)."""
    Teamaannames(minuten={thema_id: _getal(minuten)})  # checks the value, with a Dutch message
    with _transactie(store) as conn:
        conn.execute(
            "INSERT OR REPLACE INTO aannames (soort, sleutel, veld, waarde, tijdstip) "
            "VALUES ('minuten', ?, 'minuten', ?, ?)",
            (thema_id, float(minuten), _nu()),
        )


def bewaar_aanbod(store: Store, aanbod_id: str, **velden: float) -> None:
    """Store the team's values for an offer, e.g. ``bewaar_aanbod(store, "toeslagen_informatieavond",
    medewerkers=2, bereik_verwacht=0.3)``; fields not named keep their stored or catalogue value."""
    Teamaannames(aanbod={aanbod_id: {v: _getal(w) for v, w in velden.items()}})  # checks names and values
    with _transactie(store) as conn:
        conn.executemany(
            "INSERT OR REPLACE INTO aannames (soort, sleutel, veld, waarde, tijdstip) VALUES ('aanbod', ?, ?, ?, ?)",
            [(aanbod_id, veld, float(waarde), _nu()) for veld, waarde in velden.items()],
        )


def wis(store: Store, soort: str, sleutel: str, veld: str | None = None) -> None:
    """Forget the team's value(s) for a theme (``soort='minuten'``) or an offer (``'aanbod'``): back to default."""
    with _transactie(store) as conn:
        if veld is None:
            conn.execute("DELETE FROM aannames WHERE soort = ? AND sleutel = ?", (soort, sleutel))
        else:
            conn.execute("DELETE FROM aannames WHERE soort = ? AND sleutel = ? AND veld = ?", (soort, sleutel, veld))


def wis_alles(store: Store) -> None:
    """Forget every assumption the team changed."""
    with _transactie(store) as conn:
        conn.execute("DELETE FROM aannames")
