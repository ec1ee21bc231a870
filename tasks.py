"""Set up and run collectief with nothing but Python 3.11: ``python3.11 tasks.py app`` or ``... test``.

Creates ``.venv`` beside this file on first use, installs the package into it (again whenever
``pyproject.toml`` changed), prepares the one-time parts (the de-identifier's lookup tables, the spaCy
pipeline check) and then starts the dashboard or runs the checks. Standard library only.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = Path(os.environ.get("COLLECTIEF_VENV", ROOT / ".venv"))
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")


def _say(message: str) -> None:
    print(f"[collectief] {message}", flush=True)


def _run(*args: str | os.PathLike[str], env: dict[str, str] | None = None) -> None:
    completed = subprocess.run([str(a) for a in args], cwd=ROOT, env=env)
    if completed.returncode != 0:
        sys.exit(completed.returncode)


def ensure_venv(extras: str) -> None:
    """Create the virtual environment and install the package when needed."""
    if sys.version_info < (3, 11):  # noqa: UP036 - this script may be started by an older Python
        sys.exit("collectief heeft Python 3.11 of nieuwer nodig. Start dit script met python3.11.")
    if not PY.exists():
        _say(f"virtuele omgeving aanmaken in {VENV} ...")
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed-{extras or 'base'}"
    wanted = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == wanted:
        return
    _say("pakketten installeren (eenmalig, een paar minuten) ...")
    _run(PY, "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    target = f".[{extras}]" if extras else "."
    _run(PY, "-m", "pip", "install", "--quiet", "-e", target)
    stamp.write_text(wanted)


def prepare(*extra: str) -> None:
    """One-time preparation: the de-identifier's tables and the NLP pipeline report (and the sample for the app)."""
    _run(PY, "-m", "collectief.cli", "voorbereiden", *extra)


def app() -> None:
    ensure_venv("")
    prepare("--dashboard")
    env = dict(os.environ)
    _run(PY, "-m", "streamlit", "run", ROOT / "app.py", *sys.argv[2:], env=env)


def ensure_browser() -> None:
    """Debian's Chromium and ChromeDriver for the end-to-end dashboard test (installed when we may)."""
    if Path("/usr/bin/chromium").exists() and Path("/usr/bin/chromedriver").exists():
        return
    if shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        _say("Chromium en ChromeDriver installeren voor de browsertest (apt-get) ...")
        _run("apt-get", "update", "-qq")
        _run("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver")
    else:
        _say(
            "Chromium ontbreekt: de browsertest wordt overgeslagen. Installeer hem met "
            "'sudo apt-get install chromium chromium-driver'."
        )


def test() -> None:
    ensure_venv("dev")
    ensure_browser()
    prepare()
    _run(PY, "-m", "ruff", "check", ".")
    completed = subprocess.run([str(PY), "-m", "pytest", *sys.argv[2:]], cwd=ROOT)
    # pytest exits 5 when it collected no tests: that is a failure here, never a pass.
    if completed.returncode == 5:
        _say("pytest heeft geen enkele test uitgevoerd; dat telt als mislukt.")
        sys.exit(1)
    sys.exit(completed.returncode)


COMMANDS = {"app": app, "test": test}

if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        sys.exit("Gebruik: python3.11 tasks.py app | test")
    COMMANDS[sys.argv[1]]()
