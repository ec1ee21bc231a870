"""Intake: read a team's export (CSV, XLSX, ODS or XLS) into typed rows, row by row, without loading it whole.

Real exports are messy. This stage tells the kind of file by its bytes, detects the encoding (UTF-8, UTF-16,
Windows-1252, cp850, Mac Roman) and delimiter, picks the sheet that holds the data, finds the header even below
title lines or over two rows, maps Dutch column names by their words and by what the columns hold (or by an
explicit mapping), reads Dutch dates and durations and strips HTML from notes. Every data row ends up either
as a :class:`~collectief.records.RuweRij` or as an :class:`~collectief.records.Afwijzing` with its reason and
the row number a person sees: nothing is dropped unseen. A file that cannot be used at all raises one
:class:`~collectief.errors.CollectiefFout`. No message ever repeats a cell's content.

The text in a ``RuweRij`` is not yet scrubbed; the privacy stage comes next and nothing here logs it.
"""

from __future__ import annotations

from collectief.intake.openen import Export, open_export
from collectief.intake.waarden import parse_datum, parse_minuten, schoon_html
from collectief.intake.woorden import VELDEN, woorden

__all__ = ["ALIASSEN", "VELDEN", "Export", "open_export", "parse_datum", "parse_minuten", "schoon_html"]

#: Per field, the column-name words that point to it (from ``collectief/data/intake.toml``).
ALIASSEN: dict[str, tuple[str, ...]] = dict(woorden().velden)
