extension BatchPlots {
    /// Mean basin radius against the load α = P/N, one line per rule (and per value of the other
    /// grid keys), with 95% confidence intervals of the mean; six lines per plot.
    static func basins(_ rows: [BasinsSummaryRow], gridKeys: [String]) -> [String] {
        guard !rows.isEmpty else { return [] }
        let loadKeys: Set<String> = ["network.rule", "patterns.load", "patterns.count", "patterns"]
        func name(_ row: BasinsSummaryRow) -> String {
            row.rule + zip(gridKeys, row.grid).filter { !loadKeys.contains($0.0) }.map { ", \($0.0)=\($0.1)" }.joined()
        }
        let groups = Summary.groups(rows, by: name)
        let maxLoad = rows.map(\.load).max() ?? 0.25
        let maxRadius = rows.map(\.radiusHigh95).max() ?? 0.5
        return pages(groups, size: 6).map { part, pageGroups, _ in
            var plot = SVGPlot(
                title: "Basin radius (largest fraction of flipped bits still recalled) vs load" + part,
                xLabel: "load α = P/N", yLabel: "mean radius (95% CI)")
            plot.yRange = (0, min(0.55, max(0.1, maxRadius * 1.1)))
            plot.xRange = (0, max(maxLoad * 1.05, 0.15))
            for (k, members) in pageGroups.enumerated() {
                let sorted = members.sorted { $0.load < $1.load }
                plot.series.append(
                    SVGPlot.Series(
                        name: name(sorted[0]), points: sorted.map { ($0.load, $0.meanRadius) },
                        errors: sorted.map { ($0.radiusLow95, $0.radiusHigh95) }, color: k))
            }
            plot.verticals = [(CapacityTheory.criticalLoad, "α_c ≈ 0.138 (Hebbian)")]
            return plot.svg
        }
    }
}
