extension ExperimentConfig {
    /// When a start counts as recalled (`basins.criterion`).
    public enum BasinCriterion: String, Sendable, CaseIterable {
        /// The final state is the memory itself, bit for bit.
        case exact
        /// The final state's overlap m = x^μ·s/N with the memory is at least `basins.overlap`.
        case overlap
    }

    /// `basins` (basins task only): how each memory's basin radius is searched.
    ///
    /// The radius is the largest fraction of flipped bits from which the memory is still recalled:
    /// a bisection over the number of flipped bits k in 0…⌊N/2⌋ + 1 (0 assumed inside, beyond N/2
    /// outside), each level tried from `trials` starts (k distinct bits flipped at random) and
    /// inside when at least `quorum` of them succeed.
    public struct BasinsSection: Sendable, Equatable {
        /// 8 starts per level: a quorum of one half is then decided within about ±18% of the
        /// level's true success rate, and a load grid of three rules stays within seconds.
        public var trials = 8
        /// 8 halvings of 0…N/2: exact to one bit for N ≤ 512, and to N/512 beyond.
        public var steps = 8
        /// Exact recall by default: the criterion of the capacity literature's basins.
        public var criterion: BasinCriterion = .exact
        /// `overlap`: m ≥ 0.9, above the overlap of the spurious mixtures (0.5 for 3-mixtures) and
        /// below the Hebbian retrieval state's 0.97 near α_c.
        public var overlap = 0.9
        /// A level is inside the basin when at least half its starts succeed: the radius is then
        /// where the recall probability falls through one half.
        public var quorum = 0.5

        /// The default section.
        public init() {}

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = BasinsSection()
            return [
                ConfigKey("trials", in: "basins", .integer(1...10_000), default: .int(d.trials), "seeded starts per flip level"),
                ConfigKey(
                    "steps", in: "basins", .integer(1...40), default: .int(d.steps),
                    "bisection steps over the flipped bits 0…N/2 (each halves the interval; stops early at one bit)"),
                ConfigKey(
                    "criterion", in: "basins", .choice(BasinCriterion.allCases.map(\.rawValue)), default: .string(d.criterion.rawValue),
                    "a start is recalled when it ends `exact`ly on the memory, or with `overlap` ≥ `basins.overlap`"),
                ConfigKey(
                    "overlap", in: "basins", .number(-1...1), default: .double(d.overlap),
                    "`criterion: overlap`: the least overlap m = x·s/N"),
                ConfigKey(
                    "quorum", in: "basins", .number(0...1), default: .double(d.quorum), "share of a level's starts that must be recalled")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> BasinsSection? {
            guard let value else { return task == .basins ? BasinsSection() : nil }
            if task != .basins { throw ConfigError(path: "basins", "is only used by the basins task") }
            var r = try ObjectReader(value, path: "basins")
            var b = BasinsSection()
            b.trials = try r.int(keys["trials"]) ?? b.trials
            b.steps = try r.int(keys["steps"]) ?? b.steps
            b.criterion = try r.choice(keys["criterion"], as: BasinCriterion.self) ?? b.criterion
            if let overlap = try r.number(keys["overlap"]) {
                if b.criterion != .overlap { throw ConfigError(path: "basins.overlap", "is only used with \"criterion\": \"overlap\"") }
                b.overlap = overlap
            }
            b.quorum = try r.number(keys["quorum"]) ?? b.quorum
            if b.quorum == 0 { throw ConfigError(path: "basins.quorum", "must be above 0 (0 would put every level inside)") }
            try r.finish()
            return b
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [
                ("trials", .int(trials)), ("steps", .int(steps)), ("criterion", .string(criterion.rawValue))
            ]
            if criterion == .overlap { pairs.append(("overlap", .double(overlap))) }
            pairs.append(("quorum", .double(quorum)))
            return .object(pairs)
        }
    }
}
