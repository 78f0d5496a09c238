extension ExperimentConfig {
    /// `outputs`: optional files per run.
    public struct OutputsSection: Sendable, Equatable {
        /// Write memories.npy, inputs.npy, states.npy per run.
        public var states = false
        /// Write PNG pictures and SVG plots per run (and the HTML report).
        public var pictures = true

        /// The section's keys.
        public static let keys: [ConfigKey] = {
            let d = OutputsSection()
            return [
                ConfigKey(
                    "states", in: "outputs", .boolean, default: .bool(d.states),
                    "also write `memories.npy`, `inputs.npy`, `states.npy` per run"),
                ConfigKey("pictures", in: "outputs", .boolean, default: .bool(d.pictures), "PNG pictures and SVG plots per run")
            ]
        }()

        static func decode(_ value: JSONValue?) throws(ConfigError) -> OutputsSection {
            var outputs = OutputsSection()
            guard let value else { return outputs }
            var r = try ObjectReader(value, path: "outputs")
            outputs.states = try r.bool(keys["states"]) ?? outputs.states
            outputs.pictures = try r.bool(keys["pictures"]) ?? outputs.pictures
            try r.finish()
            return outputs
        }

        var json: JSONValue { .object([("states", .bool(states)), ("pictures", .bool(pictures))]) }
    }
}
