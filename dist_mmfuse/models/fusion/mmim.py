"""MMIM's fusion (its SubNet): the concatenated representations through dropout → tanh(Linear) →
tanh(Linear) = Z → Linear = ŷ. Z, the second layer's output, is the fusion vector (METHODS.md §1.2)."""

from __future__ import annotations

import torch
from torch import nn

from ...config import ModelConfig
from ...schema import DatasetSchema
from .base import Fusion, FusionOutput


class MMIMFusion(Fusion):
    name = "mmim"

    def __init__(self, schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig):
        super().__init__(schema, rep_dims, sequence_dims, config)
        in_dim, hidden = sum(rep_dims.values()), config.fusion_hidden
        self.dropout = nn.Dropout(config.fusion_dropout)
        self.linear_1 = nn.Linear(in_dim, hidden)
        self.linear_2 = nn.Linear(hidden, hidden)
        self.linear_3 = nn.Linear(hidden, 1)
        self.out_dim = hidden

    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        reps_BD = torch.cat(list(reps.values()), dim=-1)
        hidden_BH = torch.tanh(self.linear_1(self.dropout(reps_BD)))
        fusion_BH = torch.tanh(self.linear_2(hidden_BH))
        return FusionOutput(fusion_BH, self.linear_3(fusion_BH).squeeze(-1))

    def prediction_parameters(self) -> list[nn.Parameter]:
        return list(self.linear_3.parameters())
