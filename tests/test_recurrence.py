"""Recurrence: trend with a statistical guard, the terugkerend rule at its edges, concentration."""

from __future__ import annotations

import pandas as pd
import pytest

from collectief.records import Thema
from collectief.recurrence import (
    WIJK_ONBEKEND,
    Concentratieregel,
    Regel,
    Trendregel,
    analyseer_herhaling,
    maandnaam,
    periode_in_woorden,
    vergelijk_tempo,
)
from collectief.waarden import Trend


def maak(rijen: list[tuple], huishoudens: bool = True) -> pd.DataFrame:
    """Rows (thema_id, month 'YYYY-MM', n[, wijk[, number of distinct households]]) → hulpvragen frame.

    Without a household number every question is its own household; with one, questions cycle over that many.
    """
    data = []
    for spec in rijen:
        thema_id, maand, n = spec[:3]
        wijk = spec[3] if len(spec) > 3 else "Oost"
        aantal_hh = spec[4] if len(spec) > 4 else None
        for j in range(n):
            i = len(data)
            hh = f"{thema_id}-{maand}-{j % aantal_hh}" if aantal_hh else f"hh{i}"
            data.append(
                {
                    "rij": i,
                    "datum": pd.Timestamp(f"{maand}-15"),
                    "wijk": wijk,
                    "huishouden": hh if huishoudens else None,
                    "minuten": float("nan"),
                    "thema_id": thema_id,
                    "thema": thema_id.capitalize(),
                    "tekst": "vraag",
                }
            )
    return pd.DataFrame(data)


def maanden(begin: str, aantal: int) -> list[str]:
    return [str(p) for p in pd.period_range(begin, periods=aantal, freq="M")]


# --- the statistical guard -----------------------------------------------------------------------------------


def test_drie_naar_vijf_per_maand_is_stabiel() -> None:
    # 3 a month for 6 months (18) then 5 a month for 3 months (15): 15 of 33 where 11 are expected, p ≈ 0.14
    trend, p = vergelijk_tempo(15, 3, 18, 6)
    assert trend == "stabiel"
    assert p == pytest.approx(0.143, abs=0.01)


def test_drie_naar_vijf_in_totaal_is_stabiel() -> None:
    # 3 questions in the 6 months before, 5 in the last 3: 5 of 8 where 2.67 are expected, p ≈ 0.13
    assert vergelijk_tempo(5, 3, 3, 6)[0] == "stabiel"


def test_twee_naar_tien_per_maand_is_stijgend() -> None:
    # 12 in 6 months, 30 in 3: 30 of 42 where 14 are expected
    trend, p = vergelijk_tempo(30, 3, 12, 6)
    assert trend == "stijgend"
    assert p is not None and p < 0.001


def test_tien_naar_twee_per_maand_is_dalend() -> None:
    # 60 in 6 months, 6 in 3: 6 of 66 where 22 are expected
    assert vergelijk_tempo(6, 3, 60, 6)[0] == "dalend"


def test_tempo_randgevallen() -> None:
    assert vergelijk_tempo(0, 3, 0, 6) == ("stabiel", 1.0)
    assert vergelijk_tempo(5, 3, 0, 0) == ("onbekend", None)
    with pytest.raises(ValueError):
        vergelijk_tempo(-1, 3, 2, 6)


def test_trend_uit_gegevens() -> None:
    stijgend = [("toeslagen", m, 2) for m in maanden("2026-01", 6)] + [
        ("toeslagen", m, 10) for m in maanden("2026-07", 3)
    ]
    stabiel = [("wonen", m, 3) for m in maanden("2026-01", 6)] + [("wonen", m, 5) for m in maanden("2026-07", 3)]
    dalend = [("schulden", m, 10) for m in maanden("2026-01", 6)] + [("schulden", m, 2) for m in maanden("2026-07", 3)]
    a = analyseer_herhaling(maak(stijgend + stabiel + dalend))
    assert a.venster == tuple(pd.period_range("2026-07", "2026-09", freq="M"))
    toeslagen = a.thema("toeslagen")
    assert toeslagen.trend == "stijgend"
    assert (toeslagen.per_maand_recent, toeslagen.per_maand_basis) == (10.0, 2.0)
    assert (toeslagen.basis_hulpvragen, toeslagen.basis_maanden) == (12, 6)
    assert a.thema("wonen").trend == "stabiel"
    assert a.thema("schulden").trend == "dalend"


def test_trend_onbekend_zonder_geschiedenis() -> None:
    # only 2 months before the period: fewer than min_basis_maanden (3)
    a = analyseer_herhaling(maak([("wonen", m, 4) for m in maanden("2026-05", 5)]))
    h = a.thema("wonen")
    assert h.basis_maanden == 2
    assert h.trend == "onbekend"
    assert h.p_waarde is None
    assert analyseer_herhaling(maak([("wonen", m, 4) for m in maanden("2026-05", 5)]),
                               trend=Trendregel(min_basis_maanden=2)).thema("wonen").trend == "stabiel"  # fmt: skip


# --- terugkerend ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("aantal", "huishoudens", "terugkerend"),
    [
        (7, 7, False),  # one question short
        (8, 8, True),  # exactly 8 from 8 households
        (8, 4, False),  # 8 questions, but from 4 households
        (8, 5, True),  # 8 questions from exactly 5 households
    ],
)
def test_terugkerend_randgevallen(aantal: int, huishoudens: int, terugkerend: bool) -> None:
    a = analyseer_herhaling(maak([("toeslagen", "2026-09", aantal, "Oost", huishoudens)]))
    h = a.thema("toeslagen")
    assert (h.hulpvragen, h.huishoudens) == (aantal, huishoudens)
    assert h.terugkerend is terugkerend


def test_alleen_de_laatste_drie_maanden_tellen() -> None:
    # 2 a month over Jun–Sep: the period is Jul–Sep, so 6 count and June does not
    df = maak([("wonen", m, 2) for m in maanden("2026-06", 4)])
    h = analyseer_herhaling(df).thema("wonen")
    assert (h.totaal, h.hulpvragen) == (8, 6)
    assert not h.terugkerend
    # with August as reference month: Jun–Aug, still 6
    a = analyseer_herhaling(df, peilmaand="2026-08")
    assert a.periode == "van juni t/m augustus 2026"
    assert a.thema("wonen").hulpvragen == 6


def test_eigen_regel() -> None:
    df = maak([("wonen", "2026-09", 3, "Oost", 2)])
    assert not analyseer_herhaling(df).thema("wonen").terugkerend
    regel = Regel(min_hulpvragen=3, min_huishoudens=2, maanden=1)
    a = analyseer_herhaling(df, regel=regel)
    assert a.thema("wonen").terugkerend
    assert a.periode == "in september 2026"
    with pytest.raises(ValueError):
        Regel(min_hulpvragen=0)


def test_zonder_huishoudens_telt_alleen_het_aantal() -> None:
    a = analyseer_herhaling(maak([("wonen", "2026-09", 8)], huishoudens=False))
    h = a.thema("wonen")
    assert not a.huishoudens_bekend
    assert h.huishoudens is None
    assert h.terugkerend


def test_overig_is_nooit_terugkerend_maar_wel_zichtbaar() -> None:
    a = analyseer_herhaling(maak([("overig", "2026-09", 20), ("wonen", "2026-09", 2)]))
    assert [h.thema_id for h in a.themas] == ["wonen", "overig"]  # overig last
    assert not a.thema("overig").terugkerend
    assert a.terugkerend == ()


def test_rijen_zonder_datum() -> None:
    df = maak([("wonen", "2026-09", 8)])
    df.loc[0, "datum"] = pd.NaT
    h = analyseer_herhaling(df).thema("wonen")
    assert (h.totaal, h.zonder_datum, h.hulpvragen) == (8, 1, 7)


def test_zonder_datums_telt_de_hele_export() -> None:
    df = maak([("wonen", "2026-09", 9)])
    df["datum"] = pd.NaT
    a = analyseer_herhaling(df)
    assert a.venster == ()
    assert a.periode == "in de hele export"
    h = a.thema("wonen")
    assert (h.hulpvragen, h.trend, h.terugkerend) == (9, "onbekend", True)
    assert a.per_maand.empty


def test_namen_en_individueel_uit_themas() -> None:
    themas = {"huiselijk_geweld": Thema("huiselijk_geweld", "Huiselijk geweld", individueel=True)}
    a = analyseer_herhaling(maak([("huiselijk_geweld", "2026-09", 8), ("ontdekt_3", "2026-09", 2)]), themas)
    assert a.thema("huiselijk_geweld").individueel
    assert a.thema("huiselijk_geweld").thema == "Huiselijk geweld"
    assert a.thema("ontdekt_3").thema == "Ontdekt_3"  # from the thema column
    assert a.thema("huiselijk_geweld").terugkerend  # recurring, even though it gets no group offer


# --- concentration -------------------------------------------------------------------------------------------


def _wijken(oost_thema: int, oost_overig: int) -> pd.DataFrame:
    return maak([
        ("wonen", "2026-09", oost_thema, "Oost"), ("wonen", "2026-09", 2, "West"), ("wonen", "2026-09", 2, "Noord"),
        ("overig", "2026-09", oost_overig, "Oost"), ("overig", "2026-09", 10, "West"),
        ("overig", "2026-09", 10, "Noord"),
    ])  # fmt: skip


def test_concentratie_in_een_wijk() -> None:
    # wonen: Oost 6 of 10 = 60%. All questions: Oost 6 + 2 = 8 of 32 = 25%. 60% >= 40% and >= 1.5 × 25%.
    h = analyseer_herhaling(_wijken(6, 2)).thema("wonen")
    assert h.wijk == "Oost"
    assert h.wijk_hulpvragen == 6
    assert h.wijk_huishoudens == 6
    assert h.wijk_aandeel == pytest.approx(0.6)
    assert h.wijk_aandeel_alle == pytest.approx(0.25)


def test_geen_concentratie_als_de_wijk_overal_groot_is() -> None:
    # Oost: 6 + 18 = 24 of 48 = 50% of all; 60% < 1.5 × 50% = 75%
    assert analyseer_herhaling(_wijken(6, 18)).thema("wonen").wijk is None


def test_geen_concentratie_op_een_klein_aantal() -> None:
    # Oost 4 of 8 = 50% (>= 40%, >= 1.5 × 6/28) but 4 is below 5: never name a wijk on so few
    assert analyseer_herhaling(_wijken(4, 2)).thema("wonen").wijk is None


def test_seizoen() -> None:
    # Two years; every month 1, but November, December and January 4.
    # Per year 9 × 1 + 3 × 4 = 21, of which 12 in Nov–Jan: 12 / 21 = 57% >= 50%.
    rijen = [("eenzaamheid", m, 4 if m[5:] in ("11", "12", "01") else 1) for m in maanden("2025-01", 24)]
    h = analyseer_herhaling(maak(rijen)).thema("eenzaamheid")
    assert h.seizoen == ("november", "december", "januari")
    assert h.seizoen_aandeel == pytest.approx(12 / 21)


def test_geen_seizoen_bij_minder_dan_een_jaar_of_vlak_verloop() -> None:
    kort = [("eenzaamheid", m, 10 if m.endswith("09") else 1) for m in maanden("2026-01", 9)]
    assert analyseer_herhaling(maak(kort)).thema("eenzaamheid").seizoen == ()
    vlak = [("eenzaamheid", m, 2) for m in maanden("2025-01", 24)]
    assert analyseer_herhaling(maak(vlak)).thema("eenzaamheid").seizoen == ()
    with pytest.raises(ValueError):
        Concentratieregel(wijk_min_aandeel=1.5)


# --- tables and words ----------------------------------------------------------------------------------------


def test_tabellen() -> None:
    df = maak([("wonen", "2026-07", 3, "Oost"), ("wonen", "2026-09", 2, None), ("overig", "2026-08", 1, "West")])
    a = analyseer_herhaling(df)
    assert list(a.per_maand.columns) == ["thema_id", "maand", "aantal", "huishoudens"]
    # every theme × every month July–September, August of wonen as 0
    assert len(a.per_maand) == 2 * 3
    wonen = a.per_maand[a.per_maand["thema_id"] == "wonen"].set_index("maand")["aantal"]
    assert wonen.tolist() == [3, 0, 2]
    assert list(a.per_wijk.columns) == ["thema_id", "wijk", "aantal", "huishoudens", "aandeel_thema", "aandeel_alle"]
    per_wijk = a.per_wijk.set_index(["thema_id", "wijk"])
    assert per_wijk.loc[("wonen", "Oost"), "aantal"] == 3
    assert per_wijk.loc[("wonen", WIJK_ONBEKEND), "aantal"] == 2
    # Oost holds 3 of the 4 questions with a known wijk
    assert per_wijk.loc[("wonen", "Oost"), "aandeel_alle"] == pytest.approx(0.75)
    assert per_wijk.loc[("wonen", "Oost"), "aandeel_thema"] == pytest.approx(1.0)
    assert list(a.per_wijk_maand.columns) == ["thema_id", "wijk", "maand", "aantal"]
    assert a.per_wijk_maand["aantal"].sum() == 6
    overzicht = a.overzicht()
    assert list(overzicht["thema_id"]) == ["wonen", "overig"]
    assert {"terugkerend", "trend", "wijk", "seizoen", "huishoudens"} <= set(overzicht.columns)


def test_maandnamen() -> None:
    assert maandnaam(pd.Period("2026-09", freq="M")) == "september 2026"
    assert maandnaam("2026-03", jaar=False) == "maart"
    assert periode_in_woorden(pd.Period("2026-09", "M"), pd.Period("2026-11", "M")) == "september t/m november 2026"
    assert periode_in_woorden(pd.Period("2025-11", "M"), pd.Period("2026-01", "M")) == (
        "november 2025 t/m januari 2026"
    )
    assert periode_in_woorden(pd.Period("2026-05", "M"), pd.Period("2026-05", "M")) == "mei 2026"


def test_ontbrekende_kolom() -> None:
    with pytest.raises(ValueError, match="huishouden"):
        analyseer_herhaling(maak([("wonen", "2026-09", 1)]).drop(columns=["huishouden"]))


def test_trend_nieuw_zonder_eerdere_hulpvragen_en_als_enum() -> None:
    # wonen only in the period, toeslagen in every month: 6 months of history for both
    rijen = [("toeslagen", m, 3) for m in maanden("2026-01", 9)] + [("wonen", m, 1) for m in maanden("2026-07", 3)]
    a = analyseer_herhaling(maak(rijen))
    assert a.thema("wonen").trend is Trend.NIEUW
    assert a.thema("wonen").trend.opkomend and a.thema("wonen").trend.label == "nieuw ★"
    assert a.thema("toeslagen").trend is Trend.STABIEL and not a.thema("toeslagen").trend.opkomend
    # too little history: not new but unknown
    kort = analyseer_herhaling(maak([("wonen", m, 4) for m in maanden("2026-07", 3)]))
    assert kort.thema("wonen").trend is Trend.ONBEKEND
    assert vergelijk_tempo(30, 3, 12, 6)[0] is Trend.STIJGEND
