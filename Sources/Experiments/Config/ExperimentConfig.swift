import Foundation
import Hopfield
import Imaging

/// One experiment, fully resolved (grid values applied, defaults filled in).
///
/// Each section is a type of its own (``ImageSection``, ``NetworkSection``, ...) that lists its
/// keys, decodes itself and writes itself back as JSON; defaults are the sections' initial
/// values, and `Configs/schema.json` and the README's config reference are generated from the
/// same keys (``ConfigSchema``).
public struct ExperimentConfig: Sendable, Equatable {
    /// Names the results folder.
    public var name: String
    /// What the experiment shows.
    public var comment: String?
    /// What the runs do.
    public var task: Task
    /// The dataset (nil for capacity and for random patterns).
    public var dataset: DatasetSection?
    /// Random patterns instead of a dataset (recall, basins; capacity: how its patterns are drawn).
    public var patterns: PatternsSection? = nil
    /// How images become patterns.
    public var image: ImageSection
    /// A feature stage between the image and the memory (none by default).
    public var features: FeaturesSection = FeaturesSection()
    /// Training and test images (classify).
    public var split: SplitSection
    /// Which patterns are stored.
    public var memories: MemoriesSection
    /// The learning rule.
    public var network: NetworkSection
    /// How states are updated.
    public var dynamics: DynamicsSection
    /// The recall starts (recall only).
    public var corruption: CorruptionSection?
    /// Random patterns (capacity only).
    public var capacity: CapacitySection?
    /// The basin search (basins only).
    public var basins: BasinsSection? = nil
    /// Optional files.
    public var outputs: OutputsSection

    /// The neurons of one pattern: size² pixels, or the feature stage's code length.
    public var neurons: Int {
        if task.drawsRandomPatterns { return capacity?.neurons ?? 1024 }
        if let patterns { return patterns.neurons }
        guard features.isActive else { return image.size * image.size }
        if features.codes == .simhash { return features.bits }
        return features.dimension(size: image.size)
    }

    /// Whether the network sees real values (gray levels, or real features with `codes: none`)
    /// rather than ±1 patterns: the baselines then use the class mean and Euclidean distance.
    public var patternsAreRealValued: Bool {
        features.isActive ? features.codes == .none : image.binarize == .none
    }

    /// The side of the square pattern pictures: 0 when patterns are not images (codes of
    /// features, random patterns), so no pattern picture is drawn.
    public var pictureSide: Int {
        usesRandomPatterns || features.isActive ? 0 : image.size
    }

    /// Whether the run's patterns are drawn at random (by the task, or a `patterns` section), not read from a dataset.
    public var usesRandomPatterns: Bool { task.drawsRandomPatterns || patterns != nil }

    /// The patterns a recall or basins run stores: `patterns.count`, or `memories.count` images.
    public var storedCount: Int { patterns?.count ?? memories.count }

    /// The longest `comment`, in characters. Why a limit: the comment is copied into the
    /// results folder's config.json and the report; 10,000 characters is a long page of notes,
    /// while a 100 MB comment once wrote 401 MB.
    public static let maxCommentLength = 10_000

    /// The top-level keys that are not sections.
    public static let keys: [ConfigKey] = [
        ConfigKey(
            "name", in: "", .string(nonEmpty: true), defaultText: "required",
            "results go to `Results/<name>/` (made a safe folder name, with a hash when that changed it); no control characters"),
        ConfigKey(
            "comment", in: "", .string(nonEmpty: false),
            "what the experiment shows (echoed in the report; at most 10,000 characters, not copied into run folders)"),
        ConfigKey(
            "task", in: "", .choice(Task.allCases.map(\.rawValue)), default: .string(Task.classify.rawValue),
            Task.allCases.dropLast().map { "`\($0)`" }.joined(separator: ", ") + " or `\(Task.allCases.last!)`"),
        ConfigKey(
            "seeds", in: "", .list(.integer(0...Int.max)), default: .array([.int(Int(Batch.defaultSeed))]),
            defaultText: "[\(Batch.defaultSeed)]", "one run per seed"),
        ConfigKey("grid", in: "", .object, default: .object([]), defaultText: "{}", "`\"dotted.key\": [values]`")
    ]

    /// The sections in the order they are read and written, with their keys.
    public static let sections: [(name: String, keys: [ConfigKey])] = [
        ("dataset", DatasetSection.keys), ("patterns", PatternsSection.keys), ("image", ImageSection.keys),
        ("features", FeaturesSection.keys), ("split", SplitSection.keys),
        ("memories", MemoriesSection.keys), ("network", NetworkSection.keys), ("dynamics", DynamicsSection.keys),
        ("corruption", CorruptionSection.keys), ("capacity", CapacitySection.keys), ("basins", BasinsSection.keys),
        ("outputs", OutputsSection.keys)
    ]
}

// MARK: - Decoding

extension ExperimentConfig {
    /// Decodes one run's resolved JSON (the config with grid values applied, without `seeds` and
    /// `grid`).
    static func decode(_ root: JSONValue, checkingConsistency: Bool = true) throws(ConfigError) -> ExperimentConfig {
        var top = try ObjectReader(root, path: "")
        guard let name = try top.string("name") else { throw ConfigError(path: "name", "is required (it names the results folder)") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ConfigError(path: "name", "must not be empty") }
        // The name is printed on every progress line: an escape sequence in it would reach the
        // terminal raw (recolouring it, moving the cursor, retitling the window).
        if let control = name.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            let hex = String(control.value, radix: 16, uppercase: true)
            throw ConfigError(
                path: "name",
                "contains the control character U+\(String(repeating: "0", count: max(0, 4 - hex.count)) + hex) (names are printed on the terminal)"
            )
        }
        let comment = try top.string("comment")
        if let comment, comment.count > maxCommentLength {
            throw ConfigError(
                path: "comment",
                "is \(comment.count) characters long, at most \(maxCommentLength) are allowed (keep long notes in a file beside the config)"
            )
        }
        _ = try top.string("$schema")
        let task = try top.choice(keys["task"], as: Task.self) ?? .classify
        let patterns = try PatternsSection.decode(top.value("patterns"), task: task)
        let random = task.drawsRandomPatterns || patterns != nil
        var config = ExperimentConfig(
            name: name, comment: comment, task: task,
            dataset: try DatasetSection.decode(top.value("dataset"), task: task, random: random),
            image: try ImageSection.decode(top.value("image"), task: task, random: random),
            features: try FeaturesSection.decode(top.value("features"), task: task, random: random),
            split: try SplitSection.decode(top.value("split"), task: task),
            memories: try MemoriesSection.decode(top.value("memories"), task: task, random: random),
            network: try NetworkSection.decode(top.value("network")),
            dynamics: try DynamicsSection.decode(top.value("dynamics")),
            corruption: try CorruptionSection.decode(top.value("corruption"), task: task),
            capacity: try CapacitySection.decode(top.value("capacity"), task: task),
            outputs: try OutputsSection.decode(top.value("outputs")))
        config.patterns = patterns
        config.basins = try BasinsSection.decode(top.value("basins"), task: task)
        _ = top.value("seeds")
        _ = top.value("grid")
        try top.finish()
        if checkingConsistency { try config.checkConsistency() }
        return config
    }

    /// Whether `memories.count` images are chosen by `memories.select` (not with `"all"`, nor for the
    /// dam rule, whose memories are trained from every training image).
    public var selectsMemories: Bool {
        if network.rule.isClassifier { return false }
        return !memories.all
    }

    /// Checks that need several sections at once (data-dependent checks come later).
    func checkConsistency() throws(ConfigError) {
        let n = neurons
        if let limit = network.rule.sizeLimit(neurons: n) {
            throw ConfigError(path: "network.rule", task.drawsRandomPatterns ? limit : limit + " (image.size ≤ 90)")
        }
        try checkFeatures()
        if network.readout == .weight && !task.splitsDataset {
            throw ConfigError(path: "network.readout", "\"weight\" names a class: it is a classify read-out")
        }
        try MemoryEstimate.check(self)
        if image.binarize == .none && !network.rule.acceptsGrayLevels && !features.isActive {
            throw ConfigError(path: "image.binarize", "\"none\" gives continuous patterns: only the modern and dam rules take them")
        }
        try network.rule.check(self)
        try checkCorruption()
        try task.check(self)
        if dynamics.temperature > 0 && !network.rule.supportsTemperature {
            let rules = Rules.all.filter(\.supportsTemperature).map(\.name)
            throw ConfigError(
                path: "dynamics.temperature",
                "Glauber dynamics are defined here for \(rules.joined(separator: ", ")) (whose fields have a known scale), not \(network.rule.name)"
            )
        }
    }

    /// Corruptions that the patterns and the stored count allow.
    private func checkCorruption() throws(ConfigError) {
        guard let c = corruption else { return }
        if c.kind == .mixture && storedCount < 3 {
            throw ConfigError(
                path: "corruption.kind",
                "mixture starts need at least 3 memories (\(patterns == nil ? "memories" : "patterns").count is \(storedCount))")
        }
        if c.rect != nil, patterns != nil {
            throw ConfigError(path: "corruption.rect", "random patterns have no rows and columns")
        }
        if (c.kind == .corner || c.kind == .mask) && patterns != nil {
            throw ConfigError(
                path: "corruption.kind", "\(c.kind.rawValue) hides a part of an image: random patterns have no rows and columns")
        }
        if let rect = c.rect, rect[1] > image.size || rect[3] > image.size {
            throw ConfigError(path: "corruption.rect", "reaches beyond the \(image.size)×\(image.size) image")
        }
    }
}

// MARK: - Encoding

extension ExperimentConfig {
    /// The resolved config as JSON (every default written out), for `<run>/config.json`.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(name))]
        if let comment { pairs.append(("comment", .string(comment))) }
        pairs.append(("task", .string(task.rawValue)))
        if let dataset { pairs.append(("dataset", dataset.json)) }
        if let patterns { pairs.append(("patterns", patterns.json(task: task))) }
        if !usesRandomPatterns { pairs.append(("image", image.json)) }
        // Written only when there is a feature stage, so configs without one keep their identity.
        if features.isActive { pairs.append(("features", features.json)) }
        if task.splitsDataset { pairs.append(("split", split.json)) }
        if !usesRandomPatterns { pairs.append(("memories", memories.json)) }
        pairs.append(("network", network.json))
        pairs.append(("dynamics", dynamics.json(usesUpdateOrder: network.rule.usesUpdateOrder)))
        if let corruption { pairs.append(("corruption", corruption.json)) }
        if let capacity { pairs.append(("capacity", capacity.json)) }
        if let basins { pairs.append(("basins", basins.json)) }
        pairs.append(("outputs", outputs.json))
        return .object(pairs)
    }
}
