"""Fusion plug-ins, chosen by ``model.fusion``; the interface is in base.py. A new fusion is a module here, an
entry in ``FUSIONS`` and its name in ``config.FUSION_NAMES`` (a test checks that the two agree)."""

from __future__ import annotations

from ...config import ModelConfig
from .base import Fusion, FusionInputs
from .mmim import MMIMFusion
from .self_mm import SelfMMFusion

FUSIONS: dict[str, type[Fusion]] = {cls.name: cls for cls in (MMIMFusion, SelfMMFusion)}


def build_fusion(rep_dims: dict[str, int], sequence_dims: dict[str, int], config: ModelConfig) -> Fusion:
    """The fusion ``config.fusion`` names, for representations of ``rep_dims`` (in schema order)."""
    if config.fusion not in FUSIONS:
        raise ValueError(f"model.fusion {config.fusion!r} is not implemented; available: {sorted(FUSIONS)}")
    return FUSIONS[config.fusion](rep_dims, sequence_dims, config)


__all__ = ["FUSIONS", "Fusion", "FusionInputs", "build_fusion"]
