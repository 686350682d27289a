"""Recorded clips (video files with an audio track) listed in a table (CSV or Parquet), one row per sample:

    id, media, start, end, text, label, split      (start/end in seconds, optional; split optional)

``columns`` renames them (``{"media": "path", "label": "sentiment"}``); relative media paths are taken from
``media_root`` (default: the table's directory). Each clip's features are extracted once
(dist_mmfuse/media/extract.py): ``audio``, eGeMAPS descriptors at 100 Hz; ``vision``, facial pose and
expression at ``fps``, frames without a face left out; ``text``, the transcript tokenised as the other
sources do (speech recognition needs model weights this project cannot fetch, so transcripts are given).

Extraction runs when the source is made, before anything is written: in ``workers`` local processes, or as
tasks on a Ray cluster (``ray_address``; ``local`` starts an instance here), with a progress bar. Each
clip's features are kept in ``cache_dir`` (default: ``<table>.features/`` beside the table) under a key of
the file (path, size, modification time), its segment and the extraction settings and versions, so an
interrupted build extracts only what is missing, and a changed setting extracts again. Bad media (an
unreadable or truncated file, no audio track, a segment outside the file, no face in any frame) is named
with the row's id and path: the build stops before writing anything, or with ``bad_media: skip`` the clip
is left out, logged and listed in the build's description. Features are standardised with the train
split's mean and std per dimension, recorded in the manifest and the exports.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import multiprocessing
import os
import zipfile
from pathlib import Path
from typing import Any, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

from dist_mmfuse.manifest import DataError
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample

from ..tokenizer import TextTokenizer
from .base import Source

log = logging.getLogger(__name__)
COLUMNS = ("id", "media", "start", "end", "text", "label", "split")
REQUIRED = ("id", "media", "text", "label")
BAD_MEDIA = ("error", "skip")


class MediaSource(Source):
    """Clips listed in a table (see the module docstring)."""

    kind = "media"
    path_options = ("path", "media_root", "cache_dir", "tokenizer_path")

    def __init__(self, path: str, columns: dict[str, str] | None = None, fps: float = 10.0,
                 audio_max_len: int = 3000, vision_max_len: int = 600, text_max_len: int = 50,
                 tokenizer_path: str | None = None, label_range: tuple[float, float] = (-3.0, 3.0),
                 default_split: str = "train", bad_media: str = "error", standardize: bool = True,
                 workers: int = 1, ray_address: str | None = None, cache_dir: str | None = None,
                 media_root: str | None = None):
        from dist_mmfuse.media.extract import ExtractionSettings

        self.path = Path(path)
        if not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: table not found")
        if bad_media not in BAD_MEDIA:
            raise ValueError(f"media: bad_media must be one of {BAD_MEDIA}, got {bad_media!r}")
        unknown = sorted(set(columns or {}) - set(COLUMNS))
        if unknown:
            raise ValueError(f"media: columns: unknown key(s) {unknown}; the table's columns are {list(COLUMNS)}")
        self.columns = {name: (columns or {}).get(name, name) for name in COLUMNS}
        self.settings = ExtractionSettings(fps=float(fps))
        self.audio_max_len, self.vision_max_len = int(audio_max_len), int(vision_max_len)
        self.label_range = (float(label_range[0]), float(label_range[1]))
        self.default_split, self.bad_media, self.standardize = default_split, bad_media, standardize
        self.media_root = Path(media_root) if media_root else self.path.parent
        self.cache_dir = Path(cache_dir) if cache_dir else self.path.with_name(self.path.name + ".features")
        self.tokenizer = TextTokenizer(tokenizer_path, max_len=int(text_max_len))
        self.identity = self.settings.identity()
        self.rows = self._read_table()
        features = self._extract(self.rows, max(1, int(workers)), ray_address)
        self.skipped = [{"id": r["id"], "media": r["media"], "problem": features[r["key"]]}
                        for r in self.rows if isinstance(features[r["key"]], str)]
        self.rows = [r for r in self.rows if not isinstance(features[r["key"]], str)]
        if not self.rows:
            raise DataError(f"{self.path}: no clip left to build from ({len(self.skipped)} skipped as bad media)")
        self._check_lengths()
        self.split_rows: dict[str, list[dict[str, Any]]] = {}
        for row in self.rows:
            self.split_rows.setdefault(row["split"], []).append(row)
        self.statistics = self._standardisation() if standardize else {}

    # -- the table ---------------------------------------------------------------------------------

    def _read_table(self) -> list[dict[str, Any]]:
        rows = read_clip_rows(self.path, self.columns, media_root=self.media_root, default_split=self.default_split,
                              label_range=self.label_range)
        for row in rows:
            row["key"] = self._cache_key(row)
        return rows

    def _cache_key(self, row: dict[str, Any]) -> str:
        try:
            stat = os.stat(row["media"])
            fingerprint = [stat.st_size, stat.st_mtime_ns, stat.st_ino, stat.st_ctime_ns]  # a copy with -p changes ctime
        except OSError:
            fingerprint = None  # extraction names the missing file
        text = json.dumps([row["media"], fingerprint, row["start"], row["end"], self.identity], sort_keys=True)
        return hashlib.sha256(text.encode()).hexdigest()[:32]

    # -- extraction --------------------------------------------------------------------------------

    def _cache_file(self, key: str) -> Path:
        return self.cache_dir / f"{key}.npz"

    def _extract(self, rows: list[dict[str, Any]], workers: int, ray_address: str | None) -> dict[str, Any]:
        """Per row key: its cached features file, or the problem (a string) of a clip skipped as bad media."""
        from tqdm import tqdm

        self.cache_dir.mkdir(parents=True, exist_ok=True)
        results: dict[str, Any] = {r["key"]: self._cache_file(r["key"]) for r in rows
                                   if _usable_cache_file(self._cache_file(r["key"]))}
        todo = [r for r in rows if r["key"] not in results]
        if todo:
            log.info("media: extracting the features of %d clip(s) (%d cached in %s) with %s", len(todo),
                     len(rows) - len(todo), self.cache_dir,
                     f"Ray ({ray_address})" if ray_address else f"{workers} process(es)")
        jobs = [(r["key"], r["media"], r["start"], r["end"], self.settings) for r in todo]
        by_key = {r["key"]: r for r in todo}
        with tqdm(total=len(jobs), desc="extracting", unit="clip", disable=not jobs) as progress:
            for key, outcome in _run_jobs(jobs, workers, ray_address):
                progress.update(1)
                row = by_key[key]
                if isinstance(outcome, Crash):  # not bad media: a fault to fix, whatever bad_media says
                    raise DataError(f"{row['where']}: extracting {row['media']} failed: {outcome.message}")
                if isinstance(outcome, str):
                    message = f"{row['where']}: {outcome}"
                    if self.bad_media != "skip":
                        raise DataError(f"{message} (bad_media: skip leaves such clips out)")
                    log.warning("media: skipping %s", message)
                    results[key] = outcome
                    continue
                _save_atomically(self._cache_file(key), outcome)
                results[key] = self._cache_file(key)
        return results

    def _load(self, row: dict[str, Any]) -> dict[str, np.ndarray]:
        with np.load(self._cache_file(row["key"]), allow_pickle=False) as arrays:
            return {name: arrays[name] for name in arrays.files}

    def _check_lengths(self) -> None:
        self.frames = {"analysed": 0, "with_face": 0}
        for row in self.rows:
            arrays = self._load(row)
            for name, limit, option in (("audio", self.audio_max_len, "audio_max_len"),
                                        ("vision", self.vision_max_len, "vision_max_len")):
                if len(arrays[name]) > limit:
                    raise DataError(f"{row['where']}: {len(arrays[name])} {name} frames, more than {option}={limit}; "
                                    f"raise {option} or cut the clip into segments (start, end)")
            self.frames["analysed"] += int(arrays["frames"])
            self.frames["with_face"] += int(arrays["frames_with_face"])

    def _standardisation(self) -> dict[str, dict[str, list[float]]]:
        rows = self.split_rows.get("train")
        if not rows:
            raise DataError(f"{self.path}: no clip in the split 'train' (splits: {sorted(self.split_rows)}), whose "
                            "statistics standardise the features; name the training rows' split train, or set "
                            "standardize=false")
        statistics = {}
        for name in ("audio", "vision"):
            frames = np.concatenate([self._load(r)[name] for r in rows]).astype(np.float64)
            # Rounded as recorded, so the recorded statistics reproduce the written features exactly. A feature
            # (nearly) constant over the train clips is only centred: divided by a tiny spread, the others'
            # values would overflow float16.
            mean, std = frames.mean(0).round(8), frames.std(0).round(8)
            statistics[name] = {"mean": mean.tolist(), "std": np.where(std > 1e-3, std, 1.0).tolist()}
        return statistics

    # -- the Source interface ----------------------------------------------------------------------

    @property
    def dataset_name(self) -> str:
        return f"media-{self.path.stem}"

    def schema(self) -> DatasetSchema:
        from dist_mmfuse.media.audio import feature_names
        from dist_mmfuse.media.face import FEATURE_NAMES

        return DatasetSchema(modalities=(
            ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=self.tokenizer.vocab_size,
                         max_len=self.tokenizer.max_len),
            ModalitySpec(name="audio", kind=ModalityKind.SEQUENCE, dim=len(feature_names()), max_len=self.audio_max_len),
            ModalitySpec(name="vision", kind=ModalityKind.SEQUENCE, dim=len(FEATURE_NAMES),
                         max_len=self.vision_max_len),
        ), label_range=self.label_range)

    def split_sizes(self) -> dict[str, int]:
        return {split: len(rows) for split, rows in self.split_rows.items()}

    def tokenizer_identity(self) -> dict[str, Any] | None:
        return self.tokenizer.identity()

    def standardisation(self) -> dict[str, dict[str, list[float]]]:
        return self.statistics

    def description(self) -> dict[str, Any]:
        return {"kind": self.kind, "path": str(self.path), "columns": self.columns, "extraction": self.identity,
                "audio_max_len": self.audio_max_len, "vision_max_len": self.vision_max_len,
                "label_range": list(self.label_range), "bad_media": self.bad_media, "standardize": self.standardize,
                "frames": self.frames, "skipped": self.skipped}

    def iter_samples(self, split: str, start: int, stop: int) -> Iterator[Sample]:
        for row in self.split_rows[split][start:stop]:
            arrays = self._load(row)
            features = {"text": self.tokenizer(row["text"])}
            for name in ("audio", "vision"):
                values = arrays[name].astype(np.float64)
                if name in self.statistics:
                    stats = self.statistics[name]
                    values = (values - np.asarray(stats["mean"])) / np.asarray(stats["std"])
                features[name] = values.astype(np.float32)
            yield Sample(id=row["id"], label=row["label"], features=features)


def read_clip_rows(path: Path, columns: dict[str, str], *, media_root: Path, default_split: str = "train",
                   label_range: tuple[float, float] = (-3.0, 3.0), need_label: bool = True) -> list[dict[str, Any]]:
    """The rows of a table of clips as ``{id, media (a path), start, end, text, label, split, where}``;
    DataError naming the row and id for a cell that cannot be used. ``need_label=False`` (prediction): the
    label column may be absent (label None)."""
    try:
        # ids, paths, transcripts and splits stay strings ("007" is not 7)
        strings = {columns[c]: pa.string() for c in ("id", "media", "text", "split")}
        table = (pq.read_table(path) if path.suffix.lower() in (".parquet", ".pq")
                 else pacsv.read_csv(path, convert_options=pacsv.ConvertOptions(
                     strings_can_be_null=True, column_types=strings, null_values=[""])))  # "NA" is a transcript
    except Exception as exc:  # pyarrow raises its own errors for malformed files
        raise DataError(f"{path}: cannot read the table: {exc}") from None
    required = [c for c in REQUIRED if need_label or c != "label"]
    missing = [columns[c] for c in required if columns[c] not in table.column_names]
    if missing:
        raise DataError(f"{path}: missing column(s) {missing} (it has {table.column_names}); "
                        "rename them with the columns option")
    present = {name: column for name, column in columns.items() if column in table.column_names}
    data = {name: table.column(column).to_pylist() for name, column in present.items()}
    rows, seen = [], set()
    for number in range(table.num_rows):
        cell = {name: values[number] for name, values in data.items()}
        sample_id = str(cell["id"]) if cell["id"] is not None else ""
        where = f"{path} row {number + 1} (id {sample_id!r})"
        if not sample_id or sample_id in seen:
            raise DataError(f"{where}: the id is {'empty' if not sample_id else 'used by an earlier row'}")
        seen.add(sample_id)
        if not cell["media"]:
            raise DataError(f"{where}: no media path")
        try:
            label = None if cell.get("label") in (None, "") and not need_label else float(cell["label"])
            start = None if cell.get("start") in (None, "") else float(cell["start"])
            end = None if cell.get("end") in (None, "") else float(cell["end"])
        except (TypeError, ValueError) as exc:
            raise DataError(f"{where}: label, start and end must be numbers: {exc}") from None
        if label is not None and (not math.isfinite(label) or not label_range[0] <= label <= label_range[1]):
            raise DataError(f"{where}: label {label} outside {list(label_range)}")
        media = Path(str(cell["media"]))
        media = (media if media.is_absolute() else media_root / media).resolve()  # Ray workers run elsewhere
        split = str(cell["split"]) if cell.get("split") not in (None, "") else default_split
        rows.append({"id": sample_id, "media": str(media), "start": start, "end": end,
                     "text": str(cell["text"] or ""), "label": label, "split": split, "where": where})
    return rows


CACHE_ARRAYS = ("audio", "vision", "frames", "frames_with_face")


def _usable_cache_file(path: Path) -> bool:
    """A cached features file that reads back whole (else it is extracted again)."""
    if not path.is_file():
        return False
    try:
        with np.load(path, allow_pickle=False) as arrays:
            return set(CACHE_ARRAYS) <= set(arrays.files) and all(arrays[name].size for name in ("audio", "vision"))
    except (OSError, ValueError, EOFError, KeyError, zipfile.BadZipFile):
        log.warning("media: %s cannot be read back; extracting that clip again", path)
        return False


def _save_atomically(path: Path, features) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp.npz")
    try:
        with open(tmp, "wb") as handle:
            np.savez(handle, audio=features.audio, vision=features.vision, frames=np.int64(features.frames),
                     frames_with_face=np.int64(features.frames_with_face))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def _extract_job(job: tuple) -> tuple[str, Any]:
    """``(key, ClipFeatures)``, or ``(key, problem)`` for bad media (the caller decides what that means)."""
    from dist_mmfuse.media.decode import MediaError, Segment
    from dist_mmfuse.media.extract import extract_clip

    key, media, start, end, settings = job
    try:
        return key, extract_clip(Segment(media, start, end), settings)
    except MediaError as exc:
        return key, str(exc)
    except Exception as exc:  # named by the caller with the row, not lost in a worker's traceback
        return key, Crash(f"{type(exc).__name__}: {exc}")


class Crash:
    """An extraction that failed for another reason than bad media (a bug, a missing package)."""

    def __init__(self, message: str):
        self.message = message


def _run_jobs(jobs: list[tuple], workers: int, ray_address: str | None) -> Iterator[tuple[str, Any]]:
    if not jobs:
        return
    if ray_address:
        yield from _run_on_ray(jobs, ray_address)
    elif workers <= 1 or len(jobs) == 1:
        yield from map(_extract_job, jobs)
    else:
        with multiprocessing.get_context("spawn").Pool(min(workers, len(jobs))) as pool:
            yield from pool.imap_unordered(_extract_job, jobs)


def _run_on_ray(jobs: list[tuple], address: str) -> Iterator[tuple[str, Any]]:
    """The jobs as Ray tasks, one CPU each, results as they finish; ``local`` starts an instance here, in
    the environment the tuning gives its own (tuning.ray_environment)."""
    import ray

    from dist_mmfuse.ray_output import ray_init_options
    from dist_mmfuse.tuning import ray_environment

    local = address == "local"
    with ray_environment(None if local else address, verbose=False):
        ray.init(address="local" if local else address, **ray_init_options(False))
        try:
            task = ray.remote(num_cpus=1)(_extract_job)
            pending = [task.remote(job) for job in jobs]
            while pending:
                done, pending = ray.wait(pending, num_returns=1)
                yield ray.get(done[0])
        finally:
            ray.shutdown()
