"""BERTopic on given texts, run in a venv of its own (BERTopic's dependencies stay out of collectief's).

    python bench/bertopic_run.py IN.json OUT.json

IN.json holds ``teksten`` (already normalised, as the baselines get them), ``stopwoorden`` and ``seed``; OUT.json
gets ``labels`` (-1 = outlier). The embedding is TF-IDF + SVD, since no sentence model can be downloaded here;
UMAP + HDBSCAN with BERTopic's usual settings; the number of topics is BERTopic's own (auto), as in
``../shared/bench-data/README.md``'s reference figures. ``bench_themes.py publiek`` calls this when
``COLLECTIEF_BERTOPIC_PYTHON`` names that venv's interpreter. Set up once, for example:

    python3.11 -m venv /tmp/bertopic-venv
    /tmp/bertopic-venv/bin/pip install --no-deps bertopic
    /tmp/bertopic-venv/bin/pip install umap-learn hdbscan pandas scikit-learn tqdm plotly numpy pyyaml

(``--no-deps`` leaves out sentence-transformers and torch, which the TF-IDF embedding does not need.)
"""

from __future__ import annotations

import json
import sys


def main(invoer: str, uitvoer: str) -> None:
    from bertopic import BERTopic
    from hdbscan import HDBSCAN
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
    from sklearn.pipeline import make_pipeline
    from umap import UMAP

    with open(invoer, encoding="utf-8") as f:
        data = json.load(f)
    seed, stop = int(data["seed"]), list(data["stopwoorden"])
    embedding = make_pipeline(
        TfidfVectorizer(stop_words=stop, min_df=2, sublinear_tf=True),
        TruncatedSVD(n_components=100, random_state=seed),
    )
    model = BERTopic(
        embedding_model=embedding,
        umap_model=UMAP(n_neighbors=15, n_components=5, min_dist=0.0, metric="cosine", random_state=seed),
        hdbscan_model=HDBSCAN(min_cluster_size=10, metric="euclidean", prediction_data=True),
        vectorizer_model=CountVectorizer(stop_words=stop),
    )
    onderwerpen, _ = model.fit_transform(data["teksten"])
    with open(uitvoer, "w", encoding="utf-8") as f:
        json.dump({"labels": [int(x) for x in onderwerpen]}, f)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
