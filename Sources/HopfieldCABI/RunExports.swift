import Experiments
import Foundation
import Hopfield

/// `hopfield run` for one config, in process: the config file with `overrides` applied as
/// `--set` does (a JSON array of "key=value" texts, each value read as JSON when it parses, else
/// as a string), prepared and executed by the runner with the CLI's options: the results root
/// `output`, `jobs` threads, `resume`, `force`, `report` (report.html), and the pattern `cache`
/// folder ("" for the default one, null for none). `*report` receives a malloc'd JSON object:
/// the results folder, the runs computed and skipped, the dataset lines and skipped files, and
/// whether every run is complete (then runs.csv and summary.csv are written).
@_cdecl("hopfieldlab_run")
public func hopfieldlab_run(
    _ config: UnsafePointer<CChar>?, _ overrides: UnsafePointer<CChar>?, _ output: UnsafePointer<CChar>?,
    _ jobs: Int, _ resume: Bool, _ force: Bool, _ report: Bool, _ cache: UnsafePointer<CChar>?,
    _ result: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ err: ErrorOut
) -> Int32 {
    guarded(err) {
        guard let result else { throw ABIError("report: null pointer") }
        guard jobs >= 1 else { throw ABIError("jobs must be at least 1") }
        if resume && force { throw ABIError("resume and force do not go together") }
        var parsed: [(String, JSONValue)] = []
        guard case .array(let texts) = try json(overrides, "overrides") else {
            throw ABIError("overrides: expected a JSON array of \"key=value\" texts")
        }
        for item in texts {
            guard case .string(let text) = item else { throw ABIError("overrides: expected \"key=value\" texts, found \(item.compact)") }
            parsed.append(try Batch.parseOverride(text))
        }
        let batch = try Batch.load(file: try text(config, "config"), overrides: parsed)
        var options = RunOptions()
        options.output = try text(output, "output")
        options.jobs = jobs
        options.resume = resume
        options.force = force
        options.report = report
        options.cache = cache.map { String(cString: $0) }.map { PatternCache(folder: $0.isEmpty ? PatternCache.defaultFolder : $0) }
        let plan = try ExperimentRunner.prepare(batch, options: options)
        let done = try ExperimentRunner.execute(plan, options: options)
        let value = JSONValue.object([
            ("name", .string(batch.name)), ("root", .string(done.root)), ("complete", .bool(done.results != nil)),
            ("ran", .array(done.ran.map { .string($0) })), ("skipped", .array(done.skipped.map { .string($0) })),
            ("datasets", .array(plan.datasets.map { .string($0) })), ("warnings", .array(done.warnings.map { .string($0) }))
        ])
        result.pointee = cString(value.compact)
    }
}
