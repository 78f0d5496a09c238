extension ExperimentConfig {
    /// A number of images, or a fraction of those available.
    public enum Amount: Sendable, Hashable {
        /// A number of images.
        case count(Int)
        /// A fraction of the usable images, in (0, 1].
        case fraction(Double)

        /// Resolved against `available` images (fractions round half away from zero).
        public func resolve(_ available: Int) -> Int {
            switch self {
            case .count(let c): return c
            case .fraction(let f): return Int((f * Double(available)).rounded(.toNearestOrAwayFromZero))
            }
        }

        /// A count (a whole number ≥ 1) or a fraction in (0, 1] written with a decimal point.
        static func decode(_ v: JSONValue, path: String) throws(ConfigError) -> Amount {
            guard case .number(let text) = v, let d = Double(text) else {
                throw ConfigError(path: path, "expected a count or a fraction, found \(v.kindName)")
            }
            if let i = Int(text) {
                if i < 1 { throw ConfigError(path: path, "a count must be at least 1") }
                return .count(i)
            }
            if !(d > 0 && d <= 1) {
                throw ConfigError(path: path, "\(text): a fraction must be in (0, 1] (write a count without a decimal point)")
            }
            return .fraction(d)
        }

        var json: JSONValue {
            switch self {
            case .count(let c): return .int(c)
            case .fraction(let f): return .double(f)
            }
        }
    }
}
