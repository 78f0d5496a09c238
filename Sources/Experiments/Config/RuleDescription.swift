import Hopfield

/// A learning rule as configs name it: what it computes and which `network` keys it reads.
public struct RuleDescription: Sendable {
    /// The value of `network.rule`.
    public let name: String
    /// What the rule is, in a sentence.
    public let summary: String
    /// The storage or training rule and the update, as formulas.
    public let formula: String
    /// The `network` keys the rule reads (besides `rule`).
    public let parameters: [String]
    /// Each parameter with this rule's default ("—" when it has none, as `load`).
    public let defaults: [(name: String, value: String)]

    /// The description of `rule`'s type.
    init(_ rule: any RuleDefinition) {
        let type = rule.definition
        name = type.name
        summary = type.summary
        formula = type.formula
        parameters = type.parameters
        defaults =
            type.keys.map { ($0.name, $0.defaultDescription) }
            + type.sectionKeys.map { ($0, ExperimentConfig.NetworkSection.keys[$0].defaultDescription) }
    }
}
