"""Independent NumPy reference of the EfficientNet-Lite0 forward pass (float32).

Reads the .hlnn file written by scripts/fetch-encoder (format documented there).

    import efficientnet_ref as ref
    m = ref.load("Datasets/encoders/efficientnet-lite0.hlnn")
    f = ref.features(rgb_uint8_224x224x3, m)   # (1280,) float32
    z = ref.logits(rgb_uint8_224x224x3, m)     # (1000,) float32 ImageNet logits

If `m` is omitted, the default path (or $HLNN_PATH) is loaded once and cached.
Batched variants: features_batch / logits_batch take (N,224,224,3) uint8.

Network (verified against real cat/dog photos, see NOTES.md):
  input       x = (rgb - 127) / 128, RGB, NHWC internally
  stem        conv3x3/2 (32) -> BN -> ReLU6
  16 MBConv   [expand 1x1 -> BN -> ReLU6] -> depthwise kxk/s -> BN -> ReLU6
              -> project 1x1 -> BN (linear) [-> + input if s==1 and cin==cout]
              no squeeze-excite; block 0 has no expand conv (ratio 1)
  head        conv1x1 (1280) -> BN -> ReLU6 -> global average = features
  classifier  _fc: logits = W @ features + b
  padding     TensorFlow "SAME" (extra row/col at bottom/right), BN eps 1e-3
Kernel sizes come from the depthwise weight shapes; strides from the EfficientNet-B0
stage table (strides 1,2,2,2,1,2,1; repeats 1,2,2,3,3,4,1).
"""
import json
import os
import struct

import numpy as np

DEFAULT_PATH = os.environ.get("HLNN_PATH", "Datasets/encoders/efficientnet-lite0.hlnn")

STAGE_REPEATS = [1, 2, 2, 3, 3, 4, 1]
STAGE_STRIDES = [1, 2, 2, 2, 1, 2, 1]
STAGE_KERNELS = [3, 3, 5, 3, 5, 5, 3]


def read_hlnn(path):
    with open(path, "rb") as f:
        blob = f.read()
    if blob[:8] != b"HLNN\x00\x00\x00\x01":
        raise ValueError("%s: bad magic" % path)
    (H,) = struct.unpack("<Q", blob[8:16])
    if (16 + H) % 64:
        raise ValueError("%s: data not 64-aligned" % path)
    header = json.loads(blob[16:16 + H].decode("utf-8"))
    data = np.frombuffer(blob, dtype="<f4", offset=16 + H)
    tensors = {}
    for t in header["tensors"]:
        a = data[t["offset"]:t["offset"] + t["count"]]
        if a.size != t["count"] or int(np.prod(t["shape"])) != t["count"]:
            raise ValueError("%s: bad tensor entry %s" % (path, t["name"]))
        tensors[t["name"]] = a.reshape(t["shape"]).astype(np.float32)
    return header, tensors


class Model:
    def __init__(self, path=DEFAULT_PATH, eps=1e-3, padding="same"):
        """padding: "same" (TensorFlow SAME) or "symmetric" (k//2 on every side)."""
        self.header, self.t = read_hlnn(path)
        self.eps, self.padding = eps, padding
        t = self.t
        self.stem_w = self._conv_mat(t["_conv_stem.weight"])          # (27, 32)
        self.bn0 = self._bn("_bn0")
        self.blocks = []
        nblocks = 1 + max(int(k.split(".")[1]) for k in t if k.startswith("_blocks."))
        stride_of = []
        for r, s in zip(STAGE_REPEATS, STAGE_STRIDES):
            stride_of += [s] + [1] * (r - 1)
        if nblocks != len(stride_of):
            raise ValueError("expected %d blocks, found %d" % (len(stride_of), nblocks))
        for i in range(nblocks):
            p = "_blocks.%d." % i
            b = {}
            dw = t[p + "_depthwise_conv.weight"]                        # (C,1,k,k)
            if p + "_expand_conv.weight" in t:
                ew = t[p + "_expand_conv.weight"]                       # (Ce,Cin,1,1)
                b["expand"] = np.ascontiguousarray(ew[:, :, 0, 0].T)    # (Cin,Ce)
                b["bn0"] = self._bn(p + "_bn0")
                cin = ew.shape[1]
            else:
                b["expand"] = None
                cin = dw.shape[0]
            k = dw.shape[2]
            b["k"], b["stride"] = k, stride_of[i]
            b["dw"] = np.ascontiguousarray(dw[:, 0].transpose(1, 2, 0))  # (k,k,C)
            b["bn1"] = self._bn(p + "_bn1")
            pw = t[p + "_project_conv.weight"]                          # (Cout,C,1,1)
            b["project"] = np.ascontiguousarray(pw[:, :, 0, 0].T)       # (C,Cout)
            b["bn2"] = self._bn(p + "_bn2")
            b["cin"], b["cout"], b["cmid"] = cin, pw.shape[0], dw.shape[0]
            b["expand_ratio"] = dw.shape[0] // cin
            b["skip"] = b["stride"] == 1 and cin == pw.shape[0]
            self.blocks.append(b)
        self.head_w = np.ascontiguousarray(t["_conv_head.weight"][:, :, 0, 0].T)  # (320,1280)
        self.bn1 = self._bn("_bn1")
        self.fc_w = np.ascontiguousarray(t["_fc.weight"].T)              # (1280,1000)
        self.fc_b = t["_fc.bias"]

    def _bn(self, p):
        t = self.t
        scale = t[p + ".weight"] / np.sqrt(t[p + ".running_var"] + np.float32(self.eps))
        shift = t[p + ".bias"] - t[p + ".running_mean"] * scale
        return scale.astype(np.float32), shift.astype(np.float32)

    @staticmethod
    def _conv_mat(w):
        # (out,in,kh,kw) -> (kh*kw*in, out) matching an NHWC im2col in (kh,kw,c) order
        o, i, kh, kw = w.shape
        return np.ascontiguousarray(w.transpose(2, 3, 1, 0).reshape(kh * kw * i, o))

    def _pad(self, x, k, s):
        n, h, w, c = x.shape
        if self.padding == "same":
            def amounts(size):
                out = -(-size // s)
                total = max((out - 1) * s + k - size, 0)
                return total // 2, total - total // 2
            ph, pw = amounts(h), amounts(w)
        elif self.padding == "symmetric":
            ph = pw = (k // 2, k // 2)
        else:
            raise ValueError(self.padding)
        xp = np.pad(x, ((0, 0), ph, pw, (0, 0)))
        ho = (h + ph[0] + ph[1] - k) // s + 1
        wo = (w + pw[0] + pw[1] - k) // s + 1
        return xp, ho, wo

    def _depthwise(self, x, wk, s):
        k = wk.shape[0]
        xp, ho, wo = self._pad(x, k, s)
        out = np.zeros((x.shape[0], ho, wo, x.shape[3]), np.float32)
        for i in range(k):
            for j in range(k):
                out += xp[:, i:i + s * (ho - 1) + 1:s, j:j + s * (wo - 1) + 1:s, :] * wk[i, j]
        return out

    @staticmethod
    def _pointwise(x, wmat):
        n, h, w, c = x.shape
        return (x.reshape(-1, c) @ wmat).reshape(n, h, w, wmat.shape[1])

    @staticmethod
    def _bn_act(x, bn, relu6=True):
        x *= bn[0]
        x += bn[1]
        if relu6:
            np.clip(x, 0.0, 6.0, out=x)
        return x

    def features_batch(self, rgb):
        rgb = np.asarray(rgb)
        if rgb.ndim == 3:
            rgb = rgb[None]
        if rgb.shape[1:] != (224, 224, 3):
            raise ValueError("expected (N,224,224,3) RGB, got %s" % (rgb.shape,))
        x = (rgb.astype(np.float32) - 127.0) / 128.0
        # stem: 3x3 stride 2 via im2col
        xp, ho, wo = self._pad(x, 3, 2)
        cols = [xp[:, i:i + 2 * (ho - 1) + 1:2, j:j + 2 * (wo - 1) + 1:2, :]
                for i in range(3) for j in range(3)]
        cols = np.concatenate(cols, axis=3)                       # (N,ho,wo,27)
        x = self._bn_act(self._pointwise(cols, self.stem_w), self.bn0)
        for b in self.blocks:
            inp = x
            if b["expand"] is not None:
                x = self._bn_act(self._pointwise(x, b["expand"]), b["bn0"])
            x = self._bn_act(self._depthwise(x, b["dw"], b["stride"]), b["bn1"])
            x = self._bn_act(self._pointwise(x, b["project"]), b["bn2"], relu6=False)
            if b["skip"]:
                x += inp
        x = self._bn_act(self._pointwise(x, self.head_w), self.bn1)
        return x.mean(axis=(1, 2), dtype=np.float64).astype(np.float32)   # (N,1280)

    def logits_from_features(self, f):
        return f @ self.fc_w + self.fc_b

    def logits_batch(self, rgb):
        return self.logits_from_features(self.features_batch(rgb))

    def block_table(self):
        return [(i, b["expand_ratio"], b["k"], b["stride"], b["cin"], b["cout"], b["skip"])
                for i, b in enumerate(self.blocks)]


_default = None


def load(path=DEFAULT_PATH, **kw):
    return Model(path, **kw)


def _model(m):
    global _default
    if m is not None:
        return m
    if _default is None:
        _default = Model()
    return _default


def features(rgb_uint8_224x224x3, model=None):
    """(224,224,3) uint8 RGB -> (1280,) float32 pooled feature."""
    return _model(model).features_batch(rgb_uint8_224x224x3)[0]


def logits(rgb_uint8_224x224x3, model=None):
    """(224,224,3) uint8 RGB -> (1000,) float32 ImageNet logits."""
    m = _model(model)
    return m.logits_from_features(m.features_batch(rgb_uint8_224x224x3))[0]
