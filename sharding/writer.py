"""Write a source into WebDataset tar shards and a manifest.

Shard ``k`` of a split holds its samples ``[k*shard_size, (k+1)*shard_size)``, so the shards of a
build are known before anything is written and several processes (``--procs`` here, or
``--proc-index/--num-procs`` for separate jobs) can write disjoint shard ranges.

A shard is written to a hidden temporary file, checked, then renamed into place; only after that is
its stats file (``<shard>.json``: count, first index, bytes, sha256) written. The stats file marks the
shard as done: a restarted build skips such shards and writes the rest, and a crash never leaves a
half-written shard under a final name. The manifest is assembled from the stats files once every shard
exists, and written last.

The output may be a URL (``s3://``, ``gs://``, any fsspec store that takes writes): each shard is then
written to a local staging directory, uploaded whole (retried, storage.py), deleted locally, and only
then is its stats file uploaded, so a rerun skips exactly the shards already complete in the bucket.
"""

from __future__ import annotations

import json
import logging
import multiprocessing
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import numpy as np

from dist_mmfuse import __version__
from dist_mmfuse.data.codec import encode_sample, open_tar_writer
from dist_mmfuse.manifest import (
    CANONICAL_SPLIT_ORDER,
    MANIFEST_FORMAT,
    MANIFEST_NAME,
    DataError,
    Manifest,
    ShardInfo,
    SplitInfo,
    as_store,
    sha256_file,
)
from dist_mmfuse.schema import DatasetSchema
from dist_mmfuse.storage import ShardStore

from .sources.base import Source

log = logging.getLogger(__name__)
BUILD_NAME = "build.json"
FEATURE_DTYPES = {"float16": np.float16, "float32": np.float32}


@dataclass(frozen=True)
class ShardPlan:
    split: str
    shard: int
    start: int  # position within the split
    stop: int
    first_index: int  # global index of the first sample

    @property
    def name(self) -> str:
        return f"{self.split}-{self.shard:06d}.tar"


def plan_shards(split_sizes: dict[str, int], shard_size: int) -> list[ShardPlan]:
    """Every shard of a build, splits in order; global indices run on across splits."""
    plans, offset = [], 0
    for split, size in split_sizes.items():
        for shard, start in enumerate(range(0, size, shard_size)):
            stop = min(size, start + shard_size)
            plans.append(ShardPlan(split, shard, start, stop, offset + start))
        offset += size
    return plans


def _ordered_splits(sizes: dict[str, int]) -> dict[str, int]:
    known = [s for s in CANONICAL_SPLIT_ORDER if s in sizes]
    return {s: sizes[s] for s in known + sorted(set(sizes) - set(known))}


class ShardBuilder:
    """Converts one source into ``out_dir``: shards, stats files and the manifest."""

    def __init__(self, source: Source, out_dir: str | os.PathLike, *, shard_size: int = 1000,
                 feature_dtype: str = "float16", modalities: list[str] | None = None):
        if shard_size <= 0:
            raise ValueError(f"shard_size must be positive, got {shard_size}")
        if feature_dtype not in FEATURE_DTYPES:
            raise ValueError(f"feature dtype must be one of {sorted(FEATURE_DTYPES)}, got {feature_dtype!r}")
        self.source = source
        self.dest = ShardStore(out_dir)
        if urlsplit(self.dest.location).scheme in ("http", "https"):
            raise ValueError(f"--out {self.dest.location}: shards cannot be uploaded over plain HTTP; build into a "
                             "local directory the HTTP server serves, or into an object store (s3://, gs://)")
        # Shards are written here first; for a URL, each is uploaded once finished, then deleted here.
        self.out_dir = Path(tempfile.mkdtemp(prefix="dist-mmfuse-shard-")) if self.dest.remote \
            else Path(self.dest.location)
        self.shard_size = shard_size
        self.feature_dtype = feature_dtype
        full_schema = source.schema()
        self.schema: DatasetSchema = full_schema.select(modalities) if modalities else full_schema
        self.split_sizes = _ordered_splits(source.split_sizes())
        self.plans = plan_shards(self.split_sizes, shard_size)

    def build_record(self) -> dict[str, Any]:
        """What identifies this build; a restart into the same directory must match it."""
        record = {
            "tool_version": __version__,
            "dataset": self.source.dataset_name,
            "source": self.source.description(),
            "schema": self.schema.model_dump(mode="json"),
            "tokenizer": self.source.tokenizer_identity(),
            "feature_dtype": self.feature_dtype,
            "shard_size": self.shard_size,
            "split_sizes": self.split_sizes,
        }
        standardisation = {name: stats for name, stats in self.source.standardisation().items()
                           if name in self.schema.names}
        if standardisation:  # only then, so builds of sources that standardise nothing keep their record
            record["standardisation"] = standardisation
        return record

    def prepare_dir(self) -> None:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        record = self.build_record()
        try:
            existing = json.loads(self.dest.read_text(BUILD_NAME))
        except FileNotFoundError:
            self.dest.write_text(BUILD_NAME, json.dumps(record, indent=2) + "\n")
            return
        existing.pop("tool_version", None)
        wanted = {k: v for k, v in record.items() if k != "tool_version"}
        if existing != wanted:
            changed = sorted(k for k in wanted if existing.get(k) != wanted[k])
            raise DataError(f"{self.dest.url(BUILD_NAME)}: {self.dest} holds shards of a different build (differs "
                            f"in {changed}); use another output directory")

    def shard_range(self, proc_index: int, num_procs: int) -> list[ShardPlan]:
        """The contiguous block of shards process ``proc_index`` of ``num_procs`` writes."""
        if not 0 <= proc_index < num_procs:
            raise ValueError(f"proc_index {proc_index} outside [0, {num_procs})")
        count = len(self.plans)
        return self.plans[proc_index * count // num_procs:(proc_index + 1) * count // num_procs]

    def write_shards(self, plans: list[ShardPlan]) -> tuple[int, int]:
        """Write the given shards; returns (written, already done)."""
        written = skipped = 0
        done = done_shards(self.dest, plans)
        for plan in plans:
            if plan.name in done:
                skipped += 1
                continue
            self._write_shard(plan)
            written += 1
        return written, skipped

    def discard_staging(self) -> None:
        """Remove the local staging directory of a build into a URL (its shards are uploaded and gone)."""
        if self.dest.remote:
            shutil.rmtree(self.out_dir, ignore_errors=True)

    def build(self, procs: int = 1) -> Manifest:
        """Write every shard (``procs`` processes on disjoint ranges) and the manifest."""
        self.prepare_dir()
        try:
            if procs <= 1:
                counts = [self.write_shards(self.plans)]
            else:
                # fork: children share the parent's already-loaded source (a pickle is loaded once, not per process).
                context = multiprocessing.get_context("fork")
                with context.Pool(procs) as pool:
                    counts = pool.map(_write_block, [(self, p, procs) for p in range(procs)])
        finally:
            self.discard_staging()
        log.info("wrote %d shard(s), %d already complete in %s", sum(c[0] for c in counts),
                 sum(c[1] for c in counts), self.dest)
        return self.finalize()

    def finalize(self) -> Manifest:
        return finalize(self.dest)

    def _write_shard(self, plan: ShardPlan) -> None:
        final = self.out_dir / plan.name
        tmp = self.out_dir / f".{plan.name}.{os.getpid()}.tmp"
        dtype = FEATURE_DTYPES[self.feature_dtype]
        names = self.schema.names
        count = 0
        try:
            with open(tmp, "wb") as stream:
                # mtime fixed so the same input gives byte-identical shards (and digests).
                writer = open_tar_writer(stream)
                try:
                    for offset, sample in enumerate(self.source.iter_samples(plan.split, plan.start, plan.stop)):
                        sample.index = plan.first_index + offset
                        sample.features = {n: sample.features[n] for n in names if n in sample.features}
                        problems = sample.problems(self.schema)
                        if problems:
                            raise DataError(f"{self.source.dataset_name} split {plan.split!r} position "
                                            f"{plan.start + offset} (id {sample.id!r}): {'; '.join(problems)}")
                        writer.write(encode_sample(sample, dtype))
                        count += 1
                finally:
                    writer.close()  # also on error, so the tar stream never writes into a closed file later
                stream.flush()
                os.fsync(stream.fileno())
            if count != plan.stop - plan.start:
                raise DataError(f"{self.source.dataset_name} split {plan.split!r}: source gave {count} samples for "
                                f"positions [{plan.start}, {plan.stop})")
            stats = {"name": plan.name, "count": count, "first_index": plan.first_index,
                     "bytes": tmp.stat().st_size, "sha256": sha256_file(tmp)}
            os.replace(tmp, final)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        if self.dest.remote:  # the tar first, then its stats file: the stats file says the shard is there whole
            self.dest.put_file(final, plan.name)
            final.unlink()
        self.dest.write_text(stats_name(plan.name), json.dumps(stats) + "\n")
        log.info("wrote %s (%d samples)", self.dest.url(plan.name), count)


def stats_name(shard_name: str) -> str:
    return shard_name[: -len(".tar")] + ".json"


def done_shards(dest: ShardStore, plans: list[ShardPlan]) -> dict[str, dict[str, Any]]:
    """The stats of the shards of ``plans`` that are complete at ``dest``: their stats file is there and
    the tar has the size it records (a listing and the stats files, for a URL)."""
    names = [p.name for p in plans]
    sizes = dest.sizes(names + [stats_name(n) for n in names])
    present = [n for n in names if sizes[n] is not None and sizes[stats_name(n)] is not None]
    texts = dest.cat_many([stats_name(n) for n in present])
    done = {}
    for name in present:
        text = texts[stats_name(name)]
        if text is not None:
            stats = json.loads(text)
            if stats.get("bytes") == sizes[name]:
                done[name] = stats
    return done


def finalize(out_dir: str | os.PathLike | ShardStore) -> Manifest:
    """Assemble ``manifest.json`` from ``build.json`` and the stats files; names any shard not yet written.
    The manifest is written last (for a URL too), so a directory with a manifest is complete.

    Needs no source, so the last of several separate writer jobs (or anyone after them) can run it.
    """
    dest = as_store(out_dir)
    try:
        record = json.loads(dest.read_text(BUILD_NAME))
    except FileNotFoundError:
        raise DataError(f"{dest.url(BUILD_NAME)}: not found; {dest} is not a shard build directory") from None
    plans = plan_shards(record["split_sizes"], record["shard_size"])
    done = done_shards(dest, plans)
    missing = [p.name for p in plans if p.name not in done]
    if missing:
        raise DataError(f"{dest}: {len(missing)} shard(s) not written yet, e.g. {missing[:3]}; "
                        "run the remaining processes, then finalize")
    splits = {}
    for split, size in record["split_sizes"].items():
        shards = tuple(ShardInfo(**done[p.name]) for p in plans if p.split == split)
        splits[split] = SplitInfo(num_samples=size, index_offset=shards[0].first_index, shards=shards)
    manifest = Manifest(
        format=MANIFEST_FORMAT, tool_version=record["tool_version"], dataset=record["dataset"],
        source=record["source"], schema=record["schema"], tokenizer=record["tokenizer"],
        feature_dtype=record["feature_dtype"], shard_size=record["shard_size"], splits=splits,
        standardisation=record.get("standardisation", {}),
    )
    dest.write_text(MANIFEST_NAME, manifest.to_json())
    return manifest


def _write_block(args: tuple[ShardBuilder, int, int]) -> tuple[int, int]:
    builder, proc_index, num_procs = args
    return builder.write_shards(builder.shard_range(proc_index, num_procs))
