"""Shared fixtures: the sample export read once, and the fallback NLP pipeline (no model download, ever)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from collectief.analysis import als_dataframe
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
    return als_dataframe([r for r in open_export(SAMPLE).rijen() if isinstance(r, RuweRij)])


@pytest.fixture(scope="session")
def ground_truth() -> pd.Series:
    return pd.read_csv(GROUND_TRUTH, sep=";").set_index("rij")["thema_id"]
