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
        "Het bestand '{bestand}' is geen leesbare CSV- of XLSX-export ({wat}). Sla het in Excel op als "
        "'CSV (gescheiden door lijstscheidingsteken)' of als 'Excel-werkmap (.xlsx)'."
    ),
    "E004": (
        "In '{bestand}' is geen kolom met de tekst van de hulpvraag gevonden. Gevonden kolommen: {kolommen}. "
        "Noem de tekstkolom 'omschrijving' (of 'hulpvraag', 'vraag', 'toelichting', 'notitie'), of geef de "
        "koppeling op, bijvoorbeeld: --kolom tekst={voorbeeld}."
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
    # plan and outputs: E080-E099
    "E080": "'{waarde}' is geen maand. Schrijf de maand als JJJJ-MM, bijvoorbeeld --tot 2026-09.",
}


class CollectiefFout(Exception):
    """An error with a Dutch message for the user: what was found, and how to fix it."""

    def __init__(self, code: str, **details: object) -> None:
        self.code = code
        self.details = details
        super().__init__(MELDINGEN[code].format(**details))

    def __str__(self) -> str:
        return f"{self.args[0]} [{self.code}]"
