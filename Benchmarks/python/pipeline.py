"""W3 in Python: the seed experiment end to end with the notebook's tools (Keras loader, the
notebook's network class), or with the vectorised NumPy network. Prints one JSON object."""
import csv
import json
import sys
import time

import numpy as np

from references import NotebookNet, converge_sync, load_tf, select_maxmin


def main():
    root, out, method = sys.argv[1], sys.argv[2], sys.argv[3]
    start = time.perf_counter()
    patterns, labels, paths = load_tf(root)
    rng = np.random.default_rng(42)
    train, test = [], []
    for c in sorted(set(labels.tolist())):
        members = np.flatnonzero(labels == c)
        rng.shuffle(members)
        train += members[:50].tolist()
        test += members[50:500].tolist()
    memories = [train[k] for k in select_maxmin(patterns[train], labels[train], 8)]
    x = patterns[memories]
    items = [("train", i) for i in train] + [("test", i) for i in test]
    if method == "notebook":
        net = NotebookNet(x)
        finals = [net.converge(patterns[i], seed=k)[0] for k, (_, i) in enumerate(items)]
    else:
        finals = converge_sync(x, patterns[[i for _, i in items]])
    with open(out, "w", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(["split", "path", "label", "outcome"])
        for (split, i), state in zip(items, finals):
            match = [k for k in range(len(x)) if np.array_equal(state, x[k])]
            outcome = "spurious" if not match else ("correct" if labels[memories[match[0]]] == labels[i] else "error")
            writer.writerow([split, paths[i], int(labels[i]), outcome])
    seconds = time.perf_counter() - start
    print(json.dumps({"workload": "W3", "method": method, "images": len(items), "seconds": round(seconds, 3)}))


if __name__ == "__main__":
    main()
