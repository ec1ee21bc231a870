"""The tijdwinst model, checked against sums done by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from collectief.records import Thema
from collectief.tijdwinst import (
    Aannames,
    Schatting,
    formule_in_woorden,
    gerealiseerd,
    getal,
    minuten_per_hulpvraag,
    schatting_voor_thema,
    tijdwinst_per_thema,
)

# The worked example: 20 questions a month × 45 minutes = 15 hours a month.
# Cost: 1 hour preparation + 1 session × 2 hours × 2 staff = 5 hours a month.
# Reach 20% / 30% / 40%: 15 × 0.2 − 5 = −2; 15 × 0.3 − 5 = −0.5; 15 × 0.4 − 5 = +1 hour a month.
VOORBEELD = Aannames(
    bereik_laag=0.2,
    bereik_verwacht=0.3,
    bereik_hoog=0.4,
    voorbereiding_uren=1,
    sessies_per_maand=1,
    uren_per_sessie=2,
    medewerkers=2,
)


def maak(rijen: list[tuple[str, str, int, float | None, str | None]]) -> pd.DataFrame:
    """(thema_id, month 'YYYY-MM', number of questions, minutes each, wijk) → a hulpvragen frame."""
    data = []
    for thema_id, maand, n, minuten, wijk in rijen:
        for _ in range(n):
            i = len(data)
            data.append(
                {
                    "rij": i,
                    "datum": pd.Timestamp(f"{maand}-10"),
                    "wijk": wijk,
                    "huishouden": f"hh{i}",
                    "minuten": np.nan if minuten is None else minuten,
                    "thema_id": thema_id,
                    "thema": thema_id.capitalize(),
                    "tekst": "vraag",
                }
            )
    return pd.DataFrame(data)


def test_schatting_voorbeeld_met_de_hand() -> None:
    s = Schatting(per_maand=20, minuten=45, aannames=VOORBEELD)
    assert s.uren_nu == pytest.approx(15.0)
    assert s.kosten == pytest.approx(5.0)
    assert s.tijdwinst == pytest.approx((-2.0, -0.5, 1.0))
    assert s.tijdwinst_per_jaar == pytest.approx((-24.0, -6.0, 12.0))


def test_standaard_aannames() -> None:
    a = Aannames()
    # 2 + 1 × 2 × 2 = 6 hours a month
    assert a.kosten == pytest.approx(6.0)
    assert a.bereik == (0.15, 0.30, 0.45)
    assert a.standaard_minuten("schulden") == 90.0
    assert a.standaard_minuten("ontdekt_3") == 45.0
    assert Aannames(minuten_per_thema={"ontdekt_3": 20}).standaard_minuten("ontdekt_3") == 20.0


@pytest.mark.parametrize(
    ("velden", "in_melding"),
    [
        ({"voorbereiding_uren": -1}, "niet negatief"),
        ({"bereik_hoog": 1.5}, "tussen 0 en 1"),
        ({"bereik_laag": 0.5, "bereik_verwacht": 0.3}, "moet oplopen"),
        ({"medewerkers": True}, "moet een getal zijn"),
        ({"minuten_standaard": 0}, "groter dan 0"),
        ({"min_metingen": 0}, "min_metingen"),
        ({"minuten_per_thema": {"wonen": -5}}, "wonen"),
    ],
)
def test_aannames_worden_gecontroleerd(velden: dict, in_melding: str) -> None:
    with pytest.raises(ValueError, match=in_melding):
        Aannames(**velden)


def test_aannames_zijn_onveranderlijk() -> None:
    eigen = {"wonen": 30.0}
    a = Aannames(minuten_per_thema=eigen)
    eigen["wonen"] = 999.0
    assert a.standaard_minuten("wonen") == 30.0
    with pytest.raises(TypeError):
        a.minuten_per_thema["wonen"] = 1.0  # type: ignore[index]


def test_formule_in_woorden_bevat_alle_getallen() -> None:
    tekst = formule_in_woorden(Schatting(per_maand=20, minuten=45, aannames=VOORBEELD))
    assert "20 hulpvragen per maand × 45 minuten (opgegeven) / 60 = 15 uur per maand" in tekst
    assert "1 uur voorbereiding + 1 bijeenkomst × 2 uur × 2 medewerkers = 5 uur per maand" in tekst
    assert "laag (bereik 20%): 15 × 0,2 - 5 = -2 uur per maand (-24 uur per jaar)" in tekst
    assert "verwacht (bereik 30%): 15 × 0,3 - 5 = -0,5 uur per maand (-6 uur per jaar)" in tekst
    assert "hoog (bereik 40%): 15 × 0,4 - 5 = 1 uur per maand (12 uur per jaar)" in tekst
    assert "Bij het verwachte bereik kost dit aanbod meer tijd dan het oplevert" in tekst


def test_formule_uit_gegevens_en_kleine_aantallen() -> None:
    # 23 questions in 3 months = 7.67 a month × 60 min = 7.67 hours
    s = Schatting(23 / 3, 60, VOORBEELD, "wonen", 23, 3, "gegevens")
    tekst = formule_in_woorden(s)
    assert "23 hulpvragen in 3 maanden = 7,7 per maand × 60 minuten (gemiddelde uit de gegevens)" in tekst
    klein = formule_in_woorden(Schatting(4 / 3, 60, VOORBEELD, "wonen", 4, 3, "gegevens"))
    assert "minder dan 5" in klein
    assert "4 hulpvragen" not in klein
    assert "uur per maand" not in klein


def test_getal_nederlandse_notatie() -> None:
    assert getal(4.5) == "4,5"
    assert getal(15.0) == "15"
    assert getal(-0.04) == "0"
    assert getal(0.15, 2) == "0,15"
    assert getal(7.666) == "7,7"


def test_minuten_uit_gegevens_of_standaard() -> None:
    df = maak([("wonen", "2026-07", 1, 30, "Oost"), ("wonen", "2026-07", 1, 60, "Oost"),
               ("wonen", "2026-08", 1, 90, "Oost"), ("wonen", "2026-08", 1, None, "Oost"),
               ("toeslagen", "2026-08", 2, 10, "Oost")])  # fmt: skip
    # wonen: (30 + 60 + 90) / 3 = 60, three values is enough
    assert minuten_per_hulpvraag(df, "wonen") == (60.0, "gegevens")
    # toeslagen: only two values, so the stated default of 45 minutes
    assert minuten_per_hulpvraag(df, "toeslagen") == (45.0, "standaard")
    assert minuten_per_hulpvraag(df, "toeslagen", Aannames(min_metingen=2)) == (10.0, "gegevens")
    assert minuten_per_hulpvraag(df, "ontdekt_1") == (45.0, "standaard")


def test_schatting_voor_thema_telt_laatste_drie_maanden() -> None:
    df = maak([("toeslagen", "2026-06", 5, None, "Oost"),  # before the window: not counted
               ("toeslagen", "2026-07", 2, None, "Oost"),
               ("toeslagen", "2026-08", 3, None, "West"),
               ("toeslagen", "2026-09", 4, None, "Oost")])  # fmt: skip
    s = schatting_voor_thema(df, "toeslagen", VOORBEELD)
    # July–September: 2 + 3 + 4 = 9 questions / 3 months = 3 a month × 45 min = 2.25 hours
    assert (s.hulpvragen, s.maanden) == (9, 3)
    assert s.per_maand == pytest.approx(3.0)
    assert s.uren_nu == pytest.approx(2.25)
    assert s.minuten_bron == "standaard"
    oost = schatting_voor_thema(df, "toeslagen", VOORBEELD, wijk="Oost")
    assert oost.hulpvragen == 6  # 2 + 4
    # with August as reference month: June–August = 5 + 2 + 3 = 10
    assert schatting_voor_thema(df, "toeslagen", VOORBEELD, peilmaand="2026-08").hulpvragen == 10


def test_schatting_met_korte_gegevens_deelt_door_gedekte_maanden() -> None:
    df = maak([("wonen", "2026-08", 4, None, "Oost"), ("wonen", "2026-09", 4, None, "Oost")])
    s = schatting_voor_thema(df, "wonen")
    # the data only covers August and September: 8 / 2 = 4 a month, not 8 / 3
    assert (s.hulpvragen, s.maanden, s.per_maand) == (8, 2, 4.0)


def test_tijdwinst_per_thema_tabel() -> None:
    df = maak([("toeslagen", "2026-09", 60, 45, "Oost"), ("huiselijk_geweld", "2026-09", 6, None, "Oost"),
               ("overig", "2026-09", 9, None, "West")])  # fmt: skip
    themas = {"huiselijk_geweld": Thema("huiselijk_geweld", "Huiselijk geweld", individueel=True)}
    tabel = tijdwinst_per_thema(df, VOORBEELD, themas=themas, maanden=1)
    assert list(tabel.columns) == [
        "thema_id", "thema", "hulpvragen", "maanden", "per_maand", "minuten", "minuten_bron", "uren_nu", "kosten",
        "tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog",
        "tijdwinst_jaar_laag", "tijdwinst_jaar_verwacht", "tijdwinst_jaar_hoog",
    ]  # fmt: skip
    rij = tabel.set_index("thema_id").loc["toeslagen"]
    # 60 in 1 month × 45 min = 45 hours; 45 × 0.3 − 5 = 8.5 a month, 102 a year
    assert rij["uren_nu"] == pytest.approx(45.0)
    assert rij["tijdwinst_verwacht"] == pytest.approx(8.5)
    assert rij["tijdwinst_jaar_verwacht"] == pytest.approx(102.0)
    assert tabel["thema_id"].iloc[0] == "toeslagen"  # most hours first
    hg = tabel.set_index("thema_id").loc["huiselijk_geweld"]
    # 6 × 120 min = 12 hours spent, but no collective offer: no tijdwinst
    assert hg["uren_nu"] == pytest.approx(12.0)
    assert hg["thema"] == "Huiselijk geweld"
    assert math.isnan(hg["tijdwinst_verwacht"])
    assert math.isnan(tabel.set_index("thema_id").loc["overig", "kosten"])


def _voor_na(voor: int, na: int, maanden_voor: int = 6, maanden_na: int = 6) -> pd.DataFrame:
    maanden = pd.period_range("2026-01", periods=maanden_voor + maanden_na, freq="M")
    rijen = [("toeslagen", str(m), voor if i < maanden_voor else na, 60, "Oost") for i, m in enumerate(maanden)]
    rijen += [("overig", str(m), 1, None, "West") for m in maanden]
    return maak(rijen)


def test_gerealiseerd_duidelijke_daling() -> None:
    # January–June 10 a month, July–December 4 a month, 60 minutes each; start 1 July.
    # Before: 600 min/month = 10 h; after: 240 min/month = 4 h; 6 hours a month less.
    # Test: 24 of 84 questions after, with equal months expected 42: p far below 0.05.
    g = gerealiseerd(_voor_na(10, 4), "toeslagen", "2026-07-01")
    assert (g.maanden_voor, g.maanden_na) == (6, 6)
    assert (g.hulpvragen_voor, g.hulpvragen_na) == (60, 24)
    assert (g.per_maand_voor, g.per_maand_na) == (10.0, 4.0)
    assert (g.minuten_per_maand_voor, g.minuten_per_maand_na) == (600.0, 240.0)
    assert g.tijdwinst_uren_per_maand == pytest.approx(6.0)
    assert g.oordeel == "minder hulpvragen"
    assert g.voldoende
    assert g.p_waarde is not None and g.p_waarde < 0.05
    assert "gemiddeld 10 hulpvragen per maand" in g.toelichting
    assert "daarna 4 per maand" in g.toelichting
    assert "6 uur per maand minder" in g.toelichting
    assert "niet zien of het aanbod de oorzaak is" in g.toelichting
    # minus 2 hours a month for running the offer: 6 − 2 = 4
    met_kosten = gerealiseerd(_voor_na(10, 4), "toeslagen", "2026-07-01", kosten_per_maand=2)
    assert met_kosten.tijdwinst_uren_per_maand == pytest.approx(4.0)
    assert "de tijdwinst 4 uur per maand" in met_kosten.toelichting


def test_gerealiseerd_start_midden_in_de_maand_telt_die_maand_niet() -> None:
    g = gerealiseerd(_voor_na(10, 4), "toeslagen", "2026-07-15")
    # before: January–June (6); July is mixed and left out; after: August–December (5)
    assert (g.maanden_voor, g.maanden_na) == (6, 5)
    assert g.hulpvragen_na == 20


def test_gerealiseerd_geen_duidelijk_verschil() -> None:
    # 5 a month for 3 months, then 4 a month for 3 months: 12 of 27 after, expected 13.5, p ≈ 0.70
    g = gerealiseerd(_voor_na(5, 4, 3, 3), "toeslagen", "2026-04-01")
    assert g.oordeel == "geen duidelijk verschil"
    assert g.p_waarde == pytest.approx(0.701, abs=0.01)


def test_gerealiseerd_te_weinig_maanden() -> None:
    g = gerealiseerd(_voor_na(10, 4, 6, 2), "toeslagen", "2026-07-01")
    assert g.oordeel == "te weinig gegevens"
    assert not g.voldoende
    assert g.toelichting.startswith("Te weinig gegevens")
    assert "2 maanden na" in g.toelichting


def test_gerealiseerd_te_weinig_hulpvragen_toont_geen_klein_aantal() -> None:
    # 1 a month for 4 months = 4 before the start: too few, and never written as "4"
    g = gerealiseerd(_voor_na(1, 0, 4, 4), "toeslagen", "2026-05-01")
    assert g.oordeel == "te weinig gegevens"
    assert "minder dan 5 hulpvragen" in g.toelichting
    assert "4 hulpvragen" not in g.toelichting


def test_gerealiseerd_per_wijk() -> None:
    df = _voor_na(10, 4)
    g = gerealiseerd(df, "toeslagen", "2026-07-01", wijk="West")
    # no toeslagen questions in West at all
    assert g.hulpvragen_voor == 0
    assert g.oordeel == "te weinig gegevens"


def test_schattingen_voor_alle_themas_in_een_keer() -> None:
    """The one-pass versions give what the per-theme functions give (the plan uses them at 100,000 rows)."""
    from collectief.tijdwinst import minuten_per_thema, schattingen_per_thema

    df = maak(
        [
            ("a", "2026-07", 4, 30.0, "Oost"),
            ("a", "2026-09", 2, None, "West"),  # no minutes: the mean rests on the 4 known values (30)
            ("b", "2026-08", 2, 60.0, "Oost"),  # 2 values < min_metingen 3: the stated default
            ("b", "2026-05", 3, 90.0, "Oost"),  # before the window: counts for minutes, not for the count
            ("c", "2026-08", 5, 20.0, "Oost"),  # dates removed below: in no window
        ]
    )
    df.loc[df["thema_id"] == "c", "datum"] = pd.NaT
    aannames = Aannames(minuten_standaard=45.0, minuten_per_thema={"b": 50.0})
    minuten = minuten_per_thema(df, ["a", "b", "c", "d"], aannames)
    # a: 4 × 30 → 30 from the data; b: 5 values (2 × 60, 3 × 90) → 78; c: 5 × 20 → 20; d: no rows → 45.
    assert minuten == {"a": (30.0, "gegevens"), "b": (78.0, "gegevens"), "c": (20.0, "gegevens"),
                       "d": (45.0, "standaard")}  # fmt: skip
    schattingen = schattingen_per_thema(df, ["a", "b", "c"], aannames, maanden=3, peilmaand="2026-09")
    # Window July–September 2026: a 6 (4 + 2), b 2, c 0; 3 months covered.
    assert {t: (s.hulpvragen, s.maanden, s.per_maand) for t, s in schattingen.items()} == {
        "a": (6, 3, 2.0),
        "b": (2, 3, 2 / 3),
        "c": (0, 3, 0.0),
    }
    for thema_id, s in schattingen.items():
        los = schatting_voor_thema(df, thema_id, aannames, maanden=3, peilmaand="2026-09")
        assert s == los and s.minuten_bron == los.minuten_bron
        assert minuten[thema_id] == minuten_per_hulpvraag(df, thema_id, aannames)
