import CKernels
import Foundation

extension EfficientNetLite0 {
    /// The scratch memory of forward passes, allocated once and reused image after image; one per
    /// thread (not thread-safe).
    ///
    /// The large early blocks run in bands of output rows: the expand convolution writes only the
    /// rows a band of the depthwise convolution reads, into a buffer of about `bandBytes`, and the
    /// project convolution consumes the band at once. The expanded image of block 1 alone is
    /// 112·112·96 floats (4.8 MB); a band stays in the L2 cache. Banding changes no bits: every
    /// output is computed by the same operations whatever the band.
    public final class Workspace {
        typealias Architecture = EfficientNetLite0Architecture
        /// The default band budget: half of a Zen or Skylake-SP L2 cache.
        public static let defaultBandBytes = 256 * 1024

        /// Output rows per band of each block.
        let bandRows: [Int]
        let input: UnsafeMutablePointer<Float>
        let columns: UnsafeMutablePointer<Float>
        /// Block input and output (full images), swapped after each block.
        let x: UnsafeMutablePointer<Float>, y: UnsafeMutablePointer<Float>
        /// Expanded rows of the current band, and the depthwise output of the band.
        let expanded: UnsafeMutablePointer<Float>, filtered: UnsafeMutablePointer<Float>
        let pooled: UnsafeMutablePointer<Float>
        let logits: UnsafeMutablePointer<Float>
        private var allocations: [UnsafeMutablePointer<Float>] = []

        /// Allocates the buffers (about 6 MB with the default budget).
        public convenience init() { self.init(bandBytes: Self.defaultBandBytes) }

        /// `bandBytes`: the size of the expanded band buffer to aim for. A block whose whole
        /// expanded image is at most twice that runs in one band.
        init(bandBytes: Int) {
            let blocks = Architecture.blocks
            bandRows = blocks.map { block in
                let out = block.outputSize
                let rowBytes = block.inputSize * block.hiddenChannels * MemoryLayout<Float>.size
                if block.inputSize * rowBytes <= 2 * bandBytes { return out }
                let inputRows = bandBytes / rowBytes
                return inputRows < block.kernel ? 1 : min(out, (inputRows - block.kernel) / block.stride + 1)
            }
            let side = Architecture.inputSize, stemSide = side / 2
            var activation = stemSide * stemSide * Architecture.stemChannels
            var expandedCount = 0, filteredCount = 0
            for (block, rows) in zip(blocks, bandRows) {
                activation = max(activation, block.outputSize * block.outputSize * block.outChannels)
                let inputRows = min(block.inputSize, (rows - 1) * block.stride + block.kernel)
                expandedCount = max(expandedCount, inputRows * block.inputSize * block.hiddenChannels)
                filteredCount = max(filteredCount, rows * block.outputSize * block.hiddenChannels)
            }
            let head = blocks.last!.outputSize
            expandedCount = max(expandedCount, head * head * Architecture.featureCount)
            var allocations: [UnsafeMutablePointer<Float>] = []
            func allocate(_ count: Int) -> UnsafeMutablePointer<Float> {
                let raw = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
                let p = raw.initializeMemory(as: Float.self, repeating: 0, count: count)
                allocations.append(p)
                return p
            }
            input = allocate(side * side * 3)
            columns = allocate(stemSide * stemSide * 27)
            x = allocate(activation)
            y = allocate(activation)
            expanded = allocate(expandedCount)
            filtered = allocate(filteredCount)
            pooled = allocate(Architecture.featureCount)
            logits = allocate(Architecture.classCount)
            self.allocations = allocations
        }

        deinit {
            for p in allocations { UnsafeMutableRawPointer(p).deallocate() }
        }
    }

    /// One forward pass: features into `workspace.pooled`, and logits into `workspace.logits`
    /// when asked.
    ///
    /// stem (3×3/2, ReLU6) → 16 blocks → head (1×1, ReLU6) → mean over the 7×7 positions →
    /// [fc]. Activations are NHWC.
    func run(_ rgb: [UInt8], _ workspace: Workspace, logits: Bool) {
        let side = Architecture.inputSize
        rgb.withUnsafeBufferPointer { hl_cnn_normalize_bytes($0.baseAddress!, side * side * 3, workspace.input) }
        let stemPad = Architecture.samePadding(size: side, kernel: 3, stride: 2)
        var size = side / 2
        hl_cnn_im2col(workspace.input, side, side, 3, 3, 2, stemPad.before, stemPad.before, size, size, workspace.columns)
        var x = workspace.x, y = workspace.y
        stem.apply(workspace.columns, pixels: size * size, into: x)

        for (block, bandRows) in zip(blocks, workspace.bandRows) {
            size = run(block, input: x, size: size, output: y, bandRows: bandRows, workspace)
            swap(&x, &y)
        }

        head.apply(x, pixels: size * size, into: workspace.expanded)
        hl_cnn_mean_pool(workspace.expanded, size * size, Architecture.featureCount, workspace.pooled)
        if logits { classifier.apply(workspace.pooled, pixels: 1, into: workspace.logits) }
    }

    /// One block, `bandRows` output rows at a time; returns the output side.
    ///
    /// For each band: the expanded rows it needs that the previous band did not already compute
    /// are added to `workspace.expanded` (rows shared with the previous band are moved to the
    /// front, not recomputed), then depthwise → `workspace.filtered` → project (+ input) → the
    /// band's rows of `output`.
    private func run(
        _ block: BlockLayers, input: UnsafeMutablePointer<Float>, size: Int,
        output: UnsafeMutablePointer<Float>, bandRows: Int, _ workspace: Workspace
    ) -> Int {
        let spec = block.spec, depthwise = block.depthwise
        let outSize = depthwise.outputSize(size)
        let hiddenRow = size * spec.hiddenChannels
        let band = workspace.expanded
        var have = 0..<0
        for first in stride(from: 0, to: outSize, by: bandRows) {
            let rows = first..<min(first + bandRows, outSize)
            var source = UnsafePointer(input), sourceRow0 = 0
            if let expand = block.expand {
                let need = depthwise.inputRows(rows, size: size)
                let kept = need.clamped(to: have)
                if !kept.isEmpty && kept.lowerBound > have.lowerBound {
                    memmove(
                        band, band + (kept.lowerBound - have.lowerBound) * hiddenRow,
                        kept.count * hiddenRow * MemoryLayout<Float>.size)
                }
                let firstNew = kept.isEmpty ? need.lowerBound : kept.upperBound
                if firstNew < need.upperBound {
                    expand.apply(
                        input + firstNew * size * spec.inChannels, pixels: (need.upperBound - firstNew) * size,
                        into: band + (firstNew - need.lowerBound) * hiddenRow)
                }
                have = need
                source = UnsafePointer(band)
                sourceRow0 = need.lowerBound
            }
            depthwise.apply(source, inputRow0: sourceRow0, size: size, rows: rows, into: workspace.filtered)
            let offset = rows.lowerBound * outSize * spec.outChannels
            block.project.apply(
                workspace.filtered, pixels: rows.count * outSize,
                residual: spec.hasResidual ? UnsafePointer(input + offset) : nil, into: output + offset)
        }
        return outSize
    }
}
