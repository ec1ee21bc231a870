"""Open an export: find what kind of file it is, which sheet and header hold the data, and map the columns."""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from collectief.errors import CollectiefFout
from collectief.intake.bestanden import Tekenset, bepaal_soort, bepaal_tekenset
from collectief.intake.kolommen import (
    Koppeling,
    KopRegels,
    _geen_tekstkolom,
    begrijp_kop,
    kies_koppeling,
    profileer,
    vind_kop,
)
from collectief.intake.lezers import (
    Leesstand,
    Regel,
    _velden,
    bladen,
    csv_bestand_regels,
    csv_regels,
    gangbare_breedte,
    werkblad_regels,
)
from collectief.intake.waarden import ExcelFoutwaarde, FormuleZonderWaarde, parse_datum, parse_minuten, schoon_html
from collectief.records import Afwijzing, Inleesverslag, Kolomkandidaat, Kolomkeuze, RuweRij

__all__ = ["Export", "open_export"]

_SNIFF_BYTES = 256 * 1024
_PROEF_REGELS = 300
_DELIMITERS = (";", ",", "\t", "|")
#: Exceptions that are not a damaged file: passed on as they are. Everything else a reader raises (python-calamine
#: raises a PanicException, a BaseException, on some damaged .xls files) becomes one Dutch message.
_DOORGEVEN = (KeyboardInterrupt, SystemExit, GeneratorExit, MemoryError, CollectiefFout)
_NAAM_SOORT = {"csv": "CSV-tekst", "xlsx": "Excel-werkmap", "xls": "oude Excel-werkmap (.xls)", "ods": "ODS-rekenblad"}


@dataclass
class Export:
    """An opened export: the sheet, header and column mapping are known; :meth:`rijen` streams the data rows.

    ``kandidaten`` holds, per field, every column that could fit with the reason (for a choice in the
    dashboard); ``keuzes`` says which one was taken and why; ``meldingen`` are Dutch notes about the file.
    """

    pad: Path
    soort: str
    kolommen: dict[str, str]
    _posities: dict[str, int]
    _kopregel: int
    encoding: str | None = None
    scheidingsteken: str | None = None
    grootte: int = 0
    gelezen: int = 0
    lege_regels_einde: int = 0
    blad: str | None = None
    bladen: tuple[str, ...] = ()
    keuzes: tuple[Kolomkeuze, ...] = ()
    naamkolommen: tuple[str, ...] = ()
    huishouden_uit_naamkolom: bool = False
    meldingen: list[str] = field(default_factory=list)
    #: Usable rows with an unreadable side field (kept, field left empty), filled while :meth:`rijen` runs.
    waarschuwingen: list[Afwijzing] = field(default_factory=list)
    _breedte: int = 0
    _csv_breedte: int = 0
    _kopcellen: tuple[str, ...] = ()
    _maand_eerst: bool = False
    _in_uren: bool = False
    _stand: Leesstand = field(default_factory=Leesstand, repr=False)

    @property
    def kandidaten(self) -> dict[str, tuple[Kolomkandidaat, ...]]:
        """Per field, the columns that could fit it (best first), each with its reason."""
        return {k.veld: k.kandidaten for k in self.keuzes if k.kandidaten}

    @property
    def voortgang(self) -> float:
        """Share of the file read so far, 0..1."""
        if self.soort == "csv":
            self.gelezen = self._stand.gelezen_bytes
        return min(1.0, self.gelezen / self.grootte) if self.grootte else 1.0

    @property
    def verslag(self) -> Inleesverslag:
        """What the intake decided about the file; notes found while reading are included once :meth:`rijen`
        has run."""
        meldingen = list(self.meldingen)
        if self._stand.nul_regels:
            meldingen.append(
                f"Op {self._stand.nul_regels} regel(s) stonden NUL-tekens (onzichtbare nulbytes); die zijn verwijderd."
            )
        if self._stand.cellen_buiten:
            meldingen.append(
                f"{self._stand.cellen_buiten} cel(len) buiten de kolommen van de kopregel genegeerd (de eerste in "
                f"rij {self._stand.eerste_buiten})."
            )
        return Inleesverslag(
            soort=self.soort,
            blad=self.blad,
            bladen=self.bladen,
            encoding=self.encoding,
            scheidingsteken=self.scheidingsteken,
            kopregel=self._kopregel,
            keuzes=self.keuzes,
            naamkolommen=self.naamkolommen,
            huishouden_uit_naamkolom=self.huishouden_uit_naamkolom,
            meldingen=tuple(meldingen),
        )

    def _regels(self) -> Iterator[Regel]:
        if self.soort == "csv":
            yield from csv_bestand_regels(
                self.pad, self.encoding or "utf-8", self.scheidingsteken or ";", self._csv_breedte, self._stand
            )
            return
        try:
            yield from werkblad_regels(self.pad, self.soort, self.blad or "", self._stand)
        except _DOORGEVEN:
            raise
        except BaseException as fout:  # a workbook damaged past its first rows: one Dutch message
            raise _werkmapfout(self.pad, self.soort, fout) from None

    def rijen(self) -> Iterator[RuweRij | Afwijzing]:
        """Yield every data row below the header, in file order, as a usable row or a rejection."""
        self._stand = Leesstand()
        self.waarschuwingen.clear()
        rij = -1
        lege: list[int] = []  # empty rows since the last data row, as row numbers
        aanwezig = 0  # of those, rows the file holds (a sheet leaves most empty rows out)
        vorige = self._kopregel
        for regel in self._regels():
            if regel.nummer <= self._kopregel:
                continue
            # Rows a sheet leaves out between data rows are empty rows too.
            if self.soort != "csv":
                lege.extend(range(vorige + 1, regel.nummer))
            vorige = regel.nummer
            cellen = regel.cellen
            if regel.fout is None and len(cellen) > self._breedte:
                over = [c for c in cellen[self._breedte :] if c is not None and str(c).strip()]
                if over and self.soort == "csv":
                    yield from self._lege_rijen(lege, rij)
                    rij += len(lege) + 1
                    lege.clear()
                    aanwezig = 0
                    yield Afwijzing(
                        rij,
                        f"te veel velden ({len(cellen)}, de kopregel heeft er {self._breedte}): staat er een "
                        "scheidingsteken in de tekst zonder aanhalingstekens eromheen?",
                        regel=regel.nummer,
                    )
                    continue
                if over:
                    self._stand.cellen_buiten += len(over)
                    self._stand.eerste_buiten = self._stand.eerste_buiten or regel.nummer
                cellen = cellen[: self._breedte]
            if regel.fout is None and all(c is None or str(c).strip() == "" for c in cellen):
                lege.append(regel.nummer)
                aanwezig += 1
                continue
            # Empty lines between data rows are data rows that cannot be used; only trailing ones are not.
            yield from self._lege_rijen(lege, rij)
            rij += len(lege) + 1
            lege.clear()
            aanwezig = 0
            if regel.fout is not None:
                yield Afwijzing(rij, regel.fout, regel=regel.nummer)
            elif self._kopcellen and tuple(_naam(c) for c in cellen) == self._kopcellen[: len(cellen)]:
                # Two exports pasted one below the other: the second header is no hulpvraag.
                yield Afwijzing(rij, "herhaalde kopregel: geen hulpvraag", regel=regel.nummer)
            else:
                yield self._maak_rij(rij, regel.nummer, cellen)
        # Trailing empty rows: the ones the file holds. A sheet's gap up to a stray cell far below is not counted.
        self.lege_regels_einde = aanwezig
        if self.grootte:
            self.gelezen = self.grootte

    @staticmethod
    def _lege_rijen(lege: Sequence[int], rij: int) -> Iterator[Afwijzing]:
        for i, nummer in enumerate(lege, start=1):
            yield Afwijzing(rij + i, "lege regel: geen gegevens in deze rij", regel=nummer)

    def _waarde(self, cellen: Sequence[object], veld: str) -> object:
        positie = self._posities.get(veld)
        if positie is None or positie >= len(cellen):
            return None
        waarde = cellen[positie]
        if isinstance(waarde, str):
            waarde = waarde.strip()
            return waarde or None
        return waarde

    def _maak_rij(self, rij: int, nummer: int, cellen: Sequence[object]) -> RuweRij | Afwijzing:
        bron_id = _als_tekst(self._waarde(cellen, "id"))
        ruwe_tekst = self._waarde(cellen, "tekst")
        if isinstance(ruwe_tekst, FormuleZonderWaarde):
            return Afwijzing(
                rij,
                "omschrijving is een formule zonder opgeslagen uitkomst: open het bestand in Excel of LibreOffice, "
                "laat het herberekenen en sla het opnieuw op",
                bron_id,
                nummer,
            )
        if isinstance(ruwe_tekst, ExcelFoutwaarde):
            return Afwijzing(rij, "omschrijving bevat een foutwaarde van een formule (zoals #N/B)", bron_id, nummer)
        tekst = schoon_html(str(ruwe_tekst)) if ruwe_tekst is not None else ""
        if not tekst:
            return Afwijzing(rij, "lege omschrijving: de hulpvraag heeft geen tekst", bron_id, nummer)
        if not re.search(r"[^\W\d_]", tekst):
            return Afwijzing(rij, "omschrijving bevat geen woorden (alleen cijfers of leestekens)", bron_id, nummer)
        problemen: list[str] = []
        datum = minuten = None
        try:
            datum = parse_datum(self._waarde(cellen, "datum"), maand_eerst=self._maand_eerst)
        except ValueError as fout:
            problemen.append(str(fout))
        try:
            minuten = parse_minuten(self._waarde(cellen, "minuten"), in_uren=self._in_uren)
        except ValueError as fout:
            problemen.append(str(fout))
        wijk = self._waarde(cellen, "wijk")
        if isinstance(wijk, FormuleZonderWaarde | ExcelFoutwaarde):
            problemen.append("wijk is een formule zonder waarde")
            wijk = None
        huishouden = self._waarde(cellen, "huishouden")
        if isinstance(huishouden, FormuleZonderWaarde | ExcelFoutwaarde):
            problemen.append("huishouden is een formule zonder waarde")
            huishouden = None
        if problemen:
            self.waarschuwingen.append(
                Afwijzing(rij, "; ".join(problemen) + ": hulpvraag wel gebruikt, dat veld leeg", bron_id, nummer)
            )
        return RuweRij(
            rij=rij,
            tekst=tekst,
            datum=datum,
            wijk=" ".join(str(wijk).split()) if wijk is not None else None,
            huishouden=_als_tekst(huishouden),
            minuten=minuten,
            bron_id=bron_id,
            regel=nummer,
            huishouden_uit_naam=self.huishouden_uit_naamkolom and huishouden is not None,
        )


def _naam(cel: object) -> str:
    return " ".join(str(cel).split()).casefold() if cel is not None else ""


def _als_tekst(waarde: object) -> str | None:
    if waarde is None or isinstance(waarde, FormuleZonderWaarde | ExcelFoutwaarde):
        return None
    if isinstance(waarde, float) and waarde.is_integer():
        return str(int(waarde))
    return str(waarde).strip() or None


# ---- opening --------------------------------------------------------------------------------------------------


def open_export(pad: str | Path, koppeling: Mapping[str, str] | None = None, blad: str | None = None) -> Export:
    """Open an export file, find its sheet and header and map its columns; raise a Dutch error if it cannot
    be used.

    ``koppeling`` maps collectief's fields (``tekst``, ``datum``, ...) to the file's column names (or column
    letters) and wins over the names; ``blad`` picks a workbook's sheet by name instead of the one that holds
    the data.
    """
    pad = Path(pad)
    if not pad.is_file():
        raise CollectiefFout("E001", bestand=pad)
    grootte = pad.stat().st_size
    if grootte == 0:
        raise CollectiefFout("E002", bestand=pad.name)
    with pad.open("rb") as f:
        begin = f.read(_SNIFF_BYTES)
    soort = bepaal_soort(pad, begin).naam
    if soort == "csv":
        if blad:
            raise CollectiefFout("E021", blad=blad, bestand=pad.name, bladen="geen (het is een tekstbestand)")
        return _open_csv(pad, begin, grootte, koppeling)
    return _open_werkmap(pad, soort, grootte, koppeling, blad)


def _decodeer_proef(begin: bytes, tekenset: Tekenset, volledig: bool) -> str:
    decoder = codecs.getincrementaldecoder(tekenset.encoding)(errors="replace")
    tekst = decoder.decode(begin, final=volledig)
    return tekst.replace("\x00", "")


def _kies_scheidingsteken(regels: Sequence[str]) -> str:
    """The delimiter that splits the first lines into the same number of fields most consistently."""
    proef = [r for r in regels[:60] if r.strip()]
    beste, beste_sleutel = ";", None
    for volgorde, d in enumerate(_DELIMITERS):
        tellingen = Counter(len(_velden(r, d)) for r in proef)
        modus, aantal = tellingen.most_common(1)[0] if tellingen else (1, 0)
        if modus < 2:
            continue
        sleutel = (aantal / len(proef) >= 0.6, aantal / len(proef), modus, -volgorde)
        if beste_sleutel is None or sleutel > beste_sleutel:
            beste, beste_sleutel = d, sleutel
    return beste


def _open_csv(pad: Path, begin: bytes, grootte: int, koppeling: Mapping[str, str] | None) -> Export:
    tekenset = bepaal_tekenset(pad, begin)
    volledig = grootte <= _SNIFF_BYTES
    tekst = _decodeer_proef(begin, tekenset, volledig)
    if not tekst.strip():
        raise CollectiefFout("E002", bestand=pad.name)
    lijnen = tekst.splitlines(keepends=True)
    if not volledig and lijnen:
        lijnen = lijnen[:-1]  # the sample ends mid-line
    hint = re.fullmatch(r'"?sep=(.)"?\s*', lijnen[0]) if lijnen else None  # Excel's 'sep=;' first line
    d = hint.group(1) if hint else _kies_scheidingsteken(lijnen)
    breedte = gangbare_breedte(lijnen[:400], d)
    regels = list(csv_regels(lijnen, d, breedte))
    if not volledig and regels:
        regels = regels[:-1]  # the last record of the sample may continue beyond it
    export = _maak_export(pad, "csv", regels[: _PROEF_REGELS + 30], koppeling, grootte, volledig)
    export.encoding, export.scheidingsteken, export._csv_breedte = tekenset.encoding, d, breedte
    if tekenset.melding:
        export.meldingen.insert(0, tekenset.melding)
    return export


def _lees_proef(pad: Path, soort: str, blad: str) -> tuple[list[Regel], bool]:
    regels: list[Regel] = []
    lezer = werkblad_regels(pad, soort, blad, Leesstand())
    try:
        for regel in lezer:
            regels.append(regel)
            if len(regels) > _PROEF_REGELS + 30:
                return regels, False
    finally:
        lezer.close()
    return regels, True


def _werkmapfout(pad: Path, soort: str, fout: Exception) -> CollectiefFout:
    naam = type(fout).__name__
    if "Password" in naam or (soort == "xls" and _is_versleuteld(pad)):
        return CollectiefFout("E023", bestand=pad.name)
    if soort == "xls" and _is_word(pad):
        return CollectiefFout(
            "E020",
            bestand=pad.name,
            wat="een oud Word-document (.doc)",
            oplossing="Kopieer de tabel naar Excel en sla die op als .xlsx.",
        )
    return CollectiefFout("E024", bestand=pad.name, wat=f"de {_NAAM_SOORT[soort]} is beschadigd of onvolledig")


def _ole_namen(pad: Path) -> bytes:
    with pad.open("rb") as f:
        return f.read(4 * 1024 * 1024)


def _is_versleuteld(pad: Path) -> bool:
    return "EncryptedPackage".encode("utf-16-le") in _ole_namen(pad)


def _is_word(pad: Path) -> bool:
    return "WordDocument".encode("utf-16-le") in _ole_namen(pad)


def _open_werkmap(
    pad: Path, soort: str, grootte: int, koppeling: Mapping[str, str] | None, gevraagd: str | None
) -> Export:
    try:
        alle = bladen(pad, soort)
    except _DOORGEVEN:
        raise
    except BaseException as fout:  # every reader error becomes one Dutch message (calamine's panics too)
        raise _werkmapfout(pad, soort, fout) from None
    namen = tuple(b.naam for b in alle)
    lijst = ", ".join(f"'{n}'" for n in namen) or "(geen)"
    if gevraagd is not None:
        passend = [b for b in alle if b.naam == gevraagd] or [
            b for b in alle if b.naam.strip().casefold() == gevraagd.strip().casefold()
        ]
        if not passend:
            raise CollectiefFout("E021", blad=gevraagd, bestand=pad.name, bladen=lijst)
        volgorde = passend[:1]
    else:
        volgorde = [b for b in alle if b.zichtbaar] + [b for b in alle if not b.zichtbaar]
    eerste_fout: CollectiefFout | None = None
    for b in volgorde:
        try:
            regels, volledig = _lees_proef(pad, soort, b.naam)
        except _DOORGEVEN:
            raise
        except BaseException as fout:
            raise _werkmapfout(pad, soort, fout) from None
        if not regels:
            continue
        try:
            export = _maak_export(pad, soort, regels, koppeling, grootte, volledig)
        except CollectiefFout as fout:
            if gevraagd is not None or fout.code not in ("E004", "E005"):
                raise
            eerste_fout = eerste_fout or fout
            continue
        export.blad, export.bladen = b.naam, namen
        if len(namen) > 1:
            andere = ", ".join(f"'{n}'" for n in namen if n != b.naam)
            reden = "zelf gekozen" if gevraagd is not None else "het eerste werkblad met een tabel met hulpvragen"
            export.meldingen.insert(0, f"Werkblad '{b.naam}' gelezen ({reden}); ook in de werkmap: {andere}.")
            # Nothing lost silently: another sheet with hulpvragen is named, with how to read it.
            for ander in (x for x in alle if x.naam != b.naam and x.zichtbaar):
                if _heeft_hulpvragen(pad, soort, ander.naam):
                    export.meldingen.insert(
                        1,
                        f"Ook werkblad '{ander.naam}' bevat een tabel met hulpvragen; die is niet ingelezen. Lees "
                        f'het apart in met --blad "{ander.naam}".',
                    )
        return export
    if eerste_fout is not None and (len(namen) == 1 or gevraagd is not None):
        raise eerste_fout
    if eerste_fout is not None:
        raise CollectiefFout("E022", bestand=pad.name, bladen=lijst) from None
    raise CollectiefFout("E002", bestand=pad.name)


def _maand_eerst(regels: Sequence[Regel], positie: int) -> bool:
    """Whether a date column writes month/day/year: some values only fit that order, none only day/month."""
    dag_eerst = maand_eerst = 0
    for r in regels:
        cel = r.cellen[positie] if positie < len(r.cellen) else None
        m = re.match(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.]\d{2,4}\b", cel) if isinstance(cel, str) else None
        if m:
            eerste, tweede = int(m.group(1)), int(m.group(2))
            dag_eerst += eerste > 12 >= tweede
            maand_eerst += tweede > 12 >= eerste
    return maand_eerst > 0 and dag_eerst == 0


def _heeft_hulpvragen(pad: Path, soort: str, blad: str) -> bool:
    try:
        regels, _ = _lees_proef(pad, soort, blad)
        kop = vind_kop(regels, None)
        return kop is not None and "tekst" in kies_koppeling(kop, None, pad.name).posities and bool(kop.data)
    except _DOORGEVEN[:-1]:
        raise
    except BaseException:
        return False


def _gok_kop(regels: Sequence[Regel]) -> KopRegels:
    """No recognised header: the likeliest header row, or none (the first row is data), for the E004 message."""
    goed = [r for r in regels[:20] if r.fout is None and r.cellen]
    if not goed:
        return KopRegels(0, (), 0, tuple(regels))
    kop = max(goed[:5], key=lambda r: sum(1 for c in r.cellen if isinstance(c, str) and c.strip() and len(c) < 60))
    lang = any(isinstance(c, str) and len(c.split()) > 5 for c in kop.cellen)
    if lang:  # a note in it: the file has no header, every row is data
        breedte = max(len(r.cellen) for r in goed)
        koppen = tuple(begrijp_kop(i, "") for i in range(breedte))
        return KopRegels(0, koppen, breedte, tuple(regels))
    koppen = tuple(begrijp_kop(i, " ".join(str(c).split()) if c is not None else "") for i, c in enumerate(kop.cellen))
    return KopRegels(kop.nummer, koppen, len(koppen), tuple(r for r in regels if r.nummer > kop.nummer))


def _maak_export(
    pad: Path,
    soort: str,
    regels: list[Regel],
    koppeling: Mapping[str, str] | None,
    grootte: int,
    volledig: bool,
) -> Export:
    if not any(r.cellen and any(c is not None and str(c).strip() for c in r.cellen) for r in regels):
        raise CollectiefFout("E002", bestand=pad.name)
    kop = vind_kop(regels, koppeling)
    if kop is None:
        gok = _gok_kop(regels)
        if koppeling:
            kies_koppeling(gok, koppeling, pad.name)  # raises E006 naming the missing column, or maps it
        _geen_tekstkolom(gok, {k.positie: profileer(gok.data, k.positie) for k in gok.koppen}, set(), pad.name)
    assert kop is not None
    gekoppeld: Koppeling = kies_koppeling(kop, koppeling, pad.name)
    if volledig and not any(
        r.fout is not None or any(c is not None and str(c).strip() for c in r.cellen[: kop.breedte]) for r in kop.data
    ):
        raise CollectiefFout("E005", bestand=pad.name)
    maand_eerst = "datum" in gekoppeld.posities and _maand_eerst(kop.data, gekoppeld.posities["datum"])
    meldingen = list(gekoppeld.meldingen)
    if maand_eerst:
        meldingen.append("De datums staan als maand/dag/jaar (Amerikaans, zoals 01/13/2025) en zijn zo gelezen.")
    return Export(
        pad=pad,
        soort=soort,
        _maand_eerst=maand_eerst,
        kolommen=dict(gekoppeld.kolommen),
        _posities=dict(gekoppeld.posities),
        _kopregel=kop.nummer,
        _kopcellen=tuple(_naam(c) for c in next((r.cellen for r in regels if r.nummer == kop.nummer), ())),
        grootte=grootte,
        keuzes=gekoppeld.keuzes,
        naamkolommen=gekoppeld.naamkolommen,
        huishouden_uit_naamkolom=gekoppeld.huishouden_uit_naamkolom,
        meldingen=meldingen,
        _breedte=max(kop.breedte, max(gekoppeld.posities.values(), default=-1) + 1),
        _in_uren=gekoppeld.in_uren,
    )
