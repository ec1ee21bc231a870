"""Choose C and the threshold of the learned safety check by cross-validation on its training notes only.

    .venv/bin/python scripts/kies_veiligheid_drempel.py

Half B of the independent sets (``HALF_A`` in ``scripts/maak_veiligheid_training.py``) is not in the training notes
and is not read here.

The lexicon was written and extended on most of these training notes, so "lexicon OR classifier" scores about
1.0 in any cross-validation here and cannot choose anything. What is scored instead is the learned part on its
own, as it is used: a note counts as flagged when it holds at least one weak lexicon cue (not negated) and its
out-of-fold probability reaches the threshold. The rule, fixed before looking at results: the highest recall
on the training safety notes with at most 5% of the look-alikes and at most 0.5% of the ordinary notes
(the safety sets' ordinary notes, the sample, the synthetic and the hand-written set) flagged; ties go to the
higher thresholds. C, the threshold for a single weak cue and
the threshold for notes without any cue (``drempel_zonder_cue``, or none) are chosen together: a note without a
cue counts as flagged when its out-of-fold probability reaches that threshold.
Write the results into ``[leren]`` of ``collectief/data/veiligheid.toml``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
from sklearn.model_selection import StratifiedKFold

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from maak_veiligheid_training import HALF_A

from collectief.veiligheid import Veiligheidssignalen
from collectief.veiligheid_model import Veiligheidsclassificatie, lees_training

MAX_LIJKT = 0.05
MAX_GEWOON = 0.005


def main() -> None:
    data = lees_training()
    teksten, y, bron = data["tekst"].tolist(), data["veilig"].to_numpy(), data["bron"].to_numpy()
    lexicon = Veiligheidssignalen.standaard(leren=False)
    bewijs = [lexicon.bewijs(t) for t in teksten]
    zwak = np.array([bool(z) for _, z in bewijs])
    # Notes with no cue at all: no strong cue and no weak cue (as in Veiligheidssignalen.vind).
    geen_cue = np.array([not s and not z for s, z in bewijs])
    # Look-alikes: the safety sets' non-safety notes, except their ordinary ones (source "..._gewoon").
    lijkt = (y == 0) & np.isin(bron, ["veiligheid", *(f"{naam}_A" for naam in HALF_A)])
    gewoon = (y == 0) & ~lijkt
    drempels = np.round(np.arange(0.30, 0.91, 0.05), 2)
    # Without a cue only from 0.50 up; None: never.
    zonder_drempels = [None, *np.round(np.arange(0.50, 0.996, 0.01), 2)]
    beste = None
    print("|    C | drempel | drempel_zonder_cue | recall (CV) | look-alikes flagged | ordinary flagged |")
    print("|-----:|--------:|-------------------:|------------:|--------------------:|-----------------:|")
    for c in (1.0, 3.0, 10.0, 30.0):
        kans = np.zeros(len(y))
        for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(teksten, y):
            model = Veiligheidsclassificatie(C=c).fit([teksten[i] for i in train], y[train])
            kans[test] = model.predict_proba([teksten[i] for i in test])[:, 1]
        for t in drempels:
            for tz in zonder_drempels:
                if tz is not None and tz < t:
                    continue
                vlag = zwak & (kans >= t)
                if tz is not None:
                    vlag = vlag | (geen_cue & (kans >= tz))
                recall, fp_lijkt, fp_gewoon = vlag[y == 1].mean(), vlag[lijkt].mean(), vlag[gewoon].mean()
                if tz is None or tz in (0.5, 0.7, 0.9, 0.99):
                    tz_ = "-" if tz is None else f"{tz:.2f}"
                    print(
                        f"| {c:4.0f} | {t:7.2f} | {tz_:>18} | {recall:11.3f} | {fp_lijkt:19.3f} | {fp_gewoon:16.4f} |"
                    )
                if fp_lijkt <= MAX_LIJKT and fp_gewoon <= MAX_GEWOON:
                    # Ties go to the stricter thresholds (no threshold without a cue is the strictest).
                    sleutel = (round(recall, 6), t, 2.0 if tz is None else tz)
                    if beste is None or sleutel > beste[0]:
                        beste = (sleutel, c, t, tz)
    if beste is None:
        print("\nno setting meets the limits")
        return
    (recall, _, _), c, t, tz = beste
    print(f"\nchosen: C = {c}, drempel = {t}, drempel_zonder_cue = {tz} (CV recall of the learned part {recall:.3f})")


if __name__ == "__main__":
    main()
