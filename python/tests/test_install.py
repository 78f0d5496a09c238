"""The package as installed: where it is, where its library is, that it loads from anywhere."""
from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import hopfieldlab as hl

from conftest import ROOT


def test_installed_copy_is_tested():
    # scripts/python-test sets this: pytest then runs the installed package, not python/hopfieldlab.
    if os.environ.get("HOPFIELDLAB_EXPECT_INSTALLED") == "1":
        package = Path(hl.__file__).resolve().parent
        assert package.parent == Path(sysconfig.get_paths()["platlib"]).resolve()
        assert hl.LIB_PATH.resolve() == package / "libHopfieldC.so"
    else:
        assert hl.LIB_PATH.is_file()


def test_version_matches_the_project():
    text = (ROOT / "python" / "pyproject.toml").read_text()
    assert f'version = "{hl.__version__}"' in text
    assert (ROOT / "Sources" / "Experiments" / "Support" / "HopfieldLab.swift").read_text().count(f'"{hl.__version__}"') == 1


def test_imports_from_another_working_directory(tmp_path):
    code = "import hopfieldlab as hl, numpy as np; n = hl.Network(np.array([[1, -1, 1, -1]])); print(n.converge([1, 1, 1, -1])[0].tolist())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[1, -1, 1, -1]"


def test_rules_are_the_tools():
    names = [r["name"] for r in hl.rules()]
    assert names[:5] == ["hebbian", "storkey", "pseudoinverse", "dense", "modern"]
    assert {"perceptron", "rbm", "hebbian-rbm", "conv"} <= set(names)
    modern = next(r for r in hl.rules() if r["name"] == "modern")
    assert modern["parameters"] == ["beta", "tolerance", "readout"]
