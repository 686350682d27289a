"""Entry points behind ``launch/train.py`` and ``launch/eval.py`` (and the ``dist-mmfuse-*`` commands)."""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sys
from pathlib import Path
from urllib.parse import urlsplit

from .config import ConfigError, load_config
from .data.loader import check_training_batches
from .distributed import init_process_group, world_info
from .export import INFO, PREPROCESSING, SCHEMA
from .files import WriteError
from .interrupt import (EXIT_INTERRUPTED, UNKNOWN, Interrupted, install_interrupt_handlers, interrupted,
                        report_interruption, resume_command)
from .manifest import DataError
from .storage import check_location, is_url, redact
from .nonfinite import NonFiniteError
from .prepare import prepare_data
from .quiet import quiet_libraries
from .runlog import TrackingError, keep_traceback, root_message

quiet_libraries()  # DeepSpeed's and torch's lines that say nothing to act on (quiet.py), before DeepSpeed loads


# What the --help of the commands that read checkpoints says about them.
CHECKPOINT_TRUST = ("Checkpoints are DeepSpeed's pickles, read here without running code: with weights_only=True and "
                    "an allowlist of the objects DeepSpeed writes; a file needing anything else is refused, naming "
                    "it. Exported models (safetensors) are the format to hand on.")


def parse_train_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Train a multimodal fusion model (dist_mmfuse).",
                                     epilog=CHECKPOINT_TRUST)
    parser.add_argument("--config", required=True, help="a run config (YAML path), e.g. configs/quickstart.yaml")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="config overrides")
    run = parser.add_mutually_exclusive_group()
    run.add_argument("--resume", metavar="auto|latest|TAG|PATH",
                     help="continue from a checkpoint of this run; auto: from the latest one if the run has one, else "
                          "start afresh (for jobs that are requeued or resubmitted)")
    run.add_argument("--overwrite", action="store_true",
                     help="replace the run already in <run.output_dir>/<run.name> (its checkpoints, logs and best "
                          "model are deleted); without it such a run is refused")
    parser.add_argument("--print-config", action="store_true",
                        help="print the resolved config (the file with the overrides applied, every default filled "
                             "in) as YAML and exit; every key is described in docs/config_reference.md")
    # The deepspeed launcher appends --local_rank; the rank itself is read from the environment.
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    return parser.parse_intermixed_args(argv)


# How gloo and NCCL report a collective whose peer process has gone.
PEER_LOST = ("Connection closed by peer", "Connection reset by peer", "Broken pipe", "NCCL communicator was aborted",
             "remote process exited")

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
    out) prints its error and exits with 1. Ctrl-C or SIGTERM: one line on rank 0 (where it stopped, the
    latest checkpoint, the command that resumes), exit code 130."""
    args = parse_train_args(argv)
    install_interrupt_handlers()
    world = world_info()
    try:
        return _train_main(args, world)
    except (Interrupted, KeyboardInterrupt, RuntimeError) as exc:
        if not interrupted():
            raise
        if world.is_main:  # one line for the job; a peer's failed collective after a signal is part of it
            stop = exc if isinstance(exc, Interrupted) else Interrupted("before training started", UNKNOWN)
            report_interruption(stop.where, stop.latest, resume_command(sys.argv, world.world_size, world.launcher))
        return EXIT_INTERRUPTED


def _train_main(args: argparse.Namespace, world) -> int:
    from .checkpoint import CheckpointError, check_resume, finished_run_summary, resume_accumulation

    try:
        config = load_config(args.config, args.overrides, check_data=False)
        from .objectives import OBJECTIVES

        if config.objective.name not in OBJECTIVES:
            raise ConfigError(f"{args.config}: objective.name: {config.objective.name!r} is not implemented yet; "
                              f"available: {sorted(OBJECTIVES)}")
        if args.print_config:
            if world.is_main:
                print(config.to_yaml(), end="")
            return 0
        holds_run = check_run_dir(config, args)
        tag_dir = check_resume(config, args.resume, world.world_size, world.rank) if args.resume else None
        accumulation = resume_accumulation(config, tag_dir, world.world_size)
        finished = finished_run_summary(config, tag_dir) if tag_dir else None
        if finished is None:
            manifest, _ = prepare_data(config, args.config)
            check_training_batches(config.data, manifest, world.world_size)
            check_model_inputs(config, manifest, fresh_start=tag_dir is None)
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
                  f"to train. To train on, raise trainer.epochs (or trainer.patience), e.g. trainer.epochs="
                  f"{finished['epochs'] + 2}; to start it again, --overwrite.")
            print(_where_results_are(config))
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
        return _train(config, manifest, world, args, accumulation)
    except (NonFiniteError, CheckpointError, WriteError, TrackingError) as exc:
        print(f"error: rank {world.rank}: {exc}", file=sys.stderr, flush=True)
        return 1
    except DataError as exc:  # a bad sample, a shard that went bad, a store that gave up: named in one line
        kept = keep_traceback(config.run_dir(), world.rank, exc)
        print(f"error: rank {world.rank}: {root_message(exc)}" + (f" (traceback: {kept})" if kept else ""),
              file=sys.stderr, flush=True)
        return 1
    except RuntimeError as exc:
        if interrupted():
            raise
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        kept = keep_traceback(config.run_dir(), world.rank, exc)
        where = f" (traceback: {kept})" if kept else ""
        if "gloo" in str(exc) and "Timed out" in str(exc):
            print(f"error: rank {world.rank}: a collective timed out after trainer.collective_timeout_s="
                  f"{config.trainer.collective_timeout_s:g} s: another rank stopped answering ({first}){where}",
                  file=sys.stderr, flush=True)
            return 1
        if any(words in str(exc) for words in PEER_LOST):
            print(f"error: rank {world.rank}: another rank ended (its own error says why); the collective failed: "
                  f"{first}{where}", file=sys.stderr, flush=True)
            return 1
        raise


def run_schema(config, manifest):
    """The dataset's schema restricted to the modalities the run uses (``data.modalities``)."""
    return manifest.schema.select(config.data.modalities) if config.data.modalities else manifest.schema


def check_model_inputs(config, manifest, fresh_start: bool) -> None:
    """Before any process group: the run's exports will find the tokenizer sharding used, and a fresh run's
    ``model.init_from`` weights fit the model (ExportError or InitFromError, naming each mismatch)."""
    from .export import export_assets, preprocessing_record
    from .train_module import build_train_module, init_from_export

    schema = run_schema(config, manifest)
    export_assets(config, schema, preprocessing_record(manifest, schema))
    if fresh_start and config.model.init_from is not None:
        init_from_export(build_train_module(schema, config), config.model.init_from)
        exported = config.model.init_from / PREPROCESSING
        theirs = (json.loads(exported.read_text()).get("tokenizer") or {}) if exported.is_file() else {}
        ours = preprocessing_record(manifest, schema).get("tokenizer") or {}
        if theirs.get("vocab_sha256") and ours.get("vocab_sha256") and theirs["vocab_sha256"] != ours["vocab_sha256"]:
            raise ValueError(f"model.init_from: {config.model.init_from} was trained on text tokenized with another "
                             f"vocabulary ({theirs.get('path')}) than {config.data.shard_dir} ({ours.get('path')}); "
                             "its text encoder's embeddings would not mean the same tokens")


def _train(config, manifest, world, args, accumulation: int) -> int:
    from .trainer import Trainer

    trainer = Trainer(config, manifest, world, accumulation_steps=accumulation)
    with trainer:  # closes the logs; a W&B run that an exception ends is marked failed
        if world.is_main:
            train, objective = trainer.loaders["train"], trainer.objective
            print(f"{manifest.dataset}: {train.samples_per_epoch} training samples per epoch; world {world.world_size} "
                  f"({world.launcher}), micro-batch {config.data.batch_size}, global batch {trainer.global_batch_size},"
                  f" objective {config.objective.name}, stages {list(objective.stages)}, negatives per row "
                  f"{max(objective.negatives_per_row(trainer.rows_per_loss, s) for s in objective.stages)} "
                  f"(accumulation: {config.trainer.accumulation}); on {trainer.device.type}")
        if args.resume:
            tag = trainer.load_checkpoint(args.resume)
            state = trainer.state
            if tag is not None and world.is_main:
                epochs = config.trainer.epochs
                if state.stage_index == 0 and state.step == 0:
                    print(f"resumed from {tag}: after epoch {state.epoch} of {epochs}")
                else:  # mid-epoch (epochs numbered from 1, as everywhere a user sees them)
                    stage = trainer.objective.epoch_stages(state.epoch)[state.stage_index]
                    print(f"resumed from {tag}: epoch {state.epoch + 1} of {epochs}, stage {stage}, step {state.step}")
                if trainer.checkpoints.resume_note:
                    print(trainer.checkpoints.resume_note, flush=True)
        try:
            state = trainer.fit()
        except (KeyboardInterrupt, RuntimeError) as exc:
            if not interrupted():
                raise
            # A signal in this rank, or a peer that a signal ended first (a failed collective).
            raise Interrupted(trainer.where(), trainer.checkpoints.latest()) from exc
    if world.is_main:
        print(_where_results_are(config))  # before the result, which stays the last thing printed (tools parse it)
        print(json.dumps({"best_epoch": state.best_epoch_number, "test": state.best_test_metrics}, indent=1))
    return 0


def _where_results_are(config) -> str:
    from .checkpoint import BEST_MODEL

    run_dir = config.run_dir()
    best = run_dir / BEST_MODEL
    trackers = "".join(f"{name}/, " for name in ("tensorboard", "wandb") if name in config.run.report_to)
    lines = [f"run directory: {run_dir} (config.yaml, metrics.jsonl, {trackers}checkpoints/)"]
    if (best / INFO).is_file():
        lines.append(f"best model: {best} (use it: from dist_mmfuse import load_model; load_model({str(best)!r}))")
    return "\n".join(lines)


def _load_model_file(args) -> tuple[dict, dict]:
    """(state_dict, config dict) from ``--model`` (an export) or ``--checkpoint`` (a DeepSpeed tag)."""
    from .export import load_export

    return load_export(args.model) if args.model else _load_checkpoint_weights(Path(args.checkpoint))[:2]


def _load_checkpoint_weights(path: Path) -> tuple[dict, dict, Path]:
    """(fp32 state_dict, config dict, tag directory) of a checkpoint: its files are checked first and then
    read without running code (checkpoint/safe_load.py)."""
    import yaml

    from .checkpoint import check_checkpoint_files, checkpoint_tag_dir, consolidated_fp32_state

    tag_dir = checkpoint_tag_dir(path)
    check_checkpoint_files(tag_dir)
    return consolidated_fp32_state(tag_dir), yaml.safe_load((tag_dir / "config.yaml").read_text()), tag_dir


def eval_main(argv: list[str] | None = None) -> int:
    """Evaluate an exported model or a checkpoint on a split; prints the metrics as JSON (rank 0)."""
    from .checkpoint import CheckpointError
    from .config import Config, resolve_paths, validate_with_overrides
    from .data.loader import make_loader
    from .export import ExportError, load_checked_weights
    from .train_module import build_train_module
    from .manifest import check_shard_files, load_manifest

    parser = argparse.ArgumentParser(description="Evaluate a trained dist_mmfuse model on a split.",
                                     epilog=CHECKPOINT_TRUST)
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", help="an exported model directory (<run>/best_model, or from launch/export.py)")
    source.add_argument("--checkpoint", help="a checkpoint tag directory, .../checkpoints/latest, or a run dir")
    parser.add_argument("--split", default="test")
    parser.add_argument("--drop-modality", action="append", default=[], metavar="NAME",
                        help="remove this modality at test time (repeatable): its representation is replaced by "
                             "its mean over the split (--fill mean) or by zeros")
    parser.add_argument("--fill", choices=("mean", "zero"), default="mean")
    parser.add_argument("--predictions", metavar="OUT.csv|OUT.parquet",
                        help="also write one row per sample: id, prediction, label")
    parser.add_argument("overrides", nargs="*", metavar="KEY.SUB=VALUE", help="e.g. data.shard_dir=... ")
    parser.add_argument("--local_rank", "--local-rank", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_intermixed_args(argv)
    try:
        if args.predictions:
            from .api import check_predictions_path

            check_predictions_path(args.predictions)
        state, raw = _load_model_file(args)
        # Paths the overrides set are relative to the working directory, as for training.
        config = validate_with_overrides(Config, raw, args.overrides, args.model or args.checkpoint,
                                         after_overrides=lambda tree: resolve_paths(tree, Path.cwd()))
        manifest = load_manifest(config.data.shard_dir)
        if args.split not in manifest.splits:
            raise ValueError(f"{config.data.shard_dir}: no split {args.split!r} (it has {sorted(manifest.splits)})")
        check_shard_files(config.data.shard_dir, manifest, [args.split])
        if args.model and (Path(args.model) / PREPROCESSING).is_file():
            from .schema import DatasetSchema

            check_shards_fit(config.data.shard_dir, manifest,
                             DatasetSchema.model_validate_json((Path(args.model) / SCHEMA).read_text()),
                             json.loads((Path(args.model) / PREPROCESSING).read_text()))
        # Weights that do not fit the model (another shape, NaN or Inf) are refused before any process group.
        load_checked_weights(build_train_module(run_schema(config, manifest), config), state,
                             args.model or args.checkpoint)
    except (ConfigError, DataError, FileNotFoundError, ValueError, KeyError, CheckpointError, ExportError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    import torch

    from .evaluation import mean_representations, predict_split
    from .models import WithoutModalities

    world = world_info()
    init_process_group(world)
    loader = make_loader(config.data, args.split, rank=world.rank, world_size=world.world_size, train=False,
                         seed=config.run.seed)
    module = build_train_module(loader.schema, config)
    load_checked_weights(module, state, args.model or args.checkpoint)
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
            fill = {name: torch.zeros(module.model.fill_dims[name], device=device) for name in args.drop_modality}
        forward = WithoutModalities(module.model, fill)
    predictions = predict_split(forward, loader, device, with_ids=bool(args.predictions))
    metrics = predictions.metrics(loader.schema.label_range)
    if world.is_main:
        report = {"split": args.split, "dropped": args.drop_modality, "fill": args.fill, **metrics}
        if args.predictions:
            from .api import write_predictions

            report["predictions"] = str(write_predictions(args.predictions, predictions.ids, predictions.pred_N,
                                                          predictions.label_N))
        print(json.dumps(report, indent=1))
    return 0


def export_main(argv: list[str] | None = None) -> int:
    """Write a checkpoint's consolidated fp32 weights, config and schema as an export directory."""
    from .export import export_model_dir
    from .checkpoint import CHECKPOINT_INFO, CheckpointError

    parser = argparse.ArgumentParser(description="Export a DeepSpeed checkpoint as a model directory (safetensors "
                                                 "weights in fp32, the resolved config, the dataset schema).",
                                     epilog=CHECKPOINT_TRUST)
    parser.add_argument("--checkpoint", required=True, help="a checkpoint tag directory, .../latest, or a run dir")
    parser.add_argument("--out", required=True, help="the export directory to write (an earlier export there is "
                                                     "replaced; anything else is refused)")
    args = parser.parse_args(argv)
    try:
        state, config, tag_dir = _load_checkpoint_weights(Path(args.checkpoint))
        assets, note = _checkpoint_export_assets(state, config, tag_dir)
        train_state = (json.loads((tag_dir / CHECKPOINT_INFO).read_text())["train_state"]
                       if (tag_dir / CHECKPOINT_INFO).is_file() else {})
        info = {"epoch": train_state.get("epoch"), "global_step": train_state.get("global_step"),
                "source": f"checkpoint {tag_dir.name}", "run": str(tag_dir.parent.parent)}
        out = export_model_dir(args.out, state, config, assets, info)
    except WriteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except (FileNotFoundError, ValueError, CheckpointError, ConfigError, DataError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out} from checkpoint {tag_dir}: {len(state)} tensors, {sum(v.numel() for v in state.values())} "
          "parameters in fp32")
    if note:
        print(f"note: {note}")
    return 0


def _checkpoint_export_assets(state: dict, raw_config: dict, tag_dir: Path):
    """(ExportAssets, note) for an export of checkpoint ``tag_dir``: its schema and preprocessing (recorded
    in the tag; for older tags, from the shards' manifest) and, when the validation shards are there, each
    modality's mean representation over them."""
    from .config import Config
    from .data.loader import make_loader
    from .export import export_assets, load_checked_weights, preprocessing_record
    from .manifest import check_shard_files, load_manifest
    from .schema import DatasetSchema
    from .checkpoint import CheckpointError
    from .evaluation import predict_split
    from .train_module import build_train_module

    config = Config.model_validate(raw_config)
    shard_dir = config.data.shard_dir
    manifest = None
    try:
        manifest = load_manifest(shard_dir)
        check_shard_files(shard_dir, manifest, [config.data.valid_split])
    except (DataError, FileNotFoundError, OSError, ValueError) as exc:
        shards_missing = str(exc).strip().splitlines()[0]
    else:
        shards_missing = None
    if (tag_dir / SCHEMA).is_file():
        schema = DatasetSchema.model_validate_json((tag_dir / SCHEMA).read_text())
    elif manifest is not None:
        schema = run_schema(config, manifest)
    else:
        raise CheckpointError(f"{tag_dir}: no schema.json, and the shards it was trained on are not readable "
                              f"({shards_missing}); cannot tell which inputs the model takes")
    if (tag_dir / PREPROCESSING).is_file():
        preprocessing = json.loads((tag_dir / PREPROCESSING).read_text())
    elif manifest is not None:
        preprocessing = preprocessing_record(manifest, schema)
    else:
        raise CheckpointError(f"{tag_dir}: no {PREPROCESSING} (an older checkpoint), and the shards it was trained "
                              f"on are not readable ({shards_missing}); cannot record how inputs were prepared")
    assets = export_assets(config, schema, preprocessing)
    if shards_missing is not None:
        return assets, (f"no mean representations written ({shards_missing}): predicting with a removed modality "
                        "needs fill='zero'")
    import torch

    module = build_train_module(schema, config)
    load_checked_weights(module, state, tag_dir)
    loader = make_loader(config.data, config.data.valid_split, rank=0, world_size=1, train=False,
                         seed=config.run.seed)
    assets.mean_representations = predict_split(module.eval(), loader, torch.device("cpu"),
                                                with_mean_reps=True).mean_reps
    assets.mean_split = config.data.valid_split
    return assets, None


def predict_main(argv: list[str] | None = None) -> int:
    """Predict with an exported model on a shard split or a table; write one row per sample."""
    parser = argparse.ArgumentParser(
        description="Predict with an exported dist_mmfuse model. --input is a shard directory (with --split) or a "
                    "table (.parquet, .arrow/.feather, .csv) of raw inputs: text as strings, features as list "
                    "columns (JSON lists in CSV), mapped to the model's modalities by --spec (the sharding table "
                    "source's column spec) or, without it, by columns named like the modalities plus id and an "
                    "optional label.",
        epilog="Exports (safetensors) are safe to receive: loading one runs no code from it.")
    parser.add_argument("--model", required=True, help="an export directory (<run>/best_model, or launch/export.py)")
    parser.add_argument("--input", required=True, help="a shard directory (a path or a URL: http(s)://, s3://, gs://), "
                                                       "or a .parquet/.arrow/.feather/.csv table")
    parser.add_argument("--split", help="the shard split to predict (default test); for a table whose spec names a "
                                        "split column, only that split's rows")
    parser.add_argument("--spec", help="YAML column spec of the table (id, label, split, modalities: name, column)")
    parser.add_argument("--out", required=True, help="predictions file: .csv or .parquet")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--device", help="cpu, cuda, cuda:1 ... (default: a GPU if there is one)")
    parser.add_argument("--drop-modality", action="append", default=[], metavar="NAME",
                        help="remove this modality (repeatable), as eval.py does; its input is not needed")
    parser.add_argument("--fill", choices=("mean", "zero"), default="mean")
    args = parser.parse_args(argv)
    from .api import InputError, check_predictions_path, load_model, write_predictions
    from .export import ExportError

    try:
        if args.batch_size < 1:
            raise ValueError(f"--batch-size must be at least 1, got {args.batch_size}")
        out = check_predictions_path(args.out)
        remote = is_url(args.input)
        from sharding.sources.table import TABLE_FORMATS

        if remote and Path(urlsplit(args.input).path).suffix.lower() in TABLE_FORMATS:
            raise ValueError(f"--input {redact(args.input)}: tables are read from local files; a URL is a shard "
                             "directory")
        source = check_location(args.input) if remote else Path(args.input)
        if not remote and not source.exists():
            raise FileNotFoundError(f"--input {source}: no such shard directory or table")
        if not remote and out.resolve() == source.resolve():
            raise ValueError(f"--out {out} is the input table; write the predictions to another file")
        model = load_model(args.model, device=args.device)
        if remote or source.is_dir():
            ids, preds, labels = _predict_shards(model, source, args)
        elif model.media_extraction and args.spec is None and _is_clip_table(source):
            ids, preds, labels = _predict_clips(model, source, args)
        else:
            if args.spec is None and args.split is not None:
                raise ValueError("--split with a table needs a --spec that names the split column")
            ids, preds, labels = _predict_table(model, source, args)
        write_predictions(out, ids, preds, labels)
    except (ExportError, InputError, DataError, ConfigError, FileNotFoundError, ValueError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out}: {len(ids)} predictions" + (f"; MAE {float(abs(preds - labels).mean()):.4f} against the "
                                                     "labels" if labels is not None and len(ids) else ""))
    return 0


def _predict_shards(model, shard_dir: str | Path, args):
    """(ids, predictions, labels) of every sample of a shard split, read as training read it."""
    import numpy as np

    from .api import placeholder_input
    from .data.loader import iter_split_samples
    from .manifest import check_shard_files, load_manifest

    manifest = load_manifest(shard_dir)
    split = args.split or "test"
    if split not in manifest.splits:
        raise ValueError(f"{shard_dir}: no split {split!r} (it has {sorted(manifest.splits)})")
    check_shard_files(shard_dir, manifest, [split])
    check_shards_fit(shard_dir, manifest, model.schema, model.preprocessing, args.drop_modality)
    forward = model._forward_module(args.drop_modality, args.fill)
    ids, preds, labels, chunk = [], [], [], []

    def flush():
        import torch

        with torch.inference_mode():
            for batch in model.batches(chunk, args.batch_size):
                preds.append(forward(batch).pred_B.float().cpu().numpy())
        chunk.clear()

    for sample in iter_split_samples(shard_dir, split):
        sample.features = {name: sample.features[name] for name in model.modalities if name in sample.features}
        for name in args.drop_modality:
            sample.features.setdefault(name, placeholder_input(model.schema.modality(name)))
        ids.append(sample.id)
        labels.append(sample.label)
        chunk.append(sample)
        if len(chunk) == args.batch_size:
            flush()
    if chunk:
        flush()
    return ids, np.concatenate(preds) if preds else np.zeros(0), np.asarray(labels, dtype=np.float32)


def check_shards_fit(shard_dir: Path, manifest, schema, preprocessing: dict, dropped=()) -> None:
    """ValueError unless the shards hold the inputs an exported model takes (``schema``), prepared as its
    training data was (``preprocessing``): the same kinds and dimensions, the same tokenizer vocabulary, the
    same standardisation. ``dropped`` modalities are not needed."""
    from .export import preprocessing_record
    from .schema import ModalityKind

    kept = [name for name in schema.names if name not in dropped]
    missing = [name for name in kept if name not in manifest.schema.names]
    if missing:
        raise ValueError(f"{shard_dir}: the shards have no modality {missing}; the model takes {list(schema.names)}")
    for name in kept:
        theirs, ours = manifest.schema.modality(name), schema.modality(name)
        if (theirs.kind, theirs.dim) != (ours.kind, ours.dim):
            raise ValueError(f"{shard_dir}: modality {name!r} is {theirs.kind.value} of dimension {theirs.dim} there; "
                             f"the model takes {ours.kind.value} of dimension {ours.dim}")
    theirs = preprocessing_record(manifest, manifest.schema)
    if any(schema.modality(n).kind is ModalityKind.TOKENS for n in kept) and preprocessing.get("tokenizer"):
        if (theirs.get("tokenizer") or {}).get("vocab_sha256") != preprocessing["tokenizer"].get("vocab_sha256"):
            raise ValueError(f"{shard_dir}: its text was tokenized with another vocabulary than the model's training "
                             "data")
    for name in kept:
        if theirs["standardisation"].get(name) != preprocessing.get("standardisation", {}).get(name):
            raise ValueError(f"{shard_dir}: modality {name!r} was standardised differently from the model's training "
                             "data; predict from the raw inputs instead")


def _is_clip_table(path: Path) -> bool:
    """A table of clips: it has a media column (the media source's table)."""
    from sharding.sources.table import TableFile

    return "media" in TableFile(path, {"id": "id", "modalities": []}, need_label=False).column_names()


def _predict_clips(model, path: Path, args):
    """(ids, predictions, labels or None) of a table of clips (id, media, start, end, text, label, split),
    each clip's features extracted as the model's training clips' were."""
    import numpy as np
    from tqdm import tqdm

    from sharding.sources.media import COLUMNS, read_clip_rows

    rows = read_clip_rows(path, {c: c for c in COLUMNS}, media_root=path.parent, need_label=False,
                          label_range=tuple(model.schema.label_range))
    if args.split:
        rows = [r for r in rows if r["split"] == args.split]
        if not rows:
            raise ValueError(f"--split {args.split}: no row of {path} is in that split")
    samples = [{"id": r["id"], "media": r["media"], "start": r["start"], "end": r["end"], "text": r["text"]}
               for r in rows]
    preds = [model.predict([sample], drop=args.drop_modality, fill=args.fill, start=number)
             for number, sample in enumerate(tqdm(samples, desc="clips", unit="clip", disable=len(samples) < 2))]
    labels = [r["label"] for r in rows]
    known = all(label is not None for label in labels)
    return ([r["id"] for r in rows], np.concatenate(preds) if preds else np.zeros(0),
            np.asarray(labels, dtype=np.float32) if known and labels else None)


def _predict_table(model, path: Path, args):
    """(ids, predictions, labels or None) of every row of a table of raw inputs."""
    import numpy as np

    from sharding.sources.table import TableFile

    from .api import InputError
    from .schema import ModalityKind

    wanted = [name for name in model.modalities if name not in args.drop_modality]
    if args.spec:
        table = TableFile(path, args.spec, need_label=False, need_kind=False)
    else:
        present = set(TableFile(path, {"id": "id", "modalities": []}, need_label=False).column_names())
        spec = {"id": "id", "modalities": [{"name": n, "column": n} for n in wanted]}
        if "label" in present:
            spec["label"] = "label"
        absent = sorted({"id", *wanted} - present)
        if absent:
            raise ValueError(f"{path}: no column(s) {absent}; without --spec the table needs an id column and one "
                             f"column per modality named like it ({wanted}), or give --spec")
        table = TableFile(path, spec, need_label=False, need_kind=False)
    unknown = sorted(set(table.columns) - set(model.modalities))
    absent = sorted(set(wanted) - set(table.columns))
    if unknown or absent:
        raise ValueError(f"table spec {table.spec_origin}: modalities {sorted(table.columns)} do not match the "
                         f"model's {list(model.modalities)} (unknown {unknown}, missing {absent})")
    split_column, label_column = table.spec.get("split"), table.spec.get("label")
    if args.split and not split_column:
        raise ValueError(f"--split {args.split}: the table spec {table.spec_origin} names no split column")
    named = [table.spec["id"], *([label_column] if label_column else []), *([split_column] if split_column else []),
             *(table.columns[n]["column"] for n in wanted)]
    missing_columns = sorted(set(named) - set(table.column_names()))
    if missing_columns:
        raise ValueError(f"{path}: no column(s) {missing_columns}, which the table spec {table.spec_origin} names")
    columns = list(dict.fromkeys([table.spec["id"], *([label_column] if label_column else []),
                                  *([split_column] if split_column and args.split else []),
                                  *(table.columns[n]["column"] for n in wanted)]))
    ids, preds, labels, chunk, start, splits_seen = [], [], [], [], 0, set()

    def flush():
        nonlocal start
        preds.append(model.predict(chunk, batch_size=args.batch_size, drop=args.drop_modality, fill=args.fill,
                                   start=start))
        start += len(chunk)
        chunk.clear()

    for row, cells in table.rows(columns):
        if split_column and args.split and str(cells[split_column]) != args.split:
            splits_seen.add(str(cells[split_column]))
            continue
        sample_id = str(cells[table.spec["id"]])
        where = f"{path} row {row} (id {sample_id!r})"
        sample = {"id": sample_id}
        for name in wanted:
            spec, entry = model.schema.modality(name), table.columns[name]
            value = cells[entry["column"]]
            if value is None or value == "":
                raise InputError(f"{where}: column {entry['column']!r} (modality {name!r}) is empty")
            if spec.kind is ModalityKind.TOKENS and entry.get("kind") != "tokens":
                sample[name] = str(value)
            else:
                kind = "tokens" if spec.kind is ModalityKind.TOKENS else spec.kind.value
                sample[name] = table.cell_array(value, {**entry, "kind": kind, "dim": spec.dim}, where)
        if label_column:
            try:
                label = float(cells[label_column])
            except (TypeError, ValueError) as exc:
                raise DataError(f"{where}: label column {label_column!r} is not a number ({cells[label_column]!r})"
                                ) from exc
            if not math.isfinite(label):
                raise DataError(f"{where}: label column {label_column!r} is {label}")
            labels.append(label)
        ids.append(sample_id)
        chunk.append(sample)
        if len(chunk) == 1024:
            flush()
    if chunk:
        flush()
    if args.split and not ids:
        raise ValueError(f"{path}: no row of split {args.split!r} (column {split_column!r} holds "
                         f"{sorted(splits_seen)})")
    return (ids, np.concatenate(preds) if preds else np.zeros(0),
            np.asarray(labels, dtype=np.float64) if label_column else None)
