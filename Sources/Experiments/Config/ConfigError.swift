/// A problem with a config: where (the file and the JSON path) and what.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The config file, when known.
    public var file: String?
    /// The JSON path ("memories.count", "grid[\"image.size\"][1]"); empty for the whole file.
    public var path: String
    public var message: String

    public init(file: String? = nil, path: String, _ message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    public var description: String {
        var parts: [String] = []
        if let file { parts.append(file) }
        if !path.isEmpty { parts.append(path) }
        parts.append(message)
        return parts.joined(separator: ": ")
    }

    func inFile(_ file: String) -> ConfigError {
        var copy = self
        copy.file = file
        return copy
    }
}

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

    var isEmpty: Bool { pairs.isEmpty }

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
        guard case .number(let text) = v, let d = Double(text), d.isFinite else {
            throw ConfigError(path: path, "expected a number, found \(v.kindName)")
        }
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
               editDistance(suggestion, key) <= max(2, key.count / 3) {
                message += " (did you mean \"\(suggestion)\"?)"
            } else if !known.isEmpty {
                message += " (known keys: \(known.joined(separator: ", ")))"
            }
            throw ConfigError(path: child(key), message)
        }
    }
}

/// Levenshtein distance, for "did you mean" suggestions.
func editDistance(_ a: String, _ b: String) -> Int {
    let x = Array(a.lowercased()), y = Array(b.lowercased())
    if x.isEmpty { return y.count }
    if y.isEmpty { return x.count }
    var previous = Array(0...y.count)
    for i in 1...x.count {
        var row = [i] + [Int](repeating: 0, count: y.count)
        for j in 1...y.count {
            row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
        }
        previous = row
    }
    return previous[y.count]
}
