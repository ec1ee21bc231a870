"""Every message a team member can see when something is wrong with their input, in one place.

Each error says what was found and how to fix it, in Dutch. Code raises :class:`CollectiefFout` with a code
from :data:`MELDINGEN`; the CLI and the dashboard show ``str(fout)`` and never a traceback.
"""

from __future__ import annotations

__all__ = ["MELDINGEN", "CollectiefFout"]

MELDINGEN: dict[str, str] = {
    "E001": "Het bestand '{bestand}' bestaat niet. Controleer het pad en probeer het opnieuw.",
    "E002": (
        "Het bestand '{bestand}' is leeg. Exporteer de hulpvragen opnieuw uit het registratiesysteem "
        "(CSV of XLSX) en probeer het nog eens."
    ),
    "E003": (
        "Het bestand '{bestand}' is geen leesbare CSV-, XLSX- of ODS-export ({wat}). Sla het in Excel op als "
        "'CSV (gescheiden door lijstscheidingsteken)' of als 'Excel-werkmap (.xlsx)'."
    ),
    "E004": (
        "In '{bestand}' is geen kolom met de tekst van de hulpvraag gevonden. Gevonden kolommen: {kolommen}. "
        "{voorstel}. Of noem de tekstkolom 'omschrijving' (of 'hulpvraag', 'vraag', 'toelichting', 'notitie')."
    ),
    "E005": ("'{bestand}' bevat alleen een kopregel en geen hulpvragen. Exporteer opnieuw, met de hulpvragen erin."),
    "E006": (
        "De kolomkoppeling '{koppeling}' klopt niet: {wat}. Gebruik de vorm veld=Kolomnaam, met veld één van: {velden}."
    ),
    "E007": (
        "Het bestandstype van '{bestand}' wordt niet ondersteund ({wat}). Gebruik een CSV-bestand (.csv, .txt) "
        "of een Excel-werkmap (.xlsx)."
    ),
    "E008": (
        "De database '{bestand}' kon niet worden geopend of bijgewerkt ({wat}). Controleer of de map bestaat "
        "en schrijfbaar is, of kies een andere plek met --db of COLLECTIEF_DB."
    ),
    "E009": ("Het catalogusbestand '{bestand}' klopt niet: {wat}. {oplossing}"),
    "E010": (
        "Het themamodel '{bestand}' kon niet worden gelezen ({wat}). Geef een model op dat met "
        "'collectief analyse --model' is opgeslagen, of laat --model weg om opnieuw te beginnen."
    ),
    "E011": (
        "In '{bestand}' staat de tekstkolom '{kolom}' wel, maar geen enkele rij bevat tekst. Controleer of de "
        "juiste kolom is gekoppeld."
    ),
    "E012": ("Het begrippenbestand '{bestand}' klopt niet: {wat}. {oplossing}"),
    "E040": (
        "Het bestand '{bestand}' is geen database van collectief ({wat}). Er is niets in veranderd. Kies met --db "
        "of COLLECTIEF_DB een database van collectief, of een nieuwe bestandsnaam."
    ),
    "E041": (
        "De database '{bestand}' is gemaakt door een nieuwere versie van collectief (schemaversie {versie}; deze "
        "versie kent tot en met {bekend}). Er is niets in veranderd. Werk collectief bij en probeer het opnieuw."
    ),
    "E042": (
        "Er loopt al een import in deze database ('{bestand}'); probeer het over een minuut opnieuw. Er is niets "
        "veranderd."
    ),
    "E043": (
        "De schijf is vol: de database '{bestand}' kon niet worden bijgewerkt. Er is niets opgeslagen; de database "
        "is zoals hij was. Maak ruimte vrij of kies met --db een andere plek, en probeer het opnieuw."
    ),
    "E044": (
        "Op de plek van de database '{bestand}' mag collectief niet schrijven (alleen-lezen). Er is niets "
        "veranderd. Kies met --db of COLLECTIEF_DB een map waarin u mag schrijven, of vraag schrijfrechten."
    ),
    "E045": (
        "De database '{bestand}' kon niet worden gelezen of geschreven (een fout van de schijf). Er is niets "
        "opgeslagen; de database is zoals hij was. Controleer de schijf (vol, losgekoppeld?) en probeer het opnieuw."
    ),
    "E046": (
        "De database '{bestand}' is beschadigd en kan niet worden gelezen. Er is niets in veranderd. Zet een "
        "reservekopie terug, of kies met --db een nieuwe database en importeer de exports opnieuw."
    ),
    # Intake (E020-E039)
    "E020": "'{bestand}' is {wat}, geen export met hulpvragen. {oplossing}",
    "E021": ("Het werkblad '{blad}' staat niet in '{bestand}'. Werkbladen: {bladen}. Kies er een met --blad NAAM."),
    "E022": (
        "In '{bestand}' staat op geen enkel werkblad een tabel met hulpvragen (werkbladen: {bladen}). Kies het "
        "werkblad met --blad NAAM, of exporteer de hulpvragen opnieuw."
    ),
    "E023": (
        "De werkmap '{bestand}' is beveiligd met een wachtwoord. Open haar in Excel, haal de beveiliging weg "
        "(Bestand > Info > Werkmap beveiligen) en sla haar opnieuw op als .xlsx."
    ),
    "E024": (
        "'{bestand}' kon niet worden gelezen: {wat}. Exporteer de hulpvragen opnieuw of sla het bestand opnieuw op "
        "als CSV of Excel-werkmap (.xlsx)."
    ),
    "E060": (
        "De woordenlijst '{bestand}' klopt niet op regel {regel}: {wat}. Zet één woord of woordgroep per regel "
        "(letters, cijfers, spatie, - ' . & /), zonder spaties aan begin of eind; regels die met # beginnen zijn "
        "uitleg. Herstel de regel of installeer collectief opnieuw."
    ),
    "E061": (
        "De woordenlijst '{bestand}' kon niet worden gelezen ({wat}). Installeer collectief opnieuw, of herstel "
        "het bestand (UTF-8, één woord per regel)."
    ),
    "E062": ("Onbekende scrubstap '{stap}'. Bekende stappen: {stappen}."),
    # plan and outputs: E080-E099
    "E080": "'{waarde}' is geen maand. Schrijf de maand als JJJJ-MM, bijvoorbeeld --tot 2026-09.",
    "E070": (
        "Het bestand met veiligheidssignalen '{bestand}' klopt niet: {wat}. Elk blok [[signaal]] heeft een "
        "categorie, een thema en een lijst patronen: 'sterk' (één is genoeg) en/of 'zwak' (twee nodig)."
    ),
    "E071": (
        "In '{bestand}' is een patroon van {signaal} geen geldige reguliere expressie ({wat}). Controleer haakjes "
        "en backslashes (schrijf in TOML een backslash dubbel: \\\\w)."
    ),
    "E072": (
        "Het bestand met trainingsnotities voor de veiligheidscheck '{bestand}' klopt niet: {wat}. Het is een "
        "tab-gescheiden bestand (gzip) met de kolommen tekst, veilig (0 of 1), bron en categorie (mag leeg). "
        "Maak het opnieuw met "
        "scripts/maak_veiligheid_training.py, of installeer collectief opnieuw."
    ),
}


class CollectiefFout(Exception):
    """An error with a Dutch message for the user: what was found, and how to fix it."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(MELDINGEN[code].format(**details))

    def __str__(self) -> str:
        return f"{self.args[0]} [{self.code}]"
