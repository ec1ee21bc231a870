"""The one output stack: CSV cells by type, formula neutralisation, escaping in the report, themas.csv columns."""

from __future__ import annotations

import csv
import io
import math

import pandas as pd
import pytest
from markdown_it import MarkdownIt

from collectief.actie import Periode, Plan, maak_plan
from collectief.analysis import Analyse
from collectief.decisions import Besluit
from collectief.export import bestanden, csv_bytes, tekstcel
from collectief.records import Thema
from collectief.report import markdown_tekst, rapport_html, rapport_markdown
from collectief.tijdwinst import getal
from collectief.waarden import JaNee, Markering, Trend

THEMAS = (
    Thema("toeslagen", "Toeslagen"),
    Thema("wonen", "Wonen"),
    Thema("huiselijk_geweld", "Huiselijk geweld", individueel=True),
)
KWAAD = "![x](http://example.invalid/p.png)"
SCRIPT = "<script>alert(1)</script>"


class _Model:
    def __init__(self, themas: tuple[Thema, ...]) -> None:
        self.themas_ = themas


def maak(rijen: list[tuple[str, str, int, str]], tekst: str = "vraag over de huur") -> pd.DataFrame:
    data = []
    for thema_id, maand, n, wijk in rijen:
        for _ in range(n):
            i = len(data)
            data.append(
                {"rij": i, "id": f"HV-{i}", "datum": pd.Timestamp(f"{maand}-05"), "wijk": wijk, "huishouden": f"hh{i}",
                 "minuten": math.nan, "tekst": tekst, "thema_id": thema_id, "score": 1.0, "signaal": ""}
            )  # fmt: skip
    return pd.DataFrame(data)


def analyse_van(df: pd.DataFrame) -> Analyse:
    return Analyse(df, pd.DataFrame(), _Model(THEMAS), "test", ())  # type: ignore[arg-type]


def gegevens(wijk: str = "Oost") -> pd.DataFrame:
    """Twelve months: toeslagen steady in every wijk; wonen only since July and mostly in ``wijk``; a summer peak."""
    rijen = [("toeslagen", f"2025-{m:02d}", 4, "West") for m in range(10, 13)]
    rijen += [("toeslagen", f"2026-{m:02d}", 4, "West") for m in range(1, 10)]
    rijen += [("toeslagen", f"2026-{m:02d}", 12, "Noord") for m in (6, 7, 8)]  # the peak: juni, juli, augustus
    rijen += [("wonen", m, 3, wijk) for m in ("2026-07", "2026-08", "2026-09")]
    rijen += [("wonen", "2026-09", 1, "West")]
    rijen += [("huiselijk_geweld", "2026-08", 6, "Noord")]
    return maak(rijen)


def lees(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""), delimiter=";"))


# --- cells by type ------------------------------------------------------------------------------------------------


def test_cellen_naar_hun_type() -> None:
    tabel = pd.DataFrame(
        {
            "tekst": ['=HYPERLINK("http://x")', "+31 6", "-2,5", "@SUM(A1)", "\tx", "\rx", "gewoon", None],
            "getal": [-2.5, 0.04, -0.04, 1.25, math.nan, 3.0, 12.345, None],
            "geheel": pd.array([1, -3, 0, None, 5, 6, 7, 8], dtype="Int64"),
            "janee": [True, False, True, False, True, False, True, False],
            "waarde": [Trend.NIEUW, JaNee.JA, Markering.ONDERDRUKT, None, ("a", "=b"), pd.NA, pd.NaT, math.nan],
        }
    )
    kop, *rijen = lees(csv_bytes(tabel, {"getal": 1}, k=5))
    assert kop == ["tekst", "getal", "geheel", "janee", "waarde"]
    # Text that a spreadsheet would run as a formula gets a quote; "-2,5" as text is text, so it is neutralised too.
    assert [r[0] for r in rijen] == ["'=HYPERLINK(\"http://x\")", "'+31 6", "'-2,5", "'@SUM(A1)", "'\tx", "'\rx",
                                     "gewoon", ""]  # fmt: skip
    # Numbers stay numbers: a negative tijdwinst is written as is, with a decimal comma; no "-0,0", no "nan".
    assert [r[1] for r in rijen] == ["-2,5", "0,0", "0,0", "1,2", "", "3,0", "12,3", ""]
    assert [r[2] for r in rijen] == ["1", "-3", "0", "", "5", "6", "7", "8"]
    assert [r[3] for r in rijen] == ["ja", "nee", "ja", "nee", "ja", "nee", "ja", "nee"]
    assert [r[4] for r in rijen] == ["nieuw", "ja", "<5", "", "a | '=b", "", "", ""]
    tekst = csv_bytes(tabel).decode("utf-8-sig")
    for woord in ("None", "nan", "NaN", "True", "False", "<NA>", "NaT"):
        assert woord not in tekst, woord
    assert tekst.endswith("\r\n") and tekstcel("-") == "'-" and tekstcel("a-b") == "a-b"


def test_kopregel_ook_geneutraliseerd() -> None:
    kop, _ = lees(csv_bytes(pd.DataFrame({"=wijk": [1]})))
    assert kop == ["'=wijk"]


# --- every CSV file of a plan: injection, numbers, no None --------------------------------------------------------


def _gevaarlijke_plan() -> Plan:
    df = gegevens(wijk='=HYPERLINK("http://example.invalid")')
    df.loc[df.index[:3], "tekst"] = ["=1+2 over de huur", "-kort", "@huur"]
    besluiten = [Besluit(1, "wonen", "hernoemen", "+Wonen en huur")]
    return maak_plan(analyse_van(df), besluiten)


def test_geen_formule_in_enig_csv_bestand_en_getallen_blijven_getallen() -> None:
    plan = _gevaarlijke_plan()
    negatief = 0
    for naam, data in bestanden(plan).items():
        for rij in lees(data):
            for cel in rij:
                if cel[:1] in ("=", "+", "@", "\t", "\r"):
                    pytest.fail(f"{naam}: cel begint met een formuleteken: {cel!r}")
                if cel.startswith("-"):
                    float(cel.replace(",", "."))  # only a number may start with a minus
                    negatief += 1
                assert cel not in ("None", "nan", "False", "True", "<NA>"), (naam, cel)
    assert negatief, "the plan has a negative tijdwinst, written as a number"
    themas = {r[0]: r for r in lees(bestanden(plan)["themas.csv"])}
    assert themas["wonen"][1] == "'+Wonen en huur"
    assert themas["wonen"][9] == '\'=HYPERLINK("http://example.invalid")'


def test_themas_csv_zelfde_getallen_als_het_rapport() -> None:
    plan = maak_plan(analyse_van(gegevens()))
    kop, *rijen = lees(bestanden(plan)["themas.csv"])
    assert kop == ["thema_id", "thema", "bron", "individueel", "aantal", "hulpvragen_periode", "huishoudens_periode",
                   "terugkerend", "trend", "vooral_in_wijk", "aandeel_wijk_procent", "piekmaanden",
                   "tijdwinst_uur_per_maand_verwacht", "besluiten", "voorbeelden", "termen"]  # fmt: skip
    themas = {r[0]: dict(zip(kop, r, strict=True)) for r in rijen}
    wonen, toeslagen = themas["wonen"], themas["toeslagen"]
    # wonen: none before July, 10 since (9 in Oost = 90%): new, recurring, concentrated in Oost.
    assert (wonen["trend"], wonen["terugkerend"], wonen["vooral_in_wijk"], wonen["aandeel_wijk_procent"]) == (
        "nieuw", "ja", "Oost", "90")  # fmt: skip
    assert toeslagen["piekmaanden"] == "juni, juli, augustus" and toeslagen["terugkerend"] == "ja"
    assert themas["huiselijk_geweld"]["individueel"] == "ja" and themas["huiselijk_geweld"]["trend"] == "nieuw"
    md = rapport_markdown(plan)
    regel = next(r for r in md.splitlines() if r.startswith("| Wonen |"))
    assert "nieuw" in regel and "vooral in Oost (90% van dit thema" in regel
    regel = next(r for r in md.splitlines() if r.startswith("| Toeslagen |"))
    assert "piek in juni, juli en augustus" in regel and toeslagen["trend"] in regel
    # The theme's tijdwinst is the one in the report's proposals table (the best offer for that theme).
    verwacht = plan.tijdwinst_voor("toeslagen")
    assert verwacht is not None and toeslagen["tijdwinst_uur_per_maand_verwacht"] == f"{verwacht[1]:.1f}".replace(
        ".", ",")  # fmt: skip
    assert f"| {getal(verwacht[1])} |" in next(r for r in md.splitlines() if "| Toeslagen |" in r and "Informatie" in r)


# --- escaping in Markdown and HTML --------------------------------------------------------------------------------


def _weergegeven(md: str) -> str:
    return MarkdownIt("commonmark").enable("table").render(md)


@pytest.mark.parametrize("wijk", [KWAAD, SCRIPT])
def test_wijknaam_wordt_tekst_in_rapport(wijk: str) -> None:
    besluiten = [Besluit(1, "wonen", "hernoemen", SCRIPT if wijk == KWAAD else KWAAD)]
    plan = maak_plan(analyse_van(gegevens(wijk=wijk)), besluiten, periode=Periode(tot="2026-09"))
    assert plan.herhaling.thema("wonen").wijk == wijk  # the dangerous name is in the report's data
    md, htm = rapport_markdown(plan), rapport_html(plan)
    weergave = _weergegeven(md)
    for tekst in (weergave, htm):
        assert "<img" not in tekst and "<script" not in tekst and 'href="http://example.invalid' not in tekst
    assert "&lt;script&gt;" in weergave and "&lt;script&gt;" in htm
    assert "![x](http://example.invalid/p.png)" in htm  # shown as text
    assert "![x](http://example.invalid/p.png)" in weergave


def test_markdown_tekst_voor_het_dashboard() -> None:
    for tekst in (KWAAD, SCRIPT, "[klik](javascript:alert(1))", "$x^2$", "**vet** _schuin_ `code`", "a | b"):
        html = _weergegeven(markdown_tekst(tekst))
        assert html.strip() == f"<p>{tekst.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')}</p>"
    assert markdown_tekst("<5 hulpvragen") == "<5 hulpvragen"  # a suppressed count stays readable
