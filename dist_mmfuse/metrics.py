"""The MSA evaluation metrics exactly as the official code computes them (METHODS.md §6).

MOSI/MOSEI (MMIM's ``eval_mosei_senti``, identical in Self-MM/MMSA):
* Acc-2 / F1 **has0**: truth >= 0 vs preds >= 0 (negative vs non-negative), the left number in papers;
* Acc-2 / F1 **non0**: samples with truth == 0 dropped, truth > 0 vs preds > 0, the right number;
* F1 is sklearn's weighted F1 with (truth, pred) argument order (the post-publication fix, §1.8.7);
* Acc-7 / Acc-5: ``np.round`` (half to even) of values clipped to [-3, 3] / [-2, 2];
* MAE and Pearson correlation on the raw predictions.

SIMS (``__eval_sims_regression``): predictions and truth clipped to [-1, 1]; class edges
[-1.01, 0, 1.01] (2), [-1.01, -0.1, 0.1, 1.01] (3), [-1.01, -0.7, -0.1, 0.1, 0.7, 1.01] (5), a value
``v`` falling in class ``i`` when ``edge_i < v <= edge_{i+1}`` (so Acc-2 is <= 0 vs > 0, the opposite tie
convention from MOSI has0); weighted F1 on the 2 classes; MAE and Corr on the **clipped** values.
"""

from __future__ import annotations

import numpy as np
from sklearn.metrics import accuracy_score, f1_score

SIMS_EDGES = {
    2: [-1.01, 0.0, 1.01],
    3: [-1.01, -0.1, 0.1, 1.01],
    5: [-1.01, -0.7, -0.1, 0.1, 0.7, 1.01],
}


def _corr(preds: np.ndarray, truth: np.ndarray) -> float:
    return float(np.corrcoef(preds, truth)[0][1])


def mosi_metrics(preds: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """MOSI/MOSEI metrics over a whole split (1-D arrays of equal length)."""
    preds = np.asarray(preds, dtype=np.float64).reshape(-1)
    truth = np.asarray(truth, dtype=np.float64).reshape(-1)
    non_zeros = truth != 0
    truth_has0, preds_has0 = truth >= 0, preds >= 0
    truth_non0, preds_non0 = truth[non_zeros] > 0, preds[non_zeros] > 0
    return {
        "mae": float(np.mean(np.abs(preds - truth))),
        "corr": _corr(preds, truth),
        "acc7": float(np.mean(np.round(np.clip(preds, -3, 3)) == np.round(np.clip(truth, -3, 3)))),
        "acc5": float(np.mean(np.round(np.clip(preds, -2, 2)) == np.round(np.clip(truth, -2, 2)))),
        "acc2_has0": float(accuracy_score(truth_has0, preds_has0)),
        "f1_has0": float(f1_score(truth_has0, preds_has0, average="weighted")),
        "acc2_non0": float(accuracy_score(truth_non0, preds_non0)),
        "f1_non0": float(f1_score(truth_non0, preds_non0, average="weighted")),
    }


def _sims_classes(values: np.ndarray, edges: list[float]) -> np.ndarray:
    classes = np.zeros_like(values)
    for i in range(len(edges) - 1):
        classes[(values > edges[i]) & (values <= edges[i + 1])] = i
    return classes


def sims_metrics(preds: np.ndarray, truth: np.ndarray) -> dict[str, float]:
    """CH-SIMS metrics over a whole split."""
    preds = np.clip(np.asarray(preds, dtype=np.float64).reshape(-1), -1.0, 1.0)
    truth = np.clip(np.asarray(truth, dtype=np.float64).reshape(-1), -1.0, 1.0)
    result = {"mae": float(np.mean(np.abs(preds - truth))), "corr": _corr(preds, truth)}
    for k, edges in SIMS_EDGES.items():
        result[f"acc{k}"] = float(np.mean(_sims_classes(preds, edges) == _sims_classes(truth, edges)))
    result["f1"] = float(f1_score(_sims_classes(truth, SIMS_EDGES[2]), _sims_classes(preds, SIMS_EDGES[2]),
                                  average="weighted"))
    return result


def msa_metrics(preds: np.ndarray, truth: np.ndarray, label_range: tuple[float, float]) -> dict[str, float]:
    """The metric set for a dataset's label range: SIMS for [-1, 1], MOSI/MOSEI otherwise."""
    return sims_metrics(preds, truth) if tuple(label_range) == (-1.0, 1.0) else mosi_metrics(preds, truth)
