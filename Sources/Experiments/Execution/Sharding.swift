/// Which runs a shard takes (issue 7): runs ordered by run key, dealt to the shard with the
/// least assigned cost so far (ties to the lower shard number). Depends only on the batch.
public enum Sharding {
    /// The runs (indices into the batch) that shard `shard` takes, given each run's cost.
    public static func select(batch: Batch, costs: [Int], shard: Shard) -> [Int] {
        let keys = batch.runs.map(\.key)
        let order = batch.runs.indices.sorted { (costs[$0], keys[$0]) > (costs[$1], keys[$1]) }
        var load = [Int](repeating: 0, count: shard.count)
        var owner = [Int](repeating: 0, count: batch.runs.count)
        for i in order {
            let target = load.indices.min { (load[$0], $0) < (load[$1], $1) }!
            owner[i] = target
            load[target] += max(costs[i], 1)
        }
        return batch.runs.indices.filter { owner[$0] == shard.index - 1 }
    }
}
