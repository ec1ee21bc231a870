"""How values read on screen: Dutch numbers (decimal comma), Dutch month names, ``<5`` for small counts, no
``None`` or ``NaN``, and data values escaped before they reach Markdown. No Streamlit here."""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from collectief.recurrence import MAANDNAMEN
from collectief.report import MAAND_KORT, markdown_tekst
from collectief.suppress import K, veilig_aantal

__all__ = [
    "MAANDEN_KORT",
    "MAANDEN_LANG",
    "aantal",
    "getal",
    "maandlabel",
    "md",
    "nl_tabel",
    "uren",
]

# One table of Dutch month names for the reports and the dashboard alike.
MAANDEN_KORT = MAAND_KORT
MAANDEN_LANG = MAANDNAMEN


def maandlabel(maand: str | pd.Period | pd.Timestamp, lang: bool = False) -> str:
    """'2026-03' → 'mrt 2026' (or 'maart 2026'), whatever the locale of browser or server."""
    p = pd.Period(maand, freq="M")
    return f"{(MAANDEN_LANG if lang else MAANDEN_KORT)[p.month - 1]} {p.year}"


def aantal(n: int | None, k: int = K) -> str:
    """A count as shown: ``<5`` below k, ``onbekend`` when unknown."""
    return "onbekend" if n is None else veilig_aantal(n, k)


def getal(x: float | None, decimalen: int = 1) -> str:
    """4.5 → '4,5'; 15.0 → '15'; 1234.5 → '1.234,5'; ``None``/NaN → '' (never 'None')."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    tekst = f"{round(float(x), decimalen):,.{decimalen}f}"
    if decimalen:
        tekst = tekst.rstrip("0").rstrip(".")
    tekst = tekst.replace(",", " ").replace(".", ",").replace(" ", ".")
    return "0" if tekst in ("-0", "") else tekst


def uren(x: float | None) -> str:
    """Hours as shown: '4,5 uur'; '–' when there is no figure."""
    return "–" if x is None or (isinstance(x, float) and math.isnan(x)) else f"{getal(x)} uur"


def nl_tabel(df: pd.DataFrame, kolommen: Iterable[str] | None = None, decimalen: int = 1) -> pd.DataFrame:
    """A copy of ``df`` whose number columns read as Dutch text ('4,5'); missing values become ''.

    ``kolommen``: the columns to convert (default: every float column). Other columns keep their values, with
    ``None``/NaN shown as ''.
    """
    uit = df.copy()
    doel = list(kolommen) if kolommen is not None else [c for c in uit.columns if pd.api.types.is_float_dtype(uit[c])]
    for kolom in doel:
        uit[kolom] = [
            getal(v, decimalen)
            if isinstance(v, int | float) and not isinstance(v, bool)
            else ("" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v))
            for v in uit[kolom]
        ]
    for kolom in uit.columns:
        if uit[kolom].dtype == object:
            uit[kolom] = uit[kolom].map(lambda v: "" if v is None or (isinstance(v, float) and math.isnan(v)) else v)
    return uit


def md(waarde: object) -> str:
    """A data value (wijk, theme name given by the team, note) for ``st.markdown``: every Markdown and HTML sign
    escaped, on one line, so it shows exactly its characters and can never become a link, image or heading.
    The backend's one escaping rule (:func:`collectief.report.markdown_tekst`), as the report uses it."""
    return markdown_tekst(waarde)
