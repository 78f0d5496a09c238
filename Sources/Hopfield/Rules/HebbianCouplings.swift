import CKernels

/// The Hebbian rule as an explicit N×N matrix of exact Int16 couplings, W_ij = Σ_μ x_i^μ x_j^μ
/// (|W_ij| ≤ P ≤ 32,767) with W_ii = 0, for many convergences that start at the stored patterns
/// themselves: the capacity experiment (notebook 001's exercise 6.13).
///
/// ``HebbianNetwork`` never builds W: it keeps the P overlaps and computes a field in O(P), so a
/// sweep costs O(N·P), which at N = 16,384 and P = 3,277 is 54 million operations over a 215 MB
/// mask table, per sweep and per start. Here the N fields are kept instead: a sweep reads them,
/// and a change of neuron i adds its row of W to them, O(N) per change. Starts at stored patterns
/// make the first fields cheap too: with the Gram matrix G = X Xᵀ (P×P, from the bit-packed
/// kernels), pattern μ's fields are h_i = Σ_ν x_i^ν G_νμ − P·x_i^μ, computed for 32 patterns per
/// pass over the neurons' bits. W is built from the same bits, column i being neuron i's bits
/// across the patterns: W_ij = P − 2·popcount(c_i ⊕ c_j), the upper triangle mirrored.
///
/// The dynamics are ``HebbianNetwork``'s, draw for draw: the same orders, visits, tie rule and
/// field-pass shortcut, so the same states, sweeps, changes and energies (the tests compare them
/// run by run). Every number is an exact integer, so the threads and the CPU change nothing.
/// Memory: 2·N² bytes (512 MB at N = 16,384), hence ``fits(neurons:patterns:)``.
public final class HebbianCouplings: @unchecked Sendable {
    /// The stored patterns.
    public let memories: Memories
    /// N.
    public let neurons: Int
    let patterns: Int
    /// W, N×N row-major (written once by the initialiser, then only read).
    let weights: UnsafeMutablePointer<Int16>
    /// Neuron i's bits across the patterns (``PackedPatterns/init(columnsOf:)``).
    let columns: PackedPatterns
    /// G = X Xᵀ, P×P row-major.
    let gram: [Int32]

    /// The most bytes W may take (1 GiB: N ≤ 23,170).
    public static let byteLimit = 1 << 30

    /// Whether W fits in Int16 entries (P ≤ 32,767) and in ``byteLimit``.
    public static func fits(neurons n: Int, patterns p: Int) -> Bool {
        p >= 1 && p <= Int(Int16.max) && 2 * n * n <= byteLimit
    }

    /// Whether these dynamics can run here: one neuron at a time in shuffled (`async`) or index
    /// (`sequential`) order, without a recorded history, at zero temperature.
    public static func supports(_ dynamics: Dynamics) -> Bool {
        (dynamics.mode == .async || dynamics.mode == .sequential) && dynamics.history.isEmpty && !dynamics.isStochastic
    }

    /// Builds the columns, G and W, on `jobs` threads: O(N²·P/64 + P²·N/64) word operations.
    public init(memories: Memories, jobs: Int) {
        let n = memories.neurons, p = memories.count
        precondition(Self.fits(neurons: n, patterns: p), "W of N = \(n), P = \(p) does not fit")
        self.memories = memories
        neurons = n
        patterns = p
        let columns = PackedPatterns(columnsOf: memories)
        self.columns = columns
        // G, in blocks of rows on every thread.
        let matrix = memories.matrix, rowBlock = 64
        gram = parallelMap(count: (p + rowBlock - 1) / rowBlock, jobs: jobs) { k in
            matrix.overlaps((k * rowBlock)..<min(p, (k + 1) * rowBlock), with: matrix)
        }.flatMap { $0 }
        // W: block k computes rows i0..<i1 from column i0 on, and writes them and their mirror
        // (columns i0..<i1 of rows i0..<N); the blocks' regions do not overlap.
        let w = UnsafeMutablePointer<Int16>.allocate(capacity: n * n)
        weights = w
        let target = SendablePointer(w)
        parallelForEach(count: (n + rowBlock - 1) / rowBlock, jobs: jobs) { k in
            let w = target.pointer
            let i0 = k * rowBlock, i1 = min(n, i0 + rowBlock), width = n - i0
            let out = columns.overlaps(i0..<i1, with: columns, columns: i0..<n)
            out.withUnsafeBufferPointer { o in
                for i in i0..<i1 {
                    let row = o.baseAddress! + (i - i0) * width - i0
                    for j in i0..<n { w[i &* n &+ j] = i == j ? 0 : Int16(truncatingIfNeeded: row[j]) }
                }
                for j in i1..<max(n, i1) {
                    for i in i0..<i1 { w[j &* n &+ i] = Int16(truncatingIfNeeded: o[(i - i0) * width + (j - i0)]) }
                }
            }
        }
    }

    deinit { weights.deallocate() }

    /// W_ij (for tests).
    public func coupling(_ i: Int, _ j: Int) -> Int { Int(weights[i * neurons + j]) }

    /// Starts per pass over the neurons' bits.
    static let block = 32

    /// Converges from every stored pattern μ, with the stream `stream(μ)`, on `jobs` threads (32
    /// patterns at a time). For each: the run, as ``HebbianNetwork/converge(from:dynamics:rng:)``
    /// gives it, and whether the pattern itself is a fixed point.
    public func convergeFromMemories(jobs: Int, dynamics: Dynamics, stream: @Sendable (Int) -> Xoshiro256StarStar)
        -> [(convergence: Convergence, stable: Bool)]
    {
        precondition(Self.supports(dynamics))
        let n = neurons, p = patterns, block = Self.block
        return parallelMap(count: (p + block - 1) / block, jobs: jobs) { k -> [(convergence: Convergence, stable: Bool)] in
            let mu0 = k * block, count = min(p, mu0 + block) - mu0
            var sums = [Int32](repeating: 0, count: n * count)
            columns.storage.withUnsafeBufferPointer { c in
                gram.withUnsafeBufferPointer { g in
                    sums.withUnsafeMutableBufferPointer { out in
                        hl_signed_column_sums(c.baseAddress, n, columns.words, g.baseAddress! + mu0, p, p, count, out.baseAddress)
                    }
                }
            }
            let run = Run(neurons: n)
            return (0..<count).map { b in
                let mu = mu0 + b
                memories.rows.withUnsafeBufferPointer { rows in
                    for i in 0..<n {
                        let x = rows[mu &* n &+ i]
                        run.state[i] = x
                        run.fields[i] = sums[i &* count &+ b] &- Int32(truncatingIfNeeded: p) &* Int32(x)
                    }
                }
                var rng = stream(mu)
                return converge(run, dynamics: dynamics, rng: &rng)
            }
        }.flatMap { $0 }
    }

    /// One convergence's buffers.
    final class Run {
        let state: UnsafeMutablePointer<Int8>
        let fields: UnsafeMutablePointer<Int32>
        let order: UnsafeMutablePointer<Int32>
        init(neurons n: Int) {
            state = .allocate(capacity: n)
            fields = .allocate(capacity: n)
            order = .allocate(capacity: n)
        }
        deinit {
            state.deallocate()
            fields.deallocate()
            order.deallocate()
        }
    }

    /// The engine's loop (`DynamicsEngine`) on kept fields: sweeps until one changes nothing;
    /// after a sweep that changed fewer than N/32 neurons, a state that no field disagrees with is
    /// a fixed point, counted as a sweep without drawing its order.
    func converge(_ run: Run, dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> (convergence: Convergence, stable: Bool) {
        let n = neurons, tie = dynamics.tie
        let s = run.state, h = run.fields, order = run.order
        for i in 0..<n { order[i] = Int32(truncatingIfNeeded: i) }
        func unstable() -> Int {
            var count = 0
            for i in 0..<n where decide(Double(h[i]), current: s[i], tie: tie, tolerance: 0) != s[i] { count &+= 1 }
            return count
        }
        func energy() -> Double {
            var e: Int64 = 0
            for i in 0..<n { e &+= Int64(s[i]) &* Int64(h[i]) }
            return -0.5 * Double(e)
        }
        let stable = unstable() == 0
        let energyStart = energy()
        let shuffle = dynamics.mode == .async
        var sweeps = 0, flips = 0, previousChanges = n
        var status = ConvergenceStatus.unconverged
        while sweeps < dynamics.maxSweeps {
            sweeps += 1
            var changes = 0
            if !(previousChanges < max(n / 32, 1) && unstable() == 0) {
                var generator = rng
                for position in 0..<n {
                    if shuffle && position < n &- 1 { SweepOrder.step(order, position, count: n, &generator) }
                    let i = Int(order[position])
                    let old = s[i]
                    let new = decide(Double(h[i]), current: old, tie: tie, tolerance: 0)
                    if new != old {
                        s[i] = new
                        hl_add_scaled_row(h, weights + i &* n, Int32(new) &- Int32(old), n)
                        changes &+= 1
                    }
                }
                rng = generator
            }
            flips += changes
            previousChanges = changes
            if changes == 0 {
                status = .converged
                break
            }
        }
        let convergence = Convergence(
            state: Array(UnsafeBufferPointer(start: s, count: n)), status: status, sweeps: sweeps,
            flips: flips, cyclePeriod: nil, energyStart: energyStart, energyEnd: energy(),
            history: History())
        return (convergence, stable)
    }
}
