"""Self-MM's fusion (its post-fusion layers): the concatenated representations through dropout →
ReLU(Linear) = F_f → ReLU(Linear) → Linear = ŷ. F_f, the first layer's output, is the fusion vector: what
Self-MM's label generation measures (METHODS.md §2). The same layers as MMIM's, other activations."""

from __future__ import annotations

import torch

from .base import FusionOutput
from .mmim import MMIMFusion


class SelfMMFusion(MMIMFusion):
    name = "self_mm"

    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        reps_BD = torch.cat(list(reps.values()), dim=-1)
        fusion_BH = torch.relu(self.linear_1(self.dropout(reps_BD)))
        return FusionOutput(fusion_BH, self.linear_3(torch.relu(self.linear_2(fusion_BH))).squeeze(-1))
