import Foundation

/// Fixed-format numbers for CSV files: the same text on every machine and locale.
public enum Format {
    /// A Double with `digits` decimals ("0.1250"); NaN as "nan", infinities as "inf"/"-inf".
    public static func fixed(_ value: Double, _ digits: Int = 4) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(digits)f", value)
        // Avoid "-0.0000".
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { return String(text.dropFirst()) }
        return text
    }

    /// An energy for people: the integer itself when it is one, else 6 significant digits,
    /// with E/N (the notebooks' scale) beside it: "-306936 (E/N = -391.5)".
    public static func energy(_ value: Double, neurons: Int) -> String {
        let raw = value == value.rounded() && abs(value) < 1e15 ? exact(value) : String(format: "%.6g", value)
        return raw + " (E/N = " + String(format: "%.4g", value / Double(max(neurons, 1))) + ")"
    }

    /// A Double in the shortest form that reads back exactly (Swift's description).
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
