/// The P stored ±1 patterns of N neurons each.
public struct Memories: Sendable {
    /// P.
    public let count: Int
    /// N.
    public let neurons: Int
    /// Row-major P×N ±1 values: pattern μ is rows[μ·N ..< (μ+1)·N].
    public let rows: [Int8]
    /// The same patterns bit-packed, for equality tests and overlaps.
    public let packed: [BinaryPattern]

    /// From P ≥ 1 patterns of the same length N > 0, every entry ±1 (a 0 is refused, as in
    /// ``BinaryPattern``).
    public init(_ patterns: [[Int8]]) {
        precondition(!patterns.isEmpty, "at least one memory")
        let n = patterns[0].count
        precondition(n > 0 && patterns.allSatisfy { $0.count == n }, "memories must have the same length")
        count = patterns.count
        neurons = n
        rows = patterns.flatMap { $0 }
        packed = patterns.map { BinaryPattern($0) }
    }

    /// Pattern μ (0-based) as N values of ±1: a copy of its row.
    public func pattern(_ mu: Int) -> [Int8] { Array(rows[(mu * neurons)..<((mu + 1) * neurons)]) }

    /// m_μ = Σ_i x_i^μ s_i for every μ (s may hold zeros).
    public func overlaps(with state: [Int8]) -> [Int] {
        precondition(state.count == neurons)
        return (0..<count).map { mu in
            var m = 0
            let base = mu * neurons
            for i in 0..<neurons { m += Int(rows[base + i]) * Int(state[i]) }
            return m
        }
    }

    /// What a ±1 state is: a stored memory, the negation of one, or neither.
    public func match(_ state: BinaryPattern) -> MemoryMatch {
        for (mu, p) in packed.enumerated() where p == state { return .memory(mu) }
        for (mu, p) in packed.enumerated() where p.negated == state { return .inverted(mu) }
        return .none
    }

    /// The memory with the largest |overlap| (lowest index on ties), and that overlap (signed).
    public func nearest(_ state: BinaryPattern) -> (index: Int, overlap: Int) {
        var best = 0, bestOverlap = packed[0].overlap(with: state)
        for mu in 1..<count {
            let m = packed[mu].overlap(with: state)
            if abs(m) > abs(bestOverlap) {
                best = mu
                bestOverlap = m
            }
        }
        return (best, bestOverlap)
    }
}
