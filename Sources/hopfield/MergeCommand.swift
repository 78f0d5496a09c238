import ArgumentParser
import Experiments
import Foundation

struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Rebuild runs.csv, summary.csv and report.html of a batch run as shards; name missing runs and their shards.")

    @Argument(help: "The results folder (Results/<name>).")
    var results: String

    @Flag(help: "Do not write report.html.")
    var noReport = false

    func run() throws {
        do {
            let merged = try Merge.run(results, report: !noReport)
            print("\(results): merged")
            print(resultsTable(merged))
        } catch {
            throw failure(error)
        }
    }
}
