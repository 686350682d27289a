"""TupleInfoNCE: the loss against a hand computation, disturbed tuples, augmentations, the sample search,
and 1/2/4 ranks against one process on the same global batch."""

from __future__ import annotations

import dataclasses
import json
import math
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dist_mmfuse.config import ModelConfig, ObjectiveConfig, TrainerConfig
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader, concat_batches
from dist_mmfuse.distributed import free_port
from dist_mmfuse.models import FusionModel
from dist_mmfuse.objectives import build_objective
from dist_mmfuse.objectives.tuple_infonce import (CONTRAST_STAGE, POSITIVE, ContentFingerprint, augment, derangement,
                                                  pooled_retrieval_accuracy)

from . import dist_worker
from .conftest import REPO, TINY_TEXT_CONFIG, train_env, write_train_config
from .equivalence import CASES, GLOBAL_BATCH
from .test_training import assert_gradients_match, records


def first_batch(shards: Path, size: int = 16):
    loader = StreamingLoader(shards, "train", LoaderOptions(batch_size=size, num_workers=0), train=False)
    return loader.schema, next(iter(loader.epoch(0)))


def tiny_objective(schema, **tuple_cfg):
    torch.manual_seed(3)
    model = FusionModel(schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG)).double().eval()
    objective = build_objective(schema, model, ObjectiveConfig(name="tuple_infonce", tuple_infonce=tuple_cfg))
    return model, objective.double()


@torch.no_grad()
def reference_loss(model, reps, positive_reps, perms, alpha, alpha_other, tau, excluded) -> float:
    """-log of the positive's share of the weighted sum over every candidate, row by row, in fp64."""
    def embed(r):
        return F.normalize(model.fuse(r)[0], dim=-1)

    anchors, positives = embed(reps), embed(positive_reps)
    disturbed = {m: embed({**reps, m: reps[m][perms[m]]}) for m in perms}
    rows, total = anchors.shape[0], 0.0
    for i in range(rows):
        positive = math.exp(float(anchors[i] @ positives[i]) / tau)
        denominator = positive
        for j in range(rows):
            if j != i:
                denominator += alpha_other * math.exp(float(anchors[i] @ positives[j]) / tau)
            for m, tuples in disturbed.items():
                if not (j == i and excluded[m][i]):
                    denominator += alpha[m] * math.exp(float(anchors[i] @ tuples[j]) / tau)
        total += -math.log(positive / denominator)
    return total / rows


@pytest.mark.parametrize("duplicated_vision", [False, True])
def test_loss_equals_a_hand_computed_reference(small_shards, duplicated_vision):
    """Weighted blocks (alpha_0 = 0.5, text 2, audio 0 = not disturbed, vision 1), an augmented positive,
    tau = 0.07. With every sample's vision made identical, each anchor's own vision-disturbed tuple is
    the anchor itself: it must leave the softmax (and the loss differs from keeping it)."""
    schema, batch = first_batch(small_shards)
    if duplicated_vision:
        batch = dataclasses.replace(batch, values={**batch.values, "vision": batch.values["vision"][:1].expand_as(
            batch.values["vision"]).clone()}, masks={**batch.masks, "vision": batch.masks["vision"][:1].expand_as(
                batch.masks["vision"]).clone()}, lengths={**batch.lengths, "vision": batch.lengths["vision"][:1].expand(
                    batch.size).clone()})
    model, objective = tiny_objective(schema, alpha={"text": 2.0, "audio": 0.0, "vision": 1.0}, alpha_other=0.5,
                                      beta=0.3)
    objective.begin_pass(CONTRAST_STAGE, 1, 0)
    torch.manual_seed(0)
    output = model(batch)
    output.extra = objective.extra_outputs(model, batch, CONTRAST_STAGE)
    loss, terms = objective.loss(output, batch, CONTRAST_STAGE, 5)

    perms = {m: objective.swap_permutation(batch.size, CONTRAST_STAGE, 5, m, "cpu") for m in ("text", "vision")}
    positive_reps = {m: output.extra[POSITIVE + m] for m in output.reps}
    assert not torch.equal(positive_reps["audio"], output.reps["audio"])  # the augmentation did something
    excluded = {"text": [False] * batch.size, "vision": [duplicated_vision] * batch.size}
    alpha = {"text": 2.0, "vision": 1.0}
    expected = reference_loss(model, output.reps, positive_reps, perms, alpha, 0.5, 0.07, excluded)
    assert float(loss.detach()) == pytest.approx(expected, rel=1e-9)
    assert set(terms) == {"tuple_nce", "margin_text", "margin_vision"}
    if duplicated_vision:
        kept = reference_loss(model, output.reps, positive_reps, perms, alpha, 0.5, 0.07,
                              {"text": excluded["text"], "vision": [False] * batch.size})
        assert abs(kept - expected) > 1e-3


def test_swap_permutations_are_derangements_and_the_same_on_every_call():
    for size in range(2, 40):
        for seed in range(20):
            perm = derangement(size, torch.Generator().manual_seed(seed))
            assert sorted(perm.tolist()) == list(range(size))
            assert not (perm == torch.arange(size)).any(), (size, seed, perm)
    with pytest.raises(ValueError, match="another sample"):
        derangement(1, torch.Generator())


def test_fingerprints_match_equal_content_whatever_the_padding(small_shards):
    schema, batch = first_batch(small_shards, 8)
    _, longer = first_batch(small_shards, 16)
    joined = concat_batches([batch, longer])  # rows 0-7 padded to the longer batch's lengths
    fingerprint = ContentFingerprint(schema)
    for name in ("text", "audio", "vision"):
        alone, padded = fingerprint(batch, name), fingerprint(joined, name)
        torch.testing.assert_close(padded[:8], alone, rtol=1e-12, atol=0)
        torch.testing.assert_close(padded[8:16], alone, rtol=1e-12, atol=0)  # the same samples again
        assert len(set(alone.tolist())) == 8  # different content, different fingerprints


def test_augmentations_at_strength_beta(small_shards):
    schema, batch = first_batch(small_shards, 64)
    assert augment(batch, schema, 0.0, ["noise", "time_mask", "token_dropout"]) is batch
    torch.manual_seed(0)
    noisy = augment(batch, schema, 0.5, ["noise"])
    valid = batch.masks["audio"]
    delta = noisy.values["audio"] - batch.values["audio"].float()
    assert float(delta[valid].std()) == pytest.approx(0.5, rel=0.05)
    assert float(delta[~valid].abs().max()) == 0.0  # padding untouched
    assert torch.equal(noisy.values["text"], batch.values["text"]) and torch.equal(noisy.masks["text"],
                                                                                   batch.masks["text"])

    masked = augment(batch, schema, 0.3, ["time_mask"])
    for row in range(batch.size):
        length = int(batch.lengths["vision"][row])
        zeroed = (masked.values["vision"][row, :length] == 0).all(-1) & (batch.values["vision"][row, :length] != 0).any(-1)
        span = zeroed.nonzero().flatten()
        assert len(span) == min(round(0.3 * length), length - 1)
        if len(span):
            assert int(span[-1] - span[0]) + 1 == len(span)  # one contiguous span
        unmasked = ~zeroed
        torch.testing.assert_close(masked.values["vision"][row, :length][unmasked],
                                   batch.values["vision"][row, :length][unmasked].float())

    dropped = augment(batch, schema, 0.4, ["token_dropout"])
    mask, kept = batch.masks["text"], dropped.masks["text"]
    assert not (kept & ~mask).any()
    lengths = batch.lengths["text"]
    assert kept[:, 0].all() and kept[torch.arange(batch.size), lengths - 1].all()  # [CLS] and [SEP] stay
    inner = mask.clone()
    inner[:, 0] = False
    inner[torch.arange(batch.size), lengths - 1] = False
    assert float((inner & ~kept).sum() / inner.sum()) == pytest.approx(0.4, abs=0.06)

    cropped = augment(batch, schema, 0.6, ["time_crop"])
    starts = set()
    for row in range(batch.size):
        length, kept = int(batch.lengths["vision"][row]), int(cropped.lengths["vision"][row])
        assert kept == max(1, round(0.4 * length))
        assert torch.equal(cropped.masks["vision"][row], torch.arange(batch.values["vision"].shape[1]) < kept)
        window = cropped.values["vision"][row, :kept]
        original = batch.values["vision"][row, :length].float()
        # One contiguous window of the sequence, moved to the start; nothing after it.
        matches = [s for s in range(length - kept + 1) if torch.equal(original[s:s + kept], window)]
        assert matches, row
        starts.add(matches[0])
        assert float(cropped.values["vision"][row, kept:].abs().max()) == 0.0
    assert len(starts) > 3  # the windows start at random frames
    assert torch.equal(cropped.lengths["text"], batch.lengths["text"])


def test_pooled_retrieval_accuracy():
    keys = F.normalize(torch.randn(10, 4, generator=torch.Generator().manual_seed(0)), dim=-1)
    assert pooled_retrieval_accuracy(keys, keys, 4) == 1.0
    queries = keys.clone()
    queries[3] = keys[2]  # row 3 now retrieves row 2, which shares its pool (rows 0-3)
    queries[9] = keys[0]  # row 9 is in the last pool (rows 4-9: the remainder joins it); row 0 is not
    assert pooled_retrieval_accuracy(queries, keys, 4) == pytest.approx(0.9 - 0.1 * float(
        int((queries[9:10] @ keys[4:].T).argmax()) != 5))


def test_param_groups_step_in_their_stages(small_shards):
    schema, _ = first_batch(small_shards)
    model, objective = tiny_objective(schema, projection_dim=8)
    groups = {g["name"]: g for g in objective.param_groups(model, TrainerConfig())}
    assert groups["prediction"]["stage"] == ["main"] and groups["projection"]["stage"] == ["contrast"]
    assert groups["encoders"]["stage"] == groups["text"]["stage"] == groups["main"]["stage"] == ["contrast", "main"]
    assert {id(p) for p in groups["prediction"]["params"]} == {id(p) for p in model.fusion.linear_3.parameters()}
    _, head_only = tiny_objective(schema, finetune="head")
    groups = {g["name"]: g for g in head_only.param_groups(model, TrainerConfig())}
    assert groups["encoders"]["stage"] == ["contrast"] and groups["main"]["stage"] == ["contrast", "main"]
    _, probe = tiny_objective(schema, finetune="probe")
    groups = {g["name"]: g for g in probe.param_groups(model, TrainerConfig())}
    assert groups["encoders"]["stage"] == groups["text"]["stage"] == groups["main"]["stage"] == ["contrast"]
    assert groups["prediction"]["stage"] == ["main"]
    assert groups["prediction"]["lr"] == groups["main"]["lr"] == TrainerConfig().lr_main
    _, fast_probe = tiny_objective(schema, finetune="probe", prediction_lr=0.01)
    groups = {g["name"]: g for g in fast_probe.param_groups(model, TrainerConfig())}
    assert groups["prediction"]["lr"] == 0.01 and groups["main"]["lr"] == TrainerConfig().lr_main
    _, joint = tiny_objective(schema, mode="joint")
    assert {s for g in joint.param_groups(model, TrainerConfig()) for s in g["stage"]} == {"main"}
    assert joint.epoch_stages(0) == ("main",) and objective.epoch_stages(9) == ("contrast",)
    assert objective.epoch_stages(10) == ("main",) and objective.resets_optimizer(10)


def test_the_search_moves_alpha_towards_the_disturbance_that_raises_the_reward(small_shards):
    """A constructed reward that grows with the vision-disturbed weight alone: REINFORCE with the
    normalised advantage raises mu_vision steadily while the others only wander."""
    schema, _ = first_batch(small_shards)
    _, objective = tiny_objective(schema, search={"enabled": True})
    search = objective.search
    start = search.mean["alpha"].detach().clone()
    for epoch in range(0, 40, 2):
        candidates = search.candidates("alpha", epoch)
        rewards = torch.tensor([float(search.clamp("alpha", c)[2]) for c in candidates], dtype=torch.float64)
        search.update("alpha", candidates, rewards)
    moved = search.mean["alpha"].detach() - start
    assert moved[2] > 2.0, moved  # vision (modality 2)
    assert moved[2] > 3 * moved[:2].abs().max(), moved


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.objective == "tuple_infonce"], ids=lambda c: c.name)
def test_tuple_infonce_on_ranks_equals_one_process_on_the_global_batch(equivalence_runs, case):
    """1, 2 and 4 DeepSpeed ranks (and 2 ranks x 2 feature-cached micro-batches) on a global batch of 32:
    positives and text-, audio- and vision-disturbed tuples span every rank's rows, built with the same
    permutations everywhere, so losses, terms and every gradient equal plain torch on the whole batch
    in fp64 (keys detached as officially, or, with key_gradient, differentiated through the gathers)."""
    configs, results = equivalence_runs
    config, ranks = str(configs[case.objective]), results[case.name]
    for result in ranks[1:]:
        for name, value in ranks[0]["params"][-1].items():
            assert torch.equal(result["params"][-1][name], value), name
    trajectory = ranks[0]["params"][:-1]
    exact = dist_worker.reference(config, case.overrides(), case.phases, GLOBAL_BATCH, trajectory, torch.float64)
    single = dist_worker.reference(config, case.overrides(), case.phases, GLOBAL_BATCH, trajectory, torch.float32)
    assert set(exact["terms"][0]) == {"tuple_nce", "margin_text", "margin_audio", "margin_vision"}
    np.testing.assert_allclose(np.mean([r["losses"] for r in ranks], axis=0), exact["losses"], rtol=1e-5)
    for key in exact["terms"][0]:
        mean = np.mean([[r["terms"][i][key] for i in range(len(trajectory))] for r in ranks], axis=0)
        np.testing.assert_allclose(mean, [t[key] for t in exact["terms"]], rtol=1e-5, atol=1e-6, err_msg=key)
    assert_gradients_match(ranks, exact, single)
    moved = [n for n, p in ranks[0]["params"][-1].items() if not torch.equal(p, trajectory[0][n])]
    assert any(n.startswith("model.encoders.vision") for n in moved) and any("projection" in n for n in moved)
    assert not any("linear_3" in n for n in moved)  # the prediction layer waits for fine-tuning


@pytest.mark.slow
def test_search_pretraining_and_fine_tuning_through_the_launcher(small_shards, tmp_path):
    """2 ranks through ``deepspeed launch/train.py``: two pre-training epochs of sample search (alpha,
    then beta; 2 candidates x 1 inner pass), one fine-tuning epoch; every rank ends with the same
    search state; the kept candidate is the best one; eval can remove a modality."""
    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", extra={
        "data": {"batch_size": 10},
        "objective": {"name": "tuple_infonce", "tuple_infonce": {
            "pretrain_epochs": 2, "search": {"enabled": True, "candidates": 2, "inner_epochs": 1, "reward_pool": 8,
                                             "beta_grid": [0.2, 0.5]}}},
        "trainer": {"epochs": 3, "max_steps_per_pass": 2, "lr_text": 1e-3}})
    launcher = str(Path(sys.executable).parent / "deepspeed")
    result = subprocess.run([launcher, "--num_gpus", "2", "--master_port", str(free_port()),
                             str(REPO / "launch" / "train.py"), "--config", str(config)],
                            env=train_env(), capture_output=True, text=True, timeout=900, cwd=tmp_path)
    assert result.returncode == 0, (result.stdout + result.stderr)[-4000:]
    run = tmp_path / "run"
    train = records(run)
    assert [r["stage"] for r in train] == ["contrast"] * 8 + ["main"] * 2  # 2 epochs x 2 candidates x 2 steps
    assert train[0]["negatives_per_row"] == 20 * 4 - 1
    search = records(run, "search")
    for epoch, learns in ((1, "alpha"), (2, "beta")):  # epochs numbered from 1
        candidates = [r for r in search if r["epoch"] == epoch and "candidate" in r]
        summary = next(r for r in search if r["epoch"] == epoch and "best_candidate" in r)
        assert len(candidates) == 2 and all(r["learns"] == learns for r in candidates)
        assert summary["best_candidate"] == int(np.argmax([r["reward"] for r in candidates]))
    valid = records(run, "valid")
    assert [r.get("pretraining", False) for r in valid] == [True, True, False]
    assert 0 <= valid[0]["retrieval_vision"] <= 1 and "mae" in valid[2]
    assert records(run, "final")[0]["best_epoch"] == 3
    checkpoint = run / "checkpoints" / (run / "checkpoints" / "latest").read_text().strip()
    states = [torch.load(checkpoint / f"rank{r}.pt", weights_only=True)["objective"] for r in (0, 1)]
    assert states[0]["search"]["history"] == states[1]["search"]["history"]
    assert len(states[0]["search"]["history"]) == 2
    for key in ("alpha", "beta"):
        assert torch.equal(states[0]["search"]["mean"][key], states[1]["search"]["mean"][key])
    assert states[0]["alpha"] == states[1]["alpha"] and states[0]["beta"] == states[1]["beta"]
    assert not (run / "search").exists()

    def evaluate(*args):
        out = subprocess.run([sys.executable, str(REPO / "launch" / "eval.py"), "--model",
                              str(run / "best_model"), *args], env=train_env(), capture_output=True, text=True,
                             timeout=300, cwd=tmp_path)
        assert out.returncode == 0, out.stderr[-3000:]
        return json.loads(out.stdout[out.stdout.index("{"):])

    full, without = evaluate(), evaluate("--drop-modality", "vision")
    assert without["dropped"] == ["vision"] and without["samples"] == full["samples"] == 30
    assert without["mae"] != full["mae"]
