"""Non-finite losses and gradients: found on any rank, agreed by all ranks, never applied.

Every step the trainer asks the guard for the step's *flags*: one per loss term and one for the gradient
norm, True where the value is NaN or Inf on any rank (an all-reduce MAX of a few integers, queued on the
device like any kernel). The optimizer withholds the update where any flag is set (``StagedAdam.skip_if``),
and the guard counts the step. DeepSpeed's own overflow skips (fp16 loss scaling; ZeRO and bf16 check the
gradient norm themselves) count the same way, as a non-finite gradient norm.

The counters live on the device, so the per-step bookkeeping adds no host synchronisation; the trainer
reads them (``poll``) where it reads the device anyway: when it logs, at the end of each pass and before
each checkpoint. Then ``check`` raises :class:`NonFiniteError` when the run must stop: after
``nonfinite_patience`` consecutive skipped steps, or at the first one under ``nonfinite: stop``.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch

from . import distributed as dist

GRAD_NORM = "grad_norm"


class NonFiniteError(RuntimeError):
    """Training produced NaN or Inf where it must not; the message names the step, stage and terms."""


@dataclass
class Streak:
    """Consecutive skipped steps, as the host last saw them."""

    first_step: int  # global step (1-based, as in metrics.jsonl) of the streak's first skipped step
    epoch: int  # as users see it, numbered from 1
    stage: str
    what: list[str]  # the terms (and grad_norm) non-finite at that step


class NonFiniteGuard:
    def __init__(self, device: torch.device, policy: str, patience: int):
        self.device = device
        self.limit = 1 if policy == "stop" else patience
        self.policy = policy
        self.names: list[str] = [GRAD_NORM]  # flag positions: the gradient norm, then each term seen so far
        # [skipped steps in total, current streak, the step it began at, the step a streak reaching the
        # limit began at (0: none yet)]. The last one latches: a streak that reaches the limit and ends
        # between two polls still stops the run.
        self._counts = torch.zeros(4, dtype=torch.int64, device=device)
        self._first_flags = torch.zeros(1, dtype=torch.bool, device=device)  # at the current streak's start
        self._tripped_flags = torch.zeros(1, dtype=torch.bool, device=device)  # at the latched streak's start
        self._streaks: dict[int, Streak] = {}  # streaks the host has seen, by first step
        self._tripped: Streak | None = None
        self.skipped = 0  # total skipped steps, as of the last poll

    def start_from(self, total: int) -> None:
        """Continue a resumed run's count of skipped steps. A streak (shorter than the patience, or the run
        would have stopped) starts again from 0."""
        self._counts = torch.tensor([total, 0, 0, 0], dtype=torch.int64, device=self.device)
        self.skipped = total

    def flags(self, terms: dict[str, torch.Tensor], grad_norm: torch.Tensor | None) -> torch.Tensor:
        """Non-finite flags of this step (see ``names``), OR-ed over ranks. ``grad_norm``: the gradient
        norm where the engine does not check it itself (None: DeepSpeed does, see ``record``)."""
        for name in terms:
            if name not in self.names:
                self.names.append(name)
        zero = torch.zeros((), device=self.device)
        values = [grad_norm.detach().float().reshape(()) if grad_norm is not None else zero]
        values += [terms[n].detach().float().reshape(()) if n in terms else zero for n in self.names[1:]]
        return dist.or_across_ranks(~torch.isfinite(torch.stack(values)))

    def record(self, flags: torch.Tensor, global_step: int, engine_skipped: bool) -> torch.Tensor:
        """Count the step ``global_step`` (1-based) whose ``flags`` were taken; ``engine_skipped``: the
        engine discarded it as an overflow (a host value DeepSpeed has already synchronised for). Returns
        whether the step was skipped, as a device tensor."""
        if engine_skipped:
            flags = flags.clone()
            flags[0] = True
        self._first_flags, self._tripped_flags = (self._grown(t, flags.numel())
                                                  for t in (self._first_flags, self._tripped_flags))
        bad = flags.any()
        total, streak, first, tripped = self._counts.unbind()
        streak = (streak + 1) * bad
        starts = bad & (streak == 1)
        first = torch.where(starts, torch.full((), global_step, dtype=torch.int64, device=self.device), first)
        self._first_flags = torch.where(starts, flags, self._first_flags)
        trips = (streak == self.limit) & (tripped == 0)
        self._counts = torch.stack([total + bad, streak, first, torch.where(trips, first, tripped)])
        self._tripped_flags = torch.where(trips, self._first_flags, self._tripped_flags)
        return bad

    def _grown(self, flags: torch.Tensor, size: int) -> torch.Tensor:
        """``flags`` padded with False to ``size`` (a term name seen for the first time)."""
        if flags.numel() >= size:
            return flags
        return torch.cat([flags, torch.zeros(size - flags.numel(), dtype=torch.bool, device=self.device)])

    def poll(self, epoch: int, stage: str) -> int:
        """Read the counters (a host synchronisation: call it where the trainer syncs anyway) and return the
        total of skipped steps. A streak that began since the last poll is attributed to ``epoch`` and
        ``stage``: the trainer polls at least once per pass."""
        total, streak, first, tripped = self._counts.tolist()
        self.skipped = total
        if streak and first not in self._streaks:
            self._streaks[first] = Streak(first, epoch, stage, self._flagged(self._first_flags))
            for old in sorted(self._streaks)[:-64]:  # only a recent one can still reach the limit
                del self._streaks[old]
        if tripped and self._tripped is None:
            seen = self._streaks.get(tripped)
            self._tripped = Streak(tripped, seen.epoch if seen else epoch, seen.stage if seen else stage,
                                   self._flagged(self._tripped_flags))
        return total

    def _flagged(self, flags: torch.Tensor) -> list[str]:
        return [name for name, flag in zip(self.names, flags.tolist()) if flag]

    def check(self) -> None:
        """Raise NonFiniteError if, as of the last poll, a streak of skipped steps has reached the limit."""
        s = self._tripped
        if s is None:
            return
        what = ", ".join(f"{n} (DeepSpeed overflow or non-finite)" if n == GRAD_NORM else n for n in s.what)
        rule = ("trainer.nonfinite=stop" if self.policy == "stop" else
                f"{self.limit} consecutive steps skipped, trainer.nonfinite_patience={self.limit}")
        raise NonFiniteError(
            f"non-finite values from step {s.first_step} (epoch {s.epoch}, stage {s.stage}): {what}; {rule}. No "
            "update was applied at those steps and no checkpoint holds their results; lower the learning rates "
            "(trainer.lr_*), enable gradient clipping (trainer.grad_clip) or check the data")
