/// A row of a classify run's predictions.csv: one image and where it converged.
public struct ClassifyPrediction: ResultRow, Equatable {
    public var split = ""
    /// The image's place in its split.
    public var index = 0
    public var path = ""
    public var className = ""
    public var outcome = Outcome.spurious
    /// The class of the memory reached (empty when none was reached).
    public var predicted = ""
    /// The class of the nearest memory (largest |overlap|).
    public var nearest = ""
    public var nearestMemory = 0
    /// The nearest memory's overlap m/N (|cos| for continuous states).
    public var nearestOverlap = 0.0
    public var sweeps = 0
    public var energyStart = 0.0
    public var energyEnd = 0.0

    public init() {}

    public static func columns(gridKeys: [String]) -> [Column<ClassifyPrediction>] {
        [.text("split", \.split), .int("index", \.index), .text("path", \.path), .text("class", \.className),
         Column("outcome", write: { $0.outcome.rawValue }, read: { row, field in
             guard let o = Outcome(rawValue: field) else { return false }
             row.outcome = o
             return true
         }),
         .text("predicted", \.predicted), .text("nearest", \.nearest), .int("nearestMemory", \.nearestMemory),
         .fixed("nearestOverlap", \.nearestOverlap), .int("sweeps", \.sweeps), .exact("energyStart", \.energyStart),
         .exact("energyEnd", \.energyEnd)]
    }
}
