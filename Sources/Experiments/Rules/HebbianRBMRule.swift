import Hopfield

/// An RBM whose hidden units are the memories, W = Xᵀ (`HebbianRBM`).
public struct HebbianRBMRule: RuleDefinition {
    /// `hebbian-rbm`.
    public static let name = "hebbian-rbm"
    /// What the rule is.
    public static let summary = "An RBM whose hidden units are the memories (W = Xᵀ)."
    /// The update.
    public static let formula = "v ← sign(Xᵀ g(X v)), g = identity (= synchronous Hebbian) or softmax(β·)"
    /// `activation`, and `beta` for the softmax.
    public static let keys: [ConfigKey] = [
        key("activation", .choice(["linear", "softmax"]), .string("linear"), "the hidden units' activation: `linear` or `softmax`"),
        key("beta", .positive, .double(ModernRule.defaultBeta), "the inverse temperature β, with activation softmax")
    ]
    /// Every visible unit at once.
    public static let usesUpdateOrder = false

    /// g.
    public var activation = HebbianRBM.Activation.linear

    /// The linear rule.
    public init() {}
    /// The rule with the given activation; β is refused without the softmax.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        let softmax = try keys.choice(Self.keys["activation"]) == "softmax"
        let beta = try keys.number(Self.keys["beta"])
        if beta != nil && !softmax { throw ConfigError(path: "network.beta", "is only used with \"activation\": \"softmax\"") }
        if softmax { activation = .softmax(beta: beta ?? ModernRule.defaultBeta) }
    }

    /// `activation`, and `beta` for the softmax.
    public var json: [(String, JSONValue)] {
        switch activation {
        case .linear: return [("activation", .string("linear"))]
        case .softmax(let beta): return [("activation", .string("softmax")), ("beta", .double(beta))]
        }
    }

    /// The memories as hidden units.
    public var weightsConvention: String {
        "RBM with the memories as hidden units (W = Xᵀ), hidden activation \(activation == .linear ? "linear" : "softmax")"
    }

    /// Every visible unit at once through the memories.
    public func updateConvention(_ mode: UpdateMode) -> String {
        "all visible units at once through the memories (v ← sign(Xᵀ g(Xv)), g = \(activation == .linear ? "identity" : "softmax(β·)"))"
    }

    /// N with the linear activation (the Hebbian network's scale), else 1.
    public func energyDivisor(neurons: Int) -> Double { activation == .linear ? Double(neurons) : 1 }

    /// The network.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        StoredNetwork.Built(kind: .hebbianRBM(HebbianRBM(memories: input.binary!, activation: activation)))
    }
}
