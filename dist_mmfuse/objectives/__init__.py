"""Objective plug-ins, chosen by ``objective.name``."""

from __future__ import annotations

from ..config import ObjectiveConfig
from ..models import FusionModel
from ..schema import DatasetSchema
from .base import MAIN_STAGE, Objective
from .late_fusion import LateFusion
from .misa import MISA
from .mmim import MMIM
from .self_mm import SelfMI, SelfMM
from .tuple_infonce import TupleInfoNCE

OBJECTIVES: dict[str, type[Objective]] = {cls.name: cls for cls in (LateFusion, MMIM, SelfMM, SelfMI, TupleInfoNCE,
                                                                     MISA)}


def build_objective(schema: DatasetSchema, model: FusionModel, config: ObjectiveConfig) -> Objective:
    if config.name not in OBJECTIVES:
        raise ValueError(f"objective {config.name!r} is not implemented yet; available: {sorted(OBJECTIVES)}")
    return OBJECTIVES[config.name](schema, model, config)


__all__ = ["MAIN_STAGE", "OBJECTIVES", "Objective", "build_objective"]
