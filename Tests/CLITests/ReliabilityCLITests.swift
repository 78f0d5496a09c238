import Foundation
import TestSupport
import Testing

/// Issue 23: no input and no closed pipe kills the process.
@Suite(.serialized) struct ReliabilityCLITests {
    /// Row 11: `hopfield run cfg 2>&1 | head -1` was killed by SIGPIPE after the first run, before
    /// runs.csv. Now the batch finishes, exits 0 and writes its results.
    @Test func aClosedOutputPipeNeverStopsABatch() throws {
        let out = ScratchFolder("sigpipe")
        defer { out.remove() }
        let config = out.write(Array("""
            {"name": "cap", "task": "capacity", "capacity": {"neurons": 64, "patterns": [2, 4], "trials": 2}, "seeds": [1, 2, 3, 4, 5, 6]}
            """.utf8), to: "cap.json")
        let script = "'\(TestPaths.hopfieldExecutable)' run '\(config)' --output '\(out.path)' --jobs 1 2>&1 | head -1; echo \"status ${PIPESTATUS[0]}\""
        let result = try runProcess("/bin/bash", ["-c", script])
        #expect(result.stdout.hasSuffix("status 0\n"), "\(result.stdout) \(result.stderr)")
        let runs = try String(contentsOfFile: out.file("cap/runs.csv"), encoding: .utf8)
        #expect(runs.split(separator: "\n").count == 1 + 6 * 2, "every run's rows")
    }
}
