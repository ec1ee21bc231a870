"""The SQLite store: a real database file, idempotent imports, one transaction per import."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from collectief.errors import CollectiefFout
from collectief.records import Hulpvraag, ImportRapport
from collectief.store import DB_OMGEVINGSVARIABELE, Store, standaard_db_pad


def _h(rij: int, tekst: str, **kw: object) -> Hulpvraag:
    return Hulpvraag(rij=rij, tekst=tekst, datum=dt.date(2026, 1, 1 + rij), wijk="Oost", **kw)  # type: ignore[arg-type]


def _schrijf(store: Store, hulpvragen: list[Hulpvraag]) -> tuple[int, int]:
    with store.transactie() as imp:
        imp.schrijf(hulpvragen)
        imp.sluit(ImportRapport(bestand="test.csv", data_rijen=len(hulpvragen), geaccepteerd=len(hulpvragen)))
    return imp.nieuw, imp.al_aanwezig


def test_reimport_adds_nothing_twice(tmp_path: Path) -> None:
    rijen = [_h(0, "vraag over huurtoeslag"), _h(1, "schulden bij de deurwaarder")]
    with Store(tmp_path / "db.sqlite") as store:
        assert _schrijf(store, rijen) == (2, 0)
        assert _schrijf(store, rijen) == (0, 2)
        assert store.aantal_hulpvragen() == 2
        assert len(store.batches()) == 2


def test_identical_rows_in_one_file_both_stay(tmp_path: Path) -> None:
    # Two households can't be told apart here, but they are two hulpvragen: both are kept, and once only.
    twee = [
        Hulpvraag(rij=0, tekst="vraag over DigiD", datum=dt.date(2026, 1, 1)),
        Hulpvraag(rij=1, tekst="vraag over DigiD", datum=dt.date(2026, 1, 1)),
    ]
    with Store(tmp_path / "db.sqlite") as store:
        assert _schrijf(store, twee) == (2, 0)
        assert _schrijf(store, twee) == (0, 2)


def test_id_column_identifies_a_hulpvraag_across_exports(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        _schrijf(store, [_h(0, "eerste versie van de notitie", bron_id="HV-1")])
        nieuw, oud = _schrijf(store, [_h(5, "notitie later aangevuld", bron_id="HV-1")])
        assert (nieuw, oud) == (0, 1)


def test_failed_import_leaves_database_as_it_was(tmp_path: Path) -> None:
    pad = tmp_path / "db.sqlite"
    with Store(pad) as store:
        _schrijf(store, [_h(0, "bestaande hulpvraag")])
        with pytest.raises(RuntimeError), store.transactie() as imp:
            imp.schrijf([_h(1, "nieuwe hulpvraag"), _h(2, "nog een")])
            raise RuntimeError("stroom valt uit halverwege")
    # A fresh connection sees the file as it was before the failed import.
    with Store(pad) as store:
        assert store.aantal_hulpvragen() == 1
        assert len(store.batches()) == 1


def test_dataframe_types_and_order(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        _schrijf(store, [_h(0, "a b c", minuten=30.0, huishouden="H1"), _h(1, "d e f")])
        df = store.hulpvragen()
    assert list(df["tekst"]) == ["a b c", "d e f"]
    assert str(df["datum"].dtype).startswith("datetime64")
    assert df["minuten"].iloc[0] == 30.0 and df["minuten"].isna().iloc[1]


def test_decisions_and_started_offers_last(tmp_path: Path) -> None:
    pad = tmp_path / "db.sqlite"
    with Store(pad) as store:
        store.voeg_besluit_toe("ontdekt_1", "hernoemen", "Vervoer", "besproken in maandsessie")
        store.markeer_gestart("toeslagen", "informatieavond", dt.date(2026, 9, 1), wijk="Oost")
        with pytest.raises(ValueError):
            store.voeg_besluit_toe("ontdekt_1", "weggooien")
    with Store(pad) as store:
        assert store.besluiten()["waarde"].tolist() == ["Vervoer"]
        gestart = store.gestart_aanbod()
        assert gestart["startdatum"].iloc[0] == dt.datetime(2026, 9, 1) and gestart["wijk"].iloc[0] == "Oost"


def test_default_path_follows_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(DB_OMGEVINGSVARIABELE, str(tmp_path / "elders.sqlite"))
    assert standaard_db_pad() == tmp_path / "elders.sqlite"
    monkeypatch.delenv(DB_OMGEVINGSVARIABELE)
    assert standaard_db_pad().name == "collectief.sqlite"


def test_unusable_location_gives_dutch_error(tmp_path: Path) -> None:
    bestand = tmp_path / "geen_map"
    bestand.write_text("x")
    with pytest.raises(CollectiefFout) as info:
        Store(bestand / "db.sqlite")
    assert info.value.code == "E008" and "schrijfbaar" in str(info.value)
