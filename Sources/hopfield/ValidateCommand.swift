import ArgumentParser
import Experiments
import Foundation
import Imaging

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
            // `hopfield validate Configs/*.json` meets the schema beside the configs: named, not an error.
            if let bytes = try? FileBytes.read(path, limit: 64 << 20),
                let root = try? JSONParser.parse(String(decoding: bytes, as: UTF8.self)),
                Batch.isSchema(root)
            {
                print("\(path): the JSON Schema of configs, not a config (skipped)")
                continue
            }
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
