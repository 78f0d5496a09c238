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

    /// A Double in the shortest form that reads back exactly (Swift's description).
    public static func exact(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
