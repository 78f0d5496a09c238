import Foundation
import Hopfield

/// Storkey's (1997) incremental rule, run from its field vector (`MatrixNetwork.storkey(_:jobs:)`).
public struct StorkeyRule: RuleDefinition {
    /// `storkey`.
    public static let name = "storkey"
    /// What the rule is.
    public static let summary = "Storkey's (1997) incremental rule: higher capacity than Hebbian, still local."
    /// The storage rule and the update.
    public static let formula =
        "W_ij += (1/N)(x_i x_j − x_i h_ji − h_ij x_j), pattern by pattern, with the local field "
        + "h_ij = Σ_{k≠i,j} W_ik x_k of the pattern x being stored (W before it); s_i ← sign(Σ_j W_ij s_j)"
    /// None: the rule has no parameters.
    public static let keys: [ConfigKey] = []
    /// True: its fields have a known scale.
    public static let supportsTemperature = true
    /// The N×N matrix is built in O(N²·P) time: N ≤ 8192 (a 512 MiB matrix) is the limit a
    /// config and the Python package both apply, whatever the machine.
    public static let neuronLimit = 8192

    /// The rule.
    public init() {}
    /// The rule (it reads no key).
    public init(_ keys: inout NetworkKeys) throws(ConfigError) {}

    /// None.
    public var json: [(String, JSONValue)] { [] }

    /// The rule by name.
    public var weightsConvention: String { "Storkey (1997) incremental rule, zero diagonal" }

    /// Every training image is beyond the rule's capacity.
    public func storingAllProblem(neurons n: Int) -> String? {
        let capacity = Int(Double(n) / (2 * log(Double(n))).squareRoot())
        return
            "Storkey's rule retrieves at most about N/√(2 ln N) random patterns (\(capacity) for N = \(n)), and correlated images fewer; use modern or dense"
    }

    /// N above ``neuronLimit``.
    public func sizeLimit(neurons n: Int) -> String? {
        guard n > Self.neuronLimit else { return nil }
        let bytes = NetworkFootprint.mebibytes(NetworkFootprint.product(n, n, 8))
        return "storkey builds an N×N matrix: N = \(n) needs \(bytes) MiB; use N ≤ \(Self.neuronLimit)"
    }

    /// Three N×N matrices while it is built.
    public func footprint(neurons n: Int, memories p: Int) -> NetworkFootprint.Part {
        NetworkFootprint.Part(bytes: NetworkFootprint.product(n, n, 24), largest: "an N×N matrix")
    }

    /// The matrix, run as a field vector network.
    public func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built {
        StoredNetwork.Built(kind: .binary(BinaryNetworkBox(rule: .storkey, memories: input.binary!, jobs: input.training.jobs)))
    }
}
