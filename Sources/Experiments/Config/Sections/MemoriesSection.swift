extension ExperimentConfig {
    /// How the stored patterns are chosen among the candidate images.
    public enum Selection: String, Sendable, CaseIterable {
        /// Balanced per class, smallest pairwise dissimilarity as large as possible.
        case maxmin
        /// Balanced per class, uniformly at random (seeded).
        case random
        /// Balanced per class, the first images in sorted order.
        case first
        /// Per class, k-medoids: the most central image of each of k clusters (`ClusterSelection`).
        case prototypes
        /// Per class, k-means: the binarized means of k clusters (`ClusterSelection`).
        case means
    }

    /// `memories`: how many patterns are stored and how they are chosen.
    public struct MemoriesSection: Sendable, Equatable {
        /// Patterns stored. 8 as notebook 000 (2 for recall, the BrainPy notebook's 4 and 9).
        /// Ignored when `all` is set.
        public var count = 8
        /// `"count": "all"`: every training image is stored (classify; modern and dense rules only,
        /// the others refuse it for their capacity). `select` is then moot.
        public var all = false
        /// Notebook 000's enriched algorithm by default: maximally dissimilar memories.
        public var select: Selection = .maxmin

        /// The default section of a task (its ``TaskDefinition/defaultMemories``).
        init(task: Task) {
            count = task.defaultMemories
        }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = MemoriesSection(task: .classify)
            let others = Tasks.all.filter { !$0.drawsRandomPatterns && $0.defaultMemories != d.count }
            let defaultText =
                "\(d.count)" + (others.isEmpty ? "" : " (" + others.map { "\($0): \($0.defaultMemories)" }.joined(separator: ", ") + ")")
            return [
                ConfigKey(
                    "count", in: "memories", .either([.integer(1...1_000_000), .choice(["all"])]), default: .int(d.count),
                    defaultText: defaultText,
                    "patterns stored; balanced over classes, the remainder one each to the first classes in label order; `\"all\"`: every training image (classify, modern and dense rules)"
                ),
                ConfigKey(
                    "select", in: "memories", .choice(Selection.allCases.map(\.rawValue)), default: .string(d.select.rawValue),
                    "`maxmin` (smallest pairwise dissimilarity 1 − \\|overlap\\|/N as large as possible, notebook 000), `random`, `first`, `prototypes` (per class the medoids of k clusters: central images), `means` (per class the binarized means of k clusters)"
                )
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task, random: Bool) throws(ConfigError) -> MemoriesSection {
            var memories = MemoriesSection(task: task)
            guard let value else { return memories }
            if task.drawsRandomPatterns {
                throw ConfigError(path: "memories", "the \(task) task stores \(task).patterns random patterns")
            }
            if random { throw ConfigError(path: "memories", "every random pattern is stored (set patterns.count)") }
            var r = try ObjectReader(value, path: "memories")
            if case .string(let text)? = r.value("count") {
                guard text == "all" else {
                    throw ConfigError(path: "memories.count", "expected a whole number or \"all\", found \"\(text)\"")
                }
                if !task.splitsDataset {
                    throw ConfigError(path: "memories.count", "\"all\" stores every training image: \(task) has no training split")
                }
                memories.all = true
            } else {
                memories.count = try ObjectReader.int(r.value("count") ?? .int(memories.count), path: "memories.count", in: 1...1_000_000)
            }
            memories.select = try r.choice(keys["select"], as: Selection.self) ?? memories.select
            try r.finish()
            return memories
        }

        var json: JSONValue { .object([("count", all ? .string("all") : .int(count)), ("select", .string(select.rawValue))]) }
    }
}
