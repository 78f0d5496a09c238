import Hopfield

/// The starts of recall runs: a stored pattern corrupted at a level (flipped, masked, hidden,
/// set at random), or a random, negated or mixture state (notebooks 001 and 002).
enum RecallStart {
    /// A start for memory μ at a level: the corrupted pattern (0 = undecided), of the patterns'
    /// own type (±1 bytes, or real values). `value` is what masks and Bernoulli noise write,
    /// `rect` a mask's rows and columns (r0, r1, c0, c1) instead of the centred square, as in the
    /// `corruption` section. The draws do not depend on the type.
    static func make<Value: StartValue>(
        _ kind: ExperimentConfig.CorruptionKind, level: Double, value: Int8, rect: [Int]? = nil,
        memory mu: Int, patterns: [[Value]], size: Int, rng: inout Xoshiro256StarStar
    ) -> [Value] {
        let x = patterns[mu]
        let n = x.count
        let value = Value(value)
        switch kind {
        case .flip:
            let k = Int((level * Double(n)).rounded(.toNearestOrAwayFromZero))
            var out = x
            for i in rng.distinctIndices(k, of: n) { out[i] = -out[i] }
            return out
        case .flipEach:
            return x.map { rng.unit() < level ? -$0 : $0 }
        case .bernoulli:
            return x.map { rng.unit() < level ? value : $0 }
        case .mask:
            var out = x
            let rows: Range<Int>, columns: Range<Int>
            if let rect {
                rows = rect[0]..<rect[1]
                columns = rect[2]..<rect[3]
            } else {
                // A centred square covering the fraction `level` of the image.
                let side = Int((level.squareRoot() * Double(size)).rounded(.toNearestOrAwayFromZero))
                let start = (size - side) / 2
                rows = start..<(start + side)
                columns = start..<(start + side)
            }
            for r in rows { for c in columns { out[r * size + c] = value } }
            return out
        case .corner:
            // Keep the top-left square of side round(√(1 − level)·size).
            let side = Int(((1 - level).squareRoot() * Double(size)).rounded(.toNearestOrAwayFromZero))
            var out = x
            for r in 0..<size { for c in 0..<size where r >= side || c >= side { out[r * size + c] = value } }
            return out
        case .random:
            return (0..<n).map { _ in Value(rng.sign()) }
        case .negative:
            return x.map { -$0 }
        case .mixture:
            let p = patterns.count
            let a = patterns[mu], b = patterns[(mu + 1) % p], c = patterns[(mu + 2) % p]
            let sb = Value(rng.sign()), sc = Value(rng.sign())
            return (0..<n).map { i in
                let sum = a[i] + sb * b[i] + sc * c[i]
                return sum > 0 ? 1 : (sum < 0 ? -1 : 0)
            }
        }
    }
}

extension RecallStart {
    /// The stored patterns starts are made from, in their own type: ±1 bytes when every one is
    /// ±1, else real values.
    enum Patterns: Sendable {
        case binary([[Int8]])
        case continuous([[Double]])

        init(_ patterns: [PatternVector]) {
            var bytes: [[Int8]] = []
            for pattern in patterns {
                guard case .binary(let v, _) = pattern else {
                    self = .continuous(patterns.map(\.doubles))
                    return
                }
                bytes.append(v)
            }
            self = .binary(bytes)
        }

        /// ``RecallStart/make(_:level:value:rect:memory:patterns:size:rng:)`` on these patterns.
        func start(
            _ kind: ExperimentConfig.CorruptionKind, level: Double, value: Int8, rect: [Int]?, memory mu: Int, size: Int,
            rng: inout Xoshiro256StarStar
        ) -> NetworkState {
            switch self {
            case .binary(let p):
                return .binary(
                    RecallStart.make(kind, level: level, value: value, rect: rect, memory: mu, patterns: p, size: size, rng: &rng))
            case .continuous(let p):
                return .continuous(
                    RecallStart.make(kind, level: level, value: value, rect: rect, memory: mu, patterns: p, size: size, rng: &rng))
            }
        }
    }
}

/// What a start is made of: ±1 bytes or real values.
protocol StartValue: SignedNumeric, Comparable, Sendable {
    /// The value of a byte (−1, 0, +1).
    init(_ byte: Int8)
}

extension Int8: StartValue {}
extension Double: StartValue {}
