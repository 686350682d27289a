"""Random generator states: seeding a run, and the states a checkpoint saves so a resume draws what an
uninterrupted run would (Python's, numpy's and torch's, as tensors and plain values so that a per-rank
file loads with ``weights_only=True``). Feature-cache accumulation also replays torch's states to redraw
the dropout masks a cached forward had. Nothing here reads or writes a file."""

from __future__ import annotations

import random
from typing import Any

import numpy as np
import torch


def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed % 2**32)
    torch.manual_seed(seed)


def torch_rng_states() -> list[torch.Tensor]:
    """torch's CPU and (when present) CUDA generator states: what dropout draws from."""
    return [torch.get_rng_state()] + ([torch.cuda.get_rng_state()] if torch.cuda.is_available() else [])


def set_torch_rng_states(states: list[torch.Tensor]) -> None:
    """Restore ``torch_rng_states()``; a CUDA state is skipped on a machine without CUDA."""
    torch.set_rng_state(states[0])
    if len(states) > 1 and torch.cuda.is_available():
        torch.cuda.set_rng_state(states[1])


def rng_states() -> dict[str, Any]:
    """Python's, numpy's and torch's generator states as tensors and plain values (so that a checkpoint
    loads with ``weights_only=True``)."""
    kind, key, pos, has_gauss, gauss = np.random.get_state()
    return {"python": random.getstate(), "numpy": [kind, torch.from_numpy(key.astype(np.int64)), pos, has_gauss,
                                                   gauss], "torch": torch_rng_states()}


def set_rng_states(states: dict[str, Any]) -> None:
    version, internal, gauss = states["python"]
    random.setstate((version, tuple(internal), gauss))
    kind, key, pos, has_gauss, cached = states["numpy"]
    np.random.set_state((kind, np.asarray(key, dtype=np.int64).astype(np.uint32), pos, has_gauss, cached))
    set_torch_rng_states(states["torch"])
