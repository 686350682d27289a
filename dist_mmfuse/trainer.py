"""The DeepSpeed trainer: a short loop over epochs and stages that delegates to step functions.

Each epoch runs one pass over the training data per objective stage (MMIM: the MMILB pass, then the
main pass), then evaluates on the validation and test splits. The learning-rate schedule and early
stopping follow the validation loss; the reported test metrics are those of the epoch selected on
validation (``trainer.select_with_test`` reproduces the official MMIM rule that also peeks at the test
loss).

Checkpoints are saved by every rank (DeepSpeed requires it) under ``<run>/checkpoints/<tag>``: the
engine's model and optimizer states, a ``client_state`` with the train state, loader position,
scheduler and resolved config, and one ``rank<r>.pt`` per rank with its RNG states and the objective's
per-rank state (MMIM's entropy memory), which loads with ``weights_only=True``. When every rank has
finished writing (and synced its files to disk), rank 0 adds ``checkpoint.json`` (what resuming needs
to match: world size, ZeRO stage, accumulation) and ``config.yaml``, and only then replaces ``latest``
atomically: a crash mid-save leaves the previous checkpoint usable, and a tag directory without
``config.yaml`` is an unfinished one, which nothing reads and the next save removes.

No step with a non-finite loss term or gradient norm is applied (``nonfinite.py``), and no checkpoint
or exported model is written from non-finite weights.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import io
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import torch
from torch import nn
from torch.profiler import record_function

from . import distributed as dist
from .config import Config, TrainerConfig, deepspeed_settings, write_resolved_config, zero_stage
from .data.elastic import PassLayout, RestOfPass, rest_of_pass
from .data.loader import Batch, StreamingLoader, concat_batches, make_loader, shard_store, split_labels
from .distributed import WorldInfo
from .export import (INFO, PREPROCESSING, SCHEMA, ExportError, RefusedFile, export_assets, export_model_dir,
                     load_tensors_only, preprocessing_record)
from .files import WriteError, atomic_write_text, free_bytes, sync_files, write_failure
from .manifest import Manifest
from .metrics import msa_metrics
from .models import FusionModel, ModelOutput, xavier_init_
from .nonfinite import NonFiniteError, NonFiniteGuard
from .objectives import MAIN_STAGE, Objective, build_objective
from .optim import StagedAdam, group_stages
from .runlog import RunLogger, SampleLog, TrackingError

CHECKPOINT_DIR = "checkpoints"
SEARCH_DIR = "search"  # the sample search's snapshots (TupleInfoNCE), removed after each outer epoch
BEST_MODEL = "best_model"  # the export of the epoch selected on validation, in the run directory
LATEST = "latest"
AUTO = "auto"  # resume from latest if there is one
CHECKPOINT_INFO = "checkpoint.json"  # in each tag: what resuming must match, readable before any process group
CHECKPOINT_FORMAT = "dist_mmfuse.checkpoint/1"
INIT_FROM = "init_from.json"  # in the run directory of a run started from an export (model.init_from)
UNIVERSAL_DIR = ".universal"  # under checkpoints/: a ZeRO checkpoint converted for another world size, while it loads
# Profiler ranges around the parts of a training step (bench/train_throughput.py --profile reads them);
# outside a profiler each costs about a microsecond.
SCOPE = "dist_mmfuse::"


class CheckpointError(RuntimeError):
    """A checkpoint cannot be written, or cannot be resumed here; the message names the path and the cause."""


# Epochs users see are numbered from 1 (tag epochNNNN: after epoch NNNN); epoch counts done ones, best_epoch is 0-based.
@dataclasses.dataclass
class TrainState:
    """Where training is, and what it has selected so far (saved in every checkpoint)."""

    epoch: int = 0
    stage_index: int = 0
    step: int = 0  # next step within the current pass
    global_step: int = 0
    samples_seen: int = 0
    best_valid: float = math.inf
    best_test: float = math.inf
    best_epoch: int = -1
    best_test_metrics: dict[str, float] = dataclasses.field(default_factory=dict)
    bad_epochs: int = 0
    finished: bool = False
    nonfinite_steps: int = 0  # steps not applied because a loss term or the gradient norm was NaN or Inf
    skipped_samples: int = 0  # bad samples skipped under data.bad_samples=skip (their places refilled)

    @property
    def best_epoch_number(self) -> int | None:
        """The selected epoch as users see it (numbered from 1); None before any epoch is selected."""
        return self.best_epoch + 1 if self.best_epoch >= 0 else None


class TrainModule(nn.Module):
    """The model and the objective in one module, so one DeepSpeed engine holds all parameters."""

    def __init__(self, model: FusionModel, objective: Objective):
        super().__init__()
        self.model = model
        self.objective = objective

    def forward(self, batch: Batch, stage: str | None = None, step: int = 0, features: ModelOutput | None = None,
                take_loss: bool = True):
        """The model's output (no ``stage``), or the objective's loss and terms in ``stage``.

        In a ``stage``, the output also carries the objective's ``extra_outputs``. ``features``: the output
        to take the loss of instead of running the model; ``take_loss=False``: return the output of
        ``stage`` without the loss (both for feature-cache accumulation)."""
        if features is None:
            features = self.model(batch)
            if stage is not None:
                features.extra = self.objective.extra_outputs(self.model, batch, stage, step)
        if stage is None or not take_loss:
            return features
        loss, terms = self.objective.loss(features, batch, stage, step)
        return loss, terms


def build_train_module(schema, config: Config) -> TrainModule:
    """Model and objective for ``config``, initialised as ``model.init`` says."""
    model = FusionModel(schema, config.model)
    module = TrainModule(model, build_objective(schema, model, config.objective))
    module.objective.seed = config.run.seed
    if config.model.init == "xavier":
        xavier_init_(module, skip={f"model.{n}" for n in model.text_parameter_names()})
    return module


class InitFromError(ValueError):
    """``model.init_from`` names weights that do not fit the model; the message names each mismatch."""


def init_from_export(module: TrainModule, path: Path) -> dict[str, Any]:
    """Load an export's weights into a freshly built module (``model.init_from``) and return what the run
    records about them. Every weight of the fusion model must be in the export with the same shape
    (InitFromError names each that is not); the objective's weights are taken too when all of them
    fit (the same objective), else the objective starts fresh."""
    from .export import WEIGHTS, load_export
    from .manifest import sha256_file

    theirs, _ = load_export(path)
    own = module.state_dict()
    model_keys = [k for k in own if k.startswith("model.")]
    problems = [f"{k}: not in the export" for k in model_keys if k not in theirs]
    problems += [f"{k}: {tuple(theirs[k].shape)} in the export, {tuple(own[k].shape)} in this model"
                 for k in model_keys if k in theirs and theirs[k].shape != own[k].shape]
    problems += [f"{k}: in the export, not in this model" for k in theirs if k.startswith("model.") and k not in own]
    if problems:
        listed = "\n  ".join(problems[:20]) + (f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else "")
        raise InitFromError(f"model.init_from: {path}: its weights do not fit this model ({len(problems)} "
                            f"mismatch{'es' if len(problems) > 1 else ''}):\n  {listed}")
    objective_keys = [k for k in own if not k.startswith("model.")]
    objective_fits = bool(objective_keys) and all(k in theirs and theirs[k].shape == own[k].shape
                                                  for k in objective_keys)
    loaded = {k: theirs[k] for k in model_keys + (objective_keys if objective_fits else [])}
    module.load_state_dict(loaded, strict=False)
    return {"export": str(path), "export_info": json.loads((path / INFO).read_text()),
            "weights_sha256": sha256_file(path / WEIGHTS), "tensors_loaded": len(loaded),
            "objective_weights": "loaded" if objective_fits else "fresh (the export's objective differs)"}


def give_train_labels(objective: Objective, data, dtype: torch.dtype = torch.float32) -> None:
    """Hand an objective that keeps per-sample state every training label (read from the shards)."""
    if objective.uses_train_labels:
        labels_N, present_N, offset = split_labels(shard_store(data), data.train_split, bad_samples=data.bad_samples)
        objective.init_train_labels(labels_N.to(dtype), present_N, offset)


@dataclasses.dataclass
class SplitPredictions:
    """Every sample of a split once, in global index order, gathered from all ranks."""

    index_N: np.ndarray
    pred_N: np.ndarray
    label_N: np.ndarray
    ids: list[str] | None = None  # with ``with_ids``
    mean_reps: dict[str, torch.Tensor] | None = None  # each modality's mean representation, with ``with_mean_reps``

    def metrics(self, label_range) -> dict[str, float]:
        pred, label = self.pred_N, self.label_N
        return {"loss": float(np.mean(np.abs(pred - label))), **msa_metrics(pred, label, label_range),
                "samples": int(len(pred))}


@torch.no_grad()
def predict_split(forward, loader: StreamingLoader, device, *, with_ids: bool = False,
                  with_mean_reps: bool = False) -> SplitPredictions:
    """Predictions for every sample of the loader's split, each once, gathered from all ranks (every rank
    gets them). ``forward(batch)`` returns a ModelOutput (the engine, or a plain TrainModule)."""
    preds, labels, masks, indices, ids = [], [], [], [], []
    rep_sums: dict[str, torch.Tensor] = {}
    for batch in loader.epoch(0):
        output: ModelOutput = forward(batch.to(device))
        mask_B = batch.sample_mask.to(device)
        preds.append(output.pred_B.float())
        labels.append(batch.label.to(device))
        masks.append(mask_B)
        indices.append(batch.index.to(device))
        if with_ids:
            ids.extend(batch.ids)
        if with_mean_reps:
            for name, rep_BD in output.reps.items():
                rep_sums[name] = rep_sums.get(name, 0) + (rep_BD.float() * mask_B[:, None]).sum(0)
    pred, label, mask, index = (dist.all_gather_tensors(torch.cat(t)).cpu().numpy()
                                for t in (preds, labels, masks, indices))
    order = np.argsort(index[mask], kind="stable")
    result = SplitPredictions(index_N=index[mask][order], pred_N=pred[mask][order], label_N=label[mask][order])
    if with_ids:
        gathered = np.array([i for rank_ids in dist.gather_objects(ids) for i in rank_ids], dtype=object)
        result.ids = gathered[mask][order].tolist()
    if with_mean_reps:
        count = float(mask.sum())
        result.mean_reps = {name: dist.all_gather_tensors(total[None]).sum(0).cpu() / count
                            for name, total in rep_sums.items()}
    return result


def evaluate_split(forward, loader: StreamingLoader, device, label_range) -> dict[str, float]:
    """Metrics over every sample of the loader's split, each once, predictions gathered from all ranks."""
    return predict_split(forward, loader, device).metrics(label_range)


@torch.no_grad()
def mean_representations(model: FusionModel, loader: StreamingLoader, device, names: list[str]
                         ) -> dict[str, torch.Tensor]:
    """Each named modality's representation averaged over every sample of the loader's split (all ranks)."""
    reps: dict[str, list[torch.Tensor]] = {name: [] for name in names}
    masks = []
    for batch in loader.epoch(0):
        batch = batch.to(device)
        encoded = model.encode(batch)
        for name in names:
            reps[name].append(encoded[name].float())
        masks.append(batch.sample_mask)
    real_N = dist.all_gather_tensors(torch.cat(masks))
    return {name: dist.all_gather_tensors(torch.cat(parts))[real_N].mean(0) for name, parts in reps.items()}


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


class Trainer:
    """Builds the model, objective, DeepSpeed engine and loaders for a validated config."""

    def __init__(self, config: Config, manifest: Manifest, world: WorldInfo, checkpoint_dir: Path | None = None,
                 accumulation_steps: int | None = None):
        """``checkpoint_dir``: where checkpoints go instead of ``<run>/checkpoints`` (under Ray Train,
        a directory private to this rank, so each rank's report holds exactly the shard it wrote).
        ``accumulation_steps``: the gradient accumulation a resume goes on with (``resume_accumulation``),
        when it differs from ``trainer.gradient_accumulation_steps``."""
        import deepspeed

        self.config = config
        self.world = world
        self.accumulation_steps = accumulation_steps or config.trainer.gradient_accumulation_steps
        self.run_dir = config.run_dir()
        self.checkpoint_dir = checkpoint_dir or self.run_dir / CHECKPOINT_DIR
        # Called on every rank after each epoch's checkpoint with (record, checkpoint path): the record
        # holds the epoch, counters and validation metrics (Ray Tune reports through this).
        self.epoch_hooks: list[Callable[[dict[str, Any], Path], None]] = []
        data, seed = config.data, config.run.seed
        self.loaders: dict[str, StreamingLoader] = {
            "train": make_loader(data, data.train_split, rank=world.rank, world_size=world.world_size, train=True,
                                 seed=seed),
            "valid": make_loader(data, data.valid_split, rank=world.rank, world_size=world.world_size, train=False,
                                 seed=seed),
            "test": make_loader(data, data.test_split, rank=world.rank, world_size=world.world_size, train=False,
                                seed=seed),
        }
        self.schema = self.loaders["train"].schema
        # What an export needs besides the weights (the tokenizer sharding used, the text model's config),
        # gathered now so a missing tokenizer stops the run at its start, not at its first best epoch.
        self.preprocessing = preprocessing_record(manifest, self.schema)
        self.export_assets = export_assets(config, self.schema, self.preprocessing)
        self._valid_mean_reps: dict[str, torch.Tensor] = {}
        seed_everything(seed)  # the same initial weights on every rank
        module = build_train_module(self.schema, config)
        # Fine-tuning from an export: its weights replace the initial ones (a resumed run then loads its
        # checkpoint over them).
        self.init_record = init_from_export(module, config.model.init_from) if config.model.init_from else None
        self.objective = module.objective
        give_train_labels(self.objective, data)
        # Fused on GPUs: the fused kernel skips a non-finite step on the device (see optim.py).
        self.optimizer = StagedAdam(self.objective.param_groups(module.model, config.trainer),
                                    fused=torch.cuda.is_available())
        self.deepspeed_settings = deepspeed_settings(config)
        self.deepspeed_settings["gradient_accumulation_steps"] = self.accumulation_steps
        self.engine, _, _, _ = deepspeed.initialize(model=module, optimizer=self.optimizer,
                                                    config=self.deepspeed_settings)
        seed_everything(seed + 1000 * (world.rank + 1))  # then different dropout streams per rank
        # ReduceLROnPlateau on the main stage's groups only: a per-group min_lr equal to the current lr
        # pins the other stages' learning rates (the official code never steps the MMILB scheduler).
        # lr_schedule=none pins every group.
        plateau = config.trainer.lr_schedule == "plateau"
        min_lrs = [0.0 if MAIN_STAGE in group_stages(g) and plateau else g["lr"] for g in self.optimizer.param_groups]
        self.scheduler = torch.optim.lr_scheduler.ReduceLROnPlateau(
            self.optimizer, mode="min", factor=config.trainer.plateau_factor,
            patience=config.trainer.plateau_patience, min_lr=min_lrs)
        # Without ZeRO or mixed precision the engine neither keeps nor checks the gradient norm: take it here.
        self._own_grad_norm = not (self.engine.zero_optimization() or self.engine.bfloat16_enabled()
                                   or self.engine.fp16_enabled())
        self._last_grad_norm: torch.Tensor | None = None
        self.state = TrainState()
        self.guard = NonFiniteGuard(self.device, config.trainer.nonfinite, config.trainer.nonfinite_patience)
        self.stage = self.objective.stages[0]  # the stage training is in (or was last in)
        self._unreduced_skipped = 0  # this rank's skipped bad samples not yet in state.skipped_samples
        # The pass in progress: (data pass, the layouts it ran on before this one, the step this layout took
        # it over at, its last step); and the pass a resume continues on another layout (data/elastic.py).
        self._pass: tuple[int, list[PassLayout], int, int] | None = None
        self._continued: tuple[int, list[PassLayout], int] | None = None
        self.resume_note: str | None = None  # what an elastic resume changed, for rank 0 to print
        failure = None
        try:
            self.logger = RunLogger(self.run_dir, enabled=world.is_main, progress_bar=config.trainer.progress_bar,
                                    run=config.run, resolved=config.model_dump(mode="json"))  # = config.yaml
        except TrackingError as exc:
            failure = str(exc)
        if "wandb" in config.run.report_to and dist.or_across_ranks(
                torch.tensor([failure is not None], device=self.device)).item():
            raise TrackingError(failure or "rank 0 could not start the W&B run of run.report_to (see its error)")
        self.sample_log = SampleLog(self.run_dir, world.rank) if config.trainer.log_samples else None
        if config.trainer.anomaly_detection:
            torch.autograd.set_detect_anomaly(True)
        members = dist.world_summary(world)  # gathered over the group: proof that every rank joined it
        if world.is_main:
            print(f"process group: {members}", flush=True)
            write_resolved_config(config, self.run_dir)
            if self.init_record is not None and not (self.run_dir / INIT_FROM).is_file():
                # Where the run's starting weights came from (kept when the run resumes).
                atomic_write_text(self.run_dir / INIT_FROM, json.dumps(self.init_record, indent=1) + "\n")
                print(f"initial weights from {config.model.init_from} ({self.init_record['tensors_loaded']} tensors; "
                      f"objective: {self.init_record['objective_weights']})", flush=True)

    # -- sizes -------------------------------------------------------------------------------------

    @property
    def device(self) -> torch.device:
        return self.engine.device

    @property
    def micro_batches_per_step(self) -> int:
        return self.accumulation_steps

    @property
    def global_batch_size(self) -> int:
        """Samples per optimizer step over all ranks and accumulated micro-batches."""
        return global_batch_size(self.config, self.world.world_size, self.accumulation_steps)

    @property
    def rows_per_loss(self) -> int:
        """This rank's rows in one loss call: every accumulated micro-batch with a feature cache."""
        feature_cache = self.config.trainer.accumulation == "feature_cache"
        return self.config.data.batch_size * (self.micro_batches_per_step if feature_cache else 1)

    def steps_in_pass(self, stage: str) -> int:
        """Optimizer steps in one pass of ``stage``."""
        return steps_in_pass(self.objective, stage, self.loaders["train"].batches_per_epoch, self.config.trainer,
                             self.accumulation_steps)

    def steps_in_epoch(self, epoch: int, stages: tuple[str, ...] | None = None) -> int:
        """Optimizer steps in (the ``stages`` of) 0-based epoch ``epoch``, a sample search's passes included."""
        search = self.objective.search
        return sum(self.steps_in_pass(stage) * (search.passes() if search is not None and search.drives(stage) else 1)
                   for stage in (self.objective.epoch_stages(epoch) if stages is None else stages))

    # -- the loop ----------------------------------------------------------------------------------

    def fit(self) -> TrainState:
        """Train from the current state to the last epoch or early stop; returns the final state."""
        state, objective = self.state, self.objective
        if self.logger.progress_bar:
            self.logger.plan_run([self.steps_in_epoch(e) for e in range(self.config.trainer.epochs)])
        while not state.finished and state.epoch < self.config.trainer.epochs:
            stages = objective.epoch_stages(state.epoch)
            if state.stage_index == 0 and state.step == 0 and objective.resets_optimizer(state.epoch):
                self.optimizer.reset_state()
            if self.logger.progress_bar:
                done = self.steps_in_epoch(state.epoch, stages[:state.stage_index]) + state.step
                self.logger.start_epoch(state.epoch + 1, done)
            while state.stage_index < len(stages):
                stage = stages[state.stage_index]
                if objective.search is not None and objective.search.drives(stage):
                    objective.search.run(self, stage)
                else:
                    self.train_pass(stage)
                state.stage_index += 1
                state.step = 0
            self.logger.end_epoch()
            self.end_epoch()
        self.logger.log("final", self.state.global_step, {"best_epoch": self.state.best_epoch_number,
                                                          **{f"test_{k}": v for k, v in
                                                             self.state.best_test_metrics.items()}})
        return self.state

    def train_pass(self, stage: str, data_pass: int | None = None) -> None:
        """One pass over the training data (or the stage's share of it), resuming at ``state.step``.

        ``data_pass``: which shuffle of the data to take (default: this epoch's and stage's)."""
        state, trainer_cfg = self.state, self.config.trainer
        pass_index = state.epoch * len(self.objective.stages) + state.stage_index if data_pass is None else data_pass
        accumulation = self.micro_batches_per_step
        if self._continued is not None and self._continued[0] == pass_index:
            # The rest of a pass begun on another layout: its own steps, from the step it was taken over at.
            _, history, start = self._continued
            total = start + self.loaders["train"].dataset.rank_batches(pass_index) // accumulation
        else:
            history, start, total = [], 0, self.steps_in_pass(stage)
        self._continued = None
        self._pass = (pass_index, history, start, total)
        self.optimizer.set_stage(self.objective.optimizer_stages(stage, state.epoch))
        self.stage = stage
        self.objective.begin_pass(stage, state.epoch, state.step)
        self.engine.train()
        self.logger.start_pass(stage)
        # Summed per term with the number of steps that reported it (a term may come from some steps only).
        window_terms: dict[str, torch.Tensor] = {}
        window_counts: dict[str, int] = {}
        window_start, window_steps = time.perf_counter(), 0
        batches = self.loaders["train"].epoch(pass_index, (state.step - start) * accumulation)
        # Each step takes the next gradient_accumulation_steps batches from the one iterator.
        for micro_batches in zip(*[batches] * self.micro_batches_per_step):
            if state.step >= total:
                break
            log_due = window_steps + 1 == trainer_cfg.log_every or state.step + 1 == total
            if self.sample_log is not None:
                self.sample_log.write(state.global_step + 1, state.epoch + 1, stage, micro_batches)
            self._unreduced_skipped += sum(b.num_skipped for b in micro_batches)
            terms = self.train_step(list(micro_batches), stage, state.step, want_grad_norm=log_due)
            for key, value in terms.items():
                window_terms[key] = window_terms.get(key, 0) + value
                window_counts[key] = window_counts.get(key, 0) + 1
            state.step += 1
            state.global_step += 1
            # Counted, not assumed: the rest of a pass continued on another layout ends with smaller batches.
            state.samples_seen += self.world.world_size * sum(b.size for b in micro_batches)
            window_steps += 1
            if log_due:
                self.log_train(stage, window_terms, window_counts, window_steps, time.perf_counter() - window_start)
                window_terms, window_counts, window_start, window_steps = {}, {}, time.perf_counter(), 0
            if trainer_cfg.checkpoint_every_steps and state.global_step % trainer_cfg.checkpoint_every_steps == 0:
                self.save_checkpoint(f"step{state.global_step:08d}")
        self._pass = None
        self.poll_nonfinite()

    def train_step(self, micro_batches: list[Batch], stage: str, step: int,
                   want_grad_norm: bool = False) -> dict[str, torch.Tensor]:
        """One optimizer step on ``gradient_accumulation_steps`` micro-batches; returns the loss terms.

        The step is applied only if every loss term and the gradient norm are finite on every rank; the
        guard counts it otherwise (see nonfinite.py). ``want_grad_norm``: the step will be logged, so keep
        the gradient norm where the engine does not."""
        terms = self.accumulate_gradients(micro_batches, stage, step)
        grad_norm = None
        if self._own_grad_norm:
            # The engine clips but neither keeps nor checks the norm without ZeRO or mixed precision: take it
            # from the already-reduced gradients, as a device tensor (no host synchronisation).
            grads = [p.grad for p in self.engine.module.parameters() if p.grad is not None]
            grad_norm = torch.linalg.vector_norm(torch.stack(torch._foreach_norm(grads))) if grads \
                else torch.zeros((), device=self.device)
            if want_grad_norm:
                self._last_grad_norm = grad_norm
        with record_function(f"{SCOPE}nonfinite_guard"):
            flags = self.guard.flags(terms, grad_norm)
            self.optimizer.skip_if = flags.any()
        try:
            with record_function(f"{SCOPE}optimizer_step"):
                self.engine.step()
        finally:
            self.optimizer.skip_if = None
        with record_function(f"{SCOPE}nonfinite_guard"):
            skipped = self.guard.record(flags, self.state.global_step + 1,
                                        engine_skipped=not self.engine.was_step_applied())
        self.objective.discard_step(skipped)
        return terms

    def count_skipped_samples(self) -> None:
        """Add every rank's bad samples skipped since the last count to ``skipped_samples`` (a collective)."""
        pending = torch.full((1,), float(self._unreduced_skipped), device=self.device)
        self._unreduced_skipped = 0
        self.state.skipped_samples += round(dist.mean_across_ranks(pending).item() * self.world.world_size)

    def poll_nonfinite(self, check: bool = True) -> None:
        """Read the non-finite counters into the train state; then (``check``) raise NonFiniteError if the
        run must stop."""
        # New streaks come from the epoch in progress (numbered from 1): polled before it ends.
        self.state.nonfinite_steps = self.guard.poll(self.state.epoch + 1, self.stage)
        if check:
            self.guard.check()

    def accumulate_gradients(self, micro_batches: list[Batch], stage: str, step: int) -> dict[str, torch.Tensor]:
        """Forward and backward over the micro-batches of one step, leaving the optimizer step (the
        accumulation boundary) to the caller; returns the detached loss terms."""
        with record_function(f"{SCOPE}host_to_device"):
            micro_batches = [b.to(self.device) for b in micro_batches]
        if len(micro_batches) != self.micro_batches_per_step:
            raise ValueError(f"{len(micro_batches)} micro-batches for one step; the engine accumulates "
                             f"{self.micro_batches_per_step}")
        if self.config.trainer.accumulation == "feature_cache":
            return self._feature_cache_backward(micro_batches, stage, step)
        return self._averaged_backward(micro_batches, stage, step)

    def _averaged_backward(self, micro_batches: list[Batch], stage: str, step: int) -> dict[str, torch.Tensor]:
        """DeepSpeed's accumulation: each micro-batch its own loss (and negatives), gradients averaged
        (``accumulation=sum``: summed, as Self-MM's update_epochs does)."""
        summed: dict[str, torch.Tensor] = {}
        counts: dict[str, int] = {}  # a term may come from some micro-batches only (TupleInfoNCE's branches)
        average = self.config.trainer.accumulation == "average"
        for index, batch in enumerate(micro_batches):
            if index:
                self.engine.step()  # not a boundary: the engine only counts the micro-step
            loss, terms = self.engine(batch, stage, step * len(micro_batches) + index)
            with record_function(f"{SCOPE}backward"):
                self.engine.backward(loss, scale_wrt_gas=average)
            for key, value in {"loss": loss.detach(), **terms}.items():
                summed[key] = summed.get(key, 0) + value
                counts[key] = counts.get(key, 0) + 1
        return {key: value / counts[key] for key, value in summed.items()}

    def _feature_cache_backward(self, micro_batches: list[Batch], stage: str, step: int) -> dict[str, torch.Tensor]:
        """One loss over all micro-batches, so accumulation adds negatives (GradCache, ENGINEERING.md §1.6).

        1. The model runs on every micro-batch without a graph; the RNG state before each run is kept.
        2. The loss of all of them together, with those outputs as leaves, gives its gradient with
           respect to every output row.
        3. Micro-batch 0 runs again with a graph and the loss is taken again with its live rows in
           place, so its backward also reaches the objective's own weights, exactly once.
        4. Each other micro-batch runs again and is back-propagated with its rows' output gradients.
        Every run replays its micro-batch's RNG state, so dropout draws the masks the cached outputs
        had, and the K backward passes sum, with no 1/K (``scale_wrt_gas=False``), to the gradient of
        the one big-batch loss. The engine's loss scaling applies to each of them alike.
        """
        rng_before, outputs = [], []
        with torch.no_grad():
            for batch in micro_batches:
                rng_before.append(torch_rng_states())
                outputs.append(self.engine(batch, stage, step, take_loss=False))
        rng_after = torch_rng_states()
        cached = [output.tensors() for output in outputs]
        joined_batch = concat_batches(micro_batches)

        def joined_loss(rows: list[list[torch.Tensor]]):
            # The module itself, not the engine: the engine hooks its outputs to open and close a
            # backward (and reduce gradients) whenever autograd reaches them, which step 2 must not do.
            # ZeRO-3 still gathers the objective's weights through its per-module hooks.
            features = ModelOutput.concat([outputs[0].from_tensors(tensors) for tensors in rows])
            return self.engine.module(joined_batch, stage, step, features=features)

        leaves = [[t.requires_grad_() for t in tensors] for tensors in cached]
        loss, _ = joined_loss(leaves)
        grads = torch.autograd.grad(loss, [t for tensors in leaves for t in tensors], allow_unused=True)
        width = len(leaves[0])
        for index, batch in enumerate(micro_batches):
            if index:
                self.engine.step()  # not a boundary: the engine only counts the micro-step
            set_torch_rng_states(rng_before[index])
            live = self.engine(batch, stage, step, take_loss=False).tensors()
            if index == 0:
                rows = [live] + [[t.detach() for t in tensors] for tensors in cached[1:]]
                loss, terms = joined_loss(rows)
                self.engine.backward(loss, scale_wrt_gas=False)
            else:
                row_grads = grads[index * width:(index + 1) * width]
                self.engine.backward(sum((t * g).sum() for t, g in zip(live, row_grads) if g is not None),
                                     scale_wrt_gas=False)
        set_torch_rng_states(rng_after)
        return {"loss": loss.detach(), **terms}

    def end_epoch(self) -> None:
        """Evaluate, select (after an epoch that trained on the label), checkpoint, decide whether to
        stop, and hand the epoch's record to the ``epoch_hooks``."""
        state = self.state
        if MAIN_STAGE in self.objective.epoch_stages(state.epoch):
            metrics = {f"valid_{k}": v for k, v in self.select_on_validation().items()}
        else:
            self.engine.eval()
            pretrain = self.objective.pretrain_metrics(self.loaders["valid"], self.device)
            self.logger.log("valid", state.global_step, {"epoch": state.epoch + 1, "pretraining": True, **pretrain})
            metrics = {f"pretrain_{k}": v for k, v in pretrain.items()}
        state.epoch += 1
        state.stage_index = 0
        state.finished = state.bad_epochs >= self.config.trainer.patience or state.epoch >= self.config.trainer.epochs
        path = self.save_checkpoint(f"epoch{state.epoch:04d}")
        record = {"epoch": state.epoch, "global_step": state.global_step, "samples_seen": state.samples_seen,
                  "best_epoch": state.best_epoch_number, "best_valid_loss": state.best_valid,
                  "finished": state.finished, "nonfinite_steps": state.nonfinite_steps,
                  "skipped_samples": state.skipped_samples, **metrics}
        for hook in self.epoch_hooks:
            hook(record, path)

    def select_on_validation(self) -> dict[str, float]:
        """Evaluate on validation and test, step the schedule, keep the best epoch, count bad epochs."""
        state, trainer_cfg = self.state, self.config.trainer
        self.engine.eval()
        valid_predictions = predict_split(self.engine, self.loaders["valid"], self.device, with_mean_reps=True)
        valid = valid_predictions.metrics(self.schema.label_range)
        self._valid_mean_reps = valid_predictions.mean_reps
        test = self.evaluate("test")
        self.scheduler.step(valid["loss"])
        # A NaN compares False and an Inf is never below the best: neither is ever selected.
        if valid["loss"] < state.best_valid - trainer_cfg.min_improvement:
            state.best_valid, state.bad_epochs = valid["loss"], 0
            if not trainer_cfg.select_with_test or test["loss"] < state.best_test:
                state.best_test, state.best_epoch, state.best_test_metrics = test["loss"], state.epoch, test
                self.export_model(self.run_dir / BEST_MODEL)
        else:
            state.bad_epochs += 1
            if not math.isfinite(valid["loss"]) and self.world.is_main:
                print(f"warning: epoch {state.epoch + 1}: the validation loss is {valid['loss']}; the epoch is not "
                      "selected", file=sys.stderr, flush=True)
        self.logger.log("valid", state.global_step, {"epoch": state.epoch + 1, **valid})
        self.logger.log("test", state.global_step, {"epoch": state.epoch + 1, **test})
        return valid

    def close(self, failed: bool = False) -> None:
        """Close the run's log files and end its tracking (a W&B run as failed when ``failed``)."""
        self.logger.close(failed)
        if self.sample_log is not None:
            self.sample_log.close()

    def __enter__(self) -> "Trainer":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(failed=kind is not None)

    # -- evaluation --------------------------------------------------------------------------------

    def evaluate(self, split: str) -> dict[str, float]:
        self.engine.eval()
        return evaluate_split(self.engine, self.loaders[split], self.device, self.schema.label_range)

    # -- logging -----------------------------------------------------------------------------------

    def log_train(self, stage: str, terms: dict[str, torch.Tensor], counts: dict[str, int], steps: int,
                  seconds: float) -> None:
        """Log the mean of ``terms`` over the steps that reported each (``counts``) and all ranks, with the
        counts of skipped steps and samples; then stop if the non-finite policy says so."""
        names = sorted(terms)
        sums = dist.mean_across_ranks(torch.stack([terms[n].float() for n in names])).tolist()
        values = {name: total / counts[name] for name, total in zip(names, sums)}
        self.count_skipped_samples()
        self.poll_nonfinite(check=False)  # log this step first, then stop if it is the last straw
        samples_per_s = steps * self.global_batch_size / max(seconds, 1e-9)
        lrs = {f"lr_{g['name']}": g["lr"] for g in self.optimizer.param_groups}
        grad_norm = self._last_grad_norm if self._own_grad_norm else self.engine.get_global_grad_norm()
        self.logger.log("train", self.state.global_step, {
            "epoch": self.state.epoch + 1, "stage": stage, "samples_seen": self.state.samples_seen,
            "samples_per_s": samples_per_s,
            "negatives_per_row": self.objective.negatives_per_row(self.rows_per_loss, stage),
            "micro_batch": self.config.data.batch_size, "grad_accum": self.micro_batches_per_step,
            "global_batch": self.global_batch_size,
            "grad_norm": float(grad_norm) if grad_norm is not None else float("nan"),
            "nonfinite_steps": self.state.nonfinite_steps, "skipped_samples": self.state.skipped_samples,
            **lrs, **values})
        postfix = {"loss": values.get("loss", float("nan")), "samples/s": round(samples_per_s)}
        if self.state.nonfinite_steps:
            postfix["nonfinite"] = self.state.nonfinite_steps
        if self.state.skipped_samples:
            postfix["skipped"] = self.state.skipped_samples
        self.logger.advance(steps, postfix)
        self.guard.check()

    # -- checkpoints -------------------------------------------------------------------------------

    def save_checkpoint(self, tag: str) -> Path:
        """Save on every rank; then, on rank 0, complete the tag (checkpoint.json, schema.json, config.yaml),
        point ``latest`` at it atomically and prune old tags. Non-finite weights or objective state, or a
        destination without the room a checkpoint takes, stop the run on every rank alike before anything is
        written; a write that fails on any rank stops every rank, after the failing one has said why."""
        target = self.checkpoint_dir / tag
        dist.heartbeat()
        self.count_skipped_samples()
        self.poll_nonfinite()
        self.check_finite_weights(f"checkpoint {target}")
        self._check_room(target)
        if self.world.is_main and target.is_dir():  # written again (a replayed step): unfinished until complete
            for name in ("config.yaml", CHECKPOINT_INFO):
                (target / name).unlink(missing_ok=True)
        client_state = {
            "train_state": dataclasses.asdict(self.state),
            "loader": self.loaders["train"].state(self.state.epoch, self.state.step * self.micro_batches_per_step),
            "scheduler": self.scheduler.state_dict(),
            "config": self.config.model_dump(mode="json"),
            "world_size": self.world.world_size,
            "accumulation_steps": self.accumulation_steps,
            "pass": self._pass_record(),
            "log_records": self.logger.records,  # rank 0's, the one that logs
        }
        failure = None
        try:
            self.engine.save_checkpoint(str(self.checkpoint_dir), tag=tag, client_state=client_state,
                                        save_latest=False)
            torch.save({"rng": rng_states(), "objective": self.objective.extra_state()},
                       target / f"rank{self.world.rank}.pt")
            sync_files(target)
        except (OSError, RuntimeError) as exc:
            failure = self._write_failure(target, exc)
        self._agree_on_writes(failure, f"cannot write checkpoint {target}")
        failure = None
        if self.world.is_main:
            info = {"format": CHECKPOINT_FORMAT, "tag": tag, "world_size": self.world.world_size,
                    "zero_stage": zero_stage(self.deepspeed_settings),
                    "gradient_accumulation_steps": self.accumulation_steps,
                    "accumulation": self.config.trainer.accumulation, "train_state": dataclasses.asdict(self.state)}
            try:
                atomic_write_text(target / CHECKPOINT_INFO, json.dumps(info, indent=1) + "\n")
                atomic_write_text(target / SCHEMA,
                                  json.dumps(self.schema.model_dump(mode="json"), indent=1) + "\n")
                atomic_write_text(target / PREPROCESSING, json.dumps(self.preprocessing, indent=1) + "\n")
                atomic_write_text(target / "config.yaml", self.config.to_yaml())
                atomic_write_text(self.checkpoint_dir / LATEST, tag + "\n")
                self._prune_checkpoints(keep=tag)
            except OSError as exc:
                failure = self._write_failure(target, exc)
        self._agree_on_writes(failure, f"cannot write checkpoint {target}")
        dist.heartbeat()
        return target

    def layout(self, planned_batches: int = 0, trained_batches: int = 0) -> PassLayout:
        """This launch's layout of the training data, with per-rank batch counts of a pass."""
        return PassLayout(world_size=self.world.world_size, workers=self.loaders["train"].dataset.workers_per_rank,
                          batch_size=self.config.data.batch_size, accumulation=self.accumulation_steps,
                          planned_batches=planned_batches, trained_batches=trained_batches)

    def _pass_record(self) -> dict[str, Any] | None:
        """The pass in progress (None between passes): its data pass and every layout it ran on, each with
        the batches per rank it planned and trained, from which a resume on another layout finds the
        samples the pass has left (data/elastic.py)."""
        if self._pass is None:
            return None
        index, history, start, total = self._pass
        accumulation = self.micro_batches_per_step
        current = self.layout((total - start) * accumulation, (self.state.step - start) * accumulation)
        return {"data_pass": index, "layouts": [dataclasses.asdict(layout) for layout in history + [current]]}

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

    def check_finite_weights(self, what: str) -> None:
        """Raise NonFiniteError on every rank if any rank holds a NaN or Inf weight or objective state (a
        collective)."""
        params = [getattr(p, "ds_tensor", p) for p in self.engine.module.parameters()]  # ZeRO-3: the partition
        bad = torch.zeros(1, dtype=torch.bool, device=self.device)
        for tensor in params + [t.to(self.device) for t in _tensors(self.objective.extra_state())]:
            if tensor.is_floating_point():
                bad |= ~torch.isfinite(tensor.detach()).all()
        if dist.or_across_ranks(bad).item():
            raise NonFiniteError(f"{what} not written: the weights or the objective's state hold NaN or Inf after "
                                 f"step {self.state.global_step} (epoch {self.state.epoch}); the previous checkpoint "
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
            where = (f"it needs about {needed / 2**20:.0f} MiB and {free / 2**20:.0f} MiB are free on its filesystem"
                     if short else "another rank's filesystem lacks the room (see its error)")
            raise CheckpointError(f"cannot write checkpoint {target}: no room; {where}. The previous checkpoint is "
                                  "intact; free space (or lower trainer.keep_checkpoints) and resume with --resume "
                                  "latest")

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

    def _prune_checkpoints(self, keep: str) -> None:
        """Keep ``keep_checkpoints`` complete tags (``keep`` among them); remove older ones and unfinished ones
        (no config.yaml: a save that crashed or failed)."""
        tags = sorted((p for p in self.checkpoint_dir.iterdir() if p.is_dir() and p.name != keep),
                      key=lambda p: p.stat().st_mtime)
        complete = [p for p in tags if is_complete_tag(p)]
        unfinished = [p for p in tags if not is_complete_tag(p)]
        old = complete[: max(0, len(complete) + 1 - self.config.trainer.keep_checkpoints)]
        for path in old + unfinished:
            shutil.rmtree(path, ignore_errors=True)

    def load_checkpoint(self, which: str) -> str | None:
        """Restore everything saved by ``save_checkpoint``; ``which`` is ``latest``, a tag or a path, or
        ``auto``: ``latest`` if this run has saved a checkpoint, else nothing (None: a requeued job's
        first start). Returns the tag restored.

        Whether the run is finished is decided again from this run's config: a finished run resumed with a
        larger ``trainer.epochs`` (or ``trainer.patience``) trains on."""
        if which == AUTO:
            if not (self.checkpoint_dir / LATEST).is_file():
                return None
            which = LATEST
        directory, tag = resolve_checkpoint(self.checkpoint_dir, which)
        info_path = directory / tag / CHECKPOINT_INFO
        saved_world = json.loads(info_path.read_text())["world_size"] if info_path.is_file() else self.world.world_size
        if saved_world != self.world.world_size and self.engine.zero_optimization_stage() in (1, 2):
            client_state = self._load_zero_on_another_world_size(directory, tag)
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
        self.loaders["train"].check_resumable(client_state["loader"])
        self.state = TrainState(**client_state["train_state"])
        trainer_cfg = self.config.trainer
        self.state.finished = self.state.bad_epochs >= trainer_cfg.patience or self.state.epoch >= trainer_cfg.epochs
        self.guard.start_from(self.state.nonfinite_steps)
        self.scheduler.load_state_dict(client_state["scheduler"])
        if self.world.rank < saved_world:
            rank_state = load_rank_state(directory / tag / f"rank{self.world.rank}.pt")
            set_rng_states(rank_state["rng"])
        else:
            # A rank the checkpoint has no file for. Its objective state is rank 0's (every objective keeps
            # the same state on every rank: objectives/base.py); its random streams are new ones, derived
            # from the run's seed, the rank and the step, so a rerun draws the same.
            rank_state = load_rank_state(directory / tag / "rank0.pt")
            seed_everything(int(np.random.SeedSequence([self.config.run.seed, self.world.rank,
                                                        self.state.global_step]).generate_state(1)[0]))
        self.objective.load_extra_state(rank_state["objective"])
        self.logger.rewind(client_state["log_records"], self.state.global_step)
        if self.sample_log is not None:
            self.sample_log.rewind(self.state.global_step)
            if self.world.is_main:  # the sample logs of ranks this launch no longer has
                for rank in range(self.world.world_size, saved_world):
                    if (self.run_dir / "samples" / f"rank{rank}.jsonl").is_file():
                        gone = SampleLog(self.run_dir, rank)
                        gone.rewind(self.state.global_step)
                        gone.close()
        rest = self._continue_pass(client_state.get("pass"), directory / tag, saved_world)
        if saved_world != self.world.world_size:
            self.resume_note = self._elastic_note(saved_world, saved_accumulation, rest)
        if directory == self.checkpoint_dir:
            self._discard_later_checkpoints(tag)
        dist.heartbeat()
        return tag

    def _load_zero_on_another_world_size(self, directory: Path, tag: str) -> dict[str, Any]:
        """Load a ZeRO-1/2 checkpoint saved on another world size; returns its client state.

        The module comes from the model states file, which does not depend on the world size; the fp32
        master weights and every optimizer state (Adam's moments and step counts, per parameter group)
        through DeepSpeed's universal checkpoint: rank 0 converts the checkpoint (ds_to_universal, which
        merges the old ranks' partitions into whole tensors per parameter), and every rank loads its own
        partition of them for this world size."""
        from deepspeed.checkpoint import ds_to_universal

        universal = self.checkpoint_dir / UNIVERSAL_DIR
        failure = None
        if self.world.is_main:
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
        if dist.or_across_ranks(torch.tensor([failure is not None], device=self.device)).item():
            raise CheckpointError(f"{directory / tag}: cannot convert it for {self.world.world_size} rank(s) "
                                  f"(DeepSpeed's ds_to_universal into {universal}): {failure or 'see rank 0'}")
        _, client_state = self.engine.load_checkpoint(str(directory), tag=tag, load_module_only=True,
                                                      load_optimizer_states=False, load_lr_scheduler_states=False)
        # DeepSpeed reads this setting only while loading; the sample search's snapshots stay regular ones.
        ds_config = self.engine._config
        ds_config.load_universal_checkpoint = True
        try:
            path, _ = self.engine.load_checkpoint(str(universal), tag=tag, load_lr_scheduler_states=False)
        finally:
            ds_config.load_universal_checkpoint = False
        dist.barrier()
        if self.world.is_main:
            shutil.rmtree(universal, ignore_errors=True)
        if path is None:
            raise FileNotFoundError(f"{universal / tag}: DeepSpeed found no universal checkpoint there")
        return client_state

    def _continue_pass(self, record: dict[str, Any] | None, tag_dir: Path, saved_world: int) -> RestOfPass | None:
        """Plan the rest of the pass the checkpoint was saved in, when it began on another layout than this
        launch's (data/elastic.py). None when the pass goes on as planned, or there is none in progress."""
        if self.state.step == 0:
            return None
        if record is None:
            if self.world.world_size != saved_world:
                raise CheckpointError(f"{tag_dir}: saved mid-pass by an older version, which did not record the "
                                      "pass's layout: resume it on the world size it was saved with")
            return None
        layouts = [PassLayout(**layout) for layout in record["layouts"]]
        current = self.layout()
        if current.same_layout(layouts[-1]):
            history, start = layouts[:-1], self.state.step - layouts[-1].trained_batches // self.accumulation_steps
        else:
            history, start = layouts, self.state.step
        if not history:
            return None
        loader = self.loaders["train"]
        rest = rest_of_pass(loader.dataset.shards, epoch=record["data_pass"], seed=loader.options.seed,
                            shuffle_buffer=loader.options.shuffle_buffer, history=history, current=current)
        loader.continue_pass(record["data_pass"], rest.plans)
        self._continued = (record["data_pass"], history, start)
        return rest

    def _elastic_note(self, saved_world: int, saved_accumulation: int, rest: RestOfPass | None) -> str:
        """What a resume on another world size changed, and how the rest of its pass is spread."""
        batch = self.config.data.batch_size
        note = (f"elastic resume: world size {saved_world} -> {self.world.world_size}; global batch "
                f"{batch * saved_world * saved_accumulation} -> {self.global_batch_size} (micro-batch {batch}, "
                f"gradient accumulation {saved_accumulation} -> {self.accumulation_steps}, trainer.elastic="
                f"{self.config.trainer.elastic})")
        if rest is None:
            return note + "; the next pass starts on the new layout"
        stage = self.objective.epoch_stages(self.state.epoch)[self.state.stage_index]
        workers = self.loaders["train"].dataset.workers_per_rank
        spread = f"{rest.full_steps} step(s) of {self.accumulation_steps} x {batch} samples per rank"
        if rest.last_batch:
            spread += f", then 1 step of {self.accumulation_steps} x {rest.last_batch} per rank"
        note += (f"; epoch {self.state.epoch + 1}, stage {stage}: {rest.remaining} sample(s) of the pass remain, over "
                 f"{self.world.world_size} rank(s) x {workers} loader worker(s): {spread}")
        if rest.left_out:
            note += (f"; {rest.left_out} sample(s) left out of this pass: fewer than one per rank and accumulated "
                     "micro-batch, they cannot make equal batches on every rank")
        return note

    def _discard_later_checkpoints(self, tag: str) -> None:
        """Resuming from ``tag`` abandons what came after it: the log is rewound to it, so the checkpoints
        saved later go too, and ``latest`` names ``tag`` (a later save may write a tag of the same name)."""
        if self.world.is_main:
            position = (self.state.global_step, self.state.epoch)
            for other in self.checkpoint_dir.iterdir():
                info = other / CHECKPOINT_INFO
                if other.name != tag and info.is_file():
                    saved = json.loads(info.read_text())["train_state"]
                    if (saved["global_step"], saved["epoch"]) > position:
                        shutil.rmtree(other, ignore_errors=True)
            atomic_write_text(self.checkpoint_dir / LATEST, tag + "\n")
        dist.barrier()

    def export_model(self, path: Path) -> None:
        """Write the fp32 weights (model and objective), the resolved config, the dataset schema and the
        preprocessing assets as an export directory (export.py), from rank 0; never from non-finite weights.
        Called after the validation pass, whose mean representations it stores."""
        self.check_finite_weights(f"model export {path}")
        module_state = full_fp32_state_dict(self.engine)
        failure = None
        if self.world.is_main:
            assets = dataclasses.replace(self.export_assets, mean_representations=self._valid_mean_reps,
                                         mean_split=self.config.data.valid_split)
            try:
                export_model_dir(path, module_state, self.config.model_dump(mode="json"), assets,
                                 {"epoch": self.state.epoch + 1, "global_step": self.state.global_step,
                                  "source": "best epoch on validation", "run": str(self.run_dir)})
            except (WriteError, ExportError) as exc:
                failure = str(exc)
        if dist.or_across_ranks(torch.tensor([failure is not None], device=self.device)).item():
            raise WriteError(failure or f"rank 0 could not write the model export {path} (see its error)")
        dist.heartbeat()


def full_fp32_state_dict(engine) -> dict[str, torch.Tensor]:
    """The module's whole state in fp32 on the CPU, on every rank (a collective: every rank calls it).

    Parameters come from the optimizer's fp32 master copy where the engine keeps one (bf16 and fp16
    training, ZeRO 1-3: DeepSpeed's ``safe_get_full_fp32_param`` assembles the partitions), so an export
    of a mixed-precision run holds the weights training would go on from, not their 16-bit rounding.
    Buffers, and parameters the optimizer does not hold (frozen ones), come from the module."""
    from deepspeed.utils import safe_get_full_fp32_param

    module = engine.module
    if engine.zero_optimization_stage() == 3:
        # Partitioned parameters: gather the module's own values (a collective every rank joins).
        base = engine._zero3_consolidated_16bit_state_dict() or {}
    else:
        base = module.state_dict()
    masters: dict[int, torch.Tensor] = {}
    for _, param in module.named_parameters():
        master = safe_get_full_fp32_param(param) if param.requires_grad else None
        if master is not None:
            masters[id(param)] = master.detach().to("cpu", torch.float32)
    state = {}
    # keep_vars: the Parameter objects, so tied entries (an objective holding model modules) find their master.
    for name, value in module.state_dict(keep_vars=True).items():
        master = masters.get(id(value))
        if master is not None:
            state[name] = master
        elif name in base:
            state[name] = base[name].detach().to("cpu", torch.float32)
    return state


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


def is_complete_tag(tag_dir: Path) -> bool:
    """A checkpoint tag whose save completed (rank 0 writes config.yaml last, after every rank's files)."""
    return (tag_dir / "config.yaml").is_file()


def _tensors(value) -> list[torch.Tensor]:
    """Every tensor in nested dicts, lists and tuples."""
    if isinstance(value, torch.Tensor):
        return [value]
    if isinstance(value, dict):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return [t for item in value for t in _tensors(item)]
    return []


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


def global_batch_size(config: Config, world_size: int, accumulation_steps: int | None = None) -> int:
    """Samples per optimizer step over ``world_size`` ranks and the accumulated micro-batches (by default
    ``trainer.gradient_accumulation_steps``)."""
    return config.data.batch_size * world_size * (accumulation_steps or config.trainer.gradient_accumulation_steps)


def stage_batches(batches_per_epoch: int, fraction: float) -> int:
    """The batches a pass that runs ``fraction`` of an epoch's ``batches_per_epoch`` takes, counted as the
    official MMIM loop does (``if i_batch / len(loader) >= 0.5: break``): batch i runs while
    i / n < fraction, so ceil(fraction * n) of them (MOSEI: 256 of 511, not 255)."""
    n = batches_per_epoch
    count = min(n, max(0, math.ceil(fraction * n)))
    # The official test is on i / n in floating point: settle the rounding at the boundary the same way.
    while count > 0 and (count - 1) / n >= fraction:
        count -= 1
    while count < n and count / n < fraction:
        count += 1
    return count


def steps_in_pass(objective: Objective, stage: str, batches_per_epoch: int, trainer: TrainerConfig,
                  accumulation_steps: int | None = None) -> int:
    """Optimizer steps in one pass of ``stage`` when each rank yields ``batches_per_epoch`` batches."""
    accumulation = accumulation_steps or trainer.gradient_accumulation_steps
    batches = stage_batches(batches_per_epoch, objective.stage_fraction(stage))
    steps = batches // accumulation
    if steps == 0:
        raise ValueError(f"stage {stage}: {batches} batches per pass on each rank, fewer than the "
                         f"{accumulation} gradient accumulation steps")
    cap = trainer.max_steps_per_pass
    return min(steps, cap) if cap else steps


def planned_samples_seen(config: Config, world_size: int) -> list[int]:
    """``samples_seen`` at the end of each epoch of a full run of ``config`` on ``world_size`` ranks
    (what an epoch-based budget, such as ASHA's milestones, is in samples)."""
    data = config.data
    loader = make_loader(data, data.train_split, rank=0, world_size=world_size, train=True, seed=config.run.seed)
    objective = build_train_module(loader.schema, config).objective
    global_batch = global_batch_size(config, world_size)
    seen, totals = 0, []
    for epoch in range(config.trainer.epochs):
        seen += global_batch * sum(steps_in_pass(objective, stage, loader.batches_per_epoch, config.trainer)
                                   for stage in objective.epoch_stages(epoch))
        totals.append(seen)
    return totals


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
        load_rank_state(tag_dir / f"rank{other}.pt")
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


# Config keys a resumed run may change: where things are, how long to train, what to log and how to
# checkpoint. Any other difference would continue another experiment under this run's name.
RESUMABLE_CHANGES = ("run.output_dir", "data.shard_dir", "data.cache_dir", "data.cache_max_gb", "data.prefetch_factor",
                     "data.pin_memory",
                     "data.verify_checksums", "model.text_model", "trainer.deepspeed_config", "trainer.epochs",
                     "trainer.patience", "trainer.log_every", "trainer.progress_bar", "trainer.checkpoint_every_steps",
                     "trainer.keep_checkpoints", "trainer.nonfinite", "trainer.nonfinite_patience",
                     "trainer.collective_timeout_s", "trainer.log_samples", "trainer.anomaly_detection",
                     "trainer.elastic")


def _flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, Any]:
    flat = {}
    for key, value in tree.items():
        if isinstance(value, dict) and value:
            flat.update(_flatten(value, f"{prefix}{key}."))
        else:
            flat[f"{prefix}{key}"] = value
    return flat


def _check_same_config(config: Config, tag_dir: Path) -> None:
    """Refuse to resume a checkpoint under a config that differs beyond RESUMABLE_CHANGES."""
    import yaml

    saved = _flatten(yaml.safe_load((tag_dir / "config.yaml").read_text()) or {})
    now = _flatten(config.model_dump(mode="json"))
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


def consolidated_fp32_state(checkpoint: Path) -> dict[str, torch.Tensor]:
    """The full fp32 weights of a DeepSpeed checkpoint tag directory, whatever its ZeRO stage.

    ZeRO and bf16/fp16 checkpoints keep the fp32 master weights in per-rank optimizer partitions, which
    DeepSpeed's zero_to_fp32 merges; an fp32 ZeRO-0 checkpoint holds them in its model states file.
    """
    from deepspeed.utils.zero_to_fp32 import get_fp32_state_dict_from_zero_checkpoint

    from .quiet import quiet_zero_to_fp32

    if any(checkpoint.glob("*optim_states.pt")):
        with quiet_zero_to_fp32():  # which files it reads, and a progress bar over them
            state = get_fp32_state_dict_from_zero_checkpoint(str(checkpoint.parent), tag=checkpoint.name)
    else:
        state = load_tensors_only(checkpoint / "mp_rank_00_model_states.pt")["module"]
    return {k: v.float() for k, v in state.items()}
