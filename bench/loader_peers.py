"""The streaming loader against its peers: WebDataset, MosaicML streaming (MDS) and litdata, on identical
samples, in interleaved rounds.

Each contender reads the same samples (``ShapeSource``: MOSEI-unaligned or MOSI shapes, full length, in
the chosen dtype) from its own format: this project's shards; WebDataset's own pipeline over those same
tars (shard shuffle, a 1,000-sample shuffle buffer, its default ``.npy``/``.json`` decoding); an MDS
dataset written with ``streaming.MDSWriter`` (fixed-shape ``ndarray`` columns) read by
``streaming.StreamingDataset``; a litdata dataset written with ``litdata.optimize`` read by
``litdata.StreamingDataset`` with its defaults, and once more tuned (``litdata_tuned``: each item decoded
alone, ``batch_decode="item"``, instead of litdata's decode window, which decodes rows the shuffle then
drops). Every contender shuffles and hands its samples to the same
collation (this project's ``collate``: padded values, lengths and masks) inside its loader workers, so
each delivers the same batches a training step would take.

Before timing, one epoch of each contender is checked: every sample it delivers must equal the source's
(a digest of its label and each modality's values), with no sample twice; the count is reported (training
loaders drop a remainder). Then ``--rounds`` rounds run one epoch of every contender each, in an order
that rotates every round, and report per contender the median and range of samples/s and of core-ms per
sample: the CPU time the kernel charged to the main process and all its loader workers during the epoch
(``psutil``), divided by the samples delivered.

The peers pin conflicting versions (streaming: numpy < 2.2 and transformers < 5), so this runs in an
environment of its own, which ``bench/loader_peers.sh`` makes (``.venv-peers``; the project's own
dependencies are untouched):

    bash bench/loader_peers.sh --shapes mosei --samples 4000 --rounds 5
    bash bench/loader_peers.sh --shapes mosi --samples 8000 --rounds 5
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import numpy as np
import psutil
import torch

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import ShapeSource  # noqa: E402

from dist_mmfuse.data.batch import Batch, collate  # noqa: E402
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader  # noqa: E402
from dist_mmfuse.schema import DatasetSchema, Sample  # noqa: E402
from sharding.writer import ShardBuilder  # noqa: E402

SHAPES = {"mosei": {"audio": (500, 74), "vision": (375, 35)},  # MOSEI unaligned (MMSA's feature files)
          "mosi": {"audio": (375, 5), "vision": (500, 20)}}    # MOSI unaligned
SHUFFLE_BUFFER = 1000


# --------------------------------------------------------------------------------------------------
# The samples, and what every contender must deliver


def stored_sample(source: ShapeSource, position: int, dtype: np.dtype) -> Sample:
    """Sample ``position`` as every format stores it: tokens int32, features in ``dtype``."""
    sample = next(source.iter_samples("train", position, position + 1))
    sample.index = position
    sample.features = {name: values.astype(np.int32) if values.dtype.kind in "iu" else values.astype(dtype)
                       for name, values in sample.features.items()}
    return sample


def row_digests(batch: Batch) -> Iterator[tuple[int, str]]:
    """(index, digest of the label and each modality's unpadded values) of every real row of ``batch``."""
    for row in range(batch.size):
        if not bool(batch.sample_mask[row]):
            continue
        digest = hashlib.sha1(np.float32(batch.label[row]).tobytes())
        for name in sorted(batch.values):
            length = int(batch.lengths[name][row])
            values = batch.values[name][row]
            digest.update((values[:length] if values.dim() > 1 else values).numpy().tobytes())
        yield int(batch.index[row]), digest.hexdigest()


class Collate:
    """The project's collation, as a picklable callable for the peers' DataLoaders."""

    def __init__(self, schema: DatasetSchema):
        self.schema = schema

    def __call__(self, samples: list[Sample]) -> Batch:
        return collate(samples, [True] * len(samples), self.schema, False)


# --------------------------------------------------------------------------------------------------
# Writing each format


def write_formats(root: Path, source: ShapeSource, dtype: str, shard_size: int, contenders: list[str]) -> dict:
    """Every format's dataset under ``root``; their sizes on disk."""
    written: dict[str, Any] = {}
    for name in ("project", "mds", "litdata"):  # written afresh: a writer would refuse or resume old ones
        shutil.rmtree(root / name, ignore_errors=True)
    project = root / "project"
    ShardBuilder(source, project, shard_size=shard_size, feature_dtype=dtype).build(procs=2)
    written["project"] = sum(p.stat().st_size for p in project.glob("*.tar"))
    np_dtype = np.dtype(dtype)
    if "streaming" in contenders:
        from streaming import MDSWriter

        columns = {"index": "int64", "label": "float32", "id": "str"}
        for name, spec in ((m.name, m) for m in source.schema().modalities):
            shape = (spec.max_len,) if name == "text" else (spec.max_len, spec.dim)
            kind = "int32" if name == "text" else dtype
            columns[name] = f"ndarray:{kind}:{','.join(map(str, shape))}"
        bytes_per_sample = written["project"] / source.samples
        with MDSWriter(out=str(root / "mds"), columns=columns, compression=None,
                       size_limit=int(bytes_per_sample * shard_size)) as writer:
            for position in range(source.samples):
                sample = stored_sample(source, position, np_dtype)
                writer.write({"index": sample.index, "label": np.float32(sample.label), "id": sample.id,
                              **sample.features})
        written["streaming"] = sum(p.stat().st_size for p in (root / "mds").glob("*.mds"))
    if any(c.startswith("litdata") for c in contenders):
        import litdata

        litdata.optimize(fn=LitdataItem(source, dtype), inputs=list(range(source.samples)),
                         output_dir=str(root / "litdata"), chunk_size=shard_size, num_workers=1, mode="overwrite")
        written["litdata"] = sum(p.stat().st_size for p in (root / "litdata").glob("*.bin"))
    return written


class LitdataItem:
    """litdata.optimize's function: sample ``position`` as a dict of arrays (picklable for its workers)."""

    def __init__(self, source: ShapeSource, dtype: str):
        self.source, self.dtype = source, np.dtype(dtype)

    def __call__(self, position: int) -> dict[str, Any]:
        sample = stored_sample(self.source, position, self.dtype)
        return {"index": sample.index, "label": float(sample.label), "id": sample.id, **sample.features}


# --------------------------------------------------------------------------------------------------
# Reading: one epoch iterator per contender


def from_fields(fields: dict[str, Any], names: tuple[str, ...]) -> Sample:
    return Sample(id=str(fields["id"]), label=float(fields["label"]), index=int(fields["index"]),
                  features={name: np.asarray(fields[name]) for name in names})


def project_epochs(root: Path, schema: DatasetSchema, args) -> Callable[[int], Iterator[Batch]]:
    loader = StreamingLoader(str(root / "project"), "train", LoaderOptions(
        batch_size=args.batch_size, num_workers=args.workers, shuffle_buffer=SHUFFLE_BUFFER))
    return loader.epoch


def webdataset_epochs(root: Path, schema: DatasetSchema, args) -> Callable[[int], Iterator[Batch]]:
    import webdataset as wds

    urls = sorted(str(p) for p in (root / "project").glob("*.tar"))
    names = schema.names

    def to_sample(fields: dict[str, Any]) -> Sample:
        meta = fields["json"]
        return Sample(id=meta["id"], label=float(meta["label"]), index=int(meta["index"]),
                      features={name: fields[f"{name}.npy"] for name in names})

    dataset = (wds.WebDataset(urls, shardshuffle=len(urls), seed=0, nodesplitter=None,
                              workersplitter=wds.split_by_worker, empty_check=False)
               .shuffle(SHUFFLE_BUFFER).decode().map(to_sample)
               .batched(args.batch_size, collation_fn=Collate(schema), partial=False))
    loader = wds.WebLoader(dataset, batch_size=None, num_workers=args.workers, persistent_workers=True,
                           prefetch_factor=4, multiprocessing_context="fork")
    return lambda epoch: iter(loader)


def streaming_epochs(root: Path, schema: DatasetSchema, args) -> Callable[[int], Iterator[Batch]]:
    from streaming import StreamingDataset
    from streaming.base.util import clean_stale_shared_memory

    clean_stale_shared_memory()
    names = schema.names

    class Samples(StreamingDataset):
        def __getitem__(self, position: int) -> Sample:
            return from_fields(super().__getitem__(position), names)

    dataset = Samples(local=str(root / "mds"), shuffle=True, shuffle_seed=0, batch_size=args.batch_size)
    loader = torch.utils.data.DataLoader(dataset, batch_size=args.batch_size, num_workers=args.workers,
                                         collate_fn=Collate(schema), persistent_workers=True, prefetch_factor=4,
                                         drop_last=True, multiprocessing_context="fork")
    return lambda epoch: iter(loader)


# litdata's default ("auto") decodes a window of rows around each requested one; with shuffled reads most
# of the window is decoded again later. One row at a time is its cheapest setting here.
LITDATA_TUNED: dict[str, Any] = {"batch_decode": "item"}


def litdata_epochs(tuned: bool) -> Callable:
    def make(root: Path, schema: DatasetSchema, args) -> Callable[[int], Iterator[Batch]]:
        import litdata

        names = schema.names

        class Samples(litdata.StreamingDataset):
            def __getitem__(self, position):
                return from_fields(super().__getitem__(position), names)

        dataset = Samples(input_dir=str(root / "litdata"), shuffle=True, seed=0, drop_last=True,
                          **(LITDATA_TUNED if tuned else {}))
        loader = litdata.StreamingDataLoader(dataset, batch_size=args.batch_size, num_workers=args.workers,
                                             collate_fn=Collate(schema), persistent_workers=True, prefetch_factor=4,
                                             multiprocessing_context="fork")

        def epoch(number: int) -> Iterator[Batch]:
            dataset.set_epoch(number + 1)
            return iter(loader)

        return epoch

    return make


READERS = {"project": project_epochs, "webdataset": webdataset_epochs, "streaming": streaming_epochs,
           "litdata": litdata_epochs(False), "litdata_tuned": litdata_epochs(True)}


# --------------------------------------------------------------------------------------------------
# Measuring


def cpu_seconds() -> float:
    """CPU time charged so far to this process, its live descendants (loader workers) and reaped ones."""
    me = psutil.Process()
    total = sum(me.cpu_times()[:2])
    for child in me.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            pass
    reaped = os.times()
    return total + reaped.children_user + reaped.children_system


def timed_epoch(epochs: Callable[[int], Iterator[Batch]], epoch: int) -> dict[str, float]:
    cpu, start = cpu_seconds(), time.perf_counter()
    samples = sum(int(batch.sample_mask.sum()) for batch in epochs(epoch))
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return {"samples": samples, "samples_per_s": samples / wall, "core_ms_per_sample": 1000 * cpu / samples}


def checked_epoch(name: str, epochs: Callable[[int], Iterator[Batch]], expected: dict[int, str]) -> int:
    """One epoch: every delivered sample equals the source's, none twice. Returns how many were delivered."""
    seen: dict[int, str] = {}
    for batch in epochs(0):
        for index, digest in row_digests(batch):
            if index in seen:
                raise SystemExit(f"{name}: sample {index} delivered twice in one epoch")
            if expected.get(index) != digest:
                raise SystemExit(f"{name}: sample {index} differs from the source's")
            seen[index] = digest
    return len(seen)


def summary(values: list[float]) -> dict[str, float]:
    return {"median": statistics.median(values), "min": min(values), "max": max(values)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shapes", choices=sorted(SHAPES), default="mosei")
    parser.add_argument("--samples", type=int, default=4000)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--dtype", choices=("float16", "float32"), default="float16")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--contenders", nargs="+", choices=sorted(READERS), default=list(READERS))
    parser.add_argument("--dir", help="where to write the datasets, replacing earlier ones (default: a temporary directory, removed)")
    parser.add_argument("--out", help="also write the result as JSON here")
    args = parser.parse_args()

    source = ShapeSource(args.samples, sequences=SHAPES[args.shapes])
    schema = source.schema()
    root = Path(args.dir or tempfile.mkdtemp(prefix="loader_peers_"))
    try:
        start = time.perf_counter()
        sizes = write_formats(root, source, args.dtype, args.shard_size, args.contenders)
        print(json.dumps({"written_s": round(time.perf_counter() - start, 1), "bytes": sizes}), flush=True)
        expected = {}
        for position in range(args.samples):
            expected.update(row_digests(collate([stored_sample(source, position, np.dtype(args.dtype))], [True],
                                                schema, False)))
        epochs = {name: READERS[name](root, schema, args) for name in args.contenders}
        delivered = {name: checked_epoch(name, epochs[name], expected) for name in args.contenders}
        print(json.dumps({"checked": "every delivered sample equals the source's", "delivered": delivered}),
              flush=True)
        rounds: dict[str, list[dict[str, float]]] = {name: [] for name in args.contenders}
        for number in range(args.rounds):
            shift = number % len(args.contenders)
            for name in args.contenders[shift:] + args.contenders[:shift]:
                rounds[name].append(timed_epoch(epochs[name], number + 1))
            print(json.dumps({"round": number + 1, **{name: round(r[-1]["samples_per_s"]) for name, r in
                                                       rounds.items()}}), flush=True)
        result = {"shapes": args.shapes, "dtype": args.dtype, "samples": args.samples, "workers": args.workers,
                  "batch_size": args.batch_size, "rounds": args.rounds, "cpus": os.cpu_count(),
                  "date": time.strftime("%Y-%m-%d"), "litdata_tuned": LITDATA_TUNED, "delivered": delivered,
                  "bytes": sizes, "contenders": {}}
        reference = statistics.median(r["core_ms_per_sample"] for r in rounds["project"]) \
            if "project" in rounds else None
        for name, runs in rounds.items():
            core_ms = summary([r["core_ms_per_sample"] for r in runs])
            result["contenders"][name] = {
                "samples_per_s": summary([r["samples_per_s"] for r in runs]), "core_ms_per_sample": core_ms,
                "relative_core_ms": core_ms["median"] / reference if reference else None}
        print(json.dumps(result), flush=True)
        if args.out:
            Path(args.out).write_text(json.dumps(result, indent=1) + "\n")
    finally:
        if not args.dir:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
