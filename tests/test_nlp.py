"""The NLP stage: the fallback pipeline, the POS-dependent filter (tested without the model), the cache."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from collectief import nlp
from collectief.nlp import Pipeline, laad_pipeline, lemmas_van, lemmatiseer
from collectief.normalise import normaliseer
from collectief.store import Store


def test_missing_model_falls_back_and_says_so(caplog: pytest.LogCaptureFixture) -> None:
    laad_pipeline.cache_clear()
    with caplog.at_level(logging.INFO, logger="collectief.nlp"):
        pipeline = laad_pipeline("bestaat_niet_model")
    assert pipeline.naam == "blank-nl-lookup" and not pipeline.heeft_pos
    assert "nl_core_news_sm is niet geïnstalleerd" in pipeline.beschrijving
    assert sum("NLP-pijplijn actief" in r.message for r in caplog.records) == 1
    # Asked again, it is not loaded (nor announced) a second time.
    with caplog.at_level(logging.INFO, logger="collectief.nlp"):
        assert laad_pipeline("bestaat_niet_model") is pipeline
    assert sum("NLP-pijplijn actief" in r.message for r in caplog.records) == 1


def test_fallback_lemmas_drop_stop_words_and_domain_words(pipeline: Pipeline) -> None:
    tekst = normaliseer("Mw. heeft vragen over de huurtoeslag, schulden bij deurwaarders ivm HB")
    assert lemmatiseer([tekst], pipeline) == [["huurtoeslag", "schuld", "deurwaarder"]]


def test_pos_filter_keeps_content_words_only() -> None:
    # A Doc as nl_core_news_sm would tag it, built by hand: no model needed.
    nlp = spacy.blank("nl")
    doc = Doc(
        nlp.vocab,
        words=["moeder", "belt", "dringend", "over", "huilende", "baby"],
        pos=["NOUN", "VERB", "ADV", "ADP", "ADJ", "NOUN"],
        lemmas=["moeder", "bellen", "dringend", "over", "huilend", "baby"],
    )
    # "bellen" is a domain stop word, "dringend" an adverb here, "over" an adposition.
    assert lemmas_van(doc, heeft_pos=True) == ["moeder", "huilend", "baby"]
    # Without tags, only stop words decide: the adverb stays.
    assert lemmas_van(doc, heeft_pos=False) == ["moeder", "dringend", "huilend", "baby"]


def test_cache_means_texts_are_not_parsed_again(tmp_path: Path, pipeline: Pipeline) -> None:
    teksten = [normaliseer("schulden bij deurwaarders"), normaliseer("kinderen laten meedoen")]
    with Store(tmp_path / "db.sqlite") as store:
        eerste = lemmatiseer(teksten, pipeline, cache=store)
        # A pipeline of the same name but without a lemmatizer would give other lemmas if it parsed again.
        zonder_lemmas = Pipeline(spacy.blank("nl"), pipeline.naam, heeft_pos=False)
        assert lemmatiseer(teksten, zonder_lemmas, cache=store) == eerste
        assert lemmatiseer(teksten, zonder_lemmas) != eerste


def test_lemmas_cached_under_older_rules_are_parsed_again(
    tmp_path: Path, pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store filled before the lemma rules changed (English function words) must not hand back the old lemmas."""
    tekst = normaliseer("smoke in her house, schulden bij deurwaarders")
    with Store(tmp_path / "db.sqlite") as store:
        monkeypatch.setattr(nlp, "_LEMMA_REGELS", 1)
        monkeypatch.setattr(nlp, "_OVERSLAAN", nlp.DOMEIN_STOPWOORDEN)
        assert "her" in lemmatiseer([tekst], pipeline, cache=store)[0]
        monkeypatch.undo()
        assert "her" not in lemmatiseer([tekst], pipeline, cache=store)[0]


def test_word_by_word_lookup_equals_the_full_pipe(pipeline: Pipeline, sample_df) -> None:
    # The fast path for the lookup-only pipeline must give exactly what running the pipeline gives.
    teksten = [normaliseer(t) for t in sample_df["tekst"].head(400)]
    via_pipe = [lemmas_van(doc, heeft_pos=False) for doc in pipeline.nlp.pipe(teksten)]
    assert lemmatiseer(teksten, pipeline) == via_pipe


def test_word_classes_from_a_tagger() -> None:
    # What naming gets from nl_core_news_sm, built by hand: the most frequent tag per content lemma.
    from collectief.nlp import woordsoorten_van

    nlp = spacy.blank("nl")
    docs = [
        Doc(nlp.vocab, words=["vervoer", "regelen"], pos=["NOUN", "VERB"], lemmas=["vervoer", "regelen"]),
        Doc(
            nlp.vocab,
            words=["vervoer", "naar", "ziekenhuis"],
            pos=["NOUN", "ADP", "NOUN"],
            lemmas=["vervoer", "naar", "ziekenhuis"],
        ),
        Doc(nlp.vocab, words=["ik", "vervoer"], pos=["PRON", "VERB"], lemmas=["ik", "vervoer"]),
    ]
    assert woordsoorten_van(docs) == {"vervoer": "NOUN", "regelen": "VERB", "ziekenhuis": "NOUN"}


def test_no_tagger_no_word_classes(pipeline: Pipeline) -> None:
    from collectief.nlp import woordsoorten

    assert woordsoorten(["vervoer naar het ziekenhuis"], pipeline) is None


def test_english_function_words_are_dropped_and_dutch_homographs_stay(pipeline: Pipeline) -> None:
    """A writer who mixes English in: its function words name no theme; "been" and "last" are Dutch words too."""
    [lemmas] = lemmatiseer(["mw. neighbour conflict: smoke in her house every weekend, last van de buren"], pipeline)
    assert not {"her", "in", "every"} & set(lemmas)
    assert {"neighbour", "smoke", "house", "last", "buren"} <= set(lemmas)
    [lemmas] = lemmatiseer(["dhr. heeft zijn been gebroken"], pipeline)
    assert "been" in lemmas
