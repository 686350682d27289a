"""``dist-mmfuse-shard``: build, finalize, verify and describe WebDataset shard directories.

Examples::

    dist-mmfuse-shard build --source synthetic --out data/syn_mosi --option preset=mosi --procs 2
    dist-mmfuse-shard build --source mosi_real --out data/mosi_std --option split=std
    dist-mmfuse-shard build --source mmsa --out data/mosi_mmsa --option path=MOSI/unaligned_50.pkl
    # several jobs on one build, then the manifest:
    dist-mmfuse-shard build ... --proc-index 3 --num-procs 8 --no-finalize
    dist-mmfuse-shard finalize data/mosi_mmsa
    dist-mmfuse-shard verify data/mosi_mmsa
    # into a bucket (credentials from the environment), and over HTTP:
    dist-mmfuse-shard build --source mosi_real --out s3://my-bucket/mosi_std --option split=std
    dist-mmfuse-shard serve data/mosi_mmsa --host 0.0.0.0 --port 8000
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time

import yaml
from pydantic import ValidationError

from dist_mmfuse.manifest import DataError, load_manifest, verify_shard
from dist_mmfuse.storage import ShardStore

from .sources import SOURCES, make_source
from .writer import ShardBuilder, finalize


def parse_options(items: list[str]) -> dict:
    """``key=value`` pairs, each value parsed as YAML (numbers, booleans, lists, mappings)."""
    options = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise SystemExit(f"--option: expected key=value, got {item!r}")
        options[key] = yaml.safe_load(value)
    return options


def parse_modalities(text: str) -> list[str]:
    """``--modalities a,b``: the names, at least two, each once."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    if len(names) < 2:
        raise ValueError(f"--modalities {text}: a dataset needs at least two modalities, got {names}")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise ValueError(f"--modalities {text}: {repeated} given more than once")
    return names


def error_message(exc: BaseException) -> str:
    """One line for an error: pydantic's validation errors without their layout and documentation links,
    a KeyError without its quotes."""
    if isinstance(exc, ValidationError):
        parts = []
        for error in exc.errors():
            where = ".".join(str(part) for part in error["loc"])
            parts.append(f"{where + ': ' if where else ''}{error['msg'].removeprefix('Value error, ')}")
        return "; ".join(parts)
    if isinstance(exc, KeyError) and exc.args:
        return str(exc.args[0])
    return str(exc)


# Lists of more numbers than this are summarised by `info` (standardisation statistics: one per dimension).
LIST_SHOWN = 8


def render(value, indent: int = 2) -> list[str]:
    """A mapping as indented ``key: value`` lines; long lists of numbers as ``[N values]``."""
    lines = []
    for key, item in value.items():
        if isinstance(item, dict) and item:
            lines.append(f"{' ' * indent}{key}:")
            lines.extend(render(item, indent + 2))
        elif (isinstance(item, list) and len(item) > LIST_SHOWN
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in item)):
            lines.append(f"{' ' * indent}{key}: [{len(item)} values]")
        else:
            lines.append(f"{' ' * indent}{key}: {item if isinstance(item, str) and item else json.dumps(item)}")
    return lines


def build_dataset(source: str, options: dict, out: str, *, shard_size: int = 1000, feature_dtype: str = "float16",
                  procs: int = 1, modalities: list[str] | None = None):
    """Build (or finish building) a shard directory; returns the manifest."""
    builder = ShardBuilder(make_source(source, options), out, shard_size=shard_size, feature_dtype=feature_dtype,
                           modalities=modalities)
    return builder.build(procs=procs)


def _build(builder: ShardBuilder, args) -> "Manifest | None":
    """The build command's writing: all of it, one block of several jobs, or no manifest (None)."""
    if args.proc_index is not None or args.num_procs is not None:
        if args.proc_index is None or args.num_procs is None:
            raise SystemExit("--proc-index and --num-procs go together")
        builder.prepare_dir()
        written, done = builder.write_shards(builder.shard_range(args.proc_index, args.num_procs))
        print(f"wrote {written} shard(s), {done} already complete in {builder.dest}")
        return None if args.no_finalize else builder.finalize()
    if args.no_finalize:
        builder.prepare_dir()
        builder.write_shards(builder.plans)
        return None
    return builder.build(procs=args.procs)


def describe(manifest) -> str:
    lines = [f"dataset {manifest.dataset} ({manifest.source.get('kind')}), features {manifest.feature_dtype}, "
             f"shard size {manifest.shard_size}"]
    for spec in manifest.schema.modalities:
        lines.append(f"  modality {spec.name}: {spec.kind.value}, dim {spec.dim}, max_len {spec.max_len}")
    low, high = manifest.schema.label_range
    labels = f", per-modality labels {list(manifest.schema.modality_labels)}" if manifest.schema.modality_labels else ""
    lines.append(f"  labels in [{low}, {high}]{labels}")
    for name, split in manifest.splits.items():
        lines.append(f"  split {name}: {split.num_samples} samples in {len(split.shards)} shard(s), "
                     f"{sum(s.bytes for s in split.shards) / 1e6:.1f} MB")
    if manifest.tokenizer:
        lines.append(f"  tokenizer: {manifest.tokenizer.get('path')} (vocab {manifest.tokenizer.get('vocab_size')})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="dist-mmfuse-shard", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="convert a source into shards and a manifest")
    build.add_argument("--source", required=True, choices=sorted(SOURCES))
    build.add_argument("--out", required=True, help="output shard directory: a path or a URL (s3://bucket/prefix, "
                                                    "gs://...; credentials from the environment)")
    build.add_argument("--option", action="append", default=[], metavar="KEY=VALUE",
                       help="source option (repeatable), e.g. preset=mosei, path=x.pkl, sizes='{train: 100}'")
    build.add_argument("--shard-size", type=int, default=1000, help="samples per shard")
    build.add_argument("--dtype", default="float16", choices=("float16", "float32"), help="feature dtype")
    build.add_argument("--modalities", help="comma-separated subset of modalities to keep")
    build.add_argument("--procs", type=int, default=1, help="writer processes on this machine")
    build.add_argument("--proc-index", type=int, help="with --num-procs: write only this block of shards")
    build.add_argument("--num-procs", type=int, help="number of separate writer jobs")
    build.add_argument("--no-finalize", action="store_true", help="do not write the manifest")
    for name, text in (("finalize", "write the manifest once every shard exists"),
                       ("verify", "check every shard's size and sha256 against the manifest"),
                       ("info", "print what a shard directory holds")):
        commands.add_parser(name, help=text).add_argument("dir")
    commands.choices["info"].add_argument("--json", action="store_true",
                                          help="print the whole manifest as JSON (machine-readable)")
    serve_command = commands.add_parser("serve", help="serve a shard directory over HTTP, with byte ranges (for "
                                                      "nodes without a shared filesystem, on a trusted network)")
    serve_command.add_argument("dir")
    serve_command.add_argument("--host", default="127.0.0.1", help="address to listen on (0.0.0.0: every interface)")
    serve_command.add_argument("--port", type=int, default=8000)
    serve_command.add_argument("--verbose", action="store_true", help="log each request")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    for chatty in ("botocore", "aiobotocore", "s3fs", "fsspec", "gcsfs", "google"):  # which credentials were found
        logging.getLogger(chatty).setLevel(logging.WARNING)
    try:
        if args.command == "build":
            modalities = parse_modalities(args.modalities) if args.modalities is not None else None
            start = time.perf_counter()  # making the source is part of it (the media source extracts then)
            builder = ShardBuilder(make_source(args.source, parse_options(args.option)), args.out,
                                   shard_size=args.shard_size, feature_dtype=args.dtype, modalities=modalities)
            try:
                manifest = _build(builder, args)
            finally:
                builder.discard_staging()
            if manifest is None:
                return 0
            print(describe(manifest))
            print(f"built in {time.perf_counter() - start:.1f} s: {builder.dest}")
        elif args.command == "serve":
            from .serve import serve

            serve(args.dir, args.host, args.port, args.verbose)
        elif args.command == "finalize":
            print(describe(finalize(args.dir)))
        elif args.command == "verify":
            store = ShardStore(args.dir)
            manifest = load_manifest(store)
            count = 0
            for split in manifest.splits.values():
                for shard in split.shards:
                    verify_shard(store, shard)
                    count += 1
            print(f"{count} shard(s) match the manifest")
        else:
            manifest = load_manifest(args.dir)
            if args.json:
                print(manifest.to_json(), end="")
            else:
                print(describe(manifest))
                print("  source:")
                print("\n".join(render(manifest.source, indent=4)))
                statistics = getattr(manifest, "standardisation", None)  # per-dimension: summarised
                if statistics:
                    print("  standardisation:")
                    print("\n".join(render(statistics, indent=4)))
    except (DataError, ValueError, FileNotFoundError, KeyError) as exc:  # ValidationError is a ValueError
        print(f"error: {error_message(exc)}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
