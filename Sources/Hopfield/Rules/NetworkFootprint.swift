/// What building a rule's network takes in memory, estimated from N and P before anything is
/// allocated, so that a network the machine cannot hold is refused with a message instead of
/// ending the process ("failed to allocate", or the kernel's out-of-memory killer).
///
/// The estimate counts the large arrays of the build, each at its element size: the memories
/// (int8 rows and their bit-packed copies, or the real rows), then the rule's own structures,
/// (``Part``, given by each rule), for instance Storkey's N×N matrix, the pseudo-inverse's P×P Gram matrix, the perceptron's
/// N×N integer couplings, the RBM's N×hidden weights or the dam's K×N memories while training.
/// It is meant to be within a small factor of the peak, not exact: it is compared with a budget
/// that leaves room for the rest.
/// Products saturate at `Int.max`, so absurd sizes give a huge estimate, never an overflow.
public struct NetworkFootprint: Sendable, Equatable {
    /// The estimated bytes (saturated at `Int.max`).
    public let bytes: Int
    /// The largest structure, in words ("an N×N matrix of Int32 couplings"), for the message.
    public let largest: String

    /// A rule's own structures beyond the memories: their bytes and, when one dominates, its
    /// description ("an N×N matrix").
    public struct Part: Sendable, Equatable {
        /// The estimated bytes (saturated at `Int.max`).
        public var bytes: Int
        /// The largest structure, in words; nil: the memories.
        public var largest: String?

        /// A part of `bytes` bytes, dominated by `largest`.
        public init(bytes: Int, largest: String? = nil) {
            self.bytes = bytes
            self.largest = largest
        }
    }

    /// The footprint of a rule storing `memories` patterns of `neurons` values (`continuous`:
    /// real-valued patterns), whose own structures are `rule`.
    public init(neurons n: Int, memories p: Int, continuous: Bool = false, rule: Part) {
        let n = max(0, n), p = max(0, p)
        let patterns = continuous ? Self.product(p, n, 16) : Self.product(p, n, 9) / 4
        bytes = Self.sum(patterns, rule.bytes)
        largest = rule.largest ?? (continuous ? "the P×N real memories" : "the P×N memories")
    }

    /// a·b·c, or `Int.max` when it overflows (sizes in bytes that cannot overflow).
    public static func product(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let (ab, o1) = a.multipliedReportingOverflow(by: b)
        let (abc, o2) = ab.multipliedReportingOverflow(by: c)
        return o1 || o2 ? Int.max : abc
    }

    /// The sum of `terms`, or `Int.max` when it overflows.
    public static func sum(_ terms: Int...) -> Int {
        var total = 0
        for t in terms {
            let (s, o) = total.addingReportingOverflow(t)
            if o { return Int.max }
            total = s
        }
        return total
    }

    /// Why the network does not fit in `budget` bytes, or nil when it does.
    public func problem(rule: String, neurons n: Int, memories p: Int, budget: Int) -> String? {
        guard bytes > budget else { return nil }
        let size = bytes == Int.max ? "more than \(Self.mebibytes(Int.max)) MiB" : "about \(Self.mebibytes(bytes)) MiB"
        return "\(rule) with P = \(p), N = \(n) needs \(size) (\(largest)), more than the \(Self.mebibytes(budget)) MiB "
            + "budget of this process (half the memory it may use; HOPFIELDLAB_MEMORY_LIMIT sets it): use fewer or smaller patterns"
    }

    /// `bytes` in MiB, rounded down.
    public static func mebibytes(_ bytes: Int) -> Int { bytes >> 20 }
}
