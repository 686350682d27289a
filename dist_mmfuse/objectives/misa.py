"""MISA's losses (Hazarika et al., 2020), as MMSA's trainer computes them (``trains/singleTask/MISA.py``):

    L = MSE(ŷ, y) + diff_weight · L_diff + sim_weight · L_sim + recon_weight · L_recon

* L_diff (DiffLoss): for each modality its private and shared vectors, and for each pair of modalities
  their private vectors: both centred over the batch, each row divided by its (detached) norm + 1e-6, and
  the mean of the squared entries of their cross-correlation (x̂ᵀ ŷ);
* L_sim (CMD, MMSA's use_cmd_sim): the central moment discrepancy of order ``cmd_moments`` between every
  pair of modalities' shared vectors, averaged over the pairs: the distance of their means plus, for
  k = 2..n, the distance of their k-th central moments (each a Euclidean norm over features);
* L_recon: the mean over modalities of the mean squared error between the reconstruction of private +
  shared and the modality's representation.

The difference and similarity terms are statistics of the batch: they are taken over the global batch,
every rank's rows gathered with their gradients, so a multi-rank step equals one process on the same
global batch. The task and reconstruction terms are per-sample means, taken on each rank's rows (their mean
over ranks is the global one). The fusion (models/fusion/misa.py) gives the vectors; this objective never
builds a layer.
"""

from __future__ import annotations

import itertools

import torch

from .. import distributed as dist
from ..config import ObjectiveConfig
from .base import Objective, upcast


def diff_loss(first_ND: torch.Tensor, second_ND: torch.Tensor) -> torch.Tensor:
    """MMSA's DiffLoss: centred rows over their detached norms; the mean squared cross-correlation."""
    first_ND = first_ND - first_ND.mean(0, keepdim=True)
    second_ND = second_ND - second_ND.mean(0, keepdim=True)
    first_ND = first_ND / (first_ND.norm(p=2, dim=1, keepdim=True).detach() + 1e-6)
    second_ND = second_ND / (second_ND.norm(p=2, dim=1, keepdim=True).detach() + 1e-6)
    return (first_ND.T @ second_ND).pow(2).mean()


def cmd(first_ND: torch.Tensor, second_ND: torch.Tensor, moments: int) -> torch.Tensor:
    """MMSA's CMD: ||mean_1 - mean_2|| + sum over k = 2..moments of ||E[(x_1 - mean_1)^k] - E[(x_2 - mean_2)^k]||."""
    mean_1, mean_2 = first_ND.mean(0), second_ND.mean(0)
    centred_1, centred_2 = first_ND - mean_1, second_ND - mean_2
    total = (mean_1 - mean_2).pow(2).sum().sqrt()
    for k in range(2, moments + 1):
        total = total + (centred_1.pow(k).mean(0) - centred_2.pow(k).mean(0)).pow(2).sum().sqrt()
    return total


class MISA(Objective):
    name = "misa"

    def __init__(self, schema, model, config: ObjectiveConfig):
        super().__init__(schema, model, config)
        self.cfg = config.misa
        self.modalities = list(model.rep_dims)

    def task_loss(self, output, batch) -> torch.Tensor:
        """MSE between prediction and label (MMSA trains MISA with nn.MSELoss)."""
        return (upcast(output.pred_B) - batch.label).pow(2).mean()

    def loss(self, output, batch, stage, step):
        cfg, extra = self.cfg, output.extra
        task = self.task_loss(output, batch)
        # Batch statistics over the global batch: every rank's rows, their gradients sent back.
        private = {m: dist.all_gather_with_grad(upcast(extra[f"misa_private.{m}"])) for m in self.modalities}
        shared = {m: dist.all_gather_with_grad(upcast(extra[f"misa_shared.{m}"])) for m in self.modalities}
        difference = sum(diff_loss(private[m], shared[m]) for m in self.modalities)
        pairs = list(itertools.combinations(self.modalities, 2))
        difference = difference + sum(diff_loss(private[a], private[b]) for a, b in pairs)
        similarity = sum(cmd(shared[a], shared[b], cfg.cmd_moments) for a, b in pairs) / len(pairs)
        reconstruction = sum((upcast(extra[f"misa_recon.{m}"]) - upcast(output.reps[m])).pow(2).mean()
                             for m in self.modalities) / len(self.modalities)
        loss = task + cfg.diff_weight * difference + cfg.sim_weight * similarity + cfg.recon_weight * reconstruction
        return loss, {"task": task.detach(), "diff": difference.detach(), "cmd": similarity.detach(),
                      "recon": reconstruction.detach()}

