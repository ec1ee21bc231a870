"""Upload of an export on the Gegevens page: check it without storing anything, then scrub and store it as one
transaction. Every problem becomes one Dutch message, never a traceback; the raw file exists only for the
duration of the check or the import, in a private temporary folder.

Hook for the reworked intake (issue 8): when several columns could hold a field, or a workbook has several
sheets, :class:`Uploadcontrole` carries ``kandidaten`` and ``bladen`` for the page to ask. They stay empty until
the intake reports them.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from collectief.errors import CollectiefFout
from collectief.intake import ALIASSEN, VELDEN, open_export
from collectief.intake.kolommen import kolomletter
from collectief.records import SCRUB_CATEGORIEEN, ImportRapport
from collectief.store import Store

if TYPE_CHECKING:
    from collectief.privacy import Scrubber

__all__ = [
    "MAX_UPLOAD_MB",
    "TYPES",
    "VELDEN",
    "Uploadcontrole",
    "Uploaduitkomst",
    "controleer_upload",
    "importeer_upload",
    "importverslag",
    "raad_koppeling",
    "rapporttabellen",
]

log = logging.getLogger(__name__)

#: The largest upload the dashboard reads: about 130,000 notes of average length. Bigger exports are split by
#: period (re-importing overlapping rows adds nothing) or imported with ``collectief import``. Streamlit's own
#: limit (``server.maxUploadSize`` in ``.streamlit/config.toml``) is the same, so one limit is shown.
MAX_UPLOAD_MB = 40
TYPES = ("csv", "txt", "tsv", "xlsx", "ods", "xls")
#: The accepted file types as a team reads them ("CSV, TXT, TSV, XLSX, ODS of XLS"), for labels and hints.
SOORTEN = f"{', '.join(t.upper() for t in TYPES[:-1])} of {TYPES[-1].upper()}"


@dataclass(frozen=True)
class Uploadcontrole:
    """Whether an uploaded file can be imported. ``melding`` (Dutch) says why not; when only the text column is
    not recognised, ``koppeling_nodig`` is set too and ``kolommen`` holds the file's column names to choose from.
    ``koppeling`` is the column mapping found (field → column name) when the file can be imported.
    ``kandidaten``: per field with more than one column that could hold it, (column letter, what the team reads:
    the column and the intake's reason) best first (the page asks which); ``bladen``: the sheets of a workbook and
    ``blad`` the one read (the page lets the user choose)."""

    melding: str | None = None
    koppeling_nodig: bool = False
    kolommen: tuple[str, ...] = ()
    koppeling: dict[str, str] = field(default_factory=dict)
    kandidaten: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    bladen: tuple[str, ...] = ()
    blad: str | None = None

    @property
    def ok(self) -> bool:
        return self.melding is None


@dataclass(frozen=True)
class Uploaduitkomst:
    """The result of importing an upload: the report, or a Dutch message (then nothing was stored)."""

    controle: Uploadcontrole
    rapport: ImportRapport | None = None

    @property
    def melding(self) -> str | None:
        return self.controle.melding


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.1f}".replace(".", ",")


def _vooraf(naam: str, grootte: int) -> str | None:
    """Checks that need no reading: size and file type."""
    naam = Path(naam).name or "bestand"
    if grootte > MAX_UPLOAD_MB * 1_000_000:
        return (
            f"Het bestand '{naam}' is {_mb(grootte)} MB; het dashboard leest bestanden tot {MAX_UPLOAD_MB} MB "
            "(ruim 100.000 hulpvragen). Exporteer een kortere periode, bijvoorbeeld per kwartaal, en lees de delen "
            "na elkaar in: hulpvragen die al in de database staan, worden herkend en niet dubbel geteld. Een groter "
            "bestand kan ook in één keer worden ingelezen met de opdracht: collectief import BESTAND."
        )
    extensie = Path(naam).suffix.lower()
    if extensie not in {"." + t for t in TYPES}:
        wat = (
            "een oud Excel-bestand (.xls); sla het in Excel op als 'Excel-werkmap (.xlsx)'"
            if extensie == ".xls"
            else f"extensie '{extensie or '(geen)'}'"
        )
        return str(CollectiefFout("E007", bestand=naam, wat=wat))
    return None


def raad_koppeling(kolommen: Sequence[str]) -> dict[str, str]:
    """A first guess for the column mapping: the column whose name starts with a known alias, per field."""

    def normaal(naam: str) -> str:
        tekst = unicodedata.normalize("NFKD", naam)
        return "".join(c for c in tekst if not unicodedata.combining(c)).strip().lower()

    gok: dict[str, str] = {}
    for veld, aliassen in ALIASSEN.items():
        for kolom in kolommen:
            if kolom not in gok.values() and any(normaal(kolom).startswith(a) for a in aliassen):
                gok[veld] = kolom
                break
    return gok


def _in_tijdelijk_bestand(naam: str, data: bytes, map_: Path) -> Path:
    pad = map_ / (Path(naam).name or "upload.csv")
    pad.write_bytes(data)
    return pad


def _met_blad(blad: str | None) -> dict[str, str]:
    # Only named when the user chose a sheet, so this also runs on an intake without sheet choice.
    return {"blad": blad} if blad else {}


def controleer_upload(
    naam: str, data: bytes, koppeling: Mapping[str, str] | None = None, blad: str | None = None
) -> Uploadcontrole:
    """Check an uploaded file without storing anything: a Dutch message for every file that cannot be used.

    ``blad``: the workbook sheet the user chose (``None``: the one the intake picks)."""
    melding = _vooraf(naam, len(data))
    if melding:
        return Uploadcontrole(melding)
    with tempfile.TemporaryDirectory(prefix="collectief-upload-") as map_:
        pad = _in_tijdelijk_bestand(naam, data, Path(map_))
        try:
            export = open_export(pad, koppeling, **_met_blad(blad))
        except CollectiefFout as fout:
            kolommen = tuple(fout.details.get("koppen", ())) if fout.code == "E004" else ()
            if kolommen:
                return Uploadcontrole(
                    f"In '{Path(naam).name}' is geen kolom met de tekst van de hulpvraag herkend. Kies hieronder "
                    "welke kolom de tekst bevat (en eventueel welke kolommen datum, wijk, huishouden en tijd "
                    "bevatten).",
                    koppeling_nodig=True,
                    kolommen=kolommen,
                )
            return Uploadcontrole(str(fout))
        except Exception as fout:  # never a traceback for the user: name the problem, store nothing
            log.warning("Upload niet leesbaar: %s", type(fout).__name__)
            return Uploadcontrole(
                f"Het bestand '{Path(naam).name}' kon niet worden gelezen ({type(fout).__name__}). Controleer of het "
                "een CSV-export of Excel-werkmap (.xlsx) is en exporteer het zo nodig opnieuw."
            )
        # The reworked intake (issue 8) reports the columns that could fit a field, and a workbook's sheets.
        # Each option is (the column's letter, what the team reads): the letter is what the intake's mapping takes
        # (a shown name may be quoted or carry its letter when two columns share a name).
        kandidaten = {
            veld: tuple((kolomletter(k.positie), f"{k.kolom}: {k.reden}") for k in lijst)
            for veld, lijst in export.kandidaten.items()
            if len(lijst) > 1
        }
        return Uploadcontrole(
            koppeling=dict(export.kolommen),
            kandidaten=kandidaten,
            bladen=tuple(export.bladen),
            blad=export.blad,
        )


def importeer_upload(
    naam: str,
    data: bytes,
    store: Store,
    koppeling: Mapping[str, str] | None = None,
    scrubber: Scrubber | None = None,
    voortgang: Callable[[float], None] | None = None,
    blad: str | None = None,
) -> Uploaduitkomst:
    """Check, scrub and store an uploaded export as one transaction; a Dutch message instead of any error.

    The raw file exists only for the duration of the import, in a private temporary folder.
    """
    from collectief.importer import importeer  # loads the de-identifier: only when a file is really imported

    controle = controleer_upload(naam, data, koppeling, blad)
    if not controle.ok:
        return Uploaduitkomst(controle)
    map_ = Path(tempfile.mkdtemp(prefix="collectief-upload-"))
    try:
        pad = _in_tijdelijk_bestand(naam, data, map_)
        rapport = importeer(pad, store, koppeling=koppeling, scrubber=scrubber, voortgang=voortgang, **_met_blad(blad))
    except CollectiefFout as fout:
        return Uploaduitkomst(Uploadcontrole(str(fout)))
    except Exception as fout:
        log.warning("Import mislukt: %s", type(fout).__name__)
        return Uploaduitkomst(
            Uploadcontrole(
                f"Het inlezen van '{Path(naam).name}' is mislukt ({type(fout).__name__}); er is niets opgeslagen. "
                "Controleer het bestand en probeer het opnieuw."
            )
        )
    finally:
        shutil.rmtree(map_, ignore_errors=True)
    if rapport.geaccepteerd == 0:
        return Uploaduitkomst(
            Uploadcontrole(
                f"In '{Path(naam).name}' staat geen enkele bruikbare hulpvraag ({rapport.afgewezen} rijen afgewezen). "
                "Controleer of de juiste kolom als tekst is gekozen."
            ),
            rapport,
        )
    return Uploaduitkomst(controle, rapport)


def importverslag(batch: Mapping[str, Any]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The stored report of one import (a row of ``Store.batches()``): rejected rows with their reason, and the
    personal data removed per category."""
    try:
        afwijzingen = json.loads(batch.get("afwijzingen") or "[]")
        gescrubd = json.loads(batch.get("gescrubd") or "{}")
    except ValueError:
        afwijzingen, gescrubd = [], {}
    # Stored as the number a person sees (the Excel row or editor line), as the terminal shows it.
    afgewezen = pd.DataFrame({"Rij": [int(r) for r, _ in afwijzingen], "Reden": [str(x) for _, x in afwijzingen]})
    verwijderd = pd.DataFrame(
        {
            "Soort": [SCRUB_CATEGORIEEN.get(c, c.lower()) for c in sorted(gescrubd)],
            "Verwijderd": [gescrubd[c] for c in sorted(gescrubd)],
        }
    )
    return afgewezen, verwijderd


def rapporttabellen(rapport: ImportRapport) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """The report of an import just done, as three tables: rejected rows (``Rij``, ``Reden``), warnings about rows
    that were used (``Rij``, ``Waarschuwing``), and personal data removed per kind (``Soort``, ``Verwijderd``).
    Row numbers are the data rows as a team member counts them (1 = the first row under the header)."""
    afgewezen = pd.DataFrame(
        {"Rij": [a.rij + 1 for a in rapport.afwijzingen], "Reden": [a.reden for a in rapport.afwijzingen]}
    )
    waarschuwingen = pd.DataFrame(
        {"Rij": [a.rij + 1 for a in rapport.waarschuwingen], "Waarschuwing": [a.reden for a in rapport.waarschuwingen]}
    )
    per_soort = rapport.gescrubd.per_categorie
    verwijderd = pd.DataFrame(
        {
            "Soort": [SCRUB_CATEGORIEEN.get(c, c.lower()) for c in sorted(per_soort)],
            "Verwijderd": [per_soort[c] for c in sorted(per_soort)],
        }
    )
    return afgewezen, waarschuwingen, verwijderd
