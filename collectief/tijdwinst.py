"""Tijdwinst: how many hours a collective offer could save the team, as transparent arithmetic.

The model (DOMAIN.md), per theme and per month::

    uren_nu     = hulpvragen per maand × minuten per hulpvraag / 60
    kosten      = voorbereiding_uren + sessies_per_maand × uren_per_sessie × medewerkers
    tijdwinst   = uren_nu × bereik − kosten          (for bereik laag, verwacht and hoog)

* ``minuten per hulpvraag`` is the mean of the ``minuten`` column for that theme when the data holds at least
  ``Aannames.min_metingen`` values, otherwise the stated default for the theme: the team's own figure
  (:class:`Teamaannames`), else the catalogue's (``collectief/data/minuten.toml``, :func:`standaard_minuten`),
  else ``Aannames.minuten_standaard``.
* ``voorbereiding_uren`` is preparation **per month**: the recurring work (invitations, room, contact with the
  partner) plus the one-off start-up work spread over the first twelve months. A team that spends 12 hours
  setting an offer up and 1 hour a month keeping it going enters 2.
* Only hours of the wijkteam count; hours of partners and volunteers do not.
* Every assumption is a field of :class:`Aannames`, and :func:`formule_in_woorden` writes the sum out in Dutch
  with the numbers filled in, so a manager can check and change each one. There is always a low/high range.

:func:`gerealiseerd` looks back after an offer has started: questions and minutes on the theme in the months
before versus the months after.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import tomllib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from importlib import resources
from types import MappingProxyType

import numpy as np
import pandas as pd
from scipy.stats import binomtest

from collectief.errors import CollectiefFout
from collectief.records import OVERIG, Thema
from collectief.suppress import K, veilig_aantal
from collectief.waarden import Oordeel

__all__ = [
    "AANBOD_VELDEN",
    "Aannames",
    "Gerealiseerd",
    "Schatting",
    "Teamaannames",
    "formule_in_woorden",
    "gerealiseerd",
    "getal",
    "minuten_per_hulpvraag",
    "minuten_per_thema",
    "minuten_standaard",
    "schatting_voor_thema",
    "schattingen_per_thema",
    "standaard_minuten",
    "tijdwinst_per_thema",
]


def _gewoon(waarde: object) -> object:
    """A read-only mapping as a plain dict (nested one level), so a frozen record can be pickled."""
    if isinstance(waarde, MappingProxyType):
        return {k: _gewoon(v) for k, v in waarde.items()}
    return waarde


def als_pickle(self: object) -> tuple[object, tuple[object, ...]]:
    """``__reduce__`` for frozen dataclasses that keep read-only mappings (Streamlit's cache pickles them):
    rebuild through ``__init__``, which checks the values again and makes the mappings read-only again."""
    return type(self), tuple(_gewoon(getattr(self, f.name)) for f in fields(self) if f.init)  # type: ignore[arg-type]


_MINUTEN_BESTAND = "data/minuten.toml"


@functools.cache
def _minuten_uit_bestand() -> tuple[float, Mapping[str, float]]:
    """The stated default minutes per hulpvraag (``collectief/data/minuten.toml``), checked on load."""
    bestand = f"{_MINUTEN_BESTAND} (ingebouwd)"
    try:
        data = tomllib.loads(resources.files("collectief").joinpath(_MINUTEN_BESTAND).read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as fout:
        raise CollectiefFout("E009", bestand=bestand, wat=f"het is geen geldige TOML ({fout})",
                             oplossing="Controleer die regel.") from None  # fmt: skip
    onbekend = sorted(set(data) - {"versie", "standaard", "thema"})
    if onbekend or data.get("versie") != 1 or not isinstance(data.get("thema", {}), dict):
        raise CollectiefFout("E009", bestand=bestand, wat=f"onverwachte inhoud ({', '.join(onbekend) or 'versie'})",
                             oplossing="Bovenaan staan 'versie = 1' en 'standaard = ...', daarna [thema].")  # fmt: skip
    waarden = {"standaard": data.get("standaard"), **dict(data.get("thema", {}))}
    for sleutel, waarde in waarden.items():
        if not _getal_ok(waarde) or waarde <= 0:
            raise CollectiefFout("E009", bestand=bestand, wat=f"'{sleutel}' is {waarde!r}, geen aantal minuten",
                                 oplossing=f"Schrijf een getal groter dan 0, bijvoorbeeld {sleutel} = 45.")  # fmt: skip
    standaard = float(waarden.pop("standaard"))
    return standaard, MappingProxyType({k: float(v) for k, v in waarden.items()})


def standaard_minuten() -> Mapping[str, float]:
    """The stated default minutes per hulpvraag per theme id, from ``collectief/data/minuten.toml``."""
    return _minuten_uit_bestand()[1]


def minuten_standaard() -> float:
    """The stated default minutes for a theme without its own figure (discovered themes, the team's own)."""
    return _minuten_uit_bestand()[0]


_VEREIST = ("datum", "wijk", "minuten", "thema_id")


def getal(x: float, decimalen: int = 1) -> str:
    """A number in Dutch notation, rounded, without trailing zeros: ``4.5 → "4,5"``, ``15.0 → "15"``."""
    if not math.isfinite(x):
        raise ValueError(f"cannot write {x!r} as a number")
    tekst = f"{round(x, decimalen):.{decimalen}f}"
    if "." in tekst:
        tekst = tekst.rstrip("0").rstrip(".")
    if tekst in ("-0", ""):
        tekst = "0"
    return tekst.replace(".", ",")


def _procent(p: float) -> str:
    return f"{getal(p * 100, 0)}%"


def _getal_ok(waarde: object) -> bool:
    return isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)


@dataclass(frozen=True)
class Aannames:
    """Every assumption of the tijdwinst model, adjustable, checked on construction.

    ``voorbereiding_uren`` is per month (recurring preparation plus start-up work spread over twelve months).
    ``bereik_*`` is the share of the theme's hulpvragen that the collective offer takes over (0 to 1).
    ``minuten_per_thema`` overrides the per-theme default minutes; ``minuten_standaard`` is for any other theme.
    The minutes mean from the data is used instead once it rests on at least ``min_metingen`` values.
    """

    minuten_standaard: float = field(default_factory=minuten_standaard)
    minuten_per_thema: Mapping[str, float] = field(default_factory=lambda: dict(standaard_minuten()), hash=False)
    min_metingen: int = 3
    bereik_laag: float = 0.15
    bereik_verwacht: float = 0.30
    bereik_hoog: float = 0.45
    voorbereiding_uren: float = 2.0
    sessies_per_maand: float = 1.0
    uren_per_sessie: float = 2.0
    medewerkers: float = 2.0

    def __post_init__(self) -> None:
        getallen = {
            "minuten_standaard": self.minuten_standaard,
            "bereik_laag": self.bereik_laag,
            "bereik_verwacht": self.bereik_verwacht,
            "bereik_hoog": self.bereik_hoog,
            "voorbereiding_uren": self.voorbereiding_uren,
            "sessies_per_maand": self.sessies_per_maand,
            "uren_per_sessie": self.uren_per_sessie,
            "medewerkers": self.medewerkers,
        }
        for naam, waarde in getallen.items():
            if not _getal_ok(waarde):
                raise ValueError(f"De aanname '{naam}' moet een getal zijn, maar is {waarde!r}.")
            if waarde < 0:
                raise ValueError(f"De aanname '{naam}' mag niet negatief zijn, maar is {waarde}.")
        if self.minuten_standaard <= 0:
            raise ValueError("De aanname 'minuten_standaard' moet groter dan 0 zijn.")
        for naam in ("bereik_laag", "bereik_verwacht", "bereik_hoog"):
            if getallen[naam] > 1:
                raise ValueError(
                    f"De aanname '{naam}' is een aandeel tussen 0 en 1 (0,3 = 30%), maar is {getallen[naam]}."
                )
        if not self.bereik_laag <= self.bereik_verwacht <= self.bereik_hoog:
            raise ValueError(
                "Het bereik moet oplopen: laag ≤ verwacht ≤ hoog, maar is "
                f"{self.bereik_laag} / {self.bereik_verwacht} / {self.bereik_hoog}."
            )
        if isinstance(self.min_metingen, bool) or not isinstance(self.min_metingen, int) or self.min_metingen < 1:
            raise ValueError(
                f"De aanname 'min_metingen' moet een geheel getal van 1 of meer zijn: {self.min_metingen!r}."
            )
        minuten = dict(self.minuten_per_thema)
        for thema_id, waarde in minuten.items():
            if not _getal_ok(waarde) or waarde <= 0:
                raise ValueError(
                    f"De standaardminuten voor thema '{thema_id}' moeten een getal groter dan 0 zijn: {waarde!r}."
                )
        # A read-only copy, so the frozen object cannot be changed through the caller's dict.
        object.__setattr__(self, "minuten_per_thema", MappingProxyType(minuten))

    __reduce__ = als_pickle

    @property
    def kosten(self) -> float:
        """Hours per month the team puts into the collective offer."""
        return self.voorbereiding_uren + self.sessies_per_maand * self.uren_per_sessie * self.medewerkers

    @property
    def bereik(self) -> tuple[float, float, float]:
        """The reach shares (laag, verwacht, hoog)."""
        return (self.bereik_laag, self.bereik_verwacht, self.bereik_hoog)

    def standaard_minuten(self, thema_id: str) -> float:
        """The stated default minutes per hulpvraag for a theme."""
        return float(self.minuten_per_thema.get(thema_id, self.minuten_standaard))


#: The per-offer assumptions a team may change (the group fields of a catalogue offer, see :mod:`collectief.aanbod`).
AANBOD_VELDEN = (
    "bereik_laag",
    "bereik_verwacht",
    "bereik_hoog",
    "voorbereiding_uren",
    "sessies_per_maand",
    "uren_per_sessie",
    "medewerkers",
)


@dataclass(frozen=True)
class Teamaannames:
    """The team's own assumptions, on top of the catalogues: they go before every default.

    ``minuten``: minutes per hulpvraag per theme id (catalogue themes, discovered themes, themes the team made).
    ``aanbod``: per offer id, the fields of :data:`AANBOD_VELDEN` the team changed. Stored in the database by
    :mod:`collectief.aannames_opslag`; applied by :func:`collectief.actie.maak_plan`.
    """

    minuten: Mapping[str, float] = field(default_factory=dict, hash=False)
    aanbod: Mapping[str, Mapping[str, float]] = field(default_factory=dict, hash=False)

    def __post_init__(self) -> None:
        minuten = {str(t): w for t, w in dict(self.minuten).items()}
        for thema_id, waarde in minuten.items():
            if not _getal_ok(waarde) or waarde <= 0:
                raise ValueError(
                    f"De minuten per hulpvraag voor thema '{thema_id}' moeten groter dan 0 zijn: {waarde!r}."
                )
        aanbod: dict[str, Mapping[str, float]] = {}
        for aanbod_id, velden in dict(self.aanbod).items():
            velden = dict(velden)
            for veld, waarde in velden.items():
                if veld not in AANBOD_VELDEN:
                    raise ValueError(f"Onbekende aanname '{veld}' voor aanbod '{aanbod_id}'; kies uit {AANBOD_VELDEN}.")
                if not _getal_ok(waarde) or waarde < 0:
                    raise ValueError(f"De aanname '{veld}' voor aanbod '{aanbod_id}' moet een getal >= 0 zijn.")
                if veld.startswith("bereik_") and waarde > 1:
                    raise ValueError(f"Het bereik van aanbod '{aanbod_id}' is een aandeel tussen 0 en 1: {waarde}.")
            aanbod[str(aanbod_id)] = MappingProxyType({v: float(w) for v, w in velden.items()})
        object.__setattr__(self, "minuten", MappingProxyType({t: float(w) for t, w in minuten.items()}))
        object.__setattr__(self, "aanbod", MappingProxyType(aanbod))

    __reduce__ = als_pickle

    def basis(self) -> Aannames:
        """The minutes assumptions: the catalogue's per-theme defaults with the team's own figures on top."""
        return Aannames(minuten_per_thema={**standaard_minuten(), **self.minuten})

    def kenmerk(self) -> str:
        """A stable text of every value, for a cache key."""
        delen = [f"m:{t}={w!r}" for t, w in sorted(self.minuten.items())]
        delen += [f"a:{a}.{v}={w!r}" for a, velden in sorted(self.aanbod.items()) for v, w in sorted(velden.items())]
        return ";".join(delen)


@dataclass(frozen=True)
class Schatting:
    """A tijdwinst estimate for one theme: the inputs and, as properties, every step of the sum.

    ``hulpvragen`` and ``maanden`` are the count and the number of months it was taken over, when the
    estimate comes from data (then ``per_maand == hulpvragen / maanden``); both are ``None`` for a what-if
    estimate entered by hand. ``minuten_bron`` is ``"gegevens"``, ``"standaard"`` or ``"opgegeven"``.
    """

    per_maand: float
    minuten: float
    aannames: Aannames = field(default_factory=Aannames)
    thema_id: str = ""
    hulpvragen: int | None = None
    maanden: int | None = None
    minuten_bron: str = "opgegeven"

    def __post_init__(self) -> None:
        if not _getal_ok(self.per_maand) or self.per_maand < 0:
            raise ValueError(f"per_maand must be a number >= 0, got {self.per_maand!r}")
        if not _getal_ok(self.minuten) or self.minuten < 0:
            raise ValueError(f"minuten must be a number >= 0, got {self.minuten!r}")
        if self.minuten_bron not in ("gegevens", "standaard", "opgegeven"):
            raise ValueError(f"unknown minuten_bron {self.minuten_bron!r}")
        if (self.hulpvragen is None) != (self.maanden is None):
            raise ValueError("give hulpvragen and maanden together, or neither")
        if self.maanden is not None and self.maanden < 1:
            raise ValueError(f"maanden must be >= 1, got {self.maanden}")

    @property
    def uren_nu(self) -> float:
        """Hours per month the team now spends on this theme."""
        return self.per_maand * self.minuten / 60

    @property
    def kosten(self) -> float:
        """Hours per month the collective offer costs the team."""
        return self.aannames.kosten

    def _winst(self, bereik: float) -> float:
        return self.uren_nu * bereik - self.kosten

    @property
    def tijdwinst_laag(self) -> float:
        return self._winst(self.aannames.bereik_laag)

    @property
    def tijdwinst_verwacht(self) -> float:
        return self._winst(self.aannames.bereik_verwacht)

    @property
    def tijdwinst_hoog(self) -> float:
        return self._winst(self.aannames.bereik_hoog)

    @property
    def tijdwinst(self) -> tuple[float, float, float]:
        """Hours saved per month (laag, verwacht, hoog); negative means the offer costs more than it saves."""
        return (self.tijdwinst_laag, self.tijdwinst_verwacht, self.tijdwinst_hoog)

    @property
    def tijdwinst_per_jaar(self) -> tuple[float, float, float]:
        """Hours saved per year (laag, verwacht, hoog): twelve times the monthly figures."""
        return tuple(12 * w for w in self.tijdwinst)  # type: ignore[return-value]


def _controleer(hulpvragen: pd.DataFrame) -> None:
    ontbrekend = [k for k in _VEREIST if k not in hulpvragen.columns]
    if ontbrekend:
        raise ValueError(f"hulpvragen is missing columns {ontbrekend}")


def _maanden(hulpvragen: pd.DataFrame) -> pd.Series:
    return pd.to_datetime(hulpvragen["datum"]).dt.to_period("M")


def _als_maand(maand: pd.Period | str | dt.date | None) -> pd.Period | None:
    if maand is None:
        return None
    return pd.Period(maand, freq="M")


def minuten_per_hulpvraag(
    hulpvragen: pd.DataFrame, thema_id: str, aannames: Aannames | None = None
) -> tuple[float, str]:
    """Minutes per hulpvraag for a theme and where the figure comes from.

    Returns ``(mean of the data's minuten, "gegevens")`` when the theme has at least ``aannames.min_metingen``
    known values in ``hulpvragen`` (all periods, all wijken: time per question changes slowly, and more values
    give a steadier mean), else ``(stated default, "standaard")``.
    """
    return minuten_per_thema(hulpvragen, [thema_id], aannames)[thema_id]


def _venster(
    hulpvragen: pd.DataFrame, maanden: int, peilmaand: pd.Period | str | dt.date | None
) -> tuple[pd.Series, pd.Period | None, int]:
    """Month per row, the reference month and the number of window months the data covers."""
    if isinstance(maanden, bool) or not isinstance(maanden, int) or maanden < 1:
        raise ValueError(f"maanden must be a whole number >= 1, got {maanden!r}")
    maand = _maanden(hulpvragen)
    peil = _als_maand(peilmaand)
    if maand.notna().sum() == 0:
        return maand, peil, 0
    if peil is None:
        peil = maand.max()
    eerste_venster = peil - (maanden - 1)
    eerste_data = max(maand.min(), eerste_venster)
    gedekt = max(0, (peil - eerste_data).n + 1)
    return maand, peil, gedekt


def schatting_voor_thema(
    hulpvragen: pd.DataFrame,
    thema_id: str,
    aannames: Aannames | None = None,
    *,
    wijk: str | None = None,
    maanden: int = 3,
    peilmaand: pd.Period | str | dt.date | None = None,
) -> Schatting:
    """Estimate tijdwinst for one theme (optionally one wijk) from the data.

    The count is taken over the ``maanden`` calendar months ending with ``peilmaand`` (default: the latest
    month in the data); when the data starts later, only the months it covers are counted in the average.
    Rows without a date are left out of the count. Minutes come from :func:`minuten_per_hulpvraag`.
    """
    schattingen = schattingen_per_thema(
        hulpvragen, [thema_id], aannames, wijk=wijk, maanden=maanden, peilmaand=peilmaand
    )
    return schattingen[thema_id]


def minuten_per_thema(
    hulpvragen: pd.DataFrame, thema_ids: Sequence[str], aannames: Aannames | None = None
) -> dict[str, tuple[float, str]]:
    """:func:`minuten_per_hulpvraag` for many themes in one pass over the rows (it is the one implementation)."""
    aannames = aannames or Aannames()
    _controleer(hulpvragen)
    minuten = pd.to_numeric(hulpvragen["minuten"], errors="coerce")
    posities = hulpvragen.groupby("thema_id", sort=False).indices
    uit = {}
    for thema_id in thema_ids:
        # The mean of the theme's known values, summed in row order.
        waarden = minuten.iloc[posities[thema_id]].dropna() if thema_id in posities else minuten.iloc[:0]
        if len(waarden) >= aannames.min_metingen:
            uit[thema_id] = (float(waarden.mean()), "gegevens")
        else:
            uit[thema_id] = (aannames.standaard_minuten(thema_id), "standaard")
    return uit


def schattingen_per_thema(
    hulpvragen: pd.DataFrame,
    thema_ids: Sequence[str],
    aannames: Aannames | None = None,
    *,
    wijk: str | None = None,
    maanden: int = 3,
    peilmaand: pd.Period | str | dt.date | None = None,
) -> dict[str, Schatting]:
    """:func:`schatting_voor_thema` for many themes, counting the rows once (it is the one implementation)."""
    aannames = aannames or Aannames()
    _controleer(hulpvragen)
    maand, peil, gedekt = _venster(hulpvragen, maanden, peilmaand)
    minuten = minuten_per_thema(hulpvragen, thema_ids, aannames)
    if gedekt == 0 or peil is None:
        return {t: Schatting(0.0, minuten[t][0], aannames, t, 0, 1, minuten[t][1]) for t in thema_ids}
    in_venster = (maand >= peil - (gedekt - 1)) & (maand <= peil)
    if wijk is not None:
        in_venster &= hulpvragen["wijk"] == wijk
    aantallen = hulpvragen.loc[in_venster.to_numpy(), "thema_id"].value_counts()
    uit = {}
    for thema_id in thema_ids:
        n = int(aantallen.get(thema_id, 0))
        m, bron = minuten[thema_id]
        uit[thema_id] = Schatting(n / gedekt, m, aannames, thema_id, n, gedekt, bron)
    return uit


def tijdwinst_per_thema(
    hulpvragen: pd.DataFrame,
    aannames: Aannames | None = None,
    *,
    themas: Mapping[str, Thema] | None = None,
    maanden: int = 3,
    peilmaand: pd.Period | str | dt.date | None = None,
) -> pd.DataFrame:
    """Hours now and tijdwinst per month and per year for every theme in the data, with one set of assumptions.

    One row per ``thema_id`` present in ``hulpvragen``, sorted by ``uren_nu`` (descending). Columns:
    ``thema_id``, ``thema`` (name), ``hulpvragen`` (count in the window), ``maanden`` (window months covered),
    ``per_maand``, ``minuten``, ``minuten_bron``, ``uren_nu``, ``kosten``, ``tijdwinst_laag``,
    ``tijdwinst_verwacht``, ``tijdwinst_hoog`` (hours per month) and ``tijdwinst_jaar_laag``,
    ``tijdwinst_jaar_verwacht``, ``tijdwinst_jaar_hoog`` (hours per year). For ``overig`` and for
    individual-only themes (per ``themas``) the cost and tijdwinst columns are NaN: no collective offer applies.
    Counts are raw; pass the table through :func:`collectief.suppress.onderdruk` before showing a breakdown.
    """
    aannames = aannames or Aannames()
    _controleer(hulpvragen)
    themas = themas or {}
    namen = {}
    if "thema" in hulpvragen.columns:
        namen = hulpvragen.drop_duplicates("thema_id").set_index("thema_id")["thema"].to_dict()
    rijen = []
    thema_ids = sorted(hulpvragen["thema_id"].dropna().unique())
    schattingen = schattingen_per_thema(hulpvragen, thema_ids, aannames, maanden=maanden, peilmaand=peilmaand)
    for thema_id in thema_ids:
        s = schattingen[thema_id]
        thema = themas.get(thema_id)
        geen_aanbod = thema_id == OVERIG or (thema is not None and thema.individueel)
        laag, verwacht, hoog = (math.nan,) * 3 if geen_aanbod else s.tijdwinst
        rijen.append(
            {
                "thema_id": thema_id,
                "thema": thema.naam if thema is not None else str(namen.get(thema_id, thema_id)),
                "hulpvragen": s.hulpvragen,
                "maanden": s.maanden,
                "per_maand": s.per_maand,
                "minuten": s.minuten,
                "minuten_bron": s.minuten_bron,
                "uren_nu": s.uren_nu,
                "kosten": math.nan if geen_aanbod else s.kosten,
                "tijdwinst_laag": laag,
                "tijdwinst_verwacht": verwacht,
                "tijdwinst_hoog": hoog,
                "tijdwinst_jaar_laag": 12 * laag,
                "tijdwinst_jaar_verwacht": 12 * verwacht,
                "tijdwinst_jaar_hoog": 12 * hoog,
            }
        )
    kolommen = [
        "thema_id", "thema", "hulpvragen", "maanden", "per_maand", "minuten", "minuten_bron", "uren_nu", "kosten",
        "tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog",
        "tijdwinst_jaar_laag", "tijdwinst_jaar_verwacht", "tijdwinst_jaar_hoog",
    ]  # fmt: skip
    tabel = pd.DataFrame(rijen, columns=kolommen)
    return tabel.sort_values(["uren_nu", "thema_id"], ascending=[False, True], ignore_index=True)


_MINUTEN_BRON = {
    "gegevens": "gemiddelde uit de gegevens",
    "standaard": "aanname voor dit thema",
    "opgegeven": "opgegeven",
}


def formule_in_woorden(schatting: Schatting, *, k: int = K) -> str:
    """The tijdwinst sum in plain Dutch, with every number filled in, one step per line.

    When the estimate rests on fewer than ``k`` hulpvragen, no figures are written (they would reveal a small
    count); the text says so instead.
    """
    s = schatting
    a = s.aannames
    if s.hulpvragen is not None and s.hulpvragen < k:
        return (
            f"Geen schatting: in de gekozen periode zijn er {veilig_aantal(s.hulpvragen, k, woorden=True)} "
            "hulpvragen over dit thema. Zo weinig hulpvragen tonen we niet, en een collectief aanbod levert "
            "dan ook geen tijd op."
        )
    if s.hulpvragen is not None:
        aantal = (
            f"{s.hulpvragen} hulpvragen in {s.maanden} {'maand' if s.maanden == 1 else 'maanden'} "
            f"= {getal(s.per_maand)} per maand"
        )
    else:
        aantal = f"{getal(s.per_maand)} hulpvragen per maand"
    sessie = "bijeenkomst" if a.sessies_per_maand == 1 else "bijeenkomsten"
    medewerker = "medewerker" if a.medewerkers == 1 else "medewerkers"
    regels = [
        f"Tijd nu: {aantal} × {getal(s.minuten, 0)} minuten ({_MINUTEN_BRON[s.minuten_bron]}) / 60 "
        f"= {getal(s.uren_nu)} uur per maand.",
        f"Kosten van het aanbod: {getal(a.voorbereiding_uren)} uur voorbereiding + "
        f"{getal(a.sessies_per_maand, 2)} {sessie} × {getal(a.uren_per_sessie)} uur × {getal(a.medewerkers)} "
        f"{medewerker} = {getal(s.kosten)} uur per maand (alleen uren van het wijkteam; voorbereiding per maand, "
        "inclusief het opstartwerk verdeeld over het eerste jaar).",
        "Tijdwinst = tijd nu × bereik - kosten, waarbij bereik het deel van de hulpvragen is dat het aanbod overneemt:",
    ]
    for label, bereik, winst in zip(("laag", "verwacht", "hoog"), a.bereik, s.tijdwinst, strict=True):
        regels.append(
            f"- {label} (bereik {_procent(bereik)}): {getal(s.uren_nu)} × {getal(bereik, 2)} - {getal(s.kosten)} "
            f"= {getal(winst)} uur per maand ({getal(12 * winst, 0)} uur per jaar)."
        )
    if s.tijdwinst_hoog < 0:
        regels.append("Ook bij het hoogste bereik kost dit aanbod meer tijd dan het oplevert.")
    elif s.tijdwinst_verwacht < 0:
        regels.append(
            "Bij het verwachte bereik kost dit aanbod meer tijd dan het oplevert; alleen bij een hoog bereik "
            "levert het tijd op."
        )
    elif s.tijdwinst_laag < 0:
        regels.append("Bij een laag bereik kost dit aanbod meer tijd dan het oplevert.")
    return "\n".join(regels)


@dataclass(frozen=True)
class Gerealiseerd:
    """Realised tijdwinst on a theme: the months before an offer started against the months after.

    ``tijdwinst_uren_per_maand`` is hours per month before minus after, minus the offer's own monthly cost
    (positive: the team now spends less time). ``oordeel`` (:class:`~collectief.waarden.Oordeel`) is one of
    ``"te weinig gegevens"``,
    ``"minder hulpvragen"``, ``"geen duidelijk verschil"``, ``"meer hulpvragen"``; ``toelichting`` explains it
    in Dutch without writing any count below ``k``. The numeric fields are raw: suppress before showing them.
    """

    thema_id: str
    wijk: str | None
    start: dt.date
    maanden_voor: int
    maanden_na: int
    hulpvragen_voor: int
    hulpvragen_na: int
    per_maand_voor: float
    per_maand_na: float
    minuten_per_maand_voor: float
    minuten_per_maand_na: float
    kosten_per_maand: float
    tijdwinst_uren_per_maand: float
    p_waarde: float | None
    oordeel: Oordeel
    toelichting: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "oordeel", Oordeel(self.oordeel))

    @property
    def voldoende(self) -> bool:
        """Whether there was enough data to judge at all."""
        return self.oordeel is not Oordeel.TE_WEINIG_GEGEVENS


def _datum(waarde: dt.date | str | pd.Timestamp) -> dt.date:
    try:
        ts = pd.Timestamp(waarde)
    except (TypeError, ValueError) as fout:
        raise ValueError(f"start is not a date: {waarde!r}") from fout
    if pd.isna(ts):
        raise ValueError("start must be a date")
    return ts.date()


def gerealiseerd(
    hulpvragen: pd.DataFrame,
    thema_id: str,
    start: dt.date | str | pd.Timestamp,
    *,
    wijk: str | None = None,
    aannames: Aannames | None = None,
    kosten_per_maand: float = 0.0,
    min_maanden: int = 3,
    k: int = K,
    alpha: float = 0.05,
) -> Gerealiseerd:
    """Compare a theme (optionally in one wijk) before and after a collective offer started on ``start``.

    Months run over the whole export, so a month without questions on the theme counts as 0. "Before" is every
    calendar month from the first month in the data up to the month before ``start``; "after" starts with the
    month of ``start`` when it is the 1st, else with the next month (a half month would mix both), and runs to
    the last month in the data. Missing minutes are filled with :func:`minuten_per_hulpvraag`.

    The difference in questions per month is tested with an exact conditional binomial test (two Poisson
    rates): only a difference with p < ``alpha`` counts as "minder" or "meer". With fewer than ``min_maanden``
    months on either side, or fewer than ``k`` questions before the start, the verdict is "te weinig gegevens".
    A before/after comparison cannot show that the offer *caused* a change; the text says so.
    """
    aannames = aannames or Aannames()
    _controleer(hulpvragen)
    if not _getal_ok(kosten_per_maand) or kosten_per_maand < 0:
        raise ValueError(f"kosten_per_maand must be a number >= 0, got {kosten_per_maand!r}")
    startdatum = _datum(start)
    maand = _maanden(hulpvragen)
    startmaand = pd.Period(startdatum, freq="M")
    eerste_na = startmaand if startdatum.day == 1 else startmaand + 1

    keuze = hulpvragen["thema_id"] == thema_id
    if wijk is not None:
        keuze &= hulpvragen["wijk"] == wijk
    keuze &= maand.notna()
    gemiddeld, _ = minuten_per_hulpvraag(hulpvragen, thema_id, aannames)
    minuten = pd.to_numeric(hulpvragen["minuten"], errors="coerce").fillna(gemiddeld)

    if maand.notna().any():
        eerste, laatste = maand.min(), maand.max()
        maanden_voor = max(0, (startmaand - eerste).n)
        maanden_na = max(0, (laatste - eerste_na).n + 1)
    else:
        maanden_voor = maanden_na = 0
    voor = keuze & (maand < startmaand)
    na = keuze & (maand >= eerste_na)
    n_voor, n_na = int(voor.sum()), int(na.sum())
    min_voor = float(minuten[voor].sum())
    min_na = float(minuten[na].sum())
    per_voor = n_voor / maanden_voor if maanden_voor else math.nan
    per_na = n_na / maanden_na if maanden_na else math.nan
    mpm_voor = min_voor / maanden_voor if maanden_voor else math.nan
    mpm_na = min_na / maanden_na if maanden_na else math.nan
    winst = (mpm_voor - mpm_na) / 60 - kosten_per_maand

    waar = f" in {wijk}" if wijk else ""
    sinds = f"de start op {startdatum:%d-%m-%Y}"
    p_waarde: float | None = None
    if maanden_voor < min_maanden or maanden_na < min_maanden:
        oordeel = Oordeel.TE_WEINIG_GEGEVENS
        toelichting = (
            f"Te weinig gegevens: er zijn {maanden_voor} maanden vóór en {maanden_na} maanden na {sinds}; "
            f"voor een eerlijke vergelijking zijn minstens {min_maanden} hele maanden aan beide kanten nodig."
        )
    elif n_voor < k:
        oordeel = Oordeel.TE_WEINIG_GEGEVENS
        toelichting = (
            f"Te weinig gegevens: vóór {sinds} waren er {veilig_aantal(n_voor, k, woorden=True)} hulpvragen "
            f"over dit thema{waar}; een daling is dan niet te meten."
        )
    else:
        p_waarde = float(binomtest(n_na, n_voor + n_na, maanden_na / (maanden_voor + maanden_na)).pvalue)
        oordeel = Oordeel.GEEN_VERSCHIL
        if p_waarde < alpha:
            oordeel = Oordeel.MINDER if per_na < per_voor else Oordeel.MEER
        if n_na < k:
            aantallen = (
                f"vóór {sinds} gemiddeld {getal(per_voor)} hulpvragen per maand over dit thema{waar}, "
                f"daarna {veilig_aantal(n_na, k, woorden=True)} in {maanden_na} maanden"
            )
        else:
            aantallen = (
                f"vóór {sinds} gemiddeld {getal(per_voor)} hulpvragen per maand over dit thema{waar}, "
                f"daarna {getal(per_na)} per maand"
            )
        uren = f"{getal(abs((mpm_voor - mpm_na) / 60))} uur per maand {'minder' if mpm_na <= mpm_voor else 'meer'}"
        kosten = (
            f"; na aftrek van {getal(kosten_per_maand)} uur per maand voor het aanbod zelf is de tijdwinst "
            f"{getal(winst)} uur per maand"
            if kosten_per_maand
            else ""
        )
        duiding = {
            Oordeel.MINDER: "Dat is een duidelijke daling, groter dan toeval.",
            Oordeel.MEER: "Dat is een duidelijke stijging, groter dan toeval.",
            Oordeel.GEEN_VERSCHIL: "Dat verschil kan ook toeval zijn; er is nog geen duidelijk effect te zien.",
        }[oordeel]
        toelichting = (
            f"Er kwamen {aantallen} ({uren} aan individuele hulpvragen{kosten}). {duiding} Let op: een "
            "voor-na-vergelijking laat niet zien of het aanbod de oorzaak is; ook seizoen en andere "
            "veranderingen tellen mee."
        )
    return Gerealiseerd(
        thema_id=thema_id,
        wijk=wijk,
        start=startdatum,
        maanden_voor=maanden_voor,
        maanden_na=maanden_na,
        hulpvragen_voor=n_voor,
        hulpvragen_na=n_na,
        per_maand_voor=per_voor,
        per_maand_na=per_na,
        minuten_per_maand_voor=mpm_voor,
        minuten_per_maand_na=mpm_na,
        kosten_per_maand=float(kosten_per_maand),
        tijdwinst_uren_per_maand=float(winst) if np.isfinite(winst) else math.nan,
        p_waarde=p_waarde,
        oordeel=oordeel,
        toelichting=toelichting,
    )
