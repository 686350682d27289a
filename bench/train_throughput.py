"""Training throughput and peak memory of the real trainer, end to end from shards.

Builds (once) shards of MOSI-unaligned shapes (50 tokens, vision 500x35, audio 375x74, sequence lengths
drawn between a quarter and all of the maximum, as PERF_NOTES.md), then times training steps of an
objective (MMIM's main stage, or TupleInfoNCE's contrastive stage: forward, backward, optimizer step
through the DeepSpeed engine) with batches streamed by the loader.

    # CPU, the quick start's model, 2 processes:
    deepspeed --num_gpus 2 bench/train_throughput.py --text-model minilm --batch-sizes 32
    # GPU, a bert-base-sized text encoder in bf16, several batch sizes:
    python bench/train_throughput.py --text-model bert-base --batch-sizes 32,256,1024 \
        --deepspeed-config configs/deepspeed/zero2_bf16.json --workers 8

Prints one JSON line per batch size (rank 0): samples/s (median of the timed windows), step time and
peak memory (GPU: torch.cuda.max_memory_allocated; CPU: the process's peak RSS).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import tempfile
import time
from pathlib import Path

import torch
from common import ShapeSource

from dist_mmfuse.config import Config
from dist_mmfuse.distributed import init_process_group, world_info
from dist_mmfuse.manifest import MANIFEST_NAME, load_manifest
from dist_mmfuse.trainer import Trainer
from sharding.writer import ShardBuilder

REPO = Path(__file__).resolve().parents[1]
BERT_BASE = {"architectures": ["BertModel"], "model_type": "bert", "hidden_size": 768, "num_hidden_layers": 12,
             "num_attention_heads": 12, "intermediate_size": 3072, "vocab_size": 30522,
             "max_position_embeddings": 512, "type_vocab_size": 2, "hidden_act": "gelu",
             "layer_norm_eps": 1e-12, "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1}


def peak_memory_gb() -> float:
    if torch.cuda.is_available():
        return torch.cuda.max_memory_allocated() / 2**30
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=str(REPO / "data" / "bench_mosi_unaligned"))
    parser.add_argument("--samples", type=int, default=8192)
    parser.add_argument("--text-model", choices=("minilm", "bert-base"), default="minilm")
    parser.add_argument("--batch-sizes", default="32", help="comma-separated per-rank micro-batch sizes")
    parser.add_argument("--steps", type=int, default=30, help="timed steps per batch size")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--deepspeed-config", default=str(REPO / "configs" / "deepspeed" / "zero2_fp32.json"))
    parser.add_argument("--sequence-impl", default="last_step", choices=("packed", "last_step"))
    parser.add_argument("--cached-batch", action="store_true",
                        help="reuse the first batch, already on the device: the model's speed without the loader")
    parser.add_argument("--objective", choices=("mmim", "tuple_infonce"), default="mmim")
    parser.add_argument("--local_rank", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    world = world_info()
    data = Path(args.data)
    if world.is_main and not (data / MANIFEST_NAME).is_file():
        source = ShapeSource(args.samples, sequences={"vision": (500, 35), "audio": (375, 74)}, full_length=False,
                             splits=("train", "valid", "test"))
        ShardBuilder(source, data, shard_size=256).build(procs=min(8, os.cpu_count() or 1))
    while not (data / MANIFEST_NAME).is_file():
        time.sleep(1)
    init_process_group(world)
    model = {"sequence_impl": args.sequence_impl}
    if args.text_model == "bert-base":
        config_dir = Path(tempfile.mkdtemp())
        (config_dir / "config.json").write_text(json.dumps(BERT_BASE))
        model.update(text_model=str(config_dir), text_random_init=True)
    for batch_size in [int(b) for b in args.batch_sizes.split(",")]:
        config = Config.model_validate({
            "run": {"name": f"bench_{batch_size}", "output_dir": tempfile.mkdtemp()},
            "data": {"shard_dir": str(data), "batch_size": batch_size, "num_workers": args.workers,
                     "shuffle_buffer": 256, "pad_to_max_len": True},
            "model": model, "objective": {"name": args.objective},
            "trainer": {"deepspeed_config": args.deepspeed_config, "progress_bar": False},
        })
        if torch.cuda.is_available():
            torch.cuda.reset_peak_memory_stats()
        try:
            trainer = Trainer(config, load_manifest(data), world)
            stage = "main" if args.objective == "mmim" else "contrast"
            trainer.optimizer.set_stage(stage)
            windows, step, epoch, start = [], 0, 0, None
            while step < args.warmup + args.steps:
                batches = trainer.loaders["train"].epoch(epoch)
                if args.cached_batch:
                    first = next(iter(batches)).to(trainer.device)
                    batches = (first for _ in range(args.warmup + args.steps))
                for batch in batches:
                    trainer.train_step([batch], stage, step + 2)
                    step += 1
                    if step == args.warmup:
                        torch.cuda.synchronize() if torch.cuda.is_available() else None
                        start = time.perf_counter()
                    elif step > args.warmup and (step - args.warmup) % 10 == 0:
                        torch.cuda.synchronize() if torch.cuda.is_available() else None
                        windows.append((time.perf_counter() - start) / 10)
                        start = time.perf_counter()
                    if step >= args.warmup + args.steps:
                        break
                epoch += 1
            step_s = statistics.median(windows)
            result = {"objective": args.objective,
                      "negatives_per_row": trainer.objective.negatives_per_row(batch_size, stage),
                      "batch_per_rank": batch_size, "world": world.world_size, "text_model": args.text_model,
                      "deepspeed_config": Path(args.deepspeed_config).name, "sequence_impl": args.sequence_impl,
                      "data": "cached on device" if args.cached_batch else f"shards, {args.workers} workers",
                      "step_s": round(step_s, 4),
                      "samples_per_s": round(batch_size * world.world_size / step_s, 1),
                      "peak_memory_gb": round(peak_memory_gb(), 2),
                      "device": torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"}
            del trainer
        except torch.OutOfMemoryError:
            result = {"batch_per_rank": batch_size, "error": "out of memory"}
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        if world.is_main:
            print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
