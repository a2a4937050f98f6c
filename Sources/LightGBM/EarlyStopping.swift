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

extension Booster {
    /// Grows up to `maxIterations` iterations, watching the first metric of the first
    /// validation set the way LightGBM's Python `early_stopping` callback does: the best
    /// iteration is the last strict improvement, and training stops once `stoppingRounds`
    /// iterations pass without one. `stoppingRounds <= 0` or no validation set disables stopping.
    public func train(maxIterations: Int, stoppingRounds: Int) throws -> TrainingOutcome {
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
