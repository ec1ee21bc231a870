"""The spaCy pipeline for Dutch, and its fallback when ``nl_core_news_sm`` is not installed.

``nl_core_news_sm`` (or a model path in ``$COLLECTIEF_SPACY_MODEL``) gives real lemmas and part-of-speech tags.
Without it, a blank Dutch pipeline with the lookup lemmatizer from ``spacy-lookups-data`` is used. Which one is
active is logged once and shown in the dashboard. Nothing is ever downloaded.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import spacy
from spacy.lang.nl.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

__all__ = [
    "DOMEIN_STOPWOORDEN",
    "MODEL_OMGEVINGSVARIABELE",
    "LemmaCache",
    "Pipeline",
    "laad_pipeline",
    "lemmas_van",
    "lemmatiseer",
    "woordsoorten_van",
]

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


#: Words that say nothing about a theme in wijkteam notes: who, the team itself, and note-taking filler.
DOMEIN_STOPWOORDEN: frozenset[str] = frozenset(
    """
    mevrouw meneer client clienten clientes cliente cl mw dhr heer vrouw man mensen persoon
    vraag vragen vraagt gevraagd hulp hulpvraag wijkteam team medewerker collega consulent
    in verband met overleg contact gesprek huisbezoek telefonisch gebeld belt bellen bel mail gemaild
    geeft aan gaf aangegeven zegt zeggen gezegd vertelt verteld wil willen wilde graag
    hebben heeft had hadden zijn is was waren wordt worden werd gaat gaan ging komt komen kwam
    kan kunnen kon moet moeten moest mag mogen zou zouden doen doet gedaan krijgen krijgt kreeg gekregen
    weet weten goed wel niet geen nog al ook even erg heel veel meer weinig echt eigenlijk
    nu dan toen daarna later vandaag gisteren morgen week weken maand maanden jaar jaren dag dagen
    eventueel onder andere zo snel mogelijk naar aanleiding met betrekking tot waarschijnlijk ongeveer
    afspraak afspraken gemaakt maken samen kijken gekeken bekijken uitzoeken regelen geregeld
    situatie probleem problemen zaken dingen iets niets alles iemand hulpverlener
    terugbellen teruggebeld doorverwijzen doorverwezen verwijzen vervolg vervolgd vervolgafspraak
    stukken meenemen volgende inloop spreekuur teamoverleg casus besproken oppakken opgepakt tevreden
    uitleg uitgelegd informatie info advies geadviseerd aangemeld aanmelding melding gemeld nagevraagd
    navragen checken terugkoppeling terugkoppelen status actie acties zelf verder tevens daarnaast
    nodig mogelijk mogelijkheden wat hoe waar wanneer waarom eerst nieuw nieuwe wacht wachten
    ervoor erover ermee eraan erin erop eruit daarvoor daarover daarmee niks krijg kreeg voelt voelen zit zitten
    ligt liggen staat staan lukt lukken gelukt laat laten halen hoog past passen kent kennen ziet zien
    """.split()
)

#: English function words, for notes that mix English in ("smoke in her house", "the family next door"): they name no
#: subject and make no two notes alike. Only words that are no Dutch words: not "via", "per" or "ca", which Dutch
#: notes use, nor "been" (leg), "last" (burden) or "top"; Dutch stop words ("is", "was", "over") are dropped anyway.
ENGELSE_STOPWOORDEN: frozenset[str] = frozenset(
    """
    the and or of to for with from into onto about after before between through during without against upon
    this that these those which who whom whose what when where why how there here than then
    he she him her his hers they them their theirs we us our ours you your yours it its my myself
    are were be being has having does did will would shall should can could may might must
    not yes very also just only too again once each every other some any such same own both
    """.split()
)

_OVERSLAAN = DOMEIN_STOPWOORDEN | ENGELSE_STOPWOORDEN

#: Bumped when the rules above change what a text's lemmas are, so lemmas cached under older rules are not reused.
_LEMMA_REGELS = 2

_POS_INHOUD = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})


def _bruikbaar(token: Any, heeft_pos: bool) -> bool:
    if not token.is_alpha or len(token.text) < 2 or token.is_stop:
        return False
    return not heeft_pos or token.pos_ in _POS_INHOUD


def lemmas_van(doc: Doc, heeft_pos: bool) -> list[str]:
    """The content lemmas of a parsed note: no stop words (Dutch or domain), punctuation or numbers.

    With a tagger, only nouns, proper nouns, verbs and adjectives are kept.
    """
    uit = []
    for token in doc:
        if not _bruikbaar(token, heeft_pos):
            continue
        lemma = (token.lemma_ or token.text).lower()
        if not {lemma, token.lower_} & _OVERSLAAN and lemma not in STOP_WORDS:
            uit.append(lemma)
    return uit


def _contextvrij(pipeline: Pipeline) -> bool:
    """A pipeline whose only step is the lookup lemmatizer: a word's lemma does not depend on its sentence."""
    if pipeline.heeft_pos or pipeline.nlp.pipe_names != ["lemmatizer"]:
        return False
    return getattr(pipeline.nlp.get_pipe("lemmatizer"), "mode", None) == "lookup"


def _lemmas_per_woord(teksten: Sequence[str], nlp: Language, batch_size: int) -> Iterator[list[str]]:
    """What :func:`lemmas_van` gives after the lookup lemmatizer, but each distinct word looked up only once."""
    tabel = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup", {})
    per_woord: dict[str, str] = {}
    for doc in nlp.tokenizer.pipe(teksten, batch_size=batch_size):
        uit = []
        for token in doc:
            lemma = per_woord.get(token.text)
            if lemma is None:
                lemma = ""
                if _bruikbaar(token, heeft_pos=False):
                    kandidaat = (tabel.get(token.text, token.text) or token.text).lower()
                    if not {kandidaat, token.lower_} & _OVERSLAAN and kandidaat not in STOP_WORDS:
                        lemma = kandidaat
                per_woord[token.text] = lemma
            if lemma:
                uit.append(lemma)
        yield uit


def lemmatiseer(
    teksten: Sequence[str], pipeline: Pipeline, cache: LemmaCache | None = None, batch_size: int = 1000
) -> list[list[str]]:
    """Content lemmas per normalised text; each distinct text is parsed once, and not at all when cached."""
    uniek = list(dict.fromkeys(teksten))
    sleutels = {t: hashlib.sha1(f"{pipeline.naam}\x1f{_LEMMA_REGELS}\x1f{t}".encode()).hexdigest() for t in uniek}
    bekend: dict[str, list[str]] = {}
    if cache is not None:
        gevonden = cache.nlp_cache_lees(list(sleutels.values()))
        bekend = {t: gevonden[s].split() for t, s in sleutels.items() if s in gevonden}
    te_doen = [t for t in uniek if t not in bekend]
    if _contextvrij(pipeline):
        nieuw = dict(zip(te_doen, _lemmas_per_woord(te_doen, pipeline.nlp, batch_size), strict=True))
    else:
        nieuw = {
            t: lemmas_van(doc, pipeline.heeft_pos)
            for t, doc in zip(te_doen, pipeline.nlp.pipe(te_doen, batch_size=batch_size), strict=True)
        }
    if cache is not None and nieuw:
        cache.nlp_cache_schrijf((sleutels[t], " ".join(lemmas)) for t, lemmas in nieuw.items())
    bekend.update(nieuw)
    return [bekend[t] for t in teksten]


def woordsoorten_van(docs: Iterable[Doc]) -> dict[str, str]:
    """Each content lemma's most frequent part-of-speech tag in tagged docs (ties: alphabetical), for naming."""
    tellingen: dict[str, Counter[str]] = {}
    for doc in docs:
        for token in doc:
            if _bruikbaar(token, heeft_pos=True):
                lemma = (token.lemma_ or token.text).lower()
                tellingen.setdefault(lemma, Counter())[token.pos_] += 1
    return {lemma: min(t.items(), key=lambda x: (-x[1], x[0]))[0] for lemma, t in tellingen.items()}


def woordsoorten(teksten: Sequence[str], pipeline: Pipeline, batch_size: int = 1000) -> dict[str, str] | None:
    """Tags per lemma from the pipeline's tagger, or None when it has none (then the lexicon decides)."""
    if not pipeline.heeft_pos:
        return None
    return woordsoorten_van(pipeline.nlp.pipe(list(dict.fromkeys(teksten)), batch_size=batch_size))


class LemmaCache(Protocol):
    """Where parsed lemmas are kept between analyses (the store implements this)."""

    def nlp_cache_lees(self, sleutels: list[str]) -> dict[str, str]: ...

    def nlp_cache_schrijf(self, paren: Iterable[tuple[str, str]]) -> None: ...
