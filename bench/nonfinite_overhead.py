"""What the non-finite guard costs per training step (dist_mmfuse/nonfinite.py).

Builds the trainer of a run config (the quick start's by default) and times training steps through the
DeepSpeed engine in alternating blocks: with the guard as it runs in training (per-term finiteness flags,
their all-reduce across ranks, the device-side counters, and the gradient norm where the engine keeps
none), and with those replaced by nothing. Blocks alternate so that drift on a noisy machine falls on both.

    DS_ACCELERATOR=cpu deepspeed --num_gpus 2 bench/nonfinite_overhead.py                # the quick start (ZeRO-2)
    DS_ACCELERATOR=cpu deepspeed --num_gpus 2 bench/nonfinite_overhead.py \\
        trainer.deepspeed_config=configs/deepspeed/zero0_fp32.json                       # ZeRO-0: own grad norm

Prints one JSON line (rank 0): the median step time with and without the guard, their ratio, the median
per-step difference of paired blocks, and the median time a step spends inside the guard's calls (the
all-reduce's wait for the other rank included; the gradient norm, where taken, is not in it).
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time

import torch

from dist_mmfuse.config import load_config
from dist_mmfuse.distributed import init_process_group, world_info
from dist_mmfuse.prepare import prepare_data
from dist_mmfuse.trainer import Trainer


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default="configs/quickstart.yaml")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE")
    parser.add_argument("--steps", type=int, default=6, help="steps per timed block")
    parser.add_argument("--rounds", type=int, default=4, help="pairs of blocks (guarded, unguarded)")
    parser.add_argument("--local_rank", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_intermixed_args()
    output = tempfile.mkdtemp(prefix="bench_nonfinite_")
    config = load_config(args.config, [*args.overrides, f"run.output_dir={output}", "trainer.progress_bar=false"],
                         check_data=False)
    world = world_info()
    manifest, _ = prepare_data(config, args.config)
    init_process_group(world, config.trainer.collective_timeout_s)
    trainer = Trainer(config, manifest, world)
    stage = trainer.objective.stages[-1]
    trainer.optimizer.set_stage(stage)
    trainer.stage = stage
    trainer.engine.train()
    batches = iter(trainer.loaders["train"].epoch(0))
    flags, record = trainer.guard.flags, trainer.guard.record
    inside: list[float] = []  # seconds spent in the guard's own calls, per step (the all-reduce's wait included)

    def timed(function):
        def call(*args, **kwargs):
            start = time.perf_counter()
            result = function(*args, **kwargs)
            inside[-1] += time.perf_counter() - start
            return result
        return call

    guarded = (timed(flags), timed(record), trainer._own_grad_norm)
    never = torch.zeros(1, dtype=torch.bool, device=trainer.device)
    unguarded = (lambda terms, grad_norm: never, lambda flags, step, engine_skipped: never[0], False)

    def block(parts) -> float:
        nonlocal batches
        trainer.guard.flags, trainer.guard.record, trainer._own_grad_norm = parts
        times = []
        for _ in range(args.steps):
            micro = []
            for _ in range(trainer.micro_batches_per_step):
                try:
                    micro.append(next(batches))
                except StopIteration:
                    batches = iter(trainer.loaders["train"].epoch(0))
                    micro.append(next(batches))
            inside.append(0.0)
            start = time.perf_counter()
            terms = trainer.train_step(micro, stage, 0)
            float(terms["loss"])  # wait for the step
            times.append(time.perf_counter() - start)
        return statistics.median(times)

    block(guarded)  # warm-up
    pairs = [(block(guarded), block(unguarded)) for _ in range(args.rounds)]
    on, off = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)
    if world.is_main:
        print(json.dumps({"config": args.config, "overrides": args.overrides, "world": world.world_size,
                          "stage": stage, "global_batch": trainer.global_batch_size,
                          "own_grad_norm": guarded[2], "step_s_guarded": round(on, 4),
                          "step_s_unguarded": round(off, 4), "ratio": round(on / off, 4),
                          "paired_difference_ms": round(1000 * statistics.median(a - b for a, b in pairs), 2),
                          "guard_calls_ms": round(1000 * statistics.median(t for t in inside if t), 3)}))
    trainer.close()


if __name__ == "__main__":
    main()
