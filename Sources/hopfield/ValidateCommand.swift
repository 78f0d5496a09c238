import ArgumentParser
import Experiments
import Foundation

struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check configs and list the runs each expands to (nothing is written).")

    @Argument(help: "Config files.")
    var configs: [String]

    @Option(name: .customLong("set"), help: "Override a config value: --set dataset.path=/data/cd (repeatable).")
    var overrides: [String] = []

    @Flag(help: "Also open the datasets and check splits and memory counts against the images (decodes them).")
    var data = false

    func run() throws {
        var failed = false
        for path in configs {
            do {
                let batch = try loadBatch(path, overrides: overrides)
                if data { _ = try preparePlan(batch) }
                print("\(path): ok, \(batch.runs.count) run(s) → Results/\(batch.folderName)/")
                for run in batch.runs { print("  \(run.key)") }
            } catch {
                failed = true
            }
        }
        if failed { throw ExitCode(2) }
    }
}
