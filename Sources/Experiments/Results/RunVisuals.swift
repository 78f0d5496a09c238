/// Material for a run's pictures, gathered while it runs: the memories, examples per outcome,
/// one trajectory, energy curves and the weights. Plain values: drawing them is the report's job.
public struct RunVisuals: Sendable {
    /// An example for the outcomes picture: the start, where it converged, the nearest memory.
    public struct Example: Sendable {
        /// The outcome (classify) or the level (recall) the example stands for.
        public var group: String
        /// The start.
        public var input: [Double]
        /// The final state.
        public var state: [Double]
        /// The nearest memory (recall: the target).
        public var nearest: [Double]
        /// Words under the example: the image's class and what it was classified as ("7>1").
        public var caption = ""

        /// An example of a group.
        public init(group: String, input: [Double], state: [Double], nearest: [Double], caption: String = "") {
            self.caption = caption
            self.group = group
            self.input = input
            self.state = state
            self.nearest = nearest
        }
    }

    /// The pattern side (0: not an image, no pattern pictures).
    public var size = 0
    /// The stored patterns pictured (all of them, or ``shownLimit`` evenly spaced ones).
    public var memories: [[Double]] = []
    /// The index of each pictured memory (empty: 0, 1, 2, …).
    public var memoryIndices: [Int] = []
    /// Memories stored in all.
    public var memoryTotal = 0
    /// Each stored memory's class (all of them).
    public var memoryLabels: [String] = []
    /// At most this many memories are pictured.
    public static let shownLimit = 80
    /// Up to 8 examples per outcome (4 per level for recall).
    public var examples: [Example] = []
    /// One image's states and energies sweep by sweep.
    public var trajectory: [[Double]] = []
    /// The energies of the trajectory's states.
    public var trajectoryEnergies: [Double] = []
    /// Energy histories of a few images, each named for energy.svg's legend by what it is
    /// ("level 0.1", "test image 3").
    public var energyCurves: [(name: String, energies: [Double])] = []
    /// The weights and the memories' overlaps, for binary networks with pairwise weights.
    public var weights: WeightsView?
    /// Runs with a feature stage: test photos (`input`) beside the training photos they
    /// retrieved (`nearest`), gray thumbnails of ``retrievalSide`` pixels, grouped "right" and "wrong".
    public var retrievals: [Example] = []
    /// The side of the retrieval gallery's thumbnails.
    public static let retrievalSide = 48

    /// No pictures yet: the task fills in what it draws.
    public init() {}
}
