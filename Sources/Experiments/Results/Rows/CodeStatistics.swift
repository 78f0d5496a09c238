import Hopfield

/// codes.csv of a run with a feature stage: what its ±1 codes look like on its training images.
/// Balanced bits carry the most information (median codes are balanced by construction, SimHash
/// codes nearly); memories that overlap little are told apart easily.
public struct CodeStatistics: ResultRow, Equatable {
    /// N, the code length.
    public var bits = 0
    /// The fraction of +1 over every bit of every training code.
    public var onesFraction = 0.0
    /// The smallest and the largest fraction of training images with a given bit at +1.
    public var minBitOnes = 0.0, maxBitOnes = 0.0
    /// The mean |overlap|/N between two distinct stored memories (over at most 200 memories).
    public var meanMemoryOverlap = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The statistics of `train` codes and of the stored `memories`.
    init(train: [[Int8]], memories: [[Int8]]) {
        bits = train.first?.count ?? 0
        var ones = [Int](repeating: 0, count: bits)
        for code in train { for (j, v) in code.enumerated() where v > 0 { ones[j] += 1 } }
        let count = Double(max(train.count, 1))
        onesFraction = Recorded.fixed(Double(ones.reduce(0, +)) / count / Double(max(bits, 1)), 4)
        minBitOnes = Recorded.fixed(Double(ones.min() ?? 0) / count, 4)
        maxBitOnes = Recorded.fixed(Double(ones.max() ?? 0) / count, 4)
        let shown = memories.count <= 200 ? memories : (0..<200).map { memories[$0 * memories.count / 200] }
        var total = 0.0, pairs = 0
        for a in shown.indices {
            for b in shown.indices where b > a {
                var m = 0
                for j in 0..<bits { m += Int(shown[a][j]) * Int(shown[b][j]) }
                total += Double(abs(m)) / Double(max(bits, 1))
                pairs += 1
            }
        }
        meanMemoryOverlap = Recorded.fixed(pairs > 0 ? total / Double(pairs) : 0, 4)
    }

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<CodeStatistics>] {
        [
            .int("bits", \.bits), .fixed("onesFraction", \.onesFraction), .fixed("minBitOnes", \.minBitOnes),
            .fixed("maxBitOnes", \.maxBitOnes), .fixed("meanMemoryOverlap", \.meanMemoryOverlap)
        ]
    }
}
