"""Use a trained model without the training setup: load an export, predict from raw inputs.

    from dist_mmfuse import load_model
    model = load_model("runs/quickstart/best_model")            # device="cuda" for a GPU
    scores = model.predict([{"text": "a warm and funny film", "audio": audio_TD, "vision": vision_TD}])

A sample is a dict: the raw text (a ``str``) for a token modality, a numpy array for a feature modality
(frames x dim for a sequence, dim for a vector), and optionally an ``"id"``. A model trained on clips
(the media source) also takes the clip itself, ``{"media": "clip.mp4", "text": "...", "start": s, "end": e}``,
and extracts its audio and vision features as the training clips' were. Inputs go through what
sharding did to the training data, from the export alone: text is tokenized with the export's own
tokenizer files and maximum length, features are standardised with the statistics the source applied
and rounded to the dtype the shards held. Nothing in an export runs code when loaded (export.py).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Iterable, Iterator, Sequence

import numpy as np
import torch
from pydantic import ValidationError

from .export import CONFIG, SCHEMA, WEIGHTS, ExportedModel, ExportError, load_checked_weights, read_export
from .schema import DatasetSchema, ModalityKind, ModalitySpec, Sample, all_finite

FILLS = ("mean", "zero")
CLIP_KEYS = ("media", "start", "end")  # a clip, for a model trained on clips (the media source)
log = logging.getLogger(__name__)


class InputError(ValueError):
    """A sample the model cannot take; the message names the sample and the modality."""


def load_model(path: str | os.PathLike, device: str | torch.device | None = None) -> "Predictor":
    """The model exported at ``path`` (``<run>/best_model``, or ``launch/export.py --out DIR``), in eval
    mode on ``device`` (default: the first GPU if there is one, else the CPU)."""
    return Predictor(read_export(path), device)


class Predictor:
    """A trained fusion model with the preprocessing its training data went through."""

    def __init__(self, exported: ExportedModel, device: str | torch.device | None = None):
        from .config import Config
        from .train_module import build_train_module

        self.path = exported.path
        self.info = exported.info
        try:
            self.schema = DatasetSchema.model_validate(exported.schema)
            self.config = Config.model_validate(exported.config)
        except ValidationError as exc:
            first = exc.errors()[0]
            raise ExportError(f"{self.path}: its {CONFIG} or {SCHEMA} is not valid: "
                              f"{'.'.join(map(str, first['loc']))}: {first['msg']}") from exc
        self.preprocessing = exported.preprocessing
        self.device = _device(device)
        self.tokenizer = self._tokenizer(exported)
        # The text encoder's architecture comes from the export's text_model/config.json and its weights
        # from model.safetensors: nothing is read from the machine it was trained on.
        model_cfg = self.config.model.model_copy(update={"text_model": exported.text_model_dir,
                                                         "text_random_init": True, "text_config": {}})
        module = build_train_module(self.schema, self.config.model_copy(update={"model": model_cfg}))
        load_checked_weights(module, exported.state, self.path / WEIGHTS)
        self.model = module.model.to(self.device).eval()
        self.mean_representations = {name: value.to(self.device)
                                     for name, value in exported.mean_representations.items()}
        self.mean_split = exported.mean_split
        self._standardisation = {name: (np.asarray(stats["mean"], dtype=np.float64),
                                        np.asarray(stats["std"], dtype=np.float64))
                                 for name, stats in self.preprocessing.get("standardisation", {}).items()}
        self._feature_dtype = np.dtype(self.preprocessing.get("feature_dtype", "float32"))
        # A model trained on clips (the media source) also takes a clip: {"media": path, "start", "end", "text"}.
        self.media_extraction = (self.preprocessing.get("media") or {}).get("extraction")
        self._media_checked = False

    def _tokenizer(self, exported: ExportedModel):
        has_tokens = any(spec.kind is ModalityKind.TOKENS for spec in self.schema.modalities)
        if not has_tokens:
            return None
        identity = self.preprocessing.get("tokenizer") or {}
        if exported.tokenizer_dir is None or exported.text_model_dir is None:
            raise ExportError(f"{self.path}: the model reads text, but the export has no tokenizer/ or text_model/ "
                              "directory; export it again from its checkpoint (launch/export.py)")
        from sharding.tokenizer import TextTokenizer

        tokenizer = TextTokenizer(exported.tokenizer_dir, max_len=int(identity["max_len"]))
        digest = tokenizer.identity()["vocab_sha256"]
        if identity.get("vocab_sha256") and digest != identity["vocab_sha256"]:
            raise ExportError(f"{exported.tokenizer_dir}: its vocabulary (sha256 {digest[:12]}...) is not the one the "
                              f"training data was tokenized with ({identity['vocab_sha256'][:12]}...)")
        return tokenizer

    @property
    def modalities(self) -> tuple[str, ...]:
        return self.schema.names

    def __repr__(self) -> str:
        kinds = ", ".join(f"{m.name}: {m.kind.value} {m.dim}" for m in self.schema.modalities)
        return (f"Predictor({self.path}, objective {self.config.objective.name}, modalities [{kinds}], "
                f"labels in {list(self.schema.label_range)}, device {self.device})")

    # -- inputs ------------------------------------------------------------------------------------

    def prepare(self, samples: Iterable[dict[str, Any]], drop: Sequence[str] = (), start: int = 0) -> list[Sample]:
        """Raw sample dicts as the model's inputs (tokenized, standardised, checked). ``drop``: modalities
        the samples need not have (their inputs are not read). ``start``: the position of the first sample,
        for error messages."""
        if isinstance(samples, dict):
            raise InputError("expected a list of samples (dicts of modality name -> input); got one dict: pass "
                             "[sample]")
        samples = list(samples)
        prepared = []
        for position, raw in enumerate(samples, start):
            if not isinstance(raw, dict):
                raise InputError(f"sample {position}: expected a dict of modality name -> input, got "
                                 f"{type(raw).__name__}")
            sample_id = str(raw.get("id", position))
            where = f"sample {position}" + (f" (id {sample_id!r})" if "id" in raw else "")
            clip_keys = set(CLIP_KEYS) if self.media_extraction else set()
            unknown = sorted(set(raw) - set(self.modalities) - {"id", "label"} - clip_keys)
            if unknown:
                raise InputError(f"{where}: unknown key(s) {unknown}; the model takes {list(self.modalities)} "
                                 f"(and optionally id, label{', or a clip: media, start, end' if clip_keys else ''})")
            if self.media_extraction and raw.get("media") is not None:
                raw = {**self._clip_features(raw, where, drop), **raw}
            features = {}
            for spec in self.schema.modalities:
                if spec.name in drop:
                    features[spec.name] = placeholder_input(spec)
                    continue
                if spec.name not in raw or raw[spec.name] is None:
                    raise InputError(f"{where}: modality {spec.name!r} is missing; the model needs "
                                     f"{list(self.modalities)} (or drop={[spec.name]!r} to remove it)")
                features[spec.name] = self._input(spec, raw[spec.name], where)
            label = raw.get("label")
            try:
                label = float(label) if label is not None else 0.0
            except (TypeError, ValueError) as exc:
                raise InputError(f"{where}: label {label!r} is not a number") from exc
            prepared.append(Sample(id=sample_id, label=label, features=features, index=position))
        return prepared

    def _clip_features(self, raw: dict[str, Any], where: str, drop: Sequence[str]) -> dict[str, np.ndarray]:
        """The raw audio and vision features of the sample's clip, extracted as the training clips' were."""
        from .media.decode import MediaError, Segment
        from .media.extract import ExtractionSettings, extract_clip

        settings = ExtractionSettings(fps=float(self.media_extraction["fps"]))
        if not self._media_checked:  # other versions may measure a little differently: say so, once
            self._media_checked = True
            here = settings.identity()
            changed = sorted(k for k in self.media_extraction if here.get(k) != self.media_extraction[k])
            if changed:
                log.warning("%s: its training clips were extracted with %s; this environment has %s", self.path,
                            {k: self.media_extraction[k] for k in changed}, {k: here.get(k) for k in changed})
        try:
            clip = extract_clip(Segment(str(raw["media"]), raw.get("start"), raw.get("end")), settings)
        except MediaError as exc:
            raise InputError(f"{where}: {exc}") from None
        return {name: array for name, array in (("audio", clip.audio), ("vision", clip.vision))
                if name in self.modalities and name not in drop}

    def _input(self, spec: ModalitySpec, value: Any, where: str) -> np.ndarray:
        what = f"{where}: modality {spec.name!r}"
        if spec.kind is ModalityKind.TOKENS:
            if isinstance(value, str):
                ids = self.tokenizer(value)  # an empty text is [CLS] [SEP], as sharding wrote it
            else:
                ids = np.asarray(value)
                if ids.dtype.kind not in "iu":
                    raise InputError(f"{what}: expected the raw text (a str) or token ids, got "
                                     f"{type(value).__name__}")
            problem = spec.check_array(ids)
            if problem:
                raise InputError(f"{what}: {problem}")
            return ids
        try:
            array = np.asarray(value)
        except (TypeError, ValueError) as exc:
            raise InputError(f"{what}: not an array of numbers ({exc})") from exc
        if array.dtype.kind not in "fiu":
            raise InputError(f"{what}: expected a numeric array, got dtype {array.dtype}")
        expected = f"({spec.dim},)" if spec.kind is ModalityKind.VECTOR else f"(frames, {spec.dim})"
        shape_ok = array.shape == (spec.dim,) if spec.kind is ModalityKind.VECTOR else (
            array.ndim == 2 and array.shape[1] == spec.dim)
        if not shape_ok:
            raise InputError(f"{what}: expected shape {expected} ({spec.kind.value} of dimension {spec.dim}), got "
                             f"{array.shape}")
        array = array.astype(np.float64)
        if not all_finite(array):
            raise InputError(f"{what}: NaN or Inf in the input")
        if spec.name in self._standardisation:
            mean_D, std_D = self._standardisation[spec.name]
            array = (array - mean_D) / std_D
        # The shards held float32 then the feature dtype; the model was trained on that rounding.
        array = array.astype(np.float32).astype(self._feature_dtype)
        problem = spec.check_array(array)
        if problem:
            if "NaN or Inf" in problem:
                problem = f"a value is too large for the model's {self._feature_dtype} features after standardisation"
            raise InputError(f"{what}: {problem}")
        return array

    # -- outputs -----------------------------------------------------------------------------------

    def _forward_module(self, drop: Sequence[str], fill: str):
        from .models import WithoutModalities

        drop = list(dict.fromkeys(drop))
        if not drop:
            return self.model
        unknown = sorted(set(drop) - set(self.modalities))
        if unknown:
            raise InputError(f"drop={unknown}: the model has {list(self.modalities)}")
        if len(drop) == len(self.modalities):
            raise InputError(f"drop={drop}: every modality removed; nothing is left to predict from")
        if fill not in FILLS:
            raise InputError(f"fill={fill!r}: choose from {list(FILLS)}")
        if fill == "zero":
            vectors = {n: torch.zeros(self.model.fill_dims[n], device=self.device) for n in drop}
        else:
            absent = [n for n in drop if n not in self.mean_representations]
            if absent:
                raise InputError(f"fill='mean': the export has no mean representation of {absent} (it is written "
                                 "when the export is made next to its validation shards); use fill='zero'")
            vectors = {n: self.mean_representations[n] for n in drop}
        return WithoutModalities(self.model, vectors)

    def batches(self, samples: list[Sample], batch_size: int) -> Iterator:
        """Padded batches of prepared samples, on the model's device."""
        from .data.batch import collate

        for begin in range(0, len(samples), batch_size):
            chunk = samples[begin:begin + batch_size]
            yield collate(chunk, [True] * len(chunk), self.schema, self.config.data.pad_to_max_len).to(self.device)

    @torch.inference_mode()
    def _outputs(self, samples, batch_size: int, drop: Sequence[str], fill: str, start: int):
        if batch_size < 1:
            raise InputError(f"batch_size must be at least 1, got {batch_size}")
        drop = [drop] if isinstance(drop, str) else list(drop)  # drop="audio" is one modality, not five letters
        forward = self._forward_module(drop, fill)
        for batch in self.batches(self.prepare(samples, drop, start), batch_size):
            yield forward(batch)

    def predict(self, samples: Iterable[dict[str, Any]], *, batch_size: int = 64, drop: Sequence[str] = (),
                fill: str = "mean", start: int = 0) -> np.ndarray:
        """The predicted score of each sample (float32, shape ``(N,)``), in order.

        ``drop``: remove these modalities (a name or a list) as ``eval.py --drop-modality`` does: their
        representation is replaced by its mean over the validation split (``fill="mean"``) or by zeros
        (``fill="zero"``), and the samples need not carry them. ``start``: the position of the first sample,
        for error messages."""
        outputs = [out.pred_B.float().cpu() for out in self._outputs(samples, batch_size, drop, fill, start)]
        return torch.cat(outputs).numpy() if outputs else np.zeros(0, dtype=np.float32)

    def encode(self, samples: Iterable[dict[str, Any]], *, batch_size: int = 64, drop: Sequence[str] = (),
               fill: str = "mean", start: int = 0) -> dict[str, np.ndarray]:
        """Each modality's representation ``(N, d_m)`` and the fusion representation under ``"fusion"``
        ``(N, H)`` (MMIM's Z, Self-MM's F_f; TupleInfoNCE's tuple embedding before normalisation)."""
        columns: dict[str, list[torch.Tensor]] = {}
        for out in self._outputs(samples, batch_size, drop, fill, start):
            for name, rep_BD in {**out.reps, "fusion": out.fusion_BH}.items():
                columns.setdefault(name, []).append(rep_BD.float().cpu())
        return {name: torch.cat(parts).numpy() for name, parts in columns.items()}


def _device(device: str | torch.device | None) -> torch.device:
    """The device to run on (default: the first GPU if there is one); InputError for one that is not there."""
    if device is None:
        return torch.device("cuda") if torch.cuda.is_available() else torch.device("cpu")
    try:
        chosen = torch.device(device)
    except (RuntimeError, TypeError) as exc:
        raise InputError(f"device {device!r}: not a device name (cpu, cuda, cuda:1, ...)") from exc
    if chosen.type == "cuda":
        count = torch.cuda.device_count() if torch.cuda.is_available() else 0
        if (chosen.index or 0) >= count:
            raise InputError(f"device {device!r}: this machine has {count} CUDA device(s)")
    return chosen


def placeholder_input(spec: ModalitySpec) -> np.ndarray:
    """A one-step input for a removed modality (never read: its encoder is skipped)."""
    if spec.kind is ModalityKind.TOKENS:
        return np.zeros(1, dtype=np.int64)
    if spec.kind is ModalityKind.VECTOR:
        return np.zeros(spec.dim, dtype=np.float32)
    return np.zeros((1, spec.dim), dtype=np.float32)


# -- prediction files ------------------------------------------------------------------------------

PREDICTION_FORMATS = (".csv", ".parquet")


def check_predictions_path(path: str | os.PathLike) -> Path:
    """The output path of a predictions file, checked before any work: a known suffix, a writable parent."""
    from .files import check_writable_dir

    path = Path(path)
    if path.suffix.lower() not in PREDICTION_FORMATS:
        raise ValueError(f"{path}: predictions are written as {' or '.join(PREDICTION_FORMATS)} (by the suffix)")
    if path.is_dir():
        raise ValueError(f"{path} is a directory; name the predictions file")
    check_writable_dir(path.parent if str(path.parent) else Path("."), "the predictions file's directory")
    return path


def write_predictions(path: str | os.PathLike, ids: Sequence[str], predictions: np.ndarray,
                      labels: np.ndarray | None = None) -> Path:
    """One row per sample: ``id``, ``prediction`` and, when given, ``label``; CSV or Parquet by the suffix,
    written to a temporary file and renamed into place."""
    import tempfile

    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    from .files import usual_mode

    path = check_predictions_path(path)
    columns = {"id": pa.array([str(i) for i in ids], pa.string()),
               "prediction": pa.array(np.asarray(predictions, dtype=np.float64))}
    if labels is not None:
        columns["label"] = pa.array(np.asarray(labels, dtype=np.float64))
    table = pa.table(columns)
    parent = path.parent if str(path.parent) else Path(".")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    os.close(fd)
    try:
        if path.suffix.lower() == ".csv":
            pacsv.write_csv(table, tmp)
        else:
            pq.write_table(table, tmp)
        usual_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
