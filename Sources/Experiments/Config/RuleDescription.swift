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
    public var defaults: [(name: String, value: String)] {
        let resolved = RuleParameters.defaults(of: name)
        return parameters.map { key in
            if let v = resolved[key] { return (key, v.compact) }
            return (key, ExperimentConfig.NetworkSection.keys[key].defaultDescription)
        }
    }
}
