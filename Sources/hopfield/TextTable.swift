/// Left-aligned columns for terminal output.
struct TextTable {
    var header: [String]
    var rows: [[String]] = []

    mutating func append(_ row: [String]) { rows.append(row) }

    var text: String {
        var widths = header.map(\.count)
        for row in rows {
            for (i, field) in row.enumerated() { widths[i] = max(widths[i], field.count) }
        }
        func line(_ fields: [String]) -> String {
            var out = ""
            for (i, field) in fields.enumerated() {
                let isLast = i == fields.count - 1
                out += isLast ? field : field + String(repeating: " ", count: widths[i] - field.count + 2)
            }
            return out
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }
}
