"""The checkpoint manager: the one object that writes and reads a run's persistent training state.

It owns, under the run directory: the checkpoint tags (every rank's DeepSpeed files and ``rank<r>.pt``,
then rank 0's records, then ``latest``, see layout.py), the room check before a save and the agreement of
all ranks on a failed write, pruning, loading on the same or another world size (elastic.py), the sample
search's snapshots (``search/``), the export of the selected epoch (``best_model/``), and the run's records
of its resolved config and starting weights. No checkpoint or export is ever written from non-finite
weights.

It never decides when to save, what to select or whether to stop: the loop (trainer.py) calls it.
"""

from __future__ import annotations

import dataclasses
import json
import shutil
import sys
from pathlib import Path
from typing import Any

import numpy as np
import torch

from .. import distributed as dist
from ..config import Config, write_resolved_config
from ..distributed import WorldInfo
from ..export import PREPROCESSING, SCHEMA, ExportAssets, ExportError, export_model_dir
from ..files import WriteError, atomic_write_text, free_bytes, sync_files, write_failure
from ..nonfinite import NonFiniteError
from ..train_state import TrainState
from .elastic import PassProgress, elastic_note, load_zero_on_another_world_size
from .layout import (AUTO, BEST_MODEL, CHECKPOINT_DIR, CHECKPOINT_FORMAT, CHECKPOINT_INFO, INIT_FROM, LATEST,
                     SEARCH_DIR, CheckpointError, is_complete_tag, load_rank_state, rank_file, resolve_checkpoint,
                     tensors_in)
from .resume import accumulation_for
from .rng import rng_states, seed_everything, set_rng_states
from .safe_load import deepspeed_loads_weights_only
from .weights import full_fp32_state_dict


def _size(count: int) -> str:
    """A byte count in MiB, with decimals below 100 MiB (16.4 and 16.1 MiB, not 16 and 16)."""
    mib = count / 2**20
    digits = 0 if mib >= 100 else 1 if mib >= 10 else 2
    return f"{mib:.{digits}f} MiB" if f"{mib:.{digits}f}" != "0" else f"{count} bytes"


class CheckpointManager:
    """Save, load, prune and export for one run; every method is called on every rank alike."""

    def __init__(self, config: Config, world: WorldInfo, schema, assets: ExportAssets, *, engine, zero_stage: int,
                 optimizer, objective, scheduler, train_loader, logger, sample_log, accumulation_steps: int,
                 checkpoint_dir: Path | None = None):
        """``assets``: what an export needs besides the weights (export.py's ``export_assets``); ``zero_stage``:
        the DeepSpeed settings' (what ``checkpoint.json`` records and a resume checks). ``checkpoint_dir``:
        where checkpoints go instead of ``<run>/checkpoints`` (under Ray Train, a directory private to this
        rank, so each rank's report holds exactly the shard it wrote)."""
        self.config = config
        self.world = world
        self.run_dir = config.run_dir()
        self.checkpoint_dir = checkpoint_dir or self.run_dir / CHECKPOINT_DIR
        self.schema = schema
        self.engine, self.optimizer, self.objective, self.scheduler = engine, optimizer, objective, scheduler
        self.train_loader, self.logger, self.sample_log = train_loader, logger, sample_log
        self.accumulation_steps = accumulation_steps
        self.zero_stage = zero_stage
        self.export_assets = assets
        self.passes = PassProgress(train_loader, world.world_size, config.data.batch_size, accumulation_steps)
        self.resume_note: str | None = None  # what an elastic resume changed, for rank 0 to print

    @property
    def device(self) -> torch.device:
        return self.engine.device

    def record_start(self, init_record: dict[str, Any] | None) -> None:
        """Rank 0: the resolved config in the run directory, and where the starting weights came from
        (``model.init_from``; kept when the run resumes)."""
        if not self.world.is_main:
            return
        write_resolved_config(self.config, self.run_dir)
        if init_record is not None and not (self.run_dir / INIT_FROM).is_file():
            atomic_write_text(self.run_dir / INIT_FROM, json.dumps(init_record, indent=1) + "\n")
            print(f"initial weights from {self.config.model.init_from} ({init_record['tensors_loaded']} tensors; "
                  f"objective: {init_record['objective_weights']})", flush=True)

    # -- saving ------------------------------------------------------------------------------------

    def save(self, tag: str, state: TrainState) -> Path:
        """Save on every rank; then, on rank 0, complete the tag (checkpoint.json, schema.json, config.yaml),
        point ``latest`` at it atomically and prune old tags. Non-finite weights or objective state, or a
        destination without the room a checkpoint takes, stop the run on every rank alike before anything is
        written; a write that fails on any rank stops every rank, after the failing one has said why."""
        target = self.checkpoint_dir / tag
        self.check_finite_weights(f"checkpoint {target}", state)
        self._check_room(target)
        if self.world.is_main and target.is_dir():  # written again (a replayed step): unfinished until complete
            for name in ("config.yaml", CHECKPOINT_INFO):
                (target / name).unlink(missing_ok=True)
        client_state = {
            "train_state": dataclasses.asdict(state),
            "loader": self.train_loader.state(state.epoch, state.step * self.accumulation_steps),
            "scheduler": self.scheduler.state_dict(),
            "config": self.config.model_dump(mode="json"),
            "world_size": self.world.world_size,
            "accumulation_steps": self.accumulation_steps,
            "pass": self.passes.record(state.step),
            "log_records": self.logger.records,  # rank 0's, the one that logs
        }
        failure = None
        try:
            self.engine.save_checkpoint(str(self.checkpoint_dir), tag=tag, client_state=client_state,
                                        save_latest=False)
            torch.save({"rng": rng_states(), "objective": self.objective.extra_state()},
                       rank_file(target, self.world.rank))
            sync_files(target)
        except (OSError, RuntimeError) as exc:
            failure = self._write_failure(target, exc)
        self._agree_on_writes(failure, f"cannot write checkpoint {target}")
        failure = None
        if self.world.is_main:
            info = {"format": CHECKPOINT_FORMAT, "tag": tag, "world_size": self.world.world_size,
                    "zero_stage": self.zero_stage, "gradient_accumulation_steps": self.accumulation_steps,
                    "accumulation": self.config.trainer.accumulation, "train_state": dataclasses.asdict(state)}
            try:
                atomic_write_text(target / CHECKPOINT_INFO, json.dumps(info, indent=1) + "\n")
                atomic_write_text(target / SCHEMA,
                                  json.dumps(self.schema.model_dump(mode="json"), indent=1) + "\n")
                atomic_write_text(target / PREPROCESSING,
                                  json.dumps(self.export_assets.preprocessing, indent=1) + "\n")
                atomic_write_text(target / "config.yaml", self.config.to_yaml())
                atomic_write_text(self.checkpoint_dir / LATEST, tag + "\n")
                self._prune(keep=tag)
            except OSError as exc:
                failure = self._write_failure(target, exc)
        self._agree_on_writes(failure, f"cannot write checkpoint {target}")
        return target

    def _write_failure(self, path: Path, exc: BaseException) -> str:
        """The cause of a failed write under ``path``, said on this rank's stderr at once (the collective
        that makes every rank stop may itself hang if a rank failed inside DeepSpeed's save). Errors that
        are not failed writes (a broken collective) are raised as they are."""
        if isinstance(exc, RuntimeError) and not any(w in str(exc) for w in ("write", "iostream", "No space",
                                                                              "unexpected pos")):
            raise exc
        cause = write_failure(path, exc)
        print(f"error: rank {self.world.rank}: cannot write {path}: {cause}", file=sys.stderr, flush=True)
        return cause

    def _agree_on_writes(self, failure: str | None, what: str) -> None:
        """A collective: if any rank's write failed, raise CheckpointError on every rank."""
        failed = dist.or_across_ranks(torch.tensor([failure is not None], device=self.device))
        if failed.item():
            raise CheckpointError(f"{what}: {failure or 'another rank could not write its part (see its error)'}. "
                                  "The previous checkpoint is intact; free space (or fix the directory) and resume "
                                  "with --resume latest")

    def check_finite_weights(self, what: str, state: TrainState) -> None:
        """Raise NonFiniteError on every rank if any rank holds a NaN or Inf weight or objective state (a
        collective)."""
        params = [getattr(p, "ds_tensor", p) for p in self.engine.module.parameters()]  # ZeRO-3: the partition
        bad = torch.zeros(1, dtype=torch.bool, device=self.device)
        for tensor in params + [t.to(self.device) for t in tensors_in(self.objective.extra_state())]:
            if tensor.is_floating_point():
                bad |= ~torch.isfinite(tensor.detach()).all()
        if dist.or_across_ranks(bad).item():
            raise NonFiniteError(f"{what} not written: the weights or the objective's state hold NaN or Inf after "
                                 f"step {state.global_step} (epoch {state.epoch}); the previous checkpoint "
                                 "and model are untouched")

    def _check_room(self, target: Path) -> None:
        """Raise CheckpointError on every rank if any rank's filesystem lacks the room for the checkpoint
        (as large as the last one, or at first three fp32 copies of the weights: weights and Adam moments)."""
        done = [p for p in self.checkpoint_dir.glob("*") if is_complete_tag(p)] if self.checkpoint_dir.is_dir() \
            else []
        if done:
            last = max(done, key=lambda p: p.stat().st_mtime)
            needed = sum(f.stat().st_size for f in last.rglob("*") if f.is_file())
        else:
            needed = 3 * 4 * sum(getattr(p, "ds_numel", p.numel()) for p in self.engine.module.parameters())
        free = free_bytes(target)
        short = free < needed
        if dist.or_across_ranks(torch.tensor([short], device=self.device)).item():
            where = (f"it needs about {_size(needed)} and {_size(free)} are free on its filesystem"
                     if short else "another rank's filesystem lacks the room (see its error)")
            raise CheckpointError(f"cannot write checkpoint {target}: no room; {where}. The previous checkpoint is "
                                  "intact; free space (or lower trainer.keep_checkpoints) and resume with --resume "
                                  "latest")

    def _prune(self, keep: str) -> None:
        """Keep ``keep_checkpoints`` complete tags (``keep`` among them); remove older ones and unfinished ones
        (no config.yaml: a save that crashed or failed)."""
        tags = sorted((p for p in self.checkpoint_dir.iterdir() if p.is_dir() and p.name != keep),
                      key=lambda p: p.stat().st_mtime)
        complete = [p for p in tags if is_complete_tag(p)]
        unfinished = [p for p in tags if not is_complete_tag(p)]
        old = complete[: max(0, len(complete) + 1 - self.config.trainer.keep_checkpoints)]
        for path in old + unfinished:
            shutil.rmtree(path, ignore_errors=True)

    # -- loading -----------------------------------------------------------------------------------

    def latest(self) -> Path | None:
        """The tag directory ``--resume latest`` would load, or None where this run has no complete one."""
        try:
            directory, tag = resolve_checkpoint(self.checkpoint_dir, LATEST)
        except (FileNotFoundError, CheckpointError, OSError):
            return None
        return directory / tag if is_complete_tag(directory / tag) else None

    def load(self, which: str) -> tuple[str, TrainState] | None:
        """Restore everything ``save`` wrote into the engine, scheduler, objective, loader, logs and RNG;
        ``which`` is ``latest``, a tag or a path, or ``auto``: ``latest`` if this run has saved a checkpoint,
        else nothing (None: a requeued job's first start). Returns the tag and the train state it holds."""
        if which == AUTO:
            if not (self.checkpoint_dir / LATEST).is_file():
                return None
            which = LATEST
        directory, tag = resolve_checkpoint(self.checkpoint_dir, which)
        info_path = directory / tag / CHECKPOINT_INFO
        saved_world = json.loads(info_path.read_text())["world_size"] if info_path.is_file() else self.world.world_size
        with deepspeed_loads_weights_only():  # a received checkpoint's files never run code
            if saved_world != self.world.world_size and self.engine.zero_optimization_stage() in (1, 2):
                client_state = load_zero_on_another_world_size(self.engine, directory, tag, self.checkpoint_dir,
                                                               self.world)
            else:  # the same world size; or ZeRO-0, whose files hold the whole module and optimizer state
                path, client_state = self.engine.load_checkpoint(str(directory), tag=tag)
                if path is None:
                    raise FileNotFoundError(f"{directory / tag}: DeepSpeed found no checkpoint there")
        if client_state["world_size"] != saved_world:
            raise CheckpointError(f"{directory / tag}: saved with {client_state['world_size']} ranks, its "
                                  f"{CHECKPOINT_INFO} says {saved_world}")
        saved_trainer = client_state["config"]["trainer"]
        saved_accumulation = client_state.get("accumulation_steps", saved_trainer["gradient_accumulation_steps"])
        expected = accumulation_for(self.config, saved_accumulation, saved_world, self.world.world_size)
        if self.accumulation_steps != expected or saved_trainer["accumulation"] != self.config.trainer.accumulation:
            raise CheckpointError(f"{directory / tag}: saved with trainer.accumulation={saved_trainer['accumulation']} "
                                  f"and {saved_accumulation} accumulated micro-batches on {saved_world} rank(s); "
                                  f"this launch has {self.config.trainer.accumulation} and {self.accumulation_steps} "
                                  f"on {self.world.world_size} (expected {expected})")
        self.train_loader.check_resumable(client_state["loader"])
        state = TrainState(**client_state["train_state"])
        self.scheduler.load_state_dict(client_state["scheduler"])
        if self.world.rank < saved_world:
            rank_state = load_rank_state(rank_file(directory / tag, self.world.rank))
            set_rng_states(rank_state["rng"])
        else:
            # A rank the checkpoint has no file for. Its objective state is rank 0's (every objective keeps
            # the same state on every rank: objectives/base.py); its random streams are new ones, derived
            # from the run's seed, the rank and the step, so a rerun draws the same.
            rank_state = load_rank_state(rank_file(directory / tag, 0))
            seed_everything(int(np.random.SeedSequence([self.config.run.seed, self.world.rank,
                                                        state.global_step]).generate_state(1)[0]))
        self.objective.load_extra_state(rank_state["objective"])
        self.logger.rewind(client_state["log_records"], state.global_step)
        if self.sample_log is not None:
            self._rewind_sample_logs(state.global_step, saved_world)
        rest = self.passes.continue_from(client_state.get("pass"), state.step, directory / tag, saved_world)
        if saved_world != self.world.world_size:
            stage = self.objective.epoch_stages(state.epoch)[state.stage_index] if rest is not None else ""
            self.resume_note = elastic_note(self.passes, saved_world, saved_accumulation,
                                            self.config.trainer.elastic, state.epoch, stage, rest)
        if directory == self.checkpoint_dir:
            self._discard_later_checkpoints(tag, state)
        return tag, state

    def _rewind_sample_logs(self, step: int, saved_world: int) -> None:
        """Cut this rank's sample log back to ``step``, and rank 0 those of ranks this launch no longer has."""
        from ..runlog import SampleLog

        self.sample_log.rewind(step)
        if self.world.is_main:
            for rank in range(self.world.world_size, saved_world):
                if (self.run_dir / "samples" / f"rank{rank}.jsonl").is_file():
                    gone = SampleLog(self.run_dir, rank)
                    gone.rewind(step)
                    gone.close()

    def _discard_later_checkpoints(self, tag: str, state: TrainState) -> None:
        """Resuming from ``tag`` abandons what came after it: the log is rewound to it, so the checkpoints
        saved later go too, and ``latest`` names ``tag`` (a later save may write a tag of the same name)."""
        if self.world.is_main:
            position = (state.global_step, state.epoch)
            for other in self.checkpoint_dir.iterdir():
                info = other / CHECKPOINT_INFO
                if other.name != tag and info.is_file():
                    saved = json.loads(info.read_text())["train_state"]
                    if (saved["global_step"], saved["epoch"]) > position:
                        shutil.rmtree(other, ignore_errors=True)
            atomic_write_text(self.checkpoint_dir / LATEST, tag + "\n")
        dist.barrier()

    # -- the sample search's snapshots ---------------------------------------------------------------

    def snapshot(self, tag: str) -> str:
        """Save the engine's weights and optimizer state under ``<run>/search/<tag>`` (every rank)."""
        self.engine.save_checkpoint(str(self.run_dir / SEARCH_DIR), tag=tag, client_state={}, save_latest=False)
        dist.barrier()
        return tag

    def restore(self, tag: str, optimizer_state: bool = True) -> None:
        """Load a ``snapshot``: its weights, and its optimizer state unless ``optimizer_state`` is false, in
        which case the moments and step counts stay as they are now (the official search reloads only the
        model's weights). The train state and RNG go on."""
        # The optimizer's own fp32 weights (ZeRO's partitions) must come from the snapshot with the module's,
        # so the whole state is loaded and the current moments are put back.
        current = None if optimizer_state else self.optimizer.state_by_position()
        with deepspeed_loads_weights_only():
            path, _ = self.engine.load_checkpoint(str(self.run_dir / SEARCH_DIR), tag=tag, load_optimizer_states=True,
                                                  load_lr_scheduler_states=False)
        if path is None:
            raise FileNotFoundError(f"{self.run_dir / SEARCH_DIR / tag}: snapshot missing")
        if current is not None:
            self.optimizer.load_state_by_position(current)
            # ZeRO links each parameter to its moment tensors while loading; have it link again at the next
            # step (what safe_get_full_optimizer_state and the universal checkpoint read).
            if hasattr(self.engine.optimizer, "_hp_optimizer_states_linked"):
                self.engine.optimizer._hp_optimizer_states_linked = False

    def drop_snapshots(self) -> None:
        dist.barrier()
        if self.world.is_main:
            shutil.rmtree(self.run_dir / SEARCH_DIR, ignore_errors=True)
        dist.barrier()

    # -- the export of the selected epoch ------------------------------------------------------------

    def export_best(self, state: TrainState, mean_reps: dict[str, torch.Tensor]) -> Path:
        """Write the fp32 weights (model and objective), the resolved config, the dataset schema, the
        preprocessing assets and ``mean_reps`` (each modality's mean representation over validation) as
        ``<run>/best_model`` (export.py), from rank 0; never from non-finite weights."""
        path = self.run_dir / BEST_MODEL
        self.check_finite_weights(f"model export {path}", state)
        module_state = full_fp32_state_dict(self.engine)
        failure = None
        if self.world.is_main:
            assets = dataclasses.replace(self.export_assets, mean_representations=mean_reps,
                                         mean_split=self.config.data.valid_split)
            try:
                export_model_dir(path, module_state, self.config.model_dump(mode="json"), assets,
                                 {"epoch": state.epoch + 1, "global_step": state.global_step,
                                  "source": "best epoch on validation", "run": str(self.run_dir)})
            except (WriteError, ExportError) as exc:
                failure = str(exc)
        if dist.or_across_ranks(torch.tensor([failure is not None], device=self.device)).item():
            raise WriteError(failure or f"rank 0 could not write the model export {path} (see its error)")
        dist.heartbeat()
        return path
