import Foundation
import Hopfield

/// The one status line of `hopfield run` on a terminal: the batch's progress and, beside it, the
/// latest epoch of every training in flight ("digits: runs 3/12 25% ETA 40 s | perceptron/margin:1:
/// epoch 14 …"), cut to the terminal's width so it never wraps, and redrawn in place. Two trainings
/// running side by side share the line instead of overwriting each other. Not used when standard
/// error is not a terminal (logs get plain lines instead).
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let name: String
    private var batch = ""
    private var trainings: [(run: String, text: String)] = []

    init(name: String) { self.name = name }

    /// The terminal's width in columns (80 when it cannot be asked).
    static var width: Int {
        var size = winsize()
        if ioctl(2, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    /// `text` cut to `width` columns (one column per character, an ellipsis where cut).
    static func fit(_ text: String, width: Int) -> String {
        guard text.count > width else { return text }
        return String(text.prefix(max(0, width - 1))) + "…"
    }

    /// A run key made short for the line: the values that tell runs apart, without the section
    /// names ("network=rule:perceptron/margin:1,seed=1" → "perceptron/margin:1,seed=1").
    static func shortKey(_ key: String) -> String {
        key.replacingOccurrences(of: "network=rule:", with: "").replacingOccurrences(of: "network.rule=", with: "")
    }

    /// An epoch in a few words: "epoch 14 loss 0.0123 stable 93.1%" or "… train acc 93.1%".
    static func epochText(_ e: TrainingEpoch) -> String {
        let percent = String(format: "%.1f%%", 100 * e.stablePatterns)
        return String(format: "epoch %d loss %.4g ", e.epoch, e.loss) + (e.measure == .stability ? "stable " : "train acc ") + percent
    }

    /// The batch's progress changed; `finished` is the run that just ended (its training, if
    /// any, leaves the line).
    func batch(runsDone: Int, runsTotal: Int, fraction: Double, elapsed: Double, eta: Double, finished: String) {
        lock.withLock {
            batch = String(format: "runs %d/%d %.0f%% %.0f s ETA %.0f s", runsDone, runsTotal, 100 * fraction, elapsed, eta)
            trainings.removeAll { $0.run == finished }
            draw()
        }
    }

    /// A training finished an epoch.
    func training(run: String, epoch: TrainingEpoch) {
        lock.withLock {
            let text = Self.epochText(epoch)
            if let k = trainings.firstIndex(where: { $0.run == run }) { trainings[k].text = text } else { trainings.append((run, text)) }
            draw()
        }
    }

    /// Ends the line (before other output).
    func finish() {
        lock.withLock { StandardError.write("\n") }
    }

    /// Redraws the line: carriage return, the text cut to the width, the rest of the line cleared.
    private func draw() {
        var text = name + ": " + (batch.isEmpty ? "starting" : batch)
        for t in trainings { text += " | " + Self.shortKey(t.run) + ": " + t.text }
        StandardError.write("\r" + Self.fit(text, width: Self.width - 1) + "\u{1B}[K")
    }
}
