import CKernels
import Foundation
import Testing

@testable import Features

/// The kernels against plain Double loops, and every variant against the others bit for bit.
/// Serialized: the tests force the process-wide kernel variant.
@Suite(.serialized) struct KernelTests {
    /// Random values in [-1, 1).
    static func random(_ count: Int, _ rng: inout SplitMix64) -> [Float] {
        (0..<count).map { _ in Float.random(in: -1..<1, using: &rng) }
    }

    static func pointwise(_ layer: PointwiseConvolution, _ input: [Float], pixels: Int, residual: [Float]?) -> [Float] {
        var out = [Float](repeating: .nan, count: pixels * layer.outChannels)
        input.withUnsafeBufferPointer { x in
            out.withUnsafeMutableBufferPointer { o in
                if let residual {
                    residual.withUnsafeBufferPointer {
                        layer.apply(x.baseAddress!, pixels: pixels, residual: $0.baseAddress!, into: o.baseAddress!)
                    }
                } else {
                    layer.apply(x.baseAddress!, pixels: pixels, into: o.baseAddress!)
                }
            }
        }
        return out
    }

    /// Shapes with every remainder: pixel counts not a multiple of the 6-row tile, channel counts
    /// ending in an 8-wide panel, a partial panel (12, 20) and the network's own (27→32, 1280→1000).
    static let pointwiseShapes: [(pixels: Int, cin: Int, cout: Int)] = [
        (1, 5, 3), (7, 27, 32), (13, 16, 24), (49, 40, 12), (50, 9, 20), (200, 96, 40), (1, 1280, 1000), (49, 320, 72)
    ]

    @Test(arguments: [Activation.linear, .relu6], [false, true])
    func pointwiseMatchesReferenceAndVariantsAgree(activation: Activation, withResidual: Bool) {
        var rng = SplitMix64(seed: 7)
        for shape in Self.pointwiseShapes {
            let w = Self.random(shape.cin * shape.cout, &rng).map { $0 * 4 }, b = Self.random(shape.cout, &rng)
            let x = Self.random(shape.pixels * shape.cin, &rng)
            let residual = withResidual ? Self.random(shape.pixels * shape.cout, &rng) : nil
            let layer = PointwiseConvolution(weights: w, bias: b, inChannels: shape.cin, outChannels: shape.cout, activation: activation)
            let outputs = forEachVariant { _ in Self.pointwise(layer, x, pixels: shape.pixels, residual: residual) }
            for (variant, out) in outputs {
                #expect(sameBits(out, outputs[0].1), "\(variant) differs from \(outputs[0].0) at \(shape)")
            }
            var worst = 0.0
            for p in 0..<shape.pixels {
                for co in 0..<shape.cout {
                    var acc = Double(b[co])
                    for ci in 0..<shape.cin { acc += Double(x[p * shape.cin + ci]) * Double(w[co * shape.cin + ci]) }
                    if activation == .relu6 { acc = min(max(acc, 0), 6) }
                    if let residual { acc += Double(residual[p * shape.cout + co]) }
                    worst = max(worst, abs(acc - Double(outputs[0].1[p * shape.cout + co])))
                }
            }
            #expect(worst < 1e-4 * Double(shape.cin), "max error \(worst) at \(shape)")
        }
    }

    /// Shapes with every path of the AVX2 kernel: strips of 6 outputs (channels a multiple of 8,
    /// wide enough images), pixel by pixel at the edges, and scalar channels past a multiple of 8.
    static let depthwiseShapes: [(size: Int, channels: Int, kernel: Int, stride: Int)] = [
        (5, 3, 3, 1), (7, 8, 3, 2), (8, 40, 5, 2), (9, 44, 5, 1), (14, 96, 3, 1), (6, 1, 5, 2), (3, 33, 5, 1),
        (20, 16, 5, 2), (21, 24, 3, 2), (13, 32, 5, 1), (17, 8, 3, 1)
    ]

    @Test func depthwiseMatchesReferenceAndVariantsAgree() {
        var rng = SplitMix64(seed: 11)
        for s in Self.depthwiseShapes {
            let taps = s.kernel * s.kernel
            let w = Self.random(s.channels * taps, &rng), b = Self.random(s.channels, &rng)
            let x = Self.random(s.size * s.size * s.channels, &rng)
            let layer = DepthwiseConvolution(
                weights: w, bias: b, channels: s.channels, kernel: s.kernel, stride: s.stride, activation: .linear)
            let outSize = layer.outputSize(s.size)
            let outputs = forEachVariant { _ in
                var out = [Float](repeating: .nan, count: outSize * outSize * s.channels)
                x.withUnsafeBufferPointer { i in
                    out.withUnsafeMutableBufferPointer {
                        layer.apply(i.baseAddress!, size: s.size, rows: 0..<outSize, into: $0.baseAddress!)
                    }
                }
                return out
            }
            for (variant, out) in outputs { #expect(sameBits(out, outputs[0].1), "\(variant) differs at \(s)") }
            let pad = EfficientNetLite0Architecture.samePadding(size: s.size, kernel: s.kernel, stride: s.stride)
            var worst = 0.0
            for oy in 0..<outSize {
                for ox in 0..<outSize {
                    for c in 0..<s.channels {
                        var acc = Double(b[c])
                        for ky in 0..<s.kernel {
                            for kx in 0..<s.kernel {
                                let iy = oy * s.stride + ky - pad.before, ix = ox * s.stride + kx - pad.before
                                guard iy >= 0, iy < s.size, ix >= 0, ix < s.size else { continue }
                                acc += Double(x[(iy * s.size + ix) * s.channels + c]) * Double(w[c * taps + ky * s.kernel + kx])
                            }
                        }
                        worst = max(worst, abs(acc - Double(outputs[0].1[(oy * outSize + ox) * s.channels + c])))
                    }
                }
            }
            #expect(worst < 1e-5, "max error \(worst) at \(s)")
        }
    }

    /// TensorFlow "SAME": the extra padding pixel goes after (bottom/right).
    @Test func samePadding() {
        func padding(_ size: Int, _ kernel: Int, _ stride: Int) -> [Int] {
            let p = EfficientNetLite0Architecture.samePadding(size: size, kernel: kernel, stride: stride)
            return [p.before, p.after]
        }
        #expect(padding(224, 3, 2) == [0, 1])
        #expect(padding(112, 3, 1) == [1, 1])
        #expect(padding(56, 5, 2) == [1, 2])
        #expect(padding(14, 5, 2) == [1, 2])
    }

    /// Three positions × two channels whose sums depend on the order.
    @Test func meanPoolSumsInOrder() {
        let x: [Float] = [1, 1e8, -1e8, 2, 1, 3]
        var out = [Float](repeating: 0, count: 2)
        hl_cnn_mean_pool(x, 3, 2, &out)
        let first: Float = (Float(1) + Float(-1e8)) + Float(1)
        let second: Float = (Float(1e8) + Float(2)) + Float(3)
        #expect(out[0] == first / 3)
        #expect(out[1] == second / 3)
    }
}
