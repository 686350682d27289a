#!/usr/bin/env bash
# The README's first command: set up, build the embedded synthetic dataset, train MMIM with the
# deepspeed launcher (every GPU when there are some, else 2 CPU processes), print the test metrics.
set -euo pipefail
cd "$(dirname "$0")/.."
bash launch/setup_env.sh
export HF_HUB_OFFLINE=1 TORCH_EXTENSIONS_DIR=${TORCH_EXTENSIONS_DIR:-$PWD/.venv/torch_extensions}
# The launcher's own log at error level: its info lines (the command, the hostfile it did not need, the
# devices it made visible: CUDA_VISIBLE_DEVICES even on CPU) say nothing here; a rank's failure still shows.
if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
  exec .venv/bin/deepspeed --log_level error launch/train.py --config configs/quickstart.yaml --resume auto "$@"
fi
export DS_ACCELERATOR=cpu
exec .venv/bin/deepspeed --log_level error --num_gpus 2 launch/train.py --config configs/quickstart.yaml --resume auto "$@"
