import CKernels

/// Many ±1 patterns of N neurons bit-packed row after row (bit set = +1, bits past N zero): the
/// layout of the batched kernels. Overlaps m = N − 2·popcount(a ⊕ b) of many rows against many
/// are computed in tiles by ``Kernels``, in exact integers, the same on every CPU.
public struct PackedPatterns: Sendable {
    /// Rows.
    public let count: Int
    /// N, the neurons of each row.
    public let neurons: Int
    /// 64-bit words per row, ⌈N/64⌉.
    public let words: Int
    /// count × words words, row-major.
    public let storage: [UInt64]

    /// Packs bit-packed patterns (all of N neurons).
    public init(_ patterns: [BinaryPattern], neurons: Int) {
        precondition(patterns.allSatisfy { $0.count == neurons }, "patterns of \(neurons) neurons")
        count = patterns.count
        self.neurons = neurons
        words = (neurons + 63) / 64
        storage = patterns.flatMap(\.words)
    }

    /// Packs ±1 rows (all of N neurons).
    public init(rows: [[Int8]], neurons: Int) {
        self.init(rows.map(BinaryPattern.init), neurons: neurons)
    }

    /// The memories' columns, packed: row i holds neuron i's values across the P patterns (bit μ
    /// set where x_i^μ = +1), so the overlap of rows i and j is the Hebbian coupling
    /// W_ij = Σ_μ x_i^μ x_j^μ. Read pattern by pattern, in one pass over the memories.
    public init(columnsOf memories: Memories) {
        let n = memories.neurons, p = memories.count, words = (p + 63) / 64
        var storage = [UInt64](repeating: 0, count: n * words)
        memories.rows.withUnsafeBufferPointer { rows in
            storage.withUnsafeMutableBufferPointer { c in
                for mu in 0..<p {
                    let bit = UInt64(1) << UInt64(mu & 63), word = mu >> 6
                    for i in 0..<n where rows[mu &* n &+ i] > 0 { c[i &* words &+ word] |= bit }
                }
            }
        }
        count = n
        neurons = p
        self.words = words
        self.storage = storage
    }

    /// Row i as a pattern.
    public func pattern(_ i: Int) -> BinaryPattern {
        BinaryPattern(words: Array(storage[(i * words)..<((i + 1) * words)]), count: neurons)
    }

    /// Overlaps of rows `rows` of `self` with every row of `other`: rows.count × other.count,
    /// row-major.
    public func overlaps(_ rows: Range<Int>, with other: PackedPatterns) -> [Int32] {
        overlaps(rows, with: other, columns: 0..<other.count)
    }

    /// Overlaps of rows `rows` of `self` with rows `columns` of `other`: rows.count ×
    /// columns.count, row-major (a block of the upper triangle, say).
    public func overlaps(_ rows: Range<Int>, with other: PackedPatterns, columns: Range<Int>) -> [Int32] {
        precondition(other.words == words && other.neurons == neurons && columns.upperBound <= other.count)
        let n = columns.count
        return [Int32](unsafeUninitializedCapacity: rows.count * n) { out, initialized in
            storage.withUnsafeBufferPointer { a in
                other.storage.withUnsafeBufferPointer { b in
                    hl_overlaps(
                        a.baseAddress! + rows.lowerBound * words, rows.count, b.baseAddress! + columns.lowerBound * words, n,
                        words, Int32(neurons), out.baseAddress!, n)
                }
            }
            initialized = rows.count * n
        }
    }

    /// The overlaps m_j = Σ_i x_i p_i^j of one pattern with every row.
    public func overlaps(with pattern: BinaryPattern) -> [Int32] {
        PackedPatterns([pattern], neurons: neurons).overlaps(0..<1, with: self)
    }

    /// For each row of `queries`: the row of `self` with the largest overlap (`absolute`: the
    /// largest |overlap|), the lowest index among equals, and that overlap (signed).
    public func best(for queries: PackedPatterns, absolute: Bool) -> [(index: Int, overlap: Int)] {
        precondition(queries.words == words && queries.neurons == neurons)
        var index = [Int32](repeating: -1, count: queries.count), overlap = [Int32](repeating: 0, count: queries.count)
        storage.withUnsafeBufferPointer { b in
            queries.storage.withUnsafeBufferPointer { a in
                hl_best_overlaps(
                    a.baseAddress, queries.count, b.baseAddress, count, words, Int32(neurons), absolute ? 1 : 0,
                    &index, &overlap)
            }
        }
        return zip(index, overlap).map { (Int($0), Int($1)) }
    }
}

/// The kernels' CPU variant: chosen at run time from what the processor supports (AVX2, POPCNT,
/// or a portable fallback). Every variant gives the same integers.
public enum Kernels {
    /// The variant in use: "avx2", "popcnt" or "portable".
    public static var name: String { String(cString: hl_kernel_name(hl_kernel_level())) }

    /// The variants this processor can run, from the portable one up.
    public static var supported: [String] {
        (0...Int(hl_kernel_supported_level())).map { String(cString: hl_kernel_name(Int32($0))) }
    }

    /// Runs `body` with the kernels forced to `variant` (a name from ``supported``), then
    /// restores the automatic choice. For tests and benchmarks; not for concurrent use.
    public static func with<T>(_ variant: String, _ body: () throws -> T) rethrows -> T {
        let level = supported.firstIndex(of: variant) ?? 0
        hl_kernel_force_level(Int32(level))
        defer { hl_kernel_force_level(-1) }
        return try body()
    }
}
