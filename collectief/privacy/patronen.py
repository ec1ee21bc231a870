"""Detectors for personal data with a fixed form: e-mail (also written out), URLs, social-media accounts, IBAN, BSN,
dates, phone numbers (Dutch and foreign), addresses, postcodes, licence plates and other identifiers.

Each detector is one small :class:`~collectief.privacy.stap.Detector`; :func:`patroonstappen` returns them in
priority order (an earlier one wins an overlap). Decisions are in the package docstring.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from collectief.privacy.notitie import Notitie, Vondst, overlapt
from collectief.privacy.regels import Regels, elfproef, iban_geldig, woordgroep
from collectief.privacy.stap import Detector

__all__ = ["patroonstappen"]


class _Simpel(Detector):
    """Every match of one pattern (or of one of its groups) is one find."""

    def __init__(self, patroon: re.Pattern[str], categorie: str, groep: str | int = 0, cijfer: bool = True) -> None:
        self.patroon = patroon
        self.categorie = categorie
        self.groep = groep
        self.cijfer_nodig = cijfer

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        for m in self.patroon.finditer(notitie.tekst):
            yield Vondst(m.start(self.groep), m.end(self.groep), self.categorie)


# ---------------------------------------------------------------------------------------------------------------
# E-mail, URL, accounts
# ---------------------------------------------------------------------------------------------------------------

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@{1,2}[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_URL_RE = re.compile(
    r"(?i)(?<![\w@.-])(?:(?:https?://|www\.)[^\s<>\"']+|"
    r"(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|info|nu|de|uk|io)(?:/[^\s<>\"']*)?)(?![\w@-])"
)


class Url(Detector):
    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        for m in _URL_RE.finditer(tekst):
            start, eind = m.span()
            while eind > start and tekst[eind - 1] in ".,;:)!?'\"":
                eind -= 1
            yield Vondst(start, eind, "URL")


class VerhuldeEmail(Detector):
    """An address written to dodge filters: "jan at gmail dot com", "jan[at]hotmail[punt]nl", "jan(at)ziggo.nl",
    "jan apenstaartje gmail punt com". It counts once its last label is a known provider or top-level domain."""

    _AT = (
        r"(?:\s*(?:\(at\)|\[at\]|\{at\}|<at>|\(a\)|\[a\]|\(@\)|\[@\]|\(apenstaartje\)|\[apenstaartje\])\s*"
        r"|\s*@\s+|\s+@\s*|\s+(?:at|AT|At|apenstaartje|apestaartje|apenstaart)\s+)"
    )
    _PUNT = (
        r"(?:\s*(?:\(dot\)|\[dot\]|\{dot\}|\(punt\)|\[punt\]|\{punt\}|\[\.\]|\(\.\)|<punt>|<dot>)\s*"
        r"|\s+(?:dot|DOT|punt|PUNT|Punt)\s+|\.)"
    )

    def __init__(self, regels: Regels) -> None:
        lokaal = r"[\w+-]+(?:(?:\.|\s*(?:\[punt\]|\(punt\)|\[dot\]|\(dot\))\s*)[\w+-]+)*"
        self.patroon = re.compile(
            rf"(?<![\w.@+-])(?P<l>{lokaal}){self._AT}(?P<d>[\w-]+(?:{self._PUNT}[\w-]+){{0,4}})(?![\w@-])"
        )
        self.punt_re = re.compile(self._PUNT)
        self.domeinen = frozenset(w.lower() for w in regels.lijsten.maildomeinen)

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        laag = tekst.lower()
        if not any(s in laag for s in ("at", "@", "apen", "apestaart")):
            return
        for m in self.patroon.finditer(tekst):
            # Cut labels off the end until the last one is a known provider or top-level domain.
            delen = [(d.start(), d.end()) for d in re.finditer(r"[\w-]+", m.group("d"))]
            while delen:
                laatste = m.group("d")[delen[-1][0] : delen[-1][1]].lower()
                if laatste in self.domeinen and (len(delen) > 1 or len(laatste) > 3):
                    yield Vondst(m.start(), m.start("d") + delen[-1][1], "EMAIL")
                    break
                delen.pop()


class Account(Detector):
    """A social-media handle: "@lisa_2009", "insta: lisa.b", "tiktok @x", "snap: x", "fb: Fatima Bouzid"."""

    def __init__(self, regels: Regels) -> None:
        platforms = woordgroep(regels.lijsten.platforms)
        tussen = woordgroep(regels.tussenvoegsels)
        self.handle_re = re.compile(r"(?<![\w.@/+-])@(?P<h>[A-Za-z0-9_][A-Za-z0-9_.]{1,29})")
        self.platform_re = re.compile(
            rf"(?i)(?<![\w])(?:{platforms})(?![\w])(?:\s*(?:account|profiel|naam|handle|gebruikersnaam|id))?"
            r"(?:\s*[:=]\s*|\s+(?:als|is|heet|onder|van)\s+(?=\S*[\d_.@#])|\s+(?=@)|\s+(?=[\w.]*[\d_#][\w.#]*(?![\w])))"
            rf"(?P<h>@?[\w.#]*[\w](?:(?-i:\s+(?:(?:{tussen})\s+)*[A-Z][\w'’-]+)){{0,3}})"
        )

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        for m in self.platform_re.finditer(tekst):
            yield Vondst(m.start("h"), m.end("h"), "ACCOUNT")
        if "@" in tekst:
            for m in self.handle_re.finditer(tekst):
                eind = m.end()
                while tekst[eind - 1] == ".":
                    eind -= 1
                if re.search(r"[A-Za-z_]", tekst[m.start() : eind]):  # "@ 10" is a time, "@10" too
                    yield Vondst(m.start(), eind, "ACCOUNT")


# ---------------------------------------------------------------------------------------------------------------
# Numbers: IBAN, BSN, phones, identifiers
# ---------------------------------------------------------------------------------------------------------------

_IBAN_NL_RE = re.compile(r"(?i)(?<![\w])NL[\s-]?\d{2}[\s-]?[A-Z]{4}(?:[\s-]?\d){10}(?!\d)")
_IBAN_RE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:[\s-]?[A-Z0-9]{4}){2,7}(?:[\s-]?[A-Z0-9]{1,3})?(?![\w])")


class Iban(Detector):
    cijfer_nodig = True

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        for m in _IBAN_NL_RE.finditer(tekst):
            yield Vondst(*m.span(), "IBAN")
        for m in _IBAN_RE.finditer(tekst):
            if tekst[m.start() : m.start() + 2].upper() == "NL":
                continue
            # Try the whole match, then without trailing groups (a following acronym may have been taken along).
            kandidaat = m.group()
            while kandidaat:
                if iban_geldig(kandidaat):
                    yield Vondst(m.start(), m.start() + len(kandidaat), "IBAN")
                    break
                knip = max(kandidaat.rfind(" "), kandidaat.rfind("-"))
                kandidaat = kandidaat[:knip] if knip > 4 else ""


_BSN_WOORD_RE = re.compile(
    r"(?i)\b(?:bsn|burgerservicenummer|sofi-?nummer|sofinr)\b\.?(?:\s*(?:-?nr|nummer)\.?)?"
    r"(?:\s*(?:is|:|=|#|-))*\s*(?P<w>\d(?:[\s.-]?\d){7,8})(?!\d)"
)
_BSN_RE = re.compile(r"(?<![\w.,-])(?P<w>\d(?:[ .-]?\d){8})(?!\d|[.,-]\d)")


class Bsn(Detector):
    """Nine digits passing the 11-proef (the keyword form is :data:`_BSN_WOORD_RE`)."""

    cijfer_nodig = True

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        for m in _BSN_RE.finditer(notitie.tekst):
            if elfproef(re.sub(r"\D", "", m.group("w"))):
                yield Vondst(m.start("w"), m.end("w"), "BSN")


_TELEFOON_RE = re.compile(
    r"""(?<![\w+])(?:
        (?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}
      | 0[1-9](?:(?:\s?-\s?|[\s.])?\d){8}
      | \(0[1-9]\)\s?(?:[\s.-]?\d){8}
      | \(0[1-9]\d\)\s?(?:[\s.-]?\d){7}
      | \(0[1-9]\d{2}\)\s?(?:[\s.-]?\d){6}
    )(?!\d|[.:]\d)""",
    re.X,
)
# Any country: "+32 470 12 34 56", "0048 601-234-567", "+90 (532) 123 45 67", "+49 (0)30 1234567".
_TELEFOON_BUITENLAND_RE = re.compile(
    r"(?<![\w+.,])(?:\+|00)\s?\(?[1-9]\d{0,2}\)?(?:[\s.\-/]?\(0\))?(?:[\s.\-/]{0,2}\(?\d{1,5}\)?){2,7}(?![\w])"
)


class TelefoonBuitenland(Detector):
    """An international number; it needs 8 to 15 digits (E.164), trailing groups beyond that are left."""

    cijfer_nodig = True

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        if "+" not in tekst and "00" not in tekst:
            return
        for m in _TELEFOON_BUITENLAND_RE.finditer(tekst):
            deel = m.group()
            while sum(c.isdigit() for c in deel) > 15:
                knip = max(deel.rfind(" "), deel.rfind("-"), deel.rfind("."), deel.rfind("/"))
                if knip <= 0:
                    break
                deel = deel[:knip].rstrip(" .-/(")
            cijfers = sum(c.isdigit() for c in deel)
            minimum = 8 if deel.startswith("+") else 10
            if minimum <= cijfers <= 15:
                yield Vondst(m.start(), m.start() + len(deel), "TELEFOON")


_CIJFERWOORD = r"(?:nul|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen)"
_TELEFOON_WOORDEN_RE = re.compile(rf"(?i)(?<![\w])nul(?:[\s,;-]+{_CIJFERWOORD}){{6,}}(?![\w])")


class TelefoonInWoorden(Detector):
    """A number spelled out digit by digit, from its leading zero: "nul zes, vier acht, twee twee, ..."."""

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        if "nul" in notitie.tekst.lower():
            for m in _TELEFOON_WOORDEN_RE.finditer(notitie.tekst):
                yield Vondst(m.start(), m.end(), "TELEFOON")


# Words in another script than the Latin one (Cyrillic, Greek, Armenian, Hebrew, Arabic, Ge'ez, Georgian,
# Devanagari, ...): in a Dutch note these are names written as the person writes them ("Оксана Шевченко").
_ANDER_SCHRIFT = (
    "\u0370-\u03ff\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\u0900-\u097f"
    "\u10a0-\u10ff\u1200-\u137f"
)
_ANDER_SCHRIFT_RE = re.compile(
    rf"[{_ANDER_SCHRIFT}][{_ANDER_SCHRIFT}'’-]*(?:\s+[{_ANDER_SCHRIFT}][{_ANDER_SCHRIFT}'’-]*)*"
)


class AnderSchrift(Detector):
    """Runs of words in a non-Latin script become one ``[NAAM]``."""

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        if notitie.tekst.isascii():
            return
        for m in _ANDER_SCHRIFT_RE.finditer(notitie.tekst):
            yield Vondst(m.start(), m.end(), "NAAM")


_ID_WOORD_RE = re.compile(
    r"(?i)\b(?:dossier(?:nummer|nr)?|cli[eë]nt(?:nummer|nr)|klant(?:nummer|nr)|kenmerk|zaak(?:nummer|nr)|"
    r"registratienummer|relatienummer|polisnummer|pasnummer|documentnummer|paspoortnummer|v-?nummer|"
    r"referentie(?:nummer)?)\b\.?(?:\s*(?:nr\.?|nummer))?\s*[:#]?\s*"
    r"(?P<w>(?=[a-z0-9./-]*\d)[a-z0-9][a-z0-9./-]{2,}[a-z0-9])(?![\w])"
)
_ID_RE = re.compile(r"(?<![\w.,/-])\d{7,}(?![\w]|[.,]\d)")


# ---------------------------------------------------------------------------------------------------------------
# Dates, addresses, postcodes, licence plates
# ---------------------------------------------------------------------------------------------------------------


class Geboortedatum(Detector):
    """A date, or a month and year, or a year, right after geboren/geb./geboortedatum."""

    cijfer_nodig = True

    def __init__(self, regels: Regels) -> None:
        self.r = regels

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        r = self.r
        for m in r.geboorte_re.finditer(tekst):
            for patroon in (r.datum_num, r.datum_iso, r.datum_tekst_zonder_jaar, r.geboorte_rest, r.datum_dag_maand):
                datum = patroon.match(tekst, m.end())
                if datum:
                    yield Vondst(datum.start(), datum.end(), "DATUM")
                    break


# Two-letter words and units that follow a number ("2019 en 2020", "1500 pp"); never a postcode's letters.
# fmt: off
_TWEELETTERWOORDEN = frozenset({
    "al", "ca", "de", "en", "er", "ex", "ga", "ik", "in", "is", "je", "km", "kg", "la", "me", "na", "nu", "of",
    "om", "op", "pp", "pm", "pw", "st", "te", "tm", "uw", "we", "wo", "ze", "zo", "jr", "cm", "mm", "ml", "mg", "gr",
    "kb", "mb", "gb", "am", "pa", "ma", "di", "do", "vr", "za", "ho", "ja", "nee", "ok", "oa", "ie", "hé", "he",
})
# fmt: on


class Postcode(Detector):
    """Postcodes, with the house number before or after and the city after them. A year, a space and two capitals
    ("Aangifte 2024 IB") is only a postcode with a house number, a city or an address next to it; written as one
    word ("2031BH") it is a postcode."""

    cijfer_nodig = True

    def __init__(self, regels: Regels) -> None:
        self.r = regels

    @staticmethod
    def _geloofwaardig(m: re.Match[str], notitie: Notitie) -> bool:
        pc = m.group("pc")
        if pc[:2] not in {"19", "20"} or " " not in pc or any(m.group(g) is not None for g in ("voor", "na", "stad")):
            return True
        ervoor = notitie.tekst[: m.start()].rstrip(" ,")
        return ervoor.endswith("[ADRES]") or any(
            v.categorie == "ADRES" and v.eind == len(ervoor) for v in notitie.vondsten
        )

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        beschermd = self.r.beschermd(tekst)
        for m in self.r.postcode_re.finditer(tekst):
            start = m.start("voor") if m.group("voor") is not None else m.start("pc")
            if overlapt(start, m.start("pc"), notitie.bezet):
                start = m.start("pc")
            eind = m.end("na") if m.group("na") is not None else m.end("pc")
            if not self._geloofwaardig(m, notitie):
                continue
            stad = m.group("stad")
            if stad is not None:
                eerste = stad.split()[0].lower().strip("'")
                if not (
                    overlapt(m.start("stad"), m.end("stad"), beschermd)
                    or eerste in self.r.titels
                    or eerste in {"tel", "mail", "email", "e-mail", "bel", "geb", "bsn", "iban", "nr"}
                ):
                    eind = m.end("stad")
            yield Vondst(start, eind, "POSTCODE")
        for m in self.r.postcode_woord_re.finditer(tekst):
            yield Vondst(m.start("w"), m.end("w"), "POSTCODE")
        for m in self.r.postcode_klein_re.finditer(tekst):
            if m.group("pc")[-2:] not in _TWEELETTERWOORDEN:
                yield Vondst(m.start("pc"), m.end("pc"), "POSTCODE")


class Adres(Detector):
    """Street + house number (a street without one stays); a partner's office ("Werkplein 2") is no address."""

    cijfer_nodig = True

    def __init__(self, regels: Regels) -> None:
        self.r = regels

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        beschermd = self.r.beschermd(tekst)
        for m in self.r.adres_nummer_eerst_re.finditer(tekst):
            if not overlapt(m.start("straat"), m.end("straat"), beschermd):
                yield Vondst(m.start(), m.end(), "ADRES")
        for patroon in (self.r.adres_type_eerst_re, self.r.adres_re):
            if patroon is self.r.adres_type_eerst_re and not any(w in tekst for w in self.r.straattype_eerst):
                continue
            for m in patroon.finditer(tekst):
                if overlapt(m.start("straat"), m.end("straat"), beschermd):
                    continue
                yield Vondst(m.start(), m.end(), "ADRES")


# The side codes of Dutch licence plates (RDW 1-14): L = letter, D = digit; six characters in three groups.
_ZIJDECODES = (
    "LL-DD-DD", "DD-DD-LL", "DD-LL-DD", "LL-DD-LL", "LL-LL-DD", "DD-LL-LL", "DD-LLL-D", "D-LLL-DD", "LL-DDD-L",
    "L-DDD-LL", "LLL-DD-L", "L-DD-LLL", "D-LL-DDD", "DDD-LL-D",
)  # fmt: skip


def _zijdecode(code: str, letter: str, streepje: str) -> str:
    return streepje.join("".join(letter if teken == "L" else r"\d" for teken in groep) for groep in code.split("-"))


class Kenteken(Detector):
    """A Dutch licence plate: every side code with dashes ("GH-123-K", "12-ABC-3"), in capitals or in lower case;
    without dashes only in capitals ("GH123K") or after a word like kenteken/auto. Two groups ("A-12") or digits
    only are never a plate."""

    cijfer_nodig = True

    def __init__(self, regels: Regels) -> None:
        met = "|".join(_zijdecode(c, "[A-Z]", "-") for c in _ZIJDECODES)
        met_klein = "|".join(_zijdecode(c, "[a-z]", "-") for c in _ZIJDECODES)
        zonder = "|".join(_zijdecode(c, "[A-Z]", "") for c in _ZIJDECODES)
        zonder_klein = "|".join(_zijdecode(c, "[a-zA-Z]", r"[\s-]?") for c in _ZIJDECODES)
        rand_voor, rand_na = r"(?<![\w-])", r"(?![\w]|-\w)"
        self.patroon = re.compile(rf"{rand_voor}(?:{met}|{met_klein}|{zonder}){rand_na}")
        self.na_woord = re.compile(
            r"(?i)\b(?:kenteken|nummerbord|nummerplaat|auto|scooter|brommer|busje|bus|motor|wagen)\b[^\n.]{0,20}?"
            rf"{rand_voor}(?P<w>{zonder_klein}){rand_na}"
        )

    def vind(self, notitie: Notitie) -> Iterator[Vondst]:
        tekst = notitie.tekst
        for m in self.patroon.finditer(tekst):
            yield Vondst(m.start(), m.end(), "KENTEKEN")
        for m in self.na_woord.finditer(tekst):
            if any(c.isalpha() for c in m.group("w")):
                yield Vondst(m.start("w"), m.end("w"), "KENTEKEN")


def patroonstappen(regels: Regels) -> list[tuple[str, Detector]]:
    """The fixed-form detectors, named, in priority order (ages and institutions are added by the caller)."""
    r = regels
    return [
        ("email", _Simpel(_EMAIL_RE, "EMAIL", cijfer=False)),
        ("email_verhuld", VerhuldeEmail(r)),
        ("url", Url()),
        ("account", Account(r)),
        ("iban", Iban()),
        ("bsn_na_woord", _Simpel(_BSN_WOORD_RE, "BSN", "w")),
        ("geboortedatum", Geboortedatum(r)),
        ("adres", Adres(r)),
        ("datum", _Simpel(r.datum_num, "DATUM")),
        ("datum_iso", _Simpel(r.datum_iso, "DATUM")),
        ("datum_tekst", _Simpel(r.datum_tekst, "DATUM")),
        ("telefoon", _Simpel(_TELEFOON_RE, "TELEFOON")),
        ("telefoon_buitenland", TelefoonBuitenland()),
        ("bsn", Bsn()),
        ("telefoon_in_woorden", TelefoonInWoorden()),
        ("ander_schrift", AnderSchrift()),
        ("postcode", Postcode(r)),
        ("huisnummer", _Simpel(r.huisnummer_woord_re, "ADRES")),
        ("kenteken", Kenteken(r)),
        ("id_na_woord", _Simpel(_ID_WOORD_RE, "ID", "w")),
        ("id", _Simpel(_ID_RE, "ID")),
    ]
