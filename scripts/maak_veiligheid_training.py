"""Build the training notes of the learned safety check: ``collectief/data/veiligheid_training.tsv.gz``.

    .venv/bin/python scripts/maak_veiligheid_training.py

Sources (the package must not read tests/ or data/ at run time, so the notes are copied, normalised):

- ``tests/data/veiligheid/veiligheid.csv``: all rows (safety notes and look-alikes);
- ``tests/data/veiligheid/veiligheid2.csv`` to ``veiligheid10.csv``: the even rows only (half A). The odd rows
  (half B) are the held-out tests of the safety check and never enter training (the eighth session compared the
  cross-validation rule's new pick with the kept thresholds on them; see ``collectief/data/veiligheid.toml``).
  ``veiligheid11.csv`` to ``veiligheid14.csv``, ``gewoon.csv`` and ``buurt.csv`` stay wholly held out (see
  bench/README.md);
- ``data/sample``: the even rows (``rij`` even) of the dashboard sample, labelled by its ground truth
  (individual-only themes are safety notes, everything else ordinary); the odd rows stay out, so the share of
  the sample's ordinary notes that gets flagged can be measured on notes the model has not seen;
- the independent synthetic bench set (``bench/synth/maak_bench.py``) generated with seed 11, n = 2000, so the
  bench's own run (seed 7) is another draw. It shares its templates with seed 7, so it is no held-out test;
- ``bench/handgeschreven``: the even rows of the hand-written theme set (its odd rows measure what is flagged).

Each safety note keeps its category where the source gives one (the safety sets; the sample's individual-only
theme), for the category classifier used when a note without any cue is flagged.

Deterministic: the same sources give the same file.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from collectief.normalise import normaliseer  # noqa: E402

UIT = ROOT / "collectief" / "data" / "veiligheid_training.tsv.gz"
INDIVIDUEEL = {"huiselijk_geweld", "verslaving", "justitie", "acute_crisis"}
#: Independent sets of which the even rows (half A) are training notes; the odd rows (half B) are held out.
HALF_A = tuple(f"veiligheid{n}" for n in range(2, 11))


def _veiligheidssets() -> list[pd.DataFrame]:
    map_ = ROOT / "tests" / "data" / "veiligheid"
    delen = [_met_categorie(pd.read_csv(map_ / "veiligheid.csv", sep=";"), "veiligheid")]
    for naam in HALF_A:
        half_a = pd.read_csv(map_ / f"{naam}.csv", sep=";").iloc[::2]  # half A only: half B is held out
        delen.append(_met_categorie(half_a, f"{naam}_A"))
    return delen


def _met_categorie(data: pd.DataFrame, bron: str) -> pd.DataFrame:
    """Notes with their label; a safety note keeps its category (a look-alike's category is what it resembles).

    A set's ordinary notes (categorie "gewoon") get their own source, ``<bron>_gewoon``, so the choice of the
    thresholds counts them as ordinary notes, not as look-alikes.
    """
    categorie = data["categorie"].where(data["veilig"] == 1)
    bronnen = [f"{bron}_gewoon" if c == "gewoon" else bron for c in data["categorie"]]
    return pd.DataFrame({"tekst": data["tekst"], "veilig": data["veilig"], "bron": bronnen, "categorie": categorie})


def _sample() -> pd.DataFrame:
    notities = pd.read_csv(ROOT / "data" / "sample" / "hulpvragen.csv", sep=";", encoding="cp1252", dtype=str)
    waarheid = pd.read_csv(ROOT / "data" / "sample" / "ground_truth.csv", sep=";", dtype={"rij": int})
    waarheid = waarheid[(waarheid["rij"] % 2 == 0) & (waarheid["thema_id"] != "afgewezen")]
    tekst = notities["Omschrijving"].iloc[waarheid["rij"].to_numpy()]
    veilig = waarheid["thema_id"].isin(INDIVIDUEEL).astype(int).to_numpy()
    # The sample's safety notes are labelled by theme; each individual-only theme has a category of its name.
    categorie = waarheid["thema_id"].where(waarheid["thema_id"].isin(INDIVIDUEEL)).to_numpy()
    return pd.DataFrame({"tekst": tekst.to_numpy(), "veilig": veilig, "bron": "sample_even", "categorie": categorie})


def _met_waarheid(map_: Path) -> pd.DataFrame:
    """An export of the bench format (``hulpvragen.csv``) joined with its truth (``waarheid.csv``)."""
    notities = pd.read_csv(map_ / "hulpvragen.csv", sep=";", dtype=str)
    waarheid = pd.read_csv(map_ / "waarheid.csv", sep=";", dtype={"volgnummer": str})
    return notities.merge(waarheid, on="volgnummer")


def _gewoon_of_veilig(samen: pd.DataFrame, bron: str) -> pd.DataFrame:
    """Notes labelled safety or not, without a category (these sources give none)."""
    return pd.DataFrame(
        {"tekst": samen["omschrijving"], "veilig": samen["veilig"].astype(int), "bron": bron, "categorie": None}
    )


def _synth(seed: int = 11, n: int = 2000) -> pd.DataFrame:
    with tempfile.TemporaryDirectory() as map_:
        subprocess.run(
            [sys.executable, "maak_bench.py", "--n", str(n), "--seed", str(seed), "--uit", map_],
            cwd=ROOT / "bench" / "synth",
            check=True,
            capture_output=True,
        )
        samen = _met_waarheid(Path(map_))
    return _gewoon_of_veilig(samen, f"synth_s{seed}")


def _handgeschreven() -> pd.DataFrame:
    """The even rows of the hand-written theme set (``bench/handgeschreven``): mostly ordinary notes on subjects
    next to the safety vocabulary (scams on the elderly, a death in the flat, cold homes)."""
    return _gewoon_of_veilig(_met_waarheid(ROOT / "bench" / "handgeschreven").iloc[::2], "handgeschreven_A")


def main() -> None:
    delen = [*_veiligheidssets(), _sample(), _synth(), _handgeschreven()]
    data = pd.concat(delen, ignore_index=True).dropna(subset=["tekst"])
    data["tekst"] = [normaliseer(str(t)) for t in data["tekst"]]
    data = data[data["tekst"].str.len() > 0].drop_duplicates(subset=["tekst", "veilig"])
    data["tekst"] = data["tekst"].str.replace("\t", " ")
    tekst = data.to_csv(sep="\t", index=False, lineterminator="\n")
    # mtime=0: the same notes give byte-identical files.
    UIT.write_bytes(gzip.compress(tekst.encode("utf-8"), mtime=0))
    for bron, rijen in data.groupby("bron", sort=False):
        print(f"{bron:14} {len(rijen):5d} notes, {int(rijen['veilig'].sum()):4d} safety")


if __name__ == "__main__":
    main()
