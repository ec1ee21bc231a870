"""Themes: assign the catalogue's known themes, discover new recurring ones, keep their identity over time.

:class:`ThemaModel` is a scikit-learn style estimator over prepared notes (:class:`Notities`):

1. *Known themes.* Keyword evidence (:mod:`collectief.matching`) labels the notes it is sure about; a linear
   classifier on word and character n-grams, trained on those notes and the catalogue's examples, then
   recognises notes that never use a theme's words ("kindje huilt veel, moeder uitgeput").
2. *Discovery.* What fits no known theme is clustered (Louvain communities of a nearest-neighbour graph; the
   number of themes follows from the data). A cluster
   becomes a theme only when it is big enough, spans enough households and shares a vocabulary; everything
   else is ``overig``: counted and shown, never hidden.
3. *Identity.* Discovered themes are saved (JSON, no pickle) as weighted lemma centroids; next month's notes
   are matched to them first, so a theme keeps its id, and new themes get new ids. Nothing is renumbered.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx
import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from collectief.errors import CollectiefFout
from collectief.features import Vectoriseerder
from collectief.matching import Trefwoordenmatcher
from collectief.nlp import DOMEIN_STOPWOORDEN, LemmaCache, Pipeline, lemmatiseer
from collectief.normalise import normaliseer
from collectief.records import OVERIG, Thema

__all__ = ["MODEL_VERSIE", "Notities", "OntdektThema", "ThemaModel", "bereid_voor"]

MODEL_VERSIE = 1
#: Keyword evidence for an individual-only theme at which it overrides other themes (one strong keyword).
_VEILIGHEIDSSIGNAAL = 0.5
#: Most sure notes per known theme used to train the classifier.
_MAX_TRAIN_PER_THEMA = 300
#: Largest pool of free notes whose similarity graph is built whole; above it, a seeded sample.
_MAX_GRAAF = 20000


@dataclass(frozen=True)
class Notities:
    """Scrubbed notes prepared for the theme engine: normalised text, content lemmas, households."""

    teksten: tuple[str, ...]
    lemmas: tuple[tuple[str, ...], ...]
    huishoudens: tuple[str | None, ...]

    def __post_init__(self) -> None:
        if not len(self.teksten) == len(self.lemmas) == len(self.huishoudens):
            raise ValueError("teksten, lemmas and huishoudens must have the same length")

    def __len__(self) -> int:
        return len(self.teksten)

    def deel(self, index: Sequence[int] | np.ndarray) -> Notities:
        return Notities(
            tuple(self.teksten[i] for i in index),
            tuple(self.lemmas[i] for i in index),
            tuple(self.huishoudens[i] for i in index),
        )


def bereid_voor(
    teksten: Sequence[str],
    pipeline: Pipeline,
    huishoudens: Sequence[str | None] | None = None,
    cache: LemmaCache | None = None,
) -> Notities:
    """Normalise and lemmatise scrubbed notes (parsed once per distinct text; cached when a cache is given)."""
    normaal = [normaliseer(t) for t in teksten]
    lemmas = lemmatiseer(normaal, pipeline, cache=cache)
    return Notities(
        tuple(normaal),
        tuple(tuple(x) for x in lemmas),
        tuple(huishoudens) if huishoudens is not None else (None,) * len(normaal),
    )


@dataclass(frozen=True)
class OntdektThema:
    """A discovered theme as saved between months: a label and a weighted lemma centroid."""

    id: str
    naam: str
    kernwoorden: tuple[str, ...]
    centroide: dict[str, float] = field(hash=False)
    drempel: float

    def als_thema(self) -> Thema:
        return Thema(
            id=self.id,
            naam=self.naam,
            beschrijving="Ontdekt in de gegevens: " + ", ".join(self.kernwoorden),
            trefwoorden=self.kernwoorden,
            bron="ontdekt",
        )


class ThemaModel(BaseEstimator):
    """Assigns each note a theme id (catalogue, discovered, or ``overig``) with a score in [0, 1].

    Parameters
    ----------
    catalogus : the known themes; ``()`` runs discovery alone.
    min_grootte : fewest notes for a discovered theme.
    min_huishoudens : fewest distinct households for a discovered theme (notes count when households are unknown).
    buren : neighbours per note in the similarity graph of discovery.
    resolutie : Louvain resolution; higher gives more, smaller themes.
    min_gelijkenis : lowest cosine similarity of a note to its discovered theme's centroid; below it, overig.
    drempel_catalogus : lowest combined score at which a note gets a known theme.
    random_state : seed for every random step; same data and seed give the same themes.
    vorige : a model fitted earlier (e.g. last month) whose discovered themes keep their ids.
    """

    def __init__(
        self,
        catalogus: Sequence[Thema] = (),
        min_grootte: int = 8,
        min_huishoudens: int = 5,
        drempel_catalogus: float = 0.5,
        buren: int = 10,
        resolutie: float = 1.0,
        min_gelijkenis: float = 0.2,
        random_state: int = 0,
        vorige: ThemaModel | None = None,
    ) -> None:
        self.catalogus = catalogus
        self.min_grootte = min_grootte
        self.min_huishoudens = min_huishoudens
        self.drempel_catalogus = drempel_catalogus
        self.buren = buren
        self.resolutie = resolutie
        self.min_gelijkenis = min_gelijkenis
        self.random_state = random_state
        self.vorige = vorige

    # ---- fitting -------------------------------------------------------------------------------------------
    def fit(self, notities: Notities) -> ThemaModel:
        """Learn the themes of these notes; ``labels_`` and ``scores_`` hold the assignment."""
        n = len(notities)
        self.catalogus_ = tuple(self.catalogus)
        labels = np.array([OVERIG] * n, dtype=object)
        scores = np.zeros(n)
        self.signalen_ = np.array([""] * n, dtype=object)
        if self.catalogus_ and n:
            labels, scores = self._wijs_catalogus_toe(notities)
        vrij = np.flatnonzero(labels == OVERIG)
        ontdekt: list[OntdektThema] = list(self.vorige.ontdekt_) if self.vorige is not None else []
        if ontdekt and len(vrij):
            l2, s2 = _wijs_centroiden_toe(notities.deel(vrij), ontdekt)
            labels[vrij], scores[vrij] = l2, s2
            vrij = np.flatnonzero(labels == OVERIG)
        volgnummer = max((int(o.id.rsplit("_", 1)[1]) for o in ontdekt), default=0)
        nieuw = self._ontdek(notities.deel(vrij), volgnummer, {o.naam for o in ontdekt}) if len(vrij) else []
        for thema, leden, sims in nieuw:
            labels[vrij[leden]] = thema.id
            scores[vrij[leden]] = sims
        self.ontdekt_ = tuple(ontdekt + [t for t, _, _ in nieuw])
        self.labels_ = labels
        self.scores_ = np.round(scores, 4)
        return self

    def _wijs_catalogus_toe(self, notities: Notities) -> tuple[np.ndarray, np.ndarray]:
        matcher = Trefwoordenmatcher(self.catalogus_)
        bewijs = matcher.scores(notities.teksten)
        ids = np.array([t.id for t in self.catalogus_], dtype=object)
        # Keyword evidence, squashed to [0, 1): one strong keyword ≈ 0.63, two ≈ 0.86.
        kans_trefwoord = 1.0 - np.exp(-bewijs)
        gesorteerd = np.sort(bewijs, axis=1)
        tweede = gesorteerd[:, -2] if bewijs.shape[1] > 1 else np.zeros(len(notities))
        zeker = (gesorteerd[:, -1] >= 1.0) & (gesorteerd[:, -1] >= 1.5 * tweede)
        zaad = np.argmax(bewijs, axis=1)
        kans_model = self._classificeer(notities, zaad, zeker)
        # Either source of evidence can carry a note (noisy-or): keywords when present, the classifier when
        # a note describes a theme in other words.
        gecombineerd = kans_trefwoord if kans_model is None else 1.0 - (1.0 - kans_trefwoord) * (1.0 - kans_model)
        beste = np.argmax(gecombineerd, axis=1)
        # Safety first: a clear signal of an individual-only theme (violence, addiction, crisis) is flagged for
        # individual follow-up even when the note is mainly about something else.
        individueel = np.array([t.individueel for t in self.catalogus_], dtype=bool)
        self.signalen_ = np.array(
            [",".join(ids[j] for j in np.flatnonzero(individueel & (rij >= _VEILIGHEIDSSIGNAAL))) for rij in bewijs],
            dtype=object,
        )
        score = gecombineerd[np.arange(len(notities)), beste]
        labels = np.where(score >= self.drempel_catalogus, ids[beste], OVERIG).astype(object)
        return labels, np.where(labels == OVERIG, 0.0, score)

    def _classificeer(self, notities: Notities, zaad: np.ndarray, zeker: np.ndarray) -> np.ndarray | None:
        """Probabilities per known theme from a classifier trained on the sure notes plus catalogue examples."""
        voorbeelden = [(normaliseer(v), i) for i, t in enumerate(self.catalogus_) for v in t.voorbeelden]
        # A few hundred sure notes per theme teach as much as all of them, at a fraction of the cost.
        rng = np.random.default_rng(self.random_state)
        gekozen = []
        for thema in np.unique(zaad[zeker]):
            kandidaten = np.flatnonzero(zeker & (zaad == thema))
            if len(kandidaten) > _MAX_TRAIN_PER_THEMA:
                kandidaten = np.sort(rng.choice(kandidaten, _MAX_TRAIN_PER_THEMA, replace=False))
            gekozen.append(kandidaten)
        zeker = np.zeros(len(notities), dtype=bool)
        if gekozen:
            zeker[np.concatenate(gekozen)] = True
        alle_lemmas = [list(x) for x in notities.lemmas]
        train_lemmas = [alle_lemmas[i] for i in np.flatnonzero(zeker)]
        train_lemmas += [re.findall(r"[a-z][a-z-]+", v) for v, _ in voorbeelden]
        y = np.concatenate([zaad[zeker], np.array([i for _, i in voorbeelden], dtype=int)])
        if len(np.unique(y)) < 2:
            return None
        vectoriseerder = Vectoriseerder(min_df=2).fit(alle_lemmas + train_lemmas)
        model = LogisticRegression(C=4.0, max_iter=500, random_state=self.random_state)
        model.fit(vectoriseerder.transform(train_lemmas), y)
        kans = np.zeros((len(notities), len(self.catalogus_)))
        kans[:, model.classes_] = model.predict_proba(vectoriseerder.transform(alle_lemmas))
        return kans

    def _ontdek(
        self, notities: Notities, volgnummer: int, bezette_namen: set[str]
    ) -> list[tuple[OntdektThema, np.ndarray, np.ndarray]]:
        """Find communities of similar free notes; keep only those that are real recurring themes.

        Notes are linked to their nearest neighbours (cosine over lemma and character n-grams) and the graph
        is split into communities by Louvain modularity, so the number of themes follows from the data.
        """
        n = len(notities)
        if n < max(2 * self.min_grootte, 10):
            return []
        lemmas = [list(x) for x in notities.lemmas]
        rng = np.random.default_rng(self.random_state)
        # Very large pools: find the themes on a sample, then assign every note (including the rest) below.
        steekproef = np.sort(rng.choice(n, _MAX_GRAAF, replace=False)) if n > _MAX_GRAAF else np.arange(n)
        X = Vectoriseerder(min_df=2, char_gewicht=0.6).fit_transform([lemmas[i] for i in steekproef])
        if X.shape[1] < 3:
            return []
        gemeenschappen = _gemeenschappen(X, self.buren, self.resolutie, self.random_state)
        woord_tfidf = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True)
        W = woord_tfidf.fit_transform([" ".join(x) for x in lemmas])
        namen = woord_tfidf.get_feature_names_out()
        kandidaten = []
        for leden in gemeenschappen:
            thema = self._maak_thema(W, namen, steekproef[leden], notities.huishoudens)
            if thema is not None:
                kandidaten.append(thema)
        # Bigger themes first, then by label, so ids are deterministic.
        kandidaten.sort(key=lambda t: (-len(t[1]), t[0]))
        uit = []
        for kernwoorden, _, _, centroide in kandidaten:
            volgnummer += 1
            naam = _uniek(", ".join(kernwoorden), bezette_namen)
            bezette_namen.add(naam)
            # Later notes join this theme under the same rule its members met.
            uit.append(OntdektThema(f"ontdekt_{volgnummer}", naam, kernwoorden, centroide, self.min_gelijkenis))
        if not uit:
            return []
        # Sampled notes belong to their community; the rest go to their best theme when close enough to it.
        labels = np.array([OVERIG] * n, dtype=object)
        scores = np.zeros(n)
        for thema, (_, leden, sims, _) in zip(uit, kandidaten, strict=True):
            labels[leden], scores[leden] = thema.id, sims
        rest = np.setdiff1d(np.arange(n), steekproef)
        if len(rest):
            labels[rest], scores[rest] = _wijs_centroiden_toe(notities.deel(rest), uit)
        return [(t, np.flatnonzero(labels == t.id), scores[labels == t.id]) for t in uit]

    def _maak_thema(
        self,
        W: sp.csr_matrix,
        namen: np.ndarray,
        leden: np.ndarray,
        huishoudens: Sequence[str | None],
    ) -> tuple[tuple[str, ...], np.ndarray, np.ndarray, dict[str, float]] | None:
        """Label, core members and centroid of a cluster, or None when it is noise rather than a theme."""
        if len(leden) < self.min_grootte:
            return None
        # c-TF-IDF: how typical a lemma is for this cluster, against how common it is overall.
        in_cluster = np.asarray((W[leden] > 0).sum(axis=0)).ravel() / len(leden)
        overal = np.asarray((W > 0).sum(axis=0)).ravel() / W.shape[0]
        onderscheidend = in_cluster * np.log1p(in_cluster / np.maximum(overal, 1e-9))
        volgorde = np.argsort(-onderscheidend, kind="stable")
        kern = [
            namen[i]
            for i in volgorde[:10]
            if in_cluster[i] >= 0.1 and len(namen[i]) >= 4 and namen[i] not in DOMEIN_STOPWOORDEN
        ][:3]
        if not kern:
            return None  # no word recurs in this group: noise, not a theme
        leden = np.asarray(leden, dtype=int)
        gemiddeld = np.asarray(W[leden].mean(axis=0)).ravel()
        # A note that hardly resembles its group recurs nowhere: it goes to overig, visibly, not into a theme.
        kern_leden = leden[_cosinus(W[leden], namen, _centroide(gemiddeld, namen)) >= self.min_gelijkenis]
        if len(kern_leden) < self.min_grootte:
            return None
        bekende = [h for h in (huishoudens[i] for i in kern_leden) if h]
        aantal_huishoudens = len(set(bekende)) if len(bekende) == len(kern_leden) else len(kern_leden)
        if aantal_huishoudens < self.min_huishoudens:
            return None
        centroide = _centroide(np.asarray(W[kern_leden].mean(axis=0)).ravel(), namen)
        return tuple(kern), kern_leden, _cosinus(W[kern_leden], namen, centroide), centroide

    # ---- using a fitted model ------------------------------------------------------------------------------
    @property
    def themas_(self) -> tuple[Thema, ...]:
        check_is_fitted(self, "labels_")
        return tuple(self.catalogus_) + tuple(o.als_thema() for o in self.ontdekt_)

    def opslaan(self, pad: str | Path) -> None:
        """Save what identifies the themes (JSON; no pickle), for next month's :class:`ThemaModel` ``vorige``."""
        check_is_fitted(self, "labels_")
        data = {
            "versie": MODEL_VERSIE,
            "random_state": self.random_state,
            "catalogus": [t.id for t in self.catalogus_],
            "ontdekt": [
                {
                    "id": o.id,
                    "naam": o.naam,
                    "kernwoorden": list(o.kernwoorden),
                    "centroide": o.centroide,
                    "drempel": o.drempel,
                }
                for o in self.ontdekt_
            ],
        }
        Path(pad).parent.mkdir(parents=True, exist_ok=True)
        Path(pad).write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")

    @classmethod
    def laad(cls, pad: str | Path, catalogus: Sequence[Thema] = ()) -> ThemaModel:
        """A model holding the saved discovered themes, ready to pass as ``vorige``."""
        try:
            data = json.loads(Path(pad).read_text(encoding="utf-8"))
            if data.get("versie") != MODEL_VERSIE:
                raise ValueError(f"versie {data.get('versie')} wordt niet ondersteund")
            ontdekt = tuple(
                OntdektThema(o["id"], o["naam"], tuple(o["kernwoorden"]), dict(o["centroide"]), float(o["drempel"]))
                for o in data["ontdekt"]
            )
        except (OSError, ValueError, KeyError, TypeError) as fout:
            raise CollectiefFout("E010", bestand=pad, wat=str(fout)) from None
        model = cls(catalogus=catalogus, random_state=int(data.get("random_state", 0)))
        model.catalogus_ = tuple(catalogus)
        model.ontdekt_ = ontdekt
        model.labels_ = np.array([], dtype=object)
        model.scores_ = np.array([])
        return model


def _gemeenschappen(X: sp.csr_matrix, buren: int, resolutie: float, seed: int) -> list[np.ndarray]:
    """Louvain communities of the k-nearest-neighbour graph (cosine similarity) of L2-normalised rows."""
    n = X.shape[0]
    k = min(buren, n - 1)
    graaf = nx.Graph()
    graaf.add_nodes_from(range(n))
    for begin in range(0, n, 2000):
        sims = (X[begin : begin + 2000] @ X.T).toarray()
        for rij, i in enumerate(range(begin, min(begin + 2000, n))):
            sims[rij, i] = -1.0
        naasten = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        for rij, i in enumerate(range(begin, min(begin + 2000, n))):
            for j in naasten[rij]:
                if sims[rij, j] > 0.05:
                    graaf.add_edge(i, int(j), weight=float(sims[rij, j]))
    gemeenschappen = nx.community.louvain_communities(graaf, weight="weight", resolution=resolutie, seed=seed)
    return [np.array(sorted(g)) for g in sorted(gemeenschappen, key=lambda g: (-len(g), min(g)))]


def _centroide(gemiddeld: np.ndarray, namen: np.ndarray, top: int = 200) -> dict[str, float]:
    """The heaviest lemmas of a mean TF-IDF vector, as saved in the model."""
    volgorde = np.argsort(-gemiddeld, kind="stable")[:top]
    return {str(namen[i]): round(float(gemiddeld[i]), 5) for i in volgorde if gemiddeld[i] > 0}


def _cosinus(W: sp.csr_matrix, namen: np.ndarray, centroide: dict[str, float]) -> np.ndarray:
    vector = np.array([centroide.get(str(w), 0.0) for w in namen])
    norm = np.linalg.norm(vector)
    if norm == 0:
        return np.zeros(W.shape[0])
    return np.asarray(normalize(W) @ (vector / norm)).ravel()


def _wijs_centroiden_toe(notities: Notities, ontdekt: Sequence[OntdektThema]) -> tuple[np.ndarray, np.ndarray]:
    """Match notes to saved discovered themes: best centroid above its own threshold, else overig."""
    woorden = sorted({w for o in ontdekt for w in o.centroide} | {w for x in notities.lemmas for w in x})
    tfidf = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, vocabulary=woorden, sublinear_tf=True)
    W = tfidf.fit_transform([" ".join(x) for x in notities.lemmas])
    namen = tfidf.get_feature_names_out()
    sims = np.column_stack([_cosinus(W, namen, o.centroide) for o in ontdekt])
    beste = np.argmax(sims, axis=1)
    score = sims[np.arange(len(notities)), beste]
    drempels = np.array([o.drempel for o in ontdekt])[beste]
    ids = np.array([o.id for o in ontdekt], dtype=object)
    labels = np.where(score >= drempels, ids[beste], OVERIG).astype(object)
    return labels, np.where(labels == OVERIG, 0.0, score)


def _uniek(naam: str, bezet: set[str]) -> str:
    if naam not in bezet:
        return naam
    teller = Counter(b.rsplit(" (", 1)[0] for b in bezet)
    return f"{naam} ({teller[naam] + 1})"
