"""Corruptions of patterns, the engine's own (the recall task's starts): flipped bits, masks,
hidden corners, Bernoulli noise, random, negated and mixture states."""
from __future__ import annotations

import numpy as np

from . import _native
from ._native import _f64p, _i8p, _u64p, call, lib
from .network import _binary_or_none, _matrix

KINDS = ("flip", "flip-each", "mask", "corner", "bernoulli", "random", "negative", "mixture")
"""The kinds of `corrupt`, as in a recall config's `corruption.kind`."""


def corrupt(patterns, flip: float | None = None, mask: float | None = None, *, kind: str | None = None, level: float | None = None,
            value: int | None = None, rect=None, seed: int = 0, keys=None) -> np.ndarray:
    """A corrupted copy of every row of `patterns` (one pattern per row, or one 1-D pattern),
    made by the engine exactly as a recall run makes its starts (`corruption` section).

    `flip=f`: round(f·N) distinct neurons flipped (kind "flip"); `mask=f`: a centred square
    covering the fraction f of each row read as a √N × √N image set to `value` (default +1; 0 is
    undecided); or `kind` with its `level` (flip-each, corner, bernoulli; random, negative and
    mixture take no level), `value` and `rect` ([r0, r1, c0, c1], mask only), checked by the
    config's decoder. Row k draws from RandomStreams.stream(seed, k), or from the stream of its
    row of `keys` (a recall run corrupts memory μ at level index l, trial t with the keys
    [stream_key("corrupt"), l, t, μ] and its seed). Binary rows (−1/0/+1) give int8, real rows
    float64; the input is never modified.
    """
    given = [name for name, v in (("flip", flip), ("mask", mask), ("kind", kind)) if v is not None]
    if len(given) != 1:
        raise TypeError(f"corrupt takes one of flip=, mask= or kind=, got {', '.join(given) or 'none'}")
    if flip is not None or mask is not None:
        if level is not None:
            raise TypeError("level= goes with kind=; flip= and mask= are the level")
        kind, level = ("flip", flip) if flip is not None else ("mask", mask)
    section: dict = {"kind": kind}
    if level is not None:
        section["levels"] = [level]
    if value is not None:
        section["value"] = value
    if rect is not None:
        section["rect"] = list(rect)
    x, single = _matrix(patterns, "patterns")
    binary = _binary_or_none(x)
    reals = None if binary is not None else np.ascontiguousarray(x, dtype=np.float64)
    rows, n = x.shape
    _native.check_allocation(x.size * 24, f"{rows} corrupted patterns of {n} neurons")
    k, per_row = _native.row_keys(keys, rows, "pattern")
    out = np.empty((rows, n), dtype=np.float64)
    call(lib.hopfieldlab_corrupt, _native.pointer(binary, _i8p), _native.pointer(reals, _f64p), rows, n,
         _native.config_json(section, "corruption"), _native.seed(seed), _native.pointer(k, _u64p), per_row, out.ctypes.data_as(_f64p))
    result = out.astype(np.int8) if binary is not None else out
    return result[0] if single else result
