"""dist_mmfuse: distributed multimodal fusion by mutual-information maximisation."""

__version__ = "0.1.0"
