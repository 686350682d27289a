"""How far MMIM's entropy projection decays under ``objective.mmim.entropy_prj: decayed`` (the official
torch 1.7.1 behaviour): the norm of its weights after N epochs, relative to the start.

The official ``entropy_prj`` (a Linear(16, 4) + Tanh per pair on MOSI) sits in the MMILB Adam (lr 1e-3,
weight decay 1e-4) and never gets a non-zero gradient there; from epoch 2 on, every stage-0 step applies
Adam with coupled weight decay to a zero gradient. This script builds the estimator as the official code
initialises it (xavier_normal_ on every matrix, torch's default bias), puts its param groups
(``BATerm.param_groups``) into the project's ``StagedAdam`` with the tags ``BATerm.optimizer_stages`` gives
each epoch's stage-0 pass, and runs ``batches`` zero-gradient steps per pass, as the DeepSpeed engine
does. It prints, per reported epoch, the mean and range over seeds of ||W_N|| / ||W_0|| (the weight
matrix) and of the same ratio over weight and bias together.

    python bench/entropy_prj_decay.py                       # MOSI, official loader: ceil(1284/32) = 41
    python bench/entropy_prj_decay.py --batches 40          # MOSI here: the last partial batch is dropped
"""

from __future__ import annotations

import argparse
import json

import torch
from torch import nn

from dist_mmfuse.config import MMIMConfig
from dist_mmfuse.objectives.mmim import MMILB_STAGE, BATerm
from dist_mmfuse.optim import StagedAdam


def decay_ratios(seed: int, batches: int, epochs: list[int], x_dim: int, y_dim: int) -> dict[int, tuple[float, float]]:
    """{1-based epoch: (weight norm ratio, weight-and-bias norm ratio)} after that epoch's stage-0 pass."""
    torch.manual_seed(seed)
    term = BATerm([("x", "y")], {"x": x_dim, "y": y_dim}, MMIMConfig())
    for param in term.mmilb.parameters():
        if param.dim() > 1:
            nn.init.xavier_normal_(param)
    projection = term.mmilb["x__y"].entropy_prj[0]
    start_w = projection.weight.detach().clone()
    start_all = torch.cat([start_w.flatten(), projection.bias.detach().flatten()])
    optimizer = StagedAdam(term.param_groups(), fused=False)
    ratios = {}
    for epoch in range(max(epochs)):
        optimizer.set_stage(term.optimizer_stages(MMILB_STAGE, epoch))
        for _ in range(batches):
            for param in term.mmilb.parameters():
                param.grad = torch.zeros_like(param)  # DeepSpeed's gradient for a parameter outside the graph
            optimizer.step()
        if epoch + 1 in epochs:  # after the epoch's stage-0 pass (its main pass never steps the estimators)
            now_all = torch.cat([projection.weight.detach().flatten(), projection.bias.detach().flatten()])
            ratios[epoch + 1] = (float(projection.weight.detach().norm() / start_w.norm()),
                                 float(now_all.norm() / start_all.norm()))
    return ratios


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batches", type=int, default=41, help="stage-0 steps per epoch (MOSI: 41 officially)")
    parser.add_argument("--epochs", type=int, nargs="+", default=[1, 2, 5, 10, 20, 40])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--x-dim", type=int, default=768, help="x of the pair (BERT's 768 officially)")
    parser.add_argument("--y-dim", type=int, default=16, help="y of the pair (MOSI's audio and vision: 16)")
    args = parser.parse_args()
    runs = [decay_ratios(seed, args.batches, args.epochs, args.x_dim, args.y_dim) for seed in range(args.seeds)]
    summary = {}
    for epoch in args.epochs:
        weight = [r[epoch][0] for r in runs]
        both = [r[epoch][1] for r in runs]
        summary[epoch] = {
            "stage0_steps_so_far": args.batches * max(0, epoch - 1),
            "weight_norm_ratio": {"mean": round(sum(weight) / len(weight), 4), "min": round(min(weight), 4),
                                  "max": round(max(weight), 4)},
            "weight_and_bias_norm_ratio": {"mean": round(sum(both) / len(both), 4), "min": round(min(both), 4),
                                           "max": round(max(both), 4)}}
    print(json.dumps({"batches_per_pass": args.batches, "seeds": args.seeds}))
    for epoch, values in summary.items():
        print(json.dumps({"epoch": epoch, **values}))


if __name__ == "__main__":
    main()
