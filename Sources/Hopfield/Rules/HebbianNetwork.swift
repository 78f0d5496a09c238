/// The four masks of a 4-bit code: lane k is −1 where bit k is set.
private let nibbleMaskTable: [SIMD4<Int32>] = (0..<16).map { c in
    SIMD4<Int32>((0..<4).map { k in (c >> k) & 1 == 1 ? -1 : 0 })
}

/// The Hebbian rule with exact integers: W = Σ_μ x^μ x^μᵀ with a zero diagonal.
///
/// The notebooks scale W by 1/P (notebook 000) or 1/N (notebook 001); a positive factor never changes the
/// sign of a field, so it is dropped and every field and energy is an exact integer, the same on
/// every machine and thread count.
///
/// The N×N matrix is never built. With the overlaps m_μ = Σ_j x_j^μ s_j (P numbers), the field is
/// h_i = Σ_μ x_i^μ m_μ − P·s_i (the −P·s_i removes the diagonal) in O(P), and a change of s_i
/// updates the overlaps in O(P): a sweep costs O(N·P) instead of O(N²). The energy is
/// E = −½ Σ_{i≠j} W_ij s_i s_j = −½ (Σ_μ m_μ² − P·Σ_i s_i²).
///
/// Products x·m with x = ±1 are computed without multiplications, as (m ⊕ k) − k with the mask
/// k = 0 for +1 and −1 (all bits set) for −1: SSE2 integer operations on any x86-64, four
/// patterns per instruction.
public struct HebbianNetwork: BinaryNetwork {
    /// The stored patterns x^μ; W is defined by them and never built.
    public let memories: Memories
    /// N, the length of each memory.
    public let neurons: Int
    let patterns: Int
    /// P rounded up to a multiple of 4 (SIMD lanes).
    let stride: Int
    /// Masks by neuron: byNeuron[i·stride + μ] = −1 where x_i^μ = −1, else 0 (padding 0).
    let byNeuron: [Int32]
    /// Masks by pattern: byPattern[μ·N + i], for the vectorised passes over all neurons.
    let byPattern: [Int32]
    /// valid[μ] = −1 for a real pattern, 0 for padding, so padding overlaps stay 0.
    let valid: [Int32]
    /// For P ≤ 8, one byte per neuron: bit μ set where x_i^μ = −1. With `nibbleMasks` it gives
    /// the same masks as `byNeuron` from 1/32 of the memory (the whole network stays in L1).
    let codes: [UInt8]
    /// couplings[c ⊕ c'] = W between neurons with codes c and c' = P − 2·popcount(c ⊕ c') (P ≤ 8).
    let couplings: [Int32]

    /// Builds the mask tables from the memories in O(N·P) time and memory; no N×N matrix.
    public init(memories: Memories) {
        self.memories = memories
        neurons = memories.neurons
        patterns = memories.count
        stride = (memories.count + 3) / 4 * 4
        var table = [Int32](repeating: 0, count: memories.neurons * stride)
        var transposed = [Int32](repeating: 0, count: memories.count * memories.neurons)
        for mu in 0..<memories.count {
            for i in 0..<memories.neurons where memories.rows[mu * memories.neurons + i] < 0 {
                table[i * stride + mu] = -1
                transposed[mu * memories.neurons + i] = -1
            }
        }
        byNeuron = table
        byPattern = transposed
        var codes = [UInt8](repeating: 0, count: stride <= 8 ? memories.neurons : 0)
        if stride <= 8 {
            for i in 0..<memories.neurons {
                for mu in 0..<memories.count where table[i * stride + mu] != 0 { codes[i] |= 1 << UInt8(mu) }
            }
        }
        self.codes = codes
        let p = memories.count
        couplings = (0..<256).map { Int32(p - 2 * $0.nonzeroBitCount) }
        valid = (0..<stride).map { $0 < memories.count ? -1 : 0 }
    }

    /// Runs the dynamics from `initial` (see `BinaryNetwork`).
    public func converge(from initial: [Int8], dynamics: Dynamics, rng: inout Xoshiro256StarStar) -> Convergence {
        runDynamics(from: initial, dynamics: dynamics, rng: &rng)
    }

    /// |W_if| = |Σ_μ x_i^μ x_f^μ| ≤ P.
    public var couplingBound: Double { Double(patterns) }
    /// 0: every field is an exact integer, so only an exact 0 is a tie.
    public var tieTolerance: Double { 0 }
    /// N: the fields Σ_μ x_i^μ m_μ are N times those of W = XᵀX/N.
    public var fieldScale: Double { Double(neurons) }

    /// The overlaps m_μ of the current state (padded to a multiple of 4 with zeros) and room for
    /// one pass of integer fields. `update` keeps the overlaps in step in O(P) per change.
    public final class Workspace {
        /// The overlaps m_μ, padded to `stride` with zeros.
        let overlaps: UnsafeMutablePointer<Int32>
        /// Integer fields of the last `fields` pass.
        let integerFields: UnsafeMutablePointer<Int32>
        init(count: Int, neurons: Int) {
            overlaps = .allocate(capacity: count)
            overlaps.initialize(repeating: 0, count: count)
            integerFields = .allocate(capacity: neurons)
        }
        deinit {
            overlaps.deallocate()
            integerFields.deallocate()
        }
    }

    /// Computes the overlaps m_μ = Σ_j x_j^μ s_j from scratch, O(N·P); an undecided 0 counts 0.
    public func makeWorkspace(_ state: UnsafeBufferPointer<Int8>) -> Workspace {
        let ws = Workspace(count: stride, neurons: neurons)
        let n = neurons
        byPattern.withUnsafeBufferPointer { masks in
            for mu in 0..<patterns {
                let k = masks.baseAddress! + mu * n
                var m: Int32 = 0
                for i in 0..<n {
                    let s = Int32(state[i])
                    m &+= (s ^ k[i]) &- k[i]
                }
                ws.overlaps[mu] = m
            }
        }
        return ws
    }

    /// The overlaps of the current state (m_μ).
    public func overlaps(_ workspace: Workspace) -> [Int] { (0..<patterns).map { Int(workspace.overlaps[$0]) } }

    /// Σ_μ x_i^μ m_μ − P·s_i.
    @inline(__always)
    func integerField(_ i: Int, _ masks: UnsafePointer<Int32>, _ overlaps: UnsafePointer<Int32>, _ s: Int8) -> Int32 {
        let row = UnsafeRawPointer(masks + i &* stride)
        let m = UnsafeRawPointer(overlaps)
        var acc: SIMD4<Int32>
        let k0 = row.loadUnaligned(as: SIMD4<Int32>.self)
        let m0 = m.loadUnaligned(as: SIMD4<Int32>.self)
        acc = (m0 ^ k0) &- k0
        if stride > 4 {
            var offset = 16
            let end = stride &* 4
            while offset < end {
                let k = row.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
                let ms = m.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
                acc &+= (ms ^ k) &- k
                offset &+= 16
            }
        }
        return acc.wrappedSum() &- Int32(truncatingIfNeeded: patterns) &* Int32(s)
    }

    /// h_i = Σ_μ x_i^μ m_μ − P·s_i from the workspace's overlaps, in O(P): an exact integer.
    @inline(__always)
    public func field(_ i: Int, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        byNeuron.withUnsafeBufferPointer { masks in
            Double(integerField(i, masks.baseAddress!, workspace.overlaps, state[i]))
        }
    }

    /// All fields at once. For P ≤ 8 from the one-byte codes and the overlaps in registers;
    /// otherwise vectorised across neurons: h = −P·s, then h += x^μ·m_μ for each μ.
    public func fields(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace, into out: UnsafeMutableBufferPointer<Double>) {
        let n = neurons
        let p = Int32(truncatingIfNeeded: patterns)
        if stride <= 8 {
            let mp = UnsafeRawPointer(workspace.overlaps)
            let m0 = mp.loadUnaligned(as: SIMD4<Int32>.self)
            let m1 = stride == 8 ? mp.loadUnaligned(fromByteOffset: 16, as: SIMD4<Int32>.self) : SIMD4<Int32>()
            let table = nibbleMasks
            codes.withUnsafeBufferPointer { codes in
                for i in 0..<n {
                    let code = Int(codes[i])
                    let k0 = table[code & 15], k1 = table[code >> 4]
                    let acc = ((m0 ^ k0) &- k0) &+ ((m1 ^ k1) &- k1)
                    out[i] = Double(acc.wrappedSum() &- p &* Int32(state[i]))
                }
            }
            return
        }
        let h = workspace.integerFields
        for i in 0..<n { h[i] = 0 &- p &* Int32(state[i]) }
        byPattern.withUnsafeBufferPointer { masks in
            for mu in 0..<patterns {
                let k = masks.baseAddress! + mu &* n
                let m = workspace.overlaps[mu]
                for i in 0..<n { h[i] &+= (m ^ k[i]) &- k[i] }
            }
        }
        for i in 0..<n { out[i] = Double(h[i]) }
    }

    /// m_μ += (new − old)·x_i^μ for every μ, four patterns per SIMD operation: O(P).
    @inline(__always)
    public func update(_ i: Int, from old: Int8, to new: Int8, _ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) {
        let delta = SIMD4<Int32>(repeating: Int32(new) &- Int32(old))
        byNeuron.withUnsafeBufferPointer { masks in
            valid.withUnsafeBufferPointer { valid in
                let row = UnsafeRawPointer(masks.baseAddress! + i &* stride)
                let keep = UnsafeRawPointer(valid.baseAddress!)
                let m = UnsafeMutableRawPointer(workspace.overlaps)
                var offset = 0
                let end = stride &* 4
                while offset < end {
                    let k = row.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
                    let v = keep.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
                    let ms = m.loadUnaligned(fromByteOffset: offset, as: SIMD4<Int32>.self)
                    m.storeBytes(of: ms &+ (((delta ^ k) &- k) & v), toByteOffset: offset, as: SIMD4<Int32>.self)
                    offset &+= 16
                }
            }
        }
    }

    var nibbleMasks: UnsafePointer<SIMD4<Int32>> { nibbleMaskTable.withUnsafeBufferPointer { $0.baseAddress! } }

    /// The sweep for P ≤ 8 (the cats/dogs notebook's P = 8): branch-free and software-pipelined.
    ///
    /// A first sweep from a photo changes a third of the neurons at random places: a branch on
    /// "did it change" mispredicts on every third visit, and each visit waits for the overlaps
    /// updated by the one before. Here no branch depends on the data, and the wait is shortened:
    /// the field of the neuron visited at step t is x_t·M(t−1) + δ(t−1)·W(t, t−1) − P·s_t, where
    /// M(t−1) are the overlaps before the previous visit's change δ(t−1), and W(t, t−1) =
    /// P − 2·popcount(code_t ⊕ code_{t−1}) is one table lookup. The dot product then depends on
    /// visits two steps back, and the step-to-step chain is a multiply-add and a comparison. The
    /// visits, draws and results are exactly those of the generic sweep (the tests check it).
    public func sweep(
        _ state: UnsafeMutablePointer<Int8>, order: UnsafeMutablePointer<Int32>, shuffle: Bool,
        rng: inout Xoshiro256StarStar, tie: TieRule, workspace: Workspace
    ) -> Int {
        if stride > 8 { return genericSweep(state, order: order, shuffle: shuffle, rng: &rng, tie: tie, workspace: workspace) }
        return codes.withUnsafeBufferPointer { codesBuffer in
            valid.withUnsafeBufferPointer { validBuffer in
                couplings.withUnsafeBufferPointer { couplingBuffer in
                    let codes = codesBuffer.baseAddress!, coupling = couplingBuffer.baseAddress!
                    let n = neurons
                    let wide = stride == 8
                    let table = nibbleMasks
                    let mp = UnsafeMutableRawPointer(workspace.overlaps)
                    let keep = UnsafeRawPointer(validBuffer.baseAddress!)
                    let v0 = keep.loadUnaligned(as: SIMD4<Int32>.self)
                    let v1 = wide ? keep.loadUnaligned(fromByteOffset: 16, as: SIMD4<Int32>.self) : SIMD4<Int32>()
                    // M(t−1): the overlaps before the previous visit's change.
                    var m0 = mp.loadUnaligned(as: SIMD4<Int32>.self)
                    var m1 = wide ? mp.loadUnaligned(fromByteOffset: 16, as: SIMD4<Int32>.self) : SIMD4<Int32>()
                    let p = Int32(truncatingIfNeeded: patterns)
                    var previousDelta: Int32 = 0
                    var previousCode = 0
                    var previousK0 = SIMD4<Int32>(), previousK1 = SIMD4<Int32>()
                    let tieCode: Int32 = tie == .plus ? 1 : (tie == .minus ? -1 : 0)
                    let isKeep: Int32 = tie == .keep ? 1 : 0
                    var generator = rng
                    var changes = 0
                    for position in 0..<n {
                        if shuffle && position < n &- 1 { SweepOrder.step(order, position, count: n, &generator) }
                        let i = Int(order[position])
                        let code = Int(codes[i])
                        let k0 = table[code & 15], k1 = table[code >> 4]
                        var acc = (m0 ^ k0) &- k0
                        if wide { acc &+= (m1 ^ k1) &- k1 }
                        let old = Int32(state[i])
                        let h = acc.wrappedSum() &+ previousDelta &* coupling[code ^ previousCode] &- p &* old
                        // new = sign(h), or the tie rule's value when h = 0 (keep: the old value,
                        // +1 for 0), in shifts and masks so that no branch depends on the data.
                        let negative = h >> 31  // −1 when h < 0
                        let positive = (0 &- h) >> 31 & 1  // 1 when h > 0
                        let isZero = 1 &- (positive | (negative & 1))
                        let keepValue = old &+ 1 &- (old & 1)  // old, or +1 for 0
                        let tieValue = tieCode &+ isKeep &* keepValue
                        let new = positive &+ negative &+ isZero &* tieValue
                        state[i] = Int8(truncatingIfNeeded: new)
                        // M(t) = M(t−1) + δ(t−1)·x_(t−1), off the step-to-step chain.
                        let dv = SIMD4<Int32>(repeating: previousDelta)
                        m0 &+= ((dv ^ previousK0) &- previousK0) & v0
                        if wide { m1 &+= ((dv ^ previousK1) &- previousK1) & v1 }
                        previousDelta = new &- old
                        previousCode = code
                        previousK0 = k0
                        previousK1 = k1
                        changes &+= Int((previousDelta & 1) | ((previousDelta >> 1) & 1))
                    }
                    let dv = SIMD4<Int32>(repeating: previousDelta)
                    m0 &+= ((dv ^ previousK0) &- previousK0) & v0
                    if wide { m1 &+= ((dv ^ previousK1) &- previousK1) & v1 }
                    mp.storeBytes(of: m0, as: SIMD4<Int32>.self)
                    if wide { mp.storeBytes(of: m1, toByteOffset: 16, as: SIMD4<Int32>.self) }
                    rng = generator
                    return changes
                }
            }
        }
    }

    /// E = −½ (Σ_μ m_μ² − P·Σ_i s_i²), exact.
    public func energy(_ state: UnsafeBufferPointer<Int8>, _ workspace: Workspace) -> Double {
        var squares: Int64 = 0
        for mu in 0..<patterns {
            let m = Int64(workspace.overlaps[mu])
            squares += m * m
        }
        return -0.5 * Double(squares - Int64(patterns) * Int64(activeNeurons(state)))
    }
}
