/// What an encoder sees of an image.
public enum FeatureInput: Sendable, Hashable {
    /// The gray image resized to the pattern's size × size (0...255).
    case gray
    /// The RGB image resized to side × side, each channel rounded to a byte as an image library
    /// writes a resized image.
    case rgb(side: Int)
}

/// A resized image as an encoder gets it: gray levels, or interleaved RGB bytes.
public enum EncoderImage: Sendable {
    /// `width` × `height` gray levels (0...255), row-major from the top left.
    case gray(pixels: [Float], width: Int, height: Int)
    /// `side` × `side` RGB pixels, three interleaved bytes each, row-major from the top left.
    case rgb(bytes: [UInt8], side: Int)
}

/// Features computed from an image (`features.encoder` in a config): one conforming type per
/// encoder, with the pixels themselves as ``Encoder/pixels`` (no extractor).
///
/// Raw binarized pixels leave nothing for an associative memory to remember on natural photos
/// (cats and dogs sit at chance); a representation step between the image and the memory is what
/// makes them classify. Features are real numbers: a run turns them into ±1 codes
/// (`features.codes`), or the rules that take real values use them as they are.
public protocol FeatureExtractor: Sendable {
    /// The config name (`edges`, `hog`, `cnn`).
    var name: String { get }
    /// Everything the features depend on besides the image and its spec, as text (the pattern
    /// cache's key: two extractors with the same identity give the same features).
    var identity: String { get }
    /// What the extractor sees of the image (the gray image by default).
    var input: FeatureInput { get }
    /// Features per image for size × size patterns.
    func dimension(size: Int) -> Int
    /// The features of one resized image (of the kind ``input`` says).
    func features(of image: EncoderImage) -> [Float]
}

extension FeatureExtractor {
    /// The name: nothing else shapes the features.
    public var identity: String { name }
    /// The gray image at the pattern's size.
    public var input: FeatureInput { .gray }
}

/// What a pattern is made of: the image's own pixels (``pixels``), or the features a
/// ``FeatureExtractor`` computes from it. Two encoders are equal when their identities are.
public struct Encoder: Sendable, Hashable, CustomStringConvertible {
    /// The features' extractor; nil for the pixels.
    public let extractor: (any FeatureExtractor)?

    /// The resized image, binarized or as gray levels (``ImageSpec/binarize``): no feature stage.
    public static let pixels = Encoder(nil)

    /// The encoder of `extractor` (nil: the pixels).
    public init(_ extractor: (any FeatureExtractor)?) { self.extractor = extractor }

    /// The config name.
    public var name: String { extractor?.name ?? "pixels" }

    /// Features per image for size × size images (pixels: size²).
    public func dimension(size: Int) -> Int { extractor?.dimension(size: size) ?? size * size }

    /// The side of the square image the encoder sees: the pattern's size, or the network's input.
    public func inputSide(size: Int) -> Int {
        if case .rgb(let side) = extractor?.input { return side }
        return size
    }

    /// Everything the features depend on, as text (the pattern cache's key): empty for the pixels.
    public var description: String { extractor.map { " encoder=\($0.identity)" } ?? "" }

    /// The same identity.
    public static func == (a: Encoder, b: Encoder) -> Bool { a.description == b.description }

    /// Hashes the identity.
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }
}
