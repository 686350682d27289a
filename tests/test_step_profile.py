"""bench/step_profile.py: profiler events attributed to the parts of a step, checked against sums taken
straight from the same events."""

from __future__ import annotations

import sys

import pytest
import torch
from torch.profiler import record_function

from .conftest import REPO

sys.path.insert(0, str(REPO / "bench"))
step_profile = pytest.importorskip("step_profile")

STEPS = 3


def profiled_steps():
    """Two parts with disjoint kinds of backward work: ``matmuls`` only matrix products (MmBackward0),
    ``squash`` only tanh (TanhBackward0) and two host reads per step."""
    torch.manual_seed(0)
    weight_DD = torch.randn(64, 64, requires_grad=True)
    inputs_BD = torch.randn(32, 64)
    with step_profile.profiler(on_gpu=False) as prof:
        for _ in range(STEPS):
            with record_function(step_profile.MODEL_SCOPE + "outer"):
                # Ops that create no backward node, just before a part (a dtype cast, say), record the number
                # the part's first node takes: that node is the part's all the same.
                scaled_BD = inputs_BD * 1.0
                with record_function(step_profile.MODEL_SCOPE + "matmuls"):
                    hidden_BD = torch.mm(torch.mm(scaled_BD, weight_DD), weight_DD)
                with record_function(step_profile.MODEL_SCOPE + "squash"):
                    squashed_BD = torch.tanh(torch.tanh(hidden_BD))
                    float(squashed_BD[0, 0].detach()), bool(squashed_BD[0, 1] > 0)
            with record_function(step_profile.SCOPE + "backward"):
                squashed_BD.sum().backward()
    return prof.events()


def backward_time(events, function: str) -> float:
    """Host time (ms per step) of the backward functions named ``function``, from the events directly."""
    name = f"autograd::engine::evaluate_function: {function}"
    return sum(e.cpu_time_total for e in events if e.name == name) / STEPS / 1000


def test_backward_work_is_attributed_to_the_part_whose_forward_recorded_it():
    events = profiled_steps()
    table = step_profile.attribute(events, STEPS, on_gpu=False)
    rows = {row["part"]: row for row in table["rows"]}
    assert rows["matmuls backward"]["host_ms"] == pytest.approx(backward_time(events, "MmBackward0"), abs=2e-3)
    assert rows["squash backward"]["host_ms"] == pytest.approx(backward_time(events, "TanhBackward0"), abs=2e-3)
    assert backward_time(events, "MmBackward0") > 0 and backward_time(events, "TanhBackward0") > 0
    # The host reads happen in the squash part's forward, two per step, and nowhere else.
    assert rows["squash forward"]["host_reads"] == 2
    assert table["host_reads_per_step"] == 2
    # Every operator's own time is counted once, in exactly one row.
    own_total = sum(e.self_cpu_time_total for e in events
                    if e.device_type == torch.autograd.DeviceType.CPU) / STEPS / 1000
    assert sum(row["device_ms"] for row in table["rows"]) == pytest.approx(own_total, rel=1e-3, abs=2e-3)
    assert table["device_ms_per_step"] == pytest.approx(own_total, rel=1e-3, abs=2e-3)
