"""Writing files so that nothing is lost or half-written, and saying why a write failed.

* ``atomic_write_text``: readers see the old file or the whole new one (temporary file, fsync, rename,
  fsync of the directory).
* ``sync_files``: flush a directory's files to disk before something (``latest``) points at them.
* ``check_writable_dir``: fail at start, naming the path, where a run could not write its results.
* ``write_failure``: a sentence for a failed write (disk full, read-only, no permission), in place of
  what the C++ layers under ``torch.save`` report (``basic_ios::clear: iostream error``).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path


class WriteError(OSError):
    """A result could not be written; the message names the path and the cause in words."""


def atomic_write_text(path: str | os.PathLike, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see either the old file or the whole new one."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        usual_mode(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def usual_mode(path: str | os.PathLike) -> None:
    """Give a file or directory made by ``tempfile`` (mode 0600 or 0700: private), and everything in such a
    directory, the mode an ordinary ``open`` or ``mkdir`` would have given it under the process's umask,
    before it is renamed into place: results on a shared filesystem stay readable by the group and the
    other nodes' users."""
    mask = os.umask(0)
    os.umask(mask)
    os.chmod(path, (0o777 if os.path.isdir(path) else 0o666) & ~mask)
    if os.path.isdir(path):
        # Every file beneath too: some writers create theirs private as well (safetensors writes 0600).
        for root, dirs, files in os.walk(path):
            for name in dirs:
                os.chmod(os.path.join(root, name), 0o777 & ~mask)
            for name in files:
                os.chmod(os.path.join(root, name), 0o666 & ~mask)


def fsync_dir(directory: str | os.PathLike) -> None:
    """Make a rename in ``directory`` durable (the entry, not only the file, must reach the disk)."""
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def sync_files(directory: str | os.PathLike) -> None:
    """fsync every regular file under ``directory`` (what this process wrote may still sit in the page
    cache; a checkpoint must be on disk before ``latest`` names it)."""
    for root, _, names in os.walk(directory):
        for name in names:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def nearest_existing(path: Path) -> Path:
    """``path`` or its closest existing ancestor (where free space and permissions can be read)."""
    path = path.absolute()
    while not path.exists() and path != path.parent:
        path = path.parent
    return path


def write_failure(path: str | os.PathLike, exc: BaseException) -> str:
    """Why writing under ``path`` failed, in words: the filesystem's state first, then the error."""
    where = nearest_existing(Path(path))
    reasons = []
    try:
        stats = os.statvfs(where)
        if stats.f_flag & os.ST_RDONLY:
            reasons.append("the filesystem is read-only")
        free = stats.f_bavail * stats.f_frsize
        # torch.save and safetensors report a full disk without an errno: an almost empty filesystem tells.
        full = isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT)
        if full or "No space left" in str(exc) or free < 1 << 20:
            reasons.append(f"no space left ({free / 2**20:.1f} MiB free on its filesystem)")
    except OSError:
        pass
    if isinstance(exc, OSError) and exc.errno in (errno.EACCES, errno.EPERM):
        reasons.append("permission denied")
    detail = f"{exc.strerror} ({exc.filename})" if isinstance(exc, OSError) and exc.strerror else str(exc)
    return "; ".join(reasons + [detail]) if reasons else detail


def free_bytes(path: str | os.PathLike) -> int:
    """Bytes available to this user on the filesystem that holds (or would hold) ``path``."""
    return shutil.disk_usage(nearest_existing(Path(path))).free


def check_writable_dir(path: str | os.PathLike, what: str) -> None:
    """Create ``path`` if needed and write a probe file into it; OSError-free callers get a PermissionError
    naming ``what`` and the cause. Called before a run starts its process group."""
    path = Path(path)
    try:
        path.mkdir(parents=True, exist_ok=True)
        fd, probe = tempfile.mkstemp(prefix=".write-probe-", dir=path)
        try:
            os.write(fd, b"0" * 4096)
            os.fsync(fd)
        finally:
            os.close(fd)
            os.unlink(probe)
    except OSError as exc:
        raise PermissionError(f"{what}: {path}: cannot write there: {write_failure(path, exc)}") from exc
