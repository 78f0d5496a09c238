import ArgumentParser
import Experiments
import Foundation

struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema of configs, generated from the config types (or the README's config reference).",
        discussion: """
            Configs/schema.json and the README's "Config reference" table are generated from the same key definitions \
            the config decoder uses. --write updates both in the current directory (the repository); --check exits 1 \
            when either differs from what is generated.
            """)

    @Flag(help: "Print the README's config reference table instead of the schema.")
    var readme = false

    @Flag(help: "Write Configs/schema.json and the table in README.md.")
    var write = false

    @Flag(help: "Exit 1 when Configs/schema.json or README.md differ from what is generated.")
    var check = false

    func run() throws {
        if !write && !check {
            print(readme ? ConfigSchema.readmeTable : ConfigSchema.text, terminator: "")
            return
        }
        let schemaPath = "Configs/schema.json", readmePath = "README.md"
        let currentSchema = (try? String(contentsOfFile: schemaPath, encoding: .utf8)) ?? ""
        let currentReadme = (try? String(contentsOfFile: readmePath, encoding: .utf8)) ?? ""
        guard let newReadme = ConfigSchema.updatingReadme(currentReadme) else {
            throw failure(Problem(.failure, "\(readmePath) has no config-reference markers (\(ConfigSchema.readmeMarkers.0))"))
        }
        if check {
            var stale: [String] = []
            if currentSchema != ConfigSchema.text { stale.append(schemaPath) }
            if currentReadme != newReadme { stale.append(readmePath) }
            if !stale.isEmpty {
                throw failure(
                    Problem(.failure, "\(stale.joined(separator: " and ")) differ from the config types; run `hopfield schema --write`"))
            }
            print("\(schemaPath) and \(readmePath) match the config types")
            return
        }
        try AtomicFile.write(ConfigSchema.text, to: schemaPath)
        try AtomicFile.write(newReadme, to: readmePath)
        print("wrote \(schemaPath) and the config reference in \(readmePath)")
    }
}
