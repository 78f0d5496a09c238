/// The plots of a batch's report, from its summary rows.
enum BatchPlots {
    /// The validation curve (`split.validation`): accuracy and nearest-memory accuracy per grid
    /// point, means over seeds with Wilson intervals; the choice is made per seed on these rows.
    static func validation(_ rows: [ClassifySummaryRow], gridKeys: [String]) -> [String] {
        guard !rows.isEmpty else { return [] }
        var (plot, xs) = perGridPoint(
            rows, gridKeys: gridKeys, title: "Validation split per grid point (the test split takes no part in the choice)",
            yLabel: "fraction of validation images", accuracy: "validation accuracy")
        plot.series.append(
            SVGPlot.Series(
                name: "validation nearest-memory accuracy", points: Array(zip(xs, rows.map(\.meanNearestAccuracy))),
                dashed: true))
        return [plot.svg]
    }

    /// A plot of fractions with one category per row's grid point ("all runs" without a grid),
    /// its first series the mean accuracy (named `accuracy`) with Wilson intervals; and the rows'
    /// x positions.
    static func perGridPoint(
        _ rows: [ClassifySummaryRow], gridKeys: [String], title: String, yLabel: String, accuracy: String
    ) -> (SVGPlot, [Double]) {
        var plot = SVGPlot(title: title, xLabel: gridKeys.joined(separator: ", "), yLabel: yLabel)
        plot.yLimits = (0, 1)
        plot.xCategories = rows.map { gridKeys.isEmpty ? "all runs" : $0.grid.joined(separator: ", ") }
        let xs = rows.indices.map(Double.init)
        plot.series.append(
            SVGPlot.Series(name: accuracy, points: Array(zip(xs, rows.map(\.meanAccuracy))), errors: rows.map { wilson($0.correct, $0.n) }))
        return (plot, xs)
    }

    /// Groups of lines per plot: beyond this the plot is split into several (small multiples),
    /// so no series is dropped.
    static let groupsPerPlot = 4

    /// Test accuracy, spurious and inverted rates against each numeric grid key (one plot per
    /// four groups of the other keys, every group drawn), or per grid point.
    static func classify(_ test: [ClassifySummaryRow], gridKeys: [String]) -> [String] {
        guard !test.isEmpty else { return [] }
        let numeric = gridKeys.indices.filter { k in test.allSatisfy { Double($0.grid[k]) != nil } }
        var plots: [String] = []
        for k in numeric {
            let key = gridKeys[k]
            let others = gridKeys.indices.filter { $0 != k }
            let groups = Summary.groups(test) { row in others.map { "\(gridKeys[$0])=\(row.grid[$0])" }.joined(separator: ", ") }
            for (part, pageGroups, _) in pages(groups, size: groupsPerPlot) {
                var plot = SVGPlot(title: "Test outcomes vs \(key)\(part)", xLabel: key, yLabel: "fraction of test images")
                plot.yLimits = (0, 1)
                for (c, rows) in pageGroups.enumerated() {
                    let members = rows.sorted { Double($0.grid[k])! < Double($1.grid[k])! }
                    let g = others.map { "\(gridKeys[$0])=\(rows[0].grid[$0])" }.joined(separator: ", ")
                    let suffix = g.isEmpty ? "" : " (\(g))"
                    let xs = members.map { Double($0.grid[k])! }
                    plot.series.append(
                        SVGPlot.Series(
                            name: "accuracy" + suffix, points: Array(zip(xs, members.map(\.meanAccuracy))),
                            errors: members.map { wilson($0.correct, $0.n) }, color: c))
                    plot.series.append(
                        SVGPlot.Series(
                            name: "spurious" + suffix, points: Array(zip(xs, members.map(\.spuriousRate.rate))),
                            errors: members.map { wilson($0.spurious, $0.n) }, dashed: true, color: c))
                    if members.contains(where: { $0.inverted > 0 }) {
                        plot.series.append(
                            SVGPlot.Series(
                                name: "inverted" + suffix, points: Array(zip(xs, members.map(invertedRate))),
                                dashed: true, markers: false, color: c))
                    }
                }
                plots.append(plot.svg)
            }
        }
        if numeric.isEmpty {
            var (plot, xs) = perGridPoint(
                test, gridKeys: gridKeys, title: "Test outcomes per grid point (error bars: Wilson 95%)", yLabel: "fraction of test images",
                accuracy: "accuracy (converged to own class)")
            plot.series.append(
                SVGPlot.Series(
                    name: "spurious rate", points: Array(zip(xs, test.map(\.spuriousRate.rate))),
                    errors: test.map { wilson($0.spurious, $0.n) }, dashed: true))
            plot.series.append(SVGPlot.Series(name: "nearest-memory accuracy", points: Array(zip(xs, test.map(\.meanNearestAccuracy)))))
            if test.contains(where: { $0.inverted > 0 }) {
                plot.series.append(
                    SVGPlot.Series(name: "inverted rate", points: Array(zip(xs, test.map(invertedRate))), dashed: true, markers: false))
            }
            plots.append(plot.svg)
        }
        return plots
    }

    /// Groups split into consecutive pages of at most `size`, each with its title suffix
    /// ("" for a single page, else " (groups 5–8 of 16)").
    static func pages<T>(_ groups: [T], size: Int) -> [(suffix: String, groups: [T], offset: Int)] {
        let starts = Array(stride(from: 0, to: groups.count, by: size))
        return starts.map { start in
            let page = Array(groups[start..<min(groups.count, start + size)])
            let suffix = starts.count == 1 ? "" : " (groups \(start + 1)–\(start + page.count) of \(groups.count))"
            return (suffix, page, start)
        }
    }

    /// The share of test images that ended at a negated memory.
    static func invertedRate(_ row: ClassifySummaryRow) -> Double { row.n == 0 ? 0 : Double(row.inverted) / Double(row.n) }

    /// Exact recovery and final overlap against the corruption level.
    static func recall(_ rows: [RecallSummaryRow], gridKeys: [String]) -> [String] {
        guard rows.contains(where: { Double($0.level) != nil }) else { return [] }
        let groups = Summary.groups(rows) { $0.grid }
        var svgs: [String] = []
        for (part, pageGroups, _) in pages(groups, size: 8) {
            var exact = SVGPlot(
                title: "Exact recovery vs corruption level" + part, xLabel: "corruption level", yLabel: "exact recovery rate")
            var overlap = SVGPlot(
                title: "Final overlap with the stored pattern" + part, xLabel: "corruption level", yLabel: "mean overlap m/N")
            exact.yLimits = (0, 1)
            overlap.yLimits = (-1, 1)
            for (k, members) in pageGroups.enumerated() {
                let g = zip(gridKeys, members[0].grid).map { "\($0)=\($1)" }.joined(separator: ", ")
                let name = g.isEmpty ? "recall" : g
                let levels = members.map { Double($0.level) ?? .nan }
                exact.series.append(
                    SVGPlot.Series(
                        name: name, points: Array(zip(levels, members.map(\.exactRate.rate))),
                        errors: members.map { wilson($0.exact, $0.n) }, color: k))
                overlap.series.append(SVGPlot.Series(name: name, points: Array(zip(levels, members.map(\.meanOverlap))), color: k))
            }
            svgs += [exact.svg, overlap.svg]
        }
        return svgs
    }

    /// Stable fraction and overlap against the load, beside the AGS theory.
    static func capacity(_ rows: [CapacitySummaryRow], gridKeys: [String]) -> [String] {
        guard !rows.isEmpty else { return [] }
        let groups = Summary.groups(rows) { row in
            row.rule + zip(gridKeys, row.grid).filter { $0.0 != "network.rule" }.map { ", \($0.0)=\($0.1)" }.joined()
        }
        let maxLoad = rows.map(\.load).max() ?? 0.3
        let theory = stride(from: 0.0, through: CapacityTheory.criticalLoad, by: CapacityTheory.criticalLoad / 40).compactMap { a in
            CapacityTheory.retrievalOverlap(load: a).map { (a, $0) }
        }
        return pages(groups, size: 6).map { part, pageGroups, _ in
            capacityPlot(pageGroups, part: part, gridKeys: gridKeys, theory: theory, maxLoad: maxLoad)
        }
    }

    /// One capacity plot of up to six groups, with the theory curve and α_c.
    static func capacityPlot(
        _ groups: [[CapacitySummaryRow]], part: String, gridKeys: [String], theory: [(Double, Double)],
        maxLoad: Double
    ) -> String {
        var plot = SVGPlot(
            title: "Capacity: stored patterns that are fixed points, and retrieval overlap" + part,
            xLabel: "load α = P/N", yLabel: "fraction / overlap")
        plot.yRange = (0, 1.05)
        for (k, members) in groups.enumerated() {
            let g = members[0].rule + zip(gridKeys, members[0].grid).filter { $0.0 != "network.rule" }.map { ", \($0.0)=\($0.1)" }.joined()
            plot.series.append(
                SVGPlot.Series(name: "\(g): stable fraction", points: members.map { ($0.load, $0.meanStableFraction) }, color: k))
            plot.series.append(
                SVGPlot.Series(name: "\(g): overlap", points: members.map { ($0.load, $0.meanOverlap) }, dashed: true, color: k))
        }
        plot.series.append(SVGPlot.Series(name: "AGS theory m(α), Hebbian", points: theory, dashed: true, markers: false, color: 7))
        plot.verticals = [(CapacityTheory.criticalLoad, "α_c ≈ 0.138 (Amit, Gutfreund, Sompolinsky)")]
        plot.xRange = (0, max(maxLoad, 0.15))
        return plot.svg
    }

    static func wilson(_ k: Int, _ n: Int) -> (Double, Double) { Statistics.wilson(successes: k, trials: n) }
}
