extension ExperimentConfig {
    /// How the stored patterns are chosen among the candidate images.
    public enum Selection: String, Sendable, CaseIterable {
        /// Balanced per class, smallest pairwise dissimilarity as large as possible.
        case maxmin
        /// Balanced per class, uniformly at random (seeded).
        case random
        /// Balanced per class, the first images in sorted order.
        case first
    }

    /// `memories`: how many patterns are stored and how they are chosen.
    public struct MemoriesSection: Sendable, Equatable {
        /// Patterns stored. 8 as notebook 000 (2 for recall, the BrainPy notebook's 4 and 9).
        public var count = 8
        /// Notebook 000's enriched algorithm by default: maximally dissimilar memories.
        public var select: Selection = .maxmin

        /// The default section of a task (recall stores 2 memories).
        init(task: Task) {
            if task == .recall { count = 2 }
        }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = MemoriesSection(task: .classify), recall = MemoriesSection(task: .recall)
            return [
                ConfigKey("count", in: "memories", .integer(1...100_000), default: .int(d.count), defaultText: "\(d.count) (recall: \(recall.count))",
                          "patterns stored; balanced over classes, the remainder one each to the first classes in label order"),
                ConfigKey("select", in: "memories", .choice(Selection.allCases.map(\.rawValue)), default: .string(d.select.rawValue),
                          "`maxmin` (smallest pairwise dissimilarity 1 − \\|overlap\\|/N as large as possible), `random`, `first`"),
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> MemoriesSection {
            var memories = MemoriesSection(task: task)
            guard let value else { return memories }
            if task == .capacity { throw ConfigError(path: "memories", "the capacity task stores capacity.patterns random patterns") }
            var r = try ObjectReader(value, path: "memories")
            memories.count = try r.int(keys["count"]) ?? memories.count
            memories.select = try r.choice(keys["select"], as: Selection.self) ?? memories.select
            try r.finish()
            return memories
        }

        var json: JSONValue { .object([("count", .int(count)), ("select", .string(select.rawValue))]) }
    }
}
