"""The NumPy reference of the CNN encoder (efficientnet_ref.py) timed on random 224x224 RGB
images in batches, as Benchmarks/cnn.sh runs it beside cnn-bench:

    python3 Benchmarks/python/cnn_bench.py WEIGHTS IMAGES RUNS

Prints the BLAS library, kernel and thread count NumPy uses (threadpoolctl) and the median
images/s over RUNS batches of IMAGES images (the time does not depend on the content).
"""
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import efficientnet_ref as ref  # noqa: E402


def main():
    weights, count, runs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    try:
        from threadpoolctl import threadpool_info
        for pool in threadpool_info():
            print("numpy BLAS: %s %s, kernel %s, %d threads" % (pool.get("internal_api"), pool.get("version"),
                                                            pool.get("architecture"), pool.get("num_threads")))
    except ImportError:
        print("numpy BLAS: unknown (python3 -m pip install threadpoolctl)")
    model = ref.load(weights)
    images = np.random.default_rng(1).integers(0, 256, size=(count, 224, 224, 3), dtype=np.uint8)
    model.features_batch(images[:2])  # warm-up
    rates = []
    for _ in range(runs):
        start = time.perf_counter()
        model.features_batch(images)
        rates.append(count / (time.perf_counter() - start))
    rates.sort()
    print("numpy reference: median %.1f images/s (min %.1f, max %.1f) over %d batches of %d"
          % (rates[len(rates) // 2], rates[0], rates[-1], runs, count))


if __name__ == "__main__":
    main()
