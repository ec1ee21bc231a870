"""Normalisation of scrubbed notes before NLP: case, accents, scrub tags and the field's abbreviations."""

from __future__ import annotations

import re
import unicodedata

__all__ = ["AFKORTINGEN", "normaliseer", "zonder_accenten"]

#: Abbreviations professionals use in notes, expanded so that they match theme words and never become labels.
AFKORTINGEN: dict[str, str] = {
    "cl": "client",
    "clt": "client",
    "mw": "mevrouw",
    "mevr": "mevrouw",
    "dhr": "meneer",
    "hr": "meneer",
    "ivm": "in verband met",
    "i.v.m": "in verband met",
    "iom": "in overleg met",
    "i.o.m": "in overleg met",
    "zsm": "zo snel mogelijk",
    "z.s.m": "zo snel mogelijk",
    "oa": "onder andere",
    "o.a": "onder andere",
    "evt": "eventueel",
    "hb": "huisbezoek",
    "tel": "telefonisch",
    "bd": "belastingdienst",
    "wc": "woningcorporatie",
    "shv": "schuldhulpverlening",
    "ht": "huurtoeslag",
    "zt": "zorgtoeslag",
    "kot": "kinderopvangtoeslag",
    "kgb": "kindgebonden budget",
    "bb": "beschermingsbewind",
    "vt": "veilig thuis",
    "mz": "mantelzorg",
    "mzg": "mantelzorger",
    "cb": "consultatiebureau",
    "ggz": "ggz",
    "wmo": "wmo",
    "ow": "onderwerp",
    "nav": "naar aanleiding van",
    "n.a.v": "naar aanleiding van",
    "ihkv": "in het kader van",
    "mbt": "met betrekking tot",
    "m.b.t": "met betrekking tot",
    "tzt": "te zijner tijd",
    "wrs": "waarschijnlijk",
    "ong": "ongeveer",
    "mnd": "maanden",
    "mndn": "maanden",
    "jr": "jaar",
    "wk": "week",
    "wkn": "weken",
}

# Professions named in notes, not topics: "schoolmaatschappelijk werk meldt ..." is not about work.
_BEROEPEN = re.compile(r"\b(?:school)?maatschappelijk (?:werk(?:er|ster)?s?)\b|\bsmw\b")
_TAG = re.compile(r"\[[A-Z]+(?:-\d+)?\]")
_AFKORTING = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(a) for a in sorted(AFKORTINGEN, key=len, reverse=True)) + r")\.?(?![\w])"
)


def zonder_accenten(tekst: str) -> str:
    """'Cliënt geïsoleerd' -> 'Client geisoleerd'."""
    if tekst.isascii():
        return tekst
    return "".join(c for c in unicodedata.normalize("NFKD", tekst) if not unicodedata.combining(c))


def normaliseer(tekst: str) -> str:
    """Lower-case, accents off, scrub tags out, abbreviations expanded, white space folded.

    >>> normaliseer("Mw. belt ivm HT; [NAAM] zegt: 'geïsoleerd'")
    "mevrouw belt in verband met huurtoeslag; zegt: 'geisoleerd'"
    """
    tekst = _TAG.sub(" ", tekst)
    tekst = zonder_accenten(tekst).lower()
    tekst = _AFKORTING.sub(lambda m: AFKORTINGEN[m.group(1)], tekst)
    tekst = _BEROEPEN.sub("hulpverlener", tekst)
    return re.sub(r"\s+", " ", tekst).strip()
