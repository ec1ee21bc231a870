"""Every file teams produce: encodings, workbooks, sheets, two-row headers, broken rows and row numbers."""

from __future__ import annotations

import datetime as dt
import time
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook

from collectief.errors import CollectiefFout
from collectief.intake import open_export
from collectief.records import Afwijzing, RuweRij
from tests.werkmappen import Formule, schrijf_ods

KOP = "Datum aanmelding;Wijk;Cliëntnummer;Tijd (uren);Omschrijving hulpvraag\r\n"
RIJEN = [
    "02-01-2025;Oost;C1;1,5;Cliënte heeft vragen over de huurtoeslag en de brief van de Belastingdienst\r\n",
    "1 januari 2025;Noord;C2;1u30;Meneer zit met schulden en een aanmaning van de energieleverancier\r\n",
    "do 2 jan 2025;Centrum;C3;01:30;Jonge moeder zoekt contact met andere ouders, café in de buurt\r\n",
    "03-01-2025;Zuid;C4;2;Mantelzorger overbelast, zorgt voor moeder met dementie, één keer per week\r\n",
]
TEKST = KOP + "".join(RIJEN)


def _lees(pad: Path, **kw: object) -> tuple[list[RuweRij], list[Afwijzing], object]:
    export = open_export(pad, **kw)  # type: ignore[arg-type]
    rijen = list(export.rijen())
    return [r for r in rijen if isinstance(r, RuweRij)], [r for r in rijen if isinstance(r, Afwijzing)], export


@pytest.mark.parametrize(
    ("encoding", "verwacht", "melding"),
    [
        ("utf-8", "utf-8", None),
        ("cp1252", "cp1252", None),
        ("cp850", "cp850", "DOS (cp850)"),
        ("mac_roman", "mac_roman", "Mac Roman"),
    ],
)
def test_legacy_encodings_are_told_apart(tmp_path: Path, encoding: str, verwacht: str, melding: str | None) -> None:
    pad = tmp_path / "e.csv"
    pad.write_bytes(TEKST.encode(encoding))
    goed, fout, export = _lees(pad)
    assert export.encoding == verwacht and not fout
    assert export.kolommen["huishouden"] == "Cliëntnummer"  # the accented header is read right, so it maps
    assert goed[0].tekst.startswith("Cliënte") and "één" in goed[3].tekst
    meldingen = export.verslag.meldingen
    assert (melding is None and not meldingen) or any(melding in m for m in meldingen)


def test_doubtful_encoding_is_said_not_guessed_silently(tmp_path: Path) -> None:
    # One byte that is a letter in every candidate code page: the choice is a guess, and the user is told.
    pad = tmp_path / "e.csv"
    pad.write_bytes(KOP.encode("utf-8") + b"02-01-2025;Oost;C1;1;Vraag over huurtoeslag " + b"\xe0\r\n")
    _, _, export = _lees(pad)
    assert any("onzeker" in m for m in export.verslag.meldingen)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_excel_unicode_text_is_utf16_with_tabs(tmp_path: Path, encoding: str) -> None:
    pad = tmp_path / "unicode.txt"
    inhoud = TEKST.replace(";", "\t")
    pad.write_bytes(inhoud.encode(encoding))  # 'utf-16' writes a BOM, 'utf-16-le' does not
    goed, fout, export = _lees(pad)
    assert export.scheidingsteken == "\t" and len(goed) == 4 and not fout
    assert [r.minuten for r in goed] == [90.0, 90.0, 90.0, 120.0]  # hours column, with written units too


def test_nul_bytes_are_stripped_with_a_warning(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_bytes(TEKST.encode().replace(b"Oost", b"Oo\x00st"))
    goed, _, export = _lees(pad)
    assert goed[0].wijk == "Oost" and len(goed) == 4
    assert any("NUL" in m for m in export.verslag.meldingen)


def test_unbalanced_quote_rejects_only_its_own_row(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_text(KOP + RIJEN[0] + '04-01-2025;Oost;C9;1;"Mw. belt over de huur\r\n' + "".join(RIJEN[1:]))
    goed, fout, _ = _lees(pad)
    assert [a.regel for a in fout] == [3] and "aanhalingsteken" in fout[0].reden
    assert [r.regel for r in goed] == [2, 4, 5, 6] and len(goed) + len(fout) == 5


def test_more_than_a_megabyte_after_a_stray_quote_does_not_crash(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    with pad.open("w", encoding="utf-8") as f:
        f.write(KOP + '04-01-2025;Oost;C9;1;"Mw. belt over de huur\r\n')
        for i in range(15000):
            f.write(f"05-01-2025;Oost;C{i};1;Vraag nummer {i} over de huurtoeslag en de brief\r\n")
    goed, fout, _ = _lees(pad)
    assert pad.stat().st_size > 1_000_000
    assert [a.regel for a in fout] == [2] and len(goed) == 15000 and goed[0].regel == 3


def test_a_quoted_note_over_several_lines_counts_its_lines(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_text(KOP + '02-01-2025;Oost;C1;1;"Eerste regel\r\ntweede regel\r\nderde"\r\n' + RIJEN[1] + ";;;;\r\n")
    goed, fout, _ = _lees(pad)
    assert [r.regel for r in goed] == [2, 5] and goed[0].tekst == "Eerste regel tweede regel derde"
    assert not fout


def test_too_many_fields_is_rejected_with_its_line(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_text(KOP + RIJEN[0] + "04-01-2025;Oost;C9;1;Mw. belt; over huur;en meer\r\n" + RIJEN[1])
    goed, fout, _ = _lees(pad)
    assert [a.regel for a in fout] == [3] and "te veel velden" in fout[0].reden and "huur" not in fout[0].reden
    assert len(goed) == 2


def test_title_lines_shift_the_row_numbers(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_text("Export hulpvragen wijkteam Oost\r\n\r\n" + KOP + RIJEN[0] + ";;;;\r\n" + RIJEN[1])
    goed, fout, export = _lees(pad)
    assert export.verslag.kopregel == 3
    assert [r.regel for r in goed] == [4, 6] and [(a.regel, a.reden[:10]) for a in fout] == [(5, "lege regel")]


def _werkmap(pad: Path) -> Path:
    werkmap = Workbook()
    voorblad = werkmap.active
    voorblad.title = "Voorblad"
    voorblad.append(["Rapportage sociaal wijkteam"])
    voorblad.append(["Gemaakt op", "12-01-2025"])
    blad = werkmap.create_sheet("Hulpvragen")
    blad.append(["Aanmelding", None, "Hulpvraag", None])
    blad.merge_cells("A1:B1")
    blad.merge_cells("C1:D1")
    blad.append(["Datum", "Wijk", "Omschrijving", "Minuten"])
    blad.append([dt.datetime(2025, 1, 2), "Oost", "Vraag over de huurtoeslag en de brief van de Belastingdienst", 30])
    blad.append([dt.datetime(2025, 1, 3), "Noord", '=CONCATENATE("a","b")', dt.time(1, 30)])
    blad.append(["jan-25", "Noord", "Schulden bij de deurwaarder en een betalingsregeling nodig", "90 min"])
    blad.append([None, None, None, None])
    blad.append(["31-02-2025", "Zuid", "Moeder zoekt contact met andere jonge ouders", "veel"])
    werkmap.create_sheet("Leeg")
    werkmap.save(pad)
    return pad


def test_workbook_picks_the_data_sheet_and_combines_merged_header_rows(tmp_path: Path) -> None:
    goed, fout, export = _lees(_werkmap(tmp_path / "w.xlsx"))
    assert export.blad == "Hulpvragen" and export.bladen == ("Voorblad", "Hulpvragen", "Leeg")
    assert any("Werkblad 'Hulpvragen' gelezen" in m for m in export.verslag.meldingen)
    assert export.kolommen == {
        "tekst": "Hulpvraag / Omschrijving",
        "datum": "Aanmelding / Datum",
        "wijk": "Aanmelding / Wijk",
        "minuten": "Hulpvraag / Minuten",
    }
    assert [r.regel for r in goed] == [3, 5, 7] and [r.minuten for r in goed] == [30, 90, None]
    assert [r.datum for r in goed] == [dt.date(2025, 1, 2), dt.date(2025, 1, 1), None]
    # The formula without a saved result is rejected for what it is, and the empty row 6 counts.
    assert [(a.regel, a.reden.split(":")[0]) for a in fout] == [
        (4, "omschrijving is een formule zonder opgeslagen uitkomst"),
        (6, "lege regel"),
    ]
    assert [w.regel for w in export.waarschuwingen] == [7]
    assert "datum bestaat niet" in export.waarschuwingen[0].reden


def test_sheet_can_be_chosen_and_a_wrong_name_is_explained(tmp_path: Path) -> None:
    pad = _werkmap(tmp_path / "w.xlsx")
    with pytest.raises(CollectiefFout) as info:
        open_export(pad, blad="Blad1")
    assert info.value.code == "E021" and "'Voorblad', 'Hulpvragen', 'Leeg'" in str(info.value)
    with pytest.raises(CollectiefFout) as info:
        open_export(pad, blad="Voorblad")
    assert info.value.code == "E004"
    assert open_export(pad, blad="hulpvragen").blad == "Hulpvragen"


def test_a_stray_cell_far_away_does_not_walk_a_million_rows(tmp_path: Path) -> None:
    pad = tmp_path / "w.xlsx"
    werkmap = Workbook()
    blad = werkmap.active
    blad.append(["Datum", "Omschrijving"])
    for i in range(5):
        blad.append([f"0{i + 1}-01-2025", f"Vraag {i} over de huurtoeslag"])
    blad["XFD1048576"] = "x"
    werkmap.save(pad)
    begin = time.perf_counter()
    goed, fout, export = _lees(pad)
    assert time.perf_counter() - begin < 5
    assert len(goed) == 5 and not fout
    assert any("buiten de kolommen" in m and "1048576" in m for m in export.verslag.meldingen)


def test_ods_is_read_with_its_dates_formulas_and_repeated_empty_rows(tmp_path: Path) -> None:
    pad = schrijf_ods(
        tmp_path / "e.ods",
        {
            "Info": [["Export uit het registratiesysteem"]],
            "Data": [
                ["Vraagnummer", "Datum", "Wijk", "Toelichting", "Tijdsbesteding"],
                [1, dt.date(2025, 2, 3), "Oost", "Vraag over huurtoeslag en de brief\nvan de gemeente", 45],
                [2, dt.date(2025, 2, 4), "West", Formule(), 30],
                [3, "5 feb 2025", "West", "Zorgen over de energierekening", "1u"],
            ],
        },
    )
    begin = time.perf_counter()
    goed, fout, export = _lees(pad)
    assert time.perf_counter() - begin < 5
    assert export.soort == "ods" and export.blad == "Data"
    assert [r.bron_id for r in goed] == ["1", "3"] and [r.regel for r in goed] == [2, 4]
    assert goed[0].tekst == "Vraag over huurtoeslag en de brief van de gemeente"
    assert [r.datum for r in goed] == [dt.date(2025, 2, 3), dt.date(2025, 2, 5)]
    assert [r.minuten for r in goed] == [45, 60]
    assert [a.regel for a in fout] == [3] and "formule" in fout[0].reden


@pytest.mark.parametrize(
    ("naam", "inhoud", "code", "woord"),
    [
        ("rapport.pdf", b"%PDF-1.7\n...", "E020", "PDF"),
        ("export.csv", b"%PDF-1.7\n...", "E020", "PDF"),  # by its bytes, not its name
        ("foto.jpg", b"\xff\xd8\xff\xe0...", "E020", "afbeelding"),
        ("oud.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "E024", "beschadigd"),
    ],
)
def test_files_that_are_no_export_get_one_dutch_message(
    tmp_path: Path, naam: str, inhoud: bytes, code: str, woord: str
) -> None:
    pad = tmp_path / naam
    pad.write_bytes(inhoud)
    with pytest.raises(CollectiefFout) as info:
        open_export(pad)
    assert info.value.code == code and woord in str(info.value)


def test_word_and_zip_are_recognised_inside_the_zip(tmp_path: Path) -> None:
    docx = tmp_path / "verslag.xlsx"  # a misleading extension
    with zipfile.ZipFile(docx, "w") as archief:
        archief.writestr("[Content_Types].xml", "<Types/>")
        archief.writestr("word/document.xml", "<w:document/>")
    with pytest.raises(CollectiefFout) as info:
        open_export(docx)
    assert info.value.code == "E020" and "Word-document" in str(info.value)
    archief_pad = tmp_path / "export.zip"
    with zipfile.ZipFile(archief_pad, "w") as archief:
        archief.writestr("export.csv", TEKST)
    with pytest.raises(CollectiefFout) as info:
        open_export(archief_pad)
    assert info.value.code == "E020" and "Pak het zip-bestand uit" in str(info.value)


def test_cli_import_says_sheet_columns_and_rows_without_cell_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from collectief.cli import main

    pad = _werkmap(tmp_path / "w.xlsx")
    code = main(["import", str(pad), "--db", str(tmp_path / "c.db"), "--stil", "--blad", "Hulpvragen"])
    uit = capsys.readouterr().out
    assert code == 0
    assert "werkblad 'Hulpvragen'" in uit and "kopregel op rij 2" in uit
    assert "rij 4: omschrijving is een formule" in uit and "rij 7: datum bestaat niet" in uit
    assert "tekst ← 'Hulpvraag / Omschrijving': kolomnaam past; vrije tekst" in uit
    assert "31-02" not in uit and "veel" not in uit.replace("gevallen", "")
    assert "Gegevensrijen: 5" in uit and "Geaccepteerd: 3" in uit and "Afgewezen: 2" in uit


@pytest.mark.parametrize(
    "naam", ["18_xlsx_plat_datumcellen.xlsx", "28_ods_plat.ods", "30_legacy.xls", "19_xlsx_voorblad.xlsx"]
)
@pytest.mark.parametrize("deel", [0.3, 0.6, 0.95])
def test_a_damaged_workbook_gets_one_dutch_message(tmp_path: Path, naam: str, deel: float) -> None:
    data = (Path(__file__).parent / "fixtures" / "exports" / "files" / naam).read_bytes()
    pad = tmp_path / naam
    pad.write_bytes(data[: int(len(data) * deel)])
    try:
        export = open_export(pad)
        list(export.rijen())
    except CollectiefFout as fout:
        assert fout.code in ("E002", "E004", "E005", "E020", "E024"), str(fout)


def test_mostly_utf8_with_a_stray_byte_stays_utf8_with_a_warning(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    inhoud = KOP + "".join(RIJEN) * 10
    pad.write_bytes(inhoud.encode() + b"05-01-2025;Oost;C5;1;Vraag over huur " + b"\xe9\r\n")
    goed, _, export = _lees(pad)
    assert export.encoding == "utf-8" and goed[0].tekst.startswith("Cliënte")
    assert any("niet leesbaar en zijn vervangen" in m for m in export.verslag.meldingen)


def test_a_second_sheet_with_hulpvragen_is_named_not_dropped_silently(tmp_path: Path) -> None:
    pad = tmp_path / "w.xlsx"
    werkmap = Workbook()
    for naam in ("2024", "2025"):
        blad = werkmap.create_sheet(naam)
        blad.append(["Datum", "Omschrijving"])
        blad.append(["02-01-2025", "Vraag over de huurtoeslag en de brief"])
    del werkmap["Sheet"]
    werkmap.save(pad)
    export = open_export(pad)
    assert export.blad == "2024"
    assert any("Ook werkblad '2025' bevat een tabel met hulpvragen" in m for m in export.verslag.meldingen)


def test_a_repeated_header_and_an_excel_sep_line(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_text("sep=;\r\n" + KOP + RIJEN[0] + KOP + RIJEN[1])
    goed, fout, export = _lees(pad)
    assert export.scheidingsteken == ";" and export.verslag.kopregel == 2
    assert [r.regel for r in goed] == [3, 5] and [(a.regel, a.reden) for a in fout] == [
        (4, "herhaalde kopregel: geen hulpvraag")
    ]


def test_american_month_day_year_is_recognised_by_the_column_and_said(tmp_path: Path) -> None:
    pad = tmp_path / "e.csv"
    pad.write_text(
        "Datum;Omschrijving\n01/13/2025;Vraag over huurtoeslag en brief\n02/01/2025;Jonge moeder zoekt contact\n"
    )
    goed, _, export = _lees(pad)
    assert [r.datum for r in goed] == [dt.date(2025, 1, 13), dt.date(2025, 2, 1)]
    assert any("maand/dag/jaar" in m for m in export.verslag.meldingen)
    # Dutch order stays the default: 02/01/2025 is 2 January.
    pad.write_text("Datum;Omschrijving\n13/01/2025;Vraag over huurtoeslag\n02/01/2025;Jonge moeder zoekt contact\n")
    goed, _, _ = _lees(pad)
    assert [r.datum for r in goed] == [dt.date(2025, 1, 13), dt.date(2025, 1, 2)]
