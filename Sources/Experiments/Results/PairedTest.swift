import Foundation

/// McNemar's exact test between two classifiers on the same test images (``Statistics/mcnemar(_:_:)``):
/// two runs of a batch that share their test split, or a run and its own 1-NN baseline.
public struct PairedTest: Sendable, Equatable {
    /// The first classifier ("network.rule=dam", or "… 1-NN" for a baseline).
    public var first = ""
    /// The second classifier.
    public var second = ""
    /// The seed both runs share.
    public var seed: UInt64 = 0
    /// Test images compared.
    public var n = 0
    /// Images only the first gets right.
    public var onlyFirst = 0
    /// Images only the second gets right.
    public var onlySecond = 0
    /// The two-sided exact p-value.
    public var p = 1.0

    /// The test of two right/wrong lists over the same images.
    public init(first: String, second: String, seed: UInt64, _ a: [Bool], _ b: [Bool]) {
        precondition(a.count == b.count)
        self.first = first
        self.second = second
        self.seed = seed
        n = a.count
        onlyFirst = zip(a, b).filter { $0 && !$1 }.count
        onlySecond = zip(a, b).filter { !$0 && $1 }.count
        p = Statistics.mcnemar(onlyFirst, onlySecond)
    }

    /// The table's header.
    public static let header = ["first", "second", "seed", "n", "onlyFirstRight", "onlySecondRight", "accuracyFirst", "accuracySecond", "p"]

    /// Fields under ``header`` (accuracies from the discordant counts and `rightFirst`).
    public func fields(rightFirst: Int) -> [String] {
        let rightSecond = rightFirst - onlyFirst + onlySecond
        return [
            first, second, String(seed), String(n), String(onlyFirst), String(onlySecond),
            Format.fixed(Double(rightFirst) / Double(max(n, 1)), 4), Format.fixed(Double(rightSecond) / Double(max(n, 1)), 4),
            p < 0.001 ? String(format: "%.1e", p) : Format.fixed(p, 4)
        ]
    }
}

/// A classify run's test images as the paired tests need them: their paths, and whether the
/// rule and the 1-NN baseline got each right.
public struct TestAnswers: Sendable, Equatable {
    /// The label of the classifier ("network.rule=dam" or the run's key).
    public var label: String
    /// The run's seed.
    public var seed: UInt64
    /// The test images' paths, in order.
    public var paths: [String]
    /// The rule's answers (outcome `correct`).
    public var rule: [Bool]
    /// 1-NN's answers (nil when the run has no 1-NN column).
    public var neighbor: [Bool]?

    /// The test rows of a classify predictions table; nil when a column is missing.
    public init?(_ table: PredictionsTable, label: String, seed: UInt64) {
        guard let split = table.column("split"), let path = table.column("path"), let className = table.column("class"),
            let outcome = table.column("outcome")
        else { return nil }
        let test = split.indices.filter { split[$0] == Split.test.rawValue }
        self.label = label
        self.seed = seed
        paths = test.map { path[$0] }
        rule = test.map { outcome[$0] == Outcome.correct.rawValue }
        let neighbors = table.column("neighbor").map { n in test.map { n[$0] } }
        neighbor = neighbors.flatMap { n in n.contains("") ? nil : zip(n, test).map { $0 == className[$1] } }
    }

    /// Right answers of the rule.
    public var right: Int { rule.filter { $0 }.count }

    /// The tests within one seed: every run against its own 1-NN, and runs on the same test
    /// images against each other (every pair when at most `allPairs` runs share the seed,
    /// otherwise each against the seed's most accurate run).
    public static func tests(_ answers: [TestAnswers], allPairs: Int = 6) -> [(test: PairedTest, rightFirst: Int)] {
        var out: [(PairedTest, Int)] = []
        var seeds: [UInt64] = []
        for a in answers where !seeds.contains(a.seed) { seeds.append(a.seed) }
        for seed in seeds {
            let runs = answers.filter { $0.seed == seed }
            for a in runs {
                if let neighbor = a.neighbor {
                    out.append((PairedTest(first: a.label, second: "1-NN", seed: seed, a.rule, neighbor), a.right))
                }
            }
            let best = runs.indices.max { runs[$0].right < runs[$1].right || (runs[$0].right == runs[$1].right && $0 > $1) }
            for i in runs.indices {
                for j in runs.indices where j > i && runs[i].paths == runs[j].paths {
                    guard runs.count <= allPairs || i == best || j == best else { continue }
                    out.append(
                        (PairedTest(first: runs[i].label, second: runs[j].label, seed: seed, runs[i].rule, runs[j].rule), runs[i].right))
                }
            }
        }
        return out
    }
}
