"""The fusion plug-in interface: how the modalities' representations become one vector and a prediction.

A fusion is an ``nn.Module`` registered by ``name`` (``model.fusion`` chooses it, models/fusion/__init__.py
keeps the registry). It is built from the per-modality representation sizes and the model config, and it
is called on a :class:`FusionInputs`:

* ``reps``: each modality's representation (B, d_m), in schema order: what every fusion receives;
* ``sequences`` and ``masks``: only for a fusion that sets ``needs_sequences`` (architectures that attend
  over time): each modality as a time sequence (B, T_m, D_m) with its mask (B, T_m), True at valid steps.
  A text modality gives its encoder's last hidden states over the tokens; a sequence modality its input
  frames; a vector modality one step. Padding is never passed as zeros to be taken for data: the mask says
  which steps are real.

It returns ``(fusion_BH, pred_B)``: the fusion vector of ``out_dim`` features (what the objectives'
MI estimators, contrast and label generation read) and the prediction. ``prediction_parameters()`` are the
weights that map the fusion vector to the prediction (TupleInfoNCE trains them only when fine-tuning).

The names of a fusion's submodules are the keys of its weights in checkpoints and exports: renaming one
breaks every saved model. A fusion never sees the batch's raw inputs beyond ``FusionInputs``, nor a loss
(objectives/).
"""

from __future__ import annotations

import abc
from dataclasses import dataclass, field

import torch
from torch import nn

from ...config import ModelConfig


@dataclass
class FusionInputs:
    reps: dict[str, torch.Tensor]  # modality -> (B, d_m), in schema order
    sequences: dict[str, torch.Tensor] = field(default_factory=dict)  # modality -> (B, T_m, D_m); needs_sequences
    masks: dict[str, torch.Tensor] = field(default_factory=dict)  # modality -> (B, T_m) bool, True at valid steps


class Fusion(nn.Module, abc.ABC):
    name = ""
    needs_sequences = False  # True: FusionInputs carries each modality's time sequence and mask

    def __init__(self, rep_dims: dict[str, int], sequence_dims: dict[str, int], config: ModelConfig):
        """``rep_dims``: each modality's representation size, in schema order; ``sequence_dims``: the feature
        size of each modality's time sequence (for fusions that need them)."""
        super().__init__()
        self.out_dim = 0  # the fusion vector's size: set by each fusion

    @abc.abstractmethod
    def forward(self, inputs: FusionInputs) -> tuple[torch.Tensor, torch.Tensor]:
        """``(fusion_BH, pred_B)`` for the rows of ``inputs``."""

    @abc.abstractmethod
    def prediction_parameters(self) -> list[nn.Parameter]:
        """The weights that map the fusion vector to the prediction."""
