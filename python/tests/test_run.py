"""Runs: configs through the same code as `hopfield run`, results as pandas tables."""
from __future__ import annotations

import subprocess

import pandas as pd
import pytest

import hopfieldlab as hl

from conftest import ROOT

QUICKSTART = str(ROOT / "Configs" / "quickstart.json")


def test_quickstart_runs_and_matches_the_cli(digits, cli, tmp_path):
    overrides = {"seeds": [1], "dataset.path": str(digits), "dataset.limitPerClass": 20}
    res = hl.run(QUICKSTART, set=overrides, output=tmp_path / "py", report=False)
    assert res.complete and res.name == "quickstart" and res.root == tmp_path / "py" / "quickstart"
    assert res.ran == [f"network.rule={rule},seed=1" for rule in ("hebbian", "storkey", "pseudoinverse", "modern")]
    assert res.datasets[0].startswith(f"{digits}: 200 files")
    runs, summary = res.runs, res.summary
    assert isinstance(runs, pd.DataFrame) and isinstance(summary, pd.DataFrame)
    assert list(runs["network.rule"].unique()) == ["hebbian", "storkey", "pseudoinverse", "modern"]
    assert set(runs["split"]) == {"train", "test"} and len(runs) == 8
    assert len(summary) == 8 and (runs["n"] > 0).all()
    # Run folders are "<key made safe>~<identity>" (the identity hashes the run's config and seed).
    modern = next(res.root.glob("network.rule=modern__seed=1~*")).name
    predictions = res.table(f"{modern}/predictions.csv")
    assert len(predictions) == 200
    # The same config through the tool: the same bytes in every CSV.
    cli_set = [arg for key, value in [("seeds", "[1]"), ("dataset.path", str(digits)), ("dataset.limitPerClass", "20")]
               for arg in ("--set", f"{key}={value}")]
    subprocess.run([cli, "run", QUICKSTART, "--output", tmp_path / "cli", "--quiet", "--no-report", *cli_set], check=True,
                   capture_output=True)
    storkey = next(res.root.glob("network.rule=storkey__seed=1~*")).name
    for name in ("runs.csv", "summary.csv", f"{storkey}/predictions.csv"):
        assert (tmp_path / "cli" / "quickstart" / name).read_bytes() == (res.root / name).read_bytes(), name
    # A folder with results is refused, as by the tool; resume finds every run complete.
    # That is a failure of the work, not refused input: an EngineError that is not a ConfigError.
    with pytest.raises(hl.EngineError, match="already holds results .*use --resume to complete them or --force to replace them") as held:
        hl.run(QUICKSTART, set=overrides, output=tmp_path / "py")
    assert not isinstance(held.value, hl.ConfigError)
    again = hl.run(QUICKSTART, set=overrides, output=tmp_path / "py", resume=True, report=False)
    assert again.ran == [] and len(again.skipped) == 4 and again.runs.equals(runs)


def test_set_accepts_cli_texts(digits, tmp_path):
    res = hl.run(ROOT / "Configs" / "capacity.json", set=["capacity.neurons=64", "capacity.loads=[0.05,0.1]", "capacity.trials=1",
                                                          'grid={"network.rule":["hebbian"]}'],
                 output=tmp_path, cache=False)
    assert res.complete and list(res.runs["network.rule"]) == ["hebbian", "hebbian"]
    assert (res.root / "report.html").is_file()  # report=True by default, as the tool


def test_run_errors_carry_the_tools_message(tmp_path):
    with pytest.raises(hl.EngineError, match=r"nope.json: cannot read the file"):
        hl.run(tmp_path / "nope.json", output=tmp_path)
    with pytest.raises(hl.EngineError, match=r'quickstart.json: grid\["network.rule"\]\[0\]: network.rule = "nope": "nope" is not one of'):
        hl.run(QUICKSTART, set={"grid": {"network.rule": ["nope"]}}, output=tmp_path)
    with pytest.raises(hl.EngineError, match=r"quickstart.json: dynamics.maxSweeps: "):
        hl.run(QUICKSTART, set={"dynamics.maxSweeps": -3}, output=tmp_path)
    with pytest.raises(hl.EngineError, match=r"--set seeds: expected key=value|seeds: expected"):
        hl.run(QUICKSTART, set=["seeds"], output=tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "task": "classify", "dataset": {"path": "' + str(tmp_path / "none") + '"}}')
    with pytest.raises(hl.EngineError, match=r"bad.json: dataset.path: .*none: no such folder"):
        hl.run(bad, output=tmp_path)
    assert not any((tmp_path / "x").exists() for _ in [0])  # nothing written
