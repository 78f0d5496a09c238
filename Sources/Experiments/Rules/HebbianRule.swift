import Hopfield

/// Hebbian storage (notebooks 000-002): W = Σ_μ x^μ x^μᵀ with a zero diagonal, kept as exact
/// integers (`HebbianNetwork`, or a `FieldVectorNetwork` when that is cheaper).
public struct HebbianRule: RuleDefinition {
    /// `hebbian`.
    public static let name = "hebbian"
    /// What the rule is.
    public static let summary = "Hebbian storage (notebooks 000-002), exact integers, zero diagonal."
    /// The storage rule and the update.
    public static let formula = "W = Σ_μ x^μ x^μᵀ, W_ii = 0; s_i ← sign(Σ_j W_ij s_j)"
    /// None: the rule has no parameters.
    public static let keys: [ConfigKey] = []
    /// True: its fields have a known scale.
    public static let supportsTemperature = true

    /// The rule.
    public init() {}
    /// The rule (it reads no key).
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {}

    /// None.
    public var json: [(String, JSONValue)] { [] }

    /// The couplings, exact.
    public var weightsConvention: String {
        "Hebbian W = Σ x xᵀ, zero diagonal, exact integers (the notebooks' 1/P or 1/N factor dropped: it changes no sign)"
    }

    /// Every training image is far beyond the rule's capacity.
    public func storingAllProblem(neurons: Int) -> String? {
        "the Hebbian rule retrieves at most about 0.138·N random patterns (N = \(neurons)), and correlated images far fewer; use modern or dense"
    }

    /// An N×N coupling matrix when the field vector form is used, else the mask tables.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        if 4 * min(p, n) >= n && n <= BinaryNetworkBox.fieldVectorLimit {
            return NetworkFootprint.Part(bytes: NetworkFootprint.product(n, n, 16), largest: "an N×N coupling matrix")
        }
        return NetworkFootprint.Part(
            bytes: NetworkFootprint.sum(NetworkFootprint.product(n, p / 4 + 1, 16), NetworkFootprint.product(p, n, 4)),
            largest: "the N×P Hebbian mask tables")
    }

    /// N: the couplings are the unnormalised XᵀX.
    public func energyDivisor(neurons: Int) -> Double { Double(neurons) }

    /// The Hebbian network in its cheapest form (`BinaryNetworkBox`).
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        StoredNetwork.Built(kind: .binary(BinaryNetworkBox(rule: .hebbian, memories: input.binary!, jobs: input.training.jobs)))
    }
}
