#!/usr/bin/env bash
# The README's first command: set up, build the embedded synthetic dataset, train MMIM with the
# deepspeed launcher (every GPU when there are some, else 2 CPU processes), print the test metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
bash launch/setup_env.sh
export HF_HUB_OFFLINE=1 TORCH_EXTENSIONS_DIR=${TORCH_EXTENSIONS_DIR:-$PWD/.venv/torch_extensions}
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  exec .venv/bin/deepspeed launch/train.py --config configs/quickstart.yaml --resume auto "$@"
fi
export DS_ACCELERATOR=cpu
exec .venv/bin/deepspeed --num_gpus 2 launch/train.py --config configs/quickstart.yaml --resume auto "$@"
