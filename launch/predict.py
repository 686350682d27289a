"""Predict with an exported model; one row per sample (id, prediction, label when present).

    python launch/predict.py --model runs/quickstart/best_model --input data/quickstart --split test --out preds.csv
    python launch/predict.py --model runs/quickstart/best_model --input new.parquet --spec spec.yaml --out preds.parquet
"""

import sys

from dist_mmfuse.cli import predict_main

if __name__ == "__main__":
    sys.exit(predict_main())
