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
    static func independentGramInverse(
        rows: [Int8], count p: Int, neurons n: Int,
        tolerance: Double = 1e-9
    ) -> (kept: [Int], inverse: [Double]) {
        let gram = gramMatrix(rows: rows, count: p, neurons: n)
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
        // Inverse from L: solve L·Lᵀ·X = I for all columns at once, row by row (each entry's sum in
        // the same order as a column-by-column solve: t ascending).
        let q = kept.count
        var inverse = [Double](repeating: 0, count: q * q)
        var y = [Double](repeating: 0, count: q * q)
        y.withUnsafeMutableBufferPointer { y in
            for r in 0..<q {
                let row = y.baseAddress! + r * q
                row[r] = 1
                for t in 0..<r {
                    let l = lower[r][t], other = y.baseAddress! + t * q
                    for c in 0..<q { row[c] -= l * other[c] }
                }
                let pivot = lower[r][r]
                for c in 0..<q { row[c] /= pivot }
            }
            inverse.withUnsafeMutableBufferPointer { x in
                for r in stride(from: q - 1, through: 0, by: -1) {
                    let row = x.baseAddress! + r * q
                    for c in 0..<q { row[c] = y[r * q + c] }
                    for t in (r + 1)..<max(q, r + 1) {
                        let l = lower[t][r], other = x.baseAddress! + t * q
                        for c in 0..<q { row[c] -= l * other[c] }
                    }
                    let pivot = lower[r][r]
                    for c in 0..<q { row[c] /= pivot }
                }
            }
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

    /// The Gram matrix X Xᵀ of `rows` (P×N) as exact integers in Doubles: by the bit-packed
    /// kernels when every entry is ±1, else by plain integer sums.
    static func gramMatrix(rows: [Int8], count p: Int, neurons n: Int) -> [Double] {
        if p > 0 && rows.allSatisfy({ $0 == 1 || $0 == -1 }) {
            let packed = PackedPatterns(rows: (0..<p).map { Array(rows[($0 * n)..<(($0 + 1) * n)]) }, neurons: n)
            return packed.overlaps(0..<p, with: packed).map(Double.init)
        }
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
        return gram
    }
}
