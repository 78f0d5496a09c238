import Testing

@testable import Experiments

/// One renderer for every error: the message the command prints after "error: " (and the C ABI
/// hands to Python), and whether the input was refused (exit 2) or the work failed (exit 1).
@Suite struct ProblemTests {
    @Test func refusedInputAndFailedWorkAreTold() throws {
        let config = Problem(ConfigError(file: "Configs/x.json", path: "network.beta", "must be positive"))
        #expect(config.kind == .input && config.status == 2)
        #expect(config.message == "\(ConfigError(file: "Configs/x.json", path: "network.beta", "must be positive"))")
        #expect(config.message.contains("network.beta") && config.message.contains("Configs/x.json"))
        let syntax = Problem(try #require(throws: JSONSyntaxError.self) { try JSONParser.parse("{\"a\": }") })
        #expect(syntax.kind == .input)
        let damaged = Problem(ResultsFileError(path: "Results/x/runs.csv", reason: "line 3: 2 fields for 19 columns"))
        #expect(damaged.kind == .failure && damaged.status == 1 && damaged.message.hasPrefix("Results/x/runs.csv"))
        let run = Problem(RunError("2 run(s) failed"))
        #expect(run.kind == .failure && run.message == "2 run(s) failed")
        // A Problem is kept as it is (not rendered twice).
        #expect(Problem(Problem(.input, "--weights: missing")).message == "--weights: missing")
        #expect(Problem(Problem(.input, "--weights: missing")).kind == .input)
    }
}
