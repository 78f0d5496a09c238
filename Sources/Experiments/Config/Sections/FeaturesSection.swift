import Hopfield
import Imaging

extension ExperimentConfig {
    /// `features`: a representation between the image and the memory. By default the memory
    /// sees the image's pixels; an encoder computes real-valued features from each image
    /// (cached like patterns), and each run turns them into ±1 codes fitted on its training split.
    public struct FeaturesSection: Sendable, Hashable {
        /// What an image becomes.
        public enum EncoderName: String, Sendable, CaseIterable {
            /// The pixels (binarized by `image.binarize`): no feature stage.
            case pixels
            /// Sobel gradient magnitude and orientation of the resized gray image.
            case edges
            /// Histograms of oriented gradients of the resized gray image.
            case hog
            /// EfficientNet-Lite0's ImageNet features of the RGB image at 224×224.
            case cnn
            /// Krotov and Hopfield's (2019) competing hidden units, trained without labels on
            /// each run's training images (gray levels): their currents.
            case competing
        }

        /// How real features become ±1 patterns.
        public enum Codes: String, Sendable, CaseIterable {
            /// +1 where a feature is above its median over the run's training images (every
            /// bit balanced on the training split; test images never shape the code).
            case median
            /// Signs of `bits` seeded random projections of the features centred on the training
            /// split's mean (Charikar's SimHash: Hamming distance tracks the angle).
            case simhash
            /// No code: the features as they are, for the rules that take real values (modern, dam).
            case none
        }

        /// No feature stage by default: patterns are the binarized pixels, as in the notebooks.
        public var encoder: EncoderName = .pixels
        /// Median codes by default: balanced bits, fitted on the training split only.
        public var codes: Codes = .median
        /// SimHash bits: 1024 keeps the angle between two 1280-dimensional features within a few
        /// degrees.
        public var bits = 1024
        /// Where `scripts/fetch-encoder` writes the converted EfficientNet-Lite0 weights.
        public var weights = "Datasets/encoders/efficientnet-lite0.hlnn"
        /// `competing`: the hidden units and their training (Krotov's notebook's settings, with
        /// 100 units and 30 epochs).
        public var competing = CompetingHiddenUnits.Options()

        /// The defaults: no feature stage.
        public init() {}

        /// Whether there is a feature stage at all.
        public var isActive: Bool { encoder != .pixels }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = FeaturesSection()
            return [
                ConfigKey(
                    "encoder", in: "features", .choice(EncoderName.allCases.map(\.rawValue)), default: .string(d.encoder.rawValue),
                    "`pixels` (the binarized image), `edges` (Sobel magnitude and orientation, 3·size² values), `hog` (9 orientations, 8×8 cells, 2×2 blocks, L2-Hys), `cnn` (EfficientNet-Lite0 ImageNet features, 1280 values, of the RGB image at 224×224), `competing` (Krotov and Hopfield's hidden units, trained per run on its training images)"
                ),
                ConfigKey(
                    "codes", in: "features", .choice(Codes.allCases.map(\.rawValue)), default: .string(d.codes.rawValue),
                    "features → ±1: `median` (sign of each feature minus its training-split median), `simhash` (signs of `bits` seeded random projections of the centred features), `none` (real values: modern and dam rules)"
                ),
                ConfigKey("bits", in: "features", .integer(8...65_536), default: .int(d.bits), "`simhash`: code length N"),
                ConfigKey(
                    "weights", in: "features", .string(nonEmpty: true), default: .string(d.weights),
                    "`cnn`: the weights file `scripts/fetch-encoder` writes"),
                ConfigKey(
                    "hidden", in: "features", .integer(2...10_000), default: .int(d.competing.hidden),
                    "`competing`: hidden units K (the features)"),
                ConfigKey(
                    "epochs", in: "features", .integer(1...10_000), default: .int(d.competing.epochs),
                    "`competing`: passes over the training images")
            ]
        }()

        static func decode(_ value: JSONValue?, task: Task, random: Bool) throws(ConfigError) -> FeaturesSection {
            var features = FeaturesSection()
            guard let value else { return features }
            if task == .capacity { throw ConfigError(path: "features", "the capacity task uses random patterns, not images") }
            if random { throw ConfigError(path: "features", "random patterns are not images: there is nothing to encode") }
            var r = try ObjectReader(value, path: "features")
            features.encoder = try r.choice(keys["encoder"], as: EncoderName.self) ?? features.encoder
            let codes = try r.choice(keys["codes"], as: Codes.self)
            let bits = try r.int(keys["bits"])
            let weights = try r.string(keys["weights"])
            let hidden = try r.int(keys["hidden"]), epochs = try r.int(keys["epochs"])
            try r.finish()
            if !features.isActive, codes != nil || bits != nil || weights != nil || hidden != nil || epochs != nil {
                throw ConfigError(
                    path: "features.encoder",
                    "is \"pixels\": codes, bits, weights, hidden and epochs need an encoder (edges, hog, cnn or competing)")
            }
            if features.encoder != .competing, hidden != nil || epochs != nil {
                throw ConfigError(
                    path: hidden != nil ? "features.hidden" : "features.epochs", "is only used with \"encoder\": \"competing\"")
            }
            features.competing.hidden = hidden ?? features.competing.hidden
            features.competing.epochs = epochs ?? features.competing.epochs
            features.codes = codes ?? features.codes
            if bits != nil && features.codes != .simhash {
                throw ConfigError(path: "features.bits", "is only used with \"codes\": \"simhash\"")
            }
            features.bits = bits ?? features.bits
            if weights != nil && features.encoder != .cnn {
                throw ConfigError(path: "features.weights", "is only used with \"encoder\": \"cnn\"")
            }
            if let weights {
                if weights.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                    throw ConfigError(path: "features.weights", "contains a control character")
                }
                features.weights = weights
            }
            return features
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("encoder", .string(encoder.rawValue))]
            if isActive { pairs.append(("codes", .string(codes.rawValue))) }
            if codes == .simhash && isActive { pairs.append(("bits", .int(bits))) }
            if encoder == .cnn { pairs.append(("weights", .string(weights))) }
            if encoder == .competing { pairs += [("hidden", .int(competing.hidden)), ("epochs", .int(competing.epochs))] }
            return .object(pairs)
        }
    }
}

extension ExperimentConfig.FeaturesSection {
    /// Features per image of size × size (before coding; the cnn's do not depend on the size).
    public func dimension(size: Int) -> Int {
        encoder == .competing ? competing.hidden : encoderSpec.dimension(size: size)
    }
}

extension ExperimentConfig {
    /// The feature stage's checks that need other sections.
    func checkFeatures() throws(ConfigError) {
        guard features.isActive else { return }
        if features.codes == .none && !network.rule.acceptsGrayLevels {
            throw ConfigError(
                path: "features.codes",
                "\"none\" keeps real-valued features: only the modern and dam rules take them (\(network.rule.name) stores ±1 patterns: use median or simhash)"
            )
        }
        if features.encoder == .hog && features.dimension(size: image.size) == 0 {
            throw ConfigError(path: "image.size", "hog needs at least 2×2 cells of 8×8 pixels: image.size ≥ 16 (is \(image.size))")
        }
        if let c = corruption, c.rect != nil || c.kind == .mask || c.kind == .corner {
            throw ConfigError(
                path: "corruption.kind", "\(c.kind.rawValue) masks a region of an image: feature codes are not images (use flip noise)")
        }
    }
}

extension ExperimentConfig.FeaturesSection {
    /// The image pipeline's encoder for this section (the cnn's weights named by their expected
    /// content, which `CNNEncoders.check(_:)` verifies before anything runs).
    public var encoderSpec: Encoder {
        switch encoder {
        case .pixels: return .pixels
        case .edges: return .edges
        case .hog: return .hog
        case .cnn: return .cnn(CNNWeights(path: weights, model: CNNEncoders.model, contentHash: CNNEncoders.expectedHash))
        // Trained per run on its split: the images are loaded as gray levels.
        case .competing: return .pixels
        }
    }
}
