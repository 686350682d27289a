"""Evaluation over a split: every sample's prediction once, gathered from all ranks, its metrics, and
each modality's mean representation (what a removed modality is filled with).

Used by the trainer (validation and test after each epoch), ``dist-mmfuse-eval``, the export of a
checkpoint (its mean representations) and therefore the predictor's removed modalities. This module only
computes: it never selects an epoch, steps a schedule or writes a file.
"""

from __future__ import annotations

import dataclasses

import numpy as np
import torch

from . import distributed as dist
from .data.loader import StreamingLoader
from .metrics import msa_metrics
from .models import FusionModel, ModelOutput


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
        if with_mean_reps:  # what a removed modality is filled with: the representations, or (MulT) input means
            for name, rep_BD in (output.reps if output.fill_basis is None else output.fill_basis).items():
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
    """Each named modality's removal fill averaged over every sample of the loader's split (all ranks): its
    representation, or, for a fusion that replaces a removed modality's input (MulT), its sequence's mean."""
    reps: dict[str, list[torch.Tensor]] = {name: [] for name in names}
    masks = []
    for batch in loader.epoch(0):
        batch = batch.to(device)
        encoded = model.fill_vectors(batch, names)
        for name in names:
            reps[name].append(encoded[name].float())
        masks.append(batch.sample_mask)
    real_N = dist.all_gather_tensors(torch.cat(masks))
    return {name: dist.all_gather_tensors(torch.cat(parts))[real_N].mean(0) for name, parts in reps.items()}
