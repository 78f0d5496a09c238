import Foundation
import Hopfield

/// The bytes a network may take in this process (`NetworkFootprint` is checked against it
/// before a network is built, by a run and by the Python package).
///
/// Half the memory the process may use: the smallest of the machine's physical memory, the
/// cgroup's `memory.max` (a container or a notebook server's limit) and the address-space limit
/// (`ulimit -v`). Half, because the estimate counts the engine's main arrays only, not the data
/// set, the caller's own copies (NumPy's, in Python) nor other programs. The environment
/// variable `HOPFIELDLAB_MEMORY_LIMIT` (bytes, or a number with K, M, G or T) replaces it.
public enum MemoryBudget {
    /// The variable that sets the budget.
    public static let variable = "HOPFIELDLAB_MEMORY_LIMIT"

    /// The budget now, in bytes (read each time: nothing is cached).
    public static var bytes: Int {
        if let text = ProcessInfo.processInfo.environment[variable], let value = parse(text) { return value }
        return usableMemory / 2
    }

    /// "8G", "512M", "1073741824": bytes (binary multiples), or nil when it is not such a text.
    public static func parse(_ text: String) -> Int? {
        let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30, "T": 1 << 40]
        var digits = text.trimmingCharacters(in: .whitespaces).uppercased()
        var unit = 1
        if let last = digits.last, let u = units[last] {
            unit = u
            digits.removeLast()
        }
        guard let value = Int(digits), value >= 0 else { return nil }
        let (total, overflow) = value.multipliedReportingOverflow(by: unit)
        return overflow ? Int.max : total
    }

    /// The smallest of physical memory, the cgroup (v2) limit and RLIMIT_AS.
    static var usableMemory: Int {
        var limit = Int(clamping: ProcessInfo.processInfo.physicalMemory)
        if let text = try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8),
            let cgroup = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
        {
            limit = min(limit, cgroup)
        }
        var address = rlimit()
        if getrlimit(Int32(RLIMIT_AS.rawValue), &address) == 0 && address.rlim_cur != rlim_t.max {
            limit = min(limit, Int(clamping: address.rlim_cur))
        }
        return limit
    }
}
