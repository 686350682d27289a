"""Using a trained model: the self-contained export, load_model in a fresh process, predictions as files,
fine-tuning from an export, and the entry points from another working directory.

The model is trained on the real CMU-MOSI transcripts and openSMILE audio vectors (standard folds),
sharded with float16 features: predicting from the raw transcripts and the raw, unstandardised audio
vectors must reproduce what evaluation computes from the shards.
"""

from __future__ import annotations

import csv
import os
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.csv as pacsv
import pyarrow.parquet as pq
import pytest
import torch
import yaml
from safetensors.torch import load_file

from dist_mmfuse.data.loader import iter_split_samples
from sharding.sources import make_source
from sharding.writer import ShardBuilder

from .conftest import MOSI_REAL, MOSI_REAL_MISSING, REPO, TINY_TEXT_CONFIG, train_env, write_train_config

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(not MOSI_REAL.is_dir(), reason=MOSI_REAL_MISSING)]

PY = sys.executable
BIN = Path(sys.executable).parent


def run(args, *, cwd=None, timeout=600, check=True):
    result = subprocess.run(args, env=train_env(), capture_output=True, text=True, timeout=timeout, cwd=cwd)
    if check:
        assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-3000:]
    return result


def raw_mosi(ids: list[str]) -> list[dict]:
    """The raw inputs of these segments: the transcript and the unstandardised openSMILE vector."""
    arrays = np.load(MOSI_REAL / "utterance_features.npz", allow_pickle=False)
    row_of = {sid: i for i, sid in enumerate(arrays["id"])}
    with open(MOSI_REAL / "segments.csv", newline="") as handle:
        records = {r["id"]: r for r in csv.DictReader(handle)}
    return [{"id": sid, "text": records[sid]["text"], "audio": arrays["audio"][row_of[sid]],
             "label": float(records[sid]["label"])} for sid in ids]


@pytest.fixture(scope="module")
def mosi_run(tmp_path_factory):
    """Shards of real MOSI (float16 features), a short tiny-text-encoder run, its eval.py predictions."""
    root = tmp_path_factory.mktemp("mosi_predict")
    shards = root / "shards"
    ShardBuilder(make_source("mosi_real", {"split": "std"}), shards, shard_size=512, feature_dtype="float16").build()
    config = write_train_config(root / "c.yaml", shards, root / "runs" / "run", extra={
        "trainer": {"epochs": 1, "max_steps_per_pass": 3}})
    run([PY, str(REPO / "launch" / "train.py"), "--config", str(config)])
    model = root / "runs" / "run" / "best_model"
    evaluated = run([PY, str(REPO / "launch" / "eval.py"), "--model", str(model), "--split", "test",
                     "--predictions", str(root / "eval.csv")])
    metrics = json.loads(evaluated.stdout[evaluated.stdout.index("{"):])
    return {"root": root, "shards": shards, "config": config, "model": model, "metrics": metrics,
            "eval": pacsv.read_csv(root / "eval.csv").to_pydict()}


def test_export_is_self_contained(mosi_run):
    model = mosi_run["model"]
    names = {p.name for p in model.iterdir()}
    assert {"model.safetensors", "config.yaml", "schema.json", "preprocessing.json", "export.json",
            "mean_representations.safetensors", "tokenizer", "text_model"} <= names
    schema = json.loads((model / "schema.json").read_text())
    assert [(m["name"], m["kind"], m["dim"], m["max_len"]) for m in schema["modalities"]] == [
        ("text", "tokens", 30522, 50), ("audio", "vector", 73, 1)]
    assert schema["label_range"] == [-3.0, 3.0]
    prep = json.loads((model / "preprocessing.json").read_text())
    assert prep["feature_dtype"] == "float16" and prep["tokenizer"]["max_len"] == 50
    # The train split's statistics, as the source standardised with them.
    arrays = np.load(MOSI_REAL / "utterance_features.npz", allow_pickle=False)
    train_ids = {s.id for s in iter_split_samples(mosi_run["shards"], "train")}
    train_rows = [i for i, sid in enumerate(arrays["id"]) if sid in train_ids]
    np.testing.assert_allclose(prep["standardisation"]["audio"]["mean"], arrays["audio"][train_rows].astype(np.float64).mean(0),
                               rtol=1e-6, atol=1e-7)
    # The text encoder's architecture, with the run's overrides applied (the tiny random config).
    text_config = json.loads((model / "text_model" / "config.json").read_text())
    assert {k: text_config[k] for k in TINY_TEXT_CONFIG} == TINY_TEXT_CONFIG
    weights = load_file(model / "model.safetensors")
    assert weights and all(str(v.dtype) == "torch.float32" for v in weights.values())
    # An export is not a checkpoint to export from: said in a sentence.
    refused = run([PY, str(REPO / "launch" / "export.py"), "--checkpoint", str(model), "--out",
                   str(mosi_run["root"] / "again")], check=False)
    assert refused.returncode == 2 and "is a model export, not a checkpoint" in refused.stderr


def test_load_model_in_a_fresh_process_reproduces_eval_from_raw_inputs(mosi_run):
    """Raw transcripts and raw audio vectors in, through the export alone (the shards are moved away):
    the per-sample predictions equal eval.py's on the test split to 1e-6."""
    evaluated = mosi_run["eval"]
    assert len(evaluated["id"]) == 686 and mosi_run["metrics"]["predictions"].endswith("eval.csv")
    inputs = mosi_run["root"] / "inputs.json"
    inputs.write_text(json.dumps([{**s, "audio": s["audio"].tolist()} for s in raw_mosi(evaluated["id"])]))
    hidden = mosi_run["shards"].with_name("shards_hidden")
    mosi_run["shards"].rename(hidden)
    try:
        script = ("import json, sys, numpy as np\n"
                  "from dist_mmfuse import load_model\n"
                  f"model = load_model({str(mosi_run['model'])!r}, device='cpu')\n"
                  f"samples = json.load(open({str(inputs)!r}))\n"
                  "for s in samples: s['audio'] = np.asarray(s['audio'])\n"
                  "print(json.dumps(model.predict(samples, batch_size=50).tolist()))\n")
        out = run([PY, "-c", script], cwd=mosi_run["root"])
    finally:
        hidden.rename(mosi_run["shards"])
    predictions = np.asarray(json.loads(out.stdout.strip().splitlines()[-1]))
    np.testing.assert_allclose(predictions, evaluated["prediction"], rtol=0, atol=1e-6)


def test_an_export_and_a_checkpoint_saved_before_model_fusion_was_named_so_still_load(mosi_run, tmp_path):
    """model.fusion was model.fusion_head: an export whose config.yaml holds the old name predicts the same,
    and a checkpoint whose config.yaml does still resumes under a config that names model.fusion."""
    import shutil

    from dist_mmfuse import load_model
    from dist_mmfuse.checkpoint import check_resume
    from dist_mmfuse.config import load_config

    def old_names(config_yaml: Path) -> None:
        text = config_yaml.read_text()
        assert "  fusion: mmim\n" in text and "fusion_head" not in text
        config_yaml.write_text(text.replace("  fusion: mmim\n", "  fusion_head: mmim\n"))

    old = tmp_path / "old_export"
    shutil.copytree(mosi_run["model"], old)
    old_names(old / "config.yaml")
    samples = raw_mosi(mosi_run["eval"]["id"][:16])
    np.testing.assert_array_equal(load_model(old, device="cpu").predict(samples),
                                  load_model(mosi_run["model"], device="cpu").predict(samples))
    runs = tmp_path / "runs"
    shutil.copytree(mosi_run["root"] / "runs" / "run", runs / "run")
    tags = [p for p in (runs / "run" / "checkpoints").iterdir() if (p / "config.yaml").is_file()]
    for tag in tags:
        old_names(tag / "config.yaml")
    config = load_config(mosi_run["config"], [f"run.output_dir={runs}"])
    assert config.model.fusion == "mmim" and check_resume(config, "latest", 1, 0) in tags


def test_raw_text_gives_the_token_ids_the_shards_hold(mosi_run):
    from dist_mmfuse import load_model

    model = load_model(mosi_run["model"], device="cpu")
    shard_samples = list(iter_split_samples(mosi_run["shards"], "test"))[::37]
    prepared = model.prepare(raw_mosi([s.id for s in shard_samples]))
    for shard, ours in zip(shard_samples, prepared):
        np.testing.assert_array_equal(ours.features["text"], shard.features["text"])
        # Standardised with the stored statistics and rounded to the shards' float16: bit for bit.
        assert ours.features["audio"].dtype == shard.features["audio"].dtype == np.float16
        np.testing.assert_array_equal(ours.features["audio"], shard.features["audio"])
    encoded = model.encode(raw_mosi([s.id for s in shard_samples[:4]]))
    assert {k: v.shape for k, v in encoded.items()} == {"text": (4, 32), "audio": (4, 16), "fusion": (4, 128)}


def test_bad_inputs_name_the_sample_and_the_modality(mosi_run):
    from dist_mmfuse import load_model
    from dist_mmfuse.api import InputError

    model = load_model(mosi_run["model"], device="cpu")
    good = raw_mosi(mosi_run["eval"]["id"][:3])
    cases = {
        "missing": ({"id": "x1", "text": "fine"}, r"sample 3 \(id 'x1'\): modality 'audio' is missing"),
        "dimension": ({"id": "x2", "text": "fine", "audio": np.zeros(72)},
                      r"sample 3 \(id 'x2'\): modality 'audio': expected shape \(73,\)"),
        "nan": ({"id": "x3", "text": "fine", "audio": np.full(73, np.nan)},
                r"sample 3 \(id 'x3'\): modality 'audio': NaN or Inf"),
        "not text": ({"text": 3.5, "audio": np.zeros(73)}, r"sample 3: modality 'text': expected the raw text"),
    }
    for name, (bad, message) in cases.items():
        with pytest.raises(InputError, match=message):
            model.predict(good + [bad])
    with pytest.raises(InputError, match=r"sample 0 \(id '.*'\): label 'pos' is not a number"):
        model.predict([{**good[0], "label": "pos"}])
    with pytest.raises(InputError, match=r"expected a list of samples .* got one dict: pass \[sample\]"):
        model.predict(good[0])
    # Removing a modality, as eval.py --drop-modality does: the samples need not carry it, and zero fill
    # gives eval.py's predictions with the same removal.
    dropped = model.predict([{"id": s["id"], "text": s["text"]} for s in raw_mosi(mosi_run["eval"]["id"])],
                            drop=["audio"], fill="zero")
    evaluated = run([PY, str(REPO / "launch" / "eval.py"), "--model", str(mosi_run["model"]), "--drop-modality",
                     "audio", "--fill", "zero", "--predictions", str(mosi_run["root"] / "dropped.parquet")])
    assert '"dropped": [\n  "audio"\n ]' in evaluated.stdout
    np.testing.assert_allclose(dropped, pq.read_table(mosi_run["root"] / "dropped.parquet")["prediction"],
                               atol=1e-6)
    mean_filled = model.predict([{"text": s["text"]} for s in good], drop=["audio"])
    assert np.all(np.isfinite(mean_filled)) and not np.allclose(mean_filled, dropped[:3])
    # One name is one modality (not its letters).
    np.testing.assert_array_equal(model.predict([{"text": s["text"]} for s in good], drop="audio"), mean_filled)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_predict_py_on_a_table_of_raw_inputs(mosi_run, fmt, capsys):
    """A table in the table source's format (list column for audio; JSON lists in CSV) through
    launch/predict.py: its predictions equal eval.py's on the same samples."""
    root, evaluated = mosi_run["root"], mosi_run["eval"]
    raw = raw_mosi(evaluated["id"][:200])
    if fmt == "parquet":
        table = root / "new.parquet"
        pq.write_table(pa.table({"id": [s["id"] for s in raw], "text": [s["text"] for s in raw],
                                 "audio": [s["audio"].tolist() for s in raw]}), table)
        args = []  # columns named like the modalities, no label column: no spec needed
    else:
        table = root / "new.csv"
        pacsv.write_csv(pa.table({"clip": [s["id"] for s in raw], "transcript": [s["text"] for s in raw],
                                  "opensmile": [json.dumps(s["audio"].tolist()) for s in raw],
                                  "score": [s["label"] for s in raw]}), table)
        spec = root / "spec.yaml"
        spec.write_text(yaml.safe_dump({"id": "clip", "label": "score", "modalities": [
            {"name": "text", "column": "transcript", "kind": "text"},
            {"name": "audio", "column": "opensmile", "kind": "vector", "dim": 73}]}))
        args = ["--spec", str(spec)]
    out = root / f"table_preds.{fmt}"
    result = run([str(BIN / "dist-mmfuse-predict"), "--model", str(mosi_run["model"]), "--input", str(table),
                  "--out", str(out), *args])
    assert f"wrote {out}: 200 predictions" in result.stdout
    written = (pq.read_table(out) if fmt == "parquet" else pacsv.read_csv(out)).to_pydict()
    assert written["id"] == evaluated["id"][:200]
    np.testing.assert_allclose(written["prediction"], evaluated["prediction"][:200], atol=1e-6)
    if fmt == "csv":
        np.testing.assert_allclose(written["label"], [s["label"] for s in raw], rtol=1e-6)
    else:
        assert "label" not in written
    # A table that lacks a modality's column: a sentence naming it, exit 2, no traceback.
    bad = root / "bad.parquet"
    pq.write_table(pa.table({"id": ["a"], "text": ["fine"]}), bad)
    from dist_mmfuse.cli import predict_main

    assert predict_main(["--model", str(mosi_run["model"]), "--input", str(bad), "--out", str(root / "bad.csv")]) == 2
    assert "no column(s) ['audio']" in capsys.readouterr().err and not (root / "bad.csv").exists()


def test_predict_py_on_shards_equals_eval(mosi_run):
    out = mosi_run["root"] / "shard_preds.csv"
    run([PY, str(REPO / "launch" / "predict.py"), "--model", str(mosi_run["model"]), "--input",
         str(mosi_run["shards"]), "--split", "test", "--out", str(out)])
    written = pacsv.read_csv(out).to_pydict()
    assert written["id"] == mosi_run["eval"]["id"]
    np.testing.assert_allclose(written["prediction"], mosi_run["eval"]["prediction"], atol=1e-6)
    np.testing.assert_allclose(written["label"], mosi_run["eval"]["label"], atol=1e-6)


def test_init_from_starts_from_the_exported_weights_exactly(mosi_run):
    """The engine's weights before the first step are the export's, bit for bit; the run records where
    they came from; weights that do not fit are refused before any process group, each mismatch named."""
    root = mosi_run["root"]
    config = write_train_config(root / "ft.yaml", mosi_run["shards"], root / "runs" / "ft", extra={
        "model": {"init_from": str(mosi_run["model"])}, "trainer": {"epochs": 1, "max_steps_per_pass": 1}})
    script = (
        "import sys, torch\n"
        "from safetensors.torch import load_file\n"
        "from dist_mmfuse.config import load_config\n"
        "from dist_mmfuse.distributed import init_process_group, world_info\n"
        "from dist_mmfuse.manifest import load_manifest\n"
        "from dist_mmfuse.trainer import Trainer\n"
        f"config = load_config({str(config)!r})\n"
        "world = world_info(); init_process_group(world)\n"
        "trainer = Trainer(config, load_manifest(config.data.shard_dir), world)\n"
        f"exported = load_file({str(mosi_run['model'] / 'model.safetensors')!r})\n"
        "own = trainer.engine.module.state_dict()\n"
        "assert set(own) == set(exported), sorted(set(own) ^ set(exported))\n"
        "diff = [k for k in own if not torch.equal(own[k].float(), exported[k])]\n"
        "print('differing', diff)\n")
    out = run([PY, "-c", script])
    assert "differing []" in out.stdout
    record = json.loads((root / "runs" / "ft" / "init_from.json").read_text())
    assert record["export"] == str(mosi_run["model"]) and record["objective_weights"] == "loaded"
    assert len(record["weights_sha256"]) == 64 and record["export_info"]["format"] == "dist_mmfuse.export/1"
    saved = yaml.safe_load((root / "runs" / "ft" / "config.yaml").read_text())
    assert saved["model"]["init_from"] == str(mosi_run["model"])
    refused = run([PY, str(REPO / "launch" / "train.py"), "--config", str(config), "run.name=ft_bad",
                   "model.vector_out=8"], check=False)
    assert refused.returncode == 2, refused.stderr[-2000:]
    assert "its weights do not fit this model" in refused.stderr
    assert "model.encoders.audio.net.3.weight: (16, 64) in the export, (8, 64) in this model" in refused.stderr
    assert "process group" not in refused.stdout and "Traceback" not in refused.stderr


@pytest.mark.parametrize("deepspeed", ["zero3_fp32", "zero2_bf16"])
def test_zero3_and_bf16_exports_hold_the_fp32_master_weights(mosi_run, tmp_path, deepspeed):
    """The best-model export of a ZeRO-3 or bf16 run equals the fp32 master weights DeepSpeed's
    zero_to_fp32 consolidates from the checkpoint of the same epoch, and loads the same way."""
    from dist_mmfuse import load_model
    from dist_mmfuse.checkpoint import consolidated_fp32_state

    config = write_train_config(tmp_path / "c.yaml", mosi_run["shards"], tmp_path / "run", extra={
        "data": {"batch_size": 8, "eval_batch_size": 64},
        "trainer": {"epochs": 1, "max_steps_per_pass": 2,
                    "deepspeed_config": str(REPO / "configs" / "deepspeed" / f"{deepspeed}.json")}})
    run([PY, str(REPO / "launch" / "train.py"), "--config", str(config)], timeout=900)
    exported = load_file(tmp_path / "run" / "best_model" / "model.safetensors")
    master = consolidated_fp32_state(tmp_path / "run" / "checkpoints" / "epoch0001")
    assert set(master) <= set(exported)
    for name, value in master.items():
        assert exported[name].dtype == value.dtype == __import__("torch").float32
        assert __import__("torch").equal(exported[name], value), name
    model = load_model(tmp_path / "run" / "best_model", device="cpu")
    predictions = model.predict(raw_mosi(mosi_run["eval"]["id"][:8]))
    assert predictions.shape == (8,) and np.all(np.isfinite(predictions))


def test_entry_points_work_from_another_working_directory(tmp_path):
    """dist-mmfuse-train with the shipped quick-start config from an unrelated directory: the config's own
    relative paths (its DeepSpeed JSON) are taken from the config's directory, those on the command line
    from the working directory."""
    work = tmp_path / "elsewhere"
    work.mkdir()
    result = run([str(BIN / "dist-mmfuse-train"), "--config", str(REPO / "configs" / "quickstart.yaml"),
                  "data.shard_dir=qs_data", "data.prepare.procs=1",
                  "data.prepare.options.sizes={train: 64, valid: 32, test: 32}", "run.output_dir=my_runs",
                  "trainer.epochs=1", "trainer.max_steps_per_pass=2", "trainer.progress_bar=false",
                  "model.text_random_init=true", f"model.text_config={json.dumps(TINY_TEXT_CONFIG)}"], cwd=work)
    assert '"best_epoch"' in result.stdout
    saved = yaml.safe_load((work / "my_runs" / "quickstart" / "config.yaml").read_text())
    assert saved["trainer"]["deepspeed_config"] == str(REPO / "configs" / "deepspeed" / "zero2_fp32.json")
    assert saved["data"]["shard_dir"] == str(work / "qs_data") and (work / "qs_data" / "manifest.json").is_file()
    assert (work / "my_runs" / "quickstart" / "best_model" / "export.json").is_file()
    for command in ("dist-mmfuse-predict", "dist-mmfuse-tune"):  # installed like dist-mmfuse-train, which ran above
        helped = run([str(BIN / command), "--help"], cwd=work)
        assert "usage:" in helped.stdout


def test_a_received_export_never_runs_code(mosi_run, tmp_path):
    """An export whose tokenizer points transformers at custom code (auto_map), or that carries Python
    files, is refused before anything is loaded; nothing in it runs."""
    import shutil

    from dist_mmfuse import load_model
    from dist_mmfuse.export import ExportError

    marker = tmp_path / "ran"
    for tamper in ("auto_map", "python file"):
        copy = tmp_path / tamper.replace(" ", "_")
        shutil.copytree(mosi_run["model"], copy)
        (copy / "tokenizer" / "evil.py").write_text(f"open({str(marker)!r}, 'w').write('x')\n")
        if tamper == "auto_map":
            (copy / "tokenizer" / "evil.py").unlink()
            config = json.loads((copy / "tokenizer" / "tokenizer_config.json").read_text())
            config.pop("tokenizer_class", None)
            config["auto_map"] = {"AutoTokenizer": ["evil.EvilTokenizer", None]}
            (copy / "tokenizer" / "tokenizer_config.json").write_text(json.dumps(config))
        with pytest.raises(ExportError, match="custom code" if tamper == "auto_map" else "holds Python files"):
            load_model(copy, device="cpu")
        assert not marker.exists()


def test_a_tampered_export_is_refused_naming_the_tensor(mosi_run, tmp_path):
    """An export whose weights have another shape, whose config.yaml describes other sizes, or whose
    weights hold NaN: load_model raises ExportError naming the tensor; eval.py and dist-mmfuse-predict
    exit 2 with that one line, no traceback."""
    import shutil

    from safetensors.torch import load_file, save_file

    from dist_mmfuse import load_model
    from dist_mmfuse.export import ExportError

    weights = load_file(mosi_run["model"] / "model.safetensors")
    name = next(k for k in weights if k.startswith("model.fusion.") and k.endswith("weight"))
    cases = {}
    for tamper in ("shape", "config", "nan"):
        copy = tmp_path / tamper
        shutil.copytree(mosi_run["model"], copy)
        if tamper == "shape":
            save_file({**weights, name: torch.zeros(3, 3)}, str(copy / "model.safetensors"))
            cases[tamper] = rf"tensor {re.escape(name)} has shape \[3, 3\], but the model its config describes has"
        elif tamper == "config":
            config = yaml.safe_load((copy / "config.yaml").read_text())
            config["model"]["fusion_hidden"] = 7
            (copy / "config.yaml").write_text(yaml.safe_dump(config))
            cases[tamper] = r"tensor model\.fusion\..* has shape \[.*\], but the model its config describes has"
        else:
            poisoned = weights[name].clone()
            poisoned[0, 0] = float("nan")
            save_file({**weights, name: poisoned}, str(copy / "model.safetensors"))
            cases[tamper] = rf"tensor {re.escape(name)} holds 1 NaN or Inf value\(s\)"
        with pytest.raises(ExportError, match=cases[tamper]):
            load_model(copy, device="cpu")
        for command in ([PY, str(REPO / "launch" / "eval.py"), "--model", str(copy), "--split", "test"],
                        [PY, str(REPO / "launch" / "predict.py"), "--model", str(copy), "--input",
                         str(mosi_run["shards"]), "--split", "test", "--out", str(tmp_path / f"{tamper}.csv")]):
            result = run(command, check=False)
            assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr[-3000:]
            assert re.search(cases[tamper], result.stderr), (tamper, result.stderr[-2000:])
        assert not (tmp_path / f"{tamper}.csv").exists()


def test_predict_py_refuses_what_would_lose_or_misplace_data(mosi_run, tmp_path, capsys):
    """Through the command's entry point (in this process: each refusal is a return code and one line)."""
    from dist_mmfuse.cli import predict_main

    raw = raw_mosi(mosi_run["eval"]["id"][:4])
    table = tmp_path / "in.csv"
    pacsv.write_csv(pa.table({"id": [s["id"] for s in raw], "text": [s["text"] for s in raw],
                              "audio": [json.dumps(s["audio"].tolist()) for s in raw],
                              "part": ["test", "test", "valid", "test"],
                              "label": [s["label"] for s in raw[:3]] + [float("nan")]}), table)
    before = table.read_bytes()
    spec = tmp_path / "spec.yaml"
    spec.write_text(yaml.safe_dump({"id": "id", "label": "label", "split": "part", "modalities": [
        {"name": "text", "column": "text"}, {"name": "audio", "column": "audio"}]}))
    no_split = tmp_path / "no_split.yaml"
    no_split.write_text(yaml.safe_dump({"id": "id", "modalities": [
        {"name": "text", "column": "text"}, {"name": "audio", "column": "sound"}]}))
    broken = tmp_path / "broken.yaml"
    broken.write_text("modalities: [\n")
    predict = ["--model", str(mosi_run["model"]), "--input", str(table)]
    cases = {
        "out is the input": (["--out", str(table)], "is the input table"),
        "split without a split column": (["--spec", str(no_split), "--split", "test", "--out", str(tmp_path / "a.csv")],
                                          "names no split column"),
        "a column the spec names is absent": (["--spec", str(no_split), "--out", str(tmp_path / "b.csv")],
                                              "no column(s) ['sound']"),
        "no row of the split": (["--spec", str(spec), "--split", "tset", "--out", str(tmp_path / "c.csv")],
                                "no row of split 'tset' (column 'part' holds ['test', 'valid'])"),
        "a NaN label": (["--spec", str(spec), "--split", "test", "--out", str(tmp_path / "d.csv")],
                        "label column 'label' is nan"),
        "no such device": (["--out", str(tmp_path / "e.csv"), "--device", "cuda:7"], "device 'cuda:7'"),
        "a spec that is not YAML": (["--spec", str(broken), "--out", str(tmp_path / "f.csv")], "cannot read it"),
    }
    for name, (args, message) in cases.items():
        assert predict_main(predict + args) == 2, name
        assert message in capsys.readouterr().err, name
    assert table.read_bytes() == before and not list(tmp_path.glob("[a-f].csv"))
    # What it writes is readable by others like any file the user makes (not tempfile's private 0600).
    pacsv.write_csv(pa.table({"id": ["a"], "text": ["fine"], "audio": [json.dumps([0.0] * 73)]}), table)
    good = tmp_path / "good.csv"
    old_mask = os.umask(0o022)
    try:
        assert predict_main(predict + ["--out", str(good)]) == 0
    finally:
        os.umask(old_mask)
    assert good.stat().st_mode & 0o777 == 0o644
