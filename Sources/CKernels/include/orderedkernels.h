// Float and Double kernels that block ACROSS outputs while every output keeps the summation order
// of the Swift code it replaces, so that the results are the same bits as before, in every variant
// (portable C, AVX2 without FMA) and for any split of the outputs over threads.
//
// The dot-product order (FloatDot in Swift): eight lanes, lane l summing the products of the
// indices i ≡ l (mod 8) in index order, each product rounded, then added; the lanes added
// pairwise ((0+1)+(2+3))+((4+5)+(6+7)); then the last n mod 8 products added in order. The
// combination order: out = ((0 + w₀x₀) + w₁x₁) + … in the order given. No multiply is fused with
// an add (the file is compiled with contraction off, and the AVX2 variant has no FMA).
#ifndef HOPFIELDLAB_ORDEREDKERNELS_H
#define HOPFIELDLAB_ORDEREDKERNELS_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Float dot products of rows in FloatDot's order: out[j·ldo + i] = Σ_t x_i[t]·y_j[t] for
/// i < nx, j < ny, rows of n floats (x_i at x + i·ldx, y_j at y + j·ldy). Register tiles of
/// 4 rows of x by 2 rows of y.
void hl_fdot_rows(const float *x, size_t ldx, size_t nx, const float *y, size_t ldy, size_t ny, size_t n, float *out,
                  size_t ldo);

/// Weighted sums of float rows in row order: out[j·ldo + t] = ((0 + w[0·ldw + j]·y_0[t]) +
/// w[1·ldw + j]·y_1[t]) + … over the `rows` rows y_r at y + r·ldy, for j < nw, t < n.
void hl_fcombine_rows(const float *w, size_t ldw, size_t nw, const float *y, size_t ldy, size_t rows, size_t n,
                      float *out, size_t ldo);

/// Double dot products of ±1 byte rows with one state in ModernNetwork.dot's order (the eight
/// lanes): out[k] = Σ_i x_{rows[k]}[i]·s[i], rows of n bytes at x + rows[k]·n (rows nil: row k).
void hl_sign_dots(const int8_t *x, size_t n, const int32_t *rows, size_t count, const double *s, double *out);

/// The state Σ_k w[k]·x_{rows[k]} in the order given: s[i] = ((0 + w[0]·x_{rows[0]}[i]) +
/// w[1]·x_{rows[1]}[i]) + … for i < n, rows of n bytes.
void hl_sign_combination(const int8_t *x, size_t n, const int32_t *rows, const double *w, size_t count, double *s);

#ifdef __cplusplus
}
#endif

#endif
