/// What the values of a tally row read back may be: counts between 0 and n, rates between 0 and
/// 1 (NaN only when n is 0, where a rate is 0/0), overlaps between −1 and 1, sweeps and errors
/// finite and not negative. A file edited by hand or damaged (n = −150, a NaN accuracy, an error
/// rate above 1) is refused when read instead of reaching the roll-ups and the report.
enum RowRanges {
    /// The first count outside 0...n, or outcomes adding up to more than n.
    static func counts(_ counts: [(String, Int)], n: Int) -> String? {
        if n < 0 { return "n = \(n) is negative" }
        if let bad = counts.first(where: { !(0...n).contains($0.1) }) { return "\(bad.0) = \(bad.1) is not between 0 and n = \(n)" }
        let sum = counts.reduce(0) { $0 + $1.1 }
        return sum > n ? "the outcomes add up to \(sum), more than n = \(n)" : nil
    }

    /// The first value outside `range` (NaN allowed only when `n` is 0).
    static func values(_ values: [(String, Double?)], in range: ClosedRange<Double>, n: Int) -> String? {
        for case let (name, value?) in values where !(range.contains(value) || (value.isNaN && n == 0)) {
            return "\(name) = \(Format.fixed(value)) is not between \(Format.exact(range.lowerBound)) and \(Format.exact(range.upperBound))"
        }
        return nil
    }

    /// The first value that is negative or not finite.
    static func nonNegative(_ values: [(String, Double?)], n: Int) -> String? {
        Self.values(values, in: 0...Double.greatestFiniteMagnitude, n: n)
    }
}

extension ClassifyRow: TaskRow {
    /// The first value out of its range (`RowRanges`), or nil.
    public var outOfRange: String? {
        RowRanges.counts(
            [
                ("correct", correct), ("errors", errors), ("inverted", inverted), ("spurious", spurious), ("cycles", cycles),
                ("unconverged", unconverged)
            ], n: n)
            ?? RowRanges.values(
                [
                    ("accuracy", accuracy), ("spuriousRate", spuriousRate), ("nearestAccuracy", nearestAccuracy),
                    ("chanceAccuracy", chanceAccuracy), ("prototypeAccuracy", prototypeAccuracy),
                    ("neighborAccuracy", neighborAccuracy), ("selectionMinDissimilarity", selectionMinDissimilarity)
                ],
                in: 0...1, n: n)
            ?? RowRanges.nonNegative([("meanSweeps", meanSweeps)], n: n)
    }
}

extension RecallCounts {
    /// The first value out of its range (`RowRanges`), or nil.
    var outOfRange: String? {
        RowRanges.counts(
            [
                ("exact", exact), ("otherMemory", otherMemory), ("inverted", inverted), ("spurious", spurious),
                ("cycles", cycles), ("unconverged", unconverged)
            ], n: n)
            ?? RowRanges.values([("exactRate", exactRate)], in: 0...1, n: n)
            ?? RowRanges.values([("meanOverlap", meanOverlap)], in: -1...1, n: n)
            ?? RowRanges.nonNegative(
                [
                    ("startErrorQuantile99", startErrorQuantile99), ("errorQuantile99", errorQuantile99),
                    ("meanSweeps", meanSweeps)
                ], n: n)
    }
}

extension RecallRow: TaskRow {
    /// The first value out of its range (`RowRanges`), or nil.
    public var outOfRange: String? { counts.outOfRange ?? (parameters < 0 ? "parameters = \(parameters) is negative" : nil) }
}

extension CapacityRow: TaskRow {
    /// The first value out of its range (`RowRanges`), or nil.
    public var outOfRange: String? {
        if neurons < 1 || patterns < 0 || trials < 1 {
            return "neurons = \(neurons), patterns = \(patterns), trials = \(trials) out of range"
        }
        let n = patterns * trials
        return RowRanges.values([("stableFraction", stableFraction), ("exactRate", exactRate)], in: 0...1, n: n)
            ?? RowRanges.values([("meanOverlap", meanOverlap), ("theoryOverlap", theoryOverlap)], in: -1...1, n: n)
            ?? RowRanges.nonNegative([("load", load), ("meanSweeps", meanSweeps)], n: n)
    }
}

extension BasinsRow: TaskRow {
    /// The first value out of its range (`RowRanges`), or nil.
    public var outOfRange: String? {
        if neurons < 1 || patterns < 1 || memories < 1 {
            return "neurons = \(neurons), patterns = \(patterns), memories = \(memories) out of range"
        }
        return RowRanges.counts([("zeroRadii", zeroRadii)], n: memories)
            ?? RowRanges.values(
                [
                    ("meanRadius", meanRadius), ("minRadius", minRadius), ("medianRadius", medianRadius), ("maxRadius", maxRadius),
                    ("stableFraction", stableFraction)
                ], in: 0...1, n: memories)
            ?? RowRanges.nonNegative([("load", load), ("sdRadius", sdRadius)], n: memories)
    }
}

extension RunTable {
    /// Refuses rows that are not the run's own (another run's tally.csv copied over this one's)
    /// or hold a value out of its range (``RowRanges``); `path` names the file.
    func check(belongsTo run: RunSpec, path: String) throws(ResultsFileError) {
        let rows = labels
        if rows.isEmpty { throw ResultsFileError(path: path, reason: "no rows") }
        for (k, row) in rows.enumerated() {
            if row.label.key != run.key || row.label.seed != run.seed {
                throw ResultsFileError(path: path, reason: "line \(k + 2) is a row of run \(row.label.key), not of \(run.key)")
            }
            if let problem = row.problem { throw ResultsFileError(path: path, reason: "line \(k + 2): \(problem)") }
        }
    }
}
