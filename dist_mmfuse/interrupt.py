"""What an interrupted job does: Ctrl-C (SIGINT, which a terminal sends to every rank and the launcher at
once) and SIGTERM (the launcher's or the scheduler's) end it with one line on rank 0 that says where it
stopped, which checkpoint it would resume from and the command that resumes it, and exit code 130, not a
traceback per rank.

It owns the signal handlers of the entry points, the record of an interruption and the resume command's
wording; it never saves, resumes or decides anything about training.
"""

from __future__ import annotations

import os
import shlex
import signal
import sys
from pathlib import Path
from typing import Iterable

EXIT_INTERRUPTED = 130  # 128 + SIGINT, what a shell reports for a job ended by Ctrl-C

_received: list[str] = []


def interrupted() -> str | None:
    """The signal that interrupted this process ("SIGINT", "SIGTERM"), or None."""
    return _received[0] if _received else None


def _on_signal(signum, frame) -> None:
    first = not _received
    _received.append(signal.Signals(signum).name)
    if first:
        # From here on a data-loading worker that dies is expected, not an error: the deepspeed launcher
        # terminates each rank's whole process tree on Ctrl-C, and PyTorch's SIGCHLD handler would turn the
        # workers' deaths into a RuntimeError traceback while the rank is still writing its last line.
        # A Python no-op, not SIG_DFL: a SIGCHLD already pending for PyTorch's handler would otherwise
        # surface as "OSError: Signal 17 ignored due to race condition".
        if hasattr(signal, "SIGCHLD"):
            signal.signal(signal.SIGCHLD, _child_ended)
        # Once is enough: the launcher follows Ctrl-C with SIGTERM to every rank, and a second
        # KeyboardInterrupt inside the first one's handling would print a traceback.
        raise KeyboardInterrupt


def _child_ended(signum, frame) -> None:
    """SIGCHLD once interrupted: a worker process ending now is part of the shutdown."""


def install_interrupt_handlers() -> None:
    """SIGINT and SIGTERM raise one KeyboardInterrupt in the main thread and are noted (``interrupted``);
    later ones are noted only."""
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, _on_signal)


def resume_command(argv: Iterable[str], world_size: int, launcher: str, environ: dict[str, str] | None = None) -> str:
    """The command that resumes this job: its own arguments with ``--resume auto`` in place of any
    ``--resume``/``--overwrite`` and without the launcher's ``--local_rank``, under the launcher it ran
    under (the deepspeed launcher's LOCAL_SIZE and CROSS_SIZE say how many ranks per node and nodes)."""
    env = os.environ if environ is None else environ
    kept: list[str] = []
    skip = False
    for arg in argv:
        if skip and not arg.startswith("--"):  # the value of --resume (tune's and a study's may have none)
            skip = False
            continue
        skip = False
        if arg in ("--resume", "--local_rank", "--local-rank"):
            skip = True
            continue
        if arg == "--overwrite" or arg.startswith(("--resume=", "--local_rank=", "--local-rank=")):
            continue
        kept.append(arg)
    script = _shown_path(kept[0]) if kept else "launch/train.py"
    rest = " ".join(shlex.quote(arg) for arg in kept[1:])
    if launcher == "slurm":
        return "submit the same job again (launch/slurm/train.sbatch passes --resume auto)"
    if world_size == 1:
        start = f"python {script}"
    elif int(env.get("CROSS_SIZE", "1")) > 1:
        start = f"deepspeed <the same hostfile options> {script}"
    else:
        start = f"deepspeed --num_gpus {env.get('LOCAL_SIZE', world_size)} {script}"
    return " ".join(part for part in (start, rest, "--resume auto") if part)


def _shown_path(path: str) -> str:
    """The script's path relative to the working directory where it lies beneath it."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return path


UNKNOWN = Path()  # where the interruption came before the checkpoint directory was known


class Interrupted(Exception):
    """Training stopped by a signal: where it was, and the checkpoint a resume would start from (None:
    none yet)."""

    def __init__(self, where: str, latest: Path | None):
        super().__init__(where)
        self.where = where
        self.latest = latest


def report_interruption(where: str, latest: Path | None, command: str) -> None:
    """The one line an interrupted job prints (on rank 0)."""
    checkpoint = ("" if latest == UNKNOWN else f"; latest checkpoint {latest}" if latest is not None
                  else "; no checkpoint yet (a resume starts afresh)")
    print(f"interrupted ({interrupted() or 'SIGINT'}) {where}{checkpoint}; resume with: {command}",
          file=sys.stderr, flush=True)
