"""Fusion plug-ins, chosen by ``model.fusion``; the interface is in base.py. A new fusion is a module here, an
entry in ``FUSIONS`` and its name in ``config.FUSION_NAMES`` (a test checks that the two agree)."""

from __future__ import annotations

from ...config import ModelConfig
from ...schema import DatasetSchema
from .base import Fusion, FusionInputs, FusionOutput
from .lmf import LMFFusion
from .misa import MISAFusion
from .mmim import MMIMFusion
from .mult import MulTFusion
from .self_mm import SelfMMFusion
from .tfn import TFNFusion

FUSIONS: dict[str, type[Fusion]] = {cls.name: cls for cls in (MMIMFusion, SelfMMFusion, TFNFusion, LMFFusion,
                                                               MulTFusion, MISAFusion)}


def fusion_type(config: ModelConfig) -> type[Fusion]:
    """The fusion class ``config.fusion`` names."""
    if config.fusion not in FUSIONS:
        raise ValueError(f"model.fusion {config.fusion!r} is not implemented; available: {sorted(FUSIONS)}")
    return FUSIONS[config.fusion]


def build_fusion(schema: DatasetSchema, rep_dims: dict[str, int], sequence_dims: dict[str, int],
                 config: ModelConfig) -> Fusion:
    """The fusion ``config.fusion`` names, for the encoders' representations of ``rep_dims`` (schema order)."""
    return fusion_type(config)(schema, rep_dims, sequence_dims, config)


__all__ = ["FUSIONS", "Fusion", "FusionInputs", "FusionOutput", "build_fusion", "fusion_type"]
