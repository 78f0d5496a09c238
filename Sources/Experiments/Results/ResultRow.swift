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
        var lines = CSVLines<Self>(gridKeys: gridKeys)
        for row in rows { lines.append(row) }
        return lines.text
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

/// A results file written row by row: each row becomes its CSV line when it is appended and is
/// not kept (a run's predictions.csv holds a line per image; 70,000 for Fashion-MNIST).
public struct CSVLines<Row: ResultRow>: Sendable {
    private let columns: [Column<Row>]
    /// The file's text so far: the header, then a line per row.
    public private(set) var text: String
    /// The rows appended.
    public private(set) var count = 0

    /// The header line alone.
    public init(gridKeys: [String] = []) {
        columns = Row.columns(gridKeys: gridKeys)
        text = CSVTable.line(columns.map(\.name))
    }

    /// Writes the row's line.
    public mutating func append(_ row: Row) {
        text += CSVTable.line(columns.map { $0.write(row) })
        count += 1
    }

    /// The rows read back from the text (for tests and checks); `path` names it in errors.
    public func rows(path: String) throws(ResultsFileError) -> [Row] { try Row.rows(csv: text, path: path) }
}
