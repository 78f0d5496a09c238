/// One key of a config section: its name, the values it takes, its default and its meaning.
///
/// Every section lists its keys once (``ExperimentConfig/ImageSection/keys`` and the like). The
/// decoder reads values through them, so ranges and choices are checked in one place, and
/// ``ConfigSchema`` writes `Configs/schema.json` and the README's config table from the same
/// list. Defaults are taken from the section types' own initial values, so a default is written
/// down exactly once.
public struct ConfigKey: Sendable {
    /// The values a key takes.
    public indirect enum Kind: Sendable {
        /// A whole number in a range.
        case integer(ClosedRange<Int>)
        /// A finite number; a nil bound is open, an exclusive bound excludes its value.
        case number(lower: Double?, upper: Double?, exclusiveLower: Bool, exclusiveUpper: Bool)
        /// true or false.
        case boolean
        /// Any string (non-empty when `nonEmpty`).
        case string(nonEmpty: Bool)
        /// One of a list of names.
        case choice([String])
        /// A count (a whole number ≥ 1) or a fraction in (0, 1] written with a decimal point.
        case amount
        /// A non-empty array of values of one kind.
        case list(Kind)
        /// A nested object documented by its own keys.
        case object
        /// A value of one of several kinds (for example a number or "all").
        case either([Kind])

        /// A number with inclusive bounds.
        public static func number(_ range: ClosedRange<Double>) -> Kind {
            .number(lower: range.lowerBound, upper: range.upperBound, exclusiveLower: false, exclusiveUpper: false)
        }

        /// A number greater than zero.
        public static let positive = Kind.number(lower: 0, upper: nil, exclusiveLower: true, exclusiveUpper: false)
    }

    /// The key's name in its section ("size"); ``path`` adds the section ("image.size").
    public let name: String
    /// The section's name, or "" for top-level keys.
    public let section: String
    /// What values it takes.
    public let kind: Kind
    /// The default as JSON, for the schema; nil when the key has none.
    public let defaultValue: JSONValue?
    /// The default as the README states it; nil: the JSON of `defaultValue`, or "—".
    public let defaultText: String?
    /// What the key means, one sentence or two.
    public let summary: String

    /// A key of `section`, with its default (as JSON, and in words when that reads better) and meaning.
    public init(
        _ name: String, in section: String, _ kind: Kind, default defaultValue: JSONValue? = nil,
        defaultText: String? = nil, _ summary: String
    ) {
        self.name = name
        self.section = section
        self.kind = kind
        self.defaultValue = defaultValue
        self.defaultText = defaultText
        self.summary = summary
    }

    /// The dotted path of the key in a config ("image.size").
    public var path: String { section.isEmpty ? name : section + "." + name }

    /// The default for people: `defaultText`, else the default's JSON, else "—".
    public var defaultDescription: String {
        if let defaultText { return defaultText }
        guard let defaultValue else { return "—" }
        if case .string(let s) = defaultValue { return "`\(s)`" }
        return defaultValue.compact
    }
}

extension Array where Element == ConfigKey {
    /// The key with this name.
    public subscript(name: String) -> ConfigKey {
        guard let key = first(where: { $0.name == name }) else { preconditionFailure("no config key \(name)") }
        return key
    }
}

// MARK: - Command-line options checked as config keys

extension ConfigKey {
    /// A command-line option's number checked by this key's kind, with the config's words:
    /// `hopfield recall --beta` is `network.beta`, so the ranges are written once. `option`
    /// names the value in the error ("--beta: must be positive"); NaN and infinities are refused.
    public func check(_ value: Double, option: String) throws(ConfigError) {
        guard value.isFinite else { throw ConfigError(path: option, "\(value) is not a finite number") }
        _ = try ObjectReader.number(.number(String(value)), key: self, path: option)
    }

    /// A command-line option's whole number checked by this key's range (as the number check above).
    public func check(_ value: Int, option: String) throws(ConfigError) {
        guard case .integer(let range) = kind else { preconditionFailure("\(path) is not an integer key") }
        _ = try ObjectReader.int(.number(String(value)), path: option, in: range)
    }
}
