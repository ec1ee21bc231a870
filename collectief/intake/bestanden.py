"""What kind of file an export is, by its first bytes (not its extension), and which encoding its text has.

A file that is no export at all (a PDF, a Word document, a zip archive, a picture) gets one Dutch message
that says what it is and what to do. Text files are told apart by byte order mark, by UTF-16's pattern of zero
bytes, by whether they are valid UTF-8, and otherwise by which legacy code page (Windows-1252, DOS cp850,
Mac Roman) makes the most sense of their accented letters; a doubtful choice is said, never made silently.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from collectief.errors import CollectiefFout

__all__ = ["Soort", "Tekenset", "bepaal_soort", "bepaal_tekenset"]

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LEGACY = ("cp1252", "cp850", "mac_roman")
_HOOG = re.compile(rb"[\x80-\xff]+")
_LEGACY_NAAM = {"cp1252": "Windows-1252", "cp850": "DOS (cp850)", "mac_roman": "Mac Roman"}
# Letters a Dutch (or Turkish, Moroccan, Polish ...) name or note plausibly holds, and punctuation Word adds.
_LETTERS = set("éëèêïîíöôóòüûúäâáàçñÉËÈÏÖÜÄÇ")
_ZELDZAAM = set("ìùåæœøßčšžłńśćęąğışŠŽ")
_LEESTEKENS = set("€‘’‚“”„–—…•°½«»")


@dataclass(frozen=True)
class Soort:
    """The kind of an export file: ``csv`` (text), ``xlsx``, ``ods`` or ``xls``."""

    naam: str


@dataclass(frozen=True)
class Tekenset:
    """The encoding chosen for a text file; ``melding`` (Dutch) is set when the choice is worth a word."""

    encoding: str
    nul_tekens: bool = False
    melding: str | None = None


def bepaal_soort(pad: Path, begin: bytes) -> Soort:
    """The kind of file by its first bytes; raise a Dutch E020 for files that are no export."""
    if begin.startswith(_ZIP):
        return _zip_soort(pad)
    if begin.startswith(_OLE2):
        return Soort("xls")
    wat = _geen_export(begin)
    if wat:
        raise CollectiefFout("E020", bestand=pad.name, wat=wat[0], oplossing=wat[1])
    return Soort("csv")


def _geen_export(begin: bytes) -> tuple[str, str] | None:
    nieuw = "Exporteer de hulpvragen uit het registratiesysteem als CSV of als Excel-werkmap (.xlsx)."
    if begin.startswith(b"%PDF"):
        return "een PDF-document", "Een PDF kan niet worden ingelezen. " + nieuw
    if begin.startswith((b"\x89PNG", b"\xff\xd8\xff", b"GIF8")):
        return "een afbeelding", "Een afbeelding kan niet worden ingelezen. " + nieuw
    if begin.startswith((b"{\\rtf",)):
        return "een RTF-document", "Kopieer de tabel naar Excel en sla die op als .xlsx, of: " + nieuw
    if begin.startswith((b"\x1f\x8b", b"Rar!", b"7z\xbc\xaf")):
        return "een gecomprimeerd archief", "Pak het archief uit en lees het exportbestand zelf in."
    return None


def _zip_soort(pad: Path) -> Soort:
    try:
        with zipfile.ZipFile(pad) as archief:
            namen = set(archief.namelist())
            mimetype = archief.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in namen else ""
    except (zipfile.BadZipFile, OSError, KeyError):
        raise CollectiefFout(
            "E024", bestand=pad.name, wat="het is beschadigd of onvolledig, geen Excel-werkmap die te openen is"
        ) from None
    if "xl/workbook.xml" in namen or any(n.startswith("xl/worksheets/") for n in namen):
        return Soort("xlsx")
    if mimetype == "application/vnd.oasis.opendocument.spreadsheet":
        return Soort("ods")
    if "word/document.xml" in namen:
        wat, oplossing = "een Word-document (.docx)", "Kopieer de tabel naar Excel en sla die op als .xlsx."
    elif mimetype.startswith("application/vnd.oasis.opendocument"):
        wat, oplossing = "een OpenDocument-bestand dat geen rekenblad is", "Sla de tabel op als .ods of .xlsx."
    elif "ppt/presentation.xml" in namen:
        wat, oplossing = "een PowerPoint-presentatie", "Exporteer de hulpvragen als CSV of .xlsx."
    else:
        wat = "een zip-archief"
        oplossing = "Pak het zip-bestand uit en lees het exportbestand (CSV, XLSX of ODS) dat erin zit in."
    raise CollectiefFout("E020", bestand=pad.name, wat=wat, oplossing=oplossing)


def bepaal_tekenset(pad: Path, begin: bytes) -> Tekenset:
    """The encoding of a text export; raise E003 for binary data that is no text at all."""
    if begin.startswith(codecs.BOM_UTF8):
        return Tekenset("utf-8-sig", nul_tekens=b"\x00" in begin)
    if begin.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Tekenset("utf-16", melding=None)
    proef = begin[:8192]
    if len(proef) >= 4:
        even, oneven = proef[0::2], proef[1::2]
        # UTF-16 without a byte order mark: ASCII text has a zero byte in every other position.
        if oneven.count(0) > 0.4 * len(oneven) and even.count(0) < 0.05 * len(even):
            return Tekenset("utf-16-le")
        if even.count(0) > 0.4 * len(even) and oneven.count(0) < 0.05 * len(oneven):
            return Tekenset("utf-16-be")
    nul = b"\x00" in begin
    zonder_nul = proef.replace(b"\x00", b"")
    stuur = sum(1 for b in zonder_nul if b < 32 and b not in (9, 10, 13)) + zonder_nul.count(127)
    if zonder_nul and stuur > 0.02 * len(zonder_nul):
        raise CollectiefFout("E003", bestand=pad.name, wat="het bestand bevat binaire gegevens, geen tekst")
    nul = nul or _heeft_nul(pad)
    ongeldig, meerbytes = _utf8_telling(pad)
    if not ongeldig:
        return Tekenset("utf-8", nul_tekens=nul)
    if meerbytes >= 20 * ongeldig:
        # Mostly UTF-8 with a few stray bytes (a copy-paste from another program): reading it as a legacy code
        # page would garble every accent, so read UTF-8 and say which share was replaced.
        return Tekenset(
            "utf-8",
            nul_tekens=nul,
            melding=(
                f"Het bestand is UTF-8, maar {ongeldig} teken(s) waren niet leesbaar en zijn vervangen door '\ufffd'."
            ),
        )
    return _kies_legacy(pad, nul)


def _heeft_nul(pad: Path) -> bool:
    with pad.open("rb") as f:
        while blok := f.read(1 << 20):
            if b"\x00" in blok:
                return True
    return False


def _utf8_telling(pad: Path) -> tuple[int, int]:
    """(invalid UTF-8 sequences, valid multi-byte characters), the first counted up to 1000."""
    ongeldig = meerbytes = 0
    with pad.open("rb") as f:
        rest = b""
        while blok := f.read(1 << 20):
            blok = rest + blok
            if blok.isascii():
                rest = b""
                continue
            tekst = blok.decode("utf-8", errors="replace")
            # A sequence cut at the block's end is not invalid: keep its bytes for the next block.
            staart = len(blok) - len(blok.rstrip(bytes(range(0x80, 0x100))))
            rest = blok[len(blok) - staart :] if 0 < staart < 4 else b""
            if rest:
                tekst = blok[: len(blok) - staart].decode("utf-8", errors="replace")
            ongeldig += tekst.count("\ufffd")
            meerbytes += len(tekst) - len(tekst.encode("ascii", "ignore")) - tekst.count("\ufffd")
            if ongeldig >= 1000:
                break
    if rest:
        ongeldig += rest.decode("utf-8", errors="replace").count("\ufffd")
    return ongeldig, meerbytes


def _hoge_bytes(pad: Path, maximum: int = 4000) -> list[bytes]:
    """Runs of non-ASCII bytes with one byte of context on each side, for judging a legacy code page."""
    stukken: list[bytes] = []
    with pad.open("rb") as f:
        while (blok := f.read(1 << 20)) and len(stukken) < maximum:
            stukken.extend(blok[max(0, m.start() - 1) : m.end() + 1] for m in _HOOG.finditer(blok))
    return stukken[:maximum]


def _score(stuk: str) -> int:
    """How plausible a decoded run is as Dutch text: accented letters between letters score, symbols cost."""
    score = 0
    for i, teken in enumerate(stuk):
        if ord(teken) < 128:
            continue
        links = stuk[i - 1] if i > 0 else " "
        rechts = stuk[i + 1] if i + 1 < len(stuk) else " "
        if teken.isupper() and links.islower():
            score -= 2  # 'cafÈ': a capital right after a small letter is a misread small letter
        elif teken.isalpha() and (links.isdigit() or rechts.isdigit()):
            score -= 1  # 'Ç100': a letter stuck to a number is a misread sign (€ 100)
        elif teken in _LETTERS:
            score += 2 if (links.isalpha() or rechts.isalpha()) else 1
        elif teken in _LEESTEKENS:
            score += 0 if (teken in "‚„" and links.isalpha() and rechts.isalpha()) else 1
        elif teken in _ZELDZAAM or teken == "\u00a0":
            score += 0
        else:
            score -= 3
    return score


def _kies_legacy(pad: Path, nul: bool) -> Tekenset:
    stukken = _hoge_bytes(pad)
    scores = {}
    for encoding in _LEGACY:
        scores[encoding] = sum(_score(s.decode(encoding, errors="replace")) for s in stukken)
    volgorde = sorted(_LEGACY, key=lambda e: (-scores[e], _LEGACY.index(e)))
    beste, tweede = volgorde[0], volgorde[1]
    n = max(1, len(stukken))
    melding = None
    twijfel = scores[beste] <= 0 or scores[beste] - scores[tweede] < max(2, n // 4)
    if twijfel:
        melding = (
            f"De tekenset van het bestand is onzeker: gelezen als {_LEGACY_NAAM[beste]}, maar "
            f"{_LEGACY_NAAM[tweede]} is ook mogelijk. Controleer letters met accenten (ë, é, ï); sla het "
            "bestand bij twijfel in Excel op als 'CSV UTF-8'."
        )
    elif beste != "cp1252":
        melding = f"Tekenset {_LEGACY_NAAM[beste]} herkend (geen UTF-8 of Windows-1252)."
    return Tekenset(beste, nul_tekens=nul, melding=melding)
