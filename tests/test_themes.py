"""The theme engine on the sample and on small hand-made sets: quality, determinism, stable identity."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import normalized_mutual_info_score

from collectief import themes
from collectief.analysis import analyseer
from collectief.benoemen import Naamgever, generieke_woorden, naamwoorden
from collectief.catalogue import laad_catalogus
from collectief.errors import CollectiefFout
from collectief.nlp import DOMEIN_STOPWOORDEN, Pipeline
from collectief.normalise import normaliseer
from collectief.records import OVERIG, Thema
from collectief.themes import ThemaModel, bereid_voor


@pytest.fixture(scope="module")
def catalogus():
    return laad_catalogus()


@pytest.fixture(scope="module")
def volledig(sample_df: pd.DataFrame, catalogus, pipeline: Pipeline):
    return analyseer(sample_df, catalogus, seed=0, pipeline=pipeline)


def test_quality_on_the_sample(volledig, ground_truth: pd.Series) -> None:
    df = volledig.hulpvragen
    waarheid = ground_truth.loc[df["rij"]].to_numpy()
    nmi = normalized_mutual_info_score(waarheid, df["thema_id"])
    assert nmi >= 0.75, f"NMI {nmi:.3f}"
    met_thema = waarheid != OVERIG
    aandeel_overig = (df["thema_id"].to_numpy()[met_thema] == OVERIG).mean()
    assert aandeel_overig < 0.10, f"{aandeel_overig:.1%} of themed hulpvragen in overig"


def test_overig_is_a_visible_theme_with_its_count(volledig) -> None:
    themas = volledig.themas
    overig = themas[themas["thema_id"] == OVERIG]
    assert len(overig) == 1 and overig["aantal"].iloc[0] == (volledig.hulpvragen["thema_id"] == OVERIG).sum()
    assert themas["aantal"].sum() == len(volledig.hulpvragen)
    assert themas["thema_id"].iloc[-1] == OVERIG


def test_same_data_and_seed_give_identical_output(sample_df, catalogus, pipeline, volledig, tmp_path) -> None:
    nog_eens = analyseer(sample_df, catalogus, seed=0, pipeline=pipeline)
    pd.testing.assert_frame_equal(nog_eens.hulpvragen, volledig.hulpvragen)
    pd.testing.assert_frame_equal(nog_eens.themas, volledig.themas)
    # Byte for byte: the assignment as written out, and the saved model.
    assert nog_eens.hulpvragen.to_csv(index=False).encode() == volledig.hulpvragen.to_csv(index=False).encode()
    nog_eens.model.opslaan(tmp_path / "a.json")
    volledig.model.opslaan(tmp_path / "b.json")
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_nearest_neighbours_do_not_depend_on_blocks_or_threads(monkeypatch) -> None:
    """The search runs in blocks on several threads; each row's neighbours are its own: any block size, any
    number of threads, the same arrays, ties broken by index (rows 0 and 1 are the same note)."""
    import scipy.sparse as sp
    from sklearn.preprocessing import normalize

    X = sp.random(300, 40, density=0.2, format="csr", random_state=np.random.default_rng(3))
    X = normalize(sp.vstack([X[0], X[0], X[2:]]).tocsr())
    verwacht = themes._naaste_buren(X, 5)
    for blok, kernen in ((7, 1), (64, 3), (1000, 2)):
        monkeypatch.setattr(themes, "_KNN_BLOK", blok)
        monkeypatch.setattr(themes, "_kernen", lambda k=kernen: k)
        naasten, gelijkenis = themes._naaste_buren(X, 5)
        assert np.array_equal(naasten, verwacht[0]) and np.array_equal(gelijkenis, verwacht[1])
    # A row's best neighbour by cosine: its duplicate.
    assert verwacht[0][0, 0] == 1 and verwacht[0][1, 0] == 0


def test_fragments_with_the_same_distinctive_words_merge() -> None:
    """Groups 0 and 2 are written with the same words (regiotaxi, rit), group 1 with others: 0 and 2 become one,
    the largest group first."""
    import scipy.sparse as sp

    # Columns: regiotaxi, rit, huur, schimmel. Notes 0-1 and 4-5 about the taxi, 2-3 about the house.
    W = sp.csr_matrix(np.array([[1, 1, 0, 0], [1, 1, 0, 0], [0, 0, 1, 1], [0, 0, 1, 1], [1, 1, 0, 0], [1, 0, 0, 0]]))
    groepen = [np.array([0, 1]), np.array([2, 3]), np.array([4, 5])]
    samen = themes._voeg_fragmenten_samen(W, groepen, 0.3)
    assert [g.tolist() for g in samen] == [[0, 1, 4, 5], [2, 3]]
    assert [g.tolist() for g in themes._voeg_fragmenten_samen(W, groepen, 1.01)] == [[0, 1], [2, 3], [4, 5]]


def test_a_theme_is_renamed_from_its_final_notes_or_dropped() -> None:
    """Three themes whose members changed after they were first named. Notes 0-2 share the noun "regiotaxi": named
    from it. Notes 3-5 share only verbs, and their first name "Kookplaat" is written in two of them: it stays.
    Notes 6-8 share only verbs, and "Rekenvoorbeeld" is written in one: no theme, left out."""
    import scipy.sparse as sp

    teksten = [
        "regiotaxi te laat", "regiotaxi rijdt niet", "regiotaxi gebeld",
        "kookplaat lopen wachten", "nieuwe kookplaat wachten", "lopen en wachten",
        "rekenvoorbeeld bellen wachten", "bellen en wachten", "wachten op bellen",
    ]  # fmt: skip
    namen = np.array(["regiotaxi", "wachten", "bellen"])
    W = sp.csr_matrix(np.array([[1, 0, 0]] * 3 + [[0, 1, 0]] * 3 + [[0, 1, 1]] * 3, dtype=float))
    labels = np.array(["ontdekt_1"] * 3 + ["ontdekt_2"] * 3 + ["ontdekt_3"] * 3, dtype=object)
    themas = [themes.OntdektThema(f"ontdekt_{i}", naam, (naam.lower(),), {}, 0.1) for i, naam in
              ((1, "Bus"), (2, "Kookplaat"), (3, "Rekenvoorbeeld"))]  # fmt: skip
    uit = ThemaModel._benoem_opnieuw(themas, labels, W, namen, Naamgever(), set(), teksten)
    assert [(t.id, t.naam) for t in uit] == [("ontdekt_1", "Regiotaxi"), ("ontdekt_2", "Kookplaat")]


def test_a_name_already_taken_gets_a_noun_of_its_own_or_a_number() -> None:
    """The name "School" is taken (a saved theme of an earlier month). Both themes keep their first name (their
    notes share no noun as often as a name needs, but "school" is written in two of each): the first has "laptop"
    among its terms, written in two of its notes, and becomes "School en laptop"; the second has no such noun and
    becomes "School (2)"."""
    import scipy.sparse as sp

    teksten = [
        "school laptop kapot", "laptop voor school", "wachten",
        "school bellen", "school en wachten", "bellen",
    ]  # fmt: skip
    namen = np.array(["wachten", "bellen"])
    W = sp.csr_matrix(np.array([[1, 0]] * 3 + [[0, 1]] * 3, dtype=float))
    labels = np.array(["ontdekt_1"] * 3 + ["ontdekt_2"] * 3, dtype=object)
    themas = [
        themes.OntdektThema("ontdekt_1", "School", ("school", "laptop"), {}, 0.1),
        themes.OntdektThema("ontdekt_2", "School", ("school", "bellen"), {}, 0.1),
    ]
    uit = ThemaModel._benoem_opnieuw(themas, labels, W, namen, Naamgever(), {"School"}, teksten)
    assert [t.naam for t in uit] == ["School en laptop", "School (2)"]


def test_discovered_names_are_nouns_with_terms_and_examples(volledig) -> None:
    ontdekt = volledig.themas[volledig.themas["bron"] == "ontdekt"]
    assert len(ontdekt) >= 1
    naamgever = Naamgever()
    for _, thema in ontdekt.iterrows():
        woorden = naamwoorden(thema["thema"])
        assert 1 <= len(woorden) <= 3, thema["thema"]
        assert all(naamgever.is_zelfstandig(w) for w in woorden), thema["thema"]
        assert not set(woorden) & (DOMEIN_STOPWOORDEN | generieke_woorden()), thema["thema"]
        # Next to the name: the most distinctive terms (up to 8) and representative notes.
        assert 3 <= len(thema["termen"]) <= 8 and woorden[0] in thema["termen"]
        assert thema["aantal"] >= 8 and thema["huishoudens"] >= 5
        assert len(thema["voorbeelden"]) == 3


def _beste_f1(waarheid: np.ndarray, labels: np.ndarray, thema: str) -> tuple[float, str]:
    beste = (0.0, OVERIG)
    for kandidaat in set(labels):
        tp = ((waarheid == thema) & (labels == kandidaat)).sum()
        if tp:
            beste = max(beste, (2 * tp / ((waarheid == thema).sum() + (labels == kandidaat).sum()), kandidaat))
    return beste


@pytest.mark.parametrize("thema", ["vervoer", "statushouders"])
def test_themes_outside_the_catalogue_are_found_by_discovery(volledig, ground_truth, catalogus, thema) -> None:
    assert thema not in {t.id for t in catalogus}
    df = volledig.hulpvragen
    waarheid = ground_truth.loc[df["rij"]].to_numpy()
    f1, gevonden = _beste_f1(waarheid, df["thema_id"].to_numpy(), thema)
    assert gevonden.startswith("ontdekt_")
    # Measured 0.49 (vervoer) and 0.43 (statushouders) at seed 0 (seeds 0-3: 0.47-0.74 and 0.28-0.43), with the
    # consensus of Louvain runs; a single run gave 0.67 and 0.39 at seed 0 (0.67-0.80 and 0.32-0.41), but moved to
    # 0.46-0.47 at two seeds when two unrelated notes left the safety themes. One main theme plus fragments. The
    # issue's target of 0.7 is not met; see test_themes_outside_the_catalogue_are_whole below.
    assert f1 >= 0.25, f"{thema}: F1 {f1:.2f}"


@pytest.mark.parametrize(
    "thema",
    [
        # One theme since the sentence embeddings (seventh session). With the domain's concepts among the centroids'
        # words (eleventh session): F1 0.84 at seeds 0-3, "Vervoer, regiotaxipas en bus".
        "vervoer",
        # Naturalisation, family reunification, residence permits, civic integration and settling in share few
        # words; the domain's concepts link them (tenth session, 0.64), and since the eleventh the theme's shared
        # concept keeps out members that lean to a known theme without it (school, nursing-home and work notes):
        # F1 0.72 at seeds 0, 2 and 3, 0.67 at seed 1; "Gezinshereniging, naturalisatie en verblijfsvergunning".
        "statushouders",
    ],
)
def test_themes_outside_the_catalogue_are_whole(volledig, ground_truth, thema) -> None:
    df = volledig.hulpvragen
    f1, gevonden = _beste_f1(ground_truth.loc[df["rij"]].to_numpy(), df["thema_id"].to_numpy(), thema)
    assert f1 >= 0.7 and gevonden.startswith("ontdekt_"), (f1, gevonden)


def test_known_themes_do_not_absorb_what_they_do_not_cover(volledig, ground_truth, catalogus) -> None:
    # Open set: notes of subjects outside the catalogue (vervoer, statushouders, one-offs) stay out of known
    # themes; each known theme's precision on them is measured here.
    df = volledig.hulpvragen
    waarheid = ground_truth.loc[df["rij"]].to_numpy()
    niet_gedekt = np.isin(waarheid, ["vervoer", "statushouders", OVERIG])
    for thema in catalogus:
        bij = df["thema_id"].to_numpy() == thema.id
        if bij.sum() >= 10:
            aandeel = niet_gedekt[bij].mean()
            # Measured at most 4.5% (taal_digitaal) since notes without evidence of their own no longer take a
            # known theme from their group (9.3%, mantelzorg, before); a regression past 8% fails.
            assert aandeel <= 0.08, f"{thema.id}: {aandeel:.1%} of its notes are about subjects it does not cover"


def test_examples_only_for_themes_with_k_households(volledig) -> None:
    for _, thema in volledig.themas.iterrows():
        if thema["huishoudens"] < 5:
            assert thema["voorbeelden"] == []


def test_identity_kept_from_month_to_month(sample_df, catalogus, pipeline, tmp_path: Path) -> None:
    eerder = sample_df[sample_df["datum"] < "2026-09-01"]
    later = sample_df[sample_df["datum"] >= "2026-09-01"]
    fit = analyseer(eerder, catalogus, seed=0, pipeline=pipeline)
    pad = tmp_path / "models" / "themamodel.json"
    fit.model.opslaan(pad)
    vorige = ThemaModel.laad(pad, catalogus)
    # The same questions asked again later: every note of an earlier discovered theme, once more in September.
    ontdekt = fit.hulpvragen["thema_id"].str.startswith("ontdekt_").to_numpy()
    opnieuw = eerder[ontdekt].assign(datum="2026-09-15")
    toegewezen = analyseer(pd.concat([later, opnieuw]), catalogus, seed=0, pipeline=pipeline, vorige=vorige)
    assert len(fit.hulpvragen) == len(eerder) and len(toegewezen.hulpvragen) == len(later) + len(opnieuw)

    # The same question later on gets the same theme id: the questions asked again (measured: all 48 notes of the
    # earlier discovered themes), and the texts that recur in the later months by themselves.
    assert ontdekt.sum() >= 20
    nu = toegewezen.hulpvragen["thema_id"]
    assert nu.iloc[len(later) :].tolist() == fit.hulpvragen["thema_id"][ontdekt].tolist()
    eerst = dict(zip(fit.hulpvragen["tekst"].map(normaliseer), fit.hulpvragen["thema_id"], strict=True))
    for tekst, thema_id in zip(toegewezen.hulpvragen["tekst"], toegewezen.hulpvragen["thema_id"], strict=True):
        vroeger = eerst.get(normaliseer(tekst))
        if vroeger is not None and vroeger.startswith("ontdekt_"):
            assert thema_id == vroeger, tekst
    # And the earlier discovered themes hold notes of the later months under their old ids.
    later_ids = set(nu.iloc[: len(later)])
    assert len({o.id for o in vorige.ontdekt_} & later_ids) >= 2
    # Nothing is renumbered: every earlier discovered theme keeps its id and name; new ones get new ids.
    oud = {o.id: o.naam for o in vorige.ontdekt_}
    nieuw = {o.id: o.naam for o in toegewezen.model.ontdekt_}
    assert all(nieuw[i] == naam for i, naam in oud.items())
    hoogste = max(int(i.split("_")[1]) for i in oud)
    assert all(int(i.split("_")[1]) > hoogste for i in set(nieuw) - set(oud))


def test_saved_model_is_json_not_pickle(volledig, tmp_path: Path) -> None:
    pad = tmp_path / "model.json"
    volledig.model.opslaan(pad)
    data = json.loads(pad.read_text(encoding="utf-8"))
    assert data["versie"] == 1 and {o["id"] for o in data["ontdekt"]} == {o.id for o in volledig.model.ontdekt_}
    geladen = ThemaModel.laad(pad)
    assert [o.centroide for o in geladen.ontdekt_] == [o.centroide for o in volledig.model.ontdekt_]


@pytest.mark.parametrize("inhoud", ["geen json", '{"versie": 99, "ontdekt": []}', '{"versie": 1}'])
def test_bad_model_file_gives_dutch_error(tmp_path: Path, inhoud: str) -> None:
    pad = tmp_path / "kapot.json"
    pad.write_text(inhoud, encoding="utf-8")
    with pytest.raises(CollectiefFout) as info:
        ThemaModel.laad(pad)
    assert info.value.code == "E010" and "kapot.json" in str(info.value)


def test_thirty_hulpvragen_give_honest_output(sample_df, catalogus, pipeline) -> None:
    klein = sample_df.iloc[:30]
    analyse = analyseer(klein, catalogus, seed=0, pipeline=pipeline)
    assert len(analyse.hulpvragen) == 30
    assert any("Te weinig gegevens" in m for m in analyse.meldingen)
    assert not (analyse.themas["bron"] == "ontdekt").any()
    assert 1 <= len(analyse.themas) <= 15 and analyse.themas["aantal"].sum() == 30


def test_empty_and_tiny_inputs_do_not_crash(catalogus, pipeline) -> None:
    leeg = analyseer(pd.DataFrame({"tekst": []}), catalogus, pipeline=pipeline)
    assert leeg.themas.empty and leeg.hulpvragen.empty
    een = analyseer(pd.DataFrame({"tekst": ["vraag over huurtoeslag"]}), catalogus, pipeline=pipeline)
    assert een.hulpvragen["thema_id"].tolist() == ["toeslagen"]


def test_discovery_alone_on_short_dutch_texts(pipeline) -> None:
    # Outside the social domain: three recurring topics and a few one-offs, no catalogue.
    rng = np.random.default_rng(1)
    onderwerpen = {
        "fiets": ["fiets", "band", "lek", "ketting", "zadel", "fietsenmaker", "wiel"],
        "tuin": ["tuin", "gras", "maaien", "heg", "snoeien", "bloemen", "onkruid"],
        "koken": ["recept", "soep", "oven", "bakken", "koken", "pan", "deeg"],
    }
    teksten, waarheid = [], []
    for naam, woorden in onderwerpen.items():
        for _ in range(30):
            teksten.append(" ".join(rng.choice(woorden, size=4, replace=False)) + " vandaag")
            waarheid.append(naam)
    teksten += ["paspoort verlopen", "hond kwijt in het park", "lamp kapot in de gang"]
    waarheid += [OVERIG] * 3
    df = pd.DataFrame({"tekst": teksten, "huishouden": [f"h{i}" for i in range(len(teksten))]})
    analyse = analyseer(df, (), seed=0, pipeline=pipeline)
    assert normalized_mutual_info_score(waarheid, analyse.hulpvragen["thema_id"]) > 0.8
    assert (analyse.themas["bron"] == "ontdekt").sum() == 3


def test_a_one_theme_catalogue_works(pipeline) -> None:
    enkel = (Thema(id="vervoer", naam="Vervoer", trefwoorden=("regiotaxi", "scootmobiel")),)
    df = pd.DataFrame({"tekst": ["regiotaxi kwam te laat", "scootmobiel kapot", "vraag over de hond"]})
    analyse = analyseer(df, enkel, pipeline=pipeline)
    assert analyse.hulpvragen["thema_id"].tolist() == ["vervoer", "vervoer", OVERIG]


def test_a_model_saved_before_issue_9_still_loads_and_assigns(catalogus, pipeline) -> None:
    # The sample's model as committed before issue 9 (same JSON format, older thresholds).
    oud = ThemaModel.laad(Path(__file__).parent / "data" / "themamodel_issue3.json", catalogus)
    assert len(oud.ontdekt_) >= 5
    df = pd.DataFrame({"tekst": ["leges te hoog, verblijfsvergunning verlengen"] * 3, "huishouden": ["a", "b", "c"]})
    analyse = analyseer(df, catalogus, pipeline=pipeline, vorige=oud)
    assert analyse.hulpvragen["thema_id"].str.startswith("ontdekt_").all()


@pytest.mark.parametrize(
    ("leunt", "verwacht"),
    [
        # Half or more lean to one known theme: the group is that theme.
        (["schulden"] * 5 + [OVERIG] * 5, "schulden"),
        # Most lean to some known theme (7 of 10), and most of those (5 of 7) to one: that theme.
        (["wonen"] * 5 + ["schulden"] * 2 + [OVERIG] * 3, "wonen"),
        # Most lean, but split (4 and 3 of 7): no one known theme.
        (["wonen"] * 4 + ["schulden"] * 3 + [OVERIG] * 3, ""),
        # Few lean (4 of 10): a new subject, even though all four agree.
        (["wonen"] * 4 + [OVERIG] * 6, ""),
        ([OVERIG] * 6, ""),
    ],
)
def test_a_group_is_a_known_theme_only_when_its_notes_say_so(leunt: list[str], verwacht: str) -> None:
    from collectief.themes import _bekend_in_groep

    assert _bekend_in_groep(np.array(leunt, dtype=object)) == verwacht


#: Twelve notes about one subject outside the catalogue, for the edge rule's tests.
_REGIOTAXI = [
    "regiotaxi kwam niet, rit naar ziekenhuis gemist",
    "regiotaxi rijdt niet op zondag naar de kerk",
    "regiotaxipas aanvragen, kan niet meer met de bus",
    "regiotaxi te laat, afspraak bij fysio gemist",
    "klacht over de regiotaxi, chauffeur onvriendelijk",
    "regiotaxi en scootmobiel, hoe kom ik bij de markt",
    "regiotaxi kwam twee uur te laat bij de dagbesteding",
    "regiotaxi bestellen lukt niet via de app",
    "regiotaxi rit naar dochter te duur geworden",
    "regiotaxi reed niet, rit naar tandarts gemist",
    "vraag over eigen bijdrage regiotaxi per rit",
    "regiotaxi haalt hem niet meer op bij de kerk",
]


def test_a_note_at_a_new_themes_edge_goes_back_to_its_known_theme(
    catalogus, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve notes about the regiotaxi form a new theme; two more also name the huurtoeslag early on (keyword
    evidence 0.90 and 0.94: below the anchor, above the edge rule's 0.8). The one at the theme's edge (a scootmobiel,
    not the regiotaxi) goes back to Toeslagen; without the edge rule both stay in the new theme."""
    beide = [
        "vraag huurtoeslag stopgezet, scootmobiel kapot",
        "brief huurtoeslag besproken, regiotaxi rit naar fysio gemist",
    ]
    teksten = [*_REGIOTAXI, *beide]
    notities = bereid_voor(teksten, pipeline, [f"h{i}" for i in range(len(teksten))])

    def labels() -> list[str]:
        model = ThemaModel(catalogus=tuple(catalogus), min_grootte=5, min_huishoudens=3).fit(notities)
        return [str(x) for x in model.labels_]

    met_regel = labels()
    assert set(met_regel[:12]) == {"ontdekt_1"}
    assert met_regel[12:] == ["toeslagen", "ontdekt_1"]
    monkeypatch.setattr(themes, "_ANKER_RAND", float("inf"))
    assert labels()[12:] == ["ontdekt_1", "ontdekt_1"]


def test_a_member_without_its_themes_concept_goes_back_to_the_known_theme_it_leans_to(
    catalogus, pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Twelve notes about the regiotaxi form a new theme, all of them sharing the concept of getting around; three
    more share its words (rit, gemist, te laat) but not that concept, and lean to a known theme. With the anchor and
    the edge rule switched off, the concept rule alone sends them back to the theme they lean to; without it they
    stay in new themes."""
    monkeypatch.setattr(themes, "_ANKER_BEWIJS", float("inf"))
    monkeypatch.setattr(themes, "_ANKER_RAND", float("inf"))
    anders = [
        "eenzaam sinds verhuizing, rit naar de kerk kwam niet",
        "baby huilt veel, rit naar consultatiebureau gemist, kwam te laat",
        "moeder overbelast, rit naar fysio te laat, afspraak gemist",
    ]
    teksten = [*_REGIOTAXI, *anders]
    notities = bereid_voor(teksten, pipeline, [f"h{i}" for i in range(len(teksten))])

    def model() -> ThemaModel:
        return ThemaModel(catalogus=tuple(catalogus), min_grootte=5, min_huishoudens=3).fit(notities)

    met_regel = model()
    # (Three regiotaxi notes that grouped with two of them are then too few for a theme of their own: overig.)
    assert set(met_regel.labels_[:12]) == {"ontdekt_1", OVERIG} and (met_regel.labels_[:12] == "ontdekt_1").sum() >= 9
    assert met_regel.ontdekt_[0].begrip == "vervoer_mobiliteit"
    assert list(met_regel.labels_[12:]) == ["eenzaamheid", "jonge_ouders", "mantelzorg"]
    monkeypatch.setattr(themes, "_BEGRIP_NAAM", float("inf"))  # no theme is about one concept
    zonder = model()
    assert all(str(x).startswith("ontdekt_") for x in zonder.labels_[12:]) and zonder.ontdekt_[0].begrip == ""


def _opgeslagen_regiotaxi(tmp_path: Path, catalogus, **velden: object) -> ThemaModel:
    """A saved model with one discovered theme about the regiotaxi (centroid of lemmas and its concept), with
    ``velden`` set or, when None, left out as in a model saved before that field; loaded back."""
    thema: dict[str, object] = {
        "id": "ontdekt_1",
        "naam": "Regiotaxi",
        "kernwoorden": ["regiotaxi", "rit"],
        "centroide": {"rit": 0.5, "gemist": 0.5, "regiotaxi": 0.5, "begrip:vervoer_mobiliteit": 0.5},
        "drempel": 0.05,
        "rand": 0.0,
        "begrip": "vervoer_mobiliteit",
    }
    for veld, waarde in velden.items():
        if waarde is None:
            del thema[veld]
        else:
            thema[veld] = waarde
    data = {"versie": 1, "random_state": 0, "catalogus": [t.id for t in catalogus], "ontdekt": [thema]}
    (tmp_path / "model.json").write_text(json.dumps(data))
    return ThemaModel.laad(tmp_path / "model.json", catalogus)


def test_the_concept_rule_holds_next_month_too(catalogus, pipeline, tmp_path: Path) -> None:
    """A saved theme about getting around (its ``begrip`` in the model file) does not claim a note that leans to
    Eenzaamheid and lacks that concept, however close it is to the centroid; a note with the concept it claims. A
    model saved before the rule (no ``begrip``) claims both."""
    notities = bereid_voor(["voelt zich eenzaam, rit gemist", "rit gemist, regiotaxi kwam niet"], pipeline, ["a", "b"])
    instellingen = {"catalogus": tuple(catalogus), "min_grootte": 5, "min_huishoudens": 3}
    for begrip, verwacht in (("vervoer_mobiliteit", ["eenzaamheid", "ontdekt_1"]), (None, ["ontdekt_1"] * 2)):
        vorige = _opgeslagen_regiotaxi(tmp_path, catalogus, begrip=begrip)
        assert list(ThemaModel(**instellingen, vorige=vorige).fit(notities).labels_) == verwacht


def test_the_edge_rule_holds_next_month_too(catalogus, pipeline, tmp_path: Path) -> None:
    """The model file keeps each discovered theme's median member similarity (``rand``), and next month a note that
    leans to a known theme with some keyword evidence (huurtoeslag, 0.94) and is less similar to the saved theme than
    that goes back to it, while a note without such evidence is claimed. Without ``rand`` (a model saved before the
    rule) the saved theme claims both."""
    eerste = [*_REGIOTAXI, "brief huurtoeslag besproken, regiotaxi rit naar fysio gemist"]
    instellingen = {"catalogus": tuple(catalogus), "min_grootte": 5, "min_huishoudens": 3}
    model = ThemaModel(**instellingen).fit(bereid_voor(eerste, pipeline, [f"h{i}" for i in range(len(eerste))]))
    model.opslaan(tmp_path / "gevonden.json")
    assert json.loads((tmp_path / "gevonden.json").read_text())["ontdekt"][0]["rand"] > 0
    tweede = bereid_voor(
        ["vraag huurtoeslag stopgezet, regiotaxi rit gemist", "regiotaxi rit gemist"], pipeline, ["a", "b"]
    )
    for rand, verwacht in ((0.95, ["toeslagen", "ontdekt_1"]), (None, ["ontdekt_1", "ontdekt_1"])):
        vorige = _opgeslagen_regiotaxi(tmp_path, catalogus, rand=rand)
        assert list(ThemaModel(**instellingen, vorige=vorige).fit(tweede).labels_) == verwacht
