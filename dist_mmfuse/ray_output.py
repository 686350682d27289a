"""What a Ray job (a search, a study) prints, and where Ray's own logs go.

By default: one line as each trial starts, reports an epoch and ends, then the results; the workers'
output and Ray's own logs (every trial's training output, Ray's warnings and the tracebacks of its
internal retries) are kept in ``<experiment>/ray_logs/`` instead of the terminal. ``--verbose`` shows
them as Ray prints them, with Tune's status tables. This module owns those settings and the progress
callback; it never decides what a job runs.
"""

from __future__ import annotations

import logging
import shutil
import sys
import time
from pathlib import Path
from typing import Any, Callable

RAY_LOGS = "ray_logs"  # in the experiment's directory


def ray_init_options(verbose: bool) -> dict[str, Any]:
    """``ray.init`` options: workers' output to the terminal only when verbose (it stays in Ray's log
    files, which :func:`keep_ray_logs` copies into the experiment), and Ray's own INFO lines likewise."""
    return {"log_to_driver": verbose, "logging_level": logging.INFO if verbose else logging.WARNING}


def quiet_environment(verbose: bool) -> dict[str, str]:
    """Environment settings for a quiet job (none when verbose): Tune's newer output engine prints its
    experiment header and where its results go whatever the verbosity, the older one at verbosity 0
    nothing; and the warnings Ray forwards from its raylet come without colour codes (the output of a
    long job usually goes to a log file)."""
    return {} if verbose else {"RAY_AIR_NEW_OUTPUT": "0", "RAY_COLOR_PREFIX": "0"}


def tune_verbosity(verbose: bool) -> int:
    """Tune's own output: its status tables and trial results when verbose, nothing otherwise (the
    progress callback prints a line per event instead)."""
    return 2 if verbose else 0


def keep_ray_logs(experiment_dir: Path) -> Path | None:
    """Copy the local Ray instance's log directory (every worker's stdout and stderr, Ray's own logs) to
    ``<experiment>/ray_logs``; None where there is none here (a cluster keeps them on its nodes)."""
    try:
        import ray

        logs = Path(ray._private.worker._global_node.get_logs_dir_path())  # noqa: SLF001 (no public accessor)
    except (AttributeError, ImportError, RuntimeError):
        return None
    target = Path(experiment_dir) / RAY_LOGS
    try:
        shutil.copytree(logs, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.sock", "*.socket"))
    except (OSError, shutil.Error):
        return None
    return target


def progress_callback(total: int, describe: Callable[[dict[str, Any]], str], metric: str | None):
    """A Tune callback printing one line as a trial starts, reports an epoch (``metric``, if it reports it)
    and ends: ``describe(config)`` names the trial (its sampled values, or a study's arm and seed)."""
    # A TrialProgressCallback, so that Tune's older output engine (quiet_environment) adds none of its own:
    # that one prints "Trial ... completed. Last result:" for every trial whatever the verbosity.
    from ray.tune.progress_reporter import TrialProgressCallback

    class TrialProgress(TrialProgressCallback):
        def __init__(self):
            super().__init__()
            self.started: dict[str, float] = {}
            self.ended = 0

        def _say(self, trial, text: str) -> None:
            print(f"[{time.strftime('%H:%M:%S')}] {describe(trial.config)}: {text}", flush=True)

        def on_trial_start(self, iteration, trials, trial, **info):
            self.started[trial.trial_id] = time.monotonic()
            self._say(trial, "started")

        def on_trial_result(self, iteration, trials, trial, result, **info):
            if metric and result.get(metric) is not None and result.get("epoch") is not None:
                self._say(trial, f"epoch {result['epoch']}, {metric} {result[metric]:.4f}")

        def _elapsed(self, trial) -> str:
            start = self.started.get(trial.trial_id)
            return f"{time.monotonic() - start:.0f} s" if start is not None else "resumed"

        def on_trial_complete(self, iteration, trials, trial, **info):
            self.ended += 1
            self._say(trial, f"ended ({self._elapsed(trial)}; {self.ended} of {total})")

        def on_trial_error(self, iteration, trials, trial, **info):
            self.ended += 1
            self._say(trial, f"failed ({self._elapsed(trial)}; {self.ended} of {total}); its error follows at the end")

    return TrialProgress()


def say_where_logs_are(kept: Path | None, verbose: bool) -> None:
    if kept is not None and not verbose:
        print(f"Ray's logs and every trial's output: {kept}", file=sys.stderr, flush=True)
