import MarketData

/// Daily open and close per symbol on a shared calendar of trading days; nil where a symbol has no bar.
public struct DailyPrices: Sendable {
    public let days: [CalendarDay]
    public let symbols: [String]
    private let opens: [String: [Double?]]
    private let closes: [String: [Double?]]

    /// `open[symbol]` and `close[symbol]` hold one entry per day in `days` (strictly increasing); prices must be > 0.
    public init(days: [CalendarDay], open: [String: [Double?]], close: [String: [Double?]]) throws(BacktestError) {
        guard zip(days, days.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw .invalidPrices("trading days are not strictly increasing")
        }
        guard Set(open.keys) == Set(close.keys) else { throw .invalidPrices("open and close cover different symbols") }
        for symbol in open.keys {
            let series = open[symbol, default: []] + close[symbol, default: []]
            guard open[symbol]?.count == days.count, close[symbol]?.count == days.count else {
                throw .invalidPrices("\(symbol) does not have one open and one close entry per trading day")
            }
            if let bad = series.compactMap({ $0 }).first(where: { !($0 > 0 && $0.isFinite) }) {
                throw .invalidPrices("\(symbol) has a non-positive or non-finite price \(bad)")
            }
        }
        self.days = days
        self.symbols = open.keys.sorted()
        self.opens = open
        self.closes = close
    }

    public func open(_ symbol: String, at dayIndex: Int) -> Double? { opens[symbol]?[dayIndex] ?? nil }
    public func close(_ symbol: String, at dayIndex: Int) -> Double? { closes[symbol]?[dayIndex] ?? nil }
}
