/// A run's predictions.csv read by column name: for the analyses that need a few of its columns
/// (attractor counts, paired tests) and must also read folders written before a column was added.
/// The typed rows (``ClassifyPrediction``, ``RecallPrediction``) remain the file's definition.
public struct PredictionsTable: Sendable {
    /// The header.
    public let header: [String]
    /// The rows, each as long as the header.
    public let rows: [[String]]

    /// The table of CSV text; `path` names the file in errors (an empty file, a ragged line).
    public init(csv text: String, path: String) throws(ResultsFileError) {
        let lines = parseCSV(text)
        guard let first = lines.first else { throw ResultsFileError(path: path, reason: "empty file") }
        for (k, line) in lines.enumerated().dropFirst() where line.count != first.count {
            throw ResultsFileError(path: path, reason: "line \(k + 1): \(line.count) fields for \(first.count) columns")
        }
        header = first
        rows = Array(lines.dropFirst())
    }

    /// A column's fields, or nil when the file has no such column.
    public func column(_ name: String) -> [String]? {
        guard let k = header.firstIndex(of: name) else { return nil }
        return rows.map { $0[k] }
    }
}

extension ResultsFolder {
    /// A complete run's predictions.csv (classify and recall runs).
    public func predictions(of run: RunSpec) throws -> PredictionsTable {
        let path = joinPath(folder(of: run), "predictions.csv")
        return try PredictionsTable(csv: try ResultsFolder.readText(path), path: path)
    }
}
