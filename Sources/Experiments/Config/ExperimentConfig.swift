import Hopfield
import Imaging

/// One experiment, fully resolved (grid values applied, defaults filled in). Every field has a
/// default; `Configs/schema.json` and README's "Config reference" document them.
public struct ExperimentConfig: Sendable, Equatable {
    public enum Task: String, Sendable, CaseIterable {
        /// Seed 000: store memories from a training split, converge every image, tally outcomes.
        case classify
        /// Seeds 001–003: corrupt stored patterns and measure retrieval.
        case recall
        /// Seed 001, exercise 6.13: random patterns, P over a range, stability and overlap.
        case capacity
    }

    public var name: String
    public var comment: String?
    public var task: Task
    public var dataset: DatasetSection?
    public var image: ImageSection
    public var split: SplitSection
    public var memories: MemoriesSection
    public var network: NetworkSection
    public var dynamics: DynamicsSection
    public var corruption: CorruptionSection?
    public var capacity: CapacitySection?
    public var outputs: OutputsSection

    public struct DatasetSection: Sendable, Equatable {
        /// A folder of class folders, relative to the working directory (or absolute).
        public var path: String
        /// Classes to use, in label order; nil: every class folder, sorted.
        public var classes: [String]?
        /// The first K files of each class (sorted order); nil: all.
        public var limitPerClass: Int?
        /// Images whose header claims more pixels are refused (64 megapixels).
        public var maxPixels: UInt64 = DecodeOptions.defaultMaxPixels
    }

    public struct ImageSection: Sendable, Equatable {
        /// Side of the square pattern: N = size².
        public var size: Int = 64
        public var resize: ResizeMethod = .area
        public var binarize: Binarization = .seed
        public var idct: IDCTMethod = .fast

        public var spec: ImageSpec { ImageSpec(size: size, resize: resize, binarize: binarize, idct: idct) }
    }

    /// A number of images, or a fraction of those available.
    public enum Amount: Sendable, Equatable {
        case count(Int)
        case fraction(Double)

        /// Resolved against `available` images (fractions round half away from zero).
        public func resolve(_ available: Int) -> Int {
            switch self {
            case .count(let c): return c
            case .fraction(let f): return Int((f * Double(available)).rounded(.toNearestOrAwayFromZero))
            }
        }
    }

    public struct SplitSection: Sendable, Equatable {
        public var train: Amount = .fraction(0.5)
        public var test: Amount = .fraction(0.5)
        /// Each class split in proportion (true), or one shuffle of all images redrawn until every
        /// class is in both splits, as the notebook's loop did (false).
        public var stratify = true
    }

    public enum Selection: String, Sendable, CaseIterable {
        /// Balanced per class, smallest pairwise dissimilarity as large as possible.
        case maxmin
        /// Balanced per class, uniformly at random (seeded).
        case random
        /// Balanced per class, the first images in sorted order.
        case first
    }

    public struct MemoriesSection: Sendable, Equatable {
        public var count = 8
        public var select: Selection = .maxmin
    }

    public struct NetworkSection: Sendable, Equatable {
        public var rule: LearningRule = .hebbian
        /// For continuous (modern) networks: a state "equals" a memory when every component is
        /// within this distance (0.01, 0.5% of the [−1, 1] range).
        public var tolerance = 0.01
        /// Trained rules: a run folder whose saved parameters (weights.npy, ...) are loaded instead
        /// of training (relative to the working directory).
        public var load: String?
    }

    public struct DynamicsSection: Sendable, Equatable {
        public var mode: UpdateMode = .async
        public var maxSweeps = 100
        public var tie: TieRule = .plus

        public var dynamics: Dynamics { Dynamics(mode: mode, tie: tie, maxSweeps: maxSweeps) }
    }

    public enum CorruptionKind: String, Sendable, CaseIterable {
        /// Exactly round(level·N) distinct neurons flipped.
        case flip
        /// Each neuron flipped with probability level.
        case flipEach = "flip-each"
        /// A centred square covering a fraction `level` of the image (or `rect`) set to `value`.
        case mask
        /// Everything but the top-left square set to `value`; level is the fraction hidden
        /// (0.75 keeps the top-left quarter, seed 001).
        case corner
        /// Each neuron set to `value` with probability level (BrainPy's "Bernoulli noise").
        case bernoulli
        /// Uniformly random ±1 starts (no levels).
        case random
        /// Starts at −x^μ (no levels).
        case negative
        /// Starts at sgn(x^a ± x^b ± x^c) of three memories (no levels).
        case mixture

        public var usesLevels: Bool { [.flip, .flipEach, .mask, .corner, .bernoulli].contains(self) }
    }

    public struct CorruptionSection: Sendable, Equatable {
        public var kind: CorruptionKind = .flip
        public var levels: [Double] = [0, 0.1, 0.2, 0.3, 0.4]
        /// The value written by mask, corner and bernoulli: −1, 0 (undecided) or +1.
        public var value: Int8 = 1
        /// Repetitions of every level with fresh noise.
        public var trials = 1
        /// mask only: rows r0..<r1, columns c0..<c1 (BrainPy's [7, 20, 8, 25]).
        public var rect: [Int]?
    }

    public struct CapacitySection: Sendable, Equatable {
        public var neurons = 1024
        /// Numbers of stored patterns P (or `loads` α = P/N, converted with rounding).
        public var patterns: [Int] = [20, 51, 102, 123, 141, 154, 184, 205, 307]
        public var trials = 3
    }

    public struct OutputsSection: Sendable, Equatable {
        /// Write memories.npy, inputs.npy, states.npy per run.
        public var states = false
        /// Write PNG pictures and SVG plots per run (and the HTML report).
        public var pictures = true
    }

    /// The neurons of one pattern.
    public var neurons: Int {
        task == .capacity ? (capacity?.neurons ?? 1024) : image.size * image.size
    }
}

// MARK: - Decoding

extension ExperimentConfig {
    /// Decodes one run's resolved JSON (the config with grid values applied, without `seeds` and
    /// `grid`).
    static func decode(_ root: JSONValue) throws(ConfigError) -> ExperimentConfig {
        var top = try ObjectReader(root, path: "")
        guard let name = try top.string("name") else { throw ConfigError(path: "name", "is required (it names the results folder)") }
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw ConfigError(path: "name", "must not be empty") }
        let comment = try top.string("comment")
        _ = try top.string("$schema")
        let task = try top.choice("task", Task.allCases.map { ($0.rawValue, $0) }) ?? .classify

        // dataset
        var dataset: DatasetSection?
        if let value = top.value("dataset") {
            if task == .capacity { throw ConfigError(path: "dataset", "the capacity task uses random patterns, not a dataset") }
            var r = try ObjectReader(value, path: "dataset")
            guard let path = try r.string("path") else { throw ConfigError(path: "dataset.path", "is required") }
            if path.isEmpty { throw ConfigError(path: "dataset.path", "must not be empty") }
            var section = DatasetSection(path: path)
            if let classes = try r.array("classes") {
                var names: [String] = []
                for (k, c) in classes.enumerated() {
                    guard case .string(let s) = c, !s.isEmpty else { throw ConfigError(path: "dataset.classes[\(k)]", "expected a class name (a string)") }
                    if names.contains(s) { throw ConfigError(path: "dataset.classes[\(k)]", "\"\(s)\" is listed twice") }
                    names.append(s)
                }
                if task == .classify && names.count < 2 { throw ConfigError(path: "dataset.classes", "classification needs at least 2 classes") }
                section.classes = names
            }
            section.limitPerClass = try r.int("limitPerClass", in: 1...10_000_000)
            if let m = try r.int("maxPixels", in: 1...Int(Int32.max) * 64) { section.maxPixels = UInt64(m) }
            try r.finish()
            dataset = section
        } else if task != .capacity {
            throw ConfigError(path: "dataset", "is required for the \(task.rawValue) task (a folder of class folders)")
        }

        // image
        var image = ImageSection()
        if let value = top.value("image") {
            if task == .capacity { throw ConfigError(path: "image", "the capacity task uses random patterns (set capacity.neurons)") }
            var r = try ObjectReader(value, path: "image")
            image.size = try r.int("size", in: 2...256) ?? image.size
            image.resize = try r.choice("resize", ResizeMethod.allCases.map { ($0.rawValue, $0) }) ?? image.resize
            let threshold = try r.number("threshold", in: 0...255)
            if let name = try r.string("binarize") {
                guard Binarization.names.contains(name) else {
                    throw ConfigError(path: "image.binarize", "\(JSONValue.quote(name)) is not one of \(Binarization.names.joined(separator: ", "))")
                }
                if name == "threshold" && threshold == nil {
                    throw ConfigError(path: "image.threshold", "is required with \"binarize\": \"threshold\" (a gray level 0-255)")
                }
                image.binarize = Binarization(name: name, threshold: threshold.map(Float.init))!
            }
            if threshold != nil, image.binarize.name != "threshold" {
                throw ConfigError(path: "image.threshold", "is only used with \"binarize\": \"threshold\"")
            }
            image.idct = try r.choice("idct", IDCTMethod.allCases.map { ($0.rawValue, $0) }) ?? image.idct
            try r.finish()
        }

        // split
        var split = SplitSection()
        if let value = top.value("split") {
            if task != .classify { throw ConfigError(path: "split", "only the classify task splits the dataset") }
            var r = try ObjectReader(value, path: "split")
            if let v = r.value("train") { split.train = try amount(v, path: "split.train") }
            if let v = r.value("test") { split.test = try amount(v, path: "split.test") }
            split.stratify = try r.bool("stratify") ?? split.stratify
            try r.finish()
            if case .fraction(let a) = split.train, case .fraction(let b) = split.test, a + b > 1 + 1e-12 {
                throw ConfigError(path: "split", "train and test fractions add up to \(Format.exact(a + b)), more than 1")
            }
        }

        // memories
        var memories = MemoriesSection()
        if task == .recall { memories.count = 2 }
        if let value = top.value("memories") {
            if task == .capacity { throw ConfigError(path: "memories", "the capacity task stores capacity.patterns random patterns") }
            var r = try ObjectReader(value, path: "memories")
            memories.count = try r.int("count", in: 1...100_000) ?? memories.count
            memories.select = try r.choice("select", Selection.allCases.map { ($0.rawValue, $0) }) ?? memories.select
            try r.finish()
        }

        // network
        var network = NetworkSection()
        if let value = top.value("network") {
            var r = try ObjectReader(value, path: "network")
            let rules = ["hebbian", "storkey", "pseudoinverse", "dense", "modern", "perceptron", "rbm", "hebbian-rbm", "conv"]
            let ruleName = try r.choice("rule", rules.map { ($0, $0) }) ?? "hebbian"
            let beta = try r.number("beta")
            let diagonal = try r.choice("diagonal", ProjectionNetwork.Diagonal.allCases.map { ($0.rawValue, $0) })
            let interaction = try r.choice("interaction", ["polynomial", "rectified", "exponential"].map { ($0, $0) })
            let degree = try r.int("degree", in: 2...30)
            let tolerance = try r.number("tolerance")
            let margin = try r.number("margin", in: 0...1000)
            let maxEpochs = try r.int("maxEpochs", in: 1...100_000)
            let kernel = try r.int("kernel", in: 3...31)
            let hidden = try r.int("hidden", in: 1...100_000)
            let epochs = try r.int("epochs", in: 1...100_000)
            let learningRate = try r.number("learningRate")
            let batchSize = try r.int("batchSize", in: 1...100_000)
            let cdSteps = try r.int("cdSteps", in: 1...1000)
            let recall = try r.choice("recall", RBMNetwork.Recall.allCases.map { ($0.rawValue, $0) })
            let samplingSteps = try r.int("samplingSteps", in: 0...100_000)
            let activation = try r.choice("activation", ["linear", "softmax"].map { ($0, $0) })
            let load = try r.string("load")
            try r.finish()
            func onlyFor(_ key: String, _ owners: [String], _ present: Bool) throws(ConfigError) {
                if present && !owners.contains(ruleName) {
                    let names = owners.count > 1 ? owners.dropLast().joined(separator: ", ") + " and " + owners.last! : owners[0]
                    throw ConfigError(path: "network.\(key)", "is only used by the \(names) rule\(owners.count > 1 ? "s" : "")")
                }
            }
            try onlyFor("beta", ["modern", "hebbian-rbm"], beta != nil)
            try onlyFor("tolerance", ["modern"], tolerance != nil)
            try onlyFor("diagonal", ["pseudoinverse"], diagonal != nil)
            try onlyFor("interaction", ["dense"], interaction != nil)
            try onlyFor("degree", ["dense"], degree != nil)
            try onlyFor("margin", ["perceptron", "conv"], margin != nil)
            try onlyFor("maxEpochs", ["perceptron", "conv"], maxEpochs != nil)
            try onlyFor("kernel", ["conv"], kernel != nil)
            for (key, present) in [("hidden", hidden != nil), ("epochs", epochs != nil), ("learningRate", learningRate != nil),
                                   ("batchSize", batchSize != nil), ("cdSteps", cdSteps != nil), ("recall", recall != nil),
                                   ("samplingSteps", samplingSteps != nil)] {
                try onlyFor(key, ["rbm"], present)
            }
            try onlyFor("activation", ["hebbian-rbm"], activation != nil)
            try onlyFor("load", ["perceptron", "rbm", "conv"], load != nil)
            if let beta, !(beta > 0) { throw ConfigError(path: "network.beta", "must be positive") }
            if ruleName == "hebbian-rbm" && beta != nil && activation != "softmax" {
                throw ConfigError(path: "network.beta", "is only used with \"activation\": \"softmax\"")
            }
            if let tolerance, !(tolerance > 0 && tolerance < 2) { throw ConfigError(path: "network.tolerance", "must be in (0, 2)") }
            if let learningRate, !(learningRate > 0) { throw ConfigError(path: "network.learningRate", "must be positive") }
            if let kernel, kernel % 2 == 0 { throw ConfigError(path: "network.kernel", "must be odd (the kernel is centred on the pixel)") }
            if interaction == "exponential" && degree != nil {
                throw ConfigError(path: "network.degree", "is not used by the exponential interaction")
            }
            switch ruleName {
            case "storkey": network.rule = .storkey
            case "pseudoinverse": network.rule = .pseudoinverse(diagonal ?? .zero)
            case "dense":
                let n = degree ?? 3
                switch interaction ?? "polynomial" {
                case "rectified": network.rule = .dense(.rectified(n))
                case "exponential": network.rule = .dense(.exponential)
                default: network.rule = .dense(.polynomial(n))
                }
            case "modern": network.rule = .modern(beta: beta ?? 1)
            case "perceptron":
                network.rule = .perceptron(PerceptronNetwork.Options(margin: margin ?? 0.5, maxEpochs: maxEpochs ?? 200))
            case "conv":
                network.rule = .conv(ConvolutionNetwork.Options(kernelSize: kernel ?? 5, margin: margin ?? 0.5, maxEpochs: maxEpochs ?? 50))
            case "rbm":
                var o = RBMNetwork.Options()
                o.hidden = hidden ?? o.hidden
                o.epochs = epochs ?? o.epochs
                o.learningRate = learningRate ?? o.learningRate
                o.batchSize = batchSize ?? o.batchSize
                o.cdSteps = cdSteps ?? o.cdSteps
                o.recall = recall ?? o.recall
                o.samplingSteps = samplingSteps ?? o.samplingSteps
                network.rule = .rbm(o)
            case "hebbian-rbm":
                network.rule = .hebbianRBM(activation == "softmax" ? .softmax(beta: beta ?? 1) : .linear)
            default: network.rule = .hebbian
            }
            network.tolerance = tolerance ?? network.tolerance
            network.load = load
        }

        // dynamics
        var dynamics = DynamicsSection()
        if let value = top.value("dynamics") {
            var r = try ObjectReader(value, path: "dynamics")
            dynamics.mode = try r.choice("mode", UpdateMode.allCases.map { ($0.rawValue, $0) }) ?? dynamics.mode
            dynamics.maxSweeps = try r.int("maxSweeps", in: 1...1_000_000) ?? dynamics.maxSweeps
            dynamics.tie = try r.choice("tie", TieRule.allCases.map { ($0.rawValue, $0) }) ?? dynamics.tie
            try r.finish()
        }

        // corruption
        var corruption: CorruptionSection?
        if let value = top.value("corruption") {
            if task != .recall { throw ConfigError(path: "corruption", "is only used by the recall task") }
            var r = try ObjectReader(value, path: "corruption")
            var c = CorruptionSection()
            c.kind = try r.choice("kind", CorruptionKind.allCases.map { ($0.rawValue, $0) }) ?? c.kind
            c.value = c.kind == .corner ? 0 : 1
            if let levels = try r.array("levels") {
                if !c.kind.usesLevels { throw ConfigError(path: "corruption.levels", "\"\(c.kind.rawValue)\" starts have no levels") }
                var values: [Double] = []
                for (k, v) in levels.enumerated() { values.append(try ObjectReader.number(v, path: "corruption.levels[\(k)]", in: 0...1)) }
                c.levels = values
            } else if !c.kind.usesLevels {
                c.levels = []
            }
            if let v = try r.int("value", in: -1...1) {
                if ![.mask, .corner, .bernoulli].contains(c.kind) { throw ConfigError(path: "corruption.value", "is only used by mask, corner and bernoulli") }
                c.value = Int8(v)
            }
            c.trials = try r.int("trials", in: 1...100_000) ?? c.trials
            if let rect = try r.array("rect") {
                if c.kind != .mask { throw ConfigError(path: "corruption.rect", "is only used by mask") }
                guard rect.count == 4 else { throw ConfigError(path: "corruption.rect", "expected [r0, r1, c0, c1]") }
                var bounds: [Int] = []
                for (k, v) in rect.enumerated() { bounds.append(try ObjectReader.int(v, path: "corruption.rect[\(k)]", in: 0...4096)) }
                if bounds[0] >= bounds[1] || bounds[2] >= bounds[3] { throw ConfigError(path: "corruption.rect", "needs r0 < r1 and c0 < c1") }
                c.rect = bounds
            }
            try r.finish()
            corruption = c
        } else if task == .recall {
            corruption = CorruptionSection()
        }

        // capacity
        var capacitySection: CapacitySection?
        if let value = top.value("capacity") {
            if task != .capacity { throw ConfigError(path: "capacity", "is only used by the capacity task") }
            var r = try ObjectReader(value, path: "capacity")
            var c = CapacitySection()
            c.neurons = try r.int("neurons", in: 4...65_536) ?? c.neurons
            let patterns = try r.array("patterns")
            let loads = try r.array("loads")
            if patterns != nil && loads != nil { throw ConfigError(path: "capacity.loads", "give patterns or loads, not both") }
            if let patterns {
                c.patterns = []
                for (k, v) in patterns.enumerated() { c.patterns.append(try ObjectReader.int(v, path: "capacity.patterns[\(k)]", in: 1...c.neurons)) }
            } else if let loads {
                c.patterns = []
                for (k, v) in loads.enumerated() {
                    let alpha = try ObjectReader.number(v, path: "capacity.loads[\(k)]", in: 0...1)
                    let p = Int((alpha * Double(c.neurons)).rounded(.toNearestOrAwayFromZero))
                    if p < 1 { throw ConfigError(path: "capacity.loads[\(k)]", "\(Format.exact(alpha))·N rounds to no pattern") }
                    c.patterns.append(p)
                }
            } else {
                c.patterns = c.patterns.filter { $0 <= c.neurons }
            }
            c.trials = try r.int("trials", in: 1...10_000) ?? c.trials
            try r.finish()
            capacitySection = c
        } else if task == .capacity {
            capacitySection = CapacitySection()
        }

        // outputs
        var outputs = OutputsSection()
        if let value = top.value("outputs") {
            var r = try ObjectReader(value, path: "outputs")
            outputs.states = try r.bool("states") ?? outputs.states
            outputs.pictures = try r.bool("pictures") ?? outputs.pictures
            try r.finish()
        }
        _ = top.value("seeds")
        _ = top.value("grid")
        try top.finish()

        let config = ExperimentConfig(name: name, comment: comment, task: task, dataset: dataset, image: image,
                                      split: split, memories: memories, network: network, dynamics: dynamics,
                                      corruption: corruption, capacity: capacitySection, outputs: outputs)
        try config.checkConsistency()
        return config
    }

    static func amount(_ v: JSONValue, path: String) throws(ConfigError) -> Amount {
        guard case .number(let text) = v, let d = Double(text) else { throw ConfigError(path: path, "expected a count or a fraction, found \(v.kindName)") }
        if let i = Int(text) {
            if i < 1 { throw ConfigError(path: path, "a count must be at least 1") }
            return .count(i)
        }
        if !(d > 0 && d <= 1) { throw ConfigError(path: path, "\(text): a fraction must be in (0, 1] (write a count without a decimal point)") }
        return .fraction(d)
    }

    /// Checks that need several sections at once (data-dependent checks come later).
    func checkConsistency() throws(ConfigError) {
        let n = neurons
        if network.rule == .storkey && n > 8192 {
            throw ConfigError(path: "network.rule", "storkey builds an N×N matrix: N = \(n) needs \((n * n * 8) >> 20) MiB; use N ≤ 8192 (image.size ≤ 90)")
        }
        if image.binarize == .none && !network.rule.isContinuous {
            throw ConfigError(path: "image.binarize", "\"none\" gives continuous patterns: only the modern rule stores them")
        }
        if task == .classify, let classes = dataset?.classes, memories.count < classes.count {
            throw ConfigError(path: "memories.count", "\(memories.count) memories cannot cover the \(classes.count) classes (one per class at least)")
        }
        if let c = corruption {
            if c.kind == .mixture && memories.count < 3 {
                throw ConfigError(path: "corruption.kind", "mixture starts need at least 3 memories (memories.count is \(memories.count))")
            }
            if let rect = c.rect, rect[1] > image.size || rect[3] > image.size {
                throw ConfigError(path: "corruption.rect", "reaches beyond the \(image.size)×\(image.size) image")
            }
        }
        if task == .capacity, network.rule.isContinuous {
            throw ConfigError(path: "network.rule", "the capacity task measures binary networks (every rule but modern and conv)")
        }
        if task == .capacity, case .conv = network.rule {
            throw ConfigError(path: "network.rule", "conv needs images (its kernel slides over rows and columns): use classify or recall")
        }
    }

    /// The resolved config as JSON (every default written out), for `<run>/config.json`.
    public var json: JSONValue {
        var pairs: [(String, JSONValue)] = [("name", .string(name))]
        if let comment { pairs.append(("comment", .string(comment))) }
        pairs.append(("task", .string(task.rawValue)))
        if let d = dataset {
            var ds: [(String, JSONValue)] = [("path", .string(d.path))]
            if let c = d.classes { ds.append(("classes", .array(c.map { .string($0) }))) }
            if let l = d.limitPerClass { ds.append(("limitPerClass", .int(l))) }
            ds.append(("maxPixels", .number(String(d.maxPixels))))
            pairs.append(("dataset", .object(ds)))
        }
        if task != .capacity {
            var im: [(String, JSONValue)] = [("size", .int(image.size)), ("resize", .string(image.resize.rawValue)),
                                             ("binarize", .string(image.binarize.name))]
            if case .threshold(let t) = image.binarize { im.append(("threshold", .double(Double(t)))) }
            im.append(("idct", .string(image.idct.rawValue)))
            pairs.append(("image", .object(im)))
        }
        func amountJSON(_ a: Amount) -> JSONValue {
            switch a {
            case .count(let c): return .int(c)
            case .fraction(let f): return .double(f)
            }
        }
        if task == .classify {
            pairs.append(("split", .object([("train", amountJSON(split.train)), ("test", amountJSON(split.test)),
                                            ("stratify", .bool(split.stratify))])))
        }
        if task != .capacity {
            pairs.append(("memories", .object([("count", .int(memories.count)), ("select", .string(memories.select.rawValue))])))
        }
        var net: [(String, JSONValue)] = [("rule", .string(network.rule.name))]
        switch network.rule {
        case .pseudoinverse(let d): net.append(("diagonal", .string(d.rawValue)))
        case .dense(let i):
            switch i {
            case .polynomial(let n): net += [("interaction", .string("polynomial")), ("degree", .int(n))]
            case .rectified(let n): net += [("interaction", .string("rectified")), ("degree", .int(n))]
            case .exponential: net.append(("interaction", .string("exponential")))
            }
        case .modern(let beta): net += [("beta", .double(beta)), ("tolerance", .double(network.tolerance))]
        case .perceptron(let o):
            net += [("margin", .double(o.margin)), ("maxEpochs", .int(o.maxEpochs))]
        case .conv(let o):
            net += [("kernel", .int(o.kernelSize)), ("margin", .double(o.margin)), ("maxEpochs", .int(o.maxEpochs))]
        case .rbm(let o):
            net += [("hidden", .int(o.hidden)), ("epochs", .int(o.epochs)), ("learningRate", .double(o.learningRate)),
                    ("batchSize", .int(o.batchSize)), ("cdSteps", .int(o.cdSteps)), ("recall", .string(o.recall.rawValue)),
                    ("samplingSteps", .int(o.samplingSteps))]
        case .hebbianRBM(let a):
            switch a {
            case .linear: net.append(("activation", .string("linear")))
            case .softmax(let beta): net += [("activation", .string("softmax")), ("beta", .double(beta))]
            }
        default: break
        }
        if let load = network.load { net.append(("load", .string(load))) }
        pairs.append(("network", .object(net)))
        var dyn: [(String, JSONValue)] = []
        if network.rule.usesUpdateOrder { dyn += [("mode", .string(dynamics.mode.rawValue)), ("tie", .string(dynamics.tie.rawValue))] }
        dyn.append(("maxSweeps", .int(dynamics.maxSweeps)))
        pairs.append(("dynamics", .object(dyn)))
        if let c = corruption {
            var co: [(String, JSONValue)] = [("kind", .string(c.kind.rawValue))]
            if c.kind.usesLevels { co.append(("levels", .array(c.levels.map { .double($0) }))) }
            if [.mask, .corner, .bernoulli].contains(c.kind) { co.append(("value", .int(Int(c.value)))) }
            if let rect = c.rect { co.append(("rect", .array(rect.map { .int($0) }))) }
            co.append(("trials", .int(c.trials)))
            pairs.append(("corruption", .object(co)))
        }
        if let c = capacity {
            pairs.append(("capacity", .object([("neurons", .int(c.neurons)), ("patterns", .array(c.patterns.map { .int($0) })),
                                               ("trials", .int(c.trials))])))
        }
        pairs.append(("outputs", .object([("states", .bool(outputs.states)), ("pictures", .bool(outputs.pictures))])))
        return .object(pairs)
    }
}
