"""Runs every benchmark workload of HopfieldLab and of the Python implementations it is compared
with, on the same machine and data, and prints one table (Markdown) with HopfieldLab's ratio to
each. Called by Benchmarks/run.sh, which builds the release binaries and the virtualenv."""
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "python"))
from references import NotebookNet, converge_sync, load_pillow, load_tf  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BENCH = os.path.join(ROOT, ".build", "release", "hopfield-bench")
HOPFIELD = os.path.join(ROOT, ".build", "release", "hopfield")


def child(args, cwd=ROOT):
    """Runs a program; returns (stdout, wall seconds)."""
    start = time.perf_counter()
    process = subprocess.run(args, cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{process.stderr}")
    return process.stdout, seconds


# A fresh, small Python whose only child is the measured program: its RUSAGE_CHILDREN peak is
# that program's own (a child forked from this process would count TensorFlow's pages too).
_RSS = "import resource, subprocess, sys; r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); " \
       "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss if r.returncode == 0 else -1)"


def rss(args, cwd=ROOT):
    """Peak resident memory (MB) of one program run alone."""
    out = subprocess.run(["/usr/bin/env", "python3", "-c", _RSS] + args, cwd=cwd, capture_output=True, text=True).stdout
    kilobytes = int(out.strip() or -1)
    if kilobytes < 0:
        raise SystemExit(f"{' '.join(args)} failed")
    return kilobytes / 1024.0


def fmt(v, unit=""):
    if v >= 100:
        return f"{v:,.0f}{unit}"
    return f"{v:.3g}{unit}"


def main():
    dataset = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "datasets", "catsdogs"))
    work = tempfile.mkdtemp(prefix="hopfieldlab-bench-")
    rows, notes = [], []

    # W1: convergence.
    w1 = {t: json.loads(child([BENCH, "w1", "--dataset", dataset, "--threads", str(t), "--export", work])[0]) for t in (1, 2)}
    memories = np.load(os.path.join(work, "memories.npy"))
    inputs = np.load(os.path.join(work, "inputs.npy"))
    swift_sync = np.load(os.path.join(work, "sync-states.npy"))
    net = NotebookNet(memories)
    start = time.perf_counter()
    for k, x in enumerate(inputs):
        net.converge(x, seed=k)
    notebook_rate = len(inputs) / (time.perf_counter() - start)
    times = []
    for _ in range(5):
        start = time.perf_counter()
        numpy_sync = converge_sync(memories, inputs)
        times.append(time.perf_counter() - start)
    numpy_rate = len(inputs) / sorted(times)[2]
    agree = int(np.sum(np.all(numpy_sync == swift_sync, axis=1)))
    w1_rate = w1[2]["imagesPerSecond"]
    rows.append(("W1 converge 200 test images, P = 8, N = 4096 (async; images/s)", fmt(w1_rate) + f" (1 thread {fmt(w1[1]['imagesPerSecond'])})",
                 f"notebook class {fmt(notebook_rate)}; NumPy sync batch {fmt(numpy_rate)}",
                 f"{w1_rate / notebook_rate:,.0f}× ; {w1_rate / numpy_rate:,.1f}×"))
    notes.append(f"W1 agreement: {agree} of {len(inputs)} synchronous final states equal between HopfieldLab and NumPy; "
                 f"{w1[2]['fixedPoints']} of {w1[2]['images']} asynchronous final states are fixed points; "
                 f"{w1[2]['spurious']} of {w1[2]['images']} end in spurious states (mean {w1[2]['meanSweeps']:.2f} sweeps)")

    # W2: loading.
    w2 = {t: json.loads(child([BENCH, "w2", "--dataset", dataset, "--threads", str(t)])[0]) for t in (1, 2)}
    w2b = json.loads(child([BENCH, "w2", "--dataset", dataset, "--threads", "2", "--resize", "bilinear"])[0])
    load_tf(dataset)  # warm up (imports, graph building)
    start = time.perf_counter()
    tf_patterns, _, _ = load_tf(dataset)
    tf_rate = len(tf_patterns) / (time.perf_counter() - start)
    start = time.perf_counter()
    pil_patterns, _, _ = load_pillow(dataset)
    pil_rate = len(pil_patterns) / (time.perf_counter() - start)
    w2_rate = w2[2]["imagesPerSecond"]
    notes.append(f"W2 floor: libjpeg-turbo's decoding alone (scaled IDCT, files in memory) runs at {fmt(w2[2]['decodeOnlyImagesPerSecond'])} images/s "
                 f"on 2 threads ({fmt(w2[1]['decodeOnlyImagesPerSecond'])} on 1): HopfieldLab's own work (reading, resizing, binarizing) is the rest")
    rows.append((f"W2 load {w2[2]['images']} JPEGs to 64×64 ±1 (images/s)",
                 f"{fmt(w2_rate)} area (1 thread {fmt(w2[1]['imagesPerSecond'])}); {fmt(w2b['imagesPerSecond'])} bilinear",
                 f"TF loader {fmt(tf_rate)}; Pillow {fmt(pil_rate)}",
                 f"{w2_rate / tf_rate:.1f}× ; {w2_rate / pil_rate:.1f}×"))

    # W3: the seed experiment end to end.
    w3_config = os.path.join(ROOT, "Benchmarks", "w3-seed-1000.json")
    w3_args = [HOPFIELD, "run", w3_config, "--set", f"dataset.path={dataset}", "--output", work, "--force", "--quiet", "--jobs", "2"]
    _, w3_seconds = child(w3_args)
    w3_rss = rss(w3_args)
    python_w3 = {}
    for method in ("numpy", "notebook"):
        out, _ = child([sys.executable, os.path.join(ROOT, "Benchmarks", "python", "pipeline.py"), dataset,
                        os.path.join(work, f"w3-{method}.csv"), method])
        python_w3[method] = json.loads(out)["seconds"]
    rows.append(("W3 seed experiment end to end, 1000 photos (seconds)", f"{w3_seconds:.2f} s",
                 f"notebook pipeline {python_w3['notebook']:.1f} s; with NumPy sync {python_w3['numpy']:.1f} s",
                 f"{python_w3['notebook'] / w3_seconds:,.0f}× ; {python_w3['numpy'] / w3_seconds:.1f}×"))

    # W4: seconds per sweep.
    w4 = json.loads(child([BENCH, "sweeps", "--json"])[0])
    cells = w4["secondsPerSweep"]
    rows.append(("W4 seconds per async sweep, N × P (Hebbian)",
                 "; ".join(f"{k.replace('x', '×')}: {v:.2e}" for k, v in cells.items()),
                 "", f"growth in N: {', '.join(f'{e:.2f}' for e in w4['exponentN'])} (P = 8, 64, 256); "
                     f"in P: {', '.join(f'{e:.2f}' for e in w4['exponentP'])} (N = 1024, 4096, 16384)"))

    # W5: jobs 1 against jobs 2.
    w5 = {}
    for jobs in (1, 2):
        _, w5[jobs] = child([HOPFIELD, "run", os.path.join(ROOT, "Configs", "catsdogs-sweep.json"), "--set", f"dataset.path={dataset}",
                             "--output", os.path.join(work, f"jobs{jobs}"), "--force", "--quiet", "--no-report", "--jobs", str(jobs)])
    rows.append(("W5 Configs/catsdogs-sweep.json (160 runs), --jobs 1 vs 2 (seconds)", f"{w5[1]:.2f} s vs {w5[2]:.2f} s", "",
                 f"{w5[1] / w5[2]:.2f}× with 2 jobs"))

    memory = {
        "W1": rss([BENCH, "w1", "--dataset", dataset, "--threads", "2", "--repeats", "1"]),
        "W2": rss([BENCH, "w2", "--dataset", dataset, "--threads", "2", "--repeats", "1"]),
        "W3": w3_rss,
        "W5": rss([HOPFIELD, "run", os.path.join(ROOT, "Configs", "catsdogs-sweep.json"), "--set", f"dataset.path={dataset}",
                   "--output", os.path.join(work, "jobs-rss"), "--force", "--quiet", "--no-report", "--jobs", "2"]),
    }
    print(f"HopfieldLab benchmarks on {os.cpu_count()} cores, data {dataset}\n")
    print("| workload | HopfieldLab | Python | HopfieldLab's ratio |")
    print("| --- | --- | --- | --- |")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    print()
    for n in notes:
        print("- " + n)
    print("- peak memory (max RSS): " + ", ".join(f"{k} {v:.1f} MB" for k, v in memory.items()))


if __name__ == "__main__":
    main()
