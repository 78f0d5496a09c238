/// RFC 4180 CSV text: fields with commas, quotes or line breaks are quoted; lines end in "\n".
/// Numbers are written by the caller in a fixed format so the bytes are the same everywhere.
public struct CSVTable: Sendable {
    /// Column names.
    public var header: [String]
    /// Rows of fields, each as long as the header.
    public var rows: [[String]] = []

    /// An empty table.
    public init(header: [String]) { self.header = header }

    /// Adds a row (as many fields as the header).
    public mutating func append(_ row: [String]) {
        precondition(row.count == header.count, "CSV row has \(row.count) fields for \(header.count) columns")
        rows.append(row)
    }

    /// The CSV text.
    public var text: String {
        var out = CSVTable.line(header)
        for row in rows { out += CSVTable.line(row) }
        return out
    }

    /// One line of fields.
    public static func line(_ fields: [String]) -> String {
        fields.map(escape).joined(separator: ",") + "\n"
    }

    /// A field quoted when it must be (RFC 4180).
    public static func escape(_ field: String) -> String {
        if field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return field
    }
}
