import Foundation
import Hopfield
import TestSupport
import Testing

@testable import Experiments

/// Issue 22: random patterns as a data source and the basins task.
@Suite struct BasinsTests {
    /// A basins batch on random patterns: N = 100, P = 8 and 14, three rules, the stored patterns
    /// written out (`outputs.states`).
    static func batch(_ extra: String = "") throws -> Batch {
        try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "basins", "task": "basins", "patterns": {"neurons": 100},
                 "basins": {"trials": 8, "steps": 8}, "outputs": {"states": true, "pictures": false}, "seeds": [5]\(extra),
                 "grid": {"network.rule": ["hebbian", "storkey", "pseudoinverse"], "patterns.count": [8, 14]}}
                """))
    }

    /// Every run's radii agree with an independent NumPy bisection (Benchmarks/python/basins_ref.py)
    /// on the patterns the run wrote: whether each memory is a fixed point exactly (no draw is
    /// involved), the radii in distribution (NumPy draws its own starts): the mean radius within
    /// 0.03 and the median difference per memory within 0.05.
    @Test func radiiAgreeWithNumPy() throws {
        try #require(pythonHas(["numpy"]), "python3 with numpy is needed (scripts/test installs it)")
        let out = ScratchFolder("basins")
        defer { out.remove() }
        let batch = try Self.batch()
        let report = try execute(batch, .test(output: out.path))
        for run in batch.runs {
            let folder = ResultsFolder(report.root).folder(of: run)
            let rows = try BasinRow.rows(csv: try String(contentsOfFile: folder + "/basins.csv", encoding: .utf8), path: "basins.csv")
            let result = try runProcess(
                "/usr/bin/env",
                [
                    "python3", TestPaths.repository + "/Benchmarks/python/basins_ref.py", folder + "/memories.npy",
                    run.config.network.rule.name, "8", "8", "0.5", "exact", "0.9", "1"
                ])
            try #require(result.status == 0, "\(result.stderr)")
            let reference = result.stdout.split(separator: "\n").map { $0.split(separator: " ") }
            try #require(reference.count == rows.count, "\(run.key)")
            #expect(rows.map(\.stable) == reference.map { Int($0[1])! }, "\(run.key): fixed points")
            let ours = rows.map(\.radius), theirs = reference.map { Double($0[0])! }
            let meanDifference = abs(ours.reduce(0, +) - theirs.reduce(0, +)) / Double(ours.count)
            let median = Statistics.quantile(zip(ours, theirs).map { abs($0 - $1) }, 0.5)
            #expect(meanDifference <= 0.03 && median <= 0.05, "\(run.key): ours \(ours), NumPy \(theirs)")
            // Wide basins at α = 0.08; at α = 0.14 the Hebbian rule loses some memories (radius 0).
            if run.config.storedCount == 8 || !(run.config.network.rule is HebbianRule) {
                #expect(ours.allSatisfy { $0 > 0.1 }, "\(run.key): wide basins expected: \(ours)")
            }
        }
    }

    /// The same bytes for 1 and 2 threads; random patterns come from the seed alone, the first P
    /// of a larger P' being the same patterns.
    @Test func seededNestedAndThreadIndependent() throws {
        let out = ScratchFolder("basins-jobs")
        defer { out.remove() }
        let batch = try Self.batch()
        var one = RunOptions.test(output: out.file("one"))
        one.jobs = 1
        let first = try execute(batch, one)
        let second = try execute(batch, .test(output: out.file("two")))
        for run in batch.runs {
            for file in ["basins.csv", "tally.csv", "memories.npy"] {
                let a = FileManager.default.contents(atPath: ResultsFolder(first.root).folder(of: run) + "/" + file)
                let b = FileManager.default.contents(atPath: ResultsFolder(second.root).folder(of: run) + "/" + file)
                #expect(a != nil && a == b, "\(run.key)/\(file)")
            }
        }
        let small = try NPYReader.int8(ResultsFolder(first.root).folder(of: batch.runs[0]) + "/memories.npy")
        let large = try NPYReader.int8(ResultsFolder(first.root).folder(of: batch.runs[1]) + "/memories.npy")
        #expect(small.shape == [8, 100] && large.shape == [14, 100])
        #expect(Array(large.values.prefix(800)) == small.values)
    }

    /// The capacity task's `patterns` section: unbiased random patterns are the draws capacity
    /// always made (the same capacity.csv), a correlated family is other patterns.
    @Test func capacityDrawsFromThePatternsSection() throws {
        let out = ScratchFolder("capacity-patterns")
        defer { out.remove() }
        func capacity(_ patterns: String) throws -> String {
            let batch = try Batch.expand(
                try JSONParser.parse(
                    """
                    {"name": "c", "task": "capacity", "capacity": {"neurons": 64, "patterns": [4, 9], "trials": 2}\(patterns),
                     "outputs": {"pictures": false}, "seeds": [2]}
                    """))
            let report = try execute(batch, .test(output: out.file(String(patterns.count))))
            return try String(contentsOfFile: ResultsFolder(report.root).folder(of: batch.runs[0]) + "/capacity.csv", encoding: .utf8)
        }
        let plain = try capacity("")
        #expect(try capacity(", \"patterns\": {\"source\": \"random\", \"bias\": 0}") == plain)
        #expect(try capacity(", \"patterns\": {\"source\": \"correlated\", \"flip\": 0.1}") != plain)
    }

    /// A correlated family: children of one parent overlap by about (1 − 2·flip)² = 0.36.
    @Test func correlatedFamilyOverlaps() {
        var rng = Xoshiro256StarStar(seed: 7)
        let family = PatternFamily.correlated(bias: 0, flip: 0.2).draw(count: 20, neurons: 2000, rng: &rng)
        var sum = 0.0, pairs = 0
        for a in 0..<20 {
            for b in (a + 1)..<20 {
                sum += Double(zip(family[a], family[b]).reduce(0) { $0 + Int($1.0) * Int($1.1) }) / 2000
                pairs += 1
            }
        }
        #expect(abs(sum / Double(pairs) - 0.36) < 0.03)
        var again = Xoshiro256StarStar(seed: 7)
        let biased = PatternFamily.independent(bias: 0.5).draw(count: 4, neurons: 4000, rng: &again)
        let activity = Double(biased.joined().reduce(0) { $0 + Int($1) }) / 16_000
        #expect(abs(activity - 0.5) < 0.03)
    }

    /// Recall on random patterns: no dataset folder, every pattern stored; at load 0.05 the
    /// Hebbian network recovers every pattern from 10% flips.
    @Test func recallRunsOnRandomPatterns() throws {
        let out = ScratchFolder("random-recall")
        defer { out.remove() }
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "rr", "task": "recall", "patterns": {"neurons": 200, "count": 10},
                 "corruption": {"kind": "flip", "levels": [0.1], "trials": 2}, "outputs": {"pictures": false}, "seeds": [3]}
                """))
        let report = try execute(batch, .test(output: out.path))
        guard let rows = report.results?.runs.rows(of: RecallTask.self) else { Issue.record("no recall rows"); return }
        #expect(rows.count == 1 && rows[0].n == 20 && rows[0].exactRate == 1, "\(rows)")
    }
}
