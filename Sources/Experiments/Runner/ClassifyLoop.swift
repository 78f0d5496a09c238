/// The part every classify run shares, whatever classifies: each split's images classified in
/// split order, the baselines' classes written beside each prediction, each prediction written
/// as its predictions.csv line at once (only the test split's rows are kept, for the pictures),
/// and each split tallied by class label (not by class name) into its runs.csv row.
enum ClassifyLoop {
    /// One image classified: its prediction row (path, class, outcome, sweeps and what the
    /// classifier reached, filled by the classifier), and the labels the tally compares.
    struct Classified {
        /// The prediction row; the loop fills in its split, index and baseline classes.
        var prediction: ClassifyPrediction
        /// The image's class.
        var label: Int
        /// The class of the nearest memory (the nearest-memory baseline).
        var nearestLabel: Int
    }

    /// Every split of `split` (train, validation when held out, test) classified by
    /// `classify(members, offset)`, which returns the members' results in order (`offset`:
    /// how many images the earlier splits had), then tallied. `selectionMinimum` is the
    /// memories' smallest pairwise dissimilarity, written in every row. Returns the runs.csv
    /// rows, predictions.csv, and the test split's predictions in order.
    static func run(
        _ spec: RunSpec, split: Splitter.Result, baselines: Baselines, classes: [String], selectionMinimum: Double,
        classify: (_ members: [Int], _ offset: Int) -> [Classified]
    ) -> (rows: [ClassifyRow], predictions: CSVLines<ClassifyPrediction>, test: [ClassifyPrediction]) {
        var rows: [ClassifyRow] = [], predictions = CSVLines<ClassifyPrediction>(), test: [ClassifyPrediction] = []
        var offset = 0
        for part in split.parts {
            let members = split.members(part)
            let base = baselines.part(part)
            var tally = Tally()
            if base.neighbor != nil { tally.neighborCorrect = 0 }
            for (index, c) in classify(members, offset).enumerated() {
                var p = c.prediction
                p.split = part
                p.index = index
                p.prototype = classes[base.prototype[index]]
                tally.add(p.outcome, sweeps: p.sweeps)
                if c.nearestLabel == c.label { tally.nearestCorrect += 1 }
                if base.prototype[index] == c.label { tally.prototypeCorrect += 1 }
                if let neighbor = base.neighbor?[index] {
                    p.neighbor = classes[neighbor]
                    if neighbor == c.label { tally.neighborCorrect! += 1 }
                }
                predictions.append(p)
                if part == .test { test.append(p) }
            }
            offset += members.count
            rows.append(
                ClassifyRow(run: RunLabel(spec), split: part, tally: tally, selectionMinimum: selectionMinimum, chance: base.chance))
        }
        return (rows, predictions, test)
    }
}
