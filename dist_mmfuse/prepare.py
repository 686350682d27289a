"""Build a config's shard directory on first use (the quick start's embedded default dataset)."""

from __future__ import annotations

import contextlib
import fcntl
import os
from pathlib import Path
from typing import Iterator

from .config import Config, ConfigError, check_against_manifest, missing_shard_dir_message
from .manifest import MANIFEST_NAME, Manifest, check_shard_files, load_manifest


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on the file ``path`` and remove it when done, even after an error, so no lock
    file stays behind. A process that was waiting on the file when it was removed takes the lock again on
    whatever file is at ``path`` now, so two processes never both think they hold it."""
    while True:
        handle = open(path, "a")
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            if os.fstat(handle.fileno()).st_ino == os.stat(path).st_ino:
                break
        except FileNotFoundError:
            pass
        handle.close()
    try:
        yield
    finally:
        path.unlink(missing_ok=True)
        handle.close()


def prepare_data(config: Config, config_path: str | Path = "<config>") -> tuple[Manifest, bool]:
    """Return the manifest of ``data.shard_dir``, building it from ``data.prepare`` if it is absent.

    Safe to call from every rank at once: a file lock lets one process build while the others wait,
    and a restarted build keeps the shards an interrupted one finished. Then every shard of the splits
    the run reads must be there with the manifest's size (DataError otherwise). Returns (manifest,
    built now).
    """
    data = config.data
    splits = [data.train_split, data.valid_split, data.test_split]
    if data.remote:  # built beforehand (data.prepare builds local directories only): manifest and shards must be there
        try:
            manifest = load_manifest(data.shard_dir)
        except FileNotFoundError:
            raise ConfigError(missing_shard_dir_message(config, config_path)) from None
        check_against_manifest(config, manifest, config_path)
        check_shard_files(data.shard_dir, manifest, splits)
        return manifest, False
    shard_dir = Path(data.shard_dir)
    built = False
    if not (shard_dir / MANIFEST_NAME).is_file() and data.prepare is None:
        raise ConfigError(missing_shard_dir_message(config, config_path))
    if not (shard_dir / MANIFEST_NAME).is_file():
        from sharding.cli import build_dataset

        shard_dir.parent.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(shard_dir.parent / f".{shard_dir.name}.lock"):
            if not (shard_dir / MANIFEST_NAME).is_file():
                prep = data.prepare
                # Never silent: a mistyped data.shard_dir would otherwise train on a new dataset unnoticed.
                print(f"{config_path}: data.shard_dir {shard_dir} has no {MANIFEST_NAME}, so data.prepare builds it "
                      f"now: source {prep.source}, options {prep.options or '{}'}"
                      + (" (resuming an interrupted build)" if shard_dir.exists() else "")
                      + ". If you meant existing shards, stop and check data.shard_dir.", flush=True)
                build_dataset(prep.source, prep.options, str(shard_dir), shard_size=prep.shard_size,
                              feature_dtype=prep.feature_dtype, procs=prep.procs, modalities=prep.modalities)
                built = True
    manifest = load_manifest(shard_dir)
    check_against_manifest(config, manifest, config_path)
    check_shard_files(shard_dir, manifest, splits)
    return manifest, built
