"""The session report: one printable Dutch page for the team's monthly reflection session, and a Bijlage.

:func:`rapport_markdown` and :func:`rapport_html` render the same content, built once from an
:class:`~collectief.actie.Plan` (:func:`~collectief.actie.maak_plan`). The same model serves the CLI's
``rapport.md``/``rapport.html`` and the dashboard's Maandsessie and Export pages: one document for the session,
titled "Verslag maandsessie <team>, <periode>" (:func:`titel`).

The summary (printed, it fits one A4 page):

1. period and key figures: questions and households, wijken, themes, hours the team spends now on the recurring
   themes, the share in "overig";
2. the recurring themes: questions, households, hours now, trend, where and when they concentrate;
3. proposals: per recurring theme the offer with the most expected tijdwinst, its partners and tijdwinst low /
   expected / high (every proposal is in ``voorstellen.csv``);
4. individual-only themes, flagged for individual follow-up (never a group offer);
5. the verdict on started offers, when there are any.

The Bijlage (``## Bijlage``; printed, it starts on a new page): breakdowns by wijk and by month of the recurring
themes, the tijdwinst sums in words, the other offers per theme, discovered themes, the effect of started offers
(before / after, or "te weinig gegevens") and the assumptions.

Small-cell suppression: every count is written through :func:`~collectief.suppress.veilig_aantal` or shown as
``"<5"``. In the tables by wijk and by month, where a row total is also shown, one more cell is hidden when a
row group has exactly one hidden cell, so that the hidden count cannot be worked out by subtraction. Averages
per month are only shown when the count behind them is at least ``k``.

The HTML is self-contained: inline CSS (with ``@media print`` and a page break before the Bijlage), no scripts,
no external resources, every text escaped.
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from collectief.actie import Effect, Plan
from collectief.proposals import Voorstel
from collectief.records import OVERIG
from collectief.recurrence import WIJK_ONBEKEND, Herhaling, periode_in_woorden
from collectief.suppress import markering, veilig_aantal
from collectief.tijdwinst import getal
from collectief.waarden import Oordeel, Trend

__all__ = [
    "BIJLAGE",
    "MAAND_KORT",
    "TITEL",
    "aanvullend_verbergen",
    "markdown_tekst",
    "rapport_html",
    "rapport_markdown",
    "titel",
]

TITEL = "Terugkerende hulpvragen en collectief aanbod"

#: Heading of the appendix; printed, it starts on a new page.
BIJLAGE = "Bijlage"

#: Dutch month abbreviations used in the table headers.
MAAND_KORT = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


# --- the document: a few block types, rendered to Markdown and to HTML --------------------------------------


#: Page 1 is the one-page summary a team prints: it lists at most this many recurring themes and proposals (the
#: largest first); the rest are named in a sentence and stand in the Bijlage and the CSVs.
SAMENVATTING_THEMAS = 10
SAMENVATTING_VOORSTELLEN = 8


@dataclass(frozen=True)
class _Kop:
    tekst: str
    niveau: int = 2


@dataclass(frozen=True)
class _Alinea:
    tekst: str
    label: str = ""
    klein: bool = False


@dataclass(frozen=True)
class _Lijst:
    items: tuple[tuple[str, str], ...]  # (label, text); label may be empty
    kern: bool = False  # the key figures at the top


@dataclass(frozen=True)
class _Tabel:
    kop: tuple[str, ...]
    rijen: tuple[tuple[str, ...], ...]
    getallen: tuple[bool, ...]  # right-aligned columns
    bijschrift: str = ""
    breed: bool = False  # full width (the summary tables)
    heel: tuple[int, ...] = ()  # columns whose text is not wrapped in HTML


@dataclass(frozen=True)
class _Berekening:
    regels: tuple[str, ...]


_Blok = _Kop | _Alinea | _Lijst | _Tabel | _Berekening


# --- small helpers --------------------------------------------------------------------------------------------


def _procent(aandeel: float) -> str:
    return f"{getal(100 * aandeel, 0)}%"


def _opsomming(woorden: Sequence[str]) -> str:
    woorden = list(woorden)
    if len(woorden) <= 1:
        return "".join(woorden)
    return f"{', '.join(woorden[:-1])} en {woorden[-1]}"


def _maand_kort(maand: pd.Period) -> str:
    return f"{MAAND_KORT[maand.month - 1]} {maand.year}"


def _datum(d: dt.date) -> str:
    return f"{d:%d-%m-%Y}"


def _uren(x: float) -> str:
    return f"{getal(x)} uur"


def _gemiddeld(n: int, maanden: int, k: int) -> str:
    """Questions per month, or the marker when the count behind the average is below ``k``."""
    if maanden <= 0:
        return "–"
    if n < k:
        return markering(k)
    return getal(n / maanden)


def aanvullend_verbergen(waarden: Sequence[int], groepen: Sequence[Sequence[int]], k: int) -> list[bool]:
    """Which cells of a table row to hide: every count below ``k``, plus one more in each group with a shown
    total that would otherwise have exactly one hidden cell (the smallest remaining one, so the least is lost).

    ``groepen`` lists the positions whose sum is shown elsewhere in the report.
    """
    verborgen = [w < k for w in waarden]
    veranderd = True
    while veranderd:
        veranderd = False
        for groep in groepen:
            groep = [i for i in groep if 0 <= i < len(waarden)]
            if sum(verborgen[i] for i in groep) == 1 and len(groep) > 1:
                zichtbaar = [i for i in groep if not verborgen[i]]
                kleinste = min(zichtbaar, key=lambda i: (waarden[i], i))
                verborgen[kleinste] = True
                veranderd = True
    return verborgen


def _cellen(waarden: Sequence[int], verborgen: Sequence[bool], k: int) -> tuple[str, ...]:
    return tuple(markering(k) if v else str(int(w)) for w, v in zip(waarden, verborgen, strict=True))


# --- building the content -------------------------------------------------------------------------------------


def titel(plan: Plan, team: str | None = None) -> str:
    """What the document is: ``"Verslag maandsessie <team>, <periode>"`` (``wijkteam`` when no team is named)."""
    venster = plan.herhaling.venster
    periode = periode_in_woorden(venster[0], venster[-1]) if venster else "hele export"
    naam = " ".join((team or "").split()) or "wijkteam"
    return f"Verslag maandsessie {naam}, {periode}"


class _Inhoud:
    """Builds the report's blocks from the analysis and the plan: the summary page and the Bijlage."""

    def __init__(self, plan: Plan, team: str | None = None) -> None:
        self.plan = plan
        self.team = team
        self.h = plan.herhaling
        self.k = plan.k
        df = plan.hulpvragen
        self.maand = pd.to_datetime(df["datum"]).dt.to_period("M")
        if self.h.venster:
            self.in_periode = self.maand.isin(list(self.h.venster)).to_numpy()
        else:
            self.in_periode = pd.Series(True, index=df.index).to_numpy()
        self.terugkerend = tuple(
            h for h in self.h.terugkerend if not h.individueel and not plan.is_individueel(h.thema_id)
        )
        self.per_thema: dict[str, list[Voorstel]] = {}
        for v in plan.groepsvoorstellen:
            self.per_thema.setdefault(v.thema_id, []).append(v)
        self.samenvatting: list[_Blok] = []
        self.bijlage: list[_Blok] = []

    def aantal(self, n: int) -> str:
        return veilig_aantal(n, self.k, woorden=True)

    def _bron(self, thema_id: str) -> str:
        thema = self.plan.themas.get(thema_id)
        return thema.bron if thema is not None else "overig"

    def _naam(self, h: Herhaling) -> str:
        return f"{h.thema} (ontdekt)" if self._bron(h.thema_id) == "ontdekt" else h.thema

    # === page 1: the summary =================================================================================

    def kerncijfers(self, bron: str | None, gemaakt: dt.date | None, afgewezen: int | None) -> None:
        df = self.plan.hulpvragen
        h, k = self.h, self.k
        blokken = self.samenvatting
        blokken.append(_Kop(titel(self.plan, self.team), 1))
        herkomst = []
        waar = f" in {self.plan.wijk}" if self.plan.wijk else ""
        if gemaakt is not None:
            herkomst.append(f"gemaakt op {_datum(gemaakt)}")
        if bron:
            herkomst.append(f"uit {bron}")
        blokken.append(
            _Alinea(
                f"{TITEL}{waar}: verslag voor de maandsessie{', ' if herkomst else ''}{' '.join(herkomst)}. "
                f"Aantallen onder de {k} "
                f"tonen we niet: er staat dan '{markering(k)}' of 'minder dan {k}'.",
                klein=True,
            )
        )

        items: list[tuple[str, str]] = []
        gedateerd = self.maand.dropna()
        if h.venster:
            periode = periode_in_woorden(h.venster[0], h.venster[-1])
            laatste = "de laatste maand" if len(h.venster) == 1 else f"de laatste {len(h.venster)} maanden"
            items.append(
                (
                    "Periode",
                    f"{periode} ({laatste}; gegevens van {periode_in_woorden(gedateerd.min(), gedateerd.max())}).",
                )
            )
        else:
            items.append(("Periode", "de hele export: de hulpvragen hebben geen datum, dus er is geen trend."))
        # In the period (with its households) first; without dates the period is the whole export.
        huishoudens = ""
        if h.huishoudens_bekend:
            hh = int(df.loc[self.in_periode, "huishouden"].dropna().nunique())
            huishoudens = f", van {self.aantal(hh)} huishoudens"
        alle = f"{self.aantal(len(df))} in deze analyse"
        weg = ""
        if afgewezen:
            # Rejected rows are lines of a file, not people: their number is shown as is.
            weg = f" ({afgewezen} {'rij' if afgewezen == 1 else 'rijen'} afgewezen, zie afgewezen.csv)"
        if h.venster:
            tekst = f"{self.aantal(int(self.in_periode.sum()))} in de periode{huishoudens}; {alle}{weg}"
        else:
            tekst = f"{alle}{huishoudens}{weg}"
        items.append(("Hulpvragen", tekst + "."))
        wijken = sorted({str(w) for w in df["wijk"].dropna().unique() if str(w).strip()})
        if wijken:
            items.append(("Wijken", _opsomming(wijken) + "."))
        items.append(("Thema's", self._themas_in_het_kort()))
        uren = self._uren_terugkerend()
        if uren is not None:
            items.append(
                (
                    "Tijd nu",
                    f"naar schatting {_uren(uren)} per maand aan de terugkerende thema's (hulpvragen per maand × "
                    "minuten per hulpvraag).",
                )
            )
        overig = self._overig()
        if overig:
            items.append(("Overig", overig))
        blokken.append(_Lijst(tuple(items), kern=True))
        for melding in self.plan.meldingen:
            blokken.append(_Alinea(melding, label="Let op:"))

    def _themas_in_het_kort(self) -> str:
        n_ontdekt = sum(1 for t in self.terugkerend if self._bron(t.thema_id) == "ontdekt")
        tekst = f"{len(self.terugkerend)} terugkerend"
        if n_ontdekt:
            tekst += f", waarvan {n_ontdekt} nieuw ontdekt"
        n_individueel = len(self.plan.individuele_themas)
        if n_individueel:
            tekst += f"; {n_individueel} alleen voor individuele opvolging"
        n_alle_ontdekt = len(self.plan.ontdekte_themas)
        if n_alle_ontdekt:
            tekst += f"; in totaal {n_alle_ontdekt} nieuw ontdekt (zie de bijlage)"
        return tekst + "."

    def _uren_terugkerend(self) -> float | None:
        if not self.h.venster or not self.terugkerend:
            return None
        uren = self.plan.tijdwinst.set_index("thema_id")["uren_nu"]
        waarden = [float(uren[t.thema_id]) for t in self.terugkerend if t.thema_id in uren.index]
        som = sum(w for w in waarden if math.isfinite(w))
        return som if som > 0 else None

    def _overig(self) -> str:
        df = self.plan.hulpvragen
        if len(df) == 0:
            return ""
        overig = df["thema_id"] == OVERIG
        n, n_periode = int(overig.sum()), int((overig & self.in_periode).sum())
        if n < self.k:
            tekst = f"{self.aantal(n)} hulpvragen passen in geen thema."
        else:
            tekst = f"{n} hulpvragen ({_procent(n / len(df))}) passen in geen thema"
            if self.h.venster and self.in_periode.sum():
                if n_periode >= self.k:
                    tekst += f", in de periode {_procent(n_periode / self.in_periode.sum())}"
                else:
                    tekst += f", in de periode {self.aantal(n_periode)}"
            tekst += "."
        return tekst + " Lees er een paar in de sessie: een nieuw thema?"

    def terugkerende_themas(self) -> None:
        h, k = self.h, self.k
        regel = h.regel
        blokken = self.samenvatting
        blokken.append(_Kop("Terugkerende thema's"))
        uitleg = (
            f"Terugkerend: minstens {regel.min_hulpvragen} hulpvragen"
            + (f" van minstens {regel.min_huishoudens} huishoudens" if h.huishoudens_bekend else "")
            + f" {h.periode}."
        )
        if not self.terugkerend:
            blokken.append(_Alinea(uitleg + " Geen enkel thema voldoet daar nu aan."))
            return
        uren = self.plan.tijdwinst.set_index("thema_id")["uren_nu"]
        rijen = []
        for t in self.terugkerend[:SAMENVATTING_THEMAS]:
            opvallend = []
            if t.wijk is not None:
                opvallend.append(
                    f"vooral in {t.wijk} ({_procent(t.wijk_aandeel or 0)} van dit thema, "
                    f"{_procent(t.wijk_aandeel_alle or 0)} van alle hulpvragen)"
                )
            if t.seizoen:
                opvallend.append(f"piek in {_opsomming(t.seizoen)}")
            rijen.append(
                (
                    self._naam(t),
                    veilig_aantal(t.hulpvragen, k),
                    veilig_aantal(t.huishoudens, k) if t.huishoudens is not None else "–",
                    _uren(float(uren[t.thema_id])) if h.venster and t.thema_id in uren.index else "–",
                    self._trend(t),
                    "; ".join(opvallend),
                )
            )
        basis = max((t.basis_maanden for t in self.terugkerend), default=0)
        if not h.venster:
            trend = "Zonder datums is er geen trend."
        elif not basis:
            trend = "Voor een trend zijn er nog te weinig eerdere maanden."
        else:
            trend = (
                f"Trend: per maand in de {basis} maanden ervoor → de laatste {len(h.venster)}; 'stijgend' of "
                f"'dalend' alleen als het verschil groter is dan toeval ({markering(k)}: minder dan {k} in die "
                "maanden samen)."
            )
        blokken.append(
            _Tabel(
                ("Thema", "Hulpvragen", "Huishoudens", "Tijd per maand", "Trend", "Opvallend"),
                tuple(rijen),
                (False, True, True, True, False, False),
                bijschrift=(f"{uitleg} Tijd per maand: de uren die het team er nu per maand aan besteedt. {trend}"),
                breed=True,
                heel=(0, 4),
            )
        )
        if len(self.terugkerend) > SAMENVATTING_THEMAS:
            rest = len(self.terugkerend) - SAMENVATTING_THEMAS
            blokken.append(
                _Alinea(f"En nog {rest} terugkerende thema's met minder hulpvragen: zie de bijlage en themas.csv.")
            )

    def _trend(self, t: Herhaling) -> str:
        if not self.h.venster or t.trend is Trend.ONBEKEND:
            return "onbekend"
        nu = _gemiddeld(t.hulpvragen, len(self.h.venster), self.k)
        ervoor = _gemiddeld(t.basis_hulpvragen, t.basis_maanden, self.k)
        return f"{t.trend}: {ervoor} → {nu}"

    def voorstellen(self) -> None:
        blokken = self.samenvatting
        blokken.append(_Kop("Voorstellen"))
        if not self.per_thema:
            blokken.append(
                _Alinea("Er zijn geen terugkerende thema's, dus ook geen voorstellen voor collectief aanbod.")
            )
            return
        rijen = []
        alle = list(self.per_thema.values())
        for nummer, lijst in enumerate(alle[:SAMENVATTING_VOORSTELLEN], start=1):
            v = lijst[0]
            aanbod = v.aanbod
            effect = self.plan.gestart_voor(v)
            if effect is not None:
                aanbod += f" (gestart op {_datum(effect.start)})"
            winst = [getal(w) for w in v.tijdwinst] if v.tijdwinst is not None else ["–", "niet geschat", "–"]
            thema = f"{v.thema} ({v.wijk})" if v.wijk else v.thema
            rijen.append((str(nummer), thema, aanbod, ", ".join(v.partners), *winst))
        blokken.append(
            _Tabel(
                ("", "Thema", "Aanbod", "Partners", "Laag", "Verwacht", "Hoog"),
                tuple(rijen),
                (True, False, False, False, True, True, True),
                bijschrift="Per thema het aanbod met de meeste verwachte tijdwinst, in uren van het wijkteam per maand "
                "bij een laag, verwacht en hoog bereik (tijd nu × bereik − kosten); negatief: kost meer tijd dan het "
                "oplevert. Eerste partner: als eerste benaderen; (wijk): aanbod voor die wijk. Berekening en ander "
                "aanbod: bijlage; alle voorstellen: voorstellen.csv.",
                breed=True,
            )
        )
        if len(alle) > SAMENVATTING_VOORSTELLEN:
            rest = len(alle) - SAMENVATTING_VOORSTELLEN
            tekst = f"En nog {rest} voorstellen met minder tijdwinst: zie de bijlage en voorstellen.csv."
            blokken.append(_Alinea(tekst))

    def _individuele_ids(self) -> tuple[dict[str, Herhaling], dict[str, int], list[str]]:
        df = self.plan.hulpvragen
        signalen: dict[str, int] = {}
        if "signaal" in df.columns:
            # Each distinct value once (most notes carry none), counted as often as it occurs.
            for waarde, aantal in df.loc[self.in_periode, "signaal"].dropna().value_counts(sort=False).items():
                for thema_id in {s.strip() for s in str(waarde).split(",") if s.strip()}:
                    signalen[thema_id] = signalen.get(thema_id, 0) + int(aantal)
        themas = {t.thema_id: t for t in self.plan.individuele_themas}
        ids = list(themas) + sorted(t for t in signalen if t not in themas)
        return themas, signalen, ids

    def individueel(self) -> None:
        blokken = self.samenvatting
        blokken.append(_Kop("Individuele opvolging (nooit een groepsaanbod)"))
        themas, signalen, ids = self._individuele_ids()
        if not ids:
            blokken.append(
                _Alinea("Geen hulpvragen over huiselijk geweld, verslaving, justitie of een acute crisis gevonden.")
            )
            return
        rijen = []
        for thema_id in ids:
            t = themas.get(thema_id)
            thema = self.plan.themas.get(thema_id)
            naam = t.thema if t is not None else (thema.naam if thema is not None else thema_id)
            if t is not None and t.terugkerend:
                naam += " (terugkerend)"
            opvolging = self.plan.catalogus.individueel_voor(thema_id)
            rijen.append(
                (
                    naam,
                    veilig_aantal(t.hulpvragen, self.k) if t is not None else "–",
                    veilig_aantal(signalen[thema_id], self.k) if thema_id in signalen else "–",
                    ", ".join(opvolging.partners),
                )
            )
        blokken.append(
            _Tabel(
                ("Thema", "Hulpvragen", "Hulpvragen (signaal)", "Overleg met"),
                tuple(rijen),
                (False, True, True, False),
                bijschrift="Signaal: ook genoemd in een hulpvraag over een ander thema (kolom 'signaal' in "
                "hulpvragen.csv). Volg ze individueel op; bespreek ze in de casuïstiek.",
                breed=True,
                heel=(0,),
            )
        )

    def gestart(self) -> None:
        if not self.plan.effecten:
            return
        self.samenvatting.append(_Kop("Gestart aanbod"))
        items = []
        for e in self.plan.effecten:
            waar = f" in {e.wijk}" if e.wijk else ""
            oordeel = e.resultaat.oordeel
            items.append((f"{e.thema}{waar}", f"{e.aanbod}, gestart op {_datum(e.start)}: {oordeel}."))
        self.samenvatting.append(_Lijst(tuple(items)))

    # === the Bijlage (from page 2 when printed) ================================================================

    def besluiten(self) -> None:
        """What the team decided about themes (names, merges, split-off and dismissed themes)."""
        plan = self.plan
        if not plan.toelichting and not plan.overgeslagen:
            return
        self.samenvatting.append(_Kop("Besluiten van het team"))
        items = tuple((plan.naam(t), " ".join(zinnen)) for t, zinnen in plan.toelichting.items())
        items += tuple(("Niet toegepast", reden) for reden in plan.overgeslagen)
        self.samenvatting.append(_Lijst(items))

    def bijlage_kop(self) -> None:
        self.bijlage.append(_Kop(BIJLAGE))
        self.bijlage.append(
            _Alinea(
                "De cijfers achter de samenvatting: waar en wanneer de terugkerende thema's spelen, hoe de tijdwinst "
                "is berekend en welke aannames daarin zitten.",
                klein=True,
            )
        )

    def per_wijk(self) -> None:
        tabel = self.h.per_wijk
        if tabel.empty or not self.terugkerend:
            return
        wijken = [w for w in dict.fromkeys(tabel["wijk"]) if w != WIJK_ONBEKEND]
        if (tabel["wijk"] == WIJK_ONBEKEND).any():
            wijken.append(WIJK_ONBEKEND)
        bekend = [w for w in wijken if w != WIJK_ONBEKEND]
        if not bekend or len(wijken) < 2:
            return
        aantallen = tabel.set_index(["thema_id", "wijk"])["aantal"]
        rijen = []
        for t in self.terugkerend:
            waarden = [int(aantallen.get((t.thema_id, w), 0)) for w in wijken]
            verborgen = aanvullend_verbergen(waarden, [range(len(wijken))], self.k)
            rijen.append((self._naam(t), *_cellen(waarden, verborgen, self.k)))
        kop = ("Thema", *("geen wijk" if w == WIJK_ONBEKEND else w for w in wijken))
        self.bijlage.append(_Kop("Per wijk", 3))
        self.bijlage.append(
            _Tabel(
                kop,
                tuple(rijen),
                (False, *(True for _ in wijken)),
                bijschrift=f"Hulpvragen per wijk {self.h.periode}. {self._verborgen_uitleg()}",
            )
        )

    def per_maand(self) -> None:
        h = self.h
        if not h.venster or not self.terugkerend:
            return
        basis_maanden = max(t.basis_maanden for t in self.terugkerend)
        maanden = list(pd.period_range(h.venster[0] - basis_maanden, h.venster[-1], freq="M"))
        aantallen = h.per_maand.set_index(["thema_id", "maand"])["aantal"]
        n_basis = len(maanden) - len(h.venster)
        groepen = [range(n_basis), range(n_basis, len(maanden))]
        rijen = []
        for t in self.terugkerend:
            waarden = [int(aantallen.get((t.thema_id, m), 0)) for m in maanden]
            verborgen = aanvullend_verbergen(waarden, groepen, self.k)
            rijen.append((self._naam(t), *_cellen(waarden, verborgen, self.k)))
        self.bijlage.append(_Kop("Per maand", 3))
        self.bijlage.append(
            _Tabel(
                ("Thema", *(_maand_kort(m) for m in maanden)),
                tuple(rijen),
                (False, *(True for _ in maanden)),
                bijschrift=f"Hulpvragen per maand; de laatste {len(h.venster)} kolommen zijn de periode. "
                + self._verborgen_uitleg(),
            )
        )

    def _verborgen_uitleg(self) -> str:
        return (
            f"{markering(self.k)}: minder dan {self.k}, of verborgen zodat een klein aantal niet uit het totaal "
            "terug te rekenen is."
        )

    def toelichting_voorstellen(self, toelichtingen: int) -> None:
        if not self.per_thema or toelichtingen <= 0:
            return
        blokken = self.bijlage
        eerste = list(self.per_thema.values())[:toelichtingen]
        titel = (
            "Toelichting bij het eerste voorstel"
            if len(eerste) == 1
            else (f"Toelichting bij de eerste {len(eerste)} voorstellen")
        )
        blokken.append(_Kop(titel, 3))
        for nummer, lijst in enumerate(eerste, start=1):
            v = lijst[0]
            waar = f" in {v.wijk}" if v.wijk else ""
            blokken.append(_Alinea(v.uitleg, label=f"{nummer}. {v.thema}{waar}: {v.aanbod}."))
            if v.berekening:
                blokken.append(_Berekening(tuple(v.berekening.splitlines())))
            andere = self._ander_aanbod(lijst)
            if andere:
                blokken.append(_Alinea(andere, label="Ander aanbod voor dit thema:"))
        rest = list(self.per_thema.values())[len(eerste) :]
        items = []
        for lijst in rest:
            andere = self._ander_aanbod(lijst)
            if andere:
                v = lijst[0]
                items.append((f"{v.thema} ({v.wijk})" if v.wijk else v.thema, andere))
        if items:
            blokken.append(_Alinea("Ander aanbod voor de overige thema's:", klein=True))
            blokken.append(_Lijst(tuple(items)))
        if rest:
            blokken.append(
                _Alinea(
                    "De toelichting bij de andere voorstellen staat in voorstellen.csv; hun tijdwinst is op dezelfde "
                    "manier berekend.",
                    klein=True,
                )
            )

    @staticmethod
    def _ander_aanbod(lijst: Sequence[Voorstel]) -> str:
        andere = [
            a.aanbod + (f" (verwacht {_uren(a.tijdwinst_verwacht)} per maand)" if a.tijdwinst else "")
            for a in lijst[1:]
        ]
        return "; ".join(andere) + "." if andere else ""

    def individueel_toelichting(self) -> None:
        _, _, ids = self._individuele_ids()
        if not ids:
            return
        self.bijlage.append(_Kop("Individuele opvolging", 3))
        self.bijlage.append(
            _Alinea(
                "Huiselijk geweld en veiligheid, verslaving, justitie en een acute crisis vragen om individuele "
                "opvolging en krijgen nooit een groepsaanbod. Bespreek de hulpvragen in de casuïstiek; de kolom "
                "'signaal' in hulpvragen.csv wijst ook hulpvragen aan waarin zo'n thema naast een ander thema "
                "genoemd wordt."
            )
        )

    def ontdekt(self) -> None:
        blokken = self.bijlage
        blokken.append(_Kop("Nieuw ontdekte thema's", 3))
        ontdekt = self.plan.ontdekte_themas
        if not ontdekt:
            blokken.append(_Alinea("Er zijn geen nieuwe thema's ontdekt."))
            return
        blokken.append(
            _Alinea(
                "Thema's die niet in de catalogus staan maar in de gegevens terugkomen, genoemd naar hun "
                "kenmerkende woorden. Geef ze in de sessie een naam, voeg ze samen met een bestaand thema of "
                "wijs ze af."
            )
        )
        # Names only (the team's, once it named the theme), never the internal id: a team member reads this.
        rijen = tuple(
            (
                self.plan.naam(t.thema_id),
                veilig_aantal(t.hulpvragen, self.k),
                veilig_aantal(t.huishoudens, self.k) if t.huishoudens is not None else "–",
                "ja" if t.terugkerend else "nee",
            )
            for t in ontdekt
        )
        blokken.append(
            _Tabel(
                ("Thema", "Hulpvragen", "Huishoudens", "Terugkerend"),
                rijen,
                (False, True, True, False),
                bijschrift=f"Hulpvragen en huishoudens {self.h.periode}.",
            )
        )

    def effecten(self) -> None:
        self.bijlage.append(_Kop("Effect van gestart aanbod", 3))
        if not self.plan.effecten:
            self.bijlage.append(
                _Alinea(
                    "Er is nog geen aanbod als gestart gemarkeerd. Markeer een gestart aanbod met: collectief gestart "
                    "THEMA_ID AANBOD --start JJJJ-MM-DD [--wijk WIJK]; daarna vergelijkt collectief de maanden vóór en "
                    "na de start."
                )
            )
            return
        for e in self.plan.effecten:
            self._effect(e)

    def _effect(self, e: Effect) -> None:
        r, k = e.resultaat, self.k
        blokken = self.bijlage
        waar = f" in {e.wijk}" if e.wijk else ""
        blokken.append(_Kop(f"{e.thema}{waar}: {e.aanbod} (gestart op {_datum(e.start)})", 4))
        if e.notitie:
            blokken.append(_Alinea(e.notitie, label="Notitie:"))
        if not e.in_gegevens:
            blokken.append(
                _Alinea(
                    f"Het thema '{e.thema_id}' komt in deze analyse niet voor; controleer of het thema-id nog klopt "
                    "(ontdekte thema's houden hun id alleen met 'collectief analyse --model')."
                )
            )
        if not r.voldoende:
            blokken.append(_Alinea(r.toelichting, label="Te weinig gegevens om iets te zeggen."))
            return

        def uren(minuten_per_maand: float, n: int) -> str:
            return _uren(minuten_per_maand / 60) if n >= k else markering(k)

        blokken.append(
            _Tabel(
                ("", "Vóór de start", "Na de start"),
                (
                    ("Maanden", str(r.maanden_voor), str(r.maanden_na)),
                    (
                        "Hulpvragen per maand",
                        _gemiddeld(r.hulpvragen_voor, r.maanden_voor, k),
                        _gemiddeld(r.hulpvragen_na, r.maanden_na, k),
                    ),
                    (
                        "Tijd per maand",
                        uren(r.minuten_per_maand_voor, r.hulpvragen_voor),
                        uren(r.minuten_per_maand_na, r.hulpvragen_na),
                    ),
                ),
                (False, True, True),
                bijschrift=f"Hulpvragen over {e.thema}{waar}, vóór en na de start. {markering(k)}: minder dan {k} "
                "hulpvragen in die maanden samen.",
            )
        )
        oordeel = r.oordeel[:1].upper() + r.oordeel[1:]
        # Only a difference larger than chance gets a realised tijdwinst in the verdict; the explanation below
        # still gives the hours either way.
        duidelijk = r.oordeel in (Oordeel.MINDER, Oordeel.MEER)
        if duidelijk and math.isfinite(r.tijdwinst_uren_per_maand) and r.hulpvragen_na >= k:
            oordeel += f"; gerealiseerde tijdwinst {_uren(r.tijdwinst_uren_per_maand)} per maand"
            if e.aanbod_id is None:
                oordeel += " (de uren van het aanbod zelf zijn onbekend en niet afgetrokken)"
        blokken.append(_Alinea(f"{oordeel}. {r.toelichting}", label="Oordeel:"))

    def aannames(self) -> None:
        a = self.plan.aannames
        self.bijlage.append(_Kop("Aannames", 3))
        self.bijlage.append(
            _Lijst(
                (
                    (
                        "Tijdwinst",
                        "tijd nu × bereik − kosten. Tijd nu = hulpvragen per maand × minuten per hulpvraag / 60; "
                        "kosten = voorbereiding + bijeenkomsten per maand × uren per bijeenkomst × medewerkers (alleen "
                        "uren van het wijkteam, opstartwerk verdeeld over het eerste jaar).",
                    ),
                    (
                        "Minuten per hulpvraag",
                        f"het gemiddelde uit de kolom tijdsbesteding als er minstens {a.min_metingen} waarden zijn, "
                        f"anders een aanname per thema (standaard {getal(a.minuten_standaard, 0)} minuten).",
                    ),
                    (
                        "Bereik, uren en frequentie",
                        "per aanbod uit de aanbodcatalogus (laag / verwacht / hoog), met bij elk aanbod waarom; het "
                        "zijn aannames om mee te beginnen: pas ze aan met een eigen catalogusbestand.",
                    ),
                    (
                        "Effect",
                        "een vergelijking van de maanden vóór en na de start; die laat niet zien of het aanbod de "
                        "oorzaak is (seizoen en andere veranderingen tellen mee).",
                    ),
                )
            )
        )


def _inhoud(
    plan: Plan,
    bron: str | None,
    gemaakt: dt.date | None,
    afgewezen: int | None,
    toelichtingen: int,
    team: str | None,
) -> tuple[list[_Blok], list[_Blok]]:
    """The blocks of the summary page and of the Bijlage."""
    inhoud = _Inhoud(plan, team)
    inhoud.kerncijfers(bron, gemaakt, afgewezen)
    inhoud.terugkerende_themas()
    inhoud.voorstellen()
    inhoud.individueel()
    inhoud.gestart()
    inhoud.besluiten()
    inhoud.bijlage_kop()
    inhoud.per_wijk()
    inhoud.per_maand()
    inhoud.toelichting_voorstellen(toelichtingen)
    inhoud.individueel_toelichting()
    inhoud.ontdekt()
    inhoud.effecten()
    inhoud.aannames()
    return inhoud.samenvatting, inhoud.bijlage


# --- Markdown -------------------------------------------------------------------------------------------------


_MD_ESCAPE = re.compile(r"([\\`*_{}\[\]#|~$&>])|<(?=[A-Za-z/!?])")


def markdown_tekst(tekst: object) -> str:
    """Plain text made safe to put in Markdown (also for ``st.markdown``): on one line, every character that
    could start markup escaped, so a wijk named ``![x](http://example.invalid/p.png)`` or ``<script>`` reads as
    text and never becomes an image, a link, HTML or a formula (``$``)."""
    return _MD_ESCAPE.sub(lambda m: "\\" + (m.group(1) or "<"), " ".join(str(tekst).split()))


def _md_tekst(tekst: str) -> str:
    return markdown_tekst(tekst)


def _md_cel(tekst: str) -> str:
    return _md_tekst(tekst) or " "  # '|' is escaped with the rest


def _md_blok(blok: _Blok) -> str:
    if isinstance(blok, _Kop):
        return f"{'#' * blok.niveau} {_md_tekst(blok.tekst)}"
    if isinstance(blok, _Alinea):
        tekst = _md_tekst(blok.tekst)
        if blok.label:
            tekst = f"**{_md_tekst(blok.label)}** {tekst}"
        return f"*{tekst}*" if blok.klein and not blok.label else tekst
    if isinstance(blok, _Lijst):
        return "\n".join(
            f"- **{_md_tekst(label)}:** {_md_tekst(tekst)}" if label else f"- {_md_tekst(tekst)}"
            for label, tekst in blok.items
        )
    if isinstance(blok, _Tabel):
        regels = [
            "| " + " | ".join(_md_cel(c) for c in blok.kop) + " |",
            "|" + "|".join("---:" if g else "---" for g in blok.getallen) + "|",
        ]
        regels += ["| " + " | ".join(_md_cel(c) for c in rij) + " |" for rij in blok.rijen]
        if blok.bijschrift:
            regels += ["", f"*{_md_tekst(blok.bijschrift)}*"]
        return "\n".join(regels)
    regels = []
    for regel in blok.regels:
        if regel.startswith("- "):
            regels.append(f"> {_md_tekst(regel)}")
        else:
            if regels:
                regels.append(">")
            regels.append(f"> {_md_tekst(regel)}")
    return "\n".join(regels)


def rapport_markdown(
    plan: Plan,
    *,
    bron: str | None = None,
    gemaakt: dt.date | None = None,
    afgewezen: int | None = None,
    toelichtingen: int = 3,
    team: str | None = None,
    bijlage: bool = True,
) -> str:
    """The session report as Markdown: the one-page summary, then ``## Bijlage`` with the detail.

    ``plan`` comes from :func:`collectief.actie.maak_plan`; ``team`` names the team in the title. ``bron`` (the
    input's name), ``gemaakt`` (the date of the report) and ``afgewezen`` (rows rejected on reading) are shown
    when given.
    The first ``toelichtingen`` proposals get their explanation and tijdwinst sum written out in the Bijlage; all
    of them are in the proposals table. ``bijlage=False`` gives the one-page summary only (the dashboard's
    Maandsessie summary): the same document, without the detail.
    """
    samenvatting, rest = _inhoud(plan, bron, gemaakt, afgewezen, toelichtingen, team)
    return "\n\n".join(_md_blok(b) for b in (*samenvatting, *(rest if bijlage else ()))) + "\n"


# --- HTML -----------------------------------------------------------------------------------------------------

_CSS = """
:root { --inkt: #1f2933; --grijs: #52606d; --lijn: #cbd2d9; --accent: #0b6e4f; --licht: #eef2f5; }
* { box-sizing: border-box; }
body { font-family: Arial, "Liberation Sans", Helvetica, sans-serif; color: var(--inkt); margin: 0;
       line-height: 1.35; font-size: 15px; background: #fff; }
main { max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.45rem; color: var(--accent); margin: 0 0 .1rem; }
h2 { font-size: 1.1rem; color: var(--accent); border-bottom: 2px solid var(--accent); padding-bottom: .1rem;
     margin: 1.1rem 0 .35rem; }
h3 { font-size: 1rem; margin: 1rem 0 .3rem; }
h4 { font-size: .95rem; margin: .8rem 0 .25rem; }
p, ul { margin: .25rem 0 .4rem; }
ul { padding-left: 1.2rem; }
.klein, .bijschrift { color: var(--grijs); font-size: .85em; }
.bijschrift { margin-top: .15rem; }
ul.kern { list-style: none; padding: .3rem .6rem; margin: .35rem 0 .4rem; background: var(--licht);
          border-left: 3px solid var(--accent); }
ul.kern li { margin: 0; }
table { border-collapse: collapse; margin: .3rem 0 .1rem; font-size: .9em; width: auto; max-width: 100%; }
table.breed { width: 100%; }
th, td { border-bottom: 1px solid var(--lijn); padding: .12rem .35rem; text-align: left; vertical-align: top; }
th { background: var(--licht); font-weight: 600; }
td.getal, th.getal { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.heel, th.heel { white-space: nowrap; }
td.negatief { color: var(--grijs); }
.berekening { background: var(--licht); border-left: 3px solid var(--lijn); padding: .3rem .6rem; font-size: .85em;
              margin: .3rem 0 .6rem; }
.berekening p, .berekening ul { margin: .1rem 0; }
.bijlage { margin-top: 2.5rem; border-top: 3px double var(--accent); }
.bijlage > h2:first-child { font-size: 1.3rem; }
@page { size: A4; margin: 11mm 12mm; }
@media print {
  body { font-size: 9pt; line-height: 1.25; }
  main { max-width: none; padding: 0; }
  h1 { font-size: 15pt; }
  h2 { font-size: 11pt; margin: 8pt 0 3pt; }
  h3 { font-size: 10pt; margin: 9pt 0 3pt; }
  h4 { font-size: 9pt; margin: 7pt 0 2pt; }
  .bijlage > h2:first-child { font-size: 15pt; margin-top: 0; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8.5pt; }
  .klein, .bijschrift { font-size: 7.5pt; }
  table, .berekening, li { break-inside: avoid; page-break-inside: avoid; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  th, ul.kern { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .bijlage { break-before: page; page-break-before: always; margin-top: 0; border-top: none; }
}
""".strip()


def _e(tekst: str) -> str:
    return html.escape(" ".join(str(tekst).split()), quote=True)


def _html_blok(blok: _Blok) -> str:
    if isinstance(blok, _Kop):
        return f"<h{blok.niveau}>{_e(blok.tekst)}</h{blok.niveau}>"
    if isinstance(blok, _Alinea):
        label = f"<strong>{_e(blok.label)}</strong> " if blok.label else ""
        klasse = ' class="klein"' if blok.klein else ""
        return f"<p{klasse}>{label}{_e(blok.tekst)}</p>"
    if isinstance(blok, _Lijst):
        items = "".join(
            f"<li><strong>{_e(label)}:</strong> {_e(tekst)}</li>" if label else f"<li>{_e(tekst)}</li>"
            for label, tekst in blok.items
        )
        klasse = ' class="kern"' if blok.kern else ""
        return f"<ul{klasse}>{items}</ul>"
    if isinstance(blok, _Tabel):

        def cel(tag: str, tekst: str, getal_: bool, heel: bool) -> str:
            klassen = ["getal"] if getal_ else (["heel"] if heel else [])
            if tag == "td" and getal_ and str(tekst).startswith("-") and str(tekst) != "-":
                klassen.append("negatief")
            klasse = f' class="{" ".join(klassen)}"' if klassen else ""
            return f"<{tag}{klasse}>{_e(tekst)}</{tag}>"

        kop = "".join(
            cel("th", c, g, i in blok.heel) for i, (c, g) in enumerate(zip(blok.kop, blok.getallen, strict=True))
        )
        rijen = "".join(
            "<tr>"
            + "".join(cel("td", c, g, i in blok.heel) for i, (c, g) in enumerate(zip(rij, blok.getallen, strict=True)))
            + "</tr>"
            for rij in blok.rijen
        )
        bijschrift = f'<p class="bijschrift">{_e(blok.bijschrift)}</p>' if blok.bijschrift else ""
        klasse = ' class="breed"' if blok.breed else ""
        return f"<table{klasse}><thead><tr>{kop}</tr></thead><tbody>{rijen}</tbody></table>{bijschrift}"
    delen: list[str] = []
    lijst: list[str] = []
    for regel in blok.regels:
        if regel.startswith("- "):
            lijst.append(f"<li>{_e(regel[2:])}</li>")
            continue
        if lijst:
            delen.append(f"<ul>{''.join(lijst)}</ul>")
            lijst = []
        delen.append(f"<p>{_e(regel)}</p>")
    if lijst:
        delen.append(f"<ul>{''.join(lijst)}</ul>")
    return f'<div class="berekening">{"".join(delen)}</div>'


def rapport_html(
    plan: Plan,
    *,
    bron: str | None = None,
    gemaakt: dt.date | None = None,
    afgewezen: int | None = None,
    toelichtingen: int = 3,
    team: str | None = None,
    bijlage: bool = True,
) -> str:
    """The session report as one self-contained, printable HTML file (same content as :func:`rapport_markdown`).

    Printed on A4, the summary fills the first page; the Bijlage starts on a new page.
    """
    samenvatting, blokken = _inhoud(plan, bron, gemaakt, afgewezen, toelichtingen, team)
    eerste = "\n".join(_html_blok(b) for b in samenvatting)
    rest = "\n".join(_html_blok(b) for b in blokken) if bijlage else ""
    return (
        "<!DOCTYPE html>\n"
        '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(titel(plan, team))}</title>\n<style>\n{_CSS}\n</style>\n</head>\n"
        f'<body>\n<main>\n<div class="samenvatting">\n{eerste}\n</div>\n'
        f'<div class="bijlage">\n{rest}\n</div>\n</main>\n</body>\n</html>\n'
    )
