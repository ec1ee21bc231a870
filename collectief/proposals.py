"""Proposals (voorstellen): a collective offer for every recurring theme, explained with the figures.

For each theme that :mod:`collectief.recurrence` marks as *terugkerend*:

* a theme that concentrates in one wijk gets proposals for that wijk, with the tijdwinst computed on that
  wijk's questions (the offer is held there); otherwise the proposals are team-wide;
* a theme with group offers in the catalogue gets one :class:`Voorstel` per offer, with tijdwinst
  low/expected/high per month from :mod:`collectief.tijdwinst`;
* a theme without an offer of its own (usually a discovered theme) gets the catalogue's generic proposal;
* an individual-only theme (``Thema.individueel``; the catalogue keeps the safety themes flagged) never gets a
  group offer, only a flagged individual follow-up item (``individueel=True``), without a wijk.

Explanations are built from the figures and never write a count below ``k`` (they say "minder dan 5").
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from collectief.aanbod import Aanbod, Aanbodcatalogus, laad_aanbod
from collectief.records import Thema
from collectief.recurrence import Herhaling, Herhalingsanalyse
from collectief.suppress import K, veilig_aantal
from collectief.tijdwinst import Aannames, Schatting, formule_in_woorden, getal, minuten_per_hulpvraag
from collectief.waarden import Trend, Voorstelsoort

__all__ = ["Voorstel", "stel_voor", "voorstellen_tabel"]


@dataclass(frozen=True)
class Voorstel:
    """One proposal for a recurring theme.

    ``soort`` is ``"collectief"`` (a group offer from the catalogue), ``"algemeen"`` (discuss in the monthly
    session) or ``"individueel"`` (individual follow-up, flagged with ``individueel=True``). Tijdwinst fields
    are hours per month and only set for group offers with dated data. ``berekening`` is the tijdwinst sum in
    Dutch (empty when there is none).
    """

    thema_id: str
    thema: str
    wijk: str | None
    aanbod_id: str
    aanbod: str
    partners: tuple[str, ...]
    uitleg: str
    soort: Voorstelsoort
    individueel: bool
    tijdwinst_laag: float | None = None
    tijdwinst_verwacht: float | None = None
    tijdwinst_hoog: float | None = None
    berekening: str = ""
    #: The estimate behind the tijdwinst (hulpvragen, minutes, the offer's assumptions), for the plan's tables.
    schatting: Schatting | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.soort not in tuple(Voorstelsoort):
            raise ValueError(f"unknown soort {self.soort!r}")
        object.__setattr__(self, "soort", Voorstelsoort(self.soort))
        if self.individueel != (self.soort == "individueel"):
            raise ValueError("individueel must be True exactly for soort 'individueel'")
        winst = (self.tijdwinst_laag, self.tijdwinst_verwacht, self.tijdwinst_hoog)
        if self.soort != "collectief" and any(w is not None for w in winst):
            raise ValueError(f"a {self.soort} item has no tijdwinst")
        if any(w is None for w in winst) and any(w is not None for w in winst):
            raise ValueError("give all three tijdwinst figures or none")
        if self.individueel and self.wijk is not None:
            raise ValueError("individual follow-up is not tied to a wijk")

    @property
    def tijdwinst(self) -> tuple[float, float, float] | None:
        if self.tijdwinst_verwacht is None:
            return None
        return (self.tijdwinst_laag, self.tijdwinst_verwacht, self.tijdwinst_hoog)  # type: ignore[return-value]


def _hoofdletter(tekst: str) -> str:
    return tekst[:1].upper() + tekst[1:]


def _tempo(n: int, maanden: int, k: int) -> str:
    """Questions per month, or "minder dan k hulpvragen" when the count behind the average is small."""
    if n < k:
        return f"minder dan {k} hulpvragen"
    return f"{getal(n / maanden)} per maand"


def _trend(h: Herhaling, n_maanden: int, k: int) -> str:
    if h.trend is Trend.ONBEKEND:
        return ""
    if h.trend is Trend.STABIEL:
        return "stabiel"
    recent = "de laatste maand" if n_maanden == 1 else f"de laatste {n_maanden} maanden"
    basis = "de maand ervoor" if h.basis_maanden == 1 else f"de {h.basis_maanden} maanden ervoor"
    if h.trend is Trend.NIEUW:
        return f"nieuw: {_tempo(h.hulpvragen, n_maanden, k)} in {recent}, geen in {basis}"
    return (
        f"{h.trend}: {_tempo(h.hulpvragen, n_maanden, k)} in {recent}, tegen "
        f"{_tempo(h.basis_hulpvragen, h.basis_maanden, k)} in {basis}"
    )


def _opsomming(woorden: tuple[str, ...] | list[str]) -> str:
    if len(woorden) <= 1:
        return "".join(woorden)
    return f"{', '.join(woorden[:-1])} en {woorden[-1]}"


def _feiten(h: Herhaling, naam: str, analyse: Herhalingsanalyse, wijk: str | None, k: int) -> str:
    """The figures behind a proposal, in Dutch, with every count passed through the small-cell rule."""
    periode = analyse.periode
    n_maanden = max(1, len(analyse.venster))
    trend = _trend(h, n_maanden, k)
    zinnen = []
    if wijk is not None:
        n, huishoudens = h.wijk_hulpvragen or 0, h.wijk_huishoudens
        zin = f"In {wijk} kwamen {periode} {veilig_aantal(n, k, woorden=True)} hulpvragen"
    else:
        n, huishoudens = h.hulpvragen, h.huishoudens
        zin = f"{_hoofdletter(periode)} kwamen {veilig_aantal(n, k, woorden=True)} hulpvragen"
    zin += f" over het thema {naam} binnen"
    if huishoudens is not None:
        zin += f", van {veilig_aantal(huishoudens, k, woorden=True)} huishoudens"
    if wijk is None and trend:
        zin += f" ({trend})"
    zinnen.append(zin + ".")
    if wijk is not None:
        zinnen.append(
            f"Dat is {getal(100 * (h.wijk_aandeel or 0), 0)}% van deze hulpvragen, terwijl {wijk} "
            f"{getal(100 * (h.wijk_aandeel_alle or 0), 0)}% van alle hulpvragen heeft."
        )
        if trend:
            onderwerp = "het thema" if h.trend is Trend.NIEUW else "het aantal"
            zinnen.append(f"In het hele werkgebied is {onderwerp} {trend}.")
    if h.seizoen:
        zinnen.append(
            f"Ze komen vooral in {_opsomming(list(h.seizoen))} "
            f"({getal(100 * (h.seizoen_aandeel or 0), 0)}% van de hulpvragen over dit thema)."
        )
    return " ".join(zinnen)


def _partners(aanbod: Aanbod) -> str:
    if aanbod.individueel:
        return f"Overleg met: {', '.join(aanbod.partners)}."
    eerste, *rest = aanbod.partners
    tekst = f"Eerste partner om te benaderen: {eerste}"
    if rest:
        tekst += f" (ook mogelijk: {', '.join(rest)})"
    return tekst + "."


def _is_individueel(h: Herhaling, thema: Thema | None) -> bool:
    # The one question: Thema.individueel (the catalogue loader keeps the safety themes flagged).
    return thema.individueel if thema is not None else h.individueel


def stel_voor(
    hulpvragen: pd.DataFrame,
    analyse: Herhalingsanalyse,
    themas: Mapping[str, Thema] | None = None,
    *,
    catalogus: Aanbodcatalogus | None = None,
    aannames: Aannames | None = None,
    k: int = K,
    max_per_thema: int | None = None,
    minuten: Mapping[str, tuple[float, str]] | None = None,
) -> tuple[Voorstel, ...]:
    """Ranked proposals for every recurring theme in ``analyse``.

    ``hulpvragen`` is the frame the analysis was made from (for the minutes per question). ``aannames``
    supplies the minutes defaults; hours, frequency and reach come from each catalogue offer. ``max_per_thema``
    keeps only the best group offers per theme. ``minuten``: the minutes per hulpvraag and their source per theme
    when the caller has them already (:func:`collectief.tijdwinst.minuten_per_thema` on ``hulpvragen``).

    Order: group offers by expected tijdwinst per month (highest first; offers without an estimate after
    them), then generic proposals, then individual follow-up items, each by number of questions.
    """
    catalogus = catalogus or laad_aanbod()
    aannames = aannames or Aannames()
    themas = themas or {}
    if max_per_thema is not None and max_per_thema < 1:
        raise ValueError("max_per_thema must be >= 1")
    n_maanden = len(analyse.venster)
    voorstellen: list[tuple[tuple, Voorstel]] = []
    for h in analyse.terugkerend:
        thema = themas.get(h.thema_id)
        naam = thema.naam if thema is not None else h.thema
        if _is_individueel(h, thema):
            aanbod = catalogus.individueel_voor(h.thema_id)
            uitleg = (
                f"{_feiten(h, naam, analyse, None, k)} Dit thema krijgt geen groepsaanbod. Voorstel: {aanbod.naam}. "
                f"{aanbod.beschrijving} {_partners(aanbod)}"
            )
            item = Voorstel(h.thema_id, naam, None, aanbod.id, aanbod.naam, aanbod.partners, uitleg,
                            "individueel", True)  # fmt: skip
            voorstellen.append(((2, -h.hulpvragen, h.thema_id), item))
            continue

        wijk = h.wijk if h.wijk is not None and (h.wijk_hulpvragen or 0) >= k else None
        feiten = _feiten(h, naam, analyse, wijk, k)
        n = (h.wijk_hulpvragen or 0) if wijk is not None else h.hulpvragen
        groepsaanbod = catalogus.collectief_voor(h.thema_id)
        if not groepsaanbod:
            aanbod = catalogus.algemeen()
            uitleg = (
                f"{feiten} Voorstel: {aanbod.naam}. {aanbod.beschrijving} "
                f"Mogelijke partner: {', '.join(aanbod.partners)}."
            )
            item = Voorstel(h.thema_id, naam, wijk, aanbod.id, aanbod.naam, aanbod.partners, uitleg,
                            "algemeen", False)  # fmt: skip
            voorstellen.append(((1, -h.hulpvragen, h.thema_id), item))
            continue

        if minuten is not None and h.thema_id in minuten:
            per_vraag, bron = minuten[h.thema_id]
        else:
            per_vraag, bron = minuten_per_hulpvraag(hulpvragen, h.thema_id, aannames)
        per_thema = []
        for aanbod in groepsaanbod:
            waar = f" in {wijk}" if wijk else ""
            uitleg = f"{feiten} Voorstel: {aanbod.naam} ({aanbod.frequentie()}){waar}. {_partners(aanbod)}"
            if n_maanden and n >= k:
                s = Schatting(n / n_maanden, per_vraag, aanbod.aannames(aannames), h.thema_id, n, n_maanden, bron)
                laag, verwacht, hoog = s.tijdwinst
                uitleg += (
                    f" Geschatte tijdwinst: {getal(verwacht)} uur per maand (tussen {getal(laag)} en "
                    f"{getal(hoog)} uur)."
                )
                if verwacht < 0:
                    uitleg += (
                        " Naar verwachting kost dit aanbod meer tijd dan het oplevert; het is alleen zinvol om andere "
                        "redenen, zoals bereik of preventie."
                    )
                item = Voorstel(h.thema_id, naam, wijk, aanbod.id, aanbod.naam, aanbod.partners, uitleg,
                                "collectief", False, laag, verwacht, hoog, formule_in_woorden(s, k=k), s)  # fmt: skip
                sleutel = (0, 0, -verwacht, h.thema_id, aanbod.id)
            else:
                uitleg += " De tijdwinst is niet te schatten: de gegevens hebben geen datums of te weinig hulpvragen."
                item = Voorstel(h.thema_id, naam, wijk, aanbod.id, aanbod.naam, aanbod.partners, uitleg,
                                "collectief", False)  # fmt: skip
                sleutel = (0, 1, -h.hulpvragen, h.thema_id, aanbod.id)
            per_thema.append((sleutel, item))
        per_thema.sort(key=lambda paar: paar[0])
        voorstellen.extend(per_thema[:max_per_thema] if max_per_thema else per_thema)
    voorstellen.sort(key=lambda paar: paar[0])
    return tuple(item for _, item in voorstellen)


def voorstellen_tabel(voorstellen: tuple[Voorstel, ...] | list[Voorstel]) -> pd.DataFrame:
    """The proposals as a table, one row each, in the given order.

    Columns: ``rang`` (1-based), ``thema_id``, ``thema``, ``wijk``, ``soort``, ``individueel``, ``aanbod_id``,
    ``aanbod``, ``partners`` (joined with ", "), ``tijdwinst_laag``, ``tijdwinst_verwacht``, ``tijdwinst_hoog``
    (hours per month, NaN when not applicable), ``uitleg``, ``berekening``.
    """
    kolommen = ["rang", "thema_id", "thema", "wijk", "soort", "individueel", "aanbod_id", "aanbod", "partners",
                "tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog", "uitleg", "berekening"]  # fmt: skip
    rijen = [
        {
            "rang": i,
            "thema_id": v.thema_id,
            "thema": v.thema,
            "wijk": v.wijk,
            "soort": v.soort,
            "individueel": v.individueel,
            "aanbod_id": v.aanbod_id,
            "aanbod": v.aanbod,
            "partners": ", ".join(v.partners),
            "tijdwinst_laag": v.tijdwinst_laag,
            "tijdwinst_verwacht": v.tijdwinst_verwacht,
            "tijdwinst_hoog": v.tijdwinst_hoog,
            "uitleg": v.uitleg,
            "berekening": v.berekening,
        }
        for i, v in enumerate(voorstellen, start=1)
    ]
    tabel = pd.DataFrame(rijen, columns=kolommen)
    for kolom in ("tijdwinst_laag", "tijdwinst_verwacht", "tijdwinst_hoog"):
        tabel[kolom] = tabel[kolom].astype(float)
    return tabel
