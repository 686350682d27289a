"""What ``--resume`` may continue, decided before any process group forms (exit code 2, one line).

A checkpoint resumes when it is complete, was saved under the same config (except where things are, how
long to train and how to log and checkpoint: ``RESUMABLE_CHANGES``), with the same ZeRO stage and
accumulation mode, on this world size or one it can be converted from, and its files (DeepSpeed's and
the per-rank ones) load without running code. This module also says how a resume goes on (its gradient
accumulation, whether the run is already finished). It reads the records rank 0 wrote; it never loads an engine or writes a file.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from ..config import Config, deepspeed_settings, migrate_renamed_keys, zero_stage
from ..train_state import TrainState
from .layout import (AUTO, CHECKPOINT_DIR, CHECKPOINT_INFO, LATEST, CheckpointError, is_complete_tag, load_rank_state,
                     rank_file, resolve_checkpoint)
from .safe_load import check_checkpoint_files

# Config keys a resumed run may change: where things are, how long to train, what to log and how to
# checkpoint. Any other difference would continue another experiment under this run's name.
RESUMABLE_CHANGES = ("run.output_dir", "data.shard_dir", "data.cache_dir", "data.cache_max_gb", "data.prefetch_factor",
                     "data.pin_memory", "data.retry_for_s",
                     "data.verify_checksums", "model.text_model", "trainer.deepspeed_config", "trainer.epochs",
                     "trainer.patience", "trainer.log_every", "trainer.progress_bar", "trainer.checkpoint_every_steps",
                     "trainer.keep_checkpoints", "trainer.nonfinite", "trainer.nonfinite_patience",
                     "trainer.collective_timeout_s", "trainer.log_samples", "trainer.anomaly_detection",
                     "trainer.elastic")


def check_resume(config: Config, which: str, world_size: int, rank: int) -> Path | None:
    """Before any process group: the checkpoint ``--resume`` names must exist, be complete, have been
    saved with this launch's ZeRO stage and accumulation mode, on this world size or on one it can resume
    from (its ``checkpoint.json``; ``resume_accumulation``), and hold per-rank files that load without
    running code. Returns its tag directory (None for ``auto`` in a run with no checkpoint yet);
    CheckpointError says what is wrong."""
    checkpoint_dir = config.run_dir() / CHECKPOINT_DIR
    if which == AUTO:
        if not (checkpoint_dir / LATEST).is_file():
            return None
        which = LATEST
    directory, tag = resolve_checkpoint(checkpoint_dir, which)
    tag_dir = directory / tag
    if not is_complete_tag(tag_dir):
        raise CheckpointError(f"{tag_dir}: an unfinished checkpoint (its save did not complete: no config.yaml); "
                              "resume from --resume latest")
    _check_same_config(config, tag_dir)
    saved_world = world_size
    if (tag_dir / CHECKPOINT_INFO).is_file():  # (older checkpoints lack it: checked after loading instead)
        saved = json.loads((tag_dir / CHECKPOINT_INFO).read_text())
        _check_same_layout(config, tag_dir, saved, world_size)
        resume_accumulation(config, tag_dir, world_size)
        saved_world = saved["world_size"]
    for other in range(saved_world):  # every rank checks every file, so all refuse alike
        load_rank_state(rank_file(tag_dir, other))
    check_checkpoint_files(tag_dir)  # DeepSpeed's files hold only what DeepSpeed writes
    return tag_dir


def resume_accumulation(config: Config, tag_dir: Path | None, world_size: int) -> int:
    """The gradient accumulation steps a resume from ``tag_dir`` on ``world_size`` ranks goes on with:
    those the checkpoint was saved with, changed only on another world size under
    ``trainer.elastic=keep_global_batch``. CheckpointError where that cannot keep the global batch."""
    info = tag_dir / CHECKPOINT_INFO if tag_dir is not None else None
    if info is None or not info.is_file():
        return config.trainer.gradient_accumulation_steps
    saved = json.loads(info.read_text())
    try:
        return accumulation_for(config, saved["gradient_accumulation_steps"], saved["world_size"], world_size)
    except ValueError as exc:
        raise CheckpointError(f"{tag_dir}: {exc}") from exc


def accumulation_for(config: Config, saved_steps: int, saved_world: int, world_size: int) -> int:
    """Accumulation steps on ``world_size`` ranks after ``saved_steps`` on ``saved_world`` (see
    ``resume_accumulation``); ValueError where keep_global_batch does not divide."""
    if world_size == saved_world or config.trainer.elastic == "follow_world_size":
        return saved_steps
    micro_batches = saved_steps * saved_world
    if micro_batches % world_size:
        raise ValueError(
            f"trainer.elastic=keep_global_batch cannot keep the global batch of {micro_batches * config.data.batch_size} "
            f"({saved_world} rank(s) x {saved_steps} accumulated micro-batch(es) of {config.data.batch_size}) on "
            f"{world_size} rank(s): {micro_batches} micro-batches per step do not divide by {world_size}; launch on a "
            f"world size that divides {micro_batches}, or resume with trainer.elastic=follow_world_size")
    return micro_batches // world_size


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    """Nested dicts as one dict of dotted keys (empty dicts are values)."""
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict) and value:
            flat.update(flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _check_same_config(config: Config, tag_dir: Path) -> None:
    """Refuse to resume a checkpoint under a config that differs beyond RESUMABLE_CHANGES."""
    import yaml

    raw = yaml.safe_load((tag_dir / "config.yaml").read_text()) or {}
    migrate_renamed_keys(raw)  # a checkpoint saved before a key was renamed holds the old name
    saved = flatten(raw)
    now = flatten(config.model_dump(mode="json"))
    changed = [f"{key} ({saved.get(key)!r} there, {now.get(key)!r} here)" for key in sorted(saved.keys() | now.keys())
               if saved.get(key) != now.get(key) and not key.startswith(RESUMABLE_CHANGES)]
    if changed:
        more = f" and {len(changed) - 6} more" if len(changed) > 6 else ""
        raise CheckpointError(f"{tag_dir}: saved under another config: {'; '.join(changed[:6])}{more}. A resumed run "
                              "may change only where things are, trainer.epochs, trainer.patience and the logging and "
                              "checkpoint settings; start another run (run.name) or replace this one (--overwrite)")


def _check_same_layout(config: Config, tag_dir: Path, saved: dict[str, Any], world_size: int) -> None:
    settings = deepspeed_settings(config)
    stage = zero_stage(settings)
    now = {"zero_stage": stage, "accumulation": config.trainer.accumulation}
    changed = [f"{key} {saved.get(key)} there, {value} here" for key, value in now.items() if saved.get(key) != value]
    if changed:
        raise CheckpointError(
            f"{tag_dir}: cannot resume with this launch: {'; '.join(changed)}. Resuming needs the ZeRO stage and the "
            f"accumulation it was saved with: a DeepSpeed config of ZeRO stage {saved.get('zero_stage')} "
            f"(trainer.deepspeed_config) and trainer.accumulation={saved.get('accumulation')}")
    if saved["world_size"] == world_size:
        return
    # Another world size: ZeRO-1/2 through DeepSpeed's universal checkpoint; ZeRO-0 in fp32 holds everything
    # in one file. A bf16 or fp16 ZeRO-0 optimizer partitions its fp32 state by rank, and ZeRO-3 restores one
    # step count for every parameter group (StagedAdam keeps one per group): neither is converted here.
    mixed = settings.get("bf16", {}).get("enabled") or settings.get("fp16", {}).get("enabled")
    if stage == 3 or (stage == 0 and mixed):
        what = "ZeRO stage 3" if stage == 3 else "ZeRO stage 0 in bf16/fp16"
        raise CheckpointError(f"{tag_dir}: saved on {saved['world_size']} rank(s), launched on {world_size}: a "
                              f"{what} checkpoint resumes only on the world size it was saved with; relaunch on "
                              f"{saved['world_size']} rank(s) (resuming on another world size covers ZeRO stages 1 "
                              "and 2, and stage 0 in fp32)")


def finished_run_summary(config: Config, tag_dir: Path) -> dict[str, Any] | None:
    """If the run whose checkpoint ``tag_dir`` is has nothing left to train under ``config`` (its epochs
    done, or stopped early under this ``trainer.patience``), what it selected: ``{"epochs", "why",
    "best_epoch", "test"}``. None if it trains on (or the checkpoint predates checkpoint.json)."""
    info_path = tag_dir / CHECKPOINT_INFO
    try:
        state = TrainState(**json.loads(info_path.read_text())["train_state"])
    except (OSError, ValueError, KeyError, TypeError):  # absent (older checkpoints) or not ours: decide later
        return None
    trainer_cfg = config.trainer
    if state.epoch >= trainer_cfg.epochs:
        why = f"trainer.epochs={trainer_cfg.epochs}"
    elif state.bad_epochs >= trainer_cfg.patience:
        why = (f"early stop after {state.bad_epochs} epochs without a better validation loss (trainer.patience="
               f"{trainer_cfg.patience})")
    else:
        return None
    return {"epochs": state.epoch, "why": why, "best_epoch": state.best_epoch_number, "test": state.best_test_metrics}
