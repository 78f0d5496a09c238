import Foundation
import Hopfield
import TestSupport
import Testing

@testable import Experiments

/// Writes a config and loads it; returns the error text (or nil when it loads).
func configError(_ text: String) -> String? {
    let scratch = ScratchFolder("config")
    defer { scratch.remove() }
    let path = scratch.write(Array(text.utf8), to: "bad.json")
    do {
        _ = try Batch.load(file: path)
        return nil
    } catch {
        return error.description.replacingOccurrences(of: path + ": ", with: "")
    }
}

@Suite struct ConfigErrorTests {
    static let base = """
        "name": "t", "dataset": {"path": "D"}
        """

    /// Malformed configs and the exact message each gets: the JSON path, then the problem.
    @Test(arguments: [
        ("{", "invalid JSON: line 1, column 2: expected a key in double quotes"),
        ("{\"name\": \"t\",}", "invalid JSON: line 1, column 14: trailing comma before '}'"),
        ("[1, 2]", "a config is a JSON object, found an array"),
        ("{\"dataset\": {\"path\": \"D\"}}", "name: is required (it names the results folder)"),
        ("{\(base), \"memries\": {\"count\": 4}}", "memries: unknown key (did you mean \"memories\"?)"),
        ("{\(base), \"memories\": {\"cuont\": 4}}", "memories.cuont: unknown key (did you mean \"count\"?)"),
        ("{\(base), \"memories\": {\"count\": 0}}", "memories.count: 0 is outside 1...1000000"),
        ("{\(base), \"memories\": {\"count\": 4.5}}", "memories.count: expected a whole number, found 4.5"),
        ("{\(base), \"memories\": {\"count\": \"8\"}}", "memories.count: expected a whole number or \"all\", found \"8\""),
        (
            "{\(base), \"memories\": {\"count\": \"all\"}}",
            "memories.count: \"all\" stores every training image: the Hebbian rule retrieves at most about 0.138·N random patterns (N = 4096), and correlated images far fewer; use modern or dense"
        ),
        (
            "{\(base), \"memories\": {\"count\": \"all\"}, \"network\": {\"rule\": \"pseudoinverse\"}}",
            "memories.count: \"all\" stores every training image: pseudoinverse stores fewer than N = 4096 patterns (pseudo-inverse: at most N independent ones); use modern or dense"
        ),
        (
            "{\(base), \"task\": \"recall\", \"memories\": {\"count\": \"all\"}}",
            "memories.count: \"all\" stores every training image: recall has no training split"
        ),
        ("{\(base), \"image\": {\"size\": 1000}}", "image.size: 1000 is outside 2...256"),
        ("{\(base), \"image\": {\"resize\": \"cubic\"}}", "image.resize: \"cubic\" is not one of bilinear, area"),
        (
            "{\(base), \"image\": {\"binarize\": \"threshold\"}}",
            "image.threshold: is required with \"binarize\": \"threshold\" (a gray level 0-255)"
        ),
        (
            "{\(base), \"split\": {\"train\": 1.5}}",
            "split.train: 1.5: a fraction must be in (0, 1] (write a count without a decimal point)"
        ),
        ("{\(base), \"split\": {\"train\": 0.7, \"test\": 0.5}}", "split: train and test fractions add up to 1.2, more than 1"),
        ("{\(base), \"network\": {\"rule\": \"hebbian\", \"beta\": 2}}", "network.beta: is only used by the modern and hebbian-rbm rules"),
        ("{\(base), \"network\": {\"rule\": \"modern\", \"beta\": -1}}", "network.beta: must be positive"),
        ("{\(base), \"network\": {\"rule\": \"hebbian\", \"margin\": 1}}", "network.margin: is only used by the perceptron and conv rules"),
        (
            "{\(base), \"network\": {\"rule\": \"modern\", \"load\": \"R\"}}",
            "network.load: is only used by the perceptron, rbm, conv and dam rules"
        ),
        ("{\(base), \"network\": {\"rule\": \"conv\", \"kernel\": 4}}", "network.kernel: must be odd (the kernel is centred on the pixel)"),
        ("{\(base), \"network\": {\"rule\": \"rbm\", \"learningRate\": 0}}", "network.learningRate: must be positive"),
        (
            "{\(base), \"network\": {\"rule\": \"rbm\", \"recall\": \"gibbs\"}}",
            "network.recall: \"gibbs\" is not one of mean-field, sampled"
        ),
        ("{\(base), \"network\": {\"rule\": \"hebbian-rbm\", \"beta\": 2}}", "network.beta: is only used with \"activation\": \"softmax\""),
        (
            "{\"name\": \"t\", \"task\": \"capacity\", \"network\": {\"rule\": \"conv\"}, \"capacity\": {\"patterns\": [10]}}",
            "network.rule: conv needs images (its kernel slides over rows and columns): use a dataset"
        ),
        // Issue 22: random patterns, basins, temperature.
        (
            "{\"name\": \"t\", \"task\": \"basins\", \"patterns\": {\"nuerons\": 100}}",
            "patterns.nuerons: unknown key (did you mean \"neurons\"?)"
        ),
        (
            "{\"name\": \"t\", \"task\": \"basins\", \"patterns\": {\"flip\": 0.1}}",
            "patterns.flip: is only used with \"source\": \"correlated\""
        ),
        (
            "{\"name\": \"t\", \"task\": \"basins\", \"patterns\": {\"count\": 4, \"load\": 0.1}}",
            "patterns.load: give count or load, not both"
        ),
        (
            "{\"name\": \"t\", \"task\": \"basins\", \"patterns\": {\"bias\": 1}}",
            "patterns.bias: must be between −1 and 1 exclusive (±1 makes every pattern the same)"
        ),
        (
            "{\(base), \"patterns\": {\"neurons\": 100}}",
            "patterns: classify needs labelled images: random patterns are for recall, capacity, basins"
        ),
        (
            "{\(base), \"task\": \"recall\", \"patterns\": {\"neurons\": 100}}",
            "dataset: the run stores random `patterns`: give a dataset or patterns, not both"
        ),
        (
            "{\"name\": \"t\", \"task\": \"recall\", \"patterns\": {}, \"memories\": {\"count\": 3}}",
            "memories: every random pattern is stored (set patterns.count)"
        ),
        (
            "{\"name\": \"t\", \"task\": \"recall\", \"patterns\": {}, \"corruption\": {\"kind\": \"mask\"}}",
            "corruption.kind: mask hides a part of an image: random patterns have no rows and columns"
        ),
        (
            "{\"name\": \"t\", \"task\": \"capacity\", \"patterns\": {\"neurons\": 100}}",
            "patterns.neurons: capacity sets N and P in capacity.neurons and capacity.patterns"
        ),
        (
            "{\"name\": \"t\", \"task\": \"basins\"}",
            "dataset: is required for the basins task (a folder of class folders, or random `patterns`)"
        ),
        (
            "{\"name\": \"t\", \"task\": \"basins\", \"patterns\": {}, \"basins\": {\"overlap\": 0.8}}",
            "basins.overlap: is only used with \"criterion\": \"overlap\""
        ),
        (
            "{\"name\": \"t\", \"task\": \"basins\", \"patterns\": {}, \"basins\": {\"trails\": 3}}",
            "basins.trails: unknown key (did you mean \"trials\"?)"
        ),
        ("{\(base), \"basins\": {\"trials\": 3}}", "basins: is only used by the basins task"),
        ("{\(base), \"dynamics\": {\"temperature\": -1}}", "dynamics.temperature: -1 is outside 0...1000"),
        (
            "{\(base), \"network\": {\"rule\": \"modern\"}, \"dynamics\": {\"temperature\": 0.5}}",
            "dynamics.temperature: Glauber dynamics are defined here for hebbian, storkey, pseudoinverse (whose fields have a known scale), not modern"
        ),
        ("{\(base), \"dynamics\": {\"tie\": \"zero\"}}", "dynamics.tie: \"zero\" is not one of plus, keep, minus"),
        ("{\(base), \"corruption\": {\"kind\": \"flip\"}}", "corruption: is only used by the recall task"),
        ("{\"name\": \"t\"}", "dataset: is required for the classify task (a folder of class folders)"),
        ("{\(base), \"seeds\": [1, 1]}", "seeds[1]: seed 1 is listed twice"),
        ("{\(base), \"seeds\": [-3]}", "seeds[0]: expected a whole number ≥ 0, found -3"),
        ("{\(base), \"grid\": {\"memories.count\": []}}", "grid[\"memories.count\"]: expected a non-empty array of values"),
        ("{\(base), \"grid\": {\"memories.count\": [2, 0]}}", "grid[\"memories.count\"][1]: memories.count = 0: 0 is outside 1...1000000"),
        ("{\(base), \"grid\": {\"seeds\": [[1]]}}", "grid[\"seeds\"]: seeds cannot be swept"),
        (
            "{\"name\": \"t\", \"dataset\": {\"path\": \"D\", \"classes\": [\"cat\"]}}",
            "dataset.classes: classification needs at least 2 classes"
        ),
        (
            "{\"name\": \"t\", \"task\": \"recall\", \"dataset\": {\"path\": \"D\"}, \"corruption\": {\"kind\": \"random\", \"levels\": [0.1]}}",
            "corruption.levels: \"random\" starts have no levels"
        ),
        (
            "{\"name\": \"t\", \"task\": \"capacity\", \"capacity\": {\"patterns\": [10], \"loads\": [0.1]}}",
            "capacity.loads: give patterns or loads, not both"
        ),
        (
            "{\(base), \"image\": {\"binarize\": \"none\"}}",
            "image.binarize: \"none\" gives continuous patterns: only the modern and dam rules take them"
        ),
        (
            "{\(base), \"image\": {\"size\": 128}, \"network\": {\"rule\": \"storkey\"}}",
            "network.rule: storkey builds an N×N matrix: N = 16384 needs 2048 MiB; use N ≤ 8192 (image.size ≤ 90)"
        ),
        // Issue 13.
        (
            "{\(base), \"network\": {\"rule\": \"modern\", \"beta\": 1e309}}",
            "network.beta: 1e309 is out of the range of a double (±1.8e308)"
        ),
        (
            "{\"name\": \"\\u001b[31mred\", \"dataset\": {\"path\": \"D\"}}",
            "name: contains the control character U+001B (names are printed on the terminal)"
        ),
        (
            "{\"name\": \"\u{9B}31m\", \"dataset\": {\"path\": \"D\"}}",
            "name: contains the control character U+009B (names are printed on the terminal)"
        ),
        ("{\(base), \"grid\": {\"split.train\": [0.5, 5e-1]}}", "grid[\"split.train\"][1]: 5e-1 is listed twice")
    ])
    func malformedConfigIsRefusedWithItsPath(text: String, message: String) {
        #expect(configError(text) == message)
    }

    @Test func theSchemaItselfIsNotAConfig() {
        #expect(
            configError(try! String(contentsOfFile: TestPaths.repository + "/Configs/schema.json", encoding: .utf8))
                == "this is the JSON Schema of configs (Configs/schema.json), not a config")
    }

    @Test func fileErrorsNameTheFile() {
        let error = #expect(throws: ConfigError.self) { try Batch.load(file: "/nonexistent/x.json") }
        #expect(error?.file == "/nonexistent/x.json")
        #expect(error?.description.hasPrefix("/nonexistent/x.json: cannot read the file") == true, "\(String(describing: error))")
    }
}

@Suite struct BatchTests {
    @Test func gridAndSeedsExpandInOrder() throws {
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "sweep it!", "dataset": {"path": "D"}, "seeds": [7, 8],
                 "grid": {"memories.count": [2, 4], "network.rule": ["hebbian", "storkey"]}}
                """))
        #expect(batch.runs.count == 8)
        #expect(
            batch.runs.map(\.key).prefix(3) == [
                "memories.count=2,network.rule=hebbian,seed=7",
                "memories.count=2,network.rule=hebbian,seed=8",
                "memories.count=2,network.rule=storkey,seed=7"
            ])
        #expect(batch.runs[2].config.network.rule is StorkeyRule && batch.runs[2].config.memories.count == 2)
        #expect(batch.runs[7].config.memories.count == 4)
        #expect(batch.folderName.hasPrefix("sweep-it-~"), "a name changed on the way to a folder gets its hash")
        #expect(batch.runs[0].folder == "memories.count=2__network.rule=hebbian__seed=7~\(batch.runs[0].identity)")
    }

    /// Checks across sections apply to each grid point, not to a base the grid replaces: a
    /// Hebbian base with `memories.count: "all"` is fine when every point is modern, and a point
    /// that does break them is named.
    @Test func consistencyIsCheckedPerGridPoint() throws {
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "g", "dataset": {"path": "D"}, "memories": {"count": "all"}, "network": {"rule": "hebbian"},
                 "grid": {"network": [{"rule": "modern"}, {"rule": "dense"}]}}
                """))
        #expect(batch.runs.map(\.config.network.rule.name) == ["modern", "dense"])
        #expect(throws: ConfigError.self) {
            try Batch.expand(
                try JSONParser.parse(
                    """
                    {"name": "g", "dataset": {"path": "D"}, "memories": {"count": "all"}, "network": {"rule": "hebbian"}}
                    """))
        }
        do {
            _ = try Batch.expand(
                try JSONParser.parse(
                    """
                    {"name": "g", "dataset": {"path": "D"}, "memories": {"count": "all"},
                     "grid": {"network": [{"rule": "modern"}, {"rule": "pseudoinverse"}]}}
                    """))
            Issue.record("a pseudo-inverse point storing every image was accepted")
        } catch let error as ConfigError {
            #expect(
                error.path == "memories.count" && error.message.contains("with grid values network={\"rule\":\"pseudoinverse\"}"),
                "\(error.path): \(error.message)")
        }
    }

    @Test func defaultsAreFilledInAndEchoed() throws {
        let config = try Batch.expand(try JSONParser.parse("{\"name\": \"d\", \"dataset\": {\"path\": \"D\"}}")).runs[0].config
        #expect(config.image.size == 64 && config.image.resize == .area && config.image.binarize == .midgray)
        #expect(config.memories.count == 8 && config.memories.select == .maxmin)
        #expect(config.network.rule is HebbianRule && config.dynamics.maxSweeps == 100 && config.dynamics.tie == .plus)
        let echoed = try ExperimentConfig.decode(config.json)
        #expect(echoed == config, "the resolved config.json decodes to the same config")
    }

    @Test func overridesApplyBeforeValidation() throws {
        let (key, value) = try Batch.parseOverride("memories.count=12")
        #expect(key == "memories.count" && value == .number("12"))
        #expect(try Batch.parseOverride("dataset.path=/a/b").1 == .string("/a/b"))
        let root = try Batch.setting(try JSONParser.parse("{\"name\": \"x\"}"), path: "dataset.path", to: .string("P"), origin: "--set")
        #expect(root["dataset"]?["path"] == .string("P"))
    }

    /// Issue 13: `--set network.rule=modern` on a config whose grid sweeps network.rule was
    /// accepted and had no effect; `--set image..size=16` set image.size.
    @Test func overridesThatCannotTakeEffectAreRefused() throws {
        let scratch = ScratchFolder("override")
        defer { scratch.remove() }
        let path = scratch.write(
            Array(
                """
                {"name": "q", "dataset": {"path": "D"}, "grid": {"network.rule": ["hebbian", "storkey"]}}
                """.utf8), to: "q.json")
        for key in ["network.rule", "network"] {
            let error = #expect(throws: ConfigError.self) { try Batch.load(file: path, overrides: [(key, .string("modern"))]) }
            #expect(
                error?.description
                    == "\(path): --set \(key): the grid sweeps \(key == "network" ? "network.rule" : key) (grid[\"\(key == "network" ? "network.rule" : key)\"]), so this value would be ignored in every run; change the grid instead (--set 'grid={...}')"
            )
        }
        #expect(try Batch.load(file: path, overrides: [("grid", try JSONParser.parse("{\"network.rule\": [\"modern\"]}"))]).runs.count == 1)
        for text in ["image..size=16", ".size=16", "image.=16"] {
            let error = #expect(throws: ConfigError.self) { try Batch.parseOverride(text) }
            #expect(
                error?.path == "--set \(text)"
                    && error?.message.hasSuffix("is not a dotted key like \"memories.count\" (a part is empty)") == true)
        }
        #expect(throws: ConfigError.self) { try Batch.setting(.object([]), path: "image..size", to: .int(16), origin: "--set") }
    }

    /// Issue 13: 20,000 grid values took 49 s to check for repeats (each against all before
    /// it); a 100 MB comment was copied into every run folder and twice into the report.
    @Test func longGridsAndCommentsStayCheap() throws {
        let values = (0..<20_000).map { String(10 + $0) }.joined(separator: ", ")
        let started = Date()
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "g", "task": "capacity", "capacity": {"patterns": [2], "trials": 1}, "grid": {"capacity.neurons": [\(values)]}}
                """))
        #expect(batch.runs.count == 20_000)
        #expect(Date().timeIntervalSince(started) < 20, "linear: about 2 s in a debug build (49 s before)")
        let long = String(repeating: "x", count: 10_001)
        #expect(
            configError("{\(ConfigErrorTests.base), \"comment\": \"\(long)\"}")
                == "comment: is 10001 characters long, at most 10000 are allowed (keep long notes in a file beside the config)")
    }

    @Test func jsonRoundTripKeepsOrderAndText() throws {
        let text = "{\"b\": 1.50, \"a\": [true, null, \"x\\n\\u00e9\"], \"c\": {}}"
        let value = try JSONParser.parse(text)
        #expect(value.compact == "{\"b\":1.50,\"a\":[true,null,\"x\\né\"],\"c\":{}}")
        #expect(try JSONParser.parse(value.pretty()) == value)
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("{\"a\": 1, \"a\": 2}") }
        #expect(throws: JSONSyntaxError.self) { try JSONParser.parse("[01]") }
    }
}

@Suite struct SchemaTests {
    /// Every config in Configs/ is valid against Configs/schema.json by an independent validator,
    /// and the schema really is strict (an unknown key fails).
    @Test func configsMatchTheSchema() throws {
        try #require(pythonHas(["jsonschema"]), "python3's jsonschema is missing: scripts/test installs it (pip install jsonschema)")
        let script = """
            import glob, json, sys, jsonschema
            root = sys.argv[1]
            schema = json.load(open(root + '/Configs/schema.json'))
            jsonschema.Draft202012Validator.check_schema(schema)
            v = jsonschema.Draft202012Validator(schema)
            files = [f for f in sorted(glob.glob(root + '/Configs/*.json')) if not f.endswith('schema.json')]
            assert len(files) >= 7, files
            for f in files:
                v.validate(json.load(open(f)))
            bad = json.load(open(files[0])); bad['memries'] = 1
            assert not v.is_valid(bad)
            print(len(files))
            """
        let result = try runProcess("/usr/bin/env", ["python3", "-c", script, TestPaths.repository])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Int(result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0 >= 7)
    }
}

@Suite struct SplitAndSelectionTests {
    @Test func stratifiedSplitKeepsProportionsAndEveryClass() throws {
        let labels = Array(repeating: 0, count: 30) + Array(repeating: 1, count: 10) + Array(repeating: 2, count: 5)
        let split = try Splitter.split(labels: labels, classes: 3, train: .count(9), test: .fraction(0.5), stratify: true, seed: 1)
        #expect(split.train.count == 9 && split.test.count == 23)
        #expect(Set(split.train).isDisjoint(with: split.test))
        for c in 0..<3 {
            #expect(split.train.contains { labels[$0] == c } && split.test.contains { labels[$0] == c })
        }
        #expect(split.train.filter { labels[$0] == 0 }.count == 6)
        let again = try Splitter.split(labels: labels, classes: 3, train: .count(9), test: .fraction(0.5), stratify: true, seed: 1)
        #expect(again == split)
        let other = try Splitter.split(labels: labels, classes: 3, train: .count(9), test: .fraction(0.5), stratify: true, seed: 2)
        #expect(other != split)
    }

    /// The notebook's loop: reshuffle until both classes are in both splits.
    @Test func unstratifiedSplitHasBothClassesInBothSplits() throws {
        let labels = Array(repeating: 0, count: 28) + [1, 1, 1, 1]
        for seed in 0..<50 {
            let split = try Splitter.split(
                labels: labels, classes: 2, train: .count(8), test: .count(24), stratify: false, seed: UInt64(seed))
            #expect(Set(split.train.map { labels[$0] }) == [0, 1] && Set(split.test.map { labels[$0] }) == [0, 1])
        }
        #expect(throws: ConfigError.self) {
            try Splitter.split(labels: labels, classes: 2, train: .count(1), test: .count(24), stratify: false, seed: 0)
        }
        #expect(throws: ConfigError(path: "dataset", "class 1 has 1 usable image(s); each class needs at least 2 (one per split)")) {
            try Splitter.split(labels: [0, 0, 0, 1], classes: 2, train: .count(2), test: .count(2), stratify: true, seed: 0)
        }
    }

    /// Issue 13, case 4: 0.5/0.5 of an odd count rounded both sides up and refused the dataset.
    @Test func fractionsAlwaysFitAnOddCount() throws {
        #expect(Splitter.counts(train: .fraction(0.5), test: .fraction(0.5), total: 1797) == (899, 898))
        #expect(Splitter.counts(train: .fraction(0.5), test: .fraction(0.5), total: 39) == (20, 19))
        #expect(Splitter.counts(train: .fraction(0.3), test: .fraction(0.3), total: 5) == (2, 1))
        #expect(Splitter.counts(train: .count(10), test: .fraction(0.5), total: 19) == (10, 9))
        #expect(Splitter.counts(train: .count(9), test: .fraction(0.5), total: 45) == (9, 23))
        for total in 4...60 {
            let (a, b) = Splitter.counts(train: .fraction(0.5), test: .fraction(0.5), total: total)
            #expect(a + b == total && abs(a - b) <= 1)
        }
        let labels = Array(repeating: 0, count: 20) + Array(repeating: 1, count: 19)
        for stratify in [true, false] {
            let split = try Splitter.split(
                labels: labels, classes: 2, train: .fraction(0.5), test: .fraction(0.5), stratify: stratify, seed: 1)
            #expect(split.train.count == 20 && split.test.count == 19)
            #expect(Set(split.train).isDisjoint(with: split.test))
        }
    }

    @Test func quotasSpreadTheRemainderInLabelOrder() {
        #expect(MemorySelection.quotas(count: 8, classes: 2) == [4, 4])
        #expect(MemorySelection.quotas(count: 7, classes: 3) == [3, 2, 2])
        #expect(MemorySelection.quotas(count: 2, classes: 3) == [1, 1, 0])
    }

    /// Greedy farthest point + swaps against the exact optimum on 300 small random cases.
    @Test func maxminMatchesBruteForceOnSmallCases() {
        var rng = Xoshiro256StarStar(seed: 5)
        var optimal = 0, cases = 0
        for trial in 0..<300 {
            let n = 6 + trial % 7, classes = 2 + trial % 2, neurons = 24
            let candidates = (0..<n).map { i in
                MemorySelection.Candidate(
                    label: i % classes, pattern: PatternVector(.binary(Corruption.random(neurons: neurons, rng: &rng))))
            }
            let quotas = MemorySelection.quotas(count: 2 + trial % 4, classes: classes)
            let d = MemorySelection.dissimilarities(candidates)
            let chosen = MemorySelection.maxmin(candidates, quotas: quotas, distances: d)
            // Quotas respected.
            for (c, q) in quotas.enumerated() { #expect(chosen.filter { candidates[$0].label == c }.count == q) }
            let value = MemorySelection.minimum(chosen, d, n), best = MemorySelection.bruteForce(candidates, quotas: quotas, distances: d)
            #expect(value <= best + 1e-12)
            #expect(value >= 0.8 * best, "case \(trial): \(value) vs optimum \(best)")
            cases += 1
            if abs(value - best) < 1e-12 { optimal += 1 }
        }
        #expect(Double(optimal) / Double(cases) >= 0.95, "optimal in \(optimal) of \(cases) cases")
    }

    @Test func invertedCopiesCountAsSimilar() {
        let x: [Int8] = [1, -1, 1, 1, -1, -1, 1, -1]
        let a = PatternVector(.binary(x)), b = PatternVector(.binary(x.map { -$0 }))
        #expect(a.dissimilarity(to: b) == 0)
    }
}

@Suite struct TheoryTests {
    @Test func agsOverlapAndWilson() {
        #expect(abs(CapacityTheory.retrievalOverlap(load: 0.1)! - 0.9986) < 0.001, "AGS m(0.1) ≈ 0.9986")
        #expect(CapacityTheory.retrievalOverlap(load: 0.137)! > 0.96)
        #expect(CapacityTheory.retrievalOverlap(load: 0.14) == nil, "no retrieval state above α_c ≈ 0.138")
        let (low, high) = Statistics.wilson(successes: 0, trials: 24)
        #expect(abs(low) < 1e-12 && abs(high - 0.1380) < 0.0005)
        let mid = Statistics.wilson(successes: 196, trials: 200)
        #expect(mid.0 < 0.98 && mid.1 > 0.98 && mid.0 > 0.94)
        #expect(abs(Statistics.quantile([0, 0, 0, 2], 0.99) - 1.94) < 1e-12)
    }
}
