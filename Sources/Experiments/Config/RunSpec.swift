/// One run of a batch: the config with one combination of grid values, and one seed.
public struct RunSpec: Sendable {
    /// The run's seed.
    public var seed: UInt64
    /// The grid values of this run, in grid key order.
    public var gridValues: [(String, JSONValue)]
    /// The config with the grid values applied.
    public var config: ExperimentConfig
    /// What the run computes from: its resolved config and seed, hashed (``RunIdentity``).
    public let identity: RunIdentity

    /// A run of `config` with `seed`; its identity is computed from both.
    public init(seed: UInt64, gridValues: [(String, JSONValue)], config: ExperimentConfig) {
        self.seed = seed
        self.gridValues = gridValues
        self.config = config
        identity = RunIdentity(config: config, seed: seed)
    }

    /// The grid values as a key without the seed: runs sharing it differ only by seed.
    public var pointKey: String { gridValues.map { "\($0.0)=\($0.1.label)" }.joined(separator: ",") }
    /// "memories.count=8,image.size=64,seed=42": the run's name in every CSV. The seed comes last.
    public var key: String { (gridValues.isEmpty ? "" : pointKey + ",") + "seed=\(seed)" }
    /// The run's folder, `<readable key>~<identity>`: readable, and unique by its identity
    /// (``FolderName/run(key:identity:)``).
    public var folder: String { FolderName.run(key: key, identity: identity) }
}
