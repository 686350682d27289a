"""Generic tables: Parquet, Arrow IPC (Feather) or CSV, one row per sample, read in record batches.

The ``spec`` (a dict, or a YAML file path) maps columns to the sample::

    id: clip_id                 # column with the original id
    label: score                # regression label column
    split: fold                 # optional; without it every row goes to ``default_split``
    label_range: [-3, 3]
    modalities:
      - {name: text, column: transcript, kind: text, max_len: 50}   # a string column, tokenized here
      - {name: audio, column: audio, kind: sequence, dim: 74, max_len: 500}
      - {name: vision, column: vision, kind: vector, dim: 35}
    modality_labels: {text: label_t}   # optional

Array cells are list columns (Parquet, Arrow) or JSON lists in a string cell (CSV). A sequence cell is
a list of frames or one flat list of ``T * dim`` numbers; ``kind: tokens`` reads ready-made ids.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import yaml

from dist_mmfuse.manifest import DataError
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample

from ..tokenizer import TextTokenizer
from .base import Source

SPEC_KEYS = {"id", "label", "split", "label_range", "modalities", "modality_labels"}
MODALITY_KEYS = {"name", "column", "kind", "dim", "max_len"}


TABLE_FORMATS = {".parquet": "parquet", ".pq": "parquet", ".arrow": "arrow", ".feather": "arrow", ".ipc": "arrow",
                 ".csv": "csv"}


class TableFile:
    """A table file and its column ``spec``: record batches, and cells as arrays. Sharding (TableSource)
    and prediction (``launch/predict.py``, which needs no label column) read tables through it."""

    def __init__(self, path: str | Path, spec: dict | str, *, need_label: bool = True, need_kind: bool = True,
                 batch_rows: int = 1024):
        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: table not found")
        self.format = TABLE_FORMATS.get(self.path.suffix.lower())
        if self.format is None:
            raise ValueError(f"{self.path}: unknown table format (use .parquet, .arrow/.feather or .csv)")
        self.spec_origin = str(spec) if isinstance(spec, (str, Path)) else "inline"
        try:
            self.spec = yaml.safe_load(Path(spec).read_text()) if isinstance(spec, (str, Path)) else dict(spec)
        except (OSError, yaml.YAMLError) as exc:
            raise ValueError(f"table spec {self.spec_origin}: cannot read it: {exc}") from exc
        if not isinstance(self.spec, dict):
            raise ValueError(f"table spec {self.spec_origin}: expected a mapping of id, label, modalities, ...")
        required = {"id", "modalities"} | ({"label"} if need_label else set())
        unknown = set(self.spec) - SPEC_KEYS
        if unknown or required - set(self.spec):
            raise ValueError(f"table spec {self.spec_origin}: needs {sorted(required)}; missing "
                             f"{sorted(required - set(self.spec))}, unknown keys {sorted(unknown)}")
        self.batch_rows = batch_rows
        self.columns: dict[str, dict[str, Any]] = {}
        needed = {"name", "column"} | ({"kind"} if need_kind else set())
        for entry in self.spec["modalities"]:
            extra = set(entry) - MODALITY_KEYS
            if extra or needed - set(entry):
                raise ValueError(f"table spec {self.spec_origin}: modality entry {entry} needs {sorted(needed)} "
                                 f"(unknown keys {sorted(extra)})")
            self.columns[entry["name"]] = entry

    def column_names(self) -> list[str]:
        if self.format == "parquet":
            return list(pq.ParquetFile(self.path).schema_arrow.names)
        return list(next(self._batches(None)).schema.names)

    def _batches(self, columns: list[str] | None) -> Iterator[pa.RecordBatch]:
        if self.format == "parquet":
            yield from pq.ParquetFile(self.path).iter_batches(batch_size=self.batch_rows, columns=columns)
        elif self.format == "arrow":
            with pa.memory_map(str(self.path)) as source:
                try:
                    reader = pa.ipc.open_file(source)
                    batches = (reader.get_batch(i) for i in range(reader.num_record_batches))
                except pa.ArrowInvalid:
                    batches = iter(pa.ipc.open_stream(source))
                for batch in batches:
                    yield batch.select(columns) if columns else batch
        else:
            options = pacsv.ConvertOptions(include_columns=columns or [],
                                           column_types={c: pa.string() for c in columns or ()})
            yield from pacsv.open_csv(self.path, convert_options=options)

    def rows(self, columns: list[str]) -> Iterator[tuple[int, dict[str, Any]]]:
        """``(row number, {column: cell})`` for every row, in file order (cells as Python values)."""
        offset = 0
        for batch in self._batches(columns):
            table = batch.to_pydict()
            for i in range(batch.num_rows):
                yield offset + i, {column: table[column][i] for column in columns}
            offset += batch.num_rows

    def cell_array(self, value: Any, entry: dict[str, Any], where: str) -> np.ndarray:
        """A list cell (or a JSON list in a CSV cell) as the array of a ``kind`` tokens, sequence or vector."""
        if isinstance(value, str):  # CSV: a JSON list
            try:
                value = json.loads(value)
            except json.JSONDecodeError as exc:
                raise DataError(f"{where}: column {entry['column']!r} is not a JSON list: {exc}") from exc
        if value is None:
            raise DataError(f"{where}: column {entry['column']!r} is empty")
        try:
            if entry["kind"] == "tokens":
                return np.asarray(value, dtype=np.int32)
            array = np.asarray(value, dtype=np.float32)
            if entry["kind"] == "sequence" and array.ndim == 1:  # frames one after another
                array = array.reshape(-1, int(entry["dim"]))
            return array
        except (TypeError, ValueError) as exc:
            raise DataError(f"{where}: column {entry['column']!r} does not hold a {entry['kind']} of numbers: "
                            f"{exc}") from exc


class TableSource(TableFile, Source):
    """One table file described by a column ``spec`` (see the module docstring)."""

    kind = "table"
    path_options = ("path", "spec", "tokenizer_path")

    def __init__(self, path: str, spec: dict | str, default_split: str = "train", tokenizer_path: str | None = None,
                 batch_rows: int = 1024):
        super().__init__(path, spec, batch_rows=batch_rows)
        self.default_split = default_split
        self.tokenizer_path = tokenizer_path
        self.tokenizers = {name: TextTokenizer(tokenizer_path, max_len=int(entry.get("max_len", 50)))
                           for name, entry in self.columns.items() if entry["kind"] == "text"}
        self._split_rows = self._scan_splits()

    @property
    def dataset_name(self) -> str:
        return f"table-{self.path.stem}"

    def _scan_splits(self) -> dict[str, list[int]]:
        split_column = self.spec.get("split")
        if not split_column:
            count = sum(b.num_rows for b in self._batches([self.spec["id"]]))
            return {self.default_split: list(range(count))}
        rows: dict[str, list[int]] = {}
        offset = 0
        for batch in self._batches([split_column]):
            for i, split in enumerate(batch.column(0).to_pylist()):
                rows.setdefault(str(split), []).append(offset + i)
            offset += batch.num_rows
        return rows

    def split_sizes(self) -> dict[str, int]:
        return {split: len(rows) for split, rows in self._split_rows.items()}

    def schema(self) -> DatasetSchema:
        specs = []
        for name, entry in self.columns.items():
            kind = entry["kind"]
            if kind == "text":
                specs.append(ModalitySpec(name=name, kind=ModalityKind.TOKENS, dim=self.tokenizers[name].vocab_size,
                                          max_len=self.tokenizers[name].max_len))
            else:
                specs.append(ModalitySpec(name=name, kind=ModalityKind(kind), dim=int(entry["dim"]),
                                          max_len=int(entry.get("max_len", 1))))
        low, high = self.spec.get("label_range", (-3.0, 3.0))
        return DatasetSchema(modalities=tuple(specs), label_range=(float(low), float(high)),
                             modality_labels=tuple(self.spec.get("modality_labels", {})))

    def tokenizer_identity(self) -> dict[str, Any] | None:
        return next(iter(self.tokenizers.values())).identity() if self.tokenizers else None

    def description(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": str(self.path), "spec": self.spec, "default_split": self.default_split}

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        wanted = self._split_rows[split][start:stop]
        if not wanted:
            return
        wanted_set, first, last = set(wanted), wanted[0], wanted[-1]
        label_columns = self.spec.get("modality_labels", {})
        columns = list(dict.fromkeys([self.spec["id"], self.spec["label"], *label_columns.values(),
                                      *(e["column"] for e in self.columns.values())]))
        offset = 0
        for batch in self._batches(columns):
            if offset + batch.num_rows <= first:
                offset += batch.num_rows
                continue
            table = batch.to_pydict()
            for i in range(batch.num_rows):
                row = offset + i
                if row not in wanted_set:
                    continue
                sample_id = str(table[self.spec["id"]][i])
                where = f"{self.path} row {row} (id {sample_id!r})"
                features = {}
                for name, entry in self.columns.items():
                    value = table[entry["column"]][i]
                    features[name] = (self.tokenizers[name](str(value)) if entry["kind"] == "text"
                                      else self.cell_array(value, entry, where))
                try:
                    label = float(table[self.spec["label"]][i])
                    modality_labels = {m: float(table[c][i]) for m, c in label_columns.items()}
                except (TypeError, ValueError) as exc:
                    raise DataError(f"{where}: label is not a number: {exc}") from exc
                yield Sample(id=sample_id, label=label, features=features, modality_labels=modality_labels)
            offset += batch.num_rows
            if offset > last:
                return
