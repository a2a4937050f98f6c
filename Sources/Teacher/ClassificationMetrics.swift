import Foundation

/// Binary classification quality of probabilities against 0/1 labels, positive class 1,
/// predicted class 1 when p > 0.5. A value that is undefined for these rows is nil, and
/// `undefined` says why, so nothing is ever NaN.
public struct ClassificationMetrics: Equatable, Sendable {
    public var accuracy: Double?
    public var precision: Double?
    public var recall: Double?
    public var f1: Double?
    public var auc: Double?
    public var logloss: Double?
    /// Metric name (`precision`, `auc`, ...) to the reason it is nil.
    public var undefined: [String: String] = [:]

    public init(probabilities p: [Double], labels y: [Double]) {
        guard !p.isEmpty, p.count == y.count else {
            let reason = "no rows"
            undefined = ["accuracy": reason, "precision": reason, "recall": reason, "f1": reason, "auc": reason, "logloss": reason]
            return
        }
        var truePositive = 0, predictedPositive = 0, actualPositive = 0, correct = 0
        for (probability, label) in zip(p, y) {
            let predicted = probability > 0.5 ? 1.0 : 0.0
            if predicted == 1 { predictedPositive += 1 }
            if label == 1 { actualPositive += 1 }
            if predicted == 1 && label == 1 { truePositive += 1 }
            if predicted == label { correct += 1 }
        }
        accuracy = Double(correct) / Double(p.count)
        precision = ratio(truePositive, predictedPositive, name: "precision", reason: "no row predicted positive")
        recall = ratio(truePositive, actualPositive, name: "recall", reason: "no positive rows")
        if let precision, let recall {
            if precision + recall > 0 { f1 = 2 * precision * recall / (precision + recall) }
            else { undefined["f1"] = "precision and recall are both 0" }
        } else {
            undefined["f1"] = "precision or recall undefined"
        }
        auc = Self.rocAUC(scores: p, labels: y)
        if auc == nil { undefined["auc"] = "only one class present (\(actualPositive) positive of \(y.count))" }
        logloss = Self.logLoss(probabilities: p, labels: y)
    }

    private mutating func ratio(_ numerator: Int, _ denominator: Int, name: String, reason: String) -> Double? {
        guard denominator > 0 else { undefined[name] = reason; return nil }
        return Double(numerator) / Double(denominator)
    }

    /// Area under the ROC curve: the Mann-Whitney statistic with tied scores sharing their
    /// average rank (as scikit-learn's roc_auc_score), i.e. the share of (positive, negative)
    /// pairs the scores order correctly, a tie counting half. Nil when one class is absent.
    /// Scores must not be NaN.
    public static func rocAUC(scores: [Double], labels: [Double]) -> Double? {
        var positiveScores: [Double] = [], negativeScores: [Double] = []
        positiveScores.reserveCapacity(scores.count)
        negativeScores.reserveCapacity(scores.count)
        for (score, label) in zip(scores, labels) {
            if label == 1 { positiveScores.append(score) } else { negativeScores.append(score) }
        }
        let positive = RadixSort.sortedKeys(positiveScores), negative = RadixSort.sortedKeys(negativeScores)
        guard !positive.isEmpty, !negative.isEmpty else { return nil }
        // Twice the statistic, so ties' halves stay integers: each positive scores 2 per
        // negative below it and 1 per negative level with it.
        var twiceCorrect = 0, below = 0, notAbove = 0
        for key in positive {
            while below < negative.count && negative[below] < key { below += 1 }
            while notAbove < negative.count && negative[notAbove] <= key { notAbove += 1 }
            twiceCorrect += below + notAbove
        }
        return Double(twiceCorrect) / 2 / (Double(positive.count) * Double(negative.count))
    }

    /// Mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15].
    public static func logLoss(probabilities: [Double], labels: [Double]) -> Double {
        let eps = 1e-15
        let total = zip(probabilities, labels).reduce(0.0) { sum, pair in
            let p = min(max(pair.0, eps), 1 - eps)
            return sum - (pair.1 == 1 ? log(p) : log(1 - p))
        }
        return total / Double(probabilities.count)
    }
}
