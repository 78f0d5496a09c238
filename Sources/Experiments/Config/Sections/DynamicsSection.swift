import Hopfield

extension ExperimentConfig {
    /// `dynamics`: the update order, the tie rule and the sweep limit.
    public struct DynamicsSection: Sendable, Equatable {
        /// Shuffled asynchronous updates, notebook 000's intent.
        public var mode: UpdateMode = .async
        /// 100 sweeps: far above what the classical rules need (a few), and a bound on a run's cost.
        public var maxSweeps = 100
        /// A zero field gives +1, as notebook 000's `if activation < 0: -1 else: 1`.
        public var tie: TieRule = .plus
        /// Glauber dynamics' T; 0 is the deterministic sign rule (every result as without it).
        public var temperature = 0.0

        /// The same settings for the engine.
        public var dynamics: Dynamics { Dynamics(mode: mode, tie: tie, maxSweeps: maxSweeps, temperature: temperature) }

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = DynamicsSection()
            return [
                ConfigKey(
                    "mode", in: "dynamics", .choice(UpdateMode.allCases.map(\.rawValue)), default: .string(d.mode.rawValue),
                    "`async`, `async-random`, `sequential`, `sync`"),
                ConfigKey(
                    "tie", in: "dynamics", .choice(TieRule.allCases.map(\.rawValue)), default: .string(d.tie.rawValue),
                    "a zero field gives `plus` (+1), `keep`, or `minus`"),
                ConfigKey(
                    "maxSweeps", in: "dynamics", .integer(1...1_000_000), default: .int(d.maxSweeps),
                    "then the outcome is `unconverged`"),
                ConfigKey(
                    "temperature", in: "dynamics", .number(0...1000), default: .int(0),
                    "Glauber dynamics (hebbian, storkey, pseudoinverse): a visited neuron becomes +1 with probability 1/(1 + exp(−2h/T)), h on the scale of W = XᵀX/N for Hebbian; drawn from each start's own stream; 0 = deterministic"
                )
            ]
        }()

        static func decode(_ value: JSONValue?) throws(ConfigError) -> DynamicsSection {
            var dynamics = DynamicsSection()
            guard let value else { return dynamics }
            var r = try ObjectReader(value, path: "dynamics")
            dynamics.mode = try r.choice(keys["mode"], as: UpdateMode.self) ?? dynamics.mode
            dynamics.maxSweeps = try r.int(keys["maxSweeps"]) ?? dynamics.maxSweeps
            dynamics.tie = try r.choice(keys["tie"], as: TieRule.self) ?? dynamics.tie
            dynamics.temperature = try r.number(keys["temperature"]) ?? dynamics.temperature
            try r.finish()
            return dynamics
        }

        /// Mode and tie rule only for rules that update one neuron at a time.
        func json(usesUpdateOrder: Bool) -> JSONValue {
            var pairs: [(String, JSONValue)] = []
            if usesUpdateOrder { pairs += [("mode", .string(mode.rawValue)), ("tie", .string(tie.rawValue))] }
            pairs.append(("maxSweeps", .int(maxSweeps)))
            // Written only above zero, so runs without it keep their identity.
            if temperature > 0 { pairs.append(("temperature", .double(temperature))) }
            return .object(pairs)
        }
    }
}
