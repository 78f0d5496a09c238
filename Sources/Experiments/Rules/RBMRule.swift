import Hopfield

/// A restricted Boltzmann machine with ±1 units trained by contrastive divergence (notebook 003; `RBMNetwork`).
public struct RBMRule: TrainedRuleDefinition {
    /// `rbm`.
    public static let name = "rbm"
    /// What the rule is.
    public static let summary = "A restricted Boltzmann machine with ±1 units trained by contrastive divergence (notebook 003)."
    /// The model, its training and its update.
    public static let formula = "p(v, h) ∝ exp(vᵀW h + aᵀv + bᵀh), CD-k; v ← sign(W tanh(Wᵀv + b) + a)"
    /// The training options.
    public static let keys: [ConfigKey] = [
        key("hidden", .integer(1...100_000), .int(defaults.hidden), "hidden units"),
        key("epochs", .integer(1...100_000), .int(defaults.epochs), "training epochs"),
        key("learningRate", .positive, .double(defaults.learningRate), "the contrastive-divergence learning rate"),
        key("batchSize", .integer(1...100_000), .int(defaults.batchSize), "patterns per mini-batch"),
        key("cdSteps", .integer(1...1000), .int(defaults.cdSteps), "k of CD-k"),
        key(
            "recall", .choice(RBMNetwork.Recall.allCases.map(\.rawValue)), .string(defaults.recall.rawValue),
            "`mean-field`, or `sampled` (Gibbs steps first)"),
        key("samplingSteps", .integer(0...100_000), .int(defaults.samplingSteps), "Gibbs steps before mean field when recall is sampled")
    ]
    /// Every visible unit at once.
    public static let usesUpdateOrder = false
    static let defaults = RBMNetwork.Options()

    /// The training options.
    public var options = RBMRule.defaults

    /// The rule at its defaults.
    public init() {}
    /// The rule with the given options.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        options.hidden = try keys.int(Self.keys["hidden"]) ?? options.hidden
        options.epochs = try keys.int(Self.keys["epochs"]) ?? options.epochs
        options.learningRate = try keys.number(Self.keys["learningRate"]) ?? options.learningRate
        options.batchSize = try keys.int(Self.keys["batchSize"]) ?? options.batchSize
        options.cdSteps = try keys.int(Self.keys["cdSteps"]) ?? options.cdSteps
        options.recall = try keys.choice(Self.keys["recall"], as: RBMNetwork.Recall.self) ?? options.recall
        options.samplingSteps = try keys.int(Self.keys["samplingSteps"]) ?? options.samplingSteps
    }

    /// Every option.
    public var json: [(String, JSONValue)] {
        let o = options
        return [
            ("hidden", .int(o.hidden)), ("epochs", .int(o.epochs)), ("learningRate", .double(o.learningRate)),
            ("batchSize", .int(o.batchSize)), ("cdSteps", .int(o.cdSteps)), ("recall", .string(o.recall.rawValue)),
            ("samplingSteps", .int(o.samplingSteps))
        ]
    }

    /// The machine and its training.
    public var weightsConvention: String {
        let o = options
        return
            "RBM with ±1 units, \(o.hidden) hidden, CD-\(o.cdSteps), \(o.epochs) epochs, learning rate \(Format.exact(o.learningRate)), batch \(o.batchSize); recall \(o.recall.rawValue)"
    }

    /// Through the hidden layer, after Gibbs steps when sampled.
    public func updateConvention(_ mode: UpdateMode) -> String {
        "all visible units at once through the hidden layer (v ← sign(W tanh(Wᵀv + b) + a))"
            + (options.recall == .sampled ? ", after \(options.samplingSteps) Gibbs steps seeded from the image's stream" : "")
    }

    /// N×hidden weights, set by `network.hidden`.
    public func estimatedSize(_ config: ExperimentConfig) -> (neurons: Int, memories: Int, key: String)? {
        (config.neurons, config.memories.count, "network.hidden")
    }

    /// Three copies of the N×hidden weights, and the memories.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        NetworkFootprint.Part(
            bytes: NetworkFootprint.sum(NetworkFootprint.product(n, options.hidden, 24), NetworkFootprint.product(p, n, 8)),
            largest: "N×hidden real weights (three copies)")
    }

    /// weights.npy and the two biases.
    public func savedFiles(neurons n: Int) -> [StoredNetwork.SavedFile] {
        [
            StoredNetwork.SavedFile(name: "weights.npy", descr: "<f8", shape: [n, options.hidden]),
            StoredNetwork.SavedFile(name: "visible-bias.npy", descr: "<f8", shape: [n]),
            StoredNetwork.SavedFile(name: "hidden-bias.npy", descr: "<f8", shape: [options.hidden])
        ]
    }

    /// Trained, or loaded from `network.load`.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        let memories = input.binary!, training = input.training
        if training.load != nil {
            let files = savedFiles(neurons: memories.neurons)
            let network = RBMNetwork(
                memories: memories, hidden: options.hidden, weights: try training.float64(files[0]),
                visibleBias: try training.float64(files[1]), hiddenBias: try training.float64(files[2]), recall: options.recall,
                samplingSteps: options.samplingSteps)
            return StoredNetwork.Built(kind: .rbm(network))
        }
        let (network, log) = RBMNetwork.train(
            memories, options: options, seed: training.seed, jobs: training.jobs, observer: training.observer)
        return StoredNetwork.Built(kind: .rbm(network), trainingLog: log)
    }
}
