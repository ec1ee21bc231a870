"""Checks on the committed synthetic sample export (data/sample) and its generator."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

import pandas as pd
import pytest

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "sample"
EXPORT = SAMPLE / "hulpvragen.csv"
TRUTH = SAMPLE / "ground_truth.csv"
README = SAMPLE / "README.md"
GENERATOR = SAMPLE / "generate.py"

HEADER = ["Vraagnummer", "Registratiedatum", "Wijk", "Clientnummer", "Tijdsbesteding (min)", "Omschrijving"]
WIJKEN = {"Centrum", "Oost", "Noord", "Zuidwest"}
CATALOGUE = {
    "toeslagen",
    "samenwonen_uitkering",
    "schulden",
    "wonen",
    "jonge_ouders",
    "mantelzorg",
    "eenzaamheid",
    "taal_digitaal",
    "armoede_meedoen",
    "werk_dagbesteding",
    "psychisch_welzijn",
    "huiselijk_geweld",
    "verslaving",
}
NOT_IN_CATALOGUE = {"vervoer", "statushouders"}
RECURRING = CATALOGUE | NOT_IN_CATALOGUE
VALID_IDS = RECURRING | {"overig", "afgewezen"}
MONTHS = [(2025, 12), *((2026, m) for m in range(1, 12))]

#: Dutch function words that may legitimately appear in most notes of a theme.
STOPWORDS = frozenset(
    "de het een en van in op te is dat die voor met aan niet er zijn om bij of als ook naar over nog wat wel "
    "geen na door dan maar heeft hij zij ze haar hem heb ik mijn mij je u".split()
)


@pytest.fixture(scope="module")
def raw() -> bytes:
    return EXPORT.read_bytes()


@pytest.fixture(scope="module")
def rows(raw: bytes) -> list[list[str]]:
    text = raw.decode("cp1252")  # strict: fails on anything that is not cp1252
    records = list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))
    assert records[0] == HEADER
    return records[1:]


@pytest.fixture(scope="module")
def truth() -> list[list[str]]:
    with TRUTH.open(encoding="utf-8", newline="") as handle:
        records = list(csv.reader(handle, delimiter=";"))
    assert records[0] == ["rij", "vraagnummer", "thema_id"]
    return records[1:]


@pytest.fixture(scope="module")
def themes(truth: list[list[str]]) -> list[str]:
    return [r[2] for r in truth]


def parse_date(value: str) -> dt.date | None:
    try:
        return dt.datetime.strptime(value, "%d-%m-%Y").date()
    except ValueError:
        return None


def test_size_and_header(raw: bytes, rows: list[list[str]]) -> None:
    assert len(rows) >= 1200
    assert raw.startswith(";".join(HEADER).encode("cp1252") + b"\r\n")
    assert all(len(r) == len(HEADER) for r in rows)


def test_cp1252_semicolons_and_crlf(raw: bytes, rows: list[list[str]]) -> None:
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # it really is cp1252 (é, ë, € ...), not utf-8
    assert raw.endswith(b"\r\n")
    # Every record ends in CRLF; a bare LF only occurs inside a quoted note (a line break in the field).
    bare_lf = raw.count(b"\n") - raw.count(b"\r\n")
    assert bare_lf == sum(r[5].count("\n") for r in rows)
    assert raw.count(b"\r\n") == len(rows) + 1 + sum(r[5].count("\r\n") for r in rows)
    # A standard reader gets the same table.
    frame = pd.read_csv(EXPORT, sep=";", encoding="cp1252", dtype=str, keep_default_na=False)
    assert list(frame.columns) == HEADER
    assert len(frame) == len(rows)
    assert frame["Omschrijving"].tolist() == [r[5] for r in rows]


def test_field_formats(rows: list[list[str]]) -> None:
    numbers = [r[0] for r in rows]
    assert len(set(numbers)) == len(numbers)
    assert all(re.fullmatch(r"HV-20(25|26)-\d{5}", n) for n in numbers)
    assert all(re.fullmatch(r"C\d{6}", r[3]) for r in rows)
    minutes = [r[4] for r in rows]
    assert all(m == "" or re.fullmatch(r"\d+", m) for m in minutes)
    assert 0.02 <= minutes.count("") / len(rows) <= 0.08
    households = len({r[3] for r in rows})
    assert 0.55 <= households / len(rows) <= 0.65
    assert max(Counter(r[3] for r in rows).values()) <= 6


def test_twelve_months_and_four_wijken(rows: list[list[str]]) -> None:
    dates = [d for d in (parse_date(r[1]) for r in rows) if d]
    assert min(dates) >= dt.date(2025, 12, 1)
    assert max(dates) <= dt.date(2026, 11, 30)
    assert {(d.year, d.month) for d in dates} == set(MONTHS)
    wijken = Counter(r[2] for r in rows)
    assert set(wijken) == WIJKEN
    assert len(set(wijken.values())) == 4  # unequal sizes


def test_ground_truth_lines_up(rows: list[list[str]], truth: list[list[str]]) -> None:
    assert len(truth) == len(rows)
    assert [r[0] for r in truth] == [str(i) for i in range(len(rows))]
    assert [r[1] for r in truth] == [r[0] for r in rows]
    assert {r[2] for r in truth} <= VALID_IDS


def test_all_themes_present(themes: list[str]) -> None:
    counts = Counter(themes)
    assert set(counts) == VALID_IDS
    assert 0.04 <= counts["overig"] / len(themes) <= 0.06
    assert all(counts[t] >= 20 for t in RECURRING)


def test_overig_notes_are_all_different(rows: list[list[str]], themes: list[str]) -> None:
    notes = [r[5].lower() for r, t in zip(rows, themes, strict=True) if t == "overig"]
    openings = [" ".join(re.findall(r"\w+", n)[:4]) for n in notes]
    assert len(set(openings)) == len(notes)


def test_recent_households_per_theme(rows: list[list[str]], themes: list[str]) -> None:
    recent: dict[str, set[str]] = defaultdict(set)
    for row, theme in zip(rows, themes, strict=True):
        date = parse_date(row[1])
        if date and dt.date(2026, 9, 1) <= date <= dt.date(2026, 11, 30):
            recent[theme].add(row[3])
    for theme in sorted(RECURRING):
        assert len(recent[theme]) >= 5, theme


def test_toeslagen_concentrated_in_oost(rows: list[list[str]], themes: list[str]) -> None:
    oost_overall = sum(r[2] == "Oost" for r in rows) / len(rows)
    toeslagen = [r for r, t in zip(rows, themes, strict=True) if t == "toeslagen"]
    oost_toeslagen = sum(r[2] == "Oost" for r in toeslagen) / len(toeslagen)
    assert oost_toeslagen > 1.5 * oost_overall
    assert oost_overall < 0.4


def test_seasonal_structure(rows: list[list[str]], themes: list[str]) -> None:
    per_month: dict[str, Counter[tuple[int, int]]] = defaultdict(Counter)
    for row, theme in zip(rows, themes, strict=True):
        date = parse_date(row[1])
        if date:
            per_month[theme][(date.year, date.month)] += 1

    def mean(theme: str, months: list[tuple[int, int]]) -> float:
        return sum(per_month[theme][m] for m in months) / len(months)

    def rest(months: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [m for m in MONTHS if m not in months]

    summer = [(2026, m) for m in (5, 6, 7, 8)]
    winter = [(2025, 12), *((2026, m) for m in (1, 2, 3))]
    autumn = [(2026, m) for m in (9, 10, 11)]
    assert mean("toeslagen", summer) > 1.5 * mean("toeslagen", rest(summer))
    assert mean("schulden", winter) > 1.5 * mean("schulden", rest(winter))
    assert per_month["eenzaamheid"].most_common(1)[0][0] == (2025, 12)
    assert mean("samenwonen_uitkering", autumn) > 1.8 * mean("samenwonen_uitkering", rest(autumn))


def test_the_four_bad_rows(rows: list[list[str]], themes: list[str]) -> None:
    bad = [r for r, t in zip(rows, themes, strict=True) if t == "afgewezen"]
    assert len(bad) == 4
    assert sorted(r[1] for r in bad if parse_date(r[1]) is None) == ["2026-13-05", "31-02-2026"]
    empty = [r[5] for r in bad if not r[5].strip()]
    assert sorted(empty) == ["", "   "]
    # No other row is unusable.
    good = [r for r, t in zip(rows, themes, strict=True) if t != "afgewezen"]
    assert all(parse_date(r[1]) and r[5].strip() for r in good)


def test_messy_notes(rows: list[list[str]]) -> None:
    n = len(rows)
    notes = [r[5] for r in rows]
    assert 0.005 * n <= sum("\n" in t for t in notes) <= 0.02 * n
    assert 0.005 * n <= sum(bool(re.search(r"<br>|<b>|&amp;", t)) for t in notes) <= 0.02 * n
    assert any(";" in t for t in notes) and any('"' in t for t in notes)
    lengths = [len(t.split()) for t in notes if t.strip()]
    assert min(lengths) >= 5 and max(lengths) <= 70
    assert sum(10 <= w <= 30 for w in lengths) > 0.5 * len(lengths)


def _bsn_valid(number: str) -> bool:
    digits = [int(c) for c in number]
    return (sum(d * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True)) - digits[8]) % 11 == 0


def test_pii_rows_listed_in_readme(rows: list[list[str]]) -> None:
    text = README.read_text(encoding="utf-8")
    section = text.split("## Leftover personal data", 1)[1].split("## Bad rows", 1)[0]
    listed = re.findall(r"^\| (HV-\d{4}-\d{5}) \| (\d+) \| ([^|]+) \|$", section, flags=re.MULTILINE)
    assert 20 <= len(listed) <= 30
    kinds = Counter(k.strip() for *_, ks in listed for k in ks.split(","))
    assert set(kinds) == {"naam", "telefoon", "e-mail", "adres", "postcode", "BSN", "IBAN", "geboortedatum", "leeftijd"}
    for number, rij, ks in listed:
        note = rows[int(rij)][5]
        assert rows[int(rij)][0] == number
        if "BSN" in ks:
            assert any(_bsn_valid(m) for m in re.findall(r"(?<!\d)\d{9}(?!\d)", note)), note
        if "e-mail" in ks:
            assert re.search(r"[\w.]+@[\w.]+\.\w+", note), note


@pytest.mark.parametrize("theme", sorted(RECURRING))
def test_vocabulary_variety(theme: str, rows: list[list[str]], themes: list[str]) -> None:
    notes = [r[5] for r, t in zip(rows, themes, strict=True) if t == theme]
    documents = Counter()
    for note in notes:
        documents.update(set(re.findall(r"[a-zà-ÿ]+", note.lower())) - STOPWORDS)
    word, count = documents.most_common(1)[0]
    assert count / len(notes) <= 0.60, f"{theme}: '{word}' in {count}/{len(notes)} notes"


def test_generator_is_deterministic(tmp_path: Path) -> None:
    subprocess.run([sys.executable, str(GENERATOR), "--out", str(tmp_path)], check=True, capture_output=True)
    for name in ("hulpvragen.csv", "ground_truth.csv", "README.md"):
        assert (tmp_path / name).read_bytes() == (SAMPLE / name).read_bytes(), name
