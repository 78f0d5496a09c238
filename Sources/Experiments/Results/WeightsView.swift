/// What the weights picture shows: W itself when N ≤ 400, else the row of the centre neuron,
/// beside the matrix of the memories' overlaps m/N.
public struct WeightsView: Sendable {
    /// Every row of W (N ≤ 400), or nil.
    public var matrix: [[Double]]?
    /// The centre neuron's row of W (N > 400), or nil when the rule has no pairwise weights.
    public var centreRow: [Double]?
    /// P×P overlaps m/N between memories, row-major.
    public var overlaps: [Double]

    /// A view of the weights.
    public init(matrix: [[Double]]?, centreRow: [Double]?, overlaps: [Double]) {
        self.matrix = matrix
        self.centreRow = centreRow
        self.overlaps = overlaps
    }
}
