import CKernels

/// Krotov and Hopfield's (2016) dense associative memory classifier: K memories ξ^μ over the N
/// pixel neurons and C class neurons, energy E = −Σ_μ F_n(ξ^μ·σ) with the rectified polynomial
/// F_n(x) = max(x, 0)ⁿ, and the class read after one update of the class neurons (Eq. 9 of
/// "Dense Associative Memory for Pattern Recognition"):
///
///     a_μ = Σ_i ξ_μi v_i − Σ_γ ξ_μγ              (every class neuron off)
///     s_α = Σ_μ F_n((a_μ + 2 ξ_μα)/T) − F_n(a_μ/T)   (class α switched on)
///     c_α = tanh(s_α), the class is argmax_α s_α (the lowest α among equals)
///
/// The temperature enters as x = a/T inside F (β = T⁻ⁿ times F_n(a), the same value without
/// forming Tⁿ). The memories are trained by ``train(images:labels:classes:options:seed:jobs:observer:)``
/// on the loss Σ_α (c_α − t_α)^(2m) as in Krotov's notebook (mini-batches, momentum, each
/// memory's step normalised by its largest component, the rate ε₀ fⁿ per epoch, memories clipped
/// to [−1, 1]).
///
/// Arithmetic is Float in fixed orders (8-lane dot products combined pairwise, sums over
/// memories, classes and samples in index order); tanh is computed in Double and rounded: the
/// same bits for any thread count, on every machine with the same C library. The dot products of
/// many images with many memories run in register tiles (`hl_fdot_rows`), each in the same order.
public struct DenseClassifier: Sendable {
    /// Training and model settings (config keys of the `dam` rule).
    public struct Options: Sendable, Equatable, Hashable {
        /// K, the memories (hidden units).
        public var memories = 200
        /// n, the power of the rectified polynomial F_n.
        public var power = 3
        /// m: the loss is Σ_α (c_α − t_α)^(2m).
        public var lossPower = 3
        /// T, the temperature (in units of the overlap a): x = a/T.
        public var temperature = 30.0
        /// Training epochs (passes over the training images).
        public var epochs = 40
        /// Images per mini-batch.
        public var batchSize = 100
        /// ε₀: each memory's largest step in the first epoch.
        public var learningRate = 0.02
        /// f: the step is ε₀ fᵉ in epoch e (from 0).
        public var decay = 0.95
        /// p: the momentum, V ← p V + (−∇).
        public var momentum = 0.6
        /// σ: memories start as N(0, σ²) draws.
        public var initialSpread = 0.3

        /// The defaults of the recommended Fashion-MNIST recipe (n = m = 3, K = 200, T = 30).
        public init() {}
    }

    /// N, the pixel neurons.
    public let neurons: Int
    /// C, the class neurons.
    public let classes: Int
    /// The settings the memories were trained with.
    public let options: Options
    /// K × (N + C) row-major: memory μ's pixel part, then its class part.
    public let memories: [Float]

    /// K.
    public var count: Int { options.memories }
    /// N + C, the length of a memory.
    public var width: Int { neurons + classes }

    /// Wraps trained (or loaded) memories: K × (N + C) values in [−1, 1].
    public init(neurons: Int, classes: Int, options: Options, memories: [Float]) {
        precondition(memories.count == options.memories * (neurons + classes), "K × (N + C) memory values")
        self.neurons = neurons
        self.classes = classes
        self.options = options
        self.memories = memories
    }

    /// s_α for every class (see the type's description), for one image of N values.
    public func scores(_ image: [Float]) -> [Float] {
        precondition(image.count == neurons)
        let offsets = classOffsets(memories)
        let dots = pixelDots(image)
        let a = (0..<count).map { dots[$0] - offsets[$0] }
        return memories.withUnsafeBufferPointer { classScores(a, memories: $0.baseAddress!) }
    }

    /// The predicted class: argmax_α s_α, the lowest α among equals.
    public func classify(_ image: [Float]) -> Int { Self.argmax(scores(image)) }

    /// The memory with the largest pixel overlap a_μ + Σ_γ ξ_μγ = Σ_i ξ_μi v_i with the image, and
    /// the class its class part votes for (argmax_γ ξ_μγ).
    public func nearestMemory(_ image: [Float]) -> (memory: Int, vote: Int) {
        var best = 0, largest = -Float.infinity
        for (mu, d) in pixelDots(image).enumerated() where d > largest { (best, largest) = (mu, d) }
        return (best, Self.argmax(Array(memories[(best * width + neurons)..<((best + 1) * width)])))
    }

    /// E = −Σ_μ F_n(ξ^μ·σ / T) for the image with the class neurons set to `on` (+1 for that
    /// class, −1 for the others; nil: all off), on the scale x = a/T.
    public func energy(_ image: [Float], on: Int?) -> Double {
        let offsets = classOffsets(memories)
        let dots = pixelDots(image)
        var e = 0.0
        for mu in 0..<count {
            var a = dots[mu] - offsets[mu]
            if let on { a += 2 * memories[mu * width + neurons + on] }
            e -= Double(Self.rectified(a / Float(options.temperature), options.power))
        }
        return e
    }

    /// Σ_i ξ_μi v_i for every memory, each in ``FloatDot``'s order (four memories at a time).
    func pixelDots(_ image: [Float]) -> [Float] {
        precondition(image.count == neurons)
        var out = [Float](repeating: 0, count: count)
        image.withUnsafeBufferPointer { v in
            memories.withUnsafeBufferPointer { xi in
                hl_fdot_rows(xi.baseAddress, width, count, v.baseAddress, neurons, 1, neurons, &out, count)
            }
        }
        return out
    }

    /// Σ_γ ξ_μγ for every memory.
    func classOffsets(_ xi: [Float]) -> [Float] {
        (0..<count).map { mu in
            var sum: Float = 0
            for gamma in 0..<classes { sum += xi[mu * width + neurons + gamma] }
            return sum
        }
    }

    /// s_α = Σ_μ F_n((a_μ + 2ξ_μα)/T) − F_n(a_μ/T), μ in order.
    func classScores(_ a: [Float], memories xi: UnsafePointer<Float>) -> [Float] {
        var terms = ScoreTerms(self)
        terms.compute(a, memories: xi, model: self)
        return terms.scores()
    }

    /// F_{n−1} and F_n of every x = (a_μ + 2ξ_μα)/T (class α on) and x = a_μ/T (every class off)
    /// for one image, μ by μ and α by α, as flat arrays: the rectified powers run as selects and
    /// products over whole arrays (vector code; a branch on the sign of x, which is random over
    /// memories and images, was mispredicted half the time), and the sums over them then run in
    /// their fixed orders. F_n(x) = max(x, 0)ⁿ by repeated products from the left, with F_0(x) = 1
    /// for x > 0 (or NaN) and 0 otherwise, as the scalar rule it replaces; F_n = F_{n−1}·max(x, 0),
    /// the same product.
    struct ScoreTerms {
        let classes: Int, count: Int
        /// Class on: K × C values of x, then F_{n−1}(x) and F_n(x).
        var on: [Float], onLower: [Float], onUpper: [Float]
        /// Every class off: K values of x, then F_{n−1}(x) and F_n(x).
        var off: [Float], offLower: [Float], offUpper: [Float]

        init(_ model: DenseClassifier) {
            precondition(model.options.power >= 1, "F_n needs n ≥ 1 (the gradient uses F_{n−1})")
            classes = model.classes
            count = model.count
            on = [Float](repeating: 0, count: count * classes)
            (onLower, onUpper) = (on, on)
            off = [Float](repeating: 0, count: count)
            (offLower, offUpper) = (off, off)
        }

        /// The terms of overlaps a (class neurons off) with the memories' class parts.
        mutating func compute(_ a: [Float], memories xi: UnsafePointer<Float>, model: DenseClassifier) {
            let inverse = 1 / Float(model.options.temperature), c = classes, width = model.width
            let classPart = xi + model.neurons
            a.withUnsafeBufferPointer { ab in
                on.withUnsafeMutableBufferPointer { x in
                    for mu in 0..<count {
                        let row = classPart + mu * width
                        for alpha in 0..<c { x[mu * c + alpha] = (ab[mu] + 2 * row[alpha]) * inverse }
                    }
                }
                off.withUnsafeMutableBufferPointer { x in for mu in 0..<count { x[mu] = ab[mu] * inverse } }
            }
            Self.powers(on, model.options.power, lower: &onLower, upper: &onUpper)
            Self.powers(off, model.options.power, lower: &offLower, upper: &offUpper)
        }

        /// s_α = Σ_μ F_n(x_on) − F_n(x_off), μ in order.
        func scores() -> [Float] {
            var s = [Float](repeating: 0, count: classes)
            let c = classes
            s.withUnsafeMutableBufferPointer { sb in
                onUpper.withUnsafeBufferPointer { up in
                    offUpper.withUnsafeBufferPointer { o in
                        for mu in 0..<count {
                            for alpha in 0..<c { sb[alpha] += up[mu * c + alpha] - o[mu] }
                        }
                    }
                }
            }
            return s
        }

        /// lower = F_{n−1}(x), upper = F_n(x) for every x.
        static func powers(_ x: [Float], _ n: Int, lower: inout [Float], upper: inout [Float]) {
            x.withUnsafeBufferPointer { xb in
                lower.withUnsafeMutableBufferPointer { lo in
                    upper.withUnsafeMutableBufferPointer { up in
                        // upper holds max(x, 0) (+0 for x ≤ 0, NaN for NaN: as `x <= 0 ? 0 : x`).
                        for i in 0..<xb.count { up[i] = max(xb[i], 0) }
                        if n == 1 {
                            for i in 0..<xb.count { lo[i] = xb[i] <= 0 ? 0 : 1 }
                        } else {
                            for i in 0..<xb.count { lo[i] = up[i] }
                            for _ in 2..<max(2, n) {
                                for i in 0..<xb.count { lo[i] *= up[i] }
                            }
                        }
                        for i in 0..<xb.count { up[i] = lo[i] * up[i] }
                    }
                }
            }
        }
    }

    /// F_n(x) = max(x, 0)ⁿ by repeated products (0 for x ≤ 0).
    static func rectified(_ x: Float, _ n: Int) -> Float {
        if x <= 0 { return 0 }
        var y: Float = 1
        for _ in 0..<n { y *= x }
        return y
    }

    /// The first index of the largest value.
    static func argmax(_ values: [Float]) -> Int {
        var best = 0
        for k in values.indices where values[k] > values[best] { best = k }
        return best
    }

    /// Σ_i a_i b_i in ``FloatDot``'s fixed order.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, _ n: Int) -> Float { FloatDot.dot(a, b, n) }
}
