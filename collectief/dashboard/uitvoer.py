"""What the team takes out of the dashboard: the one printable session report and the CSV files.

Both come from the backend over the page's plan: the report from :mod:`collectief.report`, the CSV contents from
:mod:`collectief.export` where it has them, so the dashboard never renders or formats them a second way.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from collectief.dashboard.stand import Stand
from collectief.dashboard.tabellen import Tabellen
from collectief.export import CSV_OPTIES, voorstellen_export
from collectief.records import Thema
from collectief.report import rapport_html, rapport_markdown
from collectief.suppress import als_tekst

__all__ = ["CSV_NAMEN", "csv_bestand", "rapport"]


@dataclass(frozen=True)
class _Themaset:
    """What the report reads from a theme model (``themas_``): here the themes after the team's decisions."""

    themas_: tuple[Thema, ...]


def _analyse(stand: Stand, tabel: Tabellen) -> object:
    from collectief.analysis import Analyse  # the result type only; importing it loads the theme engine

    themas = pd.DataFrame({"thema_id": list(stand.themas), "thema": [t.naam for t in stand.themas.values()]})
    return Analyse(
        tabel.plan.hulpvragen,
        themas,
        _Themaset(tuple(stand.themas.values())),
        stand.pipeline,  # type: ignore[arg-type]
        stand.meldingen,
    )


def rapport(
    stand: Stand, tabel: Tabellen, *, bron: str | None = None, gemaakt: dt.date | None = None
) -> tuple[str, str]:
    """The session report (Markdown, printable HTML) of the page's plan: the one document to print."""
    analyse = _analyse(stand, tabel)
    gemaakt = gemaakt or dt.date.today()
    return (
        rapport_markdown(analyse, tabel.plan, bron=bron, gemaakt=gemaakt),  # type: ignore[arg-type]
        rapport_html(analyse, tabel.plan, bron=bron, gemaakt=gemaakt),  # type: ignore[arg-type]
    )


def _csv(df: pd.DataFrame) -> bytes:
    # Written as collectief.export writes its files; to be replaced by its byte-returning writer.
    opties = {k: v for k, v in CSV_OPTIES.items() if k != "encoding"}
    return df.to_csv(**opties).encode(str(CSV_OPTIES["encoding"]))


#: The CSV downloads, in the order the Export page lists them.
CSV_NAMEN = (
    "themas.csv",
    "thema_per_maand.csv",
    "thema_per_wijk.csv",
    "voorstellen.csv",
    "tijdwinst.csv",
    "besluiten.csv",
    "hulpvragen.csv",
)


def csv_bestand(naam: str, stand: Stand, tabel: Tabellen, besluiten: pd.DataFrame) -> bytes:
    """One CSV download (``;``-separated, UTF-8 with BOM, for Excel); every breakdown suppressed (k = 5).

    ``naam`` is one of :data:`CSV_NAMEN`; ``besluiten`` is the team's decision list as the page shows it.
    """
    k = tabel.k
    if naam == "themas.csv":
        return _csv(tabel.themas.drop(columns=["terugkerend", "opkomend"]))
    if naam == "thema_per_maand.csv":
        per_maand = tabel.plan.herhaling.per_maand
        if not len(per_maand):
            return _csv(pd.DataFrame(columns=["thema_id", "thema"]))
        draai = per_maand.pivot_table(index="thema_id", columns="maand", values="aantal", aggfunc="sum")
        draai.columns = [str(c) for c in draai.columns]
        uit = als_tekst(draai.reset_index(), list(draai.columns), k)
        uit.insert(1, "thema", uit["thema_id"].map(stand.naam))
        return _csv(uit)
    if naam == "thema_per_wijk.csv":
        return _csv(tabel.per_wijk)
    if naam == "voorstellen.csv":
        return _csv(voorstellen_export(tabel.plan))
    if naam == "tijdwinst.csv":
        return _csv(tabel.tijdwinst)
    if naam == "besluiten.csv":
        return _csv(besluiten.drop(columns=["id"], errors="ignore"))
    if naam == "hulpvragen.csv":
        kolommen = ["rij", "id", "thema_id", "thema", "oorspronkelijk_thema_id", "score", "signaal", "tekst"]
        return _csv(stand.hulpvragen[kolommen].rename(columns={"rij": "db_id", "id": "bron_id"}))
    raise ValueError(f"onbekend exportbestand '{naam}'")
