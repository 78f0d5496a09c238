import Imaging
import Testing

@Suite struct ResizeTests {
    /// TensorFlow's half-pixel bilinear, worked by hand: upscaling [0, 100] to 4 pixels samples at
    /// source x = −0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1).
    @Test func bilinearMatchesTensorFlowByHand() {
        let row = GrayImage(width: 2, height: 1, pixels: [0, 100])
        #expect(Resizer.resize(row, width: 4, height: 1, method: .bilinear).pixels == [0, 25, 75, 100])
        // Downscaling 4 → 2 samples at 0.5 and 2.5: the means of neighbouring pairs, no wider
        // footprint (no antialiasing).
        let wide = GrayImage(width: 4, height: 1, pixels: [0, 10, 200, 100])
        #expect(Resizer.resize(wide, width: 2, height: 1, method: .bilinear).pixels == [5, 150])
        // 3 → 2 samples at 0.25 and 1.75.
        let three = GrayImage(width: 3, height: 1, pixels: [0, 40, 80])
        #expect(Resizer.resize(three, width: 2, height: 1, method: .bilinear).pixels == [10, 70])
        // 2-D: rows interpolate the same way.
        let square = GrayImage(width: 2, height: 2, pixels: [0, 100, 200, 100])
        let up = Resizer.resize(square, width: 4, height: 4, method: .bilinear)
        let top: Float = 0.75 * 0 + 0.25 * 100
        let bottom: Float = 0.75 * 200 + 0.25 * 100
        #expect(up[1, 1] == 0.75 * top + 0.25 * bottom)
    }

    @Test func areaAveragesBoxes() {
        let image = GrayImage(width: 4, height: 2, pixels: [0, 10, 20, 30, 40, 50, 60, 70])
        #expect(Resizer.resize(image, width: 2, height: 1, method: .area).pixels == [25, 45])
        // 3 → 2: the middle pixel is split in halves: (2·a + b)/3 and (b + 2·c)/3.
        let three = GrayImage(width: 3, height: 1, pixels: [30, 60, 90])
        let out = Resizer.resize(three, width: 2, height: 1, method: .area).pixels
        #expect(abs(out[0] - 40) < 1e-4 && abs(out[1] - 80) < 1e-4)
    }

    @Test func areaKeepsTheMeanAndIdentityIsExact() {
        var generator = SystemRandomNumberGenerator()
        let pixels = (0..<(48 * 36)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let image = GrayImage(width: 48, height: 36, pixels: pixels)
        let same = Resizer.resize(image, width: 48, height: 36, method: .area)
        #expect(same.pixels == pixels.map(Float.init))
        #expect(Resizer.resize(image, width: 48, height: 36, method: .bilinear).pixels == pixels.map(Float.init))
        for (w, h) in [(16, 12), (7, 5), (64, 64), (1, 1)] {
            let out = Resizer.resize(image, width: w, height: h, method: .area)
            let inMean = pixels.reduce(0.0) { $0 + Double($1) } / Double(pixels.count)
            let outMean = out.pixels.reduce(0.0) { $0 + Double($1) } / Double(out.pixels.count)
            #expect(abs(inMean - outMean) < 0.01, "\(w)x\(h): \(inMean) vs \(outMean)")
            #expect(out.pixels.allSatisfy { $0 >= 0 && $0 <= 255 })
        }
    }
}

@Suite struct BinarizationTests {
    func image(_ values: [Float]) -> FloatImage { FloatImage(width: values.count, height: 1, pixels: values) }

    /// The notebook: sign(x/255 − 0.5001). 0.5001·255 = 127.5255.
    @Test func seedRuleThreshold() {
        let out = Binarization.midgray.binarize(image([0, 127, 127.5, 127.52, 127.53, 128, 255]))
        #expect(out == [-1, -1, -1, -1, 1, 1, 1])
    }

    @Test func meanMedianThresholdRules() {
        let values: [Float] = [10, 20, 30, 40, 200]
        #expect(Binarization.mean.binarize(image(values)) == [-1, -1, -1, -1, 1])  // mean 60
        #expect(Binarization.median.binarize(image(values)) == [-1, -1, -1, 1, 1])  // median 30
        #expect(Binarization.threshold(20).binarize(image(values)) == [-1, -1, 1, 1, 1])
    }

    @Test func otsuSeparatesTwoModes() {
        var values: [Float] = []
        for i in 0..<100 { values.append(Float(40 + i % 7)) }
        for i in 0..<60 { values.append(Float(190 + i % 5)) }
        let level = Binarization.otsuLevel(of: values)
        #expect(level >= 46 && level < 190, "level \(level)")
        let out = Binarization.otsu.binarize(image(values))
        #expect(out.prefix(100).allSatisfy { $0 == -1 } && out.suffix(60).allSatisfy { $0 == 1 })
    }

    @Test func constantImagesAndNone() {
        #expect(Binarization.otsu.binarize(image([90, 90, 90])) == [-1, -1, -1])
        #expect(Binarization.median.binarize(image([90, 90, 90])) == [-1, -1, -1])
        #expect(Binarization.continuous(image([0, 127.5, 255])) == [-1, 0, 1])
        #expect(Binarization(name: "threshold") == nil)
        #expect(Binarization(name: "threshold", threshold: 3) == .threshold(3))
        #expect(Binarization(name: "bogus") == nil)
    }
}
