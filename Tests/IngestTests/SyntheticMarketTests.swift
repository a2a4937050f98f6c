import Foundation
import MarketData
import SyntheticMarket
import Testing

@Suite("Synthetic market")
struct SyntheticMarketTests {
    let calendar = try! TradingCalendar.nse()
    let year2023 = days("2023-01-01", "2023-12-31")

    @Test func sameSeedSameBarsOtherSeedOtherBars() throws {
        let a = try SyntheticMarket(seed: 1, calendar: calendar).bars(symbol: "TCS", interval: .oneDay, range: year2023)
        let b = try SyntheticMarket(seed: 1, calendar: calendar).bars(symbol: "TCS", interval: .oneDay, range: year2023)
        let c = try SyntheticMarket(seed: 2, calendar: calendar).bars(symbol: "TCS", interval: .oneDay, range: year2023)
        let d = try SyntheticMarket(seed: 1, calendar: calendar).bars(symbol: "INFY", interval: .oneDay, range: year2023)
        #expect(a == b)
        #expect(a.close != c.close)
        #expect(a.close != d.close)
    }

    @Test func subRangesAreSlicesOfTheSamePath() throws {
        let market = try SyntheticMarket(seed: 3, calendar: calendar)
        let whole = market.bars(symbol: "SBIN", interval: .oneDay, range: year2023)
        let june = days("2023-06-01", "2023-06-30")
        #expect(market.bars(symbol: "SBIN", interval: .oneDay, range: june) == whole.slice(june))
        let intraday = market.bars(symbol: "SBIN", interval: .fiveMinute, range: june)
        #expect(market.bars(symbol: "SBIN", interval: .fiveMinute, range: days("2023-06-15", "2023-06-15")) == intraday.slice(days("2023-06-15", "2023-06-15")))
    }

    @Test func barsOnlyOnTradingDaysAndPlausible() throws {
        let bars = try SyntheticMarket(seed: 4, calendar: calendar).bars(symbol: "HDFCBANK", interval: .oneDay, range: year2023)
        #expect(bars.days == (try calendar.tradingDays(in: year2023)))
        for i in 0..<bars.count {
            let b = bars[i]
            #expect(b.low > 0 && b.low <= min(b.open, b.close) && b.high >= max(b.open, b.close) && b.volume > 0)
        }
        let returns = (1..<bars.count).map { log(bars.close[$0] / bars.close[$0 - 1]) }
        let volatility = (returns.map { $0 * $0 }.reduce(0, +) / Double(returns.count)).squareRoot()
        #expect(volatility > 0.005 && volatility < 0.06)
    }

    @Test func intradayBarsFollowTheSessionAndEndAtTheDailyClose() throws {
        let market = try SyntheticMarket(seed: 5, calendar: calendar)
        let d = days("2023-03-01", "2023-03-01")
        let bars = market.bars(symbol: "ITC", interval: .thirtyMinute, range: d)
        #expect(bars.count == 13)
        #expect(IST.format(bars.timestamps[0]) == "2023-03-01 09:15:00+05:30")
        #expect(bars.close.last == market.bars(symbol: "ITC", interval: .oneDay, range: d).close.first)
    }

    @Test func listingDatesAndGapsHoldBarsBack() throws {
        let market = try SyntheticMarket(seed: 6, gaps: [SyntheticGap(parsing: "TCS:2023-03-01..2023-03-31")!, SyntheticGap(symbol: "WIPRO")],
                                         listingDates: ["INFY": day("2023-07-03")], calendar: calendar)
        #expect(market.bars(symbol: "INFY", interval: .oneDay, range: year2023).firstDay == day("2023-07-03"))
        #expect(market.bars(symbol: "WIPRO", interval: .oneDay, range: year2023).isEmpty)
        let tcs = market.bars(symbol: "TCS", interval: .oneDay, range: year2023)
        #expect(!tcs.days.contains { days("2023-03-01", "2023-03-31").contains($0) })
        #expect(tcs.days.contains(day("2023-04-03")))
    }

    @Test func hundredSymbolsThreeYearsIsFast() throws {
        let market = try SyntheticMarket(seed: 8, calendar: calendar)
        let symbols = try Universe.named("nifty100").symbols
        let range = days("2022-01-01", "2024-12-31")
        let started = ContinuousClock.now
        let total = symbols.reduce(0) { $0 + market.bars(symbol: $1, interval: .oneDay, range: range).count }
        let elapsed = ContinuousClock.now - started
        #expect(total > 100 * 700)
        #expect(elapsed < .seconds(2), "debug build; release is far faster")
    }

    @Test func writtenCacheIsMarkedSynthetic() throws {
        let dir = try TemporaryDataDir()
        defer { dir.remove() }
        let market = try SyntheticMarket(seed: 9, gaps: [SyntheticGap(parsing: "TCS:2023-02-01..2023-02-28")!], calendar: calendar)
        let range = days("2023-01-01", "2023-03-31")
        try market.writeCache(to: dir.root.cache, symbols: ["TCS"], range: range, interval: .oneDay)
        let manifest = try dir.root.cache.manifest(symbol: "TCS", interval: .oneDay)
        #expect(Set(manifest.days.keys) == Set(try calendar.tradingDays(in: range)))
        #expect(manifest.days.values.allSatisfy { $0.source == .synthetic })
        #expect(manifest.days[day("2023-02-01")]?.rows == 0)
        #expect(try dir.root.cache.load(symbol: "TCS", interval: .oneDay, range: range) == market.bars(symbol: "TCS", interval: .oneDay, range: range))
    }
}
