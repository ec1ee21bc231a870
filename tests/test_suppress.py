"""Small-cell suppression: no count below k in a breakdown table or a sentence."""

from __future__ import annotations

import pandas as pd
import pytest

from collectief.suppress import als_tekst, markering, onderdruk, veilig_aantal


@pytest.mark.parametrize(
    ("n", "k", "verwacht"),
    [
        (0, 5, "<5"),
        (1, 5, "<5"),
        (4, 5, "<5"),
        (5, 5, "5"),
        (23, 5, "23"),
        (2, 3, "<3"),
        (3, 3, "3"),
        (7.0, 5, "7"),
    ],
)
def test_veilig_aantal(n: int, k: int, verwacht: str) -> None:
    assert veilig_aantal(n, k) == verwacht


def test_veilig_aantal_in_woorden() -> None:
    assert veilig_aantal(4, woorden=True) == "minder dan 5"
    assert veilig_aantal(0, woorden=True) == "minder dan 5"
    assert veilig_aantal(12, woorden=True) == "12"


@pytest.mark.parametrize("fout", [-1, True, "4", float("nan")])
def test_veilig_aantal_weigert_geen_aantal(fout: object) -> None:
    with pytest.raises(ValueError):
        veilig_aantal(fout)  # type: ignore[arg-type]


def test_k_moet_positief_geheel_zijn() -> None:
    with pytest.raises(ValueError):
        veilig_aantal(3, k=0)
    with pytest.raises(ValueError):
        markering(2.5)  # type: ignore[arg-type]
    assert markering(10) == "<10"


def _wijk_maand() -> pd.DataFrame:
    # wijk × maand:     2026-01  2026-02
    #   Oost                7        5      -> both shown (>= 5)
    #   West                3        4      -> both hidden
    #   Noord               0       12      -> 0 hidden (below 5), 12 shown
    return pd.DataFrame({"wijk": ["Oost", "West", "Noord"], "2026-01": [7, 3, 0], "2026-02": [5, 4, 12]})


def test_onderdruk_wijk_maand() -> None:
    tabel = _wijk_maand()
    veilig = onderdruk(tabel, ["2026-01", "2026-02"])
    assert veilig["2026-01"].tolist()[0] == 7
    assert veilig["2026-02"].tolist()[0] == 5
    assert veilig["2026-01"].isna().tolist() == [False, True, True]
    assert veilig["2026-02"].isna().tolist() == [False, True, False]
    assert veilig["2026-02"].iloc[2] == 12
    assert str(veilig["2026-01"].dtype) == "Int64"
    assert veilig["wijk"].tolist() == ["Oost", "West", "Noord"]
    # the input is left alone
    assert tabel["2026-01"].tolist() == [7, 3, 0]


def test_onderdruk_standaard_alle_getalkolommen_en_nul_tonen() -> None:
    veilig = onderdruk(_wijk_maand(), nul_tonen=True)
    # with nul_tonen the empty cell Noord/2026-01 stays 0; 3 and 4 are still hidden
    assert veilig["2026-01"].iloc[2] == 0
    assert veilig["2026-01"].isna().tolist() == [False, True, False]
    assert veilig["2026-02"].isna().tolist() == [False, True, False]


def test_onderdruk_thema_wijk_lang_formaat_en_andere_k() -> None:
    tabel = pd.DataFrame({"thema_id": ["wonen", "wonen", "schulden"], "wijk": ["Oost", "West", "Oost"],
                          "aantal": [9, 6, 2]})  # fmt: skip
    veilig = onderdruk(tabel, "aantal", k=7)
    # k = 7: 9 stays, 6 and 2 are hidden
    assert veilig["aantal"].isna().tolist() == [False, True, True]


def test_als_tekst_toont_markering() -> None:
    tekst = als_tekst(_wijk_maand(), ["2026-01", "2026-02"])
    assert tekst["2026-01"].tolist() == ["7", "<5", "<5"]
    assert tekst["2026-02"].tolist() == ["5", "<5", "12"]


def test_onderdruk_fouten() -> None:
    with pytest.raises(KeyError):
        onderdruk(_wijk_maand(), ["2026-03"])
    with pytest.raises(ValueError):
        onderdruk(pd.DataFrame({"aantal": [-1, 6]}), ["aantal"])
