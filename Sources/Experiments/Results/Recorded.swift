/// Values as a CSV records them: a number kept at the precision of its column, so that rows
/// computed now and rows read back from a file are the same values.
public enum Recorded {
    /// `value` rounded to `digits` decimals, as ``Format/fixed(_:_:)`` writes it.
    public static func fixed(_ value: Double, _ digits: Int = 4) -> Double {
        Double(Format.fixed(value, digits)) ?? value
    }
}
