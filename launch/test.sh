#!/usr/bin/env bash
# The README's second command: set up and run the test suite.
# The SLURM tests submit jobs to a real cluster: unless SLURM_CONF already names one, a local controller
# with two emulated nodes is brought up here (as root: Debian's slurmctld, slurmd, slurm-client and munge
# are installed with apt-get if missing), in a directory and on ports of its own, and only its own daemons
# are stopped when the tests end, whatever their outcome. SLURM_LOCAL=0 skips that (the SLURM tests then
# skip, saying why).
set -euo pipefail
cd "$(dirname "$0")/.."
bash launch/setup_env.sh
export HF_HUB_OFFLINE=1 DS_ACCELERATOR=${DS_ACCELERATOR:-cpu} TORCH_EXTENSIONS_DIR=${TORCH_EXTENSIONS_DIR:-$PWD/.venv/torch_extensions}
if [ -z "${SLURM_CONF:-}" ] && [ "${SLURM_LOCAL:-1}" != 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test.sh: starting a local SLURM cluster for the SLURM tests (a controller, 2 nodes and munge; Debian's" \
         "packages installed with apt-get if missing); it is stopped when the tests end (SLURM_LOCAL=0: skip it)" >&2
    trap 'bash launch/slurm/local_cluster.sh down' EXIT
    eval "$(bash launch/slurm/local_cluster.sh up 2)"
  else
    echo "test.sh: not root, so no local SLURM cluster; the SLURM tests will skip" >&2
  fi
fi
if ! command -v espeak-ng > /dev/null && [ "$(id -u)" -eq 0 ]; then
  echo "test.sh: installing espeak-ng with apt-get: the media tests make speech with it" >&2
  (apt-get install -y -qq --no-install-recommends espeak-ng || { apt-get update -qq && apt-get install -y -qq --no-install-recommends espeak-ng; }) >&2
fi
status=0
# Two workers (TEST_WORKERS=0: one process); tests/conftest.py keeps cluster tests and shared fixtures together.
.venv/bin/python -m pytest -q --durations=40 --numprocesses "${TEST_WORKERS:-2}" --dist loadgroup "$@" || status=$?
exit $status
