"""Shared pieces of the bench scripts: a synthetic source of benchmark shapes, rank spawning, output."""

from __future__ import annotations

import json
from typing import Any, Callable, Iterator

import numpy as np

from dist_mmfuse.distributed import free_port
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample
from sharding.sources.base import Source


class ShapeSource(Source):
    """Random samples: ``text_len`` tokens and float sequences of the given (max_len, dim).

    ``full_length`` fills every sequence to its maximum; otherwise lengths are drawn between a quarter
    and all of it (as in PERF_NOTES.md).
    """

    kind = "bench"

    def __init__(self, samples: int, text_len: int = 50, sequences: dict[str, tuple[int, int]] | None = None,
                 full_length: bool = True, splits: tuple[str, ...] = ("train",)):
        self.samples = samples
        self.text_len = text_len
        self.sequences = sequences or {"audio": (500, 74), "vision": (375, 35)}
        self.full_length = full_length
        self.splits = splits

    @property
    def dataset_name(self) -> str:
        return "bench-" + "-".join(f"{k}{t}x{d}" for k, (t, d) in self.sequences.items())

    def schema(self) -> DatasetSchema:
        return DatasetSchema(modalities=(
            ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=30522, max_len=self.text_len),
            *(ModalitySpec(name=k, kind=ModalityKind.SEQUENCE, dim=d, max_len=t) for k, (t, d) in self.sequences.items()),
        ), label_range=(-3.0, 3.0))

    def split_sizes(self) -> dict[str, int]:
        return {split: self.samples for split in self.splits}

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        for position in range(start, stop):
            rng = np.random.default_rng([self.splits.index(split), position])
            features = {"text": rng.integers(1000, 30000, size=self.text_len).astype(np.int32)}
            for name, (max_len, dim) in self.sequences.items():
                length = max_len if self.full_length else int(rng.integers(max(1, max_len // 4), max_len + 1))
                features[name] = rng.standard_normal((length, dim), dtype=np.float32)
            yield Sample(id=f"b{position}", label=float(rng.uniform(-3, 3)), features=features)

    def description(self) -> dict:
        return {"kind": self.kind, "samples": self.samples, "text_len": self.text_len,
                "sequences": {k: list(v) for k, v in self.sequences.items()}, "full_length": self.full_length}


def spawn_ranks(target: Callable, world: int, *args: Any) -> list:
    """Run ``target(rank, world, port, *args, queue)`` in ``world`` fresh spawned processes (one gloo
    job on a free local port) and return what they put on ``queue``. Raises if any rank fails."""
    import torch.multiprocessing as mp

    port = free_port()
    context = mp.get_context("spawn")
    queue = context.SimpleQueue()
    procs = [context.Process(target=target, args=(rank, world, port, *args, queue)) for rank in range(world)]
    for proc in procs:
        proc.start()
    for proc in procs:
        proc.join()
    failed = [rank for rank, proc in enumerate(procs) if proc.exitcode]
    if failed:
        raise RuntimeError(f"ranks {failed} of {world} failed")
    results = []
    while not queue.empty():
        results.append(queue.get())
    return results


def write_jsonl(path: str | None, rows: list[dict]) -> None:
    """Write ``rows`` as JSON lines to ``path`` (nothing when ``path`` is None)."""
    if path:
        with open(path, "w") as stream:
            for row in rows:
                stream.write(json.dumps(row) + "\n")
