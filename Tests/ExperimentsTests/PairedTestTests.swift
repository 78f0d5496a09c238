import Testing

@testable import Experiments

/// McNemar's exact test (issue 22: rules compared on the same test images) against values
/// computed by hand and by SciPy.
@Suite struct PairedTestTests {
    @Test func mcnemarMatchesHandAndSciPyValues() {
        // 10 vs 2 discordant: 2·(C(12,0) + C(12,1) + C(12,2))/2¹² = 158/4096 (scipy.stats.binomtest(2, 12).pvalue).
        #expect(abs(Statistics.mcnemar(10, 2) - 0.03857421875) < 1e-12)
        #expect(Statistics.mcnemar(2, 10) == Statistics.mcnemar(10, 2))
        // 1 vs 20: 2·(1 + 21)/2²¹.
        #expect(abs(Statistics.mcnemar(1, 20) - 44.0 / 2_097_152) < 1e-15)
        // binomtest(250, 550, 0.5).pvalue = 0.036578745549102676 (Python's exact integers: …704).
        #expect(abs(Statistics.mcnemar(300, 250) - 0.0365787455491027) < 1e-12)
        #expect(Statistics.mcnemar(0, 0) == 1 && Statistics.mcnemar(5, 5) == 1)
    }

    @Test func pairedTestsPairRunsOfOneSeedOnTheSameImagesAndEachRunWithItsOneNN() throws {
        func table(_ outcomes: [String], neighbors: [String]) throws -> PredictionsTable {
            var csv = "split,path,class,outcome,neighbor\ntrain,t.png,a,correct,\n"
            for (k, (o, n)) in zip(outcomes, neighbors).enumerated() { csv += "test,\(k).png,a,\(o),\(n)\n" }
            return try PredictionsTable(csv: csv, path: "p.csv")
        }
        let a = TestAnswers(
            try table(["correct", "correct", "correct", "error", "spurious"], neighbors: ["a", "b", "a", "a", "a"]),
            label: "network.rule=dam", seed: 1)!
        let b = TestAnswers(
            try table(["correct", "error", "error", "correct", "error"], neighbors: ["a", "b", "a", "a", "a"]),
            label: "network.rule=modern", seed: 1)!
        let other = TestAnswers(try table(["correct"], neighbors: ["a"]), label: "network.rule=dam", seed: 2)!
        #expect(a.rule == [true, true, true, false, false] && a.neighbor == [true, false, true, true, true])
        let tests = TestAnswers.tests([a, b, other])
        #expect(
            tests.map { "\($0.test.first)|\($0.test.second)|\($0.test.seed)" }
                == [
                    "network.rule=dam|1-NN|1", "network.rule=modern|1-NN|1", "network.rule=dam|network.rule=modern|1",
                    "network.rule=dam|1-NN|2"
                ])
        let pair = tests[2].test
        #expect(pair.n == 5 && pair.onlyFirst == 2 && pair.onlySecond == 1 && pair.p == 1)
        #expect(
            tests[2].test.fields(rightFirst: tests[2].rightFirst) == [
                "network.rule=dam", "network.rule=modern", "1", "5", "2", "1", "0.6000", "0.4000", "1.0000"
            ])
    }

    @Test func aPredictionsFileWithARaggedLineIsNamed() {
        #expect(throws: ResultsFileError.self) { try PredictionsTable(csv: "a,b\n1\n", path: "x/predictions.csv") }
        do { _ = try PredictionsTable(csv: "a,b\n1\n", path: "x/predictions.csv") } catch {
            #expect(error.description == "x/predictions.csv: line 2: 1 fields for 2 columns")
        }
    }
}
