"""MulT (Tsai et al., ACL 2019), as MMSA implements it (``models/singleTask/MULT.py`` and
``subNets/transformers_encoder/``), on unaligned sequences, for any K ≥ 2 modalities.

* Each modality's sequence (a text's encoder hidden states after ``text_dropout``, a feature sequence as it
  is) goes through a temporal convolution to ``dim`` features (kernel ``conv_kernels``, no padding, no bias;
  none where the modality is already ``dim`` wide).
* Every target modality attends to every other one through a crossmodal transformer of ``layers`` layers:
  pre-norm layers whose query is the target and whose key and value are the source, both normalised by
  the layer's first norm, with MMSA's input scaling by sqrt(dim), embedding dropout drawn apart for query,
  key and value, a causal mask (``causal_mask``), a ReLU feed-forward of 4 x dim and a final norm. MMSA
  adds no positional embedding (the MulT paper does); neither does this.
* A target's K - 1 crossmodal outputs, concatenated (the sources in schema order), go through a
  self-attention ("memory") transformer; its last step is the target's representation ((K - 1) x dim).
* The K representations, concatenated, go through a residual block (ReLU, ``output_dropout``) whose output
  is the fusion vector, then a Linear to the prediction.

Padding (``padding``): MMSA attends to padded steps like data and reads out the last padded step; with
``mask`` padded keys are masked and each sample's last real step is read out. A sequence shorter than its
convolution's kernel (a vector modality: one step) is zero-padded to the kernel inside the fusion; the
config check refuses a kernel longer than a modality's longest sequence.

A removed modality (``--drop-modality``) is replaced at its input: its sequence becomes one step of a fixed
vector (its mean frame over a split, or zeros), which every other modality then attends to.
"""

from __future__ import annotations

import math

import torch
import torch.nn.functional as F
from torch import nn

from ...config import ModelConfig
from ...schema import DatasetSchema, ModalityKind
from .base import Fusion, FusionInputs, FusionOutput


class CrossmodalLayer(nn.Module):
    """One pre-norm layer of MMSA's TransformerEncoderLayer: attention, then a ReLU feed-forward, each with a
    residual connection."""

    def __init__(self, dim: int, heads: int, attn_dropout: float, relu_dropout: float, res_dropout: float):
        super().__init__()
        self.self_attn = nn.MultiheadAttention(dim, heads, dropout=attn_dropout)
        nn.init.xavier_uniform_(self.self_attn.out_proj.weight)  # MMSA initialises both projections so
        self.fc1 = nn.Linear(dim, 4 * dim)
        self.fc2 = nn.Linear(4 * dim, dim)
        for linear in (self.fc1, self.fc2):
            nn.init.xavier_uniform_(linear.weight)
            nn.init.constant_(linear.bias, 0.0)
        self.layer_norms = nn.ModuleList([nn.LayerNorm(dim) for _ in range(2)])
        self.relu_dropout = relu_dropout
        self.res_dropout = res_dropout

    def forward(self, x_LBD, key_SBD, value_SBD, attn_mask):
        residual = x_LBD
        x_LBD = self.layer_norms[0](x_LBD)
        if key_SBD is None:
            key_SBD = value_SBD = x_LBD
        else:  # the source through the same first norm, key and value apart (as MMSA)
            key_SBD, value_SBD = self.layer_norms[0](key_SBD), self.layer_norms[0](value_SBD)
        x_LBD, _ = self.self_attn(x_LBD, key_SBD, value_SBD, attn_mask=attn_mask, need_weights=False)
        x_LBD = residual + F.dropout(x_LBD, p=self.res_dropout, training=self.training)
        residual = x_LBD
        x_LBD = F.relu(self.fc1(self.layer_norms[1](x_LBD)))
        x_LBD = self.fc2(F.dropout(x_LBD, p=self.relu_dropout, training=self.training))
        return residual + F.dropout(x_LBD, p=self.res_dropout, training=self.training)


class CrossmodalTransformer(nn.Module):
    """MMSA's TransformerEncoder: scaled input, embedding dropout, ``layers`` layers, a final LayerNorm. With a
    source (key and value), the target attends to it; without, to itself."""

    def __init__(self, dim: int, heads: int, layers: int, attn_dropout: float, relu_dropout: float,
                 res_dropout: float, embed_dropout: float, causal: bool):
        super().__init__()
        self.layers = nn.ModuleList([CrossmodalLayer(dim, heads, attn_dropout, relu_dropout, res_dropout)
                                     for _ in range(layers)])
        self.layer_norm = nn.LayerNorm(dim)
        self.embed_scale = math.sqrt(dim)
        self.embed_dropout = embed_dropout
        self.causal = causal
        self.heads = heads

    def forward(self, x_LBD, key_SBD=None, value_SBD=None, lengths_B=None, key_lengths_B=None):
        """``lengths_B`` / ``key_lengths_B``: each sample's real steps of the target and the source (padding
        masked, each sample as if alone); None: every step attended to, as MMSA does."""
        x_LBD = F.dropout(self.embed_scale * x_LBD, p=self.embed_dropout, training=self.training)
        if key_SBD is not None:
            key_SBD = F.dropout(self.embed_scale * key_SBD, p=self.embed_dropout, training=self.training)
            value_SBD = F.dropout(self.embed_scale * value_SBD, p=self.embed_dropout, training=self.training)
        steps_k = (key_SBD if key_SBD is not None else x_LBD).shape[0]
        attn_mask = self.attention_mask(x_LBD, steps_k, lengths_B,
                                        key_lengths_B if key_SBD is not None else lengths_B)
        for layer in self.layers:
            x_LBD = layer(x_LBD, key_SBD, value_SBD, attn_mask)
        return self.layer_norm(x_LBD)

    def attention_mask(self, x_LBD, steps_k: int, lengths_B, key_lengths_B):
        """The additive mask: MMSA's buffered_future_mask over the padded lengths (step i sees steps
        j <= i + |S - L|); or, with lengths, per sample over its real steps, padded keys masked."""
        steps_q = x_LBD.shape[0]
        if lengths_B is None:
            if not self.causal:
                return None
            return torch.triu(torch.full((steps_q, steps_k), float("-inf"), dtype=x_LBD.dtype, device=x_LBD.device),
                              1 + abs(steps_k - steps_q))
        query_1L1 = torch.arange(steps_q, device=x_LBD.device)[None, :, None]
        key_11S = torch.arange(steps_k, device=x_LBD.device)[None, None, :]
        allowed_BLS = (key_11S < key_lengths_B[:, None, None]).expand(-1, steps_q, -1)
        if self.causal:
            allowed_BLS = allowed_BLS & (key_11S <= query_1L1 + (key_lengths_B - lengths_B).abs()[:, None, None])
        mask_BLS = torch.zeros(allowed_BLS.shape, dtype=x_LBD.dtype, device=x_LBD.device)
        return mask_BLS.masked_fill(~allowed_BLS, float("-inf")).repeat_interleave(self.heads, dim=0)


class MulTFusion(Fusion):
    name = "mult"
    needs_sequences = True
    own_encoders = True
    removal = "sequence"

    def __init__(self, schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig):
        super().__init__(schema, rep_dims, sequence_dims, config)
        cfg = config.mult
        self.cfg = cfg
        self.names = list(schema.names)
        self.tokens = {spec.name for spec in schema.modalities if spec.kind is ModalityKind.TOKENS}
        dim, others = cfg.dim, len(self.names) - 1
        self.kernels = {name: cfg.conv_kernels.get(name, cfg.conv_kernel) for name in self.names}
        self.proj = nn.ModuleDict({name: nn.Conv1d(sequence_dims[name], dim, self.kernels[name], bias=False)
                                   for name in self.names if sequence_dims[name] != dim})
        common = dict(heads=cfg.heads, relu_dropout=cfg.relu_dropout, res_dropout=cfg.res_dropout,
                      embed_dropout=cfg.embed_dropout, causal=cfg.causal_mask)
        self.crossmodal = nn.ModuleDict({
            f"{target}_with_{source}": CrossmodalTransformer(
                dim, layers=cfg.layers, attn_dropout=cfg.attn_dropouts.get(source, cfg.attn_dropout), **common)
            for target in self.names for source in self.names if source != target})
        self.memory = nn.ModuleDict({
            target: CrossmodalTransformer(others * dim, layers=max(cfg.layers, cfg.memory_layers),
                                          attn_dropout=cfg.attn_dropout, **common) for target in self.names})
        combined = len(self.names) * others * dim
        self.proj1 = nn.Linear(combined, combined)
        self.proj2 = nn.Linear(combined, combined)
        self.out_layer = nn.Linear(combined, 1)
        self.rep_dims = {name: others * dim for name in self.names}
        self.out_dim = combined

    def _project(self, name: str, sequence_BTD: torch.Tensor, mask_BT: torch.Tensor):
        """(projected (T', B, dim), each sample's real steps of it): the temporal convolution, if any."""
        lengths_B = mask_BT.sum(1)
        if self.cfg.padding == "mask":  # padded steps as zeros: a sample's convolution sees only its own frames
            sequence_BTD = sequence_BTD * mask_BT.unsqueeze(-1).to(sequence_BTD.dtype)
        if name in self.tokens:
            sequence_BTD = F.dropout(sequence_BTD, p=self.cfg.text_dropout, training=self.training)
        x_BDT = sequence_BTD.transpose(1, 2)
        if name in self.proj:
            kernel = self.kernels[name]
            if x_BDT.shape[2] < kernel:  # shorter than the kernel (a vector modality): zero steps
                x_BDT = F.pad(x_BDT, (0, kernel - x_BDT.shape[2]))
            x_BDT = self.proj[name](x_BDT)
            lengths_B = (lengths_B - kernel + 1).clamp(min=1)
        return x_BDT.permute(2, 0, 1), lengths_B

    def encode(self, inputs: FusionInputs, skip=()) -> dict[str, torch.Tensor]:
        if skip:
            raise ValueError(f"model.fusion=mult: every modality attends to every other, so {sorted(skip)} cannot be "
                             "left out of the representations; a removed modality is replaced at its input "
                             "(FusionModel.without)")
        masked = self.cfg.padding == "mask"
        projected, lengths = {}, {}
        for name in self.names:
            projected[name], lengths[name] = self._project(name, inputs.sequences[name], inputs.masks[name])
        reps = {}
        for target in self.names:
            target_lengths = lengths[target] if masked else None
            parts = [self.crossmodal[f"{target}_with_{source}"](projected[target], projected[source], projected[source],
                                                                target_lengths, lengths[source] if masked else None)
                     for source in self.names if source != target]
            h_LBD = self.memory[target](torch.cat(parts, dim=2), lengths_B=target_lengths)
            if masked:  # each sample's last real step
                reps[target] = h_LBD[lengths[target] - 1, torch.arange(h_LBD.shape[1], device=h_LBD.device)]
            else:  # MMSA: the last step of the padded batch
                reps[target] = h_LBD[-1]
        return reps

    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        last_BC = torch.cat([reps[name] for name in self.names], dim=1)
        hidden_BC = F.dropout(F.relu(self.proj1(last_BC)), p=self.cfg.output_dropout, training=self.training)
        fusion_BC = self.proj2(hidden_BC) + last_BC
        return FusionOutput(fusion_BC, self.out_layer(fusion_BC).squeeze(-1))

    def prediction_parameters(self) -> list[nn.Parameter]:
        return list(self.out_layer.parameters())
