"""The dashboard: the team's decisions (by hand), the upload controller (real bad files), and every page through
``streamlit.testing.v1.AppTest`` on a database seeded from the sample.

The sample is imported (scrubbed with the real de-identifier) and analysed once per module; tests that change
data work on a copy, so they do not depend on each other's order.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from collectief import dashboard
from collectief.catalogue import laad_catalogus
from collectief.dashboard.plan import maak_plan
from collectief.dashboard.tabellen import tabellen as maak_tabellen
from collectief.decisions import Besluit, lees_splitsing, pas_toe, splitsing, treffers
from collectief.records import OVERIG, Thema
from collectief.store import DB_OMGEVINGSVARIABELE, Store

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
FIXTURES = ROOT / "tests" / "fixtures"
TIMEOUT = 60

PAGINAS = {
    "gegevens": "Gegevens",
    "overzicht": "Overzicht",
    "themas": "Thema's",
    "maandsessie": "Maandsessie",
    "voorstellen": "Voorstellen",
    "tijdwinst": "Tijdwinst",
    "export": "Export",
}
SAMPLE_THEMAS = {"Schulden en geldzorgen", "Toeslagen", "Wonen", "Samenwonen en uitkering", "Jonge ouders"}
NEDERLANDS = re.compile(r"\b(het|de|een|is|niet|bestand|kolom)\b", re.IGNORECASE)


# ---- the team's decisions (collectief.decisions), by hand ------------------------------------------------------
def _themas() -> dict[str, Thema]:
    return {
        "toeslagen": Thema("toeslagen", "Toeslagen", trefwoorden=("toeslag",)),
        "wonen": Thema("wonen", "Wonen", trefwoorden=("huur",)),
        "huiselijk_geweld": Thema("huiselijk_geweld", "Huiselijk geweld", trefwoorden=("geweld",), individueel=True),
        "ontdekt_1": Thema("ontdekt_1", "regiotaxi, pas", trefwoorden=("regiotaxi",), bron="ontdekt"),
    }


def _hulpvragen() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "thema_id": ["toeslagen", "toeslagen", "wonen", "ontdekt_1", "ontdekt_1", "huiselijk_geweld", OVERIG],
            "tekst": [
                "vraag over huurtoeslag",
                "Scootmobiël kapot, toeslag voor reparatie?",
                "schimmel in de woning",
                "regiotaxipas verlopen",
                "scootmobiel en regiotaxi",
                "partner dreigt met geweld",
                "iets heel anders",
            ],
        }
    )


def _besluit(nr: int, thema_id: str, actie: str, waarde: str | None = None, notitie: str | None = None) -> Besluit:
    return Besluit(nr, thema_id, actie, waarde, notitie)


def test_hernoemen_geeft_de_nieuwe_naam_en_laat_de_invoer_heel() -> None:
    invoer = _hulpvragen()
    uit = pas_toe(invoer, _themas(), [_besluit(1, "ontdekt_1", "hernoemen", "Vervoer", "zo heet het bij ons")])
    assert uit.naam("ontdekt_1") == "Vervoer"
    assert list(uit.hulpvragen["thema"][uit.hulpvragen["thema_id"] == "ontdekt_1"]) == ["Vervoer", "Vervoer"]
    assert uit.toelichting["ontdekt_1"] == (
        "Hernoemd door het team (was: 'regiotaxi, pas'). Notitie: zo heet het bij ons",
    )
    assert list(invoer.columns) == ["thema_id", "tekst"]  # the analysis result itself is not changed
    assert list(uit.hulpvragen["oorspronkelijk_thema_id"]) == list(invoer["thema_id"])


def test_samenvoegen_verplaatst_de_hulpvragen_en_latere_namen_gelden_ook_voor_hen() -> None:
    besluiten = [
        _besluit(1, "ontdekt_1", "samenvoegen", "wonen"),
        _besluit(2, "wonen", "hernoemen", "Wonen en vervoer"),
    ]
    uit = pas_toe(_hulpvragen(), _themas(), besluiten)
    assert list(uit.hulpvragen["thema_id"]) == ["toeslagen", "toeslagen", "wonen", "wonen", "wonen",
                                                 "huiselijk_geweld", OVERIG]  # fmt: skip
    assert set(uit.hulpvragen.loc[uit.hulpvragen["thema_id"] == "wonen", "thema"]) == {"Wonen en vervoer"}
    assert not uit.overgeslagen


def test_ongedaan_hernoemen_van_een_hernoeming_geeft_de_eerdere_naam_terug() -> None:
    hernoemd = _besluit(1, "ontdekt_1", "hernoemen", "Vervoer")
    opnieuw = Besluit(2, "ontdekt_1", "hernoemen", "Regiotaxi", ingetrokken="2026-12-01T10:00:00+00:00")
    uit = pas_toe(_hulpvragen(), _themas(), [hernoemd, opnieuw])
    assert uit.naam("ontdekt_1") == "Vervoer"  # the earlier rename, not the engine's name
    assert set(uit.hulpvragen.loc[uit.hulpvragen["thema_id"] == "ontdekt_1", "thema"]) == {"Vervoer"}
    assert uit.oude_namen["ontdekt_1"] == ("regiotaxi, pas",)
    assert uit.toelichting["ontdekt_1"] == ("Hernoemd door het team (was: 'regiotaxi, pas').",)
    # Both decisions read with names, the undone one with the names at its place in the history.
    assert uit.beschrijving == {
        1: "'regiotaxi, pas' hernoemd tot 'Vervoer'.",
        2: "'Vervoer' hernoemd tot 'Regiotaxi'.",
    }
    assert not uit.overgeslagen


def test_ongedaan_samenvoegen_geeft_beide_themas_terug_en_latere_besluiten_blijven() -> None:
    besluiten = [
        Besluit(1, "ontdekt_1", "samenvoegen", "wonen", ingetrokken="2026-12-01T10:00:00+00:00"),
        _besluit(2, "wonen", "hernoemen", "Wonen en huur"),
    ]
    uit = pas_toe(_hulpvragen(), _themas(), besluiten)
    assert list(uit.hulpvragen["thema_id"]) == list(_hulpvragen()["thema_id"])  # nothing merged
    assert uit.naam("ontdekt_1") == "regiotaxi, pas" and uit.naam("wonen") == "Wonen en huur"
    assert uit.beschrijving[1] == "'regiotaxi, pas' samengevoegd met 'Wonen'."
    assert "ontdekt_1" not in " ".join(" ".join(z) for z in uit.toelichting.values())


def test_een_besluit_over_een_verdwenen_thema_noemt_geen_intern_id() -> None:
    uit = pas_toe(_hulpvragen(), _themas(), [_besluit(4, "ontdekt_9", "samenvoegen", "wonen")])
    tekst = " ".join(uit.overgeslagen) + " " + " ".join(uit.beschrijving.values())
    assert "ontdekt_9" not in tekst
    assert uit.beschrijving[4].startswith("Een thema dat niet meer voorkomt samengevoegd met 'Wonen'.")


def test_afsplitsen_op_trefwoord_vindt_het_begin_van_woorden_zonder_accenten() -> None:
    uit = pas_toe(
        _hulpvragen(), _themas(), [_besluit(7, "toeslagen", "afsplitsen", splitsing("scootmobiel", "Vervoer"))]
    )
    # Only the toeslagen note with 'Scootmobiël' moves; the ontdekt_1 note with 'scootmobiel' stays where it is.
    assert list(uit.hulpvragen["thema_id"]) == ["toeslagen", "afgesplitst_7", "wonen", "ontdekt_1", "ontdekt_1",
                                                 "huiselijk_geweld", OVERIG]  # fmt: skip
    assert uit.themas["afgesplitst_7"].naam == "Vervoer"
    assert not uit.themas["afgesplitst_7"].individueel
    assert treffers(["toeslagen aangevraagd", "de slag om"], "toeslag") == [True, False]
    assert treffers(["toeslag"], "slag") == [False]
    assert lees_splitsing("scootmobiel") == ("scootmobiel", "Scootmobiel")


def test_afwijzen_zet_de_hulpvragen_onder_overig_met_de_notitie() -> None:
    uit = pas_toe(_hulpvragen(), _themas(), [_besluit(3, "wonen", "afwijzen", notitie="geen echt thema")])
    assert list(uit.hulpvragen["thema_id"]).count(OVERIG) == 2
    assert "geen echt thema" in uit.toelichting["wonen"][0]
    assert "Wonen" in uit.toelichting[OVERIG][0]


def test_individuele_opvolging_gaat_voor_netheid() -> None:
    besluiten = [
        _besluit(1, "huiselijk_geweld", "afwijzen"),
        _besluit(2, "huiselijk_geweld", "samenvoegen", "wonen"),
        _besluit(3, "wonen", "samenvoegen", "huiselijk_geweld"),  # allowed: towards individual follow-up
        _besluit(4, "huiselijk_geweld", "afsplitsen", splitsing("dreigt", "Dreiging")),
    ]
    uit = pas_toe(_hulpvragen(), _themas(), besluiten)
    assert [regel.split(")")[0] for regel in uit.overgeslagen] == ["Besluit 1 (afwijzen", "Besluit 2 (samenvoegen"]
    assert "individuele opvolging" in uit.overgeslagen[0]
    assert list(uit.hulpvragen["thema_id"])[2] == "huiselijk_geweld"
    assert uit.themas["afgesplitst_4"].individueel  # split off from an individual theme: still individual
    assert list(uit.hulpvragen["thema_id"])[5] == "afgesplitst_4"


@pytest.mark.parametrize(
    ("besluit", "reden"),
    [
        (_besluit(1, "bestaat_niet", "hernoemen", "X"), "komt in deze gegevens niet voor"),
        (_besluit(1, "wonen", "hernoemen", "Toeslagen"), "al van een ander thema"),
        (_besluit(1, "wonen", "hernoemen", "  "), "nieuwe naam ontbreekt"),
        (_besluit(1, "wonen", "samenvoegen", "wonen"), "met zichzelf"),
        (_besluit(1, OVERIG, "afwijzen"), "kan niet worden afgewezen"),
        (_besluit(1, "wonen", "afsplitsen", splitsing("ab", "Kort")), "minstens 3 letters"),
    ],
)
def test_besluiten_die_niet_kunnen_worden_overgeslagen_met_reden(besluit: Besluit, reden: str) -> None:
    uit = pas_toe(_hulpvragen(), _themas(), [besluit])
    assert len(uit.overgeslagen) == 1 and reden in uit.overgeslagen[0]
    assert list(uit.hulpvragen["thema_id"]) == list(_hulpvragen()["thema_id"])


def test_tabellen_zonder_datum_wijk_en_huishouden() -> None:
    """An export with only a text column still gives every table (the whole export is the period)."""
    n = 40
    df = pd.DataFrame(
        {
            "rij": range(n),
            "id": [None] * n,
            "datum": pd.to_datetime([None] * n),
            "wijk": [None] * n,
            "huishouden": [None] * n,
            "minuten": [float("nan")] * n,
            "tekst": ["vraag over huurtoeslag"] * 30 + ["iets anders"] * 10,
            "thema_id": ["toeslagen"] * 30 + [OVERIG] * 10,
            "thema": ["Toeslagen"] * 30 + ["Overig"] * 10,
            "score": [0.9] * n,
            "signaal": [""] * n,
        }
    )
    basis = dashboard.Basis(df, {"toeslagen": _themas()["toeslagen"]}, "pijplijn", (), "v", "nu")
    stand = dashboard.maak_stand(
        basis, pd.DataFrame(columns=["id", "thema_id", "actie", "waarde", "notitie", "tijdstip"])
    )
    assert stand.maanden == () and stand.wijken == ()
    filter = dashboard.standaardfilter(stand)
    tabel = maak_tabellen(maak_plan(stand, filter), filter)
    assert tabel.periode == "in de hele export" and tabel.kerncijfers.hulpvragen == n
    assert tabel.kerncijfers.huishoudens is None and set(tabel.themas["Huishoudens"]) == {"onbekend"}
    assert list(tabel.themas["Hulpvragen"]) == ["30", "10"]
    assert len(tabel.per_maand) == 0
    for naam in dashboard.CSV_NAMEN:
        assert dashboard.csv_bestand(naam, stand, tabel, pd.DataFrame())
    assert "Toeslagen" in dashboard.rapport(tabel)[0]
    assert dashboard.veranderingen(stand, filter).empty  # no dates: nothing to compare with last month


# ---- the sample, seeded once ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def voorbeeld(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The sample in ``voorbeeld.sqlite``, scrubbed with the real de-identifier and analysed (the one-time set-up)."""
    from collectief.privacy import Scrubber

    map_ = tmp_path_factory.mktemp("dashboard")
    scrubber = Scrubber()
    pad = dashboard.voorbereiden(map_ / "collectief.sqlite", scrubber=scrubber)
    assert pad == map_ / "voorbeeld.sqlite"
    with Store(pad) as store:
        assert store.aantal_hulpvragen() == 1412  # 2 empty notes rejected; 2 impossible dates kept, warned
        assert dashboard.analyse_bewaard(pad, dashboard.analyseversie(store, laad_catalogus()))
    return {"map": map_, "scrubber": scrubber}


def _kopie(voorbeeld: dict[str, object], doel: Path) -> Path:
    """A private copy of the seeded databases (and the kept analysis), so a test may change it."""
    bron = voorbeeld["map"]
    assert isinstance(bron, Path)
    shutil.copytree(bron, doel)
    return doel / "collectief.sqlite"


@pytest.fixture
def db(voorbeeld: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    eigen = _kopie(voorbeeld, tmp_path / "kopie")
    monkeypatch.setenv(DB_OMGEVINGSVARIABELE, str(eigen))
    yield eigen


@pytest.fixture(scope="module")
def gedeeld(voorbeeld: dict[str, object]) -> Iterator[Path]:
    """The seeded database itself, for tests that only read."""
    map_ = voorbeeld["map"]
    assert isinstance(map_, Path)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(DB_OMGEVINGSVARIABELE, str(map_ / "collectief.sqlite"))
        yield map_ / "collectief.sqlite"


def _app(pagina: str | None = None) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=TIMEOUT).run()
    assert not at.exception, [e.value for e in at.exception]
    if pagina is not None:
        at.switch_page(f"paginas/{pagina}.py").run()
        assert not at.exception, [e.value for e in at.exception]
    return at


def _tekst(at: AppTest) -> str:
    delen = [e.value for soort in ("markdown", "caption", "info", "warning", "success", "error", "text")
             for e in at.get(soort)]  # fmt: skip
    return "\n".join(str(d) for d in delen)


def _kleine_aantallen(tabel: pd.DataFrame, kolommen: list[str]) -> list[str]:
    """Cells that show a count below 5 (other than the marker '<5')."""
    fout = []
    for kolom in kolommen:
        for waarde in tabel[kolom]:
            if str(waarde) in ("", "<5", "nan", "<NA>"):
                continue
            if float(str(waarde).replace(",", ".")) < 5:
                fout.append(f"{kolom}={waarde}")
    return fout


# ---- every page ---------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("pagina", list(PAGINAS))
def test_elke_pagina_draait_zonder_fout(gedeeld: Path, pagina: str) -> None:
    at = _app(pagina)
    assert [t.value for t in at.title] == [PAGINAS[pagina]]
    # The frame: period and wijk filters, and the active NLP pipeline in the sidebar.
    assert [s.label for s in at.sidebar.select_slider] == ["Periode"]
    assert at.sidebar.selectbox[0].label == "Wijk"
    assert at.sidebar.selectbox[0].options[0] == "Alle wijken" and "Oost" in at.sidebar.selectbox[0].options
    # Technical details (NLP pipeline, versions, the spaCy hint) only on Gegevens.
    tekst = _tekst(at) + " ".join(c.value for c in at.sidebar.caption)
    if pagina != "gegevens":
        assert "NLP" not in tekst and "spaCy" not in tekst and "nl_core_news" not in tekst
    assert "None" not in tekst


def test_overzicht_kerncijfers_pijplijn_en_thema_s(gedeeld: Path) -> None:
    at = _app("overzicht")
    labels = [m.label for m in at.metric]
    assert labels == ["Hulpvragen", "Thema's", "Terugkerende thema's", "Tijdwinst per maand"]
    assert int(at.metric[0].value) > 100 and int(at.metric[2].value) >= 5
    assert "uur" in at.metric[3].value
    tabel = at.dataframe[0].value  # hulpvragen per theme with bars (no chart library on the first page)
    assert set(tabel["Thema"]) >= SAMPLE_THEMAS and tabel["Hulpvragen"].min() >= 5
    assert SAMPLE_THEMAS & set(re.findall(r"\(([^)]+)\)", _tekst(at)))  # best proposals name sample themes


def test_themas_tabel_verloop_wijken_en_notities(gedeeld: Path) -> None:
    at = _app("themas")
    tabel = at.dataframe[0].value
    assert {"Thema", "Hulpvragen", "Huishoudens", "Trend", "Terugkerend", "Opkomend"} <= set(tabel.columns)
    assert set(tabel["Thema"]) >= SAMPLE_THEMAS
    assert not _kleine_aantallen(tabel, ["Hulpvragen", "Huishoudens"])
    assert (tabel["Opkomend"] != "").any(), "het voorbeeld heeft een stijgend thema (samenwonen en uitkering)"
    assert not tabel.astype(str).apply(lambda k: k.str.fullmatch(r"\d+\.\d+")).any().any(), "geen decimale punt"
    assert not tabel.isna().any().any() and "None" not in tabel.astype(str).values
    per_wijk = at.dataframe[1].value
    assert {"Centrum", "Noord", "Oost", "Zuidwest"} <= set(per_wijk.columns)
    assert not _kleine_aantallen(per_wijk, ["Centrum", "Noord", "Oost", "Zuidwest"])
    assert at.multiselect[0].value, "de trendgrafiek toont standaard de terugkerende thema's"
    grafiek = at.get("vega_lite_chart")[0].proto.spec
    assert "'mrt'" in grafiek and "'okt'" in grafiek and "%b" not in grafiek  # Dutch month names on the axis

    # All notes of a theme, paged and searchable.
    at.selectbox(key="th_thema").set_value("toeslagen").run()
    notities = at.dataframe[2].value
    assert list(notities.columns) == ["Datum", "Wijk", "Hulpvraag"] and len(notities) == 25
    telling = next(c.value for c in at.caption if c.value.startswith("Notities 1–25 van "))
    totaal = int(telling.split(" van ")[1].split(",")[0])
    assert totaal > 25 and at.number_input(key="th_notities_pagina").max == -(-totaal // 25)
    at.number_input(key="th_notities_pagina").set_value(2).run()
    assert not at.exception and any(c.value.startswith("Notities 26–") for c in at.caption)
    assert set(at.dataframe[2].value["Hulpvraag"]).isdisjoint(set(notities["Hulpvraag"]))
    at.text_input(key="th_notities_zoek").input("huurtoeslag").run()
    gevonden = at.dataframe[2].value["Hulpvraag"]
    assert len(gevonden) > 0 and all("huurtoeslag" in t.lower() for t in gevonden)


def _stand(eigen: Path) -> dashboard.Stand:
    """The dashboard's state of the sample database beside ``eigen``, decisions applied."""
    pad = dashboard.voorbeeld_db_pad(eigen)
    with Store(pad) as store:
        versie = dashboard.analyseversie(store, laad_catalogus())
        besluiten = store.besluiten()
    basis = dashboard.laad_basis(pad, versie)
    assert basis is not None, "de bewaarde analyse hoort bij deze gegevens"
    return dashboard.maak_stand(basis, besluiten)


def test_notities_alleen_bij_minstens_vijf_huishoudens(gedeeld: Path) -> None:
    stand = _stand(gedeeld)
    for wijk in (None, "Centrum"):
        filter = dashboard.Filter(stand.maanden[-1], stand.maanden[-1], wijk)  # one month: many small themes
        df = stand.hulpvragen
        maand = df["datum"].dt.to_period("M").astype(str) == stand.maanden[-1]
        if wijk:
            maand &= df["wijk"] == wijk
        huishoudens = df[maand].groupby("thema_id")["huishouden"].nunique()
        groot = [t for t, n in huishoudens.items() if n >= 5]
        klein = [t for t, n in huishoudens.items() if n < 5 and t != OVERIG]
        assert groot and klein
        for thema_id in groot:
            notities = dashboard.notities(stand, filter, thema_id)
            assert notities.verborgen is None and notities.totaal == int((maand & (df["thema_id"] == thema_id)).sum())
        for thema_id in klein:
            notities = dashboard.notities(stand, filter, thema_id)
            assert notities.verborgen and notities.totaal == 0 and notities.tabel.empty


def test_gegevens_toont_de_import_en_de_upload(gedeeld: Path) -> None:
    at = _app("gegevens")
    assert at.metric[0].label == "Hulpvragen" and at.metric[0].value == "1412"
    assert at.file_uploader and "CSV, TXT, TSV, XLSX, ODS of XLS, tot 40 MB" in at.file_uploader[0].label
    batches = at.dataframe[0].value
    assert list(batches["Bestand"]) == ["hulpvragen.csv"] and list(batches["Afgewezen"]) == [2]
    technisch = at.dataframe[-1].value.set_index("Onderdeel")["Waarde"]
    assert "NLP-pijplijn" in technisch.index and technisch["NLP-pijplijn"]
    assert "Versie van spacy" in technisch.index


def test_maandsessie_heeft_alles_voor_een_besluit(gedeeld: Path) -> None:
    at = _app("maandsessie")
    assert at.selectbox(key="ms_thema").options
    assert at.radio(key="ms_actie").options == [
        "Hernoemen", "Samenvoegen met een ander thema", "Afsplitsen op een trefwoord", "Afwijzen (naar Overig)",
    ]  # fmt: skip
    assert at.text_area(key="ms_notitie")
    assert at.button(key="ms_opslaan").label == "Besluit opslaan"
    # One printable document for the session, the same as on Export, and it says what it is.
    assert [b.label for b in at.download_button] == ["Verslag om te printen (HTML)", "Verslag (Markdown)"]
    assert "Het document om te printen voor de sessie" in _tekst(at)
    assert "Verslag maandsessie" in _tekst(at)  # the report's own title
    veranderd = at.dataframe[0].value  # since last month
    assert list(veranderd.columns) == ["Thema", "Vorige maand", "Deze maand", "Verschil", "Wat"]
    assert set(veranderd["Wat"]) <= {"nieuw", "gegroeid", "gekrompen", "gelijk", "gegroeid, stijgend over de periode",
                                     "gelijk, stijgend over de periode"}  # fmt: skip
    assert not _kleine_aantallen(veranderd, ["Vorige maand", "Deze maand"])


def test_voorstellen_kaarten_met_partners_en_tijdwinst(gedeeld: Path) -> None:
    at = _app("voorstellen")
    tekst = _tekst(at)
    assert "**Partners:**" in tekst
    assert {"Tijdwinst laag", "Tijdwinst verwacht", "Tijdwinst hoog"} <= {m.label for m in at.metric}
    assert any(b.label == "Markeer als gestart" for b in at.button)
    assert "Individuele opvolging" in [s.value for s in at.subheader][-2]  # huiselijk geweld: no group offer
    assert "Nog geen aanbod gemarkeerd als gestart." in tekst


def _uren(tekst: str) -> float:
    """'4,5 uur per maand' → 4.5."""
    return float(tekst.split()[0].replace(".", "").replace(",", "."))


def test_tijdwinst_formule_en_aannames_van_het_aanbod(gedeeld: Path) -> None:
    at = _app("tijdwinst")
    assert [m.label for m in at.metric] == ["Laag", "Verwacht", "Hoog"]
    formule = at.text[0].value
    assert formule.startswith("Tijd nu:") and "Tijdwinst = tijd nu × bereik - kosten" in formule
    laag, verwacht, hoog = (_uren(m.value) for m in at.metric)
    assert laag <= verwacht <= hoog
    labels = {s.label for s in at.slider} | {n.label for n in at.number_input}
    assert {"Bereik laag (%)", "Bereik verwacht (%)", "Bereik hoog (%)", "Voorbereiding (uur per maand)",
            "Bijeenkomsten per maand", "Uren per bijeenkomst", "Medewerkers per bijeenkomst"} <= labels  # fmt: skip
    assert any(label.startswith("Minuten per hulpvraag voor ") for label in labels)
    tabel = at.dataframe[0].value
    assert "None" not in tabel.astype(str).values and not tabel.isna().any().any()
    assert not tabel.astype(str).apply(lambda k: k.str.fullmatch(r"-?\d+\.\d+")).any().any(), "geen decimale punt"
    # Number fields: no needless decimal point ('%g' shows 2 as '2', 0.5 as '0.5'); staff is a whole number.
    velden = {n.label: n for n in at.number_input}
    assert {n.proto.format for n in velden.values()} <= {"%d", "%g"}
    medewerkers = velden["Medewerkers per bijeenkomst"]
    assert medewerkers.proto.format == "%d" and isinstance(medewerkers.value, int) and medewerkers.step == 1


def test_hele_medewerkers_opslaan(db: Path) -> None:
    """The whole-number field saves as the other fields do, and the form then shows the stored number."""
    at = _app("tijdwinst")
    veld = next(n for n in at.number_input if n.label == "Medewerkers per bijeenkomst")
    veld.set_value(veld.value + 1)
    next(b for b in at.button if b.label == "Aannames opslaan").click().run()
    assert not at.exception
    assert "Aannames opgeslagen; alle pagina's en het rapport rekenen er nu mee." in [s.value for s in at.success]
    na = next(n for n in at.number_input if n.label == "Medewerkers per bijeenkomst")
    assert na.value == veld.value and isinstance(na.value, int)


def _tijdwinst_per_pagina(thema_id: str, thema: str) -> dict[str, tuple[float, ...] | float]:
    """The tijdwinst of one theme as Thema's, Voorstellen and Tijdwinst show it (fresh sessions)."""
    uit: dict[str, tuple[float, ...] | float] = {}
    at = _app("tijdwinst")
    at.selectbox(key="tw_thema").set_value(thema_id).run()
    uit["Tijdwinst"] = tuple(_uren(m.value) for m in at.metric)
    tabel = at.dataframe[0].value.set_index("Thema")
    uit["Tijdwinst (tabel)"] = tuple(
        float(str(tabel.loc[thema, f"Tijdwinst {d}"]).replace(",", ".")) for d in ("laag", "verwacht", "hoog")
    )
    beste = tabel.loc[thema, "Beste aanbod"]
    at = _app("voorstellen")
    for kaart in at.main.children.values():
        koppen = [e.value for e in kaart.get("subheader")] if hasattr(kaart, "get") else []
        if beste in koppen and any(thema in m.value for m in kaart.get("markdown")):
            uit["Voorstellen"] = tuple(_uren(m.value) for m in kaart.get("metric"))[:3]
            break
    at = _app("themas")
    rij = at.dataframe[0].value.set_index("Thema").loc[thema]
    uit["Thema's"] = float(str(rij["Tijdwinst (uur per maand)"]).replace(",", "."))
    return uit


def test_een_getal_per_thema_en_een_gewijzigde_aanname_telt_overal(db: Path) -> None:
    """Overzicht, Thema's, Voorstellen and Tijdwinst show the same tijdwinst per theme; a changed assumption
    (stored in the database) shows on all of them after a rerun."""
    thema_id, thema = "schulden", "Schulden en geldzorgen"
    voor = _tijdwinst_per_pagina(thema_id, thema)
    assert "Voorstellen" in voor, "de kaart van het beste aanbod staat op Voorstellen"
    assert voor["Tijdwinst"] == voor["Tijdwinst (tabel)"] == voor["Voorstellen"]
    assert voor["Thema's"] == voor["Tijdwinst"][1]  # type: ignore[index]
    overzicht_voor = _uren(_app("overzicht").metric[3].value)

    # Change the best offer's reach and staff on the Tijdwinst page and save.
    at = _app("tijdwinst")
    at.selectbox(key="tw_thema").set_value(thema_id).run()
    hoog = next(s for s in at.slider if s.label == "Bereik hoog (%)")
    verwacht = next(s for s in at.slider if s.label == "Bereik verwacht (%)")
    verwacht.set_value(min(95, verwacht.value + 20))
    hoog.set_value(100)
    next(b for b in at.get("form_submit_button") if b.label == "Aannames opslaan").click().run()
    assert not at.exception
    assert any("Aannames opgeslagen" in s.value for s in at.success)
    with Store(dashboard.voorbeeld_db_pad(db)) as store:
        assert dashboard.teamaannames_uit(dashboard.aannameversie(store)).aanbod, "in de database opgeslagen"

    na = _tijdwinst_per_pagina(thema_id, thema)
    assert na["Tijdwinst"][1] > voor["Tijdwinst"][1]  # type: ignore[index]
    assert na["Tijdwinst"] == na["Tijdwinst (tabel)"] == na.get("Voorstellen")
    assert na["Thema's"] == na["Tijdwinst"][1]  # type: ignore[index]
    assert _uren(_app("overzicht").metric[3].value) > overzicht_voor
    markdown = _app("export").expander[0].markdown[0].value
    assert thema in markdown


def test_export_verslag_en_csv(gedeeld: Path) -> None:
    at = _app("export")
    namen = [b.label for b in at.download_button]
    assert namen[:2] == ["Verslag om te printen (HTML)", "Verslag (Markdown)"]
    assert set(namen[2:]) == {"themas.csv", "thema_per_maand.csv", "thema_per_wijk.csv", "voorstellen.csv",
                              "tijdwinst.csv", "besluiten.csv", "hulpvragen.csv"}  # fmt: skip


def test_csv_bestanden_voor_excel_zonder_kleine_aantallen(gedeeld: Path) -> None:
    import io

    stand = _stand(gedeeld)
    filter = dashboard.standaardfilter(stand)
    tabel = maak_tabellen(maak_plan(stand, filter), filter)
    besluiten = dashboard.besluitenlijst(stand, pd.DataFrame(columns=["id", "thema_id", "actie", "waarde", "notitie",
                                                                      "tijdstip"]))  # fmt: skip
    for naam in dashboard.CSV_NAMEN:
        data = dashboard.csv_bestand(naam, stand, tabel, besluiten)
        assert data.startswith(b"\xef\xbb\xbf"), naam  # UTF-8 with BOM, so Excel reads the accents
        df = pd.read_csv(io.BytesIO(data), sep=";", encoding="utf-8-sig", dtype=str)
        assert len(df) or naam == "besluiten.csv", naam
        if naam in ("thema_per_maand.csv", "thema_per_wijk.csv"):
            tellingen = [c for c in df.columns if c not in ("thema_id", "thema", "Thema")]
            assert not _kleine_aantallen(df.fillna(""), tellingen), naam
            assert (df[tellingen] == "<5").any().any(), f"{naam}: het voorbeeld heeft kleine cellen die verborgen zijn"
    hulpvragen = pd.read_csv(io.BytesIO(dashboard.csv_bestand("hulpvragen.csv", stand, tabel, besluiten)),
                             sep=";", encoding="utf-8-sig")  # fmt: skip
    assert len(hulpvragen) == 1412 and "[NAAM]" in " ".join(hulpvragen["tekst"])  # scrubbed text only


def test_importverslag_van_het_voorbeeld(gedeeld: Path) -> None:
    with Store(dashboard.voorbeeld_db_pad(gedeeld)) as store:
        batch = store.batches().to_dict("records")[0]
    afgewezen, verwijderd = dashboard.importverslag(batch)
    assert list(afgewezen["Rij"]) == [530, 1295]  # lines in an editor, as the terminal shows them
    assert all("lege omschrijving" in reden for reden in afgewezen["Reden"])
    assert {"namen", "BSN's", "IBAN's", "e-mailadressen", "telefoonnummers"} <= set(verwijderd["Soort"])
    at = _app("gegevens")
    assert any(e.label.startswith("Importverslag van hulpvragen.csv") for e in at.expander)


def test_filter_wijk_en_periode_zonder_nieuwe_analyse(gedeeld: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import collectief.analysis

    at = _app("overzicht")
    alle = int(at.metric[0].value)

    def verboden(*args: object, **kwargs: object) -> None:
        raise AssertionError("een filter mag de NLP-analyse niet opnieuw laten draaien")

    monkeypatch.setattr(collectief.analysis, "analyseer", verboden)
    at.sidebar.selectbox[0].select("Oost").run()
    assert not at.exception
    oost = int(at.metric[0].value)
    assert 0 < oost < alle
    assert "Oost" in at.caption[0].value
    at.sidebar.select_slider[0].set_value(("2025-12", "2026-11")).run()
    assert not at.exception
    assert int(at.metric[0].value) > oost
    assert at.caption[0].value.startswith("Van december 2025 t/m november 2026")


# ---- decisions through the pages ----------------------------------------------------------------------------------
def test_hernoemen_in_maandsessie_staat_na_een_rerun_op_themas(db: Path) -> None:
    at = _app("maandsessie")
    at.selectbox(key="ms_thema").set_value("toeslagen")
    at.radio(key="ms_actie").set_value("hernoemen")
    at.run()
    at.text_input(key="ms_naam").input("Huurtoeslag en andere toeslagen")
    at.text_area(key="ms_notitie").input("Afgesproken in de sessie van november")
    at.button(key="ms_opslaan").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Besluit opgeslagen; het geldt vanaf nu voor elke analyse."]
    assert at.text_input(key="ms_naam").value == ""  # the form is ready for the next decision
    # The decision reads with both names, the old one kept.
    tekst = _tekst(at)
    assert "'Toeslagen' hernoemd tot 'Huurtoeslag en andere toeslagen'" in tekst.replace("\\", "")
    assert "Notitie: Afgesproken in de sessie van november" in tekst.replace("\\", "")

    at.switch_page("paginas/themas.py").run()
    assert not at.exception
    tabel = at.dataframe[0].value
    assert "Huurtoeslag en andere toeslagen" in set(tabel["Thema"])
    assert "Toeslagen" not in set(tabel["Thema"])
    rij = tabel[tabel["Thema"] == "Huurtoeslag en andere toeslagen"].iloc[0]
    assert "Hernoemd door het team (was: 'Toeslagen')" in rij["Besluiten van het team"]

    # The session report on Export and the summary on Maandsessie use the team's name too.
    at.switch_page("paginas/export.py").run()
    assert not at.exception
    assert "Huurtoeslag en andere toeslagen" in at.expander[0].markdown[0].value
    at.switch_page("paginas/maandsessie.py").run()
    assert "Huurtoeslag en andere toeslagen" in _tekst(at)

    # A new session (a colleague opening the dashboard tomorrow) sees the same name.
    assert "Huurtoeslag en andere toeslagen" in set(_app("themas").dataframe[0].value["Thema"])

    # Undo: the theme has its old name again, everywhere.
    at = _app("maandsessie")
    ongedaan = [b for b in at.button if b.key.startswith("ms_ongedaan_")]
    assert [b.label for b in ongedaan] == ["Ongedaan maken"]
    ongedaan[0].click().run()
    assert not at.exception
    assert "Ongedaan gemaakt: 'Toeslagen' hernoemd tot 'Huurtoeslag en andere toeslagen'." in [
        s.value for s in at.success
    ]
    # The history keeps the decision, struck through and dated, without a second undo button.
    tekst = _tekst(at).replace("\\", "")
    assert "~~'Toeslagen' hernoemd tot 'Huurtoeslag en andere toeslagen'.~~" in tekst
    assert f"Ongedaan gemaakt op {dt.date.today():%d-%m-%Y}" in tekst
    assert not [b for b in at.button if b.key.startswith("ms_ongedaan_")]
    namen = set(_app("themas").dataframe[0].value["Thema"])
    assert "Toeslagen" in namen and "Huurtoeslag en andere toeslagen" not in namen


def _besluit_in_maandsessie(at: AppTest, thema_id: str, actie: str, **velden: str) -> None:
    at.selectbox(key="ms_thema").set_value(thema_id)
    at.radio(key="ms_actie").set_value(actie)
    at.run()
    for sleutel, waarde in velden.items():
        if sleutel == "ms_doel":
            at.selectbox(key=sleutel).set_value(waarde)
        else:
            at.text_input(key=sleutel).input(waarde)
    at.button(key="ms_opslaan").click().run()
    assert not at.exception
    assert [s.value for s in at.success] == ["Besluit opgeslagen; het geldt vanaf nu voor elke analyse."]


def _besluiten_van(eigen: Path) -> pd.DataFrame:
    """The decision list as Maandsessie shows it (history included), for the sample database beside ``eigen``."""
    with Store(dashboard.voorbeeld_db_pad(eigen)) as store:
        besluiten = store.besluiten()
    return dashboard.besluitenlijst(_stand(eigen), besluiten)


def _ongedaan(at: AppTest, eigen: Path, besluit: str) -> None:
    """Click the undo button beside the decision that reads ``besluit``."""
    lijst = _besluiten_van(eigen)
    gevonden = lijst.loc[lijst["Besluit"] == besluit, "id"]
    assert len(gevonden) == 1, list(lijst["Besluit"])
    at.button(key=f"ms_ongedaan_{int(gevonden.iloc[0])}").click().run()
    assert not at.exception


def _themas_in_sessie(at: AppTest) -> pd.DataFrame:
    """The table 'Thema's in de periode' on Maandsessie."""
    tabellen = [d.value for d in at.dataframe if "Besluiten van het team" in d.value.columns]
    assert len(tabellen) == 1
    return tabellen[0].set_index("Thema")


def test_versies_volgen_de_geldende_besluiten_en_de_geschiedenis(tmp_path: Path) -> None:
    """The figures' version names the decisions in force (an undo gives the earlier one back, so its tables are
    reused); the history's version changes with every step; a decision taken again is new (a new id)."""
    from collectief.dashboard.werkruimte import geschiedenisversie

    with Store(tmp_path / "db.sqlite") as store:
        leeg = (dashboard.besluitversie(store), geschiedenisversie(store))
        nr = store.voeg_besluit_toe("wonen", "hernoemen", "Wonen en huur")
        genomen = (dashboard.besluitversie(store), geschiedenisversie(store))
        store.trek_besluit_in(nr)
        ongedaan = (dashboard.besluitversie(store), geschiedenisversie(store))
        store.voeg_besluit_toe("wonen", "hernoemen", "Wonen en huur")
        opnieuw = (dashboard.besluitversie(store), geschiedenisversie(store))
        store.markeer_gestart("toeslagen", "Informatieavond", dt.date(2026, 9, 1))
        gestart = (dashboard.besluitversie(store), geschiedenisversie(store))
    assert ongedaan[0] == leeg[0] and genomen[0] != leeg[0]
    assert opnieuw[0] not in (leeg[0], genomen[0]) and gestart[0] != opnieuw[0]
    assert len({leeg[1], genomen[1], ongedaan[1], opnieuw[1]}) == 4 and gestart[1] == opnieuw[1]


def test_ongedaan_maken_herstelt_de_vorige_stand_en_houdt_de_geschiedenis(db: Path) -> None:
    at = _app("maandsessie")
    _besluit_in_maandsessie(at, "wonen", "hernoemen", ms_naam="Wonen en huur")
    _besluit_in_maandsessie(at, "wonen", "hernoemen", ms_naam="Huur")
    # Undo the second rename: the first one's name is back (not the engine's 'Wonen').
    _ongedaan(at, db, "'Wonen en huur' hernoemd tot 'Huur'.")
    namen = set(_themas_in_sessie(at).index)
    assert "Wonen en huur" in namen and "Huur" not in namen and "Wonen" not in namen
    # Taken again with another name: the new name shows (a decision id is never reused, so no stale view).
    _besluit_in_maandsessie(at, "wonen", "hernoemen", ms_naam="Woning")
    assert "Woning" in set(_themas_in_sessie(at).index)

    # A merge undone gives both themes back, with their own counts.
    voor = _themas_in_sessie(at)["Hulpvragen"].to_dict()
    _besluit_in_maandsessie(at, "toeslagen", "samenvoegen", ms_doel="schulden")
    assert "Toeslagen" not in set(_themas_in_sessie(at).index)
    _ongedaan(at, db, "'Toeslagen' samengevoegd met 'Schulden en geldzorgen'.")
    na = _themas_in_sessie(at)["Hulpvragen"].to_dict()
    assert na["Toeslagen"] == voor["Toeslagen"] and na["Schulden en geldzorgen"] == voor["Schulden en geldzorgen"]

    # The history lists all four decisions, newest first, the two undone ones marked; names only, never ids.
    lijst = _besluiten_van(db)
    assert list(lijst["Ongedaan"] != "") == [True, False, True, False]
    assert not lijst["Besluit"].str.contains(r"ontdekt_|afgesplitst_|\bwonen\b|\bschulden\b").any()


def test_samenvoegen_afsplitsen_en_afwijzen_via_maandsessie(db: Path) -> None:
    stand = _stand(db)
    ontdekt = [i for i in stand.themas if i.startswith("ontdekt_") and (stand.hulpvragen["thema_id"] == i).any()]
    assert ontdekt, "het voorbeeld heeft ontdekte thema's"
    at = _app("maandsessie")

    at.selectbox(key="ms_thema").set_value("mantelzorg")
    at.radio(key="ms_actie").set_value("samenvoegen")
    at.run()
    at.selectbox(key="ms_doel").set_value("eenzaamheid")
    at.button(key="ms_opslaan").click().run()
    assert at.success and not at.error

    at.selectbox(key="ms_thema").set_value(ontdekt[0])
    at.radio(key="ms_actie").set_value("afwijzen")
    at.run()
    at.button(key="ms_opslaan").click().run()
    assert at.success and not at.error

    at.selectbox(key="ms_thema").set_value("wonen")
    at.radio(key="ms_actie").set_value("afsplitsen")
    at.run()
    at.text_input(key="ms_trefwoord").input("schimmel")
    at.text_input(key="ms_nieuwe_naam").input("Schimmel en vocht")
    at.run()
    assert any("bevatten dit woord" in c.value for c in at.caption)
    at.button(key="ms_opslaan").click().run()
    assert at.success and not at.error

    # Refused with a Dutch reason: dismissing a theme for individual follow-up.
    at.selectbox(key="ms_thema").set_value("huiselijk_geweld")
    at.radio(key="ms_actie").set_value("afwijzen")
    at.run()
    at.button(key="ms_opslaan").click().run()
    assert at.error and "individuele opvolging" in at.error[0].value

    at.switch_page("paginas/themas.py").run()
    thema_ids = set(at.dataframe[0].value["Thema"])
    assert "Mantelzorg" not in thema_ids and "Eenzaamheid" in thema_ids
    assert "Schimmel en vocht" in thema_ids
    assert stand.naam(ontdekt[0]) not in thema_ids

    at.switch_page("paginas/maandsessie.py").run()
    tekst = _tekst(at).replace("\\", "")
    # Decisions read with names, never an internal id such as 'ontdekt_3'.
    assert "'Mantelzorg' samengevoegd met 'Eenzaamheid'." in tekst
    assert f"'{stand.naam(ontdekt[0])}' afgewezen" in tekst
    assert "Uit 'Wonen' afgesplitst op het woord 'schimmel': 'Schimmel en vocht'." in tekst
    # (the printed report's appendix is the backend's and lists ids on purpose; the page's own text does not)
    eigen_tekst = "\n".join(m.value for m in at.markdown if not m.value.startswith("#"))
    intern = re.search(r"\bontdekt_\d+\b", eigen_tekst)
    assert not intern, eigen_tekst[max(0, intern.start() - 300) : intern.end() + 100]

    at.switch_page("paginas/export.py").run()
    assert not at.exception
    with Store(dashboard.voorbeeld_db_pad(db)) as store:
        assert list(store.besluiten()["actie"]) == ["samenvoegen", "afwijzen", "afsplitsen"]

    # Undo the merge (the oldest decision): Mantelzorg is back, the other two stay.
    at = _app("maandsessie")
    ongedaan = sorted(
        (b for b in at.button if b.key.startswith("ms_ongedaan_")), key=lambda b: int(b.key.split("_")[-1])
    )
    ongedaan[0].click().run()
    assert not at.exception
    with Store(dashboard.voorbeeld_db_pad(db)) as store:
        besluiten = store.besluiten()
    # Kept as history, marked undone; the other two stay in force.
    assert list(besluiten["actie"]) == ["samenvoegen", "afwijzen", "afsplitsen"]
    assert list(besluiten["ingetrokken"].notna()) == [True, False, False]
    namen = set(_app("themas").dataframe[0].value["Thema"])
    assert {"Mantelzorg", "Eenzaamheid", "Schimmel en vocht"} <= namen


def test_markeer_als_gestart_en_effect(db: Path) -> None:
    at = _app("voorstellen")
    sleutel = next(b.key for b in at.button if b.label == "Markeer als gestart" and "toeslagen" in b.key)
    at.date_input(key=sleutel.replace("gestart_", "start_", 1)).set_value(dt.date(2026, 6, 1))
    at.text_input(key=sleutel.replace("gestart_", "notitie_", 1)).input("eerste avond met de corporatie")
    at.button(key=sleutel).click().run()
    assert not at.exception
    assert "gemarkeerd als gestart op 01-06-2026" in at.success[0].value
    tekst = _tekst(at)
    assert "gestart op 01-06-2026" in tekst
    assert "Notitie: eerste avond met de corporatie" in tekst
    assert re.search(r"(Minder hulpvragen|Meer hulpvragen|Geen duidelijk verschil|Te weinig gegevens)", tekst)
    # The proposal's card shows that it started, and offers no second start.
    assert any(m.value.startswith("Gestart op 01-06-2026") for m in at.success)
    assert sleutel not in [b.key for b in at.button]


def test_voorstellen_volgen_de_gekozen_wijk(gedeeld: Path) -> None:
    at = _app("voorstellen")
    at.sidebar.selectbox[0].select("Oost").run()
    assert not at.exception
    waar = [m.value for m in at.markdown if m.value.startswith("**Thema:**")]
    assert waar and all(w.endswith("in Oost") for w in waar), waar
    assert any("Alleen de hulpvragen uit Oost" in c.value for c in at.caption)


# ---- uploads: the controller with real bad files, and the page ------------------------------------------------
def _nederlands_zonder_traceback(melding: str | None) -> None:
    assert melding, "er hoort een melding te zijn"
    assert "Traceback" not in melding and "Error" not in melding
    assert NEDERLANDS.search(melding), melding


@pytest.fixture
def lege_store(tmp_path: Path) -> Iterator[Store]:
    with Store(tmp_path / "eigen.sqlite") as store:
        yield store


@pytest.mark.parametrize(
    ("naam", "inhoud", "verwacht"),
    [
        ("leeg.csv", (FIXTURES / "leeg.csv").read_bytes(), "is leeg"),
        ("alleen_kop.csv", (FIXTURES / "alleen_kop.csv").read_bytes(), "alleen een kopregel"),
        ("binair.csv", (FIXTURES / "binair.csv").read_bytes(), "geen leesbare CSV"),
        ("foto.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "wordt niet ondersteund"),
        ("export.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600), "Excel-werkmap (.xlsx)"),
        ("kapot.xlsx", b"PK\x03\x04" + bytes(300), "geen Excel-werkmap"),
        ("verslag.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "wordt niet ondersteund"),
    ],
)
def test_slechte_upload_geeft_een_nederlandse_melding(
    lege_store: Store, voorbeeld: dict[str, object], naam: str, inhoud: bytes, verwacht: str
) -> None:
    uitkomst = dashboard.importeer_upload(naam, inhoud, lege_store, scrubber=voorbeeld["scrubber"])
    _nederlands_zonder_traceback(uitkomst.melding)
    assert verwacht in uitkomst.melding
    assert uitkomst.rapport is None and lege_store.aantal_hulpvragen() == 0


def test_upload_zonder_tekstkolom_vraagt_om_een_koppeling(lege_store: Store, voorbeeld: dict[str, object]) -> None:
    data = (FIXTURES / "geen_tekstkolom.csv").read_bytes()
    controle = dashboard.controleer_upload("geen_tekstkolom.csv", data)
    assert controle.koppeling_nodig and controle.kolommen == ("datum", "wijk", "minuten")
    _nederlands_zonder_traceback(controle.melding)
    uitkomst = dashboard.importeer_upload("geen_tekstkolom.csv", data, lege_store, scrubber=voorbeeld["scrubber"])
    assert uitkomst.melding and lege_store.aantal_hulpvragen() == 0

    # Own column names: the mapping the page offers makes the file usable.
    data = (FIXTURES / "onbekende_kolomnamen.csv").read_bytes()
    controle = dashboard.controleer_upload("onbekende_kolomnamen.csv", data)
    assert controle.koppeling_nodig and controle.kolommen == ("Dag", "Locatie", "Verslag")
    koppeling = {"tekst": "Verslag", "datum": "Dag", "wijk": "Locatie"}
    naam = "onbekende_kolomnamen.csv"
    uitkomst = dashboard.importeer_upload(naam, data, lege_store, koppeling, voorbeeld["scrubber"])
    assert uitkomst.melding is None and uitkomst.rapport is not None and uitkomst.rapport.geaccepteerd == 1
    assert lege_store.aantal_hulpvragen() == 1


def test_upload_van_50_mb_wordt_geweigerd_met_uitleg(lege_store: Store, tmp_path: Path) -> None:
    regel = "01-05-2026;Oost;C1001;30;Mw. heeft vragen over de huurtoeslag en de brief van de Belastingdienst\r\n"
    kop = "datum;wijk;client;minuten;omschrijving\r\n"
    pad = tmp_path / "groot.csv"
    with pad.open("w", encoding="utf-8") as f:
        f.write(kop)
        f.write(regel * (50_000_000 // len(regel) + 1))
    data = pad.read_bytes()
    assert len(data) >= 50_000_000
    uitkomst = dashboard.importeer_upload("groot.csv", data, lege_store)
    _nederlands_zonder_traceback(uitkomst.melding)
    assert f"tot {dashboard.MAX_UPLOAD_MB} MB" in uitkomst.melding and "50,0 MB" in uitkomst.melding
    assert lege_store.aantal_hulpvragen() == 0


def test_goede_upload_xlsx_met_titelregel(lege_store: Store, voorbeeld: dict[str, object]) -> None:
    data = (FIXTURES / "titelregel.xlsx").read_bytes()
    voortgang: list[float] = []
    uitkomst = dashboard.importeer_upload("titelregel.xlsx", data, lege_store, scrubber=voorbeeld["scrubber"],
                                          voortgang=voortgang.append)  # fmt: skip
    assert uitkomst.melding is None and uitkomst.rapport is not None
    assert lege_store.aantal_hulpvragen() == uitkomst.rapport.geaccepteerd > 0
    assert voortgang and voortgang[-1] == 1.0


@pytest.mark.parametrize(
    ("naam", "inhoud", "verwacht"),
    [("leeg.csv", b"", "is leeg"), ("foto.png", b"\x89PNG\r\n\x1a\n" + bytes(100), "wordt niet ondersteund")],
)
def test_slechte_upload_op_de_pagina(gedeeld: Path, naam: str, inhoud: bytes, verwacht: str) -> None:
    at = _app("gegevens")
    at.file_uploader[0].upload(naam, inhoud, "application/octet-stream").run()
    assert not at.exception
    assert len(at.error) == 1 and verwacht in at.error[0].value
    _nederlands_zonder_traceback(at.error[0].value)
    assert not [b for b in at.button if b.label == "Inlezen en analyseren"]


def test_upload_op_de_pagina_met_kolomkeuze(gedeeld: Path) -> None:
    at = _app("gegevens")
    naam = "onbekende_kolomnamen.csv"
    at.file_uploader[0].upload(naam, (FIXTURES / naam).read_bytes(), "text/csv")
    at.run()
    assert not at.exception and "geen kolom met de tekst" in at.warning[0].value
    at.selectbox(key="kolom_tekst").select("Verslag").run()
    assert not at.exception
    assert at.success and "tekst ← 'Verslag'" in at.success[0].value
    assert not at.warning, "geen waarschuwing 'geen kolom herkend' boven herkende kolommen"
    assert [b.label for b in at.button] == ["Inlezen en analyseren"]


def test_app_blijft_op_localhost_zonder_telemetrie() -> None:
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["address"] == "localhost" and config["server"]["headless"] is True
    assert config["server"]["maxUploadSize"] == dashboard.MAX_UPLOAD_MB  # one limit on the screen
    assert config["client"]["toolbarMode"] in ("minimal", "viewer")  # no developer menu, no "Deploy"
    assert not (ROOT / "pages").exists(), "een map pages/ zet Streamlit in de oude multipage-stand (zie app.py)"


def test_upload_laat_werkblad_en_kolom_kiezen(gedeeld: Path) -> None:
    """The dashboard asks where the intake saw a choice: the sheet of a workbook, a field several columns could fill
    (files from the independently written export corpus)."""
    corpus = FIXTURES / "exports" / "files"
    at = _app("gegevens")
    naam = "19_xlsx_voorblad.xlsx"
    at.file_uploader[0].upload(naam, (corpus / naam).read_bytes(), "application/octet-stream")
    at.run()
    assert not at.exception
    blad = at.selectbox(key="upload_blad")
    assert blad.value == "Hulpvragen" and len(blad.options) > 1  # the cover sheet is offered, the data sheet chosen
    assert at.success and "tekst ← 'Omschrijving'" in at.success[0].value

    at = _app("gegevens")
    naam = "11_hulpvraag_categorie_en_toelichting.csv"
    at.file_uploader[0].upload(naam, (corpus / naam).read_bytes(), "text/csv")
    at.run()
    assert not at.exception
    keuze = at.radio(key="kandidaat_tekst")
    # The free-text column F 'Toelichting' first (preselected), the short category column E 'Hulpvraag' offered too.
    assert keuze.value == "F" and keuze.options[0].startswith("'Toelichting': ")
    assert keuze.options[1].startswith("'Hulpvraag': ") and "categorie" in keuze.options[1]
    keuze.set_value("E").run()
    assert not at.exception and "tekst ← 'Hulpvraag'" in at.success[0].value


def test_a_kept_analysis_is_made_again_when_what_decides_the_themes_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analysis version covers the engine's modules and the shipped word lists it reads (concepts, safety
    signals and training notes, word classes): a copy of the package with one of them changed gives another
    version, so an upgraded tool never shows an analysis the old code made."""
    from collectief.dashboard import werkruimte

    for naam in werkruimte._THEMA_BESTANDEN:
        assert (werkruimte._PAKKET / naam).is_file(), naam  # a renamed file would silently drop out
    assert {"begrippen.py", "benoemen.py", "veiligheid.py", "data/begrippen.toml"} <= set(werkruimte._THEMA_BESTANDEN)
    kopie = tmp_path / "collectief"
    shutil.copytree(werkruimte._PAKKET, kopie, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(werkruimte, "_PAKKET", kopie)
    voor = werkruimte._motor_kenmerk()
    pad = kopie / "data" / "begrippen.toml"
    pad.write_text(pad.read_text(encoding="utf-8") + "\n# een regel erbij\n", encoding="utf-8")
    assert werkruimte._motor_kenmerk() != voor
