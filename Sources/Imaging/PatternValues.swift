/// An image as a pattern: ±1 values (binarized) or floats in [−1, 1] (`none`).
public enum PatternValues: Sendable, Equatable {
    /// ±1 values, one per pixel (every binarization but ``Binarization/none``).
    case binary([Int8])
    /// Gray scaled to [−1, 1] by x/127.5 − 1 (``Binarization/none``), for the modern network.
    case continuous([Float])

    /// N, the number of values.
    public var count: Int {
        switch self {
        case .binary(let v): return v.count
        case .continuous(let v): return v.count
        }
    }
}
