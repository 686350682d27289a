"""The sample schema: which modalities a dataset has, their kinds and shapes, and what a sample holds.

A dataset declares its modalities by name. Each has a kind:

* ``tokens``: a 1-D array of token ids (text, tokenized once at sharding time). ``dim`` is the vocabulary
  size and ``max_len`` the maximum number of tokens.
* ``sequence``: a ``(T, dim)`` float feature sequence with ``1 <= T <= max_len`` (audio and vision frames).
* ``vector``: one ``(dim,)`` float feature vector per sample (utterance-level features); ``max_len`` is 1.

Any set of two or more modalities is valid. Every sample carries its regression label, optional
per-modality labels (CH-SIMS has them), its original id and a stable global index that later stages
(Self-MI's label banks) index by.
"""

from __future__ import annotations

import enum
import math
import re
from dataclasses import dataclass, field

import numpy as np
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

# Modality names become tar member suffixes ("<key>.<name>.npy"): no dots, nothing exotic.
MODALITY_NAME_RE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
RESERVED_FIELD_NAMES = frozenset({"json", "meta", "label", "index", "id"})


class ModalityKind(str, enum.Enum):
    TOKENS = "tokens"
    SEQUENCE = "sequence"
    VECTOR = "vector"


class ModalitySpec(BaseModel):
    """One modality: its name, kind, feature dimension (vocabulary size for tokens) and maximum length."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: ModalityKind
    dim: int = Field(gt=0)
    max_len: int = Field(gt=0)

    @field_validator("name")
    @classmethod
    def _check_name(cls, name: str) -> str:
        if not MODALITY_NAME_RE.match(name) or name in RESERVED_FIELD_NAMES:
            raise ValueError(
                f"modality name {name!r} must match {MODALITY_NAME_RE.pattern} and not be one of "
                f"{sorted(RESERVED_FIELD_NAMES)}"
            )
        return name

    @model_validator(mode="after")
    def _vector_has_length_one(self) -> "ModalitySpec":
        if self.kind is ModalityKind.VECTOR and self.max_len != 1:
            raise ValueError(f"modality {self.name!r}: a vector modality has max_len 1, not {self.max_len}")
        return self

    @property
    def is_float(self) -> bool:
        return self.kind is not ModalityKind.TOKENS

    def check_array(self, values: np.ndarray) -> str | None:
        """Return what is wrong with ``values`` for this modality, or None when it is valid."""
        if self.kind is ModalityKind.TOKENS:
            if values.ndim != 1 or values.dtype.kind not in "iu":
                return f"expected a 1-D integer token array, got shape {values.shape} dtype {values.dtype}"
            if not 1 <= values.shape[0] <= self.max_len:
                return f"token count {values.shape[0]} outside [1, {self.max_len}]"
            if values.size and (values.min() < 0 or values.max() >= self.dim):
                return f"token id outside [0, {self.dim})"
            return None
        if values.dtype.kind != "f":
            return f"expected float features, got dtype {values.dtype}"
        if self.kind is ModalityKind.VECTOR:
            if values.shape != (self.dim,):
                return f"expected shape ({self.dim},), got {values.shape}"
        else:
            if values.ndim != 2 or values.shape[1] != self.dim:
                return f"expected shape (T, {self.dim}), got {values.shape}"
            if not 1 <= values.shape[0] <= self.max_len:
                return f"sequence length {values.shape[0]} outside [1, {self.max_len}]"
        if not all_finite(values):
            return "NaN or Inf in features"
        return None


def all_finite(values: np.ndarray) -> bool:
    """True when no element is NaN or Inf. float16 is tested on its exponent bits: numpy's float16
    isfinite goes through a per-element conversion and is ~5x slower."""
    if values.dtype == np.float16:
        return values.size == 0 or int((values.view(np.uint16) & 0x7C00).max()) != 0x7C00
    return bool(np.isfinite(values).all())


class DatasetSchema(BaseModel):
    """The modalities of a dataset, its label range and which modalities carry their own labels."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    modalities: tuple[ModalitySpec, ...]
    label_range: tuple[float, float]
    modality_labels: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _check(self) -> "DatasetSchema":
        names = [m.name for m in self.modalities]
        if len(names) < 2:
            raise ValueError(f"a dataset needs at least two modalities, got {names}")
        if len(set(names)) != len(names):
            raise ValueError(f"duplicate modality names in {names}")
        unknown = set(self.modality_labels) - set(names)
        if unknown:
            raise ValueError(f"modality_labels name unknown modalities {sorted(unknown)}; modalities are {names}")
        low, high = self.label_range
        if not low < high:
            raise ValueError(f"label_range {self.label_range} must be increasing")
        return self

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(m.name for m in self.modalities)

    def modality(self, name: str) -> ModalitySpec:
        for spec in self.modalities:
            if spec.name == name:
                return spec
        raise KeyError(f"unknown modality {name!r}; this dataset has {list(self.names)}")

    def select(self, names: list[str] | tuple[str, ...]) -> "DatasetSchema":
        """The schema restricted to ``names`` (in the given order); unknown names raise KeyError."""
        chosen = tuple(self.modality(n) for n in names)
        return DatasetSchema(
            modalities=chosen,
            label_range=self.label_range,
            modality_labels=tuple(n for n in self.modality_labels if n in names),
        )

    def check_label(self, value: float) -> str | None:
        low, high = self.label_range
        if not math.isfinite(value):
            return f"label {value} is not finite"
        if not low <= value <= high:
            return f"label {value} outside the label range [{low}, {high}]"
        return None


@dataclass
class Sample:
    """One multimodal sample as converters produce it and the loader decodes it."""

    id: str
    label: float
    features: dict[str, np.ndarray]
    modality_labels: dict[str, float] = field(default_factory=dict)
    index: int = -1

    def problems(self, schema: DatasetSchema) -> list[str]:
        """Everything that makes this sample invalid for ``schema`` (empty when valid)."""
        found = []
        for spec in schema.modalities:
            values = self.features.get(spec.name)
            if values is None:
                found.append(f"missing modality {spec.name!r}")
                continue
            problem = spec.check_array(values)
            if problem:
                found.append(f"modality {spec.name!r}: {problem}")
        label_problem = schema.check_label(self.label)
        if label_problem:
            found.append(label_problem)
        for name in schema.modality_labels:
            if name not in self.modality_labels:
                found.append(f"missing modality label {name!r}")
                continue
            problem = schema.check_label(self.modality_labels[name])
            if problem:
                found.append(f"modality label {name!r}: {problem}")
        return found
