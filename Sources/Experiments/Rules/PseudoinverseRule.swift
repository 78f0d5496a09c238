import Hopfield

/// The projection rule W = Xᵀ(X Xᵀ)⁻¹X (`ProjectionNetwork`).
public struct PseudoinverseRule: RuleDefinition {
    /// `pseudoinverse`.
    public static let name = "pseudoinverse"
    /// What the rule is.
    public static let summary =
        "The projection rule: W x = x for every stored pattern. With the zero "
        + "diagonal a pattern's field is (1 − W_ii) x_i, so it is a fixed point only where every W_ii < 1: runs warn when "
        + "some W_ii ≈ 1 or the patterns' rank is below P (600 digits: rank 534, 505 neurons with W_ii = 1, none recalled)."
    /// The storage rule and the update.
    public static let formula = "W = Xᵀ(X Xᵀ)⁻¹X (diagonal zeroed or kept); s_i ← sign(Σ_j W_ij s_j)"
    /// `diagonal`.
    public static let keys: [ConfigKey] = [
        key("diagonal", .choice(ProjectionNetwork.Diagonal.allCases.map(\.rawValue)), .string("zero"), "`zero` or `keep` W_ii")
    ]
    /// True: its fields have a known scale.
    public static let supportsTemperature = true

    /// Whether W_ii is zeroed or kept.
    public var diagonal = ProjectionNetwork.Diagonal.zero

    /// The rule with a zero diagonal.
    public init() {}
    /// The rule with the given diagonal.
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {
        diagonal = try keys.choice(Self.keys["diagonal"], as: ProjectionNetwork.Diagonal.self) ?? diagonal
    }

    /// `diagonal`.
    public var json: [(String, JSONValue)] { [("diagonal", .string(diagonal.rawValue))] }

    /// The projection and its diagonal.
    public var weightsConvention: String {
        "pseudo-inverse W = Xᵀ(XXᵀ)⁻¹X, diagonal \(diagonal == .zero ? "zeroed" : "kept"); dependent patterns skipped"
    }

    /// Every training image is more than the N independent patterns it stores at most.
    public func storingAllProblem(neurons: Int) -> String? {
        "\(Self.name) stores fewer than N = \(neurons) patterns (pseudo-inverse: at most N independent ones); use modern or dense"
    }

    /// The P×P Gram matrix and its factors, and the N×N matrix when the field vector form is used.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        let q = min(p, n)
        var total = NetworkFootprint.sum(
            NetworkFootprint.product(p, p, 12), NetworkFootprint.product(q, q, 16), NetworkFootprint.product(q, n, 24))
        if n <= BinaryNetworkBox.fieldVectorLimit && q * q >= 4 * n {
            total = NetworkFootprint.sum(total, NetworkFootprint.product(n, n, 16))
        }
        return NetworkFootprint.Part(bytes: total, largest: "the P×P Gram matrix")
    }

    /// The projection in its cheapest form, with what it cannot promise as warnings.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        let jobs = input.training.jobs
        let projection = ProjectionNetwork(memories: input.binary!, diagonal: diagonal, jobs: jobs)
        var built = StoredNetwork.Built(kind: .binary(BinaryNetworkBox(projection: projection, jobs: jobs)))
        built.warnings = projection.limitations
        return built
    }
}
