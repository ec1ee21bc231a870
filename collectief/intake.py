"""Intake: read a team's export (CSV or XLSX) into typed rows, row by row, without loading it whole.

Real exports are messy, so this stage detects the encoding (utf-8, utf-8 with BOM, cp1252) and delimiter
(``;``, ``,``, tab), finds the header even below a title line, maps Dutch column names by alias (or by an
explicit mapping), parses Dutch dates and Excel serials and strips HTML from notes. Every data row ends up
either as a :class:`~collectief.records.RuweRij` or as an :class:`~collectief.records.Afwijzing` with its
reason: nothing is dropped unseen. A file that cannot be used at all raises one
:class:`~collectief.errors.CollectiefFout`.

The text in a ``RuweRij`` is not yet scrubbed; the privacy stage comes next and nothing here logs it.
"""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import html
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from collectief.errors import CollectiefFout
from collectief.records import Afwijzing, RuweRij

__all__ = ["ALIASSEN", "VELDEN", "Export", "open_export", "parse_datum", "parse_minuten", "schoon_html"]

#: Fields collectief understands, with the Dutch column names (normalised) that map to them, best first.
ALIASSEN: dict[str, tuple[str, ...]] = {
    "tekst": ("omschrijving", "hulpvraag", "vraag", "toelichting", "notitie", "notities", "tekst", "beschrijving"),
    "datum": ("datum", "registratiedatum", "aanmelddatum", "datum aanmelding", "startdatum", "datum registratie"),
    "wijk": ("wijk", "buurt", "gebied", "team", "wijkteam", "stadsdeel"),
    "huishouden": ("huishouden", "client", "clientnummer", "clientnr", "dossier", "dossiernummer", "dossiernr"),
    "minuten": ("minuten", "tijdsbesteding", "duur", "tijd", "uren", "bestede tijd"),
    "id": ("id", "vraagnummer", "registratienummer", "vraagnr", "volgnummer", "nummer", "kenmerk"),
}
VELDEN: tuple[str, ...] = tuple(ALIASSEN)

_ENCODINGS = ("utf-8-sig", "utf-8", "cp1252")
_DELIMITERS = (";", ",", "\t")
_HEADER_SEARCH_ROWS = 15
_SNIFF_BYTES = 256 * 1024
_MAX_FIELD = 1024 * 1024
_EXCEL_EPOCH = dt.date(1899, 12, 30)

csv.field_size_limit(_MAX_FIELD)


def _normaliseer_kop(naam: object) -> str:
    """'Tijdsbesteding (min)' -> 'tijdsbesteding (min)'; 'Cliënt' -> 'client'."""
    tekst = unicodedata.normalize("NFKD", str(naam if naam is not None else ""))
    tekst = "".join(c for c in tekst if not unicodedata.combining(c))
    tekst = tekst.replace("\ufeff", "").strip().lower()
    return re.sub(r"[\s_]+", " ", tekst)


def _kernwoord(kop: str) -> str:
    """The header without a unit or note in brackets: 'tijdsbesteding (min)' -> 'tijdsbesteding'."""
    return re.sub(r"\s*[\(\[].*?[\)\]]\s*", " ", kop).strip(" .:-")


def _koppel_kolommen(koppen: Sequence[object], koppeling: Mapping[str, str] | None) -> dict[str, int]:
    """Map collectief's fields to column positions, explicit mapping first, then aliases."""
    genormaliseerd = [_normaliseer_kop(k) for k in koppen]
    resultaat: dict[str, int] = {}
    for veld, kolom in (koppeling or {}).items():
        if veld not in ALIASSEN:
            raise CollectiefFout(
                "E006", koppeling=f"{veld}={kolom}", wat=f"onbekend veld '{veld}'", velden=", ".join(VELDEN)
            )
        doel = _normaliseer_kop(kolom)
        if doel not in genormaliseerd:
            gevonden = ", ".join(f"'{k}'" for k in koppen if k not in (None, ""))
            raise CollectiefFout(
                "E006",
                koppeling=f"{veld}={kolom}",
                wat=f"kolom '{kolom}' staat niet in het bestand (gevonden: {gevonden})",
                velden=", ".join(VELDEN),
            )
        resultaat[veld] = genormaliseerd.index(doel)
    bezet = set(resultaat.values())
    for veld, aliassen in ALIASSEN.items():
        if veld in resultaat:
            continue
        for alias in aliassen:
            treffers = [i for i, kop in enumerate(genormaliseerd) if i not in bezet and alias in (kop, _kernwoord(kop))]
            if treffers:
                resultaat[veld] = treffers[0]
                bezet.add(treffers[0])
                break
    return resultaat


def _toonbaar(cel: object) -> bool:
    """May this cell be shown as a column name? A long cell is probably a note, so it is never echoed."""
    tekst = str(cel).strip()
    return bool(tekst) and len(tekst) <= 40 and len(tekst.split()) <= 4


def _toonbare_kop(cel: object) -> str:
    """A header cell as it may be shown in a message."""
    return f"'{str(cel).strip()}'" if _toonbaar(cel) else "(lange tekst, niet getoond)"


def _is_kopregel(cellen: Sequence[object]) -> bool:
    return "tekst" in _koppel_kolommen(cellen, None)


def schoon_html(tekst: str) -> str:
    """Strip HTML tags and entities and fold white space: '<b>Mw.</b> belt&amp;mailt<br>' -> 'Mw. belt&mailt'."""
    if "<" in tekst or "&" in tekst:
        tekst = re.sub(r"(?i)<\s*(br|/p|/div|/li)\s*/?\s*>", " ", tekst)
        tekst = re.sub(r"</?[a-zA-Z][^<>]{0,200}>", "", tekst)
        tekst = html.unescape(tekst)
    return re.sub(r"\s+", " ", tekst).strip()


_DATUM_PATRONEN = (
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"), ("j", "m", "d")),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?: \d{1,2}:\d{2}(?::\d{2})?)?$"), ("d", "m", "j")),
    (re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})$"), ("d", "m", "jj")),
)


def parse_datum(waarde: object) -> dt.date | None:
    """Parse a date cell: ISO, dd-mm-jjjj, dd/mm/jjjj, dd-mm-jj, an Excel serial, or a date object.

    Returns ``None`` for an empty cell. Raises ``ValueError`` with a Dutch reason for a date that does not exist
    (31-02-2026) or cannot be read.
    """
    if waarde is None:
        return None
    if isinstance(waarde, dt.datetime):
        return waarde.date()
    if isinstance(waarde, dt.date):
        return waarde
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        return _excel_serial(float(waarde))
    tekst = str(waarde).strip()
    if not tekst:
        return None
    if re.fullmatch(r"\d{5}(?:[.,]\d+)?", tekst):
        return _excel_serial(float(tekst.replace(",", ".")))
    for patroon, volgorde in _DATUM_PATRONEN:
        m = patroon.match(tekst)
        if not m:
            continue
        delen = dict(zip(volgorde, (int(g) for g in m.groups()), strict=True))
        jaar = delen.get("j") or 2000 + delen["jj"]
        try:
            return dt.date(jaar, delen["m"], delen["d"])
        except ValueError:
            raise ValueError(f"datum '{tekst}' bestaat niet") from None
    raise ValueError(f"datum '{tekst}' niet herkend (gebruik dd-mm-jjjj of jjjj-mm-dd)")


def _excel_serial(serial: float) -> dt.date:
    # Excel's 1900 date system: serial 1 is 1900-01-01, counted from 1899-12-30 because of the 1900 leap bug.
    if not 1 <= serial < 2958466:
        raise ValueError(f"datum '{serial:g}' is geen geldig Excel-datumnummer")
    return _EXCEL_EPOCH + dt.timedelta(days=int(serial))


def parse_minuten(waarde: object, in_uren: bool = False) -> float | None:
    """Parse a time-spent cell to minutes: '45', '45,5', '1:30' (h:mm), or hours when the column holds hours.

    Returns ``None`` for an empty cell; raises ``ValueError`` with a Dutch reason for an unreadable one.
    """
    if waarde is None:
        return None
    if isinstance(waarde, dt.time):
        return waarde.hour * 60 + waarde.minute
    if isinstance(waarde, int | float) and not isinstance(waarde, bool):
        getal = float(waarde)
    else:
        tekst = str(waarde).strip().lower().removesuffix("min").removesuffix("minuten").strip()
        if not tekst:
            return None
        if m := re.fullmatch(r"(\d{1,3}):(\d{2})", tekst):
            return int(m.group(1)) * 60 + int(m.group(2))
        try:
            getal = float(tekst.replace(",", "."))
        except ValueError:
            raise ValueError(f"tijdsbesteding '{tekst}' is geen getal") from None
    if getal < 0 or getal != getal:
        raise ValueError(f"tijdsbesteding '{waarde}' is negatief of ongeldig")
    return getal * 60 if in_uren else getal


def _detecteer_encoding(pad: Path) -> str:
    with pad.open("rb") as f:
        begin = f.read(4)
        if begin.startswith(codecs.BOM_UTF8):
            return "utf-8-sig"
        f.seek(0)
        decoder = codecs.getincrementaldecoder("utf-8")()
        try:
            while blok := f.read(1 << 20):
                decoder.decode(blok)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return "cp1252"
    return "utf-8"


def _detecteer_scheidingsteken(voorbeeld: str) -> str:
    regels = [r for r in voorbeeld.splitlines()[: _HEADER_SEARCH_ROWS + 5] if r.strip()]
    try:
        return csv.Sniffer().sniff("\n".join(regels), delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        tellingen = {d: sum(r.count(d) for r in regels) for d in _DELIMITERS}
        return max(_DELIMITERS, key=lambda d: tellingen[d])


class _TellendeLezer(io.RawIOBase):
    """A binary reader that counts the bytes handed out, for a progress bar."""

    def __init__(self, onderliggend: IO[bytes]) -> None:
        self._f = onderliggend
        self.gelezen = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        n = self._f.readinto(buffer)  # type: ignore[attr-defined]
        self.gelezen += n or 0
        return n or 0

    def close(self) -> None:
        self._f.close()
        super().close()


@dataclass
class Export:
    """An opened export: the column mapping is known and validated; :meth:`rijen` streams the data rows."""

    pad: Path
    soort: str
    kolommen: dict[str, str]
    _posities: dict[str, int]
    _kop_index: int
    encoding: str | None = None
    scheidingsteken: str | None = None
    grootte: int = 0
    gelezen: int = 0
    lege_regels_einde: int = 0
    #: Usable rows with an unreadable side field (kept, field left empty), filled while :meth:`rijen` runs.
    waarschuwingen: list[Afwijzing] = field(default_factory=list)
    _teller: _TellendeLezer | None = field(default=None, repr=False)

    @property
    def voortgang(self) -> float:
        """Share of the file read so far, 0..1."""
        if self._teller is not None:
            self.gelezen = self._teller.gelezen
        return min(1.0, self.gelezen / self.grootte) if self.grootte else 1.0

    def _cellen(self) -> Iterator[Sequence[object]]:
        if self.soort == "xlsx":
            yield from _xlsx_regels(self.pad)
            return
        with self.pad.open("rb") as ruw:
            self._teller = _TellendeLezer(ruw)
            buffer = io.BufferedReader(self._teller, buffer_size=1 << 16)
            tekst = io.TextIOWrapper(buffer, encoding=self.encoding, errors="replace", newline="")
            yield from csv.reader(tekst, delimiter=self.scheidingsteken or ";")

    def rijen(self) -> Iterator[RuweRij | Afwijzing]:
        """Yield every data row below the header, in file order, as a usable row or a rejection."""
        regels = self._cellen()
        for _ in range(self._kop_index + 1):
            next(regels, None)
        lege: list[int] = []
        rij = -1
        for cellen in regels:
            rij += 1
            if all(c is None or str(c).strip() == "" for c in cellen):
                lege.append(rij)
                continue
            # Empty lines between data rows are data rows that cannot be used; only trailing ones are not.
            for leeg in lege:
                yield Afwijzing(leeg, "lege regel: geen gegevens in deze rij")
            lege.clear()
            yield self._maak_rij(rij, cellen)
        self.lege_regels_einde = len(lege)
        if self.grootte:
            self.gelezen = self.grootte

    def _waarde(self, cellen: Sequence[object], veld: str) -> object:
        positie = self._posities.get(veld)
        if positie is None or positie >= len(cellen):
            return None
        waarde = cellen[positie]
        if isinstance(waarde, str):
            waarde = waarde.strip()
            return waarde or None
        return waarde

    def _maak_rij(self, rij: int, cellen: Sequence[object]) -> RuweRij | Afwijzing:
        bron_id = _als_tekst(self._waarde(cellen, "id"))
        ruwe_tekst = self._waarde(cellen, "tekst")
        tekst = schoon_html(str(ruwe_tekst)) if ruwe_tekst is not None else ""
        if not tekst:
            return Afwijzing(rij, "lege omschrijving: de hulpvraag heeft geen tekst", bron_id)
        if not re.search(r"[^\W\d_]", tekst):
            return Afwijzing(rij, "omschrijving bevat geen woorden (alleen cijfers of leestekens)", bron_id)
        try:
            datum = parse_datum(self._waarde(cellen, "datum"))
        except ValueError as fout:
            return Afwijzing(rij, f"ongeldige datum: {fout}", bron_id)
        try:
            in_uren = _kernwoord(_normaliseer_kop(self.kolommen.get("minuten", ""))) == "uren"
            minuten = parse_minuten(self._waarde(cellen, "minuten"), in_uren=in_uren)
            minuten_fout = None
        except ValueError as fout:
            minuten, minuten_fout = None, str(fout)
        wijk = self._waarde(cellen, "wijk")
        huishouden = self._waarde(cellen, "huishouden")
        ruwe_rij = RuweRij(
            rij=rij,
            tekst=tekst,
            datum=datum,
            wijk=str(wijk) if wijk is not None else None,
            huishouden=_als_tekst(huishouden),
            minuten=minuten,
            bron_id=bron_id,
        )
        if minuten_fout:
            self.waarschuwingen.append(Afwijzing(rij, f"{minuten_fout}; rij wel gebruikt, zonder tijd"))
        return ruwe_rij


def _als_tekst(waarde: object) -> str | None:
    if waarde is None:
        return None
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde)


def _xlsx_regels(pad: Path) -> Iterator[Sequence[object]]:
    from openpyxl import load_workbook

    werkmap = load_workbook(pad, read_only=True, data_only=True)
    try:
        blad = werkmap.worksheets[0]
        yield from blad.iter_rows(values_only=True)
    finally:
        werkmap.close()


def open_export(pad: str | Path, koppeling: Mapping[str, str] | None = None) -> Export:
    """Open an export file, find its header and map its columns; raise a Dutch error if it cannot be used.

    ``koppeling`` maps collectief's fields (:data:`VELDEN`) to the file's column names and wins over aliases.
    """
    pad = Path(pad)
    if not pad.is_file():
        raise CollectiefFout("E001", bestand=pad)
    grootte = pad.stat().st_size
    if grootte == 0:
        raise CollectiefFout("E002", bestand=pad.name)
    with pad.open("rb") as f:
        begin = f.read(_SNIFF_BYTES)
    if begin.startswith(b"PK\x03\x04"):
        return _open_xlsx(pad, koppeling, grootte)
    if begin.startswith((b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8")) or b"\x00" in begin[:8192]:
        soort = "een oud Excel-bestand (.xls)" if begin.startswith(b"\xd0\xcf\x11\xe0") else "binaire gegevens"
        raise CollectiefFout("E003", bestand=pad.name, wat=f"het bestand bevat {soort}")
    encoding = _detecteer_encoding(pad)
    voorbeeld = begin.decode(encoding, errors="replace")
    if not voorbeeld.strip():
        raise CollectiefFout("E002", bestand=pad.name)
    scheidingsteken = _detecteer_scheidingsteken(voorbeeld)
    eerste = list(csv.reader(io.StringIO(voorbeeld, newline=""), delimiter=scheidingsteken))
    volledig = grootte <= _SNIFF_BYTES
    export = _kies_kop(pad, eerste[:_HEADER_SEARCH_ROWS], koppeling, "csv", grootte, volledig)
    export.encoding, export.scheidingsteken = encoding, scheidingsteken
    return export


def _open_xlsx(pad: Path, koppeling: Mapping[str, str] | None, grootte: int) -> Export:
    try:
        regels = _xlsx_regels(pad)
        eerste = [row for _, row in zip(range(_HEADER_SEARCH_ROWS), regels, strict=False)]
        regels.close()
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as fout:
        raise CollectiefFout(
            "E003", bestand=pad.name, wat=f"het lijkt een zip-bestand maar is geen Excel-werkmap: {fout}"
        ) from None
    if not eerste:
        raise CollectiefFout("E002", bestand=pad.name)
    return _kies_kop(pad, eerste, koppeling, "xlsx", grootte, len(eerste) < _HEADER_SEARCH_ROWS)


def _kies_kop(
    pad: Path,
    eerste: list[Sequence[object]],
    koppeling: Mapping[str, str] | None,
    soort: str,
    grootte: int,
    volledig: bool,
) -> Export:
    """Find the header among the first rows (below any title lines) and build the Export.

    ``volledig`` says that ``eerste`` holds the whole file, so an empty tail means a header-only file.
    """
    niet_leeg = [r for r in eerste if any(c not in (None, "") and str(c).strip() for c in r)]
    if not niet_leeg:
        raise CollectiefFout("E002", bestand=pad.name)
    kop_index = None
    for i, cellen in enumerate(eerste):
        if koppeling and "tekst" in koppeling:
            if _normaliseer_kop(koppeling["tekst"]) in [_normaliseer_kop(c) for c in cellen]:
                kop_index = i
                break
        elif _is_kopregel(cellen):
            kop_index = i
            break
    if kop_index is None:
        # Name what the most likely header row holds, so the user can pick the right column.
        kop = max(niet_leeg[:5], key=lambda r: sum(1 for c in r if isinstance(c, str) and c.strip()))
        kolommen = ", ".join(_toonbare_kop(c) for c in kop if c not in (None, "")) or "(geen)"
        voorbeeld = next((str(c).strip() for c in kop if isinstance(c, str) and _toonbaar(c)), "Kolomnaam")
        if koppeling:
            _koppel_kolommen(kop, koppeling)  # raises E006 naming the missing column
        # The column names that may be shown, for a mapping choice (the dashboard offers them to pick from).
        koppen = tuple(dict.fromkeys(str(c).strip() for c in kop if c is not None and _toonbaar(c)))
        raise CollectiefFout("E004", bestand=pad.name, kolommen=kolommen, voorbeeld=voorbeeld, koppen=koppen)
    koppen = list(eerste[kop_index])
    posities = _koppel_kolommen(koppen, koppeling)
    onder_kop = eerste[kop_index + 1 :]
    if volledig and not any(any(c not in (None, "") and str(c).strip() for c in r) for r in onder_kop):
        raise CollectiefFout("E005", bestand=pad.name)
    return Export(
        pad=pad,
        soort=soort,
        kolommen={veld: str(koppen[i]) for veld, i in posities.items()},
        _posities=posities,
        _kop_index=kop_index,
        grootte=grootte,
    )
