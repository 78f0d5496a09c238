/// Independent, reproducible streams derived from a seed and keys (a run's name, an image's
/// index). Derivation is a chain of SplitMix64 mixes, so streams never depend on the order in
/// which runs or images are processed, nor on the number of threads.
public enum RandomStreams {
    /// A 64-bit seed derived from `seed` and each key in turn:
    /// h ← mix(h ⊕ mix(key + golden)), starting from h = mix(seed).
    public static func derive(_ seed: UInt64, _ keys: UInt64...) -> UInt64 { derive(seed, keys) }

    /// The same derivation with the keys in an array.
    public static func derive(_ seed: UInt64, _ keys: [UInt64]) -> UInt64 {
        var h = SplitMix64.mix(seed)
        for key in keys { h = SplitMix64.mix(h ^ SplitMix64.mix(key &+ SplitMix64.golden)) }
        return h
    }

    /// The stream for a seed and keys.
    public static func stream(_ seed: UInt64, _ keys: UInt64...) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: derive(seed, keys))
    }

    /// A stable 64-bit key for a text (FNV-1a over its UTF-8 bytes): run names, corruption kinds.
    public static func key(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
