"""Datasets: the engine's loader, checked against `hopfield dataset export` and by its options."""
from __future__ import annotations

import csv
import subprocess

import numpy as np
import pytest

import hopfieldlab as hl


def read_npy(path):
    return np.load(path, allow_pickle=False)


def test_load_dataset_shape_types_and_order(small):
    X, y, classes = small
    assert X.dtype == np.int8 and X.shape == (200, 784) and set(np.unique(X)) == {-1, 1}
    assert y.dtype == np.int64 and np.array_equal(y, np.repeat(np.arange(10), 20))
    assert classes == [str(d) for d in range(10)]
    assert small.paths[:2] == ["0/00000.png", "0/00001.png"] and len(small.paths) == 200
    assert np.array_equal(small.index_in_class, np.tile(np.arange(20), 10))
    assert small.refused == []
    keys = small.stream_keys()
    assert keys.dtype == np.uint64 and keys.shape == (200, 3)
    assert (keys[:, 0] == hl.stream_key("converge")).all() and np.array_equal(keys[:, 1], y)


def test_same_patterns_as_the_tools_export(small, digits, cli, tmp_path):
    subprocess.run([cli, "dataset", "export", digits, "--out", tmp_path, "--size", "28", "--resize", "area", "--binarize", "midgray",
                    "--limit-per-class", "20", "--no-cache"], check=True, capture_output=True)
    assert np.array_equal(read_npy(tmp_path / "patterns.npy"), small.X)
    assert np.array_equal(read_npy(tmp_path / "labels.npy"), small.y)
    with open(tmp_path / "index.csv") as f:
        assert [row["path"] for row in csv.DictReader(f)] == small.paths


def test_binarizations_and_options(digits, small):
    seed = hl.load_dataset(digits, size=28, resize="area", binarize="seed", limit_per_class=20, cache=False)
    assert np.array_equal(seed.X, small.X)  # "seed" is midgray's first name
    gray = hl.load_dataset(digits, size=28, binarize="none", limit_per_class=3, classes=["7", "1"])
    assert gray.X.dtype == np.float32 and gray.X.shape == (6, 784)
    assert gray.X.min() >= -1 and gray.X.max() <= 1 and len(np.unique(gray.X)) > 2
    assert gray.classes == ["7", "1"] and np.array_equal(gray.y, [0, 0, 0, 1, 1, 1])
    assert [p.split("/")[0] for p in gray.paths] == ["7", "7", "7", "1", "1", "1"]
    # midgray is x/255 − 0.5001 > 0 on the same resized gray image.
    mid = hl.load_dataset(digits, size=28, binarize="midgray", limit_per_class=3, classes=["7", "1"])
    assert np.array_equal(mid.X, np.where((gray.X.astype(np.float64) + 1) * 127.5 / 255 - 0.5001 > 0, 1, -1))
    small16 = hl.load_dataset(digits, size=16, resize="bilinear", binarize="otsu", limit_per_class=2)
    assert small16.X.shape == (20, 256)


def test_dataset_errors_carry_the_tools_message(digits, tmp_path):
    with pytest.raises(hl.EngineError, match=r"^dataset.path: .*nope.*: no such folder \(relative paths are read from the working directory"):
        hl.load_dataset(tmp_path / "nope", size=28)
    with pytest.raises(hl.EngineError, match=r'^image.binarize: "blur" is not one of midgray, mean, median, otsu, threshold, none$'):
        hl.load_dataset(digits, size=28, binarize="blur")
    with pytest.raises(hl.EngineError, match=r"^image.threshold: is required with \"binarize\": \"threshold\""):
        hl.load_dataset(digits, size=28, binarize="threshold")
    with pytest.raises(hl.EngineError, match=r"^dataset.classes: .*: no class folder 'cat' \(found: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9\)$"):
        hl.load_dataset(digits, size=28, classes=["cat"])
    with pytest.raises(hl.EngineError, match=r"^image.size"):
        hl.load_dataset(digits, size=1)


def test_features_are_the_exports_and_refuse_bad_weights(digits, cli, tmp_path):
    """load_dataset(features=...) gives the encoder's float32 features, the same values as
    `hopfield dataset export --features`; a missing weights file is a Python exception naming it
    and what to run."""
    hog = hl.load_dataset(digits, size=32, resize="area", limit_per_class=5, features="hog", cache=False)
    assert hog.X.dtype == np.float32 and hog.X.shape == (50, 3 * 3 * 36)
    subprocess.run([cli, "dataset", "export", digits, "--out", tmp_path, "--size", "32", "--resize", "area",
                    "--limit-per-class", "5", "--features", "hog", "--no-cache"], check=True, capture_output=True)
    assert np.array_equal(read_npy(tmp_path / "features.npy"), hog.X)
    edges = hl.load_dataset(digits, size=16, limit_per_class=2, features="edges", cache=False)
    assert edges.X.shape == (20, 3 * 256) and (edges.X[:, :256] >= 0).all()
    with pytest.raises(hl.EngineError, match=r"missing\.hlnn.*scripts/fetch-encoder"):
        hl.load_dataset(digits, limit_per_class=1, features="cnn", weights=str(tmp_path / "missing.hlnn"), cache=False)
