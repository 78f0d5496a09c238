"""Datasets: a folder of class folders decoded by the engine's loader, as a run decodes it."""
from __future__ import annotations

import ctypes

import numpy as np

from . import _native
from ._native import _f32p, _i8p, call, call_json, lib
from .streams import stream_key


class Dataset(tuple):
    """(X, y, classes), with more about each image as attributes.

    X: one pattern per row, int8 ±1 (float32 gray levels in [−1, 1] with binarize="none");
    y: int64 labels, indices into `classes` (class folder names in label order).
    paths: each image's path relative to the dataset folder; index_in_class: its place among the
    files of its class (sorted order), the key of its random streams in a run; refused: one
    message per file that could not be used; root: the dataset folder as given.
    """

    X: np.ndarray
    y: np.ndarray
    classes: list[str]
    paths: list[str]
    index_in_class: np.ndarray
    refused: list[str]
    root: str

    def __new__(cls, X, y, classes, **details):
        self = super().__new__(cls, (X, y, classes))
        self.X, self.y, self.classes = X, y, classes
        for name, value in details.items():
            setattr(self, name, value)
        return self

    def stream_keys(self, purpose: str = "converge") -> np.ndarray:
        """The stream keys of each image for `purpose`, as a classify run derives them:
        [stream_key(purpose), label, index_in_class] per row (uint64). With the run's seed, pass
        them to Network.converge(keys=...) to reproduce the run's states."""
        keys = np.empty((len(self.y), 3), dtype=np.uint64)
        keys[:, 0] = stream_key(purpose)
        keys[:, 1] = self.y
        keys[:, 2] = self.index_in_class
        return keys

    def __repr__(self) -> str:
        return f"Dataset({self.root!r}: {self.X.shape[0]} images of {self.X.shape[1]} values, {len(self.classes)} classes)"


def load_dataset(path, size: int | None = None, resize: str | None = None, binarize: str | None = None, *,
                 threshold: float | None = None, idct: str | None = None, classes=None, limit_per_class: int | None = None,
                 max_pixels: int | None = None, features: str | None = None, weights: str | None = None,
                 jobs: int | None = None, cache=True) -> Dataset:
    """Decodes a dataset (`path/<class>/<image files>`) with the engine's loader, exactly as a run
    does: returns a Dataset that unpacks as `X, y, classes`.

    The arguments are the config's `dataset` and `image` keys, read by the config's own decoder
    (so defaults and messages are the tool's; None leaves a key at its default): `size` (side of the
    square pattern, default 64), `resize` ("area" or "bilinear"), `binarize` ("midgray" — also
    called "seed" —, "mean", "median", "otsu", "threshold" with `threshold`, or "none" for gray
    levels), `idct` ("fast" or "accurate"), `classes` (names, in label order), `limit_per_class`
    (the first K files of each class in sorted order), `max_pixels`; `features` (the config's
    `features.encoder`: "edges", "hog" or "cnn", with `weights` the cnn's weights file) gives X as
    the encoder's float32 features, uncoded. Relative paths are read from the working directory.
    `jobs`: threads (default: every core); `cache`: the pattern cache as the CLI uses it (True:
    the default folder, False: none, or a folder).
    """
    _native.encode(path, "path")  # a NUL inside would name another folder in the engine
    dataset = {"path": str(path)}
    if classes is not None:
        dataset["classes"] = list(classes)
    if limit_per_class is not None:
        dataset["limitPerClass"] = limit_per_class
    if max_pixels is not None:
        dataset["maxPixels"] = max_pixels
    image = {k: v for k, v in {"size": size, "resize": resize, "binarize": binarize, "threshold": threshold, "idct": idct}.items()
             if v is not None}
    sections = {"dataset": dataset, "image": image}
    if features is not None or weights is not None:
        sections["features"] = {k: v for k, v in {"encoder": features, "weights": weights}.items() if v is not None}
    handle = ctypes.c_void_p()
    call(lib.hopfieldlab_dataset_load, _native.config_json(sections, "config"), _native.jobs_or_default(jobs),
         _native.cache_argument(cache), ctypes.byref(handle))
    try:
        info = call_json(lib.hopfieldlab_dataset_info, handle.value)
        shape = (info["images"], info["neurons"])
        binary = np.empty(shape, dtype=np.int8) if info["binary"] else None
        reals = None if info["binary"] else np.empty(shape, dtype=np.float32)
        call(lib.hopfieldlab_dataset_values, handle.value, _native.pointer(binary, _i8p), _native.pointer(reals, _f32p))
    finally:
        lib.hopfieldlab_dataset_free(handle.value)
    return Dataset(binary if binary is not None else reals, np.array(info["labels"], dtype=np.int64), list(info["classes"]),
                   paths=list(info["paths"]), index_in_class=np.array(info["indexInClass"], dtype=np.int64),
                   refused=list(info["refused"]), root=info["root"])
