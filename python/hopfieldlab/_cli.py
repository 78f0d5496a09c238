"""The `hopfield` command of the wheel: runs the tool packed beside the library (hopfieldlab/bin/),
the same version as the Python API, with the arguments given."""
from __future__ import annotations

import os
import sys
from pathlib import Path

TOOL = "hopfield"


def tool_path() -> Path:
    """The packed tool, else $HOPFIELD_CLI, else the source tree's release build (an editable
    install)."""
    here = Path(__file__).resolve().parent
    for path in (here / "bin" / TOOL, Path(os.environ.get("HOPFIELD_CLI", "")) if os.environ.get("HOPFIELD_CLI") else None,
                 here.parent.parent / ".build" / "release" / TOOL):
        if path is not None and os.access(path, os.X_OK) and path.is_file():
            return path
    raise SystemExit(f"hopfield: the tool is not in {here / 'bin'}: reinstall the wheel, or set HOPFIELD_CLI to a built `hopfield`")


def main() -> None:
    """Replaces this process with the tool (its exit code, signals and terminal are the tool's own)."""
    path = tool_path()
    os.execv(path, [str(path), *sys.argv[1:]])


if __name__ == "__main__":
    main()
