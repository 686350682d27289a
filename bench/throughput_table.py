"""The throughput table of docs/performance.md from train_throughput.py's JSON lines.

    python bench/throughput_table.py OUT_DIR/results.jsonl
"""

from __future__ import annotations

import json
import sys

NAMES = {"mmim": "MMIM", "tuple_infonce": "TupleInfoNCE", "self_mi": "Self-MI"}


def main(path: str) -> None:
    rows = [json.loads(line) for line in open(path) if line.strip()]
    print("| objective | batch | data | samples/s | step ms | MFU | GFLOP/sample | peak memory | syncs/step |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row in rows:
        if "error" in row:
            print(f"| {NAMES.get(row.get('objective'), '?')} | {row['batch_per_rank']:,} | | {row['error']} | | | | | |")
            continue
        mfu = f"{row['mfu_percent']:.1f}%" if row.get("mfu_percent") is not None else "–"
        syncs = row.get("profile", {}).get("syncs_per_step", "–")
        print(f"| {NAMES[row['objective']]} | {row['batch_per_rank']:,} | {row['data']} | "
              f"{row['samples_per_s']:,.0f} | {1000 * row['step_s']:.1f} | {mfu} | {row['gflops_per_sample']:.1f} | "
              f"{row['peak_memory_gb']:.1f} GB | {syncs} |")
    rates = {row.get("matrix_tflops") for row in rows if row.get("matrix_tflops")}
    if rates:
        print(f"\nMFU against the measured bf16 matrix rate: {', '.join(f'{r:.0f}' for r in sorted(rates))} TFLOP/s.")


if __name__ == "__main__":
    main(sys.argv[1])
