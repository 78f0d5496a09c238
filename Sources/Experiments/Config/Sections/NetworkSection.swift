import Hopfield

extension ExperimentConfig {
    /// `network`: the learning rule and its parameters.
    public struct NetworkSection: Sendable, Equatable {
        /// The learning rule with its parameters: Hebbian storage, as the notebooks.
        public var rule: any RuleDefinition = HebbianRule()
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

        /// The same rule, parameters, tolerance, folder and read-out.
        public static func == (a: NetworkSection, b: NetworkSection) -> Bool {
            a.rule.isSame(as: b.rule) && a.tolerance == b.tolerance && a.load == b.load && a.readout == b.readout
        }

        /// The section's keys: `rule`, every rule's own keys (``Rules``; each rule says which it
        /// reads), then the keys of the section itself that some rules read.
        public static let keys: [ConfigKey] = {
            let defaults = NetworkSection()
            func key(_ name: String, _ kind: ConfigKey.Kind, _ value: JSONValue?, _ summary: String) -> ConfigKey {
                ConfigKey(name, in: "network", kind, default: value, summary)
            }
            return [
                key("rule", .choice(Rules.all.map(\.name)), .string(defaults.rule.name), "the learning rule (`hopfield rules` lists them)")
            ]
                + Rules.keys + [
                    key(
                        "tolerance", .number(lower: 0, upper: 2, exclusiveLower: true, exclusiveUpper: true), .double(defaults.tolerance),
                        "a state equals a memory when every component is within this distance"),
                    key(
                        "load", .string(nonEmpty: true), nil,
                        "a finished run's folder whose saved parameters are loaded instead of training"),
                    key(
                        "readout", .choice(Readout.allCases.map(\.rawValue)), .string(defaults.readout.rawValue),
                        "classify: `nearest` (the memory reached) or `weight` (the class of largest summed softmax weight)")
                ]
        }()

        static func decode(_ value: JSONValue?) throws(ConfigError) -> NetworkSection {
            var network = NetworkSection()
            guard let value else { return network }
            var r = try ObjectReader(value, path: "network")
            let ruleName = try r.choice(keys["rule"]) { $0 } ?? network.rule.name
            var given: [(String, JSONValue)] = []
            for key in keys.dropFirst() {
                if let v = r.value(key.name) { given.append((key.name, v)) }
            }
            try r.finish()
            let rule = Rules.named(ruleName)!
            for key in keys.dropFirst() where given.contains(where: { $0.0 == key.name }) && !rule.definition.parameters.contains(key.name)
            {
                let owners = Rules.owners(of: key.name)
                let names = owners.count > 1 ? owners.dropLast().joined(separator: ", ") + " and " + owners.last! : owners[0]
                throw ConfigError(path: "network.\(key.name)", "is only used by the \(names) rule\(owners.count > 1 ? "s" : "")")
            }
            var reader = NetworkKeys(reader: try ObjectReader(.object(given), path: "network"))
            network.rule = try rule.definition.init(&reader)
            network.tolerance = try reader.reader.number(keys["tolerance"]) ?? network.tolerance
            network.load = try reader.reader.path(keys["load"])
            network.readout = try reader.reader.choice(keys["readout"], as: Readout.self) ?? network.readout
            return network
        }

        var json: JSONValue {
            var pairs: [(String, JSONValue)] = [("rule", .string(rule.name))] + rule.json
            let reads = rule.definition.sectionKeys
            if reads.contains("tolerance") { pairs.append(("tolerance", .double(tolerance))) }
            // Written only when not the default, so earlier modern runs keep their identity.
            if reads.contains("readout") && readout != .nearest { pairs.append(("readout", .string(readout.rawValue))) }
            if let load { pairs.append(("load", .string(load))) }
            return .object(pairs)
        }
    }
}
