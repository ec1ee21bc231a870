"""Proposals: ranked by tijdwinst, explained with the figures, never a group offer for individual-only themes."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from collectief.aanbod import laad_aanbod
from collectief.proposals import Voorstel, stel_voor, voorstellen_tabel
from collectief.records import Thema
from collectief.recurrence import Regel, analyseer_herhaling

THEMAS = {
    "toeslagen": Thema("toeslagen", "Toeslagen"),
    "wonen": Thema("wonen", "Wonen"),
    "eenzaamheid": Thema("eenzaamheid", "Eenzaamheid"),
    "schulden": Thema("schulden", "Schulden"),
    "huiselijk_geweld": Thema("huiselijk_geweld", "Huiselijk geweld", individueel=True),
    "stalking": Thema("stalking", "Stalking", individueel=True),  # a team's own individual-only theme
    "ontdekt_3": Thema("ontdekt_3", "Vuurwerkoverlast", bron="ontdekt"),
}

# Fixed numbers for the offers used below, so the expected tijdwinst can be worked out by hand. The last block
# tries to sneak in a group offer for the team's own individual-only theme "stalking".
CATALOGUS = """
[aanbod.toeslagen_informatieavond]
sessies_per_maand = 1
voorbereiding_uren = 1
uren_per_sessie = 2
medewerkers = 2
bereik = { laag = 0.2, verwacht = 0.3, hoog = 0.4 }

[aanbod.toeslagen_formulierenspreekuur]
sessies_per_maand = 4
voorbereiding_uren = 2
uren_per_sessie = 2
medewerkers = 0
bereik = { laag = 0.2, verwacht = 0.35, hoog = 0.5 }

[aanbod.wonen_inloop_corporatie]
sessies_per_maand = 2
voorbereiding_uren = 1
uren_per_sessie = 2
medewerkers = 1
bereik = { laag = 0.15, verwacht = 0.25, hoog = 0.4 }

[aanbod.stalking_groep]
thema = "stalking"
naam = "Praatgroep"
vorm = "lotgenotengroep"
partners = ["Veilig Thuis"]
sessies_per_maand = 1
voorbereiding_uren = 0
uren_per_sessie = 1
medewerkers = 1
bereik = { laag = 0.5, verwacht = 0.9, hoog = 1 }
beschrijving = "Mag nooit als voorstel verschijnen."
"""


def maak(rijen: list[tuple[str, str, int, str | None, int | None]]) -> pd.DataFrame:
    """(thema_id, month, n, wijk, households or None for one each) → hulpvragen frame, 45 minutes each."""
    data = []
    for thema_id, maand, n, wijk, aantal_hh in rijen:
        for j in range(n):
            i = len(data)
            data.append(
                {
                    "rij": i,
                    "datum": pd.Timestamp(f"{maand}-05"),
                    "wijk": wijk,
                    "huishouden": f"{thema_id}-{j % aantal_hh}" if aantal_hh else f"hh{i}",
                    "minuten": 45.0,
                    "thema_id": thema_id,
                    "thema": THEMAS[thema_id].naam if thema_id in THEMAS else "Overig",
                    "tekst": "vraag",
                }
            )
    return pd.DataFrame(data)


def gegevens() -> pd.DataFrame:
    rijen: list[tuple[str, str, int, str | None, int | None]] = []
    for maand in ("2026-01", "2026-02", "2026-03", "2026-04", "2026-05", "2026-06"):
        rijen.append(("toeslagen", maand, 2, "West", None))
    for maand in ("2026-07", "2026-08", "2026-09"):
        # toeslagen: 20 a month, spread over the wijken (no concentration)
        rijen += [("toeslagen", maand, 7, "Oost", None), ("toeslagen", maand, 7, "West", None),
                  ("toeslagen", maand, 6, "Noord", None)]  # fmt: skip
        rijen += [("overig", maand, 10, "West", None)]
        rijen += [("ontdekt_3", maand, 3, "West", None)]
    # wonen: 6 in Oost, 1 in West, 1 in Noord = 8, concentrated in Oost
    rijen += [("wonen", "2026-07", 2, "Oost", None), ("wonen", "2026-08", 2, "Oost", None),
              ("wonen", "2026-09", 2, "Oost", None), ("wonen", "2026-09", 1, "West", None),
              ("wonen", "2026-09", 1, "Noord", None)]  # fmt: skip
    rijen += [("huiselijk_geweld", "2026-08", 8, "Noord", None), ("stalking", "2026-09", 8, "Noord", None)]
    rijen += [("eenzaamheid", "2026-09", 7, "West", None)]  # one short of recurring
    return maak(rijen)


@pytest.fixture
def catalogus(tmp_path: Path):
    pad = tmp_path / "eigen.toml"
    pad.write_text(CATALOGUS, encoding="utf-8")
    return laad_aanbod(pad)


@pytest.fixture
def voorstellen(catalogus) -> tuple[Voorstel, ...]:
    df = gegevens()
    return stel_voor(df, analyseer_herhaling(df, THEMAS), THEMAS, catalogus=catalogus)


def _van(voorstellen: tuple[Voorstel, ...], thema_id: str) -> list[Voorstel]:
    return [v for v in voorstellen if v.thema_id == thema_id]


def test_volgorde_op_verwachte_tijdwinst(voorstellen: tuple[Voorstel, ...]) -> None:
    # toeslagen: 60 in 3 months = 20 a month × 45 min = 15 hours a month
    #   formulierenspreekuur: cost 2 + 4 × 2 × 0 = 2;  15 × 0.2/0.35/0.5 − 2 = 1 / 3.25 / 5.5
    #   informatieavond:      cost 1 + 1 × 2 × 2 = 5;  15 × 0.2/0.3/0.4 − 5 = −2 / −0.5 / 1
    # wonen in Oost: 6 in 3 months = 2 a month × 45 min = 1.5 hours
    #   inloop: cost 1 + 2 × 2 × 1 = 5;  1.5 × 0.15/0.25/0.4 − 5 = −4.775 / −4.625 / −4.4
    # then the generic proposal (ontdekt_3), then individual follow-up (8 each, by id)
    assert [(v.thema_id, v.aanbod_id) for v in voorstellen] == [
        ("toeslagen", "toeslagen_formulierenspreekuur"),
        ("toeslagen", "toeslagen_informatieavond"),
        ("wonen", "wonen_inloop_corporatie"),
        ("ontdekt_3", "algemeen"),
        ("huiselijk_geweld", "huiselijk_geweld_opvolging"),
        ("stalking", "individueel_algemeen"),
    ]
    spreekuur, avond, wonen = voorstellen[:3]
    assert spreekuur.tijdwinst == pytest.approx((1.0, 3.25, 5.5))
    assert avond.tijdwinst == pytest.approx((-2.0, -0.5, 1.0))
    assert wonen.tijdwinst == pytest.approx((-4.775, -4.625, -4.4))


def test_uitleg_bevat_de_cijfers(voorstellen: tuple[Voorstel, ...]) -> None:
    avond = _van(voorstellen, "toeslagen")[1]
    assert avond.uitleg.startswith(
        "Van juli t/m september 2026 kwamen 60 hulpvragen over het thema Toeslagen binnen, van 60 huishoudens "
        "(stijgend: 20 per maand in de laatste 3 maanden, tegen 2 per maand in de 6 maanden ervoor)."
    )
    assert "Voorstel: Informatieavond toeslagen (1 keer per maand)." in avond.uitleg
    assert "Eerste partner om te benaderen: woningcorporatie (ook mogelijk: Dienst Toeslagen" in avond.uitleg
    assert "Geschatte tijdwinst: -0,5 uur per maand (tussen -2 en 1 uur)." in avond.uitleg
    assert "kost dit aanbod meer tijd dan het oplevert" in avond.uitleg
    assert "15 × 0,3 - 5 = -0,5 uur per maand" in avond.berekening
    assert avond.wijk is None


def test_thema_met_wijkconcentratie(voorstellen: tuple[Voorstel, ...]) -> None:
    (wonen,) = _van(voorstellen, "wonen")
    assert wonen.wijk == "Oost"
    assert wonen.uitleg.startswith(
        "In Oost kwamen van juli t/m september 2026 6 hulpvragen over het thema Wonen binnen, van 6 huishoudens."
    )
    # Oost: 6 of the 8 wonen questions = 75%. All questions in the period: toeslagen 60 + overig 30 +
    # ontdekt_3 9 + wonen 8 + huiselijk_geweld 8 + stalking 8 + eenzaamheid 7 = 130, of which 21 + 6 = 27 in
    # Oost = 20.8% → 21%
    assert "Dat is 75% van deze hulpvragen, terwijl Oost 21% van alle hulpvragen heeft." in wonen.uitleg
    # no wonen questions before July: a new theme, and the 0 before is said in words, not as a count
    assert wonen.uitleg.count("In het hele werkgebied") == 1
    assert "In het hele werkgebied is het thema nieuw: 2,7 per maand in de laatste 3 maanden, geen in de 6 " \
           "maanden ervoor." in wonen.uitleg  # fmt: skip
    assert "Voorstel: Inloopspreekuur met de woningcorporatie (2 keer per maand) in Oost." in wonen.uitleg


def test_individuele_themas_krijgen_nooit_een_groepsaanbod(voorstellen: tuple[Voorstel, ...]) -> None:
    for thema_id in ("huiselijk_geweld", "stalking"):
        items = _van(voorstellen, thema_id)
        assert len(items) == 1
        (item,) = items
        assert item.individueel and item.soort == "individueel"
        assert item.tijdwinst is None and item.berekening == ""
        assert item.wijk is None
        assert "Dit thema krijgt geen groepsaanbod." in item.uitleg
    (hg,) = _van(voorstellen, "huiselijk_geweld")
    assert hg.partners == ("Veilig Thuis",)
    assert "overleg met Veilig Thuis" in hg.uitleg
    # the group offer the user file added for "stalking" is never used
    assert all(v.aanbod_id != "stalking_groep" for v in voorstellen)


def test_ontdekt_thema_krijgt_algemeen_voorstel(voorstellen: tuple[Voorstel, ...]) -> None:
    (item,) = _van(voorstellen, "ontdekt_3")
    assert item.soort == "algemeen" and not item.individueel
    assert item.thema == "Vuurwerkoverlast"
    assert "Voorstel: Bespreek in de maandsessie." in item.uitleg
    assert "Mogelijke partner: opbouwwerk, buurthuis." in item.uitleg
    assert "9 hulpvragen" in item.uitleg


def test_niet_terugkerende_themas_krijgen_niets(voorstellen: tuple[Voorstel, ...]) -> None:
    assert _van(voorstellen, "eenzaamheid") == []
    assert _van(voorstellen, "overig") == []


def _kleine_aantallen(tekst: str) -> list[str]:
    return [n for n, _ in re.findall(r"\b(\d+) (hulpvragen|huishoudens)", tekst) if int(n) < 5]


def test_nooit_een_aantal_onder_de_vijf(catalogus) -> None:
    df = pd.concat([gegevens(), maak([("schulden", "2026-09", 3, "West", 2)])], ignore_index=True)
    # a lenient rule lets schulden (3 questions from 2 households) through
    regel = Regel(min_hulpvragen=3, min_huishoudens=1)
    voorstellen = stel_voor(df, analyseer_herhaling(df, THEMAS, regel=regel), THEMAS, catalogus=catalogus)
    schulden = _van(voorstellen, "schulden")
    assert schulden
    for item in schulden:
        assert "minder dan 5 hulpvragen" in item.uitleg
        assert "minder dan 5 huishoudens" in item.uitleg
        assert item.tijdwinst is None  # an estimate would give the small count away
        assert "niet te schatten" in item.uitleg
    for item in voorstellen:
        assert _kleine_aantallen(item.uitleg) == [], item.uitleg
        assert _kleine_aantallen(item.berekening) == [], item.berekening


def test_max_per_thema(catalogus) -> None:
    df = gegevens()
    voorstellen = stel_voor(df, analyseer_herhaling(df, THEMAS), THEMAS, catalogus=catalogus, max_per_thema=1)
    assert [v.aanbod_id for v in _van(voorstellen, "toeslagen")] == ["toeslagen_formulierenspreekuur"]


def test_zonder_datums_geen_tijdwinst(catalogus) -> None:
    df = gegevens()
    df["datum"] = pd.NaT
    voorstellen = stel_voor(df, analyseer_herhaling(df, THEMAS), THEMAS, catalogus=catalogus)
    groep = [v for v in voorstellen if v.soort == "collectief"]
    assert groep
    assert all(v.tijdwinst is None for v in groep)
    assert groep[0].uitleg.startswith("In de hele export kwamen")


def test_tabel(voorstellen: tuple[Voorstel, ...]) -> None:
    tabel = voorstellen_tabel(voorstellen)
    assert list(tabel.columns) == ["rang", "thema_id", "thema", "wijk", "soort", "individueel", "aanbod_id",
                                   "aanbod", "partners", "tijdwinst_laag", "tijdwinst_verwacht",
                                   "tijdwinst_hoog", "uitleg", "berekening"]  # fmt: skip
    assert tabel["rang"].tolist() == [1, 2, 3, 4, 5, 6]
    assert tabel.loc[0, "tijdwinst_verwacht"] == pytest.approx(3.25)
    assert pd.isna(tabel.loc[5, "tijdwinst_verwacht"])


def test_voorstel_controleert_zichzelf() -> None:
    with pytest.raises(ValueError):
        Voorstel("huiselijk_geweld", "Huiselijk geweld", None, "x", "x", ("Veilig Thuis",), "x", "individueel",
                 True, 1.0, 2.0, 3.0)  # fmt: skip
    with pytest.raises(ValueError):
        Voorstel("wonen", "Wonen", None, "x", "x", ("y",), "x", "collectief", True)
    with pytest.raises(ValueError):
        Voorstel("huiselijk_geweld", "Huiselijk geweld", "Oost", "x", "x", ("y",), "x", "individueel", True)
