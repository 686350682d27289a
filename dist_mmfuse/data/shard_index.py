"""Per-process indexes of verified shards: where each sample's arrays lie in the shard's bytes, with its
JSON decoded and its contents validated, so that later reads of the shard parse no tar header, JSON or
.npy header and validate nothing again.

An index comes only from one complete pass over a shard whose bytes matched the manifest's sha256, in
which every sample decoded and passed the schema's checks; the indexes a process keeps are bounded by the
samples they describe. This module must not read or verify shards (storage.py does) nor decide what a bad sample
means (the loader's policy does): a shard with anything wrong in it is simply not indexed, and the loader
reads it member by member every time, which names the problem where it is.
"""

from __future__ import annotations

import json
import math
import tarfile
from dataclasses import dataclass

import numpy as np
from webdataset.tariterators import base_plus_ext

from ..manifest import ShardInfo
from ..schema import DatasetSchema, Sample
from .codec import META_FIELD, npy_layout, sample_key, tar_entries

# Samples indexed per process, over all cached shards: about 150 bytes each at three modalities (ids, labels,
# an offset and a length per modality), so at most ~40 MB in each loader worker.
INDEX_SAMPLE_BUDGET = 250_000


@dataclass(frozen=True)
class _ArrayColumn:
    """One modality's arrays in one shard: payload offsets and first dimensions, one dtype and trailing shape."""

    offsets: np.ndarray  # (N,) int64: where each payload starts in the shard's bytes
    leading: np.ndarray  # (N,) int64: each array's first dimension (its length for sequences)
    tail: tuple[int, ...]
    dtype: np.dtype


@dataclass(frozen=True)
class ShardIndex:
    """Every sample of one shard, by position, as the loader decodes it (``sample``)."""

    ids: list[str]
    indices: np.ndarray  # (N,) int64 global sample index
    labels: np.ndarray  # (N,) float64
    modality_labels: dict[str, np.ndarray]  # name -> (N,) float64
    columns: dict[str, _ArrayColumn]

    @property
    def count(self) -> int:
        return len(self.ids)

    def sample(self, buffer, position: int) -> Sample:
        """Sample ``position``; its arrays are zero-copy views of ``buffer`` (the shard's mapped bytes)."""
        features = {}
        for name, column in self.columns.items():
            shape = (int(column.leading[position]), *column.tail)
            features[name] = np.frombuffer(buffer, column.dtype, math.prod(shape),
                                           int(column.offsets[position])).reshape(shape)
        return Sample(id=self.ids[position], label=float(self.labels[position]), features=features,
                      modality_labels={name: float(values[position]) for name, values in self.modality_labels.items()},
                      index=int(self.indices[position]))


def build_index(buffer, shard: ShardInfo, schema: DatasetSchema) -> ShardIndex | None:
    """The index of ``shard`` from one pass over all of its verified bytes ``buffer``; None when any member or
    sample is not as the loader expects (then nothing is indexed and the loader names the problem)."""
    names = schema.names
    wanted = {f"{name}.npy": name for name in names}
    view = memoryview(buffer)
    ids: list[str] = []
    indices, labels = [], []
    modality_labels: dict[str, list[float]] = {name: [] for name in schema.modality_labels}
    offsets: dict[str, list[int]] = {name: [] for name in names}
    leading: dict[str, list[int]] = {name: [] for name in names}
    layouts: dict[str, tuple[tuple[int, ...], np.dtype]] = {}

    def add(key: str, members: dict[str, tuple[int, int]]) -> bool:
        if META_FIELD not in members or not set(wanted) <= set(members):
            return False
        start, length = members[META_FIELD]
        meta = json.loads(bytes(view[start:start + length]))
        features, places = {}, {}
        for field_name, name in wanted.items():
            start, length = members[field_name]
            payload, shape, fortran_order, dtype = npy_layout(view[start:start + length])
            if fortran_order or not shape or math.prod(shape) * dtype.itemsize != length - payload:
                return False
            if layouts.setdefault(name, (shape[1:], dtype)) != (shape[1:], dtype):
                return False
            features[name] = np.frombuffer(buffer, dtype, math.prod(shape), start + payload).reshape(shape)
            places[name] = (start + payload, shape[0])
        sample = Sample(id=str(meta["id"]), label=float(meta["label"]), features=features, index=int(meta["index"]),
                        modality_labels={k: float(v) for k, v in meta.get("modality_labels", {}).items()})
        if sample.problems(schema) or sample_key(sample.index) != key:
            return False
        ids.append(sample.id)
        indices.append(sample.index)
        labels.append(sample.label)
        for name in modality_labels:
            modality_labels[name].append(sample.modality_labels[name])
        for name, (offset, first) in places.items():
            offsets[name].append(offset)
            leading[name].append(first)
        return True

    try:
        key, members = None, {}
        for fname, start, length in tar_entries(buffer):
            prefix, suffix = base_plus_ext(fname)
            if prefix is None:
                return None
            if prefix != key:
                if key is not None and not add(key, members):
                    return None
                key, members = prefix, {}
            if suffix in members:
                return None
            members[suffix] = (start, length)
        if key is not None and not add(key, members):
            return None
    except (tarfile.TarError, ValueError, KeyError, TypeError, AttributeError, OSError, EOFError):
        # Bad bytes of any kind: the loader reads this shard member by member, and names what it finds.
        return None
    if len(ids) != shard.count:
        return None
    return ShardIndex(
        ids=ids, indices=np.asarray(indices, dtype=np.int64), labels=np.asarray(labels, dtype=np.float64),
        modality_labels={name: np.asarray(values, dtype=np.float64) for name, values in modality_labels.items()},
        columns={name: _ArrayColumn(np.asarray(offsets[name], dtype=np.int64), np.asarray(leading[name], dtype=np.int64),
                                    layouts[name][0], layouts[name][1]) for name in names})


class ShardIndexCache:
    """The indexes this process has built, by the shard's sha256, describing at most ``budget`` samples in
    all. Once the budget is spent, further shards are not indexed (read member by member, as before): with
    a new shard order every epoch, dropping old indexes for new ones would rebuild one on nearly every read.
    A shard that could not be indexed is remembered too (as None), so it is not passed over again."""

    def __init__(self, budget: int = INDEX_SAMPLE_BUDGET):
        self.budget = budget
        self._indexes: dict[str, ShardIndex | None] = {}
        self._samples = 0

    def get(self, buffer, shard: ShardInfo, schema: DatasetSchema) -> ShardIndex | None:
        if shard.sha256 in self._indexes:
            return self._indexes[shard.sha256]
        if self._samples + shard.count > self.budget:
            return None
        index = build_index(buffer, shard, schema)
        self._indexes[shard.sha256] = index
        self._samples += index.count if index is not None else 0
        return index
