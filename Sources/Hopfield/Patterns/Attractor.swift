/// What a ±1 state is among the stored memories, beyond "a memory or not": a memory, a negated
/// memory, a mixture state (the sign of a ± combination of an odd number k of memories, the
/// spurious attractors of Amit, Gutfreund and Sompolinsky), or something else (spin-glass states
/// and anything not recognised), with the k memories of largest |overlap|.
///
/// A mixture is recognised exactly: for k = 3, then 5 (``mixtureOrders``), the k memories of
/// largest |m_μ| with the signs ε_μ = sign(m_μ) are summed and the state must equal
/// sign(Σ ε_μ ξ^μ) on every neuron (an odd k never sums to 0). The symmetric 3-mixture
/// sign(ξ¹ + ξ² + ξ³) has overlap ½ with each of its memories; a state one neuron off is `other`,
/// and its overlaps (``top``) show how near it is.
public struct Attractor: Sendable, Equatable {
    /// The kinds, as predictions.csv names them.
    public enum Kind: String, Sendable, CaseIterable {
        /// A stored memory.
        case memory
        /// A negated memory.
        case inverted
        /// The sign of a ± combination of k memories (k odd, ≥ 3).
        case mixture
        /// None of these: a spin-glass state, a near-mixture, anything else.
        case other
    }

    /// One memory of a mixture and its sign.
    public struct Term: Sendable, Equatable {
        /// The memory (0-based).
        public var memory: Int
        /// +1 or −1.
        public var sign: Int
    }

    /// The kind.
    public var kind: Kind
    /// A mixture's memories with their signs, by memory index; empty for the other kinds.
    public var terms: [Term] = []
    /// The ``topCount`` memories of largest |overlap| (fewer when fewer are stored), largest first
    /// (lowest index on ties), with their signed overlaps m_μ/N.
    public var top: [(memory: Int, overlap: Double)] = []

    /// Overlaps listed per state (the top-k columns of predictions.csv).
    public static let topCount = 3
    /// The mixture orders tried, in order: odd, so the sign of the sum is never 0.
    public static let mixtureOrders = [3, 5]

    /// A mixture's name, the memories with their signs by index: "+0+3-7".
    public var mixtureName: String {
        terms.map { ($0.sign > 0 ? "+" : "-") + String($0.memory) }.joined()
    }

    /// The analysis of `state` (±1; a state holding undecided 0 neurons is `other`) against
    /// `memories`, from its overlaps m_μ = ξ^μ · s (``Memories/overlaps(with:)``, given when the
    /// caller has them).
    public init(state: [Int8], memories: Memories, overlaps: [Int]? = nil) {
        let m = overlaps ?? memories.overlaps(with: state)
        let n = memories.neurons
        let order = Self.largest(m, count: max(Self.topCount, Self.mixtureOrders.max() ?? 0))
        top = order.prefix(Self.topCount).map { ($0, Double(m[$0]) / Double(n)) }
        if let mu = m.firstIndex(of: n) {
            kind = .memory
            terms = [Term(memory: mu, sign: 1)]
            return
        }
        if let mu = m.firstIndex(of: -n) {
            kind = .inverted
            terms = [Term(memory: mu, sign: -1)]
            return
        }
        kind = .other
        guard !state.contains(0) else { return }
        for k in Self.mixtureOrders where k <= memories.count {
            let chosen = order.prefix(k)
            guard chosen.allSatisfy({ m[$0] != 0 }) else { break }
            if Self.isMixture(state, of: Array(chosen), signs: chosen.map { m[$0] > 0 ? 1 : -1 }, memories) {
                kind = .mixture
                terms = zip(chosen, chosen.map { m[$0] > 0 ? 1 : -1 }).map { Term(memory: $0, sign: $1) }.sorted { $0.memory < $1.memory }
                return
            }
        }
    }

    /// The indices of the `count` largest |m_μ|, largest first (lowest index on ties): one pass
    /// keeping a short sorted list, O(P·count), not a sort of all P.
    static func largest(_ m: [Int], count: Int) -> [Int] {
        var kept: [Int] = []
        for mu in m.indices {
            // Later indices go after earlier ones of equal |m|.
            var k = kept.count
            while k > 0 && abs(m[kept[k - 1]]) < abs(m[mu]) { k -= 1 }
            if k < count {
                kept.insert(mu, at: k)
                if kept.count > count { kept.removeLast() }
            }
        }
        return kept
    }

    /// Whether s_i = sign(Σ_k ε_k ξ_i^{μ_k}) on every neuron.
    static func isMixture(_ state: [Int8], of chosen: [Int], signs: [Int], _ memories: Memories) -> Bool {
        let n = memories.neurons
        for i in 0..<n {
            var sum = 0
            for (mu, sign) in zip(chosen, signs) { sum += sign * Int(memories.rows[mu * n + i]) }
            if (sum > 0 ? 1 : -1) != Int(state[i]) { return false }
        }
        return true
    }

    /// Equal kinds, terms and top memories (overlaps compared exactly).
    public static func == (a: Attractor, b: Attractor) -> Bool {
        a.kind == b.kind && a.terms == b.terms && a.top.map(\.memory) == b.top.map(\.memory) && a.top.map(\.overlap) == b.top.map(\.overlap)
    }
}
