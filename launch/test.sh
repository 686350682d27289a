#!/usr/bin/env bash
# The README's second command: set up and run the test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash launch/setup_env.sh
export HF_HUB_OFFLINE=1 DS_ACCELERATOR=${DS_ACCELERATOR:-cpu} TORCH_EXTENSIONS_DIR=${TORCH_EXTENSIONS_DIR:-$PWD/.venv/torch_extensions}
exec .venv/bin/python -m pytest -q --durations=15 "$@"
