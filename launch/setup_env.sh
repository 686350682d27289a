#!/usr/bin/env bash
# Create (or reuse) the virtual environment VENV (default .venv) and install dist_mmfuse into it.
# torch goes in first, pinned: an open torch range pulls a multi-GB CUDA build on machines without a GPU.
# DeepSpeed builds without compiling ops (DS_BUILD_OPS=0); its CPU op compiles on first use into
# TORCH_EXTENSIONS_DIR, which the launch scripts point at a private directory.
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${VENV:-.venv}
TORCH_SPEC=${TORCH_SPEC:-torch==2.13.0}
PYTHON=${PYTHON:-python3}
if [ ! -x "$VENV/bin/python" ]; then
  "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/python" -m pip install -q --upgrade pip
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
DS_BUILD_OPS=0 "$VENV/bin/python" -m pip install -q -e ".[test]"
"$VENV/bin/python" -c "import torch, deepspeed, webdataset, ray, transformers; print('environment ready: torch', torch.__version__, 'deepspeed', deepspeed.__version__)"
