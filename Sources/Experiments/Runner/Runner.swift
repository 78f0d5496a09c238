import Foundation
import Hopfield
import Imaging
import Synchronization

/// How `hopfield run` behaves.
public struct RunOptions: Sendable {
    /// The results root; a batch writes into `<output>/<config name>/` and nowhere else.
    public var output = "Results"
    /// Threads. Results never depend on it.
    public var jobs = availableCores
    /// Skip runs that are already complete (a batch killed at any moment finishes with the same bytes).
    public var resume = false
    /// Replace existing results.
    public var force = false
    /// Only the runs in this shard (issue 7's `--shard K/N`); nil: all.
    public var shard: Shard?
    /// Write report.html at the end.
    public var report = true
    /// Called after every training epoch with the run's key (from worker threads).
    public var training: (@Sendable (String, TrainingEpoch) -> Void)?
    /// Called after each run (from worker threads, serialised).
    public var progress: (@Sendable (Progress) -> Void)?

    public init() {}
}

/// A slice of a batch: shard `index` (1-based) of `count`.
public struct Shard: Sendable, Equatable {
    public var index: Int
    public var count: Int
    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }
}

public struct Progress: Sendable {
    public var runsDone: Int
    public var runsTotal: Int
    public var itemsDone: Int
    public var itemsTotal: Int
    public var elapsed: Double
    public var lastRun: String
}

/// A failure while running (not a config problem).
public struct RunError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A batch checked against its data and ready to run.
public struct Plan: Sendable {
    public var batch: Batch
    public var root: String
    /// Loaded datasets by run index (nil for capacity runs).
    public var data: [LoadedDataset?]
    public var fingerprints: [String: String]
    /// Estimated relative cost of each run (images or patterns to converge).
    public var costs: [Int]
    /// Runs of this shard, in batch order.
    public var selected: [Int]
}

/// What a finished `run` reports.
public struct RunReport: Sendable {
    public var root: String
    public var ran: [String]
    public var skipped: [String]
    public var summary: CSVTable?
    public var warnings: [String]
}

public enum ExperimentRunner {
    /// Loads the data every run needs and checks what can only be checked with the data (classes
    /// present, splits and memory counts that fit). Writes nothing.
    public static func prepare(_ batch: Batch, options: RunOptions) throws(ConfigError) -> Plan {
        var loaded: [String: LoadedDataset] = [:]
        var fingerprints: [String: String] = [:]
        var data: [LoadedDataset?] = []
        for run in batch.runs {
            guard let section = run.config.dataset else {
                data.append(nil)
                continue
            }
            let key = "\(section.path)|\(section.classes ?? [])|\(section.limitPerClass ?? -1)|\(section.maxPixels)|\(run.config.image.spec)"
            if loaded[key] == nil {
                let dataset: Dataset
                do { dataset = try Dataset.open(section.path, classes: section.classes, limitPerClass: section.limitPerClass) } catch {
                    let cwd = FileManager.default.currentDirectoryPath
                    switch error {
                    case .missingClass: throw ConfigError(file: batch.file, path: "dataset.classes", error.description)
                    case .missingFolder:
                        throw ConfigError(file: batch.file, path: "dataset.path", "\(error.description) (relative paths are read from the working directory, \(cwd))")
                    default: throw ConfigError(file: batch.file, path: "dataset.path", error.description)
                    }
                }
                var spec = run.config.image.spec
                spec.maxPixels = section.maxPixels
                let result = DatasetLoader.load(dataset, spec: spec, jobs: options.jobs)
                if result.images.isEmpty {
                    throw ConfigError(file: batch.file, path: "dataset.path", "\(section.path): no usable images (\(result.refused.count) refused)")
                }
                loaded[key] = result
                let fingerprintKey = "\(section.path)|\(section.classes ?? [])|\(section.limitPerClass ?? -1)"
                if fingerprints[fingerprintKey] == nil { fingerprints[fingerprintKey] = fingerprint(dataset, jobs: options.jobs) }
            }
            data.append(loaded[key])
        }
        // Data-dependent checks: every split and every memory quota must fit, and parameters to
        // load must be there with the right shapes.
        for (i, run) in batch.runs.enumerated() {
            if let folder = run.config.network.load {
                do { try StoredNetwork.checkSavedFiles(run.config.network.rule, neurons: run.config.neurons, folder: folder) } catch {
                    throw ConfigError(file: batch.file, path: "network.load", "\(error)")
                }
            }
            guard let d = data[i] else { continue }
            let labels = d.images.map(\.file.label)
            let classes = d.dataset.classes.count
            let quotas = MemorySelection.quotas(count: run.config.memories.count, classes: classes)
            do throws(ConfigError) {
                var available = (0..<classes).map { c in labels.filter { $0 == c }.count }
                if run.config.task == .classify {
                    if classes < 2 { throw ConfigError(path: "dataset", "classification needs at least 2 classes, found \(classes)") }
                    let split = try Splitter.split(labels: labels, classes: classes, train: run.config.split.train,
                                                   test: run.config.split.test, stratify: run.config.split.stratify, seed: run.seed)
                    let train = split.train.count
                    if run.config.memories.count > train {
                        throw ConfigError(path: "memories.count", "\(run.config.memories.count) exceeds the \(train) training images")
                    }
                    available = (0..<classes).map { c in split.train.filter { labels[$0] == c }.count }
                }
                for (c, quota) in quotas.enumerated() where quota > available[c] {
                    let place = run.config.task == .classify ? "the training split has" : "the dataset has"
                    throw ConfigError(path: "memories.count", "\(run.config.memories.count) memories need \(quota) of class \"\(d.dataset.classes[c])\", but \(place) \(available[c])")
                }
                if run.config.memories.count > d.images.count {
                    throw ConfigError(path: "memories.count", "\(run.config.memories.count) exceeds the \(d.images.count) usable images")
                }
            } catch {
                var e = Batch.attribute(error, to: run.gridValues, grid: batch.grid)
                e.file = batch.file
                if run.seed != batch.seeds.first || batch.seeds.count > 1 { e.message += " (run \(run.key))" }
                throw e
            }
        }
        let costs = batch.runs.enumerated().map { i, run -> Int in
            switch run.config.task {
            case .classify: return max(1, (data[i]?.images.count ?? 1)) * run.config.neurons / 64
            case .recall: return max(1, run.config.memories.count * max(1, run.config.corruption?.levels.count ?? 1)
                                        * (run.config.corruption?.trials ?? 1)) * run.config.neurons / 64
            case .capacity:
                let c = run.config.capacity!
                return c.patterns.reduce(0) { $0 + $1 * $1 } * c.trials * c.neurons / 1024
            }
        }
        let root = joinPath(options.output, batch.folderName)
        let selected = options.shard.map { Sharding.select(batch: batch, costs: costs, shard: $0) } ?? Array(batch.runs.indices)
        return Plan(batch: batch, root: root, data: data, fingerprints: fingerprints, costs: costs, selected: selected)
    }

    /// SHA-256 over the `sha256sum`-style listing of the dataset's files in sorted order
    /// ("<hex digest>  <relative path>\n" per file): reproducible with coreutils.
    public static func fingerprint(_ dataset: Dataset, jobs: Int) -> String {
        let lines = parallelMap(count: dataset.files.count, jobs: jobs) { i -> String in
            let file = dataset.files[i]
            let bytes = (try? FileBytes.read(file.path)) ?? []
            return SHA256.hash(bytes) + "  " + file.relativePath + "\n"
        }
        let order = dataset.files.indices.sorted { dataset.files[$0].relativePath.utf8Precedes(dataset.files[$1].relativePath) }
        return "sha256:" + SHA256.hash(Array(order.map { lines[$0] }.joined().utf8))
    }

    /// Runs a prepared plan. Each run's folder appears complete or not at all.
    public static func execute(_ plan: Plan, options: RunOptions) throws -> RunReport {
        let fm = FileManager.default
        let root = plan.root
        let batch = plan.batch
        try prepareRoot(root, options: options, own: options.shard == nil ? nil : plan.selected.map { batch.runs[$0].folder })
        if options.shard != nil {
            // The batch definition for `hopfield merge` (every shard writes the same bytes).
            try AtomicFile.write(batch.source.pretty() + "\n", to: joinPath(root, "config.json"))
        }
        var warnings: [String] = []
        var reportedDatasets = Set<String>()
        for d in plan.data.compactMap({ $0 }) where !reportedDatasets.contains(d.dataset.root) {
            reportedDatasets.insert(d.dataset.root)
            for refused in d.refused { warnings.append("skipped \(refused.error.description)") }
        }
        let todo = plan.selected.filter { i in
            !(options.resume && fm.fileExists(atPath: joinPath(root, batch.runs[i].folder, "manifest.json")))
        }
        let skipped = plan.selected.filter { !todo.contains($0) }.map { batch.runs[$0].key }
        let git = gitDescription()
        let started = Date()
        let state = Mutex(Progress(runsDone: 0, runsTotal: todo.count, itemsDone: 0, itemsTotal: todo.reduce(0) { $0 + plan.costs[$1] },
                                   elapsed: 0, lastRun: ""))
        // Many runs: one run per thread. Few runs: every thread on the images of one run.
        let perRunJobs = todo.count >= 2 * options.jobs ? 1 : options.jobs
        let outerJobs = perRunJobs == 1 ? options.jobs : 1
        let failures = parallelMap(count: todo.count, jobs: outerJobs) { k -> String? in
            let index = todo[k]
            let run = batch.runs[index]
            let t0 = Date()
            do {
                let output: RunOutput
                var observer: TrainingObserver?
                if let report = options.training {
                    let key = run.key
                    observer = { epoch in report(key, epoch) }
                }
                switch run.config.task {
                case .classify: output = try ClassifyTask.run(run, data: plan.data[index]!, gridKeys: batch.gridKeys, jobs: perRunJobs, observer: observer)
                case .recall: output = try RecallTask.run(run, data: plan.data[index]!, gridKeys: batch.gridKeys, jobs: perRunJobs, observer: observer)
                case .capacity: output = try CapacityTask.run(run, gridKeys: batch.gridKeys, jobs: perRunJobs)
                }
                let manifest = self.manifest(run, batch: batch, data: plan.data[index], fingerprints: plan.fingerprints, git: git,
                                             output: output, shard: options.shard, started: t0, seconds: Date().timeIntervalSince(t0))
                try writeRunFolder(root: root, run: run, output: output, manifest: manifest)
            } catch {
                return "\(run.key): \(error)"
            }
            let snapshot = state.withLock { p -> Progress in
                p.runsDone += 1
                p.itemsDone += plan.costs[index]
                p.elapsed = Date().timeIntervalSince(started)
                p.lastRun = run.key
                return p
            }
            options.progress?(snapshot)
            return nil
        }
        let failed = failures.compactMap { $0 }
        if !failed.isEmpty { throw RunError("\(failed.count) run(s) failed:\n" + failed.joined(separator: "\n")) }
        // Roll-ups over every run present (all of them, unless this is one shard of several).
        // A shard that finds every run complete merges (the last shard to finish does it; two
        // finishing together both write the same bytes, each file atomically).
        let summary = try writeRollups(plan: plan, complete: options.shard == nil)
        if summary != nil && options.report { try Report.write(results: root) }
        return RunReport(root: root, ran: todo.map { batch.runs[$0].key }, skipped: skipped, summary: summary, warnings: warnings)
    }

    /// Makes sure the results folder may be written: new, or resumed, or forced. A shard (`own`
    /// lists its run folders) shares the folder with the other shards: it removes only its own
    /// leftovers and never refuses.
    static func prepareRoot(_ root: String, options: RunOptions, own: [String]?) throws {
        let fm = FileManager.default
        try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
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
        throw RunError("\(root) already holds results (\(existing.count) entries); use --resume to complete them or --force to replace them")
    }

    /// Writes a run's files into a temporary folder, then renames it into place.
    static func writeRunFolder(root: String, run: RunSpec, output: RunOutput, manifest: JSONValue) throws {
        let fm = FileManager.default
        let final = joinPath(root, run.folder)
        let temporary = joinPath(root, ".tmp-\(run.folder)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try fm.createDirectory(atPath: temporary, withIntermediateDirectories: true)
        do {
            func put(_ name: String, _ bytes: [UInt8]) throws {
                guard fm.createFile(atPath: joinPath(temporary, name), contents: Data(bytes)) else {
                    throw IOFailure(path: joinPath(temporary, name), reason: "cannot write")
                }
            }
            try put("config.json", Array((run.config.json.pretty() + "\n").utf8))
            try put("tally.csv", Array(output.tally.text.utf8))
            for (name, bytes) in output.files { try put(name, bytes) }
            if run.config.outputs.pictures {
                for (name, bytes) in Pictures.runFiles(output.visuals, config: run.config) { try put(name, bytes) }
            }
            try put("manifest.json", Array((manifest.pretty() + "\n").utf8))
            if fm.fileExists(atPath: final) { try fm.removeItem(atPath: final) }
            try fm.moveItem(atPath: temporary, toPath: final)
        } catch {
            try? fm.removeItem(atPath: temporary)
            throw error
        }
    }

    /// runs.csv, summary.csv and config.json at the batch root, from the runs' folders.
    /// With `complete`, every run must be present; otherwise only what is there is combined.
    @discardableResult
    public static func writeRollups(plan: Plan, complete: Bool) throws -> CSVTable? {
        try writeRollups(batch: plan.batch, root: plan.root, complete: complete)
    }

    /// The runs of `batch` that have no complete folder under `root`.
    public static func missingRuns(batch: Batch, root: String) -> [RunSpec] {
        batch.runs.filter { !FileManager.default.fileExists(atPath: joinPath(root, $0.folder, "manifest.json")) }
    }

    /// runs.csv, summary.csv and config.json at the batch root, from the runs' folders. With
    /// `complete`, a missing run is an error; otherwise nothing is written until all are there.
    @discardableResult
    public static func writeRollups(batch: Batch, root: String, complete: Bool) throws -> CSVTable? {
        let missing = missingRuns(batch: batch, root: root)
        if complete && !missing.isEmpty { throw RunError("runs missing from \(root): \(missing.map(\.key).joined(separator: "; "))") }
        if !missing.isEmpty { return nil }
        var tallies: [[[String]]] = []
        for run in batch.runs {
            let path = joinPath(root, run.folder, "tally.csv")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { throw RunError("\(path): cannot read") }
            tallies.append(parseCSV(text))
        }
        guard let runs = Rollup.runsTable(tallies) else { return nil }
        let summary = Rollup.summary(runs, task: batch.runs[0].config.task, gridKeys: batch.gridKeys)
        try AtomicFile.write(runs.text, to: joinPath(root, "runs.csv"))
        try AtomicFile.write(summary.text, to: joinPath(root, "summary.csv"))
        try AtomicFile.write(batch.source.pretty() + "\n", to: joinPath(root, "config.json"))
        return summary
    }

    /// The run's manifest: tool, seed, data fingerprint, every convention used, timings.
    static func manifest(_ run: RunSpec, batch: Batch, data: LoadedDataset?, fingerprints: [String: String], git: String?,
                         output: RunOutput, shard: Shard?, started: Date, seconds: Double) -> JSONValue {
        let c = run.config
        var pairs: [(String, JSONValue)] = [
            ("tool", .string("HopfieldLab")), ("version", .string(HopfieldLab.version)),
            ("gitCommit", git.map { .string($0) } ?? .null),
            ("config", batch.file.map { .string($0) } ?? .null),
            ("run", .string(run.key)), ("seed", .number(String(run.seed))),
            ("grid", .object(run.gridValues)),
            ("task", .string(c.task.rawValue)),
        ]
        if let data, let section = c.dataset {
            let key = "\(section.path)|\(section.classes ?? [])|\(section.limitPerClass ?? -1)"
            pairs.append(("dataset", .object([
                ("path", .string(section.path)),
                ("resolvedPath", .string(URL(fileURLWithPath: section.path).standardizedFileURL.path)),
                ("fingerprint", .string(fingerprints[key] ?? "")),
                ("fingerprintMethod", .string("SHA-256 of the sha256sum listing (\"<digest>  <relative path>\" per file, sorted by path bytes)")),
                ("classes", .array(data.dataset.classes.map { .string($0) })),
                ("files", .int(data.dataset.files.count)),
                ("usedImages", .int(data.images.count)),
                ("refused", .array(data.refused.map { .object([("path", .string($0.file.relativePath)), ("reason", .string($0.error.reason))]) })),
            ])))
        }
        var conventions: [(String, JSONValue)] = []
        if c.task != .capacity {
            conventions += [
                ("grayscale", .string("ITU-R BT.601 luma 0.299 R + 0.587 G + 0.114 B (16-bit fixed point, as libjpeg and Pillow); JPEG colour gives libjpeg's Y channel; alpha dropped; EXIF orientation ignored")),
                ("jpegIDCT", .string(c.image.idct == .fast ? "libjpeg JDCT_IFAST (TensorFlow's default)" : "libjpeg JDCT_ISLOW")),
                ("resize", .string(c.image.resize == .bilinear ? "bilinear, half-pixel centres, no antialiasing (tf.image.resize)" : "area (box average), JPEG decoded with the scaled IDCT at the smallest 1/2, 1/4, 1/8 not below the target")),
                ("binarize", .string(binarizationText(c.image.binarize))),
            ]
        }
        conventions += [
            ("weights", .string(weightsText(c.network.rule))),
            ("updateOrder", .string(updateText(c.network.rule, c.dynamics.mode))),
            ("tieRule", .string(c.network.rule.isContinuous ? "not applicable"
                                : c.network.rule.usesUpdateOrder ? "field 0 → \(c.dynamics.tie.rawValue)" : "field 0 → plus")),
            ("maxSweeps", .int(c.dynamics.maxSweeps)),
            ("outcomeEquality", .string(c.network.rule.isContinuous
                ? "every component within \(Format.exact(c.network.tolerance)) of a memory (or of a negated memory)"
                : "bit-for-bit equal to a memory (or to a negated memory)")),
            ("randomStreams", .string("xoshiro256** seeded through SplitMix64 from (seed, purpose, item keys); items never depend on scheduling")),
        ]
        pairs.append(("conventions", .object(conventions)))
        pairs.append(("libraries", .string(codecLibraryVersions)))
        pairs.append(("platform", .string(platformDescription())))
        let formatter = ISO8601DateFormatter()
        pairs.append(("startedAt", .string(formatter.string(from: started))))
        if let count = output.parameters { pairs.append(("parameters", .int(count))) }
        if let t = output.trainingSeconds { pairs.append(("trainingSeconds", .number(Format.fixed(t, 3)))) }
        pairs.append(("seconds", .number(Format.fixed(seconds, 3))))
        if let shard { pairs.append(("shard", .object([("index", .int(shard.index)), ("count", .int(shard.count))]))) }
        pairs.append(("complete", .bool(true)))
        return .object(pairs)
    }

    static func binarizationText(_ b: Binarization) -> String {
        switch b {
        case .seed: return "seed: +1 where x/255 − 0.5001 > 0 (Float32, on the resized image), else −1"
        case .mean: return "mean: +1 above the image's mean"
        case .median: return "median: +1 above the image's median"
        case .otsu: return "otsu: +1 above Otsu's threshold"
        case .threshold(let t): return "threshold: +1 above gray level \(t)"
        case .none: return "none: gray scaled to [−1, 1] (x/127.5 − 1)"
        }
    }

    static func weightsText(_ rule: LearningRule) -> String {
        switch rule {
        case .hebbian: return "Hebbian W = Σ x xᵀ, zero diagonal, exact integers (the notebooks' 1/P or 1/N factor dropped: it changes no sign)"
        case .storkey: return "Storkey (1997) incremental rule, zero diagonal"
        case .pseudoinverse(let d): return "pseudo-inverse W = Xᵀ(XXᵀ)⁻¹X, diagonal \(d == .zero ? "zeroed" : "kept"); dependent patterns skipped"
        case .dense(let i): return "dense associative memory, E = −Σ F(x·s), F = \(i)"
        case .modern(let beta): return "modern Hopfield (Ramsauer et al. 2020), β = \(Format.exact(beta))"
        case .perceptron(let o):
            return "perceptron rule per neuron (asymmetric W, biases), margin κ = \(Format.exact(o.margin)), at most \(o.maxEpochs) epochs"
        case .rbm(let o):
            return "RBM with ±1 units, \(o.hidden) hidden, CD-\(o.cdSteps), \(o.epochs) epochs, learning rate \(Format.exact(o.learningRate)), batch \(o.batchSize); recall \(o.recall.rawValue)"
        case .hebbianRBM(let a):
            return "RBM with the memories as hidden units (W = Xᵀ), hidden activation \(a == .linear ? "linear" : "softmax")"
        case .conv(let o):
            return "shared \(o.kernelSize)×\(o.kernelSize) kernel (centre excluded) and bias, pocket perceptron rule on every neighbourhood, margin κ = \(Format.exact(o.margin)), \(o.maxEpochs) epochs"
        }
    }

    static func updateText(_ rule: LearningRule, _ mode: UpdateMode) -> String {
        switch rule {
        case .modern: return "all neurons at once (s ← Xᵀ softmax(βXs))"
        case .rbm(let o):
            return "all visible units at once through the hidden layer (v ← sign(W tanh(Wᵀv + b) + a))"
                + (o.recall == .sampled ? ", after \(o.samplingSteps) Gibbs steps seeded from the image's stream" : "")
        case .hebbianRBM(let a):
            return "all visible units at once through the memories (v ← sign(Xᵀ g(Xv)), g = \(a == .linear ? "identity" : "softmax(β·)"))"
        default: return orderText(mode)
        }
    }

    static func orderText(_ mode: UpdateMode) -> String {
        switch mode {
        case .async: return "async: every neuron once per sweep, forward Fisher–Yates order redrawn each sweep from the image's stream"
        case .asyncRandom: return "async-random: N picks with replacement per sweep; stops at a fixed point"
        case .sequential: return "sequential: neurons 0…N−1 each sweep"
        case .sync: return "sync: all neurons at once; revisited states reported as cycles"
        }
    }

    static func platformDescription() -> String {
        #if arch(x86_64)
        let arch = "x86_64"
        #elseif arch(arm64)
        let arch = "arm64"
        #else
        let arch = "other"
        #endif
        return "\(ProcessInfo.processInfo.operatingSystemVersionString), \(arch)"
    }

    /// "commit" or "commit-dirty" of the git repository in the working directory, if any.
    static func gitDescription() -> String? {
        func git(_ args: [String]) -> String? {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["git"] + args
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            guard (try? process.run()) != nil else { return nil }
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            guard process.terminationStatus == 0 else { return nil }
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let commit = git(["rev-parse", "HEAD"]) else { return nil }
        let dirty = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? false
        return dirty ? commit + "-dirty" : commit
    }
}

/// Which runs a shard takes (issue 7): runs ordered by run key, dealt to the shard with the
/// least assigned cost so far (ties to the lower shard number). Depends only on the batch.
public enum Sharding {
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
