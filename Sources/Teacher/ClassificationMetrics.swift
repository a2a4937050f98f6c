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
        let predicted = p.map { $0 > 0.5 ? 1.0 : 0.0 }
        let truePositive = zip(predicted, y).filter { $0 == 1 && $1 == 1 }.count
        let predictedPositive = predicted.filter { $0 == 1 }.count
        let actualPositive = y.filter { $0 == 1 }.count
        accuracy = Double(zip(predicted, y).filter { $0 == $1 }.count) / Double(p.count)
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
    /// average rank (as scikit-learn's roc_auc_score). Nil when one class is absent.
    public static func rocAUC(scores: [Double], labels: [Double]) -> Double? {
        let positives = labels.filter { $0 == 1 }.count
        let negatives = labels.count - positives
        guard positives > 0, negatives > 0 else { return nil }
        // (score, label) pairs sorted together: each comparison reads what it compares.
        var ranked = Array(zip(scores, labels))
        ranked.sort { $0.0 < $1.0 }
        var positiveRankSum = 0.0
        var i = 0
        while i < ranked.count {
            var j = i
            while j + 1 < ranked.count && ranked[j + 1].0 == ranked[i].0 { j += 1 }
            let averageRank = Double(i + j) / 2 + 1
            for k in i...j where ranked[k].1 == 1 { positiveRankSum += averageRank }
            i = j + 1
        }
        let p = Double(positives), n = Double(negatives)
        return (positiveRankSum - p * (p + 1) / 2) / (p * n)
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
