import Foundation
import TestSupport
import Testing

@testable import Experiments

/// `split.validation` and `split.select`: a held-out part of the training split, and one grid
/// point chosen per seed on it.
@Suite struct ValidationTests {
    @Test func holdOutIsStratifiedDisjointAndSeeded() throws {
        let labels = Array(repeating: 0, count: 30) + Array(repeating: 1, count: 10) + Array(repeating: 2, count: 5)
        let split = try Splitter.split(labels: labels, classes: 3, train: .fraction(0.6), test: .fraction(0.4), stratify: true, seed: 3)
        let held = try Splitter.holdOut(split, labels: labels, classes: 3, amount: .fraction(0.25), seed: 3)
        #expect(held.test == split.test, "the test split is untouched")
        #expect(Set(held.train).isDisjoint(with: held.validation) && Set(held.train + held.validation) == Set(split.train))
        #expect(held.validation.count == Int((0.25 * Double(split.train.count)).rounded()))
        let perClass = (0..<3).map { c in held.validation.filter { labels[$0] == c }.count }
        let trainPerClass = (0..<3).map { c in split.train.filter { labels[$0] == c }.count }
        for c in 0..<3 {
            #expect(
                abs(Double(perClass[c]) - 0.25 * Double(trainPerClass[c])) < 1, "class \(c) in proportion: \(perClass) of \(trainPerClass)")
            #expect(held.train.contains { labels[$0] == c }, "class \(c) keeps training images")
        }
        #expect(try Splitter.holdOut(split, labels: labels, classes: 3, amount: .fraction(0.25), seed: 3) == held)
        #expect(try Splitter.holdOut(split, labels: labels, classes: 3, amount: .fraction(0.25), seed: 4).validation != held.validation)
        #expect(throws: ConfigError.self) { try Splitter.holdOut(split, labels: labels, classes: 3, amount: .count(26), seed: 3) }
    }

    @Test func selectNeedsValidation() {
        let error = #expect(throws: ConfigError.self) {
            try Batch.expand(
                try JSONParser.parse(
                    """
                    {"name": "s", "dataset": {"path": "D"}, "split": {"select": "accuracy"}}
                    """))
        }
        #expect(error?.description.contains("split.select: chooses on the validation split: set split.validation too") == true)
    }

    /// The choice per seed is the best validation row (runs.csv), never the test rows; the
    /// chosen point's test row is the one reported.
    @Test func selectionFollowsValidationOnly() throws {
        let out = ScratchFolder("select")
        defer { out.remove() }
        let config = out.write(
            Array(
                """
                {"name": "sel", "dataset": {"path": "\(TestPaths.shared("digits"))", "limitPerClass": 16},
                 "image": {"size": 14, "binarize": "mean"}, "split": {"validation": 0.3, "select": "accuracy"},
                 "memories": {"count": 10, "select": "random"}, "network": {"rule": "modern"}, "dynamics": {"mode": "sync"},
                 "seeds": [1, 2], "grid": {"network.beta": [0.05, 1, 20]}}
                """.utf8), to: "sel.json")
        let result = try runProcess(TestPaths.hopfieldExecutable, ["run", config, "--output", out.file("r"), "--quiet"])
        #expect(result.status == 0, "\(result.stderr)")
        let runs = Table(parseCSV(try String(contentsOfFile: out.file("r/sel/runs.csv"), encoding: .utf8)))
        let selection = Table(parseCSV(try String(contentsOfFile: out.file("r/sel/selection.csv"), encoding: .utf8)))
        let col = { (table: Table, name: String) in table.header.firstIndex(of: name)! }
        #expect(selection.rows.count == 2)
        for row in selection.rows {
            let seed = row[col(selection, "seed")]
            let validation = runs.rows.filter { $0[col(runs, "split")] == "validation" && $0[col(runs, "seed")] == seed }
            #expect(validation.count == 3)
            let best = validation.max { Double($0[col(runs, "accuracy")])! < Double($1[col(runs, "accuracy")])! }!
            #expect(Double(row[col(selection, "validationAccuracy")]) == Double(best[col(runs, "accuracy")]))
            let chosen = row[col(selection, "run")]
            let test = runs.rows.first { $0[col(runs, "split")] == "test" && $0[col(runs, "run")] == chosen }!
            #expect(row[col(selection, "testAccuracy")] == test[col(runs, "accuracy")])
        }
        let html = try String(contentsOfFile: out.file("r/sel/report.html"), encoding: .utf8)
        #expect(html.contains("Chosen on the validation split"))
    }

    /// A parsed CSV: its header and rows.
    struct Table {
        var header: [String]
        var rows: [[String]]
        init(_ lines: [[String]]) {
            header = lines.first ?? []
            rows = lines.dropFirst().filter { $0 != [""] && !$0.isEmpty }
        }
    }
}
