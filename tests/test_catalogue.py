"""The theme catalogue file: shipped themes are valid; a team's bad file gets an error naming file, entry, fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from collectief.catalogue import laad_catalogus
from collectief.errors import CollectiefFout

INDIVIDUEEL = {"huiselijk_geweld", "verslaving", "justitie", "acute_crisis"}


def test_shipped_catalogue_covers_the_taxonomy() -> None:
    themas = {t.id: t for t in laad_catalogus()}
    assert {
        "toeslagen",
        "samenwonen_uitkering",
        "schulden",
        "wonen",
        "jonge_ouders",
        "mantelzorg",
        "eenzaamheid",
        "taal_digitaal",
        "armoede_meedoen",
        "werk_dagbesteding",
        "psychisch_welzijn",
    } | INDIVIDUEEL == set(themas)
    assert {i for i, t in themas.items() if t.individueel} == INDIVIDUEEL
    assert all(t.voorbeelden and t.trefwoorden and t.beschrijving for t in themas.values())


def test_team_file_adds_and_overrides(tmp_path: Path) -> None:
    eigen = tmp_path / "mijn_themas.toml"
    eigen.write_text(
        '[[thema]]\nid = "vervoer"\nnaam = "Vervoer"\ntrefwoorden = ["regiotaxi", "scootmobiel"]\n\n'
        '[[thema]]\nid = "wonen"\nnaam = "Wonen en woonomgeving"\ntrefwoorden = ["schimmel"]\n',
        encoding="utf-8",
    )
    themas = {t.id: t for t in laad_catalogus(eigen)}
    assert themas["vervoer"].trefwoorden == ("regiotaxi", "scootmobiel")
    assert themas["wonen"].naam == "Wonen en woonomgeving"
    assert len(themas) == 16


@pytest.mark.parametrize(
    ("inhoud", "in_melding"),
    [
        ('[[thema]]\nid = "x"\nnaam = "X"\n', "thema 1 (x) mist het veld 'trefwoorden'"),
        ('[[thema]]\nid = "x"\nnaam = "X"\ntrefwoorden = ["a"]\nkleur = "rood"\n', "onbekend veld 'kleur'"),
        ('[[thema]]\nid = "x"\nnaam = "X"\ntrefwoorden = "huur"\n', "'trefwoorden' moet een lijst met teksten zijn"),
        ('[[thema]]\nid = "met spatie"\nnaam = "X"\ntrefwoorden = ["a"]\n', "zonder spaties"),
        (
            '[[thema]]\nid = "x"\nnaam = "X"\ntrefwoorden = ["a"]\n'
            '[[thema]]\nid = "x"\nnaam = "Y"\ntrefwoorden = ["b"]\n',
            "thema 2 (x): het id 'x' komt twee keer voor",
        ),
        ('[[thema]\nid = "x"', "geen geldige TOML"),
        ('[[themas]]\nid = "x"', "onbekende sectie"),
    ],
)
def test_bad_team_file_names_file_entry_and_fix(tmp_path: Path, inhoud: str, in_melding: str) -> None:
    eigen = tmp_path / "fout.toml"
    eigen.write_text(inhoud, encoding="utf-8")
    with pytest.raises(CollectiefFout) as info:
        laad_catalogus(eigen)
    melding = str(info.value)
    assert info.value.code == "E009" and str(eigen) in melding and in_melding in melding
