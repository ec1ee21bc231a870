"""Keyword evidence for the catalogue's themes: exact words, compounds, one-letter typos and phrases.

A plain function of the catalogue and the notes: nothing is learned here. Each distinct word in the corpus is
matched against the catalogue once; a note's evidence for a theme is the sum over the distinct keywords it
contains, weighed by where they stand (the main question usually comes first; a theme "mentioned in passing"
usually comes later).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from collectief.normalise import normaliseer
from collectief.records import Thema

__all__ = ["STERK", "ZWAK", "Trefwoordenmatcher"]

STERK = 1.0
ZWAK = 0.35
_MIN_SAMENSTELLING = 5  # a keyword this long also counts inside a compound word
_MIN_TYPO = 7  # a keyword this long also counts with one letter wrong
_POSITIE_KORTING = 0.5  # a keyword at the very end of a note counts half


@dataclass(frozen=True)
class _Trefwoord:
    thema: int
    woord: str
    gewicht: float
    exact: bool


# What may stand around a keyword inside a longer word: an inflection, or another word of 3+ letters.
_VERBUIGINGEN = frozenset({"", "s", "e", "en", "n", "es", "je", "jes", "tje", "tjes"})
# Derivations that change the meaning: "schuldig" is not about "schuld".
_AFLEIDINGEN = ("ig", "ige", "igen", "igheid", "lijk", "lijke", "loos", "loze")


def _in_samenstelling(trefwoord: str, woord: str) -> bool:
    """Does the keyword stand in the word as part of a compound ('huurtoeslag' in 'huurtoeslagterugvordering')?"""
    start = woord.find(trefwoord)
    while start >= 0:
        voor, na = woord[:start], woord[start + len(trefwoord) :]
        voor_ok = voor == "" or len(voor) >= 3 or voor.endswith("-")
        na_ok = (na in _VERBUIGINGEN or len(na) >= 3 or na.startswith("-")) and not na.startswith(_AFLEIDINGEN)
        if voor_ok and na_ok:
            return True
        start = woord.find(trefwoord, start + 1)
    return False


def _verwijderingen(woord: str) -> set[str]:
    return {woord[:i] + woord[i + 1 :] for i in range(len(woord))}


class Trefwoordenmatcher:
    """Scores notes against the catalogue's keywords: ``scores(normalised_texts) -> (n_notes, n_themes)``."""

    def __init__(self, themas: Sequence[Thema]) -> None:
        self.themas = tuple(themas)
        self._woorden: dict[str, list[_Trefwoord]] = defaultdict(list)
        self._zinnen: dict[str, list[_Trefwoord]] = defaultdict(list)
        for i, thema in enumerate(self.themas):
            for lijst, gewicht in ((thema.trefwoorden, STERK), (thema.zwak, ZWAK)):
                for ruw in lijst:
                    exact = ruw.startswith("=")
                    woord = normaliseer(ruw.lstrip("="))
                    tw = _Trefwoord(i, woord, gewicht, exact)
                    if " " in woord:
                        self._zinnen[woord].append(tw)
                    else:
                        self._woorden[woord].append(tw)
        # One pass over a note finds every phrase; longest first so "dienst toeslagen" beats a shorter one.
        alternatief = "|".join(re.escape(z) for z in sorted(self._zinnen, key=len, reverse=True)) or r"(?!x)x"
        self._zin_patroon = re.compile(r"(?<!\w)(?:" + alternatief + r")(?!\w)")
        self._typos: dict[str, list[_Trefwoord]] = defaultdict(list)
        self._samenstelling: list[_Trefwoord] = []
        for woord, tws in self._woorden.items():
            for tw in tws:
                if tw.exact:
                    continue
                if len(woord) >= _MIN_SAMENSTELLING:
                    self._samenstelling.append(tw)
                if len(woord) >= _MIN_TYPO:
                    for variant in _verwijderingen(woord) | {woord}:
                        self._typos[variant].append(tw)

    def _match_woord(self, woord: str) -> list[_Trefwoord]:
        """All keywords a single word of a note stands for."""
        treffers = list(self._woorden.get(woord, ()))
        gevonden = {(t.thema, t.woord) for t in treffers}
        if len(woord) >= _MIN_SAMENSTELLING:
            for tw in self._samenstelling:
                if (tw.thema, tw.woord) not in gevonden and _in_samenstelling(tw.woord, woord):
                    treffers.append(tw)
                    gevonden.add((tw.thema, tw.woord))
        if len(woord) >= _MIN_TYPO - 1:
            # One deletion on either side covers a missing, extra, swapped or wrong letter (SymSpell's idea).
            for variant in _verwijderingen(woord) | {woord}:
                for tw in self._typos.get(variant, ()):
                    if (tw.thema, tw.woord) not in gevonden and abs(len(tw.woord) - len(woord)) <= 1:
                        treffers.append(tw)
                        gevonden.add((tw.thema, tw.woord))
        return treffers

    def scores(self, teksten: Sequence[str]) -> np.ndarray:
        """Keyword evidence per note (normalised text) and theme.

        Each distinct word of a note counts once per theme, with its best keyword (so the parts of
        "huurtoeslagterugvordering" do not add up); distinct words and phrases add up.
        """
        uit = np.zeros((len(teksten), len(self.themas)), dtype=np.float64)
        cache: dict[str, dict[int, float]] = {}
        for n, tekst in enumerate(teksten):
            woorden = re.findall(r"[a-z0-9][a-z0-9-]*", tekst)
            lengte = max(len(woorden), 1)
            beste: dict[tuple[int, str], float] = {}
            for pos, woord in enumerate(woorden):
                per_thema = cache.get(woord)
                if per_thema is None:
                    per_thema = {}
                    for tw in self._match_woord(woord):
                        per_thema[tw.thema] = max(per_thema.get(tw.thema, 0.0), tw.gewicht)
                    cache[woord] = per_thema
                factor = 1.0 - _POSITIE_KORTING * pos / lengte
                for thema, gewicht in per_thema.items():
                    sleutel = (thema, woord)
                    beste[sleutel] = max(beste.get(sleutel, 0.0), gewicht * factor)
            for m in self._zin_patroon.finditer(tekst):
                factor = 1.0 - _POSITIE_KORTING * m.start() / max(len(tekst), 1)
                for tw in self._zinnen[m.group(0)]:
                    sleutel = (tw.thema, m.group(0))
                    beste[sleutel] = max(beste.get(sleutel, 0.0), tw.gewicht * factor)
            for (thema, _), waarde in beste.items():
                uit[n, thema] += waarde
        return uit
