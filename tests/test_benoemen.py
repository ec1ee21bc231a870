"""Names of discovered themes: nouns only, never the trade's generic words, from a lexicon or a tagger."""

from __future__ import annotations

import numpy as np
import pytest

from collectief.benoemen import Naamgever, generieke_woorden, naamwoorden, woordsoorten


@pytest.mark.parametrize("woord", ["genoemd", "denken", "aanvragen", "nauwelijks", "vaak", "lager", "rijden"])
def test_verbs_adverbs_and_adjectives_are_no_name_words(woord: str) -> None:
    assert not Naamgever().is_zelfstandig(woord)


@pytest.mark.parametrize("woord", ["vervoer", "regiotaxi", "scootmobiel", "rolstoel", "inburgering", "dialyse"])
def test_nouns_are(woord: str) -> None:
    assert Naamgever().is_zelfstandig(woord)


def test_unknown_compound_takes_its_head_noun() -> None:
    # Not in the lexicon, but Dutch compounds are head-final: "...pas" and "...houder" are nouns.
    lexicon = woordsoorten()
    assert "regiotaxipas" not in lexicon and "statushouder" not in lexicon
    assert Naamgever().is_zelfstandig("regiotaxipas") and Naamgever().is_zelfstandig("statushouder")


def test_generic_trade_words_never_name_a_theme() -> None:
    woorden = np.array(["gemeente", "huis", "deur", "stap", "regiotaxi", "aanvragen", "scootmobiel", "rolstoel"])
    gewichten = np.array([9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0, 2.0])
    naam = Naamgever().benoem(woorden, gewichten, np.full(len(woorden), 0.3))
    assert naam is not None and naam.naam == "Regiotaxi, scootmobiel en rolstoel"
    assert {"gemeente", "huis", "deur", "stap"} <= generieke_woorden()
    assert naam.termen == ("regiotaxi", "scootmobiel", "rolstoel")


def test_people_and_days_never_name_a_theme() -> None:
    # Who a note is about and when it happened say nothing about its subject ("Kwijtschelding en stel",
    # "School en dinsdag" were names on hand-written notes).
    woorden = np.array(["echtpaar", "stel", "dinsdag", "uitvaart", "maart", "broer", "testament"])
    gewichten = np.array([7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
    naam = Naamgever().benoem(woorden, gewichten, np.full(len(woorden), 0.3))
    assert naam is not None and naam.naam == "Uitvaart en testament"


def test_vague_nouns_never_name_a_theme() -> None:
    # "Spul, tuin en corporatie" was a name on hand-written notes: stuff, a matter, a problem name no subject.
    woorden = np.array(["spul", "probleem", "tuin", "zaak", "corporatie", "hulp", "kringloop"])
    gewichten = np.array([7.0, 6.0, 5.0, 4.0, 3.0, 2.0, 1.0])
    naam = Naamgever().benoem(woorden, gewichten, np.full(len(woorden), 0.3))
    assert naam is not None and naam.naam == "Tuin, corporatie en kringloop"


def test_rare_words_do_not_name_a_theme() -> None:
    naam = Naamgever().benoem(np.array(["scootmobiel"]), np.array([1.0]), np.array([0.05]))
    assert naam is None


def test_a_word_of_one_note_does_not_name_a_small_theme() -> None:
    woorden = np.array(["regiotaxi", "weekend", "cardioloog"])
    gewichten = np.array([3.0, 2.0, 1.0])
    # Eight notes: "cardioloog" in one of them (12.5%) is above 10% but is one note's word.
    dekking = np.array([0.5, 0.5, 0.125])
    assert Naamgever().benoem(woorden, gewichten, dekking, leden=8).naam == "Regiotaxi"
    # Without the number of notes, only the 10% share counts; "weekend" is a time word, never a name.
    assert Naamgever().benoem(woorden, gewichten, dekking).naam == "Regiotaxi en cardioloog"
    assert Naamgever().benoem(woorden, gewichten, dekking, leden=16).naam == "Regiotaxi en cardioloog"


def test_a_tagger_overrides_the_lexicon() -> None:
    # nl_core_news_sm's tags, when it is installed: here "vervoer" tagged as a verb is no name word.
    getagd = Naamgever(pos={"vervoer": "VERB", "regiotaxi": "NOUN"})
    assert not getagd.is_zelfstandig("vervoer") and getagd.is_zelfstandig("regiotaxi")
    assert Naamgever().is_zelfstandig("vervoer")


@pytest.mark.parametrize("woord", ["geprek", "gewweest", "mijnverhuurderr"])
def test_a_misspelling_is_not_a_compound_noun(woord: str) -> None:
    # "geprek" is not "gep" + "rek", nor "gewweest" "gew" + "weest": the part before a head must be a word too.
    assert not Naamgever().is_zelfstandig(woord)


@pytest.mark.parametrize("woord", ["salderingsregeling", "kledingdoorgeefgroep", "huurtoeslagterugvordering"])
def test_a_compound_of_words_is_a_noun(woord: str) -> None:
    assert Naamgever().is_zelfstandig(woord)


def test_a_slip_of_a_word_in_the_same_notes_names_as_that_word() -> None:
    naam = Naamgever().benoem(
        ["inburgring", "inburgering", "naturalisatie"], np.array([3.0, 2.0, 1.0]), np.array([0.5, 0.4, 0.3])
    )
    assert naam is not None
    assert naam.naam == "Inburgering en naturalisatie"
    assert naam.termen[:2] == ("inburgering", "naturalisatie")


def test_a_slip_is_not_guessed_from_the_lexicon_alone() -> None:
    # "gesprek" is not in these notes, so "geprek" is left as it is (and, unknown, names nothing).
    naam = Naamgever().benoem(["geprek", "telefoon"], np.array([3.0, 2.0]), np.array([0.5, 0.4]))
    assert naam is not None and naam.naam == "Telefoon"


def test_a_name_word_is_written_in_the_notes() -> None:
    # The lookup lemmatizer turns "bestaat" into "bestaan", which the lexicon knows as a noun ("het bestaan"):
    # a name holds it only when the notes write it so, in at least two of them.
    woorden, gewichten, dekking = ["bestaan", "klusjesman"], np.array([2.0, 1.0]), np.array([0.4, 0.3])
    als_werkwoord = ["het bestaat niet meer", "bestaat dat nog", "klusjesman komt dinsdag", "geen klusjesman"]
    als_naamwoord = ["een bestaan opbouwen", "zijn bestaan hangt ervan af", "klusjesman komt", "geen klusjesman"]
    assert Naamgever().benoem(woorden, gewichten, dekking, 10, als_werkwoord).naam == "Klusjesman"
    assert Naamgever().benoem(woorden, gewichten, dekking, 10, als_naamwoord).naam == "Bestaan en klusjesman"
    # A plural or a compound holding the word counts as writing it.
    assert (
        Naamgever()
        .benoem(["regiotaxi"], np.array([1.0]), np.array([0.5]), 4, ["regiotaxipas kwijt", "twee regiotaxis"])
        .naam
        == "Regiotaxi"
    )


def test_a_name_reads_back_into_its_nouns() -> None:
    """What benoem joins Dutch-style, naamwoorden splits again (a compound with "en" inside stays whole)."""
    naam = Naamgever().benoem(
        ["regiotaxi", "scootmobiel", "rolstoel"], np.array([3.0, 2.0, 1.0]), np.array([0.5, 0.4, 0.3]), 10
    )
    assert naam is not None and naam.naam == "Regiotaxi, scootmobiel en rolstoel"
    assert naamwoorden(naam.naam) == ["regiotaxi", "scootmobiel", "rolstoel"]
    assert naamwoorden("Kookplaat") == ["kookplaat"]
    assert naamwoorden("Tienermoeder en enveloppen") == ["tienermoeder", "enveloppen"]
    assert naamwoorden("School en laptop (2)") == ["school", "laptop"]  # the number two themes' name carries


@pytest.mark.parametrize(
    ("naam", "termen", "teksten", "verwacht"),
    [
        # "kapot" is no noun; "laptop" is, and two of the notes write it.
        ("School", ("school", "kapot", "laptop"), ["laptop kapot", "school laptop", "school"], "School en laptop"),
        # Written once is not enough: the name stays (the caller then numbers it).
        ("School", ("school", "laptop"), ["laptop kapot", "school"], "School"),
        # Three nouns already: no room.
        ("Regiotaxi, scootmobiel en rolstoel", ("bus",), ["bus", "bus"], "Regiotaxi, scootmobiel en rolstoel"),
    ],
)
def test_a_name_two_themes_share_gets_a_noun_of_its_own(
    naam: str, termen: tuple[str, ...], teksten: list[str], verwacht: str
) -> None:
    assert Naamgever().onderscheid(naam, termen, teksten) == verwacht


def test_the_shared_subject_names_the_theme_first() -> None:
    # A group whose notes mostly share a concept (migration) but where a few notes repeat "school" and
    # "verpleeghuis": those words are the most distinctive, yet the name starts from the shared subject's words.
    woorden = np.array(["school", "verpleeghuis", "gezinshereniging", "naturalisatie", "verblijfsvergunning"])
    gewichten = np.array([5.0, 4.0, 3.0, 2.0, 1.0])
    dekking = np.full(len(woorden), 0.2)
    gewoon = Naamgever().benoem(woorden, gewichten, dekking)
    assert gewoon is not None and gewoon.naam == "School, verpleeghuis en gezinshereniging"
    voorrang = np.array([False, False, True, True, True])
    naam = Naamgever().benoem(woorden, gewichten, dekking, voorrang=voorrang)
    assert naam is not None and naam.naam == "Gezinshereniging, naturalisatie en verblijfsvergunning"
    # The terms shown beside the name keep the order of distinctiveness.
    assert naam.termen == gewoon.termen == tuple(woorden)
    # A marked word must still qualify on its own: written by enough of the notes.
    dekking[3:] = 0.01
    naam = Naamgever().benoem(woorden, gewichten, dekking, voorrang=voorrang)
    assert naam is not None and naam.naam == "Gezinshereniging, school en verpleeghuis"
