"""Whole fp32 weights out of a running engine or a checkpoint on disk, whatever the ZeRO stage and
precision: what an export holds. This module reads weights; writing an export is export.py's."""

from __future__ import annotations

from pathlib import Path

import torch



def full_fp32_state_dict(engine) -> dict[str, torch.Tensor]:
    """The module's whole state in fp32 on the CPU, on every rank (a collective: every rank calls it).

    Parameters come from the optimizer's fp32 master copy where the engine keeps one (bf16 and fp16
    training, ZeRO 1-3: DeepSpeed's ``safe_get_full_fp32_param`` assembles the partitions), so an export
    of a mixed-precision run holds the weights training would go on from, not their 16-bit rounding.
    Buffers, and parameters the optimizer does not hold (frozen ones), come from the module."""
    from deepspeed.utils import safe_get_full_fp32_param

    module = engine.module
    if engine.zero_optimization_stage() == 3:
        # Partitioned parameters: gather the module's own values (a collective every rank joins).
        base = engine._zero3_consolidated_16bit_state_dict() or {}
    else:
        base = module.state_dict()
    masters: dict[int, torch.Tensor] = {}
    for _, param in module.named_parameters():
        master = safe_get_full_fp32_param(param) if param.requires_grad else None
        if master is not None:
            masters[id(param)] = master.detach().to("cpu", torch.float32)
    state = {}
    # keep_vars: the Parameter objects, so tied entries (an objective holding model modules) find their master.
    for name, value in module.state_dict(keep_vars=True).items():
        master = masters.get(id(value))
        if master is not None:
            state[name] = master
        elif name in base:
            state[name] = base[name].detach().to("cpu", torch.float32)
    return state


def consolidated_fp32_state(checkpoint: Path) -> dict[str, torch.Tensor]:
    """The full fp32 weights of a DeepSpeed checkpoint tag directory, whatever its ZeRO stage.

    ZeRO and bf16/fp16 checkpoints keep the fp32 master weights in per-rank optimizer partitions, which
    DeepSpeed's zero_to_fp32 merges; an fp32 ZeRO-0 checkpoint holds them in its model states file.
    """
    from deepspeed.utils.zero_to_fp32 import get_fp32_state_dict_from_zero_checkpoint

    from ..quiet import quiet_zero_to_fp32
    from .safe_load import deepspeed_loads_weights_only

    module_file = checkpoint / "mp_rank_00_model_states.pt"  # ZeRO 0-2 (ZeRO-3 writes one per rank)
    # zero_to_fp32 prints which files it reads and a progress bar over them; no load here takes what runs.
    with quiet_zero_to_fp32(), deepspeed_loads_weights_only():
        if not any(checkpoint.glob("*optim_states.pt")):
            state = torch.load(module_file, map_location="cpu", weights_only=True)["module"]
        else:
            state = get_fp32_state_dict_from_zero_checkpoint(str(checkpoint.parent), tag=checkpoint.name)
            if module_file.is_file():
                # Weights outside the optimizer (frozen: a text model's pooler, LMF's untrained rank weights) are in
                # no partition, and ZeRO-1 records none of them for zero_to_fp32: the module's copy is theirs,
                # untrained. (ZeRO-3 records its frozen weights itself.)
                module = torch.load(module_file, map_location="cpu", weights_only=True)["module"]
                state.update({k: v for k, v in module.items() if k not in state and v.numel() > 0})
    return {k: v.float() for k, v in state.items()}
