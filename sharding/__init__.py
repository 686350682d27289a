"""Conversion of multimodal sentiment datasets into WebDataset tar shards with a manifest."""
