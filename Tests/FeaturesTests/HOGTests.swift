import Testing

@testable import Features

@Suite struct HOGTests {
    @Test func defaultDimensionFor64x64Is1764() {
        let p = HOGParameters()
        #expect(p.orientations == 9 && p.cellSize == 8 && p.blockSize == 2)
        #expect(p.dimension(width: 64, height: 64) == 1764)  // 7·7 blocks · 2·2 cells · 9 bins
        #expect(p.dimension(width: 128, height: 128) == 15 * 15 * 4 * 9)
        #expect(p.dimension(width: 71, height: 40) == 7 * 4 * 4 * 9)  // 8×5 whole cells
        #expect(p.dimension(width: 15, height: 64) == 0)  // one cell column: no block
        #expect(HOGParameters(orientations: 8, cellSize: 6, blockSize: 3).dimension(width: 70, height: 45) == 9 * 5 * 9 * 8)
    }

    @Test(arguments: [(64, 64), (71, 40), (16, 16)])
    func outputHasTheDimension(width: Int, height: Int) {
        let image = TestImage.randomFloats(width: width, height: height, seed: 7)
        #expect(
            HOG.features(image.pixels, width: width, height: height).count
                == HOGParameters().dimension(width: width, height: height))
    }

    /// No gradient anywhere: every block is 0/√ε² = 0 (scikit-image gives zeros too).
    @Test func constantImageGivesZeros() {
        let features = HOG.features([Float](repeating: 137, count: 64 * 64), width: 64, height: 64)
        #expect(features.allSatisfy { $0 == 0 })
    }

    /// Dark left half, bright right half: gx > 0 and gy = 0 on the two columns at the edge, so
    /// θ = 0° and all the energy is in bin 0 of the cells that hold the edge; a horizontal edge
    /// puts it in bin 4 (80°..<100°, the one containing 90°).
    @Test func edgesVoteInTheirOrientationBin() {
        let vertical = TestImage("vertical edge", width: 64, height: 64) { x, _ in x < 32 ? 0 : 255 }
        let horizontal = TestImage("horizontal edge", width: 64, height: 64) { _, y in y < 32 ? 0 : 255 }
        for (image, expectedBin) in [(vertical, 0), (horizontal, 4)] {
            let features = HOG.features(image.pixels, width: 64, height: 64)
            #expect(features.contains { $0 > 0 }, "\(image)")
            for (i, value) in features.enumerated() where value != 0 {
                #expect(i % 9 == expectedBin, "\(image): energy in bin \(i % 9)")
            }
        }
        // The edge columns 31 and 32 lie in cell column 3 and 4; a block from columns 3-4 holds
        // both, with its cells at 1/√4 = 0.5 each after L2-Hys (clipped at 0.2, renormalised to 0.5).
        let features = HOG.features(vertical.pixels, width: 64, height: 64)
        let block = Array(features[3 * 36..<4 * 36])  // block row 0, block column 3
        #expect(abs(block[0] - 0.5) < 1e-5 && abs(block[9] - 0.5) < 1e-5)
    }

    /// Turning the image by 180° negates every gradient, which leaves unsigned orientations and
    /// magnitudes alone (the zero borders map onto each other): the same blocks in reverse order,
    /// each block's cells reversed, bins unchanged.
    @Test func halfTurnReversesTheBlocks() {
        let image = TestImage.randomFloats(width: 64, height: 48, seed: 11)
        let turned = Array(image.pixels.reversed())
        let p = HOGParameters()
        let a = HOG.features(image.pixels, width: 64, height: 48)
        let b = HOG.features(turned, width: 64, height: 48)
        let blocks = p.blockCounts(width: 64, height: 48)
        let cellsPerBlock = p.blockSize * p.blockSize
        let blockCount = blocks.rows * blocks.columns
        for block in 0..<blockCount {
            for cell in 0..<cellsPerBlock {
                for bin in 0..<p.orientations {
                    let x = a[(block * cellsPerBlock + cell) * 9 + bin]
                    let y = b[((blockCount - 1 - block) * cellsPerBlock + cellsPerBlock - 1 - cell) * 9 + bin]
                    #expect(abs(x - y) <= 1e-5, "block \(block) cell \(cell) bin \(bin)")
                }
            }
        }
    }

    /// Halving the brightness halves every vote exactly; normalisation removes the factor up to ε.
    @Test func contrastIsNormalisedAway() {
        let image = TestImage.randomIntegers(width: 64, height: 64, seed: 3)
        let a = HOG.features(image.pixels, width: 64, height: 64)
        let b = HOG.features(image.pixels.map { $0 * 0.5 }, width: 64, height: 64)
        #expect(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-5 })
    }

    /// Every value is in 0...1 and each block has unit length (L2-Hys ends with a renormalisation).
    @Test func blocksHaveUnitLength() {
        let image = TestImage.disc(width: 64, height: 64)
        let features = HOG.features(image.pixels, width: 64, height: 64)
        for start in stride(from: 0, to: features.count, by: 36) {
            let block = features[start..<start + 36]
            let squared = block.reduce(0.0) { $0 + Double($1) * Double($1) }
            #expect(block.allSatisfy { $0 >= 0 && $0 <= 1 })
            #expect(squared == 0 || abs(squared - 1) < 1e-5, "block at \(start)")
        }
    }

    /// scikit-image itself, on images that hit the tie rules: integer gradients exactly on the
    /// 0°, 45°, 90°, 135° boundaries (8 and 4 bins), odd cells, sizes that are no multiple of
    /// the cell, and non-integer gradients.
    @Test(arguments: [(9, 8, 2), (8, 6, 3), (4, 5, 1), (7, 4, 2)])
    func matchesScikitImage(orientations: Int, cellSize: Int, blockSize: Int) throws {
        if let missing = PythonReference.missingModules(["numpy", "skimage"]) {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let p = HOGParameters(orientations: orientations, cellSize: cellSize, blockSize: blockSize)
        let images =
            TestImage.all(width: 64, height: 64, seed: 1) + TestImage.all(width: 70, height: 45, seed: 2)
            + [TestImage.randomFloats(width: 128, height: 128, seed: 5)]
        let counts = images.map { p.dimension(width: $0.width, height: $0.height) }
        let references = try PythonReference.compute(
            "hog", images, parameters: [orientations, cellSize, blockSize],
            counts: counts)
        for (image, expected) in zip(images, references) {
            let actual = HOG.features(image.pixels, width: image.width, height: image.height, parameters: p)
            let worst = worstRelativeError(actual, expected) { _ in 1e-3 }
            #expect(
                worst.error <= 1e-4,
                """
                \(image) \(p): value \(worst.index) is \(worst.index >= 0 ? actual[worst.index] : .nan), \
                scikit-image \(worst.index >= 0 ? expected[worst.index] : .nan) (\(PythonReference.versions()))
                """)
        }
    }
}

/// The vectorized fast path of the orientation binning against scikit-image's formula
/// (atan2, degrees, NumPy's `% 180`, half-open bins), one gradient at a time.
@Suite struct OrientationBinnerTests {
    @Test(arguments: [9, 8, 4, 7, 2, 1, 18])
    func fastPathAgreesWithTheFormula(orientations: Int) {
        var g = SplitMix64(seed: UInt64(orientations))
        let binner = OrientationBinner(orientations: orientations)
        let count = 4096
        let row = OrientationBinner.RowScratch(count: count)
        defer { row.deallocate() }
        for x in 0..<count {
            switch x % 4 {
            case 0:  // integer gradients, as from 0...255 images: many exact ties
                row.gx[x] = Float(Int.random(in: -6...6, using: &g))
                row.gy[x] = Float(Int.random(in: -6...6, using: &g))
            case 1:  // exact diagonals and axes
                let s = Float(Int.random(in: 1...255, using: &g))
                row.gx[x] = [s, -s, 0, s][x / 4 % 4]
                row.gy[x] = [s, s, -s, 0][x / 4 % 4]
            default:
                row.gx[x] = Float.random(in: -255...255, using: &g)
                row.gy[x] = Float.random(in: -255...255, using: &g)
            }
        }
        binner.binRow(row)
        var fast = 0
        for x in 0..<count where !(row.gx[x] == 0 && row.gy[x] == 0) {
            let expected = binner.tieBin(gx: Double(row.gx[x]), gy: Double(row.gy[x]))
            if row.bins[x] >= 0 {
                fast += 1
                #expect(
                    Int(row.bins[x]) == expected,
                    "(\(row.gx[x]), \(row.gy[x])): fast bin \(row.bins[x]), formula \(String(describing: expected))")
            }
        }
        #expect(fast > count / 2, "most gradients take the fast path")
    }
}
