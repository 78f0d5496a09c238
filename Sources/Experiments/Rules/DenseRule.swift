import Hopfield

/// Krotov and Hopfield's (2016) dense associative memory (`DenseAssociativeNetwork`).
public struct DenseRule: RuleDefinition {
    /// `dense`.
    public static let name = "dense"
    /// What the rule is.
    public static let summary = "Dense associative memory (Krotov and Hopfield 2016): higher-order interactions."
    /// The energy and the update.
    public static let formula = "E = −Σ_μ F(x^μ·s), F(x) = xⁿ, max(x, 0)ⁿ or eˣ; s_i takes the value of lower energy"
    /// `interaction` and `degree`.
    public static let keys: [ConfigKey] = [
        key("interaction", .choice(["polynomial", "rectified", "exponential"]), .string("polynomial"), "F(x) = xⁿ, max(x, 0)ⁿ or eˣ"),
        key("degree", .integer(2...30), .int(defaultDegree), "n of the polynomial interactions")
    ]
    /// It stores every training image.
    public static let storesAll = true
    /// The cubic energy F(x) = x³ of Krotov and Hopfield's first examples.
    public static let defaultDegree = 3

    /// F.
    public var interaction = DenseAssociativeNetwork.Interaction.polynomial(DenseRule.defaultDegree)

    /// The rule with the cubic interaction.
    public init() {}
    /// The rule with the interaction F.
    public init(interaction: DenseAssociativeNetwork.Interaction) { self.interaction = interaction }
    /// The rule with the given interaction; a degree is refused with the exponential one.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        let kind = try keys.choice(Self.keys["interaction"])
        let degree = try keys.int(Self.keys["degree"])
        switch kind {
        case "exponential":
            if degree != nil { throw ConfigError(path: "network.degree", "is not used by the exponential interaction") }
            interaction = .exponential
        case "rectified": interaction = .rectified(degree ?? Self.defaultDegree)
        default: interaction = .polynomial(degree ?? Self.defaultDegree)
        }
    }

    /// `interaction`, and `degree` for the polynomial ones.
    public var json: [(String, JSONValue)] {
        switch interaction {
        case .polynomial(let n): return [("interaction", .string("polynomial")), ("degree", .int(n))]
        case .rectified(let n): return [("interaction", .string("rectified")), ("degree", .int(n))]
        case .exponential: return [("interaction", .string("exponential"))]
        }
    }

    /// The energy.
    public var weightsConvention: String { "dense associative memory, E = −Σ F(x·s), F = \(interaction)" }

    /// The network.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        StoredNetwork.Built(kind: .binary(.dense(DenseAssociativeNetwork(memories: input.binary!, interaction: interaction))))
    }
}
