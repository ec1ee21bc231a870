"""The SQLite store: a real database file, idempotent imports, one transaction per import."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path

import pytest

from collectief.errors import CollectiefFout
from collectief.records import Afwijzing, Hulpvraag, ImportRapport
from collectief.store import (
    APPLICATION_ID,
    DB_OMGEVINGSVARIABELE,
    GEWEIGERD_REDEN,
    SCHEMA_VERSIE,
    Store,
    standaard_db_pad,
    veilige_reden,
)


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


def test_same_id_and_content_is_present_even_at_another_row(tmp_path: Path) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        _schrijf(store, [_h(0, "vraag over de huurtoeslag", bron_id="HV-1")])
        # A re-saved export may move the row (a title line more): the row number is not part of the identity.
        eerste = _h(0, "vraag over de huurtoeslag", bron_id="HV-1")
        verschoven = Hulpvraag(rij=7, tekst=eerste.tekst, datum=eerste.datum, wijk=eerste.wijk, bron_id="HV-1")
        assert _schrijf(store, [verschoven]) == (0, 1)


def test_colliding_ids_with_other_content_are_kept_and_counted(tmp_path: Path) -> None:
    # Team Noord numbers 1, 2, 3 as team Oost did; a new year restarts at 1: nothing may be dropped.
    oost = [_h(i, f"vraag {woord} in Oost", bron_id=str(i + 1)) for i, woord in enumerate(("een", "twee", "drie"))]
    noord = [
        Hulpvraag(rij=i, tekst=f"andere vraag {woord}", datum=dt.date(2027, 1, 1), wijk="Noord", bron_id=str(i + 1))
        for i, woord in enumerate(("een", "twee", "drie"))
    ]
    with Store(tmp_path / "db.sqlite") as store:
        _schrijf(store, oost)
        with store.transactie() as imp:
            imp.schrijf(noord)
            imp.sluit(ImportRapport(bestand="noord.csv", data_rijen=3, geaccepteerd=3))
        assert (imp.nieuw, imp.al_aanwezig, imp.id_botsingen) == (3, 0, 3)
        assert store.aantal_hulpvragen() == 6
        assert store.batches()["id_botsingen"].tolist() == [0, 3]
        # The same second export again: now truly present, so no collision either.
        with store.transactie() as imp:
            imp.schrijf(noord)
            imp.sluit(ImportRapport(bestand="noord kopie.csv", data_rijen=3, geaccepteerd=3))
        assert (imp.nieuw, imp.al_aanwezig, imp.id_botsingen) == (0, 3, 0)


def test_ids_restarting_inside_one_file_are_counted_as_collisions(tmp_path: Path) -> None:
    twee_jaren = [_h(0, "vraag in 2025", bron_id="1"), _h(1, "vraag in 2026", bron_id="1")]
    with Store(tmp_path / "db.sqlite") as store, store.transactie() as imp:
        imp.schrijf(twee_jaren)
    assert (imp.nieuw, imp.al_aanwezig, imp.id_botsingen) == (2, 0, 1)


def test_rows_the_schema_refuses_are_rejected_not_present(tmp_path: Path) -> None:
    pad = tmp_path / "db.sqlite"
    Store(pad).close()
    # A changed schema: the table rebuilt with a CHECK that long notes fail. INSERT OR IGNORE skipped such rows
    # without a word and the import called them "al aanwezig".
    conn = sqlite3.connect(pad, isolation_level=None)
    conn.execute("BEGIN")
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'hulpvragen'").fetchone()[0]
    conn.execute("ALTER TABLE hulpvragen RENAME TO oud")
    conn.execute(sql.replace("tekst TEXT NOT NULL", "tekst TEXT NOT NULL CHECK (length(tekst) <= 20)"))
    conn.execute("DROP TABLE oud")
    conn.execute("COMMIT")
    conn.close()
    rijen = [_h(0, "kort"), _h(1, "een notitie die te lang is voor dit schema", bron_id="X"), _h(2, "ook kort")]
    with Store(pad) as store:
        assert _schrijf(store, rijen) == (2, 0)
        with store.transactie() as imp:
            imp.schrijf(rijen)
        assert (imp.nieuw, imp.al_aanwezig) == (0, 2)
        assert [(a.rij, a.reden, a.bron_id) for a in imp.geweigerd] == [(1, GEWEIGERD_REDEN, "X")]
        assert store.aantal_hulpvragen() == 2


def test_households_are_stored_as_keyed_hashes(tmp_path: Path) -> None:
    rijen = [
        _h(0, "vraag een", huishouden="Jan de Vries"),
        _h(1, "vraag twee", huishouden="jan  de vries"),
        _h(2, "vraag drie", huishouden="C1001"),
    ]
    with Store(tmp_path / "a.sqlite") as a:
        _schrijf(a, rijen)
        df = a.hulpvragen()
        pseudo_a = a.pseudoniem("C1001")
    assert df["huishouden"].str.fullmatch(r"hh-[0-9a-f]{12}").all()
    assert df["huishouden"].nunique() == 2 and df["huishouden"].iloc[2] == pseudo_a
    assert df["huishouden"].iloc[0] == df["huishouden"].iloc[1]
    bestanden = b"".join(p.read_bytes() for p in tmp_path.glob("a.sqlite*"))
    assert b"Vries" not in bestanden and b"C1001" not in bestanden
    # Another database has its own key: its pseudonyms cannot be joined with these.
    with Store(tmp_path / "b.sqlite") as b:
        assert b.pseudoniem("C1001") != pseudo_a and b.pseudoniem("C1001") == b.pseudoniem(" c1001")


def test_stored_reasons_hold_no_cell_content(tmp_path: Path) -> None:
    rapport = ImportRapport(
        bestand="x.csv",
        afwijzingen=[
            Afwijzing(1, "ongeldige datum: datum '31-02-2026' bestaat niet"),
            Afwijzing(2, "lege regel", regel=7),
        ],
        waarschuwingen=[Afwijzing(3, "tijdsbesteding 'Piet belt' is geen getal; rij wel gebruikt, zonder tijd")],
    )
    with Store(tmp_path / "db.sqlite") as store:
        with store.transactie() as imp:
            imp.sluit(rapport)
        batch = store.batches().iloc[0]
    assert "31-02" not in batch["afwijzingen"] and "Piet" not in batch["waarschuwingen"]
    # Stored with the row number a person sees (regel), as the terminal and afgewezen.csv show it.
    assert json.loads(batch["afwijzingen"])[1] == [7, "lege regel"]
    assert veilige_reden("kolom \u201cX Y\u201d onbekend") == "kolom (waarde niet bewaard) onbekend"


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


def test_undone_decision_stays_in_the_history_and_its_id_is_never_reused(tmp_path: Path) -> None:
    pad = tmp_path / "db.sqlite"
    with Store(pad) as store:
        eerste = store.voeg_besluit_toe("wonen", "hernoemen", "Wonen en huur")
        tweede = store.voeg_besluit_toe("wonen", "hernoemen", "Huur")
        assert store.trek_besluit_in(tweede) is True
        assert store.trek_besluit_in(tweede) is False  # already undone
        assert store.trek_besluit_in(99) is False
        derde = store.voeg_besluit_toe("wonen", "hernoemen", "Woning")
    with Store(pad) as store:
        tabel = store.besluiten()
    assert tabel["id"].tolist() == [eerste, tweede, derde] and derde == tweede + 1
    assert tabel["waarde"].tolist() == ["Wonen en huur", "Huur", "Woning"]
    assert tabel["ingetrokken"].isna().tolist() == [True, False, True]


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


# ---- versions, migrations and foreign files --------------------------------------------------------------
V1 = Path(__file__).parent / "fixtures" / "db_v1.sqlite"


def test_schema_1_database_migrates(tmp_path: Path) -> None:
    """A database written by the store before versioning (schema 1) gets keys with content, hashed
    households and clean reasons, keeps its decisions, and the same export re-imported adds nothing."""
    pad = tmp_path / "oud.sqlite"
    pad.write_bytes(V1.read_bytes())
    with Store(pad) as store:
        assert store.schema_versie == SCHEMA_VERSIE
        df = store.hulpvragen()
        assert len(df) == 7 and df["huishouden"].dropna().str.startswith("hh-").all()
        # Households C1003 twice stay one household; the name became a pseudonym like the others.
        assert df["huishouden"].dropna().nunique() == 3
        assert store.pseudoniem("Jan de Vries") in set(df["huishouden"])
        assert store.besluiten()["waarde"].tolist() == ["Vervoer"]
        assert store.besluiten()["ingetrokken"].isna().all()  # schema 4: decisions from before are in force
        assert store.gestart_aanbod()["aanbod"].tolist() == ["informatieavond"]
        redenen = " ".join(store.batches()["afwijzingen"])
        assert "ongeldige datum: de datum kon niet worden gelezen" in redenen
    conn = sqlite3.connect(pad)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    tabellen = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "schema_versie" not in tabellen and "meta" in tabellen
    conn.close()
    ruw = pad.read_bytes()
    for geheim in (b"Jan de Vries", b"32-01-2026", b"31-02-2026", b"2026-13-05"):
        assert geheim not in ruw, geheim


def test_migrated_database_recognises_its_rows(tmp_path: Path) -> None:
    from collectief.importer import importeer
    from collectief.privacy import Scrubber

    scrubber = Scrubber()

    pad = tmp_path / "oud.sqlite"
    pad.write_bytes(V1.read_bytes())
    fixtures = Path(__file__).parent / "fixtures"
    with Store(pad) as store:
        # The old intake rejected a row with an unreadable date; the current one keeps it (date left empty), so
        # exactly those rows are new: one in the team export, two in slechte_rijen.csv.
        for naam, nieuw, rijen in (("db_v1_team.csv", 1, 4), ("slechte_rijen.csv", 2, 3)):
            rapport = importeer(fixtures / naam, store, scrubber=scrubber)
            assert (rapport.nieuw_opgeslagen, rapport.al_aanwezig, rapport.id_botsingen) == (nieuw, rijen, 0), naam
        assert store.aantal_hulpvragen() == 10


def test_new_and_empty_files_become_current_databases(tmp_path: Path) -> None:
    leeg = tmp_path / "leeg.sqlite"
    leeg.touch()
    for pad in (tmp_path / "nieuw.sqlite", leeg):
        with Store(pad) as store:
            assert store.schema_versie == SCHEMA_VERSIE and store.aantal_hulpvragen() == 0


def _inhoud(map_: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(map_.iterdir())}


def test_foreign_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    pad = tmp_path / "boekhouding.sqlite"
    conn = sqlite3.connect(pad)
    conn.execute("CREATE TABLE klanten (naam TEXT)")
    conn.execute("INSERT INTO klanten VALUES ('Jansen')")
    conn.commit()
    conn.close()
    voor = _inhoud(tmp_path)
    with pytest.raises(CollectiefFout) as info:
        Store(pad)
    assert info.value.code == "E040" and "ander programma" in str(info.value)
    assert _inhoud(tmp_path) == voor


def test_non_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    pad = tmp_path / "hulpvragen.csv"
    pad.write_text("datum;omschrijving\n01-01-2026;vraag\n")
    voor = _inhoud(tmp_path)
    with pytest.raises(CollectiefFout) as info:
        Store(pad)
    assert info.value.code == "E040" and "geen SQLite" in str(info.value)
    assert _inhoud(tmp_path) == voor


def test_newer_schema_is_refused_untouched(tmp_path: Path) -> None:
    pad = tmp_path / "db.sqlite"
    with Store(pad) as store:
        _schrijf(store, [_h(0, "een vraag")])
    conn = sqlite3.connect(pad)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSIE + 1}")
    conn.close()
    voor = _inhoud(tmp_path)
    with pytest.raises(CollectiefFout) as info:
        Store(pad)
    assert info.value.code == "E041" and f"schemaversie {SCHEMA_VERSIE + 1}" in str(info.value)
    assert _inhoud(tmp_path) == voor
