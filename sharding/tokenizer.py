"""Text tokenization at sharding time (never in the training loop), with a recorded identity."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path
from typing import Any

import numpy as np

from dist_mmfuse.pretrained import default_text_model_path


class TextTokenizer:
    """A transformers tokenizer loaded from a local path, truncating to ``max_len`` tokens."""

    def __init__(self, path: str | os.PathLike | None, max_len: int):
        from transformers import AutoTokenizer

        self.path = Path(path) if path else default_text_model_path()
        if not self.path.exists():
            raise FileNotFoundError(f"{self.path}: tokenizer path does not exist (models load offline only)")
        self.max_len = max_len
        # trust_remote_code=False: a tokenizer directory (an export received from elsewhere) never runs its own code.
        self._tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True, trust_remote_code=False)

    @property
    def hf_tokenizer(self):
        """The transformers tokenizer itself (exports save its files)."""
        return self._tokenizer

    @property
    def vocab_size(self) -> int:
        return len(self._tokenizer)

    def __call__(self, text: str) -> np.ndarray:
        ids = self._tokenizer(text, truncation=True, max_length=self.max_len, add_special_tokens=True)["input_ids"]
        return np.asarray(ids, dtype=np.int32)

    def identity(self) -> dict[str, Any]:
        """What the manifest records: enough to tell whether a model's embedding table matches."""
        vocab = self._tokenizer.get_vocab()
        digest = hashlib.sha256("\n".join(sorted(vocab, key=vocab.__getitem__)).encode()).hexdigest()
        return {
            "path": str(self.path),
            "class": type(self._tokenizer).__name__,
            "vocab_size": self.vocab_size,
            "vocab_sha256": digest,
            "max_len": self.max_len,
            "do_lower_case": bool(getattr(self._tokenizer, "do_lower_case", False)),
        }


POOLINGS = ("cls", "mean")


def text_feature_encoder(tokenizer: TextTokenizer, text_features: bool, pooling: str) -> "TextFeatureEncoder | None":
    """A source's ``text_features`` / ``text_pooling`` options: the encoder, or None for token ids. A
    pooling set without text features would change nothing, so it is refused rather than ignored."""
    if not text_features:
        if pooling != "cls":
            raise ValueError(f"text_pooling {pooling!r} applies only with text_features: true")
        return None
    return TextFeatureEncoder(tokenizer, pooling)


class TextFeatureEncoder:
    """Fixed text features: a frozen pretrained encoder's vector of each sentence, computed once at
    sharding time (the utterance-level features of feature-based MSA pipelines) instead of a frozen
    encoder's forward pass in every training step.

    ``pooling`` says which vector: ``cls``, the final [CLS] state (what BERT-based MSA models fuse), or
    ``mean``, the mean of the final states of every token ([CLS] and [SEP] included), the sentence
    embedding that sentence encoders such as all-MiniLM-L6-v2 are trained to produce.

    The encoder is the tokenizer's own model, in inference mode (no dropout), run on one sentence at a
    time so a sample's vector never depends on which others share its batch. Vectors are standardised
    per dimension with statistics fixed by ``fit_standardisation``, as the converters write features,
    so augmentations of a given strength mean the same for every modality.
    """

    def __init__(self, tokenizer: TextTokenizer, pooling: str = "cls"):
        if pooling not in POOLINGS:
            raise ValueError(f"text_pooling must be one of {list(POOLINGS)}, got {pooling!r}")
        self.tokenizer = tokenizer
        self.pooling = pooling
        self._model = None
        self.dim = int(self.model.config.hidden_size)
        self.mean_D = np.zeros(self.dim)
        self.std_D = np.ones(self.dim)

    @property
    def model(self):
        """The encoder, loaded on first use (also in each writer process: it is never pickled)."""
        if self._model is None:
            from transformers import AutoModel

            self._model = AutoModel.from_pretrained(str(self.tokenizer.path), local_files_only=True,
                                                     trust_remote_code=False).eval()
        return self._model

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_model": None}

    def raw_vector(self, text: str) -> np.ndarray:
        """The raw (unstandardised) vector of one sentence, float64, pooled as ``pooling`` says."""
        import torch

        ids_1L = torch.from_numpy(self.tokenizer(text).astype(np.int64))[None]
        # One thread: the same arithmetic in every writer process, and no hang in a forked writer, where
        # an intra-op thread pool inherited from the parent deadlocks.
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            with torch.inference_mode():
                hidden_1LD = self.model(input_ids=ids_1L).last_hidden_state
        finally:
            torch.set_num_threads(threads)
        # One sentence, unpadded: every position is a real token, so the mean needs no mask.
        pooled_D = hidden_1LD[0, 0] if self.pooling == "cls" else hidden_1LD[0].double().mean(0)
        return pooled_D.double().numpy()  # the mean in float64 already; [CLS] is widened here

    def fit_standardisation(self, texts: list[str], what: str = "reference sentences") -> None:
        """Fix each dimension's mean and standard deviation to those over ``texts`` (``what`` they are,
        for the error message)."""
        self.set_standardisation(np.stack([self.raw_vector(t) for t in texts]), f"the {len(texts)} {what}")

    def set_standardisation(self, feats_ND: np.ndarray, what: str) -> None:
        """Fix each dimension's mean and standard deviation to those of raw vectors already computed
        (``raw_vector`` of N texts: ``what`` they are, for the error message)."""
        self.mean_D = feats_ND.mean(axis=0)
        std_D = feats_ND.std(axis=0)
        if not np.all(std_D > 0):
            raise ValueError(f"text features of {self.tokenizer.path}: {int(np.sum(std_D <= 0))} dimension(s) "
                             f"are constant over {what}; cannot standardise")
        self.std_D = std_D

    def standardise(self, raw_D: np.ndarray) -> np.ndarray:
        """A raw vector (or rows of them) standardised with the fixed statistics, as float32."""
        return ((raw_D - self.mean_D) / self.std_D).astype(np.float32)

    def __call__(self, text: str) -> np.ndarray:
        return self.standardise(self.raw_vector(text))

    @functools.cached_property
    def _weights_sha256(self) -> dict[str, str]:
        # Hashing the weights reads the whole model, so it is done once, not on every description.
        from dist_mmfuse.manifest import sha256_file

        weights = sorted(p for p in self.tokenizer.path.iterdir() if p.suffix in (".safetensors", ".bin"))
        return {p.name: sha256_file(p) for p in weights}

    def identity(self) -> dict[str, Any]:
        """What the build records: the encoder's weights, so a rebuild with other weights is refused."""
        identity = {"path": str(self.tokenizer.path), "dim": self.dim, "weights_sha256": self._weights_sha256}
        if self.pooling != "cls":  # only then, so builds made before the option existed still match theirs
            identity["pooling"] = self.pooling
        return identity
