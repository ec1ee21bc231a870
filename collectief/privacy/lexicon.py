"""Tell names from words: deduce's name lists plus a Dutch vocabulary from spaCy's lemma tables."""

from __future__ import annotations

import functools
import gzip
import importlib.resources
import json
from dataclasses import dataclass
from typing import Any

from collectief.privacy.regels import Regels

__all__ = ["Lexicon", "bouw_lexicon"]


@dataclass(frozen=True)
class Lexicon:
    voornamen: Any  # docdeid LookupTrie, case-sensitive ("Fatima")
    achternamen: Any  # docdeid LookupTrie
    tussenachternamen: frozenset[str]  # surnames that follow "de"/"van"/"el", lower case
    witte_lijst: Any  # docdeid LookupSet, lower-case matching: stop words, top-1000 words, medical terms
    nl_woorden: frozenset[str]  # every Dutch word form we know (lower case)
    nl_functiewoorden: frozenset[str]  # verbs, adjectives, prepositions, determiners (lower case)
    extra_voornamen: frozenset[str]  # our own list of first names deduce lacks (lower case)
    notitiewoorden: frozenset[str]  # words that follow "mw."/"cl." and are no names (lower case)
    maanden_en_dagen: frozenset[str]
    tussenvoegsels: frozenset[str]
    leeg: bool = False  # no deduce name lists: the names step must not guess from word lists it does not have

    def is_voornaam(self, woord: str) -> bool:
        laag = woord.lower()
        if laag in self.extra_voornamen:
            return True
        return self.voornamen is not None and [woord[:1].upper() + laag[1:]] in self.voornamen

    def is_achternaam(self, woord: str) -> bool:
        laag = woord.lower()
        if "-" in laag.strip("-"):  # double-barrelled: "jong-öztürk", "Bakker-Visser"
            return any(self.is_achternaam(deel) for deel in laag.split("-") if deel)
        if laag in self.tussenachternamen:
            return True
        return self.achternamen is not None and [laag[:1].upper() + laag[1:]] in self.achternamen

    def is_gewoon_woord(self, woord: str) -> bool:
        """A word of ordinary Dutch or of wijkteam jargon (so no evidence of a name)."""
        laag = woord.lower()
        return (
            laag in self.nl_woorden
            or laag in self.notitiewoorden
            or laag in self.maanden_en_dagen
            or (self.witte_lijst is not None and laag in self.witte_lijst)
        )

    def is_functiewoord(self, woord: str) -> bool:
        """A verb, adjective, adverb, preposition or determiner: what follows "mw." when no name does."""
        laag = woord.lower()
        return (
            laag in self.nl_functiewoorden
            or laag in self.notitiewoorden
            or laag in self.maanden_en_dagen
            or laag in self.tussenvoegsels
            or (self.witte_lijst is not None and laag in self.witte_lijst)
            or self._lijkt_werkwoordsvorm(laag)
        )

    def is_werkwoordachtig(self, woord: str) -> bool:
        """A note word, month or particle, or an inflected verb: never a name right after a title."""
        laag = woord.lower()
        return (
            laag in self.notitiewoorden
            or laag in self.maanden_en_dagen
            or laag in self.tussenvoegsels
            or self._lijkt_werkwoordsvorm(laag)
        )

    def is_onbekend(self, woord: str) -> bool:
        """No Dutch word, no compound of two ("statushouder", "puberdochter"), and not one edit (a letter left out,
        added, changed or swapped) away from a Dutch word."""
        laag = woord.lower()
        if self.leeg or len(laag) < 5 or self.is_gewoon_woord(laag) or self.is_functiewoord(laag):
            return False
        for i in range(3, len(laag) - 2):
            voor, na = laag[:i], laag[i:]
            if na in self.nl_woorden and (
                voor in self.nl_woorden or (voor[-1] == "s" and voor[:-1] in self.nl_woorden)
            ):
                return False
        letters = "abcdefghijklmnopqrstuvwxyzëéï"
        delen = [(laag[:i], laag[i:]) for i in range(len(laag) + 1)]
        varianten = {a + b[1:] for a, b in delen if b}
        varianten |= {a + b[1] + b[0] + b[2:] for a, b in delen if len(b) > 1}
        varianten |= {a + c + b[1:] for a, b in delen if b for c in letters}
        varianten |= {a + c + b for a, b in delen for c in letters}
        return not any(v in self.nl_woorden or v in self.notitiewoorden for v in varianten)

    def _lijkt_werkwoordsvorm(self, laag: str) -> bool:
        """Present or past tense of a known verb ("houdt" → houden, "belde" → bellen, "leest" → lezen).

        spaCy's lemma table misses many inflected forms that notes use right after "cl."; rebuilding the
        infinitive is enough to tell them from surnames such as "Houdt" or "Belt".
        """
        if laag.endswith(("de", "te")) and len(laag) > 4:
            stam = laag[:-2]
        elif laag.endswith("t") and len(laag) > 3:
            stam = laag[:-1]
        else:
            return False
        stammen = {stam}
        if stam.endswith("f"):
            stammen.add(stam[:-1] + "v")
        if stam.endswith("s"):
            stammen.add(stam[:-1] + "z")
        kandidaten = set()
        for st in stammen:
            kandidaten.add(st + "en")
            kandidaten.add(st + st[-1:] + "en")
            # "loop" → "lopen", "kom" stays "komen": a long vowel before the last consonant loses a letter
            if len(st) > 2 and st[-2] == st[-3] and st[-2] in "aeou":
                kandidaten.add(st[:-2] + st[-1] + "en")
        return any(k in self.nl_functiewoorden for k in kandidaten)


@functools.cache
def _laad_nl_woorden() -> tuple[frozenset[str], frozenset[str]]:
    """Dutch word forms from spaCy's lemma tables (a declared dependency); empty sets if they are missing."""
    try:
        map_ = importlib.resources.files("spacy_lookups_data") / "data"
        with (map_ / "nl_lemma_lookup.json.gz").open("rb") as f:
            lemma: dict[str, str] = json.loads(gzip.decompress(f.read()))
        with (map_ / "nl_lemma_index.json.gz").open("rb") as f:
            index: dict[str, list[str]] = json.loads(gzip.decompress(f.read()))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return frozenset(), frozenset()
    functie = set()
    for soort in ("verb", "adj", "adp", "det"):
        functie.update(index.get(soort, ()))
    functie.update(v for k, v in lemma.items() if v in functie)
    functie.update(k for k, v in lemma.items() if v in functie)
    alles = set(lemma) | set(lemma.values()) | functie | set(index.get("noun", ()))
    return frozenset(alles), frozenset(functie)


def bouw_lexicon(regels: Regels, lookup_structs: Any | None) -> Lexicon:
    """The lexicon from deduce's lookup structures, or an empty one (``leeg``) without deduce."""
    lijsten = {
        "extra_voornamen": regels.extra_voornamen,
        "notitiewoorden": regels.notitiewoorden,
        "maanden_en_dagen": regels.maanden_en_dagen,
        "tussenvoegsels": regels.tussenvoegsels,
    }
    if lookup_structs is None:
        return Lexicon(None, None, frozenset(), None, frozenset(), frozenset(), **lijsten, leeg=True)
    woorden, functie = _laad_nl_woorden()
    return Lexicon(
        voornamen=lookup_structs["first_name"],
        achternamen=lookup_structs["surname"],
        tussenachternamen=frozenset(w.lower() for w in lookup_structs["interfix_surname"].items()),
        witte_lijst=lookup_structs["whitelist"],
        nl_woorden=woorden,
        nl_functiewoorden=functie,
        **lijsten,
    )
