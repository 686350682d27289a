"""Exported models: a directory that loads without running code.

An export (``<run>/best_model/`` at each improvement on validation, or ``launch/export.py --out DIR`` from a
checkpoint) holds:

* ``model.safetensors``: every weight of the model and the objective, fp32 (safetensors holds raw tensors
  and a JSON header; reading it cannot execute anything);
* ``config.yaml``: the resolved run config;
* ``schema.json``: the dataset's modalities (kind, dimension, maximum length) and label range;
* ``preprocessing.json``: what sharding did to raw inputs: the feature dtype the shards hold, the
  per-dimension standardisation of each feature modality where the source applied one, and the
  tokenizer's identity (vocabulary digest, maximum length);
* ``tokenizer/`` and ``text_model/config.json`` (with a token modality): the tokenizer's files and the
  text encoder's architecture, so that no model directory or download is needed to load it;
* ``mean_representations.safetensors``: each modality's mean representation over the validation split
  (what ``drop`` with ``fill="mean"`` puts in place of a removed modality), when it was computed;
* ``export.json``: the format, the tool version, the epoch and where the weights came from.

It is written into a temporary directory beside the target and renamed into place, so a reader sees the
previous export or the whole new one. ``load_export`` also reads a ``.pt`` file of the older format, with
``torch.load(weights_only=True)`` only: a pickle that needs anything beyond tensors and plain containers
is refused, with the reason.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
import yaml

from . import __version__

EXPORT_FORMAT = "dist_mmfuse.export/1"
WEIGHTS = "model.safetensors"
CONFIG = "config.yaml"
SCHEMA = "schema.json"
INFO = "export.json"
PREPROCESSING = "preprocessing.json"
MEAN_REPRESENTATIONS = "mean_representations.safetensors"
TOKENIZER_DIR = "tokenizer"
TEXT_MODEL_DIR = "text_model"


@dataclass
class ExportAssets:
    """Everything an export holds besides the weights, the config and ``export.json``."""

    schema: dict[str, Any]
    preprocessing: dict[str, Any]
    tokenizer: Any = None  # a transformers tokenizer (saved with save_pretrained), with a token modality
    text_model_config: Any = None  # the text encoder's transformers config, with a token modality
    mean_representations: dict[str, torch.Tensor] = field(default_factory=dict)
    mean_split: str | None = None

    def write(self, directory: Path) -> None:
        from safetensors.torch import save_file

        (directory / SCHEMA).write_text(json.dumps(self.schema, indent=1) + "\n")
        (directory / PREPROCESSING).write_text(json.dumps(self.preprocessing, indent=1) + "\n")
        if self.tokenizer is not None:
            self.tokenizer.save_pretrained(str(directory / TOKENIZER_DIR))
        if self.text_model_config is not None:
            self.text_model_config.save_pretrained(str(directory / TEXT_MODEL_DIR))
        if self.mean_representations:
            means = {name: rep_D.detach().to("cpu", torch.float32).contiguous()
                     for name, rep_D in self.mean_representations.items()}
            save_file(means, str(directory / MEAN_REPRESENTATIONS), metadata={"split": self.mean_split or ""})


def preprocessing_record(manifest, schema) -> dict[str, Any]:
    """What sharding did to raw inputs, for the modalities of ``schema`` (a DatasetSchema): the feature
    dtype, the per-modality standardisation, with a token modality the tokenizer's identity, and for shards
    of clips (the media source) the feature extraction's settings and versions."""
    from .schema import ModalityKind

    has_tokens = any(spec.kind is ModalityKind.TOKENS for spec in schema.modalities)
    record = {"feature_dtype": manifest.feature_dtype,
              "standardisation": {name: stats for name, stats in manifest.standardisation.items()
                                  if name in schema.names},
              "tokenizer": manifest.tokenizer if has_tokens else None}
    if manifest.source.get("kind") == "media":  # how clips became features: prediction extracts a clip the same way
        record["media"] = {"extraction": manifest.source["extraction"]}
    return record


def export_assets(config, schema, preprocessing: dict[str, Any]) -> ExportAssets:
    """The assets of an export of a model trained under ``config`` (a Config) on ``schema``: loads the
    sharding tokenizer (checked against its recorded vocabulary digest) and the text encoder's config.
    ExportError when the tokenizer sharding used cannot be found or has changed."""
    from .schema import ModalityKind

    tokenizer = text_config = None
    if any(spec.kind is ModalityKind.TOKENS for spec in schema.modalities):
        from transformers import AutoConfig

        from sharding.tokenizer import TextTokenizer

        from .pretrained import default_text_model_path

        identity = preprocessing.get("tokenizer") or {}
        candidates = [Path(identity["path"])] if identity.get("path") else []
        text_path = Path(config.model.text_model) if config.model.text_model else default_text_model_path()
        candidates.append(text_path)
        tokenizer = None
        for path in candidates:
            if not path.exists():
                continue
            loaded = TextTokenizer(path, max_len=int(identity.get("max_len", 512)))
            if not identity.get("vocab_sha256") or loaded.identity()["vocab_sha256"] == identity["vocab_sha256"]:
                tokenizer = loaded.hf_tokenizer
                break
        if tokenizer is None:
            raise ExportError(f"the tokenizer the shards were made with ({identity.get('path')}, vocabulary sha256 "
                              f"{str(identity.get('vocab_sha256'))[:12]}...) is not at that path, and the text model "
                              f"{text_path} has another vocabulary; an export must carry the tokenizer sharding used")
        text_config = AutoConfig.from_pretrained(str(text_path), local_files_only=True, trust_remote_code=False,
                                                 **config.model.text_config)
    return ExportAssets(schema=schema.model_dump(mode="json"), preprocessing=preprocessing, tokenizer=tokenizer,
                        text_model_config=text_config)


class ExportError(ValueError):
    """A model file that is not an export this tool reads; the message says why."""


def export_model_dir(out: str | os.PathLike, state_dict: dict[str, torch.Tensor], config: dict[str, Any],
                     assets: ExportAssets, info: dict[str, Any]) -> Path:
    """Write an export directory at ``out`` (replacing an earlier export there, never anything else) and
    return its path."""
    from safetensors import SafetensorError
    from safetensors.torch import save_file

    from .files import WriteError, sync_files, usual_mode, write_failure

    out = Path(out)
    if out.exists() and not (out / INFO).is_file():
        raise ExportError(f"{out} exists and is not an export of this tool (no {INFO}): choose another output path")
    # Own copies: safetensors refuses tensors that share storage (an objective may hold model modules).
    tensors = {name: value.detach().to("cpu", torch.float32, copy=True).contiguous()
               for name, value in state_dict.items()}
    staging = old = None
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent))
        save_file(tensors, str(staging / WEIGHTS), metadata={"format": EXPORT_FORMAT})
        (staging / CONFIG).write_text(yaml.safe_dump(config, sort_keys=False))
        assets.write(staging)
        (staging / INFO).write_text(json.dumps({"format": EXPORT_FORMAT, "tool_version": __version__,
                                                "tensors": len(tensors),
                                                "parameters": sum(t.numel() for t in tensors.values()),
                                                **info}, indent=1) + "\n")
        sync_files(staging)
        usual_mode(staging)  # the directory and every file in it (safetensors writes its files 0600)
        if out.exists():
            old = out.with_name(f".{out.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(out, old)
        os.replace(staging, out)
        staging = None
    except BaseException as exc:
        cause = write_failure(staging or out.parent, exc) if isinstance(exc, (OSError, SafetensorError)) else None
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
        if old is not None and not out.exists():
            os.replace(old, out)  # put the earlier export back
        if cause is None:
            raise
        raise WriteError(f"cannot write the model export {out}: {cause}; an export already there is intact") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return out


def load_checked_weights(module: torch.nn.Module, state: dict[str, torch.Tensor], source: str | os.PathLike) -> None:
    """Load ``state`` (an export's or a checkpoint's weights) into ``module`` once every tensor fits:
    ExportError naming ``source`` and the tensor for one that is missing, unexpected, of another shape
    than the model its config describes, or holding NaN or Inf (such weights would predict NaN)."""
    expected = module.state_dict()
    missing, unexpected = sorted(set(expected) - set(state)), sorted(set(state) - set(expected))
    if missing or unexpected:
        raise ExportError(f"{source}: the weights do not match the model its config describes (missing "
                          f"{missing[:5]}, unexpected {unexpected[:5]})")
    for name, value in state.items():
        if tuple(value.shape) != tuple(expected[name].shape):
            raise ExportError(f"{source}: tensor {name} has shape {list(value.shape)}, but the model its config "
                              f"describes has {list(expected[name].shape)} there")
        if value.is_floating_point() and not bool(torch.isfinite(value).all()):
            bad = int((~torch.isfinite(value)).sum())
            raise ExportError(f"{source}: tensor {name} holds {bad} NaN or Inf value(s) of {value.numel()}; "
                              "weights that are not finite are never loaded")
    module.load_state_dict(state, strict=False)


def load_export(path: str | os.PathLike) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """``(state_dict, config dict)`` of an export directory (or of an older ``.pt`` export file). No code in
    the file runs: safetensors, YAML through ``safe_load``, and ``torch.load(weights_only=True)``."""
    path = Path(path)
    if path.is_dir():
        if not (path / WEIGHTS).is_file() or not (path / CONFIG).is_file():
            raise ExportError(f"{path}: not an export of this tool (it needs {WEIGHTS} and {CONFIG}); for a "
                              "checkpoint use --checkpoint")
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        try:
            state = load_file(str(path / WEIGHTS))
        except (SafetensorError, OSError) as exc:
            raise ExportError(f"{path / WEIGHTS}: not a readable safetensors file: {exc}") from exc
        try:
            config = yaml.safe_load((path / CONFIG).read_text())
        except yaml.YAMLError as exc:
            raise ExportError(f"{path / CONFIG}: not valid YAML: {exc}") from exc
        if not isinstance(config, dict):
            raise ExportError(f"{path / CONFIG}: not a run config")
        return state, config
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no such export")
    try:
        saved = load_tensors_only(path)
    except RefusedFile as exc:
        raise ExportError(f"{path}: refused: a .pt file is a pickle, and this one needs more than tensors and plain "
                          f"containers to load ({exc}); loading it could run code. Export models as directories "
                          "(launch/export.py --out DIR) and load only those") from exc
    if not isinstance(saved, dict) or "state_dict" not in saved or "config" not in saved:
        raise ExportError(f"{path}: not a model export (no state_dict and config)")
    return saved["state_dict"], saved["config"]


@dataclass
class ExportedModel:
    """An export directory as read by ``read_export``: nothing in it has run any code."""

    path: Path
    state: dict[str, torch.Tensor]
    config: dict[str, Any]
    schema: dict[str, Any]
    preprocessing: dict[str, Any]
    info: dict[str, Any]
    mean_representations: dict[str, torch.Tensor]
    mean_split: str | None

    @property
    def tokenizer_dir(self) -> Path | None:
        return self.path / TOKENIZER_DIR if (self.path / TOKENIZER_DIR).is_dir() else None

    @property
    def text_model_dir(self) -> Path | None:
        return self.path / TEXT_MODEL_DIR if (self.path / TEXT_MODEL_DIR).is_dir() else None


def read_export(path: str | os.PathLike) -> ExportedModel:
    """Everything in an export directory (weights, config, schema, preprocessing, mean representations);
    ExportError naming the file when one is missing or unreadable."""
    from safetensors import SafetensorError, safe_open

    path = Path(path)
    if not path.is_dir():
        what = "does not exist" if not path.exists() else "is a file, not an export directory"
        raise ExportError(f"{path} {what}; an export is a directory (<run>/best_model, or written by "
                          "dist-mmfuse-export --out DIR)")
    refuse_code(path)
    state, config = load_export(path)
    documents = {}
    for name in (SCHEMA, PREPROCESSING, INFO):
        file = path / name
        if not file.is_file():
            raise ExportError(f"{path}: no {name}: it was exported by an older version, which did not record "
                              "everything needed to use the model alone; export it again from its checkpoint "
                              "(launch/export.py --checkpoint RUN_DIR --out DIR)")
        try:
            documents[name] = json.loads(file.read_text())
        except (OSError, ValueError) as exc:
            raise ExportError(f"{file}: not readable JSON: {exc}") from exc
    means, split = {}, None
    if (path / MEAN_REPRESENTATIONS).is_file():
        try:
            with safe_open(str(path / MEAN_REPRESENTATIONS), framework="pt") as handle:
                split = (handle.metadata() or {}).get("split") or None
                means = {key: handle.get_tensor(key) for key in handle.keys()}
        except (SafetensorError, OSError) as exc:
            raise ExportError(f"{path / MEAN_REPRESENTATIONS}: not a readable safetensors file: {exc}") from exc
    return ExportedModel(path=path, state=state, config=config, schema=documents[SCHEMA],
                         preprocessing=documents[PREPROCESSING], info=documents[INFO], mean_representations=means,
                         mean_split=split)


def refuse_code(path: Path) -> None:
    """ExportError if the export carries Python code or points transformers at some (``auto_map``): its
    tokenizer and text model directories hold configuration and vocabularies only."""
    scripts = sorted(str(p.relative_to(path)) for p in path.rglob("*.py"))
    if scripts:
        raise ExportError(f"{path}: refused: the export holds Python files {scripts[:3]}; an export holds weights, "
                          "configuration and vocabularies only, and loading one never runs code from it")
    for name in ("tokenizer_config.json", "config.json"):
        for file in (path / TOKENIZER_DIR / name, path / TEXT_MODEL_DIR / name):
            try:
                document = json.loads(file.read_text()) if file.is_file() else {}
            except (OSError, ValueError) as exc:
                raise ExportError(f"{file}: not readable JSON: {exc}") from exc
            if isinstance(document, dict) and "auto_map" in document:
                raise ExportError(f"{file}: refused: it names custom code (auto_map); loading an export never "
                                  "runs code from it")


class RefusedFile(ValueError):
    """A torch file that needs more than tensors and plain containers; the message names what it needs."""


def load_tensors_only(path: str | os.PathLike) -> Any:
    """``torch.load(weights_only=True)``: tensors and plain containers, nothing that runs. RefusedFile
    otherwise, with the line of torch's error that names what was refused."""
    import pickle

    try:
        return torch.load(path, map_location="cpu", weights_only=True)
    except (pickle.UnpicklingError, RuntimeError, EOFError) as exc:
        lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
        named = [line for line in lines if "GLOBAL" in line or "global" in line]
        raise RefusedFile((named or lines or [type(exc).__name__])[0].rstrip(".")) from exc
