"""From themes to action, in one call: the plan behind every output of the monthly session.

:func:`maak_plan` takes the :class:`~collectief.analysis.Analyse` of a run, the team's decisions, the team's
assumptions, the started offers (:meth:`collectief.store.Store.gestart_aanbod`), and the period and wijk, and
returns a :class:`Plan`: themes with recurrence, proposals, tijdwinst and effects, everything the CSV files, the
report and the dashboard show. The CLI and the dashboard both call it; nothing above it recomputes recurrence or
tijdwinst. It does no I/O of its own (only the packaged catalogues are read when none is given) and knows nothing
of files or Streamlit.

All counts in the plan are raw. Whatever shows them must pass them through :mod:`collectief.suppress`; the
texts the plan carries (explanations, formulas, before/after verdicts) already do.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Protocol

import pandas as pd

from collectief.aanbod import Aanbod, Aanbodcatalogus, laad_aanbod
from collectief.decisions import Besluit, Toegepast, besluiten_uit, pas_toe
from collectief.proposals import Voorstel, stel_voor, voorstellen_tabel
from collectief.records import OVERIG, Thema
from collectief.recurrence import (
    Concentratieregel,
    Herhaling,
    Herhalingsanalyse,
    Regel,
    Trendregel,
    analyseer_herhaling,
)
from collectief.suppress import K
from collectief.tijdwinst import (
    Aannames,
    Gerealiseerd,
    Teamaannames,
    als_pickle,
    gerealiseerd,
    minuten_per_thema,
    schattingen_per_thema,
)
from collectief.waarden import Voorstelsoort

__all__ = [
    "GESTART_KOLOMMEN",
    "TIJDWINST_KOLOMMEN",
    "Actieplan",
    "Effect",
    "Periode",
    "Plan",
    "Themaresultaat",
    "effecten_van",
    "is_individueel",
    "maak_plan",
    "plan_acties",
    "plan_van",
    "zoek_aanbod",
]

#: Columns a table of started offers needs (``wijk`` and ``notitie`` are optional).
GESTART_KOLOMMEN = ("thema_id", "aanbod", "startdatum")


@dataclass(frozen=True)
class Effect:
    """A started offer and the before/after comparison on its theme (and wijk, when it was started in one).

    ``aanbod`` is the offer's name as a team member reads it; ``aanbod_id`` is its catalogue id, or ``None``
    for an offer the team set up itself (its own hours are then unknown and not subtracted).
    ``in_gegevens`` says whether the theme occurs in this analysis at all.
    """

    thema_id: str
    thema: str
    wijk: str | None
    aanbod: str
    aanbod_id: str | None
    start: dt.date
    notitie: str | None
    resultaat: Gerealiseerd
    in_gegevens: bool


@dataclass(frozen=True)
class Periode:
    """The months a plan is about: ``van`` up to and including ``tot`` (``"2026-09"`` or a ``pd.Period``).

    Without ``tot`` the period ends with the latest month in the data; without ``van`` it is ``standaard_maanden``
    long. The months before it are the trend's history, so data before ``van`` is never left out.
    """

    van: pd.Period | None = None
    tot: pd.Period | None = None
    standaard_maanden: int = 3

    def __post_init__(self) -> None:
        for naam in ("van", "tot"):
            waarde = getattr(self, naam)
            if waarde is not None and not (isinstance(waarde, str) and not waarde.strip()):
                object.__setattr__(self, naam, pd.Period(waarde, freq="M"))
            else:
                object.__setattr__(self, naam, None)
        if self.van is not None and self.tot is not None and self.van > self.tot:
            raise ValueError(f"De periode begint ({self.van}) na het einde ({self.tot}).")

    @property
    def maanden(self) -> int:
        """The number of months in the period."""
        if self.van is None or self.tot is None:
            return self.standaard_maanden
        return (self.tot - self.van).n + 1


@dataclass(frozen=True, eq=False)
class Plan:
    """Everything the outputs (CLI files, report, dashboard pages) show for one period and wijk.

    Built only by :func:`maak_plan` (or :func:`plan_van` on decisions already applied); nothing above it
    recomputes recurrence or tijdwinst.

    * ``hulpvragen`` — the hulpvragen every figure is computed from: the team's decisions applied
      (``thema_id``/``thema`` are the team's, ``oorspronkelijk_thema_id`` the engine's) and only the chosen wijk;
      ``alle_hulpvragen`` — the same for every wijk (one line per hulpvraag in ``hulpvragen.csv``);
    * ``herhaling`` — recurrence per theme (:mod:`collectief.recurrence`), over ``periode``;
    * ``voorstellen`` — ranked proposals for the recurring themes, individual follow-up items included;
    * ``tijdwinst`` — one row per theme: hours now and the tijdwinst of the theme's best group offer (the first
      in ``voorstellen``), so every output shows one number per theme per period (:meth:`tijdwinst_voor`);
    * ``effecten`` — one :class:`Effect` per started offer, in the order given;
    * ``themas`` — the themes by id after the decisions; ``toelichting`` — what the team decided, per theme;
      ``overgeslagen`` — decisions that could not be applied, with the reason;
    * ``catalogus`` — the offer catalogue with the team's per-offer assumptions applied; ``aannames`` — the
      minutes assumptions in use; ``team`` — the team's own assumptions as stored.

    All counts are raw: whatever shows them passes them through :mod:`collectief.suppress` (the texts the plan
    carries already do).
    """

    herhaling: Herhalingsanalyse
    voorstellen: tuple[Voorstel, ...]
    tijdwinst: pd.DataFrame
    effecten: tuple[Effect, ...]
    themas: Mapping[str, Thema]
    catalogus: Aanbodcatalogus
    aannames: Aannames
    k: int
    hulpvragen: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    alle_hulpvragen: pd.DataFrame = field(default_factory=pd.DataFrame, repr=False)
    periode: Periode = field(default_factory=Periode)
    wijk: str | None = None
    team: Teamaannames = field(default_factory=Teamaannames)
    toelichting: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    overgeslagen: tuple[str, ...] = ()
    pipeline: str = ""
    meldingen: tuple[str, ...] = ()

    __reduce__ = als_pickle  # Streamlit's cache_data pickles what it keeps

    # --- themes ---------------------------------------------------------------------------------------------

    def naam(self, thema_id: str) -> str:
        """A theme's name after the team's decisions; ``Overig`` for ``overig``."""
        thema = self.themas.get(thema_id)
        if thema is not None:
            return thema.naam
        if thema_id == OVERIG:
            return "Overig"
        for h in self.herhaling.themas:
            if h.thema_id == thema_id:
                return h.thema
        return thema_id

    def is_individueel(self, thema_id: str) -> bool:
        """Whether a theme is for individual follow-up only (and so never gets a group offer)."""
        return is_individueel(self.themas.get(thema_id))

    @property
    def individuele_themas(self) -> tuple[Herhaling, ...]:
        """The individual-only themes that occur in the data, in the order of ``herhaling.themas``."""
        return tuple(h for h in self.herhaling.themas if h.individueel or self.is_individueel(h.thema_id))

    @property
    def ontdekte_themas(self) -> tuple[Herhaling, ...]:
        """The discovered themes that occur in the data, in the order of ``herhaling.themas``."""
        return tuple(
            h for h in self.herhaling.themas if h.thema_id in self.themas and self.themas[h.thema_id].bron == "ontdekt"
        )

    @property
    def opkomend(self) -> tuple[str, ...]:
        """Ids of the rising or new themes with at least ``k`` questions in the period (``overig`` never)."""
        return tuple(
            h.thema_id
            for h in self.herhaling.themas
            if h.thema_id != OVERIG and h.hulpvragen >= self.k and h.trend.opkomend
        )

    def voorbeelden(self, thema_id: str, n: int = 3) -> tuple[str, ...]:
        """Up to ``n`` scrubbed notes of a theme in the period, best-fitting first; none when fewer than ``k``
        households (or, without households, questions) are behind it, and none for ``overig``."""
        if thema_id == OVERIG or not len(self.hulpvragen):
            return ()
        leden = self._leden_in_periode.get(thema_id, self.hulpvragen.iloc[:0])
        bekend = self._huishoudens_bekend
        aantal = leden["huishouden"].dropna().nunique() if bekend else len(leden)
        if aantal < self.k:
            return ()
        volgorde = [c for c in ("score", "rij") if c in leden.columns]
        if volgorde:
            leden = leden.sort_values(volgorde, ascending=[c != "score" for c in volgorde])
        return tuple(leden["tekst"].drop_duplicates().head(n))

    @functools.cached_property
    def _huishoudens_bekend(self) -> bool:
        df = self.hulpvragen
        return bool(df["huishouden"].notna().any()) if "huishouden" in df else False

    @functools.cached_property
    def _leden_in_periode(self) -> dict[str, pd.DataFrame]:
        """Per theme, its hulpvragen in the period (row order kept); worked out once per plan, not per theme."""
        df = self.hulpvragen[self._in_periode().to_numpy()]
        return {str(t): groep for t, groep in df.groupby("thema_id", sort=False)}

    def _in_periode(self) -> pd.Series:
        df = self.hulpvragen
        if not self.herhaling.venster:
            return pd.Series(True, index=df.index)
        return pd.to_datetime(df["datum"]).dt.to_period("M").isin(list(self.herhaling.venster))

    def themas_tabel(self) -> pd.DataFrame:
        """One row per theme in the data (``herhaling.themas`` order), raw values, typed (enums, bools, floats).

        Columns: ``thema_id``, ``thema``, ``bron``, ``individueel``, ``totaal`` (all months), ``hulpvragen`` and
        ``huishoudens`` (the period; ``huishoudens`` ``None`` without a household column), ``per_maand``,
        ``terugkerend``, ``trend`` (:class:`~collectief.waarden.Trend`), ``opkomend``, ``vooral_in_wijk`` and
        ``aandeel_wijk_procent`` (only when at least ``k`` of the theme's questions are in that wijk),
        ``piekmaanden``, ``uren_nu``, ``tijdwinst_laag``/``_verwacht``/``_hoog``, ``besluiten``, ``voorbeelden``.
        """
        tijdwinst = self.tijdwinst.set_index("thema_id") if len(self.tijdwinst) else pd.DataFrame()
        opkomend = set(self.opkomend)
        rijen = []
        for h in self.herhaling.themas:
            thema = self.themas.get(h.thema_id)
            genoemd = h.wijk is not None and (h.wijk_hulpvragen or 0) >= self.k
            winst = tijdwinst.loc[h.thema_id] if h.thema_id in tijdwinst.index else None
            rijen.append(
                {
                    "thema_id": h.thema_id,
                    "thema": self.naam(h.thema_id),
                    "bron": thema.bron if thema is not None else ("overig" if h.thema_id == OVERIG else ""),
                    "individueel": self.is_individueel(h.thema_id),
                    "totaal": h.totaal,
                    "hulpvragen": h.hulpvragen,
                    "huishoudens": h.huishoudens,
                    "per_maand": h.per_maand_recent if h.hulpvragen >= self.k else math.nan,
                    "terugkerend": h.terugkerend,
                    "trend": h.trend,
                    "opkomend": h.thema_id in opkomend,
                    "vooral_in_wijk": h.wijk if genoemd else None,
                    "aandeel_wijk_procent": h.wijk_procent if genoemd else None,
                    "piekmaanden": ", ".join(h.seizoen),
                    "uren_nu": float(winst["uren_nu"]) if winst is not None else math.nan,
                    "tijdwinst_laag": float(winst["tijdwinst_laag"]) if winst is not None else math.nan,
                    "tijdwinst_verwacht": float(winst["tijdwinst_verwacht"]) if winst is not None else math.nan,
                    "tijdwinst_hoog": float(winst["tijdwinst_hoog"]) if winst is not None else math.nan,
                    "besluiten": " ".join(self.toelichting.get(h.thema_id, ())),
                    "voorbeelden": self.voorbeelden(h.thema_id),
                    # A discovered theme's most distinctive terms, shown beside its name so a team can judge it.
                    "termen": ", ".join(thema.trefwoorden) if thema is not None and thema.bron == "ontdekt" else "",
                }
            )
        return pd.DataFrame(rijen, columns=_THEMA_KOLOMMEN)

    # --- proposals and tijdwinst ------------------------------------------------------------------------------

    @property
    def groepsvoorstellen(self) -> tuple[Voorstel, ...]:
        """The proposals that are not individual follow-up (group offers and generic proposals), ranked."""
        return tuple(v for v in self.voorstellen if not v.individueel)

    def beste_voorstel(self, thema_id: str) -> Voorstel | None:
        """The theme's group offer with the most expected tijdwinst (the first in the ranking), or ``None``."""
        for v in self.voorstellen:
            if v.thema_id == thema_id and v.soort is Voorstelsoort.COLLECTIEF and v.tijdwinst is not None:
                return v
        return None

    def tijdwinst_voor(self, thema_id: str) -> tuple[float, float, float] | None:
        """The theme's tijdwinst in hours per month (laag, verwacht, hoog): the one number every output shows."""
        beste = self.beste_voorstel(thema_id)
        return beste.tijdwinst if beste is not None else None

    @property
    def tijdwinst_totaal(self) -> tuple[tuple[float, float, float], int] | None:
        """The tijdwinst of every theme whose best offer is expected to save time, summed, and how many themes."""
        winsten = [w for t in self.tijdwinst["thema_id"] if (w := self.tijdwinst_voor(t)) is not None and w[1] > 0]
        if not winsten:
            return None
        som = tuple(sum(w[i] for w in winsten) for i in range(3))
        return (som[0], som[1], som[2]), len(winsten)

    def gestart_voor(self, voorstel: Voorstel) -> Effect | None:
        """The started offer matching a proposal (same theme and offer), or ``None``."""
        for effect in self.effecten:
            if effect.thema_id == voorstel.thema_id and effect.aanbod_id == voorstel.aanbod_id:
                return effect
        return None

    def voorstellen_tabel(self) -> pd.DataFrame:
        """The proposals as a table (see :func:`collectief.proposals.voorstellen_tabel`)."""
        return voorstellen_tabel(self.voorstellen)


#: The plan's own name before it became one record for every output.
Actieplan = Plan

_THEMA_KOLOMMEN = [
    "thema_id", "thema", "bron", "individueel", "totaal", "hulpvragen", "huishoudens", "per_maand", "terugkerend",
    "trend", "opkomend", "vooral_in_wijk", "aandeel_wijk_procent", "piekmaanden", "uren_nu", "tijdwinst_laag",
    "tijdwinst_verwacht", "tijdwinst_hoog", "besluiten", "voorbeelden", "termen",
]  # fmt: skip


def is_individueel(thema: Thema | None) -> bool:
    """The individual-only rule, asked in one place: only ``Thema.individueel`` decides (the theme catalogue
    refuses to unflag the safety themes, and a theme split off from one stays individual)."""
    return thema is not None and thema.individueel


def zoek_aanbod(catalogus: Aanbodcatalogus, aanbod: str) -> Aanbod | None:
    """The catalogue entry meant by ``aanbod``: its id, or its name (case and spacing ignored); else ``None``."""
    sleutel = " ".join(str(aanbod).split())
    if sleutel in catalogus:
        return catalogus[sleutel]
    gelijk = [a for a in catalogus if a.naam.casefold() == sleutel.casefold()]
    return gelijk[0] if len(gelijk) == 1 else None


def _leeg(waarde: object) -> bool:
    return waarde is None or (isinstance(waarde, float) and math.isnan(waarde)) or waarde is pd.NA or waarde is pd.NaT


def _tekst_of_none(waarde: object) -> str | None:
    if _leeg(waarde):
        return None
    tekst = " ".join(str(waarde).split())
    return tekst or None


def effecten_van(
    hulpvragen: pd.DataFrame,
    gestart: pd.DataFrame,
    catalogus: Aanbodcatalogus | None,
    naam_van: Callable[[str], str],
    *,
    in_gegevens: Collection[str] = (),
    aannames: Aannames | None = None,
    k: int = K,
    min_maanden: int = 3,
) -> tuple[Effect, ...]:
    """The before/after comparison of every started offer (rows of ``Store.gestart_aanbod()``) on its theme.

    ``naam_van`` gives a theme's name for its id; ``in_gegevens`` the theme ids present in this analysis. The
    offer's own monthly hours are subtracted when ``catalogus`` knows it (by id or name).
    """
    ontbrekend = [kolom for kolom in GESTART_KOLOMMEN if kolom not in gestart.columns]
    if ontbrekend:
        raise ValueError(f"the started offers table is missing columns {ontbrekend}")
    effecten = []
    for rij in gestart.to_dict("records"):
        thema_id = str(rij["thema_id"])
        wijk = _tekst_of_none(rij.get("wijk"))
        ingevuld = _tekst_of_none(rij["aanbod"]) or ""
        gevonden = zoek_aanbod(catalogus, ingevuld) if catalogus is not None else None
        kosten = gevonden.kosten if gevonden is not None and gevonden.kosten is not None else 0.0
        resultaat = gerealiseerd(
            hulpvragen,
            thema_id,
            rij["startdatum"],
            wijk=wijk,
            aannames=aannames,
            kosten_per_maand=kosten,
            min_maanden=min_maanden,
            k=k,
        )
        effecten.append(
            Effect(
                thema_id=thema_id,
                thema=naam_van(thema_id),
                wijk=wijk,
                aanbod=gevonden.naam if gevonden is not None else ingevuld,
                aanbod_id=gevonden.id if gevonden is not None else None,
                start=resultaat.start,
                notitie=_tekst_of_none(rij.get("notitie")),
                resultaat=resultaat,
                in_gegevens=thema_id in in_gegevens,
            )
        )
    return tuple(effecten)


def _tijdwinst_tabel(
    hulpvragen: pd.DataFrame,
    herhaling: Herhalingsanalyse,
    voorstellen: tuple[Voorstel, ...],
    aannames: Aannames,
    naam_van: Callable[[str], str],
) -> pd.DataFrame:
    """One row per theme: hours now (team-wide, over the period) and the tijdwinst of its best group offer."""
    beste: dict[str, Voorstel] = {}
    for v in voorstellen:
        if v.soort is Voorstelsoort.COLLECTIEF and v.tijdwinst is not None and v.thema_id not in beste:
            beste[v.thema_id] = v
    rijen = []
    schattingen = schattingen_per_thema(
        hulpvragen,
        [h.thema_id for h in herhaling.themas],
        aannames,
        maanden=herhaling.regel.maanden,
        peilmaand=herhaling.peilmaand,
    )
    for h in herhaling.themas:
        s = schattingen[h.thema_id]
        v = beste.get(h.thema_id)
        laag, verwacht, hoog = v.tijdwinst if v is not None and v.tijdwinst is not None else (math.nan,) * 3
        kosten = v.schatting.kosten if v is not None and v.schatting is not None else math.nan
        rijen.append(
            {
                "thema_id": h.thema_id,
                "thema": naam_van(h.thema_id),
                "hulpvragen": s.hulpvragen,
                "maanden": s.maanden,
                "per_maand": s.per_maand,
                "minuten": s.minuten,
                "minuten_bron": s.minuten_bron,
                "uren_nu": s.uren_nu,
                "aanbod_id": v.aanbod_id if v is not None else None,
                "aanbod": v.aanbod if v is not None else None,
                "wijk": v.wijk if v is not None else None,
                "kosten": kosten,
                "tijdwinst_laag": laag,
                "tijdwinst_verwacht": verwacht,
                "tijdwinst_hoog": hoog,
                "tijdwinst_jaar_laag": 12 * laag,
                "tijdwinst_jaar_verwacht": 12 * verwacht,
                "tijdwinst_jaar_hoog": 12 * hoog,
            }
        )
    tabel = pd.DataFrame(rijen, columns=TIJDWINST_KOLOMMEN)
    return tabel.sort_values(["uren_nu", "thema_id"], ascending=[False, True], ignore_index=True)


#: The columns of :attr:`Plan.tijdwinst`.
TIJDWINST_KOLOMMEN = [
    "thema_id", "thema", "hulpvragen", "maanden", "per_maand", "minuten", "minuten_bron", "uren_nu", "aanbod_id",
    "aanbod", "wijk", "kosten", "tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog", "tijdwinst_jaar_laag",
    "tijdwinst_jaar_verwacht", "tijdwinst_jaar_hoog",
]  # fmt: skip


class Themaresultaat(Protocol):
    """What :func:`maak_plan` reads from an analysis: the hulpvragen with their theme, and the themes by id."""

    @property
    def hulpvragen(self) -> pd.DataFrame: ...

    @property
    def themas_per_id(self) -> Mapping[str, Thema]: ...


def maak_plan(
    analyse: Themaresultaat,
    besluiten: Sequence[Besluit] | pd.DataFrame | None = None,
    aannames: Teamaannames | None = None,
    gestart: pd.DataFrame | None = None,
    periode: Periode | None = None,
    wijk: str | None = None,
    k: int = K,
    *,
    catalogus: Aanbodcatalogus | None = None,
    regel: Regel | None = None,
    trend: Trendregel | None = None,
    concentratie: Concentratieregel | None = None,
    max_per_thema: int | None = None,
    min_maanden_effect: int = 3,
) -> Plan:
    """The plan for one analysis: the team's decisions applied, then recurrence, proposals, tijdwinst, effects.

    ``analyse``: an :class:`~collectief.analysis.Analyse` (or anything with ``hulpvragen`` and
    ``themas_per_id``). ``besluiten``: the team's decisions (``Store.besluiten()`` or :class:`Besluit` records),
    applied oldest first. ``aannames``: the team's own assumptions (minutes per theme, per-offer reach, sessions,
    preparation, staff; ``aannames_opslag.lees(store)``), on top of the catalogues' defaults. ``gestart``: the
    started offers (``Store.gestart_aanbod()``). ``periode`` and ``wijk`` choose what the figures are about
    (default: the last 3 months of the data, all wijken). ``k`` is the small-cell threshold of every text.
    """
    meldingen = tuple(getattr(analyse, "meldingen", ()) or ())
    pipeline = str(getattr(analyse, "pipeline", "") or "")
    if isinstance(besluiten, pd.DataFrame):
        besluiten = besluiten_uit(besluiten) if len(besluiten) else ()
    toegepast = pas_toe(analyse.hulpvragen, analyse.themas_per_id, tuple(besluiten or ()))
    return plan_van(
        toegepast,
        aannames,
        gestart,
        periode,
        wijk,
        k,
        catalogus=catalogus,
        regel=regel,
        trend=trend,
        concentratie=concentratie,
        max_per_thema=max_per_thema,
        min_maanden_effect=min_maanden_effect,
        pipeline=pipeline,
        meldingen=meldingen,
    )


def plan_van(
    toegepast: Toegepast,
    aannames: Teamaannames | None = None,
    gestart: pd.DataFrame | None = None,
    periode: Periode | None = None,
    wijk: str | None = None,
    k: int = K,
    *,
    catalogus: Aanbodcatalogus | None = None,
    regel: Regel | None = None,
    trend: Trendregel | None = None,
    concentratie: Concentratieregel | None = None,
    max_per_thema: int | None = None,
    min_maanden_effect: int = 3,
    pipeline: str = "",
    meldingen: tuple[str, ...] = (),
    basis: Aannames | None = None,
) -> Plan:
    """:func:`maak_plan` on an analysis whose decisions are already applied (:func:`collectief.decisions.pas_toe`).

    ``basis`` replaces the minutes assumptions outright (for what-if tables); normally they come from the
    catalogue defaults and ``aannames``.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number >= 1, got {k!r}")
    team = aannames or Teamaannames()
    periode = periode or Periode()
    basis = basis or team.basis()
    catalogus = (catalogus or laad_aanbod()).met_aannames(team)
    themas = MappingProxyType(dict(toegepast.themas))
    alle = toegepast.hulpvragen.reset_index(drop=True)
    df = alle[alle["wijk"] == wijk].reset_index(drop=True) if wijk else alle
    regel = replace(regel or Regel(), maanden=periode.maanden)
    herhaling = analyseer_herhaling(
        df, themas, regel=regel, trend=trend, concentratie=concentratie, peilmaand=periode.tot
    )
    minuten = minuten_per_thema(df, [h.thema_id for h in herhaling.terugkerend], basis)
    voorstellen = stel_voor(
        df, herhaling, themas, catalogus=catalogus, aannames=basis, k=k, max_per_thema=max_per_thema, minuten=minuten
    )
    in_gegevens = {h.thema_id: h.thema for h in herhaling.themas}

    def naam_van(thema_id: str) -> str:
        thema = themas.get(thema_id)
        if thema is not None:
            return thema.naam
        return "Overig" if thema_id == OVERIG else in_gegevens.get(thema_id, thema_id)

    tijdwinst = _tijdwinst_tabel(df, herhaling, voorstellen, basis, naam_van)
    effecten: tuple[Effect, ...] = ()
    if gestart is not None and len(gestart):
        effecten = effecten_van(
            alle,
            gestart,
            catalogus,
            naam_van,
            in_gegevens=in_gegevens,
            aannames=basis,
            k=k,
            min_maanden=min_maanden_effect,
        )
    return Plan(
        herhaling=herhaling,
        voorstellen=voorstellen,
        tijdwinst=tijdwinst,
        effecten=effecten,
        themas=themas,
        catalogus=catalogus,
        aannames=basis,
        k=k,
        hulpvragen=df,
        alle_hulpvragen=alle,
        periode=periode,
        wijk=wijk,
        team=team,
        toelichting=MappingProxyType(dict(toegepast.toelichting)),
        overgeslagen=tuple(toegepast.overgeslagen),
        pipeline=pipeline,
        meldingen=tuple(meldingen),
    )


def plan_acties(
    analyse: Themaresultaat,
    gestart: pd.DataFrame | None = None,
    *,
    aannames: Aannames | None = None,
    k: int = K,
    catalogus: Aanbodcatalogus | None = None,
    regel: Regel | None = None,
    trend: Trendregel | None = None,
    concentratie: Concentratieregel | None = None,
    peilmaand: pd.Period | dt.date | str | None = None,
    max_per_thema: int | None = None,
    min_maanden_effect: int = 3,
) -> Plan:
    """The plan without the team's decisions, with ``aannames`` as the minutes assumptions as given.

    Kept for callers of the first version; new code calls :func:`maak_plan`.
    """
    regel = regel or Regel()
    periode = Periode(tot=pd.Period(peilmaand, freq="M") if peilmaand is not None else None,
                      standaard_maanden=regel.maanden)  # fmt: skip
    toegepast = pas_toe(analyse.hulpvragen, analyse.themas_per_id, ())
    return plan_van(
        toegepast,
        None,
        gestart,
        periode,
        None,
        k,
        catalogus=catalogus,
        regel=regel,
        trend=trend,
        concentratie=concentratie,
        max_per_thema=max_per_thema,
        min_maanden_effect=min_maanden_effect,
        pipeline=str(getattr(analyse, "pipeline", "") or ""),
        meldingen=tuple(getattr(analyse, "meldingen", ()) or ()),
        basis=aannames or Aannames(),
    )
