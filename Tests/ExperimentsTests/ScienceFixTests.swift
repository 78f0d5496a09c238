import Foundation
import Hopfield
import TestSupport
import Testing

@testable import Experiments

/// The fixes of issue 22's review, each checked where it could come back.
@Suite struct ScienceFixTests {
    static func random(_ count: Int, neurons: Int, seed: UInt64) -> [[Int8]] {
        var rng = Xoshiro256StarStar(seed: seed)
        return (0..<count).map { _ in Corruption.random(neurons: neurons, rng: &rng) }
    }

    @Test func pseudoinverseWarnsWhenTheRankIsBelowPOrSelfCouplingsReachOne() throws {
        var patterns = Self.random(10, neurons: 64, seed: 1)
        #expect(ProjectionNetwork(memories: Memories(patterns)).limitations.isEmpty)
        patterns.append(patterns[3])
        let dependent = ProjectionNetwork(memories: Memories(patterns)).limitations
        #expect(dependent.count == 1 && dependent[0].contains("the 11 patterns have rank 10"))
        // P = N independent patterns span everything: W = I, every W_ii = 1.
        let full = Self.random(32, neurons: 32, seed: 2)
        let projection = ProjectionNetwork(memories: Memories(full))
        #expect(projection.rank == 32)
        #expect(projection.limitations.contains { $0.contains("32 of 32 neurons have W_ii ≈ 1") })
        #expect(ProjectionNetwork(memories: Memories(full), diagonal: .keep).limitations.isEmpty, "kept diagonal: W x = x, fixed points")
        // The warning reaches the run's record (its manifest and the terminal).
        let stored = try StoredNetwork(
            rule: PseudoinverseRule(), patterns: full.map { PatternVector.binary($0, BinaryPattern($0)) },
            tolerance: 0)
        #expect(stored.record.warnings == projection.limitations)
        var manifest = RunManifest(
            run: "r", seed: 1, grid: [], task: "recall", conventions: [], libraries: "", platform: "", startedAt: "",
            seconds: 0)
        manifest.warnings = stored.warnings
        #expect(try RunManifest(json: try JSONParser.parse(manifest.text), path: "m").warnings == stored.warnings)
    }

    @Test func rulesTextDefinesStorkeysFieldAndStatesThePseudoinversesCondition() {
        #expect(RuleCatalog.rule("storkey")!.formula.contains("h_ij = Σ_{k≠i,j} W_ik x_k"))
        let pseudoinverse = RuleCatalog.rule("pseudoinverse")!.summary
        #expect(!pseudoinverse.contains("while P < N") && pseudoinverse.contains("W_ii ≈ 1") && pseudoinverse.contains("rank"))
        let learningRate = ExperimentConfig.NetworkSection.keys["learningRate"].summary
        #expect(!learningRate.hasPrefix("the CD learning rate") && learningRate.contains("dam: ε₀"))
    }

    static func batch(_ json: String) throws -> Batch { try Batch.expand(try JSONParser.parse(json)) }

    @Test func grayLevelReportsNameEuclideanDistanceAndTheClassMean() throws {
        let gray = try Self.batch(
            """
            {"name": "g", "dataset": {"path": "/none"}, "image": {"binarize": "none"}, "network": {"rule": "modern"}}
            """)
        let words = ClassifyHeadline.baselineWords(gray)
        #expect(words.contains("Euclidean") && words.contains("the class mean") && !words.contains("Hamming") && !words.contains("sign of"))
        let binary = try Self.batch(
            """
            {"name": "b", "dataset": {"path": "/none"}}
            """)
        #expect(
            ClassifyHeadline.baselineWords(binary).contains("sign of the class mean")
                && ClassifyHeadline.baselineWords(binary).contains("Hamming"))
        let mixed = try Self.batch(
            """
            {"name": "m", "dataset": {"path": "/none"}, "network": {"rule": "modern"}, "grid": {"image.binarize": ["none", "midgray"]}}
            """)
        #expect(ClassifyHeadline.baselineWords(mixed).contains("Euclidean distance for gray levels"))
    }

    @Test func damReportsLeaveOutNearestMemoryAndStablePatternFigures() throws {
        let batch = try Self.batch(
            """
            {"name": "d", "dataset": {"path": "/none"}, "image": {"binarize": "none"}, "grid": {"network.rule": ["dam", "modern"]}}
            """)
        var rows: [ClassifySummaryRow] = []
        for rule in ["dam", "modern"] {
            var row = ClassifySummaryRow()
            row.grid = [rule]; row.split = .test; row.n = 100; row.meanAccuracy = 0.9; row.meanNearestAccuracy = 0.5
            row.meanChanceAccuracy = 0.1; row.meanPrototypeAccuracy = 0.7; row.meanNeighborAccuracy = 0.9
            rows.append(row)
        }
        let sentences = ClassifyHeadline.sentences(rows, gridKeys: batch.gridKeys, batch: batch)
        #expect(!sentences[0].contains("nearest-memory") && sentences[1].contains("above nearest-memory retrieval (0.500)"))
        var results = BatchResults(batch: batch, root: "/none")
        for run in batch.runs {
            var manifest = RunManifest(
                run: run.key, seed: run.seed, grid: [], task: "classify", conventions: [], libraries: "", platform: "",
                startedAt: "", seconds: 0)
            manifest.parameters = 10
            results.add(
                run: run, table: RunTable(ClassifyTask.self, []), manifest: manifest,
                trainingLog: [TrainingLogRow(TrainingEpoch(epoch: 3, loss: 0.5, stablePatterns: 0.875))])
        }
        let table = Report.trainingTable(results)
        #expect(table.components(separatedBy: "0.8750").count == 2, "the stable-pattern figure only for the modern run: \(table)")
    }

    @Test func capacityRowsCarryTheHebbianTheoryOnlyForTheHebbianRule() {
        var tally = Tally()
        tally.add(.correct, sweeps: 1)
        tally.overlaps = [1]
        tally.stable = 1
        for rule in ["hebbian", "storkey", "pseudoinverse"] {
            let row = CapacityRow(run: RunLabel(), rule: rule, neurons: 100, patterns: 10, trials: 1, tally: tally, theoryOverlap: nil)
            let fields = Dictionary(
                uniqueKeysWithValues: zip(CapacityRow.columns(gridKeys: []).map(\.name), Fields.of([row], gridKeys: []).rows[0]))
            #expect((fields["criticalLoad"] == "") == (rule != "hebbian"), "\(rule): \(fields["criticalLoad"]!)")
            #expect((fields["mcEliecePatterns"] == "") == (rule != "hebbian"))
            #expect(CapacitySummaryRow([row]).criticalLoad == row.criticalLoad)
        }
    }

    /// The tour notebook uses the capacity estimate the reports use, N/(2 ln N), not notebook
    /// 001's N/(2 log₂ N), and reads α_c from the Hebbian rows (the others leave it empty).
    @Test func theTourNotebookUsesTheNaturalLogarithm() throws {
        let notebook = try String(contentsOfFile: TestPaths.repository + "/examples/tour.ipynb", encoding: .utf8)
        #expect(!notebook.contains("log2") && !notebook.contains("\\\\log_2 N)$:"))
        #expect(notebook.contains("16 / (2 * np.log(16))") && notebook.contains("criticalLoad\\\"].dropna()"))
    }

    /// energy.svg names each curve by its level (it said "level 1 … 8", indices, and dropped
    /// every level past the eighth).
    @Test func energyLegendsNameEveryLevelByItsValue() throws {
        let data = TaskTests.dataset(classes: 2, perClass: 2, neurons: 100, seed: 5)
        let levels = (0...10).map { Double($0) * 0.04 }
        let spec = try TaskTests.spec(
            """
            {"name": "t", "task": "recall", "dataset": {"path": "/none"}, "image": {"size": 10}, "memories": {"count": 2, "select": "first"},
             "corruption": {"kind": "flip", "levels": [\(levels.map { Format.exact($0) }.joined(separator: ", "))]}}
            """)
        let result = try RecallTask.run(spec, data: data, jobs: 1)
        #expect(result.visuals.energyCurves.map(\.name) == levels.map { "memory 0, level \(Format.exact($0))" })
        let svg = String(decoding: Pictures.runFiles(result.visuals, task: .recall).first { $0.name == "energy.svg" }!.bytes, as: UTF8.self)
        #expect(svg.contains("level 0.4") && svg.contains("level 0.36") && !svg.contains("level 1<") && !svg.contains("level 8"))
    }

    /// Manifests record the build of the tool that ran (its binary's name and hash), not the git
    /// commit of whatever folder it ran in.
    @Test func manifestsRecordTheToolsBuild() throws {
        let build = try #require(RunEnvironment.buildDescription())
        let path = try #require(RunEnvironment.imagePath())
        #expect(build.hasPrefix(URL(fileURLWithPath: path).lastPathComponent + " xxh3-128:"))
        #expect(RunEnvironment.buildDescription() == build)
        var manifest = RunManifest(
            run: "r", seed: 1, grid: [], task: "recall", conventions: [], libraries: "", platform: "", startedAt: "",
            seconds: 0)
        manifest.build = build
        #expect(!manifest.text.contains("gitCommit") && manifest.text.contains("\"build\": \"\(build)\""))
        #expect(try RunManifest(json: try JSONParser.parse(manifest.text), path: "m").build == build)
    }

    /// "How it was made" describes the grid and every run's conventions, not the first run's.
    @Test func howItWasMadeDescribesTheWholeGrid() throws {
        func manifest(_ mode: String) -> RunManifest {
            RunManifest(
                run: "r", seed: 1, grid: [], task: "classify", conventions: [("updates", .string(mode)), ("tie", .string("plus"))],
                libraries: "l", platform: "p", startedAt: "", seconds: 0)
        }
        let html = Report.provenance(
            [manifest("async"), manifest("sync"), manifest("sync")],
            grid: [("dynamics.mode", [.string("async"), .string("sync")])])
        #expect(html.contains("<th>grid</th><td style=\"text-align:left\">dynamics.mode: async, sync</td>"))
        #expect(html.contains("varies: async (1 runs) | sync (2 runs)"))
        #expect(html.contains("<th>tie</th><td style=\"text-align:left\">plus</td>"))
    }

    /// A validation tie takes the first grid point and says so; a headline over seeds that chose
    /// different points says it averages different models.
    @Test func selectionSaysTiesAndDifferentChosenModels() throws {
        let batch = try Self.batch(
            """
            {"name": "s", "dataset": {"path": "/none"}, "split": {"validation": 0.2, "select": "accuracy"}, "seeds": [1, 2],
             "grid": {"memories.count": [4, 8]}}
            """)
        var results = BatchResults(batch: batch, root: "/none")
        // Seed 1: both points 0.5 on validation (a tie); seed 2: the second point wins.
        let validation: [UInt64: [Double]] = [1: [0.5, 0.5], 2: [0.4, 0.6]]
        for run in batch.runs {
            let point = run.gridValues[0].1.label == "4" ? 0 : 1
            var v = ClassifyRow(), t = ClassifyRow()
            v.run = RunLabel(run); v.split = .validation; v.accuracy = validation[run.seed]![point]
            t.run = RunLabel(run); t.split = .test; t.accuracy = 0.7
            let manifest = RunManifest(
                run: run.key, seed: run.seed, grid: [], task: "classify", conventions: [], libraries: "", platform: "",
                startedAt: "", seconds: 0)
            results.add(run: run, table: RunTable(ClassifyTask.self, [v, t]), manifest: manifest, trainingLog: nil)
        }
        let selection = try #require(Selection.choose(results))
        #expect(selection.choices.map(\.run.grid) == [["4"], ["8"]])
        #expect(selection.choices[0].tiedWith.map(\.grid) == [["8"]] && selection.choices[1].tiedWith.isEmpty)
        let sentences = selection.sentences(gridKeys: batch.gridKeys)
        #expect(sentences[0].contains("a tie on validation with memories.count = 8: the first in grid order was taken"))
        #expect(!sentences[1].contains("tie"))
        #expect(sentences[2].contains("the seeds chose 2 different points, so this averages different models"))
    }

    /// Rate plots fit their data within 0…1 (they were fixed to 0…1), and category labels that
    /// would overlap are turned.
    @Test func ratePlotsFitTheirDataAndLongCategoriesAreTurned() {
        var rows: [ClassifySummaryRow] = []
        for (k, accuracy) in [0.91, 0.93, 0.95].enumerated() {
            var row = ClassifySummaryRow()
            row.grid = ["network.rule=modern,memories.select=prototype\(k)"]; row.split = .validation; row.n = 10_000
            row.meanAccuracy = accuracy; row.correct = Int(accuracy * 10_000); row.meanNearestAccuracy = accuracy
            row.spurious = 0; row.spuriousRate = Proportion(0, of: 10_000)
            rows.append(row)
        }
        let svg = BatchPlots.validation(rows, gridKeys: ["point"])[0]
        #expect(svg.contains("rotate(-35"), "long category labels are turned")
        #expect(svg.contains(">0.93<") && !svg.contains(">0.5<"), "the y axis is fitted to about 0.9…0.96, not fixed to 0…1")
        var short = SVGPlot(title: "t", xLabel: "x", yLabel: "y")
        short.xCategories = ["a", "b"]
        short.yLimits = (0, 1)
        short.series = [SVGPlot.Series(name: "s", points: [(0, 0.2), (1, 0.4)])]
        #expect(!short.svg.contains("rotate(-35"))
    }
}
