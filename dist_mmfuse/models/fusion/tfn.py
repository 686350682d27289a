"""TFN (Zadeh et al., EMNLP 2017), as MMSA implements it (``models/singleTask/TFN.py``).

Each modality goes through its sub-network (subnets.py); each representation gets a 1 appended, and their
outer product, flattened in MMSA's order (the feature modalities in schema order, then text: audio ⊗ video ⊗
text for MOSI), is the fusion tensor of Π_m (d_m + 1) features. It goes through Dropout → ReLU(Linear) →
ReLU(Linear) → Linear, and a sigmoid scaled to (-3, 3) (MMSA keeps the scale and shift as parameters without
gradients, which its optimizer's ``parameters()[2:]`` leaves out; here they are constants). The fusion vector
is the second layer's output, the input of the prediction layer (MMSA's ``Feature_f`` is the tensor itself,
which at MOSI's sizes has 140,481 features).

For any K ≥ 2 modalities the tensor has Π_m (d_m + 1) features; the config check refuses, before any process
group, a tensor larger than ``model.tfn.max_tensor_features`` (``tensor_features``).
"""

from __future__ import annotations

import math

import torch
from torch import nn

from ...config import ModelConfig
from ...schema import DatasetSchema
from .base import Fusion, FusionInputs, FusionOutput
from .subnets import build_subnets, encode_with_subnets, mmsa_order, with_ones


def tfn_rep_dims(schema: DatasetSchema, config: ModelConfig) -> dict[str, int]:
    """Each modality's representation size under ``model.tfn``, in MMSA's order."""
    from ...schema import ModalityKind

    cfg = config.tfn
    return {name: cfg.text_out if schema.modality(name).kind is ModalityKind.TOKENS
            else cfg.hidden_dims.get(name, cfg.hidden_dim) for name in mmsa_order(schema)}


def tensor_features(schema: DatasetSchema, config: ModelConfig) -> int:
    """The fusion tensor's features per sample: the product of every representation's size + 1."""
    return math.prod(dim + 1 for dim in tfn_rep_dims(schema, config).values())


class TFNFusion(Fusion):
    name = "tfn"
    needs_sequences = True
    own_encoders = True

    def __init__(self, schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig):
        super().__init__(schema, rep_dims, sequence_dims, config)
        cfg = config.tfn
        self.schema = schema
        self.cfg = cfg
        self.order = mmsa_order(schema)
        self.subnets = build_subnets(schema, sequence_dims, cfg.hidden_dims, cfg.hidden_dim, cfg.dropouts, cfg.dropout,
                                     cfg.text_out, cfg.text_lstm)
        self.rep_dims = {spec.name: self.subnets[spec.name].out_dim for spec in schema.modalities}
        self.post_fusion_dropout = nn.Dropout(cfg.post_fusion_dropout)
        self.post_fusion_layer_1 = nn.Linear(tensor_features(schema, config), cfg.post_fusion_dim)
        self.post_fusion_layer_2 = nn.Linear(cfg.post_fusion_dim, cfg.post_fusion_dim)
        self.post_fusion_layer_3 = nn.Linear(cfg.post_fusion_dim, 1)
        low, high = (-3.0, 3.0) if cfg.output_range == "official" else schema.label_range
        self.output_shift, self.output_scale = float(low), float(high - low)
        self.out_dim = cfg.post_fusion_dim

    def encode(self, inputs: FusionInputs, skip=()) -> dict[str, torch.Tensor]:
        return encode_with_subnets(self.subnets, self.schema, inputs, skip, self.cfg.time_mean)

    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        tensor_BF = None
        for name in self.order:  # ((a ⊗ v) ⊗ t), flattened row-major as MMSA's two bmm calls leave it
            term_BD = with_ones(reps[name])
            tensor_BF = term_BD if tensor_BF is None else (tensor_BF.unsqueeze(2) * term_BD.unsqueeze(1)).flatten(1)
        hidden_BH = torch.relu(self.post_fusion_layer_1(self.post_fusion_dropout(tensor_BF)))
        fusion_BH = torch.relu(self.post_fusion_layer_2(hidden_BH))
        pred_B = torch.sigmoid(self.post_fusion_layer_3(fusion_BH).squeeze(-1)) * self.output_scale + self.output_shift
        return FusionOutput(fusion_BH, pred_B)

    def prediction_parameters(self) -> list[nn.Parameter]:
        return list(self.post_fusion_layer_3.parameters())
