import Hopfield
import Imaging

extension ExperimentConfig {
    /// `features`: a representation between the image and the memory. By default the memory
    /// sees the image's pixels; an encoder computes real-valued features from each image
    /// (cached like patterns), and each run turns them into ±1 codes fitted on its training split.
    public struct FeaturesSection: Sendable, Hashable {
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
        public var encoder: any EncoderDefinition = PixelsEncoder()
        /// Median codes by default: balanced bits, fitted on the training split only.
        public var codes: Codes = .median
        /// SimHash bits: 1024 keeps the angle between two 1280-dimensional features within a few
        /// degrees.
        public var bits = 1024

        /// The defaults: no feature stage.
        public init() {}

        /// Whether there is a feature stage at all.
        public var isActive: Bool { encoder.isActive }

        /// The same encoder with the same parameters, codes and bits.
        public static func == (a: FeaturesSection, b: FeaturesSection) -> Bool {
            a.encoder.isSame(as: b.encoder) && a.codes == b.codes && a.bits == b.bits
        }

        /// Hashes the encoder's name, the codes and the bits.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(encoder.name)
            hasher.combine(codes)
            hasher.combine(bits)
        }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = FeaturesSection()
            let encoders = Encoders.all.map { "`\($0.name)` (\($0.definition.summary))" }
            return [
                ConfigKey(
                    "encoder", in: "features", .choice(Encoders.all.map(\.name)), default: .string(d.encoder.name),
                    encoders.joined(separator: ", ")),
                ConfigKey(
                    "codes", in: "features", .choice(Codes.allCases.map(\.rawValue)), default: .string(d.codes.rawValue),
                    "features → ±1: `median` (sign of each feature minus its training-split median), `simhash` (signs of `bits` seeded random projections of the centred features), `none` (real values: modern and dam rules)"
                ),
                ConfigKey("bits", in: "features", .integer(8...65_536), default: .int(d.bits), "`simhash`: code length N")
            ] + Encoders.keys
        }()

        static func decode(_ value: JSONValue?, task: Task, random: Bool) throws(ConfigError) -> FeaturesSection {
            var features = FeaturesSection()
            guard let value else { return features }
            if task.drawsRandomPatterns { throw ConfigError(path: "features", "the \(task) task uses random patterns, not images") }
            if random { throw ConfigError(path: "features", "random patterns are not images: there is nothing to encode") }
            var r = try ObjectReader(value, path: "features")
            let name = try r.choice(keys["encoder"]) { $0 } ?? features.encoder.name
            let codes = try r.choice(keys["codes"], as: Codes.self)
            let bits = try r.int(keys["bits"])
            var given: [(String, JSONValue)] = []
            for key in Encoders.keys {
                if let v = r.value(key.name) { given.append((key.name, v)) }
            }
            try r.finish()
            let encoder = Encoders.named(name)!
            if !encoder.isActive, codes != nil || bits != nil || !given.isEmpty {
                let names = ["codes", "bits"] + Encoders.keys.map(\.name)
                let active = Encoders.all.filter(\.isActive).map(\.name)
                throw ConfigError(
                    path: "features.encoder",
                    "is \"\(name)\": \(names.dropLast().joined(separator: ", ")) and \(names.last!) need an encoder (\(active.dropLast().joined(separator: ", ")) or \(active.last!))"
                )
            }
            features.codes = codes ?? features.codes
            if bits != nil && features.codes != .simhash {
                throw ConfigError(path: "features.bits", "is only used with \"codes\": \"simhash\"")
            }
            for (key, _) in given where !encoder.definition.keys.contains(where: { $0.name == key }) {
                let owners = Encoders.owners(of: key).map { "\"\($0)\"" }.joined(separator: " or ")
                throw ConfigError(path: "features.\(key)", "is only used with \"encoder\": \(owners)")
            }
            var reader = FeatureKeys(reader: try ObjectReader(.object(given), path: "features"))
            features.encoder = try encoder.definition.init(&reader)
            features.bits = bits ?? features.bits
            return features
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("encoder", .string(encoder.name))]
            if isActive { pairs.append(("codes", .string(codes.rawValue))) }
            if codes == .simhash && isActive { pairs.append(("bits", .int(bits))) }
            return .object(pairs + encoder.json)
        }
    }
}

extension ExperimentConfig.FeaturesSection {
    /// Features per image of size × size (before coding; the cnn's do not depend on the size).
    public func dimension(size: Int) -> Int {
        encoder.dimension(size: size)
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
        try features.encoder.check(self)
        if let c = corruption, c.rect != nil || c.kind == .mask || c.kind == .corner {
            throw ConfigError(
                path: "corruption.kind", "\(c.kind.rawValue) masks a region of an image: feature codes are not images (use flip noise)")
        }
    }
}
