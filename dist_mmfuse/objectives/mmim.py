"""MMIM (Han et al., EMNLP 2021), as the official code implements it (METHODS.md §1.3-1.4, §8.1).

Per epoch, two passes over the training data:

* stage ``mmilb``: minimise ``-lld`` and step only the MMILB estimators (their own Adam group);
* stage ``main``: minimise ``L1 + alpha*nce - beta*lld - beta*H`` and step everything else.

``lld`` is the Barber-Agakov log-likelihood of each pair's y given x under a diagonal Gaussian
``q(y|x) = N(mu(x), exp(logvar(x)))`` (the official form omits ``-1/2 logvar``: switch
``lld_logvar_term``); ``H`` estimates the entropy of y with two Gaussians fitted to the positive- and
negative-label samples of the batch plus a memory of past batches, on a 4-d tanh projection of y that
the official code never trains on H: its ``entropy_prj`` sits in the MMILB optimizer, stepped only in
stage 0, where H is not computed. Under the official torch 1.7.1 its gradient is a zero tensor there
from epoch 2 on, so Adam's coupled weight decay alone moves it towards 0 (``entropy_prj: decayed``, the
default); ``frozen`` never steps it (torch >= 2). ``nce`` is CPC between the fusion vector Z and each
modality: cosine scores, temperature 1 by default, each unimodal row contrasted against every fusion
prediction in the batch.

The BA part (the MMILB estimators, their stage-0 pass and param groups, the entropy and its memory) is
``BATerm``, which Self-MI's optional BA term reuses.

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
# The entropy projections' group tag: no pass is named so; the MMILB pass also steps it from epoch 2
# under entropy_prj=decayed (BATerm.optimizer_stages), and nothing ever does under frozen.
ENTROPY_PRJ_STAGE = "entropy_prj"


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


def default_pairs(schema, names: list[str]) -> list[tuple[str, str]]:
    """MMIM's pairs: the (first) token modality with each other modality (without one: the first)."""
    anchors = [s.name for s in schema.modalities if s.kind is ModalityKind.TOKENS and s.name in names]
    anchor = anchors[0] if anchors else names[0]
    return [(anchor, other) for other in names if other != anchor]


class BATerm:
    """MMIM's BA bound for an objective: the MMILB estimators of some modality pairs, their stage-0 pass,
    their param groups, the entropy H with its memory of past global batches, and that memory's
    checkpointed state. MMIM uses it, and Self-MI's optional BA term (``objective.self_mi.ba_weight``).

    The estimators are an ``nn.ModuleDict`` the objective owns (as ``objective.mmilb``, so their
    parameters are the objective's); ``cfg`` is an ``MMIMConfig`` (lr_mmilb, weight_decay_mmilb,
    mem_size, logvar_tanh, lld_logvar_term, entropy_prj).
    """

    def __init__(self, pairs: list[tuple[str, str]], rep_dims: dict[str, int], cfg):
        self.pairs = pairs
        self.cfg = cfg
        self.mmilb = nn.ModuleDict({
            f"{x}__{y}": MMILB(rep_dims[x], rep_dims[y], cfg.logvar_tanh, cfg.lld_logvar_term) for x, y in pairs})
        self.memory: dict[str, list[tuple[torch.Tensor, torch.Tensor]]] = {}
        # The memory as it was before the step it was last updated in: a second loss call for the same
        # step (feature-cache accumulation makes two) reads and writes it exactly as the first did.
        self._memory_before_step: dict[str, list[tuple[torch.Tensor, torch.Tensor]]] = {}
        self._memory_step: int | None = None
        # (skipped flag, memory before that step) of the last step, settled when the next one reads it.
        self._pending_discard: tuple[torch.Tensor, dict] | None = None
        self._memory_updated = False  # since the last discard_step

    # -- schedule and parameters ------------------------------------------------------------------

    def param_groups(self) -> list[dict[str, Any]]:
        """The MMILB group (stepped in the MMILB pass) and the entropy projections' group.

        Officially ``entropy_prj`` is in the MMILB optimizer (its names contain 'mi': solver.py l.59-74),
        whose stage-0 loss never reaches it. Its first gradient comes from H in epoch 1's stage-1 pass,
        and torch 1.7.1's ``model.zero_grad()`` then keeps a zero tensor there, so from epoch 2 on every
        stage-0 step applies Adam with weight decay to a zero gradient. DeepSpeed likewise hands unused
        parameters zero gradients, so the group's tag decides: stepped with the MMILB pass from epoch 2
        (``decayed``) or never (``frozen``). Its stage-1 gradients count in the clipping norm either way,
        as in the official ``clip_grad_norm_(model.parameters())``."""
        projections = {id(p) for m in self.mmilb.values() for p in m.entropy_prj.parameters()}
        return [
            {"name": "mmilb", "stage": MMILB_STAGE,
             "params": [p for p in self.mmilb.parameters() if id(p) not in projections],
             "lr": self.cfg.lr_mmilb, "weight_decay": self.cfg.weight_decay_mmilb},
            {"name": "entropy_prj", "stage": ENTROPY_PRJ_STAGE,
             "params": [p for p in self.mmilb.parameters() if id(p) in projections],
             "lr": self.cfg.lr_mmilb, "weight_decay": self.cfg.weight_decay_mmilb},
        ]

    def optimizer_stages(self, stage: str, epoch: int) -> tuple[str, ...]:
        """The MMILB pass also steps the entropy projections from the second epoch (0-based ``epoch`` >= 1)
        under ``entropy_prj: decayed``: officially their gradient is None (skipped by Adam) until epoch 1's
        stage-1 pass first puts H in the loss."""
        if stage == MMILB_STAGE and epoch >= 1 and self.cfg.entropy_prj == "decayed":
            return (stage, ENTROPY_PRJ_STAGE)
        return (stage,)

    # -- terms ------------------------------------------------------------------------------------

    def log_likelihood(self, reps: dict[str, torch.Tensor], terms: dict[str, torch.Tensor],
                       device: torch.device) -> torch.Tensor:
        """lld summed over the pairs; each pair's value goes to ``terms`` as ``lld_<x>_<y>``."""
        lld = torch.zeros((), device=device)
        for x, y in self.pairs:
            pair_lld = self.mmilb[f"{x}__{y}"].log_likelihood(reps[x], reps[y])
            terms[f"lld_{x}_{y}"] = pair_lld.detach()
            lld = lld + pair_lld
        return lld

    def entropy_term(self, reps: dict[str, torch.Tensor], batch, step: int, terms: dict[str, torch.Tensor],
                     device: torch.device) -> torch.Tensor | None:
        """H of a main-pass step (logged as ``entropy`` and ``entropy_skipped``, the same names on every
        rank and step), or None when it does not enter the loss: official ``if i_batch > mem_size``, or a
        singular covariance this batch."""
        entropy = self.entropy(reps, batch, step)
        terms["entropy_skipped"] = torch.tensor(float(entropy is None), device=device)
        terms["entropy"] = entropy.detach() if entropy is not None else torch.zeros((), device=device)
        return entropy if entropy is not None and step > self.cfg.mem_size else None

    def entropy(self, reps, batch, step: int) -> torch.Tensor | None:
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

    # -- state ------------------------------------------------------------------------------------

    def begin_pass(self, stage: str, step: int) -> None:
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

    def extra_state(self) -> dict[str, Any]:
        self._settle_discard()
        return {"memory": {k: [(p.cpu(), n.cpu()) for p, n in v] for k, v in self.memory.items()}}

    def load_extra_state(self, state: dict[str, Any], device: torch.device) -> None:
        self.memory = {k: [(p.to(device), n.to(device)) for p, n in v] for k, v in state.get("memory", {}).items()}
        self._memory_before_step, self._memory_step, self._pending_discard = {}, None, None


class MMIM(Objective):
    name = "mmim"

    def __init__(self, schema, model, config: ObjectiveConfig):
        super().__init__(schema, model, config)
        cfg = config.mmim
        self.cfg = cfg
        names = list(model.rep_dims)
        self.pairs = [tuple(p) for p in cfg.pairs] if cfg.pairs else default_pairs(schema, names)
        self.ba = BATerm(self.pairs, model.rep_dims, cfg)
        self.mmilb = self.ba.mmilb
        self.cpc = nn.ModuleDict({name: CPC(dim, model.fusion.out_dim, cfg.cpc_layers,
                                            cfg.cpc_activations)
                                  for name, dim in model.rep_dims.items()})
        # Shape (1,): a 0-dim parameter breaks deepspeed.initialize's broadcast on gloo (STACK_NOTES.md).
        self.log_inv_temperature = nn.Parameter(torch.full((1,), -float(torch.tensor(cfg.cpc_temperature).log())),
                                                requires_grad=cfg.learn_temperature)
        self.chunk_size = config.contrast_chunk_size
        self.stages = (MMILB_STAGE, MAIN_STAGE) if cfg.contrast else (MAIN_STAGE,)

    @property
    def memory(self) -> dict[str, list[tuple[torch.Tensor, torch.Tensor]]]:
        """The entropy memory (``BATerm.memory``)."""
        return self.ba.memory

    # -- schedule and parameters ------------------------------------------------------------------

    def stage_fraction(self, stage: str) -> float:
        return self.cfg.stage0_fraction if stage == MMILB_STAGE else 1.0

    def main_stage_parameters(self):
        params = list(self.cpc.parameters())
        if self.cfg.learn_temperature:
            params.append(self.log_inv_temperature)
        return params

    def param_groups(self, model, trainer: TrainerConfig) -> list[dict[str, Any]]:
        return super().param_groups(model, trainer) + self.ba.param_groups()

    def optimizer_stages(self, stage: str, epoch: int) -> tuple[str, ...]:
        return self.ba.optimizer_stages(stage, epoch)

    # -- loss -------------------------------------------------------------------------------------

    def inv_temperature(self) -> torch.Tensor:
        # Clamped here, in the forward, so the bound holds for DeepSpeed's fp32 master copy too.
        return upcast(self.log_inv_temperature).clamp(max=float(torch.tensor(100.0).log())).exp()

    def begin_pass(self, stage: str, epoch: int, step: int) -> None:
        self.ba.begin_pass(stage, step)

    def discard_step(self, skipped: torch.Tensor) -> None:
        self.ba.discard_step(skipped)

    def loss(self, output, batch, stage, step):
        reps = output.reps
        terms: dict[str, torch.Tensor] = {}
        lld = self.ba.log_likelihood(reps, terms, output.pred_B.device)
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
        # Official: `if i_batch > mem_size: loss -= beta*H`, with or without --contrast.
        entropy = self.ba.entropy_term(reps, batch, step, terms, task.device)
        if entropy is not None:
            loss = loss - self.cfg.beta * entropy
        return loss, terms

    def negatives_per_row(self, local_rows, stage) -> int:
        return contrast_size(local_rows) - 1 if self.cfg.contrast and stage == MAIN_STAGE else 0

    def extra_state(self) -> dict[str, Any]:
        return self.ba.extra_state()

    def load_extra_state(self, state: dict[str, Any]) -> None:
        self.ba.load_extra_state(state, self.log_inv_temperature.device)
