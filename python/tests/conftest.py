"""Shared fixtures: the repository, the MNIST digits sample, the built `hopfield` tool."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
"""The repository (this file is python/tests/conftest.py)."""


def digits_folder() -> Path:
    """The 5000 MNIST digits (500 per class): $HOPFIELDLAB_SHARED_DATASETS/digits, ../shared/datasets/digits
    beside the checkout (as the Swift tests find them; CI has it), or Datasets/digits (scripts/fetch-digits)."""
    candidates = []
    if os.environ.get("HOPFIELDLAB_SHARED_DATASETS"):
        candidates.append(Path(os.environ["HOPFIELDLAB_SHARED_DATASETS"]) / "digits")
    candidates += [ROOT.parent / "shared" / "datasets" / "digits", ROOT / "Datasets" / "digits"]
    for folder in candidates:
        if (folder / "9").is_dir():
            return folder
    pytest.fail(f"no digits dataset in {', '.join(map(str, candidates))} (run scripts/fetch-digits)")


@pytest.fixture(scope="session")
def digits() -> Path:
    return digits_folder()


@pytest.fixture(scope="session")
def small(digits):
    """20 digits per class at 28×28, area resizing, mid-gray binarization (the quickstart's images)."""
    import hopfieldlab as hl

    return hl.load_dataset(digits, size=28, resize="area", binarize="midgray", limit_per_class=20)


@pytest.fixture(scope="session")
def cli() -> Path:
    """The `hopfield` tool: $HOPFIELD_CLI (scripts/python-test builds it in release mode and sets
    it), else the installed package's own command (the wheel's console entry point, beside this
    Python), else the source tree's release build."""
    import sys

    installed = Path(sys.executable).parent / "hopfield"
    path = Path(os.environ.get("HOPFIELD_CLI") or (installed if installed.exists() else ROOT / ".build" / "release" / "hopfield"))
    if not os.access(path, os.X_OK):
        pytest.fail(f"the hopfield tool is not built at {path}: run `swift build -c release --product hopfield` or set HOPFIELD_CLI")
    return path
