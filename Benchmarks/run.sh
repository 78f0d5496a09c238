#!/usr/bin/env bash
# Benchmarks HopfieldLab against the Python implementations users have today, on the same
# machine and data: builds the release binaries, creates a virtualenv outside the repository
# (numpy, pillow, tensorflow-cpu from PyPI), and prints one table.
#   Benchmarks/run.sh [DATASET]   (default: ../shared/datasets/catsdogs)
set -euo pipefail
cd "$(dirname "$0")/.."

dataset=${1:-../shared/datasets/catsdogs}
venv=${HOPFIELDLAB_BENCH_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/hopfieldlab-bench-venv}
scripts/setup-system
swift build -c release --product hopfield --product hopfield-bench >/dev/null 2>&1 || swift build -c release >/dev/null
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import numpy, PIL, tensorflow' 2>/dev/null; then
  echo "run.sh: creating $venv (numpy, pillow, tensorflow-cpu)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet numpy pillow tensorflow-cpu
fi
# NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (in this command only: OpenBLAS picks
# its best kernel for this CPU).
exec env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE "$venv/bin/python" Benchmarks/compare.py "$dataset"
