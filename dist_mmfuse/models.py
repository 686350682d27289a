"""Encoders and the fusion model, for any set of modalities a dataset declares.

* ``tokens`` modalities: a transformers encoder loaded from a local path (offline), its last-layer
  hidden state at position 0 ([CLS]) as the representation, fully fine-tuned (as MMIM and Self-MM do);
  its unused pooler is never stepped.
* ``sequence`` modalities: an LSTM whose final hidden state goes through a Linear (MMIM's RNNEncoder).
* ``vector`` modalities: a two-layer MLP.
* fusion (``model.fusion_head``): MMIM's SubNet, dropout → tanh(Linear) → tanh(Linear) = Z → Linear = ŷ;
  or Self-MM's head, dropout → ReLU(Linear) = F_f → ReLU(Linear) → Linear = ŷ.

The model's forward returns the per-modality representations, the fusion vector Z and the prediction;
objectives build their own heads on top (objectives/).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence

from .config import ModelConfig
from .data.loader import Batch
from .pretrained import default_text_model_path
from .schema import DatasetSchema, ModalityKind, ModalitySpec


@dataclass
class ModelOutput:
    reps: dict[str, torch.Tensor]  # modality -> (B, d_m)
    fusion_BH: torch.Tensor  # (B, fusion_hidden): MMIM's Z, or Self-MM's F_f
    pred_B: torch.Tensor  # (B,)
    # Per-sample tensors an objective asks for besides the clean forward (TupleInfoNCE's augmented view).
    extra: dict[str, torch.Tensor] = field(default_factory=dict)

    def tensors(self) -> list[torch.Tensor]:
        """Every per-sample tensor, in a fixed order (``from_tensors`` inverts it)."""
        return [*self.reps.values(), self.fusion_BH, self.pred_B, *self.extra.values()]

    def from_tensors(self, tensors: list[torch.Tensor]) -> "ModelOutput":
        """An output with this one's layout holding ``tensors`` (in ``tensors()`` order)."""
        count = len(self.reps)
        reps, (fusion_BH, pred_B), extra = tensors[:count], tensors[count:count + 2], tensors[count + 2:]
        return ModelOutput(dict(zip(self.reps, reps)), fusion_BH, pred_B, dict(zip(self.extra, extra)))

    @staticmethod
    def concat(outputs: list["ModelOutput"]) -> "ModelOutput":
        """The rows of ``outputs`` in order, as one output."""
        return outputs[0].from_tensors([torch.cat(column) for column in zip(*(o.tensors() for o in outputs))])


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
            from .quiet import no_transformers_progress_bar

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

    def forward(self, ids_BL: torch.Tensor, mask_BL: torch.Tensor) -> torch.Tensor:
        hidden_BLD = self.bert(input_ids=ids_BL, attention_mask=mask_BL.long()).last_hidden_state
        return hidden_BLD[:, 0]


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

    def forward(self, features_BD: torch.Tensor) -> torch.Tensor:
        return self.net(features_BD)


class FusionHead(nn.Module):
    """Three linear layers over the concatenated representations (modalities in schema order).

    ``kind="mmim"``: MMIM's SubNet, tanh activations, the fusion representation Z is the second layer's
    output. ``kind="self_mm"``: Self-MM's post-fusion layers, ReLU activations, the representation F_f
    is the first layer's output (what its label generation measures).
    """

    def __init__(self, in_dim: int, hidden: int, dropout: float, kind: str = "mmim"):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.linear_1 = nn.Linear(in_dim, hidden)
        self.linear_2 = nn.Linear(hidden, hidden)
        self.linear_3 = nn.Linear(hidden, 1)
        self.kind = kind

    def forward(self, reps_BD: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        if self.kind == "self_mm":
            fusion_BH = torch.relu(self.linear_1(self.dropout(reps_BD)))
            return fusion_BH, self.linear_3(torch.relu(self.linear_2(fusion_BH))).squeeze(-1)
        hidden_BH = torch.tanh(self.linear_1(self.dropout(reps_BD)))
        fusion_BH = torch.tanh(self.linear_2(hidden_BH))
        return fusion_BH, self.linear_3(fusion_BH).squeeze(-1)


class FusionModel(nn.Module):
    """Per-modality encoders plus the fusion head."""

    def __init__(self, schema: DatasetSchema, config: ModelConfig):
        super().__init__()
        self.schema = schema
        encoders = {}
        for spec in schema.modalities:
            sizes = config.encoder_sizes.get(spec.name)
            if spec.kind is ModalityKind.TOKENS:
                encoders[spec.name] = TextEncoder(config, spec)
            elif spec.kind is ModalityKind.SEQUENCE:
                encoders[spec.name] = SequenceEncoder(
                    spec.dim, (sizes and sizes.hidden) or config.sequence_hidden,
                    (sizes and sizes.out) or config.sequence_out, config.sequence_layers, config.encoder_dropout,
                    config.bidirectional, config.sequence_impl)
            else:
                encoders[spec.name] = VectorEncoder(spec.dim, (sizes and sizes.hidden) or config.vector_hidden,
                                                    (sizes and sizes.out) or config.vector_out,
                                                    config.encoder_dropout)
        self.encoders = nn.ModuleDict(encoders)
        self.rep_dims = {name: enc.out_dim for name, enc in self.encoders.items()}
        self.fusion = FusionHead(sum(self.rep_dims.values()), config.fusion_hidden, config.fusion_dropout,
                                 config.fusion_head)

    def text_parameter_names(self) -> set[str]:
        """Names of the pretrained text encoders' parameters (they get their own learning rate)."""
        return {f"encoders.{name}.{p}" for name, enc in self.encoders.items() if isinstance(enc, TextEncoder)
                for p, _ in enc.named_parameters()}

    def encode(self, batch: Batch, skip: tuple[str, ...] | set[str] = ()) -> dict[str, torch.Tensor]:
        """Each modality's representation (B, d_m), except those in ``skip``; the encoders never see each
        other's inputs."""
        dtype = self.fusion.linear_1.weight.dtype  # the engine's compute dtype (fp32, bf16 or fp16)
        reps = {}
        for name, encoder in self.encoders.items():
            if name in skip:
                continue
            values = batch.values[name]
            if isinstance(encoder, TextEncoder):
                reps[name] = encoder(values, batch.masks[name])
            elif isinstance(encoder, SequenceEncoder):
                reps[name] = encoder(values.to(dtype), batch.lengths[name])
            else:
                reps[name] = encoder(values.to(dtype))
        return reps

    def fuse(self, reps: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
        """(fusion_BH, pred_B) of per-modality representations (any rows, modalities in schema order)."""
        return self.fusion(torch.cat([reps[n] for n in self.encoders], dim=-1))

    def forward(self, batch: Batch) -> ModelOutput:
        reps = self.encode(batch)
        fusion_BH, pred_B = self.fuse(reps)
        return ModelOutput(reps=reps, fusion_BH=fusion_BH, pred_B=pred_B)


class WithoutModalities(nn.Module):
    """A trained model with some modalities removed at test time: their representations are replaced by
    one fixed vector each (``fill``: the mean over a split, or zeros), so the prediction keeps the
    model's usual input scale but none of those modalities' per-sample information."""

    def __init__(self, model: FusionModel, fill: dict[str, torch.Tensor]):
        super().__init__()
        unknown = sorted(set(fill) - set(model.rep_dims))
        if unknown:
            raise ValueError(f"cannot remove modalities {unknown}: the model has {list(model.rep_dims)}")
        self.model = model
        self.fill = fill

    def forward(self, batch: Batch) -> ModelOutput:
        reps = self.model.encode(batch, skip=set(self.fill))  # the removed modalities' inputs are never read
        rows, dtype = batch.size, self.model.fusion.linear_1.weight.dtype
        for name, vector_D in self.fill.items():
            reps[name] = vector_D.to(dtype).expand(rows, -1)
        fusion_BH, pred_B = self.model.fuse(reps)
        return ModelOutput(reps=reps, fusion_BH=fusion_BH, pred_B=pred_B)


def xavier_init_(module: nn.Module, skip: set[str]) -> None:
    """MMIM's initialisation: xavier_normal_ on every parameter with more than one dimension, except
    the pretrained text encoders (``skip`` holds their parameter names)."""
    for name, param in module.named_parameters():
        if param.dim() > 1 and name not in skip:
            nn.init.xavier_normal_(param)
