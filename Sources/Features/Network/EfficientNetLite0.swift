import Foundation

/// EfficientNet-Lite0 with ImageNet weights: a 224×224 RGB photo to 1280 features (the global
/// mean of the head's ReLU6 activations) or to 1000 class logits.
///
/// Results are the same bits on every CPU, kernel variant and thread count: every output of every
/// layer is its bias plus its terms fused-multiply-added one at a time in a fixed order (see
/// `cnnkernels.h`); SIMD runs across output channels only, and threads across images only.
/// BatchNorm is folded into the convolutions when the weights are loaded, in float32:
/// scale = γ / √(σ² + ε), w′ = w·scale, b′ = β − μ·scale, with ε = 1e-3.
///
/// Immutable after `init`, so one instance serves any number of threads.
public final class EfficientNetLite0: Sendable {
    typealias Architecture = EfficientNetLite0Architecture

    /// The layers of one inverted-residual block, BatchNorm folded in.
    struct BlockLayers: Sendable {
        let spec: Architecture.Block
        let expand: PointwiseConvolution?
        let depthwise: DepthwiseConvolution
        let project: PointwiseConvolution
    }

    /// The 3×3 stride-2 stem as a 1×1 convolution over 27-value im2col rows (channel, ky, kx).
    let stem: PointwiseConvolution
    let blocks: [BlockLayers]
    let head: PointwiseConvolution
    /// The fully connected layer `_fc` as a 1×1 convolution over one pixel.
    let classifier: PointwiseConvolution

    /// Reads, checks and prepares the weights in the HLNN file at `path` (see ``HLNNFile``).
    /// Throws ``WeightsFileError`` naming the file when it is unreadable, malformed, for another
    /// model, or lacks a tensor or has one of the wrong shape.
    public convenience init(contentsOf path: String) throws {
        try self.init(file: try HLNNFile(contentsOf: path), path: path)
    }

    /// Prepares the weights of an already read file; `path` only names it in errors.
    public init(file: HLNNFile, path: String) throws {
        func fail(_ cause: WeightsFileError.Cause) -> WeightsFileError { WeightsFileError(path: path, cause: cause) }
        guard file.model == Architecture.modelName else {
            throw fail(.wrongModel(expected: Architecture.modelName, found: file.model))
        }
        let expected = Architecture.expectedTensors
        for (name, shape) in expected {
            guard let tensor = file.tensors[name] else { throw fail(.missingTensor(name)) }
            guard tensor.shape == shape else { throw fail(.wrongShape(name: name, expected: shape, found: tensor.shape)) }
        }
        let names = Set(expected.map(\.name))
        if let extra = file.tensors.keys.sorted().first(where: { !names.contains($0) }) {
            throw fail(.unexpectedTensor(extra))
        }

        let tensors = file.tensors
        func values(_ name: String) -> [Float] { tensors[name]!.values }
        /// A convolution's weights [out][…] and its BatchNorm `bn` folded into weights and bias.
        func folded(_ convolution: String, _ bn: String) -> (weights: [Float], bias: [Float]) {
            var w = values("\(convolution).weight")
            let gamma = values("\(bn).weight"), beta = values("\(bn).bias")
            let mean = values("\(bn).running_mean"), variance = values("\(bn).running_var")
            let perChannel = w.count / gamma.count
            var bias = [Float](repeating: 0, count: gamma.count)
            for c in 0..<gamma.count {
                let scale = gamma[c] / (variance[c] + Architecture.batchNormEpsilon).squareRoot()
                for i in c * perChannel..<(c + 1) * perChannel { w[i] = w[i] * scale }
                bias[c] = beta[c] - mean[c] * scale
            }
            return (w, bias)
        }

        let stemFolded = folded("_conv_stem", "_bn0")
        stem = PointwiseConvolution(
            weights: stemFolded.weights, bias: stemFolded.bias, inChannels: 27,
            outChannels: Architecture.stemChannels, activation: .relu6)
        blocks = Architecture.blocks.map { spec in
            let p = spec.prefix
            var expand: PointwiseConvolution?
            if spec.hasExpand {
                let f = folded("\(p)._expand_conv", "\(p)._bn0")
                expand = PointwiseConvolution(
                    weights: f.weights, bias: f.bias, inChannels: spec.inChannels,
                    outChannels: spec.hiddenChannels, activation: .relu6)
            }
            let d = folded("\(p)._depthwise_conv", "\(p)._bn1")
            let depthwise = DepthwiseConvolution(
                weights: d.weights, bias: d.bias, channels: spec.hiddenChannels,
                kernel: spec.kernel, stride: spec.stride, activation: .relu6)
            let j = folded("\(p)._project_conv", "\(p)._bn2")
            let project = PointwiseConvolution(
                weights: j.weights, bias: j.bias, inChannels: spec.hiddenChannels,
                outChannels: spec.outChannels, activation: .linear)
            return BlockLayers(spec: spec, expand: expand, depthwise: depthwise, project: project)
        }
        let h = folded("_conv_head", "_bn1")
        head = PointwiseConvolution(
            weights: h.weights, bias: h.bias, inChannels: Architecture.blocks.last!.outChannels,
            outChannels: Architecture.featureCount, activation: .relu6)
        classifier = PointwiseConvolution(
            weights: values("_fc.weight"), bias: values("_fc.bias"),
            inChannels: Architecture.featureCount, outChannels: Architecture.classCount,
            activation: .linear)
    }

    /// The 1280 features of one photo: interleaved RGB bytes, row-major, `width` = `height` = 224
    /// (resize first; the network's receptive fields and the pooling assume this size). Allocates
    /// a ``Workspace`` for the call: for many photos use the batch function or pass one.
    public func features(rgb: [UInt8], width: Int, height: Int) -> [Float] {
        features(rgb: rgb, width: width, height: height, workspace: Workspace())
    }

    /// As ``features(rgb:width:height:)``, reusing the scratch memory of `workspace` (about 6 MB;
    /// one per thread).
    public func features(rgb: [UInt8], width: Int, height: Int, workspace: Workspace) -> [Float] {
        checkSize(rgb, width, height)
        run(rgb, workspace, logits: false)
        return Array(UnsafeBufferPointer(start: workspace.pooled, count: Architecture.featureCount))
    }

    /// The 1000 ImageNet logits of one photo (the `_fc` layer over the features; no softmax), for
    /// checking the weights against known classifications.
    public func logits(rgb: [UInt8], width: Int, height: Int) -> [Float] {
        checkSize(rgb, width, height)
        let workspace = Workspace()
        run(rgb, workspace, logits: true)
        return Array(UnsafeBufferPointer(start: workspace.logits, count: Architecture.classCount))
    }

    /// Features of many photos (each as in ``features(rgb:width:height:)``), in order, computed by
    /// `threads` workers running concurrently (Dispatch runs at most one per core at once). The
    /// images are split into `threads` contiguous runs, one per worker with its own ``Workspace``,
    /// and each image's forward pass runs whole on one worker: the results are the same bits for
    /// any `threads`.
    public func features(images: [[UInt8]], threads: Int) -> [[Float]] {
        precondition(threads >= 1, "threads must be at least 1")
        let side = Architecture.inputSize
        for image in images { checkSize(image, side, side) }
        let workers = min(threads, images.count)
        guard workers > 0 else { return [] }
        let results = UnsafeMutableBufferPointer<[Float]>.allocate(capacity: images.count)
        results.initialize(repeating: [])
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        let count = images.count
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            let workspace = Workspace()
            // Each index is written by exactly one worker.
            for i in (worker * count / workers)..<((worker + 1) * count / workers) {
                output[i] = self.features(rgb: images[i], width: side, height: side, workspace: workspace)
            }
        }
        return Array(results)
    }

    private func checkSize(_ rgb: [UInt8], _ width: Int, _ height: Int) {
        let side = Architecture.inputSize
        precondition(width == side && height == side, "EfficientNet-Lite0 takes \(side)×\(side) images, not \(width)×\(height)")
        precondition(rgb.count == side * side * 3, "expected \(side * side * 3) RGB bytes, got \(rgb.count)")
    }
}
