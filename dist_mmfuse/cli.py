"""Entry points behind ``launch/train.py`` (and the ``dist-mmfuse-train`` command)."""

from __future__ import annotations

import argparse
import sys
import time

from .config import ConfigError, load_config, write_resolved_config
from .data.loader import make_loader
from .distributed import export_torch_variables, world_info
from .manifest import DataError
from .prepare import prepare_data


def parse_train_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train a multimodal fusion model (dist_mmfuse).")
    parser.add_argument("--config", required=True, help="YAML file in configs/")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides")
    # The deepspeed launcher appends --local_rank; the rank itself is read from the environment.
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def train_main(argv: list[str] | None = None) -> int:
    """Load and check the config, prepare the data, and report what this rank will train on."""
    args = parse_train_args(argv)
    try:
        config = load_config(args.config, args.overrides, check_data=False)
        world = world_info()
        export_torch_variables(world)
        manifest, built = prepare_data(config, args.config)
    except (ConfigError, DataError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if world.is_main:
        from sharding.cli import describe

        run_dir = config.run_dir()
        resolved = write_resolved_config(config, run_dir)
        print(("built " if built else "using ") + f"{config.data.shard_dir}:")
        print(describe(manifest))
        print(f"resolved config: {resolved}")
    train = make_loader(config.data, config.data.train_split, rank=world.rank, world_size=world.world_size,
                        train=True, seed=config.run.seed)
    start = time.perf_counter()
    first = next(iter(train.epoch(0)))
    elapsed = time.perf_counter() - start
    if world.is_main:
        shapes = ", ".join(f"{name} {tuple(v.shape)} {str(v.dtype).removeprefix('torch.')}"
                           for name, v in first.values.items())
        print(f"world {world.world_size} ({world.launcher}); per rank: {train.batches_per_epoch} training batches "
              f"of {config.data.batch_size} per epoch, {train.samples_per_epoch} samples per epoch in all")
        print(f"first batch in {elapsed:.2f} s: {shapes}")
        print(f"objective: {config.objective.name}")
    return 0
