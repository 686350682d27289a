#!/usr/bin/env bash
# The README's first command: set up, build the embedded synthetic dataset, run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash launch/setup_env.sh
export HF_HUB_OFFLINE=1 DS_ACCELERATOR=${DS_ACCELERATOR:-cpu} TORCH_EXTENSIONS_DIR=${TORCH_EXTENSIONS_DIR:-$PWD/.venv/torch_extensions}
exec .venv/bin/python launch/train.py --config configs/quickstart.yaml "$@"
