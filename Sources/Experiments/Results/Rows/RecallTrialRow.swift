/// A row of recall.csv: one level and one trial.
public struct RecallTrialRow: ResultRow, Equatable {
    /// The corruption level as written in the config ("0.1"), or "" for kinds without levels.
    public var level = ""
    /// The trial (0-based): repetitions with fresh random draws.
    public var trial = 0
    /// Starts at this level and trial (one per memory).
    public var n = 0
    /// States that ended exactly on their target pattern.
    public var exact = 0
    /// exact / n.
    public var exactRate = 0.0
    /// Mean overlap m/N of the final state with the target pattern.
    public var meanOverlap = 0.0
    /// The 0.99-quantile of |start − target| over every pixel.
    public var startErrorQuantile99 = 0.0
    /// The 0.99-quantile of |state − target| over every pixel.
    public var errorQuantile99 = 0.0
    /// States that ended on another stored memory.
    public var otherMemory = 0
    /// States that ended on a negated memory.
    public var inverted = 0
    /// States that ended on a fixed point that is no memory.
    public var spurious = 0
    /// Synchronous dynamics that revisited a state.
    public var cycles = 0
    /// States still changing after `dynamics.maxSweeps` sweeps.
    public var unconverged = 0
    /// Sweeps per state, the last one (which changes nothing) included.
    public var meanSweeps = 0.0

    /// An empty value, filled in field by field (as when a CSV line is read).
    public init() {}

    /// The row of one level and trial.
    public init(level: String, trial: Int, tally: Tally) {
        self.level = level
        self.trial = trial
        n = tally.n
        let measures = RecallMeasures(tally)
        exact = measures.exact
        exactRate = measures.exactRate
        meanOverlap = measures.meanOverlap
        startErrorQuantile99 = measures.startErrorQuantile99
        errorQuantile99 = measures.errorQuantile99
        otherMemory = tally[.error]
        inverted = tally[.inverted]
        spurious = tally[.spurious]
        cycles = tally[.cycle]
        unconverged = tally[.unconverged]
        meanSweeps = measures.meanSweeps
    }

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<RecallTrialRow>] {
        [
            .text("level", \.level), .int("trial", \.trial), .int("n", \.n), .int("exact", \.exact), .fixed("exactRate", \.exactRate),
            .fixed("meanOverlap", \.meanOverlap), .fixed("startErrorQuantile99", \.startErrorQuantile99),
            .fixed("errorQuantile99", \.errorQuantile99), .int("otherMemory", \.otherMemory), .int("inverted", \.inverted),
            .int("spurious", \.spurious), .int("cycles", \.cycles), .int("unconverged", \.unconverged), .fixed("meanSweeps", \.meanSweeps)
        ]
    }
}
