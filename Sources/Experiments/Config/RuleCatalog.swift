import Hopfield

/// Every rule a config can name: the source of `network.rule`'s choices, of the "is only used
/// by" checks, of the schema's descriptions and of `hopfield rules`.
public enum RuleCatalog {
    /// The rules in the order they are documented.
    public static let rules: [RuleDescription] = [
        RuleDescription(
            name: "hebbian", summary: "Hebbian storage (notebooks 000-002), exact integers, zero diagonal.",
            formula: "W = Σ_μ x^μ x^μᵀ, W_ii = 0; s_i ← sign(Σ_j W_ij s_j)", parameters: []),
        RuleDescription(
            name: "storkey", summary: "Storkey's (1997) incremental rule: higher capacity than Hebbian, still local.",
            formula: "W_ij += (1/N)(x_i x_j − x_i h_ji − h_ij x_j), pattern by pattern, with the local field "
                + "h_ij = Σ_{k≠i,j} W_ik x_k of the pattern x being stored (W before it); s_i ← sign(Σ_j W_ij s_j)",
            parameters: []),
        RuleDescription(
            name: "pseudoinverse",
            summary: "The projection rule: W x = x for every stored pattern. With the zero "
                + "diagonal a pattern's field is (1 − W_ii) x_i, so it is a fixed point only where every W_ii < 1: runs warn when "
                + "some W_ii ≈ 1 or the patterns' rank is below P (600 digits: rank 534, 505 neurons with W_ii = 1, none recalled).",
            formula: "W = Xᵀ(X Xᵀ)⁻¹X (diagonal zeroed or kept); s_i ← sign(Σ_j W_ij s_j)", parameters: ["diagonal"]),
        RuleDescription(
            name: "dense", summary: "Dense associative memory (Krotov and Hopfield 2016): higher-order interactions.",
            formula: "E = −Σ_μ F(x^μ·s), F(x) = xⁿ, max(x, 0)ⁿ or eˣ; s_i takes the value of lower energy",
            parameters: ["interaction", "degree"]),
        RuleDescription(
            name: "modern", summary: "The continuous modern Hopfield network (Ramsauer et al. 2020), notebook 001.",
            formula: "s ← Xᵀ softmax(β X s); E = −lse(β, X s) + ½ sᵀs + const", parameters: ["beta", "tolerance", "readout"]),
        RuleDescription(
            name: "perceptron", summary: "One perceptron per neuron (Gardner 1988), trained until every pattern is stable.",
            formula: "x_i^μ (Σ_j W_ij x_j^μ + b_i) ≥ κ ‖(W_i·, b_i)‖ for every μ, i; asymmetric W",
            parameters: ["margin", "maxEpochs", "load"]),
        RuleDescription(
            name: "rbm", summary: "A restricted Boltzmann machine with ±1 units trained by contrastive divergence (notebook 003).",
            formula: "p(v, h) ∝ exp(vᵀW h + aᵀv + bᵀh), CD-k; v ← sign(W tanh(Wᵀv + b) + a)",
            parameters: ["hidden", "epochs", "learningRate", "batchSize", "cdSteps", "recall", "samplingSteps", "load"]),
        RuleDescription(
            name: "hebbian-rbm", summary: "An RBM whose hidden units are the memories (W = Xᵀ).",
            formula: "v ← sign(Xᵀ g(X v)), g = identity (= synchronous Hebbian) or softmax(β·)",
            parameters: ["activation", "beta"]),
        RuleDescription(
            name: "conv", summary: "One shared k×k kernel and bias for every pixel, trained by the pocket perceptron rule.",
            formula: "h_i = Σ_{d ≠ 0} K_d s_{i+d} + b; pocket perceptron on every neighbourhood",
            parameters: ["kernel", "margin", "maxEpochs", "load"]),
        RuleDescription(
            name: "dam",
            summary: "Krotov and Hopfield's (2016) dense associative memory classifier, trained by gradient descent (classify only).",
            formula:
                "K memories over pixels + class neurons; class = argmax_α Σ_μ F((ξ^μ·off + 2ξ^μ_α)/T) − F(ξ^μ·off/T), F(x) = max(x, 0)ⁿ",
            parameters: [
                "hidden", "degree", "lossPower", "temperature", "epochs", "batchSize", "learningRate", "decay", "momentum",
                "initialSpread", "load"
            ])
    ]

    /// The rules that read a `network` key, in catalogue order.
    public static func owners(of key: String) -> [String] {
        rules.filter { $0.parameters.contains(key) }.map(\.name)
    }

    /// The rule named `name`.
    public static func rule(_ name: String) -> RuleDescription? { rules.first { $0.name == name } }
}

extension RuleParameters {
    /// The parameters of a rule at their defaults, as its resolved `network` section writes them.
    static func defaults(of name: String) -> [String: JSONValue] {
        guard let empty = try? RuleParameters([:]) else { return [:] }
        var section = ExperimentConfig.NetworkSection()
        section.rule = empty.rule(named: name)
        guard case .object(let pairs) = section.json else { return [:] }
        return Dictionary(pairs.dropFirst().map { ($0.0, $0.1) }, uniquingKeysWith: { a, _ in a })
    }
}
