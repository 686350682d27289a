"""Train a multimodal fusion model.

    deepspeed --num_gpus 2 launch/train.py --config configs/quickstart.yaml [key.sub=value ...] [--resume latest]

Also runs under torchrun, srun and plain python (one process).
"""

import sys

from dist_mmfuse.cli import train_main

if __name__ == "__main__":
    sys.exit(train_main())
