"""Peak memory and time of the global-batch contrastive loss against global batch N and world size W.

Each configuration runs in W fresh gloo processes on this machine (CPU). Every rank holds B = N/W
query rows and B key rows of dimension d, gathers the keys differentiably, and runs forward and
backward of ``global_info_nce``, unchunked (one B x N block) or chunked. The peak is the rise of the
process's maximum resident set over the loss (``ru_maxrss``), the largest over ranks; the time is the
median over repeats of the slowest rank. An unchunked configuration whose W blocks of B x N fp32
logits would together exceed ``--max-logits-gib`` on this one machine is not run, and marked so.
glibc's malloc is pinned to a fixed mmap threshold so freed blocks leave the resident set at once.

    python bench/contrastive_memory.py --sizes 1024 4096 16384 65536 --worlds 1 2 4 --chunk 2048

On a machine with fewer cores than W ranks, the ranks share cores: compare times within one W.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time

import torch
from common import spawn_ranks, write_jsonl


def _rank_main(rank: int, world: int, port: int, rows_total: int, dim: int, chunk: int, repeats: int, queue) -> None:
    os.environ.update(RANK=str(rank), WORLD_SIZE=str(world), LOCAL_RANK=str(rank), LOCAL_WORLD_SIZE=str(world),
                      MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), DS_ACCELERATOR="cpu")
    import torch.nn.functional as F

    from dist_mmfuse import distributed as dist
    from dist_mmfuse.objectives.contrastive import global_info_nce

    dist.init_process_group(dist.world_info())
    rows = rows_total // world
    generator = torch.Generator().manual_seed(rank)
    queries = F.normalize(torch.randn(rows, dim, generator=generator), dim=-1).requires_grad_()
    keys = F.normalize(torch.randn(rows, dim, generator=generator), dim=-1).requires_grad_()
    # A tiny warm-up first, so thread pools, kernels and gloo buffers are not counted in the peak.
    warm = torch.randn(8, dim, requires_grad=True)
    global_info_nce(warm, warm, 10.0, chunk).backward()
    times = []
    baseline_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    for _ in range(repeats):
        dist.barrier()
        start = time.perf_counter()
        loss = global_info_nce(queries, keys, 10.0, chunk)
        loss.backward()
        times.append(time.perf_counter() - start)
        queries.grad = keys.grad = None
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - baseline_kib
    queue.put({"rank": rank, "times": times, "peak_mib": peak_kib / 1024, "loss": loss.item()})


def measure(world: int, rows_total: int, dim: int, chunk: int, repeats: int) -> dict:
    results = spawn_ranks(_rank_main, world, rows_total, dim, chunk, repeats)
    slowest = [max(r["times"][i] for r in results) for i in range(repeats)]
    return {"world": world, "N": rows_total, "B": rows_total // world, "chunk": chunk,
            "peak_mib": max(r["peak_mib"] for r in results), "seconds": statistics.median(slowest),
            "repeats": repeats}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1024, 4096, 16384, 65536])
    parser.add_argument("--worlds", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--dim", type=int, default=128)
    parser.add_argument("--chunk", type=int, default=2048, help="rows per chunk for the chunked runs")
    parser.add_argument("--max-logits-gib", type=float, default=4.0,
                        help="skip unchunked runs whose logits, over all W ranks, exceed this")
    parser.add_argument("--out", help="also write the rows as JSON lines here")
    args = parser.parse_args()
    # Inherited by the spawned ranks: large blocks are mmapped and unmapped when freed, so the
    # resident-set peak tracks live tensors rather than the allocator's retained heap.
    os.environ.setdefault("MALLOC_MMAP_THRESHOLD_", "65536")
    os.environ.setdefault("MALLOC_ARENA_MAX", "2")

    print(f"{'W':>2} {'N':>6} {'B':>6} {'chunk':>6} {'BxN fp32 MiB':>13} {'peak MiB':>9} {'seconds':>8}")
    rows = []
    for size in args.sizes:
        for world in args.worlds:
            for chunk in (0, args.chunk):
                block_mib = (size // world) * size * 4 / 2**20  # one unchunked B x N fp32 block
                if chunk and chunk >= size // world:
                    continue  # chunking changes nothing when B <= chunk
                if not chunk and world * block_mib > args.max_logits_gib * 1024:
                    print(f"{world:>2} {size:>6} {size // world:>6} {'-':>6} {block_mib:>13.0f} "
                          f"  not run: W x B x N logits over --max-logits-gib")
                    continue
                repeats = 3 if size <= 8192 else 1
                row = measure(world, size, args.dim, chunk, repeats)
                row["block_mib"] = block_mib
                rows.append(row)
                print(f"{world:>2} {size:>6} {row['B']:>6} {chunk or '-':>6} {block_mib:>13.0f} "
                      f"{row['peak_mib']:>9.0f} {row['seconds']:>8.2f}", flush=True)
    write_jsonl(args.out, rows)


if __name__ == "__main__":
    main()
