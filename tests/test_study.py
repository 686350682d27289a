"""Studies through launch/study.py for real: arms crossed with seeds, each run a Ray trial of a Ray Train
run (DeepSpeed on CPU), an evaluation without a modality, the summary against a direct computation, an
interrupted study resumed without rerunning a finished run, and the refusals."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest
import scipy.stats
import yaml

from dist_mmfuse.study import (COMPARISONS_CSV, CURVE_PNG, RUN_RECORD, RUNS_CSV, SUMMARY_CSV, SUMMARY_MD,
                               load_study_settings)

from .conftest import REPO, write_train_config
from .test_tune import tune_env

STUDY = [sys.executable, str(REPO / "launch" / "study.py")]


def write_study(tmp_path: Path, small_shards: Path, epochs: int = 2, **extra) -> Path:
    train = write_train_config(tmp_path / "train.yaml", small_shards, tmp_path / "runs" / "base",
                               extra={"trainer": {"epochs": epochs, "log_every": 5}})
    settings = {
        "name": "s", "storage_path": str(tmp_path / "study"), "seeds": [3, 4], "reference": "late", "sided": "one",
        "comparisons": [["late", "mmim"]],
        "arms": {"late": {"config": str(train), "overrides": ["objective.name=late_fusion"]},
                 "mmim": {"config": str(train), "overrides": ["objective.mmim.alpha=0.2"]}},
        "metrics": ["mae", "corr"],
        "evaluations": {"no_audio": {"drop": ["audio"]}},
        "derived": {"audio_cost": {"difference": ["no_audio_mae", "mae"], "better": "higher"}},
        "trial": {"workers": 1, "cpus_per_worker": 1}, **extra}
    path = tmp_path / "study.yaml"
    path.write_text(yaml.safe_dump(settings, sort_keys=False))
    return path


def records(study: Path) -> dict[str, Path]:
    return {p.parent.name: p for p in study.glob(f"runs/*/{RUN_RECORD}")}


@pytest.mark.slow
def test_a_two_arm_two_seed_study_interrupted_and_resumed(small_shards, tmp_path):
    """SIGINT once a run has finished and before all have; ``--resume`` with a seed added finishes the
    study and runs the new seed without running a finished run again. runs.csv then has six finished rows,
    and the summary's means, sds and paired statistics equal a direct computation from runs.csv. A resume
    with a changed arm is refused, naming the change."""
    config = write_study(tmp_path, small_shards)
    study = tmp_path / "study" / "s"
    env = tune_env(tmp_path)
    process = subprocess.Popen(STUDY + ["--config", str(config), "--num-cpus", "2"], cwd=REPO, env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, start_new_session=True)
    deadline = time.monotonic() + 600
    try:
        while time.monotonic() < deadline and not records(study):
            assert process.poll() is None, process.stdout.read()[-3000:]
            time.sleep(0.5)
        os.kill(process.pid, signal.SIGINT)
        output = process.communicate(timeout=180)[0]
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    done_before = {name: (path.read_text(), (path.parent / "metrics.jsonl").read_text())
                   for name, path in records(study).items()}
    assert 1 <= len(done_before) < 4, output[-3000:]
    # Interrupted, said as such with this tool's resume command (not Ray's Tuner.restore), exit code 130;
    # by default a line per run event, the runs' own output kept in ray_logs/.
    assert process.returncode == 130, output[-3000:]
    assert (f"interrupted: {len(done_before)} of 4 runs finished and kept; resume with: python launch/study.py "
            f"--config {config} --num-cpus 2 --resume") in output, output[-3000:]
    assert "Tuner.restore" not in output and "Traceback" not in output and "\x1b[" not in output, output[-3000:]
    assert any(line.endswith("started") and "late-s3" in line for line in output.splitlines()), output[-3000:]
    assert any("process group:" in path.read_text(errors="replace")
               for path in (study / "ray_logs").rglob("worker-*.out")), "the runs' output is kept"

    again = subprocess.run(STUDY + ["--config", str(config)], cwd=REPO, env=env, capture_output=True, text=True)
    assert again.returncode == 2 and "--resume" in again.stderr  # no silent restart over the old one
    # One resume both finishes the interrupted study and extends it by a seed (one Ray session, not two).
    resumed = subprocess.run(STUDY + ["--config", str(config), "seeds=[3, 4, 5]", "--resume", "--num-cpus", "2"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stdout[-3000:] + resumed.stderr[-3000:]
    assert f"{len(done_before)} run(s) already finished are kept" in resumed.stdout, resumed.stdout[-3000:]
    for name, (record, log) in done_before.items():  # finished runs were not run again
        assert (study / "runs" / name / RUN_RECORD).read_text() == record
        assert (study / "runs" / name / "metrics.jsonl").read_text() == log

    runs = pd.read_csv(study / RUNS_CSV)
    assert sorted(zip(runs["arm"], runs["seed"])) == [(arm, seed) for arm in ("late", "mmim") for seed in (3, 4, 5)]
    assert set(records(study)) == {f"{arm}-s{seed}" for arm in ("late", "mmim") for seed in (3, 4, 5)}
    assert (runs["status"] == "finished").all() and (runs["epochs_run"] == 2).all()
    assert runs["best_epoch"].between(1, 2).all() and (runs["wall_s"] > 0).all()
    for _, row in runs.iterrows():
        log = [json.loads(x) for x in (study / "runs" / row["run"] / "metrics.jsonl").read_text().splitlines()]
        final = [r for r in log if r["kind"] == "final"][-1]
        assert row["mae"] == final["test_mae"] and row["best_epoch"] == final["best_epoch"]
        assert row["audio_cost"] == pytest.approx(row["no_audio_mae"] - row["mae"])
        assert row["no_audio_mae"] != row["mae"]  # the evaluation removed audio
        saved = yaml.safe_load((study / "runs" / row["run"] / "config.yaml").read_text())
        assert saved["run"]["seed"] == row["seed"]
        assert saved["objective"]["name"] == ("late_fusion" if row["arm"] == "late" else "mmim")

    summary = pd.read_csv(study / SUMMARY_CSV).set_index(["arm", "metric"])
    for arm in ("late", "mmim"):
        for metric in ("mae", "corr", "no_audio_mae", "no_audio_corr", "audio_cost"):
            values = runs[runs["arm"] == arm].sort_values("seed")[metric].to_numpy()
            assert summary.loc[(arm, metric), "mean"] == pytest.approx(values.mean(), rel=1e-12)
            assert summary.loc[(arm, metric), "sd"] == pytest.approx(values.std(ddof=1), rel=1e-12)
    # mmim against the reference, and the further comparison late against mmim (one-sided: arm better)
    comparisons = pd.read_csv(study / COMPARISONS_CSV).set_index(["arm", "reference", "metric"])
    assert sorted(set(comparisons.index.droplevel("metric"))) == [("late", "mmim"), ("mmim", "late")]
    for arm, reference in (("mmim", "late"), ("late", "mmim")):
        mine = runs[runs["arm"] == arm].sort_values("seed")
        theirs = runs[runs["arm"] == reference].sort_values("seed")
        for metric, alternative in (("mae", "less"), ("corr", "greater"), ("audio_cost", "greater")):
            differences = mine[metric].to_numpy() - theirs[metric].to_numpy()
            row = comparisons.loc[(arm, reference, metric)]
            assert row["difference_mean"] == pytest.approx(differences.mean(), rel=1e-12)
            assert row["difference_sd"] == pytest.approx(differences.std(ddof=1), rel=1e-12)
            favour = differences < 0 if alternative == "less" else differences > 0
            assert row["in_favour"] == favour.sum() and row["pairs"] == 3
            t_test = scipy.stats.ttest_rel(mine[metric], theirs[metric], alternative=alternative)
            assert row["t_test_p"] == pytest.approx(t_test.pvalue, rel=1e-9)
            assert row["wilcoxon_p"] == pytest.approx(
                scipy.stats.wilcoxon(mine[metric], theirs[metric], alternative=alternative).pvalue, rel=1e-9)
    markdown = (study / SUMMARY_MD).read_text()
    assert "Paired by seed against `late`" in markdown and "Paired by seed against `mmim`" in markdown
    assert "| mmim | mae | lower |" in markdown and "| late | mae | lower |" in markdown
    assert (study / CURVE_PNG).stat().st_size > 1000

    # A resume whose arm would train otherwise is refused, naming the change, and leaves every record.
    finished = {name: path.read_text() for name, path in records(study).items()}
    changed = subprocess.run(STUDY + ["--config", str(config), "seeds=[3, 4, 5]",
                                      "arms.mmim.overrides=[objective.mmim.alpha=0.3]", "--resume"],
                             cwd=REPO, env=env, capture_output=True, text=True, timeout=300)
    assert changed.returncode == 2 and "Traceback" not in changed.stderr, changed.stderr[-3000:]
    assert "changed: arms.mmim: config.objective.mmim.alpha" in changed.stderr
    assert {name: path.read_text() for name, path in records(study).items()} == finished


def test_studies_that_cannot_compare_are_refused(small_shards, tmp_path):
    """Selecting on the test split, arms on different data, a seed set by an arm, an unknown modality or
    metric: refused before Ray starts, naming the arm or key, with exit code 2."""
    config = write_study(tmp_path, small_shards)

    def refused(*overrides) -> str:
        result = subprocess.run(STUDY + ["--config", str(config), *overrides], cwd=REPO, env=tune_env(tmp_path),
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 2, result.stdout[-2000:] + result.stderr[-2000:]
        assert "Traceback" not in result.stderr
        return result.stderr

    assert "arms.mmim: trainer.select_with_test selects on the test split" in refused(
        "arms.mmim.overrides=[trainer.select_with_test=true]")
    assert "arms 'late' and 'mmim' differ in data.test_split" in refused(
        "arms.mmim.overrides=[data.test_split=valid]")
    assert "arms.late: run.seed comes from the study's seeds" in refused("arms.late.overrides=[run.seed=5]")
    assert "evaluations.no_audio.drop: ['smell']" in refused("evaluations.no_audio.drop=[smell]")
    assert "metrics ['corr_x']: evaluation reports" in refused("metrics=[mae, corr_x]")
    assert "reference 'plain' is not an arm" in refused("reference=plain")
    assert "comparisons [mmim, plain]: ['plain'] are not arms" in refused("comparisons=[[mmim, plain]]")
    assert "an arm compared with itself" in refused("comparisons=[[mmim, mmim]]")
    assert "put key.sub=value overrides before --resume" in refused("--resume", "seeds=[3]")
    assert not (tmp_path / "study" / "s").exists()


def test_shipped_study_configs_resolve():
    for path in sorted((REPO / "configs" / "study").glob("*.yaml")):
        settings = load_study_settings(path)
        for arm in settings.arms.values():
            assert arm.config.is_file(), (path, arm.config)


def test_a_study_recorded_by_an_earlier_version_resumes_unless_an_arm_changed():
    """A real-MOSI study's record as commit 2664bc5 wrote it (tests/data) predates model.fusion (it says
    model.fusion_head) and every key added since: read as this version reads it, it is unchanged; changing
    a value is named. (The published record in bench/results has since been rewritten by a resume.)"""
    import copy

    from dist_mmfuse.config import Config
    from dist_mmfuse.study import changed_settings

    stored = json.loads((REPO / "tests" / "data" / "study_record_2664bc5.json").read_text())
    assert "fusion_head" in stored["arms"]["self_mm"]["config"]["model"]
    assert "tfn" not in stored["arms"]["mmim"]["config"]["model"]
    now = copy.deepcopy(stored)
    for spec in now["arms"].values():
        spec["config"] = Config.model_validate(spec["config"]).model_dump(mode="json")
    assert changed_settings(stored, now) == []
    now["arms"]["self_mm"]["config"]["model"]["fusion"] = "mmim"
    now["arms"]["mmim"]["config"]["trainer"]["grad_clip_value"] = 0.5
    assert changed_settings(stored, now) == ["arms.mmim: config.trainer.grad_clip_value",
                                             "arms.self_mm: config.model.fusion"]
