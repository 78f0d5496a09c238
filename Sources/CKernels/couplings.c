// Kernels for the Hebbian rule as an explicit integer matrix (the capacity experiment, which
// converges every stored pattern): signed column sums for the first fields of many starts at
// once, and the field update after one neuron changes. Integer arithmetic only, the same loop
// order in every variant, so every variant writes the same bytes; the AVX2 variants are the same
// C compiled for that instruction set (the compiler vectorises the inner loops).
#include "ckernels.h"

#if defined(__x86_64__) || defined(__i386__)
#define HL_X86 1
#endif

#define HL_SIGNED_SUMS_FUNCTION(NAME, ATTRIBUTES)                                                          \
    ATTRIBUTES static void NAME(const uint64_t *columns, size_t n, size_t words, const int32_t *g,          \
                                size_t p, size_t ldg, size_t count, int32_t *out) {                         \
        int32_t total[HL_SIGNED_SUMS_MAX], acc[HL_SIGNED_SUMS_MAX];                                         \
        for (size_t b = 0; b < count; b++) total[b] = 0;                                                    \
        for (size_t v = 0; v < p; v++) {                                                                    \
            const int32_t *row = g + v * ldg;                                                               \
            for (size_t b = 0; b < count; b++) total[b] += row[b];                                          \
        }                                                                                                   \
        for (size_t i = 0; i < n; i++) {                                                                    \
            for (size_t b = 0; b < count; b++) acc[b] = 0;                                                  \
            const uint64_t *column = columns + i * words;                                                   \
            for (size_t k = 0; k < words; k++) {                                                            \
                uint64_t w = column[k];                                                                     \
                while (w) {                                                                                 \
                    const int32_t *row = g + (k * 64 + (size_t)__builtin_ctzll(w)) * ldg;                   \
                    for (size_t b = 0; b < count; b++) acc[b] += row[b];                                    \
                    w &= w - 1;                                                                             \
                }                                                                                           \
            }                                                                                               \
            int32_t *o = out + i * count;                                                                   \
            for (size_t b = 0; b < count; b++) o[b] = 2 * acc[b] - total[b];                                \
        }                                                                                                   \
    }

HL_SIGNED_SUMS_FUNCTION(signed_sums_portable, )
#ifdef HL_X86
HL_SIGNED_SUMS_FUNCTION(signed_sums_avx2, __attribute__((target("avx2,bmi"))))
#endif

void hl_signed_column_sums(const uint64_t *columns, size_t n, size_t words, const int32_t *g, size_t p, size_t ldg,
                           size_t count, int32_t *out) {
#ifdef HL_X86
    if (hl_kernel_level() >= HL_KERNEL_AVX2) {
        signed_sums_avx2(columns, n, words, g, p, ldg, count, out);
        return;
    }
#endif
    signed_sums_portable(columns, n, words, g, p, ldg, count, out);
}

#define HL_ADD_ROW_FUNCTION(NAME, ATTRIBUTES)                                                              \
    ATTRIBUTES static void NAME(int32_t *h, const int16_t *w, int32_t delta, size_t n) {                    \
        for (size_t j = 0; j < n; j++) h[j] += delta * (int32_t)w[j];                                       \
    }

HL_ADD_ROW_FUNCTION(add_row_portable, )
#ifdef HL_X86
HL_ADD_ROW_FUNCTION(add_row_avx2, __attribute__((target("avx2"))))
#endif

void hl_add_scaled_row(int32_t *h, const int16_t *w, int32_t delta, size_t n) {
#ifdef HL_X86
    if (hl_kernel_level() >= HL_KERNEL_AVX2) {
        add_row_avx2(h, w, delta, n);
        return;
    }
#endif
    add_row_portable(h, w, delta, n);
}
