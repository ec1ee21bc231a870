"""Small-cell suppression: no count below ``k`` is shown in a breakdown or in a sentence.

The privacy rule of collectief (DOMAIN.md): in breakdowns such as wijk × maand or thema × wijk, a count below
``k`` (default 5) is never shown or exported, because a small count in a small neighbourhood can point at one
household. Tables are suppressed with :func:`onderdruk` (the cell becomes ``pd.NA``) and rendered with
:func:`als_tekst` (the cell reads ``"<5"``); sentences use :func:`veilig_aantal`.

Only the cells themselves are suppressed. When a table also shows row or column totals, a suppressed cell can
sometimes be worked out from the total and the other cells; do not show such totals next to a suppressed table,
or round them.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from numbers import Real

import numpy as np
import pandas as pd

from collectief.waarden import Markering

__all__ = ["K", "als_tekst", "markering", "onderdruk", "veilig_aantal"]

#: Default minimum cell size.
K = 5


def _check_k(k: int) -> None:
    if isinstance(k, bool) or not isinstance(k, int) or k < 1:
        raise ValueError(f"k must be a whole number >= 1, got {k!r}")


def markering(k: int = K) -> str:
    """The marker shown instead of a suppressed count, e.g. ``"<5"``."""
    _check_k(k)
    return Markering.ONDERDRUKT.tekst(k)


def veilig_aantal(n: int | float, k: int = K, *, woorden: bool = False) -> str:
    """A count safe to show: the number itself when it is at least ``k``, else ``"<5"``.

    With ``woorden=True`` the small case reads ``"minder dan 5"``, for use inside a Dutch sentence.
    Zero is also below ``k`` and is therefore never written out.
    """
    _check_k(k)
    if isinstance(n, bool) or not isinstance(n, Real) or np.isnan(n):
        raise ValueError(f"n must be a number, got {n!r}")
    if n < 0:
        raise ValueError(f"a count cannot be negative, got {n}")
    if n < k:
        return Markering.ONDERDRUKT.label(k) if woorden else markering(k)
    return str(int(n)) if float(n).is_integer() else str(n)


def _kolommen(df: pd.DataFrame, kolommen: Sequence[Hashable] | str | None) -> list[Hashable]:
    if kolommen is None:
        return [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])]
    if isinstance(kolommen, str):
        kolommen = [kolommen]
    ontbrekend = [c for c in kolommen if c not in df.columns]
    if ontbrekend:
        raise KeyError(f"columns not in the table: {ontbrekend}")
    return list(kolommen)


def onderdruk(
    df: pd.DataFrame, kolommen: Sequence[Hashable] | str | None = None, k: int = K, *, nul_tonen: bool = False
) -> pd.DataFrame:
    """Return a copy of ``df`` in which every count below ``k`` in ``kolommen`` is replaced by ``pd.NA``.

    ``kolommen`` are the count columns of a breakdown table (``None``: every numeric column). The suppressed
    columns come back as nullable integers (``Int64``), so a missing cell always means "not shown".
    Zero counts are suppressed too, as the privacy rule says *no* count below ``k``; pass ``nul_tonen=True``
    when the team has agreed that an empty cell may be shown as 0. Cells that were already missing stay
    missing and are rendered as suppressed.
    """
    _check_k(k)
    uit = df.copy()
    for kolom in _kolommen(df, kolommen):
        waarden = pd.to_numeric(uit[kolom], errors="raise")
        if (waarden.dropna() < 0).any():
            raise ValueError(f"column {kolom!r} holds negative counts")
        klein = waarden < k
        if nul_tonen:
            klein &= waarden != 0
        if waarden.dropna().map(lambda w: float(w).is_integer()).all():
            waarden = waarden.astype("Int64")
        else:
            waarden = waarden.astype("Float64")
        uit[kolom] = waarden.mask(klein.fillna(False).astype(bool), pd.NA)
    return uit


def als_tekst(
    df: pd.DataFrame, kolommen: Sequence[Hashable] | str | None = None, k: int = K, *, nul_tonen: bool = False
) -> pd.DataFrame:
    """Suppress like :func:`onderdruk` and render the count columns as text, ``"<5"`` for hidden cells.

    Use this for what is shown on screen or exported to a file a person will read.
    """
    gekozen = _kolommen(df, kolommen)
    veilig = onderdruk(df, gekozen, k, nul_tonen=nul_tonen)
    teken = markering(k)
    for kolom in gekozen:
        veilig[kolom] = [
            teken if pd.isna(w) else (str(int(w)) if float(w).is_integer() else str(w)) for w in veilig[kolom]
        ]
    return veilig
