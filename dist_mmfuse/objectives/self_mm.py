"""Self-MM (Yu et al., AAAI 2021) as its official code implements it, and Self-MI on top of it
(METHODS.md §2, §3.3, checklist §8.2).

Self-MM trains the fusion head on the human label y_m and one head per modality on a label that ULGM
generates for it. For every training sample j it keeps, per mode (``fusion`` and each modality):

* a feature bank holding the sample's latest detached head feature (F_f, F_t, F_a, F_v: the first
  ReLU layer of each head);
* a label bank: y_m for ``fusion``; for a modality its generated label, initialised to y_m;
* positive and negative class centres: the mean bank feature over samples whose (generated) label is
  >= 0 (> 0 with ``exclude_zero``) and < 0, recomputed over the whole bank after every batch.

After each batch's loss, with that batch's detached features and the centres of the batch before:
from the second epoch (1-based epoch n > 1) each modality's label moves towards
``clamp(0.5*alpha*y_m + 0.5*(y_m + delta_s - delta_f), -H, H)``, ``alpha = delta_s / (delta_f + 1e-8)``,
``delta = (|F - C_neg| - |F - C_pos|) / (|F - C_pos| + 1e-8)``, by the momentum
``(n-1)/(n+1) * old + 2/(n+1) * new``; then the batch's features enter the bank and the centres are
recomputed. The loss is ``sum_m mean_i w_mi |y^_mi - y_mi|`` with ``w = 1`` for the fusion head and
``w = tanh(|y_s - y_m|)`` for a modality head.

Distributed: every rank gathers the bank rows, labels and features of the whole global batch and applies
the same update, so all ranks hold identical banks after every step (and a W-rank step updates them
exactly as one process with the global batch would). The banks are saved in checkpoints.

Self-MI adds CPC between the fusion representation and each modality (``L_SelfMM + alpha * sum_m nce_m``)
through the global-batch InfoNCE kernel, so each row's negatives span every rank; optionally
(``ba_weight`` > 0) also MMIM's BA term between modality pairs, with MMIM's two passes per epoch.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from .. import distributed as dist
from ..config import ObjectiveConfig, TrainerConfig
from .base import MAIN_STAGE, Objective, upcast
from .contrastive import CPC, contrast_size
from .mmim import MMILB_STAGE, BATerm, default_pairs

FUSION = "fusion"
MIN = 1e-8  # the official code's MIN, in the places it puts it (Self-MM issue #5)


class UnimodalHead(nn.Module):
    """Self-MM's post-modality layers: Dropout, ReLU(Linear) = F_s, ReLU(Linear), Linear = y^_s."""

    def __init__(self, in_dim: int, dim: int, dropout: float):
        super().__init__()
        self.dropout = nn.Dropout(dropout)
        self.linear_1 = nn.Linear(in_dim, dim)
        self.linear_2 = nn.Linear(dim, dim)
        self.linear_3 = nn.Linear(dim, 1)

    def forward(self, rep_BD: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
        feature_BF = torch.relu(self.linear_1(self.dropout(rep_BD)))
        return feature_BF, self.linear_3(torch.relu(self.linear_2(feature_BF))).squeeze(-1)


def relative_distance(features_BF: torch.Tensor, positive_F: torch.Tensor, negative_F: torch.Tensor) -> torch.Tensor:
    """delta = (d_n - d_p) / (d_p + MIN): how much closer each row is to the positive centre (plain L2)."""
    d_pos_B = (features_BF - positive_F).norm(dim=-1)
    d_neg_B = (features_BF - negative_F).norm(dim=-1)
    return (d_neg_B - d_pos_B) / (d_pos_B + MIN)


def generated_labels(fusion_label_B: torch.Tensor, delta_s_B: torch.Tensor, delta_f_B: torch.Tensor,
                     clamp: float) -> torch.Tensor:
    """ULGM's new unimodal label: the mean of the ratio and the difference hypotheses, clamped to +-H."""
    alpha_B = delta_s_B / (delta_f_B + MIN)
    new_B = 0.5 * alpha_B * fusion_label_B + 0.5 * (fusion_label_B + delta_s_B - delta_f_B)
    return new_B.clamp(-clamp, clamp)


def momentum_update(old_B: torch.Tensor, new_B: torch.Tensor, epoch: int) -> torch.Tensor:
    """(n-1)/(n+1) * old + 2/(n+1) * new for 1-based epoch n (a linearly weighted mean over epochs)."""
    return (epoch - 1) / (epoch + 1) * old_B + 2 / (epoch + 1) * new_B


def _masked_mean(features_NF: torch.Tensor, mask_N: torch.Tensor, fallback_F: torch.Tensor) -> torch.Tensor:
    count = mask_N.sum()
    mean_F = (features_NF * mask_N[:, None]).sum(0) / count.clamp(min=1)
    return torch.where(count > 0, mean_F, fallback_F)


class LabelBanks:
    """ULGM's per-sample feature and label banks and its class centres, for each mode.

    Rows are positions in the training split. ``present_N`` marks the rows the split really holds (a
    sample lost under ``data.bad_samples=skip`` never enters a centre).
    """

    def __init__(self, dims: dict[str, int], labels_N: torch.Tensor, present_N: torch.Tensor, clamp: float,
                 exclude_zero: bool):
        self.clamp, self.exclude_zero = clamp, exclude_zero
        self.present_N = present_N.bool()
        labels_N = labels_N if labels_N.is_floating_point() else labels_N.float()  # the banks keep its dtype
        self.features = {mode: labels_N.new_zeros(labels_N.shape[0], dim) for mode, dim in dims.items()}
        self.labels = {mode: labels_N.clone() for mode in dims}
        self.centres: dict[str, tuple[torch.Tensor, torch.Tensor]] = {
            mode: (labels_N.new_zeros(dim), labels_N.new_zeros(dim)) for mode, dim in dims.items()}

    @property
    def size(self) -> int:
        return int(self.present_N.shape[0])

    def update(self, rows_N: torch.Tensor, features: dict[str, torch.Tensor], epoch: int) -> None:
        """One batch, in the official order: labels (from epoch 2, with the centres as they were), then
        features, then the centres over the whole bank."""
        if epoch > 1:
            positive_F, negative_F = self.centres[FUSION]
            delta_f_N = relative_distance(features[FUSION], positive_F, negative_F)
            fusion_label_N = self.labels[FUSION][rows_N]
            for mode, features_NF in features.items():
                if mode == FUSION:
                    continue
                delta_s_N = relative_distance(features_NF, *self.centres[mode])
                new_N = generated_labels(fusion_label_N, delta_s_N, delta_f_N, self.clamp)
                self.labels[mode][rows_N] = momentum_update(self.labels[mode][rows_N], new_N, epoch)
        for mode, features_NF in features.items():
            self.features[mode][rows_N] = features_NF
        self.recompute_centres()

    def recompute_centres(self) -> None:
        """Mean bank feature of each mode's positive and negative samples, as masked sums: no host
        synchronisation on the per-step path. An empty class keeps its old centre (the official mean
        of nothing is NaN)."""
        for mode, labels_N in self.labels.items():
            positive_N = (labels_N > 0 if self.exclude_zero else labels_N >= 0) & self.present_N
            negative_N = (labels_N < 0) & self.present_N
            self.centres[mode] = tuple(_masked_mean(self.features[mode], mask_N, old_F)
                                       for mask_N, old_F in zip((positive_N, negative_N), self.centres[mode]))

    def state_dict(self) -> dict[str, Any]:
        return {"features": {m: t.cpu() for m, t in self.features.items()},
                "labels": {m: t.cpu() for m, t in self.labels.items()},
                "centres": {m: (p.cpu(), n.cpu()) for m, (p, n) in self.centres.items()},
                "present": self.present_N.cpu()}

    def load_state_dict(self, state: dict[str, Any], device: torch.device) -> None:
        if tuple(state["present"].shape) != tuple(self.present_N.shape) or set(state["labels"]) != set(self.labels):
            raise ValueError(f"checkpointed label banks hold {tuple(state['present'].shape)[0]} samples and modes "
                             f"{sorted(state['labels'])}; this run has {self.size} and {sorted(self.labels)}")
        # Copies: the banks are updated in place and must not write through into ``state``.
        self.features = {m: t.to(device, copy=True) for m, t in state["features"].items()}
        self.labels = {m: t.to(device, copy=True) for m, t in state["labels"].items()}
        self.centres = {m: (p.to(device, copy=True), n.to(device, copy=True)) for m, (p, n) in state["centres"].items()}
        self.present_N = state["present"].to(device, copy=True)


class SelfMM(Objective):
    name = "self_mm"
    uses_train_labels = True

    def __init__(self, schema, model, config: ObjectiveConfig):
        super().__init__(schema, model, config)
        cfg = config.self_mm
        self.cfg = cfg
        self.head_dims = {m: cfg.head_dims.get(m, cfg.head_dim) for m in model.rep_dims}
        self.heads = nn.ModuleDict({m: UnimodalHead(dim, self.head_dims[m], cfg.head_dropouts.get(m, cfg.head_dropout))
                                    for m, dim in model.rep_dims.items()})
        self.bank_dims = {FUSION: model.fusion.out_dim, **self.head_dims}
        self.banks: LabelBanks | None = None
        self.index_offset = 0  # the training split's first global index (bank row 0)
        self.epoch = 1  # 1-based, as the official loop counts
        # (step, rows, their labels, the centres, their features) as they were before the step the banks
        # were last updated in: a second loss call for the same step (feature-cache accumulation makes two)
        # updates them as the first did, and a skipped step puts them back (discard_step).
        self._before_step: tuple[int, torch.Tensor, dict[str, torch.Tensor], dict, dict] | None = None

    # -- state --------------------------------------------------------------------------------------

    def init_train_labels(self, labels_N, present_N, index_offset: int) -> None:
        device = next(self.parameters()).device
        self.banks = LabelBanks(self.bank_dims, labels_N.to(device), present_N.to(device), self.cfg.label_clamp,
                                self.cfg.exclude_zero)
        self.index_offset = index_offset

    def begin_pass(self, stage: str, epoch: int, step: int) -> None:
        self.epoch, self._before_step = epoch + 1, None

    def extra_state(self) -> dict[str, Any]:
        return {"banks": self._require_banks().state_dict()}

    def load_extra_state(self, state: dict[str, Any]) -> None:
        self._require_banks().load_state_dict(state["banks"], next(self.parameters()).device)
        self._before_step = None

    def _require_banks(self) -> LabelBanks:
        if self.banks is None:
            raise RuntimeError(f"objective {self.name}: init_train_labels was not called before training")
        return self.banks

    # -- parameters ---------------------------------------------------------------------------------

    def param_groups(self, model, trainer: TrainerConfig) -> list[dict[str, Any]]:
        """Self-MM's Adam groups: text encoder with and without decay (bias and LayerNorm: none), each
        other encoder at its own rate, everything else (heads, fusion, the objective's own) together."""
        text_names = model.text_parameter_names()
        encoder_of = {f"encoders.{m}.{n}": m for m, enc in model.encoders.items() for n, _ in enc.named_parameters()}
        text_decay, text_no_decay, other = [], [], []
        encoders: dict[str, list[nn.Parameter]] = {}
        for name, param in model.named_parameters():
            if name in text_names:
                (text_no_decay if "bias" in name or "LayerNorm" in name else text_decay).append(param)
            elif name in encoder_of:
                encoders.setdefault(encoder_of[name], []).append(param)
            else:
                other.append(param)
        other += self.main_stage_parameters()
        groups = [
            {"name": "text", "params": text_decay, "lr": trainer.lr_text, "weight_decay": trainer.weight_decay_text},
            {"name": "text_no_decay", "params": text_no_decay, "lr": trainer.lr_text, "weight_decay": 0.0},
            *({"name": f"encoder_{m}", "params": params, "lr": self.cfg.encoder_lr.get(m, trainer.lr_main),
               "weight_decay": self.cfg.encoder_weight_decay.get(m, trainer.weight_decay_main)}
              for m, params in encoders.items()),
            {"name": "main", "params": other, "lr": trainer.lr_main, "weight_decay": trainer.weight_decay_main},
        ]
        return [{**g, "stage": MAIN_STAGE} for g in groups if g["params"]]

    # -- loss ---------------------------------------------------------------------------------------

    def bank_rows(self, batch) -> torch.Tensor:
        """Bank positions of the batch's samples; an index outside the training split is an error."""
        banks = self._require_banks()
        rows_B = batch.index.to(batch.label.device) - self.index_offset
        outside_B = (rows_B < 0) | (rows_B >= banks.size)
        if bool(outside_B.any()):
            bad = batch.ids[int(outside_B.nonzero()[0])]
            raise ValueError(f"objective {self.name}: sample {bad!r} (index {int(batch.index[outside_B][0])}) is not "
                             f"in the training split the label banks were built from ({banks.size} samples from "
                             f"index {self.index_offset})")
        return rows_B

    def unimodal_outputs(self, output) -> tuple[dict[str, torch.Tensor], dict[str, torch.Tensor]]:
        """(features, predictions) per mode: the fusion head's from the model, each modality's head's."""
        features, preds = {FUSION: output.fusion_BH}, {FUSION: output.pred_B}
        for mode, head in self.heads.items():
            features[mode], preds[mode] = head(output.reps[mode])
        return features, preds

    def self_mm_loss(self, output, batch, step) -> tuple[torch.Tensor, dict[str, torch.Tensor], dict]:
        """The tanh-weighted multi-task L1 with the banks as they were before this step, then the banks'
        update with the step's global batch; returns the loss, its terms and the head features."""
        banks = self._require_banks()
        features, preds = self.unimodal_outputs(output)
        rows_B = self.bank_rows(batch)
        self._restore_if_repeated(step)
        task = self.task_loss(output, batch)
        loss, terms = task, {"task": task.detach()}
        fusion_label_B = banks.labels[FUSION][rows_B]
        for mode in self.heads:
            target_B = banks.labels[mode][rows_B]
            weight_B = torch.tanh((target_B - fusion_label_B).abs())
            mode_loss = (weight_B * (upcast(preds[mode]) - target_B).abs()).mean()
            terms[f"loss_{mode}"] = mode_loss.detach()
            terms[f"label_gap_{mode}"] = (target_B - fusion_label_B).abs().mean()
            loss = loss + mode_loss
        self._update_banks(step, rows_B, batch.sample_mask, features)
        return loss, terms, features

    def loss(self, output, batch, stage, step):
        loss, terms, _ = self.self_mm_loss(output, batch, step)
        return loss, terms

    def _restore_if_repeated(self, step: int) -> None:
        if self._before_step is not None and self._before_step[0] == step:
            _, rows_N, labels, centres, _ = self._before_step
            for mode, values_N in labels.items():
                self.banks.labels[mode][rows_N] = values_N
            self.banks.centres = dict(centres)

    def _update_banks(self, step: int, rows_B: torch.Tensor, mask_B: torch.Tensor,
                      features: dict[str, torch.Tensor]) -> None:
        """Every rank applies the same update with the rows and features of the whole global batch."""
        banks = self.banks
        real_N = dist.all_gather_tensors(mask_B.to(rows_B.device))
        rows_N = dist.all_gather_tensors(rows_B)[real_N]
        dtype = banks.labels[FUSION].dtype
        gathered = {mode: dist.all_gather_tensors(f.detach().to(dtype))[real_N] for mode, f in features.items()}
        self._before_step = (step, rows_N, {m: banks.labels[m][rows_N].clone() for m in self.heads},
                             dict(banks.centres), {m: banks.features[m][rows_N].clone() for m in gathered})
        banks.update(rows_N, gathered, self.epoch)

    def discard_step(self, skipped: torch.Tensor) -> None:
        """A skipped step leaves the banks as they were: its rows' labels and features and the centres are
        put back where ``skipped`` is set (selected on the device, no synchronisation)."""
        if self._before_step is None:
            return
        _, rows_N, labels, centres, features = self._before_step
        banks = self.banks
        for bank, before in ((banks.labels, labels), (banks.features, features)):
            for mode, values in before.items():
                bank[mode][rows_N] = torch.where(skipped, values, bank[mode][rows_N])
        banks.centres = {mode: tuple(torch.where(skipped, old, new) for old, new in zip(centres[mode], current))
                         for mode, current in banks.centres.items()}


class SelfMI(SelfMM):
    """Self-MM plus CPC between the fusion representation Z and each modality h_m (METHODS.md §3.3), and,
    with ``ba_weight`` > 0, MMIM's BA term between modality pairs (``mmim.BATerm``: an MMILB pass that
    trains the estimators on -lld before each main pass, and ``- ba_weight * (lld + H)`` in the main loss)."""

    name = "self_mi"

    def __init__(self, schema, model, config: ObjectiveConfig):
        super().__init__(schema, model, config)
        mi = config.self_mi
        self.mi = mi
        fusion_dim = (self.bank_dims[FUSION] if mi.cpc_fusion == "fusion_feature" else sum(model.rep_dims.values()))
        target_dims = model.rep_dims if mi.cpc_target == "encoder" else self.head_dims
        self.cpc = nn.ModuleDict({m: CPC(dim, fusion_dim, mi.cpc_layers, mi.cpc_activations)
                                  for m, dim in target_dims.items()})
        self.inv_temperature = 1.0 / mi.cpc_temperature
        self.chunk_size = config.contrast_chunk_size
        self.ba: BATerm | None = None
        if mi.ba_weight > 0:
            pairs = [tuple(p) for p in mi.ba_pairs] if mi.ba_pairs else default_pairs(schema, list(model.rep_dims))
            self.ba = BATerm(pairs, model.rep_dims, config.mmim)
            self.mmilb = self.ba.mmilb
            self.stages = (MMILB_STAGE, MAIN_STAGE)

    # -- the BA term's schedule, parameters and state ---------------------------------------------------

    def stage_fraction(self, stage: str) -> float:
        return self.ba.cfg.stage0_fraction if self.ba is not None and stage == MMILB_STAGE else 1.0

    def main_stage_parameters(self) -> list[nn.Parameter]:
        estimators = {id(p) for p in self.mmilb.parameters()} if self.ba is not None else set()
        return [p for p in self.parameters() if id(p) not in estimators]

    def param_groups(self, model, trainer: TrainerConfig) -> list[dict[str, Any]]:
        groups = super().param_groups(model, trainer)
        return groups + self.ba.param_groups() if self.ba is not None else groups

    def optimizer_stages(self, stage: str, epoch: int) -> tuple[str, ...]:
        return self.ba.optimizer_stages(stage, epoch) if self.ba is not None else (stage,)

    def begin_pass(self, stage: str, epoch: int, step: int) -> None:
        super().begin_pass(stage, epoch, step)
        if self.ba is not None:
            self.ba.begin_pass(stage, step)

    def discard_step(self, skipped: torch.Tensor) -> None:
        super().discard_step(skipped)
        if self.ba is not None:
            self.ba.discard_step(skipped)

    def extra_state(self) -> dict[str, Any]:
        state = super().extra_state()
        return {**state, **self.ba.extra_state()} if self.ba is not None else state

    def load_extra_state(self, state: dict[str, Any]) -> None:
        super().load_extra_state(state)
        if self.ba is not None:
            self.ba.load_extra_state(state, next(self.parameters()).device)

    # -- loss ---------------------------------------------------------------------------------------

    def loss(self, output, batch, stage, step):
        device = output.pred_B.device
        if stage == MMILB_STAGE:  # only with the BA term: train its estimators, leave the banks alone
            terms: dict[str, torch.Tensor] = {}
            lld = self.ba.log_likelihood(output.reps, terms, device)
            terms["lld"] = lld.detach()
            return -lld, terms
        loss, terms, features = self.self_mm_loss(output, batch, step)
        if self.mi.cpc_fusion == "fusion_feature":
            fusion_BZ = output.fusion_BH
        else:
            fusion_BZ = torch.cat(list(output.reps.values()), dim=-1)
        targets = output.reps if self.mi.cpc_target == "encoder" else features
        nce = torch.zeros((), device=device)
        for mode, cpc in self.cpc.items():
            mode_nce = cpc(targets[mode], fusion_BZ, self.inv_temperature, self.chunk_size)
            terms[f"nce_{mode}"] = mode_nce.detach()
            nce = nce + mode_nce
        terms["nce"] = nce.detach()
        loss = loss + self.mi.alpha * nce
        if self.ba is not None:  # MMIM's stage-1 BA part: - beta * lld - beta * H (H from step mem_size + 1)
            lld = self.ba.log_likelihood(output.reps, terms, device)
            terms["lld"] = lld.detach()
            loss = loss - self.mi.ba_weight * lld
            entropy = self.ba.entropy_term(output.reps, batch, step, terms, device)
            if entropy is not None:
                loss = loss - self.mi.ba_weight * entropy
        return loss, terms

    def negatives_per_row(self, local_rows, stage) -> int:
        return contrast_size(local_rows) - 1 if stage == MAIN_STAGE else 0
