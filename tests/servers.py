"""Real servers for the remote-shard tests: the project's HTTP shard server with injectable faults, and
moto's S3-compatible server (in server mode: real HTTP, real botocore signing on the client side)."""

from __future__ import annotations

import contextlib
import os
import threading
import time
from pathlib import Path
from typing import Iterator

from sharding.serve import RangeRequestHandler, ShardServer

# Test credentials for the S3-compatible server: the tests check they never reach a run's files or logs.
S3_KEY_ID = "AKIADISTMMFUSETEST01"
S3_SECRET = "s3cr3t-dist-mmfuse-never-logged-9f2c"


class Faults:
    """What the HTTP server does wrong, set by a test: drop the connection after ``drop_after`` bytes of
    the named file's body (``drop_times`` times), answer ``status`` for the named files."""

    def __init__(self):
        self.lock = threading.Lock()
        self.drop: dict[str, tuple[int, int, int]] = {}  # name -> (bytes to send, times left, from byte)
        self.status: dict[str, int] = {}
        self.requests: list[tuple[str, int]] = []  # (name, first byte) of every body sent
        self.dropped: list[str] = []
        self.outage_until = 0.0  # time.monotonic() until which every shard request gets 503
        self.outage_refused = 0  # requests refused during the outage

    def outage(self, seconds: float) -> None:
        """Answer every shard (.tar) request with 503 for the next ``seconds``."""
        with self.lock:
            self.outage_until = time.monotonic() + seconds

    def drop_mid_body(self, name: str, after_bytes: int, times: int = 1, from_byte: int = 0) -> None:
        """Cut the next ``times`` bodies of ``name`` whose range starts at ``from_byte`` or later."""
        with self.lock:
            self.drop[name] = (after_bytes, times, from_byte)


class FaultyHandler(RangeRequestHandler):
    faults: Faults

    def status_for(self, path: Path) -> int | None:
        with self.faults.lock:
            if path.suffix == ".tar" and time.monotonic() < self.faults.outage_until:
                self.faults.outage_refused += 1
                return 503
        return self.faults.status.get(path.name)

    def body_limit(self, path: Path, start: int) -> int | None:
        with self.faults.lock:
            self.faults.requests.append((path.name, start))
            after, times, from_byte = self.faults.drop.get(path.name, (0, 0, 0))
            if times <= 0 or start < from_byte:
                return None
            self.faults.drop[path.name] = (after, times - 1, from_byte)
            self.faults.dropped.append(path.name)
            return after


@contextlib.contextmanager
def http_server(directory: Path) -> Iterator[tuple[str, Faults]]:
    """Serve ``directory`` on a free local port; yields (base URL, the server's Faults)."""
    faults = Faults()
    handler = type("Handler", (FaultyHandler,), {"faults": faults})
    server = ShardServer(directory, handler=handler).start()
    try:
        yield server.url, faults
    finally:
        server.stop()


@contextlib.contextmanager
def s3_server(bucket: str = "shards") -> Iterator[dict[str, str]]:
    """moto's S3 server on a free local port with ``bucket`` created; yields the environment variables a
    client needs (endpoint and credentials, as a user of any S3-compatible store would set them)."""
    import boto3
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    env = {"AWS_ENDPOINT_URL_S3": f"http://{host}:{port}", "AWS_ACCESS_KEY_ID": S3_KEY_ID,
           "AWS_SECRET_ACCESS_KEY": S3_SECRET, "AWS_DEFAULT_REGION": "us-east-1"}
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        boto3.client("s3", endpoint_url=env["AWS_ENDPOINT_URL_S3"]).create_bucket(Bucket=bucket)
        yield env
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        server.stop()
