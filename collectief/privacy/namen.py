"""Context rules for names deduce misses in wijkteam notes.

Lower-case names after "mw."/"cl." ("cl. fatima el amrani"), first names missing from deduce's lists (Oksana,
Tigist), a surname after a first name or a name particle ("Fatima El Amrani"), a capitalised name after a role
word ("dochter Sanne"), and a name right after a tag deduce placed ("[NAAM] Amrani") which then extends that tag.
"""

from __future__ import annotations

import re

from collectief.privacy.lexicon import Lexicon
from collectief.privacy.notitie import TAG_RE, TAGS, Masker, Notitie, Vondst, vervang
from collectief.privacy.regels import Regels
from collectief.privacy.stap import Stap

__all__ = ["NamenInContext"]


class NamenInContext(Stap):
    def __init__(self, regels: Regels) -> None:
        self.r = regels
        self.woord_re = re.compile(r"\[(?:" + "|".join(TAGS) + r")\]|[^\W\d_](?:[\w'’-]*[^\W_])?")

    def process(self, notitie: Notitie) -> None:
        notitie.pas_toe()
        tekst, lexicon = notitie.tekst, notitie.lexicon
        beschermd = Masker(len(tekst), self.r.beschermd(tekst))
        woorden = [(m.start(), m.end(), m.group()) for m in self.woord_re.finditer(tekst)]
        gevonden: list[Vondst] = []
        i = 0
        while i < len(woorden):
            start, _eind, woord = woorden[i]
            if TAG_RE.fullmatch(woord) or not self._naam_begint(tekst, woorden, i, lexicon, beschermd):
                i += 1
                continue
            j = i
            telt = True
            if woord.lower() in self.r.tussenvoegsels and i + 1 < len(woorden):
                j = i + 1  # "dhr de jong": _naam_begint checked the surname after the particle
            # A name continues with particles + surname ("el Amrani") or further name-like words.
            while j + 1 < len(woorden):
                tussen = tekst[woorden[j][1] : woorden[j + 1][0]]
                if tussen.strip(" -"):
                    break
                volgend = woorden[j + 1][2]
                if volgend == "[NAAM]":
                    j += 1
                    telt = False
                    continue
                if volgend.lower() in self.r.tussenvoegsels and j + 2 < len(woorden):
                    na = woorden[j + 2]
                    tussen2 = tekst[woorden[j + 1][1] : na[0]]
                    if not tussen2.strip(" -") and self._achternaam_na_tussenvoegsel(na, lexicon, beschermd):
                        j += 2
                        continue
                    break
                if self._naam_loopt_door(woorden[j + 1], lexicon, beschermd):
                    j += 1
                    continue
                break
            # An initial after the name: "Olena K."
            eind = woorden[j][1]
            if (
                j + 1 < len(woorden)
                and len(woorden[j + 1][2]) == 1
                and woorden[j + 1][2].isupper()
                and tekst[eind : woorden[j + 1][0]] == " "
                and tekst[woorden[j + 1][1] : woorden[j + 1][1] + 1] == "."
            ):
                j += 1
                eind = woorden[j][1] + 1
            # A name directly after a tag deduce already placed ("[NAAM] Amrani") extends that tag.
            if i > 0 and woorden[i - 1][2] == "[NAAM]" and not tekst[woorden[i - 1][1] : start].strip(" -"):
                start = woorden[i - 1][0]
                telt = False
            gevonden.append(Vondst(start, eind, "NAAM", telt))
            i = j + 1
        if gevonden:
            notitie.zet_tekst(vervang(tekst, gevonden, notitie.telling))

    # -- name rules -------------------------------------------------------------------------------------------

    def _naam_begint(
        self,
        tekst: str,
        woorden: list[tuple[int, int, str]],
        i: int,
        lexicon: Lexicon,
        beschermd: Masker,
    ) -> bool:
        start, eind, woord = woorden[i]
        if beschermd.raakt(start, eind) or len(woord) < 2:
            return False
        laag = woord.lower()
        if laag in self.r.extra_voornamen:
            return True
        kleine_letter = woord[0].islower()
        if (
            kleine_letter
            and len(woord) >= 3
            and not laag.endswith("je")  # diminutives ("maatje") are words; names like Aaltje come capitalised
            and lexicon.is_voornaam(woord)
            and not lexicon.is_gewoon_woord(woord)
        ):
            return True
        if i == 0:
            return False
        _vorig_start, vorig_eind, vorig = woorden[i - 1]
        tussen = tekst[vorig_eind:start]
        vorig_laag = vorig.lower()
        # "mw. Jansen": the dot belongs to the title; "tolk. Cl" crosses a sentence boundary.
        toegestaan = " .:," if vorig_laag in self.r.titels else " :"
        if tussen.strip(toegestaan) or "\n" in tussen or laag in self.r.titels:
            return False
        acroniem = woord.isupper() and len(woord) <= 4
        if vorig_laag in self.r.titels:
            if laag in self.r.tussenvoegsels:
                return i + 1 < len(woorden) and self._achternaam_na_tussenvoegsel(
                    woorden[i + 1], lexicon, beschermd, streng=True
                )
            if not kleine_letter:
                # "Mw. Mooi", "Dhr. Klein": a listed surname that is also an adjective is still a name after a
                # title; a verb form ("Mw. Belt") is not.
                return not acroniem and (
                    not lexicon.is_functiewoord(woord)
                    or (lexicon.is_achternaam(woord) and not lexicon.is_werkwoordachtig(woord))
                )
            # A lower-case word counts only right after the title ("mw. kowalczyk"); after "dhr.," or "dhr.:" a new
            # clause starts ("zorgen om dhr., woning vervuild").
            if lexicon.is_functiewoord(woord) or tussen.strip(" ."):
                return False
            # Listed names, or a word that is no Dutch word and no typo of one ("mw. kowalczyk"); an unknown word
            # one letter away from a Dutch word is far more often a typo ("cl. vragt").
            return lexicon.is_voornaam(woord) or lexicon.is_achternaam(woord) or lexicon.is_onbekend(woord)
        if vorig_laag in self.r.rollen and not kleine_letter and not acroniem:
            if lexicon.is_gewoon_woord(woord) and not lexicon.is_voornaam(woord):
                return False
            return not lexicon.leeg or vorig_laag in {"heet", "genaamd", "naam"}
        return False

    def _naam_loopt_door(self, woord: tuple[int, int, str], lexicon: Lexicon, beschermd: Masker) -> bool:
        start, eind, tekst = woord
        if TAG_RE.fullmatch(tekst) or beschermd.raakt(start, eind) or len(tekst) < 2:
            return False
        if tekst.lower() in self.r.extra_voornamen:
            return True
        if lexicon.is_functiewoord(tekst):
            return False
        if tekst[0].isupper():
            acroniem = tekst.isupper() and len(tekst) <= 4
            return not acroniem and (
                lexicon.is_achternaam(tekst) or lexicon.is_voornaam(tekst) or not lexicon.is_gewoon_woord(tekst)
            )
        return not lexicon.leeg and (
            lexicon.is_achternaam(tekst) or (len(tekst) >= 4 and not lexicon.is_gewoon_woord(tekst))
        )

    def _achternaam_na_tussenvoegsel(
        self, woord: tuple[int, int, str], lexicon: Lexicon, beschermd: Masker, streng: bool = False
    ) -> bool:
        """Whether the word after "de"/"van"/"el" is a surname; ``streng`` (no name seen yet) wants a listed one
        when it is written in lower case ("collega de wijkcoach" is no name, "mw. de jong" is)."""
        start, eind, tekst = woord
        if TAG_RE.fullmatch(tekst) or beschermd.raakt(start, eind) or len(tekst) < 2:
            return False
        if tekst.lower() in lexicon.tussenachternamen:
            return True  # "de jong", "de wit": the surname after a particle, although also an adjective
        if lexicon.is_functiewoord(tekst):
            return False
        if tekst[0].isupper():
            return True
        return lexicon.is_achternaam(tekst) or (
            not streng and not lexicon.leeg and len(tekst) >= 3 and not lexicon.is_gewoon_woord(tekst)
        )


class NamenSamenvoegen(Stap):
    """Join the pieces of one name that earlier steps tagged apart: "[NAAM] Al-[NAAM]" and "[NAAM] el [NAAM]"
    become one tag (counted once), an initial after a tag goes with it ("[NAAM] K.")."""

    def __init__(self, regels: Regels) -> None:
        tussen = "|".join(sorted((re.escape(t) for t in regels.tussenvoegsels), key=len, reverse=True))
        self.deeltjes_re = re.compile(rf"\[NAAM\](?:(?:\s+|-)(?i:{tussen})(?:\s+|-)?\[NAAM\])+")
        self.initiaal_re = re.compile(r"\[NAAM\](?:\s[A-Z]\.)+(?![\w])")

    def process(self, notitie: Notitie) -> None:
        tekst = notitie.tekst
        if tekst.count("[NAAM]") == 0:
            return
        for m in reversed(list(self.deeltjes_re.finditer(tekst))):
            notitie.telling.add("NAAM", -(m.group().count("[NAAM]") - 1))
            tekst = tekst[: m.start()] + "[NAAM]" + tekst[m.end() :]
        tekst = self.initiaal_re.sub("[NAAM]", tekst)
        notitie.zet_tekst(tekst)
