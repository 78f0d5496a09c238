"""Basin radii by bisection, written independently of HopfieldLab with NumPy.

Usage: basins_ref.py MEMORIES.npy RULE TRIALS STEPS QUORUM CRITERION OVERLAP SEED

Reads the stored patterns (int8 ±1, P × N) a basins run wrote (`outputs.states`), builds the
rule's weights (hebbian: W = XᵀX; storkey: Storkey's 1997 rule with 1/N; pseudoinverse:
Xᵀ(XXᵀ)⁻¹X; zero diagonal for all three), and for each memory bisects over the number k of
flipped bits in 0…N/2+1 exactly as documented for `task: basins` (0 first; then STEPS halvings,
stopping at one bit; a level is inside when at least QUORUM·TRIALS of its TRIALS starts are
recalled). Starts and update orders come from NumPy's own generator (SEED), so the radii agree
with the tool's in distribution, not draw for draw. Prints per memory its radius (k/N) and
whether it is a fixed point (1 or 0), which depends on no draw.
"""
import sys

import numpy as np


def weights(x, rule):
    p, n = x.shape
    xf = x.astype(np.float64)
    if rule == "hebbian":
        w = xf.T @ xf
    elif rule == "storkey":
        w = np.zeros((n, n))
        for xi in xf:
            h = w @ xi  # h_i = Σ_k W_ik x_k (W_ii = 0)
            # h_ij = h_i − W_ij x_j (k ≠ i, j), so W_ij += (x_i x_j − x_i h_ji − h_ij x_j)/N
            hij = h[:, None] - w * xi[None, :]
            w = w + (np.outer(xi, xi) - xi[:, None] * hij.T - hij * xi[None, :]) / n
            np.fill_diagonal(w, 0)
    elif rule == "pseudoinverse":
        w = xf.T @ np.linalg.pinv(xf @ xf.T) @ xf
    else:
        raise SystemExit(f"unknown rule {rule}")
    np.fill_diagonal(w, 0)
    return w


def converge(w, s, rng, max_sweeps=100):
    """Asynchronous updates in a fresh random order per sweep until a sweep changes nothing."""
    n = len(s)
    tol = 1e-9 * np.abs(w).sum(axis=1).max()
    h = w @ s
    for _ in range(max_sweeps):
        changed = 0
        for i in rng.permutation(n):
            new = 1.0 if h[i] > tol else (-1.0 if h[i] < -tol else 1.0)
            if new != s[i]:
                h += w[:, i] * (new - s[i])
                s[i] = new
                changed += 1
        if changed == 0:
            break
    return s


def recalled(w, x, k, trials, criterion, overlap, rng):
    n = len(x)
    hits = 0
    for _ in range(trials):
        s = x.copy()
        flip = rng.choice(n, size=k, replace=False)
        s[flip] = -s[flip]
        s = converge(w, s, rng)
        if criterion == "exact":
            hits += bool(np.array_equal(s, x))
        else:
            hits += bool(s @ x / n >= overlap - 1e-12)
    return hits


def radius(w, x, trials, steps, quorum, criterion, overlap, rng):
    n = len(x)
    need = quorum * trials - 1e-9
    if recalled(w, x, 0, trials, criterion, overlap, rng) < need:
        return 0.0
    inside, outside = 0, n // 2 + 1
    for _ in range(steps):
        if outside - inside <= 1:
            break
        middle = (inside + outside) // 2
        if recalled(w, x, middle, trials, criterion, overlap, rng) >= need:
            inside = middle
        else:
            outside = middle
    return inside / n


def main():
    path, rule, trials, steps, quorum, criterion, overlap, seed = sys.argv[1:9]
    x = np.load(path).astype(np.float64)
    w = weights(x, rule)
    rng = np.random.default_rng(int(seed))
    for mu in range(x.shape[0]):
        r = radius(w, x[mu], int(trials), int(steps), float(quorum), criterion, float(overlap), rng)
        tol = 1e-9 * np.abs(w).sum(axis=1).max()
        h = w @ x[mu]
        stable = all((1.0 if hi > tol else (-1.0 if hi < -tol else 1.0)) == xi for hi, xi in zip(h, x[mu]))
        print(f"{r:.6f} {int(stable)}")


if __name__ == "__main__":
    main()
