import Foundation

/// `report.html`: one self-contained page per results folder (pictures as data: URIs, SVG
/// inline, no JavaScript, no network) with the config, the manifest essentials, the summary
/// table, the batch plots and the pictures of up to 12 runs.
public enum Report {
    /// Writes `<results>/report.html` (atomically) and returns its path.
    @discardableResult
    public static func write(results root: String) throws -> String {
        let configText: String
        do { configText = try String(contentsOfFile: joinPath(root, "config.json"), encoding: .utf8) } catch {
            throw RunError("\(root): no config.json (is this a results folder written by hopfield run?)")
        }
        let source: JSONValue
        do { source = try JSONParser.parse(configText) } catch { throw RunError("\(root)/config.json: \(error.description)") }
        let batch: Batch
        do { batch = try Batch.expand(source) } catch { throw RunError("\(root)/config.json: \(error.description)") }
        guard let runsText = try? String(contentsOfFile: joinPath(root, "runs.csv"), encoding: .utf8),
              let summaryText = try? String(contentsOfFile: joinPath(root, "summary.csv"), encoding: .utf8) else {
            throw RunError("\(root): runs.csv or summary.csv is missing (the batch is incomplete; run hopfield merge or --resume)")
        }
        let runs = parseCSV(runsText), summary = parseCSV(summaryText)
        let task = batch.runs[0].config.task
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <title>\(escape(batch.name)) — HopfieldLab report</title>
            <style>
            body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
            h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
            table { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
            th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: right; }
            th { background: #f2f2f2; } td:first-child, th:first-child { text-align: left; }
            pre { background: #f7f7f7; padding: 1em; overflow-x: auto; font-size: 0.85em; }
            img { image-rendering: pixelated; image-rendering: crisp-edges; max-width: 100%; border: 1px solid #ddd; margin: 4px; }
            .figure { display: inline-block; vertical-align: top; margin: 0.5em; } .caption { font-size: 0.8em; color: #555; }
            .note { background: #fff8e1; border-left: 4px solid #E69F00; padding: 0.6em 1em; }
            </style></head><body>
            <h1>\(escape(batch.name))</h1>

            """
        if case .string(let comment)? = source["comment"] { html += "<p>\(escape(comment))</p>\n" }
        html += "<p>\(batch.runs.count) run(s): task <b>\(task.rawValue)</b>"
        if !batch.gridKeys.isEmpty { html += ", grid over \(batch.gridKeys.map { "<code>\(escape($0))</code>" }.joined(separator: ", "))" }
        html += ", seeds \(batch.seeds.map(String.init).joined(separator: ", ")).</p>\n"
        html += headline(summary, task: task)

        html += "<h2>Plots</h2>\n"
        for svg in batchPlots(summary: summary, task: task, gridKeys: batch.gridKeys) { html += "<div class=\"figure\">\(svg)</div>\n" }
        html += "<h2>Summary</h2>\n<p>Runs that differ only by seed, grouped: means, standard deviations over seeds, and pooled counts with Wilson 95% intervals (<code>summary.csv</code>).</p>\n"
        html += table(summary)

        // Manifest essentials from the first run.
        if let first = batch.runs.first, let text = try? String(contentsOfFile: joinPath(root, first.folder, "manifest.json"), encoding: .utf8),
           let manifest = try? JSONParser.parse(text) {
            html += "<h2>How it was made</h2>\n<table>\n"
            for key in ["tool", "version", "gitCommit", "libraries", "platform"] {
                if let v = manifest[key] { html += "<tr><th>\(key)</th><td style=\"text-align:left\">\(escape(v.label))</td></tr>\n" }
            }
            if let d = manifest["dataset"] {
                for key in ["path", "fingerprint", "files", "usedImages"] {
                    if let v = d[key] { html += "<tr><th>dataset \(key)</th><td style=\"text-align:left\">\(escape(v.label))</td></tr>\n" }
                }
                if case .array(let refused)? = d["refused"], !refused.isEmpty {
                    html += "<tr><th>refused files</th><td style=\"text-align:left\">\(refused.count): " +
                        refused.prefix(10).map { escape(($0["path"]?.label ?? "") + " (" + ($0["reason"]?.label ?? "") + ")") }.joined(separator: "; ") + "</td></tr>\n"
                }
            }
            if case .object(let conventions)? = manifest["conventions"] {
                for (key, value) in conventions { html += "<tr><th>\(escape(key))</th><td style=\"text-align:left\">\(escape(value.label))</td></tr>\n" }
            }
            html += "</table>\n"
        }
        html += trainingTable(root: root, batch: batch)
        html += "<h2>Config</h2>\n<pre>\(escape(configText))</pre>\n"

        // Pictures of up to 12 runs: the first seed of each grid point.
        var shown: [RunSpec] = []
        var points = Set<String>()
        for run in batch.runs where !points.contains(run.pointKey) && shown.count < 12 {
            points.insert(run.pointKey)
            shown.append(run)
        }
        html += "<h2>Runs</h2>\n"
        if shown.count < batch.runs.count {
            html += "<p>Pictures of \(shown.count) of the \(batch.runs.count) runs (the first seed of each grid point\(points.count > 12 ? ", first 12" : "")); every run's folder has its own.</p>\n"
        }
        for run in shown {
            let folder = joinPath(root, run.folder)
            html += "<h3>\(escape(run.key))</h3>\n"
            let captions = [("memories.png", "stored memories"), ("outcomes.png", task == .recall ? "start → state → memory, per level" : "input → converged state → nearest memory, per outcome"),
                            ("weights.png", "weights"), ("trajectory.png", "one image, sweep by sweep"), ("trajectory-animated.png", "the same, animated (APNG)")]
            for (file, caption) in captions {
                guard let data = FileManager.default.contents(atPath: joinPath(folder, file)) else { continue }
                html += "<div class=\"figure\"><img alt=\"\(escape(caption))\" src=\"data:image/png;base64,\(data.base64EncodedString())\"><div class=\"caption\">\(escape(file)): \(escape(caption))</div></div>\n"
            }
            for file in ["energy.svg", "training.svg"] {
                if let svg = try? String(contentsOfFile: joinPath(folder, file), encoding: .utf8) { html += "<div class=\"figure\">\(svg)</div>\n" }
            }
        }
        html += "<h2>All runs</h2>\n" + table(runs)
        html += "<p class=\"caption\">Written by HopfieldLab \(HopfieldLab.version). Self-contained: pictures are embedded, nothing is fetched.</p>\n</body></html>\n"
        let path = joinPath(root, "report.html")
        try AtomicFile.write(html, to: path)
        return path
    }

    static func escape(_ s: String) -> String { SVGPlot.escape(s) }

    /// Parameter counts, training times and final training epochs of every run that has them
    /// (manifest.json and training.csv), or nothing.
    static func trainingTable(root: String, batch: Batch) -> String {
        var rows: [[String]] = [["run", "parameters", "trainingSeconds", "epochs", "finalLoss", "finalStablePatterns"]]
        for run in batch.runs {
            let folder = joinPath(root, run.folder)
            guard let text = try? String(contentsOfFile: joinPath(folder, "manifest.json"), encoding: .utf8),
                  let manifest = try? JSONParser.parse(text), let parameters = manifest["parameters"] else { continue }
            var row = [run.key, parameters.label, manifest["trainingSeconds"]?.label ?? "", "", "", ""]
            if let log = try? String(contentsOfFile: joinPath(folder, "training.csv"), encoding: .utf8),
               let last = parseCSV(log).dropFirst().last, last.count == 3 {
                row.replaceSubrange(3..., with: last)
            }
            rows.append(row)
        }
        guard rows.count > 1 else { return "" }
        return "<h2>Networks</h2>\n<p>Parameters of each run's network; for trained rules, the training time and the last epoch of <code>training.csv</code> (loss, fraction of training patterns that are fixed points).</p>\n"
            + table(rows)
    }

    static func table(_ rows: [[String]]) -> String {
        guard let header = rows.first else { return "" }
        var html = "<div style=\"overflow-x:auto\"><table>\n<tr>" + header.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
        for row in rows.dropFirst() { html += "<tr>" + row.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n" }
        return html + "</table></div>\n"
    }

    /// The plain-words result: how many test images ended in a spurious state.
    static func headline(_ summary: [[String]], task: ExperimentConfig.Task) -> String {
        guard task == .classify, let header = summary.first else { return "" }
        func col(_ name: String) -> Int? { header.firstIndex(of: name) }
        guard let split = col("split"), let n = col("n"), let spurious = col("spurious"), let correct = col("correct") else { return "" }
        let test = summary.dropFirst().filter { $0[split] == "test" }
        let total = test.reduce(0) { $0 + (Int($1[n]) ?? 0) }, lost = test.reduce(0) { $0 + (Int($1[spurious]) ?? 0) }
        let right = test.reduce(0) { $0 + (Int($1[correct]) ?? 0) }
        return "<p class=\"note\">Test images: \(right) of \(total) converged to a memory of their own class; <b>\(lost) of \(total) ended in a spurious state</b> (no stored memory). The nearest-memory fallback (<code>meanNearestAccuracy</code>) and other rules are in the table.</p>\n"
    }

    /// The batch's plots, from summary.csv.
    static func batchPlots(summary: [[String]], task: ExperimentConfig.Task, gridKeys: [String]) -> [String] {
        guard let header = summary.first, summary.count > 1 else { return [] }
        let rows = Array(summary.dropFirst())
        func col(_ name: String) -> Int { header.firstIndex(of: name)! }
        func value(_ row: [String], _ name: String) -> Double { Double(row[col(name)]) ?? .nan }
        func wilson(_ row: [String], _ k: String) -> (Double, Double) {
            Theory.wilson(successes: Int(row[col(k)]) ?? 0, trials: Int(row[col("n")]) ?? 0)
        }
        switch task {
        case .classify:
            let test = rows.filter { $0[col("split")] == "test" }
            var plots: [String] = []
            let numericKeys = gridKeys.filter { key in test.allSatisfy { Double($0[col(key)]) != nil } }
            for key in numericKeys {
                let others = gridKeys.filter { $0 != key }
                let groups = groupedInOrder(test) { row in others.map { "\($0)=\(row[col($0)])" }.joined(separator: ", ") }
                var plot = SVGPlot(title: "Test accuracy and spurious rate vs \(key)", xLabel: key, yLabel: "fraction of test images")
                plot.yRange = (0, 1)
                for (k, (g, rows)) in groups.prefix(4).enumerated() {
                    let members = rows.sorted { value($0, key) < value($1, key) }
                    let suffix = g.isEmpty ? "" : " (\(g))"
                    plot.series.append(SVGPlot.Series(name: "accuracy" + suffix, points: members.map { (value($0, key), value($0, "meanAccuracy")) },
                                                      errors: members.map { wilson($0, "correct") }, color: k))
                    plot.series.append(SVGPlot.Series(name: "spurious" + suffix, points: members.map { (value($0, key), value($0, "spuriousRate")) },
                                                      errors: members.map { wilson($0, "spurious") }, dashed: true, color: k))
                }
                plots.append(plot.svg)
            }
            if numericKeys.isEmpty {
                let labels = test.map { row in gridKeys.isEmpty ? "all runs" : gridKeys.map { row[col($0)] }.joined(separator: ", ") }
                var plot = SVGPlot(title: "Test outcomes per grid point (error bars: Wilson 95%)", xLabel: gridKeys.joined(separator: ", "),
                                   yLabel: "fraction of test images")
                plot.yRange = (0, 1)
                plot.xCategories = labels
                let xs = test.indices.map(Double.init)
                plot.series.append(SVGPlot.Series(name: "accuracy (converged to own class)", points: zip(xs, test.map { value($0, "meanAccuracy") }).map { ($0, $1) },
                                                  errors: test.map { wilson($0, "correct") }))
                plot.series.append(SVGPlot.Series(name: "spurious rate", points: zip(xs, test.map { value($0, "spuriousRate") }).map { ($0, $1) },
                                                  errors: test.map { wilson($0, "spurious") }, dashed: true))
                plot.series.append(SVGPlot.Series(name: "nearest-memory accuracy", points: zip(xs, test.map { value($0, "meanNearestAccuracy") }).map { ($0, $1) }))
                plots.append(plot.svg)
            }
            return plots
        case .recall:
            let groups = groupedInOrder(rows) { row in gridKeys.map { "\($0)=\(row[col($0)])" }.joined(separator: ", ") }
            let hasLevels = rows.contains { Double($0[col("level")]) != nil }
            guard hasLevels else { return [] }
            var exact = SVGPlot(title: "Exact recovery vs corruption level", xLabel: "corruption level", yLabel: "exact recovery rate")
            var overlap = SVGPlot(title: "Final overlap with the stored pattern", xLabel: "corruption level", yLabel: "mean overlap m/N")
            exact.yRange = (0, 1)
            overlap.yRange = (-1, 1)
            for (k, (g, members)) in groups.prefix(8).enumerated() {
                let name = g.isEmpty ? "recall" : g
                exact.series.append(SVGPlot.Series(name: name, points: members.map { (value($0, "level"), value($0, "exactRate")) },
                                                   errors: members.map { wilson($0, "exact") }, color: k))
                overlap.series.append(SVGPlot.Series(name: name, points: members.map { (value($0, "level"), value($0, "meanOverlap")) }, color: k))
            }
            return [exact.svg, overlap.svg]
        case .capacity:
            let groups = groupedInOrder(rows) { row in
                row[col("rule")] + (gridKeys.filter { $0 != "network.rule" }.map { ", \($0)=\(row[col($0)])" }.joined())
            }
            var plot = SVGPlot(title: "Capacity: stored patterns that are fixed points, and retrieval overlap",
                               xLabel: "load α = P/N", yLabel: "fraction / overlap")
            plot.yRange = (0, 1.05)
            for (k, (g, members)) in groups.prefix(6).enumerated() {
                plot.series.append(SVGPlot.Series(name: "\(g): stable fraction", points: members.map { (value($0, "load"), value($0, "meanStableFraction")) }, color: k))
                plot.series.append(SVGPlot.Series(name: "\(g): overlap", points: members.map { (value($0, "load"), value($0, "meanOverlap")) }, dashed: true, color: k))
            }
            let maxLoad = rows.map { value($0, "load") }.max() ?? 0.3
            let theory = stride(from: 0.0, through: Theory.criticalLoad, by: Theory.criticalLoad / 40).compactMap { a in
                Theory.retrievalOverlap(load: a).map { (a, $0) }
            }
            plot.series.append(SVGPlot.Series(name: "AGS theory m(α), Hebbian", points: theory, dashed: true, markers: false, color: 7))
            plot.verticals = [(Theory.criticalLoad, "α_c ≈ 0.138 (Amit, Gutfreund, Sompolinsky)")]
            plot.xRange = (0, max(maxLoad, 0.15))
            return [plot.svg]
        }
    }
}
