/// What building a rule's network takes in memory, estimated from N and P before anything is
/// allocated, so that a network the machine cannot hold is refused with a message instead of
/// ending the process ("failed to allocate", or the kernel's out-of-memory killer).
///
/// The estimate counts the large arrays of the build, each at its element size: the memories
/// (int8 rows and their bit-packed copies, or the real rows), then the rule's own structures,
/// for instance Storkey's N×N matrix, the pseudo-inverse's P×P Gram matrix, the perceptron's
/// N×N integer couplings, the RBM's N×hidden weights or the dam's K×N memories while training.
/// It is meant to be within a small factor of the peak, not exact: it is compared with a budget
/// that leaves room for the rest.
/// Products saturate at `Int.max`, so absurd sizes give a huge estimate, never an overflow.
public struct NetworkFootprint: Sendable, Equatable {
    /// The estimated bytes (saturated at `Int.max`).
    public let bytes: Int
    /// The largest structure, in words ("an N×N matrix of Int32 couplings"), for the message.
    public let largest: String

    /// Storkey's N×N matrix is built in O(N²·P) time: N ≤ 8192 (a 512 MiB matrix) is the
    /// limit a config and the Python package both apply, whatever the machine.
    public static let storkeyNeuronLimit = 8192

    /// The footprint of `rule` storing `memories` patterns of `neurons` values (`continuous`:
    /// real-valued patterns, which only the modern rule takes).
    public init(rule: LearningRule, neurons n: Int, memories p: Int, continuous: Bool = false) {
        let n = max(0, n), p = max(0, p)
        let patterns = continuous ? Self.product(p, n, 16) : Self.product(p, n, 9) / 4
        let (rest, largest) = Self.ruleBytes(rule, neurons: n, memories: p)
        bytes = Self.sum(patterns, rest)
        self.largest = largest ?? (continuous ? "the P×N real memories" : "the P×N memories")
    }

    /// The rule's own structures beyond the memories, and their description when one dominates.
    static func ruleBytes(_ rule: LearningRule, neurons n: Int, memories p: Int) -> (Int, String?) {
        let square = product(n, n, 8)
        switch rule {
        case .hebbian:
            if 4 * min(p, n) >= n && n <= BinaryNetworkBox.fieldVectorLimit { return (product(square, 2, 1), "an N×N coupling matrix") }
            return (sum(product(n, p / 4 + 1, 16), product(p, n, 4)), "the N×P Hebbian mask tables")
        case .storkey:
            return (product(square, 3, 1), "an N×N matrix")
        case .pseudoinverse:
            let q = min(p, n)
            var total = sum(product(p, p, 12), product(q, q, 16), product(q, n, 24))
            if n <= BinaryNetworkBox.fieldVectorLimit && q * q >= 4 * n { total = sum(total, product(square, 2, 1)) }
            return (total, "the P×P Gram matrix")
        case .dense, .hebbianRBM, .conv:
            return (product(p, n, 8), nil)
        case .dam:
            // P is K, the trained memories: three K×N float32 matrices while training.
            return (product(product(p, n, 4), 3, 1), "K×N real memories (three copies: memories, momentum, gradient)")
        case .modern:
            return (p <= ModernNetwork.gramLimit ? product(p, p, 4) : 0, nil)
        case .perceptron:
            return (product(n, n, 8), "N×N Int32 couplings (two copies)")
        case .rbm(let options):
            return (sum(product(product(n, options.hidden, 8), 3, 1), product(p, n, 8)), "N×hidden real weights (three copies)")
        }
    }

    /// a·b·c, or `Int.max` when it overflows (sizes in bytes that cannot overflow).
    public static func product(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let (ab, o1) = a.multipliedReportingOverflow(by: b)
        let (abc, o2) = ab.multipliedReportingOverflow(by: c)
        return o1 || o2 ? Int.max : abc
    }

    /// The sum of `terms`, or `Int.max` when it overflows.
    static func sum(_ terms: Int...) -> Int {
        var total = 0
        for t in terms {
            let (s, o) = total.addingReportingOverflow(t)
            if o { return Int.max }
            total = s
        }
        return total
    }

    /// Why `rule` cannot have N = `neurons` on any machine, or nil: Storkey's N×N matrix beyond
    /// ``storkeyNeuronLimit``.
    public static func ruleLimit(_ rule: LearningRule, neurons n: Int) -> String? {
        guard rule == .storkey, n > storkeyNeuronLimit else { return nil }
        return "storkey builds an N×N matrix: N = \(n) needs \(mebibytes(product(n, n, 8))) MiB; use N ≤ \(storkeyNeuronLimit)"
    }

    /// Why the network does not fit in `budget` bytes, or nil when it does.
    public func problem(rule: LearningRule, neurons n: Int, memories p: Int, budget: Int) -> String? {
        guard bytes > budget else { return nil }
        let size = bytes == Int.max ? "more than \(Self.mebibytes(Int.max)) MiB" : "about \(Self.mebibytes(bytes)) MiB"
        return "\(rule.name) with P = \(p), N = \(n) needs \(size) (\(largest)), more than the \(Self.mebibytes(budget)) MiB "
            + "budget of this process (half the memory it may use; HOPFIELDLAB_MEMORY_LIMIT sets it): use fewer or smaller patterns"
    }

    /// `bytes` in MiB, rounded down.
    public static func mebibytes(_ bytes: Int) -> Int { bytes >> 20 }
}
