import Hopfield

/// The continuous modern Hopfield network (Ramsauer et al. 2020, notebook 001; `ModernNetwork`).
public struct ModernRule: RuleDefinition {
    /// `modern`.
    public static let name = "modern"
    /// What the rule is.
    public static let summary = "The continuous modern Hopfield network (Ramsauer et al. 2020), notebook 001."
    /// The update and the energy.
    public static let formula = "s ← Xᵀ softmax(β X s); E = −lse(β, X s) + ½ sᵀs + const"
    /// `beta`.
    public static let keys: [ConfigKey] = [key("beta", .positive, .double(defaultBeta), "the inverse temperature β")]
    /// Its equality tolerance and its classify read-out.
    public static let sectionKeys = ["tolerance", "readout"]
    /// Every unit at once.
    public static let usesUpdateOrder = false
    /// Real-valued states.
    public static let isContinuous = true
    /// Gray levels as well as ±1 patterns.
    public static let acceptsGrayLevels = true
    /// It stores every training image.
    public static let storesAll = true
    /// β = 1: with ±1 patterns X·s is of order N, so β = 1 already picks the nearest memory in one
    /// update (notebook 001's experiments vary it).
    public static let defaultBeta = 1.0

    /// β.
    public var beta = ModernRule.defaultBeta

    /// The rule at β = 1.
    public init() {}
    /// The rule at the given β.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) { beta = try keys.number(Self.keys["beta"]) ?? beta }
    /// The rule at β = `beta`.
    public init(beta: Double) { self.beta = beta }

    /// `beta`.
    public var json: [(String, JSONValue)] { [("beta", .double(beta))] }

    /// The network and β.
    public var weightsConvention: String { "modern Hopfield (Ramsauer et al. 2020), β = \(Format.exact(beta))" }

    /// Every unit at once.
    public func updateConvention(_ mode: UpdateMode) -> String { "all neurons at once (s ← Xᵀ softmax(βXs))" }

    /// The P×P Gram matrix when P is small enough to keep it.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        NetworkFootprint.Part(bytes: p <= ModernNetwork.gramLimit ? NetworkFootprint.product(p, p, 4) : 0)
    }

    /// The network over ±1 or real memories.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        let network = input.binary.map { ModernNetwork(binary: $0, beta: beta) } ?? ModernNetwork(memories: input.continuous!, beta: beta)
        return StoredNetwork.Built(kind: .continuous(network, tolerance: input.tolerance))
    }
}
