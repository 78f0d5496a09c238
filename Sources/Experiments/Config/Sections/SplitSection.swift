extension ExperimentConfig {
    /// `split` (classify only): how many usable images train and how many test.
    public struct SplitSection: Sendable, Equatable {
        /// Half the images train by default.
        public var train: Amount = .fraction(0.5)
        /// Half the images test by default.
        public var test: Amount = .fraction(0.5)
        /// Each class split in proportion (true), or one shuffle of all images redrawn until every
        /// class is in both splits, as the notebook's loop did (false).
        public var stratify = true

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = SplitSection()
            return [
                ConfigKey("train", in: "split", .amount, default: d.train.json, defaultText: "0.5",
                          "a count (whole number) or a fraction (with a decimal point)"),
                ConfigKey("test", in: "split", .amount, default: d.test.json, defaultText: "0.5",
                          "a count (whole number) or a fraction (with a decimal point)"),
                ConfigKey("stratify", in: "split", .boolean, default: .bool(d.stratify),
                          "per-class proportions; false = one shuffle redrawn until every class is in both splits (the notebook's loop)"),
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> SplitSection {
            var split = SplitSection()
            guard let value else { return split }
            if task != .classify { throw ConfigError(path: "split", "only the classify task splits the dataset") }
            var r = try ObjectReader(value, path: "split")
            if let v = r.value("train") { split.train = try Amount.decode(v, path: "split.train") }
            if let v = r.value("test") { split.test = try Amount.decode(v, path: "split.test") }
            split.stratify = try r.bool(keys["stratify"]) ?? split.stratify
            try r.finish()
            if case .fraction(let a) = split.train, case .fraction(let b) = split.test, a + b > 1 + 1e-12 {
                throw ConfigError(path: "split", "train and test fractions add up to \(Format.exact(a + b)), more than 1")
            }
            return split
        }

        var json: JSONValue { .object([("train", train.json), ("test", test.json), ("stratify", .bool(stratify))]) }
    }
}
