/// Reads one JSON object of a config, tracking which keys were asked for: every other key is
/// unknown (a typo), reported with the closest known key.
struct ObjectReader {
    let path: String
    let pairs: [(String, JSONValue)]
    /// The keys asked for, in order: the object's known keys.
    private(set) var known: [String] = []

    init(_ value: JSONValue?, path: String) throws(ConfigError) {
        self.path = path
        switch value {
        case nil: pairs = []
        case .object(let p): pairs = p
        case let other?: throw ConfigError(path: path, "expected an object, found \(other.kindName)")
        }
    }

    func child(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

    /// Whether the object gives the key (without marking it read).
    func has(_ key: String) -> Bool { pairs.contains { $0.0 == key } }

    mutating func value(_ key: String) -> JSONValue? {
        if !known.contains(key) { known.append(key) }
        return pairs.first { $0.0 == key }?.1
    }

    mutating func string(_ key: String) throws(ConfigError) -> String? {
        switch value(key) {
        case nil: return nil
        case .string(let s)?: return s
        case let other?: throw ConfigError(path: child(key), "expected a string, found \(other.kindName)")
        }
    }

    mutating func choice<T>(_ key: String, _ options: [(String, T)]) throws(ConfigError) -> T? {
        guard let text = try string(key) else { return nil }
        guard let match = options.first(where: { $0.0 == text }) else {
            throw ConfigError(path: child(key), "\(JSONValue.quote(text)) is not one of \(options.map { $0.0 }.joined(separator: ", "))")
        }
        return match.1
    }

    mutating func bool(_ key: String) throws(ConfigError) -> Bool? {
        switch value(key) {
        case nil: return nil
        case .bool(let b)?: return b
        case let other?: throw ConfigError(path: child(key), "expected true or false, found \(other.kindName)")
        }
    }

    mutating func number(_ key: String, in range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double? {
        guard let v = value(key) else { return nil }
        return try ObjectReader.number(v, path: child(key), in: range)
    }

    mutating func int(_ key: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int? {
        guard let v = value(key) else { return nil }
        return try ObjectReader.int(v, path: child(key), in: range)
    }

    static func number(_ v: JSONValue, path: String, in range: ClosedRange<Double>? = nil) throws(ConfigError) -> Double {
        guard case .number(let text) = v, let d = Double(text) else {
            throw ConfigError(path: path, "expected a number, found \(v.kindName)")
        }
        if !d.isFinite { throw ConfigError(path: path, "\(text) is out of the range of a double (±1.8e308)") }
        if let range, !range.contains(d) {
            throw ConfigError(path: path, "\(text) is outside \(Format.exact(range.lowerBound))...\(Format.exact(range.upperBound))")
        }
        return d
    }

    static func int(_ v: JSONValue, path: String, in range: ClosedRange<Int>) throws(ConfigError) -> Int {
        guard case .number(let text) = v else { throw ConfigError(path: path, "expected a whole number, found \(v.kindName)") }
        guard let i = Int(text) else {
            if let d = Double(text), d == d.rounded(), abs(d) < 1e15 {
                throw ConfigError(path: path, "expected a whole number, found \(text) (write it without a decimal point)")
            }
            throw ConfigError(path: path, "expected a whole number, found \(text)")
        }
        if !range.contains(i) { throw ConfigError(path: path, "\(i) is outside \(range.lowerBound)...\(range.upperBound)") }
        return i
    }

    mutating func array(_ key: String, nonEmpty: Bool = true) throws(ConfigError) -> [JSONValue]? {
        switch value(key) {
        case nil: return nil
        case .array(let items)?:
            if nonEmpty && items.isEmpty { throw ConfigError(path: child(key), "must not be empty") }
            return items
        case let other?: throw ConfigError(path: child(key), "expected an array, found \(other.kindName)")
        }
    }

    /// Fails on the first key that was not asked for, suggesting the closest known key. Call it
    /// after asking for every key the object may have.
    func finish() throws(ConfigError) {
        for (key, _) in pairs where !known.contains(key) {
            var message = "unknown key"
            if let suggestion = known.min(by: { editDistance($0, key) < editDistance($1, key) }),
                editDistance(suggestion, key) <= max(2, key.count / 3)
            {
                message += " (did you mean \"\(suggestion)\"?)"
            } else if !known.isEmpty {
                message += " (known keys: \(known.joined(separator: ", ")))"
            }
            throw ConfigError(path: child(key), message)
        }
    }
}

// MARK: - Reading through key definitions

extension ObjectReader {
    /// The key's value when present, checked against the key's kind.
    mutating func int(_ key: ConfigKey) throws(ConfigError) -> Int? {
        guard case .integer(let range) = key.kind else { preconditionFailure("\(key.path) is not an integer key") }
        return try int(key.name, in: range)
    }

    mutating func number(_ key: ConfigKey) throws(ConfigError) -> Double? {
        guard let v = value(key.name) else { return nil }
        return try ObjectReader.number(v, key: key, path: child(key.name))
    }

    mutating func bool(_ key: ConfigKey) throws(ConfigError) -> Bool? { try bool(key.name) }

    mutating func string(_ key: ConfigKey) throws(ConfigError) -> String? {
        let text = try string(key.name)
        if case .string(nonEmpty: true) = key.kind, text?.isEmpty == true {
            throw ConfigError(path: child(key.name), "must not be empty")
        }
        return text
    }

    /// A file or folder path: a non-empty string without NUL or other control characters (a NUL
    /// cuts the path short in every system call, and a newline in a path breaks every script
    /// and log line that names it).
    mutating func path(_ key: ConfigKey) throws(ConfigError) -> String? {
        guard let text = try string(key) else { return nil }
        let scalars = Array(text.unicodeScalars)
        if let at = scalars.firstIndex(where: { $0.properties.generalCategory == .control }) {
            let code = String(scalars[at].value, radix: 16, uppercase: true)
            throw ConfigError(
                path: child(key.name),
                "a path cannot hold a control character (U+\(String(repeating: "0", count: max(0, 4 - code.count)) + code) at character \(at + 1))"
            )
        }
        return text
    }

    /// One of the key's choices, mapped to a value by `values` (the choice's name when nil).
    mutating func choice<T>(_ key: ConfigKey, _ values: (String) -> T?) throws(ConfigError) -> T? {
        guard case .choice(let names) = key.kind else { preconditionFailure("\(key.path) is not a choice") }
        guard let name = try choice(key.name, names.map { ($0, $0) }) else { return nil }
        guard let value = values(name) else { preconditionFailure("\(key.path): no value for \(name)") }
        return value
    }

    /// A choice whose raw values are the key's choices.
    mutating func choice<T: RawRepresentable>(_ key: ConfigKey, as type: T.Type) throws(ConfigError) -> T? where T.RawValue == String {
        try choice(key) { T(rawValue: $0) }
    }

    mutating func array(_ key: ConfigKey) throws(ConfigError) -> [JSONValue]? { try array(key.name) }

    /// A number checked against a `.number` kind's bounds.
    static func number(_ v: JSONValue, key: ConfigKey, path: String) throws(ConfigError) -> Double {
        var kind = key.kind
        if case .list(let item) = kind { kind = item }
        guard case .number(let lower, let upper, let exclusiveLower, let exclusiveUpper) = kind else {
            preconditionFailure("\(key.path) is not a number key")
        }
        if !exclusiveLower && !exclusiveUpper, let lower, let upper { return try number(v, path: path, in: lower...upper) }
        let d = try number(v, path: path)
        let below = lower.map { exclusiveLower ? !(d > $0) : !(d >= $0) } ?? false
        let above = upper.map { exclusiveUpper ? !(d < $0) : !(d <= $0) } ?? false
        if below || above { throw ConfigError(path: path, Self.rangeText(lower, upper, exclusiveLower, exclusiveUpper)) }
        return d
    }

    /// "must be positive", "must be in (0, 2)", "must be in [0, 1)".
    static func rangeText(_ lower: Double?, _ upper: Double?, _ exclusiveLower: Bool, _ exclusiveUpper: Bool) -> String {
        switch (lower, upper) {
        case (0?, nil) where exclusiveLower: return "must be positive"
        case (let l?, nil): return "must be \(exclusiveLower ? "greater than" : "at least") \(Format.exact(l))"
        case (nil, let u?): return "must be \(exclusiveUpper ? "less than" : "at most") \(Format.exact(u))"
        case (let l?, let u?):
            return "must be in \(exclusiveLower ? "(" : "[")\(Format.exact(l)), \(Format.exact(u))\(exclusiveUpper ? ")" : "]")"
        case (nil, nil): return "must be a number"
        }
    }
}
