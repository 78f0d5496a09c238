"""A minimal in-tree PEP 517 backend: packs hopfieldlab/*.py and the Swift library into a wheel.

Standard library only, so pip needs nothing from an index to build it (`pip install --no-index
./python` works offline). The library is $HOPFIELD_LIB when set, else the Swift package's release
build beside this folder, ../.build/release/libHopfieldC.so: pip >= 21.3 builds a local folder in
place, so the relative path holds. The wheel holds a copy of the library, so the installed package
keeps working after `swift package clean`; reinstall after each `swift build`.
"""
from __future__ import annotations

import base64
import hashlib
import os
import sys
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # python/
PACKAGE = "hopfieldlab"
LIBRARY = "libHopfieldC.so"
# ctypes loads the library, no CPython ABI is used: any Python 3 on x86-64 or arm64 Linux.
TAG = f"py3-none-linux_{os.uname().machine}"


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def _library() -> Path:
    given = os.environ.get("HOPFIELD_LIB")
    path = Path(given) if given else ROOT.parent / ".build" / "release" / LIBRARY
    if not path.is_file():
        raise SystemExit(f"hopfieldlab: {LIBRARY} not found at {path}. Run `swift build -c release --product HopfieldC` "
                         "in the Swift package first, or set HOPFIELD_LIB to the built library.")
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
    files = files + [(f"{info}/METADATA", _metadata(p).encode(), 0o644), (f"{info}/WHEEL", wheel.encode(), 0o644)]
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
    library = _library()
    print(f"[hopfieldlab_build] {ROOT}: packing {library}", file=sys.stderr)
    files = [(f"{PACKAGE}/{f.name}", f.read_bytes(), 0o644) for f in sorted((ROOT / PACKAGE).glob("*.py"))]
    files.append((f"{PACKAGE}/{LIBRARY}", library.read_bytes(), 0o755))
    return _write_wheel(wheel_directory, files)


def get_requires_for_build_editable(config_settings=None):
    return []


def build_editable(wheel_directory, config_settings=None, metadata_directory=None):
    # PEP 660: a .pth file puts python/ on sys.path; the package then loads the library from
    # $HOPFIELD_LIB or ../.build/release (see hopfieldlab/_native.py), so no copy goes stale.
    return _write_wheel(wheel_directory, [(f"__editable__.{PACKAGE}.pth", f"{ROOT}\n".encode(), 0o644)])
