import Foundation
import Hopfield
import Synchronization

/// Runs a batch: prepares it against its data (``prepare(_:options:)``), computes each run,
/// writes each run's folder atomically, then the roll-ups and the report.
public enum ExperimentRunner {
    /// Runs a prepared plan. Each run's folder appears complete or not at all.
    public static func execute(_ plan: Plan, options: RunOptions) throws -> RunReport {
        let batch = plan.batch
        let folder = ResultsFolder(plan.root)
        let lock = try openRoot(plan.root, shard: options.shard)
        defer { lock.release() }
        if options.resume || options.shard != nil {
            try folder.checkHolds(batch)
            try folder.checkData(batch, fingerprints: plan.fingerprints)
        }
        try prepareRoot(
            plan.root, options: options, own: options.shard == nil ? nil : plan.selected.map { batch.runs[$0].folder },
            reads: readPaths(batch))
        // The batch definition, before any run: what `--resume` and `hopfield merge` check
        // against (every shard writes the same bytes).
        try AtomicFile.write(batch.source.pretty() + "\n", to: joinPath(plan.root, "config.json"))
        let todo = plan.selected.filter { !(options.resume && folder.isComplete(batch.runs[$0])) }
        let skipped = plan.selected.filter { !todo.contains($0) }.map { batch.runs[$0].key }
        // --jobs runs at once only when their networks fit in the memory budget together.
        let concurrent = MemoryEstimate.concurrentRuns(todo.map { batch.runs[$0].config }, jobs: options.jobs)
        let finished = try runAll(todo, plan: plan, options: options, concurrent: concurrent)
        // Roll-ups over every run present (all of them, unless this is one shard of several).
        // A shard that finds every run complete merges (the last shard to finish does it; two
        // finishing together both write the same bytes, each file atomically).
        let results = try collect(plan: plan, finished: finished, complete: options.shard == nil)
        if let results {
            try folder.writeRollups(results)
            if options.report { try Report.write(results) }
        }
        // Each run's network warnings, once per distinct message.
        var networkWarnings: [String] = []
        for index in todo.sorted() {
            for w in finished[index]?.manifest.warnings ?? [] where !networkWarnings.contains(w) { networkWarnings.append(w) }
        }
        if concurrent < min(options.jobs, todo.count) {
            networkWarnings.append(
                "ran \(concurrent) run(s) at a time, not \(options.jobs) (--jobs): more of their networks at once would "
                    + "exceed the memory budget of \(NetworkFootprint.mebibytes(MemoryBudget.bytes)) MiB (\(MemoryBudget.variable) sets it)"
            )
        }
        return RunReport(
            root: plan.root, ran: todo.map { batch.runs[$0].key }, skipped: skipped, results: results,
            warnings: networkWarnings + refusedFiles(plan))
    }

    /// What a run computed now leaves for the roll-ups.
    struct Finished: Sendable {
        var table: RunTable
        var manifest: RunManifest
        var trainingLog: [TrainingLogRow]?
    }

    /// Computes and writes the runs `todo` (indices into the batch) on the plan's threads:
    /// many runs, one run per thread; few runs, every thread on the items of one run.
    /// At most `concurrent` runs are computed at once (the memory budget's limit on --jobs).
    static func runAll(_ todo: [Int], plan: Plan, options: RunOptions, concurrent: Int) throws -> [Int: Finished] {
        let batch = plan.batch
        let build = RunEnvironment.buildDescription()
        let started = Date()
        let state = Mutex(
            Progress(
                runsDone: 0, runsTotal: todo.count, itemsDone: 0, itemsTotal: todo.reduce(0) { $0 + plan.costs[$1] },
                elapsed: 0, lastRun: ""))
        let runsAtOnce = min(options.jobs, concurrent)
        let perRunJobs = todo.count >= 2 * runsAtOnce ? max(1, options.jobs / runsAtOnce) : options.jobs
        let outcomes = parallelMap(count: todo.count, jobs: perRunJobs == options.jobs ? 1 : runsAtOnce) {
            k -> Result<Finished, RunError> in
            let index = todo[k], run = batch.runs[index]
            if Interruption.isRequested { return .failure(RunError("\(run.key): not started (interrupted)")) }
            let finished: Finished
            do { finished = try runOne(index, plan: plan, options: options, jobs: perRunJobs, build: build) } catch {
                return .failure(RunError("\(run.key): \(error)"))
            }
            let snapshot = state.withLock { p -> Progress in
                p.runsDone += 1
                p.itemsDone += plan.costs[index]
                p.elapsed = Date().timeIntervalSince(started)
                p.lastRun = run.key
                return p
            }
            options.progress?(snapshot)
            return .success(finished)
        }
        var finished: [Int: Finished] = [:]
        var failed: [String] = []
        for (k, outcome) in outcomes.enumerated() {
            switch outcome {
            case .success(let f): finished[todo[k]] = f
            case .failure(let e): failed.append(e.description)
            }
        }
        if Interruption.isRequested {
            throw RunError(
                "interrupted: \(finished.count) of \(todo.count) run(s) written to \(plan.root) (each complete); "
                    + "the same command with --resume (resume=True) computes the others")
        }
        if !failed.isEmpty { throw RunError("\(failed.count) run(s) failed:\n" + failed.joined(separator: "\n")) }
        return finished
    }

    /// Computes one run and writes its folder.
    static func runOne(_ index: Int, plan: Plan, options: RunOptions, jobs: Int, build: String?) throws -> Finished {
        let run = plan.batch.runs[index]
        let t0 = Date()
        var observer: TrainingObserver?
        if let report = options.training {
            let key = run.key
            observer = { epoch in report(key, epoch) }
        }
        let input = plan.inputs[index].map { codedInput($0, run: run, shared: plan.codedData, jobs: jobs) }
        var context = TaskContext(input: input, jobs: jobs, observer: observer)
        context.baselines = plan.baselines
        let result = try run.config.task.definition.run(run, context: context)
        // A run computed while a stop was requested may have been cut short: never written.
        if Interruption.isRequested { throw RunError("interrupted before it was written") }
        let manifest = RunManifest.made(
            for: result, batch: plan.batch, data: input?.data, fingerprints: plan.fingerprints, build: build,
            shard: options.shard, started: t0, seconds: Date().timeIntervalSince(t0))
        try RunFolder.write(result, manifest: manifest, gridKeys: plan.batch.gridKeys, root: plan.root)
        return Finished(table: result.table, manifest: manifest, trainingLog: result.network?.trainingLog.map(TrainingLogRow.init))
    }

    /// A run's input with its features turned into codes fitted on its training images (the
    /// input as it is without a feature stage). Runs with the same data, features, seed and
    /// split share one coding (`sharedKey` names exactly those).
    static func codedInput(_ input: RunInput, run: RunSpec, shared: OnceCache<SharedDataKey, LoadedDataset>, jobs: Int) -> RunInput {
        guard run.config.features.isActive else { return input }
        var coded = input
        let train = input.split?.train ?? Array(input.data.images.indices)
        coded.data = shared.value(input.sharedKey!) {
            FeatureCodes.apply(input.data, features: run.config.features, train: train, seed: run.seed, jobs: jobs)
        }
        return coded
    }

    /// The batch's results: the runs computed now, and the runs completed earlier read back from
    /// their folders. With `complete`, a missing run is an error; otherwise nil until all are there.
    static func collect(plan: Plan, finished: [Int: Finished], complete: Bool) throws -> BatchResults? {
        let folder = ResultsFolder(plan.root)
        let missing = plan.batch.runs.indices.filter { finished[$0] == nil && !folder.isComplete(plan.batch.runs[$0]) }
        if !missing.isEmpty {
            if complete {
                throw RunError("runs missing from \(plan.root): \(missing.map { plan.batch.runs[$0].key }.joined(separator: "; "))")
            }
            return nil
        }
        var results = BatchResults(batch: plan.batch, root: plan.root)
        for (i, run) in plan.batch.runs.enumerated() {
            if let f = finished[i] {
                results.add(run: run, table: f.table, manifest: f.manifest, trainingLog: f.trainingLog)
            } else {
                results.add(
                    run: run, table: try folder.table(of: run, batch: plan.batch), manifest: try folder.manifest(of: run),
                    trainingLog: folder.trainingLog(of: run))
            }
        }
        return results
    }

    /// One line per file that could not be used, each dataset once.
    static func refusedFiles(_ plan: Plan) -> [String] {
        var warnings: [String] = []
        var reported = Set<String>()
        for input in plan.inputs.compactMap({ $0 }) where reported.insert(input.data.dataset.root).inserted {
            for note in input.data.skipped { warnings.append("skipped \(note.path): \(note.reason)") }
            for refused in input.data.refused { warnings.append("skipped \(refused.error.description)") }
        }
        return warnings
    }

    /// The paths a batch's runs read: `network.load`, `dataset.path`, `dataset.test`, each once.
    static func readPaths(_ batch: Batch) -> [(key: String, path: String)] {
        var paths: [(key: String, path: String)] = []
        for run in batch.runs {
            let config = run.config
            let candidates = [
                ("network.load", config.network.load), ("dataset.path", config.dataset?.path), ("dataset.test", config.dataset?.test)
            ]
            for case let (key, path?) in candidates where !paths.contains(where: { $0.key == key && $0.path == path }) {
                paths.append((key, path))
            }
        }
        return paths
    }

    /// Whether `path` is `folder` or lies inside it, links resolved (both must exist to be compared).
    static func isInside(_ path: String, _ folder: String) -> Bool {
        func real(_ p: String) -> String? {
            guard let resolved = realpath(p, nil) else { return nil }
            defer { free(resolved) }
            return String(cString: resolved)
        }
        guard let inner = real(path), let outer = real(folder) else { return false }
        return inner == outer || inner.hasPrefix(outer.hasSuffix("/") ? outer : outer + "/")
    }

    /// Creates the results folder and locks it (``ResultsLock``). A results folder that is a
    /// symbolic link is refused before anything is written: the link could lead anywhere, and
    /// `--force` would empty its target (it once deleted a linked folder's files).
    static func openRoot(_ root: String, shard: Shard?) throws -> ResultsLock {
        var info = stat()
        if lstat(root, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: root)) ?? "?"
            throw RunError(
                "\(root) is a symbolic link (to \(target)); results are written only into a real folder: remove the link, or give the real folder's parent as --output"
            )
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return try ResultsLock(root: root, shard: shard)
    }

    /// Makes sure the results folder may be written: new, or resumed, or forced. A shard (`own`
    /// lists its run folders) shares the folder with the other shards: it removes only its own
    /// leftovers and never refuses. `--force` is refused before anything is deleted when a path
    /// the runs read (`reads`: `network.load`, the dataset folders) lies inside the folder.
    static func prepareRoot(_ root: String, options: RunOptions, own: [String]?, reads: [(key: String, path: String)] = []) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
        if options.force, let read = reads.first(where: { isInside($0.path, root) }) {
            throw RunError(
                "\(read.key) \(read.path) is inside \(root), which --force would replace: move or copy it out of the results folder first")
        }
        let entries = try fm.contentsOfDirectory(atPath: root)
        // Leftovers of a killed process: partial run folders and temporary files.
        for entry in entries where entry.hasPrefix(".tmp-") {
            if let own, !own.contains(where: { entry.hasPrefix(".tmp-\($0)-") }) { continue }
            try? fm.removeItem(atPath: joinPath(root, entry))
        }
        let existing = entries.filter { !$0.hasPrefix(".") }
        if existing.isEmpty || options.resume || own != nil { return }
        if options.force {
            for entry in existing { try fm.removeItem(atPath: joinPath(root, entry)) }
            return
        }
        throw RunError(
            "\(root) already holds results (\(existing.count) entries); use --resume to complete them or --force to replace them")
    }
}
