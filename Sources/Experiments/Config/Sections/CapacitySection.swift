extension ExperimentConfig {
    /// `capacity` (capacity task only): random patterns, how many, how often.
    public struct CapacitySection: Sendable, Equatable {
        /// N = 1024: large enough for the theory's N → ∞ limits to show, small enough for seconds.
        public var neurons = 1024
        /// Numbers of stored patterns P (or `loads` α = P/N, converted with rounding): loads
        /// 0.02 … 0.3 of 1024, around the critical load 0.138.
        public var patterns: [Int] = [20, 51, 102, 123, 141, 154, 184, 205, 307]
        /// Fresh random patterns per P: 3 gives a spread without tripling a run's time again.
        public var trials = 3

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = CapacitySection()
            return [
                ConfigKey("neurons", in: "capacity", .integer(4...65_536), default: .int(d.neurons), "N"),
                ConfigKey(
                    "patterns", in: "capacity", .list(.integer(1...65_536)), default: .array(d.patterns.map { .int($0) }),
                    defaultText: "20 … 307", "P, the numbers of stored patterns (or give `loads`)"),
                ConfigKey("loads", in: "capacity", .list(.number(0...1)), defaultText: "—", "α = P/N (instead of `patterns`)"),
                ConfigKey("trials", in: "capacity", .integer(1...10_000), default: .int(d.trials), "fresh random patterns per P")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> CapacitySection? {
            guard let value else { return task == .capacity ? CapacitySection() : nil }
            if task != .capacity { throw ConfigError(path: "capacity", "is only used by the capacity task") }
            var r = try ObjectReader(value, path: "capacity")
            var c = CapacitySection()
            c.neurons = try r.int(keys["neurons"]) ?? c.neurons
            let patterns = try r.array(keys["patterns"])
            let loads = try r.array(keys["loads"])
            if patterns != nil && loads != nil { throw ConfigError(path: "capacity.loads", "give patterns or loads, not both") }
            if let patterns {
                c.patterns = []
                for (k, v) in patterns.enumerated() {
                    c.patterns.append(try ObjectReader.int(v, path: "capacity.patterns[\(k)]", in: 1...c.neurons))
                }
            } else if let loads {
                c.patterns = []
                for (k, v) in loads.enumerated() {
                    let alpha = try ObjectReader.number(v, key: keys["loads"], path: "capacity.loads[\(k)]")
                    let p = Int((alpha * Double(c.neurons)).rounded(.toNearestOrAwayFromZero))
                    if p < 1 { throw ConfigError(path: "capacity.loads[\(k)]", "\(Format.exact(alpha))·N rounds to no pattern") }
                    c.patterns.append(p)
                }
            } else {
                c.patterns = c.patterns.filter { $0 <= c.neurons }
            }
            c.trials = try r.int(keys["trials"]) ?? c.trials
            try r.finish()
            return c
        }

        var json: JSONValue {
            .object([("neurons", .int(neurons)), ("patterns", .array(patterns.map { .int($0) })), ("trials", .int(trials))])
        }
    }
}
