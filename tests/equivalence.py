"""The distributed-equivalence variants, and their launches.

Each variant runs W DeepSpeed ranks x K micro-batches on fixed global batches of 32 (tests/dist_worker.py)
and is compared, in its test, with plain torch on the whole batch in one process. Process start-up
dominates these tiny runs, so every variant of one world size runs in one launch, one after another.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import torch

from dist_mmfuse.distributed import free_port

from .conftest import REPO, TINY_TEXT_CONFIG, train_env, write_train_config

GLOBAL_BATCH = 32
ZERO0 = f"trainer.deepspeed_config={REPO / 'configs' / 'deepspeed' / 'zero0_fp32.json'}"
PHASES = {
    # main steps 0-2: the entropy term (step > mem_size=1) enters at step 2
    "mmim": "mmilb:1,main:3",
    # passes of two steps over the same 64 samples: epoch 1 fills the banks, epoch 2 generates labels
    # (its loss still sees y_m), epoch 3's loss trains the unimodal heads on the generated labels
    "self_mi": "main:2:0,main:2:1,main:2:2",
    "late_fusion": "main:2",
    # two contrastive steps, then one in the next epoch (new swap permutations)
    "tuple_infonce": "contrast:2:0,contrast:1:1",
    # the baselines' fusions on the task loss: batch norms over the global batch
    "tfn": "main:2",
    "lmf": "main:2",
    "mult": "main:2",
    "misa": "main:2",
}
KEY_GRADIENT = "objective.tuple_infonce.key_gradient=true"


@dataclass(frozen=True)
class Case:
    objective: str
    world: int
    accumulation: str = "average"
    micro_batches: int = 1
    extra: tuple[str, ...] = ()
    label: str = ""  # names what ``extra`` changes

    @property
    def name(self) -> str:
        cache = {"feature_cache": f"-cache{self.micro_batches}", "sum": f"-sum{self.micro_batches}",
                 "average": f"-avg{self.micro_batches}" if self.micro_batches > 1 else ""}[self.accumulation]
        return f"{self.objective}-w{self.world}{cache}" + (f"-{self.label}" if self.label else "")

    @property
    def phases(self) -> str:
        return PHASES[self.objective]

    def overrides(self) -> list[str]:
        return [f"data.batch_size={GLOBAL_BATCH // (self.world * self.micro_batches)}",
                f"trainer.gradient_accumulation_steps={self.micro_batches}",
                f"trainer.accumulation={self.accumulation}", *self.extra]


CASES = [
    Case("mmim", 1), Case("mmim", 2), Case("mmim", 4), Case("mmim", 2, extra=(ZERO0,), label="zero0"),
    Case("mmim", 1, "feature_cache", 4), Case("mmim", 2, "feature_cache", 2, ("objective.contrast_chunk_size=5",), "chunk5"),
    Case("mmim", 4, "feature_cache", 2),
    Case("self_mi", 1), Case("self_mi", 2), Case("self_mi", 2, "feature_cache", 2),
    Case("tuple_infonce", 1), Case("tuple_infonce", 2), Case("tuple_infonce", 4),
    Case("tuple_infonce", 2, extra=(KEY_GRADIENT,), label="keygrad"),
    Case("tuple_infonce", 4, extra=(KEY_GRADIENT, "objective.contrast_chunk_size=3"), label="keygrad-chunk3"),
    Case("tuple_infonce", 2, "feature_cache", 2, (KEY_GRADIENT,), "keygrad"),
    # Self-MM's summed accumulation against DeepSpeed's averaged one (per-sample loss: no batch terms)
    Case("late_fusion", 1, "average", 2), Case("late_fusion", 1, "sum", 2),
    # one micro-batch per step: with more, a batch norm takes the statistics of each micro-batch (as it would
    # in one process), not of the step's whole batch
    Case("tfn", 1), Case("tfn", 2), Case("tfn", 4), Case("lmf", 2),
    # MulT attends to padded steps as MMSA does, so every rank pads to the dataset's fixed length; or masks them
    Case("mult", 1), Case("mult", 2),
    Case("mult", 2, extra=("model.mult.padding=mask", "data.pad_to_max_len=false"), label="mask"),
    # MISA's difference and CMD terms are batch statistics: over every rank's rows (and micro-batches, cached)
    Case("misa", 1), Case("misa", 2), Case("misa", 4), Case("misa", 2, "feature_cache", 2),
]

NO_DROPOUT = {"text_random_init": True, "encoder_dropout": 0.0, "fusion_dropout": 0.0,
              "text_config": {**TINY_TEXT_CONFIG, "hidden_dropout_prob": 0.0, "attention_probs_dropout_prob": 0.0}}


def write_configs(root: Path, shards: Path) -> dict[str, Path]:
    """Every term on, dropout off, no clipping, ZeRO-2: MMIM (CPC alpha 0.5, lld, entropy with memory),
    Self-MI (alpha 0.5), TupleInfoNCE, the late-fusion baseline, and TFN's and LMF's fusions."""
    trainer = {"grad_clip": 0.0, "deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero2_fp32.json")}
    return {
        "mmim": write_train_config(root / "mmim.yaml", shards, root / "run", extra={
            "model": NO_DROPOUT, "objective": {"name": "mmim", "mmim": {"alpha": 0.5}}, "trainer": trainer}),
        "self_mi": write_train_config(root / "self_mi.yaml", shards, root / "run", extra={
            "model": {**NO_DROPOUT, "fusion": "self_mm", "init": "default"},
            "objective": {"name": "self_mi", "self_mm": {"head_dropout": 0.0}, "self_mi": {"alpha": 0.5}},
            "trainer": trainer}),
        # Unequal weights on every block of negatives, a projection head, no augmentation (beta = 0: the
        # positive's draw would differ by rank, as dropout's does).
        "tuple_infonce": write_train_config(root / "tuple_infonce.yaml", shards, root / "run", extra={
            "model": NO_DROPOUT, "objective": {"name": "tuple_infonce", "tuple_infonce": {
                "pretrain_epochs": 1, "alpha": {"text": 2.0, "audio": 0.5}, "alpha_other": 0.7, "beta": 0.0,
                "projection_dim": 8}}, "trainer": trainer}),
        "late_fusion": write_train_config(root / "late_fusion.yaml", shards, root / "run", extra={
            "model": NO_DROPOUT, "objective": {"name": "late_fusion"}, "trainer": trainer}),
        # The baselines with small sub-networks (TFN's tensor: 5 x 5 x 5), their dropouts off.
        **{fusion: write_train_config(root / f"{fusion}.yaml", shards, root / "run", extra={
            "model": {**NO_DROPOUT, "fusion": fusion, "init": "default", fusion: {
                "hidden_dims": {"text": 6, "audio": 4, "vision": 4}, "dropout": 0.0,
                "dropouts": {"text": 0.0, "audio": 0.0, "vision": 0.0},
                **({"text_out": 4, "post_fusion_dim": 8, "post_fusion_dropout": 0.0} if fusion == "tfn" else {})}},
            "objective": {"name": "late_fusion"}, "trainer": trainer}) for fusion in ("tfn", "lmf")},
        "mult": write_train_config(root / "mult.yaml", shards, root / "run", extra={
            "data": {"pad_to_max_len": True},
            "model": {**NO_DROPOUT, "fusion": "mult", "init": "default", "mult": {
                "dim": 6, "heads": 2, "layers": 1, "memory_layers": 1, "conv_kernels": {"text": 3, "audio": 2, "vision": 3},
                "attn_dropout": 0.0, "attn_dropouts": {}, "embed_dropout": 0.0, "text_dropout": 0.0,
                "output_dropout": 0.0}},
            "objective": {"name": "late_fusion"}, "trainer": trainer}),
        "misa": write_train_config(root / "misa.yaml", shards, root / "run", extra={
            "model": {**NO_DROPOUT, "fusion": "misa", "init": "default", "misa": {
                "hidden_size": 6, "dropout": 0.0, "transformer_ff": 12, "transformer_dropout": 0.0}},
            "objective": {"name": "misa"}, "trainer": trainer}),
    }


def launch(world_size: int, jobs: list[dict], out_dir: Path) -> dict[str, list[dict]]:
    """Start ``world_size`` worker processes running ``jobs`` in turn; each job's per-rank results."""
    out_dir.mkdir(parents=True, exist_ok=True)
    jobs_path = out_dir / "jobs.json"
    jobs_path.write_text(json.dumps(jobs))
    port = free_port()
    procs = [subprocess.Popen([sys.executable, "-m", "tests.dist_worker", str(r), str(world_size), str(port),
                               str(jobs_path), str(out_dir)],
                              cwd=REPO, env=train_env(), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
             for r in range(world_size)]
    outputs = [p.communicate(timeout=900)[0] for p in procs]
    assert [p.returncode for p in procs] == [0] * world_size, outputs[-1][-3000:]
    return {job["name"]: [torch.load(out_dir / job["name"] / f"rank{r}.pt") for r in range(world_size)]
            for job in jobs}


def run_cases(root: Path, shards: Path) -> tuple[dict[str, Path], dict[str, list[dict]]]:
    """The configs, and every case's per-rank results (one launch per world size)."""
    configs = write_configs(root, shards)
    results: dict[str, list[dict]] = {}
    for world in sorted({c.world for c in CASES}):
        jobs = [{"name": c.name, "config": str(configs[c.objective]), "overrides": c.overrides(), "phases": c.phases}
                for c in CASES if c.world == world]
        results.update(launch(world, jobs, root / f"world{world}"))
    return configs, results
