/// A pooled rate k/n with its Wilson 95% interval (the notebook's empty "risk estimation").
public struct Proportion: Sendable, Equatable {
    /// k/n (NaN when n = 0).
    public var rate = 0.0
    /// The Wilson 95% interval's lower end.
    public var low95 = 0.0
    /// The Wilson 95% interval's upper end.
    public var high95 = 0.0

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// k successes of n trials, recorded at 4 decimals.
    public init(_ k: Int, of n: Int) {
        let (low, high) = Statistics.wilson(successes: k, trials: n)
        rate = Recorded.fixed(n > 0 ? Double(k) / Double(n) : .nan)
        low95 = Recorded.fixed(low)
        high95 = Recorded.fixed(high)
    }

    /// `<name>Rate`, `<name>Low95`, `<name>High95`.
    static func columns<Row>(_ name: String, _ path: WritableKeyPath<Row, Proportion>, shown: Bool = false) -> [Column<Row>] {
        let rate = Column<Proportion>.fixed(name + "Rate", \.rate)
        return [shown ? rate.shown : rate, .fixed(name + "Low95", \.low95), .fixed(name + "High95", \.high95)]
            .map { $0.lifted(path) }
    }
}
