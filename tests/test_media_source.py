"""The media source through the real entry points: clips made here (tests/media_clips.py) and a table of
their transcripts and labels become shards (`dist-mmfuse-shard build --source media`), and a tiny model
trains from them; bad media is named by id and path."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from .conftest import REPO, train_env, write_train_config
from .media_clips import make_clip, need_media_tools

CLIPS = [("What a wonderful film, I loved it.", 2.5), ("A dull and boring film.", -2.0),
         ("It was fine, nothing special.", 0.0), ("The best film I have seen this year.", 2.8),
         ("Terrible acting and a weak story.", -2.6), ("Some good moments, some bad ones.", 0.5),
         ("I really enjoyed the music.", 1.5), ("I would not watch it again.", -1.5)]
SPLITS = ["train"] * 5 + ["valid"] * 2 + ["test"]


def write_table(path: Path, rows: list[dict]) -> Path:
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["id", "media", "start", "end", "text", "label", "split"])
        writer.writeheader()
        writer.writerows(rows)
    return path


@pytest.fixture(scope="module")
def clip_table(tmp_path_factory):
    need_media_tools()
    root = tmp_path_factory.mktemp("clips")
    rows = []
    for number, ((text, label), split) in enumerate(zip(CLIPS, SPLITS)):
        make_clip(root / f"clip{number}.mp4", text, tail_seconds=0.2)
        rows.append({"id": f"c{number:03d}", "media": f"clip{number}.mp4", "start": "", "end": "", "text": text,
                     "label": label, "split": split})
    return write_table(root / "clips.csv", rows), rows


def shard_build(table: Path, out: Path, *options: str) -> subprocess.CompletedProcess:
    args = [sys.executable, "-m", "sharding", "build", "--source", "media", "--out", str(out), "--shard-size", "4",
            "--option", f"path={table}", *(item for option in options for item in ("--option", option))]
    return subprocess.run(args, env=train_env(), capture_output=True, text=True, timeout=600, cwd=REPO)


def test_clips_become_shards_with_documented_shapes_once_extracted(clip_table, tmp_path):
    from dist_mmfuse.data.loader import iter_split_samples
    from dist_mmfuse.manifest import load_manifest

    table, rows = clip_table
    built = shard_build(table, tmp_path / "shards", "workers=2")
    assert built.returncode == 0, built.stderr[-3000:]
    assert "extracting the features of 8 clip(s)" in built.stderr
    manifest = load_manifest(tmp_path / "shards")
    specs = {spec.name: spec for spec in manifest.schema.modalities}
    assert (specs["audio"].dim, specs["vision"].dim) == (25, 16)
    assert {name: split.num_samples for name, split in manifest.splits.items()} == {"train": 5, "valid": 2, "test": 1}
    frames = manifest.source["frames"]
    assert frames["analysed"] == frames["with_face"] > 8 * 20  # every frame shows the face; > 2 s a clip at 10 fps
    assert manifest.source["extraction"]["feature_set"] == "eGeMAPSv02" and manifest.source["skipped"] == []
    samples = {s.id: s for split in ("train", "valid", "test") for s in iter_split_samples(tmp_path / "shards", split)}
    assert set(samples) == {r["id"] for r in rows}
    for row in rows:
        sample = samples[row["id"]]
        assert sample.label == pytest.approx(float(row["label"]))
        assert sample.features["audio"].shape[1] == 25 and sample.features["vision"].shape[1] == 16
        # ~100 audio frames and 10 face frames a second of the clip
        assert sample.features["audio"].shape[0] == pytest.approx(10 * sample.features["vision"].shape[0], rel=0.15)
    # Standardised with the train split's statistics, recorded for exports.
    train_audio = np.concatenate([samples[r["id"]].features["audio"] for r in rows if r["split"] == "train"])
    assert np.abs(train_audio.astype(np.float64).mean(0)).max() < 0.05
    assert set(manifest.standardisation) == {"audio", "vision"}
    # The features vary with the clip (different sentences, a moving face).
    first, second = samples["c000"].features, samples["c001"].features
    assert not np.allclose(first["audio"][:50], second["audio"][:50])
    assert first["vision"][:, 12].std() > 0.1  # face_x drifts across each clip
    # Built again elsewhere: nothing extracted again (the features are kept beside the table).
    again = shard_build(table, tmp_path / "again")
    assert again.returncode == 0, again.stderr[-3000:]
    assert "extracting" not in again.stderr
    assert len(list(table.with_name("clips.csv.features").glob("*.npz"))) == 8


@pytest.mark.slow
def test_extraction_as_ray_tasks_gives_what_local_processes_give(clip_table, tmp_path):
    table, _ = clip_table
    local = shard_build(table, tmp_path / "local")  # features from the cache beside the table, or extracted now
    assert local.returncode == 0, local.stderr[-3000:]
    on_ray = shard_build(table, tmp_path / "ray", "ray_address=local", f"cache_dir={tmp_path / 'ray_cache'}")
    assert on_ray.returncode == 0, on_ray.stderr[-3000:]
    assert "extracting the features of 8 clip(s)" in on_ray.stderr and "with Ray (local)" in on_ray.stderr
    cached = sorted((tmp_path / "ray_cache").glob("*.npz"))
    assert len(cached) == 8
    for path in cached:
        with np.load(path, allow_pickle=False) as ray_arrays, \
                np.load(table.with_name("clips.csv.features") / path.name, allow_pickle=False) as arrays:
            for name in ("audio", "vision", "frames", "frames_with_face"):
                np.testing.assert_array_equal(ray_arrays[name], arrays[name])


@pytest.mark.slow
def test_a_tiny_model_trains_from_clips_and_its_export_scores_a_clip(clip_table, tmp_path):
    table, rows = clip_table
    built = shard_build(table, tmp_path / "shards")
    assert built.returncode == 0, built.stderr[-3000:]
    config = write_train_config(tmp_path / "c.yaml", tmp_path / "shards", tmp_path / "run",
                                extra={"data": {"batch_size": 2, "num_workers": 1}, "trainer": {"epochs": 2}})
    trained = subprocess.run([sys.executable, str(REPO / "launch" / "train.py"), "--config", str(config)],
                             env=train_env(), capture_output=True, text=True, timeout=600, cwd=tmp_path)
    assert trained.returncode == 0, (trained.stdout + trained.stderr)[-3000:]
    final = [json.loads(line) for line in (tmp_path / "run" / "metrics.jsonl").read_text().splitlines()
             if '"final"' in line][-1]
    assert final["test_samples"] == 1 and np.isfinite(final["test_mae"])
    export = tmp_path / "run" / "best_model"
    # The export predicts from a clip: it extracts the clip as the training clips were extracted, so each clip
    # scores as its sample in the shards does, through the API and through dist-mmfuse-predict.
    from_shards = {}
    for split in ("train", "valid", "test"):
        predicted = predict_cli(export, tmp_path / "shards", tmp_path / f"{split}.csv", "--split", split)
        from_shards.update(read_predictions(tmp_path / f"{split}.csv"))
    from dist_mmfuse import load_model

    model = load_model(export)
    clips = [{"id": row["id"], "media": str(table.parent / row["media"]), "text": row["text"]} for row in rows]
    np.testing.assert_allclose(model.predict(clips), [from_shards[row["id"]] for row in rows], atol=1e-5)
    predicted = predict_cli(export, table, tmp_path / "clips.csv")
    assert "8 predictions; MAE" in predicted.stdout
    from_clips = read_predictions(tmp_path / "clips.csv")
    assert from_clips == pytest.approx(from_shards, abs=1e-5)
    # A bad clip is named, exit 2.
    write_table(tmp_path / "bad.csv", [{"id": "gone", "media": str(tmp_path / "gone.mp4"), "start": "", "end": "",
                                        "text": "x", "label": "", "split": ""}])
    failed = predict_cli(export, tmp_path / "bad.csv", tmp_path / "bad_preds.csv", check=False)
    assert failed.returncode == 2 and "(id 'gone'): " in failed.stderr and "gone.mp4: no such file" in failed.stderr
    assert "Traceback" not in failed.stderr


def predict_cli(export: Path, source: Path, out: Path, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([sys.executable, str(REPO / "launch" / "predict.py"), "--model", str(export), "--input",
                             str(source), "--out", str(out), *args], env=train_env(), capture_output=True, text=True,
                            timeout=600, cwd=REPO)
    assert not check or result.returncode == 0, result.stderr[-3000:]
    return result


def read_predictions(path: Path) -> dict[str, float]:
    with open(path, newline="") as handle:
        return {row["id"]: float(row["prediction"]) for row in csv.DictReader(handle)}


def test_bad_media_is_named_and_stops_the_build_or_is_skipped(clip_table, tmp_path):
    table, rows = clip_table
    good = [{**row, "media": str(table.parent / row["media"])} for row in rows[:5]]  # the tables here live elsewhere
    broken = tmp_path / "truncated.mp4"
    broken.write_bytes((table.parent / "clip0.mp4").read_bytes()[:3000])
    make_clip(tmp_path / "silent.mp4", "No sound at all.", audio=False)
    make_clip(tmp_path / "grey.mp4", "Nobody is here.", face=False)
    bad = {
        "missing": (str(tmp_path / "gone.mp4"), "", "", r"gone\.mp4: no such file"),
        "truncated": (str(broken), "", "", r"truncated\.mp4"),
        "silent": (str(tmp_path / "silent.mp4"), "", "", r"silent\.mp4: has no audio track"),
        "outside": (str(table.parent / "clip1.mp4"), "30", "32", r"clip1\.mp4 \[30s, 32s\): outside the file's duration"),
        "faceless": (str(tmp_path / "grey.mp4"), "", "", r"grey\.mp4: no face found in any of its \d+ frame"),
    }
    for name, (media, start, end, message) in bad.items():
        case = write_table(tmp_path / f"{name}.csv", good + [{"id": name, "media": media, "start": start, "end": end,
                                                              "text": "x", "label": 0, "split": "train"}])
        result = shard_build(case, tmp_path / f"out_{name}")
        assert result.returncode == 2, (name, result.stderr[-2000:])
        assert "Traceback" not in result.stderr
        assert f"(id '{name}')" in result.stderr, result.stderr[-2000:]
        assert re.search(message, result.stderr), (name, result.stderr[-2000:])
        assert not list((tmp_path / f"out_{name}").glob("*.tar"))  # nothing written
    everything = write_table(tmp_path / "all.csv", good + [
        {"id": name, "media": media, "start": start, "end": end, "text": "x", "label": 0, "split": "train"}
        for name, (media, start, end, _) in bad.items()])
    skipped = shard_build(everything, tmp_path / "out_skip", "bad_media=skip")
    assert skipped.returncode == 0, skipped.stderr[-3000:]
    from dist_mmfuse.manifest import load_manifest

    manifest = load_manifest(tmp_path / "out_skip")
    assert manifest.splits["train"].num_samples == 5
    assert sorted(entry["id"] for entry in manifest.source["skipped"]) == sorted(bad)


def media_source(table: Path, **options):
    from sharding.sources.media import MediaSource

    return MediaSource(str(table), **options)


def test_table_cells_and_splits_are_read_as_written(clip_table, tmp_path):
    from dist_mmfuse.manifest import DataError

    table, rows = clip_table
    absolute = [{**row, "media": str(table.parent / row["media"])} for row in rows]
    # A transcript "NA" is a transcript, not a missing value; a zero-padded id stays as written.
    case = write_table(tmp_path / "na.csv", [{**absolute[0], "id": "007", "text": "NA"}, *absolute[1:]])
    source = media_source(case, cache_dir=str(table.with_name("clips.csv.features")))
    first = next(source.iter_samples("train", 0, 1))
    assert first.id == "007" and source.rows[0]["text"] == "NA"
    no_train = write_table(tmp_path / "no_train.csv", [{**row, "split": "training"} for row in absolute])
    with pytest.raises(DataError, match=r"no clip in the split 'train' \(splits: \['training'\]\)"):
        media_source(no_train, cache_dir=str(table.with_name("clips.csv.features")))
    assert media_source(no_train, cache_dir=str(table.with_name("clips.csv.features")), standardize=False)


def test_an_audio_file_a_crash_and_a_damaged_cache_are_each_named_or_redone(clip_table, tmp_path, monkeypatch):
    import shutil

    from dist_mmfuse.manifest import DataError

    table, rows = clip_table
    absolute = [{**row, "media": str(table.parent / row["media"])} for row in rows]
    wav = table.parent / "clip0.wav"  # espeak-ng's speech, kept by make_clip: audio only
    case = write_table(tmp_path / "wav.csv", [*absolute[:5], {**absolute[0], "id": "voice", "media": str(wav)}])
    with pytest.raises(DataError, match=r"\(id 'voice'\): .*clip0\.wav: has no video track"):
        media_source(case, cache_dir=str(tmp_path / "cache"))
    # A fault that is not bad media (a bug, a missing package) names the clip, whatever bad_media says.
    import dist_mmfuse.media.extract as extract

    def broken(segment, settings):
        raise RuntimeError("the face model is missing")

    monkeypatch.setattr(extract, "extract_clip", broken)
    with pytest.raises(DataError, match=r"\(id 'c000'\): extracting .*clip0\.mp4 failed: RuntimeError: the face model"):
        media_source(write_table(tmp_path / "one.csv", absolute[:1]), cache_dir=str(tmp_path / "cache2"),
                     bad_media="skip")
    monkeypatch.undo()
    # A damaged cache file is extracted again, not trusted.
    cache = tmp_path / "cache3"
    shutil.copytree(table.with_name("clips.csv.features"), cache)
    victim = sorted(cache.glob("*.npz"))[0]
    victim.write_bytes(victim.read_bytes()[:100])
    source = media_source(table, cache_dir=str(cache))
    assert sum(1 for _ in source.iter_samples("train", 0, 5)) == 5
    with np.load(victim, allow_pickle=False) as arrays:
        assert arrays["audio"].shape[1] == 25
