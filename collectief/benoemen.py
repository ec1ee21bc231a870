"""Readable Dutch names for discovered themes: a short noun phrase plus the most distinctive terms.

A name is built from the theme's most distinctive lemmas (c-TF-IDF: how typical a lemma is for the theme,
against how common it is in all notes), keeping only nouns. Word classes come from the part-of-speech tagger
when ``nl_core_news_sm`` is installed, and otherwise from a lexicon derived from spacy-lookups-data
(``data/woordsoorten.tsv.gz``, made by ``scripts/maak_woordsoorten.py``). An unknown word counts as a noun when
it is a compound of known words whose head is a noun (Dutch compounds are head-final: "regiotaxipas" ->
"regio" + "taxi" + "pas"); an unknown word that is a one-letter slip of a known word is read as that word.
Generic words of the trade (``data/generieke_woorden.txt``) never name a theme.
"""

from __future__ import annotations

import functools
import gzip
import re
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

from collectief.privacy.woordenlijsten import lees_lijst

__all__ = ["Naamgever", "ThemaNaam", "generieke_woorden", "geschreven", "naamwoorden", "woordsoorten"]

_MIN_HOOFD = 3  # shortest head noun of a compound
_MAX_NAAMWOORDEN = 3


@functools.lru_cache(maxsize=1)
def woordsoorten() -> dict[str, str]:
    """Word -> classes from the shipped lexicon: "N", "V", "A", "B" for lemmas of that class, lower case for
    inflected forms ("lager" -> "Na": a noun, and a form of the adjective "laag")."""
    ruw = resources.files("collectief").joinpath("data/woordsoorten.tsv.gz").read_bytes()
    uit = {}
    for regel in gzip.decompress(ruw).decode("utf-8").splitlines():
        if regel and not regel.startswith("#"):
            woord, klassen = regel.split("\t")
            uit[woord] = klassen
    return uit


@functools.lru_cache(maxsize=1)
@functools.lru_cache(maxsize=1)
def generieke_woorden() -> frozenset[str]:
    """The trade's generic words (``data/generieke_woorden.txt``) and the names of months and weekdays with their
    abbreviations (the scrubber's checked list ``data/privacy/maanden_en_dagen``): none names a subject."""
    tekst = resources.files("collectief").joinpath("data/generieke_woorden.txt").read_text(encoding="utf-8")
    eigen = frozenset(r.strip() for r in tekst.splitlines() if r.strip() and not r.startswith("#"))
    map_ = resources.files("collectief") / "data" / "privacy" / "maanden_en_dagen"
    return eigen | frozenset(w.lower() for w in lees_lijst(map_, "maanden_en_dagen"))


def _klassen(woord: str, lexicon: Mapping[str, str]) -> str:
    """The word classes of a word; an unknown compound takes its head noun's class ("regiotaxipas" -> N)."""
    if woord in lexicon:
        return lexicon[woord]
    kern = woord.split("-")[-1]
    if kern != woord and kern in lexicon:
        return "N" if "N" in lexicon[kern] else ""
    return "N" if _is_samenstelling(kern, lexicon) else ""


def _is_samenstelling(woord: str, lexicon: Mapping[str, str], kop: str = "N", diepte: int = 0) -> bool:
    """Is this unknown word a compound of known words whose head is of class ``kop`` ("regio" + "taxi" + "pas")?

    The part before the head must be a known word of any class or itself a compound (a linking s or e may follow
    it), or, when both parts are long (five letters or more), a word the lexicon lacks ("salderings" +
    "regeling"). So a misspelling such as "geprek" is not taken for "gep" + "rek".
    """
    for start in range(_MIN_HOOFD, len(woord) - _MIN_HOOFD + 1):
        hoofd = woord[start:]
        if hoofd not in lexicon or (kop and kop not in lexicon[hoofd]):
            continue
        voor = woord[:start]
        if len(voor) >= 5 and len(hoofd) >= 5:
            return True
        for deel in (voor, voor[:-1] if voor[-1:] in ("s", "e") else ""):
            if len(deel) >= _MIN_HOOFD and (
                deel in lexicon or (diepte < 2 and _is_samenstelling(deel, lexicon, "", diepte + 1))
            ):
                return True
    return False


def _spelling(woord: str, lexicon: Mapping[str, str], elders: Collection[str] = ()) -> str:
    """The known word an unknown word is a one-letter slip of ("inburgring" -> "inburgering"); else the word.

    Only for words of six letters or more that are neither known nor a compound of known words, and only to a
    word used ``elders`` (in the same notes); among equal slips a noun lemma first.
    """
    if len(woord) < 6 or woord in lexicon or _klassen(woord, lexicon):
        return woord
    letters = "abcdefghijklmnopqrstuvwxyz"
    splitsingen = [(woord[:i], woord[i:]) for i in range(len(woord) + 1)]
    # The commonest slips first: a letter left out, two letters swapped, one too many, one wrong.
    soorten = (
        [a + c + b for a, b in splitsingen for c in letters],
        [a + b[1] + b[0] + b[2:] for a, b in splitsingen if len(b) > 1],
        [a + b[1:] for a, b in splitsingen if b],
        [a + c + b[1:] for a, b in splitsingen if b for c in letters],
    )
    for varianten in soorten:
        # Only a word these notes use elsewhere: a guess from the lexicon alone ("geprek" -> "gepreek" rather
        # than "gesprek") would put a word in the name that nobody wrote.
        bekend = sorted({v for v in varianten if v in lexicon and v in elders and v != woord})
        if bekend:
            return min(bekend, key=lambda v: (lexicon[v] != "N", v))
    return woord


def geschreven(vormen: Collection[str], teksten: Sequence[str], minimum: int = 2) -> bool:
    """Is one of these forms written in at least ``minimum`` of the texts?"""
    return any(sum(vorm in tekst for tekst in teksten) >= minimum for vorm in vormen)


@dataclass(frozen=True)
class ThemaNaam:
    """A discovered theme's name and its most distinctive terms (best first)."""

    naam: str
    termen: tuple[str, ...]


class Naamgever:
    """Names themes from their distinctive lemmas.

    ``pos`` optionally maps a lemma to its most frequent tag (from a spaCy tagger); without it, the lexicon decides.
    """

    def __init__(self, pos: Mapping[str, str] | None = None) -> None:
        self.pos = dict(pos or {})
        self._lexicon = woordsoorten()
        self._generiek = generieke_woorden()

    def is_zelfstandig(self, woord: str) -> bool:
        """Is this lemma a noun (and not mainly a verb, adjective or adverb)?"""
        if self.pos:
            tag = self.pos.get(woord)
            if tag is not None:
                return tag in ("NOUN", "PROPN")
        klassen = _klassen(woord, self._lexicon)
        # A noun lemma that is not also a verb or adjective lemma, nor an inflected adjective ("lager").
        return "N" in klassen and not set(klassen) & {"V", "A", "a", "B", "b"}

    def is_inhoud(self, woord: str) -> bool:
        """Content word for the term list: a noun, or an adjective/verb that is not a stop or generic word."""
        if len(woord) < 3 or woord.isdigit() or any(c.isdigit() for c in woord):
            return False
        if self.pos and woord in self.pos:
            return self.pos[woord] in ("NOUN", "PROPN", "ADJ", "VERB")
        return bool(_klassen(woord, self._lexicon)) or len(woord) >= 6

    def benoem(
        self,
        woorden: Sequence[str],
        gewichten: np.ndarray,
        dekking: np.ndarray,
        leden: int | None = None,
        teksten: Sequence[str] = (),
        voorrang: np.ndarray | None = None,
    ) -> ThemaNaam | None:
        """Name from candidate lemmas with their distinctiveness and share of the theme's notes that use them.

        A word names the theme when it is a noun, not generic, and used by at least 10% of the theme's notes and
        (given the number of ``leden``) by at least two of them: one note's word says nothing about a theme.
        Given the theme's (normalised) ``teksten``, it must also be written in at least two of them as it stands
        in the name (a plural or compound containing it counts): a lemma the notes only hold as a verb form
        ("bestaat" -> "bestaan") is no word the team wrote. Up to three such nouns, joined Dutch-style
        ("regiotaxi, scootmobiel en rolstoel"). Words marked in ``voorrang`` are tried first for the name (the
        theme's shared concept); the terms keep the order of distinctiveness.
        """
        min_dekking = max(0.1, 2 / leden) if leden else 0.1
        volgorde = np.argsort(-np.asarray(gewichten), kind="stable")
        elders = frozenset(str(w) for w in woorden)

        def kies(volgorde: np.ndarray) -> tuple[list[str], list[str]]:
            naamwoorden: list[str] = []
            termen: list[str] = []
            for i in volgorde:
                if gewichten[i] <= 0 or dekking[i] < 0.05:
                    continue
                woord = str(woorden[i]) if self.pos else _spelling(str(woorden[i]), self._lexicon, elders)
                if woord in termen:
                    continue  # a misspelling of a word already taken
                if len(termen) < 8 and self.is_inhoud(woord) and woord not in self._generiek:
                    termen.append(woord)
                if (
                    len(naamwoorden) < _MAX_NAAMWOORDEN
                    and dekking[i] >= min_dekking - 1e-9
                    and self._past_in_naam(woord, naamwoorden)
                    and (not teksten or geschreven({woord, str(woorden[i])}, teksten))
                ):
                    naamwoorden.append(woord)
            return naamwoorden, termen

        naamwoorden, termen = kies(volgorde)
        if voorrang is not None:
            # The name's nouns from the marked words first; the terms keep the order of distinctiveness.
            eerst = np.asarray(voorrang, dtype=bool)[volgorde]
            naamwoorden, _ = kies(np.concatenate([volgorde[eerst], volgorde[~eerst]]))
        if not naamwoorden:
            return None
        return ThemaNaam(_als_naam(naamwoorden), tuple(termen))

    def onderscheid(self, naam: str, termen: Sequence[str], teksten: Sequence[str]) -> str:
        """A name another theme already has, made this theme's own: its most distinctive noun not yet in the name
        (from ``termen``, best first) is added when it is written in at least two of its notes (``teksten``):
        "School" becomes "School en laptop". The name as it is when there is no such noun or no room (three
        nouns already)."""
        woorden = naamwoorden(naam)
        if len(woorden) >= _MAX_NAAMWOORDEN:
            return naam
        for term in termen:
            if self._past_in_naam(term, woorden) and geschreven({term}, teksten):
                return _als_naam([*woorden, term])
        return naam

    def _past_in_naam(self, woord: str, gekozen: Sequence[str]) -> bool:
        """May ``woord`` join the nouns ``gekozen`` for a name: a noun, not generic, not part of (nor containing)
        one of them. (Whether the notes write it is the caller's second condition.)"""
        return (
            woord not in self._generiek
            and self.is_zelfstandig(woord)
            and not any(woord in n or n in woord for n in gekozen)
        )


def _als_naam(woorden: Sequence[str]) -> str:
    """Nouns joined Dutch-style, capitalised: regiotaxi, scootmobiel, rolstoel -> "Regiotaxi, scootmobiel en
    rolstoel"; :func:`naamwoorden` reads them back."""
    naam = woorden[0] if len(woorden) == 1 else ", ".join(woorden[:-1]) + " en " + woorden[-1]
    return naam[0].upper() + naam[1:]


def naamwoorden(naam: str) -> list[str]:
    """The nouns of a theme's name, lower case ("Regiotaxi, scootmobiel en rolstoel" -> regiotaxi, scootmobiel,
    rolstoel): the inverse of how :meth:`Naamgever.benoem` joins them. The number a name two themes share carries
    ("School (2)") is no noun."""
    return [w for w in re.split(r", | en ", zonder_nummer(naam).lower()) if w]


def zonder_nummer(naam: str) -> str:
    """A theme's name without the number that tells two themes of one name apart: "School (2)" -> "School"."""
    return re.sub(r" \(\d+\)$", "", naam)
