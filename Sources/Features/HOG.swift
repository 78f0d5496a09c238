import Foundation

/// The shape of a ``HOG`` descriptor: how many orientation bins, how large a cell, how many cells
/// per block. The defaults are Dalal and Triggs's (9 unsigned bins, 8×8-pixel cells, 2×2-cell
/// blocks), which are also what `skimage.feature.hog(orientations=9, pixels_per_cell=(8, 8),
/// cells_per_block=(2, 2))` is called with in our Python notebooks. Cells and blocks are square.
public struct HOGParameters: Sendable, Hashable {
    /// Number of orientation bins over the unsigned range 0°..<180°, each 180°/orientations wide.
    /// 9 (20° bins): Dalal and Triggs found finer bins help up to about 9 and no further.
    public var orientations: Int
    /// Side of a cell in pixels. 8: for 64×64 images this gives an 8×8 grid of cells, each large
    /// enough to hold a stroke's edge but small enough to keep its position.
    public var cellSize: Int
    /// Side of a block in cells; blocks slide one cell at a time and overlap. 2: Dalal and
    /// Triggs's best block for 8-pixel cells (16×16 pixels).
    public var blockSize: Int

    /// Parameters with Dalal and Triggs's defaults; all must be at least 1.
    public init(orientations: Int = 9, cellSize: Int = 8, blockSize: Int = 2) {
        precondition(
            orientations >= 1 && cellSize >= 1 && blockSize >= 1,
            "HOGParameters: orientations \(orientations), cellSize \(cellSize), blockSize \(blockSize)")
        self.orientations = orientations
        self.cellSize = cellSize
        self.blockSize = blockSize
    }

    /// Whole cells that fit: ⌊width / cellSize⌋ columns and ⌊height / cellSize⌋ rows. Pixels to
    /// the right of or below the last whole cell are not described (as in scikit-image).
    public func cellCounts(width: Int, height: Int) -> (columns: Int, rows: Int) {
        (width / cellSize, height / cellSize)
    }

    /// Block positions: cells − blockSize + 1 along each axis (0 when the image is too small).
    public func blockCounts(width: Int, height: Int) -> (columns: Int, rows: Int) {
        let cells = cellCounts(width: width, height: height)
        return (max(cells.columns - blockSize + 1, 0), max(cells.rows - blockSize + 1, 0))
    }

    /// Length of the descriptor of a width × height image: block rows × block columns ×
    /// blockSize² × orientations; 1764 (7·7·2·2·9) for 64×64 with the defaults, 0 when the image
    /// holds no whole block.
    public func dimension(width: Int, height: Int) -> Int {
        let blocks = blockCounts(width: width, height: height)
        return blocks.rows * blocks.columns * blockSize * blockSize * orientations
    }
}

/// Histograms of oriented gradients (Dalal and Triggs 2005) as scikit-image 0.26 computes them:
/// `skimage.feature.hog(image, orientations, pixels_per_cell=(c, c), cells_per_block=(b, b),
/// block_norm='L2-Hys', transform_sqrt=False, feature_vector=True)` on a 2-D float32 image.
///
/// 1. Gradients: central differences without smoothing, gx(x, y) = I(x+1, y) − I(x−1, y) and
///    gy(x, y) = I(x, y+1) − I(x, y−1) (no division by 2), computed in Float like scikit-image on
///    a float32 image; 0 on the first and last column (gx) and row (gy).
/// 2. Each pixel votes its magnitude √(gx² + gy²) (in Double) into exactly one bin of its cell:
///    bin i holds the unsigned angles θ = atan2(gy, gx)·180/π mod 180 with
///    i·180/n ≤ θ < (i+1)·180/n. A cell's bin is the Float sum of its votes in row-major order,
///    divided by cellSize² (scikit-image accumulates in float32 and averages).
/// 3. Each block of b×b cells is L2-Hys normalised in Double: v ← v/√(‖v‖² + ε²), then
///    v ← min(v, 0.2), then v ← v/√(‖v‖² + ε²), with ε = 10⁻⁵.
/// 4. Output order: block row, block column, cell row in the block, cell column, bin.
///
/// Where this differs from Dalal and Triggs (and matches scikit-image): votes are not
/// interpolated, neither between neighbouring bins nor between neighbouring cells (their
/// trilinear voting), and blocks have no Gaussian window; the image border gets zero gradients.
/// A constant image gives all zeros (0/√ε²).
///
/// Bins are found without calling atan2 for most pixels: θ ≥ i·180/n exactly when the cross
/// product of the folded gradient with the boundary direction is ≥ 0, which vectorizes. A pixel
/// whose gradient lies within 10⁻⁵ radians of a boundary (including 0°/180°, and 45°, 90°, 135°
/// when they are boundaries) is binned by scikit-image's own formula with Foundation's atan2, so
/// ties go where scikit-image puts them.
public enum HOG {
    /// ε of the L2-Hys normalisation, scikit-image's: keeps blocks without gradient at 0 instead
    /// of 0/0, and is negligible next to any real gradient (votes are ≥ 1/cellSize² per unit step).
    public static let epsilon: Double = 1e-5
    /// The L2-Hys clipping level (Lowe's SIFT value, kept by Dalal and Triggs): no single bin can
    /// dominate a block after renormalisation.
    public static let clipLevel: Double = 0.2

    /// The descriptor of a width × height grayscale image, `pixels` row-major from the top left
    /// (pixel (x, y) at y·width + x) on the 0...255 scale; ``HOGParameters/dimension(width:height:)``
    /// values. The image must hold at least one block (blockSize·cellSize pixels each way;
    /// scikit-image raises ValueError otherwise).
    public static func features(
        _ pixels: [Float], width: Int, height: Int,
        parameters: HOGParameters = HOGParameters()
    ) -> [Float] {
        precondition(
            width >= 0 && height >= 0 && pixels.count == width * height,
            "HOG: \(pixels.count) pixels for \(width)x\(height)")
        let blocks = parameters.blockCounts(width: width, height: height)
        precondition(
            blocks.rows > 0 && blocks.columns > 0,
            "HOG: a \(width)x\(height) image holds no block of \(parameters.blockSize)x\(parameters.blockSize) cells of \(parameters.cellSize)x\(parameters.cellSize) pixels"
        )
        let cells = parameters.cellCounts(width: width, height: height)
        var histograms = [Float](repeating: 0, count: cells.rows * cells.columns * parameters.orientations)
        let binner = OrientationBinner(orientations: parameters.orientations)
        pixels.withUnsafeBufferPointer { image in
            histograms.withUnsafeMutableBufferPointer { out in
                cellHistograms(
                    image, width: width, height: height, cellSize: parameters.cellSize,
                    binner: binner, into: out)
            }
        }
        return normalizedBlocks(
            histograms, cellColumns: cells.columns, parameters: parameters,
            blocks: blocks)
    }

    /// Step 2: the cell grid's histograms, cell (row r, column c) at (r·columns + c)·orientations;
    /// `out` starts at zero. One image row at a time: its gradients and bins are found for the
    /// whole row in loops the compiler vectorizes (``OrientationBinner``), then each pixel's vote
    /// is added to its cell in row-major order, so every bin sums its votes in scikit-image's
    /// order. Pixels with a zero gradient are skipped: their vote is +0, which leaves a sum as it is.
    static func cellHistograms(
        _ image: UnsafeBufferPointer<Float>, width: Int, height: Int, cellSize: Int,
        binner: OrientationBinner, into out: UnsafeMutableBufferPointer<Float>
    ) {
        let n = binner.orientations
        let cellColumns = width / cellSize, cellRows = height / cellSize
        let span = cellColumns * cellSize  // the pixels of a row that lie in whole cells
        let area = Float(cellSize * cellSize)
        let rowScratch = OrientationBinner.RowScratch(count: span)
        defer { rowScratch.deallocate() }
        let base = image.baseAddress!
        for y in 0..<cellRows * cellSize {
            let row = base + y * width
            let gx = rowScratch.gx, gy = rowScratch.gy
            // Central differences; 0 on the first and last column and on the first and last row.
            gx[0] = 0
            for x in 1..<max(min(span, width - 1), 1) { gx[x] = row[x + 1] - row[x - 1] }
            if span == width { gx[span - 1] = 0 }
            if y > 0 && y < height - 1 {
                let above = row - width, below = row + width
                for x in 0..<span { gy[x] = below[x] - above[x] }
            } else {
                gy.update(repeating: 0, count: span)
            }
            binner.binRow(rowScratch)
            let cellRow = y / cellSize
            for cellColumn in 0..<cellColumns {
                let bins = out.baseAddress! + (cellRow * cellColumns + cellColumn) * n
                for x in cellColumn * cellSize..<(cellColumn + 1) * cellSize {
                    var bin = Int(rowScratch.bins[x])
                    if bin < 0 {
                        if gx[x] == 0 && gy[x] == 0 { continue }
                        guard let tie = binner.tieBin(gx: Double(gx[x]), gy: Double(gy[x])) else { continue }
                        bin = tie
                    }
                    let u = Double(gx[x]), v = Double(gy[x])
                    bins[bin] = Float(Double(bins[bin]) + (u * u + v * v).squareRoot())
                }
            }
        }
        for k in 0..<cellRows * cellColumns * n { out[k] /= area }
    }

    /// Steps 3 and 4: every block's cells gathered in output order, L2-Hys normalised in Double,
    /// rounded to Float once at the end.
    static func normalizedBlocks(
        _ histograms: [Float], cellColumns: Int, parameters: HOGParameters,
        blocks: (columns: Int, rows: Int)
    ) -> [Float] {
        let n = parameters.orientations, b = parameters.blockSize
        let blockLength = b * b * n
        let count = blocks.rows * blocks.columns * blockLength
        let epsilonSquared = epsilon * epsilon
        return [Float](unsafeUninitializedCapacity: count) { out, initialized in
            let block = UnsafeMutablePointer<Double>.allocate(capacity: blockLength)
            defer { block.deallocate() }
            histograms.withUnsafeBufferPointer { cells in
                var o = 0
                for blockRow in 0..<blocks.rows {
                    for blockColumn in 0..<blocks.columns {
                        var k = 0
                        for i in 0..<b {
                            let first = cells.baseAddress! + ((blockRow + i) * cellColumns + blockColumn) * n
                            for j in 0..<b * n {
                                block[k] = Double(first[j])
                                k += 1
                            }
                        }
                        var sum = 0.0
                        for k in 0..<blockLength { sum += block[k] * block[k] }
                        var norm = (sum + epsilonSquared).squareRoot()
                        sum = 0
                        for k in 0..<blockLength {
                            block[k] = min(block[k] / norm, clipLevel)
                            sum += block[k] * block[k]
                        }
                        norm = (sum + epsilonSquared).squareRoot()
                        for k in 0..<blockLength { out[o + k] = Float(block[k] / norm) }
                        o += blockLength
                    }
                }
            }
            initialized = count
        }
    }
}

/// Which of n equal bins over 0°..<180° a gradient's unsigned orientation falls in, as
/// scikit-image decides it: θ = atan2(gy, gx)·(180/π) reduced by NumPy's `% 180`, bin i when
/// β_i ≤ θ < β_(i+1) with the boundaries β_i = i·(180/n) in Double.
///
/// Fast path, a whole row at a time in loops the compiler vectorizes: fold the gradient into the
/// first quadrant, (a, v) = (|gx|, |gy|), at angle φ ∈ [0°, 90°]. There φ ≥ β exactly when the
/// cross product cos β·v − sin β·a is ≥ 0, so k = the number of boundaries in (0°, 90°) with a
/// non-negative cross product; θ is φ when gx and gy have the same sign and 180° − φ otherwise,
/// and since the boundaries are symmetric about 90°, the bin is k or n − 1 − k. |cross| =
/// |g|·|sin(φ − β)| measures the distance to a boundary; the Float rounding of these loops is
/// below 3·10⁻⁷·(a + v).
///
/// Tie path: a pixel with gy = 0 (θ = 0° or 180°), or within ``tieTolerance`` of a boundary
/// (90° counts when n is even), is marked (bin −1) and binned one at a time by
/// ``tieBin(gx:gy:)``, so ties (45°, 90°, 135° when they are boundaries) go where scikit-image
/// puts them.
struct OrientationBinner {
    /// Number of bins.
    let orientations: Int
    /// cos β_j and sin β_j of the boundaries strictly between 0° and 90°, in Float.
    let cosines: [Float]
    let sines: [Float]
    /// A pixel whose cross product with some boundary is at most this fraction of a + v (about
    /// that many radians away) takes the tie path: 30 times the fast path's rounding error, and
    /// reached by about 2·(n − 1)·10⁻⁵/π of the pixels of a random image.
    static let tieTolerance: Float = 1e-5

    init(orientations: Int) {
        self.orientations = orientations
        let step = 180.0 / Double(orientations)
        let angles = (1..<max(orientations, 1)).map { step * Double($0) }.filter { $0 < 90 }.map { $0 * Double.pi / 180 }
        cosines = angles.map { Float(cos($0)) }
        sines = angles.map { Float(sin($0)) }
    }

    /// Per-row working memory: the gradients (filled by the caller), the folded gradient, the
    /// distance to the nearest boundary, and the bins (−1: take the tie path).
    struct RowScratch {
        let count: Int
        let gx: UnsafeMutablePointer<Float>, gy: UnsafeMutablePointer<Float>
        let a: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, margin: UnsafeMutablePointer<Float>
        let bins: UnsafeMutablePointer<Int32>

        init(count: Int) {
            self.count = count
            let floats = UnsafeMutablePointer<Float>.allocate(capacity: max(5 * count, 1))
            (gx, gy, a, v, margin) = (floats, floats + count, floats + 2 * count, floats + 3 * count, floats + 4 * count)
            bins = .allocate(capacity: max(count, 1))
        }

        func deallocate() {
            gx.deallocate()
            bins.deallocate()
        }
    }

    /// The fast path over a row: `row.bins[x]` is the bin of (gx[x], gy[x]), or −1 for the tie
    /// path. Every loop is branch-free over the row.
    func binRow(_ row: RowScratch) {
        let count = row.count, n = Int32(orientations)
        let (gx, gy, a, v, margin, bins) = (row.gx, row.gy, row.a, row.v, row.margin, row.bins)
        for x in 0..<count {
            a[x] = abs(gx[x])
            v[x] = abs(gy[x])
            margin[x] = v[x]  // the distance to the 0°/180° direction
            bins[x] = 0
        }
        cosines.withUnsafeBufferPointer { cosines in
            sines.withUnsafeBufferPointer { sines in
                for j in 0..<cosines.count {
                    let c = cosines[j], s = sines[j]
                    for x in 0..<count {
                        let cross = c * v[x] - s * a[x]
                        bins[x] &+= cross >= 0 ? 1 : 0
                        margin[x] = min(margin[x], abs(cross))
                    }
                }
            }
        }
        if n % 2 == 0 {  // 90° is a boundary: a is the distance to it
            for x in 0..<count { margin[x] = min(margin[x], a[x]) }
        }
        let tolerance = Self.tieTolerance
        for x in 0..<count {
            let mirrored = (gx[x] < 0) != (gy[x] < 0)
            let bin = mirrored ? n &- 1 &- bins[x] : bins[x]
            bins[x] = margin[x] > tolerance * (a[x] + v[x]) ? bin : -1
        }
    }

    /// The bin of a non-zero gradient on the tie path, or nil when scikit-image's θ rounds to 180
    /// and falls in no bin. gy = 0 is angle 0 or ±180° (atan2 gives ±0 or ±π, and π·(180/π) is
    /// exactly 180 in Double), which NumPy's `% 180` makes 0: bin 0. Otherwise scikit-image's
    /// formula verbatim: NumPy's float remainder is fmod shifted into [0, 180), rad2deg
    /// multiplies by 180/π.
    func tieBin(gx: Double, gy: Double) -> Int? {
        if gy == 0 { return 0 }
        let degrees = atan2(gy, gx) * (180.0 / Double.pi)
        var theta = fmod(degrees, 180)
        if theta == 0 { theta = 0 } else if theta < 0 { theta += 180 }
        let step = 180.0 / Double(orientations)
        for i in 0..<orientations where theta >= step * Double(i) && theta < step * Double(i + 1) {
            return i
        }
        return nil
    }
}
