"""The compiled patterns of the scrubber, built once from the word lists; and the protected stretches of a note.

Pure data and regular expressions: the steps that use them live in ``patronen.py``, ``leeftijden.py``,
``instellingen.py`` and ``namen.py``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from collectief.privacy.notitie import TAG_RE
from collectief.privacy.woordenlijsten import Woordenlijsten

__all__ = ["Regels", "elfproef", "iban_geldig", "woordgroep"]


def woordgroep(woorden: Iterable[str]) -> str:
    """An alternation of literal words or phrases, longest first; a space matches any run of spaces."""
    delen = sorted(woorden, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in delen)


def elfproef(cijfers: str) -> bool:
    """The BSN 11-proef: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or int(cijfers) == 0:
        return False
    som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return som % 11 == 0


def iban_geldig(iban: str) -> bool:
    """ISO 13616 mod-97 check."""
    compact = re.sub(r"\s", "", iban).upper()
    if not 15 <= len(compact) <= 34:
        return False
    verplaatst = compact[4:] + compact[:4]
    try:
        getal = int("".join(str(int(c, 36)) for c in verplaatst))
    except ValueError:
        return False
    return getal % 97 == 1


# ---------------------------------------------------------------------------------------------------------------
# Number words, for ages written out ("vierentachtigjarige", "een vrouw van negenenzestig")
# ---------------------------------------------------------------------------------------------------------------

_EENHEDEN = {
    "een": 1,
    "één": 1,
    "twee": 2,
    "drie": 3,
    "vier": 4,
    "vijf": 5,
    "zes": 6,
    "zeven": 7,
    "acht": 8,
    "negen": 9,
}
_TIENTALLEN = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70, "tachtig": 80,
    "negentig": 90,
}  # fmt: skip
_LOS = {
    "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14, "vijftien": 15, "zestien": 16,
    "zeventien": 17, "achttien": 18, "negentien": 19, "honderd": 100,
}  # fmt: skip
_EENHEID_RE = "|".join(sorted(_EENHEDEN, key=len, reverse=True))
_TIENTAL_RE = "|".join(_TIENTALLEN)
#: A number word from one to 109 (the unit "een"/"één" alone is left out: "een jaar" is no age).
TELWOORD = (
    rf"(?:honderd(?:en)?(?:{_EENHEID_RE})?|(?:(?:{_EENHEID_RE})[eë]?n)?(?:{_TIENTAL_RE})|"
    rf"{'|'.join(sorted(set(_LOS) - {'honderd'}, key=len, reverse=True))}|"
    rf"{'|'.join(sorted(set(_EENHEDEN) - {'een', 'één'}, key=len, reverse=True))})"
)
#: An age: digits, or a number word.
GETAL = rf"(?:\d{{1,3}}|{TELWOORD})"


def getal(woord: str) -> int | None:
    """The value of digits or a Dutch number word ("tweeëntachtig" → 82); None when it is neither."""
    woord = woord.lower().strip()
    if woord.isdigit():
        return int(woord)
    m = re.fullmatch(TELWOORD, woord)
    if not m:
        return None
    if woord.startswith("honderd"):
        rest = woord[len("honderd") :].removeprefix("en")
        return 100 + (_EENHEDEN.get(rest, 0) if rest else 0)
    if woord in _LOS:
        return _LOS[woord]
    if woord in _EENHEDEN:
        return _EENHEDEN[woord]
    for tiental, waarde in _TIENTALLEN.items():
        if woord.endswith(tiental):
            eenheid = woord[: -len(tiental)]
            if not eenheid:
                return waarde
            eenheid = eenheid[:-2] if eenheid.endswith(("en", "ën")) else eenheid
            return waarde + _EENHEDEN.get(eenheid, 0)
    return None


class Regels:
    """Every compiled pattern, from one set of word lists."""

    def __init__(self, lijsten: Woordenlijsten) -> None:
        self.lijsten = lijsten
        lijsten_laag = {w.lower() for w in lijsten.beschermd}
        self.beschermd_losse_woorden = frozenset(w for w in lijsten_laag if " " not in w)
        self.beschermd_re = re.compile(
            r"(?i)(?<![\w-])(?:" + woordgroep(w for w in lijsten.beschermd if " " in w) + r")(?![\w-])"
        )
        self.beschermd_woord_re = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")
        self.titels = frozenset(w.lower() for w in lijsten.titels)
        self.rollen = frozenset(w.lower() for w in lijsten.rollen)
        self.tussenvoegsels = frozenset(w.lower() for w in lijsten.tussenvoegsels)
        self.extra_voornamen = frozenset(w.lower() for w in lijsten.extra_voornamen)
        self.notitiewoorden = frozenset(w.lower() for w in lijsten.notitiewoorden)
        self.maanden_en_dagen = frozenset(w.lower() for w in lijsten.maanden_en_dagen)
        self.duur_voor = frozenset(w.lower() for w in lijsten.duur_voor)
        self.duur_na = frozenset(w.lower() for w in lijsten.duur_na)
        self.organisatie_re = re.compile(
            r"\b(?:" + woordgroep(lijsten.organisatiewoorden) + r")"
            r"(?:\s+(?:[A-Z][\w'’&-]*|de|het|van|voor|op|en|'t))*\s+[A-Z][\w'’&-]*"
        )
        persoon = woordgroep(lijsten.persoonswoorden)
        self._bouw_datums()
        self._bouw_adressen(lijsten)
        self._bouw_leeftijden(persoon)
        # Titles and role words at the start of a deduce name span stay in the text: "Mw. Jansen" → "Mw. [NAAM]".
        self.titel_aan_begin_re = re.compile(
            r"(?i)^(?:(?:de\s+heer|dr|drs|ir|mr|prof|ing|" + woordgroep(self.titels | self.rollen) + r")\b\.?\s*)+"
        )
        self.beschermd = functools.lru_cache(maxsize=8)(self._beschermd)

    # -- dates ---------------------------------------------------------------------------------------------------

    def _bouw_datums(self) -> None:
        maand = (
            r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
            r"jan|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?"
        )
        dag = r"(?:0?[1-9]|[12]\d|3[01])"
        mnd = r"(?:0?[1-9]|1[0-2])"
        self.datum_num = re.compile(
            rf"(?<![\w/.-]){dag}(?P<s>[-/.]){mnd}(?P=s)(?:(?:19|20)\d{{2}}|'?\d{{2}})(?!\d|[-/.:]\d)"
        )
        self.datum_iso = re.compile(rf"(?<![\w/.-])(?:19|20)\d{{2}}(?P<s>[-/.]){mnd}(?P=s){dag}(?!\d|[-/.:]\d)")
        self.datum_tekst = re.compile(
            rf"(?i)(?<![\w/.-]){dag}(?:e|ste|de)?[\s-]*{maand}[\s-]+(?:(?:19|20)\d{{2}}|'\d{{2}})(?![\w])"
        )
        self.datum_tekst_zonder_jaar = re.compile(
            rf"(?i)(?<![\w/.-]){dag}(?:e|ste|de)?[\s-]*{maand}(?:[\s-]+(?:(?:19|20)\d{{2}}|'\d{{2}}))?(?![\w])"
        )
        self.datum_dag_maand = re.compile(
            r"(?<![\w/.-])(?:0[1-9]|[12]\d|3[01])[-/](?:0[1-9]|1[0-2])(?!\d|[-/.:]\d)"
            r"(?!\s*(?:uur|u\b|keer|x\b|%|min))"
        )
        self.geboorte_re = re.compile(
            r"(?i)\b(?:geb(?:oren)?\b\.?(?:\s*(?:op|in|d\.?d\.?))?|geboortedatum|geb\.?\s?datum|d\.o\.b\.?|dob|"
            r"jarig(?:\s+op)?|verjaardag(?:\s+op)?|verjaart(?:\s+op)?)"
            r"\s*[:=]?\s*"
        )
        self.geboorte_rest = re.compile(rf"(?i){maand}\s+(?:19|20)\d{{2}}(?!\d)|(?:19|20)\d{{2}}(?!\d)")

    # -- addresses -----------------------------------------------------------------------------------------------

    def _bouw_adressen(self, lijsten: Woordenlijsten) -> None:
        straattype = "(?:" + woordgroep(lijsten.straattypen) + ")"
        voorwoord = (
            r"(?:(?:(?!(?:Mw|Mevr|Dhr|Cl|Tel|Nr|Fam)\.)[A-Z][a-z]{0,4}\.|\d{1,2}(?:e|ste|de)(?:\s+[A-Z][a-zà-ÿ]+)?|Lange|Korte|Oude|Nieuwe|Grote|Kleine|Hoge|"
            r"Lage|Sint|Prins|Prinses|Koning|Koningin|Burgemeester|Dokter|Generaal|Graaf|Hertog|Van|De|Den|Het|'t|"
            r"Eerste|Tweede|Derde)\s+)*"
        )
        tussen = r"(?:van|de|der|den|het|ter|ten|te|'t|v\.d\.)"
        self.huisnummer = (
            r"(?:,?\s+(?:nr\.?|nummer|huisnummer)\s*|\s+)\d{1,5}"
            r"(?:\s?-\s?\d{1,3}(?!\d)|\s?-?\s?(?:bis|hs|huis|zw|rd|III|II|IV|I|[A-Za-z])(?![\w]))?"
            r"(?!\d|[.,]\d)(?!\s*(?:keer|x\b|euro|%|jaar|kinderen|mensen|personen|uur|minuten|dagen|weken|maanden))"
        )
        self.adres_re = re.compile(
            rf"(?<![\w-])(?P<straat>{voorwoord}(?:[A-Z][a-zà-ÿ]+\s+(?={tussen}\s))?(?:{tussen}\s+)*"
            rf"[A-Z][a-zà-ÿ'’-]*{straattype})(?![a-zà-ÿ]){self.huisnummer}"
        )
        self.straattype_eerst = tuple(sorted(lijsten.straattypen_vooraan))
        self.adres_type_eerst_re = re.compile(
            r"(?<![\w-])(?P<straat>(?:"
            + woordgroep(lijsten.straattypen_vooraan)
            + r")\s+(?:(?:van|der|de|den|het|op|naar|achter|voor|langs|bij|over|in|aan|'t)\s+){1,3}"
            r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)" + self.huisnummer
        )
        stad = (
            r"(?:(?:'s|De|Den)[- ])?(?:IJ|[A-Z])[a-zà-ÿ]+(?:-(?:IJ|[A-Z])[a-zà-ÿ]+)?"
            r"(?:\s(?:aan|op|in|bij|over|onder)(?:\s(?:de|den|der|het))?\s(?:IJ|[A-Z])[a-zà-ÿ]+)?"
        )
        self.postcode_re = re.compile(
            rf"""(?<![\w-])
            (?:(?P<voor>\d{{1,4}}[a-zA-Z]?)\s+)?
            (?P<pc>[1-9]\d{{3}}(?:\s?(?!SA|SD|SS)[A-Z]{{2}}|(?!km|kg|mg|gr|ml|cm|mm|kb|mb|gb|jr|pm|am)[a-z]{{2}}))
            (?![\w-])
            (?:\s+(?P<na>\d{{1,4}}(?:\s?-?\s?[a-zA-Z](?![\w]))?)(?![\w-]|[.,]\d))?
            (?:,?\s+(?P<stad>{stad}))?""",
            re.X,
        )
        self.postcode_woord_re = re.compile(r"(?i)\b(?:postcode|pc)\s*:?\s*(?P<w>[1-9]\d{3}\s?[a-z]{2})(?![\w])")
        # "1073 vw": lower-case letters after a space only when they are no two-letter word ("2019 en 2020").
        self.postcode_klein_re = re.compile(r"(?<![\w-])(?P<pc>[1-9]\d{3}\s[a-z]{2})(?![\w-])")
        # "nr 12 in de Lindelaan": the number before the street.
        self.adres_nummer_eerst_re = re.compile(
            rf"(?<![\w-])(?:nr\.?|nummer|huisnummer)\s*\d{{1,5}}[a-zA-Z]?\s+(?:in|aan|op)\s+(?:de|het)\s+"
            rf"(?P<straat>[A-Z][a-zà-ÿ'’-]*{straattype})(?![a-zà-ÿ])"
        )
        # "huisnr 88", "huisnummer 12a": a house number on its own, after its keyword.
        self.huisnummer_woord_re = re.compile(
            r"(?i)\b(?:huisnr|huisnummer|hnr)\b\.?\s*:?\s*(?P<w>\d{1,5}(?:\s?-?\s?[a-z](?![\w]))?)(?![\w])"
        )

    # -- ages ----------------------------------------------------------------------------------------------------

    def _bouw_leeftijden(self, persoon: str) -> None:
        drempel = r"(?:18|21|27|67|achttien|eenentwintig|zevenentwintig|zevenenzestig)"
        jaar = r"(?:\s*(?:jaar|jr\b\.?))?"
        self.drempel_res: tuple[re.Pattern[str], ...] = (
            re.compile(
                rf"(?i)\b(?:wordt|worden|word|werd|werden|geworden|is\s+net|net|bijna|binnenkort)"
                rf"(?:\s+[^\W\d]+|\s+\[DATUM\]){{0,3}}?\s+{drempel}{jaar}(?![\w])"
            ),
            re.compile(rf"(?i)(?<![\w,.]){drempel}{jaar}\s+(?:wordt|worden|geworden|werd)\b"),
            re.compile(rf"(?i)\b(?:onder|boven|vanaf|tot|rond)\s+(?:de\s+)?{drempel}{jaar}(?![\w])"),
            re.compile(rf"(?i)(?<![\w,.]){drempel}(?:\s?[+]|(?:e|ste)\s+verjaardag)"),
            re.compile(rf"(?i)\b(?:aow|pensioen)-?\s?leeftijd\s+(?:van\s+|is\s+)?\d{{2}}{jaar}(?![\w])"),
            re.compile(
                rf"(?i)(?<![\w,.]){drempel}{jaar}\s*[(:,-]?\s*(?:de\s+)?(?:kostendelersnorm|jongerennorm|aow|"
                r"zorgtoeslag|zorgverzekering|digid|eigen\s+risico|bijstandsnorm|leeftijdsgrens|grens)\b"
            ),
        )
        self.drempel_hint = ("18", "21", "27", "67", "achttien", "twintig", "zestig", "leeftijd")
        # A rule, not somebody's age, whatever the number: "jonger dan 30 jaar".
        self.jonger_ouder_re = re.compile(rf"(?i)\b(?:jonger|ouder)\s+dan\s+{GETAL}{jaar}(?![\w])")
        self.telwoord_re = re.compile(rf"(?i)(?<![\w]){TELWOORD}")
        self.getal_begin_re = re.compile(rf"(?i)\d{{1,3}}|{TELWOORD}")
        self.leeftijd_jarig_re = re.compile(rf"(?i)(?<![\w,.]){GETAL}\s?-?\s?jarig(?:e|en)?(?![\w])")
        self.leeftijd_jaar_re = re.compile(
            rf"(?i)(?<![\w,.])(?P<n>{GETAL})(?:[.,]5)?\s?-?\s?(?:jaar|jr\b\.?|j\b\.?)(?:\s+oud\b)?"
        )
        lijst = rf"{GETAL}(?:\s*(?:,|en|&)\s*{GETAL})*"
        self.leeftijd_van_re = re.compile(
            rf"(?i)(?:\b(?:{persoon})\b\.?(?:\s+(?:\[NAAM\]|(?-i:[A-Z][a-zà-ÿ]+)))?|\[NAAM\])"
            rf"\s+van\s+(?P<w>{lijst}(?:\s*(?:jaar|jr\b\.?|maanden|mnd\b\.?|weken))?)(?![\w])"
            r"(?!\s*(?:kinderen|kids|jongens|meisjes|zonen|dochters|kleinkinderen|tieners|euro|%))"
        )
        # "een man van in de veertig", "vrouw van begin zestig": an age bracket is still an age.
        self.leeftijd_bereik_re = re.compile(
            rf"(?i)(?:\b(?:{persoon})\b\.?|\[NAAM\])\s+(?:van\s+|is\s+|eind\s+|begin\s+)?"
            rf"(?P<w>(?:in\s+de|rond\s+de|begin|eind|midden|halverwege\s+de|eind\s+in\s+de|ergens\s+in\s+de)\s+"
            rf"(?:{_TIENTAL_RE}|\d0)(?:\s*(?:jaar|jr\b\.?))?)(?![\w])"
        )
        self.leeftijd_decennium_re = re.compile(
            rf"(?i)(?<![\w])(?:{_TIENTAL_RE})"
            r"(?:plusser|er|ers)(?![\w])"
        )
        self.leeftijd_is_re = re.compile(
            rf"(?i)(?:\b(?:{persoon}|hij|zij|ze)\b\.?|\[NAAM\])\s+is\s+(?:nu\s+|al\s+|pas\s+|bijna\s+)?"
            rf"(?P<w>{GETAL})(?![\w]|[.,]\d)"
            r"(?!\s*(?:euro|eur|%|keer|x\b|maanden|maand|mnd|weken|dagen|uur|min|kinderen|personen|mensen|jaar|jr))"
        )
        self.leeftijd_haakjes_re = re.compile(
            rf"(?i)(?P<pre>\b(?:{persoon})\b\.?|\[NAAM\]|(?-i:\b[A-Z][a-zà-ÿ]+))\s*"
            r"\((?P<w>\d{1,3}(?:\s*(?:jaar|jr\b\.?|j\b\.?))?(?:\s*(?:,|en|&|/)\s*\d{1,3}(?:\s*(?:jaar|jr\b\.?))?)*)\)"
        )
        self.leeftijd_woord_re = re.compile(rf"(?i)\b(?:leeftijd|lft)\b\.?\s*:?\s*(?P<w>{GETAL})(?![\w])")
        self.leeftijd_wordt_re = re.compile(
            rf"(?i)\b(?:wordt|werd|worden|geworden|is\s+(?:net|pas)|bijna)\s+(?P<w>{GETAL})(?![\w]|[.,]\d)"
            r"(?!\s*(?:euro|eur|%|keer|x\b|maanden|weken|dagen|uur|min|kinderen|personen|mensen|jaar))"
        )
        self.laatste_woord_re = re.compile(r"([\w'/]+)\W*$")

    # -- protected stretches -------------------------------------------------------------------------------------

    def _beschermd(self, tekst: str) -> tuple[tuple[int, int], ...]:
        """Stretches no tag may cover: existing tags, protected words, organisation names, threshold-age phrases."""
        stukken = [m.span() for m in TAG_RE.finditer(tekst)] if "[" in tekst else []
        stukken += [
            m.span()
            for m in self.beschermd_woord_re.finditer(tekst)
            if m.group().lower() in self.beschermd_losse_woorden
        ]
        stukken += [m.span() for m in self.beschermd_re.finditer(tekst)]
        stukken += [m.span() for m in self.organisatie_re.finditer(tekst)]
        laag = tekst.lower()
        if any(d in laag for d in self.drempel_hint):
            for patroon in self.drempel_res:
                stukken += [m.span() for m in patroon.finditer(tekst)]
        if "dan " in tekst:
            stukken += [m.span() for m in self.jonger_ouder_re.finditer(tekst)]
        return tuple(stukken)
