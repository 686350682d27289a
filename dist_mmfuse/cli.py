"""Entry points behind ``launch/train.py`` and ``launch/eval.py`` (and the ``dist-mmfuse-*`` commands)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .config import ConfigError, load_config
from .distributed import init_process_group, world_info
from .manifest import DataError
from .prepare import prepare_data


def parse_train_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train a multimodal fusion model (dist_mmfuse).")
    parser.add_argument("--config", required=True, help="YAML file in configs/")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides")
    parser.add_argument("--resume", metavar="auto|latest|TAG|PATH",
                        help="continue from a checkpoint of this run; auto: from the latest one if the run has "
                             "one, else start afresh (for jobs that are requeued or resubmitted)")
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
        train = trainer.loaders["train"]
        print(f"{manifest.dataset}: {train.samples_per_epoch} training samples per epoch; world {world.world_size} "
              f"({world.launcher}), micro-batch {config.data.batch_size}, global batch {trainer.global_batch_size}, "
              f"objective {config.objective.name}, stages {list(trainer.objective.stages)}, negatives per row "
              f"{max(trainer.objective.negatives_per_row(trainer.rows_per_loss, s) for s in trainer.objective.stages)} "
              f"(accumulation: {config.trainer.accumulation})")
    if args.resume:
        try:
            tag = trainer.load_checkpoint(args.resume)
        except (FileNotFoundError, ValueError) as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        if tag is not None and world.is_main:
            print(f"resumed from {tag}: epoch {trainer.state.epoch}, stage {trainer.state.stage_index}, "
                  f"step {trainer.state.step}")
    state = trainer.fit()
    trainer.logger.close()
    if world.is_main:
        print(json.dumps({"best_epoch": state.best_epoch, "test": state.best_test_metrics}, indent=1))
    return 0


def _load_model_file(args) -> tuple[dict, dict]:
    """(state_dict, config dict) from ``--model`` (an exported .pt) or ``--checkpoint`` (a DeepSpeed tag)."""
    import torch
    import yaml

    from .trainer import CHECKPOINT_DIR, consolidated_fp32_state, resolve_checkpoint

    if args.model:
        saved = torch.load(args.model, map_location="cpu", weights_only=False)
        return saved["state_dict"], saved["config"]
    path = Path(args.checkpoint)
    if path.name == "latest" and not path.is_dir():
        directory, tag = resolve_checkpoint(path.parent, "latest")
        path = directory / tag
    elif (path / CHECKPOINT_DIR).is_dir():
        directory, tag = resolve_checkpoint(path / CHECKPOINT_DIR, "latest")
        path = directory / tag
    if not (path / "config.yaml").is_file():
        raise FileNotFoundError(f"{path}: not a checkpoint of this tool (no config.yaml)")
    return consolidated_fp32_state(path), yaml.safe_load((path / "config.yaml").read_text())


def eval_main(argv: list[str] | None = None) -> int:
    """Evaluate an exported model or a checkpoint on a split; prints the metrics as JSON (rank 0)."""
    from .config import Config, apply_override
    from .data.loader import make_loader
    from .manifest import load_manifest

    parser = argparse.ArgumentParser(description="Evaluate a trained dist_mmfuse model on a split.")
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="an exported model file (best_model.pt, or from launch/export.py)")
    source.add_argument("--checkpoint", help="a checkpoint tag directory, .../checkpoints/latest, or a run dir")
    parser.add_argument("--split", default="test")
    parser.add_argument("--drop-modality", action="append", default=[], metavar="NAME",
                        help="remove this modality at test time (repeatable): its representation is replaced by "
                             "its mean over the split (--fill mean) or by zeros")
    parser.add_argument("--fill", choices=("mean", "zero"), default="mean")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="e.g. data.shard_dir=... ")
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        state, raw = _load_model_file(args)
        for item in args.overrides:
            apply_override(raw, item)
        config = Config.model_validate(raw)
        manifest = load_manifest(config.data.shard_dir)
        if args.split not in manifest.splits:
            raise ValueError(f"{config.data.shard_dir}: no split {args.split!r} (it has {sorted(manifest.splits)})")
    except (ConfigError, DataError, FileNotFoundError, ValueError, KeyError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    import torch

    from .models import WithoutModalities
    from .trainer import build_train_module, evaluate_split, mean_representations

    world = world_info()
    init_process_group(world)
    loader = make_loader(config.data, args.split, rank=world.rank, world_size=world.world_size, train=False,
                         seed=config.run.seed)
    module = build_train_module(loader.schema, config)
    module.load_state_dict(state)
    device = torch.device("cuda", world.local_rank) if torch.cuda.is_available() else torch.device("cpu")
    module.to(device).eval()
    forward = module
    if args.drop_modality:
        unknown = sorted(set(args.drop_modality) - set(module.model.rep_dims))
        if unknown:
            print(f"error: --drop-modality {unknown}: the model has {list(module.model.rep_dims)}", file=sys.stderr)
            return 2
        if args.fill == "mean":
            fill = mean_representations(module.model, loader, device, args.drop_modality)
        else:
            fill = {name: torch.zeros(module.model.rep_dims[name], device=device) for name in args.drop_modality}
        forward = WithoutModalities(module.model, fill)
    metrics = evaluate_split(forward, loader, device, loader.schema.label_range)
    if world.is_main:
        print(json.dumps({"split": args.split, "dropped": args.drop_modality, "fill": args.fill, **metrics},
                         indent=1))
    return 0


def export_main(argv: list[str] | None = None) -> int:
    """Write a checkpoint's consolidated fp32 weights and config to one file for inference."""
    import torch

    parser = argparse.ArgumentParser(description="Export a DeepSpeed checkpoint as one fp32 model file.")
    parser.add_argument("--checkpoint", required=True, help="a checkpoint tag directory, .../latest, or a run dir")
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    args.model = None
    try:
        state, config = _load_model_file(args)
    except (FileNotFoundError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    torch.save({"state_dict": state, "config": config}, args.out)
    print(f"wrote {args.out}: {len(state)} tensors, {sum(v.numel() for v in state.values())} parameters in fp32")
    return 0
