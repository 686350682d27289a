"""The field's baselines as fusion plug-ins, each equal to MMSA's implementation on identical inputs.

MMSA (thuiar/MMSA, ``src/MMSA/models/singleTask/{TFN,LMF}.py`` and ``subNets/FeatureNets.py``) is not a
dependency: each reference below is rebuilt here from its equations, in float64, with MMSA's own inputs
(feature sequences zero-padded to the dataset's fixed length and averaged over it; the text's feature
sequence over every position) and MMSA's layouts (the modalities ordered audio, video, text; the fusion
tensor made with its two ``bmm`` calls). Forward outputs and every parameter's gradient of an L1 loss must
equal the plug-in's, on the same weights and batch.
"""

from __future__ import annotations

import os
import socket

import numpy as np
import pytest
import torch
import torch.nn.functional as F

from dist_mmfuse.config import ConfigError, ModelConfig, load_config
from dist_mmfuse.models.fusion import FusionInputs
from dist_mmfuse.models.fusion.lmf import LMFFusion
from dist_mmfuse.models.fusion.mult import MulTFusion
from dist_mmfuse.models.fusion.subnets import BatchNormOverRanks
from dist_mmfuse.models.fusion.tfn import TFNFusion
from dist_mmfuse.schema import DatasetSchema, ModalityKind, ModalitySpec

from .conftest import REPO
from .equivalence import CASES, GLOBAL_BATCH

REPO_DS = REPO / "configs" / "deepspeed"

TEXT_HIDDEN = 12  # the text encoder's hidden size: the text sequence's features
SCHEMAS = {
    3: DatasetSchema(modalities=(
        ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=100, max_len=9),
        ModalitySpec(name="audio", kind=ModalityKind.SEQUENCE, dim=3, max_len=7),
        ModalitySpec(name="vision", kind=ModalityKind.VECTOR, dim=4, max_len=1)), label_range=(-3.0, 3.0)),
    2: DatasetSchema(modalities=(
        ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=100, max_len=9),
        ModalitySpec(name="audio", kind=ModalityKind.SEQUENCE, dim=3, max_len=7)), label_range=(-3.0, 3.0)),
    4: DatasetSchema(modalities=(
        ModalitySpec(name="text", kind=ModalityKind.TOKENS, dim=100, max_len=9),
        ModalitySpec(name="audio", kind=ModalityKind.SEQUENCE, dim=3, max_len=7),
        ModalitySpec(name="vision", kind=ModalityKind.SEQUENCE, dim=5, max_len=6),
        ModalitySpec(name="pose", kind=ModalityKind.VECTOR, dim=2, max_len=1)), label_range=(-3.0, 3.0)),
}
NO_DROPOUT = {"dropouts": {"text": 0.0, "audio": 0.0, "vision": 0.0, "pose": 0.0}, "dropout": 0.0}
SIZES = {"hidden_dims": {"text": 6, "audio": 4, "vision": 5, "pose": 3}, "hidden_dim": 3}


def inputs_for(schema: DatasetSchema, rows: int = 7, seed: int = 0) -> FusionInputs:
    """Random sequences whose padded steps hold garbage (the plug-in must not read them) and masks."""
    generator = torch.Generator().manual_seed(seed)
    inputs = FusionInputs(reps={})
    for spec in schema.modalities:
        dim = TEXT_HIDDEN if spec.kind is ModalityKind.TOKENS else spec.dim
        steps = 1 if spec.kind is ModalityKind.VECTOR else spec.max_len - 1  # the batch pads short of max_len
        lengths = torch.randint(1, steps + 1, (rows,), generator=generator)
        lengths[0] = steps
        inputs.sequences[spec.name] = torch.randn(rows, steps, dim, generator=generator, dtype=torch.float64) * 2
        inputs.masks[spec.name] = torch.arange(steps)[None, :] < lengths[:, None]
    return inputs


def mmsa_feature_input(inputs: FusionInputs, spec: ModalitySpec) -> torch.Tensor:
    """MMSA's input of a feature modality: its frames zero-padded to the dataset's fixed length, averaged
    over that length (``need_normalized``)."""
    sequence = inputs.sequences[spec.name] * inputs.masks[spec.name][..., None]
    padded = torch.zeros(sequence.shape[0], spec.max_len, sequence.shape[2], dtype=torch.float64)
    padded[:, :sequence.shape[1]] = sequence
    return padded.mean(1)


def lstm_final_state(x_BLD, w_ih, w_hh, b_ih, b_hh):
    """A one-layer LSTM by its equations (gates i, f, g, o), run over every position; the last h."""
    hidden = w_hh.shape[1]
    h = x_BLD.new_zeros(x_BLD.shape[0], hidden)
    c = x_BLD.new_zeros(x_BLD.shape[0], hidden)
    for t in range(x_BLD.shape[1]):
        gates = x_BLD[:, t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh
        i, f, g, o = gates.split(hidden, dim=1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
    return h


def mmsa_subnets(weights: dict, inputs: FusionInputs, schema: DatasetSchema) -> dict[str, torch.Tensor]:
    """SubNet (BatchNorm with batch statistics, then three ReLU layers) and TextSubNet (LSTM, Linear)."""
    reps = {}
    for spec in schema.modalities:
        w = {k.split(".", 2)[2]: v for k, v in weights.items() if k.startswith(f"subnets.{spec.name}.")}
        if spec.kind is ModalityKind.TOKENS:
            h = lstm_final_state(inputs.sequences[spec.name], w["rnn.weight_ih_l0"], w["rnn.weight_hh_l0"],
                                 w["rnn.bias_ih_l0"], w["rnn.bias_hh_l0"])
            reps[spec.name] = h @ w["linear_1.weight"].T + w["linear_1.bias"]
            continue
        x = mmsa_feature_input(inputs, spec)
        mean, var = x.mean(0), x.var(0, unbiased=False)
        y = (x - mean) / torch.sqrt(var + 1e-5) * w["norm.weight"] + w["norm.bias"]
        for layer in ("linear_1", "linear_2", "linear_3"):
            y = torch.relu(y @ w[f"{layer}.weight"].T + w[f"{layer}.bias"])
        reps[spec.name] = y
    return reps


def mmsa_order(schema: DatasetSchema) -> list[str]:
    return [s.name for s in schema.modalities if s.kind is not ModalityKind.TOKENS] + \
        [s.name for s in schema.modalities if s.kind is ModalityKind.TOKENS]


def mmsa_tfn(weights: dict, inputs: FusionInputs, schema: DatasetSchema) -> torch.Tensor:
    """MMSA's TFN.forward: 1s appended, bmm(a, v) viewed as a column, bmm with t, then the post-fusion MLP
    and sigmoid(.) * 6 - 3."""
    reps = mmsa_subnets(weights, inputs, schema)
    order = mmsa_order(schema)
    ones = torch.ones(reps[order[0]].shape[0], 1, dtype=torch.float64)
    tensor = torch.cat((ones, reps[order[0]]), dim=1)
    for name in order[1:]:
        term = torch.cat((ones, reps[name]), dim=1)
        tensor = torch.bmm(tensor.unsqueeze(2), term.unsqueeze(1)).view(tensor.shape[0], -1)
    y_1 = torch.relu(tensor @ weights["post_fusion_layer_1.weight"].T + weights["post_fusion_layer_1.bias"])
    y_2 = torch.relu(y_1 @ weights["post_fusion_layer_2.weight"].T + weights["post_fusion_layer_2.bias"])
    output = y_2 @ weights["post_fusion_layer_3.weight"].T + weights["post_fusion_layer_3.bias"]
    return (torch.sigmoid(output) * 6 - 3).view(-1)


def mmsa_lmf(weights: dict, inputs: FusionInputs, schema: DatasetSchema) -> torch.Tensor:
    """MMSA's LMF.forward: each [1, h] @ factor, their elementwise product, the rank weights' matmul over
    the permuted product, squeeze, plus the bias."""
    reps = mmsa_subnets(weights, inputs, schema)
    rows = next(iter(reps.values())).shape[0]
    ones = torch.ones(rows, 1, dtype=torch.float64)
    fusion_zy = None
    for name in mmsa_order(schema):
        term = torch.matmul(torch.cat((ones, reps[name]), dim=1), weights[f"factors.{name}"])
        fusion_zy = term if fusion_zy is None else fusion_zy * term
    output = torch.matmul(weights["fusion_weights"], fusion_zy.permute(1, 0, 2)).squeeze() + weights["fusion_bias"]
    return output.view(-1, 1).view(-1)


def compare_with_reference(fusion, reference, schema: DatasetSchema, frozen: set[str] = frozenset()):
    """The plug-in's prediction and every trainable parameter's gradient of an L1 loss against the reference
    on copies of the same weights; the frozen ones take no gradient."""
    fusion = fusion.double().train()
    inputs = inputs_for(schema)
    labels = torch.linspace(-2.5, 2.5, inputs.masks["text"].shape[0], dtype=torch.float64)
    reps, output = fusion(inputs)
    (output.pred_B - labels).abs().mean().backward()
    weights = {n: p.detach().clone().requires_grad_() for n, p in fusion.named_parameters()}
    expected = reference(weights, inputs, schema)
    torch.testing.assert_close(output.pred_B, expected, rtol=1e-10, atol=1e-12)
    (expected - labels).abs().mean().backward()
    assert {n for n, p in fusion.named_parameters() if not p.requires_grad} == set(frozen)
    for name, param in fusion.named_parameters():
        if param.requires_grad:
            assert weights[name].grad is not None and weights[name].grad.abs().sum() > 0, name
            torch.testing.assert_close(param.grad, weights[name].grad, rtol=1e-9, atol=1e-12, msg=name)
    return reps, output


@pytest.mark.parametrize("modalities", [3, 2, 4])
def test_tfn_equals_mmsa_on_identical_inputs(modalities):
    schema = SCHEMAS[modalities]
    config = ModelConfig(fusion="tfn", tfn={**NO_DROPOUT, **SIZES, "text_out": 4, "post_fusion_dim": 5,
                                            "post_fusion_dropout": 0.0})
    torch.manual_seed(0)  # every ReLU path alive, so every gradient is compared
    fusion = TFNFusion(schema, {}, {s.name: TEXT_HIDDEN if s.kind is ModalityKind.TOKENS else s.dim
                                    for s in schema.modalities}, config)
    reps, output = compare_with_reference(fusion, mmsa_tfn, schema)
    product = 1
    for name, rep in reps.items():
        product *= rep.shape[1] + 1
    assert fusion.post_fusion_layer_1.in_features == product and output.fusion_BH.shape[1] == 5


@pytest.mark.parametrize("modalities", [3, 2, 4])
def test_lmf_equals_mmsa_on_identical_inputs(modalities):
    """MMSA's optimizer slices leave the rank weights and the bias untrained (parameter_slices=official)."""
    schema = SCHEMAS[modalities]
    config = ModelConfig(fusion="lmf", lmf={**NO_DROPOUT, **SIZES, "rank": 4})
    torch.manual_seed(0)
    fusion = LMFFusion(schema, {}, {s.name: TEXT_HIDDEN if s.kind is ModalityKind.TOKENS else s.dim
                                    for s in schema.modalities}, config)
    # Trained weights, not the initial zero bias, so the comparison sees every term.
    with torch.no_grad():
        fusion.fusion_bias.fill_(0.3)
    _, output = compare_with_reference(fusion, mmsa_lmf, schema, frozen={"fusion_weights", "fusion_bias"})
    assert output.fusion_BH.shape == (7, 4) and fusion.rep_dims["text"] == 3  # text out: half its hidden size


def test_the_switches_stop_at_real_frames_and_tokens():
    """time_mean=valid averages over a sample's real frames, text_lstm=packed stops at its last real token:
    computed here from each sample cut to its own length."""
    schema = SCHEMAS[3]
    config = ModelConfig(fusion="tfn", tfn={**NO_DROPOUT, **SIZES, "text_out": 4, "time_mean": "valid",
                                            "text_lstm": "packed"})
    torch.manual_seed(3)
    fusion = TFNFusion(schema, {}, {"text": TEXT_HIDDEN, "audio": 3, "vision": 4}, config).double().eval()
    inputs = inputs_for(schema)
    reps = fusion.encode(inputs)
    text = fusion.subnets["text"]
    for row in range(7):
        length = int(inputs.masks["text"][row].sum())
        h = lstm_final_state(inputs.sequences["text"][row:row + 1, :length], text.rnn.weight_ih_l0,
                             text.rnn.weight_hh_l0, text.rnn.bias_ih_l0, text.rnn.bias_hh_l0)
        torch.testing.assert_close(reps["text"][row], (text.linear_1(h))[0], rtol=1e-10, atol=1e-12)
        frames = int(inputs.masks["audio"][row].sum())
        mean = inputs.sequences["audio"][row, :frames].mean(0, keepdim=True)
        torch.testing.assert_close(reps["audio"][row], fusion.subnets["audio"](mean)[0], rtol=1e-10, atol=1e-12)


def test_a_tfn_tensor_too_large_is_refused_naming_its_size(tmp_path, small_shards):
    from .conftest import write_train_config

    path = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run", objective="late_fusion",
                              extra={"model": {"fusion": "tfn", "tfn": {"hidden_dims": {"audio": 400, "vision": 400},
                                                                        "text_out": 400}}})
    with pytest.raises(ConfigError, match=r"model.fusion=tfn: its fusion tensor has \(400 \+ 1\) x \(400 \+ 1\) x "
                                          r"\(400 \+ 1\) = 64,481,201 features per sample .* above "
                                          r"model.tfn.max_tensor_features=50,000,000"):
        load_config(path)
    assert load_config(path, ["model.tfn.max_tensor_features=70000000"]).model.fusion == "tfn"


@pytest.mark.parametrize("overrides, words", [
    (["model.fusion=tfn", "objective.name=mmim"], "model.fusion=tfn trains with its own recipe: objective.name="
                                                  "late_fusion, not mmim"),
    (["model.fusion=lmf", "objective.name=late_fusion", "trainer.accumulation=feature_cache"],
     "model.fusion=lmf normalises with batch statistics"),
])
def test_combinations_that_are_not_defined_are_refused(tmp_path, small_shards, overrides, words):
    from .conftest import write_train_config

    path = write_train_config(tmp_path / "c.yaml", small_shards, tmp_path / "run")
    with pytest.raises(ConfigError, match=words.replace("(", r"\(").replace(")", r"\)")):
        load_config(path, overrides)


def _batch_norm_rank(rank: int, world: int, port: int, out: str) -> None:
    """One rank of test_batch_norm_over_ranks: its rows of the global batch through BatchNormOverRanks."""
    import torch.distributed as tdist

    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    tdist.init_process_group("gloo", rank=rank, world_size=world)
    torch.manual_seed(0)
    x = torch.randn(12, 5, dtype=torch.float64) * 3 + 1
    norm = BatchNormOverRanks(5).double()
    with torch.no_grad():
        norm.weight.copy_(torch.linspace(0.5, 2, 5))
        norm.bias.copy_(torch.linspace(-1, 1, 5))
    rows = x[rank * 12 // world:(rank + 1) * 12 // world].clone().requires_grad_()
    # Each rank's loss is the mean over its rows, as a training loss is: their mean over ranks is the
    # global batch's loss, and the engine averages the parameters' gradients over ranks.
    (norm(rows) ** 3).sum().div(rows.shape[0]).backward()
    torch.save({"grad_rows": rows.grad, "weight": norm.weight.grad, "bias": norm.bias.grad,
                "running_mean": norm.running_mean, "running_var": norm.running_var}, f"{out}/rank{rank}.pt")
    tdist.destroy_process_group()


def test_batch_norm_over_ranks_equals_one_process_on_the_global_batch(tmp_path):
    """Two gloo ranks of 6 rows each: the normalised rows, the input gradients, the scale and shift's
    gradients (averaged over ranks) and the running statistics equal torch's BatchNorm1d on all 12."""
    import torch.multiprocessing as mp

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    mp.spawn(_batch_norm_rank, args=(2, port, str(tmp_path)), nprocs=2, join=True)
    ranks = [torch.load(tmp_path / f"rank{r}.pt") for r in range(2)]
    torch.manual_seed(0)
    x = (torch.randn(12, 5, dtype=torch.float64) * 3 + 1).requires_grad_()
    reference = torch.nn.BatchNorm1d(5).double()
    with torch.no_grad():
        reference.weight.copy_(torch.linspace(0.5, 2, 5))
        reference.bias.copy_(torch.linspace(-1, 1, 5))
    (reference(x) ** 3).sum().div(12).backward()
    # A row's gradient on its rank is that of every rank's loss (the statistics' gather sends them back):
    # W times the global loss's, which the engine's mean over ranks turns into the global gradient upstream.
    torch.testing.assert_close(torch.cat([r["grad_rows"] for r in ranks]) / 2, x.grad, rtol=1e-10, atol=1e-12)
    for key in ("weight", "bias"):
        torch.testing.assert_close((ranks[0][key] + ranks[1][key]) / 2, getattr(reference, key).grad, rtol=1e-10,
                                   atol=1e-12)
    for rank in ranks:
        torch.testing.assert_close(rank["running_mean"], reference.running_mean, rtol=1e-12, atol=1e-14)
        torch.testing.assert_close(rank["running_var"], reference.running_var, rtol=1e-12, atol=1e-14)


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.objective in ("tfn", "lmf", "mult", "misa")],
                         ids=lambda c: c.name)
def test_baselines_on_ranks_equal_one_process_on_the_global_batch(equivalence_runs, case):
    """W DeepSpeed ranks (ZeRO-2) x K micro-batches of TFN's, LMF's and MulT's fusions on the task loss and of
    MISA with its losses: at each step, every parameter's gradient equals plain torch's on the whole batch in
    one process, in fp64 (the batch norms' statistics and MISA's difference and CMD terms span every rank's
    rows; MulT pads to the dataset's length or masks padding, so a sample's result does not depend on the
    rank it is on); LMF's untrained rank weights never move."""
    from . import dist_worker
    from .test_training import assert_gradients_match

    configs, results = equivalence_runs
    config, ranks = str(configs[case.objective]), results[case.name]
    for result in ranks[1:]:
        for name, value in ranks[0]["params"][-1].items():
            assert torch.equal(result["params"][-1][name], value), name  # the ranks stay in lockstep
    trajectory = ranks[0]["params"][:-1]
    exact = dist_worker.reference(config, case.overrides(), case.phases, GLOBAL_BATCH, trajectory, torch.float64)
    single = dist_worker.reference(config, case.overrides(), case.phases, GLOBAL_BATCH, trajectory, torch.float32)
    mean = [sum(r["losses"][step] for r in ranks) / len(ranks) for step in range(len(exact["losses"]))]
    assert mean == pytest.approx(exact["losses"], rel=1e-5)
    assert_gradients_match(ranks, exact, single)
    first, last = ranks[0]["params"][0], ranks[0]["params"][-1]
    moved = {name for name in first if not torch.equal(first[name], last[name])}
    assert any(name.startswith("model.fusion." + {"mult": "crossmodal.", "misa": "rnns."}.get(case.objective,
                                                                                             "subnets."))
               for name in moved)
    if case.objective == "lmf":
        assert not moved & {"model.fusion.fusion_weights", "model.fusion.fusion_bias"}
        assert {"model.fusion.factors.audio", "model.fusion.factors.text"} <= moved


def by_hand_layer_norm(x, weights, prefix):
    mean = x.mean(-1, keepdim=True)
    var = ((x - mean) ** 2).mean(-1, keepdim=True)
    return (x - mean) / torch.sqrt(var + 1e-5) * weights[f"{prefix}.weight"] + weights[f"{prefix}.bias"]


def mmsa_attention(query, key, value, weights, prefix, heads, mask):
    """fairseq's MultiheadAttention as MMSA has it: one packed in-projection, q scaled by head_dim^-0.5."""
    packed, bias = weights[f"{prefix}.in_proj_weight"], weights[f"{prefix}.in_proj_bias"]
    dim = packed.shape[1]
    head_dim = dim // heads
    q = (query @ packed[:dim].T + bias[:dim]) * head_dim ** -0.5
    k = key @ packed[dim:2 * dim].T + bias[dim:2 * dim]
    v = value @ packed[2 * dim:].T + bias[2 * dim:]
    steps, rows = q.shape[:2]
    q, k, v = (t.reshape(t.shape[0], rows * heads, head_dim).transpose(0, 1) for t in (q, k, v))
    scores = q @ k.transpose(1, 2)
    if mask is not None:
        scores = scores + mask
    attended = torch.softmax(scores, dim=-1) @ v
    attended = attended.transpose(0, 1).reshape(steps, rows, dim)
    return attended @ weights[f"{prefix}.out_proj.weight"].T + weights[f"{prefix}.out_proj.bias"]


def mmsa_transformer(weights, prefix, x, source, heads, layers):
    """MMSA's TransformerEncoder with attn_mask: scaled inputs, pre-norm layers (the source through each
    layer's first norm, as key and value), ReLU feed-forward, a final norm."""
    scale = x.shape[-1] ** 0.5
    x = scale * x
    source = scale * source if source is not None else None
    steps_k = (source if source is not None else x).shape[0]
    mask = torch.triu(torch.full((x.shape[0], steps_k), float("-inf"), dtype=torch.float64),
                      1 + abs(steps_k - x.shape[0]))
    for i in range(layers):
        layer = f"{prefix}.layers.{i}"
        residual = x
        x = by_hand_layer_norm(x, weights, f"{layer}.layer_norms.0")
        kv = x if source is None else by_hand_layer_norm(source, weights, f"{layer}.layer_norms.0")
        x = residual + mmsa_attention(x, kv, kv, weights, f"{layer}.self_attn", heads, mask)
        residual = x
        x = by_hand_layer_norm(x, weights, f"{layer}.layer_norms.1")
        x = torch.relu(x @ weights[f"{layer}.fc1.weight"].T + weights[f"{layer}.fc1.bias"])
        x = residual + x @ weights[f"{layer}.fc2.weight"].T + weights[f"{layer}.fc2.bias"]
    return by_hand_layer_norm(x, weights, f"{prefix}.layer_norm")


def mmsa_mult(weights, inputs, schema, heads=2, layers=2, memory_layers=3, kernels=None):
    """MMSA's MULT.forward for K modalities (its K = 3 order: l, a, v): convolution (skipped where the width
    already fits), each target attending to each source, concatenated, the memory transformer, the last step,
    the residual block."""
    names = list(schema.names)
    projected = {}
    for name in names:
        x = inputs.sequences[name].transpose(1, 2)
        if f"proj.{name}.weight" in weights:
            kernel = weights[f"proj.{name}.weight"].shape[2]
            if x.shape[2] < kernel:
                x = F.pad(x, (0, kernel - x.shape[2]))
            x = F.conv1d(x, weights[f"proj.{name}.weight"])
        projected[name] = x.permute(2, 0, 1)
    last = []
    for target in names:
        parts = [mmsa_transformer(weights, f"crossmodal.{target}_with_{source}", projected[target],
                                  projected[source], heads, layers) for source in names if source != target]
        memory = mmsa_transformer(weights, f"memory.{target}", torch.cat(parts, dim=2), None, heads,
                                  max(layers, memory_layers))
        last.append(memory[-1])
    last_hs = torch.cat(last, dim=1)
    hidden = torch.relu(last_hs @ weights["proj1.weight"].T + weights["proj1.bias"])
    projection = hidden @ weights["proj2.weight"].T + weights["proj2.bias"] + last_hs
    return (projection @ weights["out_layer.weight"].T + weights["out_layer.bias"]).view(-1), \
        dict(zip(names, last))


MULT_SETTINGS = {
    3: {"dim": 6, "heads": 2, "conv_kernels": {"text": 3, "audio": 2, "vision": 1}},
    2: {"dim": 6, "heads": 2, "conv_kernels": {"text": 3, "audio": 2}},
    4: {"dim": 5, "heads": 5, "conv_kernels": {"text": 3, "audio": 2, "vision": 2, "pose": 1}},  # vision: 5 wide
}


def mult_fusion(modalities: int, **changes) -> tuple:
    schema = SCHEMAS[modalities]
    settings = {**MULT_SETTINGS[modalities], "layers": 2, "memory_layers": 3, "attn_dropout": 0.0,
                "attn_dropouts": {}, "embed_dropout": 0.0, "text_dropout": 0.0, "output_dropout": 0.0, **changes}
    torch.manual_seed(0)
    fusion = MulTFusion(schema, {}, {s.name: TEXT_HIDDEN if s.kind is ModalityKind.TOKENS else s.dim
                                     for s in schema.modalities}, ModelConfig(fusion="mult", mult=settings))
    return fusion.double(), schema, settings


@pytest.mark.parametrize("modalities", [3, 2, 4])
def test_mult_equals_mmsa_on_identical_inputs(modalities):
    """padding=attend (official): every step of the padded batch attended to and the last one read out."""
    fusion, schema, settings = mult_fusion(modalities)
    assert (modalities != 4) or "vision" not in fusion.proj  # already 5 wide: not convolved, as MMSA

    def reference(weights, inputs, schema):
        return mmsa_mult(weights, inputs, schema, heads=settings["heads"])[0]

    reps, output = compare_with_reference(fusion, reference, schema)
    assert all(rep.shape[1] == (modalities - 1) * settings["dim"] for rep in reps.values())
    assert output.fusion_BH.shape[1] == modalities * (modalities - 1) * settings["dim"]


def test_mult_with_masked_padding_treats_each_sample_as_if_alone():
    """padding=mask: each sample's representations and prediction are MMSA's on that sample alone, its
    sequences cut to their real steps (so padding of any length changes nothing)."""
    fusion, schema, settings = mult_fusion(3, padding="mask")
    fusion.eval()
    inputs = inputs_for(schema)
    reps, output = fusion(inputs)
    weights = dict(fusion.named_parameters())
    for row in range(7):
        alone = FusionInputs(reps={}, sequences={
            name: inputs.sequences[name][row:row + 1, :int(inputs.masks[name][row].sum())] for name in schema.names})
        pred, last = mmsa_mult(weights, alone, schema, heads=settings["heads"])
        torch.testing.assert_close(output.pred_B[row:row + 1], pred, rtol=1e-9, atol=1e-11)
        for name in schema.names:
            torch.testing.assert_close(reps[name][row], last[name][0], rtol=1e-9, atol=1e-11)


def lstm_steps(x_LD, weights, prefix, reverse=False):
    """A one-direction LSTM by its equations over the steps of one sample: every step's h, in time order."""
    suffix = "_reverse" if reverse else ""
    w_ih, w_hh = weights[f"{prefix}.weight_ih_l0{suffix}"], weights[f"{prefix}.weight_hh_l0{suffix}"]
    b_ih, b_hh = weights[f"{prefix}.bias_ih_l0{suffix}"], weights[f"{prefix}.bias_hh_l0{suffix}"]
    hidden = w_hh.shape[1]
    h = x_LD.new_zeros(hidden)
    c = x_LD.new_zeros(hidden)
    outputs = []
    for t in (reversed(range(x_LD.shape[0])) if reverse else range(x_LD.shape[0])):
        i, f, g, o = (x_LD[t] @ w_ih.T + b_ih + h @ w_hh.T + b_hh).split(hidden)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        outputs.append(h)
    return torch.stack(outputs[::-1] if reverse else outputs)


def mmsa_misa(weights, inputs, schema, labels, heads=2, diff=0.1, sim=0.3, recon=1.0, moments=5):
    """MMSA's MISA.forward and its trainer's loss, one sample at a time through the recurrent layers (read up
    to the text's token count, as MMSA packs them), then the batch."""
    text_lengths = inputs.masks["text"].sum(1)
    utterances = {}
    for spec in schema.modalities:
        name, sequence = spec.name, inputs.sequences[spec.name]
        if spec.kind is ModalityKind.TOKENS:
            mask = inputs.masks[name].unsqueeze(-1).double()
            utterances[name] = (sequence * mask).sum(1) / mask.sum(1)
            continue
        if spec.kind is ModalityKind.VECTOR:  # already an utterance vector (MMSA has none)
            utterances[name] = sequence[:, 0]
            continue
        rows = []
        for row in range(sequence.shape[0]):
            x = sequence[row, :min(int(text_lengths[row]), sequence.shape[1])]
            prefix = f"rnns.{name}"
            h1 = torch.cat([lstm_steps(x, weights, f"{prefix}.rnn1"), lstm_steps(x, weights, f"{prefix}.rnn1", True)],
                           dim=1)
            normed = by_hand_layer_norm(h1, weights, f"{prefix}.layer_norm")
            h2_forward = lstm_steps(normed, weights, f"{prefix}.rnn2")
            h2_backward = lstm_steps(normed, weights, f"{prefix}.rnn2", True)
            rows.append(torch.cat([h1[-1, :h1.shape[1] // 2], h2_forward[-1], h1[0, h1.shape[1] // 2:],
                                   h2_backward[0]]))
        utterances[name] = torch.stack(rows)
    reps, private, shared, rebuilt = {}, {}, {}, {}
    for name, utterance in utterances.items():
        projected = torch.relu(utterance @ weights[f"project.{name}.0.weight"].T + weights[f"project.{name}.0.bias"])
        reps[name] = by_hand_layer_norm(projected, weights, f"project.{name}.2")
        private[name] = torch.sigmoid(reps[name] @ weights[f"private.{name}.0.weight"].T +
                                      weights[f"private.{name}.0.bias"])
        shared[name] = torch.sigmoid(reps[name] @ weights["shared.0.weight"].T + weights["shared.0.bias"])
        rebuilt[name] = ((private[name] + shared[name]) @ weights[f"recon.{name}.weight"].T
                         + weights[f"recon.{name}.bias"])
    # MMSA's layout: t, v, a (extended here to the text, then the others in reverse schema order)
    order = {3: ["text", "vision", "audio"], 2: ["text", "audio"], 4: ["text", "pose", "vision", "audio"]}[
        len(schema.modalities)]
    x = torch.stack([private[n] for n in order] + [shared[n] for n in order])
    layer = "transformer.layers.0"
    x = by_hand_layer_norm(x + mmsa_attention(x, x, x, weights, f"{layer}.self_attn", heads, None), weights,
                           f"{layer}.norm1")
    feed = torch.relu(x @ weights[f"{layer}.linear1.weight"].T + weights[f"{layer}.linear1.bias"])
    x = by_hand_layer_norm(x + feed @ weights[f"{layer}.linear2.weight"].T + weights[f"{layer}.linear2.bias"], weights,
                           f"{layer}.norm2")
    joined = torch.cat(list(x), dim=1)
    hidden = torch.relu(joined @ weights["fusion_layer_1.weight"].T + weights["fusion_layer_1.bias"])
    pred = (hidden @ weights["fusion_layer_3.weight"].T + weights["fusion_layer_3.bias"]).view(-1)

    def difference(a, b):
        a, b = a - a.mean(0, keepdim=True), b - b.mean(0, keepdim=True)
        a = a / (a.norm(dim=1, keepdim=True).detach() + 1e-6)
        b = b / (b.norm(dim=1, keepdim=True).detach() + 1e-6)
        return ((a.T @ b) ** 2).mean()

    def central_moments(a, b):
        distance = ((a.mean(0) - b.mean(0)) ** 2).sum() ** 0.5
        for k in range(2, moments + 1):
            distance = distance + ((((a - a.mean(0)) ** k).mean(0) - ((b - b.mean(0)) ** k).mean(0)) ** 2).sum() ** 0.5
        return distance

    names = list(schema.names)
    pairs = [(a, b) for i, a in enumerate(names) for b in names[i + 1:]]
    loss_diff = sum(difference(private[m], shared[m]) for m in names) + sum(difference(private[a], private[b])
                                                                            for a, b in pairs)
    loss_cmd = sum(central_moments(shared[a], shared[b]) for a, b in pairs) / len(pairs)
    loss_recon = sum(((rebuilt[m] - reps[m]) ** 2).sum() / rebuilt[m].numel() for m in names) / len(names)
    loss = ((pred - labels) ** 2).mean() + diff * loss_diff + sim * loss_cmd + recon * loss_recon
    return pred, loss


@pytest.mark.parametrize("modalities", [3, 2, 4])
def test_misa_and_its_losses_equal_mmsa_on_identical_inputs(modalities):
    """MISA's prediction, its loss (MSE + difference + CMD + reconstruction) and every parameter's gradient of
    that loss equal MMSA's on the same weights and batch (sequence_lengths=text, as MMSA)."""
    from types import SimpleNamespace

    from dist_mmfuse.config import ObjectiveConfig
    from dist_mmfuse.models import ModelOutput
    from dist_mmfuse.models.fusion.misa import MISAFusion
    from dist_mmfuse.objectives.misa import MISA

    schema = SCHEMAS[modalities]
    config = ModelConfig(fusion="misa", misa={"hidden_size": 6, "dropout": 0.0, "transformer_ff": 10,
                                              "transformer_dropout": 0.0})
    torch.manual_seed(0)
    fusion = MISAFusion(schema, {}, {s.name: TEXT_HIDDEN if s.kind is ModalityKind.TOKENS else s.dim
                                     for s in schema.modalities}, config).double().train()
    inputs = inputs_for(schema)
    labels = torch.linspace(-2.5, 2.5, 7, dtype=torch.float64)
    reps, fused = fusion(inputs)
    objective = MISA(schema, SimpleNamespace(rep_dims=fusion.rep_dims), ObjectiveConfig(name="misa"))
    output = ModelOutput(reps=reps, fusion_BH=fused.fusion_BH, pred_B=fused.pred_B, extra=fused.extra)
    loss, terms = objective.loss(output, SimpleNamespace(label=labels), "main", 0)
    loss.backward()
    weights = {n: p.detach().clone().requires_grad_() for n, p in fusion.named_parameters()}
    pred, expected = mmsa_misa(weights, inputs, schema, labels)
    torch.testing.assert_close(fused.pred_B, pred, rtol=1e-10, atol=1e-12)
    torch.testing.assert_close(loss, expected, rtol=1e-10, atol=1e-12)
    assert all(terms[t] > 0 for t in ("task", "diff", "cmd", "recon"))
    expected.backward()
    assert {name.split(".")[1] for name in weights if name.startswith("rnns.")} == {
        s.name for s in schema.modalities if s.kind is ModalityKind.SEQUENCE}
    for name, param in fusion.named_parameters():
        assert weights[name].grad is not None and weights[name].grad.abs().sum() > 0, name
        torch.testing.assert_close(param.grad, weights[name].grad, rtol=1e-8, atol=1e-11, msg=name)


# -- through the entry points (slow) -------------------------------------------------------------------

SMALL = {
    "tfn": {"hidden_dims": {"text": 6, "audio": 4, "vision": 4}, "text_out": 4, "post_fusion_dim": 8},
    "lmf": {"hidden_dims": {"text": 6, "audio": 4, "vision": 4}, "rank": 3},
    "mult": {"dim": 6, "heads": 2, "layers": 1, "memory_layers": 1,
             "conv_kernels": {"text": 3, "audio": 2, "vision": 3}},
    "misa": {"hidden_size": 8, "transformer_ff": 16},
}


def baseline_config(tmp_path, shards, fusion: str, name: str, trainer: dict | None = None):
    from .conftest import write_train_config

    return write_train_config(tmp_path / f"{name}.yaml", shards, tmp_path / "runs" / name,
                              objective="misa" if fusion == "misa" else "late_fusion", extra={
                                  "model": {"text_random_init": True, "text_config": {"num_hidden_layers": 1,
                                            "hidden_size": 16, "num_attention_heads": 2, "intermediate_size": 32},
                                            "fusion": fusion, "init": "default", fusion: SMALL[fusion]},
                                  "trainer": {"max_steps_per_pass": 4, **(trainer or {})}})


def launch(args, world: int = 1, timeout: int = 600):
    import subprocess
    import sys

    from .conftest import REPO, train_env

    command = ([sys.executable, "-m", "deepspeed.launcher.runner", "--num_gpus", str(world)] if world > 1
               else [sys.executable]) + [str(REPO / "launch" / args[0]), *args[1:]]
    done = subprocess.run(command, env=train_env(), capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-3000:]
    return done


@pytest.mark.slow
def test_tfn_under_zero3_exports_a_model_that_predicts_as_eval_and_drops_a_modality(small_shards, tmp_path):
    """TFN on 2 ranks under ZeRO-3 (its batch norms' running statistics are buffers, its weights partitioned),
    selecting on the validation MSE: the export predicts every test sample as eval.py does from the shards,
    and so does the export written from its ZeRO-3 checkpoint; a removed modality changes the predictions
    and the metrics stay finite."""
    import json
    import math

    import pyarrow.csv as pacsv

    config = baseline_config(tmp_path, small_shards, "tfn", "tfn", {
        "deepspeed_config": str(REPO_DS / "zero3_fp32.json"), "select_on": "mse", "epochs": 3, "keep_checkpoints": 3})
    launch(["train.py", "--config", str(config)], world=2)
    model = tmp_path / "runs" / "tfn" / "best_model"
    # Selected on the validation MSE (trainer.select_on), which every validation record carries.
    records = [json.loads(line) for line in (tmp_path / "runs" / "tfn" / "metrics.jsonl").read_text().splitlines()]
    valid = [r for r in records if r["kind"] == "valid"]
    assert [r["kind"] for r in records].count("valid") == 3 and all("mse" in r for r in valid)
    best = min(valid, key=lambda r: r["mse"])["epoch"]
    assert records[-1]["kind"] == "final" and records[-1]["best_epoch"] == best
    evaluated = launch(["eval.py", "--model", str(model), "--split", "test", "--predictions", str(tmp_path / "e.csv")])
    metrics = json.loads(evaluated.stdout[evaluated.stdout.index("{"):])
    launch(["predict.py", "--model", str(model), "--input", str(small_shards), "--split", "test", "--out",
            str(tmp_path / "p.csv")])
    from_eval, from_export = (pacsv.read_csv(tmp_path / f).to_pydict() for f in ("e.csv", "p.csv"))
    assert from_export["id"] == from_eval["id"] and len(from_eval["id"]) == metrics["samples"] == 30
    np.testing.assert_allclose(from_export["prediction"], from_eval["prediction"], atol=1e-6)
    # The same from the selected epoch's ZeRO-3 checkpoint (zero_to_fp32 assembles its partitions).
    launch(["export.py", "--checkpoint", str(tmp_path / "runs" / "tfn" / "checkpoints" / f"epoch{best:04d}"),
            "--out", str(tmp_path / "from_checkpoint")])
    launch(["predict.py", "--model", str(tmp_path / "from_checkpoint"), "--input", str(small_shards), "--split",
            "test", "--out", str(tmp_path / "c.csv")])
    np.testing.assert_allclose(pacsv.read_csv(tmp_path / "c.csv").to_pydict()["prediction"], from_eval["prediction"],
                               atol=1e-6)
    dropped = launch(["eval.py", "--model", str(model), "--split", "test", "--drop-modality", "audio",
                      "--predictions", str(tmp_path / "d.csv")])
    without = json.loads(dropped.stdout[dropped.stdout.index("{"):])
    assert math.isfinite(without["mae"]) and without["dropped"] == ["audio"]
    assert not np.allclose(pacsv.read_csv(tmp_path / "d.csv").to_pydict()["prediction"], from_eval["prediction"])


@pytest.mark.slow
def test_mult_resumes_exactly_and_drops_a_modality_at_its_input(small_shards, tmp_path):
    """MulT on 2 ranks (ZeRO-2), checkpointed mid-epoch: resumed there it logs the same losses as the run
    that went through; its export removes a modality at the input (one step of its mean frame) for
    eval.py and load_model alike."""
    import json

    from dist_mmfuse import load_model

    config = baseline_config(tmp_path, small_shards, "mult", "mult", {
        "checkpoint_every_steps": 3, "keep_checkpoints": 10, "deepspeed_config": str(REPO_DS / "zero2_fp32.json")})
    launch(["train.py", "--config", str(config)], world=2)
    run = tmp_path / "runs" / "mult"

    def losses():
        return {r["step"]: r["loss"] for r in map(json.loads, (run / "metrics.jsonl").read_text().splitlines())
                if r["kind"] == "train"}

    full = losses()
    resumed = launch(["train.py", "--config", str(config), "--resume", str(run / "checkpoints" / "step00000003")],
                     world=2)
    assert "resumed from step00000003" in resumed.stdout
    again = losses()
    assert again.keys() == full.keys() and min(full) <= 3 < max(full)
    for step in full:
        assert again[step] == pytest.approx(full[step], rel=1e-6), step
    model = load_model(run / "best_model", device="cpu")
    assert model.model.fusion.removal == "sequence" and set(model.mean_representations) == {"text", "audio", "vision"}
    assert model.mean_representations["audio"].shape == (model.schema.modality("audio").dim,)
    dropped = launch(["eval.py", "--model", str(run / "best_model"), "--split", "test", "--drop-modality", "audio"])
    assert json.loads(dropped.stdout[dropped.stdout.index("{"):])["dropped"] == ["audio"]


@pytest.mark.slow
def test_lmf_resumes_on_another_world_size(small_shards, tmp_path):
    """LMF (whose untrained rank weights are outside the optimizer) checkpointed mid-epoch on 2 ranks under
    ZeRO-1 exports whole and resumes on 1 rank through DeepSpeed's universal checkpoint."""
    import torch

    from dist_mmfuse.checkpoint import consolidated_fp32_state

    config = baseline_config(tmp_path, small_shards, "lmf", "lmf", {
        "checkpoint_every_steps": 3, "keep_checkpoints": 10, "epochs": 1,
        "deepspeed_config": str(REPO_DS / "zero1_fp32.json")})
    launch(["train.py", "--config", str(config)], world=2)
    tag = tmp_path / "runs" / "lmf" / "checkpoints" / "step00000003"
    saved = consolidated_fp32_state(tag)
    # Exported from the checkpoint: every weight there, those outside the optimizer included (ZeRO-1 gives
    # zero_to_fp32 none of them), so the export loads whole.
    from dist_mmfuse import load_model

    launch(["export.py", "--checkpoint", str(tag), "--out", str(tmp_path / "exported")])
    exported = load_model(tmp_path / "exported", device="cpu")
    assert torch.equal(exported.model.fusion.fusion_weights.detach(), saved["model.fusion.fusion_weights"])
    resumed = launch(["train.py", "--config", str(config), "--resume", str(tag), "trainer.epochs=2"])
    assert "elastic resume: world size 2 -> 1" in resumed.stdout
    after = consolidated_fp32_state(tmp_path / "runs" / "lmf" / "checkpoints" / "epoch0002")
    assert torch.equal(after["model.fusion.fusion_weights"], saved["model.fusion.fusion_weights"])
    assert not torch.equal(after["model.fusion.factors.audio"], saved["model.fusion.factors.audio"])


def test_grad_clip_value_clips_each_element_of_the_gradient_the_step_applies():
    """trainer.grad_clip_value (MMSA's clip_grad_value_): Adam's step on the clamped gradient, exactly."""
    from dist_mmfuse.optim import StagedAdam

    torch.manual_seed(0)
    weights = torch.randn(5, 4, dtype=torch.float64)
    gradient = torch.randn(5, 4, dtype=torch.float64) * 3
    mine = torch.nn.Parameter(weights.clone())
    reference = torch.nn.Parameter(weights.clone())
    optimizer = StagedAdam([{"params": [mine], "stage": "main", "lr": 0.1, "weight_decay": 0.01}], clip_value=0.6)
    plain = torch.optim.Adam([reference], lr=0.1, weight_decay=0.01)
    mine.grad, reference.grad = gradient.clone(), gradient.clamp(-0.6, 0.6)
    assert (gradient.abs() > 0.6).any()
    optimizer.step()
    plain.step()
    torch.testing.assert_close(mine.detach(), reference.detach(), rtol=0, atol=0)
    assert mine.grad.abs().max() == 0.6


def test_misa_without_its_text_reads_audio_to_its_own_length():
    """Removing MISA's text (--drop-modality text) leaves no token count to read audio and video to: each
    sequence is read to its own length, as sequence_lengths=own reads it."""
    import numpy as np_

    from dist_mmfuse.data.batch import collate
    from dist_mmfuse.models import FusionModel, WithoutModalities

    from .conftest import TINY_SCHEMA, TINY_TEXT_CONFIG, tiny_sample

    rng = np_.random.default_rng(3)
    batch = collate([tiny_sample(i, rng) for i in range(6)], [True] * 6, TINY_SCHEMA, False)
    models = {}
    for lengths in ("text", "own"):
        torch.manual_seed(0)
        models[lengths] = FusionModel(TINY_SCHEMA, ModelConfig(
            text_random_init=True, text_config=TINY_TEXT_CONFIG, fusion="misa",
            misa={"hidden_size": 6, "dropout": 0.0, "transformer_dropout": 0.0, "sequence_lengths": lengths})).eval()
    fill = torch.zeros(6)
    removed = WithoutModalities(models["text"], {"text": fill})(batch)
    own = models["own"].encode(batch, skip={"text"})
    torch.testing.assert_close(removed.reps["audio"], own["audio"], rtol=0, atol=0)
    torch.testing.assert_close(removed.pred_B, models["own"].fuse({**own, "text": fill.expand(6, -1)})[1],
                               rtol=0, atol=0)
    # With the text there, official MISA reads the audio only as far as the text's token count.
    assert not torch.allclose(models["text"].encode(batch)["audio"], models["own"].encode(batch)["audio"])


@pytest.mark.parametrize("fusion", ["tfn", "lmf", "mult", "misa"])
def test_every_baseline_runs_in_bfloat16(fusion):
    """Under DeepSpeed's bf16 the whole model is bfloat16: each baseline's forward (its batch norms, masks and
    attention) and backward run there, and stay close to float32."""
    import numpy as np_

    from dist_mmfuse.data.batch import collate
    from dist_mmfuse.models import FusionModel
    from dist_mmfuse.objectives.misa import MISA

    from .conftest import TINY_SCHEMA, TINY_TEXT_CONFIG, tiny_sample

    rng = np_.random.default_rng(3)
    batch = collate([tiny_sample(i, rng) for i in range(6)], [True] * 6, TINY_SCHEMA, False)
    settings = {**SMALL[fusion]}
    if fusion == "mult":
        settings["conv_kernels"] = {"text": 2, "audio": 2, "vision": 1}
    torch.manual_seed(0)
    model = FusionModel(TINY_SCHEMA, ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG, fusion=fusion,
                                                 init="default", **{fusion: settings})).eval()
    expected = model(batch).pred_B.detach()
    model = model.to(torch.bfloat16)
    torch.testing.assert_close(model(batch).pred_B.float(), expected, rtol=0.1, atol=0.1)
    output = model.train()(batch)  # batch statistics, dropout
    assert output.pred_B.dtype == torch.bfloat16
    loss = output.pred_B.float().abs().mean()
    if fusion == "misa":
        from types import SimpleNamespace

        from dist_mmfuse.config import ObjectiveConfig

        loss = MISA(TINY_SCHEMA, model, ObjectiveConfig(name="misa")).loss(output, SimpleNamespace(label=batch.label),
                                                                          "main", 0)[0]
    loss.backward()
    assert all(torch.isfinite(p.grad).all() for p in model.parameters() if p.grad is not None)
