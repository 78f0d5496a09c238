import CKernels
import Testing

@testable import Hopfield

/// The tiled kernels of orderedkernels.h give the same bits as the one-at-a-time Swift code they
/// replace (FloatDot, ModernNetwork.dot, the plain weighted sums), in every CPU variant, for sizes
/// that are not multiples of the tiles.
@Suite struct OrderedKernelTests {
    static func values(_ count: Int, _ rng: inout Xoshiro256StarStar) -> [Float] {
        (0..<count).map { _ in Float(rng.unit() * 2 - 1) * (rng.unit() < 0.1 ? 1000 : 1) }
    }

    /// Dot products of P rows with several states, each as FloatDot.dot computes it.
    @Test(arguments: [(37, 5, 3), (8, 4, 2), (1, 1, 1), (0, 3, 2), (64, 9, 7), (794, 13, 5)])
    func dotRowsEqualFloatDot(n: Int, p: Int, starts: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(n * 100 + p))
        let ldx = n + 3, x = Self.values(p * ldx + 1, &rng), y = Self.values(starts * n + 1, &rng)
        var expected = [UInt32](repeating: 0, count: starts * p)
        for j in 0..<starts {
            for i in 0..<p {
                expected[j * p + i] =
                    FloatDot.dot(
                        x.withUnsafeBufferPointer { $0.baseAddress! + i * ldx }, y.withUnsafeBufferPointer { $0.baseAddress! + j * n }, n
                    ).bitPattern
            }
        }
        for variant in Kernels.supported {
            var out = [Float](repeating: .nan, count: starts * p)
            Kernels.with(variant) { hl_fdot_rows(x, ldx, p, y, n, starts, n, &out, p) }
            #expect(out.map(\.bitPattern) == expected, "\(variant), N \(n), P \(p), \(starts) starts")
        }
    }

    /// Weighted sums of rows, each output summed over the rows in order from zero.
    @Test(arguments: [(37, 5, 3), (16, 4, 2), (7, 1, 1), (100, 9, 7)])
    func combineRowsEqualsTheLoop(n: Int, outputs: Int, rows: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(n + outputs))
        let w = Self.values(rows * outputs, &rng), y = Self.values(rows * n, &rng)
        var expected = [Float](repeating: 0, count: outputs * n)
        for j in 0..<outputs {
            for r in 0..<rows {
                let weight = w[r * outputs + j]
                for t in 0..<n { expected[j * n + t] += weight * y[r * n + t] }
            }
        }
        for variant in Kernels.supported {
            var out = [Float](repeating: .nan, count: outputs * n)
            Kernels.with(variant) { hl_fcombine_rows(w, outputs, outputs, y, n, rows, n, &out, n) }
            #expect(out.map(\.bitPattern) == expected.map(\.bitPattern), "\(variant), N \(n), \(outputs) outputs")
        }
    }

    /// ±1 memories: X s at chosen memories as ModernNetwork.dot, and Σ_k w_k x^(ν_k) as the loop.
    @Test(arguments: [(37, 5), (8, 4), (3, 2), (101, 11)])
    func signKernelsEqualTheSwiftCode(n: Int, p: Int) {
        var rng = Xoshiro256StarStar(seed: UInt64(n * 7 + p))
        let signs = (0..<(p * n)).map { _ in Int8(rng.unit() < 0.5 ? -1 : 1) }
        let s = (0..<n).map { _ in rng.unit() * 2 - 1 }
        let rows = (0..<p).map { Int32(($0 * 3) % p) }
        let weights = (0..<p).map { _ in rng.unit() }
        let expectedDots = rows.map { mu in signs.withUnsafeBufferPointer { ModernNetwork.dot($0.baseAddress! + Int(mu) * n, s, n) } }
        var expectedState = [Double](repeating: 0, count: n)
        for (nu, weight) in zip(rows, weights) { for i in 0..<n { expectedState[i] += weight * Double(signs[Int(nu) * n + i]) } }
        for variant in Kernels.supported {
            var dots = [Double](repeating: .nan, count: p), state = [Double](repeating: .nan, count: n)
            Kernels.with(variant) {
                hl_sign_dots(signs, n, rows, p, s, &dots)
                hl_sign_combination(signs, n, rows, weights, p, &state)
            }
            #expect(dots.map(\.bitPattern) == expectedDots.map(\.bitPattern), "\(variant), N \(n), P \(p)")
            #expect(state.map(\.bitPattern) == expectedState.map(\.bitPattern), "\(variant), N \(n), P \(p)")
        }
    }

    /// The classifier's tiled paths (scores, training) against one dot product at a time, and
    /// its training for 1, 2 and 3 threads: the same bits.
    @Test func denseClassifierKeepsItsBits() {
        let n = 37, c = 3, samples = 23
        var options = DenseClassifier.Options()
        options.memories = 5
        options.epochs = 2
        options.batchSize = 7
        options.temperature = 4
        var rng = Xoshiro256StarStar(seed: 3)
        let images = Self.values(samples * n, &rng).map { max(-1, min(1, $0)) }
        let labels = (0..<samples).map { $0 % c }
        let runs = [1, 2, 3].map { DenseClassifier.train(images: images, labels: labels, classes: c, options: options, seed: 8, jobs: $0) }
        for run in runs.dropFirst() {
            #expect(run.0.memories.map(\.bitPattern) == runs[0].0.memories.map(\.bitPattern) && run.1 == runs[0].1)
        }
        let model = runs[0].0, w = model.width
        let offsets = model.classOffsets(model.memories)
        for k in 0..<samples {
            let image = Array(images[(k * n)..<((k + 1) * n)])
            let a = (0..<model.count).map { mu in
                model.memories.withUnsafeBufferPointer { FloatDot.dot(image, $0.baseAddress! + mu * w, n) } - offsets[mu]
            }
            let expected = model.memories.withUnsafeBufferPointer { model.classScores(a, memories: $0.baseAddress!) }
            #expect(model.scores(image).map(\.bitPattern) == expected.map(\.bitPattern), "image \(k)")
        }
    }

    /// The dam rule's class scores and gradient terms, computed over whole arrays with selects
    /// (`DenseClassifier.ScoreTerms`), give the bits of the scalar rule they replace:
    /// F_n(x) = 0 for x ≤ 0, else ((1·x)·x)… n times, for overlaps that are positive, negative,
    /// ±0 and NaN, and for n = 1 (F_0, the step) up to 6.
    @Test(arguments: [1, 2, 3, 4, 6])
    func damScoreTermsKeepTheScalarBits(power: Int) {
        let n = 9, c = 4
        var rng = Xoshiro256StarStar(seed: UInt64(power))
        var options = DenseClassifier.Options()
        options.memories = 11
        options.power = power
        options.temperature = 0.7
        let memories = Self.values(options.memories * (n + c), &rng).map { $0 / 1000 }
        let model = DenseClassifier(neurons: n, classes: c, options: options, memories: memories)
        var a = Self.values(options.memories, &rng).map { $0 / 100 }
        (a[0], a[1], a[2]) = (0, -0.0, -2 * memories[n + 1])
        func scalar(_ x: Float, _ k: Int) -> Float {
            if x <= 0 { return 0 }
            var y: Float = 1
            for _ in 0..<k { y *= x }
            return y
        }
        let inverse = 1 / Float(options.temperature)
        for overlaps in [a, a.enumerated().map { $0.offset == 3 ? Float.nan : $0.element }] {
            var terms = DenseClassifier.ScoreTerms(model)
            memories.withUnsafeBufferPointer { terms.compute(overlaps, memories: $0.baseAddress!, model: model) }
            var expected = [Float](repeating: 0, count: c)
            for mu in 0..<options.memories {
                let off = overlaps[mu] * inverse
                #expect(terms.offLower[mu].bitPattern == scalar(off, power - 1).bitPattern, "F_{n-1} off, memory \(mu)")
                for alpha in 0..<c {
                    let on = (overlaps[mu] + 2 * memories[mu * (n + c) + n + alpha]) * inverse
                    #expect(terms.onLower[mu * c + alpha].bitPattern == scalar(on, power - 1).bitPattern, "F_{n-1} on")
                    expected[alpha] += scalar(on, power) - scalar(off, power)
                }
            }
            #expect(terms.scores().map(\.bitPattern) == expected.map(\.bitPattern), "s, power \(power)")
        }
    }

    /// The dam update's largest velocity magnitude, taken in eight lanes, is the scalar loop's
    /// `largest = max(largest, abs(v))`: NaN skipped, ±0 and the floor kept, for lengths that
    /// are and are not multiples of 8.
    @Test func damLargestMagnitudeIsTheScalarLoops() {
        var rng = Xoshiro256StarStar(seed: 12)
        for count in [1, 5, 8, 13, 794] {
            for variant in 0..<4 {
                var v = Self.values(count, &rng)
                if variant == 1 { v = v.enumerated().map { $0.offset % 3 == 0 ? Float.nan : $0.element } }
                if variant == 2 { v = v.map { _ in -0.0 } }
                if variant == 3 { v = v.map { _ in Float.nan } }
                var largest: Float = 1e-30
                for x in v { largest = max(largest, abs(x)) }
                let lanes = v.withUnsafeBufferPointer { DenseClassifier.largestMagnitude($0.baseAddress!, count, floor: 1e-30) }
                #expect(lanes.bitPattern == largest.bitPattern, "\(count) values, variant \(variant)")
            }
        }
    }
}
