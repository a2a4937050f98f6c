/// Summary of a daily series (IC, rank IC, top-k excess). Undefined values are nil.
public struct SeriesSummary: Sendable, Equatable, Codable {
    public var n: Int
    public var mean: Double?
    /// Sample standard deviation.
    public var sd: Double?
    /// Information ratio: mean / sd.
    public var icir: Double?
    public var positiveShare: Double?
    /// mean / Newey-West standard error with the series' dependence length as lag (the horizon
    /// on daily bars, a session on intraday ones): robust to overlapping labels.
    public var tStat: Double?
    /// mean / (sd / sqrt(n)): assumes independent days, so it is inflated under overlap.
    public var tStatPlain: Double?

    /// Summarises `series` (in date order: the Newey-West lags assume it) with `lag` bars.
    public init(series: [Double], lag: Int) {
        n = series.count
        guard !series.isEmpty else { return }
        let m = Evaluation.mean(series)
        mean = m
        positiveShare = Double(series.filter { $0 > 0 }.count) / Double(n)
        sd = sampleStandardDeviation(series)
        if let sd {
            icir = finiteRatio(m, sd)
            tStatPlain = finiteRatio(m, sd / Double(n).squareRoot())
        }
        if let se = neweyWestStandardError(series, lag: lag) {
            tStat = finiteRatio(m, se)
        }
    }

    enum CodingKeys: String, CodingKey {
        case n, mean, sd, icir
        case positiveShare = "positive_share"
        case tStat = "t_stat"
        case tStatPlain = "t_stat_plain"
    }

    /// Writes every key, nil as null.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(n, forKey: .n)
        try c.encode(mean, forKey: .mean)
        try c.encode(sd, forKey: .sd)
        try c.encode(icir, forKey: .icir)
        try c.encode(positiveShare, forKey: .positiveShare)
        try c.encode(tStat, forKey: .tStat)
        try c.encode(tStatPlain, forKey: .tStatPlain)
    }
}
