/// A row of memories.csv: one stored memory, its image, and its closest other memory.
public struct MemoryEntry: ResultRow, Equatable {
    /// The memory's index.
    public var memory = 0
    /// The image's path relative to the dataset folder.
    public var path = ""
    /// The class name (the class folder's name).
    public var className = ""
    /// The class label (the class's place in the dataset's class order).
    public var label = 0
    /// Dissimilarity 1 − |overlap|/N to the closest other memory (nil with one memory).
    public var minDissimilarity: Double?
    /// The closest other memory (nil with a single memory).
    public var closestMemory: Int?

    /// An empty value, filled in field by field when a CSV line is read.
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

    /// The file's columns, in order (runs files start with the run and one column per grid key).
    public static func columns(gridKeys: [String]) -> [Column<MemoryEntry>] {
        [
            .int("memory", \.memory), .text("path", \.path), .text("class", \.className), .int("label", \.label),
            .optionalFixed("minDissimilarity", \.minDissimilarity),
            Column(
                "closestMemory", write: { $0.closestMemory.map(String.init) ?? "" },
                read: { row, field in
                    row.closestMemory = Int(field)
                    return field.isEmpty || row.closestMemory != nil
                })
        ]
    }
}
