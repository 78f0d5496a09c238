import CKernels

/// What follows a convolution.
enum Activation: Sendable {
    /// Nothing (the project convolutions of the blocks).
    case linear
    /// min(max(x, 0), 6): bounded, so that the TensorFlow Lite model quantizes well.
    case relu6

    var c: Int32 { self == .linear ? Int32(HL_CNN_LINEAR.rawValue) : Int32(HL_CNN_RELU6.rawValue) }
}

/// A 1×1 convolution (a matrix product over channels) with its BatchNorm folded in, weights
/// packed for `hl_cnn_pointwise`.
struct PointwiseConvolution: Sendable {
    let inChannels: Int
    let outChannels: Int
    let activation: Activation
    private let packed: AlignedFloats
    private let packedBias: AlignedFloats

    /// `weights` [out][in] (PyTorch's [out, in, 1, 1] flattened), `bias` [out].
    init(weights: [Float], bias: [Float], inChannels: Int, outChannels: Int, activation: Activation) {
        precondition(weights.count == inChannels * outChannels && bias.count == outChannels)
        self.inChannels = inChannels
        self.outChannels = outChannels
        self.activation = activation
        let padded = hl_cnn_padded_channels(outChannels)
        packed = AlignedFloats(count: inChannels * padded)
        packedBias = AlignedFloats(count: padded)
        hl_cnn_pack_pointwise(weights, bias, inChannels, outChannels, packed.base, packedBias.base)
    }

    /// out[p][co] for `pixels` rows of `input`; `residual` (same shape as out) added last.
    func apply(
        _ input: UnsafePointer<Float>, pixels: Int, residual: UnsafePointer<Float>? = nil,
        into output: UnsafeMutablePointer<Float>
    ) {
        hl_cnn_pointwise(input, pixels, inChannels, packed.base, packedBias.base, outChannels, residual, activation.c, output)
    }
}

/// A depthwise k×k convolution with TensorFlow "SAME" padding and its BatchNorm folded in.
struct DepthwiseConvolution: Sendable {
    let channels: Int
    let kernel: Int
    let stride: Int
    let activation: Activation
    /// [ky][kx][channel]: a tap's weights for all channels side by side, for vector loads.
    private let weights: AlignedFloats
    private let bias: AlignedFloats

    /// `weights` [channel][ky][kx] (PyTorch's [c, 1, k, k] flattened), `bias` [channel].
    init(weights: [Float], bias: [Float], channels: Int, kernel: Int, stride: Int, activation: Activation) {
        precondition(weights.count == channels * kernel * kernel && bias.count == channels)
        self.channels = channels
        self.kernel = kernel
        self.stride = stride
        self.activation = activation
        let taps = kernel * kernel
        var tapMajor = [Float](repeating: 0, count: weights.count)
        for c in 0..<channels { for t in 0..<taps { tapMajor[t * channels + c] = weights[c * taps + t] } }
        self.weights = AlignedFloats(tapMajor)
        self.bias = AlignedFloats(bias)
    }

    /// Output side of a square input of side `size`: ⌈size / stride⌉.
    func outputSize(_ size: Int) -> Int { (size + stride - 1) / stride }

    /// Output rows `rows` of a square image of side `size`: `input` holds image rows from
    /// `inputRow0` on (at least those the output rows need); `output` receives the rows from
    /// `rows.lowerBound`, outputSize(size) pixels each.
    func apply(
        _ input: UnsafePointer<Float>, inputRow0: Int = 0, size: Int, rows: Range<Int>,
        into output: UnsafeMutablePointer<Float>
    ) {
        let pad = EfficientNetLite0Architecture.samePadding(size: size, kernel: kernel, stride: stride)
        hl_cnn_depthwise(
            input, inputRow0, size, size, channels, weights.base, bias.base, kernel, stride, pad.before,
            pad.before, rows.lowerBound, rows.upperBound, outputSize(size), activation.c, output)
    }

    /// The input rows that output rows `rows` read (inside the image).
    func inputRows(_ rows: Range<Int>, size: Int) -> Range<Int> {
        let pad = EfficientNetLite0Architecture.samePadding(size: size, kernel: kernel, stride: stride).before
        return max(0, rows.lowerBound * stride - pad)..<min(size, (rows.upperBound - 1) * stride - pad + kernel)
    }
}
