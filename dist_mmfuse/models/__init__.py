"""The models: per-modality encoders (encoders.py), fusion plug-ins chosen by ``model.fusion`` (fusion/),
and the model that wires them (model.py). Nothing here knows an objective, an optimizer or a file."""

from __future__ import annotations

from .encoders import SequenceEncoder, TextEncoder, VectorEncoder, build_encoder
from .fusion import FUSIONS, Fusion, FusionInputs, build_fusion
from .model import FusionModel, ModelOutput, WithoutModalities, xavier_init_

__all__ = ["FUSIONS", "Fusion", "FusionInputs", "FusionModel", "ModelOutput", "SequenceEncoder", "TextEncoder",
           "VectorEncoder", "WithoutModalities", "build_encoder", "build_fusion", "xavier_init_"]
