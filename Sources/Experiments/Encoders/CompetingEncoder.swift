import Hopfield
import Imaging

/// Krotov and Hopfield's (2019) competing hidden units, trained without labels on each run's
/// training images (gray levels), from the run's own stream: their currents are the features.
public struct CompetingEncoder: EncoderDefinition {
    /// `competing`.
    public static let name = "competing"
    /// What the encoder computes.
    public static let summary = "Krotov and Hopfield's hidden units, trained per run on its training images"
    /// `hidden` and `epochs`.
    public static let keys: [ConfigKey] = {
        let d = CompetingHiddenUnits.Options()
        return [
            key("hidden", .integer(2...10_000), .int(d.hidden), "`competing`: hidden units K (the features)"),
            key("epochs", .integer(1...10_000), .int(d.epochs), "`competing`: passes over the training images")
        ]
    }()

    /// The hidden units and their training (Krotov's notebook's settings, with 100 units and 30
    /// epochs).
    public var options = CompetingHiddenUnits.Options()

    /// The encoder at the notebook's settings.
    public init() {}

    /// The encoder with `hidden` and `epochs` when given.
    public init(_ keys: inout FeatureKeys) throws(ConfigError) {
        options.hidden = try keys.int(Self.keys["hidden"]) ?? options.hidden
        options.epochs = try keys.int(Self.keys["epochs"]) ?? options.epochs
    }

    /// `hidden` and `epochs`.
    public var json: [(String, JSONValue)] { [("hidden", .int(options.hidden)), ("epochs", .int(options.epochs))] }

    /// None: the pipeline hands over the gray levels.
    public var extractor: (any FeatureExtractor)? { nil }

    /// True: the units train on gray levels.
    public var readsGrayLevels: Bool { true }

    /// K.
    public func dimension(size: Int) -> Int { options.hidden }

    /// The currents of units trained on the images `train` indexes only, from the run's
    /// "competing" stream.
    public func fit(_ values: [[Float]], train: [Int], seed: UInt64, jobs: Int) -> [[Float]] {
        let gray = values.map { $0.map(Double.init) }
        let units = CompetingHiddenUnits(
            training: train.map { gray[$0] }, options: options, seed: RandomStreams.derive(seed, RandomStreams.key("competing")),
            jobs: jobs)
        return parallelMap(count: gray.count, jobs: jobs) { i in units.features(gray[i]).map(Float.init) }
    }
}
