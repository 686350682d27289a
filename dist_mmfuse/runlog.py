"""Run logging: on rank 0 a JSONL metrics file, the same scalars in the trackers ``run.report_to`` names
(TensorBoard, Weights & Biases) and the run's progress (one line per epoch, kept on screen, with the run's
ETA); on every rank, when asked (``trainer.log_samples``), the global sample indices of each step."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tqdm import tqdm

from .files import atomic_write_text

if TYPE_CHECKING:
    from .config import Config, RunConfig
    from .distributed import WorldInfo

WANDB_DIR = "wandb"  # <run>/wandb: W&B's files (offline-run-*, run-*) and the id of the run's W&B run
WANDB_ID = "run_id"


def keep_traceback(run_dir: Path, rank: int, error: BaseException) -> Path | None:
    """Write ``error``'s full traceback to ``<run_dir>/errors/rank<r>.txt`` (the one-line message on screen
    points there); None where it cannot be written."""
    import traceback

    path = Path(run_dir) / "errors" / f"rank{rank}.txt"
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_text(path, "".join(traceback.format_exception(error)))
    except OSError:
        return None
    return path


def root_message(error: BaseException) -> str:
    """The line that says what went wrong: a loader worker's error re-raised by torch carries the worker's
    whole traceback in its message, whose last line is the original error's own."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    if not lines:
        return type(error).__name__
    last = lines[-1]
    name, sep, rest = last.partition(": ")
    # "dist_mmfuse.storage.DataError: <message>" -> the message
    return rest if sep and name.replace(".", "").replace("_", "").isalnum() and "Error" in name else last


class TrackingError(RuntimeError):
    """A tracker of ``run.report_to`` could not start the run's tracking."""


def _duration(seconds: float) -> str:
    """``1:02:03`` or ``2:03``."""
    minutes, secs = divmod(int(round(seconds)), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def _steps(lines: list[str]) -> list[int]:
    """The steps of metrics.jsonl lines (a killed process's torn last line has none)."""
    steps = []
    for line in lines:
        try:
            steps.append(int(json.loads(line)["step"]))
        except (json.JSONDecodeError, KeyError, TypeError, ValueError):
            continue
    return steps


class RunLogger:
    """Writes ``metrics.jsonl``, and the same scalars to the trackers of ``run.report_to``, under the run
    directory (rank 0 only). Without ``run``: TensorBoard. ``resolved``: the resolved config, W&B's run config."""

    def __init__(self, run_dir: Path, enabled: bool, progress_bar: bool, run: RunConfig | None = None,
                 resolved: dict[str, Any] | None = None):
        self.enabled = enabled
        self.report_to = tuple(run.report_to) if run is not None else ("tensorboard",)
        self.progress_bar = progress_bar and enabled
        self._bar: tqdm | None = None
        self._epoch_steps: list[int] = []  # planned optimizer steps of each epoch of the run (plan_run)
        self._epoch_index = 0
        self._run_start = 0.0
        self._session_steps = 0  # steps shown since this process started (the ETA's rate)
        self._stage = ""
        self._jsonl = None
        self._tb = None
        self._wandb = None
        self._wandb_continued = False  # the W&B run of an earlier launch of this run directory
        self._wandb_holds_through = -1  # W&B keeps the steps an interrupted attempt logged (see rewind)
        self.path = run_dir / "metrics.jsonl"
        self.records = 0  # lines in metrics.jsonl, earlier attempts of the run included
        if enabled:
            run_dir.mkdir(parents=True, exist_ok=True)
            if self.path.is_file():
                with open(self.path, "rb") as existing:
                    self.records = sum(1 for _ in existing)
            if "wandb" in self.report_to:  # first: a run it refuses leaves no log behind
                self._start_wandb(run, resolved or {})
            self._open(purge_step=None)

    def _start_wandb(self, run: RunConfig, resolved: dict[str, Any]) -> None:
        """The run directory's W&B run, named run.name, with its files in <run>/wandb and the resolved config
        as its config. A resumed run continues it: its id is kept in <run>/wandb/run_id. The mode
        (WANDB_MODE=offline) and the login are W&B's own settings, never overridden here."""
        import wandb

        id_path = self.path.parent / WANDB_DIR / WANDB_ID
        run_id = id_path.read_text().strip() if id_path.is_file() else None
        try:
            # silent: W&B's banners and hints (the line below says where the run is); create_new: a run of its
            # own even if this process holds another (Ray Tune's workers).
            self._wandb = wandb.init(project=run.wandb_project, entity=run.wandb_entity, name=run.name,
                                     tags=run.wandb_tags or None, id=run_id, resume="allow", dir=self.path.parent,
                                     config=resolved, reinit="create_new", settings=wandb.Settings(silent=True))
        except Exception as exc:  # no login, no network, a refused id: the run does not go on untracked
            raise TrackingError(f"run.report_to: wandb: W&B could not start the run's tracking: "
                                f"{type(exc).__name__}: {exc}") from exc
        self._wandb_continued = run_id is not None
        if run_id is None:
            atomic_write_text(id_path, self._wandb.id + "\n")
        where = (f"offline in {Path(self._wandb.dir).parent} (upload it with `wandb sync` on that directory)"
                 if self._wandb.offline else self._wandb.url)
        print(f"W&B run {self._wandb.id} ({run.wandb_project}): {where}", flush=True)

    def _open(self, purge_step: int | None) -> None:
        # torch's writer (the tensorboard package): it logs NaN scalars silently, and purge_step hides the
        # events a resumed run logs again.
        from torch.utils.tensorboard import SummaryWriter

        self._jsonl = open(self.path, "a", buffering=1)
        if "tensorboard" in self.report_to:
            self._tb = SummaryWriter(str(self.path.parent / "tensorboard"), purge_step=purge_step)

    def rewind(self, records: int, step: int) -> None:
        """Go back to a checkpoint: keep the first ``records`` lines of metrics.jsonl and hide TensorBoard
        events after ``step``. What a crashed attempt logged past its last checkpoint is logged again
        by the resumed run, and would otherwise appear twice."""
        if not self.enabled or records >= self.records:
            return
        self._close_files()
        lines = self.path.read_text().splitlines(keepends=True)
        atomic_write_text(self.path, "".join(lines[:records]))
        self.records = records
        self._open(purge_step=step + 1)
        # A W&B run's history only grows (online, W&B drops a step below its last): the steps the earlier
        # attempt logged there keep its values, and the resumed run sends W&B only the later steps.
        logged = max(_steps(lines[records:]), default=-1)
        if self._wandb is not None and self._wandb_continued and logged > step:
            self._wandb_holds_through = logged
            print(f"W&B run {self._wandb.id}: steps {step + 1}-{logged} keep the values the interrupted attempt "
                  "logged (W&B's history cannot be rewound); the resumed run logs the later steps", flush=True)

    def plan_run(self, epoch_steps: list[int]) -> None:
        """The optimizer steps each epoch of the run takes (index: epoch - 1), for the run's ETA."""
        self._epoch_steps = list(epoch_steps)
        self._run_start, self._session_steps = time.perf_counter(), 0

    def start_epoch(self, epoch: int, done: int = 0) -> None:
        """Show epoch ``epoch`` (numbered from 1) of the run, ``done`` of its steps already taken (a resumed
        run). Its line stays on screen when the epoch ends."""
        self._epoch_index = epoch - 1
        if self.progress_bar and self._epoch_steps:
            self.end_epoch()
            self._bar = tqdm(total=self._epoch_steps[self._epoch_index], initial=done, dynamic_ncols=True,
                             desc=f"epoch {epoch}/{len(self._epoch_steps)}", leave=True)

    def start_pass(self, stage: str) -> None:
        """A pass over the training data in ``stage`` starts (shown beside the epoch's progress)."""
        self._stage = stage

    def advance(self, steps: int, postfix: dict[str, Any] | None = None) -> None:
        """``steps`` more optimizer steps, with the latest values to show (loss, samples/s, ...) when given."""
        if self._bar is None:
            return
        self._session_steps += steps
        if postfix is None:
            self._bar.update(steps)
            return
        shown = [self._stage] + [f"{k} {v:.4g}" if isinstance(v, float) else f"{k} {v}" for k, v in postfix.items()]
        done = sum(self._epoch_steps[:self._epoch_index]) + self._bar.n + steps
        elapsed = time.perf_counter() - self._run_start
        # This process's pace so far, evaluations included once an epoch has ended.
        eta = elapsed / self._session_steps * max(sum(self._epoch_steps) - done, 0)
        shown.append(f"run {_duration(elapsed)} elapsed, ETA {_duration(eta)}")
        self._bar.set_postfix_str(", ".join(s for s in shown if s), refresh=False)
        self._bar.update(steps)

    def end_epoch(self) -> None:
        """The epoch's training is done: its line is left as it ends (evaluation lines follow)."""
        if self._bar is not None:
            self._bar.refresh()
            self._bar.close()
            self._bar = None

    def log(self, kind: str, step: int, values: dict[str, Any]) -> None:
        """One JSONL record ``{"kind", "step", "time", **values}``; numeric values also go to TensorBoard."""
        if not self.enabled:
            return
        record = {"kind": kind, "step": step, "time": time.time(), **values}
        self._jsonl.write(json.dumps(record) + "\n")
        self.records += 1
        scalars = {f"{kind}/{key}": value for key, value in values.items()
                   if isinstance(value, (int, float)) and not isinstance(value, bool)}
        if self._tb is not None:
            for key, value in scalars.items():
                self._tb.add_scalar(key, value, step)
        if self._wandb is not None and step > self._wandb_holds_through:
            self._wandb.log(scalars, step=step)  # records of one step (train, valid, test) join one W&B row
        if kind != "train":
            message = " ".join(f"{k}={v:.4f}" if isinstance(v, float) else f"{k}={v}" for k, v in values.items())
            (tqdm.write if self.progress_bar else print)(f"[{kind}] step {step}: {message}")

    def close(self, failed: bool = False) -> None:
        """Close the files; end the W&B run, as failed (exit code 1) when ``failed``."""
        self._close_files()
        if self._wandb is not None:
            self._wandb.finish(exit_code=1 if failed else 0)
            self._wandb = None

    def _close_files(self) -> None:
        self.end_epoch()
        if self._jsonl:
            self._jsonl.close()
            self._jsonl = None
        if self._tb:
            self._tb.close()
            self._tb = None


class SampleLog:
    """``<run>/samples/rank<r>.jsonl``: one line per optimizer step with the global indices of the samples
    this rank trained on, in batch order (an audit that a resumed run saw exactly what it should)."""

    def __init__(self, run_dir: Path, rank: int):
        self.path = run_dir / "samples" / f"rank{rank}.jsonl"
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file = open(self.path, "a", buffering=1)

    def write(self, step: int, epoch: int, stage: str, micro_batches) -> None:
        indices = [i for batch in micro_batches for i in batch.index.tolist()]
        self._file.write(json.dumps({"step": step, "epoch": epoch, "stage": stage, "indices": indices}) + "\n")

    def rewind(self, step: int) -> None:
        """Keep the steps up to ``step`` (a checkpoint's global step): later ones will be trained again."""
        self._file.close()
        kept = []
        for line in self.path.read_text().splitlines(keepends=True):
            try:
                if json.loads(line)["step"] <= step:
                    kept.append(line)
            except json.JSONDecodeError:  # the torn last line of a killed process
                continue
        atomic_write_text(self.path, "".join(kept))
        self._file = open(self.path, "a", buffering=1)

    def close(self) -> None:
        self._file.close()


def open_run_logger(config: Config, world: WorldInfo, device) -> RunLogger:
    """The run's logger (rank 0 writes; the others only count), started on every rank alike: if rank 0
    cannot start a W&B run that ``run.report_to`` asks for, every rank raises TrackingError (a collective)."""
    import torch

    from . import distributed as dist

    logger, failure = None, None
    try:
        logger = RunLogger(config.run_dir(), enabled=world.is_main, progress_bar=config.trainer.progress_bar,
                           run=config.run, resolved=config.model_dump(mode="json"))  # = config.yaml
    except TrackingError as exc:
        failure = str(exc)
    if "wandb" in config.run.report_to and dist.or_across_ranks(
            torch.tensor([failure is not None], device=device)).item():
        raise TrackingError(failure or "rank 0 could not start the W&B run of run.report_to (see its error)")
    if logger is None:  # refused without W&B in report_to: not a case RunLogger has
        raise TrackingError(failure)
    return logger
