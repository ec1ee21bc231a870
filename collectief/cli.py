"""The ``collectief`` command line: ``import``, ``analyse``, ``gestart`` and ``voorbereiden`` (one-time set-up)."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import re
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from collectief.errors import CollectiefFout
from collectief.records import SCRUB_CATEGORIEEN, ImportRapport

__all__ = ["main"]

log = logging.getLogger("collectief")


class _Voortgangsbalk:
    """A plain progress bar on stderr, updated at most ten times a second."""

    def __init__(self, label: str, aan: bool) -> None:
        self.label, self.aan, self._laatst = label, aan, 0.0

    def __call__(self, deel: float) -> None:
        nu = time.monotonic()
        if not self.aan or (deel < 1.0 and nu - self._laatst < 0.1):
            return
        self._laatst = nu
        gevuld = int(deel * 30)
        sys.stderr.write(f"\r{self.label} [{'#' * gevuld}{'.' * (30 - gevuld)}] {deel:4.0%}")
        if deel >= 1.0:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _koppeling(paren: Sequence[str] | None) -> dict[str, str]:
    from collectief.intake import VELDEN

    resultaat = {}
    for paar in paren or ():
        veld, _, kolom = paar.partition("=")
        if not kolom:
            raise CollectiefFout("E006", koppeling=paar, wat="het '='-teken ontbreekt", velden=", ".join(VELDEN))
        resultaat[veld.strip()] = kolom.strip()
    return resultaat


_SOORTNAAM = {"csv": "CSV-tekst", "xlsx": "Excel-werkmap", "xls": "oude Excel-werkmap", "ods": "ODS-rekenblad"}
_SCHEIDING = {";": "puntkomma", ",": "komma", "\t": "tab", "|": "verticale streep"}


def _bestandsregel(rapport: ImportRapport) -> str:
    lezen = rapport.inlezen
    if lezen is None:
        return f"Bestand: {rapport.bestand}"
    delen = [_SOORTNAAM.get(lezen.soort, lezen.soort)]
    if lezen.blad is not None:
        delen.append(f"werkblad '{lezen.blad}'")
    if lezen.encoding:
        delen.append(f"tekenset {lezen.encoding}")
    if lezen.scheidingsteken:
        delen.append(f"scheidingsteken {_SCHEIDING.get(lezen.scheidingsteken, lezen.scheidingsteken)}")
    waar = "rij" if lezen.soort != "csv" else "regel"
    delen.append(f"kopregel op {waar} {lezen.kopregel}")
    return f"Bestand: {rapport.bestand} ({', '.join(delen)})"


def rapport_tekst(rapport: ImportRapport) -> str:
    """The import report as the Dutch summary a team member reads.

    Row numbers are the ones the team member sees: the row in Excel, or the line in a text editor. Column
    choices are explained by what the columns hold (counts and kinds), never by their content.
    """
    waar = "regel" if rapport.inlezen is None or rapport.inlezen.soort == "csv" else "rij"
    regels = [
        _bestandsregel(rapport),
        f"Gegevensrijen: {rapport.data_rijen}",
        f"Geaccepteerd: {rapport.geaccepteerd} (nieuw opgeslagen: {rapport.nieuw_opgeslagen}, "
        f"al aanwezig: {rapport.al_aanwezig})",
        f"Afgewezen: {rapport.afgewezen}",
    ]
    regels += _opslagregels(rapport)
    regels += [f"  - {waar} {a.getoond}: {a.reden}" for a in rapport.afwijzingen[:50]]
    if rapport.afgewezen > 50:
        regels.append(f"  ... en nog {rapport.afgewezen - 50} afgewezen rijen")
    if rapport.waarschuwingen:
        regels.append(f"Waarschuwingen (hulpvraag wel gebruikt): {len(rapport.waarschuwingen)}")
        regels += [f"  - {waar} {a.getoond}: {a.reden}" for a in rapport.waarschuwingen[:20]]
        if len(rapport.waarschuwingen) > 20:
            regels.append(f"  ... en nog {len(rapport.waarschuwingen) - 20} waarschuwingen")
    if rapport.lege_regels_einde:
        regels.append(f"Lege regels aan het eind van het bestand overgeslagen: {rapport.lege_regels_einde}")
    if rapport.gescrubd.totaal:
        regels.append(f"Persoonsgegevens verwijderd: {rapport.gescrubd.totaal}")
        for categorie, n in sorted(rapport.gescrubd.per_categorie.items()):
            regels.append(f"  - {SCRUB_CATEGORIEEN.get(categorie, categorie.lower())}: {n}")
    else:
        regels.append("Persoonsgegevens verwijderd: geen gevonden")
    kolommen = ", ".join(f"{veld} ← '{kolom}'" for veld, kolom in rapport.kolommen.items())
    regels.append(f"Kolommen: {kolommen}")
    if rapport.inlezen is not None:
        for keuze in rapport.inlezen.keuzes:
            regels.append(f"  - {keuze.veld} ← '{keuze.kolom}': {keuze.reden}")
        if rapport.inlezen.meldingen:
            regels.append("Meldingen over het bestand:")
            regels += [f"  - {melding}" for melding in rapport.inlezen.meldingen]
    return "\n".join(regels)


def _opslagregels(rapport: ImportRapport) -> list[str]:
    """What the database did with the accepted rows, beyond new and present (export ids that collided, refusals)."""
    regels = []
    if rapport.id_botsingen:
        regels.append(
            f"Let op: {rapport.id_botsingen} rijen hadden een volgnummer dat al bestond, maar een andere inhoud; ze "
            "zijn als nieuw opgeslagen. Komen ze uit een ander team of een nieuw jaar, dan klopt dat. Is het dezelfde "
            "export met aangepaste notities, dan staan die hulpvragen nu twee keer in de database."
        )
    if rapport.huishoudens_uit_namen:
        regels.append(
            f"De huishoudkolom bevat namen ({rapport.huishoudens_uit_namen} rijen): collectief bewaart daarvan alleen "
            "een pseudoniem (hh-...), nooit de naam zelf. Gebruik liever een cliënt- of dossiernummer."
        )
    if rapport.geweigerd:
        regels.append(
            f"Let op: de database weigerde {rapport.geweigerd} rijen (ze staan bij de afgewezen rijen); de rest is "
            "wel opgeslagen."
        )
    return regels


def _cmd_import(args: argparse.Namespace) -> int:
    from collectief.importer import importeer
    from collectief.store import Store

    balk = _Voortgangsbalk("Importeren", aan=not args.stil)
    with Store(args.db, wachttijd=args.wacht) as store:
        store.controleer_schrijven()
        rapport = importeer(args.bestand, store, koppeling=_koppeling(args.kolom), voortgang=balk, blad=args.blad)
        print(rapport_tekst(rapport))
        print(f"Database: {store.pad} ({store.aantal_hulpvragen()} hulpvragen in totaal)")
    return 0


def _is_database(pad: Path) -> bool:
    try:
        with pad.open("rb") as f:
            return f.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _cmd_analyse(args: argparse.Namespace) -> int:
    import pandas as pd

    from collectief import aannames_opslag
    from collectief.aanbod import laad_aanbod
    from collectief.actie import Periode, maak_plan
    from collectief.analysis import afwijzingen_frame, als_dataframe, analyseer, invoer_uit_database
    from collectief.begrippen import laad_begrippen
    from collectief.catalogue import laad_catalogus
    from collectief.export import schrijf_bestanden, schrijf_rapport
    from collectief.importer import lees_gescrubd
    from collectief.store import Store
    from collectief.themes import ThemaModel

    catalogus = () if args.no_catalogue else laad_catalogus(args.catalogus)
    begrippen = laad_begrippen(args.begrippen) if args.begrippen else None
    aanbod = laad_aanbod(args.aanbod)
    try:
        periode = Periode(tot=args.tot, standaard_maanden=args.maanden)
    except ValueError:
        raise CollectiefFout("E080", waarde=args.tot) from None
    balk = _Voortgangsbalk("Inlezen", aan=not args.stil)
    store = None
    gestart = besluiten = team = None
    # argparse gives a Path: the word 'database' (the default database) is compared as text.
    standaard_db = str(args.invoer) == "database" and not args.invoer.exists()
    if standaard_db or _is_database(args.invoer):
        store = Store(args.db if standaard_db else args.invoer)
        # One snapshot: an import running meanwhile in another process is either wholly in it or not at all.
        with store.momentopname():
            df = invoer_uit_database(store)  # the same frame the dashboard analyses
            gestart, besluiten = store.gestart_aanbod(), store.besluiten()
        # The team's decisions, assumptions and started offers apply here as on the dashboard.
        team = aannames_opslag.lees(store)
        afgewezen = pd.DataFrame(
            {"regel": pd.Series(dtype=int), "rij": pd.Series(dtype=int), "reden": pd.Series(dtype=str)}
        )
        met_id = bool(df["id"].notna().any())
        bron = f"de database {store.pad.name}"
        print(f"Database: {store.pad} ({len(df)} hulpvragen)")
    else:
        hulpvragen, rapport = lees_gescrubd(args.invoer, _koppeling(args.kolom), voortgang=balk, blad=args.blad)
        df = als_dataframe(hulpvragen)
        afgewezen = afwijzingen_frame(rapport.afwijzingen)
        met_id = "id" in rapport.kolommen
        bron = Path(args.invoer).name
        print(rapport_tekst(rapport))
    vorige = ThemaModel.laad(args.model, catalogus) if args.model and args.model.exists() else None
    analyse = analyseer(
        df,
        catalogus,
        seed=args.seed,
        min_grootte=args.min_size,
        k=args.k,
        vorige=vorige,
        cache=store,
        begrippen=begrippen,
    )
    if store is not None:
        store.close()
    plan = maak_plan(analyse, besluiten, team, gestart, periode, args.wijk, args.k, catalogus=aanbod)
    schrijf_bestanden(plan, args.out, afgewezen, met_id=met_id)
    schrijf_rapport(plan, args.out, bron=bron, gemaakt=dt.date.today(), afgewezen=len(afgewezen), team=args.team)
    if args.model:
        analyse.model.opslaan(args.model)
    print(f"NLP-pijplijn: {analyse.pipeline}")
    for melding in analyse.meldingen:
        print(melding)
    for reden in plan.overgeslagen:
        print(reden)
    print(f"Thema's ({len(plan.herhaling.themas)}):")
    for h in plan.herhaling.themas:
        thema = plan.themas.get(h.thema_id)
        soort = thema.bron if thema is not None else "overig"
        print(f"  - {plan.naam(h.thema_id)} [{h.thema_id}, {soort}]: {h.totaal} hulpvragen")
    terugkerend = plan.herhaling.terugkerend
    waar = f" in {plan.wijk}" if plan.wijk else ""
    print(f"Terugkerend {plan.herhaling.periode}{waar}: {len(terugkerend)} thema's")
    groeps = plan.groepsvoorstellen
    if groeps:
        print(f"Voorstellen ({len(groeps)}; de beste eerst):")
        for v in groeps[:5]:
            waar = f" in {v.wijk}" if v.wijk else ""
            print(f"  - {v.thema}{waar}: {v.aanbod} [{v.aanbod_id}]")
    for effect in plan.effecten:
        waar = f" in {effect.wijk}" if effect.wijk else ""
        print(f"Gestart: {effect.thema}{waar}, {effect.aanbod}: {effect.resultaat.oordeel.label}")
    print(
        f"Geschreven naar {args.out}: hulpvragen.csv, themas.csv, afgewezen.csv, voorstellen.csv, rapport.md, "
        "rapport.html"
    )
    return 0


_DATUMVORMEN = (
    ("%Y-%m-%d", re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")),
    ("%d-%m-%Y", re.compile(r"^\d{1,2}-\d{1,2}-\d{4}$")),
)
_THEMA_ID = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


class _Invoerfout(Exception):
    """A Dutch message about a command-line value; the CLI prints it and exits with code 2."""


def _startdatum(tekst: str) -> dt.date:
    """``JJJJ-MM-DD`` (or ``DD-MM-JJJJ``, as Dutch spreadsheets write it) as a date."""
    tekst = tekst.strip()
    for vorm, patroon in _DATUMVORMEN:
        if patroon.match(tekst):
            try:
                return dt.datetime.strptime(tekst, vorm).date()
            except ValueError:
                raise _Invoerfout(
                    f"de startdatum '{tekst}' bestaat niet. Controleer dag en maand, bijvoorbeeld 2026-06-01."
                ) from None
    raise _Invoerfout(
        f"de startdatum '{tekst}' heeft geen bekende vorm. Schrijf de datum als JJJJ-MM-DD, bijvoorbeeld "
        "--start 2026-06-01."
    )


def _cmd_gestart(args: argparse.Namespace) -> int:
    from collectief.aanbod import laad_aanbod
    from collectief.actie import zoek_aanbod
    from collectief.catalogue import laad_catalogus
    from collectief.store import Store

    try:
        start = _startdatum(args.start)
        thema_id = args.thema_id.strip()
        if not _THEMA_ID.match(thema_id):
            raise _Invoerfout(
                f"'{thema_id}' is geen thema-id. Gebruik het id uit themas.csv of voorstellen.csv (kolom thema_id), "
                "bijvoorbeeld toeslagen."
            )
        individueel = {t.id for t in laad_catalogus(args.catalogus) if t.individueel}
        catalogus = laad_aanbod(args.aanbod)
        if thema_id in individueel:  # the theme catalogue keeps the safety themes flagged
            raise _Invoerfout(
                f"het thema '{thema_id}' is alleen voor individuele opvolging; daar hoort geen groepsaanbod bij."
            )
        gevonden = zoek_aanbod(catalogus, args.aanbod_naam)
        if gevonden is not None and gevonden.soort == "individueel":
            raise _Invoerfout(f"'{gevonden.naam}' is individuele opvolging, geen collectief aanbod om te starten.")
        if gevonden is not None and gevonden.soort == "collectief" and gevonden.thema != thema_id:
            raise _Invoerfout(
                f"het aanbod '{gevonden.naam}' hoort bij thema '{gevonden.thema}', niet bij '{thema_id}'. "
                "Controleer het thema-id of het aanbod (zie voorstellen.csv)."
            )
    except _Invoerfout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    wijk = " ".join(args.wijk.split()) if args.wijk and args.wijk.strip() else None
    opgeslagen = gevonden.id if gevonden is not None else " ".join(args.aanbod_naam.split())
    naam = gevonden.naam if gevonden is not None else opgeslagen
    with Store(args.db, wachttijd=args.wacht) as store:
        store.markeer_gestart(thema_id, opgeslagen, start, wijk=wijk, notitie=args.notitie)
        pad = store.pad
    waar = f" in {wijk}" if wijk else " in het hele werkgebied"
    print(f"Opgeslagen: '{naam}' voor thema '{thema_id}'{waar} is gestart op {start:%d-%m-%Y}.")
    if gevonden is None:
        print(
            "Let op: dit aanbod staat niet in de aanbodcatalogus. De uren die het aanbod zelf kost, zijn dus "
            "onbekend en worden niet afgetrokken van de gerealiseerde tijdwinst."
        )
    print(f"Database: {pad}")
    print(
        "Het rapport van 'collectief analyse database' vergelijkt voortaan de maanden vóór en na de start; "
        "daarvoor zijn minstens 3 hele maanden aan beide kanten nodig."
    )
    return 0


def _cmd_voorbereiden(args: argparse.Namespace) -> int:
    from collectief.nlp import laad_pipeline
    from collectief.privacy import warm_up

    print("De-identificatie (deduce) voorbereiden; de eerste keer duurt dit 1 à 2 minuten ...", flush=True)
    seconden = warm_up()
    print(f"De-identificatie klaar ({seconden:.0f} s).")
    pipeline = laad_pipeline()
    print(f"NLP-pijplijn: {pipeline.beschrijving}")
    if args.dashboard:
        from collectief.dashboard import voorbereiden

        print("Voorbeeldgegevens voor het dashboard inlezen en analyseren (eenmalig) ...", flush=True)
        balk = _Voortgangsbalk("Voorbeeld", aan=True)
        pad = voorbereiden(voortgang=lambda deel, _tekst="": balk(deel))
        print(f"Dashboard klaar: {pad}")
    return 0


def _parser() -> argparse.ArgumentParser:
    # The analysis's defaults are defined once, in the facade (and k in the small-cell rule).
    from collectief.analysis import MIN_GROOTTE, SEED
    from collectief.suppress import K

    parser = argparse.ArgumentParser(
        prog="collectief", description="Terugkerende hulpvragen herkennen en collectief aanbod voorstellen."
    )
    parser.add_argument("-v", "--uitgebreid", action="store_true", help="meer meldingen in het logboek")
    sub = parser.add_subparsers(dest="opdracht", required=True)

    imp = sub.add_parser("import", help="een export (CSV, XLSX, ODS of XLS) inlezen, scrubben en opslaan")
    imp.add_argument("bestand", type=Path, help="het exportbestand (.csv, .txt, .xlsx, .ods of .xls)")
    imp.add_argument("--db", type=Path, help="de database (standaard: $COLLECTIEF_DB of de gebruikersmap)")
    imp.add_argument(
        "--kolom", action="append", metavar="VELD=KOLOM", help="koppel een veld aan een kolom, bv. tekst=Notitie"
    )
    imp.add_argument("--blad", metavar="NAAM", help="het werkblad van een werkmap (standaard: het blad met de tabel)")
    imp.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    imp.add_argument(
        "--wacht", type=float, default=60.0, metavar="SECONDEN", help="zo lang wachten op een andere import (60)"
    )
    imp.set_defaults(functie=_cmd_import)

    ana = sub.add_parser("analyse", help="thema's vinden in een export of in de database")
    ana.add_argument("invoer", type=Path, help="een export (.csv/.xlsx), een databasebestand, of het woord 'database'")
    ana.add_argument("--out", type=Path, default=Path("uitvoer"), help="map voor de uitvoer (standaard: uitvoer)")
    ana.add_argument(
        "--seed", type=int, default=SEED, help="startgetal voor toeval; zelfde gegevens en seed, zelfde thema's"
    )
    ana.add_argument("--no-catalogue", action="store_true", help="alleen nieuwe thema's ontdekken, zonder catalogus")
    ana.add_argument("--catalogus", type=Path, help="eigen themabestand (TOML) dat de catalogus aanvult")
    ana.add_argument(
        "--begrippen", type=Path, help="eigen begrippenbestand (TOML) dat de begrippen van het sociaal domein aanvult"
    )
    ana.add_argument("--aanbod", type=Path, help="eigen aanbodbestand (TOML) dat de aanbodcatalogus aanvult")
    ana.add_argument(
        "--min-size", type=int, default=MIN_GROOTTE, help="minimaal aantal hulpvragen voor een ontdekt thema"
    )
    ana.add_argument("--k", type=int, default=K, help=f"drempel voor kleine aantallen (standaard {K})")
    ana.add_argument("--model", type=Path, help="themamodel (JSON): gelezen als het bestaat, daarna bijgewerkt")
    ana.add_argument("--kolom", action="append", metavar="VELD=KOLOM", help="koppel een veld aan een kolom")
    ana.add_argument("--blad", metavar="NAAM", help="het werkblad van een werkmap (standaard: het blad met de tabel)")
    ana.add_argument("--db", type=Path, help="de database bij 'analyse database' (standaard: $COLLECTIEF_DB)")
    ana.add_argument(
        "--tot", metavar="JJJJ-MM", help="laatste maand van de periode (standaard: de laatste in de gegevens)"
    )
    ana.add_argument("--maanden", type=int, default=3, help="aantal maanden in de periode (standaard 3)")
    ana.add_argument("--wijk", help="alleen deze wijk (standaard: alle wijken)")
    ana.add_argument("--team", help="naam van het team, voor de titel van het verslag")
    ana.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    ana.set_defaults(functie=_cmd_analyse)

    ges = sub.add_parser("gestart", help="een voorgesteld aanbod als gestart markeren (voor de effectmeting)")
    ges.add_argument("thema_id", help="het thema-id, zoals in voorstellen.csv (bijvoorbeeld toeslagen)")
    ges.add_argument("aanbod_naam", metavar="aanbod", help="het aanbod: de naam uit voorstellen.csv of het id")
    ges.add_argument("--start", required=True, metavar="JJJJ-MM-DD", help="de datum waarop het aanbod begon")
    ges.add_argument("--wijk", help="de wijk waarin het aanbod loopt (weglaten: het hele werkgebied)")
    ges.add_argument("--db", type=Path, help="de database (standaard: $COLLECTIEF_DB of de gebruikersmap)")
    ges.add_argument("--notitie", help="een korte notitie, bijvoorbeeld met welke partner")
    ges.add_argument("--catalogus", type=Path, help="eigen themabestand (TOML), als dat bij de analyse is gebruikt")
    ges.add_argument("--aanbod", type=Path, help="eigen aanbodbestand (TOML), als dat bij de analyse is gebruikt")
    ges.add_argument(
        "--wacht", type=float, default=60.0, metavar="SECONDEN", help="zo lang wachten op een lopende import (60)"
    )
    ges.set_defaults(functie=_cmd_gestart)

    voor = sub.add_parser("voorbereiden", help="eenmalige voorbereiding (de-identificatie, NLP-pijplijn)")
    voor.add_argument(
        "--dashboard", action="store_true", help="ook de voorbeeldgegevens voor het dashboard klaarzetten"
    )
    voor.set_defaults(functie=_cmd_voorbereiden)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``collectief`` command; returns the exit code."""
    parser = _parser()
    args = parser.parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.uitgebreid else logging.WARNING, format="%(levelname)s %(name)s: %(message)s"
    )
    try:
        return int(args.functie(args) or 0)
    except CollectiefFout as fout:
        print(f"Fout: {fout}", file=sys.stderr)
        return 2
    except sqlite3.Error as fout:
        # The store turns its faults into messages; this is the net for one it did not foresee.
        naam = getattr(fout, "sqlite_errorname", type(fout).__name__)
        print(f"Fout: de database gaf een onverwachte fout ({naam}). Er is niets half opgeslagen.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("Afgebroken; er is niets half opgeslagen.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
