import CKernels

#if canImport(Glibc)
    import Glibc
#endif

/// A modern network's run and where it ended.
public struct ModernSettled: Sendable {
    /// The run.
    public var convergence: ContinuousConvergence
    /// The first memory (by index) that every component of the final state is within the match
    /// tolerance of; else the first negated memory; else none.
    public var match: MemoryMatch
    /// The memory with the largest |cos| with the final state (lowest index on ties).
    public var nearest: Int
    /// That cosine, signed.
    public var cosine: Double
}

/// X s known exactly on a set of memories (ascending indices; nil: every memory); every other
/// memory is provably more than the cut-off below the largest, so its softmax weight is dropped.
struct KnownOverlaps {
    var subset: [Int]?
    var value: [Double]
    /// The largest value.
    let largest: Double

    init(subset: [Int]?, value: [Double]) {
        self.subset = subset
        self.value = value
        largest = value.max() ?? 0
    }

    /// The memory of the k-th value.
    @inline(__always) func memory(_ k: Int) -> Int { subset?[k] ?? k }
}

/// The kept softmax weights, largest first (ties: lower index first), summing to 1.
struct SparseWeights {
    var index: [Int]
    var weight: [Double]
}

extension ModernNetwork {
    /// Runs the network from `initial` as ``converge(from:maxSteps:tolerance:history:)`` and says
    /// where it ended. `startOverlaps`, when given, are the exact integer overlaps X s of a ±1
    /// start (computed for many starts at once by the batched kernels).
    public func settle(
        from initial: [Double], maxSteps: Int, tolerance: Double = 1e-9, history: HistoryOptions = [],
        matchTolerance: Double = 0.01, startOverlaps: [Int32]? = nil
    ) -> ModernSettled {
        precondition(initial.count == neurons)
        var run = Run(network: self, start: initial, startOverlaps: startOverlaps)
        var record = ContinuousHistory()
        var state = initial
        var z = run.startOverlaps
        var softmax = run.softmax(z)
        let energyStart = run.energy(state, softmax.lse)
        if history.contains(.energy) { record.energies.append(energyStart) }
        if history.contains(.states) { record.states.append(state) }
        var steps = 0, status = ConvergenceStatus.unconverged
        var weights = SparseWeights(index: [], weight: [])
        while steps < maxSteps {
            steps += 1
            weights = softmax.weights
            let next = run.state(weights)
            var moved = 0.0
            for i in 0..<state.count { moved = max(moved, abs(next[i] - state[i])) }
            state = next
            z = run.overlaps(of: weights, state: state)
            softmax = run.softmax(z)
            if history.contains(.energy) { record.energies.append(run.energy(state, softmax.lse)) }
            if history.contains(.states) { record.states.append(state) }
            if moved <= tolerance {
                status = .converged
                break
            }
        }
        let convergence = ContinuousConvergence(
            state: state, status: status, steps: steps, energyStart: energyStart,
            energyEnd: run.energy(state, softmax.lse), history: record)
        let located = run.locate(state, z, weights, tolerance: matchTolerance)
        return ModernSettled(convergence: convergence, match: located.match, nearest: located.nearest, cosine: located.cosine)
    }

    /// One run's working values: the start's overlaps, and the distances that bound later ones.
    struct Run {
        let network: ModernNetwork
        let n: Int
        /// X s of the start, for every memory.
        let startOverlaps: KnownOverlaps
        /// Hamming distances of every memory to a ±1 reference point (the start when it is ±1,
        /// later the heaviest kept memory), for the triangle-inequality bounds; nil for
        /// continuous memories or with the Gram matrix.
        var reference: ReferenceDistances?
        /// The memory the reference distances are to (nil: the start).
        var referenceMemory: Int?

        init(network: ModernNetwork, start: [Double], startOverlaps given: [Int32]?) {
            self.network = network
            n = network.neurons
            if let packed = network.packed, start.allSatisfy({ $0 == 1 || $0 == -1 }) {
                let z = given ?? packed.overlaps(with: BinaryPattern(start.map { $0 > 0 ? 1 : -1 }))
                startOverlaps = KnownOverlaps(subset: nil, value: z.map(Double.init))
                if network.gram == nil { reference = ReferenceDistances(z.map { (Int32(packed.neurons) - $0) / 2 }, neurons: n) }
            } else {
                startOverlaps = KnownOverlaps(subset: nil, value: network.similarities(start))
            }
        }

        /// The kept softmax weights of overlaps z, e^(β(z_μ − z_max)) within the cut-off, largest
        /// first, normalised by their sum taken in that order; and lse(β, z) = z_max + β⁻¹ log of
        /// that sum (equal to the full sum in that order: see ``ModernNetwork``).
        func softmax(_ z: KnownOverlaps) -> (weights: SparseWeights, lse: Double) {
            let beta = network.beta, cutoff = network.cutoff
            let largest = z.largest
            var kept: [(Int, Double)] = []
            for (k, v) in z.value.enumerated() where beta * (largest - v) <= cutoff {
                kept.append((z.memory(k), exp(beta * (v - largest))))
            }
            kept.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
            var total = 0.0
            for (_, w) in kept { total += w }
            return (SparseWeights(index: kept.map(\.0), weight: kept.map { $0.1 / total }), largest + log(total) / beta)
        }

        /// Σ_ν p_ν x^ν, summed over the kept memories largest weight first (for ±1 memories from
        /// their bytes: p·(±1) is ±p exactly, the same sums; `hl_sign_combination` keeps 48
        /// components in registers while the memories pass, each summed in that order).
        func state(_ p: SparseWeights) -> [Double] {
            var s = [Double](repeating: 0, count: n)
            if network.packed != nil {
                let rows = p.index.map { Int32(truncatingIfNeeded: $0) }
                network.signs.withUnsafeBufferPointer { signs in
                    hl_sign_combination(signs.baseAddress, n, rows, p.weight, rows.count, &s)
                }
                return s
            }
            network.continuous!.rows.withUnsafeBufferPointer { rows in
                for (nu, weight) in zip(p.index, p.weight) {
                    let base = rows.baseAddress! + nu * n
                    for i in 0..<n { s[i] += weight * base[i] }
                }
            }
            return s
        }

        /// E(s) = −lse(β, X s) + ½ sᵀs + β⁻¹ log P + ½ M².
        func energy(_ s: [Double], _ lse: Double) -> Double {
            var squares = 0.0
            for v in s { squares += v * v }
            return -lse + 0.5 * squares + log(Double(network.count)) / network.beta + network.halfLargestNormSquared
        }
    }
}
