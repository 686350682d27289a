"""TupleInfoNCE (Liu et al., ICCV 2021; METHODS.md §4, checklist §8.3) for any K >= 2 modalities.

An anchor tuple t_i = (v_i^1, ..., v_i^K) is contrasted with an augmented view of itself (the positive)
against two kinds of negatives drawn from the whole global batch of N tuples:

* the other samples' positives (weight alpha_0), as in plain tuple contrast;
* for each modality k, the k-disturbed tuples: tuple j with modality k swapped in from sample
  perm_k(j) != j (weight alpha_k). A disturbed tuple differs from a real one only in modality k, so the
  embedding has to check that modality against the others: a weak modality cannot be ignored.

The loss of row i is ``-s_ii+ + log(exp(s_ii+) + sum_c alpha_c exp(s_ic))`` with s = cos / tau
(tau = 0.07): a weight alpha on a block of negatives is a log-alpha bias on its logits, which is what
the official code's integer replication (1x, 2x, 4x) of the disturbed pools does, made continuous.

How this differs from the official code (hoi4d/TupleInfoNCE), on purpose:

* **Disturbed tuples are composed from unimodal embeddings.** Each modality is encoded once, and a
  k-disturbed tuple is the fusion head applied to the anchors' embeddings with modality k's taken from
  another row. The official ESANet fuses the three streams after every ResNet stage, so a swap there
  changes every later feature map and it re-encodes all three inputs for every disturbed pool (K + 2
  encoder passes per step). Our encoders never see each other's inputs (fusion is late), so composing
  at the embedding level gives exactly the tuple that re-encoding the swapped input would, at the cost
  of K extra fusion-head passes instead of K extra encoder passes. The disturbed tuple shares the
  anchor's dropout draw on the unswapped modalities (the official key encoder draws its own).
* **Keys** (positives and disturbed tuples) come from a no-grad pass with the current weights: the
  official key encoder with m = 0, minus its shadowing bug (§4.6: a loop variable ``m`` turns the copy
  into ``2 * key - query``). ``key_gradient=true`` lets gradients flow through the keys as well.
* **No disturbed tuple equals its anchor.** Permutations are derangements (the official
  ``randperm`` can map i -> i), and a swap that brings in identical content (a duplicated sample) is
  masked out of the softmax, checked by a content fingerprint of the swapped modality.
* The permutations are drawn from a generator seeded by (run seed, epoch, stage, step, modality), so
  every rank builds the same ones over the global batch: W ranks compute exactly the loss and the
  gradient of one process holding the whole batch (tests/test_tuple_infonce.py).

Augmentations of the positive, all at one strength beta (searchable, like the official noise sigma):
Gaussian feature noise of std beta, time masking of a beta fraction of each sequence's frames, and
token dropout with probability beta (never [CLS] or [SEP]).

Modes: ``pretrain_finetune`` runs ``pretrain_epochs`` of contrast alone (stage ``contrast``), then
fine-tunes on the label (stage ``main``, task loss only); ``joint`` adds ``joint_weight * L_TNCE`` to the
task loss every step. Sample optimisation (REINFORCE over alpha and beta) is ``SampleSearch`` below.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .. import distributed as dist
from ..config import ObjectiveConfig, SampleSearchConfig, TrainerConfig
from ..data.loader import Batch
from ..schema import DatasetSchema, ModalityKind
from .base import MAIN_STAGE, Objective, upcast
from .contrastive import contrast_size, info_nce

CONTRAST_STAGE = "contrast"
POSITIVE = "positive."  # prefix of the augmented view's representations in ModelOutput.extra


# -- building blocks --------------------------------------------------------------------------------


def derangement(size: int, generator: torch.Generator) -> torch.Tensor:
    """A random permutation of range(size) with no fixed point (size >= 2).

    A uniform permutation, then each fixed point i swaps its target with a random other position j:
    afterwards perm[i] = old perm[j] != i and perm[j] = i != j, so no swap creates a fixed point.
    """
    if size < 2:
        raise ValueError(f"a disturbed tuple needs another sample to swap from; the global batch has {size} row")
    perm = torch.randperm(size, generator=generator)
    for i in (perm == torch.arange(size)).nonzero().flatten().tolist():
        if int(perm[i]) != i:
            continue  # already moved by an earlier swap
        j = int(torch.randint(size - 1, (1,), generator=generator))
        j += int(j >= i)
        perm[i], perm[j] = perm[j].clone(), perm[i].clone()
    return perm


def stream_seed(*parts: int) -> int:
    """A 63-bit seed mixing ``parts`` (the same on every rank and process)."""
    return int(np.random.SeedSequence([p & 0xFFFFFFFF for p in parts]).generate_state(2, np.uint64)[0] >> 1)


def augment(batch: Batch, schema: DatasetSchema, beta: float, kinds: list[str]) -> Batch:
    """An augmented copy of ``batch`` at strength ``beta`` (torch's global RNG, like dropout).

    * ``noise``: N(0, beta^2) added to every valid feature value (sequence and vector modalities; the
      features are expected standardised, as the converters write them);
    * ``time_mask``: a random contiguous span of round(beta * length) frames zeroed in each sequence
      (at least one frame is kept);
    * ``time_crop``: each sequence cut to a random contiguous window of round((1 - beta) * length)
      frames (at least one), moved to the start. The crop's last frames are not the anchor's, so an
      encoder that summarises a sequence by its final state cannot match the two by their frame noise;
      content constant over the utterance survives;
    * ``token_dropout``: each token other than the first and the last valid one ([CLS], [SEP]) is
      removed from attention with probability beta.
    """
    if beta <= 0 or not kinds:
        return batch
    values, masks, lengths = dict(batch.values), dict(batch.masks), dict(batch.lengths)
    for spec in schema.modalities:
        name = spec.name
        if name not in values:
            continue
        if spec.kind is ModalityKind.TOKENS:
            if "token_dropout" in kinds:
                mask_BL = masks[name]
                positions_L = torch.arange(mask_BL.shape[1], device=mask_BL.device)
                inner_BL = (positions_L > 0) & (positions_L[None] < batch.lengths[name].to(mask_BL.device)[:, None] - 1)
                dropped_BL = inner_BL & (torch.rand(mask_BL.shape, device=mask_BL.device) < beta)
                masks[name] = mask_BL & ~dropped_BL
            continue
        feats = values[name].float()
        if spec.kind is ModalityKind.SEQUENCE:
            if "time_crop" in kinds:
                feats, masks[name], lengths[name] = _time_crop(feats, lengths[name].to(feats.device), beta)
            valid_BT1 = masks[name][..., None].to(feats.dtype)
            if "noise" in kinds:
                feats = feats + beta * torch.randn_like(feats) * valid_BT1
            if "time_mask" in kinds:
                lengths_B = lengths[name].to(feats.device)
                span_B = torch.minimum((beta * lengths_B).round().long(), (lengths_B - 1).clamp(min=0))
                start_B = (torch.rand(lengths_B.shape, device=feats.device) * (lengths_B - span_B + 1)).long()
                steps_T = torch.arange(feats.shape[1], device=feats.device)
                masked_BT = (steps_T >= start_B[:, None]) & (steps_T < (start_B + span_B)[:, None])
                feats = feats.masked_fill(masked_BT[..., None], 0.0)
        elif "noise" in kinds:
            feats = feats + beta * torch.randn_like(feats)
        values[name] = feats
    return dataclasses.replace(batch, values=values, masks=masks, lengths=lengths)


def _time_crop(feats_BTD: torch.Tensor, lengths_B: torch.Tensor, beta: float
               ) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """(cropped frames, their mask, their lengths): a random window of each sequence, at the start."""
    steps_T = torch.arange(feats_BTD.shape[1], device=feats_BTD.device)
    kept_B = torch.minimum(((1.0 - beta) * lengths_B).round().long().clamp(min=1), lengths_B.clamp(min=1))
    start_B = (torch.rand(lengths_B.shape, device=feats_BTD.device) * (lengths_B - kept_B + 1)).long()
    source_BT = (start_B[:, None] + steps_T).clamp(max=feats_BTD.shape[1] - 1)
    cropped_BTD = feats_BTD.gather(1, source_BT[..., None].expand(-1, -1, feats_BTD.shape[2]))
    keep_BT = steps_T < kept_B[:, None]
    return cropped_BTD * keep_BT[..., None].to(cropped_BTD.dtype), keep_BT, kept_B


class ContentFingerprint:
    """A float64 fingerprint of each sample's content in one modality: a fixed random weighting of its
    valid values by position, so equal content gives equal fingerprints whatever the batch padding."""

    def __init__(self, schema: DatasetSchema):
        self.specs = {s.name: s for s in schema.modalities}
        self._weights: dict[str, torch.Tensor] = {}

    def _weights_for(self, name: str, device: torch.device) -> torch.Tensor:
        if name not in self._weights:
            spec = self.specs[name]
            shape = {ModalityKind.TOKENS: (spec.max_len,), ModalityKind.SEQUENCE: (spec.max_len, spec.dim),
                     ModalityKind.VECTOR: (spec.dim,)}[spec.kind]
            generator = torch.Generator().manual_seed(stream_seed(len(name), *name.encode()))
            self._weights[name] = (1 + torch.rand(shape, generator=generator, dtype=torch.float64))
        return self._weights[name].to(device)

    def __call__(self, batch: Batch, name: str) -> torch.Tensor:
        values = batch.values[name]
        kind = self.specs[name].kind
        if kind is ModalityKind.VECTOR:
            return values.double().reshape(values.shape[0], -1) @ self._weights_for(name, values.device)
        weights = self._weights_for(name, values.device)[: values.shape[1]]
        valid = batch.masks[name].to(torch.float64)
        if kind is ModalityKind.TOKENS:
            return ((values.double() + 1) * valid * weights).sum(-1)
        return ((values.double() * weights).sum(-1) * valid).sum(-1) + batch.lengths[name].to(values.device) * math.pi


def pooled_retrieval_accuracy(queries_NE: torch.Tensor, keys_NE: torch.Tensor, pool: int) -> float:
    """Share of rows whose most similar key, among the keys of its pool, is its own. Rows are pooled in
    order, ``pool`` at a time, the remainder joining the last pool (so no pool is smaller than ``pool``)."""
    rows = queries_NE.shape[0]
    if rows < 2:
        raise ValueError(f"retrieval needs at least 2 samples, got {rows}")
    bounds = list(range(0, rows, pool))
    if len(bounds) > 1 and rows - bounds[-1] < pool:
        bounds.pop()
    correct = 0
    for start, stop in zip(bounds, bounds[1:] + [rows]):
        scores_PP = queries_NE[start:stop].float() @ keys_NE[start:stop].float().T
        correct += int((scores_PP.argmax(-1) == torch.arange(stop - start, device=scores_PP.device)).sum())
    return correct / rows


# -- the objective ----------------------------------------------------------------------------------


class TupleInfoNCE(Objective):
    name = "tuple_infonce"
    stages = (CONTRAST_STAGE, MAIN_STAGE)

    def __init__(self, schema, model, config: ObjectiveConfig):
        super().__init__(schema, model, config)
        cfg = config.tuple_infonce
        self.cfg = cfg
        self.modalities = list(model.rep_dims)
        # The model is the trainer's (it sits beside this objective in one module); a tuple keeps it from
        # being registered twice. Disturbed tuples go through its fusion head.
        self._model = (model,)
        fusion_dim = model.fusion.linear_2.out_features
        self.projection = (nn.Sequential(nn.Linear(fusion_dim, fusion_dim), nn.ReLU(),
                                         nn.Linear(fusion_dim, cfg.projection_dim)) if cfg.projection_dim else None)
        self.alpha = {m: float(cfg.alpha.get(m, cfg.alpha_default)) for m in self.modalities}
        self.beta = float(cfg.beta)
        self.inv_temperature = 1.0 / cfg.temperature
        self.chunk_size = config.contrast_chunk_size
        self.fingerprint = ContentFingerprint(schema)
        self.epoch = 0
        if cfg.mode == "joint":
            self.stages = (MAIN_STAGE,)
        self.search = SampleSearch(cfg.search, self) if cfg.search.enabled else None

    # -- schedule and parameters ------------------------------------------------------------------

    def epoch_stages(self, epoch: int) -> tuple[str, ...]:
        if self.cfg.mode == "joint":
            return (MAIN_STAGE,)
        return (CONTRAST_STAGE,) if epoch < self.cfg.pretrain_epochs else (MAIN_STAGE,)

    def contrasts(self, stage: str) -> bool:
        return stage == CONTRAST_STAGE or (stage == MAIN_STAGE and self.cfg.mode == "joint")

    def resets_optimizer(self, epoch: int) -> bool:
        return (self.cfg.mode == "pretrain_finetune" and self.cfg.reset_optimizer and self.cfg.pretrain_epochs > 0
                and epoch == self.cfg.pretrain_epochs)

    def param_groups(self, model, trainer: TrainerConfig) -> list[dict[str, Any]]:
        """Encoders and the fusion layers train in both stages; the prediction layer only in fine-tuning;
        the projection only in contrast. ``finetune=head`` keeps the encoders to pre-training, and
        ``finetune=probe`` the fusion layers too: fine-tuning is then a linear probe of the tuple
        representation that pre-training learned."""
        both = [CONTRAST_STAGE, MAIN_STAGE] if self.cfg.mode == "pretrain_finetune" else [MAIN_STAGE]
        contrast_only = [CONTRAST_STAGE] if self.cfg.mode == "pretrain_finetune" else [MAIN_STAGE]
        encoder_stages = both if self.cfg.finetune == "full" else contrast_only
        fusion_stages = contrast_only if self.cfg.finetune == "probe" else both
        text_names = model.text_parameter_names()
        prediction = {id(p) for p in model.fusion.linear_3.parameters()}
        text, encoders, fusion, pred = [], [], [], []
        for name, param in model.named_parameters():
            if name in text_names:
                text.append(param)
            elif name.startswith("encoders."):
                encoders.append(param)
            else:
                (pred if id(param) in prediction else fusion).append(param)
        main = {"lr": trainer.lr_main, "weight_decay": trainer.weight_decay_main}
        groups = [
            {"name": "text", "stage": encoder_stages, "params": text, "lr": trainer.lr_text,
             "weight_decay": trainer.weight_decay_text},
            {"name": "encoders", "stage": encoder_stages, "params": encoders, **main},
            {"name": "main", "stage": fusion_stages, "params": fusion, **main},
            {"name": "prediction", "stage": [MAIN_STAGE], "params": pred,
             "lr": self.cfg.prediction_lr or trainer.lr_main, "weight_decay": trainer.weight_decay_main},
            {"name": "projection", "stage": contrast_only, "params": list(self.parameters()), **main},
        ]
        return [g for g in groups if g["params"]]

    # -- state ------------------------------------------------------------------------------------

    def begin_pass(self, stage: str, epoch: int, step: int) -> None:
        self.epoch = epoch

    def extra_state(self) -> dict[str, Any]:
        return {"alpha": dict(self.alpha), "beta": self.beta,
                "search": self.search.state_dict() if self.search else None}

    def load_extra_state(self, state: dict[str, Any]) -> None:
        self.alpha, self.beta = dict(state["alpha"]), float(state["beta"])
        if self.search and state.get("search"):
            self.search.load_state_dict(state["search"])

    # -- views ------------------------------------------------------------------------------------

    def extra_outputs(self, model, batch: Batch, stage: str) -> dict[str, torch.Tensor]:
        """The positive: the augmented batch's representations (no graph unless ``key_gradient``)."""
        if not self.contrasts(stage):
            return {}
        augmented = augment(batch, self.schema, self.beta, self.cfg.augmentations)
        with self._key_context():
            reps = model.encode(augmented)
        return {POSITIVE + m: reps[m] for m in self.modalities}

    def _key_context(self):
        return contextlib.nullcontext() if self.cfg.key_gradient else torch.no_grad()

    def embed(self, reps: dict[str, torch.Tensor]) -> torch.Tensor:
        """The L2-normalised tuple embedding g(t) of per-modality representations (fp32)."""
        fusion_BH, _ = self._model[0].fuse(reps)
        if self.projection is not None:
            fusion_BH = self.projection(fusion_BH)
        return F.normalize(upcast(fusion_BH), dim=-1)

    def partial_embeddings(self, reps: dict[str, torch.Tensor], queries: dict[str, torch.Tensor] | None = None
                           ) -> dict[str, tuple[torch.Tensor, torch.Tensor]]:
        """Per modality k: (g of modality k alone, g of the tuple without k), absent modalities' embeddings
        set to zero; modality k's comes from ``queries`` when given (an augmented view)."""
        queries = reps if queries is None else queries
        out = {}
        for m in self.modalities:
            alone = {n: queries[n] if n == m else torch.zeros_like(r) for n, r in reps.items()}
            without = {n: torch.zeros_like(r) if n == m else r for n, r in reps.items()}
            out[m] = (self.embed(alone), self.embed(without))
        return out

    # -- loss -------------------------------------------------------------------------------------

    def disturbed_modalities(self) -> list[str]:
        return [m for m in self.modalities if self.alpha[m] > 0]

    def swap_permutation(self, size: int, stage: str, step: int, modality: str, device) -> torch.Tensor:
        """perm_k over the global batch for this (epoch, stage, step): the same on every rank."""
        generator = torch.Generator().manual_seed(stream_seed(
            self.seed, self.epoch, self.stages.index(stage), step, self.modalities.index(modality)))
        return derangement(size, generator).to(device)

    def tuple_loss(self, output, batch: Batch, stage: str, step: int) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        """L_TNCE of this rank's anchors against the global batch's positives and disturbed tuples."""
        anchor_BE = self.embed(output.reps)
        rows = anchor_BE.shape[0]
        device = anchor_BE.device
        offset = dist.rank() * rows
        own_B = torch.arange(offset, offset + rows, device=device)
        disturbed = self.disturbed_modalities()
        size = rows * dist.world_size()  # N, the global batch
        perms_N = {m: self.swap_permutation(size, stage, step, m, device) for m in disturbed}
        with self._key_context():
            key_reps = output.reps if self.cfg.key_gradient else {m: r.detach() for m, r in output.reps.items()}
            blocks_BE = [self.embed({m: output.extra[POSITIVE + m] for m in self.modalities})]
            for m in disturbed:
                swapped_BD = dist.all_gather_with_grad(key_reps[m])[perms_N[m][own_B]]
                blocks_BE.append(self.embed({**key_reps, m: swapped_BD}))
        keys_CE = torch.cat([dist.all_gather_with_grad(block) for block in blocks_BE])

        bias_C = torch.cat([torch.full((size,), math.log(self.cfg.alpha_other), device=device)]
                           + [torch.full((size,), math.log(self.alpha[m]), device=device) for m in disturbed])
        bias_BC = bias_C.expand(rows, -1).clone()
        row_B = torch.arange(rows, device=device)
        bias_BC[row_B, own_B] = 0.0  # the own positive is unweighted
        terms: dict[str, torch.Tensor] = {}
        for block, m in enumerate(disturbed, start=1):
            # A swap that brings in content equal to the anchor's (a duplicated sample) is no negative.
            fingerprint_B = self.fingerprint(batch, m)
            swapped_fingerprint_B = dist.all_gather_tensors(fingerprint_B)[perms_N[m][own_B]]
            same_B = torch.isclose(swapped_fingerprint_B, fingerprint_B, rtol=1e-9, atol=1e-9)
            column_B = block * size + own_B
            bias_BC[row_B, column_B] = torch.where(same_B, float("-inf"), bias_BC[row_B, column_B])
            # How much closer each anchor is to its positive than to its own k-disturbed tuple.
            margin_B = ((anchor_BE * blocks_BE[0]).sum(-1) - (anchor_BE * blocks_BE[block]).sum(-1)).detach()
            terms[f"margin_{m}"] = margin_B.mean()
        loss = info_nce(anchor_BE, keys_CE, own_B, self.inv_temperature, self.chunk_size, logit_bias_BN=bias_BC)
        terms["tuple_nce"] = loss.detach()
        return loss, terms

    def loss(self, output, batch, stage, step):
        if not self.contrasts(stage):
            task = self.task_loss(output, batch)
            return task, {"task": task.detach()}
        contrast, terms = self.tuple_loss(output, batch, stage, step)
        if stage == CONTRAST_STAGE:
            return contrast, terms
        task = self.task_loss(output, batch)
        terms["task"] = task.detach()
        return task + self.cfg.joint_weight * contrast, terms

    def negatives_per_row(self, local_rows, stage) -> int:
        if not self.contrasts(stage):
            return 0
        return contrast_size(local_rows) * (1 + len(self.disturbed_modalities())) - 1

    # -- evaluation -------------------------------------------------------------------------------

    @torch.no_grad()
    def retrieval(self, loader, device, betas: list[float], pool: int, samples: int = 0
                  ) -> dict[float, dict[str, float]]:
        """Cross-modal retrieval accuracy A^k (METHODS.md §4.2) on every sample of ``loader``'s split: for
        each modality k, the embedding of k alone (augmented at strength beta) retrieves the embedding of
        the other modalities (clean) within pools of ``pool`` samples. Gathered from every rank, in
        index order, so each rank gets the same numbers. Augmentation draws are seeded (the same for
        every candidate of a search)."""
        model = self._model[0]
        parts: dict[tuple[float, str], list[tuple[torch.Tensor, torch.Tensor]]] = {}
        indices, masks = [], []
        devices = [device] if device.type == "cuda" else []
        with torch.random.fork_rng(devices=devices):
            torch.manual_seed(stream_seed(self.seed, dist.rank(), 7))
            for batch in loader.epoch(0):
                batch = batch.to(device)
                clean = model.encode(batch)
                indices.append(batch.index)
                masks.append(batch.sample_mask)
                for beta in betas:
                    queries = clean if beta == 0 else model.encode(augment(batch, self.schema, beta,
                                                                           self.cfg.augmentations))
                    for m, pair in self.partial_embeddings(clean, queries).items():
                        parts.setdefault((beta, m), []).append(pair)
        index_N = dist.all_gather_tensors(torch.cat(indices))
        real_N = dist.all_gather_tensors(torch.cat(masks))
        order = torch.argsort(torch.where(real_N, index_N, index_N.max() + 1), stable=True)[: int(real_N.sum())]
        if samples:
            order = order[:samples]
        result: dict[float, dict[str, float]] = {}
        for (beta, m), pairs in parts.items():
            queries_NE = dist.all_gather_tensors(torch.cat([q for q, _ in pairs]))[order]
            keys_NE = dist.all_gather_tensors(torch.cat([k for _, k in pairs]))[order]
            result.setdefault(beta, {})[m] = pooled_retrieval_accuracy(queries_NE, keys_NE, pool)
        return result

    def pretrain_metrics(self, loader, device) -> dict[str, float]:
        """Validation cross-modal retrieval accuracy per modality (what pre-training epochs report)."""
        search = self.cfg.search
        accuracies = self.retrieval(loader, device, [0.0], search.reward_pool, search.reward_samples)[0.0]
        return {**{f"retrieval_{m}": a for m, a in accuracies.items()},
                "retrieval": float(np.mean(list(accuracies.values())))}


# -- sample optimisation ----------------------------------------------------------------------------


class SampleSearch:
    """REINFORCE over TupleInfoNCE's alpha (disturbed-negative weights) and beta (augmentation strength),
    as the official search_para.py does it (METHODS.md §4.4), with the key encoder's bug fixed.

    Each pre-training epoch learns one of them (``learn=alternate``: beta on odd epochs, alpha on even):
    1. keep the weights and optimizer state (a DeepSpeed checkpoint: works under every ZeRO stage);
    2. draw ``candidates`` values x_c ~ N(mu, sigma^2 I) (one generator, so every rank draws the same);
    3. for each: restore, train ``inner_epochs`` passes with clamp(x_c), and score the reward on the
       validation split (gathered, so identical on every rank);
    4. step mu with Adam on ``-sum_c log N(x_c; mu, sigma) * (R_c - mean R) / (std R + 1e-8)``;
    5. continue from the weights of the best candidate, with its value.

    Rewards: alpha's is sum_k A^k, the cross-modal retrieval accuracy of each modality (§4.2). beta's is
    the official ``(1 - ((beta - peak) / beta_max)^2) + (1 - mean_j A_j)``, where A_j is the mean A^k
    with the query modality augmented at the grid strength j and ``peak`` the strength with the highest
    accuracy. The official score uses validation batches of 2 candidates; ``reward_pool`` sets it here.
    """

    def __init__(self, cfg: SampleSearchConfig, objective: TupleInfoNCE):
        self.cfg = cfg
        self.objective = objective
        self.mean = {"alpha": torch.tensor([objective.alpha[m] for m in objective.modalities], dtype=torch.float64),
                     "beta": torch.tensor([objective.beta], dtype=torch.float64)}
        for value in self.mean.values():
            value.requires_grad_()
        self.optimizers = {"alpha": torch.optim.Adam([self.mean["alpha"]], lr=cfg.alpha_lr),
                           "beta": torch.optim.Adam([self.mean["beta"]], lr=cfg.beta_lr)}
        self.history: list[dict[str, Any]] = []

    def drives(self, stage: str) -> bool:
        return stage == CONTRAST_STAGE

    def passes(self) -> int:
        """Passes over the data that one driven stage takes (every candidate's inner epochs)."""
        return self.cfg.candidates * self.cfg.inner_epochs

    def learns(self, epoch: int) -> str:
        if self.cfg.learn != "alternate":
            return self.cfg.learn
        return "beta" if epoch % 2 == 1 else "alpha"

    def sigma(self, which: str) -> float:
        return self.cfg.alpha_sigma if which == "alpha" else self.cfg.beta_sigma

    def clamp(self, which: str, value: torch.Tensor) -> torch.Tensor:
        return value.clamp(0.0, self.cfg.alpha_max if which == "alpha" else self.cfg.beta_max)

    def candidates(self, which: str, epoch: int) -> torch.Tensor:
        generator = torch.Generator().manual_seed(stream_seed(self.objective.seed, epoch, 31))
        mean = self.mean[which].detach()
        noise = torch.randn((self.cfg.candidates, mean.numel()), generator=generator, dtype=torch.float64)
        return mean + self.sigma(which) * noise

    def apply(self, which: str, value: torch.Tensor) -> None:
        """Make the objective train with ``value`` (already clamped)."""
        if which == "alpha":
            self.objective.alpha = {m: float(v) for m, v in zip(self.objective.modalities, value)}
        else:
            self.objective.beta = float(value[0])

    def reward(self, which: str, loader, device) -> float:
        cfg, objective = self.cfg, self.objective
        if which == "alpha":
            accuracies = objective.retrieval(loader, device, [0.0], cfg.reward_pool, cfg.reward_samples)[0.0]
            return float(sum(accuracies.values()))
        per_level = objective.retrieval(loader, device, list(cfg.beta_grid), cfg.reward_pool, cfg.reward_samples)
        level_accuracy = [float(np.mean(list(per_level[b].values()))) for b in cfg.beta_grid]
        peak = cfg.beta_grid[int(np.argmax(level_accuracy))]
        return (1 - ((objective.beta - peak) / cfg.beta_max) ** 2) + (1 - float(np.mean(level_accuracy)))

    def update(self, which: str, candidates_CP: torch.Tensor, rewards_C: torch.Tensor) -> None:
        """One REINFORCE step of mu with the normalised advantage."""
        advantage_C = (rewards_C - rewards_C.mean()) / (rewards_C.std() + 1e-8)
        distribution = torch.distributions.Normal(self.mean[which], self.sigma(which))
        loss = -(distribution.log_prob(candidates_CP).sum(-1) * advantage_C).sum()
        self.optimizers[which].zero_grad()
        loss.backward()
        self.optimizers[which].step()

    def run(self, trainer, stage: str) -> None:
        """One outer epoch of the search in place of the trainer's plain pass of ``stage``."""
        epoch = trainer.state.epoch
        which = self.learns(epoch)
        candidates_CP = self.candidates(which, epoch)
        base, best = trainer.snapshot("search_base"), None
        rewards = []
        for index, raw in enumerate(candidates_CP):
            trainer.restore(base)
            value = self.clamp(which, raw)
            self.apply(which, value)
            for inner in range(self.cfg.inner_epochs):
                trainer.state.step = 0
                trainer.train_pass(stage, data_pass=(epoch * self.cfg.inner_epochs + inner) * 2 + 1)
            trainer.engine.eval()
            rewards.append(self.reward(which, trainer.loaders["valid"], trainer.device))
            trainer.logger.log("search", trainer.state.global_step, {
                "epoch": epoch + 1, "learns": which, "candidate": index, "reward": rewards[-1],
                **{f"{which}_{k}": float(v) for k, v in zip(self.names(which), value)}})
            if best is None or rewards[-1] > rewards[best]:
                best = index
                trainer.snapshot("search_best")
        self.update(which, candidates_CP, torch.tensor(rewards, dtype=torch.float64))
        trainer.restore("search_best")
        self.apply(which, self.clamp(which, candidates_CP[best]))
        record = {"epoch": epoch, "learns": which, "best": best, "rewards": rewards,
                  "mean": [float(v) for v in self.mean[which].detach()]}
        self.history.append(record)
        trainer.logger.log("search", trainer.state.global_step, {
            "epoch": epoch + 1, "learns": which, "best_candidate": best, "best_reward": rewards[best],
            **{f"mean_{which}_{k}": float(v) for k, v in zip(self.names(which), self.mean[which].detach())}})
        trainer.drop_snapshots()

    def names(self, which: str) -> list[str]:
        return list(self.objective.modalities) if which == "alpha" else ["beta"]

    def state_dict(self) -> dict[str, Any]:
        return {"mean": {k: v.detach().clone() for k, v in self.mean.items()},
                "optimizers": {k: o.state_dict() for k, o in self.optimizers.items()}, "history": list(self.history)}

    def load_state_dict(self, state: dict[str, Any]) -> None:
        with torch.no_grad():
            for key, value in state["mean"].items():
                self.mean[key].copy_(value)
        for key, optimizer in self.optimizers.items():
            optimizer.load_state_dict(state["optimizers"][key])
        self.history = list(state["history"])
