import Hopfield
import Imaging

/// A network's state as the runner hands it around: ±1 bytes (0 = an undecided neuron) for the
/// binary rules, from the loaded image to states.npy, and real values for the modern network
/// (its own type: no Double round trip for binary rules).
public enum NetworkState: Sendable, Equatable {
    /// ±1, or 0 for a neuron not yet decided.
    case binary([Int8])
    /// Real values.
    case continuous([Double])

    /// No state (a result whose state was not kept).
    public static let empty = NetworkState.binary([])

    /// An image's pattern as a start: its bytes, or its values as Doubles.
    public init(_ values: PatternValues) {
        switch values {
        case .binary(let v): self = .binary(v)
        case .continuous(let v): self = .continuous(v.map(Double.init))
        }
    }

    /// A stored pattern as a state.
    public init(_ pattern: PatternVector) {
        switch pattern {
        case .binary(let v, _): self = .binary(v)
        case .continuous(let v): self = .continuous(v)
        }
    }

    /// Values from outside (the C ABI): kept as bytes when every value is −1, 0 or +1, which
    /// loses nothing.
    public init(values: [Double]) {
        if values.allSatisfy({ $0 == 1 || $0 == -1 || $0 == 0 }) {
            self = .binary(values.map { Int8($0) })
        } else {
            self = .continuous(values)
        }
    }

    /// N.
    public var count: Int {
        switch self {
        case .binary(let v): return v.count
        case .continuous(let v): return v.count
        }
    }

    /// Whether there is no state.
    public var isEmpty: Bool { count == 0 }

    /// Neuron i's value.
    public subscript(i: Int) -> Double {
        switch self {
        case .binary(let v): return Double(v[i])
        case .continuous(let v): return v[i]
        }
    }

    /// The values as Doubles (the modern network's start, pictures).
    public var doubles: [Double] {
        switch self {
        case .binary(let v): return v.map(Double.init)
        case .continuous(let v): return v
        }
    }

    /// The signs: the bytes themselves, or sign(x) of real values (0 stays 0).
    public var signs: [Int8] {
        switch self {
        case .binary(let v): return v
        case .continuous(let v): return v.map { $0 > 0 ? 1 : ($0 < 0 ? -1 : 0) }
        }
    }

    /// The ±1 bytes when every neuron is decided, else nil.
    var decided: [Int8]? {
        switch self {
        case .binary(let v): return v.contains(0) ? nil : v
        case .continuous(let v): return v.allSatisfy({ $0 == 1 || $0 == -1 }) ? v.map { $0 > 0 ? 1 : -1 } : nil
        }
    }

    /// Σ_i a_i b_i, in index order: an exact integer for two binary states (the same Double as
    /// the sum in index order, for N < 2⁵³).
    public func dot(_ other: NetworkState) -> Double {
        if case .binary(let a) = self, case .binary(let b) = other {
            var sum = 0
            for i in 0..<a.count { sum += Int(a[i]) * Int(b[i]) }
            return Double(sum)
        }
        var sum = 0.0
        for i in 0..<count { sum += self[i] * other[i] }
        return sum
    }
}
