"""The facade: from scrubbed hulpvragen to themes, in one call. The CLI and the dashboard call only this."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from collectief.records import OVERIG, Afwijzing, Hulpvraag, RuweRij, Thema
from collectief.suppress import K

if TYPE_CHECKING:
    from collectief.begrippen import Begrippenlijst
    from collectief.nlp import LemmaCache, Pipeline
    from collectief.store import Store
    from collectief.themes import ThemaModel

__all__ = [
    "MIN_GROOTTE",
    "MIN_VOOR_ONTDEKKEN",
    "SEED",
    "Analyse",
    "afwijzingen_frame",
    "als_dataframe",
    "analyseer",
    "invoer_uit_database",
]

#: The analysis's defaults, defined here once: the CLI's options and the dashboard's kept analysis read them.
#: The one seed: same data and seed, same themes.
SEED = 0
#: Fewest hulpvragen a discovered theme needs.
MIN_GROOTTE = 8
#: Below this many hulpvragen, discovery of new themes is not attempted (and that is said).
MIN_VOOR_ONTDEKKEN = 50
VOORBEELDEN_PER_THEMA = 3

_KOLOMMEN = ["rij", "id", "datum", "wijk", "huishouden", "minuten", "tekst"]


@dataclass(frozen=True)
class Analyse:
    """The outcome of one analysis.

    ``hulpvragen``: one row per hulpvraag with ``thema_id``, ``thema``, ``score`` and ``signaal`` added
    (``signaal``: ids of the individual-only themes whose safety signals the note carries, comma-separated, else
    empty; such a note is itself in an individual-only theme whenever the catalogue has one).
    ``themas``: one row per theme: ``thema_id``, ``thema``, ``bron``, ``individueel``, ``aantal``,
    ``huishoudens``, ``voorbeelden`` (a list; empty for themes with fewer than k households), ``termen`` (a
    discovered theme's most distinctive terms, best first; empty for catalogue themes).
    """

    hulpvragen: pd.DataFrame
    themas: pd.DataFrame
    model: ThemaModel
    pipeline: str
    meldingen: tuple[str, ...]

    @property
    def themas_per_id(self) -> dict[str, Thema]:
        """The themes of the model by id (catalogue and discovered), as :func:`collectief.actie.maak_plan` reads."""
        return {t.id: t for t in self.model.themas_}


def als_dataframe(hulpvragen: Sequence[Hulpvraag | RuweRij]) -> pd.DataFrame:
    """Hulpvragen as the analysis's input frame (``datum`` as datetime64, ``minuten`` as float).

    Rows straight from the intake (unscrubbed) are accepted for tests and benchmarks only; everything a user
    meets goes through the privacy stage first.
    """
    df = pd.DataFrame(
        {
            "rij": [h.rij for h in hulpvragen],
            "id": [h.bron_id for h in hulpvragen],
            "datum": pd.to_datetime([h.datum for h in hulpvragen]),
            "wijk": [h.wijk for h in hulpvragen],
            "huishouden": [h.huishouden for h in hulpvragen],
            "minuten": np.array([np.nan if h.minuten is None else h.minuten for h in hulpvragen], dtype=float),
            "tekst": [h.tekst for h in hulpvragen],
        }
    )
    return df


def invoer_uit_database(store: Store) -> pd.DataFrame:
    """The stored (scrubbed) hulpvragen as the analysis's input frame, for the CLI and the dashboard alike.

    ``rij`` is the database's row id (unique across imports, stable between runs), ``id`` the export's own id.
    """
    df = store.hulpvragen()
    return pd.DataFrame(
        {
            "rij": df["id"].astype("int64"),
            "id": df["bron_id"],
            "datum": df["datum"],
            "wijk": df["wijk"],
            "huishouden": df["huishouden"],
            "minuten": df["minuten"],
            "tekst": df["tekst"],
        }
    )


def analyseer(
    hulpvragen: pd.DataFrame,
    catalogus: Sequence[Thema] = (),
    *,
    seed: int = SEED,
    min_grootte: int = MIN_GROOTTE,
    min_huishoudens: int = 5,
    k: int = K,
    vorige: ThemaModel | None = None,
    pipeline: Pipeline | None = None,
    cache: LemmaCache | None = None,
    begrippen: Begrippenlijst | None = None,
) -> Analyse:
    """Assign every hulpvraag a theme and describe the themes.

    ``hulpvragen`` has at least ``tekst`` (scrubbed) and optionally ``huishouden``, ``datum``, ``wijk``,
    ``minuten``, ``rij``, ``id``. ``k`` is the small-cell threshold: examples only for themes with at least
    ``k`` households. ``begrippen``: the domain's concepts for discovery (None: the shipped ones).
    """
    # Imported here, not at the top: reading the stored hulpvragen (:func:`invoer_uit_database`, which the
    # dashboard calls on every fresh server) must not pay for spaCy and scikit-learn.
    from collectief.nlp import laad_pipeline, woordsoorten
    from collectief.themes import ThemaModel, bereid_voor

    pipeline = pipeline or laad_pipeline()
    df = hulpvragen.reset_index(drop=True).copy()
    for kolom in _KOLOMMEN:
        if kolom not in df:
            df[kolom] = range(len(df)) if kolom == "rij" else None
    huishoudens = [None if pd.isna(h) else str(h) for h in df["huishouden"]]
    notities = bereid_voor(df["tekst"].tolist(), pipeline, huishoudens, cache=cache)
    meldingen: list[str] = []
    if len(df) < MIN_VOOR_ONTDEKKEN:
        meldingen.append(
            f"Te weinig gegevens om nieuwe thema's te ontdekken: {len(df)} hulpvragen, minimaal "
            f"{MIN_VOOR_ONTDEKKEN} nodig. Bekende thema's uit de catalogus zijn wel toegekend."
        )
    model = ThemaModel(
        catalogus=tuple(catalogus),
        min_grootte=min_grootte if len(df) >= MIN_VOOR_ONTDEKKEN else max(min_grootte, len(df) + 1),
        min_huishoudens=min_huishoudens,
        random_state=seed,
        vorige=vorige,
        begrippenlijst=begrippen,
        # With a tagger (nl_core_news_sm), its tags name the themes; without one, the shipped lexicon does.
        woordsoorten=woordsoorten(list(notities.teksten), pipeline),
    ).fit(notities)
    themas = {t.id: t for t in model.themas_}
    df["thema_id"] = model.labels_
    df["thema"] = [themas[t].naam if t in themas else "Overig" for t in model.labels_]
    df["score"] = model.scores_
    # Individual-only themes mentioned besides the main theme: flagged for individual follow-up, never grouped.
    df["signaal"] = model.signalen_
    return Analyse(df, _beschrijf_themas(df, themas, k), model, pipeline.beschrijving, tuple(meldingen))


def _beschrijf_themas(df: pd.DataFrame, themas: dict[str, Thema], k: int) -> pd.DataFrame:
    rijen = []
    for thema_id, groep in df.groupby("thema_id", sort=False):
        thema = themas.get(str(thema_id))
        huishoudens = groep["huishouden"].dropna()
        aantal_huishoudens = huishoudens.nunique() if len(huishoudens) == len(groep) else len(groep)
        voorbeelden: list[str] = []
        if aantal_huishoudens >= k and thema_id != OVERIG:
            voorbeelden = list(
                groep.sort_values(["score", "rij"], ascending=[False, True])["tekst"]
                .drop_duplicates()
                .head(VOORBEELDEN_PER_THEMA)
            )
        rijen.append(
            {
                "thema_id": thema_id,
                "thema": thema.naam if thema else "Overig",
                "bron": thema.bron if thema else "overig",
                "individueel": bool(thema.individueel) if thema else False,
                "aantal": len(groep),
                "huishoudens": aantal_huishoudens,
                "voorbeelden": voorbeelden,
                "termen": list(thema.trefwoorden) if thema and thema.bron == "ontdekt" else [],
            }
        )
    tabel = pd.DataFrame(
        rijen,
        columns=["thema_id", "thema", "bron", "individueel", "aantal", "huishoudens", "voorbeelden", "termen"],
    )
    # Overig last, the rest by size: the team reads the biggest recurring themes first.
    tabel["_overig"] = tabel["thema_id"] == OVERIG
    return (
        tabel.sort_values(["_overig", "aantal", "thema_id"], ascending=[True, False, True])
        .drop(columns="_overig")
        .reset_index(drop=True)
    )


def afwijzingen_frame(afwijzingen: Sequence[Afwijzing]) -> pd.DataFrame:
    """Rejected rows as a frame: ``regel`` (the row number a person sees, as the terminal shows it), ``rij`` (the
    0-based data row, for ordering), ``id`` (the export's id, when it has one), ``reden``."""
    return pd.DataFrame(
        {
            "regel": [a.getoond for a in afwijzingen],
            "rij": [a.rij for a in afwijzingen],
            "id": [a.bron_id for a in afwijzingen],
            "reden": [a.reden for a in afwijzingen],
        }
    )
