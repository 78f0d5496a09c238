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


def test_version_is_written_once():
    # The engine's version (HopfieldLab.swift, `hopfield --version`) is the package's metadata
    # version: pyproject.toml declares it dynamic and the backend reads it from the Swift source.
    from importlib.metadata import version

    text = (ROOT / "python" / "pyproject.toml").read_text()
    assert 'dynamic = ["version"]' in text and "\nversion =" not in text
    assert (ROOT / "Sources" / "Experiments" / "Support" / "HopfieldLab.swift").read_text().count(f'"{hl.__version__}"') == 1
    assert version("hopfieldlab") == hl.__version__


def test_the_hopfield_command_is_the_packages_own():
    # The console entry point of the wheel runs the tool packed beside the library.
    import shutil

    from hopfieldlab import _cli

    command = Path(sys.executable).parent / "hopfield"
    if not command.exists():
        command = Path(shutil.which("hopfield") or "hopfield")
    out = subprocess.run([str(command), "--version"], capture_output=True, text=True, check=True, env={**os.environ, "HOPFIELD_CLI": ""})
    assert out.stdout.strip() == hl.__version__
    if os.environ.get("HOPFIELDLAB_EXPECT_INSTALLED") == "1":
        assert _cli.tool_path() == Path(hl.__file__).resolve().parent / "bin" / "hopfield"
    bad = subprocess.run([str(command), "run", "/nonexistent/config.json"], capture_output=True, text=True)
    assert bad.returncode != 0 and "/nonexistent/config.json" in bad.stderr


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
