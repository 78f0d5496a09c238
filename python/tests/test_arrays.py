"""Arrays from elsewhere (DLPack), the engine's corruptions, trajectories of many starts."""
from __future__ import annotations

import numpy as np
import pytest

import hopfieldlab as hl
from hopfieldlab import _native


class OnlyDLPack:
    """An array that NumPy can reach only through DLPack (as a torch CPU tensor or a JAX array)."""

    def __init__(self, array):
        self.array = array

    def __dlpack__(self, **kwargs):
        return self.array.__dlpack__(**kwargs)

    def __dlpack_device__(self):
        return self.array.__dlpack_device__()


class NoCPUView(OnlyDLPack):
    def __dlpack__(self, **kwargs):
        raise BufferError("the tensor is on cuda:0")


def random_patterns(p, n, seed=0):
    return np.where(np.random.default_rng(seed).random((p, n)) < 0.5, -1, 1).astype(np.int8)


def test_dlpack_arrays_are_viewed_without_a_copy():
    x = random_patterns(4, 64)
    view = _native.as_array(OnlyDLPack(x))
    assert np.shares_memory(view, x)
    a, b = hl.Network(OnlyDLPack(x)), hl.Network(x)
    starts = hl.corrupt(x, flip=0.2, seed=3)
    assert np.array_equal(a.converge(OnlyDLPack(starts))[0], b.converge(starts)[0])
    assert np.array_equal(a.weights(), b.weights())


def test_an_array_without_a_cpu_view_is_a_clear_type_error():
    with pytest.raises(TypeError, match=r"detach\(\)\.cpu\(\)"):
        hl.Network(NoCPUView(random_patterns(2, 16)))


def test_flip_changes_exactly_the_rounded_count_from_each_rows_stream():
    x = random_patterns(6, 100, seed=1)
    c = hl.corrupt(x, flip=0.215, seed=9)
    assert c.dtype == np.int8 and c.shape == x.shape
    assert ((c != x).sum(axis=1) == 22).all()  # round(21.5) away from zero
    assert np.array_equal(c, hl.corrupt(x, flip=0.215, seed=9))
    assert not np.array_equal(c, hl.corrupt(x, flip=0.215, seed=10))
    # Row k's stream is RandomStreams.stream(seed, k): the keys [k] give the same rows, and a
    # row corrupted alone with its key is the same row.
    assert np.array_equal(c, hl.corrupt(x, flip=0.215, seed=9, keys=np.arange(6)))
    assert np.array_equal(c[4], hl.corrupt(x[4:5], flip=0.215, seed=9, keys=[[4]])[0])
    assert np.array_equal(x, random_patterns(6, 100, seed=1))  # the input is untouched


def test_masks_negations_and_mixtures():
    x = random_patterns(3, 28 * 28, seed=2)
    masked = hl.corrupt(x, mask=0.25, seed=0).reshape(3, 28, 28)
    assert (masked[:, 7:21, 7:21] == 1).all()  # side round(0.5 · 28) = 14, centred
    outside = np.ones((28, 28), bool)
    outside[7:21, 7:21] = False
    assert np.array_equal(masked[:, outside], x.reshape(3, 28, 28)[:, outside])
    hidden = hl.corrupt(x, mask=0.25, value=0, seed=0).reshape(3, 28, 28)
    assert (hidden[:, 7:21, 7:21] == 0).all()
    assert np.array_equal(hl.corrupt(x, kind="negative"), -x)
    mix = hl.corrupt(x, kind="mixture", seed=5)
    for k in range(3):
        a, b, c = x[k], x[(k + 1) % 3], x[(k + 2) % 3]
        assert any(np.array_equal(mix[k], np.sign(a + sb * b + sc * c)) for sb in (-1, 1) for sc in (-1, 1))


def test_real_rows_stay_real():
    x = np.random.default_rng(0).uniform(-1, 1, (2, 49))
    c = hl.corrupt(x, flip=0.5, seed=1)
    assert c.dtype == np.float64
    assert np.array_equal(np.abs(c), np.abs(x)) and ((c != x).sum(axis=1) == 25).all()


@pytest.mark.parametrize("kwargs, error, text", [
    ({}, TypeError, "one of flip=, mask= or kind="),
    ({"flip": 0.1, "mask": 0.2}, TypeError, "got flip, mask"),
    ({"flip": 1.5}, hl.EngineError, "corruption.levels"),
    ({"kind": "smudge", "level": 0.1}, hl.EngineError, "corruption.kind"),
    ({"kind": "negative", "level": 0.1}, hl.EngineError, "have no levels"),
    ({"mask": 0.2, "rect": [0, 40, 0, 3]}, hl.EngineError, "beyond the 28×28 image"),
])
def test_bad_corruptions_are_refused_with_the_configs_message(kwargs, error, text):
    with pytest.raises(error, match=text):
        hl.corrupt(random_patterns(3, 784), **kwargs)


def test_a_mask_needs_square_rows():
    with pytest.raises(hl.EngineError, match="N = 10 is not a square"):
        hl.corrupt(random_patterns(2, 10), mask=0.3)


def test_trajectories_of_many_starts_match_one_at_a_time():
    x = random_patterns(5, 120, seed=4)
    net = hl.Network(x)
    starts = hl.corrupt(x, flip=0.3, seed=2)
    t = net.trajectory(starts, seed=7, jobs=2)
    assert isinstance(t, hl.Trajectories)
    assert t.energy.shape == (5, 101) and t.overlaps.shape == (5, 101, 5)
    settled = net.settle(starts, seed=7)
    assert np.array_equal(t.settled.states, settled.states) and np.array_equal(t.length, settled.sweeps + 1)
    for k in range(5):
        states, energies, _ = net.trajectory(starts[k], seed=7, keys=[k])
        n = len(energies)
        assert t.length[k] == n
        assert np.array_equal(t.energy[k, :n], energies) and np.isnan(t.energy[k, n:]).all()
        assert np.allclose(t.overlaps[k, :n], states @ x.T.astype(float) / 120, atol=0, rtol=0)
        assert np.isnan(t.overlaps[k, n:]).all()
    assert np.array_equal(t.final_overlaps(), settled.states @ x.T.astype(float) / 120)
    assert np.array_equal(t.energy, net.trajectory(starts, seed=7, jobs=1).energy, equal_nan=True)


def test_undecided_neurons_left_by_async_random_keep_the_runs_energy_scale():
    # A masked start settled by async-random for one sweep keeps some 0 neurons; its energies are
    # reported on the same scale as every other state's (net.energy, E/N for Hebbian).
    x = random_patterns(3, 64, seed=6)
    net = hl.Network(x)
    starts = hl.corrupt(x, mask=0.25, value=0, seed=1)
    r = net.settle(starts, mode="async-random", max_sweeps=1, seed=2)
    assert (r.states == 0).any()
    assert np.array_equal(r.energy_start, net.energy(starts))
    assert np.array_equal(r.energy_end, net.energy(r.states))
