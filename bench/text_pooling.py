"""Which frozen MiniLM-L6 vector carries more of the sentiment of a CMU-MOSI transcript: its [CLS] state
or the mean of its token states (``text_pooling: cls`` or ``mean`` of the ``text_features`` option)?

The packaged MiniLM-L6 is all-MiniLM-L6-v2, a sentence encoder trained with mean pooling; BERT-based
MSA models fuse [CLS] after fine-tuning it. With the encoder frozen (the CPU track of the real-MOSI
studies), only the vector matters. This probe builds both, as the ``mosi_real`` source does (one
transcript at a time, z-scored with the train split's statistics), fits a ridge regression of the label
on the train split for each penalty, picks the penalty on validation, and prints validation and test
MAE and the test correlation. A linear probe, not a trained model: it ranks the inputs, and the studies
report the models.

    python bench/text_pooling.py                 # standard folds
    python bench/text_pooling.py --split bclstm  # the bc-LSTM split
"""

from __future__ import annotations

import argparse
import json

import numpy as np

from sharding.sources.mosi_real import MosiRealSource

PENALTIES = (0.1, 1.0, 10.0, 100.0, 1000.0, 10000.0)


def ridge_predictions(feats_ND: np.ndarray, labels_N: np.ndarray, train: list[int], penalty: float) -> np.ndarray:
    """Predictions for every row of a ridge regression fitted on the train rows (intercept unpenalised)."""
    design_ND1 = np.c_[feats_ND, np.ones(len(feats_ND))]
    regulariser = penalty * np.eye(design_ND1.shape[1])
    regulariser[-1, -1] = 0.0
    weights = np.linalg.solve(design_ND1[train].T @ design_ND1[train] + regulariser,
                              design_ND1[train].T @ labels_N[train])
    return design_ND1 @ weights


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("std", "bclstm"), default="std")
    args = parser.parse_args()
    results = {}
    for pooling in ("cls", "mean"):
        source = MosiRealSource(split=args.split, text_features=True, text_pooling=pooling)
        labels_N = np.array([float(row["label"]) for row in source.rows])
        feats_ND = source.text_vectors.astype(np.float64)
        train, valid, test = (source.split_rows[s] for s in ("train", "valid", "test"))
        fits = []
        for penalty in PENALTIES:
            predicted_N = ridge_predictions(feats_ND, labels_N, train, penalty)
            fits.append({"penalty": penalty,
                         "valid_mae": float(np.abs(predicted_N[valid] - labels_N[valid]).mean()),
                         "test_mae": float(np.abs(predicted_N[test] - labels_N[test]).mean()),
                         "test_corr": float(np.corrcoef(predicted_N[test], labels_N[test])[0, 1])})
        results[pooling] = min(fits, key=lambda fit: fit["valid_mae"])  # selected on validation
        print(json.dumps({"split": args.split, "pooling": pooling, **results[pooling]}), flush=True)


if __name__ == "__main__":
    main()
