// Float kernels of a convolutional network (NHWC activations), with run-time CPU dispatch and
// results that are the same bits in every variant.
//
// The rule that makes them so: vectors run ACROSS independent outputs (output channels), never
// across a reduction. Every output starts from its bias and adds its terms one at a time, in a
// fixed order, each with one fused multiply-add (fmaf in the portable variant, VFMADD in the AVX2
// variant): the same correctly rounded operations in the same order, so the same bits. Nothing
// here is written as `a * b + c` (a compiler could contract it into an FMA in one variant only),
// and no reduction is split into partial sums.
#ifndef HOPFIELDLAB_CNNKERNELS_H
#define HOPFIELDLAB_CNNKERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The float variants: HL_KERNEL_PORTABLE (fmaf) or HL_KERNEL_AVX2 (AVX2 and FMA, 8 lanes).
/// The level of `hl_kernel_level()` lowered to portable when the CPU lacks FMA.
int hl_cnn_level(void);

/// The best float variant this CPU supports: HL_KERNEL_AVX2 when it has AVX2 and FMA.
int hl_cnn_supported_level(void);

/// Output channels of the packed 1×1 weights, rounded up to the vector width: ⌈cout/8⌉·8.
size_t hl_cnn_padded_channels(size_t cout);

/// Packs 1×1 convolution weights w[co·cin + ci] (PyTorch's [cout, cin, 1, 1]) and bias[co] for
/// `hl_cnn_pointwise`: panels of 16 output channels (the last one 8 wide if at most 8 remain),
/// each stored cin-major (the 16 weights of one input channel together), padded with zeros.
/// `packed` holds cin·hl_cnn_padded_channels(cout) floats, `packed_bias` the padded channels.
void hl_cnn_pack_pointwise(const float *w, const float *bias, size_t cin, size_t cout, float *packed,
                           float *packed_bias);

/// Activation after a layer.
enum hl_cnn_activation {
    HL_CNN_LINEAR = 0,  ///< none
    HL_CNN_RELU6 = 1,   ///< min(max(x, 0), 6)
};

/// A 1×1 convolution, i.e. the product [pixels × cin]·[cin × cout]:
///   acc = bias[co]; for ci = 0 ..< cin: acc = fma(in[p·cin + ci], w[ci, co], acc)
///   out[p·cout + co] = activation(acc) + (residual ? residual[p·cout + co] : 0)
/// with the residual added after the activation as one rounded addition (only used with LINEAR).
/// Weights and bias as packed by `hl_cnn_pack_pointwise`, `packed` aligned to 32 bytes. `out`
/// must not overlap `in`.
void hl_cnn_pointwise(const float *in, size_t pixels, size_t cin, const float *packed, const float *packed_bias,
                      size_t cout, const float *residual, int activation, float *out);

/// A depthwise k×k convolution with stride s and zero padding (pad_top, pad_left above and left;
/// whatever the output size needs below and right) over an image of h × w pixels of c channels,
/// output rows oy0 ..< oy1 of width ow:
///   acc = bias[c]; for ky, for kx (in that order, taps falling in the padding skipped):
///       acc = fma(image[iy][ix][c], weights[(ky·k + kx)·c_count + c], acc)
///   out[(oy − oy0)][ox][c] = activation(acc)
/// with iy = oy·s + ky − pad_top, ix = ox·s + kx − pad_left. Weights are [k][k][c] (tap-major).
/// `in` holds image rows from `in_row0` on (a band: every row the output rows need, and only
/// those, must be there), so that an expand convolution can feed it a few rows at a time.
void hl_cnn_depthwise(const float *in, size_t in_row0, size_t h, size_t w, size_t c, const float *weights,
                      const float *bias, size_t k, size_t stride, size_t pad_top, size_t pad_left, size_t oy0, size_t oy1,
                      size_t ow, int activation, float *out);

/// Unfolds an image for a k×k convolution with stride s as a 1×1 one: row p = oy·ow + ox of
/// `out` holds the k·k·c inputs of output pixel p in PyTorch's weight order (channel, ky, kx),
/// zeros in the padding. `out` holds oh·ow·k·k·c floats.
void hl_cnn_im2col(const float *in, size_t h, size_t w, size_t c, size_t k, size_t stride, size_t pad_top,
                   size_t pad_left, size_t oh, size_t ow, float *out);

/// Bytes to the network's input range: out[i] = (in[i] − 127) / 128 (both steps exact).
void hl_cnn_normalize_bytes(const uint8_t *in, size_t count, float *out);

/// The mean over positions: out[c] = (Σ_{p = 0 ..< pixels} in[p·c_count + c]) / pixels, the sum
/// taken in order of p (vectorising across c cannot change it).
void hl_cnn_mean_pool(const float *in, size_t pixels, size_t c, float *out);

#ifdef __cplusplus
}
#endif

#endif
