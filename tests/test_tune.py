"""Ray Tune through launch/tune.py for real: a local Ray instance, Ray Train workers running DeepSpeed on
CPU (gloo), ASHA on a validation metric, an interrupted experiment resumed, the best config retrained."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml

from dist_mmfuse.config import ConfigError
from dist_mmfuse.tuning import (BEST_CONFIG, PLOT, RESULTS_CSV, base_config, load_tune_settings, param_overrides,
                                 trial_config)

from .conftest import REPO, train_env, write_train_config


TUNE = [sys.executable, str(REPO / "launch" / "tune.py")]
TRAIN = [sys.executable, str(REPO / "launch" / "train.py")]
EPOCHS = 3


def tune_env(tmp_path: Path) -> dict[str, str]:
    env = train_env()
    # Ray's session files and auth token stay private to the test. Its socket paths must fit in 107
    # characters, so the session directory is a short one under /tmp.
    env.update(RAY_TMPDIR=tempfile.mkdtemp(prefix="ray", dir="/tmp"), HOME=str(tmp_path / "home"))
    (tmp_path / "home").mkdir(exist_ok=True)
    return env


def write_tune_config(tmp_path: Path, small_shards: Path, name: str, space: dict, num_samples: int,
                      epochs: int = EPOCHS, **extra) -> Path:
    train = write_train_config(tmp_path / "train.yaml", small_shards, tmp_path / "runs" / "base",
                               extra={"trainer": {"epochs": epochs, "log_every": 5}})
    settings = {"name": name, "train_config": str(train), "space": space, "metric": "valid_mae", "mode": "min",
                "num_samples": num_samples, "search": {"algorithm": "random", "seed": 3, "max_concurrent": 1},
                "scheduler": {"name": "asha", "grace_period_epochs": 1, "reduction_factor": 2},
                "trial": {"workers": 1, "cpus_per_worker": 1}, "storage_path": str(tmp_path / "tune"), **extra}
    path = tmp_path / f"{name}.yaml"
    path.write_text(yaml.safe_dump(settings, sort_keys=False))
    return path


def trial_results(experiment: Path) -> dict[str, list[dict]]:
    """Every trial's reported results (Tune's result.json), by trial id."""
    results = {}
    for path in experiment.glob("trial_driver_*/result.json"):
        lines = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        if lines:
            results[lines[0]["trial_id"]] = lines
    return results


def valid_epochs(run_dir: Path) -> list[int]:
    records = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines()]
    return [r["epoch"] for r in records if r["kind"] == "valid"]


@pytest.mark.slow
def test_asha_search_stops_weak_trials_and_its_best_config_trains(small_shards, tmp_path):
    """Four trials over a loss weight and a learning rate, one at a time (so ASHA's decisions are
    reproducible). ASHA stops some at a rung (epoch 1 or 2), each only for a best validation MAE so far worse
    than one an earlier trial had there, and lets others finish. The results table, plot and best config
    are written, naming the trial Ray's progress table last called the current best, and the best config
    trains with launch/train.py as is, to the trial's validation curve."""
    space = {"objective.mmim.alpha": {"uniform": [0.05, 0.2]}, "trainer.lr_main": {"loguniform": [1.0e-4, 1.0e-2]}}
    config = write_tune_config(tmp_path, small_shards, "asha", space, num_samples=4)
    # --verbose: Ray's progress tables and the workers' output, as they come.
    done = subprocess.run(TUNE + ["--config", str(config), "--verbose"], cwd=REPO, env=tune_env(tmp_path),
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    experiment = tmp_path / "tune" / "asha"
    table = pd.read_csv(experiment / RESULTS_CSV)
    assert len(table) == 4 and not table["ended"].str.startswith("error").any(), table
    ended = table.set_index("trial_id")["ended"]
    assert (ended == "stopped by scheduler").any() and (ended == "finished").any(), table
    results = trial_results(experiment)
    earlier: list[list[float]] = []  # the validation MAE curves of the trials started before
    for trial_id in sorted(results):  # trial ids end in their start order
        reports = results[trial_id]
        # The scheduler's time attribute is the sample counter, reported after every epoch.
        samples = [r["samples_seen"] for r in reports]
        assert samples == sorted(samples) and len(set(samples)) == len(samples), trial_id
        assert [r["epoch"] for r in reports] == list(range(1, len(reports) + 1))
        assert (len(reports) == EPOCHS) == (ended[trial_id] == "finished") == reports[-1]["finished"], trial_id
        curve = [r["valid_mae"] for r in reports]
        # Every report carries the best so far (what ASHA, the searcher and Ray's table judge) and its epoch.
        assert [r["best_valid_mae"] for r in reports] == list(np.minimum.accumulate(curve)), trial_id
        assert [r["best_epoch"] for r in reports] == [1 + curve.index(min(curve[:i + 1])) for i in range(len(curve))]
        if ended[trial_id] == "stopped by scheduler":  # at a rung (epoch 1 or 2), behind an earlier trial there
            rung = len(curve)
            assert rung < EPOCHS and min(curve) > min(min(c[:rung]) for c in earlier if len(c) >= rung), trial_id
        earlier.append(curve)
    best = table.iloc[0]
    assert best["ended"] == "finished"
    best_history = [r["valid_mae"] for r in results[best["trial_id"]]]
    assert best["valid_mae"] == min(best_history) and best["best_epoch"] == 1 + best_history.index(min(best_history))
    assert (best["valid_mae"] <= table["valid_mae"]).all()
    assert (experiment / PLOT).stat().st_size > 10_000
    assert "valid_mae" in done.stdout and best["trial_id"] in done.stdout  # the printed table
    # Ray's last progress table names the same best trial, with the same value, as results.csv.
    current = [line for line in done.stdout.splitlines() if line.startswith("Current best trial: ")][-1]
    assert current.startswith(f"Current best trial: {best['trial_id']} with best_valid_mae="), current
    assert float(current.split("best_valid_mae=")[1].split()[0]) == pytest.approx(best["valid_mae"], rel=1e-9)
    assert results[best["trial_id"]][-1]["best_epoch"] == best["best_epoch"]
    assert (f"# Best trial {best['trial_id']} of tuning experiment 'asha': valid_mae = {best['valid_mae']:.6g} "
            f"(epoch {best['best_epoch']}).") in (experiment / BEST_CONFIG).read_text()
    # Rank 0's lines once each, not twice (Ray Train's print patch is off).
    worker_lines = [line for line in done.stdout.splitlines() if "[valid] step" in line]
    assert worker_lines and len(worker_lines) == len(set(worker_lines)), worker_lines[:4]

    best_config = experiment / BEST_CONFIG
    saved = yaml.safe_load(best_config.read_text())
    assert saved["objective"]["mmim"]["alpha"] == pytest.approx(best["objective.mmim.alpha"])
    assert saved["trainer"]["lr_main"] == pytest.approx(best["trainer.lr_main"])
    trained = subprocess.run(TRAIN + ["--config", str(best_config)], cwd=tmp_path, env=train_env(),
                             capture_output=True, text=True, timeout=600)
    assert trained.returncode == 0, trained.stdout[-3000:] + trained.stderr[-3000:]
    run_dir = Path(saved["run"]["output_dir"]) / saved["run"]["name"]
    assert valid_epochs(run_dir) == list(range(1, EPOCHS + 1))
    # The same seed and config on one rank, through the deepspeed-free single-process path, retrace the
    # trial's validation curve.
    retrained = [json.loads(x) for x in (run_dir / "metrics.jsonl").read_text().splitlines()]
    np.testing.assert_allclose([r["mae"] for r in retrained if r["kind"] == "valid"], best_history, rtol=1e-4)


@pytest.mark.slow
def test_an_interrupted_experiment_resumes_without_repeating_finished_trials(small_shards, tmp_path):
    """SIGINT (Ctrl-C) once the second trial has checkpointed an epoch; ``--resume`` then finishes the
    experiment: the finished first trial is not run again, and the interrupted one continues from its
    checkpoint (each validation epoch logged exactly once, one end of training) instead of starting over.
    The searcher is Optuna's, whose state is restored with the experiment. Seven epochs of about 2 s each
    leave time to interrupt the second trial mid-run."""
    epochs = 7
    space = {"objective.mmim.alpha": {"uniform": [0.05, 0.2]}}
    config = write_tune_config(tmp_path, small_shards, "resume", space, num_samples=2, epochs=epochs,
                               scheduler={"name": "fifo"},
                               search={"algorithm": "optuna", "seed": 3, "max_concurrent": 1})
    experiment = tmp_path / "tune" / "resume"
    env = tune_env(tmp_path)
    process = subprocess.Popen(TUNE + ["--config", str(config)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline:
            results = trial_results(experiment)
            finished = [t for t, r in results.items() if r[-1].get("finished")]
            running = [t for t, r in results.items() if not r[-1].get("finished")]
            if finished and running:
                break
            assert process.poll() is None, process.stdout.read()[-3000:]
            time.sleep(1)
        else:
            pytest.fail("the second trial never reported an epoch")
        os.kill(process.pid, signal.SIGINT)
        output = process.communicate(timeout=180)[0]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    first, second = finished[0], running[0]
    before = trial_results(experiment)
    assert not before[second][-1].get("finished"), output[-2000:]
    # Said as an interruption, with this tool's resume command; the interrupted trial is marked so; by
    # default a few lines (a line per trial event), no Ray status tables, tracebacks or colour codes.
    assert process.returncode == 130, output[-3000:]
    assert f"interrupted: 1 of 2 trials finished and kept; resume with: python launch/tune.py --config {config} " \
           "--resume" in output, output[-3000:]
    assert "Tuner.restore" not in output and "Traceback" not in output and "\x1b[" not in output, output[-3000:]
    assert "Trial status" not in output and len(output.splitlines()) < 60, output[-3000:]
    interrupted_table = pd.read_csv(experiment / RESULTS_CSV).set_index("trial_id")
    assert interrupted_table.loc[first, "ended"] == "finished", interrupted_table
    assert interrupted_table.loc[second, "ended"] == "interrupted", interrupted_table
    first_log = (experiment / "runs" / first / "metrics.jsonl").read_text()

    again = subprocess.run(TUNE + ["--config", str(config)], cwd=REPO, env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr  # no silent restart over the old one
    resumed = subprocess.run(TUNE + ["--config", str(config), "--resume"], cwd=REPO, env=env, capture_output=True,
                             text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stdout[-3000:] + resumed.stderr[-3000:]
    after = trial_results(experiment)
    assert after[first] == before[first]  # not rerun
    assert (experiment / "runs" / first / "metrics.jsonl").read_text() == first_log
    assert after[second][-1]["finished"] and after[second][-1]["epoch"] == epochs
    ours = ("epoch", "samples_seen", "global_step", "valid_mae", "finished")
    curve = [{k: r[k] for k in ours} for r in after[second]]
    assert curve[:len(before[second])] == [{k: r[k] for k in ours} for r in before[second]]
    assert [r["epoch"] for r in curve] == list(range(1, epochs + 1))
    log = [json.loads(x) for x in (experiment / "runs" / second / "metrics.jsonl").read_text().splitlines()]
    assert valid_epochs(experiment / "runs" / second) == list(range(1, epochs + 1))
    assert sum(r["kind"] == "final" for r in log) == 1  # the interrupted run never reached its end
    table = pd.read_csv(experiment / RESULTS_CSV)
    assert sorted(table["trial_id"]) == sorted([first, second]) and (table["ended"] == "finished").all()


@pytest.mark.slow
def test_two_searches_on_one_machine_both_finish(small_shards, tmp_path):
    """Two searches started at once on one machine, sharing Ray's temporary directory (as two users'
    searches do by default): each local Ray instance addresses only itself, so Ray Train's clean-up of a
    finished trial finds its own instance and frees its CPU, and both searches finish. Before, one hung
    with "Found multiple active Ray instances" and trials that waited for a CPU forever."""
    env = tune_env(tmp_path)
    space = {"objective.mmim.alpha": {"uniform": [0.05, 0.2]}}
    searches = []
    for name in ("first", "second"):
        base = tmp_path / name
        base.mkdir()
        config = write_tune_config(base, small_shards, name, space, num_samples=2, epochs=1, scheduler={"name": "fifo"})
        searches.append((base, subprocess.Popen(TUNE + ["--config", str(config), "--num-cpus", "1"], cwd=REPO, env=env,
                                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                                start_new_session=True)))
    try:
        for base, process in searches:
            output = process.communicate(timeout=900)[0]
            assert process.returncode == 0, output[-3000:]
            assert "multiple active Ray instances" not in output
            table = pd.read_csv(base / "tune" / base.name / RESULTS_CSV)
            assert len(table) == 2 and (table["ended"] == "finished").all(), table
    finally:
        for _, process in searches:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGKILL)


def test_tune_settings_are_checked(tmp_path, small_shards):
    config = write_tune_config(tmp_path, small_shards, "bad", {"objective.mmim.alpha": {"uniform": [0.1, 0.2]}}, 2)
    with pytest.raises(ConfigError, match="test metric"):
        load_tune_settings(config, ["metric=test_mae"])
    with pytest.raises(ConfigError, match="exactly one"):
        load_tune_settings(config, ["space={objective.mmim.alpha: {uniform: [0.1, 0.2], choice: [1]}}"])
    settings = load_tune_settings(config, ["space={objective.mmim.alfa: {uniform: [0.1, 0.2]}}"])
    from dist_mmfuse.tuning import check_settings

    with pytest.raises(ConfigError, match="alfa"):
        check_settings(settings)
    settings = load_tune_settings(config, ["metric=valid_acc9"])
    with pytest.raises(ConfigError, match="valid_acc7"):
        check_settings(settings)
    # Sampled values keep their types through the key=value overrides.
    settings = load_tune_settings(config)
    params = {"objective.mmim.alpha": 0.125, "trainer.epochs": 4}
    assert param_overrides({"a.b": 1e-7, "c": "x"}) == ["a.b=1.0e-07", "c=x"]
    trial = trial_config(settings, base_config(settings), params, "t1")
    assert trial.objective.mmim.alpha == 0.125 and trial.trainer.epochs == 4 and trial.run.name == "t1"
    assert Path(trial.data.shard_dir).is_absolute() and trial.trainer.deepspeed_config.is_file()
    # Ray's trial ids are 8 hex digits, sometimes all decimal ones: the run name stays that string.
    assert trial_config(settings, base_config(settings), params, "28802345").run.name == "28802345"
    # Paths inside the project travel relative to its root (a cluster node resolves them against its own
    # copy); others stay absolute.
    base = base_config(settings)
    assert base["trainer"]["deepspeed_config"] == "configs/deepspeed/zero0_fp32.json"
    assert base["data"]["shard_dir"] == str(small_shards)
    assert base["run"]["output_dir"] == str(tmp_path / "tune" / "bad" / "runs")


@pytest.mark.parametrize("path", sorted((REPO / "configs" / "tune").glob("*.yaml")), ids=lambda p: p.stem)
def test_shipped_tuning_configs_resolve(path, monkeypatch):
    """Every tuning YAML in configs/tune/ validates from any working directory (its paths are taken from
    its own directory), and a trial config with values from its space loads."""
    monkeypatch.chdir(REPO.parent)
    settings = load_tune_settings(path)
    assert settings.train_config.is_relative_to(REPO / "configs") and settings.train_config.is_file()
    assert settings.storage_path == REPO / "runs" / "tune"
    example = {key: dist.example() for key, dist in settings.space.items()}
    config = trial_config(settings, base_config(settings), example, "example")
    for key, value in example.items():
        node = config
        for part in key.split("."):
            node = node[part] if isinstance(node, dict) else getattr(node, part)
        assert node == value, key


def test_a_trial_is_judged_by_its_best_metric_over_its_epochs_everywhere(tmp_path, small_shards):
    """One rule for a trial's score: the best value of the metric over the epochs it reported. Each report
    carries it (best_<metric>, the key Tune's scheduler, searcher and progress table are told) with its
    epoch, numbered from 1, first among the table's columns; results.csv picks by the same rule, so the
    table's current best trial (the best last-reported best_<metric>) is the first row of results.csv."""
    from types import SimpleNamespace

    from dist_mmfuse.tuning import best_metric_key, results_table, tune_record

    def reports(values, metric="valid_mae", mode="min"):
        history = []
        for epoch, value in enumerate(values, start=1):
            record = {"epoch": epoch, "global_step": 10 * epoch, "best_epoch": 0, "best_valid_loss": 9.0,
                      "finished": epoch == len(values)}
            if value is not None:
                record[metric] = value
            history.append(tune_record(record, history, metric, mode))
        return history

    history = reports([1.4, 1.1, float("nan"), 1.1, 1.3])
    assert [r["best_valid_mae"] for r in history] == [1.4, 1.1, 1.1, 1.1, 1.1]
    assert [r["best_epoch"] for r in history] == [1, 2, 2, 2, 2]  # the first epoch of a tie
    assert list(history[0])[:4] == ["epoch", "valid_mae", "best_valid_mae", "best_epoch"]
    assert "best_valid_loss" not in history[0] and history[-1]["global_step"] == 50
    # Epochs without the metric (pre-training) report no best until one has it; mode max.
    pre = reports([None, 0.2, 0.5, 0.4], metric="valid_corr", mode="max")
    assert "best_valid_corr" not in pre[0] and "best_epoch" not in pre[0]
    assert [(r["best_valid_corr"], r["best_epoch"]) for r in pre[1:]] == [(0.2, 2), (0.5, 3), (0.5, 3)]
    assert best_metric_key("valid_mae") == "best_valid_mae"

    config = write_tune_config(tmp_path, small_shards, "rule", {"objective.mmim.alpha": {"uniform": [0.1, 0.2]}}, 3)
    settings = load_tune_settings(config)
    # Trial b ends worse than a but was better at its best epoch; c never reported the metric.
    curves = {"a": [1.3, 1.2, 1.15], "b": [1.25, 1.05, 1.4], "c": [None]}
    grid = [SimpleNamespace(metrics_dataframe=pd.DataFrame(reports(values)), config={"objective.mmim.alpha": 0.1},
                            metrics={**reports(values)[-1], "trial_id": trial}, error=None, path=f"/x/{trial}")
            for trial, values in curves.items()]
    table = results_table(settings, grid)
    assert list(table["trial_id"]) == ["b", "a", "c"]
    assert table.loc[0, "valid_mae"] == 1.05 and table.loc[0, "best_epoch"] == 2 and table.loc[0, "epochs_run"] == 3
    assert pd.isna(table.loc[2, "best_epoch"]) and pd.isna(table.loc[2, "valid_mae"])
    # Ray's "Current best trial": the trial whose last report has the best best_valid_mae.
    current_best = min((g for g in grid if "best_valid_mae" in g.metrics), key=lambda g: g.metrics["best_valid_mae"])
    assert current_best.metrics["trial_id"] == table.loc[0, "trial_id"]
    assert current_best.metrics["best_epoch"] == table.loc[0, "best_epoch"]
