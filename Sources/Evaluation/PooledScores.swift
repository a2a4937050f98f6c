import Teacher

/// Probability quality over all labelled rows pooled, beside the base-rate predictor that
/// always answers the share of label 1. Skill = 1 - score / base score: above 0 beats it.
public struct PooledScores: Sendable, Equatable, Codable {
    public var rows: Int
    public var auc: Double?
    public var logloss: Double?
    /// Mean squared error of the probability against the 0/1 label.
    public var brier: Double?
    public var baseRate: Double?
    public var loglossBase: Double?
    public var brierBase: Double?
    public var brierSkill: Double?
    public var loglossSkill: Double?

    /// `probabilities[i]` is the prediction for `labels[i]` (each 0 or 1).
    public init(probabilities: [Double], labels: [Double]) {
        rows = labels.count
        guard rows > 0, probabilities.count == rows else { return }
        let rate = mean(labels)
        let base = [Double](repeating: rate, count: rows)
        auc = ClassificationMetrics.rocAUC(scores: probabilities, labels: labels)
        logloss = ClassificationMetrics.logLoss(probabilities: probabilities, labels: labels)
        brier = Self.brierScore(probabilities: probabilities, labels: labels)
        baseRate = rate
        loglossBase = ClassificationMetrics.logLoss(probabilities: base, labels: labels)
        brierBase = Self.brierScore(probabilities: base, labels: labels)
        // With one class the base rate is a perfect predictor and its clipped log loss a
        // rounding residue, so a ratio against it means nothing.
        guard rate > 0, rate < 1, let logloss, let brier, let loglossBase, let brierBase else { return }
        brierSkill = finiteRatio(brier, brierBase).map { 1 - $0 }
        loglossSkill = finiteRatio(logloss, loglossBase).map { 1 - $0 }
    }

    static func brierScore(probabilities: [Double], labels: [Double]) -> Double {
        mean(zip(probabilities, labels).map { ($0 - $1) * ($0 - $1) })
    }

    enum CodingKeys: String, CodingKey {
        case rows, auc, logloss, brier
        case baseRate = "base_rate"
        case loglossBase = "logloss_base"
        case brierBase = "brier_base"
        case brierSkill = "brier_skill"
        case loglossSkill = "logloss_skill"
    }

    /// Writes every key, nil as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(rows, forKey: .rows)
        try c.encode(auc, forKey: .auc)
        try c.encode(logloss, forKey: .logloss)
        try c.encode(brier, forKey: .brier)
        try c.encode(baseRate, forKey: .baseRate)
        try c.encode(loglossBase, forKey: .loglossBase)
        try c.encode(brierBase, forKey: .brierBase)
        try c.encode(brierSkill, forKey: .brierSkill)
        try c.encode(loglossSkill, forKey: .loglossSkill)
    }
}
