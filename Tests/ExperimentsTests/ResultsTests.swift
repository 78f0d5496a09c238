import Foundation
import Imaging
import TestSupport
import Testing

@testable import Experiments
@testable import Hopfield

/// The typed results model on its own: tallies, outcomes, rows and their CSV round trips,
/// summaries, manifests, and the tasks run directly on small synthetic datasets.
@Suite struct TallyTests {
    @Test func countsAddUpAndPool() {
        var a = Tally()
        a.add(.correct, sweeps: 3)
        a.add(.spurious, sweeps: 5)
        a.nearestCorrect = 1
        a.overlaps = [0.5, 1]
        var b = Tally()
        b.add(.correct, sweeps: 2)
        b.add(.inverted, sweeps: 2)
        b.stable = 2
        b.overlaps = [0.25]
        let sum = a + b
        #expect(sum.n == 4 && sum[.correct] == 2 && sum[.spurious] == 1 && sum[.inverted] == 1 && sum[.error] == 0)
        #expect(sum.sweeps == 12 && sum.nearestCorrect == 1 && sum.stable == 2)
        #expect(sum.overlaps == [0.5, 1, 0.25], "samples concatenated, left first")
        #expect(sum.rate(.correct) == 0.5 && sum.meanSweeps == 3 && sum.nearestRate == 0.25)
        #expect(abs(sum.meanOverlap - 1.75 / 3) < 1e-15)
        #expect(Tally.sum([a, b]) == sum && Tally() + a == a)
        #expect(Tally().rate(.correct).isNaN, "an empty tally has no rate")
    }

    @Test func outcomeOfAState() {
        let own = { (mu: Int) in mu == 2 }
        #expect(Outcome(match: .memory(2), status: .converged, isCorrect: own) == .correct)
        #expect(Outcome(match: .memory(1), status: .converged, isCorrect: own) == .error)
        #expect(Outcome(match: .inverted(2), status: .converged, isCorrect: own) == .inverted)
        #expect(Outcome(match: .none, status: .converged, isCorrect: own) == .spurious)
        #expect(Outcome(match: .memory(2), status: .cycle, isCorrect: own) == .cycle, "a cycle is a cycle, wherever it stopped")
        #expect(Outcome(match: .memory(2), status: .unconverged, isCorrect: own) == .unconverged)
        #expect(
            Outcome.correct.recallName == "exact" && Outcome.error.recallName == "otherMemory" && Outcome.spurious.recallName == "spurious")
    }
}

@Suite struct RowTests {
    static let label: RunLabel = {
        var l = RunLabel()
        l.key = "memories.count=4,seed=7"
        l.seed = 7
        l.grid = ["4"]
        return l
    }()

    static func tally(correct: Int, error: Int, spurious: Int, sweeps: Int) -> Tally {
        var t = Tally()
        for _ in 0..<correct { t.add(.correct, sweeps: 0) }
        for _ in 0..<error { t.add(.error, sweeps: 0) }
        for _ in 0..<spurious { t.add(.spurious, sweeps: 0) }
        t.sweeps = sweeps
        return t
    }

    /// Writing rows and reading them back gives the same rows and the same text.
    func roundTrip<Row: ResultRow & Equatable>(_ rows: [Row], gridKeys: [String] = []) throws {
        let text = Row.csv(rows, gridKeys: gridKeys)
        let back = try Row.rows(csv: text, gridKeys: gridKeys, path: "x.csv")
        #expect(back == rows)
        #expect(Row.csv(back, gridKeys: gridKeys) == text)
    }

    @Test func classifyRowsRecordWhatTheyWrite() throws {
        var tally = Self.tally(correct: 1, error: 1, spurious: 1, sweeps: 7)
        tally.prototypeCorrect = 2
        tally.neighborCorrect = 3
        let row = ClassifyRow(run: Self.label, split: .test, tally: tally, selectionMinimum: 0.123456, chance: 0.5)
        #expect(row.accuracy == 0.3333 && row.meanSweeps == 2.3333 && row.selectionMinDissimilarity == 0.1235, "rounded as written")
        #expect(
            ClassifyRow.csv([row], gridKeys: ["memories.count"]) == """
                run,seed,memories.count,split,n,correct,errors,inverted,spurious,cycles,unconverged,accuracy,spuriousRate,nearestAccuracy,chanceAccuracy,prototypeAccuracy,neighborAccuracy,meanSweeps,selectionMinDissimilarity
                "memories.count=4,seed=7",7,4,test,3,1,1,0,1,0,0,0.3333,0.3333,0.0000,0.5000,0.6667,1.0000,2.3333,0.1235

                """)
        try roundTrip([row], gridKeys: ["memories.count"])
        var train = row
        train.neighborAccuracy = nil
        try roundTrip([train], gridKeys: ["memories.count"])
        // A split is one of three names: anything else in the file is refused, naming the line.
        let text = ClassifyRow.csv([row], gridKeys: ["memories.count"]).replacingOccurrences(of: ",test,", with: ",holdout,")
        #expect(throws: ResultsFileError.self) { try ClassifyRow.rows(csv: text, gridKeys: ["memories.count"], path: "x.csv") }
        do {
            _ = try ClassifyRow.rows(csv: text, gridKeys: ["memories.count"], path: "x.csv")
        } catch {
            #expect("\(error)".contains("line 2: split = holdout cannot be read"), "\(error)")
        }
    }

    @Test func everyFileRoundTrips() throws {
        var recallTally = Self.tally(correct: 3, error: 1, spurious: 0, sweeps: 9)
        recallTally.overlaps = [1, 1, 1, -0.5]
        recallTally.errors = [0, 0, 2, 2]
        recallTally.startErrors = [2, 2, 2, 0]
        try roundTrip(
            [RecallRow(run: Self.label, kind: "flip", level: "0.1", tally: recallTally, parameters: 12)], gridKeys: ["memories.count"])
        try roundTrip([RecallTrialRow(level: "", trial: 2, tally: recallTally)])
        var capacityTally = recallTally
        capacityTally.stable = 3
        try roundTrip(
            [
                CapacityRow(
                    run: Self.label, rule: "hebbian", neurons: 100, patterns: 4, trials: 1, tally: capacityTally, theoryOverlap: nil),
                CapacityRow(
                    run: Self.label, rule: "hebbian", neurons: 100, patterns: 8, trials: 1, tally: capacityTally, theoryOverlap: 0.97)
            ],
            gridKeys: ["memories.count"])
        try roundTrip([CapacityTrialRow(patterns: 4, neurons: 100, trial: 0, tally: capacityTally)])
        var p = ClassifyPrediction()
        p.split = .test; p.path = "cat/a, \"b\".jpg"; p.className = "cat"; p.outcome = .inverted; p.energyStart = -12; p.energyEnd = -0.1
        p.attractor.kind = "mixture"; p.attractor.mixture = "+0-4+7"; p.attractor.topMemory = [4, 0, nil]
        p.attractor.topOverlap = [-0.5, 0.4925, nil]
        try roundTrip([p])
        var r = RecallPrediction()
        r.outcome = .error; r.matchedMemory = 3; r.level = "0.2"
        var r2 = r
        r2.matchedMemory = nil
        try roundTrip([r, r2])
        try roundTrip([
            MemoryEntry(memory: 0, path: "0/00001.png", className: "0", label: 0, closest: (1, 0.25)),
            MemoryEntry(memory: 1, path: "1/00002.png", className: "1", label: 1, closest: nil)
        ])
        try roundTrip([TrainingLogRow(TrainingEpoch(epoch: 3, loss: 0.1234567, stablePatterns: 0.5))])
    }

    @Test func malformedFilesAreNamed() {
        #expect(throws: ResultsFileError.self) { try ClassifyPrediction.rows(csv: "a,b\n1,2\n", path: "p.csv") }
        do {
            _ = try MemoryEntry.rows(csv: "memory,path,class,label,minDissimilarity,closestMemory\nx,p,c,0,,\n", path: "m.csv")
            Issue.record("a non-number memory index was read")
        } catch {
            #expect(error.description == "m.csv: line 2: memory = x cannot be read")
        }
    }
}

@Suite struct SummaryTests {
    /// Two seeds of one grid point: means and deviations of the recorded rates, pooled counts,
    /// Wilson intervals of the pooled counts.
    @Test func seedsArePooled() {
        var a = RowTests.label, b = RowTests.label
        b.key = "memories.count=4,seed=8"
        b.seed = 8
        let rows = [
            ClassifyRow(
                run: a, split: .test, tally: RowTests.tally(correct: 1, error: 0, spurious: 1, sweeps: 2), selectionMinimum: 1, chance: 0.5
            ),
            ClassifyRow(
                run: b, split: .test, tally: RowTests.tally(correct: 1, error: 1, spurious: 2, sweeps: 4), selectionMinimum: 1, chance: 0.5
            ),
            ClassifyRow(
                run: a, split: .train, tally: RowTests.tally(correct: 2, error: 0, spurious: 0, sweeps: 2), selectionMinimum: 1,
                chance: 0.5)
        ]
        a.grid = ["4"]
        let summary = Summary.classify(rows)
        #expect(summary.map(\.split) == [.test, .train], "groups in the order their first row appears")
        let test = summary[0]
        #expect(test.runs == 2 && test.n == 6 && test.correct == 2 && test.errors == 1 && test.spurious == 3)
        #expect(test.meanAccuracy == 0.375 && test.sdAccuracy == 0.1768)
        let (low, high) = Statistics.wilson(successes: 3, trials: 6)
        #expect(
            test.spuriousRate.rate == 0.5 && test.spuriousRate.low95 == Recorded.fixed(low)
                && test.spuriousRate.high95 == Recorded.fixed(high))
        #expect(summary[1].runs == 1 && summary[1].sdAccuracy == nil)
        #expect(ClassifySummaryRow.csv(summary, gridKeys: ["memories.count"]).contains("\n4,train,1,2,1.0000,,"), "one seed: no deviation")
    }
}

@Suite struct ManifestTests {
    @Test func manifestRoundTrips() throws {
        var m = RunManifest(
            run: "seed=1", seed: 1, grid: [("image.size", .int(16))], task: "classify",
            conventions: [("tieRule", .string("field 0 → plus")), ("maxSweeps", .int(100))],
            libraries: "libpng 1.6", platform: "Linux", startedAt: "2026-12-01T00:00:00Z", seconds: 1.25)
        m.dataset = .init(
            path: "D", resolvedPath: "/x/D", fingerprint: "sha256:00", fingerprintMethod: "m", classes: ["a", "b"],
            files: 10, usedImages: 9, refused: [("a/bad.png", "truncated")])
        m.parameters = 120
        m.shard = (2, 3)
        m.identity = RunIdentity("0123456789abcdef")
        let back = try RunManifest(json: try JSONParser.parse(m.text), path: "manifest.json")
        #expect(back.text == m.text && back.identity?.description == "0123456789abcdef")
        #expect(back.shard?.count == 3 && back.dataset == m.dataset && back.parameters == 120)
        #expect(throws: ResultsFileError.self) { try RunManifest(json: .object([]), path: "m.json") }
    }
}

/// The tasks called directly, on datasets made in memory.
@Suite struct TaskTests {
    /// `perClass` random ±1 images of N neurons for each of `classes` classes.
    static func dataset(classes: Int, perClass: Int, neurons: Int, seed: UInt64) -> LoadedDataset {
        var rng = Xoshiro256StarStar(seed: seed)
        var files: [Dataset.File] = [], images: [LoadedImage] = []
        for c in 0..<classes {
            for i in 0..<perClass {
                let file = Dataset.File(
                    relativePath: "\(c)/\(i).png", path: "/none/\(c)/\(i).png", className: String(c), label: c, indexInClass: i)
                files.append(file)
                images.append(
                    LoadedImage(
                        file: file, values: .binary(Corruption.random(neurons: neurons, rng: &rng)), format: .png,
                        sourceWidth: 8, sourceHeight: 8))
            }
        }
        let dataset = Dataset(root: "/none", classes: (0..<classes).map(String.init), files: files, notes: [])
        let side = Int(Double(neurons).squareRoot())
        return LoadedDataset(dataset: dataset, spec: ImageSpec(size: side), images: images, refused: [])
    }

    static func spec(_ json: String) throws -> RunSpec { try Batch.expand(try JSONParser.parse(json)).runs[0] }

    /// Asynchronous-random updates draw neurons with replacement: with one sweep some masked
    /// (0) neurons are never drawn. The state is then no memory (it crashed before), and its
    /// nearest memory is taken on the decided neurons.
    @Test func undecidedNeuronsLeftByAsyncRandomAreSpurious() throws {
        var rng = Xoshiro256StarStar(seed: 9)
        let memories = (0..<3).map { _ in Corruption.random(neurons: 64, rng: &rng) }
        let network = try StoredNetwork(rule: HebbianRule(), patterns: memories.map { PatternVector(.binary($0)) }, tolerance: 0)
        var start = [Int8](repeating: 0, count: 64)
        for i in 0..<4 { start[i] = memories[1][i] }
        var sawUndecided = false
        for seed in 1...20 {
            var stream = Xoshiro256StarStar(seed: UInt64(seed))
            let settled = network.settle(.binary(start), dynamics: Dynamics(mode: .asyncRandom, maxSweeps: 1), rng: &stream)
            let state = settled.state.signs
            guard state.contains(0) else { continue }
            sawUndecided = true
            #expect(settled.match == .none)
            let decided = state.indices.filter { state[$0] != 0 }
            let overlaps = memories.map { m in decided.reduce(0) { $0 + Int(m[$1]) * Int(state[$1]) } }
            let best = overlaps.indices.max {
                abs(overlaps[$0]) < abs(overlaps[$1]) || (abs(overlaps[$0]) == abs(overlaps[$1]) && $0 > $1)
            }!
            #expect(settled.nearest == best && settled.nearestOverlap == Double(overlaps[best]) / 64)
        }
        #expect(sawUndecided, "one sweep of 64 draws with replacement leaves some neuron undrawn")
    }

    @Test func classifyTalliesEveryImageOnce() throws {
        let data = Self.dataset(classes: 2, perClass: 10, neurons: 256, seed: 3)
        let spec = try Self.spec(
            """
            {"name": "t", "dataset": {"path": "/none"}, "image": {"size": 16}, "memories": {"count": 4, "select": "first"}, "seeds": [5]}
            """)
        let split = try Splitter.split(
            labels: data.images.map(\.file.label), classes: 2, train: .fraction(0.5), test: .fraction(0.5),
            stratify: true, seed: spec.seed)
        let baselines = Baselines.compute(data: data, split: split, jobs: 2)
        let result = try ClassifyTask.run(spec, data: data, split: split, baselines: baselines, jobs: 2)
        guard let rows = result.table.rows(of: ClassifyTask.self),
            let predictions = try (result.detail as? ClassifyTask.Detail)?.predictions.rows(path: "predictions.csv")
        else {
            Issue.record("not a classify result")
            return
        }
        #expect(rows.map(\.split) == [.train, .test] && rows.map(\.n) == [split.train.count, split.test.count])
        for row in rows { #expect(row.correct + row.errors + row.inverted + row.spurious + row.cycles + row.unconverged == row.n) }
        #expect(predictions.count == 20 && Set(predictions.map(\.path)).count == 20)
        // Four random patterns of 256 neurons are Hebbian fixed points: the stored training images converge to themselves.
        let memoryPaths = Set(result.memories.map(\.path))
        #expect(memoryPaths.count == 4)
        #expect(predictions.filter { memoryPaths.contains($0.path) }.allSatisfy { $0.outcome == .correct && $0.sweeps == 1 })
        let again = try ClassifyTask.run(
            spec, data: data, split: split, baselines: Baselines.compute(data: data, split: split, jobs: 1), jobs: 1)
        #expect(again.table == result.table, "threads never change a result")
    }

    @Test func recallAtLevelZeroIsExact() throws {
        let data = Self.dataset(classes: 2, perClass: 3, neurons: 400, seed: 9)
        let spec = try Self.spec(
            """
            {"name": "t", "task": "recall", "dataset": {"path": "/none"}, "image": {"size": 20}, "memories": {"count": 4, "select": "first"},
             "corruption": {"kind": "flip", "levels": [0, 0.1], "trials": 3}}
            """)
        let result = try RecallTask.run(spec, data: data, jobs: 2)
        guard let rows = result.table.rows(of: RecallTask.self), let detail = result.detail as? RecallTask.Detail else {
            Issue.record("not a recall result")
            return
        }
        #expect(rows.map(\.level) == ["0", "0.1"] && rows.allSatisfy { $0.n == 12 })
        #expect(rows[0].exact == 12 && rows[0].exactRate == 1 && rows[0].meanOverlap == 1 && rows[0].errorQuantile99 == 0)
        #expect(detail.trials.count == 6 && detail.trials.reduce(0) { $0 + $1.n } == 24 && detail.predictions.count == 24)
        #expect(try detail.predictions.rows(path: "predictions.csv").count == 24, "a line per start, read back")
        #expect(rows[1].startErrorQuantile99 == 2, "10% of the bits flipped: the 0.99-quantile of |start − target| is 2")
    }

    /// Issue 22: a negative start that stays at −x^μ is an inverted memory with start overlap −1,
    /// not an exact recall of a start that never moved.
    @Test func negativeStartsThatStayPutAreInvertedNotExact() throws {
        let data = Self.dataset(classes: 2, perClass: 2, neurons: 400, seed: 9)
        let spec = try Self.spec(
            """
            {"name": "t", "task": "recall", "dataset": {"path": "/none"}, "image": {"size": 20}, "memories": {"count": 4, "select": "first"},
             "corruption": {"kind": "negative"}}
            """)
        let result = try RecallTask.run(spec, data: data, jobs: 2)
        guard let rows = result.table.rows(of: RecallTask.self),
            let predictions = try (result.detail as? RecallTask.Detail)?.predictions.rows(path: "predictions.csv")
        else {
            Issue.record("not a recall result")
            return
        }
        #expect(rows[0].exact == 0 && rows[0].inverted == 4)
        #expect(predictions.allSatisfy { $0.outcome == .inverted && $0.startOverlap == -1 && $0.overlap == -1 })
        #expect(predictions.allSatisfy { $0.attractor.kind == "inverted" && $0.attractor.topMemory[0] == $0.memory })
    }

    /// Mixture starts sgn(x^a ± x^b ± x^c) of 10 random memories stay mixtures under Hebbian
    /// dynamics (N = 400, α = 0.025): predictions.csv names them with their signs and overlaps ½.
    @Test func mixtureStatesAreNamedInRecallPredictions() throws {
        let data = Self.dataset(classes: 2, perClass: 5, neurons: 400, seed: 3)
        let spec = try Self.spec(
            """
            {"name": "t", "task": "recall", "dataset": {"path": "/none"}, "image": {"size": 20}, "memories": {"count": 10, "select": "first"},
             "corruption": {"kind": "mixture", "trials": 3}}
            """)
        let result = try RecallTask.run(spec, data: data, jobs: 2)
        guard let predictions = try (result.detail as? RecallTask.Detail)?.predictions.rows(path: "predictions.csv") else {
            Issue.record("not a recall result")
            return
        }
        let mixtures = predictions.filter { $0.attractor.kind == "mixture" }
        #expect(mixtures.count >= 20, "\(mixtures.count) of 30 mixture starts ended as named mixtures")
        for p in mixtures {
            // Three memories, the start's own among them: "+3+4-5" for memory 3.
            #expect(
                p.attractor.mixture.split(whereSeparator: { $0 == "+" || $0 == "-" }).map { Int($0)! }.sorted()
                    == [p.memory, (p.memory + 1) % 10, (p.memory + 2) % 10].sorted())
            #expect(p.attractor.topOverlap.allSatisfy { abs(abs($0!) - 0.5) < 0.15 })
        }
        #expect(
            ClassifyPrediction.columns(gridKeys: []).map(\.name).suffix(8)
                == ["attractor", "mixture", "top1Memory", "top1Overlap", "top2Memory", "top2Overlap", "top3Memory", "top3Overlap"])
    }

    @Test func capacityCountsStablePatterns() throws {
        let spec = try Self.spec(
            """
            {"name": "c", "task": "capacity", "capacity": {"neurons": 200, "patterns": [2, 60], "trials": 2}}
            """)
        let result = try CapacityTask.run(spec, jobs: 2)
        guard let rows = result.table.rows(of: CapacityTask.self), let trials = (result.detail as? CapacityTask.Detail)?.trials else {
            Issue.record("not a capacity result")
            return
        }
        #expect(rows.map(\.patterns) == [2, 60] && trials.count == 4)
        #expect(rows[0].stableFraction == 1 && rows[0].exactRate == 1 && rows[0].meanOverlap == 1)
        #expect(rows[1].stableFraction < 1, "P = 60 of N = 200 (α = 0.3) is beyond Hebbian capacity")
        #expect(rows[1].theoryOverlap == nil, "no AGS retrieval state above α_c: no prediction, not a prediction of 0")
    }
}

/// A batch run through the runner: the results kept in memory equal the results read back from
/// the folder (what `--resume`, `merge` and `report` use), and the report and terminal table are
/// made from them.
@Suite struct BatchResultsTests {
    @Test func inMemoryEqualsReadBack() throws {
        let out = ScratchFolder("batch")
        defer { out.remove() }
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "cap", "task": "capacity", "capacity": {"neurons": 64, "patterns": [2, 8], "trials": 1},
                 "seeds": [1, 2], "grid": {"network.rule": ["hebbian", "storkey"]}}
                """))
        var options = RunOptions()
        options.output = out.path
        options.jobs = 2
        let report = try ExperimentRunner.execute(try ExperimentRunner.prepare(batch, options: options), options: options)
        let results = try #require(report.results)
        let read = try ResultsFolder(report.root).read()
        #expect(read.runs == results.runs && read.summary == results.summary)
        #expect(read.records.map(\.manifest.text) == results.records.map(\.manifest.text))
        guard let summary = results.summary.rows(of: CapacityTask.self) else {
            Issue.record("not a capacity summary")
            return
        }
        #expect(summary.count == 4 && summary.allSatisfy { $0.runs == 2 })
        let runsCSV = try String(contentsOfFile: report.root + "/runs.csv", encoding: .utf8)
        #expect(runsCSV == results.runs.csv(gridKeys: ["network.rule"]))
        let html = Report.html(results)
        #expect(html.contains("<h1>cap</h1>") && html.contains("AGS") == false, "capacity plots are images, their text is not inline")
        #expect(html.components(separatedBy: "data:image/svg+xml;base64,").count == 2, "one capacity plot")
        let terminal = TerminalSummary.fields(results.summary, gridKeys: batch.gridKeys)
        #expect(
            terminal.header == [
                "network.rule", "rule", "neurons", "patterns", "load", "runs", "meanStableFraction", "meanOverlap",
                "meanExactRate", "theoryOverlap"
            ])
        #expect(terminal.rows.count == 4)
    }
}

/// The batch plots draw every group: beyond four groups a plot becomes several (small multiples).
@Suite struct PlotTests {
    @Test func noSeriesIsDropped() {
        var rows: [ClassifySummaryRow] = []
        for g in 0..<10 {
            for count in [2, 4] {
                var row = ClassifySummaryRow()
                row.grid = [String(count), "g\(g)"]
                row.split = .test
                row.n = 100
                row.correct = 10 * g
                row.meanAccuracy = Double(row.correct) / 100
                row.inverted = g == 3 ? 7 : 0
                rows.append(row)
            }
        }
        let svgs = BatchPlots.classify(rows, gridKeys: ["memories.count", "group"])
        #expect(svgs.count == 3, "10 groups, 4 per plot")
        #expect(svgs[0].contains("(groups 1–4 of 10)") && svgs[2].contains("(groups 9–10 of 10)"))
        for g in 0..<10 {
            #expect(svgs.filter { $0.contains("accuracy (group=g\(g))") }.count == 1, "group g\(g) drawn once")
        }
        #expect(
            svgs[0].contains("inverted (group=g3)") && !svgs.joined().contains("inverted (group=g4)"),
            "an inverted line where some test image ended at a negated memory")
        #expect(BatchPlots.classify(Array(rows.prefix(8)), gridKeys: ["memories.count", "group"]).count == 1)
    }

    @Test func tickLabelsShareOneStyle() {
        #expect(
            [-5e6, -1e7, 2500, 0.25, 12000, -2_949_808, 1.5e9].map(SVGPlot.label) == [
                "-5M", "-10M", "2500", "0.25", "12k", "-2.95M", "1.5G"
            ])
    }

    /// The outcomes picture's examples come from every class in turn, each captioned with its
    /// class and the class reached.
    @Test func examplesSpanClassesWithCaptions() throws {
        let data = TaskTests.dataset(classes: 3, perClass: 12, neurons: 64, seed: 4)
        let spec = try TaskTests.spec(
            """
            {"name": "t", "dataset": {"path": "/none"}, "image": {"size": 8}, "memories": {"count": 3, "select": "first"},
             "network": {"rule": "modern", "beta": 20}, "seeds": [5]}
            """)
        let split = try Splitter.split(
            labels: data.images.map(\.file.label), classes: 3, train: .fraction(0.5), test: .fraction(0.5),
            stratify: true, seed: spec.seed)
        let result = try ClassifyTask.run(
            spec, data: data, split: split, baselines: Baselines.compute(data: data, split: split, jobs: 1), jobs: 1)
        let examples = result.visuals.examples
        #expect(!examples.isEmpty && examples.allSatisfy { $0.caption.contains(">") })
        #expect(Set(examples.map { $0.caption.split(separator: ">")[0] }).count == 3, "every class shown")
    }
}

/// Issue 13, case 11: the report embeds run pictures as images only, and only pictures: never
/// through a link, never from a run folder that is a link, never a file whose bytes are not a
/// PNG or an SVG (a hard link to a secret named memories.png).
@Suite struct ReportPictureTests {
    @Test func onlyRealPicturesAreEmbedded() throws {
        let scratch = ScratchFolder("report-pictures")
        defer { scratch.remove() }
        let secret = scratch.write(Array("TOPSECRET".utf8), to: "secret.txt")
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]
        _ = scratch.write(png, to: "run/weights.png")
        _ = scratch.write(Array("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>".utf8), to: "run/energy.svg")
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: scratch.file("run/training.svg"), withDestinationPath: secret)
        try fm.linkItem(atPath: secret, toPath: scratch.file("run/memories.png"))
        try fm.createSymbolicLink(atPath: scratch.file("linked"), withDestinationPath: scratch.file("run"))
        #expect(ResultsFolder.readPicture(scratch.file("run/weights.png")) == png)
        #expect(ResultsFolder.readPicture(scratch.file("run/energy.svg")) != nil)
        #expect(ResultsFolder.readPicture(scratch.file("run/training.svg")) == nil, "a link is not followed")
        #expect(ResultsFolder.readPicture(scratch.file("run/memories.png")) == nil, "a hard link to text is not a PNG")
        #expect(ResultsFolder.readPicture(scratch.file("linked/weights.png")) == nil, "a run folder that is a link is not read")
        #expect(ResultsFolder.readPicture(scratch.file("run/missing.png")) == nil)
    }

    @Test func svgsAreImagesNotMarkup() {
        let html = HTML.svgImage("<svg onload=\"alert(1)\"><script>alert(2)</script></svg>")
        #expect(!html.contains("<script") && !html.contains("onload") && html.hasPrefix("<img "))
    }
}
