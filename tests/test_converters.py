"""Every converter round-trips: what the loader reads back equals the source values.

The MMSA and MulT files cannot be downloaded here, so the tests build pickles of the documented layouts
and shapes (METHODS.md §5.2, §5.3) in place.
"""

from __future__ import annotations

import csv
import json
import pickle

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dist_mmfuse.data.loader import iter_split_samples
from dist_mmfuse.manifest import DataError, load_manifest
from sharding.sources import make_source
from sharding.tokenizer import TextTokenizer
from sharding.writer import ShardBuilder

from .conftest import MOSI_REAL, MOSI_REAL_MISSING

SIZES = {"train": 7, "valid": 3, "test": 4}
WORDS = ("good", "bad", "movie", "the", "plot", "great", "boring", "actor")


def build(source_kind, options, out, **kwargs):
    ShardBuilder(make_source(source_kind, options), out, shard_size=4, feature_dtype="float32", **kwargs).build()
    return {split: list(iter_split_samples(out, split)) for split in load_manifest(out).splits}


def mmsa_pickle(path, rng, *, aligned=False, sims=False, text_len=12, t_audio=9, t_vision=6):
    data = {}
    for split, n in SIZES.items():
        lengths_t = rng.integers(3, text_len + 1, size=n)
        ids = rng.integers(1000, 2000, size=(n, text_len))
        mask = (np.arange(text_len)[None] < lengths_t[:, None]).astype(np.int64)
        part = {
            "id": [f"vid{split}{i}$_${i}" for i in range(n)],
            "raw_text": [" ".join(rng.choice(WORDS, size=int(rng.integers(2, 9)))) for _ in range(n)],
            "text_bert": np.stack([ids * mask, mask, np.zeros_like(mask)], axis=1).astype(np.float32),
            "text": rng.standard_normal((n, text_len, 768)).astype(np.float32),
            "audio": rng.standard_normal((n, t_audio, 5)).astype(np.float32),
            "vision": rng.standard_normal((n, t_vision, 20)).astype(np.float32),
            "regression_labels": rng.uniform(-1 if sims else -3, 1 if sims else 3, size=n).astype(np.float32),
            "annotations": ["Positive"] * n,
        }
        part["audio"][0, 0, 1] = -np.inf  # the official loaders set -inf audio to 0
        if not aligned:
            part["audio_lengths"] = rng.integers(1, t_audio + 1, size=n).tolist()
            part["vision_lengths"] = rng.integers(1, t_vision + 1, size=n).tolist()
        if sims:
            for letter in "TAV":
                part[f"regression_labels_{letter}"] = rng.uniform(-1, 1, size=n).astype(np.float32)
        data[split] = part
    with open(path, "wb") as handle:
        pickle.dump(data, handle)
    return data


@pytest.mark.parametrize("aligned", [False, True])
def test_mmsa_round_trip(tmp_path, aligned):
    rng = np.random.default_rng(1)
    data = mmsa_pickle(tmp_path / "unaligned_50.pkl", rng, aligned=aligned)
    decoded = build("mmsa", {"path": str(tmp_path / "unaligned_50.pkl"), "text": "text_bert"}, tmp_path / "out")
    for split, samples in decoded.items():
        part = data[split]
        assert [s.id for s in samples] == part["id"]
        for row, sample in enumerate(samples):
            assert sample.label == pytest.approx(float(part["regression_labels"][row]))
            text_len = int(part["text_bert"][row][1].sum())
            np.testing.assert_array_equal(sample.features["text"], part["text_bert"][row][0][:text_len])
            for name in ("audio", "vision"):
                length = part[f"{name}_lengths"][row] if not aligned else text_len
                expected = part[name][row][:length].copy()
                expected[np.isneginf(expected)] = 0
                np.testing.assert_array_equal(sample.features[name], expected)


def test_mmsa_raw_text_and_sims_labels(tmp_path):
    rng = np.random.default_rng(2)
    data = mmsa_pickle(tmp_path / "unaligned_39.pkl", rng, sims=True)
    decoded = build("mmsa", {"path": str(tmp_path / "unaligned_39.pkl"), "dataset": "sims", "text": "raw"},
                    tmp_path / "out")
    manifest = load_manifest(tmp_path / "out")
    assert manifest.schema.label_range == (-1.0, 1.0) and manifest.schema.modality_labels == ("text", "audio", "vision")
    tokenizer = TextTokenizer(None, max_len=50)
    sample = decoded["test"][2]
    np.testing.assert_array_equal(sample.features["text"], tokenizer(data["test"]["raw_text"][2]))
    assert sample.modality_labels["audio"] == pytest.approx(float(data["test"]["regression_labels_A"][2]))


def test_mmsa_features_text_and_nan_error(tmp_path):
    rng = np.random.default_rng(3)
    data = mmsa_pickle(tmp_path / "aligned_50.pkl", rng)
    decoded = build("mmsa", {"path": str(tmp_path / "aligned_50.pkl"), "text": "features"}, tmp_path / "out")
    row = decoded["valid"][1]
    length = int(data["valid"]["text_bert"][1][1].sum())
    np.testing.assert_array_equal(row.features["text"], data["valid"]["text"][1][:length])
    data["train"]["vision"][5, 0, 0] = np.nan
    with open(tmp_path / "nan.pkl", "wb") as handle:
        pickle.dump(data, handle)
    with pytest.raises(DataError, match=r"nan.pkl split 'train' row 5 \(id 'vidtrain5\$_\$5'\): NaN or Inf"):
        build("mmsa", {"path": str(tmp_path / "nan.pkl")}, tmp_path / "nan_out")


def mult_pickle(path, rng, t=10):
    data, rows = {}, []
    for split, n in SIZES.items():
        audio = np.zeros((n, t, 5), np.float32)
        vision = np.zeros((n, t, 20), np.float32)
        lengths = rng.integers(1, t + 1, size=n)
        for i, length in enumerate(lengths):  # left zero padding
            audio[i, t - length:] = rng.standard_normal((length, 5)) + 3
            vision[i, t - length:] = rng.standard_normal((length, 20)) + 3
        ids = np.array([f"video{split}x_{i + 1}" for i in range(n)])
        data[split] = {"audio": audio, "vision": vision, "text": rng.standard_normal((n, t, 300)).astype(np.float32),
                       "labels": rng.uniform(-3, 3, size=(n, 1, 1)).astype(np.float32), "id": ids}
        rows += [{"video_id": f"video{split}x", "clip_id": str(i + 1), "mode": split,
                  "text": " ".join(rng.choice(WORDS, size=4)), "label": 0} for i in range(n)]
    with open(path, "wb") as handle:
        pickle.dump(data, handle)
    return data, rows


def write_csv(path, rows):
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


def test_mult_text_matched_by_id_not_row(tmp_path):
    rng = np.random.default_rng(4)
    data, rows = mult_pickle(tmp_path / "mosi_data_noalign.pkl", rng)
    rng.shuffle(rows)  # CSV order unrelated to the pickle order
    write_csv(tmp_path / "MOSI-label.csv", rows)
    decoded = build("mult", {"path": str(tmp_path / "mosi_data_noalign.pkl"),
                             "labels_csv": str(tmp_path / "MOSI-label.csv")}, tmp_path / "out")
    texts = {(r["video_id"], r["clip_id"]): r["text"] for r in rows}
    tokenizer = TextTokenizer(None, max_len=50)
    for split, samples in decoded.items():
        for row, sample in enumerate(samples):
            video, clip = sample.id.rsplit("_", 1)
            np.testing.assert_array_equal(sample.features["text"], tokenizer(texts[(video, clip)]))
            assert sample.label == pytest.approx(float(data[split]["labels"][row, 0, 0]))
            audio = data[split]["audio"][row]
            first = np.flatnonzero(np.any(audio != 0, axis=1))[0]
            np.testing.assert_array_equal(sample.features["audio"], audio[first:])
    write_csv(tmp_path / "short.csv", [r for r in rows if r["clip_id"] != "2" or r["mode"] != "valid"])
    with pytest.raises(DataError, match=r"id 'videovalidx_2'\): no row with video_id='videovalidx', clip_id='2'"):
        build("mult", {"path": str(tmp_path / "mosi_data_noalign.pkl"), "labels_csv": str(tmp_path / "short.csv")},
              tmp_path / "short_out")


def table_rows(rng, n=14):
    rows = []
    for i in range(n):
        length = int(rng.integers(1, 6))
        rows.append({
            "clip": f"c{i}", "score": float(rng.uniform(-3, 3)), "fold": ["train", "valid", "test"][i % 3],
            "words": " ".join(rng.choice(WORDS, size=3)),
            "audio": rng.standard_normal((length, 4)).astype(np.float32).tolist(),
            "vision": rng.standard_normal(6).astype(np.float32).tolist(),
        })
    return rows


TABLE_SPEC = {"id": "clip", "label": "score", "split": "fold", "label_range": [-3, 3], "modalities": [
    {"name": "text", "column": "words", "kind": "text", "max_len": 16},
    {"name": "audio", "column": "audio", "kind": "sequence", "dim": 4, "max_len": 5},
    {"name": "vision", "column": "vision", "kind": "vector", "dim": 6}]}


@pytest.mark.parametrize("fmt", ["parquet", "arrow", "csv"])
def test_table_round_trip(tmp_path, fmt):
    rng = np.random.default_rng(5)
    rows = table_rows(rng)
    path = tmp_path / f"table.{fmt}"
    if fmt == "csv":
        write_csv(path, [{**r, "audio": json.dumps(r["audio"]), "vision": json.dumps(r["vision"])} for r in rows])
    else:
        table = pa.Table.from_pylist(rows)
        if fmt == "parquet":
            pq.write_table(table, path, row_group_size=5)
        else:
            with pa.ipc.new_file(str(path), table.schema) as writer:
                for batch in table.to_batches(max_chunksize=4):
                    writer.write_batch(batch)
    decoded = build("table", {"path": str(path), "spec": TABLE_SPEC, "batch_rows": 4}, tmp_path / "out")
    tokenizer = TextTokenizer(None, max_len=16)
    for split, samples in decoded.items():
        expected = [r for r in rows if r["fold"] == split]
        assert [s.id for s in samples] == [r["clip"] for r in expected]
        for sample, row in zip(samples, expected):
            assert sample.label == pytest.approx(row["score"])
            np.testing.assert_array_equal(sample.features["audio"], np.asarray(row["audio"], np.float32))
            np.testing.assert_array_equal(sample.features["vision"], np.asarray(row["vision"], np.float32))
            np.testing.assert_array_equal(sample.features["text"], tokenizer(row["words"]))


needs_mosi = pytest.mark.skipif(not MOSI_REAL.is_dir(), reason=MOSI_REAL_MISSING)


@needs_mosi
def test_mosi_real_standard_folds(tmp_path):
    decoded = build("mosi_real", {"split": "std"}, tmp_path / "out")
    assert {k: len(v) for k, v in decoded.items()} == {"train": 1284, "valid": 229, "test": 686}
    arrays = np.load(MOSI_REAL / "utterance_features.npz", allow_pickle=False)
    row_of = {sid: i for i, sid in enumerate(arrays["id"])}
    with open(MOSI_REAL / "segments.csv", newline="") as handle:
        records = {r["id"]: r for r in csv.DictReader(handle)}
    tokenizer = TextTokenizer(None, max_len=50)
    assert load_manifest(tmp_path / "out").schema.names == ("text", "audio")
    # Features are z-scored with the train split's statistics only.
    train_rows = [row_of[s.id] for s in decoded["train"]]
    raw = arrays["audio"].astype(np.float64)
    mean, std = raw[train_rows].mean(0), raw[train_rows].std(0)
    std = np.where(std > 1e-8, std, 1.0)
    train_audio = np.stack([s.features["audio"] for s in decoded["train"]])
    np.testing.assert_allclose(train_audio.mean(0), 0, atol=1e-4)
    for sample in decoded["test"][::50]:
        record = records[sample.id]
        assert record["split_std"] == "test"
        assert sample.label == pytest.approx(float(record["label"]))
        expected = ((raw[row_of[sample.id]] - mean) / std).astype(np.float32)
        np.testing.assert_allclose(sample.features["audio"], expected, rtol=1e-5, atol=1e-5)
        np.testing.assert_array_equal(sample.features["text"], tokenizer(record["text"]))
    raw_source = make_source("mosi_real", {"split": "std", "standardize": False})
    first = next(raw_source.iter_samples("test", 0, 1))
    np.testing.assert_array_equal(first.features["audio"], arrays["audio"][row_of[first.id]])
    with pytest.raises(ValueError, match=r"\['video'\] leak labels"):
        make_source("mosi_real", {"split": "std", "features": ["audio", "video"]})


@needs_mosi
def test_mosi_real_bclstm_holds_out_whole_videos(tmp_path):
    decoded = build("mosi_real", {"split": "bclstm", "seed": 3}, tmp_path / "out")
    assert len(decoded["train"]) + len(decoded["valid"]) == 1447 and len(decoded["test"]) == 752
    videos = {split: {s.id.rsplit("_", 1)[0] for s in samples} for split, samples in decoded.items()}
    assert not videos["train"] & videos["valid"] and not videos["train"] & videos["test"]
    assert load_manifest(tmp_path / "out").schema.names == ("text", "audio", "video", "text_cnn")


@needs_mosi
def test_mosi_real_bclstm_warns_of_the_features_that_carry_its_train_labels(caplog):
    """video and text_cnn on the bc-LSTM split: a warning naming them (their networks saw the train and
    valid rows' labels); audio alone: none."""
    import logging

    from sharding.sources.mosi_real import MosiRealSource

    with caplog.at_level(logging.WARNING, logger="sharding.sources.mosi_real"):
        MosiRealSource(split="bclstm", features=["audio", "video", "text_cnn"])
    assert [r.getMessage() for r in caplog.records if "carry the labels" in r.getMessage()] == [
        "mosi_real: feature(s) ['text_cnn', 'video'] on split='bclstm' carry the labels of its train and valid rows "
        "(their networks were trained on them) but not of its test rows: validation will favour models that lean "
        "on them (docs/data.md, the real CMU-MOSI source)"]
    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="sharding.sources.mosi_real"):
        MosiRealSource(split="bclstm", features=["audio"])
    assert not caplog.records


@needs_mosi
@pytest.mark.slow  # ~2,200 single-transcript MiniLM passes at build time, 1 to 2 minutes on 2 cores
def test_mosi_real_text_features(tmp_path):
    """text_features: text is the frozen MiniLM's vector of the transcript (text_pooling: mean, as the
    CPU-track configs build it: the mean over tokens), z-scored with the train
    split's statistics (recorded in the manifest); the option is recorded only when set."""
    from sharding.tokenizer import TextFeatureEncoder

    decoded = build("mosi_real", {"split": "std", "text_features": True, "text_pooling": "mean"}, tmp_path / "out")
    manifest = load_manifest(tmp_path / "out")
    text_spec = manifest.schema.modality("text")
    assert manifest.schema.names == ("text", "audio")
    assert (text_spec.kind.value, text_spec.dim, text_spec.max_len) == ("vector", 384, 1)
    assert set(manifest.source["text_features"]["weights_sha256"]) and manifest.source["text_features"]["dim"] == 384
    assert "text_features" not in make_source("mosi_real", {"split": "std"}).description()
    statistics = manifest.standardisation["text"]
    mean, std = np.asarray(statistics["mean"]), np.asarray(statistics["std"])
    # Over the train split every dimension is standardised; valid and test are merely near it.
    train_text = np.stack([s.features["text"] for s in decoded["train"]]).astype(np.float64)
    np.testing.assert_allclose(train_text.mean(0), 0, atol=1e-5)
    np.testing.assert_allclose(train_text.std(0), 1, atol=1e-5)
    test_text = np.stack([s.features["text"] for s in decoded["test"]]).astype(np.float64)
    assert np.abs(test_text.mean(0)).max() > 1e-2  # statistics of the train split, not of every split
    # Each vector is the encoder's mean output over that transcript's tokens, standardised with those statistics.
    with open(MOSI_REAL / "segments.csv", newline="") as handle:
        records = {r["id"]: r for r in csv.DictReader(handle)}
    encoder = TextFeatureEncoder(TextTokenizer(None, max_len=50), pooling="mean")
    for split, samples in decoded.items():
        for sample in samples[::97]:
            expected = ((encoder.raw_vector(records[sample.id]["text"]) - mean) / std).astype(np.float32)
            np.testing.assert_array_equal(sample.features["text"], expected)
    # The audio features are those of the build without the option.
    plain = make_source("mosi_real", {"split": "std"})
    first = next(plain.iter_samples("test", 0, 1))
    np.testing.assert_array_equal(first.features["audio"], decoded["test"][0].features["audio"])
