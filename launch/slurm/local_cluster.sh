#!/usr/bin/env bash
# A real SLURM cluster on this machine for tests: one controller and N emulated compute nodes
# (Debian's slurmctld/slurmd with multiple-slurmd support), with a private munge daemon and every
# state, spool, pid and log file under STATE_DIR, on free ports of its own. Installs Debian's slurmctld,
# slurmd, slurm-client and munge with apt-get if they are missing (root). `down` stops only the
# daemons this directory's pid files name: another checkout's cluster, or a real one, is never touched.
#   bash launch/slurm/local_cluster.sh up [NODES]     # prints the env line to source (SLURM_CONF=...)
#   bash launch/slurm/local_cluster.sh down
set -euo pipefail
# One directory per checkout (two checkouts' test runs may overlap on a machine).
CHECKOUT_ID=$(cd "$(dirname "$0")/../.." && pwd | sha256sum | cut -c1-10)
STATE_DIR=${SLURM_LOCAL_DIR:-/tmp/dist_mmfuse_slurm_$CHECKOUT_ID}
NODES=${2:-2}
CPUS=$(nproc)
MEM_MB=$(( $(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2 ))

install_packages() {
  if ! command -v slurmctld >/dev/null || ! command -v slurmd >/dev/null || ! command -v munged >/dev/null; then
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends slurmctld slurmd slurm-client munge >&2
  fi
}

up() {
  install_packages
  down >/dev/null 2>&1 || true
  mkdir -p "$STATE_DIR"/{munge,ctld,spool,log,run}
  # Free ports for the controller and each node (SLURM's defaults would clash with another cluster here).
  read -r -a PORTS <<< "$(python3 -c 'import socket, sys
socks = [socket.socket() for _ in range(int(sys.argv[1]))]
for s in socks:
    s.bind(("127.0.0.1", 0))
print(" ".join(str(s.getsockname()[1]) for s in socks))' $((NODES + 1)))"
  chmod 0755 "$STATE_DIR"
  chown munge:munge "$STATE_DIR/munge"; chmod 0700 "$STATE_DIR/munge"
  dd if=/dev/urandom of="$STATE_DIR/munge/munge.key" bs=1024 count=1 status=none
  chown munge:munge "$STATE_DIR/munge/munge.key"; chmod 0400 "$STATE_DIR/munge/munge.key"
  runuser -u munge -- munged --key-file="$STATE_DIR/munge/munge.key" --socket="$STATE_DIR/munge/munge.socket" \
    --pid-file="$STATE_DIR/munge/munged.pid" --log-file="$STATE_DIR/munge/munged.log" --seed-file="$STATE_DIR/munge/seed" --force
  {
    echo "ClusterName=dist_mmfuse_local"
    echo "SlurmctldHost=localhost"
    echo "SlurmctldPort=${PORTS[0]}"
    echo "SlurmUser=root"
    echo "AuthType=auth/munge"
    echo "CredType=cred/munge"
    # cred_expire also delays a requeued job's restart (120 s by default)
    echo "AuthInfo=socket=$STATE_DIR/munge/munge.socket,cred_expire=10"
    echo "KillWait=5"
    echo "ProctrackType=proctrack/linuxproc"
    echo "TaskPlugin=task/none"
    echo "JobAcctGatherType=jobacct_gather/none"
    echo "AccountingStorageType=accounting_storage/none"
    echo "JobCompType=jobcomp/filetxt"
    echo "JobCompLoc=$STATE_DIR/log/jobcomp.txt"
    echo "SelectType=select/cons_tres"
    echo "SelectTypeParameters=CR_Core_Memory"
    echo "DefMemPerCPU=1024"
    # a requeued job becomes eligible later; the main loop (every 60 s by default) then starts it
    echo "SchedulerParameters=batch_sched_delay=0,sched_interval=2"
    echo "MinJobAge=600"
    echo "ReturnToService=2"
    echo "SlurmdParameters=config_overrides"
    echo "StateSaveLocation=$STATE_DIR/ctld"
    echo "SlurmdSpoolDir=$STATE_DIR/spool/%n"
    echo "SlurmctldPidFile=$STATE_DIR/run/slurmctld.pid"
    echo "SlurmdPidFile=$STATE_DIR/run/slurmd.%n.pid"
    echo "SlurmctldLogFile=$STATE_DIR/log/slurmctld.log"
    echo "SlurmdLogFile=$STATE_DIR/log/slurmd.%n.log"
    for i in $(seq 1 "$NODES"); do
      echo "NodeName=node$i NodeAddr=127.0.0.1 Port=${PORTS[$i]} CPUs=$CPUS RealMemory=$MEM_MB State=UNKNOWN"
    done
    echo "PartitionName=debug Nodes=ALL Default=YES MaxTime=INFINITE State=UP"
  } > "$STATE_DIR/slurm.conf"
  export SLURM_CONF="$STATE_DIR/slurm.conf"
  slurmctld -i
  for i in $(seq 1 "$NODES"); do slurmd -N "node$i"; done
  for _ in $(seq 1 100); do
    if [ "$(sinfo -h -t idle -o %D 2>/dev/null | awk '{s+=$1} END {print s+0}')" -ge "$NODES" ]; then
      echo "export SLURM_CONF=$SLURM_CONF"
      return 0
    fi
    sleep 0.2
  done
  echo "local SLURM cluster did not come up; logs in $STATE_DIR/log" >&2
  return 1
}

down() {
  # Only the daemons this cluster's pid files name; those still there after 10 s are killed.
  local pids=()
  for pidfile in "$STATE_DIR"/run/slurmd.*.pid "$STATE_DIR"/run/slurmctld.pid "$STATE_DIR"/munge/munged.pid; do
    [ -f "$pidfile" ] && pids+=("$(cat "$pidfile")")
  done
  [ ${#pids[@]} -gt 0 ] && kill "${pids[@]}" 2>/dev/null || true
  for _ in $(seq 1 50); do
    alive=0
    for pid in "${pids[@]}"; do kill -0 "$pid" 2>/dev/null && alive=1; done
    [ "$alive" = 0 ] && break
    sleep 0.2
  done
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$STATE_DIR"
}

case "${1:-}" in
  up) up ;;
  down) down ;;
  *) echo "usage: $0 up [NODES] | down" >&2; exit 2 ;;
esac
