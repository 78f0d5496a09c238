/// A JSON value that keeps the order of object keys and the text of numbers, so configs are
/// echoed back exactly and errors can point at what the user wrote.
public indirect enum JSONValue: Sendable, Equatable {
    /// null.
    case null
    /// true or false.
    case bool(Bool)
    /// The number as written ("8", "0.10", "1e-3").
    case number(String)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object, its keys in the order written.
    case object([(String, JSONValue)])

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// An object's value for `key` (nil for other values).
    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.last { $0.0 == key }?.1 }
        return nil
    }

    /// What kind of value this is, for messages ("a string", "an array").
    public var kindName: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Compact text for messages and run keys: 8, 0.1, "cat", [2,4].
    public var compact: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .number(let n): return n
        case .string(let s): return JSONValue.quote(s)
        case .array(let items): return "[" + items.map(\.compact).joined(separator: ",") + "]"
        case .object(let pairs): return "{" + pairs.map { JSONValue.quote($0.0) + ":" + $0.1.compact }.joined(separator: ",") + "}"
        }
    }

    /// The value as a plain label: strings without quotes, objects as key:value pairs joined by
    /// "/" ({"rule": "conv", "kernel": 5} → rule:conv/kernel:5), everything else compact.
    public var label: String {
        switch self {
        case .string(let s): return s
        case .object(let pairs): return pairs.map { "\($0.0):\($0.1.label)" }.joined(separator: "/")
        default: return compact
        }
    }

    /// Pretty text, two-space indents, keys in their order; ends without a newline.
    public func pretty(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case .array(let items):
            if items.isEmpty { return "[]" }
            if items.allSatisfy({
                if case .array = $0 { return false }; if case .object = $0 { return false }; return true
            }) {
                return "[" + items.map(\.compact).joined(separator: ", ") + "]"
            }
            return "[\n" + items.map { inner + $0.pretty(indent: inner) }.joined(separator: ",\n") + "\n" + indent + "]"
        case .object(let pairs):
            if pairs.isEmpty { return "{}" }
            return "{\n"
                + pairs.map { inner + JSONValue.quote($0.0) + ": " + $0.1.pretty(indent: inner) }
                .joined(separator: ",\n") + "\n" + indent + "}"
        default:
            return compact
        }
    }

    /// A string as a JSON literal.
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                // C0 controls, DEL and C1 controls (U+009B starts an escape sequence too).
                if scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value) {
                    out +=
                        "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    // Convenience constructors for writing JSON.
    /// A whole number.
    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    /// A number in its shortest exact form.
    public static func double(_ v: Double) -> JSONValue { .number(Format.exact(v)) }
}
