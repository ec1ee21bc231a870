"""Themes: assign the catalogue's known themes, discover new recurring ones, keep their identity over time.

:class:`ThemaModel` is a scikit-learn style estimator over prepared notes (:class:`Notities`):

1. *Known themes, open set.* Keyword evidence (:mod:`collectief.matching`) and a linear classifier trained on
   the keyword-sure notes give each note a probability per known theme, and the known theme it leans to (if any).
   "None of the known themes" is an outcome, not a failure: groups decide, not single notes.
2. *Discovery.* Every note (except those a saved discovered theme claims) is linked to its nearest neighbours (lemma and
   character n-grams, the domain's concepts they mention: :mod:`collectief.begrippen`, and a sentence encoder's
   embeddings: :mod:`collectief.inbedding`). Notes in a sparse spot (far from even their second neighbour, relative to
   the data's typical density) are one-offs so far. The rest is split into communities by a consensus of Louvain runs
   (modularity). Per group: when most of its notes lean to one known theme, it is that theme (members leaning to another
   keep theirs; members without evidence of their own are grouped anew among themselves in a second round, with the
   groups too small to be a theme, and join the theme only if that round leaves them in such a group again); a group of
   mostly known themes but mixed is split again at a finer resolution; any other group of enough notes and households
   with a nameable subject is a new theme, named by :mod:`collectief.benoemen` (after the concept most of its notes
   share, when they do), and its notes leave the known theme they leaned to, except notes with strong keyword evidence
   (the *anchor*). A new theme most of whose notes share one concept is about that subject: a member that leans to
   a known theme without it goes back to that theme. A group that is not one subject (too few members close to its
   centre) is split again at a finer resolution. The number of themes follows from the data. Notes near a theme (its
   centroid of lemmas and concepts, or most of their neighbours) join it; what is left keeps the known theme it has
   or leans to, or is ``overig``: counted and shown, never hidden.
3. *Safety.* A note with a safety signal (:mod:`collectief.veiligheid`) goes to its individual-only theme,
   whatever else it mentions, and takes no part in finding or keeping group themes; ``signalen_`` lists every
   individual-only theme it signals.
4. *Identity.* Discovered themes are saved (JSON, no pickle) as weighted centroids of lemmas and concepts, with a
   threshold that every member meets under the rules a later month uses (and the theme's concept); next month's
   notes are matched to them first, so a theme keeps its id, and new themes get new ids. Nothing is renumbered.
"""

from __future__ import annotations

import json
import os
import random
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

import igraph as ig
import numpy as np
import scipy.sparse as sp
from sklearn.base import BaseEstimator
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import normalize
from sklearn.utils.validation import check_is_fitted

from collectief.begrippen import Begrippenlijst, laad_begrippen
from collectief.benoemen import Naamgever, ThemaNaam, geschreven, naamwoorden, zonder_nummer
from collectief.errors import CollectiefFout
from collectief.features import Vectoriseerder
from collectief.inbedding import inbed
from collectief.matching import Trefwoordenmatcher
from collectief.nlp import LemmaCache, Pipeline, lemmatiseer
from collectief.normalise import normaliseer
from collectief.records import OVERIG, Thema
from collectief.veiligheid import Veiligheidssignalen

__all__ = ["MODEL_VERSIE", "Notities", "OntdektThema", "ThemaModel", "bereid_voor"]

MODEL_VERSIE = 1
#: Keyword evidence that is specific to a theme on its own (one strong keyword, even late in a note).
_STERK_BEWIJS = 0.5
#: Classifier probability that counts as specific evidence when a keyword of the same theme backs it.
_ZEKER_MODEL = 0.8
#: How much more a note must lean to its best known theme than to the second before it is assigned at once.
_MARGE = 0.15
#: Keyword evidence, and its lead over the second theme, at which no saved discovered theme can claim a note.
_TREFWOORD_ZEKER = 0.7
_MARGE_TREFWOORD = 1.5
#: Share of a discovered group's notes that must lean to one known theme for the group to become that theme.
_GROEP_BEKEND = 0.5
#: Share of a group's notes that must lean to some known theme for the group to be known themes mixed, not new.
_GROEP_GEMENGD = 0.8
#: How often a group of mostly known themes is split again to find where each known theme and any new one lie.
_MAX_VERFIJNING_GEMENGD = 3
#: A group becomes one known theme also when this share of its notes leans to some known theme, and this share
#: of those leans to the same one.
_LENERS_AANDEEL = 0.6
_LENERS_EENS = 0.6
#: Keyword evidence at which a note keeps its known theme even inside a group that becomes a new theme: one strong
#: keyword (1.0; 1.5 until 2026-12-03, when the hand-written set showed it lost too many known-theme notes).
_ANKER_BEWIJS = 1.0
#: At a new theme's edge (less similar to it than its median member), a note that leans to a known theme with
#: keyword evidence of at least this much goes back to it: the group is about something else, and this note was
#: drawn in by the words around its known subject (fourth session of issue 9; see bench/README.md).
_ANKER_RAND = 0.8
#: Share of a group's notes that must share one of the domain's concepts for its name to come from that concept,
#: and for that concept to be its subject: a member that leans to a known theme without it goes back (eleventh
#: session of issue 9).
_BEGRIP_NAAM = 0.4
#: How a note's concepts appear among its words in discovered themes' centroids: a word that no lemma can be
#: (lemmas are letters only), written twice, so with sublinear term frequency a shared concept weighs about 1.7
#: shared words.
_BEGRIP_TEKEN = "begrip:"
_BEGRIP_HERHAAL = 2
#: A discovered theme's join threshold: the similarity that this share of its own members reaches or exceeds.
_DREMPEL_KWANTIEL = 0.1
#: Below this cosine similarity a note never belongs to a discovered theme.
_MIN_ABSOLUUT = 0.05
#: Share of a note's nearest neighbours that must hold one discovered theme for the note to join it.
_BUREN_MEERDERHEID = 0.4
#: Share of a group's notes that must be core members (close to its centre) for it to count as one subject.
_SAMENHANG = 0.5
#: How often a broad group is split again at a finer resolution.
_MAX_VERFIJNING = 2
#: Distinctive terms per group compared when fragments are merged.
_TOP_TERMEN = 10
#: Most sure notes per known theme used to train the classifier.
_MAX_TRAIN_PER_THEMA = 300
#: Largest pool of free notes whose similarity graph is built whole; above it, a seeded sample.
_MAX_GRAAF = 20000
#: Rows per block of the nearest-neighbour search: a block's similarities are dense (rows x notes floats).
_KNN_BLOK = 500
#: Louvain runs, and the share of them in which two linked notes must share a community, for the consensus.
_CONSENSUS_RONDES = 8
_CONSENSUS_AANDEEL = 0.5


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
    #: The median member's similarity: below it, a note at the theme's edge that leans to a known theme with some
    #: keyword evidence stays with that theme (``_ANKER_RAND``), in the month it was found and in later ones.
    rand: float = 0.0
    #: The domain's concept most of its notes share (:data:`_BEGRIP_NAAM`), "" for none: a note that leans to a
    #: known theme and lacks it is not this theme's, in the month it was found and in later ones.
    begrip: str = ""

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
    min_gelijkenis : lowest similarity of a member to its discovered theme's centroid, as a share of the median
        member's; below it, overig.
    dichtheid : lowest similarity of a note to its second-nearest neighbour, as a share of the median note's, to
        take part in grouping (the rest may join a theme later, or is overig).
    samenvoegen : lowest cosine between two groups' distinctive vocabularies (c-TF-IDF) at which they merge.
    char_gewicht : weight of character n-grams against lemma n-grams in discovery's similarity graph.
    inbedding : share of sentence-embedding similarity (:mod:`collectief.inbedding`) in discovery's similarity
        graph, against the n-gram similarity; 0 leaves the encoder out.
    begrippen : weight of the domain's concepts (:mod:`collectief.begrippen`) beside the n-grams in discovery's
        similarity graph; 0 leaves them out.
    begrippenlijst : the concepts; None for the shipped ones (a team's own file: ``laad_begrippen(pad)``).
    woordsoorten : lemma -> part-of-speech tag from a tagger, for naming; without it, the shipped lexicon.
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
        min_gelijkenis: float = 0.3,
        samenvoegen: float = 0.3,
        dichtheid: float = 0.5,
        char_gewicht: float = 1.0,
        inbedding: float = 0.4,
        begrippen: float = 0.6,
        begrippenlijst: Begrippenlijst | None = None,
        woordsoorten: Mapping[str, str] | None = None,
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
        self.samenvoegen = samenvoegen
        self.dichtheid = dichtheid
        self.char_gewicht = char_gewicht
        self.inbedding = inbedding
        self.begrippen = begrippen
        self.begrippenlijst = begrippenlijst
        self.woordsoorten = woordsoorten
        self.random_state = random_state
        self.vorige = vorige

    # ---- fitting -------------------------------------------------------------------------------------------
    def fit(self, notities: Notities) -> ThemaModel:
        """Learn the themes of these notes; ``labels_`` and ``scores_`` hold the assignment.

        Open set: a note gets a known theme at once only on evidence specific to that theme. Every other note
        is free: saved discovered themes come first, then discovery groups the free notes, and a group whose
        members mostly lean to one known theme becomes that theme, while any other group becomes a new theme.
        """
        n = len(notities)
        self.catalogus_ = tuple(self.catalogus)
        labels = np.array([OVERIG] * n, dtype=object)
        scores = np.zeros(n)
        kandidaat = np.array([OVERIG] * n, dtype=object)
        kandidaat_score = np.zeros(n)
        self._trefwoord_zeker = np.zeros(n, dtype=bool)
        self._bewijs_max = np.zeros(n)
        if self.catalogus_ and n:
            labels, scores, kandidaat, kandidaat_score = self._wijs_catalogus_toe(notities)
        # Safety first: a note with a safety signal goes to its individual-only theme whatever else it mentions,
        # so it takes no part in finding or keeping group themes either.
        self.signalen_, veilig = self._veiligheid(notities)
        apart = veilig != ""
        # Every note without evidence specific to a known theme is free, also one that merely leans to one: its
        # group decides (a group of mostly one known theme's notes becomes that theme; any other, a new theme).
        ontdekt: list[OntdektThema] = list(self.vorige.ontdekt_) if self.vorige is not None else []
        # The known theme each note leans to: its own on specific evidence, else the one it has some evidence for.
        leunt = np.where(labels != OVERIG, labels, kandidaat).astype(object)
        leunt_score = np.where(labels != OVERIG, scores, kandidaat_score)
        # Notes that go back to that theme when they are at a discovered theme's edge (see _ANKER_RAND).
        terug_aan_rand = (leunt != OVERIG) & (self._bewijs_max >= _ANKER_RAND)
        if ontdekt:
            # Saved discovered themes come before a leaning or a classifier's verdict: a theme keeps its notes.
            open_ = np.flatnonzero(((labels == OVERIG) | ~self._anker()) & ~apart)
            if len(open_):
                begrippen = self._begrippen()
                lemmas = notities.deel(open_).lemmas
                M = begrippen.matrix(lemmas) if begrippen is not None else None
                l2, s2 = _wijs_centroiden_toe(lemmas, ontdekt, begrippen, M)
                geclaimd = l2 != OVERIG
                # The edge rule and the concept rule of discovery hold for saved themes too.
                rand = {o.id: o.rand for o in ontdekt}
                aan_rand = np.array([score < rand.get(label, 0.0) for label, score in zip(l2, s2, strict=True)])
                geclaimd &= ~(aan_rand & terug_aan_rand[open_])
                geclaimd &= ~(_mist_begrip(l2, ontdekt, M, begrippen) & (leunt[open_] != OVERIG))
                labels[open_[geclaimd]], scores[open_[geclaimd]] = l2[geclaimd], s2[geclaimd]
        # Groups decide (open set): every note not held by a saved discovered theme takes part in discovery,
        # leaning to the known theme it has evidence for. A group of mostly one known theme's notes becomes that
        # theme; a group of mostly known themes keeps each member's own; any other group is a new subject, and its
        # notes leave the known theme they leaned to, except those with strong keyword evidence (the anchor).
        vooraf, vooraf_score = labels.copy(), scores.copy()
        vrij = np.flatnonzero(~np.isin(labels, [o.id for o in ontdekt]) & ~apart)
        labels[vrij] = OVERIG
        volgnummer = max((int(o.id.rsplit("_", 1)[1]) for o in ontdekt), default=0)
        nieuw: list[tuple[OntdektThema, np.ndarray, np.ndarray]] = []
        if len(vrij):
            nieuw, bekend = self._ontdek(
                notities.deel(vrij),
                volgnummer,
                {o.naam for o in ontdekt},
                leunt[vrij],
                leunt_score[vrij],
                self._anker()[vrij],
                terug_aan_rand[vrij],
            )
            for thema_id, leden, sims in bekend:
                labels[vrij[leden]] = thema_id
                scores[vrij[leden]] = sims
        gebleven = []
        for thema, leden, sims in nieuw:
            # A new theme that the anchor or the final matching to centroids (both in _ontdek) left below the
            # minimum is no theme: its notes go back to the known theme they had or leaned to, else overig (below).
            if not self._groot_genoeg(vrij[leden], notities.huishoudens):
                continue
            gebleven.append(thema)
            labels[vrij[leden]] = thema.id
            scores[vrij[leden]] = sims
        # What no group took keeps its known theme when it has one or leans to one; else overig.
        terug = (labels == OVERIG) & (vooraf != OVERIG)
        labels[terug], scores[terug] = vooraf[terug], vooraf_score[terug]
        over = (labels == OVERIG) & (kandidaat != OVERIG)
        labels[over], scores[over] = kandidaat[over], kandidaat_score[over]
        # Notes with a safety signal: their individual-only theme (one the catalogue already gave them, or the
        # first they signal).
        individueel = [t.id for t in self.catalogus_ if t.individueel]
        labels[apart] = np.where(np.isin(labels[apart], individueel), labels[apart], veilig[apart])
        self.ontdekt_ = tuple(ontdekt + gebleven)
        self.labels_ = labels
        self.scores_ = np.round(scores, 4)
        return self

    def _begrippen(self) -> Begrippenlijst | None:
        """The concepts discovery uses (None when their weight is 0)."""
        if self.begrippen <= 0:
            return None
        return self.begrippenlijst if self.begrippenlijst is not None else laad_begrippen()

    def _groot_genoeg(self, leden: np.ndarray, huishoudens: Sequence[str | None]) -> bool:
        """Enough notes and distinct households for a discovered theme (notes count when households are unknown)."""
        bekende = [h for h in (huishoudens[i] for i in leden) if h]
        aantal_huishoudens = len(set(bekende)) if len(bekende) == len(leden) else len(leden)
        return len(leden) >= self.min_grootte and aantal_huishoudens >= self.min_huishoudens

    def _anker(self) -> np.ndarray:
        """Notes whose keyword evidence for one known theme is strong enough that no group takes them from it."""
        return self._trefwoord_zeker & (self._bewijs_max >= _ANKER_BEWIJS)

    def _veiligheid(self, notities: Notities) -> tuple[np.ndarray, np.ndarray]:
        """Per note the individual-only themes it signals (comma-separated ids: the signal column), and the one it
        goes to ("" for none).

        A note goes to the first individual-only theme of the catalogue it signals, whatever else it is about.
        Without a catalogue (discovery alone) no note goes anywhere: it keeps its theme and only carries the signal.
        """
        signalen = Veiligheidssignalen.standaard().zoek(notities.teksten)
        individueel = {t.id for t in self.catalogus_ if t.individueel}
        uit = np.array([",".join(s) for s in signalen], dtype=object)
        thema = np.array([next((t for t in s if t in individueel), "") for s in signalen], dtype=object)
        return uit, thema

    def _wijs_catalogus_toe(self, notities: Notities) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """Known themes per note: labels on specific evidence and their scores; the theme it leans to (score
        above the threshold, else overig) and that score."""
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
        rij = np.arange(len(notities))
        beste = np.argmax(gecombineerd, axis=1)
        score = gecombineerd[rij, beste]
        neigt = score >= self.drempel_catalogus
        kandidaat = np.where(neigt, ids[beste], OVERIG).astype(object)
        # Specific evidence: a strong keyword of this theme, or a confident classifier backed by a keyword of it;
        # and clearly more than for any other theme. A classifier alone only knows the known themes, so it would
        # pull every note into the nearest one.
        eigen_bewijs = bewijs[rij, beste]
        model_kans = kans_model[rij, beste] if kans_model is not None else np.zeros(len(notities))
        tweede_score = np.sort(gecombineerd, axis=1)[:, -2] if bewijs.shape[1] > 1 else np.zeros(len(notities))
        specifiek = (eigen_bewijs >= _STERK_BEWIJS) | ((model_kans >= _ZEKER_MODEL) & (eigen_bewijs > 0))
        zeker_toe = neigt & specifiek & (score - tweede_score >= _MARGE)
        # Keyword-sure notes depend on their own words only; the rest also on this month's classifier, so a saved
        # discovered theme that a note matched before may still claim it (see fit).
        trefwoord_beste = np.argmax(bewijs, axis=1)
        trefwoord_eigen = bewijs[rij, trefwoord_beste]
        self._bewijs_max = trefwoord_eigen
        self._trefwoord_zeker = (trefwoord_eigen >= _TREFWOORD_ZEKER) & (trefwoord_eigen >= _MARGE_TREFWOORD * tweede)
        labels = np.where(zeker_toe, ids[beste], OVERIG).astype(object)
        labels[self._trefwoord_zeker] = ids[trefwoord_beste[self._trefwoord_zeker]]
        score = np.where(self._trefwoord_zeker, gecombineerd[rij, trefwoord_beste], score)
        zeker_toe = zeker_toe | self._trefwoord_zeker
        return labels, np.where(zeker_toe, score, 0.0), kandidaat, np.where(neigt, score, 0.0)

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
        # Features from the training notes only: at 100k notes the vocabulary of all notes makes the fit slow,
        # and words no training note has get no weight anyway.
        vectoriseerder = Vectoriseerder(min_df=2).fit(train_lemmas)
        model = LogisticRegression(C=4.0, max_iter=500, random_state=self.random_state)
        model.fit(vectoriseerder.transform(train_lemmas), y)
        kans = np.zeros((len(notities), len(self.catalogus_)))
        kans[:, model.classes_] = model.predict_proba(vectoriseerder.transform(alle_lemmas))
        return kans

    def _ontdek(
        self,
        notities: Notities,
        volgnummer: int,
        bezette_namen: set[str],
        kandidaat: np.ndarray,
        kandidaat_score: np.ndarray,
        anker: np.ndarray,
        terug_aan_rand: np.ndarray,
    ) -> tuple[list[tuple[OntdektThema, np.ndarray, np.ndarray]], list[tuple[str, np.ndarray, np.ndarray]]]:
        """Group the free notes; return new themes and the groups that turned out to be known themes.

        1. Notes are linked to their nearest neighbours (cosine over lemma and character n-grams and the domain's
           concepts, blended with the cosine of sentence embeddings) and the graph is split into communities by a
           consensus of Louvain runs (modularity), so the number of themes follows from the data. Groups too small
           to be a theme go, with the notes without evidence of their own from known themes' groups, to a second
           round among themselves.
        2. Fragments of one subject are merged: communities whose distinctive vocabulary (c-TF-IDF) overlaps.
        3. A group whose members mostly lean to one known theme becomes that theme; any other group of enough
           notes and households with a nameable subject becomes a new theme.
        4. Notes of groups too small to be a theme join the nearest theme when close enough to it; the rest
           (and members far from their own theme) are overig: the genuine one-offs.
        5. Notes with keyword evidence of a known theme leave a new theme: with strong evidence (``anker``) always,
           with some (``terug_aan_rand``) when they are at its edge. A new theme most of whose notes share one of the
           domain's concepts is about it: members that lean to a known theme (``kandidaat``) without it leave too.
        """
        n = len(notities)
        if n < max(2 * self.min_grootte, 10):
            return [], []
        lemmas = [list(x) for x in notities.lemmas]
        rng = np.random.default_rng(self.random_state)
        # Very large pools: find the themes on a sample, then assign every note (including the rest) below.
        steekproef = np.sort(rng.choice(n, _MAX_GRAAF, replace=False)) if n > _MAX_GRAAF else np.arange(n)
        # Notes about one subject in other words may share a concept of the domain ("regiotaxipas", "scootmobiel");
        # the same concepts name a theme whose notes mostly share one (below).
        begrippen = self._begrippen()
        M = begrippen.matrix(lemmas) if begrippen is not None else None
        vectoriseerder = Vectoriseerder(
            min_df=2, char_gewicht=self.char_gewicht, begrippen=begrippen, begrip_gewicht=self.begrippen
        )
        X = vectoriseerder.fit_transform([lemmas[i] for i in steekproef])
        if X.shape[1] < 3:
            return [], []
        # Notes about one subject in other words ("scootmobiel kapot", "leerlingenvervoer") are linked by their
        # sentence embeddings; the n-grams keep the graph to what the notes actually say.
        E = inbed([notities.teksten[i] for i in steekproef]).astype(np.float64) if self.inbedding > 0 else None
        naasten, gelijkenis = _naaste_buren(X, self.buren, E, self.inbedding)
        # Density: a note whose second-nearest neighbour is far recurs nowhere yet; it stays out of the graph and
        # may join a theme below when close enough to it, or else is overig: a genuine one-off.
        # Relative to the data's own typical density, so short titles and long sentences are judged alike.
        tweede = gelijkenis[:, min(1, gelijkenis.shape[1] - 1)]
        dicht = np.flatnonzero(tweede >= self.dichtheid * np.median(tweede))
        gemeenschappen = _gemeenschappen(naasten, gelijkenis, dicht, self.resolutie, self.random_state)
        woord_tfidf = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, sublinear_tf=True)
        # A theme's centroid holds its concepts beside its words, so a note about its subject in other words is near.
        W = woord_tfidf.fit_transform([" ".join(x) for x in _met_begrippen(lemmas, begrippen, M)])
        namen = woord_tfidf.get_feature_names_out()
        Ws = W[steekproef]
        groepen = _voeg_fragmenten_samen(Ws, gemeenschappen, self.samenvoegen)
        naamgever = Naamgever(self.woordsoorten)
        # Per lemma the domain's concepts it belongs to: a theme whose notes mostly share one is named after it.
        onderwerp = None
        if begrippen is not None:
            onderwerp = begrippen.matrix([[] if w.startswith(_BEGRIP_TEKEN) else [w] for w in namen])
        labels = np.array([OVERIG] * n, dtype=object)
        scores = np.zeros(n)
        bekend: dict[str, list[np.ndarray]] = {}
        kandidaten = []
        wachtrij = [(g, 0) for g in groepen]
        # Notes without evidence of their own, in a group of a known theme: grouped anew among themselves once the
        # first round is done (a subject of its own hidden in a known theme's group).
        los: list[np.ndarray] = []
        tweede_ronde = False
        while wachtrij or (los and not tweede_ronde):
            if not wachtrij:
                tweede_ronde = True
                rest_s = np.sort(np.concatenate(los))
                if len(rest_s) >= 2 * self.min_grootte:
                    wachtrij = [
                        (g, 0) for g in _gemeenschappen(naasten, gelijkenis, rest_s, self.resolutie, self.random_state)
                    ]
                continue
            leden_s, diepte = wachtrij.pop(0)
            leden = steekproef[leden_s]
            # Open set, decided per group: a group most of whose notes lean to one known theme is that theme
            # (members leaning to another known theme keep theirs); otherwise it is a new theme.
            if len(kandidaat):
                besluit = _bekend_in_groep(kandidaat[leden])
                if besluit:
                    # A known theme only on evidence of its own: members without any are grouped anew among
                    # themselves after the first round (in the second they stay with the group).
                    ver = kandidaat[leden] == OVERIG
                    if not tweede_ronde and ver.any():
                        los.append(leden_s[ver])
                        leden = leden[~ver]
                    bekend.setdefault(besluit, []).append(leden)
                    continue
                if (kandidaat[leden] != OVERIG).mean() >= _GROEP_GEMENGD:
                    # Mostly known themes, mixed: look inside at a finer resolution; at the finest, each member
                    # keeps its own known theme and the others are decided later.
                    if len(leden) >= 2 * self.min_grootte and diepte < _MAX_VERFIJNING_GEMENGD:
                        resolutie = 2 ** (diepte + 1) * self.resolutie
                        delen = _gemeenschappen(naasten, gelijkenis, leden_s, resolutie, self.random_state)
                        if len(delen) > 1:
                            wachtrij.extend((d, diepte + 1) for d in delen)
                            continue
                    bekend.setdefault("", []).append(leden)
                    continue
            thema = self._maak_thema(W, namen, leden, notities, naamgever, onderwerp)
            if thema is not None and len(thema[1]) >= _SAMENHANG * len(leden):
                kandidaten.append(thema)
            elif len(leden) >= 2 * self.min_grootte and diepte < _MAX_VERFIJNING:
                # Too broad to be one subject: look inside it at a finer resolution.
                delen = _gemeenschappen(naasten, gelijkenis, leden_s, 2 * self.resolutie, self.random_state)
                if len(delen) > 1:
                    wachtrij.extend((d, diepte + 1) for d in delen)
                elif thema is not None:
                    kandidaten.append(thema)
            elif thema is not None:
                kandidaten.append(thema)
            elif not tweede_ronde:
                # Too small to be a theme on its own (often a piece of a mixed group split finer): its notes get a
                # second chance among the other loose notes, where pieces of one subject can meet.
                los.append(leden_s)
        # Bigger themes first, then by name, so ids are deterministic.
        kandidaten.sort(key=lambda t: (-len(t[1]), t[0].naam))
        uit = []
        for naam, kern_leden, sims, centroide, drempel in kandidaten:
            volgnummer += 1
            # A provisional name: the final one, unique among the saved themes', comes from the final members.
            uit.append(OntdektThema(f"ontdekt_{volgnummer}", naam.naam, naam.termen, centroide, drempel))
            labels[kern_leden], scores[kern_leden] = uit[-1].id, sims
        bekend_uit = []
        for thema_id, delen in sorted(bekend.items()):
            leden = np.sort(np.concatenate(delen))
            # Members leaning to another known theme keep that; the rest join the group's theme on its strength.
            eigen = np.where(kandidaat[leden] == OVERIG, thema_id or OVERIG, kandidaat[leden])
            for tid in np.unique(eigen[eigen != OVERIG]):
                deel = leden[eigen == tid]
                bekend_uit.append((str(tid), deel, np.round(np.maximum(kandidaat_score[deel], 0.5), 4)))
            labels[leden[eigen != OVERIG]] = "__bekend__"
        if uit:
            # Notes of no theme yet (the rest of a large pool, small groups) join the nearest one when close enough.
            rest = np.flatnonzero(labels == OVERIG)
            if len(rest):
                l2, s2 = _wijs_centroiden_toe(
                    notities.deel(rest).lemmas, uit, begrippen, M[rest] if M is not None else None
                )
                labels[rest], scores[rest] = l2, s2
            # Or when most of their nearest neighbours share one theme: close to a theme's edge, not its centre.
            # Two rounds: a note at the edge can lean on a neighbour that joined in the first.
            for rij in _twee_rondes(labels, steekproef):
                labels_s = labels[steekproef]
                for r in rij:
                    buren_labels = labels_s[naasten[r]]
                    waarden, aantallen = np.unique(buren_labels[buren_labels != OVERIG], return_counts=True)
                    if len(waarden) and aantallen.max() >= _BUREN_MEERDERHEID * len(buren_labels):
                        beste = int(np.argmax(aantallen))
                        if str(waarden[beste]).startswith("ontdekt_"):
                            i = steekproef[r]
                            labels[i] = waarden[beste]
                            scores[i] = float(np.mean(gelijkenis[r][buren_labels == waarden[beste]]))
        # Notes with strong keyword evidence of a known theme stay in it (the anchor), so they neither shape a new
        # theme's centroid nor its name; so do notes with some evidence at the theme's edge.
        labels[anker & np.char.startswith(labels.astype(str), "ontdekt_")] = OVERIG
        for thema in uit:
            leden = np.flatnonzero(labels == thema.id)
            rand = scores[leden] < np.median(scores[leden]) if len(leden) else np.zeros(0, dtype=bool)
            labels[leden[rand & terug_aan_rand[leden]]] = OVERIG
        # A new theme most of whose notes share one of the domain's concepts is about that subject: a member that
        # leans to a known theme without it was drawn in by the words around its own subject, and goes back.
        leunt = kandidaat != OVERIG
        uit = [replace(t, begrip=_gedeeld_begrip(M[labels == t.id], begrippen)) for t in uit] if M is not None else uit
        labels[_mist_begrip(labels, uit, M, begrippen) & leunt] = OVERIG
        uit = [t for t in uit if (labels == t.id).any()]  # themes the anchor, the edge or the concept emptied
        uit, labels, scores = _maak_blijvend(uit, labels, notities, W, namen, terug_aan_rand, leunt, begrippen, M)
        uit = self._benoem_opnieuw(uit, labels, W, namen, naamgever, bezette_namen, notities.teksten, onderwerp)
        return [(t, np.flatnonzero(labels == t.id), scores[labels == t.id]) for t in uit], bekend_uit

    @staticmethod
    def _benoem_opnieuw(
        themas: list[OntdektThema],
        labels: np.ndarray,
        W: sp.csr_matrix,
        namen: np.ndarray,
        naamgever: Naamgever,
        bezet: set[str],
        teksten: Sequence[str],
        onderwerp: sp.csr_matrix | None = None,
    ) -> list[OntdektThema]:
        """Names from each theme's final members: notes joined and left after the group was first named, and the
        name and terms must describe the notes a team will read under it. When no noun is shared by enough of
        the final members, the first name stays if its words are still written in at least two of them; else the
        theme is no theme (as in :meth:`_maak_thema`): it is left out, and its notes are free again."""
        bezet = set(bezet)
        uit = []
        for t in themas:
            leden = np.flatnonzero(labels == t.id)
            naam = _benoem(W, namen, leden, naamgever, teksten, onderwerp)
            eigen = [teksten[i] for i in leden]
            if naam is not None:
                label, termen = naam.naam, naam.termen
            elif all(geschreven({w}, eigen) for w in naamwoorden(t.naam)):
                label, termen = t.naam, t.kernwoorden
            else:
                continue
            if label in bezet:
                # Two themes, one name: the later one gets a noun of its own, else a number.
                label = naamgever.onderscheid(label, termen, eigen)
            label = _uniek(label, bezet)
            bezet.add(label)
            uit.append(replace(t, naam=label, kernwoorden=termen))
        return uit

    def _maak_thema(
        self,
        W: sp.csr_matrix,
        namen: np.ndarray,
        leden: np.ndarray,
        notities: Notities,
        naamgever: Naamgever,
        onderwerp: sp.csr_matrix | None = None,
    ) -> tuple[ThemaNaam, np.ndarray, np.ndarray, dict[str, float], float] | None:
        """Name, core members, their similarity, centroid and join threshold of a group; None when it is noise."""
        if len(leden) < self.min_grootte:
            return None
        naam = _benoem(W, namen, leden, naamgever, notities.teksten, onderwerp)
        if naam is None:
            return None  # no noun recurs in this group: noise, not a theme
        leden = np.asarray(leden, dtype=int)
        centroide = _centroide(np.asarray(W[leden].mean(axis=0)).ravel(), namen)
        sims = _cosinus(W[leden], namen, centroide)
        # A note that hardly resembles its group (far less than its typical member) recurs nowhere: it goes to
        # overig, visibly, not into a theme.
        kern = sims >= max(_MIN_ABSOLUUT, self.min_gelijkenis * float(np.median(sims)))
        kern_leden = leden[kern]
        if not self._groot_genoeg(kern_leden, notities.huishoudens):
            return None
        centroide = _centroide(np.asarray(W[kern_leden].mean(axis=0)).ravel(), namen)
        sims = _cosinus(W[kern_leden], namen, centroide)
        # Later notes join this theme under the rule its members met: as close as most of its own members.
        drempel = round(float(max(_MIN_ABSOLUUT, np.quantile(sims, _DREMPEL_KWANTIEL))), 5)
        return naam, kern_leden, sims, centroide, drempel

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
                    "rand": o.rand,
                    "begrip": o.begrip,
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
                OntdektThema(
                    o["id"],
                    o["naam"],
                    tuple(o["kernwoorden"]),
                    dict(o["centroide"]),
                    float(o["drempel"]),
                    float(o.get("rand", 0.0)),  # models saved before the edge rule: no edge
                    str(o.get("begrip", "")),  # models saved before the concept rule: none
                )
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


def _naaste_buren(
    X: sp.csr_matrix, buren: int, E: np.ndarray | None = None, gewicht: float = 0.0
) -> tuple[np.ndarray, np.ndarray]:
    """Each row's ``buren`` nearest other rows by cosine (rows are L2-normalised), best first, with similarities.

    With embeddings ``E`` (one L2-normalised row per row of ``X``), the similarity is ``(1 - gewicht)`` times the
    cosine of ``X`` plus ``gewicht`` times the cosine of ``E``.
    """
    n = X.shape[0]
    k = max(1, min(buren, n - 1))
    naasten = np.zeros((n, k), dtype=int)
    gelijkenis = np.zeros((n, k))
    # Transposed once, in the layout the product wants (a CSC transpose would be converted again for every block).
    XT = X.T.tocsr()

    def blok(begin: int) -> None:
        eind = min(begin + _KNN_BLOK, n)
        sims = (X[begin:eind] @ XT).toarray()
        if E is not None:
            sims = (1.0 - gewicht) * sims + gewicht * (E[begin:eind] @ E.T)
        sims[np.arange(eind - begin), np.arange(begin, eind)] = -1.0
        deel = np.argpartition(-sims, k - 1, axis=1)[:, :k]
        deel_sims = np.take_along_axis(sims, deel, axis=1)
        # Ties broken by index, so the graph does not depend on argpartition's order.
        volgorde = np.lexsort((deel, -deel_sims), axis=1)
        naasten[begin:eind] = np.take_along_axis(deel, volgorde, axis=1)
        gelijkenis[begin:eind] = np.take_along_axis(deel_sims, volgorde, axis=1)

    # Blocks are independent and each writes its own rows, so threads give the same result in any order; the
    # sparse product and the partition run outside the GIL.
    with ThreadPoolExecutor(max_workers=_kernen()) as uitvoerder:
        list(uitvoerder.map(blok, range(0, n, _KNN_BLOK)))
    return naasten, gelijkenis


def _kernen() -> int:
    """The cores this process may use (at most 4: the blocks are memory-bound beyond that)."""
    try:
        beschikbaar = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        beschikbaar = os.cpu_count() or 1
    return max(1, min(4, beschikbaar))


def _gemeenschappen(
    naasten: np.ndarray, gelijkenis: np.ndarray, knopen: np.ndarray, resolutie: float, seed: int
) -> list[np.ndarray]:
    """Communities of the nearest-neighbour graph restricted to ``knopen`` (indices into the rows).

    A consensus of Louvain partitions (Lancichinetti & Fortunato, 2012): one Louvain run is greedy and depends on
    the order it meets the notes in, so a few notes more or less elsewhere could cut a theme differently. The
    graph is split ``_CONSENSUS_RONDES`` times with different seeds; an edge is kept when its two notes share a
    community in at least ``_CONSENSUS_AANDEEL`` of the runs, weighted by that share, and the kept graph is split
    once more. Deterministic given ``seed``.
    """
    knopen = np.asarray(knopen, dtype=int)
    plek = np.full(len(naasten), -1)
    plek[knopen] = np.arange(len(knopen))
    van = np.repeat(np.arange(len(knopen)), naasten.shape[1])
    naar = plek[naasten[knopen]].ravel()
    gewicht = gelijkenis[knopen].ravel()
    binnen = (naar >= 0) & (gewicht > 0.05) & (van != naar)
    a, b, gewicht = np.minimum(van, naar)[binnen], np.maximum(van, naar)[binnen], gewicht[binnen]
    # One undirected edge per pair (the cosine is symmetric; the larger of two rounded values is kept).
    volgorde = np.lexsort((-gewicht, b, a))
    a, b, gewicht = a[volgorde], b[volgorde], gewicht[volgorde]
    eerste = np.ones(len(a), dtype=bool)
    eerste[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1])
    randen = np.column_stack([a[eerste], b[eerste]])
    gewicht = gewicht[eerste]
    graaf, gewichten = ig.Graph(n=len(knopen), edges=randen.tolist()), gewicht.tolist()
    rondes = np.array([_louvain(graaf, gewichten, resolutie, seed * 1000 + r) for r in range(_CONSENSUS_RONDES)])
    samen = (rondes[:, randen[:, 0]] == rondes[:, randen[:, 1]]).mean(axis=0) if len(randen) else np.zeros(0)
    blijft = samen >= _CONSENSUS_AANDEEL
    kern = ig.Graph(n=len(knopen), edges=randen[blijft].tolist())
    lid = _louvain(kern, (gewicht[blijft] * samen[blijft]).tolist(), resolutie, seed)
    groepen: dict[int, list[int]] = {}
    for knoop, gemeenschap in zip(knopen.tolist(), lid.tolist(), strict=True):
        groepen.setdefault(gemeenschap, []).append(knoop)
    return [np.array(sorted(g)) for g in sorted(groepen.values(), key=lambda g: (-len(g), min(g)))]


def _louvain(graaf: ig.Graph, gewicht: list[float], resolutie: float, seed: int) -> np.ndarray:
    """Community per node of a graph with these edge weights: one Louvain run (igraph's multilevel) with this seed."""
    # igraph draws from the generator it is given; a private one per run, so no global random state is touched.
    ig.set_random_number_generator(random.Random(seed))
    try:
        lid = graaf.community_multilevel(weights=gewicht, resolution=resolutie).membership
    finally:
        ig.set_random_number_generator(random)
    return np.asarray(lid)


def _maak_blijvend(
    themas: list[OntdektThema],
    labels: np.ndarray,
    notities: Notities,
    W: sp.csr_matrix,
    namen: np.ndarray,
    terug_aan_rand: np.ndarray,
    leunt: np.ndarray,
    begrippen: Begrippenlijst | None = None,
    M: sp.csr_matrix | None = None,
) -> tuple[list[OntdektThema], np.ndarray, np.ndarray]:
    """Final centroids and join thresholds, such that each member would be assigned the same way next month.

    Members are matched to the final centroids with the rule a later month uses (:func:`_wijs_centroiden_toe`,
    and the concept rule: a note that ``leunt`` to a known theme and lacks the theme's concept is none of its);
    a theme's threshold is the lowest similarity among its members, so none of them would fall out; its edge
    (``rand``) is the median member's, and no higher than any member in ``terug_aan_rand``, so none of those would
    go back to its known theme.
    """
    if not themas:
        return themas, labels, np.zeros(len(labels))
    themas = [
        replace(t, centroide=_centroide(np.asarray(W[labels == t.id].mean(axis=0)).ravel(), namen), drempel=0.0)
        for t in themas
    ]
    leden = np.flatnonzero(np.isin(labels, [t.id for t in themas]))
    sims = _gelijkenissen([notities.lemmas[i] for i in leden], themas, begrippen, M[leden] if M is not None else None)
    beste = np.argmax(sims, axis=1)
    labels = labels.copy()
    scores = np.zeros(len(labels))
    labels[leden] = np.array([t.id for t in themas], dtype=object)[beste]
    scores[leden] = sims[np.arange(len(leden)), beste]
    weg = _mist_begrip(labels, themas, M, begrippen) & leunt
    labels[weg], scores[weg] = OVERIG, 0.0
    uit = []
    for t in themas:
        eigen = scores[labels == t.id]
        drempel = float(eigen.min()) if len(eigen) else 1.0
        rand = round(float(np.median(eigen)), 5) if len(eigen) else 0.0
        # Next month the saved theme must still claim every member it keeps now: its edge lies no higher than the
        # least similar member that would go back to its known theme at the edge.
        aan_rand = scores[(labels == t.id) & terug_aan_rand]
        if len(aan_rand):
            rand = min(rand, np.floor(float(aan_rand.min()) * 1e5) / 1e5)
        # Rounded down, so a member exactly at the threshold stays in after the JSON round trip.
        uit.append(replace(t, drempel=max(_MIN_ABSOLUUT, np.floor(drempel * 1e5) / 1e5), rand=rand))
    return uit, labels, scores


def _bekend_in_groep(leunt: np.ndarray) -> str:
    """The known theme a discovered group is, from the known themes its notes lean to; "" when it is none.

    Either most notes lean to that theme, or most notes lean to some known theme and most of those to that one.
    """
    leners = leunt[leunt != OVERIG]
    if not len(leners):
        return ""
    waarden, aantallen = np.unique(leners, return_counts=True)
    beste = int(np.argmax(aantallen))
    if aantallen[beste] >= _GROEP_BEKEND * len(leunt):
        return str(waarden[beste])
    if len(leners) >= _LENERS_AANDEEL * len(leunt) and aantallen[beste] >= _LENERS_EENS * len(leners):
        return str(waarden[beste])
    return ""


def _twee_rondes(labels: np.ndarray, steekproef: np.ndarray) -> Iterator[np.ndarray]:
    """Yield the sampled rows still in overig, twice (recomputed after the first round)."""
    for _ in range(2):
        yield np.flatnonzero(labels[steekproef] == OVERIG)


def _onderscheidend(W: sp.csr_matrix, leden: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """c-TF-IDF per lemma for a group: how typical it is there against how common overall; and its coverage."""
    in_groep = np.asarray((W[leden] > 0).sum(axis=0)).ravel() / max(len(leden), 1)
    overal = np.asarray((W > 0).sum(axis=0)).ravel() / max(W.shape[0], 1)
    return in_groep * np.log1p(in_groep / np.maximum(overal, 1e-9)), in_groep


def _benoem(
    W: sp.csr_matrix,
    namen: np.ndarray,
    leden: np.ndarray,
    naamgever: Naamgever,
    teksten: Sequence[str],
    onderwerp: sp.csr_matrix | None = None,
) -> ThemaNaam | None:
    """A group's name from its distinctive lemmas and the words its notes (``teksten``, all notes) hold
    (:meth:`Naamgever.benoem`); None when no noun recurs in it.

    With ``onderwerp`` (per lemma of ``namen`` its concepts, :mod:`collectief.begrippen`): when at least
    ``_BEGRIP_NAAM`` of the group's notes share one concept, the name's nouns come from that concept's words
    first, so a theme is named after what most of its notes are about, not after a few notes that repeat a word.
    """
    gewichten, dekking = _onderscheidend(W, leden)
    kolommen = np.flatnonzero((gewichten > 0) & ~np.char.startswith(namen.astype(str), _BEGRIP_TEKEN))
    eigen = [teksten[i] for i in leden]
    voorrang = None
    if onderwerp is not None and len(leden) and onderwerp.shape[1]:
        per_begrip = np.asarray((((W[leden] > 0).astype(np.float64) @ onderwerp) > 0).mean(axis=0)).ravel()
        beste = int(np.argmax(per_begrip))
        if per_begrip[beste] >= _BEGRIP_NAAM:
            voorrang = onderwerp[:, beste].toarray().ravel()[kolommen] > 0
    return naamgever.benoem(namen[kolommen], gewichten[kolommen], dekking[kolommen], len(leden), eigen, voorrang)


def _voeg_fragmenten_samen(W: sp.csr_matrix, groepen: list[np.ndarray], drempel: float) -> list[np.ndarray]:
    """Merge groups that share their distinctive vocabulary (connected components of a similarity graph).

    Each group is described by its top c-TF-IDF terms; two groups whose descriptions have cosine >= ``drempel``
    are one subject written in two ways ("regiotaxi rijdt niet" and "regiotaxipas aanvragen").
    """
    if len(groepen) < 2:
        return groepen
    profielen = np.zeros((len(groepen), W.shape[1]))
    for g, leden in enumerate(groepen):
        gewicht, _ = _onderscheidend(W, leden)
        top = np.argsort(-gewicht, kind="stable")[:_TOP_TERMEN]
        profielen[g, top] = gewicht[top]
    profielen = normalize(profielen)
    sims = profielen @ profielen.T
    rijen, kolommen = np.nonzero(np.triu(sims, 1) >= drempel)
    graaf = ig.Graph(n=len(groepen), edges=list(zip(rijen.tolist(), kolommen.tolist(), strict=True)))
    samen = [np.sort(np.concatenate([groepen[g] for g in comp])) for comp in graaf.connected_components()]
    return sorted(samen, key=lambda g: (-len(g), int(g[0])))


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


def _met_begrippen(
    lemmas: Sequence[Sequence[str]], begrippen: Begrippenlijst | None, M: sp.csr_matrix | None = None
) -> list[list[str]]:
    """Each note's lemmas followed by its concepts as words of their own (``_BEGRIP_TEKEN`` + id, written
    ``_BEGRIP_HERHAAL`` times); ``M`` is ``begrippen.matrix(lemmas)`` when already at hand."""
    if begrippen is None:
        return [list(x) for x in lemmas]
    if M is None:
        M = begrippen.matrix(lemmas)
    M = sp.csr_matrix(M)
    tekens = [_BEGRIP_TEKEN + b.id for b in begrippen.begrippen]
    return [
        [*x, *(tekens[j] for j in sorted(M.indices[M.indptr[i] : M.indptr[i + 1]]) for _ in range(_BEGRIP_HERHAAL))]
        for i, x in enumerate(lemmas)
    ]


def _gedeeld_begrip(M: sp.csr_matrix, begrippen: Begrippenlijst | None) -> str:
    """The concept that at least ``_BEGRIP_NAAM`` of these notes (rows of a concept matrix) share, "" for none."""
    if begrippen is None or not M.shape[0] or not M.shape[1]:
        return ""
    aandeel = np.asarray(M.mean(axis=0)).ravel()
    beste = int(np.argmax(aandeel))
    return begrippen.begrippen[beste].id if aandeel[beste] >= _BEGRIP_NAAM else ""


def _mist_begrip(
    labels: np.ndarray, themas: Sequence[OntdektThema], M: sp.csr_matrix | None, begrippen: Begrippenlijst | None
) -> np.ndarray:
    """Per note whether its discovered theme (``labels``) is about a concept that the note (a row of ``M``) lacks."""
    mist = np.zeros(len(labels), dtype=bool)
    if begrippen is None or M is None:
        return mist
    plek = {b.id: j for j, b in enumerate(begrippen.begrippen)}
    for t in themas:
        if t.begrip in plek:
            rijen = np.flatnonzero(labels == t.id)
            mist[rijen] = np.asarray(M[rijen, plek[t.begrip]].todense()).ravel() == 0
    return mist


def _gelijkenissen(
    lemmas: Sequence[Sequence[str]],
    ontdekt: Sequence[OntdektThema],
    begrippen: Begrippenlijst | None = None,
    M: sp.csr_matrix | None = None,
) -> np.ndarray:
    """Cosine of each note (its lemmas and concepts, :func:`_met_begrippen`) to each saved centroid: (notes, themes).

    A note is weighed by its own words only (sublinear term frequency, no corpus statistics), so the same text
    gets the same similarity whatever else is in the batch: a theme keeps its notes from month to month.
    """
    lemmas = _met_begrippen(lemmas, begrippen, M)
    woorden = sorted({w for o in ontdekt for w in o.centroide} | {w for x in lemmas for w in x})
    tf = TfidfVectorizer(token_pattern=r"\S+", lowercase=False, vocabulary=woorden, sublinear_tf=True, use_idf=False)
    W = tf.fit_transform([" ".join(x) for x in lemmas])
    namen = tf.get_feature_names_out()
    return np.column_stack([_cosinus(W, namen, o.centroide) for o in ontdekt])


def _wijs_centroiden_toe(
    lemmas: Sequence[Sequence[str]],
    ontdekt: Sequence[OntdektThema],
    begrippen: Begrippenlijst | None = None,
    M: sp.csr_matrix | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Match notes (their lemmas) to saved discovered themes: best centroid above its own threshold, else overig."""
    sims = _gelijkenissen(lemmas, ontdekt, begrippen, M)
    beste = np.argmax(sims, axis=1)
    score = sims[np.arange(len(lemmas)), beste]
    drempels = np.array([o.drempel for o in ontdekt])[beste]
    ids = np.array([o.id for o in ontdekt], dtype=object)
    labels = np.where(score >= drempels, ids[beste], OVERIG).astype(object)
    return labels, np.where(labels == OVERIG, 0.0, score)


def _uniek(naam: str, bezet: set[str]) -> str:
    if naam not in bezet:
        return naam
    teller = Counter(zonder_nummer(b) for b in bezet)
    return f"{naam} ({teller[naam] + 1})"
