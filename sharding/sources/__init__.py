"""Dataset sources the sharding tool converts, by ``--source`` name."""

from __future__ import annotations

import inspect
from typing import Any

from .base import Source
from .media import MediaSource
from .mosi_real import MosiRealSource
from .pickles import MMSASource, MulTSource
from .synthetic import SyntheticSource
from .table import TableSource

SOURCES: dict[str, type[Source]] = {cls.kind: cls for cls in
                                    (SyntheticSource, MMSASource, MulTSource, TableSource, MosiRealSource,
                                                             MediaSource)}


def check_source_options(kind: str, options: dict[str, Any]) -> None:
    """Raise ValueError naming an unknown source or any option its constructor does not take."""
    if kind not in SOURCES:
        raise ValueError(f"unknown source {kind!r}; choose from {sorted(SOURCES)}")
    params = {p for p in inspect.signature(SOURCES[kind].__init__).parameters if p != "self"}
    unknown = sorted(set(options) - params)
    if unknown:
        raise ValueError(f"source {kind!r}: unknown option(s) {unknown}; it takes {sorted(params)}")


def make_source(kind: str, options: dict[str, Any]) -> Source:
    """Construct a source after checking its options."""
    check_source_options(kind, options)
    return SOURCES[kind](**options)
