/// Vigna's splitmix64: a seeded generator so the random test images are the same on every run.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A deterministic grayscale test image on the 0...255 scale.
struct TestImage: CustomStringConvertible {
    let name: String
    let width: Int
    let height: Int
    let pixels: [Float]
    var description: String { "\(name) \(width)x\(height)" }

    init(_ name: String, width: Int, height: Int, pixel: (Int, Int) -> Float) {
        self.name = name
        self.width = width
        self.height = height
        pixels = (0..<height).flatMap { y in (0..<width).map { x in pixel(x, y) } }
    }

    /// A diagonal ramp wrapping at 256: one gradient direction with jumps along the wrap.
    static func ramp(width: Int, height: Int) -> TestImage {
        TestImage("ramp", width: width, height: height) { x, y in Float((3 * x + 5 * y) % 256) }
    }

    /// Squares of `side` pixels, 0 and 255: only horizontal and vertical gradients and
    /// exactly diagonal ones at the corners.
    static func checkerboard(width: Int, height: Int, side: Int = 4) -> TestImage {
        TestImage("checkerboard", width: width, height: height) { x, y in (x / side + y / side) % 2 == 0 ? 0 : 255 }
    }

    /// A bright disc on black: gradients in every direction, many exactly at 0°, 45°, 90°, 135°.
    static func disc(width: Int, height: Int) -> TestImage {
        let cx = Double(width) / 2, cy = Double(height) / 2, r = Double(min(width, height)) / 3
        return TestImage("disc", width: width, height: height) { x, y in
            let dx = Double(x) - cx, dy = Double(y) - cy
            return dx * dx + dy * dy < r * r ? 255 : 0
        }
    }

    /// Integer values 0...255, uniform.
    static func randomIntegers(width: Int, height: Int, seed: UInt64) -> TestImage {
        var g = SplitMix64(seed: seed)
        return TestImage("random integers", width: width, height: height) { _, _ in Float(Int.random(in: 0...255, using: &g)) }
    }

    /// Float values in 0..<255, uniform: gradients that are not integers.
    static func randomFloats(width: Int, height: Int, seed: UInt64) -> TestImage {
        var g = SplitMix64(seed: seed)
        return TestImage("random floats", width: width, height: height) { _, _ in Float.random(in: 0..<255, using: &g) }
    }

    /// All the above at one size.
    static func all(width: Int, height: Int, seed: UInt64) -> [TestImage] {
        [
            ramp(width: width, height: height), checkerboard(width: width, height: height),
            disc(width: width, height: height), randomIntegers(width: width, height: height, seed: seed),
            randomFloats(width: width, height: height, seed: seed + 1)
        ]
    }
}
