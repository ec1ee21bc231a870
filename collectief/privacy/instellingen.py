"""The institution detector: names of schools, childcare and care institutions → ``[INSTELLING]``.

A school or a care home is where a child or a frail person is every day, and in a wijk it narrows a household
down to a few. Three forms, all from the list ``instellingssoorten``:

* a kind followed by a name: "Basisschool De Regenboog", "obs De Springplank", "verpleeghuis Het Zonnehuis",
  "GGZ-kliniek Altrecht", "azc Heumensoord";
* a capitalised name ending in a capitalised kind, with a name part after it: "het Montessori College Oost",
  "Stedelijk Gymnasium";
* one word that is a name compounded with school/college/lyceum: "De Regenboogschool", "Julianaschool".

The kind on its own stays ("de basisschool belt", "verpleeghuis gebeld"), and so do the generic partners
(Voedselbank, bibliotheek, buurthuis, consultatiebureau, ...): they are no kind in the list, and a protected
word never starts a name. The whole name with its kind becomes the tag, since "Basisschool" glued to a tag
would still say which school in a small wijk when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectief.privacy.notitie import Notitie, Vondst
from collectief.privacy.regels import Regels, woordgroep
from collectief.privacy.stap import Detector

__all__ = ["Instelling"]

_NAAMWOORD = r"(?:[A-Z][\w'’&.-]*[\w]|[A-Z])"
_VERBINDING = r"(?:van|de|der|den|het|op|aan|en|'t|in|voor|ter|ten)"


class Instelling(Detector):
    def __init__(self, regels: Regels) -> None:
        self.r = regels
        soorten = sorted(regels.lijsten.instellingssoorten)
        soort = woordgroep(soorten)
        hoofd = woordgroep(s[0].upper() + s[1:] for s in soorten)
        naam = rf"(?:(?:De|Het|Den|'t|de|het)\s+)?{_NAAMWOORD}(?:\s+(?:{_VERBINDING}\s+)*{_NAAMWOORD}){{0,3}}"
        self.soort_dan_naam = re.compile(rf"(?<![\w-])(?i:{soort})(?![\w-])[ \t]+(?P<naam>{naam})")
        self.naam_dan_soort = re.compile(
            rf"(?<![\w-])(?P<naam>(?:{_NAAMWOORD}\s+(?:{_VERBINDING}\s+)?){{1,3}})(?:{hoofd})(?![\w-])"
            rf"(?:[ \t]+{_NAAMWOORD}(?:\s+{_NAAMWOORD})?)?"
        )
        self.samenstelling = re.compile(
            r"(?<![\w-])(?:(?:De|Het|'t)\s+)?(?:[A-Z][\w'’-]*\s+){0,2}[A-Z][\w'’-]*(?:school|college|lyceum)(?![\w-])"
        )
        self.soorten_laag = frozenset(s.lower() for s in soorten)
        # Cheap substring checks before the patterns: every form holds a kind word (or school/college/lyceum).
        self.kernen = tuple(sorted({s.lower().split()[0] for s in soorten} | {"school", "college", "lyceum"}))

    def _geen_naam(self, woord: str) -> bool:
        """A word that cannot open an institution's name: a title, a protected word, a month, a note word."""
        laag = woord.lower().rstrip(".")
        r = self.r
        return (
            laag in r.titels
            or laag in r.beschermd_losse_woorden
            or laag in r.maanden_en_dagen
            or laag in r.notitiewoorden
            or laag in self.soorten_laag
        )

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        laag = tekst.lower()
        if not any(k in laag for k in self.kernen):
            return
        spannen: list[tuple[int, int]] = []
        for m in self.soort_dan_naam.finditer(tekst):
            naam = m.group("naam").split()
            eerste = naam[1] if naam[0].lower() in {"de", "het", "den", "'t"} and len(naam) > 1 else naam[0]
            if self._geen_naam(eerste):
                continue
            # The name ends before a title, a protected word or a note word ("... De Regenboog Mw. Jansen belt").
            eind = m.end()
            for w in re.finditer(r"\S+", tekst[m.start("naam") : m.end()]):
                if w.start() > 0 and self._geen_naam(w.group()):
                    eind = m.start("naam") + w.start()
                    break
            spannen.append((m.start(), len(tekst[:eind].rstrip())))
        for m in self.naam_dan_soort.finditer(tekst):
            woorden = m.group("naam").split()
            # Leading words that cannot be part of a name ("Mw.", "Voedselbank") are dropped.
            start = m.start("naam")
            while woorden and self._geen_naam(woorden[0]):
                start = tekst.index(woorden[0], start) + len(woorden[0])
                woorden.pop(0)
            if woorden and woorden[0].lower() not in {"de", "het", "den", "'t", "van"}:
                start = tekst.index(woorden[0], start)
                spannen.append((start, m.end()))
        for m in self.samenstelling.finditer(tekst):
            laatste = m.group().split()[-1]
            if laatste.lower() not in self.soorten_laag and not self._geen_naam(laatste):
                spannen.append(m.span())
        # Overlapping forms of one name ("Montessori College Oost" and "College Oost") become one tag.
        spannen.sort()
        samen: list[list[int]] = []
        for start, eind in spannen:
            if samen and start < samen[-1][1]:
                samen[-1][1] = max(samen[-1][1], eind)
            else:
                samen.append([start, eind])
        for start, eind in samen:
            yield Vondst(start, eind, "INSTELLING")
