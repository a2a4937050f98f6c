import LightGBM

/// A window's trained LightGBM model, cut at its best iteration, and what it predicts.
public struct FittedModel {
    /// `model.txt`: LightGBM's text format, holding the first `outcome.bestIteration` iterations.
    public let modelText: String
    public let outcome: TrainingOutcome
    public let parameters: LightGBMParameters
    public let trainProbabilities: [Double]
    public let validationProbabilities: [Double]
    /// Per feature, in `FeatureSet.names` order, over the best iterations.
    public let importanceSplit: [Double]

    /// Trains on the split's training rows with early stopping on its validation rows, the way
    /// the original's `LGBMClassifier.fit(eval_set=..., early_stopping)` did.
    public static func fit(_ window: PreparedWindow, split: DataSplit, parameters: LightGBMParameters,
                           library: LightGBMLibrary) throws -> FittedModel {
        let schedule = try TeacherParameters.trainingSchedule(parameters)
        do {
            let trainX = window.features.selectingRows(split.train)
            let validX = window.features.selectingRows(split.validation)
            let train = try Dataset(matrix: trainX, labels: split.train.map { window.labels[$0] },
                                    parameters: parameters, featureNames: FeatureSet.names, library: library)
            let valid = try Dataset(matrix: validX, labels: split.validation.map { window.labels[$0] },
                                    parameters: parameters, featureNames: FeatureSet.names, reference: train, library: library)
            let booster = try Booster(training: train, parameters: parameters)
            try booster.addValidation(valid)
            let outcome = try booster.train(maxIterations: schedule.maxIterations, stoppingRounds: schedule.stoppingRounds)
            let best = outcome.bestIteration
            let threads = try LightGBMParameters(parameters["num_threads"].map { ["num_threads": $0] } ?? [:])
            return FittedModel(
                modelText: try booster.modelString(iterations: best),
                outcome: outcome,
                parameters: parameters,
                trainProbabilities: try booster.predict(trainX, iterations: best, parameters: threads),
                validationProbabilities: try booster.predict(validX, iterations: best, parameters: threads),
                importanceSplit: try booster.featureImportance(.split, iterations: best))
        } catch let error as LightGBMError {
            throw TeacherError.model(error)
        }
    }
}
