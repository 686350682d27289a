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


# -- through the real entry points (DeepSpeed on CPU, gloo) ------------------------------------------------

# (name, ZeRO stage config, world size saved on, world size resumed on, trainer.elastic, checkpoint tag): the
# tag falls mid-pass, in epoch 1's main pass at 2 ranks (step 8 of 12), its mmilb pass at 1 rank (5 of 24).
# Every stage once and both directions through the universal checkpoint (ZeRO-1 and ZeRO-2 partition the
# optimizer alike), kept to four launcher runs a case for the suite's time.
RUNS = [
    ("zero0_2to1", "zero0_fp32", 2, 1, "follow_world_size", "step00000008"),
    ("zero1_2to1", "zero1_fp32", 2, 1, "keep_global_batch", "step00000008"),
    ("zero2_1to2", "zero2_fp32", 1, 2, "follow_world_size", "step00000005"),
]


def train(config, world_size, *args):
    """launch/train.py on ``world_size`` CPU ranks: the deepspeed launcher for more than one."""
    import subprocess
    import sys
    from pathlib import Path

    from dist_mmfuse.distributed import free_port

    from .conftest import REPO, train_env

    script = [str(REPO / "launch" / "train.py"), "--config", str(config), *map(str, args)]
    command = [sys.executable, *script] if world_size == 1 else \
        [str(Path(sys.executable).parent / "deepspeed"), "--num_gpus", str(world_size), "--master_port",
         str(free_port()), *script]
    result = subprocess.run(command, env=train_env(), capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    return result.stdout


def sample_logs(run_dir):
    """{(epoch, stage): [every index trained in that pass, over all ranks]}, from the run's sample logs."""
    import json

    passes = collections.defaultdict(list)
    for path in sorted((run_dir / "samples").glob("rank*.jsonl")):
        for line in path.read_text().splitlines():
            record = json.loads(line)
            passes[(record["epoch"], record["stage"])] += record["indices"]
    return passes


@pytest.fixture(scope="module")
def elastic_runs(small_shards, tmp_path_factory):
    """Each RUNS case trained one epoch on its first world size with checkpoints every few steps, then
    resumed from its tag on the other; and every tag's weights and optimizer state as loaded on either."""
    from .conftest import REPO, write_train_config
    from .equivalence import launch

    root = tmp_path_factory.mktemp("elastic")
    out = {}
    for name, deepspeed_config, saved, resumed, elastic, tag in RUNS:
        run = root / name
        config = write_train_config(root / f"{name}.yaml", small_shards, run, extra={"trainer": {
            "epochs": 1, "checkpoint_every_steps": 4 if saved == 2 else 5, "keep_checkpoints": 10, "log_samples": True,
            "deepspeed_config": str(REPO / "configs" / "deepspeed" / f"{deepspeed_config}.json")}})
        train(config, saved)
        planned = sample_logs(run)
        checkpoint = run / "checkpoints" / tag
        stdout = train(config, resumed, f"trainer.elastic={elastic}", "--resume", checkpoint)
        out[name] = {"config": config, "checkpoint": checkpoint, "planned": planned, "trained": sample_logs(run),
                     "stdout": stdout}
    states = {}
    for world in (1, 2):
        jobs = [{"name": name, "config": str(out[name]["config"]), "resume": str(out[name]["checkpoint"]),
                 "overrides": [f"run.name={name}_w{world}", f"trainer.elastic={elastic}"]}
                for name, _, _, _, elastic, _ in RUNS]
        states[world] = launch(world, jobs, root / f"states{world}")
    for name, _, saved, resumed, _, _ in RUNS:
        out[name]["states"] = (states[saved][name][0], states[resumed][name][0])
    return out


@pytest.mark.slow
@pytest.mark.parametrize("case", RUNS, ids=[r[0] for r in RUNS])
def test_a_resume_on_another_world_size_trains_each_sample_of_the_epoch_once(elastic_runs, case):
    """Saved mid-pass on one world size and resumed on another: every pass of the interrupted epoch trains
    the samples an uninterrupted run's pass did, each exactly once over all ranks (the pass's rest is
    planned from exactly what remains); the log says what changed."""
    name, _, saved, resumed, elastic, tag = case
    run = elastic_runs[name]
    assert run["trained"].keys() == run["planned"].keys() == {(1, "mmilb"), (1, "main")}
    for key, planned in run["planned"].items():
        trained = collections.Counter(run["trained"][key])
        assert max(trained.values()) == 1 and set(trained) == set(planned) and len(planned) == 192, key
    accumulation = saved if elastic == "keep_global_batch" else 1
    note = next(line for line in run["stdout"].splitlines() if line.startswith("elastic resume:"))
    assert note.startswith(f"elastic resume: world size {saved} -> {resumed}; global batch {16 * saved} -> "
                           f"{16 * resumed * accumulation} (micro-batch 16, gradient accumulation 1 -> {accumulation}")
    assert run["stdout"].count("elastic resume:") == 1
    if name == "zero2_1to2":  # 112 samples left over 2 ranks: 3 steps of 2 x 16, then 1 of 2 x 8
        assert "112 sample(s) of the pass remain" in note and "3 step(s) of 1 x 16 samples per rank, then 1 step " \
            "of 1 x 8 per rank" in note


@pytest.mark.slow
@pytest.mark.parametrize("case", RUNS, ids=[r[0] for r in RUNS])
def test_weights_and_adam_moments_load_equal_on_another_world_size(elastic_runs, case):
    """The full fp32 weights, both Adam moments and each group's step count, as loaded on the other world
    size, equal those loaded on the world size the checkpoint was saved on, exactly."""
    import torch

    same, other = elastic_runs[case[0]]["states"]
    assert same.keys() == other.keys()
    moments = 0
    for key, value in same.items():
        if key.startswith("step of group"):  # StagedAdam steps each stage's groups on their own
            assert (value is None) == (other[key] is None) and (value is None or torch.equal(value, other[key])), key
            continue
        for state, tensor in value.items():
            assert (tensor is None) == (other[key][state] is None), (key, state)
            if tensor is not None:
                assert torch.equal(tensor, other[key][state]), (key, state)
                moments += state != "fp32"
    assert moments > 0
