"""Where a training step's time goes: torch.profiler events attributed to the parts of the step.

Used by ``train_throughput.py --profile``. Each part is a profiler range:
- the trainer's own ranges (``dist_mmfuse::host_to_device``, ``::backward``, ``::optimizer_step``,
  ``::nonfinite_guard``, see trainer.py) and the benchmark's ``::loader_wait`` around taking the next batch;
- one range per model part, opened and closed by forward hooks: each encoder, the fusion head, and the
  objective (the rest of the train module's forward: losses, MI estimators, contrast).

Backward work runs on autograd's own thread, outside those ranges: each backward function is matched to
the forward op that recorded it (the same sequence number on the same thread), so an LSTM's backward
counts as that LSTM's. Gradient accumulation into ``.grad`` (and whatever the engine hooks there) has no
forward op and is its own row; collective kernels (NCCL) count as gradient reduction wherever launched.

Two figures per row and step: device time (on a GPU, the kernels the row launched; on the CPU, the
operators' own CPU time) and host time (the wall time the host thread spent inside the row's ranges).
Host synchronisations are counted per row: on a GPU the CUDA runtime's synchronising calls, anywhere the
reads of a device value into Python (``aten::_local_scalar_dense``: ``.item()``, ``bool(t)``, ``.tolist()``).
"""

from __future__ import annotations

from collections import defaultdict
from contextlib import contextmanager
from typing import Any, Iterator

import torch
from torch.profiler import ProfilerActivity, profile, record_function

from dist_mmfuse.models import SequenceEncoder, TextEncoder
from dist_mmfuse.trainer import SCOPE

LOADER_WAIT = f"{SCOPE}loader_wait"
MODEL_SCOPE = f"{SCOPE}model::"
GRAD_ACCUMULATION = "gradient accumulation (AccumulateGrad, engine hooks)"
GRAD_REDUCTION = "gradient reduction (collectives)"
OTHER = "other"
SYNC_CALLS = ("cudaStreamSynchronize", "cudaDeviceSynchronize", "cudaEventSynchronize", "cudaMemcpy")
HOST_READ = "aten::_local_scalar_dense"


def part_names(trainer) -> dict[torch.nn.Module, str]:
    """The module of each model part and its row name."""
    module = trainer.engine.module
    parts: dict[torch.nn.Module, str] = {}
    for name, encoder in module.model.encoders.items():
        kind = "text encoder" if isinstance(encoder, TextEncoder) else (
            "LSTM" if isinstance(encoder, SequenceEncoder) else "MLP")
        parts[encoder] = f"{name} {kind}" if kind != "text encoder" else f"{kind} ({name})"
    parts[module.model.fusion] = "fusion head"
    parts[module] = "objective"  # the outer range: encoders and head nest inside it
    return parts


@contextmanager
def model_ranges(trainer) -> Iterator[None]:
    """Open a profiler range around each model part's forward, for as long as the context lasts."""
    handles, open_ranges = [], defaultdict(list)
    for module, name in part_names(trainer).items():
        def enter(mod, args, kwargs=None, _name=name):
            scope = record_function(MODEL_SCOPE + _name)
            scope.__enter__()
            open_ranges[mod].append(scope)

        def leave(mod, args, output, _name=name):
            open_ranges[mod].pop().__exit__(None, None, None)

        handles.append(module.register_forward_pre_hook(enter))
        handles.append(module.register_forward_hook(leave))
    try:
        yield
    finally:
        for handle in handles:
            handle.remove()


def row_of_range(name: str) -> str | None:
    """The row of a range opened by the trainer, the benchmark or ``model_ranges`` (None: not ours)."""
    if name.startswith(MODEL_SCOPE):
        return name[len(MODEL_SCOPE):] + " forward"
    if name.startswith(SCOPE):
        return {"loader_wait": "loader wait", "host_to_device": "host-to-device copy",
                "backward": "backward (host side)", "optimizer_step": "optimizer step",
                "nonfinite_guard": "non-finite guard"}.get(name[len(SCOPE):], name[len(SCOPE):])
    return None


def attribute(events, steps: int, on_gpu: bool) -> dict[str, Any]:
    """The per-step table of a profile's ``events`` (``prof.events()``) covering ``steps`` steps."""
    # Forward ops by (thread, sequence number): the row each backward function belongs to.
    forward_row: dict[tuple[int, int], str] = {}
    rows_device: dict[str, float] = defaultdict(float)
    rows_host: dict[str, float] = defaultdict(float)
    rows_syncs: dict[str, int] = defaultdict(int)
    rows_reads: dict[str, int] = defaultdict(int)
    roots = [e for e in events if e.cpu_parent is None and e.device_type == torch.autograd.DeviceType.CPU]

    def own_device_time(event) -> float:
        return event.self_device_time_total if on_gpu else event.self_cpu_time_total

    def visit(event, row: str, backward: bool) -> None:
        name = event.name
        ours = row_of_range(name)
        if ours is not None:
            if backward:
                # A forward range opened during backward (recomputation): its work is backward work.
                ours = ours.replace(" forward", " backward")
            row = ours
            nested = sum(child.cpu_time_total for child in descendants_ranges(event))
            rows_host[row] += event.cpu_time_total - nested
        elif name.startswith("autograd::engine::evaluate_function"):
            backward = True
            key = (event.fwd_thread, event.sequence_nr)
            if event.sequence_nr < 0 or "AccumulateGrad" in name:
                row = GRAD_ACCUMULATION
            else:
                row = forward_row.get(key, OTHER + " backward").replace(" forward", " backward")
            rows_host[row] += event.cpu_time_total
        elif not backward and event.sequence_nr >= 0:
            # Ops that create no backward node record the number the next node will take, so several ops
            # share a number: the last of them (in start order) is the one that created the node.
            forward_row[(event.thread, event.sequence_nr)] = row
        own = own_device_time(event)
        if own:
            is_collective = on_gpu and any("nccl" in k.name.lower() for k in event.kernels)
            rows_device[GRAD_REDUCTION if is_collective else row] += own
        if name in SYNC_CALLS and on_gpu:
            rows_syncs[row] += 1
        if name == HOST_READ:
            rows_reads[row] += 1
        for child in event.cpu_children:
            visit(child, row, backward)

    # Forward first (in start order), so that every backward function finds its forward op's row.
    for root in sorted(roots, key=lambda e: e.time_range.start):
        visit(root, OTHER, False)
    rows = sorted(set(rows_device) | set(rows_host) | set(rows_syncs) | set(rows_reads))
    table = [{"part": row, "device_ms": round(rows_device[row] / steps / 1000, 3),
              "host_ms": round(rows_host[row] / steps / 1000, 3),
              "syncs": round(rows_syncs[row] / steps, 2), "host_reads": round(rows_reads[row] / steps, 2)}
             for row in rows]
    device_total = sum(rows_device.values()) / steps / 1000
    return {"rows": table, "device_ms_per_step": round(device_total, 3),
            "syncs_per_step": round(sum(rows_syncs.values()) / steps, 2),
            "host_reads_per_step": round(sum(rows_reads.values()) / steps, 2)}


def descendants_ranges(event) -> list:
    """The nearest ranges of ours and backward functions below ``event`` (their host time is theirs, not
    ``event``'s)."""
    found = []
    for child in event.cpu_children:
        if row_of_range(child.name) is not None or child.name.startswith("autograd::engine::evaluate_function"):
            found.append(child)
        else:
            found.extend(descendants_ranges(child))
    return found


def profiler(on_gpu: bool):
    activities = [ProfilerActivity.CPU] + ([ProfilerActivity.CUDA] if on_gpu else [])
    return profile(activities=activities)


def markdown(table: dict[str, Any], step_ms: float) -> str:
    """The table as markdown, with each row's share of the step's wall time."""
    lines = ["| part | device ms/step | share of step | host ms/step | syncs/step | host reads/step |",
             "|---|---|---|---|---|---|"]
    for row in sorted(table["rows"], key=lambda r: -max(r["device_ms"], r["host_ms"])):
        lines.append(f"| {row['part']} | {row['device_ms']:.2f} | {100 * row['device_ms'] / step_ms:.1f}% | "
                     f"{row['host_ms']:.2f} | {row['syncs']:g} | {row['host_reads']:g} |")
    lines.append(f"| **device busy / wall** | {table['device_ms_per_step']:.2f} | "
                 f"{100 * table['device_ms_per_step'] / step_ms:.1f}% | {step_ms:.2f} (wall) | "
                 f"{table['syncs_per_step']:g} | {table['host_reads_per_step']:g} |")
    return "\n".join(lines)


def lstm_flops_per_sample(trainer, batch) -> float:
    """Training FLOPs (forward and the two backward products: 3 x forward) of the LSTMs, per sample. The
    flop counter does not see inside the fused LSTM kernels (cuDNN, oneDNN), so they are counted here: per
    layer and frame, 4H x (D_in + H) multiply-adds (2 FLOPs each) for the gates, over the padded length
    the ``last_step`` LSTM runs on."""
    total = 0.0
    for name, encoder in trainer.engine.module.model.encoders.items():
        if not isinstance(encoder, SequenceEncoder):
            continue
        frames = batch.values[name].shape[1]
        rnn = encoder.rnn
        directions = 2 if rnn.bidirectional else 1
        for layer in range(rnn.num_layers):
            d_in = rnn.input_size if layer == 0 else rnn.hidden_size * directions
            total += 3 * directions * frames * 2 * 4 * rnn.hidden_size * (d_in + rnn.hidden_size)
    return total


def flops_per_sample(trainer, batch, stage: str, step: int) -> float:
    """Training FLOPs per sample of one step on ``batch`` (on the device): torch's flop counter over the
    forward and backward of a fresh copy of the train module, plus the LSTMs counted by hand."""
    from torch.utils.flop_counter import FlopCounterMode

    from dist_mmfuse.train_module import build_train_module, give_train_labels

    module = build_train_module(trainer.schema, trainer.config)
    give_train_labels(module.objective, trainer.config.data)
    dtype = trainer.engine.module.model.compute_dtype
    module.to(device=trainer.device, dtype=dtype).train()
    counter = FlopCounterMode(display=False)
    with counter:
        loss, _ = module(batch, stage, step)
        loss.float().backward()
    counted = counter.get_total_flops()
    by_module = counter.get_flop_counts()
    lstm_seen = sum(sum(ops.values()) for name, ops in by_module.items() if name.endswith(".rnn"))
    del module
    extra = 0.0 if lstm_seen else lstm_flops_per_sample(trainer, batch) * batch.size
    return (counted + extra) / batch.size


def matrix_rate(dtype: torch.dtype = torch.bfloat16, size: int = 8192, repeats: int = 30) -> float | None:
    """The device's measured dense matrix-multiply rate (FLOP/s) in ``dtype``: the ceiling MFU is quoted
    against. None on the CPU."""
    if not torch.cuda.is_available():
        return None
    a = torch.randn(size, size, device="cuda", dtype=dtype)
    b = torch.randn(size, size, device="cuda", dtype=dtype)
    for _ in range(3):
        a @ b
    start, end = torch.cuda.Event(enable_timing=True), torch.cuda.Event(enable_timing=True)
    start.record()
    for _ in range(repeats):
        a @ b
    end.record()
    torch.cuda.synchronize()
    return 2 * size**3 * repeats / (start.elapsed_time(end) / 1000)
