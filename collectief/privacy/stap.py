"""Scrubbing steps and ordered, named groups of them (the shape of docdeid's ``DocProcessor`` and group).

A :class:`Stap` does one job on a :class:`~collectief.privacy.notitie.Notitie`. A :class:`Detector` is a step that
only finds: it adds :class:`~collectief.privacy.notitie.Vondst` items, and the :class:`StapGroep` it belongs to
replaces them by tags once all its steps have run, so that an earlier step in the group wins an overlap. Groups
nest; every step and group has a name, and a set of names switches them off for a run.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator

from collectief.errors import CollectiefFout
from collectief.privacy.notitie import CIJFER_RE, Notitie, Vondst

__all__ = ["Detector", "Stap", "StapGroep"]


class Stap(ABC):
    """Something that does one job on a note."""

    @abstractmethod
    def process(self, notitie: Notitie) -> None:
        """Work on ``notitie`` in place."""


class Detector(Stap):
    """A step that finds stretches to tag; ``cijfer_nodig`` lets a group skip it for notes without a digit."""

    cijfer_nodig: bool = False

    @abstractmethod
    def vind(self, notitie: Notitie) -> Iterable[Vondst]:
        """The stretches of ``notitie.tekst`` this detector would tag (overlaps are sorted out by the caller)."""

    def process(self, notitie: Notitie) -> None:
        for vondst in self.vind(notitie):
            notitie.voeg_toe(vondst)


class StapGroep(Stap):
    """Named steps run in order; pending finds are replaced by their tags at the end of the group.

    Args:
        stappen: ``(name, step)`` pairs, in the order they run. Names are unique within the group.
        alleen_na_wijziging: Name of an earlier step or group; this group then runs only when the text changed
            after it (a second pass of patterns finds nothing new in a text that stayed the same).
    """

    def __init__(self, stappen: Iterable[tuple[str, Stap]], alleen_na_wijziging: str | None = None) -> None:
        self._stappen: dict[str, Stap] = {}
        for naam, stap in stappen:
            if naam in self._stappen:
                raise ValueError(f"step name {naam!r} occurs twice in one group")
            self._stappen[naam] = stap
        self.alleen_na_wijziging = alleen_na_wijziging
        # What kind each step is, decided once rather than per note.
        self._soorten = [
            (
                naam,
                stap,
                "groep" if isinstance(stap, StapGroep) else "detector" if isinstance(stap, Detector) else "stap",
            )
            for naam, stap in self._stappen.items()
        ]

    def namen(self, recursief: bool = True) -> list[str]:
        """The names of the steps, in order (with those inside nested groups when ``recursief``)."""
        namen = []
        for naam, stap in self._stappen.items():
            namen.append(naam)
            if recursief and isinstance(stap, StapGroep):
                namen += [n for n in stap.namen() if n not in namen]
        return namen

    def __getitem__(self, naam: str) -> Stap:
        return self._stappen[naam]

    def __iter__(self) -> Iterator[tuple[str, Stap]]:
        return iter(self._stappen.items())

    def controleer_namen(self, namen: Iterable[str]) -> None:
        """Raise E062 for a name that is no step of this group or a nested one."""
        bekend = self.namen()
        for naam in namen:
            if naam not in bekend:
                raise CollectiefFout("E062", stap=naam, stappen=", ".join(bekend))

    def process(self, notitie: Notitie, uit: frozenset[str] = frozenset()) -> None:
        if self.alleen_na_wijziging is not None:
            eerder = notitie.momentopnamen.get(self.alleen_na_wijziging)
            if eerder is not None and eerder == notitie.tekst:
                return
        heeft_cijfer = CIJFER_RE.search(notitie.tekst) is not None
        for naam, stap, soort in self._soorten:
            if naam in uit:
                continue
            if soort == "groep":
                notitie.pas_toe()  # a nested group sees the text with the finds so far replaced
                stap.process(notitie, uit)  # type: ignore[call-arg]
            elif soort == "detector":
                if stap.cijfer_nodig and not heeft_cijfer:  # type: ignore[attr-defined]
                    continue
                stap.process(notitie)
            else:
                notitie.pas_toe()
                stap.process(notitie)
                heeft_cijfer = CIJFER_RE.search(notitie.tekst) is not None
            notitie.momentopnamen[naam] = notitie.tekst
        notitie.pas_toe()
