#!/usr/bin/env bash
# Runs bench/loader_peers.py in an environment of its own (.venv-peers): the peers pin versions the project
# does not use (MosaicML streaming: numpy < 2.2, transformers < 5; its torchvision pulls the default torch
# build from PyPI, a CUDA one of about 6 GB, which runs on CPU), so nothing of the project's .venv changes.
# The project itself is read from this checkout (PYTHONPATH), not installed there.
#   bash bench/loader_peers.sh --shapes mosei --samples 4000 --rounds 5
set -euo pipefail
cd "$(dirname "$0")/.."
VENV=${PEERS_VENV:-.venv-peers}
if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -c "import streaming, litdata, webdataset, wids, psutil" 2>/dev/null; then
  echo "loader_peers.sh: making $VENV (webdataset 1.0.2, mosaicml-streaming 0.13.0, litdata 0.2.76)" >&2
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "numpy<2.2" pyarrow "pydantic>=2" pyyaml tenacity psutil webdataset==1.0.2 "wids>=0.1.11,<0.2" \
    mosaicml-streaming==0.13.0 litdata==0.2.76
fi
PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" exec "$VENV/bin/python" bench/loader_peers.py "$@"
