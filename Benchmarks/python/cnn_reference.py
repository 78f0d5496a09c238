"""Writes the reference data of the Swift tests (Tests/FeaturesTests): five shared photos decoded
and resized with Pillow, and their features and logits from the NumPy reference
(efficientnet_ref.py beside this file).

    python3 Benchmarks/python/cnn_reference.py WEIGHTS OUT_DIR CATSDOGS_FOLDER

OUT_DIR/images.u8     N × 224 × 224 × 3 uint8 RGB (Image.convert("RGB").resize((224, 224), BILINEAR))
OUT_DIR/features.f32  N × 1280 float32 little-endian
OUT_DIR/logits.f32    N × 1000 float32 little-endian
OUT_DIR/features.f64  N × 1280 float64: the same reference run in float64 (the "true" values)
OUT_DIR/manifest.json the photos, in order
"""
import json
import os
import sys

import numpy as np
from PIL import Image

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import efficientnet_ref as ref  # noqa: E402

PHOTOS = ["cat/cat.1.jpg", "cat/cat.10.jpg", "cat/cat.100.jpg", "dog/dog.1.jpg", "dog/dog.10.jpg"]


def main():
    weights, out, root = sys.argv[1:4]
    os.makedirs(out, exist_ok=True)
    images = np.stack([np.asarray(Image.open(os.path.join(root, p)).convert("RGB").resize((224, 224), Image.BILINEAR),
                                  dtype=np.uint8) for p in PHOTOS])
    model = ref.load(weights)
    features = model.features_batch(images).astype("<f4")
    logits = model.logits_from_features(features).astype("<f4")
    images.tofile(os.path.join(out, "images.u8"))
    features.tofile(os.path.join(out, "features.f32"))
    logits.tofile(os.path.join(out, "logits.f32"))
    # The same code in float64: numpy seen by the reference with float32 replaced by float64.
    class Float64NumPy:
        float32 = np.float64

        def __getattr__(self, name):
            return getattr(np, name)

    ref.np = Float64NumPy()
    features64 = ref.load(weights).features_batch(images).astype("<f8")
    ref.np = np
    features64.tofile(os.path.join(out, "features.f64"))
    print("float32 reference vs float64: max |diff| %.3g" % np.abs(features - features64).max())
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"photos": PHOTOS, "weights": weights}, f, indent=1)
    for p, z in zip(PHOTOS, logits):
        print(p, "top-5 classes", list(np.argsort(-z)[:5]))


if __name__ == "__main__":
    main()
