"""Evaluate a trained model on a split.

    python launch/eval.py --model runs/quickstart/best_model --split test [--predictions preds.csv]
    python launch/eval.py --checkpoint runs/quickstart/checkpoints/latest --split valid
    deepspeed --num_gpus 2 launch/eval.py --checkpoint runs/quickstart      # several ranks, each sample once
"""

import sys

from dist_mmfuse.cli import eval_main

if __name__ == "__main__":
    sys.exit(eval_main())
