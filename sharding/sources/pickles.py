"""Converters for the two pickled feature formats of the MSA literature (METHODS.md §5.2 and §5.3).

* ``mmsa``: THUIAR/MMSA ``aligned_50`` / ``unaligned_50`` / ``unaligned_39`` pickles (Self-MM, MMSA).
* ``mult``: CMU/MulT ``*_noalign.pkl`` pickles plus a label CSV for the raw text (the official MMIM
  repo). Text is matched to the pickle by id, never by row position (the official MMIM code matches
  MOSEI text by row, METHODS.md §1.6).

A pickle cannot be streamed: it is loaded once per build (writer processes share it through fork)
and converted sample by sample. It is read by a restricted unpickler that admits only what these files
hold (numpy arrays, dtypes and scalars, builtin containers and scalars): a pickle received from elsewhere
that names any other class or function is refused, naming it, before anything in it runs.
"""

from __future__ import annotations

import _compat_pickle
import builtins
import codecs
import collections
import csv
import importlib
import logging
import pickle
import re
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from dist_mmfuse.manifest import DataError
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample

from ..tokenizer import TextTokenizer
from .base import Source

log = logging.getLogger(__name__)
SPLITS = ("train", "valid", "test")
# text_bert ids come from these tokenizers (METHODS.md §1.7, §5.2).
MMSA_TEXT_BERT = {"mosi": ("bert-base-uncased", 30522), "mosei": ("bert-base-uncased", 30522),
                  "sims": ("bert-base-chinese", 21128)}
LABEL_BOUND = {"mosi": 3.0, "mosei": 3.0, "sims": 1.0}


class _ArrayType:
    """Stands for ``numpy.ndarray`` in a pickle: only ``_reconstruct`` may use it, as the type to build.
    The real class is never handed out: called with a raw buffer and an object dtype, it would turn bytes
    from the file into object pointers."""

    def __new__(cls, *args, **kwargs):
        raise pickle.UnpicklingError("refused to call numpy.ndarray (only numpy's own array pickling may use it)")


def _reconstruct(subtype, shape, dtype):
    if subtype is not _ArrayType:
        raise pickle.UnpicklingError(f"refused to load numpy's _reconstruct of {subtype!r}")
    return np.ndarray.__new__(np.ndarray, shape, dtype)  # empty: the pickle's state fills it (lists for objects)


def _frombuffer(buffer, dtype, shape, order):
    if np.dtype(dtype).hasobject:  # numpy refuses it too; say so in our words
        raise pickle.UnpicklingError("refused to load an object array from raw bytes")
    return np.frombuffer(buffer, dtype=dtype).reshape(shape, order=order)


def _numpy(name: str):
    """numpy's own function ``name`` from the module numpy 2 keeps it in (numpy 1: numpy.core)."""
    module = "numpy._core" if hasattr(np, "_core") else "numpy.core"
    return getattr(importlib.import_module(f"{module}.multiarray"), name)


# Everything an MMSA or MulT pickle needs, whichever protocol and numpy version wrote it (numpy 2 writes
# numpy._core, numpy 1 numpy.core; _codecs.encode rebuilds bytes in protocol <= 2 pickles), each mapped
# to what may be called.
SAFE_GLOBALS = {
    ("numpy", "ndarray"): lambda: _ArrayType,
    ("numpy", "dtype"): lambda: np.dtype,
    **{(f"numpy.{core}.multiarray", "_reconstruct"): lambda: _reconstruct for core in ("core", "_core")},
    **{(f"numpy.{core}.multiarray", "scalar"): lambda: _numpy("scalar") for core in ("core", "_core")},
    **{(f"numpy.{core}.numeric", "_frombuffer"): lambda: _frombuffer for core in ("core", "_core")},
    ("_codecs", "encode"): lambda: codecs.encode,
    ("collections", "OrderedDict"): lambda: collections.OrderedDict,
    **{("builtins", name): (lambda name=name: getattr(builtins, name))
       for name in ("set", "frozenset", "bytearray", "complex")},
}


class SafeUnpickler(pickle.Unpickler):
    """Admits only ``SAFE_GLOBALS``; any other class or function is refused before it is called."""

    def find_class(self, module: str, name: str):
        # Python 2 pickles name __builtin__ and copy_reg: the names Python 3 gives them.
        module, name = _compat_pickle.NAME_MAPPING.get((module, name), (module, name))
        module = _compat_pickle.IMPORT_MAPPING.get(module, module)
        if (module, name) not in SAFE_GLOBALS:
            raise pickle.UnpicklingError(f"refused to load {module}.{name}")
        return SAFE_GLOBALS[(module, name)]()


def _load_pickle(path: str | Path) -> dict[str, Any]:
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"{path}: pickle not found")
    with open(path, "rb") as handle:
        try:
            data = SafeUnpickler(handle).load()
        except pickle.UnpicklingError as exc:
            raise DataError(f"{path}: {exc}: MMSA and MulT pickles hold only numpy arrays, dtypes and builtin "
                            "containers and scalars, and loading anything else could run code") from exc
        except (EOFError, ValueError, TypeError, AttributeError, ImportError) as exc:
            raise DataError(f"{path}: not a readable pickle ({type(exc).__name__}: {exc})") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a dict of splits, found {type(data).__name__}")
    missing = [s for s in SPLITS if s not in data]
    if missing:
        raise DataError(f"{path}: missing split(s) {missing}; it has {sorted(data)}")
    return data


def _as_str(value: Any) -> str:
    if isinstance(value, bytes):
        return value.decode()
    if isinstance(value, np.ndarray):
        return "_".join(_as_str(v) for v in value.reshape(-1))
    return str(value)


def _finite_features(array: np.ndarray, where: str, nan_to_num: bool, neg_inf_to_zero: bool) -> np.ndarray:
    array = np.asarray(array, dtype=np.float32)
    if neg_inf_to_zero and np.isneginf(array).any():
        array = np.where(np.isneginf(array), np.float32(0), array)
    if not np.isfinite(array).all():
        if not nan_to_num:
            raise DataError(f"{where}: NaN or Inf in features (set the option nan_to_num=true to replace them "
                            "with 0, as the official MMIM loader does)")
        array = np.nan_to_num(array, nan=0.0, posinf=0.0, neginf=0.0)
    return array


class _PickleSource(Source):
    """Shared parts: one loaded pickle, one tokenizer, per-split arrays."""

    def __init__(self, path: str, dataset: str, tokenizer_path: str | None, text_max_len: int):
        if dataset not in LABEL_BOUND:
            raise ValueError(f"{self.kind}: dataset must be one of {sorted(LABEL_BOUND)}, got {dataset!r}")
        self.path = Path(path)
        self.dataset = dataset
        self.data = _load_pickle(self.path)
        self.tokenizer_path = tokenizer_path
        self.text_max_len = text_max_len
        self._tokenizer: TextTokenizer | None = None

    @property
    def tokenizer(self) -> TextTokenizer:
        if self._tokenizer is None:
            self._tokenizer = TextTokenizer(self.tokenizer_path, max_len=self.text_max_len)
        return self._tokenizer

    @property
    def dataset_name(self) -> str:
        return f"{self.dataset}-{self.kind}-{self.path.stem}"

    def _field(self, split: str, key: str) -> Any:
        part = self.data[split]
        if key not in part:
            raise DataError(f"{self.path}: split {split!r} has no key {key!r} (it has {sorted(part)})")
        return part[key]

    def split_sizes(self) -> dict[str, int]:
        return {split: len(self._field(split, "id")) for split in SPLITS}

    def _sequence_spec(self, name: str, key: str) -> ModalitySpec:
        array = self._field("train", key)
        return ModalitySpec(name=name, kind=ModalityKind.SEQUENCE, dim=int(array.shape[2]), max_len=int(array.shape[1]))

    def _text_spec(self) -> ModalitySpec:
        return ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=self.tokenizer.vocab_size,
                            max_len=self.text_max_len)


class MMSASource(_PickleSource):
    """THUIAR/MMSA pickles. ``text``: ``raw`` (tokenize raw_text here), ``text_bert`` (the stored ids)
    or ``features`` (the stored 768-d BERT feature sequence)."""

    kind = "mmsa"

    def __init__(self, path: str, dataset: str = "mosi", text: str = "raw", tokenizer_path: str | None = None,
                 text_max_len: int = 50, nan_to_num: bool = False):
        if text not in ("raw", "text_bert", "features"):
            raise ValueError(f"mmsa: text must be 'raw', 'text_bert' or 'features', got {text!r}")
        super().__init__(path, dataset, tokenizer_path, text_max_len)
        self.text = text
        self.nan_to_num = nan_to_num
        self.has_unimodal_labels = "regression_labels_T" in self.data["train"]

    def schema(self) -> DatasetSchema:
        if self.text == "raw":
            text = self._text_spec()
        elif self.text == "text_bert":
            ids = self._field("train", "text_bert")
            text = ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=MMSA_TEXT_BERT[self.dataset][1],
                                max_len=int(ids.shape[2]))
        else:
            text = self._sequence_spec("text", "text")
        bound = LABEL_BOUND[self.dataset]
        return DatasetSchema(
            modalities=(text, self._sequence_spec("audio", "audio"), self._sequence_spec("vision", "vision")),
            label_range=(-bound, bound),
            modality_labels=("text", "audio", "vision") if self.has_unimodal_labels else (),
        )

    def tokenizer_identity(self) -> dict[str, Any]:
        if self.text == "raw":
            return self.tokenizer.identity()
        if self.text == "text_bert":
            name, vocab = MMSA_TEXT_BERT[self.dataset]
            return {"path": name, "source": f"{self.path.name} text_bert", "vocab_size": vocab}
        return {"path": None, "source": f"{self.path.name} text (BERT features, no tokens)"}

    def description(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": str(self.path), "dataset": self.dataset, "text": self.text,
                "text_max_len": self.text_max_len, "nan_to_num": self.nan_to_num}

    def _text_length(self, split: str, row: int) -> int | None:
        if "text_bert" not in self.data[split]:
            return None
        return int(np.asarray(self.data[split]["text_bert"][row][1]).sum())

    def _length(self, split: str, key: str, row: int, full: int) -> int:
        lengths = self.data[split].get(f"{key}_lengths")
        if lengths is not None:
            length = int(lengths[row])
        else:  # aligned data: the text length (sum of the attention mask), METHODS.md §2.2
            length = self._text_length(split, row) or full
        return max(1, min(length, full))

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        ids = self._field(split, "id")
        labels = np.asarray(self._field(split, "regression_labels"), dtype=np.float64).reshape(len(ids), -1)[:, 0]
        audio, vision = self._field(split, "audio"), self._field(split, "vision")
        for row in range(start, stop):
            sample_id = _as_str(ids[row])
            where = f"{self.path} split {split!r} row {row} (id {sample_id!r})"
            features = {}
            for name, array in (("audio", audio), ("vision", vision)):
                length = self._length(split, name, row, array.shape[1])
                # -inf audio frames are set to 0 by the official loaders (METHODS.md §5.2).
                features[name] = _finite_features(array[row][:length], where, self.nan_to_num,
                                                  neg_inf_to_zero=name == "audio")
            if self.text == "raw":
                features["text"] = self.tokenizer(str(self._field(split, "raw_text")[row]))
            elif self.text == "text_bert":
                ids_row = np.asarray(self._field(split, "text_bert")[row])
                features["text"] = ids_row[0][: max(1, self._text_length(split, row))].astype(np.int32)
            else:
                text_features = self._field(split, "text")[row]
                length = self._text_length(split, row) or text_features.shape[0]
                features["text"] = _finite_features(text_features[:length], where, self.nan_to_num, False)
            modality_labels = {}
            if self.has_unimodal_labels:
                modality_labels = {name: float(self._field(split, f"regression_labels_{letter}")[row])
                                   for name, letter in (("text", "T"), ("audio", "A"), ("vision", "V"))}
            yield Sample(id=sample_id, label=float(labels[row]), features=features, modality_labels=modality_labels)


ID_RE = re.compile(r"(.*)_(.*)")


class MulTSource(_PickleSource):
    """CMU/MulT ``*_noalign.pkl`` with text from a THUIAR-format label CSV matched by (video_id, clip_id).

    ``text``: ``raw`` (the CSV text, tokenized here) or ``glove`` (the pickle's GloVe sequence).
    Sequences are left-zero-padded in these pickles: the leading all-zero frames are the padding
    (the official code counts all-zero frames anywhere, which also drops real silent frames).
    """

    kind = "mult"

    def __init__(self, path: str, labels_csv: str | None = None, dataset: str = "mosi", text: str = "raw",
                 tokenizer_path: str | None = None, text_max_len: int = 50, nan_to_num: bool = False):
        if text not in ("raw", "glove"):
            raise ValueError(f"mult: text must be 'raw' or 'glove', got {text!r}")
        if text == "raw" and not labels_csv:
            raise ValueError("mult: text='raw' needs labels_csv (the THUIAR-format label CSV with the raw text)")
        super().__init__(path, dataset, tokenizer_path, text_max_len)
        self.text = text
        self.nan_to_num = nan_to_num
        self.labels_csv = Path(labels_csv) if labels_csv else None
        self.texts = self._read_texts() if text == "raw" else {}

    def _read_texts(self) -> dict[tuple[str, str], str]:
        if not self.labels_csv.is_file():
            raise FileNotFoundError(f"{self.labels_csv}: label CSV not found")
        texts = {}
        with open(self.labels_csv, newline="") as handle:
            reader = csv.DictReader(handle)
            missing = {"video_id", "clip_id", "text"} - set(reader.fieldnames or ())
            if missing:
                raise DataError(f"{self.labels_csv}: missing column(s) {sorted(missing)}")
            for line, row in enumerate(reader, start=2):
                key = (row["video_id"].strip(), row["clip_id"].strip())
                if key in texts:
                    raise DataError(f"{self.labels_csv}: line {line}: duplicate id {key}")
                texts[key] = row["text"]
        return texts

    def _split_id(self, value: Any) -> tuple[str, str]:
        array = np.asarray(value).reshape(-1)
        if array.size >= 2:  # stored as [video_id, clip_id, ...]
            return _as_str(array[0]), _as_str(array[1])
        match = ID_RE.fullmatch(_as_str(array[0]))
        if not match:
            raise DataError(f"{self.path}: id {_as_str(value)!r} is not '<video_id>_<clip_id>'")
        return match.group(1), match.group(2)

    def schema(self) -> DatasetSchema:
        text = self._text_spec() if self.text == "raw" else self._sequence_spec("text", "text")
        bound = LABEL_BOUND[self.dataset]
        return DatasetSchema(
            modalities=(text, self._sequence_spec("audio", "audio"), self._sequence_spec("vision", "vision")),
            label_range=(-bound, bound),
        )

    def tokenizer_identity(self) -> dict[str, Any]:
        if self.text == "raw":
            return self.tokenizer.identity()
        return {"path": None, "source": f"{self.path.name} text (GloVe features, no tokens)"}

    def description(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": str(self.path), "labels_csv": str(self.labels_csv) if self.labels_csv
                else None, "dataset": self.dataset, "text": self.text, "text_max_len": self.text_max_len,
                "nan_to_num": self.nan_to_num}

    @staticmethod
    def _strip_left_padding(frames: np.ndarray) -> np.ndarray:
        nonzero = np.flatnonzero(np.any(frames != 0, axis=1))
        return frames[nonzero[0]:] if nonzero.size else frames[-1:]

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        ids = self._field(split, "id")
        labels = np.asarray(self._field(split, "labels"), dtype=np.float64).reshape(len(ids), -1)[:, 0]
        for row in range(start, stop):
            video_id, clip_id = self._split_id(ids[row])
            sample_id = f"{video_id}_{clip_id}"
            where = f"{self.path} split {split!r} row {row} (id {sample_id!r})"
            features = {}
            for name in ("audio", "vision"):
                frames = _finite_features(self._field(split, name)[row], where, self.nan_to_num, False)
                features[name] = self._strip_left_padding(frames)
            if self.text == "raw":
                text = self.texts.get((video_id, clip_id))
                if text is None:
                    raise DataError(f"{where}: no row with video_id={video_id!r}, clip_id={clip_id!r} in "
                                    f"{self.labels_csv}")
                features["text"] = self.tokenizer(text)
            else:
                glove = _finite_features(self._field(split, "text")[row], where, self.nan_to_num, False)
                features["text"] = self._strip_left_padding(glove)
            yield Sample(id=sample_id, label=float(labels[row]), features=features)
