"""Readers: an export's rows as :class:`Regel` s, each with the row number a person sees in the file.

Every reader streams and knows the real extent of its data: a CSV is read line by line, an XLSX sheet by the
rows its XML holds (a stray cell in XFD1048576 is one row, not a million), an ODS sheet by its rows with
repeated empty rows skipped. A CSV row that is malformed (a quote that is never closed) comes out as a
``Regel`` with ``fout`` set and is never merged into the rows after it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from collectief.intake.waarden import ExcelFoutwaarde, FormuleZonderWaarde

__all__ = [
    "FORMULE",
    "FOUTWAARDE",
    "Blad",
    "Leesstand",
    "Regel",
    "TellendeLezer",
    "bladen",
    "csv_bestand_regels",
    "csv_regels",
    "gangbare_breedte",
    "werkblad_regels",
]

#: Cell value of a formula whose result was never saved, and of an Excel error value (#N/B, #WAARDE!).
FORMULE = FormuleZonderWaarde()
FOUTWAARDE = ExcelFoutwaarde()

#: Widest row kept from a spreadsheet; cells further right are counted in :class:`Leesstand`, not kept.
MAX_KOLOMMEN = 256
#: A quoted CSV field that runs over more lines or characters than this is a quote left open.
_MAX_REGELS_IN_VELD = 200
_MAX_TEKENS_IN_VELD = 256 * 1024

csv.field_size_limit(16 * 1024 * 1024)


@dataclass(frozen=True, slots=True)
class Regel:
    """One row of an export: its number as a person sees it (line in an editor, row in Excel), its cells, and
    ``fout`` (Dutch) when the row itself is malformed and its cells cannot be trusted."""

    nummer: int
    cellen: tuple[object, ...]
    fout: str | None = None


@dataclass(slots=True)
class Leesstand:
    """What a reader noticed while reading, for the warnings: NUL bytes, cells beyond the widest column."""

    nul_regels: int = 0
    cellen_buiten: int = 0
    eerste_buiten: int | None = None
    gelezen_bytes: int = 0


# ---- CSV ----------------------------------------------------------------------------------------------------


def _open_quote(regel: str, d: str, in_quote: bool) -> bool:
    """Whether a line ends inside a quoted field, by csv's rules (only a quote at a field's start opens one)."""
    if not in_quote and '"' not in regel:
        return False
    i, n, begin = 0, len(regel), True
    while i < n:
        if in_quote:
            j = regel.find('"', i)
            if j < 0:
                return True
            if j + 1 < n and regel[j + 1] == '"':
                i = j + 2
                continue
            in_quote, begin, i = False, False, j + 1
            continue
        if begin and regel[i] == '"':
            in_quote, i = True, i + 1
            continue
        j = regel.find(d, i)
        if j < 0:
            return False
        i, begin = j + 1, True
    return in_quote


def _velden(regel: str, d: str) -> list[str]:
    if '"' not in regel:
        return regel.rstrip("\r\n").split(d)
    return next(csv.reader([regel], delimiter=d), [])


def _lijkt_record(regel: str, d: str, breedte: int) -> bool:
    """A continuation line that is a complete record by itself: the quote above it was left open."""
    if breedte < 2 or regel.count('"') % 2 or _open_quote(regel, d, False):
        return False
    velden = _velden(regel, d)
    return len(velden) >= breedte and not any(v.strip() for v in velden[breedte:])


def _fysieke_regels(tekst: IO[str], stand: Leesstand) -> Iterator[str]:
    for regel in tekst:
        if "\x00" in regel:
            regel = regel.replace("\x00", "")
            stand.nul_regels += 1
        yield regel


def csv_regels(regels: Iterable[str], d: str, breedte: int, stand: Leesstand | None = None) -> Iterator[Regel]:
    """Assemble physical lines into CSV records, numbered by the line each starts on (1-based).

    ``breedte`` is the usual number of fields; a quoted field that swallows a line that is a complete record by
    itself, runs over 200 lines or 256k characters, or reaches the end of the file, was never closed: its first
    line comes out as a ``Regel`` with ``fout`` and reading resumes on the line after it.
    """
    bron = iter(regels)
    terug: deque[tuple[int, str]] = deque()
    teller = 0

    def volgende() -> tuple[int, str] | None:
        nonlocal teller
        if terug:
            return terug.popleft()
        regel = next(bron, None)
        if regel is None:
            return None
        teller += 1
        return teller, regel

    while (eerste := volgende()) is not None:
        nummer, regel = eerste
        if not _open_quote(regel, d, False):
            yield Regel(nummer, tuple(_velden(regel, d)))
            continue
        stuk, lengte, open_ = [regel], len(regel), True
        while open_:
            vervolg = volgende()
            if vervolg is None or _lijkt_record(vervolg[1], d, breedte):
                if vervolg is not None:
                    terug.appendleft(vervolg)
                break
            stuk.append(vervolg[1])
            lengte += len(vervolg[1])
            open_ = _open_quote(vervolg[1], d, True)
            if open_ and (len(stuk) > _MAX_REGELS_IN_VELD or lengte > _MAX_TEKENS_IN_VELD):
                break
        if open_:
            # Give back the swallowed lines: each is read again as a row of its own.
            for i, los in reversed(list(enumerate(stuk[1:], start=nummer + 1))):
                terug.appendleft((i, los))
            yield Regel(
                nummer,
                (),
                "aanhalingsteken niet gesloten: deze regel is niet gelezen, de regels erna wel; zet de tekst tussen "
                "aanhalingstekens of haal het losse aanhalingsteken weg",
            )
            continue
        try:
            velden = next(csv.reader(stuk, delimiter=d))
        except (csv.Error, StopIteration):
            yield Regel(nummer, (), "regel niet leesbaar als CSV")
            continue
        yield Regel(nummer, tuple(velden))


def gangbare_breedte(regels: Iterable[str], d: str) -> int:
    """The most common number of fields among lines without quotes (for :func:`csv_regels`)."""
    tellingen = Counter(r.count(d) + 1 for r in regels if '"' not in r and r.strip())
    return tellingen.most_common(1)[0][0] if tellingen else 0


class TellendeLezer(io.RawIOBase):
    """A binary reader that counts the bytes handed out, for a progress bar."""

    def __init__(self, onderliggend: IO[bytes], stand: Leesstand) -> None:
        self._f = onderliggend
        self._stand = stand

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._f.readinto(buffer)  # type: ignore[attr-defined]
        self._stand.gelezen_bytes += n or 0
        return n or 0

    def close(self) -> None:
        self._f.close()
        super().close()


def csv_bestand_regels(pad: Path, encoding: str, d: str, breedte: int, stand: Leesstand) -> Iterator[Regel]:
    """The rows of a CSV file, streamed."""
    with pad.open("rb") as ruw:
        buffer = io.BufferedReader(TellendeLezer(ruw, stand), buffer_size=1 << 16)
        tekst = io.TextIOWrapper(buffer, encoding=encoding, errors="replace", newline="")
        yield from csv_regels(_fysieke_regels(tekst, stand), d, breedte, stand)


# ---- spreadsheets -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Blad:
    """A sheet of a workbook: its name and whether Excel shows it."""

    naam: str
    zichtbaar: bool = True


def bladen(pad: Path, soort: str) -> list[Blad]:
    """The sheets of a workbook, in order."""
    if soort == "xlsx":
        from openpyxl import load_workbook

        werkmap = load_workbook(pad, read_only=True, data_only=True)
        try:
            return [Blad(ws.title, getattr(ws, "sheet_state", "visible") == "visible") for ws in werkmap.worksheets]
        finally:
            werkmap.close()
    if soort == "ods":
        return [Blad(naam) for naam in _ods_bladnamen(pad)]
    import python_calamine

    werkmap = python_calamine.CalamineWorkbook.from_path(str(pad))
    try:
        return [
            Blad(m.name, m.visible == python_calamine.SheetVisibleEnum.Visible)
            for m in werkmap.sheets_metadata
            if m.typ == python_calamine.SheetTypeEnum.WorkSheet
        ]
    finally:
        werkmap.close()


def werkblad_regels(pad: Path, soort: str, blad: str, stand: Leesstand) -> Iterator[Regel]:
    """The non-empty rows of one sheet, each with its row number in the sheet (1-based)."""
    if soort == "xlsx":
        yield from _xlsx_regels(pad, blad, stand)
    elif soort == "ods":
        yield from _ods_regels(pad, blad, stand)
    else:
        yield from _calamine_regels(pad, blad, stand)


def _rij(cellen: Iterable[tuple[int, object]], stand: Leesstand, nummer: int) -> tuple[object, ...]:
    """Cells at 1-based column positions as a tuple, cut at :data:`MAX_KOLOMMEN` (the rest counted)."""
    posities: dict[int, object] = {}
    for kolom, waarde in cellen:
        if waarde is None or waarde == "":
            continue
        if kolom > MAX_KOLOMMEN:
            stand.cellen_buiten += 1
            stand.eerste_buiten = stand.eerste_buiten or nummer
            continue
        posities[kolom] = waarde
    if not posities:
        return ()
    rij: list[object] = [None] * max(posities)
    for kolom, waarde in posities.items():
        rij[kolom - 1] = waarde
    return tuple(rij)


def _xlsx_regels(pad: Path, blad: str, stand: Leesstand) -> Iterator[Regel]:
    from openpyxl import load_workbook
    from openpyxl.worksheet._reader import WorkSheetParser
    from openpyxl.xml.constants import SHEET_MAIN_NS

    formule_tag = f"{{{SHEET_MAIN_NS}}}f"

    class _Parser(WorkSheetParser):
        """openpyxl's own sheet parser, told apart a formula without a saved result and an error value."""

        def parse_cell(self, element: Any) -> dict[str, Any]:
            cel = super().parse_cell(element)
            if cel["value"] is None and element.find(formule_tag) is not None:
                cel["value"] = FORMULE
            elif cel["data_type"] == "e":
                cel["value"] = FOUTWAARDE
            return cel

    werkmap = load_workbook(pad, read_only=True, data_only=True)
    try:
        ws = werkmap[blad]
        with ws._get_source() as bron:
            parser = _Parser(
                bron,
                ws._shared_strings,
                data_only=True,
                epoch=werkmap.epoch,
                date_formats=werkmap._date_formats,
                timedelta_formats=werkmap._timedelta_formats,
            )
            for nummer, cellen in parser.parse():
                rij = _rij(((c["column"], c["value"]) for c in cellen), stand, nummer)
                if rij:
                    yield Regel(nummer, rij)
    finally:
        werkmap.close()


def _calamine_regels(pad: Path, blad: str, stand: Leesstand) -> Iterator[Regel]:
    import python_calamine

    werkmap = python_calamine.CalamineWorkbook.from_path(str(pad))
    try:
        ws = werkmap.get_sheet_by_name(blad)
        begin = ws.start
        if begin is None:
            return
        eerste_rij, eerste_kolom = begin
        for i, cellen in enumerate(ws.iter_rows()):
            nummer = eerste_rij + i + 1
            rij = _rij(((eerste_kolom + j + 1, _calamine_waarde(c)) for j, c in enumerate(cellen)), stand, nummer)
            if rij:
                yield Regel(nummer, rij)
    finally:
        werkmap.close()


def _calamine_waarde(waarde: object) -> object:
    if isinstance(waarde, str) and waarde.startswith("#") and waarde.upper() in _FOUTWAARDEN:
        return FOUTWAARDE
    return waarde


_FOUTWAARDEN = {"#N/A", "#N/B", "#VALUE!", "#WAARDE!", "#REF!", "#VERW!", "#DIV/0!", "#DEEL/0!", "#NAME?", "#NAAM?",
                "#NUM!", "#GETAL!", "#NULL!", "#LEEG!"}  # fmt: skip


# ---- ODS: LibreOffice's own format, read as the XML it is -------------------------------------------------

_TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_T = f"{{{_TABLE}}}"
_O = f"{{{_OFFICE}}}"
_MAX_HERHAALDE_RIJEN = 1000


def _ods_bladnamen(pad: Path) -> list[str]:
    from xml.etree.ElementTree import iterparse

    namen = []
    with zipfile.ZipFile(pad) as archief, archief.open("content.xml") as bron:
        for _, element in iterparse(bron, events=("start",)):
            if element.tag == _T + "table":
                namen.append(element.get(_T + "name", f"Blad{len(namen) + 1}"))
    return namen


def _ods_alinea(element: Any) -> str:
    delen = [element.text or ""]
    for kind in element:
        if kind.tag == f"{{{_TEXT}}}s":
            delen.append(" " * int(kind.get(f"{{{_TEXT}}}c", "1")))
        elif kind.tag in (f"{{{_TEXT}}}line-break", f"{{{_TEXT}}}tab"):
            delen.append(" ")
        else:
            delen.append(_ods_alinea(kind))
        delen.append(kind.tail or "")
    return "".join(delen)


def _ods_tekst(cel: Any) -> str:
    return "\n".join(_ods_alinea(alinea) for alinea in cel.iter(f"{{{_TEXT}}}p"))


def _ods_waarde(cel: Any) -> object:
    soort = cel.get(_O + "value-type")
    if soort is None:
        return FORMULE if cel.get(_T + "formula") else None
    if soort in ("float", "percentage", "currency"):
        return float(cel.get(_O + "value", "nan"))
    if soort == "date":
        tekst = cel.get(_O + "date-value", "")
        try:
            return dt.datetime.fromisoformat(tekst) if "T" in tekst else dt.date.fromisoformat(tekst)
        except ValueError:
            return _ods_tekst(cel)
    if soort == "time":
        m = re.fullmatch(r"-?PT?(\d+)H(\d+)M(\d+(?:\.\d+)?)S", cel.get(_O + "time-value", ""))
        if m:
            return dt.timedelta(hours=int(m.group(1)), minutes=int(m.group(2)), seconds=float(m.group(3)))
        return _ods_tekst(cel)
    if soort == "boolean":
        return cel.get(_O + "boolean-value") == "true"
    tekst = _ods_tekst(cel)
    if tekst.startswith(("Err:", "#")) and cel.get(_T + "formula"):
        return FOUTWAARDE
    return tekst


def _ods_regels(pad: Path, blad: str, stand: Leesstand) -> Iterator[Regel]:
    from xml.etree.ElementTree import iterparse

    with zipfile.ZipFile(pad) as archief, archief.open("content.xml") as bron:
        in_blad, nummer = False, 0
        for gebeurtenis, element in iterparse(bron, events=("start", "end")):
            if element.tag == _T + "table":
                if gebeurtenis == "start":
                    in_blad = element.get(_T + "name") == blad
                elif in_blad:
                    return
                else:
                    element.clear()
                continue
            if not in_blad or gebeurtenis != "end" or element.tag != _T + "table-row":
                continue
            herhaald = int(element.get(_T + "number-rows-repeated", "1"))
            cellen, kolom = [], 1
            for cel in element:
                if cel.tag not in (_T + "table-cell", _T + "covered-table-cell"):
                    continue
                breed = int(cel.get(_T + "number-columns-repeated", "1"))
                waarde = _ods_waarde(cel) if cel.tag == _T + "table-cell" else None
                if waarde is not None and waarde != "":
                    cellen.extend((kolom + k, waarde) for k in range(min(breed, MAX_KOLOMMEN + 1)))
                kolom += breed
            element.clear()
            rij = _rij(cellen, stand, nummer + 1)
            if rij:
                for k in range(min(herhaald, _MAX_HERHAALDE_RIJEN)):
                    yield Regel(nummer + 1 + k, rij)
            nummer += herhaald
