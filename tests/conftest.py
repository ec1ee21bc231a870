"""Shared fixtures: the sample export read once, and the fallback NLP pipeline (no model download, ever)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from collectief.intake import open_export
from collectief.nlp import Pipeline, laad_pipeline
from collectief.records import RuweRij

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "sample" / "hulpvragen.csv"
GROUND_TRUTH = ROOT / "data" / "sample" / "ground_truth.csv"


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return laad_pipeline()


@pytest.fixture(scope="session")
def sample_df() -> pd.DataFrame:
    """The sample's usable rows as the analysis input frame (texts unscrubbed: fine for theme tests only)."""
    rijen = [r for r in open_export(SAMPLE).rijen() if isinstance(r, RuweRij)]
    return pd.DataFrame(
        {
            "rij": [r.rij for r in rijen],
            "id": [r.bron_id for r in rijen],
            "datum": pd.to_datetime([r.datum for r in rijen]),
            "wijk": [r.wijk for r in rijen],
            "huishouden": [r.huishouden for r in rijen],
            "minuten": [r.minuten for r in rijen],
            "tekst": [r.tekst for r in rijen],
        }
    )


@pytest.fixture(scope="session")
def ground_truth() -> pd.Series:
    return pd.read_csv(GROUND_TRUTH, sep=";").set_index("rij")["thema_id"]
