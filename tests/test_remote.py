"""Shards read from real servers: the project's HTTP shard server and moto's S3-compatible server.

Batches, training losses and evaluation read from a URL equal those read from the same local shards, with
a connection dropped in the middle of a shard too; bad remote shards are named by their URL; permanent
errors fail at once; the cache keeps verified shards within its limit; credentials reach no file or log.
"""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch

from dist_mmfuse import storage
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.manifest import DataError, check_shard_files, load_manifest

from .conftest import REPO, train_env, write_train_config
from .servers import S3_SECRET, http_server, s3_server

TRAIN = [sys.executable, str(REPO / "launch" / "train.py")]
EVAL = [sys.executable, str(REPO / "launch" / "eval.py")]
PREDICT = [sys.executable, str(REPO / "launch" / "predict.py")]
SHARD = [sys.executable, "-m", "sharding"]


def epoch_batches(location, *, workers: int = 2, epoch: int = 0, start_step: int = 0, bad_samples: str = "error",
                  **store) -> list:
    options = LoaderOptions(batch_size=10, num_workers=workers, shuffle_buffer=16, seed=3, bad_samples=bad_samples)
    if store:
        location = storage.ShardStore(location, **store)
    loader = StreamingLoader(location, "train", options)
    try:
        return [(b.index, b.values["audio"], b.values["text"], b.label) for b in loader.epoch(epoch, start_step)]
    finally:
        loader.close()  # its workers, at once: a server stopped later must not leave one waiting on it


def assert_same_batches(got: list, expected: list) -> None:
    assert len(got) == len(expected) and len(expected) > 0
    for mine, theirs in zip(got, expected):
        for a, b in zip(mine, theirs):
            assert torch.equal(a, b)


@pytest.fixture
def small_chunks(monkeypatch):
    """Ranged requests of 16 KiB, so one small shard takes many of them (forked workers inherit it)."""
    monkeypatch.setattr(storage, "CHUNK_BYTES", 16 << 10)


def test_batches_from_http_equal_local_and_a_dropped_connection_resumes_its_range(small_shards, small_chunks,
                                                                                  caplog):
    """Every batch of an epoch read over HTTP equals the local one, including when the server drops the
    connection in the middle of a shard: the retry asks for the range it was reading again (not the shard
    from its start), and the log says which URL was retried."""
    expected = epoch_batches(small_shards)
    shard = "train-000002.tar"
    with http_server(small_shards) as (url, faults):
        assert_same_batches(epoch_batches(url), expected)
        faults.requests.clear()
        third = 2 * storage.CHUNK_BYTES
        faults.drop_mid_body(shard, after_bytes=5000, from_byte=third)  # 5000 bytes into its third range
        with caplog.at_level(logging.WARNING, logger="dist_mmfuse.storage"):
            assert_same_batches(epoch_batches(url, workers=0), epoch_batches(small_shards, workers=0))
    assert faults.dropped == [shard]
    starts = [start for name, start in faults.requests if name == shard]
    # Ranges in order; the cut one asked for again from its first byte, not the shard from its start.
    chunk = storage.CHUNK_BYTES
    assert starts[:4] == [0, chunk, third, third] and starts[4:] == list(range(third + chunk, starts[-1] + 1, chunk))
    assert any(f"{url}/{shard}" in r.getMessage() and "retrying" in r.getMessage() for r in caplog.records)


def test_resume_mid_epoch_from_http_yields_exactly_the_remaining_batches(small_shards):
    expected = epoch_batches(small_shards, epoch=1)
    with http_server(small_shards) as (url, _):
        assert_same_batches(epoch_batches(url, epoch=1, start_step=3), expected[3:])


def test_a_corrupt_or_truncated_remote_shard_is_named_by_its_url(shard_copy):
    shard = shard_copy / "train-000001.tar"
    data = bytearray(shard.read_bytes())
    manifest = load_manifest(shard_copy)
    with http_server(shard_copy) as (url, faults):
        data[3000] ^= 0xFF  # same size, one byte changed: only the digest can tell
        shard.write_bytes(bytes(data))
        with pytest.raises(DataError, match=rf"{url}/train-000001.tar: sha256 \w+ does not match the manifest"):
            epoch_batches(url, workers=0)
        shard.write_bytes(bytes(data[:20000]))
        with pytest.raises(DataError, match=rf"{url}/train-000001.tar: 20000 bytes, the manifest says \d+ "
                                            r"\(truncated or replaced\)"):
            check_shard_files(url, manifest, ["train"])  # what a run checks before it starts
        with pytest.raises(DataError, match=rf"{url}/train-000001.tar: ends at byte 20000, the manifest says"):
            epoch_batches(url, workers=0)


@pytest.mark.parametrize("status, words", [
    (404, r"not found \(404\)"), (403, r"access denied \(403\): check the credentials in the environment")])
def test_permanent_errors_fail_at_once_naming_the_url(small_shards, status, words, caplog):
    """No retry, and never taken for bad data: even under bad_samples=skip (which skips corrupt shards) a
    shard that cannot be fetched stops the run; the check at start names the real error, not "missing"."""
    manifest = load_manifest(small_shards)
    with http_server(small_shards) as (url, faults):
        faults.status["train-000003.tar"] = status
        started = time.perf_counter()
        with caplog.at_level(logging.WARNING, logger="dist_mmfuse.storage"):
            for policy in ("error", "skip"):
                with pytest.raises(DataError, match=rf"{url}/train-000003.tar: {words}$"):
                    epoch_batches(url, workers=0, bad_samples=policy)
        assert not [r for r in caplog.records if "retrying" in r.getMessage() or "skipping" in r.getMessage()]
        assert time.perf_counter() - started < 5
        expected = "shard listed in the manifest is missing" if status == 404 else words
        with pytest.raises(DataError, match=rf"{url}/train-000003.tar: {expected}"):
            check_shard_files(url, manifest, ["train"])
        faults.status = {"manifest.json": status}
        with pytest.raises((FileNotFoundError, DataError), match=rf"{url}/manifest.json"):
            load_manifest(url)


def test_transient_errors_are_retried_then_given_up_naming_the_url(small_shards, monkeypatch, caplog):
    """A failure that outlasts data.retry_for_s ends the read, naming the URL and how long it failed."""
    monkeypatch.setattr(storage, "RETRY_MAX_WAIT_S", 0.05)
    with http_server(small_shards) as (url, faults):
        faults.status["train-000000.tar"] = 503
        store = storage.ShardStore(url, retry_for_s=1.0)
        with caplog.at_level(logging.WARNING, logger="dist_mmfuse.storage"):
            with pytest.raises(DataError, match=rf"{url}/train-000000.tar: .*503.*\(gave up after 1 s of failures, "
                                                r"data.retry_for_s=1\)"):
                epoch_batches(store, workers=0)
    retries = [r.getMessage() for r in caplog.records if "retrying" in r.getMessage()]
    assert len(retries) >= 5 and "(for up to 1 s in all: data.retry_for_s)" in retries[0], retries


def _waits_after_seeding(store: storage.ShardStore, out) -> None:
    import random
    import types

    random.seed(7)  # as every rank and loader worker does, alike
    out.send([store._wait(types.SimpleNamespace(attempt_number=n)) for n in range(1, 9)])


def test_retry_waits_differ_between_processes_seeded_alike(small_shards):
    """Two processes (two ranks, or a rank's loader workers) that seeded the global random alike still
    wait differently between retries, so they do not hit a recovering server in lockstep; each wait stays
    under its exponential ceiling."""
    import multiprocessing

    store = storage.ShardStore(small_shards)
    context = multiprocessing.get_context("fork")
    draws = []
    for _ in range(2):
        receive, send = context.Pipe(duplex=False)
        child = context.Process(target=_waits_after_seeding, args=(store, send))
        child.start()
        draws.append(receive.recv())
        child.join()
    assert draws[0] != draws[1]
    for waits in draws:
        assert all(0 <= w <= min(storage.RETRY_MAX_WAIT_S, storage.RETRY_FIRST_WAIT_S * 2 ** n)
                   for n, w in enumerate(waits))


@pytest.mark.slow
@pytest.mark.parametrize("outage_s", [20, 120])
def test_an_outage_of_minutes_is_survived(small_shards, outage_s, caplog):
    """The server answers 503 to every shard request for 20 s, or for 2 minutes, from the start of an epoch
    read by two loader workers: the reads retry through it (default data.retry_for_s, 10 minutes) and the
    epoch's batches equal those read locally."""
    import time

    expected = epoch_batches(small_shards)
    with http_server(small_shards) as (url, faults):
        store = storage.ShardStore(url)
        faults.outage(outage_s)
        start = time.monotonic()
        with caplog.at_level(logging.WARNING, logger="dist_mmfuse.storage"):
            assert_same_batches(epoch_batches(store), expected)
        assert time.monotonic() - start >= outage_s and faults.outage_refused >= 4


def test_the_cache_serves_shards_read_once_and_keeps_within_its_limit(small_shards, tmp_path, caplog):
    manifest = load_manifest(small_shards)
    shard_bytes = [s.bytes for s in manifest.splits["train"].shards]
    expected = epoch_batches(small_shards)
    cache = tmp_path / "cache"
    with http_server(small_shards) as (url, faults):
        assert_same_batches(epoch_batches(url, cache_dir=cache), expected)
        shard_requests = [name for name, _ in faults.requests if name.endswith(".tar")]
        cached = sorted(p.name for p in cache.iterdir())
        assert cached == sorted(f"{s.sha256}.tar" for s in manifest.splits["train"].shards)
        assert_same_batches(epoch_batches(url, cache_dir=cache), expected)
        assert [name for name, _ in faults.requests if name.endswith(".tar")] == shard_requests  # none again
        # A cached file that went bad is noticed (size), dropped and fetched again.
        damaged = cache / cached[0]
        damaged.write_bytes(damaged.read_bytes()[:100])
        assert_same_batches(epoch_batches(url, cache_dir=cache), expected)
        assert damaged.stat().st_size > 100
        # A limit of two shards: the cache never holds more, and every epoch is still right.
        limited = tmp_path / "limited"
        limit = 2 * max(shard_bytes)
        assert_same_batches(epoch_batches(url, cache_dir=limited, cache_max_bytes=limit, workers=0),
                            epoch_batches(small_shards, workers=0))
        kept = list(limited.iterdir())
        assert 1 <= len(kept) < len(shard_bytes) and sum(p.stat().st_size for p in kept) <= limit
        # A cache directory that cannot be written (here: a file) is said, and the shards are read without it.
        blocked = tmp_path / "not_a_directory"
        blocked.write_text("")
        with caplog.at_level(logging.WARNING, logger="dist_mmfuse.storage"):
            assert_same_batches(epoch_batches(url, cache_dir=blocked, workers=0),
                                epoch_batches(small_shards, workers=0))
        assert any("reading it without the cache" in r.getMessage() for r in caplog.records)


def test_sharding_into_s3_uploads_restartably_and_reads_back_equal(tmp_path, synthetic_source):
    """`dist-mmfuse-shard build --out s3://...` against an S3-compatible server: the same bytes as a local
    build, the manifest last; a rerun after losing one shard rewrites only that one."""
    local = tmp_path / "local"
    args = ["build", "--source", "synthetic", "--option", "preset=mosi", "--option", "seed=5",
            "--option", "sizes={train: 60, valid: 20, test: 20}", "--option", "max_frames=12", "--shard-size", "16"]
    env = train_env()
    assert subprocess.run(SHARD + args + ["--out", str(local)], env=env, capture_output=True).returncode == 0
    with s3_server() as s3_env:
        env.update(s3_env)
        done = subprocess.run(SHARD + args + ["--out", "s3://shards/mosi"], env=env, capture_output=True,
                              text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert load_manifest("s3://shards/mosi").splits == load_manifest(local).splits
        import boto3

        s3 = boto3.client("s3", endpoint_url=s3_env["AWS_ENDPOINT_URL_S3"])
        for key in ("mosi/train-000002.tar", "mosi/manifest.json"):
            s3.delete_object(Bucket="shards", Key=key)
        again = subprocess.run(SHARD + args + ["--out", "s3://shards/mosi"], env=env, capture_output=True,
                               text=True, timeout=300)
        assert again.returncode == 0, again.stderr[-2000:]
        assert "wrote 1 shard(s), 7 already complete" in again.stdout + again.stderr
        assert load_manifest("s3://shards/mosi").splits == load_manifest(local).splits
        assert_same_batches(epoch_batches("s3://shards/mosi"), epoch_batches(local))
        for output in (done, again):
            assert S3_SECRET not in output.stdout + output.stderr


def test_a_config_with_data_prepare_takes_a_url_and_never_builds_into_it(tmp_path, small_shards):
    """data.prepare builds local directories on first use: with a URL it does nothing. A URL with shards
    loads as it is; one without a manifest fails at once, saying how to build into it."""
    from dist_mmfuse.config import ConfigError, load_config

    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={
        "data": {"prepare": {"source": "synthetic", "options": {"preset": "mosi"}}}})
    empty = tmp_path / "empty"
    empty.mkdir()
    with http_server(small_shards) as (url, _):
        assert load_config(config, [f"data.shard_dir={url}"]).data.shard_dir == url
    with http_server(empty) as (url, _):
        with pytest.raises(ConfigError, match=rf"data.shard_dir: {url} has no manifest.json; build the shards into "
                                              rf"it with `dist-mmfuse-shard build --out {url}`"):
            load_config(config, [f"data.shard_dir={url}"])
    assert list(empty.iterdir()) == []


@pytest.mark.parametrize("field, value", [("name", "../../etc/x.tar"), ("name", "a/b.tar"),
                                          ("sha256", "../" + "0" * 61)])
def test_a_manifest_whose_shard_names_or_digests_are_paths_is_refused(shard_copy, field, value):
    """A manifest from a server is data: its shard names and digests become parts of URLs and of the
    cache's file names, so anything but a plain name and a hex digest is refused, naming the key."""
    path = shard_copy / "manifest.json"
    raw = json.loads(path.read_text())
    raw["splits"]["train"]["shards"][1][field] = value
    path.write_text(json.dumps(raw))
    with pytest.raises(DataError, match=rf"manifest.json: splits.train.shards.1.{field}: String should match"):
        load_manifest(shard_copy)


def test_tuning_trials_keep_a_url_shard_dir(tmp_path, small_shards):
    """Ray Tune trials run in other directories and on other nodes: project paths are re-rooted there, a
    URL stays the URL."""
    from dist_mmfuse.tuning import base_config, load_tune_settings, trial_config

    from .test_tune import write_tune_config

    config = write_tune_config(tmp_path, small_shards, "remote", {"objective.mmim.alpha": {"uniform": [0.1, 0.2]}}, 1)
    settings = load_tune_settings(config, ["train_overrides=[data.shard_dir=s3://shards/mosi/]"])
    trial = trial_config(settings, base_config(settings), {"objective.mmim.alpha": 0.15}, "t1")
    assert trial.data.shard_dir == "s3://shards/mosi" and trial.objective.mmim.alpha == 0.15


def _train_log(run: Path) -> list[dict]:
    return [json.loads(line) for line in (run / "metrics.jsonl").read_text().splitlines()]


def _losses(log: list[dict]) -> list[tuple]:
    return [(r["step"], r["loss"]) for r in log if r["kind"] == "train"]


@pytest.mark.slow
def test_training_and_evaluation_from_http_and_s3_equal_local(small_shards, tmp_path):
    """launch/train.py reading its shards from the HTTP server (which drops a connection in the middle of a
    shard) and from the S3-compatible server: every step's loss and the final metrics equal the local run's;
    launch/eval.py from each equals too, and launch/predict.py from HTTP; a run resumed mid-epoch from HTTP
    equals the uninterrupted one.
    The S3 secret is in no file of the run and in no output."""
    extra = {"trainer": {"checkpoint_every_steps": 7, "keep_checkpoints": 10}, "data": {"num_workers": 2}}
    runs = {}

    def train(name: str, shard_dir: str, env: dict, *more: str) -> subprocess.CompletedProcess:
        config = write_train_config(tmp_path / f"{name}.yaml", small_shards, tmp_path / name, extra=extra)
        done = subprocess.run(TRAIN + ["--config", str(config), f"data.shard_dir={shard_dir}", *more], env=env,
                              capture_output=True, text=True, timeout=900)
        assert done.returncode == 0, done.stderr[-3000:]
        runs[name] = _train_log(tmp_path / name)
        return done

    def evaluate(run: str, shard_dir: str, env: dict) -> dict:
        done = subprocess.run(EVAL + ["--model", str(tmp_path / run / "best_model"), "--split", "test",
                                      f"data.shard_dir={shard_dir}"], env=env, capture_output=True, text=True,
                              timeout=300)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout[done.stdout.index("{"):])

    env = train_env()
    train("local", str(small_shards), env)
    local_eval = evaluate("local", str(small_shards), env)
    with http_server(small_shards) as (url, faults):
        faults.drop_mid_body("train-000002.tar", after_bytes=30000, times=2)
        train("http", url, env, f"data.cache_dir={tmp_path / 'cache'}")
        assert faults.dropped == ["train-000002.tar"] * 2
        assert evaluate("http", url, env) == local_eval
        # Predictions from the shards at the URL equal those from the local directory.
        predicted = []
        for where, name in ((str(small_shards), "local.csv"), (url, "http.csv")):
            done = subprocess.run(PREDICT + ["--model", str(tmp_path / "local" / "best_model"), "--input", where,
                                             "--split", "test", "--out", str(tmp_path / name)],
                                  env=env, capture_output=True, text=True, timeout=300)
            assert done.returncode == 0, done.stderr[-3000:]
            predicted.append((tmp_path / name).read_text())
        assert predicted[0] == predicted[1] and len(predicted[0].splitlines()) == 31
        # Resume mid-epoch (epoch 1, step 7 of 12) from HTTP, in the run's own directory as after a crash.
        resumed = subprocess.run(TRAIN + ["--config", str(tmp_path / "http.yaml"), f"data.shard_dir={url}",
                                          "--resume", str(tmp_path / "http" / "checkpoints" / "step00000007")],
                                 env=env, capture_output=True, text=True, timeout=900)
        assert resumed.returncode == 0, resumed.stderr[-3000:]
        assert _losses(_train_log(tmp_path / "http")) == _losses(runs["local"])
    with s3_server() as s3_env:
        env = {**train_env(), **s3_env}
        done = subprocess.run(SHARD + ["build", "--source", "synthetic", "--out", "s3://shards/small",
                                       "--option", "preset=mosi", "--option", "seed=5", "--option",
                                       "sizes={train: 200, valid: 47, test: 30}", "--option", "max_frames=40",
                                       "--shard-size", "40", "--dtype", "float32"],
                              env=env, capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr[-2000:]
        assert load_manifest("s3://shards/small").splits == load_manifest(small_shards).splits
        trained = train("s3", "s3://shards/small", env)
        assert evaluate("s3", "s3://shards/small", env) == local_eval
    assert _losses(runs["http"]) == _losses(runs["local"]) == _losses(runs["s3"])
    finals = [[r for r in runs[name] if r["kind"] == "final"] for name in ("local", "http", "s3")]
    assert finals[0][0]["test_mae"] == finals[1][0]["test_mae"] == finals[2][0]["test_mae"]
    leaked = [str(p) for p in (tmp_path / "s3").rglob("*") if p.is_file() and S3_SECRET.encode() in p.read_bytes()]
    assert not leaked and S3_SECRET not in trained.stdout + trained.stderr
