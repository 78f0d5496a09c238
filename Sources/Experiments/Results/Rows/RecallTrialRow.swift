/// A row of recall.csv: one level and one trial.
public struct RecallTrialRow: ResultRow, Equatable {
    public var level = ""
    public var trial = 0
    public var n = 0
    public var exact = 0
    public var exactRate = 0.0
    public var meanOverlap = 0.0
    public var startErrorQuantile99 = 0.0
    public var errorQuantile99 = 0.0
    public var otherMemory = 0
    public var inverted = 0
    public var spurious = 0
    public var cycles = 0
    public var unconverged = 0
    public var meanSweeps = 0.0

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

    public static func columns(gridKeys: [String]) -> [Column<RecallTrialRow>] {
        [.text("level", \.level), .int("trial", \.trial), .int("n", \.n), .int("exact", \.exact), .fixed("exactRate", \.exactRate),
         .fixed("meanOverlap", \.meanOverlap), .fixed("startErrorQuantile99", \.startErrorQuantile99),
         .fixed("errorQuantile99", \.errorQuantile99), .int("otherMemory", \.otherMemory), .int("inverted", \.inverted),
         .int("spurious", \.spurious), .int("cycles", \.cycles), .int("unconverged", \.unconverged), .fixed("meanSweeps", \.meanSweeps)]
    }
}
