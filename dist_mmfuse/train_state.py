"""Where training is and what it has selected: the state the loop advances and every checkpoint saves.

A plain record: the loop (trainer.py) updates it, the checkpoint code (checkpoint/) saves and restores it,
and the checks before a process group read it from a checkpoint's ``checkpoint.json``. It holds no tensor
and knows no file.
"""

from __future__ import annotations

import dataclasses
import math


# Epochs users see are numbered from 1 (tag epochNNNN: after epoch NNNN); epoch counts done ones, best_epoch is 0-based.
@dataclasses.dataclass
class TrainState:
    """Where training is, and what it has selected so far (saved in every checkpoint)."""

    epoch: int = 0
    stage_index: int = 0
    step: int = 0  # next step within the current pass
    global_step: int = 0
    samples_seen: int = 0
    best_valid: float = math.inf
    best_test: float = math.inf
    best_epoch: int = -1
    best_test_metrics: dict[str, float] = dataclasses.field(default_factory=dict)
    bad_epochs: int = 0
    finished: bool = False
    nonfinite_steps: int = 0  # steps not applied because a loss term or the gradient norm was NaN or Inf
    skipped_samples: int = 0  # bad samples skipped under data.bad_samples=skip (their places refilled)

    @property
    def best_epoch_number(self) -> int | None:
        """The selected epoch as users see it (numbered from 1); None before any epoch is selected."""
        return self.best_epoch + 1 if self.best_epoch >= 0 else None

    def done_under(self, epochs: int, patience: int) -> bool:
        """Whether nothing is left to train under ``trainer.epochs`` and ``trainer.patience``."""
        return self.bad_epochs >= patience or self.epoch >= epochs
