"""Python implementations HopfieldLab is compared with, written here from the notebooks'
algorithms (not copied from them):

- NotebookNet: the notebook 000 notebook's class as it was meant to work: float64 W = XᵀX/P with a
  zero diagonal, a Python loop over neurons with np.dot, every neuron once per sweep in a fresh
  shuffled order, until a sweep changes nothing (the notebook's pointer bug fixed, as in
  HopfieldLab).
- converge_sync: the best vectorised NumPy we could write: a whole batch at once, synchronous
  updates, fields from the overlaps (H = (S Xᵀ) X − P S, two BLAS products, O(N·P) per image),
  stopping each image at a fixed point or a 2-cycle (a revisited state), as HopfieldLab's sync.
- load_tf / load_pillow: the notebook's loader (Keras image_dataset_from_directory, grayscale,
  64×64 bilinear, Rescaling(1/255, −0.5001), sign) and the same with Pillow.
"""
import os
import random

import numpy as np


class NotebookNet:
    def __init__(self, memories):
        x = np.asarray(memories, dtype=np.float64)
        self.weights = (1.0 / x.shape[0]) * x.T @ x
        np.fill_diagonal(self.weights, 0)

    def converge(self, state, seed):
        rng = random.Random(seed)
        s = np.array(state, dtype=np.float64)
        order = list(range(len(s)))
        sweeps = 0
        while True:
            sweeps += 1
            rng.shuffle(order)
            changed = False
            for i in order:
                activation = np.dot(self.weights[i, :], s)
                new = -1.0 if activation < 0 else 1.0
                if new != s[i]:
                    s[i] = new
                    changed = True
            if not changed:
                return s, sweeps


def converge_sync(memories, states, max_sweeps=1000):
    """Synchronous updates of a batch; each row stops at a fixed point or a revisited state."""
    x = np.asarray(memories, dtype=np.float64)
    s = np.asarray(states, dtype=np.float64).copy()
    p = x.shape[0]
    done = np.zeros(len(s), dtype=bool)
    before = None  # the states one step back
    for _ in range(max_sweeps):
        h = (s @ x.T) @ x - p * s
        new = np.where(h >= 0, 1.0, -1.0)
        new[done] = s[done]
        converged = np.all(new == s, axis=1)
        cycled = np.zeros_like(converged) if before is None else np.all(new == before, axis=1) & ~converged
        before = s
        s = new
        done |= converged | cycled
        if done.all():
            break
    return s


def binarize(gray):
    """The notebook's rule on a float image in 0..255: +1 where x/255 − 0.5001 > 0."""
    v = gray.astype(np.float32) * np.float32(1.0 / 255.0) + np.float32(-0.5001)
    return np.where(v > 0, 1, -1).astype(np.int8)


def load_tf(root, size=64):
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf
    from keras import layers, utils

    ds = utils.image_dataset_from_directory(root, color_mode="grayscale", image_size=(size, size), batch_size=32,
                                            shuffle=False, verbose=False)
    norm = layers.Rescaling(scale=1.0 / 255, offset=-0.5001)
    patterns, labels = [], []
    for images, y in ds:
        signs = tf.math.sign(norm(images)).numpy().reshape(images.shape[0], -1)
        patterns.append(np.where(signs > 0, 1, -1).astype(np.int8))
        labels.append(y.numpy())
    return np.concatenate(patterns), np.concatenate(labels), list(ds.file_paths)


def load_pillow(root, size=64):
    from PIL import Image

    patterns, labels, paths = [], [], []
    for label, name in enumerate(sorted(os.listdir(root))):
        folder = os.path.join(root, name)
        if not os.path.isdir(folder):
            continue
        for file in sorted(os.listdir(folder)):
            if file.startswith("."):
                continue
            with Image.open(os.path.join(folder, file)) as im:
                gray = np.asarray(im.convert("L").resize((size, size), Image.BILINEAR), dtype=np.float32)
            patterns.append(binarize(gray).reshape(-1))
            labels.append(label)
            paths.append(os.path.join(folder, file))
    return np.array(patterns), np.array(labels), paths


def select_maxmin(patterns, labels, count, seed=0):
    """Balanced greedy farthest-point selection on 1 − |overlap|/N (no swap search)."""
    n = patterns.shape[1]
    x = patterns.astype(np.float64)
    d = 1 - np.abs(x @ x.T) / n
    classes = sorted(set(labels.tolist()))
    quota = {c: count // len(classes) + (1 if k < count % len(classes) else 0) for k, c in enumerate(classes)}
    i, j = np.unravel_index(np.argmax(d), d.shape)
    chosen = [int(i), int(j)]
    quota[labels[i]] -= 1
    quota[labels[j]] -= 1
    while len(chosen) < count:
        nearest = d[:, chosen].min(axis=1)
        for k in np.argsort(-nearest, kind="stable"):
            if k not in chosen and quota[labels[k]] > 0:
                chosen.append(int(k))
                quota[labels[k]] -= 1
                break
    return chosen
