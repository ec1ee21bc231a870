"""The document every scrubbing step works on, and the small span helpers the steps share."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, NamedTuple

from collectief.records import SCRUB_CATEGORIEEN, ScrubTelling

if TYPE_CHECKING:
    from collectief.privacy.lexicon import Lexicon

__all__ = ["CIJFER_RE", "TAGS", "TAG_RE", "Notitie", "Vondst"]

#: The tags a scrubbed text may hold, one per category of :data:`collectief.records.SCRUB_CATEGORIEEN`.
TAGS: tuple[str, ...] = tuple(SCRUB_CATEGORIEEN)
TAG_RE = re.compile(r"\[(?:" + "|".join(TAGS) + r")\]")
CIJFER_RE = re.compile(r"\d")


class Vondst(NamedTuple):
    """A stretch of text to replace by ``[categorie]``; ``telt`` is False when it only extends an earlier tag."""

    start: int
    eind: int
    categorie: str
    telt: bool = True


@dataclass(eq=False)
class Notitie:
    """One note on its way through the steps (docdeid's ``Document``, for a text that is rewritten in place).

    A detecting step adds :class:`Vondst` items with :meth:`voeg_toe` (an earlier find wins an overlap); a
    group that ends in :meth:`pas_toe` replaces them by their tags and counts them. ``momentopnamen`` holds the
    text as it was after a named step, for steps that only need to run when something changed since.
    """

    tekst: str
    lexicon: Lexicon
    telling: ScrubTelling = field(default_factory=ScrubTelling)
    vondsten: list[Vondst] = field(default_factory=list)
    momentopnamen: dict[str, str] = field(default_factory=dict)
    _bezet: list[tuple[int, int]] | None = None

    @property
    def bezet(self) -> list[tuple[int, int]]:
        """Stretches no new find may overlap: the tags already in the text and the finds pending."""
        if self._bezet is None:
            self._bezet = [m.span() for m in TAG_RE.finditer(self.tekst)] if "[" in self.tekst else []
            self._bezet += [(v.start, v.eind) for v in self.vondsten]
        return self._bezet

    def voeg_toe(self, vondst: Vondst) -> bool:
        """Add a find unless it overlaps a tag or an earlier find; return whether it was added."""
        if vondst.eind <= vondst.start or overlapt(vondst.start, vondst.eind, self.bezet):
            return False
        self.vondsten.append(vondst)
        self.bezet.append((vondst.start, vondst.eind))
        return True

    def pas_toe(self) -> None:
        """Replace the pending finds by their tags, count them, and start afresh."""
        if self.vondsten:
            self.tekst = vervang(self.tekst, self.vondsten, self.telling)
        self.vondsten = []
        self._bezet = None

    def zet_tekst(self, tekst: str) -> None:
        """Replace the whole text (only before any find is pending)."""
        if self.vondsten:
            raise RuntimeError("cannot change the text while finds are pending")
        self.tekst = tekst
        self._bezet = None


def overlapt(start: int, eind: int, bezet: Iterable[tuple[int, int]]) -> bool:
    """Whether ``[start, eind)`` overlaps any of the stretches."""
    return any(start < b_eind and b_start < eind for b_start, b_eind, *_ in bezet)


class Masker:
    """The blocked characters of one note, for the many overlap tests of the name rules (one per word)."""

    __slots__ = ("_bits",)

    def __init__(self, lengte: int, stukken: Iterable[tuple[int, int]]) -> None:
        self._bits = bytearray(lengte)
        for start, eind in stukken:
            self._bits[start:eind] = b"\x01" * (eind - start)

    def raakt(self, start: int, eind: int) -> bool:
        return 1 in self._bits[start:eind]


def min_bezet(start: int, eind: int, bezet: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, eind)`` that do not overlap any blocked stretch."""
    delen = [(start, eind)]
    for b_start, b_eind in bezet:
        nieuw: list[tuple[int, int]] = []
        for d_start, d_eind in delen:
            if b_eind <= d_start or d_eind <= b_start:
                nieuw.append((d_start, d_eind))
                continue
            if d_start < b_start:
                nieuw.append((d_start, b_start))
            if b_eind < d_eind:
                nieuw.append((b_eind, d_eind))
        delen = nieuw
    return delen


def bijgesneden(tekst: str, start: int, eind: int) -> tuple[int, int]:
    """Shrink a stretch so that it neither starts nor ends with spaces or punctuation."""
    deel = tekst[start:eind]
    voor = re.match(r"[\s.,;:()\-–'\"]*", deel)
    start += voor.end() if voor else 0
    deel = tekst[start:eind]
    achter = re.search(r"[\s,;:()\-–'\"]*$", deel)
    if achter:
        eind -= len(deel) - achter.start()
    return start, eind


def vervang(tekst: str, vondsten: Iterable[Vondst], telling: ScrubTelling) -> str:
    """``tekst`` with every find replaced by its tag; counted finds are added to ``telling``."""
    delen: list[str] = []
    positie = 0
    for vondst in sorted(vondsten):
        delen.append(tekst[positie : vondst.start])
        delen.append(f"[{vondst.categorie}]")
        if vondst.telt:
            telling.add(vondst.categorie)
        positie = vondst.eind
    delen.append(tekst[positie:])
    return "".join(delen)
