/// A row of a basins run's runs.csv: the radii of its memories, summarised.
public struct BasinsRow: ResultRow, Equatable {
    /// The run: its key, seed and grid values.
    public var run = RunLabel()
    /// The learning rule's name.
    public var rule = ""
    /// N.
    public var neurons = 0
    /// P.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// The criterion and its threshold, as words (`exact`, `overlap>=0.9`).
    public var criterion = ""
    /// Memories measured (P).
    public var memories = 0
    /// Mean basin radius over the memories.
    public var meanRadius = 0.0
    /// Its sample standard deviation (nil with one memory).
    public var sdRadius: Double?
    /// The smallest radius.
    public var minRadius = 0.0
    /// The median radius.
    public var medianRadius = 0.0
    /// The largest radius.
    public var maxRadius = 0.0
    /// Memories with radius 0 (not recalled even from themselves).
    public var zeroRadii = 0
    /// Share of the memories that are fixed points.
    public var stableFraction = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of one run from its memories' rows.
    public init(run: RunLabel, criterion: String, basins: [BasinRow]) {
        self.run = run
        let first = basins[0]
        rule = first.rule
        neurons = first.neurons
        patterns = first.patterns
        load = first.load
        self.criterion = criterion
        memories = basins.count
        let radii = basins.map(\.radius)
        (meanRadius, sdRadius) = Summary.meanAndDeviation(radii)
        minRadius = radii.min()!
        medianRadius = Recorded.fixed(Statistics.quantile(radii, 0.5))
        maxRadius = radii.max()!
        zeroRadii = radii.filter { $0 == 0 }.count
        stableFraction = Recorded.fixed(Double(basins.map(\.stable).reduce(0, +)) / Double(basins.count))
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<BasinsRow>] {
        RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + [
            .text("rule", \.rule), .int("neurons", \.neurons), .int("patterns", \.patterns), .fixed("load", \.load),
            .text("criterion", \.criterion), .int("memories", \.memories), .fixed("meanRadius", \.meanRadius),
            .optionalFixed("sdRadius", \.sdRadius), .fixed("minRadius", \.minRadius, 6), .fixed("medianRadius", \.medianRadius),
            .fixed("maxRadius", \.maxRadius, 6), .int("zeroRadii", \.zeroRadii), .fixed("stableFraction", \.stableFraction)
        ]
    }
}
