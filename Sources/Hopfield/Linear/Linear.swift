/// The few dense linear-algebra pieces the rules need, in fixed summation orders so results are
/// the same on every machine.
enum Linear {
    /// Σ_j a[j]·b[j] for ±1/0 states, in index order.
    @inline(__always)
    static func dot(_ row: UnsafePointer<Double>, _ state: UnsafeBufferPointer<Int8>) -> Double {
        var sum = 0.0
        for j in 0..<state.count {
            let s = state[j]
            if s > 0 { sum += row[j] } else if s < 0 { sum -= row[j] }
        }
        return sum
    }

    /// Cholesky factorisation of the Gram matrix of `rows` (P×N, ±1) taken in order, keeping
    /// only the rows that are linearly independent of the rows kept before them (a pivot below
    /// `tolerance`·N means dependent). Returns the kept indices and the inverse of their Gram
    /// matrix (row-major, Double).
    static func independentGramInverse(rows: [Int8], count p: Int, neurons n: Int,
                                       tolerance: Double = 1e-9) -> (kept: [Int], inverse: [Double]) {
        // Exact integer Gram matrix.
        var gram = [Double](repeating: 0, count: p * p)
        rows.withUnsafeBufferPointer { x in
            for a in 0..<p {
                for b in a..<p {
                    var dot = 0
                    for i in 0..<n { dot += Int(x[a * n + i]) * Int(x[b * n + i]) }
                    gram[a * p + b] = Double(dot)
                    gram[b * p + a] = Double(dot)
                }
            }
        }
        // Incremental Cholesky L·Lᵀ over the kept rows.
        var kept: [Int] = []
        var lower: [[Double]] = []  // lower[k] = row k of L (length k+1)
        for a in 0..<p {
            var row = [Double](repeating: 0, count: kept.count + 1)
            for (k, b) in kept.enumerated() {
                var sum = gram[a * p + b]
                for t in 0..<k { sum -= row[t] * lower[k][t] }
                row[k] = sum / lower[k][k]
            }
            var pivot = gram[a * p + a]
            for t in 0..<kept.count { pivot -= row[t] * row[t] }
            if pivot <= tolerance * Double(n) { continue }
            row[kept.count] = pivot.squareRoot()
            lower.append(row)
            kept.append(a)
        }
        // Inverse from L: solve L·Lᵀ·X = I column by column.
        let q = kept.count
        var inverse = [Double](repeating: 0, count: q * q)
        for column in 0..<q {
            var y = [Double](repeating: 0, count: q)
            for r in 0..<q {
                var sum = r == column ? 1.0 : 0.0
                for t in 0..<r { sum -= lower[r][t] * y[t] }
                y[r] = sum / lower[r][r]
            }
            var x = [Double](repeating: 0, count: q)
            for r in stride(from: q - 1, through: 0, by: -1) {
                var sum = y[r]
                for t in (r + 1)..<max(q, r + 1) { sum -= lower[t][r] * x[t] }
                x[r] = sum / lower[r][r]
            }
            for r in 0..<q { inverse[r * q + column] = x[r] }
        }
        // Symmetrise (the two triangles differ in the last bits).
        for r in 0..<q {
            for c in (r + 1)..<max(q, r + 1) {
                let v = 0.5 * (inverse[r * q + c] + inverse[c * q + r])
                inverse[r * q + c] = v
                inverse[c * q + r] = v
            }
        }
        return (kept, inverse)
    }
}
