"""Search loss weights, learning rates and other config keys with Ray Tune; each trial a distributed run.

    python launch/tune.py --config configs/tune/mmim_weights.yaml [key.sub=value ...] [--address auto] [--resume]

On a cluster: ray job submit --address http://HEAD:8265 --working-dir . -- python launch/tune.py --config ...
"""

import sys

from dist_mmfuse.tuning import tune_main

if __name__ == "__main__":
    sys.exit(tune_main())
