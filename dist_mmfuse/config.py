"""Typed, validated run configuration: YAML files in ``configs/`` plus ``key.sub=value`` overrides.

Everything that can be checked without building a process group or a model is checked at load time:
unknown keys, wrong types, impossible values, a shard directory that is missing (and not to be
built), modality and split names the dataset does not have, and source options the converter does not
take. Errors name the file and the dotted key, and say when the value came from an override.
Relative paths are taken from the working directory.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, PositiveInt, ValidationError

from .manifest import MANIFEST_NAME, Manifest, load_manifest

# The objectives this system implements; each is a plug-in chosen by name.
OBJECTIVE_NAMES = ("late_fusion", "mmim", "self_mm", "self_mi", "tuple_infonce")
SOURCE_NAMES = ("synthetic", "mmsa", "mult", "table", "mosi_real")


class ConfigError(ValueError):
    """A configuration problem; the message names the file and the key."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class RunConfig(_Strict):
    name: str = Field("run", min_length=1, description="run name; the run directory is output_dir/name")
    output_dir: Path = Field(Path("runs"), description="parent of run directories")
    seed: int = Field(1111, description="seed for model initialisation and data order")


class PrepareConfig(_Strict):
    """How to build ``data.shard_dir`` when it has no manifest yet (the sharding tool's options)."""

    source: Literal[SOURCE_NAMES]  # type: ignore[valid-type]
    options: dict[str, Any] = Field(default_factory=dict, description="keyword options of the source")
    shard_size: PositiveInt = 1000
    feature_dtype: Literal["float16", "float32"] = "float16"
    procs: PositiveInt = 1
    modalities: list[str] | None = Field(None, description="keep only these modalities (default: all)")


class DataConfig(_Strict):
    shard_dir: Path
    prepare: PrepareConfig | None = None
    train_split: str = "train"
    valid_split: str = "valid"
    test_split: str = "test"
    modalities: list[str] | None = Field(None, min_length=2, description="use only these modalities")
    batch_size: PositiveInt = Field(32, description="per-rank micro-batch size")
    eval_batch_size: PositiveInt | None = None
    num_workers: NonNegativeInt = 2
    shuffle_buffer: NonNegativeInt = 1000
    prefetch_factor: PositiveInt = 4
    pad_to_max_len: bool = Field(False, description="pad to the schema's max_len (static shapes) not the batch max")
    bad_samples: Literal["error", "skip"] = "error"
    verify_checksums: bool = True
    pin_memory: bool | Literal["auto"] = "auto"


class ObjectiveConfig(_Strict):
    name: Literal[OBJECTIVE_NAMES] = "mmim"  # type: ignore[valid-type]


class Config(_Strict):
    run: RunConfig = Field(default_factory=RunConfig)
    data: DataConfig
    objective: ObjectiveConfig = Field(default_factory=ObjectiveConfig)

    def run_dir(self) -> Path:
        return self.run.output_dir / self.run.name

    def to_yaml(self) -> str:
        return yaml.safe_dump(self.model_dump(mode="json"), sort_keys=False)


def apply_override(raw: dict[str, Any], override: str) -> str:
    """Set ``a.b.c=value`` in the nested dict ``raw`` (value parsed as YAML); returns the dotted key."""
    key, sep, text = override.partition("=")
    if not sep or not key or any(not part for part in key.split(".")):
        raise ConfigError(f"override {override!r}: expected key.sub=value")
    node = raw
    parts = key.split(".")
    for part in parts[:-1]:
        child = node.setdefault(part, {})
        if not isinstance(child, dict):
            raise ConfigError(f"override {override!r}: {part!r} is a value, not a section")
        node = child
    node[parts[-1]] = yaml.safe_load(text) if text.strip() else None
    return key


def load_config(path: str | Path, overrides: list[str] | tuple[str, ...] = (), *, check_data: bool = True) -> Config:
    """Load, override and validate a config; raise ConfigError naming the file and the key."""
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    try:
        raw = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: the top level must be a mapping of sections")
    overridden = {apply_override(raw, item): item for item in overrides}
    try:
        config = Config.model_validate(raw)
    except ValidationError as exc:
        raise ConfigError(_format_validation_error(path, exc, overridden)) from exc
    if config.data.prepare is not None:
        _check_source_options(path, config.data.prepare)
    if check_data:
        manifest_path = config.data.shard_dir / MANIFEST_NAME
        if manifest_path.is_file():
            check_against_manifest(config, load_manifest(config.data.shard_dir), path)
        elif config.data.prepare is None:
            what = "does not exist" if not config.data.shard_dir.exists() else f"has no {MANIFEST_NAME}"
            raise ConfigError(f"{path}: data.shard_dir: {config.data.shard_dir} {what}, and data.prepare is not "
                              "set to build it")
    return config


def check_against_manifest(config: Config, manifest: Manifest, path: str | Path = "<config>") -> None:
    """Raise ConfigError if the config names splits or modalities the dataset does not have."""
    data = config.data
    for key in ("train_split", "valid_split", "test_split"):
        split = getattr(data, key)
        if split not in manifest.splits:
            raise ConfigError(f"{path}: data.{key}: split {split!r} not in {data.shard_dir} "
                              f"(it has {sorted(manifest.splits)})")
    for key, names in (("data.modalities", data.modalities),
                       ("data.prepare.modalities", data.prepare.modalities if data.prepare else None)):
        unknown = sorted(set(names or ()) - set(manifest.schema.names))
        if unknown:
            raise ConfigError(f"{path}: {key}: unknown modality name(s) {unknown}; the dataset has "
                              f"{list(manifest.schema.names)}")


def write_resolved_config(config: Config, run_dir: str | Path) -> Path:
    """Write the resolved config into the run directory (atomically) and return its path."""
    from .manifest import atomic_write_text

    run_dir = Path(run_dir)
    run_dir.mkdir(parents=True, exist_ok=True)
    target = run_dir / "config.yaml"
    atomic_write_text(target, config.to_yaml())
    return target


def _check_source_options(path: Path, prepare: PrepareConfig) -> None:
    from sharding.sources import check_source_options

    try:
        check_source_options(prepare.source, prepare.options)
    except ValueError as exc:
        raise ConfigError(f"{path}: data.prepare.options: {exc}") from exc


def _format_validation_error(path: Path, exc: ValidationError, overridden: dict[str, str]) -> str:
    lines = []
    for error in exc.errors():
        key = ".".join(str(p) for p in error["loc"])
        message = "unknown key" if error["type"] == "extra_forbidden" else error["msg"]
        origin = next((f" (from override {o!r})" for k, o in overridden.items()
                       if key == k or key.startswith(k + ".")), "")
        lines.append(f"{path}: {key}: {message}{origin}")
    return "\n".join(lines)
