"""One optimizer for staged objectives, as the DeepSpeed engine requires.

MMIM trains two parameter sets in alternating passes: the MMILB estimators in stage 0, everything else
in stage 1, officially with two Adam optimizers. A DeepSpeed engine holds exactly one optimizer (it
partitions, casts and checkpoints that one), so the stages share one ``StagedAdam`` whose param groups
each carry a ``stage`` tag. ``step()`` steps only the groups of the active stage: the other groups'
parameters, Adam moments and step counts are left exactly as they were, which is what two separate
optimizers give. ZeRO 1 and 2 call ``step()`` once per (flattened) group with ``param_groups`` narrowed
to that group and the tag kept, so the filter works unchanged under them.

Frozen parameters (``requires_grad`` off, e.g. ``model.freeze_text``) are left out of every group, so
ZeRO neither flattens nor partitions them; a group left empty is dropped.

A group's ``stage`` is one stage name or a list of them (TupleInfoNCE's encoders train in both its
contrastive and its supervised stage; its prediction layer only in the latter). A tag need not name a
pass: ``set_stage`` can activate further tags besides the pass's own (MMIM's entropy projection, tagged
``entropy_prj``, steps with the MMILB pass from the second epoch on: ``Objective.optimizer_stages``).

Gradient clipping (the engine's ``gradient_clipping``) still takes the norm over every parameter's
gradient, stepped or not, as the official ``clip_grad_norm_(model.parameters())`` does.

Gradients can be clipped elementwise before each step (``clip_value``, torch's ``clip_grad_value_``): on the
gradient the step applies, after accumulation and the average over ranks.

A step can be withheld (``skip_if``: a boolean tensor the trainer sets when a loss term or the gradient
norm is not finite): nothing changes, not the weights, not the moments, not the step counts. With
``fused=True`` (the trainer's choice on GPUs) the fused kernel reads the flag on the device
(``found_inf``, as for AMP's GradScaler), so skipping costs no host synchronisation; the single-tensor
kernel (CPU, where a host read waits for nothing) reads it on the host.
"""

from __future__ import annotations

import torch


def group_stages(group: dict) -> tuple[str, ...]:
    """The stages that step ``group`` (its ``stage`` tag: one name or a list)."""
    stage = group["stage"]
    return (stage,) if isinstance(stage, str) else tuple(stage)


class StagedAdam(torch.optim.Adam):
    """torch Adam (coupled L2 weight decay, as the official code) that steps only the active stage."""

    def __init__(self, param_groups: list[dict], clip_value: float | None = None, **defaults):
        """``clip_value``: clip every gradient element to [-clip_value, clip_value] before each step (torch's
        clip_grad_value_, as MMSA's MulT and MISA recipes do)."""
        missing = [g.get("name", i) for i, g in enumerate(param_groups) if "stage" not in g]
        if missing:
            raise ValueError(f"param groups {missing} have no 'stage' tag")
        param_groups = [{**g, "params": [p for p in g["params"] if p.requires_grad]} for g in param_groups]
        param_groups = [g for g in param_groups if g["params"]]
        super().__init__(param_groups, **defaults)
        self.active_stages: tuple[str, ...] = (group_stages(param_groups[0])[0],)
        # Set by the trainer before each engine step and cleared after it: ZeRO calls step() once per group.
        self.skip_if: torch.Tensor | None = None
        self.clip_value = clip_value

    @property
    def stages(self) -> list[str]:
        return list(dict.fromkeys(s for g in self.param_groups for s in group_stages(g)))

    @property
    def active_stage(self) -> str:
        """The pass's own stage (the first of ``active_stages``)."""
        return self.active_stages[0]

    def set_stage(self, stage: str | tuple[str, ...] | list[str]) -> None:
        """Step, from now on, the groups tagged with ``stage`` (a name, or several: the pass's stage first)."""
        stages = (stage,) if isinstance(stage, str) else tuple(stage)
        unknown = [s for s in stages if s not in self.stages]
        if not stages or unknown:
            raise ValueError(f"no param group belongs to stage {unknown or stages!r}; stages are {self.stages}")
        self.active_stages = stages

    def reset_state(self) -> None:
        """Forget every moment estimate and step count (Adam re-initialises them at the next step)."""
        self.state.clear()

    def state_by_position(self) -> list[list[dict | None]]:
        """A copy of every parameter's state (moments, step count), listed by group and position: what
        ``load_state_by_position`` puts back after a checkpoint load has replaced it."""
        return [[{k: v.clone() if torch.is_tensor(v) else v for k, v in self.state[p].items()} if p in self.state
                 else None for p in group["params"]] for group in self.param_groups]

    @torch.no_grad()
    def load_state_by_position(self, states: list[list[dict | None]]) -> None:
        """Put ``state_by_position``'s copy back: into the tensors the state holds now where they match
        (they may be referenced elsewhere, as ZeRO's fragment links do), as new entries otherwise."""
        for group, group_states in zip(self.param_groups, states, strict=True):
            for param, state in zip(group["params"], group_states, strict=True):
                held = self.state.get(param)
                if state is None:
                    self.state.pop(param, None)
                elif held is not None and held.keys() == state.keys() and all(
                        not torch.is_tensor(v) or (torch.is_tensor(held[k]) and held[k].shape == v.shape)
                        for k, v in state.items()):
                    for key, value in state.items():
                        if torch.is_tensor(value):
                            held[key].copy_(value)
                        else:
                            held[key] = value
                else:
                    self.state[param] = state

    @torch.no_grad()
    def step(self, closure=None):
        skip = self.skip_if
        if skip is not None and not self.defaults["fused"] and bool(skip):
            return None
        all_groups = self.param_groups
        self.param_groups = [g for g in all_groups if any(s in self.active_stages for s in group_stages(g))]
        if skip is not None and self.defaults["fused"]:
            self.found_inf = skip.to(torch.float32).reshape(())
        grads = [p.grad for g in self.param_groups for p in g["params"] if p.grad is not None]
        if self.clip_value and grads:  # elementwise: a ZeRO partition clips exactly as the whole gradient would
            torch._foreach_clamp_min_(grads, -self.clip_value)
            torch._foreach_clamp_max_(grads, self.clip_value)
        try:
            return super().step(closure) if self.param_groups else None
        finally:
            self.param_groups = all_groups
            self.found_inf = None
