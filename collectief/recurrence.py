"""Recurrence: which themes keep coming back, from how many households, where, when, rising or falling.

Input is the theme engine's ``hulpvragen`` DataFrame (columns ``datum``, ``wijk``, ``huishouden``, ``thema_id``
and optionally ``thema``) and the themes by id. :func:`analyseer_herhaling` returns a
:class:`Herhalingsanalyse`: one :class:`Herhaling` per theme plus count tables.

Definitions
-----------
* **Periode** ("the last 3 months"): the ``Regel.maanden`` calendar months ending with the *peilmaand*, which is
  the latest month in the data unless given. Months before the first month in the data are not counted.
  Rows without a date count in ``totaal`` only; when no row has a date, the whole export is the period.
* **Trend**: questions per month in the period against the ``Trendregel.basis_maanden`` months before it,
  tested with an exact conditional binomial test on two Poisson rates (:func:`vergelijk_tempo`). Only a
  difference with p < alpha is ``stijgend`` or ``dalend``; otherwise ``stabiel``; ``nieuw`` when the months
  before hold no question at all on the theme; with fewer than ``min_basis_maanden`` months of history
  ``onbekend`` (:class:`~collectief.waarden.Trend`).
* **Terugkerend**: at least ``min_hulpvragen`` questions from at least ``min_huishoudens`` distinct households in
  the period. When the export holds no household at all, only the count is used (``huishoudens`` is ``None``).
* **Wijk**: a theme concentrates in a wijk when, in the period, that wijk holds at least ``wijk_min_aandeel``
  of the theme's questions, at least ``wijk_factor`` times the wijk's share of *all* questions, and at least
  ``wijk_min_aantal`` questions (so a wijk is never named on a small count).
* **Seizoen**: with at least a year of data, the three consecutive calendar months (December-January wraps)
  holding at least ``seizoen_min_aandeel`` of the theme, after correcting for months that occur twice in the
  data. With one year of data a one-off peak looks the same as a season; the wording stays factual.

All counts in the returned tables are raw. Pass breakdowns through :func:`collectief.suppress.onderdruk`
before they are shown.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field

import numpy as np
import pandas as pd
from scipy.stats import binomtest

from collectief.records import OVERIG, Thema
from collectief.waarden import Trend

__all__ = [
    "MAANDNAMEN",
    "TRENDS",
    "WIJK_ONBEKEND",
    "Concentratieregel",
    "Herhaling",
    "Herhalingsanalyse",
    "Regel",
    "Trendregel",
    "analyseer_herhaling",
    "maandnaam",
    "periode_in_woorden",
    "vergelijk_tempo",
]

MAANDNAMEN = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

TRENDS = tuple(Trend)

#: Label for questions without a wijk in the breakdown tables.
WIJK_ONBEKEND = "(onbekend)"

_VEREIST = ("datum", "wijk", "huishouden", "thema_id")


def maandnaam(maand: pd.Period | dt.date | str, *, jaar: bool = True) -> str:
    """Dutch name of a month, e.g. ``"september 2026"`` (or ``"september"`` with ``jaar=False``)."""
    p = pd.Period(maand, freq="M")
    naam = MAANDNAMEN[p.month - 1]
    return f"{naam} {p.year}" if jaar else naam


def periode_in_woorden(eerste: pd.Period, laatste: pd.Period) -> str:
    """A run of months in Dutch: ``"september 2026"``, ``"september t/m november 2026"`` or
    ``"november 2025 t/m januari 2026"``."""
    eerste, laatste = pd.Period(eerste, freq="M"), pd.Period(laatste, freq="M")
    if eerste > laatste:
        raise ValueError(f"{eerste} comes after {laatste}")
    if eerste == laatste:
        return maandnaam(eerste)
    if eerste.year == laatste.year:
        return f"{maandnaam(eerste, jaar=False)} t/m {maandnaam(laatste)}"
    return f"{maandnaam(eerste)} t/m {maandnaam(laatste)}"


def _geheel(naam: str, waarde: object, minimum: int) -> None:
    if isinstance(waarde, bool) or not isinstance(waarde, int) or waarde < minimum:
        raise ValueError(f"{naam} must be a whole number >= {minimum}, got {waarde!r}")


def _aandeel(naam: str, waarde: object, *, nul_mag: bool = False) -> None:
    ok = isinstance(waarde, int | float) and not isinstance(waarde, bool) and math.isfinite(waarde)
    if not ok or waarde > 1 or waarde < 0 or (waarde == 0 and not nul_mag):
        raise ValueError(f"{naam} must be a share in (0, 1], got {waarde!r}")


@dataclass(frozen=True)
class Regel:
    """When a theme counts as *terugkerend*: enough questions from enough households in the last months."""

    min_hulpvragen: int = 8
    min_huishoudens: int = 5
    maanden: int = 3

    def __post_init__(self) -> None:
        _geheel("min_hulpvragen", self.min_hulpvragen, 1)
        _geheel("min_huishoudens", self.min_huishoudens, 1)
        _geheel("maanden", self.maanden, 1)


@dataclass(frozen=True)
class Trendregel:
    """How the trend is judged: the period against ``basis_maanden`` months before it, at level ``alpha``."""

    basis_maanden: int = 6
    alpha: float = 0.05
    min_basis_maanden: int = 3

    def __post_init__(self) -> None:
        _geheel("basis_maanden", self.basis_maanden, 1)
        _geheel("min_basis_maanden", self.min_basis_maanden, 1)
        if self.min_basis_maanden > self.basis_maanden:
            raise ValueError("min_basis_maanden cannot exceed basis_maanden")
        _aandeel("alpha", self.alpha)


@dataclass(frozen=True)
class Concentratieregel:
    """When a theme concentrates in one wijk or one season (see the module docstring)."""

    wijk_factor: float = 1.5
    wijk_min_aandeel: float = 0.4
    wijk_min_aantal: int = 5
    seizoen_maanden: int = 3
    seizoen_min_aandeel: float = 0.5
    seizoen_min_hulpvragen: int = 12
    seizoen_min_looptijd: int = 12

    def __post_init__(self) -> None:
        if not isinstance(self.wijk_factor, int | float) or isinstance(self.wijk_factor, bool) or self.wijk_factor < 1:
            raise ValueError(f"wijk_factor must be a number >= 1, got {self.wijk_factor!r}")
        _aandeel("wijk_min_aandeel", self.wijk_min_aandeel)
        _aandeel("seizoen_min_aandeel", self.seizoen_min_aandeel)
        _geheel("wijk_min_aantal", self.wijk_min_aantal, 1)
        _geheel("seizoen_maanden", self.seizoen_maanden, 1)
        if self.seizoen_maanden > 11:
            raise ValueError("seizoen_maanden must be at most 11")
        _geheel("seizoen_min_hulpvragen", self.seizoen_min_hulpvragen, 1)
        _geheel("seizoen_min_looptijd", self.seizoen_min_looptijd, 12)


def vergelijk_tempo(
    recent: int, maanden_recent: int, basis: int, maanden_basis: int, alpha: float = 0.05
) -> tuple[Trend, float | None]:
    """Compare two Poisson rates (questions per month) with an exact conditional binomial test.

    Given ``recent + basis`` questions in total, under equal rates ``recent`` follows
    Binomial(recent + basis, maanden_recent / (maanden_recent + maanden_basis)). Returns the trend
    (``stijgend`` / ``stabiel`` / ``dalend``, or ``onbekend`` without months on a side) and the two-sided
    p-value. E.g. 3 a month for 6 months then 5 a month for 3 months (18 vs 15) gives p ≈ 0.14: ``stabiel``.
    """
    for naam, waarde in (("recent", recent), ("basis", basis)):
        _geheel(naam, waarde, 0)
    _geheel("maanden_recent", maanden_recent, 0)
    _geheel("maanden_basis", maanden_basis, 0)
    if maanden_recent == 0 or maanden_basis == 0:
        return Trend.ONBEKEND, None
    totaal = recent + basis
    if totaal == 0:
        return Trend.STABIEL, 1.0
    p = float(binomtest(recent, totaal, maanden_recent / (maanden_recent + maanden_basis)).pvalue)
    if p >= alpha:
        return Trend.STABIEL, p
    return (Trend.STIJGEND if recent / maanden_recent > basis / maanden_basis else Trend.DALEND), p


@dataclass(frozen=True)
class Herhaling:
    """Recurrence figures for one theme. Counts are raw (suppress before showing them).

    ``hulpvragen`` and ``huishoudens`` are for the period; ``huishoudens`` is ``None`` when the export holds no
    household pseudonyms. ``per_maand_basis`` is ``None`` without history. ``wijk*`` describe the wijk the theme
    concentrates in (all ``None`` when it does not); ``seizoen`` holds the Dutch month names of its peak
    months (empty when there is none).
    """

    thema_id: str
    thema: str
    individueel: bool
    bron: str | None
    totaal: int
    zonder_datum: int
    hulpvragen: int
    huishoudens: int | None
    terugkerend: bool
    trend: Trend
    per_maand_recent: float
    per_maand_basis: float | None
    basis_hulpvragen: int
    basis_maanden: int
    p_waarde: float | None
    wijk: str | None = None
    wijk_hulpvragen: int | None = None
    wijk_huishoudens: int | None = None
    wijk_aandeel: float | None = None
    wijk_aandeel_alle: float | None = None
    seizoen: tuple[str, ...] = ()
    seizoen_aandeel: float | None = None

    def __post_init__(self) -> None:
        if self.trend not in TRENDS:
            raise ValueError(f"trend must be one of {TRENDS}, got {self.trend!r}")
        object.__setattr__(self, "trend", Trend(self.trend))

    @property
    def wijk_procent(self) -> int | None:
        """The share of the theme's questions in its wijk, as a whole percentage (as every output shows it)."""
        return None if self.wijk_aandeel is None else round(100 * self.wijk_aandeel)


@dataclass(frozen=True, eq=False)
class Herhalingsanalyse:
    """The result of :func:`analyseer_herhaling`.

    ``themas``: one :class:`Herhaling` per theme in the data, most questions in the period first, ``overig``
    last. ``venster``: the months of the period (empty when the export has no dates).

    Tables (raw counts):

    * ``per_maand`` — columns ``thema_id``, ``maand`` (``Period[M]``), ``aantal``, ``huishoudens``: every theme ×
      every month from the first month in the data to the peilmaand, months without questions as 0.
    * ``per_wijk`` — columns ``thema_id``, ``wijk``, ``aantal``, ``huishoudens``, ``aandeel_thema`` (share of the
      theme's questions with a known wijk), ``aandeel_alle`` (the wijk's share of all questions with a known
      wijk): every theme × every wijk seen in the period; questions without a wijk under :data:`WIJK_ONBEKEND`
      (both shares NaN).
    * ``per_wijk_maand`` — columns ``thema_id``, ``wijk``, ``maand``, ``aantal``: all dated questions up to the
      peilmaand; combinations without questions are left out.
    """

    peilmaand: pd.Period | None
    venster: tuple[pd.Period, ...]
    regel: Regel
    huishoudens_bekend: bool
    themas: tuple[Herhaling, ...]
    per_maand: pd.DataFrame = field(repr=False)
    per_wijk: pd.DataFrame = field(repr=False)
    per_wijk_maand: pd.DataFrame = field(repr=False)

    @property
    def periode(self) -> str:
        """The period as a Dutch phrase to follow a verb: ``"van september t/m november 2026"``."""
        if not self.venster:
            return "in de hele export"
        if len(self.venster) == 1:
            return f"in {maandnaam(self.venster[0])}"
        return f"van {periode_in_woorden(self.venster[0], self.venster[-1])}"

    @property
    def terugkerend(self) -> tuple[Herhaling, ...]:
        """The recurring themes, in the order of :attr:`themas`."""
        return tuple(h for h in self.themas if h.terugkerend)

    def thema(self, thema_id: str) -> Herhaling:
        """The figures for one theme; ``KeyError`` when the theme is not in the data."""
        for h in self.themas:
            if h.thema_id == thema_id:
                return h
        raise KeyError(thema_id)

    def overzicht(self) -> pd.DataFrame:
        """One row per theme with every field of :class:`Herhaling`; ``seizoen`` joined as ``"mei, juni, juli"``."""
        rijen = []
        for h in self.themas:
            rij = asdict(h)
            rij["seizoen"] = ", ".join(h.seizoen)
            rijen.append(rij)
        kolommen = list(Herhaling.__dataclass_fields__)
        tabel = pd.DataFrame(rijen, columns=kolommen)
        for kolom in ("huishoudens", "wijk_hulpvragen", "wijk_huishoudens"):
            tabel[kolom] = tabel[kolom].astype("Int64")
        return tabel


def _seizoen(
    aantallen: np.ndarray, maand_van_jaar: np.ndarray, regel: Concentratieregel
) -> tuple[tuple[str, ...], float | None]:
    """Peak run of calendar months of one theme; ``aantallen`` per month of the run of months whose calendar
    month (1-12) is ``maand_van_jaar``. Plain numpy over twelve values, summed in the same order as before."""
    if len(maand_van_jaar) < regel.seizoen_min_looptijd or int(aantallen.sum()) < regel.seizoen_min_hulpvragen:
        return (), None
    keer = np.bincount(maand_van_jaar, minlength=13)[1:]
    som = np.bincount(maand_van_jaar, weights=aantallen, minlength=13)[1:]
    tempo = np.zeros(12)
    np.divide(som, keer, out=tempo, where=keer > 0)
    totaal = float(tempo.sum())
    if totaal == 0:
        return (), None
    beste, beste_aandeel = 1, -1.0
    for begin in range(1, 13):
        maanden = [(begin - 1 + i) % 12 for i in range(regel.seizoen_maanden)]
        aandeel = float(tempo[maanden].sum()) / totaal
        if aandeel > beste_aandeel + 1e-12:
            beste, beste_aandeel = begin, aandeel
    if beste_aandeel < regel.seizoen_min_aandeel:
        return (), None
    namen = tuple(MAANDNAMEN[(beste - 1 + i) % 12] for i in range(regel.seizoen_maanden))
    return namen, beste_aandeel


def analyseer_herhaling(
    hulpvragen: pd.DataFrame,
    themas: Mapping[str, Thema] | None = None,
    *,
    regel: Regel | None = None,
    trend: Trendregel | None = None,
    concentratie: Concentratieregel | None = None,
    peilmaand: pd.Period | dt.date | str | None = None,
) -> Herhalingsanalyse:
    """Count, per theme, how often questions come back, from how many households, where and when.

    See the module docstring for every definition. ``themas`` supplies names and the ``individueel`` flag;
    themes missing from it take their name from the ``thema`` column. ``overig`` is counted and shown but is
    never ``terugkerend``.
    """
    regel = regel or Regel()
    trend = trend or Trendregel()
    concentratie = concentratie or Concentratieregel()
    themas = themas or {}
    ontbrekend = [k for k in _VEREIST if k not in hulpvragen.columns]
    if ontbrekend:
        raise ValueError(f"hulpvragen is missing columns {ontbrekend}")

    df = pd.DataFrame(
        {
            "thema_id": hulpvragen["thema_id"].astype(str).to_numpy(),
            # The period array itself (not boxed Period objects): the column gets the same period dtype.
            "maand": pd.to_datetime(hulpvragen["datum"]).dt.to_period("M").array,
            "wijk": hulpvragen["wijk"].to_numpy(dtype=object),
            "huishouden": hulpvragen["huishouden"].to_numpy(dtype=object),
        }
    )
    df["wijk"] = df["wijk"].where(df["wijk"].notna() & (df["wijk"].astype(str).str.strip() != ""), None)
    df["huishouden"] = df["huishouden"].where(df["huishouden"].notna(), None)
    namen: dict[str, str] = {}
    if "thema" in hulpvragen.columns:
        # The first usable name of each theme, in row order; the distinct (id, name) pairs keep that order.
        paren = pd.DataFrame({"thema_id": df["thema_id"], "thema": hulpvragen["thema"].to_numpy()}).drop_duplicates()
        for thema_id, naam in zip(paren["thema_id"], paren["thema"], strict=True):
            if thema_id not in namen and isinstance(naam, str) and naam.strip():
                namen[thema_id] = naam
    huishoudens_bekend = bool(df["huishouden"].notna().any())

    gedateerd = df["maand"].notna()
    peil = pd.Period(peilmaand, freq="M") if peilmaand is not None else None
    if peil is None and gedateerd.any():
        peil = df.loc[gedateerd, "maand"].max()
    if peil is not None and gedateerd.any():
        eerste_data = min(df.loc[gedateerd, "maand"].min(), peil)
        venster_begin = max(eerste_data, peil - (regel.maanden - 1))
        venster = tuple(pd.period_range(venster_begin, peil, freq="M"))
        basis_eind = venster_begin - 1
        basis_begin = max(eerste_data, peil - (regel.maanden + trend.basis_maanden - 1))
        basis = tuple(pd.period_range(basis_begin, basis_eind, freq="M")) if basis_begin <= basis_eind else ()
        looptijd = pd.period_range(eerste_data, peil, freq="M")
        in_venster = gedateerd & df["maand"].isin(venster)
        in_basis = gedateerd & df["maand"].isin(basis)
        tot_peil = gedateerd & (df["maand"] <= peil)
    else:
        # No dates (or no dated rows): the whole export is the period and there is no history.
        venster, basis = (), ()
        looptijd = pd.PeriodIndex([], freq="M")
        in_venster = pd.Series(True, index=df.index)
        in_basis = pd.Series(False, index=df.index)
        tot_peil = pd.Series(False, index=df.index)
    n_venster_maanden = max(1, len(venster))

    # Wijk shares of all questions in the period, among questions with a known wijk.
    venster_df = df[in_venster]
    bekend = venster_df[venster_df["wijk"].notna()]
    alle_per_wijk = bekend.groupby("wijk").size()
    alle_bekend = int(alle_per_wijk.sum())

    thema_ids = sorted(df["thema_id"].unique(), key=lambda t: (t == OVERIG, t))
    # Every count per theme comes from one grouping over all rows (not one pass over 100,000 rows per theme):
    # the same integers, so the same figures.
    recent_df = df[in_venster]
    totaal = df.groupby("thema_id").size()
    zonder_datum = df[~gedateerd].groupby("thema_id").size()
    n_recent_per = recent_df.groupby("thema_id").size()
    n_basis_per = df[in_basis].groupby("thema_id").size()
    huishoudens_per = recent_df.groupby("thema_id")["huishouden"].nunique() if huishoudens_bekend else None
    recent_bekend = recent_df[recent_df["wijk"].notna()]
    wijk_groepen = recent_bekend.groupby(["thema_id", "wijk"])
    per_thema_wijk = wijk_groepen.size()
    wijk_huishoudens = wijk_groepen["huishouden"].nunique() if huishoudens_bekend else None
    wijken_van: dict[str, list[tuple[str, int]]] = {}
    for (thema_id, wijk), aantal in sorted(per_thema_wijk.items()):
        wijken_van.setdefault(thema_id, []).append((wijk, int(aantal)))
    # Questions per theme (rows) and month of the run (columns), for the seasons.
    per_thema_maand = (
        df[tot_peil].groupby(["thema_id", "maand"]).size().unstack(fill_value=0).reindex(columns=looptijd, fill_value=0)
    )
    maand_van_jaar = np.asarray(looptijd.month, dtype=np.int64)
    resultaten: list[Herhaling] = []
    for thema_id in thema_ids:
        thema = themas.get(thema_id)
        n_recent = int(n_recent_per.get(thema_id, 0))
        huishoudens = int(huishoudens_per.get(thema_id, 0)) if huishoudens_per is not None else None
        n_basis = int(n_basis_per.get(thema_id, 0))
        if len(basis) >= trend.min_basis_maanden:
            richting, p = vergelijk_tempo(n_recent, len(venster), n_basis, len(basis), trend.alpha)
            if n_basis == 0 and n_recent > 0:
                richting = Trend.NIEUW  # none at all in the months before: new, whatever the test says
        else:
            richting, p = Trend.ONBEKEND, None
        terugkerend = (
            thema_id != OVERIG
            and n_recent >= regel.min_hulpvragen
            and (huishoudens is None or huishoudens >= regel.min_huishoudens)
        )

        wijk_velden: dict[str, object] = {}
        per_wijk = wijken_van.get(thema_id, [])
        n_bekend = sum(aantal for _, aantal in per_wijk)
        if n_bekend and alle_bekend:
            kandidaten = []
            for wijk, aantal in per_wijk:
                aandeel = aantal / n_bekend
                aandeel_alle = alle_per_wijk[wijk] / alle_bekend
                if (
                    aantal >= concentratie.wijk_min_aantal
                    and aandeel >= concentratie.wijk_min_aandeel
                    and aandeel >= concentratie.wijk_factor * aandeel_alle
                ):
                    kandidaten.append((-aandeel, str(wijk), int(aantal), aandeel, aandeel_alle))
            if kandidaten:
                _, wijk, aantal, aandeel, aandeel_alle = min(kandidaten)
                wijk_velden = {
                    "wijk": wijk,
                    "wijk_hulpvragen": aantal,
                    "wijk_huishoudens": (
                        int(wijk_huishoudens[(thema_id, wijk)]) if wijk_huishoudens is not None else None
                    ),
                    "wijk_aandeel": float(aandeel),
                    "wijk_aandeel_alle": float(aandeel_alle),
                }

        seizoen: tuple[str, ...] = ()
        seizoen_aandeel = None
        if len(looptijd) and thema_id in per_thema_maand.index:
            aantallen = per_thema_maand.loc[thema_id].to_numpy(dtype=np.int64)
            seizoen, seizoen_aandeel = _seizoen(aantallen, maand_van_jaar, concentratie)

        resultaten.append(
            Herhaling(
                thema_id=thema_id,
                thema=thema.naam if thema is not None else namen.get(thema_id, thema_id),
                individueel=bool(thema.individueel) if thema is not None else False,
                bron=thema.bron if thema is not None else None,
                totaal=int(totaal[thema_id]),
                zonder_datum=int(zonder_datum.get(thema_id, 0)),
                hulpvragen=n_recent,
                huishoudens=huishoudens,
                terugkerend=terugkerend,
                trend=richting,
                per_maand_recent=n_recent / n_venster_maanden,
                per_maand_basis=n_basis / len(basis) if basis else None,
                basis_hulpvragen=n_basis,
                basis_maanden=len(basis),
                p_waarde=p,
                seizoen=seizoen,
                seizoen_aandeel=seizoen_aandeel,
                **wijk_velden,  # type: ignore[arg-type]
            )
        )
    resultaten.sort(key=lambda h: (h.thema_id == OVERIG, -h.hulpvragen, h.thema_id))

    return Herhalingsanalyse(
        peilmaand=peil,
        venster=venster,
        regel=regel,
        huishoudens_bekend=huishoudens_bekend,
        themas=tuple(resultaten),
        per_maand=_per_maand(df[tot_peil], thema_ids, looptijd),
        per_wijk=_per_wijk(venster_df, thema_ids, alle_per_wijk, alle_bekend),
        per_wijk_maand=_per_wijk_maand(df[tot_peil]),
    )


def _per_maand(df: pd.DataFrame, thema_ids: list[str], looptijd: pd.PeriodIndex) -> pd.DataFrame:
    kolommen = ["thema_id", "maand", "aantal", "huishoudens"]
    if not len(looptijd):
        typen = ["str", "period[M]", "int64", "int64"]
        return pd.DataFrame({k: pd.Series(dtype=t) for k, t in zip(kolommen, typen, strict=True)})
    rooster = pd.MultiIndex.from_product([thema_ids, looptijd], names=["thema_id", "maand"])
    groepen = df.groupby(["thema_id", "maand"])
    tabel = pd.DataFrame({"aantal": groepen.size(), "huishoudens": groepen["huishouden"].nunique()}).reindex(
        rooster, fill_value=0
    )
    tabel = tabel.astype("int64").reset_index()
    return tabel[kolommen]


def _per_wijk(
    venster_df: pd.DataFrame, thema_ids: list[str], alle_per_wijk: pd.Series, alle_bekend: int
) -> pd.DataFrame:
    kolommen = ["thema_id", "wijk", "aantal", "huishoudens", "aandeel_thema", "aandeel_alle"]
    wijken = sorted(alle_per_wijk.index.astype(str))
    if venster_df["wijk"].isna().any():
        wijken.append(WIJK_ONBEKEND)
    if not wijken:
        return pd.DataFrame(columns=kolommen)
    df = venster_df.assign(wijk=venster_df["wijk"].fillna(WIJK_ONBEKEND))
    rooster = pd.MultiIndex.from_product([thema_ids, wijken], names=["thema_id", "wijk"])
    groepen = df.groupby(["thema_id", "wijk"])
    tabel = pd.DataFrame({"aantal": groepen.size(), "huishoudens": groepen["huishouden"].nunique()})
    tabel = tabel.reindex(rooster, fill_value=0).astype("int64").reset_index()
    bekend = tabel["wijk"] != WIJK_ONBEKEND
    thema_bekend = tabel[bekend].groupby("thema_id")["aantal"].transform("sum")
    tabel["aandeel_thema"] = (tabel.loc[bekend, "aantal"] / thema_bekend.where(thema_bekend > 0)).astype(float)
    aandeel_alle = (alle_per_wijk / alle_bekend) if alle_bekend else alle_per_wijk.astype(float)
    tabel["aandeel_alle"] = tabel["wijk"].map(aandeel_alle).astype(float)
    return tabel[kolommen]


def _per_wijk_maand(df: pd.DataFrame) -> pd.DataFrame:
    kolommen = ["thema_id", "wijk", "maand", "aantal"]
    if df.empty:
        typen = ["str", "str", "period[M]", "int64"]
        return pd.DataFrame({k: pd.Series(dtype=t) for k, t in zip(kolommen, typen, strict=True)})
    df = df.assign(wijk=df["wijk"].fillna(WIJK_ONBEKEND))
    tabel = df.groupby(["thema_id", "wijk", "maand"]).size().rename("aantal").reset_index()
    return tabel.sort_values(kolommen[:3], ignore_index=True)[kolommen]
