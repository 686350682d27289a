"""Multi-node launches on a real SLURM cluster: a controller and two emulated compute nodes on this
machine, started by ``launch/slurm/local_cluster.sh up`` (``launch/test.sh`` brings it up before the
tests and down afterwards). The jobs are the sbatch scripts users submit, unchanged."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import yaml

from dist_mmfuse.tuning import BEST_CONFIG, RESULTS_CSV

from .conftest import REPO, train_env, write_train_config

# Jobs on a local SLURM cluster: the slow tier.
pytestmark = pytest.mark.slow

FINAL_STATES = {"COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "NODE_FAIL", "OUT_OF_MEMORY", "BOOT_FAIL",
                "DEADLINE", "PREEMPTED"}


@pytest.fixture(scope="module")
def slurm_env() -> dict[str, str]:
    """The environment jobs are submitted from; skips (fails under CI) when no local cluster is up."""
    conf = os.environ.get("SLURM_CONF")
    problem = None
    if not conf or not Path(conf).is_file():
        problem = "SLURM_CONF names no slurm.conf"
    else:
        info = subprocess.run(["sinfo", "-h", "-t", "idle", "-o", "%D"], capture_output=True, text=True)
        idle = sum(int(n) for n in info.stdout.split()) if info.returncode == 0 else 0
        if idle < 2:
            problem = f"the cluster at {conf} has {idle} idle node(s), 2 needed ({info.stderr.strip()})"
    if problem:
        reason = f"no local SLURM cluster: {problem}; start one with `bash launch/slurm/local_cluster.sh up`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    env = train_env()
    # The emulated nodes share this machine's 2 cores: one thread per rank, as two real nodes would not
    # need. PATH stays as it is: with the venv's bin first, torch would build DeepSpeed's CPU op with the
    # venv's ninja, whose build log the system ninja (used by every other test) does not accept, and
    # each switch rebuilds the op (about 50 s).
    env.update(PYTHON=sys.executable, OMP_NUM_THREADS="1")
    return env


def submit(script: str, args: list[str], env: dict[str, str], output: Path) -> str:
    result = subprocess.run(["sbatch", "--parsable", f"--chdir={REPO}", f"--output={output}",
                             str(REPO / "launch" / "slurm" / script), *args],
                            env=env, capture_output=True, text=True, check=True)
    return result.stdout.strip().split(";")[0]


def job_fields(job_id: str) -> dict[str, str]:
    """``scontrol show job`` as a dict (finished jobs stay visible for MinJobAge)."""
    out = subprocess.run(["scontrol", "show", "job", "-o", job_id], capture_output=True, text=True,
                         check=True).stdout
    return dict(re.findall(r"(\w+)=(\S*)", out))


def wait_for_job(job_id: str, timeout_s: float, output: Path) -> dict[str, str]:
    """Poll until the job ends (sbatch --wait polls too slowly for tests); its fields."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        fields = job_fields(job_id)
        if fields["JobState"] in FINAL_STATES:
            return fields
        time.sleep(0.5)
    subprocess.run(["scancel", job_id])
    raise AssertionError(f"job {job_id} still {fields['JobState']} after {timeout_s} s; output:\n"
                         + (output.read_text()[-3000:] if output.exists() else "(none)"))


def test_training_job_spans_two_nodes_and_a_requeued_job_resumes(slurm_env, tmp_path):
    """``train.sbatch`` on 2 nodes (1 CPU rank each, the deepspeed launcher with --no_ssh): both ranks
    join one process group with the ranks the hostfile gives them, each logs to its own file, and a job
    requeued mid-run (as on preemption) restarts under the same job id and resumes from the latest
    checkpoint: every epoch is validated once and the last checkpoint is written."""
    epochs = 3
    run = tmp_path / "runs" / "slurm"
    config = write_train_config(tmp_path / "train.yaml", tmp_path / "data", run, extra={
        "data": {"prepare": {"source": "synthetic", "shard_size": 64,
                             "options": {"preset": "mosi", "seed": 1, "max_frames": 20,
                                         "sizes": {"train": 192, "valid": 64, "test": 64}}}},
        "trainer": {"epochs": epochs}})
    logs, output = tmp_path / "logs", tmp_path / "job.out"
    job = submit("train.sbatch", [str(config)], {**slurm_env, "LOG_DIR": str(logs)}, output)
    latest = run / "checkpoints" / "latest"
    deadline = time.monotonic() + 300
    while not latest.is_file():
        assert time.monotonic() < deadline and job_fields(job)["JobState"] in ("PENDING", "RUNNING"), \
            output.read_text()[-3000:] if output.exists() else "no output"
        time.sleep(0.2)
    requeued_after = latest.read_text().strip()
    subprocess.run(["scontrol", "requeue", job], env=slurm_env, check=True)
    fields = wait_for_job(job, 400, output)
    text = output.read_text()
    assert fields["JobState"] == "COMPLETED" and fields["ExitCode"] == "0:0", text[-3000:]
    assert fields["Restarts"] == "1" and f"job {job} attempt 1:" in text

    assert (logs / "attempt1" / "hostfile").read_text() == "node1 slots=1\nnode2 slots=1\n"
    rank_logs = {int(re.search(r"_rank(\d+)\.log$", p.name).group(1)): p.read_text()
                 for p in (logs / "attempt1").glob("*_rank*.log")}
    assert sorted(rank_logs) == [0, 1], sorted(rank_logs)
    assert "process group: 0@node1(local 0), 1@node2(local 0)" in rank_logs[0]
    assert "world 2 (torch), micro-batch 16, global batch 32" in rank_logs[0]
    resumed = re.search(r"resumed from epoch(\d+)", rank_logs[0])
    assert resumed and int(resumed.group(1)) >= int(requeued_after.removeprefix("epoch")), rank_logs[0][-2000:]
    assert "Traceback" not in rank_logs[1]

    records = [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]
    assert [r["epoch"] for r in records if r["kind"] == "valid"] == list(range(1, epochs + 1))
    assert sum(r["kind"] == "final" for r in records) == 1
    assert latest.read_text().strip() == f"epoch{epochs:04d}" and (run / "checkpoints" / f"epoch{epochs:04d}").is_dir()


def test_tuning_job_runs_a_ray_cluster_over_two_nodes(slurm_env, tmp_path):
    """``tune.sbatch`` starts a Ray head on the first node and a Ray node on the second, and runs a tiny
    search on them: the two trials run at once, each with its two DeepSpeed workers on different nodes
    (``trial.placement: STRICT_SPREAD``); both finish and the best config is written."""
    train = write_train_config(tmp_path / "train.yaml", tmp_path / "data", tmp_path / "runs" / "base", extra={
        "data": {"prepare": {"source": "synthetic", "shard_size": 64,
                             "options": {"preset": "mosi", "seed": 1, "max_frames": 20,
                                         "sizes": {"train": 128, "valid": 64, "test": 64}}}},
        "trainer": {"epochs": 1}})
    settings = {"name": "slurm", "train_config": str(train), "metric": "valid_mae", "mode": "min",
                "space": {"objective.mmim.alpha": {"uniform": [0.05, 0.2]}}, "num_samples": 2,
                "search": {"algorithm": "random", "seed": 3}, "scheduler": {"name": "fifo"},
                "trial": {"workers": 2, "cpus_per_worker": 1, "placement": "STRICT_SPREAD"},
                "storage_path": str(tmp_path / "tune")}
    config = tmp_path / "tune.yaml"
    config.write_text(yaml.safe_dump(settings, sort_keys=False))
    output = tmp_path / "job.out"
    job = submit("tune.sbatch", [str(config), "--verbose"], slurm_env, output)  # the workers' lines, below
    fields = wait_for_job(job, 500, output)
    text = output.read_text()
    assert fields["JobState"] == "COMPLETED" and fields["ExitCode"] == "0:0", text[-4000:]
    assert "ray cluster: 2 node(s), 4 CPU(s)" in text
    # Each trial's group (printed by its rank 0; the emulated nodes share the log files, so lines can
    # repeat): ranks 0 and 1, one on each node. Ray Train numbers local ranks per IP address, which the
    # emulated nodes share, so local ranks are not checked here.
    groups = dict(re.findall(r"pid=(\d+)\)\S* process group: (.*)", text))
    assert len(groups) == 2, groups
    for group in groups.values():
        members = re.findall(r"(\d+)@(node\d)\(local \d\)", group)
        assert sorted(r for r, _ in members) == ["0", "1"] and sorted(n for _, n in members) == ["node1", "node2"], \
            group
    table = pd.read_csv(tmp_path / "tune" / "slurm" / RESULTS_CSV)
    assert len(table) == 2 and (table["ended"] == "finished").all() and table["valid_mae"].notna().all()
    assert (tmp_path / "tune" / "slurm" / BEST_CONFIG).is_file()
