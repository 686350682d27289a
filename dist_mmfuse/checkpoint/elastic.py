"""Resuming on another world size: the pass record a checkpoint carries, the plan for the rest of an
interrupted pass on the new layout (data/elastic.py computes it), and the conversion of a ZeRO-1/2
checkpoint for another number of ranks through DeepSpeed's universal checkpoint.

The loop tells :class:`PassProgress` when a pass begins and ends; the checkpoint manager asks it for the
record to save and hands it the record a resume restores. Nothing here decides when to save or resume.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import shutil
from pathlib import Path
from typing import Any, Callable

import torch

from .. import distributed as dist
from ..data.elastic import PassLayout, RestOfPass, rest_of_pass
from ..data.loader import StreamingLoader
from ..distributed import WorldInfo
from .layout import UNIVERSAL_DIR, CheckpointError


class PassProgress:
    """The training pass in progress, and every layout it ran on: what a checkpoint records so that a
    resume on another layout finds the samples the pass has left."""

    def __init__(self, loader: StreamingLoader, world_size: int, batch_size: int, accumulation_steps: int):
        self.loader = loader
        self.world_size = world_size
        self.batch_size = batch_size
        self.accumulation_steps = accumulation_steps
        # The pass in progress: (data pass, the layouts it ran on before this one, the step this layout took
        # it over at, its last step); and the pass a resume continues on another layout.
        self._current: tuple[int, list[PassLayout], int, int] | None = None
        self._continued: tuple[int, list[PassLayout], int] | None = None

    def begin(self, data_pass: int, planned_steps: Callable[[], int]) -> tuple[int, int]:
        """A pass over data pass ``data_pass`` starts (or resumes): (the step this layout takes it over at, its
        last step). ``planned_steps()``: the steps of a pass that runs as planned."""
        if self._continued is not None and self._continued[0] == data_pass:
            # The rest of a pass begun on another layout: its own steps, from the step it was taken over at.
            _, history, start = self._continued
            total = start + self.loader.dataset.rank_batches(data_pass) // self.accumulation_steps
        else:
            history, start, total = [], 0, planned_steps()
        self._continued = None
        self._current = (data_pass, history, start, total)
        return start, total

    def end(self) -> None:
        self._current = None

    def layout(self, planned_batches: int = 0, trained_batches: int = 0) -> PassLayout:
        """This launch's layout of the training data, with per-rank batch counts of a pass."""
        return PassLayout(world_size=self.world_size, workers=self.loader.dataset.workers_per_rank,
                          batch_size=self.batch_size, accumulation=self.accumulation_steps,
                          planned_batches=planned_batches, trained_batches=trained_batches)

    def record(self, step: int) -> dict[str, Any] | None:
        """The pass in progress at ``step`` (None between passes): its data pass and every layout it ran on,
        each with the batches per rank it planned and trained."""
        if self._current is None:
            return None
        index, history, start, total = self._current
        accumulation = self.accumulation_steps
        current = self.layout((total - start) * accumulation, (step - start) * accumulation)
        return {"data_pass": index, "layouts": [dataclasses.asdict(layout) for layout in history + [current]]}

    def continue_from(self, record: dict[str, Any] | None, step: int, tag_dir: Path, saved_world: int
                      ) -> RestOfPass | None:
        """Plan the rest of the pass a checkpoint saved at ``step`` was in, when it began on another layout
        than this launch's. None when the pass goes on as planned, or there is none in progress."""
        if step == 0:
            return None
        if record is None:
            if self.world_size != saved_world:
                raise CheckpointError(f"{tag_dir}: saved mid-pass by an older version, which did not record the "
                                      "pass's layout: resume it on the world size it was saved with")
            return None
        layouts = [PassLayout(**layout) for layout in record["layouts"]]
        current = self.layout()
        if current.same_layout(layouts[-1]):
            history, start = layouts[:-1], step - layouts[-1].trained_batches // self.accumulation_steps
        else:
            history, start = layouts, step
        if not history:
            return None
        loader = self.loader
        rest = rest_of_pass(loader.dataset.shards, epoch=record["data_pass"], seed=loader.options.seed,
                            shuffle_buffer=loader.options.shuffle_buffer, history=history, current=current)
        loader.continue_pass(record["data_pass"], rest.plans)
        self._continued = (record["data_pass"], history, start)
        return rest


def elastic_note(progress: PassProgress, saved_world: int, saved_accumulation: int, elastic: str, epoch: int,
                 stage: str, rest: RestOfPass | None) -> str:
    """What a resume on another world size changed, and how the rest of its pass is spread (``epoch``:
    0-based, ``stage``: the pass's)."""
    batch, world, accumulation = progress.batch_size, progress.world_size, progress.accumulation_steps
    note = (f"elastic resume: world size {saved_world} -> {world}; global batch "
            f"{batch * saved_world * saved_accumulation} -> {batch * world * accumulation} (micro-batch {batch}, "
            f"gradient accumulation {saved_accumulation} -> {accumulation}, trainer.elastic={elastic})")
    if rest is None:
        return note + "; the next pass starts on the new layout"
    workers = progress.loader.dataset.workers_per_rank
    spread = f"{rest.full_steps} step(s) of {accumulation} x {batch} samples per rank"
    if rest.last_batch:
        spread += f", then 1 step of {accumulation} x {rest.last_batch} per rank"
    note += (f"; epoch {epoch + 1}, stage {stage}: {rest.remaining} sample(s) of the pass remain, over "
             f"{world} rank(s) x {workers} loader worker(s): {spread}")
    if rest.left_out:
        note += (f"; {rest.left_out} sample(s) left out of this pass: fewer than one per rank and accumulated "
                 "micro-batch, they cannot make equal batches on every rank")
    return note


def load_zero_on_another_world_size(engine, directory: Path, tag: str, checkpoint_dir: Path,
                                    world: WorldInfo) -> dict[str, Any]:
    """Load a ZeRO-1/2 checkpoint saved on another world size into ``engine``; returns its client state.

    The module comes from the model states file, which does not depend on the world size; the fp32
    master weights and every optimizer state (Adam's moments and step counts, per parameter group)
    through DeepSpeed's universal checkpoint: rank 0 converts the checkpoint (ds_to_universal, which
    merges the old ranks' partitions into whole tensors per parameter) into ``checkpoint_dir/.universal``,
    and every rank loads its own partition of them for this world size."""
    from deepspeed.checkpoint import ds_to_universal

    universal = checkpoint_dir / UNIVERSAL_DIR
    failure = None
    if world.is_main:
        shutil.rmtree(universal, ignore_errors=True)
        args = argparse.Namespace(input_folder=str(directory / tag), output_folder=str(universal / tag),
                                  num_extract_workers=1, num_merge_workers=1, keep_temp_folder=False, strict=True,
                                  inject_missing_state=True)
        extract = ds_to_universal.extract_zero_shards
        ds_to_universal.extract_zero_shards = extract_present_zero_shards
        try:
            # Its progress lines and bars say nothing to act on; failures raise.
            with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
                ds_to_universal.main(args)
        except (OSError, RuntimeError, ValueError, KeyError, AssertionError) as exc:
            failure = f"{type(exc).__name__}: {exc}"
        finally:
            ds_to_universal.extract_zero_shards = extract
    if dist.or_across_ranks(torch.tensor([failure is not None], device=engine.device)).item():
        raise CheckpointError(f"{directory / tag}: cannot convert it for {world.world_size} rank(s) "
                              f"(DeepSpeed's ds_to_universal into {universal}): {failure or 'see rank 0'}")
    _, client_state = engine.load_checkpoint(str(directory), tag=tag, load_module_only=True,
                                             load_optimizer_states=False, load_lr_scheduler_states=False)
    # DeepSpeed reads this setting only while loading; the sample search's snapshots stay regular ones.
    ds_config = engine._config
    ds_config.load_universal_checkpoint = True
    try:
        path, _ = engine.load_checkpoint(str(universal), tag=tag, load_lr_scheduler_states=False)
    finally:
        ds_config.load_universal_checkpoint = False
    dist.barrier()
    if world.is_main:
        shutil.rmtree(universal, ignore_errors=True)
    if path is None:
        raise FileNotFoundError(f"{universal / tag}: DeepSpeed found no universal checkpoint there")
    return client_state


def extract_present_zero_shards(out_dir: str, ds_checkpoint, indices_3d: tuple[int, int, int]) -> None:
    """DeepSpeed 0.19's ``ds_to_universal.extract_zero_shards`` for optimizers whose groups may hold no state:
    StagedAdam creates a group's moments at its stage's first step (MMIM's entropy projection: not before
    epoch 2, never under ``entropy_prj: frozen``), and DeepSpeed's extractor reads every group's moments.
    This one writes each parameter's fp32 fragment and the states its group has; DeepSpeed's merge skips
    the missing ones, and such a group loads without moments, as it was saved."""
    from deepspeed.checkpoint import (BASE_OPTIMIZER_STATE, OPTIMIZER_STATE_DICT, PARAM_SLICE_MAPPINGS,
                                      SINGLE_PARTITION_OF_FP32_GROUPS)
    from deepspeed.checkpoint.ds_to_universal import dump_param_fragment

    pp_index, tp_index, dp_index = indices_3d
    optim_sd = ds_checkpoint.get_zero_checkpoint_state(pp_index=pp_index, tp_index=tp_index,
                                                       dp_index=dp_index)[OPTIMIZER_STATE_DICT]
    states = optim_sd[BASE_OPTIMIZER_STATE]["state"]  # by group: ZeRO hands the optimizer one flat tensor per group
    for group, fp32 in enumerate(optim_sd[SINGLE_PARTITION_OF_FP32_GROUPS]):
        flat_state = {key: value for key, value in states.get(group, {}).items()
                      if key in ("exp_avg", "exp_avg_sq", "step")}
        flat_state["fp32"] = fp32
        for name, fragment in optim_sd[PARAM_SLICE_MAPPINGS][group].items():
            for key, value in flat_state.items():
                dump_param_fragment(out_dir, tp_index, dp_index, key, value, name, fragment.start, fragment.numel)
