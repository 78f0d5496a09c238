"""Networks: stored patterns, convergence, energy, the engine's own code for every rule."""
from __future__ import annotations

import ctypes
import re
import weakref
from dataclasses import dataclass

import numpy as np

from . import _native
from ._native import _f64p, _i8p, _i32p, _u64p, call, call_json, lib

STATUSES = ("converged", "cycle", "unconverged")
"""The values of `status`: a fixed point; a synchronous cycle; `max_sweeps` reached, still changing."""

MATCHES = ("none", "memory", "inverted")
"""The values of `Settled.match`: a spurious state; a stored memory; the negation of one."""


def _camel(name: str) -> str:
    """max_epochs → maxEpochs: the config's spelling of a keyword argument."""
    return re.sub(r"_([a-z])", lambda m: m.group(1).upper(), name)


def _binary_or_none(a: np.ndarray) -> np.ndarray | None:
    """`a` as int8 when every value is −1, 0 or +1 (integers, booleans excluded, or floats with
    exactly those values); None otherwise."""
    if a.dtype == np.int8:
        return np.ascontiguousarray(a)
    if a.dtype.kind in "iuf" and a.size and np.isin(a, (-1, 0, 1)).all():
        return np.ascontiguousarray(a, dtype=np.int8)
    if a.size == 0 and a.dtype.kind in "iu":
        return np.ascontiguousarray(a, dtype=np.int8)
    return None


def _matrix(a, name: str) -> tuple[np.ndarray, bool]:
    """A 2-D array (a single 1-D row becomes one row) and whether it was 1-D. Anything NumPy can
    view is taken without a copy (see `_native.as_array`)."""
    a = _native.as_array(a, name)
    if a.dtype == bool or a.dtype.kind not in "iuf":
        raise TypeError(f"{name} must be numbers (±1 for binary patterns), got dtype {a.dtype}")
    if a.ndim == 1:
        return a[None, :], True
    if a.ndim != 2:
        raise ValueError(f"{name} must be one pattern (1-D) or one pattern per row (2-D), got shape {a.shape}")
    return a, False


@dataclass
class Settled:
    """Where each start ended, one entry per row.

    states: final states (int8 ±1 for binary networks, float64 for the modern network; a 0 stays
    only in a neuron never visited, possible with mode "async-random"); sweeps: sweeps done, the
    last one included; status: one of STATUSES; energy_start, energy_end: the energies of the start
    and of the final state in the network's own units; match: one of MATCHES; memory: the memory
    matched (or negated), −1 for none; nearest: the memory with the largest |overlap| (|cos| for
    real states); nearest_overlap: that overlap m/N (signed cos for real states).
    """

    states: np.ndarray
    sweeps: np.ndarray
    status: np.ndarray
    energy_start: np.ndarray
    energy_end: np.ndarray
    match: np.ndarray
    memory: np.ndarray
    nearest: np.ndarray
    nearest_overlap: np.ndarray


@dataclass
class Trajectories:
    """How many starts travelled, sweep by sweep (`Network.trajectory` of a 2-D array).

    Only the final states are kept (in `settled.states`), not those along the way.
    energy: R × T, the energy at the start and after every sweep (T = max_sweeps + 1; NaN after a
    row's `length` entries); overlaps: R × T × P, the overlap of each state with each memory (m/N
    for binary memories, the cosine for real ones; NaN after `length`); length: R, sweeps + 1 of
    each row; settled: where each row ended (a `Settled` of R rows, as `settle` gives).
    """

    energy: np.ndarray
    overlaps: np.ndarray
    length: np.ndarray
    settled: Settled

    def final_overlaps(self) -> np.ndarray:
        """R × P: the overlaps of each row's last state."""
        return self.overlaps[np.arange(len(self.length)), self.length - 1]


class Network:
    """Patterns stored by a learning rule, built by the engine exactly as a run builds them
    (`StoredNetwork`), so every rule of `hopfield rules` works the same way as in the CLI.

    `patterns`: P × N, one memory per row. ±1 values (any integer or float dtype) are stored as
    binary patterns, as a run stores binarized images; real values (gray levels in [−1, 1]) only
    by the modern rule. `rule`: hebbian, storkey, pseudoinverse, dense, modern, perceptron, rbm,
    hebbian-rbm or conv. `params`: the rule's `network` config keys, in the config's spelling or
    in snake case (beta=…, tolerance=…, diagonal=…, interaction=…, degree=…, margin=…,
    max_epochs=…, kernel=…, hidden=…, epochs=…, learning_rate=…, batch_size=…, cd_steps=…,
    recall=…, sampling_steps=…, activation=…, load=…); they are read and checked by the config's
    own decoder, so defaults and error messages are the tool's. `seed`: the training stream's seed
    (trained rules only; a run derives it from its seed). `jobs`: threads for building and training
    (the result never depends on it).
    """

    def __init__(self, patterns, rule: str = "hebbian", *, seed: int = 0, jobs: int | None = None, **params):
        x, _ = _matrix(patterns, "patterns")
        _native.check_allocation(x.size * 8, f"{x.shape[0]} × {x.shape[1]} patterns as float64")
        binary = _binary_or_none(x)
        if binary is not None and rule == "modern" and not np.isin(binary, (-1, 1)).all():
            binary = None  # a 0 is a real value for the modern network, not an undecided neuron
        reals = None if binary is not None else np.ascontiguousarray(x, dtype=np.float64)
        section = _native.config_json({"rule": rule, **{_camel(k): v for k, v in params.items()}}, "network")
        handle = ctypes.c_void_p()
        call(lib.hopfieldlab_network_create, _native.pointer(binary, _i8p), _native.pointer(reals, _f64p), x.shape[0], x.shape[1],
             section, _native.seed(seed), _native.jobs_or_default(jobs), ctypes.byref(handle))
        self._handle = handle.value
        self._finalizer = weakref.finalize(self, lib.hopfieldlab_network_free, handle.value)
        self.patterns = (binary if binary is not None else reals).copy()
        self.patterns.setflags(write=False)
        self.info = call_json(lib.hopfieldlab_network_info, self._handle)

    # Description.

    @property
    def rule(self) -> str:
        """The rule's name."""
        return self.info["network"]["rule"]

    @property
    def config(self) -> dict:
        """The resolved `network` section (every default written out), as in a run's config.json."""
        return dict(self.info["network"])

    @property
    def neurons(self) -> int:
        """N."""
        return self.info["neurons"]

    @property
    def count(self) -> int:
        """P, the number of stored patterns."""
        return self.info["memories"]

    @property
    def continuous(self) -> bool:
        """True for the modern network, whose states are real vectors."""
        return self.info["continuous"]

    @property
    def parameters(self) -> int:
        """Learned or stored parameters (the count in a run's manifest)."""
        return self.info["parameters"]

    @property
    def training_log(self) -> list[dict]:
        """One entry per training epoch (epoch, loss, stablePatterns); empty for untrained rules."""
        return list(self.info["trainingLog"])

    def __repr__(self) -> str:
        params = ", ".join(f"{k}={v!r}" for k, v in self.config.items() if k != "rule")
        return f"Network({self.rule}{', ' + params if params else ''}; P={self.count}, N={self.neurons})"

    def close(self) -> None:
        """Frees the engine's network now (it is also freed when the object is collected)."""
        self._finalizer()
        self._handle = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def _live(self):
        if self._handle is None:
            raise ValueError("the network is closed")
        return self._handle

    # States in, for the C functions.

    def _states(self, states, name: str = "states"):
        s, single = _matrix(states, name)
        if s.shape[1] != self.neurons:
            raise ValueError(f"{name} have {s.shape[1]} neurons, the network {self.neurons}")
        # The float64 copy or result here, and the engine's own copy of the starts.
        _native.check_allocation(s.size * 16, f"{s.shape[0]} {name} of {s.shape[1]} neurons")
        binary = None if self.continuous else _binary_or_none(s)
        reals = None if binary is not None else np.ascontiguousarray(s, dtype=np.float64)
        return binary, reals, s.shape[0], single

    def _streams(self, keys, rows: int):
        return _native.row_keys(keys, rows, "state")

    @staticmethod
    def _dynamics(mode, tie, max_sweeps) -> bytes:
        return _native.config_json({"mode": mode, "tie": tie, "maxSweeps": max_sweeps}, "dynamics")

    # Dynamics.

    def settle(self, states, *, mode: str = "async", tie: str = "plus", max_sweeps: int = 100, seed: int = 42,
               keys=None, jobs: int | None = None) -> Settled:
        """Converges every row of `states` and says where each ended (see Settled).

        `states`: one start per row (or one 1-D start): −1, 0 (undecided, e.g. a masked pixel) or
        +1 for binary networks, any reals for the modern network; never modified. `mode`
        (async, async-random, sequential, sync), `tie` (plus, keep, minus) and `max_sweeps` are the
        config's `dynamics` section, checked by its decoder.

        Randomness: row k draws from its own stream, `Xoshiro256StarStar(seed:
        RandomStreams.derive(seed, keys[k]))`. Without `keys`, keys[k] = [k], that is
        `RandomStreams.stream(seed, k)`: row k's result depends on the seed and on k only, never on
        the other rows or on `jobs`. `keys` (one row of uint64 per start) picks the stream a run
        uses instead: a classify run converges image i with the keys
        [stream_key("converge"), label, index in class] (see Dataset.stream_keys) and the run's
        seed; `hopfield recall --seed S` uses [stream_key("recall")] and S.
        """
        binary, reals, rows, single = self._states(states)
        k, per_row = self._streams(keys, rows)
        n = self.neurons
        out = np.empty((rows, n), dtype=np.float64)
        integers = np.empty((rows, 5), dtype=np.int32)
        measures = np.empty((rows, 3), dtype=np.float64)
        call(lib.hopfieldlab_network_settle, self._live(), _native.pointer(binary, _i8p), _native.pointer(reals, _f64p), rows, n,
             self._dynamics(mode, tie, max_sweeps), _native.seed(seed), _native.pointer(k, _u64p), per_row, _native.jobs_or_default(jobs),
             out.ctypes.data_as(_f64p), integers.ctypes.data_as(_i32p), measures.ctypes.data_as(_f64p))
        result = self._settled(out, integers, measures)
        if single:
            for field in result.__dataclass_fields__:
                setattr(result, field, getattr(result, field)[0])
        return result

    def _settled(self, out, integers, measures) -> Settled:
        return Settled(states=out if self.continuous else out.astype(np.int8), sweeps=integers[:, 0].astype(np.int64),
                       status=np.array(STATUSES)[integers[:, 1]], energy_start=measures[:, 0], energy_end=measures[:, 1],
                       match=np.array(MATCHES)[integers[:, 2]], memory=integers[:, 3].astype(np.int64),
                       nearest=integers[:, 4].astype(np.int64), nearest_overlap=measures[:, 2])

    def converge(self, states, *, mode: str = "async", tie: str = "plus", max_sweeps: int = 100, seed: int = 42,
                 keys=None, jobs: int | None = None):
        """(S, sweeps, status): the final states (same shape as `states`; int8 for binary networks,
        float64 for the modern one), the sweeps of each row and its status (strings of STATUSES).
        Arguments and random streams as in `settle`: row k uses RandomStreams.stream(seed, k)
        unless `keys` are given."""
        r = self.settle(states, mode=mode, tie=tie, max_sweeps=max_sweeps, seed=seed, keys=keys, jobs=jobs)
        return r.states, r.sweeps, r.status

    def trajectory(self, state, *, mode: str = "async", tie: str = "plus", max_sweeps: int = 100, seed: int = 42, keys=None,
                   jobs: int | None = None):
        """One start (1-D): (states, energies, settled), the state and the energy at the start and
        after every sweep (sweeps + 1 rows), and the Settled of that start; the stream is
        `settle`'s for row 0 (RandomStreams.stream(seed, 0)), or that of `keys` (one row of keys).

        Many starts (2-D, one per row): a `Trajectories` with the energy and the overlaps with every
        memory per sweep as arrays (the states themselves are not kept), row k with `settle`'s
        stream for row k, on `jobs` threads (the result never depends on it)."""
        if np.ndim(_native.as_array(state, "state")) == 2:
            return self._trajectories(state, mode=mode, tie=tie, max_sweeps=max_sweeps, seed=seed, keys=keys, jobs=jobs)
        binary, reals, rows, _ = self._states(state, "state")
        if rows != 1:
            raise ValueError(f"trajectory takes one start, got {rows}")
        k, per_row = self._streams(keys if keys is None or np.ndim(keys) == 2 else np.asarray(keys)[None, :], 1)
        n = self.neurons
        dynamics = self._dynamics(mode, tie, max_sweeps)  # checked before max_sweeps sizes anything
        capacity = self._capacity(max_sweeps)
        if capacity * n > 2**27:
            raise ValueError(f"a trajectory of up to {capacity} states of {n} neurons is too large: lower max_sweeps")
        states = np.empty((capacity, n), dtype=np.float64)
        energies = np.empty(capacity, dtype=np.float64)
        length = ctypes.c_ssize_t()
        integers = np.empty((1, 5), dtype=np.int32)
        measures = np.empty((1, 3), dtype=np.float64)
        call(lib.hopfieldlab_network_trajectory, self._live(), _native.pointer(binary, _i8p), _native.pointer(reals, _f64p), n,
             dynamics, _native.seed(seed), _native.pointer(k, _u64p), per_row, capacity,
             states.ctypes.data_as(_f64p), energies.ctypes.data_as(_f64p), ctypes.byref(length),
             integers.ctypes.data_as(_i32p), measures.ctypes.data_as(_f64p))
        t = length.value
        final = self._settled(np.ascontiguousarray(states[t - 1:t]), integers, measures)
        for field in final.__dataclass_fields__:
            setattr(final, field, getattr(final, field)[0])
        path = states[:t] if self.continuous else states[:t].astype(np.int8)
        return path, energies[:t].copy(), final

    @staticmethod
    def _capacity(max_sweeps) -> int:
        """Room for max_sweeps + 1 states (1 when max_sweeps is not a valid count: the engine's
        decoder then refuses it with the config's message)."""
        integral = isinstance(max_sweeps, (int, np.integer)) or (isinstance(max_sweeps, (float, np.floating)) and float(max_sweeps).is_integer())
        return int(max_sweeps) + 1 if integral and max_sweeps >= 1 else 1

    def _trajectories(self, states, *, mode, tie, max_sweeps, seed, keys, jobs) -> Trajectories:
        binary, reals, rows, _ = self._states(states)
        k, per_row = self._streams(keys, rows)
        dynamics = self._dynamics(mode, tie, max_sweeps)
        capacity, p = self._capacity(max_sweeps), self.count
        _native.check_allocation(rows * capacity * (p + 1) * 8, f"the overlaps of {rows} trajectories of up to {capacity} states with {p} memories")
        energy = np.empty((rows, capacity), dtype=np.float64)
        overlaps = np.empty((rows, capacity, p), dtype=np.float64)
        length = np.empty(rows, dtype=np.intp)
        final = np.empty((rows, self.neurons), dtype=np.float64)
        integers = np.empty((rows, 5), dtype=np.int32)
        measures = np.empty((rows, 3), dtype=np.float64)
        call(lib.hopfieldlab_network_trajectories, self._live(), _native.pointer(binary, _i8p), _native.pointer(reals, _f64p), rows,
             self.neurons, dynamics, _native.seed(seed), _native.pointer(k, _u64p), per_row, _native.jobs_or_default(jobs), capacity,
             final.ctypes.data_as(_f64p), energy.ctypes.data_as(_f64p), overlaps.ctypes.data_as(_f64p), length.ctypes.data_as(_native._sizep),
             integers.ctypes.data_as(_i32p), measures.ctypes.data_as(_f64p))
        return Trajectories(energy=energy, overlaps=overlaps, length=length.astype(np.int64),
                            settled=self._settled(final, integers, measures))

    # Measures.

    def energy(self, states):
        """The energy of each row (a float for one 1-D state), in the network's own units, as its
        runs report it: the rule's E = −½ sᵀWs for binary networks, with W on notebook 001's scale
        J = XᵀX/N for Hebbian (so Hebbian, Storkey and pseudo-inverse energies compare), the modern
        network's E(s) = −lse(β, Xs) + ½ sᵀs + const, an RBM's free energy."""
        binary, reals, rows, single = self._states(states)
        out = np.empty(rows, dtype=np.float64)
        call(lib.hopfieldlab_network_energy, self._live(), _native.pointer(binary, _i8p), _native.pointer(reals, _f64p), rows,
             self.neurons, out.ctypes.data_as(_f64p))
        return float(out[0]) if single else out

    def weights(self) -> np.ndarray:
        """The N × N couplings W of a pairwise rule (hebbian: W = (1/N) Σ_μ x^μ x^μᵀ with a zero
        diagonal, notebook 001's J; storkey, pseudoinverse, perceptron, conv), the W of `energy`.
        Dense, modern and RBM networks have no such matrix: EngineError."""
        n = self.neurons
        _native.check_allocation(n * n * 8, f"the {n} × {n} weight matrix")
        out = np.empty((n, n), dtype=np.float64)
        call(lib.hopfieldlab_network_weights, self._live(), out.ctypes.data_as(_f64p))
        return out
