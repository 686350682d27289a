"""The rest of a training pass on another layout (elastic resume).

A training pass is planned for one layout, ``world_size x num_workers`` streams of ``batch_size`` batches
(loader.py), and a checkpoint taken mid-pass records how many batches each rank had trained. When the run
resumes with another world size, the samples already trained are found by replaying each old stream's
shuffle buffer over sample positions (its order depends only on how many items enter it, not on what they
hold), and the samples the pass still had to train are planned afresh over the new layout:

* they keep the epoch's shard order and are cut into contiguous streams, one per (rank, loader worker),
  each with its own shuffle buffer, seeded by ``(seed, epoch, stream, level)``;
* every rank gets full micro-batches for as many whole optimizer steps (``world_size x accumulation x
  batch_size`` samples) as the rest holds, then one step of smaller micro-batches, equal on every rank
  (equal sizes keep every rank's collectives and gradient average as they are). Fewer than ``world_size x
  accumulation`` samples can be left over; they are left out of the pass, and said so.

A pass can change layout more than once: each change is one more level of the same construction, replayed
from the pass's start (a list of ``PassLayout``).

Exact when the pass reads every sample it planned: under ``data.bad_samples=skip`` a shard segment that
could not be read at all shortens its stream, which the replay does not know about.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..manifest import ShardInfo
from .loader import Segment, StreamPlan, plan_epoch, shuffle_stream

Key = tuple[int, int]  # (shard number in the split, position in the shard)


@dataclass(frozen=True)
class PassLayout:
    """How one stretch of a pass ran: its layout, and per rank the batches it planned and trained."""

    world_size: int
    workers: int  # loader workers per rank (streams per rank)
    batch_size: int
    accumulation: int
    planned_batches: int
    trained_batches: int

    def same_layout(self, other: "PassLayout") -> bool:
        return (self.world_size, self.workers, self.batch_size, self.accumulation) == \
            (other.world_size, other.workers, other.batch_size, other.accumulation)


@dataclass(frozen=True)
class RestOfPass:
    """The streams of the rest of a pass on the current layout, and what the log says about them."""

    plans: list[StreamPlan]
    remaining: int  # samples the pass still had to train
    full_steps: int  # optimizer steps of full micro-batches
    last_batch: int  # micro-batch size of the one smaller step after them (0: none)
    left_out: int  # samples that fill no equal micro-batch on every rank

    @property
    def steps(self) -> int:
        return self.full_steps + (1 if self.last_batch else 0)


def rest_of_pass(shards: tuple[ShardInfo, ...], *, epoch: int, seed: int, shuffle_buffer: int,
                 history: list[PassLayout], current: PassLayout) -> RestOfPass:
    """The rest of training pass ``epoch`` over ``shards`` on layout ``current``, after the stretches of
    ``history`` (the first one planned by ``plan_epoch``) trained what they did."""
    shard_ids = {shard.name: number for number, shard in enumerate(shards)}
    plans = plan_epoch(shards, num_streams=history[0].world_size * history[0].workers,
                       batch_size=history[0].batch_size, epoch=epoch, seed=seed, train=True)
    # The streams are contiguous cuts of the epoch's sample sequence: joined, they give its order.
    remaining = [key for plan in plans for key in _stream_keys(plan, shard_ids)]
    for level, layout in enumerate(history):
        if level:
            plans = _split(remaining, shards, layout, level).plans
        planned = _trained(plans, layout, layout.planned_batches, shard_ids, shuffle_buffer, seed, epoch)
        trained = _trained(plans, layout, layout.trained_batches, shard_ids, shuffle_buffer, seed, epoch)
        remaining = [key for key in remaining if key in planned and key not in trained]
    return _split(remaining, shards, current, len(history))


def _stream_keys(plan: StreamPlan, shard_ids: dict[str, int]) -> list[Key]:
    """The stream's samples in the order its reader yields them (before the shuffle buffer)."""
    return [(shard_ids[s.shard.name], p) for s in plan.segments for p in range(s.start, s.stop) if p not in s.skip]


def _trained(plans: list[StreamPlan], layout: PassLayout, batches: int, shard_ids: dict[str, int],
             shuffle_buffer: int, seed: int, epoch: int) -> set[Key]:
    """The samples of ``plans`` in each rank's first ``batches`` batches: rank batch ``j`` comes from the
    rank's stream ``j % workers`` (loader.py), so each stream gave a prefix of its shuffled order."""
    done: set[Key] = set()
    for stream_id, plan in enumerate(plans):
        given = len(range(stream_id % layout.workers, batches, layout.workers))
        count = sum(plan.sizes(layout.batch_size)[:given])
        order = shuffle_stream(iter(_stream_keys(plan, shard_ids)), buffer=shuffle_buffer, seed=seed, epoch=epoch,
                               stream_id=stream_id, seed_key=plan.seed_key)
        done.update(itertools.islice(order, count))
    return done


def _split(keys: list[Key], shards: tuple[ShardInfo, ...], layout: PassLayout, level: int) -> RestOfPass:
    """``keys`` (in the epoch's order) as the streams of ``layout``: whole steps of full micro-batches,
    then one step of equal smaller ones (see the module docstring)."""
    per_step = layout.world_size * layout.accumulation  # micro-batches in one optimizer step, all ranks
    full_steps, rest = divmod(len(keys), per_step * layout.batch_size)
    last_batch = rest // per_step
    rank_sizes = [layout.batch_size] * (full_steps * layout.accumulation) + [last_batch] * (
        layout.accumulation if last_batch else 0)
    plans, cursor = [], 0
    for _rank in range(layout.world_size):
        for worker in range(layout.workers):
            sizes = tuple(rank_sizes[worker::layout.workers])
            part = keys[cursor:cursor + sum(sizes)]
            cursor += len(part)
            plans.append(StreamPlan(_segments(part, shards), len(part), 0, batch_sizes=sizes, seed_key=(level,)))
    return RestOfPass(plans, remaining=len(keys), full_steps=full_steps, last_batch=last_batch,
                      left_out=len(keys) - cursor)


def _segments(keys: list[Key], shards: tuple[ShardInfo, ...]) -> tuple[Segment, ...]:
    """One segment per shard the keys visit, spanning their positions and skipping the others."""
    segments = []
    for shard_id, group in itertools.groupby(keys, key=lambda key: key[0]):
        positions = [position for _, position in group]
        start, stop = min(positions), max(positions) + 1
        segments.append(Segment(shards[shard_id], start, stop, frozenset(range(start, stop)) - frozenset(positions)))
    return tuple(segments)
