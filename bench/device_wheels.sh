#!/usr/bin/env bash
# Wheels of the packages the benchmarks need that a lent GPU machine's image lacks (its python3 3.12
# already has torch, transformers, numpy, pyarrow, scipy, scikit-learn, fsspec, tensorboard, ...), into
# .whl/ (git-ignored), for bench/gpu_throughput.sh to install there. DeepSpeed ships no wheel: it is
# built here, without its compiled ops (the benchmarks use none).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf .whl && mkdir .whl
python3 -m pip download -q --no-deps --only-binary=:all: --python-version 3.12 --implementation cp \
  --platform manylinux_2_28_x86_64 --platform manylinux_2_17_x86_64 --platform manylinux2014_x86_64 -d .whl \
  pydantic==2.14.4 pydantic_core==2.50.5 annotated-types==0.8.0 typing-inspection==0.4.5 \
  typing_extensions==4.16.0 hjson==3.1.0 webdataset==1.0.2 wids==0.1.11 braceexpand==0.1.7 tenacity==9.2.1
DS_BUILD_OPS=0 .venv/bin/pip wheel -q --no-deps --no-build-isolation -w .whl deepspeed==0.19.8
ls .whl
