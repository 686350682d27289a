"""Bad data stops with an error naming the shard and the sample key; the skip policy counts it."""

from __future__ import annotations

import logging

import numpy as np
import tarfile

import pytest

from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.manifest import DataError

from .conftest import tiny_sample, write_raw_dataset

BATCH = 4


def dataset_with(tmp_path, damage=None, bad_index=5):
    """Two shards of 8 tiny samples; ``damage`` spoils sample ``bad_index``."""
    rng = np.random.default_rng(0)
    samples = [tiny_sample(i, rng) for i in range(16)]
    if damage:
        damage(samples[bad_index])
    return write_raw_dataset(tmp_path / "ds", [samples[:8], samples[8:]])


def loader(path, policy="error", workers=0, train=True, verify=True):
    options = LoaderOptions(batch_size=BATCH, num_workers=workers, shuffle_buffer=0, bad_samples=policy,
                            verify_checksums=verify)
    return StreamingLoader(path, "train", options, train=train)


DAMAGES = {
    "missing modality 'audio'": lambda s: s.features.pop("audio"),
    r"modality 'vision': expected shape \(4,\)": lambda s: s.features.update(vision=np.zeros(5, np.float32)),
    "NaN or Inf in features": lambda s: s.features["audio"].__setitem__((0, 0), np.nan),
    r"modality 'audio': NaN or Inf": lambda s: s.features["audio"].__setitem__((0, 1), np.inf),
    r"label 7.5 outside the label range \[-3.0, 3.0\]": lambda s: setattr(s, "label", 7.5),
}


@pytest.mark.parametrize("words", list(DAMAGES))
def test_bad_sample_names_shard_and_key(tmp_path, words):
    path = dataset_with(tmp_path, DAMAGES[words])
    with pytest.raises(DataError, match=rf"train-000000.tar: sample key 000000005.*{words}"):
        list(loader(path).epoch(0))


@pytest.mark.parametrize("words", list(DAMAGES))
def test_skip_policy_skips_counts_and_keeps_batch_count(tmp_path, words, caplog):
    path = dataset_with(tmp_path, DAMAGES[words])
    with caplog.at_level(logging.WARNING):
        batches = list(loader(path, policy="skip").epoch(0))
    assert len(batches) == 4 and all(b.size == BATCH for b in batches)
    assert sum(b.num_skipped for b in batches) == 1
    indices = [i for b in batches for i in b.index.tolist()]
    assert 5 not in indices and len(set(indices)) == 15
    assert any("000000005" in r.getMessage() for r in caplog.records)


def test_truncated_tar(tmp_path):
    path = dataset_with(tmp_path)
    shard = path / "train-000001.tar"
    shard.write_bytes(shard.read_bytes()[:5000])
    # The size check (free: the file's size against the manifest's) catches it, checksums on or off.
    for verify in (True, False):
        with pytest.raises(DataError, match=r"train-000001.tar: 5000 bytes, the manifest says"):
            list(loader(path, verify=verify).epoch(0))
    # Without a manifest to compare with, the tar reader itself refuses a truncated buffer.
    from dist_mmfuse.data.codec import tar_members

    for cut in (5000, 512 * 3):
        with pytest.raises(tarfile.ReadError, match="runs past the end|without the end-of-archive"):
            list(tar_members(shard.read_bytes()[:cut], str(shard)))


def test_corrupt_tar_header_names_last_good_key(tmp_path):
    path = dataset_with(tmp_path)
    shard = path / "train-000000.tar"
    data = bytearray(shard.read_bytes())
    members = data.find(b"000000002.")  # the header of sample 2's first member
    data[members:members + 512] = b"\x07" * 512
    shard.write_bytes(bytes(data))
    with pytest.raises(DataError, match=r"train-000000.tar: corrupt or truncated tar after sample key 000000001 "
                                        r"\(member 000000001.vision.npy\): invalid header"):
        list(loader(path, verify=False).epoch(0))
    data[members:members + 512] = b"\x00" * 512  # a zero block marks the end of the archive
    shard.write_bytes(bytes(data))
    with pytest.raises(DataError, match=r"train-000000.tar: ends after 2 samples; the manifest says 8"):
        list(loader(path, verify=False).epoch(0))


def test_checksum_mismatch_stops_and_skip_policy_drops_the_shard(tmp_path):
    path = dataset_with(tmp_path)
    shard = path / "train-000001.tar"
    data = bytearray(shard.read_bytes())
    data[-2000] ^= 0x01
    shard.write_bytes(bytes(data))
    with pytest.raises(DataError, match=r"train-000001.tar: sha256 .* does not match"):
        list(loader(path, workers=2).epoch(0))
    batches = list(loader(path, policy="skip").epoch(0))
    assert len(batches) == 4 and sum(b.num_skipped for b in batches) == 8
    assert {i for b in batches for i in b.index.tolist()} == set(range(8))


def test_evaluation_skip_pads_with_masked_entries(tmp_path):
    path = dataset_with(tmp_path, DAMAGES["missing modality 'audio'"])
    batches = list(loader(path, policy="skip", train=False).epoch(0))
    assert len(batches) == 4
    valid = [i for b in batches for i in b.index[b.sample_mask].tolist()]
    assert sorted(valid) == [i for i in range(16) if i != 5]


def test_a_sample_is_validated_the_first_time_a_process_reads_it(tmp_path, monkeypatch):
    """Validation runs once per sample and process when checksums are verified (the shard's sha256 vouches
    for the bytes from then on); without checksums, every time a sample is read."""
    from dist_mmfuse.schema import Sample

    path = dataset_with(tmp_path)
    validated: list[int] = []
    problems = Sample.problems
    monkeypatch.setattr(Sample, "problems", lambda self, schema: validated.append(self.index) or problems(self, schema))
    verified = loader(path)
    first = [i for b in verified.epoch(0) for i in b.index.tolist()]
    assert sorted(validated) == sorted(first) == list(range(16))
    validated.clear()
    assert sorted(i for b in verified.epoch(1) for i in b.index.tolist()) == list(range(16))
    assert validated == []
    unverified = loader(path, verify=False)
    for epoch in (0, 1):
        list(unverified.epoch(epoch))
    assert sorted(validated) == sorted(list(range(16)) * 2)


@pytest.mark.parametrize("workers", [0, 2])
def test_a_bad_sample_is_caught_in_every_epoch(tmp_path, workers):
    """A sample that fails validation is never taken as validated: the skip policy skips it in every epoch
    (persistent workers included), and the error policy stops whichever epoch reads it."""
    path = dataset_with(tmp_path, DAMAGES["NaN or Inf in features"])
    skipping = loader(path, policy="skip", workers=workers)
    for epoch in range(3):
        batches = list(skipping.epoch(epoch))
        assert sum(b.num_skipped for b in batches) == 1
        assert 5 not in {i for b in batches for i in b.index.tolist()}
    strict = loader(path, workers=workers)
    for epoch in range(2):
        with pytest.raises(DataError, match="sample key 000000005"):
            list(strict.epoch(epoch))
