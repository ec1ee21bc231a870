"""Privacy stage: remove personal data from hulpvraag notes before anything is stored, shown, logged or exported.

Every note passes three steps; each step replaces what it finds by a readable Dutch tag (``[NAAM]``,
``[TELEFOON]``, ``[EMAIL]``, ``[ADRES]``, ``[POSTCODE]``, ``[BSN]``, ``[IBAN]``, ``[DATUM]``, ``[LEEFTIJD]``,
``[URL]``, ``[ID]``) and counts it in a :class:`~collectief.records.ScrubTelling` under the tag name.

1. **Patterns** for everything with a fixed form: e-mail, URL, IBAN, BSN, dates (birth dates first), phone
   numbers, street + house number, postcodes, identifiers, ages. They run *before* deduce, which would otherwise
   cut an IBAN into a phone number and a bank code, or read the house-number letter of "112-B Den Haag" as a name.
2. **deduce** (the Dutch de-identifier, loaded once per process) on the pre-scrubbed text, for names; its street
   list, house-number and postcode rules act as a second net for addresses.
3. **Context rules** for names deduce misses in wijkteam notes (lower-case names after "mw."/"cl.", first names
   missing from its lists such as Oksana or Tigist, a surname after a first name such as "Fatima El Amrani"),
   then the patterns once more, because some things only become recognisable once a name is gone
   ("[NAAM] (82)").

Decisions
---------
* **deduce tags kept or dropped.** ``persoon``/``patient`` → ``NAAM``; ``locatie`` with a digit → ``POSTCODE``
  (when it holds a postcode) or ``ADRES``; any other tag → ``ID`` (fail safe; ``datum``, ``bsn``,
  ``telefoonnummer``, ``emailadres`` and ``url`` would map to their own tags, but deduce's rules for them are
  switched off because our patterns already removed all of it). *Kept in the text*: ``ziekenhuis`` and
  ``zorginstelling`` (organisations are the partners a collective offer is built with, not persons) and a
  ``locatie`` without digits (a city, village or region from deduce's place list: it identifies nobody on its
  own, the wijk names are an analysis dimension, and the list holds many ordinary words). A street name
  without a house number also stays, as in deduce ("huurders aan de Kerkstraat klagen over schimmel" is a wijk
  signal). deduce's own age rule is switched off too: ours below replaces it, so that the threshold ages can
  be kept. A deduce name that is only an acronym ("collega SHV") or a sentence-opening verb or adverb that
  happens to be a surname ("Pas bevallen") is dropped.
* **Protected words.** The theme and partner words in :data:`BESCHERMDE_WOORDEN` (huurtoeslag, Voedselbank,
  UWV, Veilig Thuis, the wijk names, ...) are never part of a tag: a deduce name span that covers one is cut
  around it. The price: a person whose surname is exactly such a word ("mw. Noord") keeps it.
* **Titles and roles stay**, only the name after them goes: "Mw. Jansen belt" → "Mw. [NAAM] belt"; "mw. belt
  over huurtoeslag" is left alone.
* **Dates.** Every date with a day in it becomes ``[DATUM]`` (birth dates and appointment dates alike: a
  registration date belongs in its own column, which intake keeps). A month or year alone stays ("per
  januari", "sinds 2019"), except right after geboren/geb./geboortedatum, where "maart 1985" or "1985" is a
  birth date and goes as well.
* **Ages** become ``[LEEFTIJD]`` ("zoon van 17", "mw. (82)", "82 jaar", "82-jarige", "lft 82"), except a
  threshold age 18, 21, 27 or 67 in a turning or rule phrase: "kind wordt 18", "18 geworden", "bijna 27",
  "onder de 18", "jonger dan 27 jaar". Those ages change zorgtoeslag/DigiD/zorgverzekering (18), the jongerennorm
  (21), the kostendelersnorm (27) and AOW (67); they are exactly the recurring-theme signal this tool looks for,
  and tens of thousands of people pass each of them every year. Durations ("al 3 jaar", "2 jaar geleden") stay.
* **Numbers.** Nine digits passing the 11-proef → ``BSN``; eight or nine digits after "BSN"/
  "burgerservicenummer" → ``BSN`` whatever the 11-proef says. A nine-digit number that fails the 11-proef and
  has no BSN keyword is *not* a BSN, but any run of seven or more digits still becomes ``[ID]`` (deduce's
  identifier rule, mirrored in our patterns): it is a client number, a letter's kenmerk, a mistyped BSN or a
  mobile number without its 0, and leaving it would leak. Dossier/client/kenmerk numbers after their keyword
  become ``[ID]`` from four characters on.
* **Idempotent, never nested.** Existing tags are blocked for every step, so scrubbing scrubbed text changes
  nothing and ``[[NAAM]]`` cannot arise.
* **No text in logs.** Nothing here prints or logs a note. deduce calls ``logging.basicConfig(level=DEBUG)``
  on import; we restore the root logger right after, so no library's debug output (which might quote text)
  starts flowing to stdout.
* **Speed.** deduce needs ~0.5 ms for a short note once loaded; building its lookup tables the first time takes
  ~90 s and loading them from deduce's cache ~7 s and ~1.1 GB. One process therefore scrubs 100,000 notes well
  inside the target, and a second worker process would only double the memory; :meth:`Scrubber.scrub_many`
  works in one process with a bounded cache for repeated texts (see ``bench/bench_privacy.py``).

Without deduce (``Scrubber(use_deduce=False)``) only the patterns and the context rules run: fixed-form data is
still removed, most names are not. That mode exists for quick tests, never for real exports.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import importlib.resources
import json
import logging
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple

from collectief.records import ScrubTelling

__all__ = ["BESCHERMDE_WOORDEN", "TAGS", "Scrubber", "scrub_text", "warm_up"]

# fmt: off
TAGS: tuple[str, ...] = (
    "NAAM", "TELEFOON", "EMAIL", "ADRES", "POSTCODE", "BSN", "IBAN", "DATUM", "LEEFTIJD", "URL", "ID",
)
# fmt: on

# ---------------------------------------------------------------------------------------------------------------
# Word lists (data only)
# ---------------------------------------------------------------------------------------------------------------

#: Theme words, partner organisations and wijk names that must survive scrubbing (matched case-insensitively,
#: as whole words or phrases).
# fmt: off
BESCHERMDE_WOORDEN: frozenset[str] = frozenset({
    # toeslagen en inkomen
    "huurtoeslag", "huursubsidie", "zorgtoeslag", "kinderopvangtoeslag", "kindgebonden budget", "toeslag",
    "toeslagen", "Belastingdienst", "Belastingtelefoon", "Dienst Toeslagen", "kostendelersnorm", "bijstand", "AOW",
    "WW", "WIA", "Wajong", "Participatiewet", "DigiD",
    # instanties en partners
    "UWV", "SVB", "Werkplein", "Juridisch Loket", "IND", "DUO", "CAK", "CJIB", "gemeente", "woningcorporatie",
    "huurdersvereniging", "woonstichting", "voedselbank", "schuldhulpverlening", "schuldhulp", "SchuldHulpMaatje",
    "Humanitas", "deurwaarder", "consultatiebureau", "CJG", "JGZ", "GGD", "GGZ", "POH-GGZ", "POH", "huisarts",
    "huisartsenpraktijk", "Veilig Thuis", "Leergeld", "Jeugdfonds Sport", "bibliotheek", "Taalhuis",
    "Informatiepunt Digitale Overheid", "formulierenbrigade", "Home-Start", "Wmo", "regiotaxi",
    "mantelzorgsteunpunt", "mantelzorg", "wijkteam", "sociaal wijkteam", "buurthuis", "opbouwwerk", "opbouwwerker",
    "vrijwilligerscentrale", "Welzijn op Recept", "thuiszorg", "wijkverpleging", "Leger des Heils", "Rode Kruis",
    "Vluchtelingenwerk", "Kwadraad", "Zilveren Kruis", "Menzis", "VGZ", "CZ",
    # wijken
    "Centrum", "Oost", "West", "Noord", "Zuid", "Zuidwest", "Zuidoost", "Noordwest", "Noordoost",
    # typical theme words and collective offers (DOMAIN.md): deduce's surname list holds some of them
    # ("Schimmel", "Stress", "Rouw"), and a sentence-initial capital then looks like a name
    "terugbetalen", "samenwonen", "gezamenlijke huishouding", "schulden", "schuld", "aanmaning", "beslag",
    "energierekening", "betalingsregeling", "huurachterstand", "schimmel", "reparatie", "urgentie",
    "huurverhoging", "overlast", "zwanger", "baby", "opvoeding", "overbelast", "dementie", "respijt", "eenzaam",
    "eenzaamheid", "weduwe", "laaggeletterd", "kleding", "werkloos", "re-integratie", "vrijwilligerswerk",
    "somber", "stress", "rouw", "informatieavond", "formulierenspreekuur", "budgetcursus", "thuisadministratie",
    "kledingruil", "weggeefwinkel", "taalcafé", "werkcafé", "mantelzorgcafé", "lotgenotengroep",
    "lotgenotencontact", "koffieochtend", "samen koken", "wandelgroep", "thuiskamer", "inloop", "inloopspreekuur",
})
# fmt: on

# Words that introduce a person; the word itself stays, a name right after it goes.
# fmt: off
_TITELS = frozenset({
    "mw", "mevr", "mevrouw", "mvr", "dhr", "meneer", "mijnheer", "heer", "cl", "client", "cliënt", "clt",
    "collega", "fam", "familie", "mej",
})
_ROLLEN = frozenset({
    "zoon", "zoontje", "dochter", "dochtertje", "moeder", "vader", "partner", "man", "vrouw", "echtgenoot",
    "echtgenote", "broer", "zus", "zuster", "buurman", "buurvrouw", "oma", "opa", "ex", "vriend", "vriendin",
    "neef", "nicht", "kleinzoon", "kleindochter", "schoonmoeder", "schoonvader", "stiefvader", "stiefmoeder",
    "heet", "genaamd", "naam", "kind", "baby", "mantelzorger", "tolk", "contactpersoon", "bewindvoerder",
})
_TUSSENVOEGSELS = frozenset({
    "van", "de", "der", "den", "het", "ter", "ten", "te", "'t", "vd", "v.d", "el", "al", "ben", "bin", "ibn",
    "abu", "abou", "bou", "ait", "aït", "da", "di", "dos", "du", "la", "le", "op", "von",
})
# fmt: on
#: Persons as they appear before an age: "zoon van 17", "mw. (82)".
_PERSOONSWOORDEN = (
    "zoon|zoontje|dochter|dochtertje|kind|kindje|kinderen|jongen|meisje|baby|man|vrouw|moeder|vader|broer|zus|"
    "kleinzoon|kleindochter|neef|nicht|puber|tiener|jongere|oudere|partner|vriend|vriendin|echtgenoot|"
    "echtgenote|mw|mevr|mevrouw|dhr|meneer|cl|client|cliënt|oma|opa|buurman|buurvrouw"
)

#: Foreign first names often met in Dutch social work that deduce's name list lacks or that lower-case spelling
#: hides; none of them is a Dutch word.
# fmt: off
_EXTRA_VOORNAMEN = frozenset({
    # Arabic, Berber, Turkish, Somali
    "mohammed", "mohamed", "muhammad", "mohammad", "ahmed", "ahmet", "ahmad", "ali", "fatima", "fatma", "aisha",
    "aicha", "ayse", "ayşe", "khadija", "yasmina", "samira", "nadia", "latifa", "malika", "naima", "hanan",
    "soufiane", "youssef", "yusuf", "omar", "hamza", "bilal", "ayoub", "mustafa", "mehmet", "hasan", "hüseyin",
    "huseyin", "ibrahim", "ismail", "abdel", "abdelkader", "abdullah", "abdellah", "rachid", "karim", "mounir",
    "nordin", "hicham", "redouan", "anouar", "amina", "meryem", "zeynep", "emine", "hatice", "elif", "esra",
    "khaled", "mahmoud", "fadi", "rami", "rasha", "hiba", "alaa", "nour", "ranya", "abdi", "faduma", "hodan",
    "ayaan", "zainab", "mariam", "yasin", "yassine", "imane", "ikram", "houda", "loubna", "saida", "zakaria",
    # Ukrainian, Russian, Polish, Romanian, Bulgarian
    "oksana", "olena", "iryna", "tetiana", "tetyana", "svitlana", "nataliia", "natalia", "yuliia", "yulia", "olha",
    "kateryna", "mykola", "oleksandr", "oleksii", "andrii", "dmytro", "serhii", "volodymyr", "bohdan", "vitalii",
    "halyna", "liudmyla", "valentyna", "anastasiia", "agnieszka", "katarzyna", "małgorzata", "malgorzata", "piotr",
    "krzysztof", "tomasz", "paweł", "pawel", "marcin", "dorota", "ewa", "grzegorz", "ionut", "andreea", "mihaela",
    "gheorghe", "vasile", "florin", "iuliana", "dimitar", "stoyan", "ivelina",
    # Eritrean, Ethiopian, Afghan, Syrian, Surinamese/Antillean
    "tigist", "senait", "yonas", "tesfay", "tesfaye", "mehari", "filmon", "semhar", "robel", "dawit", "kidane",
    "haile", "aster", "rahel", "mulu", "ahmadi", "farida", "zahra", "mahsa", "shirin", "navid", "reza", "sharda",
    "radjesh", "roshni", "shanti", "ashwin", "jurgen", "shurwin", "giovanni", "jaïra", "jaira",
})
# fmt: on

# Verbs, adverbs and jargon that follow "mw."/"cl." in notes and are not names, although some of them are on
# deduce's surname list ("Belt", "Wil").
# fmt: off
_NOTITIEWOORDEN = frozenset({
    "belt", "belde", "komt", "kwam", "heeft", "had", "is", "was", "wil", "wilde", "wordt", "werd", "gaat", "ging",
    "vraagt", "vroeg", "meldt", "meldde", "mailt", "mailde", "appt", "appte", "geeft", "gaf", "zegt", "zei",
    "vertelt", "vertelde", "krijgt", "kreeg", "woont", "woonde", "werkt", "werkte", "zit", "zat", "staat", "stond",
    "kan", "kon", "moet", "moest", "mag", "mocht", "zal", "zou", "durft", "weet", "wist", "snapt", "begrijpt",
    "ervaart", "voelt", "lijkt", "blijft", "bleef", "maakt", "doet", "deed", "loopt", "liep", "betaalt",
    "ontvangt", "zoekt", "vindt", "denkt", "hoopt", "wacht", "twijfelt", "reageert", "huilt", "slaapt", "kookt",
    "leest", "schrijft", "spreekt", "sprak", "verhuist", "kampt", "ziet", "zag", "hoort", "hebben", "zijn",
    "willen", "graag", "zelf", "nog", "ook", "weer", "niet", "geen", "erg", "zeer", "nu", "inmiddels", "alleen",
    "samen", "opnieuw", "eerder", "later", "daarna", "vandaag", "gisteren", "morgen", "thuis", "telefonisch",
    "tel", "ivm", "iom", "mbt", "hb", "evt", "nav", "obv", "tav", "zsm", "ipv", "mbv", "vlgs", "ovv", "tgv", "dd",
    "wv", "ihkv", "gespr", "afspr", "sms", "whatsappt", "aan", "en", "of", "met", "die", "dat", "naar", "bij",
    "over", "voor", "via", "uit", "in", "op", "om", "zonder", "tijdens", "sinds", "vanwege", "nvt", "ok", "oke",
    "akkoord", "gebeld", "gemaild", "gesproken", "bezocht", "aangemeld", "doorverwezen", "verwezen",
    "ingeschreven", "gescheiden", "weduwe", "weduwnaar", "alleenstaand", "alleenstaande", "zwanger", "ziek",
    "opgenomen", "overleden", "dement", "eenzaam", "somber", "boos", "verward", "angstig", "moe", "uitgeput",
    "overbelast",
})
# fmt: on

# fmt: off
_MAANDEN_EN_DAGEN = frozenset({
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november",
    "december", "jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec",
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag", "ma", "di", "wo", "do", "vr",
    "za", "zo",
})
# fmt: on

# ---------------------------------------------------------------------------------------------------------------
# Patterns
# ---------------------------------------------------------------------------------------------------------------

_TAG_RE = re.compile(r"\[(?:" + "|".join(TAGS) + r")\]")
_CIJFER_RE = re.compile(r"\d")


def _woordgroep(woorden: Iterable[str]) -> str:
    delen = sorted(woorden, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in delen)


_BESCHERMD_LOSSE_WOORDEN = frozenset(w.lower() for w in BESCHERMDE_WOORDEN if " " not in w)
_BESCHERMD_RE = re.compile(
    r"(?i)(?<![\w-])(?:" + _woordgroep(w for w in BESCHERMDE_WOORDEN if " " in w) + r")(?![\w-])"
)
_BESCHERMD_WOORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*[^\W_])?")

_MAAND = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|"
    r"jan|febr|feb|mrt|apr|jun|jul|aug|sept|sep|okt|nov|dec)\.?"
)
_DAG = r"(?:0?[1-9]|[12]\d|3[01])"
_MND = r"(?:0?[1-9]|1[0-2])"
_DATUM_NUM = re.compile(rf"(?<![\w/.-]){_DAG}(?P<s>[-/.]){_MND}(?P=s)(?:(?:19|20)\d{{2}}|'?\d{{2}})(?!\d|[-/.:]\d)")
_DATUM_ISO = re.compile(rf"(?<![\w/.-])(?:19|20)\d{{2}}(?P<s>[-/.]){_MND}(?P=s){_DAG}(?!\d|[-/.:]\d)")
_DATUM_TEKST = re.compile(
    rf"(?i)(?<![\w/.-]){_DAG}(?:e|ste|de)?[\s-]*{_MAAND}(?:[\s-]+(?:(?:19|20)\d{{2}}|'\d{{2}}))?(?![\w])"
)
_DATUM_DAG_MAAND = re.compile(
    r"(?<![\w/.-])(?:0[1-9]|[12]\d|3[01])[-/](?:0[1-9]|1[0-2])(?!\d|[-/.:]\d)"
    r"(?!\s*(?:uur|u\b|keer|x\b|%|min))"
)
_GEBOORTE_RE = re.compile(
    r"(?i)\b(?:geb(?:oren)?\b\.?(?:\s*(?:op|in|d\.?d\.?))?|geboortedatum|geb\.?\s?datum|d\.o\.b\.?|dob)"
    r"\s*[:=]?\s*"
)
_GEBOORTE_REST = re.compile(rf"(?i){_MAAND}\s+(?:19|20)\d{{2}}(?!\d)|(?:19|20)\d{{2}}(?!\d)")

_EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}(?![\w-])")
_URL_RE = re.compile(
    r"(?i)(?<![\w@.-])(?:(?:https?://|www\.)[^\s<>\"']+|"
    r"(?:[a-z0-9-]+\.)+(?:nl|com|org|net|eu|be|info|nu|de|uk|io)(?:/[^\s<>\"']*)?)(?![\w@-])"
)
_IBAN_NL_RE = re.compile(r"(?i)(?<![\w])NL\s?\d{2}\s?[A-Z]{4}(?:\s?\d){10}(?!\d)")
_IBAN_RE = re.compile(r"(?<![\w])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,3})?(?![\w])")
_BSN_WOORD_RE = re.compile(
    r"(?i)\b(?:bsn|burgerservicenummer|sofi-?nummer|sofinr)\b\.?(?:\s*(?:-?nr|nummer)\.?)?"
    r"(?:\s*(?:is|:|=|#|-))*\s*(?P<w>\d(?:[\s.-]?\d){7,8})(?!\d)"
)
_BSN_RE = re.compile(r"(?<![\w.,-])(?P<w>\d{9}|\d{3}\.\d{3}\.\d{3}|\d{4}\.\d{2}\.\d{3})(?!\d|[.,-]\d)")
_TELEFOON_RE = re.compile(
    r"""(?<![\w+])(?:
        (?:\+|00)\s?31[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}
      | 0[1-9](?:[\s.-]?\d){8}
      | \(0[1-9]\)\s?(?:[\s.-]?\d){8}
      | \(0[1-9]\d\)\s?(?:[\s.-]?\d){7}
      | \(0[1-9]\d{2}\)\s?(?:[\s.-]?\d){6}
    )(?!\d|[.:]\d)""",
    re.X,
)
_STAD = (
    r"(?:(?:'s|De|Den)[- ])?(?:IJ|[A-Z])[a-zà-ÿ]+(?:-(?:IJ|[A-Z])[a-zà-ÿ]+)?"
    r"(?:\s(?:aan|op|in|bij|over|onder)(?:\s(?:de|den|der|het))?\s(?:IJ|[A-Z])[a-zà-ÿ]+)?"
)
_POSTCODE_RE = re.compile(
    rf"""(?<![\w-])
    (?:(?P<voor>\d{{1,4}}[a-zA-Z]?)\s+)?
    (?P<pc>[1-9]\d{{3}}(?:\s?(?!SA|SD|SS)[A-Z]{{2}}|(?!km|kg|mg|gr|ml|cm|mm|kb|mb|gb|jr|pm|am)[a-z]{{2}}))
    (?![\w-])
    (?:\s+(?P<na>\d{{1,4}}(?:\s?-?\s?[a-zA-Z](?![\w]))?)(?![\w-]|[.,]\d))?
    (?:,?\s+(?P<stad>{_STAD}))?""",
    re.X,
)
_POSTCODE_WOORD_RE = re.compile(r"(?i)\bpostcode\s*:?\s*(?P<w>[1-9]\d{3}\s?[a-z]{2})(?![\w])")

_STRAATTYPE = (
    r"(?:straat|str\.|laan|weg|plein|gracht|kade|dijk|dreef|singel|hof|park|pad|steeg|markt|baan|plantsoen|"
    r"dam|wal|veld|erf|kamp|akker|brink|ring|boulevard|allee|haven|oord|hoeve|gaarde|zijde|dal|berg|burg|"
    r"horst|donk|hoek|stede|poort|kwartier|tuin|bos|weide|hout|vaart|straatje|laantje|hofje|pleintje)"
)
_STRAAT_VOORWOORD = (
    r"(?:(?:(?!(?:Mw|Mevr|Dhr|Cl|Tel|Nr|Fam)\.)[A-Z][a-z]{1,4}\.|Lange|Korte|Oude|Nieuwe|Grote|Kleine|Hoge|"
    r"Lage|Sint|Prins|Prinses|Koning|Koningin|Burgemeester|Dokter|Generaal|Graaf|Hertog|Van|De|Den|Het|'t|"
    r"Eerste|Tweede|Derde)\s+)*"
)
_TUSSEN = r"(?:van|de|der|den|het|ter|ten|te|'t|v\.d\.)"
_HUISNUMMER = (
    r"\s+(?:nr\.?\s*)?\d{1,5}(?:\s?-\s?\d{1,3}(?!\d)|\s?-?\s?(?:bis|hs|huis|zw|rd|[A-Za-z])(?![\w]))?"
    r"(?!\d|[.,]\d)(?!\s*(?:keer|x\b|euro|%|jaar|kinderen|mensen|personen|uur|minuten|dagen|weken|maanden))"
)
_ADRES_RE = re.compile(
    rf"(?<![\w-])(?P<straat>{_STRAAT_VOORWOORD}(?:[A-Z][a-zà-ÿ]+\s+(?={_TUSSEN}\s))?(?:{_TUSSEN}\s+)*"
    rf"[A-Z][a-zà-ÿ'’-]*{_STRAATTYPE})(?![a-zà-ÿ]){_HUISNUMMER}"
)
_STRAATTYPE_EERST = (
    "Laan", "Plein", "Weg", "Kade", "Singel", "Gracht", "Dijk", "Markt", "Dreef", "Hof", "Park", "Pad", "Steeg",
    "Baan", "Burgwal", "Straat",
)  # fmt: skip
_ADRES_TYPE_EERST_RE = re.compile(
    r"(?<![\w-])(?P<straat>(?:"
    + "|".join(_STRAATTYPE_EERST)
    + r")\s+(?:(?:van|der|de|den|het|op|naar|achter|voor|langs|bij|over|in|aan|'t)\s+){1,3}"
    r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)" + _HUISNUMMER
)
_ID_WOORD_RE = re.compile(
    r"(?i)\b(?:dossier(?:nummer|nr)?|cli[eë]nt(?:nummer|nr)|klant(?:nummer|nr)|kenmerk|zaak(?:nummer|nr)|"
    r"registratienummer|relatienummer|polisnummer|pasnummer|documentnummer|paspoortnummer|v-?nummer|"
    r"referentie(?:nummer)?)\b\.?(?:\s*(?:nr\.?|nummer))?\s*[:#]?\s*"
    r"(?P<w>(?=[a-z0-9./-]*\d)[a-z0-9][a-z0-9./-]{2,}[a-z0-9])(?![\w])"
)
_ID_RE = re.compile(r"(?<![\w.,/-])\d{7,}(?![\w]|[.,]\d)")

_DREMPEL = r"(?:18|21|27|67)"
_DREMPEL_RES: tuple[re.Pattern[str], ...] = (
    re.compile(
        rf"(?i)\b(?:wordt|worden|word|werd|werden|geworden|is\s+net|net|bijna|binnenkort)"
        rf"(?:\s+[^\W\d]+|\s+\[DATUM\]){{0,3}}?\s+{_DREMPEL}(?:\s*(?:jaar|jr\b\.?))?(?![\w])"
    ),
    re.compile(rf"(?i)(?<![\w,.]){_DREMPEL}(?:\s*(?:jaar|jr\.?))?\s+(?:wordt|worden|geworden|werd)\b"),
    re.compile(rf"(?i)\b(?:onder|boven|vanaf|tot|rond)\s+(?:de\s+)?{_DREMPEL}(?:\s*(?:jaar|jr\b\.?))?(?![\w])"),
    re.compile(rf"(?i)(?<![\w,.]){_DREMPEL}(?:\s?[+]|(?:e|ste)\s+verjaardag)"),
)

# A rule, not somebody's age, whatever the number: "jonger dan 30 jaar".
_JONGER_OUDER_RE = re.compile(r"(?i)\b(?:jonger|ouder)\s+dan\s+\d{1,3}(?:\s*(?:jaar|jr\b\.?))?(?![\w])")

_LEEFTIJD_JARIG_RE = re.compile(r"(?i)(?<![\w,.])\d{1,3}\s?-?\s?jarig(?:e|en)?(?![\w])")
_LEEFTIJD_JAAR_RE = re.compile(r"(?i)(?<![\w,.])(?P<n>\d{1,3})(?:[.,]5)?\s?-?\s?(?:jaar|jr\b\.?|j\b\.?)(?:\s+oud\b)?")
_LEEFTIJD_VAN_RE = re.compile(
    rf"(?i)(?:\b(?:{_PERSOONSWOORDEN})\b\.?(?:\s+(?:\[NAAM\]|(?-i:[A-Z][a-zà-ÿ]+)))?|\[NAAM\])"
    r"\s+van\s+(?P<w>\d{1,3}(?:\s*(?:,|en|&)\s*\d{1,3})*(?:\s*(?:jaar|jr\b\.?|maanden|mnd\b\.?|weken))?)(?![\w])"
    r"(?!\s*(?:kinderen|kids|jongens|meisjes|zonen|dochters|kleinkinderen|tieners|euro|%))"
)
_LEEFTIJD_IS_RE = re.compile(
    rf"(?i)(?:\b(?:{_PERSOONSWOORDEN}|hij|zij|ze)\b\.?|\[NAAM\])\s+is\s+(?:nu\s+|al\s+|pas\s+|bijna\s+)?"
    r"(?P<w>\d{1,3})(?![\w]|[.,]\d)"
    r"(?!\s*(?:euro|eur|%|keer|x\b|maanden|maand|mnd|weken|dagen|uur|min|kinderen|personen|mensen|jaar|jr))"
)
_LEEFTIJD_HAAKJES_RE = re.compile(
    rf"(?i)(?P<pre>\b(?:{_PERSOONSWOORDEN})\b\.?|\[NAAM\]|(?-i:\b[A-Z][a-zà-ÿ]+))\s*"
    r"\((?P<w>\d{1,3}(?:\s*(?:jaar|jr\b\.?|j\b\.?))?(?:\s*(?:,|en|&|/)\s*\d{1,3}(?:\s*(?:jaar|jr\b\.?))?)*)\)"
)
_LEEFTIJD_WOORD_RE = re.compile(r"(?i)\b(?:leeftijd|lft)\b\.?\s*:?\s*(?P<w>\d{1,3})(?![\w])")
_LEEFTIJD_WORDT_RE = re.compile(
    r"(?i)\b(?:wordt|werd|worden|geworden|is\s+(?:net|pas)|bijna)\s+(?P<w>\d{1,3})(?![\w]|[.,]\d)"
    r"(?!\s*(?:euro|eur|%|keer|x\b|maanden|weken|dagen|uur|min|kinderen|personen|mensen|jaar))"
)
_LAATSTE_WOORD_RE = re.compile(r"([\w'/]+)\W*$")
# Words before "N jaar" that make it a duration or a rule rather than somebody's age.
# fmt: off
_DUUR_VOOR = frozenset({
    "al", "sinds", "na", "over", "voor", "binnen", "gedurende", "afgelopen", "laatste", "ruim", "circa", "ca",
    "ongeveer", "zo'n", "elke", "iedere", "per", "vanaf", "tot", "de", "nog", "dan", "max", "maximaal", "minimaal",
    "min", "paar", "enkele", "komende", "volgende", "vorige", "eerste", "tussen", "om", "t/m", "langer", "korter",
    "meer", "minder", "jaren", "en", "of", "à", "a", "x", "sedert", "tijdens",
})
_DUUR_NA = frozenset({
    "geleden", "ingeschreven", "lang", "later", "eerder", "daarna", "nadien", "terug", "getrouwd", "samen",
    "samenwonend", "gescheiden", "werkloos", "dakloos", "schulden", "huurachterstand", "bijstand", "wachten",
    "wachttijd", "in", "op", "achterstand", "contract", "huurcontract", "looptijd", "durende", "zonder", "ziek",
    "bezig", "weduwe", "uitkering", "hier", "daar", "niet", "geen",
})
# fmt: on

_WOORD_RE = re.compile(r"\[(?:" + "|".join(TAGS) + r")\]|[^\W\d_](?:[\w'’-]*[^\W_])?")
# Titles and role words at the start of a deduce name span stay in the text: "Mw. Jansen" → "Mw. [NAAM]",
# "Buurman" (also a surname) on its own stays "Buurman".
_TITEL_AAN_BEGIN_RE = re.compile(
    r"(?i)^(?:(?:de\s+heer|dr|drs|ir|mr|prof|ing|"
    + "|".join(sorted(_TITELS | _ROLLEN, key=len, reverse=True))
    + r")\b\.?\s*)+"
)


# ---------------------------------------------------------------------------------------------------------------
# Small helpers
# ---------------------------------------------------------------------------------------------------------------


class _Vondst(NamedTuple):
    """A stretch of text to replace by ``[categorie]``; ``telt`` is False when it only extends an earlier tag."""

    start: int
    eind: int
    categorie: str
    telt: bool = True


def _elfproef(cijfers: str) -> bool:
    """The BSN 11-proef: 9·d1 + 8·d2 + ... + 2·d8 − d9 is a multiple of 11 (and not all zeros)."""
    if len(cijfers) != 9 or not cijfers.isdigit() or int(cijfers) == 0:
        return False
    som = sum(int(c) * w for c, w in zip(cijfers, (9, 8, 7, 6, 5, 4, 3, 2, -1), strict=True))
    return som % 11 == 0


def _iban_geldig(iban: str) -> bool:
    """ISO 13616 mod-97 check."""
    compact = re.sub(r"\s", "", iban).upper()
    if not 15 <= len(compact) <= 34:
        return False
    verplaatst = compact[4:] + compact[:4]
    try:
        getal = int("".join(str(int(c, 36)) for c in verplaatst))
    except ValueError:
        return False
    return getal % 97 == 1


def _overlapt(start: int, eind: int, bezet: Iterable[tuple[int, int]]) -> bool:
    return any(start < b_eind and b_start < eind for b_start, b_eind, *_ in bezet)


class _Masker:
    """The blocked characters of one note, for the many overlap tests of the name rules (one per word)."""

    __slots__ = ("_bits",)

    def __init__(self, lengte: int, stukken: Iterable[tuple[int, int]]) -> None:
        self._bits = bytearray(lengte)
        for start, eind in stukken:
            self._bits[start:eind] = b"\x01" * (eind - start)

    def raakt(self, start: int, eind: int) -> bool:
        return 1 in self._bits[start:eind]


def _min_bezet(start: int, eind: int, bezet: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of ``[start, eind)`` that do not overlap any blocked stretch."""
    delen = [(start, eind)]
    for b_start, b_eind in bezet:
        nieuw: list[tuple[int, int]] = []
        for d_start, d_eind in delen:
            if b_eind <= d_start or d_eind <= b_start:
                nieuw.append((d_start, d_eind))
                continue
            if d_start < b_start:
                nieuw.append((d_start, b_start))
            if b_eind < d_eind:
                nieuw.append((b_eind, d_eind))
        delen = nieuw
    return delen


def _bijgesneden(tekst: str, start: int, eind: int) -> tuple[int, int]:
    """Shrink a stretch so that it neither starts nor ends with spaces or punctuation."""
    deel = tekst[start:eind]
    voor = re.match(r"[\s.,;:()\-–'\"]*", deel)
    start += voor.end() if voor else 0
    deel = tekst[start:eind]
    achter = re.search(r"[\s,;:()\-–'\"]*$", deel)
    if achter:
        eind -= len(deel) - achter.start()
    return start, eind


def _vervang(tekst: str, vondsten: list[_Vondst], telling: ScrubTelling) -> str:
    if not vondsten:
        return tekst
    delen: list[str] = []
    positie = 0
    for vondst in sorted(vondsten):
        delen.append(tekst[positie : vondst.start])
        delen.append(f"[{vondst.categorie}]")
        if vondst.telt:
            telling.add(vondst.categorie)
        positie = vondst.eind
    delen.append(tekst[positie:])
    return "".join(delen)


# An organisation's own name is no personal data: "Stichting Jarige Job", "Huisartsenpraktijk De Linde".
_ORGANISATIE_RE = re.compile(
    r"\b(?:Stichting|Vereniging|Fonds|Coöperatie|Huisartsenpraktijk|Praktijk|Buurthuis|Wijkcentrum|Kerk|Moskee)"
    r"(?:\s+(?:[A-Z][\w'’&-]*|de|het|van|voor|op|en|'t))*\s+[A-Z][\w'’&-]*"
)


@functools.lru_cache(maxsize=8)  # the steps of one note ask for the same text more than once
def _beschermd(tekst: str) -> tuple[tuple[int, int], ...]:
    """Stretches no tag may cover: existing tags, protected words, threshold-age phrases."""
    stukken = [m.span() for m in _TAG_RE.finditer(tekst)] if "[" in tekst else []
    stukken += [m.span() for m in _BESCHERMD_WOORD_RE.finditer(tekst) if m.group().lower() in _BESCHERMD_LOSSE_WOORDEN]
    stukken += [m.span() for m in _BESCHERMD_RE.finditer(tekst)]
    stukken += [m.span() for m in _ORGANISATIE_RE.finditer(tekst)]
    if any(d in tekst for d in ("18", "21", "27", "67")):
        for patroon in _DREMPEL_RES:
            stukken += [m.span() for m in patroon.finditer(tekst)]
    if "dan " in tekst:
        stukken += [m.span() for m in _JONGER_OUDER_RE.finditer(tekst)]
    return tuple(stukken)


# ---------------------------------------------------------------------------------------------------------------
# Lexicon: deduce's name lists plus a Dutch vocabulary, to tell names from words
# ---------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Lexicon:
    voornamen: Any  # docdeid LookupTrie, case-sensitive ("Fatima")
    achternamen: Any  # docdeid LookupTrie
    tussenachternamen: frozenset[str]  # surnames that follow "de"/"van"/"el", lower case
    witte_lijst: Any  # docdeid LookupSet, lower-case matching: stop words, top-1000 words, medical terms
    nl_woorden: frozenset[str]  # every Dutch word form we know (lower case)
    nl_functiewoorden: frozenset[str]  # verbs, adjectives, prepositions, determiners (lower case)

    def is_voornaam(self, woord: str) -> bool:
        laag = woord.lower()
        if laag in _EXTRA_VOORNAMEN:
            return True
        return self.voornamen is not None and [woord[:1].upper() + laag[1:]] in self.voornamen

    def is_achternaam(self, woord: str) -> bool:
        laag = woord.lower()
        if "-" in laag.strip("-"):  # double-barrelled: "jong-öztürk", "Bakker-Visser"
            return any(self.is_achternaam(deel) for deel in laag.split("-") if deel)
        if laag in self.tussenachternamen:
            return True
        return self.achternamen is not None and [laag[:1].upper() + laag[1:]] in self.achternamen

    def is_gewoon_woord(self, woord: str) -> bool:
        """A word of ordinary Dutch or of wijkteam jargon (so no evidence of a name)."""
        laag = woord.lower()
        return (
            laag in self.nl_woorden
            or laag in _NOTITIEWOORDEN
            or laag in _MAANDEN_EN_DAGEN
            or (self.witte_lijst is not None and laag in self.witte_lijst)
        )

    def is_functiewoord(self, woord: str) -> bool:
        """A verb, adjective, adverb, preposition or determiner: what follows "mw." when no name does."""
        laag = woord.lower()
        return (
            laag in self.nl_functiewoorden
            or laag in _NOTITIEWOORDEN
            or laag in _MAANDEN_EN_DAGEN
            or laag in _TUSSENVOEGSELS
            or (self.witte_lijst is not None and laag in self.witte_lijst)
            or self._lijkt_werkwoordsvorm(laag)
        )

    def _lijkt_werkwoordsvorm(self, laag: str) -> bool:
        """Present or past tense of a known verb ("houdt" → houden, "belde" → bellen, "leest" → lezen).

        spaCy's lemma table misses many inflected forms that notes use right after "cl."; rebuilding the
        infinitive is enough to tell them from surnames such as "Houdt" or "Belt".
        """
        if laag.endswith(("de", "te")) and len(laag) > 4:
            stam = laag[:-2]
        elif laag.endswith("t") and len(laag) > 3:
            stam = laag[:-1]
        else:
            return False
        stammen = {stam}
        if stam.endswith("f"):
            stammen.add(stam[:-1] + "v")
        if stam.endswith("s"):
            stammen.add(stam[:-1] + "z")
        kandidaten = set()
        for st in stammen:
            kandidaten.add(st + "en")
            kandidaten.add(st + st[-1:] + "en")
            # "loop" → "lopen", "kom" stays "komen": a long vowel before the last consonant loses a letter
            if len(st) > 2 and st[-2] == st[-3] and st[-2] in "aeou":
                kandidaten.add(st[:-2] + st[-1] + "en")
        return any(k in self.nl_functiewoorden for k in kandidaten)


_LEEG_LEXICON = _Lexicon(None, None, frozenset(), None, frozenset(), frozenset())


def _laad_nl_woorden() -> tuple[frozenset[str], frozenset[str]]:
    """Dutch word forms from spaCy's lemma tables (a declared dependency); empty sets if they are missing."""
    try:
        map_ = importlib.resources.files("spacy_lookups_data") / "data"
        with (map_ / "nl_lemma_lookup.json.gz").open("rb") as f:
            lemma: dict[str, str] = json.loads(gzip.decompress(f.read()))
        with (map_ / "nl_lemma_index.json.gz").open("rb") as f:
            index: dict[str, list[str]] = json.loads(gzip.decompress(f.read()))
    except (ModuleNotFoundError, FileNotFoundError, OSError, ValueError):
        return frozenset(), frozenset()
    functie = set()
    for soort in ("verb", "adj", "adp", "det"):
        functie.update(index.get(soort, ()))
    functie.update(v for k, v in lemma.items() if v in functie)
    functie.update(k for k, v in lemma.items() if v in functie)
    alles = set(lemma) | set(lemma.values()) | functie | set(index.get("noun", ()))
    return frozenset(alles), frozenset(functie)


# ---------------------------------------------------------------------------------------------------------------
# deduce, loaded once per process
# ---------------------------------------------------------------------------------------------------------------

_LAADSLOT = threading.Lock()
_GEDEELD: dict[str, Any] = {}

# deduce processors we do not run: its age rule (ours keeps the threshold ages), the fixed-form rules our
# patterns already cover before deduce sees the text (dates, phones, e-mail, URLs, BSN and other numbers; they
# cost a quarter of deduce's time and found nothing extra in the test notes), and its redactor (we redact from
# the annotations ourselves, with our own tags).
# fmt: off
_DEDUCE_UIT = frozenset({
    "ages", "dates", "phone_numbers", "email_addresses", "urls", "identifiers", "redactor",
})
# fmt: on


@contextlib.contextmanager
def _root_logger_ongemoeid() -> Iterator[None]:
    """Undo what the block does to the root logger: deduce calls ``logging.basicConfig(level=DEBUG)`` on
    import, which would send every library's debug output (possibly quoting a note) to stdout."""
    root = logging.getLogger()
    handlers, niveau = list(root.handlers), root.level
    try:
        yield
    finally:
        for handler in root.handlers[:]:
            if handler not in handlers:
                root.removeHandler(handler)
        root.setLevel(niveau)


def _laad_deduce() -> Any:
    with _LAADSLOT:
        if "deduce" not in _GEDEELD:
            with _root_logger_ongemoeid():
                import deduce

                _GEDEELD["deduce"] = deduce.Deduce()
        return _GEDEELD["deduce"]


def _laad_lexicon(met_deduce: bool) -> _Lexicon:
    sleutel = "lexicon" if met_deduce else "lexicon-kaal"
    if sleutel in _GEDEELD:
        return _GEDEELD[sleutel]
    if not met_deduce:
        lexicon = _LEEG_LEXICON
    else:
        structs = _laad_deduce().lookup_structs
        woorden, functie = _laad_nl_woorden()
        tussen = frozenset(w.lower() for w in structs["interfix_surname"].items())
        lexicon = _Lexicon(
            voornamen=structs["first_name"],
            achternamen=structs["surname"],
            tussenachternamen=tussen,
            witte_lijst=structs["whitelist"],
            nl_woorden=woorden,
            nl_functiewoorden=functie,
        )
    with _LAADSLOT:
        _GEDEELD.setdefault(sleutel, lexicon)
    return _GEDEELD[sleutel]


_DEDUCE_CATEGORIE = {
    "datum": "DATUM",
    "bsn": "BSN",
    "id": "ID",
    "telefoonnummer": "TELEFOON",
    "emailadres": "EMAIL",
    "url": "URL",
    "leeftijd": "LEEFTIJD",
}
_POSTCODE_KERN_RE = re.compile(r"[1-9]\d{3}\s?[A-Za-z]{2}(?![\w])")


def _deduce_categorie(tag: str, tekst: str) -> str | None:
    """Our tag for a deduce annotation, or None to keep its text (see the module docstring)."""
    tag = tag.lower()
    if "patient" in tag or "persoon" in tag:
        return "NAAM"
    if tag == "locatie":
        if _POSTCODE_KERN_RE.search(tekst):
            return "POSTCODE"
        return "ADRES" if any(c.isdigit() for c in tekst) else None
    if tag in {"ziekenhuis", "zorginstelling"}:
        return None
    return _DEDUCE_CATEGORIE.get(tag, "ID")


# ---------------------------------------------------------------------------------------------------------------
# The scrubber
# ---------------------------------------------------------------------------------------------------------------

_Detector = Callable[[str, list[tuple[int, int]], Sequence[tuple[int, int]]], list[_Vondst]]


class Scrubber:
    """Removes personal data from notes. Loads deduce lazily, once per process.

    Args:
        use_deduce: Use deduce for names (and as a second net for addresses). Switch off only for quick tests:
            without it, most names stay in the text.
        cache_size: How many distinct notes to remember, so a text that recurs (templates, copied notes) is
            scrubbed once.
    """

    def __init__(self, use_deduce: bool = True, cache_size: int = 20_000) -> None:
        self.use_deduce = use_deduce
        self.cache_size = cache_size
        self._cached: Callable[[str], tuple[str, tuple[tuple[str, int], ...]]] | None = None

    # -- public -----------------------------------------------------------------------------------------------

    def scrub(self, tekst: str) -> tuple[str, ScrubTelling]:
        """Return ``tekst`` with personal data replaced by tags, and the counts per category."""
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

    # -- the three steps --------------------------------------------------------------------------------------

    def _scrub_ongecached(self, tekst: str) -> tuple[str, tuple[tuple[str, int], ...]]:
        telling = ScrubTelling()
        lexicon = _laad_lexicon(self.use_deduce)
        tekst = self._patronen(tekst, telling)
        na_patronen = tekst
        if self.use_deduce:
            tekst = self._deduce(tekst, telling, lexicon)
        tekst = self._namen_in_context(tekst, telling, lexicon)
        if tekst != na_patronen:
            # Some things only show once a name is gone ("[NAAM] (82)"); unchanged text would yield nothing new.
            tekst = self._patronen(tekst, telling)
        return tekst, tuple(sorted(telling.per_categorie.items()))

    @staticmethod
    def _patronen(tekst: str, telling: ScrubTelling) -> str:
        beschermd = _beschermd(tekst)
        tags = [m.span() for m in _TAG_RE.finditer(tekst)]
        gevonden: list[_Vondst] = []
        bezet: list[tuple[int, int]] = list(tags)
        heeft_cijfer = _CIJFER_RE.search(tekst) is not None
        for detector, cijfer_nodig in _DETECTOREN:
            if cijfer_nodig and not heeft_cijfer:
                continue
            for vondst in detector(tekst, bezet, beschermd):
                if not _overlapt(vondst.start, vondst.eind, bezet):
                    gevonden.append(vondst)
                    bezet.append((vondst.start, vondst.eind))
        return _vervang(tekst, gevonden, telling)

    def _deduce(self, tekst: str, telling: ScrubTelling, lexicon: _Lexicon) -> str:
        doc = _laad_deduce().deidentify(tekst, disabled=set(_DEDUCE_UIT))
        beschermd = _beschermd(tekst)
        gevonden: list[_Vondst] = []
        bezet: list[tuple[int, int]] = []
        for annotatie in sorted(doc.annotations, key=lambda a: (a.start_char, -a.end_char)):
            categorie = _deduce_categorie(annotatie.tag, annotatie.text)
            if categorie is None:
                continue
            if categorie == "ADRES" and _overlapt(annotatie.start_char, annotatie.end_char, beschermd):
                continue  # "Werkplein 2 keer": a partner's name with a number after it is no address
            for start, eind in _min_bezet(annotatie.start_char, annotatie.end_char, beschermd):
                if categorie == "NAAM":
                    titel = _TITEL_AAN_BEGIN_RE.match(tekst[start:eind])
                    if titel:
                        start += titel.end()
                start, eind = _bijgesneden(tekst, start, eind)
                deel = tekst[start:eind]
                if not any(c.isalnum() for c in deel) or _overlapt(start, eind, bezet):
                    continue
                if categorie == "NAAM" and not self._deduce_naam_klopt(tekst, start, deel, lexicon):
                    continue
                gevonden.append(_Vondst(start, eind, categorie))
                bezet.append((start, eind))
        return _vervang(tekst, gevonden, telling)

    @staticmethod
    def _deduce_naam_klopt(tekst: str, start: int, deel: str, lexicon: _Lexicon) -> bool:
        """Filter deduce's name hits that are no names in wijkteam notes."""
        if deel.lower() in _TUSSENVOEGSELS:
            return False
        if len(deel) <= 5 and not any(c.islower() for c in deel):
            return False  # an acronym: "collega SHV", "via POH"
        # A capitalised adverb or verb opening a sentence ("Pas bevallen") that is also a surname.
        zinsbegin = not tekst[:start].strip() or tekst[:start].rstrip()[-1] in ".!?:;\n"
        return not (zinsbegin and " " not in deel and lexicon.is_functiewoord(deel) and not lexicon.is_voornaam(deel))

    def _namen_in_context(self, tekst: str, telling: ScrubTelling, lexicon: _Lexicon) -> str:
        beschermd = _Masker(len(tekst), _beschermd(tekst))
        woorden = [(m.start(), m.end(), m.group()) for m in _WOORD_RE.finditer(tekst)]
        gevonden: list[_Vondst] = []
        i = 0
        while i < len(woorden):
            start, _eind, woord = woorden[i]
            if _TAG_RE.fullmatch(woord) or not self._naam_begint(tekst, woorden, i, lexicon, beschermd):
                i += 1
                continue
            j = i
            telt = True
            # A name continues with particles + surname ("el Amrani") or further name-like words.
            while j + 1 < len(woorden):
                tussen = tekst[woorden[j][1] : woorden[j + 1][0]]
                if tussen.strip(" -"):
                    break
                volgend = woorden[j + 1][2]
                if volgend == "[NAAM]":
                    j += 1
                    telt = False
                    continue
                if volgend.lower() in _TUSSENVOEGSELS and j + 2 < len(woorden):
                    na = woorden[j + 2]
                    tussen2 = tekst[woorden[j + 1][1] : na[0]]
                    if not tussen2.strip(" -") and self._achternaam_na_tussenvoegsel(na, lexicon, beschermd):
                        j += 2
                        continue
                    break
                if self._naam_loopt_door(woorden[j + 1], lexicon, beschermd):
                    j += 1
                    continue
                break
            # A name directly after a tag deduce already placed ("[NAAM] Amrani") extends that tag.
            if i > 0 and woorden[i - 1][2] == "[NAAM]" and not tekst[woorden[i - 1][1] : start].strip(" -"):
                start = woorden[i - 1][0]
                telt = False
            gevonden.append(_Vondst(start, woorden[j][1], "NAAM", telt))
            i = j + 1
        return _vervang(tekst, gevonden, telling)

    # -- name rules -------------------------------------------------------------------------------------------

    @staticmethod
    def _naam_begint(
        tekst: str,
        woorden: list[tuple[int, int, str]],
        i: int,
        lexicon: _Lexicon,
        beschermd: _Masker,
    ) -> bool:
        start, eind, woord = woorden[i]
        if beschermd.raakt(start, eind) or len(woord) < 2:
            return False
        laag = woord.lower()
        if laag in _EXTRA_VOORNAMEN:
            return True
        kleine_letter = woord[0].islower()
        if (
            kleine_letter
            and len(woord) >= 3
            and not laag.endswith("je")  # diminutives ("maatje") are words; names like Aaltje come capitalised
            and lexicon.is_voornaam(woord)
            and not lexicon.is_gewoon_woord(woord)
        ):
            return True
        if i == 0:
            return False
        _vorig_start, vorig_eind, vorig = woorden[i - 1]
        tussen = tekst[vorig_eind:start]
        vorig_laag = vorig.lower()
        # "mw. Jansen": the dot belongs to the title; "tolk. Cl" crosses a sentence boundary.
        toegestaan = " .:," if vorig_laag in _TITELS else " :"
        if tussen.strip(toegestaan) or "\n" in tussen or laag in _TITELS:
            return False
        acroniem = woord.isupper() and len(woord) <= 4
        if vorig_laag in _TITELS:
            if laag in _TUSSENVOEGSELS:
                return i + 1 < len(woorden) and Scrubber._achternaam_na_tussenvoegsel(
                    woorden[i + 1], lexicon, beschermd, streng=True
                )
            if not kleine_letter:
                return not acroniem and not lexicon.is_functiewoord(woord)
            if lexicon.is_functiewoord(woord):
                return False
            # Only listed names: an unknown lower-case word after "cl." is far more often a typo ("cl. vragt").
            return lexicon.is_voornaam(woord) or lexicon.is_achternaam(woord)
        if vorig_laag in _ROLLEN and not kleine_letter and not acroniem:
            if lexicon.is_gewoon_woord(woord) and not lexicon.is_voornaam(woord):
                return False
            return lexicon is not _LEEG_LEXICON or vorig_laag in {"heet", "genaamd", "naam"}
        return False

    @staticmethod
    def _naam_loopt_door(woord: tuple[int, int, str], lexicon: _Lexicon, beschermd: _Masker) -> bool:
        start, eind, tekst = woord
        if _TAG_RE.fullmatch(tekst) or beschermd.raakt(start, eind) or len(tekst) < 2:
            return False
        if tekst.lower() in _EXTRA_VOORNAMEN:
            return True
        if lexicon.is_functiewoord(tekst):
            return False
        if tekst[0].isupper():
            acroniem = tekst.isupper() and len(tekst) <= 4
            return not acroniem and (
                lexicon.is_achternaam(tekst) or lexicon.is_voornaam(tekst) or not lexicon.is_gewoon_woord(tekst)
            )
        return lexicon is not _LEEG_LEXICON and (
            lexicon.is_achternaam(tekst) or (len(tekst) >= 4 and not lexicon.is_gewoon_woord(tekst))
        )

    @staticmethod
    def _achternaam_na_tussenvoegsel(
        woord: tuple[int, int, str], lexicon: _Lexicon, beschermd: _Masker, streng: bool = False
    ) -> bool:
        """Whether the word after "de"/"van"/"el" is a surname; ``streng`` (no name seen yet) wants a listed one
        when it is written in lower case ("collega de wijkcoach" is no name, "mw. de jong" is)."""
        start, eind, tekst = woord
        if _TAG_RE.fullmatch(tekst) or beschermd.raakt(start, eind) or len(tekst) < 2:
            return False
        if lexicon.is_functiewoord(tekst):
            return False
        if tekst[0].isupper():
            return True
        return lexicon.is_achternaam(tekst) or (
            not streng and lexicon is not _LEEG_LEXICON and len(tekst) >= 3 and not lexicon.is_gewoon_woord(tekst)
        )


# ---------------------------------------------------------------------------------------------------------------
# Pattern detectors, in priority order (an earlier detector wins an overlap)
# ---------------------------------------------------------------------------------------------------------------


def _simpel(patroon: re.Pattern[str], categorie: str, groep: str | int = 0) -> _Detector:
    def detector(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
        return [_Vondst(m.start(groep), m.end(groep), categorie) for m in patroon.finditer(tekst)]

    return detector


def _url(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    vondsten = []
    for m in _URL_RE.finditer(tekst):
        start, eind = m.span()
        while eind > start and tekst[eind - 1] in ".,;:)!?'\"":
            eind -= 1
        vondsten.append(_Vondst(start, eind, "URL"))
    return vondsten


def _iban(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    vondsten = [_Vondst(*m.span(), "IBAN") for m in _IBAN_NL_RE.finditer(tekst)]
    for m in _IBAN_RE.finditer(tekst):
        if tekst[m.start() : m.start() + 2].upper() == "NL":
            continue
        # Try the whole match, then without trailing groups (a following acronym may have been taken along).
        kandidaat = m.group()
        while kandidaat:
            if _iban_geldig(kandidaat):
                vondsten.append(_Vondst(m.start(), m.start() + len(kandidaat), "IBAN"))
                break
            knip = kandidaat.rfind(" ")
            kandidaat = kandidaat[:knip] if knip > 4 else ""
    return vondsten


def _bsn(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    return [
        _Vondst(m.start("w"), m.end("w"), "BSN")
        for m in _BSN_RE.finditer(tekst)
        if _elfproef(re.sub(r"\D", "", m.group("w")))
    ]


def _geboortedatum(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    vondsten = []
    for m in _GEBOORTE_RE.finditer(tekst):
        for patroon in (_DATUM_NUM, _DATUM_ISO, _DATUM_TEKST, _GEBOORTE_REST):
            datum = patroon.match(tekst, m.end())
            if datum:
                vondsten.append(_Vondst(datum.start(), datum.end(), "DATUM"))
                break
    return vondsten


def _postcode(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    vondsten = []
    for m in _POSTCODE_RE.finditer(tekst):
        start = m.start("voor") if m.group("voor") is not None else m.start("pc")
        if _overlapt(start, m.start("pc"), bezet):
            start = m.start("pc")
        eind = m.end("na") if m.group("na") is not None else m.end("pc")
        stad = m.group("stad")
        if stad is not None:
            eerste = stad.split()[0].lower().strip("'")
            if not (
                _overlapt(m.start("stad"), m.end("stad"), beschermd)
                or eerste in _TITELS
                or eerste in {"tel", "mail", "email", "e-mail", "bel", "geb", "bsn", "iban", "nr"}
            ):
                eind = m.end("stad")
        vondsten.append(_Vondst(start, eind, "POSTCODE"))
    vondsten += [_Vondst(m.start("w"), m.end("w"), "POSTCODE") for m in _POSTCODE_WOORD_RE.finditer(tekst)]
    return vondsten


def _adres(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    vondsten = []
    for patroon in (_ADRES_TYPE_EERST_RE, _ADRES_RE):
        if patroon is _ADRES_TYPE_EERST_RE and not any(w in tekst for w in _STRAATTYPE_EERST):
            continue
        for m in patroon.finditer(tekst):
            # "Werkplein 2" is a partner's office, not somebody's address.
            if _overlapt(m.start("straat"), m.end("straat"), beschermd):
                continue
            vondsten.append(_Vondst(m.start(), m.end(), "ADRES"))
    return vondsten


def _leeftijd(tekst: str, bezet: list[tuple[int, int]], beschermd: Sequence[tuple[int, int]]) -> list[_Vondst]:
    vondsten: list[_Vondst] = []

    def voeg_toe(start: int, eind: int, gevonden: str) -> None:
        getal = re.match(r"\d+", gevonden)
        if getal and int(getal.group()) <= 120 and not _overlapt(start, eind, beschermd):
            vondsten.append(_Vondst(start, eind, "LEEFTIJD"))

    # Cheap substring checks first: the big alternations of person words are the slowest patterns here.
    for m in _LEEFTIJD_VAN_RE.finditer(tekst) if "van " in tekst else ():
        voeg_toe(m.start("w"), m.end("w"), m.group("w"))
    woorden = [b for b in beschermd if tekst[b[0]] != "["]
    for m in _LEEFTIJD_HAAKJES_RE.finditer(tekst) if "(" in tekst else ():
        # "Voedselbank (2)" counts visits; only a person before the brackets makes it an age
        if not _overlapt(m.start("pre"), m.end("pre"), woorden):
            voeg_toe(m.start("w"), m.end("w"), m.group("w"))
    for m in _LEEFTIJD_JARIG_RE.finditer(tekst):
        voeg_toe(m.start(), m.end(), m.group())
    for m in _LEEFTIJD_JAAR_RE.finditer(tekst):
        voor = _LAATSTE_WOORD_RE.search(tekst, max(0, m.start() - 30), m.start())
        na = re.match(r"\W*(\w+)", tekst[m.end() :])
        if (voor and voor.group(1).lower() in _DUUR_VOOR) or (na and na.group(1).lower() in _DUUR_NA):
            continue
        voeg_toe(m.start(), m.end(), m.group("n"))
    for patroon in (_LEEFTIJD_WOORD_RE, _LEEFTIJD_WORDT_RE, _LEEFTIJD_IS_RE):
        if patroon is _LEEFTIJD_IS_RE and " is " not in tekst:
            continue
        for m in patroon.finditer(tekst):
            voeg_toe(m.start("w"), m.end("w"), m.group("w"))
    return vondsten


# (detector, needs a digit in the text to find anything)
_DETECTOREN: tuple[tuple[_Detector, bool], ...] = (
    (_simpel(_EMAIL_RE, "EMAIL"), False),
    (_url, False),
    (_iban, True),
    (_simpel(_BSN_WOORD_RE, "BSN", "w"), True),
    (_geboortedatum, True),
    (_simpel(_DATUM_NUM, "DATUM"), True),
    (_simpel(_DATUM_ISO, "DATUM"), True),
    (_simpel(_DATUM_TEKST, "DATUM"), True),
    (_simpel(_TELEFOON_RE, "TELEFOON"), True),
    (_bsn, True),
    (_simpel(_DATUM_DAG_MAAND, "DATUM"), True),
    (_adres, True),
    (_postcode, True),
    (_simpel(_ID_WOORD_RE, "ID", "w"), True),
    (_simpel(_ID_RE, "ID"), True),
    (_leeftijd, True),
)


# ---------------------------------------------------------------------------------------------------------------
# Module-level conveniences
# ---------------------------------------------------------------------------------------------------------------

_STANDAARD: dict[str, Scrubber] = {}


def warm_up() -> float:
    """Build or load deduce's lookup structures and the word lists once; return the seconds it took.

    The first call after installing deduce builds its tables (about 1.5 minutes) and caches them in deduce's
    package directory; later processes load that cache (a few seconds).
    """
    begin = time.perf_counter()
    _laad_lexicon(met_deduce=True)
    return time.perf_counter() - begin


def scrub_text(tekst: str) -> str:
    """Scrub one note with the module's default :class:`Scrubber` (with deduce)."""
    with _LAADSLOT:
        scrubber = _STANDAARD.setdefault("scrubber", Scrubber())
    return scrubber.scrub(tekst)[0]
