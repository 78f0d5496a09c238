import Hopfield

/// Krotov and Hopfield's (2016) dense associative memory classifier (`DenseClassifier`): memories
/// over pixels and class neurons, the class read after one update (the classify task only).
public struct DamRule: TrainedRuleDefinition {
    /// `dam`.
    public static let name = "dam"
    /// What the rule is.
    public static let summary =
        "Krotov and Hopfield's (2016) dense associative memory classifier, trained by gradient descent (classify only)."
    /// The read-out.
    public static let formula =
        "K memories over pixels + class neurons; class = argmax_α Σ_μ F((ξ^μ·off + 2ξ^μ_α)/T) − F(ξ^μ·off/T), F(x) = max(x, 0)ⁿ"
    /// The model and its training.
    public static let keys: [ConfigKey] = [
        key("hidden", .integer(1...100_000), .int(defaults.memories), "its K memories"),
        key("degree", .integer(2...30), .int(defaults.power), "n of F(x) = max(x, 0)ⁿ"),
        key("lossPower", .integer(1...30), .int(defaults.lossPower), "m: the dam loss is Σ_α (c_α − t_α)^(2m)"),
        key("temperature", .positive, .double(defaults.temperature), "T: the dam's F acts on a/T"),
        key("epochs", .integer(1...100_000), .int(defaults.epochs), "training epochs"),
        key("batchSize", .integer(1...100_000), .int(defaults.batchSize), "patterns per mini-batch"),
        key(
            "learningRate", .positive, .double(defaults.learningRate),
            "ε₀, each memory's largest step in the first epoch (decayed by `decay` per epoch)"),
        key(
            "decay", .number(lower: 0, upper: 1, exclusiveLower: true, exclusiveUpper: false), .double(defaults.decay),
            "f: the dam's step is ε₀ fᵉ in epoch e"),
        key(
            "momentum", .number(lower: 0, upper: 1, exclusiveLower: false, exclusiveUpper: true), .double(defaults.momentum),
            "p: the dam's momentum V ← p V − ∇"),
        key("initialSpread", .positive, .double(defaults.initialSpread), "σ: the dam's memories start as N(0, σ²) draws")
    ]
    /// One update of the class neurons.
    public static let usesUpdateOrder = false
    /// Gray levels as well as ±1 patterns.
    public static let acceptsGrayLevels = true
    /// Trained from every training image.
    public static let storesAll = true
    /// A classifier.
    public static let isClassifier = true
    static let defaults = DenseClassifier.Options()

    /// The model and training options.
    public var options = DamRule.defaults

    /// The rule at its defaults.
    public init() {}
    /// The rule with the given options.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        options.memories = try keys.int(Self.keys["hidden"]) ?? options.memories
        options.power = try keys.int(Self.keys["degree"]) ?? options.power
        options.lossPower = try keys.int(Self.keys["lossPower"]) ?? options.lossPower
        options.temperature = try keys.number(Self.keys["temperature"]) ?? options.temperature
        options.epochs = try keys.int(Self.keys["epochs"]) ?? options.epochs
        options.batchSize = try keys.int(Self.keys["batchSize"]) ?? options.batchSize
        options.learningRate = try keys.number(Self.keys["learningRate"]) ?? options.learningRate
        options.decay = try keys.number(Self.keys["decay"]) ?? options.decay
        options.momentum = try keys.number(Self.keys["momentum"]) ?? options.momentum
        options.initialSpread = try keys.number(Self.keys["initialSpread"]) ?? options.initialSpread
    }

    /// Every option.
    public var json: [(String, JSONValue)] {
        let o = options
        return [
            ("hidden", .int(o.memories)), ("degree", .int(o.power)), ("lossPower", .int(o.lossPower)),
            ("temperature", .double(o.temperature)), ("epochs", .int(o.epochs)), ("batchSize", .int(o.batchSize)),
            ("learningRate", .double(o.learningRate)), ("decay", .double(o.decay)), ("momentum", .double(o.momentum)),
            ("initialSpread", .double(o.initialSpread))
        ]
    }

    /// The model and its training.
    public var weightsConvention: String {
        let o = options
        return
            "dense associative memory classifier (Krotov and Hopfield 2016): \(o.memories) memories over pixels and class neurons, F(x) = max(x, 0)^\(o.power) of x = a/T, T = \(Format.exact(o.temperature)); trained on the training split, loss Σ(c − t)^\(2 * o.lossPower), \(o.epochs) epochs, batches of \(o.batchSize), momentum \(Format.exact(o.momentum)), rate \(Format.exact(o.learningRate))·\(Format.exact(o.decay))^epoch, init N(0, \(Format.exact(o.initialSpread))²); Float arithmetic in fixed orders"
    }

    /// One update of the class neurons.
    public func updateConvention(_ mode: UpdateMode) -> String {
        "one update of the class neurons, the pixels clamped (class = argmax_α Σ_μ F(ξ^μ·on_α) − F(ξ^μ·off))"
    }

    /// A task that splits its dataset (classify) only.
    public func check(_ config: ExperimentConfig) throws(ConfigError) {
        if !config.task.splitsDataset {
            throw ConfigError(path: "network.rule", "dam is a classifier (memories trained on a training split): use the classify task")
        }
    }

    /// K×N, set by `network.hidden`.
    public func estimatedSize(_ config: ExperimentConfig) -> (neurons: Int, memories: Int, key: String)? {
        (config.neurons, options.memories, "network.hidden")
    }

    /// P is K, the trained memories: three K×N float32 matrices while training.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        NetworkFootprint.Part(
            bytes: NetworkFootprint.product(p, n, 12), largest: "K×N real memories (three copies: memories, momentum, gradient)")
    }

    /// memories.npy, K × (N + classes) float32, once the classes are known.
    public func checkSaved(folder: String, neurons: Int, classes: Int?) throws {
        guard let classes else { return }
        _ = try NPYReader.float32(joinPath(folder, "memories.npy"), shape: [options.memories, neurons + classes])
    }

    /// Refused: the classifier has no network of stored patterns (`ClassifierTask` trains it).
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        throw StoredNetwork.classifierRefusal(Self.name)
    }
}
