"""The model and its objective as one module: what the DeepSpeed engine wraps and what checkpoints and
exports hold (their weights' keys are ``model.*`` and ``objective.*``).

This module builds it from a config, initialises it (``model.init``; ``model.init_from``: an export's
weights) and hands an objective that keeps per-sample state the training labels. It never trains, never
writes a file and never talks to other ranks.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import torch
from torch import nn

from .config import Config
from .data.batch import Batch
from .data.loader import shard_store, split_labels
from .models import FusionModel, ModelOutput, xavier_init_
from .objectives import Objective, build_objective


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
            if stage is not None:  # besides what the fusion gives (MISA's shared and private vectors)
                features.extra.update(self.objective.extra_outputs(self.model, batch, stage, step))
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
    from .export import INFO, WEIGHTS, load_export
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
