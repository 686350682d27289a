"""LMF (Liu et al., ACL 2018), as MMSA implements it (``models/singleTask/LMF.py``).

The same sub-networks as TFN (subnets.py); the text's output is half its hidden size. Each representation
with a 1 appended meets a modality-specific factor of shape (rank, d_m + 1, 1); the product over the
modalities of [1, h_m] W_m^(r) is the fusion vector (B, rank), and the prediction is its weighted sum plus a
bias: TFN's tensor product with a rank-``rank`` weight, never built. The factors and the rank weights are
initialised xavier-normal, the bias at 0, as MMSA does. No dropout acts after the fusion (MMSA defines one
and never applies it).

MMSA's optimizer groups its parameters by position (``parameter_slices``): ``parameters()[:3]``, the three
factors (a module's own parameters come before its sub-modules'), at ``factor_lr``, and ``parameters()[5:]``,
the sub-networks, at the learning rate. The rank weights and the bias (``parameters()[3:5]``) are in no group:
they keep their initial values.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from ...config import ModelConfig, TrainerConfig
from ...schema import DatasetSchema
from .base import Fusion, FusionInputs, FusionOutput
from .subnets import build_subnets, encode_with_subnets, mmsa_order, with_ones


class LMFFusion(Fusion):
    name = "lmf"
    needs_sequences = True
    own_encoders = True

    def __init__(self, schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig):
        super().__init__(schema, rep_dims, sequence_dims, config)
        cfg = config.lmf
        self.schema = schema
        self.cfg = cfg
        self.order = mmsa_order(schema)
        self.subnets = build_subnets(schema, sequence_dims, cfg.hidden_dims, cfg.hidden_dim, cfg.dropouts, cfg.dropout,
                                     cfg.text_out, cfg.text_lstm)
        self.rep_dims = {spec.name: self.subnets[spec.name].out_dim for spec in schema.modalities}
        self.factors = nn.ParameterDict({
            name: nn.Parameter(nn.init.xavier_normal_(torch.empty(cfg.rank, self.subnets[name].out_dim + 1, 1)))
            for name in self.order})
        self.fusion_weights = nn.Parameter(nn.init.xavier_normal_(torch.empty(1, cfg.rank)))
        self.fusion_bias = nn.Parameter(torch.zeros(1, 1))
        self.out_dim = cfg.rank
        if cfg.parameter_slices == "official":  # never in MMSA's optimizer
            self.fusion_weights.requires_grad_(False)
            self.fusion_bias.requires_grad_(False)

    def encode(self, inputs: FusionInputs, skip=()) -> dict[str, torch.Tensor]:
        return encode_with_subnets(self.subnets, self.schema, inputs, skip, self.cfg.time_mean)

    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        product_RB1 = None
        for name in self.order:
            term_RB1 = torch.matmul(with_ones(reps[name]), self.factors[name])  # (B, d+1) @ (R, d+1, 1)
            product_RB1 = term_RB1 if product_RB1 is None else product_RB1 * term_RB1
        fusion_BR = product_RB1.squeeze(-1).transpose(0, 1)
        pred_B = (fusion_BR @ self.fusion_weights[0]) + self.fusion_bias[0, 0]
        return FusionOutput(fusion_BR, pred_B)

    def prediction_parameters(self) -> list[nn.Parameter]:
        return [self.fusion_weights, self.fusion_bias]

    def param_groups(self, trainer: TrainerConfig) -> list[dict[str, Any]]:
        """The factors at ``factor_lr`` (MMSA's first group), with the main weight decay."""
        if self.cfg.factor_lr is None:
            return []
        return [{"name": "lmf_factors", "params": list(self.factors.values()), "lr": self.cfg.factor_lr,
                 "weight_decay": trainer.weight_decay_main}]
