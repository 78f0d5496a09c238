import Foundation
import TestSupport
import Testing

@testable import Experiments

/// `hopfield compare` (issue 22) on two small results folders: different rules and seeds, the
/// same digits; their own reports gain the attractor and paired-test sections.
@Suite struct ComparisonTests {
    static func run(_ name: String, rules: String, seeds: String, into out: ScratchFolder) throws -> String {
        let batch = try Batch.expand(
            try JSONParser.parse(
                """
                {"name": "\(name)", "task": "classify", "dataset": {"path": "\(TestPaths.shared("digits"))", "limitPerClass": 12},
                 "image": {"size": 16}, "memories": {"count": 10}, "outputs": {"pictures": false}, "seeds": \(seeds),
                 "grid": {"network.rule": \(rules)}}
                """))
        _ = try execute(batch, .test(output: out.path))
        return out.file(name)
    }

    @Test func compareTwoFoldersWithDifferentRulesAndSeeds() throws {
        let out = ScratchFolder("compare")
        defer { out.remove() }
        let a = try Self.run("a", rules: "[\"hebbian\", \"pseudoinverse\"]", seeds: "[1]", into: out)
        let b = try Self.run("b", rules: "[\"storkey\"]", seeds: "[1, 2]", into: out)
        let comparison = try Comparison(folders: [a, b])
        #expect(comparison.header.prefix(3) == ["folder", "task", "network.rule"])
        #expect(comparison.header.contains("accuracyLow95") && comparison.header.contains("neighborAccuracy"))
        #expect(!comparison.header.contains("image.size"), "values shared by every row are not columns")
        // Three grid points × train and test.
        #expect(comparison.rows.count == 6)
        #expect(comparison.rows.map { $0[2] } == ["hebbian", "hebbian", "pseudoinverse", "pseudoinverse", "storkey", "storkey"])
        #expect(comparison.rows.map { $0[0] } == ["a", "a", "a", "a", "b", "b"])
        // Seed 1 of both folders shares its split: a's two rules against b's seed-1 run.
        #expect(comparison.paired.count == 2 && comparison.paired.allSatisfy { $0[1] == "b: network.rule=storkey,seed=1" })
        #expect(comparison.csv.hasPrefix("folder,task,network.rule,"))
        #expect(comparison.html.contains("<h2>Paired tests</h2>"))
        // Each folder's own report: attractors per run, paired tests per seed.
        let report = try String(contentsOfFile: a + "/report.html", encoding: .utf8)
        #expect(report.contains("<h2>Attractors</h2>") && report.contains("<h2>Paired tests</h2>"))
    }

    @Test func aFolderThatIsNoResultsFolderIsNamed() throws {
        let out = ScratchFolder("compare-bad")
        defer { out.remove() }
        do {
            _ = try Comparison(folders: [out.path, out.path])
            Issue.record("an empty folder was compared")
        } catch {
            #expect("\(error)".contains(out.path) && "\(error)".contains("no config.json"))
        }
    }
}
