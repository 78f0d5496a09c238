import Hopfield

/// Every rule a config can name, as documentation: `hopfield rules`, the schema's descriptions
/// and the C ABI's list read it. It is made from ``Rules/all``.
public enum RuleCatalog {
    /// The rules in the order they are documented.
    public static let rules: [RuleDescription] = Rules.all.map(RuleDescription.init)

    /// The rules that read a `network` key, in catalogue order.
    public static func owners(of key: String) -> [String] { Rules.owners(of: key) }

    /// The rule named `name`.
    public static func rule(_ name: String) -> RuleDescription? { rules.first { $0.name == name } }
}
