/// The columns every row of runs.csv starts with: the run's key, its seed and its grid values.
public struct RunLabel: Sendable, Equatable, Hashable {
    /// "memories.count=8,image.size=64,seed=42".
    public var key = ""
    /// The run's seed.
    public var seed: UInt64 = 0
    /// The grid values as labels (``JSONValue/label``), in grid key order.
    public var grid: [String] = []

    /// An empty label, to be read.
    public init() {}

    /// The label of a run.
    public init(_ spec: RunSpec) {
        key = spec.key
        seed = spec.seed
        grid = spec.gridValues.map { $0.1.label }
    }

    /// run, seed and one column per grid key.
    static func columns(gridKeys: [String]) -> [Column<RunLabel>] {
        [
            .text("run", \.key),
            Column(
                "seed", write: { String($0.seed) },
                read: { row, field in
                    guard let v = UInt64(field) else { return false }
                    row.seed = v
                    return true
                })
        ] + Summary.gridColumns(gridKeys, \.grid)
    }
}
