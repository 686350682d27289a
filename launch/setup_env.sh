if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
#if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
!if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
#if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
(if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
)if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
(if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
)if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
#if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
:if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
wif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
#if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
wif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
(if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
0if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
)if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
;if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
#if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Xif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
wif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
(if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
0if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
)if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
{if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
:if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
}if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
{if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
:if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
2if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
1if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
3if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
0if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
}if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
{if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
:if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
3if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
}if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
[if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
!if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
xif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
]if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
;if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
qif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
!if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
2if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
>if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
;if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
>if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
2if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
>if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
&if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
1if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
;if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
qif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
{if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
}if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
qif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
{if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
}if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
xif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
xif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
:if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
wif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
gif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
wif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Uif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
=if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
0if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
lif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
qif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
[if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
]if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
$if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
Vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
/if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
-if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
wif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
bif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
fif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
;if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
(if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
'if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
mif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
aif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
yif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
:if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
'if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
tif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
cif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
hif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
'if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
'if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
,if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
 if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
pif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
dif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
.if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
vif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
eif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
rif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
sif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
iif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
oif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
nif ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
_if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
)if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
"if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi

if ! "$VENV/bin/python" -c "import torch" 2>/dev/null; then
  # Here torch==2.13.0 resolves to the local CPU wheel. Elsewhere, on a machine without a GPU, set
  # TORCH_INDEX_URL=https://download.pytorch.org/whl/cpu to get the CPU build from PyTorch's index.
  "$VENV/bin/python" -m pip install -q "${TORCH_SPEC}" ${TORCH_INDEX_URL:+--index-url "$TORCH_INDEX_URL"}
fi
