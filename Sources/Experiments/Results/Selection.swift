/// `split.select`: one grid point chosen per seed on the validation split, and the test split
/// reported for that point only. The test split never takes part in the choice.
public struct Selection: Sendable, Equatable {
    /// One seed's choice.
    public struct Choice: Sendable, Equatable {
        /// The seed.
        public var seed: UInt64
        /// The chosen run (grid point) and its grid values.
        public var run: RunLabel
        /// The metric on the validation split, for the chosen point.
        public var validation: Double
        /// The chosen point's test row.
        public var test: ClassifyRow
        /// Other points with the same validation metric (the first in batch order was taken).
        public var tiedWith: [RunLabel] = []
    }

    /// The metric maximised.
    public var metric: ExperimentConfig.SplitSection.SelectMetric
    /// One choice per seed, in seed order of the batch.
    public var choices: [Choice]

    /// The choices of a classify batch with `split.select`: for every seed, the run whose
    /// validation row has the highest metric (the first in batch order among equals); nil when
    /// the batch does not select.
    public static func choose(_ results: BatchResults) -> Selection? {
        guard let metric = results.batch.runs.first?.config.split.select, let rows = results.runs.rows(of: ClassifyTask.self) else {
            return nil
        }
        func value(_ row: ClassifyRow) -> Double { metric == .accuracy ? row.accuracy : row.nearestAccuracy }
        var choices: [Choice] = []
        for seed in results.batch.seeds {
            let validation = rows.filter { $0.split == .validation && $0.run.seed == seed }
            guard var best = validation.first else { continue }
            for row in validation.dropFirst() where value(row) > value(best) { best = row }
            guard let test = rows.first(where: { $0.split == .test && $0.run.key == best.run.key }) else { continue }
            let tied = validation.filter { $0.run.key != best.run.key && value($0) == value(best) }.map(\.run)
            choices.append(Choice(seed: seed, run: best.run, validation: value(best), test: test, tiedWith: tied))
        }
        return Selection(metric: metric, choices: choices)
    }

    /// selection.csv: seed, the chosen run and grid values, the validation metric, then the
    /// chosen point's test accuracy, spurious rate and baselines.
    public func csv(gridKeys: [String]) -> String {
        var lines = [
            CSVTable.line(
                ["seed", "run"] + gridKeys + [
                    "validation" + metric.rawValue.prefix(1).uppercased() + metric.rawValue.dropFirst(),
                    "testN", "testAccuracy", "testSpuriousRate", "testNearestAccuracy", "testChanceAccuracy",
                    "testPrototypeAccuracy", "testNeighborAccuracy"
                ])
        ]
        for c in choices {
            lines.append(
                CSVTable.line(
                    [String(c.seed), c.run.key] + c.run.grid + [
                        Format.fixed(c.validation), String(c.test.n),
                        Format.fixed(c.test.accuracy), Format.fixed(c.test.spuriousRate), Format.fixed(c.test.nearestAccuracy),
                        Format.fixed(c.test.chanceAccuracy), Format.fixed(c.test.prototypeAccuracy),
                        c.test.neighborAccuracy.map { Format.fixed($0) } ?? ""
                    ]))
        }
        return lines.joined()
    }

    /// Plain words: the choice per seed (and a tie, when other points scored the same on
    /// validation), and the chosen points' test accuracy (mean over seeds), saying so when the
    /// seeds chose different points.
    public func sentences(gridKeys: [String]) -> [String] {
        guard !choices.isEmpty else { return ["selection: no validation rows"] }
        func point(_ run: RunLabel) -> String { zip(gridKeys, run.grid).map { "\($0) = \($1)" }.joined(separator: ", ") }
        var out = choices.map { c in
            var text =
                "seed \(c.seed): chose " + point(c.run)
                + " (validation \(metric.rawValue) \(Format.fixed(c.validation, 3))); test accuracy \(Format.fixed(c.test.accuracy, 3))"
            if !c.tiedWith.isEmpty {
                text +=
                    "; a tie on validation with " + c.tiedWith.map(point).joined(separator: "; ") + ": the first in grid order was taken"
            }
            return text
        }
        let mean = choices.map(\.test.accuracy).reduce(0, +) / Double(choices.count)
        var points: [String] = []
        for c in choices where !points.contains(point(c.run)) { points.append(point(c.run)) }
        let models = points.count > 1 ? "; the seeds chose \(points.count) different points, so this averages different models" : ""
        out.append(
            "selected on validation \(metric.rawValue): test accuracy \(Format.fixed(mean, 3)) (mean over \(choices.count) seed(s), chosen points only\(models))"
        )
        return out
    }
}
