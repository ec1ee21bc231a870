"""Benchmark the privacy stage: how fast does :class:`collectief.privacy.Scrubber` clean short notes?

Generates N synthetic wijkteam notes (seeded, 10-40 words, about half with personal data in them), scrubs them
with a fresh Scrubber and prints a table: N, seconds, notes/s, peak RSS. Loading deduce is timed separately
(the first run after installing deduce also builds its lookup tables, ~1.5 minutes).

    python bench/bench_privacy.py            # N = 1,000 and 10,000
    python bench/bench_privacy.py --large    # also N = 100,000 (target: < 3 minutes, < 2 GB)
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from collectief.privacy import Scrubber, warm_up

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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--large", action="store_true", help="also run N = 100,000")
    parser.add_argument("--seed", type=int, default=20240501)
    args = parser.parse_args(argv)

    begin = time.perf_counter()
    laadtijd = warm_up()
    print(
        f"deduce + woordenlijsten laden: {laadtijd:.1f} s (proces tot nu: {time.perf_counter() - begin:.1f} s, "
        f"piek RSS {_piek_rss_mb():.0f} MB)"
    )

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
