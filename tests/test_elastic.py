"""The rest of a pass planned on another layout (data/elastic.py), checked against the real loader: the
samples trained before the change and after it are the pass's planned samples, each exactly once."""

from __future__ import annotations

import collections

import pytest

from dist_mmfuse.data.elastic import PassLayout, rest_of_pass
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader

BATCH, BUFFER, SEED, EPOCH = 16, 24, 3, 5


def loaders(shards, world_size, workers):
    options = LoaderOptions(batch_size=BATCH, num_workers=workers, shuffle_buffer=BUFFER, seed=SEED)
    return [StreamingLoader(shards, "train", options, rank=r, world_size=world_size) for r in range(world_size)]


def layout(world_size, workers, accumulation, planned, trained):
    return PassLayout(world_size=world_size, workers=max(1, workers), batch_size=BATCH, accumulation=accumulation,
                      planned_batches=planned, trained_batches=trained)


def rank_batches(ranks, start=0, stop=None):
    """Each rank's batches' sample indices, from batch ``start`` of the epoch to ``stop``."""
    return [[b.index.tolist() for b in rank.epoch(EPOCH, start)][:None if stop is None else stop - start]
            for rank in ranks]


@pytest.mark.parametrize("old, new, trained_batches", [
    ((2, 1, 1), (1, 1, 1), 3),  # 2 ranks -> 1 (as the 2 -> 1 training runs)
    ((1, 1, 1), (2, 1, 1), 5),  # 1 -> 2, ending with a step of two micro-batches of 8
    ((2, 2, 1), (3, 1, 1), 1),  # loader workers; 160 samples over 3 ranks: 3 steps of 48, then 3 x 5, 1 left out
    ((3, 0, 2), (2, 2, 3), 2),  # accumulation on both sides
], ids=["2to1", "1to2", "2x2to3", "3to2x2"])
def test_the_rest_of_a_pass_trains_every_planned_sample_once(small_shards, old, new, trained_batches):
    (world0, workers0, accumulation0), (world1, workers1, accumulation1) = old, new
    before = loaders(small_shards, world0, workers0)
    planned = before[0].dataset.rank_batches(EPOCH)
    full = rank_batches(before)
    trained = [i for rank in rank_batches(before, 0, trained_batches) for b in rank for i in b]
    history = [layout(world0, workers0, accumulation0, planned, trained_batches)]
    rest = rest_of_pass(before[0].dataset.shards, epoch=EPOCH, seed=SEED, shuffle_buffer=BUFFER, history=history,
                        current=layout(world1, workers1, accumulation1, 0, 0))
    after = loaders(small_shards, world1, workers1)
    for loader in after:
        loader.continue_pass(EPOCH, rest.plans)
    continued = rank_batches(after)
    # Every rank runs the same steps, each of equal micro-batches across ranks.
    assert len({len(batches) for batches in continued}) == 1
    assert len(continued[0]) == rest.steps * accumulation1
    for step in zip(*continued):
        assert len({len(b) for b in step}) == 1
    sizes = [len(b) for b in continued[0]]
    assert sizes == [BATCH] * (rest.full_steps * accumulation1) + [rest.last_batch] * (
        accumulation1 if rest.last_batch else 0)
    seen = collections.Counter(trained + [i for rank in continued for b in rank for i in b])
    epoch_samples = {i for rank in full for b in rank for i in b}
    assert max(seen.values()) == 1 and set(seen) <= epoch_samples
    assert len(epoch_samples) - len(seen) == rest.left_out < world1 * accumulation1
    assert rest.remaining == len(epoch_samples) - len(trained)


def test_a_pass_continued_on_a_third_layout_and_resumed_within_it(small_shards):
    """2 ranks -> 1 (trains part of the rest) -> 3 ranks; within the last layout a restart at a later step
    yields exactly the batches that remain, as the loader's own restarts do."""
    first = loaders(small_shards, 2, 1)
    planned = first[0].dataset.rank_batches(EPOCH)
    trained = [i for rank in rank_batches(first, 0, 2) for b in rank for i in b]
    history = [layout(2, 1, 1, planned, 2)]
    shards = first[0].dataset.shards
    rest = rest_of_pass(shards, epoch=EPOCH, seed=SEED, shuffle_buffer=BUFFER, history=history,
                        current=layout(1, 1, 1, 0, 0))
    second = loaders(small_shards, 1, 1)
    second[0].continue_pass(EPOCH, rest.plans)
    trained += [i for b in rank_batches(second, 0, 3)[0] for i in b]
    history.append(layout(1, 1, 1, rest.steps, 3))
    last = rest_of_pass(shards, epoch=EPOCH, seed=SEED, shuffle_buffer=BUFFER, history=history,
                        current=layout(3, 1, 1, 0, 0))
    third = loaders(small_shards, 3, 1)
    for loader in third:
        loader.continue_pass(EPOCH, last.plans)
    continued = rank_batches(third)
    assert rank_batches(third, 1) == [batches[1:] for batches in continued]
    seen = collections.Counter(trained + [i for rank in continued for b in rank for i in b])
    epoch_samples = {i for rank in rank_batches(first) for b in rank for i in b}
    assert max(seen.values()) == 1 and set(seen) <= epoch_samples
    assert len(epoch_samples) - len(seen) == last.left_out < 3
