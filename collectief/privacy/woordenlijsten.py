"""The scrubber's word lists, read from data files and checked on load.

Each list is a folder under ``collectief/data/privacy/`` (deduce's layout): ``items.txt`` with one word or phrase a
line, and an optional ``exceptions.txt`` with entries taken out again. Lines starting with ``#`` explain the
list. A team can lay its own folder over the base (:func:`laad_woordenlijsten` with ``extra``): its ``items.txt``
adds entries (local wijk names to protect, say) and its ``exceptions.txt`` removes them. A malformed line stops
the load with a Dutch message naming the file and the line (E060), never the word itself.
"""

from __future__ import annotations

import importlib.resources
import re
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Protocol

from collectief.errors import CollectiefFout

__all__ = ["Woordenlijsten", "laad_woordenlijsten", "lees_lijst"]

_BASIS = "privacy"
_GELDIG_RE = re.compile(r"['’]?[^\W_](?:[\w'’.&/+-]|(?<! ) (?! ))*")


class _Bestand(Protocol):
    name: str

    def is_file(self) -> bool: ...

    def read_text(self, encoding: str) -> str: ...

    def __truediv__(self, other: str) -> _Bestand: ...


@dataclass(frozen=True)
class Woordenlijsten:
    """Every list the steps use, as frozen sets (case as written in the files; callers lower-case if needed)."""

    beschermd: frozenset[str]
    titels: frozenset[str]
    rollen: frozenset[str]
    tussenvoegsels: frozenset[str]
    persoonswoorden: frozenset[str]
    extra_voornamen: frozenset[str]
    notitiewoorden: frozenset[str]
    maanden_en_dagen: frozenset[str]
    duur_voor: frozenset[str]
    duur_na: frozenset[str]
    straattypen: frozenset[str]
    straattypen_vooraan: frozenset[str]
    organisatiewoorden: frozenset[str]
    instellingssoorten: frozenset[str]
    platforms: frozenset[str]
    maildomeinen: frozenset[str]

    def __post_init__(self) -> None:
        for veld in fields(self):
            if not getattr(self, veld.name):
                raise CollectiefFout("E061", bestand=f"{_BASIS}/{veld.name}/items.txt", wat="de lijst is leeg")


def _regels(bestand: _Bestand, naam: str) -> list[tuple[int, str]]:
    """The entries of one file; raises E060/E061 naming the file and line of the first problem."""
    try:
        tekst = bestand.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CollectiefFout("E061", bestand=naam, wat="geen UTF-8") from None
    except OSError as fout:
        raise CollectiefFout("E061", bestand=naam, wat=type(fout).__name__) from None
    woorden: list[tuple[int, str]] = []
    gezien: dict[str, int] = {}
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if not regel.strip() or regel.lstrip().startswith("#"):
            continue
        if regel != regel.strip():
            raise CollectiefFout("E060", bestand=naam, regel=nummer, wat="spatie of tab aan begin of eind")
        if not _GELDIG_RE.fullmatch(regel):
            raise CollectiefFout(
                "E060", bestand=naam, regel=nummer, wat="een teken dat niet in een woord hoort, of dubbele spatie"
            )
        if regel in gezien:
            raise CollectiefFout("E060", bestand=naam, regel=nummer, wat=f"dubbel, staat ook op regel {gezien[regel]}")
        gezien[regel] = nummer
        woorden.append((nummer, regel))
    return woorden


def lees_lijst(map_: _Bestand, naam: str) -> frozenset[str]:
    """``items.txt`` minus ``exceptions.txt`` of one list folder; an exception that is no item is an error."""
    items = frozenset(woord for _, woord in _regels(map_ / "items.txt", f"{naam}/items.txt"))
    uitzonderingen_bestand = map_ / "exceptions.txt"
    if not uitzonderingen_bestand.is_file():
        return items
    uitzonderingen = _regels(uitzonderingen_bestand, f"{naam}/exceptions.txt")
    for nummer, woord in uitzonderingen:
        if woord not in items:
            # A stale exception usually means a typo in one of the two files.
            raise CollectiefFout("E060", bestand=f"{naam}/exceptions.txt", regel=nummer, wat="staat niet in items.txt")
    return items - frozenset(woord for _, woord in uitzonderingen)


def laad_woordenlijsten(extra: Path | None = None) -> Woordenlijsten:
    """Load and check the base lists, with a team's own folder laid over them (see the module docstring)."""
    basis = importlib.resources.files("collectief") / "data" / _BASIS
    lijsten: dict[str, frozenset[str]] = {}
    for veld in fields(Woordenlijsten):
        map_ = basis / veld.name
        if not (map_ / "items.txt").is_file():
            raise CollectiefFout("E061", bestand=f"{_BASIS}/{veld.name}/items.txt", wat="bestand ontbreekt")
        woorden = lees_lijst(map_, f"{_BASIS}/{veld.name}")
        if extra is not None and (extra / veld.name).is_dir():
            eigen = extra / veld.name
            if (eigen / "items.txt").is_file():
                woorden |= frozenset(w for _, w in _regels(eigen / "items.txt", str(eigen / "items.txt")))
            if (eigen / "exceptions.txt").is_file():
                woorden -= frozenset(w for _, w in _regels(eigen / "exceptions.txt", str(eigen / "exceptions.txt")))
        lijsten[veld.name] = woorden
    return Woordenlijsten(**lijsten)
