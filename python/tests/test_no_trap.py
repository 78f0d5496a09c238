"""Inputs that used to end the Python process (a trap in the engine: SIGILL, SIGABRT "failed to
allocate") or that were silently misread, from issues 19 and 23: each now raises a Python
exception with the tool's message, or works.

Each call runs in a child interpreter, so that a trap shows as a failed test (the child died by
a signal) instead of killing the test runner. The child prints `RAISED <type>: <message>` or
`OK <value>`. HOPFIELDLAB_MEMORY_LIMIT pins the engine's memory budget to 8 GiB, so the memory
refusals are the same on every machine, and an address-space limit makes a check that failed
end quickly (by a failed allocation) instead of filling the machine.
"""
from __future__ import annotations

import functools
import os
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor

import pytest

PRELUDE = """
import resource
resource.setrlimit(resource.RLIMIT_AS, (24 << 30, 24 << 30))
import numpy as np
import hopfieldlab as hl
X = np.random.default_rng(0).choice(np.array([-1, 1], dtype=np.int8), size=(5, 100))
"""


def run_child(code: str) -> subprocess.CompletedProcess:
    script = PRELUDE + textwrap.dedent(f"""
    value = None
    try:
        exec({code!r})
        print("OK", value)
    except Exception as e:
        print(f"RAISED {{type(e).__name__}}: {{e}}")
    """)
    env = dict(os.environ, HOPFIELDLAB_MEMORY_LIMIT="8G")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)


@functools.lru_cache(maxsize=None)
def children() -> dict:
    """Every case's child, started at the first test, a few at once (each spends most of its
    second importing NumPy and the library)."""
    pool = ThreadPoolExecutor(max_workers=4)
    return {case[1]: pool.submit(run_child, case[1]) for case in RAISING + ACCEPTED}


def outcome(code: str) -> str:
    """The child's last line, after checking that it ended normally."""
    child = children()[code].result()
    assert child.returncode == 0, f"the child died (status {child.returncode}): {child.stderr[-2000:]}"
    lines = child.stdout.strip().splitlines()
    assert lines, f"no output; stderr: {child.stderr[-2000:]}"
    return lines[-1]


# (id, code, exception type, message fragment). Input the engine refuses raises hl.ConfigError, which
# is both an hl.EngineError and a ValueError (test_network.py checks the hierarchy).
RAISING = [
    # Issue 19: dam has no stored-pattern network.
    ("dam", 'hl.Network(X, rule="dam")', "ConfigError", "dam is a trained classifier"),
    # Issue 23 row 7: overflowing modern states and memories.
    ("modern-settle-1e307", 'hl.Network(X, rule="modern").converge(X * 1e307)', "ConfigError", "too large for the modern network"),
    ("modern-energy-1e300", 'hl.Network(X, rule="modern").energy(X * 1e300)', "ConfigError", "too large for the modern network"),
    ("modern-trajectory-1e307", 'hl.Network(X, rule="modern").trajectory(X[0] * 1e307)', "ConfigError", "too large for the modern network"),
    ("modern-memories-1e307", 'hl.Network(X * 1e307, rule="modern")', "ConfigError", "memory 0 is too large for the modern network"),
    ("modern-memories-nan", 'hl.Network(np.where(X > 0, np.nan, 0.5), rule="modern")', "ConfigError", "expected a finite number"),
    ("modern-start-inf", 'hl.Network(X, rule="modern").converge(np.full(100, np.inf))', "ConfigError", "expected a finite number"),
    # Issue 23 row 7: networks the machine cannot hold, refused by the memory estimate.
    ("perceptron-N-100000", 'hl.Network(np.ones((2, 100_000), dtype=np.int8), rule="perceptron")', "ConfigError",
     "perceptron with P = 2, N = 100000 needs about"),
    ("rbm-hidden-100000", 'hl.Network(np.ones((2, 10_000), dtype=np.int8), rule="rbm", hidden=100_000)', "ConfigError",
     "N×hidden real weights"),
    ("pseudoinverse-P-30000", 'hl.Network(np.random.default_rng(1).choice(np.array([-1, 1], dtype=np.int8), size=(30_000, 50)), '
     'rule="pseudoinverse")', "ConfigError", "the P×P Gram matrix"),
    ("hebbian-broadcast-1e9", 'hl.Network(np.broadcast_to(np.int8(1), (1, 10**9)), rule="hebbian")', "ConfigError",
     "hebbian with P = 1, N = 1000000000 needs about"),
    ("storkey-N-16384", 'hl.Network(np.ones((2, 16384), dtype=np.int8), rule="storkey")', "ConfigError", "use N ≤ 8192"),
    ("weights-too-large", 'hl.Network(np.ones((1, 50_000), dtype=np.int8)).weights()', "MemoryError", "weight matrix"),
    ("states-too-many", 'hl.Network(X).converge(np.broadcast_to(np.int8(1), (10**7, 100)))', "MemoryError", "states of 100 neurons"),
    # Issue 23 row 16: seeds and keys out of range, silently wrapped by ctypes before.
    ("seed-2**64", 'hl.Network(X, rule="perceptron", seed=2**64)', "ValueError", "seed must be in [0, 2**64)"),
    ("seed--1", 'hl.Network(X, rule="perceptron", seed=-1)', "ValueError", "seed must be in [0, 2**64)"),
    ("converge-seed-2**64", 'hl.Network(X).converge(X, seed=2**64)', "ValueError", "seed must be in [0, 2**64)"),
    ("trajectory-seed--1", 'hl.Network(X).trajectory(X[0], seed=-1)', "ValueError", "seed must be in [0, 2**64)"),
    ("seed-float", 'hl.Network(X).converge(X, seed=1.5)', "TypeError", "seed must be an integer"),
    ("derive-seed-2**64", 'hl.derive_seed(2**64, [1])', "ValueError", "seed must be in [0, 2**64)"),
    ("derive-key--1", 'hl.derive_seed(1, [-1])', "ValueError", "keys must be in [0, 2**64), got -1"),
    ("derive-key-array--1", 'hl.derive_seed(1, np.array([-1]))', "ValueError", "keys must be non-negative"),
    ("derive-key-2**64", 'hl.derive_seed(1, [2**64])', "ValueError", "keys must be in [0, 2**64)"),
    ("converge-keys--1", 'hl.Network(X).converge(X, keys=-np.ones((5, 1), dtype=np.int64))', "ValueError", "keys must be non-negative"),
    ("converge-keys-float", 'hl.Network(X).converge(X, keys=np.ones((5, 1)))', "TypeError", "keys must be non-negative integers"),
    ("jobs-2**64", 'hl.Network(X, jobs=2**64)', "ValueError", "jobs must be at least 1"),
    ("jobs-0", 'hl.Network(X).converge(X, jobs=0)', "ValueError", "jobs must be at least 1"),
    ("stream-key-bytes", 'hl.stream_key(b"converge")', "TypeError", "stream_key takes a str"),
    # Non-finite numbers in config values: refused with the key's path.
    ("beta-nan", 'hl.Network(X, rule="modern", beta=float("nan"))', "ValueError", "network.beta: nan is not a finite number"),
    ("beta-inf", 'hl.Network(X, rule="modern", beta=np.float64("inf"))', "ValueError", "network.beta: inf is not a finite number"),
    ("max-sweeps-nan", 'hl.Network(X).converge(X, max_sweeps=float("nan"))', "ValueError", "dynamics.maxSweeps: nan"),
    ("run-set-nan", 'hl.run("missing.json", set={"network.beta": float("nan")})', "ValueError", "network.beta: nan is not a finite number"),
    # NUL characters would end a path early in the engine.
    ("run-config-nul", 'hl.run("Configs/quickstart.json\\x00.txt")', "ValueError", "config: embedded null character"),
    ("run-output-nul", 'hl.run("missing.json", output="/tmp/a\\x00b")', "ValueError", "output: embedded null character"),
    ("dataset-path-nul", 'hl.load_dataset("Datasets\\x00/digits")', "ValueError", "path: embedded null character"),
    ("cache-nul", 'hl.load_dataset("Datasets/digits", cache="/tmp/c\\x00")', "ValueError", "cache: embedded null character"),
    # Shapes, sizes and types.
    ("no-patterns", 'hl.Network(np.ones((0, 10), dtype=np.int8))', "ConfigError", "at least one pattern"),
    ("no-neurons", 'hl.Network(np.ones((5, 0), dtype=np.int8))', "ConfigError", "at least one pattern"),
    ("complex-patterns", 'hl.Network(X.astype(complex))', "TypeError", "must be numbers"),
    ("string-patterns", 'hl.Network(X.astype(str))', "TypeError", "must be numbers"),
    ("object-patterns", 'hl.Network(X.astype(object))', "TypeError", "must be numbers"),
    ("bool-patterns", 'hl.Network(X > 0)', "TypeError", "must be numbers"),
    ("3d-patterns", 'hl.Network(X[None])', "ValueError", "one pattern per row"),
    ("real-hebbian", 'hl.Network(X.astype(np.int64) * 2**40)', "ConfigError", "only the modern rule stores them"),
    ("states-wrong-width", 'hl.Network(X).converge(X[:, :50])', "ValueError", "states have 50 neurons, the network 100"),
    ("binary-state-2", 'hl.Network(X).converge(X * 2)', "ConfigError", "a binary network takes −1, 0 (undecided) or +1"),
    ("binary-state-nan", 'hl.Network(X).converge(np.where(X > 0, np.nan, -1.0))', "ConfigError", "a binary network takes"),
    ("dense-weights", 'hl.Network(X, rule="dense").weights()', "ConfigError", "has no pairwise weight matrix"),
    ("closed", 'n = hl.Network(X); n.close(); n.converge(X)', "ValueError", "the network is closed"),
    ("conv-not-square", 'hl.Network(X[:, :99], rule="conv")', "ConfigError", "is not a square"),
    # Issue 24: the corruptions and the trajectories of many starts.
    ("corrupt-mixture-of-two", 'hl.corrupt(X[:2], kind="mixture")', "ConfigError", "mixture combines three rows"),
    ("corrupt-nan", 'hl.corrupt(np.array([[0.5, np.nan, 1, 1]]), flip=0.5)', "ConfigError", "entry 1 is not a finite number"),
    ("corrupt-keys-shape", 'hl.corrupt(X, flip=0.1, keys=[[1, 2]])', "ValueError", "one row of keys per pattern"),
    ("trajectories-too-large", 'hl.Network(X).trajectory(np.zeros((10**6, 100), np.int8), max_sweeps=10**6)', "MemoryError", "budget"),
    ("trajectories-bad-state", 'hl.Network(X).trajectory(np.full((2, 100), 3))', "ConfigError", "a binary network takes"),
]


@pytest.mark.parametrize("code,kind,fragment", [case[1:] for case in RAISING], ids=[case[0] for case in RAISING])
def test_raises_instead_of_trapping(code, kind, fragment):
    line = outcome(code)
    assert line.startswith(f"RAISED {kind}: "), line
    assert fragment in line, line


ACCEPTED = [
    # Issue 23 row 16: NumPy scalars are numbers (they were "not JSON serializable").
    ("max-sweeps-int64", 'value = hl.Network(X).converge(X, max_sweeps=np.int64(5))[1].max()', "OK 1"),
    ("beta-float32", 'value = hl.Network(X, rule="modern", beta=np.float32(2)).config["beta"]', "OK 2"),
    ("trajectory-max-sweeps-int64", 'value = len(hl.Network(X).trajectory(X[0], max_sweeps=np.int64(3))[1])', "OK 2"),
    ("seed-uint64-max", 'value = hl.Network(X).converge(X, seed=np.uint64(2**64 - 1))[2][0]', "OK converged"),
    ("jobs-int64", 'value = hl.Network(X, jobs=np.int64(2)).count', "OK 5"),
    # A NUL is part of a stream key's text.
    ("stream-key-nul", 'value = (hl.stream_key("a\\x00b") != hl.stream_key("a"), hl.stream_key("a") == hl.stream_key("a"))', "OK (True, True)"),
    # Empty, strided and Fortran-ordered arrays.
    ("empty-states", 'value = hl.Network(X).converge(X[:0])[0].shape', "OK (0, 100)"),
    ("strided-patterns", 'value = hl.Network(np.repeat(X, 2, axis=1)[:, ::2]).neurons', "OK 100"),
    ("fortran-states", 'value = hl.Network(X).converge(np.asfortranarray(X))[0].shape', "OK (5, 100)"),
    ("large-but-finite-modern-start", 'value = bool(np.isfinite(hl.Network(X, rule="modern").energy(X[0] * 1e150)))', "OK True"),
]


@pytest.mark.parametrize("code,expected", [case[1:] for case in ACCEPTED], ids=[case[0] for case in ACCEPTED])
def test_accepted(code, expected):
    assert outcome(code) == expected
