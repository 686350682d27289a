"""Self-MM's label generation (ULGM) and loss on hand-worked numbers, and Self-MI's CPC and optional BA term
(METHODS.md §2-3)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dist_mmfuse.config import ModelConfig, ObjectiveConfig, TrainerConfig, load_config
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader, split_labels
from dist_mmfuse.models import FusionModel
from dist_mmfuse.objectives import build_objective
from dist_mmfuse.objectives.self_mm import FUSION, LabelBanks

from . import dist_worker
from .conftest import REPO, TINY_TEXT_CONFIG
from .equivalence import CASES, GLOBAL_BATCH
from .test_training import assert_gradients_match


def hand_banks() -> LabelBanks:
    """Four samples; the fourth is missing from the split. Fusion centres (+-1, 0), text (0, +-1)."""
    banks = LabelBanks({FUSION: 2, "text": 2}, torch.tensor([2.0, -1.0, 3.0, -2.0], dtype=torch.float64),
                       torch.tensor([True, True, True, False]), clamp=3.0, exclude_zero=False)
    banks.centres = {FUSION: (torch.tensor([1.0, 0.0], dtype=torch.float64), torch.tensor([-1.0, 0.0], dtype=torch.float64)),
                     "text": (torch.tensor([0.0, 1.0], dtype=torch.float64), torch.tensor([0.0, -1.0], dtype=torch.float64))}
    return banks


BATCH_FEATURES = {
    FUSION: torch.tensor([[0.5, 0.0], [-1.0, 0.0], [0.5, 0.0]], dtype=torch.float64),
    "text": torch.tensor([[0.0, 0.0], [0.0, 3.0], [0.0, 1.5]], dtype=torch.float64),
}


def test_label_update_on_a_hand_worked_example():
    """Epoch 2, rows 0-2 (y_m = 2, -1, 3), every distance worked by hand:

    row 0: d_fp = 0.5, d_fn = 1.5, delta_f = 2;  d_tp = d_tn = 1, delta_t = 0;  alpha = 0;
           new = 0.5*0*2 + 0.5*(2 + 0 - 2) = 0;                  label = 1/3*2 + 2/3*0 = 2/3
    row 1: d_fp = 2, d_fn = 0, delta_f = -1;     d_tp = 2, d_tn = 4, delta_t = 1;  alpha = -1;
           new = 0.5*(-1)*(-1) + 0.5*(-1 + 1 + 1) = 1;           label = 1/3*(-1) + 2/3*1 = 1/3
    row 2: delta_f = 2;  d_tp = 0.5, d_tn = 2.5, delta_t = 4;  alpha = 2;
           new = 0.5*2*3 + 0.5*(3 + 4 - 2) = 5.5, clamped to 3;  label = 1/3*3 + 2/3*3 = 3
    Then the features enter the bank and the centres follow the new labels: every text label is now
    >= 0, so the text positive centre is the mean of the three text features, (0, 1.5), and the empty
    negative class keeps its centre; the fusion centres are (0.5, 0) (rows 0, 2) and (-1, 0) (row 1:
    row 3 is not in the split, so its zero feature does not count)."""
    banks = hand_banks()
    banks.update(torch.tensor([0, 1, 2]), {k: v.clone() for k, v in BATCH_FEATURES.items()}, epoch=2)
    np.testing.assert_allclose(banks.labels["text"].numpy(), [2 / 3, 1 / 3, 3.0, -2.0], rtol=1e-7)
    np.testing.assert_array_equal(banks.labels[FUSION].numpy(), [2.0, -1.0, 3.0, -2.0])  # y_m never changes
    np.testing.assert_array_equal(banks.features["text"][:3].numpy(), BATCH_FEATURES["text"].numpy())
    np.testing.assert_allclose(banks.centres["text"][0].numpy(), [0.0, 1.5])
    np.testing.assert_array_equal(banks.centres["text"][1].numpy(), [0.0, -1.0])
    np.testing.assert_allclose(banks.centres[FUSION][0].numpy(), [0.5, 0.0])
    np.testing.assert_allclose(banks.centres[FUSION][1].numpy(), [-1.0, 0.0])


def test_first_epoch_keeps_labels_and_later_epochs_weigh_the_new_estimate_more():
    banks = hand_banks()
    banks.update(torch.tensor([0, 1, 2]), {k: v.clone() for k, v in BATCH_FEATURES.items()}, epoch=1)
    np.testing.assert_array_equal(banks.labels["text"].numpy(), [2.0, -1.0, 3.0, -2.0])
    np.testing.assert_array_equal(banks.features[FUSION][:3].numpy(), BATCH_FEATURES[FUSION].numpy())
    # Epoch 3 on row 1 alone: the momentum is 2/4 old + 2/4 new, from the centres of the bank as it is.
    banks = hand_banks()
    banks.update(torch.tensor([1]), {k: v[1:2].clone() for k, v in BATCH_FEATURES.items()}, epoch=3)
    assert banks.labels["text"][1].item() == pytest.approx(0.5 * -1 + 0.5 * 1)


def test_exclude_zero_moves_zero_labels_out_of_the_positive_centre():
    for exclude_zero, expected in ((False, [0.5, 0.0]), (True, [1.0, 0.0])):
        banks = LabelBanks({FUSION: 2}, torch.tensor([0.0, 1.0]), torch.tensor([True, True]), 3.0, exclude_zero)
        banks.update(torch.tensor([0, 1]), {FUSION: torch.tensor([[0.0, 0.0], [1.0, 0.0]])}, epoch=1)
        np.testing.assert_allclose(banks.centres[FUSION][0].numpy(), expected)


@pytest.fixture
def tiny_self_mi(small_shards):
    torch.manual_seed(3)
    loader = StreamingLoader(small_shards, "train", LoaderOptions(batch_size=24, num_workers=0), train=False)
    batch = next(iter(loader.epoch(0)))
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG,
                                                   fusion="self_mm")).double()
    config = ObjectiveConfig(name="self_mi", self_mm={"head_dims": {"audio": 8}, "head_dim": 6})
    objective = build_objective(loader.schema, model, config).double()
    labels_N, present_N, offset = split_labels(small_shards, "train")
    objective.init_train_labels(labels_N.double(), present_N, offset)
    return model.eval(), objective.eval(), batch


def test_self_mi_loss_is_the_weighted_multitask_l1_plus_cpc(tiny_self_mi):
    """Epoch 2 with generated labels planted in the bank: the loss is the fusion L1 plus each head's
    tanh(|y_s - y_m|)-weighted L1 against its generated label, plus alpha * sum_m CPC(h_m, F_f)."""
    model, objective, batch = tiny_self_mi
    objective.begin_pass("main", 1, 0)
    rows = (batch.index - objective.index_offset).numpy()
    rng = np.random.default_rng(0)
    for mode in ("text", "audio", "vision"):
        objective.banks.labels[mode][rows] = torch.tensor(rng.uniform(-3, 3, len(rows)), dtype=torch.float64)
    planted = {m: objective.banks.labels[m][rows].clone().numpy() for m in ("text", "audio", "vision")}
    out = model(batch)
    loss, terms = objective.loss(out, batch, "main", 0)

    y = batch.label.double().numpy()
    expected = np.abs(out.pred_B.detach().numpy() - y).mean()
    for mode in ("text", "audio", "vision"):
        _, pred = objective.heads[mode](out.reps[mode])
        weight = np.tanh(np.abs(planted[mode] - y))
        head_loss = (weight * np.abs(pred.detach().numpy() - planted[mode])).mean()
        assert terms[f"loss_{mode}"].item() == pytest.approx(head_loss, rel=1e-9)
        expected += head_loss
    nce = sum(objective.cpc[m](out.reps[m], out.fusion_BH, 1.0).item() for m in ("text", "audio", "vision"))
    assert terms["nce"].item() == pytest.approx(nce, rel=1e-9)
    assert loss.item() == pytest.approx(expected + 0.1 * nce, rel=1e-9)
    assert objective.heads["audio"].linear_1.out_features == 8 and objective.heads["text"].linear_1.out_features == 6
    # The bank now holds this batch's head features, and its labels moved (epoch 2).
    feature, _ = objective.heads["vision"](out.reps["vision"])
    np.testing.assert_array_equal(objective.banks.features["vision"][rows].numpy(), feature.detach().numpy())
    assert not np.allclose(objective.banks.labels["text"][rows].numpy(), planted["text"])


def test_a_repeated_loss_call_for_the_same_step_updates_the_banks_once(tiny_self_mi):
    """Feature-cache accumulation takes the loss twice per step: the second call sees and leaves the
    banks exactly as the first did."""
    model, objective, batch = tiny_self_mi
    objective.begin_pass("main", 2, 0)
    out = model(batch)
    first, _ = objective.loss(out, batch, "main", 0)
    after_first = {m: t.clone() for m, t in objective.banks.labels.items()}
    centres_first = {m: (p.clone(), n.clone()) for m, (p, n) in objective.banks.centres.items()}
    second, _ = objective.loss(out, batch, "main", 0)
    assert second.item() == first.item()
    for mode, labels in objective.banks.labels.items():
        assert torch.equal(labels, after_first[mode]), mode
        assert all(torch.equal(a, b) for a, b in zip(objective.banks.centres[mode], centres_first[mode])), mode
    third, _ = objective.loss(out, batch, "main", 1)  # a new step does move them
    assert not torch.equal(objective.banks.labels["text"], after_first["text"])


def test_param_groups_follow_self_mm(tiny_self_mi):
    from dist_mmfuse.config import TrainerConfig

    model, objective, _ = tiny_self_mi
    config = ObjectiveConfig(name="self_mi", self_mm={"encoder_lr": {"audio": 5e-3}, "encoder_weight_decay":
                                                      {"vision": 0.01}})
    objective = build_objective(model.schema, model, config)
    groups = {g["name"]: g for g in objective.param_groups(model, TrainerConfig(lr_text=5e-5, lr_main=1e-3,
                                                                                 weight_decay_text=1e-3))}
    assert list(groups) == ["text", "text_no_decay", "encoder_audio", "encoder_vision", "main"]
    assert groups["text_no_decay"]["weight_decay"] == 0 and groups["text"]["weight_decay"] == 1e-3
    assert groups["encoder_audio"]["lr"] == 5e-3 and groups["encoder_vision"]["weight_decay"] == 0.01
    grouped = [id(p) for g in groups.values() for p in g["params"]]
    everything = [*model.parameters(), *objective.parameters()]
    assert len(grouped) == len(set(grouped)) == len(everything)
    named = dict(model.named_parameters())
    no_decay = {id(p) for p in groups["text_no_decay"]["params"]}
    assert all(("bias" in n or "LayerNorm" in n) == (id(p) in no_decay)
               for n, p in named.items() if n.startswith("encoders.text."))


def bank_tensors(state: dict) -> dict[str, torch.Tensor]:
    banks = state["banks"]
    flat = {f"labels.{m}": t for m, t in banks["labels"].items()}
    flat.update({f"features.{m}": t for m, t in banks["features"].items()})
    flat.update({f"centres.{m}.{i}": c for m, pair in banks["centres"].items() for i, c in enumerate(pair)})
    return flat


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.objective == "self_mi"], ids=lambda c: c.name)
def test_self_mi_on_ranks_equals_one_process_on_the_global_batch(equivalence_runs, case):
    """A global batch of 32 on 1 or 2 DeepSpeed ranks (or 2 ranks x 2 feature-cached micro-batches),
    through epochs 1 (banks fill), 2 (labels generated) and 3 (heads trained on them): every rank holds
    the same banks after every step; loss, terms and gradients equal plain torch on the whole batch in
    fp64 (same parameters and banks before each step); and the banks each step leaves equal the ones
    that one-process step leaves. So 1 and 2 processes give the same losses and banks."""
    configs, results = equivalence_runs
    config, ranks = configs[case.objective], results[case.name]
    for result in ranks[1:]:
        for before, mine in zip(ranks[0]["objective_state"], result["objective_state"]):
            for name, value in bank_tensors(before).items():
                assert torch.equal(bank_tensors(mine)[name], value), name
    states, params = ranks[0]["objective_state"], ranks[0]["params"][:-1]
    exact = dist_worker.reference(str(config), case.overrides(), case.phases, GLOBAL_BATCH, params, torch.float64,
                                  states[:-1])
    single = dist_worker.reference(str(config), case.overrides(), case.phases, GLOBAL_BATCH, params, torch.float32,
                                   states[:-1])
    last = exact["terms"][-1]
    assert last["nce"] > 0 and all(last[f"label_gap_{m}"] > 0 for m in ("text", "audio", "vision"))
    for key in exact["terms"][0]:
        mean = np.mean([[r["terms"][i][key] for i in range(len(params))] for r in ranks], axis=0)
        np.testing.assert_allclose(mean, [t[key] for t in exact["terms"]], rtol=1e-5, atol=1e-7, err_msg=key)
    assert_gradients_match(ranks, exact, single)
    for step, (run_after, reference_after) in enumerate(zip(states[1:], exact["objective_state"])):
        reference = bank_tensors(reference_after)
        for name, value in bank_tensors(run_after).items():
            np.testing.assert_allclose(value.numpy(), reference[name].double().numpy(), rtol=1e-5, atol=1e-6,
                                       err_msg=f"step {step}: {name}")
    seen = torch.zeros_like(states[0]["banks"]["present"])
    seen[torch.cat([b.index for b in dist_worker.global_batches(load_config(config), 64)][:64])] = True
    for mode in ("text", "audio", "vision"):
        moved = bank_tensors(states[-1])[f"labels.{mode}"] != bank_tensors(states[0])[f"labels.{mode}"]
        # Generated for the samples seen, and only those (a few can land back on y_m, e.g. clamped at 3).
        assert not moved[~seen].any() and int(moved.sum()) > 48, (mode, int(moved.sum()))


@pytest.mark.parametrize("cpc_fusion, cpc_target", [("fusion_input", "encoder"), ("fusion_feature", "head")])
def test_self_mi_switches_choose_what_cpc_contrasts(small_shards, cpc_fusion, cpc_target):
    """Z = the concatenated encoder outputs, or h_m = the head features F_m (METHODS.md §3.3's choices)."""
    torch.manual_seed(4)
    loader = StreamingLoader(small_shards, "train", LoaderOptions(batch_size=16, num_workers=0), train=False)
    batch = next(iter(loader.epoch(0)))
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG,
                                                   fusion="self_mm")).double().eval()
    objective = build_objective(loader.schema, model, ObjectiveConfig(
        name="self_mi", self_mi={"cpc_fusion": cpc_fusion, "cpc_target": cpc_target, "alpha": 0.3})).double().eval()
    objective.init_train_labels(*split_labels(small_shards, "train"))
    out = model(batch)
    _, terms = objective.loss(out, batch, "main", 0)
    fusion = torch.cat(list(out.reps.values()), -1) if cpc_fusion == "fusion_input" else out.fusion_BH
    for mode in ("text", "audio", "vision"):
        target = out.reps[mode] if cpc_target == "encoder" else objective.heads[mode](out.reps[mode])[0]
        assert objective.cpc[mode].net.in_features == fusion.shape[1]
        assert objective.cpc[mode].net.out_features == target.shape[1]
        assert terms[f"nce_{mode}"].item() == pytest.approx(objective.cpc[mode](target, fusion, 1.0).item(), rel=1e-9)


# -- Self-MI's optional BA term (MMIM's MMILB between modality pairs) ------------------------------------

def build_self_mi(shards, self_mi: dict, mmim: dict | None = None):
    torch.manual_seed(3)
    loader = StreamingLoader(shards, "train", LoaderOptions(batch_size=24, num_workers=0), train=False)
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG,
                                                   fusion="self_mm")).double()
    config = ObjectiveConfig(name="self_mi", self_mm={"head_dims": {"audio": 8}, "head_dim": 6}, self_mi=self_mi,
                             mmim=mmim or {})
    objective = build_objective(loader.schema, model, config).double()
    labels_N, present_N, offset = split_labels(shards, "train")
    objective.init_train_labels(labels_N.double(), present_N, offset)
    return model.eval(), objective.eval(), next(iter(loader.epoch(0)))


def reference_ba(objective, out, labels, remembered: int, beta: float) -> tuple[float, float, float]:
    """(lld, H, beta * (lld + H)) in plain fp64 numpy: lld = sum over pairs of mean_i sum_k
    -(mu - y)^2 / (2 exp(logvar)); H = sum over pairs of 0.25 (logdet cov_pos + logdet cov_neg) of the
    projected y, biased covariances over ``remembered`` earlier copies of this batch plus this batch."""
    lld = entropy = 0.0
    for (x, y), key in zip(objective.ba.pairs, objective.mmilb):
        estimator = objective.mmilb[key]
        x_rep, y_rep = out.reps[x], out.reps[y].detach().numpy()
        mu, logvar = estimator.mlp_mu(x_rep).detach().numpy(), estimator.mlp_logvar(x_rep).detach().numpy()
        lld += (-(mu - y_rep) ** 2 / (2 * np.exp(logvar))).sum(-1).mean()
        linear = estimator.entropy_prj[0]
        projected = np.tanh(y_rep @ linear.weight.detach().numpy().T + linear.bias.detach().numpy())
        for rows in (projected[labels > 0], projected[labels < 0]):
            stacked = np.concatenate([rows] * (remembered + 1))
            centred = stacked - stacked.mean(0)
            entropy += 0.25 * np.linalg.slogdet(centred.T @ centred / len(stacked))[1]
    return lld, entropy, beta * (lld + entropy)


def test_self_mi_ba_term_adds_mmim_stage_1_bound_and_trains_estimators_in_stage_0(small_shards):
    """ba_weight = 0.2 on (text, audio) and (text, vision): the MMILB pass minimises -lld; the main loss is
    Self-MI's (the weighted multi-task L1 plus alpha * CPC) minus 0.2 * lld, and from step mem_size + 1 = 2
    also minus 0.2 * H, on the batch and the memory; every term against plain fp64."""
    model, objective, batch = build_self_mi(small_shards, {"ba_weight": 0.2})
    assert objective.stages == ("mmilb", "main") and objective.ba.pairs == [("text", "audio"), ("text", "vision")]
    out = model(batch)
    labels = batch.label.double().numpy()
    lld, _, _ = reference_ba(objective, out, labels, 0, 0.2)
    objective.begin_pass("mmilb", 1, 0)
    banks_before = {m: t.clone() for m, t in objective.banks.labels.items()}
    loss0, terms0 = objective.loss(out, batch, "mmilb", 0)
    assert set(terms0) == {"lld", "lld_text_audio", "lld_text_vision"}
    assert loss0.item() == pytest.approx(-lld, rel=1e-9)
    assert all(torch.equal(objective.banks.labels[m], t) for m, t in banks_before.items())  # banks untouched
    assert objective.negatives_per_row(24, "mmilb") == 0 and objective.negatives_per_row(24, "main") == 23

    objective.begin_pass("main", 1, 0)
    rows = (batch.index - objective.index_offset).numpy()
    rng = np.random.default_rng(0)
    for mode in ("text", "audio", "vision"):
        objective.banks.labels[mode][rows] = torch.tensor(rng.uniform(-3, 3, len(rows)), dtype=torch.float64)

    def self_mm_part(planted):  # the fusion L1 and each head's tanh-weighted L1 on its generated label
        total = np.abs(out.pred_B.detach().numpy() - labels).mean()
        for mode in ("text", "audio", "vision"):
            _, pred = objective.heads[mode](out.reps[mode])
            total += (np.tanh(np.abs(planted[mode] - labels)) * np.abs(pred.detach().numpy() - planted[mode])).mean()
        return total

    nce = sum(objective.cpc[m](out.reps[m], out.fusion_BH, 1.0).item() for m in ("text", "audio", "vision"))
    planted = {m: objective.banks.labels[m][rows].clone().numpy() for m in ("text", "audio", "vision")}
    first, first_terms = objective.loss(out, batch, "main", 0)  # H computed and remembered, not in the loss
    assert first_terms["entropy_skipped"].item() == 0
    assert first_terms["entropy"].item() == pytest.approx(reference_ba(objective, out, labels, 0, 0.2)[1], rel=1e-9)
    assert first.item() == pytest.approx(self_mm_part(planted) + 0.1 * nce - 0.2 * lld, rel=1e-9)
    planted = {m: objective.banks.labels[m][rows].clone().numpy() for m in ("text", "audio", "vision")}  # moved
    loss, terms = objective.loss(out, batch, "main", 2)
    lld, entropy, ba = reference_ba(objective, out, labels, 1, 0.2)
    assert terms["lld"].item() == pytest.approx(lld, rel=1e-9)
    assert terms["entropy"].item() == pytest.approx(entropy, rel=1e-9) and terms["entropy_skipped"].item() == 0
    assert loss.item() == pytest.approx(self_mm_part(planted) + 0.1 * nce - ba, rel=1e-9)
    assert {"lld", "lld_text_audio", "entropy", "nce", "task", "loss_text"} <= set(terms)


def test_self_mi_ba_param_groups_stages_and_state(small_shards):
    """The estimators are in their own group, stepped by the MMILB pass only; the entropy projections
    join it from epoch 2 (entropy_prj: decayed) or never (frozen); the memory is checkpointed with the
    banks. With ba_weight 0 (the default) Self-MI has no estimators, one stage and its old groups."""
    model, objective, batch = build_self_mi(small_shards, {"ba_weight": 0.1, "ba_pairs": [["audio", "vision"]]},
                                            {"lr_mmilb": 2e-3})
    groups = {g["name"]: g for g in objective.param_groups(model, TrainerConfig())}
    assert list(groups) == ["text", "text_no_decay", "encoder_audio", "encoder_vision", "main", "mmilb", "entropy_prj"]
    assert groups["mmilb"]["stage"] == "mmilb" and groups["mmilb"]["lr"] == 2e-3
    assert groups["entropy_prj"]["stage"] == "entropy_prj"
    estimators = {id(p) for p in objective.mmilb.parameters()}
    assert {id(p) for g in ("mmilb", "entropy_prj") for p in groups[g]["params"]} == estimators
    assert not estimators & {id(p) for p in groups["main"]["params"]}
    grouped = [id(p) for g in groups.values() for p in g["params"]]
    assert len(grouped) == len(set(grouped)) == len([*model.parameters(), *objective.parameters()])
    assert objective.optimizer_stages("mmilb", 0) == ("mmilb",)
    assert objective.optimizer_stages("mmilb", 1) == ("mmilb", "entropy_prj")
    assert objective.optimizer_stages("main", 3) == ("main",)
    assert objective.stage_fraction("mmilb") == 1.0 and list(objective.mmilb) == ["audio__vision"]

    objective.begin_pass("main", 0, 0)
    objective.loss(model(batch), batch, "main", 0)
    state = objective.extra_state()
    assert set(state) == {"banks", "memory"} and [len(v) for v in state["memory"].values()] == [1]
    _, fresh, _ = build_self_mi(small_shards, {"ba_weight": 0.1, "ba_pairs": [["audio", "vision"]]})
    fresh.load_extra_state(state)
    for (p, n), (q, m) in zip(fresh.ba.memory["audio__vision"], state["memory"]["audio__vision"]):
        assert torch.equal(p, q) and torch.equal(n, m)

    _, frozen, _ = build_self_mi(small_shards, {"ba_weight": 0.1}, {"entropy_prj": "frozen"})
    assert frozen.optimizer_stages("mmilb", 5) == ("mmilb",)
    model_off, off, _ = build_self_mi(small_shards, {})
    assert off.ba is None and off.stages == ("main",) and not hasattr(off, "mmilb")
    assert not any("mmilb" in n for n in off.state_dict())
    assert [g["name"] for g in off.param_groups(model_off, TrainerConfig())] == \
        ["text", "text_no_decay", "encoder_audio", "encoder_vision", "main"]


def test_self_mi_with_the_ba_term_trains_through_deepspeed(small_shards, tmp_path):
    """Two epochs of Self-MI with the BA term through the DeepSpeed engine (one rank, ZeRO-2): the MMILB
    passes step only the estimators (the entropy projections too in epoch 2, by Adam on a zero gradient),
    the main passes everything else; the main loss logs lld and the entropy. About 12 s: in the fast tier."""
    from .conftest import write_train_config
    from .test_training import run_ranks

    config = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", objective="self_mi", extra={
        "model": {"text_random_init": True, "text_config": dict(TINY_TEXT_CONFIG), "fusion": "self_mm"},
        "objective": {"name": "self_mi", "self_mi": {"ba_weight": 0.1}},
        "trainer": {"deepspeed_config": str(REPO / "configs" / "deepspeed" / "zero2_fp32.json")}})
    result = run_ranks(1, config, ["data.batch_size=32"], "mmilb:2:0,main:3:0,mmilb:2:1,main:1:1",
                       tmp_path / "ba")[0]
    params, terms = result["params"], result["terms"]
    changed = [{n for n in params[i] if not torch.equal(params[i][n], params[i + 1][n])} for i in range(8)]
    estimators = {n for n in params[0] if n.startswith("objective.mmilb.")}
    projections = {n for n in estimators if ".entropy_prj." in n}
    for step in (0, 1):  # epoch 1, MMILB pass: the estimators but the projections
        assert changed[step] and changed[step] <= estimators - projections
    for step in (2, 3, 4, 7):  # main passes: never the estimators
        assert changed[step] and not changed[step] & estimators
        assert any(n.startswith("model.encoders.text.") for n in changed[step])
    for step in (5, 6):  # epoch 2, MMILB pass: the projections decay too
        assert projections <= changed[step] <= estimators
    assert all(np.isfinite(t["loss"]) for t in terms)
    assert "lld" in terms[0] and "entropy" not in terms[0]
    assert terms[4]["entropy_skipped"] == 0 and terms[4]["entropy"] != 0 and "lld_text_audio" in terms[4]
