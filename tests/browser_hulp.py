"""Driving the dashboard in real headless Debian Chromium: start ``streamlit run app.py`` on a database folder,
start the browser, and wait until a page is *stable* after an action. Shared by ``tests/test_browser.py`` and
``bench/bench_dashboard.py``. Nothing is downloaded: browser and driver are Debian's (/usr/bin), and Selenium
Manager is told to stay offline.

A page is **stable** when, after the action was seen to take effect (Streamlit reported a run, or the page's text
changed), (1) the app root reports that no script runs (``[data-testid=stApp]`` has
``data-test-script-state="notRunning"``), (2) no element is stale (no ``[data-stale=true]`` element container,
Streamlit's grey placeholder of the previous run), (3) the texts the finished page must show are there, and
(4) the visible text of the page has not changed for :data:`STIL_MS` milliseconds. The time is taken from just
before the click until the first moment all four hold (the quiet interval itself is not counted).
"""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
STIL_MS = 300
VLAGGEN = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--window-size=1400,1800",
)

#: English texts of Streamlit's own interface that must never show: everything a team reads is Dutch.
ENGELS = (
    "Drag and drop",
    "Browse files",
    "per file",
    "Upload",
    "Deploy",
    "Running",
    "Clear cache",
    "Rerun",
    "Stop",
    "Settings",
    "Press Enter",
    "Choose an option",
    "Choose options",
    "No results",
    "Made with",
    "Print",
    "Record a screencast",
    "About",
    "Loading",
    "Please wait",
    "Connecting",
    "Error",
    "Traceback",
    "None",
)


def ontbrekend() -> list[str]:
    """The browser parts that are missing on this machine."""
    return [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]


def _vrije_poort() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def server(map_: Path, start_seconden: float = 90) -> Iterator[str]:
    """``streamlit run app.py`` with its database in ``map_``; yields the URL. The log is ``map_/streamlit.log``."""
    poort = _vrije_poort()
    env = dict(os.environ, COLLECTIEF_DB=str(map_ / "collectief.sqlite"), PYTHONUNBUFFERED="1")
    with (map_ / "streamlit.log").open("w") as log:
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
            einde = time.monotonic() + start_seconden
            while True:
                try:
                    with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as antwoord:
                        if antwoord.read().strip() == b"ok":
                            break
                except OSError:
                    pass
                if proces.poll() is not None or time.monotonic() > einde:
                    log.flush()
                    raise RuntimeError("streamlit start niet:\n" + (map_ / "streamlit.log").read_text()[-3000:])
                time.sleep(0.3)
            yield url
        finally:
            proces.terminate()
            try:
                proces.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proces.kill()


@contextlib.contextmanager
def chromium() -> Iterator[object]:
    """Headless Debian Chromium through Selenium."""
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opties = webdriver.ChromeOptions()
    opties.binary_location = str(CHROMIUM)
    for vlag in VLAGGEN:
        opties.add_argument(vlag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opties)
    try:
        yield driver
    finally:
        driver.quit()


_TOESTAND = """
const app = document.querySelector('[data-testid="stApp"]');
return [app ? app.getAttribute('data-test-script-state') : null,
        document.querySelectorAll('[data-testid="stElementContainer"][data-stale="true"]').length,
        document.body.innerText,
        document.querySelectorAll('[data-testid="stException"]').length];
"""


def toestand(driver) -> tuple[str | None, int, str, int]:
    """(script state, stale elements, visible text, exceptions shown) of the page now."""
    staat, oud, tekst, fouten = driver.execute_script(_TOESTAND)
    return staat, int(oud), str(tekst), int(fouten)


class NietStabiel(RuntimeError):
    """The page did not become stable in time."""


def wacht_stabiel(
    driver, begin: float, tekst_vooraf: str | None, seconden: float = 60, woorden: tuple[str, ...] = ()
) -> float:
    """Wait until the page is stable (see the module docstring) and return the seconds since ``begin``.

    ``tekst_vooraf``: the page text before the action (``None``: a page load, which always takes effect).
    ``woorden``: texts the finished page shows (a page is not finished while one is missing).
    Raises :class:`NietStabiel` (with the page text) after ``seconden``, and at once when the page shows an error.
    """
    gezien = tekst_vooraf is None
    vorige = None
    sinds = time.perf_counter()
    stabiel_vanaf: float | None = None
    einde = begin + seconden
    while time.perf_counter() < einde:
        staat, oud, tekst, fouten = toestand(driver)
        nu = time.perf_counter()
        if fouten:
            raise NietStabiel(f"fout op de pagina:\n{tekst[:3000]}")
        if staat == "running" or (tekst_vooraf is not None and tekst != tekst_vooraf):
            gezien = True
        if tekst != vorige:
            vorige, sinds = tekst, nu
        klaar = gezien and staat == "notRunning" and oud == 0 and all(w in tekst for w in woorden)
        if klaar and stabiel_vanaf is None:
            stabiel_vanaf = nu
        elif not klaar:
            stabiel_vanaf = None
        if klaar and nu - sinds >= STIL_MS / 1000 and stabiel_vanaf is not None:
            return max(stabiel_vanaf, sinds) - begin
        time.sleep(0.02)
    raise NietStabiel(f"niet stabiel binnen {seconden:.0f} s:\n{vorige or ''}"[:3000])


def open_pagina(driver, url: str, seconden: float = 60, woorden: tuple[str, ...] = ()) -> float:
    """Load a page by its URL (a new session) and wait until it is stable; seconds."""
    begin = time.perf_counter()
    driver.get(url)
    return wacht_stabiel(driver, begin, None, seconden, woorden)


def actie(driver, doe, seconden: float = 60, woorden: tuple[str, ...] = ()) -> float:
    """Do something on the page (``doe()``: click, type ...) and wait until it is stable; seconds from the start."""
    vooraf = toestand(driver)[2]
    begin = time.perf_counter()
    doe()
    return wacht_stabiel(driver, begin, vooraf, seconden, woorden)


def css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def kies(driver, sleutel: str, tekst: str) -> None:
    """Choose ``tekst`` in the selectbox with widget key ``sleutel`` (type it, then Enter)."""
    from selenium.webdriver.common.keys import Keys

    veld = css(driver, f".st-key-{sleutel} input")
    veld.click()
    veld.send_keys(tekst)
    time.sleep(0.2)
    veld.send_keys(Keys.ENTER)


def kies_optie(driver, sleutel: str, tekst: str) -> None:
    """Choose the radio option ``tekst`` of the radio with widget key ``sleutel``."""
    from selenium.webdriver.common.by import By

    for label in driver.find_elements(By.CSS_SELECTOR, f".st-key-{sleutel} label"):
        if label.text.strip() == tekst:
            label.click()
            return
    raise LookupError(f"geen keuze '{tekst}'")


def typ(driver, sleutel: str, tekst: str, textarea: bool = False) -> None:
    """Type into the text field with widget key ``sleutel`` and leave it (Streamlit takes the value on blur)."""
    from selenium.webdriver.common.keys import Keys

    veld = css(driver, f".st-key-{sleutel} {'textarea' if textarea else 'input'}")
    veld.click()
    veld.send_keys(Keys.CONTROL, "a")
    veld.send_keys(Keys.DELETE)
    if tekst:
        veld.send_keys(tekst)
    veld.send_keys(Keys.TAB)


def klik_knop(driver, tekst: str, binnen: str = "") -> None:
    """Click the (first) button whose text is ``tekst``, optionally inside the CSS selector ``binnen``."""
    from selenium.webdriver.common.by import By

    for knop in driver.find_elements(By.CSS_SELECTOR, f"{binnen} button".strip()):
        regels = knop.get_attribute("innerText").strip().splitlines()
        if regels and regels[-1].strip() == tekst:  # after an icon's name, if any
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", knop)
            knop.click()
            return
    raise LookupError(f"geen knop '{tekst}'")


def klik_pagina(driver, titel: str) -> None:
    """Go to a page through the sidebar's navigation (the session and its state stay)."""
    from selenium.webdriver.common.by import By

    for link in driver.find_elements(By.CSS_SELECTOR, '[data-testid="stSidebarNav"] a'):
        regels = link.get_attribute("innerText").strip().splitlines()
        if regels and regels[-1].strip() == titel:  # after the icon's name
            link.click()
            return
    raise LookupError(f"geen pagina '{titel}' in het menu")


def engels(tekst: str) -> list[str]:
    """The English interface texts of :data:`ENGELS` found in ``tekst`` (whole words)."""
    import re

    return [w for w in ENGELS if re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", tekst)]
