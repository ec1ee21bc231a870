"""Concepts: which words of the social domain are about the same subject, for discovery's similarity.

Two notes about getting around may share no word at all ("scootmobiel kapot", "leerlingenvervoer geregeld"), and
a sentence encoder links such words only weakly. A thesaurus of the domain's subjects does: each concept
(``collectief/data/begrippen.toml``) lists the nouns, compounds, abbreviations and organisations that belong to
one subject a wijkteam meets. Discovery adds each note's concepts to its lemma and character n-grams (the
concept features of ontology-based document clustering; Hotho, Staab & Stumme, 2003), so notes about one subject
in other words come closer. A concept assigns nothing: it is not a theme, and a theme is still found (or not) by
the notes themselves.

A word belongs to a concept when it is one of its words, also after a plural ending is taken off or a hyphenated
word is split ("duo-lening"), or when it is a compound that begins or ends with one of its words of five letters
or more ("regiotaxipas", "kinderopvangtoeslag"). Shorter words match whole only, so "ind" is not found in "kind".

A plain function of the file and the words: nothing is learned here.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import scipy.sparse as sp

from collectief.errors import CollectiefFout

__all__ = ["Begrip", "Begrippenlijst", "laad_begrippen", "lees_begrippen"]

#: Shortest concept word that also counts at the start or end of a compound.
_MIN_DEEL = 5
#: Endings taken off a word before it is looked up (plurals and inflections the lookup lemmatizer leaves).
_UITGANGEN = ("'s", "en", "s", "n", "e")
#: Shortest word left after an ending or a hyphen is taken off.
_MIN_STAM = 3
#: Most concepts one word may belong to in the file: more, and it links subjects that are not one.
_MAX_PER_WOORD = 2


@dataclass(frozen=True)
class Begrip:
    """One subject: an id, a Dutch name, and the words that belong to it."""

    id: str
    naam: str
    woorden: tuple[str, ...]


class Begrippenlijst:
    """The concepts, and per word the concepts it belongs to."""

    def __init__(self, begrippen: Sequence[Begrip]) -> None:
        self.begrippen = tuple(begrippen)
        per_woord: dict[str, set[int]] = {}
        for nummer, begrip in enumerate(self.begrippen):
            for woord in begrip.woorden:
                per_woord.setdefault(woord, set()).add(nummer)
        self._geheel = {w: frozenset(b) for w, b in per_woord.items()}
        self._cache: dict[str, frozenset[int]] = {}

    def __len__(self) -> int:
        return len(self.begrippen)

    def van(self, woord: str) -> frozenset[int]:
        """The concepts (their positions in the list) that this lowercase word belongs to."""
        gevonden = self._cache.get(woord)
        if gevonden is None:
            gevonden = self._zoek(woord)
            self._cache[woord] = gevonden
        return gevonden

    def _zoek(self, woord: str) -> frozenset[int]:
        vormen = {woord}
        vormen.update(woord[: -len(u)] for u in _UITGANGEN if woord.endswith(u) and len(woord) - len(u) >= _MIN_STAM)
        vormen.update(deel for deel in woord.split("-") if len(deel) >= _MIN_STAM)
        gevonden: set[int] = set()
        for vorm in vormen:
            gevonden |= self._geheel.get(vorm, frozenset())
        if gevonden or len(woord) < _MIN_DEEL + 2:
            return frozenset(gevonden)
        # A compound: a concept word of five letters or more at its start or its end.
        for lengte in range(_MIN_DEEL, len(woord)):
            for deel in (woord[:lengte], woord[-lengte:]):
                gevonden |= self._geheel.get(deel, frozenset())
        return frozenset(gevonden)

    def matrix(self, lemmas: Iterable[Sequence[str]]) -> sp.csr_matrix:
        """Per note (a list of lemmas) a 0/1 row with the concepts its words belong to."""
        rijen: list[int] = []
        kolommen: list[int] = []
        aantal = 0
        for rij, woorden in enumerate(lemmas):
            aantal = rij + 1
            gevonden = set().union(*(self.van(w.lower()) for w in woorden)) if woorden else set()
            rijen.extend([rij] * len(gevonden))
            kolommen.extend(sorted(gevonden))
        return sp.csr_matrix(
            (np.ones(len(rijen)), (rijen, kolommen)), shape=(aantal, len(self.begrippen)), dtype=np.float64
        )


def _fout(bestand: str, wat: str, oplossing: str) -> CollectiefFout:
    return CollectiefFout("E012", bestand=bestand, wat=wat, oplossing=oplossing)


def lees_begrippen(tekst: str, bestand: str) -> Begrippenlijst:
    """Parse and check a concepts file (TOML with ``[[begrip]]`` blocks: id, naam, woorden)."""
    return _controleer(_lees(tekst, bestand), bestand)


def _lees(tekst: str, bestand: str) -> list[Begrip]:
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        raise _fout(bestand, f"het is geen geldige TOML ({fout})", "Controleer aanhalingstekens en haken.") from None
    if set(data) - {"begrip"}:
        raise _fout(
            bestand, f"onbekende sectie(s) {sorted(set(data) - {'begrip'})}", "Elk begrip begint met [[begrip]]."
        )
    begrippen: list[Begrip] = []
    ids: set[str] = set()
    for nummer, item in enumerate(data.get("begrip", []), start=1):
        naam = f"begrip {nummer} ({item.get('id', 'zonder id')})"
        if set(item) != {"id", "naam", "woorden"}:
            raise _fout(bestand, f"{naam} heeft niet precies de velden id, naam en woorden", "Vul die drie in.")
        if not isinstance(item["id"], str) or not isinstance(item["naam"], str) or item["id"] in ids:
            raise _fout(bestand, f"{naam}: id en naam moeten tekst zijn, en elk id uniek", "Geef een eigen id.")
        woorden = item["woorden"]
        goed = isinstance(woorden, list) and woorden and all(isinstance(w, str) for w in woorden)
        if not goed or any(w != w.strip().lower() or " " in w or len(w) < _MIN_STAM for w in woorden):
            raise _fout(
                bestand,
                f"{naam}: de woorden moeten een lijst zijn van woorden in kleine letters, zonder spaties, van "
                f"minstens {_MIN_STAM} tekens",
                "Schrijf elk woord als één los woord in kleine letters.",
            )
        ids.add(item["id"])
        begrippen.append(Begrip(item["id"], item["naam"], tuple(dict.fromkeys(woorden))))
    if not begrippen:
        raise _fout(bestand, "er staat geen enkel begrip in", "Voeg minstens één blok [[begrip]] toe.")
    return begrippen


def _controleer(begrippen: Sequence[Begrip], bestand: str) -> Begrippenlijst:
    """The list, once no word belongs to more than ``_MAX_PER_WOORD`` concepts."""
    telling: dict[str, int] = {}
    for begrip in begrippen:
        for woord in begrip.woorden:
            telling[woord] = telling.get(woord, 0) + 1
    te_vaak = sorted(w for w, n in telling.items() if n > _MAX_PER_WOORD)
    if te_vaak:
        raise _fout(
            bestand,
            f"{len(te_vaak)} woord(en) staan in meer dan {_MAX_PER_WOORD} begrippen, bijvoorbeeld '{te_vaak[0]}'",
            "Zet een woord alleen bij de begrippen waar het echt bij hoort.",
        )
    return Begrippenlijst(begrippen)


def laad_begrippen(eigen: str | Path | None = None) -> Begrippenlijst:
    """The shipped concepts, with a team's own file (same format) adding concepts or replacing one by its id
    (local organisations, a region's transport service, ...)."""
    if eigen is None:
        return _ingebouwd()
    try:
        tekst = Path(eigen).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as fout:
        raise _fout(
            str(eigen), f"het bestand kan niet worden gelezen ({fout})", "Sla het op als UTF-8-tekst."
        ) from None
    per_id = {b.id: b for b in _ingebouwd().begrippen}
    per_id.update((b.id, b) for b in _lees(tekst, str(eigen)))
    return _controleer(list(per_id.values()), str(eigen))


@lru_cache(maxsize=1)
def _ingebouwd() -> Begrippenlijst:
    tekst = resources.files("collectief").joinpath("data/begrippen.toml").read_text(encoding="utf-8")
    return lees_begrippen(tekst, "begrippen.toml (ingebouwd)")
