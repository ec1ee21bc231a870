"""The tables the pages show for one filter (period and wijk), made from the plan (:class:`collectief.actie.Plan`):
every count through the small-cell rule (k = 5), numbers in Dutch notation, no ``None``.

Display tables hold text as a team reads it (decimal commas, ``<5``, ``ja``/``nee``); code that needs to decide
something reads the typed columns (``terugkerend``, ``opkomend``) or the :class:`Thematype`, never the text.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

import pandas as pd

from collectief.actie import Plan
from collectief.dashboard.stand import Filter
from collectief.dashboard.weergave import getal, maandlabel
from collectief.proposals import Voorstel
from collectief.records import OVERIG, Thema
from collectief.suppress import als_tekst, onderdruk
from collectief.waarden import JaNee, Trend

__all__ = ["Kerncijfers", "Tabellen", "Thematype", "tabellen", "thematype"]


class Thematype(StrEnum):
    """Where a theme comes from, as the Thema's page shows it."""

    OVERIG = "overig"
    INDIVIDUEEL = "individuele opvolging"
    AFGESPLITST = "door het team afgesplitst"
    CATALOGUS = "bekend thema"
    ONTDEKT = "ontdekt in de gegevens"


def thematype(thema: Thema | None, thema_id: str) -> Thematype:
    """The kind of a theme; individual follow-up is read from :attr:`Thema.individueel` only."""
    if thema_id == OVERIG or thema is None:
        return Thematype.OVERIG
    if thema.individueel:
        return Thematype.INDIVIDUEEL
    if thema_id.startswith("afgesplitst_"):
        return Thematype.AFGESPLITST
    return Thematype.CATALOGUS if thema.bron == "catalogus" else Thematype.ONTDEKT


@dataclass(frozen=True)
class Kerncijfers:
    """Key figures for the period (raw: show them with :func:`~collectief.suppress.veilig_aantal`)."""

    hulpvragen: int
    huishoudens: int | None
    themas: int
    terugkerend: int
    individueel: int
    opkomend: int
    tijdwinst: tuple[float, float, float] | None
    tijdwinst_themas: int


@dataclass(frozen=True, eq=False)
class Tabellen:
    """What the pages show for one filter, from one :class:`~collectief.actie.Plan`. Display tables are already
    suppressed (``"<5"``) and written in Dutch notation.

    ``themas``: one row per theme (display columns, plus ``thema_id`` and the typed ``terugkerend`` and
    ``opkomend``); ``per_maand``: ``thema_id``, ``thema``, ``maand`` (timestamp), ``label`` (``"dec 2025"``),
    ``aantal`` (``<NA>`` below k); ``per_wijk``: theme × wijk as text; ``tijdwinst``: per theme the hours now and
    the tijdwinst of its best offer (the plan's one number), as text.
    """

    filter: Filter
    periode: str
    wijk: str
    kerncijfers: Kerncijfers
    plan: Plan
    themas: pd.DataFrame
    per_maand: pd.DataFrame
    per_wijk: pd.DataFrame
    tijdwinst: pd.DataFrame

    @property
    def k(self) -> int:
        return self.plan.k

    @property
    def voorstellen(self) -> tuple[Voorstel, ...]:
        return self.plan.voorstellen

    @property
    def opkomend(self) -> tuple[str, ...]:
        return self.plan.opkomend

    def voorstellen_tabel(self) -> pd.DataFrame:
        """The proposals as one table (the plan's)."""
        return self.plan.voorstellen_tabel()

    @property
    def weergave(self) -> pd.DataFrame:
        """``themas`` without the columns meant for code."""
        return self.themas.drop(columns=["thema_id", "terugkerend", "opkomend"])


def _themas(plan: Plan) -> pd.DataFrame:
    ruw = plan.themas_tabel()
    k = plan.k
    huishoudens_bekend = bool(ruw["huishoudens"].notna().any()) if len(ruw) else False
    rijen = []
    for r in ruw.itertuples(index=False):
        genoemd = isinstance(r.vooral_in_wijk, str) and pd.notna(r.aandeel_wijk_procent)
        wijk = f"{r.vooral_in_wijk} ({math.floor(r.aandeel_wijk_procent)}%)" if genoemd else ""
        rijen.append(
            {
                "thema_id": r.thema_id,
                "terugkerend": bool(r.terugkerend),
                "opkomend": bool(r.opkomend),
                "Thema": r.thema,
                "Hulpvragen": int(r.hulpvragen),
                "Huishoudens": int(r.huishoudens)
                if r.huishoudens is not None and not pd.isna(r.huishoudens)
                else int(r.hulpvragen),
                "Per maand": getal(r.per_maand),
                "Trend": Trend(r.trend).label,
                "Terugkerend": JaNee.van(bool(r.terugkerend)).label,
                "Opkomend": Trend(r.trend).label if r.opkomend else "",
                "Vooral in wijk": wijk,
                "Seizoen": r.piekmaanden or "",
                "Tijdwinst (uur per maand)": getal(r.tijdwinst_verwacht) if r.hulpvragen >= k else "",
                "Soort": str(thematype(plan.themas.get(r.thema_id), r.thema_id)),
                "Besluiten van het team": r.besluiten or "",
            }
        )
    kolommen = [
        "thema_id",
        "terugkerend",
        "opkomend",
        "Thema",
        "Hulpvragen",
        "Huishoudens",
        "Per maand",
        "Trend",
        "Terugkerend",
        "Opkomend",
        "Vooral in wijk",
        "Seizoen",
        "Tijdwinst (uur per maand)",
        "Soort",
        "Besluiten van het team",
    ]
    themas = als_tekst(pd.DataFrame(rijen, columns=kolommen), ["Hulpvragen", "Huishoudens"], k)
    if not huishoudens_bekend:
        themas["Huishoudens"] = "onbekend"  # the export has no household column: nothing to count
    return themas


def _tijdwinst(plan: Plan) -> pd.DataFrame:
    """The plan's tijdwinst per theme as text; no figure below k questions, for Overig or individual follow-up."""
    k = plan.k
    rijen = []
    for r in plan.tijdwinst.itertuples(index=False):
        klein = r.hulpvragen < k
        geen_aanbod = r.thema_id == OVERIG or plan.is_individueel(r.thema_id)

        def cijfer(x: float, verberg: bool) -> str:
            return "" if verberg or x is None or (isinstance(x, float) and math.isnan(x)) else getal(x)

        rijen.append(
            {
                "thema_id": r.thema_id,
                "Thema": r.thema,
                "Hulpvragen": int(r.hulpvragen),
                "Per maand": cijfer(r.per_maand, klein),
                "Minuten per hulpvraag": cijfer(r.minuten, klein),
                "Minuten uit": {"gegevens": "gegevens", "standaard": "aanname"}.get(str(r.minuten_bron), "aanname"),
                "Uren nu": cijfer(r.uren_nu, klein),
                "Beste aanbod": "" if klein or geen_aanbod or not isinstance(r.aanbod, str) else r.aanbod,
                "Kosten": cijfer(r.kosten, klein or geen_aanbod),
                "Tijdwinst laag": cijfer(r.tijdwinst_laag, klein or geen_aanbod),
                "Tijdwinst verwacht": cijfer(r.tijdwinst_verwacht, klein or geen_aanbod),
                "Tijdwinst hoog": cijfer(r.tijdwinst_hoog, klein or geen_aanbod),
            }
        )
    kolommen = [
        "thema_id",
        "Thema",
        "Hulpvragen",
        "Per maand",
        "Minuten per hulpvraag",
        "Minuten uit",
        "Uren nu",
        "Beste aanbod",
        "Kosten",
        "Tijdwinst laag",
        "Tijdwinst verwacht",
        "Tijdwinst hoog",
    ]
    return als_tekst(pd.DataFrame(rijen, columns=kolommen), ["Hulpvragen"], k)


def tabellen(plan: Plan, filter: Filter) -> Tabellen:
    """Every table the pages show for the plan of one period and wijk, small counts suppressed."""
    k = plan.k
    herhaling = plan.herhaling
    df = plan.hulpvragen
    venster_df = df[df["datum"].dt.to_period("M").isin(list(herhaling.venster))] if herhaling.venster else df
    huishoudens_bekend = bool(len(df) and df["huishouden"].notna().any())

    per_maand = herhaling.per_maand.copy()
    if len(per_maand):
        per_maand = onderdruk(per_maand, ["aantal", "huishoudens"], k)
        per_maand["thema"] = per_maand["thema_id"].map(plan.naam)
        per_maand["label"] = per_maand["maand"].map(maandlabel)
        per_maand["maand"] = per_maand["maand"].dt.to_timestamp()
    per_wijk = pd.DataFrame()
    if len(herhaling.per_wijk):
        draai = herhaling.per_wijk.pivot_table(index="thema_id", columns="wijk", values="aantal", aggfunc="sum")
        volgorde = [h.thema_id for h in herhaling.themas if h.thema_id in draai.index]
        draai = draai.reindex(volgorde).fillna(0).astype("int64")
        per_wijk = als_tekst(draai.reset_index(), list(draai.columns), k)
        per_wijk.insert(0, "Thema", per_wijk["thema_id"].map(plan.naam))
        per_wijk = per_wijk.drop(columns="thema_id")
        per_wijk.columns.name = None

    totaal = plan.tijdwinst_totaal
    terugkerend = herhaling.terugkerend
    kerncijfers = Kerncijfers(
        hulpvragen=len(venster_df),
        huishoudens=int(venster_df["huishouden"].dropna().nunique()) if huishoudens_bekend else None,
        themas=sum(1 for h in herhaling.themas if h.thema_id != OVERIG and h.hulpvragen > 0),
        terugkerend=len(terugkerend),
        individueel=sum(1 for h in terugkerend if plan.is_individueel(h.thema_id)),
        opkomend=len(plan.opkomend),
        tijdwinst=totaal[0] if totaal else None,
        tijdwinst_themas=totaal[1] if totaal else 0,
    )
    return Tabellen(
        filter=filter,
        periode=herhaling.periode,
        wijk=filter.wijk or "alle wijken",
        kerncijfers=kerncijfers,
        plan=plan,
        themas=_themas(plan),
        per_maand=per_maand,
        per_wijk=per_wijk,
        tijdwinst=_tijdwinst(plan),
    )
