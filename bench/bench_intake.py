"""Intake + scrubbing benchmark: import an export of N rows into a fresh SQLite database.

    .venv/bin/python bench/bench_intake.py                       # 10k and 100k rows
    .venv/bin/python bench/bench_intake.py 1000000               # any sizes
    .venv/bin/python bench/bench_intake.py --bestand export.csv  # a given export file (any size)

The export is built from the sample's notes, each made unique (two extra words) so that no scrub is skipped as a
repeat, written like a real Excel export (cp1252, ';'). With ``--bestand`` the given file is imported as it is.
Each run has its own process; peak memory is that process's maximum resident set size. Besides the total, the
table splits the time into reading (intake alone), scrubbing and storing, each measured on the same file.
Target: 100k rows in under 3 minutes, peak under 2 GB.
"""

from __future__ import annotations

import csv
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SAMPLE = ROOT / "data" / "sample" / "hulpvragen.csv"


def maak_export(n: int, pad: Path) -> None:
    import numpy as np

    with SAMPLE.open(encoding="cp1252", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    kop, data = rijen[0], [r for r in rijen[1:] if r[5].strip()]
    woorden = np.array(" ".join(r[5] for r in data).split())
    rng = np.random.default_rng(0)
    with pad.open("w", encoding="cp1252", errors="replace", newline="") as f:
        schrijver = csv.writer(f, delimiter=";", lineterminator="\r\n")
        schrijver.writerow(kop)
        for i, j in enumerate(rng.integers(0, len(data), n)):
            r = list(data[j])
            r[0] = f"HV-{i:08d}"
            r[5] = f"{r[5]} {rng.choice(woorden)} {rng.choice(woorden)}"
            schrijver.writerow(r)


def _meet(n: int, bestand: str | None = None) -> None:
    from collectief.importer import importeer
    from collectief.intake import open_export
    from collectief.privacy import Scrubber, warm_up
    from collectief.records import RuweRij
    from collectief.store import Store

    warm_up()  # the one-time part is measured apart: it happens at set-up, not per import
    with tempfile.TemporaryDirectory() as tmp:
        if bestand is None:
            export = Path(tmp) / "export.csv"
            maak_export(n, export)
        else:
            export = Path(bestand)
        grootte = export.stat().st_size
        belasting = os.getloadavg()[0]
        start, cpu_start = time.perf_counter(), time.process_time()
        with Store(Path(tmp) / "db.sqlite") as store:
            rapport = importeer(export, store, scrubber=Scrubber())
        duur, cpu = time.perf_counter() - start, time.process_time() - cpu_start
        # The parts, each on its own (CPU seconds, which other work on the machine disturbs less than the clock):
        # reading alone, then scrubbing the read notes in the importer's batches.
        start = time.process_time()
        teksten = [r.tekst for r in open_export(export).rijen() if isinstance(r, RuweRij)]
        lezen = time.process_time() - start
        scrubber = Scrubber()
        start = time.process_time()
        for i in range(0, len(teksten), 2000):
            for _ in scrubber.scrub_many(teksten[i : i + 2000]):
                pass
        scrubben = time.process_time() - start
        belasting = max(belasting, os.getloadavg()[0])
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "n": rapport.data_rijen,
                "mb": grootte / 1e6,
                "s": duur,
                "cpu": cpu,
                "belasting": belasting,
                "lezen": lezen,
                "scrubben": scrubben,
                "piek": piek,
                "ok": rapport.geaccepteerd,
                "gescrubd": rapport.gescrubd.totaal,
                "woorden": sum(len(t.split()) for t in teksten) / max(len(teksten), 1),
            }
        )
    )


def opslag(n: int = 100_000) -> None:
    """Storing alone: n ready, scrubbed records with an id, a household and a date into a fresh database."""
    import datetime as dt

    from collectief.records import Hulpvraag, ImportRapport
    from collectief.store import Store

    rijen = [
        Hulpvraag(
            rij=i,
            tekst=f"vraag over huurtoeslag en schulden, nummer {i}",
            datum=dt.date(2025, 1 + i % 12, 1 + i % 28),
            wijk=f"Wijk {i % 6}",
            huishouden=f"HH-{i // 3:05d}",
            minuten=30.0,
            bron_id=str(i + 1),
        )
        for i in range(n)
    ]
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "db.sqlite") as store:
        start = time.process_time()
        with store.transactie() as imp:
            for i in range(0, n, 2000):
                imp.schrijf(rijen[i : i + 2000])
            imp.sluit(ImportRapport(bestand="opslag"))
        print(f"Storing {n} scrubbed hulpvragen: {time.process_time() - start:.2f} CPU s ({imp.nieuw} new)")


def main(groottes: list[int], bestanden: list[str]) -> None:
    print(f"Machine: {platform.machine()}, {_cpu()}, Python {platform.python_version()}")
    print(
        f"| {'export':<12} | {'rows':>7} | {'MB':>5} | {'words/note':>10} | {'seconds':>7} | {'CPU s':>6} "
        f"| {'read CPU s':>10} | {'scrub CPU s':>11} | {'peak MB':>7} | {'scrubbed':>8} | {'load':>4} |"
    )
    print(
        "|--------------|---------|-------|------------|---------|--------|------------|-------------|---------|"
        "----------|------|"
    )
    runs = [(f"built {n}", ["_meet", str(n)]) for n in groottes] + [
        (Path(b).name, ["_meet", "0", str(Path(b).resolve())]) for b in bestanden
    ]
    for naam, args in runs:
        uit = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, check=True)
        r = json.loads(uit.stdout.strip().splitlines()[-1])
        print(
            f"| {naam[:12]:<12} | {r['n']:7d} | {r['mb']:5.1f} | {r['woorden']:10.1f} | {r['s']:7.1f} "
            f"| {r['cpu']:6.1f} | {r['lezen']:10.1f} | {r['scrubben']:11.1f} | {r['piek']:7.0f} "
            f"| {r['gescrubd']:8d} | {r['belasting']:4.1f} |",
            flush=True,
        )


def _cpu() -> str:
    for regel in Path("/proc/cpuinfo").read_text().splitlines():
        if regel.startswith("model name"):
            return f"{regel.split(':', 1)[1].strip()} ({len(os.sched_getaffinity(0))} cores)"
    return platform.processor()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "_meet":
        _meet(int(sys.argv[2]), sys.argv[3] if len(sys.argv) > 3 else None)
    else:
        import argparse

        parser = argparse.ArgumentParser(description="intake + scrubbing benchmark")
        parser.add_argument("groottes", nargs="*", type=int, help="sizes of built exports (default 10000 100000)")
        parser.add_argument("--bestand", action="append", default=[], help="also benchmark this export file")
        parser.add_argument("--opslag", action="store_true", help="only the store: 100k ready records")
        args = parser.parse_args()
        if args.opslag:
            opslag()
            sys.exit()
        main(args.groottes or ([] if args.bestand else [10_000, 100_000]), args.bestand)
