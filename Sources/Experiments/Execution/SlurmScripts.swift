import Foundation

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
        public init(
            config: String, executable: String, workingDirectory: String, output: String, tasks: Int,
            partition: String? = nil, time: String? = nil, cpusPerTask: Int = 1
        ) {
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

    /// A value that cannot be written into a script, and why.
    public struct UnsafeValue: Error, Sendable, Equatable, CustomStringConvertible {
        /// What the value is ("--partition", "the working directory").
        public var what: String
        /// The value, as given.
        public var value: String
        /// What the value may hold.
        public var rule: String
        /// "--partition "short\ntouch /tmp/x": may hold only ...".
        public var description: String { "\(what) \(value.debugDescription): \(rule)" }
    }

    /// A shell word: single-quoted, any byte kept as it is (a newline inside quotes is data).
    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

    /// A value for an `#SBATCH` line. sbatch reads these lines itself, not the shell: a value
    /// ends at a line break and at a space unless double-quoted, and has no escapes. So a line
    /// break, any control character or a double quote is refused; a value with a space is
    /// double-quoted.
    static func directive(_ value: String, _ what: String) throws(UnsafeValue) -> String {
        if value.isEmpty || value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control || $0 == "\"" }) {
            throw UnsafeValue(
                what: what, value: value,
                rule: "cannot be written into an #SBATCH line (empty, or a line break, control character or double quote)")
        }
        return value.contains(" ") ? "\"" + value + "\"" : value
    }

    /// A Slurm name or time: only the characters Slurm's own syntax uses.
    static func token(_ value: String, _ what: String, allowed: String, rule: String) throws(UnsafeValue) -> String {
        guard !value.isEmpty,
            value.unicodeScalars.allSatisfy({
                $0.isASCII && (CharacterSet.alphanumerics.contains($0) || allowed.unicodeScalars.contains($0))
            })
        else {
            throw UnsafeValue(what: what, value: value, rule: rule)
        }
        return value
    }

    /// (array script, merge script), for a batch whose results go to `root`. Every value is
    /// checked or quoted: a partition, time, folder or path that could end a line and start a
    /// command of its own is refused.
    public static func scripts(_ o: Options, batchName: String, root: String) throws(UnsafeValue) -> (array: String, merge: String) {
        let logs = joinPath(root, "slurm", "logs")
        let arrayLog = try directive(logs + "/%A_%a.out", "the results folder"),
            mergeLog = try directive(logs + "/merge_%j.out", "the results folder")
        let chdir = try directive(o.workingDirectory, "the working directory")
        let job = try directive(batchName, "the batch name")
        let arrayJob = try directive("hopfield-" + batchName, "the batch name"),
            mergeJob = try directive("hopfield-" + batchName + "-merge", "the batch name")
        var header = ""
        if let partition = o.partition {
            header +=
                "#SBATCH --partition=\(try token(partition, "--partition", allowed: "_.,-", rule: "may hold only letters, digits and _ . , - (names of partitions, comma-separated)"))\n"
        }
        if let time = o.time {
            header +=
                "#SBATCH --time=\(try token(time, "--time", allowed: ":-", rule: "must be a Slurm time (minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM:SS or UNLIMITED)"))\n"
        }
        let sets = o.overrides.map { " --set " + quote($0) }.joined()
        let array = """
            #!/bin/bash
            # Written by `hopfield slurm` for \(job): one array task per shard of the batch.
            #SBATCH --job-name=\(arrayJob)
            #SBATCH --array=1-\(o.tasks)
            #SBATCH --cpus-per-task=\(o.cpusPerTask)
            #SBATCH --chdir=\(chdir)
            #SBATCH --output=\(arrayLog)
            \(header)set -euo pipefail
            exec \(quote(o.executable)) run \(quote(o.config)) --shard slurm --jobs "${SLURM_CPUS_PER_TASK:-1}" --output \(quote(o.output)) --quiet --resume\(sets)

            """
        let merge = """
            #!/bin/bash
            # Written by `hopfield slurm` for \(job): merges the shards once the array is over.
            #SBATCH --job-name=\(mergeJob)
            #SBATCH --chdir=\(chdir)
            #SBATCH --output=\(mergeLog)
            \(header)set -euo pipefail
            exec \(quote(o.executable)) merge \(quote(root))

            """
        return (array, merge)
    }
}
