"""The offer catalogue (aanbodcatalogus): collective offers per theme, loaded from TOML and checked on load.

The catalogue ships as ``collectief/data/aanbod.toml``; the comment at its top documents every field. A team
can pass its own file to :func:`laad_aanbod`: a block with a new id adds an offer, a block with an existing id
changes only the fields it names (unless it changes ``soort``: then it replaces the whole block).

Three kinds of entries (``soort``):

* ``collectief`` — a group offer for one theme, with hours, frequency and reach for the tijdwinst model.
* ``individueel`` — individual follow-up only (huiselijk geweld, verslaving, justitie, acute crisis). These
  themes never get a group offer; the loader refuses one. ``thema = "*"`` is the fallback for other
  individual-only themes.
* ``algemeen`` — exactly one, ``thema = "*"``: the generic proposal for themes without an offer of their own
  (usually discovered themes).

Every problem is reported as :class:`~collectief.errors.CollectiefFout` ``E009`` naming the file, the entry
(offer id, theme and line) and the fix.
"""

from __future__ import annotations

import difflib
import functools
import math
import re
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from collectief.errors import CollectiefFout
from collectief.tijdwinst import Aannames, Teamaannames, als_pickle, getal

__all__ = [
    "SOORTEN",
    "TERUGVAL",
    "Aanbod",
    "Aanbodcatalogus",
    "laad_aanbod",
]

SOORTEN = ("collectief", "individueel", "algemeen")


@functools.cache
def _individuele_themas() -> frozenset[str]:
    """The built-in individual-only theme ids, as flagged in the theme catalogue's data file."""
    from collectief.catalogue import laad_catalogus

    return frozenset(t.id for t in laad_catalogus() if t.individueel)


def __getattr__(naam: str) -> object:
    # INDIVIDUELE_THEMAS: the built-in themes flagged ``individueel`` in collectief/data/themas.toml (no ids in
    # code), read on first use. The offer loader refuses a group offer for them; everything downstream asks
    # ``Thema.individueel`` (a team's file cannot unflag them: see collectief.catalogue).
    if naam == "INDIVIDUELE_THEMAS":
        return _individuele_themas()
    raise AttributeError(f"module {__name__!r} has no attribute {naam!r}")


#: ``thema`` value of the fallback entries.
TERUGVAL = "*"

_ALGEMENE_SLEUTELS = ("thema", "soort", "naam", "partners", "beschrijving")
_GROEPSSLEUTELS = ("vorm", "sessies_per_maand", "voorbereiding_uren", "uren_per_sessie", "medewerkers", "bereik")
_BEREIK_SLEUTELS = ("laag", "verwacht", "hoog")
_TOPSLEUTELS = ("versie", "aanbod")
_SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")

# (minimum, minimum allowed?, maximum, Dutch unit for messages, example)
_GETALLEN: dict[str, tuple[float, bool, float, str, str]] = {
    "sessies_per_maand": (0, False, 31, "bijeenkomsten per maand", "sessies_per_maand = 1"),
    "voorbereiding_uren": (0, True, 160, "uren voorbereiding per maand", "voorbereiding_uren = 2"),
    "uren_per_sessie": (0, False, 24, "uren per bijeenkomst", "uren_per_sessie = 2"),
    "medewerkers": (0, True, 20, "medewerkers per bijeenkomst", "medewerkers = 1"),
}


@dataclass(frozen=True)
class Aanbod:
    """One catalogue entry. Group fields are set for ``soort == "collectief"`` and ``None`` otherwise.

    ``partners[0]`` is the partner to approach first. ``bereik`` is (laag, verwacht, hoog).
    ``voorbereiding_uren`` is per month, start-up work included (see :mod:`collectief.tijdwinst`).
    ``bestand`` is the file the entry (last) came from.
    """

    id: str
    thema: str
    soort: str
    naam: str
    partners: tuple[str, ...]
    beschrijving: str
    vorm: str | None = None
    sessies_per_maand: float | None = None
    voorbereiding_uren: float | None = None
    uren_per_sessie: float | None = None
    medewerkers: int | None = None
    bereik: tuple[float, float, float] | None = None
    bestand: str = ""

    def __post_init__(self) -> None:
        if self.soort not in SOORTEN:
            raise ValueError(f"soort must be one of {SOORTEN}, got {self.soort!r}")
        groep = (self.vorm, self.sessies_per_maand, self.voorbereiding_uren, self.uren_per_sessie,
                 self.medewerkers, self.bereik)  # fmt: skip
        if self.soort == "collectief":
            if any(w is None for w in groep):
                raise ValueError(f"collective offer {self.id!r} needs every group field")
            if self.thema in _individuele_themas() or self.thema == TERUGVAL:
                raise ValueError(f"collective offer {self.id!r} cannot be for theme {self.thema!r}")
        elif any(w is not None for w in groep):
            raise ValueError(f"{self.soort} entry {self.id!r} cannot have group fields")
        if not self.partners:
            raise ValueError(f"offer {self.id!r} needs at least one partner")

    @property
    def individueel(self) -> bool:
        return self.soort == "individueel"

    @property
    def kosten(self) -> float | None:
        """Team hours per month, or ``None`` for entries that are not a group offer."""
        return self.aannames().kosten if self.soort == "collectief" else None

    def aannames(self, basis: Aannames | None = None) -> Aannames:
        """The tijdwinst assumptions of this offer, on top of ``basis`` (which supplies the minutes)."""
        basis = basis or Aannames()
        if self.soort != "collectief":
            raise ValueError(f"{self.id!r} is not a collective offer and has no tijdwinst assumptions")
        assert self.bereik is not None  # guaranteed by __post_init__
        return replace(
            basis,
            bereik_laag=self.bereik[0],
            bereik_verwacht=self.bereik[1],
            bereik_hoog=self.bereik[2],
            voorbereiding_uren=self.voorbereiding_uren,
            sessies_per_maand=self.sessies_per_maand,
            uren_per_sessie=self.uren_per_sessie,
            medewerkers=self.medewerkers,
        )

    def frequentie(self) -> str:
        """How often it meets, in Dutch: ``"1 keer per maand"``, ``"1 keer per 2 maanden"``; ``""`` if n/a."""
        s = self.sessies_per_maand
        if s is None:
            return ""
        if s >= 1:
            return f"{getal(s)} keer per maand"
        return f"1 keer per {getal(1 / s)} maanden"


@dataclass(frozen=True, eq=False)
class Aanbodcatalogus:
    """All offers by id, with look-ups by theme. Build it with :func:`laad_aanbod`."""

    items: Mapping[str, Aanbod]
    bestanden: tuple[str, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "items", MappingProxyType(dict(self.items)))

    __reduce__ = als_pickle

    def __getitem__(self, aanbod_id: str) -> Aanbod:
        return self.items[aanbod_id]

    def __contains__(self, aanbod_id: object) -> bool:
        return aanbod_id in self.items

    def __iter__(self) -> Iterator[Aanbod]:
        return iter(self.items.values())

    def __len__(self) -> int:
        return len(self.items)

    def voor_thema(self, thema_id: str) -> tuple[Aanbod, ...]:
        """Every entry written for exactly this theme (no fallbacks), sorted by id."""
        return tuple(a for a in sorted(self.items.values(), key=lambda a: a.id) if a.thema == thema_id)

    def collectief_voor(self, thema_id: str) -> tuple[Aanbod, ...]:
        """The group offers for a theme, sorted by id; empty for individual-only themes."""
        if thema_id in _individuele_themas():
            return ()
        return tuple(a for a in self.voor_thema(thema_id) if a.soort == "collectief")

    def met_aannames(self, team: Teamaannames | None) -> Aanbodcatalogus:
        """This catalogue with the team's own per-offer assumptions (reach, sessions, preparation, staff) on top.

        Entries the team did not change, and values for offers that are no longer in the catalogue or are not a
        group offer, are left as they are. Raises ``ValueError`` (Dutch) when the result does not hold together,
        e.g. a reach that no longer rises from low to high.
        """
        if team is None or not team.aanbod:
            return self
        items = dict(self.items)
        for aanbod_id, velden in team.aanbod.items():
            oud = items.get(aanbod_id)
            if oud is None or oud.soort != "collectief" or not velden:
                continue
            assert oud.bereik is not None  # a collective offer has every group field
            bereik = dict(zip(("bereik_laag", "bereik_verwacht", "bereik_hoog"), oud.bereik, strict=True))
            bereik.update({v: w for v, w in velden.items() if v in bereik})
            nieuw = replace(
                oud,
                bereik=(bereik["bereik_laag"], bereik["bereik_verwacht"], bereik["bereik_hoog"]),
                **{v: (int(w) if v == "medewerkers" else w) for v, w in velden.items() if not v.startswith("bereik_")},
            )
            nieuw.aannames()  # checks the combination (reach rising, numbers >= 0) with Dutch messages
            items[aanbod_id] = nieuw
        return Aanbodcatalogus(items=items, bestanden=self.bestanden)

    def individueel_voor(self, thema_id: str) -> Aanbod:
        """The individual follow-up entry for a theme, or the fallback (``thema = "*"``)."""
        eigen = [a for a in self.voor_thema(thema_id) if a.soort == "individueel"]
        if eigen:
            return eigen[0]
        return next(a for a in self.items.values() if a.soort == "individueel" and a.thema == TERUGVAL)

    def algemeen(self) -> Aanbod:
        """The generic entry for themes without an offer of their own."""
        return next(a for a in self.items.values() if a.soort == "algemeen")


# --- loading ----------------------------------------------------------------------------------------------------


def _fout(bestand: str, wat: str, oplossing: str) -> CollectiefFout:
    return CollectiefFout("E009", bestand=bestand, wat=wat, oplossing=oplossing)


def _regelnummer(tekst: str, aanbod_id: str) -> int | None:
    patroon = re.compile(rf"^\s*\[\s*aanbod\s*\.\s*(?:\"{re.escape(aanbod_id)}\"|'{re.escape(aanbod_id)}'|"
                         rf"{re.escape(aanbod_id)})\s*\]")  # fmt: skip
    for nummer, regel in enumerate(tekst.splitlines(), start=1):
        if patroon.match(regel):
            return nummer
    return None


def _lees(bestand: str, tekst: str) -> dict[str, Any]:
    try:
        ruw = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        raise _fout(
            bestand,
            f"het is geen geldige TOML ({fout})",
            "Controleer die regel: tekst tussen aanhalingstekens, getallen met een punt (0.3), lijsten tussen "
            "[ ] en elk [aanbod.<id>] maar één keer.",
        ) from None
    onbekend = [k for k in ruw if k not in _TOPSLEUTELS]
    if onbekend:
        raise _fout(
            bestand,
            f"de sleutel '{onbekend[0]}' bovenaan het bestand is onbekend",
            "Bovenaan mogen alleen 'versie = 1' en blokken [aanbod.<id>] staan; zet elk veld in een blok.",
        )
    if "versie" in ruw and (isinstance(ruw["versie"], bool) or ruw["versie"] != 1):
        raise _fout(bestand, f"versie is {ruw['versie']!r}", "Deze versie van collectief leest 'versie = 1'.")
    aanbod = ruw.get("aanbod", {})
    if not isinstance(aanbod, dict):
        raise _fout(bestand, "'aanbod' is geen tabel", "Schrijf elk aanbod als blok [aanbod.<id>].")
    return aanbod


class _Context:
    """Names the entry in error messages: file, offer id, theme, line."""

    def __init__(self, bestand: str, tekst: str, aanbod_id: str, blok: Mapping[str, Any]) -> None:
        self.bestand = bestand
        self.aanbod_id = aanbod_id
        thema = blok.get("thema")
        delen = [f"thema '{thema}'"] if isinstance(thema, str) and thema else []
        regel = _regelnummer(tekst, aanbod_id)
        if regel is not None:
            delen.append(f"regel {regel}")
        self.waar = f"bij aanbod '{aanbod_id}'" + (f" ({', '.join(delen)})" if delen else "")

    def fout(self, probleem: str, oplossing: str) -> CollectiefFout:
        return _fout(self.bestand, f"{self.waar} {probleem}", oplossing)


def _tekst(ctx: _Context, blok: Mapping[str, Any], sleutel: str) -> str:
    waarde = blok[sleutel]
    if not isinstance(waarde, str) or not waarde.strip():
        raise ctx.fout(
            f"moet '{sleutel}' een tekst zijn, maar het is {waarde!r}",
            f'Schrijf de tekst tussen aanhalingstekens, bijvoorbeeld {sleutel} = "...".',
        )
    return " ".join(waarde.split())


def _getal(ctx: _Context, blok: Mapping[str, Any], sleutel: str) -> float:
    waarde = blok[sleutel]
    minimum, minimum_mag, maximum, eenheid, voorbeeld = _GETALLEN[sleutel]
    if isinstance(waarde, bool) or not isinstance(waarde, int | float) or not math.isfinite(waarde):
        raise ctx.fout(
            f"moet '{sleutel}' een getal zijn, maar het is {waarde!r}",
            f"Schrijf een getal zonder aanhalingstekens, bijvoorbeeld {voorbeeld}.",
        )
    if waarde < minimum or (waarde == minimum and not minimum_mag):
        grens = f"{getal(minimum)} of meer" if minimum_mag else f"meer dan {getal(minimum)}"
        raise ctx.fout(
            f"is '{sleutel}' {waarde}, maar het aantal {eenheid} moet {grens} zijn",
            f"Vul een getal van {grens} in, bijvoorbeeld {voorbeeld}.",
        )
    if waarde > maximum:
        raise ctx.fout(
            f"is '{sleutel}' {waarde}, meer dan het maximum van {getal(maximum)} {eenheid}",
            f"Controleer het getal; {sleutel} is per maand of per bijeenkomst, bijvoorbeeld {voorbeeld}.",
        )
    if sleutel == "medewerkers" and not float(waarde).is_integer():
        raise ctx.fout(
            f"is 'medewerkers' {waarde}, maar dat is een aantal mensen",
            "Vul een heel getal in, bijvoorbeeld medewerkers = 1.",
        )
    return int(waarde) if sleutel == "medewerkers" else float(waarde)


def _bereik(ctx: _Context, waarde: Any) -> tuple[float, float, float]:
    voorbeeld = "bereik = { laag = 0.1, verwacht = 0.2, hoog = 0.3 }"
    if not isinstance(waarde, dict):
        raise ctx.fout(f"moet 'bereik' een tabel met laag, verwacht en hoog zijn, maar het is {waarde!r}",
                       f"Schrijf het bereik als {voorbeeld}.")  # fmt: skip
    for sleutel in waarde:
        if sleutel not in _BEREIK_SLEUTELS:
            raise ctx.fout(f"is 'bereik.{sleutel}' onbekend", f"Gebruik alleen laag, verwacht en hoog: {voorbeeld}.")
    uit = []
    for sleutel in _BEREIK_SLEUTELS:
        if sleutel not in waarde:
            raise ctx.fout(f"ontbreekt 'bereik.{sleutel}'", f"Geef alle drie de waarden: {voorbeeld}.")
        deel = waarde[sleutel]
        if isinstance(deel, bool) or not isinstance(deel, int | float) or not math.isfinite(deel):
            raise ctx.fout(f"moet 'bereik.{sleutel}' een getal zijn, maar het is {deel!r}",
                           f"Schrijf het bereik als aandeel, {voorbeeld}.")  # fmt: skip
        if not 0 <= deel <= 1:
            raise ctx.fout(
                f"is 'bereik.{sleutel}' {deel}, maar een bereik is een aandeel tussen 0 en 1",
                "Schrijf het bereik als aandeel: 0.3 betekent 30% van de hulpvragen.",
            )
        uit.append(float(deel))
    if not uit[0] <= uit[1] <= uit[2]:
        raise ctx.fout(
            f"loopt het bereik niet op (laag {uit[0]}, verwacht {uit[1]}, hoog {uit[2]})",
            "Zorg dat laag ≤ verwacht ≤ hoog.",
        )
    return (uit[0], uit[1], uit[2])


def _valideer(bestand: str, tekst: str, aanbod_id: str, blok: Any) -> Aanbod:
    if not isinstance(blok, dict):
        raise _fout(bestand, f"'aanbod.{aanbod_id}' is geen blok met velden",
                    f"Schrijf het als [aanbod.{aanbod_id}] met de velden eronder.")  # fmt: skip
    ctx = _Context(bestand, tekst, aanbod_id, blok)
    if not _SLUG.match(aanbod_id):
        raise ctx.fout(
            "is het id geen geldige naam",
            "Gebruik alleen kleine letters, cijfers, _ en -, bijvoorbeeld [aanbod.toeslagen_spreekuur].",
        )
    soort = blok.get("soort", "collectief")
    if soort not in SOORTEN:
        raise ctx.fout(f"is soort {soort!r} onbekend", 'Kies soort = "collectief", "individueel" of "algemeen".')
    toegestaan = _ALGEMENE_SLEUTELS + (_GROEPSSLEUTELS if soort == "collectief" else ())
    for sleutel in blok:
        if sleutel in toegestaan:
            continue
        if sleutel in _GROEPSSLEUTELS:
            raise ctx.fout(
                f"hoort '{sleutel}' niet bij soort '{soort}': dat is geen groepsaanbod en heeft geen uren of bereik",
                f"Haal '{sleutel}' weg"
                + ("." if blok.get("thema") in _individuele_themas() else ', of maak er soort = "collectief" van.'),
            )
        gelijkend = difflib.get_close_matches(sleutel, toegestaan, n=1)
        hint = f"Bedoel je '{gelijkend[0]}'? " if gelijkend else ""
        raise ctx.fout(f"is de sleutel '{sleutel}' onbekend",
                       f"{hint}Toegestane sleutels: {', '.join(toegestaan)}.")  # fmt: skip
    verplicht = [s for s in toegestaan if s != "soort"]
    for sleutel in verplicht:
        if sleutel not in blok:
            raise ctx.fout(f"ontbreekt de sleutel '{sleutel}'",
                           f"Voeg '{sleutel}' toe; een aanbod van soort '{soort}' heeft nodig: "
                           f"{', '.join(verplicht)}.")  # fmt: skip

    thema = _tekst(ctx, blok, "thema")
    if thema != TERUGVAL and not _SLUG.match(thema):
        raise ctx.fout(f"is thema '{thema}' geen geldig thema-id",
                       'Gebruik het id uit de themacatalogus, bijvoorbeeld thema = "toeslagen".')  # fmt: skip
    if soort == "algemeen" and thema != TERUGVAL:
        raise ctx.fout(
            "is het algemene aanbod aan één thema gekoppeld",
            'Het algemene aanbod geldt voor alle thema\'s zonder eigen aanbod: gebruik thema = "*".',
        )
    if soort == "collectief" and thema == TERUGVAL:
        raise ctx.fout('heeft een groepsaanbod thema "*"',
                       "Koppel een groepsaanbod aan één thema-id, bijvoorbeeld thema = \"wonen\".")  # fmt: skip
    if soort == "collectief" and thema in _individuele_themas():
        raise ctx.fout(
            f"staat een groepsaanbod voor '{thema}', maar dat thema is alleen voor individuele opvolging",
            'Een groepsaanbod is hier niet toegestaan. Gebruik soort = "individueel" en haal de uren en het '
            "bereik weg.",
        )
    partners = blok["partners"]
    if not isinstance(partners, list) or not partners or not all(isinstance(p, str) and p.strip() for p in partners):
        raise ctx.fout(f"moet 'partners' een lijst met minstens één naam zijn, maar het is {partners!r}",
                       'Schrijf bijvoorbeeld partners = ["woningcorporatie", "bibliotheek"].')  # fmt: skip
    velden: dict[str, Any] = {
        "id": aanbod_id,
        "thema": thema,
        "soort": soort,
        "naam": _tekst(ctx, blok, "naam"),
        "partners": tuple(" ".join(p.split()) for p in partners),
        "beschrijving": _tekst(ctx, blok, "beschrijving"),
        "bestand": bestand,
    }
    if soort == "collectief":
        velden["vorm"] = _tekst(ctx, blok, "vorm")
        for sleutel in _GETALLEN:
            velden[sleutel] = _getal(ctx, blok, sleutel)
        velden["bereik"] = _bereik(ctx, blok["bereik"])
    return Aanbod(**velden)


def _samenvoegen(oud: Mapping[str, Any], nieuw: Mapping[str, Any]) -> dict[str, Any]:
    """Apply a user block on top of a built-in block; a changed ``soort`` replaces the block."""
    if nieuw.get("soort", oud.get("soort", "collectief")) != oud.get("soort", "collectief"):
        return dict(nieuw)
    samen = dict(oud)
    for sleutel, waarde in nieuw.items():
        if sleutel == "bereik" and isinstance(waarde, dict) and isinstance(oud.get("bereik"), dict):
            samen["bereik"] = {**oud["bereik"], **waarde}
        else:
            samen[sleutel] = waarde
    return samen


def _controleer_geheel(items: Mapping[str, Aanbod], bestand_van: Mapping[str, str]) -> None:
    """Checks across entries: one fallback of each kind, no theme with both group and individual entries."""
    for soort, uitleg in (("algemeen", "algemeen aanbod"), ("individueel", 'individueel aanbod met thema "*"')):
        terugval = sorted(a.id for a in items.values() if a.soort == soort and a.thema == TERUGVAL)
        if len(terugval) != 1:
            bestand = bestand_van[terugval[-1]] if terugval else next(iter(bestand_van.values()), "aanbod.toml")
            raise _fout(
                bestand,
                f"er moet precies één {uitleg} zijn, maar er zijn er {len(terugval)}"
                + (f" ({', '.join(terugval)})" if terugval else ""),
                "Pas het bestaande blok aan in plaats van er een tweede naast te zetten.",
            )
    per_thema: dict[str, set[str]] = {}
    for a in items.values():
        if a.thema != TERUGVAL:
            per_thema.setdefault(a.thema, set()).add(a.soort)
    for thema, soorten in sorted(per_thema.items()):
        if {"collectief", "individueel"} <= soorten:
            betrokken = sorted(a.id for a in items.values() if a.thema == thema)
            raise _fout(
                bestand_van[betrokken[-1]],
                f"thema '{thema}' heeft zowel een groepsaanbod als individuele opvolging ({', '.join(betrokken)})",
                "Kies één van beide: een thema is óf alleen voor individuele opvolging, óf krijgt groepsaanbod.",
            )
        individueel = [a.id for a in items.values() if a.thema == thema and a.soort == "individueel"]
        if len(individueel) > 1:
            raise _fout(
                bestand_van[sorted(individueel)[-1]],
                f"thema '{thema}' heeft meer dan één individuele opvolging ({', '.join(sorted(individueel))})",
                "Houd één blok per thema over.",
            )


def _ingebouwd() -> tuple[str, str]:
    bron = resources.files("collectief").joinpath("data/aanbod.toml")
    return str(bron), bron.read_text(encoding="utf-8")


def laad_aanbod(extra: Path | str | None = None) -> Aanbodcatalogus:
    """Load the built-in offer catalogue, optionally with a team's own TOML file on top.

    Blocks in ``extra`` with a new id are added; blocks with an existing id change the fields they name
    (``bereik`` per value), or replace the block when they change ``soort``. Everything is validated; a
    missing ``extra`` raises ``E001``, any other problem ``E009`` naming the file, the entry and the fix.
    """
    bestand, tekst = _ingebouwd()
    ruw = _lees(bestand, tekst)
    items = {aanbod_id: _valideer(bestand, tekst, aanbod_id, blok) for aanbod_id, blok in ruw.items()}
    bestand_van = dict.fromkeys(items, bestand)
    bestanden = [bestand]
    if extra is not None:
        pad = Path(extra)
        if not pad.is_file():
            raise CollectiefFout("E001", bestand=str(pad))
        try:
            eigen_tekst = pad.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise _fout(
                str(pad),
                "het is geen UTF-8-tekst",
                "Sla het bestand op als UTF-8 (in Kladblok: 'Opslaan als', codering UTF-8).",
            ) from None
        eigen = _lees(str(pad), eigen_tekst)
        for aanbod_id, blok in eigen.items():
            if aanbod_id in ruw and isinstance(blok, dict) and isinstance(ruw[aanbod_id], dict):
                blok = _samenvoegen(ruw[aanbod_id], blok)
            items[aanbod_id] = _valideer(str(pad), eigen_tekst, aanbod_id, blok)
            bestand_van[aanbod_id] = str(pad)
        bestanden.append(str(pad))
    _controleer_geheel(items, bestand_van)
    return Aanbodcatalogus(items=dict(sorted(items.items())), bestanden=tuple(bestanden))
