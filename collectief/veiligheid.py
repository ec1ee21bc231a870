"""Safety signals: notes that need individual follow-up whatever else they mention.

Domestic violence, child abuse or neglect, elder (financial) abuse, coercive control, stalking, sexual
exploitation, honour-related violence or forced marriage, acute crisis, addiction and justice. The signals are
patterns in a validated data file (``data/veiligheid.toml``), written from each category's general vocabulary;
a match right after a negation ("geen signalen van geweld") does not count. Nothing is learned here.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from collectief.errors import CollectiefFout
from collectief.normalise import normaliseer

__all__ = ["Signaal", "Veiligheidssignalen"]


@dataclass(frozen=True)
class Signaal:
    """One safety category: its individual-only theme and its compiled pattern."""

    categorie: str
    thema: str
    patroon: re.Pattern[str]


class Veiligheidssignalen:
    """Finds safety signals in notes: ``zoek(texts)`` -> per note the individual-only theme ids it signals."""

    def __init__(self, signalen: Sequence[Signaal], ontkenningen: Sequence[str] = (), bereik: int = 4) -> None:
        self.signalen = tuple(signalen)
        self.ontkenningen = frozenset(ontkenningen)
        self.bereik = bereik

    @classmethod
    @functools.lru_cache(maxsize=1)
    def standaard(cls) -> Veiligheidssignalen:
        """The shipped signals (read once per process)."""
        tekst = resources.files("collectief").joinpath("data/veiligheid.toml").read_text(encoding="utf-8")
        return cls.uit_toml(tekst, "veiligheid.toml (ingebouwd)")

    @classmethod
    def laad(cls, pad: str | Path) -> Veiligheidssignalen:
        try:
            tekst = Path(pad).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as fout:
            raise CollectiefFout("E070", bestand=pad, wat=f"het kan niet worden gelezen ({fout})") from None
        return cls.uit_toml(tekst, str(pad))

    @classmethod
    def uit_toml(cls, tekst: str, bestand: str) -> Veiligheidssignalen:
        try:
            data = tomllib.loads(tekst)
        except tomllib.TOMLDecodeError as fout:
            raise CollectiefFout("E070", bestand=bestand, wat=f"het is geen geldige TOML ({fout})") from None
        signalen = []
        for nummer, item in enumerate(data.get("signaal", []), start=1):
            naam = f"signaal {nummer} ({item.get('categorie', 'zonder categorie')})"
            for veld in ("categorie", "thema", "patronen"):
                if veld not in item:
                    raise CollectiefFout("E070", bestand=bestand, wat=f"{naam} mist het veld '{veld}'")
            patronen = item["patronen"]
            if not isinstance(patronen, list) or not patronen or not all(isinstance(p, str) for p in patronen):
                raise CollectiefFout("E070", bestand=bestand, wat=f"{naam}: 'patronen' moet een lijst met teksten zijn")
            try:
                patroon = re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patronen) + r")(?![\w])")
            except re.error as fout:
                raise CollectiefFout("E071", bestand=bestand, signaal=naam, wat=str(fout)) from None
            signalen.append(Signaal(str(item["categorie"]), str(item["thema"]), patroon))
        if not signalen:
            raise CollectiefFout("E070", bestand=bestand, wat="er staat geen enkel [[signaal]] in")
        return cls(signalen, data.get("ontkenningen", ()), int(data.get("bereik_ontkenning", 4)))

    def _telt(self, tekst: str, start: int, match: str) -> bool:
        """A match counts unless a negation stands in the few words before it (and is not part of the match)."""
        if not self.ontkenningen:
            return True
        # Only the same clause: "eet al dagen niet. Crisisdienst gebeld" is no negation of the crisis.
        zin = re.split(r"[.;:!?,()\n]", tekst[max(0, start - 80) : start])[-1]
        ervoor = re.findall(r"[a-z0-9]+", zin)[-self.bereik :]
        return not (set(ervoor) & self.ontkenningen)

    def categorieen(self, tekst: str) -> tuple[str, ...]:
        """The safety categories a normalised note signals, in the data file's order."""
        uit = []
        for signaal in self.signalen:
            if any(self._telt(tekst, m.start(), m.group(0)) for m in signaal.patroon.finditer(tekst)):
                uit.append(signaal.categorie)
        return tuple(uit)

    def zoek(self, teksten: Sequence[str], genormaliseerd: bool = True) -> list[tuple[str, ...]]:
        """Per note the individual-only theme ids it signals (each once, in the data file's order)."""
        uit = []
        thema_van = {s.categorie: s.thema for s in self.signalen}
        for tekst in teksten:
            tekst = tekst if genormaliseerd else normaliseer(tekst)
            uit.append(tuple(dict.fromkeys(thema_van[c] for c in self.categorieen(tekst))))
        return uit
