"""Typed records that travel between the pipeline stages.

Every record is a frozen dataclass that checks itself on construction, so a stage that receives one can trust
it. Only scrubbed text ever lives in a record that leaves the privacy stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = ["OVERIG", "SCRUB_CATEGORIEEN", "Afwijzing", "Hulpvraag", "ImportRapport", "RuweRij", "ScrubTelling", "Thema"]

#: Theme id for hulpvragen that fit no recurring theme. Always counted and shown, never hidden.
OVERIG = "overig"


@dataclass(frozen=True, slots=True)
class RuweRij:
    """One usable data row as read from an export, before scrubbing.

    ``rij`` is the 0-based data row number in the file (header and title lines not counted).
    The text here is *unscrubbed*: a RuweRij never leaves the intake → privacy hand-over.
    """

    rij: int
    tekst: str
    datum: dt.date | None = None
    wijk: str | None = None
    huishouden: str | None = None
    minuten: float | None = None
    bron_id: str | None = None

    def __post_init__(self) -> None:
        if self.rij < 0:
            raise ValueError(f"rij must be >= 0, got {self.rij}")
        if not self.tekst.strip():
            raise ValueError("tekst must not be empty")
        if self.minuten is not None and self.minuten < 0:
            raise ValueError(f"minuten must be >= 0, got {self.minuten}")


@dataclass(frozen=True, slots=True)
class Hulpvraag:
    """A scrubbed hulpvraag, safe to store, show and export."""

    rij: int
    tekst: str
    datum: dt.date | None = None
    wijk: str | None = None
    huishouden: str | None = None
    minuten: float | None = None
    bron_id: str | None = None

    def __post_init__(self) -> None:
        if self.rij < 0:
            raise ValueError(f"rij must be >= 0, got {self.rij}")
        if not self.tekst.strip():
            raise ValueError("tekst must not be empty")


@dataclass(frozen=True, slots=True)
class Afwijzing:
    """A data row that could not be used, with the reason in Dutch (and its export id, when it has one)."""

    rij: int
    reden: str
    bron_id: str | None = None

    def __post_init__(self) -> None:
        if self.rij < 0:
            raise ValueError(f"rij must be >= 0, got {self.rij}")
        if not self.reden:
            raise ValueError("reden must not be empty")


#: The scrub categories (tag names) and how a report names them, in Dutch.
SCRUB_CATEGORIEEN: dict[str, str] = {
    "NAAM": "namen",
    "TELEFOON": "telefoonnummers",
    "EMAIL": "e-mailadressen",
    "ADRES": "adressen",
    "POSTCODE": "postcodes",
    "BSN": "BSN's",
    "IBAN": "IBAN's",
    "DATUM": "datums",
    "LEEFTIJD": "leeftijden",
    "URL": "webadressen",
    "ID": "overige nummers",
    "KENTEKEN": "kentekens",
    "ACCOUNT": "accounts op sociale media",
    "INSTELLING": "namen van scholen en instellingen",
}


@dataclass(slots=True)
class ScrubTelling:
    """Counts of removed personal data per category (Dutch tag names, e.g. ``NAAM``)."""

    per_categorie: dict[str, int] = field(default_factory=dict)

    def add(self, categorie: str, n: int = 1) -> None:
        self.per_categorie[categorie] = self.per_categorie.get(categorie, 0) + n

    def update(self, other: ScrubTelling) -> None:
        for categorie, n in other.per_categorie.items():
            self.add(categorie, n)

    @property
    def totaal(self) -> int:
        return sum(self.per_categorie.values())


@dataclass(slots=True)
class ImportRapport:
    """What happened to an export file: accepted, rejected with reasons, scrubbed per category."""

    bestand: str
    data_rijen: int = 0
    geaccepteerd: int = 0
    afwijzingen: list[Afwijzing] = field(default_factory=list)
    #: Usable rows with a field that could not be read (e.g. minutes): kept, but the field left empty.
    waarschuwingen: list[Afwijzing] = field(default_factory=list)
    #: Fully empty lines after the last data row (Excel often leaves these); not data rows, but counted.
    lege_regels_einde: int = 0
    gescrubd: ScrubTelling = field(default_factory=ScrubTelling)
    nieuw_opgeslagen: int = 0
    al_aanwezig: int = 0
    kolommen: dict[str, str] = field(default_factory=dict)

    @property
    def afgewezen(self) -> int:
        return len(self.afwijzingen)


@dataclass(frozen=True, slots=True)
class Thema:
    """A theme: from the catalogue (``bron="catalogus"``) or discovered in the data (``bron="ontdekt"``).

    ``individueel`` marks themes that must never get a group offer (huiselijk geweld, verslaving, ...).
    """

    id: str
    naam: str
    beschrijving: str = ""
    trefwoorden: tuple[str, ...] = ()
    voorbeelden: tuple[str, ...] = ()
    individueel: bool = False
    bron: str = "catalogus"
    zwak: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if not self.id or not self.id.replace("_", "").replace("-", "").isalnum():
            raise ValueError(f"thema id must be a non-empty slug, got {self.id!r}")
        if not self.naam.strip():
            raise ValueError(f"thema {self.id!r} needs a naam")
        if self.bron not in ("catalogus", "ontdekt"):
            raise ValueError(f"bron must be 'catalogus' or 'ontdekt', got {self.bron!r}")
