"""The engine's random streams: how a seed and keys become the state of a xoshiro256** stream."""
from __future__ import annotations

from . import _native
from ._native import _u64p, lib


def stream_key(text: str) -> int:
    """The 64-bit key of a text (RandomStreams.key: FNV-1a over its UTF-8 bytes), the key runs
    derive their streams from: "converge" (classify), "recall" (hopfield recall), "corrupt", ...
    Every byte counts, a NUL included: stream_key("a\\x00b") != stream_key("a")."""
    if not isinstance(text, str):
        raise TypeError(f"stream_key takes a str, got {type(text).__name__}")
    data = text.encode("utf-8")
    return int(lib.hopfieldlab_stream_key(data, len(data)))


def derive_seed(seed: int, keys) -> int:
    """RandomStreams.derive(seed, keys): the 64-bit seed of the stream for `seed` and `keys`
    (h ← mix(seed), then h ← mix(h ⊕ mix(key + golden)) for each key, SplitMix64 mixes). The
    stream itself is Xoshiro256StarStar(seed: that value). `seed` and every key must be integers
    in [0, 2**64)."""
    k = _native.stream_keys(keys).ravel()
    return int(lib.hopfieldlab_stream_derive(_native.seed(seed), k.ctypes.data_as(_u64p), k.size))
