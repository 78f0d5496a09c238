"""Runs: a config executed by the same code as `hopfield run`, its results as pandas tables."""
from __future__ import annotations

import ctypes
import os
from dataclasses import dataclass, field
from pathlib import Path

from . import _native
from ._native import call_json, lib


@dataclass
class RunResult:
    """What `run` did: the results folder (`<output>/<config name>/`), the runs computed now and
    those found complete (`resume`), one line per dataset read, the files skipped, and whether
    every run is complete (then runs.csv and summary.csv are there)."""

    name: str
    root: Path
    complete: bool
    ran: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    datasets: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def table(self, name: str):
        """A CSV file of the results folder as a pandas DataFrame (e.g. "runs.csv",
        "summary.csv", or "<run folder>/predictions.csv")."""
        import pandas as pd

        path = self.root / name
        if not path.is_file():
            raise FileNotFoundError(f"{path}: not written (complete: {self.complete})")
        return pd.read_csv(path)

    @property
    def runs(self):
        """runs.csv: every run's rows, in batch order (a pandas DataFrame)."""
        return self.table("runs.csv")

    @property
    def summary(self):
        """summary.csv: each grid point over its seeds (a pandas DataFrame)."""
        return self.table("summary.csv")


def _overrides(values) -> list[str]:
    """`set` as the CLI's --set texts: a dict {"dataset.path": "/data", "seeds": [1]} (each value
    written as JSON), or "key=value" texts as on the command line."""
    if values is None:
        return []
    if isinstance(values, dict):
        return [f"{key}={_native.config_json(value, key).decode()}" for key, value in values.items()]
    if isinstance(values, str):
        return [values]
    return [str(v) for v in values]


def run(config, set=None, output="Results", *, jobs: int | None = None, resume: bool = False, force: bool = False,
        report: bool = True, cache=True) -> RunResult:
    """Runs a config file as `hopfield run CONFIG --output OUTPUT --set ...` does, in this process:
    the same parsing and checks (errors raise EngineError with the tool's message), the same
    runner, the same files. `set`: overrides applied to the config as --set does (a dict, or
    "key=value" texts). `jobs`: threads (default every core; results never depend on it);
    `resume`/`force`: as --resume/--force (without either, a folder that holds results is an
    error); `report`: write report.html; `cache`: the pattern cache (True: the default folder,
    False: none, or a folder). Relative paths (the config, dataset.path, output) are read from
    the working directory.
    """
    report_json = call_json(lib.hopfieldlab_run, _native.encode(config, "config"), _native.config_json(_overrides(set), "set"),
                            _native.encode(output, "output"), _native.jobs_or_default(jobs), bool(resume), bool(force), bool(report),
                            _native.cache_argument(cache))
    return RunResult(name=report_json["name"], root=Path(report_json["root"]), complete=report_json["complete"],
                     ran=report_json["ran"], skipped=report_json["skipped"], datasets=report_json["datasets"],
                     warnings=report_json["warnings"])
