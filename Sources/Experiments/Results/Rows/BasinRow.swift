/// A row of a basins run's basins.csv: one stored memory and its basin radius.
public struct BasinRow: ResultRow, Equatable {
    /// The memory's index among the stored patterns.
    public var memory = 0
    /// Its class (dataset patterns), or `random`.
    public var className = ""
    /// The learning rule's name.
    public var rule = ""
    /// N.
    public var neurons = 0
    /// P, the stored patterns.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// The largest fraction of flipped bits found inside the basin (0 when even the memory
    /// itself is not recalled).
    public var radius = 0.0
    /// The smallest fraction found outside (the bisection's upper end; above 0.5 when every
    /// level tried was inside).
    public var upper = 0.0
    /// 1 when the memory is a fixed point of the dynamics, else 0.
    public var stable = 0
    /// Starts converged for this memory over every level tried.
    public var starts = 0

    /// An empty value, filled in field by field (as when a CSV line is read).
    public init() {}

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<BasinRow>] {
        [.int("memory", \.memory), .text("class", \.className), .text("rule", \.rule), .int("neurons", \.neurons), .int("patterns", \.patterns),
         .fixed("load", \.load), .fixed("radius", \.radius, 6), .fixed("upper", \.upper, 6), .int("stable", \.stable), .int("starts", \.starts)]
    }
}

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

    /// An empty value, filled in field by field (as when a CSV line is read).
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
            .fixed("maxRadius", \.maxRadius, 6), .int("zeroRadii", \.zeroRadii), .fixed("stableFraction", \.stableFraction),
        ]
    }
}

/// A row of a basins batch's summary.csv: one grid point, every seed's memories pooled.
public struct BasinsSummaryRow: ResultRow, Equatable {
    /// The grid values shared by the pooled runs, in grid key order.
    public var grid: [String] = []
    /// The learning rule's name.
    public var rule = ""
    /// N.
    public var neurons = 0
    /// P.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// Runs pooled: one per seed.
    public var runs = 0
    /// Memories pooled over the runs.
    public var memories = 0
    /// Mean radius over every pooled memory.
    public var meanRadius = 0.0
    /// Standard deviation of the pooled memories' radii (nil with one memory).
    public var sdRadius: Double?
    /// The 95% confidence interval of the mean radius, mean ∓ 1.96·sd/√memories (a normal
    /// approximation; memories of one run share their network, so it is a little narrow).
    public var radiusLow95 = 0.0
    /// Its upper end.
    public var radiusHigh95 = 0.0
    /// Share of the pooled memories with radius 0.
    public var zeroFraction = 0.0
    /// Mean over seeds of the share of memories that are fixed points.
    public var meanStableFraction = 0.0

    /// An empty value, filled in field by field (as when a CSV line is read).
    public init() {}

    /// The summary of runs that differ only by seed: pooled mean and deviation from each run's
    /// count, mean and deviation (as recorded in runs.csv).
    public init(_ rows: [BasinsRow]) {
        let first = rows[0]
        grid = first.run.grid
        rule = first.rule
        neurons = first.neurons
        patterns = first.patterns
        load = first.load
        runs = rows.count
        memories = rows.map(\.memories).reduce(0, +)
        let n = Double(memories)
        let mean = rows.reduce(0) { $0 + Double($1.memories) * $1.meanRadius } / n
        meanRadius = Recorded.fixed(mean)
        if memories > 1 {
            let squares = rows.reduce(0.0) { sum, r in
                let within = Double(r.memories - 1) * (r.sdRadius ?? 0) * (r.sdRadius ?? 0)
                return sum + within + Double(r.memories) * (r.meanRadius - mean) * (r.meanRadius - mean)
            }
            let sd = (squares / (n - 1)).squareRoot()
            sdRadius = Recorded.fixed(sd)
            radiusLow95 = Recorded.fixed(max(0, mean - 1.959963984540054 * sd / n.squareRoot()))
            radiusHigh95 = Recorded.fixed(mean + 1.959963984540054 * sd / n.squareRoot())
        } else {
            radiusLow95 = meanRadius
            radiusHigh95 = meanRadius
        }
        zeroFraction = Recorded.fixed(Double(rows.map(\.zeroRadii).reduce(0, +)) / n)
        meanStableFraction = Recorded.fixed(rows.map(\.stableFraction).reduce(0, +) / Double(rows.count))
    }

    /// The file's columns, in order.
    public static func columns(gridKeys: [String]) -> [Column<BasinsSummaryRow>] {
        Summary.gridColumns(gridKeys, \.grid) + [
            .text("rule", \.rule), .int("neurons", \.neurons), .int("patterns", \.patterns), .fixed("load", \.load),
            .int("runs", \.runs), .int("memories", \.memories), .fixed("meanRadius", \.meanRadius), .optionalFixed("sdRadius", \.sdRadius),
            .fixed("radiusLow95", \.radiusLow95), .fixed("radiusHigh95", \.radiusHigh95), .fixed("zeroFraction", \.zeroFraction),
            .fixed("meanStableFraction", \.meanStableFraction),
        ]
    }
}
