import CKernels

extension ModernNetwork.Run {
    /// Room for rounding in the bounds (they are sums of a few terms of size N).
    static let margin = 1e-6

    /// X s for s = Σ_ν p_ν x^ν: on every memory for continuous memories; for ±1 memories, exactly
    /// on the memories that can be within the cut-off of the largest (triangle-inequality bounds
    /// from the reference distances), each as Σ_ν p_ν (N − 2·d(x^ν, x^μ)) over the kept memories in
    /// weight order.
    mutating func overlaps(of p: SparseWeights) -> KnownOverlaps {
        guard network.packed != nil else {
            return KnownOverlaps(index: Array(0..<network.memories.count), value: network.similarities(state(p)))
        }
        if reference == nil { reference = distances(to: p.index[0]) }
        let supportValues = exact(p, at: p.index.sorted())
        let floor = (supportValues.value.max() ?? 0) - network.cutoff / network.beta - Self.margin
        let upper = bounds(p).upper
        let candidates = upper.indices.filter { upper[$0] >= floor }
        return exact(p, at: candidates)
    }

    /// Hamming distances of every memory to memory `nu`.
    func distances(to nu: Int) -> [Int32] {
        let packed = network.packed!
        var out = [Int32](repeating: 0, count: packed.count)
        packed.storage.withUnsafeBufferPointer { b in
            hl_hamming_row(b.baseAddress! + nu * packed.words, b.baseAddress, packed.count, packed.words, &out)
        }
        return out
    }

    /// Exact X s at the given memories (ascending), summed over the kept memories in weight order.
    func exact(_ p: SparseWeights, at indices: [Int]) -> KnownOverlaps {
        let packed = network.packed!
        let rows = indices.map { Int32($0) }
        var values = [Double](repeating: 0, count: rows.count)
        var d = [Int32](repeating: 0, count: rows.count)
        packed.storage.withUnsafeBufferPointer { b in
            for (nu, weight) in zip(p.index, p.weight) {
                hl_hamming_rows(b.baseAddress! + nu * packed.words, b.baseAddress, rows, rows.count, packed.words, &d)
                for k in 0..<rows.count { values[k] += weight * Double(n - 2 * Int(d[k])) }
            }
        }
        return KnownOverlaps(index: indices, value: values)
    }

    /// Bounds on X s for every memory from the triangle inequality in Hamming distance, with
    /// r the reference: |d(r, μ) − d(r, ν)| ≤ d(ν, μ) ≤ d(r, μ) + d(r, ν).
    func bounds(_ p: SparseWeights) -> (upper: [Double], lower: [Double]) {
        let r = reference!
        let count = r.count
        var upper = [Double](repeating: 0, count: count), lower = [Double](repeating: 0, count: count)
        for (nu, weight) in zip(p.index, p.weight) {
            let rn = Int(r[nu])
            for mu in 0..<count {
                let rm = Int(r[mu])
                upper[mu] += weight * Double(n - 2 * abs(rm - rn))
                lower[mu] += weight * Double(n - 2 * min(n, rm + rn))
            }
        }
        for mu in 0..<count {
            upper[mu] += Self.margin
            lower[mu] -= Self.margin
        }
        return (upper, lower)
    }

    /// The memory with the largest |cos(s, x^μ)| (lowest index on ties) and that cosine.
    func nearest(_ s: [Double], _ z: KnownOverlaps, _ p: SparseWeights) -> (Int, Double) {
        var known = z
        if network.packed != nil {
            let best = known.value.map(abs).max() ?? 0
            let (upper, lower) = bounds(p)
            let have = Set(known.index)
            let more = upper.indices.filter { !have.contains($0) && max(upper[$0], -lower[$0]) >= best }
            if !more.isEmpty {
                let extra = exact(p, at: more)
                let merged = (Array(zip(known.index, known.value)) + Array(zip(extra.index, extra.value))).sorted { $0.0 < $1.0 }
                known = KnownOverlaps(index: merged.map { $0.0 }, value: merged.map { $0.1 })
            }
        }
        var squares = 0.0
        for v in s { squares += v * v }
        let stateNorm = squares.squareRoot()
        var best = -1, bestCosine = 0.0
        for (mu, dot) in zip(known.index, known.value) {
            let norm = network.memoryNormSquared(mu)
            let cosine = (stateNorm > 0 && norm > 0) ? dot / (stateNorm * norm.squareRoot()) : 0
            if best < 0 || abs(cosine) > abs(bestCosine) {
                best = mu
                bestCosine = cosine
            }
        }
        return (best, bestCosine)
    }

    /// The first memory every component of s is within `tolerance` of, else the first negated
    /// one. Only memories with X s ≥ N(1 − tolerance) (or ≤ −N(1 − tolerance)) can qualify.
    func match(_ s: [Double], _ p: SparseWeights, tolerance: Double) -> MemoryMatch {
        guard network.packed != nil else { return network.memories.match(s, tolerance: tolerance) }
        let (upper, lower) = bounds(p)
        let threshold = Double(n) * (1 - tolerance)
        let rows = network.memories.rows
        for mu in upper.indices where upper[mu] >= threshold {
            var worst = 0.0
            for i in 0..<n { worst = max(worst, abs(s[i] - rows[mu * n + i])) }
            if worst <= tolerance { return .memory(mu) }
        }
        for mu in lower.indices where lower[mu] <= -threshold {
            var worst = 0.0
            for i in 0..<n { worst = max(worst, abs(s[i] + rows[mu * n + i])) }
            if worst <= tolerance { return .inverted(mu) }
        }
        return .none
    }
}

extension ModernNetwork {
    /// |x^μ|² (N for ±1 memories).
    func memoryNormSquared(_ mu: Int) -> Double {
        if packed != nil { return Double(memories.neurons) }
        let n = memories.neurons
        var norm = 0.0
        for i in 0..<n { norm += memories.rows[mu * n + i] * memories.rows[mu * n + i] }
        return norm
    }
}
