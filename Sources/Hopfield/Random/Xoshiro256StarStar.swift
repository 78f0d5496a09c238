/// xoshiro256** 1.0 (Blackman and Vigna 2018, reference `xoshiro256starstar.c`): the stream
/// generator of every run and every image. Its algorithm is fixed here, so results never depend
/// on the Swift version (the standard library's `random(in:using:)` and `shuffle(using:)` may
/// change their algorithms) or on thread scheduling.
public struct Xoshiro256StarStar: RandomNumberGenerator, Sendable {
    /// The 256-bit state, the reference code's s[0] … s[3]; never all zero (an all-zero state would
    /// only ever produce zeros).
    public var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// A generator with an explicit state (not all zero).
    public init(state: (UInt64, UInt64, UInt64, UInt64)) {
        precondition(state != (0, 0, 0, 0), "xoshiro256** state must not be all zero")
        (s0, s1, s2, s3) = state
    }

    /// The recommended seeding: the four state words are the first four outputs of SplitMix64
    /// seeded with `seed` (never all zero).
    public init(seed: UInt64) {
        var expander = SplitMix64(seed: seed)
        s0 = expander.next()
        s1 = expander.next()
        s2 = expander.next()
        s3 = expander.next()
    }

    /// The next 64-bit output, rotl(s1·5, 7)·9, then the state's linear step (shifts, xors and a
    /// rotation): period 2²⁵⁶ − 1.
    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    @inline(__always)
    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}

extension Xoshiro256StarStar {
    /// A uniform integer in 0..<bound (bound > 0): Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", 2019) on 64-bit draws. Exact (no modulo
    /// bias); rejects with probability below bound / 2⁶⁴.
    @inline(__always)
    public mutating func bounded(_ bound: UInt64) -> UInt64 {
        precondition(bound > 0)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return product.high
    }

    /// `bounded` for Int.
    @inline(__always)
    public mutating func index(below bound: Int) -> Int { Int(bounded(UInt64(bound))) }

    /// A uniform Double in [0, 1): the top 53 bits of a draw, times 2⁻⁵³.
    @inline(__always)
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Fisher–Yates shuffle from the last position down (Durstenfeld), with `bounded` draws.
    public mutating func shuffle<T>(_ array: inout [T]) {
        if array.count < 2 { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            let j = index(below: i + 1)
            array.swapAt(i, j)
        }
    }

    /// k distinct indices of 0..<n, in the order drawn: the first k steps of a forward
    /// Fisher–Yates shuffle of 0..<n.
    public mutating func distinctIndices(_ k: Int, of n: Int) -> [Int] {
        precondition(k >= 0 && k <= n)
        var pool = Array(0..<n)
        for i in 0..<k {
            let j = i + index(below: n - i)
            pool.swapAt(i, j)
        }
        return Array(pool[0..<k])
    }

    /// ±1 with probability ½ each (one bit of a draw).
    @inline(__always)
    public mutating func sign() -> Int8 { next() >> 63 == 0 ? 1 : -1 }
}
