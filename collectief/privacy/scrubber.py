"""The facade: :class:`Scrubber` runs the named steps in order; :func:`scrub_text` and :func:`warm_up`."""

from __future__ import annotations

import functools
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from collectief.privacy.deduce_stap import DeduceStap, laad_deduce
from collectief.privacy.instellingen import Instelling
from collectief.privacy.leeftijden import Leeftijd
from collectief.privacy.lexicon import Lexicon, bouw_lexicon
from collectief.privacy.namen import NamenInContext, NamenSamenvoegen
from collectief.privacy.normaliseren import Normaliseer
from collectief.privacy.notitie import Notitie
from collectief.privacy.patronen import patroonstappen
from collectief.privacy.regels import Regels
from collectief.privacy.stap import Stap, StapGroep
from collectief.privacy.woordenlijsten import laad_woordenlijsten
from collectief.records import ScrubTelling

__all__ = ["Scrubber", "bouw_stappen", "scrub_text", "warm_up"]


def bouw_stappen(regels: Regels) -> StapGroep:
    """The scrubbing steps in their order (the base configuration; a :class:`Scrubber` switches some off).

    1. ``normaliseren``: Unicode normalisation, so hidden characters cannot split a number.
    2. ``patronen``: fixed-form data, institutions and ages, before deduce (which would cut an IBAN into a phone
       number and a bank code, or read the house-number letter of "112-B Den Haag" as a name).
    3. ``deduce``: names, and a second net for addresses and institutions.
    4. ``namen``: context rules for the names deduce misses; ``namen_samenvoegen`` joins the pieces of one name
       ("[NAAM] Al-[NAAM]").
    5. ``patronen_na_namen``: the patterns once more, only when a name was removed: some things only show then
       ("[NAAM] (82)").
    """

    def patronen() -> list[tuple[str, Stap]]:
        stappen: list[tuple[str, Stap]] = list(patroonstappen(regels))
        stappen.insert(
            [n for n, _ in stappen].index("adres"), ("instelling", Instelling(regels))
        )  # before addresses: "Basisschool De Regenboog" is no street, and a name must not eat it first
        stappen.append(("leeftijd", Leeftijd(regels)))
        return stappen

    return StapGroep(
        [
            ("normaliseren", Normaliseer()),
            ("patronen", StapGroep(patronen())),
            ("deduce", DeduceStap(regels)),
            ("namen", NamenInContext(regels)),
            ("namen_samenvoegen", NamenSamenvoegen(regels)),
            ("patronen_na_namen", StapGroep(patronen(), alleen_na_wijziging="patronen")),
        ]
    )


_LAADSLOT = threading.Lock()


@functools.cache
def _regels(extra: Path | None) -> Regels:
    return Regels(laad_woordenlijsten(extra))


@functools.cache
def _stappen(extra: Path | None) -> StapGroep:
    return bouw_stappen(_regels(extra))


_LEXICONS: dict[tuple[Path | None, bool], Lexicon] = {}


def _lexicon(extra: Path | None, met_deduce: bool) -> Lexicon:
    sleutel = (extra, met_deduce)
    if sleutel not in _LEXICONS:
        structs = laad_deduce().lookup_structs if met_deduce else None
        lexicon = bouw_lexicon(_regels(extra), structs)
        with _LAADSLOT:
            _LEXICONS.setdefault(sleutel, lexicon)
    return _LEXICONS[sleutel]


class Scrubber:
    """Removes personal data from notes. Loads deduce lazily, once per process.

    Args:
        use_deduce: Use deduce for names (and as a second net for addresses). Switch off only for quick tests:
            without it, most names stay in the text. Same as ``uit={"deduce"}``.
        cache_size: How many distinct notes to remember, so a text that recurs (templates, copied notes) is
            scrubbed once.
        uit: Names of steps to switch off (``Scrubber().stappen.namen()`` lists them); an unknown name raises
            E062.
        woordenlijsten: A folder laid over the base word lists (``<lijst>/items.txt`` adds entries,
            ``<lijst>/exceptions.txt`` removes them), e.g. to protect the team's own wijk names.
    """

    def __init__(
        self,
        use_deduce: bool = True,
        cache_size: int = 20_000,
        uit: Iterable[str] = (),
        woordenlijsten: Path | None = None,
    ) -> None:
        self.use_deduce = use_deduce
        self.cache_size = cache_size
        self.uit = frozenset(uit) | (frozenset() if use_deduce else frozenset({"deduce"}))
        self.woordenlijsten = woordenlijsten
        self.stappen.controleer_namen(sorted(self.uit))
        self._cached: Callable[[str], tuple[str, tuple[tuple[str, int], ...]]] | None = None

    @property
    def stappen(self) -> StapGroep:
        """The steps this scrubber runs (shared by every scrubber with the same word lists)."""
        return _stappen(self.woordenlijsten)

    # -- public -----------------------------------------------------------------------------------------------

    def scrub(self, tekst: str) -> tuple[str, ScrubTelling]:
        """Return ``tekst`` (normalised) with personal data replaced by tags, and the counts per category."""
        if not tekst or not tekst.strip():
            return tekst, ScrubTelling()
        if self._cached is None:
            self._cached = functools.lru_cache(maxsize=self.cache_size)(self._scrub_ongecached)
        uit, tellingen = self._cached(tekst)
        return uit, ScrubTelling(dict(tellingen))

    def scrub_many(self, teksten: Iterable[str]) -> Iterator[tuple[str, ScrubTelling]]:
        """Scrub notes one after another, in input order (lazily; repeated texts come from the cache)."""
        for tekst in teksten:
            yield self.scrub(tekst)

    def _scrub_ongecached(self, tekst: str) -> tuple[str, tuple[tuple[str, int], ...]]:
        notitie = Notitie(tekst, _lexicon(self.woordenlijsten, "deduce" not in self.uit))
        self.stappen.process(notitie, self.uit)
        if not notitie.tekst.strip():
            # Only invisible characters: nothing to scrub, and an empty text would break the records downstream;
            # the intake rejects a note without a letter.
            return tekst, ()
        return notitie.tekst, tuple(sorted(notitie.telling.per_categorie.items()))


_STANDAARD: dict[str, Scrubber] = {}


def warm_up() -> float:
    """Build or load deduce's lookup structures and the word lists once; return the seconds it took.

    The first call after installing deduce builds its tables (about 1.5 minutes) and caches them in deduce's
    package directory; later processes load that cache (a few seconds).
    """
    begin = time.perf_counter()
    _stappen(None)
    _lexicon(None, met_deduce=True)
    return time.perf_counter() - begin


def scrub_text(tekst: str) -> str:
    """Scrub one note with the module's default :class:`Scrubber` (with deduce)."""
    with _LAADSLOT:
        scrubber = _STANDAARD.setdefault("scrubber", Scrubber())
    return scrubber.scrub(tekst)[0]
