"""Entry points behind ``launch/train.py`` and ``launch/eval.py`` (and the ``dist-mmfuse-*`` commands)."""

from __future__ import annotations

import argparse
import json
import sys

from .config import ConfigError, load_config, write_resolved_config
from .distributed import init_process_group, world_info
from .manifest import DataError
from .prepare import prepare_data


def parse_train_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train a multimodal fusion model (dist_mmfuse).")
    parser.add_argument("--config", required=True, help="YAML file in configs/")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides")
    parser.add_argument("--resume", metavar="latest|TAG|PATH", help="continue from a checkpoint of this run")
    # The deepspeed launcher appends --local_rank; the rank itself is read from the environment.
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def train_main(argv: list[str] | None = None) -> int:
    """Check the config, prepare the data, train, and print the selected epoch's test metrics."""
    args = parse_train_args(argv)
    try:
        config = load_config(args.config, args.overrides, check_data=False)
        from .objectives import OBJECTIVES

        if config.objective.name not in OBJECTIVES:
            raise ConfigError(f"{args.config}: objective.name: {config.objective.name!r} is not implemented yet; "
                              f"available: {sorted(OBJECTIVES)}")
        world = world_info()
        manifest, _ = prepare_data(config, args.config)
    except (ConfigError, DataError, FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    init_process_group(world)
    from .trainer import Trainer

    trainer = Trainer(config, manifest, world)
    if world.is_main:
        write_resolved_config(config, config.run_dir())
        train = trainer.loaders["train"]
        print(f"{manifest.dataset}: {train.samples_per_epoch} training samples per epoch; world {world.world_size} "
              f"({world.launcher}), micro-batch {config.data.batch_size}, global batch {trainer.global_batch_size}, "
              f"objective {config.objective.name}, stages {list(trainer.objective.stages)}")
    if args.resume:
        try:
            tag = trainer.load_checkpoint(args.resume)
        except (FileNotFoundError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if world.is_main:
            print(f"resumed from {tag}: epoch {trainer.state.epoch}, stage {trainer.state.stage_index}, "
                  f"step {trainer.state.step}")
    state = trainer.fit()
    trainer.logger.close()
    if world.is_main:
        print(json.dumps({"best_epoch": state.best_epoch, "test": state.best_test_metrics}, indent=1))
    return 0
