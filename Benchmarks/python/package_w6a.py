"""W6a in one Python process: the hopfieldlab package against the NumPy reference (w6.modern: float32
BLAS, the same dynamics) on the same arrays, w6a-memories.npy and w6a-states.npy as written by
`hopfield-bench w6 --workloads a --export DIR`.

    python package_w6a.py DIR [REPEATS]     (Benchmarks/w6.sh a runs it)

Run it with OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset, so that OpenBLAS picks its best kernel;
the BLAS kernel and threads are printed (threadpoolctl), then one JSON object per side and the
ratio. The package's time includes building the network (hl.Network) and copying the results out.
"""
import json
import sys
import time
from statistics import median

import numpy as np

import hopfieldlab as hl
from w6 import blas_line, modern


def main(folder, repeats):
    X = np.load(folder + "/w6a-memories.npy")
    S = np.load(folder + "/w6a-states.npy")
    blas_line()
    ours, theirs, result = [], [], None
    for _ in range(repeats):  # alternated, so that a slow spell of the machine hits both
        t = time.perf_counter()
        result = hl.Network(X, rule="modern", beta=1).converge(S, mode="sync", jobs=2)
        ours.append(time.perf_counter() - t)
        t = time.perf_counter()
        _, steps = modern(X, S)
        theirs.append(time.perf_counter() - t)
    states, sweeps, status = result
    converged = int(sum(1 for s in status if s == "converged"))
    print(json.dumps({"workload": "W6a", "implementation": "hopfieldlab (Python package, in process)", "images": len(S),
                      "memories": len(X), "seconds": round(median(ours), 4), "meanSteps": float(np.mean(sweeps)),
                      "converged": converged}), flush=True)
    print(json.dumps({"workload": "W6a", "implementation": "numpy float32 (same process)", "images": len(S),
                      "memories": len(X), "seconds": round(median(theirs), 4), "meanSteps": float(np.mean(steps))}),
          flush=True)
    print("| W6a in one Python process | hopfieldlab %.2f s | NumPy %.2f s | %.1fx |"
          % (median(ours), median(theirs), median(theirs) / median(ours)))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 1)
