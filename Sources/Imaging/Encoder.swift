import Features

/// What a pattern is made of: the image's own pixels, or features computed from the image
/// (`features.encoder` in a config).
///
/// Raw binarized pixels leave nothing for an associative memory to remember on natural photos
/// (cats and dogs sit at chance); a representation step between the image and the memory is what
/// makes them classify. Features are real numbers: a run turns them into ±1 codes
/// (`features.codes`), or the rules that take real values use them as they are.
public enum Encoder: Sendable, Hashable {
    /// The resized image, binarized or as gray levels (``ImageSpec/binarize``): no feature stage.
    case pixels
    /// Sobel gradients of the resized gray image (TensorFlow's `sobel_edges`, reflected borders),
    /// as three maps: magnitude m, m·cos 2θ and m·sin 2θ (an unsigned orientation weighted by the
    /// edge's strength): 3·size² features. Notebook 000's commented-out idea.
    case edges
    /// Dalal and Triggs' histograms of oriented gradients on the resized gray image, as
    /// scikit-image computes them (9 orientations, 8×8-pixel cells, 2×2-cell blocks, L2-Hys).
    case hog
    /// A pretrained convolutional network's global features (EfficientNet-Lite0 on ImageNet,
    /// 1280 values) of the RGB image resized to 224×224.
    case cnn(CNNWeights)

    /// The config name.
    public var name: String {
        switch self {
        case .pixels: return "pixels"
        case .edges: return "edges"
        case .hog: return "hog"
        case .cnn: return "cnn"
        }
    }

    /// Features per image for size × size images (pixels: size²).
    public func dimension(size: Int) -> Int {
        switch self {
        case .pixels: return size * size
        case .edges: return SobelEdges.dimension(width: size, height: size)
        case .hog: return HOGParameters().dimension(width: size, height: size)
        case .cnn: return CNNWeights.featureCount
        }
    }

    /// The side of the square image the encoder sees: the pattern's size, or the network's input.
    public func inputSide(size: Int) -> Int {
        if case .cnn = self { return CNNWeights.inputSide }
        return size
    }

    /// Everything the features depend on, as text (the pattern cache's key).
    public var description: String {
        switch self {
        case .pixels: return ""
        case .edges, .hog: return " encoder=\(name)"
        case .cnn(let w): return " encoder=cnn(\(w.model), \(w.contentHash))"
        }
    }
}

/// A pretrained network's weights file, named by its content: the pattern cache keys features
/// by the weights' hash, so other weights never reuse them.
public struct CNNWeights: Sendable, Hashable {
    /// Where the file is (for messages and loading).
    public var path: String
    /// The model's name ("efficientnet-lite0").
    public var model: String
    /// The XXH3-128 of the file's bytes, in hex.
    public var contentHash: String

    /// Features per image: the head's 1280 channels averaged over the image.
    public static let featureCount = 1280
    /// The side of the square RGB input the network sees.
    public static let inputSide = 224

    /// A weights file known by its path, model and content hash.
    public init(path: String, model: String, contentHash: String) {
        self.path = path
        self.model = model
        self.contentHash = contentHash
    }
}
