"""Test helper: find counts below k in what a person reads (Markdown, HTML, CSV outputs).

What counts as a count:

* every whole number in a table cell of a *breakdown* table: one whose header names a wijk or a month (or has a
  column called "wijk" or "maand"), first column excepted (it names the row);
* every whole number in a table column whose header starts with "hulpvragen" or "huishoudens" (so also
  "Hulpvragen (signaal)");
* every whole number in running text directly followed by "hulpvragen", "huishoudens" or "vragen", unless it is
  a threshold ("minstens 8 hulpvragen", "minder dan 5 hulpvragen").

The scan deliberately does not trust the report's own markers: it reads the rendered text, so a report that
forgets to suppress a cell fails it (see the planted-violation tests).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Sequence
from html.parser import HTMLParser

MAANDEN = (
    "jan", "feb", "mrt", "maa", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    "januari", "februari", "maart", "april", "juni", "juli", "augustus", "september", "oktober", "november",
    "december",
)  # fmt: skip

_GEHEEL = re.compile(r"^\s*(\d+)\s*$")
_ZIN = re.compile(r"(?<![\d,.])(\d+)\s+(hulpvragen|huishoudens|vragen)\b", re.IGNORECASE)
_DREMPEL = re.compile(r"(minstens|minimaal|minder dan|meer dan|ten minste)\s*$", re.IGNORECASE)
_MAAND = re.compile(r"\b(" + "|".join(MAANDEN) + r")\b", re.IGNORECASE)


def _is_uitsplitsing(kop: Sequence[str], wijken: Iterable[str]) -> bool:
    wijken = {w.casefold() for w in wijken}
    for cel in kop:
        tekst = cel.strip().casefold()
        if tekst in wijken or tekst in ("wijk", "maand", "geen wijk") or _MAAND.search(tekst):
            return True
    return False


def in_tabel(kop: Sequence[str], rijen: Sequence[Sequence[str]], k: int, wijken: Iterable[str], waar: str) -> list[str]:
    """Counts below ``k`` in one table (see the module docstring)."""
    fouten = []
    uitsplitsing = _is_uitsplitsing(kop, wijken)
    telkolommen = {i for i, c in enumerate(kop) if c.strip().casefold().startswith(("hulpvragen", "huishoudens"))}
    for rij in rijen:
        for i, cel in enumerate(rij):
            if i == 0 and uitsplitsing:
                continue
            if not (uitsplitsing or i in telkolommen):
                continue
            m = _GEHEEL.match(cel)
            if m and int(m.group(1)) < k:
                fouten.append(f"{waar}: {int(m.group(1))} in tabel {list(kop)} rij {list(rij)}")
    return fouten


def in_tekst(tekst: str, k: int, waar: str) -> list[str]:
    """Counts below ``k`` written in running text."""
    fouten = []
    for m in _ZIN.finditer(tekst):
        if _DREMPEL.search(tekst[max(0, m.start() - 20) : m.start()]):
            continue
        if int(m.group(1)) < k:
            begin = max(0, m.start() - 60)
            fouten.append(f"{waar}: '{tekst[begin : m.end() + 20]}'")
    return fouten


def in_markdown(tekst: str, k: int, wijken: Iterable[str], waar: str = "markdown") -> list[str]:
    wijken = list(wijken)
    fouten: list[str] = []
    regels = tekst.splitlines()
    gewoon: list[str] = []
    i = 0
    while i < len(regels):
        if regels[i].lstrip().startswith("|"):
            tabel = []
            while i < len(regels) and regels[i].lstrip().startswith("|"):
                tabel.append([c.strip() for c in re.split(r"(?<!\\)\|", regels[i].strip())[1:-1]])
                i += 1
            kop, rijen = tabel[0], [r for r in tabel[1:] if not all(set(c) <= set("-: ") for c in r)]
            fouten += in_tabel(kop, rijen, k, wijken, waar)
        else:
            gewoon.append(regels[i])
            i += 1
    return fouten + in_tekst("\n".join(gewoon), k, waar)


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tabellen: list[list[list[str]]] = []
        self.tekst: list[str] = []
        self._cel: list[str] | None = None
        self._diepte = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self._diepte += 1
            self.tabellen.append([])
        elif tag == "tr" and self._diepte:
            self.tabellen[-1].append([])
        elif tag in ("td", "th") and self._diepte:
            self._cel = []

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self._diepte -= 1
        elif tag in ("td", "th") and self._cel is not None:
            self.tabellen[-1][-1].append("".join(self._cel).strip())
            self._cel = None
        elif tag in ("p", "li", "h1", "h2", "h3", "div"):
            self.tekst.append("\n")

    def handle_data(self, data: str) -> None:
        if self._cel is not None:
            self._cel.append(data)
        elif not self._diepte:
            self.tekst.append(data)


def in_html(tekst: str, k: int, wijken: Iterable[str], waar: str = "html") -> list[str]:
    wijken = list(wijken)
    parser = _Html()
    parser.feed(tekst)
    fouten: list[str] = []
    for tabel in parser.tabellen:
        if tabel:
            fouten += in_tabel(tabel[0], tabel[1:], k, wijken, waar)
    return fouten + in_tekst("".join(parser.tekst), k, waar)


def in_csv(
    tekst: str, k: int, wijken: Iterable[str], waar: str = "csv", tekstkolommen: Sequence[str] | None = None
) -> list[str]:
    """A ``;``-separated export: columns named after a wijk or a month, and sentences in ``tekstkolommen``
    (default: every column; pass ``()`` for files whose texts are notes, not sentences about counts)."""
    wijken = list(wijken)
    rijen = list(csv.reader(io.StringIO(tekst.lstrip("\ufeff")), delimiter=";"))
    if not rijen:
        return []
    kop, rest = rijen[0], rijen[1:]
    # A column named after a wijk or a month holds a breakdown. (A column "wijk" holding names is a label.)
    namen = {w.casefold() for w in wijken}
    kolommen = [i for i, c in enumerate(kop) if c.strip().casefold() in namen or _MAAND.search(c)]
    fouten = []
    for rij in rest:
        for i in kolommen:
            m = _GEHEEL.match(rij[i]) if i < len(rij) else None
            if m and int(m.group(1)) < k:
                fouten.append(f"{waar}: {m.group(1)} in kolom {kop[i]}")
    teksten = range(len(kop)) if tekstkolommen is None else [kop.index(c) for c in tekstkolommen]
    for rij in rest:
        for i in teksten:
            fouten += in_tekst(rij[i], k, f"{waar} ({kop[i]})")
    return fouten
