"""Cell values: dates and time spent as Dutch teams write them, and notes with HTML in them.

A value that cannot be read raises ``ValueError`` with a Dutch reason that names the field and the problem,
never the cell's content: the reason ends up in the terminal, in ``afgewezen.csv`` and in the database.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from collectief.intake.woorden import woorden

__all__ = ["ExcelFoutwaarde", "FormuleZonderWaarde", "parse_datum", "parse_minuten", "schoon_html"]

_EXCEL_EPOCH = dt.date(1899, 12, 30)
_TIJD = r"(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:\.\d+)?)?(?:\s*(?:Z|[+-]\d{2}:?\d{2}|uur))?)?"
_NUMERIEK = (
    (re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIJD + "$"), ("j", "m", "d")),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})" + _TIJD + "$"), ("d", "m", "j")),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})" + _TIJD + "$"), ("d", "m", "jj")),
    (re.compile(r"^(\d{4})(\d{2})(\d{2})$"), ("j", "m", "d")),
)
_WOORD_OF_GETAL = re.compile(r"[^\W\d_]+|\d+")


class FormuleZonderWaarde:
    """A spreadsheet cell holding a formula whose result was never saved (the file was not recalculated)."""

    def __repr__(self) -> str:
        return "FormuleZonderWaarde()"


class ExcelFoutwaarde:
    """A spreadsheet cell holding an error value such as ``#N/B`` or ``#WAARDE!``."""

    def __repr__(self) -> str:
        return "ExcelFoutwaarde()"


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, str) and not waarde.strip())


def _controleer_cel(waarde: object, veld: str) -> None:
    if isinstance(waarde, FormuleZonderWaarde):
        raise ValueError(f"{veld} is een formule zonder berekende waarde")
    if isinstance(waarde, ExcelFoutwaarde):
        raise ValueError(f"{veld} bevat een Excel-foutwaarde")


def parse_datum(waarde: object, maand_eerst: bool = False) -> dt.date | None:
    """Parse a date cell as a Dutch team writes it; ``None`` for an empty cell.

    Reads ISO (2025-01-02, with a time or zone), dd-mm-jjjj, dd/mm/jj, dd.mm.jjjj, jjjjmmdd, an Excel serial,
    a date or datetime object, and written dates: '1 januari 2025', '2 jan. 2025', 'do 2 jan 2025',
    '2-jan-25', 'jan-25' and 'januari 2025' (a month alone is its first day). ``maand_eerst`` reads 01/13/2025
    as an American month/day/year (for a column whose values show that order). Raises ``ValueError`` with a
    Dutch reason ("datum niet leesbaar", "datum bestaat niet") that never repeats the cell.
    """
    if _leeg(waarde):
        return None
    _controleer_cel(waarde, "datum")
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, bool):
        raise ValueError("datum niet leesbaar")
    if isinstance(waarde, int | float):
        return _excel_serial(float(waarde))
    tekst = str(waarde).strip()
    if re.fullmatch(r"\d{5}(?:[.,]\d+)?", tekst):
        return _excel_serial(float(tekst.replace(",", ".")))
    for patroon, volgorde in _NUMERIEK:
        if m := patroon.match(tekst):
            if maand_eerst and volgorde[0] == "d":
                volgorde = ("m", "d", *volgorde[2:])
            delen = dict(zip(volgorde, (int(g) for g in m.groups()), strict=True))
            return _maak_datum(delen.get("j") or _eeuw(delen["jj"]), delen["m"], delen["d"])
    return _geschreven_datum(tekst)


def _eeuw(jj: int) -> int:
    # Registration data is recent: '25' is 2025. Years above 69 are the previous century, as in Excel.
    return 1900 + jj if jj >= 70 else 2000 + jj


def _maak_datum(jaar: int, maand: int, dag: int) -> dt.date:
    try:
        return dt.date(jaar, maand, dag)
    except ValueError:
        raise ValueError("datum bestaat niet") from None


def _geschreven_datum(tekst: str) -> dt.date:
    """'do 2 jan. 2025', '1 januari 2025', '2-jan-25', 'jan-25', 'januari 2025', 'jan 2, 2025'."""
    w = woorden()
    schoon = re.sub(r"\s+\d{1,2}[:.]\d{2}(?:[:.]\d{2})?(?:\s*uur)?$", "", tekst.lower())
    delen = _WOORD_OF_GETAL.findall(schoon)
    if delen and delen[0] in w.weekdagen:
        delen = delen[1:]
    maanden = [i for i, d in enumerate(delen) if d in w.maanden]
    getallen = [d for d in delen if d.isdigit()]
    overig = [d for d in delen if not d.isdigit() and d not in w.maanden]
    if len(maanden) != 1 or overig or not 1 <= len(getallen) <= 2:
        raise ValueError("datum niet leesbaar")
    maand = w.maanden[delen[maanden[0]]]
    if len(getallen) == 1:  # 'jan-25', 'januari 2025': the month, counted from its first day
        jaar_tekst = getallen[0]
        if maanden[0] != 0 or len(jaar_tekst) not in (2, 4):
            raise ValueError("datum niet leesbaar")
        return _maak_datum(_jaar(jaar_tekst), maand, 1)
    if maanden[0] == 1:  # '2 jan 2025'
        dag_tekst, jaar_tekst = delen[0], delen[2] if len(delen) > 2 else ""
    elif maanden[0] == 0:  # 'jan 2, 2025'
        dag_tekst, jaar_tekst = delen[1], delen[2] if len(delen) > 2 else ""
    else:
        raise ValueError("datum niet leesbaar")
    if len(dag_tekst) > 2 or len(jaar_tekst) not in (2, 4):
        raise ValueError("datum niet leesbaar")
    return _maak_datum(_jaar(jaar_tekst), maand, int(dag_tekst))


def _jaar(tekst: str) -> int:
    return int(tekst) if len(tekst) == 4 else _eeuw(int(tekst))


def _excel_serial(serial: float) -> dt.date:
    # Excel's 1900 date system: serial 1 is 1900-01-01, counted from 1899-12-30 because of the 1900 leap bug.
    # Serials below 1000 (before 1902) are not registration dates but small numbers in a date column.
    if not 1000 <= serial < 2958466:
        raise ValueError("datum niet leesbaar (een getal, geen datum)")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


_UREN_MINUTEN = re.compile(r"(\d{1,3})[:.](\d{2})(?:[:.](\d{2}))?(?:\s*(?:uur|u))?")
_DUUR_DEEL = re.compile(
    r"(\d+(?:[.,]\d+)?)\s*(uren|uur|u|h|hrs|hours|minuten|min|mins|m|minutes|')?\.?", flags=re.IGNORECASE
)


def parse_minuten(waarde: object, in_uren: bool = False) -> float | None:
    """Parse a time-spent cell to minutes; ``None`` for an empty cell.

    Reads '45', '45,5', '1:30' and '01:30:00' (hours and minutes), '1,5 uur', '1u30', '1 uur 30 min',
    '90 min', an Excel time or duration cell, and bare numbers as hours when the column holds hours
    (``in_uren``). A unit written in the cell wins over the column's. Raises ``ValueError`` with a Dutch reason
    ("minuten niet leesbaar") that never repeats the cell.
    """
    if _leeg(waarde):
        return None
    _controleer_cel(waarde, "tijdsbesteding")
    if isinstance(waarde, dt.timedelta):
        return _controleer_duur(waarde.total_seconds() / 60)
    if isinstance(waarde, dt.datetime):
        if waarde.date() == dt.date(1899, 12, 30) or waarde.date() == dt.date(1899, 12, 31):
            return _controleer_duur((waarde - dt.datetime(1899, 12, 30)).total_seconds() / 60)
        raise ValueError("tijdsbesteding niet leesbaar (een datum, geen duur)")
    if isinstance(waarde, dt.time):
        return _controleer_duur(waarde.hour * 60 + waarde.minute + waarde.second / 60)
    if isinstance(waarde, bool):
        raise ValueError("tijdsbesteding niet leesbaar")
    if isinstance(waarde, int | float):
        return _controleer_duur(float(waarde) * (60 if in_uren else 1))
    tekst = str(waarde).strip().lower()
    if tekst.isdigit():  # the common case, fast
        return float(tekst) * (60 if in_uren else 1)
    # '1:30', '01:30:00', '1.30 uur' are hours and minutes; '1.5' alone is a decimal number.
    m = _UREN_MINUTEN.fullmatch(tekst)
    if m and (":" in tekst or m.group(3) or tekst.endswith(("uur", "u"))):
        uren, minuten, seconden = int(m.group(1)), int(m.group(2)), int(m.group(3) or 0)
        if minuten >= 60 or seconden >= 60:
            raise ValueError("tijdsbesteding niet leesbaar")
        return _controleer_duur(uren * 60 + minuten + seconden / 60)
    if m := re.fullmatch(r"(\d{1,3})\s*[uh]\s*(\d{1,2})(?:\s*(?:m|min|minuten))?", tekst):  # '1u30', '1h15'
        return _controleer_duur(int(m.group(1)) * 60 + int(m.group(2)))
    return _controleer_duur(_duur_in_delen(tekst, in_uren))


def _duur_in_delen(tekst: str, in_uren: bool) -> float:
    """'1,5 uur', '90 min', '1 uur 30 min', '2 uur en 15 minuten', '45'."""
    schoon = re.sub(r"\ben\b", " ", tekst).strip()
    if schoon.startswith(("-", "−")):
        raise ValueError("tijdsbesteding is negatief")
    totaal, positie, gevonden = 0.0, 0, False
    while positie < len(schoon):
        if schoon[positie].isspace():
            positie += 1
            continue
        m = _DUUR_DEEL.match(schoon, positie)
        if not m or m.end() == positie:
            raise ValueError("tijdsbesteding niet leesbaar")
        getal = float(m.group(1).replace(",", "."))
        eenheid = (m.group(2) or "").lower()
        if eenheid in woorden().uren or eenheid in ("u", "h"):
            totaal += getal * 60
        elif eenheid:
            totaal += getal
        else:
            totaal += getal * 60 if in_uren else getal
        gevonden, positie = True, m.end()
    if not gevonden:
        raise ValueError("tijdsbesteding niet leesbaar")
    return totaal


def _controleer_duur(minuten: float) -> float:
    if minuten != minuten or minuten < 0:
        raise ValueError("tijdsbesteding is negatief of ongeldig")
    return minuten


def schoon_html(tekst: str) -> str:
    """Strip HTML tags and entities and fold white space: '<b>Mw.</b> belt&amp;mailt<br>' -> 'Mw. belt&mailt'."""
    if "<" in tekst or "&" in tekst:
        tekst = re.sub(r"(?i)<\s*(br|/p|/div|/li)\s*/?\s*>", " ", tekst)
        tekst = re.sub(r"</?[a-zA-Z][^<>]{0,200}>", "", tekst)
        tekst = html.unescape(tekst)
    return re.sub(r"\s+", " ", tekst).strip()
