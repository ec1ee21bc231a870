"""Intake of messy exports: each fixture imitates one way real team exports go wrong."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collectief.errors import CollectiefFout
from collectief.intake import open_export, parse_datum, parse_minuten, schoon_html
from collectief.records import Afwijzing, RuweRij

FIX = Path(__file__).parent / "fixtures"


def _lees(naam: str, **kw: object) -> tuple[list[RuweRij], list[Afwijzing], object]:
    export = open_export(FIX / naam, **kw)  # type: ignore[arg-type]
    rijen = list(export.rijen())
    return [r for r in rijen if isinstance(r, RuweRij)], [r for r in rijen if isinstance(r, Afwijzing)], export


def test_excel_semicolon_cp1252_with_linebreak_and_html() -> None:
    goed, fout, export = _lees("excel_puntkomma_cp1252.csv")
    assert export.encoding == "cp1252" and export.scheidingsteken == ";"
    assert export.kolommen == {
        "tekst": "Omschrijving",
        "datum": "Registratiedatum",
        "wijk": "Wijk",
        "huishouden": "Cliëntnummer",
        "minuten": "Tijdsbesteding (min)",
    }
    assert fout == []
    assert [r.rij for r in goed] == [0, 1, 2, 3]
    assert goed[0].tekst == "Mw. heeft vragen over de huurtoeslag, café-brief niet begrepen"
    assert goed[1].tekst == "Dhr. belt ivm aanmaning; wil betalingsregeling"
    assert goed[2].tekst == 'Cl. zegt: "ik snap de brief niet" DigiD kwijt'
    assert goed[3].tekst.startswith("Zorgen over de energierekening, één maand")
    assert [r.datum for r in goed] == [dt.date(2026, 1, d) for d in (3, 4, 5, 6)]
    assert [r.minuten for r in goed] == [45, 30, None, 60]
    assert [r.huishouden for r in goed] == ["C1001", "C1002", "C1003", "C1001"]


def test_comma_utf8_bom_iso_dates() -> None:
    goed, fout, export = _lees("komma_utf8_bom.csv")
    assert export.encoding == "utf-8-sig" and export.scheidingsteken == ","
    assert export.kolommen["datum"] == "datum" and export.kolommen["huishouden"] == "dossier"
    assert len(goed) == 3 and not fout
    assert goed[0].tekst == "Moeder van baby, kindje huilt veel, slaapt slecht"
    assert goed[2].datum == dt.date(2026, 2, 3)


def test_tab_separated_hours_become_minutes() -> None:
    goed, _, export = _lees("tab_uren.txt")
    assert export.scheidingsteken == "\t"
    assert [r.minuten for r in goed] == [90.0, 30.0]
    assert [r.wijk for r in goed] == ["Centrum", "Centrum"]


def test_xlsx_header_below_title_line_with_dates_and_serial() -> None:
    goed, fout, export = _lees("titelregel.xlsx")
    assert export.kolommen["tekst"] == "Notitie" and export.kolommen["id"] == "Vraagnummer"
    assert [r.rij for r in goed] == [0, 1, 2]
    assert [r.datum for r in goed] == [dt.date(2026, 1, 15), dt.date(2026, 1, 15), dt.date(2026, 3, 17)]
    assert [r.bron_id for r in goed] == ["HV-1", "HV-2", "HV-3"]
    assert goed[2].minuten is None
    # The trailing row of Nones is not in the sheet at all (openpyxl writes no empty rows): nothing to count.
    assert fout == [] and export.lege_regels_einde == 0
    assert [r.regel for r in goed] == [4, 5, 6]  # Excel rows: title, empty row, header on row 3


def test_bad_rows_are_reported_and_add_up() -> None:
    goed, fout, export = _lees("slechte_rijen.csv")
    redenen = {a.rij: a.reden for a in fout}
    # An unreadable date keeps the hulpvraag (date left empty, reason in the warnings); no text rejects it.
    assert [r.rij for r in goed] == [0, 1, 5, 7, 8]
    assert sorted(redenen) == [2, 3, 4, 6]
    assert "lege omschrijving" in redenen[2] and "lege omschrijving" in redenen[3]
    assert "lege regel" in redenen[4]
    assert "geen woorden" in redenen[6]
    # Row numbers as a person sees them: the header is line 1.
    assert [a.regel for a in fout] == [4, 5, 6, 8]
    # accepted + rejected = every data row; trailing empty lines are counted apart, not lost.
    assert len(goed) + len(fout) == 9 and export.lege_regels_einde == 2
    waarschuwingen = {w.regel: w.reden for w in export.waarschuwingen}
    assert sorted(waarschuwingen) == [3, 7, 9]
    assert "datum bestaat niet" in waarschuwingen[3] and "datum bestaat niet" in waarschuwingen[7]
    assert "tijdsbesteding niet leesbaar" in waarschuwingen[9]
    assert goed[1].datum is None and goed[3].minuten is None
    assert goed[4].datum == dt.date(2023, 3, 15)
    # No cell content in any reason.
    for reden in [*redenen.values(), *waarschuwingen.values()]:
        assert "31-02" not in reden and "2026-13" not in reden and "veel" not in reden


def test_explicit_mapping_overrides_the_names() -> None:
    # 'Notitie medewerker' is a note (its first word says so), 'Dag' a date, 'Locatie' no field.
    goed, _, export = _lees("eigen_kolomnamen.csv")
    assert export.kolommen == {"tekst": "Notitie medewerker", "datum": "Dag"}
    goed, _, export = _lees("eigen_kolomnamen.csv", koppeling={"tekst": "Notitie medewerker", "wijk": "Locatie"})
    assert goed[0].tekst == "Vraag over DigiD" and goed[0].datum == dt.date(2026, 5, 1) and goed[0].wijk == "Oost"
    assert export.keuzes[0].reden == "zelf gekoppeld"
    # A column letter works too.
    _, _, export = _lees("eigen_kolomnamen.csv", koppeling={"wijk": "B"})
    assert export.kolommen["wijk"] == "Locatie"


@pytest.mark.parametrize(
    ("naam", "code", "in_melding"),
    [
        ("leeg.csv", "E002", "is leeg"),
        ("alleen_kop.csv", "E005", "alleen een kopregel"),
        ("geen_tekstkolom.csv", "E004", "'datum', 'wijk', 'minuten'"),
        ("binair.csv", "E003", "binaire gegevens"),
        ("bestaat_niet.csv", "E001", "bestaat niet"),
    ],
)
def test_unusable_files_raise_one_dutch_error(naam: str, code: str, in_melding: str) -> None:
    with pytest.raises(CollectiefFout) as info:
        open_export(FIX / naam)
    assert info.value.code == code
    assert in_melding in str(info.value)


def test_wrong_mapping_names_the_column_and_the_fields() -> None:
    with pytest.raises(CollectiefFout) as info:
        open_export(FIX / "komma_utf8_bom.csv", koppeling={"tekst": "Notitie"})
    assert info.value.code == "E006" and "'Notitie' staat niet in het bestand" in str(info.value)
    with pytest.raises(CollectiefFout) as info:
        open_export(FIX / "komma_utf8_bom.csv", koppeling={"tekts": "hulpvraag"})
    assert "onbekend veld 'tekts'" in str(info.value)


def test_headerless_file_does_not_echo_notes_in_the_error(tmp_path: Path) -> None:
    pad = tmp_path / "zonder_kop.csv"
    pad.write_text("01-01-2026;Oost;Mw. Jansen van de Dorpsstraat belt over haar huurtoeslag en de brief\n")
    with pytest.raises(CollectiefFout) as info:
        open_export(pad)
    melding = str(info.value)
    assert "Jansen" not in melding and "Oost" not in melding and "01-01-2026" not in melding
    # The column with free text is proposed by its letter, with what it holds (counts, not content).
    assert "--kolom tekst=C" in melding and "woorden" in melding


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        ("2026-03-01", dt.date(2026, 3, 1)),
        ("2026-03-01 14:05:00", dt.date(2026, 3, 1)),
        ("01-03-2026", dt.date(2026, 3, 1)),
        ("1/3/2026", dt.date(2026, 3, 1)),
        ("01.03.2026", dt.date(2026, 3, 1)),
        ("01-03-26", dt.date(2026, 3, 1)),
        ("46082", dt.date(2026, 3, 1)),  # Excel serial: 46082 days after 1899-12-30
        (46082, dt.date(2026, 3, 1)),
        ("", None),
        (None, None),
    ],
)
def test_parse_datum(cel: object, verwacht: dt.date | None) -> None:
    assert parse_datum(cel) == verwacht


@pytest.mark.parametrize("cel", ["31-02-2026", "2026-13-05", "gisteren", "00-01-2026"])
def test_parse_datum_rejects(cel: str) -> None:
    with pytest.raises(ValueError):
        parse_datum(cel)


@pytest.mark.parametrize(
    ("cel", "uren", "verwacht"),
    [
        ("45", False, 45.0),
        ("45,5", False, 45.5),
        ("1:30", False, 90),
        ("1,5", True, 90.0),
        (2, True, 120.0),
        ("", False, None),
    ],
)
def test_parse_minuten(cel: object, uren: bool, verwacht: float | None) -> None:
    assert parse_minuten(cel, in_uren=uren) == verwacht


def test_schoon_html() -> None:
    assert schoon_html("<b>Mw.</b> belt&amp;mailt<br>over  DigiD") == "Mw. belt&mailt over DigiD"
    assert schoon_html("geen html hier  \n nieuwe regel") == "geen html hier nieuwe regel"
    assert schoon_html("3 < 5 en 7 > 2") == "3 < 5 en 7 > 2"


def test_large_file_streams_without_loading_whole(tmp_path: Path) -> None:
    pad = tmp_path / "groot.csv"
    with pad.open("w", encoding="utf-8") as f:
        f.write("datum;omschrijving\n")
        for i in range(20000):
            f.write(f"01-01-2026;Vraag nummer {i} over de huurtoeslag\n")
    export = open_export(pad)
    rijen = export.rijen()
    eerste = next(rijen)
    assert isinstance(eerste, RuweRij) and eerste.rij == 0
    assert 0 < export.voortgang < 1  # only a buffer's worth read so far
    assert sum(1 for _ in rijen) == 19999 and export.voortgang == 1.0


def test_missing_text_column_names_the_columns_for_a_mapping_choice(tmp_path: Path) -> None:
    with pytest.raises(CollectiefFout) as info:
        open_export(FIX / "geen_tekstkolom.csv")
    assert info.value.details["koppen"] == ("datum", "wijk", "minuten")
    # Without a header, the first row is data: none of its cells is offered as a column name.
    pad = tmp_path / "zonder_kop.csv"
    pad.write_text("01-01-2026;Oost;Mw. Jansen van de Dorpsstraat belt over haar huurtoeslag en de brief\n")
    with pytest.raises(CollectiefFout) as info:
        open_export(pad)
    assert info.value.details["koppen"] == ()
