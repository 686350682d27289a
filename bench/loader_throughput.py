"""Loader throughput on MOSEI-unaligned-shaped samples: 50 tokens, audio 500x74, vision 375x35.

Writes full-length float16 (or float32) shards with the real sharding code, then reads them with the
real streaming loader (training mode: shuffle buffer, validation, collation in the workers) and reports
samples/s and MB/s per epoch. The first epoch also verifies every shard's sha256; the median over the
later epochs is the steady-state figure.

    python bench/loader_throughput.py --samples 4000 --workers 2 --dtype float16
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from common import ShapeSource

from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.manifest import load_manifest
from sharding.writer import ShardBuilder

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--samples", type=int, default=4000)
    parser.add_argument("--shard-size", type=int, default=500)
    parser.add_argument("--dtype", default="float16", choices=("float16", "float32"))
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--dir", help="shard directory to reuse (default: a temporary one)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        shard_dir = Path(args.dir or Path(tmp) / "shards")
        start = time.perf_counter()
        ShardBuilder(ShapeSource(args.samples), shard_dir, shard_size=args.shard_size,
                     feature_dtype=args.dtype).build(procs=2)
        write_s = time.perf_counter() - start
        manifest = load_manifest(shard_dir)
        total_bytes = sum(s.bytes for s in manifest.splits["train"].shards)
        options = LoaderOptions(batch_size=args.batch_size, num_workers=args.workers, shuffle_buffer=1000)
        loader = StreamingLoader(shard_dir, "train", options)
        rates = []
        for epoch in range(args.epochs):
            start = time.perf_counter()
            seen = 0
            for batch in loader.epoch(epoch):
                seen += batch.size
            rates.append(seen / (time.perf_counter() - start))
        steady = statistics.median(rates[1:]) if len(rates) > 1 else rates[0]
        bytes_per_sample = total_bytes / args.samples
        print(json.dumps({
            "samples": args.samples, "dtype": args.dtype, "workers": args.workers, "batch_size": args.batch_size,
            "shard_write_s": round(write_s, 1), "bytes_per_sample": round(bytes_per_sample),
            "epoch_samples_per_s": [round(r) for r in rates],
            "steady_samples_per_s": round(steady), "steady_MB_per_s": round(steady * bytes_per_sample / 1e6),
        }))


if __name__ == "__main__":
    main()
