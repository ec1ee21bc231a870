"""The intake's word lists (``collectief/data/intake.toml``), loaded once and checked on load."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib import resources

__all__ = ["VELDEN", "Woorden", "woorden"]

#: Fields collectief understands, in the order they are mapped.
VELDEN: tuple[str, ...] = ("tekst", "datum", "wijk", "huishouden", "minuten", "id")
_SOORTEN = ("naam", "medewerker", "categorie", "persoonsgegeven", "tijdstip", "latere_datum")
_WOORD = re.compile(r"^[a-z0-9]+$")


@dataclass(frozen=True)
class Woorden:
    """The word lists, as sets of normalised words (lower case, no accents)."""

    stopwoorden: frozenset[str]
    velden: dict[str, tuple[str, ...]]
    soorten: dict[str, frozenset[str]]
    uren: frozenset[str]
    minuten: frozenset[str]
    maanden: dict[str, int]
    weekdagen: frozenset[str]
    geen_namen: frozenset[str]


def _lijst(data: dict, sleutel: str, bron: str) -> tuple[str, ...]:
    waarde = data.get(sleutel)
    if not isinstance(waarde, list) or not waarde:
        raise ValueError(f"{bron}: '{sleutel}' must be a non-empty list of words")
    for woord in waarde:
        if not isinstance(woord, str) or not _WOORD.match(woord):
            raise ValueError(f"{bron}: '{sleutel}' holds {woord!r}; use one lower-case word without accents")
    return tuple(waarde)


@cache
def woorden() -> Woorden:
    """Load and check ``collectief/data/intake.toml`` (once per process)."""
    bron = "collectief/data/intake.toml"
    data = tomllib.loads(resources.files("collectief").joinpath("data/intake.toml").read_text(encoding="utf-8"))
    velden = {veld: _lijst(data["velden"], veld, bron + " [velden]") for veld in VELDEN}
    soorten = {soort: frozenset(_lijst(data["soorten"], soort, bron + " [soorten]")) for soort in _SOORTEN}
    maanden = data["maanden"]
    for naam, nummer in maanden.items():
        if not _WOORD.match(naam) or not isinstance(nummer, int) or not 1 <= nummer <= 12:
            raise ValueError(f"{bron} [maanden]: {naam} = {nummer!r}; use a lower-case word = 1..12")
    return Woorden(
        stopwoorden=frozenset(_lijst(data, "stopwoorden", bron)),
        velden=velden,
        soorten=soorten,
        uren=frozenset(_lijst(data["eenheden"], "uren", bron + " [eenheden]")),
        minuten=frozenset(_lijst(data["eenheden"], "minuten", bron + " [eenheden]")),
        maanden=dict(maanden),
        weekdagen=frozenset(_lijst(data["weekdagen"], "woorden", bron + " [weekdagen]")),
        geen_namen=frozenset(_lijst(data["geen_namen"], "woorden", bron + " [geen_namen]")),
    )
