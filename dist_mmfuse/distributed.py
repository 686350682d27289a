"""Rank discovery and collectives: the one place that talks to torch.distributed.

Launcher-agnostic: the deepspeed launcher and torchrun set RANK / WORLD_SIZE / LOCAL_RANK; plain
``srun`` sets SLURM_PROCID / SLURM_NTASKS / SLURM_LOCALID; Open MPI sets OMPI_COMM_WORLD_*. Whichever is
found first is used, and the torch variables are filled in from it before any process group starts,
so DeepSpeed's ``init_distributed`` (which never reads the SLURM variables) sees a consistent world.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

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
