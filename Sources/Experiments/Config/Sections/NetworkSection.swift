import Hopfield

extension ExperimentConfig {
    /// `network`: the learning rule and its parameters.
    public struct NetworkSection: Sendable, Equatable {
        /// Hebbian storage, as the notebooks.
        public var rule: LearningRule = .hebbian
        /// For continuous (modern) networks: a state "equals" a memory when every component is
        /// within this distance (0.01, 0.5% of the [−1, 1] range).
        public var tolerance = 0.01
        /// Trained rules: a run folder whose saved parameters (weights.npy, ...) are loaded instead
        /// of training (relative to the working directory).
        public var load: String?
        /// How a modern network's converged state names a class (classify).
        public var readout: Readout = .nearest

        /// How a modern network classifies.
        public enum Readout: String, Sendable, CaseIterable {
            /// The class of the memory the state converged to (spurious when none), as for
            /// every rule: the notebooks' read-out.
            case nearest
            /// The class with the largest summed softmax weight over its memories at the
            /// converged state, softmax(β X s) summed per class: a vote of every memory in
            /// reach, never spurious (at small β, where the softmax spreads over many memories,
            /// it is a kernel classifier).
            case weight
        }

        /// β = 1 for the modern network and the softmax RBM: with ±1 patterns X·s is of order N, so
        /// β = 1 already picks the nearest memory in one update (notebook 001's experiments vary it).
        public static let defaultBeta = 1.0
        /// The cubic energy F(x) = x³ of Krotov and Hopfield's first examples.
        public static let defaultInteraction = DenseAssociativeNetwork.Interaction.polynomial(3)

        /// The section's keys (the parameters of every rule; ``RuleCatalog`` says which rule reads which).
        public static let keys: [ConfigKey] = {
            let perceptron = PerceptronNetwork.Options(), conv = ConvolutionNetwork.Options(), rbm = RBMNetwork.Options()
            let dam = DenseClassifier.Options()
            func key(_ name: String, _ kind: ConfigKey.Kind, _ value: JSONValue? = nil, text: String? = nil, _ summary: String) -> ConfigKey
            {
                ConfigKey(name, in: "network", kind, default: value, defaultText: text, summary)
            }
            return [
                key("rule", .choice(RuleCatalog.rules.map(\.name)), .string("hebbian"), "the learning rule (`hopfield rules` lists them)"),
                key("beta", .positive, .double(defaultBeta), "the inverse temperature β (hebbian-rbm: with activation softmax)"),
                key(
                    "tolerance", .number(lower: 0, upper: 2, exclusiveLower: true, exclusiveUpper: true),
                    .double(NetworkSection().tolerance),
                    "a state equals a memory when every component is within this distance"),
                key("diagonal", .choice(ProjectionNetwork.Diagonal.allCases.map(\.rawValue)), .string("zero"), "`zero` or `keep` W_ii"),
                key(
                    "interaction", .choice(["polynomial", "rectified", "exponential"]), .string("polynomial"),
                    "F(x) = xⁿ, max(x, 0)ⁿ or eˣ"),
                key("degree", .integer(2...30), .int(3), "n of the polynomial interactions (dam: of F(x) = max(x, 0)ⁿ)"),
                key("lossPower", .integer(1...30), .int(dam.lossPower), "m: the dam loss is Σ_α (c_α − t_α)^(2m)"),
                key("temperature", .positive, .double(dam.temperature), "T: the dam's F acts on a/T"),
                key(
                    "decay", .number(lower: 0, upper: 1, exclusiveLower: true, exclusiveUpper: false), .double(dam.decay),
                    "f: the dam's step is ε₀ fᵉ in epoch e"),
                key(
                    "momentum", .number(lower: 0, upper: 1, exclusiveLower: false, exclusiveUpper: true), .double(dam.momentum),
                    "p: the dam's momentum V ← p V − ∇"),
                key("initialSpread", .positive, .double(dam.initialSpread), "σ: the dam's memories start as N(0, σ²) draws"),
                key(
                    "margin", .number(0...1000), .double(perceptron.margin),
                    "stability margin κ, in units of the weight vector's norm"),
                key(
                    "maxEpochs", .integer(1...100_000), text: "perceptron \(perceptron.maxEpochs), conv \(conv.maxEpochs)",
                    "the most training epochs (the perceptron stops early once every pattern has the margin)"),
                key("kernel", .integer(3...31), .int(conv.kernelSize), "the kernel's side, odd"),
                key("hidden", .integer(1...100_000), text: "rbm \(rbm.hidden), dam \(dam.memories)", "hidden units (dam: its K memories)"),
                key("epochs", .integer(1...100_000), text: "rbm \(rbm.epochs), dam \(dam.epochs)", "training epochs"),
                key(
                    "learningRate", .positive, text: "rbm \(Format.exact(rbm.learningRate)), dam \(Format.exact(dam.learningRate))",
                    "rbm: the contrastive-divergence learning rate; dam: ε₀, each memory's largest step in the first epoch (decayed by `decay` per epoch)"
                ),
                key("batchSize", .integer(1...100_000), text: "rbm \(rbm.batchSize), dam \(dam.batchSize)", "patterns per mini-batch"),
                key("cdSteps", .integer(1...1000), .int(rbm.cdSteps), "k of CD-k"),
                key(
                    "recall", .choice(RBMNetwork.Recall.allCases.map(\.rawValue)), .string(rbm.recall.rawValue),
                    "`mean-field`, or `sampled` (Gibbs steps first)"),
                key(
                    "samplingSteps", .integer(0...100_000), .int(rbm.samplingSteps), "Gibbs steps before mean field when recall is sampled"),
                key("activation", .choice(["linear", "softmax"]), .string("linear"), "the hidden units' activation: `linear` or `softmax`"),
                key(
                    "load", .string(nonEmpty: true), nil,
                    "a finished run's folder whose saved parameters are loaded instead of training"),
                key(
                    "readout", .choice(Readout.allCases.map(\.rawValue)), .string(Readout.nearest.rawValue),
                    "classify: `nearest` (the memory reached) or `weight` (the class of largest summed softmax weight)")
            ]
        }()

        static func decode(_ value: JSONValue?) throws(ConfigError) -> NetworkSection {
            var network = NetworkSection()
            guard let value else { return network }
            var r = try ObjectReader(value, path: "network")
            let ruleName = try r.choice(keys["rule"]) { $0 } ?? "hebbian"
            var given: [String: JSONValue] = [:]
            for key in keys.dropFirst() {
                if let v = r.value(key.name) { given[key.name] = v }
            }
            try r.finish()
            let p = try RuleParameters(given)
            try p.check(rule: ruleName)
            network.rule = p.rule(named: ruleName)
            network.tolerance = p.tolerance ?? network.tolerance
            network.load = p.load
            network.readout = p.readout.flatMap(Readout.init(rawValue:)) ?? network.readout
            return network
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("rule", .string(rule.name))]
            switch rule {
            case .pseudoinverse(let d): pairs.append(("diagonal", .string(d.rawValue)))
            case .dense(.polynomial(let n)): pairs += [("interaction", .string("polynomial")), ("degree", .int(n))]
            case .dense(.rectified(let n)): pairs += [("interaction", .string("rectified")), ("degree", .int(n))]
            case .dense(.exponential): pairs.append(("interaction", .string("exponential")))
            case .modern(let beta):
                pairs += [("beta", .double(beta)), ("tolerance", .double(tolerance))]
                // Written only when not the default, so earlier modern runs keep their identity.
                if readout != .nearest { pairs.append(("readout", .string(readout.rawValue))) }
            case .perceptron(let o): pairs += [("margin", .double(o.margin)), ("maxEpochs", .int(o.maxEpochs))]
            case .conv(let o): pairs += [("kernel", .int(o.kernelSize)), ("margin", .double(o.margin)), ("maxEpochs", .int(o.maxEpochs))]
            case .rbm(let o):
                pairs += [
                    ("hidden", .int(o.hidden)), ("epochs", .int(o.epochs)), ("learningRate", .double(o.learningRate)),
                    ("batchSize", .int(o.batchSize)), ("cdSteps", .int(o.cdSteps)), ("recall", .string(o.recall.rawValue)),
                    ("samplingSteps", .int(o.samplingSteps))
                ]
            case .hebbianRBM(.linear): pairs.append(("activation", .string("linear")))
            case .hebbianRBM(.softmax(let beta)): pairs += [("activation", .string("softmax")), ("beta", .double(beta))]
            case .dam(let o):
                pairs += [
                    ("hidden", .int(o.memories)), ("degree", .int(o.power)), ("lossPower", .int(o.lossPower)),
                    ("temperature", .double(o.temperature)), ("epochs", .int(o.epochs)), ("batchSize", .int(o.batchSize)),
                    ("learningRate", .double(o.learningRate)), ("decay", .double(o.decay)), ("momentum", .double(o.momentum)),
                    ("initialSpread", .double(o.initialSpread))
                ]
            case .hebbian, .storkey: break
            }
            if let load { pairs.append(("load", .string(load))) }
            return .object(pairs)
        }
    }
}

/// The network keys of one config, read and checked, before they become a rule.
struct RuleParameters {
    var given: Set<String>
    var beta, tolerance, margin, learningRate, temperature, decay, momentum, initialSpread: Double?
    var lossPower: Int?
    var degree, maxEpochs, kernel, hidden, epochs, batchSize, cdSteps, samplingSteps: Int?
    var diagonal, interaction, recall, activation, load, readout: String?

    init(_ values: [String: JSONValue]) throws(ConfigError) {
        given = Set(values.keys)
        var r = try ObjectReader(.object(values.sorted { $0.key < $1.key }), path: "network")
        let keys = ExperimentConfig.NetworkSection.keys
        beta = try r.number(keys["beta"])
        tolerance = try r.number(keys["tolerance"])
        diagonal = try r.choice(keys["diagonal"]) { $0 }
        interaction = try r.choice(keys["interaction"]) { $0 }
        degree = try r.int(keys["degree"])
        margin = try r.number(keys["margin"])
        maxEpochs = try r.int(keys["maxEpochs"])
        kernel = try r.int(keys["kernel"])
        hidden = try r.int(keys["hidden"])
        epochs = try r.int(keys["epochs"])
        learningRate = try r.number(keys["learningRate"])
        batchSize = try r.int(keys["batchSize"])
        cdSteps = try r.int(keys["cdSteps"])
        recall = try r.choice(keys["recall"]) { $0 }
        samplingSteps = try r.int(keys["samplingSteps"])
        activation = try r.choice(keys["activation"]) { $0 }
        load = try r.path(keys["load"])
        lossPower = try r.int(keys["lossPower"])
        temperature = try r.number(keys["temperature"])
        decay = try r.number(keys["decay"])
        momentum = try r.number(keys["momentum"])
        initialSpread = try r.number(keys["initialSpread"])
        readout = try r.choice(keys["readout"]) { $0 }
    }

    /// Every given key must be read by the rule, and the combinations must make sense.
    func check(rule: String) throws(ConfigError) {
        for key in ExperimentConfig.NetworkSection.keys.dropFirst() where given.contains(key.name) {
            let owners = RuleCatalog.owners(of: key.name)
            if !owners.contains(rule) {
                let names = owners.count > 1 ? owners.dropLast().joined(separator: ", ") + " and " + owners.last! : owners[0]
                throw ConfigError(path: "network.\(key.name)", "is only used by the \(names) rule\(owners.count > 1 ? "s" : "")")
            }
        }
        if rule == "hebbian-rbm" && beta != nil && activation != "softmax" {
            throw ConfigError(path: "network.beta", "is only used with \"activation\": \"softmax\"")
        }
        if let kernel, kernel % 2 == 0 { throw ConfigError(path: "network.kernel", "must be odd (the kernel is centred on the pixel)") }
        if interaction == "exponential" && degree != nil {
            throw ConfigError(path: "network.degree", "is not used by the exponential interaction")
        }
    }

    /// The rule named `name` with these parameters and every other one at its default.
    func rule(named name: String) -> LearningRule {
        switch name {
        case "storkey": return .storkey
        case "pseudoinverse": return .pseudoinverse(diagonal.flatMap(ProjectionNetwork.Diagonal.init(rawValue:)) ?? .zero)
        case "dense":
            switch interaction {
            case "rectified": return .dense(.rectified(degree ?? 3))
            case "exponential": return .dense(.exponential)
            case "polynomial": return .dense(.polynomial(degree ?? 3))
            default: return .dense(degree.map { .polynomial($0) } ?? ExperimentConfig.NetworkSection.defaultInteraction)
            }
        case "modern": return .modern(beta: beta ?? ExperimentConfig.NetworkSection.defaultBeta)
        case "perceptron":
            var o = PerceptronNetwork.Options()
            o.margin = margin ?? o.margin
            o.maxEpochs = maxEpochs ?? o.maxEpochs
            return .perceptron(o)
        case "conv":
            var o = ConvolutionNetwork.Options()
            o.kernelSize = kernel ?? o.kernelSize
            o.margin = margin ?? o.margin
            o.maxEpochs = maxEpochs ?? o.maxEpochs
            return .conv(o)
        case "rbm": return .rbm(rbmOptions)
        case "dam": return .dam(damOptions)
        case "hebbian-rbm":
            return .hebbianRBM(activation == "softmax" ? .softmax(beta: beta ?? ExperimentConfig.NetworkSection.defaultBeta) : .linear)
        default: return .hebbian
        }
    }

    var damOptions: DenseClassifier.Options {
        var o = DenseClassifier.Options()
        o.memories = hidden ?? o.memories
        o.power = degree ?? o.power
        o.lossPower = lossPower ?? o.lossPower
        o.temperature = temperature ?? o.temperature
        o.epochs = epochs ?? o.epochs
        o.batchSize = batchSize ?? o.batchSize
        o.learningRate = learningRate ?? o.learningRate
        o.decay = decay ?? o.decay
        o.momentum = momentum ?? o.momentum
        o.initialSpread = initialSpread ?? o.initialSpread
        return o
    }

    var rbmOptions: RBMNetwork.Options {
        var o = RBMNetwork.Options()
        o.hidden = hidden ?? o.hidden
        o.epochs = epochs ?? o.epochs
        o.learningRate = learningRate ?? o.learningRate
        o.batchSize = batchSize ?? o.batchSize
        o.cdSteps = cdSteps ?? o.cdSteps
        o.recall = recall.flatMap(RBMNetwork.Recall.init(rawValue:)) ?? o.recall
        o.samplingSteps = samplingSteps ?? o.samplingSteps
        return o
    }
}
