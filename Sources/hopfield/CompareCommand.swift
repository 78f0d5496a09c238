import ArgumentParser
import Experiments
import Foundation

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract:
            "One table of several results folders' grid points: the config values that differ, and the metrics with 95% intervals; McNemar's test between runs on the same test images."
    )

    @Argument(help: "Results folders written by hopfield run (two or more).")
    var results: [String]

    @Option(help: "Also write the table as CSV to this file (and the paired tests beside it, as <name>-paired.csv).")
    var csv: String?

    @Option(help: "Also write the comparison as a self-contained HTML page to this file.")
    var html: String?

    func validate() throws {
        guard results.count >= 2 else { throw ValidationError("compare needs two or more results folders") }
    }

    func run() throws {
        do {
            let comparison = try Comparison(folders: results)
            var table = TextTable(header: comparison.header)
            for row in comparison.rows { table.append(row) }
            print(table.text)
            if !comparison.paired.isEmpty {
                print("\nMcNemar's exact test, runs on the same test images:")
                var paired = TextTable(header: PairedTest.header)
                for row in comparison.paired { paired.append(row) }
                print(paired.text)
            }
            if let csv {
                try AtomicFile.write(comparison.csv, to: csv)
                if !comparison.paired.isEmpty {
                    let url = URL(fileURLWithPath: csv)
                    let name = url.deletingPathExtension().lastPathComponent + "-paired.csv"
                    try AtomicFile.write(comparison.pairedCSV, to: url.deletingLastPathComponent().appendingPathComponent(name).path)
                }
                print(csv)
            }
            if let html {
                try AtomicFile.write(comparison.html, to: html)
                print(html)
            }
        } catch {
            throw failure(error)
        }
    }
}
