"""Safety recall on eleven independent sets, and false alarms on a twelfth of ordinary notes, all written by
people who never saw the code or the signal lexicon.

- ``tests/data/veiligheid/veiligheid.csv``: 115 safety notes (most without the obvious words) and 113 look-alikes.
  The lexicon was tuned on it in an earlier round; the signals were later rewritten per category from the field's
  vocabulary, and this set was used to check the rewrite. Its recall is therefore not a held-out figure.
- ``tests/data/veiligheid/veiligheid2.csv``: 169 safety notes and 170 look-alikes, written while the signals were
  being rewritten and scored once after they were committed (recall 0.716, false positives 0.065). Then the
  misses of its even rows (half A) were read and the signals extended by the concepts behind them; its odd rows
  (half B) stayed unread and are a held-out figure.
- ``tests/data/veiligheid/veiligheid3.csv``: 325 safety notes (96% without an obvious word), 314 look-alikes and
  323 ordinary notes. Scored once on arrival with the check as it then was (a6a6ef1): recall 0.726 (lexicon
  alone 0.462), look-alikes flagged 0.220.
- ``tests/data/veiligheid/veiligheid4.csv``: 361 safety notes (97.5% without an obvious word, five writing
  voices), 313 look-alikes and 362 ordinary notes. Scored once on arrival (d754bc6's check, trained with half A
  of veiligheid3): recall 0.853 (lexicon alone 0.496), look-alikes 0.173, ordinary notes 0.019.
- ``tests/data/veiligheid/veiligheid5.csv``: 324 safety notes (one with an obvious word), most of them mainly
  about something else, 312 look-alikes and 303 ordinary notes. Scored once on arrival (724ac45's check):
  recall 0.867 (lexicon alone 0.432), look-alikes 0.179, ordinary notes 0.003.
- ``tests/data/veiligheid/veiligheid6.csv``: 300 safety notes (1% with an obvious word; most of 8-15 words, by
  different kinds of staff), 340 look-alikes and 321 ordinary notes. Wholly held out until the eighth session
  (recall 0.780, lexicon alone 0.450, look-alikes 0.103, ordinary notes 0.006); since then its half A is
  training notes.
- ``tests/data/veiligheid/veiligheid7.csv``: 300 safety notes, 300 look-alikes and 300 ordinary notes written as
  hurried notes (typos, abbreviations, broken Dutch, a third of them logs of two or three matters). Scored on
  arrival (5be03a2): recall 0.933 (lexicon alone 0.597), look-alikes 0.160, ordinary notes 0.013. Its half A
  is training notes since the eighth session.
- ``tests/data/veiligheid/veiligheid8.csv``: 150 safety notes (15 per category, 81% without an obvious word, half
  hidden in an ordinary question), 150 look-alikes written to sound close and 150 ordinary notes, in telegram
  style and multi-subject logs. Never read. Scored on arrival (c167699): recall 0.907, half B 0.917 (lexicon
  alone 0.625), look-alikes 0.280, ordinary notes 0.013. Its half A is training notes since the eighth session.
- ``tests/data/veiligheid/veiligheid9.csv`` and ``veiligheid10.csv``: 150 safety notes, 150 look-alikes and 150
  ordinary notes each; veiligheid9 written as many kinds of staff and front desks write (93% of the safety notes
  without an obvious word), veiligheid10 with the signal hidden in ordinary business, in euphemism and youth or
  regional speech (93% without). Never read; scored on arrival in the eighth session: recall 0.907 and 0.853
  (look-alikes 0.160 and 0.193, ordinary notes 0.020 and 0). Their halves A are training notes since the ninth
  session.
- ``tests/data/veiligheid/veiligheid11.csv`` and ``veiligheid12.csv``: 150 safety notes (95% without an obvious
  word), 150 look-alikes and 150 ordinary notes each; veiligheid11 in the voices of people outside the core team
  who write in the shared system (school social work, youth work, district nurse, budget coach, housing
  consultant, ...), veiligheid12 with indirect signals in three registers (terse list exports, hurried or
  second-language Dutch, formal reports). Wholly held out, never read; scored on arrival in the ninth session
  (see ``test_wholly_held_out_sets``).
- ``tests/data/veiligheid/veiligheid13.csv`` and ``veiligheid14.csv``: the same shape (99% and 100% of the safety
  notes without an obvious word); veiligheid13 with the signal hidden inside an ordinary request (a form, a bill, a
  school cost) as a half-sentence or an observation, veiligheid14 across many communities and life stages in the
  clients' own words. Wholly held out, never read; scored on arrival in the eleventh session.
- ``tests/data/veiligheid/gewoon.csv``: 1,000 ordinary notes, 28% with a word a naive filter reacts to. Not
  trained on; 2.4% flagged on arrival, then its false alarms were read (see the test below).

Of veiligheid2 to veiligheid10 only the even rows (half A) joined the training notes; no note of them was read to
change the lexicon, and their odd rows (half B) are held out. A learned check (``collectief/veiligheid_model.py``)
backs up a single weak cue and, at a stricter threshold, flags notes without any cue. Its training notes are all of
``veiligheid.csv``, the halves A, the even rows of the sample and of the hand-written theme set, and a synthetic
set (seed 11); C and both thresholds were chosen by cross-validation on the training notes only (before the
halves A of veiligheid6 to veiligheid8 joined; see veiligheid.toml). Held out, with the
learned check (lexicon alone in brackets): recall 0.952 (0.702) on veiligheid2 B, 0.951 (0.426) on veiligheid3 B,
0.917 (0.483) on veiligheid4 B, 0.920 (0.432) on veiligheid5 B.
Figures on ``veiligheid.csv`` and the halves A are on training notes.

The assertions below hold what the check reaches; they do not claim the issue's 0.95 on notes written by others.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from collectief.analysis import analyseer
from collectief.catalogue import laad_catalogus
from collectief.errors import CollectiefFout
from collectief.normalise import normaliseer
from collectief.veiligheid import Leerinstelling, Veiligheidssignalen
from collectief.veiligheid_model import Veiligheidscategorie, Veiligheidsclassificatie, lees_training

SET = Path(__file__).parent / "data" / "veiligheid" / "veiligheid.csv"
SET2 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid2.csv"
SET3 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid3.csv"
SET4 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid4.csv"
SET5 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid5.csv"
SET6 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid6.csv"
SET7 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid7.csv"
SET8 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid8.csv"
GEWOON = Path(__file__).parent / "data" / "veiligheid" / "gewoon.csv"
BUURT = Path(__file__).parent / "data" / "veiligheid" / "buurt.csv"
OUDEREN = Path(__file__).parent / "data" / "veiligheid" / "ouderen.csv"
SET9 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid9.csv"
SET10 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid10.csv"
SET11 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid11.csv"
SET12 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid12.csv"
SET13 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid13.csv"
SET14 = Path(__file__).parent / "data" / "veiligheid" / "veiligheid14.csv"


def _lees(pad: Path) -> pd.DataFrame:
    df = pd.read_csv(pad, sep=";")
    teksten = [normaliseer(t) for t in df["tekst"]]
    df["gevonden"] = [bool(c) for c in Veiligheidssignalen.standaard().vind(teksten)]
    df["lexicon"] = [bool(c) for c in Veiligheidssignalen.standaard(leren=False).vind(teksten)]
    return df


@pytest.fixture(scope="module")
def veiligheidsset() -> pd.DataFrame:
    return _lees(SET)


@pytest.fixture(scope="module")
def veiligheidsset2() -> pd.DataFrame:
    return _lees(SET2)


def test_the_set_is_what_it_says(veiligheidsset: pd.DataFrame) -> None:
    assert (veiligheidsset["veilig"] == 1).sum() >= 100 and (veiligheidsset["veilig"] == 0).sum() >= 100
    assert veiligheidsset["categorie"].nunique() == 10


def test_recall_at_least_095(veiligheidsset: pd.DataFrame) -> None:
    """On veiligheid.csv, which the lexicon was checked on and the classifier trained on: not a held-out figure."""
    veilig = veiligheidsset[veiligheidsset["veilig"] == 1]
    recall = veilig["gevonden"].mean()
    assert recall >= 0.95, f"recall {recall:.3f}"
    # Every category is caught, not just the easy ones.
    per_categorie = veilig.groupby("categorie")["gevonden"].mean()
    assert per_categorie.min() >= 0.9, per_categorie.to_dict()


def test_false_positive_rate_is_reported_and_bounded(veiligheidsset: pd.DataFrame) -> None:
    lijkt = veiligheidsset[veiligheidsset["veilig"] == 0]
    fp = lijkt["gevonden"].mean()
    print(f"\nveiligheid: false-positive rate on {len(lijkt)} look-alikes: {fp:.3f}")
    # Training notes. Measured 0.071 (8/113) with the learned check, 0.053 (6/113) lexicon alone; a regression
    # past a tenth of the look-alikes would flood individual follow-up.
    assert fp <= 0.10, f"false-positive rate {fp:.3f}"


def test_second_set_and_the_union(veiligheidsset: pd.DataFrame, veiligheidsset2: pd.DataFrame) -> None:
    """veiligheid2 and the union of both sets: what the check reaches (see the docstring). Half A and
    veiligheid.csv are training notes; half B is held out."""
    tweede = veiligheidsset2
    assert (tweede["veilig"] == 1).sum() == 169 and (tweede["veilig"] == 0).sum() == 170
    recall2 = tweede.loc[tweede["veilig"] == 1, "gevonden"].mean()
    fp2 = tweede.loc[tweede["veilig"] == 0, "gevonden"].mean()
    # Half B (odd rows) was never read nor trained on: the held-out figure. Measured with the learned check 0.952
    # (80/84), false positives 0.035 (3/85); lexicon alone 0.702 (59/84) and 0.024 (2/85).
    half_b = tweede.iloc[1::2]
    recall_b = half_b.loc[half_b["veilig"] == 1, "gevonden"].mean()
    fp_b = half_b.loc[half_b["veilig"] == 0, "gevonden"].mean()
    recall_b_lexicon = half_b.loc[half_b["veilig"] == 1, "lexicon"].mean()
    samen = pd.concat([veiligheidsset, tweede])
    recall = samen.loc[samen["veilig"] == 1, "gevonden"].mean()
    fp = samen.loc[samen["veilig"] == 0, "gevonden"].mean()
    print(f"\nveiligheid2: recall {recall2:.3f}, fp {fp2:.3f}; held-out half B recall {recall_b:.3f}, fp {fp_b:.3f}")
    print(f"union of both sets: recall {recall:.3f}, fp {fp:.3f}")
    # Measured: veiligheid2 0.982 (166/169) / 0.024 (4/170), union 0.989 / 0.035.
    assert recall_b >= 0.92 and recall_b >= recall_b_lexicon + 0.2, (recall_b, recall_b_lexicon)
    assert fp_b <= 0.10, f"held-out false positives {fp_b:.3f}"
    assert recall2 >= 0.92 and recall >= 0.95, (recall2, recall)
    assert fp2 <= 0.05 and fp <= 0.06, (fp2, fp)


@pytest.mark.parametrize(
    ("pad", "veilig_aantal", "min_recall", "min_winst", "max_lijkt", "max_gewoon", "min_categorie"),
    [
        # Figures with the ninth session's check (C 100, the halves A of veiligheid9 and 10 in training).
        # Measured 0.938 (152/162), look-alikes 0.140 (22/157), ordinary 0.000 (0/162); lexicon alone 0.426.
        (SET3, 325, 0.92, 0.4, 0.20, 0.02, 0.6),
        # Measured 0.939 (169/180), look-alikes 0.108 (17/157), ordinary 0.017 (3/181); lexicon alone 0.483.
        (SET4, 361, 0.89, 0.3, 0.18, 0.04, 0.6),
        # Measured 0.932 (151/162), look-alikes 0.083 (13/156), ordinary 0.000 (0/151); lexicon alone 0.432.
        (SET5, 324, 0.89, 0.35, 0.12, 0.02, 0.6),
        # Half A trained since the eighth session (before: 0.800 wholly held out). Measured 0.893 (134/150),
        # look-alikes 0.112 (19/170), ordinary 0.000; lexicon alone 0.407; weakest category on half B 0.73.
        (SET6, 300, 0.86, 0.3, 0.12, 0.02, 0.6),
        # Hurried notes with typos, a third of them logs of two or three matters; half A trained since the eighth
        # session (before: 0.923). Measured 0.949 (148/156), look-alikes 0.117, ordinary 0.015; lexicon alone
        # 0.551; weakest category on half B 0.83.
        (SET7, 300, 0.92, 0.3, 0.18, 0.04, 0.75),
        # No note of it read. Scored on arrival in the fifth session: half B 0.917 (66/72), look-alikes 0.304
        # (written to sound close: "verslaafd aan series", reclassering as an employer). Half A trained since the
        # eighth session: 0.944 (68/72), look-alikes 0.253 (20/79), ordinary 0.014 (1/74); lexicon alone 0.625;
        # weakest category on half B 0.67.
        (SET8, 150, 0.90, 0.2, 0.34, 0.04, 0.6),
        # Wholly held out in the eighth session (0.907 on the whole set); half A trained since the ninth. Half B:
        # 0.912 (62/68) before the ninth session and now, look-alikes 0.132 (10/76), ordinary 0.012 (1/81);
        # lexicon alone 0.603; weakest category on half B 0.50 (of about 7 notes).
        (SET9, 150, 0.86, 0.2, 0.18, 0.03, 0.4),
        # Wholly held out in the eighth session (0.853); half A trained since the ninth. Half B before: 0.853
        # (64/75); now 0.907 (68/75), look-alikes 0.195 (15/77), ordinary 0.000 (0/73); lexicon alone 0.533;
        # weakest category on half B 0.80.
        (SET10, 150, 0.84, 0.25, 0.26, 0.03, 0.6),
    ],
    ids=[f"veiligheid{n}" for n in range(3, 11)],
)
def test_held_out_half_of_the_newer_sets(
    pad: Path,
    veilig_aantal: int,
    min_recall: float,
    min_winst: float,
    max_lijkt: float,
    max_gewoon: float,
    min_categorie: float,
) -> None:
    """Half B (odd rows) of veiligheid3 to veiligheid10, never read nor trained on (their halves A are training
    notes): recall, and what is flagged among its look-alikes and its ordinary notes (categorie "gewoon")."""
    data = _lees(pad)
    assert (data["veilig"] == 1).sum() == veilig_aantal and data["categorie"].nunique() == 11
    half_b = data.iloc[1::2]
    veilig = half_b[half_b["veilig"] == 1]
    lijkt = half_b[(half_b["veilig"] == 0) & (half_b["categorie"] != "gewoon")]
    gewoon = half_b[half_b["categorie"] == "gewoon"]
    recall, recall_lexicon = veilig["gevonden"].mean(), veilig["lexicon"].mean()
    print(
        f"\n{pad.stem} half B: recall {recall:.3f} (lexicon {recall_lexicon:.3f}), look-alikes "
        f"{lijkt['gevonden'].mean():.3f}, ordinary {gewoon['gevonden'].mean():.3f}"
    )
    assert recall >= min_recall and recall >= recall_lexicon + min_winst, (recall, recall_lexicon)
    # Every category is mostly caught, not just the easy ones.
    assert veilig.groupby("categorie")["gevonden"].mean().min() >= min_categorie
    assert lijkt["gevonden"].mean() <= max_lijkt and gewoon["gevonden"].mean() <= max_gewoon


@pytest.mark.parametrize(
    ("pad", "min_recall", "max_lijkt", "max_gewoon"),
    [
        # Outside staff in the shared system. On arrival, the check of the session's start: 0.867 (130/150); with
        # the halves A of veiligheid9 and 10 in training 0.860; with C 100 as well 0.867 (130/150), look-alikes
        # 0.267 (40/150), ordinary 0.013 (2/150); lexicon alone 0.433; weakest category 0.67.
        (SET11, 0.83, 0.31, 0.04),
        # Indirect signals in three registers. On arrival: 0.840 (126/150), 0.840, and now 0.860 (129/150),
        # look-alikes 0.253 (38/150), ordinary 0.007 (1/150); lexicon alone 0.413; weakest category 0.73.
        (SET12, 0.81, 0.30, 0.02),
        # The signal hidden inside an ordinary request (eleventh session). On arrival: 0.900 (135/150), look-alikes
        # 0.207 (31/150), ordinary 0.013 (2/150); lexicon alone 0.473; weakest category 0.80.
        (SET13, 0.87, 0.25, 0.03),
        # Many communities and life stages, in the clients' own words (eleventh session). On arrival: 0.887
        # (133/150), look-alikes 0.220 (33/150), ordinary 0.013 (2/150); lexicon alone 0.440; weakest category 0.80.
        (SET14, 0.85, 0.26, 0.03),
    ],
    ids=["veiligheid11", "veiligheid12", "veiligheid13", "veiligheid14"],
)
def test_wholly_held_out_sets(pad: Path, min_recall: float, max_lijkt: float, max_gewoon: float) -> None:
    """veiligheid11 to veiligheid14, never read, trained on or used to choose anything: recall below the issue's
    0.95 (see bench/README.md), what is flagged among look-alikes and ordinary notes, every category mostly
    caught."""
    data = _lees(pad)
    assert len(data) == 450 and (data["veilig"] == 1).sum() == 150 and data["categorie"].nunique() == 11
    veilig = data[data["veilig"] == 1]
    lijkt = data[(data["veilig"] == 0) & (data["categorie"] != "gewoon")]
    gewoon = data[data["categorie"] == "gewoon"]
    recall = veilig["gevonden"].mean()
    print(
        f"\n{pad.stem}: recall {recall:.3f} (lexicon {veilig['lexicon'].mean():.3f}), look-alikes "
        f"{lijkt['gevonden'].mean():.3f}, ordinary {gewoon['gevonden'].mean():.3f}"
    )
    assert recall >= min_recall and recall >= veilig["lexicon"].mean() + 0.25, recall
    assert veilig.groupby("categorie")["gevonden"].mean().min() >= 0.6
    assert lijkt["gevonden"].mean() <= max_lijkt and gewoon["gevonden"].mean() <= max_gewoon


@pytest.mark.parametrize(
    "pad", [SET2, SET3, SET4, SET5, SET6, SET7, SET8, SET9, SET10], ids=[f"veiligheid{n}" for n in range(2, 11)]
)
def test_held_out_half_is_not_in_the_training_notes(pad: Path) -> None:
    training = set(lees_training()["tekst"])
    half_b = pd.read_csv(pad, sep=";").iloc[1::2]
    assert not training & {normaliseer(t) for t in half_b["tekst"]}
    half_a = pd.read_csv(pad, sep=";").iloc[::2]
    assert {normaliseer(t) for t in half_a["tekst"]} <= training
    for apart in (SET11, SET12, SET13, SET14, GEWOON, BUURT):
        assert not training & {normaliseer(t) for t in pd.read_csv(apart, sep=";")["tekst"]}


def test_independent_ordinary_notes_rarely_flagged() -> None:
    """1,000 ordinary notes by a writer who never saw the code, 278 of them with a word a naive safety filter
    reacts to ("aangifte", "ruzie", "politie", "crisis"), used harmlessly; none is in the training notes.
    Scored on arrival: 2.4% (24/1000) flagged with the learned check, 1.4% lexicon alone. Its false alarms were
    then read and three over-broad strong cues narrowed (a resuscitation course, a neglected garden, roof tiles
    "vastgezet"), so it is a development set now: 2.0% (20/1000), 5.8% (16/278) of the notes with such a word,
    0.6% (4/722) of the others. The held-out sets did not move (bench/README.md)."""
    data = _lees(GEWOON)
    assert len(data) == 1000 and (data["veilig"] == 0).all()
    alarm = data["alarmwoord"] == "ja"
    assert alarm.sum() == 278
    assert data["gevonden"].mean() <= 0.03, data["gevonden"].mean()
    assert data.loc[alarm, "gevonden"].mean() <= 0.08 and data.loc[~alarm, "gevonden"].mean() <= 0.01


def test_household_safety_found_among_neighbourhood_notes() -> None:
    """420 notes by a writer who never saw the code: 120 about the household's own safety (many also mention the
    street), 240 about the neighbourhood (dealing in the portiek, a stabbing witnessed, a raid next door) and 60
    alarming-sounding notes about the household that are not safety cases. Scored on arrival: recall 0.992
    (119/120); flagged 0.421 (101/240) of the neighbourhood notes and 0.417 (25/60) of the look-alikes: the cues
    did not know whose matter it is (someone else's dealing read as the household's addiction).

    The false alarms of half A (even rows) were read, and addiction and justice cues now count only for the
    household or one named person, not for groups or public space (`derden` in veiligheid.toml). Half B:
    neighbourhood notes flagged 0.424 -> 0.356, recall 1.000 -> 1.000; all rows: 0.421 -> 0.321, recall 0.992.
    Still the check's largest known gap; the bounds keep it from growing back."""
    data = _lees(BUURT)
    assert len(data) == 420
    eigen = data["soort"] == "eigen"
    assert (data.loc[eigen, "veilig"] == 1).all() and eigen.sum() == 120
    assert data.loc[eigen, "gevonden"].mean() >= 0.95
    assert data.loc[data["soort"] == "buurt", "gevonden"].mean() <= 0.36
    assert data.loc[data["soort"] == "gelijkend", "gevonden"].mean() <= 0.45


def test_older_residents() -> None:
    """360 notes about older residents by a writer who never saw the code: 100 safety notes (elder financial abuse,
    neglect by a carer, self-neglect that became a crisis, addiction), 200 ordinary notes that sound worrying
    (dementia at home, falls, "politie bracht hem thuis na verdwalen") and 60 look-alikes. Scored on arrival:
    recall 0.782 (half A) / 0.800 (half B); ordinary notes flagged 0.073 / 0.115. The misses of half A were read and
    cues added: half A 0.982, half B 0.822 (held out). Half A's false alarms were read too and one pattern narrowed
    ("afscheid nemen van haar huis"): ordinary notes 0.062 / 0.115."""
    data = _lees(OUDEREN)
    assert len(data) == 360 and data.groupby("soort").size().to_dict() == {
        "gewoon_ouderen": 200,
        "lijkt_ouderen": 60,
        "veilig_ouderen": 100,
    }
    veilig = data["veilig"] == 1
    assert (data.loc[veilig, "soort"] == "veilig_ouderen").all()
    half_b = data.index % 2 == 1
    assert data.loc[veilig & half_b, "gevonden"].mean() >= 0.80
    assert data.loc[veilig, "gevonden"].mean() >= 0.90
    assert data.loc[data["soort"] == "gewoon_ouderen", "gevonden"].mean() <= 0.10
    assert data.loc[data["soort"] == "lijkt_ouderen", "gevonden"].mean() <= 0.50


def test_ordinary_notes_rarely_flagged() -> None:
    """The sample's ordinary notes in its odd rows (not in the training notes): measured 1.3% (9/679) flagged
    with the learned check, 0.9% (6/679) lexicon alone."""
    root = Path(__file__).parents[1] / "data" / "sample"
    notities = pd.read_csv(root / "hulpvragen.csv", sep=";", encoding="cp1252", dtype=str)["Omschrijving"].fillna("")
    waarheid = pd.read_csv(root / "ground_truth.csv", sep=";")
    individueel = {t.id for t in laad_catalogus() if t.individueel} | {"afgewezen"}
    gewoon = waarheid[~waarheid["thema_id"].isin(individueel) & (waarheid["rij"] % 2 == 1)]
    teksten = [normaliseer(t) for t in notities.iloc[gewoon["rij"]]]
    gevlagd = sum(bool(c) for c in Veiligheidssignalen.standaard().vind(teksten)) / len(teksten)
    assert len(teksten) > 600 and gevlagd <= 0.02, gevlagd


def test_classifier_is_an_estimator_and_deterministic() -> None:
    teksten = ["partner slaat haar", "hij slaat de kinderen", "vraag over huurtoeslag", "hulp bij toeslag aanvragen"]
    y = [1, 1, 0, 0]
    model = Veiligheidsclassificatie(min_df=1)
    assert model.get_params()["drempel"] == 0.5 and not hasattr(model, "pijplijn_")
    eerste = model.fit(teksten, y).predict_proba(["moeder slaat haar zoon", "toeslag terugbetalen"])[:, 1]
    tweede = (
        Veiligheidsclassificatie(min_df=1)
        .fit(teksten, y)
        .predict_proba(["moeder slaat haar zoon", "toeslag terugbetalen"])[:, 1]
    )
    assert eerste.tolist() == tweede.tolist()
    assert eerste[0] > 0.5 > eerste[1]
    assert model.predict(["moeder slaat haar zoon", "toeslag terugbetalen"]).tolist() == [1, 0]
    with pytest.raises(ValueError):
        Veiligheidsclassificatie().fit(teksten, [1, 1, 1, 1])


def test_the_classifier_only_decides_for_a_note_with_a_weak_cue() -> None:
    """With a threshold so low that the classifier says yes to everything, a note still needs a weak cue (not
    negated) of a category, and it gets that cue's category; the lexicon's own rule is unchanged."""
    lexicon = Veiligheidssignalen.standaard(leren=False)
    model = Veiligheidsclassificatie(drempel=1e-9).fit(
        ["partner slaat haar", "vraag over huurtoeslag", "slaat de kinderen", "toeslag terug"], [1, 0, 1, 0]
    )
    alles_ja = Veiligheidssignalen(
        lexicon.signalen, lexicon.ontkenningen, lexicon.ontkenning_na, lexicon.min_zwak, lexicon.leren, model
    )
    teksten = [
        normaliseer(t)
        for t in [
            "vraag over huurtoeslag en de energierekening",  # no cue at all
            "blauwe plek op arm, gevallen met fiets",  # one weak cue: the classifier decides
            "geen blauwe plekken gezien, vraag over toeslag",  # the cue is negated
        ]
    ]
    assert [bool(c) for c in lexicon.vind(teksten)] == [False, False, False]
    gevonden = alles_ja.vind(teksten)
    assert gevonden[0] == () and gevonden[2] == ()
    assert gevonden[1] and set(gevonden[1]) <= {s.categorie for s in lexicon.signalen if s.thema == "huiselijk_geweld"}


def test_a_note_without_any_cue_needs_the_strict_threshold_and_gets_the_learned_category() -> None:
    """Hand-checked: the classifier flags a note without any lexicon cue only at ``drempel_zonder_cue``; the
    category then comes from the category classifier, whatever the note's words would say to the lexicon."""
    lexicon = Veiligheidssignalen.standaard(leren=False)
    training = [
        "hij leest al haar berichten en zij mag niet alleen naar de markt",
        "zij moet elke avond laten zien waar ze was en hij houdt haar pinpas",
        "vraag over huurtoeslag en een formulier",
        "hulp bij de aangifte en de zorgtoeslag",
    ]
    model = Veiligheidsclassificatie(min_df=1).fit(training, [1, 1, 0, 0])
    categorie = Veiligheidscategorie(min_df=1).fit(
        [*training[:2], "heeft drie dagen niet gegeten"], ["dwingende_controle", "dwingende_controle", "acute_crisis"]
    )
    tekst = normaliseer("zij moet elke avond vertellen waar ze naar de markt was")
    assert lexicon.bewijs(tekst) == (frozenset(), {})  # no cue the lexicon knows, strong or weak
    p = float(model.predict_proba([tekst])[0, 1])
    assert p > 0.5

    def met(drempel_zonder_cue: float | None) -> Veiligheidssignalen:
        leren = Leerinstelling(3.0, 0.5, "t", drempel_zonder_cue)
        return Veiligheidssignalen(
            lexicon.signalen, lexicon.ontkenningen, lexicon.ontkenning_na, lexicon.min_zwak, leren, model, categorie
        )

    assert met(round(p - 0.01, 4)).vind([tekst]) == [("dwingende_controle",)]
    assert met(round(p - 0.01, 4)).zoek([tekst]) == [("huiselijk_geweld",)]
    assert met(min(round(p + 0.01, 4), 0.999)).vind([tekst]) == [()]
    with pytest.raises(ValueError):
        Leerinstelling(3.0, 0.5, "t", 0.4)  # stricter than the weak-cue threshold, or not at all


def test_bad_learning_settings_give_dutch_errors(tmp_path: Path) -> None:
    kapot = tmp_path / "veiligheid.toml"
    kapot.write_text(
        '[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a"]\n[leren]\nC = 1.0\ndrempel = 2.0\ntraining = "t"\n',
        encoding="utf-8",
    )
    with pytest.raises(CollectiefFout) as info:
        Veiligheidssignalen.laad(kapot)
    assert info.value.code == "E070" and "[leren]" in str(info.value)
    with pytest.raises(CollectiefFout) as info:
        lees_training("bestaat_niet.tsv.gz")
    assert info.value.code == "E072" and "maak_veiligheid_training" in str(info.value)


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("geen signalen van huiselijk geweld, vraag over huurtoeslag", ()),
        ("Mw. durft niet naar huis, partner heeft gedreigd haar iets aan te doen", ("huiselijk_geweld",)),
        ("eet al dagen niet. Crisisdienst gebeld", ("acute_crisis",)),
        ("drinkt veel koffie en slaapt slecht", ()),
        ("partner drinkt te veel, schulden bij energiebedrijf", ("verslaving",)),
        ("zoon net vrijgekomen uit detentie, zoekt woning", ("justitie",)),
        ("voorlichting over loverboys op school gevraagd", ()),
    ],
)
def test_signals_by_hand(tekst: str, verwacht: tuple[str, ...]) -> None:
    assert tuple(Veiligheidssignalen.standaard().zoek([tekst], genormaliseerd=False)[0]) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        # A negation in another clause does not cover the cue.
        ("heeft geen werk en partner slaat haar", ("huiselijk_geweld",)),
        ("geen eigen inkomen, zit sinds maart vast", ("justitie",)),
        # A negating phrase covers its whole clause, and a phrase right after the cue negates it too.
        ("geen zorgen over de kinderen of over drank", ()),
        ("alcohol: nee. drugs: nee. vraag over zorgtoeslag", ()),
        ("suicidaliteit uitgevraagd, geen signalen", ()),
        # One weak cue is not enough; two different ones pointing the same way are.
        ("blauwe plek op arm, gevallen met fiets", ()),
        ("blauwe plek op arm, partner neemt het gesprek over", ("huiselijk_geweld",)),
        # Two weak cues of different themes do not add up.
        ("angstig na inbraak, wil aangifte doen bij de politie", ()),
    ],
)
def test_clauses_negation_and_weak_cues(tekst: str, verwacht: tuple[str, ...]) -> None:
    """The lexicon's own rules (without the learned check, which may back up a single weak cue)."""
    assert tuple(Veiligheidssignalen.standaard(leren=False).zoek([tekst], genormaliseerd=False)[0]) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        ("dhr. bindt zijn vrouw met alzheimer af en toe vast aan de stoel", ("huiselijk_geweld",)),
        ("mw. 76 koopt pijnstillers via internet, niet aanspreekbaar", ("verslaving",)),
        ("spullen tot het plafond, alleen een looppaadje. Weigert zorg", ("acute_crisis",)),
        ("dochter kocht een tv voor zichzelf van haar geld. Koelkast leeg", ("ouderenmishandeling",)),
        # One such cue alone is an everyday matter.
        ("mw. weigert thuiszorg, wil het zelf blijven doen", ()),
        ("dhr. is flink afgevallen na de operatie, dietist ingeschakeld", ()),
        # Taking leave of a home is not taking leave of life.
        ("mw 89 wil afscheid nemen van haar huis, voelt zich schuldig", ()),
        ("heeft afscheid genomen van iedereen, brief geschreven", ("acute_crisis",)),
    ],
)
def test_older_residents_by_hand(tekst: str, verwacht: tuple[str, ...]) -> None:
    """Cues added for older residents (elder abuse, self-neglect, medicines bought online); the lexicon alone."""
    assert Veiligheidssignalen.standaard(leren=False).categorieen(normaliseer(tekst)) == verwacht


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        # Words that are a cue only in company: alone they name an everyday matter.
        ("Mw. kreeg een rekening na een bezoek aan de SEH voor een verstuikte enkel", ()),
        ("mw. voelt zich opgesloten sinds de lift stuk is", ()),
        ("baan kwijt na de proeftijd, WW aanvragen", ()),
        ("dhr. had jaren geleden een overval op zijn werk, nu weer slecht slapen", ()),
        ("buurthuis vraagt of er alcohol mag op het feest", ()),
        # Words read as a crisis, a crime or violence that also have an everyday use.
        ("acute vraag over de huurtoeslag, formulier moet vandaag weg", ()),
        ("mw. zegt dat haar knieen pijn doen bij traplopen", ()),
        ("zoon (5) slaat andere kinderen in de klas, juf wil gesprek", ()),
        ("er zit een boete aan vast als ze te laat betaalt", ()),
        ("voorwaardelijke toekenning van de bijzondere bijstand", ()),
        ("student, high school diploma uit het buitenland", ()),
        ("werkt op een kwekerij in de kas, zoekt huisvesting", ()),
        ("bang om de nieuwe laptop kapot te maken", ()),
        ("de pit op het fornuis doet het niet", ()),
        # Their use or abuse, or the specific patterns, still signal on their own.
        ("zorgen over alcoholgebruik van haar man", ("verslaving",)),
        ("dhr. drinkt te veel alcohol sinds de scheiding", ("verslaving",)),
        ("kind wordt opgesloten in de kamer als straf", ("huiselijk_geweld", "kindermishandeling_verwaarlozing")),
        ("meneer wordt volgens buren opgesloten in zijn huis als de dochter werkt", ("huiselijk_geweld",)),
        ("zoon zit in zijn proeftijd, reclassering betrokken", ("justitie",)),
        ("acute situatie bij mw. thuis, direct langs geweest", ("acute_crisis",)),
        ("hij heeft me pijn gedaan", ("huiselijk_geweld",)),
        ("vader slaat de kinderen als ze huilen", ("huiselijk_geweld", "kindermishandeling_verwaarlozing")),
        ("hij zit vast sinds vorige week", ("justitie",)),
        ("voorwaardelijk vrij, meldplicht bij de reclassering", ("justitie",)),
        ("hij is vaak high als hij thuiskomt", ("verslaving",)),
        ("wietkwekerij op zolder gevonden, woning verzegeld", ("justitie",)),
        ("hij dreigt haar auto kapot te maken", ("huiselijk_geweld",)),
        ("pit is langs geweest, opname besproken", ("acute_crisis",)),
    ],
)
def test_a_word_that_is_a_cue_only_in_company(tekst: str, verwacht: tuple[str, ...]) -> None:
    """The lexicon alone (the learned check may still back up a single weak cue): a word that also names an
    everyday matter signals only in company or in the use that is a safety matter."""
    assert Veiligheidssignalen.standaard(leren=False).categorieen(normaliseer(tekst)) == verwacht


def test_fast_search_finds_what_the_plain_pattern_finds(veiligheidsset: pd.DataFrame) -> None:
    """The dispatch on a match's first characters is only a speed-up: the same matches as one plain alternation."""
    import re

    from collectief.veiligheid import _starts, _Zoeker

    teksten = [normaliseer(t) for t in veiligheidsset["tekst"]] + ["'s nachts gegil", "ex-partner € 5 wiet", ""]
    for signaal in Veiligheidssignalen.standaard().signalen:
        for patronen in (signaal.sterk, signaal.zwak):
            if not patronen:
                continue
            snel = _Zoeker(patronen)
            gewoon = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patronen) + r")(?![\w])")
            for tekst in teksten:
                verwacht = [m.span() for m in gewoon.finditer(tekst)]
                assert [m.span() for m in snel.finditer(tekst, _starts(tekst))] == verwacht, (signaal.categorie, tekst)


@pytest.mark.parametrize(
    ("patroon", "verwacht"),
    [
        ("ex", {"ex"}),
        ("(sla|slo)eg", {"sla", "slo"}),
        ("a?bcd", {"abc", "bcd"}),
        (r"(?<!\baan )vast", {"vas"}),
        (r"\d keer", {f"{c} k" for c in "0123456789"}),
        (r"\d+ keer", {""}),  # over a thousand beginnings: listed as "anything"
        ("wiet|hasj", {"wie", "has"}),
        (r"wiet|.?spul", {""}),  # "" (anything) covers "wie"
        ("slaat|sla", {"sla"}),
        (r"\w*verslaaf\w*", {""}),
        (r"(op|in) [^ ]+ huis", {"op ", "in "}),
        ("(ex-?)?partner", {"ex-", "exp", "par"}),
        ("(?i)ex", {""}),  # a flag changes what a literal matches: tried everywhere
    ],
)
def test_what_a_pattern_can_begin_with(patroon: str, verwacht: set[str]) -> None:
    """Every match begins with one of these texts (up to three characters; "": it may begin with anything)."""
    from collectief.veiligheid import _beginnen

    assert _beginnen(patroon) == frozenset(verwacht)


def test_safety_notes_never_land_in_a_group_theme(pipeline) -> None:
    catalogus = laad_catalogus()
    individueel = {t.id for t in catalogus if t.individueel}
    teksten = [
        "kindje huilt veel, moeder uitgeput. Partner slaat haar als de baby huilt",
        "vraag over kinderopvangtoeslag; vader dreigt de kinderen mee te nemen naar zijn familie",
        "mantelzorger voor moeder, zoon neemt elke maand geld op van haar rekening",
    ]
    analyse = analyseer(pd.DataFrame({"tekst": teksten}), catalogus, pipeline=pipeline)
    assert set(analyse.hulpvragen["thema_id"]) <= individueel
    assert (analyse.hulpvragen["signaal"] != "").all()


@pytest.mark.parametrize(
    ("tekst", "verwacht"),
    [
        # Someone else's dealing, a raid next door or a stabbing witnessed is the neighbourhood's matter.
        ("jongeren dealen in de portiek, vraag aan corporatie om de deur te maken", ()),
        ("client was getuige van een steekpartij op het plein, slaapt slecht", ()),
        ("mannen werden door de politie meegenomen in de straat. vraag over huurtoeslag", ()),
        # One named person is not a group: a concern about him needs individual follow-up.
        ("zorgen over buurman: veel alcoholgebruik, woning vervuild", ("verslaving",)),
        # With someone of the household in the same sentence, it is the household's after all.
        ("zoon (15) dealt voor de jongens op het plein", ("verslaving", "justitie")),
        ("haar man drinkt te veel in de kroeg op de hoek", ("verslaving",)),
        # The household's own addiction or detention, wherever it is told.
        ("mevrouw drinkt veel sinds de scheiding", ("verslaving",)),
        ("zit sinds maart vast, partner alleen met de kinderen", ("justitie",)),
        # Violence is not judged by whose sentence it is: neighbours hearing screaming is a cue of its own.
        ("buren horen geschreeuw, blauwe plek op haar arm", ("huiselijk_geweld",)),
    ],
)
def test_whose_matter_it_is(tekst: str, verwacht: tuple[str, ...]) -> None:
    assert Veiligheidssignalen.standaard(leren=False).categorieen(normaliseer(tekst)) == verwacht


def test_third_party_rule_counts_a_cue_only_outside_groups_and_public_space(tmp_path: Path) -> None:
    bestand = tmp_path / "veiligheid.toml"
    bestand.write_text(
        'derden = ["buurman"]\nhuishouden = ["zoon"]\n[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["drinkt"]\n'
        "derden = true\n",
        encoding="utf-8",
    )
    eigen = Veiligheidssignalen.laad(bestand)
    assert eigen.categorieen("buurman drinkt") == () and eigen.categorieen("zoon drinkt, buurman ook") == ("x",)
    assert eigen.categorieen("drinkt. buurman belde") == ("x",)


def test_a_named_part_is_written_once_and_used_where_a_pattern_names_it(tmp_path: Path) -> None:
    bestand = tmp_path / "veiligheid.toml"
    bestand.write_text(
        "[delen]\nniet_op_school = '(?! op school)'\n"
        '[[signaal]]\ncategorie = "x"\nthema = "y"\n'
        "sterk = ['slaat{{niet_op_school}} \\w+', 'schopt{{niet_op_school}}']\n",
        encoding="utf-8",
    )
    eigen = Veiligheidssignalen.laad(bestand)
    assert eigen.signalen[0].sterk == (r"slaat(?! op school) \w+", "schopt(?! op school)")
    assert eigen.categorieen("hij slaat haar") == ("x",) and eigen.categorieen("hij slaat op school kinderen") == ()
    # The shipped file writes the hitting-verb exception once and uses it three times.
    ingebouwd = Veiligheidssignalen.standaard(leren=False)
    assert sum("(?! (andere|ander) (kind" in p for s in ingebouwd.signalen for p in s.sterk + s.zwak) == 3


@pytest.mark.parametrize(
    ("inhoud", "code", "genoemd"),
    [
        ('[[signaal]]\ncategorie = "x"\nthema = "y"\npatronen = ["(open"]\n', "E071", "veiligheid.toml"),
        ('[[signaal]]\ncategorie = "x"\n', "E070", "thema"),
        ('[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a"]\nzwakk = ["b"]\n', "E070", "zwakk"),
        # The third-party rule needs its word lists, and is switched on with true or false only.
        ('[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a"]\nderden = true\n', "E070", "huishouden"),
        ('[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a"]\nderden = "ja"\n', "E070", "derden"),
        # A named part must exist, be a pattern, and have a plain name.
        ('[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a{{geen}}"]\n', "E070", "geen"),
        ('[delen]\nb = "(open"\n[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a{{b}}"]\n', "E071", "deel b"),
        ('[delen]\n"a b" = "c"\n[[signaal]]\ncategorie = "x"\nthema = "y"\nsterk = ["a"]\n', "E070", "a b"),
    ],
)
def test_bad_signal_file_gives_dutch_error(tmp_path: Path, inhoud: str, code: str, genoemd: str) -> None:
    kapot = tmp_path / "veiligheid.toml"
    kapot.write_text(inhoud, encoding="utf-8")
    with pytest.raises(CollectiefFout) as info:
        Veiligheidssignalen.laad(kapot)
    assert info.value.code == code and genoemd in str(info.value)
