"""The monthly session: decisions (with undo), all notes of a theme, and what changed since last month.

Plain functions over a :class:`~collectief.dashboard.stand.Stand`; no Streamlit. Every count a page shows from
here has passed the small-cell rule (k = 5) and notes are only shown for themes with at least k households.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from collectief.dashboard.stand import Filter, Stand, gefilterd
from collectief.decisions import ACTIES, Actie, Besluit, besluiten_uit, controleer, lees_splitsing, treffers
from collectief.records import OVERIG
from collectief.store import Store
from collectief.suppress import K, veilig_aantal

__all__ = [
    "Actie",
    "Notities",
    "aantal_met_trefwoord",
    "besluitenlijst",
    "maak_ongedaan",
    "neem_besluit",
    "notities",
    "veranderingen",
]


# ---- decisions -----------------------------------------------------------------------------------------------
def neem_besluit(
    store: Store, stand: Stand, thema_id: str, actie: Actie | str, waarde: str | None, notitie: str | None
) -> str | None:
    """Store one decision of the team, after checking it; returns why it was refused (Dutch) or ``None``."""
    if actie not in ACTIES:
        return f"Onbekende actie '{actie}'."
    besluit = Besluit(
        id=0,
        thema_id=thema_id,
        actie=actie,
        waarde=(waarde or "").strip() or None,
        notitie=(notitie or "").strip() or None,
    )
    reden = controleer(besluit, stand.themas, set(stand.hulpvragen["thema_id"]))
    if reden is None and besluit.actie is Actie.AFSPLITSEN:
        trefwoord, _ = lees_splitsing(besluit.waarde)
        teksten = stand.hulpvragen.loc[stand.hulpvragen["thema_id"] == thema_id, "tekst"]
        if not any(treffers(teksten, trefwoord)):
            reden = f"geen enkele hulpvraag van dit thema bevat een woord dat begint met '{trefwoord}'"
    if reden is not None:
        return reden[:1].upper() + reden[1:] + "."
    store.voeg_besluit_toe(thema_id, str(besluit.actie), besluit.waarde, besluit.notitie)
    return None


def aantal_met_trefwoord(stand: Stand, thema_id: str, trefwoord: str) -> int:
    """How many hulpvragen of a theme (all months) a split on ``trefwoord`` would take (the split's own rule)."""
    teksten = stand.hulpvragen.loc[stand.hulpvragen["thema_id"] == thema_id, "tekst"]
    return sum(treffers(list(teksten), trefwoord.strip()))


def maak_ongedaan(store: Store, stand: Stand, besluit_id: int) -> str:
    """Undo one stored decision (it stays in the history, marked as undone; every later analysis reads the
    decisions as if it had never been taken); returns what was undone (Dutch), for a message to the team."""
    wat = stand.beschrijving.get(int(besluit_id), f"Besluit {besluit_id}")
    if not store.trek_besluit_in(int(besluit_id)):
        return "Dit besluit was al ongedaan gemaakt."
    return f"Ongedaan gemaakt: {wat}"


def besluitenlijst(stand: Stand, besluiten: pd.DataFrame) -> pd.DataFrame:
    """The team's decisions as the team reads them, newest first, undone ones included (the history): ``id``,
    ``Datum``, ``Besluit`` (with names, never an internal id), ``Notitie``, ``Ongedaan`` (the date it was undone,
    else empty)."""
    rijen = []
    for b in reversed(besluiten_uit(besluiten)):
        rijen.append(
            {
                "id": b.id,
                "Datum": _datum(b.tijdstip),
                "Besluit": stand.beschrijving.get(b.id, f"{b.actie.voltooid}"),
                "Notitie": b.notitie or "",
                "Ongedaan": _datum(b.ingetrokken),
            }
        )
    return pd.DataFrame(rijen, columns=["id", "Datum", "Besluit", "Notitie", "Ongedaan"])


def _datum(tijdstip: str | None) -> str:
    return pd.Timestamp(tijdstip).strftime("%d-%m-%Y") if tijdstip else ""


# ---- all notes of a theme -------------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Notities:
    """One page of a theme's scrubbed notes in the period.

    ``tabel``: ``Datum``, ``Wijk``, ``Hulpvraag`` (newest first); ``totaal``: notes that match the search;
    ``verborgen``: why no notes are shown (privacy), or ``None``.
    """

    tabel: pd.DataFrame
    totaal: int
    pagina: int
    paginas: int
    verborgen: str | None = None


def notities(
    stand: Stand, filter: Filter, thema_id: str, zoek: str = "", pagina: int = 1, per_pagina: int = 25, k: int = K
) -> Notities:
    """The scrubbed notes of one theme in the filter's period and wijk, paged and searchable.

    ``zoek`` finds words that start with it, ignoring case and accents: the same rule as splitting a theme off,
    so a search shows what a split would take. Only for themes with at least ``k`` households in the period.
    """
    leeg = pd.DataFrame(columns=["Datum", "Wijk", "Hulpvraag"])
    df = gefilterd(stand, filter)
    df = df[df["thema_id"] == thema_id]
    if filter.van and filter.tot and df["datum"].notna().any():
        maand = df["datum"].dt.to_period("M")
        df = df[(maand >= pd.Period(filter.van, "M")) & (maand <= pd.Period(filter.tot, "M"))]
    huishoudens = df["huishouden"].dropna().nunique() if df["huishouden"].notna().any() else len(df)
    if huishoudens < k:
        return Notities(
            leeg,
            0,
            1,
            1,
            f"Minder dan {k} huishoudens met dit thema in deze periode: de notities worden niet getoond (privacy).",
        )
    zoek = (zoek or "").strip()
    if zoek:
        df = df[treffers(list(df["tekst"]), zoek)]
    df = df.sort_values(["datum", "rij"], ascending=[False, True], na_position="last")
    totaal = len(df)
    paginas = max(1, math.ceil(totaal / per_pagina))
    pagina = min(max(1, int(pagina)), paginas)
    deel = df.iloc[(pagina - 1) * per_pagina : pagina * per_pagina]
    tabel = pd.DataFrame(
        {
            "Datum": [d.strftime("%d-%m-%Y") if pd.notna(d) else "" for d in deel["datum"]],
            "Wijk": [str(w) if pd.notna(w) else "" for w in deel["wijk"]],
            "Hulpvraag": [" ".join(str(t).split()) for t in deel["tekst"]],
        }
    )
    return Notities(tabel, totaal, pagina, paginas)


# ---- since last month -------------------------------------------------------------------------------------------
def veranderingen(stand: Stand, filter: Filter, stijgend: frozenset[str] = frozenset(), k: int = K) -> pd.DataFrame:
    """What changed between the last month of the period and the month before, per theme.

    Columns: ``thema_id``, ``Thema``, ``Vorige maand``, ``Deze maand`` (suppressed as ``<5``), ``Verschil``
    (only when both months have at least ``k``), ``Wat`` (``nieuw``, ``gegroeid``, ``gekrompen``, ``gelijk``,
    or ``stijgend`` for a theme whose trend over the period rises, from ``stijgend``). Sorted: new first, then by
    size of the change. Empty when the data have no dates.
    """
    kolommen = ["thema_id", "Thema", "Vorige maand", "Deze maand", "Verschil", "Wat"]
    df = gefilterd(stand, filter)
    if not stand.maanden or not df["datum"].notna().any():
        return pd.DataFrame(columns=kolommen)
    deze = pd.Period(filter.tot or stand.maanden[-1], "M")
    vorige = deze - 1
    maand = df["datum"].dt.to_period("M")
    nu = df[maand == deze].groupby("thema_id").size()
    toen = df[maand == vorige].groupby("thema_id").size()
    eerder = set(df.loc[maand < deze, "thema_id"])
    rijen = []
    for thema_id in sorted(set(nu.index) | set(toen.index)):
        if thema_id == OVERIG:
            continue
        a, b = int(toen.get(thema_id, 0)), int(nu.get(thema_id, 0))
        if max(a, b) < k:
            continue  # too small to say anything about
        if thema_id not in eerder and b >= k:
            wat = "nieuw"
        elif a >= k and b >= k and b > a:
            wat = "gegroeid"
        elif a >= k and b >= k and b < a:
            wat = "gekrompen"
        elif a >= k and b >= k:
            wat = "gelijk"
        else:
            wat = "gegroeid" if b > a else "gekrompen"
        if thema_id in stijgend and wat in ("gelijk", "gegroeid"):
            wat = f"{wat}, stijgend over de periode"
        verschil = f"{b - a:+d}" if a >= k and b >= k else ""
        rijen.append(
            {
                "thema_id": thema_id,
                "Thema": stand.naam(thema_id),
                "Vorige maand": veilig_aantal(a, k),
                "Deze maand": veilig_aantal(b, k),
                "Verschil": verschil,
                "Wat": wat,
                "_orde": (0 if wat == "nieuw" else 1, -abs(b - a)),
            }
        )
    uit = pd.DataFrame(rijen, columns=[*kolommen, "_orde"])
    return uit.sort_values("_orde", kind="stable").drop(columns="_orde").reset_index(drop=True)
