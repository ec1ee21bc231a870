"""The sentence encoder discovery blends into its similarity graph (collectief/inbedding.py): the real encoder,
shipped inside its wheel, nothing downloaded."""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp

from collectief import themes
from collectief.inbedding import DIMENSIES, inbed

NOTITIES = [
    "de huur is te hoog geworden",
    "de huur is veel te hoog, hij kan de woning niet meer betalen",
    "de scootmobiel is kapot, wanneer komt de monteur",
    "mevrouw voelt zich eenzaam sinds haar man is overleden",
]


def test_one_normalised_vector_per_note_whatever_the_order() -> None:
    vectoren = inbed(NOTITIES)
    assert vectoren.shape == (4, DIMENSIES) and vectoren.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectoren, axis=1), 1.0, atol=1e-4)
    # The same texts give the same bits, reversed or repeated; other texts around a note move it a hair at most.
    andersom = inbed([*reversed(NOTITIES), NOTITIES[0]])
    assert np.array_equal(andersom[:4][::-1], vectoren) and np.array_equal(andersom[4], vectoren[0])
    assert np.allclose(inbed(NOTITIES[:1])[0], vectoren[0], atol=1e-4)
    assert inbed([]).shape == (0, DIMENSIES)


def test_a_paraphrase_is_closer_than_another_subject() -> None:
    vectoren = inbed(NOTITIES)
    gelijkenis = vectoren @ vectoren.T
    # Both rent notes are each other's nearest; the scooter and the loneliness are further from both.
    assert np.argsort(-gelijkenis[0])[1] == 1 and np.argsort(-gelijkenis[1])[1] == 0
    assert gelijkenis[0, 1] > max(gelijkenis[0, 2], gelijkenis[0, 3]) + 0.1


def test_embeddings_blend_into_the_neighbour_search() -> None:
    """Rows 0 and 1 share no column, rows 0 and 2 share one; the embeddings say 0 and 1 are the same. Without
    them row 0's nearest is row 2; with half their weight it is row 1, at the blended cosine."""
    X = sp.csr_matrix(np.array([[1.0, 0, 0], [0, 1.0, 0], [0.6, 0, 0.8]]))
    E = np.array([[1.0, 0], [1.0, 0], [0, 1.0]])
    assert themes._naaste_buren(X, 1)[0][0, 0] == 2
    naasten, gelijkenis = themes._naaste_buren(X, 1, E, 0.5)
    assert naasten[0, 0] == 1 and np.isclose(gelijkenis[0, 0], 0.5)
    assert np.isclose(gelijkenis[2, 0], 0.5 * 0.6)
