"""Intake → privacy → store end to end, with the real deduce, a real SQLite file and the real CLI."""

from __future__ import annotations

import csv
import json
import logging
from pathlib import Path

import pytest

from collectief.cli import main
from collectief.importer import importeer
from collectief.privacy import Scrubber
from collectief.store import Store

HIER = Path(__file__).parent
SAMPLE = HIER.parent / "data" / "sample" / "hulpvragen.csv"
PII = json.loads((HIER / "data" / "pii_cases.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def scrubber() -> Scrubber:
    return Scrubber()


@pytest.fixture
def pii_export(tmp_path: Path) -> Path:
    """The hand-written PII notes as a ';' export, one hulpvraag per note."""
    pad = tmp_path / "pii.csv"
    with pad.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["datum", "wijk", "omschrijving"])
        for geval in PII:
            w.writerow(["01-10-2026", "Oost", geval["tekst"]])
    return pad


def _pii_strings() -> set[str]:
    # Short fragments (an age "17", a house number) also occur in innocent text; check the telling ones.
    return {s for geval in PII for s, _ in geval["pii"] if len(s) >= 6}


def test_sample_import_adds_up_and_is_idempotent(tmp_path: Path, scrubber: Scrubber) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        rapport = importeer(SAMPLE, store, scrubber=scrubber)
        assert rapport.data_rijen == 1414
        assert rapport.geaccepteerd + rapport.afgewezen == rapport.data_rijen
        # The two empty notes are rejected; the two impossible dates keep their hulpvraag, with a warning.
        assert sorted(a.rij for a in rapport.afwijzingen) == [520, 1281]
        assert sorted(w.rij for w in rapport.waarschuwingen) == [360, 639]
        assert rapport.gescrubd.totaal > 0 and rapport.nieuw_opgeslagen == rapport.geaccepteerd
        tweede = importeer(SAMPLE, store, scrubber=scrubber)
        assert tweede.nieuw_opgeslagen == 0 and tweede.al_aanwezig == rapport.geaccepteerd
        assert store.aantal_hulpvragen() == rapport.geaccepteerd


def test_nothing_unscrubbed_reaches_database_or_log(
    tmp_path: Path, pii_export: Path, scrubber: Scrubber, caplog: pytest.LogCaptureFixture
) -> None:
    db = tmp_path / "db.sqlite"
    with caplog.at_level(logging.DEBUG), Store(db) as store:
        importeer(pii_export, store, scrubber=scrubber)
        teksten = " ".join(store.hulpvragen()["tekst"])
    bestanden = b"".join(p.read_bytes() for p in tmp_path.glob("db.sqlite*"))
    gelekt = {s for s in _pii_strings() if s in teksten or s.encode() in bestanden or s in caplog.text}
    # The scrubber's recall is measured in test_privacy; here: nothing it removed shows up anywhere else.
    missers = {s for geval in PII for s, _ in geval["pii"] if s in scrubber.scrub(geval["tekst"])[0]}
    assert gelekt <= missers


def test_failed_import_rolls_back(tmp_path: Path, scrubber: Scrubber) -> None:
    with Store(tmp_path / "db.sqlite") as store:

        def stroomstoring(_: float) -> None:
            raise OSError("schijf vol")

        with pytest.raises(OSError):
            importeer(SAMPLE, store, scrubber=scrubber, voortgang=stroomstoring)
        assert store.aantal_hulpvragen() == 0 and store.batches().empty


def test_cli_import_summary_in_dutch(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["import", str(HIER / "fixtures" / "slechte_rijen.csv"), "--db", str(tmp_path / "db.sqlite"), "--stil"])
    uit = capsys.readouterr().out
    assert code == 0
    assert "Geaccepteerd: 5" in uit and "Afgewezen: 4" in uit
    # The field and the problem, with the line a text editor shows; never the cell's content (issue 8, item 5).
    assert "regel 3: datum bestaat niet: hulpvraag wel gebruikt" in uit and "31-02-2026" not in uit
    assert "Lege regels aan het eind van het bestand overgeslagen: 2" in uit


@pytest.mark.parametrize(
    ("naam", "code"), [("leeg.csv", "E002"), ("binair.csv", "E003"), ("geen_tekstkolom.csv", "E004")]
)
def test_cli_unusable_file_exits_nonzero_without_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], naam: str, code: str
) -> None:
    assert main(["import", str(HIER / "fixtures" / naam), "--db", str(tmp_path / "db.sqlite"), "--stil"]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: ") and f"[{code}]" in fout and "Traceback" not in fout
