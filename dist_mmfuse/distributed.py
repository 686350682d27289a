"""Rank discovery and collectives: the one place that talks to torch.distributed.

Launcher-agnostic: the deepspeed launcher and torchrun set RANK / WORLD_SIZE / LOCAL_RANK; plain
``srun`` sets SLURM_PROCID / SLURM_NTASKS / SLURM_LOCALID; Open MPI sets OMPI_COMM_WORLD_*. Whichever is
found first is used, and the torch variables are filled in from it before any process group starts,
so DeepSpeed's ``init_distributed`` (which never reads the SLURM variables) sees a consistent world.
"""

from __future__ import annotations

import faulthandler
import hashlib
import os
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

# (rank, world size, local rank) variable names, in order of precedence.
_LAUNCHER_VARIABLES = (
    ("torch", ("RANK", "WORLD_SIZE", "LOCAL_RANK")),
    ("slurm", ("SLURM_PROCID", "SLURM_NTASKS", "SLURM_LOCALID")),
    ("mpi", ("OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_RANK")),
)


@dataclass(frozen=True)
class WorldInfo:
    rank: int
    world_size: int
    local_rank: int
    launcher: str  # "torch", "slurm", "mpi" or "single"

    @property
    def is_main(self) -> bool:
        return self.rank == 0


def world_info(environ: dict[str, str] | None = None) -> WorldInfo:
    """This process's place in the job, from the launcher's environment variables."""
    env = os.environ if environ is None else environ
    for launcher, (rank_var, size_var, local_var) in _LAUNCHER_VARIABLES:
        if rank_var in env and size_var in env:
            rank, size = int(env[rank_var]), int(env[size_var])
            local = int(env.get(local_var, rank))
            if not 0 <= rank < size:
                raise ValueError(f"{rank_var}={rank} outside [0, {size_var}={size})")
            return WorldInfo(rank, size, local, launcher)
    return WorldInfo(0, 1, 0, "single")


def export_torch_variables(info: WorldInfo, environ: dict[str, str] | None = None) -> None:
    """Set RANK / WORLD_SIZE / LOCAL_RANK from ``info`` so every later library reads the same world."""
    env = os.environ if environ is None else environ
    env.setdefault("RANK", str(info.rank))
    env.setdefault("WORLD_SIZE", str(info.world_size))
    env.setdefault("LOCAL_RANK", str(info.local_rank))


def init_process_group(info: WorldInfo, timeout_s: float | None = None) -> None:
    """Start the default process group through DeepSpeed (NCCL on GPUs, gloo on CPUs), once.

    ``timeout_s``: how long a collective waits for a rank that stopped answering before it fails
    (``trainer.collective_timeout_s``; DeepSpeed's default is 10 minutes). gloo does not always honour it:
    a large all-reduce whose peer is stopped can wait forever once the socket buffers fill. So a
    watchdog (``heartbeat``) also ends this process when it makes no progress for ``timeout_s`` plus a
    grace period."""
    import datetime

    import deepspeed
    import torch

    export_torch_variables(info)
    if info.launcher == "single":
        # A lone process still needs a rendezvous address; a free loopback port avoids clashes
        # between several single-process runs on one machine.
        os.environ.setdefault("MASTER_ADDR", "127.0.0.1")
        os.environ.setdefault("MASTER_PORT", str(free_port()))
    share_cpu_threads()
    if torch.cuda.is_available():
        torch.cuda.set_device(info.local_rank)
    else:
        announce_cpu_op_build(info)
    timeout = {"timeout": datetime.timedelta(seconds=timeout_s)} if timeout_s else {}
    from .quiet import dropping_stdout_lines, shm_op_built

    with dropping_stdout_lines(shm_op_built):  # DeepSpeed's "... built successfully", on every rank
        deepspeed.init_distributed(dist_backend="nccl" if torch.cuda.is_available() else "gloo", verbose=False,
                                   **timeout)
    _unlink_shm_allreduce_buffer(info.rank)
    if timeout_s:
        start_watchdog(info.rank, timeout_s + WATCHDOG_GRACE_S)


SHM_OP = "deepspeed_shm_comm"  # DeepSpeed's CPU communication op, compiled on first use


def extensions_dir() -> Path:
    """Where DeepSpeed compiles its ops: ``TORCH_EXTENSIONS_DIR`` if set, else a directory private to this
    Python environment (``<sys.prefix>/torch_extensions``, or under ~/.cache named after it where the
    environment is not writable), set for this process and those it starts. torch's shared default
    (~/.cache/torch_extensions) is rebuilt every time two environments take turns with it."""
    if os.environ.get("TORCH_EXTENSIONS_DIR"):
        return Path(os.environ["TORCH_EXTENSIONS_DIR"])
    private = Path(sys.prefix) / "torch_extensions"
    if not os.access(sys.prefix, os.W_OK):
        digest = hashlib.sha256(sys.prefix.encode()).hexdigest()[:12]
        private = Path.home() / ".cache" / "dist_mmfuse" / f"torch_extensions-{digest}"
    os.environ["TORCH_EXTENSIONS_DIR"] = str(private)
    return private


def announce_cpu_op_build(info: WorldInfo) -> None:
    """Say, once per machine, that DeepSpeed is about to compile its CPU communication op (a minute or more
    on a small machine, silent otherwise), and where to."""
    directory = extensions_dir()
    if info.local_rank == 0 and not (directory / SHM_OP / f"{SHM_OP}.so").is_file():
        print(f"compiling DeepSpeed's CPU communication op into {directory / SHM_OP} (its first use in this "
              "environment; about a minute, once)", flush=True)


def _unlink_shm_allreduce_buffer(rank: int) -> None:
    """Remove the name of this rank's shared-memory all-reduce buffer (DeepSpeed's CPU accelerator, when
    every rank is on one machine) once every rank has mapped every buffer: DeepSpeed never removes it, so each
    job would leave a 67 MB file per rank in /dev/shm (RAM) behind, killed or not. The mappings stay valid."""
    import torch.distributed

    path = Path("/dev/shm") / (f"deepspeed_allreduce_buffer_{os.getuid()}_{os.environ.get('MASTER_ADDR')}_"
                               f"{os.environ.get('MASTER_PORT')}_{rank}")
    torch.distributed.barrier()  # every rank is past DeepSpeed's set-up, which maps the other ranks' buffers
    path.unlink(missing_ok=True)


# -- the watchdog ---------------------------------------------------------------------------------------

WATCHDOG_GRACE_S = 10.0  # past the process group's own timeout, which reports more precisely when it fires
_watchdog: "_Watchdog | None" = None


class _Watchdog(threading.Thread):
    """Ends the process (exit code 1, every thread's stack on stderr) after ``limit_s`` without a heartbeat.

    It counts from the first heartbeat on: the set-up before it (building the engine, loading a
    checkpoint) can take longer than a collective's timeout on a loaded machine, and its collectives are
    covered by the process group's own timeout."""

    def __init__(self, rank: int, limit_s: float):
        super().__init__(name="dist_mmfuse-watchdog", daemon=True)
        self.rank, self.limit_s = rank, limit_s  # the process group's timeout plus WATCHDOG_GRACE_S
        self.last = time.monotonic()
        self.armed = False
        self.activity = "setting up"

    def run(self) -> None:
        while True:
            time.sleep(min(1.0, self.limit_s / 10))
            idle = time.monotonic() - self.last
            if self.armed and idle > self.limit_s:
                sys.stderr.write(f"error: rank {self.rank}: no progress for {idle:.0f} s while {self.activity} "
                                 f"(trainer.collective_timeout_s={self.limit_s - WATCHDOG_GRACE_S:g} plus "
                                 f"{WATCHDOG_GRACE_S:g} s): another rank stopped answering, or this one is stuck; its "
                                 "threads' stacks follow\n")
                faulthandler.dump_traceback(file=sys.stderr, all_threads=True)
                sys.stderr.flush()
                os._exit(1)


def start_watchdog(rank: int, limit_s: float) -> None:
    """Start (once per process) the watchdog that ``heartbeat`` keeps quiet."""
    global _watchdog
    if _watchdog is None:
        _watchdog = _Watchdog(rank, limit_s)
        _watchdog.start()


def heartbeat(activity: str | None = None) -> None:
    """Tell the watchdog this process is making progress (each batch a loader yields; around checkpoint
    saves), and, with ``activity``, what it is doing now (its message names it). The first heartbeat arms
    it. Costs one clock read."""
    if _watchdog is not None:
        _watchdog.last = time.monotonic()
        _watchdog.armed = True
        if activity is not None:
            _watchdog.activity = activity


def share_cpu_threads(environ: dict[str, str] | None = None) -> int:
    """Give each local rank its share of the cores unless OMP_NUM_THREADS says otherwise.

    torchrun sets OMP_NUM_THREADS=1; the deepspeed launcher and srun set nothing, and every rank's
    intra-op pool then claims all cores: on 2 cores, 2 ranks ran 3-5x slower. Returns the thread count.
    """
    import torch

    env = os.environ if environ is None else environ
    if "OMP_NUM_THREADS" in env:
        return torch.get_num_threads()
    local_ranks = int(env.get("LOCAL_WORLD_SIZE", env.get("LOCAL_SIZE", env.get("SLURM_NTASKS_PER_NODE", "1"))))
    threads = max(1, (os.cpu_count() or 1) // max(1, local_ranks))
    torch.set_num_threads(threads)
    return threads


def free_port() -> int:
    """A free TCP port on the loopback interface (for single-machine rendezvous)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def is_initialized() -> bool:
    import torch.distributed as dist

    return dist.is_available() and dist.is_initialized()


def barrier() -> None:
    import torch.distributed as dist

    if is_initialized():
        dist.barrier()


def world_size() -> int:
    """Ranks in the default process group (1 when none is running)."""
    import torch.distributed as dist

    return dist.get_world_size() if is_initialized() else 1


def rank() -> int:
    """This process's rank in the default process group (0 when none is running)."""
    import torch.distributed as dist

    return dist.get_rank() if is_initialized() else 0


def all_gather_with_grad(tensor):
    """Concatenate ``tensor`` (same shape on every rank) from all ranks along dim 0, differentiably.

    The backward pass sums, over every rank, the gradient that rank's loss sends to each slice and
    returns it to the slice's owner (a reduce-scatter). With the engine's mean over ranks this gives
    exactly the gradient of the global-batch loss: no world-size factor is needed or allowed
    (ENGINEERING.md §1.3). A gather without this backward gives 1/W of it, or the wrong direction.
    """
    import torch.distributed as dist
    import torch.distributed._functional_collectives as functional

    if world_size() == 1:
        return tensor
    # all_gather_single_autograd (torch >= 2.12) replaces all_gather_tensor_autograd; both differentiate.
    gather = getattr(functional, "all_gather_single_autograd", None) or functional.all_gather_tensor_autograd
    return functional.wait_tensor(gather(tensor.contiguous(), 0, dist.group.WORLD))


def sum_across_ranks_with_grad(tensor):
    """The sum of ``tensor`` (same shape on every rank) over all ranks, differentiably: every rank gets the
    sum, and the backward returns to each rank the gradient every rank's loss sent to it (as
    ``all_gather_with_grad`` does). Global-batch statistics (a batch norm over every rank's rows) are
    sums of per-rank sums."""
    if world_size() == 1:
        return tensor
    return all_gather_with_grad(tensor.unsqueeze(0)).sum(0)


def all_gather_tensors(tensor):
    """Concatenate ``tensor`` (same shape on every rank) from all ranks along dim 0; no gradient."""
    import torch
    import torch.distributed as dist

    if world_size() == 1:
        return tensor
    parts = [torch.empty_like(tensor) for _ in range(world_size())]
    dist.all_gather(parts, tensor.contiguous())
    return torch.cat(parts)


def mean_across_ranks(tensor):
    """The mean of ``tensor`` over ranks (for logging); returns a new tensor."""
    import torch.distributed as dist

    result = tensor.detach().clone()
    if world_size() > 1:
        dist.all_reduce(result)
        result /= world_size()
    return result


def or_across_ranks(flags):
    """Element-wise OR of a boolean tensor over ranks, as a new tensor. On GPUs the all-reduce is queued
    on the stream like any kernel: it adds no host synchronisation."""
    import torch
    import torch.distributed as dist

    if world_size() == 1:
        return flags
    as_int = flags.to(torch.int32)  # every backend reduces int32; bool is not supported everywhere
    dist.all_reduce(as_int, op=dist.ReduceOp.MAX)
    return as_int.bool()


def broadcast_object(value, src: int = 0):
    """``value`` from rank ``src`` on every rank (any picklable object)."""
    import torch.distributed as dist

    if not is_initialized():
        return value
    holder = [value]
    dist.broadcast_object_list(holder, src=src)
    return holder[0]


def gather_objects(value) -> list:
    """``value`` from every rank, in rank order, on every rank (any picklable object)."""
    import torch.distributed as dist

    if not is_initialized():
        return [value]
    gathered = [None] * world_size()
    dist.all_gather_object(gathered, value)
    return gathered


def world_summary(info: WorldInfo) -> str:
    """Who joined the process group, gathered over it: ``rank@node(local N)`` for every rank, so a
    multi-node launch shows that each node's ranks joined one group with the ranks it expected.
    Collective: every rank calls it."""
    import socket

    node = os.environ.get("SLURMD_NODENAME") or socket.gethostname()
    members = gather_objects((rank(), info.rank, info.local_rank, node))
    mismatched = [m for m in members if m[0] != m[1]]
    if mismatched:
        raise RuntimeError(f"process-group ranks differ from the launcher's: {mismatched} (group rank, launcher rank)")
    return ", ".join(f"{r}@{n}(local {lr})" for _, r, lr, n in members)
