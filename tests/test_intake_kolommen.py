"""Column mapping as a person would do it: by the words of a column's name and by what the column holds."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectief.errors import CollectiefFout
from collectief.intake import open_export
from collectief.intake.kolommen import begrijp_kop, kop_woorden, lijkt_naam
from collectief.records import RuweRij

NOTITIES = [
    "Mevrouw heeft vragen over de huurtoeslag en de brief van de Belastingdienst",
    "Meneer zit met schulden en een aanmaning van de energieleverancier",
    "Jonge moeder zoekt contact met andere ouders in de wijk",
    "Mantelzorger overbelast, zorgt voor moeder met dementie",
    "Vraag over samenwonen en de gevolgen voor de bijstand",
    "Schimmel in de badkamer, de corporatie reageert niet",
]


@pytest.mark.parametrize(
    ("kop", "veld"),
    [
        ("Omschrijving hulpvraag", "tekst"),
        ("Korte omschrijving van de vraag", "tekst"),
        ("Korte omschrijving\nvan de vraag", "tekst"),
        ("Notitie medewerker", "tekst"),
        ("Toelichting", "tekst"),
        ("Datum aanmelding", "datum"),
        ("Datum hulpvraag", "datum"),
        ("Registratiedatum", "datum"),
        ("Aanmelddatum", "datum"),
        ("Tijd (uren)", "minuten"),
        ("Tijdsbesteding (min)", "minuten"),
        ("Aantal minuten", "minuten"),
        ("Cliëntnummer", "huishouden"),
        ("Cliënt nummer", "huishouden"),
        ("Nummer cliënt", "huishouden"),
        ("Dossiernr.", "huishouden"),
        ("Wijk cliënt", "wijk"),
        ("Wijk / buurt", "wijk"),
        ("Gebied (wijk)", "wijk"),
        ("Vraagnummer", "id"),
        ("Vraag nr", "id"),
        ("Hulpvraag ID", "id"),
        ("Volgnummer", "id"),
    ],
)
def test_column_names_of_several_words(kop: str, veld: str) -> None:
    begrepen = begrijp_kop(0, kop)
    assert begrepen.soort is None
    assert max(begrepen.scores, key=lambda v: begrepen.scores[v]) == veld and begrepen.scores[veld] == 3


@pytest.mark.parametrize(
    ("kop", "soort"),
    [
        ("Hulpvraag categorie", "categorie"),
        ("Hulpvraagcategorie", "categorie"),
        ("Soort hulpvraag", "categorie"),
        ("Type vraag", "categorie"),
        ("Naam cliënt", "naam"),
        ("Cliëntnaam", "naam"),
        ("Achternaam", "naam"),
        ("Medewerker", "medewerker"),
        ("Geboortedatum", "persoonsgegeven"),
        ("Postcode", "persoonsgegeven"),
        ("BSN", "persoonsgegeven"),
        ("Tijdstip", "tijdstip"),
    ],
)
def test_columns_that_are_never_mapped_by_name(kop: str, soort: str) -> None:
    assert begrijp_kop(0, kop).soort == soort


def test_words_ignore_accents_punctuation_and_line_breaks() -> None:
    assert kop_woorden("Cliënt-\nnummer") == ("client", "nummer")
    assert kop_woorden("Tijd (uren)") == ("tijd", "uren")
    assert begrijp_kop(0, "Tijd (uren)").in_uren and not begrijp_kop(0, "Tijd (min)").in_uren


@pytest.mark.parametrize(
    ("tekst", "naam"),
    [
        ("Jan de Vries", True),
        ("Fatima El Amrani", True),
        ("J. Jansen", True),
        ("Vries, J. de", True),
        ("Mw. Bakker", False),  # one name after a form of address: too little to call a column a name column
        ("Oud Noord", False),
        ("C1001", False),
        ("Vraag over huurtoeslag", False),
        ("Financiën", False),
    ],
)
def test_what_looks_like_a_person_name(tekst: str, naam: bool) -> None:
    assert lijkt_naam(tekst) is naam


def _schrijf(pad: Path, kop: list[str], rijen: list[list[str]]) -> Path:
    pad.write_text("\n".join(";".join(r) for r in [kop, *rijen]) + "\n", encoding="utf-8")
    return pad


def test_free_text_beats_a_short_category_column_named_hulpvraag(tmp_path: Path) -> None:
    categorieen = ["Financiën", "Wonen", "Financiën", "Opvoeding", "Zorg", "Wonen"]
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Datum", "Hulpvraag", "Toelichting"],
        [[f"0{i + 1}-02-2025", c, t] for i, (c, t) in enumerate(zip(categorieen, NOTITIES, strict=True))],
    )
    export = open_export(pad)
    assert export.kolommen["tekst"] == "Toelichting"
    keuze = export.keuzes[0]
    assert keuze.veld == "tekst" and [k.kolom for k in keuze.kandidaten] == ["'Toelichting'", "'Hulpvraag'"]
    assert "vrije tekst" in keuze.reden and "categorie" in keuze.reden
    assert not any(c in keuze.reden for c in categorieen)  # counts and kinds, never the values


def test_duplicate_column_names_are_decided_by_content_and_said(tmp_path: Path) -> None:
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Datum", "Omschrijving", "Omschrijving"],
        [[f"0{i + 1}-02-2025", "Financiën", t] for i, t in enumerate(NOTITIES)],
    )
    export = open_export(pad)
    rijen = [r for r in export.rijen() if isinstance(r, RuweRij)]
    assert rijen[0].tekst == NOTITIES[0]
    assert "2 kolommen heten 'Omschrijving'" in export.keuzes[0].reden and "niet kolom B" in export.keuzes[0].reden


@pytest.mark.parametrize("kop", ["Verslag", "Inhoud", "Bijzonderheden", "Kolom3"])
def test_no_fitting_name_proposes_a_column_by_content(tmp_path: Path, kop: str) -> None:
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Registratiedatum", "Locatie", kop],
        [[f"0{i + 1}-02-2025", "Oost", t] for i, t in enumerate(NOTITIES)],
    )
    with pytest.raises(CollectiefFout) as info:
        open_export(pad)
    melding = str(info.value)
    # Proposed by its content and named; never the date column, never a value from the column.
    assert info.value.code == "E004" and info.value.details["voorgesteld"] == kop
    assert f"--kolom tekst={kop}" in melding and "tekst=Registratiedatum" not in melding
    assert info.value.details["koppeling"] == {"datum": "Registratiedatum"}
    assert not any(n[:20] in melding for n in NOTITIES)


def test_a_name_column_is_reported_and_only_passed_on_as_household(tmp_path: Path) -> None:
    namen = ["Jan de Vries", "Fatima El Amrani", "Pieter Bakker", "Anna Jansen", "Mohamed Yilmaz", "Els van Dam"]
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Datum", "Cliënt", "Omschrijving"],
        [[f"0{i + 1}-02-2025", n, t] for i, (n, t) in enumerate(zip(namen, NOTITIES, strict=True))],
    )
    export = open_export(pad)
    assert export.naamkolommen == ("Cliënt",) and export.huishouden_uit_naamkolom
    assert "kolom 'Cliënt' bevat namen en wordt niet opgeslagen" in export.verslag.meldingen
    rijen = [r for r in export.rijen() if isinstance(r, RuweRij)]
    assert all(r.huishouden_uit_naam for r in rijen)
    # With a real household column next to it, the names are not used at all.
    pad = _schrijf(
        tmp_path / "f.csv",
        ["Datum", "Naam", "Dossiernummer", "Omschrijving"],
        [[f"0{i + 1}-02-2025", n, f"D{i}", t] for i, (n, t) in enumerate(zip(namen, NOTITIES, strict=True))],
    )
    export = open_export(pad)
    assert export.kolommen["huishouden"] == "Dossiernummer" and not export.huishouden_uit_naamkolom
    assert export.naamkolommen == ("Naam",)
    assert all(r.huishouden.startswith("D") and not r.huishouden_uit_naam for r in export.rijen())  # type: ignore[union-attr]


def test_a_wijk_column_with_two_capitalised_words_is_no_name_column(tmp_path: Path) -> None:
    wijken = ["Oud Noord", "Nieuw West", "Oud Noord", "Centrum Oost", "Nieuw West", "Oud Noord"]
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Datum", "Gebied", "Omschrijving"],
        [[f"0{i + 1}-02-2025", w, t] for i, (w, t) in enumerate(zip(wijken, NOTITIES, strict=True))],
    )
    export = open_export(pad)
    assert export.kolommen["wijk"] == "Gebied" and export.naamkolommen == ()


def test_unparseable_date_column_is_not_taken_by_its_name(tmp_path: Path) -> None:
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Datum", "Omschrijving"],
        [["Oost", t] for t in NOTITIES],
    )
    assert "datum" not in open_export(pad).kolommen


def test_the_import_report_names_the_name_column(tmp_path: Path) -> None:
    from collectief.importer import lees_gescrubd

    namen = ["Jan de Vries", "Fatima El Amrani", "Pieter Bakker", "Anna Jansen", "Mohamed Yilmaz", "Els van Dam"]
    pad = _schrijf(
        tmp_path / "e.csv",
        ["Datum", "Naam cliënt", "Dossier", "Omschrijving"],
        [[f"0{i + 1}-02-2025", n, f"D{i}", t] for i, (n, t) in enumerate(zip(namen, NOTITIES, strict=True))],
    )
    hulpvragen, rapport = lees_gescrubd(pad)
    assert rapport.naamkolommen == ("Naam cliënt",) and rapport.inlezen is not None
    assert not rapport.inlezen.huishouden_uit_naamkolom
    assert not any(n in h.tekst or n == h.huishouden for h in hulpvragen for n in namen)
