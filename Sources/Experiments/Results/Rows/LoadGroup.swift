/// The columns a capacity or basins summary row starts with: its grid values, the network at
/// one load (rule, N, P, α = P/N) and how many runs (seeds) it pools.
public struct LoadGroup: Sendable, Equatable {
    /// The grid values shared by the pooled runs, in grid key order.
    public var grid: [String] = []
    /// The learning rule's name.
    public var rule = ""
    /// N, the neurons of each pattern.
    public var neurons = 0
    /// P, the stored patterns.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// Runs pooled: one per seed.
    public var runs = 0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The group of `runs` runs at one load.
    init(grid: [String], rule: String, neurons: Int, patterns: Int, load: Double, runs: Int) {
        self.grid = grid
        self.rule = rule
        self.neurons = neurons
        self.patterns = patterns
        self.load = load
        self.runs = runs
    }

    /// One column per grid key, then rule, neurons, patterns, load and runs (all shown on the
    /// terminal), for a row that keeps the group at `path`.
    static func columns<Row>(gridKeys: [String], _ path: WritableKeyPath<Row, LoadGroup>) -> [Column<Row>] {
        let own: [Column<LoadGroup>] =
            Summary.gridColumns(gridKeys, \.grid) + [
                .text("rule", \.rule).shown, .int("neurons", \.neurons).shown, .int("patterns", \.patterns).shown,
                .fixed("load", \.load).shown, .int("runs", \.runs).shown
            ]
        return own.map { $0.lifted(path) }
    }
}
