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
        let config = out.write(
            Array(
                """
                {"name": "cap", "task": "capacity", "capacity": {"neurons": 64, "patterns": [2, 4], "trials": 2}, "seeds": [1, 2, 3, 4, 5, 6]}
                """.utf8), to: "cap.json")
        let script =
            "'\(TestPaths.hopfieldExecutable)' run '\(config)' --output '\(out.path)' --jobs 1 2>&1 | head -1; echo \"status ${PIPESTATUS[0]}\""
        let result = try runProcess("/bin/bash", ["-c", script])
        #expect(result.stdout.hasSuffix("status 0\n"), "\(result.stdout) \(result.stderr)")
        let runs = try String(contentsOfFile: out.file("cap/runs.csv"), encoding: .utf8)
        #expect(runs.split(separator: "\n").count == 1 + 6 * 2, "every run's rows")
    }

    /// Row 9: `hopfield recall --beta` nan, inf, 0, −1, 1e400, `--size` 0 or 100000 trapped or
    /// aborted; `dataset export --threshold` nan or 300 wrote patterns of −1 only. Now each is
    /// refused with the config key's range, before anything is read or written.
    @Test func commandLineValuesHaveTheConfigRanges() throws {
        let out = ScratchFolder("cli-ranges")
        defer { out.remove() }
        let image = TestPaths.shared("digits/0/00000.png")
        let recall = ["recall", "--memories", image, "--input", image, "--rule", "modern", "--out", out.file("r")]
        for (option, value, message) in [
            ("--beta", "nan", "--beta: nan is not a finite number"), ("--beta", "inf", "--beta: inf is not a finite number"),
            ("--beta", "1e400", "--beta: inf is not a finite number"), ("--beta", "0", "--beta: must be positive"),
            ("--beta", "-1", "--beta: must be positive"), ("--size", "0", "--size: 0 is outside 2...256"),
            ("--size", "100000", "--size: 100000 is outside 2...256")
        ] {
            let result = try hopfield(recall + ["\(option)=\(value)"])
            #expect(result.status == 64, "\(option) \(value): \(result.status) \(result.stderr)")
            #expect(result.stderr.contains("Error: \(message)\n"), "\(option) \(value): \(result.stderr)")
        }
        for (value, message) in [("nan", "--threshold: nan is not a finite number"), ("300", "--threshold: 300.0 is outside 0...255")] {
            let result = try hopfield([
                "dataset", "export", TestPaths.shared("digits"), "--out", out.file("x"), "--binarize", "threshold", "--threshold", value
            ])
            #expect(result.status == 64 && result.stderr.contains("Error: \(message)\n"), "\(value): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.file("r")) && !FileManager.default.fileExists(atPath: out.file("x")))
    }
}
