"""The objective plug-in interface.

An objective owns its extra modules (heads, critics, estimators), its loss terms, its parameter groups
and its stage schedule. The trainer only sees this interface:

* ``stages``: every stage the objective has, in order (MMIM: ``("mmilb", "main")``);
  ``epoch_stages(epoch)`` the passes over the training data in one epoch (default: all of them;
  TupleInfoNCE: ``contrast`` in its pre-training epochs, ``main`` after). Model selection, early
  stopping and the plateau schedule follow only the epochs that run ``main``; the others report
  ``pretrain_metrics`` instead;
* ``stage_fraction(stage)``: the share of an epoch's batches a stage runs (MMIM's MOSEI stage 0: 0.5);
* ``param_groups(model, trainer)``: optimizer groups, each tagged with the stage that steps it;
  ``optimizer_stages(stage, epoch)`` the tags a pass of ``stage`` in ``epoch`` steps (default: the
  stage's own; MMIM adds its entropy projection's tag to the MMILB pass from the second epoch on);
* ``loss(output, batch, stage, step)``: the scalar to minimise and the named terms to log; the names
  must depend only on the stage, never on the data, because the trainer averages them across ranks.
  It may be called twice for the same ``(stage, step)`` (feature-cache accumulation does), so state it
  updates (MMIM's entropy memory) must come out the same after either call;
* ``negatives_per_row(local_rows, stage)``: how many negatives each contrastive row saw when a loss call
  had ``local_rows`` rows on each rank (0 when the stage contrasts nothing);
* ``begin_pass(stage, epoch, step)``: a pass over the training data starts (``step`` > 0 when it resumes);
* ``uses_train_labels`` / ``init_train_labels(labels_N, present_N, index_offset)``: objectives that keep
  per-sample state (Self-MM's label banks) receive every training label, by position in the split,
  before training;
* ``extra_outputs(model, batch, stage, step)``: per-sample tensors to compute besides the clean forward
  (TupleInfoNCE's augmented view); they travel in ``ModelOutput.extra``, so feature-cache accumulation
  caches and replays them like the rest;
* ``resets_optimizer(epoch)``: start ``epoch`` with fresh optimizer moments (fine-tuning after
  pre-training);
* ``search``: None, or an object whose ``run(trainer, stage)`` replaces the trainer's plain pass of the
  contrastive stage (TupleInfoNCE's sample optimisation trains candidates from one starting point);
* ``seed``: the run's seed, for random draws that must be the same on every rank;
* ``extra_state()`` / ``load_extra_state()``: non-parameter state (MMIM's entropy memory, Self-MM's
  banks) for checkpoints. It must be the same on every rank (each objective builds it from gathered
  global batches): a resume on more ranks gives the new ones rank 0's.

Objectives are nn.Modules so their parameters live inside the DeepSpeed engine with the model's.
"""

from __future__ import annotations

import abc
from typing import Any

import torch
from torch import nn

from ..config import ObjectiveConfig, TrainerConfig
from ..data.batch import Batch
from ..models import FusionModel, ModelOutput
from ..schema import DatasetSchema

MAIN_STAGE = "main"


def upcast(tensor: torch.Tensor) -> torch.Tensor:
    """``tensor`` in fp32 when it is bf16 or fp16 (loss arithmetic never runs in half precision);
    fp32 and fp64 pass through, so an fp64 reference computation stays fp64."""
    return tensor if tensor.dtype in (torch.float32, torch.float64) else tensor.float()


class Objective(nn.Module, abc.ABC):
    name = ""
    stages: tuple[str, ...] = (MAIN_STAGE,)
    uses_train_labels = False
    search: Any = None
    seed = 0

    def __init__(self, schema: DatasetSchema, model: FusionModel, config: ObjectiveConfig):
        super().__init__()
        self.schema = schema

    def stage_fraction(self, stage: str) -> float:
        return 1.0

    def param_groups(self, model: FusionModel, trainer: TrainerConfig) -> list[dict[str, Any]]:
        """Text encoders at their own learning rate, the groups the fusion's recipe asks for (LMF's factor
        learning rate), everything else in "main"; all stepped in the main stage. Objectives with more stages
        add their own groups."""
        text_names = model.text_parameter_names()
        # Weights the fusion's recipe gives settings of their own (LMF's factor learning rate).
        fusion_groups = [{**group, "stage": MAIN_STAGE} for group in model.fusion.param_groups(trainer)]
        own = {id(p) for group in fusion_groups for p in group["params"]}
        text, main = [], []
        for name, param in model.named_parameters():
            if id(param) not in own:
                (text if name in text_names else main).append(param)
        main += [p for p in self.main_stage_parameters()]
        groups = [
            {"name": "text", "stage": MAIN_STAGE, "params": text, "lr": trainer.lr_text,
             "weight_decay": trainer.weight_decay_text},
            {"name": "main", "stage": MAIN_STAGE, "params": main, "lr": trainer.lr_main,
             "weight_decay": trainer.weight_decay_main},
            *fusion_groups,
        ]
        return [g for g in groups if g["params"]]

    def main_stage_parameters(self) -> list[nn.Parameter]:
        """The objective's own parameters trained with the model in the main stage."""
        return list(self.parameters())

    def task_loss(self, output: ModelOutput, batch: Batch) -> torch.Tensor:
        """L1 between prediction and label (MMIM and Self-MM use L1 for MOSI, MOSEI and SIMS)."""
        return (upcast(output.pred_B) - batch.label).abs().mean()

    @abc.abstractmethod
    def loss(self, output: ModelOutput, batch: Batch, stage: str, step: int) -> tuple[torch.Tensor,
                                                                                      dict[str, torch.Tensor]]:
        """The loss to minimise in ``stage`` at ``step`` (0-based within the pass) and its named terms."""

    def negatives_per_row(self, local_rows: int, stage: str) -> int:
        return 0

    def extra_state(self) -> dict[str, Any]:
        return {}

    def discard_step(self, skipped: torch.Tensor) -> None:
        """The step whose loss was just taken was not applied where ``skipped`` (a boolean device tensor,
        the same on every rank) is True: undo what the loss call changed in the objective's own state, so
        that a skipped step leaves no trace (see nonfinite.py). Objectives without per-step state do
        nothing."""

    def load_extra_state(self, state: dict[str, Any]) -> None:
        pass

    def init_train_labels(self, labels_N: torch.Tensor, present_N: torch.Tensor, index_offset: int) -> None:
        """Every training sample's label by position in the split (global index minus ``index_offset``,
        the split's first index); ``present_N`` is False where the split has no readable sample. Called
        before training when ``uses_train_labels``; objectives without per-sample state take nothing."""

    def begin_pass(self, stage: str, epoch: int, step: int) -> None:
        """A pass of ``stage`` in ``epoch`` (0-based) starts at ``step`` (> 0 when training resumes)."""

    def epoch_stages(self, epoch: int) -> tuple[str, ...]:
        """The stages, in order, that epoch ``epoch`` (0-based) runs."""
        return self.stages

    def optimizer_stages(self, stage: str, epoch: int) -> tuple[str, ...]:
        """The param-group tags that a pass of ``stage`` in epoch ``epoch`` (0-based) steps, its own first."""
        return (stage,)

    def resets_optimizer(self, epoch: int) -> bool:
        """Whether epoch ``epoch`` starts with fresh optimizer moments."""
        return False

    def extra_outputs(self, model: FusionModel, batch: Batch, stage: str, step: int) -> dict[str, torch.Tensor]:
        """Per-sample tensors (rows of ``batch``) the loss of ``stage`` needs besides the model output."""
        return {}

    def pretrain_metrics(self, loader, device: torch.device) -> dict[str, float]:
        """Validation metrics of an epoch that does not train on the label (none by default)."""
        return {}
