"""Networks: every rule, the dynamics and their streams, energies, weights, errors."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest

import hopfieldlab as hl

RULES = [("hebbian", {}), ("storkey", {}), ("pseudoinverse", {}), ("dense", {"interaction": "exponential"}),
         ("dense", {"interaction": "polynomial", "degree": 4}), ("modern", {"beta": 0.5})]


def random_patterns(p, n, seed):
    return np.random.default_rng(seed).choice(np.array([-1, 1], dtype=np.int8), size=(p, n))


def flip(x, fraction, seed):
    """x with round(fraction·N) entries of each row negated (distinct entries)."""
    rng = np.random.default_rng(seed)
    out = np.array(x, copy=True)
    for row in out:
        row[rng.permutation(row.size)[: int(round(fraction * row.size))]] *= -1
    return out


def hebbian_weights(x):
    w = x.astype(np.int64).T @ x.astype(np.int64)
    np.fill_diagonal(w, 0)
    return w


def test_hebbian_energy_and_weights_match_numpy():
    x = random_patterns(5, 64, seed=1)
    net = hl.Network(x, rule="hebbian")
    w = hebbian_weights(x) / x.shape[1]  # J = XᵀX/N, notebook 001's scale (energies of every rule on one scale)
    assert np.array_equal(net.weights(), w)
    s = random_patterns(7, 64, seed=2)
    expected = -0.5 * np.einsum("ki,ij,kj->k", s, w, s)
    assert np.array_equal(net.energy(s), expected)
    assert net.energy(s[3]) == expected[3]  # one 1-D state: a float


def test_converge_shapes_types_and_statuses(small):
    X, y, classes = small
    net = hl.Network(X[:10], rule="hebbian")
    S, sweeps, status = net.converge(X[10:20], mode="async", seed=1, max_sweeps=100)
    assert S.dtype == np.int8 and S.shape == (10, X.shape[1])
    assert set(np.unique(S)) <= {-1, 1}
    assert sweeps.shape == (10,) and (sweeps >= 1).all()
    assert status.shape == (10,) and set(status) <= set(hl.STATUSES)
    E = net.energy(S)
    assert E.shape == (10,)
    assert (E <= net.energy(X[10:20])).all()  # asynchronous updates never raise the energy
    assert np.array_equal(X[10:20], small.X[10:20])  # the starts are not modified


def test_every_rule_converges_with_energies_that_do_not_rise():
    x = random_patterns(6, 100, seed=3)
    starts = flip(x, 0.1, seed=4)
    for rule, params in RULES:
        net = hl.Network(x, rule, **params)
        r = net.settle(starts, seed=5)
        assert (r.status == "converged").all(), rule
        assert (r.energy_end <= r.energy_start + 1e-9).all(), rule
        assert np.allclose(net.energy(starts), r.energy_start), rule
        assert np.allclose(net.energy(r.states), r.energy_end), rule
        # 10% noise on 6 random patterns of 100 neurons: every rule retrieves the memory.
        assert (r.match == "memory").all() and np.array_equal(r.memory, np.arange(6)), rule


def test_trained_and_layered_rules_build_and_run(small):
    X = small.X[::20][:10]  # one digit per class
    for rule, params in [("perceptron", {"max_epochs": 20}), ("rbm", {"hidden": 16, "epochs": 3}), ("hebbian-rbm", {}),
                         ("conv", {"kernel": 3, "max_epochs": 5})]:
        net = hl.Network(X, rule, seed=7, **params)
        assert net.rule == rule
        S, sweeps, status = net.converge(X, seed=1, max_sweeps=20)
        assert S.shape == X.shape and S.dtype == np.int8 and set(status) <= set(hl.STATUSES)
        if rule in ("perceptron", "rbm", "conv"):
            assert len(net.training_log) >= 1
        again = hl.Network(X, rule, seed=7, **params).converge(X, seed=1, max_sweeps=20)[0]
        assert np.array_equal(S, again), rule  # training is deterministic for a seed


def test_stored_patterns_and_their_negations_are_fixed_points():
    x = random_patterns(8, 120, seed=6)
    net = hl.Network(x, "pseudoinverse")
    r = net.settle(x, seed=1)
    assert np.array_equal(r.states, x) and (r.sweeps == 1).all() and (r.status == "converged").all()
    assert np.array_equal(r.memory, np.arange(8)) and (r.match == "memory").all()
    r = net.settle(-x, seed=1)
    assert np.array_equal(r.states, -x) and (r.match == "inverted").all() and np.array_equal(r.memory, np.arange(8))


def test_synchronous_two_cycle():
    net = hl.Network([[1, 1]], "hebbian")  # W12 = 1: s1 ← s2, s2 ← s1 at once
    s, sweeps, status = net.converge([1, -1], mode="sync", max_sweeps=10)
    assert status == "cycle" and sweeps < 10
    s, sweeps, status = net.converge([1, -1], mode="async", max_sweeps=10, seed=3)
    assert status == "converged" and abs(s.sum()) == 2


def test_unconverged_after_max_sweeps():
    x = random_patterns(40, 64, seed=8)  # far beyond capacity: long transients
    net = hl.Network(x, "hebbian")
    r = net.settle(random_patterns(50, 64, seed=9), mode="sync", max_sweeps=1)
    assert (r.sweeps == 1).all() and set(r.status) <= {"unconverged", "converged"}
    assert "unconverged" in set(r.status)


def test_same_seed_same_states_and_rows_are_independent():
    x = random_patterns(10, 64, seed=10)
    starts = flip(x, 0.3, seed=11)
    net = hl.Network(x, "hebbian")
    a = net.settle(starts, seed=1)
    b = net.settle(starts, seed=1, jobs=1)
    assert np.array_equal(a.states, b.states) and np.array_equal(a.sweeps, b.sweeps)
    # Row k uses RandomStreams.stream(seed, k): the explicit keys [k] give the same result ...
    c = net.settle(starts, seed=1, keys=np.arange(10))
    assert np.array_equal(a.states, c.states)
    # ... and row k alone, with key k, too (whatever the other rows).
    for k in (0, 4, 9):
        alone = net.settle(starts[k:k + 1], seed=1, keys=[[k]])
        assert np.array_equal(alone.states[0], a.states[k])
    # Other seeds draw other orders (30% noise: the order matters for some rows).
    others = [net.settle(starts, seed=s).states for s in (2, 3, 4)]
    assert any(not np.array_equal(o, a.states) for o in others)


def test_streams_follow_the_documented_derivation():
    mask = (1 << 64) - 1

    def fnv1a(text):
        h = 0xCBF29CE484222325
        for byte in text.encode():
            h = ((h ^ byte) * 0x100000001B3) & mask
        return h

    def mix(z):  # SplitMix64's finaliser
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9 & mask
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB & mask
        return z ^ (z >> 31)

    def derive(seed, keys):
        h = mix(seed)
        for key in keys:
            h = mix(h ^ mix((key + 0x9E3779B97F4A7C15) & mask))
        return h

    for text in ("converge", "recall", "", "ü"):
        assert hl.stream_key(text) == fnv1a(text)
    for seed, keys in [(1, [0]), (42, [hl.stream_key("converge"), 3, 17]), (2**64 - 1, [2**63, 5])]:
        assert hl.derive_seed(seed, keys) == derive(seed, keys)


def test_threads_give_the_same_results():
    x = random_patterns(12, 100, seed=12)
    net = hl.Network(x, "storkey")
    starts = flip(x, 0.25, seed=13)
    expected = net.converge(starts, seed=9)[0]
    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda _: net.converge(starts, seed=9, jobs=1)[0], range(16)))
    assert all(np.array_equal(r, expected) for r in results)


def test_masked_starts_and_async_random_undecided_neurons():
    x = random_patterns(3, 64, seed=14)
    net = hl.Network(x, "hebbian")
    masked = np.zeros_like(x)
    masked[:, :32] = x[:, :32]  # half of each pattern known, the rest undecided (0)
    r = net.settle(masked, seed=2)
    assert (r.match == "memory").all() and np.array_equal(r.states, x)
    # async-random draws neurons with replacement: after one sweep some may still be 0. The engine
    # cannot call such a state a memory; it must say so, not crash the process.
    r = net.settle(np.zeros((20, 64), dtype=np.int8), mode="async-random", max_sweeps=1, seed=3)
    undecided = (r.states == 0).any(axis=1)
    assert undecided.any()
    assert (r.match[undecided] == "none").all() and (r.status[undecided] == "unconverged").all()


def test_trajectory_records_each_sweep():
    x = random_patterns(4, 81, seed=15)
    net = hl.Network(x, "hebbian")
    start = flip(x[:1], 0.3, seed=16)[0]
    states, energies, final = net.trajectory(start, seed=4)
    assert states.shape == (final.sweeps + 1, 81) and energies.shape == (final.sweeps + 1,)
    assert np.array_equal(states[0], start) and np.array_equal(states[-1], final.states)
    assert (np.diff(energies) <= 0).all()
    assert np.array_equal(energies, net.energy(states))
    # The same stream as row 0 of settle.
    assert np.array_equal(net.settle(start[None], seed=4).states[0], final.states)


def test_modern_network_and_beta(small):
    X = small.X[::20][:10].astype(np.int8)  # one digit per class, strongly correlated
    noisy = flip(X, 0.2, seed=17)
    sharp = hl.Network(X, "modern", beta=1.0)
    S, sweeps, status = sharp.converge(noisy, seed=1)
    assert S.dtype == np.float64 and S.shape == X.shape
    r = sharp.settle(noisy, seed=1)
    assert (r.match == "memory").all() and np.array_equal(r.memory, np.arange(10))
    assert np.allclose(S, X, atol=0.01)
    # A high temperature (β = 0.001) gives a metastable average of the memories, no memory.
    hot = hl.Network(X, "modern", beta=0.001).settle(noisy, seed=1)
    assert (hot.match == "none").all()
    assert (np.abs(hot.states) < 0.99).any(axis=1).all()  # ±1 only where every memory agrees (the background)
    # Real-valued memories (gray levels) are for the modern rule only.
    gray = np.linspace(-1, 1, 2 * 16).reshape(2, 16)
    assert hl.Network(gray, "modern").continuous
    with pytest.raises(hl.EngineError, match="real-valued memories: only the modern rule stores them"):
        hl.Network(gray, "hebbian")


def test_engine_errors_become_exceptions_with_the_tools_message():
    """Refused input (a config key, an argument) raises ConfigError, which is also an EngineError
    and a ValueError; the engine renders the message as the `hopfield` tool prints it."""
    x = random_patterns(3, 16, seed=18)
    with pytest.raises(ValueError) as refused:
        hl.Network(x, "nope")
    assert type(refused.value) is hl.ConfigError and isinstance(refused.value, hl.EngineError)
    with pytest.raises(hl.ConfigError, match=r'^network.rule: "nope" is not one of hebbian, storkey, pseudoinverse, dense, modern'):
        hl.Network(x, "nope")
    with pytest.raises(hl.ConfigError, match=r"^network.beta: is only used by the modern and hebbian-rbm rules$"):
        hl.Network(x, "hebbian", beta=2)
    with pytest.raises(hl.ConfigError, match=r"^network.degree: is not used by the exponential interaction$"):
        hl.Network(x, "dense", interaction="exponential", degree=3)
    with pytest.raises(hl.ConfigError, match=r"^memory 1 entry 2 is 0, expected ±1$"):
        bad = x.copy()
        bad[1, 2] = 0
        hl.Network(bad)
    net = hl.Network(x, "hebbian")
    with pytest.raises(hl.ConfigError, match=r'^dynamics.mode: "fast" is not one of async, async-random, sequential, sync'):
        net.converge(x, mode="fast")
    with pytest.raises(hl.ConfigError, match=r"^dynamics.maxSweeps"):
        net.converge(x, max_sweeps=0)
    with pytest.raises(hl.ConfigError, match=r"^state 0 entry 0 is 0.5: a binary network takes −1, 0 \(undecided\) or \+1$"):
        net.converge(np.full((1, 16), 0.5))
    with pytest.raises(hl.ConfigError, match="has no pairwise weight matrix"):
        hl.Network(x, "dense").weights()
    with pytest.raises(ValueError, match="states have 15 neurons, the network 16"):
        net.converge(x[:, :15])
    # The library keeps working after errors, many of them.
    for _ in range(500):
        with pytest.raises(hl.EngineError):
            hl.Network(x, "nope")
    assert np.array_equal(net.converge(x, seed=1)[0], net.converge(x, seed=1)[0])


def test_no_rows_and_single_rows():
    x = random_patterns(3, 16, seed=20)
    net = hl.Network(x, "hebbian")
    S, sweeps, status = net.converge(np.empty((0, 16), dtype=np.int8))
    assert S.shape == (0, 16) and sweeps.shape == (0,) and status.shape == (0,)
    s, sweeps, status = net.converge(x[1].astype(float), seed=3)  # floats with ±1 values are ±1 states
    assert s.dtype == np.int8 and np.array_equal(s, x[1]) and sweeps == 1 and status == "converged"


def test_closed_network():
    net = hl.Network(random_patterns(2, 8, seed=19))
    with net:
        net.energy(net.patterns)
    with pytest.raises(ValueError, match="closed"):
        net.energy(net.patterns)
