"""The models: per-modality encoders (encoders.py), fusion plug-ins chosen by ``model.fusion`` (fusion/:
MMIM's and Self-MM's heads, and the baselines TFN and LMF), and the model that wires them (model.py).
Nothing here knows an objective, an optimizer or a file."""

from __future__ import annotations

from .encoders import SequenceEncoder, TextEncoder, VectorEncoder, build_encoder
from .fusion import FUSIONS, Fusion, FusionInputs, FusionOutput, build_fusion, fusion_type
from .model import FusionModel, ModelOutput, WithoutModalities, xavier_init_

__all__ = ["FUSIONS", "Fusion", "FusionInputs", "FusionModel", "FusionOutput", "ModelOutput", "SequenceEncoder",
           "TextEncoder", "VectorEncoder", "WithoutModalities", "build_encoder", "build_fusion", "fusion_type",
           "xavier_init_"]
