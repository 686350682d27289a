"""The global-batch contrastive kernel: values against an fp64 reference, chunking, and the
all-gather's gradients on 2 and 4 gloo processes against the one-process computation."""

from __future__ import annotations

import os

import numpy as np
import pytest
import torch
import torch.multiprocessing as mp
import torch.nn.functional as F

from dist_mmfuse.distributed import free_port
from dist_mmfuse.objectives.contrastive import global_info_nce, info_nce


def reference_info_nce(queries: np.ndarray, keys: np.ndarray, positives: np.ndarray, inv_t: float) -> float:
    """The InfoNCE loss written out row by row in float64."""
    losses = []
    for row, positive in zip(queries.astype(np.float64), positives):
        scores = keys.astype(np.float64) @ row * inv_t
        top = scores.max()
        losses.append(top + np.log(np.exp(scores - top).sum()) - scores[positive])
    return float(np.mean(losses))


def test_info_nce_matches_the_row_by_row_fp64_loss():
    rng = np.random.default_rng(0)
    queries, keys = rng.standard_normal((12, 5)), rng.standard_normal((40, 5))
    positives = rng.integers(0, 40, size=12)
    for inv_t in (1.0, 7.5):
        value = info_nce(torch.tensor(queries, dtype=torch.float32), torch.tensor(keys, dtype=torch.float32),
                         torch.tensor(positives), inv_t)
        assert value.dtype == torch.float32
        assert value.item() == pytest.approx(reference_info_nce(queries, keys, positives, inv_t), rel=1e-6)


def test_low_precision_features_give_fp32_scores():
    """bf16 features are scored in fp32: the loss equals the fp32 loss of the same (bf16-rounded) values."""
    torch.manual_seed(1)
    queries, keys = torch.randn(16, 8).bfloat16(), torch.randn(64, 8).bfloat16()
    positives = torch.arange(16)
    low = info_nce(queries, keys, positives, 50.0)
    assert low.dtype == torch.float32
    expected = reference_info_nce(queries.float().numpy(), keys.float().numpy(), positives.numpy(), 50.0)
    assert low.item() == pytest.approx(expected, rel=1e-5)


@pytest.mark.parametrize("chunk_size", [1, 7, 32])
def test_chunked_equals_unchunked_in_loss_and_every_gradient(chunk_size):
    torch.manual_seed(2)
    queries = torch.randn(45, 16, requires_grad=True)
    keys = torch.randn(90, 16, requires_grad=True)
    log_inv_t = torch.tensor([1.3], requires_grad=True)
    positives = torch.randperm(90)[:45]

    def loss_and_grads(chunk):
        loss = info_nce(F.normalize(queries, dim=-1), F.normalize(keys, dim=-1), positives, log_inv_t.exp(), chunk)
        return (loss, *torch.autograd.grad(loss, (queries, keys, log_inv_t)))

    whole, chunked = loss_and_grads(0), loss_and_grads(chunk_size)
    for a, b in zip(chunked, whole):
        torch.testing.assert_close(a, b, rtol=1e-5, atol=1e-7)


class PairEncoder(torch.nn.Module):
    """Two linear maps and a temperature: the smallest model whose gradients a gather can get wrong."""

    def __init__(self):
        super().__init__()
        self.query = torch.nn.Linear(6, 8)
        self.key = torch.nn.Linear(5, 8)
        self.log_inv_t = torch.nn.Parameter(torch.tensor([0.7]))

    def loss(self, x_BX, y_BY, chunk_size=0):
        return global_info_nce(F.normalize(self.query(x_BX), dim=-1), F.normalize(self.key(y_BY), dim=-1),
                               self.log_inv_t.exp(), chunk_size)


def pair_data(total: int):
    generator = torch.Generator().manual_seed(3)
    x = torch.randn(total, 6, generator=generator)
    y = torch.cat([x[:, :5], torch.zeros(total, 0)], 1) + 0.5 * torch.randn(total, 5, generator=generator)
    return x, y


def _gather_worker(rank: int, world: int, port: int, total: int, chunk_size: int, out: str) -> None:
    import torch.distributed as torch_dist

    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port))
    torch.set_num_threads(1)
    torch_dist.init_process_group("gloo", rank=rank, world_size=world)
    torch.manual_seed(0)
    model = PairEncoder()
    x, y = pair_data(total)
    rows = slice(rank * total // world, (rank + 1) * total // world)
    loss = model.loss(x[rows], y[rows], chunk_size)
    loss.backward()
    grads = {}
    for name, param in model.named_parameters():
        # What DDP and the DeepSpeed engine do: the mean of the ranks' gradients.
        torch_dist.all_reduce(param.grad)
        grads[name] = param.grad / world
    losses = [torch.zeros(()) for _ in range(world)]
    torch_dist.all_gather(losses, loss.detach())
    torch.save({"loss": torch.stack(losses).mean(), "grads": grads}, os.path.join(out, f"rank{rank}.pt"))
    # No rank tears gloo down while a peer may still have traffic in flight (a CI run once saw both
    # ranks abort with "terminate called without an active exception").
    torch_dist.barrier()
    torch_dist.destroy_process_group()


@pytest.mark.slow
@pytest.mark.parametrize("world, chunk_size", [(2, 0), (4, 0), (4, 3)])
def test_gathered_loss_and_gradients_equal_the_one_process_global_batch(tmp_path, world, chunk_size):
    total = 32
    mp.spawn(_gather_worker, args=(world, free_port(), total, chunk_size, str(tmp_path)), nprocs=world)
    torch.manual_seed(0)
    model = PairEncoder()
    x, y = pair_data(total)
    loss = model.loss(x, y)
    loss.backward()
    for rank in range(world):
        result = torch.load(tmp_path / f"rank{rank}.pt")
        assert result["loss"].item() == pytest.approx(loss.item(), rel=1e-6)
        for name, param in model.named_parameters():
            torch.testing.assert_close(result["grads"][name], param.grad, rtol=1e-5, atol=1e-7, msg=name)
