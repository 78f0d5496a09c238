/// What recall.csv and a recall run's runs.csv both say of a set of starts (one level, one trial
/// or every trial pooled): the outcomes and the measures of a tally, recorded at the precision of
/// their columns. The rows hold it as `counts` and read its fields as their own.
public struct RecallCounts: Equatable, Sendable {
    /// Starts.
    public var n = 0
    /// States that ended exactly on their target pattern.
    public var exact = 0
    /// exact / n.
    public var exactRate = 0.0
    /// Mean overlap m/N of the final state with the target pattern.
    public var meanOverlap = 0.0
    /// The 0.99-quantile of |start − target| over every pixel (notebook 003's measure).
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

    /// Zero starts, filled in field by field when a CSV line is read.
    public init() {}

    /// The counts and measures of `tally`.
    public init(_ tally: Tally) {
        n = tally.n
        exact = tally[.correct]
        exactRate = Recorded.fixed(tally.rate(.correct))
        meanOverlap = Recorded.fixed(tally.meanOverlap)
        startErrorQuantile99 = Recorded.fixed(Statistics.quantile(tally.startErrors, 0.99))
        errorQuantile99 = Recorded.fixed(Statistics.quantile(tally.errors, 0.99))
        otherMemory = tally[.error]
        inverted = tally[.inverted]
        spurious = tally[.spurious]
        cycles = tally[.cycle]
        unconverged = tally[.unconverged]
        meanSweeps = Recorded.fixed(tally.meanSweeps)
    }

    /// The columns from `n` to `meanSweeps`, in file order, for a row that keeps them at `path`.
    static func columns<Row>(_ path: WritableKeyPath<Row, RecallCounts>) -> [Column<Row>] {
        let own: [Column<RecallCounts>] = [
            .int("n", \.n), .int("exact", \.exact), .fixed("exactRate", \.exactRate), .fixed("meanOverlap", \.meanOverlap),
            .fixed("startErrorQuantile99", \.startErrorQuantile99), .fixed("errorQuantile99", \.errorQuantile99),
            .int("otherMemory", \.otherMemory), .int("inverted", \.inverted), .int("spurious", \.spurious), .int("cycles", \.cycles),
            .int("unconverged", \.unconverged), .fixed("meanSweeps", \.meanSweeps)
        ]
        return own.map { $0.lifted(path) }
    }
}
