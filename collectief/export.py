"""Writing the analysis to files a team opens in Excel: ``;``-separated, UTF-8 with BOM."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from collectief.analysis import Analyse

__all__ = ["CSV_OPTIES", "schrijf_hulpvragen", "schrijf_themas"]

CSV_OPTIES = {"sep": ";", "encoding": "utf-8-sig", "index": False, "lineterminator": "\r\n"}


def schrijf_hulpvragen(analyse: Analyse, afgewezen: pd.DataFrame, pad: Path, met_id: bool) -> None:
    """One line per data row of the input, in input order; rejected rows keep their line without a theme."""
    df = analyse.hulpvragen
    kolommen = ["rij", *(["id"] if met_id else []), "thema_id", "thema", "score", "tekst", "signaal"]
    uit = df[kolommen].copy()
    if len(afgewezen):
        leeg = pd.DataFrame({"rij": afgewezen["rij"]})
        for kolom in kolommen[1:]:
            leeg[kolom] = None
        uit = pd.concat([uit, leeg], ignore_index=True) if len(uit) else leeg
    uit = uit.sort_values("rij", kind="stable")
    uit["score"] = uit["score"].map(lambda s: "" if pd.isna(s) else f"{s:.3f}")
    uit.to_csv(pad, **CSV_OPTIES)


def schrijf_themas(analyse: Analyse, pad: Path) -> None:
    uit = analyse.themas.copy()
    uit["voorbeelden"] = uit["voorbeelden"].map(lambda v: " | ".join(v))
    uit["individueel"] = uit["individueel"].map({True: "ja", False: "nee"})
    uit[["thema_id", "thema", "bron", "individueel", "aantal", "huishoudens", "voorbeelden"]].to_csv(pad, **CSV_OPTIES)
