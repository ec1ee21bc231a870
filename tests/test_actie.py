"""The action facade: recurrence, proposals, tijdwinst and the effect of started offers from one analysis."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from pathlib import Path

import pandas as pd
import pytest

from collectief.aanbod import laad_aanbod
from collectief.actie import Actieplan, plan_acties, zoek_aanbod
from collectief.analysis import Analyse
from collectief.records import Thema
from collectief.store import Store

THEMAS = (
    Thema("toeslagen", "Toeslagen"),
    Thema("wonen", "Wonen"),
    Thema("huiselijk_geweld", "Huiselijk geweld", individueel=True),
    Thema("stalking", "Stalking", individueel=True),  # a team's own individual-only theme
)

# Fixed offer figures, so the realised tijdwinst below can be worked out by hand: cost 1 + 1 × 2 × 1 = 3 hours.
CATALOGUS = """
[aanbod.toeslagen_informatieavond]
sessies_per_maand = 1
voorbereiding_uren = 1
uren_per_sessie = 2
medewerkers = 1
bereik = { laag = 0.2, verwacht = 0.3, hoog = 0.4 }
"""


class _Model:
    """Stands in for a fitted ThemaModel: the facade only reads ``themas_``."""

    def __init__(self, themas: tuple[Thema, ...]) -> None:
        self.themas_ = themas


def maak(rijen: list[tuple[str, str, int, str | None]]) -> pd.DataFrame:
    """(thema_id, month, n, wijk) → the analysis's hulpvragen frame; 45 minutes and a new household each."""
    namen = {t.id: t.naam for t in THEMAS}
    data = []
    for thema_id, maand, n, wijk in rijen:
        for _ in range(n):
            i = len(data)
            data.append(
                {
                    "rij": i,
                    "id": f"HV-{i}",
                    "datum": pd.Timestamp(f"{maand}-05"),
                    "wijk": wijk,
                    "huishouden": f"hh{i}",
                    "minuten": 45.0,
                    "tekst": "vraag",
                    "thema_id": thema_id,
                    "thema": namen.get(thema_id, "Overig"),
                    "score": 1.0,
                    "signaal": "",
                }
            )
    return pd.DataFrame(data)


def als_analyse(df: pd.DataFrame, themas: tuple[Thema, ...] = THEMAS) -> Analyse:
    return Analyse(df, pd.DataFrame(), _Model(themas), "test", ())  # type: ignore[arg-type]


def effectgegevens() -> pd.DataFrame:
    """toeslagen in West: 10 a month January to June 2026, then 4 a month July to September."""
    rijen = [("toeslagen", f"2026-{m:02d}", 10, "West") for m in range(1, 7)]
    rijen += [("toeslagen", f"2026-{m:02d}", 4, "West") for m in range(7, 10)]
    rijen += [("toeslagen", f"2026-{m:02d}", 3, "Oost") for m in range(1, 10)]
    rijen += [("huiselijk_geweld", "2026-08", 8, "Noord"), ("stalking", "2026-09", 8, "Noord")]
    rijen += [("overig", "2026-09", 6, "West")]
    return maak(rijen)


@pytest.fixture
def catalogus(tmp_path: Path):
    pad = tmp_path / "eigen.toml"
    pad.write_text(CATALOGUS, encoding="utf-8")
    return laad_aanbod(pad)


def gestart(*rijen: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(list(rijen))


def test_plan_bevat_alles_wat_de_uitvoer_nodig_heeft(catalogus) -> None:
    plan = plan_acties(als_analyse(effectgegevens()), catalogus=catalogus)
    assert isinstance(plan, Actieplan)
    assert {h.thema_id for h in plan.herhaling.terugkerend} == {"toeslagen", "huiselijk_geweld", "stalking"}
    assert plan.effecten == ()
    assert plan.k == 5
    # Individual-only themes: flagged for individual follow-up, never in the group proposals.
    assert {h.thema_id for h in plan.individuele_themas} == {"huiselijk_geweld", "stalking"}
    assert {v.thema_id for v in plan.groepsvoorstellen} == {"toeslagen"}
    assert {v.thema_id for v in plan.voorstellen if v.individueel} == {"huiselijk_geweld", "stalking"}
    # No tijdwinst for themes without a collective offer, including the team's own individual-only theme.
    winst = plan.tijdwinst.set_index("thema_id")
    for thema_id in ("huiselijk_geweld", "stalking", "overig"):
        assert math.isnan(winst.loc[thema_id, "tijdwinst_verwacht"])
    assert not math.isnan(winst.loc["toeslagen", "tijdwinst_verwacht"])
    # The same table the proposals module gives, one row per proposal.
    assert len(plan.voorstellen_tabel()) == len(plan.voorstellen)


def test_plan_is_bevroren(catalogus) -> None:
    plan = plan_acties(als_analyse(effectgegevens()), catalogus=catalogus)
    with pytest.raises(dataclasses.FrozenInstanceError):
        plan.k = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        plan.themas["nieuw"] = Thema("nieuw", "Nieuw")  # type: ignore[index]


def test_k_wordt_gecontroleerd() -> None:
    with pytest.raises(ValueError, match="k must be"):
        plan_acties(als_analyse(effectgegevens()), k=0)


def test_effect_voor_en_na_met_de_hand_berekend(catalogus) -> None:
    plan = plan_acties(
        als_analyse(effectgegevens()),
        gestart(
            {
                "thema_id": "toeslagen",
                "aanbod": "informatieavond TOESLAGEN",
                "startdatum": pd.Timestamp("2026-07-01"),
                "wijk": "West",
                "notitie": "met de woningcorporatie",
            }
        ),
        catalogus=catalogus,
    )
    (effect,) = plan.effecten
    assert (effect.thema_id, effect.thema, effect.wijk) == ("toeslagen", "Toeslagen", "West")
    # The name is matched regardless of case and stored as the catalogue entry.
    assert (effect.aanbod_id, effect.aanbod) == ("toeslagen_informatieavond", "Informatieavond toeslagen")
    assert effect.start == dt.date(2026, 7, 1)
    assert effect.notitie == "met de woningcorporatie"
    r = effect.resultaat
    # Before: January-June = 6 months, 60 questions × 45 min / 6 = 450 min = 7.5 hours a month.
    # After (starts on the 1st, so July counts): July-September = 3 months, 12 × 45 / 3 = 180 min = 3 hours.
    # Realised: 7.5 - 3 - 3 hours for the offer itself = 1.5 hours a month. Oost (3 a month) is left out.
    assert (r.maanden_voor, r.maanden_na, r.hulpvragen_voor, r.hulpvragen_na) == (6, 3, 60, 12)
    assert r.minuten_per_maand_voor == pytest.approx(450)
    assert r.minuten_per_maand_na == pytest.approx(180)
    assert r.kosten_per_maand == pytest.approx(3)
    assert r.tijdwinst_uren_per_maand == pytest.approx(1.5)
    assert r.oordeel == "minder hulpvragen"
    assert plan.gestart_voor(next(v for v in plan.voorstellen if v.aanbod_id == "toeslagen_informatieavond"))


def test_eigen_aanbod_zonder_bekende_kosten(catalogus) -> None:
    plan = plan_acties(
        als_analyse(effectgegevens()),
        gestart({"thema_id": "toeslagen", "aanbod": "Buurtontbijt", "startdatum": "2026-07-01", "wijk": "West"}),
        catalogus=catalogus,
    )
    (effect,) = plan.effecten
    assert effect.aanbod_id is None and effect.aanbod == "Buurtontbijt"
    # Without a catalogue entry nothing is subtracted: 7.5 - 3 = 4.5 hours a month.
    assert effect.resultaat.tijdwinst_uren_per_maand == pytest.approx(4.5)
    assert all(plan.gestart_voor(v) is None for v in plan.voorstellen)


def test_te_weinig_gegevens_wordt_eerlijk_gezegd(catalogus) -> None:
    plan = plan_acties(
        als_analyse(effectgegevens()),
        gestart({"thema_id": "toeslagen", "aanbod": "toeslagen_informatieavond", "startdatum": "2026-09-15"}),
        catalogus=catalogus,
    )
    (effect,) = plan.effecten
    # A start on the 15th: the first month after is October, and the data ends in September.
    assert effect.wijk is None
    assert effect.resultaat.maanden_na == 0
    assert not effect.resultaat.voldoende
    assert effect.resultaat.toelichting.startswith("Te weinig gegevens")


def test_onbekend_thema_in_gestart_aanbod(catalogus) -> None:
    plan = plan_acties(
        als_analyse(effectgegevens()),
        gestart({"thema_id": "ontdekt_9", "aanbod": "Eigen groep", "startdatum": "2026-04-01"}),
        catalogus=catalogus,
    )
    (effect,) = plan.effecten
    assert not effect.in_gegevens
    assert effect.thema == "ontdekt_9"
    assert effect.resultaat.oordeel == "te weinig gegevens"


def test_gestart_aanbod_uit_de_database(tmp_path: Path, catalogus) -> None:
    with Store(tmp_path / "db.sqlite") as store:
        store.markeer_gestart("toeslagen", "toeslagen_informatieavond", dt.date(2026, 7, 1), wijk="West")
        store.markeer_gestart("toeslagen", "Buurtontbijt", dt.date(2026, 7, 1))
        uit_db = store.gestart_aanbod()
    plan = plan_acties(als_analyse(effectgegevens()), uit_db, catalogus=catalogus)
    assert [(e.aanbod_id, e.wijk) for e in plan.effecten] == [("toeslagen_informatieavond", "West"), (None, None)]
    assert plan.effecten[0].resultaat.tijdwinst_uren_per_maand == pytest.approx(1.5)
    # Team-wide: West and Oost together. Before 6 × 13 = 78, after 3 × 7 = 21; (78 × 45 / 6 − 21 × 45 / 3) / 60.
    assert plan.effecten[1].resultaat.tijdwinst_uren_per_maand == pytest.approx((585 - 315) / 60)


def test_gestart_zonder_verplichte_kolommen() -> None:
    with pytest.raises(ValueError, match="startdatum"):
        plan_acties(als_analyse(effectgegevens()), gestart({"thema_id": "toeslagen", "aanbod": "x"}))


@pytest.mark.parametrize(
    ("invoer", "verwacht"),
    [
        ("toeslagen_informatieavond", "toeslagen_informatieavond"),
        ("Informatieavond toeslagen", "toeslagen_informatieavond"),
        ("  informatieavond   toeslagen ", "toeslagen_informatieavond"),
        ("Koffieochtend voor jonge ouders", "jonge_ouders_koffieochtend"),
        ("Buurtontbijt", None),
    ],
)
def test_zoek_aanbod(invoer: str, verwacht: str | None) -> None:
    gevonden = zoek_aanbod(laad_aanbod(), invoer)
    assert (gevonden.id if gevonden else None) == verwacht


# --- the team's assumptions: stored, and used by the one plan ------------------------------------------------------


def test_aannames_opslaan_en_gebruiken(tmp_path: Path, catalogus) -> None:
    from collectief import aannames_opslag
    from collectief.actie import maak_plan
    from collectief.tijdwinst import Teamaannames

    with Store(tmp_path / "db.sqlite") as store:
        assert aannames_opslag.lees(store) == Teamaannames()
        aannames_opslag.bewaar_minuten(store, "toeslagen", 90)
        aannames_opslag.bewaar_minuten(store, "ontdekt_3", 30)  # a discovered theme has its minutes too
        aannames_opslag.bewaar_aanbod(store, "toeslagen_informatieavond", medewerkers=3, bereik_verwacht=0.35)
        with pytest.raises(ValueError, match="Onbekende aanname"):
            aannames_opslag.bewaar_aanbod(store, "toeslagen_informatieavond", kleur=1)
        with pytest.raises(ValueError, match="groter dan 0"):
            aannames_opslag.bewaar_minuten(store, "wonen", 0)
        team = aannames_opslag.lees(store)
        aannames_opslag.wis(store, "minuten", "ontdekt_3")
        assert "ontdekt_3" not in aannames_opslag.lees(store).minuten
    assert team.minuten == {"toeslagen": 90.0, "ontdekt_3": 30.0}
    assert team.aanbod == {"toeslagen_informatieavond": {"medewerkers": 3.0, "bereik_verwacht": 0.35}}

    analyse = als_analyse(effectgegevens().assign(minuten=float("nan")))
    standaard = maak_plan(analyse, catalogus=catalogus)
    eigen = maak_plan(analyse, aannames=team, catalogus=catalogus)
    # Minutes per question: the team's 90 instead of the catalogue's 45 for toeslagen (no minutes in the data).
    rij = eigen.tijdwinst.set_index("thema_id").loc["toeslagen"]
    assert (rij["minuten"], rij["minuten_bron"]) == (90.0, "standaard")
    assert standaard.tijdwinst.set_index("thema_id").loc["toeslagen", "minuten"] == 45.0
    # The offer: 3 staff and 35% expected reach; cost 1 + 1 × 2 × 3 = 7 hours; hours now doubled with 90 minutes.
    avond = next(v for v in eigen.voorstellen if v.aanbod_id == "toeslagen_informatieavond")
    assert avond.schatting is not None
    assert avond.schatting.kosten == 7.0 and avond.schatting.aannames.bereik_verwacht == 0.35
    assert avond.tijdwinst_verwacht == pytest.approx(avond.schatting.uren_nu * 0.35 - 7)
    assert "× 3 medewerkers = 7 uur per maand" in avond.berekening
    # The theme's one number is its best offer's: with 3 staff the evening no longer is the best.
    beste = eigen.beste_voorstel("toeslagen")
    assert beste is not None and beste.aanbod_id != "toeslagen_informatieavond"
    assert eigen.tijdwinst_voor("toeslagen") == beste.tijdwinst
    assert eigen.tijdwinst.set_index("thema_id").loc["toeslagen", "tijdwinst_verwacht"] == beste.tijdwinst_verwacht
    # The catalogue keeps its order of reach: a team value that breaks it is refused in Dutch.
    with pytest.raises(ValueError, match="laag ≤ verwacht ≤ hoog"):
        maak_plan(analyse, aannames=Teamaannames(aanbod={"toeslagen_informatieavond": {"bereik_laag": 0.9}}),
                  catalogus=catalogus)  # fmt: skip


def test_plan_past_besluiten_toe_en_filtert_op_wijk(catalogus) -> None:
    from collectief.actie import Periode, maak_plan
    from collectief.decisions import Besluit

    analyse = als_analyse(effectgegevens())
    besluiten = [
        Besluit(1, "toeslagen", "hernoemen", "Geldzaken"),
        Besluit(2, "stalking", "samenvoegen", "huiselijk_geweld"),
    ]
    plan = maak_plan(analyse, besluiten, catalogus=catalogus)
    assert plan.naam("toeslagen") == "Geldzaken" and "stalking" not in plan.hulpvragen["thema_id"].to_numpy()
    assert plan.herhaling.thema("huiselijk_geweld").hulpvragen == 16
    assert all(v.thema == "Geldzaken" for v in plan.voorstellen if v.thema_id == "toeslagen")
    # Period and wijk: only West, and only July to August.
    west = maak_plan(analyse, besluiten, periode=Periode("2026-07", "2026-08"), wijk="West", catalogus=catalogus)
    assert set(west.hulpvragen["wijk"]) == {"West"} and len(west.alle_hulpvragen) == len(analyse.hulpvragen)
    assert west.herhaling.venster == tuple(pd.period_range("2026-07", "2026-08", freq="M"))
    assert west.herhaling.thema("toeslagen").hulpvragen == 8


def test_plan_laat_zich_bewaren_in_de_cache(catalogus) -> None:
    import pickle

    from collectief.actie import maak_plan
    from collectief.tijdwinst import Teamaannames

    team = Teamaannames(minuten={"wonen": 50}, aanbod={"toeslagen_informatieavond": {"medewerkers": 2}})
    plan = maak_plan(als_analyse(effectgegevens()), aannames=team, catalogus=catalogus)
    kopie = pickle.loads(pickle.dumps(plan))  # Streamlit's st.cache_data pickles what it keeps
    assert kopie.tijdwinst_voor("toeslagen") == plan.tijdwinst_voor("toeslagen") is not None
    assert kopie.team == team and kopie.catalogus["toeslagen_informatieavond"].medewerkers == 2
    with pytest.raises(TypeError):
        kopie.team.minuten["wonen"] = 1  # type: ignore[index]  # still read-only after the round trip
