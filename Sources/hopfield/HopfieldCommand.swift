import ArgumentParser
import Experiments
import Imaging

@main
struct HopfieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hopfield",
        abstract: "Hopfield-network experiments on image folders: reproducible, fast, from one config file.",
        version: HopfieldLab.version,
        subcommands: [
            Run.self, Validate.self, ReportCommand.self, RecallCommand.self, MergeCommand.self, SlurmCommand.self, DatasetCommand.self,
            RulesCommand.self, SchemaCommand.self, CompareCommand.self
        ]
    )

    /// Tunes the allocator for decoding many images (``Allocator``), ignores SIGPIPE (a closed
    /// output pipe never stops a batch: ``StandardError``), then runs the command.
    static func main() {
        Allocator.keepFreedBuffers()
        StandardError.ignoreBrokenPipes()
        Self.main(nil)
    }
}
