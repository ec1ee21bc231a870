"""deduce, the Dutch de-identifier, as one scrubbing step: names (and a second net for addresses, institutions).

deduce is loaded once per process and shared by every :class:`~collectief.privacy.Scrubber`. Its own fixed-form
rules are switched off (our patterns ran before it), and so is its redactor: we turn its annotations into our
own tags, with the filters described in the package docstring.
"""

from __future__ import annotations

import contextlib
import logging
import re
import threading
from collections.abc import Iterator
from typing import Any

from collectief.privacy.lexicon import Lexicon
from collectief.privacy.notitie import Notitie, Vondst, bijgesneden, min_bezet, overlapt
from collectief.privacy.regels import Regels
from collectief.privacy.stap import Stap

__all__ = ["DeduceStap", "laad_deduce", "root_logger_ongemoeid"]

_LAADSLOT = threading.Lock()
_GEDEELD: dict[str, Any] = {}

# deduce processors we do not run: its age rule (ours keeps the threshold ages), the fixed-form rules our
# patterns already cover before deduce sees the text (dates, phones, e-mail, URLs, BSN and other numbers; they
# cost a quarter of deduce's time and found nothing extra in the test notes), and its redactor (we redact from
# the annotations ourselves, with our own tags). Its "postbus" rule is off too: a P.O. box is an organisation's
# address, never a household's, and the rule cost 9% of deduce's time on long notes (bench/README.md).
# fmt: off
DEDUCE_UIT = frozenset({
    "ages", "dates", "phone_numbers", "email_addresses", "urls", "identifiers", "redactor", "postbus",
})
# fmt: on

_DEDUCE_CATEGORIE = {
    "datum": "DATUM",
    "bsn": "BSN",
    "id": "ID",
    "telefoonnummer": "TELEFOON",
    "emailadres": "EMAIL",
    "url": "URL",
    "leeftijd": "LEEFTIJD",
}
_POSTCODE_KERN_RE = re.compile(r"[1-9]\d{3}\s?[A-Za-z]{2}(?![\w])")


@contextlib.contextmanager
def root_logger_ongemoeid() -> Iterator[None]:
    """Undo what the block does to the root logger: deduce calls ``logging.basicConfig(level=DEBUG)`` on
    import, which would send every library's debug output (possibly quoting a note) to stdout."""
    root = logging.getLogger()
    handlers, niveau = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(niveau)


def laad_deduce() -> Any:
    """The process's one ``deduce.Deduce`` (building or loading its lookup tables the first time)."""
    with _LAADSLOT:
        if "deduce" not in _GEDEELD:
            with root_logger_ongemoeid():
                import deduce

                _GEDEELD["deduce"] = deduce.Deduce()
        return _GEDEELD["deduce"]


def deduce_categorie(tag: str, tekst: str) -> str | None:
    """Our tag for a deduce annotation, or None to keep its text (see the package docstring)."""
    tag = tag.lower()
    if "patient" in tag or "persoon" in tag:
        return "NAAM"
    if tag == "locatie":
        if _POSTCODE_KERN_RE.search(tekst):
            return "POSTCODE"
        return "ADRES" if any(c.isdigit() for c in tekst) else None
    if tag in {"ziekenhuis", "zorginstelling"}:
        return "INSTELLING"
    return _DEDUCE_CATEGORIE.get(tag, "ID")


class DeduceStap(Stap):
    """Run deduce on the text as the patterns left it and tag what it finds."""

    def __init__(self, regels: Regels) -> None:
        self.r = regels

    def process(self, notitie: Notitie) -> None:
        tekst = notitie.tekst
        doc = laad_deduce().deidentify(tekst, disabled=set(DEDUCE_UIT))
        beschermd = self.r.beschermd(tekst)
        for annotatie in sorted(doc.annotations, key=lambda a: (a.start_char, -a.end_char)):
            categorie = deduce_categorie(annotatie.tag, annotatie.text)
            if categorie is None:
                continue
            if categorie == "ADRES" and overlapt(annotatie.start_char, annotatie.end_char, beschermd):
                continue  # "Werkplein 2 keer": a partner's name with a number after it is no address
            if categorie == "INSTELLING" and not self._instelling_klopt(annotatie.text):
                continue
            if categorie == "POSTCODE" and _POSTCODE_KERN_RE.fullmatch(annotatie.text.strip()):
                continue  # a bare postcode: our pattern already judged it ("Aangifte 2024 IB" is none)
            for start, eind in min_bezet(annotatie.start_char, annotatie.end_char, beschermd):
                if categorie == "NAAM":
                    titel = self.r.titel_aan_begin_re.match(tekst[start:eind])
                    if titel:
                        start += titel.end()
                start, eind = bijgesneden(tekst, start, eind)
                deel = tekst[start:eind]
                if not any(c.isalnum() for c in deel):
                    continue
                if categorie == "NAAM" and not self._naam_klopt(tekst, start, deel, notitie.lexicon):
                    continue
                notitie.voeg_toe(Vondst(start, eind, categorie))
        notitie.pas_toe()

    def _instelling_klopt(self, deel: str) -> bool:
        """deduce's institution list holds generic words too ("Thuiszorg", "Apotheek"): a name needs two words or
        more, not all of them protected."""
        woorden = deel.split()
        return len(woorden) >= 2 and not all(w.lower() in self.r.beschermd_losse_woorden for w in woorden)

    def _naam_klopt(self, tekst: str, start: int, deel: str, lexicon: Lexicon) -> bool:
        """Filter deduce's name hits that are no names in wijkteam notes."""
        if deel.lower() in self.r.tussenvoegsels:
            return False
        if len(deel) <= 5 and not any(c.islower() for c in deel):
            return False  # an acronym: "collega SHV", "via POH"
        # A capitalised adverb or verb opening a sentence ("Pas bevallen") that is also a surname.
        zinsbegin = not tekst[:start].strip() or tekst[:start].rstrip()[-1] in ".!?:;\n"
        if not zinsbegin or " " in deel or lexicon.is_voornaam(deel):
            return True
        if lexicon.is_functiewoord(deel):
            return False
        # A noun opening a sentence that is also a surname ("Storm vorige week, schade aan dak") is a name only
        # when a verb follows ("Bakker belt").
        volgend = re.match(r"\s+([^\W\d_]+)", tekst[start + len(deel) :])
        return not (lexicon.is_gewoon_woord(deel) and not (volgend and lexicon.is_werkwoordachtig(volgend.group(1))))
