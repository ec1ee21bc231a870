"""Unicode normalisation, the first scrubbing step: what the patterns see is what is stored.

Hidden characters defeat patterns: a zero-width space inside "06-1234​5678", a soft hyphen inside a BSN,
full-width digits ("０６"), a non-breaking space inside an IBAN. So every note is normalised *before* anything is
looked for, and the normalised text is what is stored: no invisible character can then sit inside or next to a
tag and carry part of a number along.

1. NFKC: full-width letters and digits, ligatures, superscripts and compatibility spaces become their plain forms.
2. Format characters (Unicode category Cf: zero-width space/joiners, U+2060 word joiner, U+FEFF, soft hyphen,
   direction marks) are removed.
3. Every other space (tab excepted) becomes an ordinary space; line breaks stay line breaks.
4. Digits of other scripts (Arabic-Indic, Devanagari, ...) become ASCII digits; Python's ``\\d`` matches them,
   but an 11-proef or a phone pattern should see them the same way as a person does.
5. Dashes and minus signs (U+2010-U+2015, U+2212) become "-", so "06‑12345678" with a non-breaking hyphen is a
   phone number.
6. Combining marks on a digit ("0̲6") are removed; on letters they were composed by NFKC and stay.
7. In a word that mixes Latin letters with Cyrillic or Greek look-alikes ("Jаnssen" with a Cyrillic а), the
   look-alikes become their Latin letters; a word wholly in another script stays as written (and is a name to
   the ``ander_schrift`` detector).

Plain ASCII text (almost every note) skips all of it.
"""

from __future__ import annotations

import re
import unicodedata

from collectief.privacy.notitie import Notitie
from collectief.privacy.stap import Stap

__all__ = ["Normaliseer", "normaliseer"]


def _vertaaltabel() -> dict[int, str | None]:
    tabel: dict[int, str | None] = {}
    # The planes that hold letters, digits, spaces and format characters (the tag characters at U+E0000 too).
    for code in (*range(0x80, 0x30000), *range(0xE0000, 0xE1000)):
        teken = chr(code)
        soort = unicodedata.category(teken)
        if soort == "Cf":
            tabel[code] = None
        elif soort == "Zs":
            tabel[code] = " "
        elif soort == "Nd":
            tabel[code] = str(unicodedata.digit(teken))
    for code in (*range(0x2010, 0x2016), 0x2212, 0xFE58, 0xFE63):
        tabel[code] = "-"
    tabel[0x2028] = "\n"  # line and paragraph separators
    tabel[0x2029] = "\n"
    tabel[0x85] = "\n"
    return tabel


_TABEL: dict[int, str | None] | None = None
# Cyrillic and Greek letters that look like Latin ones.
_LOOKALIKES = str.maketrans(
    "аеорсухіјѕԁԛԝАВЕКМНОРСТХІЈЅΑΒΕΖΗΙΚΜΝΟΡΤΥΧονρτ",
    "aeopcyxijsdqwABEKMHOPCTXIJSABEZHIKMNOPTYXovpt",
)
_GEMENGD_RE = re.compile(r"\w*(?:[A-Za-z]\w*[\u0370-\u04ff]|[\u0370-\u04ff]\w*[A-Za-z])\w*")
_TEKEN_OP_CIJFER_RE = re.compile(r"(?<=\d)[\u0300-\u036f\u20d0-\u20ff]+")


def normaliseer(tekst: str) -> str:
    """``tekst`` as the patterns should see it (see the module docstring); ASCII text comes back unchanged."""
    global _TABEL
    if tekst.isascii():
        return tekst
    if _TABEL is None:
        _TABEL = _vertaaltabel()
    tekst = unicodedata.normalize("NFKC", tekst)
    tekst = _TEKEN_OP_CIJFER_RE.sub("", tekst)
    tekst = tekst.translate(_TABEL)
    if re.search(r"[\u0370-\u04ff]", tekst):
        tekst = _GEMENGD_RE.sub(lambda m: m.group().translate(_LOOKALIKES), tekst)
    return tekst


class Normaliseer(Stap):
    """The normalisation step."""

    def process(self, notitie: Notitie) -> None:
        notitie.zet_tekst(normaliseer(notitie.tekst))
