"""Shared fixtures: small shard directories built by the real sharding code."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import numpy as np
import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
if os.environ.get("PYTEST_XDIST_WORKER"):
    # Two workers share the cores: one compute thread each (and in the processes they start), or their
    # OpenMP threads spin against each other (a 2-second test took 40 s beside other work on the cores).
    os.environ.setdefault("OMP_NUM_THREADS", "1")

from dist_mmfuse.data.codec import encode_sample, open_tar_writer  # noqa: E402
from dist_mmfuse.files import atomic_write_text  # noqa: E402
from dist_mmfuse.manifest import MANIFEST_FORMAT, Manifest, ShardInfo, SplitInfo, sha256_file  # noqa: E402
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec, Sample  # noqa: E402
from sharding.sources.mosi_real import default_mosi_root  # noqa: E402
from sharding.sources.synthetic import SyntheticSource  # noqa: E402
from sharding.writer import ShardBuilder  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
MOSI_REAL = default_mosi_root()  # $DIST_MMFUSE_MOSI_REAL, else the shared folder beside the repository
# Why the tests on real CMU-MOSI skip, and what makes them run.
MOSI_REAL_MISSING = (f"real CMU-MOSI not found at {MOSI_REAL}: set DIST_MMFUSE_MOSI_REAL to a folder holding its "
                     "segments.csv and utterance_features.npz (docs/data.md, 'The real CMU-MOSI source') to run these")

# 200 training samples in 5 shards of 40: with 2 ranks x 2 workers and batch 10, every stream holds
# exactly 50 samples, so a training epoch sees every sample exactly once. Sequences of at most 40
# frames (MOSI's are up to 500): LSTM time on long sequences dominated the training tests.
SMALL_SIZES = {"train": 200, "valid": 47, "test": 30}
SMALL_MAX_FRAMES = 40


@pytest.fixture(scope="session")
def synthetic_source() -> SyntheticSource:
    return SyntheticSource("mosi", seed=5, sizes=SMALL_SIZES, max_frames=SMALL_MAX_FRAMES)


@pytest.fixture(scope="session")
def small_shards(tmp_path_factory, synthetic_source) -> Path:
    out = tmp_path_factory.mktemp("shards") / "mosi_small"
    ShardBuilder(synthetic_source, out, shard_size=40, feature_dtype="float32").build()
    return out


@pytest.fixture
def shard_copy(small_shards, tmp_path) -> Path:
    """A private copy of the small shard directory, for tests that damage it."""
    target = tmp_path / "copy"
    shutil.copytree(small_shards, target)
    return target


TINY_SCHEMA = DatasetSchema(
    modalities=(
        ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=100, max_len=8),
        ModalitySpec(name="audio", kind=ModalityKind.SEQUENCE, dim=3, max_len=6),
        ModalitySpec(name="vision", kind=ModalityKind.VECTOR, dim=4, max_len=1),
    ),
    label_range=(-3.0, 3.0),
)


def tiny_sample(index: int, rng: np.random.Generator) -> Sample:
    return Sample(
        id=f"clip_{index}", label=float(np.round(rng.uniform(-3, 3), 1)), index=index,
        features={
            "text": rng.integers(1, 100, size=int(rng.integers(1, 9))).astype(np.int32),
            "audio": rng.standard_normal((int(rng.integers(1, 7)), 3)).astype(np.float32),
            "vision": rng.standard_normal(4).astype(np.float32),
        },
    )


def write_raw_dataset(out: Path, shards: list[list[Sample]], schema: DatasetSchema = TINY_SCHEMA,
                      split: str = "train") -> Path:
    """Write shards exactly as given (no validation, so tests can plant bad samples) and a manifest."""
    out.mkdir(parents=True, exist_ok=True)
    infos = []
    for number, samples in enumerate(shards):
        path = out / f"{split}-{number:06d}.tar"
        with open(path, "wb") as stream:
            writer = open_tar_writer(stream)
            for sample in samples:
                writer.write(encode_sample(sample, np.float32))
            writer.close()
        infos.append(ShardInfo(name=path.name, count=len(samples), first_index=samples[0].index,
                               bytes=path.stat().st_size, sha256=sha256_file(path)))
    manifest = Manifest(format=MANIFEST_FORMAT, tool_version="test", dataset="tiny", source={"kind": "test"},
                        schema=schema, tokenizer=None, feature_dtype="float32", shard_size=len(shards[0]),
                        splits={split: SplitInfo(num_samples=sum(i.count for i in infos), index_offset=0,
                                                 shards=tuple(infos))})
    atomic_write_text(out / "manifest.json", manifest.to_json())
    return out


def rewrite_split(shard_dir: Path, split: str, change) -> None:
    """Decode every sample of ``split``, let ``change(samples)`` alter them in place (no validation, so
    tests can plant bad or extreme values), and write the shards and the manifest anew."""
    from dist_mmfuse.data.loader import iter_split_samples
    from dist_mmfuse.manifest import load_manifest

    manifest = load_manifest(shard_dir)
    info = manifest.split(split)
    samples = list(iter_split_samples(shard_dir, split))
    change(samples)
    raw = manifest.model_dump(mode="json", by_alias=True)
    shards = []
    for shard in info.shards:
        start = shard.first_index - info.index_offset
        path = shard_dir / shard.name
        # A new file renamed over the old one, as the shard builder writes: a reader that still maps the old
        # shard keeps its bytes (truncating a mapped file in place kills that reader with SIGBUS).
        partial = path.with_suffix(".partial")
        with open(partial, "wb") as stream:
            writer = open_tar_writer(stream)
            for sample in samples[start:start + shard.count]:
                writer.write(encode_sample(sample, np.dtype(manifest.feature_dtype)))
            writer.close()
        os.replace(partial, path)
        shards.append({**shard.model_dump(), "bytes": path.stat().st_size, "sha256": sha256_file(path)})
    raw["splits"][split]["shards"] = shards
    atomic_write_text(shard_dir / "manifest.json", Manifest.model_validate(raw).to_json())


TINY_TEXT_CONFIG = {"num_hidden_layers": 1, "hidden_size": 32, "num_attention_heads": 2, "intermediate_size": 64}


def write_train_config(path: Path, shard_dir: Path, run_dir: Path, *, objective: str = "mmim",
                       extra: dict | None = None) -> Path:
    """A tiny training config: random-init 1-layer BERT, small LSTMs, fp32 ZeRO-0, no progress bar.
    ``extra`` is merged in, section by section."""
    import yaml

    config = {
        "run": {"name": run_dir.name, "output_dir": str(run_dir.parent), "seed": 7},
        "data": {"shard_dir": str(shard_dir), "batch_size": 16, "num_workers": 1, "shuffle_buffer": 32},
        "model": {"text_random_init": True, "text_config": dict(TINY_TEXT_CONFIG)},
        "objective": {"name": objective},
        "trainer": {"epochs": 2, "log_every": 1, "progress_bar": False,
                    "deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero0_fp32.json")},
    }
    for section, values in (extra or {}).items():
        config[section].update(values)
    path.write_text(yaml.safe_dump(config, sort_keys=False))
    return path


def train_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("RANK", "WORLD_SIZE", "LOCAL_RANK", "MASTER_PORT")}
    env.update(HF_HUB_OFFLINE="1", DS_ACCELERATOR="cpu", PYTHONUNBUFFERED="1",
               TORCH_EXTENSIONS_DIR=env.get("TORCH_EXTENSIONS_DIR", str(REPO / ".venv" / "torch_extensions")))
    # launch/*.py import dist_mmfuse from their sys.path: this checkout's, not another one installed editable.
    env["PYTHONPATH"] = os.pathsep.join([str(REPO)] + [p for p in [env.get("PYTHONPATH")] if p])
    return env


@pytest.fixture(scope="session")
def equivalence_runs(small_shards, tmp_path_factory):
    """Every distributed-equivalence case of tests/equivalence.py, run once per session."""
    from .equivalence import run_cases

    return run_cases(tmp_path_factory.mktemp("equivalence"), small_shards)


# launch/test.sh runs the suite on two pytest-xdist workers (``--dist loadgroup``): about a third of a
# serial run's time goes to waiting (process start-up, Ray and SLURM scheduling, timeouts), which the
# other worker fills. Tests that start a Ray instance (locally, or over the SLURM cluster) run one at a
# time, in one worker: Ray's state API, which Ray Train's clean-up uses, refuses to choose between two
# instances on one machine, and a stopped trial's resources are then never freed. Tests that share a
# costly fixture run in the worker that builds it, so it is built once. The longest work goes out first
# (the groups, then the slow tests); short tests fill in.
CLUSTER_MODULES = {"test_tune", "test_study", "test_slurm"}
SHARED_FIXTURES = ("elastic_runs", "equivalence_runs", "finished_run", "mosi_run", "vector_shards", "clip_table")


@pytest.hookimpl(tryfirst=True)  # before xdist's own hook, which reads the groups
def pytest_collection_modifyitems(config, items):
    order = {}
    for item in items:
        shared = [name for name in SHARED_FIXTURES if name in item.fixturenames]
        module = item.module.__name__.rsplit(".", 1)[-1]
        group = "clusters" if module in CLUSTER_MODULES else (shared[0] if shared else None)
        if group is not None:
            item.add_marker(pytest.mark.xdist_group(group))
        order[item.nodeid] = (0 if group == "clusters" else 1 if group else 2 if item.get_closest_marker("slow")
                              else 3)
    if config.getoption("numprocesses", default=None) and config.getoption("dist", default="no") == "loadgroup":
        items.sort(key=lambda item: order[item.nodeid])  # stable: each group keeps its order
