import Hopfield

/// One shared k×k kernel and bias for every pixel, trained by the pocket perceptron rule (`ConvolutionNetwork`).
public struct ConvRule: TrainedRuleDefinition {
    /// `conv`.
    public static let name = "conv"
    /// What the rule is.
    public static let summary = "One shared k×k kernel and bias for every pixel, trained by the pocket perceptron rule."
    /// The field and the training.
    public static let formula = "h_i = Σ_{d ≠ 0} K_d s_{i+d} + b; pocket perceptron on every neighbourhood"
    /// `kernel`, `margin`, `maxEpochs`.
    public static let keys: [ConfigKey] = [
        key("kernel", .integer(3...31), .int(defaults.kernelSize), "the kernel's side, odd"),
        key("margin", .number(0...1000), .double(defaults.margin), "stability margin κ, in units of the weight vector's norm"),
        key("maxEpochs", .integer(1...100_000), .int(defaults.maxEpochs), "the most training epochs")
    ]
    static let defaults = ConvolutionNetwork.Options()

    /// The training options.
    public var options = ConvRule.defaults

    /// The rule at its defaults.
    public init() {}
    /// The rule with the given kernel (odd), margin and epochs.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        if let kernel = try keys.int(Self.keys["kernel"]) {
            if kernel % 2 == 0 { throw ConfigError(path: "network.kernel", "must be odd (the kernel is centred on the pixel)") }
            options.kernelSize = kernel
        }
        options.margin = try keys.number(Self.keys["margin"]) ?? options.margin
        options.maxEpochs = try keys.int(Self.keys["maxEpochs"]) ?? options.maxEpochs
    }

    /// `kernel`, `margin`, `maxEpochs`.
    public var json: [(String, JSONValue)] {
        [("kernel", .int(options.kernelSize)), ("margin", .double(options.margin)), ("maxEpochs", .int(options.maxEpochs))]
    }

    /// The kernel and its training.
    public var weightsConvention: String {
        let o = options
        return
            "shared \(o.kernelSize)×\(o.kernelSize) kernel (centre excluded) and bias, pocket perceptron rule on every neighbourhood, margin κ = \(Format.exact(o.margin)), \(o.maxEpochs) epochs"
    }

    /// Images only: not random patterns nor feature codes; not every training image.
    public func check(_ config: ExperimentConfig) throws(ConfigError) {
        if config.features.isActive {
            throw ConfigError(path: "network.rule", "conv slides a kernel over an image's rows and columns: feature codes are not images")
        }
        if config.usesRandomPatterns {
            throw ConfigError(path: "network.rule", "conv needs images (its kernel slides over rows and columns): use a dataset")
        }
        try refuseStoringAll(config)
    }

    /// kernel.npy and bias.npy.
    public func savedFiles(neurons: Int) -> [StoredNetwork.SavedFile] {
        [
            StoredNetwork.SavedFile(name: "kernel.npy", descr: "<i4", shape: [options.kernelSize, options.kernelSize]),
            StoredNetwork.SavedFile(name: "bias.npy", descr: "<i4", shape: [1])
        ]
    }

    /// Trained on the `training.side`² images, or loaded from `network.load`; refused when N is
    /// not `training.side`² (the C ABI's memories have no image size: its side is √N).
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        let memories = input.binary!, training = input.training
        if training.side * training.side != memories.neurons {
            throw ConfigError(path: "network.rule", "conv slides a kernel over square images: N = \(memories.neurons) is not a square")
        }
        if training.load != nil {
            let files = savedFiles(neurons: memories.neurons)
            let network = ConvolutionNetwork(
                memories: memories, side: training.side, kernelSize: options.kernelSize, kernel: try training.int32(files[0]),
                bias: try training.int32(files[1])[0])
            return StoredNetwork.Built(kind: .binary(.conv(network)))
        }
        let (network, log) = ConvolutionNetwork.train(
            memories, side: training.side, options: options, seed: training.seed, observer: training.observer)
        return StoredNetwork.Built(kind: .binary(.conv(network)), trainingLog: log)
    }
}
