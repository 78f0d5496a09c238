extension ProjectionNetwork {
    /// W_ij = Σ_ab x_i^a (XXᵀ)⁻¹_ab x_j^b; the diagonal zeroed or kept as the network has it.
    public func weightRow(_ i: Int) -> [Double] {
        let q = rank
        var left = [Double](repeating: 0, count: q)
        for b in 0..<q {
            var sum = 0.0
            for a in 0..<q { sum += byNeuron[i * q + a] * inverse[a * q + b] }
            left[b] = sum
        }
        return (0..<neurons).map { j in
            if j == i && diagonal == .zero { return 0 }
            var sum = 0.0
            for b in 0..<q { sum += left[b] * byNeuron[j * q + b] }
            return sum
        }
    }
}

extension ProjectionNetwork {
    /// All of W, row-major N×N: W_i· = Σ_a x_i^a B_a· with B = (XXᵀ)⁻¹X (each entry a sum over a
    /// in order, so the same on every machine and thread count), the diagonal zeroed or kept as
    /// the network has it. O(N²·P), rows shared out over `jobs` threads.
    public func weightMatrix(jobs: Int = 1) -> [Double] {
        let n = neurons, q = rank
        let rows = parallelMap(count: n, jobs: jobs) { i -> [Double] in
            var row = [Double](repeating: 0, count: n)
            solvedRows.withUnsafeBufferPointer { b in
                for a in 0..<q {
                    let source = b.baseAddress! + a * n
                    if byNeuron[i * q + a] > 0 { for j in 0..<n { row[j] += source[j] } } else { for j in 0..<n { row[j] -= source[j] } }
                }
            }
            if diagonal == .zero { row[i] = 0 }
            return row
        }
        return rows.flatMap { $0 }
    }
}
