import Imaging

extension ExperimentConfig {
    /// `dataset`: the folder of class folders a classify or recall run reads.
    public struct DatasetSection: Sendable, Equatable {
        /// A folder of class folders, relative to the working directory (or absolute).
        public var path: String
        /// Classes to use, in label order; nil: every class folder, sorted.
        public var classes: [String]?
        /// The first K files of each class (sorted order); nil: all.
        public var limitPerClass: Int?
        /// A second folder with the same class folders whose images are the test split (an
        /// official split, as Fashion-MNIST's 10,000 test images); `path` is then the training
        /// split and `split` is not used. Classify only.
        public var test: String?
        /// Images whose header claims more pixels are refused before anything is allocated
        /// (64 megapixels: larger than any camera photo, smaller than a decompression bomb).
        public var maxPixels: UInt64 = DecodeOptions.defaultMaxPixels

        /// A section reading `path`, every other key at its default.
        public init(path: String) { self.path = path }

        /// The section's keys.
        public static let keys: [ConfigKey] = [
            ConfigKey(
                "path", in: "dataset", .string(nonEmpty: true), defaultText: "required (not for capacity)",
                "a folder of class folders"),
            ConfigKey(
                "classes", in: "dataset", .list(.string(nonEmpty: true)), defaultText: "all, sorted",
                "classes to use; their order sets the labels"),
            ConfigKey(
                "limitPerClass", in: "dataset", .integer(1...10_000_000), defaultText: "all",
                "the first K files of each class (sorted order)"),
            ConfigKey(
                "test", in: "dataset", .string(nonEmpty: true), defaultText: "none",
                "a folder with the same class folders: its images are the test split, `path`'s the training split (classify; `split` unused)"
            ),
            ConfigKey(
                "maxPixels", in: "dataset", .integer(1...Int(Int32.max) * 64), default: .number(String(DecodeOptions.defaultMaxPixels)),
                "images whose header claims more are refused")
        ]

        static func decode(_ value: JSONValue?, task: Task, random: Bool) throws(ConfigError) -> DatasetSection? {
            guard let value else {
                if random { return nil }
                let or = task.splitsDataset ? "" : ", or random `patterns`"
                throw ConfigError(path: "dataset", "is required for the \(task.rawValue) task (a folder of class folders\(or))")
            }
            if task.drawsRandomPatterns { throw ConfigError(path: "dataset", "the \(task) task uses random patterns, not a dataset") }
            if random { throw ConfigError(path: "dataset", "the run stores random `patterns`: give a dataset or patterns, not both") }
            var r = try ObjectReader(value, path: "dataset")
            guard let path = try r.path(keys["path"]) else { throw ConfigError(path: "dataset.path", "is required") }
            var section = DatasetSection(path: path)
            if let classes = try r.array(keys["classes"]) {
                var names: [String] = []
                for (k, c) in classes.enumerated() {
                    guard case .string(let s) = c, !s.isEmpty else {
                        throw ConfigError(path: "dataset.classes[\(k)]", "expected a class name (a string)")
                    }
                    if names.contains(s) { throw ConfigError(path: "dataset.classes[\(k)]", "\"\(s)\" is listed twice") }
                    names.append(s)
                }
                if task.splitsDataset && names.count < 2 {
                    throw ConfigError(path: "dataset.classes", "classification needs at least 2 classes")
                }
                section.classes = names
            }
            section.limitPerClass = try r.int(keys["limitPerClass"])
            section.test = try r.path(keys["test"])
            if section.test != nil && !task.splitsDataset {
                throw ConfigError(path: "dataset.test", "a test folder is a split: the \(task) task does not split its dataset")
            }
            if let m = try r.int(keys["maxPixels"]) { section.maxPixels = UInt64(m) }
            try r.finish()
            return section
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("path", .string(path))]
            if let classes { pairs.append(("classes", .array(classes.map { .string($0) }))) }
            if let limitPerClass { pairs.append(("limitPerClass", .int(limitPerClass))) }
            if let test { pairs.append(("test", .string(test))) }
            pairs.append(("maxPixels", .number(String(maxPixels))))
            return .object(pairs)
        }
    }
}
