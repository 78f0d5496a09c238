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
            return KnownOverlaps(subset: nil, value: network.similarities(state(p)))
        }
        if let gram = network.gram {
            // Σ_ν p_ν G[ν, μ] for every μ, ν in weight order (the same sum as `exact`).
            let count = network.memories.count
            var z = [Double](repeating: 0, count: count)
            gram.withUnsafeBufferPointer { g in
                z.withUnsafeMutableBufferPointer { z in
                    for (nu, weight) in zip(p.index, p.weight) {
                        let row = g.baseAddress! + nu * count
                        for mu in 0..<count { z[mu] += weight * Double(row[mu]) }
                    }
                }
            }
            return KnownOverlaps(subset: nil, value: z)
        }
        if reference == nil { reference = distances(to: p.index[0]) }
        let supportValues = exact(p, at: p.index.sorted())
        let floor = (supportValues.value.max() ?? 0) - network.cutoff / network.beta - Self.margin
        var candidates: [Int] = []
        forEachBound(p) { mu, upper, _ in if upper >= floor { candidates.append(mu) } }
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
        return KnownOverlaps(subset: indices, value: values)
    }

    /// Bounds on X s for every memory from the triangle inequality in Hamming distance, with
    /// r the reference: |d(r, μ) − d(r, ν)| ≤ d(ν, μ) ≤ d(r, μ) + d(r, ν). The kept memories are
    /// taken largest weight first until the rest weighs less than 1% (at most 8); the rest is
    /// bounded by ±N times its weight. Calls `body(μ, upper, lower)` for every memory in index
    /// order, the bounds widened by ``margin``.
    func forEachBound(_ p: SparseWeights, _ body: (Int, Double, Double) -> Void) {
        let r = reference!
        let count = r.count
        var head = 0, tail = 1.0
        while head < p.index.count && head < 8 && tail > 0.01 {
            tail -= p.weight[head]
            head += 1
        }
        tail = max(0, tail)
        var upper = [Double](repeating: tail * Double(n) + Self.margin, count: count)
        var lower = [Double](repeating: -tail * Double(n) - Self.margin, count: count)
        r.withUnsafeBufferPointer { r in
            upper.withUnsafeMutableBufferPointer { upper in
                lower.withUnsafeMutableBufferPointer { lower in
                    for k in 0..<head {
                        let weight = p.weight[k], rn = r[p.index[k]], n32 = Int32(n)
                        for mu in 0..<count {
                            let rm = r[mu]
                            upper[mu] += weight * Double(n32 &- 2 &* abs(rm &- rn))
                            lower[mu] += weight * Double(n32 &- 2 &* min(n32, rm &+ rn))
                        }
                    }
                }
            }
        }
        for mu in 0..<count { body(mu, upper[mu], lower[mu]) }
    }

    /// The memory with the largest |cos(s, x^μ)| (lowest index on ties) and that cosine.
    func nearest(_ s: [Double], _ z: KnownOverlaps, _ p: SparseWeights) -> (Int, Double) {
        var squares = 0.0
        for v in s { squares += v * v }
        let stateNorm = squares.squareRoot()
        func cosine(_ mu: Int, _ dot: Double) -> Double {
            let norm = network.memoryNormSquared(mu)
            return (stateNorm > 0 && norm > 0) ? dot / (stateNorm * norm.squareRoot()) : 0
        }
        if network.packed != nil, let subset = z.subset {
            // Memories not known exactly whose bounds allow a larger |X s| than the best known.
            let best = z.value.map(abs).max() ?? 0
            var more: [Int] = []
            var next = 0  // walks the known memories (ascending) beside μ
            forEachBound(p) { mu, upper, lower in
                while next < subset.count && subset[next] < mu { next += 1 }
                if !(next < subset.count && subset[next] == mu) && max(upper, -lower) >= best { more.append(mu) }
            }
            let extra = exact(p, at: more)
            let merged = (Array(zip(subset, z.value)) + Array(zip(more, extra.value))).sorted { $0.0 < $1.0 }
            var bestIndex = -1, bestCosine = 0.0
            for (mu, dot) in merged {
                let c = cosine(mu, dot)
                if bestIndex < 0 || abs(c) > abs(bestCosine) { (bestIndex, bestCosine) = (mu, c) }
            }
            return (bestIndex, bestCosine)
        }
        if network.packed != nil {
            // Every norm is √N: the largest |X s| (first among equals) has the largest |cos|.
            var best = 0
            for k in 1..<z.value.count where abs(z.value[k]) > abs(z.value[best]) { best = k }
            return (best, cosine(best, z.value[best]))
        }
        var bestIndex = -1, bestCosine = 0.0
        for k in z.value.indices {
            let c = cosine(k, z.value[k])
            if bestIndex < 0 || abs(c) > abs(bestCosine) { (bestIndex, bestCosine) = (k, c) }
        }
        return (bestIndex, bestCosine)
    }

    /// The first memory every component of s is within `tolerance` of, else the first negated
    /// one. Only memories with X s ≥ N(1 − tolerance) (or ≤ −N(1 − tolerance)) can qualify.
    func match(_ s: [Double], _ z: KnownOverlaps, _ p: SparseWeights, tolerance: Double) -> MemoryMatch {
        guard network.packed != nil else { return network.memories.match(s, tolerance: tolerance) }
        let threshold = Double(n) * (1 - tolerance) - Self.margin
        var memories: [Int] = [], negated: [Int] = []
        if z.subset == nil {
            for (mu, v) in z.value.enumerated() {
                if v >= threshold { memories.append(mu) }
                if v <= -threshold { negated.append(mu) }
            }
        } else {
            forEachBound(p) { mu, upper, lower in
                if upper >= threshold { memories.append(mu) }
                if lower <= -threshold { negated.append(mu) }
            }
        }
        let rows = network.memories.rows
        for mu in memories {
            var worst = 0.0
            for i in 0..<n { worst = max(worst, abs(s[i] - rows[mu * n + i])) }
            if worst <= tolerance { return .memory(mu) }
        }
        for mu in negated {
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
