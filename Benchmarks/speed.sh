#!/usr/bin/env bash
# Issue 20 ("honest speed"): the modern network at beta = 0.05 (1000 memories, 2000 starts) and the
# dam classifier's training epoch (60,000 images, K = 200) against their NumPy references
# (Benchmarks/python/speed.py), on the same machine in one run; prints one Markdown table.
#   Benchmarks/speed.sh [WORKLOADS] [REPEATS]   (default: md 3; needs scripts/fetch-fashion first)
# NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (in that command only), so
# OpenBLAS picks its best kernel for this CPU; the kernel and threads are printed.
set -euo pipefail
cd "$(dirname "$0")/.."

workloads=${1:-md}
repeats=${2:-3}
[ -d Datasets/fashion ] || { echo "speed.sh: run scripts/fetch-fashion first" >&2; exit 1; }
swift build -c release --product hopfield-bench >/dev/null
python3 -c 'import numpy' 2>/dev/null || { echo "speed.sh: needs NumPy (apt-get install python3-numpy)" >&2; exit 1; }
# Which BLAS kernel and threads NumPy used is printed (threadpoolctl): installed when missing.
python3 -c 'import threadpoolctl' 2>/dev/null || python3 -m pip install --quiet threadpoolctl
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/hopfield-bench speed --workloads "$workloads" --repeats "$repeats" --export "$work" | tee "$work/ours.jsonl" >&2
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 Benchmarks/python/speed.py "$work" $(echo "$workloads" | sed 's/./& /g') \
  --repeats "$repeats" | tee "$work/numpy.jsonl" >&2
grep '^numpy BLAS' "$work/numpy.jsonl"
python3 Benchmarks/python/speed.py --table "$work/ours.jsonl" "$work/numpy.jsonl"
