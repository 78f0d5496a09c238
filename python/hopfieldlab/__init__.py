"""HopfieldLab's Swift engine in process, through its C ABI (libHopfieldC.so, loaded by ctypes).

    import hopfieldlab as hl
    X, y, classes = hl.load_dataset("Datasets/digits", size=28, resize="area", binarize="midgray")
    net = hl.Network(X[:10], rule="hebbian")
    S, sweeps, status = net.converge(X[10:20], mode="async", seed=1, max_sweeps=100)
    E = net.energy(S)
    res = hl.run("Configs/quickstart.json", set={"seeds": [1]}, output="/tmp/r", force=True)
    res.runs, res.summary

Everything runs the engine's own code (the same rules, dynamics, streams, loader and runner as the
`hopfield` tool); its errors raise EngineError with the tool's message (ConfigError, also a
ValueError, when the input was refused before any work: where the tool exits with 2).
"""
from __future__ import annotations

from ._native import LIB_PATH, ConfigError, EngineError, lib, take_string
from .corrupt import KINDS, corrupt
from .datasets import Dataset, load_dataset
from .network import MATCHES, STATUSES, Network, Settled, Trajectories
from .runs import RunResult, run
from .streams import derive_seed, stream_key

__version__ = take_string(lib.hopfieldlab_version())


def rules() -> list[dict]:
    """Every learning rule (`hopfield rules`): name, summary, formula and the `network` keys it reads."""
    import json

    return json.loads(take_string(lib.hopfieldlab_rules()))


__all__ = ["ConfigError", "Dataset", "EngineError", "KINDS", "LIB_PATH", "MATCHES", "Network", "RunResult", "STATUSES", "Settled", "Trajectories",
           "corrupt", "derive_seed", "load_dataset", "rules", "run", "stream_key", "__version__"]
