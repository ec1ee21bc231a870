"""The fixed value sets of collectief as enums, each with the Dutch label a team member reads.

Code compares members (``h.trend is Trend.STIJGEND``), never Dutch text. The members are ``StrEnum``s whose value
is the plain Dutch word, so that a value written to a CSV file or a JSON file reads as before; :attr:`label` is
the text for a screen or a report.
"""

from __future__ import annotations

from enum import Enum, StrEnum

__all__ = ["JaNee", "Markering", "Oordeel", "Trend", "Voorstelsoort"]


class Trend(StrEnum):
    """Questions per month in the period against the months before it (:mod:`collectief.recurrence`).

    ``NIEUW``: no question at all in the months before, some now. ``ONBEKEND``: too few months before the period
    to judge (or no dates).
    """

    STIJGEND = "stijgend"
    DALEND = "dalend"
    STABIEL = "stabiel"
    NIEUW = "nieuw"
    ONBEKEND = "onbekend"

    @property
    def label(self) -> str:
        return {
            Trend.STIJGEND: "stijgend ↑",
            Trend.DALEND: "dalend ↓",
            Trend.STABIEL: "stabiel",
            Trend.NIEUW: "nieuw ★",
            Trend.ONBEKEND: "nog onbekend",
        }[self]

    @property
    def opkomend(self) -> bool:
        """Rising or new: a theme to look at in the session."""
        return self in (Trend.STIJGEND, Trend.NIEUW)


class Oordeel(StrEnum):
    """The verdict on a started offer: its theme in the months before the start against the months after."""

    TE_WEINIG_GEGEVENS = "te weinig gegevens"
    MINDER = "minder hulpvragen"
    GEEN_VERSCHIL = "geen duidelijk verschil"
    MEER = "meer hulpvragen"

    @property
    def label(self) -> str:
        return self.value


class JaNee(StrEnum):
    """A yes/no cell as a team reads it in Excel."""

    JA = "ja"
    NEE = "nee"

    @classmethod
    def van(cls, waarde: bool) -> JaNee:
        return cls.JA if waarde else cls.NEE

    @property
    def label(self) -> str:
        return self.value


class Voorstelsoort(StrEnum):
    """What kind of proposal a :class:`~collectief.proposals.Voorstel` is."""

    COLLECTIEF = "collectief"
    ALGEMEEN = "algemeen"
    INDIVIDUEEL = "individueel"

    @property
    def label(self) -> str:
        return {
            Voorstelsoort.COLLECTIEF: "collectief aanbod",
            Voorstelsoort.ALGEMEEN: "bespreken in de maandsessie",
            Voorstelsoort.INDIVIDUEEL: "individuele opvolging",
        }[self]


class Markering(Enum):
    """A count that is not shown because it is below the small-cell threshold ``k``.

    A table cell holds the member itself; it is written as ``"<k"`` (:meth:`tekst`) only when rendered.
    """

    ONDERDRUKT = "onderdrukt"

    def tekst(self, k: int) -> str:
        """The marker as shown, e.g. ``"<5"``."""
        return f"<{k}"

    def label(self, k: int) -> str:
        """The marker inside a Dutch sentence, e.g. ``"minder dan 5"``."""
        return f"minder dan {k}"
