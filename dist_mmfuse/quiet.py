"""What the entry points (``launch/*.py``, Ray Tune's trials) silence in the libraries they run: only lines
that say nothing a user can act on, each matched by its exact text at its source. Errors, and every other
warning, still show.

* DeepSpeed's logger: ``Setting accelerator to CPU`` (its guess on a machine without CUDA: the training
  summary says the device instead, ``...; on cpu``) and ``You are using ZeRO with an untested optimizer``
  (StagedAdam is torch's Adam, whose class DeepSpeed's list of tested ones names exactly; the configs
  allow it, and the tests check ZeRO's gradients with it against plain torch).
* ``torch.distributed.all_gather_into_tensor is deprecated``: a FutureWarning of torch 2.13 about the
  collective DeepSpeed's ZeRO calls, once per rank.
* DeepSpeed's ``DeepSpeed deepspeed.ops.comm.deepspeed_shm_comm_op built successfully``, printed on
  every rank whenever the process group starts (its build, on first use, still shows).
* The chatter of DeepSpeed's ``zero_to_fp32`` (which files it reads, a progress bar over them) when a
  checkpoint's weights are consolidated for ``launch/eval.py`` and ``launch/export.py``.
* transformers' ``Loading weights`` progress bar over the text encoder's ~100 tensors, once per rank.

Elsewhere, for the same reason: ``launch/quickstart.sh`` runs the deepspeed launcher with ``--log_level
error`` (its info lines: the command, the hostfile it did not need, ``Setting CUDA_VISIBLE_DEVICES``),
tuning turns off Ray Train's print patch, which showed every line a trial's rank 0 prints twice, and a W&B
run (``run.report_to``) starts with ``silent=True``: its banners and sync hints give way to one line of
runlog.py's that says where the run is (its warnings and errors still show).
"""

from __future__ import annotations

import contextlib
import io
import logging
import sys
import warnings
from typing import Callable, Iterator

DEEPSPEED_LOGGER = "DeepSpeed"
DROPPED_DEEPSPEED_LOGS = ("Setting accelerator to CPU", "You are using ZeRO with an untested optimizer")
ALL_GATHER_DEPRECATION = r"`torch\.distributed\.all_gather_into_tensor` is deprecated"
SHM_OP_BUILT = " built successfully"  # DeepSpeed's "DeepSpeed <op name> built successfully"


class _DropMessages(logging.Filter):
    def __init__(self, fragments: tuple[str, ...]):
        super().__init__()
        self.fragments = fragments

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not any(fragment in message for fragment in self.fragments)


_FILTER = _DropMessages(DROPPED_DEEPSPEED_LOGS)


def quiet_libraries() -> None:
    """Install the filters above (idempotent). Call before DeepSpeed is imported: its accelerator line is
    logged on import. The filter sits on DeepSpeed's logger itself, which DeepSpeed later configures
    without removing filters."""
    logger = logging.getLogger(DEEPSPEED_LOGGER)
    if _FILTER not in logger.filters:
        logger.addFilter(_FILTER)
    warnings.filterwarnings("ignore", message=ALL_GATHER_DEPRECATION, category=FutureWarning)


class _LineFilter(io.TextIOBase):
    """A text stream that passes whole lines on to ``target`` unless ``drop(line)``."""

    def __init__(self, target, drop: Callable[[str], bool]):
        super().__init__()
        self.target, self.drop, self.pending = target, drop, ""

    def write(self, text: str) -> int:
        self.pending += text
        *lines, self.pending = self.pending.split("\n")
        for line in lines:
            if not self.drop(line):
                self.target.write(line + "\n")
        return len(text)

    def flush(self) -> None:
        self.target.flush()

    def close_lines(self) -> None:
        if self.pending and not self.drop(self.pending):
            self.target.write(self.pending)
        self.pending = ""


@contextlib.contextmanager
def dropping_stdout_lines(drop: Callable[[str], bool]) -> Iterator[None]:
    """Within the block, lines printed to ``sys.stdout`` for which ``drop(line)`` is true are not shown
    (output of subprocesses, such as a compiler's, goes to the file descriptor and is not filtered)."""
    original = sys.stdout
    stream = _LineFilter(original, drop)
    sys.stdout = stream
    try:
        yield
    finally:
        sys.stdout = original
        stream.close_lines()


def shm_op_built(line: str) -> bool:
    return line.startswith("DeepSpeed ") and line.endswith(SHM_OP_BUILT)


@contextlib.contextmanager
def quiet_zero_to_fp32() -> Iterator[None]:
    """DeepSpeed's zero_to_fp32 without its prints and progress bars (its errors are raised as they are)."""
    from functools import partial

    from deepspeed.utils import zero_to_fp32

    bar = zero_to_fp32.tqdm
    zero_to_fp32.tqdm = partial(bar, disable=True)
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            yield
    finally:
        zero_to_fp32.tqdm = bar


@contextlib.contextmanager
def no_transformers_progress_bar() -> Iterator[None]:
    """transformers without its progress bars (``Loading weights``) within the block."""
    from transformers.utils import logging as hf_logging

    enabled = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        yield
    finally:
        if enabled:
            hf_logging.enable_progress_bar()
