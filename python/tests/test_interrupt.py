"""Ctrl-C in Python (issue 23 row 10): a long engine call stops within about a second with
KeyboardInterrupt, and an interrupted `hl.run` leaves a folder that `resume=True` completes with
the same bytes as an uninterrupted run.

Each case runs in a child interpreter: the child sends itself SIGINT (as a terminal's Ctrl-C
does) from a timer thread and prints what happened."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import ROOT


def child(code: str, **values) -> dict:
    script = textwrap.dedent(code)
    out = subprocess.run([sys.executable, "-c", script, json.dumps(values)], capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_ctrl_c_stops_a_long_converge_within_a_second():
    result = child("""
        import json, os, signal, threading, time
        import numpy as np, hopfieldlab as hl
        rng = np.random.default_rng(0)
        X = np.where(rng.random((40, 1500)) < 0.5, -1, 1).astype(np.int8)
        net = hl.Network(X)
        starts = np.where(rng.random((40_000, 1500)) < 0.5, -1, 1).astype(np.int8)  # about a minute of work
        sent = {}
        def interrupt():
            sent["at"] = time.monotonic()
            signal.raise_signal(signal.SIGINT)
        threading.Timer(1.0, interrupt).start()
        began = time.monotonic()
        try:
            net.converge(starts, jobs=2)
            print(json.dumps({"outcome": "finished", "seconds": time.monotonic() - began}))
        except KeyboardInterrupt:
            stopped = time.monotonic()
            # The engine is usable again at once.
            again = net.converge(X[:3])[0]
            print(json.dumps({"outcome": "interrupted", "after_signal": stopped - sent["at"], "works": bool((again == X[:3]).all())}))
    """)
    assert result["outcome"] == "interrupted", result
    assert result["after_signal"] < 1.5, result
    assert result["works"]


def test_an_interrupted_run_resumes_to_the_same_bytes(digits, tmp_path):
    config = str(ROOT / "Configs" / "quickstart.json")
    overrides = {"seeds": list(range(1, 9)), "dataset.path": str(digits), "dataset.limitPerClass": 30}
    result = child("""
        import json, signal, sys, threading, time
        from pathlib import Path
        import hopfieldlab as hl
        args = json.loads(sys.argv[1])
        root = Path(args["out"]) / "cut" / "quickstart"
        def interrupt_after_the_first_run():
            while not any(p.is_dir() and (p / "tally.csv").exists() for p in root.glob("network.rule=*")):
                time.sleep(0.005)
            signal.raise_signal(signal.SIGINT)
        threading.Thread(target=interrupt_after_the_first_run, daemon=True).start()
        try:
            hl.run(args["config"], set=args["set"], output=Path(args["out"]) / "cut", report=False, jobs=1)
            print(json.dumps({"outcome": "finished"}))
        except KeyboardInterrupt:
            written = sorted(p.name for p in root.glob("network.rule=*") if (p / "tally.csv").exists())
            leftovers = sorted(p.name for p in root.iterdir() if p.name.startswith("."))
            rollup = (root / "runs.csv").exists()
            resumed = hl.run(args["config"], set=args["set"], output=Path(args["out"]) / "cut", report=False, resume=True, jobs=2)
            clean = hl.run(args["config"], set=args["set"], output=Path(args["out"]) / "clean", report=False, jobs=2)
            same = (root / "runs.csv").read_bytes() == (clean.root / "runs.csv").read_bytes()
            print(json.dumps({"outcome": "interrupted", "written": len(written), "leftovers": leftovers, "rollup": rollup,
                              "skipped": len(resumed.skipped), "same": same, "total": len(clean.ran)}))
    """, config=config, set=overrides, out=str(tmp_path))
    assert result["outcome"] == "interrupted", result
    assert 1 <= result["written"] < result["total"], result
    assert not result["rollup"], result           # the roll-ups wait for every run
    assert result["skipped"] == result["written"], result
    assert result["same"], result
