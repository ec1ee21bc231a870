"""The session report: content, small-cell suppression (with the scan that checks it), escaping, printability."""

from __future__ import annotations

import datetime as dt
import re

import pandas as pd
import pytest
from kleine_aantallen import in_csv, in_html, in_markdown, in_tekst

from collectief.actie import maak_plan, plan_acties
from collectief.analysis import Analyse
from collectief.decisions import Besluit
from collectief.records import Thema
from collectief.report import aanvullend_verbergen, rapport_html, rapport_markdown

THEMAS = (
    Thema("toeslagen", "Toeslagen"),
    Thema("wonen", "Wonen"),
    Thema("schulden", "Schulden"),
    Thema("huiselijk_geweld", "Huiselijk geweld", individueel=True),
    Thema("ontdekt_3", "vuurwerk, knal, overlast", bron="ontdekt"),
)
WIJKEN = ("Noord", "Oost", "West")


class _Model:
    def __init__(self, themas: tuple[Thema, ...]) -> None:
        self.themas_ = themas


def maak(rijen: list[tuple[str, str, int, str | None]], *, signaal: str = "") -> pd.DataFrame:
    """(thema_id, month, n, wijk) → the analysis's hulpvragen frame; 45 minutes and a new household each."""
    namen = {t.id: t.naam for t in THEMAS}
    data = []
    for thema_id, maand, n, wijk in rijen:
        for _ in range(n):
            i = len(data)
            data.append(
                {
                    "rij": i,
                    "id": None,
                    "datum": pd.Timestamp(f"{maand}-05") if maand else pd.NaT,
                    "wijk": wijk,
                    "huishouden": f"hh{i}",
                    "minuten": 45.0,
                    "tekst": "vraag",
                    "thema_id": thema_id,
                    "thema": namen.get(thema_id, "Overig"),
                    "score": 1.0,
                    "signaal": signaal if thema_id == "schulden" else "",
                }
            )
    return pd.DataFrame(data)


def gegevens() -> pd.DataFrame:
    rijen = [("toeslagen", f"2026-{m:02d}", 2, "West") for m in range(1, 7)]
    for maand in ("2026-07", "2026-08", "2026-09"):
        # toeslagen: 20 a month, spread over the wijken
        rijen += [("toeslagen", maand, 7, "Oost"), ("toeslagen", maand, 7, "West"), ("toeslagen", maand, 6, "Noord")]
        rijen += [("overig", maand, 10, "West"), ("ontdekt_3", maand, 3, "West")]
    # wonen: 6 in Oost, 1 in West, 1 in Noord = 8, concentrated in Oost
    rijen += [("wonen", m, 2, "Oost") for m in ("2026-07", "2026-08", "2026-09")]
    rijen += [("wonen", "2026-09", 1, "West"), ("wonen", "2026-09", 1, "Noord")]
    # schulden: Noord 7, Oost 3, West 6 = 16: one small cell in a row whose total is shown
    rijen += [
        ("schulden", "2026-08", 7, "Noord"),
        ("schulden", "2026-08", 3, "Oost"),
        ("schulden", "2026-09", 6, "West"),
    ]
    rijen += [("huiselijk_geweld", "2026-08", 8, "Noord")]
    return maak(rijen, signaal="huiselijk_geweld")


def als_analyse(df: pd.DataFrame, themas: tuple[Thema, ...] = THEMAS, meldingen: tuple[str, ...] = ()) -> Analyse:
    return Analyse(df, pd.DataFrame(), _Model(themas), "test", meldingen)  # type: ignore[arg-type]


def rapporten(df: pd.DataFrame, k: int = 5, **kw: object) -> tuple[str, str]:
    analyse = als_analyse(df)
    plan = plan_acties(analyse, k=k)
    return rapport_markdown(plan, **kw), rapport_html(plan, **kw)  # type: ignore[arg-type]


def tabel(md: str, kopregel_begint: str) -> dict[str, list[str]]:
    """The Markdown table whose header starts with ``kopregel_begint``, as {first cell: other cells}."""
    regels = md.splitlines()
    start = next(i for i, r in enumerate(regels) if r.startswith(kopregel_begint))
    uit = {}
    for regel in regels[start + 2 :]:
        if not regel.startswith("|"):
            break
        cellen = [c.strip() for c in regel.strip().strip("|").split("|")]
        uit[cellen[0]] = cellen[1:]
    return uit


# --- secondary suppression, by hand ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("waarden", "groepen", "verborgen"),
    [
        ([7, 3, 6], [[0, 1, 2]], [False, True, True]),  # 3 hidden; 6 too, else 16 - 7 - 6 = 3
        ([7, 3, 2], [[0, 1, 2]], [False, True, True]),  # two small cells already protect each other
        ([7, 8, 9], [[0, 1, 2]], [False, False, False]),
        ([4], [[0]], [True]),  # a one-cell group: the total is the cell, and it is small itself
        ([9, 1, 8, 7, 6, 5], [[0, 1, 2], [3, 4, 5]], [False, True, True, False, False, False]),
        ([9, 1, 8, 7, 2, 6], [[0, 1, 2], [3, 4, 5]], [False, True, True, False, True, True]),
    ],
)
def test_aanvullend_verbergen(waarden: list[int], groepen: list[list[int]], verborgen: list[bool]) -> None:
    assert aanvullend_verbergen(waarden, groepen, 5) == verborgen


# --- content --------------------------------------------------------------------------------------------------


def test_inhoud_van_het_rapport() -> None:
    md, _ = rapporten(gegevens(), bron="export.csv", gemaakt=dt.date(2026, 10, 1), afgewezen=2)
    # The document says what it is: the session report of a team over a period.
    assert md.startswith("# Verslag maandsessie wijkteam, juli t/m september 2026\n")
    assert "Terugkerende hulpvragen en collectief aanbod: verslag voor de maandsessie, gemaakt op 01-10-2026" in md
    assert "gemaakt op 01-10-2026 uit export.csv" in md
    assert "**Periode:** juli t/m september 2026 (de laatste 3 maanden; gegevens van januari t/m september 2026)" in md
    assert "**Hulpvragen:** 131 in de periode, van 131 huishoudens; 143 in deze analyse (2 rijen afgewezen" in md
    assert "**Thema's:** 4 terugkerend, waarvan 1 nieuw ontdekt; 1 alleen voor individuele opvolging" in md
    # Hours now on the recurring themes: 15 + 4 + 2,25 + 2 = 23,25 (rounded half to even).
    assert "**Tijd nu:** naar schatting 23,2 uur per maand aan de terugkerende thema's" in md
    # The summary first, then the Bijlage with the detail.
    samenvatting, bijlage = md.split("\n## Bijlage\n")
    for kop in ("## Terugkerende thema's", "## Voorstellen", "## Individuele opvolging (nooit een groepsaanbod)"):
        assert f"\n{kop}\n" in samenvatting, kop
    for kop in ("### Per wijk", "### Per maand", "### Toelichting bij de eerste 3 voorstellen",
                "### Individuele opvolging", "### Nieuw ontdekte thema's", "### Effect van gestart aanbod",
                "### Aannames"):  # fmt: skip
        assert f"\n{kop}\n" in bijlage, kop
    assert "\n## " not in bijlage  # everything after "## Bijlage" belongs to it
    assert "Tijdwinst = tijd nu × bereik - kosten" in bijlage and "Tijdwinst = tijd nu" not in samenvatting
    terugkerend = tabel(md, "| Thema | Hulpvragen |")
    assert set(terugkerend) == {"Toeslagen", "Schulden", "Wonen", "vuurwerk, knal, overlast (ontdekt)"}
    assert "vooral in Noord" in terugkerend["Schulden"][4]
    # toeslagen: 60 in the period, 12 in the 6 months before → 2 → 20 a month; 20 × 45 / 60 = 15 hours a month.
    assert terugkerend["Toeslagen"][:4] == ["60", "60", "15 uur", "stijgend: 2 → 20"]
    assert "vooral in Oost (75% van dit thema" in terugkerend["Wonen"][4]
    # The proposals: group offers with partners and a low/expected/high range, the generic one for ontdekt_3.
    voorstellen = tabel(md, "|   | Thema | Aanbod |")
    rijen = {v[0]: v[1:] for v in voorstellen.values()}
    assert "Dienst Toeslagen" in rijen["Toeslagen"][1]
    assert rijen["Wonen (Oost)"][1].startswith("woningcorporatie")
    assert rijen["vuurwerk, knal, overlast (West)"][3] == "niet geschat"
    # Tijdwinst low / expected / high in hours a month, ranked by expected: every figure is a number.
    for rij in rijen.values():
        if rij[3] != "niet geschat":
            assert all(re.fullmatch(r"-?\d+(,\d)?", w) for w in rij[2:]), rij
    # Individual follow-up: huiselijk geweld, recurring, and its signal in 16 schulden notes — never a group offer.
    assert tabel(md, "| Thema | Hulpvragen | Hulpvragen (signaal) |") == {
        "Huiselijk geweld (terugkerend)": ["8", "16", "Veilig Thuis"]
    }
    assert "Huiselijk geweld" not in "".join(str(v) for v in voorstellen.values())
    assert "| vuurwerk, knal, overlast | 9 | 9 | ja |" in bijlage  # a name, never the internal id
    assert "ontdekt" + "\\_3" not in md and "ontdekt_3" not in md
    # overig: 30 of 30 + 60 + 12 + 9 + 8 + 16 + 8 = 143 → 21%; in the period 30 of 131 → 23%.
    assert "**Overig:** 30 hulpvragen (21%) passen in geen thema, in de periode 23%." in samenvatting
    assert "Er is nog geen aanbod als gestart gemarkeerd" in bijlage
    assert "## Gestart aanbod" not in md


def test_besluiten_met_namen_ook_in_de_bijlage() -> None:
    """The team renamed the discovered theme and merged wonen into schulden: every part of the report, the Bijlage
    included, names the themes as the team does and shows no internal id."""
    besluiten = [
        Besluit(1, "ontdekt_3", "hernoemen", "Vuurwerkoverlast"),
        Besluit(2, "wonen", "samenvoegen", "schulden"),
        Besluit(3, "toeslagen", "hernoemen", "Tijdelijk", ingetrokken="2026-10-01T09:00:00+00:00"),
    ]
    plan = maak_plan(als_analyse(gegevens()), besluiten)
    md = rapport_markdown(plan, bron="export.csv", gemaakt=dt.date(2026, 10, 1))
    samenvatting, bijlage = md.split("\n## Bijlage\n")
    assert "| Vuurwerkoverlast | 9 | 9 | ja |" in bijlage
    assert "- **Vuurwerkoverlast:** Hernoemd door het team (was: 'vuurwerk, knal, overlast')." in samenvatting
    assert "- **Schulden:** 'Wonen' is hierbij gevoegd." in samenvatting
    assert "Tijdelijk" not in md  # an undone decision does not apply
    assert not re.search(r"ontdekt(\\)?_3|'(wonen|schulden|toeslagen)'", md)


def test_kleine_aantallen_in_de_tabellen() -> None:
    md, _ = rapporten(gegevens())
    per_wijk = tabel(md, "| Thema | Noord | Oost | West |")
    assert per_wijk["Toeslagen"] == ["18", "21", "21"]
    assert per_wijk["Wonen"] == ["<5", "6", "<5"]
    # schulden Noord 7, Oost 3, West 6: the 6 is hidden too, or 16 - 7 - 6 would give the 3 away.
    assert per_wijk["Schulden"] == ["7", "<5", "<5"]
    per_maand = tabel(md, "| Thema | jan 2026 |")
    # months January-June: toeslagen 2 a month, never shown; the period July-September shown in full.
    assert per_maand["Toeslagen"] == ["<5"] * 6 + ["20", "20", "20"]
    # schulden: nothing before July, then 0, 10, 6: the 0 is hidden, so the 6 is too (16 is shown elsewhere).
    assert per_maand["Schulden"] == ["<5"] * 6 + ["<5", "10", "<5"]


def test_effect_in_het_rapport() -> None:
    df = maak(
        [("toeslagen", f"2026-{m:02d}", 10, "West") for m in range(1, 7)]
        + [("toeslagen", f"2026-{m:02d}", 4, "West") for m in range(7, 10)]
    )
    analyse = als_analyse(df)
    gestart = pd.DataFrame(
        [
            {
                "thema_id": "toeslagen",
                "aanbod": "toeslagen_informatieavond",
                "startdatum": "2026-07-01",
                "wijk": "West",
            },
            {"thema_id": "toeslagen", "aanbod": "toeslagen_formulierenspreekuur", "startdatum": "2026-09-01"},
        ]
    )
    md = rapport_markdown(plan_acties(analyse, gestart))
    # On the summary page: one line per started offer with its verdict.
    samenvatting = md[md.index("\n## Gestart aanbod\n") : md.index("\n## Bijlage\n")]
    assert (
        "- **Toeslagen in West:** Informatieavond toeslagen, gestart op 01-07-2026: minder hulpvragen." in samenvatting
    )
    assert "- **Toeslagen:** Formulierenspreekuur, gestart op 01-09-2026: te weinig gegevens." in samenvatting
    deel = md[md.index("\n### Effect van gestart aanbod\n") : md.index("\n### Aannames\n")]
    assert "\n#### Toeslagen in West: Informatieavond toeslagen (gestart op 01-07-2026)\n" in deel
    voor_na = tabel(deel, "|   | Vóór de start | Na de start |")
    # 60 questions in 6 months before, 12 in 3 months after; 45 minutes each.
    assert voor_na == {
        "Maanden": ["6", "3"],
        "Hulpvragen per maand": ["10", "4"],
        "Tijd per maand": ["7,5 uur", "3 uur"],
    }
    assert "**Oordeel:** Minder hulpvragen; gerealiseerde tijdwinst" in deel
    # The second offer started in the last month: 1 month after, too little to tell, and it says so.
    assert "\n#### Toeslagen: Formulierenspreekuur (gestart op 01-09-2026)\n" in deel
    assert "**Te weinig gegevens om iets te zeggen.** Te weinig gegevens: er zijn 8 maanden vóór en 1 maanden" in deel
    # The proposals table marks the started offer.
    assert "Informatieavond toeslagen (gestart op 01-07-2026)" in md


def test_zonder_datum_wijk_en_huishouden() -> None:
    df = maak([("toeslagen", "", 12, None), ("overig", "", 3, None)])
    df["huishouden"] = None
    md, htm = rapporten(df)
    assert "**Periode:** de hele export: de hulpvragen hebben geen datum" in md
    assert "**Hulpvragen:** 15 in deze analyse." in md
    assert "| Toeslagen | 12 | – | – | onbekend |" in md  # no households, no hours a month, no trend
    assert "### Per wijk" not in md and "### Per maand" not in md
    assert "Terugkerend: minstens 8 hulpvragen in de hele export." in md
    assert "minder dan 5 hulpvragen passen in geen thema" in md
    assert "<table" in htm


def test_niets_terugkerend() -> None:
    md, _ = rapporten(maak([("toeslagen", "2026-09", 3, "Oost")]))
    assert "Geen enkel thema voldoet daar nu aan." in md
    assert "Er zijn geen terugkerende thema's, dus ook geen voorstellen" in md
    assert (
        "**Hulpvragen:** minder dan 5 in de periode, van minder dan 5 huishoudens; minder dan 5 in deze analyse" in md
    )
    assert "**Periode:** september 2026 (de laatste maand; gegevens van september 2026)" in md
    assert "**Tijd nu:**" not in md
    # Without recurring themes there are no breakdowns, but the Bijlage still carries the rest.
    assert "\n## Bijlage\n" in md and "### Per wijk" not in md and "\n### Aannames\n" in md


def test_meldingen_van_de_analyse_staan_erin() -> None:
    analyse = als_analyse(gegevens(), meldingen=("Te weinig gegevens om nieuwe thema's te ontdekken.",))
    md = rapport_markdown(plan_acties(analyse))
    assert "**Let op:** Te weinig gegevens om nieuwe thema's te ontdekken." in md


# --- HTML -----------------------------------------------------------------------------------------------------


def test_html_is_zelfstandig_en_printbaar() -> None:
    _, htm = rapporten(gegevens())
    assert htm.startswith("<!DOCTYPE html>") and '<html lang="nl">' in htm
    assert "@media print" in htm and "@page" in htm and "size: A4" in htm
    laag = htm.lower()
    for extern in ("<script", "<link", "<img", "<iframe", "src=", "href=", "@import", "url(", "http://", "https://"):
        assert extern not in laag, extern
    # Page 1 is the summary; the Bijlage starts on a new page when printed.
    assert re.search(r"\.bijlage \{[^}]*page-break-before: always", htm)
    samenvatting, bijlage = htm.split('<div class="bijlage">')
    assert '<div class="samenvatting">' in samenvatting and "<h2>Bijlage</h2>" in bijlage
    # Summary: recurring, proposals, individual follow-up. Bijlage: per wijk, per month, discovered.
    assert samenvatting.count("<table") == 3 and bijlage.count("<table") == 3


def test_html_ontsnapt_alle_tekst() -> None:
    themas = (Thema("ontdekt_1", "<script>alert(1)</script> & co", bron="ontdekt"),)
    df = maak([("ontdekt_1", m, 4, '<b>"Oost"</b>') for m in ("2026-07", "2026-08", "2026-09")])
    df["thema"] = themas[0].naam
    analyse = als_analyse(df, themas)
    gestart = pd.DataFrame([{"thema_id": "ontdekt_1", "aanbod": "<i>eigen</i>", "startdatum": "2026-08-01",
                             "notitie": "a < b & c > d"}])  # fmt: skip
    htm = rapport_html(plan_acties(analyse, gestart), bron="<bestand>.csv")
    assert "<script>" not in htm and "<b>" not in htm and "<i>" not in htm and "<bestand>" not in htm
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co" in htm
    assert "a &lt; b &amp; c &gt; d" in htm
    assert "&lt;b&gt;&quot;Oost&quot;&lt;/b&gt;" in htm
    # Only the tags the report writes itself.
    tags = set(re.findall(r"</?([a-z0-9]+)", htm))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3", "h4", "p", "ul",
                    "li", "strong", "table", "thead", "tbody", "tr", "th", "td", "div"}  # fmt: skip


def test_markdown_ontsnapt_pijpen_in_tabellen() -> None:
    themas = (Thema("ontdekt_1", "a | b", bron="ontdekt"),)
    df = maak([("ontdekt_1", m, 4, "Oost") for m in ("2026-07", "2026-08", "2026-09")])
    df["thema"] = "a | b"
    analyse = als_analyse(df, themas)
    md = rapport_markdown(plan_acties(analyse))
    assert "| a \\| b (ontdekt) |" in md


# --- the small-cell scan: it must find what it is there to find -----------------------------------------------


def test_scan_vindt_geplante_overtredingen() -> None:
    md = "Er kwamen 3 hulpvragen binnen.\n\n| Thema | Oost | West |\n|---|---:|---:|\n| Wonen | 2 | 9 |\n"
    assert len(in_markdown(md, 5, WIJKEN)) == 2
    htm = (
        "<p>Van 4 huishoudens.</p>"
        "<table><tr><th>Thema</th><th>sep 2026</th></tr><tr><td>Wonen</td><td>1</td></tr></table>"
    )
    assert len(in_html(htm, 5, WIJKEN)) == 2
    # A count column with a longer header, as in the individual follow-up table.
    md = "| Thema | Hulpvragen | Hulpvragen (signaal) |\n|---|---:|---:|\n| Verslaving | 6 | 3 |\n"
    assert len(in_markdown(md, 5, WIJKEN)) == 1
    assert len(in_csv("thema;Oost;uitleg\r\nwonen;3;er waren 2 vragen\r\n", 5, WIJKEN)) == 2
    # Thresholds and markers are not counts; neither are averages or hours.
    assert in_tekst("minstens 8 hulpvragen, minder dan 5 hulpvragen, 2,5 hulpvragen per maand", 5, "t") == []


def test_rapport_zonder_onderdrukking_zakt_voor_de_scan() -> None:
    # Rendered with k = 1 nothing is hidden: the scan at k = 5 must catch the small wijk and month cells.
    md, htm = rapporten(gegevens(), k=1)
    assert in_markdown(md, 5, WIJKEN)
    assert in_html(htm, 5, WIJKEN)
    # Rendered with k = 5 there is nothing to find.
    md, htm = rapporten(gegevens(), k=5)
    assert in_markdown(md, 5, WIJKEN) == []
    assert in_html(htm, 5, WIJKEN) == []


@pytest.mark.parametrize("k", [3, 5, 10, 25])
def test_geen_aantal_onder_k_bij_elke_k(k: int) -> None:
    md, htm = rapporten(gegevens(), k=k)
    assert in_markdown(md, k, WIJKEN) == []
    assert in_html(htm, k, WIJKEN) == []
