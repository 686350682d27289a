"""The per-modality encoders: one per modality kind, each mapping its inputs to one representation.

* ``tokens`` modalities: a transformers encoder loaded from a local path (offline), its last-layer
  hidden state at position 0 ([CLS]) as the representation, fully fine-tuned (as MMIM and Self-MM do);
  its unused pooler is never stepped.
* ``sequence`` modalities: an LSTM whose final hidden state goes through a Linear (MMIM's RNNEncoder).
* ``vector`` modalities: a two-layer MLP.

Each encoder also gives its input as a time sequence with a mask (``sequence``), for fusions that attend
over time (models/fusion/base.py). This module owns the encoders only: it never combines modalities
(the fusion plug-ins do) and never sees a loss (objectives/).
"""

from __future__ import annotations

from pathlib import Path

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from ..config import ModelConfig
from ..pretrained import default_text_model_path
from ..schema import ModalityKind, ModalitySpec


class TextEncoder(nn.Module):
    """A BERT-family encoder; the representation is the last hidden state at position 0."""

    def __init__(self, config: ModelConfig, spec: ModalitySpec):
        super().__init__()
        from transformers import AutoConfig, AutoModel

        path = Path(config.text_model) if config.text_model else default_text_model_path()
        if config.text_random_init:
            # A randomly initialised model of the given architecture (tests, throughput runs).
            hf_config = AutoConfig.from_pretrained(str(path), local_files_only=True, trust_remote_code=False,
                                                   **config.text_config)
            self.bert = AutoModel.from_config(hf_config, trust_remote_code=False)
        else:
            from ..quiet import no_transformers_progress_bar

            with no_transformers_progress_bar():  # a bar over ~100 tensors, once per rank
                self.bert = AutoModel.from_pretrained(str(path), local_files_only=True, trust_remote_code=False,
                                                      **config.text_config)
        if self.bert.config.vocab_size < spec.dim:
            raise ValueError(f"text model {path} has a vocabulary of {self.bert.config.vocab_size} tokens, but the "
                             f"dataset's modality {spec.name!r} uses ids up to {spec.dim}")
        self.bert.requires_grad_(not config.freeze_text)
        # The representation never passes through the pooler, so it never has a gradient: officially (MMIM,
        # Self-MM) Adam skips it, where DeepSpeed's zero-filled gradient would let weight decay shrink it.
        # It stays in the module (checkpoints and exports keep their keys) but out of the optimizer.
        pooler = getattr(self.bert, "pooler", None)
        if isinstance(pooler, nn.Module):
            pooler.requires_grad_(False)
        self.out_dim = self.bert.config.hidden_size
        self.sequence_dim = self.out_dim

    def hidden_states(self, ids_BL: torch.Tensor, mask_BL: torch.Tensor) -> torch.Tensor:
        return self.bert(input_ids=ids_BL, attention_mask=mask_BL.long()).last_hidden_state

    def forward(self, ids_BL: torch.Tensor, mask_BL: torch.Tensor) -> torch.Tensor:
        return self.hidden_states(ids_BL, mask_BL)[:, 0]


class SequenceEncoder(nn.Module):
    """MMIM's RNNEncoder: LSTM over the valid frames, final hidden state → Dropout → Linear.

    ``impl="packed"`` runs the LSTM on a packed sequence, as the official code does. ``impl="last_step"``
    runs it on the padded batch and takes the output at step ``length - 1``: for a unidirectional LSTM
    with padding after the valid frames this equals the packed final state (a test checks it) and is
    much faster on GPUs, where packed LSTMs are launch-bound (PERF_NOTES.md).
    """

    def __init__(self, in_dim: int, hidden: int, out_dim: int, layers: int, dropout: float, bidirectional: bool,
                 impl: str):
        super().__init__()
        if impl == "last_step" and bidirectional:
            raise ValueError("model.sequence_impl=last_step needs a unidirectional LSTM (model.bidirectional=false)")
        # MMIM passes its dropout only when n_layer > 1 (METHODS.md §1.2): with one layer it is inert.
        effective = dropout if layers > 1 else 0.0
        self.rnn = nn.LSTM(in_dim, hidden, num_layers=layers, dropout=effective, bidirectional=bidirectional,
                           batch_first=True)
        self.dropout = nn.Dropout(effective)
        self.linear = nn.Linear(hidden * (2 if bidirectional else 1), out_dim)
        self.impl = impl
        self.bidirectional = bidirectional
        self.out_dim = out_dim
        self.sequence_dim = in_dim

    def forward(self, frames_BTD: torch.Tensor, lengths_B: torch.Tensor) -> torch.Tensor:
        if self.impl == "packed":
            packed = pack_padded_sequence(frames_BTD, lengths_B.cpu(), batch_first=True, enforce_sorted=False)
            _, (final_LBH, _) = self.rnn(packed)
            if self.bidirectional:
                last_BH = torch.cat([final_LBH[-2], final_LBH[-1]], dim=-1)
            else:
                last_BH = final_LBH[-1]
        else:
            outputs_BTH, _ = self.rnn(frames_BTD)
            index_B = (lengths_B.to(outputs_BTH.device) - 1).clamp(min=0)
            last_BH = outputs_BTH[torch.arange(outputs_BTH.shape[0], device=outputs_BTH.device), index_B]
        return self.linear(self.dropout(last_BH))


class VectorEncoder(nn.Module):
    """One feature vector per sample: Linear → ReLU → Dropout → Linear."""

    def __init__(self, in_dim: int, hidden: int, out_dim: int, dropout: float):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(in_dim, hidden), nn.ReLU(), nn.Dropout(dropout), nn.Linear(hidden, out_dim))
        self.out_dim = out_dim
        self.sequence_dim = in_dim

    def forward(self, features_BD: torch.Tensor) -> torch.Tensor:
        return self.net(features_BD)


def build_encoder(spec: ModalitySpec, config: ModelConfig) -> nn.Module:
    """The encoder of modality ``spec`` with the sizes ``config`` gives it (``model.encoder_sizes`` first)."""
    sizes = config.encoder_sizes.get(spec.name)
    if spec.kind is ModalityKind.TOKENS:
        return TextEncoder(config, spec)
    if spec.kind is ModalityKind.SEQUENCE:
        return SequenceEncoder(spec.dim, (sizes and sizes.hidden) or config.sequence_hidden,
                               (sizes and sizes.out) or config.sequence_out, config.sequence_layers,
                               config.encoder_dropout, config.bidirectional, config.sequence_impl)
    return VectorEncoder(spec.dim, (sizes and sizes.hidden) or config.vector_hidden,
                         (sizes and sizes.out) or config.vector_out, config.encoder_dropout)
