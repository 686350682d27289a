"""How DeepSpeed's own checkpoint files are read: never in a way that can run code from them.

DeepSpeed reads its model-states and optimizer-states files with ``torch.load(weights_only=False)``,
which unpickles anything, so a received checkpoint could run code when it is resumed, evaluated or
exported. This module owns the allowlist of exactly the objects DeepSpeed writes into those files
(:data:`DEEPSPEED_GLOBALS`), the check of a checkpoint's files before any process group
(:func:`check_checkpoint_files`, which reads the pickles' opcodes and unpickles nothing), and the context
in which DeepSpeed's loads run with ``weights_only=True`` and that allowlist
(:func:`deepspeed_loads_weights_only`). It never decides which files are read or when.
"""

from __future__ import annotations

import contextlib
import functools
import importlib
import pickle
import re
from pathlib import Path
from typing import Any, Iterator

import torch

from .layout import CheckpointError

# Every non-torch object DeepSpeed 0.19 pickles into a checkpoint this tool writes: ZeRO 0-3 with fp32,
# bf16 or fp16, and the universal checkpoint of an elastic resume. Found by
# torch.serialization.get_unsafe_globals_in_checkpoint over such checkpoints (tests/test_faults.py keeps
# it complete: every stage's files must pass the check). Anything else is refused.
DEEPSPEED_GLOBALS = (
    "deepspeed.runtime.fp16.loss_scaler.LossScaler",
    "deepspeed.runtime.fp16.loss_scaler.DynamicLossScaler",
    "deepspeed.runtime.zero.config.ZeroStageEnum",
    "deepspeed.utils.tensor_fragment.fragment_address",
)

_GLOBAL_IN_ERROR = re.compile(r"GLOBAL ([\w.]+)")


class RefusedCheckpointFile(CheckpointError):
    """A checkpoint file that needs an object outside the allowlist; the message names the file and it."""


def refusal(path: str | Path, names: list[str]) -> RefusedCheckpointFile:
    return RefusedCheckpointFile(
        f"{path}: refused: it needs {', '.join(sorted(names))}, which is not among the objects DeepSpeed "
        "writes into a checkpoint, and loading it could run code. Only the allowlisted ones load "
        f"({', '.join(DEEPSPEED_GLOBALS)})")


@functools.cache
def allowed_objects() -> tuple[Any, ...]:
    """The allowlisted classes themselves (what ``torch.serialization.safe_globals`` takes)."""
    objects = []
    for dotted in DEEPSPEED_GLOBALS:
        module, _, name = dotted.rpartition(".")
        objects.append(getattr(importlib.import_module(module), name))
    return tuple(objects)


def unsafe_globals(path: Path) -> list[str]:
    """The globals a torch file needs beyond torch's own safe set and the allowlist, read from its
    pickle's opcodes: nothing in the file is unpickled or run."""
    try:
        needed = torch.serialization.get_unsafe_globals_in_checkpoint(str(path))
    except (RuntimeError, ValueError, OSError, pickle.UnpicklingError) as exc:
        raise CheckpointError(f"{path}: not a readable torch file ({type(exc).__name__}: {exc})") from exc
    return [name for name in needed if name not in DEEPSPEED_GLOBALS]


def check_checkpoint_files(tag_dir: Path) -> None:
    """Before any process group: every torch file in a checkpoint tag directory (DeepSpeed's and this
    tool's per-rank files) needs no object outside the allowlist; CheckpointError names the file and what
    it needs otherwise."""
    for path in sorted(tag_dir.glob("*.pt")):
        names = unsafe_globals(path)
        if names:
            raise refusal(path, names)


@contextlib.contextmanager
def deepspeed_loads_weights_only() -> Iterator[None]:
    """Within it, every ``torch.load`` (DeepSpeed's engine, zero_to_fp32 and ds_to_universal call it as
    ``torch.load(..., weights_only=False)``) runs with ``weights_only=True`` and the allowlist: tensors,
    plain containers and DeepSpeed's own records load; a file needing anything else raises
    :class:`RefusedCheckpointFile` naming the file and the global, and nothing of it runs."""
    original = torch.load

    @functools.wraps(original)
    def load_weights_only(f, *args, **kwargs):
        kwargs["weights_only"] = True
        try:
            with torch.serialization.safe_globals(list(allowed_objects())):
                return original(f, *args, **kwargs)
        except pickle.UnpicklingError as exc:
            names = _GLOBAL_IN_ERROR.findall(str(exc)) or [str(exc).splitlines()[0]]
            raise refusal(f, names) from exc

    torch.load = load_weights_only
    try:
        yield
    finally:
        torch.load = original
