"""Entry points behind ``launch/train.py`` and ``launch/eval.py`` (and the ``dist-mmfuse-*`` commands)."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

from .config import ConfigError, load_config
from .distributed import init_process_group, world_info
from .files import WriteError
from .manifest import DataError
from .nonfinite import NonFiniteError
from .prepare import prepare_data


# What the --help of the commands that read checkpoints says about them.
CHECKPOINT_TRUST = ("Checkpoints are written by DeepSpeed as pickles, which can run code when loaded: resume from, "
                    "evaluate and export only checkpoints you made yourself. Exported models (safetensors) are safe "
                    "to receive.")


def parse_train_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train a multimodal fusion model (dist_mmfuse).",
                                     epilog=CHECKPOINT_TRUST)
    parser.add_argument("--config", required=True, help="YAML file in configs/")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides")
    run = parser.add_mutually_exclusive_group()
    run.add_argument("--resume", metavar="auto|latest|TAG|PATH",
                     help="continue from a checkpoint of this run; auto: from the latest one if the run has one, else "
                          "start afresh (for jobs that are requeued or resubmitted)")
    run.add_argument("--overwrite", action="store_true",
                     help="replace the run already in <run.output_dir>/<run.name> (its checkpoints, logs and best "
                          "model are deleted); without it such a run is refused")
    # The deepspeed launcher appends --local_rank; the rank itself is read from the environment.
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_intermixed_args(argv)


# Files that show a run directory holds a run.
RUN_MARKERS = ("config.yaml", "metrics.jsonl", "checkpoints", "best_model", "best_model.pt")


def check_run_dir(config, args: argparse.Namespace) -> bool:
    """Refuse to mix a new run into a directory that holds one, unless ``--resume`` (continue it) or
    ``--overwrite`` (replace it); check that results can be written there. Returns whether the directory
    holds a run."""
    from .files import check_writable_dir

    run_dir = config.run_dir()
    existing = [name for name in RUN_MARKERS if (run_dir / name).exists()]
    if existing and not (args.resume or args.overwrite):
        raise ConfigError(f"{run_dir} already holds a run ({', '.join(existing)}); continue it with --resume auto, "
                          f"start another with run.name=<new name>, or replace it with --overwrite")
    # The parent, not the run directory: rank 0 may be replacing that one while other ranks check.
    check_writable_dir(config.run.output_dir, "run.output_dir")
    return bool(existing)


def replace_run_dir(run_dir: Path) -> None:
    """Delete an earlier run (rank 0, after every check has passed, before any rank can write)."""
    trash = run_dir.with_name(f".{run_dir.name}.replaced")
    shutil.rmtree(trash, ignore_errors=True)
    os.replace(run_dir, trash)
    shutil.rmtree(trash, ignore_errors=True)


def train_main(argv: list[str] | None = None) -> int:
    """Check the config, prepare the data, train, and print the selected epoch's test metrics.

    Every check that can run before the process group does (exit code 2, one line, no traceback). A run
    that fails later (non-finite values, a checkpoint that cannot be written, a collective that times
    out) prints its error and exits with 1."""
    from .trainer import CheckpointError, check_resume, finished_run_summary

    args = parse_train_args(argv)
    try:
        config = load_config(args.config, args.overrides, check_data=False)
        from .objectives import OBJECTIVES

        if config.objective.name not in OBJECTIVES:
            raise ConfigError(f"{args.config}: objective.name: {config.objective.name!r} is not implemented yet; "
                              f"available: {sorted(OBJECTIVES)}")
        world = world_info()
        holds_run = check_run_dir(config, args)
        tag_dir = check_resume(config, args.resume, world.world_size, world.rank) if args.resume else None
        finished = finished_run_summary(config, tag_dir) if tag_dir else None
        if finished is None:
            manifest, _ = prepare_data(config, args.config)
        # --overwrite, or --resume auto in a run that never reached a checkpoint: start it afresh.
        if holds_run and finished is None and tag_dir is None and world.is_main:
            if args.resume:
                print(f"{config.run_dir()}: no checkpoint to resume from; starting the run afresh", flush=True)
            replace_run_dir(config.run_dir())
    except (ConfigError, DataError, FileNotFoundError, ValueError, OSError, CheckpointError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if finished is not None:
        if world.is_main:
            print(f"{config.run_dir()}: the run is finished ({finished['epochs']} epochs, {finished['why']}); nothing "
                  "to train. Raise trainer.epochs (or trainer.patience) to train on")
            print(json.dumps({"best_epoch": finished["best_epoch"], "test": finished["test"]}, indent=1))
        return 0
    try:
        init_process_group(world, config.trainer.collective_timeout_s)
    except Exception as exc:  # the rendezvous: a peer that failed its checks never joins
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        print(f"error: rank {world.rank}: the process group did not form ({first}); another rank may have failed "
              "before joining it (see its error)", file=sys.stderr, flush=True)
        return 1
    try:
        return _train(config, manifest, world, args)
    except (NonFiniteError, CheckpointError, WriteError) as exc:
        print(f"error: rank {world.rank}: {exc}", file=sys.stderr, flush=True)
        return 1
    except RuntimeError as exc:
        if "gloo" not in str(exc) or "Timed out" not in str(exc):
            raise
        first = str(exc).strip().splitlines()[0]
        print(f"error: rank {world.rank}: a collective timed out after trainer.collective_timeout_s="
              f"{config.trainer.collective_timeout_s:g} s: another rank stopped answering ({first})", file=sys.stderr,
              flush=True)
        return 1


def _train(config, manifest, world, args) -> int:
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
        tag = trainer.load_checkpoint(args.resume)
        state = trainer.state
        if tag is not None and world.is_main:
            print(f"resumed from {tag}: epoch {state.epoch}, stage {state.stage_index}, step {state.step}")
    state = trainer.fit()
    trainer.close()
    if world.is_main:
        print(json.dumps({"best_epoch": state.best_epoch, "test": state.best_test_metrics}, indent=1))
    return 0


def _load_model_file(args) -> tuple[dict, dict]:
    """(state_dict, config dict) from ``--model`` (an export) or ``--checkpoint`` (a DeepSpeed tag)."""
    from .export import load_export

    return load_export(args.model) if args.model else _load_checkpoint_weights(Path(args.checkpoint))[:2]


def _load_checkpoint_weights(path: Path) -> tuple[dict, dict, Path]:
    """(fp32 state_dict, config dict, tag directory) of a checkpoint you made yourself (DeepSpeed unpickles)."""
    import yaml

    from .trainer import checkpoint_tag_dir, consolidated_fp32_state

    tag_dir = checkpoint_tag_dir(path)
    return consolidated_fp32_state(tag_dir), yaml.safe_load((tag_dir / "config.yaml").read_text()), tag_dir


def eval_main(argv: list[str] | None = None) -> int:
    """Evaluate an exported model or a checkpoint on a split; prints the metrics as JSON (rank 0)."""
    from .config import Config, apply_override
    from .data.loader import make_loader
    from .manifest import check_shard_files, load_manifest

    parser = argparse.ArgumentParser(description="Evaluate a trained dist_mmfuse model on a split.",
                                     epilog=CHECKPOINT_TRUST)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="an exported model directory (<run>/best_model, or from launch/export.py)")
    source.add_argument("--checkpoint", help="a checkpoint tag directory, .../checkpoints/latest, or a run dir (only "
                                             "checkpoints you made yourself: see below)")
    parser.add_argument("--split", default="test")
    parser.add_argument("--drop-modality", action="append", default=[], metavar="NAME",
                        help="remove this modality at test time (repeatable): its representation is replaced by "
                             "its mean over the split (--fill mean) or by zeros")
    parser.add_argument("--fill", choices=("mean", "zero"), default="mean")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="e.g. data.shard_dir=... ")
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_intermixed_args(argv)
    try:
        state, raw = _load_model_file(args)
        for item in args.overrides:
            apply_override(raw, item)
        config = Config.model_validate(raw)
        manifest = load_manifest(config.data.shard_dir)
        if args.split not in manifest.splits:
            raise ValueError(f"{config.data.shard_dir}: no split {args.split!r} (it has {sorted(manifest.splits)})")
        check_shard_files(config.data.shard_dir, manifest, [args.split])
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
    """Write a checkpoint's consolidated fp32 weights, config and schema as an export directory."""
    from .export import export_model_dir
    from .trainer import CheckpointError

    parser = argparse.ArgumentParser(description="Export a DeepSpeed checkpoint as a model directory (safetensors "
                                                 "weights in fp32, the resolved config, the dataset schema).",
                                     epilog=CHECKPOINT_TRUST)
    parser.add_argument("--checkpoint", required=True, help="a checkpoint tag directory, .../latest, or a run dir "
                                                            "(only checkpoints you made yourself: see below)")
    parser.add_argument("--out", required=True, help="the export directory to write (replaced if it exists)")
    args = parser.parse_args(argv)
    try:
        state, config, tag_dir = _load_checkpoint_weights(Path(args.checkpoint))
        schema_path = tag_dir / "schema.json"
        schema = json.loads(schema_path.read_text()) if schema_path.is_file() else None
        out = export_model_dir(args.out, state, config, schema, {"source": f"checkpoint {tag_dir}"})
    except WriteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError, CheckpointError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}: {len(state)} tensors, {sum(v.numel() for v in state.values())} parameters in fp32")
    return 0
