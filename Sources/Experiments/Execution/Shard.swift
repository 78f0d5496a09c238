import Hopfield

/// A slice of a batch: shard `index` (1-based) of `count`.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}
