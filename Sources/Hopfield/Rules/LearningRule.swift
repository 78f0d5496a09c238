/// How the stored patterns become couplings.
public enum LearningRule: Sendable, Equatable, Hashable {
    /// W = Σ_μ x^μ x^μᵀ, zero diagonal, exact integers (`HebbianNetwork`).
    case hebbian
    /// Storkey (1997) incremental rule (`MatrixNetwork.storkey`).
    case storkey
    /// Projection rule W = Xᵀ(X Xᵀ)⁻¹X (`ProjectionNetwork`).
    case pseudoinverse(ProjectionNetwork.Diagonal)
    /// Dense associative memory with interaction F (`DenseAssociativeNetwork`).
    case dense(DenseAssociativeNetwork.Interaction)
    /// The continuous modern Hopfield network with inverse temperature β (`ModernNetwork`).
    case modern(beta: Double)
    /// Couplings learned by one perceptron per neuron (`PerceptronNetwork`).
    case perceptron(PerceptronNetwork.Options)
    /// A restricted Boltzmann machine trained with CD-k (`RBMNetwork`).
    case rbm(RBMNetwork.Options)
    /// An RBM whose hidden units are the memories, Hebbian couplings (`HebbianRBM`).
    case hebbianRBM(HebbianRBM.Activation)
    /// A shared local kernel trained with the perceptron rule (`ConvolutionNetwork`).
    case conv(ConvolutionNetwork.Options)
    /// Krotov and Hopfield's trained dense associative memory classifier (`DenseClassifier`):
    /// memories over pixels and class neurons, the class read after one update (classify only).
    case dam(DenseClassifier.Options)

    /// The rule's name in configs, run keys and reports (`hebbian`, `pseudoinverse`, `hebbian-rbm`,
    /// ...); parameters are not part of it.
    public var name: String {
        switch self {
        case .hebbian: return "hebbian"
        case .storkey: return "storkey"
        case .pseudoinverse: return "pseudoinverse"
        case .dense: return "dense"
        case .modern: return "modern"
        case .perceptron: return "perceptron"
        case .rbm: return "rbm"
        case .hebbianRBM: return "hebbian-rbm"
        case .conv: return "conv"
        case .dam: return "dam"
        }
    }

    /// Rules whose parameters are learned from the training patterns.
    public var isTrained: Bool {
        switch self {
        case .perceptron, .rbm, .conv, .dam: return true
        default: return false
        }
    }

    /// False for the rules that update every unit at once through a layer (modern, rbm,
    /// hebbian-rbm): `Dynamics.mode` and `tie` do not apply to them.
    public var usesUpdateOrder: Bool {
        switch self {
        case .modern, .rbm, .hebbianRBM, .dam: return false
        default: return true
        }
    }

    /// True for the modern network, whose states are real vectors.
    public var isContinuous: Bool {
        if case .modern = self { return true }
        return false
    }

    /// Rules that take gray levels as well as ±1 patterns (`image.binarize: "none"`): modern, dam.
    public var acceptsGrayLevels: Bool {
        switch self {
        case .modern, .dam: return true
        default: return false
        }
    }
}
