#!/usr/bin/env bash
# Write a DeepSpeed hostfile ("host slots=N" per line) for the nodes of the current SLURM allocation.
#   bash launch/slurm/hostfile.sh OUT [SLOTS]
# SLOTS: ranks per node; default the GPUs SLURM gave each node, or 1 where it gave none.
# Run inside an allocation (sbatch, salloc); SLURM_JOB_NODELIST names the nodes.
set -euo pipefail
out=${1:?usage: hostfile.sh OUT [SLOTS]}
: "${SLURM_JOB_NODELIST:?not inside a SLURM allocation (SLURM_JOB_NODELIST is unset)}"
# shellcheck source=launch/slurm/common.sh
source "$(dirname "$0")/common.sh"
slots=${2:-$(default_ranks_per_node)}
if ! [[ $slots =~ ^[1-9][0-9]*$ ]]; then
  echo "hostfile.sh: slots must be a positive integer, got '$slots'" >&2
  exit 2
fi
tmp=$(mktemp "$out.XXXXXX")
scontrol show hostnames "$SLURM_JOB_NODELIST" | awk -v slots="$slots" '{print $1 " slots=" slots}' > "$tmp"
mv "$tmp" "$out"
