@testable import Experiments

extension RunOptions {
    /// Options of a test run: results under `output`, two threads, the pattern cache `cache`
    /// (none by default, so a test decodes what it checks).
    static func test(output: String, cache: PatternCache? = nil) -> RunOptions {
        var options = RunOptions()
        options.output = output
        options.jobs = 2
        options.cache = cache
        return options
    }
}

/// Prepares and runs `batch` with `options`.
func execute(_ batch: Batch, _ options: RunOptions) throws -> RunReport {
    try ExperimentRunner.execute(try ExperimentRunner.prepare(batch, options: options), options: options)
}
