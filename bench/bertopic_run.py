"""BERTopic on given texts, run in a venv of its own (BERTopic's dependencies stay out of collectief's).

    python bench/bertopic_run.py IN.json OUT.json

IN.json holds ``teksten`` (already normalised, as the baselines get them), ``stopwoorden``, ``seed`` and
optionally ``nr_topics`` and ``inbeddingen`` (one vector per text, computed by the caller: then BERTopic clusters
those instead of its TF-IDF + SVD embedding); OUT.json gets ``labels`` (-1 = outlier). ``onderwerpen`` is also
called in-process by ``bench_themes.py`` when BERTopic is installed in the same venv. The embedding is TF-IDF +
SVD unless the caller gives sentence embeddings (no sentence-transformers model can be downloaded here); UMAP +
HDBSCAN with BERTopic's usual settings; on the public sets the
number of topics is BERTopic's own (auto), as in ``../shared/bench-data/README.md``'s reference figures.
``bench_themes.py publiek`` calls this when ``COLLECTIEF_BERTOPIC_PYTHON`` names that venv's interpreter.
Set up once, for example:

    python3.11 -m venv /tmp/bertopic-venv
    /tmp/bertopic-venv/bin/pip install --no-deps bertopic
    /tmp/bertopic-venv/bin/pip install umap-learn hdbscan pandas scikit-learn tqdm plotly numpy pyyaml

(``--no-deps`` leaves out sentence-transformers and torch, which the TF-IDF embedding does not need.)
"""

from __future__ import annotations

import json
import sys


def onderwerpen(
    teksten: list[str],
    stopwoorden: list[str],
    seed: int,
    nr_topics: int | None = None,
    inbeddingen: list[list[float]] | None = None,
) -> list[int]:
    """BERTopic's topic per text (-1 = outlier); ``nr_topics`` None: BERTopic's own number of topics;
    ``inbeddingen``: precomputed sentence embeddings to cluster instead of TF-IDF + SVD."""
    import numpy as np
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from umap import UMAP

    embedding = make_pipeline(
        TfidfVectorizer(stop_words=stopwoorden, min_df=2, sublinear_tf=True),
        TruncatedSVD(n_components=100, random_state=seed),
    )
    model = BERTopic(
        embedding_model=embedding,
        umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed),
        hdbscan_model=HDBSCAN(min_cluster_size=10, metric="euclidean", prediction_data=True),
        vectorizer_model=CountVectorizer(stop_words=stopwoorden),
        nr_topics=nr_topics,
    )
    vectoren = np.asarray(inbeddingen, dtype=np.float32) if inbeddingen is not None else None
    uit, _ = model.fit_transform(teksten, embeddings=vectoren)
    return [int(x) for x in uit]


def main(invoer: str, uitvoer: str) -> None:
    with open(invoer, encoding="utf-8") as f:
        data = json.load(f)
    labels = onderwerpen(
        data["teksten"], data["stopwoorden"], int(data["seed"]), data.get("nr_topics"), data.get("inbeddingen")
    )
    with open(uitvoer, "w", encoding="utf-8") as f:
        json.dump({"labels": labels}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
