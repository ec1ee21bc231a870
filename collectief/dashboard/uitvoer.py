"""What the team takes out of the dashboard: the one printable session report and the CSV files.

Both come from the backend over the page's plan: the report from :mod:`collectief.report`, the CSV files from
:mod:`collectief.export` (the same bytes, under the same names, as ``collectief analyse`` writes for
``hulpvragen.csv``, ``themas.csv`` and ``voorstellen.csv``; the dashboard's extra breakdowns through the same
writer), so the dashboard never renders or formats them a second way.
"""

from __future__ import annotations

import datetime as dt

import pandas as pd

from collectief.dashboard.stand import Stand
from collectief.dashboard.tabellen import Tabellen
from collectief.export import bestanden, csv_bytes
from collectief.report import rapport_html, rapport_markdown
from collectief.suppress import als_tekst

__all__ = ["CSV_NAMEN", "csv_bestand", "rapport"]


def rapport(
    tabel: Tabellen, *, bron: str | None = None, gemaakt: dt.date | None = None, team: str | None = None
) -> tuple[str, str]:
    """The session report (Markdown, printable HTML) of the page's plan: the one document to print."""
    gemaakt = gemaakt or dt.date.today()
    return (
        rapport_markdown(tabel.plan, bron=bron, gemaakt=gemaakt, team=team),
        rapport_html(tabel.plan, bron=bron, gemaakt=gemaakt, team=team),
    )


#: The CSV downloads, in the order the Export page lists them.
CSV_NAMEN = ("themas.csv", "thema_per_maand.csv", "thema_per_wijk.csv", "voorstellen.csv", "tijdwinst.csv",
             "besluiten.csv", "hulpvragen.csv")  # fmt: skip
#: The files ``collectief analyse`` writes too; the dashboard offers the backend's bytes for them.
_ZELFDE_ALS_CLI = ("themas.csv", "voorstellen.csv", "hulpvragen.csv")


def csv_bestand(naam: str, stand: Stand, tabel: Tabellen, besluiten: pd.DataFrame) -> bytes:
    """One CSV download (``;``, decimal comma, UTF-8 with BOM, formulas neutralised); every breakdown suppressed.

    ``naam`` is one of :data:`CSV_NAMEN`; ``besluiten`` is the team's decision list as the page shows it.
    """
    k = tabel.k
    if naam in _ZELFDE_ALS_CLI:
        return bestanden(tabel.plan)[naam]
    if naam == "thema_per_maand.csv":
        per_maand = tabel.plan.herhaling.per_maand
        if not len(per_maand):
            return csv_bytes(pd.DataFrame(columns=["thema_id", "thema"]), k=k)
        draai = per_maand.pivot_table(index="thema_id", columns="maand", values="aantal", aggfunc="sum")
        draai.columns = [str(c) for c in draai.columns]
        uit = als_tekst(draai.reset_index(), list(draai.columns), k)
        uit.insert(1, "thema", uit["thema_id"].map(stand.naam))
        return csv_bytes(uit, k=k)
    if naam == "thema_per_wijk.csv":
        return csv_bytes(tabel.per_wijk, k=k)
    if naam == "tijdwinst.csv":
        return csv_bytes(tabel.tijdwinst, k=k)
    if naam == "besluiten.csv":
        return csv_bytes(besluiten.drop(columns=["id"], errors="ignore"), k=k)
    raise ValueError(f"onbekend exportbestand '{naam}'")
