/// A dotted config key ("memories.count") split into its parts, for grid keys and `--set`.
enum DottedPath {
    /// The parts of `key`, or nil when it is not a dotted key: empty, or with an empty part
    /// ("image..size", ".size", "image."). Why refuse rather than skip empty parts: a key that
    /// is not written as the config spells it is a typo, and a typo must not change a value.
    static func parts(_ key: String) -> [String]? {
        let parts = key.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        if key.isEmpty || parts.contains(where: \.isEmpty) { return nil }
        return parts
    }

    /// Whether setting `a` and setting `b` touch the same value: equal, or one inside the other
    /// ("network" and "network.rule").
    static func overlaps(_ a: String, _ b: String) -> Bool {
        a == b || a.hasPrefix(b + ".") || b.hasPrefix(a + ".")
    }
}
