"""The shard manifest: what a sharded dataset holds, and how to check it.

``manifest.json`` sits beside the tar shards. It records the splits, each split's shards with their
sample counts, byte sizes and sha256 digests, the modality schema, the tokenizer's identity, the source
and the tool version. The loader plans every epoch from it (exact per-shard counts make equal batch
counts on every rank possible) and verifies each shard's digest before reading it.
"""

from __future__ import annotations

import hashlib
import json
import os
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from .schema import DatasetSchema
from .storage import UNKNOWN_SIZE, DataError, ShardStore

MANIFEST_NAME = "manifest.json"
MANIFEST_FORMAT = "dist_mmfuse.shards/1"
# Fixed order so global indices (train first, then valid, then test) are stable across tools.
CANONICAL_SPLIT_ORDER = ("train", "valid", "test")


class ShardInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # Checked as a plain file name and a hex digest: both become parts of paths and URLs (the cache's too).
    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*\.tar$")
    count: int = Field(gt=0)
    first_index: int = Field(ge=0)
    bytes: int = Field(gt=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")


class SplitInfo(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    num_samples: int = Field(gt=0)
    index_offset: int = Field(ge=0)
    shards: tuple[ShardInfo, ...]

    @model_validator(mode="after")
    def _counts_add_up(self) -> "SplitInfo":
        total = sum(s.count for s in self.shards)
        if total != self.num_samples:
            raise ValueError(f"shard counts add up to {total}, not num_samples={self.num_samples}")
        return self


class Manifest(BaseModel):
    """The parsed ``manifest.json`` of a shard directory."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: str = MANIFEST_FORMAT
    tool_version: str
    dataset: str
    source: dict[str, Any]
    schema_: DatasetSchema = Field(alias="schema")
    tokenizer: dict[str, Any] | None
    feature_dtype: str
    shard_size: int = Field(gt=0)
    splits: dict[str, SplitInfo]
    # Per modality, the per-dimension mean and std the source standardised raw features with (Source.standardisation).
    standardisation: dict[str, dict[str, list[float]]] = Field(default_factory=dict)

    @property
    def schema(self) -> DatasetSchema:  # type: ignore[override]
        return self.schema_

    def split(self, name: str) -> SplitInfo:
        if name not in self.splits:
            raise KeyError(f"split {name!r} not in the manifest; it has {sorted(self.splits)}")
        return self.splits[name]

    def to_json(self) -> str:
        return json.dumps(self.model_dump(mode="json", by_alias=True), indent=2, sort_keys=False) + "\n"


def as_store(shard_dir: "str | os.PathLike | ShardStore") -> ShardStore:
    return shard_dir if isinstance(shard_dir, ShardStore) else ShardStore(shard_dir)


def load_manifest(shard_dir: "str | os.PathLike | ShardStore") -> Manifest:
    """Read and validate ``<shard_dir>/manifest.json`` (a local path or a URL); errors name the file (or URL)
    and the offending key."""
    store = as_store(shard_dir)
    path = store.url(MANIFEST_NAME)
    try:
        text = store.read_text(MANIFEST_NAME)
    except FileNotFoundError:
        raise FileNotFoundError(f"{path}: no manifest (build the shards with `dist-mmfuse-shard build`)") from None
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{path}: not valid JSON ({exc})") from exc
    if raw.get("format") != MANIFEST_FORMAT:
        raise DataError(f"{path}: format {raw.get('format')!r} is not {MANIFEST_FORMAT!r}")
    try:
        return Manifest.model_validate(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise DataError(f"{path}: {where}: {first['msg']}") from exc


def sha256_file(path: str | os.PathLike, chunk_bytes: int = 4 << 20) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(chunk_bytes):
            digest.update(chunk)
    return digest.hexdigest()


def verify_shard(shard_dir: "str | os.PathLike | ShardStore", shard: ShardInfo) -> None:
    """Raise DataError unless the shard exists with the manifest's size and sha256 (reads it whole)."""
    as_store(shard_dir).read_shard(shard.name, shard.bytes, shard.sha256, verify=True)


def check_shard_files(shard_dir: "str | os.PathLike | ShardStore", manifest: Manifest, splits: list[str]) -> None:
    """Raise DataError listing every shard of ``splits`` that is missing or has the wrong size. Cheap (a stat
    per local shard; remote: one listing, or a HEAD request per shard over HTTP), so a run checks it at start;
    the sha256 of each shard is verified as it is read."""
    store = as_store(shard_dir)
    shards = [shard for split in dict.fromkeys(splits) for shard in manifest.split(split).shards]
    sizes = store.sizes(shard.name for shard in shards)
    problems = []
    for shard in shards:
        size, where = sizes[shard.name], store.url(shard.name)
        if size is None:
            problems.append(f"{where}: shard listed in the manifest is missing")
        elif size != shard.bytes and size != UNKNOWN_SIZE:
            problems.append(f"{where}: {size} bytes, the manifest says {shard.bytes} (truncated or replaced)")
    if problems:
        more = f"\n  ... and {len(problems) - 10} more" if len(problems) > 10 else ""
        raise DataError(f"{len(problems)} shard(s) of splits {list(dict.fromkeys(splits))} do not match the "
                        f"manifest of {store}:\n  " + "\n  ".join(problems[:10]) + more)
