"""The package converges exactly as the engine does in a run and in `hopfield recall`: the same
memories, starts, seed and stream keys give the same states, sweeps and energies."""
from __future__ import annotations

import json
import re
import shutil
import subprocess

import numpy as np
import pandas as pd
import pytest

import hopfieldlab as hl

from conftest import ROOT

RULES = ["hebbian", "storkey", "pseudoinverse", "dense", "modern"]


def outcome(match, status, memory_class, image_class):
    """The run's Outcome of one image (Sources/Experiments/Results/Outcome.swift)."""
    if status != "converged":
        return status
    if match == "memory":
        return "correct" if memory_class == image_class else "error"
    return {"inverted": "inverted", "none": "spurious"}[match]


@pytest.fixture(scope="module")
def run_with_states(digits, cli, tmp_path_factory):
    """quickstart for five rules and two update orders, seed 1, 20 digits per class, through the
    `hopfield` tool, with memories.npy, inputs.npy and states.npy per run."""
    # The modern network has no update order: its two modes would be one run (the tool refuses
    # such a grid), so it runs in a batch of its own.
    roots = []
    for name, rules, modes in [("binary", RULES[:-1], ["async", "async-random"]), ("modern", ["modern"], ["async"])]:
        out = tmp_path_factory.mktemp(name)
        grid = {"network.rule": rules, "dynamics.mode": modes}
        overrides = {"seeds": [1], "dataset.path": str(digits), "dataset.limitPerClass": 20, "outputs.states": True, "grid": grid}
        args = [a for k, v in overrides.items() for a in ("--set", f"{k}={json.dumps(v)}")]
        subprocess.run([cli, "run", ROOT / "Configs" / "quickstart.json", "--output", out, "--quiet", "--no-report", "--no-cache", *args],
                       check=True, capture_output=True)
        roots.append(out / "quickstart")
    return roots


def run_folders(roots):
    for root in roots:
        runs = pd.read_csv(root / "runs.csv")
        for rule, mode in runs[["network.rule", "dynamics.mode"]].drop_duplicates().itertuples(index=False):
            # Run folders are "<key made safe>~<identity>".
            yield rule, mode, next(root.glob(f"network.rule={rule}__dynamics.mode={mode}__seed=1~*"))


def test_converge_gives_the_runs_states(run_with_states, small):
    folders = list(run_folders(run_with_states))
    assert len(folders) == 9 and {rule for rule, _, _ in folders} == set(RULES)
    index = {path: k for k, path in enumerate(small.paths)}
    seed_matters = []
    for rule, mode, folder in folders:
        config = json.loads((folder / "config.json").read_text())
        memories, inputs, states = (np.load(folder / f"{name}.npy") for name in ("memories", "inputs", "states"))
        predictions = pd.read_csv(folder / "predictions.csv")
        rows = np.array([index[p] for p in predictions["path"]])
        # The loader gives the run's inputs, image by image.
        assert np.array_equal(inputs, small.X[rows])
        net = hl.Network(memories, **config["network"])
        dynamics = config["dynamics"]
        r = net.settle(inputs, seed=1, keys=small.stream_keys("converge")[rows], mode=dynamics.get("mode", "async"),
                       tie=dynamics.get("tie", "plus"), max_sweeps=dynamics["maxSweeps"])
        what = f"{rule}/{mode}"
        if net.continuous:
            assert states.dtype == np.float32 and np.array_equal(r.states.astype(np.float32), states), what
        else:
            assert states.dtype == np.int8 and np.array_equal(r.states, states), what
        assert np.array_equal(r.sweeps, predictions["sweeps"]), what
        assert np.array_equal(r.energy_start, predictions["energyStart"].astype(float)), what
        assert np.array_equal(r.energy_end, predictions["energyEnd"].astype(float)), what
        assert np.array_equal(r.nearest, predictions["nearestMemory"]), what
        classes = small.y[rows]
        assert not np.array_equal(r.states.astype(np.float32), inputs.astype(np.float32)), what  # the dynamics did something
        # The outcomes: a memory's class is that of its image among the inputs (memories are training images).
        label_of_memory = [int(classes[np.flatnonzero((inputs == m).all(axis=1))[0]]) for m in memories.astype(inputs.dtype)]
        expected = [outcome(m, s, label_of_memory[mu] if mu >= 0 else -1, c)
                    for m, s, mu, c in zip(r.match, r.status, r.memory, classes)]
        assert expected == list(predictions["outcome"]), what
        # Another seed (the streams of another run) gives other states somewhere.
        if not net.continuous:
            other = net.settle(inputs, seed=2, keys=small.stream_keys("converge")[rows], mode=mode, max_sweeps=dynamics["maxSweeps"])
            seed_matters.append(not np.array_equal(other.states, states))
    assert any(seed_matters)


@pytest.mark.parametrize("rule", ["hebbian", "pseudoinverse", "dense"])
def test_converge_matches_hopfield_recall(rule, digits, cli, tmp_path):
    # Five memories (one file each of classes 0-4) and a start (another 3), as the tool reads them.
    def file(label, k):
        return digits / str(label) / sorted((digits / str(label)).iterdir())[k].name

    (tmp_path / "data" / "mem").mkdir(parents=True)
    for label in range(5):
        shutil.copy(file(label, 7), tmp_path / "data" / "mem" / f"{label}.png")
    (tmp_path / "data" / "start").mkdir()
    shutil.copy(file(3, 42), tmp_path / "data" / "start" / "start.png")
    out = subprocess.run([cli, "recall", "--memories", tmp_path / "data" / "mem", "--input", tmp_path / "data" / "start" / "start.png",
                          "--size", "28", "--rule", rule, "--seed", "7", "--out", tmp_path / "pictures"],
                         check=True, capture_output=True, text=True).stdout
    m = re.search(r"(converged|fell into a cycle|still changing) after (\d+) sweep\(s\),? (?:to |at )"
                  r"(memory (\d+)|the inverse of memory (\d+)|a spurious state).*; energy (\S+) (?:\(E/N = \S+\) )?→ (\S+)", out)
    assert m, out
    data = hl.load_dataset(tmp_path / "data", size=28, cache=False)
    memories, start = data.X[data.y == 0], data.X[data.y == 1][0]
    # `hopfield recall --rule dense` takes a config's default interaction, as the package does.
    r = hl.Network(memories, rule).settle(start, seed=7, keys=[[hl.stream_key("recall")]])
    assert r.status == {"converged": "converged", "fell into a cycle": "cycle", "still changing": "unconverged"}[m.group(1)]
    assert r.sweeps == int(m.group(2))
    # The tool prints an integer energy exactly and any other to 6 significant digits (%.6g).
    printed = lambda e: str(int(e)) if e == round(e) and abs(e) < 1e15 else "%.6g" % e
    assert (printed(r.energy_start), printed(r.energy_end)) == (m.group(6), m.group(7))
    if m.group(4):
        assert (r.match, r.memory) == ("memory", int(m.group(4)))
    elif m.group(5):
        assert (r.match, r.memory) == ("inverted", int(m.group(5)))
    else:
        assert r.match == "none"
