/// One column of a CSV file of typed rows: its name, how a row's value is written, and how it is
/// read back. A file's columns (``ResultRow/columns(gridKeys:)``) are its one definition: the
/// CSV writers, the roll-ups, the report and the terminal table (the columns marked ``shown``)
/// all go through them.
public struct Column<Row>: @unchecked Sendable {
    /// The header name.
    public let name: String
    let write: (Row) -> String
    let read: (inout Row, String) -> Bool
    /// Whether the terminal's table after a run shows the column (``shown``).
    public private(set) var onTerminal = false

    /// A column from a writer and a reader (which returns false for a field it cannot read).
    public init(_ name: String, write: @escaping (Row) -> String, read: @escaping (inout Row, String) -> Bool) {
        self.name = name
        self.write = write
        self.read = read
    }

    /// The same column, shown in the terminal's table after a run.
    public var shown: Column {
        var column = self
        column.onTerminal = true
        return column
    }

    /// Text as it is.
    public static func text(_ name: String, _ path: WritableKeyPath<Row, String>) -> Column {
        Column(
            name, write: { $0[keyPath: path] },
            read: { row, field in
                row[keyPath: path] = field
                return true
            })
    }

    /// A value named by its raw text (an enum such as ``Split``); a name it does not know is
    /// refused.
    public static func named<Value: RawRepresentable>(_ name: String, _ path: WritableKeyPath<Row, Value>) -> Column
    where Value.RawValue == String {
        Column(
            name, write: { $0[keyPath: path].rawValue },
            read: { row, field in
                guard let v = Value(rawValue: field) else { return false }
                row[keyPath: path] = v
                return true
            })
    }

    /// A whole number.
    public static func int(_ name: String, _ path: WritableKeyPath<Row, Int>) -> Column {
        Column(
            name, write: { String($0[keyPath: path]) },
            read: { row, field in
                guard let v = Int(field) else { return false }
                row[keyPath: path] = v
                return true
            })
    }

    /// A number with `digits` decimals (``Format/fixed(_:_:)``); rows hold it already rounded
    /// (``Recorded``), so what is read back equals what was written.
    public static func fixed(_ name: String, _ path: WritableKeyPath<Row, Double>, _ digits: Int = 4) -> Column {
        Column(
            name, write: { Format.fixed($0[keyPath: path], digits) },
            read: { row, field in
                guard let v = Double(field) else { return false }
                row[keyPath: path] = v
                return true
            })
    }

    /// A number with `digits` decimals, or an empty field for nil.
    public static func optionalFixed(_ name: String, _ path: WritableKeyPath<Row, Double?>, _ digits: Int = 4) -> Column {
        Column(
            name, write: { $0[keyPath: path].map { Format.fixed($0, digits) } ?? "" },
            read: { row, field in
                if field.isEmpty {
                    row[keyPath: path] = nil
                    return true
                }
                guard let v = Double(field) else { return false }
                row[keyPath: path] = v
                return true
            })
    }

    /// A number in its shortest exact form (``Format/exact(_:)``): energies.
    public static func exact(_ name: String, _ path: WritableKeyPath<Row, Double>) -> Column {
        Column(
            name, write: { Format.exact($0[keyPath: path]) },
            read: { row, field in
                guard let v = Double(field) else { return false }
                row[keyPath: path] = v
                return true
            })
    }

    /// The same column for a row that holds this one's row type at `path`.
    public func lifted<Outer>(_ path: WritableKeyPath<Outer, Row>) -> Column<Outer> {
        let write = self.write, read = self.read
        var outer = Column<Outer>(name, write: { write($0[keyPath: path]) }, read: { outer, field in read(&outer[keyPath: path], field) })
        outer.onTerminal = onTerminal
        return outer
    }
}
