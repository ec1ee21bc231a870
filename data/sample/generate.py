#!/usr/bin/env python3
"""Generate the synthetic sample export of hulpvragen and its ground truth.

Standard library only and fully seeded, so the committed files can be rebuilt byte for byte::

    python data/sample/generate.py                 # default seed, writes next to this script
    python data/sample/generate.py --seed 7 --out /tmp/sample

Writes three files:

* ``hulpvragen.csv``   the export as a case-registration system would hand it over: ``;``-separated, cp1252,
  CRLF line endings, dd-mm-jjjj dates, with typos, abbreviations, leftover personal data and 4 bad rows;
* ``ground_truth.csv`` utf-8, ``rij;vraagnummer;thema_id`` with ``rij`` the 0-based data row number;
* ``README.md``        what is in the files and which structure was planted (generated, so the lists of
  vraagnummers always match the data).

Everything in the notes is invented. Names, phone numbers, BSNs and IBANs are random; BSNs pass the 11-proef
and IBANs have valid check digits so that scrubbers can be tested on realistic values.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_SEED = 20261122
HERE = Path(__file__).resolve().parent

HEADER = ("Vraagnummer", "Registratiedatum", "Wijk", "Clientnummer", "Tijdsbesteding (min)", "Omschrijving")

#: The 12 months of the export: December 2025 up to and including November 2026.
MONTHS: tuple[tuple[int, int], ...] = ((2025, 12), *((2026, m) for m in range(1, 12)))
DEC, JAN, FEB, MAR, APR, MAY, JUN, JUL, AUG, SEP, OCT, NOV = range(12)
LAST_QUARTER = (SEP, OCT, NOV)

WIJKEN = ("Centrum", "Oost", "Noord", "Zuidwest")
BASE_WIJK = {"Centrum": 0.24, "Oost": 0.26, "Noord": 0.30, "Zuidwest": 0.20}

#: Overall registration volume per month (index 0 = December 2025): quieter around Christmas and in the
#: summer holidays, busy after the summer.
BASE_SEASON = (0.90, 1.10, 1.05, 1.05, 1.00, 1.00, 0.95, 0.80, 0.85, 1.10, 1.10, 1.05)

MAANDEN = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)

SlotValue = str | Callable[[random.Random], str]


# --------------------------------------------------------------------------------------------------------
# Slot fillers shared by all themes
# --------------------------------------------------------------------------------------------------------

GENDERED: dict[str, dict[str, Sequence[str]]] = {
    "v": {
        "cl": ("mw.", "mw.", "Mw.", "mevrouw", "mevr.", "cl.", "cliënte", "client", "mw", "mevrouw"),
        "hij": ("zij", "ze", "zij"),
        "zijn": ("haar",),
        "hem": ("haar",),
    },
    "m": {
        "cl": ("dhr.", "dhr.", "Dhr.", "meneer", "cl.", "cliënt", "client", "dhr", "meneer"),
        "hij": ("hij",),
        "zijn": ("zijn",),
        "hem": ("hem",),
    },
}


def _bedrag(rng: random.Random, lo: int = 150, hi: int = 6000) -> str:
    amount = int(lo * (hi / lo) ** rng.random())
    if amount > 1000:
        amount = round(amount, -1)
    fmt = rng.choice(("eur_dot", "euro", "eur_dash", "ca", "EUR", "eur_dot"))
    if fmt == "eur_dot":
        return "€ " + f"{amount:,}".replace(",", ".")
    if fmt == "euro":
        return f"{amount} euro"
    if fmt == "eur_dash":
        return f"€{amount},-"
    if fmt == "ca":
        return f"ca. {max(100, round(amount, -2))} euro"
    return f"EUR {amount}"


def _bedrag_klein(rng: random.Random) -> str:
    return _bedrag(rng, 25, 400)


def _maand(rng: random.Random) -> str:
    name = rng.choice(MAANDEN)
    return name[:3] if rng.random() < 0.2 else name


def _weken(rng: random.Random) -> str:
    return str(rng.randint(2, 12))


COMMON: dict[str, Sequence[SlotValue]] = {
    "bedrag": (_bedrag,),
    "bedrag_klein": (_bedrag_klein,),
    "maand": (_maand,),
    "weken": (_weken,),
    "kanaal": (
        "tel. contact",
        "HB",
        "huisbezoek",
        "inloop",
        "spreekuur",
        "tel.",
        "mail cl.",
        "HB i.o.m. collega",
        "inloopspreekuur",
        "gesprek op kantoor",
        "telefonisch",
        "tel contact",
        "Inloop",
        "HB",
    ),
    "vervolg": (
        "Afspraak gepland.",
        "volgt HB",
        "z.s.m. terugbellen",
        "terugbelafspraak gemaakt",
        "nieuwe afspraak over {weken} weken",
        "oppakken in overleg",
        "i.o.m. collega verder",
        "{cl} neemt zelf contact op",
        "evt. doorverwijzen",
        "casus besproken in teamoverleg",
        "wordt vervolgd",
        "actie: ik bel terug",
        "afspraak {dag}",
        "Vervolggesprek gepland.",
        "we kijken samen verder",
        "{cl} komt terug op inloop",
        "HB {dag}",
        "stukken meenemen naar volgende afspraak",
        "Afgesproken dat {cl} papieren verzamelt.",
        "binnen {weken} wkn opnieuw contact",
        "collega {collega} pakt dit op",
        "geen vervolg nodig, uitleg gegeven",
        "{cl} was tevreden met uitleg",
        "eerst kijken wat {cl} zelf kan",
        "tel. afspraak {dag}",
        "ik bel {dag} terug",
        "Terugkoppeling aan {collega}.",
        "actie {collega}",
        "afgerond",
        "Afgesloten.",
        "Cl. belt zelf terug als het niet lukt.",
        "mail gestuurd met info",
        "folder meegegeven",
        "info op papier meegegeven",
        "volgende stap besproken",
        "cl. denkt erover na",
        "vervolgafspraak {dag} om {uur} uur",
        "zie vorige notitie",
        "overleg met {collega}",
        "dossier bijgewerkt",
        "in de gaten houden",
        "wacht op reactie",
        "na {weken} weken evalueren",
    ),
    "dag": (
        "maandag",
        "dinsdag",
        "woensdag",
        "donderdag",
        "vrijdag",
        "volgende week",
        "morgen",
        "na het weekend",
        "over 2 weken",
        "ma",
        "di",
        "wo",
        "do",
        "vr",
    ),
    "uur": ("9", "9.30", "10", "10.30", "11", "13", "13.30", "14", "15", "15.30", "16"),
    "collega": (
        "JGZ",
        "SMW",
        "collega schuldhulp",
        "de wijkverpleegkundige",
        "POH",
        "de consulent",
        "het jeugdteam",
        "de ouderenadviseur",
        "de collega van werk en inkomen",
        "opbouwwerk",
        "de wijkcoach",
        "de casusregisseur",
    ),
    "kind": ("zoon", "dochter", "zoon", "dochter", "oudste", "jongste"),
    "n_kinderen": ("2", "3", "4", "5"),
}

# Second-theme mentions in passing (about 15 % of notes); the ground truth stays the main theme.
SIDE: dict[str, Sequence[str]] = {
    "toeslagen": (
        "vraag over de huurtoeslag",
        "brief van de BD over zorgtoeslag",
        "toeslagen nakijken",
        "terugvordering zorgtoeslag",
    ),
    "samenwonen_uitkering": (
        "vraag over samenwonen",
        "zoon wordt binnenkort 18",
        "kostendelersnorm uitzoeken",
        "vraag over bijstand bij inwonende dochter",
    ),
    "schulden": (
        "zorgen over de energierekening",
        "een paar aanmaningen",
        "geldzorgen",
        "deurwaarder",
        "achterstand bij zorgverzekeraar",
    ),
    "wonen": (
        "schimmel in de badkamer",
        "huurachterstand van 1 maand",
        "overlast van de bovenburen",
        "woning te klein",
    ),
    "jonge_ouders": ("baby van 4 mnd", "zwanger van de 3e", "jongste huilt veel 's nachts"),
    "mantelzorg": ("zorg voor moeder", "mantelzorg voor vader valt zwaar", "partner met dementie"),
    "eenzaamheid": ("voelt zich vaak alleen", "weinig contacten", "ziet bijna niemand"),
    "taal_digitaal": ("lezen is lastig voor cl.", "DigiD werkt niet", "kan niet goed met de computer"),
    "armoede_meedoen": ("eten is krap deze maand", "voedselbank", "kinderen kunnen niet mee op schoolreis"),
    "werk_dagbesteding": ("zoekt werk", "wil graag vrijwilligerswerk", "zit thuis sinds ontslag"),
    "psychisch_welzijn": ("slaapt slecht van de stress", "somberheid", "piekert veel"),
    "verslaving": ("partner drinkt te veel",),
    "vervoer": ("scootmobiel nodig", "regiotaxipas loopt af"),
    "statushouders": ("inburgering loopt nog", "wacht op gezinshereniging"),
}
SIDE_CONNECTORS = (
    ". Speelt ook: {}",
    " (daarnaast: {})",
    "; verder {}",
    " + {}",
    ". Ook: {}",
    " - tevens {}",
    ". Tevens {}",
    ", ook {}",
)

#: Theme-neutral context sentences; verbose writers add one or two.
CONTEXT: tuple[str, ...] = (
    "Cl. is al langer bekend bij het wijkteam.",
    "Eerder contact gehad in {maand}.",
    "Aangemeld door de huisarts.",
    "Aanmelding via de woningcorporatie.",
    "Gesprek in het bijzijn van {kind}.",
    "Cl. was emotioneel tijdens het gesprek.",
    "Tolk via telefoon gebruikt.",
    "{Cl} kwam zelf naar de inloop.",
    "Buurvrouw heeft cl. gestimuleerd om te komen.",
    "Eerste contact, cl. was nog niet bekend.",
    "Gesprek duurde langer dan gepland.",
    "Cl. had alle papieren bij zich.",
    "Cl. vond het moeilijk om hulp te vragen.",
    "Netwerk is klein.",
    "Afspraak was al 2x verzet.",
    "Collega van maatschappelijk werk sloot aan.",
    "Signaal kwam via school.",
    "Cl. heeft {n_kinderen} kinderen thuis.",
    "Doorverwezen door {collega}.",
    "{Kind} was mee als tolk.",
    "Cl. was eerder dit jaar ook al bij ons.",
    "Melding kwam binnen via het algemene nummer.",
    "Gesprek bij cl. thuis, rommelig huis.",
    "Cl. werkt parttime.",
    "Cl. woont alleen.",
    "Partner was ook aanwezig.",
    "Cl. kwam te laat, kort gesproken.",
    "Eerder dossier in {maand} afgesloten.",
    "Cl. was goed voorbereid.",
    "Nederlands gaat redelijk.",
    "Cl. heeft geen auto.",
    "Cl. was rustig en open.",
)


# --------------------------------------------------------------------------------------------------------
# Themes
# --------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    id: str
    count: int
    minutes: tuple[int, int, int]  # low, mode, high
    templates: tuple[str, ...]
    slots: dict[str, Sequence[SlotValue]] = field(default_factory=dict)
    season: tuple[float, ...] = (1.0,) * 12
    wijk: dict[str, float] | None = None
    #: (months, probability, templates): in those months draw from these templates with that probability
    seasonal: tuple[tuple[frozenset[int], float, tuple[str, ...]], ...] = ()
    #: wijk -> slot overrides used half of the time (e.g. more huurtoeslag in Oost)
    wijk_slots: dict[str, dict[str, Sequence[SlotValue]]] = field(default_factory=dict)
    catalogue: bool = True


def _season(**peaks: float) -> tuple[float, ...]:
    names = ("dec", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov")
    return tuple(peaks.get(n, 1.0) for n in names)


TOESLAGEN = Theme(
    id="toeslagen",
    count=196,
    minutes=(20, 40, 75),
    season=_season(may=2.0, jun=2.4, jul=2.6, aug=2.2),
    wijk={"Centrum": 0.16, "Oost": 0.52, "Noord": 0.18, "Zuidwest": 0.14},
    slots={
        "toeslag": (
            "huurtoeslag",
            "huurtoeslag",
            "huurtoeslag",
            "huursubsidie",
            "huursubsidie",
            "zorgtoeslag",
            "zorgtoeslag",
            "kinderopvangtoeslag",
            "toeslag voor de huur",
            "huurtoslag",
            "huur toeslag",
            "kindgebonden budget",
            "toeslagen",
            "zorg toeslag",
        ),
        "bd": (
            "Belastingdienst",
            "BD",
            "belastingdienst",
            "Dienst Toeslagen",
            "belasting",
            "belastingdients",
            "toeslagen",
            "BD/Toeslagen",
            "Belastingdienst",
        ),
        "brief_t": (
            "definitieve berekening",
            "beschikking",
            "terugvordering",
            "voorschotbeschikking",
            "brief over terugbetalen",
            "huurtoeslagterugvordering",
            "zorgtoeslagbeschikking",
            "herziening",
            "definitieve beschikking",
        ),
        "partner_t": (
            "formulierenbrigade",
            "collega SHV",
            "Juridisch Loket",
            "de WC",
            "Informatiepunt Digitale Overheid in de bieb",
            "formulierenspreekuur",
        ),
    },
    wijk_slots={
        "Oost": {"toeslag": ("huurtoeslag", "huursubsidie", "huurtoeslag", "toeslag voor de huur", "huurtoslag")}
    },
    templates=(
        "{Cl} geeft aan dat {hij} een brief van de {bd} heeft gekregen over terugbetalen van de {toeslag}.",
        "{cl} moet {bedrag} terugbetalen ivm {toeslag}, snapt niet waarom. {vervolg}",
        "{kanaal}: cl. heeft {brief_t} ontvangen, inkomen vorig jaar hoger dan geschat. Samen nagekeken.",
        'cl. zegt: "ik snap niks van die brief" - bleek {brief_t} {toeslag} te zijn',
        "vraag over {toeslag}, nieuwe huur per 1 juli doorgeven",
        "Huurtoeslag aanvragen na verhuizing, cl. weet niet hoe. {vervolg}",
        "{Cl} heeft geen {toeslag} meer ontvangen sinds {maand}. Navragen bij {bd}.",
        "geld terug moeten betalen aan de belasting, {bedrag}. wil betalingsregeling",
        "{cl} vraagt of {hij} recht heeft op zorgtoeslag nu het inkomen lager is",
        "terugvordering kinderopvangtoeslag, uren opvang anders dan opgegeven. cl. erg geschrokken",
        "Hulp gevraagd bij wijzigen inkomen in Mijn toeslagen. {vervolg}",
        "{kanaal}: stapel post van de {bd} doorgenomen, o.a. {brief_t} {toeslag}",
        "toeslag voor de huur is stopgezet, cl. weet niet waarom",
        "Cl. ontvangt {brief_t}: {bedrag} terug. Bezwaar maken? i.o.m. {partner_t}",
        "mw. vraagt hulp bij aanvraag huurtoeslag, huur net boven de grens?",
        "Zorgtoeslag te laat aangevraagd, kan dat nog met terugwerkende kracht",
        "dhr heeft brief van toeslagen, voorschot wordt verlaagd naar {bedrag_klein} per maand",
        "Vraag: telt het inkomen van de inwonende zoon mee voor de huurtoeslag?",
        "{bd} vraagt gegevens op over huur en inkomen, cl. heeft 6 weken. Samen formulier ingevuld.",
        "{kanaal} - huursubsidie terugbetalen, schrikt van het bedrag ({bedrag}). {vervolg}",
        "cl. kreeg dit jaar ineens veel minder toeslag, vermoedt fout van de {bd}",
        "aanvraag kindgebonden budget en kinderopvangtoeslag samen doorgelopen",
        "Meneer begrijpt het verschil tussen voorschot en definitieve berekening niet. Uitgelegd.",
        "toeslagpartner klopt niet meer sinds scheiding, moet gewijzigd worden",
        "cl wil weten of vakantiegeld meetelt als inkomen voor de toeslagen",
        "Huurtoeslagterugvordering van {bedrag}, betalingsregeling aangevraagd bij Dienst Toeslagen.",
        "huurverhoging per juli niet doorgegeven aan {bd}, nu samen gedaan",
        "Mw. heeft herinnering ontvangen van toeslagen, eerdere terugvordering nog niet betaald",
        "{Cl} durft de envelop van de belasting niet open te maken. Samen geopend: {brief_t}.",
        "Toeslagen: DigiD werkt niet, kan daardoor wijziging niet doorgeven. {vervolg}",
        "inkomensschatting aanpassen ivm nieuwe baan, anders straks weer terugbetalen",
        "hersteloperatie: cl. denkt gedupeerde te zijn van de toeslagenaffaire, info gegeven",
        "vraagt om hulp bij bezwaarschrift tegen {brief_t} {toeslag}",
        "Formulier huurtoeslag en zorgtoeslag ingevuld tijdens {partner_t}.",
        "cl. krijgt {toeslag} op verkeerde rekening, oude rekening opgeheven",
        "zorgtoeslagbeschikking: bedrag nul, cl. begrijpt niet waarom",
    ),
    seasonal=(
        (
            frozenset({MAY, JUN, JUL, AUG}),
            0.45,
            (
                "Definitieve berekening {toeslag} binnen: {bedrag} terugbetalen. cl. raakt in paniek",
                "{kanaal}: jaarafrekening {toeslag} over vorig jaar, moet {bedrag} terug. {vervolg}",
                "brief BD over definitieve {toeslag}, inkomen klopte niet. bezwaar of regeling?",
                'cl.: "ze willen {bedrag} terug van mijn huurtoeslag, dat heb ik niet"',
                "huurtoeslag over vorig jaar wordt teruggevorderd, cl. had loonsverhoging niet doorgegeven",
            ),
        ),
    ),
)

SAMENWONEN = Theme(
    id="samenwonen_uitkering",
    count=112,
    minutes=(25, 45, 80),
    season=_season(sep=1.7, oct=2.4, nov=3.0),
    slots={
        "uitk": ("bijstand", "bijstandsuitkering", "uitkering", "AOW", "WW", "uitkering", "bijstand"),
        "instantie": ("Werkplein", "sociale dienst", "SVB", "UWV", "gemeente", "consulent W&I", "Werkplein"),
        "partner": ("vriend", "vriendin", "partner", "nieuwe partner", "vriend", "partner"),
    },
    templates=(
        "{Cl} wil gaan samenwonen met {partner}, vraagt wat dit betekent voor {zijn} {uitk} en toeslagen.",
        "kostendelersnorm: zoon wordt in {maand} 27, uitkering gaat omlaag. cl. in paniek",
        "Dochter wordt 18: zorgverzekering, zorgtoeslag en DigiD regelen. Uitgelegd wat er moet gebeuren.",
        "{cl} vraagt of {partner} mag blijven slapen zonder dat het een gezamenlijke huishouding is",
        'brief {instantie}: onderzoek naar gezamenlijke huishouding. cl. zegt: "hij woont hier niet"',
        "kostendelers norm uitgelegd, 2 volwassen kinderen thuis",
        "samenwonen met jongere partner, gevolgen voor AOW? doorverwezen naar SVB",
        "cl. is gaan samenwonen maar heeft dit niet doorgegeven, vreest terugvordering {uitk}",
        "Zoon (18) moet eigen zorgverzekering, cl. wist dit niet. Samen premie en zorgtoeslag geregeld.",
        "vraag: telt inwonende moeder mee voor de kostendelersnorm?",
        "{kanaal}: uitkering verlaagd want dochter van 23 woont thuis, cl snapt berekening niet",
        "dhr wil met zijn vriendin gaan wonen, maar is bang zijn uitkering kwijt te raken",
        "Vragen rondom LAT-relatie en bijstand. Regels uitgelegd, {vervolg}",
        "huisgenoot ingeschreven op adres, gemeente rekent nu kostendelersnorm. klopt dat? navragen",
        "kind wordt volwassen: wat verandert er? kinderbijslag stopt, studiefinanciering, eigen DigiD",
        "Cl. gescheiden, ex woont nog in huis tot verkoop. Gevolgen voor {uitk} besproken.",
        "mw. is 67, vraagt naar AOW en aanvullende inkomensvoorziening nu partner is overleden",
        "{instantie} wil huurcontract en bankafschriften zien ivm samenwoonvraag",
        "zoon 27 geworden, inkomen cl. lager, vraag of zoon kostgeld moet betalen",
        "vraagt of ze haar vriend kan inschrijven op haar adres zonder gevolgen voor uitkering",
        "{uitk} stopgezet ivm vermeend samenwonen. Bezwaar? Juridisch Loket ingeschakeld",
        "cl. vraagt hoe het zit met de kostendelersnorm bij onderhuur van een kamer",
        "18e verjaardag dochter: DigiD aanvragen en zorgverzekeraar kiezen, samen gedaan",
        "gezamenlijke huishouding - wanneer ben je samenwonend volgens de {instantie}? {cl} wil zekerheid",
        "cl ontvangt WW, {partner} trekt in; wat betekent dat voor toeslagen en uitkering",
        "Melding wijziging woonsituatie (inwonende neef) bij {instantie}, samen formulier ingevuld.",
        "Wil trouwen met partner uit buitenland. Gevolgen voor {uitk}?",
        "Mw. heeft bijstand en dochter gaat werken, telt haar inkomen mee? Uitleg kostendelersnorm.",
        "vraag over partnerinkomen en AOW na trouwen op latere leeftijd",
        "kamerverhuur aan student: mag dat met een uitkering? {instantie} gebeld",
        "zoon wordt 18 volgende maand, cl. weet niet dat kinderbijslag en kindgebonden budget stoppen",
        'cl.: "als mijn vriend hier komt wonen krijg ik dan niks meer?"',
        "Kostendelersnorm - 3 volwassenen in huis, uitkering fors lager. Controle berekening {instantie}.",
        "woont samen sinds {maand}, nog niet gemeld bij {instantie}. uitgelegd dat dit wel moet",
    ),
)

SCHULDEN = Theme(
    id="schulden",
    count=182,
    minutes=(45, 90, 150),
    season=_season(dec=1.8, jan=2.0, feb=1.9, mar=1.7),
    slots={
        "eiser": (
            "zorgverzekeraar",
            "energieleverancier",
            "telefoonprovider",
            "CJIB",
            "waterschap",
            "gemeentebelastingen",
            "webwinkels",
            "de verhuurder",
            "DUO",
            "het ziekenhuis",
        ),
        "shv": ("SHV", "schuldhulpverlening", "schuldhulp", "schuldhulpverleneing", "schuldhulpverlening"),
    },
    templates=(
        "{Cl} heeft meerdere aanmaningen, o.a. van {eiser}. Overzicht gemaakt.",
        "deurwaarder aan de deur geweest, cl. erg gestrest. aanmelden {shv}",
        "aanmelding {shv}, schulden ca {bedrag}",
        "beslag op loon, cl. houdt te weinig over om van te leven. beslagvrije voet laten checken",
        "Cl. vraagt hulp bij betalingsregeling met {eiser}.",
        "{kanaal}: ongeopende post, veel incassobureaus. samen gesorteerd",
        "achterstand zorgpremie, cl. staat nu bij het CAK (bestuursrechtelijke premie)",
        'cl zegt: "ik heb overal schulden, ik weet niet waar ik moet beginnen"',
        "boete CJIB opgelopen door niet betalen, wil regeling",
        "rood staan, creditcard en achteraf betalen, zoon helpt niet meer",
        "Dhr heeft schuld bij de gemeente (belastingen), kwijtschelding aangevraagd",
        "{shv}-traject loopt, vraag over leefgeld. i.o.m. budgetbeheer",
        "geldzorgen: eind van de maand nooit rond. budgetplan gemaakt met cl.",
        "incasso van {bedrag} voor oude telefoonrekening, klopt volgens cl. niet",
        "aanvraag SchuldHulpMaatje, cl. wil hulp bij administratie",
        "Brief deurwaarder: beslaglegging op uitkering aangekondigd. Spoed.",
        "{kanaal} - achterstand zorgpremie en huur, totaal {bedrag}. Aanmelding {shv}",
        "cl vraagt of het klopt dat de incassokosten hoger zijn dan de schuld zelf",
        "schuldsanering/WSNP: cl. vraagt wat dat inhoudt",
        "Betalingsachterstanden bij meerdere partijen, cl. heeft geen overzicht meer.",
        "mw. heeft lening bij familie en bij de kredietbank, maandlasten veel te hoog",
        "Vroegsignalering: brief van gemeente ivm betalingsachterstand ontvangen",
        "aanmaning waterschap + gemeentelijke belastingen, kwijtschelding aangevraagd",
        "Cl. heeft beslag op bankrekening, kan geen boodschappen doen",
        "dhr schaamt zich voor de schulden, wil niet dat zijn vrouw het weet",
        "Thuisadministratie op orde brengen, map gemaakt samen met cl.",
        "schulden bij webwinkels door achteraf betalen, {bedrag}",
        "cl. kan de maandelijkse aflossing aan de deurwaarder niet meer opbrengen",
        "{Cl} heeft een dagvaarding ontvangen ivm openstaande rekening van {eiser}",
        "minnelijk traject {shv} loopt vast, 1 schuldeiser werkt niet mee",
        "budgetcursus voorgesteld, cl. wil leren rondkomen",
        "geld op rekening is op de 5e al weg, vaste lasten te hoog. {vervolg}",
        "herinnering + aanmaning {eiser}, bedrag opgelopen tot {bedrag}",
        "Energierekening flink omhoog, voorschot nu {bedrag_klein} per mnd. cl. kan dit niet betalen.",
        "eindafrekening energie {bedrag} bijbetalen, geen geld",
    ),
    seasonal=(
        (
            frozenset({DEC, JAN, FEB, MAR}),
            0.40,
            (
                "Energierekening flink omhoog, voorschot nu {bedrag_klein} per mnd. cl. kan dit niet betalen.",
                "jaarafrekening energie: {bedrag} bijbetalen. {vervolg}",
                "cl. zit in de kou, durft de verwarming niet aan te zetten ivm kosten",
                "Afsluiting gas en stroom dreigt, energieleverancier gebeld voor betalingsregeling.",
                "noodfonds energie aanvragen, cl. heeft achterstand bij energiebedrijf",
                'Mw.: "de rekening van het gas is hoger dan mijn huur"',
                "achterstand energie {bedrag}, afsluitbrief ontvangen. z.s.m. actie",
                "stookkosten winter niet op te brengen, termijnbedrag verhoogd naar {bedrag_klein}",
            ),
        ),
    ),
)

WONEN = Theme(
    id="wonen",
    count=140,
    minutes=(25, 50, 100),
    season=_season(jul=1.3),
    slots={
        "wc": ("woningcorporatie", "WC", "de corporatie", "verhuurder", "huisbaas", "woningbouw", "WC"),
    },
    templates=(
        "Schimmel in de slaapkamer van de kinderen, {wc} reageert niet op meldingen.",
        "huurachterstand van 3 maanden, {wc} dreigt met ontruiming",
        "cl. vraagt urgentie aan ivm medische situatie, kan de trap niet meer op",
        "Lekkage vanuit de bovenwoning, plafond komt naar beneden. Reparatieverzoek gedaan.",
        "huurverhoging per 1 juli te hoog? bezwaar via huurcommissie uitgezocht",
        "Overlast van buren (harde muziek, ruzie), {cl} slaapt slecht",
        "{cl} woont met 5 personen in 2-kamerwoning, zoekt grotere woning.",
        "kapotte cv-ketel al 2 weken, koud in huis. {wc} gebeld",
        'cl. zegt: "het stinkt hier naar vocht en de kinderen hoesten"',
        "Dreigende huisuitzetting, vonnis kantonrechter. Spoed, i.o.m. {wc}",
        "vraag over afrekening servicekosten, {bedrag_klein} bijbetalen",
        "Onderhuur, hoofdhuurder wil cl. eruit. Rechten uitgezocht.",
        "woning ernstig vervuild, HB samen met {wc}. opruimhulp geregeld",
        "{kanaal}: huurachterstand {bedrag}, betalingsregeling met verhuurder gemaakt",
        "dhr. moet uit huis na scheiding, heeft nergens onderdak",
        "Tocht en vocht, ramen sluiten niet. Reparatie aangevraagd bij {wc}.",
        "cl wil woningruil, huidige woning is te duur",
        "Overlast: hennepgeur en veel aanloop bij de buren. Wijkagent ingelicht.",
        "mevrouw heeft geen warm water meer sinds {maand}",
        "Urgentieaanvraag afgewezen, cl. wil in bezwaar",
        "huisbaas doet geen onderhoud, doorverwezen naar het huurteam",
        "balkon onveilig, hekwerk zit los. melding gedaan bij {wc}",
        "cl. kan de huur niet meer betalen na ontslag, woning te duur",
        "ongedierte (muizen, kakkerlakken) in de flat, meerdere bewoners klagen",
        "vraagt hulp bij inschrijven als woningzoekende, wachttijd uitgelegd",
        "Na renovatie hogere huur, {cl} snapt niet waarom",
        "Dhr. woont op 3-hoog zonder lift, zoekt gelijkvloerse woning.",
        "burenruzie over de galerij, buurtbemiddeling voorgesteld",
        "tijdelijk huurcontract loopt af, nog geen nieuwe woning",
        "vochtplekken en zwarte schimmel in badkamer, {wc} zegt dat cl. te weinig ventileert",
        'cl: "ik durf niet meer te klagen bij de {wc}, dan word ik eruit gezet"',
        "reparatieverzoek keuken al {weken} weken open, niemand komt",
        "huurder sinds 20 jaar, nu huurverhoging van {bedrag_klein} per maand. huurtoeslag? evt.",
        "zoekt woning dichter bij familie, staat {weken} jaar ingeschreven",
    ),
)

JONGE_OUDERS = Theme(
    id="jonge_ouders",
    count=126,
    minutes=(40, 60, 100),
    wijk={"Centrum": 0.15, "Oost": 0.16, "Noord": 0.55, "Zuidwest": 0.14},
    slots={
        "baby": ("baby", "kindje", "zoontje", "dochtertje", "kleintje", "baby"),
        "mnd": ("3 mnd", "6 weken", "4 maanden", "2 mnd", "5 mnd", "10 weken", "7 mnd"),
    },
    templates=(
        "{baby} van {mnd} huilt veel, moeder uitgeput",
        "Mw. is 28 weken zwanger, alleenstaand, zoekt ondersteuning na de bevalling.",
        "{baby} slaapt slecht, ouders krijgen weinig rust. Tips gegeven, i.o.m. consultatiebureau",
        "borstvoeding lukt niet goed, mw. voelt zich schuldig",
        "jonge moeder woont alleen met dochtertje, weinig netwerk",
        "vragen over opvoeding peuter, driftbuien",
        "Aanmelding Home-Start via verloskundige",
        'cl. zegt: "ik weet niet of ik het goed doe als moeder"',
        "zwanger van 2e kind, eerste is 14 mnd. vraag over kinderopvang",
        "pas bevallen, kraamzorg gestopt, mw. voelt zich alleen",
        "vader vraagt hulp, partner is somber sinds de bevalling",
        "eerste kindje, ouders onzeker over voeding en slapen",
        "alleenstaande moeder van tweeling, overbelast",
        "consultatiebureau verwijst door: moeder lijkt uitgeput, weinig steun",
        "Vraag naar koffieochtend voor jonge ouders in de wijk",
        "Peuter (2) wil niet eten, moeder ongerust. JGZ geadviseerd",
        "mw. zwanger, vriend is vertrokken. Wil weten waar ze terecht kan",
        "nachtvoedingen, man werkt nachten, mw. staat er alleen voor",
        "babyspullen nodig: kinderwagen, bedje. via stichting geregeld",
        "{baby} {mnd}, reflux, veel huilen. Huisarts gebeld",
        "{kanaal}: jong gezin, 3 kinderen onder de 4, moeder redt het niet",
        "opvoedvragen: grenzen stellen bij zoontje van 3",
        "wil graag contact met andere moeders, kent niemand in de buurt",
        "Zwangerschapsverlof als zzp'er, wat nu? cl. is 7 mnd zwanger",
        "dochter van 6 weken, mw. durft niet te slapen uit angst dat er iets gebeurt",
        "{baby} huilt 's nachts uren, ouders hebben ruzie door vermoeidheid",
        "flesvoeding erg duur, mw. vraagt naar hulp",
        "Mw. 34 wkn zwanger, nog niets voorbereid, geen kraampakket",
        "ouderschap valt zwaar, dhr. vraagt om opvoedondersteuning via CJG",
        "kleintje ({mnd}) wil alleen op de arm slapen, moeder wordt er gek van",
        "tienermoeder, school afgebroken, vraagt hulp bij combineren met zorg voor {baby}",
        "kraamweek voorbij, vader weer aan het werk; moeder kan het niet aan met 2 kleintjes",
        'mw.: "ik heb sinds de geboorte geen nacht doorgeslapen"',
        "vragen over zindelijkheid en slaapritme van peuter, tips gegeven",
        "alleenstaande moeder, {baby} van {mnd}, geen oppas als ze naar de dokter moet",
    ),
)

MANTELZORG = Theme(
    id="mantelzorg",
    count=70,
    minutes=(40, 60, 100),
    slots={
        "naaste": (
            "moeder met dementie",
            "zieke man",
            "vader (Parkinson)",
            "partner met MS",
            "zoon met autisme",
            "schoonmoeder",
            "broer na een beroerte",
            "demente vader",
            "ernstig zieke vrouw",
        ),
    },
    templates=(
        "{Cl} zorgt al jaren voor {naaste} en is overbelast.",
        "mantelzorger loopt op {zijn} tandvlees, vraagt naar respijtzorg",
        "Dochter vraagt hulp: moeder met dementie wordt steeds verwarder, ze kan het niet meer aan",
        "mw. zorgt dag en nacht voor haar man, slaapt zelf nauwelijks",
        "vraag naar dagopvang voor {naaste} zodat cl. wat lucht krijgt",
        "mantelzorgwaardering aanvragen, hoe werkt dat",
        'cl. zegt: "ik ben geen echtgenote meer, ik ben alleen nog verpleegster"',
        "logeeropvang voor zoon met beperking gezocht, ouders uitgeput",
        "Combinatie werk en zorg voor vader valt zwaar. Werkgever weet van niets.",
        "mantel zorg: cl. doet boodschappen en was voor buurvrouw, wordt te veel",
        "Aanmelding mantelzorgsteunpunt, cl. wil lotgenoten ontmoeten",
        "{kanaal}: man heeft Alzheimer, 's nachts onrustig. Casemanager dementie betrokken?",
        "Jonge mantelzorger: dochter (15) zorgt voor zieke moeder. School maakt zich zorgen.",
        "cl. vraagt hulp bij PGB voor zorg aan moeder, administratie te ingewikkeld",
        "overbelaste partner, wil huishoudelijke hulp via Wmo",
        "zorgtaken verdelen met broers en zussen lukt niet, veel ruzie",
        "respijt: vrijwilliger voor 1 middag per week zodat mw. even weg kan",
        "vader (89) wil niet naar het verpleeghuis, zoon komt elke dag en kan niet meer",
        "cl. voelt zich schuldig als {hij} even iets voor zichzelf doet",
        "mw. zorgt voor gehandicapte zoon van 30, zorgen over later als zij er niet meer is",
        "vraag over mantelzorgcompliment en vervangende zorg",
        "Zorg voor {naaste} kost alle tijd, geen sociaal leven meer",
        "dhr. verzorgt vrouw na beroerte, vraagt wat er aan hulp mogelijk is",
        "echtgenote ernstig ziek, cl. moet alles regelen en is op",
        "Buurman vangt al maanden zijn zus op na ziekenhuisopname, vraagt wat er mogelijk is",
        "cl. regelt alles voor schoonouders, huwelijk lijdt eronder",
        "{Cl} is mantelzorger voor {naaste}, heeft zelf rugklachten gekregen",
        "vraag naar lotgenotengroep voor partners van mensen met dementie",
        "zorgen voor {naaste} + fulltime baan, cl. trekt het niet meer. {vervolg}",
    ),
)

EENZAAMHEID = Theme(
    id="eenzaamheid",
    count=98,
    minutes=(25, 45, 80),
    season=_season(dec=3.2, jan=1.4, nov=1.2),
    templates=(
        "Mw. is sinds het overlijden van haar man erg alleen, geen contacten meer.",
        "dhr. (82) zit de hele dag alleen thuis, kinderen wonen ver weg",
        'cl. zegt: "niemand belt mij ooit"',
        "weduwe, wil graag iets ondernemen maar durft niet alleen",
        "vraag naar activiteiten in het buurthuis, cl. kent niemand",
        "{Cl} heeft behoefte aan een maatje, verwezen naar vrijwilligerscentrale",
        "eenzaam sinds verhuizing naar deze wijk",
        "geen familie meer, enige contact is de thuiszorg",
        "{kanaal}: dhr. praat honderduit, duidelijk weinig aanspraak",
        "cl. wil graag mee met samen eten in het buurthuis",
        "alleenstaande man, 58, na ontslag sociaal geïsoleerd",
        "Buurvrouw belt: mw. komt haar huis bijna niet meer uit",
        "wil wandelgroep, zoekt contact met leeftijdgenoten",
        "weinig sociale contacten, {cl} voelt zich overbodig",
        "{kanaal}: mw. huilt aan de telefoon, is al weken niet buiten geweest",
        "vereenzaming na wegvallen vrienden; cl. durft geen nieuwe contacten te leggen",
        "dhr. is slechthorend en trekt zich terug, mist gezelschap",
        "jonge vrouw, net verhuisd voor werk, kent niemand, voelt zich alleen",
        "Thuiskamer / koffie-inloop voorgesteld, cl. twijfelt nog",
        "cl. mist zijn overleden vrouw, heeft niemand om mee te praten",
        "vraag om bezoekvrijwilliger voor moeder (90)",
        "niemand om mee te praten, cl. belt soms de Luisterlijn",
        "eenzaamheid: cl wil graag een vaste activiteit in de week",
        "Kinderen komen niet meer op bezoek, mw. zit veel alleen.",
        "cl. zegt dat de tv {zijn} enige gezelschap is",
        "Ouderenadviseur vraagt om contact: dhr. isoleert zich sinds val",
        "{Cl} heeft sinds pensionering geen contact meer met oud-collega's, dagen zijn leeg",
        "zoekt iemand om af en toe koffie mee te drinken",
        'mw.: "ik praat soms dagen met niemand"',
    ),
    seasonal=(
        (
            frozenset({DEC}),
            0.45,
            (
                "Kerst komt eraan, cl. ziet er tegenop om de feestdagen alleen door te brengen",
                "Oudejaarsavond alleen, vraagt of er iets georganiseerd wordt",
                "vraagt naar kerstdiner in het buurthuis, wil niet alleen zijn",
                "feestdagen zijn zwaar sinds overlijden partner, {cl} zit alleen thuis",
                "december valt zwaar, iedereen heeft familie behalve {hem}",
            ),
        ),
    ),
)

TAAL_DIGITAAL = Theme(
    id="taal_digitaal",
    count=70,
    minutes=(15, 30, 50),
    slots={"instantie": ("gemeente", "UWV", "zorgverzekeraar", "CAK", "SVB", "belastingdienst", "school")},
    templates=(
        "Cl. begrijpt de brief van de {instantie} niet, samen gelezen.",
        "DigiD aanvragen, activeringscode kwijt",
        'cl zegt: "ik kan niet goed lezen, mijn kleinzoon doet alles"',
        "laaggeletterd, schaamt zich. doorverwezen naar Taalhuis",
        "hulp met computer, weet niet hoe mail werkt",
        "{kanaal}: brieven van instanties stapelen zich op, cl. leest ze niet",
        "nieuwe telefoon, bankapp werkt niet, DigiD app installeren",
        "vraag over online formulier invullen, cl. heeft geen laptop",
        "Mw. spreekt en leest weinig Nederlands, wil taalles",
        "wachtwoord vergeten van MijnOverheid",
        "cl. kan de berichtenbox niet vinden, mist post van de overheid",
        "DigiD-machtiging: dochter wil voor moeder zaken regelen",
        "brief {instantie} onduidelijk, uitgelegd wat er wordt gevraagd",
        "vraag om Klik & Tik cursus in de bibliotheek",
        "cl. heeft geen smartphone, kan daardoor geen afspraak maken bij de huisarts",
        "Hulp bij scannen en mailen van documenten",
        "dhr kan niet schrijven, formulier voor hem ingevuld",
        "alles gaat tegenwoordig per mail, cl. raakt het overzicht kwijt",
        "cl. wil leren internetbankieren",
        "Taalcafé voorgesteld, mw. wil beter leren lezen voor haar kinderen",
        "cl. snapt niet wat er in de brief staat en is bang dat het belangrijk is",
        "DigiD geblokkeerd na te vaak fout inloggen",
        "doorverwezen naar Informatiepunt Digitale Overheid (bieb) voor hulp met online aanvragen",
        "Moeite met lezen van lange brieven, vraagt of iemand mee kan kijken",
        "inloggen bij zorgverzekeraar lukt niet, sms-code komt niet binnen",
        "computerles voor ouderen gezocht",
        "cl. vult formulieren verkeerd in door leesproblemen, gevolgen voor uitkering",
        "e-mailadres aangemaakt voor cl., had er geen",
        'mw.: "al die codes en wachtwoorden, ik word er gek van"',
        "{Cl} krijgt de app van de {instantie} niet aan de praat, samen geïnstalleerd",
    ),
)

ARMOEDE = Theme(
    id="armoede_meedoen",
    count=70,
    minutes=(20, 35, 55),
    season=_season(nov=1.3, dec=1.3, aug=1.3, sep=1.3),
    templates=(
        "Aanmelding voedselbank, cl. heeft na vaste lasten {bedrag_klein} per week over.",
        "kinderen kunnen niet mee met schoolreisje, geen geld",
        "vraag naar Leergeld: zwemles voor dochter",
        "winterkleding kinderen nodig, verwezen naar kledingbank",
        'cl. zegt: "de koelkast is leeg en het is pas de 10e"',
        "sportclub zoon te duur, Jeugdfonds Sport aangevraagd",
        "Stadspas / meedoenregeling aanvragen",
        "geen geld voor verjaardag kind, Stichting Jarige Job",
        "mw. slaat maaltijden over zodat de kinderen kunnen eten",
        "laptop voor school nodig, via Leergeld?",
        "info gegeven over weggeefwinkel en kledingruil",
        "voedselpakket aangevraagd, wachttijd 2 weken, noodpakket geregeld",
        "bijzondere bijstand voor wasmachine, oude kapot",
        "Gezin met 4 kinderen komt niet rond, meedoen aan activiteiten lukt niet",
        "{kanaal}: cl. schaamt zich om naar de voedselbank te gaan",
        "geen geld voor schoenen, kinderen lopen op versleten schoenen",
        "ouderbijdrage school niet betaald, kind mag niet mee op kamp",
        "rondkomen lukt niet met de bijstand, kinderen willen naar muziekles",
        "Cl. vraagt naar maaltijd in het buurthuis, weinig eten in huis",
        "Fiets voor zoon nodig om naar de middelbare school te gaan",
        "minimaregelingen gemeente uitgelegd, aanvraag samen ingediend",
        "kinderen schamen zich voor hun kleding, worden gepest op school",
        "cl. kan eigen bijdrage zwemles niet betalen, dochter (9) kan niet zwemmen",
        "huishouden leeft van {bedrag_klein} leefgeld per week",
        "inloop: vraagt of er een kledingdoorgeefgroep is",
        "tegoedbon kringloop geregeld voor bedje en kast",
        "dochter wil op voetbal, contributie niet te betalen",
        "geen geld voor schoolspullen nieuwe schooljaar",
        "{Cl} vraagt of er iets is voor sinterklaascadeautjes voor de kinderen",
    ),
)

WERK = Theme(
    id="werk_dagbesteding",
    count=56,
    minutes=(25, 40, 70),
    season=_season(sep=1.8, jul=0.8),
    templates=(
        "cl. zoekt werk, al 2 jaar werkloos",
        "Vraag naar vrijwilligerswerk, wil graag iets om handen",
        "re-integratietraject via Werkplein loopt vast",
        "dhr. is afgekeurd, zoekt zinvolle dagbesteding",
        "cl. wil CV maken, hulp nodig",
        "ontslagen bij uitzendbureau, wat nu? WW aangevraagd?",
        "Dagbesteding gezocht voor jongvolwassene na afronding praktijkonderwijs",
        "werkcafé info gegeven",
        "mw. wil weer aan het werk nu de kinderen naar school gaan",
        'cl zegt: "ik word gek thuis, ik wil gewoon iets doen"',
        "sollicitatieplicht vanuit uitkering, cl. weet niet hoe te solliciteren",
        "vragen over beschut werk en Wajong",
        "{kanaal}: vraag over leerwerkplek / BBL voor zoon van 19",
        "doorverwezen naar vrijwilligerscentrale, cl. wil bij de dierenopvang helpen",
        "parttime werk naast uitkering, hoeveel mag ik bijverdienen?",
        "na burn-out werk voorzichtig opbouwen, {cl} weet niet hoe",
        "cl. heeft diploma uit buitenland, niet erkend. werk zoeken lastig",
        "na schoolverlaten thuis zonder startkwalificatie, jongerenloket",
        "Werkgever wil contract niet verlengen, cl. in onzekerheid.",
        "werkervaringsplek via de gemeente, hoe aanmelden",
        "dagbesteding na hersenletsel, aanvraag via Wmo",
        "zoekt baan met aangepaste uren ivm zorg voor kinderen",
        "sinds pensioen niets meer te doen, wil vrijwilligerswerk",
        "jobcoach aangevraagd",
        "Sollicitatiebrief samen geschreven voor vacature in supermarkt",
        "cl. wil een eigen bedrijfje starten vanuit de bijstand (Bbz)",
        "dhr werkt via uitzendbureau, onzekere uren, wil vaste baan",
        "{Cl} wil graag structuur in de week, zoekt iets zinvols voor overdag",
        "werkloos na faillissement werkgever, {cl} wil snel weer aan de slag",
    ),
)

PSYCHISCH = Theme(
    id="psychisch_welzijn",
    count=84,
    minutes=(40, 60, 100),
    templates=(
        "cl. voelt zich somber, ligt veel op bed",
        "Mw. ervaart veel stress, slaapt slecht en piekert.",
        "rouw na overlijden moeder, {cl} komt er niet overheen",
        'cl. zegt: "mijn hoofd staat nooit stil"',
        "paniekaanvallen in de supermarkt, durft niet meer alleen",
        "verwezen naar POH-GGZ",
        "Welzijn op Recept via huisarts",
        "dhr. heeft burn-outklachten, thuis van werk",
        "piekeren over alles, 's nachts wakker",
        "cl. huilt veel, weet niet waarom. huisarts ingeschakeld",
        "na scheiding somber en boos, wil praten",
        "angstig na inbraak, slaapt slecht",
        "{kanaal}: mw. geeft aan nergens meer zin in te hebben. Suïcidaliteit uitgevraagd, geen acute signalen.",
        "overspannen door problemen op werk en thuis",
        "cl. wacht al maanden op GGZ-behandeling, wat kan in de tussentijd?",
        "lotgenotengroep rouwverwerking gezocht",
        "veel spanning door zorgen, {cl} heeft hoofdpijn en maagklachten",
        "Zoon overleden vorig jaar, ouders nog in shock",
        "cl. sluit zich af, wil niemand zien, depressieve klachten?",
        "mw. zegt dat ze 'op' is, kan zich niet concentreren",
        "traumaklachten na verkeersongeluk, nachtmerries",
        "stress door drukte thuis, slecht slapen en prikkelbaar",
        "wil hulp bij verwerken van verlies van baan en huwelijk",
        "slaapproblemen al maanden, huisarts wil geen slaappillen meer voorschrijven",
        "Piekeraar, cl. wil leren ontspannen. mindfulnesscursus?",
        "dhr. voelt zich waardeloos na ontslag, somberheid",
        "cl. heeft last van stemmingswisselingen, familie maakt zich zorgen",
        "{Cl} is snel in paniek, hartkloppingen, huisarts vindt niets lichamelijks",
        'mw.: "ik lig elke nacht te malen"',
    ),
)

HUISELIJK_GEWELD = Theme(
    id="huiselijk_geweld",
    count=28,
    minutes=(90, 120, 180),
    templates=(
        "Mw. geeft aan dat partner haar regelmatig uitscheldt en kleineert; afgelopen week geduwd. "
        "Veiligheid besproken.",
        "zorgen om kindveiligheid: school meldt blauwe plekken bij zoon. overleg Veilig Thuis",
        "Veilig Thuis geraadpleegd ivm signalen van huiselijk geweld",
        'cl. zegt: "hij wordt boos als ik geld uitgeef" - financiële controle door partner',
        "ex-partner staat steeds voor de deur, mw. is bang. Aangifte besproken",
        "Melding buren: veel geschreeuw en kinderen huilen 's nachts. HB gepland",
        "meldcode doorlopen, zorgen over de veiligheid van de kinderen",
        "mw. wil weg bij partner, vraagt naar opvang",
        "dochter (16) vertelt op school dat vader slaat. Spoedoverleg",
        "zoon eist geld van moeder (80), zij is bang voor hem. ouderenmishandeling?",
        "Dhr. wordt thuis geslagen door zijn vrouw, schaamt zich om erover te praten",
        "huiselijk geweld in het verleden, nu opnieuw dreiging. Veiligheidsplan gemaakt",
        "kinderen getuige van ruzies tussen ouders, politie meerdere keren geweest",
        "tijdelijk huisverbod opgelegd aan partner, nazorg door wijkteam",
        "mw. durft niet naar huis, onderdak geregeld bij zus",
        "Zorgen over verwaarlozing: kinderen zonder eten naar school. Overleg Veilig Thuis",
        "cl. wordt via telefoon gecontroleerd door partner, mag geen vriendinnen zien",
        "advies gevraagd bij VT, casus besproken met gedragswetenschapper",
        "signalen eergerelateerd geweld, i.o.m. Veilig Thuis verder",
        "ruzie escaleerde, partner gooide met spullen. Kinderen waren thuis.",
        "stalking door ex, mw. heeft contactverbod aangevraagd",
        "Mw. heeft letsel, wil geen aangifte. Huisarts ingeschakeld.",
        "schoolmaatschappelijk werk meldt: kind durft niet naar huis",
        "vader dreigt de kinderen mee te nemen naar het buitenland, moeder in paniek",
        "veiligheidsafspraken gemaakt met beide ouders, VT op de hoogte",
    ),
)

VERSLAVING = Theme(
    id="verslaving",
    count=21,
    minutes=(60, 90, 130),
    templates=(
        "cl. drinkt dagelijks veel alcohol, partner maakt zich zorgen",
        "Zoon (22) blowt de hele dag, ouders ten einde raad",
        "gokverslaving: dhr. heeft al het spaargeld vergokt",
        "cl. wil stoppen met drinken, verwezen naar verslavingszorg",
        "cocaïnegebruik in het weekend loopt uit de hand, cl. geeft het zelf aan",
        'Mw. zegt: "ik heb wijn nodig om te kunnen slapen"',
        "partner gokt online, schulden stapelen zich op",
        "drankprobleem, rijbewijs en werk kwijtgeraakt",
        "vraag om begeleiding bij afkicken, wachtlijst verslavingszorg",
        "zorgen over buurman: veel alcoholgebruik, woning vervuild",
        "cl. gebruikt slaapmiddelen en pijnstillers meer dan voorgeschreven",
        "{kanaal}: dhr. ruikt naar drank tijdens gesprek, ontkent probleem",
        "AA-groep gezocht, cl. wil steun van lotgenoten",
        "zoon gamet en gokt met lootboxen, moeder ongerust",
        "terugval na behandeling, {cl} drinkt weer",
        "Drugsgebruik dochter (17), politie heeft haar thuisgebracht",
        "cl. geeft toe dat hij veel drinkt sinds het overlijden van zijn vrouw",
        "speedgebruik, slaapt niet, agressief. Huisarts ingeschakeld",
        "online zelfhulp alcohol besproken, cl. wil eerst zelf minderen",
        "gokschulden en ruzie thuis, cl. wil hulp maar schaamt zich",
        "drank en agressie thuis, zorgen om kinderen",
        "cl. rookt veel wiet om te kunnen ontspannen, wil minderen",
        "verslavingsarts geadviseerd, cl. twijfelt",
        "dhr. wil van de drank af, heeft al eens zelf geprobeerd af te bouwen",
        "{Cl} is afhankelijk geworden van oxycodon na operatie",
    ),
)

VERVOER = Theme(
    id="vervoer",
    count=49,
    minutes=(15, 30, 50),
    catalogue=False,
    templates=(
        "Aanvraag regiotaxipas, cl. kan niet meer met de bus",
        "scootmobiel kapot, wanneer komt de monteur",
        "Wmo-vervoer naar dagbesteding regelen, vraagt cl.",
        "gehandicaptenparkeerkaart aanvragen, lopen gaat slecht",
        "rolstoel past niet meer, nieuwe aanvragen via Wmo",
        "cl. wil OV-begeleiding, durft niet alleen met de trein",
        "regiotaxi kwam te laat, afspraak ziekenhuis gemist. klacht indienen",
        "Vraag over eigen bijdrage Wmo-vervoerspas",
        "dhr. mag niet meer autorijden na beroerte, hoe komt hij nu bij zijn vrouw in het verpleeghuis",
        "scootmobiel aanvragen, keukentafelgesprek gepland",
        'cl. zegt: "zonder vervoer kom ik de deur niet uit"',
        "scootmobiel opladen in de flat mag niet meer, stalling nodig",
        "vervoer naar ziekenhuis voor dialyse 3x per week, vergoeding?",
        "aangepaste driewielfiets voor zoon met beperking",
        "gehandicaptenparkeerplaats bij de deur aangevraagd",
        "rolstoeltaxi regelen voor bruiloft kleindochter",
        "Valys-pas aanvragen voor bezoek aan familie in andere regio",
        "leerlingenvervoer voor dochter naar speciaal onderwijs",
        "buurtbus rijdt niet meer, {cl} kan niet naar de markt",
        "cl. kan door knieproblemen niet meer fietsen, hoe nu naar {zijn} werk",
        "{kanaal}: rollator + scootmobiel, welke hulpmiddelen via Wmo?",
        "regiotaxi rijdt niet op zondag naar de kerk, cl. teleurgesteld",
    ),
)

STATUSHOUDERS = Theme(
    id="statushouders",
    count=42,
    minutes=(40, 60, 100),
    catalogue=False,
    wijk={"Centrum": 0.10, "Oost": 0.15, "Noord": 0.10, "Zuidwest": 0.65},
    slots={"land": ("Eritrea", "Syrië", "Afghanistan", "Jemen", "Somalië", "Irak", "Syrie")},
    templates=(
        "Gezinshereniging: vrouw en kinderen nog in {land}, vraag over IND-procedure",
        "inburgering: cl. haalt het KNM-examen niet, vraagt om extra hulp",
        "DUO-lening inburgering, brief over terugbetalen",
        "verblijfsvergunning verlengen, leges te hoog",
        "statushouder net gehuisvest, alles is nieuw: gemeente, bank, huisarts",
        "IND vraagt aanvullende documenten, cl. begrijpt brief niet",
        "cl. volgt taalles via inburgeringstraject, maar kinderopvang ontbreekt",
        "Nareis: dochter (7) komt volgende maand uit {land}, vraag over school",
        "naturalisatie aanvragen? cl. vraagt wat ervoor nodig is",
        "Inburgeringstermijn bijna verlopen, boete dreigt",
        "gezin uit {land}, hulp bij brieven van COA en gemeente",
        "verblijfsstatus veranderd naar onbepaalde tijd, wat betekent dat",
        "tolk geregeld voor gesprek over inburgering en werk",
        'cl. zegt: "ik wil hier een nieuw leven maar alles gaat zo langzaam"',
        "ontheffing inburgering aanvragen ivm medische redenen",
        "B1-examen gehaald! nu hulp bij volgende stap",
        "vergunning asiel gekregen, woning in de wijk, inrichting regelen",
        "{Cl} wacht al {weken} maanden op besluit IND over nareis van {zijn} kinderen",
        "broer nog in vluchtelingenkamp, gezinshereniging niet mogelijk, cl. wanhopig",
        "participatieverklaringstraject en inburgering: wanneer begint de les?",
    ),
)

RECURRING: tuple[Theme, ...] = (
    TOESLAGEN,
    SAMENWONEN,
    SCHULDEN,
    WONEN,
    JONGE_OUDERS,
    MANTELZORG,
    EENZAAMHEID,
    TAAL_DIGITAAL,
    ARMOEDE,
    WERK,
    PSYCHISCH,
    HUISELIJK_GEWELD,
    VERSLAVING,
    VERVOER,
    STATUSHOUDERS,
)
THEMES: dict[str, Theme] = {t.id: t for t in RECURRING}

#: One-off questions: each used at most once, so no theme recurs among them.
OVERIG_NOTES: tuple[str, ...] = (
    "cl. is de sleutel van de voordeur kwijt, vraagt of wij een slotenmaker kennen",
    "Vraag over hondenbelasting: moet die ook betaald worden voor een tweede hond?",
    "mw. wil haar uitvaartverzekering opzeggen, weet niet bij wie die loopt",
    "fiets gestolen bij het station, hoe doe ik aangifte",
    "boom van de buren hangt over de schutting, mag cl. de takken afzagen?",
    "waar kan dhr. goedkoop een pasfoto laten maken voor zijn nieuwe paspoort",
    "vraag: hoe laat ik grof vuil ophalen",
    "kat is weggelopen, cl. vraagt of we een oproep kunnen ophangen",
    "vraag over stemmen bij volmacht voor de gemeenteraadsverkiezingen",
    "lantaarnpaal in de straat is al weken kapot, wie moet je bellen",
    "wil weten hoe je een testament laat opmaken",
    "cl. heeft een pakketje ontvangen dat niet voor haar is, wat te doen",
    "auto verkocht maar vrijwaringsbewijs kwijt, vraagt wat nu",
    "wespennest onder de dakgoot, wie verwijdert dat",
    "Vraagt of er een schaakclub is in de bibliotheek",
    "dhr. wil zijn lichaam ter beschikking stellen aan de wetenschap, hoe regel je dat",
    "wanneer worden de kerstbomen opgehaald?",
    "zoekt pianoles voor zichzelf, is 70 en wil het nog leren",
    "vraag over een visvergunning voor de vijver in het park",
    "portemonnee gevonden op straat, waar kan cl. die inleveren",
    "wil een geveltuintje aanleggen, mag dat zomaar",
    "vraagt hoe je je registreert in het donorregister",
    "Waar hangt de dichtstbijzijnde AED? cl. wil het weten voor haar buurman",
    "oude batterijen en verfblikken, waar kan cl. die kwijt",
    "buurtfeest organiseren, is daar een vergunning voor nodig",
    "dhr. wil graag bloeddonor worden, waar meld je je aan",
    "vraag naar stamboomonderzoek in het gemeentearchief",
    "golfplaten van het schuurtje bevatten mogelijk asbest, wie haalt dat op",
    "mag cl. kippen houden in de achtertuin?",
    "wil zich aansluiten bij de buurtpreventie-app",
    "vraagt of een schotelantenne op het balkon mag",
    "vlucht geannuleerd, cl. vraagt hoe hij compensatie kan krijgen",
    "vraag over het vuurwerkverbod in de wijk rond oud en nieuw",
    "scherm van telefoon kapot, weet cl. waar je dat goedkoop laat maken",
    "beëdigd vertaler gezocht voor akte ivm huwelijk in Italië",
    "sportschoolabonnement opzeggen lukt niet online, hoe dan",
    "Vraag wanneer de gemeente weer gratis compost uitdeelt",
    "gewonde egel in de tuin gevonden, nummer dierenambulance gevraagd",
    "wil een kraam op de rommelmarkt, waar aanmelden",
    "vraag of haar huis een monument is, wil kozijnen vervangen",
    "wanneer gaat de nieuwe bibliotheek open",
    "erfenis van oom in het buitenland, cl. weet niet hoe dat werkt",
    "oude medicijnen inleveren, kan dat bij de apotheek?",
    "vraagt naar de uitslag van de loterij van de buurtvereniging",
    "komt de ijsbaan op het plein dit jaar weer?",
    "wil oude naaimachine weggeven, weet iemand een goed adres",
    "postzegelverzameling van overleden broer laten taxeren, waar?",
    "mag je met een drone vliegen boven het park",
    "vraag over bouwvergunning voor een dakkapel",
    "eikenprocessierups in de boom voor het huis, melden waar?",
    "laadpaal voor elektrische auto in de straat aanvragen, hoe",
    "wordt de weekmarkt verplaatst tijdens de werkzaamheden?",
    "mag een caravan een week voor de deur staan",
    "oproep om te getuigen bij de rechtbank ontvangen, wat moet dhr. doen",
    "wil een boom laten planten ter nagedachtenis aan haar moeder",
    "zoekt oppas voor konijn tijdens vakantie",
    "op welke dag wordt het oud papier opgehaald",
    "vraag hoe je een klacht indient over de bezorger van de post",
    "wil weten of er een repaircafé in de buurt is voor zijn stofzuiger",
    "cl. vraagt of de gemeente ook fietsen graveert",
    "Zoekt informatie over een cursus EHBO",
    "vraagt waar je een handtekening laat legaliseren",
    "wil weten of de speeltuin in het park weer opengaat",
    "vraag over naamswijziging van haar zoon na adoptie in het buitenland, welke instantie",
    "mag je een aanhanger lenen van de gemeente voor tuinafval?",
    "zoekt een koor om bij te zingen, vraagt naar repetitietijden",
)

# --------------------------------------------------------------------------------------------------------
# Noise: typos, casing, line breaks, HTML
# --------------------------------------------------------------------------------------------------------

TYPOS: dict[str, tuple[str, ...]] = {
    "huurtoeslag": ("huurtoslag", "huurtoeslg", "huurtoelsag"),
    "belastingdienst": ("belastingdients", "belasingdienst"),
    "kostendelersnorm": ("kostendelers norm", "kostendelersnrom"),
    "schuldhulpverlening": ("schuldhulpverleneing", "schuldhulp verlening"),
    "deurwaarder": ("deurwaader", "deurwaarden"),
    "afspraak": ("afpsraak", "afsrpaak"),
    "zwanger": ("zwnager",),
    "gemeente": ("gemeete", "gemente"),
    "aanmaning": ("aanmanig", "aanmaaning"),
    "energierekening": ("energie rekening", "energierekeneing"),
    "mantelzorger": ("mantelzoger", "mantel zorger"),
    "verblijfsvergunning": ("verblijfvergunning",),
    "inburgering": ("inburgring",),
    "scootmobiel": ("scootmobil", "scoot mobiel"),
    "zorgtoeslag": ("zorgtoelsag", "zorg toeslag"),
    "woningcorporatie": ("woning corporatie", "woningcoorporatie"),
    "schimmel": ("schimel",),
    "uitkering": ("uitkeirng", "uikering"),
    "consultatiebureau": ("consultatie bureau", "consultatiebueau"),
    "huisarts": ("huisarst",),
    "eenzaam": ("eenzam",),
    "voedselbank": ("voedsel bank",),
    "betalingsregeling": ("betalings regeling", "betalingsreling"),
    "vrijwilligerswerk": ("vrijwilligers werk",),
}

HTML_BOLD_WORDS = (
    "spoed",
    "Spoed",
    "z.s.m.",
    "terugbellen",
    "HB",
    "afspraak",
    "brief",
    "BD",
    "huisbezoek",
    "inloop",
    "uitgelegd",
    "geregeld",
    "aangevraagd",
    "terugbetalen",
    "bang",
    "niet",
)


def _typo_word(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word) - 2)
    kind = rng.random()
    if kind < 0.4:  # swap two letters
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if kind < 0.75:  # drop a letter
        return word[:i] + word[i + 1 :]
    return word[:i] + word[i] + word[i:]  # double a letter


def add_noise(text: str, rng: random.Random) -> str:
    for word, variants in TYPOS.items():
        if word in text and rng.random() < 0.15:
            text = text.replace(word, rng.choice(variants), 1)
    if rng.random() < 0.06:
        words = text.split(" ")
        candidates = [i for i, w in enumerate(words) if w.isalpha() and len(w) >= 6]
        if candidates:
            i = rng.choice(candidates)
            words[i] = _typo_word(words[i], rng)
            text = " ".join(words)
    r = rng.random()
    if r < 0.03:
        text = text.lower()
    elif r < 0.18:
        text = text[:1].lower() + text[1:]
    elif r < 0.30:
        text = text[:1].upper() + text[1:]
    if text.endswith(".") and not text.endswith("..") and rng.random() < 0.3:
        text = text[:-1]
    if rng.random() < 0.03:
        text = text.replace(", ", " ,", 1) if rng.random() < 0.5 else text.replace(" ", "  ", 1)
    if rng.random() < 0.02:
        text += " "
    return text


ABBREVIATIONS = frozenset(
    (
        "cl",
        "mw",
        "dhr",
        "mevr",
        "ca",
        "evt",
        "o.a",
        "i.o.m",
        "z.s.m",
        "tel",
        "mnd",
        "wkn",
        "jr",
        "nr",
        "pc",
        "geb",
        "bijv",
        "ivm",
        "t.z.t",
        "excl",
        "incl",
    )
)
BOUNDARY_RE = re.compile(r"([\w.)\"]+)([.:?!]) (?=\S)")


def sentence_break(text: str) -> re.Match[str] | None:
    """The first sentence boundary that is not the dot of an abbreviation such as ``cl.`` or ``ca.``.

    A full stop, question or exclamation mark is preferred; a colon only when there is nothing else.
    """
    colon = None
    for match in BOUNDARY_RE.finditer(text):
        word = match.group(1).lower().rstrip(".")
        if match.group(2) == "." and (word in ABBREVIATIONS or len(word) < 2):
            continue
        if match.group(2) != ":":
            return match
        if colon is None and "(" not in text[: match.start()]:
            colon = match
    return colon


def add_linebreak(text: str, rng: random.Random) -> str:
    match = sentence_break(text)
    if match:
        return text[: match.end(2)] + "\n" + text[match.end() :]
    return text + "\n" + str(rng.choice(COMMON["vervolg"])).replace("{cl}", "cl.")


def add_html(text: str, rng: random.Random) -> str:
    match = sentence_break(text)
    if match:
        text = text[: match.end(2)] + "<br>" + text[match.end() :]
    elif ", " in text:
        text = text.replace(", ", ",<br>", 1)
    else:
        text += "<br>" + str(rng.choice(COMMON["vervolg"])).replace("{cl}", "cl.")
    bold = [w for w in HTML_BOLD_WORDS if re.search(rf"(?<![\w.]){re.escape(w)}(?!\w)", text)]
    if bold and rng.random() < 0.5:
        word = rng.choice(bold)
        text = re.sub(rf"(?<![\w.]){re.escape(word)}(?!\w)", f"<b>{word}</b>", text, count=1)
    else:
        text = f"<b>{rng.choice(('Hulpvraag:', 'Let op:', 'Vraag:', 'Toelichting:'))}</b> " + text
    if " en " in text:
        text = text.replace(" en ", " &amp; ", 1)
    elif rng.random() < 0.5:
        text = text.rstrip(" .") + "<br>Actie: terugbellen &amp; " + rng.choice(("mailen", "brief sturen"))
    return text


# --------------------------------------------------------------------------------------------------------
# Rendering notes
# --------------------------------------------------------------------------------------------------------

SLOT_RE = re.compile(r"\{(\w+)\}")
CLIENT_RE = re.compile(r"(?<![\w{])[Cc]l\.(?= )")
PRONOUN_RE = re.compile(r"\b(hij|zij|ze|zijn|haar|hem|zich|zichzelf)\b")


def join(text: str, addition: str, sep: str = ". ") -> str:
    """Append ``addition`` to ``text`` without leaving ``?.`` or ``..`` behind."""
    text = text.rstrip()
    if text.endswith(("?", "!", ":")):
        return text + " " + addition
    return text.rstrip(".,;") + sep + addition


class Renderer:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng

    def note(self, theme: Theme, month: int, wijk: str) -> str:
        rng = self.rng
        templates = theme.templates
        for months, prob, extra in theme.seasonal:
            if month in months and rng.random() < prob:
                templates = extra
        gender = "v" if rng.random() < 0.6 else "m"
        slots: dict[str, Sequence[SlotValue]] = {**COMMON, **GENDERED[gender], **theme.slots}
        if wijk in theme.wijk_slots and rng.random() < 0.5:
            slots.update(theme.wijk_slots[wijk])
        cache: dict[str, str] = {}
        first = rng.choice(templates)
        text = self._fill(self._vary_client(first), slots, cache)
        verbose = rng.random() < 0.07  # some professionals write long notes
        if verbose or rng.random() < 0.12:  # a longer note: two observations about the same theme
            others = [t for t in theme.templates if t != first]
            for second in rng.sample(others, 2 if verbose else 1):
                second_text = self._fill(self._vary_client(second), slots, cache)
                text = join(text, second_text[:1].upper() + second_text[1:])
        if verbose or rng.random() < 0.08:
            for context in rng.sample(CONTEXT, 2 if verbose else 1):
                context = self._fill(context, slots, cache)
                text = join(text, context) if rng.random() < 0.7 else context + " " + text
        if rng.random() < 0.15:
            other = rng.choice([k for k in SIDE if k != theme.id])
            connector = rng.choice(SIDE_CONNECTORS)
            text = text.rstrip(" .,;")
            if text.endswith(("?", "!", ":")):
                connector = " " + connector.lstrip(".,;- ")
            text += connector.format(rng.choice(SIDE[other]))
        if "{vervolg}" not in first and (verbose or rng.random() < 0.22 or len(text.split()) < 5):
            vervolg = self._fill(self._pick("vervolg", slots), slots, cache)
            text = join(text, vervolg, ". " if rng.random() < 0.6 else ", ")
        return text

    def _vary_client(self, template: str) -> str:
        """Half of the time let a hard-coded ``cl.`` become mw./dhr./mevrouw/... (if no pronoun pins it)."""
        if PRONOUN_RE.search(template) or self.rng.random() < 0.5:
            return template
        return CLIENT_RE.sub(lambda m: "{Cl}" if m.group(0)[0] == "C" else "{cl}", template)

    def _pick(self, name: str, slots: dict[str, Sequence[SlotValue]]) -> str:
        value = self.rng.choice(slots[name])
        return value(self.rng) if callable(value) else value

    def _fill(self, template: str, slots: dict[str, Sequence[SlotValue]], cache: dict[str, str]) -> str:
        def substitute(match: re.Match[str]) -> str:
            name = match.group(1)
            key = name.lower()
            if key not in cache:
                cache[key] = self._fill(self._pick(key, slots), slots, cache)
            value = cache[key]
            return value[:1].upper() + value[1:] if name[0].isupper() else value

        return SLOT_RE.sub(substitute, template)


# --------------------------------------------------------------------------------------------------------
# Personal data that an "anonymised" export still leaks
# --------------------------------------------------------------------------------------------------------

VOORNAMEN = (
    "Pieter",
    "Sanne",
    "Mohammed",
    "Fatima",
    "Anouk",
    "Kees",
    "Ahmet",
    "Esra",
    "Noah",
    "Emma",
    "Johan",
    "Ilse",
    "Youssef",
    "Naima",
    "Ricardo",
    "Chantal",
    "Dirk",
    "Sevda",
    "Bram",
    "Gerda",
)
ACHTERNAMEN = (
    "Jansen",
    "de Vries",
    "van den Berg",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Yilmaz",
    "El Amrani",
    "Bouzid",
    "Öztürk",
    "Kaya",
    "Hoekstra",
    "Pinas",
    "van Dijk",
    "Verhoeven",
    "Bos",
    "Tahiri",
)
STRATEN = (
    "Kerkstraat",
    "Dorpsstraat",
    "Molenweg",
    "Schoolstraat",
    "Julianalaan",
    "Beatrixstraat",
    "Lindenlaan",
    "Prins Hendrikkade",
    "Parkweg",
    "Nieuwe Gracht",
    "Vondelstraat",
    "Esdoornhof",
)
NETNUMMERS = ("020", "010", "030", "040", "050", "070", "013", "024", "026", "035")


def bsn_valid(number: str) -> bool:
    """The Dutch 11-proef for a BSN: 9 digits, sum(d_i * w_i) with weights 9..2 and -1 divisible by 11."""
    if not re.fullmatch(r"\d{9}", number):
        return False
    digits = [int(c) for c in number]
    total = sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]
    return total % 11 == 0 and number != "000000000"


def make_bsn(rng: random.Random) -> str:
    while True:
        head = [rng.randint(1, 9)] + [rng.randint(0, 9) for _ in range(7)]
        last = sum(d * w for d, w in zip(head, range(9, 1, -1), strict=True)) % 11
        if last < 10:
            number = "".join(map(str, [*head, last]))
            assert bsn_valid(number)
            return number


def iban_valid(iban: str) -> bool:
    iban = iban.replace(" ", "")
    rearranged = iban[4:] + iban[:4]
    digits = "".join(str(int(c, 36)) for c in rearranged)
    return int(digits) % 97 == 1


def make_iban(rng: random.Random) -> str:
    bank = rng.choice(("ABNA", "INGB", "RABO", "SNSB", "TRIO", "ASNB"))
    account = "".join(str(rng.randint(0, 9)) for _ in range(10))
    digits = "".join(str(int(c, 36)) for c in bank + account + "NL00")
    check = 98 - int(digits) % 97
    iban = f"NL{check:02d}{bank}{account}"
    assert iban_valid(iban)
    if rng.random() < 0.4:
        return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))
    return iban


def make_postcode(rng: random.Random) -> str:
    letters = "ABCEGHJKLMNPRTVWXZ"
    while True:
        pair = rng.choice(letters) + rng.choice(letters)
        if pair not in ("SA", "SD", "SS"):
            break
    digits = rng.randint(1011, 9999)
    return f"{digits} {pair}" if rng.random() < 0.6 else f"{digits}{pair}"


def make_phone(rng: random.Random) -> str:
    kind = rng.randrange(4)
    mobile = "".join(str(rng.randint(0, 9)) for _ in range(8))
    if kind == 0:
        return f"06-{mobile}"
    if kind == 1:
        return f"+31 6 {mobile[:4]} {mobile[4:]}"
    if kind == 2:
        return f"06 {mobile[:2]} {mobile[2:4]} {mobile[4:6]} {mobile[6:]}"
    net = rng.choice(NETNUMMERS)
    return f"{net}-{''.join(str(rng.randint(0, 9)) for _ in range(10 - len(net)))}"


PII_KINDS = ("naam", "telefoon", "e-mail", "adres", "postcode", "BSN", "IBAN", "geboortedatum", "leeftijd")


def pii_snippet(kind: str, rng: random.Random) -> str:
    voornaam, achternaam = rng.choice(VOORNAMEN), rng.choice(ACHTERNAMEN)
    if kind == "naam":
        return rng.choice(
            (
                f"Mw. {achternaam[:1].upper() + achternaam[1:]} belde.",
                f"contactpersoon: dhr. {voornaam} {achternaam}",
                f"zoon {voornaam} was bij het gesprek",
                f"(dossier {voornaam} {achternaam})",
                f"buurvrouw mevr. {achternaam} heeft aangemeld",
            )
        )
    if kind == "telefoon":
        return rng.choice(("terugbellen op {}", "tel. {}", "bereikbaar via {}", "nieuw nummer cl.: {}")).format(
            make_phone(rng)
        )
    if kind == "e-mail":
        local = rng.choice(
            (f"{voornaam}.{achternaam}", f"{voornaam[0]}{achternaam}", f"{voornaam}{rng.randint(70, 99)}")
        )
        local = local.lower().replace(" ", "").replace("ö", "o")
        domain = rng.choice(("example.nl", "example.com", "voorbeeldmail.nl", "mail.example.org"))
        return rng.choice(("mailt via {}", "stukken gemaild naar {}", "e-mail cl: {}")).format(f"{local}@{domain}")
    if kind == "adres":
        return rng.choice(("HB op {} {}", "woont {} {}", "adres: {} {}")).format(
            rng.choice(STRATEN), f"{rng.randint(1, 180)}{rng.choice(('', '', '', 'a', 'b', '-2', ' hs'))}"
        )
    if kind == "postcode":
        return rng.choice(("postcode {}", "(pc {})", "verhuisd naar {}")).format(make_postcode(rng))
    if kind == "BSN":
        return rng.choice(("BSN {}", "bsn: {}", "burgerservicenummer {}")).format(make_bsn(rng))
    if kind == "IBAN":
        return rng.choice(("rekeningnr {}", "IBAN {}", "betaalt van rekening {}")).format(make_iban(rng))
    if kind == "geboortedatum":
        born = dt.date(rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28))
        return rng.choice(("geb. {}", "geboren {}", "gebdat {}")).format(born.strftime("%d-%m-%Y"))
    relation = rng.choice(("zoon", "dochter", "kleinzoon", "broer"))
    return rng.choice((f"{relation} van {rng.randint(12, 40)}", f"{relation} ({rng.randint(12, 40)} jr)"))


def add_pii(text: str, kinds: Sequence[str], rng: random.Random) -> str:
    for kind in kinds:
        snippet = pii_snippet(kind, rng)
        if kind == "naam" and rng.random() < 0.5:
            text = snippet + " " + text[:1].lower() + text[1:]
        else:
            text = join(text, snippet, rng.choice((". ", ", ", " - ", "; ")))
    return text


# --------------------------------------------------------------------------------------------------------
# Rows, dates, households
# --------------------------------------------------------------------------------------------------------


@dataclass
class Row:
    thema: str
    month: int
    datum: dt.date
    wijk: str
    huishouden: str = ""
    minuten: str = ""
    tekst: str = ""
    datum_tekst: str = ""
    vraagnummer: str = ""
    pii: tuple[str, ...] = ()
    afwijzing: str = ""
    vaste_tekst: str | None = None  # bad rows with an empty or whitespace-only note


def allocate_months(count: int, season: Sequence[float], rng: random.Random, min_last_quarter: int) -> list[int]:
    """Spread ``count`` rows over the 12 months in proportion to the weights, with a little noise."""
    weights = [BASE_SEASON[m] * season[m] * rng.uniform(0.88, 1.12) for m in range(12)]
    total = sum(weights)
    exact = [count * w / total for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(12), key=lambda m: (exact[m] - counts[m], rng.random()), reverse=True)
    for m in order[: count - sum(counts)]:
        counts[m] += 1
    while sum(counts[m] for m in LAST_QUARTER) < min_last_quarter:
        donor = max((m for m in range(12) if m not in LAST_QUARTER), key=lambda m: counts[m])
        counts[donor] -= 1
        counts[rng.choice(LAST_QUARTER)] += 1
    return [m for m in range(12) for _ in range(counts[m])]


def random_weekday(month: int, rng: random.Random) -> dt.date:
    year, mon = MONTHS[month]
    first = dt.date(year, mon, 1)
    days = ((first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - first).days
    while True:
        day = first + dt.timedelta(days=rng.randrange(days))
        if day.weekday() < 5 or rng.random() < 0.03:
            return day


def pick_wijk(weights: dict[str, float], rng: random.Random) -> str:
    return rng.choices(WIJKEN, weights=[weights[w] for w in WIJKEN])[0]


def minutes_for(theme_id: str, rng: random.Random) -> str:
    if rng.random() < 0.05:
        return ""
    lo, mode, hi = THEMES[theme_id].minutes if theme_id in THEMES else (5, 10, 25)
    value = rng.triangular(lo, hi, mode)
    if rng.random() < 0.01:
        value *= rng.uniform(2.0, 3.0)  # the odd long session
    rounded = 5 * round(value / 5) if rng.random() < 0.8 else round(value)
    return str(max(5, rounded))


def assign_households(rows: list[Row], rng: random.Random) -> None:
    used: set[str] = set()
    by_wijk: dict[str, list[str]] = defaultdict(list)
    n_requests: Counter[str] = Counter()
    themes_of: dict[str, set[str]] = defaultdict(set)

    def new_household() -> str:
        while True:
            code = f"C{rng.randint(100000, 199999)}"
            if code not in used:
                used.add(code)
                return code

    for row in rows:
        household = ""
        if rng.random() < 0.42:
            open_households = [h for h in by_wijk[row.wijk] if n_requests[h] < 6]
            same = [h for h in open_households if row.thema in themes_of[h]]
            pool = same if same and rng.random() < 0.6 else open_households
            if pool:
                household = rng.choice(pool)
        if not household:
            household = new_household()
            by_wijk[row.wijk].append(household)
        row.huishouden = household
        n_requests[household] += 1
        themes_of[household].add(row.thema)

    # Every recurring theme must show at least 5 distinct households in the last three months.
    for theme in RECURRING:
        recent = [r for r in rows if r.thema == theme.id and r.month in LAST_QUARTER]
        seen: set[str] = set()
        duplicates = []
        for r in recent:
            if r.huishouden in seen:
                duplicates.append(r)
            seen.add(r.huishouden)
        while len(seen) < 5 and duplicates:
            r = duplicates.pop()
            r.huishouden = new_household()
            seen.add(r.huishouden)


def build(seed: int) -> list[Row]:
    rng = random.Random(seed)
    rows: list[Row] = []
    for theme in RECURRING:
        for month in allocate_months(theme.count, theme.season, rng, min_last_quarter=7):
            rows.append(Row(theme.id, month, random_weekday(month, rng), pick_wijk(theme.wijk or BASE_WIJK, rng)))
    overig_notes = rng.sample(OVERIG_NOTES, len(OVERIG_NOTES))
    for note, month in zip(overig_notes, allocate_months(len(overig_notes), (1.0,) * 12, rng, 0), strict=True):
        rows.append(Row("overig", month, random_weekday(month, rng), pick_wijk(BASE_WIJK, rng), tekst=note))

    # The four rows an intake must reject. They get a plausible position in the export.
    bad = [
        Row(
            "afgewezen",
            FEB,
            dt.date(2026, 2, 27),
            pick_wijk(BASE_WIJK, rng),
            datum_tekst="31-02-2026",
            afwijzing="onmogelijke datum 31-02-2026",
        ),
        Row(
            "afgewezen",
            MAY,
            dt.date(2026, 5, 13),
            pick_wijk(BASE_WIJK, rng),
            datum_tekst="2026-13-05",
            afwijzing="datum 2026-13-05 (maand 13)",
        ),
        Row(
            "afgewezen",
            APR,
            random_weekday(APR, rng),
            pick_wijk(BASE_WIJK, rng),
            vaste_tekst="",
            afwijzing="lege omschrijving",
        ),
        Row(
            "afgewezen",
            OCT,
            random_weekday(OCT, rng),
            pick_wijk(BASE_WIJK, rng),
            vaste_tekst="   ",
            afwijzing="omschrijving alleen spaties",
        ),
    ]
    rows.extend(bad)

    rng.shuffle(rows)
    rows.sort(key=lambda r: r.datum)
    assign_households(rows, rng)

    renderer = Renderer(rng)
    for row in rows:
        if row.vaste_tekst is not None:
            row.tekst = row.vaste_tekst
        elif row.thema == "overig":
            row.tekst = add_noise(row.tekst, rng)
        else:  # a recurring theme; a row with a bad date gets an ordinary note of a random theme
            theme = THEMES.get(row.thema) or rng.choice(RECURRING)
            row.tekst = add_noise(renderer.note(theme, row.month, row.wijk), rng)
        row.minuten = minutes_for(row.thema, rng)
        if not row.datum_tekst:
            row.datum_tekst = row.datum.strftime("%d-%m-%Y")

    good = [i for i, r in enumerate(rows) if r.thema != "afgewezen"]
    # Leftover personal data: 25 rows spread over the themes, every kind at least twice.
    pii_rows = _spread(rows, good, 25, rng)
    kinds = [PII_KINDS[i % len(PII_KINDS)] for i in range(25)]
    rng.shuffle(kinds)
    for n, i in enumerate(pii_rows):
        extra = (rng.choice([k for k in PII_KINDS if k != kinds[n]]),) if rng.random() < 0.3 else ()
        rows[i].pii = (kinds[n], *extra)
        rows[i].tekst = add_pii(rows[i].tekst.rstrip(), rows[i].pii, rng)
    # About 1 % line breaks inside the field, about 1 % HTML from a web form.
    rest = [i for i in good if i not in set(pii_rows)]
    n_extra = round(len(rows) / 100)
    chosen = rng.sample(rest, 2 * n_extra)
    for i in chosen[:n_extra]:
        rows[i].tekst = add_linebreak(rows[i].tekst, rng)
    for i in chosen[n_extra:]:
        rows[i].tekst = add_html(rows[i].tekst, rng)

    numbers: Counter[int] = Counter()
    offsets = {2025: rng.randint(1100, 1300), 2026: 0}
    for row in rows:
        year = row.datum.year
        numbers[year] += 1
        row.vraagnummer = f"HV-{year}-{offsets[year] + numbers[year]:05d}"
    return rows


def _spread(rows: list[Row], candidates: list[int], n: int, rng: random.Random) -> list[int]:
    """Pick ``n`` row indices spread round-robin over the themes."""
    by_theme: dict[str, list[int]] = defaultdict(list)
    for i in candidates:
        by_theme[rows[i].thema].append(i)
    themes = sorted(by_theme)
    rng.shuffle(themes)
    for t in themes:
        rng.shuffle(by_theme[t])
    picked: list[int] = []
    while len(picked) < n:
        for t in themes:
            if by_theme[t] and len(picked) < n:
                picked.append(by_theme[t].pop())
    return sorted(picked)


# --------------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------------


def write_export(rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="cp1252", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(HEADER)
        for row in rows:
            writer.writerow((row.vraagnummer, row.datum_tekst, row.wijk, row.huishouden, row.minuten, row.tekst))


def write_ground_truth(rows: list[Row], path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter=";", lineterminator="\n")
        writer.writerow(("rij", "vraagnummer", "thema_id"))
        for i, row in enumerate(rows):
            writer.writerow((i, row.vraagnummer, row.thema))


def write_readme(rows: list[Row], seed: int, path: Path) -> None:
    n = len(rows)
    counts = Counter(r.thema for r in rows)
    households = len({r.huishouden for r in rows})
    oost_all = sum(r.wijk == "Oost" for r in rows) / n
    toeslagen = [r for r in rows if r.thema == "toeslagen"]
    oost_toeslagen = sum(r.wijk == "Oost" for r in toeslagen) / len(toeslagen)
    wijk_counts = Counter(r.wijk for r in rows)
    rising = Counter(r.month for r in rows if r.thema == "samenwonen_uitkering")

    def share(theme: str, wijk: str) -> str:
        subset = [r for r in rows if r.thema == theme]
        return f"{100 * sum(r.wijk == wijk for r in subset) / len(subset):.0f}%"

    lines = [
        "# Sample data: synthetic hulpvragen export",
        "",
        "Everything in this folder is **synthetic**: generated by `generate.py` (standard library only, seeded).",
        "Do not edit the CSV files or this README by hand; change `generate.py` and regenerate:",
        "",
        "```",
        f"python data/sample/generate.py            # default seed {DEFAULT_SEED}, writes into data/sample/",
        "python data/sample/generate.py --seed 7 --out /tmp/sample",
        "```",
        "",
        f"This README was generated with seed {seed}.",
        "",
        "## Files",
        "",
        "| file | what |",
        "|---|---|",
        f"| `hulpvragen.csv` | the export: {n} data rows, `;`-separated, **cp1252**, CRLF line endings, header "
        "`Vraagnummer;Registratiedatum;Wijk;Clientnummer;Tijdsbesteding (min);Omschrijving`, dates dd-mm-jjjj, "
        'minimal quoting (quoted fields may contain `;`, `""` and line breaks) |',
        "| `ground_truth.csv` | utf-8, `;`-separated, `rij;vraagnummer;thema_id`; `rij` is the 0-based data row "
        "in `hulpvragen.csv` (header not counted). For tests and benchmarks only, never for the product |",
        "| `generate.py` | the generator (`--seed`, `--out`) |",
        "",
        "## What the export looks like",
        "",
        "- 12 months, 1 December 2025 to 30 November 2026; mostly weekdays. Vraagnummers `HV-<jaar>-<nnnnn>`, "
        "numbered by registration year (December 2025 continues the 2025 sequence).",
        "- 4 wijken of unequal size: " + ", ".join(f"{w} {wijk_counts[w]}" for w in WIJKEN) + ".",
        f"- {households} distinct households (`Clientnummer`, e.g. `C104233`) for {n} rows "
        f"({100 * households / n:.0f}%); many households ask 2-6 questions, often on the same theme, "
        "sometimes on different ones.",
        "- `Tijdsbesteding (min)`: integer minutes, typical per theme (taal_digitaal/vervoer ~15-50, toeslagen "
        "~20-75, schulden ~45-150, huiselijk_geweld ~90-180), empty in about 5% of rows, a few long outliers.",
        "- Notes are written by many professionals: full sentences, terse notes with abbreviations (cl., mw., "
        "dhr., ivm, i.o.m., HB, BD, WC, SHV, z.s.m.), typos, quoted client speech, synonyms and compounds, notes "
        "that never name their theme, about 15% mentioning a second theme in passing (the ground truth keeps "
        "the main theme). About 1 in 5 notes is longer: several observations, plus theme-neutral context "
        '("Aangemeld door de huisarts.") and follow-up actions ("volgt HB", "casus besproken in teamoverleg") '
        "that occur in every theme: boilerplate that theme discovery must not mistake for a theme. About 1% "
        "contain a line break inside the quoted field, about 1% a little HTML (`<br>`, `<b>`, `&amp;`) as pasted "
        "from a web form.",
        "",
        "## Themes (ground truth)",
        "",
        "| thema_id | rows | share | in catalogue |",
        "|---|---:|---:|---|",
    ]
    for theme_id in [t.id for t in RECURRING] + ["overig", "afgewezen"]:
        in_cat = (
            "yes" if theme_id in THEMES and THEMES[theme_id].catalogue else ("**no**" if theme_id in THEMES else "-")
        )
        lines.append(f"| `{theme_id}` | {counts[theme_id]} | {100 * counts[theme_id] / n:.1f}% | {in_cat} |")
    lines += [
        "",
        "`vervoer` (regiotaxi, scootmobiel, Wmo-vervoer, rolstoel, gehandicaptenparkeerkaart, OV-begeleiding) and "
        "`statushouders` (gezinshereniging, IND, inburgering, DUO-lening, KNM, verblijfsvergunning) are in no "
        "catalogue: theme discovery has to find them on its own. `overig` rows are genuinely one-off questions, "
        "each about something different. `huiselijk_geweld` and `verslaving` are individual-only themes.",
        "",
        "## Planted structure",
        "",
        "- **Seasonal peaks**: toeslagen in May-August (definitive calculations, terugvorderingen); schulden in "
        "December-March, with many energierekening notes in those months; eenzaamheid in December (feestdagen); "
        "werk_dagbesteding a little higher in September. Overall volume dips in July/August and late December.",
        f"- **Concentration**: toeslagen (mostly huurtoeslag) in Oost ({100 * oost_toeslagen:.0f}% of toeslagen "
        f"rows, while Oost has {100 * oost_all:.0f}% of all rows); jonge_ouders in Noord "
        f"({share('jonge_ouders', 'Noord')}); statushouders in Zuidwest ({share('statushouders', 'Zuidwest')}).",
        "- **Rising theme**: samenwonen_uitkering rises over September-November 2026 (rows per month, "
        + ", ".join(f"{MAANDEN[MONTHS[m][1] - 1][:3]} {rising[m]}" for m in range(6, 12))
        + ").",
        "- Every recurring theme has at least 5 distinct households in September-November 2026.",
        "",
        "## Leftover personal data (on purpose)",
        "",
        'These rows contain personal data that a real "anonymised" export still leaks (values are random and '
        "invented; BSNs pass the 11-proef, IBANs have valid check digits). A scrubber must remove all of it. "
        'Apart from these rows, notes also mention ages as part of the theme ("zoon wordt 18", '
        '"baby van 3 mnd"); those are not counted here.',
        "",
        "| vraagnummer | rij | kind of personal data |",
        "|---|---:|---|",
    ]
    for i, row in enumerate(rows):
        if row.pii:
            lines.append(f"| {row.vraagnummer} | {i} | {', '.join(row.pii)} |")
    lines += [
        "",
        "## Bad rows (on purpose)",
        "",
        "Four rows an intake must reject; `thema_id` is `afgewezen` and they still count as data rows.",
        "",
        "| vraagnummer | rij | problem |",
        "|---|---:|---|",
    ]
    for i, row in enumerate(rows):
        if row.afwijzing:
            lines.append(f"| {row.vraagnummer} | {i} | {row.afwijzing} |")
    lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8", newline="\n")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED, help=f"random seed (default {DEFAULT_SEED})")
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: next to this script)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    rows = build(args.seed)
    write_export(rows, args.out / "hulpvragen.csv")
    write_ground_truth(rows, args.out / "ground_truth.csv")
    write_readme(rows, args.seed, args.out / "README.md")
    counts = Counter(r.thema for r in rows)
    print(f"{len(rows)} rijen, {len({r.huishouden for r in rows})} huishoudens -> {args.out}")
    for theme_id, count in counts.most_common():
        print(f"  {theme_id:22s} {count:4d}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
