"""Compare training recipes over seeds: every arm of a study crossed with every seed, each run distributed.

    python launch/study.py --config configs/study/weak_modality.yaml [key.sub=value ...] [--resume] [--address auto]

Writes runs.csv, summary.csv, comparisons.csv, summary.md and valid_mae.png in storage_path/name (docs/studies.md).
"""

import sys

from dist_mmfuse.study import study_main

if __name__ == "__main__":
    sys.exit(study_main())
