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
    /// The same patterns as one packed matrix, for the batched kernels.
    public let matrix: PackedPatterns

    /// From P ≥ 1 patterns of the same length N > 0, every entry ±1 (a 0 is refused, as in
    /// ``BinaryPattern``).
    public init(_ patterns: [[Int8]]) {
        self.init(patterns, packed: patterns.map { BinaryPattern($0) })
    }

    /// The same, with the patterns' packed forms already made (`packed[μ]` is pattern μ packed).
    public init(_ patterns: [[Int8]], packed: [BinaryPattern]) {
        (count, neurons, rows) = Self.rowMajor(patterns)
        let n = neurons
        precondition(packed.count == count && packed.allSatisfy { $0.count == n }, "packed forms of other patterns")
        self.packed = packed
        matrix = PackedPatterns(packed, neurons: neurons)
    }

    /// P, N and the row-major values of P ≥ 1 patterns of the same length N > 0 (a precondition).
    static func rowMajor<Value>(_ patterns: [[Value]]) -> (count: Int, neurons: Int, rows: [Value]) {
        precondition(!patterns.isEmpty, "at least one memory")
        let n = patterns[0].count
        precondition(n > 0 && patterns.allSatisfy { $0.count == n }, "memories must have the same length")
        return (patterns.count, n, patterns.flatMap { $0 })
    }

    /// Pattern μ (0-based) as N values of ±1: a copy of its row.
    public func pattern(_ mu: Int) -> [Int8] { Array(rows[(mu * neurons)..<((mu + 1) * neurons)]) }

    /// m_μ = Σ_i x_i^μ s_i for every μ (s may hold zeros), exact integers from the bit-packed
    /// kernels: for a state with zeros, the mean of the overlaps with the zeros read as +1 and as
    /// −1 (their terms cancel).
    public func overlaps(with state: [Int8]) -> [Int] {
        precondition(state.count == neurons)
        if !state.contains(0) { return matrix.overlaps(with: BinaryPattern(state)).map(Int.init) }
        let up = matrix.overlaps(with: BinaryPattern(state.map { $0 == 0 ? 1 : $0 }))
        let down = matrix.overlaps(with: BinaryPattern(state.map { $0 == 0 ? -1 : $0 }))
        return zip(up, down).map { (Int($0) + Int($1)) / 2 }
    }

    /// Where a ±1 state stands: the memory it equals (overlap N) or whose negation it equals
    /// (overlap −N), the lowest index first; and the memory with the largest |overlap| (lowest
    /// index on ties) with that overlap. One row of overlaps gives both.
    public func locate(_ state: BinaryPattern) -> (match: MemoryMatch, nearest: Int, overlap: Int) {
        locate(overlaps: matrix.overlaps(with: state))
    }

    /// ``locate(_:)`` from a state's overlaps with every memory, for a caller that has them
    /// (``overlaps(with:)``; a state with undecided 0 neurons has |m| < N, so it matches nothing).
    /// Inlinable, so that callers in other modules get it specialised for their integer type.
    @inlinable
    public func locate<T: BinaryInteger & SignedNumeric>(overlaps m: [T]) -> (match: MemoryMatch, nearest: Int, overlap: Int) {
        let n = T(neurons)
        var match = MemoryMatch.none
        if let mu = m.firstIndex(of: n) { match = .memory(mu) } else if let mu = m.firstIndex(of: -n) { match = .inverted(mu) }
        var best = 0
        for mu in 1..<m.count where abs(m[mu]) > abs(m[best]) { best = mu }
        return (match, best, Int(m[best]))
    }

    /// What a ±1 state is: a stored memory, the negation of one, or neither.
    public func match(_ state: BinaryPattern) -> MemoryMatch { locate(state).match }
}
