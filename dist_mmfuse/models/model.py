"""The fusion model: one encoder per modality the dataset declares, then the fusion plug-in
``model.fusion`` chooses (models/fusion/). Its forward returns each modality's representation, the fusion
vector and the prediction (:class:`ModelOutput`); objectives build their own heads on top (objectives/).

This module wires encoders to a fusion and owns the model's output; it never holds a loss, an optimizer or
a file (train_module.py puts the model and its objective together for training).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import torch
from torch import nn

from ..config import ModelConfig
from ..data.batch import Batch
from ..schema import DatasetSchema, ModalityKind
from .encoders import TextEncoder, build_encoder
from .fusion import FusionInputs, build_fusion, fusion_type


@dataclass
class ModelOutput:
    reps: dict[str, torch.Tensor]  # modality -> (B, d_m)
    fusion_BH: torch.Tensor  # (B, fusion out_dim): MMIM's Z, or Self-MM's F_f
    pred_B: torch.Tensor  # (B,)
    # Per-sample tensors an objective asks for besides the clean forward (TupleInfoNCE's augmented view).
    extra: dict[str, torch.Tensor] = field(default_factory=dict)
    # Per-sample vectors whose mean over a split is a removed modality's fill, where they are not the
    # representations (a fusion whose removal replaces the input sequence); not part of tensors().
    fill_basis: dict[str, torch.Tensor] | None = None

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


class FusionModel(nn.Module):
    """Per-modality encoders plus the fusion. A fusion with its own encoders (TFN's and LMF's sub-networks)
    gets only the text encoders, whose hidden states are the text's sequence."""

    def __init__(self, schema: DatasetSchema, config: ModelConfig):
        super().__init__()
        self.schema = schema
        fusion_class = fusion_type(config)
        self.encoders = nn.ModuleDict({spec.name: build_encoder(spec, config) for spec in schema.modalities
                                       if not fusion_class.own_encoders or spec.kind is ModalityKind.TOKENS})
        sequence_dims = {spec.name: self.encoders[spec.name].sequence_dim if spec.name in self.encoders else spec.dim
                         for spec in schema.modalities}
        encoder_dims = {} if fusion_class.own_encoders else {name: encoder.out_dim
                                                             for name, encoder in self.encoders.items()}
        self.fusion = build_fusion(schema, encoder_dims, sequence_dims, config)
        self.rep_dims = dict(self.fusion.rep_dims)

    @property
    def compute_dtype(self) -> torch.dtype:
        """The dtype the engine runs the model in (fp32, bf16 or fp16): feature inputs are cast to it."""
        return next(self.fusion.parameters()).dtype

    def text_parameter_names(self) -> set[str]:
        """Names of the pretrained text encoders' parameters (they get their own learning rate)."""
        return {f"encoders.{name}.{p}" for name, enc in self.encoders.items() if isinstance(enc, TextEncoder)
                for p, _ in enc.named_parameters()}

    def encode(self, batch: Batch, skip: tuple[str, ...] | set[str] = ()) -> dict[str, torch.Tensor]:
        """Each modality's representation (B, d_m), except those in ``skip``; the encoders never see each
        other's inputs."""
        return self.fusion.encode(self.encode_inputs(batch, skip), skip)

    def encode_inputs(self, batch: Batch, skip: tuple[str, ...] | set[str] = (),
                      with_sequences: bool | None = None) -> FusionInputs:
        """What the fusion receives for ``batch`` (modalities in ``skip`` left out): the encoders'
        representations, and (``with_sequences``, by default when the fusion needs them) each modality as a
        time sequence with its mask: a text encoder's hidden states, a sequence's frames, a vector as one
        step."""
        with_sequences = self.fusion.needs_sequences if with_sequences is None else with_sequences
        dtype = self.compute_dtype
        inputs = FusionInputs(reps={})
        for spec in self.schema.modalities:
            name, encoder = spec.name, self.encoders[spec.name] if spec.name in self.encoders else None
            if name in skip:
                continue
            values = batch.values[name]
            if isinstance(encoder, TextEncoder):
                if with_sequences:
                    hidden_BLD = encoder.hidden_states(values, batch.masks[name])
                    inputs.reps[name] = hidden_BLD[:, 0]
                    inputs.sequences[name], inputs.masks[name] = hidden_BLD, batch.masks[name].bool()
                else:
                    inputs.reps[name] = encoder(values, batch.masks[name])
            elif spec.kind is ModalityKind.SEQUENCE:
                frames_BTD = values.to(dtype)
                if encoder is not None:
                    inputs.reps[name] = encoder(frames_BTD, batch.lengths[name])
                if with_sequences:
                    steps_T = torch.arange(frames_BTD.shape[1], device=frames_BTD.device)
                    inputs.sequences[name] = frames_BTD
                    inputs.masks[name] = steps_T[None, :] < batch.lengths[name].to(frames_BTD.device)[:, None]
            else:
                features_BD = values.to(dtype)
                if encoder is not None:
                    inputs.reps[name] = encoder(features_BD)
                if with_sequences:
                    inputs.sequences[name] = features_BD[:, None, :]
                    inputs.masks[name] = torch.ones(features_BD.shape[0], 1, dtype=torch.bool,
                                                    device=features_BD.device)
        return inputs

    @property
    def fill_dims(self) -> dict[str, int]:
        """The size of each modality's removal fill: its representation's, or its sequence's features."""
        if self.fusion.removal == "sequence":
            return {spec.name: self.encoders[spec.name].sequence_dim if spec.name in self.encoders else spec.dim
                    for spec in self.schema.modalities}
        return dict(self.rep_dims)

    def fill_vectors(self, batch: Batch, names: list[str] | None = None) -> dict[str, torch.Tensor]:
        """Per-sample vectors (B, fill_dims) whose mean over a split is a removed modality's ``mean`` fill: the
        representations, or each sequence's mean over its valid steps."""
        if self.fusion.removal == "sequence":
            return sequence_means(self.encode_inputs(batch, with_sequences=True), names)
        reps = self.encode(batch)
        return {name: reps[name] for name in (names or reps)}

    def without(self, batch: Batch, fill: dict[str, torch.Tensor]) -> ModelOutput:
        """The output with the modalities of ``fill`` removed (their inputs never read), each replaced by its
        fixed vector where the fusion's ``removal`` says."""
        rows, dtype = batch.size, self.compute_dtype
        if self.fusion.removal == "sequence":
            inputs = self.encode_inputs(batch, skip=set(fill))
            for name, vector_D in fill.items():
                inputs.sequences[name] = vector_D.to(dtype).expand(rows, 1, -1)
                inputs.masks[name] = torch.ones(rows, 1, dtype=torch.bool, device=vector_D.device)
            reps, fused = self.fusion(inputs)
            return ModelOutput(reps=reps, fusion_BH=fused.fusion_BH, pred_B=fused.pred_B)
        reps = self.encode(batch, skip=set(fill))  # the removed modalities' inputs are never read
        for name, vector_D in fill.items():
            reps[name] = vector_D.to(dtype).expand(rows, -1)
        fusion_BH, pred_B = self.fuse(reps)
        return ModelOutput(reps=reps, fusion_BH=fusion_BH, pred_B=pred_B)

    def fuse(self, reps: dict[str, torch.Tensor]) -> tuple[torch.Tensor, torch.Tensor]:
        """(fusion_BH, pred_B) of per-modality representations (any rows, any key order)."""
        fused = self.fusion.fuse({name: reps[name] for name in self.rep_dims})
        return fused.fusion_BH, fused.pred_B

    def forward(self, batch: Batch) -> ModelOutput:
        inputs = self.encode_inputs(batch)
        reps, fused = self.fusion(inputs)
        basis = sequence_means(inputs) if self.fusion.removal == "sequence" else None
        return ModelOutput(reps=reps, fusion_BH=fused.fusion_BH, pred_B=fused.pred_B, extra=dict(fused.extra),
                           fill_basis=basis)


class WithoutModalities(nn.Module):
    """A trained model with some modalities removed at test time: each is replaced by one fixed vector
    (``fill``: the mean over a split, or zeros; ``FusionModel.without`` says where), so the prediction keeps the
    model's usual input scale but none of those modalities' per-sample information."""

    def __init__(self, model: FusionModel, fill: dict[str, torch.Tensor]):
        super().__init__()
        unknown = sorted(set(fill) - set(model.fill_dims))
        if unknown:
            raise ValueError(f"cannot remove modalities {unknown}: the model has {list(model.fill_dims)}")
        self.model = model
        self.fill = fill

    def forward(self, batch: Batch) -> ModelOutput:
        return self.model.without(batch, self.fill)


def sequence_means(inputs: FusionInputs, names: list[str] | None = None) -> dict[str, torch.Tensor]:
    """Each modality's sequence averaged over its valid steps (B, D)."""
    means = {}
    for name in names or inputs.sequences:
        mask_BT1 = inputs.masks[name].unsqueeze(-1).to(inputs.sequences[name].dtype)
        means[name] = (inputs.sequences[name] * mask_BT1).sum(1) / mask_BT1.sum(1).clamp(min=1)
    return means


def xavier_init_(module: nn.Module, skip: set[str]) -> None:
    """MMIM's initialisation: xavier_normal_ on every parameter with more than one dimension, except
    the pretrained text encoders (``skip`` holds their parameter names)."""
    for name, param in module.named_parameters():
        if param.dim() > 1 and name not in skip:
            nn.init.xavier_normal_(param)
