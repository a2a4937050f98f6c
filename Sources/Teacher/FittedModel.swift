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
    /// booster comes back apart, for `model.txt`: it is not Sendable.
    public static func fit(_ window: PreparedWindow, split: DataSplit, parameters: LightGBMParameters,
                           library: LightGBMLibrary) throws -> (model: FittedModel, booster: FittedBooster) {
        let schedule = try TeacherParameters.trainingSchedule(parameters)
        do {
            let start = ContinuousClock.now
            let train = try Dataset(matrix: window.features.selectingRows(split.train), labels: split.train.map { window.labels[$0] },
                                    parameters: parameters, featureNames: FeatureSet.names, library: library)
            let valid = try Dataset(matrix: window.features.selectingRows(split.validation),
                                    labels: split.validation.map { window.labels[$0] },
                                    parameters: parameters, featureNames: FeatureSet.names, reference: train, library: library)
            let datasetsTime = ContinuousClock.now - start
            let booster = try Booster(training: train, parameters: parameters)
            try booster.addValidation(valid)
            let (outcome, output) = try booster.trainKeepingBestOutput(maxIterations: schedule.maxIterations,
                                                                       stoppingRounds: schedule.stoppingRounds)
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
