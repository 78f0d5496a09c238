/// A row of a classify run's predictions.csv: one image and where it converged.
public struct ClassifyPrediction: ResultRow, Equatable {
    /// The split the row is about.
    public var split = Split.train
    /// The image's place in its split.
    public var index = 0
    /// The image's path relative to the dataset folder.
    public var path = ""
    /// The class name (the class folder's name).
    public var className = ""
    /// Where the state ended.
    public var outcome = Outcome.spurious
    /// The class of the memory reached (empty when none was reached).
    public var predicted = ""
    /// The class of the nearest memory (largest |overlap|).
    public var nearest = ""
    /// The memory with the largest |overlap| with the final state.
    public var nearestMemory = 0
    /// The nearest memory's overlap m/N (|cos| for continuous states).
    public var nearestOverlap = 0.0
    /// The class of the nearest class prototype (baseline; see ``Baselines``).
    public var prototype = ""
    /// The class of the nearest training image (baseline, test images only; see ``Baselines``).
    public var neighbor = ""
    /// Sweeps until the dynamics stopped, the last one included.
    public var sweeps = 0
    /// The energy of the start (exact integers for the Hebbian rule).
    public var energyStart = 0.0
    /// The energy of the final state.
    public var energyEnd = 0.0

    /// What the final state is: memory, inverted, mixture (named) or other, and its top overlaps.
    public var attractor = AttractorFields()

    /// An empty value, filled in field by field when a CSV line is read.
    public init() {}

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<ClassifyPrediction>] {
        [
            .named("split", \.split), .int("index", \.index), .text("path", \.path), .text("class", \.className),
            Column(
                "outcome", write: { $0.outcome.rawValue },
                read: { row, field in
                    guard let o = Outcome(rawValue: field) else { return false }
                    row.outcome = o
                    return true
                }),
            .text("predicted", \.predicted), .text("nearest", \.nearest), .int("nearestMemory", \.nearestMemory),
            .fixed("nearestOverlap", \.nearestOverlap), .text("prototype", \.prototype), .text("neighbor", \.neighbor),
            .int("sweeps", \.sweeps), .exact("energyStart", \.energyStart),
            .exact("energyEnd", \.energyEnd)
        ] + AttractorFields.columns().map { $0.lifted(\.attractor) }
    }
}
