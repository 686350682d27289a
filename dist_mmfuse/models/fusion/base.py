"""The fusion plug-in interface: how the modalities become per-modality representations, one fusion vector and a
prediction.

A fusion is an ``nn.Module`` registered by ``name`` (``model.fusion`` chooses it, models/fusion/__init__.py
keeps the registry). It is built from the dataset's schema, the representation sizes of the model's encoders,
each modality's sequence feature size and the model config, and it works in two steps:

* ``encode(inputs, skip)``: each modality's representation (B, d_m) from a :class:`FusionInputs`. By default
  that is what the model's encoders gave (``inputs.reps``). A fusion with ``own_encoders`` (TFN's and LMF's
  sub-networks, ...) computes them itself from each modality's sequence, and the model then builds no sequence
  or vector encoder of its own (a token modality keeps its text encoder: its hidden states are the text's
  sequence). ``skip``: modalities whose inputs are not to be read (a removed modality);
* ``fuse(reps)``: the fusion of per-modality representations, in any rows: a :class:`FusionOutput` with the
  fusion vector of ``out_dim`` features (what the objectives' MI estimators, contrast and label generation
  read), the prediction, and any per-sample tensors an objective of the architecture needs (``extra``).

``FusionInputs`` carries the encoders' representations and, for a fusion that sets ``needs_sequences``, each
modality as a time sequence (B, T_m, D_m) with its mask (B, T_m), True at valid steps: a text modality's
encoder hidden states over its tokens, a sequence modality's input frames, a vector modality as one step.
Padding is never passed as zeros to be taken for data: the mask says which steps are real.

A removed modality (``--drop-modality``) is replaced by a fixed vector where ``removal`` says: in place of its
representation (after ``encode``), or of its input sequence, as one step (before it, for a fusion whose
modalities attend to one another). ``rep_dims`` are the representation sizes ``encode`` gives;
``prediction_parameters()`` the weights that map the fusion vector to the prediction (TupleInfoNCE trains them
only when fine-tuning); ``param_groups`` the optimizer groups a fusion's recipe gives some of its weights
(LMF's factors). The names of a fusion's submodules are the keys of its weights in checkpoints and exports:
renaming one breaks every saved model. A fusion never sees a loss (objectives/) and never reads the batch
beyond ``FusionInputs``.
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field
from typing import Any

import torch
from torch import nn

from ...config import ModelConfig, TrainerConfig
from ...schema import DatasetSchema


@dataclass
class FusionInputs:
    reps: dict[str, torch.Tensor]  # modality -> (B, d_m) from the model's encoders, in schema order
    sequences: dict[str, torch.Tensor] = field(default_factory=dict)  # modality -> (B, T_m, D_m); needs_sequences
    masks: dict[str, torch.Tensor] = field(default_factory=dict)  # modality -> (B, T_m) bool, True at valid steps


@dataclass
class FusionOutput:
    fusion_BH: torch.Tensor  # (B, out_dim)
    pred_B: torch.Tensor  # (B,)
    extra: dict[str, torch.Tensor] = field(default_factory=dict)  # per-sample tensors the architecture's loss reads


class Fusion(nn.Module, abc.ABC):
    name = ""
    needs_sequences = False  # True: FusionInputs carries each modality's time sequence and mask
    own_encoders = False  # True: encode() computes every representation from the sequences
    # What a removed modality's fixed vector replaces (--drop-modality): its representation, or, for a fusion
    # whose modalities attend to one another (MulT), its input sequence, as one step.
    removal = "representation"

    def __init__(self, schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig):
        """``rep_dims``: the model's encoders' representation sizes, in schema order (empty for a fusion with
        ``own_encoders``, which sets its own); ``sequence_dims``: the feature size of each modality's time
        sequence."""
        super().__init__()
        self.rep_dims = dict(rep_dims)
        self.out_dim = 0  # the fusion vector's size: set by each fusion

    def encode(self, inputs: FusionInputs, skip: tuple[str, ...] | set[str] = ()) -> dict[str, torch.Tensor]:
        """Each modality's representation, except those in ``skip`` (the model's encoders' by default)."""
        return {name: rep for name, rep in inputs.reps.items() if name not in skip}

    @abc.abstractmethod
    def fuse(self, reps: dict[str, torch.Tensor]) -> FusionOutput:
        """The fusion vector and prediction of per-modality representations (``rep_dims``' keys, any rows)."""

    def forward(self, inputs: FusionInputs) -> tuple[dict[str, torch.Tensor], FusionOutput]:
        reps = self.encode(inputs)
        return reps, self.fuse(reps)

    @abc.abstractmethod
    def prediction_parameters(self) -> list[nn.Parameter]:
        """The weights that map the fusion vector to the prediction."""

    def param_groups(self, trainer: TrainerConfig) -> list[dict[str, Any]]:
        """Optimizer groups for some of this fusion's weights, with their own settings (none by default:
        every weight is in the objective's main group)."""
        return []
