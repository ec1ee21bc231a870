"""The domain's concepts: the shipped file is valid, words find their concepts (whole, inflected, in compounds),
a bad file gets a Dutch error naming file, entry and fix, a team's file adds or replaces concepts, the features
bring same-subject notes closer, and a theme is named after the concept most of its notes share."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.feature_extraction.text import TfidfVectorizer

from collectief.analysis import analyseer
from collectief.begrippen import Begrip, Begrippenlijst, laad_begrippen, lees_begrippen
from collectief.benoemen import Naamgever
from collectief.errors import CollectiefFout
from collectief.features import Vectoriseerder
from collectief.themes import OntdektThema, ThemaModel, _benoem, _gedeeld_begrip, _met_begrippen, _mist_begrip

LIJST = Begrippenlijst(
    [
        Begrip("vervoer", "Vervoer", ("regiotaxi", "scootmobiel", "bus", "rolstoel")),
        Begrip("migratie", "Migratie", ("ind", "naturalisatie", "statushouder")),
        Begrip("hulpmiddelen", "Hulpmiddelen", ("rolstoel", "traplift")),
    ]
)


def _ids(woord: str) -> set[str]:
    return {LIJST.begrippen[i].id for i in LIJST.van(woord)}


def test_whole_words_and_inflections() -> None:
    assert _ids("regiotaxi") == {"vervoer"}
    assert _ids("rolstoel") == {"vervoer", "hulpmiddelen"}  # a word may belong to two
    assert _ids("statushouders") == {"migratie"}  # plural
    assert _ids("bussen") == set()  # not every plural: only endings taken off, no doubled consonants
    assert _ids("ind") == {"migratie"}
    assert _ids("ind-procedure") == {"migratie"}  # a hyphenated word's parts


def test_compounds_only_with_words_of_five_letters_or_more() -> None:
    assert _ids("regiotaxipas") == {"vervoer"}  # begins with a concept word
    assert _ids("elektrischerolstoel") == {"vervoer", "hulpmiddelen"}  # ends with one
    assert _ids("kind") == set()  # 'ind' is too short to count inside a word
    assert _ids("busreis") == set()  # so is 'bus'
    assert _ids("huurtoeslag") == set()


def test_matrix_marks_each_notes_concepts_once() -> None:
    m = LIJST.matrix([["regiotaxipas", "scootmobiel"], ["naturalisatie", "rolstoel"], [], ["kind"]]).toarray()
    assert m.tolist() == [[1, 0, 0], [1, 1, 1], [0, 0, 0], [0, 0, 0]]


def test_shipped_concepts() -> None:
    lijst = laad_begrippen()
    ids = {b.id for b in lijst.begrippen}
    assert len(lijst) >= 90 and len(ids) == len(lijst)
    assert all(20 <= len(b.woorden) <= 70 for b in lijst.begrippen)
    # Hand-checked words from three subjects and one word that must stay unmatched.
    assert "vervoer_mobiliteit" in {lijst.begrippen[i].id for i in lijst.van("regiotaxipas")}
    assert "huisdieren" in {lijst.begrippen[i].id for i in lijst.van("dierenarts")}
    assert "verblijf_migratie" in {lijst.begrippen[i].id for i in lijst.van("gezinshereniging")}
    assert lijst.van("mevrouw") == frozenset()


def test_concepts_bring_notes_about_one_subject_closer() -> None:
    """Two notes that share no word but a concept are closer with the concepts than without; an unrelated note
    is not."""
    notes = [["scootmobiel", "kapot"], ["regiotaxi", "laat"], ["naturalisatie", "vraag"], ["energie", "rekening"]]
    zonder = Vectoriseerder(min_df=1).fit_transform(notes)
    met = Vectoriseerder(min_df=1, begrippen=LIJST, begrip_gewicht=0.6).fit_transform(notes)
    cos = lambda X, a, b: float((X[a] @ X[b].T).toarray()[0, 0])  # noqa: E731
    assert cos(zonder, 0, 1) < 0.05 < cos(met, 0, 1)
    assert cos(met, 0, 2) == pytest.approx(cos(zonder, 0, 2), abs=1e-9)
    assert np.allclose(np.asarray(met.multiply(met).sum(axis=1)).ravel(), 1.0)


@pytest.mark.parametrize(
    ("tekst", "deel"),
    [
        ("[[begrip]]\nid = 'a'\nnaam = 'A'\n", "id, naam en woorden"),
        ("[[begrip]]\nid = 'a'\nnaam = 'A'\nwoorden = ['Hoofdletter']\n", "kleine letters"),
        ("[[begrip]]\nid = 'a'\nnaam = 'A'\nwoorden = ['twee woorden']\n", "zonder spaties"),
        ("[[begrip]]\nid = 'a'\nnaam = 'A'\nwoorden = []\n", "kleine letters"),
        (
            "[[begrip]]\nid = 'a'\nnaam = 'A'\nwoorden = ['bus']\n"
            "[[begrip]]\nid = 'a'\nnaam = 'B'\nwoorden = ['tram']\n",
            "uniek",
        ),
        (
            "".join(f"[[begrip]]\nid = '{i}'\nnaam = 'X'\nwoorden = ['taxi']\n" for i in "abc"),
            "in meer dan 2 begrippen",
        ),
        ("[thema]\n", "onbekende sectie"),
        ("[[begrip]\n", "geen geldige TOML"),
        ("", "geen enkel begrip"),
    ],
)
def test_bad_file_is_named_with_a_fix(tekst: str, deel: str) -> None:
    with pytest.raises(CollectiefFout) as fout:
        lees_begrippen(tekst, "mijn_begrippen.toml")
    assert fout.value.code == "E012"
    assert "mijn_begrippen.toml" in str(fout.value) and deel in str(fout.value)


def test_unreadable_file(tmp_path: Path) -> None:
    pad = tmp_path / "begrippen.toml"
    pad.write_bytes(b"\xff\xfe niet utf-8")
    with pytest.raises(CollectiefFout, match="UTF-8"):
        laad_begrippen(pad)


def test_a_theme_is_named_after_the_concept_most_of_its_notes_share() -> None:
    """Through discovery's naming step: six of ten notes share the migration concept in different words, five
    say "school"; with the concepts the name starts from the migration words, without them from "school"."""
    notes = [
        "naturalisatie uitleg",
        "naturalisatie termijn",
        "naturalisatie school",
        "statushouder sleutel",
        "statushouder les",
        "ind procedure",
        "school mentor",
        "school ziek",
        "school reis",
        "school rooster",
    ]
    vect = TfidfVectorizer(token_pattern=r"\S+")
    W = vect.fit_transform(notes)
    namen = vect.get_feature_names_out()
    leden = np.arange(len(notes))
    onderwerp = LIJST.matrix([[w] for w in namen])
    zonder = _benoem(W, namen, leden, Naamgever(), notes)
    met = _benoem(W, namen, leden, Naamgever(), notes, onderwerp)
    assert zonder is not None and zonder.naam == "School, naturalisatie en statushouder"
    assert met is not None and met.naam == "Naturalisatie, statushouder en school"


def test_a_teams_file_adds_concepts_and_replaces_one_by_its_id(tmp_path: Path) -> None:
    eigen = tmp_path / "mijn_begrippen.toml"
    eigen.write_text(
        '[[begrip]]\nid = "lokaal_vervoer"\nnaam = "Vervoer in de regio"\nwoorden = ["belbus", "plusbus"]\n\n'
        '[[begrip]]\nid = "huisdieren"\nnaam = "Dieren"\nwoorden = ["hond", "kat", "konijn"]\n',
        encoding="utf-8",
    )
    ingebouwd = laad_begrippen()
    lijst = laad_begrippen(eigen)
    assert len(lijst) == len(ingebouwd) + 1
    ids = [b.id for b in lijst.begrippen]
    assert ids[: len(ingebouwd)] == [b.id for b in ingebouwd.begrippen]  # the shipped order is kept
    assert {lijst.begrippen[i].id for i in lijst.van("plusbus")} == {"lokaal_vervoer"}
    assert lijst.begrippen[ids.index("huisdieren")].woorden == ("hond", "kat", "konijn")
    assert lijst.van("dierenarts") == frozenset()  # the shipped huisdieren words are replaced, not added to
    assert laad_begrippen() is ingebouwd  # the shipped list itself is untouched


def test_a_teams_file_may_not_put_a_word_in_a_third_concept(tmp_path: Path) -> None:
    # 'rolstoel' is in two shipped concepts already.
    eigen = tmp_path / "mijn_begrippen.toml"
    eigen.write_text('[[begrip]]\nid = "extra"\nnaam = "Extra"\nwoorden = ["rolstoel"]\n', encoding="utf-8")
    with pytest.raises(CollectiefFout, match=r"mijn_begrippen\.toml") as fout:
        laad_begrippen(eigen)
    assert "in meer dan 2 begrippen" in str(fout.value) and fout.value.code == "E012"


def test_the_theme_model_uses_the_concepts_it_is_given() -> None:
    assert ThemaModel(begrippenlijst=LIJST)._begrippen() is LIJST
    assert ThemaModel()._begrippen() is laad_begrippen()
    assert ThemaModel(begrippen=0.0, begrippenlijst=LIJST)._begrippen() is None


def test_the_facade_passes_a_teams_concepts_to_the_theme_model(pipeline) -> None:
    df = pd.DataFrame({"tekst": ["regiotaxi komt niet", "scootmobiel kapot", "naturalisatie aanvragen"]})
    assert analyseer(df, pipeline=pipeline, begrippen=LIJST).model.begrippenlijst is LIJST
    assert analyseer(df, pipeline=pipeline).model.begrippenlijst is None  # the shipped concepts


def test_a_notes_concepts_are_words_of_its_own() -> None:
    """In discovered themes' centroids a note's concepts follow its lemmas, each written twice, in the file's
    order; without concepts the lemmas stay as they are."""
    lemmas = [["regiotaxipas", "kapot"], ["rolstoel"], ["boodschappen"]]
    assert _met_begrippen(lemmas, LIJST) == [
        ["regiotaxipas", "kapot", "begrip:vervoer", "begrip:vervoer"],
        ["rolstoel", "begrip:vervoer", "begrip:vervoer", "begrip:hulpmiddelen", "begrip:hulpmiddelen"],
        ["boodschappen"],
    ]
    assert _met_begrippen(lemmas, None) == lemmas


def test_a_theme_is_about_the_concept_at_least_two_fifths_of_its_notes_share() -> None:
    notes = [["regiotaxi"], ["bus"], ["naturalisatie"], ["school"], ["school"]]
    assert _gedeeld_begrip(LIJST.matrix(notes), LIJST) == "vervoer"  # 2 of 5
    assert _gedeeld_begrip(LIJST.matrix(notes[1:]), LIJST) == ""  # 1 of 4
    assert _gedeeld_begrip(LIJST.matrix(notes), None) == ""
    thema = OntdektThema("ontdekt_1", "Vervoer", ("bus",), {}, 0.1, begrip="vervoer")
    labels = np.array(["ontdekt_1", "ontdekt_1", "ontdekt_1", "overig", "ontdekt_2"], dtype=object)
    # Only members of a theme about a concept that lack it: "naturalisatie" (in ontdekt_1), not "school" elsewhere.
    assert list(_mist_begrip(labels, [thema], LIJST.matrix(notes), LIJST)) == [False, False, True, False, False]
