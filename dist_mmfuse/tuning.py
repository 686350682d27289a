"""Ray Tune over a training config: each trial a distributed DeepSpeed run under Ray Train (V2).

``launch/tune.py --config configs/tune/<name>.yaml`` reads a :class:`TuneSettings` YAML: the training
config to start from, a search space over any of its keys (loss weights, learning rates, ...), the
validation metric to optimise, the searcher (random, or Optuna behind a concurrency limit), the
scheduler (ASHA by default) and the size of a trial.

The pattern is Ray's Train/Tune interop (ENGINEERING.md §3.1):

* a Tune trial is a small *driver* function, placed with a negligible CPU share, that builds a
  ``TorchTrainer`` for the trial's config and fits it;
* the ``TorchTrainer`` starts W workers, which Ray joins into one torch process group; each worker runs
  the same :class:`~dist_mmfuse.trainer.Trainer` as ``launch/train.py`` (DeepSpeed initialised inside
  the worker) and, after every epoch, saves its checkpoint shard into a directory private to its rank
  and calls ``ray.train.report`` with it; Ray merges the shards into one checkpoint in storage;
* ``TuneReportCallback`` passes rank 0's metrics up to Tune, whose scheduler reads ``samples_seen`` as
  its time attribute (epoch budgets in the YAML are converted to samples for the run's world size).

A worker failure restarts the Train run from its latest checkpoint (``trial.worker_retries``); a trial
failure reruns the trial, whose Train run has a fixed name in storage and so also resumes from its
latest checkpoint (``trial.retries``). An interrupted experiment resumes from ``storage_path/name``
(``--resume``): finished trials are kept, not rerun.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import functools
import json
import logging
import math
import os
import sys
import time
from pathlib import Path
from typing import Any, Callable, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt, model_validator

from .config import (PATH_KEYS, Config, ConfigError, config_from_dict, load_config, read_yaml_mapping,
                     resolve_paths, validate_with_overrides)
from .interrupt import EXIT_INTERRUPTED
from .manifest import DataError
from .quiet import quiet_libraries
from .ray_output import RAY_LOGS, progress_callback, tune_verbosity
from .storage import is_url

quiet_libraries()  # in the driver and in every Ray worker that unpickles train_worker (quiet.py)

# The project root that trial configs' paths inside the project are taken from (see base_config).
PROJECT_ROOT = Path(__file__).resolve().parents[1]
TIME_ATTR = "samples_seen"
RESULTS_CSV = "results.csv"
BEST_CONFIG = "best_config.yaml"
PLOT = "metric_vs_params.png"
DRIVER_MEMORY = 64 * 2**20  # bytes reserved for a trial's driver (it takes no CPU)
HISTORY = "tune_history.json"  # in each trial checkpoint: the epoch records reported up to it
# A trial's score, everywhere (Tune's scheduler, searcher and progress table, results.csv, best_config.yaml):
# the best value of the metric over the epochs it reported. Each epoch's report carries it as best_<metric>.
BEST_PREFIX = "best_"


def best_metric_key(metric: str) -> str:
    """The reported key that holds a trial's best ``metric`` so far (what Tune is told to optimise)."""
    return BEST_PREFIX + metric


def tune_record(record: dict[str, Any], history: list[dict[str, Any]], metric: str, mode: str) -> dict[str, Any]:
    """An epoch's record as Tune sees it: the epoch, the metric, its best so far over this and the earlier
    reports and that epoch (``best_epoch``, numbered from 1) first, for the progress table's first columns;
    then the trainer's record (whose own selection, on the validation loss, stays in the run's metrics.jsonl)."""
    sign = 1 if mode == "min" else -1
    best = None
    for earlier in [*history, record]:
        value = earlier.get(metric)
        if value is not None and not math.isnan(value) and (best is None or sign * value < sign * best[0]):
            best = (value, earlier["epoch"])
    head: dict[str, Any] = {"epoch": record["epoch"]}
    if metric in record:
        head[metric] = record[metric]
    if best is not None:
        head.update({best_metric_key(metric): best[0], "best_epoch": best[1]})
    return {**head, **{k: v for k, v in record.items() if k not in head and k not in ("best_epoch", "best_valid_loss")}}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Distribution(_Strict):
    """One searched key: exactly one of the four forms."""

    uniform: tuple[float, float] | None = None
    loguniform: tuple[float, float] | None = None
    randint: tuple[int, int] | None = Field(None, description="integers in [low, high)")
    choice: list[Any] | None = None

    @model_validator(mode="after")
    def _exactly_one(self) -> "Distribution":
        given = [k for k in ("uniform", "loguniform", "randint", "choice") if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError(f"give exactly one of uniform, loguniform, randint, choice (got {given or 'none'})")
        low_high = getattr(self, given[0]) if given[0] != "choice" else None
        if low_high is not None and not low_high[0] < low_high[1]:
            raise ValueError(f"{given[0]}: low {low_high[0]} must be below high {low_high[1]}")
        if self.loguniform is not None and self.loguniform[0] <= 0:
            raise ValueError("loguniform: low must be positive")
        if self.choice is not None and not self.choice:
            raise ValueError("choice: give at least one value")
        return self

    @property
    def log_scale(self) -> bool:
        return self.loguniform is not None

    def domain(self):
        """The Ray Tune sampling domain (which Optuna's searcher also reads)."""
        from ray import tune

        if self.uniform is not None:
            return tune.uniform(*self.uniform)
        if self.loguniform is not None:
            return tune.loguniform(*self.loguniform)
        if self.randint is not None:
            return tune.randint(*self.randint)
        return tune.choice(self.choice)

    def example(self) -> Any:
        """A value from the domain (to check the key before any trial starts)."""
        for form in (self.uniform, self.loguniform, self.randint):
            if form is not None:
                return form[0]
        return self.choice[0]


class SearchSettings(_Strict):
    algorithm: Literal["random", "optuna"] = Field(
        "random", description="random: Tune's random sampling; optuna: Optuna's TPE behind max_concurrent")
    max_concurrent: PositiveInt | None = Field(
        None, description="trials at once (a model-based searcher learns little from many parallel trials); "
                          "default: as many as the cluster fits")
    seed: int | None = 0


class SchedulerSettings(_Strict):
    name: Literal["asha", "fifo"] = "asha"
    grace_period_epochs: PositiveInt = Field(1, description="ASHA judges no trial before this many epochs")
    reduction_factor: float = Field(2.0, gt=1)
    brackets: PositiveInt = 1


class TrialSettings(_Strict):
    workers: PositiveInt = Field(1, description="ranks per trial (Ray Train workers)")
    cpus_per_worker: float = Field(1.0, gt=0)
    gpus_per_worker: float = Field(0.0, ge=0)
    retries: NonNegativeInt = Field(1, description="times a failed trial is rerun (it resumes from its checkpoint)")
    worker_retries: NonNegativeInt = Field(1, description="times a trial's workers restart after a worker failure")
    keep_checkpoints: PositiveInt | Literal["all"] = Field(
        1, description="checkpoints each trial keeps in storage: the last (1, enough to resume it), more, or all; "
                       "Ray removes an older one only once the newer one is stored")
    placement: Literal["PACK", "SPREAD", "STRICT_PACK", "STRICT_SPREAD"] = Field(
        "PACK", description="where a trial's workers go (Ray placement strategy): PACK fills few nodes (fast "
                            "collectives), SPREAD spreads them, STRICT_SPREAD puts each on a different node")


class TuneSettings(_Strict):
    """A tuning experiment (``configs/tune/*.yaml``)."""

    name: str = Field(min_length=1, description="experiment name: its directory is storage_path/name")
    train_config: Path = Field(description="the training config every trial starts from")
    train_overrides: list[str] = Field(default_factory=list, description="key.sub=value for every trial")
    space: dict[str, Distribution] = Field(min_length=1, description="config key -> distribution")
    metric: str = Field("valid_loss", description="a validation metric: valid_<name of a split metric>")
    mode: Literal["min", "max"] = "min"
    num_samples: PositiveInt = 8
    search: SearchSettings = Field(default_factory=SearchSettings)
    scheduler: SchedulerSettings = Field(default_factory=SchedulerSettings)
    trial: TrialSettings = Field(default_factory=TrialSettings)
    storage_path: Path = Field(Path("runs/tune"), description="experiment state, checkpoints and results "
                                                              "(shared by every node on a cluster)")

    @model_validator(mode="after")
    def _validation_metric(self) -> "TuneSettings":
        if not self.metric.startswith("valid_"):
            raise ValueError(f"metric {self.metric!r}: tune on a validation metric (valid_<name>); a test metric "
                             "would select on the test split")
        return self

    def experiment_dir(self) -> Path:
        return self.storage_path / self.name


def load_tune_settings(path: str | Path, overrides: list[str] | tuple[str, ...] = ()) -> TuneSettings:
    """Read and validate a tuning YAML with ``key.sub=value`` overrides; paths become absolute (relative ones
    in the file against its directory, those of overrides against the working directory)."""
    raw = read_yaml_mapping(path)
    here = Path(path).absolute().parent
    keys = (("storage_path",), ("train_config",))
    resolve_paths(raw, here, keys)
    if isinstance(raw.get("train_overrides"), list):  # written in this file too: paths against its directory
        raw["train_overrides"] = [_resolve_override_path(item, here) for item in raw["train_overrides"]]
    settings = validate_with_overrides(TuneSettings, raw, overrides, path,
                                       after_overrides=lambda tree: resolve_paths(tree, Path.cwd(), keys))
    return settings.model_copy(update={"storage_path": settings.storage_path.absolute()})  # the default too


def _resolve_override_path(override: Any, base: Path) -> Any:
    """``key=relative/path`` with ``key`` a config path key, made absolute against ``base``."""
    key, sep, value = str(override).partition("=")
    if not sep or tuple(key.split(".")) not in PATH_KEYS or not isinstance(yaml.safe_load(value), str):
        return override
    tree = {"value": yaml.safe_load(value)}
    resolve_paths(tree, base, (("value",),))
    return f"{key}={tree['value']}"


def param_overrides(params: dict[str, Any]) -> list[str]:
    """``key=value`` overrides for sampled parameters (values written as YAML, so types survive)."""
    return [f"{key}={yaml.safe_dump(value, default_flow_style=True).strip().removesuffix('...').strip()}"
            for key, value in params.items()]


def base_config(settings: TuneSettings) -> dict[str, Any]:
    """The training config every trial starts from: see :func:`portable_config`."""
    return portable_config(settings.train_config, settings.train_overrides, settings.experiment_dir())


def portable_config(train_config: Path, overrides: list[str], experiment_dir: Path) -> dict[str, Any]:
    """A training config (YAML and overrides, run directories under ``experiment_dir/runs``) as nested
    dicts that every node of a cluster can resolve.

    Trials run in other working directories, and on a cluster on other nodes, where a ``ray job
    submit --working-dir`` copy of the project sits at another path. So each path is stored relative to
    the project root when it lies inside the project (every node resolves it against its own copy, in
    :func:`trial_config`), and absolute otherwise (data and storage on a shared filesystem)."""
    raw = load_config(train_config, overrides, check_data=False).model_dump(mode="json")
    raw["run"]["output_dir"] = str(experiment_dir / "runs")  # every trial's run directory is in there
    for section, key in PATH_KEYS:
        if raw[section].get(key) is not None and not is_url(raw[section][key]):  # a URL (shards) is the same everywhere
            path = Path(raw[section][key]).absolute()
            raw[section][key] = str(path.relative_to(PROJECT_ROOT) if path.is_relative_to(PROJECT_ROOT) else path)
    return raw


def trial_config(settings: TuneSettings, base: dict[str, Any], params: dict[str, Any], run_name: str) -> Config:
    """The training config of one trial: ``base`` (from :func:`base_config`) with the sampled values."""
    return run_config(base, param_overrides(params), run_name, f"{settings.train_config} (trial {run_name})")


def run_config(base: dict[str, Any], overrides: list[str], run_name: str, source: str) -> Config:
    """``base`` (from :func:`portable_config`) with ``overrides`` and the run name, its project-relative
    paths resolved against this process's copy of the project."""
    raw = copy.deepcopy(base)
    for section, key in PATH_KEYS:
        if raw[section].get(key) is not None and not is_url(raw[section][key]):
            raw[section][key] = str(PROJECT_ROOT / raw[section][key])  # an absolute path stays as it is
    # Set directly, not as a YAML override: a trial id of hex digits only (say 28802345) reads as a number.
    raw["run"]["name"] = run_name
    return config_from_dict(raw, overrides, source=source, check_data=False)


def check_settings(settings: TuneSettings) -> tuple[dict[str, Any], Config]:
    """Fail before any trial starts: every searched key must be a valid config key, the data must be
    there (built now if the config can build it), and the metric must be one evaluation reports.
    Returns the base config (:func:`base_config`) and a trial config with example values."""
    import numpy as np

    from .metrics import msa_metrics
    from .prepare import prepare_data

    example = {key: dist.example() for key, dist in settings.space.items()}
    base = base_config(settings)
    try:
        config = trial_config(settings, base, example, "check")
    except ConfigError as exc:
        raise ConfigError(f"search space {sorted(settings.space)}: {exc}") from exc
    manifest, _ = prepare_data(config, settings.train_config)
    from .data.loader import check_training_batches

    check_training_batches(config.data, manifest, settings.trial.workers)
    probe = np.array([-1.0, -0.5, 0.5, 1.0])
    names = {"loss", "samples", *msa_metrics(probe, probe[::-1], manifest.schema.label_range)}
    if config.trainer.select_on == "mse":  # the validation records then carry the MSE the epochs are selected on
        names.add("mse")
    if settings.metric.removeprefix("valid_") not in names:
        raise ConfigError(f"metric {settings.metric!r}: validation reports {sorted('valid_' + n for n in names)}")
    return base, config


# -- inside a trial ---------------------------------------------------------------------------------


def train_worker(loop_config: dict[str, Any]) -> None:
    """One Ray Train worker: the same Trainer as launch/train.py, reporting to Ray after every epoch."""
    import ray.train

    from .distributed import init_process_group, world_info
    from .files import atomic_write_text
    from .manifest import load_manifest
    from .trainer import Trainer

    config = Config.model_validate(loop_config["config"])
    world = world_info()  # Ray Train sets RANK / WORLD_SIZE / LOCAL_RANK and starts the process group
    init_process_group(world)
    trainer = Trainer(config, load_manifest(config.data.shard_dir), world,
                      checkpoint_dir=config.run_dir() / "rank_checkpoints" / f"rank{world.rank}")
    history: list[dict[str, Any]] = []  # every epoch's record so far, kept in each checkpoint
    resume = ray.train.get_checkpoint()
    if resume is not None:
        with resume.as_directory() as directory:
            trainer.load_checkpoint(str(Path(directory).absolute()))
            history = json.loads((Path(directory) / HISTORY).read_text())
        # A rerun trial starts Tune's record of it afresh: report the epochs before the checkpoint again
        # (the scheduler and the results table then see the whole curve). After a worker restart within
        # a trial, Tune sees those epochs twice, with the same values.
        for record in history:
            ray.train.report(record)

    def report(record: dict[str, Any], checkpoint: Path) -> None:
        record = tune_record(record, history, loop_config["metric"], loop_config["mode"])
        history.append(record)
        if world.is_main:
            atomic_write_text(checkpoint / HISTORY, json.dumps(history))
        # Every rank reports its own shard under one directory name; Ray merges them in storage.
        ray.train.report(record, checkpoint=ray.train.Checkpoint.from_directory(str(checkpoint)),
                         checkpoint_dir_name=f"checkpoint_{checkpoint.name}",
                         delete_local_checkpoint_after_upload=True)

    trainer.epoch_hooks.append(report)
    with trainer:  # closes the logs; a W&B run that an exception ends is marked failed
        trainer.fit()


def trial_driver(params: dict[str, Any], settings: TuneSettings, base: dict[str, Any]) -> None:
    """A Tune trial: fit a TorchTrainer of ``settings.trial.workers`` workers on the trial's config."""
    from ray import tune

    trial_id = tune.get_context().get_trial_id()
    config = trial_config(settings, base, params, run_name=trial_id)
    # A fixed name per trial: a rerun trial finds its Train run in storage and resumes it.
    fit_distributed(config, settings.trial, settings.metric, settings.mode, settings.experiment_dir() / "train",
                    f"train-{trial_id}")


def fit_distributed(config: Config, trial: TrialSettings, metric: str, mode: str, storage: Path, name: str) -> None:
    """Train ``config`` as a Ray Train run of ``trial.workers`` workers (inside a Tune trial, whose
    results it reports), under ``storage/name``: a rerun with the same name resumes from its checkpoint."""
    import ray.train
    from ray.train.torch import TorchConfig, TorchTrainer
    from ray.tune.integration.ray_train import TuneReportCallback

    # Ray Train's workers would send every print both to stdout and, through its logger, to the console:
    # each line of rank 0 twice. Prints go to stdout only (Ray forwards them once, with the worker's name).
    # Set here, in the trial's process: Ray Train passes it on to the trial's controller and workers.
    os.environ.setdefault("RAY_TRAIN_ENABLE_PRINT_PATCH", "0")
    trainer = TorchTrainer(
        train_worker,
        train_loop_config={"config": config.model_dump(mode="json"), "metric": metric, "mode": mode},
        torch_config=TorchConfig(backend="nccl" if trial.gpus_per_worker else "gloo",
                                 timeout_s=math.ceil(config.trainer.collective_timeout_s)),
        scaling_config=ray.train.ScalingConfig(
            num_workers=trial.workers, use_gpu=trial.gpus_per_worker > 0, placement_strategy=trial.placement,
            resources_per_worker={"CPU": trial.cpus_per_worker,
                                  **({"GPU": trial.gpus_per_worker} if trial.gpus_per_worker else {})}),
        run_config=ray.train.RunConfig(
            name=name, storage_path=str(storage),
            failure_config=ray.train.FailureConfig(max_failures=trial.worker_retries),
            checkpoint_config=ray.train.CheckpointConfig(
                num_to_keep=None if trial.keep_checkpoints == "all" else trial.keep_checkpoints),
            callbacks=[TuneReportCallback()]),
    )
    trainer.fit()


# -- the experiment ---------------------------------------------------------------------------------


def trials_at_once(settings: TuneSettings, resources: dict[str, float]) -> int:
    """How many trials the cluster runs together (see :func:`runs_at_once`)."""
    return runs_at_once(settings.trial, resources, settings.search.max_concurrent or settings.num_samples)


def runs_at_once(trial: TrialSettings, resources: dict[str, float], limit: int) -> int:
    """How many trials of ``trial``'s size the cluster runs together, at most ``limit``: all of a trial's
    workers must fit at once, and more trials than fit would only sit waiting (ENGINEERING.md §3.1)."""
    fits = [int(resources.get("CPU", 0) // (trial.workers * trial.cpus_per_worker))]
    if trial.gpus_per_worker:
        fits.append(int(resources.get("GPU", 0) // (trial.workers * trial.gpus_per_worker)))
    if min(fits) < 1:
        raise ConfigError(f"a trial needs {trial.workers} workers x {trial.cpus_per_worker} CPU"
                          f"{f' and {trial.gpus_per_worker} GPU' if trial.gpus_per_worker else ''}; the Ray "
                          f"cluster has {resources.get('CPU', 0)} CPUs and {resources.get('GPU', 0)} GPUs")
    return max(1, min(min(fits), limit))


def build_tuner(settings: TuneSettings, base: dict[str, Any], config: Config, concurrent: int, resume: bool,
                verbose: bool = False):
    """The Tuner: a new experiment, or the interrupted one under ``storage_path/name``."""
    from ray import tune
    from ray.tune.schedulers import ASHAScheduler, FIFOScheduler

    from .trainer import planned_samples_seen

    # The driver does no work itself and takes no CPU: any CPU share for it would leave a 2-worker trial
    # on a 2-CPU node waiting forever. Ray needs some resource in the request, hence a little memory.
    trainable = tune.with_resources(functools.partial(trial_driver, settings=settings, base=base),
                                    {"CPU": 0, "memory": DRIVER_MEMORY})
    space = {key: dist.domain() for key, dist in settings.space.items()}
    experiment = settings.experiment_dir()
    if resume:
        if not tune.Tuner.can_restore(str(experiment)):
            raise ConfigError(f"--resume: no experiment to resume at {experiment}")
        return tune.Tuner.restore(str(experiment), trainable=trainable, param_space=space, resume_errored=True)
    milestones = planned_samples_seen(config, settings.trial.workers)
    sched = settings.scheduler
    if sched.name == "asha":
        grace = milestones[min(sched.grace_period_epochs, len(milestones)) - 1]
        scheduler = ASHAScheduler(time_attr=TIME_ATTR, max_t=milestones[-1], grace_period=grace,
                                  reduction_factor=sched.reduction_factor, brackets=sched.brackets)
    else:
        scheduler = FIFOScheduler()
    if settings.search.algorithm == "optuna":
        from ray.tune.search import ConcurrencyLimiter
        from ray.tune.search.optuna import OptunaSearch

        search_alg = ConcurrencyLimiter(OptunaSearch(seed=settings.search.seed), max_concurrent=concurrent)
    else:
        from ray.tune.search import BasicVariantGenerator

        search_alg = BasicVariantGenerator(random_state=settings.search.seed, max_concurrent=concurrent)
    return tune.Tuner(
        trainable, param_space=space,
        # The scheduler, the searcher and the progress table's current best all judge a trial by its best
        # metric so far (tune_record), as results.csv does.
        tune_config=tune.TuneConfig(metric=best_metric_key(settings.metric), mode=settings.mode,
                                    num_samples=settings.num_samples, scheduler=scheduler, search_alg=search_alg),
        run_config=tune.RunConfig(name=settings.name, storage_path=str(settings.storage_path),
                                  failure_config=tune.FailureConfig(max_failures=settings.trial.retries),
                                  verbose=tune_verbosity(verbose),
                                  callbacks=[progress_callback(settings.num_samples, trial_label(settings),
                                                               settings.metric)]),
    )


def trial_label(settings: TuneSettings) -> Callable[[dict[str, Any]], str]:
    """How the progress lines name a trial: by its sampled values."""
    def label(config: dict[str, Any]) -> str:
        return "trial " + ", ".join(f"{key}={_short(config.get(key))}" for key in settings.space)

    return label


def _short(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


def result_trial_id(result) -> str:
    """The Tune trial id of a ``ray.tune.Result``."""
    return (result.metrics or {}).get("trial_id") or Path(result.path).name


class SearchInterrupted(Exception):
    """A search or study that a Ctrl-C ended; its outputs so far are written, and it resumes."""


def trial_statuses(result_grid) -> dict[str, str]:
    """Each trial's Tune status (TERMINATED, ERROR, PENDING, ...) by trial id as the experiment's saved state
    records it: whether a trial that did not finish was stopped by the scheduler (TERMINATED) or by an
    interruption (PENDING: Tune saves a running trial as pending, to run again on a resume). The saved state,
    not the ResultGrid's trials: Tune marks every trial it stops while cleaning up TERMINATED after saving.
    Read as plain JSON (the pickled fields inside it stay undecoded)."""
    states = sorted(Path(result_grid.experiment_path).glob("experiment_state-*.json"), key=lambda p: p.stat().st_mtime)
    if not states:
        return {}
    statuses = {}
    for trial_json, _ in json.loads(states[-1].read_text()).get("trial_data", []):
        trial = json.loads(trial_json)
        statuses[str(trial.get("trial_id"))] = str(trial.get("status"))
    return statuses


def results_table(settings: TuneSettings, result_grid, interrupted: bool = False) -> "pandas.DataFrame":  # noqa: F821
    """One row per trial: its sampled values, its best validation metric over the epochs it reported and
    that epoch (numbered from 1; the first on a tie), how far it ran, and how it ended (finished, stopped by
    the scheduler, error, or, after a Ctrl-C, interrupted or not started). The rule Tune was told
    (tune_record), so the progress table's current best trial is the table's first row."""
    import pandas as pd

    statuses = trial_statuses(result_grid) if interrupted else {}
    sign = 1 if settings.mode == "min" else -1
    rows = []
    for result in result_grid:
        history = result.metrics_dataframe
        row = {"trial_id": result_trial_id(result)}
        row.update({key: result.config.get(key) for key in settings.space})
        judged = history[history[settings.metric].notna()] if history is not None and settings.metric in history \
            else None
        if judged is not None and len(judged):
            best = judged.loc[(sign * judged[settings.metric]).idxmin()]
            row.update({settings.metric: float(best[settings.metric]), "best_epoch": int(best["epoch"])})
        else:
            row.update({settings.metric: math.nan, "best_epoch": None})
        last = result.metrics or {}
        row.update({"epochs_run": int(last.get("epoch", 0)), TIME_ATTR: int(last.get(TIME_ATTR, 0))})
        if result.error is not None:
            row["ended"] = f"error: {type(result.error).__name__}"
        elif last.get("finished"):
            row["ended"] = "finished"
        elif interrupted and statuses.get(row["trial_id"], "TERMINATED") != "TERMINATED":
            row["ended"] = "interrupted" if history is not None and len(history) else "not started"
        else:
            row["ended"] = "stopped by scheduler"
        rows.append(row)
    table = pd.DataFrame(rows)
    table["best_epoch"] = table["best_epoch"].astype("Int64")  # empty where no epoch reported the metric
    return table.sort_values(settings.metric, ascending=settings.mode == "min", na_position="last",
                             ignore_index=True, kind="stable")


def write_best_config(settings: TuneSettings, table, path: Path) -> Config:
    """The best trial's training config, as a YAML ``launch/train.py`` runs as is (paths as in the base)."""
    best = table.iloc[0]
    params = {key: _python(best[key]) for key in settings.space}
    config = load_config(settings.train_config, [*settings.train_overrides, *param_overrides(params),
                                                 f"run.name={settings.name}_best"], check_data=False)
    header = (f"# Best trial {best['trial_id']} of tuning experiment {settings.name!r}: {settings.metric} = "
              f"{best[settings.metric]:.6g} (epoch {best['best_epoch']}).\n# Searched: "
              + ", ".join(f"{k}={v!r}" for k, v in params.items()) + "\n")
    tmp = path.with_suffix(".tmp")
    tmp.write_text(header + config.to_yaml())
    tmp.replace(path)
    return config


def plot_metric(settings: TuneSettings, table, path: Path) -> None:
    """The best metric of each trial against each searched value, one panel per key."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import matplotlib.ticker

    keys = list(settings.space)
    fig, axes = plt.subplots(1, len(keys), figsize=(4.2 * len(keys), 3.6), squeeze=False)
    stopped = table["ended"] != "finished"
    for ax, key in zip(axes[0], keys):
        values = table[key]
        numeric = settings.space[key].choice is None
        x = values if numeric else values.map({v: i for i, v in enumerate(settings.space[key].choice)})
        ax.scatter(x[~stopped], table[settings.metric][~stopped], label="finished", color="tab:blue")
        ax.scatter(x[stopped], table[settings.metric][stopped], label="stopped early / failed", color="tab:orange",
                   marker="x")
        if settings.space[key].log_scale:
            ax.set_xscale("log")
            ax.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
        if not numeric:
            ax.set_xticks(range(len(settings.space[key].choice)), [str(v) for v in settings.space[key].choice])
        ax.set_xlabel(key)
        ax.set_ylabel(f"best {settings.metric}")
    axes[0][0].legend(fontsize="small")
    fig.suptitle(f"{settings.name}: {len(table)} trials")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)


def _python(value: Any) -> Any:
    """A pandas/numpy scalar as a plain Python value (for YAML)."""
    return value.item() if hasattr(value, "item") else value


def wait_for_nodes(count: int, timeout_s: float = 600.0) -> int:
    """Block until the Ray cluster has ``count`` live nodes (worker nodes join after the head), then
    print its size and return its node count; TimeoutError after ``timeout_s``."""
    import ray

    deadline = time.monotonic() + timeout_s
    while (alive := [n for n in ray.nodes() if n["Alive"]]) and len(alive) < count:
        if time.monotonic() > deadline:
            raise TimeoutError(f"the Ray cluster has {len(alive)} of {count} nodes after {timeout_s:.0f} s")
        time.sleep(1.0)
    resources = ray.cluster_resources()
    print(f"ray cluster: {len(alive)} node(s), {resources.get('CPU', 0):g} CPU(s), {resources.get('GPU', 0):g} "
          f"GPU(s)", flush=True)
    return len(alive)


@contextlib.contextmanager
def ray_cluster(address: str | None, num_cpus: int | None, min_nodes: int, trial: TrialSettings,
                experiment_dir: Path | None = None, verbose: bool = False):
    """Ray for Tune trials of Train runs: an existing cluster (``address``) or a local instance, with
    ``min_nodes`` nodes up and room for ``trial``'s placement; shut down afterwards, a local instance's
    logs first kept in ``experiment_dir`` (ray_output.py: what is printed, and where the rest goes)."""
    import ray

    from .ray_output import keep_ray_logs, ray_init_options, say_where_logs_are

    # Epochs before fine-tuning (TupleInfoNCE pre-training) report no validation metric. A tuning metric's
    # name is checked before the trials start instead, so Tune's check that every result carries it is off.
    os.environ["TUNE_DISABLE_STRICT_METRIC_CHECKING"] = "1"
    os.environ.setdefault("RAY_TRAIN_V2_ENABLED", "1")
    with ray_environment(address, verbose):
        if address:
            ray.init(address=address, **ray_init_options(verbose))
        else:
            ray.init(address="local", num_cpus=num_cpus or os.cpu_count(), **ray_init_options(verbose))
        try:
            nodes = wait_for_nodes(min_nodes)
            if trial.placement == "STRICT_SPREAD" and trial.workers > nodes:
                raise ConfigError(f"trial.placement STRICT_SPREAD puts each of trial.workers={trial.workers} "
                                  f"on its own node; the Ray cluster has {nodes}")
            yield nodes
        finally:
            kept = keep_ray_logs(experiment_dir) if experiment_dir is not None and not address else None
            ray.shutdown()
            say_where_logs_are(kept, verbose)


@contextlib.contextmanager
def ray_environment(address: str | None, verbose: bool):
    """The environment of a Ray instance this tool joins (``address``) or starts here (None), restored
    afterwards: quiet output unless ``verbose``, and for a local instance its own GCS address."""
    from .ray_output import quiet_environment

    own_address = None if address else local_instance_address()
    quiet = quiet_environment(verbose)
    saved = {name: os.environ.get(name) for name in ("RAY_ADDRESS", "RAY_GCS_SERVER_PORT", *quiet)}
    os.environ.update(quiet)
    if own_address:
        # Every process of the local instance (its GCS, raylet and workers inherit this environment) addresses
        # this instance only. Without it Ray's state API, which Ray Train's placement-group cleaner uses in a
        # worker, looks for "the" local instance and fails beside another one: a stopped trial's CPU was then
        # never freed and the next trial waited for it forever.
        os.environ["RAY_GCS_SERVER_PORT"] = own_address.rpartition(":")[2]
        os.environ["RAY_ADDRESS"] = own_address
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def local_instance_address() -> str:
    """host:port for a new local Ray instance's GCS: this node's address and a free port."""
    import ray

    from .distributed import free_port

    return f"{ray.util.get_node_ip_address()}:{free_port()}"


class _RayTuneInterruption(logging.Filter):
    """Ray Tune's messages about a Ctrl-C: noted here and replaced by the tool's own, since Ray's name its
    Python API (``Tuner.restore(...)``) where a user of this tool resumes with ``--resume``."""

    def __init__(self):
        super().__init__()
        self.interrupted = False

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if message.startswith("Stop signal received"):
            self.interrupted = True
            print("stopping: each running trial ends and the search's state is saved (Ctrl-C again to stop at "
                  "once)", file=sys.stderr, flush=True)
            return False
        return not message.startswith(("Experiment has been interrupted", "Training has been interrupted"))


def fit_noting_interruption(tuner) -> tuple[Any, bool]:
    """``tuner.fit()``, and whether a Ctrl-C (SIGINT) ended it early: Ray Tune then stops its trials,
    saves the experiment's state and returns as if it had finished."""
    notice = _RayTuneInterruption()
    tune_logger = logging.getLogger("ray.tune.tune")
    tune_logger.addFilter(notice)
    try:
        return tuner.fit(), notice.interrupted
    finally:
        tune_logger.removeFilter(notice)


def interrupted_line(what: str, done: int, total: int, argv: list[str]) -> str:
    """What an interrupted search or study prints last: how far it got and the command that resumes it."""
    from .interrupt import resume_command

    return (f"interrupted: {done} of {total} {what} finished and kept; resume with: "
            f"{resume_command(argv, 1, 'single').replace(' --resume auto', ' --resume')}")


def resume_requested(flag: str | None, experiment: Path) -> bool:
    """``--resume`` (continue), ``--resume auto`` (continue if there is anything to), or neither (start;
    refused where the experiment exists, so that no run is overwritten)."""
    if flag not in (None, "yes", "auto"):
        hint = "; put key.sub=value overrides before --resume, which reads the word after it" if "=" in flag else ""
        raise ConfigError(f"--resume takes no value or 'auto', got {flag!r}{hint}")
    if flag == "auto":
        from ray import tune

        return tune.Tuner.can_restore(str(experiment))
    if flag:
        return True
    if experiment.exists():
        raise ConfigError(f"{experiment} exists: pass --resume to continue it, or choose another name or "
                          "storage_path")
    return False


def run_experiment(settings: TuneSettings, address: str | None, resume: bool, num_cpus: int | None,
                   min_nodes: int = 1, verbose: bool = False) -> int:
    """Run (or resume) the experiment; write the results table, best config and plot. Returns how many
    trials ended in an error (after their retries)."""
    import ray

    base, config = check_settings(settings)
    with ray_cluster(address, num_cpus, min_nodes, settings.trial, settings.experiment_dir(), verbose):
        concurrent = trials_at_once(settings, ray.cluster_resources())
        print(f"tuning {settings.name}: {settings.num_samples} trials of {settings.trial.workers} worker(s), "
              f"{concurrent} at once, {settings.search.algorithm} search, {settings.scheduler.name} on "
              f"{settings.metric} ({settings.mode}); storage {settings.experiment_dir()}", flush=True)
        result_grid, interrupted = fit_noting_interruption(build_tuner(settings, base, config, concurrent, resume,
                                                                       verbose))
    out = settings.experiment_dir()
    table = results_table(settings, result_grid, interrupted)
    table.to_csv(out / RESULTS_CSV, index=False)
    import pandas as pd

    with pd.option_context("display.width", 200, "display.max_columns", 50):
        print(table.to_string(index=False))
    if table[settings.metric].notna().any():
        write_best_config(settings, table, out / BEST_CONFIG)
        plot_metric(settings, table, out / PLOT)
        print(f"best config: {out / BEST_CONFIG}\nplot: {out / PLOT}")
    else:
        print("no trial reported the metric; no best config written", file=sys.stderr)
    errors = int(table["ended"].str.startswith("error").sum())
    for result in result_grid:
        if result.error is not None:
            print(f"trial {result_trial_id(result)}: {error_line(result.error)}", file=sys.stderr)
    print(json.dumps({"experiment": str(out), "trials": len(table), "errors": errors, "interrupted": interrupted}))
    if interrupted:
        finished = int((table["ended"] == "finished").sum())
        print(interrupted_line("trials", finished, settings.num_samples, sys.argv), file=sys.stderr)
        raise SearchInterrupted
    return errors


def error_line(error: BaseException) -> str:
    """A failed trial's error in one line: the exception's own, from the end of the remote traceback."""
    lines = [line for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else repr(error)


def add_ray_arguments(parser: argparse.ArgumentParser, kind: str, what: str, kept: str) -> None:
    """The options of every Ray entry point (tuning, studies): where Ray runs, and resuming ``what`` (the
    experiment, the study) of ``kind`` YAML, keeping its finished ``kept``."""
    parser.add_argument("--config", required=True, help=f"{kind} YAML in configs/{kind}/")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help=f"overrides of the {kind} YAML")
    parser.add_argument("--address", help="an existing Ray cluster (auto, or host:port); default: start Ray here")
    parser.add_argument("--num-cpus", type=int, help="CPUs of the local Ray instance (default: all)")
    parser.add_argument("--resume", nargs="?", const="yes", metavar="auto",
                        help=f"continue the interrupted {what} in storage_path/name (finished {kept} are kept); "
                             f"--resume auto: continue it if there is one, else start it (for requeued jobs)")
    parser.add_argument("--min-nodes", type=int, default=1,
                        help="with --address: wait until the cluster has this many nodes before starting")
    parser.add_argument("--verbose", action="store_true",
                        help="show every trial's output and Ray's own logs and status tables as they come (by "
                             f"default: a line per trial event, the rest kept in {RAY_LOGS}/ of the {what})")


def tune_main(argv: list[str] | None = None) -> int:
    """``launch/tune.py``: parse, validate, run or resume the experiment."""
    parser = argparse.ArgumentParser(description="Search training-config values with Ray Tune; each trial is a "
                                                 "distributed DeepSpeed run under Ray Train.")
    add_ray_arguments(parser, "tune", "experiment", "trials")
    args = parser.parse_intermixed_args(argv)
    try:
        settings = load_tune_settings(args.config, args.overrides)
        resume = resume_requested(args.resume, settings.experiment_dir())
        errors = run_experiment(settings, args.address, resume, args.num_cpus, args.min_nodes, args.verbose)
    except SearchInterrupted:
        return EXIT_INTERRUPTED
    except (ConfigError, DataError, FileNotFoundError, ValueError, TimeoutError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if errors:
        print(f"error: {errors} trial(s) failed after their retries; see the table above and each trial's "
              f"error.txt under {settings.experiment_dir()}", file=sys.stderr)
        return 1
    return 0
