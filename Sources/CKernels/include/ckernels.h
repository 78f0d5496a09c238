// Exact integer kernels over bit-packed ±1 patterns (bit set = +1), with run-time CPU dispatch.
// Every variant computes the same integers, so results never depend on the machine.
#ifndef HOPFIELDLAB_CKERNELS_H
#define HOPFIELDLAB_CKERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// The kernel variants, from the most portable to the fastest.
enum hl_kernel_level {
    HL_KERNEL_PORTABLE = 0,  ///< plain C, no popcount instruction (any x86-64 or other CPU)
    HL_KERNEL_POPCNT = 1,    ///< the POPCNT instruction (x86-64-v2)
    HL_KERNEL_AVX2 = 2,      ///< AVX2 nibble-table popcount (x86-64-v3)
};

/// The variant in use: the best the CPU supports, unless forced.
int hl_kernel_level(void);

/// The best variant this CPU supports.
int hl_kernel_supported_level(void);

/// Forces a variant (for tests and benchmarks); a level the CPU lacks is lowered to the best
/// supported one. -1 restores the automatic choice. Returns the level now in use.
int hl_kernel_force_level(int level);

/// A short name of a level: "portable", "popcnt", "avx2".
const char *hl_kernel_name(int level);

/// Overlaps of every row of `a` with every row of `b`: out[i * ldo + j] = n − 2·popcount(a_i ⊕ b_j)
/// for i < na, j < nb. Rows are `words` 64-bit words; bits past n must be zero in both.
/// Tiled so that a block of `b` stays in the L1 cache while every row of `a` passes over it.
void hl_overlaps(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n,
                 int32_t *out, size_t ldo);

/// For each row i of `a`: the row j of `b` with the largest overlap (`absolute`: largest |overlap|),
/// the lowest index on ties, and that overlap (signed). Tiled as `hl_overlaps` (the AVX2 variant
/// keeps the running best instead of writing the tile, two rows of `a` per pass).
void hl_best_overlaps(const uint64_t *a, size_t na, const uint64_t *b, size_t nb, size_t words, int32_t n,
                      int absolute, int32_t *best_index, int32_t *best_overlap);

/// Hamming distances of `a` with every row of `b`, for one row `a`: out[j] = popcount(a ⊕ b_j).
void hl_hamming_row(const uint64_t *a, const uint64_t *b, size_t nb, size_t words, int32_t *out);

/// Hamming distances of `a` with chosen rows of `b`: out[k] = popcount(a ⊕ b_rows[k]).
void hl_hamming_rows(const uint64_t *a, const uint64_t *b, const int32_t *rows, size_t count, size_t words, int32_t *out);

/// The most starts `hl_signed_column_sums` takes at once.
#define HL_SIGNED_SUMS_MAX 64

/// Signed sums of rows of `g` chosen by the bits of each column: for i < n and b < count (≤
/// HL_SIGNED_SUMS_MAX), out[i * count + b] = Σ_{v < p} (bit v of column i set ? +1 : −1) ·
/// g[v * ldg + b]. Columns are `words` 64-bit words; bits at p and beyond must be zero. With
/// columns the neurons' bits across the stored patterns and g a block of their Gram matrix, these
/// are the Hebbian fields (before the diagonal) of the patterns in the block.
void hl_signed_column_sums(const uint64_t *columns, size_t n, size_t words, const int32_t *g, size_t p, size_t ldg,
                           size_t count, int32_t *out);

/// h[j] += delta · w[j] for j < n: the fields after a neuron with coupling row w changed by delta.
void hl_add_scaled_row(int32_t *h, const int16_t *w, int32_t delta, size_t n);

#ifdef __cplusplus
}
#endif

/* The float kernels of the CNN encoder: part of the same module. */
#include "cnnkernels.h"
/* The fixed-order float and Double kernels of the dense classifier and the modern network. */
#include "orderedkernels.h"

#endif
