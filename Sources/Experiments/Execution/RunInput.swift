/// What one classify or recall run reads: its decoded dataset and, for classify, its split.
public struct RunInput: Sendable {
    /// The decoded dataset.
    public var data: LoadedDataset
    /// The training and test images (classify only).
    public var split: Splitter.Result?
}
