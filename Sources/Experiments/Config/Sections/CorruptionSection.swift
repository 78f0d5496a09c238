extension ExperimentConfig {
    /// How a recall start is made from a stored pattern.
    public enum CorruptionKind: String, Sendable, CaseIterable {
        /// Exactly round(level·N) distinct neurons flipped.
        case flip
        /// Each neuron flipped with probability level.
        case flipEach = "flip-each"
        /// A centred square covering a fraction `level` of the image (or `rect`) set to `value`.
        case mask
        /// Everything but the top-left square set to `value`; level is the fraction hidden
        /// (0.75 keeps the top-left quarter, notebook 001).
        case corner
        /// Each neuron set to `value` with probability level (BrainPy's "Bernoulli noise").
        case bernoulli
        /// Uniformly random ±1 starts (no levels).
        case random
        /// Starts at −x^μ (no levels).
        case negative
        /// Starts at sgn(x^a ± x^b ± x^c) of three memories (no levels).
        case mixture

        /// Whether the kind is applied at `levels`.
        public var usesLevels: Bool { [.flip, .flipEach, .mask, .corner, .bernoulli].contains(self) }
        /// Whether the kind writes `value` into the pattern.
        public var usesValue: Bool { [.mask, .corner, .bernoulli].contains(self) }
    }

    /// `corruption` (recall only): the starts, their levels and repetitions.
    public struct CorruptionSection: Sendable, Equatable {
        /// Flipped bits by default, the notebooks' first corruption.
        public var kind: CorruptionKind = .flip
        /// From no noise to 40%: past 50% flips a pattern is nearer its negation.
        public var levels: [Double] = [0, 0.1, 0.2, 0.3, 0.4]
        /// The value written by mask, corner and bernoulli: −1, 0 (undecided) or +1.
        public var value: Int8 = 1
        /// Repetitions of every level with fresh noise.
        public var trials = 1
        /// mask only: rows r0..<r1, columns c0..<c1 (BrainPy's [7, 20, 8, 25]).
        public var rect: [Int]?

        /// The default section.
        public init() {}

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = CorruptionSection()
            return [
                ConfigKey(
                    "kind", in: "corruption", .choice(CorruptionKind.allCases.map(\.rawValue)), default: .string(d.kind.rawValue),
                    "recall: `flip`, `flip-each`, `mask`, `corner`, `bernoulli` (with `levels`), `random`, `negative`, `mixture` starts"),
                ConfigKey(
                    "levels", in: "corruption", .list(.number(0...1)), default: .array(d.levels.map { .double($0) }),
                    defaultText: "0, 0.1 … 0.4", "fraction flipped / masked / hidden, or probability"),
                ConfigKey(
                    "value", in: "corruption", .integer(-1...1), defaultText: "mask, bernoulli: 1; corner: 0",
                    "what masked neurons become (0 = undecided, set on first visit)"),
                ConfigKey("trials", in: "corruption", .integer(1...100_000), default: .int(d.trials), "repetitions with fresh noise"),
                ConfigKey(
                    "rect", in: "corruption", .list(.integer(0...4096)),
                    "mask: explicit rows/columns `[r0, r1, c0, c1]` (BrainPy's `[7, 20, 8, 25]`)")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> CorruptionSection? {
            guard let value else { return task == .recall ? CorruptionSection() : nil }
            if task != .recall { throw ConfigError(path: "corruption", "is only used by the recall task") }
            var r = try ObjectReader(value, path: "corruption")
            var c = CorruptionSection()
            c.kind = try r.choice(keys["kind"], as: CorruptionKind.self) ?? c.kind
            c.value = c.kind == .corner ? 0 : 1
            if let levels = try r.array(keys["levels"]) {
                if !c.kind.usesLevels { throw ConfigError(path: "corruption.levels", "\"\(c.kind.rawValue)\" starts have no levels") }
                var values: [Double] = []
                for (k, v) in levels.enumerated() {
                    values.append(try ObjectReader.number(v, key: keys["levels"], path: "corruption.levels[\(k)]"))
                }
                c.levels = values
            } else if !c.kind.usesLevels {
                c.levels = []
            }
            if let v = try r.int(keys["value"]) {
                if !c.kind.usesValue { throw ConfigError(path: "corruption.value", "is only used by mask, corner and bernoulli") }
                c.value = Int8(v)
            }
            c.trials = try r.int(keys["trials"]) ?? c.trials
            if let rect = try r.array(keys["rect"]) {
                if c.kind != .mask { throw ConfigError(path: "corruption.rect", "is only used by mask") }
                guard rect.count == 4 else { throw ConfigError(path: "corruption.rect", "expected [r0, r1, c0, c1]") }
                var bounds: [Int] = []
                for (k, v) in rect.enumerated() { bounds.append(try ObjectReader.int(v, path: "corruption.rect[\(k)]", in: 0...4096)) }
                if bounds[0] >= bounds[1] || bounds[2] >= bounds[3] {
                    throw ConfigError(path: "corruption.rect", "needs r0 < r1 and c0 < c1")
                }
                c.rect = bounds
            }
            try r.finish()
            return c
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("kind", .string(kind.rawValue))]
            if kind.usesLevels { pairs.append(("levels", .array(levels.map { .double($0) }))) }
            if kind.usesValue { pairs.append(("value", .int(Int(value)))) }
            if let rect { pairs.append(("rect", .array(rect.map { .int($0) }))) }
            pairs.append(("trials", .int(trials)))
            return .object(pairs)
        }
    }
}
