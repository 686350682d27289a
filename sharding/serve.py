"""Serve a shard directory over HTTP, with byte ranges (``dist-mmfuse-shard serve DIR``).

For nodes without a shared filesystem on a trusted network, and for the tests and the loader benchmark:
the loader reads ``data.shard_dir: http://host:port`` in ranged requests (storage.py). Python's
``http.server`` answers neither ranges nor keep-alive the way a streaming client needs, so this handler
adds both; everything else (MIME types, path translation, logging) is the standard library's. Files only:
no directory listings, and nothing outside the served directory.
"""

from __future__ import annotations

import http.server
import os
import re
import threading
from functools import partial
from pathlib import Path

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")
COPY_BYTES = 1 << 20


class RangeRequestHandler(http.server.SimpleHTTPRequestHandler):
    """GET and HEAD of the files under ``directory``, with single byte ranges (206), keep-alive, no listings."""

    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args) -> None:  # noqa: A002 (the standard library's name)
        if getattr(self.server, "verbose", False):
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
        self._respond(send_body=True)

    def do_HEAD(self) -> None:  # noqa: N802
        self._respond(send_body=False)

    def status_for(self, path: Path) -> int | None:
        """An error status to answer instead of the file (the tests' fault injection), or None."""
        return None

    def body_limit(self, path: Path, start: int) -> int | None:
        """Send at most this many body bytes, then drop the connection (the tests' fault injection)."""
        return None

    def _respond(self, send_body: bool) -> None:
        path = Path(self.translate_path(self.path))
        status = self.status_for(path)
        if status is None and not path.is_file():
            status = 404
        if status is not None:
            self.send_error(status)
            return
        size = path.stat().st_size
        start, stop = 0, size
        header = self.headers.get("Range")
        if header:
            match = RANGE.match(header.strip())
            if not match or not (match.group(1) or match.group(2)):
                self.send_error(400, "unsupported Range header")
                return
            if match.group(1):
                start = int(match.group(1))
                stop = min(size, int(match.group(2)) + 1) if match.group(2) else size
            else:  # the last N bytes
                start = max(0, size - int(match.group(2)))
            if start >= size or start >= stop:
                self.send_response(416)
                self.send_header("Content-Range", f"bytes */{size}")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(206)
            self.send_header("Content-Range", f"bytes {start}-{stop - 1}/{size}")
        else:
            self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Length", str(stop - start))
        self.send_header("Accept-Ranges", "bytes")
        self.end_headers()
        if not send_body:
            return
        limit = self.body_limit(path, start)
        with open(path, "rb") as handle:
            handle.seek(start)
            remaining = stop - start if limit is None else min(limit, stop - start)
            while remaining > 0:
                chunk = handle.read(min(COPY_BYTES, remaining))
                if not chunk:
                    break
                self.wfile.write(chunk)
                remaining -= len(chunk)
        if limit is not None and limit < stop - start:
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)  # mid-body: the client sees a connection dropped before the end


class ShardServer(http.server.ThreadingHTTPServer):
    """A threaded HTTP server of one directory; ``url`` is its base address."""

    daemon_threads = True

    def __init__(self, directory: str | os.PathLike, host: str = "127.0.0.1", port: int = 0,
                 handler: type[RangeRequestHandler] = RangeRequestHandler, verbose: bool = False):
        self.directory = Path(directory).resolve()
        self.verbose = verbose
        super().__init__((host, port), partial(handler, directory=str(self.directory)))

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> "ShardServer":
        """Serve in a background thread (stop with ``shutdown()`` then ``server_close()``)."""
        threading.Thread(target=self.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()


def serve(directory: str, host: str, port: int, verbose: bool = False) -> None:
    """Serve until Ctrl-C; says so once it listens. Each request is logged only when ``verbose``."""
    if not Path(directory).is_dir():
        raise FileNotFoundError(f"{directory}: no such directory")
    with ShardServer(directory, host, port, verbose=verbose) as server:
        print(f"serving {server.directory} at {server.url} (Ctrl-C stops"
              + ("" if verbose else "; --verbose logs each request") + ")", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass

