"""The real CMU-MOSI set in ``../shared/data/mosi_real``: transcripts, labels, utterance features.

Its README matters: ``video`` and ``text_cnn`` were produced by networks trained on the
``split_bclstm`` train rows, which cover most of the standard valid and test folds. So:

* ``split="std"`` (the standard 1284/229/686 folds) allows only ``text`` and ``audio``: a clean bimodal
  benchmark. Asking for a leaky feature there raises unless ``allow_leaky_features`` is set.
* ``split="bclstm"`` allows every feature; its train rows are split into train and valid by holding out
  whole videos (``valid_fraction`` of them, drawn by ``seed``), so no video crosses folds. Its test rows
  are clean; its train and valid rows are not, in ``video`` and ``text_cnn`` (those networks saw their
  labels), so a model can lean on them in training and selection and fail on test
  (bench/feature_leak_probe.py measures it). Asking for them there logs a warning saying so.

The utterance features are raw (openSMILE audio dims range from a standard deviation of 0.0008 to 53,
values up to 376). ``standardize`` (default on) z-scores every feature dimension with the mean and
standard deviation of the *train* split only, recorded in the manifest. Unscaled, MMIM's unbounded
log-likelihood term starts near -3,500 and its clipped gradients leave the task loss almost untrained.

``text_features`` stores text as fixed features instead of token ids: the frozen pretrained encoder's vector
of each transcript (``TextFeatureEncoder``: the tokenizer's model, one transcript at a time in inference
mode; ``text_pooling`` ``cls``, its [CLS] state, or ``mean``, the mean over tokens, the sentence embedding
MiniLM-L6 was trained for), a ``vector`` modality computed once here, so no training step runs a text model. With
``standardize`` it is z-scored per dimension like the other features, with the *train* split's mean and
standard deviation (recorded in the manifest as ``text``).
"""

from __future__ import annotations

import csv
import logging
import os
from pathlib import Path
from typing import Any, Iterator

import numpy as np

from dist_mmfuse.manifest import DataError
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample

from ..tokenizer import TextTokenizer, text_feature_encoder
from .base import Source

FEATURES = ("audio", "video", "text_cnn")
LEAKY_ON_STD = ("video", "text_cnn")
REPO_ROOT = Path(__file__).resolve().parents[2]
log = logging.getLogger(__name__)


def default_mosi_root() -> Path:
    """``$DIST_MMFUSE_MOSI_REAL``, else ``../shared/data/mosi_real`` beside the repository."""
    return Path(os.environ.get("DIST_MMFUSE_MOSI_REAL", REPO_ROOT.parent / "shared" / "data" / "mosi_real"))


class MosiRealSource(Source):
    kind = "mosi_real"
    path_options = ("root", "tokenizer_path")

    def __init__(self, root: str | None = None, split: str = "std", features: list[str] | None = None,
                 allow_leaky_features: bool = False, valid_fraction: float = 0.1, seed: int = 0,
                 tokenizer_path: str | None = None, text_max_len: int = 50, standardize: bool = True,
                 text_features: bool = False, text_pooling: str = "cls"):
        self.root = Path(root) if root else default_mosi_root()
        if split not in ("std", "bclstm"):
            raise ValueError(f"mosi_real: split must be 'std' or 'bclstm', got {split!r}")
        features = list(features) if features is not None else (["audio"] if split == "std" else list(FEATURES))
        unknown = sorted(set(features) - set(FEATURES))
        if unknown:
            raise ValueError(f"mosi_real: unknown feature(s) {unknown}; choose from {list(FEATURES)}")
        leaky = sorted(set(features) & set(LEAKY_ON_STD))
        if split == "std" and leaky and not allow_leaky_features:
            raise ValueError(f"mosi_real: feature(s) {leaky} leak labels on the standard folds (see "
                             f"{self.root / 'README.md'}); use split='bclstm' or set allow_leaky_features")
        if split == "bclstm" and leaky:
            log.warning("mosi_real: feature(s) %s on split='bclstm' carry the labels of its train and valid rows "
                        "(their networks were trained on them) but not of its test rows: validation will favour "
                        "models that lean on them (docs/data.md, the real CMU-MOSI source)", leaky)
        if not 0 < valid_fraction < 1:
            raise ValueError(f"mosi_real: valid_fraction must be in (0, 1), got {valid_fraction}")
        self.split, self.features = split, features
        self.allow_leaky_features, self.valid_fraction, self.seed = allow_leaky_features, valid_fraction, seed
        self.tokenizer = TextTokenizer(tokenizer_path, max_len=text_max_len)
        self.rows = self._read_rows()
        arrays = np.load(self.root / "utterance_features.npz", allow_pickle=False)
        ids = arrays["id"]
        if list(ids) != [r["id"] for r in self.rows]:
            raise DataError(f"{self.root / 'utterance_features.npz'}: ids do not match segments.csv row by row")
        self.split_rows = self._assign_splits()
        self.standardize = standardize
        self.arrays, self.statistics = {}, {}
        train = self.split_rows["train"]
        for name in features:
            values = arrays[name].astype(np.float64)
            if standardize:
                # Rounded as recorded, so the recorded statistics reproduce the written features exactly.
                mean, std = values[train].mean(0).round(8), values[train].std(0).round(8)
                std = np.where(std > 1e-8, std, 1.0)  # constant dims stay as they are, centred
                values = (values - mean) / std
                self.statistics[name] = {"mean": mean.tolist(), "std": std.tolist()}
            self.arrays[name] = values.astype(np.float32)
        self.text_encoder = text_feature_encoder(self.tokenizer, text_features, text_pooling)
        self.text_vectors = None
        if self.text_encoder:
            # Every transcript's raw vector, once (the train rows' also fix the statistics).
            raw_ND = np.stack([self.text_encoder.raw_vector(r["text"]) for r in self.rows])
            if standardize:
                self.text_encoder.set_standardisation(raw_ND[train], f"the {len(train)} train transcripts")
                self.statistics["text"] = {"mean": self.text_encoder.mean_D.tolist(),
                                           "std": self.text_encoder.std_D.tolist()}
            self.text_vectors = self.text_encoder.standardise(raw_ND)

    def _read_rows(self) -> list[dict[str, str]]:
        path = self.root / "segments.csv"
        if not path.is_file():
            raise FileNotFoundError(f"{path}: the real CMU-MOSI set is not there (set root or DIST_MMFUSE_MOSI_REAL)")
        with open(path, newline="") as handle:
            return list(csv.DictReader(handle))

    def _assign_splits(self) -> dict[str, list[int]]:
        column = f"split_{self.split}"
        if self.split == "std":
            return {s: [i for i, r in enumerate(self.rows) if r[column] == s] for s in ("train", "valid", "test")}
        train_rows = [i for i, r in enumerate(self.rows) if r[column] == "train"]
        videos = sorted({self.rows[i]["video_id"] for i in train_rows})
        rng = np.random.default_rng(self.seed)
        held_out = set(rng.choice(videos, size=max(1, round(len(videos) * self.valid_fraction)), replace=False))
        return {
            "train": [i for i in train_rows if self.rows[i]["video_id"] not in held_out],
            "valid": [i for i in train_rows if self.rows[i]["video_id"] in held_out],
            "test": [i for i, r in enumerate(self.rows) if r[column] == "test"],
        }

    @property
    def dataset_name(self) -> str:
        return f"mosi-real-{self.split}"

    def schema(self) -> DatasetSchema:
        modalities = [ModalitySpec(name="text", kind=ModalityKind.VECTOR, dim=self.text_encoder.dim, max_len=1)
                      if self.text_encoder else
                      ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=self.tokenizer.vocab_size,
                                   max_len=self.tokenizer.max_len)]
        modalities += [ModalitySpec(name=name, kind=ModalityKind.VECTOR, dim=int(self.arrays[name].shape[1]),
                                    max_len=1) for name in self.features]
        return DatasetSchema(modalities=tuple(modalities), label_range=(-3.0, 3.0))

    def split_sizes(self) -> dict[str, int]:
        return {split: len(rows) for split, rows in self.split_rows.items()}

    def tokenizer_identity(self) -> dict[str, Any]:
        return self.tokenizer.identity()

    def description(self) -> dict[str, Any]:
        description = {"kind": self.kind, "root": str(self.root), "split": self.split, "features": self.features,
                       "allow_leaky_features": self.allow_leaky_features, "valid_fraction": self.valid_fraction,
                       "seed": self.seed, "text_max_len": self.tokenizer.max_len, "standardize": self.standardize}
        if self.text_encoder:  # only then, so builds made before the option existed still match theirs
            description["text_features"] = self.text_encoder.identity()
        return description

    def standardisation(self) -> dict[str, dict[str, list[float]]]:
        return self.statistics

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        for row in self.split_rows[split][start:stop]:
            record = self.rows[row]
            features = {"text": self.text_vectors[row] if self.text_encoder else self.tokenizer(record["text"])}
            features.update({name: self.arrays[name][row] for name in self.features})
            yield Sample(id=record["id"], label=float(record["label"]), features=features)
