"""collectief: recurring hulpvragen of a sociaal wijkteam → themes → collective offers and tijdwinst.

The public API is loaded lazily, so that ``collectief import`` does not pay for spaCy and scikit-learn.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "Afwijzing": "collectief.records",
    "Hulpvraag": "collectief.records",
    "ImportRapport": "collectief.records",
    "OVERIG": "collectief.records",
    "Thema": "collectief.records",
    "CollectiefFout": "collectief.errors",
    "open_export": "collectief.intake",
    "Scrubber": "collectief.privacy",
    "Store": "collectief.store",
    "importeer": "collectief.importer",
    "lees_gescrubd": "collectief.importer",
    "laad_catalogus": "collectief.catalogue",
    "laad_pipeline": "collectief.nlp",
    "ThemaModel": "collectief.themes",
    "Analyse": "collectief.analysis",
    "analyseer": "collectief.analysis",
    "als_dataframe": "collectief.analysis",
}

__all__ = sorted(_API)


def __getattr__(naam: str) -> Any:
    if naam in _API:
        return getattr(importlib.import_module(_API[naam]), naam)
    raise AttributeError(f"module 'collectief' has no attribute {naam!r}")


def __dir__() -> list[str]:
    return [*__all__, "__version__"]
