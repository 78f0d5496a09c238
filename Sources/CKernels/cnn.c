// Float kernels of a convolutional network, in two variants that write the same bits:
//   portable: scalar C, one fmaf per term;
//   avx2:     8 output channels per AVX2 register, one VFMADD per term (x86-64-v3 with FMA).
// Each output is its bias followed by its terms fused-multiply-added one at a time in a fixed
// order; the variants differ only in how many outputs advance together. No expression here has
// the form a * b + c, which a compiler could contract into an FMA in one variant and not another.
#include "cnnkernels.h"
#include "ckernels.h"

#include <math.h>
#include <string.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HL_X86 1
#define HL_AVX2 __attribute__((target("avx2,fma")))
#endif

// Pixels per register tile of the 1×1 convolution: 6 pixels × 16 channels are 12 accumulators,
// enough independent FMA chains to cover the FMA latency (5 cycles on Zen 1, 4 on Intel), leaving
// registers for two weight vectors and the broadcast input.
#define HL_CNN_TILE 6

// Bytes of input rows per cache block of the 1×1 convolution: the block stays in L2 while every
// weight panel passes over it.
#define HL_CNN_BLOCK_BYTES (96 * 1024)

int hl_cnn_supported_level(void) {
#ifdef HL_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) return HL_KERNEL_AVX2;
#endif
    return HL_KERNEL_PORTABLE;
}

int hl_cnn_level(void) {
    return hl_kernel_level() >= HL_KERNEL_AVX2 ? hl_cnn_supported_level() : HL_KERNEL_PORTABLE;
}

size_t hl_cnn_padded_channels(size_t cout) { return (cout + 7) / 8 * 8; }

// The width of the panel that starts at output channel co0: 16, or 8 when at most 8 remain.
static inline size_t panel_width(size_t cout, size_t co0) { return cout - co0 > 8 ? 16 : 8; }

void hl_cnn_pack_pointwise(const float *w, const float *bias, size_t cin, size_t cout, float *packed,
                           float *packed_bias) {
    size_t padded = hl_cnn_padded_channels(cout);
    memset(packed, 0, cin * padded * sizeof(float));
    memset(packed_bias, 0, padded * sizeof(float));
    for (size_t co0 = 0; co0 < cout; co0 += panel_width(cout, co0)) {
        size_t width = panel_width(cout, co0);
        float *panel = packed + co0 * cin;
        for (size_t j = 0; j < width && co0 + j < cout; j++) {
            packed_bias[co0 + j] = bias[co0 + j];
            for (size_t ci = 0; ci < cin; ci++) panel[ci * width + j] = w[(co0 + j) * cin + ci];
        }
    }
}

static inline float relu6(float x) {
    // The comparisons of MAXPS/MINPS (first operand if the comparison holds, else the second), so
    // that NaN and −0 come out as in the AVX2 variant.
    x = x > 0.0f ? x : 0.0f;
    return x < 6.0f ? x : 6.0f;
}

static void pointwise_portable(const float *in, size_t pixels, size_t cin, const float *packed,
                               const float *packed_bias, size_t cout, const float *residual, int activation,
                               float *out) {
    for (size_t co0 = 0; co0 < cout; co0 += panel_width(cout, co0)) {
        size_t width = panel_width(cout, co0);
        const float *panel = packed + co0 * cin;
        for (size_t p = 0; p < pixels; p++) {
            const float *x = in + p * cin;
            for (size_t j = 0; j < width && co0 + j < cout; j++) {
                float acc = packed_bias[co0 + j];
                for (size_t ci = 0; ci < cin; ci++) acc = fmaf(x[ci], panel[ci * width + j], acc);
                if (activation == HL_CNN_RELU6) acc = relu6(acc);
                if (residual) acc = acc + residual[p * cout + co0 + j];
                out[p * cout + co0 + j] = acc;
            }
        }
    }
}

static void depthwise_portable(const float *in, size_t in_row0, size_t h, size_t w, size_t c, const float *weights,
                               const float *bias, size_t k, size_t stride, size_t pad_top, size_t pad_left,
                               size_t oy0, size_t oy1, size_t ow, int activation, float *out) {
    for (size_t oy = oy0; oy < oy1; oy++) {
        ptrdiff_t iy0 = (ptrdiff_t)(oy * stride) - (ptrdiff_t)pad_top;
        size_t ky0 = iy0 < 0 ? (size_t)(-iy0) : 0;
        size_t ky1 = (ptrdiff_t)h - iy0 < (ptrdiff_t)k ? (size_t)((ptrdiff_t)h - iy0) : k;
        for (size_t ox = 0; ox < ow; ox++) {
            ptrdiff_t ix0 = (ptrdiff_t)(ox * stride) - (ptrdiff_t)pad_left;
            size_t kx0 = ix0 < 0 ? (size_t)(-ix0) : 0;
            size_t kx1 = (ptrdiff_t)w - ix0 < (ptrdiff_t)k ? (size_t)((ptrdiff_t)w - ix0) : k;
            float *o = out + ((oy - oy0) * ow + ox) * c;
            for (size_t ch = 0; ch < c; ch++) {
                float acc = bias[ch];
                for (size_t ky = ky0; ky < ky1; ky++)
                    for (size_t kx = kx0; kx < kx1; kx++) {
                        size_t iy = (size_t)(iy0 + (ptrdiff_t)ky) - in_row0, ix = (size_t)(ix0 + (ptrdiff_t)kx);
                        const float *x = in + (iy * w + ix) * c;
                        acc = fmaf(x[ch], weights[(ky * k + kx) * c + ch], acc);
                    }
                o[ch] = activation == HL_CNN_RELU6 ? relu6(acc) : acc;
            }
        }
    }
}

#ifdef HL_X86
HL_AVX2 static inline __attribute__((always_inline)) __m256 activate8(__m256 y, int activation) {
    if (activation == HL_CNN_RELU6)
        y = _mm256_min_ps(_mm256_max_ps(y, _mm256_setzero_ps()), _mm256_set1_ps(6.0f));
    return y;
}

// Stores 8 results (the first `valid` of them when fewer), adding the residual after the
// activation.
HL_AVX2 static inline __attribute__((always_inline)) void store8(float *o, __m256 y, const float *res, size_t valid) {
    if (valid >= 8) {
        if (res) y = _mm256_add_ps(y, _mm256_loadu_ps(res));
        _mm256_storeu_ps(o, y);
    } else {
        float t[8];
        _mm256_storeu_ps(t, y);
        for (size_t i = 0; i < valid; i++) o[i] = res ? t[i] + res[i] : t[i];
    }
}

// One register tile: ROWS pixels × 8·VECTORS output channels, accumulated over all of cin.
// ROWS and VECTORS are constants at every call, so the arrays live in registers.
HL_AVX2 static inline __attribute__((always_inline)) void
pointwise_tile(const float *in, size_t cin, const float *panel, const float *bias, const int ROWS, const int VECTORS,
               size_t valid, const float *residual, size_t cout, int activation, float *out) {
    const size_t width = 8 * (size_t)VECTORS;
    __m256 acc[HL_CNN_TILE][2];
    for (int r = 0; r < ROWS; r++)
        for (int v = 0; v < VECTORS; v++) acc[r][v] = _mm256_loadu_ps(bias + 8 * v);
    for (size_t ci = 0; ci < cin; ci++) {
        const float *wc = panel + ci * width;
        __m256 w0 = _mm256_load_ps(wc);
        __m256 w1 = VECTORS > 1 ? _mm256_load_ps(wc + 8) : w0;
        for (int r = 0; r < ROWS; r++) {
            __m256 x = _mm256_broadcast_ss(in + (size_t)r * cin + ci);
            acc[r][0] = _mm256_fmadd_ps(x, w0, acc[r][0]);
            if (VECTORS > 1) acc[r][1] = _mm256_fmadd_ps(x, w1, acc[r][1]);
        }
    }
    for (int r = 0; r < ROWS; r++)
        for (int v = 0; v < VECTORS; v++) {
            size_t lanes = valid > 8 * (size_t)v ? valid - 8 * (size_t)v : 0;
            const float *res = residual ? residual + (size_t)r * cout + 8 * v : NULL;
            store8(out + (size_t)r * cout + 8 * v, activate8(acc[r][v], activation), res, lanes);
        }
}

#define HL_TILE_CASE(R)                                                                                     \
    case R:                                                                                                 \
        if (vectors == 2) pointwise_tile(in, cin, panel, bias, R, 2, valid, residual, cout, activation, out); \
        else pointwise_tile(in, cin, panel, bias, R, 1, valid, residual, cout, activation, out);            \
        break;

HL_AVX2 static void pointwise_tile_rows(const float *in, size_t cin, const float *panel, const float *bias, size_t rows,
                                        int vectors, size_t valid, const float *residual, size_t cout, int activation,
                                        float *out) {
    switch (rows) {
        HL_TILE_CASE(1)
        HL_TILE_CASE(2)
        HL_TILE_CASE(3)
        HL_TILE_CASE(4)
        HL_TILE_CASE(5)
        HL_TILE_CASE(6)
    default: break;
    }
}

HL_AVX2 static void pointwise_avx2(const float *in, size_t pixels, size_t cin, const float *packed,
                                   const float *packed_bias, size_t cout, const float *residual, int activation,
                                   float *out) {
    size_t block = HL_CNN_BLOCK_BYTES / (cin * sizeof(float)) / HL_CNN_TILE * HL_CNN_TILE;
    if (block < HL_CNN_TILE) block = HL_CNN_TILE;
    for (size_t p0 = 0; p0 < pixels; p0 += block) {
        size_t p1 = p0 + block < pixels ? p0 + block : pixels;
        for (size_t co0 = 0; co0 < cout; co0 += panel_width(cout, co0)) {
            size_t width = panel_width(cout, co0);
            int vectors = (int)(width / 8);
            size_t valid = cout - co0 < width ? cout - co0 : width;
            const float *panel = packed + co0 * cin, *bias = packed_bias + co0;
            for (size_t p = p0; p < p1; p += HL_CNN_TILE) {
                size_t rows = p1 - p < HL_CNN_TILE ? p1 - p : HL_CNN_TILE;
                const float *res = residual ? residual + p * cout + co0 : NULL;
                if (rows == HL_CNN_TILE) {
                    if (vectors == 2)
                        pointwise_tile(in + p * cin, cin, panel, bias, HL_CNN_TILE, 2, valid, res, cout, activation,
                                       out + p * cout + co0);
                    else
                        pointwise_tile(in + p * cin, cin, panel, bias, HL_CNN_TILE, 1, valid, res, cout, activation,
                                       out + p * cout + co0);
                } else {
                    pointwise_tile_rows(in + p * cin, cin, panel, bias, rows, vectors, valid, res, cout, activation,
                                        out + p * cout + co0);
                }
            }
        }
    }
}

// Output pixels per strip of the depthwise convolution: six accumulators cover the FMA latency,
// and each input vector loaded serves every output of the strip that reads it.
#define HL_CNN_STRIP 6

// A strip of HL_CNN_STRIP horizontally adjacent output pixels, 8 channels from `ch`, every tap
// inside the image horizontally (rows ky0 ..< ky1). Input column j of the strip's window feeds
// output i at tap kx = j − i·STRIDE; taking the columns in increasing order gives each output its
// taps in the same (ky, kx) order as the pixel-by-pixel loop, so the same bits. K and STRIDE are
// constants at each call, and the loops are unrolled in full (clang's own heuristics stop short
// at stride 2 and leave the arrays in memory, 4× slower), so the weights stay in registers.
HL_AVX2 static inline __attribute__((always_inline)) void
depthwise_strip(const float *origin, size_t w, size_t c, const float *weights, const float *bias, const int K,
                const int STRIDE, size_t ky0, size_t ky1, size_t ch, int activation, float *o) {
    __m256 acc[HL_CNN_STRIP];
    for (int i = 0; i < HL_CNN_STRIP; i++) acc[i] = _mm256_loadu_ps(bias + ch);
    for (size_t ky = ky0; ky < ky1; ky++) {
        __m256 wk[5];
#pragma clang loop unroll(full)
        for (int kx = 0; kx < K; kx++) wk[kx] = _mm256_loadu_ps(weights + (ky * (size_t)K + (size_t)kx) * c + ch);
        const float *row = origin + ky * w * c + ch;
#pragma clang loop unroll(full)
        for (int j = 0; j < (HL_CNN_STRIP - 1) * STRIDE + K; j++) {
            __m256 x = _mm256_loadu_ps(row + (size_t)j * c);
#pragma clang loop unroll(full)
            for (int i = 0; i < HL_CNN_STRIP; i++) {
                int kx = j - i * STRIDE;
                if (kx >= 0 && kx < K) acc[i] = _mm256_fmadd_ps(x, wk[kx], acc[i]);
            }
        }
    }
    for (int i = 0; i < HL_CNN_STRIP; i++) _mm256_storeu_ps(o + (size_t)i * c + ch, activate8(acc[i], activation));
}

HL_AVX2 static void depthwise_avx2(const float *in, size_t in_row0, size_t h, size_t w, size_t c,
                                   const float *weights, const float *bias, size_t k, size_t stride, size_t pad_top,
                                   size_t pad_left, size_t oy0, size_t oy1, size_t ow, int activation, float *out) {
    for (size_t oy = oy0; oy < oy1; oy++) {
        ptrdiff_t iy0 = (ptrdiff_t)(oy * stride) - (ptrdiff_t)pad_top;
        size_t ky0 = iy0 < 0 ? (size_t)(-iy0) : 0;
        size_t ky1 = (ptrdiff_t)h - iy0 < (ptrdiff_t)k ? (size_t)((ptrdiff_t)h - iy0) : k;
        // Outputs [strip0, strip1) read only columns inside the image: those go by strips.
        size_t strip0 = (pad_left + stride - 1) / stride;
        size_t strip1 = w + pad_left >= k ? (w + pad_left - k) / stride + 1 : 0;
        if (strip1 > ow) strip1 = ow;
        int strips = c % 8 == 0 && (k == 3 || k == 5) && (stride == 1 || stride == 2) && strip1 > strip0;
        for (size_t ox = 0; ox < ow; ox++) {
            ptrdiff_t ix0 = (ptrdiff_t)(ox * stride) - (ptrdiff_t)pad_left;
            if (strips && ox >= strip0 && ox + HL_CNN_STRIP <= strip1) {
                const float *origin = in + ((iy0 - (ptrdiff_t)in_row0) * (ptrdiff_t)w + ix0) * (ptrdiff_t)c;
                float *o = out + ((oy - oy0) * ow + ox) * c;
                for (size_t ch = 0; ch < c; ch += 8) {
                    if (k == 3 && stride == 1) depthwise_strip(origin, w, c, weights, bias, 3, 1, ky0, ky1, ch, activation, o);
                    else if (k == 3) depthwise_strip(origin, w, c, weights, bias, 3, 2, ky0, ky1, ch, activation, o);
                    else if (stride == 1) depthwise_strip(origin, w, c, weights, bias, 5, 1, ky0, ky1, ch, activation, o);
                    else depthwise_strip(origin, w, c, weights, bias, 5, 2, ky0, ky1, ch, activation, o);
                }
                ox += HL_CNN_STRIP - 1;
                continue;
            }
            size_t kx0 = ix0 < 0 ? (size_t)(-ix0) : 0;
            size_t kx1 = (ptrdiff_t)w - ix0 < (ptrdiff_t)k ? (size_t)((ptrdiff_t)w - ix0) : k;
            // The input pixel of tap (0, 0), possibly outside the image (only taps inside are read).
            const float *origin = in + ((iy0 - (ptrdiff_t)in_row0) * (ptrdiff_t)w + ix0) * (ptrdiff_t)c;
            float *o = out + ((oy - oy0) * ow + ox) * c;
            size_t ch = 0;
            // 32 channels at a time: four independent FMA chains.
            for (; ch + 32 <= c; ch += 32) {
                __m256 a0 = _mm256_loadu_ps(bias + ch), a1 = _mm256_loadu_ps(bias + ch + 8);
                __m256 a2 = _mm256_loadu_ps(bias + ch + 16), a3 = _mm256_loadu_ps(bias + ch + 24);
                for (size_t ky = ky0; ky < ky1; ky++)
                    for (size_t kx = kx0; kx < kx1; kx++) {
                        const float *x = origin + (ky * w + kx) * c + ch;
                        const float *t = weights + (ky * k + kx) * c + ch;
                        a0 = _mm256_fmadd_ps(_mm256_loadu_ps(x), _mm256_loadu_ps(t), a0);
                        a1 = _mm256_fmadd_ps(_mm256_loadu_ps(x + 8), _mm256_loadu_ps(t + 8), a1);
                        a2 = _mm256_fmadd_ps(_mm256_loadu_ps(x + 16), _mm256_loadu_ps(t + 16), a2);
                        a3 = _mm256_fmadd_ps(_mm256_loadu_ps(x + 24), _mm256_loadu_ps(t + 24), a3);
                    }
                _mm256_storeu_ps(o + ch, activate8(a0, activation));
                _mm256_storeu_ps(o + ch + 8, activate8(a1, activation));
                _mm256_storeu_ps(o + ch + 16, activate8(a2, activation));
                _mm256_storeu_ps(o + ch + 24, activate8(a3, activation));
            }
            for (; ch + 8 <= c; ch += 8) {
                __m256 a = _mm256_loadu_ps(bias + ch);
                for (size_t ky = ky0; ky < ky1; ky++)
                    for (size_t kx = kx0; kx < kx1; kx++)
                        a = _mm256_fmadd_ps(_mm256_loadu_ps(origin + (ky * w + kx) * c + ch),
                                            _mm256_loadu_ps(weights + (ky * k + kx) * c + ch), a);
                _mm256_storeu_ps(o + ch, activate8(a, activation));
            }
            for (; ch < c; ch++) {
                float a = bias[ch];
                for (size_t ky = ky0; ky < ky1; ky++)
                    for (size_t kx = kx0; kx < kx1; kx++)
                        a = fmaf(origin[(ky * w + kx) * c + ch], weights[(ky * k + kx) * c + ch], a);
                o[ch] = activation == HL_CNN_RELU6 ? relu6(a) : a;
            }
        }
    }
}
#endif

void hl_cnn_pointwise(const float *in, size_t pixels, size_t cin, const float *packed, const float *packed_bias,
                      size_t cout, const float *residual, int activation, float *out) {
#ifdef HL_X86
    if (hl_cnn_level() == HL_KERNEL_AVX2) {
        pointwise_avx2(in, pixels, cin, packed, packed_bias, cout, residual, activation, out);
        return;
    }
#endif
    pointwise_portable(in, pixels, cin, packed, packed_bias, cout, residual, activation, out);
}

void hl_cnn_depthwise(const float *in, size_t in_row0, size_t h, size_t w, size_t c, const float *weights,
                      const float *bias, size_t k, size_t stride, size_t pad_top, size_t pad_left, size_t oy0, size_t oy1,
                      size_t ow, int activation, float *out) {
#ifdef HL_X86
    if (hl_cnn_level() == HL_KERNEL_AVX2) {
        depthwise_avx2(in, in_row0, h, w, c, weights, bias, k, stride, pad_top, pad_left, oy0, oy1, ow, activation, out);
        return;
    }
#endif
    depthwise_portable(in, in_row0, h, w, c, weights, bias, k, stride, pad_top, pad_left, oy0, oy1, ow, activation, out);
}

void hl_cnn_im2col(const float *in, size_t h, size_t w, size_t c, size_t k, size_t stride, size_t pad_top,
                   size_t pad_left, size_t oh, size_t ow, float *out) {
    for (size_t oy = 0; oy < oh; oy++)
        for (size_t ox = 0; ox < ow; ox++) {
            float *row = out + (oy * ow + ox) * k * k * c;
            for (size_t ch = 0; ch < c; ch++)
                for (size_t ky = 0; ky < k; ky++)
                    for (size_t kx = 0; kx < k; kx++) {
                        ptrdiff_t iy = (ptrdiff_t)(oy * stride + ky) - (ptrdiff_t)pad_top;
                        ptrdiff_t ix = (ptrdiff_t)(ox * stride + kx) - (ptrdiff_t)pad_left;
                        int inside = iy >= 0 && iy < (ptrdiff_t)h && ix >= 0 && ix < (ptrdiff_t)w;
                        *row++ = inside ? in[((size_t)iy * w + (size_t)ix) * c + ch] : 0.0f;
                    }
        }
}

void hl_cnn_normalize_bytes(const uint8_t *in, size_t count, float *out) {
    for (size_t i = 0; i < count; i++) out[i] = ((float)in[i] - 127.0f) / 128.0f;
}

void hl_cnn_mean_pool(const float *in, size_t pixels, size_t c, float *out) {
    for (size_t ch = 0; ch < c; ch++) out[ch] = 0.0f;
    for (size_t p = 0; p < pixels; p++)
        for (size_t ch = 0; ch < c; ch++) out[ch] = out[ch] + in[p * c + ch];
    for (size_t ch = 0; ch < c; ch++) out[ch] = out[ch] / (float)pixels;
}
