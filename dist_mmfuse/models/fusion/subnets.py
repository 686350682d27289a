"""The sub-networks TFN and LMF encode each modality with, as MMSA builds them (its ``FeatureNets.py``):

* a feature modality: its sequence averaged over time (MMSA's ``need_normalized``), then BatchNorm →
  Dropout → three ReLU(Linear) layers (``FeatureSubNet``);
* a token modality: an LSTM over the text encoder's hidden states, its final hidden state through Dropout
  and a Linear (``TextSubNet``).

The batch norm takes its training statistics over the global batch, every rank's rows
(``BatchNormOverRanks``), so that a multi-rank step equals one process on the same global batch; on one
process it is torch's BatchNorm1d itself. This module owns these sub-networks; it never fuses.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from ... import distributed as dist


class BatchNormOverRanks(nn.BatchNorm1d):
    """BatchNorm1d over (B, D) rows whose training statistics are those of the global batch (a sum over ranks);
    the running statistics follow the global batch too, alike on every rank."""

    def forward(self, x_BD: torch.Tensor) -> torch.Tensor:
        if not self.training or dist.world_size() == 1:
            return super().forward(x_BD)
        compute = x_BD if x_BD.dtype in (torch.float32, torch.float64) else x_BD.float()
        rows = torch.full((1,), float(compute.shape[0]), dtype=compute.dtype, device=compute.device)
        count = dist.sum_across_ranks_with_grad(rows)
        mean_D = dist.sum_across_ranks_with_grad(compute.sum(0)) / count
        # Two passes (the mean, then the squared deviations) as torch's batch norm does, not E[x^2] - E[x]^2.
        var_D = dist.sum_across_ranks_with_grad(((compute - mean_D) ** 2).sum(0)) / count
        normed_BD = (compute - mean_D) / torch.sqrt(var_D + self.eps)
        if self.affine:
            normed_BD = normed_BD * self.weight + self.bias
        if self.track_running_stats:
            with torch.no_grad():
                self.num_batches_tracked += 1
                unbiased_D = var_D * count / (count - 1)
                self.running_mean.mul_(1 - self.momentum).add_(self.momentum * mean_D.to(self.running_mean.dtype))
                self.running_var.mul_(1 - self.momentum).add_(self.momentum * unbiased_D.to(self.running_var.dtype))
        return normed_BD.to(x_BD.dtype)


class FeatureSubNet(nn.Module):
    """MMSA's SubNet: BatchNorm → Dropout → ReLU(Linear) → ReLU(Linear) → ReLU(Linear)."""

    def __init__(self, in_dim: int, hidden: int, dropout: float):
        super().__init__()
        self.norm = BatchNormOverRanks(in_dim)
        self.drop = nn.Dropout(dropout)
        self.linear_1 = nn.Linear(in_dim, hidden)
        self.linear_2 = nn.Linear(hidden, hidden)
        self.linear_3 = nn.Linear(hidden, hidden)
        self.out_dim = hidden

    def forward(self, features_BD: torch.Tensor) -> torch.Tensor:
        hidden_BH = torch.relu(self.linear_1(self.drop(self.norm(features_BD))))
        return torch.relu(self.linear_3(torch.relu(self.linear_2(hidden_BH))))


class TextSubNet(nn.Module):
    """MMSA's TextSubNet: a one-layer LSTM, its final hidden state → Dropout → Linear. MMSA sets the dropout of
    a one-layer LSTM to 0 and uses that same value for the Dropout, so the configured dropout is inert."""

    def __init__(self, in_dim: int, hidden: int, out_dim: int, final_state: str):
        super().__init__()
        self.rnn = nn.LSTM(in_dim, hidden, num_layers=1, batch_first=True)
        self.dropout = nn.Dropout(0.0)
        self.linear_1 = nn.Linear(hidden, out_dim)
        self.final_state = final_state
        self.out_dim = out_dim

    def forward(self, hidden_BLD: torch.Tensor, mask_BL: torch.Tensor) -> torch.Tensor:
        if self.final_state == "packed":  # stop at each text's last real token
            lengths_B = mask_BL.sum(1).clamp(min=1).cpu()
            packed = pack_padded_sequence(hidden_BLD, lengths_B, batch_first=True, enforce_sorted=False)
            _, (final_1BH, _) = self.rnn(packed)
        else:  # MMSA: over every position, padding included
            _, (final_1BH, _) = self.rnn(hidden_BLD)
        return self.linear_1(self.dropout(final_1BH[0]))


def time_mean(sequence_BTD: torch.Tensor, mask_BT: torch.Tensor, max_len: int, mode: str) -> torch.Tensor:
    """Each sample's frames averaged: over the dataset's fixed length ``max_len`` (``padded``: MMSA averages
    its zero-padded arrays) or over its real frames (``valid``)."""
    mask_BT1 = mask_BT.unsqueeze(-1).to(sequence_BTD.dtype)
    total_BD = (sequence_BTD * mask_BT1).sum(1)
    if mode == "padded":
        return total_BD / max_len
    return total_BD / mask_BT1.sum(1).clamp(min=1)


def mmsa_order(schema) -> list[str]:
    """The modalities in the order MMSA's TFN and LMF take them (audio, video, text): the feature modalities
    in schema order, then the token modalities. It fixes the layout of the fusion tensor and of the
    optimizer's official parameter slices."""
    from ...schema import ModalityKind

    features = [spec.name for spec in schema.modalities if spec.kind is not ModalityKind.TOKENS]
    tokens = [spec.name for spec in schema.modalities if spec.kind is ModalityKind.TOKENS]
    return features + tokens


def build_subnets(schema, sequence_dims: dict[str, int], hidden_dims: dict[str, int], hidden_default: int,
                  dropouts: dict[str, float], dropout_default: float, text_out: int | None,
                  text_lstm: str) -> nn.ModuleDict:
    """One sub-network per modality, in MMSA's order (``mmsa_order``). ``text_out``: a token modality's output
    size (None: half its hidden size, as MMSA's LMF)."""
    from ...schema import ModalityKind

    subnets = {}
    for name in mmsa_order(schema):
        hidden = hidden_dims.get(name, hidden_default)
        if schema.modality(name).kind is ModalityKind.TOKENS:
            subnets[name] = TextSubNet(sequence_dims[name], hidden, text_out or hidden // 2, text_lstm)
        else:
            subnets[name] = FeatureSubNet(sequence_dims[name], hidden, dropouts.get(name, dropout_default))
    return nn.ModuleDict(subnets)


def encode_with_subnets(subnets: nn.ModuleDict, schema, inputs, skip, time_mean_mode: str) -> dict[str, torch.Tensor]:
    """Each modality's sub-network output, except those in ``skip``, in the schema's order."""
    reps = {}
    for spec in schema.modalities:
        if spec.name in skip:
            continue
        subnet, sequence, mask = subnets[spec.name], inputs.sequences[spec.name], inputs.masks[spec.name]
        if isinstance(subnet, TextSubNet):
            reps[spec.name] = subnet(sequence, mask)
        else:
            reps[spec.name] = subnet(time_mean(sequence, mask, spec.max_len, time_mean_mode))
    return reps


def with_ones(rep_BD: torch.Tensor) -> torch.Tensor:
    """[1, rep]: TFN's and LMF's appended constant, so the product keeps every lower-order term."""
    return torch.cat([rep_BD.new_ones(rep_BD.shape[0], 1), rep_BD], dim=1)
