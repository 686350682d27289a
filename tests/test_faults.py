"""Faults injected through the real entry points: a rank killed or stopped under the deepspeed launcher,
diverging losses, received files that would run code, bad inputs, a full or read-only disk, a run
directory that already holds a run.

Every bad input must fail before the process group starts (the trainer prints ``process group:`` right
after it forms), with exit code 2, the key or file in the message, and no traceback.
"""

from __future__ import annotations

import concurrent.futures
import json
import os
import pickle
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import psutil
import pytest
import torch
from safetensors.torch import load_file

from dist_mmfuse.config import load_config
from dist_mmfuse.data.loader import make_loader
from dist_mmfuse.distributed import free_port
from dist_mmfuse.manifest import load_manifest
from dist_mmfuse.checkpoint import consolidated_fp32_state
from sharding.sources.synthetic import SyntheticSource
from sharding.writer import ShardBuilder

from .conftest import REPO, SMALL_SIZES, rewrite_split, train_env, write_train_config

TRAIN = [sys.executable, str(REPO / "launch" / "train.py")]
LAUNCHER = str(Path(sys.executable).parent / "deepspeed")
ZERO2 = str(REPO / "configs" / "deepspeed" / "zero2_fp32.json")
GROUP_STARTED = "process group:"  # printed by rank 0 once the process group has formed


def train(config, *args, timeout=600, cwd=None):
    return subprocess.run(TRAIN + ["--config", str(config), *map(str, args)], env=train_env(), capture_output=True,
                          text=True, timeout=timeout, cwd=cwd)


def launch_two_ranks(config, *args, log: Path) -> subprocess.Popen:
    """Two CPU ranks under the deepspeed launcher, in the background, output to ``log``."""
    command = [LAUNCHER, "--num_gpus", "2", "--master_port", str(free_port()), str(REPO / "launch" / "train.py"),
               "--config", str(config), *map(str, args)]
    return subprocess.Popen(command, env=train_env(), stdout=open(log, "w"), stderr=subprocess.STDOUT)


def rank_process(launcher: subprocess.Popen, rank: int) -> psutil.Process:
    """The training process of ``rank`` (not one of its loader workers, which share its command line)."""
    flag = f"--local_rank={rank}"
    for child in psutil.Process(launcher.pid).children(recursive=True):
        if flag in child.cmdline() and flag not in child.parent().cmdline():
            return child
    raise AssertionError(f"no process for rank {rank}")


def kill_tree(launcher: subprocess.Popen) -> None:
    if launcher.poll() is None:
        for child in psutil.Process(launcher.pid).children(recursive=True):
            child.kill()
        launcher.kill()
    launcher.wait()


def wait_for_step(run_dir: Path, step: int, launcher: subprocess.Popen, timeout: float = 300) -> None:
    """Until rank 0 has logged a training step >= ``step``."""
    deadline = time.monotonic() + timeout
    metrics = run_dir / "metrics.jsonl"
    while time.monotonic() < deadline:
        assert launcher.poll() is None, "the job ended before the fault was injected"
        if metrics.is_file() and any(r["kind"] == "train" and r["step"] >= step for r in read_jsonl(metrics)):
            return
        time.sleep(0.05)
    raise AssertionError(f"no step {step} within {timeout} s")


def read_jsonl(path: Path) -> list[dict]:
    records = []
    for line in path.read_text().splitlines():
        try:
            records.append(json.loads(line))
        except json.JSONDecodeError:  # a line being written right now
            pass
    return records


def train_records(run_dir: Path) -> dict[int, dict]:
    return {r["step"]: r for r in read_jsonl(run_dir / "metrics.jsonl") if r["kind"] == "train"}


def sample_log(run_dir: Path, rank: int) -> list[tuple[int, list[int]]]:
    return [(r["step"], r["indices"]) for r in read_jsonl(run_dir / "samples" / f"rank{rank}.jsonl")]


def assert_failed_before_the_process_group(result, *words):
    assert result.returncode == 2, (result.returncode, result.stdout[-2000:], result.stderr[-3000:])
    assert GROUP_STARTED not in result.stdout and "Traceback" not in result.stderr, result.stderr[-3000:]
    for word in words:
        assert word in result.stderr, (word, result.stderr[-3000:])


# -- a rank killed or stopped -------------------------------------------------------------------------


@pytest.mark.slow
def test_a_rank_killed_mid_epoch_resumes_with_the_same_losses_and_samples(small_shards, tmp_path):
    """SIGKILL one of two ranks mid-epoch: the launcher ends the job within seconds, and --resume latest
    then trains on to the same per-step losses as an uninterrupted run, with the same samples at every
    step on every rank: none lost, none repeated."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "full", extra={
        "trainer": {"epochs": 3, "checkpoint_every_steps": 4, "keep_checkpoints": 3, "log_samples": True,
                    "deepspeed_config": ZERO2}})
    full = launch_two_ranks(config, log=tmp_path / "full.log")
    assert full.wait(timeout=600) == 0, (tmp_path / "full.log").read_text()[-3000:]

    killed_dir = tmp_path / "killed"
    job = launch_two_ranks(config, "run.name=killed", log=tmp_path / "killed.log")
    try:
        wait_for_step(killed_dir, 18, job)  # mid-epoch 1 (12 steps an epoch), past the checkpoint at step 16
        victim = rank_process(job, 1)
        killed_at = time.monotonic()
        victim.send_signal(signal.SIGKILL)
        code = job.wait(timeout=120)
        ended_after = time.monotonic() - killed_at
    finally:
        if job.poll() is None:
            kill_tree(job)
    assert code != 0 and ended_after < 60, (code, ended_after)
    latest = (killed_dir / "checkpoints" / "latest").read_text().strip()
    assert latest.startswith("step") and int(latest[4:]) >= 16
    log = tmp_path / "resumed.log"
    resumed = launch_two_ranks(config, "run.name=killed", "--resume", "latest", log=log)
    assert resumed.wait(timeout=600) == 0, log.read_text()[-3000:]
    assert f"resumed from {latest}" in log.read_text()

    expected, got = train_records(tmp_path / "full"), train_records(killed_dir)
    assert sorted(got) == sorted(expected) == list(range(1, 37))
    for step, record in expected.items():
        for key in ("loss", "lld", "nce", "task", "entropy"):
            if key in record:
                assert got[step][key] == pytest.approx(record[key], rel=1e-6, abs=1e-7), (step, key)
    for rank in (0, 1):
        full_samples, resumed_samples = sample_log(tmp_path / "full", rank), sample_log(killed_dir, rank)
        assert [s for s, _ in resumed_samples] == list(range(1, 37))  # every step exactly once
        assert resumed_samples == full_samples
    # Each epoch's passes cover every training sample once per pass, across both ranks.
    epoch_one = [i for rank in (0, 1) for s, idx in sample_log(killed_dir, rank) if 13 <= s <= 18 for i in idx]
    assert len(epoch_one) == len(set(epoch_one)) == 192


@pytest.mark.slow
def test_a_stopped_rank_ends_the_job_after_the_collective_timeout(small_shards, tmp_path):
    """SIGSTOP one rank: the other fails its next collective after trainer.collective_timeout_s (not
    DeepSpeed's fixed 10 minutes), or its watchdog ends it 10 s later, with a message saying so, and the
    launcher ends the job."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={
        "trainer": {"epochs": 20, "collective_timeout_s": 8}})
    job = launch_two_ranks(config, log=tmp_path / "job.log")
    try:
        wait_for_step(tmp_path / "run", 3, job)
        survivor = rank_process(job, 0)
        rank_process(job, 1).send_signal(signal.SIGSTOP)
        stopped_at = time.monotonic()
        survivor.wait(timeout=300)
        ended_after = time.monotonic() - stopped_at
        # The launcher then gives the stopped rank 30 s to answer SIGTERM before it kills it; not waited for.
        assert job.poll() is None or job.returncode != 0
    finally:
        kill_tree(job)
    output = (tmp_path / "job.log").read_text()
    # gloo's own timeout fires after 8 s when rank 0 waits to receive. When it waits to send a large
    # buffer that the stopped rank never drains, gloo never times out, and the watchdog ends rank 0
    # after 8 + 10 s without progress.
    assert 8 <= ended_after < 8 + 10 + 10, ended_after
    assert ("error: rank 0: a collective timed out after trainer.collective_timeout_s=8 s" in output
            or "error: rank 0: no progress for" in output and "(trainer.collective_timeout_s=8 plus 10 s)" in output), \
        output[-3000:]


# -- non-finite losses and gradients --------------------------------------------------------------------


def finite_everywhere(state: dict[str, torch.Tensor]) -> bool:
    return all(bool(torch.isfinite(v).all()) for v in state.values())


def complete_tags(run_dir: Path) -> list[Path]:
    return sorted(p.parent for p in (run_dir / "checkpoints").glob("*/config.yaml"))


@pytest.mark.slow
@pytest.mark.parametrize("deepspeed", ["zero0_fp32", "zero2_fp32"])
def test_a_diverging_run_exits_nonzero_and_saves_nothing_non_finite(small_shards, tmp_path, deepspeed):
    """trainer.lr_main=1e30: the first main step sends the weights to ~1e30 and every later loss is NaN.
    No such step is applied; after nonfinite_patience of them the run stops with exit code 1, naming the
    first one, its stage and its terms; every checkpoint and the best model hold finite weights."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={"trainer": {
        "epochs": 3, "checkpoint_every_steps": 5, "keep_checkpoints": 20, "nonfinite_patience": 6,
        "deepspeed_config": str(REPO / "configs" / "deepspeed" / f"{deepspeed}.json")}})
    result = train(config, "trainer.lr_main=1e30")
    assert result.returncode == 1, result.stderr[-3000:]
    train_log = train_records(tmp_path / "run")
    bad = [step for step, r in train_log.items() if not np.isfinite(r["loss"])]
    first = bad[0]
    assert bad == list(range(first, first + 6)) and max(train_log) == first + 5  # stopped at the patience
    stage = train_log[first]["stage"]
    assert f"non-finite values from step {first} (epoch 1, stage {stage}): grad_norm" in result.stderr
    assert "loss" in result.stderr.split("non-finite values")[1] and "6 consecutive steps skipped" in result.stderr
    assert [train_log[s]["nonfinite_steps"] for s in bad] == list(range(1, 7))
    assert "Traceback" not in result.stderr
    tags = complete_tags(tmp_path / "run")
    assert tags and all(finite_everywhere(consolidated_fp32_state(tag)) for tag in tags)
    best = tmp_path / "run" / "best_model" / "model.safetensors"
    assert not best.exists() or finite_everywhere(load_file(best))


@pytest.fixture(scope="module")
def vector_shards(tmp_path_factory) -> Path:
    """Small synthetic MOSI with audio and vision as one vector each (their MLP encoders pass an extreme
    input through to the loss, where an LSTM's gates would saturate)."""
    out = tmp_path_factory.mktemp("vector") / "shards"
    ShardBuilder(SyntheticSource("mosi", seed=5, sizes=SMALL_SIZES, vector_features=True), out, shard_size=40,
                 feature_dtype="float32").build()
    return out


def plant_extreme_sample(vector_shards: Path, out: Path, config: Path) -> int:
    """A copy of ``vector_shards`` whose sample in the third training batch of epoch 0 has vision
    features of 3e38 (finite, so the loader passes it; the model overflows to NaN on it). Returns its index."""
    shutil.copytree(vector_shards, out)
    data = load_config(config, [f"data.shard_dir={out}"]).data
    loader = make_loader(data, data.train_split, rank=0, world_size=1, train=True, seed=7)
    batches = loader.epoch(0)
    bad_index = [next(batches) for _ in range(3)][-1].index[0].item()
    batches.close()
    loader.close()  # its workers would go on reading the shards that are rewritten below
    offset = load_manifest(out).split("train").index_offset

    def extreme(samples):
        sample = samples[bad_index - offset]
        sample.features["vision"] = np.full_like(sample.features["vision"], 3e38)

    rewrite_split(out, "train", extreme)
    return bad_index


def train_with_extreme_sample(vector_shards: Path, tmp_path: Path, config: Path):
    """Train ``config`` (run directory ``tmp_path/run``, logging sample indices) on a copy of the shards
    with one extreme sample; returns its train records by step, the steps whose loss was not finite, and
    the steps that held the sample."""
    bad_index = plant_extreme_sample(vector_shards, tmp_path / "shards", config)
    result = train(config, f"data.shard_dir={tmp_path / 'shards'}")
    assert result.returncode == 0, result.stderr[-3000:]
    train_log = train_records(tmp_path / "run")
    skipped = [step for step, r in train_log.items() if not np.isfinite(r["loss"])]
    with_bad = [step for step, indices in sample_log(tmp_path / "run", 0) if bad_index in indices]
    return train_log, skipped, with_bad


def test_a_non_finite_step_is_skipped_leaving_weights_and_optimizer_untouched(vector_shards, tmp_path):
    """One sample makes the loss NaN wherever it is. Those steps, and only those, are skipped: the weights
    and Adam's step counts after a skipped step equal those before it, MMIM's entropy memory forgets the
    skipped batch (so the next step is finite), the run trains on to the end (exit 0) and counts them in
    metrics.jsonl."""
    config = write_train_config(tmp_path / "c.yaml", vector_shards, tmp_path / "run", extra={"trainer": {
        "epochs": 1, "max_steps_per_pass": 5, "checkpoint_every_steps": 1, "keep_checkpoints": 20,
        "log_samples": True}})
    train_log, skipped, with_bad = train_with_extreme_sample(vector_shards, tmp_path, config)
    assert with_bad[0] == 3 and with_bad == skipped
    assert train_log[max(train_log)]["nonfinite_steps"] == len(skipped) and max(train_log) == 10
    assert all(train_log[s]["nonfinite_steps"] == sum(b <= s for b in skipped) for s in train_log)

    def weights_and_steps(step):
        tag = tmp_path / "run" / "checkpoints" / f"step{step:08d}"
        optimizer = torch.load(tag / "mp_rank_00_model_states.pt", weights_only=True)["optimizer"]["state"]
        return consolidated_fp32_state(tag), [float(s["step"]) for s in optimizer.values()]

    (before, steps_before), (after, steps_after), (later, steps_later) = map(weights_and_steps, (2, 3, 4))
    assert all(torch.equal(before[n], after[n]) for n in before) and steps_after == steps_before
    assert any(not torch.equal(after[n], later[n]) for n in after) and steps_later != steps_after
    assert all(finite_everywhere(consolidated_fp32_state(tag)) for tag in complete_tags(tmp_path / "run"))


@pytest.mark.slow
def test_a_skipped_step_leaves_self_mms_label_banks_untouched(vector_shards, tmp_path):
    """Self-MI updates its label banks and class centres inside the loss. A skipped step puts them back:
    otherwise the one NaN row would spread through the centres into every label generated from epoch 2
    on, and every later step would be skipped. Here only the steps with the extreme sample are."""
    config = write_train_config(tmp_path / "c.yaml", vector_shards, tmp_path / "run", objective="self_mi", extra={
        "model": {"fusion": "self_mm"}, "trainer": {"epochs": 2, "log_samples": True}})
    train_log, skipped, with_bad = train_with_extreme_sample(vector_shards, tmp_path, config)
    assert len(with_bad) == 2 and skipped == with_bad and max(train_log) == 24
    banks = torch.load(tmp_path / "run" / "checkpoints" / "epoch0002" / "rank0.pt", weights_only=True)["objective"]
    assert all(finite_everywhere(b) for b in (banks["banks"]["labels"], banks["banks"]["features"]))


def test_the_guard_stops_on_a_streak_that_ended_between_two_polls():
    """The trainer reads the guard's device counters only when it logs; a streak that reached the limit
    and ended before that still stops the run, naming its first step."""
    from dist_mmfuse.nonfinite import NonFiniteError, NonFiniteGuard

    for policy, patience, pattern in (("stop", 1, [0, 1, 0, 0]), ("skip", 3, [1, 0, 1, 1, 1, 0, 0, 1])):
        guard = NonFiniteGuard(torch.device("cpu"), policy, patience)
        for step, bad in enumerate(pattern, start=1):
            flags = guard.flags({"loss": torch.tensor(float("nan") if bad else 1.0)}, torch.tensor(1.0))
            guard.record(flags, step, engine_skipped=False)
        assert guard.poll(epoch=0, stage="main") == sum(pattern)
        first = 2 if policy == "stop" else 3
        with pytest.raises(NonFiniteError, match=rf"from step {first} \(epoch 0, stage main\): loss;"):
            guard.check()
    guard = NonFiniteGuard(torch.device("cpu"), "skip", 3)
    for step, bad in enumerate([1, 1, 0, 1, 1, 0], start=1):
        guard.record(guard.flags({"loss": torch.tensor(float("nan") if bad else 1.0)}, None), step, False)
    guard.poll(0, "main")
    guard.check()  # no streak of 3


def test_nonfinite_stop_ends_the_run_at_the_first_non_finite_step(vector_shards, tmp_path):
    config = write_train_config(tmp_path / "c.yaml", vector_shards, tmp_path / "run", extra={"trainer": {
        "epochs": 1, "max_steps_per_pass": 5, "nonfinite": "stop"}})
    plant_extreme_sample(vector_shards, tmp_path / "shards", config)
    result = train(config, f"data.shard_dir={tmp_path / 'shards'}")
    assert result.returncode == 1, result.stderr[-3000:]
    assert "non-finite values from step 3 (epoch 1, stage mmilb):" in result.stderr
    assert "trainer.nonfinite=stop" in result.stderr and max(train_records(tmp_path / "run")) == 3


# -- received files never run code --------------------------------------------------------------------


class Trap:
    """Unpickling this runs a shell command that creates ``marker``: what a crafted file would do."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return os.system, (f"touch {self.marker}",)


@pytest.fixture(scope="module")
def finished_run(small_shards, tmp_path_factory) -> Path:
    """A short finished run (2 epochs of 2 steps a pass, ZeRO-0, one process) with a checkpoint per epoch."""
    base = tmp_path_factory.mktemp("finished")
    config = write_train_config(base / "c.yaml", small_shards, base / "run", extra={"trainer": {
        "epochs": 2, "max_steps_per_pass": 2}})
    result = train(config)
    assert result.returncode == 0, result.stderr[-3000:]
    return base / "run"


def copy_run(finished_run: Path, tmp_path: Path, name: str = "run") -> tuple[Path, Path]:
    """A private copy of ``finished_run`` and a config that names it."""
    run = tmp_path / name
    shutil.copytree(finished_run, run)
    config = tmp_path / "c.yaml"
    text = (finished_run.parent / "c.yaml").read_text()
    config.write_text(text.replace(str(finished_run.parent), str(tmp_path)))
    return run, config


def test_a_crafted_model_file_is_refused_without_running_it(tmp_path):
    marker = tmp_path / "pwned"
    crafted = tmp_path / "best_model.pt"
    torch.save({"state_dict": {}, "config": Trap(marker)}, crafted)
    result = subprocess.run([sys.executable, str(REPO / "launch" / "eval.py"), "--model", str(crafted)],
                            env=train_env(), capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert f"{crafted}: refused: a .pt file is a pickle" in result.stderr and "system" in result.stderr
    assert not marker.exists()


def test_a_crafted_per_rank_checkpoint_file_is_refused_before_the_process_group(finished_run, tmp_path):
    run, config = copy_run(finished_run, tmp_path)
    marker = tmp_path / "pwned"
    latest = run / "checkpoints" / (run / "checkpoints" / "latest").read_text().strip()
    with open(latest / "rank0.pt", "wb") as handle:
        pickle.dump({"rng": Trap(marker)}, handle)
    result = train(config, "--resume", "latest", "trainer.epochs=3")
    assert_failed_before_the_process_group(result, f"{latest / 'rank0.pt'}: refused")
    assert not marker.exists()


def weights_only_load(path: Path):
    """A file this suite wrote, read with torch's own weights-only load and the allowlist of DeepSpeed's records
    (not through dist_mmfuse's patched load, which the tests check against it)."""
    from dist_mmfuse.checkpoint.safe_load import allowed_objects

    with torch.serialization.safe_globals(list(allowed_objects())):
        return torch.load(path, map_location="cpu", weights_only=True)


def trap_deepspeed_file(path: Path, marker: Path) -> None:
    """Rewrite one of DeepSpeed's files (a file this suite wrote itself) with an extra entry that runs a shell
    command when unpickled, as a received checkpoint could."""
    state = weights_only_load(path)
    state["args"] = Trap(marker)
    torch.save(state, path)


def test_a_booby_trapped_deepspeed_file_is_refused_by_every_entry_point(finished_run, tmp_path):
    """DeepSpeed's model states file of the latest checkpoint carries an object whose unpickling would
    create a file: --resume, eval.py --checkpoint and export.py --checkpoint each refuse it before loading
    anything (exit 2, naming the file and the global), and the marker is never written."""
    run, config = copy_run(finished_run, tmp_path)
    marker = tmp_path / "pwned"
    latest = run / "checkpoints" / (run / "checkpoints" / "latest").read_text().strip()
    trap_deepspeed_file(latest / "mp_rank_00_model_states.pt", marker)
    refused = (f"{latest / 'mp_rank_00_model_states.pt'}: refused: it needs posix.system", "loading it could run code")
    assert_failed_before_the_process_group(train(config, "--resume", "latest", "trainer.epochs=3"), *refused)
    for script, extra in (("eval.py", []), ("export.py", ["--out", str(tmp_path / "export")])):
        result = subprocess.run([sys.executable, str(REPO / "launch" / script), "--checkpoint", str(latest), *extra],
                                env=train_env(), capture_output=True, text=True, timeout=300)
        assert result.returncode == 2 and "Traceback" not in result.stderr, (script, result.stderr[-3000:])
        assert all(words in result.stderr for words in refused), (script, result.stderr[-3000:])
    assert not marker.exists() and not (tmp_path / "export").exists()


def test_deepspeeds_own_loads_run_weights_only_with_the_allowlist(finished_run, tmp_path):
    """Inside the loading context DeepSpeed's ``torch.load(..., weights_only=False)`` becomes a weights-only
    load: the checkpoint's own files load as before, a trapped one is refused naming the global without
    running it, and outside the context torch.load is torch's again."""
    from dist_mmfuse.checkpoint.safe_load import RefusedCheckpointFile, deepspeed_loads_weights_only

    run, _ = copy_run(finished_run, tmp_path)
    latest = run / "checkpoints" / (run / "checkpoints" / "latest").read_text().strip()
    files = sorted(latest.glob("*.pt"))
    assert len(files) == 2, files  # DeepSpeed's model states (an fp32 ZeRO-0 run) and the per-rank state
    plain = {path.name: weights_only_load(path) for path in files}  # torch's own weights-only load, for reference
    marker = tmp_path / "pwned"
    trapped = tmp_path / "trapped.pt"
    shutil.copy(files[0], trapped)
    trap_deepspeed_file(trapped, marker)
    original = torch.load
    with deepspeed_loads_weights_only():
        for path in files:
            loaded = torch.load(path, map_location="cpu", weights_only=False)
            assert loaded.keys() == plain[path.name].keys()
        with pytest.raises(RefusedCheckpointFile, match=r"trapped.pt: refused: it needs posix.system"):
            torch.load(trapped, map_location="cpu", weights_only=False)
    assert torch.load is original and not marker.exists()


@pytest.mark.slow
def test_a_trapped_optimizer_file_is_refused_before_an_elastic_resume(small_shards, tmp_path):
    """A ZeRO-1 checkpoint saved on one rank, resumed on two (DeepSpeed's universal checkpoint reads every
    optimizer partition): its trapped optimizer states file is refused by both ranks before the process
    group, and nothing runs."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={"trainer": {
        "epochs": 1, "max_steps_per_pass": 2, "deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero1_fp32.json")}})
    result = train(config)
    assert result.returncode == 0, result.stderr[-3000:]
    latest = tmp_path / "run" / "checkpoints" / (tmp_path / "run" / "checkpoints" / "latest").read_text().strip()
    optimizer_file = next(latest.glob("*optim_states.pt"))
    marker = tmp_path / "pwned"
    trap_deepspeed_file(optimizer_file, marker)
    log = tmp_path / "resume.log"
    launcher = launch_two_ranks(config, "--resume", "latest", "trainer.epochs=2", log=log)
    assert launcher.wait(timeout=600) != 0
    output = log.read_text()
    assert GROUP_STARTED not in output and "Traceback" not in output, output[-3000:]
    assert f"{optimizer_file}: refused: it needs posix.system" in output, output[-3000:]
    assert not marker.exists()


def test_an_export_follows_the_users_umask(finished_run, tmp_path):
    """Every file and directory of an export (safetensors writes its files 0600 itself) gets the mode the
    user's umask gives ordinary files, so a colleague on a shared filesystem can read it."""
    latest = finished_run / "checkpoints" / (finished_run / "checkpoints" / "latest").read_text().strip()
    out = tmp_path / "export"
    result = subprocess.run([sys.executable, str(REPO / "launch" / "export.py"), "--checkpoint", str(latest), "--out",
                             str(out)], env=train_env(), capture_output=True, text=True, timeout=300, umask=0o002)
    assert result.returncode == 0, result.stderr[-3000:]
    modes = {str(path.relative_to(out)): path.stat().st_mode & 0o777 for path in [out, *out.rglob("*")]}
    assert modes["model.safetensors"] == 0o664 and modes["."] == 0o775, modes
    assert all(mode == (0o775 if (out / name).is_dir() else 0o664) for name, mode in modes.items()), modes


def test_the_pickle_reader_admits_numpy_arrays_and_containers_only():
    """MMSA/MulT pickles of every protocol load; numpy.ndarray called directly (which would turn the file's
    bytes into object pointers) is refused, as is anything outside the list."""
    import io

    from sharding.sources.pickles import SafeUnpickler

    data = {"train": {"id": np.array(["v$_$1", "v$_$2"], dtype=object), "audio": np.ones((2, 3, 4), np.float32),
                      "fortran": np.asfortranarray(np.ones((3, 2))), "raw_text": ["a", "b"], "n": np.float64(1.5),
                      "lengths": {1, 2}, "bytes": b"abc"}}
    for protocol in range(pickle.HIGHEST_PROTOCOL + 1):
        loaded = SafeUnpickler(io.BytesIO(pickle.dumps(data, protocol=protocol))).load()["train"]
        assert loaded["id"].tolist() == ["v$_$1", "v$_$2"] and (loaded["audio"] == 1).all(), protocol
        assert loaded["fortran"].flags.f_contiguous and loaded["lengths"] == {1, 2} and loaded["bytes"] == b"abc"

    class FakePointers:
        def __reduce__(self):
            return np.ndarray, ((1,), np.dtype("O"), b"AAAAAAAA")

    for crafted, words in ((FakePointers(), "refused to call numpy.ndarray"), (Trap(Path("x")), "posix.system")):
        with pytest.raises(pickle.UnpicklingError, match=words):
            SafeUnpickler(io.BytesIO(pickle.dumps(crafted, protocol=2))).load()


def test_a_crafted_mmsa_pickle_is_refused_naming_the_class(tmp_path):
    marker = tmp_path / "pwned"
    crafted = tmp_path / "unaligned_50.pkl"
    with open(crafted, "wb") as handle:
        pickle.dump({"train": {"id": Trap(marker)}, "valid": {}, "test": {}}, handle)
    result = subprocess.run([sys.executable, "-m", "sharding", "build", "--source", "mmsa", "--out",
                             str(tmp_path / "out"), "--option", f"path={crafted}"], env=train_env(),
                            capture_output=True, text=True, timeout=300, cwd=REPO)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-3000:]
    assert f"{crafted}: refused to load posix.system" in result.stderr
    assert not marker.exists()


# -- bad inputs fail before the process group ---------------------------------------------------------


def read_only_mount(path: Path):
    """Bind-mount ``path`` read-only onto itself (root only); returns an undo, or None where not allowed."""
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "--bind", str(path), str(path)], capture_output=True)
    if mounted.returncode:
        return None
    subprocess.run(["mount", "-o", "remount,bind,ro", str(path)], check=True)
    return lambda: subprocess.run(["umount", str(path)], check=True)


def test_bad_inputs_fail_before_the_process_group_naming_the_key(small_shards, finished_run, tmp_path):
    """Each bad input of a run exits with 2 before any process group exists, with one line naming the file
    and the key (each case is a real launch/train.py process)."""
    run, config = copy_run(finished_run, tmp_path)
    fresh = ["run.name=fresh"]
    missing_shard = tmp_path / "missing_shard"
    shutil.copytree(small_shards, missing_shard)
    (missing_shard / "train-000002.tar").unlink()
    short_shard = tmp_path / "short_shard"
    shutil.copytree(small_shards, short_shard)
    with open(short_shard / "valid-000001.tar", "r+b") as handle:
        handle.truncate(1000)
    json_files = {"invalid": '{"zero_optimization": {"stage": 2}', "stage7": '{"zero_optimization": {"stage": 7}}',
                  "misspelt": '{"zero_optimisation": {"stage": 2}}'}
    for name, text in json_files.items():
        (tmp_path / f"{name}.json").write_text(text)
    unfinished = run / "checkpoints" / "epoch0001"
    (unfinished / "config.yaml").unlink()
    cases = {
        "no shard_dir": (fresh + [f"data.shard_dir={tmp_path / 'nowhere'}"], ["data.shard_dir:", "does not exist"]),
        "URL shard_dir with credentials": (fresh + ["data.shard_dir=s3://KEYID:SECRET@bucket/mosi"],
                                           ["data.shard_dir:", "credentials in the URL"]),
        "invalid JSON": (fresh + [f"trainer.deepspeed_config={tmp_path / 'invalid.json'}"],
                         [f"trainer.deepspeed_config: {tmp_path / 'invalid.json'}: not valid JSON"]),
        "ZeRO stage 7": (fresh + [f"trainer.deepspeed_config={tmp_path / 'stage7.json'}"],
                         ["stage7.json: zero_optimization.stage: Input should be 0, 1, 2, 3"]),
        "misspelt key": (fresh + [f"trainer.deepspeed_config={tmp_path / 'misspelt.json'}"],
                         ["misspelt.json: unknown key(s) ['zero_optimisation']"]),
        "text_config": (fresh + ["model.text_config={num_hidden_layerz: 1}"],
                        ["model.text_config: unknown key(s) ['num_hidden_layerz']"]),
        "missing shard": (fresh + [f"data.shard_dir={missing_shard}"],
                          [f"{missing_shard / 'train-000002.tar'}: shard listed in the manifest is missing"]),
        "short shard": (fresh + [f"data.shard_dir={short_shard}"],
                        [f"{short_shard / 'valid-000001.tar'}: 1000 bytes, the manifest says"]),
        "run exists": ([], [f"{run} already holds a run", "--resume auto", "run.name=", "--overwrite"]),
        "ZeRO stage": (["--resume", "latest", f"trainer.deepspeed_config={ZERO2}"],
                       ["cannot resume with this launch: zero_stage 0 there, 2 here"]),
        "unfinished": (["--resume", str(unfinished)], [f"{unfinished}: an unfinished checkpoint"]),
        "other config": (["--resume", "latest", "objective.mmim.alpha=0.5", "trainer.epochs=3"],
                         ["saved under another config: objective.mmim.alpha (0.1 there, 0.5 here)"]),
    }
    undo = read_only_mount(tmp_path / "read_only")
    if undo is not None:
        cases["read-only"] = (fresh + [f"run.output_dir={tmp_path / 'read_only'}"],
                              ["run.output_dir:", "the filesystem is read-only"])
    # Another world size: this process is rank 0 of 2 by its environment (no launcher needed to fail).
    two_ranks = {**train_env(), "RANK": "0", "WORLD_SIZE": "2", "LOCAL_RANK": "0"}
    commands = {name: (TRAIN + ["--config", str(config), *args], words, train_env(), tmp_path)
                for name, (args, words) in cases.items()}
    commands["global batch"] = (
        TRAIN + ["--config", str(config), "--resume", "latest", "trainer.elastic=keep_global_batch"],
        ["trainer.elastic=keep_global_batch cannot keep the global batch of 16 (1 rank(s) x 1 accumulated "
         "micro-batch(es) of 16) on 2 rank(s): 1 micro-batches per step do not divide by 2"], two_ranks, tmp_path)
    # ZeRO-3 resumes only on its own world size (a checkpoint.json that says so: the refusal needs no more).
    zero3_run, zero3_config = copy_run(finished_run, tmp_path / "zero3")
    latest = zero3_run / "checkpoints" / (zero3_run / "checkpoints" / "latest").read_text().strip()
    info = json.loads((latest / "checkpoint.json").read_text())
    (latest / "checkpoint.json").write_text(json.dumps({**info, "zero_stage": 3}))
    commands["ZeRO-3 world size"] = (
        TRAIN + ["--config", str(zero3_config), "--resume", "latest",
                 f"trainer.deepspeed_config={REPO / 'configs' / 'deepspeed' / 'zero3_fp32.json'}"],
        ["saved on 1 rank(s), launched on 2: a ZeRO stage 3 checkpoint resumes only on the world size it was saved "
         "with"], two_ranks, tmp_path)
    # A shipped config that names a model nobody has put there (its relative paths: from its directory).
    commands["shipped model"] = (TRAIN + ["--config", "configs/self_mm_sims.yaml"],
                                 [f"model.text_model: {REPO / 'pretrained' / 'bert-base-chinese'} does not exist",
                                  "huggingface-cli download"], train_env(), REPO)

    def run_case(name):
        command, _, env, cwd = commands[name]
        return subprocess.run(command, env=env, capture_output=True, text=True, timeout=300, cwd=cwd)

    try:
        with concurrent.futures.ThreadPoolExecutor(2) as pool:  # two at a time: each is a cold Python start
            results = dict(zip(commands, pool.map(run_case, commands)))
    finally:
        if undo is not None:
            undo()
    for name, result in results.items():
        assert_failed_before_the_process_group(result, *commands[name][1])
    assert not (tmp_path / "s3:").exists() and not (tmp_path / "fresh").exists()
    if undo is None:
        pytest.skip("read-only case not run: bind mounts need root (the other cases passed)")


# -- no result lost or mixed --------------------------------------------------------------------------


@pytest.mark.slow
def test_a_finished_run_resumes_only_to_train_more_epochs_and_overwrite_replaces_it(finished_run, tmp_path):
    """--resume of a finished run says it is finished; with a larger trainer.epochs it trains the extra
    epoch, its log continuing the old one. --overwrite replaces a run: only the new run's records remain."""
    run, config = copy_run(finished_run, tmp_path)
    before = read_jsonl(run / "metrics.jsonl")
    same = train(config, "--resume", "latest")
    assert same.returncode == 0, same.stderr[-3000:]
    assert f"{run}: the run is finished (2 epochs, trainer.epochs=2); nothing to train" in same.stdout
    assert GROUP_STARTED not in same.stdout and read_jsonl(run / "metrics.jsonl") == before

    more = train(config, "--resume", "latest", "trainer.epochs=3", "trainer.keep_checkpoints=5")
    assert more.returncode == 0, more.stderr[-3000:]
    assert "resumed from epoch0002: after epoch 2 of 3" in more.stdout
    after = read_jsonl(run / "metrics.jsonl")
    assert after[:len(before) - 1] == before[:-1]  # the old final record is replaced by the new one
    assert [r["epoch"] for r in after if r["kind"] == "valid"] == [1, 2, 3]
    assert [r["kind"] for r in after].count("final") == 1
    assert (run / "checkpoints" / "latest").read_text().strip() == "epoch0003"
    assert json.loads((run / "checkpoints" / "epoch0003" / "checkpoint.json").read_text())["train_state"]["finished"]

    older = train(config, "--resume", str(run / "checkpoints" / "epoch0001"))  # back to the end of epoch 1
    assert older.returncode == 0, older.stderr[-3000:]
    assert not (run / "checkpoints" / "epoch0003").exists()  # the abandoned future, discarded
    assert (run / "checkpoints" / "latest").read_text().strip() == "epoch0002"
    assert [r["epoch"] for r in read_jsonl(run / "metrics.jsonl") if r["kind"] == "valid"] == [1, 2]

    replaced = train(config, "--overwrite", "trainer.epochs=1")
    assert replaced.returncode == 0, replaced.stderr[-3000:]
    fresh = read_jsonl(run / "metrics.jsonl")
    assert [r["epoch"] for r in fresh if r["kind"] == "valid"] == [1] and fresh[0]["step"] == 1
    assert sorted(p.name for p in (run / "checkpoints").iterdir()) == ["epoch0001", "latest"]

    # A run that crashed before its first checkpoint, rerun with --resume auto: started afresh, not mixed.
    shutil.rmtree(run / "checkpoints")
    again = train(config, "--resume", "auto", "trainer.epochs=1")
    assert again.returncode == 0, again.stderr[-3000:]
    assert f"{run}: no checkpoint to resume from; starting the run afresh" in again.stdout
    assert [r["epoch"] for r in read_jsonl(run / "metrics.jsonl") if r["kind"] == "valid"] == [1]
    not_export = subprocess.run([sys.executable, str(REPO / "launch" / "export.py"), "--checkpoint", str(run),
                                 "--out", str(run)], env=train_env(), capture_output=True, text=True, timeout=300)
    assert not_export.returncode == 2 and f"{run} exists and is not an export" in not_export.stderr
    assert (run / "checkpoints" / "latest").is_file()


def test_every_checkpoint_is_complete_before_latest_names_it(finished_run, tmp_path):
    """Each tag that latest can name holds checkpoint.json and config.yaml; an unfinished tag (a save that
    crashed before them) is never resumed and is removed by the next save."""
    run, config = copy_run(finished_run, tmp_path)
    for tag in complete_tags(run):
        assert {"checkpoint.json", "config.yaml", "schema.json", "rank0.pt"} <= {p.name for p in tag.iterdir()}
    crashed = run / "checkpoints" / "step99999999"
    shutil.copytree(run / "checkpoints" / "epoch0002", crashed)
    (crashed / "config.yaml").unlink()
    (crashed / "checkpoint.json").unlink()
    result = train(config, "--resume", "latest", "trainer.epochs=3")
    assert result.returncode == 0, result.stderr[-3000:]
    assert not crashed.exists()


def shards_with_a_nan_sample(small_shards: Path, tmp_path: Path, index: int) -> Path:
    """A copy of the shards whose training sample ``index`` has a NaN in its audio features."""
    shards = tmp_path / "shards"
    shutil.copytree(small_shards, shards)

    def spoil(samples):
        audio = samples[index].features["audio"].copy()
        audio[0, 0] = np.nan
        samples[index].features["audio"] = audio

    rewrite_split(shards, "train", spoil)
    return shards


@pytest.mark.slow
def test_skipped_bad_samples_are_counted_in_the_log(small_shards, tmp_path):
    """data.bad_samples=skip: a sample with NaN features is skipped wherever it falls, its place refilled,
    and metrics.jsonl counts it (skipped_samples) once per pass that reads it."""
    shards = shards_with_a_nan_sample(small_shards, tmp_path, 11)
    config = write_train_config(tmp_path / "c.yaml", shards, tmp_path / "run", extra={
        "data": {"bad_samples": "skip", "num_workers": 0}, "trainer": {"epochs": 1, "log_samples": True}})
    result = train(config)
    assert result.returncode == 0, result.stderr[-3000:]
    log = train_records(tmp_path / "run")
    passes = {r["stage"] for r in log.values()}
    assert log[max(log)]["skipped_samples"] == len(passes) == 2
    assert all(11 not in indices for _, indices in sample_log(tmp_path / "run", 0))
    assert log[max(log)]["samples_seen"] == 24 * 16  # places, refills included


@pytest.mark.slow
def test_a_bad_sample_mid_run_on_two_ranks_is_one_line_naming_it(small_shards, tmp_path):
    """A sample with NaN features under data.bad_samples=error, read by one of two ranks mid-epoch: the job
    ends with no traceback on screen; the rank that read it names the shard and the sample's key in one
    line pointing at its kept traceback, and the other rank says another rank ended (or names the sample
    itself, if it read it too)."""
    shards = shards_with_a_nan_sample(small_shards, tmp_path, 30)
    config = write_train_config(tmp_path / "c.yaml", shards, tmp_path / "run", extra={"trainer": {"epochs": 1}})
    log = tmp_path / "out.log"
    launcher = launch_two_ranks(config, log=log)
    assert launcher.wait(timeout=600) != 0
    output = log.read_text()
    assert "Traceback" not in output, output[-4000:]
    errors = [line for line in output.splitlines() if line.startswith("error: rank ")]
    named = [line for line in errors if "train-" in line and ".tar" in line and "NaN" in line]
    assert named and all("(traceback: " in line for line in named), errors
    rank = int(named[0].split()[2].rstrip(":"))
    kept = tmp_path / "run" / "errors" / f"rank{rank}.txt"
    assert kept.is_file() and "Traceback (most recent call last)" in kept.read_text()


# -- a full or read-only disk -------------------------------------------------------------------------


def small_filesystem(path: Path, free_mib: int):
    """A 24 MiB tmpfs at ``path`` with about ``free_mib`` MiB left free; an undo, or None if mounting is not
    allowed here (root only)."""
    path.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", str(path)], capture_output=True).returncode:
        return None
    with open(path / "filler", "wb") as handle:
        handle.write(b"\0" * ((24 - free_mib) << 20))
    return lambda: subprocess.run(["umount", str(path)], check=True)


@pytest.mark.slow
@pytest.mark.parametrize("checkpoint_first", [False, True], ids=["export", "checkpoint"])
def test_a_full_disk_names_the_path_and_the_cause_and_leaves_nothing_half_written(small_shards, tmp_path,
                                                                                   checkpoint_first):
    """2 MiB free: the first best-model export (4 MiB of weights) fails while writing, or the first
    checkpoint (12 MiB) is refused before writing; either way the message names the path and says the disk
    is full, the run exits with 1, and no partial export or checkpoint is left."""
    disk = tmp_path / "disk"
    undo = small_filesystem(disk, free_mib=2)
    if undo is None:
        pytest.skip("mounting a small tmpfs needs root")
    try:
        config = write_train_config(tmp_path / "c.yaml", small_shards, disk / "run", extra={"trainer": {
            "epochs": 1, "max_steps_per_pass": 2, "checkpoint_every_steps": 1 if checkpoint_first else 0}})
        result = train(config)
        left = sorted(p.name for p in (disk / "run").iterdir())
        checkpoints = list((disk / "run" / "checkpoints").iterdir()) if (disk / "run" / "checkpoints").exists() else []
    finally:
        undo()
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr[-3000:]
    if checkpoint_first:
        assert f"cannot write checkpoint {disk / 'run' / 'checkpoints' / 'step00000001'}: no room" in result.stderr
    else:
        assert f"cannot write the model export {disk / 'run' / 'best_model'}: no space left" in result.stderr
    assert "best_model" not in left and not [p for p in left if p.startswith(".")] and not checkpoints, left
