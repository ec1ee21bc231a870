"""The age detector: ages in digits and in words ("zoon van 17", "mw. (82)", "vierentachtigjarige", "een vrouw
van negenenzestig", "tweeëntachtig jaar oud", "een man van in de veertig").

Threshold ages in a turning or rule phrase ("kind wordt 18", "onder de 27") and durations ("al 3 jaar",
"twee jaar geleden") stay: see the package docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectief.privacy.notitie import CIJFER_RE, Notitie, Vondst, overlapt
from collectief.privacy.regels import Regels, getal
from collectief.privacy.stap import Detector

__all__ = ["Leeftijd"]

_NA_RE = re.compile(r"\W*(\w+)")
_TELWOORD_KERNEN = (
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "tig",
    "honderd",
)


class Leeftijd(Detector):
    def __init__(self, regels: Regels) -> None:
        self.r = regels

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        r = self.r
        if CIJFER_RE.search(tekst) is None:
            laag = tekst.lower()
            # Cheap substring checks before the number-word pattern: every number word holds one of these.
            if not any(s in laag for s in _TELWOORD_KERNEN) or not r.telwoord_re.search(tekst):
                return
        beschermd = r.beschermd(tekst)
        vondsten: list[Vondst] = []

        def voeg_toe(start: int, eind: int, gevonden: str) -> None:
            eerste = r.getal_begin_re.match(gevonden)
            waarde = getal(eerste.group()) if eerste else None
            if waarde is not None and waarde <= 120 and not overlapt(start, eind, beschermd):
                vondsten.append(Vondst(start, eind, "LEEFTIJD"))

        # Cheap substring checks first: the big alternations of person words are the slowest patterns here.
        for m in r.leeftijd_van_re.finditer(tekst) if "van " in tekst else ():
            voeg_toe(m.start("w"), m.end("w"), m.group("w"))
        woorden = [b for b in beschermd if tekst[b[0]] != "["]
        for m in r.leeftijd_haakjes_re.finditer(tekst) if "(" in tekst else ():
            # "Voedselbank (2)" counts visits; only a person before the brackets makes it an age
            if not overlapt(m.start("pre"), m.end("pre"), woorden):
                voeg_toe(m.start("w"), m.end("w"), m.group("w"))
        if "jari" in tekst.lower():
            for m in r.leeftijd_jarig_re.finditer(tekst):
                voeg_toe(m.start(), m.end(), m.group())
        for m in r.leeftijd_jaar_re.finditer(tekst):
            voor = r.laatste_woord_re.search(tekst, max(0, m.start() - 30), m.start())
            na = _NA_RE.match(tekst, m.end())
            oud = m.group().lower().endswith("oud")
            if not oud and (
                (voor and voor.group(1).lower() in r.duur_voor) or (na and na.group(1).lower() in r.duur_na)
            ):
                continue
            voeg_toe(m.start(), m.end(), m.group("n"))
        for patroon in (r.leeftijd_woord_re, r.leeftijd_wordt_re, r.leeftijd_is_re):
            if patroon is r.leeftijd_is_re and " is " not in tekst:
                continue
            for m in patroon.finditer(tekst):
                voeg_toe(m.start("w"), m.end("w"), m.group("w"))
        for m in r.leeftijd_bereik_re.finditer(tekst):
            if not overlapt(m.start("w"), m.end("w"), beschermd):
                vondsten.append(Vondst(m.start("w"), m.end("w"), "LEEFTIJD"))
        for m in r.leeftijd_decennium_re.finditer(tekst):
            if not overlapt(m.start(), m.end(), beschermd):
                vondsten.append(Vondst(m.start(), m.end(), "LEEFTIJD"))
        yield from vondsten
