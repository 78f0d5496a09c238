/// The plain-words result of a basins batch: per rule (and other grid values), the mean radius
/// at the smallest and the largest load, and the first load where it falls below 0.05.
enum BasinsHeadline {
    /// Radii below this count as "no basin left" in the sentence (a few bits of N).
    static let vanishing = 0.05

    /// One sentence per line of the plot: "hebbian: mean radius 0.441 at α = 0.02 … 0.004 at
    /// α = 0.25; below 0.05 from α = 0.18".
    static func sentences(_ rows: [BasinsSummaryRow], gridKeys: [String]) -> [String] {
        let loadKeys: Set<String> = ["network.rule", "patterns.load", "patterns.count", "patterns"]
        let groups = Summary.groups(rows) { row in
            row.rule + zip(gridKeys, row.grid).filter { !loadKeys.contains($0.0) }.map { ", \($0.0) = \($0.1)" }.joined()
        }
        return groups.map { members in
            let sorted = members.sorted { $0.load < $1.load }
            let name =
                sorted[0].rule + zip(gridKeys, sorted[0].grid).filter { !loadKeys.contains($0.0) }.map { ", \($0.0) = \($0.1)" }.joined()
            let first = sorted[0], last = sorted[sorted.count - 1]
            var text = "\(name): mean basin radius \(Format.fixed(first.meanRadius, 3)) at α = \(Format.exact(first.load))"
            if sorted.count > 1 { text += ", \(Format.fixed(last.meanRadius, 3)) at α = \(Format.exact(last.load))" }
            if let gone = sorted.first(where: { $0.meanRadius < vanishing }) {
                text += "; below \(Format.exact(vanishing)) from α = \(Format.exact(gone.load))"
            } else {
                text += "; above \(Format.exact(vanishing)) at every load"
            }
            return text
        }
    }
}
