import Testing

@testable import Experiments

@Suite struct ShardingTests {
    @Test func shardsPartitionTheRunsAndBalanceTheCost() throws {
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "s", "dataset": {"path": "D"}, "seeds": [1, 2, 3, 4, 5],
                 "grid": {"memories.count": [2, 4, 8, 16], "image.size": [16, 32, 64]}}
                """))
        let costs = batch.runs.map { $0.config.memories.count * $0.config.neurons }
        for count in [1, 2, 3, 7, 60, 100] {
            let shards = (1...count).map { Sharding.select(batch: batch, costs: costs, shard: Shard(index: $0, count: count)) }
            let all = shards.flatMap { $0 }
            #expect(all.sorted() == Array(batch.runs.indices), "\(count) shards cover every run once")
            let loads = shards.map { $0.reduce(0) { $0 + costs[$1] } }
            #expect(loads.max()! - loads.min()! <= costs.max()!, "\(count) shards: loads \(loads)")
            // Depends on the batch only.
            #expect(shards == (1...count).map { Sharding.select(batch: batch, costs: costs, shard: Shard(index: $0, count: count)) })
        }
    }

    @Test func slurmScriptsCallTheShardsAndTheMerge() throws {
        var o = SlurmScripts.Options(
            config: "/c/x.json", executable: "/bin/hopfield", workingDirectory: "/w", output: "/r",
            tasks: 8, partition: "short", time: "01:00:00", cpusPerTask: 2)
        o.overrides = ["dataset.path=/d's"]
        let (array, merge) = try SlurmScripts.scripts(o, batchName: "x", root: "/r/x")
        #expect(
            array.contains("#SBATCH --array=1-8") && array.contains("#SBATCH --partition=short")
                && array.contains("#SBATCH --time=01:00:00"))
        #expect(
            array.contains(
                "'/bin/hopfield' run '/c/x.json' --shard slurm --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --output '/r' --quiet --resume --set 'dataset.path=/d'\\''s'"
            ))
        #expect(merge.contains("exec '/bin/hopfield' merge '/r/x'"))
    }

    /// Issue 13, case 13: a partition or a working directory with a line break wrote a bare
    /// shell line into array.sbatch.
    @Test func slurmScriptsRefuseValuesThatWouldBreakALine() throws {
        func options(partition: String? = nil, time: String? = nil, cwd: String = "/w") -> SlurmScripts.Options {
            SlurmScripts.Options(
                config: "/c/x.json", executable: "/bin/hopfield", workingDirectory: cwd, output: "/r",
                tasks: 2, partition: partition, time: time)
        }
        #expect(
            throws: SlurmScripts.UnsafeValue(
                what: "--partition", value: "short\ntouch /tmp/x",
                rule: "may hold only letters, digits and _ . , - (names of partitions, comma-separated)")
        ) {
            try SlurmScripts.scripts(options(partition: "short\ntouch /tmp/x"), batchName: "x", root: "/r/x")
        }
        #expect(throws: SlurmScripts.UnsafeValue.self) {
            try SlurmScripts.scripts(options(time: "1:00\nrm -rf ~"), batchName: "x", root: "/r/x")
        }
        #expect(throws: SlurmScripts.UnsafeValue.self) {
            try SlurmScripts.scripts(options(cwd: "/tmp/we\nird"), batchName: "x", root: "/r/x")
        }
        #expect(throws: SlurmScripts.UnsafeValue.self) { try SlurmScripts.scripts(options(), batchName: "x", root: "/r/a\"b") }
        #expect(throws: SlurmScripts.UnsafeValue.self) { try SlurmScripts.scripts(options(), batchName: "x", root: "/r/a\rb") }
        // Spaces are fine: the #SBATCH value is double-quoted, the shell words single-quoted.
        let (array, merge) = try SlurmScripts.scripts(
            options(partition: "gpu,short", time: "1-00:00:00", cwd: "/my work"),
            batchName: "x", root: "/my results/x")
        #expect(array.contains("#SBATCH --chdir=\"/my work\"\n#SBATCH --output=\"/my results/x/slurm/logs/%A_%a.out\"\n"))
        #expect(array.contains("#SBATCH --partition=gpu,short\n#SBATCH --time=1-00:00:00\n"))
        #expect(merge.contains("exec '/bin/hopfield' merge '/my results/x'"))
        // Every line of both scripts is a comment, a directive or one of the two command lines.
        for line in (array + merge).split(separator: "\n") {
            #expect(line.hasPrefix("#") || line == "set -euo pipefail" || line.hasPrefix("exec '/bin/hopfield' "), "\(line)")
        }
    }
}
