import Foundation

/// `hopfield merge`: the roll-ups of a batch run as shards.
public enum Merge {
    public struct Missing: Error, CustomStringConvertible, Sendable {
        public var root: String
        public var runs: [String]
        /// The shards (1-based array task ids of `hopfield slurm` scripts) that own them, when known.
        public var shards: [Int]
        public var shardCount: Int?

        public var description: String {
            var text = "\(root): \(runs.count) run(s) missing or incomplete:\n" + runs.map { "  " + $0 }.joined(separator: "\n")
            if let count = shardCount, !shards.isEmpty {
                text += "\nresubmit shard(s) \(shards.map(String.init).joined(separator: ", ")) of \(count)"
                    + " (Slurm array task ids \(shards.map(String.init).joined(separator: ",")))"
            }
            return text
        }
    }

    /// Rebuilds runs.csv, summary.csv (and report.html) of `root` after checking every run of its
    /// config is complete; otherwise names the missing runs and the shards that own them.
    @discardableResult
    public static func run(_ root: String, report: Bool = true) throws -> CSVTable? {
        let configPath = joinPath(root, "config.json")
        guard let text = try? String(contentsOfFile: configPath, encoding: .utf8) else {
            throw RunError("\(root): no config.json (is this a results folder written by hopfield run?)")
        }
        let batch: Batch
        do { batch = try Batch.expand(try JSONParser.parse(text)) } catch { throw RunError("\(configPath): \(error)") }
        let missing = ExperimentRunner.missingRuns(batch: batch, root: root)
        if !missing.isEmpty {
            // The shard count, from any complete run's manifest.
            var count: Int?
            for run in batch.runs where !missing.contains(where: { $0.key == run.key }) {
                if let text = try? String(contentsOfFile: joinPath(root, run.folder, "manifest.json"), encoding: .utf8),
                   let manifest = try? JSONParser.parse(text), case .number(let n)? = manifest["shard"]?["count"], let c = Int(n) {
                    count = c
                    break
                }
            }
            var shards: [Int] = []
            if let count {
                // Shard assignment needs each run's cost, which needs its data: recompute it.
                if let plan = try? ExperimentRunner.prepare(batch, options: RunOptions()) {
                    for k in 1...count {
                        let owned = Sharding.select(batch: batch, costs: plan.costs, shard: Shard(index: k, count: count))
                        if owned.contains(where: { i in missing.contains { $0.key == batch.runs[i].key } }) { shards.append(k) }
                    }
                }
            }
            throw Missing(root: root, runs: missing.map(\.key), shards: shards, shardCount: count)
        }
        let summary = try ExperimentRunner.writeRollups(batch: batch, root: root, complete: true)
        if report { try Report.write(results: root) }
        return summary
    }
}

/// `hopfield slurm`: an sbatch array job whose tasks each run one shard, and a merge job that
/// runs after all of them (afterany, so it also names what failed). Slurm does the scheduling,
/// retries and placement.
public enum SlurmScripts {
    public struct Options: Sendable {
        public var config: String
        public var executable: String
        public var workingDirectory: String
        public var output: String
        public var tasks: Int
        public var partition: String?
        public var time: String?
        public var cpusPerTask: Int
        public var overrides: [String] = []

        public init(config: String, executable: String, workingDirectory: String, output: String, tasks: Int,
                    partition: String? = nil, time: String? = nil, cpusPerTask: Int = 1) {
            self.config = config
            self.executable = executable
            self.workingDirectory = workingDirectory
            self.output = output
            self.tasks = tasks
            self.partition = partition
            self.time = time
            self.cpusPerTask = cpusPerTask
        }
    }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// (array script, merge script), for a batch whose results go to `root`.
    public static func scripts(_ o: Options, batchName: String, root: String) -> (array: String, merge: String) {
        let logs = joinPath(root, "slurm", "logs")
        var header = ""
        if let partition = o.partition { header += "#SBATCH --partition=\(partition)\n" }
        if let time = o.time { header += "#SBATCH --time=\(time)\n" }
        let sets = o.overrides.map { " --set " + quote($0) }.joined()
        let array = """
            #!/bin/bash
            # Written by `hopfield slurm` for \(batchName): one array task per shard of the batch.
            #SBATCH --job-name=hopfield-\(batchName)
            #SBATCH --array=1-\(o.tasks)
            #SBATCH --cpus-per-task=\(o.cpusPerTask)
            #SBATCH --chdir=\(o.workingDirectory)
            #SBATCH --output=\(logs)/%A_%a.out
            \(header)set -euo pipefail
            exec \(quote(o.executable)) run \(quote(o.config)) --shard slurm --jobs "${SLURM_CPUS_PER_TASK:-1}" --output \(quote(o.output)) --quiet --resume\(sets)

            """
        let merge = """
            #!/bin/bash
            # Written by `hopfield slurm` for \(batchName): merges the shards once the array is over.
            #SBATCH --job-name=hopfield-\(batchName)-merge
            #SBATCH --chdir=\(o.workingDirectory)
            #SBATCH --output=\(logs)/merge_%j.out
            \(header)set -euo pipefail
            exec \(quote(o.executable)) merge \(quote(root))

            """
        return (array, merge)
    }
}
