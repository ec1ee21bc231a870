"""Every file a team downloads or the CLI writes, made in one place from the :class:`~collectief.actie.Plan`.

CSV files are made for Dutch Excel: ``;``-separated, UTF-8 with BOM, CRLF line ends, decimal comma, ``ja``/``nee``
for yes/no, an empty cell for a missing value (never ``None``, ``nan`` or ``False``). :func:`csv_bytes` turns
any table into those bytes, deciding per cell by its *type*: numbers are written as numbers, text is text.

CSV injection (OWASP): a text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return would
become a live formula when the file is opened in Excel (``=HYPERLINK(...)``); such a cell gets a single quote
in front. A negative number such as a tijdwinst of ``-2,5`` is a number, not text, and is written as it is.

:func:`bestanden` returns the bytes of ``hulpvragen.csv``, ``themas.csv``, ``afgewezen.csv`` and
``voorstellen.csv``; the dashboard offers these bytes as downloads and the CLI writes the same bytes to disk
(:func:`schrijf_bestanden`), so both give byte-identical files by construction. The session report is rendered
by :mod:`collectief.report`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
from collections.abc import Mapping
from enum import Enum
from numbers import Integral, Real
from pathlib import Path

import numpy as np
import pandas as pd

from collectief.actie import Plan
from collectief.report import rapport_html, rapport_markdown
from collectief.suppress import K
from collectief.waarden import JaNee, Markering

__all__ = [
    "CSV_NAMEN",
    "HULPVRAGEN_KOLOMMEN",
    "THEMAS_KOLOMMEN",
    "VOORSTELLEN_KOLOMMEN",
    "afgewezen_frame",
    "bestanden",
    "csv_bytes",
    "hulpvragen_frame",
    "schrijf_bestanden",
    "schrijf_rapport",
    "tekstcel",
    "themas_frame",
    "voorstellen_export",
]

#: The CSV files of an analysis, in the order the CLI writes them and the dashboard offers them.
CSV_NAMEN = ("hulpvragen.csv", "themas.csv", "afgewezen.csv", "voorstellen.csv")

#: The first characters that make a spreadsheet read a cell as a formula (OWASP, CSV injection).
_FORMULE_TEKENS = ("=", "+", "-", "@", "\t", "\r")


def tekstcel(tekst: str) -> str:
    """A text cell safe to open in a spreadsheet: a leading ``=``, ``+``, ``-``, ``@``, tab or CR gets a ``'``."""
    return "'" + tekst if tekst.startswith(_FORMULE_TEKENS) else tekst


def _leeg(waarde: object) -> bool:
    if waarde is None or waarde is pd.NA or waarde is pd.NaT:
        return True
    return isinstance(waarde, float | np.floating) and math.isnan(waarde)


def _cel(waarde: object, decimalen: int, k: int) -> str:
    """One cell as text, by the value's type (never by what its text looks like)."""
    if _leeg(waarde):
        return ""
    if isinstance(waarde, Markering):
        return waarde.tekst(k)
    if isinstance(waarde, bool | np.bool_):
        return JaNee.van(bool(waarde)).value
    if isinstance(waarde, Enum):
        return tekstcel(str(waarde.value))
    if isinstance(waarde, Integral):
        return str(int(waarde))
    if isinstance(waarde, Real):
        x = round(float(waarde), decimalen)
        if x == 0:
            x = 0.0  # no "-0,0"
        return f"{x:.{decimalen}f}".replace(".", ",")
    if isinstance(waarde, pd.Timestamp | dt.datetime):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, dt.date):
        return waarde.strftime("%d-%m-%Y")
    if isinstance(waarde, pd.Period):
        return str(waarde)
    if isinstance(waarde, list | tuple):
        return tekstcel(" | ".join(_cel(w, decimalen, k) for w in waarde))
    return tekstcel(str(waarde))


def csv_bytes(
    tabel: pd.DataFrame, decimalen: Mapping[str, int] | None = None, *, standaard_decimalen: int = 1, k: int = K
) -> bytes:
    """The table as a CSV file for Dutch Excel (see the module docstring), as bytes.

    ``decimalen`` gives the number of decimals per column of floats (default ``standaard_decimalen``).
    Headers are text cells too (a wijk can be a column name).
    """
    decimalen = decimalen or {}
    uit = io.StringIO()
    schrijver = csv.writer(uit, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    kolommen = [str(c) for c in tabel.columns]
    schrijver.writerow([tekstcel(c) for c in kolommen])
    per_kolom = [decimalen.get(c, standaard_decimalen) for c in kolommen]
    for rij in tabel.itertuples(index=False, name=None):
        schrijver.writerow([_cel(w, d, k) for w, d in zip(rij, per_kolom, strict=True)])
    return uit.getvalue().encode("utf-8-sig")


# --- the four files --------------------------------------------------------------------------------------------

#: The columns of ``hulpvragen.csv`` (``id`` only when the input has export ids).
HULPVRAGEN_KOLOMMEN = ("rij", "id", "thema_id", "thema", "score", "tekst", "signaal")


def hulpvragen_frame(plan: Plan, afgewezen: pd.DataFrame | None = None, met_id: bool = True) -> pd.DataFrame:
    """One line per data row of the input, in input order, with the team's theme; rejected rows keep their line
    (and their export id) without a theme. ``score`` has three decimals."""
    df = plan.alle_hulpvragen
    kolommen = [c for c in HULPVRAGEN_KOLOMMEN if c != "id" or met_id]
    uit = pd.DataFrame({c: (df[c] if c in df.columns else pd.Series([None] * len(df), dtype=object)) for c in kolommen})
    if afgewezen is not None and len(afgewezen):
        leeg = pd.DataFrame({c: pd.Series([None] * len(afgewezen), dtype=object) for c in kolommen})
        leeg["rij"] = afgewezen["rij"].to_numpy()
        if met_id and "id" in afgewezen.columns:
            leeg["id"] = afgewezen["id"].to_numpy()
        uit = pd.concat([uit.astype(object), leeg], ignore_index=True) if len(uit) else leeg
    uit["rij"] = uit["rij"].astype("int64")
    return uit.sort_values("rij", kind="stable", ignore_index=True)


def afgewezen_frame(afgewezen: pd.DataFrame | None) -> pd.DataFrame:
    """Rejected rows: ``regel`` (the row number a person sees in Excel or an editor, as the terminal and the
    dashboard show it), ``id`` (when known) and ``reden``."""
    if afgewezen is None or not len(afgewezen):
        return pd.DataFrame({"regel": pd.Series(dtype="int64"), "reden": pd.Series(dtype=object)})
    return afgewezen.drop(columns=["rij"], errors="ignore").reset_index(drop=True)


#: The columns of ``themas.csv``: what a team filters on in Excel. Counts below k read ``<5``.
THEMAS_KOLOMMEN = (
    "thema_id",
    "thema",
    "bron",
    "individueel",
    "aantal",
    "hulpvragen_periode",
    "huishoudens_periode",
    "terugkerend",
    "trend",
    "vooral_in_wijk",
    "aandeel_wijk_procent",
    "piekmaanden",
    "tijdwinst_uur_per_maand_verwacht",
    "besluiten",
    "voorbeelden",
    "termen",
)


def _aantal(n: object, k: int) -> object:
    if _leeg(n):
        return None
    return Markering.ONDERDRUKT if int(n) < k else int(n)  # type: ignore[call-overload]


def themas_frame(plan: Plan) -> pd.DataFrame:
    """``themas.csv``: one row per theme (:meth:`~collectief.actie.Plan.themas_tabel`), counts suppressed below k.

    ``aantal`` is over the whole analysis, ``hulpvragen_periode``/``huishoudens_periode`` over the plan's period;
    ``trend``, ``terugkerend``, ``vooral_in_wijk`` with ``aandeel_wijk_procent`` and ``piekmaanden`` are the
    figures the report shows; the tijdwinst is the theme's one number (:meth:`~collectief.actie.Plan.tijdwinst_voor`).
    """
    tabel = plan.themas_tabel()
    k = plan.k
    uit = pd.DataFrame(
        {
            "thema_id": tabel["thema_id"],
            "thema": tabel["thema"],
            "bron": tabel["bron"],
            "individueel": tabel["individueel"].astype(bool),
            "aantal": [_aantal(n, k) for n in tabel["totaal"]],
            "hulpvragen_periode": [_aantal(n, k) for n in tabel["hulpvragen"]],
            "huishoudens_periode": [_aantal(n, k) for n in tabel["huishoudens"]],
            "terugkerend": tabel["terugkerend"].astype(bool),
            "trend": tabel["trend"],
            "vooral_in_wijk": tabel["vooral_in_wijk"],
            "aandeel_wijk_procent": tabel["aandeel_wijk_procent"].astype("Int64"),
            "piekmaanden": tabel["piekmaanden"],
            "tijdwinst_uur_per_maand_verwacht": tabel["tijdwinst_verwacht"].astype(float),
            "besluiten": tabel["besluiten"],
            "voorbeelden": tabel["voorbeelden"],
            "termen": tabel["termen"],
        },
        columns=list(THEMAS_KOLOMMEN),
    )
    return uit


#: The columns of ``voorstellen.csv``, in this order.
VOORSTELLEN_KOLOMMEN = (
    "thema_id",
    "thema",
    "wijk",
    "aanbod",
    "partners",
    "uitleg",
    "tijdwinst_uur_per_maand_laag",
    "tijdwinst_uur_per_maand_verwacht",
    "tijdwinst_uur_per_maand_hoog",
)


def voorstellen_export(plan: Plan) -> pd.DataFrame:
    """The proposals as written to ``voorstellen.csv``: :data:`VOORSTELLEN_KOLOMMEN`, ranked.

    Individual-only themes appear only as individual follow-up (``aanbod`` says so, no tijdwinst); ``wijk`` is
    empty for team-wide proposals; tijdwinst in hours per month (floats), empty when not estimated.
    """
    rijen = [
        {
            "thema_id": v.thema_id,
            "thema": v.thema,
            "wijk": v.wijk,
            "aanbod": v.aanbod,
            "partners": ", ".join(v.partners),
            "uitleg": v.uitleg,
            "tijdwinst_uur_per_maand_laag": v.tijdwinst_laag,
            "tijdwinst_uur_per_maand_verwacht": v.tijdwinst_verwacht,
            "tijdwinst_uur_per_maand_hoog": v.tijdwinst_hoog,
        }
        for v in plan.voorstellen
    ]
    tabel = pd.DataFrame(rijen, columns=list(VOORSTELLEN_KOLOMMEN))
    for kolom in VOORSTELLEN_KOLOMMEN[-3:]:
        tabel[kolom] = tabel[kolom].astype(float)
    return tabel


def bestanden(plan: Plan, afgewezen: pd.DataFrame | None = None, *, met_id: bool = True) -> dict[str, bytes]:
    """The bytes of every CSV file of :data:`CSV_NAMEN`, by name: what the CLI writes and the dashboard offers.

    ``afgewezen``: the rejected rows (``rij``, ``id``, ``reden``; see
    :func:`~collectief.analysis.afwijzingen_frame`), empty for an analysis of the database.
    """
    return {
        "hulpvragen.csv": csv_bytes(hulpvragen_frame(plan, afgewezen, met_id), {"score": 3}, k=plan.k),
        "themas.csv": csv_bytes(themas_frame(plan), k=plan.k),
        "afgewezen.csv": csv_bytes(afgewezen_frame(afgewezen), k=plan.k),
        "voorstellen.csv": csv_bytes(voorstellen_export(plan), k=plan.k),
    }


def schrijf_bestanden(
    plan: Plan, map_: Path, afgewezen: pd.DataFrame | None = None, *, met_id: bool = True
) -> tuple[Path, ...]:
    """Write the bytes of :func:`bestanden` into ``map_``; returns the paths."""
    map_.mkdir(parents=True, exist_ok=True)
    paden = []
    for naam, inhoud in bestanden(plan, afgewezen, met_id=met_id).items():
        (map_ / naam).write_bytes(inhoud)
        paden.append(map_ / naam)
    return tuple(paden)


def schrijf_rapport(
    plan: Plan,
    map_: Path,
    *,
    bron: str | None = None,
    gemaakt: dt.date | None = None,
    afgewezen: int | None = None,
    team: str | None = None,
) -> tuple[Path, Path]:
    """Write ``rapport.md`` and ``rapport.html`` (UTF-8) into ``map_``; returns both paths."""
    opties = {"bron": bron, "gemaakt": gemaakt, "afgewezen": afgewezen, "team": team}
    md, htm = map_ / "rapport.md", map_ / "rapport.html"
    md.write_text(rapport_markdown(plan, **opties), encoding="utf-8")
    htm.write_text(rapport_html(plan, **opties), encoding="utf-8")
    return md, htm
