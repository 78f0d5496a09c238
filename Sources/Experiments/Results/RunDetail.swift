import Hopfield

/// A run's records besides its rows of runs.csv.
public enum RunDetail: Sendable {
    /// predictions.csv: every training and test image.
    case classify([ClassifyPrediction])
    /// recall.csv (a row per level and trial) and predictions.csv (every start).
    case recall(trials: [RecallTrialRow], predictions: [RecallPrediction])
    /// capacity.csv: a row per number of patterns and trial.
    case capacity([CapacityTrialRow])
    /// basins.csv: a row per memory.
    case basins([BasinRow])
}
