import Foundation

/// `hopfield compare A B …`: the grid points of several results folders in one table — the
/// resolved config values that differ between them, then each point's metrics with Wilson 95%
/// intervals on the pooled counts (as summary.csv has them) — and McNemar's test between runs of
/// different folders that classified the same test images. Shown on the terminal, written as
/// CSV and as a self-contained HTML page.
public struct Comparison: Sendable {
    /// The folders, as given.
    public let folders: [String]
    /// The table's header: folder, task, the differing config keys, seeds, group, metrics.
    public private(set) var header: [String] = []
    /// One row per folder and summary row (grid point and split, level or number of patterns).
    public private(set) var rows: [[String]] = []
    /// Runs of different folders on the same test images, compared (``PairedTest``).
    public private(set) var paired: [[String]] = []

    /// The metric columns, every task's; the ones no row fills are dropped.
    static let metrics = [
        "n", "accuracy", "accuracyLow95", "accuracyHigh95", "nearestAccuracy", "neighborAccuracy", "spuriousRate",
        "spuriousLow95", "spuriousHigh95", "exactRate", "exactLow95", "exactHigh95", "meanOverlap", "stableFraction",
        "theoryOverlap", "memories", "meanRadius", "radiusLow95", "radiusHigh95", "zeroFraction"
    ]

    /// Reads every folder (``ResultsFolder/read()``: an incomplete or foreign folder is an error
    /// naming it) and builds the tables.
    public init(folders: [String]) throws {
        self.folders = folders
        let batches = try folders.map { try ResultsFolder($0).read() }
        var points: [(folder: String, task: String, config: [(String, String)], seeds: String, group: String, metrics: [String: String])] =
            []
        for (folder, results) in zip(folders, batches) {
            let name = URL(fileURLWithPath: folder).lastPathComponent
            let seeds = results.batch.seeds.map(String.init).joined(separator: " ")
            for (grid, group, rowMetrics) in results.summary.metrics() {
                guard let run = results.batch.runs.first(where: { $0.gridValues.map(\.1.label) == grid }) else { continue }
                var metrics = rowMetrics
                // The dam's memories are trained features: no nearest-memory retrieval to report.
                if run.config.network.rule.isClassifier { metrics["nearestAccuracy"] = nil }
                let config = BatchDifference.flatten(RunIdentity.resolvedJSON(run.config), labels: true).filter {
                    $0.0 != "name" && $0.0 != "seed"
                }
                points.append((name, run.config.task.rawValue, config, seeds, group, metrics))
            }
        }
        // The config keys whose values are not the same at every point.
        var keys: [String] = []
        for point in points { for (key, _) in point.config where !keys.contains(key) { keys.append(key) } }
        let values = points.map { Dictionary($0.config, uniquingKeysWith: { a, _ in a }) }
        keys = keys.filter { key in Set(values.map { $0[key] ?? "" }).count > 1 }
        let used = Self.metrics.filter { m in points.contains { $0.metrics[m] != nil } }
        header = ["folder", "task"] + keys + ["seeds", "group"] + used
        rows = zip(points, values).map { point, value in
            [point.folder, point.task] + keys.map { value[$0] ?? "" } + [point.seeds, point.group] + used.map { point.metrics[$0] ?? "" }
        }
        paired = Self.pairedAcrossFolders(batches, names: folders.map { URL(fileURLWithPath: $0).lastPathComponent })
    }

    /// McNemar's test for every pair of classify runs from different folders whose test images
    /// are the same files in the same order (at most 200 pairs, in folder and batch order).
    static func pairedAcrossFolders(_ batches: [BatchResults], names: [String]) -> [[String]] {
        let answers: [[TestAnswers]] = zip(batches, names).map { results, name in
            let tables = PredictionTables.read(results)
            return zip(results.batch.runs, tables).compactMap { run, table in
                guard run.config.task.definition.hasTestAnswers, let table else { return nil }
                return TestAnswers(table, label: name + ": " + run.key, seed: run.seed)
            }
        }
        var out: [[String]] = []
        for a in answers.indices {
            for b in answers.indices where b > a {
                for x in answers[a] {
                    for y in answers[b] where x.paths == y.paths && out.count < 200 {
                        out.append(PairedTest(first: x.label, second: y.label, seed: x.seed, x.rule, y.rule).fields(rightFirst: x.right))
                    }
                }
            }
        }
        return out
    }

    /// The table as CSV.
    public var csv: String {
        var table = CSVTable(header: header)
        for row in rows { table.append(row) }
        return table.text
    }

    /// The paired tests as CSV (empty when no two folders share their test images).
    public var pairedCSV: String {
        guard !paired.isEmpty else { return "" }
        var table = CSVTable(header: PairedTest.header)
        for row in paired { table.append(row) }
        return table.text
    }

    /// The HTML page: the folders, the table, the paired tests.
    public var html: String {
        var html = Report.header("Comparison of \(folders.count) results folders")
        html += "<p>Folders: " + folders.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", ") + ".</p>\n"
        html +=
            "<p>One row per grid point and split, level or number of patterns; the config values that differ between the rows, then means over seeds, with Wilson 95% intervals on the counts pooled over seeds (as in each folder's <code>summary.csv</code>).</p>\n"
        html += HTML.table([header] + rows)
        html += "<h2>Paired tests</h2>\n"
        if paired.isEmpty {
            html +=
                "<p>No runs of different folders classified the same test images, so none is compared image by image (each folder's report compares its own runs).</p>\n"
        } else {
            html +=
                "<p>McNemar's exact test between runs of different folders on the same test images: the images only one of the two gets right and the two-sided binomial p-value.</p>\n"
            html += HTML.table([PairedTest.header] + paired)
        }
        return html + "<p class=\"caption\">Written by HopfieldLab \(HopfieldLab.version).</p>\n</body></html>\n"
    }
}
