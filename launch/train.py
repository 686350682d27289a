"""Train a multimodal fusion model: ``deepspeed launch/train.py --config configs/<name>.yaml [key.sub=value ...]``.

Also runs under torchrun, srun and plain python (one process).
"""

import sys

from dist_mmfuse.cli import train_main

if __name__ == "__main__":
    sys.exit(train_main())
