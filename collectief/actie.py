"""From themes to action, in one call: recurrence, proposals, tijdwinst and the effect of started offers.

:func:`plan_acties` takes the :class:`~collectief.analysis.Analyse` of a run (and, optionally, the offers the
team marked as started, as stored by :meth:`collectief.store.Store.gestart_aanbod`) and returns an
:class:`Actieplan`: everything the report, the CSV exports and the dashboard show. It does no I/O of its own
(only the packaged offer catalogue is read when none is given) and knows nothing of files or Streamlit.

All counts in the plan are raw. Whatever shows them must pass them through :mod:`collectief.suppress`; the
texts the plan carries (explanations, formulas, before/after verdicts) already do.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING

import pandas as pd

from collectief.aanbod import INDIVIDUELE_THEMAS, Aanbod, Aanbodcatalogus, laad_aanbod
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
from collectief.tijdwinst import Aannames, Gerealiseerd, gerealiseerd, tijdwinst_per_thema

if TYPE_CHECKING:
    from collectief.analysis import Analyse

__all__ = ["GESTART_KOLOMMEN", "Actieplan", "Effect", "effecten_van", "plan_acties", "zoek_aanbod"]

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


@dataclass(frozen=True, eq=False)
class Actieplan:
    """Everything the outputs need after the theme engine has run.

    * ``herhaling`` — recurrence per theme (:mod:`collectief.recurrence`);
    * ``voorstellen`` — ranked proposals for the recurring themes, individual follow-up items included
      (:mod:`collectief.proposals`);
    * ``tijdwinst`` — hours now and tijdwinst per theme under the plan's ``aannames``
      (:func:`collectief.tijdwinst.tijdwinst_per_thema`, over the same months as the recurrence);
    * ``effecten`` — one :class:`Effect` per started offer, in the order given;
    * ``themas`` — the themes by id (catalogue and discovered); ``catalogus`` — the offer catalogue used.
    """

    herhaling: Herhalingsanalyse
    voorstellen: tuple[Voorstel, ...]
    tijdwinst: pd.DataFrame
    effecten: tuple[Effect, ...]
    themas: Mapping[str, Thema]
    catalogus: Aanbodcatalogus
    aannames: Aannames
    k: int

    @property
    def groepsvoorstellen(self) -> tuple[Voorstel, ...]:
        """The proposals that are not individual follow-up (group offers and generic proposals), ranked."""
        return tuple(v for v in self.voorstellen if not v.individueel)

    def is_individueel(self, thema_id: str) -> bool:
        """Whether a theme is for individual follow-up only (and so never gets a group offer)."""
        thema = self.themas.get(thema_id)
        return thema_id in INDIVIDUELE_THEMAS or (thema is not None and thema.individueel)

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

    def gestart_voor(self, voorstel: Voorstel) -> Effect | None:
        """The started offer matching a proposal (same theme and offer), or ``None``."""
        for effect in self.effecten:
            if effect.thema_id == voorstel.thema_id and effect.aanbod_id == voorstel.aanbod_id:
                return effect
        return None

    def voorstellen_tabel(self) -> pd.DataFrame:
        """The proposals as a table (see :func:`collectief.proposals.voorstellen_tabel`)."""
        return voorstellen_tabel(self.voorstellen)


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


def plan_acties(
    analyse: Analyse,
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
) -> Actieplan:
    """Recurrence, proposals, tijdwinst and the effect of started offers for one analysis.

    ``gestart`` holds the started offers (columns ``thema_id``, ``aanbod`` (catalogue id or name),
    ``startdatum``, optionally ``wijk`` and ``notitie``), e.g. ``Store.gestart_aanbod()``. ``aannames`` supplies
    the minutes per theme and the assumptions of the general tijdwinst table; hours and reach of each proposal
    come from its catalogue offer. ``k`` is the small-cell threshold used in every text. The other arguments
    are passed to :func:`~collectief.recurrence.analyseer_herhaling` and :func:`~collectief.proposals.stel_voor`;
    ``min_maanden_effect`` is the number of whole months needed on both sides of a start date.
    """
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number >= 1, got {k!r}")
    aannames = aannames or Aannames()
    catalogus = catalogus or laad_aanbod()
    themas = MappingProxyType({t.id: t for t in analyse.model.themas_})
    hulpvragen = analyse.hulpvragen
    herhaling = analyseer_herhaling(
        hulpvragen, themas, regel=regel, trend=trend, concentratie=concentratie, peilmaand=peilmaand
    )
    voorstellen = stel_voor(
        hulpvragen, herhaling, themas, catalogus=catalogus, aannames=aannames, k=k, max_per_thema=max_per_thema
    )
    tijdwinst = tijdwinst_per_thema(
        hulpvragen, aannames, themas=themas, maanden=herhaling.regel.maanden, peilmaand=herhaling.peilmaand
    )
    # The built-in individual-only themes never get a group offer, even when the theme catalogue in use does not
    # flag them: no tijdwinst for them either.
    geen_aanbod = tijdwinst["thema_id"].map(lambda t: t == OVERIG or t in INDIVIDUELE_THEMAS)
    kolommen = [c for c in tijdwinst.columns if c == "kosten" or c.startswith("tijdwinst_")]
    tijdwinst.loc[geen_aanbod, kolommen] = math.nan
    effecten: tuple[Effect, ...] = ()
    if gestart is not None and len(gestart):
        in_gegevens = {h.thema_id: h.thema for h in herhaling.themas}

        def naam_van(thema_id: str) -> str:
            thema = themas.get(thema_id)
            return thema.naam if thema is not None else in_gegevens.get(thema_id, thema_id)

        effecten = effecten_van(
            hulpvragen,
            gestart,
            catalogus,
            naam_van,
            in_gegevens=in_gegevens,
            aannames=aannames,
            k=k,
            min_maanden=min_maanden_effect,
        )
    return Actieplan(
        herhaling=herhaling,
        voorstellen=voorstellen,
        tijdwinst=tijdwinst,
        effecten=effecten,
        themas=themas,
        catalogus=catalogus,
        aannames=aannames,
        k=k,
    )
