"""The interface every converter source implements."""

from __future__ import annotations

import abc
from typing import Any, Iterator

from dist_mmfuse.schema import DatasetSchema, Sample


class Source(abc.ABC):
    """A dataset to convert: its schema, its splits and their samples in a fixed order.

    ``iter_samples(split, start, stop)`` yields the samples at positions ``[start, stop)`` of a split,
    without holding the split twice in memory; the writer assigns global indices. Several writer
    processes call it on disjoint ranges, so a source must give the same samples for the same
    positions every time.
    """

    #: the ``--source`` name on the command line
    kind: str = ""
    #: options that name files or directories (relative ones in a config are taken from the config's directory)
    path_options: tuple[str, ...] = ("path", "labels_csv", "tokenizer_path")

    @property
    @abc.abstractmethod
    def dataset_name(self) -> str: ...

    @abc.abstractmethod
    def schema(self) -> DatasetSchema: ...

    @abc.abstractmethod
    def split_sizes(self) -> dict[str, int]:
        """Sample count per split, in the order global indices are assigned."""

    @abc.abstractmethod
    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]: ...

    def tokenizer_identity(self) -> dict[str, Any] | None:
        return None

    def standardisation(self) -> dict[str, dict[str, list[float]]]:
        """Per modality, the ``mean`` and ``std`` (one per feature dimension) this source subtracted and
        divided by before writing, so a raw feature vector ``x`` became ``(x - mean) / std``. Recorded in
        the manifest and in model exports, where predictions on raw features apply it again."""
        return {}

    @abc.abstractmethod
    def description(self) -> dict[str, Any]:
        """The source's parameters, recorded in the manifest so a dataset can be rebuilt."""


def parse_key_values(items: list[str] | None, what: str) -> dict[str, str]:
    """Parse ``["a=1", "b=x"]`` into a dict; errors name ``what`` (the flag)."""
    parsed = {}
    for item in items or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise ValueError(f"{what}: expected key=value, got {item!r}")
        parsed[key] = value
    return parsed
