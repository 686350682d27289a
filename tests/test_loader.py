"""The streaming loader on simulated ranks with real DataLoader workers."""

from __future__ import annotations

import collections

import numpy as np
import pytest

from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader, iter_split_samples, plan_epoch
from dist_mmfuse.manifest import load_manifest

from .conftest import SMALL_MAX_FRAMES

WORLD, WORKERS, BATCH = 2, 2, 10


def rank_loaders(shards, *, train=True, workers=WORKERS, batch=BATCH, seed=0, **kwargs):
    options = LoaderOptions(batch_size=batch, num_workers=workers, shuffle_buffer=30, seed=seed, **kwargs)
    return [StreamingLoader(shards, "train" if train else "valid", options, rank=r, world_size=WORLD, train=train)
            for r in range(WORLD)]


def epoch_indices(loaders, epoch, start_step=0):
    return [[b.index.tolist() for b in loader.epoch(epoch, start_step)] for loader in loaders]


def test_training_epoch_covers_every_sample_once_with_equal_batches(small_shards):
    loaders = rank_loaders(small_shards)
    for epoch in (0, 1):
        per_rank = epoch_indices(loaders, epoch)
        assert [len(batches) for batches in per_rank] == [loaders[0].batches_per_epoch] * WORLD == [10, 10]
        assert all(len(b) == BATCH for batches in per_rank for b in batches)
        seen = collections.Counter(i for batches in per_rank for b in batches for i in b)
        assert sorted(seen) == list(range(200)) and set(seen.values()) == {1}


def test_order_repeats_for_same_seed_and_epoch_and_changes_otherwise(small_shards):
    first = epoch_indices(rank_loaders(small_shards), 0)
    again = epoch_indices(rank_loaders(small_shards), 0)
    assert first == again
    assert epoch_indices(rank_loaders(small_shards), 1) != first
    assert epoch_indices(rank_loaders(small_shards, seed=1), 0) != first


@pytest.mark.parametrize("workers", [0, 2, 3])
def test_restart_yields_exactly_the_remaining_batches(small_shards, workers):
    options = LoaderOptions(batch_size=8, num_workers=workers, shuffle_buffer=25, seed=4)
    loader = StreamingLoader(small_shards, "train", options, rank=1, world_size=2)
    full = [b for b in loader.epoch(2)]
    for start in range(0, len(full) + 1):
        resumed = list(loader.epoch(2, start_step=start))
        assert [b.index.tolist() for b in resumed] == [b.index.tolist() for b in full[start:]]
    np.testing.assert_array_equal(resumed_tensor(loader, 2, 3), full[3].values["audio"].numpy())
    state = loader.state(2, 3)
    loader.check_resumable(state)
    loader.check_resumable({**state, "world_size": 4})  # the trainer plans the rest of the pass (elastic.py)
    with pytest.raises(ValueError, match="num_workers"):
        loader.check_resumable({**state, "num_workers": 4})


def resumed_tensor(loader, epoch, step):
    return next(iter(loader.epoch(epoch, step))).values["audio"].numpy()


def test_evaluation_sees_each_sample_exactly_once_across_ranks(small_shards):
    loaders = rank_loaders(small_shards, train=False, batch=4)
    batches = [list(loader.epoch(0)) for loader in loaders]
    assert len(batches[0]) == len(batches[1]) == loaders[0].batches_per_epoch
    assert [b.size for b in batches[0]] == [b.size for b in batches[1]]
    seen = collections.Counter(i for rank in batches for b in rank for i in b.index[b.sample_mask].tolist())
    assert sorted(seen) == list(range(200, 247)) and set(seen.values()) == {1}
    padding = sum(int((~b.sample_mask).sum()) for rank in batches for b in rank)
    assert padding == 48 - 47  # 4 streams of ceil(47 / 4) = 12


def test_collation_lengths_masks_and_values(small_shards):
    options = LoaderOptions(batch_size=6, num_workers=0)
    loader = StreamingLoader(small_shards, "valid", options, train=False)
    batch = next(iter(loader.epoch(0)))
    samples = list(iter_split_samples(small_shards, "valid"))[:6]
    for row, sample in enumerate(samples):
        for name in ("text", "audio", "vision"):
            length = len(sample.features[name])
            assert batch.lengths[name][row] == length
            assert batch.masks[name][row].sum() == length and batch.masks[name][row, :length].all()
            np.testing.assert_array_equal(batch.values[name][row, :length].numpy(), sample.features[name])
            assert not batch.values[name][row, length:].any()
    assert batch.values["text"].dtype.is_floating_point is False
    fixed = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=6, num_workers=0, pad_to_max_len=True),
                            train=False)
    assert next(iter(fixed.epoch(0))).values["audio"].shape == (6, SMALL_MAX_FRAMES, 5)  # the schema's max_len
    subset = StreamingLoader(small_shards, "valid", options, train=False, modalities=["text", "vision"])
    assert set(next(iter(subset.epoch(0))).values) == {"text", "vision"}


def test_plan_cuts_equal_streams_and_reports_too_small_splits(small_shards):
    shards = load_manifest(small_shards).splits["train"].shards
    plans = plan_epoch(shards, num_streams=3, batch_size=7, epoch=0, seed=0, train=True)
    assert {p.length for p in plans} == {63} and all(p.num_padding == 0 for p in plans)
    covered = [(s.shard.name, i) for p in plans for s in p.segments for i in range(s.start, s.stop)]
    assert len(covered) == len(set(covered)) == 189
    with pytest.raises(ValueError, match="cannot give one full batch of 64 to each of 4 streams"):
        plan_epoch(shards, num_streams=4, batch_size=64, epoch=0, seed=0, train=True)


def test_concat_batches_pads_to_the_longest_and_keeps_every_row(small_shards):
    from dist_mmfuse.data.batch import collate, concat_batches

    schema = load_manifest(small_shards).schema
    samples = list(iter_split_samples(small_shards, "valid"))[:7]
    parts = [collate(samples[:3], [True] * 3, schema, False), collate(samples[3:], [True, True, True, False],
                                                                      schema, False)]
    assert any(parts[0].values[n].shape[1:] != parts[1].values[n].shape[1:] for n in parts[0].masks)  # padding runs
    joined = concat_batches(parts)
    whole = collate(samples, [True] * 6 + [False], schema, False)
    assert joined.ids == whole.ids and joined.index.tolist() == whole.index.tolist()
    assert joined.sample_mask.tolist() == whole.sample_mask.tolist()
    for name in whole.values:
        # Padding widths are the longest of the batches, and the padded values agree with one collation.
        assert joined.values[name].shape == whole.values[name].shape, name
        assert (joined.values[name] == whole.values[name]).all() and (joined.lengths[name] == whole.lengths[name]).all()
    for name in whole.masks:
        assert (joined.masks[name] == whole.masks[name]).all()


def tar_reference(shards, split):
    """Every sample of ``split`` as WebDataset's own reader decodes the tars: index -> (label, arrays)."""
    import webdataset as wds

    reference = {}
    for tar in sorted(shards.glob(f"{split}-*.tar")):
        for fields in wds.WebDataset(str(tar), shardshuffle=False, empty_check=False).decode():
            meta = fields["json"]
            reference[meta["index"]] = (meta["label"], {m: fields[f"{m}.npy"] for m in ("text", "audio", "vision")})
    return reference


def check_rows(batch, reference):
    """Every row of ``batch`` holds its sample's label and arrays, zeros after them, and matching masks."""
    for row, index in enumerate(batch.index.tolist()):
        label, arrays = reference[index]
        assert batch.label[row].item() == pytest.approx(label)
        for name, array in arrays.items():
            length = len(array)
            assert batch.lengths[name][row] == length
            np.testing.assert_array_equal(batch.values[name][row, :length].numpy(), array)
            assert not batch.values[name][row, length:].any()
            assert batch.masks[name][row, :length].all() and not batch.masks[name][row, length:].any()


def test_worker_batches_stay_intact_while_held_and_their_blocks_are_reused_once_let_go(small_shards):
    """A loader worker reuses the shared memory of a batch the rank no longer holds (data/batch.py): every
    batch is right when it arrives (a reused block is cleared: padding reads as zeros), and the batches the
    rank keeps are never written over by later ones."""
    reference = tar_reference(small_shards, "train")
    loader = StreamingLoader(small_shards, "train", LoaderOptions(batch_size=10, num_workers=2, shuffle_buffer=30,
                                                                  prefetch_factor=2))
    held = []
    for epoch in range(4):
        for number, batch in enumerate(loader.epoch(epoch)):
            check_rows(batch, reference)
            if number % 3 == 0:
                held.append(batch)
    assert len(held) == 28
    for batch in held:
        check_rows(batch, reference)
    assert sum(loader.dataset._blocks.reused) > 20  # 80 batches through 2 x 4 slots, 28 of them kept
    # Every block held at once: the workers go on with fresh blocks, then reuse again once they are let go.
    held = [batch for batch in loader.epoch(4)]
    reused = sum(loader.dataset._blocks.reused)
    held.clear()
    for epoch in (5, 6):
        for batch in loader.epoch(epoch):
            check_rows(batch, reference)
    assert sum(loader.dataset._blocks.reused) >= reused + 30
    # Keeping only the per-sample fields (as evaluation keeps labels) keeps no block: reuse goes on.
    labels = []
    for batch in loader.epoch(7):
        labels.append((batch.index, batch.label))
    reused = sum(loader.dataset._blocks.reused)
    for batch in loader.epoch(8):
        labels.append((batch.index, batch.label))
    assert sum(loader.dataset._blocks.reused) >= reused + 15
    assert all(reference[i][0] == pytest.approx(float(v)) for index, label in labels
               for i, v in zip(index.tolist(), label))
    # A batch from a worker also copies as any object does (deepcopy goes through its __reduce__ and rebuild,
    # as pickling does; no bytes are loaded back here).
    import copy

    batch = next(iter(loader.epoch(9)))
    twin = copy.deepcopy(batch)
    assert twin.index.tolist() == batch.index.tolist()
    assert all(t.untyped_storage().data_ptr() != b.untyped_storage().data_ptr()
               for t, b in zip(twin.values.values(), batch.values.values()))  # a copy, not the same block
    check_rows(twin, reference)
    loader.close()


def test_collation_swaps_big_endian_features_into_native_order(small_shards):
    from dist_mmfuse.data.batch import collate

    manifest = load_manifest(small_shards)
    samples = list(iter_split_samples(small_shards, "valid"))[:4]
    native = collate(samples, [True] * 4, manifest.schema, False)
    for sample in samples:
        sample.features = {name: array.astype(array.dtype.newbyteorder(">")) if array.dtype.kind == "f" else array
                           for name, array in sample.features.items()}
    swapped = collate(samples, [True] * 4, manifest.schema, False)
    for name in native.values:
        assert swapped.values[name].dtype == native.values[name].dtype
        np.testing.assert_array_equal(swapped.values[name].numpy(), native.values[name].numpy())


def test_a_shard_index_gives_the_samples_member_by_member_reading_gives_and_is_bounded(small_shards):
    import mmap

    import webdataset as wds

    from dist_mmfuse.data.codec import decode_sample, tar_members
    from dist_mmfuse.data.shard_index import ShardIndexCache, build_index

    manifest = load_manifest(small_shards)
    schema, shards = manifest.schema, manifest.splits["train"].shards
    buffers = {}
    for shard in shards:
        with open(small_shards / shard.name, "rb") as handle:
            buffers[shard.name] = buffer = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        index = build_index(buffer, shard, schema)
        decoded = [decode_sample(raw, schema.names)
                   for raw in wds.tariterators.group_by_keys(tar_members(buffer, shard.name))]
        assert index.count == len(decoded) == shard.count
        for position, expected in enumerate(decoded):
            sample = index.sample(buffer, position)
            assert (sample.id, sample.index, sample.label) == (expected.id, expected.index, expected.label)
            assert sample.modality_labels == expected.modality_labels
            for name in schema.names:
                np.testing.assert_array_equal(sample.features[name], expected.features[name])
                assert sample.features[name].dtype == expected.features[name].dtype
    # Bounded: once the budget is spent, further shards are not indexed; the first ones stay.
    cache = ShardIndexCache(budget=2 * shards[0].count)
    got = [cache.get(buffers[shard.name], shard, schema) for shard in shards]
    assert [index is not None for index in got] == [True, True] + [False] * (len(shards) - 2)
    assert list(cache._indexes) == [shards[0].sha256, shards[1].sha256] and cache._samples == cache.budget
    assert cache.get(buffers[shards[0].name], shards[0], schema) is got[0]
