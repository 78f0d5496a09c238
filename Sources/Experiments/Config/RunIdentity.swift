import Imaging

/// What makes a run the run it is: the XXH3-128 of its resolved config (the text of its
/// `config.json`, every default written out) and its seed.
///
/// One mechanism for everything that must tell runs apart. The run folder is named
/// `<readable key>~<identity>` (``RunSpec/folder``), so two runs that differ in any resolved
/// value get two folders whatever their keys look like once made safe or cut short (`1e-2` and
/// `1e+2`, `猫` and `犬`, two long keys that agree in their first 120 characters). `--resume`
/// reuses a folder only when its name, and the identity its manifest records, are this run's: a
/// run made with other values is never taken for this one. Why a hash and not the key: keys are
/// for people and CSVs (unchanged), they lose characters on the way to a folder name; the hash
/// covers what the run computed from, not how it was written (`0.01` and `1e-2` are one run).
///
/// Why 64 bits of the 128 in the name: a collision among a batch's runs is checked anyway
/// (``Batch/expand(_:)`` refuses two runs with one folder) and 16 hex digits keep names short.
public struct RunIdentity: Hashable, Sendable, CustomStringConvertible {
    /// 16 lowercase hex digits (the first 8 bytes of the hash).
    public let description: String

    /// The identity of a run with this resolved config and seed.
    public init(config: ExperimentConfig, seed: UInt64) {
        self.init(configText: RunIdentity.configText(config), seed: seed)
    }

    /// The identity of a run whose `config.json` holds `configText`.
    init(configText: String, seed: UInt64) {
        description = String(ContentHash(of: "seed \(seed)\n" + configText).description.prefix(16))
    }

    /// An identity as written in a manifest or folder name.
    public init?(_ text: String) {
        guard text.count == 16, text.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else { return nil }
        description = text
    }

    /// The text of a run's `config.json`: the resolved config, pretty, with a final newline.
    /// The comment is left out (it changes nothing a run computes, and may be long).
    public static func configText(_ config: ExperimentConfig) -> String { resolvedJSON(config).pretty() + "\n" }

    /// The resolved config as JSON without its comment.
    static func resolvedJSON(_ config: ExperimentConfig) -> JSONValue {
        var copy = config
        copy.comment = nil
        return copy.json
    }
}
