import CKernels

extension ModernNetwork.Run {
    /// Room for rounding in the bounds (they are sums of a few terms of size N).
    static let margin = 1e-6

    /// X s for s = Σ_ν p_ν x^ν: on every memory for continuous memories; for ±1 memories, exactly
    /// on the memories whose bound can reach the cut-off below the largest, each as
    /// Σ_ν p_ν x^ν·x^μ over the kept memories in weight order (from the Gram matrix, or from
    /// Hamming distances N − 2·d(x^ν, x^μ) without it). Every other memory is provably beyond the
    /// cut-off.
    mutating func overlaps(of p: SparseWeights, state s: [Double]) -> KnownOverlaps {
        guard network.packed != nil else {
            return KnownOverlaps(subset: nil, value: network.similarities(state(p)))
        }
        if network.gram == nil && reference == nil {
            // Without a ±1 start, the heaviest kept memory is the reference point.
            reference = ReferenceDistances(distances(to: p.index[0]), neurons: n)
            referenceMemory = p.index[0]
        }
        let support = p.index.sorted()
        let supportValues = exact(p, at: support, state: s)
        let floor = (supportValues.value.max() ?? 0) - network.cutoff / network.beta - Self.margin
        var candidates: [Int] = []
        forEachBoundGroup(p) { upper, _, members in
            if upper >= floor { for mu in members { candidates.append(Int(mu)) } }
        }
        candidates.sort()
        return exact(p, at: candidates, state: s, known: (support, supportValues.value))
    }

    /// ``exact(_:at:state:)``, reusing the values already computed at `known` (ascending
    /// indices): each is the same computation, so the same bits.
    func exact(_ p: SparseWeights, at indices: [Int], state s: [Double], known: ([Int], [Double])) -> KnownOverlaps {
        var missing: [Int] = []
        var next = 0
        for mu in indices {
            while next < known.0.count && known.0[next] < mu { next += 1 }
            if !(next < known.0.count && known.0[next] == mu) { missing.append(mu) }
        }
        if missing.isEmpty && indices.count == known.0.count { return KnownOverlaps(subset: indices, value: known.1) }
        let extra = exact(p, at: missing, state: s).value
        var values: [Double] = []
        values.reserveCapacity(indices.count)
        var (a, b) = (0, 0)
        for mu in indices {
            while a < known.0.count && known.0[a] < mu { a += 1 }
            if a < known.0.count && known.0[a] == mu {
                values.append(known.1[a])
            } else {
                values.append(extra[b])
                b += 1
            }
        }
        return KnownOverlaps(subset: indices, value: values)
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

    /// At most this many kept memories, X s is summed memory by memory; beyond, pixel by pixel.
    static let keptForSums = 32

    /// Exact X s at the given memories (ascending): Σ_ν p_ν x^ν·x^μ over the kept memories in
    /// weight order while at most ``keptForSums`` are kept (each x^ν·x^μ an exact integer, from
    /// the Gram matrix or N − 2·d(x^ν, x^μ)), else Σ_i x_i^μ s_i over the pixels in eight
    /// interleaved lanes (``ModernNetwork/dot(_:_:)``). Either way a fixed order, the same on
    /// every machine and thread count.
    func exact(_ p: SparseWeights, at indices: [Int], state s: [Double]) -> KnownOverlaps {
        if p.index.count > Self.keptForSums {
            // Four memories at a time, each in ModernNetwork.dot's order (`hl_sign_dots`).
            let rows = indices.map { Int32(truncatingIfNeeded: $0) }
            var values = [Double](repeating: 0, count: indices.count)
            network.signs.withUnsafeBufferPointer { signs in
                hl_sign_dots(signs.baseAddress, n, rows, rows.count, s, &values)
            }
            return KnownOverlaps(subset: indices, value: values)
        }
        var values = [Double](repeating: 0, count: indices.count)
        if let gram = network.gram {
            let count = network.count
            gram.withUnsafeBufferPointer { g in
                for (nu, weight) in zip(p.index, p.weight) {
                    let row = g.baseAddress! + nu * count
                    for (k, mu) in indices.enumerated() { values[k] += weight * Double(row[mu]) }
                }
            }
            return KnownOverlaps(subset: indices, value: values)
        }
        let packed = network.packed!
        let rows = indices.map { Int32($0) }
        var d = [Int32](repeating: 0, count: rows.count)
        packed.storage.withUnsafeBufferPointer { b in
            for (nu, weight) in zip(p.index, p.weight) {
                hl_hamming_rows(b.baseAddress! + nu * packed.words, b.baseAddress, rows, rows.count, packed.words, &d)
                for k in 0..<rows.count { values[k] += weight * Double(n - 2 * Int(d[k])) }
            }
        }
        return KnownOverlaps(subset: indices, value: values)
    }

    /// With the Gram matrix: bounds from the heaviest kept memory's exact row, the rest bounded
    /// by ±N times its weight, |p_1 G[1, μ] + Σ_(ν>1) p_ν G[ν, μ] − p_1 G[1, μ]| ≤ (1 − p_1)·N.
    func forEachGramBound(_ p: SparseWeights, _ gram: UnsafeBufferPointer<Int32>, _ body: (Int, Double, Double) -> Void) {
        let count = network.count
        let head = p.weight[0], slack = max(0, 1 - head) * Double(n) + Self.margin
        let row = gram.baseAddress! + p.index[0] * count
        for mu in 0..<count {
            let v = head * Double(row[mu])
            body(mu, v + slack, v - slack)
        }
    }

    /// Bounds on X s for every memory from the triangle inequality in Hamming distance, with
    /// r the reference: |d(r, μ) − d(r, ν)| ≤ d(ν, μ) ≤ d(r, μ) + d(r, ν). The kept memories are
    /// taken largest weight first until the rest weighs less than 1% (at most 8); the rest is
    /// bounded by ±N times its weight. The bounds widened by ``margin``.
    ///
    /// A memory's bounds depend only on its distance to the reference, so they are computed once
    /// per distance (N + 1 values, not one per memory) and `body(upper, lower, memories)` is
    /// called once per group of memories at that distance (each memory in exactly one group,
    /// ascending within a group, the groups in no promised order). With the Gram matrix every
    /// memory is its own group.
    func forEachBoundGroup(_ p: SparseWeights, _ body: (Double, Double, UnsafeBufferPointer<Int32>) -> Void) {
        if let gram = network.gram {
            gram.withUnsafeBufferPointer { g in
                forEachGramBound(p, g) { mu, upper, lower in
                    var memory = Int32(truncatingIfNeeded: mu)
                    withUnsafePointer(to: &memory) { body(upper, lower, UnsafeBufferPointer(start: $0, count: 1)) }
                }
            }
            return
        }
        let r = reference!
        var head = 0, tail = 1.0
        while head < p.index.count && head < 8 && tail > 0.01 {
            tail -= p.weight[head]
            head += 1
        }
        tail = max(0, tail)
        let n32 = Int32(n)
        let headDistances = (0..<head).map { r.distance[p.index[$0]] }
        r.groups.withUnsafeBufferPointer { groups in
            r.members.withUnsafeBufferPointer { members in
                for d in 0...n {
                    let start = Int(groups[d]), end = Int(groups[d + 1])
                    if start == end { continue }
                    var upper = tail * Double(n) + Self.margin
                    var lower = -tail * Double(n) - Self.margin
                    let rm = Int32(truncatingIfNeeded: d)
                    for k in 0..<head {
                        let weight = p.weight[k], rn = headDistances[k]
                        upper += weight * Double(n32 &- 2 &* abs(rm &- rn))
                        lower += weight * Double(n32 &- 2 &* min(n32, rm &+ rn))
                    }
                    body(upper, lower, UnsafeBufferPointer(rebasing: members[start..<end]))
                }
            }
        }
    }

    /// Where the final state stands: the first memory every component is within `tolerance`
    /// of (else the first negated one), and the memory with the largest |cos| (lowest index on
    /// ties) with that cosine. Only memories with X s ≥ N(1 − tolerance) (or ≤ −N(1 − tolerance))
    /// can match, and only those whose bounds allow more than the best known |X s| can be nearer:
    /// one pass over the bounds finds both.
    func locate(_ s: [Double], _ z: KnownOverlaps, _ p: SparseWeights, tolerance: Double) -> (
        match: MemoryMatch, nearest: Int, cosine: Double
    ) {
        var squares = 0.0
        for v in s { squares += v * v }
        let stateNorm = squares.squareRoot()
        func cosine(_ mu: Int, _ dot: Double) -> Double {
            let norm = network.memoryNormSquared(mu)
            return (stateNorm > 0 && norm > 0) ? dot / (stateNorm * norm.squareRoot()) : 0
        }
        guard network.packed != nil else {
            var best = -1, bestCosine = 0.0
            for k in z.value.indices {
                let c = cosine(k, z.value[k])
                if best < 0 || abs(c) > abs(bestCosine) { (best, bestCosine) = (k, c) }
            }
            return (network.continuous!.match(s, tolerance: tolerance), best, bestCosine)
        }
        let threshold = Double(n) * (1 - tolerance) - Self.margin
        var memories: [Int] = [], negated: [Int] = [], reachable: [Int] = []
        let subset = z.subset ?? Array(z.value.indices)
        let best = z.value.map(abs).max() ?? 0
        forEachBoundGroup(p) { upper, lower, group in
            if upper >= threshold { for mu in group { memories.append(Int(mu)) } }
            if lower <= -threshold { for mu in group { negated.append(Int(mu)) } }
            if max(upper, -lower) >= best { for mu in group { reachable.append(Int(mu)) } }
        }
        memories.sort()
        negated.sort()
        reachable.sort()
        // The reachable memories whose X s is not known yet (both lists ascending).
        var more: [Int] = []
        var next = 0
        for mu in reachable {
            while next < subset.count && subset[next] < mu { next += 1 }
            if !(next < subset.count && subset[next] == mu) { more.append(mu) }
        }
        let extra = exact(p, at: more, state: s)
        let merged = (Array(zip(subset, z.value)) + Array(zip(more, extra.value))).sorted { $0.0 < $1.0 }
        var nearest = -1, bestCosine = 0.0
        for (mu, dot) in merged {
            let c = cosine(mu, dot)
            if nearest < 0 || abs(c) > abs(bestCosine) { (nearest, bestCosine) = (mu, c) }
        }
        return (match(s, memories: memories, negated: negated, tolerance: tolerance), nearest, bestCosine)
    }

    /// The first of `memories` every component of s is within `tolerance` of, else the first of
    /// `negated` whose negation it is within `tolerance` of.
    func match(_ s: [Double], memories: [Int], negated: [Int], tolerance: Double) -> MemoryMatch {
        let signs = network.signs
        for mu in memories {
            var worst = 0.0
            for i in 0..<n { worst = max(worst, abs(s[i] - Double(signs[mu * n + i]))) }
            if worst <= tolerance { return .memory(mu) }
        }
        for mu in negated {
            var worst = 0.0
            for i in 0..<n { worst = max(worst, abs(s[i] + Double(signs[mu * n + i]))) }
            if worst <= tolerance { return .inverted(mu) }
        }
        return .none
    }
}

/// Every memory's Hamming distance to a ±1 reference point, and the memories grouped by that
/// distance (a counting sort: `members[groups[d]..<groups[d + 1]]` are the memories at distance
/// d, ascending), so that bounds depending only on the distance are computed once per distance.
struct ReferenceDistances {
    let distance: [Int32]
    let groups: [Int32]
    let members: [Int32]

    /// Groups `distance` (values in 0...neurons) in O(P + N).
    init(_ distance: [Int32], neurons n: Int) {
        self.distance = distance
        var groups = [Int32](repeating: 0, count: n + 2)
        for d in distance { groups[Int(d) + 1] &+= 1 }
        for d in 0...n { groups[d + 1] &+= groups[d] }
        var fill = groups
        var members = [Int32](repeating: 0, count: distance.count)
        for (mu, d) in distance.enumerated() {
            members[Int(fill[Int(d)])] = Int32(truncatingIfNeeded: mu)
            fill[Int(d)] &+= 1
        }
        self.groups = groups
        self.members = members
    }
}

extension ModernNetwork {
    /// Σ_i x_i s_i for ±1 bytes x, in a fixed order: eight lanes, lane l summing the pixels
    /// i ≡ l (mod 8) in index order, the lanes added pairwise ((0+1)+(2+3))+((4+5)+(6+7)), then
    /// the last N mod 8 pixels in order.
    static func dot(_ x: UnsafePointer<Int8>, _ s: UnsafePointer<Double>, _ n: Int) -> Double {
        var lanes = SIMD8<Double>()
        var i = 0
        let raw = UnsafeRawPointer(x)
        while i + 8 <= n {
            let bytes = raw.loadUnaligned(fromByteOffset: i, as: SIMD8<Int8>.self)
            let values = UnsafeRawPointer(s + i).loadUnaligned(as: SIMD8<Double>.self)
            lanes += SIMD8<Double>(bytes) * values
            i += 8
        }
        var total = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]))
        while i < n {
            total += Double(x[i]) * s[i]
            i += 1
        }
        return total
    }

    /// |x^μ|² (N for ±1 memories).
    func memoryNormSquared(_ mu: Int) -> Double {
        guard let memories = continuous else { return Double(neurons) }
        let n = memories.neurons
        var norm = 0.0
        for i in 0..<n { norm += memories.rows[mu * n + i] * memories.rows[mu * n + i] }
        return norm
    }
}
