"""Writes small ODS workbooks for the intake tests (openpyxl writes XLSX; nothing here writes ODS)."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

_KOP = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
    "<office:body><office:spreadsheet>"
)
_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0">'
    '<manifest:file-entry manifest:full-path="/" '
    'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    "</manifest:manifest>"
)


class Formule:
    """A formula cell without a saved result."""


def _cel(waarde: object) -> str:
    if waarde is None:
        return "<table:table-cell/>"
    if isinstance(waarde, Formule):
        return '<table:table-cell table:formula="of:=[.A1]&amp;&quot;x&quot;"/>'
    if isinstance(waarde, bool):
        raise TypeError("no booleans in these fixtures")
    if isinstance(waarde, int | float):
        return (
            f'<table:table-cell office:value-type="float" office:value="{waarde}">'
            f"<text:p>{waarde}</text:p></table:table-cell>"
        )
    if isinstance(waarde, dt.date):
        return (
            f'<table:table-cell office:value-type="date" office:date-value="{waarde.isoformat()}">'
            f"<text:p>{waarde:%d-%m-%Y}</text:p></table:table-cell>"
        )
    regels = "".join(f"<text:p>{escape(r)}</text:p>" for r in str(waarde).split("\n"))
    return f'<table:table-cell office:value-type="string">{regels}</table:table-cell>'


def schrijf_ods(pad: Path, bladen: dict[str, list[list[object]]], leeg_tot: int = 1048576) -> Path:
    """An ODS workbook as LibreOffice writes it: each sheet ends in one repeated empty row up to ``leeg_tot``."""
    delen = [_KOP]
    for naam, rijen in bladen.items():
        delen.append(f'<table:table table:name="{escape(naam)}">')
        for rij in rijen:
            delen.append("<table:table-row>" + "".join(_cel(c) for c in rij) + "</table:table-row>")
        over = leeg_tot - len(rijen)
        if over > 0:
            delen.append(
                f'<table:table-row table:number-rows-repeated="{over}">'
                '<table:table-cell table:number-columns-repeated="1024"/></table:table-row>'
            )
        delen.append("</table:table>")
    delen.append("</office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(pad, "w") as archief:
        archief.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.spreadsheet")
        archief.writestr("META-INF/manifest.xml", _MANIFEST)
        archief.writestr("content.xml", "".join(delen), compress_type=zipfile.ZIP_DEFLATED)
    return pad
