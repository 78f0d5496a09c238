/// A row of one of the results' CSV files.
public protocol ResultRow: Sendable {
    /// A row with every field empty, to be filled by reading.
    init()
    /// The file's columns; `gridKeys` are the batch's swept keys (for files that have them).
    static func columns(gridKeys: [String]) -> [Column<Self>]
}

extension ResultRow {
    /// The rows as CSV text, header first.
    public static func csv(_ rows: [Self], gridKeys: [String] = []) -> String {
        let columns = Self.columns(gridKeys: gridKeys)
        var table = CSVTable(header: columns.map(\.name))
        for row in rows { table.append(columns.map { $0.write(row) }) }
        return table.text
    }

    /// Rows read back from CSV text written by ``csv(_:gridKeys:)``; `path` names the file in errors.
    public static func rows(csv text: String, gridKeys: [String] = [], path: String) throws(ResultsFileError) -> [Self] {
        let columns = Self.columns(gridKeys: gridKeys)
        let lines = parseCSV(text)
        guard let header = lines.first else { throw ResultsFileError(path: path, reason: "empty file") }
        guard header == columns.map(\.name) else {
            throw ResultsFileError(
                path: path,
                reason: "unexpected columns (\(header.joined(separator: ","))); expected \(columns.map(\.name).joined(separator: ","))")
        }
        var rows: [Self] = []
        for (k, fields) in lines.dropFirst().enumerated() {
            guard fields.count == columns.count else {
                throw ResultsFileError(path: path, reason: "line \(k + 2): \(fields.count) fields for \(columns.count) columns")
            }
            var row = Self()
            for (column, field) in zip(columns, fields) where !column.read(&row, field) {
                throw ResultsFileError(path: path, reason: "line \(k + 2): \(column.name) = \(field) cannot be read")
            }
            rows.append(row)
        }
        return rows
    }
}
