"""The independent synthetic benchmark (``bench/synth/``): per theme best-match F1 and name, safety, speed.

Written by a helper who never saw collectief's code or catalogue; see ``bench/synth/README.md``. The generated
CSVs go to ``bench/out/`` (not committed). Run through ``bench_themes.py synth [n ...]``: the first size is
scored for quality, every size is timed in a process of its own (peak memory is that run's own).
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from collectief.analysis import analyseer  # noqa: E402
from collectief.catalogue import laad_catalogus  # noqa: E402
from collectief.intake import open_export  # noqa: E402
from collectief.records import OVERIG, RuweRij  # noqa: E402

GENERATOR = ROOT / "bench" / "synth" / "maak_bench.py"
UIT = ROOT / "bench" / "out"


def maak(n: int, seed: int = 7) -> Path:
    map_ = UIT / f"synth_{n}"
    if not (map_ / "hulpvragen.csv").exists():
        map_.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, str(GENERATOR), "--n", str(n), "--seed", str(seed), "--uit", str(map_)],
            check=True,
            capture_output=True,
        )
    return map_


def lees(map_: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The export through the real intake (column aliases, dates), and the truth by row."""
    rijen = [r for r in open_export(map_ / "hulpvragen.csv").rijen() if isinstance(r, RuweRij)]
    df = pd.DataFrame(
        {
            "rij": [r.rij for r in rijen],
            "id": [r.bron_id for r in rijen],
            "datum": pd.to_datetime([r.datum for r in rijen]),
            "wijk": [r.wijk for r in rijen],
            "huishouden": [r.huishouden for r in rijen],
            "minuten": [r.minuten for r in rijen],
            "tekst": [r.tekst for r in rijen],
        }
    )
    waarheid = pd.read_csv(map_ / "waarheid.csv", sep=";", dtype={"volgnummer": str})
    waarheid = waarheid.set_index("volgnummer").loc[df["id"].astype(str)].reset_index()
    return df, waarheid


def met_waarheid(map_: Path) -> pd.DataFrame:
    """The export's CSV joined with its truth as plain tables (no intake): ``omschrijving``, ``veilig``, ..."""
    return pd.read_csv(map_ / "hulpvragen.csv", sep=";", dtype=str).merge(
        pd.read_csv(map_ / "waarheid.csv", sep=";", dtype={"volgnummer": str}), on="volgnummer"
    )


def beste_f1(echt: np.ndarray, labels: np.ndarray, thema: str) -> tuple[float, str]:
    """Best-match F1 of a true theme against the found labels (overig included), and that label."""
    is_ = echt == thema
    beste = (0.0, OVERIG)
    for kandidaat in set(labels[is_]):
        tp = (is_ & (labels == kandidaat)).sum()
        beste = max(beste, (2 * tp / (is_.sum() + (labels == kandidaat).sum()), kandidaat))
    return beste


def kwaliteit(n: int) -> None:
    kwaliteit_van(maak(n), f"synthetic set n={n}")


def kwaliteit_van(map_: Path, titel: str) -> None:
    """Score the analysis of the export in ``map_`` (``hulpvragen.csv``) against its ``waarheid.csv``."""
    from sklearn.metrics import adjusted_mutual_info_score

    df, waarheid = lees(map_)
    catalogus = laad_catalogus()
    individueel = {t.id for t in catalogus if t.individueel}
    analyse = analyseer(df, catalogus, seed=0)
    labels = analyse.hulpvragen["thema_id"].to_numpy()
    namen = dict(zip(analyse.themas["thema_id"], analyse.themas["thema"], strict=True))
    termen = dict(zip(analyse.themas["thema_id"], analyse.themas["termen"], strict=True))
    echt = waarheid["thema"].to_numpy()
    veilig = waarheid["veilig"].to_numpy() == 1
    # Safety themes count as one label for AMI (the catalogue has one individual theme per kind, not seven).
    echt_ami = np.where(veilig, "veiligheid", echt)
    labels_ami = np.where(np.isin(labels, list(individueel)), "veiligheid", labels)
    print(
        f"{titel}: AMI {adjusted_mutual_info_score(echt_ami, labels_ami):.3f}, "
        f"overig {np.mean(labels == OVERIG):.1%}, themes {len(set(labels) - {OVERIG})}"
    )
    print(f"| {'true theme':24} | {'in cat.':7} | {'n':>4} | {'best F1':>7} | found as (name; terms) |")
    print("|--------------------------|---------|------|---------|------------------------|")
    for thema in sorted(set(echt) - {t for t in set(echt) if t.startswith("veiligheid")}):
        is_ = echt == thema
        f1, gevonden = beste_f1(echt, labels, thema)
        wat = namen.get(gevonden, "Overig")
        if str(gevonden).startswith("ontdekt_"):
            wat += "; " + ", ".join(termen.get(gevonden, []))
        cat = waarheid.loc[is_, "in_catalogus"].iloc[0]
        print(f"| {thema:24} | {cat:7} | {is_.sum():4d} | {f1:7.2f} | {gevonden}: {wat} |")
    signaal = (analyse.hulpvragen["signaal"] != "").to_numpy() | np.isin(labels, list(individueel))
    print(
        f"safety recall (signal or individual-only theme): {signaal[veilig].mean():.3f} "
        f"({signaal[veilig].sum()}/{veilig.sum()}); flagged among non-safety notes: {signaal[~veilig].mean():.3f}"
    )
    # Open set: how much of each known theme is about subjects outside the catalogue.
    buiten = waarheid["in_catalogus"].to_numpy() == "nee"
    regels = []
    for t in catalogus:
        bij = labels == t.id
        if bij.sum():
            regels.append(f"{t.id} {1 - buiten[bij].mean():.2f} (n={bij.sum()})")
    print("known themes, share of their notes not from subjects outside the catalogue:", "; ".join(regels))


def _meet(n: int) -> None:
    df, _ = lees(maak(n))
    start = time.perf_counter()
    analyse = analyseer(df, laad_catalogus(), seed=0)
    duur = time.perf_counter() - start
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconden": duur, "piek_mb": piek, "themas": len(analyse.themas)}))


def synth(groottes: list[int]) -> None:
    groottes = groottes or [2000]
    kwaliteit(groottes[0])
    print(f"| {'rows':>7} | {'seconds':>8} | {'peak MB':>8} | {'themes':>6} |")
    print("|---------|----------|----------|--------|")
    for n in groottes:
        maak(n)
        uit = subprocess.run([sys.executable, __file__, str(n)], capture_output=True, text=True, check=True)
        r = json.loads(uit.stdout.strip().splitlines()[-1])
        print(f"| {n:7d} | {r['seconden']:8.1f} | {r['piek_mb']:8.0f} | {r['themas']:6d} |")


if __name__ == "__main__":
    _meet(int(sys.argv[1]))
