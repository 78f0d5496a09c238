// Bit-packed overlap kernels. m = n − 2·popcount(a ⊕ b) is exact in every variant; the variants
// differ only in how the bits are counted:
//   portable: the SWAR bit count (no POPCNT instruction on the x86-64 baseline);
//   popcnt:   one POPCNT per word (x86-64-v2);
//   avx2:     Mula's nibble lookup with VPSHUFB and VPSADBW, 4 words per instruction (x86-64-v3).
// The tiling and loop order are the same in all of them (except the AVX2 1-NN search, which
// compares each overlap with the running best as it is counted, rows still in index order), and
// the results are integers, so every variant writes the same bytes.
#include "ckernels.h"

#include <limits.h>
#include <stdlib.h>

#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HL_X86 1
#endif

// Rows of b per tile: 128 rows of up to 16 words (N ≤ 1024) are 16 KB, half an L1 cache.
#define HL_TILE_ROWS 128

static inline uint64_t swar_popcount(uint64_t x) {
    x = x - ((x >> 1) & 0x5555555555555555ULL);
    x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
    x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
    return (x * 0x0101010101010101ULL) >> 56;
}

static int forced_level = -1;

int hl_kernel_supported_level(void) {
#ifdef HL_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("popcnt")) return HL_KERNEL_AVX2;
    if (__builtin_cpu_supports("popcnt")) return HL_KERNEL_POPCNT;
#endif
    return HL_KERNEL_PORTABLE;
}

int hl_kernel_level(void) {
    int supported = hl_kernel_supported_level();
    int forced = __atomic_load_n(&forced_level, __ATOMIC_RELAXED);
    if (forced >= 0) return forced < supported ? forced : supported;
    return supported;
}

int hl_kernel_force_level(int level) {
    __atomic_store_n(&forced_level, level, __ATOMIC_RELAXED);
    return hl_kernel_level();
}

const char *hl_kernel_name(int level) {
    switch (level) {
    case HL_KERNEL_POPCNT: return "popcnt";
    case HL_KERNEL_AVX2: return "avx2";
    default: return "portable";
    }
}

// A tile of overlaps, a register block of 2 rows of a by 4 rows of b: each word of b is loaded
// once for two rows of a, each word of a once for four rows of b, and no call per pair. The same
// loop for every variant; only the bit count differs (the compiler inlines it).
#define HL_TILE_FUNCTION(NAME, ATTRIBUTES, COUNT)                                                        \
    ATTRIBUTES static void NAME(const uint64_t *a, size_t na, const uint64_t *b, size_t j0, size_t j1,    \
                                size_t words, int32_t n, int32_t *out, size_t ldo) {                      \
        size_t i = 0;                                                                                     \
        for (; i + 2 <= na; i += 2) {                                                                     \
            const uint64_t *a0 = a + i * words, *a1 = a0 + words;                                         \
            int32_t *r0 = out + i * ldo, *r1 = r0 + ldo;                                                  \
            size_t j = j0;                                                                                \
            for (; j + 4 <= j1; j += 4) {                                                                 \
                const uint64_t *b0 = b + j * words, *b1 = b0 + words, *b2 = b1 + words, *b3 = b2 + words; \
                uint64_t c0 = 0, c1 = 0, c2 = 0, c3 = 0, d0 = 0, d1 = 0, d2 = 0, d3 = 0;                  \
                for (size_t k = 0; k < words; k++) {                                                      \
                    uint64_t x = a0[k], y = a1[k], e0 = b0[k], e1 = b1[k], e2 = b2[k], e3 = b3[k];        \
                    c0 += COUNT(x ^ e0); c1 += COUNT(x ^ e1); c2 += COUNT(x ^ e2); c3 += COUNT(x ^ e3);   \
                    d0 += COUNT(y ^ e0); d1 += COUNT(y ^ e1); d2 += COUNT(y ^ e2); d3 += COUNT(y ^ e3);   \
                }                                                                                         \
                r0[j] = n - 2 * (int32_t)c0; r0[j + 1] = n - 2 * (int32_t)c1;                             \
                r0[j + 2] = n - 2 * (int32_t)c2; r0[j + 3] = n - 2 * (int32_t)c3;                         \
                r1[j] = n - 2 * (int32_t)d0; r1[j + 1] = n - 2 * (int32_t)d1;                             \
                r1[j + 2] = n - 2 * (int32_t)d2; r1[j + 3] = n - 2 * (int32_t)d3;                         \
            }                                                                                             \
            for (; j < j1; j++) {                                                                         \
                const uint64_t *bj = b + j * words;                                                       \
                uint64_t c = 0, d = 0;                                                                    \
                for (size_t k = 0; k < words; k++) { c += COUNT(a0[k] ^ bj[k]); d += COUNT(a1[k] ^ bj[k]); } \
                r0[j] = n - 2 * (int32_t)c;                                                               \
                r1[j] = n - 2 * (int32_t)d;                                                               \
            }                                                                                             \
        }                                                                                                 \
        for (; i < na; i++) {                                                                             \
            const uint64_t *ai = a + i * words;                                                           \
            int32_t *row = out + i * ldo;                                                                 \
            for (size_t j = j0; j < j1; j++) {                                                            \
                const uint64_t *bj = b + j * words;                                                       \
                uint64_t c = 0;                                                                           \
                for (size_t k = 0; k < words; k++) c += COUNT(ai[k] ^ bj[k]);                             \
                row[j] = n - 2 * (int32_t)c;                                                              \
            }                                                                                             \
        }                                                                                                 \
    }

HL_TILE_FUNCTION(tile_portable, , swar_popcount)
#ifdef HL_X86
HL_TILE_FUNCTION(tile_popcnt, __attribute__((target("popcnt"))), (uint64_t)__builtin_popcountll)

// Per-byte bit counts of a 256-bit vector (Mula's nibble lookup).
__attribute__((target("avx2"))) static inline __m256i byte_counts(__m256i v) {
    const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                           0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i low = _mm256_set1_epi8(0x0F);
    return _mm256_add_epi8(_mm256_shuffle_epi8(table, _mm256_and_si256(v, low)),
                           _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi16(v, 4), low)));
}

// The AVX2 tile: four rows of b transposed word by word, so one 256-bit load holds word k of
// four rows; each word of a is broadcast and compared with all four at once. Byte counts are
// summed over at most 16 words (≤ 128 per byte) before VPSADBW widens them.
__attribute__((target("avx2,popcnt")))
static void tile_avx2(const uint64_t *a, size_t na, const uint64_t *b, size_t j0, size_t j1, size_t words, int32_t n,
                      int32_t *out, size_t ldo) {
    size_t groups = (j1 - j0) / 4;
    uint64_t *t = aligned_alloc(32, (groups * words * 4 + 4) * sizeof(uint64_t));
    if (t == NULL) {
        tile_popcnt(a, na, b, j0, j1, words, n, out, ldo);
        return;
    }
    for (size_t g = 0; g < groups; g++)
        for (size_t k = 0; k < words; k++)
            for (size_t r = 0; r < 4; r++) t[(g * words + k) * 4 + r] = b[(j0 + g * 4 + r) * words + k];
    const __m256i zero = _mm256_setzero_si256();
    for (size_t i = 0; i < na; i++) {
        const uint64_t *ai = a + i * words;
        int32_t *row = out + i * ldo;
        for (size_t g = 0; g < groups; g++) {
            const uint64_t *tg = t + g * words * 4;
            __m256i sum = zero, partial = zero;
            for (size_t k = 0; k < words; k++) {
                __m256i x = _mm256_xor_si256(_mm256_set1_epi64x((long long)ai[k]), _mm256_load_si256((const __m256i *)(tg + k * 4)));
                partial = _mm256_add_epi8(partial, byte_counts(x));
                if ((k & 15) == 15) {
                    sum = _mm256_add_epi64(sum, _mm256_sad_epu8(partial, zero));
                    partial = zero;
                }
            }
            sum = _mm256_add_epi64(sum, _mm256_sad_epu8(partial, zero));
            int64_t counts[4];
            _mm256_storeu_si256((__m256i *)counts, sum);
            for (size_t r = 0; r < 4; r++) row[j0 + g * 4 + r] = n - 2 * (int32_t)counts[r];
        }
    }
    free(t);
    if (groups * 4 < j1 - j0) tile_popcnt(a, na, b, j0 + groups * 4, j1, words, n, out, ldo);
}
#endif

typedef void (*tile_fn)(const uint64_t *, size_t, const uint64_t *, size_t, size_t, size_t, int32_t, int32_t *, size_t);

static tile_fn tile_for(void) {
    switch (hl_kernel_level()) {
#ifdef HL_X86
    case HL_KERNEL_AVX2: return tile_avx2;
    case HL_KERNEL_POPCNT: return tile_popcnt;
#endif
    default: return tile_portable;
    }
}

void hl_overlaps(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n,
                 int32_t *out, size_t ldo) {
    tile_fn tile = tile_for();
    for (size_t j0 = 0; j0 < nb; j0 += HL_TILE_ROWS) {
        size_t j1 = j0 + HL_TILE_ROWS < nb ? j0 + HL_TILE_ROWS : nb;
        tile(a, na, b, j0, j1, words, n, out, ldo);
    }
}

#ifdef HL_X86
// Keeps the larger of (index, overlap) and row j's overlap m: by m, or by |m| when `absolute`;
// the first (lowest) index among equals, as rows arrive in index order.
static inline void keep_best(int32_t m, int32_t j, int absolute, int32_t *bi, int32_t *bo) {
    int32_t key = *bi < 0 ? INT32_MIN : (absolute ? abs(*bo) : *bo);
    if ((absolute ? abs(m) : m) > key) {
        *bi = j;
        *bo = m;
    }
}

// The AVX2 1-NN: the tile's rows of b transposed by four as in tile_avx2, two rows of a at a
// time against each group (each 256-bit load of b serves both), and each overlap compared with
// the running best as soon as it is counted: no tile of overlaps is written and read back.
// The same results as the other variants (integers, rows visited in index order).
__attribute__((target("avx2,popcnt")))
static int best_avx2(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n, int absolute,
                     int32_t *best_index, int32_t *best_overlap) {
    uint64_t *t = aligned_alloc(32, (HL_TILE_ROWS / 4 * words * 4 + 4) * sizeof(uint64_t));
    if (t == NULL) return 0;
    const __m256i zero = _mm256_setzero_si256();
    for (size_t j0 = 0; j0 < nb; j0 += HL_TILE_ROWS) {
        size_t j1 = j0 + HL_TILE_ROWS < nb ? j0 + HL_TILE_ROWS : nb;
        size_t groups = (j1 - j0) / 4;
        for (size_t g = 0; g < groups; g++)
            for (size_t k = 0; k < words; k++)
                for (size_t r = 0; r < 4; r++) t[(g * words + k) * 4 + r] = b[(j0 + g * 4 + r) * words + k];
        for (size_t i = 0; i < na; i += 2) {
            int pair = i + 1 < na;
            const uint64_t *a0 = a + i * words, *a1 = pair ? a0 + words : a0;
            for (size_t g = 0; g < groups; g++) {
                const uint64_t *tg = t + g * words * 4;
                __m256i sum0 = zero, sum1 = zero, part0 = zero, part1 = zero;
                for (size_t k = 0; k < words; k++) {
                    __m256i y = _mm256_load_si256((const __m256i *)(tg + k * 4));
                    part0 = _mm256_add_epi8(part0, byte_counts(_mm256_xor_si256(_mm256_set1_epi64x((long long)a0[k]), y)));
                    part1 = _mm256_add_epi8(part1, byte_counts(_mm256_xor_si256(_mm256_set1_epi64x((long long)a1[k]), y)));
                    if ((k & 15) == 15) {
                        sum0 = _mm256_add_epi64(sum0, _mm256_sad_epu8(part0, zero));
                        sum1 = _mm256_add_epi64(sum1, _mm256_sad_epu8(part1, zero));
                        part0 = part1 = zero;
                    }
                }
                sum0 = _mm256_add_epi64(sum0, _mm256_sad_epu8(part0, zero));
                sum1 = _mm256_add_epi64(sum1, _mm256_sad_epu8(part1, zero));
                int64_t c0[4], c1[4];
                _mm256_storeu_si256((__m256i *)c0, sum0);
                _mm256_storeu_si256((__m256i *)c1, sum1);
                for (size_t r = 0; r < 4; r++) {
                    int32_t j = (int32_t)(j0 + g * 4 + r);
                    keep_best(n - 2 * (int32_t)c0[r], j, absolute, best_index + i, best_overlap + i);
                    if (pair) keep_best(n - 2 * (int32_t)c1[r], j, absolute, best_index + i + 1, best_overlap + i + 1);
                }
            }
            for (size_t j = j0 + groups * 4; j < j1; j++) {
                const uint64_t *bj = b + j * words;
                for (size_t q = i; q < i + 1 + (size_t)pair; q++) {
                    const uint64_t *aq = a + q * words;
                    uint64_t c = 0;
                    for (size_t k = 0; k < words; k++) c += (uint64_t)__builtin_popcountll(aq[k] ^ bj[k]);
                    keep_best(n - 2 * (int32_t)c, (int32_t)j, absolute, best_index + q, best_overlap + q);
                }
            }
        }
    }
    free(t);
    return 1;
}
#endif

void hl_best_overlaps(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n,
                      int absolute, int32_t *best_index, int32_t *best_overlap) {
    tile_fn tile = tile_for();
    for (size_t i = 0; i < na; i++) {
        best_index[i] = -1;
        best_overlap[i] = INT32_MIN;
    }
#ifdef HL_X86
    if (hl_kernel_level() >= HL_KERNEL_AVX2 && best_avx2(a, na, b, nb, words, n, absolute, best_index, best_overlap)) return;
#endif
    int32_t *buffer = malloc(na * HL_TILE_ROWS * sizeof(int32_t));
    if (buffer == NULL) return;
    for (size_t j0 = 0; j0 < nb; j0 += HL_TILE_ROWS) {
        size_t j1 = j0 + HL_TILE_ROWS < nb ? j0 + HL_TILE_ROWS : nb;
        // The tile written at columns 0..<(j1 − j0) of the buffer.
        tile(a, na, b + j0 * words, 0, j1 - j0, words, n, buffer, HL_TILE_ROWS);
        for (size_t i = 0; i < na; i++) {
            const int32_t *row = buffer + i * HL_TILE_ROWS;
            int32_t bi = best_index[i], bo = best_overlap[i];
            int32_t key = bi < 0 ? INT32_MIN : (absolute ? abs(bo) : bo);
            for (size_t j = j0; j < j1; j++) {
                int32_t m = row[j - j0];
                int32_t k = absolute ? abs(m) : m;
                if (k > key) {
                    key = k;
                    bi = (int32_t)j;
                    bo = m;
                }
            }
            best_index[i] = bi;
            best_overlap[i] = bo;
        }
    }
    free(buffer);
}

void hl_hamming_row(const uint64_t *a, const uint64_t *b, size_t nb, size_t words, int32_t *out) {
    // Overlaps by the tile, then distances d = (n − m)/2 with n = 64·words (padding bits are zero
    // in both rows, so they never differ).
    int32_t n = (int32_t)(64 * words);
    hl_overlaps(a, 1, b, nb, words, n, out, nb);
    for (size_t j = 0; j < nb; j++) out[j] = (n - out[j]) / 2;
}

#define HL_ROWS_FUNCTION(NAME, ATTRIBUTES, COUNT)                                                          \
    ATTRIBUTES static void NAME(const uint64_t *a, const uint64_t *b, const int32_t *rows, size_t count,   \
                                size_t words, int32_t *out) {                                              \
        for (size_t k = 0; k < count; k++) {                                                               \
            const uint64_t *bk = b + (size_t)rows[k] * words;                                              \
            uint64_t c = 0;                                                                                \
            for (size_t w = 0; w < words; w++) c += COUNT(a[w] ^ bk[w]);                                   \
            out[k] = (int32_t)c;                                                                           \
        }                                                                                                  \
    }

HL_ROWS_FUNCTION(rows_portable, , swar_popcount)
#ifdef HL_X86
HL_ROWS_FUNCTION(rows_popcnt, __attribute__((target("popcnt"))), (uint64_t)__builtin_popcountll)
#endif

void hl_hamming_rows(const uint64_t *a, const uint64_t *b, const int32_t *rows, size_t count, size_t words, int32_t *out) {
#ifdef HL_X86
    if (hl_kernel_level() >= HL_KERNEL_POPCNT) {
        rows_popcnt(a, b, rows, count, words, out);
        return;
    }
#endif
    rows_portable(a, b, rows, count, words, out);
}
