import Hopfield

/// A learning rule as one type: its name and documentation, its `network` keys with their
/// defaults, how it reads them, how it stores (or trains on) patterns, what it refuses and what
/// it takes in memory. A value of the type is the rule with its parameters.
///
/// Every list of rules (``Rules/all``: `network.rule`'s choices, the schema and README, `hopfield
/// rules`, `hopfield recall --rule`, the C ABI) reads the registry, so adding a rule is one file
/// conforming to this protocol plus its entry in ``Rules/all``.
public protocol RuleDefinition: Sendable {
    /// The value of `network.rule` (also in run keys and reports).
    static var name: String { get }
    /// What the rule is, in a sentence.
    static var summary: String { get }
    /// The storage or training rule and the update, as formulas.
    static var formula: String { get }
    /// The rule's own `network` keys with this rule's defaults, in the order they are documented.
    /// Several rules may declare the same key (the same kind, their own defaults and meanings).
    static var keys: [ConfigKey] { get }
    /// Keys of the network section itself that the rule reads (`tolerance`, `readout`, `load`).
    static var sectionKeys: [String] { get }
    /// Whether the rule's parameters are learned from the training patterns.
    static var isTrained: Bool { get }
    /// False for the rules that update every unit at once through a layer: `dynamics.mode` and
    /// `tie` do not apply to them.
    static var usesUpdateOrder: Bool { get }
    /// True for a network whose states are real vectors.
    static var isContinuous: Bool { get }
    /// Whether the rule takes gray levels as well as ±1 patterns (`image.binarize: "none"`).
    static var acceptsGrayLevels: Bool { get }
    /// Whether `memories.count: "all"` (every training image) is a sensible amount to store.
    static var storesAll: Bool { get }
    /// A classifier with no stored-pattern network (dam): the classify task only.
    static var isClassifier: Bool { get }
    /// Whether Glauber dynamics (`dynamics.temperature` > 0) are defined for its fields.
    static var supportsTemperature: Bool { get }

    /// The rule with every parameter at its default.
    init()
    /// The rule with the parameters given in a `network` section (the others at their defaults),
    /// checked: only keys in ``keys`` are present.
    init(_ keys: inout NetworkKeys) throws(ConfigError)
    /// The parameters as a resolved config writes them, after `rule` (section keys excluded).
    var json: [(String, JSONValue)] { get }
    /// The manifest's `weights` convention: how the couplings are made.
    var weightsConvention: String { get }
    /// The manifest's `updateOrder` convention for the update mode `mode`.
    func updateConvention(_ mode: UpdateMode) -> String

    /// Refuses a config the rule cannot run (checks that need the whole config), after the
    /// section checks; the default refuses `memories.count: "all"` with ``storingAllProblem(neurons:)``.
    func check(_ config: ExperimentConfig) throws(ConfigError)
    /// Why `memories.count: "all"` (every training image, N = `neurons`) is refused, or nil; the
    /// default: nil when the rule ``storesAll``, else that only those rules store that many.
    func storingAllProblem(neurons: Int) -> String?
    /// Why N = `neurons` is too large on any machine, or nil.
    func sizeLimit(neurons: Int) -> String?
    /// The bytes of the rule's own structures beyond the memories, and their description when
    /// one dominates (see `NetworkFootprint`).
    func footprint(neurons: Int, memories: Int) -> NetworkFootprint.Part
    /// The network a run of `config` builds, as far as the config says: N, P and the key that sets
    /// what dominates it; nil when P depends on the data.
    func estimatedSize(_ config: ExperimentConfig) -> (neurons: Int, memories: Int, key: String)?
    /// What the rule's energy is divided by to be reported (see `StoredNetwork.energyDivisor`).
    func energyDivisor(neurons: Int) -> Double
    /// The .npy files the trained rule saves and `network.load` reads back.
    func savedFiles(neurons: Int) -> [StoredNetwork.SavedFile]
    /// Checks the saved parameters in `folder` before a batch starts (`classes`: the dataset's,
    /// when it is loaded).
    func checkSaved(folder: String, neurons: Int, classes: Int?) throws
    /// Stores (or trains on, or loads) the memories.
    func build(_ input: StoredNetwork.Input) throws -> StoredNetwork.Built
}

extension RuleDefinition {
    /// None.
    public static var sectionKeys: [String] { [] }
    /// False.
    public static var isTrained: Bool { false }
    /// True.
    public static var usesUpdateOrder: Bool { true }
    /// False.
    public static var isContinuous: Bool { false }
    /// False.
    public static var acceptsGrayLevels: Bool { false }
    /// False.
    public static var storesAll: Bool { false }
    /// False.
    public static var isClassifier: Bool { false }
    /// False.
    public static var supportsTemperature: Bool { false }

    /// The `network` keys the rule reads besides `rule`: its own, then the section's.
    public static var parameters: [String] { keys.map(\.name) + sectionKeys }

    /// ``name`` of the value's type.
    public var name: String { Self.name }
    /// ``isTrained`` of the value's type.
    public var isTrained: Bool { Self.isTrained }
    /// ``usesUpdateOrder`` of the value's type.
    public var usesUpdateOrder: Bool { Self.usesUpdateOrder }
    /// ``isContinuous`` of the value's type.
    public var isContinuous: Bool { Self.isContinuous }
    /// ``acceptsGrayLevels`` of the value's type.
    public var acceptsGrayLevels: Bool { Self.acceptsGrayLevels }
    /// ``isClassifier`` of the value's type.
    public var isClassifier: Bool { Self.isClassifier }
    /// ``supportsTemperature`` of the value's type.
    public var supportsTemperature: Bool { Self.supportsTemperature }
    /// The type of the value, for its static members.
    public var definition: any RuleDefinition.Type { Self.self }

    /// The update order of `mode`.
    public func updateConvention(_ mode: UpdateMode) -> String { Conventions.order(mode) }

    /// Refuses `memories.count: "all"` unless the rule ``storesAll``.
    public func check(_ config: ExperimentConfig) throws(ConfigError) { try refuseStoringAll(config) }

    /// Refuses `memories.count: "all"` with ``storingAllProblem(neurons:)`` (the default ``check(_:)``).
    public func refuseStoringAll(_ config: ExperimentConfig) throws(ConfigError) {
        guard config.memories.all, let problem = storingAllProblem(neurons: config.neurons) else { return }
        throw ConfigError(path: "memories.count", "\"all\" stores every training image: " + problem)
    }

    /// Nil when the rule ``storesAll``, else that only those rules store that many.
    public func storingAllProblem(neurons: Int) -> String? {
        if Self.storesAll { return nil }
        let storing = Rules.all.filter { $0.definition.storesAll && !$0.isClassifier }.map(\.name)
        return "only the \(storing.joined(separator: " and ")) rules store that many (\(Self.name) is trained on its memories)"
    }

    /// None.
    public func sizeLimit(neurons: Int) -> String? { nil }

    /// The P×N memories once more (P·N·8 bytes).
    public func footprint(neurons: Int, memories: Int) -> NetworkFootprint.Part {
        NetworkFootprint.Part(bytes: NetworkFootprint.product(memories, neurons, 8))
    }

    /// The stored memories: the largest of `capacity.patterns`, or `memories.count` (nil for "all").
    public func estimatedSize(_ config: ExperimentConfig) -> (neurons: Int, memories: Int, key: String)? {
        if let c = config.capacity, let p = c.patterns.max() { return (c.neurons, p, "capacity.patterns") }
        return config.memories.all ? nil : (config.neurons, config.memories.count, "memories.count")
    }

    /// 1: the rule's couplings are already on notebook 001's scale.
    public func energyDivisor(neurons: Int) -> Double { 1 }

    /// None.
    public func savedFiles(neurons: Int) -> [StoredNetwork.SavedFile] { [] }

    /// Every file of ``savedFiles(neurons:)`` with its element type and shape.
    public func checkSaved(folder: String, neurons: Int, classes: Int?) throws {
        try StoredNetwork.checkSavedFiles(savedFiles(neurons: neurons), folder: folder)
    }

    /// A key of the `network` section (for ``keys``).
    public static func key(_ name: String, _ kind: ConfigKey.Kind, _ value: JSONValue? = nil, _ summary: String) -> ConfigKey {
        ConfigKey(name, in: "network", kind, default: value, summary)
    }

    /// Whether `other` is the same rule with the same parameters.
    public func isSame(as other: any RuleDefinition) -> Bool {
        other.name == Self.name && other.json.elementsEqual(json) { $0.0 == $1.0 && $0.1 == $1.1 }
    }
}

/// A rule whose parameters are learned from the training patterns: ``RuleDefinition/isTrained``,
/// and `network.load` reads its saved parameters instead of training.
public protocol TrainedRuleDefinition: RuleDefinition {}

extension TrainedRuleDefinition {
    /// `load`.
    public static var sectionKeys: [String] { ["load"] }
    /// True.
    public static var isTrained: Bool { true }
}

/// The list of learning rules every other list reads.
public enum Rules {
    /// Every rule, in the order they are documented.
    public static let all: [any RuleDefinition] = [
        HebbianRule(), StorkeyRule(), PseudoinverseRule(), DenseRule(), ModernRule(), PerceptronRule(), RBMRule(),
        HebbianRBMRule(), ConvRule(), DamRule()
    ]

    /// The rule named `name`, at its defaults.
    public static func named(_ name: String) -> (any RuleDefinition)? { all.first { $0.name == name } }

    /// The rules that read a `network` key, in catalogue order.
    public static func owners(of key: String) -> [String] {
        all.filter { $0.definition.parameters.contains(key) }.map(\.name)
    }

    /// Every rule's keys, one per name in the order they first appear: a key declared by several
    /// rules keeps the first one's kind; its default and meaning are the rules' own when they differ
    /// ("rbm 256, dam 200").
    static var keys: [ConfigKey] {
        var names: [String] = []
        var declared: [String: [(rule: String, key: ConfigKey)]] = [:]
        for rule in all {
            for key in rule.definition.keys {
                if declared[key.name] == nil { names.append(key.name) }
                declared[key.name, default: []].append((rule.name, key))
            }
        }
        return names.map { name in
            let owners = declared[name]!, first = owners[0].key
            if owners.count == 1 { return first }
            let sameDefault = owners.allSatisfy { $0.key.defaultDescription == first.defaultDescription }
            let sameSummary = owners.allSatisfy { $0.key.summary == first.summary }
            return ConfigKey(
                name, in: "network", first.kind, default: sameDefault ? first.defaultValue : nil,
                defaultText: sameDefault
                    ? first.defaultText : owners.map { "\($0.rule) \($0.key.defaultDescription)" }.joined(separator: ", "),
                sameSummary ? first.summary : owners.map { "\($0.rule): \($0.key.summary)" }.joined(separator: "; "))
        }
    }
}
