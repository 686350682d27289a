"""The training loop: epochs of objective stages, each pass a loop over steps, each step a step function.

Each epoch runs one pass over the training data per objective stage (MMIM: the MMILB pass, then the
main pass), then evaluates on the validation and test splits (evaluation.py). The learning-rate schedule
(plateau) and early stopping follow the validation loss; the reported test metrics are those of the epoch
selected on validation (``trainer.select_with_test`` reproduces the official MMIM rule that also peeks at
the test loss). A step is one of two step functions: DeepSpeed's averaged (or summed) accumulation, or
the feature cache, which takes one loss over every accumulated micro-batch.

No step with a non-finite loss term or gradient norm is applied (``nonfinite.py``). The loop decides when
to checkpoint, what to select and when to stop; it never touches a file: the checkpoint manager
(checkpoint/) writes and reads everything a run keeps, the run logger (runlog.py) its logs.
"""

from __future__ import annotations

import math
import sys
import time
from typing import Any, Callable

import numpy as np
import torch
from torch.profiler import record_function

from . import distributed as dist
from .checkpoint import CheckpointManager
from .checkpoint.rng import seed_everything, set_torch_rng_states, torch_rng_states
from .config import Config, TrainerConfig, deepspeed_settings, zero_stage
from .data.batch import Batch, concat_batches
from .data.loader import StreamingLoader, make_loader
from .distributed import WorldInfo
from .evaluation import evaluate_split, predict_split
from .export import export_assets, preprocessing_record
from .manifest import Manifest
from .models import ModelOutput
from .nonfinite import NonFiniteGuard
from .objectives import MAIN_STAGE, Objective
from .optim import StagedAdam, group_stages
from .runlog import SampleLog, open_run_logger
from .train_module import build_train_module, give_train_labels, init_from_export
from .train_state import TrainState

# Profiler ranges around the parts of a training step (bench/train_throughput.py --profile reads them);
# outside a profiler each costs about a microsecond.
SCOPE = "dist_mmfuse::"


class Trainer:
    """Builds the model, objective, DeepSpeed engine and loaders for a validated config, and trains."""

    def __init__(self, config: Config, manifest: Manifest, world: WorldInfo, checkpoint_dir=None,
                 accumulation_steps: int | None = None):
        """``checkpoint_dir``: where checkpoints go instead of ``<run>/checkpoints`` (CheckpointManager).
        ``accumulation_steps``: the gradient accumulation a resume goes on with (``resume_accumulation``),
        when it differs from ``trainer.gradient_accumulation_steps``."""
        import deepspeed

        self.config = config
        self.world = world
        self.accumulation_steps = accumulation_steps or config.trainer.gradient_accumulation_steps
        # Called on every rank after each epoch's checkpoint with (record, checkpoint path): the record
        # holds the epoch, counters and validation metrics (Ray Tune reports through this).
        self.epoch_hooks: list[Callable[[dict[str, Any], Any], None]] = []
        self.loaders = split_loaders(config, world)
        self.schema = self.loaders["train"].schema
        # What an export needs besides the weights (the tokenizer sharding used, the text model's config),
        # gathered now so a missing tokenizer stops the run at its start, before anything is built or written.
        assets = export_assets(config, self.schema, preprocessing_record(manifest, self.schema))
        seed_everything(config.run.seed)  # the same initial weights on every rank
        module = build_train_module(self.schema, config)
        # Fine-tuning from an export: its weights replace the initial ones (a resumed run then loads its
        # checkpoint over them).
        init_record = init_from_export(module, config.model.init_from) if config.model.init_from else None
        self.objective = module.objective
        give_train_labels(self.objective, config.data)
        # Fused on GPUs: the fused kernel skips a non-finite step on the device (see optim.py).
        self.optimizer = StagedAdam(self.objective.param_groups(module.model, config.trainer),
                                    clip_value=config.trainer.grad_clip_value or None, fused=torch.cuda.is_available())
        settings = deepspeed_settings(config)
        settings["gradient_accumulation_steps"] = self.accumulation_steps
        self.engine, _, _, _ = deepspeed.initialize(model=module, optimizer=self.optimizer, config=settings)
        seed_everything(config.run.seed + 1000 * (world.rank + 1))  # then different dropout streams per rank
        self.scheduler = plateau_scheduler(self.optimizer, config.trainer)
        # Without ZeRO or mixed precision the engine neither keeps nor checks the gradient norm: take it here.
        self._own_grad_norm = not (self.engine.zero_optimization() or self.engine.bfloat16_enabled()
                                   or self.engine.fp16_enabled())
        self._last_grad_norm: torch.Tensor | None = None
        self.state = TrainState()
        self.guard = NonFiniteGuard(self.device, config.trainer.nonfinite, config.trainer.nonfinite_patience)
        self.stage = self.objective.stages[0]  # the stage training is in (or was last in)
        self._unreduced_skipped = 0  # this rank's skipped bad samples not yet in state.skipped_samples
        self.logger = open_run_logger(config, world, self.device)
        self.sample_log = SampleLog(config.run_dir(), world.rank) if config.trainer.log_samples else None
        if config.trainer.anomaly_detection:
            torch.autograd.set_detect_anomaly(True)
        self.checkpoints = CheckpointManager(
            config, world, self.schema, assets, engine=self.engine, zero_stage=zero_stage(settings),
            optimizer=self.optimizer, objective=self.objective, scheduler=self.scheduler,
            train_loader=self.loaders["train"], logger=self.logger, sample_log=self.sample_log,
            accumulation_steps=self.accumulation_steps, checkpoint_dir=checkpoint_dir)
        members = dist.world_summary(world)  # gathered over the group: proof that every rank joined it
        if world.is_main:
            print(f"process group: {members}", flush=True)
        self.checkpoints.record_start(init_record)

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
        start, total = self.checkpoints.passes.begin(pass_index, lambda: self.steps_in_pass(stage))
        self.optimizer.set_stage(self.objective.optimizer_stages(stage, state.epoch))
        self.stage = stage
        dist.heartbeat(f"training (epoch {state.epoch + 1}, stage {stage})")
        self.objective.begin_pass(stage, state.epoch, state.step)
        self.engine.train()
        self.logger.start_pass(stage)
        # Summed per term with the number of steps that reported it (a term may come from some steps only).
        window_terms: dict[str, torch.Tensor] = {}
        window_counts: dict[str, int] = {}
        window_start, window_steps = time.perf_counter(), 0
        batches = self.loaders["train"].epoch(pass_index, (state.step - start) * accumulation)
        # Each step takes the next gradient_accumulation_steps batches from the one iterator.
        for micro_batches in zip(*[batches] * accumulation):
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
            else:
                self.logger.advance(1)  # the bar moves every step; its figures change when they are logged
            if trainer_cfg.checkpoint_every_steps and state.global_step % trainer_cfg.checkpoint_every_steps == 0:
                self.save_checkpoint(f"step{state.global_step:08d}")
        self.checkpoints.passes.end()
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

    def accumulate_gradients(self, micro_batches: list[Batch], stage: str, step: int) -> dict[str, torch.Tensor]:
        """Forward and backward over the micro-batches of one step, leaving the optimizer step (the
        accumulation boundary) to the caller; returns the detached loss terms."""
        with record_function(f"{SCOPE}host_to_device"):
            micro_batches = [b.to(self.device) for b in micro_batches]
        if len(micro_batches) != self.micro_batches_per_step:
            raise ValueError(f"{len(micro_batches)} micro-batches for one step; the engine accumulates "
                             f"{self.micro_batches_per_step}")
        if self.config.trainer.accumulation == "feature_cache":
            return feature_cache_backward(self.engine, micro_batches, stage, step)
        return averaged_backward(self.engine, micro_batches, stage, step,
                                 average=self.config.trainer.accumulation == "average")

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
        state.finished = state.done_under(self.config.trainer.epochs, self.config.trainer.patience)
        path = self.save_checkpoint(f"epoch{state.epoch:04d}")
        record = {"epoch": state.epoch, "global_step": state.global_step, "samples_seen": state.samples_seen,
                  "best_epoch": state.best_epoch_number, "best_valid_loss": state.best_valid,
                  "finished": state.finished, "nonfinite_steps": state.nonfinite_steps,
                  "skipped_samples": state.skipped_samples, **metrics}
        for hook in self.epoch_hooks:
            hook(record, path)

    def select_on_validation(self) -> dict[str, float]:
        """Evaluate on validation and test, step the schedule, keep the best epoch (and export it), count
        bad epochs."""
        state, trainer_cfg = self.state, self.config.trainer
        self.engine.eval()
        valid_predictions = predict_split(self.engine, self.loaders["valid"], self.device, with_mean_reps=True)
        valid = valid_predictions.metrics(self.schema.label_range)
        if trainer_cfg.select_on == "mse":
            valid["mse"] = float(np.mean((valid_predictions.pred_N - valid_predictions.label_N) ** 2))
        score = valid["mse"] if trainer_cfg.select_on == "mse" else valid["loss"]
        test = self.evaluate("test")
        self.scheduler.step(score)
        # A NaN compares False and an Inf is never below the best: neither is ever selected.
        if score < state.best_valid - trainer_cfg.min_improvement:
            state.best_valid, state.bad_epochs = score, 0
            if not trainer_cfg.select_with_test or test["loss"] < state.best_test:
                state.best_test, state.best_epoch, state.best_test_metrics = test["loss"], state.epoch, test
                self.checkpoints.export_best(state, valid_predictions.mean_reps)
        else:
            state.bad_epochs += 1
            if not math.isfinite(score) and self.world.is_main:
                print(f"warning: epoch {state.epoch + 1}: the validation loss is {score}; the epoch is not "
                      "selected", file=sys.stderr, flush=True)
        self.logger.log("valid", state.global_step, {"epoch": state.epoch + 1, **valid})
        self.logger.log("test", state.global_step, {"epoch": state.epoch + 1, **test})
        return valid

    def evaluate(self, split: str) -> dict[str, float]:
        dist.heartbeat(f"evaluating on {split}")
        self.engine.eval()
        return evaluate_split(self.engine, self.loaders[split], self.device, self.schema.label_range)

    # -- counters and logging ----------------------------------------------------------------------

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
        self.logger.advance(1, postfix)  # this step (the window's earlier ones have moved the bar already)
        self.guard.check()

    # -- checkpoints (the manager writes and reads; the loop says when) ----------------------------

    def save_checkpoint(self, tag: str):
        """Bring the counters up to date (stopping here if the non-finite policy says so) and checkpoint."""
        dist.heartbeat(f"saving checkpoint {tag}")
        self.count_skipped_samples()
        self.poll_nonfinite()
        path = self.checkpoints.save(tag, self.state)
        dist.heartbeat()
        return path

    def where(self) -> str:
        """Where training is, as a user counts (epochs from 1): for the line an interrupted run prints."""
        state = self.state
        if state.finished or state.epoch >= self.config.trainer.epochs:
            return f"after its last epoch ({state.epoch})"
        stages = self.objective.epoch_stages(state.epoch)
        stage = f", stage {stages[state.stage_index]}" if len(stages) > 1 and state.stage_index < len(stages) else ""
        return (f"in epoch {state.epoch + 1} of {self.config.trainer.epochs}{stage}, at step {state.step} of the "
                f"pass (global step {state.global_step})")

    def load_checkpoint(self, which: str) -> str | None:
        """Restore the state ``save_checkpoint`` saved (``which``: ``latest``, a tag, a path, or ``auto``; see
        ``CheckpointManager.load``); returns the tag, None where ``auto`` found nothing. Whether the run is
        finished is decided again from this run's config: a finished run resumed with a larger
        ``trainer.epochs`` (or ``trainer.patience``) trains on."""
        restored = self.checkpoints.load(which)
        if restored is None:
            return None
        tag, self.state = restored
        self.state.finished = self.state.done_under(self.config.trainer.epochs, self.config.trainer.patience)
        self.guard.start_from(self.state.nonfinite_steps)
        dist.heartbeat()
        return tag

    # The sample search (objectives/tuple_infonce.py) trains candidates from one snapshot.
    def snapshot(self, tag: str) -> str:
        return self.checkpoints.snapshot(tag)

    def restore(self, tag: str, optimizer_state: bool = True) -> None:
        self.checkpoints.restore(tag, optimizer_state)

    def drop_snapshots(self) -> None:
        self.checkpoints.drop_snapshots()

    def close(self, failed: bool = False) -> None:
        """Close the run's log files and end its tracking (a W&B run as failed when ``failed``)."""
        self.logger.close(failed)
        if self.sample_log is not None:
            self.sample_log.close()

    def __enter__(self) -> "Trainer":
        return self

    def __exit__(self, kind, value, traceback) -> None:
        self.close(failed=kind is not None)


# -- the step functions ----------------------------------------------------------------------------


def averaged_backward(engine, micro_batches: list[Batch], stage: str, step: int, average: bool
                      ) -> dict[str, torch.Tensor]:
    """DeepSpeed's accumulation: each micro-batch its own loss (and negatives), gradients averaged
    (``average=False``: summed, as Self-MM's update_epochs does). Returns the terms averaged over the
    micro-batches that reported each."""
    summed: dict[str, torch.Tensor] = {}
    counts: dict[str, int] = {}  # a term may come from some micro-batches only (TupleInfoNCE's branches)
    for index, batch in enumerate(micro_batches):
        if index:
            engine.step()  # not a boundary: the engine only counts the micro-step
        loss, terms = engine(batch, stage, step * len(micro_batches) + index)
        with record_function(f"{SCOPE}backward"):
            engine.backward(loss, scale_wrt_gas=average)
        for key, value in {"loss": loss.detach(), **terms}.items():
            summed[key] = summed.get(key, 0) + value
            counts[key] = counts.get(key, 0) + 1
    return {key: value / counts[key] for key, value in summed.items()}


def feature_cache_backward(engine, micro_batches: list[Batch], stage: str, step: int) -> dict[str, torch.Tensor]:
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
            outputs.append(engine(batch, stage, step, take_loss=False))
    rng_after = torch_rng_states()
    cached = [output.tensors() for output in outputs]
    joined_batch = concat_batches(micro_batches)

    def joined_loss(rows: list[list[torch.Tensor]]):
        # The module itself, not the engine: the engine hooks its outputs to open and close a
        # backward (and reduce gradients) whenever autograd reaches them, which step 2 must not do.
        # ZeRO-3 still gathers the objective's weights through its per-module hooks.
        features = ModelOutput.concat([outputs[0].from_tensors(tensors) for tensors in rows])
        return engine.module(joined_batch, stage, step, features=features)

    leaves = [[t.requires_grad_() for t in tensors] for tensors in cached]
    loss, _ = joined_loss(leaves)
    grads = torch.autograd.grad(loss, [t for tensors in leaves for t in tensors], allow_unused=True)
    width = len(leaves[0])
    for index, batch in enumerate(micro_batches):
        if index:
            engine.step()  # not a boundary: the engine only counts the micro-step
        set_torch_rng_states(rng_before[index])
        live = engine(batch, stage, step, take_loss=False).tensors()
        if index == 0:
            rows = [live] + [[t.detach() for t in tensors] for tensors in cached[1:]]
            loss, terms = joined_loss(rows)
            engine.backward(loss, scale_wrt_gas=False)
        else:
            row_grads = grads[index * width:(index + 1) * width]
            engine.backward(sum((t * g).sum() for t, g in zip(live, row_grads) if g is not None),
                            scale_wrt_gas=False)
    set_torch_rng_states(rng_after)
    return {"loss": loss.detach(), **terms}


# -- what the loop is built from, and its sizes ------------------------------------------------------


def split_loaders(config: Config, world: WorldInfo) -> dict[str, StreamingLoader]:
    """This rank's loaders of the training, validation and test splits."""
    data, seed = config.data, config.run.seed
    return {name: make_loader(data, split, rank=world.rank, world_size=world.world_size, train=name == "train",
                              seed=seed)
            for name, split in (("train", data.train_split), ("valid", data.valid_split), ("test", data.test_split))}


def plateau_scheduler(optimizer: StagedAdam, trainer: TrainerConfig) -> torch.optim.lr_scheduler.ReduceLROnPlateau:
    """ReduceLROnPlateau on the main stage's groups only: a per-group min_lr equal to the current lr pins the
    other stages' learning rates (the official code never steps the MMILB scheduler). lr_schedule=none
    pins every group."""
    plateau = trainer.lr_schedule == "plateau"
    min_lrs = [0.0 if MAIN_STAGE in group_stages(g) and plateau else g["lr"] for g in optimizer.param_groups]
    return torch.optim.lr_scheduler.ReduceLROnPlateau(optimizer, mode="min", factor=trainer.plateau_factor,
                                                      patience=trainer.plateau_patience, min_lr=min_lrs)


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
