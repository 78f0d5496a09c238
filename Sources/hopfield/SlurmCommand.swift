import ArgumentParser
import Experiments
import Foundation

struct SlurmCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "slurm",
        abstract: "Write sbatch scripts that run a batch as a Slurm job array, plus a dependent merge job; --submit submits them.",
        discussion: """
            The array's tasks each run `hopfield run CONFIG --shard slurm`: shard K of N takes the runs dealt to it by \
            expected cost, so shards finish together. The merge job runs after every task (afterany) and names any run \
            that is missing. Scripts go to <output>/<name>/slurm/, logs to <output>/<name>/slurm/logs/.
            """)

    @Argument(help: "The config file.")
    var config: String

    @Option(help: "Array tasks (default: the number of runs, at most 64).")
    var tasks: Int?

    @Option(help: "Slurm partition.")
    var partition: String?

    @Option(help: "Time limit per task (Slurm format, e.g. 01:00:00).")
    var time: String?

    @Option(help: "CPUs per task (each task uses them as --jobs).")
    var cpusPerTask = 1

    @Option(help: "The results root (shared by every node).")
    var output = "Results"

    @Option(name: .customLong("set"), help: "Override a config value (passed on to every task).")
    var overrides: [String] = []

    @Flag(help: "Submit with sbatch and print the job ids.")
    var submit = false

    func run() throws {
        let batch = try loadBatch(config, overrides: overrides)
        _ = try preparePlan(batch)
        let cwd = FileManager.default.currentDirectoryPath
        func absolute(_ p: String) -> String { p.hasPrefix("/") ? p : joinPath(cwd, p) }
        let executable =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? absolute(CommandLine.arguments[0])
        let taskCount = max(1, min(tasks ?? min(batch.runs.count, 64), batch.runs.count))
        let root = joinPath(absolute(output), batch.folderName)
        var options = SlurmScripts.Options(
            config: absolute(config), executable: executable, workingDirectory: cwd,
            output: absolute(output), tasks: taskCount, partition: partition, time: time,
            cpusPerTask: cpusPerTask)
        options.overrides = overrides
        let array: String, merge: String
        do { (array, merge) = try SlurmScripts.scripts(options, batchName: batch.folderName, root: root) } catch {
            throw ValidationError(error.description)
        }
        let folder = joinPath(root, "slurm")
        try FileManager.default.createDirectory(atPath: joinPath(folder, "logs"), withIntermediateDirectories: true)
        let arrayPath = joinPath(folder, "array.sbatch"), mergePath = joinPath(folder, "merge.sbatch")
        try AtomicFile.write(array, to: arrayPath)
        try AtomicFile.write(merge, to: mergePath)
        print("\(batch.runs.count) run(s) in \(taskCount) array task(s):")
        print("  \(arrayPath)\n  \(mergePath)")
        guard submit else {
            print("submit with: jobid=$(sbatch --parsable \(arrayPath)) && sbatch --dependency=afterany:$jobid \(mergePath)")
            return
        }
        let arrayJob = try sbatch([arrayPath])
        let mergeJob = try sbatch(["--dependency=afterany:\(arrayJob)", mergePath])
        print("submitted array job \(arrayJob) and merge job \(mergeJob)")
    }

    func sbatch(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["sbatch", "--parsable"] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch {
            throw failure(Problem(.failure, "cannot run sbatch: \(error.localizedDescription)"))
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw failure(Problem(.failure, "sbatch \(arguments.joined(separator: " ")): \(String(decoding: errors, as: UTF8.self))"))
        }
        // --parsable prints "jobid" or "jobid;cluster".
        return String(String(decoding: data, as: UTF8.self).split(separator: ";").first ?? "").trimmingCharacters(
            in: .whitespacesAndNewlines)
    }
}
