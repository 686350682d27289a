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
peak memory (GPU: torch.cuda.max_memory_allocated; CPU: the process's peak RSS), the training FLOPs per
sample and, on a GPU, the MFU: achieved FLOP/s against the bf16 matrix rate measured at the start.

``--profile DIR`` then profiles ``--profile-steps`` more steps (torch.profiler) and writes where a step
goes, part by part (step_profile.py), as ``DIR/<objective>_b<batch>_<data>.json`` and ``.md``.
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
from torch.profiler import record_function
from common import ShapeSource
from step_profile import LOADER_WAIT, attribute, flops_per_sample, markdown, matrix_rate, model_ranges, profiler

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


# What each objective trains in the benchmark: its stage, and the model settings it needs.
OBJECTIVE_SETTINGS = {
    "mmim": {"stage": "main", "model": {}},
    "tuple_infonce": {"stage": "contrast", "model": {}},
    "self_mi": {"stage": "main", "model": {"fusion": "self_mm"}},
}


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
    parser.add_argument("--objective", choices=tuple(OBJECTIVE_SETTINGS), default="mmim")
    parser.add_argument("--profile", default=None, help="profile the step after timing it; write tables here")
    parser.add_argument("--profile-steps", type=int, default=10)
    parser.add_argument("--out", default=None, help="also append the JSON lines to this file")
    parser.add_argument("--prepare-only", action="store_true", help="build the shards (if missing) and stop")
    parser.add_argument("--local_rank", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()

    world = world_info()
    data = Path(args.data)
    if world.is_main and not (data / MANIFEST_NAME).is_file():
        source = ShapeSource(args.samples, sequences={"vision": (500, 35), "audio": (375, 74)}, full_length=False,
                             splits=("train", "valid", "test"))
        ShardBuilder(source, data, shard_size=256).build(procs=min(16, os.cpu_count() or 1))
    while not (data / MANIFEST_NAME).is_file():
        time.sleep(1)
    if args.prepare_only:
        return
    init_process_group(world)
    model: dict = {"sequence_impl": args.sequence_impl}
    if args.text_model == "bert-base":
        config_dir = Path(tempfile.mkdtemp())
        (config_dir / "config.json").write_text(json.dumps(BERT_BASE))
        model.update(text_model=str(config_dir), text_random_init=True)
    settings = OBJECTIVE_SETTINGS[args.objective]
    stage = settings["stage"]
    rate = matrix_rate()  # FLOP/s, measured once (None on the CPU)
    for batch_size in [int(b) for b in args.batch_sizes.split(",")]:
        config = Config.model_validate({
            "run": {"name": f"bench_{batch_size}", "output_dir": tempfile.mkdtemp()},
            "data": {"shard_dir": str(data), "batch_size": batch_size, "num_workers": args.workers,
                     "shuffle_buffer": 256, "pad_to_max_len": True},
            "model": {**model, **settings["model"]}, "objective": {"name": args.objective},
            "trainer": {"deepspeed_config": args.deepspeed_config, "progress_bar": False},
        })
        if torch.cuda.is_available():
            torch.cuda.reset_peak_memory_stats()
        try:
            trainer = Trainer(config, load_manifest(data), world)
            trainer.optimizer.set_stage(stage)
            steps = training_steps(trainer, stage, args.cached_batch)
            step_s = timed(steps, args.warmup, args.steps)
            peak_gb = peak_memory_gb()  # before the flop count builds a second model
            data_label = "cached on device" if args.cached_batch else f"shards, {args.workers} workers"
            flops = flops_per_sample(trainer, next(steps).to(trainer.device), stage, 1)
            samples_per_s = batch_size * world.world_size / step_s
            result = {"objective": args.objective,
                      "negatives_per_row": trainer.objective.negatives_per_row(batch_size, stage),
                      "batch_per_rank": batch_size, "world": world.world_size, "text_model": args.text_model,
                      "deepspeed_config": Path(args.deepspeed_config).name, "sequence_impl": args.sequence_impl,
                      "data": data_label, "step_s": round(step_s, 4), "samples_per_s": round(samples_per_s, 1),
                      "peak_memory_gb": round(peak_gb, 2), "gflops_per_sample": round(flops / 1e9, 3),
                      "matrix_tflops": round(rate / 1e12, 1) if rate else None,
                      "mfu_percent": round(100 * flops * samples_per_s / world.world_size / rate, 2) if rate else None,
                      "device": torch.cuda.get_device_name() if torch.cuda.is_available() else "cpu"}
            if args.profile:
                result["profile"] = profile_steps(trainer, steps, args.profile_steps, step_s, Path(args.profile),
                                                  f"{args.objective}_b{batch_size}_{data_label.split(',')[0]}")
            steps.close()
            for loader in trainer.loaders.values():
                loader.close()  # its workers, now: the next batch size starts its own
            trainer.close()
            del trainer, steps
        except torch.OutOfMemoryError:
            result = {"objective": args.objective, "batch_per_rank": batch_size, "error": "out of memory"}
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
        if world.is_main:
            print(json.dumps(result), flush=True)
            if args.out:
                with open(args.out, "a") as stream:
                    stream.write(json.dumps(result) + "\n")


def synchronize() -> None:
    if torch.cuda.is_available():
        torch.cuda.synchronize()


def first_batch(trainer: Trainer, split: str):
    """The first batch of ``split``'s first epoch; the split's loader workers are stopped after it."""
    batch = next(iter(trainer.loaders[split].epoch(0)))
    trainer.loaders[split].close()
    return batch


def training_steps(trainer: Trainer, stage: str, cached: bool):
    """Run training steps, one per ``next()``, epoch after epoch, yielding each one's batch: each takes its
    batch from the loader (in a ``loader_wait`` range), or reuses the first one, already on the device
    (``cached``)."""
    epoch, step = 0, 0
    if cached:
        first = first_batch(trainer, "train").to(trainer.device)
        while True:
            trainer.train_step([first], stage, step + 2)
            step += 1
            yield first
    while True:
        batches = iter(trainer.loaders["train"].epoch(epoch))
        while True:
            with record_function(LOADER_WAIT):
                batch = next(batches, None)
            if batch is None:
                break
            trainer.train_step([batch], stage, step + 2)
            step += 1
            yield batch
        epoch += 1


def timed(steps, warmup: int, count: int, window: int = 10) -> float:
    """Median seconds per step over windows of ``window`` steps, after ``warmup`` steps."""
    for _ in range(warmup):
        next(steps)
    windows = []
    synchronize()
    start = time.perf_counter()
    for done in range(1, count + 1):
        next(steps)
        if done % window == 0 or done == count:
            synchronize()
            windows.append((time.perf_counter() - start) / (done - window * len(windows)))
            start = time.perf_counter()
    return statistics.median(windows)


def profile_steps(trainer: Trainer, steps, count: int, step_s: float, out_dir: Path, name: str) -> dict:
    """Profile ``count`` more steps; write and return where they went (step_profile.py)."""
    on_gpu = torch.cuda.is_available()
    with model_ranges(trainer), profiler(on_gpu) as prof:
        synchronize()
        start = time.perf_counter()
        for _ in range(count):
            next(steps)
        synchronize()
        wall_ms = (time.perf_counter() - start) / count * 1000
    table = attribute(prof.events(), count, on_gpu)
    table.update(profiled_step_ms=round(wall_ms, 3), timed_step_ms=round(step_s * 1000, 3))
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / f"{name}.json").write_text(json.dumps(table, indent=1) + "\n")
    (out_dir / f"{name}.md").write_text(markdown(table, wall_ms) + "\n")
    (out_dir / f"{name}_ops.txt").write_text(prof.key_averages().table(
        sort_by="self_device_time_total" if on_gpu else "self_cpu_time_total", row_limit=30) + "\n")
    return {"profiled_step_ms": table["profiled_step_ms"], "device_ms_per_step": table["device_ms_per_step"],
            "syncs_per_step": table["syncs_per_step"], "host_reads_per_step": table["host_reads_per_step"]}

if __name__ == "__main__":
    main()
