"""Exported models: a directory that loads without running code.

An export (``<run>/best_model/`` at each improvement on validation, or ``launch/export.py --out DIR`` from a
checkpoint) holds:

* ``model.safetensors``: every weight of the model and the objective, fp32 (safetensors holds raw tensors
  and a JSON header; reading it cannot execute anything);
* ``config.yaml``: the resolved run config;
* ``schema.json``: the dataset's modalities (kind, dimension, maximum length) and label range;
* ``export.json``: the format, the tool version, the epoch and where the weights came from.

It is written into a temporary directory beside the target and renamed into place, so a reader sees the
previous export or the whole new one. ``load_export`` also reads a ``.pt`` file of the older format, with
``torch.load(weights_only=True)`` only: a pickle that needs anything beyond tensors and plain containers
is refused, with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import torch
import yaml

from . import __version__

EXPORT_FORMAT = "dist_mmfuse.export/1"
WEIGHTS = "model.safetensors"
CONFIG = "config.yaml"
SCHEMA = "schema.json"
INFO = "export.json"


class ExportError(ValueError):
    """A model file that is not an export this tool reads; the message says why."""


def export_model_dir(out: str | os.PathLike, state_dict: dict[str, torch.Tensor], config: dict[str, Any],
                     schema: dict[str, Any] | None, info: dict[str, Any]) -> Path:
    """Write an export directory at ``out`` (replacing an earlier export there, never anything else) and
    return its path."""
    from safetensors import SafetensorError
    from safetensors.torch import save_file

    from .files import WriteError, sync_files, write_failure

    out = Path(out)
    if out.exists() and not (out / INFO).is_file():
        raise ExportError(f"{out} exists and is not an export of this tool (no {INFO}): choose another output path")
    # Own copies: safetensors refuses tensors that share storage (an objective may hold model modules).
    tensors = {name: value.detach().to("cpu", torch.float32, copy=True).contiguous()
               for name, value in state_dict.items()}
    staging = old = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
        save_file(tensors, str(staging / WEIGHTS), metadata={"format": EXPORT_FORMAT})
        (staging / CONFIG).write_text(yaml.safe_dump(config, sort_keys=False))
        if schema is not None:
            (staging / SCHEMA).write_text(json.dumps(schema, indent=1) + "\n")
        (staging / INFO).write_text(json.dumps({"format": EXPORT_FORMAT, "tool_version": __version__,
                                                "tensors": len(tensors),
                                                "parameters": sum(t.numel() for t in tensors.values()),
                                                **info}, indent=1) + "\n")
        sync_files(staging)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
        os.replace(staging, out)
        staging = None
    except BaseException as exc:
        cause = write_failure(staging or out.parent, exc) if isinstance(exc, (OSError, SafetensorError)) else None
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if old is not None and not out.exists():
            os.replace(old, out)  # put the earlier export back
        if cause is None:
            raise
        raise WriteError(f"cannot write the model export {out}: {cause}; an export already there is intact") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return out


def load_export(path: str | os.PathLike) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """``(state_dict, config dict)`` of an export directory (or of an older ``.pt`` export file). No code in
    the file runs: safetensors, YAML through ``safe_load``, and ``torch.load(weights_only=True)``."""
    path = Path(path)
    if path.is_dir():
        if not (path / WEIGHTS).is_file() or not (path / CONFIG).is_file():
            raise ExportError(f"{path}: not an export of this tool (it needs {WEIGHTS} and {CONFIG}); for a "
                              "checkpoint use --checkpoint")
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        try:
            state = load_file(str(path / WEIGHTS))
        except (SafetensorError, OSError) as exc:
            raise ExportError(f"{path / WEIGHTS}: not a readable safetensors file: {exc}") from exc
        try:
            config = yaml.safe_load((path / CONFIG).read_text())
        except yaml.YAMLError as exc:
            raise ExportError(f"{path / CONFIG}: not valid YAML: {exc}") from exc
        if not isinstance(config, dict):
            raise ExportError(f"{path / CONFIG}: not a run config")
        return state, config
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such export")
    try:
        saved = load_tensors_only(path)
    except RefusedFile as exc:
        raise ExportError(f"{path}: refused: a .pt file is a pickle, and this one needs more than tensors and plain "
                          f"containers to load ({exc}); loading it could run code. Export models as directories "
                          "(launch/export.py --out DIR) and load only those") from exc
    if not isinstance(saved, dict) or "state_dict" not in saved or "config" not in saved:
        raise ExportError(f"{path}: not a model export (no state_dict and config)")
    return saved["state_dict"], saved["config"]


class RefusedFile(ValueError):
    """A torch file that needs more than tensors and plain containers; the message names what it needs."""


def load_tensors_only(path: str | os.PathLike) -> Any:
    """``torch.load(weights_only=True)``: tensors and plain containers, nothing that runs. RefusedFile
    otherwise, with the line of torch's error that names what was refused."""
    import pickle

    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError) as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        named = [line for line in lines if "GLOBAL" in line or "global" in line]
        raise RefusedFile((named or lines or [type(exc).__name__])[0].rstrip(".")) from exc
