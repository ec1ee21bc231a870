"""The ``collectief`` command line: ``import``, ``analyse`` and ``voorbereiden`` (one-time set-up)."""

from __future__ import annotations

import argparse
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from collectief.errors import CollectiefFout
from collectief.records import ImportRapport

__all__ = ["main"]

log = logging.getLogger("collectief")

_CATEGORIE_NAMEN = {
    "NAAM": "namen",
    "TELEFOON": "telefoonnummers",
    "EMAIL": "e-mailadressen",
    "ADRES": "adressen",
    "POSTCODE": "postcodes",
    "BSN": "BSN's",
    "IBAN": "IBAN's",
    "DATUM": "datums",
    "LEEFTIJD": "leeftijden",
    "URL": "webadressen",
    "ID": "overige nummers",
}


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


def rapport_tekst(rapport: ImportRapport) -> str:
    """The import report as the Dutch summary a team member reads."""
    regels = [
        f"Bestand: {rapport.bestand}",
        f"Gegevensrijen: {rapport.data_rijen}",
        f"Geaccepteerd: {rapport.geaccepteerd} (nieuw opgeslagen: {rapport.nieuw_opgeslagen}, "
        f"al aanwezig: {rapport.al_aanwezig})",
        f"Afgewezen: {rapport.afgewezen}",
    ]
    regels += [f"  - rij {a.rij + 1}: {a.reden}" for a in rapport.afwijzingen[:50]]
    if rapport.afgewezen > 50:
        regels.append(f"  ... en nog {rapport.afgewezen - 50} afgewezen rijen")
    if rapport.waarschuwingen:
        regels.append(f"Waarschuwingen (rij wel gebruikt): {len(rapport.waarschuwingen)}")
        regels += [f"  - rij {a.rij + 1}: {a.reden}" for a in rapport.waarschuwingen[:20]]
    if rapport.lege_regels_einde:
        regels.append(f"Lege regels aan het eind van het bestand overgeslagen: {rapport.lege_regels_einde}")
    if rapport.gescrubd.totaal:
        regels.append(f"Persoonsgegevens verwijderd: {rapport.gescrubd.totaal}")
        for categorie, n in sorted(rapport.gescrubd.per_categorie.items()):
            regels.append(f"  - {_CATEGORIE_NAMEN.get(categorie, categorie.lower())}: {n}")
    else:
        regels.append("Persoonsgegevens verwijderd: geen gevonden")
    kolommen = ", ".join(f"{veld} ← '{kolom}'" for veld, kolom in rapport.kolommen.items())
    regels.append(f"Kolommen: {kolommen}")
    return "\n".join(regels)


def _cmd_import(args: argparse.Namespace) -> int:
    from collectief.importer import importeer
    from collectief.store import Store

    balk = _Voortgangsbalk("Importeren", aan=not args.stil)
    with Store(args.db) as store:
        rapport = importeer(args.bestand, store, koppeling=_koppeling(args.kolom), voortgang=balk)
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

    from collectief.analysis import afwijzingen_frame, als_dataframe, analyseer
    from collectief.catalogue import laad_catalogus
    from collectief.export import schrijf_hulpvragen, schrijf_themas
    from collectief.importer import lees_gescrubd
    from collectief.store import Store
    from collectief.themes import ThemaModel

    catalogus = () if args.no_catalogue else laad_catalogus(args.catalogus)
    balk = _Voortgangsbalk("Inlezen", aan=not args.stil)
    store = None
    if args.invoer == "database" or _is_database(args.invoer):
        store = Store(None if args.invoer == "database" else args.invoer)
        df = store.hulpvragen()
        df["rij"] = range(len(df))
        df = df.rename(columns={"bron_id": "id"})
        afgewezen = pd.DataFrame({"rij": pd.Series(dtype=int), "reden": pd.Series(dtype=str)})
        met_id = bool(df["id"].notna().any())
        print(f"Database: {store.pad} ({len(df)} hulpvragen)")
    else:
        hulpvragen, rapport = lees_gescrubd(args.invoer, _koppeling(args.kolom), voortgang=balk)
        df = als_dataframe(hulpvragen)
        afgewezen = afwijzingen_frame(rapport.afwijzingen)
        met_id = "id" in rapport.kolommen
        print(rapport_tekst(rapport))
    vorige = ThemaModel.laad(args.model, catalogus) if args.model and args.model.exists() else None
    analyse = analyseer(df, catalogus, seed=args.seed, min_grootte=args.min_size, k=args.k, vorige=vorige, cache=store)
    if store is not None:
        store.close()
    args.out.mkdir(parents=True, exist_ok=True)
    schrijf_hulpvragen(analyse, afgewezen, args.out / "hulpvragen.csv", met_id)
    afgewezen.to_csv(args.out / "afgewezen.csv", sep=";", encoding="utf-8-sig", index=False)
    schrijf_themas(analyse, args.out / "themas.csv")
    if args.model:
        analyse.model.opslaan(args.model)
    print(f"NLP-pijplijn: {analyse.pipeline}")
    for melding in analyse.meldingen:
        print(melding)
    print(f"Thema's ({len(analyse.themas)}):")
    for _, t in analyse.themas.iterrows():
        print(f"  - {t['thema']} [{t['thema_id']}, {t['bron']}]: {t['aantal']} hulpvragen")
    print(f"Geschreven naar {args.out}: hulpvragen.csv, themas.csv, afgewezen.csv")
    return 0


def _cmd_voorbereiden(args: argparse.Namespace) -> int:
    from collectief.nlp import laad_pipeline
    from collectief.privacy import warm_up

    print("De-identificatie (deduce) voorbereiden; de eerste keer duurt dit 1 à 2 minuten ...", flush=True)
    seconden = warm_up()
    print(f"De-identificatie klaar ({seconden:.0f} s).")
    pipeline = laad_pipeline()
    print(f"NLP-pijplijn: {pipeline.beschrijving}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="collectief", description="Terugkerende hulpvragen herkennen en collectief aanbod voorstellen."
    )
    parser.add_argument("-v", "--uitgebreid", action="store_true", help="meer meldingen in het logboek")
    sub = parser.add_subparsers(dest="opdracht", required=True)

    imp = sub.add_parser("import", help="een export (CSV of XLSX) inlezen, scrubben en opslaan")
    imp.add_argument("bestand", type=Path, help="het exportbestand (.csv, .txt of .xlsx)")
    imp.add_argument("--db", type=Path, help="de database (standaard: $COLLECTIEF_DB of de gebruikersmap)")
    imp.add_argument(
        "--kolom", action="append", metavar="VELD=KOLOM", help="koppel een veld aan een kolom, bv. tekst=Notitie"
    )
    imp.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    imp.set_defaults(functie=_cmd_import)

    ana = sub.add_parser("analyse", help="thema's vinden in een export of in de database")
    ana.add_argument("invoer", type=Path, help="een export (.csv/.xlsx), een databasebestand, of het woord 'database'")
    ana.add_argument("--out", type=Path, default=Path("uitvoer"), help="map voor de uitvoer (standaard: uitvoer)")
    ana.add_argument(
        "--seed", type=int, default=0, help="startgetal voor toeval; zelfde gegevens en seed, zelfde thema's"
    )
    ana.add_argument("--no-catalogue", action="store_true", help="alleen nieuwe thema's ontdekken, zonder catalogus")
    ana.add_argument("--catalogus", type=Path, help="eigen themabestand (TOML) dat de catalogus aanvult")
    ana.add_argument("--min-size", type=int, default=8, help="minimaal aantal hulpvragen voor een ontdekt thema")
    ana.add_argument("--k", type=int, default=5, help="drempel voor kleine aantallen (standaard 5)")
    ana.add_argument("--model", type=Path, help="themamodel (JSON): gelezen als het bestaat, daarna bijgewerkt")
    ana.add_argument("--kolom", action="append", metavar="VELD=KOLOM", help="koppel een veld aan een kolom")
    ana.add_argument("--stil", action="store_true", help="geen voortgangsbalk")
    ana.set_defaults(functie=_cmd_analyse)

    voor = sub.add_parser("voorbereiden", help="eenmalige voorbereiding (de-identificatie, NLP-pijplijn)")
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
    except KeyboardInterrupt:
        print("Afgebroken; er is niets half opgeslagen.", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
