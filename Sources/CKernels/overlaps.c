// Bit-packed overlap kernels. m = n − 2·popcount(a ⊕ b) is exact in every variant; the variants
// differ only in how the bits are counted:
//   portable: the SWAR bit count (no POPCNT instruction on the x86-64 baseline);
//   popcnt:   one POPCNT per word (x86-64-v2);
//   avx2:     Mula's nibble lookup with VPSHUFB and VPSADBW, 4 words per instruction (x86-64-v3).
// The tiling and loop order are the same in all of them, and the results are integers, so every
// variant writes the same bytes.
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

static uint64_t hamming_portable(const uint64_t *a, const uint64_t *b, size_t words) {
    uint64_t d = 0;
    for (size_t k = 0; k < words; k++) d += swar_popcount(a[k] ^ b[k]);
    return d;
}

#ifdef HL_X86
__attribute__((target("popcnt")))
static uint64_t hamming_popcnt(const uint64_t *a, const uint64_t *b, size_t words) {
    uint64_t d = 0;
    size_t k = 0;
    // Four independent counters so the adds do not wait for each other.
    uint64_t d1 = 0, d2 = 0, d3 = 0;
    for (; k + 4 <= words; k += 4) {
        d += (uint64_t)__builtin_popcountll(a[k] ^ b[k]);
        d1 += (uint64_t)__builtin_popcountll(a[k + 1] ^ b[k + 1]);
        d2 += (uint64_t)__builtin_popcountll(a[k + 2] ^ b[k + 2]);
        d3 += (uint64_t)__builtin_popcountll(a[k + 3] ^ b[k + 3]);
    }
    for (; k < words; k++) d += (uint64_t)__builtin_popcountll(a[k] ^ b[k]);
    return d + d1 + d2 + d3;
}

__attribute__((target("avx2")))
static uint64_t hamming_avx2(const uint64_t *a, const uint64_t *b, size_t words) {
    const __m256i table = _mm256_setr_epi8(0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4,
                                           0, 1, 1, 2, 1, 2, 2, 3, 1, 2, 2, 3, 2, 3, 3, 4);
    const __m256i low = _mm256_set1_epi8(0x0F);
    __m256i acc = _mm256_setzero_si256();
    size_t k = 0;
    for (; k + 4 <= words; k += 4) {
        __m256i x = _mm256_xor_si256(_mm256_loadu_si256((const __m256i *)(a + k)), _mm256_loadu_si256((const __m256i *)(b + k)));
        __m256i counts = _mm256_add_epi8(_mm256_shuffle_epi8(table, _mm256_and_si256(x, low)),
                                         _mm256_shuffle_epi8(table, _mm256_and_si256(_mm256_srli_epi16(x, 4), low)));
        acc = _mm256_add_epi64(acc, _mm256_sad_epu8(counts, _mm256_setzero_si256()));
    }
    uint64_t d = (uint64_t)_mm256_extract_epi64(acc, 0) + (uint64_t)_mm256_extract_epi64(acc, 1)
               + (uint64_t)_mm256_extract_epi64(acc, 2) + (uint64_t)_mm256_extract_epi64(acc, 3);
    for (; k < words; k++) d += (uint64_t)__builtin_popcountll(a[k] ^ b[k]);
    return d;
}
#endif

typedef uint64_t (*hamming_fn)(const uint64_t *, const uint64_t *, size_t);

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
    if (forced >= 0 && forced < supported) return forced;
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

static hamming_fn hamming_for(size_t words) {
    switch (hl_kernel_level()) {
#ifdef HL_X86
    case HL_KERNEL_AVX2: return words >= 4 ? hamming_avx2 : hamming_popcnt;
    case HL_KERNEL_POPCNT: return hamming_popcnt;
#endif
    default: return hamming_portable;
    }
}

void hl_overlaps(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n,
                 int32_t *out, size_t ldo) {
    hamming_fn hamming = hamming_for(words);
    for (size_t j0 = 0; j0 < nb; j0 += HL_TILE_ROWS) {
        size_t j1 = j0 + HL_TILE_ROWS < nb ? j0 + HL_TILE_ROWS : nb;
        for (size_t i = 0; i < na; i++) {
            const uint64_t *ai = a + i * words;
            int32_t *row = out + i * ldo;
            for (size_t j = j0; j < j1; j++) row[j] = n - 2 * (int32_t)hamming(ai, b + j * words, words);
        }
    }
}

void hl_best_overlaps(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n,
                      int absolute, int32_t *best_index, int32_t *best_overlap) {
    hamming_fn hamming = hamming_for(words);
    for (size_t i = 0; i < na; i++) {
        best_index[i] = -1;
        best_overlap[i] = INT32_MIN;
    }
    for (size_t j0 = 0; j0 < nb; j0 += HL_TILE_ROWS) {
        size_t j1 = j0 + HL_TILE_ROWS < nb ? j0 + HL_TILE_ROWS : nb;
        for (size_t i = 0; i < na; i++) {
            const uint64_t *ai = a + i * words;
            int32_t bi = best_index[i], bo = best_overlap[i];
            int32_t key = bi < 0 ? INT32_MIN : (absolute ? abs(bo) : bo);
            for (size_t j = j0; j < j1; j++) {
                int32_t m = n - 2 * (int32_t)hamming(ai, b + j * words, words);
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
}

void hl_hamming_row(const uint64_t *a, const uint64_t *b, size_t nb, size_t words, int32_t *out) {
    hamming_fn hamming = hamming_for(words);
    for (size_t j = 0; j < nb; j++) out[j] = (int32_t)hamming(a, b + j * words, words);
}

void hl_hamming_rows(const uint64_t *a, const uint64_t *b, const int32_t *rows, size_t count, size_t words, int32_t *out) {
    hamming_fn hamming = hamming_for(words);
    for (size_t k = 0; k < count; k++) out[k] = (int32_t)hamming(a, b + (size_t)rows[k] * words, words);
}
