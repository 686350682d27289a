"""Each MMIM term on one batch equals a plain float64 reference computation (METHODS.md §1.3); the
entropy projection's decay, CPC's layers, the stage-0 share and the unused BERT pooler (issue 22)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dist_mmfuse.config import ModelConfig, ObjectiveConfig, TrainerConfig
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.models import FusionModel, SequenceEncoder
from dist_mmfuse.objectives import build_objective
from dist_mmfuse.objectives.contrastive import CPC
from dist_mmfuse.objectives.mmim import MMILB, gaussian_mixture_entropy
from dist_mmfuse.optim import StagedAdam
from dist_mmfuse.trainer import stage_batches, steps_in_pass

from .conftest import TINY_TEXT_CONFIG


def reference_lld(mu, logvar, y, logvar_term=False):
    density = -(mu - y) ** 2 / (2 * np.exp(logvar))
    if logvar_term:
        density = density - 0.5 * logvar
    return density.sum(-1).mean()


@pytest.mark.parametrize("logvar_term", [False, True])
def test_lld_matches_reference(logvar_term):
    torch.manual_seed(0)
    mmilb = MMILB(12, 6, logvar_tanh=False, logvar_term=logvar_term).double()
    x, y = torch.randn(9, 12, dtype=torch.float64), torch.randn(9, 6, dtype=torch.float64)
    mu = mmilb.mlp_mu(x).detach().numpy()
    logvar = mmilb.mlp_logvar(x).detach().numpy()
    got = mmilb.log_likelihood(x, y).item()
    assert got == pytest.approx(reference_lld(mu, logvar, y.numpy(), logvar_term), rel=1e-6)


def test_entropy_matches_reference_and_skips_singular_sets():
    rng = np.random.default_rng(1)
    pos, neg = rng.standard_normal((11, 4)), rng.standard_normal((7, 4))
    expected = 0.25 * (np.linalg.slogdet(np.cov(pos.T, bias=True))[1] + np.linalg.slogdet(np.cov(neg.T, bias=True))[1])
    got = gaussian_mixture_entropy(torch.tensor(pos), torch.tensor(neg))
    assert got.item() == pytest.approx(expected, rel=1e-9)
    assert gaussian_mixture_entropy(torch.tensor(pos), torch.tensor(neg[:4])) is None


def test_cpc_matches_reference():
    torch.manual_seed(2)
    cpc = CPC(5, 8, layers=1).double()
    rep, fusion = torch.randn(6, 5, dtype=torch.float64), torch.randn(6, 8, dtype=torch.float64)
    pred = cpc.net(fusion).detach().numpy()
    h = rep.numpy() / np.linalg.norm(rep.numpy(), axis=1, keepdims=True)
    p = pred / np.linalg.norm(pred, axis=1, keepdims=True)
    expected = 0.0
    for i in range(6):
        scores = np.array([h[i] @ p[j] for j in range(6)]) / 0.5
        expected -= scores[i] - np.log(np.exp(scores).sum())
    expected /= 6
    assert cpc(rep, fusion, 2.0).item() == pytest.approx(expected, rel=1e-6)  # logits are computed in fp32


@pytest.fixture
def tiny_mmim(small_shards):
    torch.manual_seed(3)
    loader = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=24, num_workers=0), train=False)
    batch = next(iter(loader.epoch(0)))
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG)).double()
    objective = build_objective(loader.schema, model, ObjectiveConfig(name="mmim")).double()
    return model, objective, batch


def test_mmim_loss_composes_the_official_terms(tiny_mmim):
    model, objective, batch = tiny_mmim
    model.eval()
    out = model(batch)
    loss0, terms0 = objective.loss(out, batch, "mmilb", 0)
    assert set(terms0) == {"lld", "lld_text_audio", "lld_text_vision"}
    assert loss0.item() == pytest.approx(-terms0["lld"].item())
    assert objective.pairs == [("text", "audio"), ("text", "vision")]

    objective.begin_pass("main", 0, 0)
    loss_first, terms = objective.loss(out, batch, "main", 0)
    task = (out.pred_B - batch.label).abs().mean().item()
    nce = sum(objective.cpc[m](out.reps[m], out.fusion_BH, 1.0).item() for m in ("text", "audio", "vision"))
    assert terms["task"].item() == pytest.approx(task) and terms["nce"].item() == pytest.approx(nce)
    # Step 0 <= mem_size: the entropy is computed (and remembered) but not yet in the loss.
    assert loss_first.item() == pytest.approx(task + 0.1 * nce - 0.1 * terms["lld"].item())
    assert [len(v) for v in objective.memory.values()] == [1, 1]

    loss_later, terms_later = objective.loss(out, batch, "main", 2)
    # With one remembered batch the sets are this batch twice: the reference uses the same samples.
    y_proj = objective.mmilb["text__audio"].projected(out.reps["audio"]).detach().numpy()
    labels = batch.label.numpy()
    pos, neg = y_proj[labels > 0], y_proj[labels < 0]
    both = lambda a: np.concatenate([a, a])  # noqa: E731
    h_audio = 0.25 * (np.linalg.slogdet(np.cov(both(pos).T, bias=True))[1]
                      + np.linalg.slogdet(np.cov(both(neg).T, bias=True))[1])
    h_total = terms_later["entropy"].item()
    y_proj_v = objective.mmilb["text__vision"].projected(out.reps["vision"]).detach().numpy()
    h_vision = 0.25 * (np.linalg.slogdet(np.cov(both(y_proj_v[labels > 0]).T, bias=True))[1]
                       + np.linalg.slogdet(np.cov(both(y_proj_v[labels < 0]).T, bias=True))[1])
    assert h_total == pytest.approx(h_audio + h_vision, rel=1e-6)
    assert loss_later.item() == pytest.approx(task + 0.1 * nce - 0.1 * terms["lld"].item() - 0.1 * h_total)


def test_mmim_modality_subsets_and_custom_pairs(small_shards):
    loader = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=8, num_workers=0), train=False,
                             modalities=["audio", "vision"])
    model = FusionModel(loader.schema, ModelConfig())
    objective = build_objective(loader.schema, model, ObjectiveConfig(name="mmim"))
    assert objective.pairs == [("audio", "vision")] and set(objective.cpc) == {"audio", "vision"}
    batch = next(iter(loader.epoch(0)))
    loss, terms = objective.loss(model(batch), batch, "main", 0)
    assert torch.isfinite(loss) and "nce_audio" in terms


def test_last_step_lstm_equals_packed():
    torch.manual_seed(4)
    packed = SequenceEncoder(5, 7, 3, 1, 0.0, False, "packed")
    fast = SequenceEncoder(5, 7, 3, 1, 0.0, False, "last_step")
    fast.load_state_dict(packed.state_dict())
    lengths = torch.tensor([9, 1, 4, 6])
    frames = torch.randn(4, 9, 5) * (torch.arange(9)[None, :, None] < lengths[:, None, None])
    torch.testing.assert_close(fast(frames, lengths), packed(frames, lengths), rtol=1e-6, atol=1e-6)
    with pytest.raises(ValueError, match="unidirectional"):
        SequenceEncoder(5, 7, 3, 1, 0.0, True, "last_step")


# -- entropy_prj under the official environment (torch 1.7.1) and under torch >= 2 ----------------------

def adam_on_decay_alone(start: np.ndarray, steps: int, lr: float = 1e-3, weight_decay: float = 1e-4,
                        betas: tuple[float, float] = (0.9, 0.999), eps: float = 1e-8) -> np.ndarray:
    """torch.optim.Adam (coupled L2 decay, as in torch 1.7.1) on a parameter whose gradient is zero:
    the gradient Adam sees is weight_decay * p alone. Plain fp64 numpy."""
    p, m, v = start.copy(), np.zeros_like(start), np.zeros_like(start)
    for t in range(1, steps + 1):
        g = weight_decay * p
        m = betas[0] * m + (1 - betas[0]) * g
        v = betas[1] * v + (1 - betas[1]) * g * g
        p = p - lr / (1 - betas[0] ** t) * m / (np.sqrt(v) / np.sqrt(1 - betas[1] ** t) + eps)
    return p


def build_mmim(schema, mmim: dict | None = None):
    torch.manual_seed(3)
    model = FusionModel(schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG)).double()
    objective = build_objective(schema, model, ObjectiveConfig(name="mmim", mmim=mmim or {})).double()
    return model.eval(), objective


def train_passes(model, objective, batch, passes):
    """Real losses and backward passes, StagedAdam steps as the trainer takes them; a parameter without a
    gradient gets a zero one, as the DeepSpeed engine hands it. Yields (stage, epoch, step, optimizer)
    after each step."""
    optimizer = StagedAdam(objective.param_groups(model, TrainerConfig()), fused=False)
    trained = [p for g in optimizer.param_groups for p in g["params"]]
    for stage, epoch, steps in passes:
        optimizer.set_stage(objective.optimizer_stages(stage, epoch))
        objective.begin_pass(stage, epoch, 0)
        for step in range(steps):
            optimizer.zero_grad(set_to_none=True)
            loss, _ = objective.loss(model(batch), batch, stage, step)
            loss.backward()
            for param in trained:
                if param.grad is None:
                    param.grad = torch.zeros_like(param)
            optimizer.step()
            yield stage, epoch, step, optimizer


def projection_values(objective) -> dict[str, np.ndarray]:
    return {n: p.detach().numpy().copy() for n, p in objective.named_parameters() if ".entropy_prj." in n}


@pytest.mark.parametrize("mode", ["decayed", "frozen"])
def test_entropy_prj_decays_on_zero_gradients_from_epoch_2_or_stays_frozen(small_shards, mode):
    """decayed (default): epoch 1 leaves entropy_prj as initialised (its official gradient is still None
    in stage 0, and the main pass, where H gives it a gradient, does not step it); each stage-0 step of
    epoch 2 is Adam with L2 decay on a zero gradient, equal to the fp64 recursion. frozen: never moves."""
    loader = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=24, num_workers=0), train=False)
    batch = next(iter(loader.epoch(0)))
    model, objective = build_mmim(loader.schema, {"entropy_prj": mode})
    groups = {g["name"]: g for g in objective.param_groups(model, TrainerConfig())}
    assert groups["entropy_prj"]["stage"] == "entropy_prj"
    assert (groups["entropy_prj"]["lr"], groups["entropy_prj"]["weight_decay"]) == (1e-3, 1e-4)  # the MMILB Adam's
    start = projection_values(objective)
    mlp_start = objective.mmilb["text__audio"].mlp_mu[0].weight.detach().clone()
    stepped_in_epoch_2 = 0
    for stage, epoch, step, optimizer in train_passes(model, objective, batch,
                                                       [("mmilb", 0, 2), ("main", 0, 3), ("mmilb", 1, 3)]):
        now = projection_values(objective)
        if stage == "main" and step == 2:  # H is in the loss: the projection has a real gradient, unused
            grad = objective.mmilb["text__audio"].entropy_prj[0].weight.grad
            assert float(grad.abs().sum()) > 0
        if epoch == 0 or mode == "frozen":
            assert all(np.array_equal(now[n], start[n]) for n in start), (stage, epoch, step)
        else:
            stepped_in_epoch_2 += 1
            for name, value in start.items():
                np.testing.assert_allclose(now[name], adam_on_decay_alone(value, step + 1), rtol=1e-12, atol=1e-15,
                                           err_msg=name)
                assert not np.array_equal(now[name], value)
    assert stepped_in_epoch_2 == (3 if mode == "decayed" else 0)
    assert not torch.equal(objective.mmilb["text__audio"].mlp_mu[0].weight, mlp_start)  # the estimators train


def test_adam_on_decay_alone_moves_each_weight_by_about_the_learning_rate():
    """The hand recursion's size: Adam normalises the decay gradient, so every weight moves lr towards 0."""
    start = np.array([0.5, -0.2, 0.05])
    np.testing.assert_allclose(start - adam_on_decay_alone(start, 1), 1e-3 * np.sign(start), rtol=1e-2)


# -- CPC's layers ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("layers, activations, expected", [
    (1, "first", ["Linear"]),
    (2, "first", ["Linear", "Tanh", "Linear"]),
    (2, "every", ["Linear", "Tanh", "Linear"]),
    (3, "first", ["Linear", "Tanh", "Linear", "Linear"]),  # official encoders.py CPC
    (3, "every", ["Linear", "Tanh", "Linear", "Tanh", "Linear"]),
    (4, "first", ["Linear", "Tanh", "Linear", "Linear", "Linear"]),
])
def test_cpc_layers_follow_the_official_construction_or_the_switch(layers, activations, expected):
    torch.manual_seed(5)
    cpc = CPC(5, 8, layers, activations).double()
    modules = [cpc.net] if isinstance(cpc.net, torch.nn.Linear) else list(cpc.net)
    assert [type(m).__name__ for m in modules] == expected
    linears = [m for m in modules if isinstance(m, torch.nn.Linear)]
    assert [(m.in_features, m.out_features) for m in linears] == [(8, 5)] + [(5, 5)] * (layers - 1)
    # The predictor is the composition it lists: G(Z) by hand, each Tanh where the list has one.
    z = torch.randn(4, 8, dtype=torch.float64)
    x = z.numpy()
    for module in modules:
        x = np.tanh(x) if isinstance(module, torch.nn.Tanh) else x @ module.weight.detach().numpy().T + \
            module.bias.detach().numpy()
    np.testing.assert_allclose(cpc.net(z).detach().numpy(), x, rtol=1e-12)


def test_cpc_structure_switch_reaches_mmim_and_self_mi(small_shards):
    loader = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=8, num_workers=0), train=False)
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG))
    official = build_objective(loader.schema, model, ObjectiveConfig(name="mmim", mmim={"cpc_layers": 3}))
    every = build_objective(loader.schema, model, ObjectiveConfig(name="mmim", mmim={"cpc_layers": 3,
                                                                                      "cpc_activations": "every"}))
    assert [type(m).__name__ for m in official.cpc["audio"].net] == ["Linear", "Tanh", "Linear", "Linear"]
    assert [type(m).__name__ for m in every.cpc["audio"].net] == ["Linear", "Tanh", "Linear", "Tanh", "Linear"]
    self_mm_model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG,
                                                           fusion="self_mm"))
    self_mi = build_objective(loader.schema, self_mm_model, ObjectiveConfig(name="self_mi", self_mi={"cpc_layers": 3}))
    assert [type(m).__name__ for m in self_mi.cpc["vision"].net] == ["Linear", "Tanh", "Linear", "Linear"]


# -- the stage-0 share of an epoch ---------------------------------------------------------------------

def official_stage0_batches(n: int, fraction: float) -> int:
    """The official loop: ``for i_batch ...: if i_batch / len(loader) >= fraction: break``."""
    count = 0
    for i_batch in range(n):
        if i_batch / n >= fraction:
            break
        count += 1
    return count


def test_stage0_fraction_counts_batches_as_the_official_loop():
    assert stage_batches(511, 0.5) == 256 and stage_batches(510, 0.5) == 255 and stage_batches(41, 0.5) == 21
    for n in range(1, 700):
        for fraction in (0.1, 0.25, 1 / 3, 0.5, 0.7, 0.9999, 1.0):
            assert stage_batches(n, fraction) == official_stage0_batches(n, fraction), (n, fraction)


def test_mmim_stage0_pass_takes_the_rounded_up_half(small_shards):
    loader = StreamingLoader(small_shards, "valid", LoaderOptions(batch_size=8, num_workers=0), train=False)
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG))
    objective = build_objective(loader.schema, model, ObjectiveConfig(name="mmim", mmim={"stage0_fraction": 0.5}))
    trainer = TrainerConfig()
    assert steps_in_pass(objective, "mmilb", 511, trainer) == 256  # MOSEI: 16326 samples in batches of 32
    assert steps_in_pass(objective, "main", 511, trainer) == 511
    assert steps_in_pass(objective, "mmilb", 41, trainer, accumulation_steps=2) == 10  # 21 batches, 2 per step


# -- the text encoder's unused pooler --------------------------------------------------------------------

def test_the_unused_bert_pooler_is_never_stepped(small_shards):
    """Its gradient is None (DeepSpeed would hand it zeros, and weight decay would move it): it is kept
    out of the optimizer, so a training step leaves it bit-identical while the rest of BERT learns. It
    stays in the state dict, so checkpoints and exports keep their keys."""

    loader = StreamingLoader(small_shards, "train", LoaderOptions(batch_size=16, num_workers=0), train=False)
    batch = next(iter(loader.epoch(0)))
    torch.manual_seed(6)
    model = FusionModel(loader.schema, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG))
    objective = build_objective(loader.schema, model, ObjectiveConfig(name="mmim"))
    pooler = {n: p for n, p in model.named_parameters() if ".pooler." in n}
    assert pooler and all(not p.requires_grad for p in pooler.values())
    assert set(pooler) <= set(model.state_dict())
    optimizer = StagedAdam(objective.param_groups(model, TrainerConfig()), fused=False)
    assert not {id(p) for p in pooler.values()} & {id(p) for g in optimizer.param_groups for p in g["params"]}
    before = {n: p.detach().clone() for n, p in model.named_parameters()}
    optimizer.set_stage("main")
    objective.begin_pass("main", 0, 0)
    loss, _ = objective.loss(model(batch), batch, "main", 0)
    loss.backward()
    for group in optimizer.param_groups:
        for param in group["params"]:
            if param.grad is None:
                param.grad = torch.zeros_like(param)
    optimizer.step()
    text = [n for n in before if n.startswith("encoders.text.") and n not in pooler]
    assert all(torch.equal(before[n], p) for n, p in pooler.items())
    assert sum(not torch.equal(before[n], model.get_parameter(n)) for n in text) > len(text) // 2
