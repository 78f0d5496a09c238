/// A row of memories.csv: one stored memory, its image, and its closest other memory.
public struct MemoryEntry: ResultRow, Equatable {
    public var memory = 0
    public var path = ""
    public var className = ""
    public var label = 0
    /// Dissimilarity 1 − |overlap|/N to the closest other memory (nil with one memory).
    public var minDissimilarity: Double?
    public var closestMemory: Int?

    public init() {}

    /// The row of memory `memory`.
    public init(memory: Int, path: String, className: String, label: Int, closest: (memory: Int, dissimilarity: Double)?) {
        self.memory = memory
        self.path = path
        self.className = className
        self.label = label
        minDissimilarity = closest.map { Recorded.fixed($0.dissimilarity) }
        closestMemory = closest?.memory
    }

    public static func columns(gridKeys: [String]) -> [Column<MemoryEntry>] {
        [.int("memory", \.memory), .text("path", \.path), .text("class", \.className), .int("label", \.label),
         .optionalFixed("minDissimilarity", \.minDissimilarity),
         Column("closestMemory", write: { $0.closestMemory.map(String.init) ?? "" }, read: { row, field in
             row.closestMemory = Int(field)
             return field.isEmpty || row.closestMemory != nil
         })]
    }
}
