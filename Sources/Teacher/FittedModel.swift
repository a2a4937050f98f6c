import LightGBM

/// What a window's trained LightGBM model, cut at its best iteration, predicts and uses.
public struct FittedModel: Sendable {
    public let outcome: TrainingOutcome
    public let parameters: LightGBMParameters
    public let trainProbabilities: [Double]
    public let validationProbabilities: [Double]
    /// Per feature, in `FeatureSet.names` order, over the best iterations.
    public let importanceSplit: [Double]
    /// The time the two Datasets took (the rest of `fit` is training).
    public let datasetsTime: Duration

    /// Trains on the split's training rows with early stopping on its validation rows, the way
    /// the original's `LGBMClassifier.fit(eval_set=..., early_stopping)` did. The probabilities
    /// are those of the best iteration, kept as LightGBM trains (not predicted again). The
    /// booster comes back apart, for `model.txt`: it is not Sendable. `onKept` sees each best
    /// iteration's output as training keeps it (the last one is the model's).
    public static func fit(_ window: PreparedWindow, split: DataSplit, parameters: LightGBMParameters, library: LightGBMLibrary,
                           onKept: (BestIterationOutput) -> Void = { _ in }) throws -> (model: FittedModel, booster: FittedBooster) {
        let schedule = try TeacherParameters.trainingSchedule(parameters)
        do {
            let start = ContinuousClock.now
            let train = try dataset(window, rows: split.train, parameters: parameters, reference: nil, library: library)
            let valid = try dataset(window, rows: split.validation, parameters: parameters, reference: train, library: library)
            let datasetsTime = ContinuousClock.now - start
            let booster = try Booster(training: train, parameters: parameters)
            try booster.addValidation(valid)
            let (outcome, output) = try booster.trainKeepingBestOutput(maxIterations: schedule.maxIterations,
                                                                       stoppingRounds: schedule.stoppingRounds, onKept: onKept)
            let best = outcome.bestIteration
            let importance = try booster.featureImportance(.split, iterations: best)
            let model = FittedModel(
                outcome: outcome,
                parameters: parameters,
                trainProbabilities: output.train,
                validationProbabilities: output.validation,
                importanceSplit: importance,
                datasetsTime: datasetsTime)
            return (model, FittedBooster(booster: booster, iterations: best))
        } catch let error as LightGBMError {
            throw TeacherError.model(error)
        }
    }

    /// A Dataset of the window's `rows`: read in place when they are consecutive (a
    /// chronological split's), copied out otherwise.
    private static func dataset(_ window: PreparedWindow, rows: [Int], parameters: LightGBMParameters, reference: Dataset?,
                                library: LightGBMLibrary) throws -> Dataset {
        let labels = rows.map { window.labels[$0] }
        if let first = rows.first, let last = rows.last, last - first + 1 == rows.count {
            return try Dataset(matrix: window.features, rows: first..<last + 1, labels: labels, parameters: parameters,
                               featureNames: FeatureSet.names, reference: reference, library: library)
        }
        return try Dataset(matrix: window.features.selectingRows(rows), labels: labels, parameters: parameters,
                           featureNames: FeatureSet.names, reference: reference, library: library)
    }
}

/// The booster a window trained (holding its Datasets), for the window's `model.txt`.
public struct FittedBooster {
    let booster: Booster
    /// The best iteration: the model's text holds this many.
    let iterations: Int

    /// `model.txt`: LightGBM's text format, holding the first `iterations` iterations.
    public func modelText() throws -> String {
        do { return try booster.modelString(iterations: iterations) } catch let error as LightGBMError { throw TeacherError.model(error) }
    }
}
