import Foundation
import TestSupport
import Testing

/// Runs `hopfield` with arguments in `cwd`.
func hopfield(_ arguments: [String], cwd: String = TestPaths.repository) throws -> ProcessResult {
    try runProcess(TestPaths.hopfieldExecutable, arguments, cwd: cwd)
}

/// Every file under a folder (relative paths) with its bytes, for byte-for-byte comparisons.
func tree(_ root: String, matching suffix: String = ".csv") -> [String: Data] {
    var files: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: root) else { return files }
    while let relative = enumerator.nextObject() as? String {
        if relative.hasSuffix(suffix), let data = FileManager.default.contents(atPath: root + "/" + relative) { files[relative] = data }
    }
    return files
}

/// Small-data overrides that make every shipped config run in seconds.
let smallOverrides: [String: [String]] = [
    "quickstart": ["dataset.path=\(TestPaths.shared("digits"))", "dataset.limitPerClass=6", "memories.count=10", "seeds=[1]"],
    "catsdogs-seed": ["dataset.path=\(TestPaths.shared("catsdogs"))", "seeds=[42]"],
    "catsdogs-classify": [
        "dataset.path=\(TestPaths.shared("catsdogs"))", "dataset.limitPerClass=10", "seeds=[1]", "image.size=16", "memories.count=4"
    ],
    // The cnn encoder reads Datasets/encoders (scripts/test runs scripts/fetch-encoder first).
    "catsdogs-features": ["dataset.path=\(TestPaths.shared("catsdogs"))", "dataset.limitPerClass=10", "seeds=[1]", "image.size=16"],
    "catsdogs-sweep": [
        "dataset.path=\(TestPaths.shared("catsdogs"))", "dataset.limitPerClass=20", "seeds=[1, 2]",
        "grid={\"memories.count\": [2, 4], \"image.size\": [16], \"memories.select\": [\"maxmin\", \"random\"]}"
    ],
    "digits-classify": [
        "dataset.path=\(TestPaths.shared("digits"))", "dataset.limitPerClass=8", "seeds=[1]",
        "grid={\"memories.count\": [10], \"network.rule\": [\"hebbian\", \"pseudoinverse\"]}"
    ],
    "digits-recall": ["dataset.path=\(TestPaths.shared("digits"))", "corruption.trials=2"],
    "capacity": ["capacity.neurons=100", "capacity.trials=1"],
    "basins": [
        "patterns.neurons=60", "seeds=[1]", "basins.trials=2", "basins.steps=3",
        "grid={\"network.rule\": [\"hebbian\", \"storkey\", \"pseudoinverse\"], \"patterns.load\": [0.05, 0.15]}"
    ],
    "modern-vs-classical": ["dataset.path=\(TestPaths.shared("digits"))", "dataset.limitPerClass=2", "corruption.trials=1", "seeds=[1]"],
    "mnist-denoise": [
        "dataset.path=\(TestPaths.shared("digits"))", "dataset.limitPerClass=2", "memories.count=20", "image.size=16",
        "grid={\"network\": [{\"rule\": \"hebbian\"}, {\"rule\": \"perceptron\", \"margin\": 1}, {\"rule\": \"conv\", \"maxEpochs\": 3},"
            + " {\"rule\": \"rbm\", \"hidden\": 32, \"epochs\": 5}, {\"rule\": \"hebbian-rbm\", \"activation\": \"softmax\"},"
            + " {\"rule\": \"modern\"}]}"
    ],
    "digits-what-works": [
        "dataset.path=\(TestPaths.shared("digits"))", "dataset.limitPerClass=6", "seeds=[1]",
        "grid={\"memories\": [{\"count\": 10, \"select\": \"means\"}, {\"count\": \"all\"}]}"
    ],
    "digits-dam": [
        "dataset.path=\(TestPaths.shared("digits"))", "dataset.limitPerClass=6", "seeds=[1]",
        "network.hidden=10", "network.epochs=2", "network.batchSize=10"
    ],
    // The Fashion-MNIST configs on the digits (the same folder as training and test split).
    "fashion-classify": [
        "dataset.path=\(TestPaths.shared("digits"))", "dataset.test=\(TestPaths.shared("digits"))", "dataset.limitPerClass=3",
        "memories.count=10"
    ],
    "fashion-all": ["dataset.path=\(TestPaths.shared("digits"))", "dataset.test=\(TestPaths.shared("digits"))", "dataset.limitPerClass=3"],
    "fashion-dam": [
        "dataset.path=\(TestPaths.shared("digits"))", "dataset.test=\(TestPaths.shared("digits"))", "dataset.limitPerClass=5",
        "network.hidden=10", "network.epochs=2", "network.batchSize=10"
    ]
]

@Suite(.serialized) struct CLITests {
    @Test func everyShippedConfigRunsOnSmallData() throws {
        let configs = try FileManager.default.contentsOfDirectory(atPath: TestPaths.repository + "/Configs")
            .filter { $0.hasSuffix(".json") && $0 != "schema.json" }.sorted()
        #expect(Set(configs.map { String($0.dropLast(5)) }) == Set(smallOverrides.keys), "every config has small-data overrides here")
        let out = ScratchFolder("configs")
        defer { out.remove() }
        for config in configs {
            let name = String(config.dropLast(5))
            let args =
                ["run", "Configs/" + config, "--output", out.path, "--quiet"] + (smallOverrides[name] ?? []).flatMap { ["--set", $0] }
            let result = try hopfield(args)
            #expect(result.status == 0, "\(config): \(result.stderr)")
            let runs = try String(contentsOfFile: out.file(name + "/runs.csv"), encoding: .utf8)
            let summary = try String(contentsOfFile: out.file(name + "/summary.csv"), encoding: .utf8)
            #expect(runs.split(separator: "\n").count >= 2 && summary.split(separator: "\n").count >= 2, "\(config)")
        }
    }

    /// `dataset export` asks for --force before writing into a folder that holds files, as import does.
    @Test func exportDoesNotOverwriteSilently() throws {
        let out = ScratchFolder("export")
        defer { out.remove() }
        let args = ["dataset", "export", TestPaths.shared("digits"), "--out", out.file("x"), "--size", "8", "--limit-per-class", "2"]
        let first = try hopfield(args)
        #expect(first.status == 0 && first.stdout.contains("wrote 20 patterns"), "\(first.stderr)")
        let second = try hopfield(args)
        #expect(second.status == 1 && second.stderr.contains("already holds 4 file(s); --force"), "\(second.stderr)")
        #expect(try hopfield(args + ["--force"]).status == 0)
    }

    @Test func configErrorsExitTwoAndWriteNothing() throws {
        let out = ScratchFolder("bad")
        defer { out.remove() }
        let config = out.write(
            Array("{\"name\": \"bad\", \"dataset\": {\"path\": \"D\"}, \"memories\": {\"count\": 0}}".utf8), to: "bad.json")
        let result = try hopfield(["run", config, "--output", out.file("results")])
        #expect(result.status == 2)
        #expect(result.stderr == "error: \(config): memories.count: 0 is outside 1...1000000\n")
        #expect(!FileManager.default.fileExists(atPath: out.file("results")))
        // A data-dependent error (more memories than training images) is also caught before writing.
        let tooMany = out.write(
            Array(
                """
                {"name": "many", "dataset": {"path": "\(TestPaths.shared("catsdogs"))", "limitPerClass": 16},
                 "split": {"train": 16, "test": 16}, "memories": {"count": 40}}
                """.utf8), to: "many.json")
        let second = try hopfield(["run", tooMany, "--output", out.file("results")])
        #expect(second.status == 2)
        #expect(second.stderr == "error: \(tooMany): memories.count: 40 exceeds the 16 training images\n")
        #expect(!FileManager.default.fileExists(atPath: out.file("results")))
        let missing = out.write(Array("{\"name\": \"m\", \"dataset\": {\"path\": \"no/such/folder\"}}".utf8), to: "missing.json")
        let third = try hopfield(["run", missing, "--output", out.file("results")])
        #expect(third.status == 2 && third.stderr.contains("dataset.path: no/such/folder: no such folder"))
        let validate = try hopfield(["validate", config])
        #expect(validate.status == 2)
    }

    /// The same bytes in every CSV with 1 and 2 threads; a second run refuses to overwrite.
    @Test func jobsDoNotChangeAByte() throws {
        let out = ScratchFolder("jobs")
        defer { out.remove() }
        let args = ["run", "Configs/catsdogs-sweep.json", "--quiet"] + smallOverrides["catsdogs-sweep"]!.flatMap { ["--set", $0] }
        let one = try hopfield(args + ["--output", out.file("one"), "--jobs", "1"])
        let two = try hopfield(args + ["--output", out.file("two"), "--jobs", "2"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
        let a = tree(out.file("one")), b = tree(out.file("two"))
        #expect(a.count >= 20 && a == b, "\(a.count) CSV files")
        let again = try hopfield(args + ["--output", out.file("one")])
        #expect(again.status == 1 && again.stderr.contains("already holds results"))
        let forced = try hopfield(args + ["--output", out.file("one"), "--force"])
        #expect(forced.status == 0 && tree(out.file("one")) == a)
    }

    /// Trained rules: the same CSVs and parameter files with 1 and 2 threads, progress on
    /// stderr, and parameters reloaded with `network.load` recall exactly as the trained run.
    @Test func trainedRulesAreReproducibleAndReload() throws {
        let out = ScratchFolder("trained")
        defer { out.remove() }
        let args = ["run", "Configs/mnist-denoise.json"] + smallOverrides["mnist-denoise"]!.flatMap { ["--set", $0] }
        let one = try hopfield(args + ["--output", out.file("one"), "--jobs", "1", "--no-report"])
        let two = try hopfield(args + ["--output", out.file("two"), "--jobs", "2", "--no-report"])
        #expect(one.status == 0 && two.status == 0, "\(one.stderr) \(two.stderr)")
        #expect(one.stderr.contains("training network=rule:rbm/hidden:32/epochs:5,seed=1: epoch 1 loss "), "\(one.stderr)")
        let csv = tree(out.file("one")), npy = tree(out.file("one"), matching: ".npy")
        #expect(csv == tree(out.file("two")) && npy == tree(out.file("two"), matching: ".npy"))
        #expect(
            npy.keys.map { String($0.split(separator: "/").last!) }.sorted()
                == [
                    "bias.npy", "kernel.npy", "biases.npy", "weights.npy",
                    "hidden-bias.npy", "visible-bias.npy", "weights.npy"
                ].sorted())
        #expect(csv.keys.filter { $0.hasSuffix("training.csv") }.count == 3)

        let root = out.file("one/mnist-denoise")
        let folders = try FileManager.default.contentsOfDirectory(atPath: root)
        // Run folders are "<key made safe>~<identity>".
        func folder(_ key: String) -> String { folders.first { $0.hasPrefix(key + "~") } ?? key }
        for (rule, folder) in [
            ("{\"rule\": \"perceptron\", \"margin\": 1", folder("network=rule-perceptron-margin-1__seed=1")),
            ("{\"rule\": \"rbm\", \"hidden\": 32, \"epochs\": 5", folder("network=rule-rbm-hidden-32-epochs-5__seed=1")),
            ("{\"rule\": \"conv\", \"maxEpochs\": 3", folder("network=rule-conv-maxEpochs-3__seed=1"))
        ] {
            let reload =
                args.dropLast() + [
                    "grid={\"network\": [\(rule), \"load\": \"\(root)/\(folder)\"}]}", "--output", out.file("reload"),
                    "--force", "--no-report", "--quiet"
                ]
            let result = try hopfield(Array(reload))
            #expect(result.status == 0, "\(result.stderr)")
            let loaded = try FileManager.default.contentsOfDirectory(atPath: out.file("reload/mnist-denoise")).first {
                $0.hasPrefix("network=")
            }!
            let trained = try String(contentsOfFile: root + "/" + folder + "/recall.csv", encoding: .utf8)
            let again = try String(contentsOfFile: out.file("reload/mnist-denoise/" + loaded + "/recall.csv"), encoding: .utf8)
            #expect(trained == again, "\(folder)")
            #expect(!FileManager.default.fileExists(atPath: out.file("reload/mnist-denoise/" + loaded + "/training.csv")))
        }
    }

    /// kill -9 in the middle of a batch, then --resume: the same bytes as a batch never interrupted.
    @Test func killAndResumeGiveTheSameBytes() throws {
        let out = ScratchFolder("kill")
        defer { out.remove() }
        let args =
            ["run", "Configs/catsdogs-sweep.json", "--quiet", "--jobs", "1"] + [
                "--set", "dataset.path=\(TestPaths.shared("catsdogs"))", "--set", "dataset.limitPerClass=40", "--set", "seeds=[1, 2, 3, 4]",
                "--set", "grid={\"memories.count\": [2, 4, 6, 8], \"image.size\": [32]}"
            ]
        let reference = try hopfield(args + ["--output", out.file("reference")])
        #expect(reference.status == 0, "\(reference.stderr)")
        let root = out.file("killed/catsdogs-sweep")
        var interrupted = false
        for _ in 0..<5 where !interrupted {
            try? FileManager.default.removeItem(atPath: out.file("killed"))
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.hopfieldExecutable)
            process.arguments = args + ["--output", out.file("killed")]
            process.currentDirectoryURL = URL(fileURLWithPath: TestPaths.repository)
            process.standardError = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            // Wait for a few complete runs, then kill without warning.
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline {
                let done = ((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).filter {
                    !$0.hasPrefix(".") && !$0.hasSuffix(".csv") && !$0.hasSuffix(".json")
                }
                if done.count >= 3 || !process.isRunning { break }
                usleep(2000)
            }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            interrupted = process.terminationReason == .uncaughtSignal && !FileManager.default.fileExists(atPath: root + "/runs.csv")
        }
        #expect(interrupted, "the batch was killed before it finished")
        let resumed = try hopfield(args.filter { $0 != "--quiet" } + ["--output", out.file("killed"), "--resume"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("already complete"))
        let a = tree(out.file("reference")), b = tree(out.file("killed"))
        #expect(a.count == 16 * 3 + 2 && a == b, "\(a.count) CSV files")
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []).allSatisfy { !$0.hasPrefix(".tmp") })
    }
}

@Suite(.serialized) struct ShardTests {
    /// Three shards run separately into one folder, then merged: the same bytes as one run;
    /// a missing shard is named by merge.
    @Test func shardsMergeToTheSameBytes() throws {
        let out = ScratchFolder("shards")
        defer { out.remove() }
        let args =
            ["run", "Configs/catsdogs-sweep.json", "--quiet", "--no-report"] + smallOverrides["catsdogs-sweep"]!.flatMap { ["--set", $0] }
        #expect(try hopfield(args + ["--output", out.file("whole")]).status == 0)
        for k in [1, 3] { #expect(try hopfield(args + ["--output", out.file("sharded"), "--shard", "\(k)/3"]).status == 0) }
        let incomplete = try hopfield(["merge", out.file("sharded/catsdogs-sweep")])
        #expect(incomplete.status == 1)
        #expect(
            incomplete.stderr.contains("missing or incomplete") && incomplete.stderr.contains("resubmit shard(s) 2 of 3"),
            "\(incomplete.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.file("sharded/catsdogs-sweep/runs.csv")))
        // The last shard to finish merges by itself.
        #expect(try hopfield(args + ["--output", out.file("sharded"), "--shard", "2/3"]).status == 0)
        #expect(tree(out.file("whole")) == tree(out.file("sharded")))
        let merged = try hopfield(["merge", out.file("sharded/catsdogs-sweep")])
        #expect(merged.status == 0 && tree(out.file("whole")) == tree(out.file("sharded")))
        let bad = try hopfield(args + ["--output", out.file("x"), "--shard", "4/3"])
        #expect(bad.status != 0 && bad.stderr.contains("--shard expects K/N"))
    }
}
