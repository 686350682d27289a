"""The main job's entry point, run as users run it: two ranks at once against a dataset not yet built."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import yaml

from dist_mmfuse.manifest import load_manifest

from .conftest import REPO


def test_two_ranks_build_once_and_report(tmp_path):
    config = tmp_path / "quick.yaml"
    config.write_text(textwrap.dedent(f"""
        run: {{name: quick, output_dir: {tmp_path / 'runs'}}}
        data:
          shard_dir: {tmp_path / 'data' / 'syn'}
          prepare: {{source: synthetic, options: {{preset: mosi, sizes: {{train: 96, valid: 16, test: 16}}}},
                     shard_size: 24}}
          batch_size: 8
          num_workers: 1
    """))
    procs = []
    for rank in range(2):
        env = {**os.environ, "RANK": str(rank), "WORLD_SIZE": "2", "LOCAL_RANK": str(rank), "HF_HUB_OFFLINE": "1"}
        procs.append(subprocess.Popen([sys.executable, str(REPO / "launch" / "train.py"), "--config", str(config),
                                       "data.shuffle_buffer=16", "--local_rank", str(rank)],
                                      env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))
    outputs = [p.communicate(timeout=240)[0] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    assert "world 2 (torch); per rank: 6 training batches of 8" in outputs[0]
    assert "text (8, " in outputs[0] and "audio (8, " in outputs[0]
    assert outputs[1].strip() == "" or "built" not in outputs[1]
    manifest = load_manifest(tmp_path / "data" / "syn")
    assert manifest.splits["train"].num_samples == 96
    resolved = yaml.safe_load((tmp_path / "runs" / "quick" / "config.yaml").read_text())
    assert resolved["data"]["shuffle_buffer"] == 16 and resolved["data"]["batch_size"] == 8


def test_bad_config_exits_with_the_key_named(tmp_path):
    config = tmp_path / "bad.yaml"
    config.write_text(f"data: {{shard_dir: {tmp_path}, batch_size: 0}}\n")
    result = subprocess.run([sys.executable, str(REPO / "launch" / "train.py"), "--config", str(config)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert f"{config}: data.batch_size: Input should be greater than 0" in result.stderr
