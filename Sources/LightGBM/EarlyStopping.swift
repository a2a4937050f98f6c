/// What a training run with early stopping ended with.
public struct TrainingOutcome: Equatable, Sendable {
    /// Iterations in the best model (1-based count); predict and save with this many.
    /// 0 when LightGBM could not split even once: the model is then only its constant start
    /// (one single-leaf tree), and 0 passed on as `iterations` means "all", which is that tree.
    public let bestIteration: Int
    /// The first validation metric at `bestIteration`, nil when there was no validation metric.
    public let bestScore: Double?
    public let metricName: String?
    /// Iterations actually grown before stopping.
    public let iterationsRun: Int
    /// True when training stopped because the metric failed to improve for the stopping rounds.
    public let stoppedEarly: Bool
}

/// The model's output at its best iteration for the training rows and the first validation
/// set's rows (probabilities for `binary`), as `predict(iterations: bestIteration)` gives them.
public struct BestIterationOutput: Equatable, Sendable {
    public let train: [Double]
    public let validation: [Double]
}

extension Booster {
    /// `train(maxIterations:stoppingRounds:)`, also keeping the output of the best iteration
    /// for the training and first validation rows, read from LightGBM's own scores each time the
    /// best iteration moves: cheaper than predicting the rows again after training (each
    /// improvement costs a pass over the rows; predicting costs one per tree). `onKept` sees
    /// each output kept, as it is kept; the last one it sees is the one returned.
    public func trainKeepingBestOutput(maxIterations: Int, stoppingRounds: Int,
                                       onKept: (BestIterationOutput) -> Void = { _ in }) throws -> (TrainingOutcome, BestIterationOutput) {
        var kept: (iteration: Int, output: BestIterationOutput)?
        let outcome = try train(maxIterations: maxIterations, stoppingRounds: stoppingRounds) { iteration in
            kept = (iteration, try outputNow())
            onKept(kept!.output)
        }
        if let kept, kept.iteration == outcome.bestIteration { return (outcome, kept.output) }
        // Without a metric to watch, the best iteration is the last one grown: the model as it is.
        guard outcome.bestIteration == outcome.iterationsRun else {
            throw LightGBMError.call(function: "trainKeepingBestOutput", message: "the best iteration's output was not kept")
        }
        let output = try outputNow()
        onKept(output)
        return (outcome, output)
    }

    private func outputNow() throws -> BestIterationOutput {
        BestIterationOutput(train: try currentOutput(dataIndex: 0),
                            validation: validationCount > 0 ? try currentOutput(dataIndex: 1) : [])
    }

    /// Grows up to `maxIterations` iterations, watching the first metric of the first
    /// validation set the way LightGBM's Python `early_stopping` callback does: the best
    /// iteration is the last strict improvement, and training stops once `stoppingRounds`
    /// iterations pass without one. `stoppingRounds <= 0` or no validation set disables stopping.
    public func train(maxIterations: Int, stoppingRounds: Int) throws -> TrainingOutcome {
        try train(maxIterations: maxIterations, stoppingRounds: stoppingRounds, onImprovement: { _ in })
    }

    /// `onImprovement` runs right after each iteration that becomes the best while watching.
    private func train(maxIterations: Int, stoppingRounds: Int, onImprovement: (Int) throws -> Void) throws -> TrainingOutcome {
        let watching = stoppingRounds > 0 && validationCount > 0
        let metricName = watching ? try evaluationNames().first : nil
        let higherIsBetter = metricName.map(Self.isHigherBetter) ?? false
        var best: (iteration: Int, score: Double?) = (0, nil)
        var grown = 0
        var stoppedEarly = false
        for iteration in 1...max(1, maxIterations) where maxIterations > 0 {
            if try updateOneIteration() { break }
            grown = iteration
            guard watching, metricName != nil, let score = try evaluation(dataIndex: 1).first else {
                best.iteration = iteration
                continue
            }
            if let bestScore = best.score, !(higherIsBetter ? score > bestScore : score < bestScore) {
                if iteration - best.iteration >= stoppingRounds { stoppedEarly = true; break }
            } else {
                best = (iteration, score)
                try onImprovement(iteration)
            }
        }
        return TrainingOutcome(
            bestIteration: best.iteration, bestScore: best.score, metricName: metricName,
            iterationsRun: grown, stoppedEarly: stoppedEarly)
    }

    /// LightGBM's Python package treats these metrics as higher-is-better; all others lower.
    static func isHigherBetter(_ metric: String) -> Bool {
        ["auc", "ndcg@", "map@", "average_precision"].contains { metric.hasPrefix($0) }
    }
}
