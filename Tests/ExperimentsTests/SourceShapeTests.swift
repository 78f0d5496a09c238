import Foundation
import TestSupport
import Testing

@testable import Experiments

/// The code's shape, checked on every test run: generated files match their sources, functions
/// stay short, Runner and Report stay apart, public symbols are documented.
@Suite struct SourceShapeTests {
    /// Configs/schema.json and the README's config reference are what the config types generate.
    @Test func generatedFilesMatchTheConfigTypes() throws {
        let schema = try String(contentsOfFile: TestPaths.repository + "/Configs/schema.json", encoding: .utf8)
        #expect(schema == ConfigSchema.text, "Configs/schema.json is stale: run `hopfield schema --write`")
        let readme = try String(contentsOfFile: TestPaths.repository + "/README.md", encoding: .utf8)
        #expect(ConfigSchema.updatingReadme(readme) == readme, "README's config reference is stale: run `hopfield schema --write`")
        // Every key the decoder reads is in the schema, and a default in the schema is what the decoder fills in.
        let defaults = try Batch.expand(try JSONParser.parse("{\"name\": \"d\", \"dataset\": {\"path\": \"D\"}}")).runs[0].config
        #expect(ExperimentConfig.ImageSection.keys["size"].defaultValue == .int(defaults.image.size))
        #expect(ExperimentConfig.DynamicsSection.keys["maxSweeps"].defaultValue == .int(defaults.dynamics.maxSweeps))
    }

    /// scripts/check-source: no function over 80 lines, no Runner/Report dependency, doc comments.
    @Test(arguments: ["lengths", "layers", "docs"])
    func sourcesHaveTheirShape(check: String) throws {
        let result = try runProcess("/usr/bin/env", ["python3", TestPaths.repository + "/scripts/check-source", "--only", check])
        #expect(result.status == 0, "\(result.stdout)")
    }

    /// The Swift sources are as `swift format` (the toolchain's formatter, configured in
    /// `.swift-format`) writes them: `swift format format -i -r Sources Tests Package.swift Fuzz Benchmarks`.
    @Test func sourcesAreFormatted() throws {
        let paths = ["Sources", "Tests", "Package.swift", "Fuzz", "Benchmarks"].map { TestPaths.repository + "/" + $0 }
        let configuration = TestPaths.repository + "/.swift-format"
        let result = try runProcess(
            "/usr/bin/env", ["swift", "format", "lint", "--strict", "--configuration", configuration, "-r"] + paths)
        #expect(result.status == 0, "run swift format format -i -r on these files:\n\(result.stderr)")
    }
}
