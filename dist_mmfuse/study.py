"""Seeded comparisons of training recipes: ``launch/study.py --config configs/study/<name>.yaml``.

A study is a set of named arms, each a training config with overrides, crossed with a list of seeds.
Every (arm, seed) is one distributed run through the tuning machinery (:mod:`dist_mmfuse.tuning`): a
Ray Tune trial whose driver fits a Ray Train run of ``trial.workers`` workers. Runs go in parallel as
the cluster allows; a failed run is retried and resumes from its checkpoint; an interrupted study
resumes with ``--resume``, keeping every finished run.

After its training, a run's selected model (the epoch selected on validation) is evaluated again with
modalities removed, as ``evaluations`` asks, and the run's record is written into its run directory
(``study_run.json``): the test metrics at the selected epoch, the best epoch, the epochs run, the wall
time and the validation curve. The study then writes, in ``storage_path/name``:

* ``runs.csv``: one row per run;
* ``summary.csv``: mean and standard deviation over seeds per arm and metric;
* ``comparisons.csv``: every other arm against the ``reference`` arm, and the further pairs of
  ``comparisons``, paired by seed: the differences' mean and sd, the seeds in favour, the paired
  t-test's and the Wilcoxon signed-rank test's p-values, one- or two-sided as ``sided`` says;
* ``summary.md``: both tables in Markdown;
* ``valid_mae.png``: the validation MAE against the epoch per arm (mean over seeds, with a band of one sd).

A study whose arms would select on the test split, or differ in their data, is refused before any run
starts.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .config import (Config, ConfigError, migrate_renamed_keys, read_yaml_mapping, resolve_paths,
                     validate_with_overrides)
from .files import atomic_write_text
from .manifest import DataError
from .quiet import quiet_libraries
from .interrupt import EXIT_INTERRUPTED
from .ray_output import progress_callback, tune_verbosity
from .tuning import (PROJECT_ROOT, SearchInterrupted, TrialSettings, add_ray_arguments, error_line, fit_distributed,
                     fit_noting_interruption, interrupted_line, portable_config, ray_cluster, resume_requested,
                     run_config, runs_at_once)

quiet_libraries()

RUN_RECORD = "study_run.json"  # in each run directory, written when the run and its evaluations are done
ATTEMPTS = "study_attempts.json"  # each attempt at a run: its start and wall time (a retried run sums them)
STUDY_RECORD = "study.json"  # what the study's runs compute: a resume must compute the same
RUNS_CSV, SUMMARY_CSV, COMPARISONS_CSV = "runs.csv", "summary.csv", "comparisons.csv"
SUMMARY_MD, CURVE_PNG = "summary.md", "valid_mae.png"
LOWER_IS_BETTER = ("mae", "loss")  # every other reported metric is better higher
NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
# Keys that must be equal across arms: a comparison of arms on different data is no comparison.
DATA_KEYS = ("shard_dir", "train_split", "valid_split", "test_split", "modalities")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ArmSettings(_Strict):
    config: Path = Field(description="the arm's training config")
    overrides: list[str] = Field(default_factory=list, description="key.sub=value for every run of the arm")
    kind: Literal["train", "constant"] = Field(
        "train", description="train: a training run per seed; constant: no training, the training split's median "
                             "label predicted for every sample (a floor that any model must beat)")


class EvaluationSettings(_Strict):
    drop: list[str] = Field(min_length=1, description="modalities removed at test time (as eval.py --drop-modality)")
    fill: Literal["mean", "zero"] = "mean"


class DerivedMetric(_Strict):
    difference: tuple[str, str] = Field(description="[a, b]: the metric is a - b, per run")
    better: Literal["lower", "higher"]


class StudySettings(_Strict):
    """A study (``configs/study/*.yaml``)."""

    name: str = Field(min_length=1, description="the study's directory is storage_path/name")
    arms: dict[str, ArmSettings] = Field(min_length=1)
    seeds: list[int] = Field(min_length=1, description="run.seed of each run; every arm runs every seed")
    reference: str | None = Field(None, description="the arm every other one is compared with, paired by seed")
    comparisons: list[tuple[str, str]] = Field(
        default_factory=list, description="further [arm, reference] pairs compared paired by seed (e.g. a method "
                                          "against the one it extends)")
    sided: Literal["one", "two"] = Field(
        "two", description="two: two-sided p-values; one: one-sided, for the alternative that the arm is better "
                           "than the reference")
    metrics: list[str] = Field(["mae", "corr", "acc7", "acc2_non0", "f1_non0"], min_length=1,
                               description="test metrics to summarise (at the epoch selected on validation)")
    evaluations: dict[str, EvaluationSettings] = Field(
        default_factory=dict, description="extra test evaluations of each selected model; their metrics are "
                                          "<name>_<metric>")
    derived: dict[str, DerivedMetric] = Field(default_factory=dict, description="per-run differences of metrics")
    trial: TrialSettings = Field(default_factory=TrialSettings)
    storage_path: Path = Field(Path("runs/study"), description="the study's runs, records and summaries")

    @model_validator(mode="after")
    def _consistent(self) -> "StudySettings":
        for name in [*self.arms, *self.evaluations, *self.derived]:
            if not NAME.match(name):
                raise ValueError(f"{name!r}: names of arms, evaluations and derived metrics are letters, digits, "
                                 "'_', '.' and '-'")
        if len(set(self.seeds)) != len(self.seeds):
            raise ValueError(f"seeds {self.seeds}: each seed once")
        if self.reference is not None and self.reference not in self.arms:
            raise ValueError(f"reference {self.reference!r} is not an arm ({sorted(self.arms)})")
        for arm, reference in self.comparisons:
            unknown = [a for a in (arm, reference) if a not in self.arms]
            if unknown:
                raise ValueError(f"comparisons [{arm}, {reference}]: {unknown} are not arms ({sorted(self.arms)})")
            if arm == reference:
                raise ValueError(f"comparisons [{arm}, {reference}]: an arm compared with itself")
        known = set(self.reported_metrics())
        for name, derived in self.derived.items():
            unknown = [m for m in derived.difference if m not in known]
            if unknown:
                raise ValueError(f"derived.{name}: {unknown} are not metrics of the study ({sorted(known)})")
        return self

    def compared_pairs(self) -> list[tuple[str, str]]:
        """(arm, reference) of every comparison: each other arm against ``reference``, then ``comparisons``."""
        pairs = [(arm, self.reference) for arm in self.arms if self.reference not in (None, arm)]
        return pairs + [pair for pair in self.comparisons if pair not in pairs]

    def experiment_dir(self) -> Path:
        return self.storage_path / self.name

    def reported_metrics(self) -> list[str]:
        """Every metric a run reports: the test metrics, each evaluation's, then the derived ones."""
        evaluated = [f"{e}_{m}" for e in self.evaluations for m in self.metrics]
        return [*self.metrics, *evaluated, *self.derived]

    def better(self, metric: str) -> str:
        if metric in self.derived:
            return self.derived[metric].better
        base = next((metric.removeprefix(f"{e}_") for e in self.evaluations if metric.startswith(f"{e}_")), metric)
        return "lower" if base in LOWER_IS_BETTER else "higher"


def run_name(arm: str, seed: int) -> str:
    return f"{arm}-s{seed}"


def record_path(settings: StudySettings, arm: str, seed: int) -> Path:
    """Where run (arm, seed) writes its record once it is finished."""
    return settings.experiment_dir() / "runs" / run_name(arm, seed) / RUN_RECORD


def records_of(settings: StudySettings) -> list[Path]:
    """The records of the study's finished runs."""
    paths = [record_path(settings, arm, seed) for arm in settings.arms for seed in settings.seeds]
    return [path for path in paths if path.is_file()]


def load_study_settings(path: str | Path, overrides: list[str] | tuple[str, ...] = ()) -> StudySettings:
    """Read and validate a study YAML with ``key.sub=value`` overrides; paths become absolute (relative
    ones in the file against its directory, those of overrides against the working directory)."""
    raw = read_yaml_mapping(path)
    here = Path(path).absolute().parent
    keys = [("storage_path",)] + [("arms", arm, "config") for arm in raw.get("arms") or {}]
    resolve_paths(raw, here, keys)
    settings = validate_with_overrides(StudySettings, raw, overrides, path,
                                       after_overrides=lambda tree: resolve_paths(tree, Path.cwd(), keys))
    return settings.model_copy(update={"storage_path": settings.storage_path.absolute()})


# -- before any run ---------------------------------------------------------------------------------


def check_study(settings: StudySettings) -> dict[str, dict[str, Any]]:
    """Fail before any run starts: every arm's config must load (naming the arm), none may select on the
    test split or set the seed itself, all must train on the same data (built now if the config can build
    it), the evaluations must remove modalities the runs have, and the metrics must be ones evaluation
    reports. Returns each arm's portable base config (see :func:`tuning.portable_config`)."""
    import numpy as np

    from .data.loader import check_training_batches
    from .metrics import msa_metrics
    from .prepare import prepare_data

    bases, configs = {}, {}
    for arm, spec in settings.arms.items():
        if any(o.split("=", 1)[0].strip() == "run.seed" for o in spec.overrides):
            raise ConfigError(f"arms.{arm}: run.seed comes from the study's seeds; remove it from the overrides")
        try:
            bases[arm] = portable_config(spec.config, spec.overrides, settings.experiment_dir())
            configs[arm] = run_config(bases[arm], [], run_name(arm, settings.seeds[0]), f"{spec.config} (arm {arm})")
        except ConfigError as exc:
            raise ConfigError(f"arms.{arm}: {exc}") from exc
        if configs[arm].trainer.select_with_test:
            raise ConfigError(f"arms.{arm}: trainer.select_with_test selects on the test split, whose metrics the "
                              "study reports; a study selects on validation only")
    first = next(iter(configs))
    for arm, config in configs.items():
        differing = [k for k in DATA_KEYS if getattr(config.data, k) != getattr(configs[first].data, k)]
        if differing:
            raise ConfigError(f"arms {first!r} and {arm!r} differ in data.{', data.'.join(differing)}: a study "
                              "compares arms on the same data (make one study per dataset)")
    manifest, _ = prepare_data(configs[first], settings.arms[first].config)
    for arm, config in configs.items():
        if settings.arms[arm].kind == "train":
            check_training_batches(config.data, manifest, settings.trial.workers)
    used = configs[first].data.modalities or list(manifest.schema.names)
    for name, evaluation in settings.evaluations.items():
        unknown = sorted(set(evaluation.drop) - set(used))
        if unknown:
            raise ConfigError(f"evaluations.{name}.drop: {unknown} are not modalities of the runs ({used})")
    probe = np.array([-1.0, -0.5, 0.5, 1.0])
    names = {"loss", *msa_metrics(probe, probe[::-1], manifest.schema.label_range)}
    unknown = sorted(set(settings.metrics) - names)
    if unknown:
        raise ConfigError(f"metrics {unknown}: evaluation reports {sorted(names)}")
    return bases


# -- one run (inside a Tune trial) ------------------------------------------------------------------


def read_attempts(path: Path) -> list[list[float | None]]:
    """The attempts at a run: [start (epoch seconds) or None, wall seconds or None (killed before its end)].
    Records of earlier versions hold the wall seconds alone."""
    raw = json.loads(path.read_text()) if path.is_file() else []
    return [entry if isinstance(entry, list) else [None, float(entry)] for entry in raw]


def attempts_wall_s(attempts: list[list[float | None]], run_dir: Path) -> float:
    """The run's wall time over its attempts; an attempt that was killed counts from its start to the run's
    last write (its logs and checkpoints)."""
    last_write = max((p.stat().st_mtime for p in run_dir.rglob("*") if p.is_file() and p.name != ATTEMPTS),
                     default=0.0)
    return sum(seconds if seconds is not None else max(0.0, last_write - (start or last_write))
               for start, seconds in attempts)


def study_trial(params: dict[str, Any], settings: StudySettings, bases: dict[str, dict[str, Any]]) -> None:
    """A Tune trial: train (arm, seed), evaluate its selected model, write its record. A run whose record
    exists is done and is not run again."""
    arm, seed = params["arm"], int(params["seed"])
    name = run_name(arm, seed)
    config = run_config(bases[arm], [f"run.seed={seed}"], name, f"{settings.arms[arm].config} (run {name})")
    run_dir = config.run_dir()
    if (run_dir / RUN_RECORD).is_file():
        return
    run_dir.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    attempts_path = run_dir / ATTEMPTS
    # This attempt is recorded as started now, so that if it is killed (Ctrl-C ends a study's trials without
    # unwinding them) the next attempt still counts its time, up to the run's last write.
    earlier = read_attempts(attempts_path)
    atomic_write_text(attempts_path, json.dumps([*earlier, [time.time(), None]]))
    try:
        if settings.arms[arm].kind == "constant":
            record = constant_run(config)
        else:
            # A fixed Train name per run: a retried run resumes its Train run from the last checkpoint.
            fit_distributed(config, settings.trial, "valid_mae", "min", settings.experiment_dir() / "train",
                            f"train-{name}")
            record = trained_run(config, settings)
    finally:
        atomic_write_text(attempts_path, json.dumps([*earlier, [None, time.monotonic() - start]]))
    record.update(arm=arm, seed=seed, run=name, wall_s=attempts_wall_s(read_attempts(attempts_path), run_dir))
    atomic_write_text(run_dir / RUN_RECORD, json.dumps(record, indent=1))


def trained_run(config: Config, settings: StudySettings) -> dict[str, Any]:
    """A finished training run's record, from its metrics.jsonl, with the evaluations of its selected model."""
    run_dir = config.run_dir()
    records = [json.loads(line) for line in (run_dir / "metrics.jsonl").read_text().splitlines() if line.strip()]
    final = [r for r in records if r["kind"] == "final"]
    if not final or final[-1].get("best_epoch") is None:
        raise RuntimeError(f"{run_dir}: the run selected no epoch (no finite validation loss); nothing to report")
    valid = [r for r in records if r["kind"] == "valid"]
    curve = {int(r["epoch"]): float(r["mae"]) for r in valid if not r.get("pretraining") and "mae" in r}
    record: dict[str, Any] = {
        "best_epoch": int(final[-1]["best_epoch"]), "epochs_run": max((int(r["epoch"]) for r in valid), default=0),
        "metrics": {k.removeprefix("test_"): v for k, v in final[-1].items() if k.startswith("test_")},
        "valid_mae": sorted(curve.items())}
    for name, evaluation in settings.evaluations.items():
        command = [sys.executable, str(PROJECT_ROOT / "launch" / "eval.py"), "--model", str(run_dir / "best_model"),
                   "--split", config.data.test_split, "--fill", evaluation.fill]
        for modality in evaluation.drop:
            command += ["--drop-modality", modality]
        result = subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT)
        if result.returncode != 0:
            raise RuntimeError(f"evaluation {name} of {run_dir / 'best_model'} failed ({result.returncode}): "
                               f"{result.stderr.strip()[-2000:]}")
        report = json.loads(result.stdout[result.stdout.index("{"):])
        record["metrics"].update({f"{name}_{k}": v for k, v in report.items() if isinstance(v, (int, float))})
    return record


def constant_run(config: Config) -> dict[str, Any]:
    """The constant arm: the training split's median label predicted for every test sample."""
    import numpy as np

    from .data.loader import make_loader
    from .manifest import load_manifest
    from .metrics import msa_metrics

    def labels(split: str) -> np.ndarray:
        loader = make_loader(config.data, split, rank=0, world_size=1, train=False, seed=config.run.seed)
        values = [batch.label[batch.sample_mask].double().numpy() for batch in loader.epoch(0)]
        loader.close()
        return np.concatenate(values)

    truth = labels(config.data.test_split)
    prediction = np.full_like(truth, float(np.median(labels(config.data.train_split))))
    metrics = msa_metrics(prediction, truth, load_manifest(config.data.shard_dir).schema.label_range)
    return {"best_epoch": 0, "epochs_run": 0, "metrics": {"loss": float(np.abs(prediction - truth).mean()), **metrics},
            "valid_mae": []}


# -- the study ----------------------------------------------------------------------------------------


def study_identity(settings: StudySettings, bases: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """What decides a run's result (each arm's kind and resolved training config, the evaluations, the
    workers per run), and the seeds it ran with (for the record), as JSON values."""
    return json.loads(json.dumps({
        "arms": {arm: {"kind": spec.kind, "config": bases[arm]} for arm, spec in settings.arms.items()},
        "evaluations": {name: e.model_dump(mode="json") for name, e in settings.evaluations.items()},
        "workers": settings.trial.workers, "seeds": settings.seeds}))


def differing_keys(old: Any, new: Any, prefix: str = "") -> list[str]:
    """The dotted keys at which two JSON values differ."""
    if isinstance(old, dict) and isinstance(new, dict):
        return [key for k in sorted(set(old) | set(new), key=str)
                for key in differing_keys(old.get(k), new.get(k), f"{prefix}.{k}" if prefix else str(k))]
    return [] if old == new else [prefix or "(the value)"]


def check_resume(settings: StudySettings, identity: dict[str, Any]) -> None:
    """Before a resume: refuse one whose runs would compute otherwise than the study's finished runs did
    (a changed arm, evaluation or worker count), naming what changed. Seeds and arms may be added. A study
    started before this record existed is taken as is. A resume needs the study's record or Ray Tune's
    state; the runs' records (``study_run.json``) are what keeps them, so a study whose records were copied
    elsewhere resumes there."""
    from ray import tune

    path = settings.experiment_dir() / STUDY_RECORD
    if not path.is_file() and not tune.Tuner.can_restore(str(settings.experiment_dir())):
        raise ConfigError(f"--resume: no study to resume at {settings.experiment_dir()}")
    if not path.is_file():
        return
    changed = changed_settings(json.loads(path.read_text()), identity)
    if changed:
        raise ConfigError(f"--resume: the study at {settings.experiment_dir()} ran with other settings, so its "
                          f"finished runs would not compare with new ones; changed: {'; '.join(changed)}. Resume "
                          "it as it was, or start another study (another name or storage_path)")


def changed_settings(stored: dict[str, Any], identity: dict[str, Any]) -> list[str]:
    """What differs between a study's recorded identity and this launch's, for the arms both have, the
    evaluations and the workers. Arm configs are compared as this version reads them: a key renamed since
    is read under its new name, and a key added since holds its default in both."""
    stored_arms = {arm: {**spec, "config": current_config(spec["config"])} for arm, spec in stored["arms"].items()}
    arms = {arm: {**spec, "config": current_config(spec["config"])} for arm, spec in identity["arms"].items()}
    changed = [f"arms.{arm}: {', '.join(differing_keys(stored_arms[arm], arms[arm]))}"
               for arm in stored_arms if arm in arms and stored_arms[arm] != arms[arm]]
    return changed + [key for key in ("evaluations", "workers") if stored[key] != identity[key]]


def current_config(raw: dict[str, Any]) -> dict[str, Any]:
    """A recorded training config as this version reads it (renamed keys, defaults of added keys); as it is
    where it no longer validates (then every difference shows)."""
    try:
        return Config.model_validate(raw).model_dump(mode="json")
    except ValidationError:
        raw = json.loads(json.dumps(raw))
        migrate_renamed_keys(raw)
        return raw


def build_tuner(settings: StudySettings, bases: dict[str, dict[str, Any]], concurrent: int, verbose: bool = False):
    """The Tuner over every (arm, seed) of the settings. It serves a new study and a resumed one alike
    (rather than restoring Tune's own state, which holds the grid the study started with, so that a
    resume may add seeds or arms): a run already finished returns at once (:func:`study_trial`), and
    an interrupted one resumes from its Train run's last checkpoint."""
    import functools

    from ray import tune
    from ray.tune.search import BasicVariantGenerator

    from .tuning import DRIVER_MEMORY

    trainable = tune.with_resources(functools.partial(study_trial, settings=settings, bases=bases),
                                    {"CPU": 0, "memory": DRIVER_MEMORY})
    space = {"arm": tune.grid_search(list(settings.arms)), "seed": tune.grid_search(settings.seeds)}
    return tune.Tuner(
        trainable, param_space=space,
        tune_config=tune.TuneConfig(search_alg=BasicVariantGenerator(max_concurrent=concurrent)),
        run_config=tune.RunConfig(name=settings.name, storage_path=str(settings.storage_path),
                                  failure_config=tune.FailureConfig(max_failures=settings.trial.retries),
                                  verbose=tune_verbosity(verbose),
                                  callbacks=[progress_callback(len(settings.arms) * len(settings.seeds),
                                                               lambda config: run_name(config["arm"], config["seed"]),
                                                               None)]))


def runs_table(settings: StudySettings) -> "pandas.DataFrame":  # noqa: F821
    """One row per (arm, seed) from the runs' records: finished, or missing (failed or not run)."""
    import pandas as pd

    rows = []
    for arm in settings.arms:
        for seed in settings.seeds:
            path = record_path(settings, arm, seed)
            row: dict[str, Any] = {"arm": arm, "seed": seed, "run": run_name(arm, seed)}
            if path.is_file():
                record = json.loads(path.read_text())
                metrics = record["metrics"]
                for name, derived in settings.derived.items():
                    a, b = (metrics.get(m, math.nan) for m in derived.difference)
                    metrics[name] = a - b
                row.update(status="finished", best_epoch=record["best_epoch"], epochs_run=record["epochs_run"],
                           wall_s=record["wall_s"], **{m: metrics.get(m, math.nan)
                                                       for m in settings.reported_metrics()})
            else:
                row["status"] = "missing"
            rows.append(row)
    return pd.DataFrame(rows)


def p_values(arm_values, reference_values, better: str, sided: str) -> tuple[float, float, float]:
    """(t, p of the paired t-test, p of the Wilcoxon signed-rank test) of arm against reference; one-sided
    for the alternative that the arm is better. NaN where a test is undefined (fewer than 2 pairs, or
    every difference the same)."""
    import numpy as np
    import scipy.stats

    alternative = "two-sided" if sided == "two" else ("less" if better == "lower" else "greater")
    differences = np.asarray(arm_values) - np.asarray(reference_values)
    if len(differences) < 2 or np.all(differences == differences[0]):
        return math.nan, math.nan, math.nan
    t_test = scipy.stats.ttest_rel(arm_values, reference_values, alternative=alternative)
    wilcoxon = (scipy.stats.wilcoxon(arm_values, reference_values, alternative=alternative).pvalue
                if np.any(differences != 0) else math.nan)
    return float(t_test.statistic), float(t_test.pvalue), float(wilcoxon)


def summarise(settings: StudySettings, runs) -> "pandas.DataFrame":  # noqa: F821
    """Per arm and metric: the finished runs' count, mean and sample sd."""
    import pandas as pd

    finished = runs[runs["status"] == "finished"]
    rows = []
    for arm in settings.arms:
        for metric in settings.reported_metrics():
            values = finished.loc[finished["arm"] == arm, metric].astype(float)
            rows.append({"arm": arm, "metric": metric, "better": settings.better(metric), "runs": len(values),
                         "mean": values.mean(), "sd": values.std(ddof=1) if len(values) > 1 else math.nan})
    return pd.DataFrame(rows)


def compare(settings: StudySettings, runs) -> "pandas.DataFrame":  # noqa: F821
    """Per compared (arm, reference) and metric, paired by seed over the seeds both finished: the
    difference's (arm - reference) mean and sd, the seeds in the arm's favour, t and the p-values."""
    import pandas as pd

    finished = runs[runs["status"] == "finished"]
    columns = ["arm", "reference", "metric", "better", "pairs", "difference_mean", "difference_sd", "in_favour",
               "t", "t_test_p", "wilcoxon_p"]
    rows = []
    for arm, reference in settings.compared_pairs():
        mine = finished[finished["arm"] == arm].set_index("seed")
        theirs = finished[finished["arm"] == reference].set_index("seed")
        seeds = sorted(set(mine.index) & set(theirs.index))
        for metric in settings.reported_metrics():
            values, reference_values = mine.loc[seeds, metric].astype(float), theirs.loc[seeds, metric].astype(float)
            differences = values - reference_values
            better = settings.better(metric)
            in_favour = (differences < 0) if better == "lower" else (differences > 0)
            t, t_p, wilcoxon_p = p_values(values.to_numpy(), reference_values.to_numpy(), better, settings.sided)
            rows.append({"arm": arm, "reference": reference, "metric": metric, "better": better, "pairs": len(seeds),
                         "difference_mean": differences.mean() if seeds else math.nan,
                         "difference_sd": differences.std(ddof=1) if len(seeds) > 1 else math.nan,
                         "in_favour": int(in_favour.sum()), "t": t, "t_test_p": t_p, "wilcoxon_p": wilcoxon_p})
    return pd.DataFrame(rows, columns=columns)


def markdown(settings: StudySettings, runs, summary, comparisons) -> str:
    """summary.md: the per-arm table (mean ± sd) and the paired comparisons."""
    def cell(mean, sd):
        return "–" if math.isnan(mean) else (f"{mean:.3f}" if math.isnan(sd) else f"{mean:.3f} ± {sd:.3f}")

    def number(value, form):
        return "–" if math.isnan(value) else format(value, form)

    metrics = settings.reported_metrics()
    finished = runs[runs["status"] == "finished"]
    lines = [f"# Study {settings.name}", "",
             f"Seeds {settings.seeds}; test metrics at the epoch selected on validation; mean ± sd over the "
             f"finished runs (of {len(settings.seeds)} per arm). Wall time: the mean per run.", "",
             "| arm | runs | " + " | ".join(metrics) + " | epochs run | best epoch | wall time (s) |",
             "|---|---|" + "---|" * (len(metrics) + 3)]
    for arm in settings.arms:
        mine = summary[summary["arm"] == arm].set_index("metric")
        runs_of = finished[finished["arm"] == arm]
        lines.append(f"| {arm} | {len(runs_of)} | " + " | ".join(cell(mine.loc[m, "mean"], mine.loc[m, "sd"])
                                                                  for m in metrics)
                     + f" | {runs_of['epochs_run'].mean():.1f} | {runs_of['best_epoch'].mean():.1f} | "
                       f"{runs_of['wall_s'].mean():.0f} |")
    for reference, rows in comparisons.groupby("reference", sort=False):
        side = ("two-sided" if settings.sided == "two"
                else "one-sided, for the alternative that the arm is better than the reference")
        lines += ["", f"Paired by seed against `{reference}` (the arm's value minus the reference's; "
                      f"p-values {side}: paired t-test, Wilcoxon signed-rank test):", "",
                  "| arm | metric | better | difference | seeds in favour | t | p (t) | p (Wilcoxon) |",
                  "|---|---|---|---|---|---|---|---|"]
        for _, row in rows.iterrows():
            lines.append(f"| {row['arm']} | {row['metric']} | {row['better']} | "
                         f"{cell(row['difference_mean'], row['difference_sd'])} | {int(row['in_favour'])} of "
                         f"{int(row['pairs'])} | {number(row['t'], '.2f')} | {number(row['t_test_p'], '.2g')} | "
                         f"{number(row['wilcoxon_p'], '.2g')} |")
    missing = runs[runs["status"] != "finished"]["run"].tolist()
    if missing:
        lines += ["", f"Not finished: {', '.join(missing)}."]
    return "\n".join(lines) + "\n"


def plot_curves(settings: StudySettings, path: Path) -> None:
    """Validation MAE against the epoch per arm: the mean over the seeds that reached each epoch, with a
    band of one standard deviation."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    fig, ax = plt.subplots(figsize=(6.4, 4.0))
    for arm in settings.arms:
        curves: dict[int, list[float]] = {}
        for seed in settings.seeds:
            record = record_path(settings, arm, seed)
            if record.is_file():
                for epoch, mae in json.loads(record.read_text())["valid_mae"]:
                    curves.setdefault(int(epoch), []).append(mae)
        if not curves:
            continue
        epochs = sorted(curves)
        mean = np.array([np.mean(curves[e]) for e in epochs])
        sd = np.array([np.std(curves[e], ddof=1) if len(curves[e]) > 1 else 0.0 for e in epochs])
        (line,) = ax.plot(epochs, mean, label=arm)
        ax.fill_between(epochs, mean - sd, mean + sd, color=line.get_color(), alpha=0.2)
    ax.set_xlabel("epoch")
    ax.set_ylabel("validation MAE")
    ax.legend(fontsize="small")
    ax.set_title(f"{settings.name}: mean ± sd over seeds")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def write_outputs(settings: StudySettings) -> "pandas.DataFrame":  # noqa: F821
    """runs.csv, summary.csv, comparisons.csv, summary.md and the curve plot from the runs' records;
    returns the runs."""
    out = settings.experiment_dir()
    out.mkdir(parents=True, exist_ok=True)
    runs = runs_table(settings)
    summary, comparisons = summarise(settings, runs), compare(settings, runs)
    atomic_write_text(out / RUNS_CSV, runs.to_csv(index=False))
    atomic_write_text(out / SUMMARY_CSV, summary.to_csv(index=False))
    atomic_write_text(out / COMPARISONS_CSV, comparisons.to_csv(index=False))
    atomic_write_text(out / SUMMARY_MD, markdown(settings, runs, summary, comparisons))
    plot_curves(settings, out / CURVE_PNG)
    return runs


def run_study(settings: StudySettings, address: str | None, resume: bool, num_cpus: int | None,
              min_nodes: int = 1, verbose: bool = False) -> int:
    """Run (or resume) the study and write its outputs. Returns how many runs did not finish."""
    import ray

    bases = check_study(settings)
    identity = study_identity(settings, bases)
    if resume:
        check_resume(settings, identity)
    finished = len(records_of(settings))
    settings.experiment_dir().mkdir(parents=True, exist_ok=True)
    atomic_write_text(settings.experiment_dir() / STUDY_RECORD, json.dumps(identity, indent=1))
    with ray_cluster(address, num_cpus, min_nodes, settings.trial, settings.experiment_dir(), verbose):
        total = len(settings.arms) * len(settings.seeds)
        concurrent = runs_at_once(settings.trial, ray.cluster_resources(), total)
        print(f"study {settings.name}: {len(settings.arms)} arm(s) x {len(settings.seeds)} seed(s), runs of "
              f"{settings.trial.workers} worker(s), {concurrent} at once; storage {settings.experiment_dir()}"
              + (f"; {finished} run(s) already finished are kept" if resume else ""), flush=True)
        result_grid, interrupted = fit_noting_interruption(build_tuner(settings, bases, concurrent, verbose))
    for result in result_grid:
        if result.error is not None:
            print(f"run {run_name(result.config['arm'], result.config['seed'])}: {error_line(result.error)}",
                  file=sys.stderr)
    runs = write_outputs(settings)
    print((settings.experiment_dir() / SUMMARY_MD).read_text())
    missing = int((runs["status"] != "finished").sum())
    print(json.dumps({"study": str(settings.experiment_dir()), "runs": len(runs), "not_finished": missing,
                      "interrupted": interrupted}))
    if interrupted:
        print(interrupted_line("runs", len(runs) - missing, len(runs), sys.argv), file=sys.stderr)
        raise SearchInterrupted
    return missing


def study_main(argv: list[str] | None = None) -> int:
    """``launch/study.py``: parse, validate, run or resume the study (or only summarise it)."""
    parser = argparse.ArgumentParser(description="Compare training recipes over seeds: every arm of the study "
                                                 "crossed with every seed, each run a distributed Ray trial.")
    add_ray_arguments(parser, "study", "study", "runs")
    parser.add_argument("--summarise", action="store_true",
                        help="only write runs.csv and the summaries from the finished runs' records")
    args = parser.parse_intermixed_args(argv)
    try:
        settings = load_study_settings(args.config, args.overrides)
        if args.summarise:
            write_outputs(settings)
            print((settings.experiment_dir() / SUMMARY_MD).read_text())
            return 0
        resume = resume_requested(args.resume, settings.experiment_dir())
        missing = run_study(settings, args.address, resume, args.num_cpus, args.min_nodes, args.verbose)
    except SearchInterrupted:
        return EXIT_INTERRUPTED
    except (ConfigError, DataError, FileNotFoundError, ValueError, TimeoutError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if missing:
        print(f"error: {missing} run(s) did not finish after their retries; see the errors above; --resume runs "
              "them again", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    sys.exit(study_main())
