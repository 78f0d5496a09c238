import ArgumentParser
import Experiments

struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List every learning rule with its formula, its parameters and their defaults (network.rule and its keys).")

    @Argument(help: "Only these rules.")
    var names: [String] = []

    func validate() throws {
        for name in names where RuleCatalog.rule(name) == nil {
            throw ValidationError("no rule '\(name)' (rules: \(RuleCatalog.rules.map(\.name).joined(separator: ", ")))")
        }
    }

    func run() {
        let rules = names.isEmpty ? RuleCatalog.rules : names.compactMap(RuleCatalog.rule)
        for (k, rule) in rules.enumerated() {
            if k > 0 { print("") }
            print("\(rule.name): \(rule.summary)")
            print("  \(rule.formula)")
            for (name, value) in rule.defaults {
                let key = ExperimentConfig.NetworkSection.keys.first { $0.name == name }
                print("  network.\(name) = \(value)" + (key.map { "  (\(ConfigSchema.plain($0.summary)))" } ?? ""))
            }
        }
    }
}
