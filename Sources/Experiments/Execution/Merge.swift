import Foundation

/// `hopfield merge`: the roll-ups of a batch run as shards.
public enum Merge {
    /// Runs of a sharded batch without a complete folder, and the shards to run again.
    public struct Missing: Error, CustomStringConvertible, Sendable {
        /// The results folder.
        public var root: String
        /// The missing runs' keys.
        public var runs: [String]
        /// The shards (1-based array task ids of `hopfield slurm` scripts) that own them, when known.
        public var shards: [Int]
        /// The batch's shard count, when a manifest says it.
        public var shardCount: Int?

        public var description: String {
            var text = "\(root): \(runs.count) run(s) missing or incomplete:\n" + runs.map { "  " + $0 }.joined(separator: "\n")
            if let count = shardCount, !shards.isEmpty {
                text +=
                    "\nresubmit shard(s) \(shards.map(String.init).joined(separator: ", ")) of \(count)"
                    + " (Slurm array task ids \(shards.map(String.init).joined(separator: ",")))"
            }
            return text
        }
    }

    /// Rebuilds runs.csv, summary.csv (and report.html) of `root` after checking every run of its
    /// config is complete; otherwise names the missing runs and the shards that own them.
    @discardableResult
    public static func run(_ root: String, report: Bool = true) throws -> BatchResults {
        let folder = ResultsFolder(root)
        let batch = try folder.batch()
        // Not while a run or a shard still writes the folder.
        let lock = try ResultsLock(root: root, shard: nil)
        defer { lock.release() }
        let missing = folder.missingRuns(of: batch)
        if !missing.isEmpty {
            let count = shardCount(folder, batch: batch, missing: missing)
            throw Missing(
                root: root, runs: missing.map(\.key), shards: count.map { owners(of: missing, batch: batch, count: $0) } ?? [],
                shardCount: count)
        }
        let results = try folder.read()
        try folder.writeRollups(results)
        if report { try Report.write(results) }
        return results
    }

    /// The shard count, from any complete run's manifest.
    static func shardCount(_ folder: ResultsFolder, batch: Batch, missing: [RunSpec]) -> Int? {
        for run in batch.runs where !missing.contains(where: { $0.key == run.key }) {
            if let count = (try? folder.manifest(of: run))?.shard?.count { return count }
        }
        return nil
    }

    /// The shards (1-based) that own the missing runs. Shard assignment needs each run's cost,
    /// which needs its data: it is recomputed.
    static func owners(of missing: [RunSpec], batch: Batch, count: Int) -> [Int] {
        guard let plan = try? ExperimentRunner.prepare(batch, options: RunOptions()) else { return [] }
        return (1...count).filter { k in
            let owned = Sharding.select(batch: batch, costs: plan.costs, shard: Shard(index: k, count: count))
            return owned.contains { i in missing.contains { $0.key == batch.runs[i].key } }
        }
    }
}
