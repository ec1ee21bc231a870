"""Theme engine benchmark: quality against the sample's ground truth, and speed and memory at scale.

    .venv/bin/python bench/bench_themes.py scrub        # once: scrub the sample (deduce) into bench/out/
    .venv/bin/python bench/bench_themes.py quality      # collectief vs TF-IDF+KMeans, NMF, LDA, BERTopic
    .venv/bin/python bench/bench_themes.py speed        # 1k, 10k, 100k rows: seconds and peak memory
    .venv/bin/python bench/bench_themes.py publiek      # discovery alone on ../shared/bench-data vs baselines
    .venv/bin/python bench/bench_themes.py veiligheid   # safety recall and false positives on the safety sets
    .venv/bin/python bench/bench_themes.py schrijvers   # safety recall on a writer left out of the training notes
    .venv/bin/python bench/bench_themes.py synth        # the independent synthetic set (bench/synth/)
    .venv/bin/python bench/bench_themes.py handgeschreven  # the independent hand-written set (bench/handgeschreven/)
    .venv/bin/python bench/bench_themes.py handgeschreven2  # a second one, held out (bench/handgeschreven2/)
    .venv/bin/python bench/bench_themes.py handgeschreven3  # a third (bench/handgeschreven3/)
    .venv/bin/python bench/bench_themes.py handgeschreven4  # a fourth (bench/handgeschreven4/)
    .venv/bin/python bench/bench_themes.py handgeschreven5  # a fifth (bench/handgeschreven5/)
    .venv/bin/python bench/bench_themes.py handgeschreven6  # a sixth (bench/handgeschreven6/)
    .venv/bin/python bench/bench_themes.py handgeschreven7  # a seventh (bench/handgeschreven7/)
    .venv/bin/python bench/bench_themes.py handgeschreven8  # an eighth (bench/handgeschreven8/)
    .venv/bin/python bench/bench_themes.py handgeschreven9  # a ninth (bench/handgeschreven9/)
    .venv/bin/python bench/bench_themes.py handgeschreven10  # a tenth (bench/handgeschreven10/)
    .venv/bin/python bench/bench_themes.py handgeschreven11  # an eleventh (bench/handgeschreven11/)
    .venv/bin/python bench/bench_themes.py handgeschreven12  # a twelfth (bench/handgeschreven12/)
    .venv/bin/python bench/bench_themes.py varianten '{}' '{"_ANKER_BEWIJS": 1.5}'  # settings compared over seeds
    .venv/bin/python bench/bench_themes.py stabiliteit [sets]  # themes refitted with 2% of the notes left out

Baselines get the same scrubbed, normalised texts, Dutch stop words removed, and the true number of themes
(an advantage real users never have). BERTopic runs when it is installed (``pip install -e ".[bench]"``), with a
TF-IDF + SVD embedding since no sentence model can be downloaded here.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.metrics import adjusted_mutual_info_score, adjusted_rand_score, normalized_mutual_info_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))  # synth_bench, also when this module is imported from elsewhere

from collectief.analysis import analyseer  # noqa: E402
from collectief.catalogue import laad_catalogus  # noqa: E402
from collectief.inbedding import inbed  # noqa: E402
from collectief.intake import open_export  # noqa: E402
from collectief.nlp import laad_pipeline  # noqa: E402
from collectief.normalise import normaliseer  # noqa: E402
from collectief.records import OVERIG, RuweRij  # noqa: E402

SAMPLE = ROOT / "data" / "sample" / "hulpvragen.csv"
TRUTH = ROOT / "data" / "sample" / "ground_truth.csv"


GESCRUBD = ROOT / "bench" / "out" / "sample_gescrubd.json"


def _sample(scrub: bool = True) -> pd.DataFrame:
    rijen = [r for r in open_export(SAMPLE).rijen() if isinstance(r, RuweRij)]
    teksten = [r.tekst for r in rijen]
    if scrub:
        # Scrubbed once by `bench_themes.py scrub` (deduce), so a venv with BERTopic need not hold deduce too.
        if not GESCRUBD.exists():
            sys.exit(f"Run first: python bench/bench_themes.py scrub   (writes {GESCRUBD})")
        teksten = json.loads(GESCRUBD.read_text(encoding="utf-8"))
    return pd.DataFrame(
        {
            "rij": [r.rij for r in rijen],
            "datum": pd.to_datetime([r.datum for r in rijen]),
            "wijk": [r.wijk for r in rijen],
            "huishouden": [r.huishouden for r in rijen],
            "minuten": [r.minuten for r in rijen],
            "tekst": teksten,
        }
    )


def _baseline_teksten(teksten: list[str]) -> list[str]:
    return [normaliseer(t) for t in teksten]


def _stopwoorden() -> list[str]:
    from spacy.lang.nl.stop_words import STOP_WORDS

    return sorted(STOP_WORDS)


def kmeans(teksten: list[str], k: int, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(stop_words=_stopwoorden(), min_df=2, sublinear_tf=True).fit_transform(teksten)
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(X)


def nmf(teksten: list[str], k: int, seed: int) -> np.ndarray:
    from sklearn.decomposition import NMF
    from sklearn.feature_extraction.text import TfidfVectorizer

    X = TfidfVectorizer(stop_words=_stopwoorden(), min_df=2, sublinear_tf=True).fit_transform(teksten)
    return NMF(n_components=k, init="nndsvda", random_state=seed, max_iter=500).fit_transform(X).argmax(axis=1)


def lda(teksten: list[str], k: int, seed: int) -> np.ndarray:
    from sklearn.decomposition import LatentDirichletAllocation
    from sklearn.feature_extraction.text import CountVectorizer

    X = CountVectorizer(stop_words=_stopwoorden(), min_df=2).fit_transform(teksten)
    return LatentDirichletAllocation(n_components=k, random_state=seed).fit_transform(X).argmax(axis=1)


def bertopic(teksten: list[str], k: int | None, seed: int, inbeddingen: np.ndarray | None = None) -> np.ndarray | None:
    """BERTopic's topics (-1 = outlier): in its own venv when ``$COLLECTIEF_BERTOPIC_PYTHON`` names it, else in this
    process when it is installed here, else None. ``k`` None: BERTopic's own number of topics. ``inbeddingen``:
    sentence embeddings for BERTopic to cluster (else its TF-IDF + SVD embedding)."""
    if os.environ.get("COLLECTIEF_BERTOPIC_PYTHON"):
        return bertopic_apart(teksten, seed, k, inbeddingen)
    try:
        import bertopic  # noqa: F401
    except ImportError:
        return None
    from bertopic_run import onderwerpen

    lijst = inbeddingen.tolist() if inbeddingen is not None else None
    return np.array(onderwerpen(teksten, _stopwoorden(), seed, k, lijst))


def collectief(df: pd.DataFrame, seed: int, met_catalogus: bool) -> np.ndarray:
    catalogus = laad_catalogus() if met_catalogus else ()
    return analyseer(df, catalogus, seed=seed).hulpvragen["thema_id"].to_numpy()


def kwaliteit() -> None:
    df = _sample()
    waarheid = pd.read_csv(TRUTH, sep=";").set_index("rij")["thema_id"].loc[df["rij"]].to_numpy()
    k = len(set(waarheid))
    teksten = _baseline_teksten(df["tekst"].tolist())
    methoden = {
        "collectief (catalogus + ontdekken)": lambda s: collectief(df, s, True),
        "collectief (alleen ontdekken)": lambda s: collectief(df, s, False),
        f"TF-IDF + KMeans (k={k})": lambda s: kmeans(teksten, k, s),
        f"NMF (k={k})": lambda s: nmf(teksten, k, s),
        f"LDA (k={k})": lambda s: lda(teksten, k, s),
        f"BERTopic, TF-IDF+SVD (nr_topics={k})": lambda s: bertopic(teksten, k, s),
    }
    print(
        f"Sample: {len(df)} hulpvragen, {k} true themes (incl. overig); scrubbed texts; pipeline: "
        f"{laad_pipeline().naam}"
    )
    kop = (
        f"| {'method':42} | {'NMI':>5} | {'ARI':>5} | {'in overig':>9} | {'ARI seed 0 vs 1':>15} "
        f"| {'same seed twice':>15} | {'s':>5} |"
    )
    print(kop)
    print("|" + "|".join("-" * (len(c)) for c in kop.split("|")[1:-1]) + "|")
    for naam, methode in methoden.items():
        start = time.perf_counter()
        a = methode(0)
        duur = time.perf_counter() - start
        if a is None:
            print(f"| {naam:42} | {'not installed':>56} |")
            continue
        b, c = methode(1), methode(0)
        a, b, c = (np.asarray(x).astype(str) for x in (a, b, c))
        overig = np.isin(a, [OVERIG, "-1"]).mean()
        print(
            f"| {naam:42} | {normalized_mutual_info_score(waarheid, a):5.3f} | {adjusted_rand_score(waarheid, a):5.3f} "
            f"| {overig:9.1%} | {adjusted_rand_score(a, b):15.3f} | {'identical' if (a == c).all() else 'differs':>15} "
            f"| {duur:5.1f} |"
        )


# ../shared/bench-data next to the repository (or next to the folder of worktrees), or $COLLECTIEF_BENCH_DATA.
BENCH_DATA = next(
    (
        p
        for p in (
            Path(os.environ.get("COLLECTIEF_BENCH_DATA", "/nonexistent")),
            ROOT.parent / "shared" / "bench-data",
            ROOT.parents[1] / "shared" / "bench-data",
        )
        if p.exists()
    ),
    ROOT.parent / "shared" / "bench-data",
)
PUBLIEK = ("dekamer_be_titles", "sib200_nld")


def char_lsa(teksten: list[str], k: int, seed: int) -> np.ndarray:
    from sklearn.cluster import KMeans
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.preprocessing import normalize

    X = TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), min_df=2, sublinear_tf=True).fit_transform(teksten)
    Z = normalize(TruncatedSVD(n_components=min(100, X.shape[1] - 1), random_state=seed).fit_transform(X))
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(Z)


def usem_kmeans(teksten: list[str], k: int, seed: int) -> np.ndarray:
    """KMeans given the true k on the sentence embeddings collectief's discovery also uses."""
    from sklearn.cluster import KMeans

    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(inbed(teksten))


def bertopic_apart(
    teksten: list[str], seed: int, k: int | None = None, inbeddingen: np.ndarray | None = None
) -> np.ndarray:
    """BERTopic in its own venv (``$COLLECTIEF_BERTOPIC_PYTHON``), through ``bench/bertopic_run.py``."""
    import tempfile

    with tempfile.TemporaryDirectory() as map_:
        invoer, uitvoer = Path(map_) / "in.json", Path(map_) / "uit.json"
        vraag = {"teksten": teksten, "stopwoorden": _stopwoorden(), "seed": seed, "nr_topics": k}
        if inbeddingen is not None:
            vraag["inbeddingen"] = inbeddingen.tolist()
        invoer.write_text(json.dumps(vraag), "utf-8")
        script = ROOT / "bench" / "bertopic_run.py"
        subprocess.run([os.environ["COLLECTIEF_BERTOPIC_PYTHON"], str(script), str(invoer), str(uitvoer)], check=True)
        return np.array(json.loads(uitvoer.read_text("utf-8"))["labels"])


def publiek() -> None:
    """Discovery alone on public labelled Dutch texts (read from ../shared/bench-data, never copied)."""
    if not BENCH_DATA.exists():
        sys.exit(f"{BENCH_DATA} not found: the public sets live next to the repository, in shared/bench-data")
    print(f"pipeline: {laad_pipeline().naam}; AMI against the labels; baselines get the true k")
    print(f"| {'file':18} | {'method':34} | {'AMI':>5} | {'in overig':>9} | {'themes':>6} | {'s':>5} |")
    print("|" + "|".join("-" * w for w in (20, 36, 7, 11, 8, 7)) + "|")
    for naam in PUBLIEK:
        data = pd.read_csv(BENCH_DATA / f"{naam}.csv")
        waarheid = data["label"].to_numpy()
        k = len(set(waarheid))
        teksten = _baseline_teksten(data["text"].tolist())
        methoden = {
            "collectief (alleen ontdekken)": lambda s, d=data: (
                analyseer(pd.DataFrame({"tekst": d["text"]}), (), seed=s).hulpvragen["thema_id"].to_numpy()
            ),
            f"TF-IDF + KMeans (k={k})": lambda s, t=teksten, k=k: kmeans(t, k, s),
            f"char 3-5 LSA + KMeans (k={k})": lambda s, t=teksten, k=k: char_lsa(t, k, s),
            f"NMF (k={k})": lambda s, t=teksten, k=k: nmf(t, k, s),
            f"USE-m3 + KMeans (k={k})": lambda s, t=teksten, k=k: usem_kmeans(t, k, s),
        }
        if os.environ.get("COLLECTIEF_BERTOPIC_PYTHON"):
            methoden["BERTopic, TF-IDF+SVD (auto k)"] = lambda s, t=teksten: bertopic(t, None, s)
            methoden["BERTopic, USE-m3 (auto k)"] = lambda s, t=teksten: bertopic(t, None, s, inbed(t))
        for methode, functie in methoden.items():
            start = time.perf_counter()
            labels = np.asarray(functie(0)).astype(str)
            duur = time.perf_counter() - start
            ami = adjusted_mutual_info_score(waarheid, labels)
            # BERTopic's outliers (-1) count as its overig.
            labels = np.where(labels == "-1", OVERIG, labels)
            overig = (labels == OVERIG).mean()
            aantal = len(set(labels) - {OVERIG})
            print(f"| {naam:18} | {methode:34} | {ami:5.3f} | {overig:9.1%} | {aantal:6d} | {duur:5.1f} |")


#: The hand-written theme sets under bench/, in the order they arrived.
HANDGESCHREVEN = tuple(f"handgeschreven{i}" if i > 1 else "handgeschreven" for i in range(1, 13))

VEILIGHEIDSSETS = {
    "veiligheid": ROOT / "tests" / "data" / "veiligheid" / "veiligheid.csv",
    "veiligheid2": ROOT / "tests" / "data" / "veiligheid" / "veiligheid2.csv",
    "veiligheid3": ROOT / "tests" / "data" / "veiligheid" / "veiligheid3.csv",
    "veiligheid4": ROOT / "tests" / "data" / "veiligheid" / "veiligheid4.csv",
    "veiligheid5": ROOT / "tests" / "data" / "veiligheid" / "veiligheid5.csv",
    "veiligheid6": ROOT / "tests" / "data" / "veiligheid" / "veiligheid6.csv",
    "veiligheid7": ROOT / "tests" / "data" / "veiligheid" / "veiligheid7.csv",
    "veiligheid8": ROOT / "tests" / "data" / "veiligheid" / "veiligheid8.csv",
    "veiligheid9": ROOT / "tests" / "data" / "veiligheid" / "veiligheid9.csv",
    "veiligheid10": ROOT / "tests" / "data" / "veiligheid" / "veiligheid10.csv",
    "veiligheid11": ROOT / "tests" / "data" / "veiligheid" / "veiligheid11.csv",
    "veiligheid12": ROOT / "tests" / "data" / "veiligheid" / "veiligheid12.csv",
    "veiligheid13": ROOT / "tests" / "data" / "veiligheid" / "veiligheid13.csv",
    "veiligheid14": ROOT / "tests" / "data" / "veiligheid" / "veiligheid14.csv",
    "buurt": ROOT / "tests" / "data" / "veiligheid" / "buurt.csv",
    "ouderen": ROOT / "tests" / "data" / "veiligheid" / "ouderen.csv",
}


def _deel(gevonden: pd.Series) -> str:
    return f"{gevonden.mean():6.3f} ({gevonden.sum():3d}/{len(gevonden):3d})"


def _gewone_notities() -> dict[str, list[str]]:
    """Ordinary (non-safety) notes: the sample's and the hand-written set's by half (even rows are training notes)
    and the synthetic set's; the last two also give their safety notes (recall)."""
    import subprocess
    import tempfile

    from synth_bench import met_waarheid

    individueel = {"huiselijk_geweld", "verslaving", "justitie", "acute_crisis", "afgewezen"}
    notities = pd.read_csv(ROOT / "data" / "sample" / "hulpvragen.csv", sep=";", encoding="cp1252", dtype=str)
    waarheid = pd.read_csv(ROOT / "data" / "sample" / "ground_truth.csv", sep=";")
    gewoon = waarheid[~waarheid["thema_id"].isin(individueel)]
    tekst = notities["Omschrijving"].fillna("")
    uit = {
        "sample, odd rows (not trained on)": tekst.iloc[gewoon[gewoon["rij"] % 2 == 1]["rij"]].tolist(),
        "sample, all": tekst.iloc[gewoon["rij"]].tolist(),
    }
    with tempfile.TemporaryDirectory() as map_:
        subprocess.run(
            [sys.executable, "maak_bench.py", "--n", "2000", "--seed", "7", "--uit", map_],
            cwd=ROOT / "bench" / "synth",
            check=True,
            capture_output=True,
        )
        synth = met_waarheid(Path(map_))
    uit["synthetic n=2000 seed 7, non-safety"] = synth.loc[synth["veilig"] == 0, "omschrijving"].tolist()
    uit["synthetic n=2000 seed 7, safety (recall)"] = synth.loc[synth["veilig"] == 1, "omschrijving"].tolist()
    oneven = met_waarheid(ROOT / "bench" / "handgeschreven").iloc[1::2]  # the even rows are training notes
    uit["hand-written, odd rows, non-safety"] = oneven.loc[oneven["veilig"] == 0, "omschrijving"].tolist()
    uit["hand-written, odd rows, safety (recall)"] = oneven.loc[oneven["veilig"] == 1, "omschrijving"].tolist()
    # Not trained on:
    for naam, (gewoon, veilig) in _handgeschreven_notities().items():
        uit[f"{naam}, non-safety"] = gewoon
        uit[f"{naam}, safety (recall)"] = veilig
    gewoon = pd.read_csv(ROOT / "tests" / "data" / "veiligheid" / "gewoon.csv", sep=";")
    uit["gewoon.csv (1,000 ordinary, not trained on)"] = gewoon["tekst"].tolist()
    return uit


def _handgeschreven_notities() -> dict[str, tuple[list[str], list[str]]]:
    """Per hand-written set the safety check was not trained on (handgeschreven2 and later): its non-safety notes
    and its safety notes."""
    from synth_bench import met_waarheid

    uit = {}
    for naam in HANDGESCHREVEN[1:]:
        alle = met_waarheid(ROOT / "bench" / naam)
        uit[naam] = tuple(alle.loc[alle["veilig"] == v, "omschrijving"].tolist() for v in (0, 1))
    return uit


def veiligheid() -> None:
    """Recall and false positives of the safety check on the independent safety sets, lexicon alone and with the
    learned check: by half, overall, by category; then the share of ordinary notes flagged.

    Halves: A = even rows, B = odd rows. For veiligheid2 only the misses of half A were read after the first
    score; of veiligheid3 to veiligheid14 no note was read. The halves A of veiligheid2 to veiligheid10 are in the
    classifier's training notes, so their halves B are held out; veiligheid11 to 14 are not trained on at all (see
    bench/README.md). The ordinary notes of the newer sets (categorie "gewoon") count as look-alikes here; the
    tests report them apart. buurt (neighbourhood notes) and ouderen (older residents): the false alarms of buurt's
    half A and the misses of ouderen's half A were read; their halves B are held out.
    """
    from collectief.veiligheid import Veiligheidssignalen

    varianten = {"lexicon": Veiligheidssignalen.standaard(leren=False), "+ learned": Veiligheidssignalen.standaard()}
    print(f"| {'set':11} | {'part':13} | {'check':9} | {'recall':>15} | {'false positives':>15} |")
    print("|-------------|---------------|-----------|-----------------|-----------------|")
    alles = []
    for naam, pad in VEILIGHEIDSSETS.items():
        data = pd.read_csv(pad, sep=";")
        teksten = [normaliseer(t) for t in data["tekst"]]
        for variant, signalen in varianten.items():
            data[variant] = [bool(c) for c in signalen.vind(teksten)]
        data["set"] = naam
        alles.append(data)
        for deel, rijen in (("A (even rows)", data.iloc[::2]), ("B (odd rows)", data.iloc[1::2]), ("all", data)):
            for variant in varianten:
                veilig, lijkt = rijen[rijen["veilig"] == 1][variant], rijen[rijen["veilig"] == 0][variant]
                print(f"| {naam:11} | {deel:13} | {variant:9} | {_deel(veilig)} | {_deel(lijkt)} |")
    samen = pd.concat(alles)
    for variant in varianten:
        veilig, lijkt = samen[samen["veilig"] == 1][variant], samen[samen["veilig"] == 0][variant]
        print(f"| {'union':11} | {'all':13} | {variant:9} | {_deel(veilig)} | {_deel(lijkt)} |")
    print(f"\n| {'category':32} | {'set':11} | {'check':9} | {'recall':>15} | {'false positives':>15} |")
    print("|----------------------------------|-------------|-----------|-----------------|-----------------|")
    for (categorie, naam), rijen in samen.groupby(["categorie", "set"]):
        for variant in varianten:
            veilig, lijkt = rijen[rijen["veilig"] == 1][variant], rijen[rijen["veilig"] == 0][variant]
            print(f"| {categorie:32} | {naam:11} | {variant:9} | {_deel(veilig)} | {_deel(lijkt)} |")
    # Notes flagged without any lexicon cue: is the learned category (and its theme) the true one? Halves B only.
    lexicon, geleerd = varianten["lexicon"], varianten["+ learned"]
    thema_van = {s.categorie: s.thema for s in geleerd.signalen}
    juist = juist_thema = aantal = 0
    for naam, pad in VEILIGHEIDSSETS.items():
        if naam == "veiligheid":
            continue
        data = pd.read_csv(pad, sep=";").iloc[1::2]
        data = data[data["veilig"] == 1]
        teksten = [normaliseer(t) for t in data["tekst"]]
        for tekst, categorie, gevonden in zip(teksten, data["categorie"], geleerd.vind(teksten), strict=True):
            # ouderen names its categories in words of its own ("huiselijk geweld", "kindveiligheid").
            if gevonden and categorie in thema_van and lexicon.bewijs(tekst) == (frozenset(), {}):
                aantal += 1
                juist += categorie in gevonden
                juist_thema += thema_van[categorie] in {thema_van[c] for c in gevonden}
    print(
        f"\nsafety notes of the halves B flagged without any cue: {aantal}; category right {juist}/{aantal}, "
        f"individual-only theme right {juist_thema}/{aantal}"
    )
    print(f"\n| {'ordinary notes':40} | {'check':9} | {'flagged':>17} |")
    print("|------------------------------------------|-----------|-------------------|")
    for naam, teksten in _gewone_notities().items():
        genormaliseerd = [normaliseer(t) for t in teksten]
        for variant, signalen in varianten.items():
            gevonden = pd.Series([bool(c) for c in signalen.vind(genormaliseerd)])
            print(f"| {naam:40} | {variant:9} | {gevonden.mean():.4f} ({gevonden.sum():4d}/{len(gevonden):4d}) |")
    # Speed: the sample-based 100k notes of the speed bench, normalised once; the scan alone per variant.
    teksten = [normaliseer(t) for t in _groot(100_000)["tekst"]]
    print(f"\n| {'scan of 100k notes':18} | {'check':9} | {'seconds':>7} |")
    print("|--------------------|-----------|---------|")
    for variant, signalen in varianten.items():
        start = time.perf_counter()
        signalen.vind(teksten)
        print(f"| {'sample-based':18} | {variant:9} | {time.perf_counter() - start:7.1f} |")


def schrijvers() -> None:
    """Safety recall on a writer the check has never seen: for each independent set (veiligheid3 to 10), the
    classifiers are trained without that set's half A and score its half B (leave one writer out). The false
    alarms are counted with the shipped check on the non-safety notes of the hand-written sets it was not trained
    on (handgeschreven2 and later)."""
    from collectief.veiligheid import Veiligheidssignalen
    from collectief.veiligheid_model import lees_training

    lexicon = Veiligheidssignalen.standaard(leren=False)
    training = lees_training()
    print("| set (half B) | safety notes | found, trained without its half A |")
    print("|---|---:|---:|")
    gevonden = totaal = 0
    for nummer in range(3, 11):
        naam = f"veiligheid{nummer}"
        half_b = pd.read_csv(VEILIGHEIDSSETS[naam], sep=";").iloc[1::2]
        teksten = [normaliseer(t) for t in half_b.loc[half_b["veilig"] == 1, "tekst"]]
        zonder = lexicon.met_model(training[~training["bron"].str.startswith(f"{naam}_A")])
        hier = sum(bool(c) for c in zonder.vind(teksten))
        gevonden, totaal = gevonden + hier, totaal + len(teksten)
        print(f"| {naam} | {len(teksten)} | {hier / len(teksten):.3f} |")
    print(f"| **all** | {totaal} | **{gevonden / totaal:.3f}** |")
    gewoon = [normaliseer(str(t)) for niet_veilig, _ in _handgeschreven_notities().values() for t in niet_veilig]
    vals = np.mean([bool(c) for c in Veiligheidssignalen.standaard().vind(gewoon)])
    print(f"\nnon-safety notes of handgeschreven2-{len(HANDGESCHREVEN)} flagged: {vals:.3f} (n = {len(gewoon)})")


def _voorbereide_sets(namen: list[str]) -> dict[str, tuple]:
    """Development sets by name ("sample", "synth" or a hand-written set), unscrubbed and prepared once:
    ``(notities, woordsoorten, truth, outside themes)``. Safety notes count as one truth label, "veiligheid"."""
    import synth_bench

    from collectief.nlp import laad_pipeline, woordsoorten
    from collectief.themes import bereid_voor

    pipeline = laad_pipeline()
    sets = {}
    for naam in namen:
        if naam == "sample":
            df = _sample(scrub=False)
            echt = pd.read_csv(TRUTH, sep=";").set_index("rij")["thema_id"].loc[df["rij"]].to_numpy()
            buiten = ["vervoer", "statushouders"]
        else:
            df, w = synth_bench.lees(synth_bench.maak(2000) if naam == "synth" else ROOT / "bench" / naam)
            echt = np.where(w["veilig"].to_numpy() == 1, "veiligheid", w["thema"].to_numpy())
            buiten = sorted(set(echt[w["in_catalogus"].to_numpy() == "nee"]) - {"eenmalig"})
        huishoudens = [None if pd.isna(h) else str(h) for h in df["huishouden"]]
        notities = bereid_voor(df["tekst"].tolist(), pipeline, huishoudens)
        sets[naam] = (notities, woordsoorten(list(notities.teksten), pipeline), echt, buiten)
    return sets


def _labels(model, notities, individueel: list[str]) -> np.ndarray:
    """A fitted model's labels, the individual-only themes as one label ("veiligheid", as in the truth)."""
    labels = model.fit(notities).labels_.astype(str)
    return np.where(np.isin(labels, individueel), "veiligheid", labels)


def varianten(instellingen: list[str], zaden: int = 4) -> None:
    """Compare settings of the theme engine, each over seeds 0..zaden-1, on the raw sample, the synthetic set
    (n = 2000, seed 7) and both hand-written sets: mean AMI (NMI on the sample) and mean best F1 of the themes
    outside the catalogue. A setting is JSON: ``ThemaModel`` parameters, or module constants of
    ``collectief.themes`` (names starting with ``_``), e.g. ``'{"_ANKER_BEWIJS": 1.0}'``. ``{}`` is the default.
    Texts are not scrubbed (deduce) here: this compares settings, it does not score the product.
    """
    import collectief.themes as themes_module

    catalogus = tuple(laad_catalogus())
    sets = _voorbereide_sets(["sample", "synth", "handgeschreven", "handgeschreven2"])
    print(f"| {'setting':32} | {'set':14} | {'AMI/NMI':>7} | {'outside F1':>10} | per seed |")
    print("|----------------------------------|----------------|---------|------------|----------|")
    standaard = {k: getattr(themes_module, k) for k in dir(themes_module) if k.startswith("_") and k.isupper()}
    for tekst in instellingen:
        instelling = json.loads(tekst)
        constanten = {k: v for k, v in instelling.items() if k.startswith("_")}
        parameters = {k: v for k, v in instelling.items() if not k.startswith("_")}
        for k, v in constanten.items():
            setattr(themes_module, k, v)
        try:
            for naam, voorbereid in sets.items():
                scores, f1s = [], []
                for zaad in range(zaden):
                    alle = np.arange(len(voorbereid[0]))
                    _, score, f1 = _fit_deel(naam, voorbereid, catalogus, alle, zaad, **parameters)
                    scores.append(score)
                    f1s.append(np.mean(f1))
                per_zaad = " ".join(f"{x:.3f}" for x in scores)
                print(f"| {tekst:32} | {naam:14} | {np.mean(scores):7.3f} | {np.mean(f1s):10.3f} | {per_zaad} |")
        finally:
            for k in constanten:
                setattr(themes_module, k, standaard[k])


def _groot(n: int, seed: int = 0) -> pd.DataFrame:
    """n rows from the sample's notes, each made unique so no parse is skipped as a duplicate."""
    basis = _sample(scrub=False)
    rng = np.random.default_rng(seed)
    kies = rng.integers(0, len(basis), n)
    df = basis.iloc[kies].reset_index(drop=True)
    woorden = np.array(" ".join(basis["tekst"]).split())
    extra = rng.choice(woorden, size=(n, 2))
    df["tekst"] = [f"{t} {a} {b}" for t, (a, b) in zip(df["tekst"], extra, strict=True)]
    df["huishouden"] = [f"{h}-{i % 997}" for i, h in enumerate(df["huishouden"])]
    df["rij"] = range(n)
    return df


def _meet(n: int) -> None:
    df = _groot(n)
    start = time.perf_counter()
    analyse = analyseer(df, laad_catalogus(), seed=0)
    duur = time.perf_counter() - start
    piek = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"n": n, "seconden": duur, "piek_mb": piek, "themas": len(analyse.themas)}))


def snelheid(groottes: list[int]) -> None:
    print(
        f"Machine: {platform.machine()}, {_cpu()}, Python {platform.python_version()}; pipeline: {laad_pipeline().naam}"
    )
    print(f"| {'rows':>7} | {'seconds':>8} | {'rows/s':>8} | {'peak MB':>8} | {'themes':>6} |")
    print("|---------|----------|----------|----------|--------|")
    for n in groottes:
        # Each size in its own process, so peak memory is that run's own.
        uit = (
            subprocess.run([sys.executable, __file__, "_meet", str(n)], capture_output=True, text=True, check=True)
            .stdout.strip()
            .splitlines()[-1]
        )
        r = json.loads(uit)
        print(f"| {n:7d} | {r['seconden']:8.1f} | {n / r['seconden']:8.0f} | {r['piek_mb']:8.0f} | {r['themas']:6d} |")


def _cpu() -> str:
    try:
        for regel in Path("/proc/cpuinfo").read_text().splitlines():
            if regel.startswith("model name"):
                return f"{regel.split(':', 1)[1].strip()} ({len(__import__('os').sched_getaffinity(0))} cores)"
    except OSError:
        pass
    return platform.processor()


def stabiliteit(namen: list[str], weglaten: float = 0.02, trekkingen: int = 3, zaad: int = 0) -> None:
    """How much discovery's outcome hangs on which notes take part. Each set is fitted on all its notes and again
    on a random share (1 - ``weglaten``) of them, ``trekkingen`` times; reported: the agreement of the two
    labellings on the notes both runs saw (AMI), the score against the truth (NMI on the sample, AMI otherwise)
    and the best F1 of the themes outside the catalogue (the sample's vervoer and statushouders; the mean over
    a hand-written set's). Unscrubbed notes, seed ``zaad``; a note left out is like a note flagged by the safety
    check or missing from next month's export.
    """
    catalogus = tuple(laad_catalogus())
    print(f"{weglaten:.0%} of the notes left out, {trekkingen} draws, seed {zaad}")
    print("| set | all notes: score | outside F1 | draws: score | outside F1 | agreement with all notes (AMI) |")
    print("|---|---:|---|---|---|---|")
    for naam, voorbereid in _voorbereide_sets(namen).items():
        notities = voorbereid[0]
        alle, score, f1 = _fit_deel(naam, voorbereid, catalogus, np.arange(len(notities)), zaad)
        f1 = _f1_tekst(naam, f1)
        rng = np.random.default_rng(zaad)
        scores, f1s, overeenkomst = [], [], []
        for _ in range(trekkingen):
            index = np.sort(rng.choice(len(notities), round((1 - weglaten) * len(notities)), replace=False))
            labels, score_d, f1_d = _fit_deel(naam, voorbereid, catalogus, index, zaad)
            scores.append(f"{score_d:.3f}")
            f1s.append(_f1_tekst(naam, f1_d))
            overeenkomst.append(f"{adjusted_mutual_info_score(alle[index], labels):.3f}")
        print(
            f"| {naam} | {score:.3f} | {f1} | {', '.join(scores)} | {', '.join(f1s)} | {', '.join(overeenkomst)} |",
            flush=True,
        )


def _fit_deel(
    naam: str, voorbereid: tuple, catalogus: tuple, index: np.ndarray, zaad: int, **parameters
) -> tuple[np.ndarray, float, list[float]]:
    """Fit the notes ``index`` of a prepared set (``ThemaModel`` ``parameters`` beside the defaults): labels,
    score against the truth (NMI on the sample, AMI otherwise), and each outside theme's best F1."""
    import synth_bench

    from collectief.themes import ThemaModel

    notities, soorten, echt, buiten = voorbereid
    individueel = [t.id for t in catalogus if t.individueel]
    model = ThemaModel(catalogus=catalogus, woordsoorten=soorten, random_state=zaad, **parameters)
    labels = _labels(model, notities.deel(index), individueel)
    maat = normalized_mutual_info_score if naam == "sample" else adjusted_mutual_info_score
    f1s = [synth_bench.beste_f1(echt[index], labels, t)[0] for t in buiten]
    return labels, maat(echt[index], labels), f1s


def _f1_tekst(naam: str, f1s: list[float]) -> str:
    """The sample's outside themes one by one (vervoer / statushouders); a hand-written set's mean."""
    return " / ".join(f"{x:.2f}" for x in f1s) if naam == "sample" else f"{np.mean(f1s):.2f}"


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "wat",
        choices=[
            "scrub",
            "quality",
            "speed",
            "_meet",
            "publiek",
            "veiligheid",
            "schrijvers",
            "synth",
            *HANDGESCHREVEN,
            "varianten",
            "stabiliteit",
        ],
    )
    parser.add_argument("n", nargs="*")
    args = parser.parse_args()
    if args.wat == "scrub":
        from collectief.privacy import Scrubber

        ruw = _sample(scrub=False)["tekst"]
        GESCRUBD.parent.mkdir(parents=True, exist_ok=True)
        GESCRUBD.write_text(json.dumps([t for t, _ in Scrubber().scrub_many(ruw)], ensure_ascii=False))
    elif args.wat == "quality":
        kwaliteit()
    elif args.wat == "publiek":
        publiek()
    elif args.wat == "veiligheid":
        veiligheid()
    elif args.wat == "schrijvers":
        schrijvers()
    elif args.wat == "varianten":
        varianten(args.n or ["{}"])
    elif args.wat == "stabiliteit":
        stabiliteit(args.n or ["sample", *HANDGESCHREVEN])
    elif args.wat.startswith("handgeschreven"):
        from synth_bench import kwaliteit_van

        kwaliteit_van(ROOT / "bench" / args.wat, f"hand-written set ({args.wat})")
    elif args.wat == "synth":
        from synth_bench import synth

        synth([int(n) for n in args.n])
    elif args.wat == "speed":
        snelheid([int(n) for n in args.n] or [1000, 10000, 100000])
    else:
        _meet(int(args.n[0]))
