"""The NumPy references of issue 20's workloads, on the arrays `hopfield-bench speed --export DIR`
writes (Benchmarks/speed.sh runs both and prints the table):

- modern: s <- X^T softmax(beta X s) at beta = 0.05 for the 2000 starts at once, float32 BLAS
  products (w6.py's `modern`), until no component moves by more than 1e-6 (float32 cannot see
  HopfieldLab's 1e-9), at most 100 updates.
- dam: one training epoch of Krotov and Hopfield's dense associative memory classifier as
  Krotov's notebook writes it (float64, each mini-batch tiled Nc times with one class neuron on,
  KS @ vv and KS @ uu products, momentum, each memory's step normalised by its largest
  component, clipped to [-1, 1]), K = 200, n = m = 3, T = 30, batches of 100.

    python3 Benchmarks/python/speed.py DIR [m d] [--repeats R]

Prints the BLAS library, kernel and thread count (threadpoolctl), then one JSON object per workload.
"""
import json
import os
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from w6 import blas_line, modern as modern_dynamics  # noqa: E402


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def modern(folder, repeats):
    X = np.load(folder + "/modern-memories.npy")
    S = np.load(folder + "/modern-states.npy")
    modern_dynamics(X, S[:100], beta=0.05)  # warm-up
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        _, steps = modern_dynamics(X, S, beta=0.05, chunk=len(S))
        times.append(time.perf_counter() - t)
    print(json.dumps({"workload": "modern", "implementation": "numpy float32", "memories": len(X), "starts": len(S),
                      "seconds": round(median(times), 4), "steps": steps[0]}), flush=True)


def krotov_epoch(M, KS, VKS, rng, epoch, n=3, m=3, T=30.0, Num=100, eps0=0.02, f=0.95, p=0.6, prec=1e-30, Nc=10):
    """One epoch of Krotov's loop over M (samples x (N + Nc): pixels, then +-1 targets)."""
    Ns, width = M.shape
    N = width - Nc
    beta = 1.0 / T ** n
    aux = -np.ones((Nc, Num * Nc))
    for d in range(Nc):
        aux[d, d * Num:(d + 1) * Num] = 1.0
    eps = eps0 * f ** epoch
    M = M[rng.permutation(Ns), :]
    for i in range(Ns // Num):
        v = M[i * Num:(i + 1) * Num, :]
        t_R = v[:, N:].T
        t = np.reshape(t_R, (1, Nc * Num))
        u = np.concatenate((v[:, :N].T, -np.ones((Nc, Num))), axis=0)
        uu = np.tile(u, (1, Nc))
        vv = np.concatenate((uu[:N, :], aux), axis=0)
        KSvv = np.maximum(np.dot(KS, vv), 0)
        KSuu = np.maximum(np.dot(KS, uu), 0)
        Y = np.tanh(beta * np.sum(KSvv ** n - KSuu ** n, axis=0))
        d_Y = (t - Y) ** (2 * m - 1) * (1 - Y) * (1 + Y)
        d_KS = np.dot(KSvv ** (n - 1) * d_Y, vv.T) - np.dot(KSuu ** (n - 1) * d_Y, uu.T)
        VKS = p * VKS + d_KS
        nc = np.amax(np.absolute(VKS), axis=1).reshape(-1, 1)
        nc[nc < prec] = prec
        KS = np.clip(KS + eps * VKS / nc, -1, 1)
    return KS, VKS


def dam(folder, repeats, K=200, Nc=10):
    images = np.load(folder + "/dam-images.npy").astype(np.float64)
    labels = np.load(folder + "/dam-labels.npy")
    targets = -np.ones((len(labels), Nc))
    targets[np.arange(len(labels)), labels] = 1.0
    M = np.concatenate((images, targets), axis=1)
    rng = np.random.default_rng(1)
    KS = rng.normal(0.0, 0.3, (K, M.shape[1]))
    VKS = np.zeros_like(KS)
    times = []
    for epoch in range(repeats):
        t = time.perf_counter()
        KS, VKS = krotov_epoch(M, KS, VKS, rng, epoch)
        times.append(time.perf_counter() - t)
    print(json.dumps({"workload": "dam", "implementation": "numpy (Krotov's loop, float64)", "images": len(labels),
                      "memories": K, "secondsPerEpoch": round(median(times), 4)}), flush=True)


def table(ours_file, numpy_file):
    ours = {r["workload"]: r for r in (json.loads(line) for line in open(ours_file) if line.strip())}
    theirs = {r["workload"]: r for r in (json.loads(line) for line in open(numpy_file) if line.strip().startswith("{"))}
    print("| workload | HopfieldLab | NumPy | NumPy / HopfieldLab |")
    print("| --- | ---: | ---: | ---: |")
    for name, field, label in (("modern", "seconds", "modern beta=0.05, 1000 memories, 2000 starts (s)"),
                               ("dam", "secondsPerEpoch", "dam training, 60,000 images, K=200 (s/epoch)")):
        if name in ours and name in theirs:
            a, b = ours[name][field], theirs[name][field]
            print("| %s | %.3f | %.3f | %.1fx |" % (label, a, b, b / a))


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table(sys.argv[2], sys.argv[3])
        sys.exit(0)
    args = sys.argv[2:]
    repeats = 3
    if "--repeats" in args:
        k = args.index("--repeats")
        repeats = int(args[k + 1])
        del args[k:k + 2]
    blas_line()
    for name in args or ["m", "d"]:
        {"m": modern, "d": dam}[name](sys.argv[1], repeats)
