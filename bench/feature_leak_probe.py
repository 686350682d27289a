"""Does each CMU-MOSI feature predict the label as well on the bc-LSTM split's validation rows as on its
test rows? A ridge probe per modality says, and so says whether validation can select models honestly.

The shipped ``video`` (3D-CNN) features come from a network trained on the labels of every bc-LSTM train
row. The ``mosi_real`` source holds whole videos of those rows out for validation, so the network saw the
validation rows' labels but never the test rows'. For each modality (the frozen MiniLM-L6 mean vector,
openSMILE audio, 3D-CNN video) this fits a ridge regression of the label on the train rows for each
penalty, picks the penalty on validation (as a study's early stopping would), and prints validation and
test MAE and Corr. A feature that carries no leak scores alike on both (within the noise of 131
validation rows); one that does scores far better on validation. A linear probe, not a trained model.

    python bench/feature_leak_probe.py   # the bc-LSTM split, valid_fraction 0.1, seed 0 (the study's)
"""

from __future__ import annotations

import json

import numpy as np

from bench.text_pooling import PENALTIES, ridge_predictions
from sharding.sources.mosi_real import MosiRealSource


def scores(predicted_N: np.ndarray, labels_N: np.ndarray, rows: list[int]) -> dict[str, float]:
    return {"mae": float(np.abs(predicted_N[rows] - labels_N[rows]).mean()),
            "corr": float(np.corrcoef(predicted_N[rows], labels_N[rows])[0, 1])}


def main() -> None:
    source = MosiRealSource(split="bclstm", features=["audio", "video"], valid_fraction=0.1, seed=0,
                            text_features=True, text_pooling="mean")
    labels_N = np.array([float(row["label"]) for row in source.rows])
    train, valid, test = (source.split_rows[s] for s in ("train", "valid", "test"))
    inputs = {"text": source.text_vectors, "audio": source.arrays["audio"], "video": source.arrays["video"]}
    for modality, feats_ND in inputs.items():
        fits = []
        for penalty in PENALTIES:
            predicted_N = ridge_predictions(feats_ND.astype(np.float64), labels_N, train, penalty)
            fits.append({"penalty": penalty, "valid": scores(predicted_N, labels_N, valid),
                         "test": scores(predicted_N, labels_N, test)})
        chosen = min(fits, key=lambda fit: fit["valid"]["mae"])
        print(json.dumps({"split": "bclstm", "modality": modality, "rows": [len(train), len(valid), len(test)],
                          **chosen}), flush=True)


if __name__ == "__main__":
    main()
