"""Turning prepared notes into vectors: lemma n-grams plus character n-grams for Dutch compounds and typos, and
optionally the domain's concepts (:mod:`collectief.begrippen`) that a note's words belong to.

Character n-grams are computed once per distinct word, not per note: a note's character vector is the sum of
its words' vectors (a sparse product), which is what ``char_wb`` would give, at a fraction of the cost.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import scipy.sparse as sp
from sklearn.feature_extraction.text import CountVectorizer, TfidfTransformer
from sklearn.preprocessing import normalize

from collectief.begrippen import Begrippenlijst

__all__ = ["Vectoriseerder"]


class Vectoriseerder:
    """Fit on a corpus of lemma lists; transform to L2-normalised TF-IDF rows (word + character parts).

    ``char_gewicht`` weighs the character part against the word part before the final normalisation. With
    ``begrippen``, each note's concepts (TF-IDF over the corpus, so a concept that every note has weighs little)
    are added to the normalised row with weight ``begrip_gewicht``, and the row is normalised again.
    """

    def __init__(
        self,
        ngram: tuple[int, int] = (1, 2),
        min_df: int = 2,
        char_gewicht: float = 0.6,
        max_df: float = 1.0,
        begrippen: Begrippenlijst | None = None,
        begrip_gewicht: float = 0.0,
    ) -> None:
        self.ngram = ngram
        self.min_df = min_df
        self.char_gewicht = char_gewicht
        self.max_df = max_df
        self.begrippen = begrippen
        self.begrip_gewicht = begrip_gewicht

    def fit(self, lemmas: Sequence[list[str]]) -> Vectoriseerder:
        min_df = self.min_df if len(lemmas) >= 4 * self.min_df else 1
        self.woorden_ = CountVectorizer(
            ngram_range=self.ngram,
            min_df=min_df,
            max_df=self.max_df,
            token_pattern=r"\S+",
            lowercase=False,
        )
        teksten = [" ".join(x) for x in lemmas]
        try:
            telling = self.woorden_.fit_transform(teksten)
        except ValueError:  # nothing left after min_df: fall back to every word
            self.woorden_.set_params(min_df=1, max_df=1.0)
            telling = self.woorden_.fit_transform(teksten)
        self.woord_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(telling)
        # Character n-grams of the single words in the vocabulary.
        self.unigrammen_ = CountVectorizer(token_pattern=r"\S+", lowercase=False, min_df=1).fit(teksten)
        woorden = self.unigrammen_.get_feature_names_out()
        self.tekens_ = CountVectorizer(analyzer="char_wb", ngram_range=(3, 5), lowercase=False)
        self._woord_naar_tekens = self.tekens_.fit_transform(woorden).astype(np.float32)
        self.teken_tfidf_ = TfidfTransformer(sublinear_tf=True).fit(
            self.unigrammen_.transform(teksten) @ self._woord_naar_tekens
        )
        self.begrip_tfidf_ = TfidfTransformer().fit(self.begrippen.matrix(lemmas)) if self._met_begrippen() else None
        return self

    def _met_begrippen(self) -> bool:
        return self.begrippen is not None and self.begrip_gewicht > 0

    def transform(self, lemmas: Sequence[list[str]]) -> sp.csr_matrix:
        teksten = [" ".join(x) for x in lemmas]
        woord = normalize(self.woord_tfidf_.transform(self.woorden_.transform(teksten)))
        teken = normalize(self.teken_tfidf_.transform(self.unigrammen_.transform(teksten) @ self._woord_naar_tekens))
        X = normalize(sp.hstack([woord, teken * self.char_gewicht]).tocsr())
        if self.begrip_tfidf_ is None:
            return X
        begrip = normalize(self.begrip_tfidf_.transform(self.begrippen.matrix(lemmas)))
        return normalize(sp.hstack([X, begrip * self.begrip_gewicht]).tocsr())

    def fit_transform(self, lemmas: Sequence[list[str]]) -> sp.csr_matrix:
        return self.fit(lemmas).transform(lemmas)

    def woord_kenmerken(self) -> np.ndarray:
        return self.woorden_.get_feature_names_out()
