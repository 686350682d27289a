"""The sample schema: modality specs and sample validation."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec

from .conftest import TINY_SCHEMA, tiny_sample


def test_modality_names_and_shapes_are_checked():
    with pytest.raises(ValidationError, match="must match"):
        ModalitySpec(name="audio.v2", kind="sequence", dim=3, max_len=5)
    with pytest.raises(ValidationError, match="max_len 1"):
        ModalitySpec(name="audio", kind="vector", dim=3, max_len=5)
    with pytest.raises(ValidationError, match="greater than 0"):
        ModalitySpec(name="audio", kind="sequence", dim=0, max_len=5)


def test_any_two_or_more_modalities():
    two = DatasetSchema(modalities=TINY_SCHEMA.modalities[:2], label_range=(-1, 1))
    assert two.names == ("text", "audio")
    five = DatasetSchema(
        modalities=tuple(ModalitySpec(name=f"m{i}", kind=ModalityKind.VECTOR, dim=2, max_len=1) for i in range(5)),
        label_range=(0, 1))
    assert len(five.modalities) == 5
    with pytest.raises(ValidationError, match="at least two"):
        DatasetSchema(modalities=TINY_SCHEMA.modalities[:1], label_range=(-1, 1))
    with pytest.raises(ValidationError, match="unknown modalities"):
        DatasetSchema(modalities=TINY_SCHEMA.modalities, label_range=(-1, 1), modality_labels=("smell",))
    with pytest.raises(KeyError, match="unknown modality 'smell'"):
        TINY_SCHEMA.select(["text", "smell"])


def test_sample_problems_name_each_fault():
    rng = np.random.default_rng(0)
    sample = tiny_sample(3, rng)
    assert sample.problems(TINY_SCHEMA) == []
    cases = {
        "missing modality 'audio'": lambda s: s.features.pop("audio"),
        "expected shape (T, 3)": lambda s: s.features.update(audio=np.zeros((2, 4), np.float32)),
        "sequence length 7 outside [1, 6]": lambda s: s.features.update(audio=np.zeros((7, 3), np.float32)),
        "NaN or Inf": lambda s: s.features["vision"].__setitem__(0, np.nan),
        "token id outside [0, 100)": lambda s: s.features.update(text=np.array([5, 100], np.int32)),
        "outside the label range": lambda s: setattr(s, "label", 3.5),
        "label inf is not finite": lambda s: setattr(s, "label", float("inf")),
    }
    for words, damage in cases.items():
        broken = tiny_sample(3, np.random.default_rng(0))
        damage(broken)
        problems = broken.problems(TINY_SCHEMA)
        assert any(words in p for p in problems), (words, problems)
