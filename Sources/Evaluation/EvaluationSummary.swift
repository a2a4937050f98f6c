import Foundation

/// The whole out-of-sample evaluation of a batch, as written to JSON.
public struct EvaluationSummary: Sendable, Equatable, Codable {
    public var rankIC: SeriesSummary
    public var ic: SeriesSummary
    public var topKExcess: TopKExcessSummary
    public var pooled: PooledScores
    public var calibration: [CalibrationBin]
    /// Dates with a defined IC (the length of the IC series).
    public var dates: Int
    /// Dates skipped for having fewer than `minSymbolsPerDate` symbols with a forward return.
    public var thinDates: Int
    /// Dates skipped because all probabilities or all forward returns were equal.
    public var undefinedICDates: Int
    /// Symbols that had enough labelled rows and both classes, so got a permutation test.
    public var symbolsEvaluated: Int
    public var symbols: [SymbolEvaluation]
    public var promoted: [String]
    public var verdict: Verdict
    public var verdictText: String
    public var gate: GateSettings
    /// The per-date series behind the summaries, for charts.
    public var daily: [DailySkill]

    enum CodingKeys: String, CodingKey {
        case ic, pooled, calibration, dates, symbols, promoted, verdict, gate, daily
        case rankIC = "rank_ic"
        case topKExcess = "topk_excess"
        case thinDates = "thin_dates"
        case undefinedICDates = "undefined_ic_dates"
        case symbolsEvaluated = "symbols_evaluated"
        case verdictText = "verdict_text"
    }

    /// Pretty-printed with sorted keys: the same summary always gives the same bytes.
    public func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self)
    }
}

/// One date's cross-sectional figures; a figure is nil where that date did not qualify.
public struct DailySkill: Sendable, Equatable, Codable {
    public var date: DateKey
    public var ic: Double?
    public var rankIC: Double?
    public var topKExcess: Double?

    enum CodingKeys: String, CodingKey {
        case date, ic
        case rankIC = "rank_ic"
        case topKExcess = "topk_excess"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(date, forKey: .date)
        try c.encode(ic, forKey: .ic)
        try c.encode(rankIC, forKey: .rankIC)
        try c.encode(topKExcess, forKey: .topKExcess)
    }

    /// The two series merged by date, ascending.
    static func merge(_ skill: CrossSectionalSkill, _ topK: TopKExcess) -> [DailySkill] {
        var byDate: [DateKey: DailySkill] = [:]
        for (k, date) in skill.dates.enumerated() {
            byDate[date] = DailySkill(date: date, ic: skill.ic[k], rankIC: skill.rankIC[k], topKExcess: nil)
        }
        for (k, date) in topK.dates.enumerated() {
            byDate[date, default: DailySkill(date: date)].topKExcess = topK.excess[k]
        }
        return byDate.values.sorted { $0.date < $1.date }
    }

    init(date: DateKey, ic: Double? = nil, rankIC: Double? = nil, topKExcess: Double? = nil) {
        self.date = date
        self.ic = ic
        self.rankIC = rankIC
        self.topKExcess = topKExcess
    }
}
