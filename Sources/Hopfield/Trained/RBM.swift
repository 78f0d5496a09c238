#if canImport(Glibc)
    import Glibc
#endif

/// A restricted Boltzmann machine with ±1 units (notebook 003's RBM reconstructor): visible v
/// (the pixels), hidden h, energy E(v, h) = −vᵀWh − aᵀv − bᵀh, so p(h_j = +1 | v) =
/// σ(2(Wᵀv + b)_j) and p(v_i = +1 | h) = σ(2(Wh + a)_i); the mean of h_j given v is
/// tanh((Wᵀv + b)_j).
///
/// Trained with contrastive divergence (CD-k) on mini-batches, from W ~ N(0, 0.01²) drawn from
/// the seed, zero hidden biases and visible biases at the data's mean (atanh of it). Recall
/// iterates visible → hidden → visible to a fixed point:
/// `meanField` uses the hidden means and v ← sign(W·tanh(Wᵀv + b) + a); `sampled` first runs
/// `samplingSteps` Gibbs steps (seeded per image), then mean field. Every sum runs in a fixed
/// order and each output element is computed by one thread, so results do not depend on threads.
public struct RBMNetwork: Sendable {
    /// How recall reaches a fixed point (config key `recall`).
    public enum Recall: String, Sendable, CaseIterable, Codable {
        /// Deterministic from the start: v ← sign(W·tanh(Wᵀv + b) + a) until nothing changes (the
        /// default).
        case meanField = "mean-field"
        /// First `samplingSteps` Gibbs steps v → h → v, units drawn from the image's own stream,
        /// then mean field; the energy and history still start at the given state.
        case sampled
    }

    /// Training and recall settings (config keys `hidden`, `epochs`, `learningRate`, `batchSize`,
    /// `cdSteps`, `recall`, `samplingSteps`).
    public struct Options: Sendable, Equatable, Hashable {
        /// H, the number of hidden units. In `Configs/mnist-denoise.json` (32×32 digits, N = 1024),
        /// 256 units make 263,424 parameters and recover 95.5% of the 200 digits exactly from 15%
        /// flips.
        public var hidden = 256
        /// Passes over the training patterns; all of them run (there is no stopping rule).
        public var epochs = 100
        /// η: each mini-batch adds η/B · Σ (v₀h₀ᵀ − v_k h_kᵀ) to W, and the matching differences of
        /// v and h to a and b (B the batch's size, h the hidden means).
        public var learningRate = 0.01
        /// B, patterns per gradient step (the last batch of an epoch may be smaller); 10 is the
        /// small end of the 10 to 100 of Hinton's practical guide.
        public var batchSize = 10
        /// k of CD-k, the Gibbs steps from the data to the negative sample (at least 1). CD-1 is
        /// the classical and cheapest choice.
        public var cdSteps = 1
        /// How the trained network recalls (``Recall/meanField`` by default).
        public var recall: Recall = .meanField
        /// Gibbs steps before mean field when `recall` is ``Recall/sampled``.
        public var samplingSteps = 10
        /// The defaults: 256 hidden units, 100 epochs, η = 0.01, batches of 10, CD-1, mean-field
        /// recall.
        public init() {}
    }

    /// The training patterns (for outcomes); the parameters alone drive recall.
    public let memories: Memories
    /// N, the number of visible units (pixels).
    public let visible: Int
    /// H, the number of hidden units.
    public let hidden: Int
    /// Row-major visible × hidden.
    public let weights: [Double]
    /// a, one per visible unit.
    public let visibleBias: [Double]
    /// b, one per hidden unit.
    public let hiddenBias: [Double]
    /// How ``converge(from:maxSweeps:rng:history:)`` reaches a fixed point.
    public let recall: Recall
    /// Gibbs steps before mean field for ``Recall/sampled``.
    public let samplingSteps: Int

    /// Wraps parameters, as ``train(_:options:seed:jobs:observer:)`` returns them or as reloaded
    /// from a finished run: W row-major N×H, a of length N, b of length H.
    public init(
        memories: Memories, hidden: Int, weights: [Double], visibleBias: [Double], hiddenBias: [Double],
        recall: Recall = .meanField, samplingSteps: Int = 10
    ) {
        precondition(weights.count == memories.neurons * hidden && visibleBias.count == memories.neurons && hiddenBias.count == hidden)
        self.memories = memories
        visible = memories.neurons
        self.hidden = hidden
        self.weights = weights
        self.visibleBias = visibleBias
        self.hiddenBias = hiddenBias
        self.recall = recall
        self.samplingSteps = samplingSteps
    }

    /// N·H + N + H: the weights and both biases.
    public var parameterCount: Int { visible * hidden + visible + hidden }

    /// Wᵀv + b: threads take slices of the hidden units; each sum runs over i in order.
    func hiddenField(_ v: [Double], jobs: Int = 1) -> [Double] {
        var out = hiddenBias
        let n = visible, h = hidden
        let slices = max(1, min(jobs, h / 32))
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { o in
                let dst = SendablePointer(o.baseAddress!)
                let ws = SendableConstPointer(UnsafePointer(w.baseAddress!))
                parallelForEach(count: slices, jobs: slices) { slice in
                    let lo = slice * h / slices, hi = (slice + 1) * h / slices
                    for i in 0..<n {
                        let vi = v[i]
                        if vi == 0 { continue }
                        let row = ws.pointer + i * h
                        for j in lo..<hi { dst.pointer[j] += row[j] * vi }
                    }
                }
            }
        }
        return out
    }

    /// W h + a.
    func visibleField(_ hv: [Double], jobs: Int = 1) -> [Double] {
        var out = [Double](repeating: 0, count: visible)
        let h = hidden
        weights.withUnsafeBufferPointer { w in
            out.withUnsafeMutableBufferPointer { o in
                let dst = SendablePointer(o.baseAddress!)
                let ws = SendableConstPointer(UnsafePointer(w.baseAddress!))
                parallelForEach(count: visible, jobs: jobs) { i in
                    var sum = visibleBias[i]
                    let row = ws.pointer + i * h
                    for j in 0..<h { sum += row[j] * hv[j] }
                    dst.pointer[i] = sum
                }
            }
        }
        return out
    }

    @inline(__always) static func sign(_ x: Double) -> Double { x >= 0 ? 1 : -1 }
    @inline(__always) static func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

    /// One deterministic pass: sign(W tanh(Wᵀv + b) + a).
    public func meanFieldStep(_ v: [Double], jobs: Int = 1) -> [Double] {
        visibleField(hiddenField(v, jobs: jobs).map { tanh($0) }, jobs: jobs).map(RBMNetwork.sign)
    }

    /// Free energy F(v) = −aᵀv − Σ_j log(2 cosh((Wᵀv + b)_j)), the energy of the visible layer.
    public func freeEnergy(_ v: [Double]) -> Double {
        var f = 0.0
        for i in 0..<visible { f -= visibleBias[i] * v[i] }
        for u in hiddenField(v) {
            let a = abs(u)
            f -= a + log(1 + exp(-2 * a))  // log(2 cosh u), stable
        }
        return f
    }

    /// Recall from a start (±1, or 0 for undecided pixels).
    public func converge(from start: [Double], maxSweeps: Int, rng: inout Xoshiro256StarStar, history: HistoryOptions = []) -> Convergence {
        var v = start
        var sampled: [Double]?
        if recall == .sampled {
            for _ in 0..<samplingSteps {
                let hp = hiddenField(v).map { RBMNetwork.sigmoid(2 * $0) }
                let hs = hp.map { rng.unit() < $0 ? 1.0 : -1.0 }
                let vp = visibleField(hs).map { RBMNetwork.sigmoid(2 * $0) }
                v = vp.map { rng.unit() < $0 ? 1.0 : -1.0 }
            }
            sampled = v
        }
        return iterateToFixedPoint(
            from: start, continuing: sampled, maxSweeps: maxSweeps, history: history,
            step: { meanFieldStep($0) }, energy: freeEnergy)
    }

    /// CD-k training on the memories.
    public static func train(
        _ memories: Memories, options: Options, seed: UInt64, jobs: Int = 1,
        observer: TrainingObserver? = nil
    ) -> (RBMNetwork, [TrainingEpoch]) {
        let n = memories.neurons, h = options.hidden, p = memories.count
        var rng = Xoshiro256StarStar(seed: seed)
        var weights = (0..<(n * h)).map { _ in 0.01 * rng.gaussian() }
        let data = (0..<p).map { memories.pattern($0).map(Double.init) }
        // Visible biases start at the data's own statistics (Hinton's practical guide): a_i =
        // atanh(mean of v_i), clipped; otherwise a background-heavy dataset (digits are 80% −1)
        // spends its first epochs learning the background.
        var a = (0..<n).map { i -> Double in
            let mean = data.reduce(0.0) { $0 + $1[i] } / Double(p)
            return 0.5 * log((1 + max(-0.98, min(0.98, mean))) / (1 - max(-0.98, min(0.98, mean))))
        }
        var b = [Double](repeating: 0, count: h)
        var order = Array(0..<p)
        var epochs: [TrainingEpoch] = []
        for epoch in 1...max(1, options.epochs) {
            rng.shuffle(&order)
            var start = 0
            while start < p {
                let batch = Array(order[start..<min(start + options.batchSize, p)])
                start += options.batchSize
                let model = RBMNetwork(memories: memories, hidden: h, weights: weights, visibleBias: a, hiddenBias: b)
                var positive: [([Double], [Double])] = [], negative: [([Double], [Double])] = []
                for mu in batch {
                    let v0 = data[mu]
                    let h0 = model.hiddenField(v0, jobs: jobs).map { tanh($0) }
                    var hs = h0.map { rng.unit() < (1 + $0) / 2 ? 1.0 : -1.0 }
                    var vk = v0
                    for step in 0..<max(1, options.cdSteps) {
                        let vp = model.visibleField(hs, jobs: jobs).map { RBMNetwork.sigmoid(2 * $0) }
                        vk = vp.map { rng.unit() < $0 ? 1.0 : -1.0 }
                        if step < options.cdSteps - 1 {
                            hs = model.hiddenField(vk, jobs: jobs).map { rng.unit() < RBMNetwork.sigmoid(2 * $0) ? 1.0 : -1.0 }
                        }
                    }
                    let hk = model.hiddenField(vk, jobs: jobs).map { tanh($0) }
                    positive.append((v0, h0))
                    negative.append((vk, hk))
                }
                let scale = options.learningRate / Double(batch.count)
                let pos = positive, neg = negative
                weights.withUnsafeMutableBufferPointer { w in
                    let dst = SendablePointer(w.baseAddress!)
                    parallelForEach(count: n, jobs: jobs) { i in
                        for j in 0..<h {
                            var g = 0.0
                            for k in 0..<pos.count { g += pos[k].0[i] * pos[k].1[j] - neg[k].0[i] * neg[k].1[j] }
                            dst.pointer[i * h + j] += scale * g
                        }
                    }
                }
                for i in 0..<n {
                    var g = 0.0
                    for k in 0..<pos.count { g += pos[k].0[i] - neg[k].0[i] }
                    a[i] += scale * g
                }
                for j in 0..<h {
                    var g = 0.0
                    for k in 0..<pos.count { g += pos[k].1[j] - neg[k].1[j] }
                    b[j] += scale * g
                }
            }
            let model = RBMNetwork(memories: memories, hidden: h, weights: weights, visibleBias: a, hiddenBias: b)
            let entry = model.epochEntry(epoch, data: data, jobs: jobs)
            epochs.append(entry)
            observer?(entry)
        }
        return (
            RBMNetwork(
                memories: memories, hidden: h, weights: weights, visibleBias: a, hiddenBias: b,
                recall: options.recall, samplingSteps: options.samplingSteps), epochs
        )
    }
}

extension RBMNetwork {
    /// An epoch's figures: the fraction of visible units that one mean-field step from each
    /// training pattern gets wrong, and the fraction of patterns it keeps whole.
    func epochEntry(_ epoch: Int, data: [[Double]], jobs: Int) -> TrainingEpoch {
        var wrong = 0, stable = 0
        for v in data {
            let r = meanFieldStep(v, jobs: jobs)
            let errors = zip(r, v).filter { $0 != $1 }.count
            wrong += errors
            if errors == 0 { stable += 1 }
        }
        let total = Double(memories.neurons * data.count)
        return TrainingEpoch(epoch: epoch, loss: Double(wrong) / total, stablePatterns: Double(stable) / Double(data.count))
    }
}

/// Iterates a parallel update v ← step(v) from `start` (or from `continuing`, a state reached
/// from it by sampling) until nothing changes (converged), a state comes back (cycle), or
/// `maxSweeps` steps. The energy and history start at `start`.
func iterateToFixedPoint(
    from start: [Double], continuing: [Double]?, maxSweeps: Int, history: HistoryOptions,
    step: ([Double]) -> [Double], energy: ([Double]) -> Double
) -> Convergence {
    var record = History()
    func note(_ v: [Double]) {
        if history.contains(.energy) { record.energies.append(energy(v)) }
        if history.contains(.states) { record.states.append(v.map { Int8($0 > 0 ? 1 : ($0 < 0 ? -1 : 0)) }) }
    }
    let energyStart = energy(start)
    note(start)
    var v = continuing ?? start
    var sweeps = 0, flips = 0
    var status = ConvergenceStatus.unconverged
    var seen = Set<[Double]>()
    while sweeps < maxSweeps {
        sweeps += 1
        let next = step(v)
        let changed = zip(next, v).filter { $0 != $1 }.count
        flips += changed
        v = next
        note(v)
        if changed == 0 {
            status = .converged
            break
        }
        if !seen.insert(v).inserted {
            status = .cycle
            break
        }
    }
    return Convergence(
        state: v.map { Int8($0 > 0 ? 1 : -1) }, status: status, sweeps: sweeps, flips: flips, cyclePeriod: nil,
        energyStart: energyStart, energyEnd: energy(v), history: record)
}
