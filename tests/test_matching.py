"""Keyword evidence: compounds, typos, synonyms and phrases, with scores computed by hand."""

from __future__ import annotations

import numpy as np
import pytest

from collectief.catalogue import laad_catalogus
from collectief.matching import STERK, ZWAK, Trefwoordenmatcher, _in_samenstelling
from collectief.normalise import normaliseer
from collectief.records import Thema

KLEIN = (
    Thema(id="geld", naam="Geld", trefwoorden=("schuld", "deurwaarder", "betalingsregeling"), zwak=("rekening",)),
    Thema(id="huur", naam="Huur", trefwoorden=("huurtoeslag", "toeslag voor de huur")),
)


def test_scores_by_hand() -> None:
    m = Trefwoordenmatcher(KLEIN)
    # 4 words; 'deurwaarder' at position 0 counts 1.0, 'rekening' (weak) at position 3 counts 0.35 * (1 - 0.5*3/4).
    s = m.scores([normaliseer("deurwaarder stuurt nieuwe rekening")])
    assert s[0, 0] == pytest.approx(STERK * 1.0 + ZWAK * (1 - 0.5 * 3 / 4))
    assert s[0, 1] == 0.0


def test_phrase_counts_once_at_its_position() -> None:
    m = Trefwoordenmatcher(KLEIN)
    tekst = normaliseer("vraag over toeslag voor de huur")
    s = m.scores([tekst])
    assert s[0, 1] == pytest.approx(1.0 - 0.5 * tekst.index("toeslag") / len(tekst))


@pytest.mark.parametrize(
    ("tekst", "thema"),
    [
        ("Mw. heeft een huurtoeslagterugvordering ontvangen", "toeslagen"),  # compound
        ("vraag over huurtoslag", "toeslagen"),  # typo: one letter missing
        ("wil huursubsidie aanvragen", "toeslagen"),  # synonym
        ("wil toeslag voor de huur aanvragen", "toeslagen"),  # phrase
        ("ivm HT brief van BD", "toeslagen"),  # abbreviations
        ("deurwaarders aan de deur", "schulden"),  # plural inside the word
        ("dochter wordt 18, eigen zorgverzekering regelen", "samenwonen_uitkering"),
        ("kindje van 3 mnd huilt veel, moeder uitgeput, borstvoeding lukt niet", "jonge_ouders"),
        ("Cliënt voelt zich geïsoleerd en eenzaam", "eenzaamheid"),
    ],
)
def test_catalogue_recognises_dutch_variants(tekst: str, thema: str) -> None:
    catalogus = laad_catalogus()
    s = Trefwoordenmatcher(catalogus).scores([normaliseer(tekst)])
    assert catalogus[int(np.argmax(s[0]))].id == thema


def test_derivation_is_not_a_compound() -> None:
    assert _in_samenstelling("schuld", "energieschulden")
    assert _in_samenstelling("schuld", "schuldhulp")
    assert not _in_samenstelling("schuld", "schuldig")  # feeling guilty is not about debts
    assert not _in_samenstelling("schuld", "onschuldige")


def test_profession_is_not_work() -> None:
    catalogus = laad_catalogus()
    tekst = normaliseer("schoolmaatschappelijk werk meldt: kind durft niet naar huis")
    s = Trefwoordenmatcher(catalogus).scores([tekst])
    ids = [t.id for t in catalogus]
    assert s[0, ids.index("werk_dagbesteding")] == 0.0
    assert ids[int(np.argmax(s[0]))] == "huiselijk_geweld"
