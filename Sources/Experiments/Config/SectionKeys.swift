/// The keys given in a section that a type of its own reads through its declared keys (a rule's
/// `network` keys, an encoder's `features` keys), so ranges and choices are checked as
/// everywhere else.
public struct SectionKeys {
    var reader: ObjectReader

    /// Whether the section gives the key.
    public func has(_ name: String) -> Bool { reader.has(name) }

    /// The key's whole number, when given.
    public mutating func int(_ key: ConfigKey) throws(ConfigError) -> Int? { try reader.int(key) }

    /// The key's number, when given.
    public mutating func number(_ key: ConfigKey) throws(ConfigError) -> Double? { try reader.number(key) }

    /// The key's text, when given.
    public mutating func string(_ key: ConfigKey) throws(ConfigError) -> String? { try reader.string(key) }

    /// The key's choice, when given.
    public mutating func choice(_ key: ConfigKey) throws(ConfigError) -> String? { try reader.choice(key) { $0 } }

    /// The key's choice as a raw-representable value, when given.
    public mutating func choice<T: RawRepresentable>(_ key: ConfigKey, as type: T.Type) throws(ConfigError) -> T?
    where T.RawValue == String {
        try reader.choice(key, as: type)
    }
}

/// The `network` keys a rule reads (``RuleDefinition/init(_:)``).
public typealias NetworkKeys = SectionKeys

/// The `features` keys an encoder reads (``EncoderDefinition/init(_:)``).
public typealias FeatureKeys = SectionKeys
