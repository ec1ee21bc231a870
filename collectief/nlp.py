"""The spaCy pipeline for Dutch, and its fallback when ``nl_core_news_sm`` is not installed.

``nl_core_news_sm`` (or a model path in ``$COLLECTIEF_SPACY_MODEL``) gives real lemmas and part-of-speech tags.
Without it, a blank Dutch pipeline with the lookup lemmatizer from ``spacy-lookups-data`` is used. Which one is
active is logged once and shown in the dashboard. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import logging
import os
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.language import Language

__all__ = ["MODEL_OMGEVINGSVARIABELE", "Pipeline", "laad_pipeline"]

log = logging.getLogger(__name__)

MODEL_OMGEVINGSVARIABELE = "COLLECTIEF_SPACY_MODEL"
_STANDAARD_MODEL = "nl_core_news_sm"
# What the themes need is lemmas (and POS where available): the parser and NER only cost time.
_UITGESCHAKELD = ("parser", "ner", "senter")


@dataclass(frozen=True)
class Pipeline:
    """A loaded spaCy pipeline and what it is, in words for the user."""

    nlp: Language
    naam: str
    heeft_pos: bool

    @property
    def beschrijving(self) -> str:
        if self.heeft_pos:
            return f"spaCy-model '{self.naam}' (lemma's en woordsoorten)"
        return (
            "eenvoudige Nederlandse spaCy-pijplijn met opzoek-lemmatisering (het model nl_core_news_sm is niet "
            "geïnstalleerd; installeer het met: python -m spacy download nl_core_news_sm)"
        )


def _blanco() -> Language:
    nlp = spacy.blank("nl")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    # The lookup tables ship inside spacy-lookups-data; initialising reads them from disk, never the network.
    nlp.initialize()
    return nlp


@functools.lru_cache(maxsize=4)
def laad_pipeline(model: str | None = None) -> Pipeline:
    """Load the best available Dutch pipeline, once per process per ``model``.

    ``model`` is a package name or a path; default ``$COLLECTIEF_SPACY_MODEL`` or ``nl_core_news_sm``. When it
    cannot be loaded, the blank fallback is used (and that is said once in the log).
    """
    gevraagd = model or os.environ.get(MODEL_OMGEVINGSVARIABELE) or _STANDAARD_MODEL
    try:
        nlp = spacy.load(gevraagd if not Path(gevraagd).exists() else Path(gevraagd), exclude=list(_UITGESCHAKELD))
    except (OSError, ImportError) as fout:
        log.info(
            "spaCy-model %r niet beschikbaar (%s); terugval op blanco 'nl' met opzoek-lemmatisering", gevraagd, fout
        )
        pipeline = Pipeline(_blanco(), "blank-nl-lookup", heeft_pos=False)
    else:
        pipeline = Pipeline(
            nlp,
            str(nlp.meta.get("name", gevraagd)),
            heeft_pos="tagger" in nlp.pipe_names or "morphologizer" in nlp.pipe_names,
        )
    # Said once per process (this function is cached); a warning when the weaker fallback is active.
    log.log(logging.INFO if pipeline.heeft_pos else logging.WARNING, "NLP-pijplijn actief: %s", pipeline.beschrijving)
    return pipeline
