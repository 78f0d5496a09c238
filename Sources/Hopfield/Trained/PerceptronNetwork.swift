/// Couplings and biases learned so that every training pattern is a fixed point with a margin:
/// one perceptron per neuron (Gardner 1988; the classical answer to notebook 003's trained dense
/// layer). Capacity up to P = 2N at zero margin, against the Hebbian rule's 0.138 N.
///
/// The couplings are **asymmetric**: each neuron's incoming weights are learned on their own,
/// which is the setting of Gardner's bound (a symmetric constraint couples the N problems and
/// lowers the capacity). The price is that there is no energy function: asynchronous dynamics
/// are not guaranteed to settle, so cycles and unconverged runs are detected and reported; the
/// reported "energy" is that of the symmetric part, −½ sᵀ((W + Wᵀ)/2)s − bᵀs.
///
/// Learning: start from W = 0, b = 0; each epoch visits the patterns in a fresh seeded order;
/// for pattern μ and neuron i, the stability γ = x_i (Σ_j W_ij x_j + b_i) / ‖(W_i·, b_i)‖ must
/// exceed the margin κ; if not, W_ij += x_i x_j (j ≠ i) and b_i += x_i. All quantities are
/// integers (the norm aside), so training is exact, and neurons train in parallel without
/// changing a bit of the result.
public struct PerceptronNetwork: LocalFieldNetwork {
    /// The training patterns (for outcomes and overlaps); the weights alone drive the dynamics.
    public let memories: Memories
    /// N, the length of each pattern.
    public let neurons: Int
    /// Row-major N×N, zero diagonal.
    public let weights: [Int32]
    /// b_i, one integer per neuron.
    public let biases: [Int32]
    /// max_ij |W_ij|, for the engine's pruning.
    public let couplingBound: Double
    /// 0: fields are exact integers, so only an exact 0 is a tie.
    public var tieTolerance: Double { 0 }

    /// Training settings (config keys `margin` and `maxEpochs`).
    public struct Options: Sendable, Equatable, Hashable {
        /// κ, in units of the weight vector's norm. 0.5 keeps the training patterns stable against
        /// a few flipped bits and is reached below P ≈ N (Gardner: α_c(0.5) ≈ 1).
        public var margin = 0.5
        /// The most passes over the patterns. Training stops earlier once every pattern has the
        /// margin, which the perceptron reaches in finitely many updates whenever couplings with
        /// a larger margin exist; 200 bounds the cost when P is beyond capacity.
        public var maxEpochs = 200
        /// Options with the given values (defaults κ = 0.5, 200 epochs).
        public init(margin: Double = 0.5, maxEpochs: Int = 200) {
            self.margin = margin
            self.maxEpochs = maxEpochs
        }
    }

    /// Wraps learned parameters, N×N row-major weights and N biases, as
    /// ``train(_:options:seed:jobs:observer:)`` returns them or as reloaded from a finished run.
    public init(memories: Memories, weights: [Int32], biases: [Int32]) {
        precondition(weights.count == memories.neurons * memories.neurons && biases.count == memories.neurons)
        self.memories = memories
        neurons = memories.neurons
        self.weights = weights
        self.biases = biases
        couplingBound = Double(weights.map { abs(Int($0)) }.max() ?? 0)
    }

    /// Trains on the memories. `jobs` threads share the neurons; the result does not depend on it.
    /// Stops once every pattern has the margin; otherwise after `maxEpochs`, keeping the weights of
    /// the epoch with the most stable training patterns (the pocket algorithm; the latest among
    /// equals), so a last epoch that did worse does not cost stored patterns.
    public static func train(
        _ memories: Memories, options: Options, seed: UInt64, jobs: Int = 1,
        observer: TrainingObserver? = nil
    ) -> (PerceptronNetwork, [TrainingEpoch]) {
        let n = memories.neurons, p = memories.count
        let weights = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n * n)
        weights.initialize(repeating: 0)
        defer { weights.deallocate() }
        let biases = UnsafeMutableBufferPointer<Int32>.allocate(capacity: n)
        biases.initialize(repeating: 0)
        defer { biases.deallocate() }
        let rows = memories.rows
        var rng = Xoshiro256StarStar(seed: seed)
        var order = Array(0..<p)
        var epochs: [TrainingEpoch] = []
        // The pocket: the weights after the epoch with the most stable training patterns (the
        // latest among equals), kept when later epochs do worse.
        var pocketWeights = [Int32](repeating: 0, count: n * n), pocketBiases = [Int32](repeating: 0, count: n)
        var pocketStable = -1
        let unstableCounts = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        defer { unstableCounts.deallocate() }
        // wrong[i·P + μ]: neuron i would flip in pattern μ after this epoch (written by i's thread).
        let wrongBits = UnsafeMutableBufferPointer<Bool>.allocate(capacity: n * p)
        defer { wrongBits.deallocate() }
        let w = SendablePointer(weights.baseAddress!), b = SendablePointer(biases.baseAddress!)
        let counts = SendablePointer(unstableCounts.baseAddress!), wrong = SendablePointer(wrongBits.baseAddress!)
        rows.withUnsafeBufferPointer { rowsBuffer in
            let data = SendableConstPointer(rowsBuffer.baseAddress!)
            for epoch in 1...max(1, options.maxEpochs) {
                rng.shuffle(&order)
                let visiting = order
                // Each neuron is its own perceptron: trained independently, in parallel.
                parallelForEach(count: n, jobs: jobs) { i in
                    let row = w.pointer + i * n
                    func field(_ x: UnsafePointer<Int8>) -> Int {
                        var h = Int(b.pointer[i])
                        for j in 0..<n { h += Int(row[j]) * Int(x[j]) }
                        return h
                    }
                    var unstable = 0
                    var norm2 = 0.0
                    for j in 0..<n { norm2 += Double(row[j]) * Double(row[j]) }
                    norm2 += Double(b.pointer[i]) * Double(b.pointer[i])
                    for mu in visiting {
                        let x = data.pointer + mu * n
                        let xi = Int(x[i])
                        if Double(xi * field(x)) <= options.margin * norm2.squareRoot() {
                            unstable += 1
                            for j in 0..<n where j != i {
                                let old = Double(row[j])
                                row[j] &+= Int32(xi) &* Int32(x[j])
                                norm2 += Double(row[j]) * Double(row[j]) - old * old
                            }
                            let oldBias = Double(b.pointer[i])
                            b.pointer[i] &+= Int32(xi)
                            norm2 += Double(b.pointer[i]) * Double(b.pointer[i]) - oldBias * oldBias
                        }
                    }
                    counts.pointer[i] = unstable
                    // Row i is final for this epoch: does the update rule (tie → +1) give x_i^μ back?
                    for mu in 0..<p {
                        let x = data.pointer + mu * n
                        wrong.pointer[i * p + mu] = (field(x) >= 0) != (x[i] > 0)
                    }
                }
                let unstable = (0..<n).reduce(0) { $0 + counts.pointer[$1] }
                let stable = (0..<p).filter { mu in !(0..<n).contains { wrong.pointer[$0 * p + mu] } }.count
                let entry = TrainingEpoch(epoch: epoch, loss: Double(unstable) / Double(n * p), stablePatterns: Double(stable) / Double(p))
                epochs.append(entry)
                observer?(entry)
                if stable >= pocketStable {
                    pocketStable = stable
                    pocketWeights.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: weights) }
                    pocketBiases.withUnsafeMutableBufferPointer { _ = $0.update(fromContentsOf: biases) }
                }
                if unstable == 0 { break }
            }
        }
        return (PerceptronNetwork(memories: memories, weights: pocketWeights, biases: pocketBiases), epochs)
    }

    /// N², the size of the weight matrix (its zero diagonal included, the biases not): the count
    /// reported for the run.
    public var parameterCount: Int { neurons * neurons }

    /// Runs the dynamics from `initial` (see ``BinaryNetwork``). The couplings are asymmetric, so
    /// cycles and unconverged runs are possible and reported.
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// h_i = Σ_j W_ij s_j + b_i in exact integer arithmetic: O(N).
    @inline(__always)
    public func localField(_ i: Int, _ state: UnsafeBufferPointer<Int8>) -> Double {
        weights.withUnsafeBufferPointer { w in
            let row = w.baseAddress! + i * neurons
            var h = Int(biases[i])
            for j in 0..<neurons { h += Int(row[j]) * Int(state[j]) }
            return Double(h)
        }
    }

    /// b_i, for the energy.
    public func bias(_ i: Int) -> Double { Double(biases[i]) }
}
