"""Intake + scrubbing benchmark: import an export of N rows into a fresh SQLite database.

    .venv/bin/python bench/bench_intake.py            # 10k and 100k rows
    .venv/bin/python bench/bench_intake.py 1000000    # any sizes

The export is built from the sample's notes, each made unique (two extra words) so that no scrub is skipped as a
repeat, written like a real Excel export (cp1252, ';'). Each size runs in its own process; peak memory is that
process's maximum resident set size. Target: 100k rows in under 3 minutes, peak under 2 GB.
"""

from __future__ import annotations

import csv
import json
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


def _meet(n: int) -> None:
    from collectief.importer import importeer
    from collectief.privacy import Scrubber, warm_up
    from collectief.store import Store

    warm_up()  # the one-time part is measured apart: it happens at set-up, not per import
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "export.csv"
        maak_export(n, export)
        grootte = export.stat().st_size
        start = time.perf_counter()
        with Store(Path(tmp) / "db.sqlite") as store:
            rapport = importeer(export, store, scrubber=Scrubber())
        duur = time.perf_counter() - start
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "n": n,
                "mb": grootte / 1e6,
                "s": duur,
                "piek": piek,
                "ok": rapport.geaccepteerd,
                "gescrubd": rapport.gescrubd.totaal,
            }
        )
    )


def main(groottes: list[int]) -> None:
    print(f"Machine: {platform.machine()}, {_cpu()}, Python {platform.python_version()}")
    print(
        f"| {'rows':>8} | {'file MB':>7} | {'seconds':>8} | {'rows/s':>7} | {'peak MB':>7} | {'scrubbed items':>14} |"
    )
    print("|----------|---------|----------|---------|---------|----------------|")
    for n in groottes:
        uit = subprocess.run([sys.executable, __file__, "_meet", str(n)], capture_output=True, text=True, check=True)
        r = json.loads(uit.stdout.strip().splitlines()[-1])
        print(
            f"| {n:8d} | {r['mb']:7.1f} | {r['s']:8.1f} | {n / r['s']:7.0f} | {r['piek']:7.0f} | {r['gescrubd']:14d} |"
        )


def _cpu() -> str:
    import os

    for regel in Path("/proc/cpuinfo").read_text().splitlines():
        if regel.startswith("model name"):
            return f"{regel.split(':', 1)[1].strip()} ({len(os.sched_getaffinity(0))} cores)"
    return platform.processor()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "_meet":
        _meet(int(sys.argv[2]))
    else:
        main([int(a) for a in sys.argv[1:]] or [10_000, 100_000])
