import Foundation
import Hopfield
import Imaging
import TestSupport
import Testing

@testable import Experiments

/// Issue 23: nothing computed on changed data is ever mixed, and no input kills the process.
@Suite(.serialized) struct ReliabilityTests {
    /// A small classify batch on `data` (three digit classes, four images each, 16×16), two seeds.
    static func digits(_ data: String, extra: String = "") throws -> Batch {
        try RunIdentityTests.expand(
            """
            {"name": "d", "dataset": {"path": "\(data)"}, "image": {"size": 16}, "memories": {"count": 3},
             "seeds": [1, 2]\(extra)}
            """)
    }

    /// Copies four digits of each of three classes into `scratch`/data.
    static func copyDigits(_ scratch: ScratchFolder) throws -> String {
        _ = try PatternCacheTests.copyDigits(scratch, perClass: 4)
        try FileManager.default.removeItem(atPath: scratch.file("data/7/notes.png"))
        return scratch.file("data")
    }

    /// Replaces one image by another digit under the same name.
    static func replaceAnImage(_ scratch: ScratchFolder) throws {
        let victim = try FileManager.default.contentsOfDirectory(atPath: scratch.file("data/1")).sorted()[0]
        _ = scratch.write(try FileBytes.read(TestPaths.shared("digits/9/04500.png")), to: "data/1/" + victim)
    }

    /// Row 1: a batch interrupted, an image replaced under its name, then `--resume` pooled runs
    /// of two datasets. Now refused, naming the dataset and both fingerprints; nothing changes.
    @Test func resumeRefusesChangedData() throws {
        let scratch = ScratchFolder("changed-data")
        defer { scratch.remove() }
        let data = try Self.copyDigits(scratch)
        let batch = try Self.digits(data)
        try RunIdentityTests.run(batch, into: scratch.path)
        let root = scratch.file("d")
        let before = try ResultsFolder(root).manifest(of: batch.runs[0]).dataset!.fingerprint
        try FileManager.default.removeItem(atPath: ResultsFolder(root).folder(of: batch.runs[1]))
        try Self.replaceAnImage(scratch)
        let snapshot = tree(root)
        let after = DatasetLoader.load(try Dataset.open(data), specs: [ExperimentRunner.imageSpec(batch.runs[0].config)], jobs: 1)
            .fingerprint
        let error = #expect(throws: RunError.self) { try RunIdentityTests.run(batch, into: scratch.path, resume: true) }
        #expect(
            error?.description
                == "dataset \(data) changed since the runs in \(root) were made (fingerprint \(before) → \(after)): rerun with --force")
        #expect(tree(root) == snapshot, "a refused resume changes nothing")
        // Images added are a change too.
        _ = scratch.write(try FileBytes.read(TestPaths.shared("digits/9/04500.png")), to: "data/7/extra.png")
        #expect(throws: RunError.self) { try RunIdentityTests.run(batch, into: scratch.path, resume: true) }
        #expect(try RunIdentityTests.run(batch, into: scratch.path, force: true).ran.count == 2)
    }

    /// Row 2: shards run before and after the images changed were merged without a word.
    @Test func mergeRefusesRunsOfTwoFingerprints() throws {
        let scratch = ScratchFolder("merge-data")
        defer { scratch.remove() }
        let data = try Self.copyDigits(scratch)
        let batch = try Self.digits(data)
        try RunIdentityTests.run(batch, into: scratch.file("a"))
        try Self.replaceAnImage(scratch)
        try RunIdentityTests.run(batch, into: scratch.file("b"))
        let folder = batch.runs[1].folder
        try FileManager.default.removeItem(atPath: scratch.file("a/d/" + folder))
        try FileManager.default.copyItem(atPath: scratch.file("b/d/" + folder), toPath: scratch.file("a/d/" + folder))
        let error = #expect(throws: (any Error).self) { try Merge.run(scratch.file("a/d"), report: false) }
        #expect(
            "\(error.map { "\($0)" } ?? "")".contains("its runs were made from different data: dataset \(data) had fingerprint "),
            "\(String(describing: error))")
        #expect(throws: (any Error).self) { try Report.write(results: scratch.file("a/d")) }
        // A shard finishing the batch checks the runs already there the same way.
        try FileManager.default.removeItem(atPath: scratch.file("a/d/" + folder))
        var options = RunOptions()
        options.output = scratch.file("a")
        options.cache = nil
        options.report = false
        options.resume = true
        options.shard = Shard(index: 1, count: 2)
        let shard = #expect(throws: RunError.self) {
            try ExperimentRunner.execute(try ExperimentRunner.prepare(batch, options: options), options: options)
        }
        #expect(shard?.description.hasPrefix("dataset \(data) changed since the runs in \(scratch.file("a/d")) were made") == true)
    }

    /// Row 3: `--force` deleted the model `network.load` read (then failed), or the images of a
    /// `dataset.path` inside the results folder (then succeeded on nothing). Now refused first.
    @Test func forceNeverDeletesWhatTheRunsRead() throws {
        let scratch = ScratchFolder("force-reads")
        defer { scratch.remove() }
        _ = try Self.copyDigits(scratch)
        try FileManager.default.createDirectory(atPath: scratch.file("out/d"), withIntermediateDirectories: true)
        try FileManager.default.moveItem(atPath: scratch.file("data"), toPath: scratch.file("out/d/data"))
        let inside = try Self.digits(scratch.file("out/d/data"))
        let before = tree(scratch.file("out/d"))
        let error = #expect(throws: RunError.self) { try RunIdentityTests.run(inside, into: scratch.file("out"), force: true) }
        #expect(
            error?.description
                == "dataset.path \(scratch.file("out/d/data")) is inside \(scratch.file("out/d")), which --force would replace: move or copy it out of the results folder first"
        )
        #expect(tree(scratch.file("out/d")).filter { $0.key != ".lock" } == before, "the images are untouched")

        let n = 16 * 16
        _ = scratch.write(NPY.int32([Int32](repeating: 1, count: n * n), shape: [n, n]), to: "out/d/model/weights.npy")
        _ = scratch.write(NPY.int32([Int32](repeating: 0, count: n), shape: [n]), to: "out/d/model/biases.npy")
        try FileManager.default.moveItem(atPath: scratch.file("out/d/data"), toPath: scratch.file("data"))
        let load = try Self.digits(
            scratch.file("data"), extra: ", \"network\": {\"rule\": \"perceptron\", \"load\": \"\(scratch.file("out/d/model"))\"}")
        let model = #expect(throws: RunError.self) { try RunIdentityTests.run(load, into: scratch.file("out"), force: true) }
        #expect(
            model?.description.hasPrefix("network.load \(scratch.file("out/d/model")) is inside") == true, "\(String(describing: model))")
        #expect(FileManager.default.fileExists(atPath: scratch.file("out/d/model/weights.npy")))
    }

    /// `file` with the field `column` of its first row set to `value`.
    static func edit(_ file: String, column: String, to value: String) throws {
        var lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        lines[1][lines[0].firstIndex(of: column)!] = value
        try (lines.map { $0.joined(separator: ",") }.joined(separator: "\n") + "\n").write(toFile: file, atomically: true, encoding: .utf8)
    }

    /// Row 4: merge and report read a run's tally.csv copied over another's (one run vanished,
    /// another counted twice), n = −150 and error rates above 1; a NaN accuracy trapped in
    /// ClassifyHeadline. Now each row is checked against its run and its ranges.
    @Test func tamperedTalliesAreRefusedNeverTrapped() throws {
        let scratch = ScratchFolder("tampered")
        defer { scratch.remove() }
        let batch = try Self.digits(try Self.copyDigits(scratch))
        try RunIdentityTests.run(batch, into: scratch.path)
        let root = scratch.file("d"), folder = ResultsFolder(root)
        let one = joinPath(folder.folder(of: batch.runs[0]), "tally.csv"), two = joinPath(folder.folder(of: batch.runs[1]), "tally.csv")
        let original = try String(contentsOfFile: two, encoding: .utf8)
        try FileManager.default.removeItem(atPath: two)
        try FileManager.default.copyItem(atPath: one, toPath: two)
        let copied = #expect(throws: ResultsFileError.self) { try Merge.run(root, report: false) }
        #expect(copied?.description == "\(two): line 2 is a row of run \(batch.runs[0].key), not of \(batch.runs[1].key)")
        for (column, value, reason) in [
            ("accuracy", "nan", "line 2: accuracy = nan is not between 0 and 1"),
            ("n", "-150", "line 2: n = -150 is negative"),
            ("errors", "1000", "line 2: errors = 1000 is not between 0 and n = 6")
        ] {
            try original.write(toFile: two, atomically: true, encoding: .utf8)
            try Self.edit(two, column: column, to: value)
            let error = #expect(throws: ResultsFileError.self) { try Report.write(results: root) }
            #expect(error?.description == "\(two): \(reason)")
            #expect(throws: ResultsFileError.self) { try Merge.run(root, report: false) }
        }
        try original.write(toFile: two, atomically: true, encoding: .utf8)
        #expect(throws: Never.self) { try Merge.run(root, report: false) }
        // A NaN that reaches the headline (no test images) gets no verdict, not a trap.
        var row = ClassifySummaryRow()
        row.split = .test
        row.meanAccuracy = .nan
        #expect(
            ClassifyHeadline.sentences([row], gridKeys: []) == [
                "this config: accuracy nan, 0 of 0 test images in spurious states; no comparison with the baselines (not a number)"
            ])
    }

    /// Row 5: a dam whose loss was NaN from epoch 1 (a tiny temperature or a huge initial spread)
    /// reported chance accuracy as a result. Now the run fails and writes no run folder.
    @Test(arguments: ["\"temperature\": 1e-30", "\"initialSpread\": 1e30"])
    func divergedTrainingFailsTheRun(setting: String) throws {
        let scratch = ScratchFolder("diverged")
        defer { scratch.remove() }
        let batch = try Self.digits(
            try Self.copyDigits(scratch), extra: ", \"network\": {\"rule\": \"dam\", \"hidden\": 4, \"epochs\": 3, \(setting)}")
        let error = #expect(throws: RunError.self) { try RunIdentityTests.run(batch, into: scratch.file("out")) }
        #expect(
            error?.description.contains("\(batch.runs[0].key): training diverged (loss NaN at epoch 1)") == true,
            "\(String(describing: error))")
        #expect(!ResultsFolder(scratch.file("out/d")).isComplete(batch.runs[0]))
    }

    /// Row 6: `network.load` of a dam's memories.npy or an rbm's weights.npy holding NaN or
    /// infinity was accepted (every prediction the same class). Now a config error, before the
    /// results folder exists.
    @Test func nonFiniteSavedParametersAreRefused() throws {
        let scratch = ScratchFolder("nonfinite")
        defer { scratch.remove() }
        let data = try Self.copyDigits(scratch)
        let n = 16 * 16
        var memories = [Float](repeating: 0.5, count: 4 * (n + 3))
        memories[n + 4] = .nan
        _ = scratch.write(NPY.float32(memories, shape: [4, n + 3]), to: "dam/memories.npy")
        let dam = try Self.digits(data, extra: ", \"network\": {\"rule\": \"dam\", \"hidden\": 4, \"load\": \"\(scratch.file("dam"))\"}")
        let damError = #expect(throws: ConfigError.self) { try RunIdentityTests.run(dam, into: scratch.file("out")) }
        #expect(damError?.path == "network.load")
        #expect(
            damError?.message
                == "\(scratch.file("dam/memories.npy")): non-finite parameters: NaN at [1, 1] (1 of \(4 * (n + 3)) values) (run seed=1)")

        var weights = [Double](repeating: 0.1, count: n * 5)
        weights[7] = .infinity
        _ = scratch.write(NPY.float64(weights, shape: [n, 5]), to: "rbm/weights.npy")
        _ = scratch.write(NPY.float64([Double](repeating: 0, count: n), shape: [n]), to: "rbm/visible-bias.npy")
        _ = scratch.write(NPY.float64([Double](repeating: 0, count: 5), shape: [5]), to: "rbm/hidden-bias.npy")
        let rbm = try Self.digits(data, extra: ", \"network\": {\"rule\": \"rbm\", \"hidden\": 5, \"load\": \"\(scratch.file("rbm"))\"}")
        let rbmError = #expect(throws: ConfigError.self) { try RunIdentityTests.run(rbm, into: scratch.file("out")) }
        #expect(
            rbmError?.message
                == "\(scratch.file("rbm/weights.npy")): non-finite parameters: +inf at [1, 2] (1 of \(n * 5) values) (run seed=1)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out")), "nothing written")
    }

    /// Row 17: `"all"` memories with Storkey's rule were refused with the pseudo-inverse's reason.
    @Test func storkeyHasItsOwnReasonForAll() {
        #expect(
            configError(
                "{\"name\": \"t\", \"dataset\": {\"path\": \"D\"}, \"image\": {\"size\": 64}, \"memories\": {\"count\": \"all\"}, \"network\": {\"rule\": \"storkey\"}}"
            )
                == "memories.count: \"all\" stores every training image: Storkey's rule retrieves at most about N/√(2 ln N) random patterns (1004 for N = 4096), and correlated images fewer; use modern or dense"
        )
    }

    /// Row 8: a perceptron at image.size 256, an rbm or dam with 100,000 hidden units, capacity
    /// at N = 65,536 with P = 30,000 ended in SIGABRT (rc 134) after the results folder was made.
    /// Now each run's network is estimated from the config (`NetworkFootprint`, the estimate
    /// every build checks) and one that would not fit is a config error (here against a 4 GiB
    /// budget; a small run fits).
    @Test func runsTheMachineCannotHoldAreConfigErrors() throws {
        func config(_ text: String) throws -> ExperimentConfig {
            let dataset = text.contains("capacity") ? "" : "\"dataset\": {\"path\": \"D\"}, "
            return try ExperimentConfig.decode(try JSONParser.parse("{\"name\": \"m\", \(dataset)\(text)}"), checkingConsistency: false)
        }
        let budget = 4 << 30
        let cases = [
            (
                "\"image\": {\"size\": 256}, \"network\": {\"rule\": \"perceptron\"}", "image.size",
                "perceptron with P = 8, N = 65536 needs about 32769 MiB (N×N Int32 couplings (two copies))"
            ),
            (
                "\"network\": {\"rule\": \"rbm\", \"hidden\": 100000}", "network.hidden",
                "rbm with P = 8, N = 4096 needs about 9375 MiB (N×hidden real weights (three copies))"
            ),
            (
                "\"network\": {\"rule\": \"dam\", \"hidden\": 100000}", "network.hidden",
                "dam with P = 100000, N = 4096 needs about 5566 MiB (K×N real memories (three copies: memories, momentum, gradient))"
            ),
            (
                "\"task\": \"capacity\", \"capacity\": {\"neurons\": 65536, \"patterns\": [30000]}", "capacity.patterns",
                "hebbian with P = 30000, N = 65536 needs about 19219 MiB (the N×P Hebbian mask tables)"
            )
        ]
        for (text, key, start) in cases {
            let error = #expect(throws: ConfigError.self) { try MemoryEstimate.check(try config(text), budget: budget) }
            #expect(error?.path == key)
            #expect(
                error?.message.hasPrefix(start + ", more than the 4096 MiB budget of this process") == true, "\(String(describing: error))")
        }
        #expect(throws: Never.self) { try MemoryEstimate.check(try config("\"network\": {\"rule\": \"perceptron\"}"), budget: budget) }
        // On any machine, through the config file: refused when loaded, before a run starts.
        let huge = configError(
            "{\"name\": \"m\", \"dataset\": {\"path\": \"D\"}, \"image\": {\"size\": 256}, \"network\": {\"rule\": \"rbm\", \"hidden\": 100000}}"
        )
        #expect(
            huge?.hasPrefix(
                "network.hidden: rbm with P = 8, N = 65536 needs about 150005 MiB (N×hidden real weights (three copies)), more than the ")
                == true, "\(String(describing: huge))")
    }

    /// Row 8, with --jobs: each network fitting the budget alone, --jobs runs at once could still
    /// exceed it together. Now only as many runs as fit together run at once (at least one), and
    /// the batch says so; the results do not depend on it.
    @Test func parallelRunsTogetherFitTheBudget() throws {
        func perceptron(size: Int) throws -> ExperimentConfig {
            let text =
                "{\"name\": \"m\", \"dataset\": {\"path\": \"D\"}, \"image\": {\"size\": \(size)}, \"network\": {\"rule\": \"perceptron\"}}"
            return try ExperimentConfig.decode(try JSONParser.parse(text), checkingConsistency: false)
        }
        let big = try perceptron(size: 128), small = try perceptron(size: 16)
        let one = NetworkFootprint(
            neurons: big.neurons, memories: big.memories.count,
            rule: big.network.rule.footprint(neurons: big.neurons, memories: big.memories.count)
        ).bytes
        let budget = 3 * one + one / 2
        #expect(MemoryEstimate.concurrentRuns(Array(repeating: big, count: 8), jobs: 8, budget: budget) == 3)
        #expect(MemoryEstimate.concurrentRuns(Array(repeating: big, count: 8), jobs: 2, budget: budget) == 2)
        #expect(MemoryEstimate.concurrentRuns([big, big], jobs: 8, budget: budget) == 2)
        #expect(MemoryEstimate.concurrentRuns([big], jobs: 8, budget: one / 2) == 1)  // one at a time at least
        // The biggest networks count: three big ones do not fit beside a fourth, small ones do.
        #expect(MemoryEstimate.concurrentRuns([small, big, small, big, big, big], jobs: 6, budget: budget) == 3)
        #expect(MemoryEstimate.concurrentRuns(Array(repeating: small, count: 6), jobs: 6, budget: budget) == 6)
    }

    /// Row 15: on a full file system a run's folder failed with "…/states.npy: cannot write",
    /// without the cause. Now the system's reason is named (here a folder that is missing, and
    /// /dev/full: "No space left on device").
    @Test func writeFailuresNameTheirCause() throws {
        let scratch = ScratchFolder("nospace")
        defer { scratch.remove() }
        let error = #expect(throws: IOFailure.self) {
            try RunFolder.writeAtomically([("sub/states.npy", [1, 2, 3])], folder: "run", root: scratch.path)
        }
        #expect(error?.description == "\(scratch.file("run/sub/states.npy")): No such file or directory")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty, "the temporary folder is removed")
        if FileManager.default.fileExists(atPath: "/dev/full") {
            let full = #expect(throws: IOFailure.self) { try AtomicFile.writeFile([UInt8](repeating: 0, count: 1 << 16), to: "/dev/full") }
            #expect(full?.description == "/dev/full: No space left on device")
        }
    }

    /// Row 12: three runs at once on one cache with disjoint image sets: the pack kept only the
    /// last writer's entries. Now writers merge under a lock and every entry stays.
    @Test func concurrentWritersOfOnePackKeepEveryEntry() throws {
        let scratch = ScratchFolder("cache-writers")
        defer { scratch.remove() }
        var datasets: [Dataset] = []
        for k in 0..<3 {
            for c in ["\(2 * k)", "\(2 * k + 1)"] {
                let files = try FileManager.default.contentsOfDirectory(atPath: TestPaths.shared("digits/" + c)).sorted().prefix(20)
                for f in files { _ = scratch.write(try FileBytes.read(TestPaths.shared("digits/\(c)/\(f)")), to: "data\(k)/\(c)/\(f)") }
            }
            datasets.append(try Dataset.open(scratch.file("data\(k)")))
        }
        let cache = PatternCache(folder: scratch.file("cache"))
        let spec = ImageSpec(size: 16, resize: .area, binarize: .midgray)
        // Three writers started together: each reads the pack (empty) before any has written it.
        let all = datasets, go = DispatchSemaphore(value: 0), done = DispatchGroup()
        for k in 0..<3 {
            done.enter()
            Thread.detachNewThread {
                go.wait()
                _ = DatasetLoader.load(all[k], spec: spec, jobs: 1, cache: cache)
                done.leave()
            }
        }
        for _ in 0..<3 { go.signal() }
        done.wait()
        #expect(cache.entries(for: spec).count == 120, "every writer's 40 entries")
        // Nothing new: the pack is not written again.
        var before = stat(), after = stat()
        stat(cache.path(for: spec), &before)
        let warm = DatasetLoader.load(datasets[1], specs: [spec], jobs: 1, cache: cache)
        stat(cache.path(for: spec), &after)
        #expect(warm.cached == 40 && before.st_ino == after.st_ino && before.st_mtim.tv_nsec == after.st_mtim.tv_nsec)
    }

    /// Row 13: kill -9 while a pack was written left `.tmp-…hlpc` files (up to a pack's size)
    /// in the cache forever. Now a writer removes those of dead processes and those over an hour old.
    @Test func staleCacheTemporariesAreRemoved() throws {
        let scratch = ScratchFolder("cache-stale")
        defer { scratch.remove() }
        let dataset = try PatternCacheTests.copyDigits(scratch)
        let dead = scratch.write([1, 2, 3], to: "cache/.tmp-2147483646-17-patterns-a.hlpc")
        let old = scratch.write([1, 2, 3], to: "cache/.tmp-\(getpid())-18-patterns-b.hlpc")
        let fresh = scratch.write([1, 2, 3], to: "cache/.tmp-\(getpid())-19-patterns-c.hlpc")
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old)
        _ = DatasetLoader.load(
            dataset, spec: ImageSpec(size: 16, resize: .area, binarize: .midgray), jobs: 1,
            cache: PatternCache(folder: scratch.file("cache")))
        let fm = FileManager.default
        #expect(!fm.fileExists(atPath: dead) && !fm.fileExists(atPath: old))
        #expect(fm.fileExists(atPath: fresh), "a living writer's temporary file stays")
    }
}
