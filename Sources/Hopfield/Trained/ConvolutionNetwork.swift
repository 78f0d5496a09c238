/// A translation-invariant local rule, a cellular automaton: every pixel's field is the same
/// k×k kernel (centre excluded, as the zero diagonal of the other rules) applied to its
/// neighbours, plus one bias: h_p = b + Σ_{o ≠ 0} K[o]·s_{p+o}, pixels outside the image counting
/// as 0. About k² parameters whatever the image size, so a kernel trained on one size runs on
/// any other (notebook 003's convolutional reconstructor, one filter).
///
/// Trained with the perceptron rule on every neighbourhood of every training image: where
/// x_p·h_p ≤ κ‖(K, b)‖, K[o] += x_p·x_{p+o} and b += x_p. Integer weights; deterministic.
/// Digits are not separable by one small kernel, so the plain perceptron never settles; the
/// rule is the *pocket* perceptron (Gallant 1990): after each epoch the kernel is scored by the
/// pixels of the clean training images that one update would flip, and the best kernel seen is
/// the one kept.
public struct ConvolutionNetwork: LocalFieldNetwork {
    /// The training patterns (for outcomes and overlaps); the kernel alone drives the dynamics.
    public let memories: Memories
    /// N = side², the number of pixels.
    public let neurons: Int
    /// The side of the square images the network runs on; pixel p = row·side + column.
    public let side: Int
    /// k, odd: the kernel covers the k×k neighbourhood centred on each pixel.
    public let kernelSize: Int
    /// Row-major k×k, centre 0.
    public let kernel: [Int32]
    /// b, shared by every pixel.
    public let bias: Int32
    /// max_o |K[o]|, for the engine's pruning.
    public let couplingBound: Double
    /// 0: fields are exact integers, so only an exact 0 is a tie.
    public var tieTolerance: Double { 0 }

    /// Training settings (config keys `kernel`, `margin` and `maxEpochs`).
    public struct Options: Sendable, Equatable, Hashable {
        /// k, odd so that the kernel has a centre. 5 gives 24 neighbours, two pixels in every
        /// direction: 25 learned numbers with the bias.
        public var kernelSize = 5
        /// κ, in units of ‖(K, b)‖: a pixel needs x_p·h_p > κ‖(K, b)‖. 0.5, as for
        /// ``PerceptronNetwork``.
        public var margin = 0.5
        /// The most passes over the training images. Digits are not separable by one kernel, so
        /// training rarely stops early and the pocket keeps the best epoch; each epoch visits every
        /// pixel of every image, and 50 bounds the cost.
        public var maxEpochs = 50
        /// Options with the given values (defaults 5×5, κ = 0.5, 50 epochs).
        public init(kernelSize: Int = 5, margin: Double = 0.5, maxEpochs: Int = 50) {
            self.kernelSize = kernelSize
            self.margin = margin
            self.maxEpochs = maxEpochs
        }
    }

    /// The rule applied to side×side images (any side: the kernel does not depend on it).
    public init(memories: Memories, side: Int, kernelSize: Int, kernel: [Int32], bias: Int32) {
        precondition(kernelSize % 2 == 1 && kernel.count == kernelSize * kernelSize && side * side == memories.neurons)
        self.memories = memories
        neurons = memories.neurons
        self.side = side
        self.kernelSize = kernelSize
        self.kernel = kernel
        self.bias = bias
        couplingBound = Double(kernel.map { abs(Int($0)) }.max() ?? 0)
    }

    /// k², the size of the kernel array (its zero centre included, the bias not): the count
    /// reported for the run, whatever the image size.
    public var parameterCount: Int { kernelSize * kernelSize }

    /// The neighbourhood of pixel (r, c): k² values (0 outside the image, 0 at the centre).
    static func neighbourhood(_ x: [Int8], side: Int, k: Int, r: Int, c: Int, into out: inout [Int32]) {
        let half = k / 2
        var o = 0
        for dy in -half...half {
            for dx in -half...half {
                let rr = r + dy, cc = c + dx
                out[o] = (dy == 0 && dx == 0) || rr < 0 || cc < 0 || rr >= side || cc >= side ? 0 : Int32(x[rr * side + cc])
                o += 1
            }
        }
    }

    /// Trains the kernel on the side×side memories with the pocket perceptron. Each epoch visits
    /// the images in a fresh order drawn from `seed` and every pixel of each; training stops when
    /// no pixel is below the margin, or after `maxEpochs`. Returns the best kernel seen (fewest
    /// pixels of the clean images that one update would flip) and one ``TrainingEpoch`` per epoch,
    /// each also passed to `observer` as it ends. Deterministic.
    public static func train(
        _ memories: Memories, side: Int, options: Options, seed: UInt64,
        observer: TrainingObserver? = nil
    ) -> (ConvolutionNetwork, [TrainingEpoch]) {
        let k = options.kernelSize, p = memories.count
        var kernel = [Int32](repeating: 0, count: k * k)
        var bias: Int32 = 0
        var rng = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<p)
        var epochs: [TrainingEpoch] = []
        var window = [Int32](repeating: 0, count: k * k)
        let patterns = (0..<p).map { memories.pattern($0) }
        var best = (kernel: kernel, bias: bias, wrong: Int.max)
        for epoch in 1...max(1, options.maxEpochs) {
            rng.shuffle(&order)
            var unstable = 0
            for mu in order {
                let x = patterns[mu]
                for r in 0..<side {
                    for c in 0..<side {
                        neighbourhood(x, side: side, k: k, r: r, c: c, into: &window)
                        var h = Int(bias), norm2 = Double(bias) * Double(bias)
                        for o in 0..<(k * k) {
                            h += Int(kernel[o]) * Int(window[o])
                            norm2 += Double(kernel[o]) * Double(kernel[o])
                        }
                        let target = Int(x[r * side + c])
                        if Double(target * h) <= options.margin * norm2.squareRoot() {
                            unstable += 1
                            for o in 0..<(k * k) { kernel[o] &+= Int32(target) &* window[o] }
                            bias &+= Int32(target)
                        }
                    }
                }
            }
            let network = ConvolutionNetwork(memories: memories, side: side, kernelSize: k, kernel: kernel, bias: bias)
            // Pixels the update (tie → +1) would flip; a pattern with none is a fixed point.
            var wrong = 0, stable = 0
            for x in patterns {
                let errors = x.withUnsafeBufferPointer { s in
                    (0..<(side * side)).filter { (network.localField($0, s) >= 0) != (x[$0] > 0) }.count
                }
                wrong += errors
                if errors == 0 { stable += 1 }
            }
            if wrong < best.wrong { best = (kernel, bias, wrong) }
            let entry = TrainingEpoch(
                epoch: epoch, loss: Double(wrong) / Double(p * side * side), stablePatterns: Double(stable) / Double(p))
            epochs.append(entry)
            observer?(entry)
            if unstable == 0 { break }
        }
        return (ConvolutionNetwork(memories: memories, side: side, kernelSize: k, kernel: best.kernel, bias: best.bias), epochs)
    }

    /// Runs the dynamics from `initial` (see ``BinaryNetwork``).
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// h_p = b + Σ_{o≠0} K[o]·s_{p+o} over the neighbours inside the image: O(k²).
    @inline(__always)
    public func localField(_ i: Int, _ state: UnsafeBufferPointer<Int8>) -> Double {
        let r = i / side, c = i % side, half = kernelSize / 2
        var h = Int(bias), o = 0
        for dy in -half...half {
            let rr = r + dy
            for dx in -half...half {
                let cc = c + dx
                if rr >= 0 && cc >= 0 && rr < side && cc < side && (dy != 0 || dx != 0) {
                    h += Int(kernel[o]) * Int(state[rr * side + cc])
                }
                o += 1
            }
        }
        return Double(h)
    }

    /// b, the same for every pixel.
    public func bias(_ i: Int) -> Double { Double(bias) }
}
