# shellcheck shell=bash
# Shared by the SLURM scripts (sourced): the allocation's node addresses, GPUs and ranks per node.

# The address other nodes reach node $1 at: its NodeAddr, or its name where none is set.
node_addr() {
  local addr
  addr=$(scontrol show node "$1" -o | tr ' ' '\n' | sed -n 's/^NodeAddr=//p')
  echo "${addr:-$1}"
}

# GPUs per node of this allocation; 0 without any. (--gpus-per-node=a100:4 gives "a100:4".)
gpus_per_node() {
  local gpus=${SLURM_GPUS_PER_NODE:-${SLURM_GPUS_ON_NODE:-0}}
  echo "${gpus##*:}"
}

# Ranks per node by default: one per GPU, or one on a node without GPUs.
default_ranks_per_node() {
  local gpus
  gpus=$(gpus_per_node)
  if [ "$gpus" -gt 0 ]; then echo "$gpus"; else echo 1; fi
}
