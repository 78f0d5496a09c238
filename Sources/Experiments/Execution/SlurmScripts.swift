/// `hopfield slurm`: an sbatch array job whose tasks each run one shard, and a merge job that
/// runs after all of them (afterany, so it also names what failed). Slurm does the scheduling,
/// retries and placement.
public enum SlurmScripts {
    /// What the scripts run and where.
    public struct Options: Sendable {
        /// The config file (absolute).
        public var config: String
        /// The `hopfield` executable (absolute).
        public var executable: String
        /// The folder the tasks run in.
        public var workingDirectory: String
        /// The results root (absolute, shared by every node).
        public var output: String
        /// Array tasks: shards.
        public var tasks: Int
        /// Slurm partition.
        public var partition: String?
        /// Time limit per task (Slurm format).
        public var time: String?
        /// CPUs per task, used as `--jobs`.
        public var cpusPerTask: Int
        /// `--set` overrides passed on to every task.
        public var overrides: [String] = []

        /// Options without overrides.
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
