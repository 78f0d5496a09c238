import Hopfield
import Imaging

/// A feature encoder as one type (`features.encoder`): its name and documentation, its own
/// `features` keys with their defaults, how it reads them, what the image pipeline computes for
/// it (its ``extractor``), what it trains per run, and what it refuses. A value of the type is the
/// encoder with its parameters.
///
/// Every list of encoders (``Encoders/all``: `features.encoder`'s choices, the schema and README,
/// `hopfield dataset export --features`, `hl.load_dataset(features=...)`) reads the registry, so
/// adding an encoder is one file conforming to this protocol (and, for features computed per
/// image, to `FeatureExtractor`) plus its entry in ``Encoders/all``.
public protocol EncoderDefinition: Sendable {
    /// The value of `features.encoder`.
    static var name: String { get }
    /// What the encoder computes, in a few words (the `encoder` key's documentation).
    static var summary: String { get }
    /// The encoder's own `features` keys, with their defaults, in the order they are documented.
    static var keys: [ConfigKey] { get }

    /// The encoder with every parameter at its default.
    init()
    /// The encoder with the parameters given in a `features` section (the others at their
    /// defaults), checked: only keys in ``keys`` are present.
    init(_ keys: inout FeatureKeys) throws(ConfigError)
    /// The parameters as a resolved config writes them, after `encoder`, `codes` and `bits`.
    var json: [(String, JSONValue)] { get }
    /// What the image pipeline computes per image: nil for the pixels (binarized, or gray levels
    /// when ``readsGrayLevels``).
    var extractor: (any FeatureExtractor)? { get }
    /// Whether the pipeline hands the encoder gray levels instead of binarized pixels (an
    /// encoder without an extractor that trains on the images).
    var readsGrayLevels: Bool { get }
    /// Features per image of size × size.
    func dimension(size: Int) -> Int
    /// Refuses a config the encoder cannot encode (checks that need the whole config).
    func check(_ config: ExperimentConfig) throws(ConfigError)
    /// Loads and checks what the encoder reads from disk (once per process), before any output.
    func prepare() throws(ConfigError)
    /// The run's features of every image, from the pipeline's `values`, fitted on the images
    /// `train` indexes only and drawn from the run's `seed` (the values themselves by default).
    func fit(_ values: [[Float]], train: [Int], seed: UInt64, jobs: Int) -> [[Float]]
}

extension EncoderDefinition {
    /// None.
    public static var keys: [ConfigKey] { [] }
    /// ``name`` of the value's type.
    public var name: String { Self.name }
    /// The type of the value, for its static members.
    public var definition: any EncoderDefinition.Type { Self.self }
    /// Whether the features come from each image alone (and so can be exported and cached):
    /// false for an encoder trained per run on its training split's gray levels.
    public var isPerImage: Bool { !readsGrayLevels }
    /// Whether this is a feature stage at all (every encoder but the pixels).
    public var isActive: Bool { extractor != nil || readsGrayLevels }
    /// The encoder reads no key.
    public init(_ keys: inout FeatureKeys) throws(ConfigError) { self.init() }
    /// None.
    public var json: [(String, JSONValue)] { [] }
    /// False.
    public var readsGrayLevels: Bool { false }
    /// The extractor's dimension.
    public func dimension(size: Int) -> Int { Encoder(extractor).dimension(size: size) }
    /// Nothing to refuse.
    public func check(_ config: ExperimentConfig) throws(ConfigError) {}
    /// Nothing to load.
    public func prepare() throws(ConfigError) {}
    /// The values as the pipeline computed them.
    public func fit(_ values: [[Float]], train: [Int], seed: UInt64, jobs: Int) -> [[Float]] { values }

    /// Whether `other` is the same encoder with the same parameters.
    public func isSame(as other: any EncoderDefinition) -> Bool {
        other.name == Self.name && other.json.elementsEqual(json) { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    /// A key of the `features` section (for ``keys``).
    public static func key(_ name: String, _ kind: ConfigKey.Kind, _ value: JSONValue?, _ summary: String) -> ConfigKey {
        ConfigKey(name, in: "features", kind, default: value, summary)
    }
}

/// The list of encoders every other list reads.
public enum Encoders {
    /// Every encoder, in the order they are documented: the pixels (no feature stage) first.
    public static let all: [any EncoderDefinition] = [
        PixelsEncoder(), EdgesEncoder(), HOGEncoder(), CNNEncoder(), CompetingEncoder()
    ]

    /// The encoder named `name`, at its defaults.
    public static func named(_ name: String) -> (any EncoderDefinition)? { all.first { $0.name == name } }

    /// The encoders that read a `features` key.
    public static func owners(of key: String) -> [String] {
        all.filter { $0.definition.keys.contains { $0.name == key } }.map(\.name)
    }

    /// Every encoder's keys, in registry order (each key belongs to one encoder).
    static var keys: [ConfigKey] { all.flatMap { $0.definition.keys } }
}
