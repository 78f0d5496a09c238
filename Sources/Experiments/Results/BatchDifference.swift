/// How two batches differ, in words, for the message that refuses to mix them: the resolved
/// values that changed ("dynamics.maxSweeps: 100 → 1"), then runs only one of them has.
enum BatchDifference {
    /// At most `limit` lines.
    static func lines(old: Batch, new: Batch, limit: Int = 8) -> [String] {
        var lines: [String] = []
        let oldIdentities = Set(old.runs.map(\.identity)), newIdentities = Set(new.runs.map(\.identity))
        var oldByKey: [String: RunSpec] = [:]
        for run in old.runs where oldByKey[run.key] == nil { oldByKey[run.key] = run }
        // Values changed in runs that kept their key (grid point and seed).
        for run in new.runs where !oldIdentities.contains(run.identity) {
            guard let before = oldByKey[run.key] else { continue }
            for change in changes(flatten(RunIdentity.resolvedJSON(before.config)), flatten(RunIdentity.resolvedJSON(run.config)))
            where !lines.contains(change) {
                lines.append(change)
            }
        }
        let newKeys = Set(new.runs.map(\.key)), oldKeys = Set(old.runs.map(\.key))
        let gone = old.runs.filter { !newKeys.contains($0.key) && !newIdentities.contains($0.identity) }.map(\.key)
        let added = new.runs.filter { !oldKeys.contains($0.key) && !oldIdentities.contains($0.identity) }.map(\.key)
        if !gone.isEmpty {
            lines.append(
                "\(gone.count) run(s) only in the folder: \(gone.prefix(3).joined(separator: "; "))\(gone.count > 3 ? "; ..." : "")")
        }
        if !added.isEmpty {
            lines.append(
                "\(added.count) run(s) only in this config: \(added.prefix(3).joined(separator: "; "))\(added.count > 3 ? "; ..." : "")")
        }
        if lines.isEmpty { lines.append("the runs' resolved configs differ") }
        return lines.count > limit ? Array(lines.prefix(limit - 1)) + ["... \(lines.count - limit + 1) more"] : lines
    }

    /// "path: old → new" for every path whose value differs (absent is "not set").
    static func changes(_ old: [(String, String)], _ new: [(String, String)]) -> [String] {
        let before = Dictionary(old, uniquingKeysWith: { a, _ in a }), after = Dictionary(new, uniquingKeysWith: { a, _ in a })
        var paths = old.map(\.0)
        for (path, _) in new where before[path] == nil { paths.append(path) }
        return paths.compactMap { path in
            let a = before[path], b = after[path]
            return a == b ? nil : "\(path): \(a ?? "not set") → \(b ?? "not set")"
        }
    }

    /// Dotted paths to compact values (or their labels: strings unquoted); arrays are values.
    static func flatten(_ value: JSONValue, prefix: String = "", labels: Bool = false) -> [(String, String)] {
        guard case .object(let pairs) = value else { return [(prefix, labels ? value.label : value.compact)] }
        return pairs.flatMap { flatten($0.1, prefix: prefix.isEmpty ? $0.0 : prefix + "." + $0.0, labels: labels) }
    }
}
