"""Each MMIM term on one batch equals a plain float64 reference computation (METHODS.md §1.3)."""

from __future__ import annotations

import numpy as np
import pytest
import torch

from dist_mmfuse.config import ModelConfig, ObjectiveConfig
from dist_mmfuse.data.loader import LoaderOptions, StreamingLoader
from dist_mmfuse.models import FusionModel, SequenceEncoder
from dist_mmfuse.objectives import build_objective
from dist_mmfuse.objectives.contrastive import CPC
from dist_mmfuse.objectives.mmim import MMILB, gaussian_mixture_entropy

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
