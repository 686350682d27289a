"""The plain late-fusion baseline: the fusion model trained on the task loss alone."""

from __future__ import annotations

from .base import Objective


class LateFusion(Objective):
    name = "late_fusion"

    def loss(self, output, batch, stage, step):
        task = self.task_loss(output, batch)
        return task, {"task": task.detach()}
