"""InfoNCE over the global batch: the one contrastive kernel every objective uses.

With W ranks of B rows each, a rank contrasts its own B query rows against all N = W*B keys of the
global batch (the local-loss form: a B x N block per rank, memory O(B*N), not O(N^2)). The keys are
gathered with a differentiable all-gather, so the gradient that other ranks' rows send to this rank's
keys comes back to it; with the engine's mean over ranks, every parameter then gets exactly the
gradient of the one-device loss over the whole global batch (ENGINEERING.md §1.3, §2.4.1).

Scores are computed in fp32 whatever the training precision (bf16 logits at scale 100 lose the
ordering of close negatives). ``chunk_size`` bounds peak memory at very large N: query rows are
processed ``chunk_size`` at a time and each chunk's C x N logits are recomputed in the backward pass
instead of being kept, so peak memory is O(C*N) (plus the N x D keys).
"""

from __future__ import annotations

import torch
import torch.nn.functional as F
from torch import nn
from torch.utils.checkpoint import checkpoint

from .. import distributed as dist
from .base import upcast


def gather_keys(keys_BD: torch.Tensor) -> tuple[torch.Tensor, int]:
    """All ranks' keys in rank order (differentiable) and the global row index of this rank's first row."""
    return dist.all_gather_with_grad(keys_BD), dist.rank() * keys_BD.shape[0]


def info_nce(queries_BD: torch.Tensor, keys_ND: torch.Tensor, positives_B: torch.Tensor,
             inv_temperature: torch.Tensor | float = 1.0, chunk_size: int = 0,
             logit_bias_BN: torch.Tensor | None = None) -> torch.Tensor:
    """mean_i -(s_i,p(i) - logsumexp_j s_ij), with s_ij = q_i . k_j * inv_temperature (+ bias_ij), in fp32.

    ``positives_B[i]`` is the row of ``keys_ND`` that is query i's positive; every other key is a
    negative. ``logit_bias_BN``: log-weights of the keys per row (log alpha weights a negative by alpha;
    -inf removes it). ``chunk_size`` > 0 processes that many query rows at a time with recomputation.
    """
    if queries_BD.shape[0] == 0:
        raise ValueError("info_nce: no query rows")
    # Folding the temperature into the queries keeps a single B x N buffer alive for the backward.
    scaled_BD = upcast(queries_BD) * inv_temperature
    keys_ND = upcast(keys_ND)
    rows = scaled_BD.shape[0]
    if chunk_size <= 0 or chunk_size >= rows:
        return _summed_row_losses(scaled_BD, keys_ND, positives_B, logit_bias_BN) / rows
    total = scaled_BD.new_zeros(())
    for start in range(0, rows, chunk_size):
        stop = start + chunk_size
        bias_CN = None if logit_bias_BN is None else logit_bias_BN[start:stop]
        total = total + checkpoint(_summed_row_losses, scaled_BD[start:stop], keys_ND, positives_B[start:stop],
                                   bias_CN, use_reentrant=False)
    return total / rows


def _summed_row_losses(scaled_CD: torch.Tensor, keys_ND: torch.Tensor, positives_C: torch.Tensor,
                       bias_CN: torch.Tensor | None = None) -> torch.Tensor:
    logits_CN = scaled_CD @ keys_ND.T
    if bias_CN is not None:
        logits_CN = logits_CN + bias_CN
    positive_C = logits_CN.gather(1, positives_C[:, None]).squeeze(1)
    return (torch.logsumexp(logits_CN, dim=-1) - positive_C).sum()


def global_info_nce(queries_BD: torch.Tensor, keys_BD: torch.Tensor, inv_temperature: torch.Tensor | float = 1.0,
                    chunk_size: int = 0) -> torch.Tensor:
    """InfoNCE of this rank's query rows against the keys of the whole global batch.

    Row i's positive is key i of the same rank; the other N - 1 keys, from every rank, are its
    negatives. Equal B on every rank is required (the loader guarantees it for training).
    """
    keys_ND, offset = gather_keys(keys_BD)
    positives_B = torch.arange(offset, offset + queries_BD.shape[0], device=queries_BD.device)
    return info_nce(queries_BD, keys_ND, positives_B, inv_temperature, chunk_size)


def contrast_size(local_rows: int) -> int:
    """How many candidates (one positive, the rest negatives) each row of a global contrast sees."""
    return local_rows * dist.world_size()


class CPC(nn.Module):
    """Contrastive predictive coding between the fusion vector Z and one modality's representation.

    The predictor G maps Z to the modality's size with ``layers`` Linears. One layer: a single Linear.
    More, as the official MMIM CPC builds them (``activations="first"``): Linear, Tanh, then the other
    Linears with nothing between them (3 layers: Linear, Tanh, Linear, Linear). ``activations="every"``
    puts a Tanh after every Linear but the last. The two agree for 1 and 2 layers.
    """

    def __init__(self, rep_dim: int, fusion_dim: int, layers: int, activations: str = "first"):
        super().__init__()
        if activations not in ("first", "every"):
            raise ValueError(f"CPC activations must be 'first' or 'every', not {activations!r}")
        if layers == 1:
            self.net = nn.Linear(fusion_dim, rep_dim)
        else:
            blocks: list[nn.Module] = [nn.Linear(fusion_dim, rep_dim), nn.Tanh()]
            for _ in range(layers - 2):
                blocks.append(nn.Linear(rep_dim, rep_dim))
                if activations == "every":
                    blocks.append(nn.Tanh())
            self.net = nn.Sequential(*blocks, nn.Linear(rep_dim, rep_dim))

    def forward(self, rep_BD: torch.Tensor, fusion_BH: torch.Tensor, inv_temperature: torch.Tensor | float,
                chunk_size: int = 0):
        """-mean_i [s_ii - logsumexp_j s_ij], s_ij = cos(h_i, G(Z_j)) / tau, in fp32; i runs over this
        rank's rows, j over the fusion predictions of the whole global batch."""
        pred_BD = F.normalize(upcast(self.net(fusion_BH)), dim=-1)
        rep_BD = F.normalize(upcast(rep_BD), dim=-1)
        return global_info_nce(rep_BD, pred_BD, inv_temperature, chunk_size)
