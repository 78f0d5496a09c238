import Foundation

/// `report.html`: one self-contained page per results folder (pictures as data: URIs, no
/// JavaScript, no network) with the config, the manifest essentials, the summary table, the
/// batch plots and the pictures of up to 12 runs. Built from a batch's typed results; the run
/// pictures it embeds are read from the run folders as images, never inlined as markup.
public enum Report {
    /// Reads a results folder and writes its report; returns the report's path.
    @discardableResult
    public static func write(results root: String) throws -> String {
        let results = try ResultsFolder(root).read()
        return try write(results)
    }

    /// Writes `<root>/report.html` (atomically) and returns its path.
    @discardableResult
    public static func write(_ results: BatchResults) throws -> String {
        let path = joinPath(results.root, "report.html")
        try AtomicFile.write(html(results), to: path)
        return path
    }

    /// The page.
    static func html(_ results: BatchResults) -> String {
        let batch = results.batch
        let summary = results.summary
        var html = header(batch.name)
        if case .string(let comment)? = batch.source["comment"] { html += "<p>\(HTML.escape(comment))</p>\n" }
        html += "<p>\(batch.runs.count) run(s): task <b>\(batch.runs[0].config.task.rawValue)</b>"
        if !batch.gridKeys.isEmpty {
            html += ", grid over \(batch.gridKeys.map { "<code>\(HTML.escape($0))</code>" }.joined(separator: ", "))"
        }
        html += ", seeds \(batch.seeds.map(String.init).joined(separator: ", ")).</p>\n"
        html += headline(summary, gridKeys: batch.gridKeys, batch: batch)
        if let selection = Selection.choose(results) {
            html +=
                "<div class=\"note\"><p>Chosen on the validation split (<code>split.select</code>, <code>selection.csv</code>); the test split reported for the chosen points only:</p>\n<ul>\n"
                + HTML.items(selection.sentences(gridKeys: batch.gridKeys))
                + "\n</ul></div>\n"
        }
        html += warnings(results)
        html += "<h2>Plots</h2>\n"
        for svg in summary.plots(gridKeys: batch.gridKeys) { html += "<div class=\"figure\">\(HTML.svgImage(svg))</div>\n" }
        html +=
            "<h2>Summary</h2>\n<p>Runs that differ only by seed, grouped: means, standard deviations over seeds, and pooled counts with Wilson 95% intervals (<code>summary.csv</code>).</p>\n"
        let fields = summary.fields(gridKeys: batch.gridKeys)
        html += HTML.table([fields.header] + fields.rows)
        let predictions = PredictionTables.read(results)
        html += PredictionTables.pairedTests(results, predictions) + PredictionTables.attractors(results, predictions)
        if !results.records.isEmpty { html += provenance(results.records.map(\.manifest), grid: batch.grid) }
        html += trainingTable(results)
        html += "<h2>Config</h2>\n<pre>\(HTML.escape(batch.source.pretty() + "\n"))</pre>\n"
        html += runPictures(results)
        let runs = results.runs.fields(gridKeys: batch.gridKeys)
        html += "<h2>All runs</h2>\n" + HTML.table([runs.header] + runs.rows)
        html +=
            "<p class=\"caption\">Written by HopfieldLab \(HopfieldLab.version). Self-contained: pictures are embedded, nothing is fetched.</p>\n</body></html>\n"
        return html
    }

    static func header(_ name: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8">
        <title>\(HTML.escape(name)) — HopfieldLab report</title>
        <style>
        body { font-family: Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1100px; color: #222; padding: 0 1em; }
        h1 { font-size: 1.6em; } h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
        table { border-collapse: collapse; font-size: 0.85em; margin: 1em 0; }
        th, td { border: 1px solid #ccc; padding: 3px 7px; text-align: right; }
        th { background: #f2f2f2; } td:first-child, th:first-child { text-align: left; }
        pre { background: #f7f7f7; padding: 1em; overflow-x: auto; font-size: 0.85em; }
        img { image-rendering: pixelated; image-rendering: crisp-edges; max-width: 100%; border: 1px solid #ddd; margin: 4px; }
        img.plot { image-rendering: auto; border: none; }
        .figure { display: inline-block; vertical-align: top; margin: 0.5em; } .caption { font-size: 0.8em; color: #555; }
        .note { background: #fff8e1; border-left: 4px solid #E69F00; padding: 0.6em 1em; }
        </style></head><body>
        <h1>\(HTML.escape(name))</h1>

        """
    }

    /// The plain-words result, per grid point: test accuracy, spurious states, and where it
    /// stands against chance, nearest-memory retrieval, the nearest class prototype and 1-NN.
    static func headline(_ summary: SummaryTable, gridKeys: [String], batch: Batch? = nil) -> String {
        summary.headline(gridKeys: gridKeys, batch: batch)
    }

    /// The runs' network warnings (the manifests' `warnings`), each message once with the runs
    /// that gave it.
    static func warnings(_ results: BatchResults) -> String {
        var messages: [(text: String, runs: [String])] = []
        for record in results.records {
            for w in record.manifest.warnings {
                if let k = messages.firstIndex(where: { $0.text == w }) {
                    messages[k].runs.append(record.spec.key)
                } else {
                    messages.append((w, [record.spec.key]))
                }
            }
        }
        guard !messages.isEmpty else { return "" }
        let items = messages.map {
            "<li>\(HTML.escape($0.text)) (\(HTML.escape($0.runs.prefix(4).joined(separator: "; ")))\($0.runs.count > 4 ? "; …" : ""))</li>"
        }
        return "<div class=\"note\"><p>Warnings:</p>\n<ul>\n" + items.joined(separator: "\n") + "\n</ul></div>\n"
    }

    /// "How it was made": the manifests' essentials for the whole batch — the grid, then each
    /// value as every run has it, or, where runs differ (a grid key changes a convention, the
    /// dataset, the build), every distinct value with the number of runs that have it.
    static func provenance(_ manifests: [RunManifest], grid: [(key: String, values: [JSONValue])]) -> String {
        var rows: [(String, String)] = []
        if !grid.isEmpty {
            rows.append(("grid", grid.map { "\($0.key): " + $0.values.map(\.label).joined(separator: ", ") }.joined(separator: "; ")))
        }
        let described = manifests.map { Dictionary(provenanceRows($0), uniquingKeysWith: { a, _ in a }) }
        var keys: [String] = []
        for m in manifests { for (key, _) in provenanceRows(m) where !keys.contains(key) { keys.append(key) } }
        for key in keys {
            let values = described.map { $0[key] ?? "" }
            var distinct: [String] = []
            for v in values where !distinct.contains(v) { distinct.append(v) }
            rows.append(
                (
                    key,
                    distinct.count == 1
                        ? distinct[0]
                        : "varies: "
                            + distinct.map { v in "\(v.isEmpty ? "—" : v) (\(values.filter { $0 == v }.count) runs)" }.joined(
                                separator: " | ")
                ))
        }
        var html = "<h2>How it was made</h2>\n<table>\n"
        for (key, value) in rows {
            html += "<tr><th>\(HTML.escape(key))</th><td style=\"text-align:left\">\(HTML.escape(value))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    /// One manifest's essentials, in a fixed order.
    static func provenanceRows(_ m: RunManifest) -> [(String, String)] {
        var rows: [(String, String)] = [("tool", m.tool), ("version", m.version)]
        rows.append(("build", m.build ?? "unknown"))
        rows += [("libraries", m.libraries), ("platform", m.platform)]
        if let d = m.dataset {
            rows += [
                ("dataset path", d.path), ("dataset fingerprint", d.fingerprint), ("dataset files", String(d.files)),
                ("dataset usedImages", String(d.usedImages))
            ]
            if !d.refused.isEmpty {
                rows.append(
                    (
                        "refused files",
                        "\(d.refused.count): " + d.refused.prefix(10).map { "\($0.path) (\($0.reason))" }.joined(separator: "; ")
                    ))
            }
        }
        rows += m.conventions.map { ($0.0, $0.1.label) }
        return rows
    }

    /// Parameter counts, training times and final training epochs of every run that has them.
    static func trainingTable(_ results: BatchResults) -> String {
        var rows: [[String]] = [["run", "parameters", "trainingSeconds", "epochs", "finalLoss", "finalStablePatterns"]]
        for record in results.records {
            guard let parameters = record.manifest.parameters else { continue }
            var row = [record.spec.key, String(parameters), record.manifest.trainingSeconds.map { Format.fixed($0, 3) } ?? "", "", "", ""]
            if let last = record.trainingLog?.last {
                // The dam has no stored patterns to be fixed points: its column would be training accuracy under another name.
                var isDam = false
                if record.spec.config.network.rule.isClassifier { isDam = true }
                row.replaceSubrange(
                    3..., with: [String(last.epoch), Format.fixed(last.loss, 6), isDam ? "" : Format.fixed(last.stablePatterns, 4)])
            }
            rows.append(row)
        }
        guard rows.count > 1 else { return "" }
        return
            "<h2>Networks</h2>\n<p>Parameters of each run's network; for trained rules, the training time and the last epoch of <code>training.csv</code> (loss, fraction of training patterns that are fixed points).</p>\n"
            + HTML.table(rows)
    }

    /// Pictures of up to 12 runs: the first seed of each grid point, embedded as images.
    static func runPictures(_ results: BatchResults) -> String {
        let batch = results.batch
        var shown: [RunSpec] = []
        var points = Set<String>()
        for run in batch.runs where !points.contains(run.pointKey) && shown.count < 12 {
            points.insert(run.pointKey)
            shown.append(run)
        }
        let task = batch.runs[0].config.task
        var html = "<h2>Runs</h2>\n"
        if shown.count < batch.runs.count {
            html +=
                "<p>Pictures of \(shown.count) of the \(batch.runs.count) runs (the first seed of each grid point\(points.count > 12 ? ", first 12" : "")); every run's folder has its own.</p>\n"
        }
        let captions = [
            ("memories.png", "stored memories"),
            ("outcomes.png", task.definition.examples.caption),
            ("weights.png", "weights"), ("trajectory.png", "one image, sweep by sweep"),
            ("trajectory-animated.png", "the same, animated (APNG)"),
            ("retrievals.png", "test photo → the training photo it retrieved, right and wrong ones"),
            ("energy.svg", "energy sweep by sweep"), ("training.svg", "training curve")
        ]
        for run in shown {
            let folder = ResultsFolder(results.root).folder(of: run)
            html += "<h3>\(HTML.escape(run.key))</h3>\n"
            for (file, caption) in captions {
                guard let bytes = ResultsFolder.readPicture(joinPath(folder, file)) else { continue }
                let type = file.hasSuffix(".svg") ? "image/svg+xml" : "image/png"
                html +=
                    "<div class=\"figure\"><img alt=\"\(HTML.escape(caption))\"\(file.hasSuffix(".svg") ? " class=\"plot\"" : "") src=\"data:\(type);base64,\(Data(bytes).base64EncodedString())\"><div class=\"caption\">\(HTML.escape(file)): \(HTML.escape(caption))</div></div>\n"
            }
        }
        return html
    }
}
