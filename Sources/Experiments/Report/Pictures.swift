import Foundation
import Hopfield

/// The pictures of one run, as files: memories.png, outcomes.png, weights.png, trajectory.png,
/// trajectory-animated.png (APNG), energy.svg. One pixel per neuron, scaled up by a whole
/// number, never smoothed.
enum Pictures {
    static func runFiles(_ visuals: RunVisuals, task: ExperimentConfig.Task) -> [(name: String, bytes: [UInt8])] {
        var files: [(name: String, bytes: [UInt8])] = []
        let side = visuals.size
        if side > 0 && !visuals.memories.isEmpty {
            let scale = max(1, 96 / side)
            files.append(("memories.png", memoriesPicture(visuals, side: side, scale: scale).png()))
            if !visuals.examples.isEmpty {
                files.append(("outcomes.png", outcomesPicture(visuals, side: side, scale: scale, task: task).png()))
            }
            if let weights = visuals.weights.map({ weightsPicture($0, side: side) }) { files.append(("weights.png", weights.png())) }
            if visuals.trajectory.count > 1 {
                let frames = visuals.trajectory.enumerated().map { k, state -> Canvas in
                    var c = Canvas(width: side * scale * 2 + 8, height: side * scale * 2 + 24)
                    c.pattern(state, side: side, x: 4, y: 4, scale: scale * 2)
                    c.text("SWEEP \(k)", x: 4, y: side * scale * 2 + 10)
                    return c
                }
                files.append(("trajectory.png", filmStrip(visuals.trajectory, side: side, scale: scale).png()))
                files.append(("trajectory-animated.png", AnimatedPNG.encode(frames)))
            }
        }
        if !visuals.retrievals.isEmpty {
            files.append(("retrievals.png", retrievalsPicture(visuals.retrievals, side: RunVisuals.retrievalSide).png()))
        }
        if !visuals.energyCurves.isEmpty {
            // Energies per neuron, E/N: the notebooks' scale, comparable across image sizes.
            let n = Double(max(1, visuals.memories.first?.count ?? 1))
            var plot = SVGPlot(title: "Energy sweep by sweep", xLabel: "sweep", yLabel: "energy per neuron E/N")
            // Every curve, named by its level or image; past the palette's 8 colours, dashed.
            for (k, curve) in visuals.energyCurves.enumerated() {
                var series = SVGPlot.Series(
                    name: curve.name, points: curve.energies.enumerated().map { (Double($0.offset), $0.element / n) })
                series.dashed = k >= SVGPlot.palette.count
                plot.series.append(series)
            }
            files.append(("energy.svg", Array(plot.svg.utf8)))
        }
        return files
    }

    /// The stored patterns in a grid with their class and index.
    static func memoriesPicture(_ v: RunVisuals, side: Int, scale: Int) -> Canvas {
        let tile = side * scale, columns = min(8, v.memories.count)
        let rows = (v.memories.count + columns - 1) / columns
        let cellW = max(tile, 60) + 10, cellH = tile + 22
        var c = Canvas(width: columns * cellW + 10, height: rows * cellH + 30)
        let total = max(v.memoryTotal, v.memories.count)
        c.text(
            total > v.memories.count ? "STORED MEMORIES (\(v.memories.count) EVENLY SPACED OF \(total))" : "STORED MEMORIES (\(total))",
            x: 8, y: 8)
        for (k, memory) in v.memories.enumerated() {
            let x = 10 + (k % columns) * cellW, y = 24 + (k / columns) * cellH
            c.pattern(memory, side: side, x: x, y: y, scale: scale)
            let mu = k < v.memoryIndices.count ? v.memoryIndices[k] : k
            let label = mu < v.memoryLabels.count ? "\(mu): \(v.memoryLabels[mu])" : "\(mu)"
            c.text(String(label.prefix(max(1, (cellW - 8) / 6))), x: x, y: y + tile + 5)
        }
        return c
    }

    /// For each outcome (or corruption level): input → converged state → nearest memory.
    static func outcomesPicture(_ v: RunVisuals, side: Int, scale: Int, task: ExperimentConfig.Task) -> Canvas {
        let groups = v.examples.reduce(into: [String]()) { if !$0.contains($1.group) { $0.append($1.group) } }
        let tile = side * scale, triple = 3 * tile + 16 + 14, labelW = 96
        let perRow = v.examples.reduce(into: [String: Int]()) { $0[$1.group, default: 0] += 1 }.values.max() ?? 1
        let rowH = tile + 16 + (v.examples.contains { !$0.caption.isEmpty } ? 8 : 0)
        var c = Canvas(width: labelW + perRow * triple + 10, height: groups.count * rowH + 30)
        let labels = task.definition.examples
        c.text(labels.heading, x: 8, y: 8)
        for (g, group) in groups.enumerated() {
            let y = 26 + g * rowH
            c.text(String((labels.groupPrefix + group).prefix(15)), x: 6, y: y + tile / 2 - 3)
            for (k, e) in v.examples.filter({ $0.group == group }).enumerated() {
                let x = labelW + k * triple
                c.pattern(e.input, side: side, x: x, y: y, scale: scale)
                c.text(">", x: x + tile + 2, y: y + tile / 2 - 3, Canvas.gray)
                c.pattern(e.state, side: side, x: x + tile + 8, y: y, scale: scale)
                c.text(">", x: x + 2 * tile + 10, y: y + tile / 2 - 3, Canvas.gray)
                c.pattern(e.nearest, side: side, x: x + 2 * tile + 16, y: y, scale: scale)
                if !e.caption.isEmpty { c.text(String(e.caption.prefix(max(1, (3 * tile + 16) / 6))), x: x, y: y + tile + 3, Canvas.gray) }
            }
        }
        return c
    }

    /// Feature runs: each test photo beside the training photo it retrieved, right ones in the
    /// first row, wrong ones in the second, captioned with the two classes.
    static func retrievalsPicture(_ examples: [RunVisuals.Example], side: Int) -> Canvas {
        let pair = 2 * side + 14, rowH = side + 20, labelW = 48
        let groups = ["right", "wrong"].filter { g in examples.contains { $0.group == g } }
        let perRow = groups.map { g in examples.filter { $0.group == g }.count }.max() ?? 1
        var c = Canvas(width: labelW + perRow * pair + 10, height: groups.count * rowH + 30)
        c.text("TEST PHOTO > TRAINING PHOTO RETRIEVED (CLASS>CLASS)", x: 8, y: 8)
        for (g, group) in groups.enumerated() {
            let y = 26 + g * rowH
            c.text(group.uppercased(), x: 6, y: y + side / 2 - 3)
            for (k, e) in examples.filter({ $0.group == group }).enumerated() {
                let x = labelW + k * pair
                c.pattern(e.input, side: side, x: x, y: y, scale: 1)
                c.pattern(e.nearest, side: side, x: x + side + 4, y: y, scale: 1)
                c.text(String(e.caption.prefix(max(1, (2 * side + 4) / 6))), x: x, y: y + side + 3, Canvas.gray)
            }
        }
        return c
    }

    /// The states sweep by sweep, left to right.
    static func filmStrip(_ states: [[Double]], side: Int, scale: Int) -> Canvas {
        let shown = states.count <= 16 ? Array(states.indices) : Array(states.indices.prefix(15)) + [states.count - 1]
        let tile = side * scale
        var c = Canvas(width: shown.count * (tile + 8) + 8, height: tile + 40)
        c.text("STATE AFTER EACH SWEEP", x: 8, y: 6)
        for (k, index) in shown.enumerated() {
            c.pattern(states[index], side: side, x: 8 + k * (tile + 8), y: 20, scale: scale)
            c.text(String(index), x: 8 + k * (tile + 8), y: 24 + tile)
        }
        return c
    }

    /// W as a heat map when N ≤ 400 (N×N pixels); otherwise the row of W for the neuron at the
    /// image's centre, shown as an image, beside the memories' overlap matrix. Blue negative,
    /// white zero, vermillion positive, scaled by the largest |value|.
    /// A colour in the weights' diverging scale: white at 0, vermilion (#D55E00) at +scale, blue
    /// (#0072B2) at −scale.
    static func heat(_ value: Double, _ scale: Double) -> Canvas.Color {
        let t = scale > 0 ? max(-1, min(1, value / scale)) : 0
        if t >= 0 { return (255, UInt8(255 - 170 * t), UInt8(255 - 255 * t)) }  // toward #D55E00
        return (UInt8(255 + 255 * t), UInt8(255 + 141 * t), UInt8(255 + 77 * t))  // toward #0072B2
    }

    /// The colour scale under a heat map: a bar from −largest to +largest, labelled at both ends
    /// and at 0.
    static func scaleBar(_ c: inout Canvas, x: Int, y: Int, width: Int, largest: Double) {
        for k in 0..<width { c.fill(x: x + k, y: y, w: 1, h: 8, heat((Double(k) / Double(max(width - 1, 1)) * 2 - 1) * largest, largest)) }
        let end = String(format: "%.3g", largest)
        c.text("-" + end, x: x, y: y + 11)
        c.text("0", x: x + width / 2 - 2, y: y + 11)
        c.text(end, x: x + width - Canvas.textWidth(end), y: y + 11)
    }

    /// The weight matrix (N ≤ 400) or the row of W at the image's centre, beside the memories'
    /// overlap matrix, each with its colour scale.
    static func weightsPicture(_ w: WeightsView, side: Int) -> Canvas {
        let p = Int(Double(w.overlaps.count).squareRoot().rounded())
        let cell = max(4, min(24, 240 / max(p, 1)))
        let bar = 28  // room for the colour scales
        if let rows = w.matrix {
            let n = rows.count
            let scale = max(1, 512 / n)
            var c = Canvas(width: n * scale + p * cell + 40, height: max(n * scale, p * cell) + 40 + bar)
            c.text("WEIGHTS W (\(n)X\(n))", x: 8, y: 6)
            let largest = rows.flatMap { $0 }.map(abs).max() ?? 1
            for i in 0..<n { for j in 0..<n { c.fill(x: 8 + j * scale, y: 24 + i * scale, w: scale, h: scale, heat(rows[i][j], largest)) } }
            scaleBar(&c, x: 8, y: 30 + n * scale, width: min(n * scale, 200), largest: largest)
            let ox = n * scale + 24
            c.text("OVERLAPS (M/N)", x: ox, y: 6)
            for a in 0..<p {
                for b in 0..<p { c.fill(x: ox + b * cell, y: 24 + a * cell, w: cell, h: cell, heat(w.overlaps[a * p + b], 1)) }
            }
            scaleBar(&c, x: ox, y: 30 + p * cell, width: max(p * cell, 60), largest: 1)
            return c
        }
        let scale = max(1, 256 / side)
        var c = Canvas(
            width: max(side * scale, Canvas.textWidth("ROW OF W, NEURON (000,000)"))
                + max(p * cell, Canvas.textWidth("MEMORY OVERLAPS (M/N)")) + 48,
            height: max(side * scale, p * cell) + 40 + bar)
        if let row = w.centreRow {
            let largest = row.map(abs).max() ?? 1
            c.text("ROW OF W, NEURON (\(side / 2),\(side / 2))", x: 8, y: 6)
            for r in 0..<side {
                for k in 0..<side { c.fill(x: 8 + k * scale, y: 24 + r * scale, w: scale, h: scale, heat(row[r * side + k], largest)) }
            }
            scaleBar(&c, x: 8, y: 30 + side * scale, width: min(side * scale, 200), largest: largest)
        } else {
            c.text("NO PAIRWISE WEIGHTS", x: 8, y: 6)
        }
        let ox = max(side * scale, Canvas.textWidth("ROW OF W, NEURON (000,000)")) + 32
        c.text("MEMORY OVERLAPS (M/N)", x: ox, y: 6)
        for a in 0..<p { for b in 0..<p { c.fill(x: ox + b * cell, y: 24 + a * cell, w: cell, h: cell, heat(w.overlaps[a * p + b], 1)) } }
        scaleBar(&c, x: ox, y: 30 + p * cell, width: max(p * cell, 60), largest: 1)
        return c
    }

    /// training.svg: the loss and the fraction of training patterns that are fixed points, per epoch.
    static func trainingPlot(_ log: [TrainingEpoch]) -> String {
        var plot = SVGPlot(title: "Training", xLabel: "epoch", yLabel: "fraction")
        plot.yRange = (0, 1)
        plot.series.append(SVGPlot.Series(name: "loss (unstable pairs or wrong pixels)", points: log.map { (Double($0.epoch), $0.loss) }))
        plot.series.append(
            SVGPlot.Series(
                name: "training patterns that are fixed points", points: log.map { (Double($0.epoch), $0.stablePatterns) }, dashed: true))
        return plot.svg
    }
}
