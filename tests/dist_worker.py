"""Run in each spawned process: Trainers on ``world_size`` gloo ranks step on fixed global batches.

Each pass starts at the beginning of the training split, and each step takes the next global batch of
``world_size * K * B`` samples (K = gradient accumulation steps, B = data.batch_size); rank r's
micro-batch k is rows [(r*K + k)*B, (r*K + k + 1)*B). So one process with batch W*K*B and K = 1 sees
exactly the same samples per step as W processes accumulating K micro-batches of B. Per step it
records the parameters and the objective's state before the step, the loss and terms, and every
parameter's full gradient (taken at the accumulation boundary, before the optimizer step); then the
final parameters and state. One launch runs a list of such jobs; results go to
``out_dir/<job>/rank{r}.pt``.
"""

from __future__ import annotations

import os
import sys


def global_batches(config, total_batch: int):
    """The training split in file order, ``total_batch`` samples at a time (no shuffling)."""
    from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader

    source = StreamingLoader(config.data.shard_dir, config.data.train_split,
                             LoaderOptions(batch_size=total_batch, num_workers=0, shuffle_buffer=0), train=False)
    return source.epoch(0)


def rows(batch, start: int, stop: int):
    part = batch._map(lambda t: t[start:stop])
    part.ids = batch.ids[start:stop]
    return part


def parse_phases(phases: str) -> list[tuple[str, int, int]]:
    """``"mmilb:2,main:3"`` or ``"main:2:0,main:3:1"``: (stage, steps, epoch) passes, one after another
    (epoch 0 when not given)."""
    parsed = []
    for phase in phases.split(","):
        stage, steps, *epoch = phase.split(":")
        parsed.append((stage, int(steps), int(epoch[0]) if epoch else 0))
    return parsed


def objective_state(objective) -> dict:
    """The objective's checkpointed state, copied (MMIM's memory, Self-MM's banks)."""
    import copy

    return copy.deepcopy(objective.extra_state())


def run_jobs(rank: int, world_size: int, port: int, jobs_path: str, out_dir: str) -> None:
    """Run each job of the JSON list at ``jobs_path`` (``{"name", "config", "overrides", "phases"}``) in
    turn, in this one process group, writing ``out_dir/<name>/rank{r}.pt`` for each: one launch serves
    every variant of a world size (process start-up dominates these tiny runs)."""
    import json

    os.environ.update(RANK=str(rank), WORLD_SIZE=str(world_size), LOCAL_RANK=str(rank), MASTER_ADDR="127.0.0.1",
                      MASTER_PORT=str(port), DS_ACCELERATOR="cpu", HF_HUB_OFFLINE="1")
    from dist_mmfuse.distributed import init_process_group, world_info

    world = world_info()
    init_process_group(world)
    for job in json.loads(open(jobs_path).read()):
        job_dir = os.path.join(out_dir, job["name"])
        os.makedirs(job_dir, exist_ok=True)
        if "resume" in job:
            resumed_state(world, job["config"], job["overrides"], job["resume"], job_dir)
        elif job.get("kind") == "restore":
            restore_snapshots(world, job["config"], job["overrides"], job_dir)
        else:
            run(world, job["config"], job["overrides"], job["phases"], job_dir)


def run(world, config_path: str, overrides: list[str], phases: str, out_dir: str) -> None:
    """Run the ``phases`` (see ``parse_phases``) on fixed global batches; results to ``out_dir/rank{r}.pt``."""
    import gc

    import torch
    from deepspeed.utils import safe_get_full_grad

    from dist_mmfuse.config import load_config
    from dist_mmfuse.manifest import load_manifest
    from dist_mmfuse.trainer import Trainer

    rank, world_size = world.rank, world.world_size
    config = load_config(config_path, overrides)
    trainer = Trainer(config, load_manifest(config.data.shard_dir), world)
    micro, per_rank = config.data.batch_size, config.trainer.gradient_accumulation_steps
    named = [(n, p) for n, p in trainer.engine.module.named_parameters() if p.requires_grad]

    def snapshot():
        return {n: p.detach().clone() for n, p in trainer.engine.module.named_parameters()}

    result = {"params": [], "losses": [], "grads": [], "terms": [], "objective_state": []}
    for stage, steps, epoch in parse_phases(phases):
        trainer.optimizer.set_stage(trainer.objective.optimizer_stages(stage, epoch))
        trainer.objective.begin_pass(stage, epoch, 0)
        batches = global_batches(config, micro * per_rank * world_size)
        for step in range(steps):
            global_batch = next(batches)
            first = rank * per_rank
            micro_batches = [rows(global_batch, (first + k) * micro, (first + k + 1) * micro) for k in range(per_rank)]
            result["params"].append(snapshot())
            result["objective_state"].append(objective_state(trainer.objective))
            terms = trainer.accumulate_gradients(micro_batches, stage, step)
            # Every rank joins: under ZeRO the full gradient is assembled from all partitions.
            result["grads"].append({n: safe_get_full_grad(p).detach().clone() for n, p in named})
            trainer.engine.step()
            result["losses"].append(terms["loss"].item())
            result["terms"].append({k: v.item() for k, v in terms.items()})
    result["params"].append(snapshot())
    result["objective_state"].append(objective_state(trainer.objective))
    torch.save(result, os.path.join(out_dir, f"rank{rank}.pt"))
    trainer.engine.destroy()
    del trainer
    gc.collect()




def full_state(trainer) -> dict:
    """Every trained parameter's full fp32 value and Adam moments, and each param group's step count (every
    rank takes part and holds them whole)."""
    from deepspeed.utils import safe_get_full_fp32_param, safe_get_full_optimizer_state

    engine, optimizer = trainer.engine, trainer.optimizer
    zero = engine.zero_optimization_stage() in (1, 2)
    if zero:
        # DeepSpeed links each parameter to its moments once, at the first step; StagedAdam creates the moments
        # of a stage's groups at that stage's first step, so link again to read them all.
        engine.optimizer._hp_optimizer_states_linked = False
        engine.optimizer._lazy_init_hp_params_optimizer_state()
        params_by_group = engine.optimizer.bit16_groups
    else:
        params_by_group = [group["params"] for group in optimizer.param_groups]
    names = {id(p): n for n, p in engine.module.named_parameters()}
    result = {}
    for index, (group, params) in enumerate(zip(optimizer.param_groups, params_by_group)):
        group_state = optimizer.state[group["params"][0]]  # ZeRO: the group's flat partition
        step = group_state.get("step")  # Adam increments it in place: a copy
        result[f"step of group {group['name']}"] = step.clone() if hasattr(step, "clone") else step
        for param in params:
            entry = {"fp32": (safe_get_full_fp32_param(param) if zero else param).detach().clone()}
            for key in ("exp_avg", "exp_avg_sq"):
                if key not in group_state:  # the same on every rank: no rank enters the collective
                    entry[key] = None
                elif zero:
                    entry[key] = safe_get_full_optimizer_state(param, key).clone()
                else:
                    entry[key] = optimizer.state[param][key].clone()
            result[names[id(param)]] = entry
    return result


def restore_snapshots(world, config_path: str, overrides: list[str], out_dir: str) -> None:
    """The sample search's snapshot and restore: a step, ``snapshot``, another step, then ``restore`` with
    and without the optimizer state; the full state (see ``full_state``) at each point."""
    import gc

    import torch

    from dist_mmfuse.config import load_config
    from dist_mmfuse.manifest import load_manifest
    from dist_mmfuse.trainer import Trainer

    config = load_config(config_path, overrides)
    trainer = Trainer(config, load_manifest(config.data.shard_dir), world)
    micro = config.data.batch_size
    batches = global_batches(config, micro * world.world_size)
    stage = trainer.objective.stages[0]
    trainer.optimizer.set_stage(stage)
    trainer.objective.begin_pass(stage, 0, 0)

    def step(index):
        batch = next(batches)
        trainer.accumulate_gradients([rows(batch, world.rank * micro, (world.rank + 1) * micro)], stage, index)
        trainer.engine.step()

    step(0)
    trainer.snapshot("t")
    result = {"snapshot": full_state(trainer)}
    step(1)
    result["stepped"] = full_state(trainer)
    trainer.restore("t", optimizer_state=False)
    result["weights_only"] = full_state(trainer)
    trainer.restore("t")
    result["everything"] = full_state(trainer)
    torch.save(result, os.path.join(out_dir, f"rank{world.rank}.pt"))
    trainer.drop_snapshots()
    trainer.engine.destroy()
    del trainer
    gc.collect()


def resumed_state(world, config_path: str, overrides: list[str], checkpoint: str, out_dir: str) -> None:
    """Resume a Trainer from ``checkpoint`` on this world size and write, from rank 0, every trained
    parameter's full fp32 value and Adam moments and each param group's step count
    (``out_dir/rank{r}.pt``: every rank holds them whole)."""
    import gc
    from pathlib import Path

    import torch

    from dist_mmfuse.config import load_config
    from dist_mmfuse.manifest import load_manifest
    from dist_mmfuse.checkpoint import resume_accumulation
    from dist_mmfuse.trainer import Trainer

    config = load_config(config_path, overrides)
    trainer = Trainer(config, load_manifest(config.data.shard_dir), world,
                      accumulation_steps=resume_accumulation(config, Path(checkpoint), world.world_size))
    trainer.load_checkpoint(checkpoint)
    torch.save(full_state(trainer), os.path.join(out_dir, f"rank{world.rank}.pt"))
    trainer.engine.destroy()
    del trainer
    gc.collect()


def reference(config_path: str, overrides: list[str], phases: str, total_batch: int,
              params_per_step: list[dict], dtype, objective_states: list[dict] | None = None) -> dict:
    """The same steps in one process with plain torch (no DeepSpeed, no process group) on the whole
    batch of ``total_batch``, in ``dtype``, at the parameters a run had before each of its steps (so
    rounding differences cannot build up along the trajectory), and, when ``objective_states`` is
    given, from the objective state the run had then too. Records the objective state after each step."""
    import torch

    from dist_mmfuse.config import load_config
    from dist_mmfuse.train_module import build_train_module, give_train_labels

    config = load_config(config_path, overrides)
    module = build_train_module(load_schema(config), config).to(dtype)
    give_train_labels(module.objective, config.data, dtype)
    named = [(n, p) for n, p in module.named_parameters() if p.requires_grad]
    result = {"losses": [], "grads": [], "terms": [], "objective_state": []}
    step_params = iter(params_per_step)
    step_states = iter(objective_states or [])
    for stage, steps, epoch in parse_phases(phases):
        module.objective.begin_pass(stage, epoch, 0)
        batches = global_batches(config, total_batch)
        for step in range(steps):
            values = next(step_params)
            state = next(step_states, None)
            if state is not None:
                module.objective.load_extra_state(state)
            with torch.no_grad():
                for name, param in module.named_parameters():
                    param.copy_(values[name])
            module.zero_grad(set_to_none=False)
            loss, terms = module(next(batches), stage, step)
            loss.backward()
            # DeepSpeed hands parameters outside the graph a zero gradient; do the same.
            result["grads"].append({n: p.grad.detach().clone() if p.grad is not None else torch.zeros_like(p)
                                    for n, p in named})
            result["losses"].append(loss.item())
            result["terms"].append({k: v.item() for k, v in terms.items()})
            result["objective_state"].append(objective_state(module.objective))
    return result


def load_schema(config):
    from dist_mmfuse.manifest import load_manifest

    return load_manifest(config.data.shard_dir).schema


if __name__ == "__main__":
    args = sys.argv[1:]
    run_jobs(int(args[0]), int(args[1]), int(args[2]), args[3], args[4])
