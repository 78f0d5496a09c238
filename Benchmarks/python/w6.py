"""The NumPy references of the W6 workloads, on the arrays `hopfield-bench w6 --export DIR` writes.

The same work as HopfieldLab's engine, written as a NumPy user would: float32, batched matrix
products (BLAS), a stable softmax. Prints one JSON object per workload.
    python3 Benchmarks/python/w6.py DIR [a b d ...]
"""
import json
import sys
import time

import numpy as np


def modern(memories, states, beta=1.0, tolerance=1e-6, max_steps=100, chunk=2000):
    """s <- X^T softmax(beta X s) for every state, in chunks, until no component of the chunk
    moves by more than `tolerance` (float32 cannot see 1e-9), at most `max_steps` updates.
    Returns the final states and the steps per chunk."""
    X = memories.astype(np.float32)
    out = np.empty(states.shape, dtype=np.float32)
    steps = []
    for start in range(0, len(states), chunk):
        S = states[start:start + chunk].astype(np.float32)
        for step in range(1, max_steps + 1):
            Z = beta * (S @ X.T)
            Z -= Z.max(axis=1, keepdims=True)
            np.exp(Z, out=Z)
            Z /= Z.sum(axis=1, keepdims=True)
            nxt = Z @ X
            moved = np.abs(nxt - S).max()
            S = nxt
            if moved <= tolerance:
                break
        steps.append(step)
        out[start:start + chunk] = S
    return out, steps


def w6a(folder):
    X = np.load(folder + "/w6a-memories.npy")
    S = np.load(folder + "/w6a-states.npy")
    t = time.perf_counter()
    final, steps = modern(X, S)
    seconds = time.perf_counter() - t
    retrieved = int((np.abs(final @ X.T.astype(np.float32)) >= X.shape[1] * 0.99).any(axis=1).sum())
    print(json.dumps({"workload": "W6a", "implementation": "numpy", "images": len(S), "memories": len(X),
                      "seconds": round(seconds, 4), "meanSteps": float(np.mean(steps)), "retrieved": retrieved}))


def w6b(folder):
    X = np.load(folder + "/w6b-memories.npy")
    S = np.load(folder + "/w6b-tests.npy")
    xl = np.load(folder + "/w6b-memory-labels.npy")
    sl = np.load(folder + "/w6b-test-labels.npy")
    Xf = X.astype(np.float32)
    t = time.perf_counter()
    nearest = np.concatenate([np.argmax(S[i:i + 500].astype(np.float32) @ Xf.T, axis=1) for i in range(0, len(S), 500)])
    nn_seconds = time.perf_counter() - t
    t = time.perf_counter()
    final, steps = modern(X, S, chunk=500)
    modern_seconds = time.perf_counter() - t
    best = np.concatenate([np.argmax(np.abs(final[i:i + 500] @ Xf.T), axis=1) for i in range(0, len(S), 500)])
    print(json.dumps({"workload": "W6b", "implementation": "numpy", "memories": len(X), "tests": len(S),
                      "nnSeconds": round(nn_seconds, 4), "nnAccuracy": round(float((xl[nearest] == sl).mean()), 4),
                      "modernSeconds": round(modern_seconds, 4), "modernNearestAccuracy": round(float((xl[best] == sl).mean()), 4),
                      "meanSteps": float(np.mean(steps))}))


if __name__ == "__main__":
    folder = sys.argv[1]
    chosen = sys.argv[2:] or ["a", "b"]
    for name in chosen:
        {"a": w6a, "b": w6b}[name](folder)
