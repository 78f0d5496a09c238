/// Rows as the fields their CSV holds.
enum Fields {
    static func of<Row: ResultRow>(_ rows: [Row], gridKeys: [String]) -> (header: [String], rows: [[String]]) {
        let columns = Row.columns(gridKeys: gridKeys)
        return (columns.map(\.name), rows.map { row in columns.map { $0.write(row) } })
    }
}
