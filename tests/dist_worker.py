"""Run in each spawned process: a Trainer on ``world_size`` gloo ranks steps on one fixed global batch.

Rank r takes rows [r*B, (r+1)*B) of the global batch, so 1 process with batch W*B and W processes with
batch B see exactly the same samples per step. Results go to ``out_dir/rank{r}.pt``.
"""

from __future__ import annotations

import os
import sys


def run(rank: int, world_size: int, port: int, config_path: str, overrides: list[str], phases: str,
        out_dir: str) -> None:
    """``phases`` like ``"mmilb:2,main:3"``: stage passes of so many steps, one after another."""
    os.environ.update(RANK=str(rank), WORLD_SIZE=str(world_size), LOCAL_RANK=str(rank), MASTER_ADDR="127.0.0.1",
                      MASTER_PORT=str(port), DS_ACCELERATOR="cpu", HF_HUB_OFFLINE="1")
    import torch

    from dist_mmfuse.config import load_config
    from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
    from dist_mmfuse.distributed import init_process_group, world_info
    from dist_mmfuse.manifest import load_manifest
    from dist_mmfuse.trainer import Trainer

    world = world_info()
    init_process_group(world)
    config = load_config(config_path, overrides)
    trainer = Trainer(config, load_manifest(config.data.shard_dir), world)
    per_rank = config.data.batch_size
    source = StreamingLoader(config.data.shard_dir, "train", LoaderOptions(batch_size=per_rank * world_size,
                                                                          num_workers=0, shuffle_buffer=0), train=False)
    batches = source.epoch(0)

    def snapshot():
        return {n: p.detach().clone() for n, p in trainer.engine.module.named_parameters()}

    result = {"params": [snapshot()], "losses": []}
    for phase in phases.split(","):
        stage, steps = phase.split(":")
        trainer.optimizer.set_stage(stage)
        trainer.objective.reset_pass(stage)
        for step in range(int(steps)):
            global_batch = next(batches)
            rows = slice(rank * per_rank, (rank + 1) * per_rank)
            local = global_batch._map(lambda t: t[rows])
            local.ids = global_batch.ids[rows]
            result["losses"].append(trainer.train_step(local, stage, step)["loss"].item())
        result["params"].append(snapshot())
    torch.save(result, os.path.join(out_dir, f"rank{rank}.pt"))


if __name__ == "__main__":
    args = sys.argv[1:]
    run(int(args[0]), int(args[1]), int(args[2]), args[3], args[4].split(";") if args[4] else [], args[5], args[6])
