"""dist_mmfuse: distributed multimodal fusion by mutual-information maximisation.

``from dist_mmfuse import load_model`` loads an exported model (api.py); torch and the rest are imported
on first use, so ``import dist_mmfuse`` stays cheap.
"""

__version__ = "0.1.0"
__all__ = ["load_model", "__version__"]


def __getattr__(name: str):
    if name == "load_model":
        from .api import load_model

        return load_model
    raise AttributeError(f"module 'dist_mmfuse' has no attribute {name!r}")
