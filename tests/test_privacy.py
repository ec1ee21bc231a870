"""Tests for the privacy stage: recall on hand-written wijkteam notes, one case per pattern, counts, idempotency.

deduce loads once for this module (module-scoped fixture): about 7 s from its cache, about 1.5 minutes the very
first time after installing it.
"""

from __future__ import annotations

import json
import logging
import re
from pathlib import Path

import pytest

from collectief.privacy import TAGS, Scrubber, scrub_text, warm_up
from collectief.privacy.deduce_stap import root_logger_ongemoeid
from collectief.privacy.regels import elfproef
from collectief.records import ScrubTelling

CASES: list[dict] = json.loads((Path(__file__).parent / "data" / "pii_cases.json").read_text(encoding="utf-8"))

# Theme words and organisation names from the brief that must survive scrubbing anywhere in a note.
THEMAWOORDEN = [
    "huurtoeslag", "huursubsidie", "zorgtoeslag", "Belastingdienst", "Dienst Toeslagen", "woningcorporatie",
    "DigiD", "kostendelersnorm", "voedselbank", "Voedselbank", "schuldhulpverlening", "SchuldHulpMaatje",
    "Humanitas", "deurwaarder", "UWV", "SVB", "Werkplein", "Juridisch Loket", "consultatiebureau", "CJG", "JGZ",
    "Veilig Thuis", "Leergeld", "bibliotheek", "Taalhuis", "huisarts", "POH-GGZ", "bijstand", "AOW", "regiotaxi",
    "Wmo", "IND", "DUO", "mantelzorgsteunpunt", "wijkteam", "Centrum", "Oost", "Noord", "Zuidwest",
]  # fmt: skip

TAG_RE = re.compile(r"\[[^\[\]]*\]")


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber()


def _uit(scrubber: Scrubber, tekst: str) -> str:
    return scrubber.scrub(tekst)[0]


# ---------------------------------------------------------------------------------------------------------------
# The hand-written notes
# ---------------------------------------------------------------------------------------------------------------


def test_cases_file_is_well_formed() -> None:
    assert len(CASES) >= 45
    categorieen = {cat for case in CASES for _, cat in case["pii"]}
    # The original eleven tags; the newer ones (KENTEKEN, ACCOUNT, INSTELLING) are covered by pii_hard.json.
    oud = set(TAGS) - {"KENTEKEN", "ACCOUNT", "INSTELLING"}
    assert categorieen == oud, f"niet gedekt: {oud - categorieen}"
    assert sum(1 for case in CASES if not case["pii"]) >= 5
    for case in CASES:
        for deel, categorie in case["pii"]:
            assert deel in case["tekst"], deel
            assert categorie in TAGS, categorie
        for deel in case.get("known_failures", {}):
            assert deel in [p for p, _ in case["pii"]], f"known failure {deel!r} is no PII string of its case"


def test_recall_on_hand_written_notes(scrubber: Scrubber) -> None:
    totaal, gemist, bekende = 0, [], []
    for case in CASES:
        uit = _uit(scrubber, case["tekst"])
        bekend = case.get("known_failures", {})
        for deel, categorie in case["pii"]:
            totaal += 1
            if deel in uit:
                (bekende if deel in bekend else gemist).append((deel, categorie, uit))
            else:
                # A known failure that no longer fails should leave the list, so the list stays honest.
                assert deel not in bekend, f"{deel!r} wordt nu wel verwijderd: haal het uit known_failures"
    recall = 1 - (len(gemist) + len(bekende)) / totaal
    for deel, categorie, uit in gemist + bekende:
        print(f"GEMIST {categorie:9} {deel!r:30} in: {uit}")
    print(f"recall {recall:.3f} over {totaal} PII-strings ({len(bekende)} bekende missers)")
    assert not gemist, f"onverwacht gemist: {[(d, c) for d, c, _ in gemist]}"
    assert recall >= 0.95


@pytest.mark.parametrize("case", [c for c in CASES if c["moet_blijven"]], ids=lambda c: c["tekst"][:40])
def test_moet_blijven_survives(scrubber: Scrubber, case: dict) -> None:
    uit = _uit(scrubber, case["tekst"])
    for woord in case["moet_blijven"]:
        assert woord in uit, f"{woord!r} verdwenen: {uit}"


@pytest.mark.parametrize("woord", THEMAWOORDEN)
def test_theme_words_survive(scrubber: Scrubber, woord: str) -> None:
    # in the middle of a sentence, at its start, and right after a title
    for tekst in (
        f"mw. belt over {woord}, wil hulp.",
        f"{woord} gebeld, cl. wacht op antwoord.",
        f"Dhr. {woord} heeft gebeld.",
    ):
        uit = _uit(scrubber, tekst)
        assert woord in uit, f"{woord!r} verdwenen: {uit}"
    assert _uit(scrubber, f"mw. belt over {woord}, wil hulp.") == f"mw. belt over {woord}, wil hulp."


@pytest.mark.parametrize(
    "tekst",
    [
        "mw. belt over huurtoeslag",
        "dhr. komt langs ivm brief UWV",
        "cl. heeft vragen over de kostendelersnorm",
        "Mw. vraagt hulp bij DigiD",
        "HB gepland i.o.m. collega, mw. wil geen hulp",
        "Buurman klaagt over overlast, bemiddeling aangeboden",
    ],
)
def test_titles_and_plain_notes_are_left_alone(scrubber: Scrubber, tekst: str) -> None:
    assert _uit(scrubber, tekst) == tekst


# ---------------------------------------------------------------------------------------------------------------
# One pattern at a time, outputs checked by hand
# ---------------------------------------------------------------------------------------------------------------

PATRONEN = [
    # IBAN: NL with and without spaces or capitals, foreign ones only with a valid mod-97 check
    ("IBAN NL91 ABNA 0417 1643 00 graag", "IBAN [IBAN] graag"),
    ("rek NL91ABNA0417164300.", "rek [IBAN]."),
    ("rekening nl91abna0417164300 van dochter", "rekening [IBAN] van dochter"),
    ("BE68 5390 0754 7034 UWV", "[IBAN] UWV"),
    ("betaalt naar DE89 3704 0044 0532 0130 00 in Duitsland", "betaalt naar [IBAN] in Duitsland"),
    ("code AB12 CDEF GHIJ klopt niet", "code AB12 CDEF GHIJ klopt niet"),
    # postcodes, with house number or city
    ("postcode 1234 AB", "postcode [POSTCODE]"),
    ("woont 1234AB", "woont [POSTCODE]"),
    ("1234 AB 12", "[POSTCODE]"),
    ("huisnr 12 1234AB", "huisnr [POSTCODE]"),
    ("1234 AB Amsterdam, vraag over Wmo", "[POSTCODE], vraag over Wmo"),
    ("postcode 3511 lk", "postcode [POSTCODE]"),
    ("tussen 2019 en 2020", "tussen 2019 en 2020"),
    ("2500 kg", "2500 kg"),
    # BSN: 11-proef, or any 8-9 digits after the keyword
    ("BSN 123456782 bekend", "BSN [BSN] bekend"),
    ("bsn: 12345678", "bsn: [BSN]"),
    ("burgerservicenummer 111 222 333", "burgerservicenummer [BSN]"),
    ("nummer 123456782 doorgegeven", "nummer [BSN] doorgegeven"),
    # fails the 11-proef and has no keyword: no BSN, but still an identifier (see the module docstring)
    ("nummer 123456789 doorgegeven", "nummer [ID] doorgegeven"),
    ("bedrag 12345 euro", "bedrag 12345 euro"),
    # phone numbers
    ("tel 06-12345678 graag", "tel [TELEFOON] graag"),
    ("tel 06 1234 5678 graag", "tel [TELEFOON] graag"),
    ("tel 0612345678 graag", "tel [TELEFOON] graag"),
    ("tel +31 6 12345678 graag", "tel [TELEFOON] graag"),
    ("tel +31(0)6 12345678 graag", "tel [TELEFOON] graag"),
    ("tel 020-1234567 graag", "tel [TELEFOON] graag"),
    ("tel 010 123 4567 graag", "tel [TELEFOON] graag"),
    ("tel 0031 6 12345678 graag", "tel [TELEFOON] graag"),
    ("tel (070) 123 45 67 graag", "tel [TELEFOON] graag"),
    ("tel 06.12.34.56.78 graag", "tel [TELEFOON] graag"),
    # e-mail
    ("mail naar p.jansen@gmail.com graag", "mail naar [EMAIL] graag"),
    ("mail: info@familie-de-vries.nl.", "mail: [EMAIL]."),
    # street + house number; a street without a number stays
    ("woont Kerkstraat 12 sinds mei", "woont [ADRES] sinds mei"),
    ("woont Burg. de Withstraat 4a sinds mei", "woont [ADRES] sinds mei"),
    ("woont Laan van Meerdervoort 112-B sinds mei", "woont [ADRES] sinds mei"),
    ("woont Hoofdweg 3 bis sinds mei", "woont [ADRES] sinds mei"),
    ("woont Vondelstraat 45-2 sinds mei", "woont [ADRES] sinds mei"),
    ("woont Kerkstr. 5 sinds mei", "woont [ADRES] sinds mei"),
    ("woont aan de Kerkstraat sinds mei", "woont aan de Kerkstraat sinds mei"),
    ("Werkplein 2 keer gebeld", "Werkplein 2 keer gebeld"),
    # dates of birth, also year or month + year after "geboren"
    ("geb. 12-03-1985, alleenstaand", "geb. [DATUM], alleenstaand"),
    ("geboren op 3 maart 1985, alleenstaand", "geboren op [DATUM], alleenstaand"),
    ("geboortedatum 1985-03-12, alleenstaand", "geboortedatum [DATUM], alleenstaand"),
    ("geboren in 1985, alleenstaand", "geboren in [DATUM], alleenstaand"),
    ("geboren in maart 1985, alleenstaand", "geboren in [DATUM], alleenstaand"),
    ("geb 14/7/1990, alleenstaand", "geb [DATUM], alleenstaand"),
    # other dates: every date with a day goes, a month or year alone stays
    ("afspraak op 12-03-2026 om 10.00 uur", "afspraak op [DATUM] om 10.00 uur"),
    ("per 1 januari huurverhoging", "per [DATUM] huurverhoging"),
    ("sinds 2019 in de wijk", "sinds 2019 in de wijk"),
    ("in maart terugbellen", "in maart terugbellen"),
    ("inloop 10-12 uur", "inloop 10-12 uur"),
    # ages
    ("zoon van 17 spijbelt", "zoon van [LEEFTIJD] spijbelt"),
    ("mw. (82) eenzaam", "mw. ([LEEFTIJD]) eenzaam"),
    ("mw. is 82 jaar en eenzaam", "mw. is [LEEFTIJD] en eenzaam"),
    ("een 82-jarige vrouw", "een [LEEFTIJD] vrouw"),
    ("lft 45, werkloos", "lft [LEEFTIJD], werkloos"),
    ("kinderen van 3 en 5 jaar", "kinderen van [LEEFTIJD]"),
    # ... except threshold ages in a turning or rule phrase, and durations
    ("kind wordt 18 in mei", "kind wordt 18 in mei"),
    ("wordt in mei 18, dan eigen DigiD", "wordt in mei 18, dan eigen DigiD"),
    ("zoon is net 18 geworden", "zoon is net 18 geworden"),
    ("jongeren onder de 27", "jongeren onder de 27"),
    ("al 3 jaar schulden", "al 3 jaar schulden"),
    ("3 jaar geleden verhuisd", "3 jaar geleden verhuisd"),
    # URLs and identifiers
    ("zie https://www.facebook.com/tigist.haile.5 voor foto", "zie [URL] voor foto"),
    ("via www.toeslagen.nl aangevraagd", "via [URL] aangevraagd"),
    ("dossiernr 2023-00457 overgedragen", "dossiernr [ID] overgedragen"),
    ("kenmerk 7001234567 op brief", "kenmerk [ID] op brief"),
    ("cliëntnummer 884512 bekend", "cliëntnummer [ID] bekend"),
]


@pytest.mark.parametrize(("tekst", "verwacht"), PATRONEN)
def test_pattern(scrubber: Scrubber, tekst: str, verwacht: str) -> None:
    assert _uit(scrubber, tekst) == verwacht


@pytest.mark.parametrize(("tekst", "verwacht"), PATRONEN)
def test_pattern_without_deduce(tekst: str, verwacht: str) -> None:
    # The fixed-form patterns do not depend on deduce (these cases contain no names).
    assert Scrubber(use_deduce=False).scrub(tekst)[0] == verwacht


@pytest.mark.parametrize(
    ("nummer", "geldig"),
    [("123456782", True), ("111222333", True), ("123456789", False), ("000000000", False), ("12345678", False)],
)
def test_elfproef(nummer: str, geldig: bool) -> None:
    # 123456782: 9·1 + 8·2 + 7·3 + 6·4 + 5·5 + 4·6 + 3·7 + 2·8 − 2 = 154 = 14·11
    assert elfproef(nummer) is geldig


# ---------------------------------------------------------------------------------------------------------------
# Counts, idempotency, edge cases
# ---------------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("tekst", "verwacht_uit", "verwacht_telling"),
    [
        (
            "Mw. Jansen belt, tel 06-12345678 of 020-1234567, over huurtoeslag",
            "Mw. [NAAM] belt, tel [TELEFOON] of [TELEFOON], over huurtoeslag",
            {"NAAM": 1, "TELEFOON": 2},
        ),
        (
            "Dhr. de Vries (82) woont Kerkstraat 12, 1234 AB Amsterdam",
            "Dhr. [NAAM] ([LEEFTIJD]) woont [ADRES], [POSTCODE]",
            {"NAAM": 1, "LEEFTIJD": 1, "ADRES": 1, "POSTCODE": 1},
        ),
        (
            "BSN 123456782, IBAN NL91 ABNA 0417 1643 00, mail p.jansen@gmail.com, geb. 12-03-1985",
            "BSN [BSN], IBAN [IBAN], mail [EMAIL], geb. [DATUM]",
            {"BSN": 1, "IBAN": 1, "EMAIL": 1, "DATUM": 1},
        ),
        # one person, one count: the context rule extends deduce's tag instead of adding a second one
        ("cl. fatima el amrani heeft schulden", "cl. [NAAM] heeft schulden", {"NAAM": 1}),
        ("mw. belt over huurtoeslag", "mw. belt over huurtoeslag", {}),
    ],
)
def test_counts(scrubber: Scrubber, tekst: str, verwacht_uit: str, verwacht_telling: dict[str, int]) -> None:
    uit, telling = scrubber.scrub(tekst)
    assert uit == verwacht_uit
    assert isinstance(telling, ScrubTelling)
    assert telling.per_categorie == verwacht_telling
    assert telling.totaal == sum(verwacht_telling.values())


def test_counts_are_fresh_per_call(scrubber: Scrubber) -> None:
    # The cache must not hand out a shared ScrubTelling that a caller could change.
    _, eerste = scrubber.scrub("tel 06-12345678")
    eerste.add("TELEFOON", 10)
    assert scrubber.scrub("tel 06-12345678")[1].per_categorie == {"TELEFOON": 1}


@pytest.mark.parametrize("case", CASES, ids=lambda c: c["tekst"][:40])
def test_idempotent_and_never_nested(scrubber: Scrubber, case: dict) -> None:
    uit, _ = scrubber.scrub(case["tekst"])
    nog_eens, telling = scrubber.scrub(uit)
    assert nog_eens == uit
    assert telling.totaal == 0
    assert "[[" not in uit and "]]" not in uit
    for tag in TAG_RE.findall(uit):
        assert tag[1:-1] in TAGS, tag


def test_existing_tags_are_left_alone(scrubber: Scrubber) -> None:
    tekst = "[NAAM] belt, [TELEFOON], woont [ADRES] [POSTCODE], [NAAM] [NAAM] ([LEEFTIJD])"
    assert scrubber.scrub(tekst) == (tekst, ScrubTelling())


@pytest.mark.parametrize("tekst", ["", "   ", "\n"])
def test_empty_text(scrubber: Scrubber, tekst: str) -> None:
    uit, telling = scrubber.scrub(tekst)
    assert uit == tekst
    assert telling.totaal == 0


def test_scrub_many_keeps_order(scrubber: Scrubber) -> None:
    teksten = [case["tekst"] for case in CASES] * 2
    resultaten = list(scrubber.scrub_many(teksten))
    assert [uit for uit, _ in resultaten] == [scrubber.scrub(t)[0] for t in teksten]
    assert [t.per_categorie for _, t in resultaten] == [scrubber.scrub(t)[1].per_categorie for t in teksten]


def test_scrub_text_and_warm_up() -> None:
    assert warm_up() >= 0
    assert scrub_text("Mw. Jansen belt, tel 06-12345678") == "Mw. [NAAM] belt, tel [TELEFOON]"


def test_no_text_in_output_or_logs(
    scrubber: Scrubber, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    scrubber.scrub("Mw. Zwartjesberg-Oksanova belt, tel 06-87651234, kenmerk X-UNIEK-991")
    vastgelegd = capsys.readouterr()
    for spoor in (vastgelegd.out, vastgelegd.err, caplog.text):
        assert "Zwartjesberg" not in spoor
        assert "06-87651234" not in spoor


def test_root_logger_is_restored_after_loading_deduce() -> None:
    # What deduce's import does (logging.basicConfig(stream=sys.stdout, level=DEBUG)), done by hand, is undone.
    root = logging.getLogger()
    handlers, niveau = list(root.handlers), root.level
    with root_logger_ongemoeid():
        root.addHandler(logging.StreamHandler())
        root.setLevel(logging.DEBUG)
    assert root.handlers == handlers
    assert root.level == niveau
