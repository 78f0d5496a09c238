import Hopfield

/// A row of a capacity run's runs.csv: one number of stored patterns, every trial pooled.
public struct CapacityRow: ResultRow, Equatable {
    /// The run: its key, seed and grid values.
    public var run = RunLabel()
    /// The learning rule's name.
    public var rule = ""
    /// N, the neurons of each pattern.
    public var neurons = 0
    /// P, the stored random patterns.
    public var patterns = 0
    /// α = P/N.
    public var load = 0.0
    /// Trials pooled (fresh random patterns each).
    public var trials = 0
    /// Stored patterns that are fixed points.
    public var stableFraction = 0.0
    /// Mean overlap m/N reached from each stored pattern.
    public var meanOverlap = 0.0
    /// Stored patterns whose dynamics end exactly on themselves.
    public var exactRate = 0.0
    /// Sweeps per state, the last one (which changes nothing) included.
    public var meanSweeps = 0.0
    /// The AGS prediction of the overlap (Hebbian rule only; nil for the others).
    public var theoryOverlap: Double?
    /// α_c ≈ 0.138 (Hebbian rule only: the other rules have other capacities; nil for them).
    public var criticalLoad: Double?
    /// N / (2 ln N) (Hebbian rule only; nil for the others).
    public var mcEliecePatterns: Double?

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The row of P patterns over every trial.
    public init(run: RunLabel, rule: String, neurons: Int, patterns: Int, trials: Int, tally: Tally, theoryOverlap: Double?) {
        self.run = run
        self.rule = rule
        self.neurons = neurons
        self.patterns = patterns
        load = Recorded.fixed(Double(patterns) / Double(neurons))
        self.trials = trials
        stableFraction = Recorded.fixed(Double(tally.stable) / Double(tally.n))
        meanOverlap = Recorded.fixed(tally.meanOverlap)
        exactRate = Recorded.fixed(tally.rate(.correct))
        meanSweeps = Recorded.fixed(tally.meanSweeps)
        self.theoryOverlap = theoryOverlap.map { Recorded.fixed($0) }
        // The Hebbian theory's figures; the Storkey and pseudo-inverse rules are not bound by them.
        if rule == HebbianRule.name {
            criticalLoad = Recorded.fixed(CapacityTheory.criticalLoad)
            mcEliecePatterns = Recorded.fixed(CapacityTheory.mcElieceCapacity(neurons: neurons))
        }
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<CapacityRow>] {
        RunLabel.columns(gridKeys: gridKeys).map { $0.lifted(\.run) } + [
            .text("rule", \.rule), .int("neurons", \.neurons), .int("patterns", \.patterns), .fixed("load", \.load),
            .int("trials", \.trials), .fixed("stableFraction", \.stableFraction), .fixed("meanOverlap", \.meanOverlap),
            .fixed("exactRate", \.exactRate), .fixed("meanSweeps", \.meanSweeps), .optionalFixed("theoryOverlap", \.theoryOverlap),
            .optionalFixed("criticalLoad", \.criticalLoad), .optionalFixed("mcEliecePatterns", \.mcEliecePatterns)
        ]
    }
}
