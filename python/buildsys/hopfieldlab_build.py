"""A minimal in-tree PEP 517 backend: packs hopfieldlab/ (its .py files and py.typed), the Swift
library and the `hopfield` tool into a wheel.

Why not setuptools or hatchling: nothing here is compiled by the backend. The wheel carries two
binaries SwiftPM built (libHopfieldC.so, loaded by ctypes, and the `hopfield` executable behind a
console entry point), which setuptools can only pack through a custom distribution class and a
forced platform tag, and hatchling would have to be downloaded. This backend is the standard
library only, so `pip install --no-index ./python` works offline. scripts/build-wheel then makes
the wheel self-contained with auditwheel (PyPI), which bundles every shared library the two
binaries need and sets the manylinux tag.

The library is $HOPFIELD_LIB and the tool $HOPFIELD_CLI when set, else the Swift package's release
build beside this folder, ../.build/release/: pip >= 21.3 builds a local folder in place, so the
relative path holds. The version is written once, in Sources/Experiments/Support/HopfieldLab.swift
(`hopfield --version`, the manifests): this backend reads it from there. The wheel holds copies,
so the installed package keeps working after `swift package clean`; reinstall after each build.
"""
from __future__ import annotations

import base64
import hashlib
import os
import re
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # python/
PACKAGE = "hopfieldlab"
LIBRARY = "libHopfieldC.so"
TOOL = "hopfield"
VERSION_SOURCE = ROOT.parent / "Sources" / "Experiments" / "Support" / "HopfieldLab.swift"
# ctypes loads the library, no CPython ABI is used: any Python 3 on x86-64 or arm64 Linux.
TAG = f"py3-none-linux_{os.uname().machine}"


def version() -> str:
    """The tool's version, from `public static let version = "…"` in HopfieldLab.swift."""
    found = re.findall(r'public static let version = "([^"]+)"', VERSION_SOURCE.read_text())
    if len(found) != 1:
        raise SystemExit(f"hopfieldlab: expected one `public static let version = \"…\"` in {VERSION_SOURCE}, found {len(found)}")
    return found[0]


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        project = tomllib.load(f)["project"]
    return {**project, "version": version()}


def _built(variable: str, name: str, product: str) -> Path:
    given = os.environ.get(variable)
    path = Path(given) if given else ROOT.parent / ".build" / "release" / name
    if not path.is_file():
        raise SystemExit(f"hopfieldlab: {name} not found at {path}. Run `swift build -c release --product HopfieldC && "
                         f"swift build -c release --product hopfield` in the Swift package first, or set {variable} to the built {product}.")
    return path.resolve()


def _metadata(p: dict) -> str:
    lines = ["Metadata-Version: 2.1", f"Name: {p['name']}", f"Version: {p['version']}"]
    if "description" in p:
        lines.append(f"Summary: {p['description']}")
    if "requires-python" in p:
        lines.append(f"Requires-Python: {p['requires-python']}")
    lines += [f"Requires-Dist: {d}" for d in p.get("dependencies", [])]
    return "\n".join(lines) + "\n"


def _record_line(name: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def _write_wheel(directory: str, files: list[tuple[str, bytes, int]]) -> str:
    p = _project()
    dist = f"{p['name'].replace('-', '_')}-{p['version']}"
    info = f"{dist}.dist-info"
    wheel = f"Wheel-Version: 1.0\nGenerator: hopfieldlab_build\nRoot-Is-Purelib: false\nTag: {TAG}\n"
    entry = f"[console_scripts]\n{TOOL} = {PACKAGE}._cli:main\n"
    files = files + [(f"{info}/METADATA", _metadata(p).encode(), 0o644), (f"{info}/WHEEL", wheel.encode(), 0o644),
                     (f"{info}/entry_points.txt", entry.encode(), 0o644)]
    record = "\n".join(_record_line(name, data) for name, data, _ in files) + f"\n{info}/RECORD,,\n"
    files.append((f"{info}/RECORD", record.encode(), 0o644))
    name = f"{dist}-{TAG}.whl"
    with zipfile.ZipFile(Path(directory) / name, "w", zipfile.ZIP_DEFLATED) as z:
        for arcname, data, mode in files:
            entry = zipfile.ZipInfo(arcname, date_time=(2020, 1, 1, 0, 0, 0))
            entry.external_attr = (0o100000 | mode) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(entry, data)
    return name


# PEP 517 hooks.

def get_requires_for_build_wheel(config_settings=None):
    return []


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    library = _built("HOPFIELD_LIB", LIBRARY, "library")
    tool = _built("HOPFIELD_CLI", TOOL, "tool")
    print(f"[hopfieldlab_build] {ROOT}: packing {library} and {tool}", file=sys.stderr)
    sources = sorted((ROOT / PACKAGE).glob("*.py")) + [ROOT / PACKAGE / "py.typed"]
    files = [(f"{PACKAGE}/{f.name}", f.read_bytes(), 0o644) for f in sources]
    files.append((f"{PACKAGE}/{LIBRARY}", library.read_bytes(), 0o755))
    # In the package (not the wheel's scripts folder), so that auditwheel's $ORIGIN paths to the
    # bundled libraries hold where pip installs it; the console entry point runs it (_cli.py).
    files.append((f"{PACKAGE}/bin/{TOOL}", tool.read_bytes(), 0o755))
    return _write_wheel(wheel_directory, files)


def get_requires_for_build_editable(config_settings=None):
    return []


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # PEP 660: a .pth file puts python/ on sys.path; the package then loads the library from
    # $HOPFIELD_LIB or ../.build/release (see hopfieldlab/_native.py), so no copy goes stale.
    return _write_wheel(wheel_directory, [(f"__editable__.{PACKAGE}.pth", f"{ROOT}\n".encode(), 0o644)])


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    # The version is dynamic (read from the Swift source), so pip asks for the metadata first.
    p = _project()
    info = Path(metadata_directory) / f"{p['name'].replace('-', '_')}-{p['version']}.dist-info"
    info.mkdir(parents=True, exist_ok=True)
    (info / "METADATA").write_text(_metadata(p))
    (info / "entry_points.txt").write_text(f"[console_scripts]\n{TOOL} = {PACKAGE}._cli:main\n")
    return info.name
