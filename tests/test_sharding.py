"""The sharding tool: determinism, the synthetic data's structure, checksums, restart and parallel builds."""

from __future__ import annotations

import json
import os

import numpy as np
import pytest

from dist_mmfuse.data.loader import iter_split_samples
from dist_mmfuse.manifest import DataError, load_manifest, verify_shard
from sharding.cli import main as shard_cli
from sharding.sources.synthetic import SyntheticSource
from sharding.writer import ShardBuilder, finalize

from .conftest import SMALL_MAX_FRAMES, SMALL_SIZES


def shard_digests(out) -> dict[str, str]:
    manifest = load_manifest(out)
    return {s.name: s.sha256 for split in manifest.splits.values() for s in split.shards}


def test_manifest_describes_the_build(small_shards):
    manifest = load_manifest(small_shards)
    assert {k: v.num_samples for k, v in manifest.splits.items()} == SMALL_SIZES
    assert manifest.splits["valid"].index_offset == 200 and manifest.splits["test"].index_offset == 247
    assert manifest.schema.names == ("text", "audio", "vision")
    assert manifest.tokenizer["vocab_size"] == 30522 and len(manifest.tokenizer["vocab_sha256"]) == 64
    assert manifest.source["preset"] == "mosi" and manifest.tool_version
    assert [s.count for s in manifest.splits["train"].shards] == [40] * 5
    for shard in manifest.splits["train"].shards:
        verify_shard(small_shards, shard)
    names = {p.name for p in small_shards.iterdir()}
    assert all("." not in key for key in _tar_keys(small_shards / "train-000000.tar"))
    assert "manifest.json" in names and not any(n.endswith(".tmp") for n in names)


def _tar_keys(path):
    import tarfile
    with tarfile.open(path) as tar:
        return {m.name.split(".", 1)[0] for m in tar.getmembers()}


def test_synthetic_round_trip_and_determinism(small_shards, synthetic_source, tmp_path):
    decoded = list(iter_split_samples(small_shards, "valid"))
    assert [s.index for s in decoded] == list(range(200, 247))
    for position, sample in enumerate(decoded):
        expected = synthetic_source.make_sample("valid", position)
        assert sample.id == expected.id and sample.label == pytest.approx(expected.label)
        for name, values in expected.features.items():
            np.testing.assert_array_equal(sample.features[name], values)
    again = tmp_path / "again"
    ShardBuilder(SyntheticSource("mosi", seed=5, sizes=SMALL_SIZES, max_frames=SMALL_MAX_FRAMES), again, shard_size=40,
                 feature_dtype="float32").build()
    assert shard_digests(again) == shard_digests(small_shards)
    other = SyntheticSource("mosi", seed=6, sizes=SMALL_SIZES, max_frames=SMALL_MAX_FRAMES).make_sample("valid", 0)
    assert not np.array_equal(other.features["audio"][:5], decoded[0].features["audio"][:5])


def test_synthetic_label_needs_combinations_and_the_weak_modality():
    source = SyntheticSource("mosi", seed=1, sizes={"train": 1500}, weak_modality="vision")
    samples = [source.make_sample("train", i) for i in range(1500)]
    labels = np.array([s.label for s in samples])

    def projection(name, direction):
        return np.array([s.features[name].astype(np.float64).mean(0) @ source._directions[name][direction]
                         for s in samples])

    audio_bit, vision_bit = np.sign(projection("audio", 1)), np.sign(projection("vision", 1))
    weak_in_vision, weak_in_audio = projection("vision", 2), projection("audio", 2)
    corr = lambda a: abs(np.corrcoef(a, labels)[0, 1])  # noqa: E731
    # Each bit alone says nothing; their product (only in the audio-vision combination) does.
    assert corr(audio_bit) < 0.08 and corr(vision_bit) < 0.08
    assert corr(audio_bit * vision_bit) > 0.25
    # The weak cue is in vision only.
    assert corr(weak_in_vision) > 0.15 and corr(weak_in_audio) < 0.08
    text_lengths = np.array([len(s.features["text"]) for s in samples])
    assert len(set(text_lengths)) > 5
    assert 0 < np.mean(labels == 0) < 0.2 and labels.min() >= -3 and labels.max() <= 3


def test_weak_only_leaves_the_weak_modality_nothing_but_the_weak_cue():
    """weak_only: vision shows the weak cue alone, which still predicts the label; its other directions
    carry nothing, and the label keeps the shared, text and audio parts."""
    source = SyntheticSource("mosi", seed=1, sizes={"train": 1500}, weak_modality="vision", weak_only=True)
    samples = [source.make_sample("train", i) for i in range(1500)]
    labels = np.array([s.label for s in samples])

    def projection(name, direction):
        return np.array([s.features[name].astype(np.float64).mean(0) @ source._directions[name][direction]
                         for s in samples])

    corr = lambda a: abs(np.corrcoef(a, labels)[0, 1])  # noqa: E731
    assert corr(projection("vision", 2)) > 0.2
    assert corr(projection("vision", 0)) < 0.08 and corr(np.sign(projection("vision", 1))) < 0.08
    assert corr(projection("audio", 0)) > 0.3
    # The same latent draws as without weak_only: text is unchanged.
    plain = SyntheticSource("mosi", seed=1, sizes={"train": 10}, weak_modality="vision").make_sample("train", 3)
    assert np.array_equal(plain.features["text"], samples[3].features["text"])


def test_weak_factors_make_the_weak_modality_a_few_per_sample_factors():
    """weak_factors: vision is F factors constant over the utterance (the weak cue, then label-free
    ones) under small frame noise; text, audio and the label are those of plain weak_only."""
    source = SyntheticSource("mosi", seed=1, sizes={"train": 1500}, weak_modality="vision", weak_only=True,
                             weak_factors=4, weak_factor_noise=0.5)
    plain = SyntheticSource("mosi", seed=1, sizes={"train": 1500}, weak_modality="vision", weak_only=True)
    samples = [source.make_sample("train", i) for i in range(1500)]
    labels = np.array([s.label for s in samples])
    directions_FD = source._factor_directions
    np.testing.assert_allclose(directions_FD @ directions_FD.T, np.eye(4), atol=1e-12)
    factors_NF = np.array([s.features["vision"].astype(np.float64).mean(0) @ directions_FD.T for s in samples])
    corr = [abs(np.corrcoef(factors_NF[:, f], labels)[0, 1]) for f in range(4)]
    assert corr[0] > 0.4 and max(corr[1:]) < 0.08
    # Each factor is constant over frames: the frames vary about it only by the noise.
    frames_TD = samples[0].features["vision"].astype(np.float64)
    residual_TD = frames_TD - frames_TD.mean(0)
    assert 0.4 < residual_TD.std() < 0.6
    # Factors spread across samples much more than the frame noise of a sample's mean.
    assert factors_NF[:, 1:].std() > 0.4
    for i in (0, 7):
        reference = plain.make_sample("train", i)
        assert samples[i].label == reference.label
        assert np.array_equal(samples[i].features["text"], reference.features["text"])
        assert np.array_equal(samples[i].features["audio"], reference.features["audio"])
    with pytest.raises(ValueError, match="weak_factors needs weak_only"):
        SyntheticSource("mosi", weak_factors=2)
    with pytest.raises(ValueError, match="between 0 and the vision dimension 20"):
        SyntheticSource("mosi", weak_only=True, weak_factors=21)


def test_sims_preset_has_unimodal_labels_in_range(tmp_path):
    source = SyntheticSource("sims", sizes={"train": 20, "valid": 10, "test": 10})
    manifest = ShardBuilder(source, tmp_path / "sims", shard_size=16).build()
    assert manifest.schema.label_range == (-1.0, 1.0)
    assert manifest.schema.modality_labels == ("text", "audio", "vision")
    sample = next(iter_split_samples(tmp_path / "sims", "train"))
    assert set(sample.modality_labels) == {"text", "audio", "vision"}
    assert sample.features["vision"].dtype == np.float16 and sample.features["vision"].shape[1] == 709


def test_checksum_mismatch_is_caught(shard_copy):
    path = shard_copy / "train-000001.tar"
    data = bytearray(path.read_bytes())
    data[3000] ^= 0xFF  # same size, different bytes
    path.write_bytes(bytes(data))
    shard = load_manifest(shard_copy).splits["train"].shards[1]
    with pytest.raises(DataError, match=r"train-000001.tar: sha256 .* does not match"):
        verify_shard(shard_copy, shard)
    assert shard_cli(["verify", str(shard_copy)]) == 2


def test_restart_rewrites_only_missing_shards(shard_copy, synthetic_source):
    before = shard_digests(shard_copy)
    kept = shard_copy / "train-000000.tar"
    kept_mtime = os.stat(kept).st_mtime_ns
    (shard_copy / "train-000003.tar").unlink()
    (shard_copy / "manifest.json").unlink()
    # A crash mid-shard leaves only a hidden temporary file and no stats file.
    (shard_copy / ".train-000003.tar.999.tmp").write_bytes(b"partial")
    builder = ShardBuilder(synthetic_source, shard_copy, shard_size=40, feature_dtype="float32")
    builder.prepare_dir()
    written, done = builder.write_shards(builder.plans)
    assert (written, done) == (1, len(builder.plans) - 1)
    builder.finalize()
    assert shard_digests(shard_copy) == before
    assert os.stat(kept).st_mtime_ns == kept_mtime


def test_a_different_build_into_the_same_directory_is_refused(shard_copy):
    other = SyntheticSource("mosi", seed=99, sizes=SMALL_SIZES, max_frames=SMALL_MAX_FRAMES)
    with pytest.raises(DataError, match=r"holds shards of a different build \(differs in \['source'\]\)"):
        ShardBuilder(other, shard_copy, shard_size=40, feature_dtype="float32").build()


def test_parallel_and_separate_jobs_give_the_same_shards(small_shards, synthetic_source, tmp_path):
    expected = shard_digests(small_shards)
    pooled = tmp_path / "pooled"
    ShardBuilder(synthetic_source, pooled, shard_size=40, feature_dtype="float32").build(procs=3)
    assert shard_digests(pooled) == expected
    jobs = tmp_path / "jobs"
    base = ["build", "--source", "synthetic", "--out", str(jobs), "--option", "preset=mosi", "--option", "seed=5",
            "--option", "sizes={train: 200, valid: 47, test: 30}", "--option", f"max_frames={SMALL_MAX_FRAMES}", "--shard-size", "40", "--dtype", "float32"]
    assert shard_cli(base + ["--proc-index", "1", "--num-procs", "2", "--no-finalize"]) == 0
    with pytest.raises(DataError, match="not written yet"):
        finalize(jobs)
    assert shard_cli(base + ["--proc-index", "0", "--num-procs", "2", "--no-finalize"]) == 0
    assert shard_cli(["finalize", str(jobs)]) == 0
    assert shard_digests(jobs) == expected


def test_bad_source_sample_leaves_no_shard(tmp_path, synthetic_source, monkeypatch):
    original = synthetic_source.make_sample

    def broken(split, position):
        sample = original(split, position)
        if split == "train" and position == 45:
            sample.features["audio"][0, 0] = np.nan
        return sample

    monkeypatch.setattr(synthetic_source, "make_sample", broken)
    out = tmp_path / "broken"
    with pytest.raises(DataError, match=r"split 'train' position 45 \(id 'synmosi_train_0000045'\): .*NaN"):
        ShardBuilder(synthetic_source, out, shard_size=40).build()
    names = sorted(p.name for p in out.iterdir())
    assert "train-000001.tar" not in names and not any(n.endswith(".tmp") for n in names)
    assert "train-000000.tar" in names and "manifest.json" not in names
    assert json.loads((out / "train-000000.json").read_text())["count"] == 40


def test_text_features_are_the_frozen_encoders_standardised_cls_vectors(tmp_path, monkeypatch):
    """text_features: text is the packaged MiniLM's [CLS] vector of the sentence (with text_pooling: mean,
    its mean over tokens), standardised over the reference sentences; the other modalities and the label
    are those of the same seed without it, and a two-process build (forked writers) writes what
    make_sample gives."""
    import torch
    from transformers import AutoModel

    from sharding.sources import synthetic
    from sharding.tokenizer import TextFeatureEncoder, TextTokenizer

    monkeypatch.setattr(synthetic, "REFERENCE_SENTENCES", 48)  # fewer than the real 512: a faster test
    options = dict(seed=2, sizes={"train": 6, "valid": 3, "test": 3}, weak_modality="vision", weak_only=True,
                   weak_factors=3, weak_factor_noise=0.0, vector_features=True)
    source = SyntheticSource("mosi", text_features=True, **options)
    plain = SyntheticSource("mosi", **options)
    text = source.schema().modalities[0]
    assert (text.kind.value, text.dim) == ("vector", 384)
    encoder = source.text_encoder
    # The statistics are those of the reference sentences: over them, every dimension is standardised.
    sentences = synthetic.reference_sentences(np.random.default_rng([2, synthetic.REFERENCE_STREAM]), 48)
    feats_ND = np.stack([encoder(s) for s in sentences]).astype(np.float64)
    np.testing.assert_allclose(feats_ND.mean(axis=0), 0.0, atol=1e-5)
    np.testing.assert_allclose(feats_ND.std(axis=0), 1.0, atol=1e-5)
    # Plain reference: the model in fp64, a padded batch with an attention mask (another code path).
    reference_model = AutoModel.from_pretrained(str(encoder.tokenizer.path), local_files_only=True).eval().double()
    samples = [source.make_sample("train", i) for i in range(6)]
    plain_samples = [plain.make_sample("train", i) for i in range(6)]
    ids = [torch.from_numpy(s.features["text"].astype(np.int64)) for s in plain_samples]
    ids_BL = torch.nn.utils.rnn.pad_sequence(ids, batch_first=True)
    mask_BL = torch.nn.utils.rnn.pad_sequence([torch.ones_like(i) for i in ids], batch_first=True)
    with torch.no_grad():
        cls_BD = reference_model(input_ids=ids_BL, attention_mask=mask_BL).last_hidden_state[:, 0].numpy()
    np.testing.assert_allclose(np.stack([s.features["text"] for s in samples]),
                               (cls_BD - encoder.mean_D) / encoder.std_D, atol=2e-4)
    for sample, reference in zip(samples, plain_samples):
        assert sample.label == reference.label
        for name in ("audio", "vision"):
            np.testing.assert_array_equal(sample.features[name], reference.features[name])

    out = tmp_path / "features"
    ShardBuilder(source, out, shard_size=3, feature_dtype="float32").build(procs=2)
    decoded = list(iter_split_samples(out, "train"))
    assert len(decoded) == 6
    for sample, expected in zip(decoded, samples):
        np.testing.assert_allclose(sample.features["text"], expected.features["text"], atol=1e-6)
    assert load_manifest(out).source["text_features"]["dim"] == 384

    # text_pooling: mean: the masked mean over every token of the padded batch, standardised likewise.
    pooled = SyntheticSource("mosi", text_features=True, text_pooling="mean", **options)
    with torch.no_grad():
        hidden_BLD = reference_model(input_ids=ids_BL, attention_mask=mask_BL).last_hidden_state
    mean_BD = ((hidden_BLD * mask_BL[..., None]).sum(1) / mask_BL.sum(1, keepdim=True)).numpy()
    pooled_samples = np.stack([pooled.make_sample("train", i).features["text"] for i in range(6)])
    np.testing.assert_allclose(pooled_samples, (mean_BD - pooled.text_encoder.mean_D) / pooled.text_encoder.std_D,
                               atol=2e-4)
    assert np.abs(pooled_samples - np.stack([s.features["text"] for s in samples])).max() > 0.1
    assert pooled.description()["text_features"]["pooling"] == "mean"
    assert "pooling" not in source.description()["text_features"]  # builds made before the option still match
    with pytest.raises(ValueError, match="text_pooling 'mean' applies only with text_features: true"):
        SyntheticSource("mosi", text_pooling="mean", **options)
    with pytest.raises(ValueError, match=r"text_pooling must be one of \['cls', 'mean'\], got 'max'"):
        SyntheticSource("mosi", text_features=True, text_pooling="max", **options)

    lone = TextFeatureEncoder(TextTokenizer(None, max_len=50))
    with pytest.raises(ValueError, match="constant over the 1 reference sentences"):
        lone.fit_standardisation(["one sentence"])


@pytest.mark.parametrize("modalities, words", [
    ("text", "--modalities text: a dataset needs at least two modalities, got ['text']"),
    ("text,smell", "unknown modality 'smell'; this dataset has ['text', 'audio', 'vision']"),
])
def test_build_with_bad_modalities_says_so_in_one_line(tmp_path, modalities, words):
    """``dist-mmfuse-shard build --modalities`` that leave fewer than two known modalities: one sentence and
    exit code 2, not pydantic's validation report (with its documentation link) or a traceback."""
    import subprocess
    import sys

    from .conftest import REPO

    result = subprocess.run([sys.executable, "-m", "sharding", "build", "--source", "synthetic", "--out",
                             str(tmp_path / "out"), "--option", "sizes={train: 8, valid: 4, test: 4}",
                             "--modalities", modalities], cwd=REPO, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "HF_HUB_OFFLINE": "1"})
    assert result.returncode == 2, result.stderr[-2000:]
    assert result.stderr.strip() == f"error: {words}"
    assert "Traceback" not in result.stderr and "pydantic" not in result.stderr


def test_info_is_readable_and_json_keeps_everything(shard_copy, capsys):
    """``dist-mmfuse-shard info``: the source as indented lines, long lists of numbers (standardisation
    statistics) summarised; ``--json`` prints the whole manifest, every value in it."""
    raw = json.loads((shard_copy / "manifest.json").read_text())
    statistics = {"mean": [0.5] * 74, "std": [1.25] * 74}
    raw["source"]["train_statistics"] = {"audio": statistics}
    (shard_copy / "manifest.json").write_text(json.dumps(raw))

    assert shard_cli(["info", str(shard_copy)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("dataset synthetic-mosi (synthetic)")
    assert "  source:" in lines and "    preset: mosi" in lines
    assert "    train_statistics:" in lines and lines.count("        mean: [74 values]") == 1
    assert "        std: [74 values]" in lines and "    sizes:" in lines and "      train: 200" in lines
    assert max(len(line) for line in lines) < 120

    assert shard_cli(["info", str(shard_copy), "--json"]) == 0
    full = json.loads(capsys.readouterr().out)
    assert full["source"]["train_statistics"]["audio"] == statistics
    assert full["splits"]["train"]["num_samples"] == 200 and full["schema"] == raw["schema"]


def _prepare_in_child(config_path: str, overrides: list[str], out: str) -> None:
    """One process of several that prepare the same data at once; what it printed goes to ``out``."""
    import contextlib
    import io

    from dist_mmfuse.config import load_config
    from dist_mmfuse.prepare import prepare_data

    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        _, built = prepare_data(load_config(config_path, overrides, check_data=False), config_path)
    with open(out, "w") as handle:
        json.dump({"built": built, "printed": printed.getvalue()}, handle)


def test_data_prepare_says_what_it_builds_where_and_why_and_leaves_no_lock(tmp_path):
    """Three processes prepare a directory that does not exist (a mistyped data.shard_dir) at once: exactly
    one builds it, after printing the directory, the source and why; the others wait and build nothing;
    no lock file is left beside the shards."""
    import multiprocessing

    from .conftest import REPO

    config = REPO / "configs" / "quickstart.yaml"
    shard_dir = tmp_path / "data" / "quickstrat"
    overrides = [f"data.shard_dir={shard_dir}", "data.prepare.options.sizes={train: 64, valid: 32, test: 32}",
                 "data.prepare.shard_size=32", "data.prepare.procs=1"]
    context = multiprocessing.get_context("spawn")
    children = [context.Process(target=_prepare_in_child, args=(str(config), overrides, str(tmp_path / f"{i}.json")))
                for i in range(3)]
    for child in children:
        child.start()
    for child in children:
        child.join(timeout=300)
        assert child.exitcode == 0
    results = [json.loads((tmp_path / f"{i}.json").read_text()) for i in range(3)]
    builders = [r for r in results if r["built"]]
    assert len(builders) == 1 and all(not r["printed"] for r in results if not r["built"]), results
    said = builders[0]["printed"]
    assert f"{config}: data.shard_dir {shard_dir} has no manifest.json, so data.prepare builds it now" in said
    assert "source synthetic" in said and "check data.shard_dir" in said, said
    assert load_manifest(shard_dir).splits["train"].num_samples == 64
    assert sorted(p.name for p in shard_dir.parent.iterdir()) == ["quickstrat"]  # no .quickstrat.lock
