"""The theme catalogue: a validated data file, shipped with the package and extendable by the team.

A team's own file (same format as ``collectief/data/themas.toml``) adds themes, or overrides a built-in theme
with the same ``id``. Every problem is reported with the file, the entry and the fix, in Dutch.
"""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from collectief.errors import CollectiefFout
from collectief.records import Thema

__all__ = ["laad_catalogus"]

_VELDEN = {
    "id": str,
    "naam": str,
    "beschrijving": str,
    "individueel": bool,
    "trefwoorden": list,
    "zwak": list,
    "voorbeelden": list,
}
_VERPLICHT = ("id", "naam", "trefwoorden")


def _fout(bestand: str, wat: str, oplossing: str) -> CollectiefFout:
    return CollectiefFout("E009", bestand=bestand, wat=wat, oplossing=oplossing)


def _lees(tekst: str, bestand: str) -> list[Thema]:
    try:
        data = tomllib.loads(tekst)
    except tomllib.TOMLDecodeError as fout:
        raise _fout(bestand, f"het is geen geldige TOML ({fout})", "Controleer aanhalingstekens en haken.") from None
    onbekend = set(data) - {"thema"}
    if onbekend:
        raise _fout(bestand, f"onbekende sectie(s) {sorted(onbekend)}", "Elk thema begint met de regel [[thema]].")
    themas = []
    gezien: set[str] = set()
    for nummer, item in enumerate(data.get("thema", []), start=1):
        themas.append(_thema(item, bestand, nummer, gezien))
    if not themas:
        raise _fout(bestand, "er staat geen enkel thema in", "Voeg minstens één blok [[thema]] toe.")
    return themas


def _thema(item: dict[str, Any], bestand: str, nummer: int, gezien: set[str]) -> Thema:
    naam = f"thema {nummer} ({item.get('id', 'zonder id')})"
    for veld in _VERPLICHT:
        if veld not in item:
            raise _fout(bestand, f"{naam} mist het veld '{veld}'", f"Voeg '{veld} = ...' toe aan dit thema.")
    for veld, waarde in item.items():
        if veld not in _VELDEN:
            raise _fout(
                bestand,
                f"{naam} heeft een onbekend veld '{veld}'",
                f"Toegestane velden: {', '.join(_VELDEN)}. Controleer de spelling.",
            )
        if not isinstance(waarde, _VELDEN[veld]):
            soort = {str: "tekst", bool: "true of false", list: "lijst met teksten"}[_VELDEN[veld]]
            raise _fout(bestand, f"{naam}: '{veld}' moet een {soort} zijn", f"Schrijf bijvoorbeeld {veld} = ...")
        if isinstance(waarde, list) and not all(isinstance(w, str) and w.strip() for w in waarde):
            raise _fout(
                bestand, f"{naam}: '{veld}' bevat iets anders dan tekst", "Zet elk woord tussen aanhalingstekens."
            )
    if item["id"] in gezien:
        raise _fout(bestand, f"{naam}: het id '{item['id']}' komt twee keer voor", "Geef elk thema een eigen id.")
    if not item["trefwoorden"]:
        raise _fout(bestand, f"{naam} heeft geen trefwoorden", "Geef minstens één trefwoord.")
    gezien.add(item["id"])
    try:
        return Thema(
            id=item["id"],
            naam=item["naam"],
            beschrijving=item.get("beschrijving", ""),
            trefwoorden=tuple(item["trefwoorden"]),
            zwak=tuple(item.get("zwak", ())),
            voorbeelden=tuple(item.get("voorbeelden", ())),
            individueel=item.get("individueel", False),
        )
    except ValueError as fout:
        raise _fout(
            bestand, f"{naam}: {fout}", "Een id bestaat uit letters, cijfers, '_' of '-', zonder spaties."
        ) from None


def laad_catalogus(eigen: str | Path | None = None, met_ingebouwd: bool = True) -> tuple[Thema, ...]:
    """The built-in themes, with a team's own file (if any) adding themes or overriding them by id."""
    themas: dict[str, Thema] = {}
    if met_ingebouwd:
        tekst = resources.files("collectief").joinpath("data/themas.toml").read_text(encoding="utf-8")
        themas.update((t.id, t) for t in _lees(tekst, "themas.toml (ingebouwd)"))
    if eigen is not None:
        pad = Path(eigen)
        try:
            tekst = pad.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as fout:
            raise _fout(
                str(pad), f"het bestand kan niet worden gelezen ({fout})", "Sla het op als UTF-8-tekst."
            ) from None
        eigen_themas = _lees(tekst, str(pad))
        for t in eigen_themas:
            # The individual-only rule lives here: downstream code asks only Thema.individueel.
            if t.id in themas and themas[t.id].individueel and not t.individueel:
                raise _fout(
                    str(pad),
                    f"het thema '{t.id}' is in de ingebouwde catalogus alleen voor individuele opvolging, en dat kan "
                    "een eigen bestand niet uitzetten",
                    f"Zet 'individueel = true' bij thema '{t.id}', of laat dit thema weg uit het eigen bestand.",
                )
        themas.update((t.id, t) for t in eigen_themas)
    return tuple(themas.values())
