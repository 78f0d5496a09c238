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
                    if following == "\"" {
                        field.append("\"")
                    } else {
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
