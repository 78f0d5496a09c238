import Hopfield
import Imaging

/// A pattern as the runner handles it: ±1 (with its packed form) or real-valued.
public enum PatternVector: Sendable {
    /// ±1 values and their packed form.
    case binary([Int8], BinaryPattern)
    /// Real values (gray levels in [−1, 1]).
    case continuous([Double])

    /// The pattern of an image.
    public init(_ values: PatternValues) {
        switch values {
        case .binary(let v): self = .binary(v, BinaryPattern(v))
        case .continuous(let v): self = .continuous(v.map(Double.init))
        }
    }

    /// N.
    public var count: Int {
        switch self {
        case .binary(let v, _): return v.count
        case .continuous(let v): return v.count
        }
    }

    /// Values as Double (±1 for binary).
    public var doubles: [Double] {
        switch self {
        case .binary(let v, _): return v.map(Double.init)
        case .continuous(let v): return v
        }
    }

    /// 1 − |overlap|/N, or 1 − |cos| for real values.
    public func dissimilarity(to other: PatternVector) -> Double {
        switch (self, other) {
        case (.binary(_, let a), .binary(_, let b)):
            return 1 - Double(abs(a.overlap(with: b))) / Double(a.count)
        default:
            let x = doubles, y = other.doubles
            var dot = 0.0, nx = 0.0, ny = 0.0
            for i in 0..<x.count {
                dot += x[i] * y[i]
                nx += x[i] * x[i]
                ny += y[i] * y[i]
            }
            guard nx > 0, ny > 0 else { return 1 }
            return 1 - abs(dot) / (nx * ny).squareRoot()
        }
    }
}
