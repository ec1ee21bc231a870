"""Benchmark the privacy stage: how fast does :class:`collectief.privacy.Scrubber` clean short notes?

Generates N synthetic wijkteam notes (seeded, 10-40 words, about half with personal data in them), scrubs them
with a fresh Scrubber and prints a table: N, seconds, notes/s, peak RSS. Loading deduce is timed separately
(the first run after installing deduce also builds its lookup tables, ~1.5 minutes).

    python bench/bench_privacy.py            # N = 1,000 and 10,000
    python bench/bench_privacy.py --large    # also N = 100,000 (target: < 3 minutes, < 2 GB)
    python bench/bench_privacy.py --export EXPORT.csv --kolom Omschrijving [--n 5000] [--profiel]

``--export`` scrubs the first n notes of a real export (';', cp1252) next to n notes built from the sample as
``bench_intake.py`` builds them, and prints length and CPU cost per note and per word for both, and the CPU
time per scrubbing step; ``--profiel`` adds cProfile's top functions for the export's notes. That is how a
slower import of somebody else's export is explained (see bench/README.md).
"""

from __future__ import annotations

import argparse
import cProfile
import csv
import pstats
import random
import resource
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collectief.privacy import Scrubber, warm_up
from collectief.privacy.stap import StapGroep

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample" / "hulpvragen.csv"

VOORNAMEN = [
    "Jan",
    "Kees",
    "Anneke",
    "Sophie",
    "Daan",
    "Ilse",
    "Fatima",
    "Mohammed",
    "Youssef",
    "Khadija",
    "Oksana",
    "Olena",
    "Mehmet",
    "Ayse",
    "Tigist",
    "Yonas",
    "Priya",
    "Sanne",
    "Ruben",
    "Samira",
    "Piotr",
    "Agnieszka",
]
ACHTERNAMEN = [
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Pietersen",
    "El Amrani",
    "Yilmaz",
    "Kovalenko",
    "Bouzid",
    "Smit",
    "de Boer",
    "Mulder",
    "Haile",
    "Nowak",
    "Ramdin",
    "van Dijk",
    "Meijer",
]
STRATEN = [
    "Kerkstraat",
    "Dorpsweg",
    "Molenlaan",
    "Burg. de Withstraat",
    "Laan van Meerdervoort",
    "Hoofdweg",
    "Julianaplein",
    "Oranjesingel",
    "Vondelstraat",
    "Prins Hendrikkade",
]
STEDEN = ["Amsterdam", "Utrecht", "Zwolle", "Den Haag", "Tilburg", "Almere"]
WIE = ["Mw.", "mw.", "Dhr.", "dhr.", "cl.", "Client", "Moeder", "Vader", "Echtpaar", "Jongere", "Gezin"]
VRAGEN = [
    "vraagt hulp bij aanvraag huurtoeslag, brief van Belastingdienst niet begrepen",
    "heeft terugvordering zorgtoeslag ontvangen en kan niet betalen",
    "zoon wordt 18, vraagt wat er verandert met zorgtoeslag en DigiD",
    "wil samenwonen met partner, vraag over bijstand en kostendelersnorm",
    "schulden opgelopen, deurwaarder aan de deur, aanmelding schuldhulpverlening",
    "energierekening te hoog, betalingsregeling gevraagd, doorverwezen naar SchuldHulpMaatje",
    "huurachterstand en schimmel in badkamer, woningcorporatie reageert niet",
    "net bevallen, slaapt slecht, baby huilt veel, consultatiebureau ingeschakeld",
    "mantelzorger voor moeder met dementie, overbelast, info mantelzorgsteunpunt gegeven",
    "eenzaam sinds overlijden partner, zoekt contact, wijst naar buurthuis samen koken",
    "begrijpt brieven niet, laaggeletterd, verwezen naar Taalhuis in de bibliotheek",
    "aanmelding Voedselbank, kinderen kunnen niet mee met schoolreis, Leergeld gebeld",
    "werkloos sinds maart, UWV uitkering loopt af, Werkplein afspraak gemaakt",
    "somber en veel stress, huisarts verwijst naar POH-GGZ",
    "vraag over Wmo regiotaxi en hulp bij het huishouden",
    "IND brief over verblijfsvergunning, Juridisch Loket geadviseerd",
    "DUO schuld studiefinanciering, vraagt om regeling",
    "AOW gaat in, vraag over aanvullende bijstand via SVB",
]
ACTIES = [
    "HB gepland",
    "terugbellen volgende week",
    "formulier samen ingevuld",
    "i.o.m. collega opgepakt",
    "doorverwezen",
    "afspraak op wijkteam Centrum",
    "casus besproken in team Oost",
    "loopt nog",
    "nazorg over een maand",
    "geen actie nodig",
]


def _pii(rng: random.Random) -> str:
    soort = rng.randrange(9)
    if soort == 0:
        return f"tel {rng.choice(['06-', '06 ', '+31 6 ', '0'])}{rng.randrange(10**7, 10**8)}"
    if soort == 1:
        naam = rng.choice(VOORNAMEN).lower()
        return f"mail {naam}{rng.randrange(100)}@{rng.choice(['gmail.com', 'hotmail.nl', 'ziggo.nl'])}"
    if soort == 2:
        return f"woont {rng.choice(STRATEN)} {rng.randrange(1, 300)}{rng.choice(['', 'a', '-B', ' bis'])}"
    if soort == 3:
        return (
            f"{rng.randrange(1000, 9999)} {rng.choice('ABCDEFGHJKLMNPRTVWXZ')}{rng.choice('ABCDEFGHJKLMNPRTVWXZ')}"
            f" {rng.choice(STEDEN)}"
        )
    if soort == 4:
        return f"geb. {rng.randrange(1, 29):02d}-{rng.randrange(1, 13):02d}-{rng.randrange(1940, 2010)}"
    if soort == 5:
        return rng.choice(
            [f"zoon van {rng.randrange(2, 18)}", f"({rng.randrange(20, 95)})", f"{rng.randrange(20, 95)} jaar"]
        )
    if soort == 6:
        return f"IBAN NL{rng.randrange(10, 99)} INGB 0{rng.randrange(10**8, 10**9)}"
    if soort == 7:
        return f"BSN {rng.randrange(10**8, 10**9)}"
    return f"dochter {rng.choice(VOORNAMEN)}"


def maak_notities(n: int, seed: int = 20240501) -> list[str]:
    """N synthetic notes of 10-40 words, about half with one or two pieces of personal data."""
    rng = random.Random(seed)
    notities = []
    for _ in range(n):
        delen = []
        wie = rng.choice(WIE)
        if rng.random() < 0.5:
            wie += " " + rng.choice(VOORNAMEN) + (" " + rng.choice(ACHTERNAMEN) if rng.random() < 0.6 else "")
        delen.append(wie)
        delen.append(rng.choice(VRAGEN))
        if rng.random() < 0.5:
            delen.append(_pii(rng))
            if rng.random() < 0.3:
                delen.append(_pii(rng))
        delen.append(rng.choice(ACTIES))
        if rng.random() < 0.3:
            delen.append(rng.choice(VRAGEN))
        notities.append(", ".join(delen))
    return notities


def _piek_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def _notities_uit(pad: Path, kolom: str, n: int) -> list[str]:
    with pad.open(encoding="cp1252", newline="") as f:
        lezer = csv.reader(f, delimiter=";")
        kop = next(lezer)
        i = kop.index(kolom)
        notities = []
        for rij in lezer:
            if len(rij) > i and rij[i].strip():
                notities.append(rij[i])
                if len(notities) == n:
                    break
    return notities


def _sample_notities(n: int) -> list[str]:
    """As bench_intake.py builds its export: sample notes drawn at random, two random sample words added."""
    import numpy as np

    notities = _notities_uit(SAMPLE, "Omschrijving", 10**9)
    woorden = np.array(" ".join(notities).split())
    rng = np.random.default_rng(0)
    return [f"{notities[j]} {rng.choice(woorden)} {rng.choice(woorden)}" for j in rng.integers(0, len(notities), n)]


def _per_stap(scrubber: Scrubber) -> dict[str, float]:
    """Wrap every step of ``scrubber`` so that its CPU time is added up under its name."""
    tijd: dict[str, float] = defaultdict(float)

    def omwikkel(groep: StapGroep) -> None:
        for naam, stap in groep:
            if isinstance(stap, StapGroep):
                omwikkel(stap)
                continue
            origineel = stap.process

            def gemeten(notitie: object, _origineel: object = origineel, _naam: str = naam) -> None:
                begin = time.process_time()
                _origineel(notitie)  # type: ignore[operator]
                tijd[_naam] += time.process_time() - begin

            stap.process = gemeten  # type: ignore[method-assign]

    omwikkel(scrubber.stappen)
    return tijd


def vergelijk(export: Path, kolom: str, n: int, profiel: bool) -> None:
    """Scrub n notes of ``export`` and n sample-based notes; cost per note and per word, and per step."""
    sets = {"sample (bench_intake)": _sample_notities(n), export.name: _notities_uit(export, kolom, n)}
    scrubber = Scrubber()
    tijd = _per_stap(scrubber)  # the steps are shared, so this measures every Scrubber in the process
    print(f"{'notities':24} {'n':>6} {'woorden':>8} {'tekens':>7} {'CPU s':>6} {'ms/notitie':>10} {'us/woord':>9}")
    per_set = {}
    for naam, notities in sets.items():
        tijd.clear()
        scrubber = Scrubber()
        woorden = sum(len(t.split()) for t in notities)
        pr = cProfile.Profile() if profiel and naam == export.name else None
        begin = time.process_time()
        if pr:
            pr.enable()
        for tekst in notities:
            scrubber.scrub(tekst)
        if pr:
            pr.disable()
        duur = time.process_time() - begin
        per_set[naam] = dict(tijd)
        print(
            f"{naam:24} {len(notities):>6} {woorden / len(notities):>8.1f} "
            f"{statistics.mean(len(t) for t in notities):>7.0f} {duur:>6.2f} {1000 * duur / len(notities):>10.2f} "
            f"{1e6 * duur / woorden:>9.1f}"
        )
        if pr:
            pstats.Stats(pr).sort_stats("tottime").print_stats(15)
    print(f"\nCPU s per stap: {'stap':20} " + " ".join(f"{n[:22]:>22}" for n in per_set))
    stappen = sorted(
        {s for t in per_set.values() for s in t}, key=lambda s: -sum(t.get(s, 0) for t in per_set.values())
    )
    for stap in stappen[:12]:
        print(f"{'':16}{stap:20} " + " ".join(f"{t.get(stap, 0):>22.2f}" for t in per_set.values()))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also run N = 100,000")
    parser.add_argument("--seed", type=int, default=20240501)
    parser.add_argument("--export", type=Path, help="compare the notes of this export with the sample's")
    parser.add_argument("--kolom", default="Omschrijving", help="the export's note column")
    parser.add_argument("--n", type=int, default=5000, help="notes per set for --export")
    parser.add_argument("--profiel", action="store_true", help="cProfile the export's notes")
    args = parser.parse_args(argv)

    begin = time.perf_counter()
    laadtijd = warm_up()
    print(
        f"deduce + woordenlijsten laden: {laadtijd:.1f} s (proces tot nu: {time.perf_counter() - begin:.1f} s, "
        f"piek RSS {_piek_rss_mb():.0f} MB)"
    )

    if args.export is not None:
        vergelijk(args.export, args.kolom, args.n, args.profiel)
        return

    groottes = [1_000, 10_000] + ([100_000] if args.large else [])
    print(f"{'N':>8} {'uniek':>8} {'seconden':>9} {'notities/s':>11} {'piek RSS MB':>12}")
    for n in groottes:
        notities = maak_notities(n, args.seed)
        scrubber = Scrubber()
        start = time.perf_counter()
        for _ in scrubber.scrub_many(notities):
            pass
        duur = time.perf_counter() - start
        print(f"{n:>8,} {len(set(notities)):>8,} {duur:>9.1f} {n / duur:>11,.0f} {_piek_rss_mb():>12,.0f}")


if __name__ == "__main__":
    main()
