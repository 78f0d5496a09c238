import Hopfield

extension ExperimentConfig {
    /// Where random patterns come from (`patterns.source`).
    public enum PatternSource: String, Sendable, CaseIterable {
        /// Independent bits, +1 with probability (1 + bias)/2.
        case random
        /// Children of one random parent, each bit of the parent flipped with probability `flip`.
        case correlated
    }

    /// `patterns` (recall, basins, capacity): random patterns instead of a dataset folder, drawn
    /// from the run's seed (`RunStreams`, purpose "patterns"), never from scheduling.
    public struct PatternsSection: Sendable, Equatable {
        /// Independent unbiased bits: the patterns of the theory (Amit, Gutfreund, Sompolinsky).
        public var source: PatternSource = .random
        /// N = 200: large enough for the load picture to show, small enough for a sweep of loads in seconds.
        public var neurons = 200
        /// P = 10 (load 0.05 at N = 200), well inside the Hebbian rule's retrieval phase.
        public var count = 10
        /// Unbiased: the mean activity of the bits (−1 < bias < 1).
        public var bias = 0.0
        /// `correlated`: 0.2 flips make children overlap by 0.36 on average, the regime where the
        /// Hebbian rule starts to merge them.
        public var flip = 0.2

        /// The default section.
        public init() {}

        /// The family the patterns are drawn from.
        public var family: PatternFamily {
            source == .correlated ? .correlated(bias: bias, flip: flip) : .independent(bias: bias)
        }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = PatternsSection()
            return [
                ConfigKey(
                    "source", in: "patterns", .choice(PatternSource.allCases.map(\.rawValue)), default: .string(d.source.rawValue),
                    "`random` (independent bits) or `correlated` (children of one random parent); recall and basins use them instead of `dataset`, capacity draws its patterns so"
                ),
                ConfigKey(
                    "neurons", in: "patterns", .integer(4...65_536), default: .int(d.neurons),
                    "N (recall, basins; capacity: `capacity.neurons`)"),
                ConfigKey("count", in: "patterns", .integer(1...65_536), default: .int(d.count), "P, the patterns stored (or give `load`)"),
                ConfigKey("load", in: "patterns", .number(0...1), defaultText: "—", "α = P/N (instead of `count`; P rounded)"),
                ConfigKey(
                    "bias", in: "patterns", .number(-1...1), default: .int(0),
                    "mean activity: each bit is +1 with probability (1 + bias)/2 (−1 < bias < 1)"),
                ConfigKey(
                    "flip", in: "patterns", .number(0...0.5), default: .double(d.flip),
                    "`correlated`: each child is the parent with each bit flipped with this probability")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> PatternsSection? {
            guard let value else { return nil }
            if task.splitsDataset {
                let others = Tasks.all.filter { !$0.splitsDataset }.map(\.rawValue)
                throw ConfigError(
                    path: "patterns", "\(task) needs labelled images: random patterns are for \(others.joined(separator: ", "))")
            }
            var r = try ObjectReader(value, path: "patterns")
            var p = PatternsSection()
            p.source = try r.choice(keys["source"], as: PatternSource.self) ?? p.source
            let neurons = try r.int(keys["neurons"]), count = try r.int(keys["count"]), load = try r.number(keys["load"])
            if task.drawsRandomPatterns,
                let given = neurons.map({ _ in "neurons" }) ?? count.map({ _ in "count" }) ?? load.map({ _ in "load" })
            {
                throw ConfigError(path: "patterns.\(given)", "\(task) sets N and P in \(task).neurons and \(task).patterns")
            }
            p.neurons = neurons ?? p.neurons
            if count != nil && load != nil { throw ConfigError(path: "patterns.load", "give count or load, not both") }
            if let load {
                p.count = Int((load * Double(p.neurons)).rounded(.toNearestOrAwayFromZero))
                if p.count < 1 { throw ConfigError(path: "patterns.load", "\(Format.exact(load))·N rounds to no pattern") }
            } else {
                p.count = count ?? p.count
            }
            p.bias = try r.number(keys["bias"]) ?? p.bias
            if abs(p.bias) >= 1 {
                throw ConfigError(path: "patterns.bias", "must be between −1 and 1 exclusive (±1 makes every pattern the same)")
            }
            if let flip = try r.number(keys["flip"]) {
                if p.source != .correlated { throw ConfigError(path: "patterns.flip", "is only used with \"source\": \"correlated\"") }
                p.flip = flip
            }
            try r.finish()
            return p
        }

        /// The section as a run's config.json has it (N and P only where they are used).
        func json(task: Task) -> JSONValue {
            var pairs: [(String, JSONValue)] = [("source", .string(source.rawValue))]
            if !task.drawsRandomPatterns { pairs += [("neurons", .int(neurons)), ("count", .int(count))] }
            pairs.append(("bias", .double(bias)))
            if source == .correlated { pairs.append(("flip", .double(flip))) }
            return .object(pairs)
        }
    }
}
