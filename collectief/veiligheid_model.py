"""The learned half of the safety check: text classifiers that back up the lexicon.

The lexicon (:mod:`collectief.veiligheid`) needs one strong cue or two different weak cues. Notes written by
others often carry only one weak cue ("blauwe plek", "koelkast leeg") wrapped in words the lexicon does not
know, or none at all ("heeft al uitgezocht hoe", "paspoort ingenomen"). :class:`Veiligheidsclassificatie`
scores how much a whole note reads like a safety note. For a note with a weak cue that is not negated, it
decides at the usual threshold and the category comes from that cue; for a note without any cue, only at a far
stricter threshold, and then :class:`Veiligheidscategorie` says which category it is.

Both models are TF-IDF over character 3-5-grams (within words) and word 1-2-grams, then a class-balanced logistic
regression (deterministic). They are trained when first needed from the shipped training notes
(``data/veiligheid_training.tsv.gz``, built by ``scripts/maak_veiligheid_training.py``): about 4,000 notes in
about a second. No pickled model ships.
"""

from __future__ import annotations

import gzip
import io
from collections.abc import Sequence
from importlib import resources

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline, make_union
from sklearn.utils.validation import check_is_fitted

from collectief.errors import CollectiefFout

__all__ = ["Veiligheidscategorie", "Veiligheidsclassificatie", "lees_training"]

TRAINING = "veiligheid_training.tsv.gz"


class Veiligheidsclassificatie(ClassifierMixin, BaseEstimator):
    """Probability that a normalised note is a safety note; ``signaleert`` applies the threshold ``drempel``.

    Parameters
    ----------
    C : inverse regularisation strength of the logistic regression.
    drempel : probability from which ``signaleert`` says yes (chosen by cross-validation on the training notes,
        see ``scripts/kies_veiligheid_drempel.py``).
    min_df : a feature must occur in at least this many training notes.
    random_state : seed of the solver (liblinear is deterministic given it).
    """

    def __init__(self, C: float = 3.0, drempel: float = 0.5, min_df: int = 2, random_state: int = 0) -> None:
        self.C = C
        self.drempel = drempel
        self.min_df = min_df
        self.random_state = random_state

    def fit(self, X: Sequence[str], y: Sequence[int]) -> Veiligheidsclassificatie:
        """Learn from normalised notes ``X`` and labels ``y`` (1 = safety note, 0 = not)."""
        y = np.asarray(y, dtype=int)
        if len(X) != len(y) or set(np.unique(y)) != {0, 1}:
            raise ValueError("X and y must have the same length and y must hold both 0 and 1")
        self.pijplijn_ = _pijplijn(self.C, self.min_df, self.random_state).fit(list(X), y)
        self.classes_ = self.pijplijn_.classes_
        return self

    def predict_proba(self, X: Sequence[str]) -> np.ndarray:
        """Per note the probabilities of [not safety, safety]."""
        check_is_fitted(self, "pijplijn_")
        return self.pijplijn_.predict_proba(list(X))

    def predict(self, X: Sequence[str]) -> np.ndarray:
        """1 where the safety probability reaches ``drempel``, else 0."""
        return self.signaleert(X).astype(int)

    def signaleert(self, X: Sequence[str]) -> np.ndarray:
        """Per note whether the safety probability reaches ``drempel`` (boolean array)."""
        if len(X) == 0:
            return np.zeros(0, dtype=bool)
        return self.predict_proba(X)[:, 1] >= self.drempel


class Veiligheidscategorie(ClassifierMixin, BaseEstimator):
    """Which safety category a safety note is about (for a note the classifier flags without any lexicon cue).

    Trained on safety notes whose category is known; the same features as :class:`Veiligheidsclassificatie`, and a
    class-balanced multinomial logistic regression (lbfgs, deterministic).
    """

    def __init__(self, C: float = 3.0, min_df: int = 2, random_state: int = 0) -> None:
        self.C = C
        self.min_df = min_df
        self.random_state = random_state

    def fit(self, X: Sequence[str], y: Sequence[str]) -> Veiligheidscategorie:
        """Learn from normalised safety notes ``X`` and their categories ``y``."""
        y = np.asarray(y, dtype=object)
        if len(X) != len(y) or len(np.unique(y)) < 2:
            raise ValueError("X and y must have the same length and y must hold at least two categories")
        self.pijplijn_ = _pijplijn(self.C, self.min_df, self.random_state, solver="lbfgs").fit(list(X), y)
        self.classes_ = self.pijplijn_.classes_
        return self

    def predict(self, X: Sequence[str]) -> np.ndarray:
        check_is_fitted(self, "pijplijn_")
        if len(X) == 0:
            return np.zeros(0, dtype=object)
        return self.pijplijn_.predict(list(X))


def _pijplijn(C: float, min_df: int, random_state: int, solver: str = "liblinear") -> Pipeline:
    """TF-IDF over character 3-5-grams within words and word 1-2-grams, then class-balanced logistic regression
    (liblinear for two classes; lbfgs, multinomial, for more)."""
    kenmerken = make_union(
        TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5), sublinear_tf=True, min_df=min_df, dtype=np.float32),
        TfidfVectorizer(analyzer="word", ngram_range=(1, 2), sublinear_tf=True, min_df=min_df, dtype=np.float32),
    )
    regressie = LogisticRegression(
        C=C, class_weight="balanced", solver=solver, max_iter=2000, random_state=random_state
    )
    return Pipeline([("kenmerken", kenmerken), ("regressie", regressie)])


def lees_training(bestand: str = TRAINING) -> pd.DataFrame:
    """The shipped training notes (columns ``tekst``, ``veilig``, ``bron``, ``categorie``), checked.

    ``categorie`` is the safety category of a safety note where its source gives one; else empty.
    """
    try:
        ruw = resources.files("collectief").joinpath(f"data/{bestand}").read_bytes()
        data = pd.read_csv(
            io.StringIO(gzip.decompress(ruw).decode("utf-8")), sep="\t", dtype={"tekst": str, "categorie": str}
        )
    except (OSError, EOFError, UnicodeDecodeError, gzip.BadGzipFile, pd.errors.ParserError) as fout:
        raise CollectiefFout(
            "E072", bestand=bestand, wat=f"het kan niet worden gelezen ({type(fout).__name__})"
        ) from None
    ontbreekt = {"tekst", "veilig", "bron", "categorie"} - set(data.columns)
    if ontbreekt:
        raise CollectiefFout("E072", bestand=bestand, wat=f"de kolommen {sorted(ontbreekt)} ontbreken")
    if data["tekst"].isna().any() or not data["veilig"].isin([0, 1]).all():
        raise CollectiefFout("E072", bestand=bestand, wat="een rij heeft geen tekst of een 'veilig' anders dan 0 of 1")
    if data["veilig"].nunique() < 2:
        raise CollectiefFout("E072", bestand=bestand, wat="er moeten zowel veiligheidsnotities als gewone notities in")
    return data
