"""The engine's random streams: how a seed and keys become the state of a xoshiro256** stream."""
from __future__ import annotations

import numpy as np

from ._native import _u64p, encode, lib


def stream_key(text: str) -> int:
    """The 64-bit key of a text (RandomStreams.key: FNV-1a over its UTF-8 bytes), the key runs
    derive their streams from: "converge" (classify), "recall" (hopfield recall), "corrupt", ..."""
    return int(lib.hopfieldlab_stream_key(encode(text)))


def derive_seed(seed: int, keys) -> int:
    """RandomStreams.derive(seed, keys): the 64-bit seed of the stream for `seed` and `keys`
    (h ← mix(seed), then h ← mix(h ⊕ mix(key + golden)) for each key, SplitMix64 mixes). The
    stream itself is Xoshiro256StarStar(seed: that value)."""
    k = np.ascontiguousarray(np.atleast_1d(np.asarray(keys, dtype=np.uint64)))
    return int(lib.hopfieldlab_stream_derive(int(seed), k.ctypes.data_as(_u64p), k.size))
