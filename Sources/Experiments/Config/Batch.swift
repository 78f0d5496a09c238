import Foundation
import Imaging

/// A config file expanded into its runs: the cross product of the grid values (keys in the
/// order written, values in order) and the seeds (innermost).
public struct Batch: Sendable {
    /// The config file, when read from one.
    public var file: String?
    /// The config's name.
    public var name: String
    /// The results folder name (the config's name made safe, unique: ``FolderName/batch(_:)``).
    public var folderName: String
    /// The swept keys and their values, in the order written.
    public var grid: [(key: String, values: [JSONValue])]
    /// The swept keys, in the order written.
    public var gridKeys: [String] { grid.map(\.key) }
    /// The seeds, each run once per grid point.
    public var seeds: [UInt64]
    /// Every run: grid points in order, seeds innermost.
    public var runs: [RunSpec]
    /// The config as written (with command-line overrides applied).
    public var source: JSONValue

    /// Reads and expands a config file. `overrides` ("dataset.path" → value) are applied to the
    /// file's JSON first, as if written there.
    public static func load(file: String, overrides: [(String, JSONValue)] = []) throws(ConfigError) -> Batch {
        let text: String
        do { text = try Batch.readText(file) } catch {
            throw ConfigError(file: file, path: "", "cannot read the file: \(error.reason)")
        }
        do throws(ConfigError) {
            var root: JSONValue
            do { root = try JSONParser.parse(text) } catch { throw ConfigError(path: "", "invalid JSON: \(error.description)") }
            for (path, value) in overrides { root = try Batch.setting(root, path: path, to: value, origin: "--set \(path)") }
            try checkOverridesNotSwept(overrides.map(\.0), root: root)
            var batch = try expand(root)
            batch.file = file
            return batch
        } catch {
            throw error.inFile(file)
        }
    }

    /// Whether a parsed file is the JSON Schema of configs (its `$schema` is a json-schema.org
    /// meta-schema), which sits beside the configs in `Configs/`.
    public static func isSchema(_ root: JSONValue) -> Bool {
        if case .string(let meta)? = root["$schema"] { return meta.hasPrefix("https://json-schema.org/") }
        return false
    }

    /// The most bytes a config file may have: far above any real config (they are a few KB),
    /// far below what would strain memory.
    public static let maxConfigBytes = 64 << 20

    /// The seed of a config without `seeds` (and of `hopfield recall`).
    public static let defaultSeed: UInt64 = 42

    /// A config file's text: a regular file (a FIFO cannot block), at most ``maxConfigBytes``,
    /// whose first 4 KB are UTF-8 text (a binary file is refused before the rest is read).
    static func readText(_ file: String) throws(FileBytes.ReadError) -> String {
        let bytes = try FileBytes.read(file, limit: maxConfigBytes, headLength: 4096) { head, _ in looksLikeText(head) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw FileBytes.ReadError(path: file, reason: "not UTF-8 text")
        }
        return text
    }

    /// Refuses a grid key that is not a dotted key or names something that cannot vary within a
    /// batch (its name, seeds and grid, and its task: runs.csv holds one task's columns).
    static func checkSweptKey(_ key: String, path: String) throws(ConfigError) {
        guard let parts = DottedPath.parts(key) else { throw ConfigError(path: path, "not a dotted key like \"memories.count\"") }
        if ["name", "seeds", "grid", "$schema", "comment"].contains(parts[0]) {
            throw ConfigError(path: path, "\(parts[0]) cannot be swept")
        }
        if parts[0] == "task" {
            throw ConfigError(
                path: path, "task cannot be swept: a batch's runs.csv and summary.csv hold one task's columns (one config per task)")
        }
    }

    /// Expands a parsed config.
    public static func expand(_ root: JSONValue) throws(ConfigError) -> Batch {
        guard case .object(let pairs) = root else { throw ConfigError(path: "", "a config is a JSON object, found \(root.kindName)") }
        if isSchema(root) {
            throw ConfigError(path: "", "this is the JSON Schema of configs (Configs/schema.json), not a config")
        }
        // Seeds.
        var seeds = [defaultSeed]
        if let value = root["seeds"] {
            guard case .array(let items) = value, !items.isEmpty else {
                throw ConfigError(path: "seeds", "expected a non-empty array of whole numbers")
            }
            seeds = []
            var seen = Set<UInt64>()
            for (k, item) in items.enumerated() {
                guard case .number(let text) = item, let seed = UInt64(text) else {
                    throw ConfigError(path: "seeds[\(k)]", "expected a whole number ≥ 0, found \(item.compact)")
                }
                if !seen.insert(seed).inserted { throw ConfigError(path: "seeds[\(k)]", "seed \(seed) is listed twice") }
                seeds.append(seed)
            }
        }
        // Grid.
        var grid: [(key: String, values: [JSONValue])] = []
        if let value = root["grid"] {
            guard case .object(let entries) = value else {
                throw ConfigError(path: "grid", "expected an object of \"dotted.key\": [values]")
            }
            for (key, values) in entries {
                let path = "grid[\(JSONValue.quote(key))]"
                try checkSweptKey(key, path: path)
                guard case .array(let list) = values, !list.isEmpty else {
                    throw ConfigError(path: path, "expected a non-empty array of values")
                }
                var seen = Set<String>()
                for (i, v) in list.enumerated() where !seen.insert(v.canonical).inserted {
                    throw ConfigError(path: "\(path)[\(i)]", "\(v.compact) is listed twice")
                }
                grid.append((key, list))
            }
        }
        // The base config must be well-formed on its own (grid values replace parts of it); the
        // checks across sections (rule against memories.count, say) apply to each grid point, so a
        // base network the grid replaces everywhere does not veto the points.
        let base = JSONValue.object(pairs.filter { $0.0 != "grid" && $0.0 != "seeds" })
        let baseConfig = try ExperimentConfig.decode(base, checkingConsistency: grid.isEmpty)
        // Cross product.
        var points: [[(String, JSONValue)]] = [[]]
        for (key, values) in grid {
            points = points.flatMap { point in values.map { point + [(key, $0)] } }
        }
        var runs: [RunSpec] = []
        var identities: [RunIdentity: Int] = [:]
        for point in points {
            var resolved = base
            for (key, value) in point { resolved = try setting(resolved, path: key, to: value, origin: "grid[\(JSONValue.quote(key))]") }
            let config: ExperimentConfig
            do { config = try ExperimentConfig.decode(resolved) } catch {
                throw Batch.attribute(error, to: point, grid: grid)
            }
            for seed in seeds {
                let run = RunSpec(seed: seed, gridValues: point, config: config)
                // Identities differ unless two grid points resolve to the same config (a value
                // written out that equals the default, say): then one run would count twice.
                if let other = identities.updateValue(runs.count, forKey: run.identity) {
                    throw ConfigError(
                        path: "grid",
                        "runs \(runs[other].key) and \(run.key) resolve to the same config (identity \(run.identity)): list each value once"
                    )
                }
                runs.append(run)
            }
        }
        return Batch(
            file: nil, name: baseConfig.name, folderName: Batch.folderName(baseConfig.name), grid: grid,
            seeds: seeds, runs: runs, source: root)
    }

    /// Points an error at the grid value that caused it, or names the combination.
    static func attribute(_ error: ConfigError, to point: [(String, JSONValue)], grid: [(key: String, values: [JSONValue])]) -> ConfigError
    {
        for (key, value) in point where error.path == key || error.path.hasPrefix(key + ".") || error.path.hasPrefix(key + "[") {
            let index = grid.first { $0.0 == key }!.1.firstIndex(of: value)!
            return ConfigError(path: "grid[\(JSONValue.quote(key))][\(index)]", "\(key) = \(value.compact): \(error.message)")
        }
        if point.isEmpty { return error }
        let combination = point.map { "\($0.0)=\($0.1.compact)" }.joined(separator: ", ")
        return ConfigError(path: error.path, "\(error.message) (with grid values \(combination))")
    }

    /// Sets a dotted path in a JSON object, creating objects on the way.
    static func setting(_ root: JSONValue, path: String, to value: JSONValue, origin: String) throws(ConfigError) -> JSONValue {
        guard let parts = DottedPath.parts(path) else { throw ConfigError(path: origin, "not a dotted key like \"memories.count\"") }
        func set(_ node: JSONValue, _ k: Int) throws(ConfigError) -> JSONValue {
            guard case .object(var pairs) = node else {
                throw ConfigError(path: origin, "\(parts[..<k].joined(separator: ".")) is \(node.kindName), not an object")
            }
            let key = parts[k]
            let index = pairs.firstIndex { $0.0 == key }
            let newValue: JSONValue
            if k == parts.count - 1 {
                newValue = value
            } else {
                newValue = try set(index.map { pairs[$0].1 } ?? .object([]), k + 1)
            }
            if let index { pairs[index].1 = newValue } else { pairs.append((key, newValue)) }
            return .object(pairs)
        }
        return try set(root, 0)
    }

    /// The results folder of a config named `name` (``FolderName/batch(_:)``).
    public static func folderName(_ name: String) -> String { FolderName.batch(name) }

    /// Refuses a `--set` of a value that a grid key replaces in every run (`--set
    /// network.rule=modern` beside `"grid": {"network.rule": [...]}`): it would be accepted and
    /// have no effect. Why an error and not "the --set wins": winning would change the grid,
    /// and with it the batch's runs and CSV columns, behind the user's back.
    static func checkOverridesNotSwept(_ paths: [String], root: JSONValue) throws(ConfigError) {
        guard case .object(let entries)? = root["grid"] else { return }
        for path in paths where path != "grid" && path != "seeds" && !path.hasPrefix("grid.") {
            guard let (key, _) = entries.first(where: { DottedPath.overlaps($0.0, path) }) else { continue }
            throw ConfigError(
                path: "--set \(path)",
                "the grid sweeps \(key) (grid[\(JSONValue.quote(key))]), so this value would be ignored in every run; change the grid instead (--set 'grid={...}')"
            )
        }
    }

    /// Parses a `--set key=value` argument: the value as JSON when it parses, else as a string.
    public static func parseOverride(_ text: String) throws(ConfigError) -> (String, JSONValue) {
        guard let eq = text.firstIndex(of: "=") else { throw ConfigError(path: "--set \(text)", "expected key=value") }
        let key = String(text[..<eq]), raw = String(text[text.index(after: eq)...])
        if key.isEmpty { throw ConfigError(path: "--set \(text)", "expected key=value") }
        if DottedPath.parts(key) == nil {
            throw ConfigError(
                path: "--set \(text)", "\(JSONValue.quote(key)) is not a dotted key like \"memories.count\" (a part is empty)")
        }
        let value = (try? JSONParser.parse(raw)) ?? .string(raw)
        return (key, value)
    }
}
