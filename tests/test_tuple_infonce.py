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
from dist_mmfuse.data.batch import concat_batches
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.distributed import free_port
from dist_mmfuse.models import FusionModel
from dist_mmfuse.objectives import build_objective
from dist_mmfuse.objectives.tuple_infonce import (ANCHOR, CONTRAST_STAGE, POSITIVE, ContentFingerprint, augment,
                                                  derangement, pooled_retrieval_accuracy)

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
    output.extra = objective.extra_outputs(model, batch, CONTRAST_STAGE, 5)
    loss, terms = objective.loss(output, batch, CONTRAST_STAGE, 5)

    perms = {m: objective.swap_permutation(batch.size, CONTRAST_STAGE, 5, m, "cpu") for m in ("text", "vision")}
    positive_reps = {m: output.extra[POSITIVE + m] for m in output.reps}
    assert not torch.equal(positive_reps["audio"], output.reps["audio"])  # the augmentation did something
    excluded = {"text": [False] * batch.size, "vision": [duplicated_vision] * batch.size}
    alpha = {"text": 2.0, "vision": 1.0}
    expected = reference_loss(model, output.reps, positive_reps, perms, alpha, 0.5, 0.07, excluded)
    assert float(loss.detach()) == pytest.approx(expected, rel=1e-12)  # fp64 throughout, log-weights too
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
    _, objective = tiny_objective(schema, search={"enabled": True, "alpha_mapping": "continuous"})
    search = objective.search
    start = search.mean["alpha"].detach().clone()
    for epoch in range(0, 40, 2):
        candidates = search.candidates("alpha", epoch)
        rewards = torch.tensor([float(search.effective("alpha", c)[2]) for c in candidates], dtype=torch.float64)
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
    # Training goes on at the updated means (official), alpha through the 1x/2x/4x replication.
    mean = states[0]["search"]["mean"]
    assert states[0]["alpha"] == {m: 2.0 ** (min(max(int(float(r)), 1), 3) - 1)
                                  for m, r in zip(("text", "audio", "vision"), mean["alpha"])}
    assert states[0]["beta"] == float(mean["beta"][0]) != 0.48
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


# -- the sample search as the official search_para.py runs it ---------------------------------------


def test_searched_values_act_as_the_official_code_uses_them(small_shards):
    """A ratio r weights its disturbed pool by 2^(clamp(int(r), 1, 3) - 1) copies (int truncates), beta
    starts at 120/250 and is used as drawn; the switches give the continuous weight and the clamp."""
    schema, _ = first_batch(small_shards)
    _, objective = tiny_objective(schema, search={"enabled": True})
    search = objective.search
    ratios = torch.tensor([0.5, 1.0, 2.7, 3.0, 5.0, -0.5], dtype=torch.float64)
    assert search.effective("alpha", ratios).tolist() == [1.0, 1.0, 2.0, 4.0, 4.0, 1.0]
    assert objective.alpha == {"text": 1.0, "audio": 1.0, "vision": 1.0}  # official ratio = ones
    assert objective.beta == 0.48 and float(search.mean["beta"].detach()) == 0.48  # official mus = 120 (of 250)
    betas = torch.tensor([-0.2, 0.3, 1.3], dtype=torch.float64)
    assert search.effective("beta", betas).tolist() == [-0.2, 0.3, 1.3]
    _, switched = tiny_objective(schema, beta=0.1, search={"enabled": True, "alpha_mapping": "continuous",
                                                          "clamp_beta": True, "beta_init": None})
    assert switched.search.effective("alpha", ratios).tolist() == [0.5, 1.0, 2.7, 3.0, 4.0, 0.0]
    assert switched.search.effective("beta", betas).tolist() == [0.0, 0.3, 1.0]
    assert switched.beta == 0.1


def test_the_advantage_is_normalised_as_numpy_does_it(small_shards):
    schema, _ = first_batch(small_shards)
    rewards = np.array([0.2, 0.5, 0.5, 0.9, 0.1])
    _, official = tiny_objective(schema, search={"enabled": True})
    expected = (rewards - rewards.mean()) / (np.std(rewards) + np.finfo(np.float32).eps)
    np.testing.assert_allclose(official.search.advantage(torch.tensor(rewards)).numpy(), expected, rtol=1e-12)
    _, sample = tiny_objective(schema, search={"enabled": True, "advantage_std": "sample"})
    expected = (rewards - rewards.mean()) / (np.std(rewards, ddof=1) + 1e-8)
    np.testing.assert_allclose(sample.search.advantage(torch.tensor(rewards)).numpy(), expected, rtol=1e-12)
    assert not official.search.advantage(torch.full((5,), 0.7, dtype=torch.float64)).any()


def constructed_pairs(rows: int, hits: list[bool], seed: int = 0) -> tuple[torch.Tensor, torch.Tensor]:
    """Retrieval pairs where row i retrieves its own key exactly when ``hits[i]`` (otherwise it holds the
    key of its neighbour in the pool, which it then retrieves)."""
    generator = torch.Generator().manual_seed(seed)
    keys = F.normalize(torch.randn(rows, 16, generator=generator, dtype=torch.float64), dim=-1)
    queries = keys.clone()
    for i, hit in enumerate(hits):
        if not hit:
            queries[i] = keys[i - 1] if i % 2 else keys[i + 1]
    return queries, keys


def test_alpha_reward_is_one_random_modality_per_validation_pool(small_shards):
    """Official validate_sampling: per validation batch, one modality drawn at random retrieves the tuple
    of the others; the reward is the mean of the batches' accuracies, in percent. The last pool may be
    smaller and counts as one pool."""
    schema, _ = first_batch(small_shards)
    _, objective = tiny_objective(schema, search={"enabled": True, "reward_pool": 4})
    # 10 rows in pools of 4, 4, 2: all right, half right, none right (the same for every modality).
    hits = [True] * 4 + [True, False, True, False] + [False, False]
    objective.retrieval = lambda loader, device, betas, queried, draw: {
        (0.0, m): constructed_pairs(10, hits, seed) for seed, m in enumerate(queried)}
    assert objective.search.reward("alpha", None, "cpu") == pytest.approx(100 * (1 + 0.5 + 0) / 3)
    objective.cfg.search.reward_pools = "merged"  # pools 0-3 and 4-9: the share of rows
    assert objective.search.reward("alpha", None, "cpu") == pytest.approx(100 * 6 / 10)
    objective.cfg.search.alpha_reward = "all_modalities"
    assert objective.search.reward("alpha", None, "cpu") == pytest.approx(3 * 6 / 10)  # sum_k A^k

    # 150 pools of 2: text always right, audio and vision never: the reward counts the pools that drew text.
    _, objective = tiny_objective(schema, search={"enabled": True, "reward_pool": 2})
    objective.retrieval = lambda loader, device, betas, queried, draw: {
        (0.0, m): constructed_pairs(300, [m == "text"] * 300) for m in queried}
    rewards = [objective.search.reward("alpha", None, "cpu", epoch, candidate)
               for epoch, candidate in ((0, 0), (0, 0), (0, 1), (0, 2), (2, 0))]
    assert rewards[0] == rewards[1]  # seeded: the same on every rank
    assert len(set(rewards[1:])) > 1  # official: each candidate draws afresh
    objective.cfg.search.common_draws = True
    common = [objective.search.reward("alpha", None, "cpu", 0, candidate) for candidate in range(3)]
    assert len(set(common)) == 1 and common != [objective.search.reward("alpha", None, "cpu", 2, 0)] * 3
    for reward in rewards + common:
        drew_text = reward / 100 * 150
        assert drew_text == pytest.approx(round(drew_text)) and 100 / 3 - 17 < reward < 100 / 3 + 17, reward


def test_beta_reward_queries_the_primary_modality_at_each_grid_strength(small_shards):
    """Official validate: (1 - ((beta - peak) / 250)^2) + (1 - mean_j A_j / 100), A_j the accuracy of the
    noisy RGB alone retrieving depth+new at noise level j; here the primary modality (or all)."""
    schema, _ = first_batch(small_shards)
    _, objective = tiny_objective(schema, search={"enabled": True, "reward_pool": 4, "beta_grid": [0.2, 0.5, 0.8]})
    accuracy = {("text", 0.2): [True, True, False, False], ("text", 0.5): [True] * 4,
                ("text", 0.8): [True, False, False, False], ("audio", 0.2): [True] * 4,
                ("audio", 0.5): [False] * 4, ("audio", 0.8): [False] * 4, ("vision", 0.2): [True] * 4,
                ("vision", 0.5): [True] * 4, ("vision", 0.8): [True] * 4}
    asked = []

    def retrieval(loader, device, betas, queried, draw):
        asked.append(list(queried))
        return {(b, m): constructed_pairs(4, accuracy[(m, b)]) for b in betas for m in queried}

    objective.retrieval = retrieval
    objective.beta = 0.6
    reward = objective.search.reward("beta", None, "cpu")
    assert asked == [["text"]]  # the schema's first modality plays RGB's part
    assert reward == pytest.approx((1 - (0.6 - 0.5) ** 2) + (1 - (0.5 + 1.0 + 0.25) / 3))
    objective.cfg.search.beta_reward_modalities = "all"
    reward = objective.search.reward("beta", None, "cpu")
    levels = [(0.5 + 1 + 1) / 3, (1 + 0 + 1) / 3, (0.25 + 0 + 1) / 3]  # peak at 0.2
    assert asked[-1] == ["text", "audio", "vision"]
    assert reward == pytest.approx((1 - (0.6 - 0.2) ** 2) + (1 - np.mean(levels)))


def hand_encode(model, batch, zero: set[str]) -> dict[str, torch.Tensor]:
    """Each encoder on its own input, or on an all-zero input of the same shape for ``zero``."""
    reps = {}
    for name, encoder in model.encoders.items():
        values = torch.zeros_like(batch.values[name]) if name in zero else batch.values[name]
        if name == "text":
            reps[name] = encoder(values, batch.masks[name])
        else:
            reps[name] = encoder(values.double(), batch.lengths[name])
    return reps


@pytest.mark.parametrize("absent", ["zero_input", "zero_representation"])
def test_retrieval_leaves_a_modality_out_as_configured(small_shards, absent):
    """Official: the left-out modality's input is zeroed and encoded; the switch zeroes its representation."""
    schema, _ = first_batch(small_shards)
    model, objective = tiny_objective(schema, search={"enabled": True, "absent": absent})
    loader = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=16, num_workers=0), train=False)
    pairs = objective.retrieval(loader, torch.device("cpu"), [0.0], ["audio"])[(0.0, "audio")]
    whole = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=64, num_workers=0), train=False)
    batch = next(iter(whole.epoch(0)))
    order = torch.argsort(batch.index)
    with torch.no_grad():
        clean = hand_encode(model, batch, set())
        if absent == "zero_input":
            empty = hand_encode(model, batch, {"text", "audio", "vision"})
        else:
            empty = {m: torch.zeros_like(r) for m, r in clean.items()}
        alone = F.normalize(model.fuse({**empty, "audio": clean["audio"]})[0], dim=-1)
        without = F.normalize(model.fuse({**clean, "audio": empty["audio"]})[0], dim=-1)
    assert pairs[0].shape[0] == 47
    torch.testing.assert_close(pairs[0], alone[order], rtol=1e-7, atol=1e-9)
    torch.testing.assert_close(pairs[1], without[order], rtol=1e-7, atol=1e-9)
    if absent == "zero_input":
        assert float(empty["vision"].abs().max()) > 0  # an encoder of zeros is not zero


def test_noise_is_one_map_per_pass_shared_by_every_sample(small_shards):
    schema, batch = first_batch(small_shards, 16)
    _, objective = tiny_objective(schema, beta=0.5, augmentations=["noise"])
    objective.begin_pass(CONTRAST_STAGE, 0, 0)
    first = objective._noise_maps
    noisy = objective.augmented(batch)
    delta = noisy.values["audio"] - batch.values["audio"].float()
    valid = batch.masks["audio"]
    expected = 0.5 * first["audio"][: delta.shape[1]].float()
    for row in range(batch.size):
        torch.testing.assert_close(delta[row][valid[row]], expected[valid[row]])
    assert float(delta[~valid].abs().max()) == 0.0  # padding untouched
    objective.begin_pass(CONTRAST_STAGE, 0, 0)
    assert torch.equal(objective._noise_maps["audio"], first["audio"])  # a resumed pass draws it again
    objective.pass_tag = 3
    objective.begin_pass(CONTRAST_STAGE, 0, 0)
    assert not torch.equal(objective._noise_maps["audio"], first["audio"])  # each pass its own
    _, per_sample = tiny_objective(schema, beta=0.5, augmentations=["noise"], noise="per_sample")
    per_sample.begin_pass(CONTRAST_STAGE, 0, 0)
    delta = per_sample.augmented(batch).values["audio"] - batch.values["audio"].float()
    assert not torch.allclose(delta[0][:3], delta[1][:3])
    _, only_vision = tiny_objective(schema, beta=0.5, augmentations=["noise"], augment_modalities=["vision"])
    only_vision.begin_pass(CONTRAST_STAGE, 0, 0)
    augmented = only_vision.augmented(batch)
    assert torch.equal(augmented.values["audio"], batch.values["audio"])
    assert not torch.equal(augmented.values["vision"], batch.values["vision"].float())
    assert float(augment(batch, schema, -0.5, ["noise"], noise_maps=first).values["audio"].sub(
        noisy.values["audio"]).abs().max()) == 0.0  # sigma and -sigma: the same noise (|beta|)


def test_modality_dropout_branches_equal_a_hand_computation(small_shards):
    """search_para.py's branches 2 and 3 (drawn uniformly per step of a search pass; plain passes take
    the full tuple loss): the primary modality alone, noised, against (2) the others-only tuples and
    those with the secondary modality swapped, or (3) the primary alone, clean; in fp64 by hand."""
    schema, batch = first_batch(small_shards, 12)
    model, objective = tiny_objective(schema, augmentations=["noise"], search={"enabled": True, "primary": "audio"})
    assert (objective.primary, objective.secondary) == ("audio", "text")
    assert {objective.dropout_branch(CONTRAST_STAGE, s) for s in range(50)} == {1}  # not a search pass
    plain = objective.swap_permutation(12, CONTRAST_STAGE, 0, "text", "cpu")
    objective.pass_tag = 5
    other_pass = objective.swap_permutation(12, CONTRAST_STAGE, 0, "text", "cpu")
    objective.pass_tag = 4
    assert not torch.equal(plain, other_pass)  # and each search pass its own
    assert not torch.equal(objective.swap_permutation(12, CONTRAST_STAGE, 0, "text", "cpu"), other_pass)
    objective.begin_pass(CONTRAST_STAGE, 1, 0)
    branches = [objective.dropout_branch(CONTRAST_STAGE, s) for s in range(600)]
    assert all(150 < branches.count(b) < 250 for b in (1, 2, 3)), [branches.count(b) for b in (1, 2, 3)]
    noise = objective._noise_maps["audio"][: batch.values["audio"].shape[1]].double()
    assert objective.beta == 0.48  # the search's start, not tuple_infonce.beta
    noisy = dataclasses.replace(batch, values={**batch.values, "audio": batch.values["audio"].double()
                                               + 0.48 * noise * batch.masks["audio"][..., None]})
    tau = 0.07

    def embed(reps):
        return F.normalize(model.fuse(reps)[0], dim=-1)

    for branch in (2, 3):
        step = branches.index(branch)
        output = model(batch)
        output.extra = objective.extra_outputs(model, batch, CONTRAST_STAGE, step)
        loss, terms = objective.loss(output, batch, CONTRAST_STAGE, step)
        assert set(terms) == {"tuple_nce"}
        assert all(output.extra[ANCHOR + m].requires_grad and not output.extra[POSITIVE + m].requires_grad
                   for m in ("text", "audio", "vision"))  # keys from a no-grad pass, as the official modelk
        with torch.no_grad():
            clean, empty = hand_encode(model, batch, set()), hand_encode(model, batch, {"text", "audio", "vision"})
            anchors = embed({**empty, "audio": hand_encode(model, noisy, set())["audio"]})
            if branch == 2:
                positives = embed({**clean, "audio": empty["audio"]})
                perm = objective.swap_permutation(batch.size, CONTRAST_STAGE, step, "text", "cpu")
                negatives = embed({**clean, "audio": empty["audio"], "text": clean["text"][perm]})
                candidates = torch.cat([positives, negatives])
            else:
                positives = embed({**empty, "audio": clean["audio"]})
                candidates = positives
        expected, excluded = 0.0, 0
        for i in range(batch.size):
            scores = [math.exp(float(anchors[i] @ c) / tau) for c in candidates]
            if branch == 2:
                # A swap bringing in the anchor's own text content (duplicated texts) is no negative.
                j, length = int(perm[i]), int(batch.lengths["text"][i])
                if int(batch.lengths["text"][j]) == length and torch.equal(batch.values["text"][j, :length],
                                                                           batch.values["text"][i, :length]):
                    scores[batch.size + i], excluded = 0.0, excluded + 1
            expected += -math.log(scores[i] / sum(scores))
        assert float(loss.detach()) == pytest.approx(expected / batch.size, rel=1e-10), branch
        model.zero_grad()
        loss.backward()
        assert float(model.encoders["audio"].linear.weight.grad.abs().max()) > 0  # the anchor has the graph


def test_restoring_a_snapshot_with_or_without_the_optimizer_state(small_shards, tmp_path):
    """The search's restore under ZeRO-2 on 2 ranks: the weights come back either way; the official
    choice keeps the Adam moments and step counts the later step left, the switch restores them too."""
    from .equivalence import launch, write_configs

    configs = write_configs(tmp_path, small_shards)
    job = {"name": "restore", "kind": "restore", "config": str(configs["tuple_infonce"]), "overrides": []}
    results = launch(2, [job], tmp_path / "restore")["restore"]
    for rank in results:
        snapshot, stepped = rank["snapshot"], rank["stepped"]
        names = [n for n in snapshot if not n.startswith("step of")]
        moved = [n for n in names if not torch.equal(snapshot[n]["fp32"], stepped[n]["fp32"])]
        assert moved
        for name in names:
            for restored, moments in ((rank["weights_only"], stepped), (rank["everything"], snapshot)):
                assert torch.equal(restored[name]["fp32"], snapshot[name]["fp32"]), name
                for key in ("exp_avg", "exp_avg_sq"):
                    if snapshot[name][key] is not None:
                        assert torch.equal(restored[name][key], moments[name][key]), (name, key)
        steps = [n for n in snapshot if n.startswith("step of")]
        assert any(snapshot[n] is not None for n in steps)
        for name in steps:
            assert rank["weights_only"][name] == stepped[name] and rank["everything"][name] == snapshot[name]
