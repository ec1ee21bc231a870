"""End to end: start the dashboard as ``streamlit run app.py`` on a fresh database and open every page in headless
Debian Chromium. The app prepares the sample itself (import, scrubbing, analysis) on the first page, as it does
on a fresh clone. Screenshots go to ``tests/artefacts/`` (not committed).

Nothing is downloaded: the browser and driver are Debian's (/usr/bin), and Selenium Manager is switched off.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
ARTEFACTEN = ROOT / "tests" / "artefacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

#: Names of sample themes (from the catalogue) that every theme page must show.
SAMPLE_THEMAS = ("Schulden en geldzorgen", "Toeslagen", "Wonen", "Samenwonen en uitkering", "Jonge ouders")

#: url path → (title, words that must be on the page, how many of the sample's theme names must be in its text;
#: tables and charts are drawn on a canvas, so only names in ordinary text count)
PAGINAS = {
    "": ("Overzicht", ("Hulpvragen", "Terugkerende thema's", "Actieve NLP-pijplijn", "Alle voorstellen"), 2),
    "gegevens": ("Gegevens", ("Voorbeeldgegevens", "Eigen export inlezen", "Export kiezen"), 0),
    "themas": ("Thema's", ("Verloop per maand", "per thema en wijk", "Voorbeelden", "Mantelzorg"), 3),
    "maandsessie": (
        "Maandsessie",
        ("Besluit nemen", "Besluit opslaan", "Samenvatting van de sessie", "vooraf ontdaan van persoonsgegevens"),
        3,
    ),
    "voorstellen": ("Voorstellen", ("Partners", "Tijdwinst verwacht", "Markeer als gestart", "Gestart aanbod"), 2),
    "tijdwinst": ("Tijdwinst", ("Bereik verwacht", "De formule in woorden", "Alle thema's", "Uren per maand."), 1),
    "export": ("Export", ("Rapport om te printen (HTML)", "themas.csv", "hulpvragen.csv"), 0),
}


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _browser_of_overslaan() -> None:
    ontbreekt = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if not ontbreekt:
        return
    reden = f"Debian Chromium ontbreekt ({', '.join(ontbreekt)}); installeer: apt-get install chromium chromium-driver"
    if os.environ.get("COLLECTIEF_BROWSER_VERPLICHT"):
        pytest.fail(reden)
    pytest.skip(reden)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    _browser_of_overslaan()
    map_ = tmp_path_factory.mktemp("browser")
    poort = _vrije_poort()
    env = dict(os.environ, COLLECTIEF_DB=str(map_ / "collectief.sqlite"), PYTHONUNBUFFERED="1")
    log = (map_ / "streamlit.log").open("w")
    proces = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            "app.py",
            "--server.headless",
            "true",
            "--server.port",
            str(poort),
            "--server.address",
            "localhost",
            "--browser.gatherUsageStats",
            "false",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    url = f"http://localhost:{poort}"
    try:
        einde = time.monotonic() + 90
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as antwoord:
                    if antwoord.read().strip() == b"ok":
                        break
            except OSError:
                pass
            if proces.poll() is not None or time.monotonic() > einde:
                log.flush()
                pytest.fail("streamlit start niet:\n" + (map_ / "streamlit.log").read_text()[-3000:])
            time.sleep(0.5)
        yield url
    finally:
        proces.terminate()
        try:
            proces.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proces.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    # Selenium Manager must never fetch a driver or browser: the paths are given and it is told to stay offline.
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opties = webdriver.ChromeOptions()
    opties.binary_location = str(CHROMIUM)
    for argument in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                     "--window-size=1400,1800"):  # fmt: skip
        opties.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opties)
    try:
        yield driver
    finally:
        driver.quit()


def _wacht_op_pagina(driver, titel: str, woorden: tuple[str, ...], seconden: float) -> str:
    """Wait until the page shows its title and words and Streamlit has finished running; return the page text."""
    from selenium.webdriver.common.by import By

    einde = time.monotonic() + seconden
    tekst = ""
    while time.monotonic() < einde:
        fouten = driver.find_elements(By.CSS_SELECTOR, '[data-testid="stException"]')
        if fouten:
            pytest.fail(f"Fout op de pagina {titel}: {fouten[0].text[:2000]}")
        koppen = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "h1")]
        tekst = driver.find_element(By.TAG_NAME, "body").text
        if titel in koppen and all(w in tekst for w in woorden):
            # Streamlit draws in steps: done when the text has stopped changing and the charts are drawn.
            time.sleep(1.5)
            if driver.find_element(By.TAG_NAME, "body").text == tekst:
                return tekst
        time.sleep(0.5)
    pytest.fail(f"Pagina {titel} niet (volledig) getoond binnen {seconden:.0f} s. Tekst:\n{tekst[:2000]}")


def test_elke_pagina_toont_de_thema_s_van_het_voorbeeld(server: str, browser) -> None:
    ARTEFACTEN.mkdir(parents=True, exist_ok=True)
    eerste = True
    for pad, (titel, woorden, minimum) in PAGINAS.items():
        begin = time.monotonic()
        browser.get(f"{server}/{pad}")
        # The very first page also imports, scrubs and analyses the sample (one-time set-up).
        tekst = _wacht_op_pagina(browser, titel, woorden, 300 if eerste else 60)
        eerste = False
        browser.save_screenshot(str(ARTEFACTEN / f"dashboard_{pad or 'overzicht'}.png"))
        zichtbaar = [t for t in SAMPLE_THEMAS if t in tekst]
        assert len(zichtbaar) >= minimum, f"{titel}: thema's van het voorbeeld niet zichtbaar:\n{tekst[:1500]}"
        assert "Traceback" not in tekst
        print(f"{titel}: {time.monotonic() - begin:.1f} s")
