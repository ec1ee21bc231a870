"""Column mapping as a person would do it: by the words of the column names and by what the columns hold.

A column name is split into words (accents, punctuation and line breaks do not matter; compounds such as
"registratiedatum" count by their last part), and the last word weighs most: "Omschrijving hulpvraag" is text,
"Hulpvraag categorie" a category, "Vraagnummer" an id. Then the values decide between candidates: free text
with long, varied values beats a short category column; dates, minutes and ids must parse as such. Person
names are recognised by name ("Naam", "Cliënt") and by content (two or three capitalised words), reported and
never stored as such. Every choice carries a Dutch reason that describes the values, never shows them.
"""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from collectief.errors import CollectiefFout
from collectief.intake.lezers import Regel
from collectief.intake.waarden import ExcelFoutwaarde, FormuleZonderWaarde, parse_datum, parse_minuten
from collectief.intake.woorden import VELDEN, woorden
from collectief.records import Kolomkandidaat, Kolomkeuze

__all__ = ["Kop", "Koppeling", "Profiel", "kies_koppeling", "kolomletter", "kop_woorden", "toonbaar", "vind_kop"]

_ZOEK_KOP = 20
_TUSSENVOEGSELS = {"van", "de", "der", "den", "het", "ten", "ter", "te", "in", "'t", "el", "al", "la", "le", "da",
                   "di", "du", "op", "von", "bin", "ben", "ibn", "v.d.", "vd"}  # fmt: skip
_AANSPREEKVORMEN = {"mw", "mw.", "mevr", "mevr.", "dhr", "dhr.", "mevrouw", "meneer", "hr", "hr.", "mr", "mr.", "fam"}
_NAAMWOORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['’-][^\W\d_])*\.?$")
_VELDNAAM = {"tekst": "de tekst", "datum": "de datum", "wijk": "de wijk", "huishouden": "het huishouden",
             "minuten": "de tijdsbesteding", "id": "het nummer"}  # fmt: skip


def toonbaar(cel: object) -> bool:
    """May this cell be shown as a column name? A long cell is probably a note, so it is never echoed."""
    if not isinstance(cel, str):
        return False
    tekst = cel.strip()
    return bool(tekst) and len(tekst) <= 40 and len(tekst.split()) <= 5


def kolomletter(positie: int) -> str:
    """0 -> 'A', 26 -> 'AA' (Excel's column letters)."""
    letters = ""
    positie += 1
    while positie:
        positie, rest = divmod(positie - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _normaal(tekst: str) -> str:
    tekst = unicodedata.normalize("NFKD", tekst.replace("\ufeff", ""))
    return "".join(c for c in tekst if not unicodedata.combining(c)).lower()


def kop_woorden(naam: object) -> tuple[str, ...]:
    """'Korte omschrijving\\nvan de vraag' -> ('omschrijving', 'vraag'); 'Cliëntnummer' -> ('clientnummer',)."""
    alle = re.findall(r"[a-z0-9]+", _normaal(str(naam if naam is not None else "")))
    zonder = tuple(w for w in alle if w not in woorden().stopwoorden)
    return zonder or tuple(alle)


def _treffers(woord: str) -> list[tuple[str, str]]:
    """Which fields or kinds a single word points to: ('datum', 'exact'), ('datum', 'kop') for a compound that
    ends in a date word, ('tekst', 'voor') for one that starts with a text word."""
    w = woorden()
    lijsten = {**w.velden, **{s: tuple(v) for s, v in w.soorten.items()}}
    exact = [(naam, "exact") for naam, lijst in lijsten.items() if woord in lijst]
    if exact:
        return exact
    treffers = []
    for naam, lijst in lijsten.items():
        for k in lijst:
            if len(k) >= 3 and len(woord) - len(k) >= 3:
                if woord.endswith(k):
                    treffers.append((naam, "kop"))
                elif woord.startswith(k):
                    treffers.append((naam, "voor"))
    return treffers


@dataclass(frozen=True)
class Kop:
    """One column's name, understood: its words, a kind that keeps it out of the mapping, its field scores."""

    positie: int
    naam: str
    woorden: tuple[str, ...]
    soort: str | None
    scores: dict[str, int]
    in_uren: bool
    namen: tuple[str, ...] = ()

    @property
    def getoond(self) -> str:
        if not self.naam:
            return kolomletter(self.positie)
        return f"'{self.naam}'" if toonbaar(self.naam) else f"{kolomletter(self.positie)} (lange tekst, niet getoond)"


_KLASSE_SOORTEN = ("persoonsgegeven", "naam", "tijdstip", "categorie")


def _is_klasse(treffers: list[tuple[str, str]]) -> str | None:
    """A word that says what kind of value a column holds wherever it stands ("Datum hulpvraag", "Hulpvraag
    categorie", "Cliënt nummer"): a date, an id, a name, a category. Returns that field or kind."""
    for naam, kind in treffers:
        if kind in ("exact", "kop") and (naam in ("datum", "id") or naam in _KLASSE_SOORTEN):
            return naam
    return None


def begrijp_kop(positie: int, naam: str, namen: tuple[str, ...] = ()) -> Kop:
    """Score a column name for each field.

    Dutch column names put the word that says what a column is first ("Omschrijving hulpvraag", "Notitie
    medewerker", "Datum aanmelding"), except for words of a kind (a date, a number, a name, a category) which
    decide wherever they stand ("Hulpvraag categorie", "Cliënt nummer"). Inside a compound the last part decides
    ("registratiedatum"). Of two header rows, the lower row's words come first.
    """
    w = woorden()
    delen = tuple(d for n in (namen or (naam,)) for d in kop_woorden(n)) if namen else kop_woorden(naam)
    per_woord = [_treffers(d) for d in delen]
    klassen = [k for k in (_is_klasse(t) for t in per_woord) if k]
    scores: dict[str, int] = {}
    soort = None
    hoofd = None
    if klassen:
        hoofd = klassen[0]
        if hoofd == "id" and any(v == "huishouden" for t in per_woord for v, _ in t):
            hoofd = "huishouden"  # 'Cliënt nummer': the client's number
    else:
        for treffers in per_woord:
            sterk = [v for v, k in treffers if k in ("exact", "kop")] or [v for v, _ in treffers]
            if sterk:
                hoofd = sterk[0]
                break
    if hoofd in VELDEN:
        scores[hoofd] = 3
    elif hoofd is not None:
        soort = hoofd
    if soort is None:
        for treffers in per_woord:
            for veld, _ in treffers:
                if veld in VELDEN and veld != hoofd:
                    scores[veld] = max(scores.get(veld, 0), 1)
    if "datum" in scores and any(d in w.soorten["latere_datum"] for d in delen):
        scores["datum"] = max(1, scores["datum"] - 1)
    minuten_eenheid = any(d in w.minuten for d in delen)
    in_uren = not minuten_eenheid and any(d in w.uren for d in delen)
    return Kop(positie, naam, delen, soort, scores, in_uren, namen or (naam,))


# ---- what a column holds ------------------------------------------------------------------------------------


def lijkt_naam(tekst: str) -> bool:
    """'Jan de Vries', 'Fatima El Amrani', 'J. Jansen', 'Vries, J. de': two or three capitalised words."""
    if any(c.isdigit() for c in tekst) or len(tekst) > 50:
        return False
    delen = tekst.replace(",", " ").split()
    while delen and delen[0].lower() in _AANSPREEKVORMEN:
        delen = delen[1:]
    kern = [d for d in delen if d.lower() not in _TUSSENVOEGSELS]
    if not 2 <= len(kern) <= 3:
        return False
    geen = woorden().geen_namen
    return all(
        _NAAMWOORD.match(d) and d[0].isupper() and (len(d) <= 2 or not d.isupper()) and _normaal(d) not in geen
        for d in kern
    )


@dataclass(frozen=True)
class Profiel:
    """What a column holds, over the first data rows: shares of the filled cells, and their variety."""

    gevuld: int = 0
    verschillend: float = 0.0
    gem_woorden: float = 0.0
    datums: float = 0.0
    duren: float = 0.0
    getallen: float = 0.0
    namen: float = 0.0
    formules: int = 0

    def beschrijving(self) -> str:
        if not self.gevuld:
            return "leeg in de eerste rijen"
        return f"gemiddeld {self.gem_woorden:.1f} woorden, {self.verschillend:.0%} verschillend".replace(".", ",", 1)


def profileer(regels: Sequence[Regel], positie: int) -> Profiel:
    cellen = [r.cellen[positie] for r in regels if positie < len(r.cellen)]
    waarden = [c for c in cellen if c is not None and not (isinstance(c, str) and not c.strip())]
    formules = sum(isinstance(c, FormuleZonderWaarde | ExcelFoutwaarde) for c in waarden)
    waarden = [c for c in waarden if not isinstance(c, FormuleZonderWaarde | ExcelFoutwaarde)]
    if not waarden:
        return Profiel(formules=formules)
    teksten = [str(c).strip() for c in waarden]
    n = len(waarden)

    def deel(test: object) -> float:
        goed = 0
        for c in waarden:
            with contextlib.suppress(ValueError):
                goed += test(c) is not None  # type: ignore[operator]
        return goed / n

    getallen = sum(isinstance(c, int | float) or bool(re.fullmatch(r"-?\d+(?:[.,]\d+)?", t))
                   for c, t in zip(waarden, teksten, strict=True)) / n  # fmt: skip
    return Profiel(
        gevuld=n,
        verschillend=len(set(teksten)) / n,
        gem_woorden=sum(len(t.split()) for t in teksten) / n,
        datums=deel(parse_datum),
        duren=deel(parse_minuten),
        getallen=getallen,
        namen=sum(lijkt_naam(t) for t in teksten) / n,
        formules=formules,
    )


def _inhoud(veld: str, p: Profiel) -> tuple[float, str] | None:
    """How well a column's values fit a field: (points, Dutch reason), or None when they cannot be it."""
    if not p.gevuld:
        return (-1.0 if veld == "tekst" else 0.0), "leeg in de eerste rijen"
    if veld == "tekst":
        if p.datums >= 0.8 or p.getallen >= 0.8:
            return None
        if p.namen >= 0.6:
            return None
        weinig = p.gevuld >= 10 and p.verschillend < 0.2
        if p.gem_woorden >= 4:
            return 3.0 + min(p.gem_woorden, 20) / 20, f"vrije tekst ({p.beschrijving()})"
        if p.gem_woorden >= 2.5 and not weinig:
            return 1.0 + p.gem_woorden / 20, f"korte teksten ({p.beschrijving()})"
        if p.gevuld < 5:
            return 0.0, f"te weinig rijen om op inhoud te kiezen ({p.beschrijving()})"
        return -2.0, f"korte waarden, zoals een categorie ({p.beschrijving()})"
    if veld == "datum":
        if p.datums < 0.2:
            return None
        return (2.0 if p.datums >= 0.8 else 1.0), f"{p.datums:.0%} leesbare datums"
    if veld == "minuten":
        if p.duren < 0.2 or (p.datums >= 0.8 and p.getallen < 0.5):
            return None
        return (2.0 if p.duren >= 0.8 else 1.0), f"{p.duren:.0%} leesbare tijden"
    if veld == "wijk":
        if p.gem_woorden > 5 or p.datums >= 0.8:
            return None
        return (1.0 if p.gem_woorden <= 3 else 0.0), f"korte namen, {p.verschillend:.0%} verschillend"
    if veld == "huishouden":
        if p.gem_woorden > 4:
            return None
        if p.namen >= 0.6:
            return 0.0, "bevat namen"
        return 1.0, f"korte codes, {p.verschillend:.0%} verschillend"
    if p.gem_woorden > 3 or (p.datums >= 0.8 and p.getallen < 0.5):  # id
        return None
    return (1.0 if p.verschillend >= 0.95 else -1.0), f"{p.verschillend:.0%} verschillend"


# ---- the header ---------------------------------------------------------------------------------------------


def _korte_tekst(cel: object) -> bool:
    if not isinstance(cel, str):
        return False
    tekst = cel.strip()
    if not tekst or len(tekst) > 60 or len(tekst.split()) > 8:
        return False
    try:
        return parse_datum(tekst) is None
    except ValueError:
        return not re.fullmatch(r"[\d\s.,:;/-]+", tekst)


def _gevuld(cellen: Sequence[object]) -> list[int]:
    return [i for i, c in enumerate(cellen) if c is not None and not (isinstance(c, str) and not c.strip())]


@dataclass(frozen=True)
class _Rijkop:
    kop_achtig: bool
    treffers: int
    gevuld: int


def _bekijk(regel: Regel) -> _Rijkop:
    gevuld = _gevuld(regel.cellen)
    kort = [i for i in gevuld if _korte_tekst(regel.cellen[i])]
    treffers = 0
    for i in kort:
        kop = begrijp_kop(i, str(regel.cellen[i]))
        treffers += bool(kop.soort or any(s >= 3 for s in kop.scores.values()))
    return _Rijkop(bool(gevuld) and len(kort) == len(gevuld), treffers, len(gevuld))


@dataclass(frozen=True)
class KopRegels:
    """The header: its row(s), its columns understood, and the first rows below it (for the content)."""

    nummer: int
    koppen: tuple[Kop, ...]
    breedte: int
    data: tuple[Regel, ...]
    boven: int | None = None


def _combineer(boven: Regel | None, onder: Regel) -> list[tuple[str, tuple[str, ...]]]:
    """Column names from one or two header rows.

    A label in the upper row that was merged over several columns spans the empty upper cells to its right, as
    long as the lower row names those columns ("Cliënt" over "Nummer" and "Wijk"); a name merged over both rows
    sits in the upper row only ("Omschrijving" over an empty lower cell).
    """
    breedte = max(len(onder.cellen), len(boven.cellen) if boven else 0)
    namen: list[tuple[str, tuple[str, ...]]] = []
    label = None
    for i in range(breedte):
        laag = onder.cellen[i] if i < len(onder.cellen) else None
        laag_tekst = " ".join(str(laag).split()) if laag is not None else ""
        hoog_tekst = ""
        if boven is not None:
            hoog = boven.cellen[i] if i < len(boven.cellen) else None
            if hoog is not None and str(hoog).strip():
                label = hoog_tekst = " ".join(str(hoog).split())
            elif laag_tekst and label:
                hoog_tekst = label
            else:
                label = None
        if hoog_tekst and laag_tekst:
            namen.append((f"{hoog_tekst} / {laag_tekst}", (laag_tekst, hoog_tekst)))
        else:
            naam = laag_tekst or hoog_tekst
            namen.append((naam, (naam,)))
    return namen


def vind_kop(regels: Sequence[Regel], koppeling: Mapping[str, str] | None) -> KopRegels | None:
    """Find the header row among the first rows (below any title lines); two header rows are combined."""
    bekeken = [(r, _bekijk(r)) for r in regels[:_ZOEK_KOP] if r.fout is None]
    gezocht = {_normaal(" ".join(k.split())) for k in (koppeling or {}).values()}
    keuze = None
    if gezocht:
        for i, (r, _) in enumerate(bekeken):
            if gezocht & {_normaal(" ".join(str(c).split())) for c in r.cellen if c is not None}:
                keuze = i
                break
    if keuze is None:
        kandidaten = [(b.treffers, -i) for i, (_, b) in enumerate(bekeken) if b.kop_achtig and b.treffers >= 1]
        if not kandidaten:
            return None
        keuze = -max(kandidaten)[1]
    regel, info = bekeken[keuze]
    boven = None
    # Two header rows: a label row above (fewer cells, merged over several columns), or a second row below.
    if keuze + 1 < len(bekeken):
        onder, onder_info = bekeken[keuze + 1]
        if (
            onder.nummer == regel.nummer + 1
            and onder_info.kop_achtig
            and onder_info.treffers * 2 >= onder_info.gevuld
            and onder_info.gevuld >= info.gevuld
            and (
                keuze + 2 >= len(bekeken) or not bekeken[keuze + 2][1].kop_achtig or bekeken[keuze + 2][1].treffers == 0
            )
        ):
            boven, regel = regel, onder
            keuze += 1
    if boven is None and keuze > 0:
        vorige, vorige_info = bekeken[keuze - 1]
        posities = _gevuld(vorige.cellen)
        eigen = set(_gevuld(regel.cellen))
        if (
            vorige.nummer == regel.nummer - 1
            and vorige_info.kop_achtig
            and (len(posities) >= 2 or posities[0] > 0)  # one cell in column A is a title, not a label
            and (vorige_info.gevuld < info.gevuld or set(posities) - eigen)
        ):
            boven = vorige
    namen = _combineer(boven, regel)
    koppen = tuple(begrijp_kop(i, naam, delen if len(delen) > 1 else ()) for i, (naam, delen) in enumerate(namen))
    breedte = max([i + 1 for i, (naam, _) in enumerate(namen) if naam] or [0])
    data = tuple(r for r in regels if r.nummer > regel.nummer)
    return KopRegels(regel.nummer, koppen, breedte, data, boven.nummer if boven else None)


# ---- the mapping --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Koppeling:
    """The mapping found: field -> column position and name, the reasons, the name columns."""

    posities: dict[str, int]
    kolommen: dict[str, str]
    keuzes: tuple[Kolomkeuze, ...]
    in_uren: bool = False
    naamkolommen: tuple[str, ...] = ()
    huishouden_uit_naamkolom: bool = False
    meldingen: tuple[str, ...] = field(default_factory=tuple)


def _dubbel(koppen: Sequence[Kop]) -> dict[str, list[Kop]]:
    groepen: dict[str, list[Kop]] = {}
    for kop in koppen:
        if kop.naam:
            groepen.setdefault(_normaal(kop.naam), []).append(kop)
    return {n: g for n, g in groepen.items() if len(g) > 1}


def _aanduiding(kop: Kop, dubbel: Mapping[str, list[Kop]]) -> str:
    if _normaal(kop.naam) in dubbel:
        return f"{kop.getoond} (kolom {kolomletter(kop.positie)})"
    return kop.getoond


def kies_koppeling(kop: KopRegels, koppeling: Mapping[str, str] | None, bestand: str) -> Koppeling:
    """Map collectief's fields to columns: an explicit mapping first, then names and content together."""
    profielen = {k.positie: profileer(kop.data, k.positie) for k in kop.koppen}
    dubbel = _dubbel(kop.koppen)
    bezet: set[int] = set()
    posities: dict[str, int] = {}
    keuzes: list[Kolomkeuze] = []
    meldingen: list[str] = []
    for veld, kolom in (koppeling or {}).items():
        if veld not in VELDEN:
            raise CollectiefFout(
                "E006", koppeling=f"{veld}={kolom}", wat=f"onbekend veld '{veld}'", velden=", ".join(VELDEN)
            )
        doel = _normaal(" ".join(kolom.split()))
        passend = [k for k in kop.koppen if doel in {_normaal(n) for n in (k.naam, *k.namen)}]
        if not passend and re.fullmatch(r"[a-z]{1,2}", doel):
            passend = [k for k in kop.koppen if kolomletter(k.positie).lower() == doel]
        if not passend:
            gevonden = ", ".join(k.getoond for k in kop.koppen if k.naam)
            raise CollectiefFout(
                "E006",
                koppeling=f"{veld}={kolom}",
                wat=f"kolom '{kolom}' staat niet in het bestand (gevonden: {gevonden})",
                velden=", ".join(VELDEN),
            )
        gekozen = max(passend, key=lambda k: ((_inhoud(veld, profielen[k.positie]) or (-9.0, ""))[0], -k.positie))
        reden = "zelf gekoppeld"
        if len(passend) > 1:
            reden += f"; {len(passend)} kolommen heten zo, gekozen op inhoud: kolom {kolomletter(gekozen.positie)}"
        posities[veld] = gekozen.positie
        bezet.add(gekozen.positie)
        keuzes.append(Kolomkeuze(veld, gekozen.naam, reden))

    naamkolommen = [k for k in kop.koppen if k.naam and _is_naamkolom(k, profielen[k.positie])]
    uitgesloten = {k.positie for k in naamkolommen} | {k.positie for k in kop.koppen if k.soort}
    for veld in VELDEN:
        if veld in posities:
            continue
        kandidaten = []
        for k in kop.koppen:
            punten = k.scores.get(veld, 0)
            if punten < 1 or k.positie in bezet or k.positie in uitgesloten:
                continue
            inhoud = _inhoud(veld, profielen[k.positie])
            if inhoud is None or (punten < 3 and punten + inhoud[0] < 2):
                continue  # a column that only shares a word with the field, and whose values do not fit it
            reden = f"{'kolomnaam past' if punten >= 3 else 'kolomnaam past deels'}; {inhoud[1]}"
            kandidaten.append(Kolomkandidaat(_aanduiding(k, dubbel), k.positie, reden, punten + inhoud[0]))
        if not kandidaten:
            continue
        kandidaten.sort(key=lambda c: (-c.score, c.positie))
        beste = kandidaten[0]
        if veld == "tekst" and beste.score < 2 and _tekst_op_inhoud(kop, profielen, bezet | uitgesloten):
            continue  # a short category column is not the hulpvraag's text: propose the free text instead
        posities[veld] = beste.positie
        bezet.add(beste.positie)
        gekozen = kop.koppen[beste.positie]
        reden = beste.reden
        if _normaal(gekozen.naam) in dubbel:
            andere = [k for k in dubbel[_normaal(gekozen.naam)] if k.positie != gekozen.positie]
            letters = ", ".join(kolomletter(k.positie) for k in andere)
            reden += f"; {len(andere) + 1} kolommen heten {gekozen.getoond}, gekozen op inhoud (niet kolom {letters})"
        elif len(kandidaten) > 1:
            reden += "; gekozen boven " + ", ".join(f"{c.kolom} ({c.reden.split('; ')[-1]})" for c in kandidaten[1:])
        keuzes.append(Kolomkeuze(veld, gekozen.naam, reden, tuple(kandidaten)))

    huishouden_uit_naam = False
    if "huishouden" not in posities:
        kandidaat = _naam_als_huishouden(naamkolommen, bezet)
        if kandidaat is not None:
            posities["huishouden"] = kandidaat.positie
            huishouden_uit_naam = True
            keuzes.append(
                Kolomkeuze(
                    "huishouden",
                    kandidaat.naam,
                    "de enige kolom die huishoudens aanwijst bevat namen: alleen een versleutelde code ervan wordt "
                    "gebruikt, nooit de naam",
                )
            )
    elif posities["huishouden"] in {k.positie for k in naamkolommen}:
        huishouden_uit_naam = True
    for k in naamkolommen:
        meldingen.append(f"kolom {_aanduiding(k, dubbel)} bevat namen en wordt niet opgeslagen")
    if "tekst" not in posities:
        gevonden = {veld: kop.koppen[p].naam for veld, p in posities.items()}
        _geen_tekstkolom(kop, profielen, uitgesloten | bezet, bestand, gevonden)
    in_uren = "minuten" in posities and kop.koppen[posities["minuten"]].in_uren
    return Koppeling(
        posities=posities,
        kolommen={veld: kop.koppen[p].naam for veld, p in posities.items()},
        keuzes=tuple(sorted(keuzes, key=lambda k: VELDEN.index(k.veld))),
        in_uren=in_uren,
        naamkolommen=tuple(k.naam for k in naamkolommen),
        huishouden_uit_naamkolom=huishouden_uit_naam,
        meldingen=tuple(meldingen),
    )


def _is_naamkolom(kop: Kop, profiel: Profiel) -> bool:
    if kop.soort in ("medewerker", "categorie", "tijdstip") or ("wijk" in kop.scores and kop.scores["wijk"] >= 2):
        return False
    if kop.soort == "naam":
        return True
    if kop.scores.get("tekst", 0) >= 2 and profiel.gem_woorden > 4:
        return False
    return profiel.gevuld >= 2 and profiel.namen >= 0.6 and profiel.verschillend >= 0.3


def _naam_als_huishouden(naamkolommen: Sequence[Kop], bezet: set[int]) -> Kop | None:
    vrij = [k for k in naamkolommen if k.positie not in bezet]
    if not vrij:
        return None
    # A client's name ("Naam cliënt", "Cliënt") before any other name column.
    return max(vrij, key=lambda k: ("huishouden" in k.scores, -k.positie))


def _tekst_op_inhoud(kop: KopRegels, profielen: Mapping[int, Profiel], bezet: set[int]) -> list[tuple[float, Kop]]:
    """Columns whose values look like free text, best first (for a proposal when no name fits)."""
    kandidaten = []
    for k in kop.koppen:
        p = profielen[k.positie]
        if k.positie in bezet or not p.gevuld or p.datums >= 0.5 or p.getallen >= 0.5 or p.namen >= 0.6:
            continue
        score = p.gem_woorden * min(1.0, p.verschillend * 2)
        if score >= 2:
            kandidaten.append((score, k))
    return sorted(kandidaten, key=lambda x: (-x[0], x[1].positie))


def _geen_tekstkolom(
    kop: KopRegels,
    profielen: Mapping[int, Profiel],
    bezet: set[int],
    bestand: str,
    gevonden: Mapping[str, str] | None = None,
) -> None:
    """Raise E004, proposing the column whose values look most like free text (by its name, never a value).

    The error's details carry ``koppen`` (the column names that may be shown, for a choice in the dashboard),
    ``voorstel`` (the proposed column's name, or None) and ``koppeling`` (the other fields already mapped)."""
    kandidaten = _tekst_op_inhoud(kop, profielen, bezet)
    koppen_toonbaar = tuple(dict.fromkeys(k.naam for k in kop.koppen if toonbaar(k.naam)))
    kolommen = ", ".join(k.getoond for k in kop.koppen if k.naam) or "(geen kopregel gevonden)"
    voorgesteld = None
    if kandidaten:
        beste = kandidaten[0][1]
        voorbeeld = beste.naam if toonbaar(beste.naam) else kolomletter(beste.positie)
        voorgesteld = voorbeeld
        voorstel = (
            f"De kolom {beste.getoond} lijkt de tekst te bevatten ({profielen[beste.positie].beschrijving()}); "
            f"koppel die zo: --kolom tekst={voorbeeld}"
        )
    else:
        voorbeeld = next((k.naam for k in kop.koppen if toonbaar(k.naam)), "Kolomnaam")
        voorstel = f"Geef de koppeling op, bijvoorbeeld: --kolom tekst={voorbeeld}"
    raise CollectiefFout(
        "E004",
        bestand=bestand,
        kolommen=kolommen,
        voorstel=voorstel,
        voorbeeld=voorbeeld,
        koppen=koppen_toonbaar,
        voorgesteld=voorgesteld,
        koppeling=dict(gevonden or {}),
    )
