"""The model package: fusions are plug-ins behind one interface, and what a fusion receives is exact."""

from __future__ import annotations

import numpy as np
import pytest
import torch
from torch import nn

from dist_mmfuse.config import FUSION_NAMES, ModelConfig
from dist_mmfuse.data.batch import collate
from dist_mmfuse.models import FUSIONS, Fusion, FusionInputs, FusionModel, FusionOutput, WithoutModalities
from dist_mmfuse.models.fusion.mmim import MMIMFusion
from dist_mmfuse.models.fusion.self_mm import SelfMMFusion

from .conftest import TINY_SCHEMA, TINY_TEXT_CONFIG, tiny_sample


def test_every_fusion_is_registered_under_its_name_and_named_in_the_config():
    assert set(FUSIONS) == set(FUSION_NAMES)
    assert all(cls.name == name and issubclass(cls, Fusion) for name, cls in FUSIONS.items())


def tiny_batch(rows: int = 5):
    rng = np.random.default_rng(3)
    return collate([tiny_sample(i, rng) for i in range(rows)], [True] * rows, TINY_SCHEMA, False)


def tiny_config(**fields) -> ModelConfig:
    return ModelConfig(text_random_init=True, text_config=TINY_TEXT_CONFIG, **fields)


@pytest.mark.parametrize("fusion", ["mmim", "self_mm"])
def test_the_shipped_fusions_compute_their_published_layers(fusion):
    """MMIM's SubNet (tanh, tanh; Z the second layer) and Self-MM's post-fusion layers (ReLU, ReLU; F_f
    the first), recomputed from their weights in float64 over the concatenated representations."""
    torch.manual_seed(0)
    model = FusionModel(TINY_SCHEMA, tiny_config(fusion=fusion, fusion_hidden=6)).double().eval()
    assert isinstance(model.fusion, {"mmim": MMIMFusion, "self_mm": SelfMMFusion}[fusion])
    batch = tiny_batch()
    output = model(batch)
    joined_BD = torch.cat([output.reps[m] for m in ("text", "audio", "vision")], dim=-1)
    head = model.fusion
    layer_1 = joined_BD @ head.linear_1.weight.T + head.linear_1.bias
    if fusion == "mmim":
        fusion_BH = torch.tanh(torch.tanh(layer_1) @ head.linear_2.weight.T + head.linear_2.bias)
        pred_B = fusion_BH @ head.linear_3.weight[0] + head.linear_3.bias
    else:
        fusion_BH = torch.relu(layer_1)
        pred_B = torch.relu(fusion_BH @ head.linear_2.weight.T + head.linear_2.bias) @ head.linear_3.weight[0] \
            + head.linear_3.bias
    torch.testing.assert_close(output.fusion_BH, fusion_BH, rtol=1e-12, atol=1e-12)
    torch.testing.assert_close(output.pred_B, pred_B, rtol=1e-12, atol=1e-12)
    assert head.out_dim == 6 and output.fusion_BH.shape == (5, 6)
    assert {id(p) for p in head.prediction_parameters()} == {id(p) for p in head.linear_3.parameters()}
    # Representations given in any key order fuse as in the model's own order.
    shuffled = {m: output.reps[m] for m in ("vision", "text", "audio")}
    torch.testing.assert_close(model.fuse(shuffled)[1], output.pred_B, rtol=0, atol=0)


class RecordingFusion(Fusion):
    """A fusion with its own encoders that attends over time (a masked mean of each modality's sequence,
    projected), keeping what it received."""

    name = "recording"
    needs_sequences = True
    own_encoders = True

    def __init__(self, schema, rep_dims, sequence_dims, config):
        super().__init__(schema, rep_dims, sequence_dims, config)
        self.project = nn.ModuleDict({m: nn.Linear(dim, 4) for m, dim in sequence_dims.items()})
        self.predict = nn.Linear(4, 1)
        self.rep_dims = {m: 4 for m in sequence_dims}
        self.out_dim = 4
        self.received: FusionInputs | None = None

    def encode(self, inputs: FusionInputs, skip=()):
        self.received = inputs
        reps = {}
        for name, sequence_BTD in inputs.sequences.items():
            mask_BT = inputs.masks[name].to(sequence_BTD.dtype)
            reps[name] = self.project[name]((sequence_BTD * mask_BT[..., None]).sum(1) / mask_BT.sum(1, keepdim=True))
        return reps

    def fuse(self, reps):
        fusion_BH = torch.stack(list(reps.values())).sum(0)
        return FusionOutput(fusion_BH, self.predict(fusion_BH).squeeze(-1))

    def prediction_parameters(self):
        return list(self.predict.parameters())


def test_a_fusion_with_its_own_encoders_receives_each_modality_as_a_masked_sequence(monkeypatch):
    monkeypatch.setitem(FUSIONS, "recording", RecordingFusion)
    config = tiny_config().model_copy(update={"fusion": "recording"})  # not a shipped name: no validation
    torch.manual_seed(0)
    model = FusionModel(TINY_SCHEMA, config).double().eval()
    assert list(model.encoders) == ["text"]  # the text encoder gives the text's sequence; no other encoder
    batch = tiny_batch()
    output = model(batch)
    got = model.fusion.received
    assert list(got.sequences) == list(got.masks) == ["text", "audio", "vision"]
    # Text: the encoder's last hidden states over the tokens, its mask the tokens'.
    text = model.encoders["text"]
    hidden_BLD = text.bert(input_ids=batch.values["text"], attention_mask=batch.masks["text"].long()).last_hidden_state
    torch.testing.assert_close(got.sequences["text"], hidden_BLD, rtol=0, atol=0)
    assert torch.equal(got.masks["text"], batch.masks["text"].bool())
    # Audio: its frames, padding marked by the mask (one row per sample, from the lengths).
    audio = batch.values["audio"].double()
    assert torch.equal(got.sequences["audio"], audio)
    expected = torch.tensor([[t < int(n) for t in range(audio.shape[1])] for n in batch.lengths["audio"]])
    assert torch.equal(got.masks["audio"], expected) and not expected.all()
    # Vision, one vector per sample: one step, always valid.
    assert got.sequences["vision"].shape == (5, 1, 4) and got.masks["vision"].all()
    # The representations are the fusion's, encode gives the same, and fusing them gives the prediction.
    assert model.rep_dims == {"text": 4, "audio": 4, "vision": 4}
    plain = model.encode(batch)
    for name in plain:
        torch.testing.assert_close(output.reps[name], plain[name], rtol=0, atol=0)
    torch.testing.assert_close(model.fuse(plain)[1], output.pred_B, rtol=0, atol=0)
    # A removed modality's input is never read: its representation is the fill.
    fill = torch.full((4,), 0.25, dtype=torch.float64)
    removed = WithoutModalities(model, {"audio": fill})(batch)
    assert "audio" not in model.fusion.received.sequences
    torch.testing.assert_close(removed.pred_B, model.fuse({**plain, "audio": fill.expand(5, -1)})[1], rtol=0, atol=0)


def test_an_unknown_fusion_is_refused_by_the_config():
    from pydantic import ValidationError

    with pytest.raises(ValidationError, match="fusion"):
        ModelConfig(fusion="tensor")
