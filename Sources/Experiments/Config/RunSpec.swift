/// One run of a batch: the config with one combination of grid values, and one seed.
public struct RunSpec: Sendable {
    /// The run's seed.
    public var seed: UInt64
    /// The grid values of this run, in grid key order.
    public var gridValues: [(String, JSONValue)]
    /// The config with the grid values applied.
    public var config: ExperimentConfig

    /// The grid values as a key without the seed: runs sharing it differ only by seed.
    public var pointKey: String { gridValues.map { "\($0.0)=\($0.1.label)" }.joined(separator: ",") }
    /// "memories.count=8,image.size=64,seed=42": the run's name in every CSV. The seed comes last.
    public var key: String { (gridValues.isEmpty ? "" : pointKey + ",") + "seed=\(seed)" }
    /// A safe folder name derived from the key.
    public var folder: String { Batch.folderName(key) }
}
