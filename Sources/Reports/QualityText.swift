import Evaluation
import Foundation

/// The words and tables of the "Model quality" section, shared by the Markdown and HTML
/// renderers. Every figure is out of sample (docs/evaluation.md).
enum QualityText {
    static let heading = "Model quality (out of sample)"

    /// `No evidence of skill.` or `Evidence of cross-sectional skill.`
    static func verdict(_ q: EvaluationSummary) -> String {
        let v = q.verdict.rawValue
        return v.prefix(1).uppercased() + v.dropFirst() + "."
    }

    static let notEvaluated = "Not evaluated yet: nothing in this report measures model quality (the early-stopping AUC below is in-window). To evaluate out of sample, run:"

    static func promotedLine(_ q: EvaluationSummary) -> String {
        let list = q.promoted.isEmpty ? "none" : q.promoted.joined(separator: ", ")
        return "Promoted (latest model beats its no-skill null, Benjamini-Hochberg q = \(Formatting.fixed(q.gate.q, 2)) across \(q.symbolsEvaluated) tested symbols): \(list)"
    }

    /// (measure, value, what a model without skill gets).
    static func headline(_ q: EvaluationSummary) -> [(String, String, String)] {
        let lag = q.gate.horizon
        return [
            ("Rank IC, mean over \(q.dates) dates", "\(f(q.rankIC.mean, 4)) (t \(f(q.rankIC.tStat, 2)), ICIR \(f(q.rankIC.icir, 3)), \(percent(q.rankIC.positiveShare)) of dates positive)",
             "0 (|t| < 2)"),
            ("IC (Pearson), mean", "\(f(q.ic.mean, 4)) (t \(f(q.ic.tStat, 2)))", "0"),
            ("Top-\(q.topKExcess.k) excess forward return per date", "\(f(q.topKExcess.series.mean, 5)) (t \(f(q.topKExcess.series.tStat, 2)))", "0"),
            ("Pooled AUC over \(q.pooled.rows) labelled rows", f(q.pooled.auc, 3), "0.500"),
            ("Brier skill vs the base rate \(f(q.pooled.baseRate, 3))", f(q.pooled.brierSkill, 4), "0 or below"),
            ("Log-loss skill vs the base rate", f(q.pooled.loglossSkill, 4), "0 or below"),
            ("t-statistics", "Newey-West, lag \(lag) (the forecast horizon), for overlapping labels", ""),
        ]
    }

    static let symbolColumns = ["symbol", "labelled rows", "AUC", "null mean", "null 95th pct", "p-value", "promoted"]

    static func symbolRows(_ q: EvaluationSummary) -> [[String]] {
        q.symbols.map { s in
            [s.symbol, "\(s.labelledRows)", f(s.auc, 3), f(s.nullMean, 3), f(s.nullP95, 3), f(s.pValue, 3), s.promoted ? "yes" : "no"]
        }
    }

    static let calibrationColumns = ["probability", "rows", "mean probability", "observed rate of label 1"]

    static func calibrationRows(_ q: EvaluationSummary) -> [[String]] {
        q.calibration.map { b in
            ["\(Formatting.fixed(b.lower, 1))–\(Formatting.fixed(b.upper, 1))", "\(b.count)", f(b.meanProbability, 3), f(b.observedFrequency, 3)]
        }
    }

    static let nullNote = "Per symbol, each AUC stands beside what the same rows give with their labels shuffled in blocks of the forecast horizon (200 times): a per-symbol AUC over consecutive days is biased above 0.5 even on a random walk, so only the difference means anything."

    static func f(_ x: Double?, _ decimals: Int) -> String { Formatting.optional(x, decimals) }

    static func percent(_ x: Double?) -> String { x.map { Formatting.fixed($0 * 100, 1) + "%" } ?? "n/a" }
}
