/// The recall measures of a tally, recorded at the precision of their columns.
struct RecallMeasures {
    var exact: Int
    var exactRate, meanOverlap, startErrorQuantile99, errorQuantile99, meanSweeps: Double

    init(_ tally: Tally) {
        exact = tally[.correct]
        exactRate = Recorded.fixed(tally.rate(.correct))
        meanOverlap = Recorded.fixed(tally.meanOverlap)
        startErrorQuantile99 = Recorded.fixed(Statistics.quantile(tally.startErrors, 0.99))
        errorQuantile99 = Recorded.fixed(Statistics.quantile(tally.errors, 0.99))
        meanSweeps = Recorded.fixed(tally.meanSweeps)
    }
}
