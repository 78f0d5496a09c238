/// RFC 4180 CSV text: fields with commas, quotes or line breaks are quoted; lines end in "\n".
/// Numbers are written by the caller in a fixed format so the bytes are the same everywhere.
public struct CSVTable: Sendable {
    public var header: [String]
    public var rows: [[String]] = []

    public init(header: [String]) { self.header = header }

    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields for \(header.count) columns")
        rows.append(row)
    }

    public var text: String {
        var out = CSVTable.line(header)
        for row in rows { out += CSVTable.line(row) }
        return out
    }

    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}

import Foundation

/// Fixed-format numbers for CSV files: the same text on every machine and locale.
public enum Format {
    /// A Double with `digits` decimals ("0.1250"); NaN as "nan", infinities as "inf"/"-inf".
    public static func fixed(_ value: Double, _ digits: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(digits)f", value)
        // Avoid "-0.0000".
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// A Double in the shortest form that reads back exactly (Swift's description).
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// Rows grouped by `key`, the groups in the order their first row appears.
func groupedInOrder<Key: Hashable>(_ rows: [[String]], by key: ([String]) -> Key) -> [(key: Key, rows: [[String]])] {
    var order: [Key] = []
    var groups: [Key: [[String]]] = [:]
    for row in rows {
        let k = key(row)
        if groups[k] == nil { order.append(k) }
        groups[k, default: []].append(row)
    }
    return order.map { ($0, groups[$0]!) }
}

/// Parses RFC 4180 CSV text (quoted fields, doubled quotes) into rows of fields.
public func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var iterator = text.makeIterator()
    var pending: Character? = nil
    func next() -> Character? {
        if let p = pending {
            pending = nil
            return p
        }
        return iterator.next()
    }
    while let ch = next() {
        if quoted {
            if ch == "\"" {
                if let following = next() {
                    if following == "\"" { field.append("\"") } else {
                        quoted = false
                        pending = following
                    }
                } else {
                    quoted = false
                }
            } else {
                field.append(ch)
            }
        } else if ch == "\"" && field.isEmpty {
            quoted = true
        } else if ch == "," {
            row.append(field)
            field = ""
        } else if ch == "\n" || ch == "\r\n" {
            row.append(field)
            rows.append(row)
            row = []
            field = ""
        } else if ch != "\r" {
            field.append(ch)
        }
    }
    if !field.isEmpty || !row.isEmpty {
        row.append(field)
        rows.append(row)
    }
    return rows
}
