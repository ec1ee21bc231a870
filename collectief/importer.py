"""Intake → privacy → store, batch by batch, so a large export never sits in memory whole."""

from __future__ import annotations

import dataclasses
import secrets
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path

from collectief.intake import Export, open_export
from collectief.privacy import Scrubber
from collectief.records import Afwijzing, Hulpvraag, ImportRapport, RuweRij
from collectief.store import Store, pseudoniem

__all__ = ["BATCH_GROOTTE", "gescrubde_batches", "importeer", "lees_gescrubd"]

BATCH_GROOTTE = 2000

Voortgang = Callable[[float], None]


def gescrubde_batches(
    export: Export,
    scrubber: Scrubber,
    rapport: ImportRapport,
    voortgang: Voortgang | None = None,
    batch_grootte: int = BATCH_GROOTTE,
) -> Iterator[list[Hulpvraag]]:
    """Stream the export's rows as scrubbed hulpvragen, filling ``rapport`` as it goes.

    After the generator is exhausted, ``rapport.data_rijen == rapport.geaccepteerd + rapport.afgewezen``.
    """
    rapport.kolommen = dict(export.kolommen)
    wachtrij: list[RuweRij] = []

    def verwerk() -> list[Hulpvraag]:
        teksten = (r.tekst for r in wachtrij)
        batch = []
        for ruw, (tekst, telling) in zip(wachtrij, scrubber.scrub_many(teksten), strict=True):
            rapport.gescrubd.update(telling)
            # A household column that holds person names (the intake flags it): counted, so the summary can say
            # that only a pseudonym of it is kept.
            if ruw.huishouden is not None and getattr(ruw, "huishouden_uit_naam", False):
                rapport.huishoudens_uit_namen += 1
            batch.append(
                Hulpvraag(
                    rij=ruw.rij,
                    tekst=tekst,
                    datum=ruw.datum,
                    wijk=ruw.wijk,
                    huishouden=ruw.huishouden,
                    minuten=ruw.minuten,
                    bron_id=ruw.bron_id,
                    regel=ruw.regel,
                )
            )
        rapport.geaccepteerd += len(batch)
        wachtrij.clear()
        if voortgang is not None:
            voortgang(export.voortgang)
        return batch

    for item in export.rijen():
        rapport.data_rijen += 1
        if isinstance(item, Afwijzing):
            rapport.afwijzingen.append(item)
            continue
        wachtrij.append(item)
        if len(wachtrij) >= batch_grootte:
            yield verwerk()
    if wachtrij:
        yield verwerk()
    rapport.waarschuwingen = list(export.waarschuwingen)
    rapport.lege_regels_einde = export.lege_regels_einde
    rapport.inlezen = export.verslag
    if voortgang is not None:
        voortgang(1.0)


def lees_gescrubd(
    pad: str | Path,
    koppeling: Mapping[str, str] | None = None,
    scrubber: Scrubber | None = None,
    voortgang: Voortgang | None = None,
    blad: str | None = None,
) -> tuple[list[Hulpvraag], ImportRapport]:
    """Read and scrub a whole export without storing it (for ``collectief analyse FILE``).

    Households are pseudonymised with a key made for this call only, as the store does with its own key: they
    can be counted, and a name in a household column does not travel on in clear.
    """
    export = open_export(pad, koppeling, blad=blad)
    rapport = ImportRapport(bestand=Path(pad).name)
    sleutel = secrets.token_bytes(32)
    hulpvragen: list[Hulpvraag] = []
    for batch in gescrubde_batches(export, scrubber or Scrubber(), rapport, voortgang):
        hulpvragen.extend(
            dataclasses.replace(h, huishouden=pseudoniem(sleutel, h.huishouden)) if h.huishouden is not None else h
            for h in batch
        )
    return hulpvragen, rapport


def importeer(
    pad: str | Path,
    store: Store,
    koppeling: Mapping[str, str] | None = None,
    scrubber: Scrubber | None = None,
    voortgang: Voortgang | None = None,
    blad: str | None = None,
) -> ImportRapport:
    """Import an export into the store as one transaction; re-importing the same rows adds nothing.

    Afterwards ``geaccepteerd == nieuw_opgeslagen + al_aanwezig`` and ``geaccepteerd + afgewezen == data_rijen``:
    a row the database refuses is moved from accepted to rejected with its reason, never counted as present.
    Raises :class:`~collectief.errors.CollectiefFout` when the file or the database cannot be used; the store is
    then unchanged, as it is after any other error during the import. ``blad`` picks a workbook's sheet by name.
    """
    export = open_export(pad, koppeling, blad=blad)
    rapport = ImportRapport(bestand=Path(pad).name)
    # Load the scrubber (seconds) before taking the database's write lock, not while holding it.
    scrubber = scrubber or Scrubber()
    with store.transactie() as imp:
        for batch in gescrubde_batches(export, scrubber, rapport, voortgang):
            imp.schrijf(batch)
        if imp.geweigerd:
            rapport.geaccepteerd -= len(imp.geweigerd)
            rapport.geweigerd = len(imp.geweigerd)
            rapport.afwijzingen = sorted([*rapport.afwijzingen, *imp.geweigerd], key=lambda a: a.rij)
        rapport.nieuw_opgeslagen = imp.nieuw
        rapport.al_aanwezig = imp.al_aanwezig
        rapport.id_botsingen = imp.id_botsingen
        imp.sluit(rapport)
    return rapport
