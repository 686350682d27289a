"""Batches: what a training step takes (``Batch``), how decoded samples become one (``collate``), and how a
batch crosses from a loader worker to its rank.

The padded tensors of a collated batch (values, masks) are views of one block of memory; in a loader worker
that block is shared memory, so the batch crosses to the main process as one file descriptor, not one per
tensor (its small per-sample fields travel inline, by value). Fresh shared
memory is costly: the kernel allocates, zeroes and maps each page on first touch, about 55 times the cost
of writing the same bytes again on a 2-core VM (7.4 against 0.13 ms for a MOSEI batch of 64;
docs/performance.md). So each worker keeps a few blocks (``BlockPool``) and reuses one only once the main
process holds no tensor of the batch it carried: the main process watches each block it receives (a weak
reference to its storage) and clears that block's flag, in an array the worker shares, when the last tensor
goes. A block is never written while the main process can still read it; when no block is free, a fresh
one is used, as if there were no pool.

This module must not know about shards, plans or the loader's policies (loader.py).
"""

from __future__ import annotations

import functools
import itertools
import math
import multiprocessing
import os
import threading
import weakref
from dataclasses import dataclass, field, fields
from typing import Any, Iterator

import numpy as np
import torch
from torch.multiprocessing.reductions import StorageWeakRef
from torch.utils.data import get_worker_info

from ..schema import DatasetSchema, ModalityKind, Sample


@dataclass
class Batch:
    """A collated batch. Token modalities are int64 ids padded with 0; features keep the shard dtype
    (float16 or float32) so host-to-device copies stay small: cast on the device."""

    index: torch.Tensor  # (B,) int64 global sample index
    label: torch.Tensor  # (B,) float32
    sample_mask: torch.Tensor  # (B,) bool, False for evaluation padding
    values: dict[str, torch.Tensor]  # tokens (B, L); sequence (B, T, D); vector (B, D)
    lengths: dict[str, torch.Tensor]  # (B,) int64 true lengths (1 for vectors)
    masks: dict[str, torch.Tensor]  # (B, L or T) bool, True on valid positions (absent for vectors)
    modality_labels: dict[str, torch.Tensor]  # (B,) float32 per-modality labels, when the dataset has them
    ids: list[str] = field(default_factory=list)
    num_skipped: int = 0  # bad samples skipped (skip policy) since the previous batch

    @property
    def size(self) -> int:
        return int(self.index.shape[0])

    def _map(self, fn) -> "Batch":
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, torch.Tensor):
                value = fn(value)
            elif isinstance(value, dict):
                value = {k: fn(v) for k, v in value.items()}
            out[f.name] = value
        return Batch(**out)

    def _tensors(self) -> Iterator[tuple[str, str | None, torch.Tensor]]:
        """``(field, key or None, tensor)`` for every tensor of the batch."""
        for f in fields(self):
            value = getattr(self, f.name)
            if isinstance(value, torch.Tensor):
                yield f.name, None, value
            elif isinstance(value, dict):
                for key, tensor in value.items():
                    yield f.name, key, tensor

    def __reduce__(self):
        # From a loader worker: the padded tensors (values, masks), which collate() puts in one block, go as that
        # block and where each lies in it: one file descriptor handshake (measured: bench/loader_peers.py). The
        # per-sample fields (1-D: indices, labels, lengths) go inline, so that keeping a batch's labels (as
        # evaluation does) does not keep its block and a descriptor; they are too small to fill the pipe.
        inline, padded = [], []
        for name, key, tensor in self._tensors():
            (inline if tensor.dim() == 1 and tensor.device.type == "cpu" else padded).append((name, key, tensor))
        storage = padded[0][2].untyped_storage() if padded else None
        if storage is None or any(t.untyped_storage()._cdata != storage._cdata for _, _, t in padded):
            return _rebuild_batch_fields, ({f.name: getattr(self, f.name) for f in fields(self)},)
        # The block travels as a byte tensor over all of it: a bare storage does not survive plain pickling.
        block = torch.empty(0, dtype=torch.uint8).set_(storage)
        layout = tuple((name, key, t.dtype, t.storage_offset(), tuple(t.shape), t.stride()) for name, key, t in padded)
        arrays = tuple((name, key, t.numpy()) for name, key, t in inline)
        return _rebuild_batch, (block, layout, arrays, self.ids, self.num_skipped, getattr(self, "_pool_flag", None))

    def pin_memory(self) -> "Batch":
        return self._map(lambda t: t.pin_memory())

    def to(self, device: torch.device | str, non_blocking: bool = True) -> "Batch":
        return self._map(lambda t: t.to(device, non_blocking=non_blocking))


def _rebuild_batch(block: torch.Tensor, layout: tuple, arrays: tuple, ids: list[str], num_skipped: int,
                   pool_flag: tuple[Any, int] | None) -> Batch:
    state: dict[str, Any] = {name: {} for name in DICT_FIELDS}
    state.update(ids=ids, num_skipped=num_skipped)
    storage = block.untyped_storage()
    tensors = [(name, key, torch.empty(0, dtype=dtype).set_(storage, offset, shape, stride))
               for name, key, dtype, offset, shape, stride in layout]
    tensors += [(name, key, torch.from_numpy(array)) for name, key, array in arrays]
    for name, key, tensor in tensors:
        if key is None:
            state[name] = tensor
        else:
            state[name][key] = tensor
    _watch_block(pool_flag, storage)
    return Batch(**state)


def _rebuild_batch_fields(state: dict[str, Any]) -> Batch:
    return Batch(**state)


DICT_FIELDS = ("values", "lengths", "masks", "modality_labels")


# --------------------------------------------------------------------------------------------------
# Shared-memory blocks a loader worker reuses


BLOCK_ALIGN = 64  # bytes: every tensor of a batch's block starts on its own cache line
BLOCK_HEADROOM = 1.125  # a block is made this much larger than asked, so a batch a little wider reuses it
_token_counter = itertools.count()
_pools: weakref.WeakValueDictionary = weakref.WeakValueDictionary()  # token -> BlockPool, in every process
_watched: list[tuple[Any, int, StorageWeakRef]] = []  # main process: (token, flag, the storage it received)
_watched_lock = threading.Lock()  # the pin-memory thread may unpickle batches


class BlockPool:
    """Up to ``slots`` reusable shared-memory blocks in each of a loader's ``workers``. Made in the main process
    before the workers fork, so that its flags live in memory the workers share with it.

    A flag belongs to one block for as long as the main process may hold a tensor of that block's last
    batch (1), and only the main process clears it (``_watch_block``). When every block a worker keeps is
    held (a rank that keeps batches), the longest-held one leaves the pool to the main process, and a new
    block takes a free flag; when no flag is free either, a fresh block goes out unpooled."""

    FLAGS_PER_SLOT = 4

    def __init__(self, workers: int, slots: int):
        self.slots = slots
        self.flags_per_worker = slots * self.FLAGS_PER_SLOT
        context = multiprocessing.get_context("fork")
        self.in_use = context.Array("b", max(1, workers) * self.flags_per_worker, lock=False)
        self.reused = context.Array("q", max(1, workers), lock=False)  # per worker: batches in a reused block
        self.token = (os.getpid(), next(_token_counter))
        self._blocks: dict[int, torch.UntypedStorage] = {}  # flag -> block, least recently sent first; per worker
        _pools[self.token] = self

    def block(self, nbytes: int) -> tuple[torch.UntypedStorage, int | None]:
        """A zeroed block of at least ``nbytes`` and its flag (None: a fresh block outside the pool), marked
        as held by the main process."""
        info = get_worker_info()
        if info is None:
            return torch.zeros(nbytes, dtype=torch.uint8).untyped_storage(), None
        for flag, block in self._blocks.items():
            if not self.in_use[flag] and block.nbytes() >= nbytes:
                self._blocks[flag] = self._blocks.pop(flag)  # most recently sent last
                self.in_use[flag] = 1
                self.reused[info.id] += 1
                torch.empty(0, dtype=torch.uint8).set_(block, 0, (nbytes,)).zero_()
                return block, flag
        if len(self._blocks) >= self.slots:  # make room: a free block too small, else the longest held
            free = [flag for flag in self._blocks if not self.in_use[flag]]
            del self._blocks[free[0] if free else next(iter(self._blocks))]
        first = info.id * self.flags_per_worker
        flag = next((f for f in range(first, first + self.flags_per_worker)
                     if not self.in_use[f] and f not in self._blocks), None)
        if flag is None:
            return torch.UntypedStorage._new_shared(max(nbytes, 1)), None
        # Fresh shared memory reads as zeros; a little larger than asked, so a slightly wider batch reuses it.
        self._blocks[flag] = block = torch.UntypedStorage._new_shared(max(1, int(nbytes * BLOCK_HEADROOM)))
        self.in_use[flag] = 1
        return block, flag


def _watch_block(pool_flag: tuple[Any, int] | None, storage: torch.UntypedStorage) -> None:
    """In the main process, for every batch received: clear the flags of blocks whose batches are gone, then
    watch this batch's block if it is a pooled one."""
    with _watched_lock:
        still = []
        for token, flag, reference in _watched:
            if reference.expired():
                pool = _pools.get(token)
                if pool is not None:
                    pool.in_use[flag] = 0
            else:
                still.append((token, flag, reference))
        if pool_flag is not None and pool_flag[0] in _pools:
            still.append((*pool_flag, StorageWeakRef(storage)))
        _watched[:] = still


# --------------------------------------------------------------------------------------------------
# Collation


@functools.lru_cache(maxsize=None)
def _torch_dtype(dtype: np.dtype) -> torch.dtype:
    return torch.from_numpy(np.empty(0, dtype=dtype)).dtype


def _block_tensors(specs: list[tuple[tuple[int, ...], torch.dtype]],
                   pool: BlockPool | None) -> tuple[list[torch.Tensor], tuple[Any, int] | None]:
    """Zero tensors of the given shapes and dtypes, all views of one block (see the module docstring), and
    the block's pool flag."""
    offsets, total = [], 0
    for shape, dtype in specs:
        total = -(-total // BLOCK_ALIGN) * BLOCK_ALIGN
        offsets.append(total)
        total += math.prod(shape) * dtype.itemsize
    if pool is not None:
        storage, flag = pool.block(total)
        pool_flag = None if flag is None else (pool.token, flag)
    elif get_worker_info() is not None:
        storage, pool_flag = torch.UntypedStorage._new_shared(max(total, 1)), None
    else:
        storage, pool_flag = torch.zeros(total, dtype=torch.uint8).untyped_storage(), None
    tensors = [torch.empty(0, dtype=dtype).set_(storage, offset // dtype.itemsize, shape)
               for (shape, dtype), offset in zip(specs, offsets)]
    return tensors, pool_flag


def collate(samples: list[Sample], mask: list[bool], schema: DatasetSchema, pad_to_max_len: bool,
            num_skipped: int = 0, pool: BlockPool | None = None) -> Batch:
    """Pad and stack decoded samples into a Batch (numpy fills). Its padded tensors (values, masks) share one
    block of memory, in a loader worker a block of ``pool`` when given; the per-sample fields are small
    tensors of their own."""
    size = len(samples)
    specs: list[tuple[tuple[int, ...], torch.dtype]] = []
    fills = []  # per modality: (name, arrays, lengths or None for vectors)
    for spec in schema.modalities:
        arrays = [s.features[spec.name] for s in samples]
        # Native byte order: the copy into the batch swaps the bytes of a big-endian array.
        dtype = torch.int64 if spec.kind is ModalityKind.TOKENS else _torch_dtype(arrays[0].dtype.newbyteorder("="))
        if spec.kind is ModalityKind.VECTOR:
            specs.append(((size, spec.dim), dtype))
            fills.append((spec.name, arrays, None))
            continue
        seq_lengths = np.fromiter((a.shape[0] for a in arrays), dtype=np.int64, count=size)
        width = spec.max_len if pad_to_max_len else int(seq_lengths.max())
        specs += [((size, width) if spec.kind is ModalityKind.TOKENS else (size, width, spec.dim), dtype),
                  ((size, width), torch.bool)]
        fills.append((spec.name, arrays, seq_lengths))
    block_tensors, pool_flag = _block_tensors(specs, pool)
    try:
        tensors = iter(block_tensors)
        values, lengths, masks = {}, {}, {}
        for name, arrays, seq_lengths in fills:
            values[name] = next(tensors)
            if seq_lengths is None:
                np.stack(arrays, out=values[name].numpy())
                lengths[name] = torch.ones(size, dtype=torch.int64)
                continue
            padded = values[name].numpy()
            for row, array in enumerate(arrays):
                padded[row, : array.shape[0]] = array
            lengths[name] = torch.from_numpy(seq_lengths)
            masks[name] = next(tensors)
            np.less(np.arange(padded.shape[1])[None, :], seq_lengths[:, None], out=masks[name].numpy())
        batch = Batch(
            index=torch.tensor([s.index for s in samples], dtype=torch.int64),
            label=torch.tensor([s.label for s in samples], dtype=torch.float32),
            sample_mask=torch.tensor(mask, dtype=torch.bool), values=values, lengths=lengths, masks=masks,
            modality_labels={name: torch.tensor([s.modality_labels[name] for s in samples], dtype=torch.float32)
                             for name in schema.modality_labels},
            ids=[s.id for s in samples], num_skipped=num_skipped)
    except BaseException:
        if pool_flag is not None:  # the block never left the worker: free for the next batch
            pool.in_use[pool_flag[1]] = 0
        raise
    if pool_flag is not None:
        batch._pool_flag = pool_flag  # not a field: a batch mapped to pinned or device memory leaves the block
    return batch


def concat_batches(batches: list[Batch]) -> Batch:
    """One batch holding the rows of ``batches`` in order; padded fields are padded to the longest."""
    first = batches[0]

    def cat(tensors: list[torch.Tensor]) -> torch.Tensor:
        if tensors[0].dim() > 1:
            width = max(t.shape[1] for t in tensors)
            # Pad dim 1 (tokens, time steps, mask positions) with zeros / False.
            tensors = [torch.nn.functional.pad(t, (0, 0) * (t.dim() - 2) + (0, width - t.shape[1])) for t in tensors]
        return torch.cat(tensors)

    return Batch(
        index=cat([b.index for b in batches]), label=cat([b.label for b in batches]),
        sample_mask=cat([b.sample_mask for b in batches]),
        values={k: cat([b.values[k] for b in batches]) for k in first.values},
        lengths={k: cat([b.lengths[k] for b in batches]) for k in first.lengths},
        masks={k: cat([b.masks[k] for b in batches]) for k in first.masks},
        modality_labels={k: cat([b.modality_labels[k] for b in batches]) for k in first.modality_labels},
        ids=[i for b in batches for i in b.ids], num_skipped=sum(b.num_skipped for b in batches))
