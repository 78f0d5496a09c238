import Hopfield

/// A slice of a batch: shard `index` (1-based) of `count`.
public struct Shard: Sendable, Equatable {
    /// 1-based.
    public var index: Int
    /// Shards in all.
    public var count: Int
    /// Shard `index` of `count`.
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}
