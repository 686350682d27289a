"""InfoNCE on correlated Gaussians with known MI: the estimate rises towards the truth and is capped near log N.

x ~ N(0, I_d) and y = rho x + sqrt(1 - rho^2) e, so I(x; y) = -d/2 log(1 - rho^2) nats, set per run.
A separable critic f(x) . g(y) (two MLPs) is trained with ``global_info_nce`` under the real DeepSpeed
engine on W gloo ranks, each drawing its own B fresh samples per step, so every row contrasts against
all N = W*B samples. The estimate log N - L is then averaged over fresh evaluation batches of the same
global size. InfoNCE can never exceed log N: a larger (all-gathered) batch lets it recover more MI.

    python bench/mi_gaussians.py --mi 2 4 8 16 --layouts 1x64 1x256 4x64 4x256

A layout WxB runs W ranks of B samples (N = W*B). All MI values train together, one critic each, in
one engine (their losses are independent, so the sum trains each exactly as alone).
"""

from __future__ import annotations

import argparse
import math
import os

import torch
from common import spawn_ranks, write_jsonl
from torch import nn


class SeparableCritic(nn.Module):
    def __init__(self, dim: int, hidden: int, embed: int):
        super().__init__()
        self.f = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                               nn.Linear(hidden, embed))
        self.g = nn.Sequential(nn.Linear(dim, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(),
                               nn.Linear(hidden, embed))


class Critics(nn.Module):
    """One critic per MI value; the forward returns the summed loss and each critic's loss."""

    def __init__(self, count: int, dim: int, hidden: int, embed: int):
        super().__init__()
        self.critics = nn.ModuleList(SeparableCritic(dim, hidden, embed) for _ in range(count))

    def forward(self, x_MBD: torch.Tensor, y_MBD: torch.Tensor):
        from dist_mmfuse.objectives.contrastive import global_info_nce

        losses = torch.stack([global_info_nce(c.f(x), c.g(y)) for c, x, y in zip(self.critics, x_MBD, y_MBD)])
        return losses.sum(), losses.detach()


def correlated_pairs(rhos: torch.Tensor, rows: int, dim: int, generator: torch.Generator):
    """(M, rows, dim) pairs, one set per correlation in ``rhos``."""
    x = torch.randn(len(rhos), rows, dim, generator=generator)
    noise = torch.randn(len(rhos), rows, dim, generator=generator)
    rho = rhos[:, None, None]
    return x, rho * x + (1 - rho**2).sqrt() * noise


def _rank_main(rank: int, world: int, port: int, args, queue) -> None:
    os.environ.update(RANK=str(rank), WORLD_SIZE=str(world), LOCAL_RANK=str(rank), LOCAL_WORLD_SIZE=str(world),
                      MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), DS_ACCELERATOR="cpu")
    import deepspeed

    from dist_mmfuse import distributed as dist

    dist.init_process_group(dist.world_info())
    torch.manual_seed(args.seed)  # the same initial critics on every rank
    model = Critics(len(args.mi), args.dim, args.hidden, args.embed)
    engine, _, _, _ = deepspeed.initialize(
        model=model, optimizer=torch.optim.Adam(model.parameters(), lr=args.lr),
        config={"train_micro_batch_size_per_gpu": args.batch, "gradient_accumulation_steps": 1,
                "zero_optimization": {"stage": 0}, "steps_per_print": 2**31 - 1})
    rhos = torch.tensor([math.sqrt(1 - math.exp(-2 * mi / args.dim)) for mi in args.mi])
    generator = torch.Generator().manual_seed(args.seed * 1000 + rank)  # each rank its own samples
    for _ in range(args.steps):
        loss, _ = engine(*correlated_pairs(rhos, args.batch, args.dim, generator))
        engine.backward(loss)
        engine.step()
    engine.eval()
    total = torch.zeros(len(args.mi))
    with torch.no_grad():
        for _ in range(args.eval_batches):
            _, losses = engine(*correlated_pairs(rhos, args.batch, args.dim, generator))
            total += dist.mean_across_ranks(losses)  # each rank's loss covers its own rows
    if rank == 0:
        n = world * args.batch
        queue.put({"world": world, "batch": args.batch, "N": n, "log_N": math.log(n),
                   "estimates": dict(zip(args.mi, (math.log(n) - total / args.eval_batches).tolist()))})


def run_layout(world: int, args) -> dict:
    return spawn_ranks(_rank_main, world, args)[0]  # rank 0 reports


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--mi", type=float, nargs="+", default=[2.0, 4.0, 8.0, 16.0], help="true MI values, nats")
    parser.add_argument("--layouts", nargs="+", default=["1x64", "1x256", "4x64", "4x256"],
                        help="WxB: W ranks of B samples each")
    parser.add_argument("--dim", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=256)
    parser.add_argument("--embed", type=int, default=64)
    parser.add_argument("--steps", type=int, default=1500)
    parser.add_argument("--lr", type=float, default=5e-4)
    parser.add_argument("--eval-batches", type=int, default=20)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", help="also write the rows as JSON lines here")
    args = parser.parse_args()

    rows = []
    print("estimates of I(x; y) in nats (InfoNCE, log N - loss, on fresh batches)")
    print(f"{'layout':>8} {'N':>6} {'log N':>6} " + " ".join(f"{f'MI={mi:g}':>7}" for mi in args.mi))
    for layout in args.layouts:
        world, batch = (int(v) for v in layout.split("x"))
        args.batch = batch
        row = run_layout(world, args)
        rows.append(row)
        print(f"{layout:>8} {row['N']:>6} {row['log_N']:>6.2f} "
              + " ".join(f"{row['estimates'][mi]:>7.2f}" for mi in args.mi), flush=True)
    write_jsonl(args.out, rows)


if __name__ == "__main__":
    main()
