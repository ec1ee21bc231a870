"""The team's decisions from the monthly session, applied to an analysis result.

The theme engine proposes; the team decides. Decisions are stored (:meth:`collectief.store.Store.voeg_besluit_toe`)
and applied, oldest first, to every later analysis, so a theme the team renamed keeps its name next month:

* ``hernoemen`` — the theme gets the name in ``waarde``.
* ``samenvoegen`` — the theme's hulpvragen move to the theme whose id is ``waarde``.
* ``afsplitsen`` — the theme's hulpvragen whose text contains a keyword get a theme of their own, with the id
  ``afgesplitst_<besluit-id>``; ``waarde`` holds the keyword and the new name (see :func:`splitsing`). This is
  a plain word match, no new model: what it does can be checked by reading the notes.
* ``afwijzen`` — the theme's hulpvragen move to ``overig`` (counted and shown there, never hidden); the note
  says why.

Safety comes before tidiness: a theme for individual follow-up (huiselijk geweld, verslaving, ...) cannot be
dismissed nor merged into a group theme, and a theme split off from one stays individual. A decision that
cannot be applied (its theme does not occur in these data, or it breaks that rule) is skipped and listed in
:attr:`Toegepast.overgeslagen`, with the reason in Dutch.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from types import MappingProxyType

import numpy as np
import pandas as pd

from collectief.records import OVERIG, Thema

__all__ = [
    "ACTIES",
    "ACTIE_NAMEN",
    "Actie",
    "Besluit",
    "Toegepast",
    "besluiten_uit",
    "controleer",
    "lees_splitsing",
    "pas_toe",
    "splitsing",
    "treffers",
]


class Actie(StrEnum):
    """What the team can decide about a theme. The value is what the database stores."""

    HERNOEMEN = "hernoemen"
    SAMENVOEGEN = "samenvoegen"
    AFSPLITSEN = "afsplitsen"
    AFWIJZEN = "afwijzen"

    @property
    def voltooid(self) -> str:
        """How the action reads in a sentence for the team ('hernoemd')."""
        return ACTIE_NAMEN[self]


ACTIES = tuple(a.value for a in Actie)

#: How each action reads in a sentence for the team.
ACTIE_NAMEN = {
    "hernoemen": "hernoemd",
    "samenvoegen": "samengevoegd",
    "afsplitsen": "afgesplitst",
    "afwijzen": "afgewezen",
}


@dataclass(frozen=True)
class Besluit:
    """One stored decision of the team about a theme."""

    id: int
    thema_id: str
    actie: str
    waarde: str | None = None
    notitie: str | None = None
    tijdstip: str = ""
    #: When the team undid the decision (``None``: in force). An undone decision is kept as history, not applied.
    ingetrokken: str | None = None

    def __post_init__(self) -> None:
        if self.actie not in ACTIES:
            raise ValueError(f"actie must be one of {ACTIES}, got {self.actie!r}")
        object.__setattr__(self, "actie", Actie(self.actie))


@dataclass(frozen=True, eq=False)
class Toegepast:
    """An analysis result with the team's decisions applied.

    ``hulpvragen``: the input frame with ``thema_id`` and ``thema`` updated and ``oorspronkelijk_thema_id``
    (the theme the engine gave) added. ``themas``: every theme by id, with the team's names, including themes
    split off (``overig`` is not in it). ``toelichting``: per theme id, what the team decided, in Dutch.
    ``overgeslagen``: decisions that were not applied, with the reason. ``beschrijving``: per decision id, what
    it did in one Dutch sentence with the themes' names as they were then (never an internal id).
    ``oude_namen``: per theme id, the names it had before the team renamed it, oldest first.
    """

    hulpvragen: pd.DataFrame
    themas: Mapping[str, Thema]
    toelichting: Mapping[str, tuple[str, ...]]
    overgeslagen: tuple[str, ...]
    beschrijving: Mapping[int, str] = field(default_factory=lambda: MappingProxyType({}))
    oude_namen: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))

    def naam(self, thema_id: str) -> str:
        """The name a theme has after the decisions; ``Overig`` for ``overig``."""
        thema = self.themas.get(thema_id)
        return thema.naam if thema is not None else ("Overig" if thema_id == OVERIG else thema_id)


def splitsing(trefwoord: str, naam: str) -> str:
    """The ``waarde`` of an ``afsplitsen`` decision: the keyword and the new theme's name."""
    return json.dumps({"trefwoord": trefwoord.strip(), "naam": naam.strip()}, ensure_ascii=False)


def lees_splitsing(waarde: str | None) -> tuple[str, str]:
    """Keyword and new name from an ``afsplitsen`` value; a bare word is both keyword and (capitalised) name."""
    tekst = (waarde or "").strip()
    try:
        data = json.loads(tekst)
    except ValueError:
        data = None
    if isinstance(data, dict):
        trefwoord = str(data.get("trefwoord") or "").strip()
        naam = str(data.get("naam") or "").strip()
    else:
        trefwoord, naam = tekst, ""
    return trefwoord, naam or trefwoord[:1].upper() + trefwoord[1:]


def besluiten_uit(tabel: pd.DataFrame) -> tuple[Besluit, ...]:
    """The decisions in the store's table (:meth:`~collectief.store.Store.besluiten`), oldest first, undone ones
    included (:attr:`Besluit.ingetrokken` set)."""
    uit = []
    for rij in tabel.sort_values("id").itertuples(index=False):
        ingetrokken = getattr(rij, "ingetrokken", None)
        uit.append(
            Besluit(
                id=int(rij.id),
                thema_id=str(rij.thema_id),
                actie=str(rij.actie),
                waarde=None if pd.isna(rij.waarde) else str(rij.waarde),
                notitie=None if pd.isna(rij.notitie) else str(rij.notitie),
                tijdstip=str(rij.tijdstip),
                ingetrokken=None if ingetrokken is None or pd.isna(ingetrokken) else str(ingetrokken),
            )
        )
    return tuple(uit)


def _vouw(tekst: str) -> str:
    """Lower case without accents, so 'Scootmobiël' matches 'scootmobiel'."""
    tekst = unicodedata.normalize("NFKD", tekst)
    return "".join(c for c in tekst if not unicodedata.combining(c)).lower()


def _woordpatroon(trefwoord: str) -> re.Pattern[str]:
    # At the start of a word, so 'toeslag' finds 'toeslagen' but 'slag' does not find 'toeslag'.
    return re.compile(r"(?<!\w)" + re.escape(_vouw(trefwoord)))


def treffers(teksten: Sequence[str], trefwoord: str) -> list[bool]:
    """Which texts contain the keyword at the start of a word, ignoring case and accents (the split rule)."""
    patroon = _woordpatroon(trefwoord)
    return [bool(patroon.search(_vouw(str(t)))) for t in teksten]


def controleer(besluit: Besluit, themas: Mapping[str, Thema], aanwezig: set[str] | None = None) -> str | None:
    """Why ``besluit`` cannot be applied to these themes (Dutch), or ``None`` when it can.

    ``themas`` are the themes as they stand before this decision; ``aanwezig`` the theme ids that have
    hulpvragen (``None``: do not check).
    """
    bron = themas.get(besluit.thema_id)
    naam = bron.naam if bron is not None else ("Overig" if besluit.thema_id == OVERIG else besluit.thema_id)
    if besluit.thema_id != OVERIG and bron is None:
        # Never the internal id: the theme was not found again by a later analysis, so it has no name here.
        return "het thema van dit besluit komt in deze gegevens niet voor (een nieuwe analyse vond het niet terug)"
    if aanwezig is not None and besluit.thema_id not in aanwezig and besluit.actie is not Actie.HERNOEMEN:
        return f"het thema '{naam}' heeft in deze gegevens geen hulpvragen"
    if besluit.actie is Actie.HERNOEMEN:
        nieuw = (besluit.waarde or "").strip()
        if besluit.thema_id == OVERIG:
            return "'Overig' houdt zijn naam: daar staan de hulpvragen die bij geen thema horen"
        if not nieuw:
            return "een nieuwe naam ontbreekt"
        andere = {t.naam.casefold() for i, t in themas.items() if i != besluit.thema_id} | {"overig"}
        if nieuw.casefold() in andere:
            return f"de naam '{nieuw}' is al van een ander thema; kies een andere naam of voeg de thema's samen"
        return None
    if besluit.actie is Actie.SAMENVOEGEN:
        doel_id = (besluit.waarde or "").strip()
        doel = themas.get(doel_id)
        if besluit.thema_id == OVERIG:
            return "'Overig' kan niet worden samengevoegd; splits er eventueel een thema uit af"
        if doel_id == besluit.thema_id:
            return "een thema kan niet met zichzelf worden samengevoegd"
        if doel is None:
            return "het thema om mee samen te voegen komt in deze gegevens niet voor"
        if bron is not None and bron.individueel and not doel.individueel:
            return (
                f"'{naam}' is een thema voor individuele opvolging en kan niet opgaan in het groepsthema '{doel.naam}'"
            )
        return None
    if besluit.actie is Actie.AFSPLITSEN:
        trefwoord, nieuwe_naam = lees_splitsing(besluit.waarde)
        if len(trefwoord) < 3:
            return "geef een trefwoord van minstens 3 letters"
        if nieuwe_naam.casefold() in {t.naam.casefold() for t in themas.values()} | {"overig"}:
            return f"de naam '{nieuwe_naam}' is al van een ander thema"
        return None
    # afwijzen
    if besluit.thema_id == OVERIG:
        return "'Overig' kan niet worden afgewezen"
    if bron is not None and bron.individueel:
        return (
            f"'{naam}' is een thema voor individuele opvolging; elke hulpvraag daarover vraagt opvolging, dus het "
            "thema kan niet worden afgewezen"
        )
    return None


def _zin(besluit: Besluit, themas: Mapping[str, Thema]) -> str:
    """What a decision does, in one Dutch sentence with the themes' names in ``themas`` (never an internal id)."""

    def naam(thema_id: str) -> str:
        thema = themas.get(thema_id)
        if thema is not None:
            return f"'{thema.naam}'"
        return "'Overig'" if thema_id == OVERIG else "een thema dat niet meer voorkomt"

    oud = naam(besluit.thema_id)
    if besluit.actie is Actie.HERNOEMEN:
        zin = f"{oud} hernoemd tot '{(besluit.waarde or '').strip()}'."
    elif besluit.actie is Actie.SAMENVOEGEN:
        zin = f"{oud} samengevoegd met {naam((besluit.waarde or '').strip())}."
    elif besluit.actie is Actie.AFSPLITSEN:
        trefwoord, nieuw = lees_splitsing(besluit.waarde)
        zin = f"Uit {oud} afgesplitst op het woord '{trefwoord}': '{nieuw}'."
    else:
        zin = f"{oud} afgewezen (de hulpvragen staan nu onder Overig)."
    return zin[:1].upper() + zin[1:]


def pas_toe(hulpvragen: pd.DataFrame, themas: Mapping[str, Thema], besluiten: Sequence[Besluit]) -> Toegepast:
    """Apply the decisions, oldest first, to an analysis result.

    ``hulpvragen`` has at least ``thema_id`` and ``tekst``; ``themas`` are the themes of the analysis by id.
    The input is not changed.
    """
    df = hulpvragen.copy()
    df["oorspronkelijk_thema_id"] = df["thema_id"]
    labels = df["thema_id"].astype(object).to_numpy(copy=True)
    stand: dict[str, Thema] = {i: t for i, t in themas.items() if i != OVERIG}
    toelichting: dict[str, list[str]] = {}
    overgeslagen: list[str] = []
    beschrijving: dict[int, str] = {}
    oude_namen: dict[str, list[str]] = {}
    gevouwen: list[str] | None = None

    def noteer(thema_id: str, zin: str, besluit: Besluit) -> None:
        notitie = f" Notitie: {besluit.notitie.strip()}" if besluit.notitie and besluit.notitie.strip() else ""
        toelichting.setdefault(thema_id, []).append(zin + notitie)

    for besluit in sorted(besluiten, key=lambda b: b.id):
        if besluit.ingetrokken is not None:
            # Undone: not applied, so everything after it reads as if it was never taken; described with the
            # names as they stand at its place in the history.
            beschrijving[besluit.id] = _zin(besluit, stand)
            continue
        aanwezig = set(labels)
        reden = controleer(besluit, stand, aanwezig)
        if reden is not None:
            overgeslagen.append(f"Besluit {besluit.id} ({besluit.actie}) niet toegepast: {reden}.")
            beschrijving[besluit.id] = f"{_zin(besluit, stand)} Niet toegepast: {reden}."
            continue
        beschrijving[besluit.id] = _zin(besluit, stand)  # with the names before the decision
        oud = stand.get(besluit.thema_id)
        oude_naam = oud.naam if oud is not None else "Overig"
        van_thema = labels == besluit.thema_id
        if besluit.actie is Actie.HERNOEMEN:
            nieuw = (besluit.waarde or "").strip()
            stand[besluit.thema_id] = replace(oud, naam=nieuw)  # type: ignore[arg-type]
            oude_namen.setdefault(besluit.thema_id, []).append(oude_naam)
            noteer(besluit.thema_id, f"Hernoemd door het team (was: '{oude_naam}').", besluit)
        elif besluit.actie is Actie.SAMENVOEGEN:
            doel_id = (besluit.waarde or "").strip()
            labels[van_thema] = doel_id
            noteer(doel_id, f"'{oude_naam}' is hierbij gevoegd.", besluit)
        elif besluit.actie is Actie.AFSPLITSEN:
            trefwoord, naam = lees_splitsing(besluit.waarde)
            if gevouwen is None:
                gevouwen = [_vouw(str(t)) for t in df["tekst"]]
            patroon = _woordpatroon(trefwoord)
            geraakt = van_thema & np.array([bool(patroon.search(t)) for t in gevouwen], dtype=bool)
            nieuw_id = f"afgesplitst_{besluit.id}"
            labels[geraakt] = nieuw_id
            stand[nieuw_id] = Thema(
                id=nieuw_id,
                naam=naam,
                beschrijving=f"Door het team afgesplitst van '{oude_naam}': hulpvragen met het woord '{trefwoord}'.",
                trefwoorden=(trefwoord,),
                individueel=bool(oud.individueel) if oud is not None else False,
                bron=oud.bron if oud is not None else "ontdekt",
            )
            noteer(nieuw_id, f"Afgesplitst van '{oude_naam}' op het woord '{trefwoord}'.", besluit)
            noteer(besluit.thema_id, f"Hulpvragen met '{trefwoord}' zijn afgesplitst als '{naam}'.", besluit)
        else:
            labels[van_thema] = OVERIG
            noteer(besluit.thema_id, "Afgewezen door het team; de hulpvragen staan nu onder Overig.", besluit)
            noteer(OVERIG, f"Bevat ook de hulpvragen van het afgewezen thema '{oude_naam}'.", besluit)

    df["thema_id"] = labels
    df["thema"] = [stand[t].naam if t in stand else "Overig" for t in labels]
    return Toegepast(
        hulpvragen=df,
        themas=stand,
        toelichting={k: tuple(v) for k, v in toelichting.items()},
        overgeslagen=tuple(overgeslagen),
        beschrijving=MappingProxyType(beschrijving),
        oude_namen=MappingProxyType({k: tuple(v) for k, v in oude_namen.items()}),
    )
