"""MMIM (Han et al., EMNLP 2021), as the official code implements it (METHODS.md §1.3-1.4, §8.1).

Per epoch, two passes over the training data:

* stage ``mmilb``: minimise ``-lld`` and step only the MMILB estimators (their own Adam group);
* stage ``main``: minimise ``L1 + alpha*nce - beta*lld - beta*H`` and step everything else.

``lld`` is the Barber-Agakov log-likelihood of each pair's y given x under a diagonal Gaussian
``q(y|x) = N(mu(x), exp(logvar(x)))`` (the official form omits ``-1/2 logvar``: switch
``lld_logvar_term``); ``H`` estimates the entropy of y with two Gaussians fitted to the positive- and
negative-label samples of the batch plus a memory of past batches, on a 4-d tanh projection of y that
the official code never trains (its ``entropy_prj`` sits in the MMILB group, stepped only in stage 0,
where H is not computed). ``nce`` is CPC between the fusion vector Z and each modality: cosine scores,
temperature 1 by default, each unimodal row contrasted against every fusion prediction in the batch.

Every batch-level term spans the global batch of all ranks: CPC rows contrast against all N fusion
predictions (``contrastive.global_info_nce``), and H is fitted to the projected y of all N samples,
gathered with their gradients, plus a memory that holds the global previous batch. Each rank computes
the same H; the gather's backward sums its gradient over ranks and the engine's mean over ranks undoes
that sum, so the gradient is the one-device gradient of the global batch.
"""

from __future__ import annotations

from typing import Any

import torch
from torch import nn

from .. import distributed as dist
from ..config import ObjectiveConfig, TrainerConfig
from ..schema import ModalityKind
from .base import MAIN_STAGE, Objective, upcast
from .contrastive import CPC, contrast_size

MMILB_STAGE = "mmilb"
FROZEN_STAGE = "frozen"  # a stage tag no pass activates


class MMILB(nn.Module):
    """The BA lower bound between x and y, and the entropy estimate of y (official ``MMILB``)."""

    def __init__(self, x_dim: int, y_dim: int, logvar_tanh: bool, logvar_term: bool):
        super().__init__()
        self.mlp_mu = nn.Sequential(nn.Linear(x_dim, y_dim), nn.ReLU(), nn.Linear(y_dim, y_dim))
        self.mlp_logvar = nn.Sequential(nn.Linear(x_dim, y_dim), nn.ReLU(), nn.Linear(y_dim, y_dim))
        self.entropy_prj = nn.Sequential(nn.Linear(y_dim, max(1, y_dim // 4)), nn.Tanh())
        self.logvar_tanh = logvar_tanh
        self.logvar_term = logvar_term

    def log_likelihood(self, x_BX: torch.Tensor, y_BY: torch.Tensor) -> torch.Tensor:
        """mean_i sum_k -(mu_k(x_i) - y_ik)^2 / (2 exp(logvar_k(x_i))) [- 1/2 logvar_k(x_i)]."""
        mu_BY = upcast(self.mlp_mu(x_BX))
        logvar_BY = upcast(self.mlp_logvar(x_BX))
        if self.logvar_tanh:
            logvar_BY = torch.tanh(logvar_BY)
        log_density_BY = -(mu_BY - upcast(y_BY)) ** 2 / (2 * logvar_BY.exp())
        if self.logvar_term:
            log_density_BY = log_density_BY - 0.5 * logvar_BY
        return log_density_BY.sum(-1).mean()

    def projected(self, y_BY: torch.Tensor) -> torch.Tensor:
        return upcast(self.entropy_prj(y_BY))


def gaussian_mixture_entropy(pos_PD: torch.Tensor, neg_ND: torch.Tensor) -> torch.Tensor | None:
    """0.25 * (logdet Sigma_pos + logdet Sigma_neg) with biased full covariances (official form).

    Returns None when either set has too few samples for a non-singular covariance (the official code
    would return NaN there: MMSA issue #40), so the caller skips the term for that batch.
    """
    dim = pos_PD.shape[-1]
    if pos_PD.shape[0] <= dim or neg_ND.shape[0] <= dim:
        return None

    def logdet_cov(samples_SD: torch.Tensor) -> torch.Tensor:
        centred_SD = samples_SD - samples_SD.mean(0, keepdim=True)
        return torch.logdet(centred_SD.T @ centred_SD / samples_SD.shape[0])

    return 0.25 * (logdet_cov(pos_PD) + logdet_cov(neg_ND))


class MMIM(Objective):
    name = "mmim"

    def __init__(self, schema, model, config: ObjectiveConfig):
        super().__init__(schema, model, config)
        cfg = config.mmim
        self.cfg = cfg
        names = list(model.rep_dims)
        if cfg.pairs:
            pairs = [tuple(p) for p in cfg.pairs]
        else:
            anchors = [s.name for s in schema.modalities if s.kind is ModalityKind.TOKENS and s.name in names]
            anchor = anchors[0] if anchors else names[0]
            pairs = [(anchor, other) for other in names if other != anchor]
        self.pairs = pairs
        self.mmilb = nn.ModuleDict({
            f"{x}__{y}": MMILB(model.rep_dims[x], model.rep_dims[y], cfg.logvar_tanh, cfg.lld_logvar_term)
            for x, y in pairs
        })
        self.cpc = nn.ModuleDict({name: CPC(dim, model.fusion.linear_2.out_features, cfg.cpc_layers)
                                  for name, dim in model.rep_dims.items()})
        # Shape (1,): a 0-dim parameter breaks deepspeed.initialize's broadcast on gloo (STACK_NOTES.md).
        self.log_inv_temperature = nn.Parameter(torch.full((1,), -float(torch.tensor(cfg.cpc_temperature).log())),
                                                requires_grad=cfg.learn_temperature)
        self.chunk_size = config.contrast_chunk_size
        self.stages = (MMILB_STAGE, MAIN_STAGE) if cfg.contrast else (MAIN_STAGE,)
        self.memory: dict[str, list[tuple[torch.Tensor, torch.Tensor]]] = {}
        # The memory as it was before the step it was last updated in: a second loss call for the same
        # step (feature-cache accumulation makes two) reads and writes it exactly as the first did.
        self._memory_before_step: dict[str, list[tuple[torch.Tensor, torch.Tensor]]] = {}
        self._memory_step: int | None = None
        # (skipped flag, memory before that step) of the last step, settled when the next one reads it.
        self._pending_discard: tuple[torch.Tensor, dict] | None = None
        self._memory_updated = False  # since the last discard_step

    # -- schedule and parameters ------------------------------------------------------------------

    def stage_fraction(self, stage: str) -> float:
        return self.cfg.stage0_fraction if stage == MMILB_STAGE else 1.0

    def main_stage_parameters(self):
        params = list(self.cpc.parameters())
        if self.cfg.learn_temperature:
            params.append(self.log_inv_temperature)
        return params

    def param_groups(self, model, trainer: TrainerConfig) -> list[dict[str, Any]]:
        groups = super().param_groups(model, trainer)
        projections = {id(p) for m in self.mmilb.values() for p in m.entropy_prj.parameters()}
        groups.append({"name": "mmilb", "stage": MMILB_STAGE,
                       "params": [p for p in self.mmilb.parameters() if id(p) not in projections],
                       "lr": self.cfg.lr_mmilb, "weight_decay": self.cfg.weight_decay_mmilb})
        # The official entropy_prj is never updated (stage 0 gives it no gradient; stage 1 does not step
        # its optimizer). DeepSpeed hands unused parameters zero gradients, which Adam's coupled weight
        # decay would turn into updates, so it sits in a group that no stage steps. Its stage-1 gradients
        # still count in the clipping norm, as in the official clip_grad_norm_(model.parameters()).
        groups.append({"name": "entropy_prj", "stage": FROZEN_STAGE,
                       "params": [p for p in self.mmilb.parameters() if id(p) in projections],
                       "lr": self.cfg.lr_mmilb, "weight_decay": self.cfg.weight_decay_mmilb})
        return groups

    # -- loss -------------------------------------------------------------------------------------

    def inv_temperature(self) -> torch.Tensor:
        # Clamped here, in the forward, so the bound holds for DeepSpeed's fp32 master copy too.
        return upcast(self.log_inv_temperature).clamp(max=float(torch.tensor(100.0).log())).exp()

    def begin_pass(self, stage: str, epoch: int, step: int) -> None:
        if stage == MAIN_STAGE and step == 0:
            self.memory, self._memory_before_step, self._memory_step = {}, {}, None
            self._pending_discard = None

    def discard_step(self, skipped: torch.Tensor) -> None:
        # The memory holds each class's rows, of data-dependent size: it cannot be chosen on the device.
        # The next step's entropy settles it after its own selection by label has synchronised anyway.
        if self._memory_updated:
            self._pending_discard = (skipped, self._memory_before_step)
            self._memory_updated = False

    def _settle_discard(self) -> None:
        if self._pending_discard is not None:
            skipped, before = self._pending_discard
            self._pending_discard = None
            if bool(skipped):
                self.memory = dict(before)

    def loss(self, output, batch, stage, step):
        reps = output.reps
        terms: dict[str, torch.Tensor] = {}
        lld = torch.zeros((), device=output.pred_B.device)
        for x, y in self.pairs:
            pair_lld = self.mmilb[f"{x}__{y}"].log_likelihood(reps[x], reps[y])
            terms[f"lld_{x}_{y}"] = pair_lld.detach()
            lld = lld + pair_lld
        if stage == MMILB_STAGE:
            terms["lld"] = lld.detach()
            return -lld, terms

        task = self.task_loss(output, batch)
        loss = task
        terms["task"] = task.detach()
        if self.cfg.contrast:
            inv_t = self.inv_temperature()
            nce = torch.zeros((), device=task.device)
            for name, cpc in self.cpc.items():
                modality_nce = cpc(reps[name], output.fusion_BH, inv_t, self.chunk_size)
                terms[f"nce_{name}"] = modality_nce.detach()
                nce = nce + modality_nce
            terms["nce"], terms["lld"] = nce.detach(), lld.detach()
            loss = loss + self.cfg.alpha * nce - self.cfg.beta * lld
        entropy = self._entropy(reps, batch, step)
        # The same term names on every rank and step (the trainer averages them across ranks).
        terms["entropy_skipped"] = torch.tensor(float(entropy is None), device=task.device)
        terms["entropy"] = entropy.detach() if entropy is not None else torch.zeros((), device=task.device)
        if entropy is not None and step > self.cfg.mem_size:  # official: `if i_batch > mem_size: loss -= beta*H`
            loss = loss - self.cfg.beta * entropy
        return loss, terms

    def _entropy(self, reps, batch, step: int) -> torch.Tensor | None:
        """H summed over pairs, on the global batch and the memory; None if any pair is degenerate."""
        label_N = dist.all_gather_tensors(batch.label)
        real_N = dist.all_gather_tensors(batch.sample_mask)
        positive, negative = (label_N > 0) & real_N, (label_N < 0) & real_N
        selected = {}
        for x, y in self.pairs:
            projected_NP = dist.all_gather_with_grad(self.mmilb[f"{x}__{y}"].projected(reps[y]))
            selected[f"{x}__{y}"] = projected_NP[positive], projected_NP[negative]  # synchronises the host
        if step != self._memory_step:
            self._settle_discard()  # the last step's flag is older than this selection: no further wait
            self._memory_before_step, self._memory_step = dict(self.memory), step
        self._memory_updated = True
        total, counted = None, 0
        for x, y in self.pairs:
            key = f"{x}__{y}"
            pos, neg = selected[key]
            past = self._memory_before_step.get(key, [])
            pair_h = gaussian_mixture_entropy(torch.cat([p for p, _ in past] + [pos]),
                                              torch.cat([n for _, n in past] + [neg]))
            self.memory[key] = (past + [(pos.detach(), neg.detach())])[-self.cfg.mem_size:]
            if pair_h is not None:
                total = pair_h if total is None else total + pair_h
                counted += 1
        return total if counted == len(self.pairs) else None

    def negatives_per_row(self, local_rows, stage) -> int:
        return contrast_size(local_rows) - 1 if self.cfg.contrast and stage == MAIN_STAGE else 0

    def extra_state(self) -> dict[str, Any]:
        self._settle_discard()
        return {"memory": {k: [(p.cpu(), n.cpu()) for p, n in v] for k, v in self.memory.items()}}

    def load_extra_state(self, state: dict[str, Any]) -> None:
        device = self.log_inv_temperature.device
        self.memory = {k: [(p.to(device), n.to(device)) for p, n in v] for k, v in state.get("memory", {}).items()}
        self._memory_before_step, self._memory_step, self._pending_discard = {}, None, None
