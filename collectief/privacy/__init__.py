"""Privacy stage: remove personal data from hulpvraag notes before anything is stored, shown, logged or exported.

A :class:`Scrubber` runs named steps in order (docdeid's shape: one small abstract step with ``process``, named
groups that can be switched off, a thin entry point); each step replaces what it finds by a readable Dutch tag
(``[NAAM]``, ``[TELEFOON]``, ``[EMAIL]``, ``[ADRES]``, ``[POSTCODE]``, ``[BSN]``, ``[IBAN]``, ``[DATUM]``,
``[LEEFTIJD]``, ``[URL]``, ``[ID]``, ``[KENTEKEN]``, ``[ACCOUNT]``, ``[INSTELLING]``) and counts it in a
:class:`~collectief.records.ScrubTelling` under the tag name. The steps (:func:`~.scrubber.bouw_stappen`):

1. ``normaliseren`` (``normaliseren.py``): Unicode normalisation; the normalised text is what is stored.
2. ``patronen``: everything with a fixed form (``patronen.py``), institutions (``instellingen.py``) and ages
   (``leeftijden.py``), each a named detector; an earlier detector wins an overlap.
3. ``deduce`` (``deduce_stap.py``): the Dutch de-identifier, for names.
4. ``namen`` (``namen.py``): context rules for names deduce misses in wijkteam notes.
5. ``patronen_na_namen``: the patterns once more, when a name went ("[NAAM] (82)").

Word lists are data (``collectief/data/privacy/<lijst>/items.txt`` + ``exceptions.txt``, ``woordenlijsten.py``),
checked on load; a malformed line stops with E060 naming file and line.

Decisions
---------
* **deduce tags kept or dropped.** ``persoon``/``patient`` → ``NAAM``; ``locatie`` with a digit → ``POSTCODE``
  (when it holds a postcode) or ``ADRES``; ``ziekenhuis``/``zorginstelling`` → ``INSTELLING`` when the name has
  two words or more (its list also holds single generic words); any other tag → ``ID`` (fail safe). *Kept in the
  text*: a ``locatie`` without digits (a city, village or region: it identifies nobody on its own, the wijk names
  are an analysis dimension, and the list holds many ordinary words). A street name without a house number also
  stays ("huurders aan de Kerkstraat klagen over schimmel" is a wijk signal). A deduce name that is only an
  acronym ("collega SHV") or a sentence-opening verb or adverb that happens to be a surname ("Pas bevallen") is
  dropped.
* **Protected words.** The theme and partner words of the list ``beschermd`` (huurtoeslag, Voedselbank, UWV,
  Veilig Thuis, the wijk names, ...) are never part of a tag: a deduce name span that covers one is cut around
  it. The price: a person whose surname is exactly such a word ("mw. Noord") keeps it. Partner organisations'
  own names ("Stichting Jarige Job", "Buurthuis De Boei") stay; schools and care institutions
  ("Basisschool De Regenboog", "verpleeghuis Het Zonnehuis") become ``[INSTELLING]``: a child's school or a
  parent's care home narrows a household down to a few in a wijk.
* **Titles and roles stay**, only the name after them goes: "Mw. Jansen belt" → "Mw. [NAAM] belt".
* **Dates.** Every date with a day in it becomes ``[DATUM]``; a month or year alone stays ("per januari",
  "sinds 2019"), except right after geboren/geb./geboortedatum.
* **Ages** become ``[LEEFTIJD]``, in digits or in words ("zoon van 17", "mw. (82)", "82-jarige",
  "vierentachtigjarige", "een vrouw van negenenzestig", "man van in de veertig"), except a threshold age 18,
  21, 27 or 67 in a turning or rule phrase ("kind wordt 18", "onder de 27", "AOW-leeftijd 67"): those ages
  change zorgtoeslag/DigiD (18), the jongerennorm (21), the kostendelersnorm (27) and AOW (67), the very
  recurring-theme signal this tool looks for. Durations ("al 3 jaar", "twee jaar geleden") stay.
* **Numbers.** Nine digits passing the 11-proef → ``BSN``; eight or nine digits after "BSN" → ``BSN``. Any other
  run of seven or more digits → ``ID``. Foreign phone numbers (+32, 0048, ...; 8-15 digits) are ``TELEFOON``
  like Dutch ones.
* **Licence plates**: the 14 Dutch side codes, with dashes in capitals or lower case, without dashes only in
  capitals or after a word such as kenteken/auto. "A-12", amounts and digit-only groups are never a plate.
* **E-mail written out** ("jan at gmail dot com", "jan[at]hotmail[punt]nl") counts once its last label is a
  known provider or top-level domain (list ``maildomeinen``). **Accounts**: "@naam", and a handle after a
  platform word ("insta: x", "tiktok @x", "fb: Naam Achternaam").
* **Idempotent, never nested.** Existing tags block every step, so scrubbing scrubbed text changes nothing.
* **No text in logs.** Nothing here prints or logs a note; deduce's ``logging.basicConfig`` on import is undone.
* **Speed.** deduce needs ~0.5 ms for a short note once loaded; loading its tables from its cache takes ~7 s and
  ~1.1 GB, so one process scrubs 100,000 notes well inside the target (see ``bench/bench_privacy.py``).

Without deduce (``Scrubber(use_deduce=False)``) only the patterns and the context rules run: fixed-form data is
still removed, most names are not. That mode exists for quick tests, never for real exports.
"""

from __future__ import annotations

from collectief.privacy.notitie import TAGS
from collectief.privacy.scrubber import Scrubber, bouw_stappen, scrub_text, warm_up

__all__ = ["TAGS", "Scrubber", "bouw_stappen", "scrub_text", "warm_up"]
