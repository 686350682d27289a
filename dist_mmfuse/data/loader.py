"""The streaming WebDataset loader.

Every epoch is planned from the manifest's exact per-shard counts, so it needs no resampling and no
guessing:

* The split's shards are put in an order drawn from ``(seed, epoch)`` (the same on every rank) and seen
  as one long sequence of samples. That sequence is cut into ``world_size × num_workers`` contiguous,
  equal *streams*; stream ``s`` belongs to rank ``s // num_workers``, loader worker ``s % num_workers``.
  A stream that starts inside a shard skips to its first sample.
* Training streams hold a whole number of batches each, so every rank yields the same number of full
  batches (uneven counts hang collectives). The few samples left over are dropped; which ones changes
  with the epoch. Within a stream a shuffle buffer seeded by ``(seed, epoch, stream)`` mixes samples.
* Evaluation streams are unshuffled and padded to equal length with entries whose ``sample_mask`` is
  False, so every sample of the split is seen exactly once across all ranks and every rank still runs
  the same number of equally sized batches.
* Batches are built inside the workers and the DataLoader takes them round robin, worker 0 first. So
  global batch ``j`` of a rank comes from its stream ``j % num_workers``, and restarting at step ``k``
  means rotating which worker serves which stream by ``k`` and letting each stream drop the batches it
  had already given. A restarted epoch yields exactly the batches an uninterrupted one would have.

Each shard's size and sha256 are checked against the manifest the first time a worker opens it. A mapped
shard whose bytes matched is then indexed in one pass that decodes and validates every sample of it
(shard_index.py): later reads take its samples from the index. A shard that cannot be indexed (a bad
sample in it, bytes held in memory, checksums off, the process's index budget spent) is read member by
member and validated every time.
Bad data (a corrupt or truncated tar, a checksum mismatch, a missing modality, a wrong shape, NaN or Inf,
a label out of range) raises ``DataError`` naming the shard and the sample key. Under the explicit
``skip`` policy such samples are logged, counted in ``Batch.num_skipped``, and their places refilled
(training: from the stream's recent valid samples; evaluation: with masked padding) so that batch
counts stay equal across ranks.
"""

from __future__ import annotations

import collections
import gc
import logging
import math
import mmap
import multiprocessing
import os
import random
import tarfile
from dataclasses import dataclass
from typing import Any, Iterator

import numpy as np
import torch
import webdataset as wds
from torch.utils.data import DataLoader, IterableDataset, get_worker_info

from ..distributed import heartbeat
from ..manifest import DataError, Manifest, ShardInfo, as_store, load_manifest
from ..storage import ShardStore, StoreError
from ..schema import DatasetSchema, Sample
from .batch import Batch, BlockPool, collate
from .codec import decode_sample, sample_key, tar_members
from .shard_index import ShardIndexCache

log = logging.getLogger(__name__)
BAD_SAMPLE_POLICIES = ("error", "skip")


# --------------------------------------------------------------------------------------------------
# Epoch planning


@dataclass(frozen=True)
class Segment:
    """Positions ``[start, stop)`` of one shard, less the positions in ``skip`` (samples a resumed pass
    has already trained: see data/elastic.py)."""

    shard: ShardInfo
    start: int
    stop: int
    skip: frozenset[int] = frozenset()

    @property
    def count(self) -> int:
        return self.stop - self.start - len(self.skip)


@dataclass(frozen=True)
class StreamPlan:
    segments: tuple[Segment, ...]
    num_real: int
    num_padding: int
    # Each batch's size when they differ (the rest of a pass on another layout ends with smaller batches,
    # data/elastic.py); None: batches of the loader's batch size, the last one holding what is left.
    batch_sizes: tuple[int, ...] | None = None
    seed_key: tuple[int, ...] = ()  # appended to (seed, epoch, stream) for the shuffle buffer's seed

    @property
    def length(self) -> int:
        return self.num_real + self.num_padding

    def sizes(self, batch_size: int) -> tuple[int, ...]:
        """The size of each batch the stream yields."""
        if self.batch_sizes is not None:
            return self.batch_sizes
        full, last = divmod(self.length, batch_size)
        return (batch_size,) * full + ((last,) if last else ())


def plan_epoch(shards: tuple[ShardInfo, ...], *, num_streams: int, batch_size: int, epoch: int, seed: int,
               train: bool) -> list[StreamPlan]:
    """Cut one epoch of a split into ``num_streams`` equal streams (see the module docstring)."""
    total = sum(s.count for s in shards)
    if train:
        order = np.random.default_rng([seed, epoch]).permutation(len(shards))
        per_stream = (total // (num_streams * batch_size)) * batch_size
        if per_stream == 0:
            raise ValueError(
                f"{total} training samples cannot give one full batch of {batch_size} to each of {num_streams} "
                "streams (ranks x loader workers): lower data.batch_size or data.num_workers")
    else:
        order = np.arange(len(shards))
        per_stream = math.ceil(total / num_streams)
    starts = np.cumsum([0] + [shards[i].count for i in order])
    plans = []
    for stream in range(num_streams):
        low, high = stream * per_stream, min(total, (stream + 1) * per_stream)
        segments = []
        for position, shard_id in enumerate(order):
            first, last = starts[position], starts[position + 1]
            if last <= low or first >= high:
                continue
            segments.append(Segment(shards[shard_id], int(max(low, first) - first), int(min(high, last) - first)))
        num_real = max(0, high - low)
        plans.append(StreamPlan(tuple(segments), num_real, per_stream - num_real))
    return plans


def shuffle_stream(items: Iterator[Any], *, buffer: int, seed: int, epoch: int, stream_id: int,
                   seed_key: tuple[int, ...] = ()) -> Iterator[Any]:
    """A training stream's items through its shuffle buffer, seeded by ``(seed, epoch, stream, *seed_key)``.
    The order depends only on the number of items, so it can be replayed over sample positions."""
    if buffer <= 1:
        return items
    state = int(np.random.SeedSequence([seed, epoch, stream_id, *seed_key]).generate_state(1)[0])
    return wds.filters._shuffle(items, bufsize=buffer, initial=buffer, rng=random.Random(state))


# --------------------------------------------------------------------------------------------------
# The per-worker stream


@dataclass(frozen=True)
class LoaderOptions:
    batch_size: int
    num_workers: int = 2
    shuffle_buffer: int = 1000
    pad_to_max_len: bool = False
    bad_samples: str = "error"
    verify_checksums: bool = True
    seed: int = 0
    prefetch_factor: int = 4
    pin_memory: bool = False


class _SkippedSamples(Exception):
    """A whole shard segment could not be read (skip policy): how many samples were lost."""

    def __init__(self, count: int):
        super().__init__(count)
        self.count = count


class ShardStreamDataset(IterableDataset):
    """One rank's share of a split; each loader worker yields the batches of one stream."""

    def __init__(self, store: ShardStore, manifest: Manifest, split: str, schema: DatasetSchema, *,
                 options: LoaderOptions, rank: int, world_size: int, train: bool):
        super().__init__()
        self.store = store
        self.shards = manifest.split(split).shards
        self.schema = schema
        self.options = options
        self.rank = rank
        self.world_size = world_size
        self.train = train
        self.workers_per_rank = max(1, options.num_workers)
        # Shared with persistent workers, which read them each time an epoch's iterator starts.
        context = multiprocessing.get_context("fork")
        self._epoch = context.Value("q", 0, lock=False)
        self._start_step = context.Value("q", 0, lock=False)
        # (epoch, plans): the rest of a pass begun on another layout (StreamingLoader.continue_pass).
        self.continued: tuple[int, list[StreamPlan]] | None = None
        # Where each sample of a verified shard lies, decoded and validated once per process (shard_index.py).
        self._indexes = ShardIndexCache()
        # Each worker's reusable shared-memory blocks for its batches (batch.py): enough for the batches it
        # has queued (prefetch_factor) and the two the rank may hold.
        self._blocks = BlockPool(options.num_workers, options.prefetch_factor + 2) if options.num_workers else None

    def set_position(self, epoch: int, start_step: int) -> None:
        self._epoch.value = epoch
        self._start_step.value = start_step

    def plans(self, epoch: int) -> list[StreamPlan]:
        return plan_epoch(self.shards, num_streams=self.world_size * self.workers_per_rank,
                          batch_size=self.options.batch_size, epoch=epoch, seed=self.options.seed, train=self.train)

    def batches_per_stream(self, epoch: int = 0) -> int:
        return math.ceil(self.plans(epoch)[0].length / self.options.batch_size)

    def epoch_plans(self, epoch: int) -> list[StreamPlan]:
        """The streams ``epoch`` reads: its plan, or the rest of it when the pass is continued."""
        if self.continued is not None and self.continued[0] == epoch:
            return self.continued[1]
        return self.plans(epoch)

    def rank_batches(self, epoch: int) -> int:
        """Batches this rank yields in ``epoch``."""
        plans = self.epoch_plans(epoch)[self.rank * self.workers_per_rank:(self.rank + 1) * self.workers_per_rank]
        return sum(len(plan.sizes(self.options.batch_size)) for plan in plans)

    def __iter__(self) -> Iterator[Batch]:
        info = get_worker_info()
        worker = info.id if info is not None else 0
        epoch, start_step = int(self._epoch.value), int(self._start_step.value)
        workers = self.workers_per_rank
        # Rotate so DataLoader worker 0 serves the stream that owns global batch `start_step`.
        local_stream = (worker + start_step) % workers
        stream_id = self.rank * workers + local_stream
        skip_batches = (start_step - local_stream + workers - 1) // workers if start_step > local_stream else 0
        plan = self.epoch_plans(epoch)[stream_id]
        yield from self._stream_batches(plan, epoch, stream_id, skip_batches)

    # -- raw samples -------------------------------------------------------------------------------

    def _read_segment(self, segment: Segment) -> Iterator[dict[str, Any]]:
        """The segment's samples: decoded from the shard's index, or (shards without one) their raw fields,
        with ``__shard__`` set; errors name the shard and key."""
        shard = segment.shard
        path = self.store.url(shard.name)
        buffer = self.store.read_shard(shard.name, shard.bytes, shard.sha256, verify=self.options.verify_checksums)
        # A mapped shard whose bytes matched its sha256 is indexed on its first read in this process: its
        # samples come straight from the index after that. Downloaded shards (held in memory, not mapped) and
        # unverified bytes are read member by member, and validated, every time.
        index = (self._indexes.get(buffer, shard, self.schema)
                 if self.options.verify_checksums and isinstance(buffer, mmap.mmap) else None)
        if index is not None:
            for position in range(segment.start, segment.stop):
                if position not in segment.skip:
                    yield index.sample(buffer, position)
            return
        # Views of a mapped file cost nothing to keep; views of a downloaded shard would keep the whole shard in
        # memory while any of its samples waits in the shuffle buffer: copy those members out.
        copy_members = not isinstance(buffer, mmap.mmap)
        position, last_member = 0, None

        def members() -> Iterator[dict[str, Any]]:
            nonlocal last_member
            for member in tar_members(buffer, path, copy=copy_members):
                last_member = member["fname"]
                yield member

        try:
            for raw in wds.tariterators.group_by_keys(members()):
                if position >= segment.stop:
                    break
                if position >= segment.start and position not in segment.skip:
                    raw["__shard__"] = str(path)
                    yield raw
                position += 1
        except (tarfile.TarError, OSError, ValueError, EOFError) as exc:
            where = (f"after sample key {last_member.split('.', 1)[0]} (member {last_member})" if last_member
                     else "before its first sample")
            raise DataError(f"{path}: corrupt or truncated tar {where}: {exc}") from exc
        if position < segment.stop:
            raise DataError(f"{path}: ends after {position} samples; the manifest says {segment.shard.count}")

    def _raw_samples(self, plan: StreamPlan) -> Iterator[dict[str, Any]]:
        for segment in plan.segments:
            read = 0
            try:
                for raw in self._read_segment(segment):
                    read += 1
                    yield raw
            except DataError as exc:
                # Only bad bytes are skipped: a store that cannot be reached (or refuses) stops the run, else an
                # expired credential would quietly train on refills of the last samples for hours.
                if self.options.bad_samples != "skip" or isinstance(exc, StoreError):
                    raise
                lost = segment.count - read
                log.warning("skipping %d sample(s): %s", lost, exc)
                yield {"__skipped__": lost}

    def _shuffled(self, raw: Iterator[dict[str, Any]], epoch: int, stream_id: int,
                  seed_key: tuple[int, ...] = ()) -> Iterator[dict[str, Any]]:
        if not self.train:
            return raw
        return shuffle_stream(raw, buffer=self.options.shuffle_buffer, seed=self.options.seed, epoch=epoch,
                              stream_id=stream_id, seed_key=seed_key)

    # -- decoded, validated samples and batches ----------------------------------------------------

    def _decode(self, raw: dict[str, Any]) -> Sample:
        shard, key = raw["__shard__"], raw["__key__"]
        try:
            sample = decode_sample(raw, self.schema.names)
        except (KeyError, ValueError) as exc:
            raise DataError(f"{shard}: sample key {key}: {exc}") from exc
        problems = sample.problems(self.schema)
        if sample_key(sample.index) != key:
            problems.append(f"its index {sample.index} does not match its key")
        if problems:
            raise DataError(f"{shard}: sample key {key} (id {sample.id!r}): {'; '.join(problems)}")
        return sample

    def _valid_samples(self, raw_iter: Iterator[dict[str, Any]]) -> Iterator[Sample | _SkippedSamples]:
        for raw in raw_iter:
            if isinstance(raw, Sample):  # from a shard index: validated when the index was built
                yield raw
                continue
            if "__skipped__" in raw:
                yield _SkippedSamples(raw["__skipped__"])
                continue
            try:
                yield self._decode(raw)
            except DataError as exc:
                if self.options.bad_samples != "skip":
                    raise
                log.warning("skipping bad sample: %s", exc)
                yield _SkippedSamples(1)

    def _stream_batches(self, plan: StreamPlan, epoch: int, stream_id: int, skip_batches: int) -> Iterator[Batch]:
        sizes = plan.sizes(self.options.batch_size)
        raw = self._shuffled(self._raw_samples(plan), epoch, stream_id, plan.seed_key)
        if skip_batches and self.options.bad_samples == "error":
            # Every sample is valid or raises, so the order is known without decoding: skip raw samples.
            for _ in range(sum(sizes[:skip_batches])):
                next(raw, None)
            emitted, to_drop = skip_batches, 0
        else:
            emitted, to_drop = 0, skip_batches
        total_batches = len(sizes)
        pending: list[Sample] = []
        pending_mask: list[bool] = []
        skipped = 0
        recent: collections.deque[Sample] = collections.deque(maxlen=self.options.batch_size)

        def flush() -> Batch | None:
            nonlocal pending, pending_mask, skipped, to_drop
            batch = None
            if to_drop:
                to_drop -= 1
            else:
                batch = collate(pending, pending_mask, self.schema, self.options.pad_to_max_len, skipped, self._blocks)
                skipped = 0
            pending, pending_mask = [], []
            return batch

        for item in self._valid_samples(raw):
            if isinstance(item, _SkippedSamples):
                skipped += item.count
                continue
            pending.append(item)
            pending_mask.append(True)
            recent.append(item)
            if emitted < total_batches and len(pending) == sizes[emitted]:
                batch = flush()
                emitted += 1
                if batch is not None:
                    yield batch
        # Fill what the stream still owes: padding (evaluation), or refills for skipped samples (training).
        while emitted < total_batches:
            while len(pending) < sizes[emitted]:
                if self.train:
                    if not recent:
                        raise DataError(f"stream {stream_id} of epoch {epoch} has no valid sample to refill with")
                    pending.append(recent[len(pending) % len(recent)])
                    pending_mask.append(True)
                else:
                    pending.append(self._padding_sample(plan, recent))
                    pending_mask.append(False)
            batch = flush()
            emitted += 1
            if batch is not None:
                yield batch

    def _padding_sample(self, plan: StreamPlan, recent: collections.deque) -> Sample:
        """A masked stand-in with valid shapes: a recent sample, or the split's first sample."""
        if recent:
            return recent[-1]
        first = Segment(self.shards[0], 0, 1)
        return next(s for s in self._valid_samples(self._read_segment(first)) if isinstance(s, Sample))


# --------------------------------------------------------------------------------------------------
# The loader


class StreamingLoader:
    """One split of a shard directory, as this rank's batches for any (epoch, start step)."""

    def __init__(self, shard_dir: str | os.PathLike | ShardStore, split: str, options: LoaderOptions, *,
                 rank: int = 0, world_size: int = 1, train: bool = True, modalities: list[str] | None = None):
        if options.bad_samples not in BAD_SAMPLE_POLICIES:
            raise ValueError(f"bad_samples must be one of {BAD_SAMPLE_POLICIES}, got {options.bad_samples!r}")
        if not 0 <= rank < world_size:
            raise ValueError(f"rank {rank} outside [0, {world_size})")
        self.store = as_store(shard_dir)
        self.manifest = load_manifest(self.store)
        schema = self.manifest.schema
        self.schema = schema.select(modalities) if modalities else schema
        self.split = split
        self.options = options
        self.train = train
        self.world_size = world_size
        self.dataset = ShardStreamDataset(self.store, self.manifest, split, self.schema, options=options,
                                          rank=rank, world_size=world_size, train=train)
        workers = options.num_workers
        self._loader = DataLoader(
            self.dataset,
            batch_size=None,
            num_workers=workers,
            pin_memory=options.pin_memory,
            persistent_workers=workers > 0,
            prefetch_factor=options.prefetch_factor if workers > 0 else None,
            multiprocessing_context="fork" if workers > 0 else None,
            # Its own generator: drawing worker seeds must not consume the global RNG (exact resume).
            generator=torch.Generator(),
        )

    @property
    def batches_per_epoch(self) -> int:
        """Batches each rank yields per epoch (the same on every rank)."""
        return self.dataset.batches_per_stream() * self.dataset.workers_per_rank

    @property
    def samples_per_epoch(self) -> int:
        """Real samples all ranks together see per epoch (training drops the remainder)."""
        plans = self.dataset.plans(0)
        return sum(p.num_real for p in plans)

    def epoch(self, epoch: int, start_step: int = 0) -> Iterator[Batch]:
        """This rank's batches of ``epoch``, starting at batch ``start_step`` (for exact resume)."""
        batches = self.dataset.rank_batches(epoch)
        if not 0 <= start_step <= batches:
            raise ValueError(f"start_step {start_step} outside [0, {batches}]")
        if start_step == batches:
            return iter(())
        self.dataset.set_position(epoch, start_step)
        if self.options.num_workers and getattr(self._loader, "_iterator", None) is None:
            # The workers are about to be forked: collect garbage here first, where the finalizers of remote
            # filesystems (storage.py) can still close their sessions; in a worker they would stall.
            gc.collect()
        return _with_heartbeat(iter(self._loader))

    def continue_pass(self, epoch: int, plans: list[StreamPlan]) -> None:
        """Read ``plans`` for ``epoch`` instead of its own (the rest of a pass begun on another layout,
        data/elastic.py). Call it before the first ``epoch()``: persistent workers keep the dataset they
        were forked with."""
        if self._loader._iterator is not None:
            raise RuntimeError("continue_pass after the loader's workers have started")
        self.dataset.continued = (epoch, plans)

    def close(self) -> None:
        """Stop the persistent worker processes now (else they stop when the loader is garbage collected,
        which waits on workers still busy with an epoch that was abandoned, say after an error)."""
        iterator = getattr(self._loader, "_iterator", None)
        if iterator is not None and hasattr(iterator, "_shutdown_workers"):
            iterator._shutdown_workers()
        self._loader._iterator = None

    def state(self, epoch: int, step: int) -> dict[str, Any]:
        """What a checkpoint records to resume this loader at ``(epoch, step)``."""
        return {"epoch": epoch, "step": step, "world_size": self.world_size,
                "num_workers": self.dataset.workers_per_rank, "batch_size": self.options.batch_size,
                "seed": self.options.seed, "split": self.split}

    def check_resumable(self, state: dict[str, Any]) -> None:
        """Raise unless ``state`` was saved with the batches, workers, seed and split this loader has. The
        world size may differ: the rest of a pass then goes through ``continue_pass``."""
        current = self.state(state["epoch"], state["step"])
        changed = {k: (state.get(k), v) for k, v in current.items() if state.get(k) != v and k != "world_size"}
        if changed:
            raise ValueError(f"cannot resume the data position exactly: changed since the checkpoint {changed}")


def _with_heartbeat(batches: Iterator[Batch]) -> Iterator[Batch]:
    """Each batch tells the process's watchdog (distributed.heartbeat) that training makes progress."""
    for batch in batches:
        heartbeat()
        yield batch


def check_training_batches(data, manifest: Manifest, world_size: int) -> None:
    """Before any process group: the training split must give every stream (rank x loader worker) one full
    batch an epoch. ValueError otherwise, naming the split, its samples, the batch size and world size."""
    split = data.train_split
    total = manifest.split(split).num_samples
    workers = max(1, data.num_workers)
    streams = world_size * workers
    if total < streams * data.batch_size:
        fits = total // streams
        lower = f"lower data.batch_size to at most {fits}" if fits else "use fewer ranks"
        raise ValueError(
            f"data.batch_size={data.batch_size} is too large for the training split {split!r}: its {total} samples "
            f"over world size {world_size} x {workers} loader worker(s) per rank leave {fits} per stream, fewer "
            f"than one batch; {lower}" + (" or data.num_workers" if workers > 1 else ""))


def shard_store(data) -> ShardStore:
    """The shard store of the validated ``DataConfig`` ``data``: its shard directory and local cache."""
    limit = None if data.cache_max_gb is None else int(data.cache_max_gb * 2**30)
    return ShardStore(data.shard_dir, cache_dir=data.cache_dir, cache_max_bytes=limit, retry_for_s=data.retry_for_s)


def make_loader(data, split: str, *, rank: int, world_size: int, train: bool, seed: int) -> StreamingLoader:
    """A StreamingLoader for ``split`` from the validated ``DataConfig`` ``data``."""
    pin_memory = torch.cuda.is_available() if data.pin_memory == "auto" else bool(data.pin_memory)
    options = LoaderOptions(
        batch_size=data.batch_size if train else (data.eval_batch_size or data.batch_size),
        num_workers=data.num_workers, shuffle_buffer=data.shuffle_buffer, pad_to_max_len=data.pad_to_max_len,
        bad_samples=data.bad_samples, verify_checksums=data.verify_checksums, seed=seed,
        prefetch_factor=data.prefetch_factor, pin_memory=pin_memory,
    )
    return StreamingLoader(shard_store(data), split, options, rank=rank, world_size=world_size, train=train,
                           modalities=data.modalities)


def iter_split_samples(shard_dir: str | os.PathLike | ShardStore, split: str, *,
                       bad_samples: str = "error") -> Iterator[Sample]:
    """Every decoded, validated sample of a split in shard order (for inspection, tools and tests). The
    samples own their arrays (the loader's are views of the mapped shard): a caller may keep them while the
    shards are rewritten."""
    store = as_store(shard_dir)
    manifest = load_manifest(store)
    dataset = ShardStreamDataset(store, manifest, split, manifest.schema, rank=0, world_size=1, train=False,
                                 options=LoaderOptions(batch_size=1, num_workers=0, bad_samples=bad_samples))
    plan = dataset.plans(0)[0]
    for item in dataset._valid_samples(dataset._raw_samples(plan)):
        if isinstance(item, Sample):
            item.features = {name: values.copy() for name, values in item.features.items()}
            yield item


def split_labels(shard_dir: str | os.PathLike | ShardStore, split: str, *, bad_samples: str = "error") -> tuple[torch.Tensor,
                                                                                                   torch.Tensor, int]:
    """Every label of a split by position (global index minus the split's first index), for objectives
    that keep per-sample state: ``(labels_N, present_N, index_offset)``; ``present_N`` is False where a
    sample was skipped as bad (``bad_samples="skip"``)."""
    store = as_store(shard_dir)
    info = load_manifest(store).splits[split]
    labels_N = torch.zeros(info.num_samples, dtype=torch.float32)
    present_N = torch.zeros(info.num_samples, dtype=torch.bool)
    for sample in iter_split_samples(store, split, bad_samples=bad_samples):
        row = sample.index - info.index_offset
        if not 0 <= row < info.num_samples or present_N[row]:
            raise DataError(f"{shard_dir}: split {split!r}: sample {sample.id!r} has index {sample.index}, outside "
                            f"[{info.index_offset}, {info.index_offset + info.num_samples}) or seen twice")
        labels_N[row], present_N[row] = sample.label, True
    return labels_N, present_N, info.index_offset
