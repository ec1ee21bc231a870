"""The import layers, read from the source (no imports run): nothing lower imports anything higher.

From the bottom: collectief's core modules (every module except ``cli`` and the ``dashboard`` package) →
the dashboard's plain modules → its Streamlit module (``collectief.dashboard.ui``) → the pages and ``app.py``.
``collectief.cli`` is an entry point beside the dashboard: core never imports it, nor does the dashboard.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PAKKET = ROOT / "collectief"

#: What a page or app.py may import besides the dashboard layer.
PAGINA_MAG = {"streamlit", "pandas", "altair"}
#: Imports inside functions the dashboard keeps on purpose: each loads a heavy library (spaCy, scikit-learn,
#: deduce) that only an analysis or an import needs, so a page never waits for it.
LUI_TOEGESTAAN = {"collectief.analysis", "collectief.nlp", "collectief.privacy", "collectief.importer",
                  "collectief.themes"}  # fmt: skip


def _module(pad: Path) -> str:
    delen = pad.relative_to(ROOT).with_suffix("").parts
    return ".".join(delen[:-1] if delen[-1] == "__init__" else delen)


def _statements(pad: Path) -> list[tuple[tuple[str, ...], bool]]:
    """Every import statement of a file: (the modules it names, inside a function?). ``from x import y`` names
    ``x`` and ``x.y`` (y may be a submodule)."""
    uit: list[tuple[tuple[str, ...], bool]] = []

    def bezoek(knoop: ast.AST, in_functie: bool) -> None:
        for kind in ast.iter_child_nodes(knoop):
            binnen = in_functie or isinstance(kind, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(kind, ast.Import):
                uit.append((tuple(a.name for a in kind.names), binnen))
            elif isinstance(kind, ast.ImportFrom) and kind.module and kind.level == 0:
                uit.append(((kind.module, *(f"{kind.module}.{a.name}" for a in kind.names)), binnen))
            bezoek(kind, binnen)

    bezoek(ast.parse(pad.read_text(encoding="utf-8")), False)
    return uit


def _imports(pad: Path) -> list[tuple[str, bool]]:
    """(imported module, inside a function?) for every module an import names."""
    return [(naam, binnen) for namen, binnen in _statements(pad) for naam in namen]


def _is(naam: str, pakket: str) -> bool:
    return naam == pakket or naam.startswith(pakket + ".")


KERN = sorted(p for p in PAKKET.glob("*.py") if p.stem != "cli")
DASHBOARD = sorted((PAKKET / "dashboard").glob("*.py"))
PAGINAS = [*sorted((ROOT / "paginas").glob("*.py")), ROOT / "app.py"]


@pytest.mark.parametrize("pad", KERN, ids=lambda p: p.name)
def test_kern_importeert_geen_dashboard_en_geen_cli(pad: Path) -> None:
    fout = [n for n, _ in _imports(pad) if _is(n, "collectief.dashboard") or _is(n, "collectief.cli")]
    assert not fout, f"{pad.name} importeert een hogere laag: {fout}"
    fout = [n for n, _ in _imports(pad) if _is(n, "streamlit") or _is(n, "paginas")]
    assert not fout, f"{pad.name} importeert Streamlit of een pagina: {fout}"


@pytest.mark.parametrize("pad", DASHBOARD, ids=lambda p: p.name)
def test_dashboard_importeert_geen_cli_en_alleen_ui_kent_streamlit(pad: Path) -> None:
    imports = _imports(pad)
    assert not [n for n, _ in imports if _is(n, "collectief.cli") or _is(n, "paginas")], pad.name
    if pad.stem != "ui":
        assert not [n for n, _ in imports if _is(n, "streamlit") or _is(n, "collectief.dashboard.ui")], (
            f"{pad.name}: alleen collectief.dashboard.ui mag Streamlit kennen"
        )
    for namen, binnen in _statements(pad):
        if binnen:
            assert any(_is(n, t) for n in namen for t in LUI_TOEGESTAAN), (
                f"{pad.name}: import binnen een functie zonder reden: {namen[0]}"
            )


@pytest.mark.parametrize("pad", PAGINAS, ids=lambda p: p.name)
def test_paginas_importeren_alleen_de_dashboardlaag(pad: Path) -> None:
    stdlib = set(sys.stdlib_module_names)
    for naam, _ in _imports(pad):
        wortel = naam.split(".")[0]
        if wortel in stdlib or wortel in PAGINA_MAG or wortel == "__future__":
            continue
        assert _is(naam, "collectief.dashboard"), (
            f"{pad.name} importeert {naam}; pagina's lezen alleen de dashboardlaag"
        )


def test_de_lagen_test_kan_falen(tmp_path: Path) -> None:
    """The checks see imports at any depth, also inside functions."""
    pad = tmp_path / "x.py"
    pad.write_text("def f():\n    if True:\n        from collectief.dashboard import ui\n", encoding="utf-8")
    assert ("collectief.dashboard", True) in _imports(pad)
    assert (("collectief.dashboard", "collectief.dashboard.ui"), True) in _statements(pad)


# ---- what a fresh dashboard server loads (this one does run imports, in a separate process) ---------------------
_ZWAAR = ("spacy", "sklearn", "deduce")

_LADEN = """
import sys, tempfile
from pathlib import Path
from collectief.analysis import invoer_uit_database
from collectief.dashboard import werkruimte
from collectief.store import Store
with Store(Path(tempfile.mkdtemp()) / "db.sqlite") as store:
    assert list(werkruimte.invoerframe(store).columns) == list(invoer_uit_database(store).columns)
print(",".join(m for m in {zwaar!r} if m in sys.modules))
"""


def test_gegevens_lezen_laadt_geen_taalmodel() -> None:
    """Reading the stored hulpvragen (what the dashboard does on every fresh server) loads no spaCy, scikit-learn
    or deduce: :mod:`collectief.analysis` imports the NLP only where an analysis runs."""
    import subprocess

    uit = subprocess.run(
        [sys.executable, "-c", _LADEN.format(zwaar=_ZWAAR)], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert uit.stdout.strip() == "", f"geladen bij het lezen: {uit.stdout.strip()}"


def test_standaarden_van_de_analyse_staan_op_een_plek() -> None:
    """Seed and minimum theme size are the facade's: the CLI's options and analyseer's signature read them."""
    import inspect

    from collectief import analysis, cli
    from collectief.suppress import K

    parameters = inspect.signature(analysis.analyseer).parameters
    assert (parameters["seed"].default, parameters["min_grootte"].default, parameters["k"].default) == (
        analysis.SEED,
        analysis.MIN_GROOTTE,
        K,
    )
    args = cli._parser().parse_args(["analyse", "database"])
    assert (args.seed, args.min_size, args.k) == (analysis.SEED, analysis.MIN_GROOTTE, K)
    # The dashboard's workspace keeps no copy of its own (it imports the facade's names).
    bron = (PAKKET / "dashboard" / "werkruimte.py").read_text(encoding="utf-8")
    assert "SEED = " not in bron and "MIN_GROOTTE = " not in bron
