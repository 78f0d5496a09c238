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
