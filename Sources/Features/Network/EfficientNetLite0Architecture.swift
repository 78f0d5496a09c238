/// The layer table of EfficientNet-Lite0 (Tan & Le 2019, the "Lite" variant of TensorFlow's
/// model garden): MobileNetV2 inverted-residual blocks without squeeze-excitation, ReLU6
/// activations, and the stem and head widths not scaled. Tensor names are those of
/// lukemelas/EfficientNet-PyTorch.
public enum EfficientNetLite0Architecture {
    /// The input side in pixels (square RGB).
    public static let inputSize = 224
    /// Channels of the stem convolution (3×3, stride 2).
    public static let stemChannels = 32
    /// Channels of the head's 1×1 convolution: the length of a feature vector.
    public static let featureCount = 1280
    /// ImageNet classes of the final fully connected layer.
    public static let classCount = 1000
    /// BatchNorm ε of the TensorFlow model (1e-3, not PyTorch's default 1e-5).
    public static let batchNormEpsilon: Float = 1e-3
    /// The `model` a weights file must declare.
    public static let modelName = "efficientnet-lite0"

    /// One stage: `repeats` blocks; the first has the stride and changes the channel count.
    public struct Stage: Sendable {
        /// Depthwise kernel side.
        public let kernel: Int
        /// Stride of the stage's first block (1 for the others).
        public let stride: Int
        /// Expansion ratio: hidden channels = ratio × input channels (1: no expand convolution).
        public let expandRatio: Int
        /// Output channels of every block of the stage.
        public let outChannels: Int
        /// Blocks in the stage.
        public let repeats: Int
    }

    /// The seven stages (kernels 3,3,5,3,5,5,3; strides 1,2,2,2,1,2,1; repeats 1,2,2,3,3,4,1).
    public static let stages: [Stage] = [
        Stage(kernel: 3, stride: 1, expandRatio: 1, outChannels: 16, repeats: 1),
        Stage(kernel: 3, stride: 2, expandRatio: 6, outChannels: 24, repeats: 2),
        Stage(kernel: 5, stride: 2, expandRatio: 6, outChannels: 40, repeats: 2),
        Stage(kernel: 3, stride: 2, expandRatio: 6, outChannels: 80, repeats: 3),
        Stage(kernel: 5, stride: 1, expandRatio: 6, outChannels: 112, repeats: 3),
        Stage(kernel: 5, stride: 2, expandRatio: 6, outChannels: 192, repeats: 4),
        Stage(kernel: 3, stride: 1, expandRatio: 6, outChannels: 320, repeats: 1)
    ]

    /// One inverted-residual block: [expand 1×1 + ReLU6] → depthwise k×k + ReLU6 → project 1×1,
    /// plus the input when the shapes allow.
    public struct Block: Sendable {
        /// Position in `_blocks.N`.
        public let index: Int
        /// Channels of the block's input.
        public let inChannels: Int
        /// Channels of the depthwise convolution: inChannels × expandRatio.
        public let hiddenChannels: Int
        /// Channels of the block's output (the project convolution's).
        public let outChannels: Int
        /// Side of the depthwise kernel (3 or 5).
        public let kernel: Int
        /// Stride of the depthwise convolution (2 in a stage's first block when it halves the size).
        public let stride: Int
        /// Side of the block's input (square).
        public let inputSize: Int

        /// Whether there is an expand convolution (expansion ratio above 1).
        public var hasExpand: Bool { hiddenChannels != inChannels }
        /// Residual connection: only when the block keeps the resolution and the channels.
        public var hasResidual: Bool { stride == 1 && inChannels == outChannels }
        /// Side of the block's output, ⌈inputSize / stride⌉ (TensorFlow "SAME").
        public var outputSize: Int { (inputSize + stride - 1) / stride }
        /// The tensor name prefix, `_blocks.N`.
        public var prefix: String { "_blocks.\(index)" }
    }

    /// The sixteen blocks, in order.
    public static let blocks: [Block] = {
        var blocks: [Block] = []
        var channels = stemChannels
        var size = inputSize / 2
        for stage in stages {
            for repeatIndex in 0..<stage.repeats {
                let stride = repeatIndex == 0 ? stage.stride : 1
                let block = Block(
                    index: blocks.count, inChannels: channels, hiddenChannels: channels * stage.expandRatio,
                    outChannels: stage.outChannels, kernel: stage.kernel, stride: stride, inputSize: size)
                blocks.append(block)
                channels = block.outChannels
                size = block.outputSize
            }
        }
        return blocks
    }()

    /// TensorFlow "SAME" padding of one dimension: the output is ⌈size / stride⌉ and the padding
    /// total = max((⌈size/stride⌉ − 1)·stride + kernel − size, 0), split with the smaller half
    /// before (top/left) and the extra pixel after (bottom/right). PyTorch's symmetric padding
    /// would shift every stride-2 layer by one pixel.
    public static func samePadding(size: Int, kernel: Int, stride: Int) -> (before: Int, after: Int) {
        let output = (size + stride - 1) / stride
        let total = max((output - 1) * stride + kernel - size, 0)
        return (total / 2, total - total / 2)
    }

    /// Every tensor of a weights file and its shape, PyTorch layouts.
    public static var expectedTensors: [(name: String, shape: [Int])] {
        var list: [(String, [Int])] = []
        func batchNorm(_ prefix: String, _ channels: Int) {
            for field in ["weight", "bias", "running_mean", "running_var"] { list.append(("\(prefix).\(field)", [channels])) }
        }
        list.append(("_conv_stem.weight", [stemChannels, 3, 3, 3]))
        batchNorm("_bn0", stemChannels)
        for block in blocks {
            if block.hasExpand {
                list.append(("\(block.prefix)._expand_conv.weight", [block.hiddenChannels, block.inChannels, 1, 1]))
                batchNorm("\(block.prefix)._bn0", block.hiddenChannels)
            }
            list.append(("\(block.prefix)._depthwise_conv.weight", [block.hiddenChannels, 1, block.kernel, block.kernel]))
            batchNorm("\(block.prefix)._bn1", block.hiddenChannels)
            list.append(("\(block.prefix)._project_conv.weight", [block.outChannels, block.hiddenChannels, 1, 1]))
            batchNorm("\(block.prefix)._bn2", block.outChannels)
        }
        let last = blocks.last!.outChannels
        list.append(("_conv_head.weight", [featureCount, last, 1, 1]))
        batchNorm("_bn1", featureCount)
        list.append(("_fc.weight", [classCount, featureCount]))
        list.append(("_fc.bias", [classCount]))
        return list
    }

    /// Multiply-adds of one forward pass up to the features (stem, blocks, head; not the fc
    /// layer, 1.28 M more): counts every tap of every convolution, padding taps included.
    public static var multiplyAdds: Int {
        let stemSize = inputSize / 2
        var total = stemSize * stemSize * 27 * stemChannels
        for block in blocks {
            let input = block.inputSize * block.inputSize, output = block.outputSize * block.outputSize
            if block.hasExpand { total += input * block.inChannels * block.hiddenChannels }
            total += output * block.hiddenChannels * block.kernel * block.kernel
            total += output * block.hiddenChannels * block.outChannels
        }
        let headSize = blocks.last!.outputSize
        total += headSize * headSize * blocks.last!.outChannels * featureCount
        return total
    }
}
