extension ExperimentConfig {
    /// `split` (classify only): how many usable images train and how many test.
    public struct SplitSection: Sendable, Hashable {
        /// Half the images train by default.
        public var train: Amount = .fraction(0.5)
        /// Half the images test by default.
        public var test: Amount = .fraction(0.5)
        /// Each class split in proportion (true), or one shuffle of all images redrawn until every
        /// class is in both splits, as the notebook's loop did (false).
        public var stratify = true
        /// Training images held out for validation (a count or a fraction of the training
        /// split), stratified and seeded; none by default. Memories come from the rest; the
        /// validation images are converged and tallied as the split "validation".
        public var validation: Amount?
        /// The summary metric that picks one grid point per seed on the validation split (needs
        /// `validation`); the test split is never used to choose.
        public var select: SelectMetric?

        /// What `split.select` maximises on the validation split.
        public enum SelectMetric: String, Sendable, CaseIterable {
            /// Converged to a memory of the image's own class.
            case accuracy
            /// The nearest memory's class (retrieval without dynamics).
            case nearestAccuracy
        }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = SplitSection()
            return [
                ConfigKey(
                    "train", in: "split", .amount, default: d.train.json, defaultText: "0.5",
                    "a count (whole number) or a fraction (with a decimal point)"),
                ConfigKey(
                    "test", in: "split", .amount, default: d.test.json, defaultText: "0.5",
                    "a count (whole number) or a fraction (with a decimal point)"),
                ConfigKey(
                    "stratify", in: "split", .boolean, default: .bool(d.stratify),
                    "per-class proportions; false = one shuffle redrawn until every class is in both splits (the notebook's loop)"),
                ConfigKey(
                    "validation", in: "split", .amount, default: nil, defaultText: "—",
                    "training images held out for validation (count or fraction of the training split)"),
                ConfigKey(
                    "select", in: "split", .choice(SelectMetric.allCases.map(\.rawValue)), default: nil, defaultText: "—",
                    "pick one grid point per seed by this validation metric (`accuracy`, `nearestAccuracy`); test reported for it")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task) throws(ConfigError) -> SplitSection {
            var split = SplitSection()
            guard let value else { return split }
            if !task.splitsDataset {
                let splitting = Tasks.all.filter { $0.splitsDataset }.map { $0.rawValue }.joined(separator: ", ")
                throw ConfigError(path: "split", "the \(task) task does not split its dataset (only \(splitting) does)")
            }
            var r = try ObjectReader(value, path: "split")
            if let v = r.value("train") { split.train = try Amount.decode(v, path: "split.train") }
            if let v = r.value("test") { split.test = try Amount.decode(v, path: "split.test") }
            split.stratify = try r.bool(keys["stratify"]) ?? split.stratify
            if let v = r.value("validation") { split.validation = try Amount.decode(v, path: "split.validation") }
            split.select = try r.choice(keys["select"], as: SelectMetric.self)
            try r.finish()
            if split.select != nil && split.validation == nil {
                throw ConfigError(path: "split.select", "chooses on the validation split: set split.validation too")
            }
            if case .fraction(let f)? = split.validation, f >= 1 {
                throw ConfigError(
                    path: "split.validation", "a fraction of the training split must be below 1 (memories come from the rest)")
            }
            if case .fraction(let a) = split.train, case .fraction(let b) = split.test, a + b > 1 + 1e-12 {
                throw ConfigError(path: "split", "train and test fractions add up to \(Format.exact(a + b)), more than 1")
            }
            return split
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("train", train.json), ("test", test.json), ("stratify", .bool(stratify))]
            if let validation { pairs.append(("validation", validation.json)) }
            if let select { pairs.append(("select", .string(select.rawValue))) }
            return .object(pairs)
        }
    }
}
