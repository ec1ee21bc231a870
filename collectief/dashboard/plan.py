"""The plan behind every page: the backend's one plan (:func:`collectief.actie.plan_van`) for the team's view and
the sidebar's filter, and the team's assumptions as the Tijdwinst page edits them.

Nothing here recomputes recurrence, proposals or tijdwinst: the pages show what the plan holds, so Overzicht,
Voorstellen, Tijdwinst, the report and the CSVs show one number per theme per period.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from collectief.aanbod import Aanbod, Aanbodcatalogus
from collectief.actie import Periode, Plan, plan_van
from collectief.dashboard.stand import Filter, Stand
from collectief.decisions import Toegepast
from collectief.suppress import K
from collectief.tijdwinst import AANBOD_VELDEN, Teamaannames, standaard_minuten

__all__ = [
    "AANBOD_VELDEN",
    "groepsaanbod",
    "maak_plan",
    "met_aanbod",
    "met_minuten",
    "periode_van",
    "standaard_minuten",
]


def periode_van(filter: Filter) -> Periode:
    """The plan's period for the sidebar's filter."""
    if filter.van is None or filter.tot is None:
        return Periode()
    return Periode(van=pd.Period(filter.van, "M"), tot=pd.Period(filter.tot, "M"))


def maak_plan(
    stand: Stand,
    filter: Filter,
    team: Teamaannames | None = None,
    gestart: pd.DataFrame | None = None,
    aanbod: Aanbodcatalogus | None = None,
    k: int = K,
) -> Plan:
    """The plan for the team's view (decisions applied) and the filter, with the team's assumptions."""
    toegepast = Toegepast(stand.hulpvragen, stand.themas, stand.toelichting, stand.overgeslagen)
    return plan_van(
        toegepast,
        team,
        gestart,
        periode_van(filter),
        filter.wijk,
        k,
        catalogus=aanbod,
        pipeline=stand.pipeline,
        meldingen=stand.meldingen,
    )


def groepsaanbod(catalogus: Aanbodcatalogus) -> tuple[Aanbod, ...]:
    """The catalogue's group offers (the ones whose assumptions the team can set), by theme then name."""
    return tuple(
        sorted((a for a in catalogus.items.values() if a.soort == "collectief"), key=lambda a: (a.thema, a.naam))
    )


def met_minuten(team: Teamaannames, thema_id: str, minuten: float) -> Teamaannames:
    """The team's assumptions with its own minutes per hulpvraag for one theme."""
    return Teamaannames(minuten={**team.minuten, thema_id: float(minuten)}, aanbod=team.aanbod)


def met_aanbod(team: Teamaannames, aanbod_id: str, velden: Mapping[str, float]) -> Teamaannames:
    """The team's assumptions with new values for one offer (``velden`` from :data:`AANBOD_VELDEN`)."""
    aanbod = {a: dict(v) for a, v in team.aanbod.items()}
    aanbod[aanbod_id] = {**aanbod.get(aanbod_id, {}), **{v: float(w) for v, w in velden.items()}}
    return Teamaannames(minuten=team.minuten, aanbod=aanbod)
