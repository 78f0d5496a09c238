"""Loads the Swift engine (libHopfieldC.so) and declares its C functions for ctypes.

Conventions of the C ABI (Sources/HopfieldCABI): NumPy allocates every array and passes pointers
and sizes; each call returns 0, or 1 or 2 with a malloc'd message that `call` turns into EngineError
(ConfigError for 2, refused input) and frees; networks and datasets are opaque handles freed by their *_free function.
"""
from __future__ import annotations

import ctypes
import json
import math
import operator
import os
import threading
from pathlib import Path

import numpy as np

LIB_NAME = "libHopfieldC.so"


def _find_library() -> Path:
    # 1. An explicit library ($HOPFIELD_LIB): a fresh `swift build` tested without reinstalling.
    given = os.environ.get("HOPFIELD_LIB")
    if given:
        return Path(given)
    # 2. The copy installed in the package.
    here = Path(__file__).resolve().parent / LIB_NAME
    if here.exists():
        return here
    # 3. The source tree (editable install): ../../.build/release.
    tree = Path(__file__).resolve().parents[2] / ".build" / "release" / LIB_NAME
    if tree.exists():
        return tree
    raise ImportError(f"{LIB_NAME} not found next to {__file__}: run `swift build -c release --product HopfieldC` and "
                      "reinstall the package (pip install ./python), or set HOPFIELD_LIB to the built library")


LIB_PATH = _find_library()
lib = ctypes.CDLL(str(LIB_PATH))  # CDLL: the GIL is released during each call

_i8p = ctypes.POINTER(ctypes.c_int8)
_i32p = ctypes.POINTER(ctypes.c_int32)
_u64p = ctypes.POINTER(ctypes.c_uint64)
_f32p = ctypes.POINTER(ctypes.c_float)
_f64p = ctypes.POINTER(ctypes.c_double)
_sizep = ctypes.POINTER(ctypes.c_ssize_t)
_strp = ctypes.POINTER(ctypes.c_void_p)  # char **: kept as void * so ctypes neither copies nor loses the pointer
_handlep = ctypes.POINTER(ctypes.c_void_p)
_size, _str, _handle = ctypes.c_ssize_t, ctypes.c_char_p, ctypes.c_void_p


def _declare(name, restype, *argtypes):
    fn = getattr(lib, name)
    fn.restype = restype
    fn.argtypes = list(argtypes)


_declare("hopfieldlab_version", ctypes.c_void_p)
_declare("hopfieldlab_rules", ctypes.c_void_p)
_declare("hopfieldlab_free_string", None, ctypes.c_void_p)
_declare("hopfieldlab_stream_key", ctypes.c_uint64, _str, _size)
_declare("hopfieldlab_stream_derive", ctypes.c_uint64, ctypes.c_uint64, _u64p, _size)
_declare("hopfieldlab_available_cores", _size)
_declare("hopfieldlab_memory_budget", _size)
_declare("hopfieldlab_network_create", ctypes.c_int32, _i8p, _f64p, _size, _size, _str, ctypes.c_uint64, _size, _handlep, _strp)
_declare("hopfieldlab_network_free", None, _handle)
_declare("hopfieldlab_network_info", ctypes.c_int32, _handle, _strp, _strp)
_declare("hopfieldlab_network_settle", ctypes.c_int32, _handle, _i8p, _f64p, _size, _size, _str, ctypes.c_uint64, _u64p, _size,
         _size, _f64p, _i32p, _f64p, _strp)
_declare("hopfieldlab_network_trajectory", ctypes.c_int32, _handle, _i8p, _f64p, _size, _str, ctypes.c_uint64, _u64p, _size,
         _size, _f64p, _f64p, _sizep, _i32p, _f64p, _strp)
_declare("hopfieldlab_network_trajectories", ctypes.c_int32, _handle, _i8p, _f64p, _size, _size, _str, ctypes.c_uint64, _u64p, _size,
         _size, _size, _f64p, _f64p, _f64p, _sizep, _i32p, _f64p, _strp)
_declare("hopfieldlab_corrupt", ctypes.c_int32, _i8p, _f64p, _size, _size, _str, ctypes.c_uint64, _u64p, _size, _f64p, _strp)
_declare("hopfieldlab_network_energy", ctypes.c_int32, _handle, _i8p, _f64p, _size, _size, _f64p, _strp)
_declare("hopfieldlab_network_weights", ctypes.c_int32, _handle, _f64p, _strp)
_declare("hopfieldlab_dataset_load", ctypes.c_int32, _str, _size, _str, _handlep, _strp)
_declare("hopfieldlab_dataset_free", None, _handle)
_declare("hopfieldlab_dataset_info", ctypes.c_int32, _handle, _strp, _strp)
_declare("hopfieldlab_dataset_values", ctypes.c_int32, _handle, _i8p, _f32p, _strp)
_declare("hopfieldlab_run", ctypes.c_int32, _str, _str, _str, _size, ctypes.c_bool, ctypes.c_bool, ctypes.c_bool, _str, _strp, _strp)


class EngineError(RuntimeError):
    """An error reported by the Swift engine; str() is the engine's own message (the one the
    `hopfield` tool prints after "error: ")."""


class ConfigError(EngineError, ValueError):
    """The engine refused its input before doing any work (a config, a rule's parameters, an
    argument), naming the JSON path or the argument: where the `hopfield` tool exits with 2."""


def take_string(address) -> str:
    """The text of a malloc'd string returned by the library, which is then freed."""
    if not address:
        return ""
    try:
        return ctypes.string_at(address).decode("utf-8", "replace")
    finally:
        lib.hopfieldlab_free_string(address)


_declare("hopfieldlab_interrupt", None)
_declare("hopfieldlab_interrupt_clear", None)


def _interruptibly(fn, args):
    """`fn(*args)` on a helper thread while the main thread waits in short slices, so that Ctrl-C
    (KeyboardInterrupt, delivered only to the main thread, between Python bytecodes) is seen at
    once: the engine is asked to stop (hopfieldlab_interrupt; it stops at its next safe point,
    between blocks of starts or the runs of a batch, keeping nothing half-made), waited for, and
    the KeyboardInterrupt raised. From any other thread the call is made directly."""
    if threading.current_thread() is not threading.main_thread():
        return fn(*args)
    lib.hopfieldlab_interrupt_clear()
    box = {}
    done = threading.Event()

    def work():
        try:
            box["value"] = fn(*args)
        except BaseException as error:  # ctypes argument errors: re-raised in the caller
            box["error"] = error
        finally:
            done.set()

    # An Event, not Thread.join: a join interrupted by KeyboardInterrupt can leave the thread
    # marked as stopped while it still runs (CPython gh-90882), and the engine would outlive the call.
    threading.Thread(target=work, name=f"hopfieldlab {fn.__name__}", daemon=True).start()
    try:
        while not done.wait(0.05):
            pass
    except KeyboardInterrupt:
        lib.hopfieldlab_interrupt()
        while not done.wait(0.05):
            pass
        lib.hopfieldlab_interrupt_clear()
        raise
    if "error" in box:
        raise box["error"]
    return box["value"]


def call(fn, *args) -> None:
    """Calls `fn(*args, &err)` and raises EngineError with the engine's message on failure.
    Ctrl-C stops the call within about a second (see `_interruptibly`)."""
    err = ctypes.c_void_p()
    status = _interruptibly(fn, (*args, ctypes.byref(err)))
    if status != 0:
        # The engine's Problem: 2 is refused input (ConfigError), 1 work that failed.
        raise (ConfigError if status == 2 else EngineError)(take_string(err.value) or "unknown error")


def call_json(fn, *args):
    """Calls a function whose last output before `err` is a malloc'd JSON text, and parses it."""
    out = ctypes.c_void_p()
    call(fn, *args, ctypes.byref(out))
    return json.loads(take_string(out.value))


def encode(text, what: str = "text") -> bytes:
    """A str (or path) as a NUL-terminated UTF-8 argument. A NUL inside would end the text early
    in the engine (another file, another key): ValueError, as Python's own file functions do."""
    data = os.fsencode(text) if isinstance(text, os.PathLike) else str(text).encode("utf-8")
    if b"\0" in data:
        raise ValueError(f"{what}: embedded null character in {text!r}")
    return data


def integer(value, what: str, low: int, high: int) -> int:
    """`value` as a Python int in [low, high) (a NumPy integer is accepted; a bool, a float or a
    value out of range is not: ctypes would silently wrap 2**64 to 0 and −1 to 2**64 − 1)."""
    if isinstance(value, (bool, np.bool_)):
        raise TypeError(f"{what} must be an integer, got {value!r}")
    try:
        number = operator.index(value)
    except TypeError:
        raise TypeError(f"{what} must be an integer, got {type(value).__name__} {value!r}") from None
    if not low <= number < high:
        raise ValueError(f"{what} must be in [{low}, {high}), got {number}" if high != 2**64 else
                         f"{what} must be in [0, 2**64), got {number}")
    return number


def seed(value, what: str = "seed") -> int:
    """A 64-bit stream seed: an integer in [0, 2**64)."""
    return integer(value, what, 0, 2**64)


def stream_keys(keys, what: str = "keys") -> np.ndarray:
    """`keys` as uint64 (a C-contiguous copy): integers in [0, 2**64), never wrapped."""
    if not isinstance(keys, (np.ndarray, np.generic)):
        # Python integers one by one: NumPy would make [2**63, 5] float64 (inexact) and wrap −1.
        k = np.asarray(keys, dtype=object)
        return np.asarray([seed(v, what) for v in k.ravel()], dtype=np.uint64).reshape(k.shape)
    k = np.asarray(keys)
    if k.dtype == bool or k.dtype.kind not in "iu":
        raise TypeError(f"{what} must be non-negative integers (uint64 stream keys), got dtype {k.dtype}")
    if k.dtype.kind == "i" and k.size and k.min() < 0:
        raise ValueError(f"{what} must be non-negative integers (uint64 stream keys), got {k.min()}")
    return np.ascontiguousarray(k, dtype=np.uint64)


def row_keys(keys, rows: int, what: str):
    """(keys as a rows × K uint64 array, K), or (None, 0) without keys: one row of stream keys per
    `what` (a 1-D array is one key per row)."""
    if keys is None:
        return None, 0
    k = stream_keys(keys)
    if k.ndim == 1:
        k = k[:, None]
    if k.ndim != 2 or k.shape[0] != rows or k.shape[1] < 1:
        raise ValueError(f"keys must have one row of keys per {what} ({rows} rows), got shape {k.shape}")
    return k, k.shape[1]


def _plain(value, path: str):
    """A config value with NumPy scalars and arrays made Python values; NaN and ±inf refused
    (JSON has no such numbers, and the engine would read them as out of range)."""
    if isinstance(value, np.ndarray):
        value = value.tolist()
    elif isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(f"{path}: {value} is not a finite number")
    if isinstance(value, dict):
        return {str(k): _plain(v, f"{path}.{k}") for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v, f"{path}[{i}]") for i, v in enumerate(value)]
    return value


def config_json(section: dict, name: str) -> bytes:
    """A config section (or any JSON value) as UTF-8 JSON text for the engine, `name` naming it
    in errors: NumPy scalars (np.int64(5), np.float32(2)) are written as numbers, non-finite
    numbers are a ValueError."""
    return json.dumps(_plain(section, name), allow_nan=False).encode("utf-8")


def memory_budget() -> int:
    """The bytes the engine lets a network and its buffers take (half the memory the process may
    use, or $HOPFIELDLAB_MEMORY_LIMIT)."""
    return int(lib.hopfieldlab_memory_budget())


def check_allocation(nbytes: int, what: str) -> None:
    """MemoryError before allocating `nbytes` for `what` when it exceeds the engine's budget
    (NumPy's empty arrays are committed lazily, so a too large one would only fail, or be
    killed, when the engine writes it)."""
    budget = memory_budget()
    if nbytes > budget:
        raise MemoryError(f"{what} would take {nbytes >> 20} MiB, more than the {budget >> 20} MiB budget of this process "
                          "(HOPFIELDLAB_MEMORY_LIMIT sets it)")


def as_array(value, what: str = "array") -> np.ndarray:
    """`value` as a NumPy array, without a copy where NumPy can view it: an ndarray as is, an
    object with `__dlpack__` (a torch CPU tensor, a CuPy array on the host, JAX) through
    `np.from_dlpack`, anything else (lists, objects with `__array__` or the buffer protocol) through
    `np.asarray`. A tensor on another device, or one that needs its gradient, is refused with a
    TypeError that says how to bring it to the CPU."""
    if isinstance(value, np.ndarray):
        return value
    if hasattr(value, "__dlpack__") and not isinstance(value, np.generic):
        try:
            return np.from_dlpack(value)
        except (BufferError, RuntimeError, TypeError) as error:
            # torch refuses a tensor that requires grad; a GPU tensor has no CPU view.
            raise TypeError(f"{what}: cannot view {type(value).__name__} as a NumPy array ({error}); "
                            "move it to the CPU and detach it first (t.detach().cpu())") from None
    return np.asarray(value)


def pointer(array: np.ndarray | None, kind):
    """A typed pointer to a C-contiguous array's data, or None."""
    return None if array is None else array.ctypes.data_as(kind)


def jobs_or_default(jobs) -> int:
    """`jobs`, or every core the process may use (the CLI's --jobs default)."""
    if jobs is None:
        return int(lib.hopfieldlab_available_cores())
    try:
        return integer(jobs, "jobs", 1, 2**31)
    except ValueError:
        raise ValueError(f"jobs must be at least 1 (and below 2**31), got {jobs}") from None


def cache_argument(cache):
    """The C argument for a pattern cache: True → "" (the default folder, as the CLI),
    False/None → NULL (no cache), a path → that folder."""
    if cache is True:
        return b""
    if cache is False or cache is None:
        return None
    return encode(cache, "cache")
