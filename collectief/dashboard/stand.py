"""What every page starts from: the kept analysis with the team's decisions applied (:class:`Stand`), and the
sidebar's filter (:class:`Filter`: period and wijk)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

import pandas as pd

from collectief.dashboard.werkruimte import Basis
from collectief.decisions import besluiten_uit, pas_toe
from collectief.records import OVERIG, Thema

__all__ = ["Filter", "Stand", "gefilterd", "maak_stand", "standaardfilter"]


@dataclass(frozen=True, eq=False)
class Stand:
    """The analysis with the team's decisions applied: what every page starts from.

    ``maanden``: every month from the first to the last in the data (``"2026-09"``); ``wijken``: sorted.
    ``beschrijving``: per decision id, what it did, with names (see :class:`collectief.decisions.Toegepast`);
    ``oude_namen``: the names a theme had before the team renamed it.
    """

    hulpvragen: pd.DataFrame
    themas: dict[str, Thema]
    toelichting: dict[str, tuple[str, ...]]
    overgeslagen: tuple[str, ...]
    pipeline: str
    meldingen: tuple[str, ...]
    maanden: tuple[str, ...]
    wijken: tuple[str, ...]
    beschrijving: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    oude_namen: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def naam(self, thema_id: str) -> str:
        """The theme's name after the team's decisions (``Overig`` for the rest)."""
        thema = self.themas.get(thema_id)
        return thema.naam if thema is not None else ("Overig" if thema_id == OVERIG else thema_id)


def maak_stand(basis: Basis, besluiten: pd.DataFrame) -> Stand:
    """Apply the stored decisions (``Store.besluiten()``) to an analysis."""
    toegepast = pas_toe(basis.hulpvragen, basis.themas, besluiten_uit(besluiten))
    df = toegepast.hulpvragen
    datums = df["datum"].dropna()
    maanden: tuple[str, ...] = ()
    if len(datums):
        reeks = pd.period_range(datums.min().to_period("M"), datums.max().to_period("M"), freq="M")
        maanden = tuple(str(p) for p in reeks)
    wijken = tuple(sorted(str(w) for w in df["wijk"].dropna().unique() if str(w).strip()))
    return Stand(
        hulpvragen=df,
        themas=dict(toegepast.themas),
        toelichting=dict(toegepast.toelichting),
        overgeslagen=toegepast.overgeslagen,
        pipeline=basis.pipeline,
        meldingen=basis.meldingen,
        maanden=maanden,
        wijken=wijken,
        beschrijving=toegepast.beschrijving,
        oude_namen=toegepast.oude_namen,
    )


@dataclass(frozen=True)
class Filter:
    """Period (``van``/``tot`` as ``"2026-09"``, inclusive) and wijk (``None``: all)."""

    van: str | None = None
    tot: str | None = None
    wijk: str | None = None

    @property
    def maanden(self) -> int:
        """How many months the period spans (3 when it is open)."""
        if self.van is None or self.tot is None:
            return 3
        return max(1, (pd.Period(self.tot, freq="M") - pd.Period(self.van, freq="M")).n + 1)


def standaardfilter(stand: Stand, maanden: int = 3) -> Filter:
    """The last ``maanden`` months of the data, all wijken."""
    if not stand.maanden:
        return Filter()
    return Filter(stand.maanden[max(0, len(stand.maanden) - maanden)], stand.maanden[-1], None)


def gefilterd(stand: Stand, filter: Filter) -> pd.DataFrame:
    """The hulpvragen of the filter's wijk. Months before the period stay in: the trend compares the period with
    the months before it."""
    df = stand.hulpvragen
    if filter.wijk:
        df = df[df["wijk"] == filter.wijk]
    return df.reset_index(drop=True)
