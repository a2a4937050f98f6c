import Foundation
import MarketData

extension SyntheticMarket {
    /// Writes the market's bars for `symbols` over `range` into `cache`, marked `synthetic`.
    /// Every trading day from listing is recorded in the manifest, gap days with zero rows.
    public func writeCache(to cache: BarCache, symbols: [String], range: DayRange, interval: Interval = .oneDay,
                           fetchedAt: Date = Date()) throws {
        for symbol in symbols {
            try cache.write(bars(symbol: symbol, interval: interval, range: range), symbol: symbol, interval: interval,
                            source: .synthetic, fetchedAt: fetchedAt, coveredDays: tradingDays(symbol: symbol, range: range))
        }
    }
}
