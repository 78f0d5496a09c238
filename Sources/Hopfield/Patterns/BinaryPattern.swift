/// A ±1 vector bit-packed in UInt64 words: bit set means +1. Bits past `count` are always zero,
/// so `==` and hashing compare patterns exactly.
///
/// Overlap and Hamming distance are a few word operations: m = N − 2·popcount(a ⊕ b).
public struct BinaryPattern: Hashable, Sendable, CustomStringConvertible {
    /// N, the number of ±1 entries.
    public let count: Int
    /// ⌈N/64⌉ words: entry i is bit i mod 64 of word i/64, set for +1. Bits past `count` are zero.
    public private(set) var words: [UInt64]

    /// From ±1 values. A 0 (an undecided neuron) is not a valid pattern entry.
    public init(_ values: [Int8]) {
        count = values.count
        var words = [UInt64](repeating: 0, count: (values.count + 63) / 64)
        for (i, v) in values.enumerated() {
            precondition(v == 1 || v == -1, "BinaryPattern entries are ±1, found \(v) at \(i)")
            if v == 1 { words[i >> 6] |= 1 << UInt64(i & 63) }
        }
        self.words = words
    }

    /// From ±1 values in a buffer; entries ≥ 0 count as +1 (used on converged states, which are ±1).
    public init(_ values: UnsafeBufferPointer<Int8>) {
        count = values.count
        var words = [UInt64](repeating: 0, count: (values.count + 63) / 64)
        for i in 0..<values.count where values[i] > 0 { words[i >> 6] |= 1 << UInt64(i & 63) }
        self.words = words
    }

    /// From packed words laid out as ``words``, exactly ⌈count/64⌉ of them; bits past `count` are
    /// cleared, so equality stays exact.
    public init(words: [UInt64], count: Int) {
        precondition(words.count == (count + 63) / 64)
        self.count = count
        var w = words
        if count % 64 != 0, let last = w.indices.last { w[last] &= (1 << UInt64(count % 64)) - 1 }
        self.words = w
    }

    /// Entry i as ±1.
    public subscript(i: Int) -> Int8 { (words[i >> 6] >> UInt64(i & 63)) & 1 == 1 ? 1 : -1 }

    /// The ±1 values.
    public var values: [Int8] { (0..<count).map { self[$0] } }

    /// Number of positions where the two patterns differ.
    public func hamming(to other: BinaryPattern) -> Int {
        precondition(count == other.count, "patterns of \(count) and \(other.count) neurons")
        var differing = 0
        for k in 0..<words.count { differing &+= (words[k] ^ other.words[k]).nonzeroBitCount }
        return differing
    }

    /// Σ_i a_i b_i = N − 2·hamming.
    public func overlap(with other: BinaryPattern) -> Int { count - 2 * hamming(to: other) }

    /// −x: every bit inverted (padding kept zero).
    public var negated: BinaryPattern {
        BinaryPattern(words: words.map { ~$0 }, count: count)
    }

    /// The first 64 entries as + and −, followed by …(N) when there are more: for logs and test
    /// failures.
    public var description: String {
        String(values.prefix(64).map { $0 == 1 ? "+" : "-" }) + (count > 64 ? "…(\(count))" : "")
    }
}
