"""Text tokenization at sharding time (never in the training loop), with a recorded identity."""

from __future__ import annotations

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
        self._tokenizer = AutoTokenizer.from_pretrained(str(self.path), local_files_only=True)

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
