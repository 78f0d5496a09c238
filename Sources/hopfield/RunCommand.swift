import ArgumentParser
import Experiments
import Foundation

/// A config with its --set overrides. A problem is reported (``failure(_:)``): config errors
/// exit with status 2, having written nothing.
func loadBatch(_ path: String, overrides: [String]) throws -> Batch {
    do {
        var parsed: [(String, JSONValue)] = []
        for text in overrides { parsed.append(try Batch.parseOverride(text)) }
        return try Batch.load(file: path, overrides: parsed)
    } catch {
        throw failure(error)
    }
}

/// The batch checked against its data; a problem is reported (``failure(_:)``) and exits with status 2.
func preparePlan(_ batch: Batch, options: RunOptions = RunOptions()) throws -> Plan {
    do { return try ExperimentRunner.prepare(batch, options: options) } catch {
        throw failure(error)
    }
}

struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run experiments: each config writes Results/<name>/ (runs.csv, summary.csv, one folder per run).",
        discussion: """
            Paths in a config (dataset.path) are relative to the working directory. Every CSV is the same, byte for \
            byte, for any --jobs and after --resume; wall times live only in each run's manifest.json.
            """)

    @Argument(help: "Config files.")
    var configs: [String]

    @Option(help: "The results root.")
    var output = "Results"

    @Option(help: "Threads (default: all cores). Results never depend on it.")
    var jobs: Int = availableCores

    @Flag(help: "Skip runs that are already complete; finish the others.")
    var resume = false

    @Flag(help: "Replace existing results.")
    var force = false

    @Flag(help: "No progress and no results table.")
    var quiet = false

    @Flag(help: "Do not write report.html.")
    var noReport = false

    @Option(name: .customLong("set"), help: "Override a config value: --set dataset.path=/data/cd (repeatable).")
    var overrides: [String] = []

    @OptionGroup var cache: CacheOptions

    @Option(help: "Run only shard K of N (K/N, 1-based), or 'slurm' to read SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT.")
    var shard: String?

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        if resume && force { throw ValidationError("--resume and --force do not go together") }
    }

    func run() throws {
        // Every config is checked (and its data loaded) before anything is written.
        var plans: [Plan] = []
        var options = RunOptions()
        options.output = output
        options.jobs = jobs
        options.resume = resume
        options.force = force
        options.report = !noReport
        options.cache = cache.cache
        if let shard { options.shard = try parseShard(shard) }
        for path in configs {
            let batch = try loadBatch(path, overrides: overrides)
            plans.append(try preparePlan(batch, options: options))
        }
        let terminal = isatty(2) == 1 && !quiet
        for plan in plans {
            if !quiet { for line in plan.datasets { warn(line) } }
            var runOptions = options
            let line = terminal ? ProgressLine(name: plan.batch.name) : nil
            if let line {
                runOptions.progress = { p in
                    let rate = p.elapsed > 0 ? Double(p.itemsDone) / p.elapsed : 0
                    let eta = rate > 0 ? Double(p.itemsTotal - p.itemsDone) / rate : 0
                    line.batch(
                        runsDone: p.runsDone, runsTotal: p.runsTotal, fraction: Double(p.itemsDone) / Double(max(p.itemsTotal, 1)),
                        elapsed: p.elapsed, eta: eta, finished: p.lastRun)
                }
                // Trained rules report every epoch: on a terminal in the one status line, in logs
                // (Slurm, pipes) as plain lines at epochs 1, 10, 20, ...
                runOptions.training = { run, e in line.training(run: run, epoch: e) }
            } else if !quiet {
                let name = plan.batch.name
                runOptions.progress = { p in warn("\(name): run \(p.runsDone)/\(p.runsTotal) done (\(p.lastRun))") }
                runOptions.training = { run, e in
                    guard e.epoch == 1 || e.epoch % 10 == 0 else { return }
                    warn("\(name): training \(run): " + ProgressLine.epochText(e))
                }
            }
            let report: RunReport
            do { report = try ExperimentRunner.execute(plan, options: runOptions) } catch {
                line?.finish()
                throw failure(error)
            }
            line?.finish()
            if quiet { continue }
            for w in report.warnings.prefix(10) { warn(w) }
            if report.warnings.count > 10 {
                warn("... \(report.warnings.count - 10) more warnings or skipped files (see each run's manifest.json)")
            }
            print(
                "\(plan.batch.name): \(report.ran.count) run(s) done"
                    + (report.skipped.isEmpty ? "" : ", \(report.skipped.count) already complete")
                    + " → \(report.root)/")
            if let results = report.results { print(resultsTable(results)) }
        }
    }
}

func parseShard(_ text: String) throws -> Shard {
    if text == "slurm" {
        let env = ProcessInfo.processInfo.environment
        guard let id = env["SLURM_ARRAY_TASK_ID"].flatMap(Int.init), let count = env["SLURM_ARRAY_TASK_COUNT"].flatMap(Int.init) else {
            throw ValidationError("--shard slurm needs SLURM_ARRAY_TASK_ID and SLURM_ARRAY_TASK_COUNT (run inside a Slurm array job)")
        }
        // Array indices may start at 0 or 1 (--array=0-7 or 1-8): SLURM_ARRAY_TASK_MIN says which.
        let minimum = env["SLURM_ARRAY_TASK_MIN"].flatMap(Int.init) ?? 0
        return Shard(index: id - minimum + 1, count: count)
    }
    let parts = text.split(separator: "/")
    guard parts.count == 2, let k = Int(parts[0]), let n = Int(parts[1]), n >= 1, k >= 1, k <= n else {
        throw ValidationError("--shard expects K/N with 1 ≤ K ≤ N, or 'slurm'")
    }
    return Shard(index: k, count: n)
}

/// A few columns of summary.csv for the terminal.
func resultsTable(_ results: BatchResults) -> String {
    let fields = TerminalSummary.fields(results.summary, gridKeys: results.batch.gridKeys)
    var table = TextTable(header: fields.header)
    for row in fields.rows { table.append(row) }
    var text = table.text
    if let selection = Selection.choose(results) {
        for sentence in selection.sentences(gridKeys: results.batch.gridKeys) { text += "\n" + sentence }
        return text
    }
    for sentence in TerminalSummary.headline(results.summary, gridKeys: results.batch.gridKeys, batch: results.batch) {
        text += "\n" + sentence
    }
    return text
}
