#!/usr/bin/env bash
# Every GPU figure of docs/performance.md's throughput section, in one run on one GPU:
#   MMIM at batch 1,024 and 2,048, then TupleInfoNCE and Self-MI at 2,048; each end to end from shards
#   and with one batch cached on the GPU; each with samples/s, MFU against the bf16 matrix rate measured
#   at the start, peak memory, and a profile of where the step goes (bench/step_profile.py).
#
#   bash bench/gpu_throughput.sh OUT_DIR          # on the GPU machine, from the repository root
#   TINY=1 bash bench/gpu_throughput.sh OUT_DIR   # the same sequence at CPU sizes: checks the script only
#
# Each measurement is its own process appending to OUT_DIR/results.jsonl, so what finished is kept if a
# later one fails or the run is cut short; profiles go to OUT_DIR/profiles/. A machine without the
# project's packages gets them from wheels in .whl/ (bench/device_wheels.sh makes them).
set -uo pipefail
out=$(realpath -m "${1:?usage: bench/gpu_throughput.sh OUT_DIR}")
mkdir -p "$out/profiles"
cd "$(dirname "$0")/.."
export PYTHONUNBUFFERED=1 PYTHONPATH=$PWD${PYTHONPATH:+:$PYTHONPATH}
python=${PYTHON:-python3}
if [ -d .whl ] && ! $python -c "import deepspeed, pydantic, wids" 2>/dev/null; then
  $python -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl \
    || { echo "gpu_throughput.sh: installing the wheels of .whl/ failed" >&2; exit 2; }
  export PYTHONPATH=$PYTHONPATH:/tmp/site
fi
if [ "${TINY:-0}" = 1 ]; then
  common=(--text-model minilm --samples 256 --steps 2 --warmup 1 --workers 1 --profile-steps 2
          --deepspeed-config configs/deepspeed/zero0_fp32.json --data "$out/shards")
  small=8 large=16 limit=900
else
  # 24,576 samples: at batch 2,048 each of 12 workers streams a whole batch per epoch, or more.
  common=(--text-model bert-base --samples 24576 --steps 30 --warmup 5 --workers 12 --profile-steps 10
          --deepspeed-config configs/deepspeed/zero0_bf16.json --data /tmp/bench_mosi_unaligned)
  small=1024 large=2048 limit=240
  nvidia-smi > "$out/nvidia-smi.txt" 2>&1
fi
$python -c "import torch, sys; print('torch', torch.__version__, 'python', sys.version.split()[0])" | tee "$out/versions.txt"

failed=0
measure() {  # measure NAME ARGS...: one process, its log kept, its JSON line appended to results.jsonl
  local name=$1; shift
  echo "== $name: $*" | tee -a "$out/log.txt"
  if ! timeout "$limit" $python bench/train_throughput.py "${common[@]}" --profile "$out/profiles" \
      --out "$out/results.jsonl" "$@" >>"$out/log.txt" 2>&1; then
    echo "!! $name failed or ran out of time (see log.txt)" | tee -a "$out/log.txt"
    failed=1
    return
  fi
  tail -n 1 "$out/results.jsonl"
}

echo "== shards" | tee -a "$out/log.txt"
timeout 600 $python bench/train_throughput.py "${common[@]}" --prepare-only >>"$out/log.txt" 2>&1 \
  || { echo "!! building the shards failed (see log.txt)"; exit 1; }
measure "MMIM from shards" --objective mmim --batch-sizes "$small,$large"
measure "MMIM cached" --objective mmim --batch-sizes "$small,$large" --cached-batch
measure "TupleInfoNCE from shards" --objective tuple_infonce --batch-sizes "$large"
measure "TupleInfoNCE cached" --objective tuple_infonce --batch-sizes "$large" --cached-batch
measure "Self-MI from shards" --objective self_mi --batch-sizes "$large"
measure "Self-MI cached" --objective self_mi --batch-sizes "$large" --cached-batch
$python bench/throughput_table.py "$out/results.jsonl" | tee "$out/table.md"
exit $failed
