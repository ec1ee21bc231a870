"""Faults around the database, each met with real processes and real SQLite files.

Every test runs the real command line (``python -m collectief.cli``) in its own process against a database file in
``tmp_path``; where a second party is needed (an import still running), that is another real process holding an
import transaction open through the store. Each fault must end in one Dutch message (no traceback) and leave the
database as it was.

How the faults are made, honestly:

* full disk: a 320 KB tmpfs mounted in a user namespace (``unshare -rm``), so the kernel itself answers ENOSPC;
  where user namespaces are not allowed that test is skipped. A second test, which runs everywhere, limits the
  import process's file size with ``RLIMIT_FSIZE`` (the kernel refuses to let the database's write-ahead log grow,
  with EFBIG): a write failure SQLite sees as from a full disk.
* read-only location: tests run as root in CI, and root ignores ``chmod``. One test bind-mounts the folder
  read-only in a user namespace (``mount -o remount,bind,ro``; skipped when not allowed); the other runs the
  import as an unprivileged user (``setpriv`` to uid 65534 when the tests run as root) on a folder and file
  without write permission. ``chattr +i`` is not used: it needs CAP_LINUX_IMMUTABLE and an ext2/3/4 or similar
  file system, which CI does not promise.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest

from collectief.records import Hulpvraag, ImportRapport
from collectief.store import SCHEMA_VERSIE, Store

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = ROOT / "data" / "sample" / "hulpvragen.csv"
KLEIN = FIXTURES / "excel_puntkomma_cp1252.csv"  # 4 usable rows
ANDER = FIXTURES / "komma_utf8_bom.csv"  # 3 usable rows

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="process and file-system faults as on Linux")


def _omgeving() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("COLLECTIEF_DB", None)
    return env


def _cli(*args: str) -> list[str]:
    return [sys.executable, "-m", "collectief.cli", *args]


def _draai(*args: str, timeout: float = 600, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        _cli(*args), cwd=ROOT, env=_omgeving(), capture_output=True, text=True, timeout=timeout, **kwargs
    )


def _een_melding(uitkomst: subprocess.CompletedProcess[str], code: str) -> str:
    """Exit code 2, one 'Fout:' line with the code, no traceback."""
    fout = uitkomst.stderr
    assert uitkomst.returncode == 2, (uitkomst.returncode, fout[-2000:])
    assert "Traceback" not in fout and "sqlite3." not in fout, fout[-2000:]
    regels = [r for r in fout.splitlines() if r.strip()]
    assert len(regels) == 1 and regels[0].startswith("Fout: ") and f"[{code}]" in regels[0], fout
    return regels[0]


def _telling(uit: str) -> tuple[int, int, int]:
    """(geaccepteerd, nieuw opgeslagen, al aanwezig) from the import summary."""
    m = re.search(r"Geaccepteerd: (\d+) \(nieuw opgeslagen: (\d+), al aanwezig: (\d+)\)", uit)
    assert m, uit
    return int(m.group(1)), int(m.group(2)), int(m.group(3))


def _stand(db: Path) -> tuple[int, int, str]:
    """Rows, batches and the integrity check of a database, read with plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        return (
            conn.execute("SELECT COUNT(*) FROM hulpvragen").fetchone()[0],
            conn.execute("SELECT COUNT(*) FROM batches").fetchone()[0],
            conn.execute("PRAGMA integrity_check").fetchone()[0],
        )
    finally:
        conn.close()


def _bestanden(map_: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(map_.iterdir()) if p.is_file()}


@pytest.fixture(scope="module")
def _basis(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with one import of 4 hulpvragen, written through the store (copied for each test)."""
    pad = tmp_path_factory.mktemp("basis") / "team.sqlite"
    with Store(pad) as store, store.transactie() as imp:
        imp.schrijf(
            Hulpvraag(rij=i, tekst=f"vraag {i} over de huurtoeslag", datum=dt.date(2026, 1, 1 + i), wijk="Oost")
            for i in range(4)
        )
        imp.sluit(ImportRapport(bestand="basis.csv", data_rijen=4, geaccepteerd=4))
    return pad


@pytest.fixture
def db(_basis: Path, tmp_path: Path) -> Path:
    pad = tmp_path / "team.sqlite"
    shutil.copy(_basis, pad)
    assert _stand(pad) == (4, 1, "ok")
    return pad


def _groot_export(pad: Path, n: int) -> Path:
    """n distinct hulpvragen from the sample's notes, as a ';' export with an id column."""
    with SAMPLE.open(encoding="cp1252", newline="") as f:
        rijen = [r for r in csv.reader(f, delimiter=";")]
    kop, data = rijen[0], [r for r in rijen[1:] if r[5].strip()]
    with pad.open("w", encoding="cp1252", errors="replace", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(kop)
        for i in range(n):
            r = list(data[i % len(data)])
            r[0] = f"GR-{i:06d}"
            r[5] = f"{r[5]} (vervolg {i})"
            w.writerow(r)
    return pad


# A second party: an import that has written 50 rows and waits, its transaction open, until told to commit.
_HOUDER = """
import datetime as dt, sys
from collectief.records import Hulpvraag, ImportRapport
from collectief.store import Store
with Store(sys.argv[1]) as store, store.transactie() as imp:
    imp.schrijf([Hulpvraag(rij=i, tekst=f"vraag {i} tijdens een lange import", datum=dt.date(2026, 5, 1))
                 for i in range(50)])
    print("bezig", flush=True)
    sys.stdin.readline()
    imp.sluit(ImportRapport(bestand="lang.csv", data_rijen=50, geaccepteerd=50))
print("klaar", flush=True)
"""


class _LopendeImport:
    def __init__(self, db: Path) -> None:
        self.proces = subprocess.Popen(
            [sys.executable, "-c", _HOUDER, str(db)],
            cwd=ROOT,
            env=_omgeving(),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proces.stdout is not None and self.proces.stdout.readline().strip() == "bezig"

    def rond_af(self) -> None:
        assert self.proces.stdin is not None and self.proces.stdout is not None
        self.proces.stdin.write("\n")
        self.proces.stdin.flush()
        assert self.proces.stdout.readline().strip() == "klaar"
        assert self.proces.wait(timeout=60) == 0

    def __enter__(self) -> _LopendeImport:
        return self

    def __exit__(self, *exc: object) -> None:
        if self.proces.poll() is None:
            self.proces.kill()
            self.proces.wait()


# ---- concurrency -----------------------------------------------------------------------------------------------
def test_two_imports_at_once_both_land(db: Path) -> None:
    processen = [
        subprocess.Popen(
            _cli("import", str(bestand), "--db", str(db), "--stil"),
            cwd=ROOT,
            env=_omgeving(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for bestand in (_groot_export(db.parent / "groot.csv", 1000), ANDER)
    ]
    uitkomsten = [p.communicate(timeout=600) for p in processen]
    for p, (_, fout) in zip(processen, uitkomsten, strict=True):
        assert p.returncode == 0 and "Traceback" not in fout, fout
    (groot, groot_nieuw, _), (ander, ander_nieuw, _) = (_telling(uit) for uit, _ in uitkomsten)
    assert groot > 990 and (groot_nieuw, ander_nieuw) == (groot, ander) == (groot, 3)
    assert _stand(db) == (4 + groot + 3, 3, "ok")


def test_import_waits_for_a_running_import(db: Path) -> None:
    with _LopendeImport(db) as lopend:
        tweede = subprocess.Popen(
            _cli("import", str(ANDER), "--db", str(db), "--stil"),
            cwd=ROOT,
            env=_omgeving(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Longer than starting Python and pandas: the second import is then waiting for the lock.
        time.sleep(8)
        assert tweede.poll() is None, tweede.communicate()
        lopend.rond_af()
        uit, fout = tweede.communicate(timeout=300)
    assert tweede.returncode == 0, fout
    assert "nieuw opgeslagen: 3" in uit
    assert _stand(db) == (4 + 50 + 3, 3, "ok")


def test_import_gives_up_on_a_running_import_with_one_message(db: Path) -> None:
    with _LopendeImport(db) as lopend:
        uitkomst = _draai("import", str(ANDER), "--db", str(db), "--stil", "--wacht", "1")
        melding = _een_melding(uitkomst, "E042")
        assert "er loopt al een import in deze database" in melding.lower()
        assert "probeer het over een minuut opnieuw" in melding
        lopend.rond_af()
    assert _stand(db) == (4 + 50, 2, "ok")


def test_analysis_during_an_import_reads_a_snapshot(db: Path, tmp_path: Path) -> None:
    with _LopendeImport(db) as lopend:
        uitkomst = _draai("analyse", str(db), "--out", str(tmp_path / "uit"), "--stil")
        lopend.rond_af()
    assert uitkomst.returncode == 0 and "Traceback" not in uitkomst.stderr, uitkomst.stderr[-2000:]
    # The 50 rows of the running import were not committed: the analysis saw the 4 before it, all of them.
    assert f"Database: {db} (4 hulpvragen)" in uitkomst.stdout
    assert (tmp_path / "uit" / "rapport.md").is_file()
    assert _stand(db) == (54, 2, "ok")


# ---- full disk -----------------------------------------------------------------------------------------------
def _namespace_werkt() -> bool:
    if shutil.which("unshare") is None:
        return False
    proef = subprocess.run(["unshare", "-rm", "true"], capture_output=True)
    return proef.returncode == 0


def _in_namespace(script: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["unshare", "-rm", "sh", "-ec", script],
        cwd=ROOT,
        env=_omgeving(),
        capture_output=True,
        text=True,
        timeout=600,
    )


@pytest.mark.skipif(not _namespace_werkt(), reason="user namespaces (unshare -rm) not allowed here")
def test_full_disk_tmpfs(db: Path, tmp_path: Path) -> None:
    export = _groot_export(tmp_path / "groot.csv", 3000)
    schijf, na = tmp_path / "schijf", tmp_path / "na"
    schijf.mkdir()
    na.mkdir()
    voor = _stand(db)
    script = f"""
mount -t tmpfs -o size=320k tmpfs '{schijf}'
cp '{db}' '{schijf}/team.sqlite'
set +e
'{sys.executable}' -m collectief.cli import '{export}' --db '{schijf}/team.sqlite' --stil \
    > '{tmp_path}/uit.txt' 2> '{tmp_path}/fout.txt'
echo $? > '{tmp_path}/code.txt'
set -e
df -k '{schijf}' > '{tmp_path}/df.txt'
cp '{schijf}'/team.sqlite* '{na}/'
"""
    uitkomst = _in_namespace(script, tmp_path)
    assert uitkomst.returncode == 0, uitkomst.stderr
    cli = subprocess.CompletedProcess(
        [], int((tmp_path / "code.txt").read_text()), "", (tmp_path / "fout.txt").read_text()
    )
    melding = _een_melding(cli, "E043")
    assert "De schijf is vol" in melding and "zoals hij was" in melding
    assert _stand(na / "team.sqlite") == voor


def test_full_disk_file_size_limit(db: Path, tmp_path: Path) -> None:
    import resource

    export = _groot_export(tmp_path / "groot.csv", 3000)
    voor = _stand(db)
    grens = db.stat().st_size + 64 * 1024

    def beperk() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (grens, grens))

    uitkomst = _draai("import", str(export), "--db", str(db), "--stil", preexec_fn=beperk)
    # SQLite reports EFBIG as an I/O error (SQLITE_IOERR_WRITE; here: E045, a disk fault that names a full disk
    # as a cause); a short write it would report as SQLITE_FULL (E043). Either is one message.
    code = "E043" if "[E043]" in uitkomst.stderr else "E045"
    melding = _een_melding(uitkomst, code)
    assert "zoals hij was" in melding and "vol" in melding
    assert _stand(db) == voor


# ---- read-only location ----------------------------------------------------------------------------------------
@pytest.mark.skipif(not _namespace_werkt(), reason="user namespaces (unshare -rm) not allowed here")
def test_read_only_mount(db: Path, tmp_path: Path) -> None:
    map_ = tmp_path / "alleen_lezen"
    map_.mkdir()
    shutil.copy(db, map_ / db.name)
    voor = _bestanden(map_)
    script = f"""
mount --bind '{map_}' '{map_}'
mount -o remount,bind,ro '{map_}'
set +e
'{sys.executable}' -m collectief.cli import '{ANDER}' --db '{map_ / db.name}' --stil 2> '{tmp_path}/fout.txt'
echo $? > '{tmp_path}/code.txt'
"""
    uitkomst = _in_namespace(script, tmp_path)
    assert uitkomst.returncode == 0, uitkomst.stderr
    code = int((tmp_path / "code.txt").read_text())
    melding = _een_melding(subprocess.CompletedProcess([], code, "", (tmp_path / "fout.txt").read_text()), "E044")
    assert "alleen-lezen" in melding
    assert _bestanden(map_) == voor


def test_read_only_for_this_user(db: Path) -> None:
    # pytest's tmp_path lies below a folder only its owner may enter; another user needs a folder it can reach.
    map_ = Path(tempfile.mkdtemp(prefix="collectief-alleen-lezen-"))
    try:
        shutil.copy(db, map_ / db.name)
        voor = _bestanden(map_)
        opdracht = _cli("import", str(ANDER), "--db", str(map_ / db.name), "--stil")
        if os.geteuid() == 0:
            if shutil.which("setpriv") is None:
                pytest.skip("running as root without setpriv: cannot run as a user without write permission")
            opdracht = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *opdracht]
        (map_ / db.name).chmod(0o444)
        map_.chmod(0o555)
        uitkomst = subprocess.run(opdracht, cwd=ROOT, env=_omgeving(), capture_output=True, text=True, timeout=600)
        if "collectief" not in uitkomst.stderr and uitkomst.returncode != 2:
            pytest.skip(f"the unprivileged user cannot run the project here: {uitkomst.stderr[-300:]}")
        melding = _een_melding(uitkomst, "E044")
        assert "alleen-lezen" in melding
        assert _bestanden(map_) == voor
    finally:
        map_.chmod(0o755)
        shutil.rmtree(map_)


# ---- databases that are not ours, or newer -------------------------------------------------------------------
def test_foreign_database_is_refused_by_every_command(tmp_path: Path) -> None:
    vreemd = tmp_path / "boekhouding.sqlite"
    conn = sqlite3.connect(vreemd)
    conn.execute("CREATE TABLE facturen (nummer INTEGER, bedrag REAL)")
    conn.execute("INSERT INTO facturen VALUES (1, 12.5)")
    conn.commit()
    conn.close()
    voor = _bestanden(tmp_path)
    for args in (
        ("import", str(KLEIN), "--db", str(vreemd), "--stil"),
        ("analyse", str(vreemd), "--out", str(tmp_path / "uit"), "--stil"),
        ("gestart", "toeslagen", "informatieavond", "--start", "2026-06-01", "--db", str(vreemd)),
    ):
        melding = _een_melding(_draai(*args), "E040")
        assert "geen database van collectief" in melding
        assert _bestanden(tmp_path) == voor, args


def test_non_sqlite_file_as_database_is_refused(tmp_path: Path) -> None:
    tekst = tmp_path / "notities.db"
    tekst.write_text("dit is geen database\n", encoding="utf-8")
    melding = _een_melding(_draai("import", str(KLEIN), "--db", str(tekst), "--stil"), "E040")
    assert "geen SQLite-database" in melding
    assert tekst.read_text(encoding="utf-8") == "dit is geen database\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notities.db"]


def test_newer_database_is_refused(db: Path) -> None:
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSIE + 1}")
    conn.close()
    voor = _bestanden(db.parent)
    for args in (
        ("import", str(ANDER), "--db", str(db), "--stil"),
        ("gestart", "toeslagen", "informatieavond", "--start", "2026-06-01", "--db", str(db)),
    ):
        melding = _een_melding(_draai(*args), "E041")
        assert "nieuwere versie van collectief" in melding
        assert _bestanden(db.parent) == voor


# ---- kill -9 -----------------------------------------------------------------------------------------------------
def test_kill_during_import_leaves_database_intact_and_reimport_exact(db: Path, tmp_path: Path) -> None:
    export = _groot_export(tmp_path / "groot.csv", 10_000)
    proces = subprocess.Popen(
        _cli("import", str(export), "--db", str(db)),
        cwd=ROOT,
        env=_omgeving(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    halverwege = threading.Event()

    def lees_voortgang() -> None:
        # The progress bar ("Importeren [###...] 30%") is written after each batch of 2,000 rows; at 30% and
        # more, batches are in the open transaction and more are to come.
        assert proces.stderr is not None
        gelezen = b""
        while blok := proces.stderr.read1(256):  # type: ignore[attr-defined]
            gelezen += blok
            procenten = [int(p) for p in re.findall(rb"(\d+)%", gelezen)]
            if any(30 <= p < 100 for p in procenten):
                halverwege.set()
                return

    lezer = threading.Thread(target=lees_voortgang, daemon=True)
    lezer.start()
    assert halverwege.wait(timeout=600), "the import never got halfway"
    proces.send_signal(signal.SIGKILL)
    assert proces.wait(timeout=60) == -signal.SIGKILL
    assert _stand(db) == (4, 1, "ok")
    with Store(db) as store:
        assert store.aantal_hulpvragen() == 4
    opnieuw = _draai("import", str(export), "--db", str(db), "--stil")
    assert opnieuw.returncode == 0, opnieuw.stderr
    geaccepteerd, nieuw, aanwezig = _telling(opnieuw.stdout)
    assert geaccepteerd > 9900 and (nieuw, aanwezig) == (geaccepteerd, 0)
    assert _stand(db) == (4 + geaccepteerd, 2, "ok")
