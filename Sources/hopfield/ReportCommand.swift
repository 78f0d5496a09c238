import ArgumentParser
import Experiments
import Foundation
import Hopfield
import Imaging

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write RESULTS_DIR/report.html: config, manifest essentials, summary, plots and pictures in one self-contained page.")

    @Argument(help: "A results folder written by hopfield run (Results/<name>).")
    var results: String

    func run() throws {
        do { print(try Report.write(results: results)) } catch {
            throw failure(error)
        }
    }
}
