"""The rules of a run's checkpoint directory, readable without a process group or an engine.

``<run>/checkpoints/<tag>/`` holds DeepSpeed's files (model and optimizer states, a ``client_state`` with
the train state, loader position, scheduler and resolved config), one ``rank<r>.pt`` per rank (RNG states
and the objective's per-rank state, loadable with ``weights_only=True``), and rank 0's records:
``checkpoint.json`` (what resuming must match), ``schema.json``, the preprocessing record and, written
last, ``config.yaml``. A tag without ``config.yaml`` is unfinished: nothing reads it and the next save
removes it. ``<run>/checkpoints/latest`` names the newest complete tag.

This module only names and reads; writing is manager.py's.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch

from ..export import INFO, RefusedFile, load_tensors_only

CHECKPOINT_DIR = "checkpoints"
SEARCH_DIR = "search"  # the sample search's snapshots (TupleInfoNCE), removed after each outer epoch
BEST_MODEL = "best_model"  # the export of the epoch selected on validation, in the run directory
LATEST = "latest"
AUTO = "auto"  # resume from latest if there is one
CHECKPOINT_INFO = "checkpoint.json"  # in each tag: what resuming must match, readable before any process group
CHECKPOINT_FORMAT = "dist_mmfuse.checkpoint/1"
INIT_FROM = "init_from.json"  # in the run directory of a run started from an export (model.init_from)
UNIVERSAL_DIR = ".universal"  # under checkpoints/: a ZeRO checkpoint converted for another world size, while it loads


class CheckpointError(RuntimeError):
    """A checkpoint cannot be written, or cannot be resumed here; the message names the path and the cause."""


def is_complete_tag(tag_dir: Path) -> bool:
    """A checkpoint tag whose save completed (rank 0 writes config.yaml last, after every rank's files)."""
    return (tag_dir / "config.yaml").is_file()


def rank_file(tag_dir: Path, rank: int) -> Path:
    return tag_dir / f"rank{rank}.pt"


def resolve_checkpoint(checkpoint_dir: Path, which: str) -> tuple[Path, str]:
    """(directory, tag) for ``latest``, a tag under ``checkpoint_dir``, or a path to a tag directory."""
    if which == LATEST:
        latest = checkpoint_dir / LATEST
        if not latest.is_file():
            raise FileNotFoundError(f"{latest}: no checkpoint to resume from (nothing saved in this run directory)")
        return checkpoint_dir, latest.read_text().strip()
    candidate = Path(which)
    if candidate.is_dir() and (candidate.parent / candidate.name).exists() and candidate.parent != Path("."):
        return candidate.parent, candidate.name
    if (checkpoint_dir / which).is_dir():
        return checkpoint_dir, which
    raise FileNotFoundError(f"checkpoint {which!r} not found (looked for {checkpoint_dir / which} and {candidate})")


def checkpoint_tag_dir(path: Path) -> Path:
    """The complete tag directory meant by ``path``: a tag directory, ``.../checkpoints/latest`` or a run
    directory (its latest checkpoint)."""
    if path.name == LATEST and not path.is_dir():
        directory, tag = resolve_checkpoint(path.parent, LATEST)
        path = directory / tag
    elif (path / CHECKPOINT_DIR).is_dir():
        directory, tag = resolve_checkpoint(path / CHECKPOINT_DIR, LATEST)
        path = directory / tag
    if not path.is_dir():
        raise FileNotFoundError(f"{path}: no such checkpoint")
    if (path / INFO).is_file():
        raise FileNotFoundError(f"{path} is a model export, not a checkpoint: use it as it is (--model, load_model); "
                                "a checkpoint is a run directory or one of its checkpoints/<tag>")
    if not is_complete_tag(path):
        raise FileNotFoundError(f"{path}: not a complete checkpoint of this tool (no config.yaml)")
    return path


def load_rank_state(path: Path) -> dict[str, Any]:
    """A checkpoint's per-rank file (RNG states, the objective's state), read with ``weights_only=True``: a
    file that needs more than tensors and plain containers is refused, not run."""
    if not path.is_file():
        raise CheckpointError(f"{path}: missing (each rank's RNG and objective state)")
    try:
        return load_tensors_only(path)
    except RefusedFile as exc:
        refused = str(exc)
        if "numpy" in refused:
            raise CheckpointError(f"{path}: written by an older dist_mmfuse, which pickled numpy's RNG state; "
                                  f"weights_only loading refuses it ({refused}). Resume it with the version that "
                                  "wrote it, or start afresh (--overwrite)") from exc
        raise CheckpointError(f"{path}: refused: it is not a per-rank state this tool writes, and loading it could "
                              f"run code ({refused})") from exc


def tensors_in(value) -> list[torch.Tensor]:
    """Every tensor in nested dicts, lists and tuples."""
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [t for item in value for t in tensors_in(item)]
    return []
