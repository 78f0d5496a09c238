/// The report's tables made from the runs' predictions.csv: what the final states are
/// (attractor counts per run) and paired tests between classifiers on the same test images.
/// Folders written before these columns existed simply have no such tables.
enum PredictionTables {
    /// Every run's predictions, in batch order (nil where a run has none or it cannot be read).
    static func read(_ results: BatchResults) -> [PredictionsTable?] {
        let folder = ResultsFolder(results.root)
        return results.batch.runs.map { run in run.config.task.definition.predictionGroup == nil ? nil : try? folder.predictions(of: run) }
    }

    /// "Attractors": per run and split (classify) or level (recall), the converged states that are
    /// memories, inverted memories, mixtures or other states, and the most frequent mixtures.
    static func attractors(_ results: BatchResults, _ tables: [PredictionsTable?]) -> String {
        var rows: [[String]] = [["run", "group", "n", "memory", "inverted", "mixture", "other", "not analysed", "frequent mixtures"]]
        for (run, table) in zip(results.batch.runs, tables) {
            guard let table, let kinds = table.column("attractor"), let names = table.column("mixture"),
                let group = run.config.task.definition.predictionGroup, let groups = table.column(group)
            else { continue }
            var order: [String] = []
            for g in groups where !order.contains(g) { order.append(g) }
            for group in order {
                let members = groups.indices.filter { groups[$0] == group }
                func count(_ kind: String) -> Int { members.filter { kinds[$0] == kind }.count }
                var frequency: [String: Int] = [:]
                for k in members where kinds[k] == AttractorFields.mixtureName { frequency[names[k], default: 0] += 1 }
                let frequent = frequency.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.prefix(3)
                var row: [String] = [run.key, group.isEmpty ? "all" : group, String(members.count)]
                for kind in AttractorFields.kindNames { row.append(String(count(kind))) }
                row.append(String(count("")))
                row.append(frequent.map { "\($0.key) (\($0.value))" }.joined(separator: ", "))
                rows.append(row)
            }
        }
        guard rows.count > 1 else { return "" }
        return
            "<h2>Attractors</h2>\n<p>What each converged state is (the <code>attractor</code> column of <code>predictions.csv</code>): a stored memory, a negated memory, a mixture (exactly the sign of a ± combination of 3 or 5 memories, named by memory and sign, <code>+0-4+7</code>), or another state (spin-glass states, near-mixtures: see the <code>top1Overlap</code> … columns). Unconverged dynamics and real-valued states are not analysed. Mixtures are spurious for the strict accuracy but often near the right memories, which is where strict and nearest-memory accuracy part.</p>\n"
            + HTML.table(rows)
    }

    /// "Paired tests": McNemar's exact test between classifiers on the same test images, per seed
    /// (``TestAnswers/tests(_:allPairs:)``).
    static func pairedTests(_ results: BatchResults, _ tables: [PredictionsTable?]) -> String {
        let answers = zip(results.batch.runs, tables).compactMap { run, table -> TestAnswers? in
            guard run.config.task.definition.hasTestAnswers, let table else { return nil }
            return TestAnswers(table, label: run.pointKey.isEmpty ? "run" : run.pointKey, seed: run.seed)
        }
        let tests = TestAnswers.tests(answers)
        guard !tests.isEmpty else { return "" }
        return
            "<h2>Paired tests</h2>\n<p>McNemar's exact test on the same test images (the runs of one seed share their split): the images only one of the two gets right, and the two-sided binomial p-value. Each run against its own 1-NN baseline, and runs against each other (every pair when a seed has at most 6 runs, otherwise each against the seed's most accurate run). A p-value above 0.05 means the two are not distinguishable on these images.</p>\n"
            + HTML.table([PairedTest.header] + tests.map { $0.test.fields(rightFirst: $0.rightFirst) })
    }
}
