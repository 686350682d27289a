"""Loader throughput on MOSEI-unaligned-shaped samples: 50 tokens, audio 500x74, vision 375x35.

Writes full-length float16 (or float32) shards with the real sharding code, then reads them with the
real streaming loader (training mode: shuffle buffer, validation, collation in the workers) from the
local directory and from the project's HTTP shard server (`dist-mmfuse-shard serve`, another process),
and reports samples/s and MB/s per epoch. The first epoch also verifies every shard's sha256 (local:
once per worker; HTTP: every shard as it arrives, every epoch); the median over the later epochs is the
steady-state figure (later epochs also include each worker's first reads of shards it has not indexed yet:
run enough of them). ``copy_bound_samples_per_s`` is what the machine's cores would reach doing nothing
but copying each sample's bytes once (a measured ceiling, not a target).

    python bench/loader_throughput.py --samples 4000 --workers 2 --dtype float16
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from common import ShapeSource

from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.distributed import free_port
from dist_mmfuse.manifest import load_manifest
from sharding.writer import ShardBuilder


def epoch_rates(location: str, args) -> list[float]:
    options = LoaderOptions(batch_size=args.batch_size, num_workers=args.workers, shuffle_buffer=1000)
    loader = StreamingLoader(location, "train", options)
    rates = []
    for epoch in range(args.epochs):
        start = time.perf_counter()
        seen = sum(batch.size for batch in loader.epoch(epoch))
        rates.append(seen / (time.perf_counter() - start))
    return rates


def copy_bound(shard_path: Path, samples_in_shard: int, cores: int) -> float:
    """Samples/s of ``cores`` cores that only copy each sample's bytes once (median of 5 copies of a shard)."""
    source = np.fromfile(shard_path, dtype=np.uint8)
    target = np.empty_like(source)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        np.copyto(target, source)
        times.append(time.perf_counter() - start)
    return cores * samples_in_shard / statistics.median(times)


def steady(rates: list[float]) -> float:
    return statistics.median(rates[1:]) if len(rates) > 1 else rates[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=4000)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--dtype", default="float16", choices=("float16", "float32"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--no-http", action="store_true", help="skip the HTTP server figure")
    parser.add_argument("--dir", help="shard directory to reuse (default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        shard_dir = Path(args.dir or Path(tmp) / "shards")
        start = time.perf_counter()
        ShardBuilder(ShapeSource(args.samples), shard_dir, shard_size=args.shard_size,
                     feature_dtype=args.dtype).build(procs=2)
        write_s = time.perf_counter() - start
        manifest = load_manifest(shard_dir)
        shards = manifest.splits["train"].shards
        bytes_per_sample = sum(s.bytes for s in shards) / args.samples
        local = epoch_rates(str(shard_dir), args)
        result = {
            "samples": args.samples, "dtype": args.dtype, "workers": args.workers, "batch_size": args.batch_size,
            "shard_write_s": round(write_s, 1), "bytes_per_sample": round(bytes_per_sample),
            "local_epoch_samples_per_s": [round(r) for r in local],
            "local_steady_samples_per_s": round(steady(local)),
            "local_steady_MB_per_s": round(steady(local) * bytes_per_sample / 1e6),
        }
        if not args.no_http:
            port = free_port()
            server = subprocess.Popen([sys.executable, "-m", "sharding", "serve", str(shard_dir), "--port", str(port)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            try:
                for _ in range(100):  # until it listens
                    with socket.socket() as probe:
                        if probe.connect_ex(("127.0.0.1", port)) == 0:
                            break
                    time.sleep(0.1)
                http = epoch_rates(f"http://127.0.0.1:{port}", args)
            finally:
                server.terminate()
                server.wait()
            result.update({"http_epoch_samples_per_s": [round(r) for r in http],
                           "http_steady_samples_per_s": round(steady(http)),
                           "http_steady_MB_per_s": round(steady(http) * bytes_per_sample / 1e6)})
        result["copy_bound_samples_per_s"] = round(copy_bound(shard_dir / shards[0].name, shards[0].count,
                                                              os.cpu_count() or 1))
        print(json.dumps(result))


if __name__ == "__main__":
    main()
