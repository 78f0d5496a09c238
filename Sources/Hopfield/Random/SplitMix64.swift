/// SplitMix64 (Steele, Lea and Flood 2014; Vigna's reference `splitmix64.c`): a 64-bit state
/// advanced by the golden-ratio increment, each output a bijective mix of the state.
/// Used to expand seeds into xoshiro256** states and to derive independent streams.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The 64-bit state; any value is valid, zero included.
    public var state: UInt64

    /// The increment: 2⁶⁴/φ rounded down (φ the golden ratio). It is odd, so the state visits all
    /// 2⁶⁴ values before repeating.
    public static let golden: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// A generator whose state is `seed` itself.
    public init(seed: UInt64) { state = seed }

    /// Adds ``golden`` to the state and returns its ``mix(_:)``.
    @inline(__always)
    public mutating func next() -> UInt64 {
        state &+= SplitMix64.golden
        return SplitMix64.mix(state)
    }

    /// The output function: a bijection of UInt64 (distinct inputs give distinct outputs).
    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
