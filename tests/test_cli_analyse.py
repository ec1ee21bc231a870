"""`collectief analyse` and `collectief gestart` end to end, on the sample, with the real Scrubber and a real database.

The sample runs happen once per module (fixtures with ``scope="module"``): the analysis of the CSV export, the
analysis of a database the sample was imported into, and the effect tracking (import the months up to May, mark
an offer started on 1 June, analyse; import June-November, analyse again).
"""

from __future__ import annotations

import csv
import re
import shlex
from pathlib import Path

import pandas as pd
import pytest
from kleine_aantallen import in_csv, in_html, in_markdown

from collectief.aanbod import INDIVIDUELE_THEMAS, laad_aanbod
from collectief.actie import Plan, maak_plan
from collectief.analysis import Analyse, afwijzingen_frame
from collectief.cli import main
from collectief.export import schrijf_bestanden
from collectief.intake import open_export
from collectief.records import Afwijzing, Thema
from collectief.store import Store

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "hulpvragen.csv"
WIJKEN = ("Centrum", "Noord", "Oost", "Zuidwest")
BESTANDEN = ("hulpvragen.csv", "themas.csv", "afgewezen.csv", "voorstellen.csv", "rapport.md", "rapport.html")
VOORSTELLEN_KOP = [
    "thema_id", "thema", "wijk", "aanbod", "partners", "uitleg",
    "tijdwinst_uur_per_maand_laag", "tijdwinst_uur_per_maand_verwacht", "tijdwinst_uur_per_maand_hoog",
]  # fmt: skip
# The themes users named, and the partners that fit them (DOMAIN.md).
GENOEMD = {
    "toeslagen": ("woningcorporatie", "Dienst Toeslagen", "Belastingdienst"),
    "samenwonen_uitkering": ("SVB", "UWV", "sociale dienst"),
    "jonge_ouders": ("JGZ", "consultatiebureau", "CJG"),
}


def _sample_rijen() -> tuple[list[str], list[list[str]]]:
    with SAMPLE.open(encoding="cp1252", newline="") as f:
        rijen = list(csv.reader(f, delimiter=";"))
    return rijen[0], rijen[1:]


def _lees_csv(pad: Path) -> pd.DataFrame:
    return pd.read_csv(pad, sep=";", encoding="utf-8-sig", dtype=str, keep_default_na=False)


def _tekst(pad: Path) -> str:
    return pad.read_text(encoding="utf-8-sig")


def _sectie(md: str, kop: str) -> str:
    begin = md.index(f"\n{kop}\n")
    einde = md.find("\n## ", begin + len(kop) + 2)
    return md[begin : einde if einde > 0 else len(md)]


@pytest.fixture(scope="module")
def csv_uitvoer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("csv") / "uit"
    assert main(["analyse", str(SAMPLE), "--out", str(uit), "--stil"]) == 0
    return uit


@pytest.fixture(scope="module")
def db_uitvoer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample imported into a fresh database (scrubbed by the real Scrubber), then analysed from there."""
    map_ = tmp_path_factory.mktemp("db")
    db = map_ / "collectief.sqlite"
    assert main(["import", str(SAMPLE), "--db", str(db), "--stil"]) == 0
    uit = map_ / "uit"
    assert main(["analyse", str(db), "--out", str(uit), "--stil"]) == 0
    return uit


@pytest.fixture(scope="module")
def effect_uitvoer(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """Import December-May, mark an offer started on 1 June, analyse; import June-November, analyse again."""
    map_ = tmp_path_factory.mktemp("effect")
    kop, rijen = _sample_rijen()
    datum = kop.index("Registratiedatum")

    def voor_juni(rij: list[str]) -> bool:
        m = re.fullmatch(r"(\d{2})-(\d{2})-(\d{4})", rij[datum])
        return m is None or (int(m.group(3)), int(m.group(2))) < (2026, 6)

    delen = {"deel1.csv": [r for r in rijen if voor_juni(r)], "deel2.csv": [r for r in rijen if not voor_juni(r)]}
    for naam, deel in delen.items():
        with (map_ / naam).open("w", encoding="cp1252", newline="") as f:
            schrijver = csv.writer(f, delimiter=";", lineterminator="\r\n")
            schrijver.writerow(kop)
            schrijver.writerows(deel)
    db = str(map_ / "collectief.sqlite")
    assert main(["import", str(map_ / "deel1.csv"), "--db", db, "--stil"]) == 0
    gestart = ["gestart", "toeslagen", "Informatieavond toeslagen", "--start", "2026-06-01", "--wijk", "Oost"]
    assert main([*gestart, "--db", db, "--notitie", "met de woningcorporatie"]) == 0
    assert main(["analyse", db, "--out", str(map_ / "uit1"), "--stil"]) == 0
    assert main(["import", str(map_ / "deel2.csv"), "--db", db, "--stil"]) == 0
    assert main(["analyse", db, "--out", str(map_ / "uit2"), "--stil"]) == 0
    return map_ / "uit1", map_ / "uit2"


# --- end to end on the export ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_analyse_schrijft_alle_bestanden(csv_uitvoer: Path) -> None:
    for naam in BESTANDEN:
        assert (csv_uitvoer / naam).is_file(), naam
        assert (csv_uitvoer / naam).stat().st_size > 0, naam
    assert _tekst(csv_uitvoer / "rapport.md").startswith("# Verslag maandsessie wijkteam, ")
    assert "uit hulpvragen.csv" in _tekst(csv_uitvoer / "rapport.md")
    # The one-page summary first, then the Bijlage with the detail (page 1 when printed: test_report_print.py).
    samenvatting, bijlage = _tekst(csv_uitvoer / "rapport.md").split("\n## Bijlage\n")
    for kop in ("## Terugkerende thema's", "## Voorstellen", "## Individuele opvolging (nooit een groepsaanbod)"):
        assert f"\n{kop}\n" in samenvatting, kop
    for kop in ("### Per wijk", "### Per maand", "### Nieuw ontdekte thema's", "### Aannames"):
        assert f"\n{kop}\n" in bijlage, kop
    assert "**Overig:**" in samenvatting


@pytest.mark.slow
def test_hulpvragen_csv_een_regel_per_gegevensrij_in_volgorde(csv_uitvoer: Path) -> None:
    _, rijen = _sample_rijen()
    assert len(rijen) == 1414
    uit = _lees_csv(csv_uitvoer / "hulpvragen.csv")
    assert len(uit) == 1414
    assert uit["rij"].astype(int).tolist() == list(range(1414))
    met_thema = uit["thema_id"] != ""
    # The 2 rejected rows (empty notes) keep their line, without a theme; the 2 with an impossible date are kept.
    assert met_thema.sum() == 1412
    # Every line keeps its export id, the rejected ones too, in file order.
    assert uit["id"].tolist() == [r[0] for r in rijen]
    # The score with a decimal comma, like the other CSVs; empty for rejected rows.
    assert uit.loc[met_thema, "score"].str.fullmatch(r"[01],\d{3}").all()
    assert (uit.loc[~met_thema, "score"] == "").all()
    assert len(_tekst(csv_uitvoer / "hulpvragen.csv").splitlines()) == 1415  # header + one physical line each


@pytest.mark.slow
def test_voorstellen_csv_kolommen(csv_uitvoer: Path, db_uitvoer: Path) -> None:
    for uit in (csv_uitvoer, db_uitvoer):
        voorstellen = _lees_csv(uit / "voorstellen.csv")
        assert list(voorstellen.columns) == VOORSTELLEN_KOP
        assert len(voorstellen) > 0
        groeps = voorstellen[voorstellen["tijdwinst_uur_per_maand_verwacht"] != ""]
        # Hours with a decimal comma (Dutch Excel), and low ≤ expected ≤ high.
        for kolom in VOORSTELLEN_KOP[-3:]:
            assert groeps[kolom].str.fullmatch(r"-?\d+(,\d)?").all(), kolom
        getal = groeps[VOORSTELLEN_KOP[-3:]].apply(lambda s: s.str.replace(",", ".").astype(float))
        assert (getal.iloc[:, 0] <= getal.iloc[:, 1]).all() and (getal.iloc[:, 1] <= getal.iloc[:, 2]).all()
        # Ranked by expected tijdwinst; with the shipped figures the best proposals save the team time.
        verwacht = getal.iloc[:, 1]
        assert verwacht.is_monotonic_decreasing
        assert verwacht.iloc[0] > 0 and (verwacht > 0).sum() >= 3


# --- hulpvragen.csv: rejected rows keep their export id --------------------------------------------------------

EXPORT_MET_AFWIJZINGEN = (
    "Vraagnummer;Datum;Wijk;Omschrijving\r\n"
    "HV-1;01-04-2026;Oost;Vraag over huurtoeslag\r\n"
    "HV-2;01-04-2026;Oost;---\r\n"
    ";;;\r\n"
    "HV-4;02-04-2026;Oost;\r\n"
    "HV-5;03-04-2026;Noord;Schulden bij de deurwaarder\r\n"
)


def _plan_van(rijen: list[tuple[int, str, float]]) -> Plan:
    """The plan for the accepted rows (rij, id, score) of a small export."""
    df = pd.DataFrame(
        [
            {"rij": rij, "id": bron_id, "datum": pd.Timestamp("2026-04-01"), "wijk": "Oost", "huishouden": None,
             "minuten": float("nan"), "thema_id": "toeslagen", "thema": "Toeslagen", "score": score,
             "tekst": "vraag", "signaal": ""}
            for rij, bron_id, score in rijen
        ]
    )  # fmt: skip
    return maak_plan(Analyse(df, pd.DataFrame(), _Model((Thema("toeslagen", "Toeslagen"),)), "test", ()))


class _Model:
    def __init__(self, themas: tuple[Thema, ...]) -> None:
        self.themas_ = themas


def test_afgewezen_rijen_houden_hun_id_en_score_met_komma(tmp_path: Path) -> None:
    invoer = tmp_path / "export.csv"
    invoer.write_text(EXPORT_MET_AFWIJZINGEN, encoding="utf-8")
    afwijzingen = [r for r in open_export(invoer).rijen() if isinstance(r, Afwijzing)]
    assert [a.rij for a in afwijzingen] == [1, 2, 3]  # no words, empty line, empty text
    afgewezen = afwijzingen_frame(afwijzingen)
    plan = _plan_van([(0, "HV-1", 0.8534), (4, "HV-5", 1.0)])

    # The intake keeps each rejected row's export id, so the output line keeps it too.
    assert [a.bron_id for a in afwijzingen] == ["HV-2", None, "HV-4"]  # the empty line has no id
    schrijf_bestanden(plan, tmp_path / "met_id", afgewezen, met_id=True)
    uit = _lees_csv(tmp_path / "met_id" / "hulpvragen.csv")
    assert uit["rij"].tolist() == ["0", "1", "2", "3", "4"]
    assert uit["id"].tolist() == ["HV-1", "HV-2", "", "HV-4", "HV-5"]
    assert uit["thema_id"].tolist() == ["toeslagen", "", "", "", "toeslagen"]
    assert uit["score"].tolist() == ["0,853", "", "", "", "1,000"]
    # Without an id column in the export there is no id column in the output either.
    schrijf_bestanden(plan, tmp_path / "geen_id", afgewezen, met_id=False)
    assert "id" not in _lees_csv(tmp_path / "geen_id" / "hulpvragen.csv").columns


def test_rejected_rows_keep_their_excel_id(tmp_path: Path) -> None:
    from openpyxl import Workbook

    werkmap = Workbook()
    blad = werkmap.active
    blad.append(["Export hulpvragen wijkteam"])  # a title row above the header
    blad.append([])
    blad.append(["Nummer", "Datum", "Omschrijving"])
    blad.append([101, "01-04-2026", "Vraag over huurtoeslag"])
    blad.append([102, "02-04-2026", "123"])
    blad.append([103, "02-04-2026", None])
    pad = tmp_path / "export.xlsx"
    werkmap.save(pad)
    afgewezen = [r for r in open_export(pad).rijen() if isinstance(r, Afwijzing)]
    # Whole numbers from Excel are written without ".0", as for accepted rows.
    assert [(a.rij, a.bron_id) for a in afgewezen] == [(1, "102"), (2, "103")]


# --- on the sample, from the database: the themes users named, and individual-only themes ---------------------


@pytest.mark.slow
@pytest.mark.parametrize("thema_id", sorted(GENOEMD))
def test_genoemde_themas_terugkerend_met_passend_voorstel(db_uitvoer: Path, thema_id: str) -> None:
    catalogus = laad_aanbod()
    passend = {a.naam for a in catalogus.collectief_voor(thema_id)}
    voorstellen = _lees_csv(db_uitvoer / "voorstellen.csv")
    eigen = voorstellen[voorstellen["thema_id"] == thema_id]
    assert len(eigen), f"{thema_id} has no proposal"
    # Every proposal for the theme is one of its own catalogue offers, with a partner that fits the theme.
    assert set(eigen["aanbod"]) <= passend
    for partners in eigen["partners"]:
        assert any(p.casefold() in partners.casefold() for p in GENOEMD[thema_id]), partners
    # The report lists it among the recurring themes and in the proposals table.
    md = _tekst(db_uitvoer / "rapport.md")
    naam = eigen["thema"].iloc[0]
    assert re.search(rf"^\| {re.escape(naam)} \| \d+ \| \d+ \|", _sectie(md, "## Terugkerende thema's"), re.M)
    voorstellen_md = _sectie(md, "## Voorstellen")
    regel = next(r for r in voorstellen_md.splitlines() if re.match(rf"^\| \d+ \| {re.escape(naam)}( \(|\s\|)", r))
    assert any(a in regel for a in passend)
    assert any(p.casefold() in regel.casefold() for p in GENOEMD[thema_id])
    assert naam in _tekst(db_uitvoer / "rapport.html")


@pytest.mark.slow
def test_samenwonen_stijgt(db_uitvoer: Path) -> None:
    # The sample plants a rise over September-November 2026.
    md = _tekst(db_uitvoer / "rapport.md")
    assert re.search(r"^\| Samenwonen en uitkering \|.*\| stijgend: ", md, re.M)


@pytest.mark.slow
def test_individuele_themas_nooit_een_groepsvoorstel(csv_uitvoer: Path, db_uitvoer: Path) -> None:
    catalogus = laad_aanbod()
    groepsaanbod = {a.naam for a in catalogus if a.soort == "collectief"}
    for uit in (csv_uitvoer, db_uitvoer):
        themas = _lees_csv(uit / "themas.csv")
        individueel = set(themas.loc[themas["individueel"] == "ja", "thema_id"]) | INDIVIDUELE_THEMAS
        namen = set(themas.loc[themas["thema_id"].isin(individueel), "thema"])
        assert {"huiselijk_geweld", "verslaving"} <= set(themas["thema_id"]) & individueel
        voorstellen = _lees_csv(uit / "voorstellen.csv")
        rijen = voorstellen[voorstellen["thema_id"].isin(individueel)]
        # Only individual follow-up: no group offer, no wijk, no tijdwinst.
        assert not set(rijen["aanbod"]) & groepsaanbod
        assert rijen["aanbod"].str.startswith("Individuele opvolging").all()
        assert (rijen[["wijk", *VOORSTELLEN_KOP[-3:]]] == "").all().all()
        assert rijen["uitleg"].str.contains("geen groepsaanbod").all()
        md = _tekst(uit / "rapport.md")
        groep = _sectie(md, "## Voorstellen") + _sectie(md, "## Terugkerende thema's")
        for naam in namen:
            assert naam not in groep, naam
        opvolging = _sectie(md, "## Individuele opvolging (nooit een groepsaanbod)")
        assert "Huiselijk geweld" in opvolging and "Veilig Thuis" in opvolging
        assert "Verslaving" in opvolging


# --- small-cell suppression in every output -------------------------------------------------------------------


@pytest.mark.slow
def test_geen_aantal_onder_k_in_enige_uitvoer(csv_uitvoer: Path, db_uitvoer: Path) -> None:
    for uit in (csv_uitvoer, db_uitvoer):
        md = _tekst(uit / "rapport.md")
        # The scan has something to look at: breakdown tables by wijk and by month.
        assert "| Thema | Centrum | Noord | Oost | Zuidwest |" in md
        assert re.search(r"^\| Thema \| \w{3} 2026 \|", md, re.M)
        fouten = in_markdown(md, 5, WIJKEN, "rapport.md")
        fouten += in_html(_tekst(uit / "rapport.html"), 5, WIJKEN, "rapport.html")
        fouten += in_csv(_tekst(uit / "voorstellen.csv"), 5, WIJKEN, "voorstellen.csv", tekstkolommen=["uitleg"])
        # themas.csv: counts per theme over the whole export, never by wijk or month; its texts are notes.
        themas = _tekst(uit / "themas.csv")
        fouten += in_csv(themas, 5, WIJKEN, "themas.csv", tekstkolommen=())
        kop = themas.lstrip("\ufeff").splitlines()[0].split(";")
        assert not {c.casefold() for c in kop} & {w.casefold() for w in (*WIJKEN, "wijk", "maand", "datum")}
        assert fouten == []


@pytest.mark.slow
def test_scan_vangt_een_geplante_overtreding_in_echte_uitvoer(db_uitvoer: Path) -> None:
    md = _tekst(db_uitvoer / "rapport.md")
    geplant = md.replace("| <5 |", "| 3 |", 1)
    assert geplant != md
    assert len(in_markdown(geplant, 5, WIJKEN)) == 1
    htm = _tekst(db_uitvoer / "rapport.html")
    geplant = htm.replace('<td class="getal">&lt;5</td>', '<td class="getal">2</td>', 1)
    assert geplant != htm and len(in_html(geplant, 5, WIJKEN)) == 1
    csv_tekst = _tekst(db_uitvoer / "voorstellen.csv")
    geplant = csv_tekst.replace(
        " hulpvragen over het thema", " hulpvragen (waarvan 1 vragen in Oost) over het thema", 1
    )
    assert geplant != csv_tekst and len(in_csv(geplant, 5, WIJKEN, tekstkolommen=["uitleg"])) == 1


# --- effect tracking: mark started, import later months -------------------------------------------------------


@pytest.mark.slow
def test_effect_eerst_te_weinig_gegevens(effect_uitvoer: tuple[Path, Path]) -> None:
    uit1, _ = effect_uitvoer
    md = _tekst(uit1 / "rapport.md")
    effect = _sectie(md, "### Effect van gestart aanbod")
    assert "\n#### Toeslagen in Oost: Informatieavond toeslagen (gestart op 01-06-2026)\n" in effect
    assert "**Notitie:** met de woningcorporatie" in effect
    assert "**Te weinig gegevens om iets te zeggen.**" in effect
    assert "6 maanden vóór en 0 maanden na" in effect
    assert "Vóór de start" not in effect
    # The summary page names the started offer and its verdict.
    gestart = _sectie(md, "## Gestart aanbod")
    assert "- **Toeslagen in Oost:** Informatieavond toeslagen, gestart op 01-06-2026: te weinig gegevens." in gestart


@pytest.mark.slow
def test_effect_na_import_van_latere_maanden(effect_uitvoer: tuple[Path, Path]) -> None:
    _, uit2 = effect_uitvoer
    md = _tekst(uit2 / "rapport.md")
    effect = _sectie(md, "### Effect van gestart aanbod")
    assert "\n#### Toeslagen in Oost: Informatieavond toeslagen (gestart op 01-06-2026)\n" in effect
    assert "|   | Vóór de start | Na de start |" in effect
    assert "| Maanden | 6 | 6 |" in effect
    assert re.search(r"^\| Hulpvragen per maand \| \d+(,\d)? \| \d+(,\d)? \|$", effect, re.M)
    assert re.search(r"^\| Tijd per maand \| \d+(,\d)? uur \| \d+(,\d)? uur \|$", effect, re.M)
    assert re.search(r"\*\*Oordeel:\*\* (Minder hulpvragen|Geen duidelijk verschil|Meer hulpvragen)", effect)
    assert "voor-na-vergelijking laat niet zien of het aanbod de oorzaak is" in effect
    assert "Te weinig gegevens" not in effect
    assert "Vóór de start" in _tekst(uit2 / "rapport.html")
    assert in_markdown(md, 5, WIJKEN) == []


# --- collectief gestart ---------------------------------------------------------------------------------------


def test_gestart_slaat_op_en_bevestigt(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "db.sqlite"
    assert main(["gestart", "jonge_ouders", "jonge_ouders_koffieochtend", "--start", "2026-03-02",
                 "--wijk", "Noord", "--db", str(db), "--notitie", "met het CJG"]) == 0  # fmt: skip
    uit = capsys.readouterr().out
    assert "Opgeslagen: 'Koffieochtend voor jonge ouders' voor thema 'jonge_ouders' in Noord" in uit
    assert "is gestart op 02-03-2026" in uit
    # Dutch date order is accepted too; an offer of the team's own is stored as typed, with a warning.
    assert main(["gestart", "toeslagen", "Buurtontbijt", "--start", "15-04-2026", "--db", str(db)]) == 0
    assert "staat niet in de aanbodcatalogus" in capsys.readouterr().out
    with Store(db) as store:
        gestart = store.gestart_aanbod().astype(object)
    gestart = gestart.where(gestart.notna(), None)
    assert gestart[["thema_id", "aanbod", "wijk", "notitie"]].to_dict("records") == [
        {"thema_id": "jonge_ouders", "aanbod": "jonge_ouders_koffieochtend", "wijk": "Noord", "notitie": "met het CJG"},
        {"thema_id": "toeslagen", "aanbod": "Buurtontbijt", "wijk": None, "notitie": None},
    ]
    assert [str(d.date()) for d in gestart["startdatum"]] == ["2026-03-02", "2026-04-15"]


@pytest.mark.parametrize(
    ("argumenten", "melding"),
    [
        (["toeslagen", "toeslagen_informatieavond", "--start", "1 juni 2026"], "heeft geen bekende vorm"),
        (["toeslagen", "toeslagen_informatieavond", "--start", "2026/06/01"], "Schrijf de datum als JJJJ-MM-DD"),
        (["toeslagen", "toeslagen_informatieavond", "--start", "2026-02-30"], "bestaat niet"),
        (["Toeslagen!", "toeslagen_informatieavond", "--start", "2026-06-01"], "is geen thema-id"),
        (["huiselijk_geweld", "Praatgroep", "--start", "2026-06-01"], "alleen voor individuele opvolging"),
        (["wonen", "Informatieavond toeslagen", "--start", "2026-06-01"], "hoort bij thema 'toeslagen'"),
        (["toeslagen", "verslaving_opvolging", "--start", "2026-06-01"], "is individuele opvolging"),
    ],
)
def test_gestart_fouten_in_het_nederlands(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argumenten: list[str], melding: str
) -> None:
    db = tmp_path / "db.sqlite"
    assert main(["gestart", *argumenten, "--db", str(db)]) == 2
    fout = capsys.readouterr().err
    assert fout.startswith("Fout: ") and melding in fout
    assert not db.exists()  # nothing stored, not even an empty database


# --- the README's commands, exactly as written ------------------------------------------------------------------


def _readme_opdrachten() -> list[list[str]]:
    """The ``collectief`` commands of the README's "Command line" block, without the program name."""
    tekst = (ROOT / "README.md").read_text(encoding="utf-8")
    blok = tekst.split("## Command line", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    return [
        shlex.split(regel, comments=True)[1:]
        for regel in blok.splitlines()
        if regel.startswith(".venv/bin/collectief ")
    ]


@pytest.mark.slow
def test_readme_opdrachten_werken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    opdrachten = _readme_opdrachten()
    assert [o[:2] for o in opdrachten] == [
        ["import", "data/sample/hulpvragen.csv"],
        ["analyse", "data/sample/hulpvragen.csv"],
        ["analyse", "database"],
    ]
    (tmp_path / "data").symlink_to(ROOT / "data", target_is_directory=True)
    (tmp_path / "models").mkdir()
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLLECTIEF_DB", str(tmp_path / "team.sqlite"))
    for opdracht in opdrachten:
        assert main(opdracht) == 0, opdracht
    # 'analyse database' read the database the import filled, and wrote every output and the model.
    for naam in BESTANDEN:
        assert (tmp_path / "uitvoer" / naam).is_file(), naam
    assert (tmp_path / "models" / "themamodel.json").is_file()
    assert "de database team.sqlite" in _tekst(tmp_path / "uitvoer" / "rapport.md")


# --- one truth: the team's decisions and assumptions, the CLI and the dashboard ------------------------------------

GEWIJZIGD_AANBOD = "toeslagen_informatieavond"


@pytest.fixture(scope="module")
def team_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The sample in a database with a decision and changed assumptions, analysed by the CLI."""
    from collectief import aannames_opslag

    map_ = tmp_path_factory.mktemp("team")
    db = map_ / "team.sqlite"
    assert main(["import", str(SAMPLE), "--db", str(db), "--stil"]) == 0
    with Store(db) as store:
        store.voeg_besluit_toe("toeslagen", "hernoemen", "Toeslagen en formulieren", "in de sessie van oktober")
        aannames_opslag.bewaar_aanbod(store, GEWIJZIGD_AANBOD, medewerkers=2, bereik_verwacht=0.35)
        aannames_opslag.bewaar_minuten(store, "wonen", 50)
    assert main(["analyse", str(db), "--out", str(map_ / "uit"), "--stil", "--team", "Wijkteam Oost"]) == 0
    return db, map_ / "uit"


@pytest.mark.slow
def test_cli_past_besluiten_en_aannames_uit_de_database_toe(team_db: tuple[Path, Path]) -> None:
    _, uit = team_db
    themas = _lees_csv(uit / "themas.csv").set_index("thema_id")
    assert themas.loc["toeslagen", "thema"] == "Toeslagen en formulieren"
    assert "Hernoemd door het team (was: 'Toeslagen')" in themas.loc["toeslagen", "besluiten"]
    md = _tekst(uit / "rapport.md")
    assert md.startswith("# Verslag maandsessie Wijkteam Oost, ")
    assert "\n## Besluiten van het team\n" in md and "Toeslagen en formulieren" in md
    voorstellen = _lees_csv(uit / "voorstellen.csv")
    avond = voorstellen[voorstellen["aanbod"] == "Informatieavond toeslagen"].iloc[0]
    assert avond["thema"] == "Toeslagen en formulieren"
    # That the team's assumptions (2 staff, reach 35%) were used is checked below: the CLI's files are byte for
    # byte those of a plan made with them.


@pytest.mark.slow
def test_cli_en_dashboard_geven_dezelfde_bytes_en_een_getal_per_thema(team_db: tuple[Path, Path]) -> None:
    from collectief import aannames_opslag, dashboard
    from collectief.aanbod import laad_aanbod
    from collectief.catalogue import laad_catalogus
    from collectief.export import CSV_NAMEN, bestanden
    from collectief.nlp import laad_pipeline
    from collectief.tijdwinst import getal

    db, uit = team_db
    # The dashboard's own path: its stored analysis, its decisions, its filter (the last 3 months), the plan.
    with Store(db) as store:
        versie = dashboard.analyseversie(store, laad_catalogus())
        dashboard.maak_analyse(store, versie, laad_catalogus(), laad_pipeline())
        besluiten, gestart, team = store.besluiten(), store.gestart_aanbod(), aannames_opslag.lees(store)
    basis = dashboard.laad_basis(db, versie)
    assert basis is not None
    stand = dashboard.maak_stand(basis, besluiten)
    from collectief.dashboard.tabellen import tabellen

    filter = dashboard.standaardfilter(stand)
    plan = dashboard.maak_plan(stand, filter, team, gestart, laad_aanbod())
    assert plan.catalogus[GEWIJZIGD_AANBOD].medewerkers == 2 and plan.aannames.standaard_minuten("wonen") == 50
    gemaakt = bestanden(plan)
    for naam in CSV_NAMEN:
        assert (uit / naam).read_bytes() == gemaakt[naam], naam
    # The files the Export page offers under the same names are those bytes too.
    tabel = tabellen(plan, filter)
    for naam in set(CSV_NAMEN) & set(dashboard.CSV_NAMEN):
        assert dashboard.csv_bestand(naam, stand, tabel, besluiten) == (uit / naam).read_bytes(), naam

    # One number per theme per period: the plan, voorstellen.csv, themas.csv and the report agree.
    voorstellen = _lees_csv(uit / "voorstellen.csv")
    themas = _lees_csv(uit / "themas.csv").set_index("thema_id")
    md = _tekst(uit / "rapport.md")
    gecontroleerd = 0
    for thema_id in plan.tijdwinst["thema_id"]:
        winst = plan.tijdwinst_voor(thema_id)
        if winst is None:
            assert themas.loc[thema_id, "tijdwinst_uur_per_maand_verwacht"] == ""
            continue
        eerste = voorstellen[voorstellen["thema_id"] == thema_id].iloc[0]
        tekst = [f"{round(w, 1) + 0.0:.1f}".replace(".", ",").replace("-0,0", "0,0") for w in winst]
        assert [eerste[k] for k in VOORSTELLEN_KOP[-3:]] == tekst, thema_id
        assert themas.loc[thema_id, "tijdwinst_uur_per_maand_verwacht"] == tekst[1], thema_id
        naam = plan.naam(thema_id)
        regel = next((r for r in md.splitlines() if r.startswith("| ") and f"| {naam}" in r and eerste["aanbod"] in r),
                     None)  # fmt: skip
        if regel is not None:  # the summary shows the best offer of each recurring theme
            assert regel.rstrip(" |").endswith(" | ".join(getal(w) for w in winst)), (thema_id, regel)
            gecontroleerd += 1
    assert gecontroleerd >= 3


def test_tot_geen_maand_geeft_een_nederlandse_melding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["analyse", str(SAMPLE), "--out", str(tmp_path), "--tot", "2026-13", "--stil"]) == 2
    fout = capsys.readouterr().err
    assert "'2026-13' is geen maand" in fout and "[E080]" in fout and "Traceback" not in fout
    assert not any(tmp_path.iterdir())  # nothing written


@pytest.mark.slow
def test_themas_csv_toont_de_termen_van_ontdekte_themas(csv_uitvoer: Path) -> None:
    themas = _lees_csv(csv_uitvoer / "themas.csv")
    ontdekt = themas[themas["bron"] == "ontdekt"]
    assert len(ontdekt), "het voorbeeld heeft ontdekte thema's"
    # 5-8 distinctive terms beside a discovered theme's name; catalogue themes are known by their name alone.
    aantallen = [len(t.split(", ")) for t in ontdekt["termen"]]
    assert all(3 <= n <= 8 for n in aantallen), aantallen
    assert (themas.loc[themas["bron"] != "ontdekt", "termen"] == "").all()


def test_analyse_met_eigen_begrippenbestand(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    kop, rijen = _sample_rijen()
    invoer = tmp_path / "export.csv"
    with invoer.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows([kop, *rijen[:60]])
    goed = tmp_path / "begrippen.toml"
    goed.write_text('[[begrip]]\nid = "lokaal"\nnaam = "Lokaal"\nwoorden = ["belbus", "plusbus"]\n', encoding="utf-8")
    assert main(["analyse", str(invoer), "--out", str(tmp_path / "uit"), "--stil", "--begrippen", str(goed)]) == 0
    assert (tmp_path / "uit" / "themas.csv").exists()
    # A bad file stops before anything is read or written, with the file named and the fix.
    fout = tmp_path / "fout.toml"
    fout.write_text('[[begrip]]\nid = "lokaal"\nnaam = "Lokaal"\nwoorden = ["Belbus"]\n', encoding="utf-8")
    capsys.readouterr()
    assert main(["analyse", str(invoer), "--out", str(tmp_path / "uit2"), "--stil", "--begrippen", str(fout)]) == 2
    melding = capsys.readouterr().err
    assert "fout.toml" in melding and "kleine letters" in melding and "[E012]" in melding
    assert not (tmp_path / "uit2").exists()
