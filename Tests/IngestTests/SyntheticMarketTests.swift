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

    /// Every day's intraday bars, at every interval, aggregate exactly to its daily bar, and fall
    /// on the session's bar times: regular days, a Muhurat evening and a two-segment drill day.
    /// The planted intraday edge keeps that true.
    @Test(arguments: [Interval.oneMinute, .fiveMinute, .thirtyMinute], [MarketDynamics.realistic, .intradayReversion(strength: 0.9)])
    func intradayBarsAggregateToTheDailyBar(interval: Interval, dynamics: MarketDynamics) throws {
        let market = try SyntheticMarket(seed: 11, dynamics: dynamics, calendar: calendar)
        for range in [days("2024-02-26", "2024-03-08"), days("2024-10-28", "2024-11-05")] {
            let daily = market.bars(symbol: "RELIANCE", interval: .oneDay, range: range)
            let intraday = market.bars(symbol: "RELIANCE", interval: interval, range: range)
            for k in 0..<daily.count {
                let day = daily[k].day
                let bars = intraday.slice(DayRange(day, day))
                let session = try #require(calendar.session(on: day))
                #expect(bars.timestamps == session.barStarts(interval).map { day.startEpochSeconds + $0 }, "\(day)")
                #expect(bars.open.first == daily.open[k] && bars.close.last == daily.close[k], "\(day)")
                #expect(bars.high.max() == daily.high[k] && bars.low.min() == daily.low[k], "\(day)")
                #expect(bars.volume.reduce(0, +) == daily.volume[k] && bars.volume.allSatisfy { $0 >= 0 }, "\(day)")
                for i in 0..<bars.count {
                    #expect(bars.low[i] <= min(bars.open[i], bars.close[i]) && bars.high[i] >= max(bars.open[i], bars.close[i]))
                }
            }
        }
        // 2024-03-02: 09:15-10:00 and 11:30-12:30; 2024-11-01: Muhurat 18:00-19:00.
        let drill = market.bars(symbol: "RELIANCE", interval: interval, range: days("2024-03-02", "2024-03-02"))
        #expect(drill.count == ["1minute": 105, "5minute": 21, "30minute": 4][interval.rawValue])
        let muhurat = market.bars(symbol: "RELIANCE", interval: interval, range: days("2024-11-01", "2024-11-01"))
        #expect(IST.format(muhurat.timestamps[0]) == "2024-11-01 18:00:00+05:30")
        #expect(muhurat.count == ["1minute": 60, "5minute": 12, "30minute": 2][interval.rawValue])
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

    /// Every day is walked minute by minute even for daily bars; `make bench` times the market
    /// (tests never depend on this machine's speed).
    @Test func hundredSymbolsThreeYearsOfDailyBars() throws {
        let market = try SyntheticMarket(seed: 8, calendar: calendar)
        let symbols = try Universe.named("nifty100").symbols
        let range = days("2022-01-01", "2024-12-31")
        let total = symbols.reduce(0) { $0 + market.bars(symbol: $1, interval: .oneDay, range: range).count }
        #expect(total > 100 * 700)
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
