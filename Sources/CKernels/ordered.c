// Kernels that block across outputs and keep each output's summation order (orderedkernels.h):
//   portable: scalar C, one output at a time;
//   avx2:     register tiles of several outputs (AVX2, no FMA), the same operations per output.
// Contraction is off for this file (and the target): a * b + c stays a rounded multiply and a
// rounded add, as in the Swift code these kernels replace.
#pragma STDC FP_CONTRACT OFF
#include "orderedkernels.h"
#include "ckernels.h"

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HL_X86 1
#define HL_AVX2_ONLY __attribute__((target("avx2")))
#define HL_INLINE_AVX2 static inline __attribute__((always_inline, target("avx2")))
#endif

static int use_avx2(void) { return hl_kernel_level() >= HL_KERNEL_AVX2; }

static inline float combine8f(const float *l) { return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7])); }

static inline double combine8d(const double *l) {
    return ((l[0] + l[1]) + (l[2] + l[3])) + ((l[4] + l[5]) + (l[6] + l[7]));
}

// ---- portable ----

static float fdot_portable(const float *a, const float *b, size_t n) {
    float lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int l = 0; l < 8; l++) {
            float p = a[i + l] * b[i + l];
            lanes[l] = lanes[l] + p;
        }
    }
    float total = combine8f(lanes);
    for (; i < n; i++) {
        float p = a[i] * b[i];
        total = total + p;
    }
    return total;
}

static double sign_dot_portable(const int8_t *x, const double *s, size_t n) {
    double lanes[8] = {0, 0, 0, 0, 0, 0, 0, 0};
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        for (int l = 0; l < 8; l++) {
            double p = (double)x[i + l] * s[i + l];
            lanes[l] = lanes[l] + p;
        }
    }
    double total = combine8d(lanes);
    for (; i < n; i++) {
        double p = (double)x[i] * s[i];
        total = total + p;
    }
    return total;
}

// ---- AVX2 tiles ----

#ifdef HL_X86
// An R×C tile of dot products (R rows of x, C rows of y), R·C accumulators of 8 lanes.
HL_INLINE_AVX2 void fdot_tile(const float *x, size_t ldx, int R, const float *y, size_t ldy, int C, size_t n,
                              float *out, size_t ldo) {
    __m256 acc[4][2];
    for (int r = 0; r < R; r++)
        for (int c = 0; c < C; c++) acc[r][c] = _mm256_setzero_ps();
    size_t t = 0;
    for (; t + 8 <= n; t += 8) {
        __m256 yv[2];
        for (int c = 0; c < C; c++) yv[c] = _mm256_loadu_ps(y + c * ldy + t);
        for (int r = 0; r < R; r++) {
            __m256 xv = _mm256_loadu_ps(x + r * ldx + t);
            for (int c = 0; c < C; c++) acc[r][c] = _mm256_add_ps(acc[r][c], _mm256_mul_ps(xv, yv[c]));
        }
    }
    for (int r = 0; r < R; r++) {
        for (int c = 0; c < C; c++) {
            float lanes[8];
            _mm256_storeu_ps(lanes, acc[r][c]);
            float total = combine8f(lanes);
            for (size_t u = t; u < n; u++) {
                float p = x[r * ldx + u] * y[c * ldy + u];
                total = total + p;
            }
            out[c * ldo + r] = total;
        }
    }
}

HL_AVX2_ONLY static void fdot_rows_avx2(const float *x, size_t ldx, size_t nx, const float *y, size_t ldy, size_t ny,
                                        size_t n, float *out, size_t ldo) {
    size_t i = 0;
    for (; i + 4 <= nx; i += 4) {
        size_t j = 0;
        for (; j + 2 <= ny; j += 2) fdot_tile(x + i * ldx, ldx, 4, y + j * ldy, ldy, 2, n, out + j * ldo + i, ldo);
        for (; j < ny; j++) fdot_tile(x + i * ldx, ldx, 4, y + j * ldy, ldy, 1, n, out + j * ldo + i, ldo);
    }
    for (; i < nx; i++) {
        size_t j = 0;
        for (; j + 2 <= ny; j += 2) fdot_tile(x + i * ldx, ldx, 1, y + j * ldy, ldy, 2, n, out + j * ldo + i, ldo);
        for (; j < ny; j++) fdot_tile(x + i * ldx, ldx, 1, y + j * ldy, ldy, 1, n, out + j * ldo + i, ldo);
    }
}

// J outputs × V vectors of 8 columns: out_j[t] = Σ_r w[r·ldw + j]·y_r[t], r in order.
HL_INLINE_AVX2 void fcombine_tile(const float *w, size_t ldw, int J, const float *y, size_t ldy, size_t rows, int V,
                                  float *out, size_t ldo) {
    __m256 acc[4][2];
    for (int j = 0; j < J; j++)
        for (int v = 0; v < V; v++) acc[j][v] = _mm256_setzero_ps();
    for (size_t r = 0; r < rows; r++) {
        __m256 yv[2];
        for (int v = 0; v < V; v++) yv[v] = _mm256_loadu_ps(y + r * ldy + 8 * v);
        for (int j = 0; j < J; j++) {
            __m256 wv = _mm256_broadcast_ss(w + r * ldw + j);
            for (int v = 0; v < V; v++) acc[j][v] = _mm256_add_ps(acc[j][v], _mm256_mul_ps(wv, yv[v]));
        }
    }
    for (int j = 0; j < J; j++)
        for (int v = 0; v < V; v++) _mm256_storeu_ps(out + j * ldo + 8 * v, acc[j][v]);
}

HL_AVX2_ONLY static void fcombine_block_avx2(const float *w, size_t ldw, int J, const float *y, size_t ldy, size_t rows,
                                             size_t n, float *out, size_t ldo) {
    size_t t = 0;
    if (J == 4) {
        for (; t + 16 <= n; t += 16) fcombine_tile(w, ldw, 4, y + t, ldy, rows, 2, out + t, ldo);
        for (; t + 8 <= n; t += 8) fcombine_tile(w, ldw, 4, y + t, ldy, rows, 1, out + t, ldo);
    } else {
        for (; t + 16 <= n; t += 16) fcombine_tile(w, ldw, 1, y + t, ldy, rows, 2, out + t, ldo);
        for (; t + 8 <= n; t += 8) fcombine_tile(w, ldw, 1, y + t, ldy, rows, 1, out + t, ldo);
    }
    for (int j = 0; j < J; j++) {
        for (size_t u = t; u < n; u++) {
            float total = 0;
            for (size_t r = 0; r < rows; r++) {
                float p = w[r * ldw + j] * y[r * ldy + u];
                total = total + p;
            }
            out[j * ldo + u] = total;
        }
    }
}

// Eight ±1 bytes as two vectors of four Doubles.
HL_INLINE_AVX2 void sign_bytes(const int8_t *x, __m256d *lo, __m256d *hi) {
    __m128i b = _mm_loadl_epi64((const __m128i *)x);
    __m256i w = _mm256_cvtepi8_epi32(b);
    *lo = _mm256_cvtepi32_pd(_mm256_castsi256_si128(w));
    *hi = _mm256_cvtepi32_pd(_mm256_extracti128_si256(w, 1));
}

// R rows' dot products with s, 8 lanes each (two vectors of four).
HL_INLINE_AVX2 void sign_dot_tile(const int8_t *const *rows, int R, const double *s, size_t n, double *out) {
    __m256d lo[4], hi[4];
    for (int r = 0; r < R; r++) lo[r] = hi[r] = _mm256_setzero_pd();
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        __m256d s0 = _mm256_loadu_pd(s + i), s1 = _mm256_loadu_pd(s + i + 4);
        for (int r = 0; r < R; r++) {
            __m256d x0, x1;
            sign_bytes(rows[r] + i, &x0, &x1);
            lo[r] = _mm256_add_pd(lo[r], _mm256_mul_pd(x0, s0));
            hi[r] = _mm256_add_pd(hi[r], _mm256_mul_pd(x1, s1));
        }
    }
    for (int r = 0; r < R; r++) {
        double lanes[8];
        _mm256_storeu_pd(lanes, lo[r]);
        _mm256_storeu_pd(lanes + 4, hi[r]);
        double total = combine8d(lanes);
        for (size_t u = i; u < n; u++) {
            double p = (double)rows[r][u] * s[u];
            total = total + p;
        }
        out[r] = total;
    }
}

HL_AVX2_ONLY static void sign_dots_avx2(const int8_t *x, size_t n, const int32_t *rows, size_t count, const double *s,
                                        double *out) {
    size_t k = 0;
    for (; k + 4 <= count; k += 4) {
        const int8_t *r[4];
        for (int q = 0; q < 4; q++) r[q] = x + (rows ? (size_t)rows[k + q] : k + q) * n;
        sign_dot_tile(r, 4, s, n, out + k);
    }
    for (; k < count; k++) {
        const int8_t *r[1] = {x + (rows ? (size_t)rows[k] : k) * n};
        sign_dot_tile(r, 1, s, n, out + k);
    }
}

// Rows ahead of the one being added whose bytes are prefetched.
#define HL_PREFETCH_ROWS 12

// V vectors of four pixels of the combination, starting at pixel i0.
HL_INLINE_AVX2 void sign_combination_tile(const int8_t *x, size_t n, const int32_t *rows, const double *w, size_t count,
                                          size_t i0, int V, double *s) {
    __m256d acc[12];
    for (int v = 0; v < V; v++) acc[v] = _mm256_setzero_pd();
    for (size_t k = 0; k < count; k++) {
        const int8_t *row = x + (size_t)rows[k] * n + i0;
        // The rows come in weight order, not memory order: no hardware prefetcher sees the
        // stride, so the tile's bytes of a later row are asked for ahead.
        if (k + HL_PREFETCH_ROWS < count) {
            const char *ahead = (const char *)(x + (size_t)rows[k + HL_PREFETCH_ROWS] * n + i0);
            _mm_prefetch(ahead, _MM_HINT_T0);
            _mm_prefetch(ahead + 4 * V - 1, _MM_HINT_T0);
        }
        __m256d wv = _mm256_broadcast_sd(w + k);
        for (int v = 0; v < V; v++) {
            int32_t four;
            __builtin_memcpy(&four, row + 4 * v, 4);
            __m256d xv = _mm256_cvtepi32_pd(_mm_cvtepi8_epi32(_mm_cvtsi32_si128(four)));
            acc[v] = _mm256_add_pd(acc[v], _mm256_mul_pd(wv, xv));
        }
    }
    for (int v = 0; v < V; v++) _mm256_storeu_pd(s + i0 + 4 * v, acc[v]);
}

HL_AVX2_ONLY static void sign_combination_avx2(const int8_t *x, size_t n, const int32_t *rows, const double *w,
                                               size_t count, double *s) {
    size_t i = 0;
    for (; i + 48 <= n; i += 48) sign_combination_tile(x, n, rows, w, count, i, 12, s);
    for (; i + 4 <= n; i += 4) sign_combination_tile(x, n, rows, w, count, i, 1, s);
    for (; i < n; i++) {
        double total = 0;
        for (size_t k = 0; k < count; k++) {
            double p = w[k] * (double)x[(size_t)rows[k] * n + i];
            total = total + p;
        }
        s[i] = total;
    }
}
#endif

// ---- entry points ----

void hl_fdot_rows(const float *x, size_t ldx, size_t nx, const float *y, size_t ldy, size_t ny, size_t n, float *out,
                  size_t ldo) {
#ifdef HL_X86
    if (use_avx2()) {
        fdot_rows_avx2(x, ldx, nx, y, ldy, ny, n, out, ldo);
        return;
    }
#endif
    for (size_t j = 0; j < ny; j++)
        for (size_t i = 0; i < nx; i++) out[j * ldo + i] = fdot_portable(x + i * ldx, y + j * ldy, n);
}

void hl_fcombine_rows(const float *w, size_t ldw, size_t nw, const float *y, size_t ldy, size_t rows, size_t n,
                      float *out, size_t ldo) {
#ifdef HL_X86
    if (use_avx2()) {
        size_t j = 0;
        for (; j + 4 <= nw; j += 4) fcombine_block_avx2(w + j, ldw, 4, y, ldy, rows, n, out + j * ldo, ldo);
        for (; j < nw; j++) fcombine_block_avx2(w + j, ldw, 1, y, ldy, rows, n, out + j * ldo, ldo);
        return;
    }
#endif
    for (size_t j = 0; j < nw; j++) {
        float *o = out + j * ldo;
        for (size_t t = 0; t < n; t++) o[t] = 0;
        for (size_t r = 0; r < rows; r++) {
            float weight = w[r * ldw + j];
            const float *yr = y + r * ldy;
            for (size_t t = 0; t < n; t++) {
                float p = weight * yr[t];
                o[t] = o[t] + p;
            }
        }
    }
}

void hl_sign_dots(const int8_t *x, size_t n, const int32_t *rows, size_t count, const double *s, double *out) {
#ifdef HL_X86
    if (use_avx2()) {
        sign_dots_avx2(x, n, rows, count, s, out);
        return;
    }
#endif
    for (size_t k = 0; k < count; k++) out[k] = sign_dot_portable(x + (rows ? (size_t)rows[k] : k) * n, s, n);
}

void hl_sign_combination(const int8_t *x, size_t n, const int32_t *rows, const double *w, size_t count, double *s) {
#ifdef HL_X86
    if (use_avx2()) {
        sign_combination_avx2(x, n, rows, w, count, s);
        return;
    }
#endif
    for (size_t i = 0; i < n; i++) s[i] = 0;
    for (size_t k = 0; k < count; k++) {
        const int8_t *row = x + (size_t)rows[k] * n;
        for (size_t i = 0; i < n; i++) {
            double p = w[k] * (double)row[i];
            s[i] = s[i] + p;
        }
    }
}
