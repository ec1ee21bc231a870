"""Typed records that travel between the pipeline stages.

Every record is a frozen dataclass that checks itself on construction, so a stage that receives one can trust
it. Only scrubbed text ever lives in a record that leaves the privacy stage.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

__all__ = [
    "OVERIG",
    "SCRUB_CATEGORIEEN",
    "Afwijzing",
    "Hulpvraag",
    "ImportRapport",
    "Inleesverslag",
    "Kolomkandidaat",
    "Kolomkeuze",
    "RuweRij",
    "ScrubTelling",
    "Thema",
]

#: Theme id for hulpvragen that fit no recurring theme. Always counted and shown, never hidden.
OVERIG = "overig"


@dataclass(frozen=True, slots=True)
class RuweRij:
    """One usable data row as read from an export, before scrubbing.

    ``rij`` is the 0-based data row number in the file (header and title lines not counted). ``regel`` is the
    number a person sees: the row in Excel, or the line in an editor where the row starts (a quoted note with
    line breaks spans several lines); show this one. ``huishouden_uit_naam`` says that ``huishouden`` comes from
    a column holding person names: it must never be stored as it is (only a keyed hash of it).
    The text here is *unscrubbed*: a RuweRij never leaves the intake → privacy hand-over.
    """

    rij: int
    tekst: str
    datum: dt.date | None = None
    wijk: str | None = None
    huishouden: str | None = None
    minuten: float | None = None
    bron_id: str | None = None
    regel: int | None = None
    huishouden_uit_naam: bool = False

    def __post_init__(self) -> None:
        if self.rij < 0:
            raise ValueError(f"rij must be >= 0, got {self.rij}")
        if not self.tekst.strip():
            raise ValueError("tekst must not be empty")
        if self.minuten is not None and self.minuten < 0:
            raise ValueError(f"minuten must be >= 0, got {self.minuten}")


@dataclass(frozen=True, slots=True)
class Hulpvraag:
    """A scrubbed hulpvraag, safe to store, show and export. ``regel``: see :class:`RuweRij`."""

    rij: int
    tekst: str
    datum: dt.date | None = None
    wijk: str | None = None
    huishouden: str | None = None
    minuten: float | None = None
    bron_id: str | None = None
    regel: int | None = None

    def __post_init__(self) -> None:
        if self.rij < 0:
            raise ValueError(f"rij must be >= 0, got {self.rij}")
        if not self.tekst.strip():
            raise ValueError("tekst must not be empty")


@dataclass(frozen=True, slots=True)
class Afwijzing:
    """A data row that could not be used, with the reason in Dutch (and its export id, when it has one).

    The reason names the field and the problem, never the cell's content. ``regel`` is the row number a person
    sees in Excel or an editor (see :class:`RuweRij`); show it instead of ``rij + 1``.
    """

    rij: int
    reden: str
    bron_id: str | None = None
    regel: int | None = None

    @property
    def getoond(self) -> int:
        """The row number to show: ``regel`` when the intake knows it, else the 1-based data row."""
        return self.regel if self.regel is not None else self.rij + 1

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


@dataclass(frozen=True, slots=True)
class Kolomkandidaat:
    """A column that could hold a field, with the reason in Dutch (from its name and the kind of values; never
    the values themselves). ``positie`` is 0-based; ``score`` ranks the candidates of one field."""

    kolom: str
    positie: int
    reden: str
    score: float


@dataclass(frozen=True, slots=True)
class Kolomkeuze:
    """Which column the intake took for a field, and why; ``kandidaten`` holds every column that could fit,
    the chosen one first (more than one: the dashboard may ask the user)."""

    veld: str
    kolom: str
    reden: str
    kandidaten: tuple[Kolomkandidaat, ...] = ()


@dataclass(frozen=True, slots=True)
class Inleesverslag:
    """What the intake decided about a file as a whole: the sheet, the encoding, the header, the columns.

    ``naamkolommen`` are columns holding person names: they are never stored. When ``huishouden_uit_naamkolom``
    is set, the household values come from such a column and may only be stored as a keyed hash.
    ``meldingen`` are Dutch notes for the user (a doubtful encoding, NUL bytes removed, a name column).
    """

    soort: str
    blad: str | None = None
    bladen: tuple[str, ...] = ()
    encoding: str | None = None
    scheidingsteken: str | None = None
    kopregel: int = 1
    keuzes: tuple[Kolomkeuze, ...] = ()
    naamkolommen: tuple[str, ...] = ()
    huishouden_uit_naamkolom: bool = False
    meldingen: tuple[str, ...] = ()


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
    #: New rows whose export id was already stored with other content (another team, a new year): kept as new.
    id_botsingen: int = 0
    #: Rows the database refused (its schema does not allow them); they are among ``afwijzingen`` too.
    geweigerd: int = 0
    #: Accepted rows whose household came from a column of person names (kept only as a pseudonym).
    huishoudens_uit_namen: int = 0
    #: The intake's decisions about the file (sheet, encoding, column choices, name columns).
    inlezen: Inleesverslag | None = None

    @property
    def afgewezen(self) -> int:
        return len(self.afwijzingen)

    @property
    def naamkolommen(self) -> tuple[str, ...]:
        """Columns that held person names (never stored as such), as the intake found them."""
        return self.inlezen.naamkolommen if self.inlezen is not None else ()


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
