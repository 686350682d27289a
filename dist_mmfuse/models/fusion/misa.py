"""MISA (Hazarika et al., ACM MM 2020), as MMSA implements it (``models/singleTask/MISA.py``), for any K ≥ 2
modalities. Its losses are the ``misa`` objective's (objectives/misa.py).

* Each modality's utterance vector: a text, the mean of its encoder's hidden states over its tokens (MMSA's
  fine-tuned BERT, averaged over the attention mask); a feature sequence, two bidirectional recurrent layers
  (``rnncell``) with a LayerNorm between them, read up to ``sequence_lengths`` (MMSA reads audio and video
  up to the text's token count), their four final states concatenated; a vector modality (one step: already
  an utterance vector, which MMSA's data never has) is its own. Each goes through Linear → ReLU →
  LayerNorm to ``hidden_size``: the modality's representation.
* Each representation gets a private vector (its own Linear → Sigmoid) and a shared one (one Linear →
  Sigmoid for all), and a reconstruction (its own Linear) of private + shared.
* The 2K vectors as a sequence, in MMSA's layout (the privates, then the shareds, each ordered text, then
  the feature modalities in reverse schema order: MOSI's t, v, a), through one TransformerEncoderLayer
  (torch's, as MMSA), are concatenated and go through Linear → Dropout → ReLU (the fusion vector) → Linear.

MMSA also computes a shared-private discriminator's output that no loss reads (its sp_weight is unused); it
is not built here. The per-sample shared, private and reconstructed vectors travel in the output's
``extra`` for the objective.
"""

from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ...config import ModelConfig
from ...schema import DatasetSchema, ModalityKind
from .base import Fusion, FusionInputs, FusionOutput


def misa_order(schema: DatasetSchema) -> list[str]:
    """MMSA's layout of the fusion transformer's sequence: the text, then the other modalities in reverse
    schema order (its feature_dims order is text, audio, video; its layout t, v, a)."""
    tokens = [spec.name for spec in schema.modalities if spec.kind is ModalityKind.TOKENS]
    return tokens + [spec.name for spec in reversed(schema.modalities) if spec.kind is not ModalityKind.TOKENS]


class UtteranceRNN(nn.Module):
    """MMSA's extract_features: a bidirectional recurrent layer, LayerNorm, another; the final states of both,
    concatenated per direction ([h1 forward, h2 forward, h1 backward, h2 backward])."""

    def __init__(self, dim: int, cell: str):
        super().__init__()
        rnn = nn.LSTM if cell == "lstm" else nn.GRU
        self.rnn1 = rnn(dim, dim, bidirectional=True)
        self.rnn2 = rnn(2 * dim, dim, bidirectional=True)
        self.layer_norm = nn.LayerNorm(2 * dim)
        self.lstm = cell == "lstm"
        self.out_dim = 4 * dim

    def forward(self, frames_BTD: torch.Tensor, lengths_B: torch.Tensor) -> torch.Tensor:
        lengths = lengths_B.cpu()
        packed = pack_padded_sequence(frames_BTD, lengths, batch_first=True, enforce_sorted=False)
        packed_h1, final_1 = self.rnn1(packed)
        final_h1 = final_1[0] if self.lstm else final_1
        padded_h1, _ = pad_packed_sequence(packed_h1)
        normed_h1 = self.layer_norm(padded_h1.permute(1, 0, 2))
        _, final_2 = self.rnn2(pack_padded_sequence(normed_h1, lengths, batch_first=True, enforce_sorted=False))
        final_h2 = final_2[0] if self.lstm else final_2
        rows = frames_BTD.shape[0]
        return torch.cat((final_h1, final_h2), dim=2).permute(1, 0, 2).contiguous().view(rows, -1)


def _project(in_dim: int, hidden: int) -> nn.Sequential:
    return nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU(), nn.LayerNorm(hidden))


class MISAFusion(Fusion):
    name = "misa"
    needs_sequences = True
    own_encoders = True

    def __init__(self, schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig):
        super().__init__(schema, rep_dims, sequence_dims, config)
        cfg = config.misa
        self.cfg = cfg
        self.schema = schema
        self.order = misa_order(schema)
        self.tokens = {spec.name for spec in schema.modalities if spec.kind is ModalityKind.TOKENS}
        hidden, count = cfg.hidden_size, len(schema.modalities)
        self.rnns = nn.ModuleDict({name: UtteranceRNN(sequence_dims[name], cfg.rnncell) for name in self.order
                                   if schema.modality(name).kind is ModalityKind.SEQUENCE})
        self.project = nn.ModuleDict({name: _project(self.rnns[name].out_dim if name in self.rnns
                                                     else sequence_dims[name], hidden) for name in self.order})
        self.private = nn.ModuleDict({name: nn.Sequential(nn.Linear(hidden, hidden), nn.Sigmoid())
                                      for name in self.order})
        self.shared = nn.Sequential(nn.Linear(hidden, hidden), nn.Sigmoid())
        self.recon = nn.ModuleDict({name: nn.Linear(hidden, hidden) for name in self.order})
        self.transformer = nn.TransformerEncoder(
            nn.TransformerEncoderLayer(d_model=hidden, nhead=cfg.transformer_heads, dim_feedforward=cfg.transformer_ff,
                                       dropout=cfg.transformer_dropout), num_layers=1, enable_nested_tensor=False)
        self.fusion_layer_1 = nn.Linear(2 * count * hidden, count * hidden)
        self.fusion_dropout = nn.Dropout(cfg.dropout)
        self.fusion_layer_3 = nn.Linear(count * hidden, 1)
        self.rep_dims = {spec.name: hidden for spec in schema.modalities}
        self.out_dim = count * hidden

    def encode(self, inputs: FusionInputs, skip=()) -> dict[str, torch.Tensor]:
        # MMSA reads audio and video up to the text's token count; without a text (or with it removed), each
        # sequence is read to its own length.
        text_lengths = next((inputs.masks[name].sum(1) for name in self.order
                             if name in self.tokens and name in inputs.masks), None)
        reps = {}
        for spec in self.schema.modalities:
            name = spec.name
            if name in skip:
                continue
            sequence, mask = inputs.sequences[name], inputs.masks[name]
            if name in self.tokens:  # the hidden states' mean over the attention mask
                mask_BT1 = mask.unsqueeze(-1).to(sequence.dtype)
                utterance = (sequence * mask_BT1).sum(1) / mask_BT1.sum(1)
            elif name not in self.rnns:  # a vector: its one step
                utterance = sequence[:, 0]
            else:
                lengths = mask.sum(1)
                if self.cfg.sequence_lengths == "text" and text_lengths is not None:
                    lengths = text_lengths.clamp(min=1, max=sequence.shape[1])
                utterance = self.rnns[name](sequence, lengths)
            reps[name] = self.project[name](utterance)
        return reps

    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        private = {name: self.private[name](reps[name]) for name in self.order}
        shared = {name: self.shared(reps[name]) for name in self.order}
        extra = {}
        for name in self.order:
            extra[f"misa_private.{name}"] = private[name]
            extra[f"misa_shared.{name}"] = shared[name]
            extra[f"misa_recon.{name}"] = self.recon[name](private[name] + shared[name])
        stacked_SBH = torch.stack([private[name] for name in self.order] + [shared[name] for name in self.order])
        mixed_SBH = self.transformer(stacked_SBH)
        joined_BC = torch.cat(list(mixed_SBH), dim=1)
        fusion_BC = torch.relu(self.fusion_dropout(self.fusion_layer_1(joined_BC)))
        return FusionOutput(fusion_BC, self.fusion_layer_3(fusion_BC).squeeze(-1), extra)

    def prediction_parameters(self) -> list[nn.Parameter]:
        return list(self.fusion_layer_3.parameters())
