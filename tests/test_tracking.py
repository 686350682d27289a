"""Experiment tracking beside TensorBoard (``run.report_to``): Weights & Biases runs, offline, read back
from their local files with W&B's own reader (``wandb leet inspect --json``)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from dist_mmfuse.config import ConfigError, config_from_dict
from dist_mmfuse.distributed import free_port

from .conftest import REPO, train_env, write_train_config

pytest.importorskip("wandb")  # the test extra installs it

WANDB = str(Path(sys.executable).parent / "wandb")


def offline_env(tmp_path: Path) -> dict[str, str]:
    """No W&B setting of this machine (a key, a host, a mode) reaches the run: offline, its own config dirs."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("WANDB_")}
    env.update(WANDB_MODE="offline", **{f"WANDB_{d}_DIR": str(tmp_path / f"wandb_{d.lower()}")
                                        for d in ("CONFIG", "CACHE", "DATA")})
    return env


def offline_runs(run_dir: Path) -> list[Path]:
    return sorted((run_dir / "wandb").glob("offline-run-*"), key=lambda p: p.name)


def read_run(path: Path) -> dict:
    """An offline run's records through W&B's reader: its run record, history rows by step, exit code."""
    out = subprocess.run([WANDB, "leet", "inspect", "--json", str(path)], capture_output=True, text=True,
                         timeout=120, check=True)
    records = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    run = next(r["run"] for r in records if r["type"] == "run")
    history: dict[int, dict] = {}
    for record in records:
        if record["type"] == "history":
            item = record["history"]["item"]
            history.setdefault(item["_step"], {}).update(item)
    exits = [r["exit"].get("exit_code", 0) for r in records if r["type"] == "exit"]
    return {"run": run, "history": history, "exit_code": exits[-1] if exits else None}


def assert_history_matches_metrics(history: dict[int, dict], records: list[dict]) -> int:
    """Every numeric value of ``records`` (metrics.jsonl) is in W&B's row of its step, as kind/key; returns
    how many values were compared."""
    compared = 0
    for record in records:
        for key, value in record.items():
            if key in ("kind", "step", "time") or isinstance(value, bool) or not isinstance(value, (int, float)):
                continue
            logged = history[record["step"]][f"{record['kind']}/{key}"]
            if isinstance(value, float) and not math.isfinite(value):
                assert str(logged).lower().lstrip("+-") in ("nan", "inf", "infinity"), (record, key, logged)
            else:
                assert logged == pytest.approx(value, rel=1e-12, abs=0), (record["step"], record["kind"], key)
            compared += 1
    return compared


@pytest.mark.slow
def test_two_ranks_log_one_offline_wandb_run_that_a_resume_continues(small_shards, tmp_path):
    """2 ranks through the deepspeed launcher with run.report_to=[tensorboard, wandb] and WANDB_MODE=offline:
    one offline W&B run (rank 0's), named after the run, whose config is the resolved config.yaml and whose
    history holds every scalar of metrics.jsonl at its step. Resumed to train a second epoch, the run
    continues the same W&B run id with the new epoch's steps."""
    run_dir = tmp_path / "run"
    config = write_train_config(tmp_path / "c.yaml", small_shards, run_dir, extra={
        "run": {"report_to": ["tensorboard", "wandb"], "wandb_tags": ["test"]}, "trainer": {"epochs": 1}})
    env = {**train_env(), **offline_env(tmp_path)}
    launcher = [str(Path(sys.executable).parent / "deepspeed"), "--num_gpus", "2", "--master_port", str(free_port()),
                str(REPO / "launch" / "train.py"), "--config", str(config)]
    first = subprocess.run(launcher, env=env, capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert first.returncode == 0, (first.stdout + first.stderr)[-4000:]
    [offline] = offline_runs(run_dir)  # one run: rank 1 starts none
    assert f"offline in {offline}" in first.stdout
    run_id = (run_dir / "wandb" / "run_id").read_text().strip()
    assert offline.name.endswith(f"-{run_id}")
    assert any((run_dir / "tensorboard").iterdir())

    logged = read_run(offline)
    assert logged["exit_code"] == 0
    assert logged["run"]["run_id"] == run_id and logged["run"]["display_name"] == "run"
    assert logged["run"]["project"] == "dist_mmfuse" and logged["run"]["tags"] == ["test"]
    attached = {k: v for k, v in logged["run"]["config"]["update"].items() if k != "_wandb"}
    resolved = yaml.safe_load((run_dir / "config.yaml").read_text())
    assert attached == resolved
    assert attached["objective"]["name"] == "mmim" and attached["run"]["seed"] == 7
    metrics = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert {r["kind"] for r in metrics} == {"train", "valid", "test", "final"}
    assert sorted(logged["history"]) == sorted({r["step"] for r in metrics})
    assert assert_history_matches_metrics(logged["history"], metrics) > 100
    last_step = max(r["step"] for r in metrics)

    launcher[4] = str(free_port())
    resumed = subprocess.run(launcher + ["--resume", "latest", "trainer.epochs=2"], env=env, capture_output=True,
                             text=True, timeout=600, cwd=tmp_path)
    assert resumed.returncode == 0, (resumed.stdout + resumed.stderr)[-4000:]
    assert "resumed from epoch0001" in resumed.stdout
    earlier, later = offline_runs(run_dir)
    assert earlier == offline and later.name.endswith(f"-{run_id}")
    continued = read_run(later)
    assert continued["run"]["run_id"] == run_id and continued["run"]["resume"] and continued["exit_code"] == 0
    assert {k: v for k, v in continued["run"]["config"]["update"].items() if k != "_wandb"} == \
        yaml.safe_load((run_dir / "config.yaml").read_text())  # trainer.epochs: 2 now
    # The resume rewinds metrics.jsonl to the checkpoint (the first launch's final record, logged after it, goes).
    new = [r for r in map(json.loads, (run_dir / "metrics.jsonl").read_text().splitlines()) if r["step"] > last_step]
    assert new and {r.get("epoch") for r in new if r["kind"] != "final"} == {2}
    assert sorted(continued["history"]) == sorted({r["step"] for r in new})
    assert_history_matches_metrics(continued["history"], new)


def test_a_rewound_log_leaves_wandb_the_steps_it_holds_and_a_failure_ends_the_run_failed(tmp_path, monkeypatch,
                                                                                        capsys):
    """The logger alone: a resumed run whose metrics.jsonl is rewound to a checkpoint continues the same W&B
    run (the id in <run>/wandb/run_id) and sends it only the steps it does not hold yet, saying so; a run
    closed as failed ends with exit code 1; WANDB_MODE and the rest of W&B's settings come from the
    environment."""
    import wandb

    from dist_mmfuse.config import RunConfig
    from dist_mmfuse.runlog import RunLogger

    for key, value in offline_env(tmp_path).items():
        monkeypatch.setenv(key, value)
    for key in [k for k in os.environ if k.startswith("WANDB_") and k not in offline_env(tmp_path)]:
        monkeypatch.delenv(key)
    run_dir = tmp_path / "run"
    run = RunConfig(name="unit", report_to=["wandb"])
    try:
        logger = RunLogger(run_dir, enabled=True, progress_bar=False, run=run, resolved={"run": {"name": "unit"}})
        for step in range(1, 6):
            logger.log("train", step, {"loss": 1.0 / step, "stage": "main", "pretraining": False})
        logger.close()
        assert not (run_dir / "tensorboard").exists()  # not in report_to
        logger = RunLogger(run_dir, enabled=True, progress_bar=False, run=run, resolved={"run": {"name": "unit"}})
        logger.rewind(records=2, step=2)
        assert "steps 3-5 keep the values the interrupted attempt logged" in capsys.readouterr().out
        for step in range(3, 8):
            logger.log("train", step, {"loss": 10.0 * step})
        logger.close(failed=True)
    finally:
        wandb.teardown()  # W&B's process-wide state: later tests start afresh
    first, second = map(read_run, offline_runs(run_dir))
    assert first["run"]["run_id"] == second["run"]["run_id"] == (run_dir / "wandb" / "run_id").read_text().strip()
    assert first["exit_code"] == 0 and second["exit_code"] == 1
    assert {s: row["train/loss"] for s, row in first["history"].items()} == {s: 1.0 / s for s in range(1, 6)}
    assert "train/stage" not in first["history"][1] and "train/pretraining" not in first["history"][1]
    assert {s: row["train/loss"] for s, row in second["history"].items()} == {6: 60.0, 7: 70.0}
    kept = [json.loads(line)["loss"] for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    assert kept == [1.0, 0.5, 30.0, 40.0, 50.0, 60.0, 70.0]


def test_wandb_that_cannot_start_stops_the_run_naming_the_key(tmp_path, monkeypatch):
    import wandb

    from dist_mmfuse.config import RunConfig
    from dist_mmfuse.runlog import RunLogger, TrackingError

    def refuse(**kwargs):
        raise wandb.errors.UsageError("api_key not configured (no-tty)")

    monkeypatch.setattr(wandb, "init", refuse)
    with pytest.raises(TrackingError, match=r"run.report_to: wandb: W&B could not start the run's tracking: "
                                            r"UsageError: api_key not configured"):
        RunLogger(tmp_path / "run", enabled=True, progress_bar=False, run=RunConfig(report_to=["wandb"]))
    assert not any((tmp_path / "run").iterdir())  # no log: a relaunch needs no --overwrite
    # Other ranks start nothing.
    RunLogger(tmp_path / "other", enabled=False, progress_bar=False, run=RunConfig(report_to=["wandb"])).close()
    assert not (tmp_path / "other").exists()


def test_an_online_run_without_a_login_stops_before_training(small_shards, tmp_path):
    """Through launch/train.py: WANDB_MODE=online without an API key (and a W&B host that does not exist)
    ends the launch with exit 1 and one line naming run.report_to, and leaves the run directory empty."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run",
                                extra={"run": {"report_to": ["wandb"]}})
    env = {**train_env(), **offline_env(tmp_path), "WANDB_MODE": "online", "WANDB_BASE_URL": "http://127.0.0.1:9"}
    result = subprocess.run([sys.executable, str(REPO / "launch" / "train.py"), "--config", str(config)], env=env,
                            capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 1, (result.stdout + result.stderr)[-3000:]
    assert result.stderr.startswith("error: rank 0: run.report_to: wandb: W&B could not start the run's tracking: "
                                    "UsageError: No API key configured"), result.stderr[-3000:]
    assert "Traceback" not in result.stderr and not any((tmp_path / "run").iterdir())


def test_report_to_values_and_a_missing_wandb_package(small_shards, tmp_path, monkeypatch, capsys):
    """run.report_to takes a list or one name, [] for metrics.jsonl only, and refuses unknown trackers; with
    wandb selected but not installed, the launch stops at config validation (exit 2, before any process
    group), naming the key and the install command."""
    from dist_mmfuse.cli import train_main

    def load(*overrides):
        raw = {"data": {"shard_dir": str(small_shards)}}
        return config_from_dict(raw, list(overrides), source="c.yaml", check_data=False, check_model=False)

    assert load().run.report_to == ["tensorboard"]
    assert load("run.report_to=wandb").run.report_to == ["wandb"]
    assert load("run.report_to=[]").run.report_to == []
    assert load("run.report_to=[wandb,tensorboard,wandb]").run.report_to == ["wandb", "tensorboard"]
    with pytest.raises(ConfigError, match=r"c.yaml: run.report_to.0: Input should be 'tensorboard' or 'wandb'"):
        load("run.report_to=[mlflow]")

    monkeypatch.setitem(sys.modules, "wandb", None)  # import wandb fails, as where it is not installed
    with pytest.raises(ConfigError, match=r"c.yaml: run.report_to: wandb \(Weights & Biases\) is not installed; "
                                          r"install it with `pip install 'dist_mmfuse\[wandb\]'`"):
        load("run.report_to=[tensorboard,wandb]")
    load("run.report_to=[tensorboard]")  # not needed, not looked for
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    assert train_main(["--config", str(config), "run.report_to=[wandb]"]) == 2
    err = capsys.readouterr().err
    assert "run.report_to: wandb (Weights & Biases) is not installed" in err and "process group" not in err
    assert not (tmp_path / "run").exists()
