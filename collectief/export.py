"""Writing the analysis to files a team opens in Excel: ``;``-separated, UTF-8 with BOM; and the session report."""

from __future__ import annotations

import datetime as dt
import math
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from collectief.actie import Actieplan
from collectief.report import rapport_html, rapport_markdown
from collectief.tijdwinst import getal

if TYPE_CHECKING:
    from collectief.analysis import Analyse

__all__ = [
    "CSV_OPTIES",
    "VOORSTELLEN_KOLOMMEN",
    "schrijf_hulpvragen",
    "schrijf_rapport",
    "schrijf_themas",
    "schrijf_voorstellen",
    "voorstellen_export",
]

CSV_OPTIES = {"sep": ";", "encoding": "utf-8-sig", "index": False, "lineterminator": "\r\n"}


def _score(waarde: float | None) -> str:
    # Decimal comma, as in the other CSVs: Dutch Excel reads "0.853" in a ;-separated file as a date or as 853.
    if waarde is None or pd.isna(waarde):
        return ""
    return f"{float(waarde):.3f}".replace(".", ",")


def schrijf_hulpvragen(analyse: Analyse, afgewezen: pd.DataFrame, pad: Path, met_id: bool) -> None:
    """One line per data row of the input, in input order; rejected rows keep their line without a theme.

    With ``met_id``, a rejected row keeps its export id too (the ``id`` column of ``afgewezen``, which
    :func:`~collectief.analysis.afwijzingen_frame` fills from the intake). ``score`` is written with a decimal
    comma and three decimals.
    """
    df = analyse.hulpvragen
    kolommen = ["rij", *(["id"] if met_id else []), "thema_id", "thema", "score", "tekst", "signaal"]
    uit = df[kolommen].copy()
    if len(afgewezen):
        leeg = pd.DataFrame({"rij": afgewezen["rij"].to_numpy()})
        for kolom in kolommen[1:]:
            leeg[kolom] = None
        if met_id and "id" in afgewezen.columns:
            leeg["id"] = afgewezen["id"].to_numpy()
        uit = pd.concat([uit, leeg], ignore_index=True) if len(uit) else leeg
    uit = uit.sort_values("rij", kind="stable")
    uit["score"] = uit["score"].map(_score)
    uit.to_csv(pad, **CSV_OPTIES)


def schrijf_themas(analyse: Analyse, pad: Path) -> None:
    uit = analyse.themas.copy()
    uit["voorbeelden"] = uit["voorbeelden"].map(lambda v: " | ".join(v))
    uit["individueel"] = uit["individueel"].map({True: "ja", False: "nee"})
    uit[["thema_id", "thema", "bron", "individueel", "aantal", "huishoudens", "voorbeelden"]].to_csv(pad, **CSV_OPTIES)


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


def _uren(waarde: float | None) -> str:
    # Decimal comma: Dutch Excel reads "1.7" in a ;-separated file as 17 or as a date.
    return "" if waarde is None or (isinstance(waarde, float) and math.isnan(waarde)) else getal(waarde)


def voorstellen_export(plan: Actieplan) -> pd.DataFrame:
    """The proposals as written to ``voorstellen.csv``: :data:`VOORSTELLEN_KOLOMMEN`, ranked, as text.

    Individual-only themes appear only as individual follow-up (``aanbod`` says so, no tijdwinst); ``wijk`` is
    empty for team-wide proposals; tijdwinst in hours per month with a decimal comma, empty when not estimated.
    """
    rijen = [
        {
            "thema_id": v.thema_id,
            "thema": v.thema,
            "wijk": v.wijk or "",
            "aanbod": v.aanbod,
            "partners": ", ".join(v.partners),
            "uitleg": v.uitleg,
            "tijdwinst_uur_per_maand_laag": _uren(v.tijdwinst_laag),
            "tijdwinst_uur_per_maand_verwacht": _uren(v.tijdwinst_verwacht),
            "tijdwinst_uur_per_maand_hoog": _uren(v.tijdwinst_hoog),
        }
        for v in plan.voorstellen
    ]
    return pd.DataFrame(rijen, columns=list(VOORSTELLEN_KOLOMMEN))


def schrijf_voorstellen(plan: Actieplan, pad: Path) -> None:
    """Write ``voorstellen.csv`` (see :func:`voorstellen_export`)."""
    voorstellen_export(plan).to_csv(pad, **CSV_OPTIES)


def schrijf_rapport(
    analyse: Analyse,
    plan: Actieplan,
    map_: Path,
    *,
    bron: str | None = None,
    gemaakt: dt.date | None = None,
    afgewezen: int | None = None,
) -> tuple[Path, Path]:
    """Write ``rapport.md`` and ``rapport.html`` (UTF-8) into ``map_``; returns both paths."""
    opties = {"bron": bron, "gemaakt": gemaakt, "afgewezen": afgewezen}
    md, htm = map_ / "rapport.md", map_ / "rapport.html"
    md.write_text(rapport_markdown(analyse, plan, **opties), encoding="utf-8")
    htm.write_text(rapport_html(analyse, plan, **opties), encoding="utf-8")
    return md, htm
