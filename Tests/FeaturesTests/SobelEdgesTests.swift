import Features
import Testing

@Suite struct SobelEdgesTests {
    @Test func dimensionIsThreeMaps() {
        #expect(SobelEdges.dimension(width: 64, height: 64) == 3 * 4096)
        let image = TestImage.ramp(width: 5, height: 3)
        #expect(SobelEdges.features(image.pixels, width: 5, height: 3).count == 45)
    }

    @Test func constantImageGivesZeros() {
        let features = SobelEdges.features([Float](repeating: 200, count: 30), width: 6, height: 5)
        #expect(features.allSatisfy { $0 == 0 })
    }

    /// A step from 0 to 255 between columns 2 and 3: dx = 4·255 on both sides of it (the rows
    /// above, at and below weigh 1, 2, 1), dy = 0, so m = 1020, m·cos 2θ = m, m·sin 2θ = 0; a
    /// horizontal step gives m·cos 2θ = −m. REFLECT padding keeps the borders free of false edges.
    @Test func stepEdges() {
        let vertical = TestImage("vertical step", width: 6, height: 4) { x, _ in x < 3 ? 0 : 255 }
        let f = SobelEdges.features(vertical.pixels, width: 6, height: 4)
        for y in 0..<4 {
            for x in 0..<6 {
                let i = y * 6 + x
                let onEdge = x == 2 || x == 3
                #expect(f[i] == (onEdge ? 1020 : 0) && f[24 + i] == f[i] && f[48 + i] == 0, "(\(x), \(y))")
            }
        }
        let g = SobelEdges.gradients(vertical.pixels, width: 6, height: 4)
        #expect(g.dx[2] == 1020 && g.dy.allSatisfy { $0 == 0 })
        let horizontal = TestImage("horizontal step", width: 4, height: 6) { _, y in y < 3 ? 0 : 255 }
        let h = SobelEdges.features(horizontal.pixels, width: 4, height: 6)
        #expect((0..<24).allSatisfy { h[24 + $0] == -h[$0] && h[48 + $0] == 0 })
    }

    /// Transposing the image swaps dx and dy: m and m·sin 2θ are transposed, m·cos 2θ is
    /// transposed and negated. Mirroring left-right negates dx: m·sin 2θ changes sign.
    @Test func symmetries() {
        let image = TestImage.randomFloats(width: 9, height: 7, seed: 4)
        let (w, h) = (9, 7)
        let transposed = (0..<w).flatMap { x in (0..<h).map { y in image.pixels[y * w + x] } }
        let mirrored = (0..<h).flatMap { y in (0..<w).map { x in image.pixels[y * w + (w - 1 - x)] } }
        let f = SobelEdges.features(image.pixels, width: w, height: h)
        let t = SobelEdges.features(transposed, width: h, height: w)
        let m = SobelEdges.features(mirrored, width: w, height: h)
        let plane = w * h
        for y in 0..<h {
            for x in 0..<w {
                let i = y * w + x, ti = x * h + y, mi = y * w + (w - 1 - x)
                #expect(f[i] == t[ti] && f[plane + i] == -t[plane + ti] && f[2 * plane + i] == t[2 * plane + ti])
                #expect(f[i] == m[mi] && f[plane + i] == m[plane + mi] && f[2 * plane + i] == -m[2 * plane + mi])
            }
        }
    }

    /// (m cos 2θ)² + (m sin 2θ)² = m².
    @Test func orientationPairHasTheMagnitude() {
        let image = TestImage.randomIntegers(width: 16, height: 16, seed: 9)
        let f = SobelEdges.features(image.pixels, width: 16, height: 16)
        for i in 0..<256 {
            let m = Double(f[i]), c = Double(f[256 + i]), s = Double(f[512 + i])
            #expect(abs(c * c + s * s - m * m) <= 1e-5 * max(m * m, 1))
        }
    }

    /// An explicit NumPy correlation with TensorFlow's kernels on an np.pad(mode="reflect") image.
    /// Each difference is relative to the pixel's magnitude (the scale of all three maps there).
    @Test func matchesNumPy() throws {
        if let missing = PythonReference.missingModules(["numpy"]) {
            Issue.record(Comment(rawValue: missing))
            return
        }
        let images = TestImage.all(width: 64, height: 64, seed: 1) + TestImage.all(width: 31, height: 2, seed: 2)
        let counts = images.map { SobelEdges.dimension(width: $0.width, height: $0.height) }
        let references = try PythonReference.compute("sobel", images, counts: counts)
        for (image, expected) in zip(images, references) {
            let actual = SobelEdges.features(image.pixels, width: image.width, height: image.height)
            let plane = image.width * image.height
            let worst = worstRelativeError(actual, expected) { i in max(Double(expected[i % plane]), 1) }
            #expect(
                worst.error <= 1e-4,
                "\(image): value \(worst.index) is \(worst.index >= 0 ? actual[worst.index] : .nan), NumPy \(worst.index >= 0 ? expected[worst.index] : .nan)"
            )
        }
    }
}
