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
from collections.abc import Collection
from typing import Any

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

from .. import distributed as dist
from ..config import ObjectiveConfig, SampleSearchConfig, TrainerConfig
from ..data.batch import Batch
from ..schema import DatasetSchema, ModalityKind
from .base import MAIN_STAGE, Objective, upcast
from .contrastive import contrast_size, info_nce

CONTRAST_STAGE = "contrast"
POSITIVE = "positive."  # prefix of the augmented view's representations in ModelOutput.extra
ANCHOR = "anchor."  # prefix of a modality-dropout branch's anchor representations (with gradient)
# The official search's modality-dropout branches (search_para.py, ``dropout = random.randint(1, 3)``):
FULL_TUPLE, PRIMARY_VS_OTHERS, PRIMARY_VS_CLEAN = 1, 2, 3


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


def augment(batch: Batch, schema: DatasetSchema, beta: float, kinds: list[str],
            modalities: Collection[str] | None = None, noise_maps: dict[str, torch.Tensor] | None = None) -> Batch:
    """An augmented copy of ``batch`` at strength ``beta`` (torch's global RNG, like dropout).

    * ``noise``: N(0, beta^2) added to every valid feature value (sequence and vector modalities; the
      features are expected standardised, as the converters write them). With ``noise_maps`` (a
      standard-normal map per modality, shaped like one sample), every sample gets the same map times
      beta, as the official code adds one noise image to the whole batch;
    * ``time_mask``: a random contiguous span of round(beta * length) frames zeroed in each sequence
      (at least one frame is kept);
    * ``time_crop``: each sequence cut to a random contiguous window of round((1 - beta) * length)
      frames (at least one), moved to the start. The crop's last frames are not the anchor's, so an
      encoder that summarises a sequence by its final state cannot match the two by their frame noise;
      content constant over the utterance survives;
    * ``token_dropout``: each token other than the first and the last valid one ([CLS], [SEP]) is
      removed from attention with probability beta.

    Only ``modalities`` (default: all) are touched. A beta outside [0, 1] (an unclamped search draw) is
    a noise std of |beta|, as a negative pixel-noise sigma is officially, and a fraction or a
    probability cut to [0, 1].
    """
    if beta == 0 or not kinds:
        return batch
    fraction = min(max(beta, 0.0), 1.0)
    values, masks, lengths = dict(batch.values), dict(batch.masks), dict(batch.lengths)
    for spec in schema.modalities:
        name = spec.name
        if name not in values or (modalities is not None and name not in modalities):
            continue
        if spec.kind is ModalityKind.TOKENS:
            if "token_dropout" in kinds and fraction > 0:
                mask_BL = masks[name]
                positions_L = torch.arange(mask_BL.shape[1], device=mask_BL.device)
                inner_BL = (positions_L > 0) & (positions_L[None] < batch.lengths[name].to(mask_BL.device)[:, None] - 1)
                dropped_BL = inner_BL & (torch.rand(mask_BL.shape, device=mask_BL.device) < fraction)
                masks[name] = mask_BL & ~dropped_BL
            continue
        feats = values[name].float()
        shared = noise_maps.get(name) if noise_maps is not None else None
        if spec.kind is ModalityKind.SEQUENCE:
            if "time_crop" in kinds:
                feats, masks[name], lengths[name] = _time_crop(feats, lengths[name].to(feats.device), fraction)
            valid_BT1 = masks[name][..., None].to(feats.dtype)
            if "noise" in kinds:
                noise = (shared[: feats.shape[1]].to(feats)[None] if shared is not None
                         else torch.randn_like(feats))
                feats = feats + abs(beta) * noise * valid_BT1
            if "time_mask" in kinds:
                lengths_B = lengths[name].to(feats.device)
                span_B = torch.minimum((fraction * lengths_B).round().long(), (lengths_B - 1).clamp(min=0))
                start_B = (torch.rand(lengths_B.shape, device=feats.device) * (lengths_B - span_B + 1)).long()
                steps_T = torch.arange(feats.shape[1], device=feats.device)
                masked_BT = (steps_T >= start_B[:, None]) & (steps_T < (start_B + span_B)[:, None])
                feats = feats.masked_fill(masked_BT[..., None], 0.0)
        elif "noise" in kinds:
            noise = shared.to(feats)[None] if shared is not None else torch.randn_like(feats)
            feats = feats + abs(beta) * noise
        values[name] = feats
    return dataclasses.replace(batch, values=values, masks=masks, lengths=lengths)


def noise_maps(schema: DatasetSchema, seed: int) -> dict[str, torch.Tensor]:
    """One standard-normal map per feature modality, shaped like one padded sample, from ``seed``."""
    generator = torch.Generator().manual_seed(seed)
    maps = {}
    for spec in schema.modalities:
        if spec.kind is ModalityKind.SEQUENCE:
            maps[spec.name] = torch.randn((spec.max_len, spec.dim), generator=generator)
        elif spec.kind is ModalityKind.VECTOR:
            maps[spec.name] = torch.randn((spec.dim,), generator=generator)
    return maps


def zeroed(batch: Batch, names: Collection[str]) -> Batch:
    """``batch`` with the inputs of ``names`` set to zero (token ids to 0, [PAD]; masks and lengths kept),
    as the official code zeroes an image to leave its modality out."""
    values = {n: torch.zeros_like(v) if n in names else v for n, v in batch.values.items()}
    return dataclasses.replace(batch, values=values)


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


def retrieval_pools(rows: int, pool: int, merged: bool) -> list[tuple[int, int]]:
    """(start, stop) of each pool of rows taken in order, ``pool`` at a time. ``merged``: the remainder
    joins the last pool (no pool is smaller than ``pool``); otherwise it is a smaller last pool, as the
    official validation loader's last batch is."""
    if rows < 2:
        raise ValueError(f"retrieval needs at least 2 samples, got {rows}")
    starts = list(range(0, rows, pool))
    if merged and len(starts) > 1 and rows - starts[-1] < pool:
        starts.pop()
    return list(zip(starts, starts[1:] + [rows]))


def pool_accuracies(queries_NE: torch.Tensor, keys_NE: torch.Tensor, pools: list[tuple[int, int]]) -> torch.Tensor:
    """Per pool, the share of its rows whose most similar key among the pool's keys is their own."""
    accuracies = []
    for start, stop in pools:
        scores_PP = queries_NE[start:stop].float() @ keys_NE[start:stop].float().T
        hits_P = scores_PP.argmax(-1) == torch.arange(stop - start, device=scores_PP.device)
        accuracies.append(hits_P.double().mean())
    return torch.stack(accuracies).cpu()


def combined_accuracy(accuracies_P: torch.Tensor, pools: list[tuple[int, int]], merged: bool) -> float:
    """Pool accuracies combined: the share of rows (``merged``) or the mean over pools (the official
    validation's mean over its batches)."""
    if not merged:
        return float(accuracies_P.mean())
    sizes_P = torch.tensor([stop - start for start, stop in pools], dtype=torch.float64)
    return float((accuracies_P * sizes_P).sum() / sizes_P.sum())


def pooled_retrieval_accuracy(queries_NE: torch.Tensor, keys_NE: torch.Tensor, pool: int, merged: bool = True
                              ) -> float:
    """Retrieval accuracy within pools of ``pool`` rows (see ``retrieval_pools``, ``combined_accuracy``)."""
    pools = retrieval_pools(queries_NE.shape[0], pool, merged)
    return combined_accuracy(pool_accuracies(queries_NE, keys_NE, pools), pools, merged)


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
        fusion_dim = model.fusion.out_dim
        self.projection = (nn.Sequential(nn.Linear(fusion_dim, fusion_dim), nn.ReLU(),
                                         nn.Linear(fusion_dim, cfg.projection_dim)) if cfg.projection_dim else None)
        self.alpha = {m: float(cfg.alpha.get(m, cfg.alpha_default)) for m in self.modalities}
        self.beta = float(cfg.beta)
        self.inv_temperature = 1.0 / cfg.temperature
        self.chunk_size = config.contrast_chunk_size
        self.fingerprint = ContentFingerprint(schema)
        self.epoch = 0
        # The modality in RGB's part in the official search (augmented in beta's reward, kept alone in the
        # modality-dropout branches), and the one those branches swap in their negatives (depth's part).
        self.primary = self.modalities[0] if cfg.search.primary == "first" else cfg.search.primary
        self.secondary = next(m for m in self.modalities if m != self.primary)
        self.pass_tag = 0  # 0: a plain pass; 1 + c * inner_epochs + i: candidate c's inner pass i in a search
        self._noise_maps: dict[str, torch.Tensor] | None = None
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
        prediction = {id(p) for p in model.fusion.prediction_parameters()}
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
        # Officially one noise image per training epoch call, added to every sample of every batch.
        self._noise_maps = (noise_maps(self.schema, stream_seed(self.seed, epoch, self.stages.index(stage),
                                                                self.pass_tag, 41))
                            if self.cfg.noise == "shared" else None)

    def extra_state(self) -> dict[str, Any]:
        return {"alpha": dict(self.alpha), "beta": self.beta,
                "search": self.search.state_dict() if self.search else None}

    def load_extra_state(self, state: dict[str, Any]) -> None:
        self.alpha, self.beta = dict(state["alpha"]), float(state["beta"])
        if self.search and state.get("search"):
            self.search.load_state_dict(state["search"])

    # -- views ------------------------------------------------------------------------------------

    def extra_outputs(self, model, batch: Batch, stage: str, step: int) -> dict[str, torch.Tensor]:
        """The positive: the augmented batch's representations (no graph unless ``key_gradient``). In a
        modality-dropout branch also the anchor: the primary modality alone, augmented (with graph)."""
        if not self.contrasts(stage):
            return {}
        branch = self.dropout_branch(stage, step)
        if branch == FULL_TUPLE:
            with self._key_context():
                reps = model.encode(self.augmented(batch))
            return {POSITIVE + m: reps[m] for m in self.modalities}
        anchor = self.partial_reps(model, self.augmented(batch, modalities=[self.primary]), keep=[self.primary])
        others = [m for m in self.modalities if m != self.primary]
        with self._key_context():
            positive = self.partial_reps(model, batch, keep=others if branch == PRIMARY_VS_OTHERS else [self.primary])
        return {**{ANCHOR + m: anchor[m] for m in self.modalities},
                **{POSITIVE + m: positive[m] for m in self.modalities}}

    def augmented(self, batch: Batch, beta: float | None = None, modalities: Collection[str] | None = None,
                  maps: dict[str, torch.Tensor] | None = None) -> Batch:
        """``batch`` augmented at ``beta`` (default: the current beta) in ``modalities`` (default:
        ``augment_modalities``), with this pass's shared noise maps unless ``maps`` are given."""
        return augment(batch, self.schema, self.beta if beta is None else beta, self.cfg.augmentations,
                       self.cfg.augment_modalities if modalities is None else modalities,
                       self._noise_maps if maps is None else maps)

    def partial_reps(self, model, batch: Batch, keep: Collection[str]) -> dict[str, torch.Tensor]:
        """Every modality's representation with those not in ``keep`` left out: their inputs zeroed and
        encoded (official), or their representations zeroed (``search.absent``)."""
        absent = [m for m in self.modalities if m not in keep]
        if self.cfg.search.absent == "zero_input":
            return model.encode(zeroed(batch, absent))
        reps = model.encode(batch, skip=absent)
        like = next(model.fusion.parameters())  # the representations' dtype and device
        return {m: reps[m] if m in reps else like.new_zeros((batch.size, model.rep_dims[m]))
                for m in self.modalities}

    def dropout_branch(self, stage: str, step: int) -> int:
        """Which loss a loss call takes: the full tuple loss, or (in the search's passes, with
        ``search.modality_dropout``) one of the three official branches, drawn uniformly per call (a step;
        a micro-batch under ``accumulation: average``, each being its own loss) from a generator seeded
        by (run seed, epoch, pass, step), so every rank draws the same."""
        if self.search is None or not self.cfg.search.modality_dropout or self.pass_tag == 0:
            return FULL_TUPLE
        generator = torch.Generator().manual_seed(stream_seed(self.seed, self.epoch, self.pass_tag, step, 53))
        return 1 + int(torch.randint(3, (1,), generator=generator))

    def _key_context(self):
        return contextlib.nullcontext() if self.cfg.key_gradient else torch.no_grad()

    def embed(self, reps: dict[str, torch.Tensor]) -> torch.Tensor:
        """The L2-normalised tuple embedding g(t) of per-modality representations (fp32)."""
        fusion_BH, _ = self._model[0].fuse(reps)
        if self.projection is not None:
            fusion_BH = self.projection(fusion_BH)
        return F.normalize(upcast(fusion_BH), dim=-1)

    # -- loss -------------------------------------------------------------------------------------

    def disturbed_modalities(self) -> list[str]:
        return [m for m in self.modalities if self.alpha[m] > 0]

    def swap_permutation(self, size: int, stage: str, step: int, modality: str, device) -> torch.Tensor:
        """perm_k over the global batch for this (epoch, stage, step, and search pass): the same on every rank."""
        search_pass = (self.pass_tag,) if self.pass_tag else ()  # each of a search epoch's passes its own
        generator = torch.Generator().manual_seed(stream_seed(
            self.seed, self.epoch, self.stages.index(stage), step, self.modalities.index(modality), *search_pass))
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

        # The log-weights in the anchor's dtype: an fp64 reference computation stays fp64 throughout.
        dtype = anchor_BE.dtype
        bias_C = torch.cat([torch.full((size,), math.log(self.cfg.alpha_other), device=device, dtype=dtype)]
                           + [torch.full((size,), math.log(self.alpha[m]), device=device, dtype=dtype)
                              for m in disturbed])
        bias_BC = bias_C.expand(rows, -1).clone()
        row_B = torch.arange(rows, device=device)
        bias_BC[row_B, own_B] = 0.0  # the own positive is unweighted
        terms: dict[str, torch.Tensor] = {}
        for block, m in enumerate(disturbed, start=1):
            self._exclude_same_content(bias_BC, batch, m, perms_N[m], own_B, block * size)
            # How much closer each anchor is to its positive than to its own k-disturbed tuple.
            margin_B = ((anchor_BE * blocks_BE[0]).sum(-1) - (anchor_BE * blocks_BE[block]).sum(-1)).detach()
            terms[f"margin_{m}"] = margin_B.mean()
        loss = info_nce(anchor_BE, keys_CE, own_B, self.inv_temperature, self.chunk_size, logit_bias_BN=bias_BC)
        terms["tuple_nce"] = loss.detach()
        return loss, terms

    def _exclude_same_content(self, bias_BC: torch.Tensor, batch: Batch, modality: str, perm_N: torch.Tensor,
                              own_B: torch.Tensor, offset: int) -> None:
        """A swap that brings in content equal to the anchor's (a duplicated sample) is no negative: its
        column (``offset`` + the anchor's own index) leaves the softmax."""
        fingerprint_B = self.fingerprint(batch, modality)
        swapped_fingerprint_B = dist.all_gather_tensors(fingerprint_B)[perm_N[own_B]]
        same_B = torch.isclose(swapped_fingerprint_B, fingerprint_B, rtol=1e-9, atol=1e-9)
        row_B = torch.arange(own_B.shape[0], device=own_B.device)
        column_B = offset + own_B
        bias_BC[row_B, column_B] = torch.where(same_B, float("-inf"), bias_BC[row_B, column_B])

    def dropout_loss(self, output, batch: Batch, stage: str, step: int, branch: int
                     ) -> tuple[torch.Tensor, dict[str, torch.Tensor]]:
        """A modality-dropout branch's loss (official search_para.py, ``dropout`` 2 and 3): the primary
        modality alone (augmented) is the anchor. Branch 2: its positive is the tuple of the other
        modalities, its negatives the other samples' such tuples and those tuples with the secondary
        modality swapped in from another sample; branch 3: its positive is the primary alone, clean,
        against the other samples' (no weights: the official branches take none)."""
        anchor_BE = self.embed({m: output.extra[ANCHOR + m] for m in self.modalities})
        rows, device = anchor_BE.shape[0], anchor_BE.device
        own_B = torch.arange(dist.rank() * rows, (dist.rank() + 1) * rows, device=device)
        size = rows * dist.world_size()
        positive = {m: output.extra[POSITIVE + m] for m in self.modalities}
        perm_N = self.swap_permutation(size, stage, step, self.secondary, device)
        with self._key_context():
            blocks_BE = [self.embed(positive)]
            if branch == PRIMARY_VS_OTHERS:
                swapped_BD = dist.all_gather_with_grad(positive[self.secondary])[perm_N[own_B]]
                blocks_BE.append(self.embed({**positive, self.secondary: swapped_BD}))
        bias_BC = None
        if branch == PRIMARY_VS_OTHERS:
            bias_BC = anchor_BE.new_zeros((rows, 2 * size))
            self._exclude_same_content(bias_BC, batch, self.secondary, perm_N, own_B, size)
        keys_CE = torch.cat([dist.all_gather_with_grad(block) for block in blocks_BE])
        loss = info_nce(anchor_BE, keys_CE, own_B, self.inv_temperature, self.chunk_size, logit_bias_BN=bias_BC)
        return loss, {"tuple_nce": loss.detach()}

    def loss(self, output, batch, stage, step):
        if not self.contrasts(stage):
            task = self.task_loss(output, batch)
            return task, {"task": task.detach()}
        branch = self.dropout_branch(stage, step)
        contrast, terms = (self.tuple_loss(output, batch, stage, step) if branch == FULL_TUPLE
                           else self.dropout_loss(output, batch, stage, step, branch))
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
    def retrieval(self, loader, device, betas: list[float], queried: list[str], draw: tuple[int, ...] = ()
                  ) -> dict[tuple[float, str], tuple[torch.Tensor, torch.Tensor]]:
        """Retrieval pairs on every sample of ``loader``'s split (the first ``search.reward_samples``): for
        each strength beta and each modality k in ``queried``, the embedding of k alone (augmented at beta)
        and the embedding of the other modalities (clean), the left-out modalities as ``search.absent``
        says. Gathered from every rank, in index order, so each rank gets the same rows. Augmentation
        draws are seeded by ``draw`` (with shared noise, one map per strength, as the official validation
        draws one per call)."""
        model = self._model[0]
        parts: dict[tuple[float, str], list[tuple[torch.Tensor, torch.Tensor]]] = {}
        indices, masks = [], []
        devices = [device] if device.type == "cuda" else []
        shared = self.cfg.noise == "shared"
        maps = {beta: noise_maps(self.schema, stream_seed(self.seed, 7, level, *draw)) if shared else {}
                for level, beta in enumerate(betas)}
        with torch.random.fork_rng(devices=devices):
            torch.manual_seed(stream_seed(self.seed, dist.rank(), 7, *draw))
            for batch in loader.epoch(0):
                batch = batch.to(device)
                clean = model.encode(batch)
                absent = self.partial_reps(model, batch, keep=())
                indices.append(batch.index)
                masks.append(batch.sample_mask)
                for beta in betas:
                    queries = clean if beta == 0 else model.encode(
                        self.augmented(batch, beta, queried, maps[beta]),
                        skip=[m for m in self.modalities if m not in queried])
                    for m in queried:
                        alone = {n: queries[m] if n == m else absent[n] for n in self.modalities}
                        without = {n: absent[m] if n == m else clean[n] for n in self.modalities}
                        parts.setdefault((beta, m), []).append((self.embed(alone), self.embed(without)))
        index_N = dist.all_gather_tensors(torch.cat(indices))
        real_N = dist.all_gather_tensors(torch.cat(masks))
        order = torch.argsort(torch.where(real_N, index_N, index_N.max() + 1), stable=True)[: int(real_N.sum())]
        if self.cfg.search.reward_samples:
            order = order[: self.cfg.search.reward_samples]
        return {key: (dist.all_gather_tensors(torch.cat([q for q, _ in pairs]))[order],
                      dist.all_gather_tensors(torch.cat([k for _, k in pairs]))[order])
                for key, pairs in parts.items()}

    def reward_pools(self, rows: int) -> list[tuple[int, int]]:
        search = self.cfg.search
        return retrieval_pools(rows, search.reward_pool, search.reward_pools == "merged")

    def pool_accuracies(self, pairs: tuple[torch.Tensor, torch.Tensor]) -> torch.Tensor:
        """The retrieval accuracy of each validation pool (``search.reward_pool`` rows, ``reward_pools``)."""
        queries_NE, keys_NE = pairs
        return pool_accuracies(queries_NE, keys_NE, self.reward_pools(queries_NE.shape[0]))

    def mean_accuracy(self, accuracies_P: torch.Tensor, rows: int) -> float:
        return combined_accuracy(accuracies_P, self.reward_pools(rows), self.cfg.search.reward_pools == "merged")

    def accuracies(self, loader, device, betas: list[float], queried: list[str], draw: tuple[int, ...] = ()
                   ) -> dict[float, dict[str, float]]:
        """A^k per strength beta and queried modality k (see ``retrieval``)."""
        result: dict[float, dict[str, float]] = {}
        for (beta, m), pairs in self.retrieval(loader, device, betas, queried, draw).items():
            result.setdefault(beta, {})[m] = self.mean_accuracy(self.pool_accuracies(pairs), pairs[0].shape[0])
        return result

    def pretrain_metrics(self, loader, device) -> dict[str, float]:
        """Validation cross-modal retrieval accuracy per modality (what pre-training epochs report)."""
        accuracies = self.accuracies(loader, device, [0.0], self.modalities)[0.0]
        return {**{f"retrieval_{m}": a for m, a in accuracies.items()},
                "retrieval": float(np.mean(list(accuracies.values())))}


# -- sample optimisation ----------------------------------------------------------------------------


class SampleSearch:
    """REINFORCE over TupleInfoNCE's alpha (disturbed-negative weights) and beta (augmentation strength),
    as the official search_para.py does it (METHODS.md §4.4), with the key encoder's bug fixed. Each
    official choice that has an alternative is a switch of ``SampleSearchConfig``.

    Each pre-training epoch learns one of them (``learn=alternate``: beta on odd epochs, alpha on even):
    1. save the weights and optimizer state (a DeepSpeed checkpoint: works under every ZeRO stage);
    2. draw ``candidates`` values x_c ~ N(mu, sigma^2 I) (one generator, so every rank draws the same);
    3. for each: reload the saved weights (officially not the optimizer state: momentum carries on from
       the previous candidate), train ``inner_epochs`` passes with x_c in effect (alpha through the
       1x/2x/4x replication; the other parameter at its mean), with the official modality-dropout
       branches, and score the reward on the validation split (gathered, so identical on every rank);
    4. step mu with Adam on ``-sum_c log N(x_c; mu, sigma) * (R_c - mean R) / (std R + eps)``;
    5. reload the best candidate's weights and go on at the updated mean (``continue_with``).

    Rewards: alpha's (official ``validate_sampling``) is the retrieval accuracy in percent, averaged over
    validation pools, of one modality drawn at random per pool: that modality alone retrieves the tuple
    of the others; ``all_modalities`` sums A^k over every modality instead. beta's (official
    ``validate``) is ``(1 - ((beta - peak) / beta_max)^2) + (1 - mean_j A_j)``, where A_j is the primary
    modality's accuracy (or every modality's mean) when augmented at the grid strength j and ``peak``
    the strength with the highest accuracy. The official score uses validation batches of 2;
    ``reward_pool`` sets it here.
    """

    def __init__(self, cfg: SampleSearchConfig, objective: TupleInfoNCE):
        self.cfg = cfg
        self.objective = objective
        beta = objective.beta if cfg.beta_init is None else cfg.beta_init
        self.mean = {"alpha": torch.full((len(objective.modalities),), cfg.alpha_init, dtype=torch.float64),
                     "beta": torch.tensor([beta], dtype=torch.float64)}
        for value in self.mean.values():
            value.requires_grad_()
        self.optimizers = {"alpha": torch.optim.Adam([self.mean["alpha"]], lr=cfg.alpha_lr),
                           "beta": torch.optim.Adam([self.mean["beta"]], lr=cfg.beta_lr)}
        self.history: list[dict[str, Any]] = []
        for which in ("alpha", "beta"):  # training starts at the means (official: ratio ones, sigma 120)
            self.apply(which, self.mean[which].detach())

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

    def effective(self, which: str, value: torch.Tensor) -> torch.Tensor:
        """The value training uses for a searched ``value``. alpha: the weight of each modality's disturbed
        negatives, officially ``2 ** (clamp(int(r), 1, 3) - 1)`` copies of the pool (int truncates
        towards zero), or ``clamp(r, 0, alpha_max)`` itself (``continuous``). beta: as drawn, or clamped
        to [0, beta_max] (``clamp_beta``)."""
        value = value.detach().to(torch.float64)
        if which == "alpha":
            if self.cfg.alpha_mapping == "replicate":
                return 2.0 ** (value.trunc().clamp(1, 3) - 1)
            return value.clamp(0.0, self.cfg.alpha_max)
        return value.clamp(0.0, self.cfg.beta_max) if self.cfg.clamp_beta else value

    def candidates(self, which: str, epoch: int) -> torch.Tensor:
        generator = torch.Generator().manual_seed(stream_seed(self.objective.seed, epoch, 31))
        mean = self.mean[which].detach()
        noise = torch.randn((self.cfg.candidates, mean.numel()), generator=generator, dtype=torch.float64)
        return mean + self.sigma(which) * noise

    def apply(self, which: str, value: torch.Tensor) -> None:
        """Make the objective train with searched ``value`` (mapped by ``effective``)."""
        used = self.effective(which, value)
        if which == "alpha":
            self.objective.alpha = {m: float(v) for m, v in zip(self.objective.modalities, used)}
        else:
            self.objective.beta = float(used[0])

    def draw(self, epoch: int, candidate: int) -> tuple[int, ...]:
        """What seeds a candidate's random draws (data order, noise, branches, validation draws): the
        candidate itself (official: every call draws afresh), or only the epoch (``common_draws``: the
        candidates of an epoch differ in their value alone)."""
        return (epoch,) if self.cfg.common_draws else (epoch, candidate)

    def reward(self, which: str, loader, device, epoch: int = 0, candidate: int = 0) -> float:
        cfg, objective = self.cfg, self.objective
        draw = self.draw(epoch, candidate)
        if which == "alpha":
            pairs = objective.retrieval(loader, device, [0.0], objective.modalities, draw)
            per_pool = {m: objective.pool_accuracies(pairs[(0.0, m)]) for m in objective.modalities}
            rows = pairs[(0.0, objective.modalities[0])][0].shape[0]
            if cfg.alpha_reward == "all_modalities":
                return float(sum(objective.mean_accuracy(a, rows) for a in per_pool.values()))
            # One modality per validation pool, drawn the same on every rank.
            pools = len(per_pool[objective.modalities[0]])
            generator = torch.Generator().manual_seed(stream_seed(objective.seed, 13, *draw))
            drawn_P = torch.randint(len(objective.modalities), (pools,), generator=generator)
            accuracies_P = torch.stack([per_pool[objective.modalities[int(k)]][p] for p, k in enumerate(drawn_P)])
            return 100.0 * objective.mean_accuracy(accuracies_P, rows)
        queried = [objective.primary] if cfg.beta_reward_modalities == "primary" else objective.modalities
        per_level = objective.accuracies(loader, device, list(cfg.beta_grid), queried, draw)
        level_accuracy = [float(np.mean(list(per_level[b].values()))) for b in cfg.beta_grid]
        peak = cfg.beta_grid[int(np.argmax(level_accuracy))]
        return (1 - ((objective.beta - peak) / cfg.beta_max) ** 2) + (1 - float(np.mean(level_accuracy)))

    def advantage(self, rewards_C: torch.Tensor) -> torch.Tensor:
        """(R - mean R) / (std R + eps): official np.std (ddof 0) with float32's eps, or ddof 1 with 1e-8."""
        if self.cfg.advantage_std == "population":
            return (rewards_C - rewards_C.mean()) / (rewards_C.std(correction=0) + float(np.finfo(np.float32).eps))
        return (rewards_C - rewards_C.mean()) / (rewards_C.std() + 1e-8)

    def update(self, which: str, candidates_CP: torch.Tensor, rewards_C: torch.Tensor) -> None:
        """One REINFORCE step of mu with the normalised advantage."""
        advantage_C = self.advantage(rewards_C)
        distribution = torch.distributions.Normal(self.mean[which], self.sigma(which))
        loss = -(distribution.log_prob(candidates_CP).sum(-1) * advantage_C).sum()
        self.optimizers[which].zero_grad()
        loss.backward()
        self.optimizers[which].step()

    def run(self, trainer, stage: str) -> None:
        """One outer epoch of the search in place of the trainer's plain pass of ``stage``."""
        cfg, objective = self.cfg, self.objective
        epoch = trainer.state.epoch
        which = self.learns(epoch)
        candidates_CP = self.candidates(which, epoch)
        base, best = trainer.snapshot("search_base"), None
        rewards = []
        for index, raw in enumerate(candidates_CP):
            trainer.restore(base, optimizer_state=cfg.restore_optimizer)
            self.apply(which, raw)
            drawn = 0 if cfg.common_draws else index  # which candidate's draws this one takes
            for inner in range(cfg.inner_epochs):
                trainer.state.step = 0
                # Seeds this pass's noise maps and branch draws; the data order is one of the odd passes.
                objective.pass_tag = 1 + drawn * cfg.inner_epochs + inner
                try:
                    trainer.train_pass(stage, data_pass=((epoch * cfg.candidates + drawn) * cfg.inner_epochs + inner)
                                       * 2 + 1)
                finally:
                    objective.pass_tag = 0
            trainer.engine.eval()
            rewards.append(self.reward(which, trainer.loaders["valid"], trainer.device, epoch, index))
            trainer.logger.log("search", trainer.state.global_step, {
                "epoch": epoch + 1, "learns": which, "candidate": index, "reward": rewards[-1],
                **{f"{which}_{k}": float(v) for k, v in zip(self.names(which), raw)},
                **{f"{which}_{k}_used": float(v) for k, v in zip(self.names(which), self.effective(which, raw))}})
            if best is None or rewards[-1] > rewards[best]:
                best = index
                trainer.snapshot("search_best")
        self.update(which, candidates_CP, torch.tensor(rewards, dtype=torch.float64))
        trainer.restore("search_best", optimizer_state=cfg.restore_optimizer)
        self.apply(which, self.mean[which].detach() if cfg.continue_with == "mean" else candidates_CP[best])
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
