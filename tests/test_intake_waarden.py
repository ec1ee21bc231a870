"""Dates and time spent as Dutch teams write them; an unreadable value never shows up in the reason."""

from __future__ import annotations

import datetime as dt

import pytest

from collectief.intake import parse_datum, parse_minuten
from collectief.intake.lezers import FORMULE, FOUTWAARDE

D = dt.date


@pytest.mark.parametrize(
    ("cel", "verwacht"),
    [
        ("1 januari 2025", D(2025, 1, 1)),
        ("2 jan 2025", D(2025, 1, 2)),
        ("2 jan. 2025", D(2025, 1, 2)),
        ("do 2 jan 2025", D(2025, 1, 2)),
        ("donderdag 2 januari 2025", D(2025, 1, 2)),
        ("Do 2 Jan. 2025", D(2025, 1, 2)),
        ("15 mrt 2025", D(2025, 3, 15)),
        ("15 maart 2025", D(2025, 3, 15)),
        ("3 mei 2025", D(2025, 5, 3)),
        ("31 okt 2025", D(2025, 10, 31)),
        ("2-jan-25", D(2025, 1, 2)),
        ("02-Jan-2025", D(2025, 1, 2)),
        ("jan-25", D(2025, 1, 1)),
        ("januari 2025", D(2025, 1, 1)),
        ("okt-24", D(2024, 10, 1)),
        ("2 jan 2025 14:30", D(2025, 1, 2)),
        ("2025-01-02T10:15:00Z", D(2025, 1, 2)),
        ("2025-01-02 10:15", D(2025, 1, 2)),
        ("02-01-2025 10:15", D(2025, 1, 2)),
        ("2/1/2025", D(2025, 1, 2)),
        ("02.01.25", D(2025, 1, 2)),
        ("20250102", D(2025, 1, 2)),
        ("45659", D(2025, 1, 2)),
        (45659.5, D(2025, 1, 2)),
        (dt.datetime(2025, 1, 2, 9, 0), D(2025, 1, 2)),
        ("  ", None),
    ],
)
def test_dutch_dates(cel: object, verwacht: dt.date | None) -> None:
    assert parse_datum(cel) == verwacht


@pytest.mark.parametrize(
    ("cel", "reden"),
    [
        ("31-02-2025", "datum bestaat niet"),
        ("30 februari 2025", "datum bestaat niet"),
        ("gisteren", "datum niet leesbaar"),
        ("2 jan", "datum niet leesbaar"),  # no year: guessing one would be wrong half the time
        ("Jan de Vries", "datum niet leesbaar"),
        ("12", "datum niet leesbaar"),
        (FORMULE, "formule zonder berekende waarde"),
        (FOUTWAARDE, "Excel-foutwaarde"),
    ],
)
def test_unreadable_dates_name_the_problem_not_the_value(cel: object, reden: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_datum(cel)
    assert reden in str(info.value)
    if isinstance(cel, str):
        assert cel not in str(info.value)


@pytest.mark.parametrize(
    ("cel", "uren", "verwacht"),
    [
        ("45", False, 45.0),
        ("45,5", False, 45.5),
        ("90 min", False, 90.0),
        ("90 minuten", False, 90.0),
        ("90min", False, 90.0),
        ("1,5 uur", False, 90.0),
        ("1.5 uur", False, 90.0),
        ("2 uur", False, 120.0),
        ("1u30", False, 90.0),
        ("1 u 30", False, 90.0),
        ("1h15", False, 75.0),
        ("1 uur 30 min", False, 90.0),
        ("1 uur en 15 minuten", False, 75.0),
        ("01:30", False, 90.0),
        ("1:30", False, 90.0),
        ("01:30:00", False, 90.0),
        ("45'", False, 45.0),
        ("1,5", True, 90.0),  # a bare number in an hours column
        ("30 min", True, 30.0),  # a unit in the cell wins over the column's
        (2, True, 120.0),
        (dt.time(1, 30), False, 90.0),
        (dt.timedelta(hours=2, minutes=15), False, 135.0),
        (dt.datetime(1899, 12, 30, 1, 30), False, 90.0),  # an Excel time read as a datetime
        ("", False, None),
    ],
)
def test_durations(cel: object, uren: bool, verwacht: float | None) -> None:
    assert parse_minuten(cel, in_uren=uren) == verwacht


@pytest.mark.parametrize("cel", ["veel", "1:75", "-30", "een half uur of zo", "n.v.t."])
def test_unreadable_durations_name_the_problem_not_the_value(cel: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_minuten(cel)
    assert "tijdsbesteding" in str(info.value) and cel not in str(info.value)
