"""Checkpoints: a run's training state on disk, written and read by one object.

* layout.py: the directory's rules (tags, ``latest``, what makes a tag complete) and reading its records;
* resume.py: what ``--resume`` may continue, checked before any process group;
* manager.py: :class:`CheckpointManager`, which saves, prunes, loads, snapshots and exports for the loop;
* elastic.py: resuming on another world size (the pass record, the rest of a pass, ZeRO's universal
  checkpoint);
* weights.py: whole fp32 weights out of an engine or a checkpoint; rng.py: random generator states;
* safe_load.py: DeepSpeed's files read with ``weights_only=True`` and an allowlist, checked before loading.

The loop (trainer.py) decides when to save and what to select; nothing here does.
"""

from __future__ import annotations

from .layout import (AUTO, BEST_MODEL, CHECKPOINT_DIR, CHECKPOINT_INFO, INIT_FROM, LATEST, SEARCH_DIR, CheckpointError,
                     checkpoint_tag_dir, is_complete_tag, load_rank_state, resolve_checkpoint)
from .manager import CheckpointManager
from .resume import check_resume, finished_run_summary, resume_accumulation
from .safe_load import DEEPSPEED_GLOBALS, RefusedCheckpointFile, check_checkpoint_files
from .weights import consolidated_fp32_state, full_fp32_state_dict

__all__ = ["AUTO", "BEST_MODEL", "CHECKPOINT_DIR", "CHECKPOINT_INFO", "DEEPSPEED_GLOBALS", "INIT_FROM", "LATEST",
           "SEARCH_DIR", "CheckpointError", "CheckpointManager", "RefusedCheckpointFile", "check_checkpoint_files",
           "check_resume", "checkpoint_tag_dir", "consolidated_fp32_state",
           "finished_run_summary", "full_fp32_state_dict", "is_complete_tag", "load_rank_state", "resolve_checkpoint",
           "resume_accumulation"]
