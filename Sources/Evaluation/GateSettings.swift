/// Everything that decides which symbols are promoted and what the batch verdict says.
public struct GateSettings: Sendable, Equatable, Codable {
    /// A symbol needs this many labelled out-of-sample rows to be tested at all.
    public var minLabelledRows: Int
    /// Benjamini-Hochberg false discovery rate across the tested symbols.
    public var q: Double
    /// Block permutations per symbol.
    public var permutations: Int
    /// Label block length of the permutation null; the forecast horizon keeps overlap intact
    /// (on intraday bars at least a session, `EvaluateFlow.blockLength`).
    public var blockLength: Int
    /// Forecast horizon in bars.
    public var horizon: Int
    /// Rank IC Newey-West t-statistic the batch needs for "evidence of skill".
    public var minRankICTStat: Double
    /// Symbols picked per date for the top-k excess return.
    public var k: Int
    /// A date enters the IC series only with this many symbols having a forward return.
    public var minSymbolsPerDate: Int

    public init(minLabelledRows: Int = 60, q: Double = 0.10, permutations: Int = 200, blockLength: Int = 7,
                horizon: Int = 7, minRankICTStat: Double = 2.0, k: Int = 10, minSymbolsPerDate: Int = 5) {
        self.minLabelledRows = minLabelledRows
        self.q = q
        self.permutations = permutations
        self.blockLength = blockLength
        self.horizon = horizon
        self.minRankICTStat = minRankICTStat
        self.k = k
        self.minSymbolsPerDate = minSymbolsPerDate
    }

    /// Bars over which the out-of-sample series stay dependent: overlapping labels span a
    /// horizon, and on intraday bars scores and labels move together over a whole session. The
    /// Newey-West lag of the IC and top-k series, as the blocks are the permutation null's.
    public var dependenceLength: Int { max(horizon, blockLength) }

    enum CodingKeys: String, CodingKey {
        case q, permutations, horizon, k
        case minLabelledRows = "min_labelled_rows"
        case blockLength = "block_length"
        case minRankICTStat = "min_rank_ic_t_stat"
        case minSymbolsPerDate = "min_symbols_per_date"
    }
}
