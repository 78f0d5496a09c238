import Hopfield

/// One perceptron per neuron (Gardner 1988), trained until every pattern is stable (`PerceptronNetwork`).
public struct PerceptronRule: TrainedRuleDefinition {
    /// `perceptron`.
    public static let name = "perceptron"
    /// What the rule is.
    public static let summary = "One perceptron per neuron (Gardner 1988), trained until every pattern is stable."
    /// The training condition.
    public static let formula = "x_i^μ (Σ_j W_ij x_j^μ + b_i) ≥ κ ‖(W_i·, b_i)‖ for every μ, i; asymmetric W"
    /// `margin` and `maxEpochs`.
    public static let keys: [ConfigKey] = [
        key("margin", .number(0...1000), .double(defaults.margin), "stability margin κ, in units of the weight vector's norm"),
        key(
            "maxEpochs", .integer(1...100_000), .int(defaults.maxEpochs),
            "the most training epochs (it stops early once every pattern has the margin)")
    ]
    static let defaults = PerceptronNetwork.Options()

    /// The training options.
    public var options = PerceptronRule.defaults

    /// The rule at its defaults.
    public init() {}
    /// The rule with the given margin and epochs.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        options.margin = try keys.number(Self.keys["margin"]) ?? options.margin
        options.maxEpochs = try keys.int(Self.keys["maxEpochs"]) ?? options.maxEpochs
    }

    /// `margin`, `maxEpochs`.
    public var json: [(String, JSONValue)] { [("margin", .double(options.margin)), ("maxEpochs", .int(options.maxEpochs))] }

    /// The training.
    public var weightsConvention: String {
        "perceptron rule per neuron (asymmetric W, biases), margin κ = \(Format.exact(options.margin)), at most \(options.maxEpochs) epochs"
    }

    /// N×N couplings, set by `image.size`.
    public func estimatedSize(_ config: ExperimentConfig) -> (neurons: Int, memories: Int, key: String)? {
        (config.neurons, config.memories.count, "image.size")
    }

    /// Two copies of the N×N integer couplings.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        NetworkFootprint.Part(bytes: NetworkFootprint.product(n, n, 8), largest: "N×N Int32 couplings (two copies)")
    }

    /// weights.npy and biases.npy.
    public func savedFiles(neurons n: Int) -> [StoredNetwork.SavedFile] {
        [
            StoredNetwork.SavedFile(name: "weights.npy", descr: "<i4", shape: [n, n]),
            StoredNetwork.SavedFile(name: "biases.npy", descr: "<i4", shape: [n])
        ]
    }

    /// Trained, or loaded from `network.load`.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        let memories = input.binary!, training = input.training
        if training.load != nil {
            let files = savedFiles(neurons: memories.neurons)
            let network = PerceptronNetwork(memories: memories, weights: try training.int32(files[0]), biases: try training.int32(files[1]))
            return StoredNetwork.Built(kind: .binary(.perceptron(network)))
        }
        let (network, log) = PerceptronNetwork.train(
            memories, options: options, seed: training.seed, jobs: training.jobs, observer: training.observer)
        return StoredNetwork.Built(kind: .binary(.perceptron(network)), trainingLog: log)
    }
}
