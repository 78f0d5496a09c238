"""The NumPy references of the W6 workloads, on the arrays `hopfield-bench w6 --export DIR` writes.

The same work as HopfieldLab's engine, written as a NumPy user would: float32, batched matrix
products (BLAS), a stable softmax; W6b's 1-NN also with faiss-cpu's exact `IndexBinaryFlat`
(k = 1, 2 threads) when faiss is installed. Prints the BLAS library, kernel and threads
(threadpoolctl), then one JSON object per workload.
    python3 Benchmarks/python/w6.py DIR [a b d ...]
W6d runs a sample of the images (asynchronous updates are a Python loop over neurons) and
scales the time to all of them.
"""
import json
import sys
import time

import numpy as np


def blas_line():
    """Which BLAS NumPy runs, its kernel and threads (threadpoolctl), so a table says what it beat."""
    try:
        from threadpoolctl import threadpool_info
        for pool in threadpool_info():
            print("numpy BLAS: %s %s, kernel %s, %d threads" % (pool.get("internal_api"), pool.get("version"),
                                                            pool.get("architecture"), pool.get("num_threads")),
                  flush=True)
    except ImportError:
        print("numpy BLAS: unknown (python3 -m pip install threadpoolctl)", flush=True)


def faiss_nearest(X, S, threads=2):
    """Exact Hamming 1-NN of every row of S among the rows of X (±1 int8) with faiss-cpu's
    IndexBinaryFlat, bits packed as faiss wants them; (indices, seconds of add + search), or None
    without faiss."""
    try:
        import faiss
    except ImportError:
        print("faiss: not installed (python3 -m pip install faiss-cpu)", flush=True)
        return None
    faiss.omp_set_num_threads(threads)
    xb, xq = np.packbits(X > 0, axis=1), np.packbits(S > 0, axis=1)
    t = time.perf_counter()
    index = faiss.IndexBinaryFlat(xb.shape[1] * 8)
    index.add(xb)
    _, nearest = index.search(xq, 1)
    return nearest[:, 0], time.perf_counter() - t


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
    found = faiss_nearest(X, S)
    t = time.perf_counter()
    final, steps = modern(X, S, chunk=500)
    modern_seconds = time.perf_counter() - t
    best = np.concatenate([np.argmax(np.abs(final[i:i + 500] @ Xf.T), axis=1) for i in range(0, len(S), 500)])
    print(json.dumps({"workload": "W6b", "implementation": "numpy", "memories": len(X), "tests": len(S),
                      "nnSeconds": round(nn_seconds, 4), "nnAccuracy": round(float((xl[nearest] == sl).mean()), 4),
                      "modernSeconds": round(modern_seconds, 4), "modernNearestAccuracy": round(float((xl[best] == sl).mean()), 4),
                      "meanSteps": float(np.mean(steps))}), flush=True)
    if found is not None:
        print(json.dumps({"workload": "W6b", "implementation": "faiss", "memories": len(X), "tests": len(S),
                          "nnSeconds": round(found[1], 4), "nnAccuracy": round(float((xl[found[0]] == sl).mean()), 4)}),
              flush=True)


def converge_matrix(W, s, rng, max_sweeps=100):
    """Asynchronous updates in a shuffled order per sweep, s_i <- sign(W_i . s) (ties +1), until
    a sweep changes nothing. Returns the number of sweeps."""
    n = len(s)
    for sweep in range(1, max_sweeps + 1):
        changed = 0
        for i in rng.permutation(n):
            new = 1.0 if W[i] @ s >= 0 else -1.0
            if new != s[i]:
                s[i] = new
                changed += 1
        if changed == 0:
            return sweep
    return max_sweeps


def converge_dense_exponential(X, s, rng, max_sweeps=100):
    """The same for E = -sum_mu exp(x^mu . s): each neuron takes the value of lower energy, the
    overlaps kept in step, the sums scaled by the largest exponent (logsumexp-style)."""
    n = len(s)
    m = X @ s
    for sweep in range(1, max_sweeps + 1):
        changed = 0
        for i in rng.permutation(n):
            x = X[:, i]
            plus, minus = m + x * (1 - s[i]), m - x * (1 + s[i])
            top = max(plus.max(), minus.max())
            new = 1.0 if np.exp(plus - top).sum() - np.exp(minus - top).sum() >= 0 else -1.0
            if new != s[i]:
                m += x * (new - s[i])
                s[i] = new
                changed += 1
        if changed == 0:
            return sweep
    return max_sweeps


def storkey(X):
    """Storkey's rule pattern by pattern, zero diagonal (as HopfieldLab's MatrixNetwork.storkey)."""
    p, n = X.shape
    W = np.zeros((n, n))
    for x in X:
        h = W @ x
        D = (np.outer(x, x) - np.outer(x, h) - np.outer(h, x) + 2 * W) / n
        np.fill_diagonal(D, 0)
        W += D
    return W


def w6d(folder, sample=60):
    """Every rule and P on the first `sample` of the 6,000 images (a Python loop over neurons is
    what asynchronous updates take in NumPy), the time scaled to 6,000 images; networks built once."""
    states = np.load(folder + "/w6d-states.npy").astype(np.float64)
    for count in (200, 500, 1000):
        X = np.load(folder + "/w6d-memories-%d.npy" % count).astype(np.float64)
        for rule in ("pseudoinverse", "dense-exponential", "storkey", "hebbian"):
            t = time.perf_counter()
            W = None
            if rule == "pseudoinverse":
                W = X.T @ np.linalg.inv(X @ X.T) @ X
            elif rule == "storkey":
                W = storkey(X)
            elif rule == "hebbian":
                W = X.T @ X
            if W is not None:
                np.fill_diagonal(W, 0)
            build = time.perf_counter() - t
            t = time.perf_counter()
            sweeps = []
            for k in range(sample):
                s = states[k].copy()
                rng = np.random.default_rng(k)
                sweeps.append(converge_dense_exponential(X, s, rng) if W is None else converge_matrix(W, s, rng))
            per_image = (time.perf_counter() - t) / sample
            print(json.dumps({"workload": "W6d", "implementation": "numpy", "rule": rule, "memories": count,
                              "images": len(states), "sampled": sample, "seconds": round(build + per_image * len(states), 2),
                              "networkSeconds": round(build, 4), "meanSweeps": float(np.mean(sweeps))}), flush=True)


def table(ours_file, numpy_file):
    """One Markdown table: each workload's time here and in NumPy, and the ratio."""
    ours = [json.loads(line) for line in open(ours_file) if line.startswith("{")]
    theirs = [json.loads(line) for line in open(numpy_file) if line.startswith("{")]
    def key(r):
        return (r["workload"], r.get("rule", ""), r.get("memories", 0))
    numpy_by_key = {key(r): r for r in theirs if r.get("implementation") != "faiss"}
    faiss_by_key = {key(r): r for r in theirs if r.get("implementation") == "faiss"}
    print("| workload | HopfieldLab (s) | reference (s) | ratio |")
    print("| --- | ---: | ---: | ---: |")
    for r in ours:
        rows = [("nn", "nnSeconds", numpy_by_key), ("nn", "nnSeconds", faiss_by_key), ("modern", "modernSeconds", numpy_by_key)] \
            if r["workload"] == "W6b" else [("", "seconds", numpy_by_key)]
        for label, field, references in rows:
            name = " ".join(x for x in (r["workload"], r.get("rule", ""), "P=%d" % r["memories"] if r["workload"] == "W6d" else "", label) if x)
            other = references.get(key(r), {}).get(field)
            which = "faiss IndexBinaryFlat" if references is faiss_by_key else "NumPy"
            if references is faiss_by_key and other is None:
                continue
            ratio = "%.2fx" % (other / r[field]) if other else "-"
            print("| %s | %.2f | %s %s | %s |" % (name, r[field], which, "%.2f" % other if other else "-", ratio))


if __name__ == "__main__":
    if sys.argv[1] == "--table":
        table(sys.argv[2], sys.argv[3])
        sys.exit(0)
    folder = sys.argv[1]
    chosen = sys.argv[2:] or ["a", "b"]
    blas_line()
    for name in chosen:
        {"a": w6a, "b": w6b, "d": w6d}[name](folder)
