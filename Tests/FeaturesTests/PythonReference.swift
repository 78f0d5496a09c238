import Foundation
import TestSupport

/// Runs the independent implementations in Python: scikit-image's `hog` and a NumPy Sobel written
/// from TensorFlow's definition. Images go over as raw little-endian float32 files and the
/// results come back the same way, so nothing is lost to text formatting.
enum PythonReference {
    /// Arguments: mode (hog | sobel), input path, output path, the hog parameters (orientations,
    /// cell size, block size; none for sobel), then one "width:height" per image. The images are
    /// concatenated in the input file as float32, so scikit-image takes its gradients in float32
    /// as the Swift code does; the results are concatenated in the output file.
    static let script = #"""
        import sys
        import numpy as np
        mode, source, target = sys.argv[1:4]
        parameters = [int(a) for a in sys.argv[4:7]] if mode == "hog" else []
        sizes = [tuple(int(n) for n in a.split(":")) for a in sys.argv[4 + len(parameters):]]
        data = np.fromfile(source, dtype="<f4")

        def hog(image):
            from skimage.feature import hog
            orientations, cell, block = parameters
            return hog(image, orientations=orientations, pixels_per_cell=(cell, cell), cells_per_block=(block, block),
                       block_norm="L2-Hys", feature_vector=True)

        def sobel(image):
            height, width = image.shape
            padded = np.pad(image.astype(np.float64), 1, mode="reflect")
            ky = np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=np.float64)
            kx = ky.T
            def correlate(kernel):
                return sum(kernel[i, j] * padded[i:i + height, j:j + width] for i in range(3) for j in range(3))
            dy, dx = correlate(ky), correlate(kx)
            m = np.sqrt(dx * dx + dy * dy)
            safe = np.where(m > 0, m, 1)
            c = np.where(m > 0, (dx * dx - dy * dy) / safe, 0)
            s = np.where(m > 0, 2 * dx * dy / safe, 0)
            return np.concatenate([m.ravel(), c.ravel(), s.ravel()])

        outputs, offset = [], 0
        for width, height in sizes:
            image = data[offset:offset + width * height].reshape(height, width)
            offset += width * height
            outputs.append(np.asarray(hog(image) if mode == "hog" else sobel(image), dtype="<f4"))
        np.concatenate(outputs).tofile(target)
        """#

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    /// What is missing, or nil when python3 can import the modules (NumPy; scikit-image for HOG).
    /// The tests fail with this message rather than being skipped; nothing is installed here.
    static func missingModules(_ modules: [String]) -> String? {
        let install = "python3 -m pip install " + (modules.contains("skimage") ? "scikit-image" : "numpy")
        guard let result = try? run(["python3", "-c", "import " + modules.joined(separator: ", ")]) else {
            return
                "python3 could not be started; this reference test needs Python 3 with \(modules.joined(separator: " and ")) (\(install))"
        }
        if result.status == 0 { return nil }
        return "this reference test needs \(modules.joined(separator: " and ")) in python3: \(install)\n" + result.stderr
    }

    /// NumPy's and scikit-image's versions, for messages.
    static func versions() -> String {
        (try? run(["python3", "-c", "import numpy, skimage; print('numpy', numpy.__version__, 'scikit-image', skimage.__version__)"]))?
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown versions"
    }

    /// The reference's output for each image, `counts[i]` values for image i; `parameters` are
    /// the mode's further arguments. One Python process for all the images.
    static func compute(
        _ mode: String, _ images: [TestImage], parameters: [Int] = [],
        counts: [Int]
    ) throws -> [[Float]] {
        let folder = FileManager.default.temporaryDirectory.path + "/features-reference-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let source = folder + "/images.f32", target = folder + "/out.f32"
        let pixels = images.flatMap(\.pixels)
        try pixels.withUnsafeBufferPointer { Data(buffer: $0) }.write(to: URL(fileURLWithPath: source))  // little-endian
        let arguments = [mode, source, target] + parameters.map(String.init) + images.map { "\($0.width):\($0.height)" }
        let result = try run(["python3", "-c", script] + arguments)
        guard result.status == 0 else {
            throw Failure(description: "python3 \(mode) reference failed (status \(result.status)):\n\(result.stderr)")
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: target))
        let all = data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        guard all.count == counts.reduce(0, +) else {
            throw Failure(description: "python3 \(mode) reference wrote \(all.count) values, expected \(counts.reduce(0, +))")
        }
        var start = 0
        return counts.map { count in
            defer { start += count }
            return Array(all[start..<start + count])
        }
    }

    /// Runs a program found on PATH (TestSupport's runner: both pipes read while it runs).
    static func run(_ command: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let result = try runProcess("/usr/bin/env", command)
        return (result.status, result.stdout, result.stderr)
    }
}

/// The largest disagreement of `actual` with `expected`, each difference divided by
/// max(|expected|, `scale`): relative where the values are large, absolute in units of `scale`
/// near zero (where a relative error means nothing).
func worstRelativeError(_ actual: [Float], _ expected: [Float], scale: (Int) -> Double) -> (error: Double, index: Int) {
    var worst = (error: 0.0, index: -1)
    for i in actual.indices {
        let e = abs(Double(actual[i]) - Double(expected[i])) / max(abs(Double(expected[i])), scale(i))
        if e > worst.error || e.isNaN { worst = (e, i) }
    }
    return worst
}
