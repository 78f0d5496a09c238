/// What one classify or recall run reads: its decoded dataset and, for classify, its split.
public struct RunInput: Sendable {
    /// The decoded dataset.
    public var data: LoadedDataset
    /// The training and test images (classify only).
    public var split: Splitter.Result?
    /// What identifies the split's baselines (dataset, image spec, seed, split settings): runs
    /// with the same key share them (classify only).
    public var sharedKey: SharedDataKey?
}
