import Hopfield

/// The attractor columns of predictions.csv (recall and classify): what the final state is
/// (`Attractor`: memory, inverted, mixture or other; empty when the dynamics did not converge
/// or the states are real-valued), a mixture's memories and signs ("+0+3-7"), and the
/// `Attractor.topCount` memories of largest |overlap| with their signed overlaps m/N.
public struct AttractorFields: Sendable, Equatable {
    /// `memory`, `inverted`, `mixture`, `other`, or "" (not analysed).
    public var kind = ""
    /// A mixture's memories with their signs, by memory index ("+0+3-7"); "" otherwise.
    public var mixture = ""
    /// The memories of largest |overlap|, largest first (nil where fewer are stored).
    public var topMemory: [Int?] = Array(repeating: nil, count: Attractor.topCount)
    /// Their signed overlaps m/N, recorded to 4 decimals.
    public var topOverlap: [Double?] = Array(repeating: nil, count: Attractor.topCount)

    /// The kinds' names in the `attractor` column, in order (memory, inverted, mixture, other).
    public static let kindNames = Attractor.Kind.allCases.map(\.rawValue)
    /// The name of mixture states.
    public static let mixtureName = Attractor.Kind.mixture.rawValue

    /// Empty fields (not analysed).
    public init() {}

    /// The fields of a converged state's analysis; empty ones for nil.
    public init(_ attractor: Attractor?) {
        guard let attractor else { return }
        kind = attractor.kind.rawValue
        mixture = attractor.mixtureName
        for (k, entry) in attractor.top.enumerated() {
            topMemory[k] = entry.memory
            topOverlap[k] = Recorded.fixed(entry.overlap)
        }
    }

    /// attractor, mixture, top1Memory, top1Overlap, top2Memory, ...
    static func columns() -> [Column<AttractorFields>] {
        var columns: [Column<AttractorFields>] = [.text("attractor", \.kind), .text("mixture", \.mixture)]
        for k in 0..<Attractor.topCount {
            columns.append(
                Column(
                    "top\(k + 1)Memory", write: { $0.topMemory[k].map(String.init) ?? "" },
                    read: { row, field in
                        row.topMemory[k] = Int(field)
                        return field.isEmpty || row.topMemory[k] != nil
                    }))
            columns.append(
                Column(
                    "top\(k + 1)Overlap", write: { $0.topOverlap[k].map { Format.fixed($0, 4) } ?? "" },
                    read: { row, field in
                        row.topOverlap[k] = Double(field)
                        return field.isEmpty || row.topOverlap[k] != nil
                    }))
        }
        return columns
    }
}
