#!/usr/bin/env bash
# The CNN encoder (features.encoder "cnn"): HopfieldLab's EfficientNet-Lite0 against the NumPy
# reference (Benchmarks/python/efficientnet_ref.py) on the same machine in one run, then the
# whole encoding of a photo folder (decode, resize, network) with the tool.
#   Benchmarks/cnn.sh [PHOTO_FOLDER]   (needs scripts/fetch-encoder; default folder: the shared cats and dogs)
# NumPy runs with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset (in that command only), so
# OpenBLAS picks its best kernel for this CPU; the kernel is printed.
set -euo pipefail
cd "$(dirname "$0")/.."
weights=Datasets/encoders/efficientnet-lite0.hlnn
photos=${1:-../shared/datasets/catsdogs}
[ -f "$weights" ] || { echo "cnn.sh: run scripts/fetch-encoder first" >&2; exit 1; }
swift build -c release --product cnn-bench >/dev/null
swift build -c release --product hopfield >/dev/null
echo "== features of random 224x224 images, batches of 16"
.build/release/cnn-bench "$weights" --images 16 --runs 5
python3 -c 'import threadpoolctl' 2>/dev/null || python3 -m pip install --quiet threadpoolctl  # prints NumPy's BLAS kernel
env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 Benchmarks/python/cnn_bench.py "$weights" 16 5
echo "== $photos encoded from the files (no cache), 2 threads"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
start=$(date +%s.%N)
.build/release/hopfield dataset export "$photos" --out "$out" --features cnn --no-cache --jobs 2 --force >/dev/null 2>&1
end=$(date +%s.%N)
python3 -c "import sys; n=$(($(wc -l < "$out/index.csv") - 1)); t=$end-$start; print('%d photos in %.1f s: %.1f photos/s' % (n, t, n / t))"
