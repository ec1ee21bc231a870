"""The session report as a team prints it: real headless Chromium, A4.

On the sample (11 recurring themes) the summary must fit page 1 and the Bijlage must start on page 2. Checked
twice: by page counts of the summary alone, the Bijlage alone and the whole report (needs only Chromium), and,
where poppler's ``pdftotext`` is installed (``apt-get install poppler-utils``), by reading the text of each printed
page. Only a missing Chromium skips, and with ``COLLECTIEF_BROWSER_VERPLICHT`` set that fails instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from collectief.cli import main

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "hulpvragen.csv"
CHROMIUM = Path("/usr/bin/chromium")
# Debian's Chromium, headless, without network, updates or sync: as a team member's "print to PDF", minus the UI.
VLAGGEN = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
_BIJLAGE = re.compile(r'<div class="bijlage">.*</div>\n</main>', re.S)
_SAMENVATTING = re.compile(r'<div class="samenvatting">.*?</div>\n(?=<div class="bijlage">)', re.S)


@pytest.fixture(scope="module")
def chromium() -> Path:
    if CHROMIUM.exists():
        return CHROMIUM
    reden = f"Debian Chromium ontbreekt ({CHROMIUM}); installeer: apt-get install chromium"
    if os.environ.get("COLLECTIEF_BROWSER_VERPLICHT"):
        pytest.fail(f"{reden} (COLLECTIEF_BROWSER_VERPLICHT is gezet)")
    pytest.skip(reden)


@pytest.fixture(scope="module")
def uitvoer(chromium: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    uit = tmp_path_factory.mktemp("print") / "uit"
    assert main(["analyse", str(SAMPLE), "--out", str(uit), "--stil"]) == 0
    return uit


def print_pdf(chromium: Path, html: Path) -> Path:
    """Print ``html`` to a PDF next to it with headless Chromium (its own profile directory) and return the path."""
    pdf = html.with_suffix(".pdf")
    profiel = html.parent / f"profiel-{html.stem}"
    resultaat = subprocess.run(
        [str(chromium), *VLAGGEN, f"--user-data-dir={profiel}", f"--print-to-pdf={pdf}", html.as_uri()],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert pdf.is_file() and pdf.stat().st_size > 0, f"Chromium printte geen PDF: {resultaat.stderr[-2000:]}"
    return pdf


def paginas(pdf: Path) -> int:
    """The number of pages of a PDF as Chromium writes it (page objects are plain dictionaries)."""
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def test_de_samenvatting_past_op_pagina_1_en_de_bijlage_begint_op_pagina_2(chromium: Path, uitvoer: Path) -> None:
    htm = (uitvoer / "rapport.html").read_text(encoding="utf-8")
    assert "page-break-before" in htm
    assert htm.count('<div class="samenvatting">') == 1 and htm.count('<div class="bijlage">') == 1
    alleen_samenvatting = _BIJLAGE.sub("</main>", htm)
    alleen_bijlage = _SAMENVATTING.sub("", htm)
    assert "Bijlage" not in alleen_samenvatting and "Voorstellen" in alleen_samenvatting
    assert "Voorstellen</h2>" not in alleen_bijlage and "Bijlage</h2>" in alleen_bijlage
    for naam, tekst in (("samenvatting", alleen_samenvatting), ("bijlage", alleen_bijlage)):
        (uitvoer / f"{naam}.html").write_text(tekst, encoding="utf-8")

    pdf = print_pdf(chromium, uitvoer / "rapport.html")
    geheel = paginas(pdf)
    samenvatting = paginas(print_pdf(chromium, uitvoer / "samenvatting.html"))
    bijlage = paginas(print_pdf(chromium, uitvoer / "bijlage.html"))
    # The summary alone is one page; the whole report is that page plus the Bijlage on its own pages, so the
    # Bijlage starts on page 2 and nothing of the summary spills over.
    assert samenvatting == 1, f"de samenvatting beslaat {samenvatting} pagina's"
    assert bijlage >= 1
    assert geheel == 1 + bijlage, (geheel, bijlage)
    # Where poppler is installed, read the printed pages too.
    if shutil.which("pdftotext"):
        tekst_per_pagina(pdf)


def tekst_per_pagina(pdf: Path) -> None:
    """The text of the printed report: everything up to the heading "Bijlage" is on page 1."""
    tekst = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pagina = tekst.split("\f")
    # Chromium may print a header (date, title) and a footer (address, page number) in the margins; the
    # headings themselves are lines of their own.
    kop = re.compile(r"^\s*Bijlage\s*$", re.M)
    eerste = next(i for i, p in enumerate(pagina) if kop.search(p))
    assert eerste == 1, f"'Bijlage' staat op pagina {eerste + 1}"
    blad1 = pagina[0]
    for stuk in ("Terugkerende hulpvragen en collectief aanbod", "Periode:", "Overig:", "Terugkerende thema's",
                 "Voorstellen", "Individuele opvolging (nooit een groepsaanbod)", "Veilig Thuis"):  # fmt: skip
        assert stuk in blad1, stuk
    # The detail is not on page 1.
    for stuk in ("Per wijk", "Per maand", "Aannames", "Toelichting bij"):
        assert stuk not in blad1, stuk
