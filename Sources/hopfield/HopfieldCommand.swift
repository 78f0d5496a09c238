import ArgumentParser
import Experiments

@main
struct HopfieldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hopfield",
        abstract: "Hopfield-network experiments on image folders: reproducible, fast, from one config file.",
        version: HopfieldLab.version,
        subcommands: [Run.self, Validate.self, ReportCommand.self, RecallCommand.self, MergeCommand.self, SlurmCommand.self, DatasetCommand.self,
                      RulesCommand.self, SchemaCommand.self]
    )
}
