"""Where shards live: a local directory or a URL that fsspec reads (``http(s)://``, ``s3://``, ``gs://``).

``ShardStore`` is the one place that touches shard bytes. It

* reads a shard into one buffer, hashing each piece as it arrives, and checks size and sha256 against the
  manifest before any sample of it is used (a bad shard is named by its path or URL, nothing is read twice);
* fetches remote shards in ranged requests of ``CHUNK_BYTES``; a transient failure (a dropped connection,
  a timeout, HTTP 408/429/5xx) is retried by tenacity for up to ``retry_for_s`` seconds (an outage, not
  a number of attempts), with jittered exponential waits that differ per process, and the retry asks
  for the same byte range again, so the shard continues where it stopped: no sample lost or repeated.
  Permanent failures (403, 404) raise at once, naming the URL;
* keeps verified remote shards in an optional local cache (``cache_dir``, content-addressed by sha256 so a
  cached file is never stale, least recently used evicted past the size limit);
* writes (the sharding tool's upload): ``put_file`` and ``write_text`` land whole objects, retried alike.

Credentials come from where each back end looks (environment variables, ``~/.aws``, the Google SDK's files,
``~/.netrc`` for HTTP) and never from the URL: a URL with a user, password or query string is refused, since
the URL is written into the run's config, logs and checkpoints.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import errno
import hashlib
import logging
import mmap
import os
import random
import re
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar
from urllib.parse import unquote, urlsplit

import tenacity

log = logging.getLogger(__name__)
URL_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
CHUNK_BYTES = 8 << 20
RETRY_FOR_S = 600.0  # how long a remote store may fail transiently before a read gives up (data.retry_for_s)
RETRY_FIRST_WAIT_S = 0.5
RETRY_MAX_WAIT_S = 30.0
# Extras that bring a protocol's fsspec back end (pyproject.toml).
PROTOCOL_EXTRAS = {"s3": "s3", "s3a": "s3", "gs": "gcs", "gcs": "gcs"}
T = TypeVar("T")
UNKNOWN_SIZE = -1  # sizes(): the server gave no size (the sha256 still checks the shard when it is read)
_INHERITED_FILESYSTEMS: list = []  # see ShardStore.fs


def _listing(fs, root: str) -> list[dict[str, Any]]:
    """The entries under ``root``; none when it does not exist yet (``exists`` would hide other errors)."""
    try:
        return fs.ls(root, detail=True, refresh=True)
    except FileNotFoundError:
        return []


def _head(fs, path: str) -> dict[str, Any]:
    """``fs.info(path)``; fsspec's HTTP back end reports every failure as FileNotFoundError: only a 404 is one."""
    import aiohttp

    try:
        return fs.info(path)
    except FileNotFoundError as exc:
        cause = exc.__cause__
        if cause is None or (isinstance(cause, aiohttp.ClientResponseError) and cause.status == 404):
            raise
        raise cause from None


class DataError(RuntimeError):
    """Bad data: names the file (shard or source, by path or URL) and, where there is one, the sample key."""


class StoreError(DataError):
    """A remote read or write that failed for good: names the URL and the cause."""


def is_url(location: str | os.PathLike) -> bool:
    return bool(URL_PATTERN.match(str(location)))


def check_location(location: str) -> str:
    """``location`` as a shard directory, without a trailing slash; ValueError when it cannot be one.

    Refused: credentials or a query in the URL (they would be saved with the config), and a protocol fsspec
    does not know. Whether its back end is installed is checked when the store is opened (``require_backend``),
    so a config that names a bucket still validates where nothing reads from it (an exported model's)."""
    if not is_url(location):
        return location
    parts = urlsplit(location)
    if parts.username is not None or parts.password is not None:
        raise ValueError(f"{redact(location)}: credentials in the URL would be written into the run's config, logs "
                         "and checkpoints; give them through the environment or ~/.netrc instead")
    if parts.query or parts.fragment:
        raise ValueError(f"{redact(location)}: a shard directory URL has no query or fragment (signed tokens would "
                         "be saved with the config); give credentials through the environment")
    protocol = parts.scheme.lower()
    if protocol == "file":
        if parts.netloc not in ("", "localhost"):
            raise ValueError(f"{location}: a file:// URL names no host (file:///absolute/path)")
        return unquote(parts.path).rstrip("/") or "/"
    from fsspec.registry import known_implementations, registry

    if protocol not in known_implementations and protocol not in registry:
        raise ValueError(f"{location}: unknown protocol {protocol!r}")
    return location.rstrip("/")


def require_backend(location: str) -> None:
    """StoreError unless the fsspec back end of the URL ``location`` is installed (naming the extra)."""
    import fsspec

    protocol = urlsplit(location).scheme.lower()
    try:
        fsspec.get_filesystem_class(protocol)
    except ImportError as exc:
        extra = PROTOCOL_EXTRAS.get(protocol)
        hint = f"pip install 'dist_mmfuse[{extra}]'" if extra else str(exc)
        raise StoreError(f"{location}: reading {protocol}:// needs its fsspec back end: {hint}") from None


def redact(url: str) -> str:
    """``url`` without user, password, query or fragment (for messages about a URL that has them)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host += f":{parts.port}"
    return f"{parts.scheme}://{host}{parts.path}"


# OSErrors worth another try: s3fs maps S3's throttling and internal errors to these (and permanent ones,
# a bad range, a wrong region, an unsupported call, to EINVAL, EREMCHG, ENOSYS: not retried).
TRANSIENT_ERRNOS = {errno.EAGAIN, errno.EBUSY, errno.EIO, errno.EREMOTEIO, errno.ETIMEDOUT, errno.ECONNRESET,
                    errno.ECONNABORTED, errno.ECONNREFUSED, errno.ENETUNREACH, errno.EHOSTUNREACH, errno.EPIPE}


_USERINFO = re.compile(r"(?<=://)[^/@\s]*@")


def redact_credentials(text: str) -> str:
    """``text`` with the user and password of every URL in it replaced by ``***`` (for messages that quote
    what a user typed)."""
    return _USERINFO.sub("***@", text)


def is_transient(exc: BaseException) -> bool:
    """Whether a failed remote call may succeed if tried again."""
    import aiohttp

    if isinstance(exc, aiohttp.ClientResponseError):
        return exc.status in (408, 429) or exc.status >= 500
    if isinstance(exc, (aiohttp.ClientSSLError, aiohttp.InvalidURL)):  # a certificate or a URL: not by waiting
        return False
    if isinstance(exc, (aiohttp.ClientError, asyncio.TimeoutError, TimeoutError, ConnectionError)):
        return True
    return isinstance(exc, OSError) and type(exc) is OSError and exc.errno in TRANSIENT_ERRNOS


def _describe(exc: BaseException) -> str:
    import aiohttp

    status = exc.status if isinstance(exc, aiohttp.ClientResponseError) else None
    if isinstance(exc, FileNotFoundError) or status == 404:
        return "not found (404)"
    if isinstance(exc, PermissionError) or status in (401, 403):
        return f"access denied ({status or 403}): check the credentials in the environment"
    if status is not None:
        return f"HTTP {status} {exc.message}"
    if type(exc).__name__ == "NoCredentialsError":  # botocore's, without importing it
        return ("no credentials found: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), or write "
                "~/.aws/credentials")
    return f"{type(exc).__name__}: {exc}".rstrip(": ")


class ShardStore:
    """A shard directory: a local path or a URL; ``cache_dir`` keeps remote shards read once."""

    def __init__(self, location: str | os.PathLike, *, cache_dir: str | os.PathLike | None = None,
                 cache_max_bytes: int | None = None, retry_for_s: float = RETRY_FOR_S):
        self.location = check_location(str(location))
        self.remote = is_url(self.location)
        if self.remote:
            require_backend(self.location)
        self.cache_dir = Path(cache_dir) if cache_dir and self.remote else None
        self.cache_max_bytes = cache_max_bytes
        self.retry_for_s = retry_for_s
        self._fs = None
        self._jitter: random.Random | None = None
        self._jitter_pid = 0
        self._fs_pid = 0
        self._root = ""
        self._verified: set[str] = set()  # local or cached files hashed by this process already

    def __repr__(self) -> str:
        return f"ShardStore({self.location!r})"

    def __str__(self) -> str:
        return self.location

    def __getstate__(self) -> dict[str, Any]:  # a filesystem object holds sessions and locks: reopen after pickling
        state = dict(self.__dict__)
        state["_fs"] = None
        return state

    # -- names ---------------------------------------------------------------------------------------

    def url(self, name: str) -> str:
        """Where ``name`` lives: a URL, or a local path."""
        return f"{self.location}/{name}" if self.remote else os.path.join(self.location, name)

    @property
    def fs(self):
        # fsspec's async filesystems are not fork-safe: a loader worker (forked) opens its own, and keeps the
        # one it inherited referenced: finalizing it would try to close the parent's session on the parent's
        # event loop, which has no thread here, and stall for a second.
        if self._fs is None or self._fs_pid != os.getpid():
            if self._fs is not None:
                _INHERITED_FILESYSTEMS.append(self._fs)
            self._fs_pid = os.getpid()
            import fsspec

            # Its own instance: fsspec's cache would hand back one made for other environment settings
            # (an S3 endpoint or credentials since changed).
            options: dict[str, Any] = {"skip_instance_cache": True}
            if urlsplit(self.location).scheme in ("http", "https"):
                import aiohttp

                # trust_env: proxies and ~/.netrc credentials; bounded waits so a stalled server is retried.
                options["client_kwargs"] = {"trust_env": True,
                                            "timeout": aiohttp.ClientTimeout(sock_connect=30, sock_read=60)}
            self._fs, self._root = fsspec.core.url_to_fs(self.location, **options)
        return self._fs

    def _path(self, name: str) -> str:
        self.fs  # noqa: B018 (sets _root)
        return f"{self._root.rstrip('/')}/{name}"

    # -- retried remote calls -------------------------------------------------------------------------

    def _wait(self, state: tenacity.RetryCallState) -> float:
        """Full jitter over an exponential ceiling (0.5 s doubling to RETRY_MAX_WAIT_S), drawn from a
        generator of this process's own, seeded by the OS: the ranks and loader workers seed the global
        ``random`` alike (the run's seed), so waits drawn from it would retry in lockstep."""
        if self._jitter is None or self._jitter_pid != os.getpid():
            self._jitter, self._jitter_pid = random.Random(os.urandom(16)), os.getpid()
        ceiling = min(RETRY_MAX_WAIT_S, RETRY_FIRST_WAIT_S * 2 ** (state.attempt_number - 1))
        return self._jitter.uniform(0.0, ceiling)

    def _retrying(self, url: str, call: Callable[[], T]) -> T:
        """``call()``, retried on transient errors for up to ``retry_for_s`` seconds from the first failure
        (an outage of that length is survived, however many attempts it takes); StoreError naming ``url``
        when it fails for good."""
        first_failure: list[float] = []

        def say_retry(state: tenacity.RetryCallState) -> None:
            log.warning("%s: %s; attempt %d failed, retrying in %.1f s (for up to %.0f s in all: data.retry_for_s)",
                        url, _describe(state.outcome.exception()), state.attempt_number,
                        state.next_action.sleep if state.next_action else 0.0, self.retry_for_s)

        def out_of_time(state: tenacity.RetryCallState) -> bool:
            if not first_failure:
                first_failure.append(time.monotonic())
            return time.monotonic() - first_failure[0] >= self.retry_for_s

        try:
            for attempt in tenacity.Retrying(retry=tenacity.retry_if_exception(is_transient), stop=out_of_time,
                                             wait=self._wait, before_sleep=say_retry, reraise=True):
                with attempt:
                    return call()
        except Exception as exc:
            failing_s = time.monotonic() - first_failure[0] if first_failure else 0.0
            tries = (f" (gave up after {failing_s:.0f} s of failures, data.retry_for_s={self.retry_for_s:g})"
                     if is_transient(exc) else "")
            raise StoreError(f"{url}: {_describe(exc)}{tries}") from exc
        raise AssertionError("unreachable")

    # -- small files and sizes -------------------------------------------------------------------------

    def read_text(self, name: str) -> str:
        """The text of ``name``; FileNotFoundError naming it when it is absent."""
        url = self.url(name)
        if not self.remote:
            return Path(url).read_text()
        try:
            return self._retrying(url, lambda: self.fs.cat_file(self._path(name))).decode()
        except StoreError as exc:
            if isinstance(exc.__cause__, FileNotFoundError):
                raise FileNotFoundError(url) from None
            raise

    def sizes(self, names: Iterable[str]) -> dict[str, int | None]:
        """The byte size of each of ``names``, None where absent and UNKNOWN_SIZE where the server does not
        say. Remote: one listing where the store can list (object stores), else (HTTP, or no permission
        to list) a HEAD request each, 16 at a time; errors other than "not found" are raised, not taken
        for absence."""
        names = list(names)
        if not self.remote:
            return {n: (os.path.getsize(p) if os.path.isfile(p := self.url(n)) else None) for n in names}
        fs = self.fs  # opened once here, not by 16 threads at once
        if urlsplit(self.location).scheme not in ("http", "https") and len(names) > 1:
            try:
                listing = self._retrying(self.location, lambda: _listing(fs, self._root))
            except StoreError as exc:
                if not isinstance(exc.__cause__, PermissionError):
                    raise
            else:
                found = {entry["name"].rstrip("/").rsplit("/", 1)[-1]: entry.get("size") for entry in listing
                         if entry.get("type") == "file"}
                return {n: found.get(n) for n in names}

        def one(name: str) -> int | None:
            try:
                info = self._retrying(self.url(name), lambda: _head(fs, self._path(name)))
            except StoreError as exc:
                if isinstance(exc.__cause__, FileNotFoundError):
                    return None
                raise
            return UNKNOWN_SIZE if info.get("size") is None else info["size"]

        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            return dict(zip(names, pool.map(one, names)))

    # -- shards ----------------------------------------------------------------------------------------

    def read_shard(self, name: str, size: int, sha256: str, *, verify: bool = True):
        """The bytes of shard ``name`` after checking them against the manifest's
        ``size`` and ``sha256``; DataError naming the path or URL when they differ or cannot be read.
        Local and cached files are hashed once per process (``verify``); remote bytes every time they arrive."""
        url = self.url(name)
        if not self.remote:
            try:
                return self._map_verified(Path(url), url, size, sha256, verify)
            except FileNotFoundError:
                raise DataError(f"{url}: shard listed in the manifest is missing") from None
        if self.cache_dir is not None:
            cached = self.cache_dir / f"{sha256}.tar"
            try:
                buffer = self._map_verified(cached, f"{url} (cached as {cached})", size, sha256, verify)
                os.utime(cached)  # most recently used
                return buffer
            except (OSError, DataError):  # absent, damaged, or the cache directory unusable: a miss
                self._verified.discard(str(cached))
            try:
                return self._download_to_cache(name, url, size, sha256, cached)
            except OSError as exc:  # the cache's disk (full, read-only, absent here): read without it
                log.warning("%s: cannot keep %s in the cache %s (%s); reading it without the cache", self.location,
                            name, self.cache_dir, exc)
        return self._download_to_memory(name, url, size, sha256)

    def _download_to_memory(self, name: str, url: str, size: int, sha256: str) -> bytearray:
        buffer = bytearray(size)
        _check_digest(url, self._download(name, url, size, memoryview(buffer).__setitem__), sha256)
        return buffer

    def _map_verified(self, path: Path, where: str, size: int, sha256: str, verify: bool) -> mmap.mmap:
        """``path`` memory-mapped, checked against ``size`` and (first time in this process) ``sha256``.
        FileNotFoundError when it is absent (a cache miss; read_shard names a missing shard).

        Samples are zero-copy views of the map until collation copies them into a batch: no read into a
        buffer, no copy per member (measured: bench/loader_throughput.py). The map closes when the last
        view goes. A mapped file truncated in place would end the reading process with SIGBUS, so shard
        files are only ever replaced by renaming (the sharding tool and the cache both do)."""
        with open(path, "rb") as handle:
            actual = os.fstat(handle.fileno()).st_size
            if actual != size:
                raise DataError(f"{where}: {actual} bytes, the manifest says {size} (truncated or replaced)")
            mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        if verify and str(path) not in self._verified:
            _check_digest(where, hashlib.sha256(mapped).hexdigest(), sha256)
            self._verified.add(str(path))
        return mapped

    def _download(self, name: str, url: str, size: int, store: Callable[[slice, bytes], None]) -> str:
        """Fetch the shard in ranged requests, hand each piece to ``store`` and return the sha256 of the whole."""
        path, digest, offset = self._path(name), hashlib.sha256(), 0
        while offset < size:
            end = min(size, offset + CHUNK_BYTES)
            piece = self._retrying(url, lambda: self.fs.cat_file(path, start=offset, end=end))
            if len(piece) > end - offset:
                raise DataError(f"{url}: the server sent {len(piece)} bytes for a range of {end - offset}: it does "
                                "not serve byte ranges, which streaming shards needs")
            if len(piece) < end - offset:
                raise DataError(f"{url}: ends at byte {offset + len(piece)}, the manifest says {size} bytes "
                                     "(truncated or replaced)")
            store(slice(offset, end), piece)
            digest.update(piece)
            offset = end
        return digest.hexdigest()

    def _download_to_cache(self, name: str, url: str, size: int, sha256: str, cached: Path):
        if self.cache_max_bytes is not None and size > self.cache_max_bytes:
            return self._download_to_memory(name, url, size, sha256)  # larger than the whole cache
        self.cache_dir.mkdir(parents=True, exist_ok=True)
        partial = self.cache_dir / f".{sha256}.{uuid.uuid4().hex}.partial"
        try:
            with open(partial, "w+b") as stream:
                digest = self._download(name, url, size, lambda _, piece: stream.write(piece))
                _check_digest(url, digest, sha256)
                stream.flush()
                # Mapped before it is published: another process may evict the entry right after the rename.
                mapped = mmap.mmap(stream.fileno(), 0, access=mmap.ACCESS_READ)
            os.replace(partial, cached)  # whole and verified, or not there at all
        finally:
            partial.unlink(missing_ok=True)
        self._verified.add(str(cached))
        self._evict(keep=cached)
        return mapped

    def _evict(self, keep: Path) -> None:
        """Delete least recently used cached shards until the cache is within its limit, and partial files
        that no download has written to for an hour (a worker killed mid-download leaves one)."""
        stale = time.time() - 3600
        for partial in self.cache_dir.glob(".*.partial"):
            try:
                if partial.stat().st_mtime < stale:
                    partial.unlink(missing_ok=True)
            except FileNotFoundError:
                continue
        if self.cache_max_bytes is None:
            return
        entries = []
        for path in self.cache_dir.glob("*.tar"):
            try:
                stat = path.stat()
            except FileNotFoundError:  # evicted by another process meanwhile
                continue
            entries.append((stat.st_mtime, stat.st_size, path))
        total = sum(size for _, size, _ in entries)
        for _, size, path in sorted(entries):
            if total <= self.cache_max_bytes:
                break
            if path != keep:
                path.unlink(missing_ok=True)  # a reader that mapped it keeps its pages
                total -= size

    # -- writes (the sharding tool) --------------------------------------------------------------------

    def put_file(self, local: str | os.PathLike, name: str) -> None:
        """Upload ``local`` as ``name`` (an object store makes it visible whole, or not at all)."""
        self._retrying(self.url(name), lambda: self.fs.put_file(str(local), self._path(name)))

    def write_text(self, name: str, text: str) -> None:
        if not self.remote:
            from .files import atomic_write_text

            atomic_write_text(Path(self.url(name)), text)
            return
        with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
            handle.write(text)
        try:
            self.put_file(handle.name, name)
        finally:
            os.unlink(handle.name)

    def cat_many(self, names: list[str]) -> dict[str, bytes | None]:
        """The bytes of each of ``names`` (None where absent), fetched concurrently."""
        if not self.remote:
            return {n: (Path(p).read_bytes() if os.path.isfile(p := self.url(n)) else None) for n in names}

        def one(name: str) -> bytes | None:
            try:
                return self.read_text(name).encode()
            except FileNotFoundError:
                return None

        with concurrent.futures.ThreadPoolExecutor(16) as pool:
            return dict(zip(names, pool.map(one, names)))


def _check_digest(where: str, digest: str, expected: str) -> None:
    if digest != expected:
        raise DataError(f"{where}: sha256 {digest} does not match the manifest's {expected}")
