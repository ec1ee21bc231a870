"""Themes on hand-written notes that nobody on the team wrote.

Twelve sets under ``bench/``, each written by a helper who read only ``../shared/DOMAIN.md`` (never the code, the
catalogue or the other sets): 731, 761, 751, 611, 666, 691, 611, 675, 659, 656, 661 and 669 notes, five or six catalogue
themes and five or six outside it each, one-offs and safety notes, twelve months. ``handgeschreven`` was used to
choose the anchor setting (issue 9); ``handgeschreven2`` was held out until then; ``handgeschreven3`` arrived on
2026-12-03 and no setting was chosen on it; ``handgeschreven4`` arrived later that day and decided that a catalogue
change chosen on the other three was not kept; ``handgeschreven5`` and ``handgeschreven6`` arrived in the fourth
session and were scored on arrival (the sixth at the session's end, against its start); ``handgeschreven7`` arrived
in the fifth, ``handgeschreven8`` in the sixth, ``handgeschreven9`` in the seventh (after the sentence encoder was
chosen on the others), ``handgeschreven10`` in the ninth, ``handgeschreven11`` in the
tenth (scored on arrival, before and after the domain's concepts were added to discovery; nothing chosen on it),
``handgeschreven12`` in the eleventh (scored on arrival, before and after that session's changes).
Read through the real intake, analysed with the catalogue at seed 0, as a team would.

The floors hold what the engine reaches, with room for the noise of small changes elsewhere (about ±0.02 AMI
between seeds); they are not the issue's targets. A plain baseline given the true number of themes (an advantage
no user has) runs on the same notes, so the comparison is made here, not copied from a README.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.cluster import KMeans
from sklearn.decomposition import TruncatedSVD
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_mutual_info_score
from sklearn.preprocessing import normalize

from collectief.analysis import als_dataframe, analyseer
from collectief.benoemen import naamwoorden
from collectief.catalogue import laad_catalogus
from collectief.intake import open_export
from collectief.normalise import normaliseer
from collectief.records import OVERIG, RuweRij

BENCH = Path(__file__).resolve().parents[1] / "bench"


def _baseline(teksten: list[str], k: int) -> np.ndarray:
    """Character 3-5-gram TF-IDF, LSA (100 dimensions) and KMeans given the true k."""
    tfidf = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=2)
    lsa = normalize(TruncatedSVD(100, random_state=0).fit_transform(tfidf.fit_transform(teksten)))
    return KMeans(k, n_init=10, random_state=0).fit_predict(lsa)


@pytest.mark.parametrize(
    ("naam", "min_ami", "min_precisie"),
    [
        # Measured at seed 0: AMI 0.305 (baseline 0.13), overig 4.8%, safety notes found 0.94; known themes'
        # notes their own 0.521.
        ("handgeschreven", 0.23, 0.45),
        # Measured 0.253 (baseline 0.17), overig 1.6%, safety notes found 0.89; known themes' notes their own 0.457.
        ("handgeschreven2", 0.21, 0.40),
        # Measured on arrival 0.302 (baseline 0.14), overig 3.5%; now 0.342, overig 3.3%; safety notes found 0.94;
        # known themes' notes their own 0.574 (0.502-0.597 over seeds 0-3 before the edge rule, _ANKER_RAND;
        # 0.533-0.601 before the fourth session's safety change, which moved three notes: the groups shift).
        ("handgeschreven3", 0.25, 0.48),
        # Arrived 2026-12-03 (third session), held out: 0.287 on arrival, now 0.305 (baseline 0.201), overig 2.5%,
        # safety notes found 1.00, ordinary notes flagged 0.094; known themes' notes their own 0.558. With sentence
        # embeddings in discovery (seventh session): AMI 0.345, overig 7.4%, own 0.496; the eight sets' mean of
        # "own" (unscrubbed, seed 0) went 0.570 -> 0.577, this set's fell most (0.522 -> 0.496 unscrubbed).
        ("handgeschreven4", 0.24, 0.47),
        # Arrived in the fourth session, held out: 0.458 at seed 0 (0.457-0.484 over seeds 0-3; baseline 0.191,
        # BERTopic 0.264 with 33% outliers), overig 4.8%, safety notes found 1.00, ordinary notes flagged 0.094;
        # known themes' notes their own 0.747. Its writer mixes English in; since English function words are
        # dropped (chosen on this set, so no longer held out for that change): 0.479, overig 7.8%, own 0.743;
        # with the edge rule (_ANKER_RAND, for which it was held out) 0.494, own 0.725.
        ("handgeschreven5", 0.40, 0.65),
        # Arrived at the end of the fourth session, held out from every choice: 0.324 at the session's start,
        # 0.351 at its end (means over seeds 0-3 0.330 -> 0.354; char-LSA baseline 0.248, BERTopic 0.125 with 43%
        # outliers), overig 3.6%, safety notes found 0.90, ordinary notes flagged 0.079; known themes' notes
        # their own 0.694.
        ("handgeschreven6", 0.30, 0.60),
        # Arrived in the fifth session (two writers: telegram notes, and long notes of two or three subjects),
        # scored on arrival: 0.324 at the session's start (means over seeds 0-3 of the engine alone), 0.333 after the
        # safety lexicon change; with the consensus of Louvain runs 0.343 at seed 0 (0.336-0.343 over seeds 0-3;
        # baseline 0.093), overig 7.2%, known themes' notes their own 0.527 (0.505-0.535).
        ("handgeschreven7", 0.28, 0.46),
        # Arrived in the sixth session (four writers: telegram, verbose with quotes, lowercase with typos, and
        # "Vraag/Actie/Afspraak"; its outside themes include wmo_vervoer and statushouders, as in the sample),
        # scored on arrival and changed by nothing since: 0.343 at seed 0 (0.343-0.365 over seeds 0-3; char-LSA
        # baseline 0.092, BERTopic 0.160 with 44% outliers), overig 1.2%, safety notes found 40 of 40, known themes'
        # notes their own 0.600 (0.564-0.616).
        ("handgeschreven8", 0.29, 0.52),
        # Arrived in the seventh session, after the sentence encoder was chosen on the other sets; scored on arrival
        # and changed by nothing: 0.356 at seed 0 (0.351-0.365 over seeds 0-3; with the session's starting code
        # 0.325-0.338), char-LSA baseline 0.197, USE + KMeans given the true k 0.241, BERTopic 0.166 (43%
        # outliers) and 0.192 on the same embeddings (50%); overig 7.1%, safety notes found 37 of 40, other notes
        # flagged 11.5% (online-fraud notes read as financial abuse); known themes' notes their own 0.567 (0.606 mean
        # over seeds 0-3 with the starting code, 0.576 now).
        ("handgeschreven9", 0.30, 0.50),
        # Arrived in the ninth session and scored on arrival; nothing chosen on it: 0.347 at seed 0 (char-LSA baseline
        # 0.175), overig 5.8%, known themes' notes their own 0.510.
        ("handgeschreven10", 0.29, 0.45),
        # Arrived in the tenth session; scored on arrival with the session's starting code (means over seeds 0-3,
        # unscrubbed: 0.279) and with the domain's concepts (0.319), chosen on the other sets before it came.
        ("handgeschreven11", 0.26, 0.42),
        # Arrived in the eleventh session, after the session's changes (concepts among the centroids' words, the
        # concept rule) were chosen on the other sets; scored on arrival (means over seeds 0-3, unscrubbed): 0.257
        # with the session's starting code, 0.276 with its changes; through the intake at seed 0 0.276, overig 2.8%.
        ("handgeschreven12", 0.24, 0.35),
    ],
)
def test_hand_written_notes(naam: str, min_ami: float, min_precisie: float, pipeline) -> None:
    map_ = BENCH / naam
    rijen = [r for r in open_export(map_ / "hulpvragen.csv").rijen() if isinstance(r, RuweRij)]
    df = als_dataframe(rijen)
    waarheid = pd.read_csv(map_ / "waarheid.csv", sep=";", dtype={"volgnummer": str}).set_index("volgnummer")
    waarheid = waarheid.loc[[r.bron_id for r in rijen]]
    # Nothing lost on the way in.
    assert len(rijen) == len(pd.read_csv(map_ / "hulpvragen.csv", sep=";")) == len(waarheid)
    catalogus = laad_catalogus()
    individueel = [t.id for t in catalogus if t.individueel]
    analyse = analyseer(df, catalogus, seed=0, pipeline=pipeline)
    labels = analyse.hulpvragen["thema_id"].to_numpy()
    veilig = waarheid["veilig"].to_numpy() == 1
    # The catalogue has one individual-only theme per kind of safety case; the truth has one label for all.
    echt = np.where(veilig, "veiligheid", waarheid["thema"].to_numpy())
    ami = adjusted_mutual_info_score(echt, np.where(np.isin(labels, individueel), "veiligheid", labels))
    basis = adjusted_mutual_info_score(echt, _baseline(df["tekst"].tolist(), len(set(echt))))
    gevlagd = (analyse.hulpvragen["signaal"] != "").to_numpy() | np.isin(labels, individueel)
    print(f"\n{naam}: AMI {ami:.3f} (baseline {basis:.3f}), overig {np.mean(labels == OVERIG):.1%}")
    assert ami >= min_ami and ami >= basis + 0.05, (ami, basis)
    assert np.mean(labels == OVERIG) < 0.10
    # Several themes outside the catalogue are found, each with enough households to show.
    ontdekt = analyse.themas[analyse.themas["bron"] == "ontdekt"]
    assert len(ontdekt) >= 3 and (ontdekt["huishoudens"] >= 5).all()
    # Each word of a discovered theme's name is written in at least two of the notes a team reads under it
    # (abbreviations written out: "KOT" is read as "kinderopvangtoeslag").
    for thema_id, naam_ in zip(ontdekt["thema_id"], ontdekt["thema"], strict=True):
        teksten = analyse.hulpvragen.loc[labels == thema_id, "tekst"].map(normaliseer)
        for woord in naamwoorden(naam_):  # without the number a name two themes share carries ("School (2)")
            assert teksten.str.contains(woord, regex=False).sum() >= 2, (naam_, woord)
    # Open set: how many of the known themes' notes are about that theme (the rest: subjects the catalogue does
    # not cover, pulled in by a general keyword or a family word).
    groep = np.isin(labels, [t.id for t in catalogus if not t.individueel])
    precisie = np.mean(labels[groep] == echt[groep])
    print(f"{naam}: known themes hold {groep.sum()} notes, {precisie:.3f} their own")
    assert precisie >= min_precisie, precisie
    # Safety notes: found (signal or individual-only theme); ordinary notes: rarely flagged.
    assert gevlagd[veilig].mean() >= 0.85 and gevlagd[~veilig].mean() <= 0.12
