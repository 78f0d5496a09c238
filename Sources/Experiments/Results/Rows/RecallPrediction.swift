/// A row of a recall run's predictions.csv: one start and where it converged.
public struct RecallPrediction: ResultRow, Equatable {
    /// The corruption level as written in the config ("0.1"), or "" for kinds without levels.
    public var level = ""
    /// The trial (0-based): repetitions with fresh random draws.
    public var trial = 0
    /// The memory the start was made from.
    public var memory = 0
    /// The class of the memory the start was made from.
    public var className = ""
    /// Where the state ended.
    public var outcome = Outcome.spurious
    /// The memory (or negated memory) reached, or nil.
    public var matchedMemory: Int?
    /// Overlap m/N of the start with the target pattern.
    public var startOverlap = 0.0
    /// Overlap m/N of the final state with the target pattern.
    public var overlap = 0.0
    /// The memory with the largest |overlap| with the final state.
    public var nearestMemory = 0
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
    public static func columns(gridKeys: [String]) -> [Column<RecallPrediction>] {
        [
            .text("level", \.level), .int("trial", \.trial), .int("memory", \.memory), .text("class", \.className),
            Column(
                "outcome", write: { $0.outcome.recallName },
                read: { row, field in
                    guard let o = Outcome.allCases.first(where: { $0.recallName == field }) else { return false }
                    row.outcome = o
                    return true
                }),
            Column(
                "matchedMemory", write: { $0.matchedMemory.map(String.init) ?? "" },
                read: { row, field in
                    row.matchedMemory = Int(field)
                    return field.isEmpty || row.matchedMemory != nil
                }),
            .fixed("startOverlap", \.startOverlap), .fixed("overlap", \.overlap), .int("nearestMemory", \.nearestMemory),
            .int("sweeps", \.sweeps), .exact("energyStart", \.energyStart), .exact("energyEnd", \.energyEnd)
        ] + AttractorFields.columns().map { $0.lifted(\.attractor) }
    }
}
