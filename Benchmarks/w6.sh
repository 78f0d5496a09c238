#!/usr/bin/env bash
# W6 (Fashion-MNIST, research scale): HopfieldLab's engine against the NumPy implementation of the
# same work, on the same machine, in one run; prints one Markdown table with the ratios.
#   Benchmarks/w6.sh [WORKLOADS]   (default: abcd; needs scripts/fetch-fashion first)
# W6a/W6b/W6c/W6d are described in Benchmarks/HopfieldBench/W6.swift and Benchmarks/python/w6.py;
# W6a also runs through the Python package in one process (Benchmarks/python/package_w6a.py).
# NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (in that command only), so
# OpenBLAS picks its best kernel for this CPU; the kernel and threads are printed. W6b's 1-NN is
# also timed with faiss-cpu's IndexBinaryFlat (installed when missing, as threadpoolctl).
set -euo pipefail
cd "$(dirname "$0")/.."

workloads=${1:-abcd}
[ -d Datasets/fashion ] && [ -d Datasets/fashion-test ] || { echo "w6.sh: run scripts/fetch-fashion first" >&2; exit 1; }
swift build -c release --product hopfield-bench >/dev/null
python3 -c 'import numpy' 2>/dev/null || { echo "w6.sh: needs NumPy (apt-get install python3-numpy)" >&2; exit 1; }
# Which BLAS kernel and threads NumPy used is printed (threadpoolctl), and faiss-cpu's IndexBinaryFlat is the
# 1-NN reference: installed when missing.
python3 -c 'import threadpoolctl, faiss' 2>/dev/null || python3 -m pip install --quiet threadpoolctl faiss-cpu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
.build/release/hopfield-bench w6 --workloads "$workloads" --export "$work" | tee "$work/ours.jsonl" >&2
python_workloads=$(echo "$workloads" | tr -d c | sed 's/./& /g')
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 Benchmarks/python/w6.py "$work" $python_workloads |
  tee "$work/numpy.jsonl" >&2
grep '^numpy BLAS\|^faiss' "$work/numpy.jsonl" || true
python3 Benchmarks/python/w6.py --table "$work/ours.jsonl" "$work/numpy.jsonl"
# W6a through the Python package, against the same NumPy in the same process: the package is
# installed into .venv-python (as scripts/python-test does) from the release C library.
if [[ $workloads == *a* ]]; then
  swift build -c release --product HopfieldC >/dev/null
  venv=.venv-python
  [ -x "$venv/bin/python" ] || python3 -m venv --system-site-packages "$venv"
  HOPFIELD_LIB=$(swift build -c release --show-bin-path)/libHopfieldC.so \
    "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-index ./python
  (cd Benchmarks/python && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "../../$venv/bin/python" package_w6a.py "$work")
fi
