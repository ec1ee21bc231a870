"""Safety signals: notes that need individual follow-up whatever else they mention.

Domestic violence, child abuse or neglect, elder (financial) abuse, coercive control, stalking, sexual
exploitation, honour-related violence or forced marriage, acute crisis, addiction and justice. The signals are
patterns in a validated data file (``data/veiligheid.toml``), written from each category's general vocabulary
(signals lists of Veilig Thuis and the meldcode, the field's terms and abbreviations). A learned classifier only
backs up a single weak cue (see the end of this docstring).

Two kinds of evidence:

- a *strong* cue (``sterk``) is enough on its own: "huisverbod", "verslaafd", "reclassering";
- a *weak* cue (``zwak``) is common on its own but telling in company: a bruise, "buren horen geschreeuw",
  "koelkast leeg". A note signals when it holds at least ``min_zwak`` different weak cues that point to the
  same individual-only theme; it then signals every category of that theme whose weak cues it holds.

A cue does not count when it is negated in its own clause: a negation shortly before it ("geen signalen van
geweld", "niet veroordeeld"), a negating phrase that covers the clause ("geen zorgen over ... drank") or a
phrase right after it in its sentence ("alcohol: niet van toepassing"). Clauses end at punctuation and at
conjunctions, so "geen werk en partner slaat haar" still signals.

A learned classifier (:mod:`collectief.veiligheid_model`) backs up the lexicon, with thresholds from ``[leren]``
in the data file:

- a note the lexicon does not signal, with at least one weak cue that is not negated, signals that cue's
  categories when the classifier's probability reaches ``drempel``;
- a note without any cue signals only when the probability reaches the far stricter ``drempel_zonder_cue``; its
  category then comes from a second classifier trained on safety notes of known category. Written by others,
  many safety notes hold no word of any list ("heeft al uitgezocht hoe", "paspoort ingenomen").
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd

from collectief.errors import CollectiefFout
from collectief.normalise import normaliseer
from collectief.veiligheid_model import Veiligheidscategorie, Veiligheidsclassificatie, lees_training

try:  # the regex parser, only to read what a pattern's matches can begin with (a speed-up, see _Zoeker)
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - other Python versions: every pattern is simply tried everywhere
    _sre_parse = None

__all__ = ["Leerinstelling", "Ontkenning", "Signaal", "Veiligheidssignalen"]

#: Where a clause ends for negation: punctuation, and the conjunctions that start a new clause.
_LEESTEKEN = re.compile(r"[.;:!?,()\n\"]|\s-\s")
_VOEGWOORD = re.compile(
    r"\b(?:en|maar|want|omdat|terwijl|toen|sinds|nadat|doordat|zodat|dus|toch|echter|behalve|alleen|wel|ook|"
    r"of|als|dat|die|wat|waar|waardoor|waarna|hij|zij|ze)\b"
)
_WOORD = re.compile(r"[a-z0-9']+")
_ZINSEINDE = re.compile(r"[.;!?\n]")


@dataclass(frozen=True)
class Signaal:
    """One safety category: its individual-only theme, its strong cues and its weak cues (regex sources, checked)."""

    categorie: str
    thema: str
    sterk: tuple[str, ...]
    zwak: tuple[str, ...] = ()
    #: Its cues count only in a sentence that is not about groups or public space (see `derden` in the data file).
    derden: bool = False


@dataclass(frozen=True)
class Ontkenning:
    """A negation cue: ``patroon`` within ``bereik`` words before a match in its clause; 0 = the whole clause.

    A cue with a reach stops at a conjunction ("geen werk en partner slaat"); a whole-clause cue stops only at
    punctuation and at "maar"/"wel"/"toch" ("geen zorgen over de kinderen of drank").
    """

    patroon: re.Pattern[str]
    bereik: int


@dataclass(frozen=True)
class Leerinstelling:
    """Settings of the learned check (``[leren]`` in the data file): C, the thresholds (with a weak cue; without
    any cue, ``None``: never) and the training notes' file."""

    C: float
    drempel: float
    training: str
    drempel_zonder_cue: float | None = None

    def __post_init__(self) -> None:
        if not (self.C > 0 and 0.0 < self.drempel < 1.0 and self.training):
            raise ValueError("C moet groter dan 0 zijn, drempel tussen 0 en 1, en training moet een bestand noemen")
        if self.drempel_zonder_cue is not None and not self.drempel <= self.drempel_zonder_cue < 1.0:
            raise ValueError("drempel_zonder_cue moet tussen drempel en 1 liggen")


#: Where a cue may start: right after a character that is no word character or hyphen (as the patterns require).
_BEGIN = re.compile(r"(?<![\w-])")
#: How many characters of text at a start choose the patterns tried there (see _Zoeker).
_VENSTER = 3
#: Past this many different beginnings a part of a pattern counts as able to begin with anything.
_MAX_BEGINNEN = 256

#: The beginnings of what a regex part can match: (text, open); open = the part may end right there.
_Beginnen = set[tuple[str, bool]]


def _plak(voor: _Beginnen, na: _Beginnen) -> _Beginnen | None:
    """The beginnings of ``voor`` followed by ``na``, cut to ``_VENSTER`` characters (None: too many)."""
    uit = set()
    for tekst, open_ in voor:
        if not open_:
            uit.add((tekst, False))
            continue
        for erbij, erbij_open in na:
            samen = tekst + erbij
            uit.add((samen[:_VENSTER], erbij_open and len(samen) < _VENSTER))
    return uit if len(uit) <= _MAX_BEGINNEN else None


def _deel(op: object, waarde: object) -> _Beginnen | None:
    """The beginnings of one parsed regex item; None: it can begin with any character."""
    naam = str(op)
    if naam == "LITERAL":
        return {(chr(waarde), True)}
    if naam == "IN":
        tekens: set[str] = set()
        for sub, w in waarde:
            if str(sub) == "LITERAL":
                tekens.add(chr(w))
            elif str(sub) == "RANGE" and w[1] - w[0] < 40:
                tekens.update(chr(c) for c in range(w[0], w[1] + 1))
            elif str(sub) == "CATEGORY" and str(w) == "CATEGORY_DIGIT":
                tekens.update("0123456789")
            else:  # \w, a negated class, a wide range: anything
                return None
        return {(t, True) for t in tekens}
    if naam == "SUBPATTERN":
        return _reeks(list(waarde[-1]))
    if naam == "BRANCH":
        alle: _Beginnen = set()
        for tak in waarde[1]:
            if (deel := _reeks(list(tak))) is None:
                return None
            alle |= deel
        return alle
    if naam in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"):
        minst, meest, item = waarde
        if (een := _reeks(list(item))) is None:
            return None
        # More than _VENSTER + 1 repeats add nothing new within the window.
        nu: _Beginnen | None = {("", True)}
        alle = set()
        for keer in range(min(meest, _VENSTER + 1) + 1):
            if keer >= min(minst, _VENSTER + 1):
                alle |= nu
            if (nu := _plak(nu, een)) is None:
                return None
        return alle
    return None


def _reeks(items: list) -> _Beginnen | None:
    """The beginnings of a parsed regex sequence (None: too many to list)."""
    nu: _Beginnen | None = {("", True)}
    for op, waarde in items:
        if str(op) in ("AT", "ASSERT", "ASSERT_NOT"):  # zero-width: no character of its own
            continue
        if not any(open_ for _, open_ in nu):
            break
        deel = _deel(op, waarde)
        if deel is None:  # anything may follow: what is known so far is all that is certain
            return {(tekst, False) for tekst, _ in nu}
        if (nu := _plak(nu, deel)) is None:
            return None
    return nu


def _beginnen(patroon: str) -> frozenset[str]:
    """Texts of up to ``_VENSTER`` characters one of which every match of ``patroon`` begins with ("": any)."""
    try:
        # A flag (ignore case, ...) changes which texts a literal matches: such a pattern is tried everywhere.
        vlag = re.search(r"\(\?[aiLmsux-]", patroon)
        beginnen = None if vlag else _reeks(list(_sre_parse.parse(patroon)))  # type: ignore[union-attr]
    except Exception:  # an unparsable shape only loses the speed-up, never a match
        beginnen = None
    teksten = {""} if beginnen is None else {tekst for tekst, _ in beginnen}
    # A text that starts with another listed text adds nothing: "" (anything) covers "spu".
    return frozenset(t for t in teksten if not any(t != k and t.startswith(k) for k in teksten))


class _Zoeker:
    """``finditer`` of ``(?<![\\w-])(?:p1|p2|...)(?![\\w])`` with the same matches, but faster.

    Python's ``re`` tries every alternative at every possible start. Here each alternative is filed under the
    texts of up to three characters that its matches can begin with, and at each start only the alternatives
    filed under the text there are tried, in their order in the file, so the match is the one the single
    pattern gives. An alternative that can begin with anything is tried at every start.
    """

    def __init__(self, patronen: Sequence[str]) -> None:
        self._patronen = tuple(patronen)
        self._onder: dict[str, list[int]] = {}
        for i, patroon in enumerate(self._patronen):
            for begin in _beginnen(patroon):
                self._onder.setdefault(begin, []).append(i)
        self._lengtes = sorted({len(begin) for begin in self._onder})
        self._per_venster: dict[str, re.Pattern[str] | None] = {}
        self._per_keuze: dict[tuple[int, ...], re.Pattern[str]] = {}
        self._per_begin: dict[str, re.Pattern[str]] = {}

    def _alternatieven(self, keuze: Sequence[int]) -> re.Pattern[str]:
        return re.compile("(?:" + "|".join(f"(?:{self._patronen[i]})" for i in keuze) + r")(?![\w])")

    def _voor(self, tekst: str, positie: int) -> re.Pattern[str] | None:
        """The alternatives that may match at ``positie``, as one pattern (None: none)."""
        venster = tekst[positie : positie + _VENSTER]
        if venster in self._per_venster:
            return self._per_venster[venster]
        keuze = tuple(sorted({i for n in self._lengtes for i in self._onder.get(venster[:n], ())}))
        if not keuze:
            patroon = None
        elif keuze in self._per_keuze:
            patroon = self._per_keuze[keuze]
        else:
            patroon = self._per_keuze[keuze] = self._alternatieven(keuze)
        self._per_venster[venster] = patroon
        return patroon

    def _past(self, tekst: str, positie: int) -> bool:
        """Does any of the patterns match at ``positie``? Their order does not matter here, so the patterns are
        tried per beginning, each group compiled once (not one union per text window, as ``finditer`` needs)."""
        venster = tekst[positie : positie + _VENSTER]
        for lengte in self._lengtes:
            begin = venster[:lengte]
            if begin in self._onder:
                if begin not in self._per_begin:
                    self._per_begin[begin] = self._alternatieven(self._onder[begin])
                if self._per_begin[begin].match(tekst, positie):
                    return True
        return False

    def kandidaten(self, tekst: str, starts: Sequence[int]) -> list[int]:
        """The starts where at least one of the patterns matches.

        A pattern of a ``_Zoeker`` built from a subset of these patterns can only match at one of them, so its
        ``finditer`` over these starts gives the same matches as over all starts: one pass of this ``_Zoeker``
        spares every smaller one a pass over every word.
        """
        return [p for p in starts if self._past(tekst, p)]

    def finditer(self, tekst: str, starts: Sequence[int]) -> Iterator[re.Match[str]]:
        """The matches in ``tekst``; ``starts`` are its possible starts (``_starts``)."""
        eind = 0
        for positie in starts:
            if positie < eind:
                continue
            patroon = self._voor(tekst, positie)
            if patroon is not None and (m := patroon.match(tekst, positie)):
                eind = m.end()
                yield m


def _starts(tekst: str) -> list[int]:
    """Every position where a cue may start."""
    return [m.start() for m in _BEGIN.finditer(tekst) if m.start() < len(tekst)]


def _compileer(patronen: list[str], bestand: str, naam: str) -> re.Pattern[str]:
    try:
        return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{p})" for p in patronen) + r")(?![\w])")
    except re.error as fout:
        raise CollectiefFout("E071", bestand=bestand, signaal=naam, wat=str(fout)) from None


#: Where a pattern takes a named part of ``[delen]``: ``{{name}}``.
_DEEL = re.compile(r"\{\{(\w+)\}\}")


def _lijst(item: dict, veld: str, bestand: str, naam: str, delen: Mapping[str, str] | None = None) -> list[str]:
    """A list of patterns from the data file, with every ``{{name}}`` replaced by that part of ``[delen]``."""
    waarde = item.get(veld, [])
    if not isinstance(waarde, list) or not all(isinstance(p, str) and p for p in waarde):
        raise CollectiefFout("E070", bestand=bestand, wat=f"{naam}: '{veld}' moet een lijst met teksten zijn")
    delen = delen or {}

    def deel(m: re.Match[str]) -> str:
        if m.group(1) not in delen:
            wat = f"{naam}: '{veld}' noemt het deel '{m.group(1)}', dat niet in [delen] staat"
            raise CollectiefFout("E070", bestand=bestand, wat=wat)
        return delen[m.group(1)]

    return [_DEEL.sub(deel, p) for p in waarde]


def _delen(data: dict, bestand: str) -> dict[str, str]:
    """The named parts of patterns (``[delen]``): each a name and a pattern, checked on its own."""
    delen = data.get("delen", {})
    if not isinstance(delen, dict) or not all(isinstance(v, str) and v for v in delen.values()):
        raise CollectiefFout("E070", bestand=bestand, wat="[delen] moet namen met een patroon (tekst) bevatten")
    for naam, patroon in delen.items():
        if not re.fullmatch(r"\w+", naam):
            wat = f"[delen]: de naam '{naam}' mag alleen letters, cijfers en _ bevatten"
            raise CollectiefFout("E070", bestand=bestand, wat=wat)
        _compileer([patroon], bestand, f"deel {naam}")
    return delen


class Veiligheidssignalen:
    """Finds safety signals in notes: ``zoek(texts)`` -> per note the individual-only theme ids it signals."""

    def __init__(
        self,
        signalen: Sequence[Signaal],
        ontkenningen: Sequence[Ontkenning] = (),
        ontkenning_na: re.Pattern[str] | None = None,
        min_zwak: int = 2,
        leren: Leerinstelling | None = None,
        model: Veiligheidsclassificatie | None = None,
        categoriemodel: Veiligheidscategorie | None = None,
        derden: re.Pattern[str] | None = None,
        huishouden: re.Pattern[str] | None = None,
    ) -> None:
        self.signalen = tuple(signalen)
        self.derden = derden
        self.huishouden = huishouden
        self.leren = leren
        self.model = model
        self.categoriemodel = categoriemodel
        self.ontkenningen = tuple(ontkenningen)
        self.ontkenning_na = ontkenning_na
        self.min_zwak = min_zwak
        # Every cue at once: only where it matches can a single signal's cue match (see _Zoeker.kandidaten).
        self._alle = _Zoeker([p for s in self.signalen for p in s.sterk + s.zwak])
        self._sterk = [_Zoeker(s.sterk) if s.sterk else None for s in self.signalen]
        self._zwak = [tuple(_Zoeker([p]) for p in s.zwak) for s in self.signalen]

    @classmethod
    @functools.lru_cache(maxsize=2)
    def standaard(cls, leren: bool = True) -> Veiligheidssignalen:
        """The shipped signals (read once per process); ``leren=False``: the lexicon alone, without classifier."""
        tekst = resources.files("collectief").joinpath("data/veiligheid.toml").read_text(encoding="utf-8")
        signalen = cls.uit_toml(tekst, "veiligheid.toml (ingebouwd)")
        return signalen.met_model() if leren else signalen

    def met_model(self, data: pd.DataFrame | None = None) -> Veiligheidssignalen:
        """The same signals with the classifiers trained from the shipped notes named in ``[leren]`` (or from
        ``data``, in their format: the benchmark leaves one writer's notes out)."""
        if self.leren is None:
            return self
        if data is None:
            data = lees_training(self.leren.training)
        model = Veiligheidsclassificatie(C=self.leren.C, drempel=self.leren.drempel)
        model.fit(data["tekst"].tolist(), data["veilig"].to_numpy())
        categoriemodel = None
        if self.leren.drempel_zonder_cue is not None:
            bekend = data[(data["veilig"] == 1) & data["categorie"].notna()]
            onbekend = set(bekend["categorie"]) - {s.categorie for s in self.signalen}
            if onbekend:
                raise CollectiefFout(
                    "E072", bestand=self.leren.training, wat=f"onbekende categorieen: {sorted(onbekend)}"
                )
            categoriemodel = Veiligheidscategorie(C=self.leren.C).fit(
                bekend["tekst"].tolist(), bekend["categorie"].to_numpy()
            )
        return type(self)(
            self.signalen,
            self.ontkenningen,
            self.ontkenning_na,
            self.min_zwak,
            self.leren,
            model,
            categoriemodel,
            self.derden,
            self.huishouden,
        )

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
        delen = _delen(data, bestand)
        signalen = []
        for nummer, item in enumerate(data.get("signaal", []), start=1):
            naam = f"signaal {nummer} ({item.get('categorie', 'zonder categorie')})"
            onbekend = set(item) - {"categorie", "thema", "sterk", "zwak", "patronen", "derden"}
            if onbekend:
                raise CollectiefFout("E070", bestand=bestand, wat=f"{naam} heeft onbekende velden: {sorted(onbekend)}")
            for veld in ("categorie", "thema"):
                if veld not in item:
                    raise CollectiefFout("E070", bestand=bestand, wat=f"{naam} mist het veld '{veld}'")
            # 'patronen' is the older name of the strong cues.
            sterk = _lijst(item, "sterk", bestand, naam, delen) + _lijst(item, "patronen", bestand, naam, delen)
            zwak = _lijst(item, "zwak", bestand, naam, delen)
            if not sterk and not zwak:
                raise CollectiefFout("E070", bestand=bestand, wat=f"{naam} heeft geen patronen ('sterk' of 'zwak')")
            for patroon in sterk + zwak:
                _compileer([patroon], bestand, naam)
            derden = item.get("derden", False)
            if not isinstance(derden, bool):
                raise CollectiefFout("E070", bestand=bestand, wat=f"{naam}: 'derden' moet true of false zijn")
            signalen.append(Signaal(str(item["categorie"]), str(item["thema"]), tuple(sterk), tuple(zwak), derden))
        if not signalen:
            raise CollectiefFout("E070", bestand=bestand, wat="er staat geen enkel [[signaal]] in")
        ontkenningen = []
        # The older form: one flat list of negation words with one reach.
        if data.get("ontkenningen"):
            woorden = _lijst(data, "ontkenningen", bestand, "ontkenningen", delen)
            ontkenningen.append(
                Ontkenning(_compileer(woorden, bestand, "ontkenningen"), int(data.get("bereik_ontkenning", 4)))
            )
        for nummer, item in enumerate(data.get("ontkenning", []), start=1):
            naam = f"ontkenning {nummer}"
            onbekend = set(item) - {"patronen", "bereik"}
            if onbekend:
                raise CollectiefFout("E070", bestand=bestand, wat=f"{naam} heeft onbekende velden: {sorted(onbekend)}")
            patronen = _lijst(item, "patronen", bestand, naam, delen)
            bereik = item.get("bereik")
            if not patronen or not isinstance(bereik, int) or bereik < 0:
                raise CollectiefFout(
                    "E070", bestand=bestand, wat=f"{naam} heeft 'patronen' en een 'bereik' (0 of meer woorden) nodig"
                )
            ontkenningen.append(Ontkenning(_compileer(patronen, bestand, naam), bereik))
        na = _lijst(data, "ontkenning_na", bestand, "ontkenning_na", delen)
        min_zwak = data.get("min_zwak", 2)
        if not isinstance(min_zwak, int) or min_zwak < 1:
            raise CollectiefFout("E070", bestand=bestand, wat="'min_zwak' moet een geheel getal van 1 of meer zijn")
        leren = None
        if "leren" in data:
            item = data["leren"]
            onbekend = set(item) - {"C", "drempel", "training", "drempel_zonder_cue"}
            try:
                if onbekend:
                    raise ValueError(f"onbekende velden: {sorted(onbekend)}")
                zonder = item.get("drempel_zonder_cue")
                leren = Leerinstelling(
                    float(item["C"]),
                    float(item["drempel"]),
                    str(item["training"]),
                    None if zonder is None else float(zonder),
                )
            except (KeyError, TypeError, ValueError) as fout:
                raise CollectiefFout(
                    "E070",
                    bestand=bestand,
                    wat=f"[leren] heeft C (> 0), drempel (0-1) en training nodig, en eventueel drempel_zonder_cue "
                    f"(van drempel tot 1) ({fout})",
                ) from None
        na_patroon = _compileer(na, bestand, "ontkenning_na") if na else None
        derden = _lijst(data, "derden", bestand, "derden", delen)
        huishouden = _lijst(data, "huishouden", bestand, "huishouden", delen)
        if any(s.derden for s in signalen) and not (derden and huishouden):
            raise CollectiefFout(
                "E070",
                bestand=bestand,
                wat="een signaal met 'derden = true' vraagt de lijsten 'derden' en 'huishouden'",
            )
        return cls(
            signalen,
            ontkenningen,
            na_patroon,
            min_zwak,
            leren,
            derden=_compileer(derden, bestand, "derden") if derden else None,
            huishouden=_compileer(huishouden, bestand, "huishouden") if huishouden else None,
        )

    def _over_derden(self, tekst: str, start: int, eind: int) -> bool:
        """Is the sentence around a match about groups or public space, with no one of the household in it?"""
        if self.derden is None:
            return False
        begin = max((m.end() for m in _ZINSEINDE.finditer(tekst, 0, start)), default=0)
        einde = _ZINSEINDE.search(tekst, eind)
        zin = tekst[begin : einde.start() if einde else len(tekst)]
        return bool(self.derden.search(zin)) and not (self.huishouden is not None and self.huishouden.search(zin))

    def _telt(self, tekst: str, start: int, eind: int) -> bool:
        """A match counts unless a negation covers it in its own clause."""
        ervoor = tekst[max(0, start - 120) : start]
        zin = _LEESTEKEN.split(ervoor)[-1]
        for ontkenning in self.ontkenningen:
            if ontkenning.bereik == 0:
                # Whole clause, up to a contrast: "geen zorgen over X, maar ..." ends at the comma.
                deel = re.split(r"\b(?:maar|wel|toch|echter|behalve)\b", zin)[-1]
            else:
                deel = _VOEGWOORD.split(zin)[-1]
                woorden = _WOORD.findall(deel)[-ontkenning.bereik :]
                deel = " ".join(woorden)
            if ontkenning.patroon.search(deel):
                return False
        if self.ontkenning_na is not None:
            # The rest of the sentence, from the first word after the cue: "alcohol: nee",
            # "suicidaliteit uitgevraagd, geen acute signalen".
            erna = _ZINSEINDE.split(tekst[eind : eind + 80])[0]
            if self.ontkenning_na.match(re.sub(r"^\W+", "", erna)):
                return False
        return True

    def _treffer(
        self,
        patroon: _Zoeker,
        tekst: str,
        starts: Sequence[int],
        bezet: Sequence[tuple[int, int]] = (),
        derden: bool = False,
    ) -> tuple[int, int] | None:
        """The span of the pattern's first match that is not negated and overlaps no span in ``bezet``; with
        ``derden``, also not in a sentence about groups or public space."""
        for m in patroon.finditer(tekst, starts):
            if (
                not any(m.start() < e and b < m.end() for b, e in bezet)
                and self._telt(tekst, m.start(), m.end())
                and not (derden and self._over_derden(tekst, m.start(), m.end()))
            ):
                return m.span()
        return None

    def bewijs(self, tekst: str) -> tuple[frozenset[str], dict[str, tuple[int, frozenset[str]]]]:
        """The lexicon's evidence in a normalised note, negation applied.

        Returns the categories with a strong cue, and per individual-only theme the number of different weak
        cues (stretches of text) and the categories they belong to.
        """
        starts = self._alle.kandidaten(tekst, _starts(tekst))
        if not starts:
            return frozenset(), {}
        paren = zip(self.signalen, self._sterk, strict=True)
        sterk = frozenset(
            s.categorie for s, zoeker in paren if zoeker and self._treffer(zoeker, tekst, starts, derden=s.derden)
        )
        # Weak cues add up per individual-only theme (a bruise and "buren horen geschreeuw" both point to
        # huiselijk geweld; a bruise and a fine do not add up). A stretch of text counts once: two patterns
        # on the same words are one cue, not two.
        spannen: dict[str, list[tuple[int, int]]] = {}
        zwak: dict[str, set[str]] = {}
        for signaal, zwakke in zip(self.signalen, self._zwak, strict=True):
            bezet = spannen.setdefault(signaal.thema, [])
            for patroon in zwakke:
                span = self._treffer(patroon, tekst, starts, bezet, derden=signaal.derden)
                if span:
                    bezet.append(span)
                    zwak.setdefault(signaal.thema, set()).add(signaal.categorie)
        return sterk, {thema: (len(spannen[thema]), frozenset(c)) for thema, c in zwak.items()}

    def _lexicon(self, sterk: frozenset[str], zwak: dict[str, tuple[int, frozenset[str]]]) -> set[str]:
        """The categories the lexicon signals from its evidence: every strong cue, and weak cues in company."""
        gevonden = set(sterk)
        for aantal, categorieen in zwak.values():
            if aantal >= self.min_zwak:
                gevonden |= categorieen
        return gevonden

    def _op_volgorde(self, categorieen: set[str]) -> tuple[str, ...]:
        return tuple(c for c in dict.fromkeys(s.categorie for s in self.signalen) if c in categorieen)

    def categorieen(self, tekst: str) -> tuple[str, ...]:
        """The safety categories a normalised note signals by the lexicon alone, in the data file's order."""
        return self._op_volgorde(self._lexicon(*self.bewijs(tekst)))

    def vind(self, teksten: Sequence[str], genormaliseerd: bool = True) -> list[tuple[str, ...]]:
        """Per note the safety categories it signals: the lexicon, then the classifier for single weak cues and,
        at a stricter threshold, for notes without any cue."""
        teksten = [t if genormaliseerd else normaliseer(t) for t in teksten]
        gevonden: list[set[str]] = []
        twijfel: list[tuple[int, set[str]]] = []
        zonder_cue: list[int] = []
        for i, tekst in enumerate(teksten):
            sterk, zwak = self.bewijs(tekst)
            hier = self._lexicon(sterk, zwak)
            if not hier and self.model is not None:
                if zwak:
                    twijfel.append((i, set().union(*(c for _, c in zwak.values()))))
                elif self.categoriemodel is not None and tekst:
                    zonder_cue.append(i)
            gevonden.append(hier)
        # One batch for the classifier: only notes without a signal get this far.
        kandidaten = [i for i, _ in twijfel] + zonder_cue
        kans = np.zeros(0)
        if kandidaten and self.model is not None:
            kans = self.model.predict_proba([teksten[i] for i in kandidaten])[:, 1]
            for (i, categorieen), p in zip(twijfel, kans[: len(twijfel)], strict=True):
                if p >= self.model.drempel:
                    gevonden[i] |= categorieen
        # A category model exists only when [leren] sets drempel_zonder_cue.
        if zonder_cue and self.categoriemodel is not None and self.leren is not None:
            drempel = self.leren.drempel_zonder_cue or 1.0
            ja = [i for i, p in zip(zonder_cue, kans[len(twijfel) :], strict=True) if p >= drempel]
            for i, categorie in zip(ja, self.categoriemodel.predict([teksten[i] for i in ja]), strict=True):
                gevonden[i].add(str(categorie))
        return [self._op_volgorde(hier) for hier in gevonden]

    def zoek(self, teksten: Sequence[str], genormaliseerd: bool = True) -> list[tuple[str, ...]]:
        """Per note the individual-only theme ids it signals (each once, in the data file's order)."""
        thema_van = {s.categorie: s.thema for s in self.signalen}
        return [tuple(dict.fromkeys(thema_van[c] for c in cats)) for cats in self.vind(teksten, genormaliseerd)]
