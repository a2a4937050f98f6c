import MarketData

/// One request's worth of work: a run of consecutive trading days of one symbol.
public struct FetchChunk: Hashable, Sendable, CustomStringConvertible {
    public var symbol: String
    public var stockCode: String
    public var interval: Interval
    /// Trading days, ascending and consecutive in the trading calendar.
    public var days: [CalendarDay]

    public init(symbol: String, stockCode: String, interval: Interval, days: [CalendarDay]) {
        precondition(!days.isEmpty, "a chunk has at least one day")
        self.symbol = symbol
        self.stockCode = stockCode
        self.interval = interval
        self.days = days
    }

    public var range: DayRange { DayRange(days.first!, days.last!) }
    public var description: String { "\(symbol) \(interval.rawValue) \(range)" }

    /// The chunk cut in two halves by trading days (nil for a single day).
    public func halves() -> (FetchChunk, FetchChunk)? {
        guard days.count > 1 else { return nil }
        let mid = days.count / 2
        var a = self, b = self
        a.days = Array(days[..<mid])
        b.days = Array(days[mid...])
        return (a, b)
    }
}

/// Plans requests so that none can reach Breeze's 1000-candle cap: missing days are grouped
/// into runs of consecutive trading days, and each run is cut into chunks of at most
/// `(cap - 1) / barsPerTradingDay` trading days (an answer of exactly the cap is suspect).
public enum ChunkPlanner {
    public static let candleCap = 1000

    public static func maxTradingDaysPerChunk(_ interval: Interval, cap: Int = candleCap) -> Int {
        max(1, (cap - 1) / interval.barsPerTradingDay)
    }

    /// - Parameters:
    ///   - missing: the days to fetch, a subset of `tradingDays`.
    ///   - tradingDays: every trading day of the requested range, ascending.
    public static func chunks(symbol: String, stockCode: String, interval: Interval, missing: Set<CalendarDay>,
                              tradingDays: [CalendarDay], cap: Int = candleCap, maxDays: Int? = nil) -> [FetchChunk] {
        let limit = max(1, maxDays ?? maxTradingDaysPerChunk(interval, cap: cap))
        var chunks: [FetchChunk] = []
        var current: [CalendarDay] = []
        func close() {
            if !current.isEmpty { chunks.append(FetchChunk(symbol: symbol, stockCode: stockCode, interval: interval, days: current)) }
            current = []
        }
        for day in tradingDays {
            if missing.contains(day) {
                current.append(day)
                if current.count == limit { close() }
            } else {
                close()
            }
        }
        close()
        return chunks
    }
}
