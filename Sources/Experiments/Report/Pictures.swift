/// Per-run pictures and plots (see the report issue); filled in by the picture writers.
enum Pictures {
    static func runFiles(_ visuals: RunVisuals, config: ExperimentConfig) -> [(String, [UInt8])] { [] }
}
